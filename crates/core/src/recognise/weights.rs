//! The trained weights as shipped (`assets/recogniser.bin`, compiled in), and the table the
//! recogniser looks them up in.
//!
//! A file is two blocks of weights, the first pass's and the second's. Block layout,
//! little-endian: the 8-byte magic `BNREC\x01\0\0`, the label count (u32),
//! the feature count n (u32), the scale (f32), then n feature ids (u64, ascending), then
//! n rows of one i16 per label. A weight is its i16 times the scale.

use super::decode::Weights;
use super::labels::LABELS;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The first bytes of a weights file.
pub const MAGIC: [u8; 8] = *b"BNREC\x01\0\0";
/// Bytes before the feature ids.
pub const HEADER: usize = 20;

/// The length of the block of weights `bytes` starts with, if it has the layout above for
/// the labels this build knows.
pub const fn block_len(bytes: &[u8]) -> Option<usize> {
    if bytes.len() < HEADER {
        return None;
    }
    let mut i = 0;
    while i < 8 {
        if bytes[i] != MAGIC[i] {
            return None;
        }
        i += 1;
    }
    let labels = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]) as usize;
    let n = u32::from_le_bytes([bytes[12], bytes[13], bytes[14], bytes[15]]) as usize;
    let len = HEADER + n * (8 + 2 * LABELS);
    if labels == LABELS && bytes.len() >= len {
        Some(len)
    } else {
        None
    }
}

/// True when `bytes` is two blocks of weights and nothing else: the first pass's and the
/// second's. A `const fn`, so the shipped file is checked when the program is compiled.
pub const fn well_formed(bytes: &[u8]) -> bool {
    match block_len(bytes) {
        Some(first) => {
            let (_, rest) = bytes.split_at(first);
            matches!(block_len(rest), Some(second) if second == rest.len())
        }
        None => false,
    }
}

/// The two blocks of a file `well_formed` accepts (the second empty if there is none).
pub fn blocks(bytes: &[u8]) -> (&[u8], &[u8]) {
    bytes.split_at(block_len(bytes).unwrap_or(bytes.len()))
}

/// Feature ids are FNV hashes already: mix them once more and use them as they are.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (x ^ (x >> 29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// A map keyed by feature id.
pub type FeatureMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// The weights, ready to score with: a small map from feature to row number, and the rows
/// as stored (i16, scaled when added), which keeps both dense in the cache.
pub struct Table {
    index: FeatureMap<u32>,
    rows: Vec<[i16; LABELS]>,
    scale: f32,
}

impl Table {
    /// Reads a weights file that `well_formed` accepts. Anything past what the header
    /// promises is ignored, and a short file gives the rows it holds (neither happens to
    /// the shipped file: the build checks it).
    pub fn read(bytes: &[u8]) -> Table {
        let field = |at: usize| -> [u8; 4] {
            let mut b = [0u8; 4];
            if let Some(s) = bytes.get(at..at + 4) {
                b.copy_from_slice(s);
            }
            b
        };
        let scale = f32::from_le_bytes(field(16));
        let promised = u32::from_le_bytes(field(12)) as usize;
        let row_bytes = 8 + 2 * LABELS;
        let n = promised.min(bytes.len().saturating_sub(HEADER) / row_bytes);
        let keys = &bytes[HEADER.min(bytes.len())..];
        let values = keys.get(promised * 8..).unwrap_or(&[]);
        let mut index = FeatureMap::with_capacity_and_hasher(n, Default::default());
        let mut rows = Vec::with_capacity(n);
        for (k, (key, row)) in keys
            .chunks_exact(8)
            .zip(values.chunks_exact(2 * LABELS))
            .take(n)
            .enumerate()
        {
            let mut kb = [0u8; 8];
            kb.copy_from_slice(key);
            let mut weights = [0i16; LABELS];
            for (w, b) in weights.iter_mut().zip(row.chunks_exact(2)) {
                *w = i16::from_le_bytes([b[0], b[1]]);
            }
            index.insert(u64::from_le_bytes(kb), k as u32);
            rows.push(weights);
        }
        Table { index, rows, scale }
    }

    /// How many features have weights.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when no feature has weights.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

impl Weights for Table {
    fn add_row(&self, feature: u64, scores: &mut [f32; LABELS]) {
        if let Some(&k) = self.index.get(&feature)
            && let Some(row) = self.rows.get(k as usize)
        {
            for (s, &w) in scores.iter_mut().zip(row) {
                *s += f32::from(w) * self.scale;
            }
        }
    }
}

/// Writes weights in the layout above, each row quantised to i16 against the largest
/// weight. Rows whose largest weight is below `floor` are left out (they barely move a
/// score, and they are most of the file).
pub fn write(rows: &FeatureMap<[f32; LABELS]>, floor: f32) -> Vec<u8> {
    let max = rows
        .values()
        .flat_map(|r| r.iter())
        .fold(0f32, |m, w| m.max(w.abs()));
    let scale = if max > 0.0 {
        max / f32::from(i16::MAX)
    } else {
        1.0
    };
    let mut kept: Vec<(u64, [i16; LABELS])> = rows
        .iter()
        .filter(|(_, r)| r.iter().any(|w| w.abs() >= floor))
        .map(|(k, r)| {
            let mut q = [0i16; LABELS];
            for (q, w) in q.iter_mut().zip(r) {
                *q = (w / scale)
                    .round()
                    .clamp(f32::from(i16::MIN), f32::from(i16::MAX)) as i16;
            }
            (*k, q)
        })
        .filter(|(_, q)| q.iter().any(|&w| w != 0))
        .collect();
    kept.sort_unstable_by_key(|(k, _)| *k);
    let mut out = Vec::with_capacity(HEADER + kept.len() * (8 + 2 * LABELS));
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&(LABELS as u32).to_le_bytes());
    out.extend_from_slice(&(kept.len() as u32).to_le_bytes());
    out.extend_from_slice(&scale.to_le_bytes());
    for (k, _) in &kept {
        out.extend_from_slice(&k.to_le_bytes());
    }
    for (_, q) in &kept {
        for w in q {
            out.extend_from_slice(&w.to_le_bytes());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_round_trip_through_the_file_layout() {
        let mut rows = FeatureMap::default();
        rows.insert(7, [1.0, -2.0, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 4.0]);
        rows.insert(3, [0.001; LABELS]);
        let bytes = write(&rows, 0.01);
        assert_eq!(block_len(&bytes), Some(bytes.len()));
        assert!(!well_formed(&bytes), "one block is not a whole file");
        let pair = [bytes.clone(), bytes.clone()].concat();
        assert!(well_formed(&pair));
        assert_eq!(blocks(&pair).1, &bytes[..]);
        let table = Table::read(&bytes);
        assert_eq!(table.len(), 1, "the row under the floor is left out");
        let mut scores = [0f32; LABELS];
        table.add_row(7, &mut scores);
        table.add_row(3, &mut scores);
        assert!(
            (scores[0] - 1.0).abs() < 1e-3 && (scores[8] - 4.0).abs() < 1e-3,
            "{scores:?}"
        );
        assert!(!well_formed(&pair[..pair.len() - 1]));
        let mut other = pair.clone();
        other[0] = b'X';
        assert!(!well_formed(&other));
    }
}
