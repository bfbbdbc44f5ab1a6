//! The app: owns the session and the view state, draws the window, and runs every
//! [`Command`] in one loop. Edits and view changes are carried out here (`editing`), file
//! work by the [`FileFlow`] with the [`Session`], the chrome is the [`Shell`]'s, and
//! what is computed from the notebook lives in [`Derived`]. The flow is one way: views
//! and answers push commands, the loop runs them, and nothing calls back into it.

mod editing;
mod panels;

use crate::article_view::ArticleView;
use crate::clipboard::ClipboardSource;
use crate::command::{Command, FileCommand};
use crate::derived::Derived;
use crate::file_dialog::FilePicker;
use crate::file_flow::{Effect, Env, FileFlow, autosave_sentence};
use crate::find_bar::FindBar;
use crate::modals::{self, Modal};
use crate::opener::Opener;
use crate::panes::Tab;
use crate::preview::Preview;
use crate::shell::{Lifecycle, Shell};
use briefing_core::mentions::Mention;
use briefing_core::model::{Document, Id, ItemRef};
use briefing_core::session::Session;
use briefing_core::storage::AppDirs;
use egui::{self, Ui};
use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};

/// The whole app state.
pub struct BriefingApp {
    /// The open notebook, its file, settings, autosave and recovery.
    session: Session,
    /// Index, mentions, findings and suggestions, for the notebook as it is.
    derived: Derived,
    /// Dialogs, clipboard, opener, and what waits for a "save as".
    files: FileFlow,
    /// Status line, window title, close lifecycle.
    shell: Shell,
    /// The question on screen, if any.
    modal: Option<Modal>,
    /// Commands waiting to run, in order.
    queue: VecDeque<Command>,
    article: ArticleView,
    /// The source the reader shows (the first when unset or gone).
    source: Option<Id>,
    find: FindBar,
    preview: Preview,
    focus: Option<ItemRef>,
    tab: Tab,
    scroll_to_focus: bool,
    /// A revealed span flashing: start, end, and when it was revealed.
    flash: Option<(usize, usize, f64)>,
    /// The mention last stepped to: (actor, index among its mentions).
    current_mention: Option<(Id, usize)>,
    /// Heights of the panes' cards, to skip drawing those far out of view.
    card_heights: HashMap<ItemRef, f32>,
    fonts_installed: bool,
    ctx: Option<egui::Context>,
}

impl BriefingApp {
    /// Starts the app: on `open` if given, else on the last notebook, else on the sample.
    pub fn new(dirs: AppDirs, picker: impl FilePicker, open: Option<PathBuf>) -> Self {
        let (session, settings_note) = Session::new(dirs);
        let mut app = Self {
            session,
            derived: Derived::default(),
            files: FileFlow::new(picker),
            shell: Shell::new("Select words in the article to attach them as evidence.".to_owned()),
            modal: None,
            queue: VecDeque::new(),
            article: ArticleView::default(),
            source: None,
            find: FindBar::default(),
            preview: Preview::default(),
            focus: None,
            tab: Tab::Actors,
            scroll_to_focus: false,
            flash: None,
            current_mention: None,
            card_heights: HashMap::new(),
            fonts_installed: false,
            ctx: None,
        };
        app.reset_view();
        if let Some(path) = open.or_else(|| app.session.last_notebook()) {
            app.apply(FileCommand::OpenPath(path));
        }
        if let Some(note) = settings_note {
            app.shell.status = note;
        }
        if app.modal.is_none() {
            app.modal = FileFlow::recover_modal(&app.session);
        }
        app
    }

    /// Opens exported files with `opener` (the system's default programs, in the binary).
    pub fn with_opener(mut self, opener: impl Opener + 'static) -> Self {
        self.files.opener = Some(Box::new(opener));
        self
    }

    /// Reads "New from clipboard" from `source` (the system clipboard, in the binary).
    pub fn with_clipboard(mut self, source: impl ClipboardSource + 'static) -> Self {
        self.files.clipboard = Box::new(source);
        self
    }

    /// The document being edited.
    pub fn document(&self) -> &Document {
        self.session.document()
    }

    /// Where the notebook is saved, if it is.
    pub fn path(&self) -> Option<&Path> {
        self.session.path()
    }

    /// The item new evidence goes to.
    pub fn focus(&self) -> Option<ItemRef> {
        self.focus
    }

    /// The status line's text.
    pub fn status(&self) -> &str {
        &self.shell.status
    }

    /// The question on screen, if any.
    pub fn modal(&self) -> Option<&Modal> {
        self.modal.as_ref()
    }

    /// The id of the source the reader shows: the one chosen, else the first.
    pub fn current_source(&self) -> Option<Id> {
        let nb = self.session.document().notebook();
        self.source
            .filter(|&id| nb.source(id).is_some())
            .or_else(|| nb.first_source().map(|s| s.id))
    }

    /// Shows source `id` in the reader (its own selection and scroll start afresh).
    pub fn show_source(&mut self, id: Id) {
        if self.current_source() != Some(id)
            && self.session.document().notebook().source(id).is_some()
        {
            self.source = Some(id);
            self.article.invalidate();
            self.flash = None;
        }
    }

    /// The article view (its selection can be set, as a user's drag would).
    pub fn article_view(&mut self) -> &mut ArticleView {
        &mut self.article
    }

    /// True once the app has asked the window to close (nothing unsaved is left, or the
    /// user chose to discard it).
    pub fn is_closing(&self) -> bool {
        self.shell.lifecycle == Lifecycle::Closing
    }

    /// The window title as last sent.
    pub fn window_title(&self) -> &str {
        &self.shell.window_title
    }

    /// Mentions of an actor: source by source, each in text order.
    pub fn mentions_of(&self, actor: Id) -> Vec<Mention> {
        self.derived.mentions_of(actor)
    }

    /// Carries out a command, and whatever it leads to, before returning.
    pub fn apply(&mut self, command: impl Into<Command>) {
        self.queue.push_back(command.into());
        self.run_queue();
    }

    /// The one loop every command runs in. A command that leads to another hands it
    /// back; that one runs next, before anything queued after its cause.
    fn run_queue(&mut self) {
        while let Some(command) = self.queue.pop_front() {
            self.derived.sync_index(self.session.document().notebook());
            let next = match command {
                Command::Edit(command) => self.run_edit(command),
                Command::View(command) => self.run_view(command),
                Command::File(command) => {
                    self.run_file(command);
                    None
                }
            };
            if let Some(next) = next {
                self.queue.push_front(next);
            }
        }
    }

    /// Hands a file command to the file flow and shows what came of it.
    fn run_file(&mut self, command: FileCommand) {
        let source = self.current_source();
        let env = Env {
            session: &mut self.session,
            paper: self.preview.paper,
            source,
            ctx: self.ctx.as_ref(),
        };
        for effect in self.files.run(command, env) {
            match effect {
                Effect::Status(text) => self.shell.status = text,
                Effect::Show(modal) => self.modal = Some(modal),
                Effect::Reopened => self.reset_view(),
                Effect::ArticleReplaced { review } => {
                    self.article.invalidate();
                    self.flash = None;
                    if review {
                        self.tab = Tab::Review;
                    }
                }
                Effect::Quit => self.shell.lifecycle = Lifecycle::Quitting,
                Effect::ShowSource(id) => self.show_source(id),
            }
        }
    }

    /// Another notebook is open: nothing shown belongs to the old one.
    fn reset_view(&mut self) {
        self.derived.sync_index(self.session.document().notebook());
        self.article.invalidate();
        self.source = None;
        self.focus = None;
        self.flash = None;
    }

    /// Draws one frame and carries out what the user did.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.ctx = Some(ctx.clone());
        if !self.fonts_installed {
            // Normally done before the first frame (see `ui::run`); this covers hosts
            // that did not (a test harness): the fonts then apply from the next frame.
            if !crate::fonts::installed(&ctx) {
                crate::fonts::install(&ctx);
            }
            self.fonts_installed = true;
        }

        // A dialog's answer and a close request first: this frame shows what they lead to.
        let mut cmds: Vec<Command> = self.files.poll().into_iter().collect();
        self.shell
            .on_close_request(ui, &mut self.session, &mut cmds);
        self.queue.extend(cmds);
        self.run_queue();

        self.derived.sync(self.session.document());
        if self.derived.poll_suggestions() {
            // Found on another thread: look again shortly.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(50));
        }
        if self.tab == Tab::Actors {
            self.derived
                .suggest_if_small(&self.session.document().notebook().sources);
        }
        let mut cmds: Vec<Command> = Vec::new();
        Shell::read_shortcuts(ui, &mut cmds);
        Shell::read_dropped_files(ui, &mut cmds);
        egui::Panel::top("menu").show(ui, |ui| Shell::menu_bar(ui, &self.session, &mut cmds));
        egui::Panel::bottom("status").show(ui, |ui| {
            self.shell
                .status_bar(ui, self.session.document().notebook())
        });
        self.side_panels(ui, &mut cmds);
        egui::CentralPanel::default().show(ui, |ui| self.article_panel(ui, &mut cmds));

        // An answer runs before what the views asked for in the same frame.
        if let Some(modal) = &mut self.modal
            && let Some(answer) = modals::show(&ctx, modal)
        {
            self.modal = None;
            self.queue.push_back(answer.into());
        }
        self.queue.extend(cmds);
        self.run_queue();

        let tick = self.session.tick(ctx.input(|i| i.time));
        if let Some(due) = tick.due_in {
            ctx.request_repaint_after(due);
        }
        if let Some(note) = tick.note {
            self.shell.status = autosave_sentence(&note);
        }
        self.shell.finish_frame(&ctx, &mut self.session);
    }
}
