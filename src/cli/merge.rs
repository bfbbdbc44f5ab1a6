//! `merge BASE OURS THEIRS [-o OUT]`: the item-aware three-way merge, usable as git's
//! merge driver (`merge %O %A %B` writes the result over %A).
//!
//! Exit codes, as git reads them: 0 merged cleanly; 1 merged, with conflicts kept in the
//! notebook (git marks the file conflicted); [`MERGE_FAILED`] when a version cannot be
//! read or the result cannot be written: nothing is written, and git stops the whole merge
//! ("failed to execute internal merge"), leaving the work tree as it was.

use super::output;
use briefing_core::merge::merge;
use briefing_core::model::{Article, Notebook};
use briefing_core::storage::{StorageError, load_notebook, save_notebook};
use std::path::Path;
use std::process::ExitCode;

/// The exit code for "nothing merged": above 128, which git treats as the driver failing
/// rather than as conflicts.
pub(super) const MERGE_FAILED: u8 = 255;

/// Runs the merge; says what happened on stdout (errors on stderr).
pub(super) fn merge_files(base: &Path, ours: &Path, theirs: &Path, out: Option<&Path>) -> ExitCode {
    let out = out.unwrap_or(ours);
    match merge_into(base, ours, theirs, out) {
        Ok(conflicts) => ExitCode::from(u8::from(conflicts > 0)),
        Err(message) => {
            let _ = super::complain(format!(
                "{message}; nothing was merged and {} was left as it was (under git before 2.42, \
                 which takes this for conflicts, run `git merge --abort`, fix the file and merge again)",
                out.display()
            ));
            ExitCode::from(MERGE_FAILED)
        }
    }
}

/// A version as `merge` reads it. An empty base is git's way of saying the two versions
/// share no ancestor (both added the file): then everything in each is new.
fn load_version(path: &Path, is_base: bool) -> Result<Notebook, StorageError> {
    if is_base && std::fs::metadata(path).is_ok_and(|m| m.len() == 0) {
        let mut none = Notebook::new(Article::new("", ""));
        none.sources.clear();
        none.next_id = 1;
        return Ok(none);
    }
    load_notebook(path).map(|(nb, _)| nb)
}

/// The three versions read at once (each read checks its file: format, spans, ids).
fn load_all(paths: [&Path; 3]) -> Result<[Notebook; 3], StorageError> {
    let [base, ours, theirs] = std::thread::scope(|scope| {
        let mut is_base = true;
        paths
            .map(|path| {
                let base = std::mem::replace(&mut is_base, false);
                (path, scope.spawn(move || load_version(path, base)))
            })
            .map(|(path, handle)| {
                handle.join().unwrap_or_else(|_| {
                    Err(StorageError::Invalid {
                        path: path.to_path_buf(),
                        problem: "reading it failed unexpectedly".into(),
                    })
                })
            })
    });
    Ok([base?, ours?, theirs?])
}

/// Merges and writes; the number of conflicts left in the result.
fn merge_into(base: &Path, ours: &Path, theirs: &Path, out: &Path) -> Result<usize, String> {
    let [b, o, t] = load_all([base, ours, theirs]).map_err(|e| e.to_string())?;
    let merged = merge(&b, &o, &t).map_err(|e| format!("{}: {e}", ours.display()))?;
    save_notebook(out, &merged.notebook).map_err(|e| e.to_string())?;
    let conflicts = merged.notebook.conflicts.len();
    let renumbered = match merged.renumbered.len() {
        0 => String::new(),
        n => format!(" ({n} new ids from {} renumbered)", theirs.display()),
    };
    if conflicts == 0 {
        say!("{}: merged cleanly{renumbered}", out.display());
    } else {
        say!(
            "{}: merged, {conflicts} conflict{} kept in the notebook{renumbered}: resolve {} in the app's Review tab (`briefing-notebook check` lists them)",
            out.display(),
            if conflicts == 1 { "" } else { "s" },
            if conflicts == 1 { "it" } else { "them" },
        );
    }
    Ok(conflicts)
}
