//! Opening a file with the system's default program, behind a trait the binary supplies.

use std::path::Path;

/// Opens files and folders outside the app (an exported brief, its folder).
pub trait Opener {
    /// Opens `path` with the system's default program; the error says why it could not.
    fn open(&self, path: &Path) -> Result<(), String>;
}
