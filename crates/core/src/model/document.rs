//! A notebook being edited: the single place where edits are applied, undone and redone,
//! and where "has this changed since it was saved?" is answered.

use super::{Edit, EditError, Notebook, edit::CoalesceKey};

/// How many undo steps are kept.
const MAX_UNDO: usize = 500;

/// A snapshot in the undo history.
#[derive(Clone, Debug)]
struct Snapshot {
    notebook: Notebook,
    revision: u64,
}

/// A notebook with undo/redo and an unsaved-changes flag.
///
/// Snapshots are whole notebooks; the article text is shared (`Arc<str>`), so a snapshot
/// costs only the analyst's own text.
#[derive(Debug)]
pub struct Document {
    notebook: Notebook,
    revision: u64,
    next_revision: u64,
    saved_revision: Option<u64>,
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    /// Key of the last applied edit while it may still merge with the next one.
    open_group: Option<CoalesceKey>,
}

impl Document {
    /// A document for a notebook that exists on disk as it is (not dirty).
    pub fn saved(notebook: Notebook) -> Self {
        let mut doc = Self::unsaved(notebook);
        doc.saved_revision = Some(doc.revision);
        doc
    }

    /// A document that has never been saved (dirty until it is).
    pub fn unsaved(notebook: Notebook) -> Self {
        Self {
            notebook,
            revision: 0,
            next_revision: 1,
            saved_revision: None,
            undo: Vec::new(),
            redo: Vec::new(),
            open_group: None,
        }
    }

    /// The current notebook, read-only: change it with [`Document::apply`].
    pub fn notebook(&self) -> &Notebook {
        &self.notebook
    }

    /// Applies an edit as one undo step (or merges it into the previous step when both
    /// edit the same field in a row).
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        let key = edit.coalesce_key();
        let merge = key.is_some() && key == self.open_group;
        // The edited copy replaces the notebook, and the old one is the undo snapshot:
        // one copy per edit, not one for the edit and one for undo.
        let next = edit.applied(&self.notebook)?;
        let before = std::mem::replace(&mut self.notebook, next);
        if !merge {
            self.undo.push(Snapshot {
                notebook: before,
                revision: self.revision,
            });
            if self.undo.len() > MAX_UNDO {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.revision = self.next_revision;
        self.next_revision += 1;
        self.open_group = key;
        Ok(())
    }

    /// Ends the current typing group, so the next edit of the same field is its own
    /// undo step (call when a text field loses focus).
    pub fn seal(&mut self) {
        self.open_group = None;
    }

    /// Hands out a fresh id for a new item or span (not an undoable change by itself).
    pub fn allocate_id(&mut self) -> super::Id {
        self.notebook.allocate_id()
    }

    /// A number that changes with every change to the notebook (and comes back on undo):
    /// views cache derived data by it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Undoes the last step; false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        let Some(prev) = self.undo.pop() else {
            return false;
        };
        let current = self.swap_in(prev);
        self.redo.push(current);
        true
    }

    /// Redoes the last undone step; false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        let Some(next) = self.redo.pop() else {
            return false;
        };
        let current = self.swap_in(next);
        self.undo.push(current);
        true
    }

    fn swap_in(&mut self, snapshot: Snapshot) -> Snapshot {
        self.open_group = None;
        // Ids stay unique across undo: never hand out an id twice.
        let next_id = self.notebook.next_id.max(snapshot.notebook.next_id);
        let old = Snapshot {
            notebook: std::mem::replace(&mut self.notebook, snapshot.notebook),
            revision: std::mem::replace(&mut self.revision, snapshot.revision),
        };
        self.notebook.next_id = next_id;
        old
    }

    /// True when there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// True when the notebook differs from what was last saved (or was never saved).
    pub fn is_dirty(&self) -> bool {
        self.saved_revision != Some(self.revision)
    }

    /// Records that the current state is what is on disk now.
    pub fn mark_saved(&mut self) {
        self.saved_revision = Some(self.revision);
        self.open_group = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, ItemKind, TextField};

    fn doc() -> Document {
        Document::saved(Notebook::new(Article::new("T", "Some text here.")))
    }

    #[test]
    fn typing_in_one_field_is_one_undo_step() {
        let mut d = doc();
        d.apply(Edit::SetText(TextField::BottomLine, "a".into()))
            .unwrap();
        d.apply(Edit::SetText(TextField::BottomLine, "ab".into()))
            .unwrap();
        assert!(d.is_dirty());
        assert!(d.undo());
        assert_eq!(d.notebook().brief.bottom_line, "");
        assert!(
            !d.is_dirty(),
            "undo back to the saved state clears the unsaved mark"
        );
        assert!(d.redo());
        assert_eq!(d.notebook().brief.bottom_line, "ab");
    }

    #[test]
    fn seal_splits_groups_and_ids_are_never_reused() {
        let mut d = doc();
        d.apply(Edit::SetText(TextField::BottomLine, "a".into()))
            .unwrap();
        d.seal();
        d.apply(Edit::SetText(TextField::BottomLine, "ab".into()))
            .unwrap();
        d.undo();
        assert_eq!(d.notebook().brief.bottom_line, "a");
        let id = d.allocate_id();
        d.apply(Edit::AddItem {
            kind: ItemKind::Actor,
            id,
            name: "X".into(),
            evidence: None,
        })
        .unwrap();
        d.undo();
        // Ids are random: the undone one is still counted as handed out.
        assert!(d.notebook().next_id > id);
        assert_ne!(d.allocate_id(), id);
    }

    #[test]
    fn failed_edit_changes_nothing() {
        let mut d = doc();
        assert!(d.apply(Edit::SetLikelihood(99, 3)).is_err());
        assert!(!d.can_undo());
        assert!(!d.is_dirty());
    }
}
