//! Training: an averaged perceptron over the left-to-right pass. For each token it labels
//! as the recogniser would (its own earlier labels as history); when that label is wrong,
//! the features' weights move toward the right label and away from the chosen one. The
//! weights kept are the average over every step, which generalises far better than the
//! last ones.

use super::decode::{Pass, Weights, label};
use super::features::aggregate;
pub use super::features::{Doc, Flat, describe};
use super::labels::{LABELS, Label};
use super::weights::FeatureMap;

/// One labelled document.
pub struct Example {
    /// Its tokens and their features.
    pub doc: Doc,
    /// Their right labels.
    pub gold: Vec<Label>,
    /// For the second pass: the first pass's view of the document (see
    /// `features::aggregate`), from a first pass that was not trained on it.
    pub aggregate: Option<Flat>,
}

/// Weights being learned.
#[derive(Default)]
pub struct Trainer {
    index: FeatureMap<u32>,
    weights: Vec<[f32; LABELS]>,
    /// Each update times the step it was made at, to average lazily.
    timed: Vec<[f32; LABELS]>,
    step: f32,
}

impl Weights for Trainer {
    fn add_row(&self, feature: u64, scores: &mut [f32; LABELS]) {
        if let Some(&k) = self.index.get(&feature) {
            for (s, w) in scores.iter_mut().zip(&self.weights[k as usize]) {
                *s += w;
            }
        }
    }
}

impl Trainer {
    fn row(&mut self, feature: u64) -> usize {
        let next = self.weights.len() as u32;
        let k = *self.index.entry(feature).or_insert(next);
        if k == next {
            self.weights.push([0.0; LABELS]);
            self.timed.push([0.0; LABELS]);
        }
        k as usize
    }

    fn update(&mut self, features: &[u64], gold: Label, chosen: Label) {
        for &f in features {
            let k = self.row(f);
            self.weights[k][gold.index()] += 1.0;
            self.weights[k][chosen.index()] -= 1.0;
            self.timed[k][gold.index()] += self.step;
            self.timed[k][chosen.index()] -= self.step;
        }
    }

    /// One pass over `examples` in the given order. Returns the share of tokens labelled
    /// wrong.
    pub fn epoch(&mut self, examples: &[Example], order: &[usize]) -> f64 {
        let (mut wrong, mut total) = (0usize, 0usize);
        for &e in order {
            let example = &examples[e];
            let mut pass = Pass::new(&example.doc, example.aggregate.as_ref());
            for &gold in &example.gold {
                self.step += 1.0;
                let (chosen, _) = pass.score(self, None);
                if chosen != gold {
                    let features = std::mem::take(&mut pass.features);
                    self.update(&features, gold, chosen);
                    pass.features = features;
                    wrong += 1;
                }
                total += 1;
                pass.push(chosen);
            }
        }
        wrong as f64 / total.max(1) as f64
    }

    /// The averaged weights.
    pub fn averaged(&self) -> FeatureMap<[f32; LABELS]> {
        let step = self.step.max(1.0);
        let mut out = FeatureMap::with_capacity_and_hasher(self.index.len(), Default::default());
        for (&f, &k) in &self.index {
            let mut row = self.weights[k as usize];
            for (w, t) in row.iter_mut().zip(&self.timed[k as usize]) {
                *w -= t / step;
            }
            out.insert(f, row);
        }
        out
    }
}

impl Weights for FeatureMap<[f32; LABELS]> {
    fn add_row(&self, feature: u64, scores: &mut [f32; LABELS]) {
        if let Some(row) = self.get(&feature) {
            for (s, w) in scores.iter_mut().zip(row) {
                *s += w;
            }
        }
    }
}

/// Trains for `epochs` epochs, shuffling with `seed` (seed 0 shuffles as `shuffled(n,
/// epoch)`, like the runs that choose the number of epochs).
pub fn trained(examples: &[Example], epochs: usize, seed: u64) -> FeatureMap<[f32; LABELS]> {
    let all: Vec<usize> = (0..examples.len()).collect();
    trained_on(examples, &all, epochs, seed)
}

/// `trained` on the examples at `subset` only (shuffled as if they were all there were).
fn trained_on(
    examples: &[Example],
    subset: &[usize],
    epochs: usize,
    seed: u64,
) -> FeatureMap<[f32; LABELS]> {
    let mut trainer = Trainer::default();
    for epoch in 1..=epochs {
        let order: Vec<usize> = shuffled(subset.len(), seed * 1_000_003 + epoch as u64)
            .into_iter()
            .map(|k| subset[k])
            .collect();
        trainer.epoch(examples, &order);
    }
    trainer.averaged()
}

/// The mean of several trained weight sets (runs with different shuffles disagree on
/// rare features; their mean is steadier on new text).
pub fn mean(runs: &[FeatureMap<[f32; LABELS]>]) -> FeatureMap<[f32; LABELS]> {
    let mut out: FeatureMap<[f32; LABELS]> = FeatureMap::default();
    let n = runs.len().max(1) as f32;
    for run in runs {
        for (&f, row) in run {
            let sum = out.entry(f).or_insert([0.0; LABELS]);
            for (s, w) in sum.iter_mut().zip(row) {
                *s += w / n;
            }
        }
    }
    out
}

/// The first pass's view of every training document for training the second pass, each
/// from a first pass trained on the other `folds - 1` folds: a first pass that had seen
/// the document would look far surer of it than it will be of a new article.
pub fn jackknife(examples: &[Example], epochs: usize, folds: usize) -> Vec<Flat> {
    let mut out: Vec<Flat> = vec![Flat::default(); examples.len()];
    for fold in 0..folds {
        let (held, rest): (Vec<usize>, Vec<usize>) =
            (0..examples.len()).partition(|i| i % folds == fold);
        let weights = trained_on(examples, &rest, epochs, 0);
        for i in held {
            let labels: Vec<Label> = label(&weights, &examples[i].doc, None)
                .into_iter()
                .map(|(l, _)| l)
                .collect();
            out[i] = aggregate(&examples[i].doc, &labels);
        }
    }
    out
}

/// A fixed-seed shuffle (xorshift), so that training is reproducible.
pub fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut state = seed.max(1);
    for i in (1..n).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        order.swap(i, (state % (i as u64 + 1)) as usize);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognise::features::describe;
    use crate::recognise::labels::Kind;
    use crate::recognise::weights::{Table, write};

    fn example(words: &[(&str, &str)]) -> Example {
        let doc = describe(words.iter().enumerate().map(|(i, (w, _))| (*w, i == 0)));
        let gold = words
            .iter()
            .map(|(_, l)| Label::from_name(l).unwrap())
            .collect();
        Example {
            doc,
            gold,
            aggregate: None,
        }
    }

    #[test]
    fn learns_a_toy_set_and_keeps_it_through_the_file() {
        let examples = vec![
            example(&[
                ("Smith", "B-PER"),
                ("visited", "O"),
                ("Paris", "B-LOC"),
                (".", "O"),
            ]),
            example(&[
                ("Mr.", "O"),
                ("Jones", "B-PER"),
                ("left", "O"),
                ("London", "B-LOC"),
            ]),
            example(&[
                ("Acme", "B-ORG"),
                ("Corp", "I-ORG"),
                ("hired", "O"),
                ("Smith", "B-PER"),
            ]),
        ];
        let mut trainer = Trainer::default();
        for round in 0..10 {
            trainer.epoch(&examples, &shuffled(examples.len(), round + 1));
        }
        let table = Table::read(&write(&trainer.averaged(), 0.0));
        let test = describe([("Jones", true), ("visited", false), ("London", false)].into_iter());
        let labels: Vec<Label> = label(&table, &test, None)
            .into_iter()
            .map(|(l, _)| l)
            .collect();
        assert_eq!(
            labels,
            [
                Label::Begin(Kind::Person),
                Label::O,
                Label::Begin(Kind::Location)
            ]
        );
    }
}
