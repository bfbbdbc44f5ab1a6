//! Titles, honorifics, party and office labels around a person's name: taken off the name
//! and kept as the role ("Conservative MP Michael Mates" is Michael Mates, role
//! "Conservative MP"; "Philippe Sands QC" is Philippe Sands, role "QC").

use super::lexicon::{HONORIFICS, PARTY_WORDS, POST_NOMINALS, ROLE_WORDS, TITLE_WORDS, country_of};
use crate::recognise::tokens::Token;

/// A person's name with its titles taken off, as token ranges.
pub struct Cleaned {
    /// The first token of the bare name.
    pub first: usize,
    /// The token after its last.
    pub end: usize,
    /// Title words taken off its front ("President", "Lord").
    pub before: Vec<String>,
    /// Post-nominals taken off its end ("QC").
    pub after: Vec<String>,
}

fn titled(word: &str) -> bool {
    HONORIFICS.contains(&word) || TITLE_WORDS.contains(&word)
}

/// True for a title, honorific or post-nominal: a word that makes the capitalised word
/// before it a label ("Conservative MP") rather than a name.
pub fn office(word: &str) -> bool {
    titled(word) || POST_NOMINALS.contains(&word)
}

/// Takes titles and honorifics off the front of the name at tokens `first..end`, and
/// post-nominals off its end.
pub fn clean(tokens: &[Token], mut first: usize, mut end: usize) -> Cleaned {
    let mut before = Vec::new();
    let mut after = Vec::new();
    while first < end && titled(&tokens[first].text) {
        before.push(tokens[first].text.clone());
        first += 1;
    }
    while end > first && POST_NOMINALS.contains(&tokens[end - 1].text.as_str()) {
        after.insert(0, tokens[end - 1].text.clone());
        end -= 1;
    }
    Cleaned {
        first,
        end,
        before,
        after,
    }
}

/// True for a title, office or party word.
fn title_word(word: &str) -> bool {
    titled(word)
        || PARTY_WORDS.contains(&word)
        || POST_NOMINALS.contains(&word)
        || ROLE_WORDS.contains(&word)
}

/// The role written just before the name starting at token `first` ("Foreign Minister",
/// "Yukos founder", "Conservative MP"), within its sentence; empty if none. A role needs a
/// title, office or party word; a country or its demonym at the front is left out (that
/// names the country, which is its own actor).
pub fn before(tokens: &[Token], first: usize) -> String {
    let mut start = first;
    while start > 0 && !tokens[start].sentence_start && first - start < 5 {
        let w = &tokens[start - 1];
        let capitalised = w.text.chars().next().is_some_and(char::is_uppercase);
        // Any capitalised word may be part of a role ("Yukos founder"), but not a
        // sentence's first word unless it is a title ("Later Conservative MP ...").
        if !(title_word(&w.text) || capitalised && !w.sentence_start) {
            break;
        }
        start -= 1;
    }
    // Leading demonyms and countries ("Russian Foreign Minister").
    while start < first && country_of(&tokens[start].text).is_some() {
        start += 1;
    }
    let words: Vec<&str> = tokens[start..first]
        .iter()
        .map(|t| t.text.as_str())
        .collect();
    let has_title = words.iter().any(|w| title_word(w));
    if has_title {
        words.join(" ")
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognise::tokens::tokenize;

    fn at(tokens: &[Token], word: &str) -> usize {
        tokens.iter().position(|t| t.text == word).unwrap()
    }

    #[test]
    fn titles_come_off_names_and_become_roles() {
        let t = tokenize(
            "Later Conservative MP Michael Mates and Philippe Sands QC met Lord Goldsmith.",
        );
        let mates = at(&t, "Michael");
        assert_eq!(before(&t, mates), "Conservative MP");
        let sands = clean(&t, at(&t, "Philippe"), at(&t, "QC") + 1);
        assert_eq!(
            (sands.end, sands.after.clone()),
            (at(&t, "QC"), vec!["QC".to_owned()])
        );
        let lord = clean(&t, at(&t, "Lord"), at(&t, "Goldsmith") + 1);
        assert_eq!(
            (lord.first, lord.before.clone()),
            (at(&t, "Goldsmith"), vec!["Lord".to_owned()])
        );
        let t = tokenize(
            "Russian Foreign Minister Sergei Lavrov spoke, said Yukos founder Mikhail Khodorkovsky.",
        );
        assert_eq!(before(&t, at(&t, "Sergei")), "Foreign Minister");
        assert_eq!(before(&t, at(&t, "Mikhail")), "Yukos founder");
        let t = tokenize("The talks, Sergei Lavrov said.");
        assert_eq!(before(&t, at(&t, "Sergei")), "");
    }
}
