//! Where the sources name each actor: one automaton for every name and alias, one pass
//! over each text, whole words only, in char offsets.

use crate::model::{Actor, Id, Source};
use aho_corasick::{AhoCorasick, MatchKind};

/// One mention of an actor in a source's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The source whose text names the actor.
    pub source: Id,
    /// Char offset of the first char.
    pub start: usize,
    /// Char offset one past the last char.
    pub end: usize,
    /// The actor named.
    pub actor: Id,
}

/// Shortest name worth finding (a single letter would match everywhere).
const MIN_NAME_CHARS: usize = 2;

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Finds every actor's names in texts: built once for a list of actors, then run over
/// as many texts as needed.
pub struct MentionFinder {
    automaton: Option<AhoCorasick>,
    /// The actor each pattern names.
    owners: Vec<Id>,
}

impl MentionFinder {
    /// A finder for the names and aliases of `actors` (blank and one-letter names left
    /// out; a name two actors share goes to the first).
    pub fn new(actors: &[Actor]) -> Self {
        let mut patterns: Vec<&str> = Vec::new();
        let mut owners: Vec<Id> = Vec::new();
        for actor in actors {
            for name in std::iter::once(&actor.name).chain(&actor.aliases) {
                let name = name.trim();
                if name.chars().count() >= MIN_NAME_CHARS && !patterns.contains(&name) {
                    patterns.push(name);
                    owners.push(actor.id);
                }
            }
        }
        // Where names overlap ("Foreign Minister Lavrov" and "Lavrov") the longest wins.
        let automaton = (!patterns.is_empty())
            .then(|| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&patterns)
                    .ok()
            })
            .flatten();
        Self { automaton, owners }
    }

    /// Every whole-word mention in `text`, the text of source `source`, in text order.
    pub fn find(&self, source: Id, text: &str) -> Vec<Mention> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let mut out = Vec::new();
        // Byte offsets to char offsets incrementally: matches come in text order.
        let (mut byte_at, mut char_at) = (0usize, 0usize);
        for m in automaton.find_iter(text) {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            let starts_word = before.is_none_or(|c| !is_word_char(c));
            let ends_word = after.is_none_or(|c| !is_word_char(c));
            if !(starts_word && ends_word) {
                continue;
            }
            char_at += text[byte_at..m.start()].chars().count();
            byte_at = m.start();
            let len = text[m.start()..m.end()].chars().count();
            out.push(Mention {
                source,
                start: char_at,
                end: char_at + len,
                actor: self.owners[m.pattern().as_usize()],
            });
        }
        out
    }
}

/// Every whole-word mention of every actor's name and aliases in `text` (the text of
/// source `source`), in text order.
pub fn find_mentions(source: Id, text: &str, actors: &[Actor]) -> Vec<Mention> {
    MentionFinder::new(actors).find(source, text)
}

/// Every mention in every source: source by source in the notebook's order, each in text
/// order.
pub fn mentions_in_sources(sources: &[Source], actors: &[Actor]) -> Vec<Mention> {
    let finder = MentionFinder::new(actors);
    sources
        .iter()
        .flat_map(|s| finder.find(s.id, &s.article.text))
        .collect()
}

/// The actors a piece of the analyst's own text (a bottom-line sentence) names, each once,
/// in order of first mention.
pub fn actors_named(text: &str, actors: &[Actor]) -> Vec<Id> {
    let mut named: Vec<Id> = Vec::new();
    // The analyst's text is no source: its mentions need no source id.
    for m in MentionFinder::new(actors).find(0, text) {
        if !named.contains(&m.actor) {
            named.push(m.actor);
        }
    }
    named
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(id: Id, name: &str, aliases: &[&str]) -> Actor {
        Actor {
            id,
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            ..Actor::default()
        }
    }

    #[test]
    fn whole_words_longest_first_in_char_offsets() {
        let text = "Лавров: Sergei Lavrov met Russian officials; Lavrov's Russia. Lavrovian.";
        let actors = [
            actor(1, "Sergei Lavrov", &["Lavrov", "Лавров"]),
            actor(2, "Russia", &[]),
        ];
        let found = find_mentions(7, text, &actors);
        assert!(found.iter().all(|m| m.source == 7));
        let words: Vec<(String, Id)> = found
            .iter()
            .map(|m| {
                (
                    text.chars().skip(m.start).take(m.end - m.start).collect(),
                    m.actor,
                )
            })
            .collect();
        assert_eq!(
            words,
            vec![
                ("Лавров".to_string(), 1),
                ("Sergei Lavrov".to_string(), 1),
                ("Lavrov".to_string(), 1),
                ("Russia".to_string(), 2),
            ]
        );
    }

    #[test]
    fn every_source_is_searched_and_its_mentions_carry_its_id() {
        use crate::model::Article;
        let sources = [
            Source::new(3, Article::new("A", "Lavrov met Karzai.")),
            Source::new(9, Article::new("B", "Karzai flew home; Lavrov stayed.")),
        ];
        let actors = [actor(1, "Lavrov", &[]), actor(2, "Karzai", &[])];
        let found: Vec<(Id, usize, Id)> = mentions_in_sources(&sources, &actors)
            .iter()
            .map(|m| (m.source, m.start, m.actor))
            .collect();
        assert_eq!(found, [(3, 0, 1), (3, 11, 2), (9, 0, 2), (9, 18, 1)]);
        assert_eq!(
            actors_named("Karzai and Lavrov, then Karzai.", &actors),
            [2, 1]
        );
    }
}
