//! Evidence selectors: make them from a selection, and find them again in a text.
//!
//! Re-attachment order (see ARCHITECTURE.md): the stored position if the quote still sits
//! there (exact); else the quote found elsewhere, ties broken by prefix/suffix (moved);
//! else orphaned, kept with its quote. Approximate (fuzzy) matching is not done yet: a
//! span is never attached to text that does not match its quote exactly.

use crate::model::{AnchorStatus, Evidence, Id, ItemRef, Notebook, TextIndex};

/// How many chars of context are kept on each side of a quote.
pub const CONTEXT_CHARS: usize = 32;

/// Builds an evidence span for chars `start..end` of `text`.
pub fn evidence_for(text: &str, index: &TextIndex, id: Id, start: usize, end: usize) -> Evidence {
    let end = end.min(index.char_len());
    let start = start.min(end);
    Evidence {
        id,
        start,
        end,
        quote: index.slice(text, start, end).to_owned(),
        prefix: index
            .slice(text, start.saturating_sub(CONTEXT_CHARS), start)
            .to_owned(),
        suffix: index
            .slice(text, end, end.saturating_add(CONTEXT_CHARS))
            .to_owned(),
        status: AnchorStatus::Exact,
    }
}

/// Where a span was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchored {
    /// How it was found.
    pub status: AnchorStatus,
    /// Char offset of its start in the current text.
    pub start: usize,
    /// Char offset of its end.
    pub end: usize,
}

/// Finds `evidence` in `text` (see the module doc for the order).
pub fn locate(text: &str, index: &TextIndex, evidence: &Evidence) -> Anchored {
    let quote = evidence.quote.as_str();
    let len = quote.chars().count();
    if !quote.is_empty()
        && evidence.end <= index.char_len()
        && evidence.start < evidence.end
        && index.slice(text, evidence.start, evidence.end) == quote
    {
        return Anchored {
            status: AnchorStatus::Exact,
            start: evidence.start,
            end: evidence.end,
        };
    }
    if quote.is_empty() {
        return orphaned(evidence);
    }
    let mut best: Option<(usize, usize)> = None; // (score, char start)
    for (byte, _) in text.match_indices(quote) {
        let start = index.char_of(text, byte);
        let score = context_score(text, index, start, start + len, evidence);
        // Higher context agreement wins; then closeness to the old position.
        let better = match best {
            None => true,
            Some((best_score, best_start)) => {
                score > best_score
                    || (score == best_score
                        && start.abs_diff(evidence.start) < best_start.abs_diff(evidence.start))
            }
        };
        if better {
            best = Some((score, start));
        }
    }
    match best {
        Some((_, start)) => Anchored {
            status: AnchorStatus::Moved,
            start,
            end: start + len,
        },
        None => orphaned(evidence),
    }
}

fn orphaned(evidence: &Evidence) -> Anchored {
    Anchored {
        status: AnchorStatus::Orphaned,
        start: evidence.start,
        end: evidence.end,
    }
}

/// Chars of prefix and suffix that agree with the text around a candidate.
fn context_score(
    text: &str,
    index: &TextIndex,
    start: usize,
    end: usize,
    evidence: &Evidence,
) -> usize {
    let before = index.slice(text, start.saturating_sub(CONTEXT_CHARS), start);
    let after = index.slice(text, end, end.saturating_add(CONTEXT_CHARS));
    let prefix = before
        .chars()
        .rev()
        .zip(evidence.prefix.chars().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = after
        .chars()
        .zip(evidence.suffix.chars())
        .take_while(|(a, b)| a == b)
        .count();
    prefix + suffix
}

/// One span's result after re-checking a notebook.
#[derive(Clone, Debug, PartialEq)]
pub struct SpanReport {
    /// The item the span supports.
    pub item: ItemRef,
    /// The span's id.
    pub evidence: Id,
    /// What was found.
    pub anchored: Anchored,
    /// The stored quote.
    pub quote: String,
}

/// Re-checks every span of `notebook` against its text, moves spans whose quote moved,
/// records each span's status, and returns one report per span in pane order.
pub fn reanchor(notebook: &mut Notebook) -> Vec<SpanReport> {
    let text = notebook.article.text.clone();
    let index = TextIndex::new(&text);
    let mut reports = Vec::new();
    for (item, evidence) in notebook.all_evidence() {
        reports.push(SpanReport {
            item,
            evidence: evidence.id,
            anchored: locate(&text, &index, evidence),
            quote: evidence.quote.clone(),
        });
    }
    for (evidence, report) in notebook.all_evidence_mut().zip(&reports) {
        evidence.status = report.anchored.status;
        evidence.start = report.anchored.start;
        evidence.end = report.anchored.end;
    }
    reports
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Lavrov met Jeenbekov. Later, Lavrov met Aidarbekov in Bishkek.";

    #[test]
    fn exact_then_moved_then_orphaned() {
        let index = TextIndex::new(TEXT);
        let ev = evidence_for(TEXT, &index, 1, 29, 35);
        assert_eq!(ev.quote, "Lavrov");
        assert_eq!(locate(TEXT, &index, &ev).status, AnchorStatus::Exact);

        let edited = format!("Yesterday: {TEXT}");
        let index2 = TextIndex::new(&edited);
        let found = locate(&edited, &index2, &ev);
        assert_eq!(found.status, AnchorStatus::Moved);
        // The prefix ("Later, ") picks the second "Lavrov", not the first.
        assert_eq!(found.start, 29 + 11);

        let gone = "Nothing to see.";
        let found = locate(gone, &TextIndex::new(gone), &ev);
        assert_eq!(found.status, AnchorStatus::Orphaned);
        assert_eq!((found.start, found.end), (29, 35));
    }

    #[test]
    fn context_is_char_based() {
        let text = "Лавров “сказал” — да";
        let index = TextIndex::new(text);
        let ev = evidence_for(text, &index, 1, 7, 15);
        assert_eq!(ev.quote, "“сказал”");
        assert_eq!(ev.prefix, "Лавров ");
        assert_eq!(ev.suffix, " — да");
    }
}
