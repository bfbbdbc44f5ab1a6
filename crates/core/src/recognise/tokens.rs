//! Words and punctuation of running text, split the way the CoNLL-2003 news data the
//! recogniser learned from is split ("U.S." one token, "Russia's" two, "Yukos-owned" one),
//! with the char offsets each came from.

/// One token of an article.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// Its text, with curly quotes and apostrophes made straight (as in the training data).
    pub text: String,
    /// Char offset of its first char in the article.
    pub start: usize,
    /// Char offset just past its last char.
    pub end: usize,
    /// The first token of a sentence, a headline or a line.
    pub sentence_start: bool,
}

/// Word endings split off as their own token, as the training data does.
const CLITICS: &[&str] = &["'s", "n't", "'re", "'ve", "'ll", "'d", "'m"];

fn straight(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02bc}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}' => '"',
        _ => c,
    }
}

/// Punctuation that is always a token of its own.
fn always_split(c: char) -> bool {
    matches!(
        c,
        '"' | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '\u{2014}'
            | '\u{2013}'
            | '\u{2026}'
            | '/'
    )
}

/// Splits `text` into tokens. Sentences end at ".", "!", "?" standing alone, and at line
/// breaks (headlines, paragraphs).
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().map(straight).collect();
    let mut out: Vec<Token> = Vec::with_capacity(chars.len() / 5);
    let mut sentence_start = true;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            sentence_start = true;
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        // A chunk of non-space chars, then split into tokens.
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() {
            i += 1;
        }
        split_chunk(&chars, start, i, &mut sentence_start, &mut out);
    }
    out
}

fn push(out: &mut Vec<Token>, chars: &[char], a: usize, b: usize, sentence_start: &mut bool) {
    if a >= b {
        return;
    }
    let text: String = chars[a..b].iter().collect();
    let ends = matches!(text.as_str(), "." | "!" | "?");
    out.push(Token {
        text,
        start: a,
        end: b,
        sentence_start: *sentence_start,
    });
    *sentence_start = ends;
}

fn split_chunk(
    chars: &[char],
    mut a: usize,
    mut b: usize,
    sentence_start: &mut bool,
    out: &mut Vec<Token>,
) {
    // Leading punctuation and quotes.
    while a < b
        && (always_split(chars[a])
            || chars[a] == '\''
            || chars[a] == '-' && b - a > 1 && chars[a + 1] == '-')
    {
        if chars[a] == '-' {
            push(out, chars, a, a + 2, sentence_start);
            a += 2;
        } else {
            push(out, chars, a, a + 1, sentence_start);
            a += 1;
        }
    }
    // Trailing punctuation, kept aside to push after the word.
    let mut tail: Vec<(usize, usize)> = Vec::new();
    loop {
        if a >= b {
            break;
        }
        let last = chars[b - 1];
        if always_split(last) || last == '\'' && !(b - a >= 2 && chars[b - 2] == 's') {
            tail.push((b - 1, b));
            b -= 1;
        } else if last == '\'' {
            // "Workers'": the plural possessive is its own token.
            tail.push((b - 1, b));
            b -= 1;
            break;
        } else if last == '.' {
            // Abbreviations and initials keep their full stop ("Mr.", "Corp.", "U.S."): the
            // same list the reviewer's sentence splitter uses.
            let word: String = chars[a..b].iter().collect();
            if crate::sentences::is_abbreviation(&word) {
                break;
            }
            tail.push((b - 1, b));
            b -= 1;
        } else {
            break;
        }
    }
    // Inside the word: dashes between words split it ("war--and", "Kabul—Moscow").
    let mut s = a;
    let mut k = a;
    while k < b {
        if chars[k] == '\u{2014}'
            || chars[k] == '\u{2013}'
            || (chars[k] == '-' && k + 1 < b && chars[k + 1] == '-')
        {
            push_word(out, chars, s, k, sentence_start);
            let w = if chars[k] == '-' { 2 } else { 1 };
            push(out, chars, k, k + w, sentence_start);
            k += w;
            s = k;
        } else {
            k += 1;
        }
    }
    push_word(out, chars, s, b, sentence_start);
    for (x, y) in tail.into_iter().rev() {
        push(out, chars, x, y, sentence_start);
    }
}

/// Pushes a word, splitting off a clitic ending ("Russia" "'s", "do" "n't").
fn push_word(out: &mut Vec<Token>, chars: &[char], a: usize, b: usize, sentence_start: &mut bool) {
    if a >= b {
        return;
    }
    for clitic in CLITICS {
        let n = clitic.chars().count();
        if b - a > n {
            let tail: String = chars[b - n..b].iter().collect::<String>().to_lowercase();
            if tail == *clitic {
                push(out, chars, a, b - n, sentence_start);
                push(out, chars, b - n, b, sentence_start);
                return;
            }
        }
    }
    push(out, chars, a, b, sentence_start);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn splits_like_the_training_data() {
        assert_eq!(
            texts("Russia’s “gas” deal with the U.S. isn't done, Mr. Putin said."),
            [
                "Russia", "'s", "\"", "gas", "\"", "deal", "with", "the", "U.S.", "is", "n't",
                "done", ",", "Mr.", "Putin", "said", "."
            ]
        );
        assert_eq!(
            texts("The Kurdistan Workers' Party (PKK) and Yukos-owned firms--again."),
            [
                "The",
                "Kurdistan",
                "Workers",
                "'",
                "Party",
                "(",
                "PKK",
                ")",
                "and",
                "Yukos-owned",
                "firms",
                "--",
                "again",
                "."
            ]
        );
    }

    #[test]
    fn offsets_and_sentence_starts() {
        let toks = tokenize("Lavrov left.\nTalks in Kabul — “soon”. Then he spoke");
        let by = |w: &str| toks.iter().find(|t| t.text == w).unwrap().clone();
        let kabul = by("Kabul");
        let text: Vec<char> = "Lavrov left.\nTalks in Kabul — “soon”. Then he spoke"
            .chars()
            .collect();
        assert_eq!(
            text[kabul.start..kabul.end].iter().collect::<String>(),
            "Kabul"
        );
        assert!(by("Lavrov").sentence_start);
        assert!(by("Talks").sentence_start);
        assert!(!by("Kabul").sentence_start);
        assert!(by("Then").sentence_start, "{toks:?}");
        assert!(!by("he").sentence_start);
        assert_eq!(by("soon").text, "soon");
    }
}
