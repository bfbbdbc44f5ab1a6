//! What the session's operations report: typed outcomes and errors. Sentences for the
//! user are the caller's (the app, the command line); these say what happened.

use crate::anchor::SpanReport;
use crate::export::ExportError;
use crate::import::{FileImportError, ImportError};
use crate::model::EditError;
use crate::storage::StorageError;
use std::path::PathBuf;
use thiserror::Error;

/// Why a session operation did nothing. Every message names the file (where there is
/// one) and what to do next; the open notebook is unchanged and nothing is lost.
#[derive(Debug, Error)]
pub enum SessionError {
    /// Reading or writing a notebook, recovery or settings file failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// An article file could not be imported (the error names the file; match on its
    /// kind, e.g. to give OCR advice for a scanned PDF).
    #[error(transparent)]
    Import(#[from] FileImportError),
    /// Pasted text or HTML could not be read as an article.
    #[error(transparent)]
    Pasted(ImportError),
    /// Nothing usable was pasted.
    #[error("the clipboard holds no text")]
    NothingPasted,
    /// A corrected article text was empty.
    #[error("The article cannot be empty; nothing was changed.")]
    EmptyArticle,
    /// The notebook refused the change (a bug: the edits are built valid).
    #[error(transparent)]
    Edit(#[from] EditError),
    /// The brief could not be rendered.
    #[error(transparent)]
    Export(#[from] ExportError),
}

/// Whether something that would put the open notebook away may go ahead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Guard<T> {
    /// Nothing unsaved would be lost: go ahead with `T`.
    Proceed(T),
    /// There are unsaved changes: ask the user (save, discard or cancel) before `T`.
    AskFirst(T),
}

/// What [`super::Session::open`] opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opened {
    /// A notebook file: it is now the session's file.
    Notebook,
    /// An article: a new notebook on it, with no file until it is saved.
    Article,
}

/// A file opened.
#[derive(Debug)]
pub struct OpenOutcome {
    /// A notebook, or an article as a new notebook.
    pub opened: Opened,
    /// Every evidence span re-checked against the text (none for a new notebook).
    pub reports: Vec<SpanReport>,
    /// The recent-files list could not be written (the notebook is open all the same).
    pub note: Option<StorageError>,
}

/// A notebook written to disk.
#[derive(Debug)]
pub struct Saved {
    /// Where it was written (now the session's file).
    pub path: PathBuf,
    /// The recent-files list could not be written (the notebook is saved all the same).
    pub note: Option<StorageError>,
}

/// What [`super::Session::save`] did.
#[derive(Debug)]
pub enum SaveOutcome {
    /// Written to the session's file.
    Saved(Saved),
    /// The notebook has no file yet: choose one, then [`super::Session::save_as`].
    NeedsPath,
}

/// Autosaved work taken back.
#[derive(Debug)]
pub struct Restored {
    /// When it was autosaved, seconds since 1970 (UTC).
    pub saved_at: u64,
    /// Every evidence span re-checked against the text.
    pub reports: Vec<SpanReport>,
}
