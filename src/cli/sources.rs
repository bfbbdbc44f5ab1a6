//! The subcommands that bring articles in: `new` (a notebook on one or more articles),
//! `add-source` (more articles into a notebook) and `update-article` (a corrected text for
//! one source).

use super::check::{check_json, check_text};
use super::{complain, output};
use briefing_core::anchor::replace_article;
use briefing_core::import::{FileImportError, import_file};
use briefing_core::model::{Credibility, Id, Notebook, Reliability};
use briefing_core::session::{AddOptions, AddSourcesOutcome, NewSources, new_sources};
use briefing_core::storage::{load_notebook, save_notebook, save_notebook_with_backup};
use std::path::{Path, PathBuf};

/// `new A B C -o NOTEBOOK`: a notebook whose sources are the articles, in order. A file
/// that cannot be imported is named on stderr and the others still come in (the command
/// then fails); nothing is written when none can be.
pub(super) fn new_notebook(paths: &[PathBuf], output: Option<PathBuf>) -> Result<(), String> {
    let first = paths.first().ok_or("name at least one article to import")?;
    let output = output.unwrap_or_else(|| first.with_extension("ron"));
    if output.exists() {
        return Err(format!(
            "{}: already exists; choose another name with -o",
            output.display()
        ));
    }
    // The first article that imports makes the notebook; the rest are added to it.
    let mut failed: Vec<FileImportError> = Vec::new();
    let mut notebook = None;
    let mut rest = paths.iter();
    for path in rest.by_ref() {
        match import_file(path) {
            Ok(article) => {
                notebook = Some(Notebook::new(article));
                break;
            }
            Err(e) => failed.push(e),
        }
    }
    let Some(mut notebook) = notebook else {
        return match &failed[..] {
            [only] => Err(only.to_string()),
            _ => {
                failed.iter().try_for_each(complain)?;
                Err(format!(
                    "none of the {} articles could be imported; {} was not written",
                    paths.len(),
                    output.display()
                ))
            }
        };
    };
    let rest: Vec<PathBuf> = rest.cloned().collect();
    let NewSources {
        edit,
        outcome: mut added,
    } = new_sources(&notebook, &rest, AddOptions::default());
    if let Some(edit) = edit {
        edit.apply(&mut notebook)
            .map_err(|e| format!("{}: {e}", output.display()))?;
    }
    save_notebook(&output, &notebook).map_err(|e| e.to_string())?;
    if let [source] = &notebook.sources[..] {
        say!(
            "{}: new notebook on \"{}\" ({} chars)",
            output.display(),
            source.article.title,
            source.article.char_len()
        );
    } else {
        say!(
            "{}: new notebook on {} sources",
            output.display(),
            notebook.sources.len()
        );
        let ids: Vec<Id> = notebook.sources.iter().map(|s| s.id).collect();
        print_sources(&notebook, &ids)?;
    }
    failed.append(&mut added.failed);
    report(&added, &failed, paths.len())
}

/// `add-source NOTEBOOK ARTICLE...`: the articles become the notebook's last sources,
/// graded as given, and the notebook is saved in place (a backup kept as `.ron.bak`).
pub(super) fn add_source(
    path: &Path,
    articles: &[PathBuf],
    reliability: Reliability,
    credibility: Credibility,
    allow_duplicates: bool,
) -> Result<(), String> {
    let (mut notebook, _) = load_notebook(path).map_err(|e| e.to_string())?;
    let options = AddOptions {
        reliability,
        credibility,
        allow_duplicates,
    };
    let NewSources { edit, outcome } = new_sources(&notebook, articles, options);
    if let Some(edit) = edit {
        edit.apply(&mut notebook)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        save_notebook_with_backup(path, &notebook).map_err(|e| e.to_string())?;
        say!(
            "{}: {} new source{} ({} in all)",
            path.display(),
            outcome.added.len(),
            if outcome.added.len() == 1 { "" } else { "s" },
            notebook.sources.len()
        );
        print_sources(&notebook, &outcome.added)?;
    } else {
        say!(
            "{}: no new source; the notebook was not changed",
            path.display()
        );
    }
    report(&outcome, &outcome.failed, articles.len())
}

/// One line per source: `  source 31 [2] B2 "Title" (4,210 chars)`.
fn print_sources(notebook: &Notebook, ids: &[Id]) -> Result<(), String> {
    for &id in ids {
        let Some(source) = notebook.source(id) else {
            continue;
        };
        say!(
            "  source {id} [{}] {} \"{}\" ({} chars)",
            notebook.source_number(id).unwrap_or_default(),
            source.grade(),
            source.article.title,
            source.article.char_len()
        );
    }
    Ok(())
}

/// Says which files were duplicates (stdout: nothing went wrong) and which failed
/// (stderr, one line each); fails when any did.
fn report(
    outcome: &AddSourcesOutcome,
    failed: &[FileImportError],
    total: usize,
) -> Result<(), String> {
    for d in &outcome.duplicates {
        say!(
            "{}: the same text as source {} (\"{}\"); not added again (--allow-duplicates adds it)",
            d.path.display(),
            d.of,
            d.title
        );
    }
    failed.iter().try_for_each(complain)?;
    if failed.is_empty() {
        return Ok(());
    }
    Err(format!(
        "{} of {total} articles could not be imported (named above); the others were; fix or leave out those files and add them with add-source",
        failed.len()
    ))
}

/// `update-article NOTEBOOK ARTICLE [--source ID]`: a corrected version of one source's
/// article; that source's spans are re-attached and the notebook saved in place.
pub(super) fn update_article(
    path: &Path,
    article_path: &Path,
    source: Option<Id>,
    dry_run: bool,
    json: bool,
) -> Result<(), String> {
    let (notebook, _) = load_notebook(path).map_err(|e| e.to_string())?;
    let id = which_source(path, &notebook, source)?;
    let mut article = import_file(article_path).map_err(|e| e.to_string())?;
    // The corrected text replaces the old; what is known about the source stays.
    if let Some(old) = notebook.source(id) {
        article.keep_known_from(&old.article);
    }
    let (updated, reports) =
        replace_article(&notebook, id, article).map_err(|e| format!("{}: {e}", path.display()))?;
    if !dry_run {
        save_notebook_with_backup(path, &updated).map_err(|e| e.to_string())?;
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

/// The source `--source` names, or the only one; with several and no flag, an error
/// listing them.
fn which_source(path: &Path, notebook: &Notebook, source: Option<Id>) -> Result<Id, String> {
    let list = || {
        notebook
            .sources
            .iter()
            .map(|s| format!("{} \"{}\"", s.id, s.article.title))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (source, &notebook.sources[..]) {
        (Some(id), _) if notebook.source(id).is_some() => Ok(id),
        (Some(id), _) => Err(format!(
            "{}: has no source {id}; its sources are {}",
            path.display(),
            list()
        )),
        (None, [only]) => Ok(only.id),
        (None, _) => Err(format!(
            "{}: has {} sources; say which this article corrects with --source ID (one of {})",
            path.display(),
            notebook.sources.len(),
            list()
        )),
    }
}

/// Parses `--reliability`: a letter A-F.
pub(super) fn parse_reliability(s: &str) -> Result<Reliability, String> {
    let mut chars = s.trim().chars();
    match (chars.next(), chars.next()) {
        (Some(letter), None) => Reliability::from_letter(letter),
        _ => None,
    }
    .ok_or_else(|| format!("\"{s}\" is not a reliability grade; use a letter A (completely reliable) to F (cannot be judged)"))
}

/// Parses `--credibility`: a number 1-6.
pub(super) fn parse_credibility(s: &str) -> Result<Credibility, String> {
    s.trim()
        .parse::<u8>()
        .ok()
        .and_then(Credibility::new)
        .ok_or_else(|| format!("\"{s}\" is not a credibility grade; use a number 1 (confirmed) to 6 (cannot be judged)"))
}
