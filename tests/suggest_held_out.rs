//! The actor suggester measured on texts its rules were not developed on: six BBC News
//! articles on the Yukos affair (assets/sources/yukos). The gold lists in
//! tests/data/held-out/yukos/gold.json were written from the articles before the
//! suggester was run on them.
//!
//! Each article is imported the same way `new` imports a .txt file, and then `suggest`
//! runs on it. Suggestions are matched to gold actors one to one. A suggestion matches a
//! gold actor if its name equals the gold name (case ignored), if the gold name is among
//! its aliases, or if its name is among the gold aliases. Exact names are paired first.
//! A second suggestion for an actor that is already matched is a duplicate card, so it
//! counts as noise.
//! Gold entries marked optional (a country named only as a venue) leave both
//! denominators: missing one costs nothing, and a suggestion matching one is not noise.
//! Figures are reported for names alone and for names with the right kind.
//!
//! Run with `cargo test --test suggest_held_out -- --nocapture` to see the figures and
//! the missing and noise lists.

use briefing_core::import::import_file;
use briefing_core::model::{ActorKind, Source};
use briefing_core::suggest::{Suggestion, suggest};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The gold lists.
const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/held-out/yukos");
/// The articles (shipped in assets/ for the multi-source worked example too).
const TEXTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sources/yukos");

/// Micro-averaged floors over the six articles, 0.05 below what was measured: by name,
/// recall 0.88 (68/77) and precision 0.96 (68/71); with the kind right too, recall 0.87
/// (67/77) and precision 0.94 (67/71). (The trained recogniser first scored 0.86 / 0.92
/// and 0.81 / 0.86; the rules of issue 12 0.82 / 0.85 and 0.44 / 0.46.) A drop below a
/// floor is a regression. When the suggester improves, raise the floors, but do not tune
/// its rules to these texts: the CoNLL-2003 test set is the held-out measure now (README).
const FLOOR_RECALL_NAME: f64 = 0.83;
const FLOOR_PRECISION_NAME: f64 = 0.91;
const FLOOR_RECALL_KIND: f64 = 0.82;
const FLOOR_PRECISION_KIND: f64 = 0.89;

#[derive(Debug, Deserialize)]
struct GoldActor {
    name: String,
    kind: ActorKind,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    optional: bool,
}

fn same(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

/// 0 if not a match, 1 if matched through an alias, 2 if the names are equal.
fn match_strength(s: &Suggestion, g: &GoldActor) -> u8 {
    if same(&s.name, &g.name) {
        2
    } else if s.aliases.iter().any(|a| same(a, &g.name))
        || g.aliases.iter().any(|a| same(a, &s.name))
    {
        1
    } else {
        0
    }
}

#[derive(Default)]
struct Tally {
    gold: usize,
    suggested: usize,
    matched: usize,
    matched_kind: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.gold += other.gold;
        self.suggested += other.suggested;
        self.matched += other.matched;
        self.matched_kind += other.matched_kind;
    }

    /// (recall, precision) by name alone, then with the kind right as well.
    fn figures(&self) -> ((f64, f64), (f64, f64)) {
        let ratio = |n: usize, d: usize| if d == 0 { 1.0 } else { n as f64 / d as f64 };
        (
            (
                ratio(self.matched, self.gold),
                ratio(self.matched, self.suggested),
            ),
            (
                ratio(self.matched_kind, self.gold),
                ratio(self.matched_kind, self.suggested),
            ),
        )
    }

    fn line(&self) -> String {
        let ((r, p), (rk, pk)) = self.figures();
        format!(
            "name: recall {r:.2} ({}/{}) precision {p:.2} ({}/{}); name+kind: recall {rk:.2} precision {pk:.2} ({} right kind)",
            self.matched, self.gold, self.matched, self.suggested, self.matched_kind
        )
    }
}

/// Scores one article, printing what is missing, what is noise and what has the wrong
/// kind.
fn score(file: &str, gold: &[GoldActor]) -> Tally {
    let article = import_file(&Path::new(TEXTS).join(file)).unwrap();
    let suggestions = suggest(&[Source::new(1, article)], &[]);

    // One to one: exact names first, then aliases.
    let mut pair_of_gold: Vec<Option<usize>> = vec![None; gold.len()];
    let mut pair_of_sugg: Vec<Option<usize>> = vec![None; suggestions.len()];
    for strength in [2, 1] {
        for (si, s) in suggestions.iter().enumerate() {
            if pair_of_sugg[si].is_some() {
                continue;
            }
            let free = (0..gold.len())
                .find(|&gi| pair_of_gold[gi].is_none() && match_strength(s, &gold[gi]) == strength);
            if let Some(gi) = free {
                pair_of_gold[gi] = Some(si);
                pair_of_sugg[si] = Some(gi);
            }
        }
    }

    let mut tally = Tally::default();
    let mut missing = Vec::new();
    let mut wrong_kind = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        if g.optional {
            continue;
        }
        tally.gold += 1;
        match pair_of_gold[gi] {
            None => missing.push(format!("{} ({:?})", g.name, g.kind)),
            Some(si) => {
                tally.matched += 1;
                let s = &suggestions[si];
                if s.kind == g.kind {
                    tally.matched_kind += 1;
                } else {
                    wrong_kind.push(format!("{} ({:?}, not {:?})", s.name, s.kind, g.kind));
                }
            }
        }
    }
    let mut noise = Vec::new();
    let mut ignored = Vec::new();
    for (si, s) in suggestions.iter().enumerate() {
        let shown = format!("{} ({:?}, {}x)", s.name, s.kind, s.mentions);
        match pair_of_sugg[si] {
            Some(gi) if gold[gi].optional => ignored.push(shown),
            Some(_) => tally.suggested += 1,
            None => {
                // A suggestion for an actor that already has one is noise too.
                if gold.iter().any(|g| !g.optional && match_strength(s, g) > 0) {
                    noise.push(format!("{shown} [duplicate]"));
                    tally.suggested += 1;
                } else if gold.iter().any(|g| g.optional && match_strength(s, g) > 0) {
                    ignored.push(shown);
                } else {
                    noise.push(shown);
                    tally.suggested += 1;
                }
            }
        }
    }

    eprintln!("\n{file}\n  {}", tally.line());
    eprintln!("  missing: {}", list(&missing));
    eprintln!("  noise: {}", list(&noise));
    eprintln!("  wrong kind: {}", list(&wrong_kind));
    if !ignored.is_empty() {
        eprintln!("  optional (not counted): {}", list(&ignored));
    }
    tally
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.join("; ")
    }
}

#[test]
fn suggester_on_held_out_yukos_articles() {
    let gold_text = std::fs::read_to_string(Path::new(DIR).join("gold.json")).unwrap();
    let gold: BTreeMap<String, Vec<GoldActor>> = serde_json::from_str(&gold_text).unwrap();
    assert_eq!(gold.len(), 6, "gold.json lists the six articles");

    let mut total = Tally::default();
    for (file, actors) in &gold {
        total.add(&score(file, actors));
    }
    eprintln!("\nAll six articles (micro-averaged)\n  {}", total.line());

    let ((recall, precision), (recall_kind, precision_kind)) = total.figures();
    for (what, value, floor) in [
        ("recall by name", recall, FLOOR_RECALL_NAME),
        ("precision by name", precision, FLOOR_PRECISION_NAME),
        ("recall by name and kind", recall_kind, FLOOR_RECALL_KIND),
        (
            "precision by name and kind",
            precision_kind,
            FLOOR_PRECISION_KIND,
        ),
    ] {
        assert!(
            value >= floor,
            "held-out {what} fell to {value:.3}, below its floor {floor:.2}"
        );
    }
}
