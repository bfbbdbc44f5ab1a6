//! A notebook's sources as a whole: adding articles (several at once, duplicates caught
//! by their text's SHA-256), removing one with its evidence, replacing one's text. Each
//! change is one undo step.

use super::{Session, SessionError};
use crate::anchor::{SpanReport, replace_article_edit};
use crate::import::{FileImportError, import_file, normalise};
use crate::model::{Article, Credibility, Edit, Id, Notebook, Reliability, Source, fresh_id};
use std::path::{Path, PathBuf};

/// How new sources are added.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AddOptions {
    /// The grade every new source starts with (F when not judged).
    pub reliability: Reliability,
    /// The credibility every new source starts with (6 when not judged).
    pub credibility: Credibility,
    /// Add a text even when the notebook (or this batch) already holds the very same
    /// text; otherwise it is reported as a [`Duplicate`] and left out.
    pub allow_duplicates: bool,
}

/// A file left out because its text is already a source's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    /// The file.
    pub path: PathBuf,
    /// The source with the same text (SHA-256 of the normalised text).
    pub of: Id,
    /// That source's title.
    pub title: String,
}

/// What adding several articles did: each file is added, failed or a duplicate.
#[derive(Debug, Default)]
pub struct AddSourcesOutcome {
    /// Ids of the new sources, in the order of the files.
    pub added: Vec<Id>,
    /// Files that could not be imported; each error names its file.
    pub failed: Vec<FileImportError>,
    /// Files whose text is already a source's (not added).
    pub duplicates: Vec<Duplicate>,
}

/// New sources for a notebook, ready to apply: the one edit that adds them all (none
/// when nothing is to be added) and what happened to each file.
#[derive(Debug)]
pub struct NewSources {
    /// Adds every imported article as one undo step.
    pub edit: Option<Edit>,
    /// Per file: added, failed or duplicate.
    pub outcome: AddSourcesOutcome,
}

/// Imports `paths` as new sources of `notebook` (ids from its id space, in file order),
/// without changing it: a file that fails is reported by name and the others still
/// come in. Used by [`Session::add_sources`] and the command line alike.
pub fn new_sources(notebook: &Notebook, paths: &[PathBuf], options: AddOptions) -> NewSources {
    let mut outcome = AddSourcesOutcome::default();
    let mut adds: Vec<Source> = Vec::new();
    for path in paths {
        let article = match import_file(path) {
            Ok(article) => article,
            Err(e) => {
                outcome.failed.push(e);
                continue;
            }
        };
        let same = notebook
            .sources
            .iter()
            .chain(&adds)
            .find(|s| s.article.text_sha256 == article.text_sha256);
        if let Some(same) = same.filter(|_| !options.allow_duplicates) {
            outcome.duplicates.push(Duplicate {
                path: path.clone(),
                of: same.id,
                title: same.article.title.clone(),
            });
            continue;
        }
        let mut source = Source::new(fresh_id(), article);
        source.reliability = options.reliability;
        source.credibility = options.credibility;
        outcome.added.push(source.id);
        adds.push(source);
    }
    let edit =
        (!adds.is_empty()).then(|| Edit::Batch(adds.into_iter().map(Edit::AddSource).collect()));
    NewSources { edit, outcome }
}

/// A source's new text: a corrected file, or the text corrected by hand.
#[derive(Clone, Copy, Debug)]
pub enum Replacement<'a> {
    /// A corrected version in a file (any format an article can be imported from).
    File(&'a Path),
    /// The text as corrected by hand (normalised the way an import is).
    Text(&'a str),
}

impl Session {
    /// Adds the articles in `paths` as new sources, as one undo step. Files that cannot
    /// be imported are reported by name and the others still come in; a text the notebook
    /// already holds is reported as a duplicate and left out unless
    /// `options.allow_duplicates`.
    pub fn add_sources(
        &mut self,
        paths: &[PathBuf],
        options: AddOptions,
    ) -> Result<AddSourcesOutcome, SessionError> {
        let NewSources { edit, outcome } = new_sources(self.doc.notebook(), paths, options);
        if let Some(edit) = edit {
            self.doc.apply(edit)?;
        }
        Ok(outcome)
    }

    /// Adds pasted content (the article in `html`, else `text`) as a new source, as one
    /// undo step. `Ok(Err(duplicate))` when the notebook already holds the same text and
    /// `options.allow_duplicates` is not set (nothing is added; its path is "clipboard").
    pub fn add_pasted(
        &mut self,
        html: Option<&str>,
        text: Option<&str>,
        options: AddOptions,
    ) -> Result<Result<Id, Duplicate>, SessionError> {
        let article = super::pasted_article(html, text)?;
        let nb = self.doc.notebook();
        let same = nb
            .sources
            .iter()
            .find(|s| s.article.text_sha256 == article.text_sha256);
        if let Some(same) = same.filter(|_| !options.allow_duplicates) {
            return Ok(Err(Duplicate {
                path: PathBuf::from("clipboard"),
                of: same.id,
                title: same.article.title.clone(),
            }));
        }
        let mut source = Source::new(self.doc.allocate_id(), article);
        source.reliability = options.reliability;
        source.credibility = options.credibility;
        let id = source.id;
        self.doc.apply(Edit::AddSource(source))?;
        Ok(Ok(id))
    }

    /// How many evidence spans quote the source `id` (the app asks before removing a
    /// source that has some).
    pub fn evidence_count(&self, id: Id) -> usize {
        self.doc.notebook().evidence_count(id)
    }

    /// Removes the source `id` and every evidence span that quotes it, as one undo step.
    /// The last source cannot be removed (a notebook always has one).
    pub fn remove_source(&mut self, id: Id) -> Result<(), SessionError> {
        self.doc.apply(Edit::RemoveSource(id))?;
        Ok(())
    }

    /// Replaces the article of source `id` with `article` as one undo step, re-attaching
    /// that source's spans (the others are not touched); what the new version does not
    /// say about the source (publisher, author, URL, date) is kept from the old one.
    pub fn replace_article(
        &mut self,
        id: Id,
        mut article: Article,
    ) -> Result<Vec<SpanReport>, SessionError> {
        if let Some(old) = self.doc.notebook().source(id) {
            article.keep_known_from(&old.article);
        }
        let (edit, reports) = replace_article_edit(self.doc.notebook(), id, article)?;
        self.doc.apply(edit)?;
        Ok(reports)
    }

    /// Replaces the text of source `id` with a corrected file or a hand-corrected text,
    /// as one undo step (see [`Session::replace_article`]). `None` when a hand-corrected
    /// text is unchanged.
    pub fn replace_source_text(
        &mut self,
        id: Id,
        replacement: Replacement<'_>,
    ) -> Result<Option<Vec<SpanReport>>, SessionError> {
        let article = match replacement {
            Replacement::File(path) => import_file(path)?,
            Replacement::Text(text) => {
                let text = normalise(text);
                if text.trim().is_empty() {
                    return Err(SessionError::EmptyArticle);
                }
                let old = self
                    .doc
                    .notebook()
                    .source(id)
                    .map(|s| &s.article)
                    .ok_or(crate::model::EditError::NoSuchSource(id))?;
                if *text == *old.text {
                    return Ok(None);
                }
                let mut article = Article::new(old.title.clone(), text);
                article.imported_from = old.imported_from.clone();
                article
            }
        };
        self.replace_article(id, article).map(Some)
    }
}
