//! A team of two analysts simulated: random edit sessions on one notebook, and a judge
//! that tells from the three versions and a merge whether any edit was lost and whether
//! each conflict was owed. Shared by `tests/team_merge.rs` and `benches/merge.rs`.
//!
//! The judge works on facts, not on the merge's own reasoning: every notebook is
//! flattened into `key → value` (each field of each item, each alias, holder and span as
//! its own key), and a side "changed" a key when its value differs from the base's. An
//! edit is lost when a changed key does not have that side's value in the merge and no
//! conflict covers it; a conflict is owed when both sides changed its key differently, or
//! one deleted what the other changed.

#![allow(dead_code)]

use briefing_core::anchor::evidence_for;
use briefing_core::model::{
    ActorKind, Confidence, Edit, Field, Id, Importance, ItemKind, ItemRef, ListField, Notebook,
    Target, TextField, TextIndex,
};
use std::collections::{BTreeMap, HashMap, HashSet};

pub use crate::support::Rng;

fn any_item(nb: &Notebook, rng: &mut Rng) -> Option<ItemRef> {
    let all: Vec<ItemRef> = nb.all_items().map(|i| i.item_ref()).collect();
    (!all.is_empty()).then(|| all[rng.below(all.len())])
}

fn any_of(nb: &Notebook, kind: ItemKind, rng: &mut Rng) -> Option<Id> {
    let ids: Vec<ItemRef> = nb.item_refs(kind);
    (!ids.is_empty()).then(|| ids[rng.below(ids.len())].id)
}

/// A span of 10-60 chars somewhere in a random source.
fn any_span(nb: &mut Notebook, rng: &mut Rng) -> Option<briefing_core::model::Evidence> {
    let source = &nb.sources[rng.below(nb.sources.len())];
    let (id, text) = (source.id, source.article.text.clone());
    let index = TextIndex::new(&text);
    let len = index.char_len();
    if len < 80 {
        return None;
    }
    let start = rng.below(len - 70);
    let end = start + 10 + rng.below(60);
    let span = nb.allocate_id();
    Some(evidence_for(id, &text, &index, span, start, end))
}

/// One random edit of the kinds an analyst makes: add, edit, delete and reorder items,
/// attach and remove evidence, edit the bottom line.
fn random_edit(nb: &mut Notebook, rng: &mut Rng, tag: &str) -> Option<Edit> {
    let word = format!("{tag} {}", rng.next() % 10_000);
    Some(match rng.below(14) {
        0 | 1 => {
            let item = any_item(nb, rng)?;
            let id = item.id;
            let fields: &[TextField] = match item.kind {
                ItemKind::Actor => &[
                    TextField::ActorName(id),
                    TextField::ActorRole(id),
                    TextField::ActorPosition(id),
                    TextField::ActorNotes(id),
                ],
                ItemKind::Stake => &[TextField::StakeTitle(id), TextField::StakeDetail(id)],
                ItemKind::Risk => &[
                    TextField::RiskTitle(id),
                    TextField::RiskDetail(id),
                    TextField::RiskHorizon(id),
                ],
            };
            Edit::SetText(fields[rng.below(fields.len())], word)
        }
        2 => Edit::SetText(TextField::BottomLine, format!("Bottom line: {word}.")),
        3 => match rng.below(4) {
            0 => Edit::SetActorKind(
                any_of(nb, ItemKind::Actor, rng)?,
                ActorKind::ALL[rng.below(5)],
            ),
            1 => Edit::SetImportance(
                any_of(nb, ItemKind::Stake, rng)?,
                Importance::ALL[rng.below(4)],
            ),
            2 => Edit::SetLikelihood(any_of(nb, ItemKind::Risk, rng)?, 1 + rng.below(5) as u8),
            _ => Edit::SetRiskConfidence(
                any_of(nb, ItemKind::Risk, rng)?,
                Confidence::ALL[rng.below(3)],
            ),
        },
        4 => match rng.below(3) {
            0 => Edit::AddListEntry(
                ListField::ActorAliases(any_of(nb, ItemKind::Actor, rng)?),
                word,
            ),
            1 => Edit::AddListEntry(
                ListField::RiskIndicators(any_of(nb, ItemKind::Risk, rng)?),
                word,
            ),
            _ => {
                let actor = any_of(nb, ItemKind::Actor, rng)?;
                let n = nb.actor(actor)?.aliases.len();
                (n > 0).then_some(())?;
                Edit::RemoveListEntry(ListField::ActorAliases(actor), rng.below(n))
            }
        },
        5 => {
            let actor = any_of(nb, ItemKind::Actor, rng)?;
            if rng.below(2) == 0 {
                Edit::ToggleStakeHolder {
                    stake: any_of(nb, ItemKind::Stake, rng)?,
                    actor,
                }
            } else {
                Edit::ToggleRiskActor {
                    risk: any_of(nb, ItemKind::Risk, rng)?,
                    actor,
                }
            }
        }
        6 | 7 => {
            let kind = ItemKind::ALL[rng.below(3)];
            let id = nb.allocate_id();
            let evidence = if rng.below(2) == 0 {
                any_span(nb, rng)
            } else {
                None
            };
            Edit::AddItem {
                kind,
                id,
                name: word,
                evidence,
            }
        }
        8 => Edit::DeleteItem(any_item(nb, rng)?),
        9 | 10 => {
            let item = any_item(nb, rng)?;
            let step = 1 + rng.below(3) as isize;
            Edit::MoveItem(item, if rng.below(2) == 0 { step } else { -step })
        }
        11 | 12 => Edit::AttachEvidence(any_item(nb, rng)?, any_span(nb, rng)?),
        _ => {
            let item = any_item(nb, rng)?;
            let spans = nb.evidence_of(item)?;
            (!spans.is_empty()).then_some(())?;
            Edit::RemoveEvidence(item, spans[rng.below(spans.len())].id)
        }
    })
}

/// A session of `edits` random edits on a copy of `base` (edits that would break the
/// notebook are refused by the model, as in the app, and another is drawn).
pub fn session(base: &Notebook, rng: &mut Rng, edits: usize, tag: &str) -> Notebook {
    let mut nb = base.clone();
    let mut done = 0;
    let mut tries = 0;
    while done < edits && tries < edits * 20 {
        tries += 1;
        let mut scratch = nb.clone();
        if let Some(edit) = random_edit(&mut scratch, rng, tag) {
            // Ids are handed out on the scratch copy; keep its next id with the edit.
            let next_id = scratch.next_id;
            if edit.apply(&mut nb).is_ok() {
                nb.next_id = nb.next_id.max(next_id);
                done += 1;
            }
        }
    }
    nb
}

/// `nb` with ids mapped by `map` (a merge's renumbering of theirs).
pub fn renumbered(nb: &Notebook, map: &[(Id, Id)]) -> Notebook {
    let mut nb = nb.clone();
    briefing_core::merge::map_ids(&mut nb, &map.iter().copied().collect());
    nb
}

fn kind_key(kind: ItemKind) -> &'static str {
    kind.label()
}

/// The key of a field a conflict names.
fn field_key(field: Field) -> String {
    use briefing_core::model::{text_field_item, text_field_label};
    match field {
        Field::Text(tf) => match text_field_item(tf) {
            Some(item) => format!(
                "{}:{}.{}",
                kind_key(item.kind),
                item.id,
                text_field_label(tf)
            ),
            None => format!("brief.{}", text_field_label(tf)),
        },
        Field::ActorKind(id) => format!("actor:{id}.kind"),
        Field::Importance(id) => format!("stake:{id}.importance"),
        Field::Likelihood(id) => format!("risk:{id}.likelihood"),
        Field::Impact(id) => format!("risk:{id}.impact"),
        Field::RiskConfidence(id) => format!("risk:{id}.confidence"),
        Field::BriefConfidence => "brief.confidence".into(),
        Field::Reliability(id) => format!("source:{id}.reliability"),
        Field::Credibility(id) => format!("source:{id}.credibility"),
        Field::SourceMeta(id, f) => format!("source:{id}.{}", f.label()),
        Field::SourceText(id) => format!("source:{id}.text"),
        Field::Item(item) => format!("{}:{}", kind_key(item.kind), item.id),
        Field::Source(id) => format!("source:{id}"),
        Field::Evidence(item, id) => format!("{}:{}.span:{id}", kind_key(item.kind), item.id),
    }
}

/// Every fact a notebook states, as `key → value`.
pub fn facts(nb: &Notebook) -> BTreeMap<String, String> {
    let mut f = BTreeMap::new();
    let mut put = |k: String, v: String| {
        f.insert(k, v);
    };
    let b = &nb.brief;
    for (field, value) in [
        (TextField::BriefTitle, &b.title),
        (TextField::BottomLine, &b.bottom_line),
        (TextField::Analyst, &b.analyst),
        (TextField::Handling, &b.handling),
    ] {
        put(field_key(Field::Text(field)), value.clone());
    }
    put("brief.confidence".into(), b.confidence.label().into());
    for s in &nb.sources {
        let k = format!("source:{}", s.id);
        put(k.clone(), "present".into());
        put(
            format!("{k}.reliability"),
            s.reliability.letter().to_string(),
        );
        put(
            format!("{k}.credibility"),
            s.credibility.value().to_string(),
        );
        for field in briefing_core::model::SourceField::ALL {
            put(
                format!("{k}.{}", field.label()),
                field.get(&s.article).into(),
            );
        }
        put(format!("{k}.text"), s.article.text_sha256.clone());
    }
    for item in nb.all_items() {
        let k = format!("{}:{}", kind_key(item.kind()), item.id());
        put(k.clone(), "present".into());
        for e in item.evidence() {
            put(
                format!("{k}.span:{}", e.id),
                format!(
                    "@{}|{}|{}|{}|{}|{}",
                    e.source, e.start, e.end, e.quote, e.prefix, e.suffix
                ),
            );
        }
    }
    for a in &nb.actors {
        let k = format!("actor:{}", a.id);
        let id = a.id;
        for (field, value) in [
            (TextField::ActorName(id), &a.name),
            (TextField::ActorRole(id), &a.role),
            (TextField::ActorPosition(id), &a.position),
            (TextField::ActorNotes(id), &a.notes),
        ] {
            put(field_key(Field::Text(field)), value.clone());
        }
        put(format!("{k}.kind"), a.kind.label().into());
        for alias in &a.aliases {
            put(format!("{k}.alias={alias}"), "1".into());
        }
    }
    for s in &nb.stakes {
        let k = format!("stake:{}", s.id);
        put(
            field_key(Field::Text(TextField::StakeTitle(s.id))),
            s.title.clone(),
        );
        put(
            field_key(Field::Text(TextField::StakeDetail(s.id))),
            s.detail.clone(),
        );
        put(format!("{k}.importance"), s.importance.label().into());
        for h in &s.holders {
            put(format!("{k}.holder={h}"), "1".into());
        }
    }
    for r in &nb.risks {
        let k = format!("risk:{}", r.id);
        for (field, value) in [
            (TextField::RiskTitle(r.id), &r.title),
            (TextField::RiskDetail(r.id), &r.detail),
            (TextField::RiskHorizon(r.id), &r.horizon),
        ] {
            put(field_key(Field::Text(field)), value.clone());
        }
        put(format!("{k}.likelihood"), r.likelihood.to_string());
        put(format!("{k}.impact"), r.impact.to_string());
        put(format!("{k}.confidence"), r.confidence.label().into());
        for i in &r.indicators {
            put(format!("{k}.indicator={i}"), "1".into());
        }
        for a in &r.actors {
            put(format!("{k}.actor={a}"), "1".into());
        }
    }
    for d in &nb.dismissed_suggestions {
        put(format!("dismissed={d}"), "1".into());
    }
    f
}

/// True when `key` is about the thing `owner` names (its fields, its spans, a reference
/// to it, or a span quoting it).
fn covers(owner: &str, key: &str) -> bool {
    let id = owner.rsplit(':').next().unwrap_or_default();
    key == owner
        || key.starts_with(&format!("{owner}."))
        || (owner.starts_with("actor:")
            && (key.ends_with(&format!(".holder={id}")) || key.ends_with(&format!(".actor={id}"))))
}

/// True when `value` is a span quoting the source `owner` names.
fn quotes(owner: &str, value: Option<&String>) -> bool {
    let id = owner.trim_start_matches("source:");
    owner.starts_with("source:") && value.is_some_and(|v| v.starts_with(&format!("@{id}|")))
}

/// What the judge found for one pair.
#[derive(Debug, Default)]
pub struct Verdict {
    /// Facts either side changed.
    pub changes: usize,
    /// Changes missing from the merge with no conflict covering them.
    pub lost: Vec<String>,
    /// Conflicts recorded where nothing was owed.
    pub unowed: Vec<String>,
    /// Conflicts recorded.
    pub conflicts: usize,
    /// Pairs of items one side reordered that the merge has the other way round.
    pub lost_moves: Vec<String>,
}

/// Judges `merged` against the three versions (`theirs` already renumbered as the merge
/// renumbered it).
pub fn judge(base: &Notebook, ours: &Notebook, theirs: &Notebook, merged: &Notebook) -> Verdict {
    let [b, o, t, m] = [base, ours, theirs, merged].map(facts);
    let owners: Vec<String> = merged
        .conflicts
        .iter()
        .map(|c| field_key(c.field))
        .collect();
    let conflict_targets: Vec<Target> = merged.conflicts.iter().map(|c| c.field.target()).collect();
    let covered = |key: &str, value: Option<&String>| {
        owners.iter().zip(&conflict_targets).any(|(owner, target)| {
            let whole = matches!(
                target,
                Target::Item(_) | Target::Source(_) | Target::Evidence(..)
            );
            if whole && (covers(owner, key) || quotes(owner, value)) {
                return true;
            }
            owner == key
        })
    };
    let mut v = Verdict {
        conflicts: merged.conflicts.len(),
        ..Verdict::default()
    };
    let keys: HashSet<&String> = b
        .keys()
        .chain(o.keys())
        .chain(t.keys())
        .chain(m.keys())
        .collect();
    for key in keys {
        let (vb, vo, vt, vm) = (b.get(key), o.get(key), t.get(key), m.get(key));
        for (side, vs) in [("ours", vo), ("theirs", vt)] {
            if vs == vb {
                continue;
            }
            v.changes += 1;
            if vm != vs && !covered(key, vs.or(vb)) {
                v.lost
                    .push(format!("{side} {key}: {vb:?} -> {vs:?}, merged {vm:?}"));
            }
        }
    }
    for (c, owner) in merged.conflicts.iter().zip(&owners) {
        let changed = |side: &BTreeMap<String, String>| {
            b.iter()
                .filter(|(k, _)| covers(owner, k))
                .any(|(k, val)| side.get(k) != Some(val))
                || side
                    .iter()
                    .filter(|(k, val)| covers(owner, k) || quotes(owner, Some(val)))
                    .any(|(k, val)| b.get(k) != Some(val))
        };
        let owed = if matches!(
            c.field,
            Field::Item(_) | Field::Source(_) | Field::Evidence(..)
        ) {
            let gone = |side: &BTreeMap<String, String>| !side.contains_key(owner);
            (gone(&o) && changed(&t))
                || (gone(&t) && changed(&o))
                || (matches!(c.field, Field::Evidence(..)) && changed(&o) && changed(&t))
        } else {
            let (vb, vo, vt) = (b.get(owner), o.get(owner), t.get(owner));
            vo != vb && vt != vb && vo != vt
        };
        if !owed {
            v.unowed.push(format!("{:?}", c.field));
        }
    }
    v.lost_moves = lost_moves(base, ours, theirs, merged);
    v
}

/// Pairs of items (or sources) whose order one side changed and the merge does not keep.
fn lost_moves(
    base: &Notebook,
    ours: &Notebook,
    theirs: &Notebook,
    merged: &Notebook,
) -> Vec<String> {
    let lists = |nb: &Notebook| -> Vec<Vec<Id>> {
        let mut v: Vec<Vec<Id>> = ItemKind::ALL
            .iter()
            .map(|&k| nb.items(k).map(|i| i.id()).collect())
            .collect();
        v.push(nb.sources.iter().map(|s| s.id).collect());
        v
    };
    let (lb, lo, lt, lm) = (lists(base), lists(ours), lists(theirs), lists(merged));
    let mut lost = Vec::new();
    for i in 0..lb.len() {
        let pos = |list: &[Id]| -> HashMap<Id, usize> {
            list.iter().enumerate().map(|(i, &id)| (id, i)).collect()
        };
        let (pb, pm) = (pos(&lb[i]), pos(&lm[i]));
        for side in [&lo[i], &lt[i]] {
            let ps = pos(side);
            for (&x, &bx) in &pb {
                for (&y, &by) in &pb {
                    let (Some(sx), Some(sy), Some(mx), Some(my)) =
                        (ps.get(&x), ps.get(&y), pm.get(&x), pm.get(&y))
                    else {
                        continue;
                    };
                    if bx < by && sx > sy && mx < my {
                        lost.push(format!("{y} before {x}"));
                    }
                }
            }
        }
    }
    lost
}
