//! What the views ask the app to do. Views push commands; `BriefingApp::apply` carries
//! them out in one place, so every error is reported once and every change can be undone.

use briefing_core::export::Format;
use briefing_core::model::{Edit, ItemKind, ItemRef};
use std::path::PathBuf;

/// A request from a view.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Change the notebook (one undo step).
    Edit(Edit),
    /// A text field lost focus: the next typing there is a new undo step.
    SealUndoGroup,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Put an item in focus (and show it in its pane).
    Focus(ItemRef),
    /// Show and flash a span of the article.
    Reveal { start: usize, end: usize },
    /// Attach the current article selection to the item in focus.
    AttachSelection,
    /// Make a new item of this kind from the current selection.
    NewFromSelection(ItemKind),
    /// Add an empty item of this kind.
    AddItem(ItemKind),
    /// Start a new notebook from an article chosen in a dialog.
    NewNotebook,
    /// Start a new notebook from the text (or web page) on the clipboard.
    NewFromClipboard,
    /// Open a notebook or article chosen in a dialog.
    Open,
    /// Open this file (notebook or article), asking about unsaved changes first.
    OpenPath(PathBuf),
    /// Save to the current file, or ask where.
    Save,
    /// Ask where, then save.
    SaveAs,
    /// Quit, asking about unsaved changes first.
    Quit,
    /// Open the find bar.
    Find,
    /// Show or hide the brief preview.
    TogglePreview,
    /// Export the brief in a format, to a file chosen in a dialog.
    Export(Format),
    /// Open a file with the system's default program.
    OpenExternally(PathBuf),
    /// Replace the article with a corrected version chosen in a dialog.
    ReplaceArticle,
    /// Edit the article's text (to fix a typo).
    EditArticleText,
    /// Show the previous (-1) or next (+1) mention of an actor and select it.
    StepMention {
        /// The actor.
        actor: briefing_core::model::Id,
        /// Direction.
        step: isize,
    },
    /// Attach the mention last stepped to as evidence for its actor.
    AttachMention(briefing_core::model::Id),
    /// Find the actors the article names.
    ComputeSuggestions,
    /// Make a suggested actor an actor.
    AcceptSuggestion(briefing_core::suggest::Suggestion),
    /// Add a suggestion's names and a mention to an existing actor.
    MergeSuggestion(briefing_core::suggest::Suggestion, briefing_core::model::Id),
    /// Accept a re-attached span as it now reads.
    AcceptSpan(ItemRef, briefing_core::model::Id),
}

/// Something to do once unsaved changes have been dealt with.
#[derive(Clone, Debug, PartialEq)]
pub enum AfterSave {
    /// Open a file.
    Open(PathBuf),
    /// Pick an article for a new notebook.
    PickArticle,
    /// Pick a file to open.
    PickFile,
    /// Take the clipboard's content as a new article.
    FromClipboard,
    /// Close the window.
    Quit,
}
