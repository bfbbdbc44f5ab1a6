//! Man pages (clap_mangen) and shell completions (clap_complete) from a clap `Command`.
//! Also compiled into `tests/packaging`, which checks what it writes.

use clap::Command;
use clap_complete::Shell;
use std::path::{Path, PathBuf};

/// The shells completions are written for: those Debian has completion folders for.
pub const SHELLS: [Shell; 3] = [Shell::Bash, Shell::Zsh, Shell::Fish];

/// Writes `out/man/NAME.1` and a page per subcommand (`NAME-SUBCOMMAND.1`), and
/// `out/completions/` for each of [`SHELLS`]; returns every file written, sorted.
pub fn write_all(command: Command, out: &Path) -> Result<Vec<PathBuf>, String> {
    let man = out.join("man");
    let completions = out.join("completions");
    for dir in [&man, &completions] {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let name = command.get_name().to_owned();
    // A page from an earlier run whose subcommand is gone must not be packaged.
    for stale in pages_in(&man, &name)? {
        std::fs::remove_file(&stale)
            .map_err(|e| format!("cannot remove the old page {}: {e}", stale.display()))?;
    }
    clap_mangen::generate_to(command.clone(), &man)
        .map_err(|e| format!("cannot write the man pages into {}: {e}", man.display()))?;
    let mut files = pages_in(&man, &name)?;
    for shell in SHELLS {
        let file = clap_complete::generate_to(shell, &mut command.clone(), &name, &completions)
            .map_err(|e| {
                let dir = completions.display();
                format!("cannot write the {shell} completions into {dir}: {e}")
            })?;
        files.push(file);
    }
    files.sort();
    Ok(files)
}

/// The man pages of `name` in `dir`: `name.1` and `name-*.1`.
fn pages_in(dir: &Path, name: &str) -> Result<Vec<PathBuf>, String> {
    let listing_error = |e: std::io::Error| format!("cannot list {}: {e}", dir.display());
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(listing_error)? {
        let path = entry.map_err(listing_error)?.path();
        let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let stem = file_name.strip_suffix(".1").unwrap_or("");
        if stem == name || stem.starts_with(&format!("{name}-")) {
            pages.push(path);
        }
    }
    Ok(pages)
}
