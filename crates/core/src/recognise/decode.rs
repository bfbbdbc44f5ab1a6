//! Labelling a document left to right, one token at a time: each token's label is the best
//! scoring one allowed after the previous label, given the features of the words and of the
//! labels already chosen. Training and recognition share this step.

use super::features::{Doc, Flat, label_features};
use super::labels::{Kind, LABELS, Label};

/// Per-feature weight rows, one weight per label.
pub trait Weights {
    /// Adds the row of `feature` (if it has one) to `scores`.
    fn add_row(&self, feature: u64, scores: &mut [f32; LABELS]);
}

/// The state of a left-to-right pass over one document.
pub struct Pass<'d> {
    doc: &'d Doc,
    /// The labels chosen so far.
    pub labels: Vec<Label>,
    /// The kind each word (by number) was last given a name of.
    history: Vec<Option<Kind>>,
    /// The features of the token last scored (not its word type's when those were scored
    /// once for the whole document: see `score`).
    pub features: Vec<u64>,
    /// For the second pass: the first pass's view, as features per token.
    aggregate: Option<&'d Flat>,
}

impl<'d> Pass<'d> {
    /// Starts a pass over `doc`.
    pub fn new(doc: &'d Doc, aggregate: Option<&'d Flat>) -> Self {
        Pass {
            doc,
            aggregate,
            labels: Vec::with_capacity(doc.tokens.len()),
            history: vec![None; doc.words],
            features: Vec::with_capacity(64),
        }
    }

    /// Scores every label for the next token, leaving its features in `self.features`.
    /// `type_rows`, when given, holds each word type's summed row already (recognition);
    /// without it (training, where the weights change as it goes) the word type's features
    /// are scored and kept with the rest. Returns the best allowed label and the scores.
    pub fn score(
        &mut self,
        weights: &impl Weights,
        type_rows: Option<&[[f32; LABELS]]>,
    ) -> (Label, [f32; LABELS]) {
        let i = self.labels.len();
        let doc = self.doc;
        let word_type = doc.type_of[i] as usize;
        self.features.clear();
        let mut scores = match type_rows.and_then(|rows| rows.get(word_type)) {
            Some(row) => *row,
            None => {
                self.features.extend_from_slice(doc.types.get(word_type));
                [0f32; LABELS]
            }
        };
        self.features.extend_from_slice(doc.context.get(i));
        label_features(doc, i, &self.labels, &self.history, &mut self.features);
        if let Some(agg) = self.aggregate {
            self.features.extend_from_slice(agg.get(i));
        }
        for &f in &self.features {
            weights.add_row(f, &mut scores);
        }
        let previous = if doc.tokens[i].sentence_start {
            None
        } else {
            self.labels.last().copied()
        };
        let best = (0..LABELS)
            .map(Label::from_index)
            .filter(|l| l.may_follow(previous))
            .max_by(|a, b| scores[a.index()].total_cmp(&scores[b.index()]))
            .unwrap_or(Label::O);
        (best, scores)
    }

    /// Records the label given to the next token.
    pub fn push(&mut self, label: Label) {
        let i = self.labels.len();
        if let Some(kind) = label.kind()
            && let Some(slot) = self.history.get_mut(self.doc.word_of[i] as usize)
        {
            *slot = Some(kind);
        }
        self.labels.push(label);
    }
}

/// Perceptron scores are margins, not log-odds: they are divided by this before the
/// softmax, or nearly every confidence would be 1.0. Chosen by eye on the held-out
/// articles (the wrong names come out lowest), not calibrated.
const TEMPERATURE: f32 = 16.0;

/// How sure the recogniser is of `label`: its share of the softmax over the labels allowed
/// there (scores divided by `TEMPERATURE`).
pub fn confidence(scores: &[f32; LABELS], label: Label, previous: Option<Label>) -> f32 {
    let allowed = (0..LABELS).filter(|&i| Label::from_index(i).may_follow(previous));
    let max = allowed.clone().map(|i| scores[i]).fold(f32::MIN, f32::max);
    let sum: f32 = allowed
        .map(|i| ((scores[i] - max) / TEMPERATURE).exp())
        .sum();
    ((scores[label.index()] - max) / TEMPERATURE).exp() / sum
}

/// Labels a whole document in one pass (with the first pass's view, for the second), with
/// each name label's confidence (1 for O: nothing reads it). Every token is scored: the
/// training uses this, so the shipped weights are rebuilt exactly.
pub fn label(weights: &impl Weights, doc: &Doc, aggregate: Option<&Flat>) -> Vec<(Label, f32)> {
    label_with(weights, doc, aggregate, false)
}

/// [`label`] for recognition: a lower-case word outside a name is "O" unscored. Most words
/// of a text are; a name that starts in lower case ("de Klerk") is rare. Measured: the
/// same document-level figures on the development and test sets, entity F1 within
/// 0.001, and suggestions about a third faster.
pub fn label_quickly(
    weights: &impl Weights,
    doc: &Doc,
    aggregate: Option<&Flat>,
) -> Vec<(Label, f32)> {
    label_with(weights, doc, aggregate, true)
}

fn label_with(
    weights: &impl Weights,
    doc: &Doc,
    aggregate: Option<&Flat>,
    skip_lower: bool,
) -> Vec<(Label, f32)> {
    // Each word type scored once: most tokens repeat a word seen before.
    let type_rows: Vec<[f32; LABELS]> = (0..doc.types.len())
        .map(|k| {
            let mut row = [0f32; LABELS];
            for &f in doc.types.get(k) {
                weights.add_row(f, &mut row);
            }
            row
        })
        .collect();
    let mut pass = Pass::new(doc, aggregate);
    let mut out = Vec::with_capacity(doc.tokens.len());
    for t in &doc.tokens {
        let previous = if t.sentence_start {
            None
        } else {
            pass.labels.last().copied()
        };
        let lower = t.word.chars().next().is_some_and(char::is_lowercase);
        if skip_lower && lower && previous.is_none_or(|p| p == Label::O) {
            out.push((Label::O, 1.0));
            pass.push(Label::O);
            continue;
        }
        let (best, scores) = pass.score(weights, Some(&type_rows));
        // Only a name's confidence is read (the least sure of its words).
        let sure = if best == Label::O {
            1.0
        } else {
            confidence(&scores, best, previous)
        };
        out.push((best, sure));
        pass.push(best);
    }
    out
}
