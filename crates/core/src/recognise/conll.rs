//! The CoNLL-2003 shared-task files: reading them, and scoring labels against them the way
//! the task's `conlleval` does (a name counts only with its exact words and kind).

use super::labels::{Kind, Label};
use std::collections::HashMap;

/// A document of the data: its sentences, each a list of (word, label).
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// Its sentences.
    pub sentences: Vec<Vec<(String, Label)>>,
}

impl Document {
    /// The words with whether each starts a sentence, in order.
    pub fn words(&self) -> impl Iterator<Item = (&str, bool)> {
        self.sentences
            .iter()
            .flat_map(|s| s.iter().enumerate().map(|(i, (w, _))| (w.as_str(), i == 0)))
    }

    /// The labels, in order.
    pub fn labels(&self) -> Vec<Label> {
        self.sentences.iter().flatten().map(|(_, l)| *l).collect()
    }
}

/// Why a data file could not be read.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct ConllError {
    /// The line, counting from 1.
    pub line: usize,
    /// What is wrong with it.
    pub problem: String,
}

/// Reads a CoNLL-2003 file: a word and its tag per line (the last column is the tag; any
/// columns between are ignored), a blank line between sentences, `-DOCSTART-` between
/// documents. Old-style IOB1 tags (I- at a name's start) are read as begins.
pub fn read(text: &str) -> Result<Vec<Document>, ConllError> {
    let mut docs: Vec<Document> = Vec::new();
    let mut doc = Document::default();
    let mut sentence: Vec<(String, Label)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let mut cols = line.split_whitespace();
        let Some(word) = cols.next() else {
            if !sentence.is_empty() {
                doc.sentences.push(std::mem::take(&mut sentence));
            }
            continue;
        };
        if word == "-DOCSTART-" {
            if !sentence.is_empty() {
                doc.sentences.push(std::mem::take(&mut sentence));
            }
            if !doc.sentences.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        let tag = cols.last().ok_or_else(|| ConllError {
            line: n + 1,
            problem: format!("\"{word}\" has no tag"),
        })?;
        let mut label = Label::from_name(tag).ok_or_else(|| ConllError {
            line: n + 1,
            problem: format!("unknown tag \"{tag}\""),
        })?;
        if let Label::Inside(k) = label {
            let previous = sentence.last().and_then(|(_, l)| l.kind());
            if previous != Some(k) {
                label = Label::Begin(k);
            }
        }
        sentence.push((word.to_owned(), label));
    }
    if !sentence.is_empty() {
        doc.sentences.push(sentence);
    }
    if !doc.sentences.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

/// The names in a label sequence, as (first token, end token, kind).
pub fn names(labels: &[Label], sentence_starts: &[bool]) -> Vec<(usize, usize, Kind)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Kind)> = None;
    for (i, &l) in labels.iter().enumerate() {
        let continues = matches!((l, open), (Label::Inside(k), Some((_, o))) if k == o)
            && !sentence_starts.get(i).copied().unwrap_or(false);
        if !continues {
            if let Some((s, k)) = open.take() {
                out.push((s, i, k));
            }
            if let Some(k) = l.kind() {
                open = Some((i, k));
            }
        }
    }
    if let Some((s, k)) = open {
        out.push((s, labels.len(), k));
    }
    out
}

/// Counts for one kind of name.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    /// Names found with the right words and kind.
    pub correct: usize,
    /// Names found.
    pub found: usize,
    /// Names in the gold labels.
    pub gold: usize,
}

impl Counts {
    /// Share of found names that are right.
    pub fn precision(&self) -> f64 {
        self.correct as f64 / self.found.max(1) as f64
    }
    /// Share of gold names found.
    pub fn recall(&self) -> f64 {
        self.correct as f64 / self.gold.max(1) as f64
    }
    /// Their harmonic mean.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Adds another tally.
    pub fn add(&mut self, o: Counts) {
        self.correct += o.correct;
        self.found += o.found;
        self.gold += o.gold;
    }
}

/// Scores `found` labels against `gold` per kind (conlleval's entity-level counts).
pub fn score(gold: &[Label], found: &[Label], sentence_starts: &[bool]) -> HashMap<Kind, Counts> {
    let g = names(gold, sentence_starts);
    let f = names(found, sentence_starts);
    let mut out: HashMap<Kind, Counts> = HashMap::new();
    for (_, _, k) in &g {
        out.entry(*k).or_default().gold += 1;
    }
    for name in &f {
        let c = out.entry(name.2).or_default();
        c.found += 1;
        if g.contains(name) {
            c.correct += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\n\nPeter NNP B-NP B-PER\nBlackburn NNP B-NP I-PER\n\n-DOCSTART- -X- O\n\nBRUSSELS I-LOC\n";

    #[test]
    fn reads_documents_sentences_and_tags() {
        let docs = read(SAMPLE).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(
            docs[0].sentences[1][1],
            ("Blackburn".to_owned(), Label::Inside(Kind::Person))
        );
        assert_eq!(
            docs[1].sentences[0][0].1,
            Label::Begin(Kind::Location),
            "IOB1 start read as a begin"
        );
        let err = read("EU B-ORG\nrejects X-FOO\n").unwrap_err();
        assert_eq!(err.line, 2);
    }

    #[test]
    fn scores_exact_names_only() {
        let p = |s: &str| Label::from_name(s).unwrap();
        let gold = [p("B-PER"), p("I-PER"), p("O"), p("B-LOC")];
        let found = [p("B-PER"), p("O"), p("O"), p("B-LOC")];
        let starts = [true, false, false, false];
        let s = score(&gold, &found, &starts);
        assert_eq!(s[&Kind::Person].correct, 0, "half a name is wrong");
        assert_eq!(s[&Kind::Person].found, 1);
        assert_eq!(s[&Kind::Location].correct, 1);
        assert!((s[&Kind::Location].f1() - 1.0).abs() < 1e-9);
    }
}
