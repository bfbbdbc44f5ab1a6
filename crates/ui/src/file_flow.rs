//! The file flow: carries out [`FileCommand`]s with the [`Session`], the file dialogs
//! (or the typed-path question where there are none), the clipboard and the opener.
//! It asks before unsaved changes would be lost, remembers what to do after a "save as",
//! and turns the session's typed outcomes into sentences and questions ([`Effect`]s) for
//! the app to show. It never calls back into the app.

use crate::clipboard::{ClipboardSource, NoClipboard};
use crate::command::{AfterSave, Command, FileCommand};
use crate::file_dialog::{Dialogs, FilePicker, PickOutcome, PickRequest, Purpose, with_extension};
use crate::import_text::session_error_message;
use crate::modals::Modal;
use crate::opener::Opener;
use crate::recovery_text;
use briefing_core::anchor::SpanReport;
use briefing_core::dates::today;
use briefing_core::export::{Format, Paper};
use briefing_core::model::{AnchorStatus, Id};
use briefing_core::session::{
    AutosaveNote, Guard, Opened, Replacement, SaveOutcome, Saved, Session, SessionError,
};
use std::path::Path;

mod sources;

/// What a file command asks of the rest of the app, in order.
#[derive(Debug)]
pub(crate) enum Effect {
    /// Say this on the status line.
    Status(String),
    /// Ask or tell this.
    Show(Modal),
    /// Another notebook is open: what the view held about the old one goes.
    Reopened,
    /// The article's text changed; `review`: some spans need a look.
    ArticleReplaced {
        /// Some spans were re-attached only approximately, or not at all.
        review: bool,
    },
    /// Nothing unsaved is left (or the user let it go): close the window.
    Quit,
    /// Sources were added: show this one.
    ShowSource(Id),
}

/// What the file flow works with besides its own state.
pub(crate) struct Env<'a> {
    /// The open notebook.
    pub session: &'a mut Session,
    /// The paper the preview shows, for exports.
    pub paper: Paper,
    /// The source the reader shows: the one "replace the article" and "edit text" change.
    pub source: Option<Id>,
    /// Woken when a dialog closes.
    pub ctx: Option<&'a egui::Context>,
}

/// The file flow's state: the dialogs, the outside services, the pending continuation.
pub(crate) struct FileFlow {
    dialogs: Dialogs,
    /// Where "New from clipboard" reads.
    pub clipboard: Box<dyn ClipboardSource>,
    /// Opens exported files outside the app; `None` where there is no desktop.
    pub opener: Option<Box<dyn Opener>>,
    /// What to do once the pending "save as" has succeeded.
    after_save: Option<AfterSave>,
    /// Effects of the command being carried out.
    out: Vec<Effect>,
}

impl FileFlow {
    /// A flow whose dialogs are shown by `picker`; no clipboard, no opener yet.
    pub fn new(picker: impl FilePicker) -> Self {
        Self {
            dialogs: Dialogs::new(picker),
            clipboard: Box::new(NoClipboard),
            opener: None,
            after_save: None,
            out: Vec::new(),
        }
    }

    /// The answer of a dialog that closed since the last call, as a command.
    pub fn poll(&mut self) -> Option<Command> {
        let (purpose, outcome) = self.dialogs.poll()?;
        Some(Command::File(FileCommand::Picked(purpose, outcome)))
    }

    /// Carries out `command`; says what the app should show or reset.
    pub fn run(&mut self, command: FileCommand, env: Env<'_>) -> Vec<Effect> {
        let Env {
            session,
            paper,
            source,
            ctx,
        } = env;
        match command {
            FileCommand::NewNotebook => self.guard(session, AfterSave::PickArticle, ctx),
            FileCommand::NewFromClipboard => self.guard(session, AfterSave::FromClipboard, ctx),
            FileCommand::Open => self.guard(session, AfterSave::PickFile, ctx),
            FileCommand::OpenPath(path) => self.guard(session, AfterSave::Open(path), ctx),
            FileCommand::Quit => self.guard(session, AfterSave::Quit, ctx),
            FileCommand::Save => self.save(session, None, ctx),
            FileCommand::SaveAs => self.pick(session, Purpose::SaveNotebook, ctx),
            FileCommand::Export(format) => self.pick(session, Purpose::Export(format), ctx),
            FileCommand::ReplaceArticle => self.pick(session, Purpose::ReplaceArticle, ctx),
            FileCommand::EditArticleText => {
                let nb = session.document().notebook();
                if let Some(shown) = source.and_then(|id| nb.source(id)) {
                    let text = shown.article.text.to_string();
                    self.show(Modal::EditArticle { text });
                }
            }
            FileCommand::ArticleText(text) => {
                let replaced =
                    source.map(|id| session.replace_source_text(id, Replacement::Text(&text)));
                match replaced {
                    Some(Ok(Some(reports))) => self.article_replaced(&reports, "your edit"),
                    Some(Ok(None)) | None => {}
                    Some(Err(e)) => self.replace_failed(e),
                }
            }
            FileCommand::OpenExternally(path) => self.open_externally(&path),
            FileCommand::Picked(purpose, outcome) => match outcome {
                PickOutcome::Chosen(path) => {
                    self.use_path(session, purpose, &path, (paper, source), ctx)
                }
                PickOutcome::ChosenMany(paths) if purpose == Purpose::AddSources => {
                    self.add_sources(session, &paths, false)
                }
                PickOutcome::ChosenMany(paths) => {
                    if let Some(path) = paths.first() {
                        self.use_path(session, purpose, path, (paper, source), ctx)
                    }
                }
                PickOutcome::Cancelled => {
                    self.after_save = None;
                    self.status("Cancelled.".to_owned());
                }
                PickOutcome::Unavailable => self.pick(session, purpose, ctx),
            },
            FileCommand::SaveThen(then) => self.save(session, Some(then), ctx),
            FileCommand::DiscardThen(then) => {
                self.after_save = None;
                session.discard_changes();
                self.proceed(session, then, ctx);
            }
            FileCommand::Restore(file) => {
                if let Some(restored) = session.restore(&file) {
                    self.reopened();
                    self.status(format!(
                        "Restored unsaved work from {}. Save it (Ctrl+S) to keep it. {}",
                        recovery_text::when(restored.saved_at),
                        anchor_summary(&restored.reports)
                    ));
                }
                self.ask_about_leftovers(session);
            }
            FileCommand::DiscardRecovery(file) => {
                session.discard_recovery(&file);
                self.ask_about_leftovers(session);
            }
            FileCommand::Dismissed => self.after_save = None,
            FileCommand::AddSources => self.pick(session, Purpose::AddSources, ctx),
            FileCommand::AddSourcePaths {
                paths,
                allow_duplicates,
            } => self.add_sources(session, &paths, allow_duplicates),
            FileCommand::AddSourceFromClipboard { allow_duplicates } => {
                self.add_pasted(session, allow_duplicates)
            }
        }
        std::mem::take(&mut self.out)
    }

    /// The question about recovery files found on start, while any wait for an answer.
    pub fn recover_modal(session: &Session) -> Option<Modal> {
        session.has_leftovers().then(|| Modal::Recover {
            items: session
                .leftovers()
                .iter()
                .map(|r| (r.file.clone(), recovery_text::describe(r)))
                .collect(),
            unreadable: session
                .unreadable()
                .iter()
                .map(|u| (u.file.clone(), u.problem.to_string()))
                .collect(),
        })
    }

    fn status(&mut self, text: String) {
        self.out.push(Effect::Status(text));
    }

    fn show(&mut self, modal: Modal) {
        self.out.push(Effect::Show(modal));
    }

    /// Another notebook is open: nothing pending belongs to it.
    fn reopened(&mut self) {
        self.after_save = None;
        self.out.push(Effect::Reopened);
    }

    fn ask_about_leftovers(&mut self, session: &Session) {
        if let Some(modal) = Self::recover_modal(session) {
            self.show(modal);
        }
    }

    /// Goes on with `then` at once, or asks first when unsaved changes would be lost.
    fn guard(&mut self, session: &mut Session, then: AfterSave, ctx: Option<&egui::Context>) {
        match session.guard(then) {
            Guard::Proceed(then) => self.proceed(session, then, ctx),
            Guard::AskFirst(then) => self.show(Modal::Unsaved(then)),
        }
    }

    fn proceed(&mut self, session: &mut Session, then: AfterSave, ctx: Option<&egui::Context>) {
        match then {
            AfterSave::Open(path) => self.open(session, &path),
            AfterSave::PickArticle => self.pick(session, Purpose::NewFromArticle, ctx),
            AfterSave::PickFile => self.pick(session, Purpose::Open, ctx),
            AfterSave::FromClipboard => self.new_from_clipboard(session),
            AfterSave::Quit => self.out.push(Effect::Quit),
        }
    }

    /// Saves to the notebook's file, then goes on with `then`; without a file, asks
    /// where first (and goes on once saved there).
    fn save(
        &mut self,
        session: &mut Session,
        then: Option<AfterSave>,
        ctx: Option<&egui::Context>,
    ) {
        match session.save() {
            Ok(SaveOutcome::Saved(saved)) => self.saved(session, &saved, then, ctx),
            Ok(SaveOutcome::NeedsPath) => {
                // A plain Save leaves a continuation already waiting for this dialog.
                if then.is_some() {
                    self.after_save = then;
                }
                self.pick(session, Purpose::SaveNotebook, ctx);
            }
            Err(e) => self.save_failed(&e),
        }
    }

    fn saved(
        &mut self,
        session: &mut Session,
        saved: &Saved,
        then: Option<AfterSave>,
        ctx: Option<&egui::Context>,
    ) {
        self.status(format!("Saved {}.", saved.path.display()));
        if let Some(then) = then {
            self.proceed(session, then, ctx);
        }
    }

    /// The changes stay in memory, unsaved, and the user is told what to do.
    fn save_failed(&mut self, e: &SessionError) {
        self.after_save = None;
        self.show(Modal::Error(format!(
            "{e}\n\nYour changes are still here, not saved. Try Save As to choose another place."
        )));
    }

    /// Opens a notebook, or starts a new notebook on an article.
    fn open(&mut self, session: &mut Session, path: &Path) {
        match session.open(path) {
            Ok(outcome) => {
                self.reopened();
                self.status(match outcome.opened {
                    Opened::Notebook => format!(
                        "Opened {}. {}{}",
                        display_name(path),
                        anchor_summary(&outcome.reports),
                        conflicts_note(session.document().notebook().conflicts.len())
                    ),
                    Opened::Article => format!(
                        "New notebook from {}. Save it with Ctrl+S.",
                        display_name(path)
                    ),
                });
            }
            Err(e) => self.show(Modal::Error(session_error_message(&e))),
        }
    }

    /// A new notebook from the clipboard: a copied web page's article when it holds HTML
    /// with one, else its text.
    fn new_from_clipboard(&mut self, session: &mut Session) {
        let content = self.clipboard.read();
        match session.import_pasted(content.html.as_deref(), content.text.as_deref()) {
            Ok(()) => {
                self.reopened();
                self.status("New notebook from the clipboard. Save it with Ctrl+S.".to_owned());
            }
            Err(e) => self.show(Modal::Error(format!(
                "Clipboard: {e}. Copy the article's text (or select the article on a web page and copy it), then try again."
            ))),
        }
    }

    /// Uses a chosen file for `purpose`; `shown` is the paper the preview shows and the
    /// source the reader shows.
    fn use_path(
        &mut self,
        session: &mut Session,
        purpose: Purpose,
        path: &Path,
        (paper, source): (Paper, Option<Id>),
        ctx: Option<&egui::Context>,
    ) {
        match purpose {
            Purpose::Open | Purpose::NewFromArticle => self.open(session, path),
            Purpose::AddSources => self.add_sources(session, &[path.to_path_buf()], false),
            Purpose::ReplaceArticle => {
                let replaced =
                    source.map(|id| session.replace_source_text(id, Replacement::File(path)));
                match replaced {
                    Some(Ok(reports)) => {
                        let reports = reports.unwrap_or_default();
                        self.article_replaced(&reports, &display_name(path));
                    }
                    Some(Err(e)) => self.replace_failed(e),
                    None => {}
                }
            }
            Purpose::SaveNotebook => match session.save_as(&with_extension(path, "ron")) {
                Ok(saved) => {
                    let then = self.after_save.take();
                    self.saved(session, &saved, then, ctx);
                }
                Err(e) => self.save_failed(&e),
            },
            Purpose::Export(format) => self.export(
                session,
                format,
                paper,
                &with_extension(path, format.extension()),
            ),
        }
    }

    /// Says how the spans fared; opens the Review tab when some need a look.
    fn article_replaced(&mut self, reports: &[SpanReport], from: &str) {
        let review = reports.iter().any(|r| {
            matches!(
                r.anchored.status,
                AnchorStatus::Fuzzy | AnchorStatus::Orphaned
            )
        });
        self.out.push(Effect::ArticleReplaced { review });
        self.status(format!(
            "Article replaced from {from}. {}",
            anchor_summary(reports)
        ));
    }

    fn replace_failed(&mut self, e: SessionError) {
        match e {
            SessionError::Edit(e) => self.status(format!("Could not change the notebook: {e}")),
            e => self.show(Modal::Error(session_error_message(&e))),
        }
    }

    /// Writes the brief in `format` to `path`, then offers to open it.
    fn export(&mut self, session: &Session, format: Format, paper: Paper, path: &Path) {
        match session.export(format, paper, today(), path) {
            Ok(fit) => {
                let note = fit
                    .map(|f| format!("{}, {}", paper.label(), f.summary()))
                    .unwrap_or_default();
                self.status(format!("Exported {}.", path.display()));
                self.show(Modal::Exported {
                    path: path.to_path_buf(),
                    note,
                });
            }
            Err(e) => self.show(Modal::Error(format!("{}: {e}", path.display()))),
        }
    }

    fn open_externally(&mut self, path: &Path) {
        let problem = match &self.opener {
            Some(opener) => opener
                .open(path)
                .err()
                .map(|e| format!("Could not open {}: {e}", path.display())),
            None => Some(format!(
                "No desktop to open files with here: the file is {}",
                path.display()
            )),
        };
        if let Some(problem) = problem {
            self.status(problem);
        }
    }

    /// Shows a file dialog, or, where none can be shown, asks for a typed path.
    fn pick(&mut self, session: &Session, purpose: Purpose, ctx: Option<&egui::Context>) {
        if self.dialogs.unavailable {
            self.show(Modal::TypedPath {
                purpose,
                text: suggested_path(session, purpose),
                note: "No system file dialog is available here (it needs xdg-desktop-portal or zenity). Type the file's path:".to_owned(),
                // Opening a recent notebook is an answer only when a notebook is wanted
                // (not when saving, exporting, replacing the text or adding sources).
                recent: if matches!(purpose, Purpose::Open | Purpose::NewFromArticle) {
                    session.recent().to_vec()
                } else {
                    Vec::new()
                },
            });
            self.status(String::new());
            return;
        }
        if self.dialogs.is_open() {
            self.status("A file dialog is already open.".to_owned());
            return;
        }
        let file_name = match purpose {
            Purpose::SaveNotebook => Some(session.suggested_file_name("ron")),
            Purpose::Export(format) => Some(session.suggested_file_name(format.extension())),
            Purpose::Open
            | Purpose::NewFromArticle
            | Purpose::ReplaceArticle
            | Purpose::AddSources => None,
        };
        let ctx = ctx.cloned();
        self.dialogs.request(
            PickRequest {
                purpose,
                folder: session.default_folder(),
                file_name,
            },
            move || {
                if let Some(ctx) = &ctx {
                    ctx.request_repaint();
                }
            },
        );
        self.status(format!("{}…", purpose.title()));
    }
}

/// What the typed-path question starts with.
fn suggested_path(session: &Session, purpose: Purpose) -> String {
    let folder = session.default_folder();
    let file = |extension| folder.join(session.suggested_file_name(extension));
    match purpose {
        Purpose::SaveNotebook => file("ron").display().to_string(),
        Purpose::Export(format) => file(format.extension()).display().to_string(),
        // A trailing separator: the user only has to type the file name.
        _ => format!("{}{}", folder.display(), std::path::MAIN_SEPARATOR),
    }
}

/// The status line's sentence about autosaving.
pub(crate) fn autosave_sentence(note: &AutosaveNote) -> String {
    match note {
        AutosaveNote::Failed { error, retry_in } => format!(
            "Autosave failed: {error}. Trying again in {} s; until then save with Ctrl+S to keep your changes.",
            retry_in.as_secs()
        ),
        AutosaveNote::WorksAgain => {
            "Autosave works again: your unsaved changes are safe in the recovery file.".to_owned()
        }
    }
}

/// A file's name, for sentences.
pub(crate) fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// What an opened notebook's merge conflicts ask for ("" when it has none).
fn conflicts_note(conflicts: usize) -> String {
    match conflicts {
        0 => String::new(),
        1 => " 1 merge conflict to settle in the Review tab.".to_owned(),
        n => format!(" {n} merge conflicts to settle in the Review tab."),
    }
}

/// "30 evidence spans, all exact." or "28 exact, 2 moved, 1 orphaned: review them."
fn anchor_summary(reports: &[SpanReport]) -> String {
    if reports.is_empty() {
        return String::new();
    }
    let count = |s: AnchorStatus| reports.iter().filter(|r| r.anchored.status == s).count();
    let exact = count(AnchorStatus::Exact);
    if exact == reports.len() {
        return format!("{} evidence spans, all exact.", reports.len());
    }
    format!(
        "{exact} exact, {} moved, {} fuzzy, {} orphaned: review them in the panes.",
        count(AnchorStatus::Moved),
        count(AnchorStatus::Fuzzy),
        count(AnchorStatus::Orphaned)
    )
}
