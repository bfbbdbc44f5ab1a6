//! The Actors pane.

use super::PaneContext;
use super::fields::{choice, evidence_list, item_card, list_field, text_field};
use crate::model::{ActorKind, Edit, ItemKind, ItemRef, ListField, TextField};
use eframe::egui::Ui;

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
        let focused = cx.focus == Some(item);
        let subtitle = [actor.kind.label(), actor.role.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        let subtitle = format!("{subtitle} · {} evidence", actor.evidence.len());
        let header = item_card(
            ui,
            cx.cmds,
            item,
            &actor.name,
            &subtitle,
            focused,
            |ui, cmds| {
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
                evidence_list(ui, cmds, item, &actor.evidence);
            },
        );
        cx.scroll_if_focused(item, &header);
        ui.add_space(4.0);
    }
}
