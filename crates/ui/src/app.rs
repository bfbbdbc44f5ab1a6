//! The app: owns the document and the view state, draws the window, and applies every
//! [`Command`] in one place (`apply`).

use super::article_view::{ArticleInput, ArticleView, Highlight};
use super::autosave::Autosave;
use super::clipboard::{ClipboardSource, NoClipboard};
use super::command::{AfterSave, Command};
use super::file_dialog::{Dialogs, FilePicker, PickOutcome, PickRequest, Purpose, with_extension};
use super::find_bar::FindBar;
use super::import_text::import_error_message;
use super::modals::{self, Modal, ModalAnswer};
use super::opener::Opener;
use super::panes::{self, PaneContext, Tab, fields::shorten};
use super::preview::Preview;
use super::recovery_text;
use super::theme;
use briefing_core::anchor::{SpanReport, accept_as_found, evidence_for, replace_article_edit};
use briefing_core::dates::today;
use briefing_core::export::{Format, export};
use briefing_core::import::{ArticleFormat, import_bytes, import_file};
use briefing_core::mentions::{Mention, find_mentions};
use briefing_core::model::{AnchorStatus, Document, Edit, ItemKind, ItemRef, Notebook, TextIndex};
use briefing_core::storage::{
    AppDirs, Leftovers, Recoverable, RecoveryStore, Settings, Unreadable, load_notebook,
    save_notebook_with_backup, write_export,
};
use egui::{self, RichText, Ui, ViewportCommand};
use std::path::{Path, PathBuf};

use briefing_core::assets::{SAMPLE_ARTICLE, SAMPLE_ARTICLE_NAME as SAMPLE_FILE_NAME};

/// How long a revealed span flashes, in seconds.
const FLASH_SECONDS: f64 = 1.6;

/// The whole app state.
pub struct BriefingApp {
    doc: Document,
    path: Option<PathBuf>,
    index: TextIndex,
    /// The text `index` was built for (undo can bring back another text).
    indexed: std::sync::Arc<str>,
    /// Where the article names each actor, and what it was computed from.
    mentions: Vec<Mention>,
    mentions_key: Option<u64>,
    /// Mentions per actor, and the longest mention (for span lookups).
    mention_counts: std::collections::HashMap<briefing_core::model::Id, usize>,
    longest_mention: usize,
    /// The mention last stepped to: (actor, index among its mentions).
    current_mention: Option<(briefing_core::model::Id, usize)>,
    /// Where "New from clipboard" reads.
    clipboard: Box<dyn ClipboardSource>,
    /// Opens exported files outside the app; `None` where there is no desktop.
    opener: Option<Box<dyn Opener>>,
    /// Suggested actors, for the article text they were computed from.
    suggestions: Option<(std::sync::Arc<str>, Vec<briefing_core::suggest::Suggestion>)>,
    /// What a reviewer would flag, for the revision it was computed for.
    findings: Vec<briefing_core::checks::Finding>,
    findings_for: Option<u64>,
    /// Heights of the panes' cards, to skip drawing those far out of view.
    card_heights: std::collections::HashMap<ItemRef, f32>,
    article: ArticleView,
    find: FindBar,
    preview: Preview,
    focus: Option<ItemRef>,
    tab: Tab,
    scroll_to_focus: bool,
    flash: Option<(usize, usize, f64)>,
    dirs: AppDirs,
    settings: Settings,
    dialogs: Dialogs,
    modal: Option<Modal>,
    /// What to do once the pending "save as" has succeeded.
    after_save: Option<AfterSave>,
    status: String,
    allow_close: bool,
    close_now: bool,
    window_title: String,
    closing: bool,
    fonts_installed: bool,
    autosave: Autosave,
    /// Recovery files found on start, not yet restored or discarded.
    leftovers: Vec<Recoverable>,
    /// Recovery files found on start that cannot be read, not yet removed.
    unreadable: Vec<Unreadable>,
    ctx: Option<egui::Context>,
}

impl BriefingApp {
    /// Starts the app: on `open` if given, else on the last notebook, else on the sample.
    pub fn new(dirs: AppDirs, picker: impl FilePicker, open: Option<PathBuf>) -> Self {
        let (settings, settings_note) = Settings::load(&dirs.settings_file());
        let recovery = RecoveryStore::new(dirs.recovery());
        let Leftovers {
            found: leftovers,
            unreadable,
        } = recovery.leftovers();
        let mut app = Self {
            doc: Document::saved(sample_notebook()),
            path: None,
            index: TextIndex::new(""),
            indexed: std::sync::Arc::from(""),
            mentions: Vec::new(),
            mentions_key: None,
            mention_counts: std::collections::HashMap::new(),
            longest_mention: 0,
            current_mention: None,
            card_heights: std::collections::HashMap::new(),
            findings: Vec::new(),
            findings_for: None,
            suggestions: None,
            clipboard: Box::new(NoClipboard),
            opener: None,
            article: ArticleView::default(),
            find: FindBar::default(),
            preview: Preview::default(),
            focus: None,
            tab: Tab::Actors,
            scroll_to_focus: false,
            flash: None,
            dirs,
            settings,
            dialogs: Dialogs::new(picker),
            modal: None,
            after_save: None,
            status: String::new(),
            allow_close: false,
            close_now: false,
            window_title: String::new(),
            closing: false,
            fonts_installed: false,
            autosave: Autosave::new(recovery, None),
            leftovers,
            unreadable,
            ctx: None,
        };
        app.reset_view();
        app.status = "Select words in the article to attach them as evidence.".to_owned();
        let last = app.settings.last_notebook.clone().filter(|p| p.exists());
        if let Some(path) = open.or(last) {
            app.open_path(&path);
        }
        if let Some(note) = settings_note {
            app.status = note;
        }
        if app.has_leftovers() && app.modal.is_none() {
            app.modal = Some(app.recover_modal());
        }
        app
    }

    /// Opens exported files with `opener` (the system's default programs, in the binary).
    pub fn with_opener(mut self, opener: impl Opener + 'static) -> Self {
        self.opener = Some(Box::new(opener));
        self
    }

    /// Reads "New from clipboard" from `source` (the system clipboard, in the binary).
    pub fn with_clipboard(mut self, source: impl ClipboardSource + 'static) -> Self {
        self.clipboard = Box::new(source);
        self
    }

    /// A new notebook from the clipboard: a copied web page's article when it holds
    /// HTML with one, else its text.
    fn new_from_clipboard(&mut self) {
        let content = self.clipboard.read();
        let from_html = content
            .html
            .as_deref()
            .and_then(|h| import_bytes(h.as_bytes(), ArticleFormat::Html).ok());
        let article = match from_html {
            Some(a) => Ok(a),
            None => match content.text.as_deref() {
                Some(t) => {
                    import_bytes(t.as_bytes(), ArticleFormat::Text).map_err(|e| e.to_string())
                }
                None => Err("the clipboard holds no text".to_owned()),
            },
        };
        match article {
            Ok(mut article) => {
                if article.title.is_empty() {
                    article.title = "Article from the clipboard".to_owned();
                }
                article.imported_from = Some("clipboard".to_owned());
                self.autosave.switch_to(None);
                self.doc = Document::saved(Notebook::new(article));
                self.path = None;
                self.reset_view();
                self.status = "New notebook from the clipboard. Save it with Ctrl+S.".to_owned();
            }
            Err(e) => {
                self.modal = Some(Modal::Error(format!(
                    "Clipboard: {e}. Copy the article's text (or select the article on a web page and copy it), then try again."
                )))
            }
        }
    }

    /// True while recovery files found on start wait for an answer.
    fn has_leftovers(&self) -> bool {
        !self.leftovers.is_empty() || !self.unreadable.is_empty()
    }

    fn recover_modal(&self) -> Modal {
        Modal::Recover {
            items: self
                .leftovers
                .iter()
                .map(|r| (r.file.clone(), recovery_text::describe(r)))
                .collect(),
            unreadable: self
                .unreadable
                .iter()
                .map(|u| (u.file.clone(), u.problem.to_string()))
                .collect(),
        }
    }

    /// Opens an autosaved notebook as unsaved changes to its original file.
    fn restore(&mut self, file: &Path) {
        let Some(i) = self.leftovers.iter().position(|r| r.file == file) else {
            return;
        };
        let recovered = self.leftovers.remove(i);
        self.autosave.switch_to(None);
        // Checked and re-anchored when found, by the same gate as an opened notebook.
        let reports = recovered.reports;
        self.doc = Document::unsaved(recovered.content.notebook);
        self.path = recovered.content.original;
        if let Some(key) = RecoveryStore::key_of(&recovered.file) {
            self.autosave.adopt(key);
        }
        self.reset_view();
        self.status = format!(
            "Restored unsaved work from {}. Save it (Ctrl+S) to keep it. {}",
            recovery_text::when(recovered.content.saved_at),
            anchor_summary(&reports)
        );
    }

    /// The document being edited.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// Where the notebook is saved, if it is.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The item new evidence goes to.
    pub fn focus(&self) -> Option<ItemRef> {
        self.focus
    }

    /// The status line's text.
    pub fn status(&self) -> &str {
        &self.status
    }

    /// The question on screen, if any.
    pub fn modal(&self) -> Option<&Modal> {
        self.modal.as_ref()
    }

    /// The article view (its selection can be set, as a user's drag would).
    pub fn article_view(&mut self) -> &mut ArticleView {
        &mut self.article
    }

    /// True once the app has asked the window to close (nothing unsaved is left, or the
    /// user chose to discard it).
    pub fn is_closing(&self) -> bool {
        self.closing
    }

    /// Rebuilds the char index when the article text is not the one it was built for.
    fn sync_index(&mut self) {
        let text = &self.doc.notebook().article.text;
        if !std::sync::Arc::ptr_eq(text, &self.indexed) {
            self.index = TextIndex::new(text);
            self.indexed = text.clone();
        }
    }

    /// Recomputes actor mentions when the text or any name or alias changed.
    fn sync_mentions(&mut self) {
        use std::hash::{Hash, Hasher};
        let nb = self.doc.notebook();
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (std::sync::Arc::as_ptr(&nb.article.text) as *const u8 as usize).hash(&mut h);
        for a in &nb.actors {
            (a.id, &a.name, &a.aliases).hash(&mut h);
        }
        let key = h.finish();
        if self.mentions_key != Some(key) {
            self.mentions = find_mentions(&nb.article.text, &nb.actors);
            self.mentions_key = Some(key);
            self.mention_counts.clear();
            for m in &self.mentions {
                *self.mention_counts.entry(m.actor).or_default() += 1;
            }
            self.longest_mention = self
                .mentions
                .iter()
                .map(|m| m.end - m.start)
                .max()
                .unwrap_or(0);
        }
    }

    /// Mentions of an actor, in text order.
    pub fn mentions_of(&self, actor: briefing_core::model::Id) -> Vec<Mention> {
        self.mentions
            .iter()
            .filter(|m| m.actor == actor)
            .copied()
            .collect()
    }

    /// Carries out a command: the one place the app changes state on the user's behalf.
    pub fn apply(&mut self, command: Command) {
        self.sync_index();
        match command {
            Command::Edit(edit) => {
                self.edit(edit);
            }
            Command::SealUndoGroup => self.doc.seal(),
            Command::Undo => {
                if self.doc.undo() {
                    self.after_history_move("Undone");
                }
            }
            Command::Redo => {
                if self.doc.redo() {
                    self.after_history_move("Redone");
                }
            }
            Command::Focus(item) => {
                self.focus = Some(item);
                self.tab = Tab::of(item.kind);
                self.scroll_to_focus = true;
            }
            Command::Reveal { start, end } => {
                // An orphaned span keeps whatever offsets its file had: show what of it
                // lies in the text, never arithmetic on the raw numbers.
                let len = self.doc.notebook().article.char_len();
                let end = end.min(len);
                let start = start.min(end);
                self.article.reveal(start);
                self.flash = Some((start, end, self.now()));
            }
            Command::AttachSelection => self.attach_selection(),
            Command::NewFromSelection(kind) => self.new_from_selection(kind),
            Command::AddItem(kind) => {
                let id = self.doc.allocate_id();
                self.edit(Edit::AddItem {
                    kind,
                    id,
                    name: String::new(),
                    evidence: None,
                });
                self.apply(Command::Focus(ItemRef { kind, id }));
            }
            Command::NewNotebook => self.guard_unsaved(AfterSave::PickArticle),
            Command::NewFromClipboard => self.guard_unsaved(AfterSave::FromClipboard),
            Command::Open => self.guard_unsaved(AfterSave::PickFile),
            Command::OpenPath(path) => self.guard_unsaved(AfterSave::Open(path)),
            Command::Save => match self.path.clone() {
                Some(path) => {
                    self.save_to(&path);
                }
                None => self.pick(Purpose::SaveNotebook),
            },
            Command::SaveAs => self.pick(Purpose::SaveNotebook),
            Command::Quit => self.guard_unsaved(AfterSave::Quit),
            Command::Find => self.find.open(),
            Command::TogglePreview => self.preview.open = !self.preview.open,
            Command::Export(format) => self.pick(Purpose::Export(format)),
            Command::StepMention { actor, step } => {
                self.sync_mentions();
                let of_actor = self.mentions_of(actor);
                if !of_actor.is_empty() {
                    let n = of_actor.len() as isize;
                    let next = match self.current_mention {
                        Some((a, i)) if a == actor => (i as isize + step).rem_euclid(n),
                        _ if step < 0 => n - 1,
                        _ => 0,
                    } as usize;
                    let m = of_actor[next];
                    self.current_mention = Some((actor, next));
                    self.article.set_selection(m.start, m.end);
                    self.apply(Command::Reveal {
                        start: m.start,
                        end: m.end,
                    });
                }
            }
            Command::AttachMention(actor) => {
                if let Some((a, i)) = self.current_mention
                    && a == actor
                    && let Some(m) = self.mentions_of(actor).get(i).copied()
                {
                    let id = self.doc.allocate_id();
                    let evidence = evidence_for(
                        &self.doc.notebook().article.text,
                        &self.index,
                        id,
                        m.start,
                        m.end,
                    );
                    self.edit(Edit::AttachEvidence(
                        ItemRef {
                            kind: ItemKind::Actor,
                            id: actor,
                        },
                        evidence,
                    ));
                    self.status = "Mention attached as evidence.".to_owned();
                }
            }
            Command::ComputeSuggestions => {
                let article = &self.doc.notebook().article;
                let found = briefing_core::suggest::suggest(article, &[]);
                self.suggestions = Some((article.text.clone(), found));
            }
            Command::AcceptSuggestion(s) => self.accept_suggestion(&s, None),
            Command::MergeSuggestion(s, into) => self.accept_suggestion(&s, Some(into)),
            Command::ReplaceArticle => self.pick(Purpose::ReplaceArticle),
            Command::EditArticleText => {
                self.modal = Some(Modal::EditArticle {
                    text: self.doc.notebook().article.text.to_string(),
                });
            }
            Command::AcceptSpan(item, id) => {
                let nb = self.doc.notebook();
                let accepted = nb
                    .evidence_of(item)
                    .and_then(|list| list.iter().find(|e| e.id == id))
                    .map(|e| accept_as_found(&nb.article.text, &self.index, e));
                if let Some(evidence) = accepted {
                    self.edit(Edit::ReplaceEvidence(item, evidence));
                }
            }
            Command::OpenExternally(path) => match &self.opener {
                Some(opener) => {
                    if let Err(e) = opener.open(&path) {
                        self.status = format!("Could not open {}: {e}", path.display());
                    }
                }
                None => {
                    self.status = format!(
                        "No desktop to open files with here: the file is {}",
                        path.display()
                    );
                }
            },
        }
    }

    fn now(&self) -> f64 {
        self.ctx.as_ref().map_or(0.0, |c| c.input(|i| i.time))
    }

    /// Applies an edit; on failure says why in the status line. True when it applied.
    fn edit(&mut self, edit: Edit) -> bool {
        let deleted = match &edit {
            Edit::DeleteItem(item) => Some(*item),
            _ => None,
        };
        match self.doc.apply(edit) {
            Ok(()) => {
                if deleted.is_some() && deleted == self.focus {
                    self.focus = None;
                    self.status = "Deleted. Undo (Ctrl+Z) brings it back.".to_owned();
                }
                true
            }
            Err(e) => {
                self.status = format!("Could not change the notebook: {e}");
                false
            }
        }
    }

    fn after_history_move(&mut self, what: &str) {
        if self.focus.is_some_and(|f| !self.doc.notebook().contains(f)) {
            self.focus = None;
        }
        self.status = what.to_owned();
    }

    fn attach_selection(&mut self) {
        let Some((start, end)) = self.article.selection() else {
            self.status = "Select words in the article first.".to_owned();
            return;
        };
        let Some(item) = self.focus.filter(|f| self.doc.notebook().contains(*f)) else {
            self.status = "Select an actor, stake or risk in the pane first (or make a new one from the selection).".to_owned();
            return;
        };
        let id = self.doc.allocate_id();
        let evidence = evidence_for(
            &self.doc.notebook().article.text,
            &self.index,
            id,
            start,
            end,
        );
        let quote = shorten(&evidence.quote, 60);
        self.edit(Edit::AttachEvidence(item, evidence));
        let name = self
            .doc
            .notebook()
            .item_name(item)
            .unwrap_or_default()
            .to_owned();
        self.status = format!("Attached “{quote}” to {} “{name}”.", item.kind.label());
        self.article.clear_selection();
    }

    fn new_from_selection(&mut self, kind: ItemKind) {
        let Some((start, end)) = self.article.selection() else {
            self.status = "Select words in the article first.".to_owned();
            return;
        };
        let item_id = self.doc.allocate_id();
        let evidence_id = self.doc.allocate_id();
        let evidence = evidence_for(
            &self.doc.notebook().article.text,
            &self.index,
            evidence_id,
            start,
            end,
        );
        let limit = if kind == ItemKind::Actor { 80 } else { 120 };
        let name = shorten(&evidence.quote, limit);
        self.edit(Edit::AddItem {
            kind,
            id: item_id,
            name,
            evidence: Some(evidence),
        });
        self.apply(Command::Focus(ItemRef { kind, id: item_id }));
        self.article.clear_selection();
        self.status = format!("New {} from the selection.", kind.label());
    }

    fn guard_unsaved(&mut self, then: AfterSave) {
        if self.doc.is_dirty() {
            self.modal = Some(Modal::Unsaved(then));
        } else {
            self.proceed(then);
        }
    }

    fn proceed(&mut self, then: AfterSave) {
        match then {
            AfterSave::Open(path) => self.open_path(&path),
            AfterSave::PickArticle => self.pick(Purpose::NewFromArticle),
            AfterSave::PickFile => self.pick(Purpose::Open),
            AfterSave::FromClipboard => self.new_from_clipboard(),
            AfterSave::Quit => {
                self.allow_close = true;
                self.close_now = true;
            }
        }
    }

    fn pick(&mut self, purpose: Purpose) {
        if self.dialogs.unavailable {
            self.modal = Some(Modal::TypedPath {
                purpose,
                text: self.suggested_path(purpose),
                note: "No system file dialog is available here (it needs xdg-desktop-portal or zenity). Type the file's path:".to_owned(),
                recent: if purpose == Purpose::SaveNotebook {
                    Vec::new()
                } else {
                    self.settings.recent.clone()
                },
            });
            self.status = String::new();
            return;
        }
        if self.dialogs.is_open() {
            self.status = "A file dialog is already open.".to_owned();
            return;
        }
        let folder = self.default_folder();
        let file_name = match purpose {
            Purpose::SaveNotebook => Some(self.suggested_file_name("ron")),
            Purpose::Export(format) => Some(self.suggested_file_name(format.extension())),
            Purpose::Open | Purpose::NewFromArticle | Purpose::ReplaceArticle => None,
        };
        let ctx = self.ctx.clone();
        self.dialogs.request(
            PickRequest {
                purpose,
                folder,
                file_name,
            },
            move || {
                if let Some(ctx) = &ctx {
                    ctx.request_repaint();
                }
            },
        );
        self.status = format!("{}…", purpose.title());
    }

    fn default_folder(&self) -> PathBuf {
        if let Some(dir) = self.path.as_deref().and_then(Path::parent) {
            return dir.to_path_buf();
        }
        // Best effort: the dialog still opens (elsewhere) if the folder cannot be made.
        let _ = std::fs::create_dir_all(&self.dirs.notebooks);
        self.dirs.notebooks.clone()
    }

    /// A file name for the notebook or an export: the saved notebook's stem, else a slug
    /// of the brief's title.
    fn suggested_file_name(&self, extension: &str) -> String {
        if let Some(stem) = self.path.as_deref().and_then(Path::file_stem) {
            return format!("{}.{extension}", stem.to_string_lossy());
        }
        let title = &self.doc.notebook().brief.title;
        let slug: String = title
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

    fn suggested_path(&self, purpose: Purpose) -> String {
        let folder = self.default_folder();
        match purpose {
            Purpose::SaveNotebook => folder
                .join(self.suggested_file_name("ron"))
                .display()
                .to_string(),
            Purpose::Export(format) => folder
                .join(self.suggested_file_name(format.extension()))
                .display()
                .to_string(),
            // A trailing separator: the user only has to type the file name.
            _ => format!("{}{}", folder.display(), std::path::MAIN_SEPARATOR),
        }
    }

    fn handle_pick(&mut self, purpose: Purpose, outcome: PickOutcome) {
        match outcome {
            PickOutcome::Chosen(path) => self.use_path(purpose, &path),
            PickOutcome::Cancelled => {
                self.after_save = None;
                self.status = "Cancelled.".to_owned();
            }
            PickOutcome::Unavailable => self.pick(purpose),
        }
    }

    fn use_path(&mut self, purpose: Purpose, path: &Path) {
        match purpose {
            Purpose::Open | Purpose::NewFromArticle => self.open_path(path),
            Purpose::ReplaceArticle => match import_file(path) {
                Ok(article) => self.replace_article(article, &display_name(path)),
                Err(e) => self.modal = Some(Modal::Error(import_error_message(&e))),
            },
            Purpose::SaveNotebook => {
                let path = with_extension(path, "ron");
                if self.save_to(&path)
                    && let Some(then) = self.after_save.take()
                {
                    self.proceed(then);
                }
            }
            Purpose::Export(format) => {
                self.export_to(format, &with_extension(path, format.extension()))
            }
        }
    }

    /// Makes a suggestion an actor (or adds its names to `into`), with its first mention
    /// as evidence: one undo step.
    fn accept_suggestion(
        &mut self,
        s: &briefing_core::suggest::Suggestion,
        into: Option<briefing_core::model::Id>,
    ) {
        let evidence = s.spans.first().map(|&(a, b)| (a, b));
        let mut edits = Vec::new();
        let id = match into {
            Some(id) => id,
            None => self.doc.allocate_id(),
        };
        let evidence = evidence.map(|(a, b)| {
            let eid = self.doc.allocate_id();
            evidence_for(&self.doc.notebook().article.text, &self.index, eid, a, b)
        });
        let existing: Vec<String> = self
            .doc
            .notebook()
            .actor(id)
            .map(|a| {
                std::iter::once(a.name.clone())
                    .chain(a.aliases.iter().cloned())
                    .collect()
            })
            .unwrap_or_default();
        if into.is_none() {
            edits.push(Edit::AddItem {
                kind: ItemKind::Actor,
                id,
                name: s.name.clone(),
                evidence: evidence.clone(),
            });
            edits.push(Edit::SetActorKind(id, s.kind));
            if !s.role.is_empty() {
                edits.push(Edit::SetText(
                    briefing_core::model::TextField::ActorRole(id),
                    s.role.clone(),
                ));
            }
        } else if let Some(e) = evidence.clone() {
            edits.push(Edit::AttachEvidence(
                ItemRef {
                    kind: ItemKind::Actor,
                    id,
                },
                e,
            ));
        }
        let mut names: Vec<&String> = Vec::new();
        if into.is_some() {
            names.push(&s.name);
        }
        names.extend(s.aliases.iter());
        for name in names {
            if !existing.contains(name) {
                edits.push(Edit::AddListEntry(
                    briefing_core::model::ListField::ActorAliases(id),
                    name.clone(),
                ));
            }
        }
        if !self.edit(Edit::Batch(edits)) {
            return;
        }
        self.status = match into {
            None => format!("Added {} as an actor.", s.name),
            Some(_) => format!("Merged {} into the actor.", s.name),
        };
        self.apply(Command::Focus(ItemRef {
            kind: ItemKind::Actor,
            id,
        }));
    }

    /// Replaces the article (one undo step), re-attaching every span, and says how they fared.
    fn replace_article(&mut self, mut article: briefing_core::model::Article, from: &str) {
        let old = &self.doc.notebook().article;
        article.source = article.source.or_else(|| old.source.clone());
        article.url = article.url.or_else(|| old.url.clone());
        article.published = article.published.or_else(|| old.published.clone());
        let (edit, reports) = replace_article_edit(self.doc.notebook(), article);
        self.edit(edit);
        self.sync_index();
        self.article.invalidate();
        self.flash = None;
        let review = reports
            .iter()
            .filter(|r| {
                matches!(
                    r.anchored.status,
                    AnchorStatus::Fuzzy | AnchorStatus::Orphaned
                )
            })
            .count();
        self.status = format!("Article replaced from {from}. {}", anchor_summary(&reports));
        if review > 0 {
            self.tab = Tab::Review;
        }
    }

    /// Writes the brief in `format` to `path`, then offers to open it.
    fn export_to(&mut self, format: Format, path: &Path) {
        let paper = self.preview.paper;
        let result = export(self.doc.notebook(), format, paper, today())
            .map_err(|e| e.to_string())
            .and_then(|exported| {
                write_export(path, &exported.bytes)
                    .map(|()| exported)
                    .map_err(|e| e.to_string())
            });
        match result {
            Ok(exported) => {
                let note = exported
                    .fit
                    .map(|f| format!("{}, {}", paper.label(), f.summary()))
                    .unwrap_or_default();
                self.status = format!("Exported {}.", path.display());
                self.modal = Some(Modal::Exported {
                    path: path.to_path_buf(),
                    note,
                });
            }
            Err(e) => self.modal = Some(Modal::Error(format!("{}: {e}", path.display()))),
        }
    }

    /// Opens a notebook (.ron) or starts a new notebook from an article (anything else).
    fn open_path(&mut self, path: &Path) {
        let is_notebook = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
        if is_notebook {
            match load_notebook(path) {
                Ok((notebook, reports)) => {
                    self.autosave.switch_to(Some(path));
                    self.doc = Document::saved(notebook);
                    self.path = Some(path.to_path_buf());
                    self.remember(path);
                    self.reset_view();
                    self.status = format!(
                        "Opened {}. {}",
                        display_name(path),
                        anchor_summary(&reports)
                    );
                }
                Err(e) => self.modal = Some(Modal::Error(e.to_string())),
            }
        } else {
            match import_file(path) {
                Ok(article) => {
                    self.autosave.switch_to(None);
                    self.doc = Document::saved(Notebook::new(article));
                    self.path = None;
                    self.reset_view();
                    self.status = format!(
                        "New notebook from {}. Save it with Ctrl+S.",
                        display_name(path)
                    );
                }
                Err(e) => self.modal = Some(Modal::Error(import_error_message(&e))),
            }
        }
    }

    /// Saves to `path`; on failure the changes stay in memory, unsaved, and the user is told.
    fn save_to(&mut self, path: &Path) -> bool {
        match save_notebook_with_backup(path, self.doc.notebook()) {
            Ok(()) => {
                self.doc.mark_saved();
                self.autosave.saved(path);
                self.path = Some(path.to_path_buf());
                self.remember(path);
                self.status = format!("Saved {}.", path.display());
                true
            }
            Err(e) => {
                self.after_save = None;
                self.modal = Some(Modal::Error(format!(
                    "{e}\n\nYour changes are still here, not saved. Try Save As to choose another place."
                )));
                false
            }
        }
    }

    fn remember(&mut self, path: &Path) {
        self.settings.note_opened(path);
        if let Err(e) = self.settings.save(&self.dirs.settings_file()) {
            self.status = format!("Could not remember recent files: {e}");
        }
    }

    fn reset_view(&mut self) {
        self.sync_index();
        self.article.invalidate();
        self.focus = None;
        self.flash = None;
        self.after_save = None;
    }

    fn answer_modal(&mut self, answer: ModalAnswer) {
        self.modal = None;
        match answer {
            ModalAnswer::Save(then) => match self.path.clone() {
                Some(path) => {
                    if self.save_to(&path) {
                        self.proceed(then);
                    }
                }
                None => {
                    self.after_save = Some(then);
                    self.pick(Purpose::SaveNotebook);
                }
            },
            ModalAnswer::Discard(then) => {
                self.after_save = None;
                // The changes are thrown away on purpose: so is their recovery file.
                self.autosave.forget();
                self.proceed(then);
            }
            ModalAnswer::Restore(file) => {
                self.restore(&file);
                if self.has_leftovers() {
                    self.modal = Some(self.recover_modal());
                }
            }
            ModalAnswer::DiscardRecovery(file) => {
                if let Some(i) = self.leftovers.iter().position(|r| r.file == file) {
                    let gone = self.leftovers.remove(i);
                    RecoveryStore::new(self.dirs.recovery()).remove_file(&gone.file);
                }
                if let Some(i) = self.unreadable.iter().position(|u| u.file == file) {
                    let gone = self.unreadable.remove(i);
                    RecoveryStore::new(self.dirs.recovery()).remove_file(&gone.file);
                }
                if self.has_leftovers() {
                    self.modal = Some(self.recover_modal());
                }
            }
            ModalAnswer::Path(purpose, text) => self.use_path(purpose, Path::new(&text)),
            ModalAnswer::OpenExternally(path) => self.apply(Command::OpenExternally(path)),
            ModalAnswer::ArticleText(text) => {
                let old = self.doc.notebook().article.clone();
                // Normalised the way an import is, so offsets mean the same thing.
                let text = briefing_core::import::normalise(&text);
                if text.trim().is_empty() {
                    self.modal = Some(Modal::Error(
                        "The article cannot be empty; nothing was changed.".to_owned(),
                    ));
                } else if *text != *old.text {
                    let mut article = briefing_core::model::Article::new(old.title.clone(), text);
                    article.imported_from = old.imported_from.clone();
                    self.replace_article(article, "your edit");
                }
            }
            ModalAnswer::Dismiss => self.after_save = None,
        }
    }

    /// Draws one frame and applies what the user did.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.ctx = Some(ctx.clone());
        self.sync_index();
        self.sync_mentions();
        // Suggestions come by themselves for article-sized texts; a long report waits
        // for the button (a pass over megabytes is not free).
        let text = &self.doc.notebook().article.text;
        let stale = self
            .suggestions
            .as_ref()
            .is_none_or(|(t, _)| !std::sync::Arc::ptr_eq(t, text));
        if self.tab == Tab::Actors && stale && text.len() <= 256 * 1024 {
            self.apply(Command::ComputeSuggestions);
        }
        if self.findings_for != Some(self.doc.revision()) {
            self.findings = briefing_core::checks::review(self.doc.notebook());
            self.findings_for = Some(self.doc.revision());
        }
        if !self.fonts_installed {
            // Normally done before the first frame (see `ui::run`); this covers hosts
            // that did not (a test harness): the fonts then apply from the next frame.
            if !super::fonts::installed(&ctx) {
                super::fonts::install(&ctx);
            }
            self.fonts_installed = true;
        }
        let mut cmds: Vec<Command> = Vec::new();

        if let Some((purpose, outcome)) = self.dialogs.poll() {
            self.handle_pick(purpose, outcome);
        }
        self.read_shortcuts(ui, &mut cmds);
        self.read_dropped_files(ui, &mut cmds);
        self.handle_close_request(ui);

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui, &mut cmds));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        egui::Panel::right("panes")
            .resizable(true)
            .default_size(470.0)
            .min_size(340.0)
            .show(ui, |ui| {
                let mut cx = PaneContext {
                    notebook: self.doc.notebook(),
                    index: &self.index,
                    focus: self.focus,
                    cmds: &mut cmds,
                    scroll_to_focus: self.scroll_to_focus,
                    mention_counts: &self.mention_counts,
                    card_heights: &mut self.card_heights,
                    findings: &self.findings,
                    suggestions: self
                        .suggestions
                        .as_ref()
                        .filter(|(t, _)| {
                            std::sync::Arc::ptr_eq(t, &self.doc.notebook().article.text)
                        })
                        .map(|(_, s)| s.as_slice()),
                    current_mention: self.current_mention,
                };
                panes::show(ui, &mut self.tab, &mut cx);
            });
        self.scroll_to_focus = false;
        if self.preview.open {
            egui::Panel::right("preview")
                .resizable(true)
                .default_size(400.0)
                .min_size(280.0)
                .show(ui, |ui| {
                    self.preview.show(ui, &self.doc, &self.findings, &mut cmds)
                });
        }
        egui::CentralPanel::default().show(ui, |ui| self.article_panel(ui, &mut cmds));

        if let Some(modal) = &mut self.modal
            && let Some(answer) = modals::show(&ctx, modal)
        {
            self.answer_modal(answer);
        }
        for cmd in cmds {
            self.apply(cmd);
        }
        let now = ctx.input(|i| i.time);
        let (due, note) = self.autosave.tick(now, &self.doc, self.path.as_deref());
        if let Some(due) = due {
            ctx.request_repaint_after(due);
        }
        if let Some(note) = note {
            self.status = note;
        }
        self.update_title(&ctx);
        if self.close_now {
            self.close_now = false;
            self.settings.last_notebook = self.path.clone();
            // Best effort: failing to remember the last notebook must not block quitting.
            let _ = self.settings.save(&self.dirs.settings_file());
            self.closing = true;
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    fn read_shortcuts(&mut self, ui: &Ui, cmds: &mut Vec<Command>) {
        let typing = ui.ctx().text_edit_focused();
        ui.input_mut(|i| {
            let mut pairs = vec![
                (theme::SAVE_AS, Command::SaveAs),
                (theme::SAVE, Command::Save),
                (theme::OPEN, Command::Open),
                (theme::NEW, Command::NewNotebook),
                (theme::QUIT, Command::Quit),
                (theme::FIND, Command::Find),
                (theme::EXPORT, Command::TogglePreview),
                (theme::ATTACH, Command::AttachSelection),
                (theme::NEW_ACTOR, Command::NewFromSelection(ItemKind::Actor)),
                (theme::NEW_STAKE, Command::NewFromSelection(ItemKind::Stake)),
                (theme::NEW_RISK, Command::NewFromSelection(ItemKind::Risk)),
            ];
            // A focused text field undoes its own typing; don't fight it.
            if !typing {
                pairs.insert(0, (theme::REDO, Command::Redo));
                pairs.insert(1, (theme::REDO_Y, Command::Redo));
                pairs.insert(2, (theme::UNDO, Command::Undo));
            }
            for (shortcut, cmd) in pairs {
                if i.consume_shortcut(&shortcut) {
                    cmds.push(cmd);
                }
            }
        });
    }

    fn read_dropped_files(&mut self, ui: &Ui, cmds: &mut Vec<Command>) {
        let dropped = ui.input(|i| i.raw.dropped_files.clone());
        if let Some(path) = dropped
            .iter()
            .map(|f| f.path().to_path_buf())
            .find(|p| !p.as_os_str().is_empty())
        {
            cmds.push(Command::OpenPath(path));
        }
    }

    fn handle_close_request(&mut self, ui: &Ui) {
        if !ui.input(|i| i.viewport().close_requested()) {
            return;
        }
        if self.doc.is_dirty() && !self.allow_close {
            ui.ctx().send_viewport_cmd(ViewportCommand::CancelClose);
            self.modal = Some(Modal::Unsaved(AfterSave::Quit));
        } else {
            self.settings.last_notebook = self.path.clone();
            let _ = self.settings.save(&self.dirs.settings_file());
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let name = self
            .path
            .as_deref()
            .map_or_else(|| "Untitled notebook".to_owned(), display_name);
        let mark = if self.doc.is_dirty() { "● " } else { "" };
        let title = format!("{mark}{name} — Briefing Notebook");
        if title != self.window_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    /// The window title as last sent.
    pub fn window_title(&self) -> &str {
        &self.window_title
    }

    fn menu_bar(&mut self, ui: &mut Ui, cmds: &mut Vec<Command>) {
        let ctx = ui.ctx().clone();
        let item = |ui: &mut Ui, label: &str, shortcut: Option<egui::KeyboardShortcut>| {
            let mut button = egui::Button::new(label);
            if let Some(s) = shortcut {
                button = button.shortcut_text(ctx.format_shortcut(&s));
            }
            ui.add(button).clicked()
        };
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if item(ui, "New from article…", Some(theme::NEW)) {
                    cmds.push(Command::NewNotebook);
                }
                if ui.button("New from clipboard").clicked() {
                    cmds.push(Command::NewFromClipboard);
                }
                if item(ui, "Open…", Some(theme::OPEN)) {
                    cmds.push(Command::Open);
                }
                ui.menu_button("Open recent", |ui| {
                    if self.settings.recent.is_empty() {
                        ui.weak("Nothing yet");
                    }
                    for path in &self.settings.recent {
                        if ui.button(path.display().to_string()).clicked() {
                            cmds.push(Command::OpenPath(path.clone()));
                        }
                    }
                });
                ui.separator();
                if item(ui, "Save", Some(theme::SAVE)) {
                    cmds.push(Command::Save);
                }
                if item(ui, "Save as…", Some(theme::SAVE_AS)) {
                    cmds.push(Command::SaveAs);
                }
                ui.separator();
                if item(ui, "Brief preview and export…", Some(theme::EXPORT)) {
                    cmds.push(Command::TogglePreview);
                }
                ui.menu_button("Export evidence", |ui| {
                    if ui.button("W3C Web Annotations (JSON-LD)…").clicked() {
                        cmds.push(Command::Export(Format::W3c));
                    }
                    if ui.button("CSV for spreadsheets…").clicked() {
                        cmds.push(Command::Export(Format::Csv));
                    }
                });
                ui.separator();
                if item(ui, "Quit", Some(theme::QUIT)) {
                    cmds.push(Command::Quit);
                }
            });
            ui.menu_button("Edit", |ui| {
                if ui
                    .add_enabled(
                        self.doc.can_undo(),
                        egui::Button::new("Undo").shortcut_text(ctx.format_shortcut(&theme::UNDO)),
                    )
                    .clicked()
                {
                    cmds.push(Command::Undo);
                }
                if ui
                    .add_enabled(
                        self.doc.can_redo(),
                        egui::Button::new("Redo").shortcut_text(ctx.format_shortcut(&theme::REDO)),
                    )
                    .clicked()
                {
                    cmds.push(Command::Redo);
                }
                ui.separator();
                if item(ui, "Find in article…", Some(theme::FIND)) {
                    cmds.push(Command::Find);
                }
            });
            ui.menu_button("Article", |ui| {
                if ui.button("Edit text (fix a typo)…").clicked() {
                    cmds.push(Command::EditArticleText);
                }
                if ui.button("Replace with a corrected version…").clicked() {
                    cmds.push(Command::ReplaceArticle);
                }
            });
            ui.menu_button("Annotate", |ui| {
                if item(ui, "Attach selection to selected item", Some(theme::ATTACH)) {
                    cmds.push(Command::AttachSelection);
                }
                if item(ui, "New actor from selection", Some(theme::NEW_ACTOR)) {
                    cmds.push(Command::NewFromSelection(ItemKind::Actor));
                }
                if item(ui, "New stake from selection", Some(theme::NEW_STAKE)) {
                    cmds.push(Command::NewFromSelection(ItemKind::Stake));
                }
                if item(ui, "New risk from selection", Some(theme::NEW_RISK)) {
                    cmds.push(Command::NewFromSelection(ItemKind::Risk));
                }
            });
        });
    }

    fn status_bar(&self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.label(&self.status);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let nb = self.doc.notebook();
                let spans: Vec<_> = nb.all_evidence().collect();
                let review = panes::review_count(nb);
                let mut text = format!(
                    "{} actors · {} stakes · {} risks · {} evidence",
                    nb.actors.len(),
                    nb.stakes.len(),
                    nb.risks.len(),
                    spans.len()
                );
                if review > 0 {
                    text.push_str(&format!(" ({review} to review)"));
                }
                ui.weak(text);
            });
        });
    }

    fn article_panel(&mut self, ui: &mut Ui, cmds: &mut Vec<Command>) {
        self.selection_bar(ui, cmds);
        let text = self.doc.notebook().article.text.clone();
        if let Some((start, end)) = self.find.show(ui, &text) {
            self.article.set_selection(start, end);
            self.article.reveal(start);
        }
        ui.separator();

        let now = ui.input(|i| i.time);
        let flash = self.flash.and_then(|(a, b, t)| {
            let strength = 1.0 - (now - t) / FLASH_SECONDS;
            (strength > 0.0).then_some((a, b, strength as f32))
        });
        if flash.is_some() {
            ui.ctx().request_repaint();
        } else {
            self.flash = None;
        }
        let nb = self.doc.notebook();
        let mut highlights: Vec<Highlight> = nb
            .all_evidence()
            .filter(|(_, e)| e.status != AnchorStatus::Orphaned)
            .map(|(item, e)| Highlight {
                start: e.start,
                end: e.end,
                item,
                emphasised: self.focus == Some(item),
            })
            .collect();
        highlights.sort_by_key(|h| h.start);
        let describe = |item: ItemRef| {
            let name = nb.item_name(item).unwrap_or_default();
            let kind = item.kind.label();
            format!("{}{}: {name}", kind[..1].to_uppercase(), &kind[1..])
        };
        let output = self.article.show(
            ui,
            &ArticleInput {
                text: &text,
                title: &nb.article.title,
                highlights: &highlights,
                mentions: &self.mentions,
                longest_mention: self.longest_mention,
                find: self.find.matches(),
                current_find: self.find.current(),
                flash,
                describe: &describe,
            },
        );
        if let Some(item) = output.clicked_item {
            cmds.push(Command::Focus(item));
        }
    }

    fn selection_bar(&self, ui: &mut Ui, cmds: &mut Vec<Command>) {
        let ctx = ui.ctx().clone();
        let shortcut = |s: &egui::KeyboardShortcut| ctx.format_shortcut(s);
        // Wrapped, so a narrow article column never grows under the panels beside it.
        ui.horizontal_wrapped(|ui| {
            let Some((start, end)) = self.article.selection() else {
                ui.add(
                    egui::Label::new(
                        RichText::new("Select words in the article (drag, double-click, or Shift+arrows) to use them as evidence.")
                            .weak(),
                    )
                    .truncate(),
                );
                return;
            };
            let quote = self.index.slice(&self.doc.notebook().article.text, start, end);
            ui.add(egui::Label::new(RichText::new(format!("“{}”", shorten(quote, 40))).italics()).truncate());
            let focus_name = self
                .focus
                .and_then(|f| self.doc.notebook().item_name(f).map(|n| (f, n)));
            let attach_label = match focus_name {
                Some((_, name)) => format!("Attach to “{}”", shorten(name, 24)),
                None => "Attach to…".to_owned(),
            };
            if ui
                .add_enabled(
                    focus_name.is_some(),
                    egui::Button::new(attach_label).shortcut_text(shortcut(&theme::ATTACH)),
                )
                .on_disabled_hover_text("Select an actor, stake or risk in the pane first")
                .clicked()
            {
                cmds.push(Command::AttachSelection);
            }
            for (kind, label, key) in [
                (ItemKind::Actor, "New actor", theme::NEW_ACTOR),
                (ItemKind::Stake, "New stake", theme::NEW_STAKE),
                (ItemKind::Risk, "New risk", theme::NEW_RISK),
            ] {
                if ui
                    .button(RichText::new(label).color(theme::kind_color(kind)))
                    .on_hover_text(shortcut(&key))
                    .clicked()
                {
                    cmds.push(Command::NewFromSelection(kind));
                }
            }
        });
    }
}

/// The sample article as a new notebook.
fn sample_notebook() -> Notebook {
    let mut article = import_bytes(SAMPLE_ARTICLE, ArticleFormat::Text)
        .unwrap_or_else(|_| briefing_core::model::Article::new("Untitled", " "));
    article.imported_from = Some(SAMPLE_FILE_NAME.to_owned());
    Notebook::new(article)
}

fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
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
