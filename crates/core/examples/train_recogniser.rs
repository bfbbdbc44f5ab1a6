//! Trains the name recogniser on CoNLL-2003 and writes `assets/recogniser.bin`.
//!
//! ```text
//! scripts/fetch-conll2003.sh            # the data, into target/conll2003 (not shipped)
//! cargo run --release -p briefing-core --example train_recogniser -- target/conll2003
//! ```
//!
//! Trains on `train.txt` for up to `--epochs` passes (default 12), scores `valid.txt`
//! after each, and keeps the epoch that scored best there (the test set is never looked
//! at: see `evaluate_recogniser`). The same data and options give the same file.

use briefing_core::recognise::conll::{self, Counts, Document};
use briefing_core::recognise::labels::LABELS;
use briefing_core::recognise::train::{Example, Trainer, jackknife, mean, shuffled, trained};
use briefing_core::recognise::weights::FeatureMap;
use briefing_core::recognise::weights::write;
use briefing_core::recognise::{Kind, Label, Recogniser};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Weights whose largest magnitude is below this are dropped from the file.
const FLOOR: f32 = 0.02;
/// Folds for the second pass's training views.
const FOLDS: usize = 5;
/// Runs averaged into each pass's weights.
const SEEDS: u64 = 3;

fn load(dir: &Path, name: &str) -> Result<Vec<Document>, String> {
    let path = dir.join(name);
    let text = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "{}: {e} (run scripts/fetch-conll2003.sh first)",
            path.display()
        )
    })?;
    conll::read(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Micro-averaged counts over persons, organisations and places on `docs`.
fn score(recogniser: &Recogniser, docs: &[Document]) -> (Counts, [Counts; 4]) {
    let mut per = [Counts::default(); 4];
    for doc in docs {
        let found: Vec<Label> = recogniser
            .label_words(doc.words())
            .into_iter()
            .map(|(l, _)| l)
            .collect();
        let starts: Vec<bool> = doc.words().map(|(_, s)| s).collect();
        for (k, c) in conll::score(&doc.labels(), &found, &starts) {
            per[k as usize].add(c);
        }
    }
    let mut main = Counts::default();
    for k in [Kind::Person, Kind::Organisation, Kind::Location] {
        main.add(per[k as usize]);
    }
    (main, per)
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let mut dir: Option<PathBuf> = None;
    let mut out = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/recogniser.bin"
    ));
    let mut epochs = 12usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--out" => out = args.next().ok_or("--out needs a path")?.into(),
            "--epochs" => {
                epochs = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .ok_or("--epochs needs a number")?
            }
            _ if dir.is_none() => dir = Some(a.into()),
            _ => return Err(format!("unexpected argument {a}")),
        }
    }
    let dir = dir.ok_or("usage: train_recogniser DATA_DIR [--out FILE] [--epochs N]")?;
    let train = load(&dir, "train.txt")?;
    let dev = load(&dir, "valid.txt")?;
    let mut examples: Vec<Example> = train
        .iter()
        .map(|d| Example {
            doc: briefing_core::recognise::train::describe(d.words()),
            gold: d.labels(),
            aggregate: None,
        })
        .collect();
    eprintln!(
        "{} training documents, {} tokens; {} development documents",
        examples.len(),
        examples.iter().map(|e| e.gold.len()).sum::<usize>(),
        dev.len()
    );
    // The first pass: its number of epochs chosen on the development set.
    let mut trainer = Trainer::default();
    let mut best_first: Option<(f64, usize, FeatureMap<[f32; LABELS]>)> = None;
    for epoch in 1..=epochs {
        let started = std::time::Instant::now();
        let wrong = trainer.epoch(&examples, &shuffled(examples.len(), epoch as u64));
        let weights = trainer.averaged();
        let block = write(&weights, FLOOR);
        // Scored alone: as the second pass, after an empty first pass (the first pass's
        // features are all its own; the view of an empty pass adds nothing it knows).
        let alone = [write(&Default::default(), FLOOR), block.clone()].concat();
        let recogniser = Recogniser::from_bytes(&alone).map_err(|e| e.to_string())?;
        let (main, _) = score(&recogniser, &dev);
        eprintln!(
            "first pass, epoch {epoch:2}: {:.2}% of training tokens wrong; development F1 {:.4}; {} features; {:.1} s",
            100.0 * wrong,
            main.f1(),
            recogniser.features(),
            started.elapsed().as_secs_f64()
        );
        if best_first.as_ref().is_none_or(|(f, _, _)| main.f1() > *f) {
            best_first = Some((main.f1(), epoch, weights));
        }
    }
    let (_, first_epochs, first_run) = best_first.ok_or("no epochs run")?;
    // The first pass shipped: the mean of that run and SEEDS - 1 more, shuffled otherwise.
    let mut runs = vec![first_run];
    runs.extend((1..SEEDS).map(|seed| trained(&examples, first_epochs, seed)));
    let first = write(&mean(&runs), FLOOR);
    // The second pass learns from first passes that never saw the document it labels.
    let views = jackknife(&examples, first_epochs, FOLDS);
    for (e, view) in examples.iter_mut().zip(views) {
        e.aggregate = Some(view);
    }
    let mut trainer = Trainer::default();
    let mut best: Option<(f64, usize, FeatureMap<[f32; LABELS]>)> = None;
    for epoch in 1..=epochs {
        let started = std::time::Instant::now();
        let wrong = trainer.epoch(&examples, &shuffled(examples.len(), epoch as u64));
        let weights = trainer.averaged();
        let bytes = [first.clone(), write(&weights, FLOOR)].concat();
        let recogniser = Recogniser::from_bytes(&bytes).map_err(|e| e.to_string())?;
        let (main, per) = score(&recogniser, &dev);
        eprintln!(
            "second pass, epoch {epoch:2}: {:.2}% wrong; development F1 {:.4} (P {:.4}, R {:.4}; PER {:.4} ORG {:.4} LOC {:.4}); {:.1} MB; {:.1} s",
            100.0 * wrong,
            main.f1(),
            main.precision(),
            main.recall(),
            per[0].f1(),
            per[1].f1(),
            per[2].f1(),
            bytes.len() as f64 / 1e6,
            started.elapsed().as_secs_f64()
        );
        if best.as_ref().is_none_or(|(f, _, _)| main.f1() > *f) {
            best = Some((main.f1(), epoch, weights));
        }
    }
    let (f1, epoch, second_run) = best.ok_or("no epochs run")?;
    let mut runs = vec![second_run];
    runs.extend((1..SEEDS).map(|seed| trained(&examples, epoch, seed)));
    let bytes = [first, write(&mean(&runs), FLOOR)].concat();
    let recogniser = Recogniser::from_bytes(&bytes).map_err(|e| e.to_string())?;
    let (main, _) = score(&recogniser, &dev);
    eprintln!("mean of {SEEDS} runs: development F1 {:.4}", main.f1());
    eprintln!("first pass: {first_epochs} epochs");
    std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "kept epoch {epoch} (development F1 {f1:.4}): wrote {} ({:.1} MB)",
        out.display(),
        bytes.len() as f64 / 1e6
    );
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_recogniser: {e}");
            ExitCode::FAILURE
        }
    }
}
