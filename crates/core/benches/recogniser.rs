//! Actor suggestions from the trained recogniser, timed (release build):
//! `cargo bench -p briefing-core --bench recogniser [-- --json]`.
//!
//! Real news text: the sample article and the six Yukos articles shipped in assets/.
//! - a 1,000-word article: the sample article followed by the first Yukos article, cut at
//!   the paragraph where 1,000 words are reached; `suggest` on it, the whole call (the
//!   recogniser's two passes, grouping, merging), and the recogniser alone;
//! - a 1 MB article: the seven articles repeated, a paragraph at a time, to 1 MB.
//!
//! The shipped weights are loaded before timing starts (once per process, about 20 ms:
//! the first suggestion in a session pays it). Medians of 21 runs (7 at 1 MB).
//! Targets (issue 13): ≤ 20 ms for 1,000 words, ≤ 1 s for 1 MB.

use briefing_core::model::{Article, Source};
use briefing_core::recognise::Recogniser;
use briefing_core::suggest::suggest;
use std::time::Instant;

const TEXTS: [&str; 7] = [
    include_str!("../../../assets/articles/lavrov-central-asia-tour.txt"),
    include_str!("../../../assets/sources/yukos/china-had-role-in-yukos-split-up.txt"),
    include_str!("../../../assets/sources/yukos/mystery-surrounds-new-yukos-owner.txt"),
    include_str!("../../../assets/sources/yukos/putin-backs-state-grab-for-yukos.txt"),
    include_str!("../../../assets/sources/yukos/russian-oil-merger-excludes-yukos.txt"),
    include_str!("../../../assets/sources/yukos/us-to-rule-on-yukos-refuge-call.txt"),
    include_str!("../../../assets/sources/yukos/yukos-bankruptcy-not-us-matter.txt"),
];

/// Paragraphs of the texts, in order, round and round, until `enough` says stop.
fn build(mut enough: impl FnMut(&str) -> bool) -> String {
    let mut out = String::new();
    for text in TEXTS.iter().cycle() {
        for paragraph in text.split('\n').filter(|p| !p.trim().is_empty()) {
            out.push_str(paragraph);
            out.push_str("\n\n");
            if enough(&out) {
                return out;
            }
        }
    }
    out
}

fn median(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn main() {
    let json = std::env::args().any(|a| a == "--json");
    let short = build(|s| s.split_whitespace().count() >= 1000);
    let long = build(|s| s.len() >= 1_000_000);
    let started = Instant::now();
    let recogniser = Recogniser::shipped();
    recogniser.names("warm up");
    let load_ms = started.elapsed().as_secs_f64() * 1e3;
    let source = |text: &str| [Source::new(1, Article::new("", text))];
    let (short_src, long_src) = (source(&short), source(&long));
    let rows = [
        (
            format!(
                "suggest on a {}-word article (whole call)",
                short.split_whitespace().count()
            ),
            20.0,
            median(21, || drop(suggest(&short_src, &[]))),
        ),
        (
            "the recogniser alone on it".to_owned(),
            20.0,
            median(21, || drop(recogniser.names(&short))),
        ),
        (
            format!(
                "suggest on a {:.1} MB article (whole call)",
                long.len() as f64 / 1e6
            ),
            1000.0,
            median(7, || drop(suggest(&long_src, &[]))),
        ),
        (
            "the recogniser alone on it".to_owned(),
            1000.0,
            median(7, || drop(recogniser.names(&long))),
        ),
    ];
    if json {
        let list: Vec<String> = rows
            .iter()
            .map(|(what, target, ms)| {
                format!("{{\"figure\":\"{what}\",\"target_ms\":{target},\"median_ms\":{ms:.2}}}")
            })
            .collect();
        println!("{{\"load_ms\":{load_ms:.1},\"rows\":[{}]}}", list.join(","));
        return;
    }
    println!(
        "weights loaded in {load_ms:.1} ms ({} features)",
        recogniser.features()
    );
    println!("| figure | target | median | met |");
    println!("| --- | --- | --- | --- |");
    for (what, target, ms) in rows {
        let met = if ms <= target { "yes" } else { "**no**" };
        println!("| {what} | ≤ {target:.0} ms | {ms:.2} ms | {met} |");
    }
}
