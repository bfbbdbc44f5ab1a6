//! Adding sources to the open notebook: files chosen or dropped, or the clipboard. Files
//! that fail are named in one message while the others come in; a text the notebook
//! already holds is left out until the user says to add it anyway.

use super::{Effect, FileFlow, display_name};
use crate::import_text::import_error_message;
use crate::modals::Modal;
use briefing_core::session::{AddOptions, Duplicate, Session};
use std::path::PathBuf;

impl FileFlow {
    /// Adds `paths` as sources (one undo step) and says what came of each.
    pub(super) fn add_sources(
        &mut self,
        session: &mut Session,
        paths: &[PathBuf],
        allow_duplicates: bool,
    ) {
        let options = AddOptions {
            allow_duplicates,
            ..AddOptions::default()
        };
        let outcome = match session.add_sources(paths, options) {
            Ok(outcome) => outcome,
            Err(e) => {
                self.status(format!("Could not add the sources: {e}"));
                return;
            }
        };
        if let Some(&first) = outcome.added.first() {
            self.out.push(Effect::ShowSource(first));
        }
        self.status(match outcome.added.len() {
            0 => "No source added.".to_owned(),
            1 => "Added 1 source. Grade it in the Sources tab.".to_owned(),
            n => format!("Added {n} sources. Grade them in the Sources tab."),
        });
        let failed = (!outcome.failed.is_empty()).then(|| {
            let lines: Vec<String> = outcome
                .failed
                .iter()
                .map(|e| format!("• {}", import_error_message(e)))
                .collect();
            format!(
                "{} could not be added{}:\n{}\nSave the article as text or HTML and add that file instead.",
                counted_files(outcome.failed.len()),
                if outcome.added.is_empty() {
                    ""
                } else {
                    " (the others were added)"
                },
                lines.join("\n")
            )
        });
        if outcome.duplicates.is_empty() {
            if let Some(failed) = failed {
                self.show(Modal::Error(failed));
            }
            return;
        }
        let mut message = duplicates_message(session, &outcome.duplicates);
        if let Some(failed) = failed {
            message = format!("{failed}\n\n{message}");
        }
        let paths = outcome.duplicates.into_iter().map(|d| d.path).collect();
        self.show(Modal::AddAnyway {
            message,
            paths: Some(paths),
        });
    }

    /// Adds the clipboard's article (or text) as a source.
    pub(super) fn add_pasted(&mut self, session: &mut Session, allow_duplicates: bool) {
        let content = self.clipboard.read();
        let options = AddOptions {
            allow_duplicates,
            ..AddOptions::default()
        };
        match session.add_pasted(content.html.as_deref(), content.text.as_deref(), options) {
            Ok(Ok(id)) => {
                self.out.push(Effect::ShowSource(id));
                self.status("Added the clipboard as a source. Grade it in the Sources tab.".to_owned());
            }
            Ok(Err(duplicate)) => {
                let message = duplicates_message(session, &[duplicate]);
                self.show(Modal::AddAnyway {
                    message,
                    paths: None,
                });
            }
            Err(e) => self.show(Modal::Error(format!(
                "Clipboard: {e}. Copy the article's text (or select the article on a web page and copy it), then try again."
            ))),
        }
    }
}

/// "report.txt has the same text as source [2] “Title”." for each duplicate.
fn duplicates_message(session: &Session, duplicates: &[Duplicate]) -> String {
    let nb = session.document().notebook();
    duplicates
        .iter()
        .map(|d| {
            let number = nb.source_number(d.of).unwrap_or_default();
            let name = if d.path.as_os_str() == "clipboard" {
                "The clipboard".to_owned()
            } else {
                display_name(&d.path)
            };
            format!(
                "{name} has the same text as source [{number}] “{}”.",
                d.title
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// "1 file", "3 files".
fn counted_files(n: usize) -> String {
    crate::panes::counted(n, "file")
}
