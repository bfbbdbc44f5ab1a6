//! What the app computes from the notebook and keeps until the notebook changes: the
//! char index of every source's text, actor mentions in every source, the reviewer's
//! findings, suggested actors.
//! Each is keyed by what it was computed from, so undo (which brings back an older
//! notebook) is handled like any other change.

use crate::source_index::SourceIndexes;
use briefing_core::checks::{Finding, review};
use briefing_core::mentions::{Mention, mentions_in_sources};
use briefing_core::model::{Document, Id, Notebook, Source};
use briefing_core::suggest::{Suggestion, suggest};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

/// Sources up to this size (all together) get suggestions by themselves; long reports
/// wait for the button (a pass over megabytes is not free).
const AUTO_SUGGEST_BYTES: usize = 256 * 1024;

/// Suggestions being found on another thread: the texts they are for, and where they
/// will arrive.
type Pending = (Vec<Arc<str>>, Receiver<Vec<Suggestion>>);

/// The derived data, each part with the key it was computed for.
#[derive(Default)]
pub(crate) struct Derived {
    /// Char offsets of every source's text.
    pub indexes: SourceIndexes,
    /// Where the sources name each actor: source by source, each in text order.
    pub mentions: Vec<Mention>,
    /// Where each source's mentions sit in `mentions`.
    mentions_by_source: HashMap<Id, Range<usize>>,
    mentions_key: Option<u64>,
    /// Mentions per actor.
    pub mention_counts: HashMap<Id, usize>,
    /// The longest mention, in chars (for span lookups).
    pub longest_mention: usize,
    /// Suggested actors, for the source texts they were computed from.
    suggestions: Option<(Vec<Arc<str>>, Vec<Suggestion>)>,
    /// Suggestions being found on another thread, for these texts (long notebooks).
    pending: Option<Pending>,
    /// What a reviewer would flag, for the revision it was computed for.
    pub findings: Vec<Finding>,
    findings_for: Option<u64>,
}

impl Derived {
    /// Brings the index, mentions and findings up to date with `doc`.
    pub fn sync(&mut self, doc: &Document) {
        self.sync_index(doc.notebook());
        self.sync_mentions(doc.notebook());
        if self.findings_for != Some(doc.revision()) {
            self.findings = review(doc.notebook());
            self.findings_for = Some(doc.revision());
        }
    }

    /// Rebuilds the char index of each source whose text changed.
    pub fn sync_index(&mut self, notebook: &Notebook) {
        self.indexes.sync(notebook);
    }

    /// Recomputes actor mentions when a text, the sources or any name or alias changed.
    pub fn sync_mentions(&mut self, notebook: &Notebook) {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for s in &notebook.sources {
            (s.id, Arc::as_ptr(&s.article.text) as *const u8 as usize).hash(&mut h);
        }
        for a in &notebook.actors {
            (a.id, &a.name, &a.aliases).hash(&mut h);
        }
        let key = h.finish();
        if self.mentions_key == Some(key) {
            return;
        }
        self.mentions = mentions_in_sources(&notebook.sources, &notebook.actors);
        self.mentions_key = Some(key);
        self.mention_counts.clear();
        self.mentions_by_source.clear();
        for (i, m) in self.mentions.iter().enumerate() {
            *self.mention_counts.entry(m.actor).or_default() += 1;
            self.mentions_by_source.entry(m.source).or_insert(i..i).end = i + 1;
        }
        self.longest_mention = self
            .mentions
            .iter()
            .map(|m| m.end - m.start)
            .max()
            .unwrap_or(0);
    }

    /// The mentions in one source's text, in text order.
    pub fn mentions_in(&self, source: Id) -> &[Mention] {
        self.mentions_by_source
            .get(&source)
            .and_then(|r| self.mentions.get(r.clone()))
            .unwrap_or_default()
    }

    /// Mentions of an actor: source by source, each in text order.
    pub fn mentions_of(&self, actor: Id) -> Vec<Mention> {
        self.mentions
            .iter()
            .filter(|m| m.actor == actor)
            .copied()
            .collect()
    }

    /// Finds the actors the sources name.
    pub fn compute_suggestions(&mut self, sources: &[Source]) {
        self.suggestions = Some((texts(sources), suggest(sources, &[])));
    }

    /// Starts finding the actors the sources name on another thread (the window stays
    /// responsive: megabytes take a second); `poll_suggestions` takes them in.
    pub fn compute_suggestions_in_background(&mut self, sources: &[Source]) {
        if self.suggesting(sources) {
            return;
        }
        let (sender, receiver) = std::sync::mpsc::channel();
        let owned = sources.to_vec();
        std::thread::spawn(move || {
            // The window may be gone by the time they are found: nothing to tell then.
            let _ = sender.send(suggest(&owned, &[]));
        });
        self.pending = Some((texts(sources), receiver));
    }

    /// Takes in suggestions found on the other thread. True while some are still coming.
    pub fn poll_suggestions(&mut self) -> bool {
        let Some((_, receiver)) = &self.pending else {
            return false;
        };
        match receiver.try_recv() {
            Err(TryRecvError::Empty) => true,
            Ok(found) => {
                if let Some((key, _)) = self.pending.take() {
                    self.suggestions = Some((key, found));
                }
                false
            }
            // suggest() does not panic; if its thread ever did, the button is back.
            Err(TryRecvError::Disconnected) => {
                self.pending = None;
                false
            }
        }
    }

    /// True while suggestions for these sources' texts are being found.
    pub fn suggesting(&self, sources: &[Source]) -> bool {
        self.pending
            .as_ref()
            .is_some_and(|(key, _)| same_texts(key, sources))
    }

    /// Computes suggestions for article-sized sources that have none yet.
    pub fn suggest_if_small(&mut self, sources: &[Source]) {
        let bytes: usize = sources.iter().map(|s| s.article.text.len()).sum();
        if self.suggestions(sources).is_none() && bytes <= AUTO_SUGGEST_BYTES {
            self.compute_suggestions(sources);
        }
    }

    /// The suggestions for these sources' texts, if they have been computed.
    pub fn suggestions(&self, sources: &[Source]) -> Option<&[Suggestion]> {
        self.suggestions
            .as_ref()
            .filter(|(computed, _)| same_texts(computed, sources))
            .map(|(_, s)| s.as_slice())
    }
}

/// True when `computed` are these sources' texts (the same shared strings).
fn same_texts(computed: &[Arc<str>], sources: &[Source]) -> bool {
    computed.len() == sources.len()
        && computed
            .iter()
            .zip(sources)
            .all(|(t, s)| Arc::ptr_eq(t, &s.article.text))
}

/// The sources' texts, shared: what suggestions are computed from.
fn texts(sources: &[Source]) -> Vec<Arc<str>> {
    sources.iter().map(|s| s.article.text.clone()).collect()
}
