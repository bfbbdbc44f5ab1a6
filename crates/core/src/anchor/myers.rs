//! Myers' bit-parallel approximate string matching (1999), in Hyyrö/edlib's block form so
//! patterns of any length work: for every position of a text, the smallest edit distance
//! between the whole pattern and some substring ending there, in O(n · m/64).

use std::collections::HashMap;

/// A pattern prepared for searching.
pub struct Myers {
    len: usize,
    blocks: usize,
    /// For ASCII chars, their match bit-vectors; others go through `other`.
    ascii: Vec<Vec<u64>>,
    other: HashMap<char, Vec<u64>>,
    zeros: Vec<u64>,
}

impl Myers {
    /// Prepares `pattern` (chars). An empty pattern matches nowhere.
    pub fn new(pattern: &[char]) -> Self {
        let len = pattern.len();
        let blocks = len.div_ceil(64).max(1);
        let mut ascii = vec![vec![0u64; blocks]; 128];
        let mut other: HashMap<char, Vec<u64>> = HashMap::new();
        for (i, &c) in pattern.iter().enumerate() {
            let v = if (c as u32) < 128 {
                &mut ascii[c as usize]
            } else {
                other.entry(c).or_insert_with(|| vec![0u64; blocks])
            };
            v[i / 64] |= 1u64 << (i % 64);
        }
        Self {
            len,
            blocks,
            ascii,
            other,
            zeros: vec![0u64; blocks],
        }
    }

    fn peq(&self, c: char) -> &[u64] {
        if (c as u32) < 128 {
            &self.ascii[c as usize]
        } else {
            self.other.get(&c).map_or(&self.zeros, Vec::as_slice)
        }
    }

    /// Every end position `e` (exclusive, index into `text`) where the pattern matches a
    /// substring ending at `e` with at most `max_errors` edits, with that distance.
    pub fn find_ends(&self, text: &[char], max_errors: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        if self.len == 0 {
            return out;
        }
        let mut pv = vec![u64::MAX; self.blocks];
        let mut mv = vec![0u64; self.blocks];
        let last_bit = 1u64 << ((self.len - 1) % 64);
        let mut score = self.len as isize;
        for (j, &c) in text.iter().enumerate() {
            let eq_all = self.peq(c);
            // The top row of the matrix is all zeros (a match may start anywhere).
            let mut hin: i8 = 0;
            for b in 0..self.blocks {
                let high = if b + 1 == self.blocks {
                    last_bit
                } else {
                    1u64 << 63
                };
                let (hout, p, m) = advance(pv[b], mv[b], eq_all[b], hin, high);
                pv[b] = p;
                mv[b] = m;
                hin = hout;
            }
            score += hin as isize;
            if score >= 0 && (score as usize) <= max_errors {
                out.push((j + 1, score as usize));
            }
        }
        out
    }
}

/// One block of one column (edlib's `calculateBlock`): vertical deltas in `pv`/`mv`,
/// horizontal delta `hin` entering at the top, returns the delta leaving at row `high`.
#[inline]
fn advance(pv: u64, mv: u64, eq: u64, hin: i8, high: u64) -> (i8, u64, u64) {
    let hin_neg = u64::from(hin < 0);
    let xv = eq | mv;
    let eq = eq | hin_neg;
    let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
    let mut ph = mv | !(xh | pv);
    let mut mh = pv & xh;
    let hout = if ph & high != 0 {
        1
    } else if mh & high != 0 {
        -1
    } else {
        0
    };
    ph <<= 1;
    mh <<= 1;
    mh |= hin_neg;
    ph |= u64::from(hin > 0);
    (hout, mh | !(xv | ph), ph & xv)
}

/// Plain edit distance between two short strings (for prefix/suffix and start recovery).
pub fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Where the best alignment of `pattern` ending exactly at `text.len()` starts, given the
/// region before the end (semi-global DP over a small window).
pub fn best_start(pattern: &[char], text: &[char]) -> usize {
    // D[i][j]: distance of pattern[i..] against text[j..end], aligning suffixes; the
    // alignment must reach the end of `text` and may start at any j.
    let (m, n) = (pattern.len(), text.len());
    let mut next: Vec<usize> = (0..=n).map(|j| n - j).collect(); // i = m: delete the rest of text
    let mut cur = vec![0usize; n + 1];
    for i in (0..m).rev() {
        cur[n] = m - i;
        for j in (0..n).rev() {
            let sub = next[j + 1] + usize::from(pattern[i] != text[j]);
            cur[j] = sub.min(next[j] + 1).min(cur[j + 1] + 1);
        }
        std::mem::swap(&mut next, &mut cur);
    }
    // Row 0 now holds, per start j, the cost of aligning the whole pattern to text[j..].
    let mut best = (usize::MAX, n);
    for (j, &d) in next.iter().enumerate() {
        if d < best.0 || (d == best.0 && j > best.1) {
            best = (d, j);
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    /// The same answer as the quadratic dynamic programme, for short and long patterns.
    fn naive_ends(pattern: &[char], text: &[char], k: usize) -> Vec<(usize, usize)> {
        let m = pattern.len();
        let mut col: Vec<usize> = (0..=m).collect();
        let mut out = Vec::new();
        for (j, &c) in text.iter().enumerate() {
            let mut prev_diag = col[0];
            col[0] = 0;
            for i in 1..=m {
                let tmp = col[i];
                col[i] = (prev_diag + usize::from(pattern[i - 1] != c))
                    .min(col[i] + 1)
                    .min(col[i - 1] + 1);
                prev_diag = tmp;
            }
            if col[m] <= k {
                out.push((j + 1, col[m]));
            }
        }
        out
    }

    #[test]
    fn agrees_with_the_quadratic_algorithm() {
        let text = chars(&"Лавров met “Jeenbekov” in Bishkek; the talks went on. ".repeat(6));
        for pattern in [
            "Jeenbekov",
            "Jenbekov in Biskek",
            "the talks went on. Лавров met “Jeenbekov” in Bishkek; the talks went on. Лавров me",
        ] {
            let p = chars(pattern);
            let k = p.len() / 3;
            assert_eq!(
                Myers::new(&p).find_ends(&text, k),
                naive_ends(&p, &text, k),
                "{pattern}"
            );
        }
    }

    #[test]
    fn start_of_a_match_is_recovered() {
        let text = chars("xx the quick brown fox");
        let p = chars("quick brwn");
        let (end, d) = Myers::new(&p)
            .find_ends(&text, 2)
            .into_iter()
            .min_by_key(|x| x.1)
            .unwrap();
        assert_eq!(d, 1);
        let start = best_start(&p, &text[..end]);
        assert_eq!(text[start..end].iter().collect::<String>(), "quick brown");
        assert_eq!(edit_distance(&chars("kitten"), &chars("sitting")), 3);
    }
}
