//! Re-attaching evidence after the article text changes (release build):
//! `cargo bench --bench anchoring [-- --json]`.
//!
//! Generates a 1 MB article and 1,000 evidence spans, edits the text the way corrections
//! do (a word inserted at the first space after every 2,000th char, a word changed in 10%
//! of quotes, the whole sentence around 2% of quotes deleted), and times re-anchoring
//! every span. Target: well under a second.

mod support;

use briefing_core::anchor::{evidence_for, reanchor};
use briefing_core::model::{AnchorStatus, Article, Edit, ItemKind, Notebook, TextIndex};
use std::time::Instant;

fn main() {
    let json = std::env::args().any(|a| a == "--json");
    let text = support::article_text(1_000_000, &[], 0x9E37_79B9_7F4A_7C15);
    let mut rng = support::Rng(7);
    let mut notebook = Notebook::new(Article::new("Bench", text.clone()));
    let index = TextIndex::new(&text);
    let source = notebook.sources[0].id;
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
        let ev = evidence_for(source, &text, &index, id, start, start + len);
        quotes.push(ev.quote.clone());
        notebook.actors[0].evidence.push(ev);
    }
    // Edit: insert a word at the first space after every 2,000th char, change a word in
    // 10% of quotes, delete the whole sentence around 2% of them.
    let mut edited = String::with_capacity(text.len() + 20_000);
    let mut inserted = 0;
    let mut due = false;
    for (i, c) in text.chars().enumerate() {
        if i > 0 && i % 2_000 == 0 {
            due = true;
        }
        if due && c == ' ' {
            edited.push_str(" reportedly");
            inserted += 1;
            due = false;
        }
        edited.push(c);
    }
    let (mut changed, mut deleted) = (0, 0);
    for (i, q) in quotes.iter().enumerate() {
        if i % 10 == 0 {
            if let Some(pos) = q.find(' ') {
                let new = format!("{}{}", &q[..pos], &q[pos..].replacen(' ', " indeed ", 1));
                if edited.contains(q.as_str()) {
                    edited = edited.replacen(q.as_str(), &new, 1);
                    changed += 1;
                }
            }
        } else if i % 50 == 1
            && let Some(at) = edited.find(q.as_str())
        {
            // From the end of the sentence before the quote to the end of the sentence it
            // ends in (a quote that spans sentences takes them all).
            let from = edited[..at].rfind(['.', '\n']).map_or(0, |p| p + 1);
            let end = at + q.len();
            let to = edited[end..]
                .find('.')
                .map_or(edited.len(), |p| end + p + 1);
            edited.replace_range(from..to, "");
            deleted += 1;
        }
    }
    if !json {
        eprintln!(
            "edits: {inserted} words inserted, {changed} quotes changed, {deleted} sentences deleted"
        );
    }
    notebook.sources[0].article = Article::new("Bench", edited);

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
