//! The headless command line: every subcommand works with no display.

use briefing_core::anchor::SpanReport;
use briefing_core::checks::{Place, review};
use briefing_core::dates::{Date, today};
use briefing_core::export::{Format, Paper, default_output, export};
use briefing_core::import::import_file;
use briefing_core::model::{AnchorStatus, Notebook};
use briefing_core::storage::{load_notebook, save_notebook};
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
    /// Import an article into a new notebook.
    New {
        /// The article (.txt or .md).
        article: PathBuf,
        /// Where to write the notebook (default: beside the article, with .ron).
        #[arg(short, long)]
        output: Option<PathBuf>,
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
    /// Replace the notebook's article with a corrected version and re-attach every span.
    UpdateArticle {
        /// The notebook (.ron), saved in place (a backup is kept as .ron.bak).
        notebook: PathBuf,
        /// The corrected article (.txt or .md).
        article: PathBuf,
        /// Show what would happen; change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print one JSON object (the shape of `check --json`).
        #[arg(long)]
        json: bool,
    },
    /// Suggest the actors an article names (people, states, organisations, armed groups).
    Suggest {
        /// The article (.txt or .md), or a notebook (.ron) to use its article.
        article: PathBuf,
        /// Print a JSON list of {name, kind, mentions, aliases}.
        #[arg(long)]
        json: bool,
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
        Command::New { article, output } => new_notebook(&article, output),
        Command::Check { notebook, json } => check(&notebook, json),
        Command::UpdateArticle {
            notebook,
            article,
            dry_run,
            json,
        } => update_article(&notebook, &article, dry_run, json),
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
            use std::io::Write;
            // eprintln! would panic if stderr itself cannot be written.
            let _ = writeln!(std::io::stderr().lock(), "briefing-notebook: {message}");
            ExitCode::FAILURE
        }
    }
}

fn new_notebook(article_path: &Path, output: Option<PathBuf>) -> Result<(), String> {
    let article = import_file(article_path).map_err(|e| e.to_string())?;
    let output = output.unwrap_or_else(|| article_path.with_extension("ron"));
    if output.exists() {
        return Err(format!(
            "{}: already exists; choose another name with -o",
            output.display()
        ));
    }
    let title = article.title.clone();
    let chars = article.char_len();
    save_notebook(&output, &Notebook::new(article)).map_err(|e| e.to_string())?;
    say!(
        "{}: new notebook on \"{title}\" ({chars} chars)",
        output.display()
    );
    Ok(())
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
    let (article, dismissed) = if is_notebook {
        let (nb, _) = load_notebook(path).map_err(|e| e.to_string())?;
        (nb.article, nb.dismissed_suggestions)
    } else {
        (import_file(path).map_err(|e| e.to_string())?, Vec::new())
    };
    let suggestions = briefing_core::suggest::suggest(&article, &dismissed);
    if json {
        let list: Vec<serde_json::Value> = suggestions
            .iter()
            .map(|s| {
                serde_json::json!({
                    "name": s.name,
                    "kind": kind_name(s.kind),
                    "mentions": s.mentions,
                    "aliases": s.aliases,
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
            say!(
                "{:>3}  {:<13} {}{aliases}",
                s.mentions,
                s.kind.label(),
                s.name
            );
        }
    }
    Ok(())
}

/// The kind as a lower-case word for JSON ("person", "armed group"...).
fn kind_name(kind: briefing_core::model::ActorKind) -> String {
    kind.label().to_lowercase()
}

fn update_article(
    path: &Path,
    article_path: &Path,
    dry_run: bool,
    json: bool,
) -> Result<(), String> {
    let (notebook, _) = load_notebook(path).map_err(|e| e.to_string())?;
    let mut article = import_file(article_path).map_err(|e| e.to_string())?;
    // The corrected text replaces the old; what is known about the source stays.
    let old = &notebook.article;
    article.source = article.source.or_else(|| old.source.clone());
    article.url = article.url.or_else(|| old.url.clone());
    article.published = article.published.or_else(|| old.published.clone());
    let (updated, reports) = briefing_core::anchor::replace_article(&notebook, article);
    if !dry_run {
        briefing_core::storage::save_notebook_with_backup(path, &updated)
            .map_err(|e| e.to_string())?;
    }
    if json {
        say!("{}", check_json(&updated, &reports));
    } else {
        say_raw!("{}", check_text(path, &updated, &reports));
        if dry_run {
            say!("(dry run: {} was not changed)", path.display());
        }
    }
    Ok(())
}

fn check(path: &Path, json: bool) -> Result<(), String> {
    let (notebook, reports) = load_notebook(path).map_err(|e| e.to_string())?;
    if json {
        say!("{}", check_json(&notebook, &reports));
    } else {
        say_raw!("{}", check_text(path, &notebook, &reports));
    }
    Ok(())
}

/// Where a finding is, for JSON: `{"kind": "bottom line"}` or `{"kind": "risk", "name": …}`
/// (the shape of an evidence span's `item`).
fn place_json(notebook: &Notebook, place: Place) -> serde_json::Value {
    match place {
        Place::BottomLine => serde_json::json!({ "kind": "bottom line" }),
        Place::Item(item) => serde_json::json!({
            "kind": item.kind.label(),
            "name": notebook.item_name(item).unwrap_or_default(),
        }),
    }
}

/// Where a finding is, for text: `bottom line` or `risk "Kabul sidelined"`.
fn place_text(notebook: &Notebook, place: Place) -> String {
    match place {
        Place::BottomLine => "bottom line".to_owned(),
        Place::Item(item) => format!(
            "{} \"{}\"",
            item.kind.label(),
            notebook.item_name(item).unwrap_or_default()
        ),
    }
}

/// The `check --json` object.
pub fn check_json(notebook: &Notebook, reports: &[SpanReport]) -> serde_json::Value {
    let evidence: Vec<serde_json::Value> = reports
        .iter()
        .map(|r| {
            serde_json::json!({
                "item": {
                    "kind": r.item.kind.label(),
                    "name": notebook.item_name(r.item).unwrap_or_default(),
                },
                "status": r.anchored.status.label(),
                "start": r.anchored.start,
                "end": r.anchored.end,
                "quote": r.quote,
            })
        })
        .collect();
    // The reviewer's findings, the same list the app's Review tab shows.
    let findings: Vec<serde_json::Value> = review(notebook)
        .into_iter()
        .map(|f| {
            serde_json::json!({
                "place": place_json(notebook, f.place),
                "kind": f.kind,
                "message": f.message,
            })
        })
        .collect();
    serde_json::json!({
        "actors": notebook.actors.len(),
        "stakes": notebook.stakes.len(),
        "risks": notebook.risks.len(),
        "evidence": evidence,
        "findings": findings,
    })
}

fn check_text(path: &Path, notebook: &Notebook, reports: &[SpanReport]) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "{}: \"{}\"", path.display(), notebook.article.title);
    let _ = writeln!(
        out,
        "actors: {}, stakes: {}, risks: {}, evidence spans: {}",
        notebook.actors.len(),
        notebook.stakes.len(),
        notebook.risks.len(),
        reports.len()
    );
    let mut counts = Vec::new();
    for status in [
        AnchorStatus::Exact,
        AnchorStatus::Moved,
        AnchorStatus::Fuzzy,
        AnchorStatus::Orphaned,
    ] {
        let n = reports
            .iter()
            .filter(|r| r.anchored.status == status)
            .count();
        if n > 0 {
            counts.push(format!("{n} {}", status.label()));
        }
    }
    if !counts.is_empty() {
        let _ = writeln!(out, "spans: {}", counts.join(", "));
    }
    for r in reports {
        let _ = writeln!(
            out,
            "{:<8} {:>6}..{:<6} {} \"{}\": \"{}\"",
            r.anchored.status.label(),
            r.anchored.start,
            r.anchored.end,
            r.item.kind.label(),
            notebook.item_name(r.item).unwrap_or_default(),
            r.quote.replace('\n', " ")
        );
    }
    let findings = review(notebook);
    let _ = writeln!(out, "findings: {}", findings.len());
    for f in &findings {
        let _ = writeln!(
            out,
            "finding  {}: {}",
            place_text(notebook, f.place),
            f.message
        );
    }
    out
}
