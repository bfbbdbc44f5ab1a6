//! When to autosave the open notebook, and which recovery file is its own. The writing
//! itself happens on `storage::Autosaver`'s thread.

use briefing_core::model::Document;
use briefing_core::storage::{AutosavePolicy, Autosaver, RecoveryStore};
use std::path::Path;
use std::time::Duration;

/// Autosave bookkeeping for the open document.
pub struct Autosave {
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

    /// Called every frame: queues an autosave when one is due. Returns how long until the
    /// next one is due (to wake the UI then), and a sentence for the status line when an
    /// autosave failed (it is retried, with growing pauses) or works again.
    pub fn tick(
        &mut self,
        now: f64,
        doc: &Document,
        path: Option<&Path>,
    ) -> (Option<Duration>, Option<String>) {
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
            return (None, note);
        }
        if self.seen.is_none_or(|(r, _)| r != revision) {
            self.seen = Some((revision, now));
        }
        if self.written == Some(revision) {
            self.pending_since = None;
            return (None, note);
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
            return (None, note);
        }
        (Some(due), note)
    }

    /// Takes in finished writes: a failure schedules a retry of the then-current
    /// revision; a success after failures says autosave works again.
    fn collect_results(&mut self, now: f64) -> Option<String> {
        let mut note = None;
        while let Some(result) = self.saver.poll() {
            match result {
                Ok(()) => {
                    if self.failures > 0 {
                        note = Some(
                            "Autosave works again: your unsaved changes are safe in the recovery file."
                                .to_owned(),
                        );
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
                    note = Some(format!(
                        "Autosave failed: {error}. Trying again in {} s; until then save with Ctrl+S to keep your changes.",
                        wait.as_secs()
                    ));
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
        self.written = None;
        self.on_disk = true;
        self.pending_since = None;
        self.seen = None;
        self.failures = 0;
        self.retry_at = None;
    }

    /// Removes this document's recovery file (its changes were discarded on purpose).
    pub fn forget(&mut self) {
        self.saver.remove(&self.key);
        self.written = None;
        self.on_disk = false;
        self.pending_since = None;
        self.seen = None;
        self.failures = 0;
        self.retry_at = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use briefing_core::model::{Article, Notebook};

    /// Ticks until the writer thread has answered (it runs on its own thread).
    fn tick_until_note(a: &mut Autosave, now: f64, doc: &Document) -> Option<String> {
        for _ in 0..500 {
            if let (_, Some(note)) = a.tick(now, doc, None) {
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

        assert!(a.tick(0.0, &doc, None).0.is_some(), "waits for a pause");
        assert_eq!(a.tick(3.0, &doc, None), (None, None), "written now");
        let note = tick_until_note(&mut a, 3.0, &doc).expect("the failure is reported");
        assert!(note.starts_with("Autosave failed"), "{note}");
        assert!(note.contains("again in 3 s"), "{note}");

        // Not before the pause, then tried again.
        let (due, _) = a.tick(4.0, &doc, None);
        assert!(due.is_some_and(|d| d > Duration::ZERO), "{due:?}");
        assert_eq!(a.tick(6.0, &doc, None).0, None, "retried");
        let note = tick_until_note(&mut a, 6.0, &doc).expect("second failure");
        assert!(note.contains("again in 6 s"), "backs off: {note}");

        // The problem goes away: the next retry works and says so.
        std::fs::remove_file(&folder).unwrap();
        assert!(a.tick(11.0, &doc, None).0.is_some(), "still backing off");
        assert_eq!(a.tick(12.0, &doc, None).0, None);
        let note = tick_until_note(&mut a, 12.0, &doc).expect("success after failures");
        assert!(note.contains("works again"), "{note}");
        assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 1);
    }
}
