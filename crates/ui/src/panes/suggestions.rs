//! Suggested actors, above the Actors list: accept one (a new actor with its aliases and
//! a first piece of evidence), merge it into an actor already there, or dismiss it.

use super::{PaneContext, counted};
use crate::command::{Command, EditCommand, ViewCommand};
use briefing_core::model::Edit;
use briefing_core::suggest::Suggestion;
use egui::{self, RichText, Ui};

/// True when an actor already has this name or one of its aliases.
fn already_an_actor(cx: &PaneContext<'_>, s: &Suggestion) -> bool {
    cx.notebook.actors.iter().any(|a| {
        let names: Vec<&str> = std::iter::once(a.name.as_str())
            .chain(a.aliases.iter().map(String::as_str))
            .collect();
        names.contains(&s.name.as_str()) || s.aliases.iter().any(|al| names.contains(&al.as_str()))
    })
}

/// The Suggestions section.
pub fn show(ui: &mut Ui, cx: &mut PaneContext<'_>) {
    let Some(all) = cx.suggestions else {
        if cx.suggesting {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.weak("Finding the actors the sources name…");
            });
            return;
        }
        if ui
            .button("Suggest actors from the article")
            .on_hover_text("Finds the people, states and organisations the article names")
            .clicked()
        {
            cx.cmds.push(Command::View(ViewCommand::ComputeSuggestions));
        }
        return;
    };
    let open: Vec<&Suggestion> = all
        .iter()
        .filter(|s| {
            !cx.notebook.dismissed_suggestions.contains(&s.name) && !already_an_actor(cx, s)
        })
        .collect();
    egui::CollapsingHeader::new(
        RichText::new(format!("Suggested from the article ({})", open.len())).strong(),
    )
    .id_salt("suggestions")
    .default_open(true)
    .show(ui, |ui| {
        if open.is_empty() {
            ui.weak("Every actor the article names is in your list, or dismissed.");
        }
        for s in open.iter().take(40) {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&s.name).strong());
                if !s.role.is_empty() {
                    ui.label(RichText::new(&s.role).italics());
                }
                let aliases = if s.aliases.is_empty() {
                    String::new()
                } else {
                    format!(" · also {}", s.aliases.join(", "))
                };
                // "12 mentions in 4 sources" once the notebook has more than one.
                let spread = if s.per_source.len() > 1 {
                    format!(" in {}", counted(s.per_source.len(), "source"))
                } else {
                    String::new()
                };
                ui.weak(format!(
                    "{} · {}{spread}{aliases}",
                    s.kind.label(),
                    counted(s.mentions, "mention")
                ));
            });
            if !s.note.is_empty() {
                ui.label(
                    RichText::new(&s.note)
                        .small()
                        .color(ui.visuals().warn_fg_color),
                );
            }
            ui.horizontal(|ui| {
                if ui
                    .small_button("Accept")
                    .on_hover_text("Add as an actor, with its first mention as evidence")
                    .clicked()
                {
                    cx.cmds
                        .push(Command::Edit(EditCommand::AcceptSuggestion((*s).clone())));
                }
                if !cx.notebook.actors.is_empty() {
                    let label = ui.label(RichText::new("or merge into").small());
                    egui::ComboBox::from_id_salt(("merge", &s.name))
                        .selected_text("an actor…")
                        .width(130.0)
                        .show_ui(ui, |ui| {
                            for a in &cx.notebook.actors {
                                if ui.selectable_label(false, &a.name).clicked() {
                                    cx.cmds.push(Command::Edit(EditCommand::MergeSuggestion(
                                        (*s).clone(),
                                        a.id,
                                    )));
                                }
                            }
                        })
                        .response
                        .labelled_by(label.id);
                }
                if ui
                    .small_button("Dismiss")
                    .on_hover_text("Not an actor: don't suggest it again")
                    .clicked()
                {
                    cx.cmds
                        .push(Command::from(Edit::DismissSuggestion(s.name.clone())));
                }
            });
            ui.add_space(2.0);
        }
    });
    ui.add_space(6.0);
}
