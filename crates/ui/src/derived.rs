//! What the app computes from the notebook and keeps until the notebook changes: the
//! char index of the article, actor mentions, the reviewer's findings, suggested actors.
//! Each is keyed by what it was computed from, so undo (which brings back an older
//! notebook) is handled like any other change.

use briefing_core::checks::{Finding, review};
use briefing_core::mentions::{Mention, find_mentions};
use briefing_core::model::{Article, Document, Id, Notebook, TextIndex};
use briefing_core::suggest::{Suggestion, suggest};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// Articles up to this size get suggestions by themselves; a long report waits for the
/// button (a pass over megabytes is not free).
const AUTO_SUGGEST_BYTES: usize = 256 * 1024;

/// The derived data, each part with the key it was computed for.
pub(crate) struct Derived {
    /// Char offsets of the article text.
    pub index: TextIndex,
    /// The text `index` was built for (undo can bring back another text).
    indexed: Arc<str>,
    /// Where the article names each actor, in text order.
    pub mentions: Vec<Mention>,
    mentions_key: Option<u64>,
    /// Mentions per actor.
    pub mention_counts: HashMap<Id, usize>,
    /// The longest mention, in chars (for span lookups).
    pub longest_mention: usize,
    /// Suggested actors, for the article text they were computed from.
    suggestions: Option<(Arc<str>, Vec<Suggestion>)>,
    /// What a reviewer would flag, for the revision it was computed for.
    pub findings: Vec<Finding>,
    findings_for: Option<u64>,
}

impl Default for Derived {
    fn default() -> Self {
        Self {
            index: TextIndex::new(""),
            indexed: Arc::from(""),
            mentions: Vec::new(),
            mentions_key: None,
            mention_counts: HashMap::new(),
            longest_mention: 0,
            suggestions: None,
            findings: Vec::new(),
            findings_for: None,
        }
    }
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

    /// Rebuilds the char index when the article text is not the one it was built for.
    pub fn sync_index(&mut self, notebook: &Notebook) {
        let text = &notebook.article.text;
        if !Arc::ptr_eq(text, &self.indexed) {
            self.index = TextIndex::new(text);
            self.indexed = text.clone();
        }
    }

    /// Recomputes actor mentions when the text or any name or alias changed.
    pub fn sync_mentions(&mut self, notebook: &Notebook) {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (Arc::as_ptr(&notebook.article.text) as *const u8 as usize).hash(&mut h);
        for a in &notebook.actors {
            (a.id, &a.name, &a.aliases).hash(&mut h);
        }
        let key = h.finish();
        if self.mentions_key == Some(key) {
            return;
        }
        self.mentions = find_mentions(&notebook.article.text, &notebook.actors);
        self.mentions_key = Some(key);
        self.mention_counts.clear();
        for m in &self.mentions {
            *self.mention_counts.entry(m.actor).or_default() += 1;
        }
        self.longest_mention = self
            .mentions
            .iter()
            .map(|m| m.end - m.start)
            .max()
            .unwrap_or(0);
    }

    /// Mentions of an actor, in text order.
    pub fn mentions_of(&self, actor: Id) -> Vec<Mention> {
        self.mentions
            .iter()
            .filter(|m| m.actor == actor)
            .copied()
            .collect()
    }

    /// Finds the actors `article` names.
    pub fn compute_suggestions(&mut self, article: &Article) {
        self.suggestions = Some((article.text.clone(), suggest(article, &[])));
    }

    /// Computes suggestions for an article-sized text that has none yet.
    pub fn suggest_if_small(&mut self, article: &Article) {
        if self.suggestions(&article.text).is_none() && article.text.len() <= AUTO_SUGGEST_BYTES {
            self.compute_suggestions(article);
        }
    }

    /// The suggestions for `text`, if they have been computed.
    pub fn suggestions(&self, text: &Arc<str>) -> Option<&[Suggestion]> {
        self.suggestions
            .as_ref()
            .filter(|(t, _)| Arc::ptr_eq(t, text))
            .map(|(_, s)| s.as_slice())
    }
}
