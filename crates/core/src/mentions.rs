//! Where the article names each actor: one automaton pass over the text for every name
//! and alias, whole words only, in char offsets.

use crate::model::{Actor, Id};
use aho_corasick::{AhoCorasick, MatchKind};

/// One mention of an actor in the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
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

/// Every whole-word mention of every actor's name and aliases, in text order. Where names
/// overlap ("Foreign Minister Lavrov" and "Lavrov") the longest wins.
pub fn find_mentions(text: &str, actors: &[Actor]) -> Vec<Mention> {
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
    if patterns.is_empty() {
        return Vec::new();
    }
    let Ok(automaton) = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
    else {
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
            start: char_at,
            end: char_at + len,
            actor: owners[m.pattern().as_usize()],
        });
    }
    out
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
        let found = find_mentions(text, &actors);
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
}
