//! Actor suggestions from the article alone, offline: the people, states, organisations
//! and armed groups it names, with their kind, role, mentions and aliases.
//!
//! The trained recogniser (`crate::recognise`) finds the names and their kinds; this
//! module makes actors of them:
//! - people: titles, honorifics and post-nominals come off the name and become the role
//!   ("Conservative MP Michael Mates", "Philippe Sands QC"); a person's variants merge
//!   ("Blair" and "Mr Blair" into "Tony Blair", "Victor Makarov" into "Viktor Makarov"),
//!   except a surname two people share, which stays apart with a note (`people`);
//! - places are actors only when they name a country: then the actor is the country, and
//!   "Moscow", "Russian" or "Kremlin" are its aliases; other places are not actors;
//! - organisations: an acronym in brackets after the name becomes its alias; armed-group
//!   words and names make the kind an armed group;
//! - a string the recogniser typed differently in different places takes the kind it got
//!   most often.

mod cues;
pub(crate) mod lexicon;
mod merge;
mod people;
mod roles;
mod tidy;

pub use lexicon::country_of;
pub use merge::{SourceMentions, Suggestion, suggest};
pub use people::same_person;

use crate::model::{ActorKind, Article};
use crate::recognise::tokens::Token;
use crate::recognise::{Kind, Recogniser, TokenName};
use lexicon::*;
use people::PersonMention;
use std::collections::HashMap;
use tidy::{country_led_organisation, tidy, title_case_headline};

/// An actor one article seems to name (the sources' suggestions are merged from these).
#[derive(Clone, Debug, PartialEq)]
struct Found {
    /// The fullest name seen.
    name: String,
    /// Best guess of its kind.
    kind: ActorKind,
    /// Other names the article uses for it.
    aliases: Vec<String>,
    /// A title or office seen with the name ("Foreign Minister"), if any.
    role: String,
    /// Char ranges of its mentions, in text order.
    spans: Vec<(usize, usize)>,
    /// How sure the recogniser was of its surest mention, 0 to 1.
    confidence: f32,
    /// Why it needs a look, if it does ("“Blair” alone could be ...").
    note: String,
}

/// Mentions per kind of one actor: the kind most of them have is its kind.
#[derive(Clone, Copy, Debug, Default)]
struct KindVotes([usize; ActorKind::ALL.len()]);

impl KindVotes {
    fn add(&mut self, kind: ActorKind, mentions: usize) {
        if let Some(k) = ActorKind::ALL.iter().position(|x| *x == kind) {
            self.0[k] += mentions;
        }
    }

    /// The kind with the most mentions; on a tie `current` if it is among them, else the
    /// first in menu order (never a hash map's whim).
    fn winner(&self, current: ActorKind) -> ActorKind {
        let most = self.0.iter().copied().max().unwrap_or(0);
        let tied = |k: ActorKind| {
            ActorKind::ALL
                .iter()
                .position(|x| *x == k)
                .is_some_and(|i| self.0[i] == most)
        };
        if tied(current) {
            return current;
        }
        ActorKind::ALL
            .into_iter()
            .find(|k| tied(*k))
            .unwrap_or(current)
    }
}

/// A name seen once, before the article's names are grouped.
struct Seen {
    /// The name, titles off.
    name: String,
    /// As written.
    surface: String,
    span: (usize, usize),
    kind: ActorKind,
    role: String,
    confidence: f32,
}

/// The text of tokens `a..b` as written (line breaks inside made spaces).
fn text_of(chars: &[char], tokens: &[Token], a: usize, b: usize) -> String {
    chars[tokens[a].start..tokens[b - 1].end]
        .iter()
        .map(|&c| if c.is_whitespace() { ' ' } else { c })
        .collect()
}

fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| *c != '.').collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

fn armed(name: &str) -> bool {
    ARMED_GROUPS.contains(&name) || name.split(' ').any(|w| ARMED_WORDS.contains(&w))
}

/// The kind of actor a name the analyst chose most likely is, from the name alone (for a
/// new actor made from selected words that no suggestion names): a country or its
/// demonym is a state, an armed group's name an armed group, a name ending in a word for a
/// body ("Menatep Group", "Lear Corp") an organisation, anything else a person.
pub fn kind_of_name(name: &str) -> ActorKind {
    let last = name.split_whitespace().last().unwrap_or_default();
    if country_of(name).is_some() {
        ActorKind::State
    } else if armed(name) {
        ActorKind::ArmedGroup
    } else if ORG_WORDS.contains(&last) || tidy::COMPANY_ENDINGS.contains(&last) || is_acronym(name)
    {
        ActorKind::Organisation
    } else {
        ActorKind::Person
    }
}

/// What one recognised name is as an actor, if it is one.
fn see(chars: &[char], tokens: &[Token], n: &TokenName) -> Option<Seen> {
    let surface = text_of(chars, tokens, n.first, n.end);
    let span = (tokens[n.first].start, tokens[n.end - 1].end);
    let seen = |name: String, kind: ActorKind, span, role: String| Seen {
        name,
        surface: surface.clone(),
        span,
        kind,
        role,
        confidence: n.confidence,
    };
    if !surface.chars().any(char::is_alphabetic) || REGIONS.contains(&surface.as_str()) {
        return None;
    }
    if let Some(country) = country_of(&surface) {
        return Some(seen(
            country.to_owned(),
            ActorKind::State,
            span,
            String::new(),
        ));
    }
    if armed(&surface) {
        return Some(seen(
            surface.clone(),
            ActorKind::ArmedGroup,
            span,
            String::new(),
        ));
    }
    match n.kind {
        Kind::Person => {
            let c = roles::clean(tokens, n.first, n.end);
            if c.first >= c.end {
                return None;
            }
            let name = text_of(chars, tokens, c.first, c.end);
            if STOPWORDS.contains(&name.as_str()) || is_calendar(&name) {
                return None;
            }
            let mut role = roles::before(tokens, n.first);
            if role.is_empty() {
                role = c
                    .before
                    .iter()
                    .filter(|w| TITLE_WORDS.contains(&w.as_str()))
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" ");
            }
            if !c.after.is_empty() {
                role = [role, c.after.join(" ")]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ");
            }
            let span = (tokens[c.first].start, tokens[c.end - 1].end);
            Some(seen(name, ActorKind::Person, span, role))
        }
        Kind::Organisation => {
            // A party label before an office is part of a role ("Conservative MP").
            let label = PARTY_WORDS.contains(&surface.as_str())
                && tokens.get(n.end).is_some_and(|t| roles::office(&t.text));
            (!label).then(|| {
                seen(
                    surface.clone(),
                    ActorKind::Organisation,
                    span,
                    String::new(),
                )
            })
        }
        // "Russian-led", "Kremlin-backed": the country before the hyphen.
        Kind::Misc | Kind::Location => {
            let head = surface.split('-').next().unwrap_or_default();
            let country = country_of(head)?;
            let span = (span.0, span.0 + head.chars().count());
            Some(Seen {
                surface: head.to_owned(),
                ..seen(country.to_owned(), ActorKind::State, span, String::new())
            })
        }
    }
}

/// The actors one article names, most mentioned first.
fn find_in(article: &Article) -> Vec<Found> {
    let text = &article.text;
    let (tokens, names) = Recogniser::shipped().read(text);
    let mut names = tidy(&tokens, names, title_case_headline(article));
    let organisations = cues::organisations(&tokens, &names);
    for n in &mut names {
        let one_word = n.end == n.first + 1;
        if one_word
            && matches!(n.kind, Kind::Person | Kind::Location)
            && organisations.contains(&tokens[n.first].text)
        {
            n.kind = Kind::Organisation;
        }
    }
    let chars: Vec<char> = text.chars().collect();
    let mut seen: Vec<Seen> = names
        .iter()
        .filter_map(|n| see(&chars, &tokens, n))
        .collect();
    // The demonym kept in a ministry's name still names the country.
    for n in names
        .iter()
        .filter(|n| country_led_organisation(&tokens, n))
    {
        if let Some(country) = country_of(&tokens[n.first].text) {
            let t = &tokens[n.first];
            seen.push(Seen {
                name: country.to_owned(),
                surface: t.text.clone(),
                span: (t.start, t.end),
                kind: ActorKind::State,
                role: String::new(),
                confidence: n.confidence,
            });
        }
    }

    // An acronym in brackets right after a name is that name's: "Collective Security
    // Treaty Organization (CSTO)".
    let mut acronym_of: HashMap<String, String> = HashMap::new();
    for pair in names.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let bracketed = b.first == a.end + 1
            && tokens[a.end].text == "("
            && tokens.get(b.end).is_some_and(|t| t.text == ")");
        let acronym = text_of(&chars, &tokens, b.first, b.end);
        let full = text_of(&chars, &tokens, a.first, a.end);
        // Not after a place: the recogniser sometimes cuts a name short ("U.N. Interim
        // Force" "in" "Lebanon" "(UNIFIL)"), and Lebanon is not UNIFIL.
        let owner = a.kind != Kind::Location;
        if bracketed && is_acronym(&acronym) && b.kind != Kind::Person && owner {
            acronym_of.insert(acronym, full);
        }
    }
    // One kind per name: the kind it was given most often.
    let mut votes: HashMap<String, KindVotes> = HashMap::new();
    for s in &seen {
        votes.entry(s.name.clone()).or_default().add(s.kind, 1);
    }
    for s in &mut seen {
        if let Some(full) = acronym_of.get(&s.name) {
            s.name.clone_from(full);
        }
        if let Some(v) = votes.get(&s.name) {
            s.kind = v.winner(s.kind);
        }
    }

    // People grouped by person; everything else by name.
    let people: Vec<PersonMention> = seen
        .iter()
        .filter(|s| s.kind == ActorKind::Person)
        .map(|s| PersonMention {
            name: s.name.clone(),
            surface: s.surface.clone(),
            span: s.span,
            role: s.role.clone(),
            confidence: s.confidence,
        })
        .collect();
    let mut out: Vec<Found> = people::group(&people)
        .into_iter()
        .map(|p| Found {
            name: p.name,
            kind: ActorKind::Person,
            aliases: p.aliases,
            role: p.role,
            spans: p.spans,
            confidence: p.confidence,
            note: p.note,
        })
        .collect();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for s in seen.iter().filter(|s| s.kind != ActorKind::Person) {
        // "NEW YORK" in a headline and "New York" in the text are one name.
        let i = *by_name.entry(s.name.to_lowercase()).or_insert_with(|| {
            out.push(Found {
                name: s.name.clone(),
                kind: s.kind,
                aliases: Vec::new(),
                role: String::new(),
                spans: Vec::new(),
                confidence: 0.0,
                note: String::new(),
            });
            out.len() - 1
        });
        let f = &mut out[i];
        if people::all_capitals(&f.name) && !people::all_capitals(&s.name) {
            let capitals = std::mem::replace(&mut f.name, s.name.clone());
            f.aliases.retain(|a| *a != f.name);
            f.aliases.push(capitals);
        }
        if s.surface != f.name && !f.aliases.contains(&s.surface) {
            f.aliases.push(s.surface.clone());
        }
        f.spans.push(s.span);
        f.confidence = f.confidence.max(s.confidence);
    }
    fold_short_forms(&mut out);
    out.retain(|f| f.spans.len() >= 2 || f.confidence >= MIN_CONFIDENCE);
    for f in &mut out {
        f.spans.sort_unstable();
        f.spans.dedup();
    }
    out.sort_by(|a, b| {
        b.spans
            .len()
            .cmp(&a.spans.len())
            .then(a.spans[0].cmp(&b.spans[0]))
    });
    out
}

/// Folds an organisation's one-word short form into its full name when exactly one full
/// name starts with it ("Baikal" into "Baikal Finance Group").
fn fold_short_forms(out: &mut Vec<Found>) {
    let mut i = 0;
    while i < out.len() {
        let short = &out[i];
        let owners: Vec<usize> = (0..out.len())
            .filter(|&j| {
                j != i
                    && short.kind == ActorKind::Organisation
                    && out[j].kind == ActorKind::Organisation
                    && !short.name.contains(' ')
                    && out[j].name.split(' ').next() == Some(short.name.as_str())
                    && out[j].name.contains(' ')
            })
            .collect();
        if let [j] = owners[..] {
            let short = out.remove(i);
            let j = if j > i { j - 1 } else { j };
            let full = &mut out[j];
            for alias in std::iter::once(short.name).chain(short.aliases) {
                if alias != full.name && !full.aliases.contains(&alias) {
                    full.aliases.push(alias);
                }
            }
            full.spans.extend(short.spans);
            full.confidence = full.confidence.max(short.confidence);
        } else {
            i += 1;
        }
    }
}

/// A name mentioned once is suggested only if the recogniser was at least this sure of it.
const MIN_CONFIDENCE: f32 = 0.4;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{ArticleFormat, import_bytes};
    use crate::model::Source;

    fn sample() -> [Source; 1] {
        let article = import_bytes(crate::assets::SAMPLE_ARTICLE, ArticleFormat::Text).unwrap();
        [Source::new(1, article)]
    }

    /// Everyone the sample article names, by kind, as a careful reader would list them (the
    /// photographer in the photo credit is not an actor of the story).
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
        // In-sample figures, name and kind both right (README): recall 0.96, precision
        // 0.96 with the shipped weights. The floors leave room for retraining.
        assert!(recall >= 0.9, "missing {missing:?}");
        assert!(precision >= 0.9, "noise {noise:?}");
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
        assert!(
            suggest(&sample(), &[])
                .iter()
                .any(|s| s.name == "Zamir Kabolov")
        );
        let found = suggest(&sample(), &["Zamir Kabolov".to_owned()]);
        assert!(found.iter().all(|s| s.name != "Zamir Kabolov"));
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

    /// Issue 13's cases: titles and post-nominals as roles, a party label not an actor,
    /// and a surname two people share kept apart with a note.
    #[test]
    fn roles_and_a_shared_surname() {
        let text = "Blair couple in court\n\nPrime Minister Tony Blair and his wife Cherie Blair arrived at the High Court in London on Monday. Blair said the case was private. Conservative MP Michael Mates and Philippe Sands QC were also there. Mr Mates later told the BBC that Blair had not spoken to Sands.";
        let found = suggest(
            &[crate::model::Source::new(
                1,
                Article::new("Blair couple in court", text),
            )],
            &[],
        );
        let get = |n: &str| {
            found
                .iter()
                .find(|s| s.name == n)
                .unwrap_or_else(|| panic!("{n} in {found:#?}"))
        };
        assert_eq!(get("Michael Mates").role, "Conservative MP");
        assert!(get("Michael Mates").aliases.contains(&"Mates".to_owned()));
        assert_eq!(get("Philippe Sands").role, "QC");
        assert_eq!(get("Tony Blair").role, "Prime Minister");
        let blair = get("Blair");
        assert!(
            blair.note.contains("Tony Blair or Cherie Blair"),
            "{blair:?}"
        );
        assert_eq!(blair.mentions, 3);
        assert!(get("Tony Blair").aliases.iter().all(|a| a != "Blair"));
        assert!(
            found.iter().all(|s| s.name != "Conservative"),
            "a party label is a role here"
        );
        assert!(found.iter().all(|s| (0.0..=1.0).contains(&s.confidence)));
    }

    /// A ministry keeps its demonym and names its country; a person whose first name is a
    /// country's ("Jordan Smith") names no country.
    #[test]
    fn a_country_leads_a_ministry_but_not_a_person() {
        let tokens = crate::recognise::tokens::tokenize(
            "Jordan Smith said the Russian Ministry of Foreign Affairs agreed.",
        );
        let name = |first, end, kind| TokenName {
            first,
            end,
            kind,
            confidence: 1.0,
        };
        assert!(!country_led_organisation(
            &tokens,
            &name(0, 2, Kind::Person)
        ));
        assert!(country_led_organisation(
            &tokens,
            &name(4, 9, Kind::Organisation)
        ));
        assert!(!country_led_organisation(
            &tokens,
            &name(5, 9, Kind::Organisation)
        ));
    }

    #[test]
    fn a_name_alone_says_what_kind_of_actor_it_likely_is() {
        for (name, kind) in [
            ("Menatep Group", ActorKind::Organisation),
            ("Lear Corp", ActorKind::Organisation),
            ("CNPC", ActorKind::Organisation),
            ("Russia", ActorKind::State),
            ("Chinese", ActorKind::State),
            ("Taliban", ActorKind::ArmedGroup),
            ("Letitia Clark", ActorKind::Person),
        ] {
            assert_eq!(kind_of_name(name), kind, "{name}");
        }
    }

    #[test]
    fn the_kind_most_mentions_have_wins_and_ties_are_settled_alike() {
        let mut v = KindVotes::default();
        v.add(ActorKind::Person, 2);
        v.add(ActorKind::Organisation, 2);
        v.add(ActorKind::State, 1);
        assert_eq!(
            v.winner(ActorKind::Organisation),
            ActorKind::Organisation,
            "its own, tied"
        );
        assert_eq!(
            v.winner(ActorKind::State),
            ActorKind::Person,
            "first in menu order"
        );
        v.add(ActorKind::Organisation, 1);
        assert_eq!(v.winner(ActorKind::Person), ActorKind::Organisation);
    }
}
