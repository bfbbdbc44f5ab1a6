//! Any bytes given to the article importer, as text, Markdown or HTML: an error or an article
//! whose text is normalised (no CR) and whose spans can be taken and found again.
#![no_main]

use briefing_core::anchor::{evidence_for, locate};
use briefing_core::import::{ArticleFormat, import_bytes};
use briefing_core::model::{AnchorStatus, TextIndex};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for format in [ArticleFormat::Text, ArticleFormat::Markdown, ArticleFormat::Html] {
        let Ok(article) = import_bytes(data, format) else { continue };
        assert!(!article.text.contains('\r'), "line endings are normalised");
        let index = TextIndex::new(&article.text);
        let len = index.char_len();
        if len == 0 {
            continue;
        }
        let start = data.len() % len;
        let end = (start + 1 + data.first().copied().unwrap_or(0) as usize).min(len);
        let evidence = evidence_for(1, &article.text, &index, 2, start, end);
        let found = locate(&article.text, &index, &evidence);
        assert_eq!(found.status, AnchorStatus::Exact);
    }
});
