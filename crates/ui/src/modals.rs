//! Modal questions: unsaved changes, a typed path when no file dialog exists, errors.

use super::command::{AfterSave, Command, EditCommand, FileCommand};
use super::file_dialog::{PickOutcome, Purpose};
use egui::{self, Key, TextEdit};

/// The question on screen, if any.
#[derive(Clone, Debug, PartialEq)]
pub enum Modal {
    /// Save / Discard / Cancel before doing something that would lose changes.
    Unsaved(AfterSave),
    /// No native dialog: type a path.
    TypedPath {
        /// What the path is for.
        purpose: Purpose,
        /// What is typed so far.
        text: String,
        /// Why this is shown.
        note: String,
        /// Recent notebooks to pick from instead of typing.
        recent: Vec<std::path::PathBuf>,
    },
    /// Something went wrong; the message names the file and what to do.
    Error(String),
    /// Autosaved work found on start: restore or discard each.
    Recover {
        /// Recovery file and what it is.
        items: Vec<(std::path::PathBuf, String)>,
        /// Recovery files that cannot be read, and why: remove or keep each.
        unreadable: Vec<(std::path::PathBuf, String)>,
    },
    /// The article's text, being corrected by hand.
    EditArticle {
        /// The text as edited so far.
        text: String,
    },
    /// An export was written: offer to open it or its folder.
    Exported {
        /// The file written.
        path: std::path::PathBuf,
        /// How it was fitted, for PDF.
        note: String,
    },
    /// Removing a source would remove its evidence too: ask first.
    RemoveSource {
        /// The source.
        id: briefing_core::model::Id,
        /// The question, naming the source's number and its evidence.
        question: String,
        /// The source's title.
        title: String,
    },
    /// Some texts are already sources: add them anyway?
    AddAnyway {
        /// Which texts, and which sources already hold them.
        message: String,
        /// The files to add again; `None` for the clipboard.
        paths: Option<Vec<std::path::PathBuf>>,
    },
}

/// What the user answered.
#[derive(Clone, Debug, PartialEq)]
pub enum ModalAnswer {
    /// Save, then go on.
    Save(AfterSave),
    /// Go on without saving.
    Discard(AfterSave),
    /// A typed path.
    Path(Purpose, String),
    /// Restore this recovery file.
    Restore(std::path::PathBuf),
    /// Delete this recovery file.
    DiscardRecovery(std::path::PathBuf),
    /// Use this corrected article text.
    ArticleText(String),
    /// Open this file or folder with the system.
    OpenExternally(std::path::PathBuf),
    /// Remove this source and its evidence.
    RemoveSource(briefing_core::model::Id),
    /// Add these files (`None`: the clipboard) even though their texts are sources.
    AddAnyway(Option<Vec<std::path::PathBuf>>),
    /// Close the question.
    Dismiss,
}

impl From<ModalAnswer> for Command {
    /// What the app does with an answer: every answer is a command like any other.
    fn from(answer: ModalAnswer) -> Self {
        match answer {
            ModalAnswer::RemoveSource(id) => {
                return Command::Edit(EditCommand::RemoveSource {
                    id,
                    confirmed: true,
                });
            }
            ModalAnswer::AddAnyway(Some(paths)) => {
                return Command::File(FileCommand::AddSourcePaths {
                    paths,
                    allow_duplicates: true,
                });
            }
            ModalAnswer::AddAnyway(None) => {
                return Command::File(FileCommand::AddSourceFromClipboard {
                    allow_duplicates: true,
                });
            }
            _ => {}
        }
        Command::File(match answer {
            ModalAnswer::Save(then) => FileCommand::SaveThen(then),
            ModalAnswer::Discard(then) => FileCommand::DiscardThen(then),
            ModalAnswer::Path(purpose, text) => {
                FileCommand::Picked(purpose, PickOutcome::Chosen(text.into()))
            }
            ModalAnswer::Restore(file) => FileCommand::Restore(file),
            ModalAnswer::DiscardRecovery(file) => FileCommand::DiscardRecovery(file),
            ModalAnswer::ArticleText(text) => FileCommand::ArticleText(text),
            ModalAnswer::OpenExternally(path) => FileCommand::OpenExternally(path),
            ModalAnswer::Dismiss | ModalAnswer::RemoveSource(_) | ModalAnswer::AddAnyway(_) => {
                FileCommand::Dismissed
            }
        })
    }
}

/// Shows `modal`; returns the answer once given.
pub fn show(ctx: &egui::Context, modal: &mut Modal) -> Option<ModalAnswer> {
    let mut answer = None;
    let response = egui::Modal::new(egui::Id::unique("modal")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        match modal {
            Modal::Unsaved(then) => {
                ui.heading("Save changes to this notebook?");
                ui.label("Your changes will be lost if you don't save them.");
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() || ui.input(|i| i.key_pressed(Key::Enter)) {
                        answer = Some(ModalAnswer::Save(then.clone()));
                    }
                    if ui.button("Discard").clicked() {
                        answer = Some(ModalAnswer::Discard(then.clone()));
                    }
                    if ui.button("Cancel").clicked() {
                        answer = Some(ModalAnswer::Dismiss);
                    }
                });
            }
            Modal::TypedPath {
                purpose,
                text,
                note,
                recent,
            } => {
                ui.heading(purpose.title());
                ui.label(note.as_str());
                let label = ui.label("Path:");
                let mut shown = TextEdit::singleline(text)
                    .id_salt("typed-path")
                    .desired_width(f32::INFINITY)
                    .show(ui);
                let edit = shown.response.response.clone().labelled_by(label.id);
                if !edit.has_focus() && !edit.lost_focus() {
                    edit.request_focus();
                    // The suggested path starts selected, so typing replaces it.
                    let chars = text.chars().count();
                    shown
                        .state
                        .cursor
                        .set_char_range(Some(egui::text::CCursorRange::two(
                            egui::text::CCursor::new(0),
                            egui::text::CCursor::new(chars),
                        )));
                    shown.state.store(ui.ctx(), edit.id);
                }
                let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                ui.horizontal(|ui| {
                    let ok = ui.add_enabled(!text.trim().is_empty(), egui::Button::new("OK"));
                    if (ok.clicked() || enter) && !text.trim().is_empty() {
                        answer = Some(ModalAnswer::Path(*purpose, text.trim().to_owned()));
                    }
                    if ui.button("Cancel").clicked() {
                        answer = Some(ModalAnswer::Dismiss);
                    }
                });
                if !recent.is_empty() {
                    ui.add_space(6.0);
                    ui.label("Or open a recent notebook:");
                    for path in recent.iter() {
                        if ui.link(path.display().to_string()).clicked() {
                            answer = Some(ModalAnswer::Path(*purpose, path.display().to_string()));
                        }
                    }
                }
            }
            Modal::Recover { items, unreadable } => {
                ui.heading("Recover unsaved work?");
                if !items.is_empty() {
                    ui.label("Briefing Notebook did not close normally. These changes were autosaved:");
                    ui.add_space(6.0);
                }
                for (file, description) in items.iter() {
                    ui.label(description.as_str());
                    ui.horizontal(|ui| {
                        if ui.button("Restore").clicked() {
                            answer = Some(ModalAnswer::Restore(file.clone()));
                        }
                        if ui.button("Discard").clicked() {
                            answer = Some(ModalAnswer::DiscardRecovery(file.clone()));
                        }
                    });
                    ui.add_space(4.0);
                }
                if !unreadable.is_empty() {
                    ui.add_space(6.0);
                    ui.label("These autosaved files cannot be read (kept until you remove them; a newer version of the app may open them):");
                    ui.add_space(4.0);
                }
                for (file, problem) in unreadable.iter() {
                    ui.label(file.display().to_string());
                    ui.weak(problem.as_str());
                    if ui
                        .button("Remove file")
                        .on_hover_text("Delete this autosaved file for good")
                        .clicked()
                    {
                        answer = Some(ModalAnswer::DiscardRecovery(file.clone()));
                    }
                    ui.add_space(4.0);
                }
                if ui.button("Decide later").on_hover_text("Keep them; you will be asked again next time").clicked() {
                    answer = Some(ModalAnswer::Dismiss);
                }
            }
            Modal::EditArticle { text } => {
                ui.set_min_width(640.0);
                ui.heading("Edit the article's text");
                ui.label("Fix typos or paste a corrected version. Evidence is re-attached when you apply; spans that no longer match exactly are listed under Review.");
                egui::ScrollArea::vertical()
                    .max_height(420.0)
                    .show(ui, |ui| {
                        let label = ui.label("Article text:");
                        ui.add(
                            TextEdit::multiline(text)
                                .id_salt("article-text")
                                .desired_width(f32::INFINITY)
                                .desired_rows(18),
                        )
                        .labelled_by(label.id);
                    });
                ui.horizontal(|ui| {
                    if ui.button("Apply").clicked() {
                        answer = Some(ModalAnswer::ArticleText(text.clone()));
                    }
                    if ui.button("Cancel").clicked() {
                        answer = Some(ModalAnswer::Dismiss);
                    }
                });
            }
            Modal::Exported { path, note } => {
                ui.heading("Brief exported");
                ui.label(path.display().to_string());
                if !note.is_empty() {
                    ui.weak(note.as_str());
                }
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Open file").clicked() {
                        answer = Some(ModalAnswer::OpenExternally(path.clone()));
                    }
                    if let Some(folder) = path.parent()
                        && ui.button("Open folder").clicked()
                    {
                        answer = Some(ModalAnswer::OpenExternally(folder.to_path_buf()));
                    }
                    if ui.button("Close").clicked() {
                        answer = Some(ModalAnswer::Dismiss);
                    }
                });
            }
            Modal::RemoveSource {
                id,
                question,
                title,
            } => {
                ui.heading(question.as_str());
                ui.label(format!("“{title}”"));
                ui.label("Undo (Ctrl+Z) brings it back with its evidence.");
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Remove").clicked() {
                        answer = Some(ModalAnswer::RemoveSource(*id));
                    }
                    if ui.button("Cancel").clicked() {
                        answer = Some(ModalAnswer::Dismiss);
                    }
                });
            }
            Modal::AddAnyway { message, paths } => {
                ui.heading("Add it anyway?");
                ui.label(message.as_str());
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Add anyway").clicked() {
                        answer = Some(ModalAnswer::AddAnyway(paths.clone()));
                    }
                    if ui.button("Don't add").clicked() {
                        answer = Some(ModalAnswer::Dismiss);
                    }
                });
            }
            Modal::Error(message) => {
                ui.heading("Something went wrong");
                ui.label(message.as_str());
                ui.add_space(8.0);
                if ui.button("OK").clicked() {
                    answer = Some(ModalAnswer::Dismiss);
                }
            }
        }
    });
    if answer.is_none() && response.should_close() {
        answer = Some(ModalAnswer::Dismiss);
    }
    answer
}
