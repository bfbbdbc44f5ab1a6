//! The Review pane: evidence that no longer matches the article exactly (after the text
//! changed), for the analyst to check, accept as it now reads, or remove.

use super::PaneContext;
use super::fields::shorten;
use crate::model::{AnchorStatus, Edit, Notebook};
use crate::ui::command::Command;
use eframe::egui::{self, RichText, Ui};

fn needs_review(status: AnchorStatus) -> bool {
    matches!(status, AnchorStatus::Fuzzy | AnchorStatus::Orphaned)
}

/// How many spans need review.
pub fn count(nb: &Notebook) -> usize {
    nb.all_evidence()
        .filter(|(_, e)| needs_review(e.status))
        .count()
}

/// Lists the spans to review with what to do about each.
pub fn show(ui: &mut Ui, cx: &mut PaneContext<'_>) {
    let nb = cx.notebook;
    ui.label("The article changed. These spans no longer match it exactly: check each one.");
    ui.add_space(4.0);
    let text = &nb.article.text;
    let index = cx.index;
    for (item, e) in nb.all_evidence().filter(|(_, e)| needs_review(e.status)) {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let name = nb.item_name(item).unwrap_or_default();
            ui.horizontal_wrapped(|ui| {
                let (label, color) = match e.status {
                    AnchorStatus::Fuzzy => ("fuzzy, please review", ui.visuals().warn_fg_color),
                    _ => (
                        "orphaned: not in the text any more",
                        ui.visuals().error_fg_color,
                    ),
                };
                ui.label(RichText::new(label).color(color).strong());
                ui.weak(format!("{} “{}”", item.kind.label(), shorten(name, 40)));
            });
            ui.label(format!("Was: “{}”", shorten(&e.quote, 160)));
            if e.status == AnchorStatus::Fuzzy {
                let now = index.slice(text, e.start, e.end);
                ui.label(format!("Now: “{}”", shorten(now, 160)));
            }
            ui.horizontal(|ui| {
                if e.status == AnchorStatus::Fuzzy {
                    if ui.button("Show").clicked() {
                        cx.cmds.push(Command::Reveal {
                            start: e.start,
                            end: e.end,
                        });
                    }
                    if ui
                        .button("Accept")
                        .on_hover_text("Keep this evidence as the text now reads")
                        .clicked()
                    {
                        cx.cmds.push(Command::AcceptSpan(item, e.id));
                    }
                }
                if ui
                    .button("Remove")
                    .on_hover_text("Remove this evidence (Ctrl+Z brings it back)")
                    .clicked()
                {
                    cx.cmds
                        .push(Command::Edit(Edit::RemoveEvidence(item, e.id)));
                }
            });
        });
        ui.add_space(4.0);
    }
}
