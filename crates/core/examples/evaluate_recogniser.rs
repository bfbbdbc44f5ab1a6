//! Measures the shipped name recogniser and the actor suggestions built on it, on the
//! CoNLL-2003 test set (`test.txt`; never used in training or tuning).
//!
//! ```text
//! scripts/fetch-conll2003.sh
//! cargo run --release -p briefing-core --example evaluate_recogniser -- target/conll2003
//! ```
//!
//! Prints, per kind and for persons, organisations and places together, the entity-level
//! precision, recall and F1 of the recogniser on the data's own words (as `conlleval`
//! counts them: exact words and kind). Then the document level: each test document is
//! written out as text (one sentence a line) and given to `suggest`, exactly as an
//! imported article would be, and its suggestions are compared with the document's gold
//! actors:
//! - every gold person and organisation is an actor; a gold place or other name is one
//!   only when it names a country (by name, demonym or capital, as the suggester's
//!   country list does), and then the actor is that country;
//! - gold mentions of one person by full name and by last name alone are one actor, and
//!   so are an organisation's one-word short form and the one longer name it starts, and
//!   its acronym in brackets after its name ("World Boxing Council ( WBC )");
//! - a suggestion matches a gold actor when its name or an alias is one of the actor's
//!   mentions (case ignored), or when both are the same country; matches are one to one,
//!   and a second suggestion for an actor already matched counts as a duplicate (noise);
//! - the kind is right when a person is a Person, an organisation an Organisation or an
//!   ArmedGroup, and a country a State.
//!
//! `DUMP_DOC=name` prints each document with a gold actor of that (lower-case) name, with
//! its suggestions. `DUMP_NAMES=1` lists the names missed and the false ones (on stderr); `DUMP_ACTORS=1`
//! the suggestions that matched no gold actor or duplicated one, and the gold actors missed. Add `valid` after the
//! folder to measure the development set instead (what the suggester's rules were tuned on).

use briefing_core::model::{ActorKind, Article, Source};
use briefing_core::recognise::conll::{self, Counts, Document};
use briefing_core::recognise::{Kind, Label, Recogniser};
use briefing_core::suggest::{country_of, suggest};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

/// A gold actor of one document.
struct GoldActor {
    kind: ActorKind,
    /// Its mentions' words, lower case.
    names: Vec<String>,
}

/// The document as an article's text: one sentence a line, words spaced as in print.
fn detokenize(doc: &Document) -> String {
    let mut out = String::new();
    for sentence in &doc.sentences {
        let mut open_quote = false;
        let mut glue_next = true;
        for (w, _) in sentence {
            let w = w.as_str();
            let attach = matches!(
                w,
                "," | "."
                    | ";"
                    | ":"
                    | "!"
                    | "?"
                    | ")"
                    | "'s"
                    | "n't"
                    | "'"
                    | "%"
                    | "'re"
                    | "'ve"
                    | "'ll"
                    | "'d"
                    | "'m"
            ) || (w == "\"" && open_quote);
            if !glue_next && !attach {
                out.push(' ');
            }
            out.push_str(w);
            glue_next = matches!(w, "(" | "$") || (w == "\"" && !open_quote);
            if w == "\"" {
                open_quote = !open_quote;
            }
        }
        out.push('\n');
    }
    out
}

fn gold_actors(doc: &Document) -> Vec<GoldActor> {
    let words: Vec<&str> = doc.words().map(|(w, _)| w).collect();
    let starts: Vec<bool> = doc.words().map(|(_, s)| s).collect();
    let mut persons: Vec<Vec<String>> = Vec::new();
    let mut orgs: BTreeMap<String, ()> = BTreeMap::new();
    let mut countries: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    let gold_names = conll::names(&doc.labels(), &starts);
    // An organisation's acronym in brackets right after its name: "World Boxing Council
    // ( WBC )".
    let mut acronym_of: BTreeMap<String, String> = BTreeMap::new();
    for pair in gold_names.windows(2) {
        let ((a, b, k1), (c, d, k2)) = (pair[0], pair[1]);
        if k1 == Kind::Organisation
            && k2 == Kind::Organisation
            && c == b + 1
            && d == c + 1
            && words[b] == "("
            && words.get(d) == Some(&")")
        {
            acronym_of.insert(
                words[c].to_lowercase(),
                words[a..b].join(" ").to_lowercase(),
            );
        }
    }
    for &(a, b, kind) in &gold_names {
        let name = words[a..b].join(" ");
        match kind {
            Kind::Person => persons.push(vec![name.to_lowercase()]),
            Kind::Organisation => {
                orgs.insert(name.to_lowercase(), ());
            }
            Kind::Location | Kind::Misc => {
                if let Some(c) = country_of(&name) {
                    countries.entry(c).or_default().push(name.to_lowercase());
                }
            }
        }
    }
    // People: one actor per full name; a last name alone joins the one full name it ends.
    persons.sort();
    persons.dedup();
    let (full, single): (Vec<Vec<String>>, Vec<Vec<String>>) =
        persons.into_iter().partition(|p| p[0].contains(' '));
    let mut people = full;
    for s in single {
        let owners: Vec<usize> = (0..people.len())
            .filter(|&i| people[i][0].rsplit(' ').next() == Some(s[0].as_str()))
            .collect();
        match owners[..] {
            [i] => people[i].push(s[0].clone()),
            _ => people.push(s),
        }
    }
    let mut out: Vec<GoldActor> = people
        .into_iter()
        .map(|names| GoldActor {
            kind: ActorKind::Person,
            names,
        })
        .collect();
    // Organisations: a one-word short form joins the one longer name it starts.
    let orgs: Vec<String> = orgs.into_keys().collect();
    let mut org_actors: Vec<Vec<String>> = orgs
        .iter()
        .filter(|o| o.contains(' '))
        .map(|o| vec![o.clone()])
        .collect();
    for o in orgs.iter().filter(|o| !o.contains(' ')) {
        let owners: Vec<usize> = (0..org_actors.len())
            .filter(|&i| match acronym_of.get(o) {
                Some(full) => org_actors[i][0] == *full,
                None => org_actors[i][0].split(' ').next() == Some(o.as_str()),
            })
            .collect();
        match owners[..] {
            [i] => org_actors[i].push(o.clone()),
            _ => org_actors.push(vec![o.clone()]),
        }
    }
    out.extend(org_actors.into_iter().map(|names| GoldActor {
        kind: ActorKind::Organisation,
        names,
    }));
    out.extend(countries.into_iter().map(|(c, mut names)| {
        names.push(c.to_lowercase());
        GoldActor {
            kind: ActorKind::State,
            names,
        }
    }));
    out
}

#[derive(Default)]
struct Tally {
    gold: usize,
    suggested: usize,
    matched: usize,
    kind_right: usize,
    duplicates: usize,
}

/// A name as compared with the gold: case, spaces and a final full stop ignored. The gold
/// is tokenised ("Boatmen 's", and "Lear Corp" before a sentence's own full stop); the
/// suggester names actors from the running text ("Boatmen's", "Lear Corp.").
fn match_key(name: &str) -> String {
    let key: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    key.trim_end_matches('.').to_owned()
}

fn kind_right(gold: ActorKind, found: ActorKind) -> bool {
    gold == found || (gold == ActorKind::Organisation && found == ActorKind::ArmedGroup)
}

fn actors(doc: &Document, tally: &mut Tally) {
    let report = std::env::var_os("DUMP_ACTORS").is_some();
    let gold = gold_actors(doc);
    let article = Article::new("", detokenize(doc).as_str());
    let found = suggest(&[Source::new(1, article)], &[]);
    if let Ok(needle) = std::env::var("DUMP_DOC")
        && gold.iter().any(|g| g.names.contains(&needle))
    {
        eprintln!("{}", detokenize(doc));
        for s in &found {
            eprintln!("  {:?} {} {:?}", s.kind, s.name, s.aliases);
        }
    }
    tally.gold += gold.len();
    tally.suggested += found.len();
    let mut taken = vec![false; gold.len()];

    for s in &found {
        let names: Vec<String> = std::iter::once(&s.name)
            .chain(&s.aliases)
            .map(|n| match_key(n))
            .collect();
        let hit = gold
            .iter()
            .position(|g| g.names.iter().any(|n| names.contains(&match_key(n))));
        match hit {
            Some(g) if !taken[g] => {
                taken[g] = true;
                tally.matched += 1;
                tally.kind_right += usize::from(kind_right(gold[g].kind, s.kind));
            }
            Some(g) => {
                tally.duplicates += 1;
                if report {
                    eprintln!("DUPLICATE {} of {:?}", s.name, gold[g].names);
                }
            }
            None => {
                if report {
                    eprintln!("NOISE {:?} {}", s.kind, s.name);
                }
            }
        }
    }
    if report {
        let text = detokenize(doc);
        let chars: Vec<char> = text.chars().collect();
        let names: Vec<(String, Kind)> = briefing_core::recognise::Recogniser::shipped()
            .names(&text)
            .into_iter()
            .map(|n| {
                (
                    chars[n.start..n.end]
                        .iter()
                        .collect::<String>()
                        .to_lowercase(),
                    n.kind,
                )
            })
            .collect();
        for (g, taken) in gold.iter().zip(&taken) {
            if !taken {
                let seen: Vec<&str> = names
                    .iter()
                    .filter(|(n, _)| g.names.contains(n))
                    .map(|(_, k)| k.name())
                    .collect();
                eprintln!("MISSED {:?} {:?} recognised as {seen:?}", g.kind, g.names);
            }
        }
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let dir: PathBuf = args
        .next()
        .ok_or("usage: evaluate_recogniser DATA_DIR [valid|test] (run scripts/fetch-conll2003.sh first)")?
        .into();
    // The development set, for tuning what is built on the recogniser; the test set (the
    // default) for the figures reported.
    let set = args.next().unwrap_or_else(|| "test".to_owned());
    let path = dir.join(format!("{set}.txt"));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let docs = conll::read(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let recogniser = Recogniser::shipped();

    let mut per = [Counts::default(); 4];
    let mut tokens = 0;
    let started = std::time::Instant::now();
    for doc in &docs {
        let found: Vec<Label> = recogniser
            .label_words(doc.words())
            .into_iter()
            .map(|(l, _)| l)
            .collect();
        tokens += found.len();
        let starts: Vec<bool> = doc.words().map(|(_, s)| s).collect();
        for (k, c) in conll::score(&doc.labels(), &found, &starts) {
            per[k as usize].add(c);
        }
        if std::env::var_os("DUMP_NAMES").is_some() {
            let words: Vec<&str> = doc.words().map(|(w, _)| w).collect();
            let g = conll::names(&doc.labels(), &starts);
            let f = conll::names(&found, &starts);
            for n in &g {
                if !f.contains(n) {
                    eprintln!("MISS {} {}", n.2.name(), words[n.0..n.1].join(" "));
                }
            }
            for n in &f {
                if !g.contains(n) {
                    eprintln!("FALSE {} {}", n.2.name(), words[n.0..n.1].join(" "));
                }
            }
        }
    }
    let took = started.elapsed();
    println!(
        "CoNLL-2003 {set}: {} documents, {tokens} tokens ({:.0} ms to label)",
        docs.len(),
        took.as_secs_f64() * 1e3
    );
    println!("entity level     precision  recall      F1   names");
    let mut main = Counts::default();
    for k in Kind::ALL {
        let c = per[k as usize];
        if k != Kind::Misc {
            main.add(c);
        }
        println!(
            "  {:<13} {:>10.4} {:>7.4} {:>7.4} {:>7}",
            k.name(),
            c.precision(),
            c.recall(),
            c.f1(),
            c.gold
        );
    }
    println!(
        "  {:<13} {:>10.4} {:>7.4} {:>7.4} {:>7}",
        "PER+ORG+LOC",
        main.precision(),
        main.recall(),
        main.f1(),
        main.gold
    );

    let mut t = Tally::default();
    for doc in &docs {
        actors(doc, &mut t);
    }
    println!(
        "document level (actors via suggest): {} gold actors, {} suggested, {} matched, {} duplicates",
        t.gold, t.suggested, t.matched, t.duplicates
    );
    println!(
        "  actor recall {:.3}, precision {:.3}, kind right for {:.1} % of matches",
        t.matched as f64 / t.gold.max(1) as f64,
        t.matched as f64 / t.suggested.max(1) as f64,
        100.0 * t.kind_right as f64 / t.matched.max(1) as f64
    );
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("evaluate_recogniser: {e}");
            ExitCode::FAILURE
        }
    }
}
