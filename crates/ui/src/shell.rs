//! The window's shell: the menu bar, keyboard shortcuts, dropped files, the status bar,
//! the window title and the close lifecycle. It reads the session and pushes commands;
//! it changes nothing itself.

use crate::command::{Command, EditCommand, FileCommand, ViewCommand};
use crate::file_flow::display_name;
use crate::panes;
use crate::theme;
use briefing_core::export::Format;
use briefing_core::model::{ItemKind, Notebook};
use briefing_core::session::{Guard, Session};
use egui::{self, Ui, ViewportCommand};

/// Where the window is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lifecycle {
    /// Open. A close request with unsaved changes is held back and asked about.
    Running,
    /// Unsaved changes are dealt with (saved, or let go): close at the end of the frame.
    Quitting,
    /// The window was told to close; close requests go through.
    Closing,
}

/// The shell's state.
pub(crate) struct Shell {
    /// The status line's text.
    pub status: String,
    /// The window title as last sent.
    pub window_title: String,
    /// Where the window is in its life.
    pub lifecycle: Lifecycle,
}

impl Shell {
    /// A running window saying `status`.
    pub fn new(status: String) -> Self {
        Self {
            status,
            window_title: String::new(),
            lifecycle: Lifecycle::Running,
        }
    }

    /// A close request from the window system (the title bar's ×, Alt+F4): held back and
    /// turned into Quit (which asks) while unsaved changes would be lost; otherwise let
    /// through, remembering the open notebook.
    pub fn on_close_request(&self, ui: &Ui, session: &mut Session, cmds: &mut Vec<Command>) {
        if !ui.input(|i| i.viewport().close_requested()) {
            return;
        }
        let ask = self.lifecycle == Lifecycle::Running
            && matches!(session.guard(()), Guard::AskFirst(()));
        if ask {
            ui.ctx().send_viewport_cmd(ViewportCommand::CancelClose);
            cmds.push(Command::File(FileCommand::Quit));
        } else {
            // Best effort: failing to remember the last notebook must not block quitting.
            let _ = session.close();
        }
    }

    /// At the end of a frame: updates the title, and closes the window once quitting was
    /// decided.
    pub fn finish_frame(&mut self, ctx: &egui::Context, session: &mut Session) {
        self.update_title(ctx, session);
        if self.lifecycle == Lifecycle::Quitting {
            let _ = session.close();
            self.lifecycle = Lifecycle::Closing;
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    fn update_title(&mut self, ctx: &egui::Context, session: &Session) {
        let name = session
            .path()
            .map_or_else(|| "Untitled notebook".to_owned(), display_name);
        let mark = if session.document().is_dirty() {
            "● "
        } else {
            ""
        };
        let title = format!("{mark}{name} — Briefing Notebook");
        if title != self.window_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    /// Keyboard shortcuts, read before anything is drawn.
    pub fn read_shortcuts(ui: &Ui, cmds: &mut Vec<Command>) {
        let typing = ui.ctx().text_edit_focused();
        ui.input_mut(|i| {
            // egui matches a shortcut ignoring extra Alt or Shift, so Ctrl+Alt+S would also
            // match Ctrl+S: every shortcut goes before the ones it contains.
            let mut pairs: Vec<(egui::KeyboardShortcut, Command)> = vec![
                (theme::NEW_ACTOR, new_from_selection(ItemKind::Actor)),
                (theme::NEW_STAKE, new_from_selection(ItemKind::Stake)),
                (theme::NEW_RISK, new_from_selection(ItemKind::Risk)),
                (theme::SAVE_AS, FileCommand::SaveAs.into()),
                (theme::SAVE, FileCommand::Save.into()),
                (theme::ADD_SOURCES, FileCommand::AddSources.into()),
                (theme::OPEN, FileCommand::Open.into()),
                (theme::NEW, FileCommand::NewNotebook.into()),
                (theme::QUIT, FileCommand::Quit.into()),
                (theme::FIND, ViewCommand::Find.into()),
                (theme::EXPORT, ViewCommand::TogglePreview.into()),
                (theme::ATTACH, EditCommand::AttachSelection.into()),
            ];
            // A focused text field undoes its own typing; don't fight it.
            if !typing {
                pairs.insert(0, (theme::REDO, EditCommand::Redo.into()));
                pairs.insert(1, (theme::REDO_Y, EditCommand::Redo.into()));
                pairs.insert(2, (theme::UNDO, EditCommand::Undo.into()));
            }
            for (shortcut, cmd) in pairs {
                if i.consume_shortcut(&shortcut) {
                    cmds.push(cmd);
                }
            }
        });
    }

    /// Files dropped on the window: a notebook opens; one article starts a new notebook
    /// (asking about unsaved changes first); several articles are added as sources of the
    /// open notebook.
    pub fn read_dropped_files(ui: &Ui, cmds: &mut Vec<Command>) {
        let dropped = ui.input(|i| i.raw.dropped_files.clone());
        let paths: Vec<std::path::PathBuf> = dropped
            .iter()
            .map(|f| f.path().to_path_buf())
            .filter(|p| !p.as_os_str().is_empty())
            .collect();
        let notebook = paths
            .iter()
            .find(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")));
        match (notebook, paths.as_slice()) {
            (Some(path), _) | (None, [path]) => {
                cmds.push(FileCommand::OpenPath(path.clone()).into());
            }
            (None, []) => {}
            (None, _) => cmds.push(
                FileCommand::AddSourcePaths {
                    paths,
                    allow_duplicates: false,
                }
                .into(),
            ),
        }
    }

    /// The menu bar.
    pub fn menu_bar(ui: &mut Ui, session: &Session, cmds: &mut Vec<Command>) {
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
                    cmds.push(FileCommand::NewNotebook.into());
                }
                if ui.button("New from clipboard").clicked() {
                    cmds.push(FileCommand::NewFromClipboard.into());
                }
                if item(ui, "Open…", Some(theme::OPEN)) {
                    cmds.push(FileCommand::Open.into());
                }
                if item(ui, "Add sources…", Some(theme::ADD_SOURCES)) {
                    cmds.push(FileCommand::AddSources.into());
                }
                if ui.button("Add source from clipboard").clicked() {
                    cmds.push(
                        FileCommand::AddSourceFromClipboard {
                            allow_duplicates: false,
                        }
                        .into(),
                    );
                }
                ui.menu_button("Open recent", |ui| {
                    if session.recent().is_empty() {
                        ui.weak("Nothing yet");
                    }
                    for path in session.recent() {
                        if ui.button(path.display().to_string()).clicked() {
                            cmds.push(FileCommand::OpenPath(path.clone()).into());
                        }
                    }
                });
                ui.separator();
                if item(ui, "Save", Some(theme::SAVE)) {
                    cmds.push(FileCommand::Save.into());
                }
                if item(ui, "Save as…", Some(theme::SAVE_AS)) {
                    cmds.push(FileCommand::SaveAs.into());
                }
                ui.separator();
                if item(ui, "Brief preview and export…", Some(theme::EXPORT)) {
                    cmds.push(ViewCommand::TogglePreview.into());
                }
                ui.menu_button("Export evidence", |ui| {
                    if ui.button("W3C Web Annotations (JSON-LD)…").clicked() {
                        cmds.push(FileCommand::Export(Format::W3c).into());
                    }
                    if ui.button("CSV for spreadsheets…").clicked() {
                        cmds.push(FileCommand::Export(Format::Csv).into());
                    }
                });
                ui.separator();
                if item(ui, "Quit", Some(theme::QUIT)) {
                    cmds.push(FileCommand::Quit.into());
                }
            });
            ui.menu_button("Edit", |ui| {
                let doc = session.document();
                for (enabled, label, shortcut, cmd) in [
                    (doc.can_undo(), "Undo", theme::UNDO, EditCommand::Undo),
                    (doc.can_redo(), "Redo", theme::REDO, EditCommand::Redo),
                ] {
                    let button =
                        egui::Button::new(label).shortcut_text(ctx.format_shortcut(&shortcut));
                    if ui.add_enabled(enabled, button).clicked() {
                        cmds.push(cmd.into());
                    }
                }
                ui.separator();
                if item(ui, "Find in article…", Some(theme::FIND)) {
                    cmds.push(ViewCommand::Find.into());
                }
            });
            ui.menu_button("Article", |ui| {
                if ui.button("Edit text (fix a typo)…").clicked() {
                    cmds.push(FileCommand::EditArticleText.into());
                }
                if ui.button("Replace with a corrected version…").clicked() {
                    cmds.push(FileCommand::ReplaceArticle.into());
                }
            });
            ui.menu_button("Annotate", |ui| {
                if item(ui, "Attach selection to selected item", Some(theme::ATTACH)) {
                    cmds.push(EditCommand::AttachSelection.into());
                }
                for (label, shortcut, kind) in [
                    (
                        "New actor from selection",
                        theme::NEW_ACTOR,
                        ItemKind::Actor,
                    ),
                    (
                        "New stake from selection",
                        theme::NEW_STAKE,
                        ItemKind::Stake,
                    ),
                    ("New risk from selection", theme::NEW_RISK, ItemKind::Risk),
                ] {
                    if item(ui, label, Some(shortcut)) {
                        cmds.push(new_from_selection(kind));
                    }
                }
            });
        });
    }

    /// The status line, with the notebook's counts on the right.
    pub fn status_bar(&self, ui: &mut Ui, nb: &Notebook) {
        ui.horizontal(|ui| {
            ui.label(&self.status);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let review = panes::review_count(nb);
                let mut text = format!(
                    "{} actors · {} stakes · {} risks · {} evidence",
                    nb.actors.len(),
                    nb.stakes.len(),
                    nb.risks.len(),
                    nb.all_evidence().count()
                );
                if review > 0 {
                    text.push_str(&format!(" ({review} to review)"));
                }
                ui.weak(text);
            });
        });
    }
}

fn new_from_selection(kind: ItemKind) -> Command {
    Command::Edit(EditCommand::NewFromSelection(kind))
}
