//! An article a notebook annotates (the text of one source), embedded so a notebook opens
//! anywhere.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// An article's text and what is known about where it came from.
///
/// `text` is normalised once at import (LF line endings) and never re-normalised:
/// every evidence offset is a char offset into exactly this string.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// Headline, shown above the text and used as the brief's default title.
    pub title: String,
    /// Publisher or outlet, if known.
    #[serde(default)]
    pub publisher: Option<String>,
    /// Who wrote it, if known.
    #[serde(default)]
    pub author: Option<String>,
    /// Where the article was found, if known.
    #[serde(default)]
    pub url: Option<String>,
    /// Publication date as written by the source, if known.
    #[serde(default)]
    pub published: Option<String>,
    /// File name the article was imported from (for the user's reference only).
    #[serde(default)]
    pub imported_from: Option<String>,
    /// The full text. Shared, so undo snapshots of the notebook do not copy it.
    pub text: Arc<str>,
    /// SHA-256 of `text`, hex: tells a changed text apart on open.
    pub text_sha256: String,
}

impl Article {
    /// Builds an article from already-normalised text, computing its hash.
    pub fn new(title: impl Into<String>, text: impl Into<Arc<str>>) -> Self {
        let text: Arc<str> = text.into();
        Self {
            title: title.into(),
            publisher: None,
            author: None,
            url: None,
            published: None,
            imported_from: None,
            text_sha256: sha256_hex(&text),
            text,
        }
    }

    /// Number of chars in the text (the range of valid evidence offsets).
    pub fn char_len(&self) -> usize {
        self.text.chars().count()
    }

    /// Keeps what `old` knew about the source where this version does not say (publisher,
    /// author, URL, date): a corrected text replaces the old, the facts about it stay.
    pub fn keep_known_from(&mut self, old: &Article) {
        let keep = |new: &mut Option<String>, old: &Option<String>| {
            if new.is_none() {
                new.clone_from(old);
            }
        };
        keep(&mut self.publisher, &old.publisher);
        keep(&mut self.author, &old.author);
        keep(&mut self.url, &old.url);
        keep(&mut self.published, &old.published);
    }

    /// True when the stored hash matches the text.
    pub fn hash_matches(&self) -> bool {
        sha256_hex(&self.text) == self.text_sha256
    }
}

/// Lower-case hex SHA-256 of a string.
pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(64);
    for byte in digest {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}
