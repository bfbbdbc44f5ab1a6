//! Every change the UI (or a script) can make to a notebook, as a value.

use super::validate::{InvalidNotebook, validate};
use super::{
    Actor, ActorKind, AnchorStatus, Article, Confidence, Credibility, Evidence, Field, Id,
    Importance, ItemKind, ItemRef, Notebook, Reliability, Risk, Source, SourceField, Stake, Value,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use thiserror::Error;

/// A free-text field of the notebook (also how a merge conflict names one, in the file).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TextField {
    /// The brief's title.
    BriefTitle,
    /// The bottom line.
    BottomLine,
    /// Analyst name on the brief.
    Analyst,
    /// Handling line on the brief.
    Handling,
    /// An actor's name.
    ActorName(Id),
    /// An actor's role.
    ActorRole(Id),
    /// An actor's position or interests.
    ActorPosition(Id),
    /// An actor's notes.
    ActorNotes(Id),
    /// What is at stake.
    StakeTitle(Id),
    /// A stake's detail.
    StakeDetail(Id),
    /// A risk's title.
    RiskTitle(Id),
    /// A risk's detail.
    RiskDetail(Id),
    /// A risk's time horizon.
    RiskHorizon(Id),
}

/// A list of short strings on an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ListField {
    /// An actor's aliases.
    ActorAliases(Id),
    /// A risk's indicators to watch.
    RiskIndicators(Id),
}

/// One change to a notebook. Applying it is the only way the UI changes the model.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Replace a text field.
    SetText(TextField, String),
    /// Replace one entry of a list field.
    SetListEntry(ListField, usize, String),
    /// Append an entry to a list field.
    AddListEntry(ListField, String),
    /// Remove one entry of a list field.
    RemoveListEntry(ListField, usize),
    /// Change an actor's kind.
    SetActorKind(Id, ActorKind),
    /// Change a stake's importance.
    SetImportance(Id, Importance),
    /// Set a risk's likelihood (1-5).
    SetLikelihood(Id, u8),
    /// Set a risk's impact (1-5).
    SetImpact(Id, u8),
    /// Set the confidence in a risk judgment.
    SetRiskConfidence(Id, Confidence),
    /// Set the confidence in the bottom line.
    SetBriefConfidence(Confidence),
    /// Stop suggesting this name as an actor.
    DismissSuggestion(String),
    /// Several edits as one undo step (all or nothing).
    Batch(Vec<Edit>),
    /// Add or remove an actor among a stake's holders.
    ToggleStakeHolder { stake: Id, actor: Id },
    /// Add or remove an actor among a risk's actors.
    ToggleRiskActor { risk: Id, actor: Id },
    /// Create an item at the end of its list, named `name`, with optional first evidence.
    /// The new item's id is `id` (allocate it with [`Notebook::allocate_id`] first).
    AddItem {
        kind: ItemKind,
        id: Id,
        name: String,
        evidence: Option<Evidence>,
    },
    /// Delete an item (and references to it, for actors).
    DeleteItem(ItemRef),
    /// Move an item up (negative) or down (positive) in its list.
    MoveItem(ItemRef, isize),
    /// Attach a span as evidence.
    AttachEvidence(ItemRef, Evidence),
    /// Remove one evidence span from an item.
    RemoveEvidence(ItemRef, Id),
    /// Replace one evidence span (same id) with a new one: accepting a re-attached span.
    ReplaceEvidence(ItemRef, Evidence),
    /// Replace one source's article, with where each of its spans now sits (see
    /// `anchor`); the other sources' spans are not touched.
    ReplaceArticle {
        /// The source whose article is replaced.
        source: Id,
        /// The new article.
        article: Article,
        /// Where each of the source's evidence spans sits in the new text.
        anchors: Vec<SpanPosition>,
    },
    /// Add a source at the end of the list. Its id must be fresh (allocate it with
    /// [`Notebook::allocate_id`] first).
    AddSource(Source),
    /// Remove a source and every evidence span that quotes it.
    RemoveSource(Id),
    /// Move a source up (negative) or down (positive) in the list (its brief number
    /// changes with it).
    MoveSource(Id, isize),
    /// Grade a source.
    SetSourceGrade(Id, Reliability, Credibility),
    /// Set one thing known about a source (an empty value makes it unknown).
    SetSourceMeta(Id, SourceField, String),
    /// Set the field a merge conflict names to a value (see [`Field`]): deleting an item,
    /// source or span when the value is [`Value::Absent`]. A source's text is replaced with
    /// [`Edit::ReplaceArticle`] instead, which moves its spans.
    SetField(Field, Value),
    /// Forget the merge conflict about this field (it has been settled).
    DropConflict(Field),
}

/// Where one evidence span sits in a replaced article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpanPosition {
    /// The span's id.
    pub evidence: Id,
    /// Char offset of its first char in the new text.
    pub start: usize,
    /// Char offset one past its last char.
    pub end: usize,
    /// How it was found in the new text.
    pub status: AnchorStatus,
}

/// Why an edit could not be applied.
#[derive(Debug, Error, PartialEq)]
pub enum EditError {
    /// The item the edit names is gone.
    #[error("the {kind} with id {id} no longer exists", kind = .0.kind.label(), id = .0.id)]
    NoSuchItem(ItemRef),
    /// A list index is past the end.
    #[error("there is no entry {0} in that list")]
    NoSuchEntry(usize),
    /// The evidence span the edit names is gone.
    #[error("evidence {0} no longer exists")]
    NoSuchEvidence(Id),
    /// The source the edit names is gone.
    #[error("source {0} no longer exists")]
    NoSuchSource(Id),
    /// A new span that selects nothing.
    #[error("the selected span {0}..{1} is empty")]
    EmptySpan(usize, usize),
    /// The edit would break one of the notebook's invariants (see [`validate`]).
    #[error("{0}")]
    Invalid(#[from] InvalidNotebook),
    /// A value of the wrong kind for the field (text for a rating...).
    #[error("{value} is not a value for the {}", .field.label())]
    WrongValue {
        /// The field.
        field: Field,
        /// The value, in words.
        value: String,
    },
    /// No merge conflict about this field (it was settled already).
    #[error("there is no conflict about the {} any more", .0.label())]
    NoSuchConflict(Field),
}

impl Edit {
    /// Edits with the same key, applied one after another, form one undo step
    /// (typing a word in a field is one step, not one per letter).
    pub fn coalesce_key(&self) -> Option<CoalesceKey> {
        match self {
            Edit::SetText(field, _) => Some(CoalesceKey::Text(*field)),
            Edit::SetListEntry(field, index, _) => Some(CoalesceKey::List(*field, *index)),
            Edit::SetSourceMeta(id, field, _) => Some(CoalesceKey::Source(*id, *field)),
            _ => None,
        }
    }

    /// Applies the edit to `nb`, then checks the result with [`validate`]. On error `nb`
    /// is unchanged.
    pub fn apply(self, nb: &mut Notebook) -> Result<(), EditError> {
        *nb = self.applied(nb)?;
        Ok(())
    }

    /// The notebook `nb` becomes with this edit, checked with [`validate`]; `nb` itself
    /// is not touched (a caller keeping `nb` for undo needs no copy of its own).
    pub fn applied(self, nb: &Notebook) -> Result<Notebook, EditError> {
        let mut next = nb.clone();
        self.change(&mut next)?;
        validate(&next)?;
        Ok(next)
    }

    /// Makes the change, checking only what the edit itself names (the item, entry or
    /// span must exist); may leave `nb` half changed on error, so only [`Edit::apply`]
    /// calls it, on a copy.
    fn change(self, nb: &mut Notebook) -> Result<(), EditError> {
        self.change_only(nb)?;
        // A conflict about something deleted goes with it.
        if !nb.conflicts.is_empty() {
            let conflicts = std::mem::take(&mut nb.conflicts);
            nb.conflicts = conflicts
                .into_iter()
                .filter(|c| c.field.target_exists(nb))
                .collect();
        }
        Ok(())
    }

    /// [`Edit::change`] without its tidying of conflicts.
    fn change_only(self, nb: &mut Notebook) -> Result<(), EditError> {
        match self {
            Edit::SetText(field, value) => {
                *text_field_mut(nb, field)? = value;
            }
            Edit::SetListEntry(field, index, value) => {
                let list = list_field_mut(nb, field)?;
                *list.get_mut(index).ok_or(EditError::NoSuchEntry(index))? = value;
            }
            Edit::AddListEntry(field, value) => list_field_mut(nb, field)?.push(value),
            Edit::RemoveListEntry(field, index) => {
                let list = list_field_mut(nb, field)?;
                if index >= list.len() {
                    return Err(EditError::NoSuchEntry(index));
                }
                list.remove(index);
            }
            Edit::SetActorKind(id, kind) => actor_mut(nb, id)?.kind = kind,
            Edit::SetImportance(id, importance) => stake_mut(nb, id)?.importance = importance,
            Edit::SetLikelihood(id, level) => risk_mut(nb, id)?.likelihood = level,
            Edit::SetImpact(id, level) => risk_mut(nb, id)?.impact = level,
            Edit::SetRiskConfidence(id, c) => risk_mut(nb, id)?.confidence = c,
            Edit::SetBriefConfidence(c) => nb.brief.confidence = c,
            Edit::Batch(edits) => {
                for edit in edits {
                    edit.change_only(nb)?;
                }
            }
            Edit::DismissSuggestion(name) => {
                if !nb.dismissed_suggestions.contains(&name) {
                    nb.dismissed_suggestions.push(name);
                }
            }
            Edit::ToggleStakeHolder { stake, actor } => {
                actor_mut(nb, actor)?;
                toggle(&mut stake_mut(nb, stake)?.holders, actor);
            }
            Edit::ToggleRiskActor { risk, actor } => {
                actor_mut(nb, actor)?;
                toggle(&mut risk_mut(nb, risk)?.actors, actor);
            }
            Edit::AddItem {
                kind,
                id,
                name,
                evidence,
            } => {
                if let Some(e) = &evidence {
                    not_empty(e)?;
                    reserve(nb, e.id);
                }
                reserve(nb, id);
                nb.list_mut(kind)
                    .push_named(id, name, evidence.into_iter().collect());
            }
            Edit::DeleteItem(item) => delete_item(nb, item)?,
            Edit::MoveItem(item, delta) => {
                if !nb.list_mut(item.kind).shift(item.id, delta) {
                    return Err(EditError::NoSuchItem(item));
                }
            }
            Edit::AttachEvidence(item, evidence) => {
                not_empty(&evidence)?;
                reserve(nb, evidence.id);
                nb.evidence_of_mut(item)
                    .ok_or(EditError::NoSuchItem(item))?
                    .push(evidence);
            }
            Edit::RemoveEvidence(item, evidence_id) => {
                let list = nb
                    .evidence_of_mut(item)
                    .ok_or(EditError::NoSuchItem(item))?;
                list.retain(|e| e.id != evidence_id);
            }
            Edit::ReplaceEvidence(item, evidence) => {
                not_empty(&evidence)?;
                let list = nb
                    .evidence_of_mut(item)
                    .ok_or(EditError::NoSuchItem(item))?;
                let slot = list
                    .iter_mut()
                    .find(|e| e.id == evidence.id)
                    .ok_or(EditError::NoSuchEvidence(evidence.id))?;
                *slot = evidence;
            }
            Edit::ReplaceArticle {
                source,
                article,
                anchors,
            } => {
                source_mut(nb, source)?.article = article;
                let by_id: HashMap<Id, SpanPosition> =
                    anchors.into_iter().map(|p| (p.evidence, p)).collect();
                let spans = nb.all_evidence_mut().filter(|e| e.source == source);
                for evidence in spans {
                    if let Some(p) = by_id.get(&evidence.id) {
                        evidence.start = p.start;
                        evidence.end = p.end;
                        evidence.status = p.status;
                    }
                }
            }
            Edit::AddSource(new) => {
                reserve(nb, new.id);
                nb.sources.push(new);
            }
            Edit::RemoveSource(id) => remove_source(nb, id)?,
            Edit::MoveSource(id, delta) => {
                let pos = nb
                    .sources
                    .iter()
                    .position(|s| s.id == id)
                    .ok_or(EditError::NoSuchSource(id))?;
                super::item::shift_within(&mut nb.sources, pos, delta);
            }
            Edit::SetSourceGrade(id, reliability, credibility) => {
                let s = source_mut(nb, id)?;
                s.reliability = reliability;
                s.credibility = credibility;
            }
            Edit::SetSourceMeta(id, field, value) => {
                field.set(&mut source_mut(nb, id)?.article, value);
            }
            Edit::SetField(field, value) => set_field(nb, field, value)?,
            Edit::DropConflict(field) => {
                let before = nb.conflicts.len();
                nb.conflicts.retain(|c| c.field != field);
                if nb.conflicts.len() == before {
                    return Err(EditError::NoSuchConflict(field));
                }
            }
        }
        Ok(())
    }
}

/// Identifies edits that merge into one undo step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoalesceKey {
    /// Consecutive edits of one text field.
    Text(TextField),
    /// Consecutive edits of one list entry.
    List(ListField, usize),
    /// Consecutive edits of one field of a source.
    Source(Id, SourceField),
}

fn toggle(ids: &mut Vec<Id>, id: Id) {
    if let Some(pos) = ids.iter().position(|&x| x == id) {
        ids.remove(pos);
    } else {
        ids.push(id);
    }
}

fn actor_mut(nb: &mut Notebook, id: Id) -> Result<&mut Actor, EditError> {
    nb.actors
        .iter_mut()
        .find(|a| a.id == id)
        .ok_or(EditError::NoSuchItem(ItemRef {
            kind: ItemKind::Actor,
            id,
        }))
}

fn stake_mut(nb: &mut Notebook, id: Id) -> Result<&mut Stake, EditError> {
    nb.stakes
        .iter_mut()
        .find(|s| s.id == id)
        .ok_or(EditError::NoSuchItem(ItemRef {
            kind: ItemKind::Stake,
            id,
        }))
}

fn risk_mut(nb: &mut Notebook, id: Id) -> Result<&mut Risk, EditError> {
    nb.risks
        .iter_mut()
        .find(|r| r.id == id)
        .ok_or(EditError::NoSuchItem(ItemRef {
            kind: ItemKind::Risk,
            id,
        }))
}

fn source_mut(nb: &mut Notebook, id: Id) -> Result<&mut Source, EditError> {
    nb.source_mut(id).ok_or(EditError::NoSuchSource(id))
}

fn text_field_mut(nb: &mut Notebook, field: TextField) -> Result<&mut String, EditError> {
    Ok(match field {
        TextField::BriefTitle => &mut nb.brief.title,
        TextField::BottomLine => &mut nb.brief.bottom_line,
        TextField::Analyst => &mut nb.brief.analyst,
        TextField::Handling => &mut nb.brief.handling,
        TextField::ActorName(id) => &mut actor_mut(nb, id)?.name,
        TextField::ActorRole(id) => &mut actor_mut(nb, id)?.role,
        TextField::ActorPosition(id) => &mut actor_mut(nb, id)?.position,
        TextField::ActorNotes(id) => &mut actor_mut(nb, id)?.notes,
        TextField::StakeTitle(id) => &mut stake_mut(nb, id)?.title,
        TextField::StakeDetail(id) => &mut stake_mut(nb, id)?.detail,
        TextField::RiskTitle(id) => &mut risk_mut(nb, id)?.title,
        TextField::RiskDetail(id) => &mut risk_mut(nb, id)?.detail,
        TextField::RiskHorizon(id) => &mut risk_mut(nb, id)?.horizon,
    })
}

fn list_field_mut(nb: &mut Notebook, field: ListField) -> Result<&mut Vec<String>, EditError> {
    Ok(match field {
        ListField::ActorAliases(id) => &mut actor_mut(nb, id)?.aliases,
        ListField::RiskIndicators(id) => &mut risk_mut(nb, id)?.indicators,
    })
}

/// Keeps `id` from being handed out again (ids are never reused).
fn reserve(nb: &mut Notebook, id: Id) {
    nb.next_id = nb.next_id.max(id.saturating_add(1));
}

/// A new span must select something (validation then checks it lies in the text).
fn not_empty(evidence: &Evidence) -> Result<(), EditError> {
    if evidence.start >= evidence.end {
        return Err(EditError::EmptySpan(evidence.start, evidence.end));
    }
    Ok(())
}

fn remove_source(nb: &mut Notebook, id: Id) -> Result<(), EditError> {
    let before = nb.sources.len();
    nb.sources.retain(|s| s.id != id);
    if nb.sources.len() == before {
        return Err(EditError::NoSuchSource(id));
    }
    for item in nb.all_items_mut() {
        item.evidence_mut().retain(|e| e.source != id);
    }
    Ok(())
}

/// Sets what a conflict's field names to `value` (see [`Edit::SetField`]).
fn set_field(nb: &mut Notebook, field: Field, value: Value) -> Result<(), EditError> {
    let wrong = || EditError::WrongValue {
        field,
        value: value.summary(),
    };
    if !field.accepts(&value) {
        return Err(wrong());
    }
    match (field, value.clone()) {
        (Field::Text(text), Value::Text(s)) => *text_field_mut(nb, text)? = s,
        (Field::ActorKind(id), Value::ActorKind(kind)) => actor_mut(nb, id)?.kind = kind,
        (Field::Importance(id), Value::Importance(i)) => stake_mut(nb, id)?.importance = i,
        (Field::Likelihood(id), Value::Number(n)) => risk_mut(nb, id)?.likelihood = n,
        (Field::Impact(id), Value::Number(n)) => risk_mut(nb, id)?.impact = n,
        (Field::RiskConfidence(id), Value::Confidence(c)) => risk_mut(nb, id)?.confidence = c,
        (Field::BriefConfidence, Value::Confidence(c)) => nb.brief.confidence = c,
        (Field::Reliability(id), Value::Reliability(r)) => source_mut(nb, id)?.reliability = r,
        (Field::Credibility(id), Value::Credibility(c)) => source_mut(nb, id)?.credibility = c,
        (Field::SourceMeta(id, meta), Value::Text(s)) => {
            meta.set(&mut source_mut(nb, id)?.article, s);
        }
        (Field::Item(item), Value::Absent) => delete_item(nb, item)?,
        (Field::Item(item), _) => {
            nb.item(item).ok_or(EditError::NoSuchItem(item))?;
        }
        (Field::Source(id), Value::Absent) => remove_source(nb, id)?,
        (Field::Source(id), _) => {
            source_mut(nb, id)?;
        }
        (Field::Evidence(item, id), value) => {
            let list = nb
                .evidence_of_mut(item)
                .ok_or(EditError::NoSuchItem(item))?;
            let at = list
                .iter()
                .position(|e| e.id == id)
                .ok_or(EditError::NoSuchEvidence(id))?;
            match value {
                Value::Evidence(span) => list[at] = span,
                _ => {
                    list.remove(at);
                }
            }
        }
        // A text is replaced with `Edit::ReplaceArticle`, which moves its spans.
        _ => return Err(wrong()),
    }
    Ok(())
}

fn delete_item(nb: &mut Notebook, item: ItemRef) -> Result<(), EditError> {
    if !nb.list_mut(item.kind).remove(item.id) {
        return Err(EditError::NoSuchItem(item));
    }
    if item.kind == ItemKind::Actor {
        // A deleted actor must not linger as a dangling reference.
        for stake in &mut nb.stakes {
            stake.holders.retain(|&h| h != item.id);
        }
        for risk in &mut nb.risks {
            risk.actors.retain(|&a| a != item.id);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
