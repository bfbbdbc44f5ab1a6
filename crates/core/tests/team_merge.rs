//! Two analysts editing the worked example at once, 200 times over: every merge keeps
//! every edit (or records a conflict for it) and records no conflict that was not owed.
//! `cargo bench -p briefing-core --bench merge` runs the same pairs through git's line
//! merge for comparison.

#[path = "../benches/support/mod.rs"]
mod support;
mod team;

use briefing_core::merge::merge;
use briefing_core::model::{Edit, Notebook, TextField};
use briefing_core::storage::{from_ron, load_notebook, to_ron};
use std::path::Path;
use team::{Rng, judge, renumbered, session};

fn yukos() -> Notebook {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../saves/yukos-affair.ron");
    load_notebook(&path).unwrap().0
}

#[test]
fn two_hundred_pairs_of_concurrent_sessions_lose_nothing_and_conflict_only_where_owed() {
    let base = yukos();
    let mut rng = Rng(0x5eed_2026);
    let (mut conflicted, mut conflicts, mut changes, mut renumbered_ids) = (0, 0, 0, 0);
    for pair in 0..200 {
        let n = 1 + rng.below(6);
        let ours = session(&base, &mut rng, n, "ours");
        let n = 1 + rng.below(6);
        let theirs = session(&base, &mut rng, n, "theirs");
        let merged = merge(&base, &ours, &theirs).unwrap();
        let theirs = renumbered(&theirs, &merged.renumbered);
        let verdict = judge(&base, &ours, &theirs, &merged.notebook);
        assert!(
            verdict.lost.is_empty(),
            "pair {pair}: lost {:#?}",
            verdict.lost
        );
        assert!(
            verdict.lost_moves.is_empty(),
            "pair {pair}: {:?}",
            verdict.lost_moves
        );
        assert!(
            verdict.unowed.is_empty(),
            "pair {pair}: not owed {:?}",
            verdict.unowed
        );
        // The result is a notebook like any other: it saves and reads back the same.
        let path = Path::new("merged.ron");
        let back = from_ron(path, &to_ron(path, &merged.notebook).unwrap()).unwrap();
        assert_eq!(back, merged.notebook, "pair {pair}");
        changes += verdict.changes;
        conflicts += verdict.conflicts;
        conflicted += usize::from(verdict.conflicts > 0);
        renumbered_ids += merged.renumbered.len();
    }
    println!(
        "200 pairs: {changes} changed facts, 0 lost; {conflicted} pairs with conflicts ({conflicts} conflicts, each owed); {renumbered_ids} new ids renumbered"
    );
    // The sessions touch the same things often enough for conflicts to be exercised, and
    // not so often that every pair conflicts. Ids are random: both sides' new items never
    // share one, so none is renumbered (the merge tests cover renumbering for files from
    // older builds).
    assert!(conflicted > 10 && conflicted < 190, "{conflicted}");
    assert_eq!(renumbered_ids, 0);
}

#[test]
fn the_judge_sees_a_lost_edit_and_a_conflict_nobody_owed() {
    let base = yukos();
    let mut ours = base.clone();
    Edit::SetText(TextField::BottomLine, "Ours.".into())
        .apply(&mut ours)
        .unwrap();
    let mut theirs = base.clone();
    let lavrov = base.actors[0].id;
    Edit::SetText(TextField::ActorRole(lavrov), "Theirs.".into())
        .apply(&mut theirs)
        .unwrap();
    // A "merge" that is only ours loses theirs' edit.
    let verdict = judge(&base, &ours, &theirs, &ours);
    assert_eq!(verdict.lost.len(), 1, "{:?}", verdict.lost);
    assert!(verdict.lost[0].contains(".role"), "{:?}", verdict.lost);
    // A conflict about the bottom line, which only ours changed, was not owed.
    let mut merged = merge(&base, &ours, &theirs).unwrap().notebook;
    merged.conflicts.push(briefing_core::model::Conflict {
        field: briefing_core::model::Field::Text(TextField::BottomLine),
        base: briefing_core::model::Value::Text(base.brief.bottom_line.clone()),
        ours: briefing_core::model::Value::Text("Ours.".into()),
        theirs: briefing_core::model::Value::Text(base.brief.bottom_line.clone()),
    });
    assert_eq!(judge(&base, &ours, &theirs, &merged).unowed.len(), 1);
}
