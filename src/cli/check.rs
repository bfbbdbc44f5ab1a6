//! `check`: what a notebook holds and how its spans and claims stand, as text or JSON.

use super::output;
use briefing_core::anchor::SpanReport;
use briefing_core::checks::{Place, review};
use briefing_core::model::{AnchorStatus, ItemRef, Notebook};
use briefing_core::storage::load_notebook;
use std::path::Path;

/// `check`: reads and validates a notebook, re-checks every span, lists the findings.
pub(super) fn check(path: &Path, json: bool) -> Result<(), String> {
    let (notebook, reports) = load_notebook(path).map_err(|e| e.to_string())?;
    if json {
        say!("{}", check_json(&notebook, &reports));
    } else {
        say_raw!("{}", check_text(path, &notebook, &reports));
    }
    // A notebook with merge conflicts is not finished: fail until they are settled.
    match notebook.conflicts.len() {
        0 => Ok(()),
        n => Err(format!(
            "{}: {n} merge conflict{} to resolve: open it in the app, Review tab",
            path.display(),
            if n == 1 { "" } else { "s" }
        )),
    }
}

/// The `conflicts` of `check --json`: where, and the three values.
fn conflicts_json(notebook: &Notebook) -> Vec<serde_json::Value> {
    notebook
        .conflicts
        .iter()
        .map(|c| {
            serde_json::json!({
                "place": notebook.field_place(c.field),
                "field": c.field.label(),
                "base": c.base.summary(),
                "ours": c.ours.summary(),
                "theirs": c.theirs.summary(),
            })
        })
        .collect()
}

/// Where a finding is, for JSON: `{"kind": "bottom line"}` or `{"kind": "risk", "name": …}`
/// (the shape of an evidence span's `item`).
fn place_json(notebook: &Notebook, place: Place) -> serde_json::Value {
    match place {
        Place::BottomLine => serde_json::json!({ "kind": "bottom line" }),
        Place::Item(item) => item_json(notebook, item),
    }
}

/// Where a finding is, for text: `bottom line` or `risk "Kabul sidelined"`.
fn place_text(notebook: &Notebook, place: Place) -> String {
    match place {
        Place::BottomLine => "bottom line".to_owned(),
        Place::Item(item) => format!(
            "{} \"{}\"",
            item.kind.label(),
            notebook.item_name(item).unwrap_or_default()
        ),
    }
}

/// An item as JSON: `{"kind": "actor", "name": …}`.
fn item_json(notebook: &Notebook, item: ItemRef) -> serde_json::Value {
    serde_json::json!({
        "kind": item.kind.label(),
        "name": notebook.item_name(item).unwrap_or_default(),
    })
}

/// The `check --json` object.
pub(super) fn check_json(notebook: &Notebook, reports: &[SpanReport]) -> serde_json::Value {
    let sources: Vec<serde_json::Value> = notebook
        .sources
        .iter()
        .map(|s| {
            serde_json::json!({
                "id": s.id,
                "title": s.article.title,
                "reliability": s.reliability.letter().to_string(),
                "credibility": s.credibility.value(),
                "chars": s.article.char_len(),
            })
        })
        .collect();
    let evidence: Vec<serde_json::Value> = reports
        .iter()
        .map(|r| {
            serde_json::json!({
                "item": item_json(notebook, r.item),
                "source": r.source,
                "status": r.anchored.status.label(),
                "start": r.anchored.start,
                "end": r.anchored.end,
                "quote": r.quote,
            })
        })
        .collect();
    // The reviewer's findings, the same list the app's Review tab shows.
    let findings: Vec<serde_json::Value> = review(notebook)
        .into_iter()
        .map(|f| {
            serde_json::json!({
                "place": place_json(notebook, f.place),
                "kind": f.kind,
                "message": f.message,
            })
        })
        .collect();
    // How many distinct sources each item's evidence comes from.
    let corroboration: Vec<serde_json::Value> = notebook
        .all_items()
        .map(|i| {
            serde_json::json!({
                "item": item_json(notebook, i.item_ref()),
                "sources": notebook.corroboration(i.item_ref()),
            })
        })
        .collect();
    serde_json::json!({
        "actors": notebook.actors.len(),
        "stakes": notebook.stakes.len(),
        "risks": notebook.risks.len(),
        "sources": sources,
        "evidence": evidence,
        "corroboration": corroboration,
        "findings": findings,
        "conflicts": conflicts_json(notebook),
    })
}

/// What plain `check` prints: the notebook, its sources, every span, the findings.
pub(super) fn check_text(path: &Path, notebook: &Notebook, reports: &[SpanReport]) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let title = notebook
        .first_source()
        .map(|s| s.article.title.as_str())
        .unwrap_or_default();
    let _ = writeln!(out, "{}: \"{title}\"", path.display());
    let _ = writeln!(out, "sources: {}", notebook.sources.len());
    for (i, s) in notebook.sources.iter().enumerate() {
        let _ = writeln!(
            out,
            "source   [{}] id {} {} \"{}\" ({} chars)",
            i + 1,
            s.id,
            s.grade(),
            s.article.title,
            s.article.char_len()
        );
    }
    let _ = writeln!(
        out,
        "actors: {}, stakes: {}, risks: {}, evidence spans: {}",
        notebook.actors.len(),
        notebook.stakes.len(),
        notebook.risks.len(),
        reports.len()
    );
    let mut counts = Vec::new();
    for status in [
        AnchorStatus::Exact,
        AnchorStatus::Moved,
        AnchorStatus::Fuzzy,
        AnchorStatus::Orphaned,
    ] {
        let n = reports
            .iter()
            .filter(|r| r.anchored.status == status)
            .count();
        if n > 0 {
            counts.push(format!("{n} {}", status.label()));
        }
    }
    if !counts.is_empty() {
        let _ = writeln!(out, "spans: {}", counts.join(", "));
    }
    for r in reports {
        let _ = writeln!(
            out,
            "{:<8} {:>6}..{:<6} [{}] {} \"{}\": \"{}\"",
            r.anchored.status.label(),
            r.anchored.start,
            r.anchored.end,
            notebook.source_number(r.source).unwrap_or_default(),
            r.item.kind.label(),
            notebook.item_name(r.item).unwrap_or_default(),
            r.quote.replace('\n', " ")
        );
    }
    if !notebook.conflicts.is_empty() {
        let _ = writeln!(out, "conflicts: {}", notebook.conflicts.len());
    }
    for c in &notebook.conflicts {
        let _ = writeln!(
            out,
            "conflict {}: base {}, ours {}, theirs {}",
            notebook.field_place(c.field),
            one_line(&c.base.summary()),
            one_line(&c.ours.summary()),
            one_line(&c.theirs.summary())
        );
    }
    let findings = review(notebook);
    let _ = writeln!(out, "findings: {}", findings.len());
    for f in &findings {
        let _ = writeln!(
            out,
            "finding  {}: {}",
            place_text(notebook, f.place),
            f.message
        );
    }
    out
}

/// A value on one line, cut at 100 characters (a conflicting text can be a whole article).
fn one_line(text: &str) -> String {
    let flat = text.replace('\n', " ");
    match flat.char_indices().nth(100) {
        Some((at, _)) => format!("{}…", &flat[..at]),
        None => flat,
    }
}
