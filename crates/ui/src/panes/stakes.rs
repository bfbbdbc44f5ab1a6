//! The Stakes pane.

use super::PaneContext;
use super::fields::{actor_picker, choice, evidence_list, text_field};
use briefing_core::model::{Edit, Importance, ItemKind, ItemRef, TextField};
use egui::Ui;

/// Lists the stakes; the focused one is expanded for editing.
pub fn show(ui: &mut Ui, cx: &mut PaneContext<'_>) {
    let nb = cx.notebook;
    if nb.stakes.is_empty() {
        ui.weak("No stakes yet. Select a passage and press New stake (Ctrl+Alt+S), or Add stake.");
    }
    for stake in &nb.stakes {
        let item = ItemRef {
            kind: ItemKind::Stake,
            id: stake.id,
        };
        let holders: Vec<&str> = stake
            .holders
            .iter()
            .filter_map(|&h| nb.actor(h).map(|a| a.name.as_str()))
            .collect();
        let subtitle = format!(
            "{} importance · {} · {} evidence",
            stake.importance.label(),
            if holders.is_empty() {
                "no holders".to_owned()
            } else {
                holders.join(", ")
            },
            stake.evidence.len()
        );
        cx.card(ui, item, &stake.title, &subtitle, |ui, cmds| {
            let id = stake.id;
            text_field(
                ui,
                cmds,
                "What is at stake",
                &stake.title,
                TextField::StakeTitle(id),
                false,
                "",
            );
            text_field(
                ui,
                cmds,
                "Detail",
                &stake.detail,
                TextField::StakeDetail(id),
                true,
                "Why it matters, for whom",
            );
            choice(
                ui,
                cmds,
                "Importance",
                stake.importance,
                &Importance::ALL,
                |i| i.label().to_owned(),
                |i| Edit::SetImportance(id, i),
            );
            actor_picker(ui, cmds, "Held by", nb, &stake.holders, |actor| {
                Edit::ToggleStakeHolder { stake: id, actor }
            });
            evidence_list(ui, cmds, nb, item, &stake.evidence);
        });
    }
}
