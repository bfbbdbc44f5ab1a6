//! Merging one value three ways, and lists that merge as sets; the conflicts found on
//! the way.

use super::order::merge_order;
use crate::model::{Conflict, Field, Id, TextField, Value};
use std::collections::HashSet;
use std::hash::Hash;

/// What a merge learns as it goes: the conflicts it records, and what it kept only
/// because one version deleted it while the other changed it.
#[derive(Default)]
pub(super) struct Ctx {
    /// Conflicts found, in the order found.
    pub(super) conflicts: Vec<Conflict>,
    /// Sources one version removed and the other changed or quoted anew.
    pub(super) kept_sources: HashSet<Id>,
    /// Actors one version deleted and the other changed or named anew.
    pub(super) kept_actors: HashSet<Id>,
}

impl Ctx {
    /// True when something was kept against a deletion: then what the deleting version
    /// removed along with it (spans quoting a source, references to an actor) must not be
    /// removed here, so no list may be taken whole from that version.
    pub(super) fn kept_anything(&self) -> bool {
        !self.kept_sources.is_empty() || !self.kept_actors.is_empty()
    }

    /// Records a conflict.
    pub(super) fn conflict(&mut self, field: Field, base: Value, ours: Value, theirs: Value) {
        self.conflicts.push(Conflict {
            field,
            base,
            ours,
            theirs,
        });
    }

    /// One value merged three ways: the version that changed it wins; when both changed
    /// it differently, ours stays and the conflict is recorded.
    pub(super) fn scalar<T: Clone + PartialEq>(
        &mut self,
        field: Field,
        [base, ours, theirs]: [&T; 3],
        value: impl Fn(&T) -> Value,
    ) -> T {
        if ours == theirs || theirs == base {
            ours.clone()
        } else if ours == base {
            theirs.clone()
        } else {
            self.conflict(field, value(base), value(ours), value(theirs));
            ours.clone()
        }
    }

    /// A text field merged three ways (see [`Ctx::scalar`]).
    pub(super) fn text(&mut self, field: TextField, values: [&String; 3]) -> String {
        self.scalar(Field::Text(field), values, |s| Value::Text(s.clone()))
    }
}

/// A list merged as a set: an entry either version added is in, an entry either version
/// removed is out (unless `keep` says it must stay), and the order follows
/// [`merge_order`]. Duplicates within a list count once.
pub(super) fn merge_set<K: Clone + Eq + Hash>(
    [base, ours, theirs]: [&[K]; 3],
    keep: Option<&dyn Fn(&K) -> bool>,
) -> Vec<K> {
    if keep.is_none() {
        if ours == theirs || theirs == base {
            return ours.to_vec();
        }
        if ours == base {
            return theirs.to_vec();
        }
    }
    let unique = |list: &[K]| -> Vec<usize> {
        let mut seen = HashSet::new();
        (0..list.len()).filter(|&i| seen.insert(&list[i])).collect()
    };
    let (b, o, t): (HashSet<&K>, HashSet<&K>, HashSet<&K>) = (
        base.iter().collect(),
        ours.iter().collect(),
        theirs.iter().collect(),
    );
    let stays = |k: &K| keep.is_some_and(|keep| keep(k));
    let kept: HashSet<&K> = ours
        .iter()
        .chain(theirs)
        .filter(|k| (o.contains(k) && t.contains(k)) || !b.contains(k) || stays(k))
        .collect();
    fn refs<K: Eq + Hash>(list: &[K], unique: impl Fn(&[K]) -> Vec<usize>) -> Vec<&K> {
        unique(list).into_iter().map(|i| &list[i]).collect()
    }
    merge_order(
        &refs(base, unique),
        &refs(ours, unique),
        &refs(theirs, unique),
        &kept,
    )
    .into_iter()
    .cloned()
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(base: &[&str], ours: &[&str], theirs: &[&str]) -> Vec<String> {
        let own = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        merge_set([&own(base), &own(ours), &own(theirs)], None)
    }

    #[test]
    fn sets_keep_both_additions_and_both_removals() {
        assert_eq!(
            set(&["a", "b"], &["a", "b", "c"], &["b", "d"]),
            ["b", "c", "d"]
        );
        assert_eq!(set(&["a"], &["a"], &["a", "x"]), ["a", "x"]);
        assert_eq!(set(&["a", "b"], &["b"], &["a"]), Vec::<String>::new());
        // An entry edited in place on one side and removed on the other: the edit stays.
        assert_eq!(set(&["a", "b"], &["a2", "b"], &["b"]), ["a2", "b"]);
    }

    #[test]
    fn a_value_changed_on_both_sides_is_a_conflict_and_ours_stays() {
        let mut ctx = Ctx::default();
        let (b, o, t) = ("x".to_owned(), "y".to_owned(), "z".to_owned());
        assert_eq!(ctx.text(TextField::BottomLine, [&b, &o, &b]), "y");
        assert_eq!(ctx.text(TextField::BottomLine, [&b, &b, &t]), "z");
        assert_eq!(ctx.text(TextField::BottomLine, [&b, &o, &o]), "y");
        assert!(ctx.conflicts.is_empty());
        assert_eq!(ctx.text(TextField::BottomLine, [&b, &o, &t]), "y");
        assert_eq!(
            ctx.conflicts,
            [Conflict {
                field: Field::Text(TextField::BottomLine),
                base: Value::Text(b),
                ours: Value::Text(o),
                theirs: Value::Text(t),
            }]
        );
    }
}
