//! When to autosave the open notebook, and which recovery file is its own. The writing
//! itself happens on `storage::Autosaver`'s thread.

use crate::model::Document;
use crate::storage::{AutosavePolicy, Autosaver, RecoveryStore};
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
    /// Revision last written to the recovery file, if the file exists.
    written: Option<u64>,
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
        }
    }

    /// Called every frame: queues an autosave when one is due. Returns how long until the
    /// next one is due (to wake the UI then), and any error from a finished write.
    pub fn tick(
        &mut self,
        now: f64,
        doc: &Document,
        path: Option<&Path>,
    ) -> (Option<Duration>, Option<String>) {
        let error = self.saver.poll().and_then(Result::err);
        let revision = doc.revision();
        if !doc.is_dirty() {
            // Saved, or undone back to the saved state: nothing to recover.
            if self.written.take().is_some() {
                self.saver.remove(&self.key);
            }
            self.pending_since = None;
            self.seen = Some((revision, now));
            return (None, error);
        }
        if self.seen.is_none_or(|(r, _)| r != revision) {
            self.seen = Some((revision, now));
        }
        if self.written == Some(revision) {
            self.pending_since = None;
            return (None, error);
        }
        let pending_since = *self.pending_since.get_or_insert(now);
        let last_edit = self.seen.map_or(now, |(_, t)| t);
        let secs = |t: f64| Duration::from_secs_f64((now - t).max(0.0));
        let due = self.policy.due_in(secs(last_edit), secs(pending_since));
        if due.is_zero() {
            self.saver.save(&self.key, path, doc.notebook());
            self.written = Some(revision);
            self.pending_since = None;
            return (None, error);
        }
        (Some(due), error)
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
        self.pending_since = None;
        self.seen = None;
    }

    /// Removes this document's recovery file (its changes were discarded on purpose).
    pub fn forget(&mut self) {
        self.saver.remove(&self.key);
        self.written = None;
        self.pending_since = None;
        self.seen = None;
    }
}
