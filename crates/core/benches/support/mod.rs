//! Generated data for the benchmarks: deterministic, so every run measures the same thing.

#![allow(dead_code)]

use briefing_core::anchor::evidence_for;
use briefing_core::model::{Actor, ActorKind, Article, Id, Notebook, Source, TextIndex};

/// `runs` timings of `f`, after one untimed warm-up run (caches filled, pages in).
pub fn time(runs: usize, mut f: impl FnMut()) -> Vec<std::time::Duration> {
    f();
    (0..runs)
        .map(|_| {
            let t = std::time::Instant::now();
            f();
            t.elapsed()
        })
        .collect()
}

/// A small deterministic generator (xorshift).
pub struct Rng(pub u64);

impl Rng {
    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Words of the generated text; the capitalised ones double as actor names.
pub const WORDS: &[&str] = &[
    "minister",
    "talks",
    "border",
    "security",
    "Moscow",
    "Kabul",
    "Taliban",
    "región",
    "договор",
    "delegation",
    "ceasefire",
    "withdrawal",
    "troops",
    "alliance",
    "envoy",
    "summit",
    "trade",
    "sanctions",
    "pipeline",
    "election",
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "that",
    "with",
    "“negotiations”",
    "agreement",
    "officials",
    "said",
    "on",
    "Tuesday",
    "regional",
    "influence",
];

fn sentence(rng: &mut Rng, names: &[String]) -> String {
    let n = 8 + rng.below(18);
    let mut out = String::new();
    for i in 0..n {
        let word: &str = if !names.is_empty() && rng.below(12) == 0 {
            &names[rng.below(names.len())]
        } else {
            WORDS[rng.below(WORDS.len())]
        };
        if i == 0 {
            let mut cs = word.chars();
            out.extend(cs.next().map(|c| c.to_uppercase().collect::<String>()));
            out.extend(cs);
        } else {
            out.push(' ');
            out.push_str(word);
        }
    }
    out.push('.');
    out
}

/// Names for `n` actors ("Actor Alpha 17"...), each with one alias.
pub fn actor_names(n: usize) -> Vec<(String, String)> {
    (0..n)
        .map(|i| (format!("Envoy Karimov {i}"), format!("Karimov-{i}")))
        .collect()
}

/// About `bytes` of article text in paragraphs of 3-7 sentences, mentioning `names`.
pub fn article_text(bytes: usize, names: &[String], seed: u64) -> String {
    let mut rng = Rng(seed | 1);
    let mut text = String::from("A Generated Report on Regional Security\n");
    while text.len() < bytes {
        for _ in 0..(3 + rng.below(5)) {
            text.push_str(&sentence(&mut rng, names));
            text.push(' ');
        }
        text.pop();
        text.push('\n');
    }
    text
}

/// A notebook on a generated article of about `bytes`, with `actors` actors whose names
/// appear in the text and `spans` evidence spans spread over them.
pub fn notebook(bytes: usize, actors: usize, spans: usize) -> Notebook {
    let names = actor_names(actors);
    let mentionable: Vec<String> = names
        .iter()
        .flat_map(|(n, a)| [n.clone(), a.clone()])
        .collect();
    let text = article_text(bytes, &mentionable, 0x9E37_79B9_7F4A_7C15);
    let mut nb = Notebook::new(Article::new(
        "A Generated Report on Regional Security",
        text.clone(),
    ));
    let source = nb.sources[0].id;
    for (name, alias) in &names {
        let id = nb.allocate_id();
        nb.actors.push(Actor {
            id,
            name: name.clone(),
            aliases: vec![alias.clone()],
            kind: ActorKind::Person,
            role: "Special envoy".into(),
            ..Actor::default()
        });
    }
    spread_spans(&mut nb, source, &text, spans, &mut Rng(42));
    nb
}

/// Attaches `spans` spans of 20-120 chars, at random places in `source`'s `text`, to
/// random actors.
fn spread_spans(nb: &mut Notebook, source: Id, text: &str, spans: usize, rng: &mut Rng) {
    let index = TextIndex::new(text);
    let total = index.char_len();
    if nb.actors.is_empty() || total < 200 {
        return;
    }
    for _ in 0..spans {
        let start = rng.below(total - 150);
        let len = 20 + rng.below(100);
        let id = nb.allocate_id();
        let ev = evidence_for(source, text, &index, id, start, start + len);
        let a = rng.below(nb.actors.len());
        nb.actors[a].evidence.push(ev);
    }
}

/// A notebook of `count` sources of about `bytes` each (different generated texts that
/// mention the same `actors`), with `spans` evidence spans spread over the sources.
pub fn notebook_of_sources(count: usize, bytes: usize, actors: usize, spans: usize) -> Notebook {
    let per_source = spans / count.max(1);
    let mut nb = notebook(bytes, actors, per_source);
    let mentionable: Vec<String> = nb
        .actors
        .iter()
        .flat_map(|a| [a.name.clone(), a.aliases[0].clone()])
        .collect();
    let mut rng = Rng(7);
    for k in 1..count {
        let text = article_text(bytes, &mentionable, 0x9E37_79B9 + k as u64);
        let id = nb.allocate_id();
        let title = format!("Generated report {}", k + 1);
        nb.sources
            .push(Source::new(id, Article::new(title, text.clone())));
        spread_spans(&mut nb, id, &text, per_source, &mut rng);
    }
    nb
}
