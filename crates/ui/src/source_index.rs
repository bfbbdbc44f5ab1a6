//! Char offsets of every source's text, kept while the text stays the same: the reader,
//! the panes and the edits all slice texts by char offset.

use briefing_core::model::{Id, Notebook, TextIndex};
use std::collections::HashMap;
use std::sync::Arc;

/// A [`TextIndex`] per source, each with the text it was built for.
pub struct SourceIndexes {
    by_source: HashMap<Id, (Arc<str>, TextIndex)>,
    /// What a source the notebook does not hold gets: nothing to slice.
    empty: TextIndex,
}

impl Default for SourceIndexes {
    fn default() -> Self {
        Self {
            by_source: HashMap::new(),
            empty: TextIndex::new(""),
        }
    }
}

impl SourceIndexes {
    /// Rebuilds the index of every source whose text is not the one it was built for
    /// (undo can bring back another text), and forgets sources that are gone.
    pub fn sync(&mut self, notebook: &Notebook) {
        self.by_source
            .retain(|id, _| notebook.source(*id).is_some());
        for source in &notebook.sources {
            let text = &source.article.text;
            let fresh = self
                .by_source
                .get(&source.id)
                .is_some_and(|(indexed, _)| Arc::ptr_eq(indexed, text));
            if !fresh {
                self.by_source
                    .insert(source.id, (text.clone(), TextIndex::new(text)));
            }
        }
    }

    /// The index of source `id`'s text (an empty one for a source it does not know).
    pub fn of(&self, id: Id) -> &TextIndex {
        self.by_source
            .get(&id)
            .map_or(&self.empty, |(_, index)| index)
    }
}
