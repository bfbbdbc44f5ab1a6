//! Autosave and crash recovery: unsaved changes go to a recovery file in the per-user data
//! folder, written off the UI thread; after a crash the next start offers them back.

use super::{StorageError, write_atomic};
use crate::brief::Date;
use crate::model::Notebook;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// What a recovery file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecoveryFile {
    /// Format of this wrapper (1).
    pub format: u32,
    /// The notebook file the changes belong to, if it had been saved.
    pub original: Option<PathBuf>,
    /// When the autosave was written, seconds since 1970 (UTC).
    pub saved_at: u64,
    /// Process that wrote it (a live one is another window's, not a crash).
    pub pid: u32,
    /// The notebook with its unsaved changes.
    pub notebook: Notebook,
}

/// A recovery file found on start.
#[derive(Clone, Debug)]
pub struct Recoverable {
    /// The recovery file.
    pub file: PathBuf,
    /// Its content.
    pub content: RecoveryFile,
}

impl Recoverable {
    /// "unsaved changes to brief.ron, autosaved 28 November 2026 at 00:51 UTC".
    pub fn describe(&self) -> String {
        let name = self.content.original.as_deref().map_or_else(
            || {
                format!(
                    "a new notebook on “{}”",
                    self.content.notebook.article.title
                )
            },
            |p| p.display().to_string(),
        );
        format!("{name}, autosaved {}", when(self.content.saved_at))
    }
}

/// "28 November 2026 at 00:51 UTC".
pub fn when(unix_seconds: u64) -> String {
    let date = Date::from_unix_days((unix_seconds / 86_400) as i64);
    let secs = unix_seconds % 86_400;
    format!("{date} at {:02}:{:02} UTC", secs / 3600, secs % 3600 / 60)
}

fn now_unix() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The folder of recovery files.
#[derive(Clone, Debug)]
pub struct RecoveryStore {
    dir: PathBuf,
}

impl RecoveryStore {
    /// Recovery files in `dir` (created when first written).
    pub fn new(dir: PathBuf) -> Self {
        Self { dir }
    }

    /// A stable file name for a notebook's recovery file: from its path when it has one,
    /// else unique to this session.
    pub fn key_for(path: Option<&Path>) -> String {
        match path {
            Some(p) => {
                let p = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
                let digest = Sha256::digest(p.to_string_lossy().as_bytes());
                let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
                format!("notebook-{hex}")
            }
            None => format!(
                "untitled-{}-{}",
                std::process::id(),
                SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos())
            ),
        }
    }

    fn file(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.ron"))
    }

    /// Writes the recovery file for `key` atomically.
    pub fn write(
        &self,
        key: &str,
        original: Option<&Path>,
        notebook: &Notebook,
    ) -> Result<(), StorageError> {
        std::fs::create_dir_all(&self.dir).map_err(|source| StorageError::Io {
            path: self.dir.clone(),
            action: "cannot create the recovery folder",
            source,
        })?;
        let content = RecoveryFile {
            format: 1,
            original: original.map(Path::to_path_buf),
            saved_at: now_unix(),
            pid: std::process::id(),
            notebook: notebook.clone(),
        };
        let text =
            ron::ser::to_string_pretty(&content, ron::ser::PrettyConfig::new().struct_names(true))
                .map_err(|e| StorageError::Invalid {
                    path: self.file(key),
                    problem: e.to_string(),
                })?;
        write_atomic(&self.file(key), text.as_bytes())
    }

    /// Removes the recovery file for `key`, if any.
    pub fn remove(&self, key: &str) {
        let _ = std::fs::remove_file(self.file(key));
    }

    /// Removes a recovery file by path.
    pub fn remove_file(&self, file: &Path) {
        if file.starts_with(&self.dir) {
            let _ = std::fs::remove_file(file);
        }
    }

    /// The key of a recovery file (its file stem).
    pub fn key_of(file: &Path) -> Option<String> {
        file.file_stem().map(|s| s.to_string_lossy().into_owned())
    }

    /// Recovery files left by a crash: not another running window's, and not of a notebook
    /// saved since (those are deleted). Damaged files are left alone and skipped.
    pub fn leftovers(&self) -> Vec<Recoverable> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for entry in entries.flatten() {
            let file = entry.path();
            if file.extension().and_then(|e| e.to_str()) != Some("ron") {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&file) else {
                continue;
            };
            let Ok(content) = ron::Options::default()
                .with_recursion_limit(64)
                .from_str::<RecoveryFile>(&text)
            else {
                continue;
            };
            if content.pid != std::process::id() && process_alive(content.pid) {
                continue;
            }
            if saved_since(&content) {
                self.remove_file(&file);
                continue;
            }
            found.push(Recoverable { file, content });
        }
        found.sort_by_key(|r| std::cmp::Reverse(r.content.saved_at));
        found
    }
}

/// True when the original notebook was saved after the autosave was written.
fn saved_since(content: &RecoveryFile) -> bool {
    let Some(original) = &content.original else {
        return false;
    };
    std::fs::metadata(original)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .is_some_and(|t| t.as_secs() > content.saved_at)
}

#[cfg(target_os = "linux")]
fn process_alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

#[cfg(not(target_os = "linux"))]
fn process_alive(_pid: u32) -> bool {
    false
}

/// When to autosave: a few seconds after the last edit, and never more than `max_wait`
/// after the first unsaved one, so steady typing is still saved.
#[derive(Clone, Copy, Debug)]
pub struct AutosavePolicy {
    /// Quiet time after an edit before saving.
    pub delay: Duration,
    /// Longest time unsaved changes wait while edits keep coming.
    pub max_wait: Duration,
}

impl Default for AutosavePolicy {
    fn default() -> Self {
        Self {
            delay: Duration::from_secs(3),
            max_wait: Duration::from_secs(30),
        }
    }
}

impl AutosavePolicy {
    /// How long until an autosave is due, given the time since the last edit and since the
    /// oldest change not yet autosaved (zero: now).
    pub fn due_in(&self, since_last_edit: Duration, since_first_pending: Duration) -> Duration {
        let by_quiet = self.delay.saturating_sub(since_last_edit);
        let by_age = self.max_wait.saturating_sub(since_first_pending);
        by_quiet.min(by_age)
    }
}

enum Job {
    Write {
        key: String,
        original: Option<PathBuf>,
        notebook: Box<Notebook>,
    },
    Remove(String),
}

/// Writes recovery files on a background thread, in order.
pub struct Autosaver {
    tx: Sender<Job>,
    done: Receiver<Result<(), String>>,
}

impl Autosaver {
    /// Starts the writer thread.
    pub fn spawn(store: RecoveryStore) -> Self {
        let (tx, rx) = channel::<Job>();
        let (done_tx, done) = channel();
        std::thread::spawn(move || {
            for job in rx {
                let result = match job {
                    Job::Write {
                        key,
                        original,
                        notebook,
                    } => store
                        .write(&key, original.as_deref(), &notebook)
                        .map_err(|e| e.to_string()),
                    Job::Remove(key) => {
                        store.remove(&key);
                        Ok(())
                    }
                };
                if done_tx.send(result).is_err() {
                    break;
                }
            }
        });
        Self { tx, done }
    }

    /// Queues an autosave of `notebook` (a snapshot: the UI goes on at once).
    pub fn save(&self, key: &str, original: Option<&Path>, notebook: &Notebook) {
        let _ = self.tx.send(Job::Write {
            key: key.to_owned(),
            original: original.map(Path::to_path_buf),
            notebook: Box::new(notebook.clone()),
        });
    }

    /// Queues removal of a recovery file (its notebook was saved or discarded).
    pub fn remove(&self, key: &str) {
        let _ = self.tx.send(Job::Remove(key.to_owned()));
    }

    /// The next finished job's result, if one finished.
    pub fn poll(&self) -> Option<Result<(), String>> {
        self.done.try_recv().ok()
    }

    /// Waits for the next finished job (tests).
    pub fn wait(&self, timeout: Duration) -> Option<Result<(), String>> {
        self.done.recv_timeout(timeout).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Article;

    #[test]
    fn policy_waits_for_a_pause_but_not_forever() {
        let p = AutosavePolicy::default();
        let s = Duration::from_secs;
        assert_eq!(p.due_in(s(0), s(0)), s(3));
        assert_eq!(p.due_in(s(5), s(5)), s(0));
        // Typing non-stop for 29 s: due in 1 s, however recent the last key.
        assert_eq!(p.due_in(s(0), s(29)), s(1));
    }

    #[test]
    fn autosave_writes_off_thread_and_is_found_after_a_crash() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().join("recovery"));
        let nb = Notebook::new(Article::new("Kabul", "Text."));
        let saver = Autosaver::spawn(store.clone());
        saver.save("untitled-x", None, &nb);
        assert_eq!(saver.wait(Duration::from_secs(5)), Some(Ok(())));
        // Written by this process: the next start (another pid) would offer it.
        let mut found = store.leftovers();
        assert_eq!(found.len(), 1);
        let r = found.remove(0);
        assert_eq!(r.content.notebook, nb);
        assert!(r.describe().contains("“Kabul”"), "{}", r.describe());
        saver.remove("untitled-x");
        assert_eq!(saver.wait(Duration::from_secs(5)), Some(Ok(())));
        assert!(store.leftovers().is_empty());
    }

    #[test]
    fn a_notebook_saved_since_drops_its_recovery_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().join("recovery"));
        let path = dir.path().join("n.ron");
        let nb = Notebook::new(Article::new("T", "Text."));
        let key = RecoveryStore::key_for(Some(&path));
        std::fs::write(&path, "Notebook()").unwrap();
        store.write(&key, Some(&path), &nb).unwrap();
        // Pretend the autosave is old: the notebook file is newer.
        let file = dir.path().join("recovery").join(format!("{key}.ron"));
        let text = std::fs::read_to_string(&file).unwrap();
        let old = regex_free_replace_saved_at(&text, 1);
        std::fs::write(&file, old).unwrap();
        assert!(store.leftovers().is_empty());
        assert!(!file.exists());
    }

    fn regex_free_replace_saved_at(text: &str, value: u64) -> String {
        text.lines()
            .map(|l| {
                if l.trim_start().starts_with("saved_at:") {
                    format!("    saved_at: {value},")
                } else {
                    l.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn times_are_told_in_utc() {
        assert_eq!(
            when(86_400 * 20_420 + 3_660),
            "28 November 2025 at 01:01 UTC"
        );
    }
}
