//! What a senior reviewer would ask about a notebook: a bottom line of the wrong length,
//! vague or contradictory estimative language (ICD 203 words of estimative probability),
//! claims without evidence, and key judgements resting on one source or on weak sources
//! only. Every finding the app and `check` show comes from here.

use crate::mentions::actors_named;
use crate::model::{ItemKind, ItemRef, Notebook, Source, likelihood_word};
use crate::sentences::{count as count_sentences, sentences};

/// Where a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The bottom line.
    BottomLine,
    /// An actor, stake or risk.
    Item(ItemRef),
}

/// What kind of problem. Serialized in snake case ("no_evidence"): `check --json` names
/// kinds that way, so the names are stable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A bottom line of more than three sentences.
    BottomLineLength,
    /// A hedge ("could", "may") that says nothing about probability.
    Hedge,
    /// A term that contradicts the risk's likelihood rating.
    Contradiction,
    /// Two probability scales in one sentence.
    MixedScales,
    /// An item with no evidence.
    NoEvidence,
    /// A bottom-line sentence naming an actor that has no evidence.
    Unsupported,
    /// A key judgement whose evidence comes from one source while the notebook has more.
    SingleSource,
    /// A key judgement whose evidence comes only from sources graded D-F or 4-6.
    WeakSources,
}

/// One thing to look at.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// Where.
    pub place: Place,
    /// What.
    pub kind: Kind,
    /// The sentence for the analyst.
    pub message: String,
}

/// A recognised estimative term: the ICD 203 band (1 = almost no chance ... 7 = almost
/// certain) and its probability range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    /// The words as written.
    pub phrase: &'static str,
    /// ICD 203 band, 1 to 7.
    pub band: u8,
}

const TERMS: &[(&str, u8)] = &[
    ("almost no chance", 1),
    ("remote", 1),
    ("very unlikely", 2),
    ("highly unlikely", 2),
    ("highly improbable", 2),
    ("unlikely", 3),
    ("improbable", 3),
    ("probably not", 3),
    ("roughly even chance", 4),
    ("roughly even odds", 4),
    ("even chance", 4),
    ("very likely", 6),
    ("highly likely", 6),
    ("highly probable", 6),
    ("almost certainly", 7),
    ("almost certain", 7),
    ("nearly certain", 7),
    ("likely", 5),
    ("probably", 5),
    ("probable", 5),
];

const HEDGES: &[&str] = &["could", "may", "might", "possibly", "perhaps"];

/// Probability range of a band, as ICD 203 gives it.
pub fn band_range(band: u8) -> &'static str {
    match band {
        1 => "1-5%",
        2 => "5-20%",
        3 => "20-45%",
        4 => "45-55%",
        5 => "55-80%",
        6 => "80-95%",
        _ => "95-99%",
    }
}

/// The band a 1-5 likelihood rating stands for (1 very unlikely ... 5 very likely).
fn band_of_rating(rating: u8) -> u8 {
    rating.clamp(1, 5) + 1
}

/// Whole-word, case-insensitive occurrences of `phrase` in `lower` (already lower-cased).
fn occurrences(lower: &str, phrase: &str) -> Vec<(usize, usize)> {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    lower
        .match_indices(phrase)
        .filter(|(i, _)| {
            !word(lower[..*i].chars().next_back())
                && !word(lower[i + phrase.len()..].chars().next())
        })
        .map(|(i, _)| (i, i + phrase.len()))
        .collect()
}

/// The estimative terms in a text, longest first where they overlap ("very likely" is one
/// term, not "likely" too).
pub fn estimative_terms(text: &str) -> Vec<Term> {
    let lower = text.to_lowercase();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut found: Vec<(usize, Term)> = Vec::new();
    let mut terms = TERMS.to_vec();
    terms.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    for (phrase, band) in terms {
        for (a, b) in occurrences(&lower, phrase) {
            if taken.iter().all(|&(x, y)| b <= x || a >= y) {
                taken.push((a, b));
                found.push((a, Term { phrase, band }));
            }
        }
    }
    found.sort_by_key(|(a, _)| *a);
    found.into_iter().map(|(_, t)| t).collect()
}

/// The most sentences a bottom line should have.
const MAX_BOTTOM_LINE_SENTENCES: usize = 3;

fn quote(s: &str) -> String {
    let s: String = s.chars().take(90).collect();
    format!("“{s}”")
}

/// Checks the language of one piece of judgment text.
fn check_language(place: Place, text: &str, rating: Option<u8>, out: &mut Vec<Finding>) {
    let lower = text.to_lowercase();
    for hedge in HEDGES {
        if !occurrences(&lower, hedge).is_empty() {
            out.push(Finding {
                place,
                kind: Kind::Hedge,
                message: format!(
                    "“{hedge}” says nothing about probability: say how likely, e.g. “likely” (55-80%) or “unlikely” (20-45%)."
                ),
            });
        }
    }
    for sentence in sentences(text) {
        let terms = estimative_terms(sentence);
        let mut bands: Vec<u8> = terms.iter().map(|t| t.band).collect();
        bands.dedup();
        bands.sort_unstable();
        bands.dedup();
        let has_percent = sentence.contains('%');
        if bands.len() > 1 || (!terms.is_empty() && has_percent) {
            out.push(Finding {
                place,
                kind: Kind::MixedScales,
                message: format!(
                    "{} mixes probability scales ({}); use one term per judgment.",
                    quote(sentence),
                    terms
                        .iter()
                        .map(|t| format!("“{}” {}", t.phrase, band_range(t.band)))
                        .chain(has_percent.then(|| "a percentage".to_owned()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
        }
        if let Some(rating) = rating {
            let expected = band_of_rating(rating);
            for t in &terms {
                // The extremes (bands 1 and 7) sit beyond the 1-5 scale's ends.
                let band = t.band.clamp(2, 6);
                if band != expected {
                    out.push(Finding {
                        place,
                        kind: Kind::Contradiction,
                        message: format!(
                            "says “{}” ({}) but the likelihood is {} ({}).",
                            t.phrase,
                            band_range(t.band),
                            rating,
                            likelihood_word(rating)
                        ),
                    });
                }
            }
        }
    }
}

/// Everything a reviewer would flag, in pane order: bottom line (length, then language),
/// stakes, risks, then evidence coverage and sourcing.
pub fn review(nb: &Notebook) -> Vec<Finding> {
    let mut out = Vec::new();
    let n = count_sentences(&nb.brief.bottom_line);
    if n > MAX_BOTTOM_LINE_SENTENCES {
        out.push(Finding {
            place: Place::BottomLine,
            kind: Kind::BottomLineLength,
            message: format!("{n} sentences: a bottom line should be one to three."),
        });
    }
    check_language(Place::BottomLine, &nb.brief.bottom_line, None, &mut out);
    for s in &nb.stakes {
        let place = Place::Item(ItemRef {
            kind: ItemKind::Stake,
            id: s.id,
        });
        check_language(place, &format!("{}. {}", s.title, s.detail), None, &mut out);
    }
    for r in &nb.risks {
        let place = Place::Item(ItemRef {
            kind: ItemKind::Risk,
            id: r.id,
        });
        check_language(
            place,
            &format!("{}. {}", r.title, r.detail),
            Some(r.likelihood),
            &mut out,
        );
    }
    for item in nb.all_items().filter(|i| i.evidence().is_empty()) {
        out.push(Finding {
            place: Place::Item(item.item_ref()),
            kind: Kind::NoEvidence,
            message: "has no evidence: select words in the article and attach them.".to_owned(),
        });
    }
    for sentence in sentences(&nb.brief.bottom_line) {
        for id in actors_named(sentence, &nb.actors) {
            if let Some(actor) = nb.actor(id).filter(|a| a.evidence.is_empty()) {
                out.push(Finding {
                    place: Place::BottomLine,
                    kind: Kind::Unsupported,
                    message: format!(
                        "{} names {}, who has no evidence.",
                        quote(sentence),
                        actor.name
                    ),
                });
            }
        }
    }
    check_sourcing(nb, &mut out);
    out
}

/// The key judgements: every stake and risk, and every actor the bottom line names.
fn key_judgements(nb: &Notebook) -> Vec<ItemRef> {
    let mut out: Vec<ItemRef> = actors_named(&nb.brief.bottom_line, &nb.actors)
        .into_iter()
        .map(|id| ItemRef {
            kind: ItemKind::Actor,
            id,
        })
        .collect();
    out.extend(nb.item_refs(ItemKind::Stake));
    out.extend(nb.item_refs(ItemKind::Risk));
    out
}

/// "[2] “Title” (B2)", how a finding names a source.
fn cite(nb: &Notebook, source: &Source) -> String {
    format!(
        "[{}] “{}” ({})",
        nb.source_number(source.id).unwrap_or_default(),
        source.article.title.chars().take(60).collect::<String>(),
        source.grade()
    )
}

/// Key judgements resting on one source (when the notebook has others to corroborate
/// with: with one source every judgement rests on it, and saying so on each is noise), or
/// only on sources graded D-F or 4-6. Items without evidence are left to `NoEvidence`.
fn check_sourcing(nb: &Notebook, out: &mut Vec<Finding>) {
    for item in key_judgements(nb) {
        let sources = nb.sources_of(item);
        let place = Place::Item(item);
        if let [only] = &sources[..]
            && nb.sources.len() > 1
        {
            out.push(Finding {
                place,
                kind: Kind::SingleSource,
                message: format!(
                    "rests on one source, {}: find a second source or lower the confidence.",
                    cite(nb, only)
                ),
            });
        }
        if !sources.is_empty() && sources.iter().all(|s| s.is_weak()) {
            let grades: Vec<String> = sources.iter().map(|s| s.grade()).collect();
            out.push(Finding {
                place,
                kind: Kind::WeakSources,
                message: format!(
                    "rests only on sources graded D-F or 4-6 ({}): grade the sources, or find a reliable one.",
                    grades.join(", ")
                ),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Article, Risk};

    fn bands(text: &str) -> Vec<(&'static str, u8)> {
        estimative_terms(text)
            .into_iter()
            .map(|t| (t.phrase, t.band))
            .collect()
    }

    #[test]
    fn terms_map_to_icd_203_bands_longest_first() {
        assert_eq!(
            bands("It is very likely, not merely likely."),
            vec![("very likely", 6), ("likely", 5)]
        );
        assert_eq!(
            bands("An attack is unlikely; talks are almost certainly doomed."),
            vec![("unlikely", 3), ("almost certainly", 7)]
        );
        assert_eq!(
            bands("Roughly even chance of a deal."),
            vec![("roughly even chance", 4)]
        );
        assert!(bands("The likelihood is rated; unlikeliness aside.").is_empty());
    }

    fn notebook() -> Notebook {
        let mut nb = Notebook::new(Article::new("T", "Lavrov met Karzai in Moscow."));
        nb.actors.push(Actor {
            id: 1,
            name: "Sergei Lavrov".into(),
            aliases: vec!["Lavrov".into()],
            ..Actor::default()
        });
        nb.actors.push(Actor {
            id: 2,
            name: "Hamid Karzai".into(),
            aliases: vec!["Karzai".into()],
            ..Actor::default()
        });
        nb.next_id = 10;
        nb
    }

    #[test]
    fn real_sentences_get_the_reviewers_questions() {
        let mut nb = notebook();
        nb.brief.bottom_line = "Russia could gain influence. Talks are likely to stall, with a 30% chance of collapse. Lavrov will press Karzai.".into();
        nb.risks.push(Risk {
            id: 3,
            title: "Kabul is unlikely to join the Moscow talks".into(),
            likelihood: 4,
            impact: 3,
            ..Risk::default()
        });
        let findings = review(&nb);
        let kinds: Vec<(Place, Kind)> = findings.iter().map(|f| (f.place, f.kind)).collect();
        assert!(
            kinds.contains(&(Place::BottomLine, Kind::Hedge)),
            "“could”: {findings:#?}"
        );
        assert!(
            kinds.contains(&(Place::BottomLine, Kind::MixedScales)),
            "likely + 30%"
        );
        let risk = Place::Item(ItemRef {
            kind: ItemKind::Risk,
            id: 3,
        });
        assert!(
            kinds.contains(&(risk, Kind::Contradiction)),
            "unlikely vs 4"
        );
        assert!(kinds.contains(&(risk, Kind::NoEvidence)));
        // Lavrov and Karzai are named in the bottom line without evidence.
        let unsupported = findings
            .iter()
            .filter(|f| f.kind == Kind::Unsupported)
            .count();
        assert_eq!(unsupported, 2);
        let hedge = findings.iter().find(|f| f.kind == Kind::Hedge).unwrap();
        assert!(hedge.message.contains("“could”"));
    }

    #[test]
    fn a_bottom_line_over_three_sentences_is_flagged_once_and_abbreviations_do_not_count() {
        let mut nb = notebook();
        let length = |nb: &Notebook| {
            review(nb)
                .into_iter()
                .filter(|f| f.kind == Kind::BottomLineLength)
                .collect::<Vec<_>>()
        };
        nb.brief.bottom_line = "Russia gains. Kabul loses. The U.S. leaves. Talks stall.".into();
        let found = length(&nb);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].place, Place::BottomLine);
        assert_eq!(
            found[0].message,
            "4 sentences: a bottom line should be one to three."
        );
        // Six full stops, two sentences.
        nb.brief.bottom_line =
            "U.S. envoy Zalmay Khalilzad met Gen. Miller on Jan. 5. Talks stalled.".into();
        assert_eq!(length(&nb), Vec::new());
        nb.brief.bottom_line = "One. Two. Three.".into();
        assert_eq!(length(&nb), Vec::new());
    }

    #[test]
    fn a_sentence_is_checked_whole_across_an_abbreviation() {
        let mut nb = notebook();
        // Split at "Gen." the two scales would sit in different "sentences".
        nb.brief.bottom_line = "A deal is likely, says Gen. Miller, who puts it at 70%.".into();
        let mixed: Vec<Finding> = review(&nb)
            .into_iter()
            .filter(|f| f.kind == Kind::MixedScales)
            .collect();
        assert_eq!(mixed.len(), 1, "{mixed:#?}");
        assert!(
            mixed[0]
                .message
                .starts_with("“A deal is likely, says Gen. Miller")
        );
    }

    #[test]
    fn kinds_have_stable_snake_case_names() {
        let name = |k: Kind| serde_json::to_value(k).ok();
        assert_eq!(
            name(Kind::BottomLineLength),
            Some("bottom_line_length".into())
        );
        assert_eq!(name(Kind::NoEvidence), Some("no_evidence".into()));
        assert_eq!(name(Kind::MixedScales), Some("mixed_scales".into()));
    }

    #[test]
    fn a_consistent_risk_passes() {
        let mut nb = notebook();
        nb.risks.push(Risk {
            id: 3,
            title: "A second Russian base in Kyrgyzstan is likely within two years".into(),
            likelihood: 4,
            impact: 3,
            ..Risk::default()
        });
        let risk = Place::Item(ItemRef {
            kind: ItemKind::Risk,
            id: 3,
        });
        assert!(
            !review(&nb)
                .iter()
                .any(|f| f.place == risk && f.kind != Kind::NoEvidence)
        );
    }
}
#[cfg(test)]
mod sourcing {
    use super::*;
    use crate::anchor::evidence_for;
    use crate::model::{Actor, Article, Credibility, Edit, Reliability, Source, Stake, TextIndex};

    const TEXT: &str = "Lavrov met Karzai in Moscow.";

    /// Two sources (1: B2, 2: F6), actor Lavrov named in the bottom line, stake "Bases".
    fn notebook() -> Notebook {
        let mut nb = Notebook::new(Article::new("One", TEXT));
        nb.sources[0].reliability = Reliability::B;
        nb.sources[0].credibility = Credibility::new(2).unwrap();
        // Source 2 by number and by id, as the tests below name it.
        Edit::AddSource(Source::new(2, Article::new("Two", TEXT)))
            .apply(&mut nb)
            .unwrap();
        nb.actors.push(Actor {
            id: 3,
            name: "Lavrov".into(),
            ..Actor::default()
        });
        nb.stakes.push(Stake {
            id: 4,
            title: "Bases".into(),
            ..Stake::default()
        });
        nb.brief.bottom_line = "Lavrov gains.".into();
        nb.next_id = 10;
        nb
    }

    fn quote(nb: &mut Notebook, item: ItemRef, source: u64) {
        let span = evidence_for(source, TEXT, &TextIndex::new(TEXT), nb.allocate_id(), 0, 6);
        Edit::AttachEvidence(item, span).apply(nb).unwrap();
    }

    fn sourcing(nb: &Notebook) -> Vec<(ItemRef, Kind)> {
        review(nb)
            .into_iter()
            .filter(|f| matches!(f.kind, Kind::SingleSource | Kind::WeakSources))
            .map(|f| match f.place {
                Place::Item(item) => (item, f.kind),
                Place::BottomLine => panic!("sourcing is about items: {f:?}"),
            })
            .collect()
    }

    #[test]
    fn key_judgements_on_one_source_or_only_weak_sources_are_flagged() {
        let mut nb = notebook();
        let lavrov = ItemRef {
            kind: ItemKind::Actor,
            id: 3,
        };
        let bases = ItemRef {
            kind: ItemKind::Stake,
            id: 4,
        };
        // No evidence: `no_evidence` says so, sourcing says nothing more.
        assert_eq!(sourcing(&nb), []);
        quote(&mut nb, lavrov, 1);
        quote(&mut nb, bases, 2);
        assert_eq!(
            sourcing(&nb),
            [
                (lavrov, Kind::SingleSource),
                (bases, Kind::SingleSource),
                (bases, Kind::WeakSources),
            ]
        );
        let single = review(&nb)
            .into_iter()
            .find(|f| f.kind == Kind::SingleSource)
            .unwrap();
        assert_eq!(
            single.message,
            "rests on one source, [1] “One” (B2): find a second source or lower the confidence."
        );
        // Corroborated by a good and a weak source: nothing to say.
        quote(&mut nb, bases, 1);
        quote(&mut nb, lavrov, 2);
        assert_eq!(nb.corroboration(bases), 2);
        assert_eq!(sourcing(&nb), []);
        // An actor the bottom line does not name is no key judgement.
        nb.brief.bottom_line = "Talks stall.".into();
        Edit::RemoveSource(1).apply(&mut nb).unwrap();
        assert_eq!(
            sourcing(&nb),
            [(bases, Kind::WeakSources)],
            "one source left, F6"
        );
    }

    #[test]
    fn new_kinds_have_stable_snake_case_names() {
        let name = |k: Kind| serde_json::to_value(k).ok();
        assert_eq!(name(Kind::SingleSource), Some("single_source".into()));
        assert_eq!(name(Kind::WeakSources), Some("weak_sources".into()));
    }
}

#[cfg(test)]
mod worked_example {
    /// The shipped example is what a good analyst writes: nothing for a reviewer to flag.
    #[test]
    fn passes_review() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../saves/lavrov-central-asia-tour.ron"
        );
        let (nb, _) = crate::storage::load_notebook(std::path::Path::new(path)).unwrap();
        assert_eq!(super::review(&nb), Vec::new());
    }
}
