//! Words around a one-word name that say it names an organisation, read over every
//! mention in the article: "oil firm Rosneft", "state-owned Rosneft", "Yugansk, which",
//! "Yukos chief executive Steven Theede". The recogniser sees two words either side of
//! one mention and reads a company's name as a surname ("Yukos") or a town ("Blackburn")
//! surprisingly often; a reader settles it from such phrases anywhere in the article.

use super::lexicon::{HONORIFICS, TITLE_WORDS, country_of};
use crate::recognise::tokens::Token;
use crate::recognise::{Kind, TokenName};
use std::collections::{HashMap, HashSet};

/// Common nouns that, right before a name, make it an organisation ("oil firm Rosneft").
const NOUNS_BEFORE: &[&str] = &[
    "firm",
    "company",
    "giant",
    "bank",
    "producer",
    "operator",
    "subsidiary",
    "carrier",
    "maker",
    "newspaper",
    "daily",
    "broadcaster",
    "monopoly",
    "insurer",
    "retailer",
    "lender",
    "airline",
    "conglomerate",
    "state-owned",
    "state-controlled",
    "state-run",
    "club",
    "side",
];

/// Words that, right after a name (or after its "'s"), make it an organisation ("Yukos
/// chief executive", "Gazprom's shareholders").
const WORDS_AFTER: &[&str] = &[
    "chief",
    "founder",
    "shareholders",
    "shareholder",
    "boss",
    "bosses",
    "chairman",
    "executives",
    "employees",
    "staff",
    "subsidiary",
    "headquarters",
    "shares",
];

/// What the words around one mention say: +1 an organisation, -1 a person, 0 nothing.
fn cue(tokens: &[Token], n: &TokenName) -> i32 {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text.as_str());
    let before = n.first.checked_sub(1).map_or("", word);
    let (after, next) = (word(n.end), word(n.end + 1));
    if HONORIFICS.contains(&before) || TITLE_WORDS.contains(&before) || next == "who" {
        return -1;
    }
    let after_possessive = if after == "'s" { next } else { after };
    let org = NOUNS_BEFORE.contains(&before.to_lowercase().as_str())
        || WORDS_AFTER.contains(&after_possessive)
        || (after == "," && next == "which");
    i32::from(org)
}

/// The one-word names the recogniser called people or places that the article's wording
/// says are organisations: more mentions cue an organisation than a person, and the word
/// is never the surname in a person's full name ("Mikhail Khodorkovsky").
pub(super) fn organisations(tokens: &[Token], names: &[TokenName]) -> HashSet<String> {
    let surnames: HashSet<&str> = names
        .iter()
        .filter(|n| n.kind == Kind::Person && n.end > n.first + 1)
        .map(|n| tokens[n.end - 1].text.as_str())
        .collect();
    let mut score: HashMap<&str, i32> = HashMap::new();
    for n in names {
        let word = tokens[n.first].text.as_str();
        let candidate = n.end == n.first + 1
            && matches!(n.kind, Kind::Person | Kind::Location)
            && country_of(word).is_none()
            && !surnames.contains(word);
        if candidate {
            *score.entry(word).or_default() += cue(tokens, n);
        }
    }
    score
        .into_iter()
        .filter(|(_, s)| *s > 0)
        .map(|(w, _)| w.to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognise::tokens::tokenize;

    fn name(tokens: &[Token], word: &str, kind: Kind) -> Vec<TokenName> {
        tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.text == word)
            .map(|(i, _)| TokenName {
                first: i,
                end: i + 1,
                kind,
                confidence: 1.0,
            })
            .collect()
    }

    #[test]
    fn a_firm_is_told_from_a_person_by_the_words_around_it() {
        let t = tokenize(
            "Yukos said it would appeal. Yukos chief executive Steven Theede spoke. Yukos lost.",
        );
        let names = name(&t, "Yukos", Kind::Person);
        assert!(organisations(&t, &names).contains("Yukos"));

        let t = tokenize("The oil firm Rosneft bought it. Rosneft paid.");
        assert!(organisations(&t, &name(&t, "Rosneft", Kind::Person)).contains("Rosneft"));

        let t = tokenize("Yugansk, which was sold, is gone.");
        assert!(organisations(&t, &name(&t, "Yugansk", Kind::Location)).contains("Yugansk"));
    }

    #[test]
    fn people_stay_people() {
        // "Clement, who" and "Mr Clement" say a person; a full name's surname is one.
        let t = tokenize("Clement, who spoke, said Mr Clement's shares were sold.");
        assert!(organisations(&t, &name(&t, "Clement", Kind::Person)).is_empty());
        let t = tokenize("Mikhail Khodorkovsky spoke. Khodorkovsky's shares were sold.");
        let mut names = vec![TokenName {
            first: 0,
            end: 2,
            kind: Kind::Person,
            confidence: 1.0,
        }];
        names.extend(name(&t, "Khodorkovsky", Kind::Person).into_iter().skip(1));
        assert!(organisations(&t, &names).is_empty());
    }
}
