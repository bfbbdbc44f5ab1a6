//! The open notebook and what is done to it as a whole: open, import, save, save as,
//! add, remove and replace sources, autosave and recovery, close. No egui and no clock:
//! the app (or any other front end) passes the time in and turns the typed outcomes into
//! words.

mod autosave;
mod outcome;
mod sources;
#[cfg(test)]
mod sources_tests;
#[cfg(test)]
mod tests;

pub use autosave::{AutosaveNote, AutosaveTick};
pub use outcome::{Guard, OpenOutcome, Opened, Restored, SaveOutcome, Saved, SessionError};
pub use sources::{AddOptions, AddSourcesOutcome, Duplicate, NewSources, Replacement, new_sources};

use crate::assets::{SAMPLE_ARTICLE, SAMPLE_ARTICLE_NAME};
use crate::dates::Date;
use crate::export::{Format, Paper, export, fit::Fitted};
use crate::import::{ArticleFormat, import_bytes, import_file};
use crate::model::{Article, Document, Notebook};
use crate::storage::{
    AppDirs, Leftovers, Recoverable, RecoveryStore, Settings, StorageError, Unreadable,
    load_notebook, save_notebook_with_backup, write_export,
};
use autosave::Autosave;
use std::path::{Path, PathBuf};

/// The notebook being worked on, where it lives, and the app's remembered state.
pub struct Session {
    doc: Document,
    path: Option<PathBuf>,
    dirs: AppDirs,
    settings: Settings,
    store: RecoveryStore,
    autosave: Autosave,
    /// Recovery files found on start, not yet restored or discarded.
    leftovers: Vec<Recoverable>,
    /// Recovery files found on start that cannot be read, not yet removed.
    unreadable: Vec<Unreadable>,
}

impl Session {
    /// A session on the sample article, with the settings and recovery files under
    /// `dirs`. Also returns a sentence when the settings could not be read (defaults are
    /// used then).
    pub fn new(dirs: AppDirs) -> (Self, Option<String>) {
        let (settings, note) = Settings::load(&dirs.settings_file());
        let store = RecoveryStore::new(dirs.recovery());
        let Leftovers {
            found: leftovers,
            unreadable,
        } = store.leftovers();
        let session = Self {
            doc: Document::saved(sample_notebook()),
            path: None,
            autosave: Autosave::new(store.clone(), None),
            dirs,
            settings,
            store,
            leftovers,
            unreadable,
        };
        (session, note)
    }

    /// The notebook with its undo history.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The notebook, to edit, undo and redo (its file stays the session's business).
    pub fn document_mut(&mut self) -> &mut Document {
        &mut self.doc
    }

    /// Where the notebook is saved, if it is.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Recently opened or saved notebooks, most recent first.
    pub fn recent(&self) -> &[PathBuf] {
        &self.settings.recent
    }

    /// The notebook open when the app last closed, if it still exists.
    pub fn last_notebook(&self) -> Option<PathBuf> {
        self.settings.last_notebook.clone().filter(|p| p.exists())
    }

    /// Whether `then`, which puts this notebook away, may go ahead without asking.
    pub fn guard<T>(&self, then: T) -> Guard<T> {
        if self.doc.is_dirty() {
            Guard::AskFirst(then)
        } else {
            Guard::Proceed(then)
        }
    }

    /// Opens a notebook (`.ron`), or starts a new notebook on an article (any other
    /// file). On error the open notebook is untouched.
    pub fn open(&mut self, path: &Path) -> Result<OpenOutcome, SessionError> {
        if !is_notebook_file(path) {
            let article = import_file(path)?;
            self.switch_to(Document::saved(Notebook::new(article)), None);
            return Ok(OpenOutcome {
                opened: Opened::Article,
                reports: Vec::new(),
                note: None,
            });
        }
        let (notebook, reports) = load_notebook(path)?;
        self.switch_to(Document::saved(notebook), Some(path));
        let note = self.remember(path).err();
        Ok(OpenOutcome {
            opened: Opened::Notebook,
            reports,
            note,
        })
    }

    /// Starts a new notebook on pasted content: the article in `html` when it holds
    /// one, else `text`.
    pub fn import_pasted(
        &mut self,
        html: Option<&str>,
        text: Option<&str>,
    ) -> Result<(), SessionError> {
        let article = pasted_article(html, text)?;
        self.switch_to(Document::saved(Notebook::new(article)), None);
        Ok(())
    }

    /// Saves to the notebook's file, or says one must be chosen first.
    pub fn save(&mut self) -> Result<SaveOutcome, SessionError> {
        match self.path.clone() {
            Some(path) => self.save_as(&path).map(SaveOutcome::Saved),
            None => Ok(SaveOutcome::NeedsPath),
        }
    }

    /// Saves to `path` (keeping the replaced version as `.bak`), which becomes the
    /// notebook's file. On error nothing changes: the edits stay, unsaved.
    pub fn save_as(&mut self, path: &Path) -> Result<Saved, SessionError> {
        save_notebook_with_backup(path, self.doc.notebook())?;
        self.doc.mark_saved();
        self.autosave.saved(path);
        self.path = Some(path.to_path_buf());
        let note = self.remember(path).err();
        Ok(Saved {
            path: path.to_path_buf(),
            note,
        })
    }

    /// The user chose to lose the unsaved changes: their recovery file goes too.
    pub fn discard_changes(&mut self) {
        self.autosave.forget();
    }

    /// Renders the brief (or the evidence) in `format` and writes it to `path`. For a
    /// PDF, says how it was fitted on the page.
    pub fn export(
        &self,
        format: Format,
        paper: Paper,
        date: Date,
        path: &Path,
    ) -> Result<Option<Fitted>, SessionError> {
        let exported = export(self.doc.notebook(), format, paper, date)?;
        write_export(path, &exported.bytes)?;
        Ok(exported.fit)
    }

    /// Autosaved work from an earlier run that can be restored, newest first.
    pub fn leftovers(&self) -> &[Recoverable] {
        &self.leftovers
    }

    /// Recovery files from an earlier run that cannot be read.
    pub fn unreadable(&self) -> &[Unreadable] {
        &self.unreadable
    }

    /// True while recovery files found on start wait for a decision.
    pub fn has_leftovers(&self) -> bool {
        !self.leftovers.is_empty() || !self.unreadable.is_empty()
    }

    /// Opens the autosaved notebook in `file` as unsaved changes to its original file
    /// (if it had one). `None` when `file` is not among [`Session::leftovers`].
    pub fn restore(&mut self, file: &Path) -> Option<Restored> {
        let i = self.leftovers.iter().position(|r| r.file == file)?;
        let recovered = self.leftovers.remove(i);
        self.autosave.switch_to(None);
        // Checked and re-anchored when found, by the same gate as an opened notebook.
        self.doc = Document::unsaved(recovered.content.notebook);
        self.path = recovered.content.original;
        // Later autosaves of this work go to the same file, so nothing is ever lost.
        if let Some(key) = RecoveryStore::key_of(&recovered.file) {
            self.autosave.adopt(key);
        }
        Some(Restored {
            saved_at: recovered.content.saved_at,
            reports: recovered.reports,
        })
    }

    /// Deletes a recovery file found on start (readable or not) on the user's word.
    pub fn discard_recovery(&mut self, file: &Path) {
        if let Some(i) = self.leftovers.iter().position(|r| r.file == file) {
            let gone = self.leftovers.remove(i);
            self.store.remove_file(&gone.file);
        }
        if let Some(i) = self.unreadable.iter().position(|u| u.file == file) {
            let gone = self.unreadable.remove(i);
            self.store.remove_file(&gone.file);
        }
    }

    /// Call often (every frame): autosaves unsaved changes when due. `now` is seconds on
    /// any steady clock.
    pub fn tick(&mut self, now: f64) -> AutosaveTick {
        self.autosave.tick(now, &self.doc, self.path.as_deref())
    }

    /// The app is closing: remembers the open notebook for the next start.
    pub fn close(&mut self) -> Result<(), StorageError> {
        self.settings.last_notebook = self.path.clone();
        self.settings.save(&self.dirs.settings_file())
    }

    /// The folder a file dialog starts in: the notebook's, else the notebooks folder.
    pub fn default_folder(&self) -> PathBuf {
        if let Some(dir) = self.path.as_deref().and_then(Path::parent) {
            return dir.to_path_buf();
        }
        // Best effort: a dialog still opens (elsewhere) if the folder cannot be made.
        let _ = std::fs::create_dir_all(&self.dirs.notebooks);
        self.dirs.notebooks.clone()
    }

    /// A file name for the notebook or an export: the saved notebook's stem, else a slug
    /// of the brief's title.
    pub fn suggested_file_name(&self, extension: &str) -> String {
        if let Some(stem) = self.path.as_deref().and_then(Path::file_stem) {
            return format!("{}.{extension}", stem.to_string_lossy());
        }
        let slug: String = self
            .doc
            .notebook()
            .brief
            .title
            .chars()
            .map(|c| {
                if c.is_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect::<String>()
            .split('-')
            .filter(|s| !s.is_empty())
            .take(8)
            .collect::<Vec<_>>()
            .join("-");
        format!(
            "{}.{extension}",
            if slug.is_empty() { "notebook" } else { &slug }
        )
    }

    /// Another notebook takes this one's place (this one was saved or let go).
    fn switch_to(&mut self, doc: Document, path: Option<&Path>) {
        self.autosave.switch_to(path);
        self.doc = doc;
        self.path = path.map(Path::to_path_buf);
    }

    /// Puts `path` first among the recent files, on disk.
    fn remember(&mut self, path: &Path) -> Result<(), StorageError> {
        self.settings.note_opened(path);
        self.settings.save(&self.dirs.settings_file())
    }
}

/// Notebooks are `.ron` files; anything else is read as an article.
fn is_notebook_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}

/// The sample article as a new notebook.
fn sample_notebook() -> Notebook {
    let mut article = import_bytes(SAMPLE_ARTICLE, ArticleFormat::Text)
        .unwrap_or_else(|_| Article::new("Untitled", " "));
    article.imported_from = Some(SAMPLE_ARTICLE_NAME.to_owned());
    Notebook::new(article)
}

/// The article in pasted content: the one in `html` when it holds one, else `text`;
/// titled "Article from the clipboard" when it has no title of its own.
pub(crate) fn pasted_article(
    html: Option<&str>,
    text: Option<&str>,
) -> Result<Article, SessionError> {
    let from_html = html.and_then(|h| import_bytes(h.as_bytes(), ArticleFormat::Html).ok());
    let mut article = match (from_html, text) {
        (Some(article), _) => article,
        (None, Some(text)) => {
            import_bytes(text.as_bytes(), ArticleFormat::Text).map_err(SessionError::Pasted)?
        }
        (None, None) => return Err(SessionError::NothingPasted),
    };
    if article.title.is_empty() {
        article.title = "Article from the clipboard".to_owned();
    }
    article.imported_from = Some("clipboard".to_owned());
    Ok(article)
}
