//! The recogniser's names made into the names an analyst would list: split at stray
//! punctuation, halves of one name joined, a trailing lower-case word or a lone title
//! taken off, headline capitals left out.

use super::lexicon::{HONORIFICS, ORG_WORDS, TITLE_WORDS, country_of, is_calendar};
use super::roles::office;
use crate::model::Article;
use crate::recognise::tokens::Token;
use crate::recognise::{Kind, TokenName};

/// True for a token that never sits inside a name: punctuation ("/", "|", "©") or a
/// preposition that joins two names ("Espanyol of Barcelona from Nantes").
fn breaks_names(token: &str) -> bool {
    let punctuation = !token
        .chars()
        .any(|c| c.is_alphanumeric() || matches!(c, '\'' | '&' | '.' | '-'));
    punctuation
        || matches!(
            token,
            "from" | "to" | "at" | "by" | "with" | "against" | "beat"
        )
}

/// The recogniser's names, tidied where its CoNLL training differs from how an analyst
/// names actors: names split at stray punctuation ("Sputnik / Sergey Kuznecov"); a
/// person's name split in two joined ("Recep" "Tayyip Erdogan"); "the Commonwealth" "of"
/// "Independent States" joined when the first part ends in an organisation word; and a
/// demonym before a ministry or embassy kept in its name ("Russian Ministry of Foreign
/// Affairs"). Names in a title-case headline are left out (capitals there say nothing).
pub(super) fn tidy(
    tokens: &[Token],
    names: Vec<TokenName>,
    skip_first_line: bool,
) -> Vec<TokenName> {
    let mut split: Vec<TokenName> = Vec::with_capacity(names.len());
    for n in names {
        let mut start = n.first;
        let breaks = (n.first..n.end).filter(|&i| breaks_names(&tokens[i].text));
        for cut in breaks.chain([n.end]) {
            let (first, mut end) = trim(tokens, start, cut);
            // A person's name has no plain lower-case word inside ("Tyson in Las Vegas").
            if n.kind == Kind::Person
                && let Some(i) = (first..end).find(|&i| plain_lower_case(&tokens[i].text))
            {
                end = i;
            }
            if end > first {
                split.push(TokenName {
                    first,
                    end,
                    ..n.clone()
                });
            }
            start = cut + 1;
        }
    }
    // "Rosneft and Gazprom" as one name: split when each side is a name elsewhere.
    let text = |a: usize, b: usize| {
        tokens[a..b]
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let known: std::collections::HashSet<String> =
        split.iter().map(|n| text(n.first, n.end)).collect();
    let mut parts: Vec<TokenName> = Vec::with_capacity(split.len());
    for n in split {
        // Or an organisation whose name ends in no word that says it is one name
        // ("Johnson Controls and Lear", "Blackburn and Southampton"; not "Test and County
        // Cricket Board" or "Marks and Spencer plc").
        let one_body = |end: usize| {
            let last = tokens[end - 1].text.as_str();
            ORG_WORDS.contains(&last) || COMPANY_ENDINGS.contains(&last)
        };
        let cut = (n.first + 1..n.end.saturating_sub(1)).find(|&i| {
            let word = tokens[i].text.as_str();
            // Lazily: the two texts are built only at an "and" or a comma.
            let both_known =
                || known.contains(&text(n.first, i)) && known.contains(&text(i + 1, n.end));
            let a_list = word == "and" && n.kind == Kind::Organisation && !one_body(n.end);
            a_list || matches!(word, "and" | ",") && both_known()
        });
        match cut {
            Some(i) => {
                parts.push(TokenName {
                    end: i,
                    ..n.clone()
                });
                parts.push(TokenName { first: i + 1, ..n });
            }
            None => parts.push(n),
        }
    }
    let mut out: Vec<TokenName> = Vec::with_capacity(parts.len());
    for n in parts {
        if let Some(last) = out.last_mut() {
            let adjacent_people =
                last.kind == Kind::Person && n.kind == Kind::Person && last.end == n.first;
            let of_joined = last.kind == Kind::Organisation
                && matches!(n.kind, Kind::Organisation | Kind::Location)
                && n.first == last.end + 1
                && matches!(tokens[last.end].text.as_str(), "of" | "for")
                && ORG_WORDS.contains(&tokens[last.end - 1].text.as_str());
            // A title read as a name of its own, right before a person's name, is that
            // person's title ("Judge" "Clark"): roles::clean takes it off as the role.
            let title_then_person =
                titles_only(tokens, last) && n.kind == Kind::Person && last.end == n.first;
            if title_then_person {
                last.kind = Kind::Person;
            }
            if adjacent_people || of_joined || title_then_person {
                last.end = n.end;
                last.confidence = last.confidence.min(n.confidence);
                continue;
            }
        }
        out.push(n);
    }
    for n in &mut out {
        if n.kind == Kind::Organisation
            && n.first > 0
            && ORG_WORDS.contains(&tokens[n.first].text.as_str())
            && country_of(&tokens[n.first - 1].text).is_some()
            && !tokens[n.first].sentence_start
        {
            n.first -= 1;
        }
    }
    out.retain(|n| !titles_only(tokens, n) && !generic(tokens, n));
    for n in &mut out {
        if n.kind != Kind::Person && titled_person(tokens, n) {
            n.kind = Kind::Person;
        }
    }
    if skip_first_line {
        let line_end = tokens
            .iter()
            .skip(1)
            .position(|t| t.sentence_start)
            .map_or(tokens.len(), |p| p + 1);
        out.retain(|n| n.first >= line_end);
    }
    out
}

/// Tokens `first..end` without the words a name never starts or ends with, which greedy
/// labelling sometimes runs on to: plain lower-case words ("Judge Clark in an emergency
/// hearing", "coach Berti Vogts"), a possessive, or a day or month after it ("Statistics
/// Canada on Friday"). At least one token is kept.
fn trim(tokens: &[Token], mut first: usize, mut end: usize) -> (usize, usize) {
    let word = |i: usize| tokens[i].text.as_str();
    while end > first + 1 && (plain_lower_case(word(end - 1)) || trailing_date(word(end - 1))) {
        end -= 1;
    }
    while end > first + 1 && plain_lower_case(word(first)) {
        first += 1;
    }
    (first, end)
}

/// Last words of a company's name besides the organisation words ("Lear Corp", "Edwards &
/// Sons").
pub(super) const COMPANY_ENDINGS: &[&str] = &[
    "Board", "Co", "Co.", "Inc", "Inc.", "Corp", "Corp.", "Ltd", "Ltd.", "plc", "Plc", "PLC",
    "Sons", "Bros", "Bros.", "Brothers", "Partners", "AG", "SA", "S.A.", "NV", "N.V.",
];

/// True for a word of lower-case letters only ("in", "an", "'s"), but not a particle
/// names carry ("Charles de Gaulle", "Osama bin Laden").
fn plain_lower_case(word: &str) -> bool {
    word.chars().all(|c| c.is_lowercase() || c == '\'')
        && !matches!(
            word,
            "plc" | "bin" | "de" | "da" | "van" | "von" | "der" | "del" | "la" | "le" | "al"
        )
}

/// True for a day or a month that cannot end a name ("May" can: Theresa May).
fn trailing_date(word: &str) -> bool {
    is_calendar(word) && word.len() > 3 && word != "May"
}

/// True for a name made only of titles and honorifics ("Judge", "Mr", "President").
fn titles_only(tokens: &[Token], n: &TokenName) -> bool {
    tokens[n.first..n.end].iter().all(|t| office(&t.text))
}

/// True for a name that is a person's title and then their name, whatever kind the
/// recogniser gave it ("Coach Berti Vogts", "President Clinton"): the words after the
/// titles are all capitalised, and none names a body or a country.
fn titled_person(tokens: &[Token], n: &TokenName) -> bool {
    // Title words that also begin the names of bodies ("State Department", "Supreme
    // Court", "General Motors", "Foreign Office") say nothing here.
    const BODY_STARTS: &[&str] = &[
        "Vice",
        "Foreign",
        "Defence",
        "Defense",
        "Interior",
        "Finance",
        "Secretary",
        "General",
        "State",
        "Supreme",
        "Special",
        "Representative",
        "Deputy",
        "Leader",
        "Director",
    ];
    let is_title = |t: &Token| {
        let w = t.text.as_str();
        (TITLE_WORDS.contains(&w) && !BODY_STARTS.contains(&w))
            || HONORIFICS.contains(&w)
            || w == "Coach"
    };
    let words = &tokens[n.first..n.end];
    let titles = words.iter().take_while(|t| is_title(t)).count();
    let rest = &words[titles..];
    titles > 0
        && !rest.is_empty()
        && rest.iter().all(|t| {
            t.text.chars().next().is_some_and(char::is_uppercase)
                && !ORG_WORDS.contains(&t.text.as_str())
                && country_of(&t.text).is_none()
        })
}

/// True for one word that says what sort of body something is but not which one
/// ("Commission", "Department"), left over when the rest of a name was missed.
/// Legislatures named alone ("Congress", "Parliament") are actors and stay.
fn generic(tokens: &[Token], n: &TokenName) -> bool {
    const GENERIC: &[&str] = &[
        "Commission",
        "Department",
        "Ministry",
        "Office",
        "Bureau",
        "Committee",
        "Agency",
        "Group",
        "Company",
        "Corporation",
        "Authority",
        "Service",
        "Association",
        "Institute",
    ];
    n.end == n.first + 1 && GENERIC.contains(&tokens[n.first].text.as_str())
}

/// True for an organisation named with its country in front: "Russian Ministry of Foreign
/// Affairs" (`tidy` keeps the demonym there; the country is an actor of its own too).
pub(super) fn country_led_organisation(tokens: &[Token], n: &TokenName) -> bool {
    n.kind == Kind::Organisation
        && n.end > n.first + 1
        && country_of(&tokens[n.first].text).is_some()
        && ORG_WORDS.contains(&tokens[n.first + 1].text.as_str())
}

/// True when the article's first line is its title written in title case.
pub(super) fn title_case_headline(article: &Article) -> bool {
    let first_line = article.text.lines().next().unwrap_or("");
    let words: Vec<&str> = first_line
        .split_whitespace()
        .filter(|w| w.chars().count() > 3)
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    !article.title.is_empty()
        && first_line.trim() == article.title.trim()
        && words.len() >= 2
        && capitalised * 10 >= words.len() * 8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognise::tokens::tokenize;

    fn name(first: usize, end: usize, kind: Kind) -> TokenName {
        TokenName {
            first,
            end,
            kind,
            confidence: 1.0,
        }
    }

    fn texts(tokens: &[Token], names: &[TokenName]) -> Vec<String> {
        names
            .iter()
            .map(|n| {
                let words: Vec<&str> = tokens[n.first..n.end]
                    .iter()
                    .map(|t| t.text.as_str())
                    .collect();
                format!("{:?} {}", n.kind, words.join(" "))
            })
            .collect()
    }

    #[test]
    fn names_lose_the_words_labelling_ran_on_to() {
        // 0 told 1 Judge 2 Clark 3 in 4 an 5 emergency 6 hearing 7 , 8 coach 9 Berti
        // 10 Vogts 11 said 12 Statistics 13 Canada 14 on 15 Friday 16 and 17 Tyson 18 in
        // 19 Las 20 Vegas
        let t = tokenize(
            "told Judge Clark in an emergency hearing, coach Berti Vogts said Statistics Canada on Friday and Tyson in Las Vegas",
        );
        let names = vec![
            name(1, 2, Kind::Organisation),
            name(2, 5, Kind::Person),
            name(8, 11, Kind::Person),
            name(12, 16, Kind::Organisation),
            name(17, 21, Kind::Person),
        ];
        assert_eq!(
            texts(&t, &tidy(&t, names, false)),
            [
                "Person Judge Clark",
                "Person Berti Vogts",
                "Organisation Statistics Canada",
                "Person Tyson"
            ]
        );
    }

    #[test]
    fn particles_and_may_stay_and_lone_titles_and_generic_words_go() {
        let t = tokenize("Charles de Gaulle met Theresa May. The Commission and President agreed.");
        let names = vec![
            name(0, 3, Kind::Person),
            name(4, 6, Kind::Person),
            name(8, 9, Kind::Organisation),
            name(10, 11, Kind::Organisation),
        ];
        assert_eq!(
            texts(&t, &tidy(&t, names, false)),
            ["Person Charles de Gaulle", "Person Theresa May"]
        );
    }

    #[test]
    fn lists_and_prepositions_split_names_and_titles_make_people() {
        // 0 Johnson 1 Controls 2 and 3 Lear 4 , 5 Marks 6 and 7 Spencer 8 plc 9 ,
        // 10 Espanyol 11 from 12 Nantes 13 and 14 Coach 15 Berti 16 Vogts
        let t = tokenize(
            "Johnson Controls and Lear, Marks and Spencer plc, Espanyol from Nantes and Coach Berti Vogts",
        );
        let names = vec![
            name(0, 4, Kind::Organisation),
            name(5, 9, Kind::Organisation),
            name(10, 13, Kind::Organisation),
            name(14, 17, Kind::Organisation),
        ];
        assert_eq!(
            texts(&t, &tidy(&t, names, false)),
            [
                "Organisation Johnson Controls",
                "Organisation Lear",
                "Organisation Marks and Spencer plc",
                "Organisation Espanyol",
                "Organisation Nantes",
                "Person Coach Berti Vogts"
            ]
        );
    }
}
