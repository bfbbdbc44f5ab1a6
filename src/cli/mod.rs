//! The headless command line: every subcommand works with no display.

use briefing_core::dates::{Date, today};
use briefing_core::export::{Format, Paper, default_output, export};
use briefing_core::import::import_file;
use briefing_core::model::{Credibility, Id, Notebook, Reliability};
use briefing_core::storage::load_notebook;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Prints a line to stdout and returns from the function on a write error (see
/// [`output`]); a closed pipe (`| head`) ends output quietly, not in a panic.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write;
        output(writeln!(std::io::stdout().lock(), $($arg)*))?;
    }};
}

/// Prints to stdout without a newline, like [`say!`].
macro_rules! say_raw {
    ($($arg:tt)*) => {{
        use std::io::Write;
        output(write!(std::io::stdout().lock(), $($arg)*))?;
    }};
}

// After the macros, so these modules can use them.
mod check;
mod diff;
mod merge;
mod sources;

use check::check;
use sources::{add_source, new_notebook, parse_credibility, parse_reliability, update_article};

/// Writes one error line to stderr: `briefing-notebook: …` (the command goes on; its
/// final outcome decides the exit code).
fn complain(error: impl std::fmt::Display) -> Result<(), String> {
    use std::io::Write;
    // eprintln! would panic if stderr itself cannot be written.
    let _ = writeln!(std::io::stderr().lock(), "briefing-notebook: {error}");
    Ok(())
}

/// The outcome of writing to stdout: a closed pipe is the reader's choice (`| head`) and
/// not an error; anything else (a full disk, an I/O error) means the output is incomplete,
/// so the command fails with one line instead of exiting 0.
fn output(result: std::io::Result<()>) -> Result<(), String> {
    match result {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!(
            "cannot write the output to stdout: {e}; the output is incomplete (check the disk or the redirection)"
        )),
        _ => Ok(()),
    }
}

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(
    name = "briefing-notebook",
    version,
    about = "Annotate an article's actors, stakes and risks with evidence; export a one-page brief.",
    long_about = "Annotate an article's actors, stakes and risks with evidence; export a one-page brief.\n\nWith no subcommand, opens the app (on PATH if given: an article or a notebook).\n\nArticles: plain text (.txt), Markdown (.md), saved web pages (.html, .htm) and PDF reports (.pdf). Notebooks: .ron.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Headless work; omit to open the app.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// An article (.txt, .md) or a notebook (.ron) to open in the app.
    pub path: Option<PathBuf>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import one or more articles into a new notebook, one source each, in order.
    New {
        /// The articles (.txt, .md, .html, .pdf).
        #[arg(required = true)]
        articles: Vec<PathBuf>,
        /// Where to write the notebook (default: beside the first article, with .ron).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Add articles to a notebook as new sources, graded as given (saved in place; a
    /// backup is kept as .ron.bak).
    AddSource {
        /// The notebook (.ron).
        notebook: PathBuf,
        /// The articles (.txt, .md, .html, .pdf).
        #[arg(required = true)]
        articles: Vec<PathBuf>,
        /// Reliability of the source: A (completely reliable) to F (cannot be judged).
        #[arg(long, value_parser = parse_reliability, default_value = "F")]
        reliability: Reliability,
        /// Credibility of the information: 1 (confirmed) to 6 (cannot be judged).
        #[arg(long, value_parser = parse_credibility, default_value = "6")]
        credibility: Credibility,
        /// Add an article even when a source already has the very same text.
        #[arg(long)]
        allow_duplicates: bool,
    },
    /// Read and validate a notebook, re-check every evidence span, list what a reviewer
    /// would flag.
    Check {
        /// The notebook (.ron).
        notebook: PathBuf,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Replace one source's article with a corrected version and re-attach its spans.
    UpdateArticle {
        /// The notebook (.ron), saved in place (a backup is kept as .ron.bak).
        notebook: PathBuf,
        /// The corrected article (.txt, .md, .html, .pdf).
        article: PathBuf,
        /// The id of the source it corrects (`check` lists them); may be left out when
        /// the notebook has one source.
        #[arg(long)]
        source: Option<Id>,
        /// Show what would happen; change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print one JSON object (the shape of `check --json`).
        #[arg(long)]
        json: bool,
    },
    /// Suggest the actors an article names (people, states, organisations, armed groups).
    Suggest {
        /// The article (.txt, .md, .html, .pdf), or a notebook (.ron) to use all its
        /// sources.
        article: PathBuf,
        /// Print a JSON list of {name, kind, mentions, aliases, sources}.
        #[arg(long)]
        json: bool,
    },
    /// Merge two versions of a notebook that parted from a common one, item by item (git's
    /// merge driver: `merge %O %A %B`). Exits 0 when clean, 1 when conflicts are kept in
    /// the notebook for the app's Review tab, 255 when nothing could be merged (nothing
    /// is written; git then stops the merge).
    Merge {
        /// The common ancestor (.ron; git's %O).
        base: PathBuf,
        /// Our version (.ron; git's %A), overwritten with the result unless -o is given.
        ours: PathBuf,
        /// Their version (.ron; git's %B).
        theirs: PathBuf,
        /// Where to write the result (default: over OURS).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// What changed between two notebooks, item by item (also git's diff driver: it takes
    /// git's seven arguments).
    Diff {
        /// The older and the newer notebook (.ron), or git's seven (nine for a rename)
        /// diff-driver arguments.
        #[arg(required = true, num_args = 2..=9)]
        files: Vec<PathBuf>,
    },
    /// Export the one-page brief (PDF, HTML, Markdown) or the evidence (W3C, CSV).
    Export {
        /// The notebook (.ron).
        notebook: PathBuf,
        /// Output format.
        #[arg(long, value_enum)]
        format: FormatArg,
        /// Page size.
        #[arg(long, value_enum, default_value = "a4")]
        paper: PaperArg,
        /// Output file (default: beside the notebook, with the format's extension).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Date printed on the brief, YYYY-MM-DD (default: today).
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
    },
}

/// `--format` values.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FormatArg {
    /// One-page PDF.
    Pdf,
    /// Standalone HTML.
    Html,
    /// Markdown.
    Md,
    /// The evidence as W3C Web Annotations (JSON-LD).
    W3c,
    /// The evidence as CSV.
    Csv,
}

/// `--paper` values.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum PaperArg {
    /// 210 × 297 mm.
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse_iso(s).ok_or_else(|| format!("\"{s}\" is not a date like 2026-11-28"))
}

/// Runs a subcommand; errors go to stderr as one line naming the file and problem.
pub fn run(command: Command) -> ExitCode {
    let result = match command {
        Command::Merge {
            base,
            ours,
            theirs,
            output,
        } => return merge::merge_files(&base, &ours, &theirs, output.as_deref()),
        Command::Diff { files } => diff::diff_files(&files),
        Command::New { articles, output } => new_notebook(&articles, output),
        Command::AddSource {
            notebook,
            articles,
            reliability,
            credibility,
            allow_duplicates,
        } => add_source(
            &notebook,
            &articles,
            reliability,
            credibility,
            allow_duplicates,
        ),
        Command::Check { notebook, json } => check(&notebook, json),
        Command::UpdateArticle {
            notebook,
            article,
            source,
            dry_run,
            json,
        } => update_article(&notebook, &article, source, dry_run, json),
        Command::Suggest { article, json } => suggest(&article, json),
        Command::Export {
            notebook,
            format,
            paper,
            output,
            date,
        } => export_brief(&notebook, format, paper, output, date),
    };
    // Buffered output that only fails when flushed fails the command too.
    let result = result.and_then(|()| {
        use std::io::Write;
        output(std::io::stdout().lock().flush())
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            let _ = complain(message);
            ExitCode::FAILURE
        }
    }
}

fn export_brief(
    path: &Path,
    format: FormatArg,
    paper: PaperArg,
    output: Option<PathBuf>,
    date: Option<Date>,
) -> Result<(), String> {
    let format = match format {
        FormatArg::Pdf => Format::Pdf,
        FormatArg::Html => Format::Html,
        FormatArg::Md => Format::Markdown,
        FormatArg::W3c => Format::W3c,
        FormatArg::Csv => Format::Csv,
    };
    let paper = match paper {
        PaperArg::A4 => Paper::A4,
        PaperArg::Letter => Paper::Letter,
    };
    let (notebook, _) = load_notebook(path).map_err(|e| e.to_string())?;
    let output = output.unwrap_or_else(|| default_output(path, format));
    let exported = export(&notebook, format, paper, date.unwrap_or_else(today))
        .map_err(|e| format!("{}: {e}", path.display()))?;
    briefing_core::storage::write_export(&output, &exported.bytes).map_err(|e| e.to_string())?;
    match &exported.fit {
        Some(fit) => say!("{}: {}, {}", output.display(), paper.label(), fit.summary()),
        None => say!("{}", output.display()),
    }
    Ok(())
}

fn suggest(path: &Path, json: bool) -> Result<(), String> {
    let is_notebook = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    // An article on its own is a notebook of one source.
    let notebook = if is_notebook {
        load_notebook(path).map_err(|e| e.to_string())?.0
    } else {
        Notebook::new(import_file(path).map_err(|e| e.to_string())?)
    };
    let suggestions =
        briefing_core::suggest::suggest(&notebook.sources, &notebook.dismissed_suggestions);
    if json {
        let list: Vec<serde_json::Value> = suggestions
            .iter()
            .map(|s| {
                serde_json::json!({
                    "name": s.name,
                    "kind": kind_name(s.kind),
                    "mentions": s.mentions,
                    "aliases": s.aliases,
                    "role": s.role,
                    "confidence": (f64::from(s.confidence) * 100.0).round() / 100.0,
                    "note": s.note,
                    "sources": s.per_source.iter().map(|m| serde_json::json!({
                        "source": m.source,
                        "mentions": m.spans.len(),
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        say!("{}", serde_json::Value::Array(list));
    } else {
        for s in &suggestions {
            let aliases = if s.aliases.is_empty() {
                String::new()
            } else {
                format!("  (also: {})", s.aliases.join(", "))
            };
            let role = if s.role.is_empty() {
                String::new()
            } else {
                format!(", {}", s.role)
            };
            say!(
                "{:>3}  {:<13} {}{role}{aliases}",
                s.mentions,
                s.kind.label(),
                s.name
            );
            if !s.note.is_empty() {
                say!("     {:<13} note: {}", "", s.note);
            }
        }
    }
    Ok(())
}

/// The kind as a lower-case word for JSON ("person", "armed group"...).
fn kind_name(kind: briefing_core::model::ActorKind) -> String {
    kind.label().to_lowercase()
}
