//! The order of a merged list: every pair of elements whose order one version changed
//! keeps that version's order, everything else keeps the base order where it can, and
//! each version's new elements follow the element they follow in that version.
//!
//! Why this always exists: a pair one version swapped has the later-in-base element first,
//! so the "must come before" relations taken from both versions' swaps all point from
//! later-in-base to earlier-in-base and can never form a cycle. A topological sort that
//! prefers the base position then gives the order closest to the base.

use std::collections::{BTreeSet, BinaryHeap, HashMap, HashSet};
use std::hash::Hash;

/// Past this many swapped pairs (a list reversed wholesale), the version with the most
/// swaps gives the order and the other's swaps are not replayed: the count bounds the
/// work at a few tens of milliseconds.
const MAX_SWAPS: usize = 2_000_000;

/// Where a new element goes: at the head of the list, or after an element.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Anchor<K> {
    Head,
    After(K),
}

/// The merged order of the elements in `kept`, from their order in the base and in the two
/// versions (each list holds an element at most once; elements not in `kept` are ignored).
pub(super) fn merge_order<K: Copy + Eq + Hash>(
    base: &[K],
    ours: &[K],
    theirs: &[K],
    kept: &HashSet<K>,
) -> Vec<K> {
    let old: Vec<K> = base.iter().copied().filter(|k| kept.contains(k)).collect();
    let position: HashMap<K, usize> = old.iter().enumerate().map(|(i, &k)| (k, i)).collect();
    let order = order_of_old(&old, &position, ours, theirs);

    // New elements: each after its predecessor in its own version (ours' first where both
    // put one after the same element).
    let mut children: HashMap<Anchor<K>, Vec<K>> = HashMap::new();
    let mut placed: HashSet<K> = old.iter().copied().collect();
    for version in [ours, theirs] {
        let mut anchor = Anchor::Head;
        for &k in version.iter().filter(|k| kept.contains(k)) {
            if placed.insert(k) {
                children.entry(anchor).or_default().push(k);
            }
            anchor = Anchor::After(k);
        }
    }
    let mut out = Vec::with_capacity(kept.len());
    let mut emitted = HashSet::with_capacity(kept.len());
    let mut emit = |k: K, out: &mut Vec<K>| {
        if emitted.insert(k) {
            out.push(k);
        }
    };
    // Depth first: a new element's own followers come right after it.
    let mut stack: Vec<K> = Vec::new();
    let push_children = |anchor: Anchor<K>, stack: &mut Vec<K>| {
        if let Some(list) = children.get(&anchor) {
            stack.extend(list.iter().rev().copied());
        }
    };
    push_children(Anchor::Head, &mut stack);
    let mut rest = order.into_iter();
    loop {
        while let Some(k) = stack.pop() {
            emit(k, &mut out);
            push_children(Anchor::After(k), &mut stack);
        }
        let Some(k) = rest.next() else { break };
        emit(k, &mut out);
        push_children(Anchor::After(k), &mut stack);
    }
    // Anything kept that neither version lists (cannot happen with consistent input).
    for version in [base, ours, theirs] {
        for &k in version.iter().filter(|k| kept.contains(k)) {
            emit(k, &mut out);
        }
    }
    out
}

/// The elements of the base that are kept, in merged order: both versions' swaps
/// replayed, the base order elsewhere.
fn order_of_old<K: Copy + Eq + Hash>(
    old: &[K],
    position: &HashMap<K, usize>,
    ours: &[K],
    theirs: &[K],
) -> Vec<K> {
    let seq = |version: &[K]| -> Vec<usize> {
        version
            .iter()
            .filter_map(|k| position.get(k).copied())
            .collect()
    };
    let (ours, theirs) = (seq(ours), seq(theirs));
    if is_sorted(&theirs) {
        return with_missing(old, &ours);
    }
    if is_sorted(&ours) {
        return with_missing(old, &theirs);
    }
    // "a before b" for every pair a version swapped.
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); old.len()];
    let mut swaps = 0;
    for version in [&ours, &theirs] {
        let mut seen: BTreeSet<usize> = BTreeSet::new();
        for &p in version.iter() {
            for &q in seen.range(p + 1..) {
                after[q].push(p);
                swaps += 1;
            }
            if swaps > MAX_SWAPS {
                let busier = if inversions_at_most(&ours, MAX_SWAPS / 2) {
                    &theirs
                } else {
                    &ours
                };
                return with_missing(old, busier);
            }
            seen.insert(p);
        }
    }
    let mut before_count = vec![0usize; old.len()];
    for list in &after {
        for &p in list {
            before_count[p] += 1;
        }
    }
    // Kahn's algorithm, the lowest base position first.
    let mut ready: BinaryHeap<std::cmp::Reverse<usize>> = (0..old.len())
        .filter(|&p| before_count[p] == 0)
        .map(std::cmp::Reverse)
        .collect();
    let mut out = Vec::with_capacity(old.len());
    while let Some(std::cmp::Reverse(p)) = ready.pop() {
        out.push(old[p]);
        for &next in &after[p] {
            before_count[next] -= 1;
            if before_count[next] == 0 {
                ready.push(std::cmp::Reverse(next));
            }
        }
    }
    out
}

fn is_sorted(seq: &[usize]) -> bool {
    seq.windows(2).all(|w| w[0] < w[1])
}

/// True when `seq` has at most `limit` pairs out of order.
fn inversions_at_most(seq: &[usize], limit: usize) -> bool {
    let mut seen = BTreeSet::new();
    let mut count = 0;
    for &p in seq {
        count += seen.range(p + 1..).count();
        if count > limit {
            return false;
        }
        seen.insert(p);
    }
    true
}

/// The base elements in the order `seq` gives them, then those `seq` lacks (kept because
/// the other version changed them) at their base positions among the rest.
fn with_missing<K: Copy>(old: &[K], seq: &[usize]) -> Vec<K> {
    if seq.len() == old.len() {
        return seq.iter().map(|&p| old[p]).collect();
    }
    let listed: HashSet<usize> = seq.iter().copied().collect();
    let mut out = Vec::with_capacity(old.len());
    let mut seq = seq.iter().peekable();
    for p in 0..old.len() {
        if listed.contains(&p) {
            continue;
        }
        // Everything the version puts before p's base neighbour comes first.
        while let Some(&&q) = seq.peek() {
            if q < p {
                out.push(old[q]);
                seq.next();
            } else {
                break;
            }
        }
        out.push(old[p]);
    }
    out.extend(seq.map(|&p| old[p]));
    out
}

#[cfg(test)]
mod tests {
    use super::merge_order;
    use std::collections::HashSet;

    fn merged(base: &str, ours: &str, theirs: &str) -> String {
        let kept: HashSet<char> = ours
            .chars()
            .chain(theirs.chars())
            .filter(|c| {
                let deleted = |v: &str| base.contains(*c) && !v.contains(*c);
                !deleted(ours) && !deleted(theirs)
            })
            .collect();
        let list = |s: &str| s.chars().collect::<Vec<_>>();
        merge_order(&list(base), &list(ours), &list(theirs), &kept)
            .into_iter()
            .collect()
    }

    #[test]
    fn one_version_reordering_wins_and_new_elements_follow_their_predecessor() {
        assert_eq!(merged("abcd", "bacd", "abcd"), "bacd");
        assert_eq!(merged("abcd", "abcd", "abdc"), "abdc");
        assert_eq!(merged("abcd", "abcdx", "abcdy"), "abcdxy");
        assert_eq!(merged("abcd", "xabcd", "abycd"), "xabycd");
        assert_eq!(merged("abcd", "abxyzcd", "abcd"), "abxyzcd");
        assert_eq!(merged("abcd", "acd", "abcde"), "acde");
    }

    #[test]
    fn swaps_from_both_versions_are_all_kept() {
        // Ours moved d to the front, theirs moved a to the end.
        assert_eq!(merged("abcd", "dabc", "bcda"), "dbca");
        // Ours swapped a and b, theirs swapped b and c: b before a and c before b
        // forces c, b, a (a before c was nobody's change).
        assert_eq!(merged("abc", "bac", "acb"), "cba");
        // Both made the same move.
        assert_eq!(merged("abcd", "bacd", "bacd"), "bacd");
    }

    #[test]
    fn every_pair_a_version_swapped_keeps_its_order() {
        let mut rng = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            (rng % n as u64) as usize
        };
        for _ in 0..300 {
            let base: Vec<u32> = (0..12).collect();
            let mut versions = [base.clone(), base.clone()];
            for v in &mut versions {
                for _ in 0..next(5) {
                    let from = next(v.len());
                    let item = v.remove(from);
                    v.insert(next(v.len() + 1), item);
                }
            }
            let kept: HashSet<u32> = base.iter().copied().collect();
            let out = merge_order(&base, &versions[0], &versions[1], &kept);
            let pos = |v: &[u32], x: u32| v.iter().position(|&y| y == x).unwrap();
            for v in &versions {
                for a in 0..12 {
                    for b in 0..12 {
                        if a < b && pos(v, b) < pos(v, a) {
                            assert!(pos(&out, b) < pos(&out, a), "{versions:?} -> {out:?}");
                        }
                    }
                }
            }
        }
    }
}
