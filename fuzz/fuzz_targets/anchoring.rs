//! Re-attaching a span to arbitrary text: never a panic, never a range outside the text,
//! and an exact or moved result really holds the quote.
#![no_main]

use briefing_core::anchor::locate;
use briefing_core::model::{AnchorStatus, Evidence, TextIndex};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    // "text\u{0}quote\u{0}prefix\u{0}suffix\u{0}start"
    let mut parts = s.split('\0');
    let (Some(text), Some(quote)) = (parts.next(), parts.next()) else { return };
    let prefix = parts.next().unwrap_or("");
    let suffix = parts.next().unwrap_or("");
    let start: usize = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
    let evidence = Evidence {
        id: 1,
        source: 1,
        start,
        end: start.saturating_add(quote.chars().count()),
        quote: quote.to_owned(),
        prefix: prefix.to_owned(),
        suffix: suffix.to_owned(),
        status: AnchorStatus::Exact,
    };
    let index = TextIndex::new(text);
    let found = locate(text, &index, &evidence);
    if found.status != AnchorStatus::Orphaned {
        assert!(found.start <= found.end && found.end <= index.char_len());
    }
    if matches!(found.status, AnchorStatus::Exact | AnchorStatus::Moved) {
        assert_eq!(index.slice(text, found.start, found.end), quote);
    }
});
