//! Notebooks on disk: the versioned RON format, atomic writes, per-user folders, recent files.

mod atomic;
mod error;
mod format;
mod migrate;
mod paths;
mod recovery;
mod settings;

pub use atomic::write_atomic;
pub use error::StorageError;
pub use format::{
    backup_path, from_ron, load_notebook, save_notebook, save_notebook_with_backup, to_ron,
    write_export,
};
pub use paths::AppDirs;
pub use recovery::{
    AutosavePolicy, Autosaver, Leftovers, Recoverable, RecoveryFile, RecoveryStore, Unreadable,
};
pub use settings::Settings;
