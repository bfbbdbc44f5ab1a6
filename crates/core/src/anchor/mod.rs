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
mod tests {
    use super::*;

    const TEXT: &str = "Lavrov met Jeenbekov. Later, Lavrov met Aidarbekov in Bishkek.";

    #[test]
    fn exact_then_moved_then_orphaned() {
        let index = TextIndex::new(TEXT);
        let ev = evidence_for(1, TEXT, &index, 1, 29, 35);
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

    /// A span on the sample article, re-found after an edit of the text.
    fn refind(quote: &str, edit: impl Fn(&str) -> String) -> (Anchored, String) {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../assets/articles/lavrov-central-asia-tour.txt"
        ))
        .unwrap();
        let index = TextIndex::new(&text);
        let byte = text.find(quote).unwrap();
        let start = index.char_of(&text, byte);
        let ev = evidence_for(1, &text, &index, 1, start, start + quote.chars().count());
        let edited = edit(&text);
        let index2 = TextIndex::new(&edited);
        let found = locate(&edited, &index2, &ev);
        let at = index2.slice(&edited, found.start, found.end).to_owned();
        (found, at)
    }

    const QUOTE: &str = "the Taliban still refuses to talk directly to the administration";

    #[test]
    fn words_inserted_before_a_span_move_it() {
        let (found, at) = refind(QUOTE, |t| {
            t.replacen("Meanwhile, Moscow", "Meanwhile, on Tuesday, Moscow", 1)
        });
        assert_eq!(found.status, AnchorStatus::Moved);
        assert_eq!(at, QUOTE);
    }

    #[test]
    fn a_word_changed_inside_the_quote_is_fuzzy() {
        let (found, at) = refind(QUOTE, |t| t.replacen("still refuses", "still declines", 1));
        assert_eq!(found.status, AnchorStatus::Fuzzy);
        assert_eq!(
            at,
            "the Taliban still declines to talk directly to the administration"
        );
    }

    #[test]
    fn a_moved_paragraph_takes_its_span_along() {
        let (found, at) = refind(QUOTE, |t| {
            let paragraphs: Vec<&str> = t.split('\n').collect();
            let moscow = paragraphs.iter().position(|p| p.contains(QUOTE)).unwrap();
            let mut reordered: Vec<&str> = paragraphs.clone();
            let p = reordered.remove(moscow);
            reordered.insert(2, p);
            reordered.join("\n")
        });
        assert_eq!(found.status, AnchorStatus::Moved);
        assert_eq!(at, QUOTE);
    }

    #[test]
    fn a_deleted_sentence_orphans_its_span_and_keeps_it() {
        let (found, _) = refind(QUOTE, |t| t.replacen(&format!(", as {QUOTE}"), "", 1));
        assert_eq!(found.status, AnchorStatus::Orphaned);
    }

    #[test]
    fn crlf_line_endings_are_normalised_at_import_so_spans_stay_exact() {
        let (found, at) = refind(QUOTE, |t| {
            let crlf = t.replace('\n', "\r\n");
            let article =
                crate::import::import_bytes(crlf.as_bytes(), crate::import::ArticleFormat::Text)
                    .unwrap();
            article.text.to_string()
        });
        assert_eq!(found.status, AnchorStatus::Exact);
        assert_eq!(at, QUOTE);
    }

    #[test]
    fn repeated_text_goes_to_the_copy_with_the_same_context() {
        // The quote now also appears earlier, in another context; the original one moved.
        let (found, at) = refind(QUOTE, |t| {
            let t = t.replacen("Last week,", &format!("Note that {QUOTE}. Last week,"), 1);
            format!("Preface. {t}")
        });
        assert_eq!(found.status, AnchorStatus::Moved);
        assert_eq!(at, QUOTE);
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../assets/articles/lavrov-central-asia-tour.txt"
        ))
        .unwrap();
        let original = text[..text.find(QUOTE).unwrap()].chars().count();
        assert_eq!(found.start, original + "Preface. ".chars().count());
    }

    #[test]
    fn low_scoring_text_is_never_taken() {
        // Most of the quote rewritten: nothing close enough, so it stays orphaned.
        let (found, _) = refind(QUOTE, |t| {
            t.replacen(
                QUOTE,
                "the insurgents keep rejecting any direct negotiation with Kabul",
                1,
            )
        });
        assert_eq!(found.status, AnchorStatus::Orphaned);
    }

    #[test]
    fn context_is_char_based() {
        let text = "Лавров “сказал” — да";
        let index = TextIndex::new(text);
        let ev = evidence_for(1, text, &index, 1, 7, 15);
        assert_eq!(ev.quote, "“сказал”");
        assert_eq!(ev.prefix, "Лавров ");
        assert_eq!(ev.suffix, " — да");
    }

    #[test]
    fn offsets_from_a_file_never_overflow_or_wrap() {
        let index = TextIndex::new(TEXT);
        let good = evidence_for(1, TEXT, &index, 1, 29, 35);
        let huge = 1usize << (usize::BITS - 1);
        let cases = [
            (huge, huge + 6),
            (usize::MAX, usize::MAX),
            (usize::MAX - 2, usize::MAX),
            (usize::MAX, 0),
            (35, 29),
            (0, usize::MAX),
        ];
        for (start, end) in cases {
            let ev = Evidence {
                start,
                end,
                ..good.clone()
            };
            let anchorer = Anchorer::new(TEXT, &index);
            // Before and after a sane span, so the predicted shift takes every extreme.
            for _ in 0..2 {
                assert_eq!(anchorer.locate(&good).status, AnchorStatus::Exact);
                let found = anchorer.locate(&ev);
                assert_eq!(found.status, AnchorStatus::Moved, "{start}..{end}");
                assert_eq!((found.start, found.end), (29, 35), "{start}..{end}");
            }
            // With the quote gone the span is orphaned and keeps what the file said.
            let gone = Evidence {
                quote: "Tashkent".into(),
                ..ev.clone()
            };
            let found = anchorer.locate(&gone);
            assert_eq!(found.status, AnchorStatus::Orphaned);
            assert_eq!((found.start, found.end), (start, end));
        }
    }

    #[test]
    fn reanchor_leaves_no_unorphaned_span_outside_the_text() {
        let mut nb = Notebook::new(crate::model::Article::new("T", TEXT));
        let index = TextIndex::new(TEXT);
        let id = nb.allocate_id();
        crate::model::Edit::AddItem {
            kind: crate::model::ItemKind::Actor,
            id,
            name: "Lavrov".into(),
            evidence: None,
        }
        .apply(&mut nb)
        .unwrap();
        let mut ev = evidence_for(1, TEXT, &index, nb.allocate_id(), 29, 35);
        ev.start = usize::MAX - 1;
        ev.end = usize::MAX;
        nb.actors[0].evidence.push(ev.clone());
        ev.id = nb.allocate_id();
        ev.quote = "not in the text".into();
        nb.actors[0].evidence.push(ev);
        let reports = reanchor(&mut nb);
        let len = index.char_len();
        for r in &reports {
            let a = r.anchored;
            assert!(
                a.status == AnchorStatus::Orphaned || (a.start <= a.end && a.end <= len),
                "{a:?}"
            );
        }
        assert_eq!(reports[0].anchored.status, AnchorStatus::Moved);
        assert_eq!(reports[1].anchored.status, AnchorStatus::Orphaned);
    }

    #[test]
    fn replacing_one_source_re_anchors_only_its_spans() {
        use crate::model::{Article, Edit, Item, ItemKind, Source};
        let mut nb = Notebook::new(Article::new("One", TEXT));
        let other_id = nb.allocate_id();
        Edit::AddSource(Source::new(other_id, Article::new("Two", TEXT)))
            .apply(&mut nb)
            .unwrap();
        let index = TextIndex::new(TEXT);
        let first = evidence_for(1, TEXT, &index, nb.allocate_id(), 29, 35);
        let second = evidence_for(other_id, TEXT, &index, nb.allocate_id(), 29, 35);
        let id = nb.allocate_id();
        Edit::AddItem {
            kind: ItemKind::Actor,
            id,
            name: "Lavrov".into(),
            evidence: Some(first),
        }
        .apply(&mut nb)
        .unwrap();
        Edit::AttachEvidence(nb.actors[0].item_ref(), second)
            .apply(&mut nb)
            .unwrap();
        let moved = format!("Yesterday: {TEXT}");
        let (edit, reports) =
            replace_article_edit(&nb, other_id, Article::new("Two", moved.as_str())).unwrap();
        assert_eq!(
            reports.len(),
            1,
            "only the replaced source's span: {reports:?}"
        );
        assert_eq!(reports[0].source, other_id);
        assert_eq!(reports[0].anchored.status, AnchorStatus::Moved);
        edit.apply(&mut nb).unwrap();
        let spans = &nb.actors[0].evidence;
        assert_eq!((spans[0].start, spans[0].status), (29, AnchorStatus::Exact));
        assert_eq!((spans[1].start, spans[1].status), (40, AnchorStatus::Moved));
        assert_eq!(&*nb.sources[0].article.text, TEXT, "source 1 untouched");
        assert_eq!(
            replace_article(&nb, 999, Article::new("X", "x")).unwrap_err(),
            EditError::NoSuchSource(999)
        );
        // On open every source is checked against its own text.
        let reports = reanchor(&mut nb);
        let statuses: Vec<_> = reports
            .iter()
            .map(|r| (r.source, r.anchored.status))
            .collect();
        assert_eq!(
            statuses,
            [(1, AnchorStatus::Exact), (other_id, AnchorStatus::Exact)]
        );
    }
}
