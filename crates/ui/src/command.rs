//! What the views ask the app to do, grouped by who carries it out: the document
//! ([`EditCommand`]), the session through the file flow ([`FileCommand`]) and the view
//! state ([`ViewCommand`]). Views push commands; `BriefingApp` runs them one after
//! another in one loop, so every error is reported once and every change can be undone.
//! A command that leads to another (a new item is then focused) hands it back to the
//! loop instead of calling in again.

use crate::file_dialog::{PickOutcome, Purpose};
use briefing_core::export::Format;
use briefing_core::merge::Choice;
use briefing_core::model::{Edit, Field, Id, ItemKind, ItemRef};
use briefing_core::suggest::Suggestion;
use std::path::PathBuf;

/// A request from a view (or from the answer to a question).
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// A change to the notebook: the document carries it out, as one undo step.
    Edit(EditCommand),
    /// Files, the clipboard, recovery, the article as a whole: the session carries it
    /// out through the file flow.
    File(FileCommand),
    /// What is shown: focus, scrolling, the find bar, the preview.
    View(ViewCommand),
}

/// Changes to the notebook and its undo history.
#[derive(Clone, Debug, PartialEq)]
pub enum EditCommand {
    /// Change the notebook (one undo step).
    Apply(Edit),
    /// A text field lost focus: the next typing there is a new undo step.
    Seal,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Add an empty item of this kind (and focus it).
    AddItem(ItemKind),
    /// Attach the current article selection to the item in focus.
    AttachSelection,
    /// Make a new item of this kind from the current selection.
    NewFromSelection(ItemKind),
    /// Attach the mention last stepped to as evidence for its actor.
    AttachMention(Id),
    /// Make a suggested actor an actor.
    AcceptSuggestion(Suggestion),
    /// Add a suggestion's names and a mention to an existing actor.
    MergeSuggestion(Suggestion, Id),
    /// Accept a re-attached span as it now reads.
    AcceptSpan(ItemRef, Id),
    /// Settle a merge conflict (one undo step).
    ResolveConflict(Field, Choice),
    /// Remove a source and its evidence (one undo step); unless `confirmed`, asks first
    /// when the source has evidence.
    RemoveSource {
        /// The source.
        id: Id,
        /// The user already said yes.
        confirmed: bool,
    },
}

/// Work on the open notebook as a whole.
#[derive(Clone, Debug, PartialEq)]
pub enum FileCommand {
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
    /// Export the brief in a format, to a file chosen in a dialog.
    Export(Format),
    /// Open a file with the system's default program.
    OpenExternally(PathBuf),
    /// Replace the article with a corrected version chosen in a dialog.
    ReplaceArticle,
    /// Show the article's text for correcting by hand.
    EditArticleText,
    /// Use this hand-corrected article text (one undo step).
    ArticleText(String),
    /// A file dialog (or the typed-path question) answered.
    Picked(Purpose, PickOutcome),
    /// Save, then go on with this.
    SaveThen(AfterSave),
    /// Let the unsaved changes go, then go on with this.
    DiscardThen(AfterSave),
    /// Restore this recovery file.
    Restore(PathBuf),
    /// Delete this recovery file.
    DiscardRecovery(PathBuf),
    /// A question was closed without an answer: nothing pending goes on.
    Dismissed,
    /// Choose articles in a dialog and add them as sources.
    AddSources,
    /// Add these articles as sources of the open notebook.
    AddSourcePaths {
        /// The article files.
        paths: Vec<PathBuf>,
        /// Add a text the notebook already holds (the user said so).
        allow_duplicates: bool,
    },
    /// Add the text (or web page) on the clipboard as a source.
    AddSourceFromClipboard {
        /// Add it even if the notebook already holds the same text.
        allow_duplicates: bool,
    },
}

/// What is shown.
#[derive(Clone, Debug, PartialEq)]
pub enum ViewCommand {
    /// Put an item in focus (and show it in its pane).
    Focus(ItemRef),
    /// Show a source in the reader, and flash a span of it.
    Reveal {
        /// The source whose text holds the span.
        source: Id,
        /// First char.
        start: usize,
        /// Char after the last.
        end: usize,
    },
    /// Open the find bar.
    Find,
    /// Show or hide the brief preview.
    TogglePreview,
    /// Show the previous (-1) or next (+1) mention of an actor and select it.
    StepMention {
        /// The actor.
        actor: Id,
        /// Direction.
        step: isize,
    },
    /// Find the actors the sources name.
    ComputeSuggestions,
    /// Show this source in the reader.
    ShowSource(Id),
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

impl From<Edit> for Command {
    fn from(edit: Edit) -> Self {
        Command::Edit(EditCommand::Apply(edit))
    }
}

impl From<EditCommand> for Command {
    fn from(command: EditCommand) -> Self {
        Command::Edit(command)
    }
}

impl From<FileCommand> for Command {
    fn from(command: FileCommand) -> Self {
        Command::File(command)
    }
}

impl From<ViewCommand> for Command {
    fn from(command: ViewCommand) -> Self {
        Command::View(command)
    }
}
