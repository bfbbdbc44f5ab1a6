//! New ids in "theirs" that "ours" also holds for something else get fresh ones before the
//! versions are matched by id. Since format 4 ids are random (`model::fresh_id`), so two
//! analysts' new items never share one; files from older builds handed out ids from the
//! same `next_id`, so two analysts' first new actors were both, say, 50. See
//! ARCHITECTURE.md for why theirs, not ours, is renumbered.

use crate::model::{Id, Notebook, Value};
use std::collections::{HashMap, HashSet};

/// `theirs` with each new id that collides with one of ours replaced by a fresh id,
/// handed out in the file's order (sources, actors, stakes, risks, spans); every reference
/// follows. Returns the map, old id to new.
///
/// An id collides when the base does not hold it and both versions do: each added
/// something under it. (The same thing reaching both by an earlier merge also looks like
/// this; it is then kept twice, never lost.)
pub(super) fn renumber_theirs(
    base: &Notebook,
    ours: &Notebook,
    theirs: &mut Notebook,
) -> Vec<(Id, Id)> {
    let in_base: HashSet<Id> = base.all_ids().collect();
    let in_ours: HashSet<Id> = ours.all_ids().collect();
    let collides = |id: Id| !in_base.contains(&id) && in_ours.contains(&id);
    let mut map: HashMap<Id, Id> = HashMap::new();
    let mut order = Vec::new();
    let ids: Vec<Id> = theirs.all_ids().collect();
    for id in ids {
        if collides(id) && !map.contains_key(&id) {
            let fresh = theirs.allocate_id();
            map.insert(id, fresh);
            order.push((id, fresh));
        }
    }
    if !map.is_empty() {
        map_ids(theirs, &map);
    }
    order
}

/// Replaces every id `map` names, wherever it is used: sources, items, spans, the sources
/// spans quote, holders, risk actors, conflicts.
pub fn map_ids(nb: &mut Notebook, map: &HashMap<Id, Id>) {
    let new = |id: Id| map.get(&id).copied().unwrap_or(id);
    for source in &mut nb.sources {
        source.id = new(source.id);
    }
    for actor in &mut nb.actors {
        actor.id = new(actor.id);
    }
    for stake in &mut nb.stakes {
        stake.id = new(stake.id);
        for holder in &mut stake.holders {
            *holder = new(*holder);
        }
    }
    for risk in &mut nb.risks {
        risk.id = new(risk.id);
        for actor in &mut risk.actors {
            *actor = new(*actor);
        }
    }
    for evidence in nb.all_evidence_mut() {
        evidence.id = new(evidence.id);
        evidence.source = new(evidence.source);
    }
    for conflict in &mut nb.conflicts {
        conflict.field = conflict.field.map_ids(new);
        for value in [&mut conflict.base, &mut conflict.ours, &mut conflict.theirs] {
            if let Value::Evidence(e) = value {
                e.id = new(e.id);
                e.source = new(e.source);
            }
        }
    }
}
