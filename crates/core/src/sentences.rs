//! Sentences for the reviewer: Unicode sentence boundaries (UAX #29), joined again after
//! abbreviations and initials ("U.S. envoy", "Gen. Miller", "Jan. 5", "John F. Kennedy"),
//! where the Unicode rules end a sentence because a capital or a number follows.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Abbreviations that do not end a sentence, as written (case matters: "No. 5" is one,
/// "they said no." is not). Dotted initials ("U.S.", "J.") are recognised by shape, see
/// [`is_initials`]. "etc." is left out on purpose: it ends sentences as often as not, and
/// when a lower-case word follows it UAX #29 already keeps the sentence whole.
const ABBREVIATIONS: &[&str] = &[
    // Titles and ranks.
    "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Cmdr.", "Adm.",
    "Sgt.", "Sen.", "Rep.", "Gov.", "Pres.", "Amb.", "Rev.", "Hon.", "St.", "Jr.", "Sr.",
    // Months.
    "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
    // Latin, references and companies.
    "e.g.", "i.e.", "vs.", "cf.", "No.", "Nos.", "Art.", "Fig.", "approx.", "Inc.", "Ltd.", "Co.",
    "Corp.", "Plc.", "Bros.", "Mt.", "Ft.",
];

/// Whether `word` is dotted capital initials: "J.", "U.S.", "U.N.", "E.U.", "В.".
fn is_initials(word: &str) -> bool {
    let Some(body) = word.strip_suffix('.') else {
        return false;
    };
    body.split('.').all(|part| {
        let mut chars = part.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
    })
}

/// Whether `word` (with its full stop) is an abbreviation or initials, which keep their
/// full stop and end no sentence: "Mr.", "Corp.", "Jan.", "U.S.", "J.". The recogniser's
/// tokenizer asks this too.
pub fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(&word) || is_initials(word)
}

/// Whether the boundary UAX #29 puts after `segment` should be ignored: the segment ends
/// in an abbreviation and no line break follows it (a paragraph always ends a sentence).
fn runs_on(segment: &str) -> bool {
    let body = segment.trim_end();
    if segment[body.len()..].contains('\n') {
        return false;
    }
    let word = body
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or(body)
        // "(Gen." or "“Dr." still end in the abbreviation.
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    is_abbreviation(word)
}

/// Adds `range` of `text`, trimmed of white space, if it holds a letter (a lone "5." or
/// "…" is not a sentence).
fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    if start < end && text[start..end].chars().any(char::is_alphabetic) {
        out.push(start..end);
    }
}

/// The sentences of `text` as byte ranges into it, in order, each trimmed of white space.
pub fn sentence_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // Start of the sentence being built, while boundaries after abbreviations are skipped.
    let mut start: Option<usize> = None;
    for (i, segment) in text.split_sentence_bound_indices() {
        let begin = *start.get_or_insert(i);
        if runs_on(segment) {
            continue;
        }
        push_trimmed(text, begin..i + segment.len(), &mut out);
        start = None;
    }
    if let Some(begin) = start {
        push_trimmed(text, begin..text.len(), &mut out);
    }
    out
}

/// The sentences of `text`, trimmed.
pub fn sentences(text: &str) -> Vec<&str> {
    sentence_ranges(text)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

/// How many sentences `text` has.
pub fn count(text: &str) -> usize {
    sentence_ranges(text).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_titles_and_dates_do_not_end_sentences() {
        let text = "U.S. envoy Zalmay Khalilzad met Gen. Miller on Jan. 5. Talks stalled.";
        assert_eq!(
            sentences(text),
            vec![
                "U.S. envoy Zalmay Khalilzad met Gen. Miller on Jan. 5.",
                "Talks stalled."
            ]
        );
        assert_eq!(
            count("The U.K. Foreign Office and the U.N. Security Council met Mr. Smith."),
            1
        );
        assert_eq!(
            count("Dr. Ghani, i.e. the president, spoke. Sen. Reed replied."),
            2
        );
        assert_eq!(count("Acme Inc. Chairman Smith resigned."), 1);
    }

    #[test]
    fn initials_do_not_end_sentences() {
        assert_eq!(count("John F. Kennedy spoke. Then he left."), 2);
        assert_eq!(count("В. Путин приехал в Душанбе. Переговоры прошли."), 2);
    }

    #[test]
    fn the_worked_examples_bottom_line_is_two_sentences() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../saves/lavrov-central-asia-tour.ron"
        );
        let (nb, _) = crate::storage::load_notebook(std::path::Path::new(path)).unwrap();
        let found = sentences(&nb.brief.bottom_line);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found[0].ends_with("while the U.S. seeks an exit."));
    }

    #[test]
    fn cyrillic_questions_exclamations_and_decimals() {
        assert_eq!(
            sentences("Россия усиливает влияние. Кабул не участвует! Что дальше?"),
            vec![
                "Россия усиливает влияние.",
                "Кабул не участвует!",
                "Что дальше?"
            ]
        );
        assert_eq!(count("Will talks resume? Nobody knows! Stay tuned."), 3);
        assert_eq!(count("Growth slowed to 3.5 percent. Prices rose 2.1%."), 2);
    }

    #[test]
    fn ranges_point_into_the_text_and_paragraphs_end_sentences() {
        let text = "  First one.  Second one\nThird, after Gen.\nFourth.";
        let ranges = sentence_ranges(text);
        let got: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            got,
            vec!["First one.", "Second one", "Third, after Gen.", "Fourth."]
        );
    }

    #[test]
    fn etc_may_end_a_sentence_and_no_needs_its_capital() {
        assert_eq!(count("Oil, gas, etc. The deal covers both."), 2);
        assert_eq!(count("Oil, gas, etc. are covered."), 1);
        assert_eq!(count("They said no. Talks ended."), 2);
        assert_eq!(count("Resolution No. 2513 passed."), 1);
    }

    #[test]
    fn empty_and_letterless_text_has_no_sentences() {
        assert_eq!(count(""), 0);
        assert_eq!(count("   \n "), 0);
        assert_eq!(count("… 42."), 0);
    }
}
