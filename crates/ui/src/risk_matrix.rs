//! The interactive 5 × 5 likelihood × impact matrix: each risk a numbered marker (as in
//! the PDF); drag a marker to another cell to change its likelihood and impact; click it
//! to select the risk.

use super::command::{Command, ViewCommand};
use briefing_core::export::layout::{Rgb, cell_color};
use briefing_core::model::{Edit, ItemKind, ItemRef, Notebook, impact_word, likelihood_word};
use egui::{self, Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, Ui, pos2, vec2};

fn color(c: Rgb) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
}

const MARKER: Color32 = Color32::from_rgb(22, 64, 120);

/// Draws the matrix for `nb`'s risks; pushes edits and focus commands.
pub fn show(ui: &mut Ui, nb: &Notebook, focus: Option<ItemRef>, cmds: &mut Vec<Command>) {
    if nb.risks.is_empty() {
        return;
    }
    draw(ui, nb, focus, cmds);
    ui.weak("Drag a marker to re-rate a risk; click it to open the risk.");
    ui.add_space(6.0);
}

fn draw(ui: &mut Ui, nb: &Notebook, focus: Option<ItemRef>, cmds: &mut Vec<Command>) {
    let label_w = 16.0;
    let cell = ((ui.available_width() - label_w - 8.0) / 5.0).clamp(28.0, 52.0);
    let size = vec2(label_w + 5.0 * cell, 5.0 * cell + 30.0);
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    let grid = Rect::from_min_size(rect.min + vec2(label_w, 0.0), vec2(5.0 * cell, 5.0 * cell));
    let painter = ui.painter_at(rect);
    let text_color = ui.visuals().weak_text_color();
    for row in 0..5u8 {
        let likelihood = 5 - row;
        for col in 0..5u8 {
            let r = Rect::from_min_size(
                grid.min + vec2(f32::from(col) * cell, f32::from(row) * cell),
                vec2(cell, cell),
            )
            .shrink(1.0);
            painter.rect_filled(r, 2.0, color(cell_color(likelihood, col + 1)));
        }
        painter.text(
            pos2(grid.min.x - 5.0, grid.min.y + (f32::from(row) + 0.5) * cell),
            Align2::RIGHT_CENTER,
            likelihood.to_string(),
            FontId::proportional(11.0),
            text_color,
        );
    }
    for col in 1..=5u8 {
        painter.text(
            pos2(grid.min.x + (f32::from(col) - 0.5) * cell, grid.max.y + 8.0),
            Align2::CENTER_CENTER,
            col.to_string(),
            FontId::proportional(11.0),
            text_color,
        );
    }
    painter.text(
        pos2(grid.center().x, grid.max.y + 22.0),
        Align2::CENTER_CENTER,
        "rows: likelihood · columns: impact",
        FontId::proportional(10.5),
        text_color,
    );

    let cell_of = |p: Pos2| -> (u8, u8) {
        let col = ((p.x - grid.min.x) / cell).floor().clamp(0.0, 4.0) as u8;
        let row = ((p.y - grid.min.y) / cell).floor().clamp(0.0, 4.0) as u8;
        (5 - row, col + 1)
    };
    let radius = (cell * 0.2).clamp(7.0, 11.0);
    let step = 2.0 * radius + 2.0;
    let per_row = ((cell - 2.0) / step).floor().max(1.0) as usize;
    let mut seen: Vec<(u8, u8)> = Vec::new();
    for (n, risk) in nb.risks.iter().enumerate() {
        let (l, i) = (risk.likelihood.clamp(1, 5), risk.impact.clamp(1, 5));
        let k = seen.iter().filter(|&&p| p == (l, i)).count();
        seen.push((l, i));
        let in_cell = nb
            .risks
            .iter()
            .filter(|r| (r.likelihood.clamp(1, 5), r.impact.clamp(1, 5)) == (l, i))
            .count();
        let rows = in_cell.div_ceil(per_row);
        let in_row = if k / per_row + 1 < rows {
            per_row
        } else {
            in_cell - (rows - 1) * per_row
        };
        let cell_min = grid.min + vec2(f32::from(i - 1) * cell, f32::from(5 - l) * cell);
        let home = cell_min
            + vec2(
                (cell - in_row as f32 * step) / 2.0 + step / 2.0 + (k % per_row) as f32 * step,
                (cell - rows as f32 * step) / 2.0 + step / 2.0 + (k / per_row) as f32 * step,
            );
        let item = ItemRef {
            kind: ItemKind::Risk,
            id: risk.id,
        };
        let id = ui.scope_id().with(("risk-marker", risk.id));
        let hit = Rect::from_center_size(home, vec2(2.0 * radius, 2.0 * radius));
        let response = ui.interact(hit, id, Sense::click_and_drag());
        let label = format!("Risk {}: {}", n + 1, risk.title);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        let dragging = response.dragged();
        let center = match (dragging, response.interact_pointer_pos()) {
            (true, Some(p)) => p,
            _ => home,
        };
        if response.drag_stopped()
            && let Some(p) = response.interact_pointer_pos()
            && grid.expand(cell * 0.5).contains(p)
        {
            let (new_l, new_i) = cell_of(p);
            if (new_l, new_i) != (l, i) {
                cmds.push(Command::from(Edit::Batch(vec![
                    Edit::SetLikelihood(risk.id, new_l),
                    Edit::SetImpact(risk.id, new_i),
                ])));
            }
        }
        if response.clicked() {
            cmds.push(Command::View(ViewCommand::Focus(item)));
        }
        // From the keyboard: Tab to a marker, arrows move it (up/down likelihood,
        // left/right impact).
        if response.has_focus() {
            ui.memory_mut(|m| {
                m.set_focus_lock_filter(
                    id,
                    egui::EventFilter {
                        horizontal_arrows: true,
                        vertical_arrows: true,
                        ..egui::EventFilter::default()
                    },
                )
            });
            let (dl, di) = ui.input_mut(|input| {
                let mut d = (0i8, 0i8);
                for (key, delta) in [
                    (egui::Key::ArrowUp, (1, 0)),
                    (egui::Key::ArrowDown, (-1, 0)),
                    (egui::Key::ArrowRight, (0, 1)),
                    (egui::Key::ArrowLeft, (0, -1)),
                ] {
                    if input.consume_key(egui::Modifiers::NONE, key) {
                        d = (d.0 + delta.0, d.1 + delta.1);
                    }
                }
                d
            });
            let new_l = (l as i8 + dl).clamp(1, 5) as u8;
            let new_i = (i as i8 + di).clamp(1, 5) as u8;
            if (new_l, new_i) != (l, i) {
                cmds.push(Command::from(Edit::Batch(vec![
                    Edit::SetLikelihood(risk.id, new_l),
                    Edit::SetImpact(risk.id, new_i),
                ])));
            }
        }
        let focused = focus == Some(item);
        let painter = ui.painter();
        if dragging {
            // Where it would land.
            let (dl, di) = cell_of(center);
            let target = Rect::from_min_size(
                grid.min + vec2(f32::from(di - 1) * cell, f32::from(5 - dl) * cell),
                vec2(cell, cell),
            );
            painter.rect_stroke(
                target.shrink(1.0),
                2.0,
                Stroke::new(2.0, MARKER),
                egui::StrokeKind::Inside,
            );
        }
        painter.circle_filled(center, radius, MARKER);
        if focused || response.hovered() {
            painter.circle_stroke(
                center,
                radius + 2.0,
                Stroke::new(2.0, Color32::from_rgb(234, 110, 30)),
            );
        }
        painter.text(
            center,
            Align2::CENTER_CENTER,
            (n + 1).to_string(),
            FontId::proportional(radius * 1.15),
            Color32::WHITE,
        );
        response.on_hover_text(format!(
            "{}\nLikelihood {} ({}) · impact {} ({})\nDrag (or Tab to it and use the arrow keys) to re-rate; click to select",
            risk.title,
            l,
            likelihood_word(l),
            i,
            impact_word(i)
        ));
    }
}
