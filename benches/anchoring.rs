//! Re-attaching evidence after the article text changes (release build):
//! `cargo bench --bench anchoring [-- --json]`.
//!
//! Generates a 1 MB article and 1,000 evidence spans, edits the text the way corrections
//! do (words inserted throughout, a word changed in 10% of quotes, 2% of quoted sentences
//! deleted), and times re-anchoring every span. Target: well under a second.

mod support;

use briefing_notebook::anchor::{evidence_for, reanchor};
use briefing_notebook::model::{AnchorStatus, Article, Edit, ItemKind, Notebook, TextIndex};
use std::time::Instant;

fn main() {
    let json = std::env::args().any(|a| a == "--json");
    let text = support::article_text(1_000_000, &[], 0x9E37_79B9_7F4A_7C15);
    let mut rng = support::Rng(7);
    let mut notebook = Notebook::new(Article::new("Bench", text.clone()));
    let index = TextIndex::new(&text);
    let actor = notebook.allocate_id();
    Edit::AddItem {
        kind: ItemKind::Actor,
        id: actor,
        name: "A".into(),
        evidence: None,
    }
    .apply(&mut notebook)
    .expect("adds");
    let total = index.char_len();
    let mut quotes = Vec::new();
    for _ in 0..1000 {
        let start = rng.below(total - 200);
        let len = 30 + rng.below(90);
        let id = notebook.allocate_id();
        let ev = evidence_for(&text, &index, id, start, start + len);
        quotes.push(ev.quote.clone());
        notebook.actors[0].evidence.push(ev);
    }
    // Edit: insert a word every ~2,000 chars, change a word in 10% of quotes, delete 2%.
    let mut edited = String::with_capacity(text.len() + 20_000);
    for (i, c) in text.chars().enumerate() {
        if i % 2_000 == 1_999 && c == ' ' {
            edited.push_str(" reportedly");
        }
        edited.push(c);
    }
    for (i, q) in quotes.iter().enumerate() {
        if i % 10 == 0 {
            if let Some(pos) = q.find(' ') {
                let changed = format!("{}{}", &q[..pos], &q[pos..].replacen(' ', " indeed ", 1));
                edited = edited.replacen(q.as_str(), &changed, 1);
            }
        } else if i % 50 == 1 {
            edited = edited.replacen(q.as_str(), "", 1);
        }
    }
    notebook.article = Article::new("Bench", edited);

    let mut times = Vec::new();
    let mut counts = [0usize; 4];
    for _ in 0..5 {
        let mut nb = notebook.clone();
        let t = Instant::now();
        let reports = reanchor(&mut nb);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        counts = [0; 4];
        for r in &reports {
            let i = match r.anchored.status {
                AnchorStatus::Exact => 0,
                AnchorStatus::Moved => 1,
                AnchorStatus::Fuzzy => 2,
                AnchorStatus::Orphaned => 3,
            };
            counts[i] += 1;
        }
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    if json {
        println!(
            "{{\"figure\":\"re-anchor 1,000 spans in a 1 MB article after edits\",\"target_ms\":1000,\"median_ms\":{median:.1},\"exact\":{},\"moved\":{},\"fuzzy\":{},\"orphaned\":{}}}",
            counts[0], counts[1], counts[2], counts[3]
        );
    } else {
        println!("| figure | target | median | spans: exact / moved / fuzzy / orphaned |");
        println!("| --- | --- | --- | --- |");
        println!(
            "| re-anchor 1,000 spans in a 1 MB article after edits | < 1 s | {median:.0} ms | {} / {} / {} / {} |",
            counts[0], counts[1], counts[2], counts[3]
        );
    }
}
