//! Every change the UI (or a script) can make to a notebook, as a value.

use super::{
    Actor, ActorKind, AnchorStatus, Article, Confidence, Evidence, Id, Importance, ItemKind,
    ItemRef, Notebook, Risk, Stake,
};
use thiserror::Error;

/// A free-text field of the notebook.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
    /// Replace the article's text, with where every span now sits (see `anchor`).
    ReplaceArticle {
        /// The new article.
        article: Article,
        /// For each evidence id: new start, end and status.
        anchors: Vec<(Id, usize, usize, AnchorStatus)>,
    },
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
    /// A rating outside 1-5.
    #[error("ratings go from 1 to 5, not {0}")]
    BadRating(u8),
    /// An id is already in use.
    #[error("id {0} is already in use")]
    DuplicateId(Id),
    /// A span that is empty or outside the article.
    #[error("the selected span {0}..{1} is empty or outside the article")]
    BadSpan(usize, usize),
}

impl Edit {
    /// Edits with the same key, applied one after another, form one undo step
    /// (typing a word in a field is one step, not one per letter).
    pub fn coalesce_key(&self) -> Option<CoalesceKey> {
        match self {
            Edit::SetText(field, _) => Some(CoalesceKey::Text(*field)),
            Edit::SetListEntry(field, index, _) => Some(CoalesceKey::List(*field, *index)),
            _ => None,
        }
    }

    /// Applies the edit to `nb`. On error `nb` is unchanged.
    pub fn apply(self, nb: &mut Notebook) -> Result<(), EditError> {
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
            Edit::SetLikelihood(id, level) => risk_mut(nb, id)?.likelihood = rating(level)?,
            Edit::SetImpact(id, level) => risk_mut(nb, id)?.impact = rating(level)?,
            Edit::SetRiskConfidence(id, c) => risk_mut(nb, id)?.confidence = c,
            Edit::SetBriefConfidence(c) => nb.brief.confidence = c,
            Edit::Batch(edits) => {
                let mut scratch = nb.clone();
                for edit in edits {
                    edit.apply(&mut scratch)?;
                }
                *nb = scratch;
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
            } => add_item(nb, kind, id, name, evidence)?,
            Edit::DeleteItem(item) => delete_item(nb, item)?,
            Edit::MoveItem(item, delta) => move_item(nb, item, delta)?,
            Edit::AttachEvidence(item, evidence) => {
                check_span(nb, &evidence)?;
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
                check_span(nb, &evidence)?;
                let list = nb
                    .evidence_of_mut(item)
                    .ok_or(EditError::NoSuchItem(item))?;
                let slot = list
                    .iter_mut()
                    .find(|e| e.id == evidence.id)
                    .ok_or(EditError::NoSuchEvidence(evidence.id))?;
                *slot = evidence;
            }
            Edit::ReplaceArticle { article, anchors } => {
                let len = article.char_len();
                let out_of_range = anchors
                    .iter()
                    .any(|&(_, s, e, st)| st != AnchorStatus::Orphaned && (s > e || e > len));
                if out_of_range {
                    return Err(EditError::BadSpan(0, len));
                }
                nb.article = article;
                let by_id: std::collections::HashMap<Id, (usize, usize, AnchorStatus)> = anchors
                    .into_iter()
                    .map(|(id, s, e, st)| (id, (s, e, st)))
                    .collect();
                for evidence in nb.all_evidence_mut() {
                    if let Some(&(start, end, status)) = by_id.get(&evidence.id) {
                        evidence.start = start;
                        evidence.end = end;
                        evidence.status = status;
                    }
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
}

fn rating(level: u8) -> Result<u8, EditError> {
    if (1..=5).contains(&level) {
        Ok(level)
    } else {
        Err(EditError::BadRating(level))
    }
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

fn check_span(nb: &Notebook, evidence: &Evidence) -> Result<(), EditError> {
    if evidence.start >= evidence.end || evidence.end > nb.article.char_len() {
        return Err(EditError::BadSpan(evidence.start, evidence.end));
    }
    Ok(())
}

fn id_in_use(nb: &Notebook, id: Id) -> bool {
    nb.all_items().any(|i| i.id() == id) || nb.all_evidence().any(|(_, e)| e.id == id)
}

fn add_item(
    nb: &mut Notebook,
    kind: ItemKind,
    id: Id,
    name: String,
    evidence: Option<Evidence>,
) -> Result<(), EditError> {
    if id_in_use(nb, id) {
        return Err(EditError::DuplicateId(id));
    }
    if let Some(e) = &evidence {
        check_span(nb, e)?;
    }
    nb.next_id = nb.next_id.max(id + 1);
    nb.list_mut(kind)
        .push_named(id, name, evidence.into_iter().collect());
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

fn move_item(nb: &mut Notebook, item: ItemRef, delta: isize) -> Result<(), EditError> {
    if nb.list_mut(item.kind).shift(item.id, delta) {
        Ok(())
    } else {
        Err(EditError::NoSuchItem(item))
    }
}
