//! The Actors pane.

use super::fields::{choice, evidence_list, list_field, text_field};
use super::{PaneContext, counted};
use crate::command::{Command, EditCommand, ViewCommand};
use crate::icons::{Icon, icon_button};
use briefing_core::model::{ActorKind, Edit, Id, ItemKind, ItemRef, ListField, TextField};
use egui::Ui;

/// Lists the actors; the focused one is expanded for editing.
pub fn show(ui: &mut Ui, cx: &mut PaneContext<'_>) {
    let nb = cx.notebook;
    if nb.actors.is_empty() {
        ui.weak("No actors yet. Select a name in the article and press New actor (Ctrl+Alt+A), or Add actor.");
    }
    for actor in &nb.actors {
        let item = ItemRef {
            kind: ItemKind::Actor,
            id: actor.id,
        };
        let subtitle = [actor.kind.label(), actor.role.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        let mention_count = cx.mention_counts.get(&actor.id).copied().unwrap_or(0);
        let subtitle = format!(
            "{subtitle} · {} evidence · {}",
            actor.evidence.len(),
            counted(mention_count, "mention")
        );
        let current = cx
            .current_mention
            .filter(|(a, _)| *a == actor.id)
            .map(|(_, i)| i);
        cx.card(ui, item, &actor.name, &subtitle, |ui, cmds| {
            let id = actor.id;
            text_field(
                ui,
                cmds,
                "Name",
                &actor.name,
                TextField::ActorName(id),
                false,
                "Sergei Lavrov",
            );
            choice(
                ui,
                cmds,
                "Kind",
                actor.kind,
                &ActorKind::ALL,
                |k| k.label().to_owned(),
                |k| Edit::SetActorKind(id, k),
            );
            list_field(
                ui,
                cmds,
                "Aliases",
                &actor.aliases,
                ListField::ActorAliases(id),
                "+ Alias",
            );
            text_field(
                ui,
                cmds,
                "Role",
                &actor.role,
                TextField::ActorRole(id),
                false,
                "Russian Foreign Minister",
            );
            text_field(
                ui,
                cmds,
                "Position / interests",
                &actor.position,
                TextField::ActorPosition(id),
                true,
                "What they want, what they fear",
            );
            text_field(
                ui,
                cmds,
                "Notes",
                &actor.notes,
                TextField::ActorNotes(id),
                true,
                "",
            );
            mention_navigator(ui, cmds, actor.id, mention_count, current);
            evidence_list(ui, cmds, nb, item, &actor.evidence);
        });
    }
}

/// "Mentions: 3 of 12" with previous/next, and one click to make the mention evidence.
fn mention_navigator(
    ui: &mut Ui,
    cmds: &mut Vec<Command>,
    actor: Id,
    count: usize,
    current: Option<usize>,
) {
    ui.label(
        egui::RichText::new("Mentions in the article")
            .small()
            .strong(),
    );
    if count == 0 {
        ui.weak("Its name and aliases do not appear in the article.");
        return;
    }
    ui.horizontal(|ui| {
        if icon_button(ui, Icon::Up, "Previous mention").clicked() {
            cmds.push(Command::View(ViewCommand::StepMention { actor, step: -1 }));
        }
        if icon_button(ui, Icon::Down, "Next mention").clicked() {
            cmds.push(Command::View(ViewCommand::StepMention { actor, step: 1 }));
        }
        match current {
            Some(i) => ui.label(format!("{} of {count}", i + 1)),
            None => ui.label(counted(count, "mention")),
        };
        if ui
            .add_enabled(current.is_some(), egui::Button::new("Attach as evidence"))
            .on_disabled_hover_text("Step to a mention first")
            .clicked()
        {
            cmds.push(Command::Edit(EditCommand::AttachMention(actor)));
        }
    });
}
