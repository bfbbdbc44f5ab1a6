//! What the app remembers between runs: recent notebooks and the last one open.

use super::{StorageError, write_atomic};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How many recent notebooks the File menu lists.
const MAX_RECENT: usize = 10;

/// The app's own remembered state (not the user's documents).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Most recent first.
    #[serde(default)]
    pub recent: Vec<PathBuf>,
    /// The notebook open when the app last closed, reopened on start.
    #[serde(default)]
    pub last_notebook: Option<PathBuf>,
}

impl Settings {
    /// Reads settings; a missing file gives defaults. A damaged file is moved aside to
    /// `settings.ron.damaged` (so it is never silently overwritten) and defaults are used;
    /// the returned message says so.
    pub fn load(path: &Path) -> (Self, Option<String>) {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Self::default(), None),
            Err(e) => {
                return (
                    Self::default(),
                    Some(format!("{}: cannot read settings: {e}", path.display())),
                );
            }
        };
        match ron::from_str(&text) {
            Ok(s) => (s, None),
            Err(e) => {
                let aside = path.with_extension("ron.damaged");
                let moved = std::fs::rename(path, &aside).is_ok();
                let note = if moved {
                    format!(" (kept as {})", aside.display())
                } else {
                    String::new()
                };
                (
                    Self::default(),
                    Some(format!(
                        "{}: settings were damaged ({e}); starting with defaults{note}",
                        path.display()
                    )),
                )
            }
        }
    }

    /// Writes settings atomically, creating the folder.
    pub fn save(&self, path: &Path) -> Result<(), StorageError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| StorageError::Io {
                path: dir.to_path_buf(),
                action: "cannot create the settings folder",
                source,
            })?;
        }
        let text =
            ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::new()).map_err(|e| {
                StorageError::Invalid {
                    path: path.to_path_buf(),
                    problem: e.to_string(),
                }
            })?;
        write_atomic(path, text.as_bytes())
    }

    /// Puts `path` first in the recent list and remembers it as the last notebook.
    pub fn note_opened(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path.clone());
        self.recent.truncate(MAX_RECENT);
        self.last_notebook = Some(path);
    }

    /// Drops a path that no longer opens from the recent list.
    pub fn forget(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        if self.last_notebook.as_deref() == Some(path) {
            self.last_notebook = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_list_is_most_recent_first_without_duplicates() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("settings.ron");
        let mut s = Settings::default();
        let a = dir.path().join("a.ron");
        let b = dir.path().join("b.ron");
        s.note_opened(&a);
        s.note_opened(&b);
        s.note_opened(&a);
        assert_eq!(s.recent, vec![a.clone(), b]);
        s.save(&file).unwrap();
        assert_eq!(Settings::load(&file), (s, None));
    }

    #[test]
    fn damaged_settings_are_moved_aside() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("settings.ron");
        std::fs::write(&file, "(((").unwrap();
        let (s, note) = Settings::load(&file);
        assert_eq!(s, Settings::default());
        assert!(note.unwrap().contains("damaged"));
        assert!(dir.path().join("settings.ron.damaged").exists());
    }
}
