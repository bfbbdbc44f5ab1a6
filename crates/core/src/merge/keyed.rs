//! Lists of things with ids (sources, items, evidence spans) merged by id: which are in,
//! what each becomes, and in what order.

use super::order::merge_order;
use crate::model::Id;
use std::collections::{HashMap, HashSet};

/// One thing's versions: in the base, ours and theirs (`None` where that version lacks
/// it: deleted, or new in the other).
pub(super) type Versions<'a, T> = [Option<&'a T>; 3];

/// Merges three lists by `id`: `one` decides, for each id any version holds, whether it
/// is kept and what it becomes; the kept ones come in [`merge_order`].
pub(super) fn merge_keyed<T: Clone>(
    [base, ours, theirs]: [&[T]; 3],
    id: impl Fn(&T) -> Id,
    mut one: impl FnMut(Versions<'_, T>) -> Option<T>,
) -> Vec<T> {
    let index = |list: &[T]| -> Vec<Id> { list.iter().map(&id).collect() };
    let (base_ids, ours_ids, theirs_ids) = (index(base), index(ours), index(theirs));
    fn by_id<T>(list: &[T], id: impl Fn(&T) -> Id) -> HashMap<Id, &T> {
        list.iter().map(|x| (id(x), x)).collect()
    }
    let (b, o, t) = (by_id(base, &id), by_id(ours, &id), by_id(theirs, &id));
    let mut merged: HashMap<Id, T> = HashMap::with_capacity(ours.len().max(theirs.len()));
    let mut seen = HashSet::with_capacity(merged.capacity());
    for &k in base_ids.iter().chain(&ours_ids).chain(&theirs_ids) {
        if !seen.insert(k) {
            continue;
        }
        let versions = [b.get(&k).copied(), o.get(&k).copied(), t.get(&k).copied()];
        if let Some(x) = one(versions) {
            merged.insert(k, x);
        }
    }
    let kept: HashSet<Id> = merged.keys().copied().collect();
    merge_order(&base_ids, &ours_ids, &theirs_ids, &kept)
        .into_iter()
        .filter_map(|k| merged.remove(&k))
        .collect()
}

/// Which version deleted a thing the other kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Deleted {
    /// Ours deleted it; theirs has it.
    ByOurs,
    /// Theirs deleted it; ours has it.
    ByTheirs,
}

/// The usual rule for a thing's presence: in when both versions have it or one added it;
/// out when either deleted it, unless the other changed it (`changed(base, kept)` says so),
/// which is a conflict for `on_conflict` to record (the changed version is kept).
/// `Ok(Some(versions))` when both have it and its content is to be merged.
pub(super) fn presence<'a, T: Clone>(
    [base, ours, theirs]: Versions<'a, T>,
    changed: impl Fn(&T, &T) -> bool,
    mut on_conflict: impl FnMut(Deleted, &T),
) -> Result<Option<[&'a T; 3]>, Option<T>> {
    match (base, ours, theirs) {
        (Some(b), Some(o), Some(t)) => Ok(Some([b, o, t])),
        (Some(b), Some(o), None) => {
            if changed(b, o) {
                on_conflict(Deleted::ByTheirs, o);
                Err(Some(o.clone()))
            } else {
                Err(None)
            }
        }
        (Some(b), None, Some(t)) => {
            if changed(b, t) {
                on_conflict(Deleted::ByOurs, t);
                Err(Some(t.clone()))
            } else {
                Err(None)
            }
        }
        (None, Some(o), None) => Err(Some(o.clone())),
        (None, None, Some(t)) => Err(Some(t.clone())),
        // Both have an id the base lacks but handed out before the versions parted (see
        // `renumber`): merged with ours standing in for the base.
        (None, Some(o), Some(t)) => Ok(Some([o, o, t])),
        (Some(_), None, None) | (None, None, None) => Err(None),
    }
}
