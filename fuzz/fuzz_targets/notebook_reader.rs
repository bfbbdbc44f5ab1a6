//! Any bytes given to the notebook reader: an error or a notebook, never a panic; and a
//! notebook that was read saves and reads back the same.
#![no_main]

use briefing_core::anchor::reanchor;
use briefing_core::storage::{from_ron, to_ron};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let path = Path::new("fuzz.ron");
    if let Ok(mut notebook) = from_ron(path, text) {
        let _ = reanchor(&mut notebook);
        let saved = to_ron(path, &notebook).expect("a notebook that was read serialises");
        let again = from_ron(path, &saved).expect("a saved notebook reads back");
        assert_eq!(to_ron(path, &again).ok(), Some(saved), "saving is deterministic");
    }
});
