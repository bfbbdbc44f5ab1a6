//! The Review pane: what a reviewer would ask. Merge conflicts first (`conflicts.rs`),
//! evidence that no longer matches the article exactly (after the text changed), and
//! every finding of the core reviewer
//! (`checks::review`): bottom-line length, vague or contradictory estimative language,
//! claims without evidence.

use super::PaneContext;
use super::fields::shorten;
use crate::command::{Command, EditCommand, ViewCommand};
use briefing_core::checks::{Finding, Kind, Place};
use briefing_core::model::{AnchorStatus, Edit, Notebook};
use egui::{self, RichText, Ui};

fn needs_review(status: AnchorStatus) -> bool {
    matches!(status, AnchorStatus::Fuzzy | AnchorStatus::Orphaned)
}

/// How many spans need review.
pub fn count(nb: &Notebook) -> usize {
    nb.all_evidence()
        .filter(|(_, e)| needs_review(e.status))
        .count()
}

/// Names a finding's place: "Bottom line", "Risk “Kabul sidelined…”".
pub fn place_name(nb: &Notebook, place: Place) -> String {
    match place {
        Place::BottomLine => "Bottom line".to_owned(),
        Place::Item(item) => {
            let kind = item.kind.label();
            let name = nb.item_name(item).unwrap_or_default();
            format!(
                "{}{} “{}”",
                kind[..1].to_uppercase(),
                &kind[1..],
                shorten(name, 40)
            )
        }
    }
}

/// The Review tab's sections, in order.
const SECTIONS: [&str; 3] = ["Judgments", "Evidence coverage", "Sourcing"];

/// The section a finding is listed under. Exhaustive, so a new kind of finding cannot be
/// left out of the tab.
fn section(kind: Kind) -> &'static str {
    match kind {
        Kind::BottomLineLength | Kind::Hedge | Kind::Contradiction | Kind::MixedScales => {
            SECTIONS[0]
        }
        Kind::NoEvidence | Kind::Unsupported => SECTIONS[1],
        Kind::SingleSource | Kind::WeakSources => SECTIONS[2],
    }
}

/// Lists the findings, then the spans to review with what to do about each.
pub fn show(ui: &mut Ui, cx: &mut PaneContext<'_>) {
    let nb = cx.notebook;
    super::conflicts::show(ui, cx);
    if cx.findings.is_empty() && count(nb) == 0 {
        if !nb.conflicts.is_empty() {
            return;
        }
        let empty = nb.actors.is_empty() && nb.stakes.is_empty() && nb.risks.is_empty();
        ui.label(if empty && nb.brief.bottom_line.trim().is_empty() {
            "Nothing to review yet: add actors, stakes, risks and a bottom line."
        } else {
            "Nothing to review: every judgment has evidence and says how likely it is."
        });
        return;
    }
    for title in SECTIONS {
        let found: Vec<&Finding> = cx
            .findings
            .iter()
            .filter(|f| section(f.kind) == title)
            .collect();
        if found.is_empty() {
            continue;
        }
        ui.label(RichText::new(format!("{title} ({})", found.len())).strong());
        for f in found {
            ui.horizontal_wrapped(|ui| {
                let where_ = place_name(nb, f.place);
                let link = ui.link(RichText::new(where_).strong());
                if link.clicked()
                    && let Place::Item(item) = f.place
                {
                    cx.cmds.push(Command::View(ViewCommand::Focus(item)));
                }
                ui.label(&f.message);
            });
        }
        ui.add_space(6.0);
    }
    if count(nb) == 0 {
        return;
    }
    ui.label(RichText::new("Evidence to re-check").strong());
    ui.label("The article changed. These spans no longer match it exactly: check each one.");
    ui.add_space(4.0);
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
            if let Some(source) = nb
                .source(e.source)
                .filter(|_| e.status == AnchorStatus::Fuzzy)
            {
                let now = cx
                    .indexes
                    .of(e.source)
                    .slice(&source.article.text, e.start, e.end);
                ui.label(format!("Now: “{}”", shorten(now, 160)));
            }
            ui.horizontal(|ui| {
                if e.status == AnchorStatus::Fuzzy {
                    if ui.button("Show").clicked() {
                        cx.cmds.push(Command::View(ViewCommand::Reveal {
                            source: e.source,
                            start: e.start,
                            end: e.end,
                        }));
                    }
                    if ui
                        .button("Accept")
                        .on_hover_text("Keep this evidence as the text now reads")
                        .clicked()
                    {
                        cx.cmds
                            .push(Command::Edit(EditCommand::AcceptSpan(item, e.id)));
                    }
                }
                if ui
                    .button("Remove")
                    .on_hover_text("Remove this evidence (Ctrl+Z brings it back)")
                    .clicked()
                {
                    cx.cmds
                        .push(Command::from(Edit::RemoveEvidence(item, e.id)));
                }
            });
        });
        ui.add_space(4.0);
    }
}
