//! Case-insensitive find in the article, in char offsets.

/// Folds a char for case-insensitive matching, one char to one char so offsets agree.
fn fold(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Every non-overlapping occurrence of `query` in `text`, ignoring case, as char ranges.
pub fn find_all(text: &str, query: &str) -> Vec<(usize, usize)> {
    let query: Vec<char> = query.chars().map(fold).collect();
    if query.is_empty() {
        return Vec::new();
    }
    let folded: Vec<char> = text.chars().map(fold).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + query.len() <= folded.len() {
        if folded[i] == query[0] && folded[i..i + query.len()] == query[..] {
            out.push((i, i + query.len()));
            i += query.len();
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ignoring_case_in_char_offsets() {
        let text = "Лавров met LAVROV’s aide; lavrov";
        assert_eq!(find_all(text, "лавров"), vec![(0, 6)]);
        assert_eq!(find_all(text, "lavrov"), vec![(11, 17), (26, 32)]);
        assert!(find_all(text, "").is_empty());
    }
}
