//! The man pages and completions `cargo run --example dist_files` writes, against what
//! the real binary's `--help` lists: every subcommand, and every option of each.

use crate::{binary_says, cli, generate};
use clap::CommandFactory;
use std::path::Path;

const BIN: &str = "briefing-notebook";

/// The entries under a `--help` heading such as "Commands:" or "Options:", one line each
/// (entries are indented two spaces, their wrapped lines more).
fn entries<'a>(help: &'a str, heading: &'a str) -> impl Iterator<Item = &'a str> {
    help.lines()
        .skip_while(move |line| *line != heading)
        .skip(1)
        .take_while(|line| !line.trim().is_empty())
        .filter(|line| line.starts_with("  ") && !line.starts_with("   "))
}

/// The subcommands `--help` lists, clap's own `help` aside.
fn subcommands(help: &str) -> Vec<String> {
    entries(help, "Commands:")
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect()
}

/// The long options (`--name`) `--help` lists.
fn long_options(help: &str) -> Vec<String> {
    entries(help, "Options:")
        .filter_map(|line| line.split_whitespace().find(|w| w.starts_with("--")))
        .map(|word| word.trim_end_matches(',').to_owned())
        .collect()
}

/// How roff writes a word: every '-' as "\-".
fn roff(word: &str) -> String {
    word.replace('-', "\\-")
}

#[test]
fn man_pages_and_completions_name_every_subcommand_and_option() {
    let out = tempfile::tempdir().unwrap();
    let files = generate::write_all(cli::Cli::command(), out.path()).unwrap();
    let read = |path: &Path| {
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };

    let help = binary_says(&["--help"]);
    let subcommands = subcommands(&help);
    // The parse above found the commands at all: some that have long existed.
    for known in ["new", "check", "export"] {
        assert!(
            subcommands.iter().any(|s| s == known),
            "{known} in {subcommands:?}"
        );
    }

    let man = out.path().join("man");
    let main_page = read(&man.join(format!("{BIN}.1")));
    assert!(main_page.contains(&format!("\"{BIN} {}\"", env!("CARGO_PKG_VERSION"))));
    for option in long_options(&help) {
        assert!(main_page.contains(&roff(&option)), "{option} in {BIN}.1");
    }
    let completions: Vec<(String, String)> = files
        .iter()
        .filter(|f| f.parent() == Some(&out.path().join("completions")))
        .map(|f| (f.display().to_string(), read(f)))
        .collect();
    assert_eq!(completions.len(), generate::SHELLS.len(), "{files:?}");

    for sub in &subcommands {
        let page_name = format!("{BIN}-{sub}");
        assert!(
            main_page.contains(&roff(&format!("{page_name}(1)"))),
            "{BIN}.1 lists {sub}"
        );
        let page = read(&man.join(format!("{page_name}.1")));
        assert!(
            page.contains(&roff(&page_name)),
            "{page_name}.1 is its own page"
        );
        for option in long_options(&binary_says(&[sub, "--help"])) {
            assert!(page.contains(&roff(&option)), "{option} in {page_name}.1");
        }
        for (file, text) in &completions {
            assert!(text.contains(sub.as_str()), "{file} completes {sub}");
        }
    }
    // One page per subcommand and the main one: nothing stale, nothing missing.
    let pages = files.iter().filter(|f| f.starts_with(&man)).count();
    assert_eq!(pages, subcommands.len() + 1, "{files:?}");
}

#[test]
fn a_page_left_from_a_removed_subcommand_is_not_kept() {
    let out = tempfile::tempdir().unwrap();
    let man = out.path().join("man");
    std::fs::create_dir_all(&man).unwrap();
    let stale = man.join(format!("{BIN}-gone.1"));
    let someone_elses = man.join("other-tool.1");
    std::fs::write(&stale, "old").unwrap();
    std::fs::write(&someone_elses, "keep").unwrap();
    let files = generate::write_all(cli::Cli::command(), out.path()).unwrap();
    assert!(!stale.exists() && !files.contains(&stale));
    assert!(someone_elses.exists() && !files.contains(&someone_elses));
}
