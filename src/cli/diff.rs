//! `diff A B`: what changed between two notebooks, item by item. Also git's external diff
//! driver: given git's seven arguments (path, old file, hash, mode, new file, hash, mode),
//! or nine for a renamed file (then the new path and the rename's details), it compares
//! the two files and names the path; `/dev/null` stands for no notebook (a file added or
//! deleted).

use super::output;
use briefing_core::diff::diff;
use briefing_core::model::{Article, Notebook};
use briefing_core::storage::load_notebook;
use std::path::{Path, PathBuf};

/// `diff`: two files, or git's seven (or, for a rename, nine) arguments.
pub(super) fn diff_files(args: &[PathBuf]) -> Result<(), String> {
    let (name, old, new) = match args {
        [old, new] => (None, old, new),
        [path, old, _, _, new, _, _] => (Some(path), old, new),
        [_, old, _, _, new, _, _, new_path, _] => (Some(new_path), old, new),
        _ => {
            return Err(format!(
                "diff takes two notebooks (or git's seven or nine diff-driver arguments), not {}",
                args.len()
            ));
        }
    };
    let read = |path: &Path| -> Result<Notebook, String> {
        if path == Path::new("/dev/null") {
            let mut none = Notebook::new(Article::new("", ""));
            none.sources.clear();
            return Ok(none);
        }
        load_notebook(path)
            .map(|(nb, _)| nb)
            .map_err(|e| e.to_string())
    };
    let (before, after) = (read(old)?, read(new)?);
    let changes = diff(&before, &after);
    if let Some(name) = name {
        say!("briefing-notebook diff a/{0} b/{0}", name.display());
    }
    if changes.is_empty() {
        say!("no changes to what the notebook says");
    }
    for line in changes {
        say!("{line}");
    }
    Ok(())
}
