//! Autosave and crash recovery: unsaved changes go to a recovery file in the per-user data
//! folder, written off the UI thread; after a crash the next start offers them back.

use super::format::{admit, invalid, parse_error, read_text, ron_options};
use super::migrate::StoredNotebook;
use super::{StorageError, write_atomic};
use crate::anchor::SpanReport;
use crate::model::Notebook;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::Arc;
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

/// The wrapper format this build writes, and the highest it reads.
const RECOVERY_FORMAT: u32 = 1;

/// A recovery file as read: its notebook in any format this build reads (a crash before
/// an upgrade must not cost the work).
#[derive(Deserialize)]
#[serde(rename = "RecoveryFile", deny_unknown_fields)]
struct StoredRecoveryFile {
    format: u32,
    original: Option<PathBuf>,
    saved_at: u64,
    pid: u32,
    notebook: StoredNotebook,
}

/// Only the wrapper's version number, read before the rest.
#[derive(Deserialize)]
#[serde(rename = "RecoveryFile")]
struct Probe {
    format: u32,
}

/// A recovery file found on start.
#[derive(Clone, Debug)]
pub struct Recoverable {
    /// The recovery file.
    pub file: PathBuf,
    /// Its content, the notebook checked exactly as an opened notebook is.
    pub content: RecoveryFile,
    /// Every evidence span re-checked against the notebook's text.
    pub reports: Vec<SpanReport>,
}

/// A recovery file that could not be read: shown to the user, never silently skipped
/// (it may hold the only copy of someone's work).
#[derive(Clone, Debug)]
pub struct Unreadable {
    /// The recovery file (or the recovery folder, when that cannot be listed).
    pub file: PathBuf,
    /// Why (its message names the file). Shared, so the list can be cloned.
    pub problem: Arc<StorageError>,
}

/// What [`RecoveryStore::leftovers`] found.
#[derive(Clone, Debug, Default)]
pub struct Leftovers {
    /// Recovery files that can be restored, newest first.
    pub found: Vec<Recoverable>,
    /// Recovery files that cannot be read, left on disk.
    pub unreadable: Vec<Unreadable>,
}

impl Leftovers {
    /// True when there is nothing to tell the user.
    pub fn is_empty(&self) -> bool {
        self.found.is_empty() && self.unreadable.is_empty()
    }
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
            format: RECOVERY_FORMAT,
            original: original.map(Path::to_path_buf),
            saved_at: now_unix(),
            pid: std::process::id(),
            notebook: notebook.clone(),
        };
        let text =
            ron::ser::to_string_pretty(&content, ron::ser::PrettyConfig::new().struct_names(true))
                .map_err(|e| StorageError::Serialise {
                    path: self.file(key),
                    message: e.to_string(),
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
    /// saved since (those are deleted). Each notebook passes the same checks as a notebook
    /// being opened; files that fail them are listed in `unreadable` and left on disk.
    pub fn leftovers(&self) -> Leftovers {
        let mut out = Leftovers::default();
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return out,
            Err(source) => {
                out.unreadable.push(Unreadable {
                    file: self.dir.clone(),
                    problem: Arc::new(StorageError::Io {
                        path: self.dir.clone(),
                        action: "cannot list the autosaved recovery files",
                        source,
                    }),
                });
                return out;
            }
        };
        for entry in entries.flatten() {
            let file = entry.path();
            if file.extension().and_then(|e| e.to_str()) != Some("ron") {
                continue;
            }
            match self.read(&file) {
                Ok(Some(found)) => out.found.push(found),
                Ok(None) => {}
                Err(e) => out.unreadable.push(Unreadable {
                    file,
                    problem: Arc::new(e),
                }),
            }
        }
        out.found
            .sort_by_key(|r| std::cmp::Reverse(r.content.saved_at));
        out.unreadable.sort_by(|a, b| a.file.cmp(&b.file));
        out
    }

    /// One recovery file: `None` when it is not a crash's (another live window's, or its
    /// notebook was saved since, in which case it is removed).
    fn read(&self, file: &Path) -> Result<Option<Recoverable>, StorageError> {
        let text = read_text(file)?;
        // The version first, so a newer file says so rather than failing on its fields.
        let probe: Probe = ron_options().from_str(&text).map_err(parse_error(file))?;
        if probe.format > RECOVERY_FORMAT {
            return Err(StorageError::NewerFormat {
                path: file.to_path_buf(),
                found: probe.format,
                supported: RECOVERY_FORMAT,
            });
        }
        let content: StoredRecoveryFile =
            ron_options().from_str(&text).map_err(parse_error(file))?;
        if content.format == 0 {
            return Err(invalid(
                file,
                "format 0 does not exist; the file is damaged",
            ));
        }
        if content.pid != std::process::id() && process_alive(content.pid) {
            return Ok(None);
        }
        if saved_since(content.original.as_deref(), content.saved_at) {
            self.remove_file(file);
            return Ok(None);
        }
        let StoredRecoveryFile {
            format,
            original,
            saved_at,
            pid,
            notebook,
        } = content;
        let (notebook, reports) = admit(file, notebook)?;
        Ok(Some(Recoverable {
            file: file.to_path_buf(),
            content: RecoveryFile {
                format,
                original,
                saved_at,
                pid,
                notebook,
            },
            reports,
        }))
    }
}

/// True when the original notebook was saved after the autosave was written.
fn saved_since(original: Option<&Path>, saved_at: u64) -> bool {
    let Some(original) = original else {
        return false;
    };
    std::fs::metadata(original)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .is_some_and(|t| t.as_secs() > saved_at)
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

    /// How long to wait before trying again after `failures` autosaves in a row failed:
    /// the quiet delay, doubling with each failure, never more than `max_wait` (a full
    /// disk or a gone folder is not hammered, yet work is retried within `max_wait`).
    pub fn retry_in(&self, failures: u32) -> Duration {
        if failures == 0 {
            return Duration::ZERO;
        }
        let doubling = 2u32.saturating_pow(failures.saturating_sub(1).min(16));
        self.delay.saturating_mul(doubling).min(self.max_wait)
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
    done: Receiver<Result<(), StorageError>>,
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
                    } => Some(store.write(&key, original.as_deref(), &notebook)),
                    Job::Remove(key) => {
                        store.remove(&key);
                        None
                    }
                };
                // Only writes report back: a removal that fails leaves a file the next
                // start drops or offers, which loses nothing.
                if let Some(result) = result
                    && done_tx.send(result).is_err()
                {
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

    /// The next finished autosave's result, if one finished (removals do not report).
    pub fn poll(&self) -> Option<Result<(), StorageError>> {
        self.done.try_recv().ok()
    }

    /// Waits for the next finished autosave (tests).
    pub fn wait(&self, timeout: Duration) -> Option<Result<(), StorageError>> {
        self.done.recv_timeout(timeout).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Article;
    use crate::storage::to_ron;

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
        assert!(matches!(saver.wait(Duration::from_secs(5)), Some(Ok(()))));
        // Written by this process: the next start (another pid) would offer it.
        let mut found = store.leftovers().found;
        assert_eq!(found.len(), 1);
        let r = found.remove(0);
        assert_eq!(r.content.notebook, nb);
        saver.remove("untitled-x");
        // Jobs run in order: once a later write is done, the removal is too.
        saver.save("other", None, &nb);
        assert!(matches!(saver.wait(Duration::from_secs(5)), Some(Ok(()))));
        let left: Vec<PathBuf> = store
            .leftovers()
            .found
            .into_iter()
            .map(|r| r.file)
            .collect();
        assert_eq!(left, [store.file("other")]);
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

    /// A recovery file as a crashed process (pid 0 is never a live other window) left it.
    fn write_crashed(store: &RecoveryStore, key: &str, nb: &Notebook) -> PathBuf {
        store.write(key, None, nb).unwrap();
        let file = store.file(key);
        let text = std::fs::read_to_string(&file).unwrap();
        let text = text
            .lines()
            .map(|l| {
                if l.trim_start().starts_with("pid:") {
                    "    pid: 0,".to_owned()
                } else {
                    l.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        std::fs::write(&file, text).unwrap();
        file
    }

    #[test]
    fn unreadable_recovery_files_are_listed_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().join("recovery"));
        let good = write_crashed(&store, "good", &Notebook::new(Article::new("K", "Text.")));
        let garbage = store.file("garbage");
        std::fs::write(&garbage, [0xff, 0xfe, 0x00, 0x41]).unwrap();
        let truncated = store.file("truncated");
        let whole = std::fs::read_to_string(&good).unwrap();
        std::fs::write(&truncated, &whole[..whole.len() / 2]).unwrap();
        let newer = store.file("newer");
        std::fs::write(&newer, whole.replacen("format: 1,", "format: 7,", 1)).unwrap();

        let found = store.leftovers();
        assert_eq!(found.found.len(), 1);
        assert_eq!(found.found[0].file, good);
        let files: Vec<&Path> = found.unreadable.iter().map(|u| u.file.as_path()).collect();
        assert_eq!(files, [&garbage, &newer, &truncated]);
        for u in &found.unreadable {
            assert!(
                u.problem
                    .to_string()
                    .contains(&u.file.display().to_string()),
                "names the file: {}",
                u.problem
            );
            assert!(u.file.exists(), "left on disk for the user to decide");
        }
        assert!(
            matches!(
                *found.unreadable[1].problem,
                StorageError::NewerFormat { found: 7, .. }
            ),
            "{found:?}"
        );
    }

    #[test]
    fn a_recovered_notebook_is_checked_exactly_as_an_opened_one() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().join("recovery"));
        let text = "Lavrov met Jeenbekov in Bishkek.";
        let mut nb = Notebook::new(Article::new("T", text));
        let id = nb.allocate_id();
        crate::model::Edit::AddItem {
            kind: crate::model::ItemKind::Actor,
            id,
            name: "Lavrov".into(),
            evidence: None,
        }
        .apply(&mut nb)
        .unwrap();
        let index = crate::model::TextIndex::new(text);
        let source = nb.sources[0].id;
        let mut ev = crate::anchor::evidence_for(source, text, &index, nb.allocate_id(), 0, 6);
        // Offsets no text has, with the quote still present.
        ev.start = 1 << (usize::BITS - 1);
        ev.end = usize::MAX;
        nb.actors[0].evidence.push(ev);

        // The same notebook as a notebook file and as a recovery file.
        let notebook_file = dir.path().join("n.ron");
        std::fs::write(&notebook_file, to_ron(&notebook_file, &nb).unwrap()).unwrap();
        let (opened, opened_reports) = crate::storage::load_notebook(&notebook_file).unwrap();
        let file = write_crashed(&store, "offsets", &nb);
        let found = store.leftovers();
        assert!(found.unreadable.is_empty(), "{:?}", found.unreadable);
        let r = &found.found[0];
        assert_eq!(r.file, file);
        assert_eq!(r.content.notebook, opened);
        assert_eq!(r.reports, opened_reports);
        assert_eq!(
            r.reports[0].anchored.status,
            crate::model::AnchorStatus::Moved
        );
        assert_eq!(
            (r.reports[0].anchored.start, r.reports[0].anchored.end),
            (0, 6)
        );

        // What opening refuses, restoring refuses too, with the same sentence.
        nb.actors.push(nb.actors[0].clone());
        std::fs::write(&notebook_file, to_ron(&notebook_file, &nb).unwrap()).unwrap();
        let opened = crate::storage::load_notebook(&notebook_file)
            .unwrap_err()
            .to_string();
        write_crashed(&store, "offsets", &nb);
        let found = store.leftovers();
        assert!(found.found.is_empty());
        let problem = found.unreadable[0].problem.to_string();
        assert!(opened.contains("used twice"), "{opened}");
        assert_eq!(
            problem.replace(&file.display().to_string(), "F"),
            opened.replace(&notebook_file.display().to_string(), "F")
        );
    }

    #[test]
    fn work_autosaved_by_an_older_version_is_migrated_on_restore() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().join("recovery"));
        let fixture =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/format-2.ron");
        let old = std::fs::read_to_string(&fixture).unwrap();
        let (expected, _) = crate::storage::load_notebook(&fixture).unwrap();
        std::fs::create_dir_all(dir.path().join("recovery")).unwrap();
        let file = store.file("old");
        let text = format!(
            "RecoveryFile(format: 1, original: None, saved_at: 1, pid: 0, notebook: {old})"
        );
        std::fs::write(&file, text).unwrap();
        let found = store.leftovers();
        assert!(found.unreadable.is_empty(), "{:?}", found.unreadable);
        assert_eq!(found.found[0].content.notebook, expected);
        assert_eq!(
            found.found[0].content.notebook.format,
            crate::model::CURRENT_FORMAT
        );
    }

    #[test]
    fn failed_autosaves_are_retried_with_backoff() {
        let p = AutosavePolicy::default();
        let s = Duration::from_secs;
        assert_eq!(p.retry_in(0), s(0));
        assert_eq!(p.retry_in(1), s(3));
        assert_eq!(p.retry_in(2), s(6));
        assert_eq!(p.retry_in(3), s(12));
        assert_eq!(p.retry_in(4), s(24));
        assert_eq!(p.retry_in(5), s(30), "never longer than max_wait");
        assert_eq!(p.retry_in(u32::MAX), s(30));
    }
}
