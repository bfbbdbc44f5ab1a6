//! The right-hand panes: Brief, Actors, Stakes, Risks. They read the notebook and push
//! commands; they never change it.

mod actors;
mod brief;
mod conflicts;
pub mod fields;
mod review;
mod risks;
pub mod sources;
mod stakes;
mod suggestions;

use crate::command::{Command, EditCommand};
use briefing_core::model::{ItemKind, ItemRef, Notebook};
use egui::{self, Align, RichText, ScrollArea, Ui};

pub use conflicts::conflict_place;
pub use review::{count as review_count, place_name};

/// Which pane is showing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// Title and bottom line.
    Brief,
    /// Actors.
    Actors,
    /// Stakes.
    Stakes,
    /// Risks.
    Risks,
    /// Evidence spans to review after the article changed.
    Review,
    /// The notebook's sources: switch, grade, reorder, remove, add.
    Sources,
}

impl Tab {
    /// The tab that lists items of a kind.
    pub fn of(kind: ItemKind) -> Self {
        match kind {
            ItemKind::Actor => Tab::Actors,
            ItemKind::Stake => Tab::Stakes,
            ItemKind::Risk => Tab::Risks,
        }
    }
}

/// What the panes read and where they send commands.
pub struct PaneContext<'a> {
    /// The notebook.
    pub notebook: &'a Notebook,
    /// Char offsets of each source's text.
    pub indexes: &'a crate::source_index::SourceIndexes,
    /// The source the reader shows.
    pub source: Option<briefing_core::model::Id>,
    /// The item in focus.
    pub focus: Option<ItemRef>,
    /// Commands for the app.
    pub cmds: &'a mut Vec<Command>,
    /// Scroll the focused item's card into view this frame.
    pub scroll_to_focus: bool,
    /// How often the sources name each actor.
    pub mention_counts: &'a std::collections::HashMap<briefing_core::model::Id, usize>,
    /// Actors the sources seem to name, once computed.
    pub suggestions: Option<&'a [briefing_core::suggest::Suggestion]>,
    /// True while they are being found on another thread.
    pub suggesting: bool,
    /// What a reviewer would flag (computed when the notebook changes).
    pub findings: &'a [briefing_core::checks::Finding],
    /// Height of each item's card when last drawn (cards far out of view are skipped).
    pub card_heights: &'a mut std::collections::HashMap<ItemRef, f32>,
    /// The mention the analyst last stepped to: (actor, index among its mentions).
    pub current_mention: Option<(briefing_core::model::Id, usize)>,
}

impl PaneContext<'_> {
    /// The reviewer's notes about one place (shown under its fields).
    fn marks(&self, place: briefing_core::checks::Place) -> Vec<String> {
        self.findings
            .iter()
            .filter(|f| f.place == place)
            .map(|f| f.message.clone())
            .collect()
    }

    /// Draws an item's card (header, the reviewer's notes, and `body` when it is in
    /// focus), unless it is far out of view and its height is known: then only its space
    /// is reserved (a list of 200 actors costs what the few visible ones cost).
    fn card(
        &mut self,
        ui: &mut Ui,
        item: ItemRef,
        title: &str,
        subtitle: &str,
        body: impl FnOnce(&mut Ui, &mut Vec<Command>),
    ) {
        const SLACK: f32 = 300.0;
        let top = ui.cursor().min.y;
        let clip = ui.clip_rect();
        let focused = self.focus == Some(item);
        let wanted = self.scroll_to_focus && focused;
        if let Some(&h) = self.card_heights.get(&item)
            && !wanted
            && (top + h < clip.min.y - SLACK || top > clip.max.y + SLACK)
        {
            ui.allocate_space(egui::vec2(ui.available_width(), h));
        } else {
            let marks = self.marks(briefing_core::checks::Place::Item(item));
            // With several sources, how many of them the item's evidence comes from.
            let subtitle = if self.notebook.sources.len() > 1 {
                let n = self.notebook.corroboration(item);
                format!("{subtitle} · {}", counted(n, "source"))
            } else {
                subtitle.to_owned()
            };
            let subtitle = subtitle.as_str();
            let cmds = &mut *self.cmds;
            let drawn = ui.scope(|ui| {
                fields::item_card(ui, cmds, item, title, subtitle, focused, |ui, cmds| {
                    fields::show_marks(ui, &marks);
                    body(ui, cmds);
                })
            });
            if wanted {
                drawn.inner.scroll_to_me(Some(Align::TOP));
            }
            self.card_heights.insert(item, drawn.response.rect.height());
        }
        ui.add_space(4.0);
    }
}

/// Draws the tab bar and the current pane.
pub fn show(ui: &mut Ui, tab: &mut Tab, cx: &mut PaneContext<'_>) {
    let nb = cx.notebook;
    let to_review = review::count(nb) + cx.findings.len() + nb.conflicts.len();
    ui.horizontal_wrapped(|ui| {
        // Six tabs on one row at the default window width; a narrower window wraps them.
        ui.spacing_mut().item_spacing.x = 4.0;
        ui.spacing_mut().button_padding.x = 4.0;
        let mut tabs = vec![
            (Tab::Brief, "Brief".to_owned()),
            (Tab::Sources, format!("Sources ({})", nb.sources.len())),
            (Tab::Actors, format!("Actors ({})", nb.actors.len())),
            (Tab::Stakes, format!("Stakes ({})", nb.stakes.len())),
            (Tab::Risks, format!("Risks ({})", nb.risks.len())),
        ];
        tabs.push((
            Tab::Review,
            if to_review > 0 {
                format!("Review ({to_review})")
            } else {
                "Review".to_owned()
            },
        ));
        for (t, label) in tabs {
            if ui
                .selectable_label(*tab == t, RichText::new(label).strong())
                .clicked()
            {
                *tab = t;
            }
        }
    });
    ui.separator();
    let add = match tab {
        Tab::Brief => None,
        Tab::Actors => Some((ItemKind::Actor, "+ Add actor")),
        Tab::Stakes => Some((ItemKind::Stake, "+ Add stake")),
        Tab::Risks => Some((ItemKind::Risk, "+ Add risk")),
        Tab::Review | Tab::Sources => None,
    };
    if let Some((kind, label)) = add
        && ui.button(label).clicked()
    {
        cx.cmds.push(Command::Edit(EditCommand::AddItem(kind)));
    }
    ScrollArea::vertical()
        .id_salt("pane-scroll")
        .auto_shrink(false)
        .show(ui, |ui| match tab {
            Tab::Brief => brief::show(ui, cx),
            Tab::Actors => {
                suggestions::show(ui, cx);
                actors::show(ui, cx)
            }
            Tab::Stakes => stakes::show(ui, cx),
            Tab::Risks => {
                crate::risk_matrix::show(ui, cx.notebook, cx.focus, cx.cmds);
                risks::show(ui, cx)
            }
            Tab::Review => review::show(ui, cx),
            Tab::Sources => sources::show(ui, cx),
        });
}

/// "1 mention", "5 mentions": a count with its noun, singular for one.
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(counted(1, "mention"), "1 mention");
        assert_eq!(counted(0, "mention"), "0 mentions");
        assert_eq!(counted(5, "mention"), "5 mentions");
    }
}
