//! Actor suggestions from the article alone, offline: the people, states, organisations
//! and armed groups it names, with their kind, mentions and aliases.
//!
//! Heuristics, in order: runs of capitalised words (with "of", "the"... inside names);
//! leading sentence words, months and days dropped; titles ("Foreign Minister") and
//! demonyms ("Russian") stripped from names and noted as role and country; acronyms in
//! brackets after a name become its aliases; country, demonym and capital lists map
//! "Russian", "Moscow" to Russia and "U.S." to the United States; organisation and
//! armed-group words decide kinds; one-word names merge into the full names they end
//! ("Lavrov" into "Sergei Lavrov").

mod lexicon;
mod merge;

pub use merge::{SourceMentions, Suggestion, suggest};

use crate::model::{ActorKind, Article, TextIndex};
use lexicon::*;
use std::collections::HashMap;

/// An actor one article seems to name (the sources' suggestions are merged from these).
#[derive(Clone, Debug, PartialEq)]
struct Found {
    /// The fullest name seen.
    name: String,
    /// Best guess of its kind.
    kind: ActorKind,
    /// Other names the article uses for it.
    aliases: Vec<String>,
    /// A title or office seen before the name ("Foreign Minister"), if any.
    role: String,
    /// Char ranges of its mentions, in text order.
    spans: Vec<(usize, usize)>,
}

#[derive(Clone, Debug)]
struct Token {
    text: String,
    start: usize,
    end: usize,
    /// Only spaces (no punctuation, no line break) since the previous token.
    joined: bool,
    /// First word of a sentence or line.
    sentence_start: bool,
    /// Ended in a possessive ’s (removed from `text`).
    possessive: bool,
}

fn is_cap(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| *c != '.').collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// Words with their char offsets. Dotted acronyms ("U.S.") are one word; a possessive
/// ’s is taken off.
fn tokenize(text: &str, from: usize) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<Token> = Vec::new();
    let mut i = from;
    let mut gap_ok = false;
    let mut sentence_start = true;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphanumeric()
                    || (matches!(chars[i], '-' | '\'' | '’') && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric()))
                    // "U.S." : a dot between single capitals belongs to the word.
                    || (chars[i] == '.' && i > start && chars[i - 1].is_uppercase() && (i - start == 1 || chars[i - 2] == '.')))
            {
                i += 1;
            }
            // A plural possessive inside a name: "Kurdistan Workers’ Party".
            if i + 2 < chars.len()
                && matches!(chars[i], '’' | '\'')
                && chars[i - 1] == 's'
                && chars[i + 1] == ' '
                && chars[i + 2].is_uppercase()
            {
                i += 1;
            }
            let mut word: String = chars[start..i].iter().collect();
            // A lone trailing dot after a one-letter word is punctuation ("a.").
            if word.ends_with('.') && !is_acronym(&word) {
                word.pop();
            }
            let mut possessive = false;
            for suffix in ["’s", "'s"] {
                if word.len() > suffix.len() + 1 && word.ends_with(suffix) {
                    word.truncate(word.len() - suffix.len());
                    possessive = true;
                }
            }
            let len = word.chars().count();
            out.push(Token {
                text: word,
                start,
                end: start + len,
                joined: gap_ok,
                sentence_start,
                possessive,
            });
            gap_ok = true;
            sentence_start = false;
            continue;
        }
        match c {
            ' ' | '\t' | '\u{a0}' => {}
            '.' | '!' | '?' | ':' | '\n' | '“' | '"' | '—' | '–' => {
                gap_ok = false;
                if matches!(c, '.' | '!' | '?' | ':' | '\n') {
                    sentence_start = true;
                }
            }
            _ => gap_ok = false,
        }
        i += 1;
    }
    out
}

#[derive(Default)]
struct Entity {
    name: String,
    kind: Option<ActorKind>,
    aliases: Vec<String>,
    role: String,
    spans: Vec<(usize, usize)>,
}

impl Entity {
    fn note(&mut self, alias: &str, span: (usize, usize)) {
        if alias != self.name && !self.aliases.iter().any(|a| a == alias) {
            self.aliases.push(alias.to_owned());
        }
        self.spans.push(span);
    }
}

/// The country a word or phrase names (by name, demonym or capital).
fn country_of(phrase: &str) -> Option<&'static str> {
    COUNTRIES.iter().find_map(|(name, others, capital)| {
        (phrase == *name || phrase == *capital || others.contains(&phrase)).then_some(*name)
    })
}

fn kind_by_words(words: &[&str]) -> Option<ActorKind> {
    let phrase = words.join(" ");
    if ARMED_GROUPS.contains(&phrase.as_str()) || words.iter().any(|w| ARMED_WORDS.contains(w)) {
        return Some(ActorKind::ArmedGroup);
    }
    if words.iter().any(|w| ORG_WORDS.contains(w)) {
        return Some(ActorKind::Organisation);
    }
    None
}

/// The actors one article names, most mentioned first.
fn find_in(article: &Article) -> Vec<Found> {
    let text = &article.text;
    // A headline is in title case: start after it.
    let first_line = text.lines().next().unwrap_or("");
    let from = if !article.title.is_empty() && first_line.trim() == article.title.trim() {
        first_line.chars().count()
    } else {
        0
    };
    let tokens = tokenize(text, from);
    // Char offsets to bytes without walking the text from its start each time.
    let index = TextIndex::new(text);
    // Words seen capitalised in mid-sentence: a capitalised sentence opener is a name only
    // if it also appears like that.
    let mid_caps: std::collections::HashSet<&str> = tokens
        .iter()
        .filter(|t| !t.sentence_start && is_cap(&t.text))
        .map(|t| t.text.as_str())
        .collect();

    let mut entities: Vec<Entity> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut singles: Vec<(String, (usize, usize), bool)> = Vec::new(); // (word, span, had title)
    let entity = |entities: &mut Vec<Entity>,
                  by_name: &mut HashMap<String, usize>,
                  name: &str,
                  kind: Option<ActorKind>|
     -> usize {
        *by_name.entry(name.to_owned()).or_insert_with(|| {
            entities.push(Entity {
                name: name.to_owned(),
                kind,
                ..Entity::default()
            });
            entities.len() - 1
        })
    };

    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if !(is_cap(&t.text) || is_acronym(&t.text)) {
            i += 1;
            continue;
        }
        // The run: capitalised words joined by spaces, "of"/"the" inside a name.
        let mut j = i + 1;
        if !t.possessive {
            while j < tokens.len() && tokens[j].joined {
                let w = &tokens[j].text;
                if is_cap(w) || is_acronym(w) {
                    j += 1;
                    if tokens[j - 1].possessive {
                        break;
                    }
                } else if CONNECTORS.contains(&w.as_str())
                    && tokens
                        .get(j + 1)
                        .is_some_and(|n| n.joined && is_cap(&n.text))
                {
                    j += 1;
                } else {
                    break;
                }
            }
        }
        let mut run: Vec<&Token> = tokens[i..j].iter().collect();
        i = j;
        // Leading sentence words ("In", "The"), months and days.
        while run.first().is_some_and(|t| {
            STOPWORDS.contains(&t.text.as_str())
                || is_calendar(&t.text)
                || CONNECTORS.contains(&t.text.as_str())
        }) {
            run.remove(0);
        }
        while run
            .last()
            .is_some_and(|t| is_calendar(&t.text) || CONNECTORS.contains(&t.text.as_str()))
        {
            run.pop();
        }
        if run.is_empty() {
            continue;
        }
        let span = (run[0].start, run[run.len() - 1].end);
        let words: Vec<&str> = run.iter().map(|t| t.text.as_str()).collect();
        let phrase = words.join(" ");
        // An acronym in brackets right after: "Collective Security Treaty Organization (CSTO)".
        let after: String = text[index.byte_of(text, span.1)..]
            .chars()
            .take(16)
            .collect();
        let acronym = after
            .trim_start()
            .strip_prefix('(')
            .and_then(|r| r.split_once(')'))
            .map(|(a, _)| a.trim().to_owned())
            .filter(|a| is_acronym(a));

        if REGIONS.contains(&phrase.as_str()) {
            continue;
        }
        // Hyphenated words: "Russia-led", "Russian-language" name a country; others are not names.
        if words.len() == 1 && phrase.contains('-') && !ARMED_GROUPS.contains(&phrase.as_str()) {
            if let Some(country) = phrase.split('-').next().and_then(country_of) {
                let e = entity(&mut entities, &mut by_name, country, Some(ActorKind::State));
                let head = phrase.split('-').next().unwrap_or_default().to_owned();
                entities[e].note(&head, (span.0, span.0 + head.chars().count()));
            }
            continue;
        }
        if let Some(country) = country_of(&phrase) {
            let e = entity(&mut entities, &mut by_name, country, Some(ActorKind::State));
            entities[e].note(&phrase, span);
            if let Some(a) = acronym {
                entities[e].note(&a, span);
            }
            continue;
        }
        if let Some(kind) = kind_by_words(&words) {
            let name = phrase.clone();
            let e = entity(&mut entities, &mut by_name, &name, Some(kind));
            entities[e].note(&name, span);
            if let Some(a) = acronym {
                entities[e].note(&a, span);
                by_name.insert(a, e);
            }
            continue;
        }
        // Demonyms and titles before a name: "Russian Foreign Minister Sergei Lavrov".
        let mut k = 0;
        while k < run.len() && country_of(&run[k].text).is_some() {
            let country = country_of(&run[k].text).unwrap_or_default();
            let e = entity(&mut entities, &mut by_name, country, Some(ActorKind::State));
            entities[e].note(&run[k].text, (run[k].start, run[k].end));
            k += 1;
        }
        // An organisation's acronym before a title: "NATO Secretary General ...".
        if k + 1 < run.len()
            && is_acronym(&run[k].text)
            && TITLE_WORDS.contains(&run[k + 1].text.as_str())
        {
            singles.push((run[k].text.clone(), (run[k].start, run[k].end), false));
            k += 1;
        }
        let title_start = k;
        while k < run.len() && TITLE_WORDS.contains(&run[k].text.as_str()) {
            k += 1;
        }
        let role = words[title_start..k].join(" ");
        let name_words = &words[k..];
        if name_words.is_empty() {
            continue;
        }
        let name = name_words.join(" ");
        let name_span = (run[k].start, span.1);
        if let Some(country) = country_of(&name) {
            let e = entity(&mut entities, &mut by_name, country, Some(ActorKind::State));
            entities[e].note(&name, name_span);
            continue;
        }
        if name_words.len() == 1 {
            // One word: merged later into the full name it ends, if any.
            let opener = run[k].sentence_start && !mid_caps.contains(name.as_str());
            if !opener {
                singles.push((name, name_span, !role.is_empty()));
            }
            continue;
        }
        let e = entity(&mut entities, &mut by_name, &name, Some(ActorKind::Person));
        if entities[e].role.is_empty() {
            entities[e].role = role;
        }
        entities[e].note(&name, name_span);
    }

    // One-word names: an acronym or alias already known, the last name of a person, or
    // a name in its own right if seen more than once (or with a title).
    let mut leftover: HashMap<String, (Vec<(usize, usize)>, bool)> = HashMap::new();
    // The people each last name could be (this loop adds no people, so it is built once).
    let mut people_by_last_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        if e.kind == Some(ActorKind::Person)
            && let Some(last) = e.name.split(' ').next_back()
        {
            people_by_last_name
                .entry(last.to_owned())
                .or_default()
                .push(i);
        }
    }
    for (word, span, titled) in singles {
        if ARMED_GROUPS.contains(&word.as_str()) {
            let e = entity(
                &mut entities,
                &mut by_name,
                &word,
                Some(ActorKind::ArmedGroup),
            );
            entities[e].note(&word, span);
            continue;
        }
        if let Some(&e) = by_name.get(&word) {
            entities[e].note(&word, span);
            continue;
        }
        let owners = people_by_last_name
            .get(&word)
            .map_or(&[][..], Vec::as_slice);
        if let [e] = *owners {
            entities[e].note(&word, span);
            continue;
        }
        let entry = leftover.entry(word).or_default();
        entry.0.push(span);
        entry.1 |= titled;
    }
    for (word, (spans, titled)) in leftover {
        if spans.len() >= 2 || titled {
            let kind = if titled {
                ActorKind::Person
            } else {
                ActorKind::Other
            };
            let e = entity(&mut entities, &mut by_name, &word, Some(kind));
            for s in spans {
                entities[e].note(&word, s);
            }
        }
    }

    let mut out: Vec<Found> = entities
        .into_iter()
        .filter(|e| !e.spans.is_empty())
        .map(|mut e| {
            e.spans.sort_unstable();
            e.spans.dedup();
            Found {
                name: e.name,
                kind: e.kind.unwrap_or(ActorKind::Other),
                aliases: e.aliases,
                role: e.role,
                spans: e.spans,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.spans
            .len()
            .cmp(&a.spans.len())
            .then(a.spans[0].cmp(&b.spans[0]))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{ArticleFormat, import_bytes};
    use crate::model::Source;

    fn sample() -> [Source; 1] {
        let article = import_bytes(crate::assets::SAMPLE_ARTICLE, ArticleFormat::Text).unwrap();
        [Source::new(1, article)]
    }

    /// Everyone the sample article names, by kind, as a careful reader would list them.
    const EXPECTED: &[(&str, ActorKind)] = &[
        ("Sergei Lavrov", ActorKind::Person),
        ("Sooronbay Jeenbekov", ActorKind::Person),
        ("Chingiz Aidarbekov", ActorKind::Person),
        ("Emomali Rahmon", ActorKind::Person),
        ("Sirojiddin Muhriddin", ActorKind::Person),
        ("Gurbanguly Berdimuhamedov", ActorKind::Person),
        ("Rashid Meredov", ActorKind::Person),
        ("Hamid Karzai", ActorKind::Person),
        ("Ashraf Ghani", ActorKind::Person),
        ("Ismail Khan", ActorKind::Person),
        ("Mohammed Mohaqeq", ActorKind::Person),
        ("Atta Mohammad Noor", ActorKind::Person),
        ("Zamir Kabolov", ActorKind::Person),
        ("Sergey Kuznecov", ActorKind::Person),
        ("Russia", ActorKind::State),
        ("Kyrgyzstan", ActorKind::State),
        ("Tajikistan", ActorKind::State),
        ("Turkmenistan", ActorKind::State),
        ("United States", ActorKind::State),
        ("Afghanistan", ActorKind::State),
        ("Pakistan", ActorKind::State),
        (
            "Collective Security Treaty Organization",
            ActorKind::Organisation,
        ),
        (
            "Commonwealth of Independent States",
            ActorKind::Organisation,
        ),
        (
            "Russian Ministry of Foreign Affairs",
            ActorKind::Organisation,
        ),
        ("Taliban", ActorKind::ArmedGroup),
    ];

    #[test]
    fn the_sample_article_gives_everyone_it_names_with_little_noise() {
        let found = suggest(&sample(), &[]);
        let names: Vec<(&str, ActorKind)> =
            found.iter().map(|s| (s.name.as_str(), s.kind)).collect();
        let missing: Vec<_> = EXPECTED.iter().filter(|e| !names.contains(e)).collect();
        let noise: Vec<_> = names.iter().filter(|n| !EXPECTED.contains(n)).collect();
        let recall = 1.0 - missing.len() as f32 / EXPECTED.len() as f32;
        let precision = 1.0 - noise.len() as f32 / names.len() as f32;
        eprintln!(
            "recall {recall:.2}, precision {precision:.2}, missing {missing:?}, noise {noise:?}"
        );
        assert!(missing.is_empty(), "missing {missing:?}");
        assert!(noise.len() <= 3, "noise {noise:?}");
    }

    #[test]
    fn variants_merge_into_one_actor() {
        let found = suggest(&sample(), &[]);
        let get = |n: &str| {
            found
                .iter()
                .find(|s| s.name == n)
                .unwrap_or_else(|| panic!("{n} in {found:#?}"))
        };
        let lavrov = get("Sergei Lavrov");
        assert!(
            lavrov.aliases.contains(&"Lavrov".to_owned()),
            "{:?}",
            lavrov.aliases
        );
        assert!(lavrov.role.contains("Foreign Minister"), "{}", lavrov.role);
        assert!(lavrov.mentions >= 4, "{}", lavrov.mentions);
        let us = get("United States");
        assert!(
            us.aliases.contains(&"U.S.".to_owned()) && us.aliases.contains(&"American".to_owned()),
            "{:?}",
            us.aliases
        );
        let russia = get("Russia");
        assert!(
            russia.aliases.contains(&"Russian".to_owned())
                && russia.aliases.contains(&"Moscow".to_owned()),
            "{:?}",
            russia.aliases
        );
        assert!(
            get("Collective Security Treaty Organization")
                .aliases
                .contains(&"CSTO".to_owned())
        );
        assert!(get("Zamir Kabolov").aliases.contains(&"Kabolov".to_owned()));
        for single in [
            "Lavrov",
            "U.S.",
            "Kabolov",
            "Ghani",
            "Moscow",
            "February",
            "In",
            "Tellingly",
            "Central Asia",
        ] {
            assert!(
                found.iter().all(|s| s.name != single),
                "{single} should not be its own suggestion"
            );
        }
    }

    #[test]
    fn dismissed_names_are_not_suggested_again() {
        let found = suggest(&sample(), &["Sergey Kuznecov".to_owned()]);
        assert!(found.iter().all(|s| s.name != "Sergey Kuznecov"));
    }
}

#[cfg(test)]
mod other_text {
    use super::*;

    /// A hand-written news paragraph on another subject (no other real article ships with
    /// the app), to keep the rules from fitting only the sample.
    const TEXT: &str = "NATO talks stall\n\nTurkish President Recep Tayyip Erdogan met NATO Secretary General Jens Stoltenberg in Ankara on Monday. The North Atlantic Treaty Organization (NATO) has pressed Turkey to approve Sweden’s membership. Erdogan said Stockholm must act against the Kurdistan Workers’ Party (PKK). Swedish Prime Minister Ulf Kristersson welcomed the talks. Washington and the European Union backed the accession, while Hungary stayed silent.";

    #[test]
    fn another_article_gives_its_people_states_and_organisations() {
        let article = Article::new("NATO talks stall", TEXT);
        let found = suggest(&[crate::model::Source::new(1, article)], &[]);
        let names: Vec<(&str, ActorKind)> =
            found.iter().map(|s| (s.name.as_str(), s.kind)).collect();
        eprintln!("{names:?}");
        for expected in [
            ("Recep Tayyip Erdogan", ActorKind::Person),
            ("Jens Stoltenberg", ActorKind::Person),
            ("Ulf Kristersson", ActorKind::Person),
            (
                "North Atlantic Treaty Organization",
                ActorKind::Organisation,
            ),
            ("European Union", ActorKind::Organisation),
            ("Turkey", ActorKind::State),
            ("Sweden", ActorKind::State),
            ("United States", ActorKind::State),
            ("Hungary", ActorKind::State),
        ] {
            assert!(
                names.contains(&expected),
                "{expected:?} missing from {names:?}"
            );
        }
        let erdogan = found
            .iter()
            .find(|s| s.name == "Recep Tayyip Erdogan")
            .unwrap();
        assert!(erdogan.aliases.contains(&"Erdogan".to_owned()));
        let nato = found
            .iter()
            .find(|s| s.name == "North Atlantic Treaty Organization")
            .unwrap();
        assert!(nato.mentions >= 2, "NATO named twice: {nato:?}");
        assert!(names.len() <= 12, "little noise: {names:?}");
    }
}
