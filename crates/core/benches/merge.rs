//! Merging notebooks (release build): `cargo bench -p briefing-core --bench merge`.
//!
//! 1. Two 5 MB notebooks merged: a generated base (5 sources of 430 KB, 1,000 actors,
//!    300 stakes, 300 risks, 6,000 evidence spans), each side 200 random edits of the
//!    simulation's kinds. Timed: the merge in memory (matching, fields, order, conflicts,
//!    re-finding every span, validation), and the rest of what `merge` does: reading the
//!    three files (at once, as the command does) and writing the result.
//! 2. The team simulation of `tests/team_merge.rs` (the same 200 pairs of sessions on the
//!    Yukos example) judged again, and the same pairs given to git's own line merge
//!    (`git merge-file`): how many it leaves conflicted, and how many of the rest are not
//!    a valid notebook or lose an edit. Needs git on PATH (said so if missing).

#[path = "../tests/team/mod.rs"]
mod team;

mod support;
use support::time;

use briefing_core::merge::merge;
use briefing_core::model::{Edit, ItemKind, Notebook};
use briefing_core::storage::{from_ron, load_notebook, save_notebook, to_ron};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};
use team::{Rng, judge, renumbered, session};

fn median_ms(mut samples: Vec<Duration>) -> (f64, f64, f64) {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    (
        ms(samples[samples.len() / 2]),
        ms(samples[0]),
        ms(samples[samples.len() - 1]),
    )
}

/// The 5 MB base: sources and actors from the shared generator, then stakes and risks
/// held by and naming those actors.
fn big_base() -> Notebook {
    let mut nb = support::notebook_of_sources(5, 430_000, 1_000, 6_000);
    let actors: Vec<u64> = nb.actors.iter().map(|a| a.id).collect();
    let mut rng = Rng(99);
    for (kind, n) in [(ItemKind::Stake, 300), (ItemKind::Risk, 300)] {
        for i in 0..n {
            let id = nb.allocate_id();
            Edit::AddItem {
                kind,
                id,
                name: format!("{} {i}: influence over the regional pipeline", kind.label()),
                evidence: None,
            }
            .apply(&mut nb)
            .expect("adds");
            for _ in 0..3 {
                let actor = actors[rng.below(actors.len())];
                let edit = match kind {
                    ItemKind::Stake => Edit::ToggleStakeHolder { stake: id, actor },
                    _ => Edit::ToggleRiskActor { risk: id, actor },
                };
                edit.apply(&mut nb).expect("toggles");
            }
        }
    }
    nb
}

fn five_megabytes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let base = big_base();
    let mut rng = Rng(0xfeed);
    let ours = session(&base, &mut rng, 200, "ours");
    let theirs = session(&base, &mut rng, 200, "theirs");
    let paths = ["base.ron", "ours.ron", "theirs.ron"].map(|n| dir.path().join(n));
    for (path, nb) in paths.iter().zip([&base, &ours, &theirs]) {
        save_notebook(path, nb).expect("saves");
    }
    let size = std::fs::metadata(&paths[0]).expect("written").len();
    let merged = merge(&base, &ours, &theirs).expect("merges");
    println!(
        "5 MB: base {:.1} MB; {} conflicts, {} ids renumbered",
        size as f64 / 1e6,
        merged.notebook.conflicts.len(),
        merged.renumbered.len()
    );
    let (m, lo, hi) = median_ms(time(15, || {
        merge(&base, &ours, &theirs).expect("merges");
    }));
    println!(
        "merge of two 5 MB notebooks, in memory: median {m:.1} ms ({lo:.1}-{hi:.1}), target < 200 ms"
    );
    let (m, lo, hi) = median_ms(time(7, || {
        std::thread::scope(|s| {
            let handles = paths
                .each_ref()
                .map(|p| s.spawn(move || load_notebook(p).expect("loads")));
            for h in handles {
                h.join().expect("reads");
            }
        });
    }));
    println!(
        "reading the three files at once (parse, validate, re-check spans): median {m:.1} ms ({lo:.1}-{hi:.1})"
    );
    let out = dir.path().join("out.ron");
    let (m, lo, hi) = median_ms(time(7, || {
        save_notebook(&out, &merged.notebook).expect("saves");
    }));
    println!(
        "writing the result (serialise, atomic write, fsync): median {m:.1} ms ({lo:.1}-{hi:.1})"
    );
}

fn git_merge_file(
    dir: &Path,
    [base, ours, theirs]: [&Notebook; 3],
) -> Option<(bool, Option<Notebook>)> {
    let path = Path::new("n.ron");
    let files = ["base.ron", "ours.ron", "theirs.ron"].map(|n| dir.join(n));
    for (file, nb) in files.iter().zip([base, ours, theirs]) {
        std::fs::write(file, to_ron(path, nb).ok()?).ok()?;
    }
    let out = Command::new("git")
        .args(["merge-file", "-p", "--quiet"])
        .args([&files[1], &files[0], &files[2]])
        .output()
        .ok()?;
    // Exit status: the number of conflicts (0 clean); negative (255 here) on error.
    let conflicted = out.status.code() != Some(0);
    let text = String::from_utf8(out.stdout).ok()?;
    Some((conflicted, from_ron(path, &text).ok()))
}

fn team_against_git() {
    let base =
        load_notebook(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../saves/yukos-affair.ron"))
            .expect("the Yukos example loads")
            .0;
    let has_git = Command::new("git").arg("--version").output().is_ok();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rng = Rng(0x5eed_2026);
    let (mut ours_conflicted, mut lost, mut unowed) = (0, 0, 0);
    let (mut git_conflicted, mut git_invalid, mut git_lossy) = (0, 0, 0);
    let mut times = Vec::new();
    for _ in 0..200 {
        let n = 1 + rng.below(6);
        let ours = session(&base, &mut rng, n, "ours");
        let n = 1 + rng.below(6);
        let theirs = session(&base, &mut rng, n, "theirs");
        let t = Instant::now();
        let merged = merge(&base, &ours, &theirs).expect("merges");
        times.push(t.elapsed());
        let verdict = judge(
            &base,
            &ours,
            &renumbered(&theirs, &merged.renumbered),
            &merged.notebook,
        );
        ours_conflicted += usize::from(!merged.notebook.conflicts.is_empty());
        lost += usize::from(!verdict.lost.is_empty() || !verdict.lost_moves.is_empty());
        unowed += verdict.unowed.len();
        if !has_git {
            continue;
        }
        match git_merge_file(dir.path(), [&base, &ours, &theirs]) {
            Some((true, _)) => git_conflicted += 1,
            Some((false, None)) => git_invalid += 1,
            Some((false, Some(nb))) => {
                let v = judge(&base, &ours, &theirs, &nb);
                git_lossy += usize::from(!v.lost.is_empty() || !v.lost_moves.is_empty());
            }
            None => git_invalid += 1,
        }
    }
    let (m, _, hi) = median_ms(times);
    println!(
        "team simulation, 200 pairs on the Yukos example: item-aware merge: {ours_conflicted} pairs with conflicts (each owed: {unowed} not owed), {lost} pairs losing an edit; median {m:.2} ms a merge (max {hi:.2})"
    );
    if has_git {
        println!(
            "git merge-file on the same pairs: {git_conflicted} of 200 conflicted; of the {} it merged cleanly, {git_invalid} are not a valid notebook and {git_lossy} lose an edit",
            200 - git_conflicted
        );
    } else {
        println!("git merge-file: git is not installed here, so no comparison");
    }
}

fn main() {
    five_megabytes();
    team_against_git();
}
