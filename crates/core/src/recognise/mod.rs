//! The trained name recogniser: finds the people, organisations, places and other names an
//! article mentions, for the actor suggestions.
//!
//! A greedy left-to-right tagger with an averaged perceptron (see ARCHITECTURE.md for why),
//! trained on the CoNLL-2003 English news data by
//! `cargo run --release -p briefing-core --example train_recogniser -- DATA_DIR` and
//! measured by the `evaluate_recogniser` example. Only the weights ship
//! (`assets/recogniser.bin`, compiled in); nothing is read from the network or disk.

pub mod conll;
mod decode;
pub mod features;
mod gazetteer;
pub mod labels;
pub mod tokens;
pub mod train;
pub mod weights;

pub use labels::{Kind, Label};

use std::sync::LazyLock;

/// The shipped weights.
const SHIPPED: &[u8] = include_bytes!("../../../../assets/recogniser.bin");
const _: () = assert!(
    weights::well_formed(SHIPPED),
    "assets/recogniser.bin is not a weights file: retrain it (see recognise/mod.rs)"
);

/// A name found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Name {
    /// Char offset of its first char.
    pub start: usize,
    /// Char offset just past its last char.
    pub end: usize,
    /// Its kind.
    pub kind: Kind,
    /// How sure the recogniser is, 0 to 1 (the least sure of its words).
    pub confidence: f32,
}

/// A name found among tokens.
#[derive(Clone, Debug, PartialEq)]
pub struct TokenName {
    /// Its first token.
    pub first: usize,
    /// The token after its last.
    pub end: usize,
    /// Its kind.
    pub kind: Kind,
    /// How sure the recogniser is, 0 to 1 (the least sure of its words).
    pub confidence: f32,
}

/// A recogniser with its weights loaded: two passes over each document, the second
/// seeing what the first found everywhere in it.
pub struct Recogniser {
    first: weights::Table,
    second: weights::Table,
}

static SHIPPED_RECOGNISER: LazyLock<Recogniser> = LazyLock::new(|| Recogniser::load(SHIPPED));

/// Why weights could not be used.
#[derive(Debug, thiserror::Error)]
#[error("not a Briefing Notebook recogniser weights file (wrong header or length)")]
pub struct NotWeights;

impl Recogniser {
    /// The recogniser trained on CoNLL-2003, shipped in the binary. Its table is built on
    /// first use (about 20 ms).
    pub fn shipped() -> &'static Recogniser {
        &SHIPPED_RECOGNISER
    }

    /// A recogniser with other weights (as `train_recogniser` writes them).
    pub fn from_bytes(bytes: &[u8]) -> Result<Recogniser, NotWeights> {
        if !weights::well_formed(bytes) {
            return Err(NotWeights);
        }
        Ok(Recogniser::load(bytes))
    }

    fn load(bytes: &[u8]) -> Recogniser {
        let (first, second) = weights::blocks(bytes);
        Recogniser {
            first: weights::Table::read(first),
            second: weights::Table::read(second),
        }
    }

    /// How many features have weights, in both passes.
    pub fn features(&self) -> usize {
        self.first.len() + self.second.len()
    }

    /// Labels already split words (with whether each starts a sentence), as one document.
    pub fn label_words<'a>(
        &self,
        words: impl Iterator<Item = (&'a str, bool)>,
    ) -> Vec<(Label, f32)> {
        let doc = features::describe(words);
        let first: Vec<Label> = decode::label_quickly(&self.first, &doc, None)
            .into_iter()
            .map(|(l, _)| l)
            .collect();
        let view = features::aggregate(&doc, &first);
        decode::label_quickly(&self.second, &doc, Some(&view))
    }

    /// The names in `text`, in text order.
    pub fn names(&self, text: &str) -> Vec<Name> {
        let (toks, names) = self.read(text);
        names
            .into_iter()
            .map(|n| Name {
                start: toks[n.first].start,
                end: toks[n.end - 1].end,
                kind: n.kind,
                confidence: n.confidence,
            })
            .collect()
    }

    /// The tokens of `text` and the names among them, in text order.
    pub fn read(&self, text: &str) -> (Vec<tokens::Token>, Vec<TokenName>) {
        let toks = tokens::tokenize(text);
        let labels = self.label_words(toks.iter().map(|t| (t.text.as_str(), t.sentence_start)));
        let starts: Vec<bool> = toks.iter().map(|t| t.sentence_start).collect();
        let plain: Vec<Label> = labels.iter().map(|(l, _)| *l).collect();
        let names = conll::names(&plain, &starts)
            .into_iter()
            .map(|(first, end, kind)| TokenName {
                first,
                end,
                kind,
                confidence: labels[first..end]
                    .iter()
                    .map(|(_, c)| *c)
                    .fold(1.0, f32::min),
            })
            .collect();
        (toks, names)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_recogniser_finds_names_in_news() {
        let text = "Russian Foreign Minister Sergei Lavrov met Tajik President Emomali Rahmon in Dushanbe on Monday, the Collective Security Treaty Organization said.";
        let names = Recogniser::shipped().names(text);
        let chars: Vec<char> = text.chars().collect();
        let found: Vec<(String, Kind)> = names
            .iter()
            .map(|n| (chars[n.start..n.end].iter().collect(), n.kind))
            .collect();
        for expected in [
            ("Sergei Lavrov", Kind::Person),
            ("Emomali Rahmon", Kind::Person),
            ("Dushanbe", Kind::Location),
            (
                "Collective Security Treaty Organization",
                Kind::Organisation,
            ),
        ] {
            assert!(
                found.contains(&(expected.0.to_owned(), expected.1)),
                "{expected:?} not in {found:?}"
            );
        }
        assert!(
            names
                .iter()
                .all(|n| n.confidence > 0.0 && n.confidence <= 1.0)
        );
    }
}
