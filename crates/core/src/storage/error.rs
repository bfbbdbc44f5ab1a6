//! Errors reading and writing notebooks, each naming the file and what to do next.

use crate::model::InvalidNotebook;
use std::path::PathBuf;
use thiserror::Error;

/// Why a notebook or settings file could not be read or written.
#[derive(Debug, Error)]
pub enum StorageError {
    /// The operating system refused (missing file, permissions, disk full...).
    #[error("{path}: {action}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What was being done ("cannot read", "cannot write"...).
        action: &'static str,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is not valid notebook RON.
    #[error(
        "{path}:{line}:{column}: not a valid notebook: {message} (the file was left untouched)"
    )]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// The file was written by a newer version of the app.
    #[error(
        "{path}: written by a newer Briefing Notebook (format {found}, this version reads up to {supported}); update the app to open it"
    )]
    NewerFormat {
        /// The file.
        path: PathBuf,
        /// Format number in the file.
        found: u32,
        /// Highest format this build reads.
        supported: u32,
    },
    /// The file cannot be a notebook: too large, not UTF-8 text, format 0.
    #[error("{path}: {problem}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        problem: String,
    },
    /// The notebook breaks one of the model's invariants (duplicate ids, a missing actor,
    /// a rating out of range...).
    #[error("{path}: {problem}")]
    Inconsistent {
        /// The file.
        path: PathBuf,
        /// The broken invariant.
        #[source]
        problem: InvalidNotebook,
    },
    /// An export would replace a notebook.
    #[error("{path}: refusing to write an export over a notebook; choose another file name")]
    WouldClobberNotebook {
        /// The file.
        path: PathBuf,
    },
    /// A save would replace a file that is not a notebook.
    #[error(
        "{path}: refusing to overwrite a file that is not a Briefing Notebook notebook; choose another name"
    )]
    WouldClobber {
        /// The file.
        path: PathBuf,
    },
    /// The notebook could not be turned into text (a bug: plain data always serialises).
    #[error(
        "{path}: nothing was written: the notebook could not be converted to text ({message}); your changes are still open, please report this"
    )]
    Serialise {
        /// The file that was to be written.
        path: PathBuf,
        /// What the serialiser said.
        message: String,
    },
}
