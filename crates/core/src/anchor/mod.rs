//! Evidence selectors: make them from a selection, and find them again in a text.
//!
//! Re-attachment order (see ARCHITECTURE.md): the stored position if the quote still sits
//! there (exact); else the quote found elsewhere, ties broken by prefix/suffix (moved);
//! else an approximate match that scores well enough on quote, context and position
//! (fuzzy, for the user to review); else orphaned, kept with its quote. A span is never
//! attached to low-scoring text.

mod myers;

use crate::model::{
    AnchorStatus, Article, Edit, EditError, Evidence, Id, ItemRef, Notebook, SpanPosition,
    TextIndex,
};
use myers::{Myers, best_start, edit_distance};
use std::cell::{Cell, OnceCell};

/// How many chars of context are kept on each side of a quote.
pub const CONTEXT_CHARS: usize = 32;

/// Builds an evidence span for chars `start..end` of `text`, the text of source `source`.
pub fn evidence_for(
    source: Id,
    text: &str,
    index: &TextIndex,
    id: Id,
    start: usize,
    end: usize,
) -> Evidence {
    let end = end.min(index.char_len());
    let start = start.min(end);
    Evidence {
        id,
        source,
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
    Anchorer::new(text, index).locate(evidence)
}

/// Weights of the approximate-match score: quote, prefix, suffix, closeness to the old
/// position (the proportions a widely used annotation client uses).
const WEIGHTS: (f32, f32, f32, f32) = (50.0, 20.0, 20.0, 2.0);
/// Lowest acceptable overall score for a fuzzy match.
const MIN_SCORE: f32 = 0.7;
/// How far around the old position the approximate search looks first, in chars.
const NEAR: usize = 2_000;

/// Finds many spans in one text, sharing the text's char array.
pub struct Anchorer<'a> {
    text: &'a str,
    index: &'a TextIndex,
    chars: OnceCell<Vec<char>>,
    /// How far the last span found had moved (new start - old start). i128 because both
    /// starts may be any `usize` read from a file: their difference always fits.
    shift: Cell<i128>,
}

impl<'a> Anchorer<'a> {
    /// An anchorer over `text` (indexed by `index`).
    pub fn new(text: &'a str, index: &'a TextIndex) -> Self {
        Self {
            text,
            index,
            chars: OnceCell::new(),
            shift: Cell::new(0),
        }
    }

    fn chars(&self) -> &[char] {
        self.chars.get_or_init(|| self.text.chars().collect())
    }

    /// Finds one span (see the module doc for the order).
    pub fn locate(&self, evidence: &Evidence) -> Anchored {
        let found = self.locate_uncached(evidence);
        if found.status != AnchorStatus::Orphaned {
            // Edits shift the text after them: the next span is probably shifted alike.
            self.shift.set(found.start as i128 - evidence.start as i128);
        }
        found
    }

    /// Where the span probably is now: its old start plus the shift seen last.
    fn expected_start(&self, evidence: &Evidence) -> usize {
        let len = self.index.char_len();
        // Exact in i128 (|shift| < 2^64), then clamped into the text, so no offset from
        // a file can overflow or wrap here.
        let expected = (evidence.start as i128)
            .saturating_add(self.shift.get())
            .clamp(0, len as i128);
        usize::try_from(expected).unwrap_or(len)
    }

    fn locate_uncached(&self, evidence: &Evidence) -> Anchored {
        let (text, index) = (self.text, self.index);
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
        // The quote near where it should be, when its context agrees completely; else the
        // best occurrence in the whole text.
        let expected = self.expected_start(evidence);
        let from = index.byte_of(text, expected.saturating_sub(NEAR.saturating_add(len)));
        let to = index.byte_of(
            text,
            expected
                .saturating_add(NEAR)
                .saturating_add(len.saturating_mul(2)),
        );
        let full_context = evidence.prefix.chars().count() + evidence.suffix.chars().count();
        let near = self.best_exact(evidence, from, to);
        let best = match near {
            Some((score, start)) if score >= full_context => Some((score, start)),
            _ => self.best_exact(evidence, 0, text.len()),
        };
        if let Some((_, start)) = best {
            return Anchored {
                status: AnchorStatus::Moved,
                start,
                end: start + len,
            };
        }
        self.fuzzy(evidence).unwrap_or_else(|| orphaned(evidence))
    }

    /// The occurrence of the quote in bytes `from..to` whose context agrees best (then the
    /// closest to the old position), as (context score, char start).
    fn best_exact(&self, evidence: &Evidence, from: usize, to: usize) -> Option<(usize, usize)> {
        let (text, index) = (self.text, self.index);
        let quote = evidence.quote.as_str();
        let len = quote.chars().count();
        let mut best: Option<(usize, usize)> = None;
        for (byte, _) in text[from..to].match_indices(quote) {
            let start = index.char_of(text, from + byte);
            let score = context_score(text, index, start, start + len, evidence);
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
        best
    }

    /// Approximate search: near where the span should be first, then the whole text.
    fn fuzzy(&self, evidence: &Evidence) -> Option<Anchored> {
        let chars = self.chars();
        let pattern: Vec<char> = evidence.quote.chars().collect();
        let m = pattern.len();
        // At most half the quote may differ; short quotes must be nearly whole.
        let max_errors = if m < 8 { m / 4 } else { m / 2 };
        let myers = Myers::new(&pattern);
        let expected = self.expected_start(evidence);
        let near_from = expected.saturating_sub(NEAR + m).min(chars.len());
        let near_to = expected
            .saturating_add(NEAR)
            .saturating_add(m.saturating_mul(2))
            .min(chars.len());
        if let Some((near, _)) =
            self.best_in(&myers, &pattern, near_from, near_to, max_errors, evidence)
        {
            return Some(near);
        }
        if near_from == 0 && near_to == chars.len() {
            return None;
        }
        self.best_in(&myers, &pattern, 0, chars.len(), max_errors, evidence)
            .map(|(a, _)| a)
    }

    /// The best acceptable match within chars `from..to`, with its score.
    fn best_in(
        &self,
        myers: &Myers,
        pattern: &[char],
        from: usize,
        to: usize,
        max_errors: usize,
        evidence: &Evidence,
    ) -> Option<(Anchored, f32)> {
        let chars = self.chars();
        let m = pattern.len();
        let ends = myers.find_ends(&chars[from..to], max_errors);
        // Candidates: ends whose distance is a local minimum (the best of its stretch).
        let mut candidates: Vec<(usize, usize)> = Vec::new();
        for (i, &(end, d)) in ends.iter().enumerate() {
            let left = i == 0 || ends[i - 1].0 + 1 != end || ends[i - 1].1 > d;
            let right = i + 1 == ends.len() || ends[i + 1].0 != end + 1 || ends[i + 1].1 >= d;
            if left && right {
                candidates.push((from + end, d));
            }
        }
        candidates.sort_by_key(|&(end, d)| (d, end.abs_diff(evidence.end)));
        candidates.truncate(8);
        let mut best: Option<(Anchored, f32)> = None;
        for (end, d) in candidates {
            let window_start = end.saturating_sub(m + max_errors);
            let start = window_start + best_start(pattern, &chars[window_start..end]);
            let quote_score = 1.0 - d as f32 / m.max(1) as f32;
            let prefix = similarity(
                &evidence.prefix,
                &chars[start.saturating_sub(evidence.prefix.chars().count())..start],
            );
            let suffix_len = evidence.suffix.chars().count();
            let suffix = similarity(
                &evidence.suffix,
                &chars[end..(end + suffix_len).min(chars.len())],
            );
            let distance = start.abs_diff(evidence.start) as f32 / chars.len().max(1) as f32;
            let position = 1.0 - distance.min(1.0);
            let (wq, wp, ws, wpos) = WEIGHTS;
            let score = (wq * quote_score + wp * prefix + ws * suffix + wpos * position)
                / (wq + wp + ws + wpos);
            // Accept a close quote, or a looser one whose surroundings clearly agree.
            let acceptable =
                score >= MIN_SCORE && (quote_score >= 0.75 || (prefix + suffix) / 2.0 >= 0.8);
            if acceptable && best.as_ref().is_none_or(|(_, s)| score > *s) {
                best = Some((
                    Anchored {
                        status: AnchorStatus::Fuzzy,
                        start,
                        end,
                    },
                    score,
                ));
            }
        }
        best
    }
}

/// 1 for equal strings, falling with their edit distance; 1 when there was no context.
fn similarity(expected: &str, found: &[char]) -> f32 {
    let expected: Vec<char> = expected.chars().collect();
    if expected.is_empty() {
        return 1.0;
    }
    1.0 - edit_distance(&expected, found) as f32 / expected.len().max(found.len()) as f32
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
    /// The source whose text the span quotes.
    pub source: Id,
    /// What was found.
    pub anchored: Anchored,
    /// The stored quote.
    pub quote: String,
}

/// The notebook with the article of source `source` replaced by `article` and that
/// source's spans re-attached to the new text (the analyst's content is unchanged;
/// positions follow the text; other sources' spans are not touched).
pub fn replace_article(
    notebook: &Notebook,
    source: Id,
    article: Article,
) -> Result<(Notebook, Vec<SpanReport>), EditError> {
    let mut updated = notebook.clone();
    updated
        .source_mut(source)
        .ok_or(EditError::NoSuchSource(source))?
        .article = article;
    let reports = reanchor_only(&mut updated, |id| id == source);
    Ok((updated, reports))
}

/// The undoable edit that replaces one source's article and moves its spans as
/// [`replace_article`] found them.
pub fn replace_article_edit(
    notebook: &Notebook,
    source: Id,
    article: Article,
) -> Result<(Edit, Vec<SpanReport>), EditError> {
    let (mut updated, reports) = replace_article(notebook, source, article)?;
    let anchors = reports
        .iter()
        .map(|r| SpanPosition {
            evidence: r.evidence,
            start: r.anchored.start,
            end: r.anchored.end,
            status: r.anchored.status,
        })
        .collect();
    let article = updated
        .source_mut(source)
        .map(|s| s.article.clone())
        .ok_or(EditError::NoSuchSource(source))?;
    let edit = Edit::ReplaceArticle {
        source,
        article,
        anchors,
    };
    Ok((edit, reports))
}

/// A span accepted as it now reads: quote and context taken from the current text at its
/// position, so it is exact again.
pub fn accept_as_found(text: &str, index: &TextIndex, evidence: &Evidence) -> Evidence {
    evidence_for(
        evidence.source,
        text,
        index,
        evidence.id,
        evidence.start,
        evidence.end,
    )
}

/// Re-checks every span of `notebook` against its source's text, moves spans whose quote
/// moved, records each span's status, and returns one report per span in pane order. A
/// span naming a source the notebook does not hold is left alone and not reported
/// (`validate` refuses it).
pub fn reanchor(notebook: &mut Notebook) -> Vec<SpanReport> {
    reanchor_only(notebook, |_| true)
}

/// [`reanchor`] for the spans of the sources `wanted` accepts; one anchorer per source,
/// each source's spans in text order so each one's shift predicts the next one's.
fn reanchor_only(notebook: &mut Notebook, wanted: impl Fn(Id) -> bool) -> Vec<SpanReport> {
    let spans: Vec<(ItemRef, &Evidence)> = notebook.all_evidence().collect();
    let mut found: Vec<Option<Anchored>> = vec![None; spans.len()];
    for source in notebook.sources.iter().filter(|s| wanted(s.id)) {
        let text = &source.article.text;
        let index = TextIndex::new(text);
        let anchorer = Anchorer::new(text, &index);
        let mut order: Vec<usize> = (0..spans.len())
            .filter(|&i| spans[i].1.source == source.id)
            .collect();
        order.sort_by_key(|&i| spans[i].1.start);
        let char_len = index.char_len();
        for i in order {
            let evidence = spans[i].1;
            // The one guarantee the rest of the app relies on: a span that is not
            // orphaned lies inside the text (offsets read from a file are never trusted).
            let anchored = Some(anchorer.locate(evidence))
                .filter(|a| {
                    a.status == AnchorStatus::Orphaned || (a.start <= a.end && a.end <= char_len)
                })
                .unwrap_or_else(|| orphaned(evidence));
            found[i] = Some(anchored);
        }
    }
    let reports: Vec<Option<SpanReport>> = spans
        .iter()
        .zip(&found)
        .map(|(&(item, evidence), anchored)| {
            anchored.map(|anchored| SpanReport {
                item,
                evidence: evidence.id,
                source: evidence.source,
                anchored,
                quote: evidence.quote.clone(),
            })
        })
        .collect();
    for (evidence, report) in notebook.all_evidence_mut().zip(&reports) {
        if let Some(report) = report {
            evidence.status = report.anchored.status;
            evidence.start = report.anchored.start;
            evidence.end = report.anchored.end;
        }
    }
    reports.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests;
