//! The Risks pane.

use super::PaneContext;
use super::fields::{actor_picker, choice, evidence_list, list_field, text_field};
use crate::command::Command;
use briefing_core::model::{
    Edit, ItemKind, ItemRef, ListField, TextField, impact_word, likelihood_word,
};
use egui::Ui;

/// Lists the risks; the focused one is expanded for editing.
pub fn show(ui: &mut Ui, cx: &mut PaneContext<'_>) {
    let nb = cx.notebook;
    if nb.risks.is_empty() {
        ui.weak("No risks yet. Select a passage and press New risk (Ctrl+Alt+R), or Add risk.");
    }
    for risk in &nb.risks {
        let item = ItemRef {
            kind: ItemKind::Risk,
            id: risk.id,
        };
        let subtitle = format!(
            "Likelihood {} ({}) · impact {} ({}) · {} evidence",
            risk.likelihood,
            likelihood_word(risk.likelihood),
            risk.impact,
            impact_word(risk.impact),
            risk.evidence.len()
        );
        cx.card(ui, item, &risk.title, &subtitle, |ui, cmds| {
            let id = risk.id;
            text_field(
                ui,
                cmds,
                "Risk",
                &risk.title,
                TextField::RiskTitle(id),
                false,
                "",
            );
            text_field(
                ui,
                cmds,
                "Detail",
                &risk.detail,
                TextField::RiskDetail(id),
                true,
                "How it would happen",
            );
            rating(
                ui,
                cmds,
                "Likelihood",
                risk.likelihood,
                likelihood_word,
                |v| Edit::SetLikelihood(id, v),
            );
            rating(ui, cmds, "Impact", risk.impact, impact_word, |v| {
                Edit::SetImpact(id, v)
            });
            choice(
                ui,
                cmds,
                "Confidence",
                risk.confidence,
                &briefing_core::model::Confidence::ALL,
                |c| c.label().to_owned(),
                |c| Edit::SetRiskConfidence(id, c),
            );
            text_field(
                ui,
                cmds,
                "Time horizon",
                &risk.horizon,
                TextField::RiskHorizon(id),
                false,
                "e.g. 6-12 months",
            );
            list_field(
                ui,
                cmds,
                "Indicators to watch",
                &risk.indicators,
                ListField::RiskIndicators(id),
                "+ Indicator",
            );
            actor_picker(ui, cmds, "Actors involved", nb, &risk.actors, |actor| {
                Edit::ToggleRiskActor { risk: id, actor }
            });
            evidence_list(ui, cmds, nb, item, &risk.evidence);
        });
    }
}

fn rating(
    ui: &mut Ui,
    cmds: &mut Vec<Command>,
    label: &str,
    value: u8,
    word: fn(u8) -> &'static str,
    edit: impl Fn(u8) -> Edit,
) {
    choice(
        ui,
        cmds,
        label,
        value,
        &[1, 2, 3, 4, 5],
        |v| format!("{v} – {}", word(v)),
        edit,
    );
}
