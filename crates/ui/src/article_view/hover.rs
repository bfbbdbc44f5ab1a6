//! What is under the pointer: the cursor shape, a tooltip naming the items whose evidence
//! (or the actor whose mention) is there, and a click that shows that item in its pane.

use super::{ArticleInput, ArticleView, Highlight, longest, overlapping};
use briefing_core::model::{Id, ItemKind, ItemRef};
use egui::{CursorIcon, Pos2, Ui};

impl ArticleView {
    /// Sets the cursor and shows the tooltip for the text under the pointer; returns the
    /// item to show when a highlight or mention was clicked with nothing selected.
    pub(super) fn hover(
        &self,
        ui: &Ui,
        response: &egui::Response,
        origin: Pos2,
        input: &ArticleInput<'_>,
    ) -> Option<ItemRef> {
        let p = response.hover_pos()?;
        let c = self.char_at(p - origin);
        let mut items = items_at(input, c);
        let mention = mention_at(input, c);
        let mut lines: Vec<String> = items.iter().map(|&i| (input.describe)(i)).collect();
        if let Some(actor) = mention {
            let item = ItemRef {
                kind: ItemKind::Actor,
                id: actor,
            };
            lines.push(format!("Mentions {}", (input.describe)(item)));
            if items.is_empty() {
                items.push(item);
            }
        }
        if items.is_empty() {
            ui.ctx().set_cursor_icon(CursorIcon::Text);
            return None;
        }
        ui.ctx().set_cursor_icon(CursorIcon::PointingHand);
        let clicked = (response.clicked() && self.selection().is_none())
            .then(|| items.first().copied())
            .flatten();
        if !response.is_pointer_button_down_on() {
            egui::Tooltip::always_open(
                ui.ctx().clone(),
                ui.layer_id(),
                self.id.with("hover"),
                egui::PopupAnchor::Pointer,
            )
            .gap(12.0)
            .show(|ui| {
                for line in lines {
                    ui.label(line);
                }
                ui.weak("Click to show in its pane");
            });
        }
        clicked
    }
}

/// Items with evidence at char `pos`, the most specific (shortest span) first.
fn items_at(input: &ArticleInput<'_>, pos: usize) -> Vec<ItemRef> {
    let longest = longest(input.highlights, |h| (h.start, h.end));
    let mut hits: Vec<&Highlight> = overlapping(input.highlights, pos, pos + 1, longest, |h| {
        (h.start, h.end)
    })
    .collect();
    // The shortest span is the most specific one.
    hits.sort_by_key(|h| h.end - h.start);
    let mut items: Vec<ItemRef> = Vec::new();
    for h in hits {
        if !items.contains(&h.item) {
            items.push(h.item);
        }
    }
    items
}

/// The actor mentioned at char `pos`, if any.
fn mention_at(input: &ArticleInput<'_>, pos: usize) -> Option<Id> {
    let i = input.mentions.partition_point(|m| m.end <= pos);
    input
        .mentions
        .get(i)
        .filter(|m| m.start <= pos)
        .map(|m| m.actor)
}
