//! When to autosave the open notebook, and which recovery file is its own. The writing
//! itself happens on `storage::Autosaver`'s thread; time comes in from the caller.

use crate::model::Document;
use crate::storage::{AutosavePolicy, Autosaver, RecoveryStore, StorageError};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// News about autosaving, for the status line.
#[derive(Clone, Debug)]
pub enum AutosaveNote {
    /// An autosave failed; it is tried again after `retry_in`.
    Failed {
        /// Why, naming the recovery file (shared, so the note can be cloned).
        error: Arc<StorageError>,
        /// How long until the next attempt.
        retry_in: Duration,
    },
    /// An autosave worked after failures: unsaved changes are safe again.
    WorksAgain,
}

/// What one [`Autosave::tick`] found.
#[derive(Clone, Debug, Default)]
pub struct AutosaveTick {
    /// How long until the next autosave is due (wake then); `None` when none is pending.
    pub due_in: Option<Duration>,
    /// Something to tell the user, if anything changed.
    pub note: Option<AutosaveNote>,
}

/// Autosave bookkeeping for the open document.
pub(crate) struct Autosave {
    saver: Autosaver,
    policy: AutosavePolicy,
    key: String,
    /// Revision the last tick saw, and when it first saw it (the last edit's time).
    seen: Option<(u64, f64)>,
    /// When the oldest change not yet autosaved was first seen.
    pending_since: Option<f64>,
    /// Revision last queued for the recovery file (cleared when that write fails).
    written: Option<u64>,
    /// A recovery file for `key` may exist (a write was queued since the last removal).
    on_disk: bool,
    /// Autosaves that failed in a row, and when the next attempt is allowed.
    failures: u32,
    retry_at: Option<f64>,
}

impl Autosave {
    /// Autosaves into `store` for a document at `path` (or a new one).
    pub fn new(store: RecoveryStore, path: Option<&Path>) -> Self {
        Self {
            saver: Autosaver::spawn(store),
            policy: AutosavePolicy::default(),
            key: RecoveryStore::key_for(path),
            seen: None,
            pending_since: None,
            written: None,
            on_disk: false,
            failures: 0,
            retry_at: None,
        }
    }

    /// Called often (every frame): queues an autosave when one is due. `now` is seconds
    /// on any steady clock. Says how long until the next one is due, and whether an
    /// autosave failed (it is retried, with growing pauses) or works again.
    pub fn tick(&mut self, now: f64, doc: &Document, path: Option<&Path>) -> AutosaveTick {
        let note = self.collect_results(now);
        let revision = doc.revision();
        if !doc.is_dirty() {
            // Saved, or undone back to the saved state: nothing to recover.
            if std::mem::take(&mut self.on_disk) {
                self.saver.remove(&self.key);
            }
            self.written = None;
            self.pending_since = None;
            self.failures = 0;
            self.retry_at = None;
            self.seen = Some((revision, now));
            return AutosaveTick { due_in: None, note };
        }
        if self.seen.is_none_or(|(r, _)| r != revision) {
            self.seen = Some((revision, now));
        }
        if self.written == Some(revision) {
            self.pending_since = None;
            return AutosaveTick { due_in: None, note };
        }
        let pending_since = *self.pending_since.get_or_insert(now);
        let last_edit = self.seen.map_or(now, |(_, t)| t);
        let secs = |t: f64| Duration::from_secs_f64((now - t).max(0.0));
        let mut due = self.policy.due_in(secs(last_edit), secs(pending_since));
        if let Some(at) = self.retry_at {
            due = due.max(Duration::from_secs_f64((at - now).max(0.0)));
        }
        if due.is_zero() {
            self.saver.save(&self.key, path, doc.notebook());
            self.written = Some(revision);
            self.on_disk = true;
            self.pending_since = None;
            return AutosaveTick { due_in: None, note };
        }
        AutosaveTick {
            due_in: Some(due),
            note,
        }
    }

    /// Takes in finished writes: a failure schedules a retry of the then-current
    /// revision; a success after failures says autosave works again.
    fn collect_results(&mut self, now: f64) -> Option<AutosaveNote> {
        let mut note = None;
        while let Some(result) = self.saver.poll() {
            match result {
                Ok(()) => {
                    if self.failures > 0 {
                        note = Some(AutosaveNote::WorksAgain);
                    }
                    self.failures = 0;
                    self.retry_at = None;
                }
                Err(error) => {
                    self.failures = self.failures.saturating_add(1);
                    // Not written after all: the next due tick writes again.
                    self.written = None;
                    let wait = self.policy.retry_in(self.failures);
                    self.retry_at = Some(now + wait.as_secs_f64());
                    note = Some(AutosaveNote::Failed {
                        error: Arc::new(error),
                        retry_in: wait,
                    });
                }
            }
        }
        note
    }

    /// The document was saved to `path` (perhaps a new name): its recovery file goes.
    pub fn saved(&mut self, path: &Path) {
        self.forget();
        self.key = RecoveryStore::key_for(Some(path));
    }

    /// Another document replaces this one (this one was saved or its changes discarded).
    pub fn switch_to(&mut self, path: Option<&Path>) {
        self.forget();
        self.key = RecoveryStore::key_for(path);
    }

    /// Takes over a recovered file: further autosaves of the restored notebook go there.
    pub fn adopt(&mut self, key: String) {
        self.key = key;
        self.start_over(true);
    }

    /// Removes this document's recovery file (its changes were discarded on purpose).
    pub fn forget(&mut self) {
        self.saver.remove(&self.key);
        self.start_over(false);
    }

    /// Nothing written or pending yet for the current key, which has a recovery file
    /// when `on_disk`.
    fn start_over(&mut self, on_disk: bool) {
        self.written = None;
        self.on_disk = on_disk;
        self.pending_since = None;
        self.seen = None;
        self.failures = 0;
        self.retry_at = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Notebook};

    /// Ticks until the writer thread has answered (it runs on its own thread).
    fn tick_until_note(a: &mut Autosave, now: f64, doc: &Document) -> Option<AutosaveNote> {
        for _ in 0..500 {
            if let Some(note) = a.tick(now, doc, None).note {
                return Some(note);
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        None
    }

    #[test]
    fn a_failed_autosave_is_retried_later_and_reported() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("recovery");
        // A file where the recovery folder should be: every write fails.
        std::fs::write(&folder, "in the way").unwrap();
        let mut a = Autosave::new(RecoveryStore::new(folder.clone()), None);
        let doc = Document::unsaved(Notebook::new(Article::new("T", "Text.")));

        let retry = |note: Option<AutosaveNote>| match note {
            Some(AutosaveNote::Failed { error, retry_in }) => {
                assert!(error.to_string().contains("recovery"), "{error}");
                retry_in.as_secs()
            }
            other => panic!("expected a failure, got {other:?}"),
        };
        assert!(
            a.tick(0.0, &doc, None).due_in.is_some(),
            "waits for a pause"
        );
        let tick = a.tick(3.0, &doc, None);
        assert!(
            tick.due_in.is_none() && tick.note.is_none(),
            "written now: {tick:?}"
        );
        assert_eq!(retry(tick_until_note(&mut a, 3.0, &doc)), 3, "reported");

        // Not before the pause, then tried again.
        let due = a.tick(4.0, &doc, None).due_in;
        assert!(due.is_some_and(|d| d > Duration::ZERO), "{due:?}");
        assert_eq!(a.tick(6.0, &doc, None).due_in, None, "retried");
        assert_eq!(retry(tick_until_note(&mut a, 6.0, &doc)), 6, "backs off");

        // The problem goes away: the next retry works and says so.
        std::fs::remove_file(&folder).unwrap();
        assert!(
            a.tick(11.0, &doc, None).due_in.is_some(),
            "still backing off"
        );
        assert_eq!(a.tick(12.0, &doc, None).due_in, None);
        let note = tick_until_note(&mut a, 12.0, &doc);
        assert!(matches!(note, Some(AutosaveNote::WorksAgain)), "{note:?}");
        assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 1);
    }
}
