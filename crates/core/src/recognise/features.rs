//! What the recogniser looks at for each token, as hashed feature ids: the word and its
//! neighbours, their shapes, prefixes and suffixes, the gazetteers, the labels it gave the
//! previous two tokens, and what the rest of the document says about the word (seen in
//! lower case elsewhere, labelled before).

use super::gazetteer::{GAZ_BITS, gazetteer};
use super::labels::{Kind, Label};
use super::weights::IdHasher;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

/// Maps and sets keyed by a document's words: FNV, not SipHash (nothing here is an
/// attacker's choice, and it is hashed per token).
type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;
type FastSet<K> = HashSet<K, BuildHasherDefault<IdHasher>>;

/// What is known of one token before labelling.
#[derive(Clone, Debug)]
pub struct TokenInfo {
    /// As written (straight quotes).
    pub word: String,
    /// Lower case.
    pub lower: String,
    /// Chars as X, x, d or themselves, repeats collapsed ("Xx", "X.X.", "d,d").
    pub shape: String,
    /// First token of a sentence.
    pub sentence_start: bool,
    /// Last token of a sentence.
    pub sentence_end: bool,
    /// Its sentence is in capitals (a wire-service headline).
    pub headline: bool,
    /// Capitalised here, and seen in lower case elsewhere in the document.
    pub lower_elsewhere: bool,
    /// At a sentence's start, and seen capitalised in mid-sentence elsewhere.
    pub cap_elsewhere: bool,
    /// Gazetteer hits, as bits (see `GAZ_*`).
    pub gazetteer: u16,
}

fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    for c in word.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if last != Some(class) {
            out.push(class);
            last = Some(class);
        }
    }
    out
}

/// A document's tokens and their features, given its words and which start a sentence.
pub fn describe<'a>(words: impl Iterator<Item = (&'a str, bool)>) -> Doc {
    let mut tokens = facts(words);
    // Words, lower-cased words and word types (a word, in a headline or not) as numbers.
    let mut word_of = Vec::with_capacity(tokens.len());
    let mut lower_of = Vec::with_capacity(tokens.len());
    let mut type_of = Vec::with_capacity(tokens.len());
    let mut first_of_type: Vec<usize> = Vec::new();
    {
        let mut words: FastMap<&str, u32> = FastMap::default();
        let mut lowers: FastMap<&str, u32> = FastMap::default();
        let mut types: FastMap<(u32, bool), u32> = FastMap::default();
        for (i, t) in tokens.iter().enumerate() {
            let next = words.len() as u32;
            let w = *words.entry(t.word.as_str()).or_insert(next);
            let next = lowers.len() as u32;
            lower_of.push(*lowers.entry(t.lower.as_str()).or_insert(next));
            word_of.push(w);
            type_of.push(*types.entry((w, t.headline)).or_insert_with(|| {
                first_of_type.push(i);
                first_of_type.len() as u32 - 1
            }));
        }
    }
    // Gazetteers, once per word type.
    let bits: Vec<u16> = first_of_type
        .iter()
        .map(|&i| {
            let t = &tokens[i];
            if t.headline {
                gazetteer(&title_case(&t.word))
            } else {
                gazetteer(&t.word)
            }
        })
        .collect();
    for (t, &k) in tokens.iter_mut().zip(&type_of) {
        t.gazetteer = bits[k as usize];
    }
    let types = Flat::build(first_of_type.len(), |k, out| {
        type_features(&tokens[first_of_type[k]], out)
    });
    let context = Flat::build(tokens.len(), |i, out| context_features(&tokens, i, out));
    let words = word_of.iter().max().map_or(0, |m| *m as usize + 1);
    let lowers = lower_of.iter().max().map_or(0, |m| *m as usize + 1);
    Doc {
        tokens,
        type_of,
        word_of,
        lower_of,
        words,
        lowers,
        types,
        context,
    }
}

/// The per-token facts of one document, given its words and which start a sentence.
fn facts<'a>(words: impl Iterator<Item = (&'a str, bool)>) -> Vec<TokenInfo> {
    let mut out: Vec<TokenInfo> = words
        .map(|(w, start)| TokenInfo {
            word: w.to_owned(),
            lower: w.to_lowercase(),
            shape: shape(w),
            sentence_start: start,
            sentence_end: false,
            headline: false,
            lower_elsewhere: false,
            cap_elsewhere: false,
            gazetteer: 0,
        })
        .collect();
    let n = out.len();
    for i in 0..n {
        out[i].sentence_end = i + 1 == n || out[i + 1].sentence_start;
    }
    // Headlines: sentences whose letters are nearly all capitals.
    let mut s = 0;
    while s < n {
        let mut e = s + 1;
        while e < n && !out[e].sentence_start {
            e += 1;
        }
        let (mut upper, mut letters) = (0usize, 0usize);
        for t in &out[s..e] {
            for c in t.word.chars().filter(|c| c.is_alphabetic()) {
                letters += 1;
                upper += usize::from(c.is_uppercase());
            }
        }
        let headline = letters >= 8 && upper * 10 >= letters * 9;
        for t in &mut out[s..e] {
            t.headline = headline;
        }
        s = e;
    }
    // Words the document also writes in lower case, away from a sentence's start.
    let lower_seen: FastSet<&str> = out
        .iter()
        .filter(|t| {
            !t.sentence_start
                && !t.headline
                && t.word.chars().next().is_some_and(char::is_lowercase)
        })
        .map(|t| t.word.as_str())
        .collect();
    let flags: Vec<bool> = out
        .iter()
        .map(|t| {
            t.word.chars().next().is_some_and(char::is_uppercase)
                && lower_seen.contains(t.lower.as_str())
        })
        .collect();
    let caps_seen: FastSet<&str> = out
        .iter()
        .filter(|t| {
            !t.sentence_start
                && !t.headline
                && t.word.chars().next().is_some_and(char::is_uppercase)
        })
        .map(|t| t.word.as_str())
        .collect();
    let cap_flags: Vec<bool> = out
        .iter()
        .map(|t| {
            (t.sentence_start || t.headline) && caps_seen.contains(title_case(&t.word).as_str())
        })
        .collect();
    for (t, flag) in out.iter_mut().zip(cap_flags) {
        t.cap_elsewhere = flag;
    }
    for (t, flag) in out.iter_mut().zip(flags) {
        t.lower_elsewhere = flag;
    }
    out
}

/// "RUSSIA" as "Russia", for looking headline words up in the gazetteers.
fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

/// FNV-1a over a template id and its parts: a feature's id.
fn hash(template: u8, parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(template);
    h = h.wrapping_mul(0x0100_0000_01b3);
    for part in parts {
        for &b in part.as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

const BOS: &str = "<s>";
const EOS: &str = "</s>";

fn lw<'a>(o: Option<&'a TokenInfo>, edge: &'static str) -> &'a str {
    o.map_or(edge, |t| t.lower.as_str())
}

fn sh<'a>(o: Option<&'a TokenInfo>, edge: &'static str) -> &'a str {
    o.map_or(edge, |t| t.shape.as_str())
}

/// Names of the gazetteer bits, as feature parts.
const BIT_NAMES: [&str; GAZ_BITS as usize] = [
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
];

fn gazetteer_features(template: u8, bits: u16, out: &mut Vec<u64>) {
    for (bit, name) in BIT_NAMES.iter().enumerate() {
        if bits & (1 << bit) != 0 {
            out.push(hash(template, &[name]));
        }
    }
}

/// The features of a word whatever its place: the word, its shape, prefixes and suffixes,
/// its gazetteers. The same for every token of one word type (`Doc::type_of`).
fn type_features(t: &TokenInfo, out: &mut Vec<u64>) {
    out.push(hash(0, &[]));
    out.push(hash(1, &[&t.lower]));
    if t.shape.contains('d') {
        let digits: String = t
            .lower
            .chars()
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect();
        out.push(hash(29, &[&digits]));
    }
    out.push(hash(2, &[&t.word]));
    out.push(hash(7, &[&t.shape]));
    let bounds: Vec<usize> = t
        .lower
        .char_indices()
        .map(|(b, _)| b)
        .chain([t.lower.len()])
        .collect();
    let chars = bounds.len() - 1;
    for k in 1..=4.min(chars) {
        out.push(hash(13 + k as u8, &[&t.lower[..bounds[k]]]));
        out.push(hash(17 + k as u8, &[&t.lower[bounds[chars - k]..]]));
    }
    if t.word.chars().any(|c| c.is_ascii_digit()) {
        out.push(hash(22, &["digit"]));
    }
    if t.word.contains('-') {
        out.push(hash(22, &["hyphen"]));
    }
    if t.headline {
        out.push(hash(22, &["headline"]));
        out.push(hash(23, &[&t.lower]));
    }
    gazetteer_features(24, t.gazetteer, out);
}

/// The features of token `i` in its place: its neighbours, their shapes, the
/// capitalisation around it, where it stands in its sentence, what the document says of it.
fn context_features(doc: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    let t = &doc[i];
    let prev = |k: usize| -> Option<&TokenInfo> {
        let mut j = i;
        for _ in 0..k {
            if doc[j].sentence_start || j == 0 {
                return None;
            }
            j -= 1;
        }
        Some(&doc[j])
    };
    let next = |k: usize| -> Option<&TokenInfo> {
        let mut j = i;
        for _ in 0..k {
            if doc[j].sentence_end || j + 1 >= doc.len() {
                return None;
            }
            j += 1;
        }
        Some(&doc[j])
    };
    let (p1, p2, n1, n2) = (prev(1), prev(2), next(1), next(2));
    out.push(hash(3, &[lw(p1, BOS)]));
    out.push(hash(4, &[lw(n1, EOS)]));
    out.push(hash(5, &[lw(p2, BOS)]));
    out.push(hash(6, &[lw(n2, EOS)]));
    out.push(hash(8, &[sh(p1, BOS), &t.shape]));
    out.push(hash(9, &[&t.shape, sh(n1, EOS)]));
    out.push(hash(10, &[lw(p1, BOS), &t.lower]));
    out.push(hash(11, &[&t.lower, lw(n1, EOS)]));
    out.push(hash(12, &[sh(p1, BOS), &t.shape, sh(n1, EOS)]));
    // Capitalisation across the window: "c" capitalised, "a" all capitals, "l" lower, "o"
    // other, "_" past the sentence.
    let case = |o: Option<&TokenInfo>| -> u8 {
        match o {
            None => b'_',
            Some(t) if t.shape == "X" && t.word.chars().nth(1).is_some() => b'a',
            Some(t) if t.shape.starts_with('X') => b'c',
            Some(t) if t.shape.starts_with('x') => b'l',
            Some(_) => b'o',
        }
    };
    let pattern = [case(p2), case(p1), case(Some(t)), case(n1), case(n2)];
    // ASCII by construction.
    let pattern = std::str::from_utf8(&pattern).unwrap_or_default();
    out.push(hash(27, &[pattern]));
    out.push(hash(28, &[pattern.get(1..4).unwrap_or_default()]));
    let cap = t.word.chars().next().is_some_and(char::is_uppercase);
    let mut flag = |name: &str, on: bool| {
        if on {
            out.push(hash(22, &[name]));
        }
    };
    flag("cap-first", cap && t.sentence_start);
    flag("cap-mid", cap && !t.sentence_start);
    flag("lower-elsewhere", t.lower_elsewhere);
    flag("cap-elsewhere", t.cap_elsewhere);
    flag("after-the", p1.is_some_and(|p| p.lower == "the"));
    // Gazetteers of the words either side.
    for (template, o) in [(25u8, p1), (26, n1)] {
        if let Some(o) = o {
            gazetteer_features(template, o.gazetteer, out);
        }
    }
}

/// Feature ids of many items, end to end: item `i`'s are `ids[at[i]..at[i + 1]]`.
#[derive(Clone, Debug, Default)]
pub struct Flat {
    ids: Vec<u64>,
    at: Vec<u32>,
}

impl Flat {
    fn build(n: usize, mut each: impl FnMut(usize, &mut Vec<u64>)) -> Flat {
        let mut flat = Flat {
            ids: Vec::with_capacity(n * 24),
            at: Vec::with_capacity(n + 1),
        };
        flat.at.push(0);
        for i in 0..n {
            each(i, &mut flat.ids);
            flat.at.push(flat.ids.len() as u32);
        }
        flat
    }

    /// The ids of item `i` (none past the end).
    pub fn get(&self, i: usize) -> &[u64] {
        match (self.at.get(i), self.at.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.ids[a as usize..b as usize],
            _ => &[],
        }
    }

    /// How many items.
    pub fn len(&self) -> usize {
        self.at.len().saturating_sub(1)
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A document ready to label: its tokens, and the features that do not depend on labels.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    /// Its tokens.
    pub tokens: Vec<TokenInfo>,
    /// Each token's word type, an index into `types`.
    pub type_of: Vec<u32>,
    /// Each token's word, numbered (`words` of them).
    pub word_of: Vec<u32>,
    /// Each token's word in lower case, numbered (`lowers` of them).
    pub lower_of: Vec<u32>,
    /// How many different words.
    pub words: usize,
    /// How many different lower-cased words.
    pub lowers: usize,
    /// The features of each word type (`type_features`).
    pub types: Flat,
    /// The features of each token in its place (`context_features`).
    pub context: Flat,
}

/// The features that depend on the labels already given: the previous two labels, and the
/// kind the document gave this word before.
pub fn label_features(
    whole: &Doc,
    i: usize,
    labels: &[Label],
    history: &[Option<Kind>],
    out: &mut Vec<u64>,
) {
    let t = &whole.tokens[i];
    let doc = &whole.tokens[..];
    let at = |k: usize| -> &'static str {
        if i < k || (1..=k).any(|d| doc[i + 1 - d].sentence_start) {
            BOS
        } else {
            labels[i - k].name()
        }
    };
    let (l1, l2) = (at(1), at(2));
    out.push(hash(30, &[l1]));
    out.push(hash(31, &[l2, l1]));
    out.push(hash(32, &[l1, &t.lower]));
    out.push(hash(33, &[l1, &t.shape]));
    if let Some(Some(kind)) = history.get(whole.word_of[i] as usize) {
        out.push(hash(34, &[kind.name()]));
        out.push(hash(35, &[kind.name(), &t.shape]));
    }
}

/// What the first pass said about the whole document, as features of each token for the
/// second: the first-pass labels around it, the kind the first pass gave this word most
/// often anywhere in the document (before or after), and the kind of a longer name this
/// word is part of elsewhere ("Blair" alone, "Tony Blair" elsewhere).
pub fn aggregate(whole: &Doc, first: &[Label]) -> Flat {
    let doc = &whole.tokens[..];
    let starts: Vec<bool> = doc.iter().map(|t| t.sentence_start).collect();
    let mut votes: Vec<[u32; 5]> = vec![[0; 5]; whole.lowers];
    for (&w, l) in whole.lower_of.iter().zip(first) {
        votes[w as usize][l.kind().map_or(4, |k| k as usize)] += 1;
    }
    let mut in_longer: Vec<Option<Kind>> = vec![None; whole.words];
    for (a, b, kind) in super::conll::names(first, &starts) {
        if b - a >= 2 {
            for &w in &whole.word_of[a..b] {
                in_longer[w as usize].get_or_insert(kind);
            }
        }
    }
    // The words around each other use of the same word, for context aggregation.
    let mut contexts: Vec<Vec<u32>> = vec![Vec::new(); whole.lowers];
    for (i, t) in doc.iter().enumerate() {
        if t.word.chars().next().is_some_and(char::is_uppercase) {
            contexts[whole.lower_of[i] as usize].push(i as u32);
        }
    }
    let name = |i: Option<usize>, edge: &'static str| i.map_or(edge, |i| first[i].name());
    // One buffer for every token's "words around other uses" (no allocation per token).
    let mut around: Vec<u64> = Vec::with_capacity(16);
    Flat::build(doc.len(), |i, out| {
        let t = &doc[i];
        let p = (!t.sentence_start && i > 0).then(|| i - 1);
        let n = (!t.sentence_end && i + 1 < doc.len()).then_some(i + 1);
        out.extend([
            hash(40, &[name(p, BOS)]),
            hash(41, &[first[i].name()]),
            hash(42, &[name(n, EOS)]),
            hash(43, &[first[i].name(), name(n, EOS)]),
            hash(44, &[name(p, BOS), first[i].name()]),
        ]);
        if let Some(v) = votes.get(whole.lower_of[i] as usize) {
            let named: u32 = v[..4].iter().sum();
            if let Some((k, &count)) = v[..4].iter().enumerate().max_by_key(|(_, c)| **c)
                && count > 0
            {
                let kind = Kind::ALL[k].name();
                out.push(hash(45, &[kind]));
                let most = if count * 2 > named + v[4] {
                    "most"
                } else {
                    "some"
                };
                out.push(hash(46, &[kind, most]));
            }
        }
        if t.word.chars().next().is_some_and(char::is_uppercase)
            && let Some(Some(k)) = in_longer.get(whole.word_of[i] as usize)
        {
            out.push(hash(47, &[k.name()]));
        }
        if let Some(others) = contexts
            .get(whole.lower_of[i] as usize)
            .filter(|o| !o.is_empty())
        {
            around.clear();
            for j in others
                .iter()
                .map(|&j| j as usize)
                .filter(|&j| j != i)
                .take(8)
            {
                if j > 0 && !doc[j].sentence_start {
                    around.push(hash(48, &[&doc[j - 1].lower]));
                }
                if j + 1 < doc.len() && !doc[j].sentence_end {
                    around.push(hash(49, &[&doc[j + 1].lower]));
                }
            }
            around.sort_unstable();
            around.dedup();
            out.extend_from_slice(&around);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognise::gazetteer::GAZ_COUNTRY;

    #[test]
    fn shapes_and_document_facts() {
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("Lavrov"), "Xx");
        assert_eq!(shape("47,600"), "d,d");
        let words = [
            ("RUSSIA", true),
            ("TALKS", false),
            ("STALL", false),
            ("The", true),
            ("talks", false),
            ("Talks", true),
            ("go", false),
        ];
        let doc = describe(words.into_iter());
        assert_eq!(doc.types.len(), 7);
        assert_eq!(doc.context.len(), 7);
        let doc = doc.tokens;
        assert!(doc[0].headline && doc[1].headline);
        assert!(!doc[3].headline);
        assert!(
            doc[5].lower_elsewhere,
            "Talks at a sentence start, talks elsewhere"
        );
        assert!(!doc[3].lower_elsewhere);
        assert_ne!(doc[0].gazetteer & GAZ_COUNTRY, 0, "RUSSIA found as Russia");
        assert!(doc[2].sentence_end && !doc[1].sentence_end);
    }
}
