//! What the app says about autosaved recovery files: storage hands over data (a path, a
//! time in seconds), the sentences are made here.

use briefing_core::dates::Date;
use briefing_core::storage::Recoverable;

/// "unsaved changes to brief.ron, autosaved 28 November 2026 at 00:51 UTC": which
/// notebook a recovery file holds and when it was written.
pub fn describe(recoverable: &Recoverable) -> String {
    let content = &recoverable.content;
    let name = content.original.as_deref().map_or_else(
        || {
            let title = content
                .notebook
                .first_source()
                .map(|s| s.article.title.as_str());
            format!("a new notebook on “{}”", title.unwrap_or_default())
        },
        |p| p.display().to_string(),
    );
    format!("{name}, autosaved {}", when(content.saved_at))
}

/// "28 November 2026 at 00:51 UTC": a recovery file's time, in UTC because the app knows
/// no time zones.
pub fn when(unix_seconds: u64) -> String {
    let date = Date::from_unix_days((unix_seconds / 86_400) as i64);
    let secs = unix_seconds % 86_400;
    format!("{date} at {:02}:{:02} UTC", secs / 3600, secs % 3600 / 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use briefing_core::model::{Article, Notebook};
    use briefing_core::storage::RecoveryFile;
    use std::path::PathBuf;

    fn recoverable(original: Option<PathBuf>) -> Recoverable {
        Recoverable {
            file: PathBuf::from("recovery/untitled-1.ron"),
            content: RecoveryFile {
                format: 1,
                original,
                saved_at: 86_400 * 20_420 + 3_660,
                pid: 0,
                notebook: Notebook::new(Article::new("Kabul", "Text.")),
            },
            reports: Vec::new(),
        }
    }

    #[test]
    fn times_are_told_in_utc() {
        assert_eq!(
            when(86_400 * 20_420 + 3_660),
            "28 November 2025 at 01:01 UTC"
        );
    }

    #[test]
    fn a_recovery_file_is_described_by_its_notebook_and_time() {
        assert_eq!(
            describe(&recoverable(None)),
            "a new notebook on “Kabul”, autosaved 28 November 2025 at 01:01 UTC"
        );
        assert_eq!(
            describe(&recoverable(Some(PathBuf::from("brief.ron")))),
            "brief.ron, autosaved 28 November 2025 at 01:01 UTC"
        );
    }
}
