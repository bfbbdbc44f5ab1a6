//! The brief, actors, stakes and risks merged field by field, and their evidence as sets
//! of spans.

use super::fields::{Ctx, merge_set};
use super::keyed::{Deleted, Versions, merge_keyed, presence};
use crate::model::{
    Actor, BriefMeta, Evidence, Field, Id, ItemKind, ItemRef, Risk, Stake, TextField, Value,
};

/// The brief's fields, each merged on its own.
pub(super) fn merge_brief(ctx: &mut Ctx, [b, o, t]: [&BriefMeta; 3]) -> BriefMeta {
    BriefMeta {
        title: ctx.text(TextField::BriefTitle, [&b.title, &o.title, &t.title]),
        bottom_line: ctx.text(
            TextField::BottomLine,
            [&b.bottom_line, &o.bottom_line, &t.bottom_line],
        ),
        analyst: ctx.text(TextField::Analyst, [&b.analyst, &o.analyst, &t.analyst]),
        handling: ctx.text(TextField::Handling, [&b.handling, &o.handling, &t.handling]),
        confidence: ctx.scalar(
            Field::BriefConfidence,
            [&b.confidence, &o.confidence, &t.confidence],
            |c| Value::Confidence(*c),
        ),
    }
}

/// What a span says, as opposed to where it sits: offsets follow the text (and are found
/// again after the merge), so a span moved by a new text is not a changed span.
fn selector(e: &Evidence) -> (Id, &str, &str, &str) {
    (e.source, &e.quote, &e.prefix, &e.suffix)
}

/// True when two lists hold the same spans saying the same things.
pub(super) fn same_spans(a: &[Evidence], b: &[Evidence]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.id == y.id && selector(x) == selector(y))
}

/// An item's evidence merged as a set of spans by id.
fn merge_evidence(ctx: &mut Ctx, item: ItemRef, lists: [&[Evidence]; 3]) -> Vec<Evidence> {
    merge_keyed(lists, |e| e.id, |versions| merge_span(ctx, item, versions))
}

fn merge_span(ctx: &mut Ctx, item: ItemRef, versions: Versions<'_, Evidence>) -> Option<Evidence> {
    let span = |e: Option<&Evidence>| e.map_or(Value::Absent, |e| Value::Evidence(e.clone()));
    let field = |e: &Evidence| Field::Evidence(item, e.id);
    let [base, ..] = versions;
    // A span the deleting version dropped with a source kept against that deletion stays.
    let kept_source = |e: &Evidence| ctx.kept_sources.contains(&e.source);
    let mut found = None;
    let decided = presence(
        versions,
        |b, kept| selector(b) != selector(kept) || kept_source(kept),
        |deleted, kept| {
            if selector(kept) != base.map_or(selector(kept), selector) {
                let (ours, theirs) = match deleted {
                    Deleted::ByTheirs => (span(Some(kept)), Value::Absent),
                    Deleted::ByOurs => (Value::Absent, span(Some(kept))),
                };
                found = Some((field(kept), span(base), ours, theirs));
            }
        },
    );
    if let Some((field, b, o, t)) = found {
        ctx.conflict(field, b, o, t);
    }
    let [b, o, t] = match decided {
        Ok(Some(all)) => all,
        Ok(None) => return None,
        Err(kept) => return kept,
    };
    if selector(o) == selector(t) || selector(t) == selector(b) {
        Some(o.clone())
    } else if selector(o) == selector(b) {
        Some(t.clone())
    } else {
        ctx.conflict(field(o), span(Some(b)), span(Some(o)), span(Some(t)));
        Some(o.clone())
    }
}

/// An actor, stake or risk as the merge sees it.
pub(super) trait Mergeable: Clone + PartialEq {
    /// Where it is.
    fn item_ref(&self) -> ItemRef;
    /// True when both say the same things (span offsets aside).
    fn same_content(&self, other: &Self) -> bool;
    /// Merged field by field.
    fn merge_fields(ctx: &mut Ctx, versions: [&Self; 3]) -> Self;
}

/// One item merged: taken whole from the version that changed it when only one did,
/// field by field when both did.
pub(super) fn merge_item<T: Mergeable>(ctx: &mut Ctx, [b, o, t]: [&T; 3]) -> T {
    if !ctx.kept_anything() {
        if o == t || t == b {
            return o.clone();
        }
        if o == b {
            return t.clone();
        }
        if t.same_content(b) {
            return o.clone();
        }
        if o.same_content(b) {
            return t.clone();
        }
    }
    T::merge_fields(ctx, [b, o, t])
}

/// One list of items merged by id, with the presence rule: an item one version deleted
/// and the other changed (or, for an actor, named anew: `used`) is kept as the changing
/// version has it, and the choice is a conflict.
pub(super) fn merge_items<T: Mergeable>(
    ctx: &mut Ctx,
    lists: [&[T]; 3],
    used: [&std::collections::HashSet<Id>; 2],
) -> Vec<T> {
    merge_keyed(
        lists,
        |x| x.item_ref().id,
        |versions| {
            let mut kept_against = None;
            let decided = presence(
                versions,
                |b, kept| {
                    let named_anew =
                        |side: &std::collections::HashSet<Id>| side.contains(&b.item_ref().id);
                    !b.same_content(kept) || named_anew(used[0]) || named_anew(used[1])
                },
                |deleted, kept| kept_against = Some((deleted, kept.item_ref())),
            );
            if let Some((deleted, item)) = kept_against {
                let (ours, theirs) = match deleted {
                    Deleted::ByTheirs => (Value::Present, Value::Absent),
                    Deleted::ByOurs => (Value::Absent, Value::Present),
                };
                ctx.conflict(Field::Item(item), Value::Present, ours, theirs);
                if item.kind == ItemKind::Actor {
                    ctx.kept_actors.insert(item.id);
                }
            }
            match decided {
                Ok(Some(all)) => Some(merge_item(ctx, all)),
                Ok(None) => None,
                Err(kept) => kept,
            }
        },
    )
}

/// A list of actor ids (holders, a risk's actors) merged as a set; an actor kept against
/// its deletion stays named where the deleting version dropped it.
fn merge_refs(ctx: &Ctx, lists: [&[Id]; 3]) -> Vec<Id> {
    let keep = |id: &Id| ctx.kept_actors.contains(id);
    merge_set(
        lists,
        ctx.kept_anything().then_some(&keep as &dyn Fn(&Id) -> bool),
    )
}

impl Mergeable for Actor {
    fn item_ref(&self) -> ItemRef {
        ItemRef {
            kind: ItemKind::Actor,
            id: self.id,
        }
    }

    fn same_content(&self, o: &Self) -> bool {
        self.id == o.id
            && self.name == o.name
            && self.aliases == o.aliases
            && self.kind == o.kind
            && self.role == o.role
            && self.position == o.position
            && self.notes == o.notes
            && same_spans(&self.evidence, &o.evidence)
    }

    fn merge_fields(ctx: &mut Ctx, [b, o, t]: [&Self; 3]) -> Self {
        let id = o.id;
        Actor {
            id,
            name: ctx.text(TextField::ActorName(id), [&b.name, &o.name, &t.name]),
            aliases: merge_set([&b.aliases, &o.aliases, &t.aliases], None),
            kind: ctx.scalar(Field::ActorKind(id), [&b.kind, &o.kind, &t.kind], |k| {
                Value::ActorKind(*k)
            }),
            role: ctx.text(TextField::ActorRole(id), [&b.role, &o.role, &t.role]),
            position: ctx.text(
                TextField::ActorPosition(id),
                [&b.position, &o.position, &t.position],
            ),
            notes: ctx.text(TextField::ActorNotes(id), [&b.notes, &o.notes, &t.notes]),
            evidence: merge_evidence(ctx, o.item_ref(), [&b.evidence, &o.evidence, &t.evidence]),
        }
    }
}

impl Mergeable for Stake {
    fn item_ref(&self) -> ItemRef {
        ItemRef {
            kind: ItemKind::Stake,
            id: self.id,
        }
    }

    fn same_content(&self, o: &Self) -> bool {
        self.id == o.id
            && self.title == o.title
            && self.detail == o.detail
            && self.holders == o.holders
            && self.importance == o.importance
            && same_spans(&self.evidence, &o.evidence)
    }

    fn merge_fields(ctx: &mut Ctx, [b, o, t]: [&Self; 3]) -> Self {
        let id = o.id;
        Stake {
            id,
            title: ctx.text(TextField::StakeTitle(id), [&b.title, &o.title, &t.title]),
            detail: ctx.text(
                TextField::StakeDetail(id),
                [&b.detail, &o.detail, &t.detail],
            ),
            holders: merge_refs(ctx, [&b.holders, &o.holders, &t.holders]),
            importance: ctx.scalar(
                Field::Importance(id),
                [&b.importance, &o.importance, &t.importance],
                |i| Value::Importance(*i),
            ),
            evidence: merge_evidence(ctx, o.item_ref(), [&b.evidence, &o.evidence, &t.evidence]),
        }
    }
}

impl Mergeable for Risk {
    fn item_ref(&self) -> ItemRef {
        ItemRef {
            kind: ItemKind::Risk,
            id: self.id,
        }
    }

    fn same_content(&self, o: &Self) -> bool {
        self.id == o.id
            && self.title == o.title
            && self.detail == o.detail
            && self.likelihood == o.likelihood
            && self.impact == o.impact
            && self.horizon == o.horizon
            && self.indicators == o.indicators
            && self.actors == o.actors
            && self.confidence == o.confidence
            && same_spans(&self.evidence, &o.evidence)
    }

    fn merge_fields(ctx: &mut Ctx, [b, o, t]: [&Self; 3]) -> Self {
        let id = o.id;
        let rating = |n: &u8| Value::Number(*n);
        Risk {
            id,
            title: ctx.text(TextField::RiskTitle(id), [&b.title, &o.title, &t.title]),
            detail: ctx.text(TextField::RiskDetail(id), [&b.detail, &o.detail, &t.detail]),
            likelihood: ctx.scalar(
                Field::Likelihood(id),
                [&b.likelihood, &o.likelihood, &t.likelihood],
                rating,
            ),
            impact: ctx.scalar(Field::Impact(id), [&b.impact, &o.impact, &t.impact], rating),
            horizon: ctx.text(
                TextField::RiskHorizon(id),
                [&b.horizon, &o.horizon, &t.horizon],
            ),
            indicators: merge_set([&b.indicators, &o.indicators, &t.indicators], None),
            actors: merge_refs(ctx, [&b.actors, &o.actors, &t.actors]),
            confidence: ctx.scalar(
                Field::RiskConfidence(id),
                [&b.confidence, &o.confidence, &t.confidence],
                |c| Value::Confidence(*c),
            ),
            evidence: merge_evidence(ctx, o.item_ref(), [&b.evidence, &o.evidence, &t.evidence]),
        }
    }
}
