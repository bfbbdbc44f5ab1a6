//! Char offsets to byte offsets in O(1)-ish without a table per char.

/// How many chars lie between two samples of the byte table.
const STRIDE: usize = 64;

/// Converts char offsets (what evidence stores and egui reports) to byte offsets.
///
/// Keeps the byte offset of every 64th char, so a 10 MB text costs ~1.3 MB of table
/// and a lookup scans at most 63 chars.
#[derive(Clone, Debug)]
pub struct TextIndex {
    samples: Vec<usize>,
    char_len: usize,
    byte_len: usize,
}

impl TextIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut samples = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut char_len = 0;
        for (i, (byte, _)) in text.char_indices().enumerate() {
            if i % STRIDE == 0 {
                samples.push(byte);
            }
            char_len = i + 1;
        }
        Self {
            samples,
            char_len,
            byte_len: text.len(),
        }
    }

    /// Number of chars in the indexed text.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Byte offset of char `char_pos` (clamped to the end of the text).
    pub fn byte_of(&self, text: &str, char_pos: usize) -> usize {
        if char_pos >= self.char_len {
            return self.byte_len;
        }
        let base = self.samples[char_pos / STRIDE];
        let skip = char_pos % STRIDE;
        text[base..]
            .char_indices()
            .nth(skip)
            .map_or(self.byte_len, |(b, _)| base + b)
    }

    /// The text between two char offsets (clamped, and empty when reversed).
    pub fn slice<'a>(&self, text: &'a str, start: usize, end: usize) -> &'a str {
        let a = self.byte_of(text, start);
        let b = self.byte_of(text, end.max(start));
        &text[a..b]
    }

    /// Char offset of a byte offset that lies on a char boundary.
    pub fn char_of(&self, text: &str, byte_pos: usize) -> usize {
        let byte_pos = byte_pos.min(self.byte_len);
        let sample = self
            .samples
            .partition_point(|&b| b <= byte_pos)
            .saturating_sub(1);
        let base = self.samples.get(sample).copied().unwrap_or(0);
        sample * STRIDE + text[base..byte_pos].chars().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_multibyte_text() {
        let text: String = "Лавров “said” é ".repeat(40);
        let index = TextIndex::new(&text);
        assert_eq!(index.char_len(), text.chars().count());
        for (i, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.byte_of(&text, i), byte);
            assert_eq!(index.char_of(&text, byte), i);
        }
        assert_eq!(index.byte_of(&text, index.char_len() + 5), text.len());
        assert_eq!(index.slice(&text, 0, 6), "Лавров");
        assert_eq!(index.slice(&text, 6, 2), "");
    }
}
