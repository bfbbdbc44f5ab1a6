//! Small icon buttons drawn with shapes, so they never depend on a font having a symbol.

use egui::{self, Response, Sense, Shape, Stroke, Ui, pos2, vec2};

/// Which icon to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    /// A triangle pointing up (move up, previous).
    Up,
    /// A triangle pointing down (move down, next).
    Down,
    /// A waste bin (delete an item).
    Delete,
    /// A cross (remove an entry).
    Remove,
}

/// A small button showing `icon`; `label` is its tooltip and its name for screen readers.
pub fn icon_button(ui: &mut Ui, icon: Icon, label: &str) -> Response {
    let (rect, response) = ui.allocate_exact_size(vec2(22.0, 20.0), Sense::click());
    let enabled = ui.is_enabled();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, label));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact(&response);
        let painter = ui.painter();
        painter.rect(
            rect,
            3.0,
            visuals.weak_bg_fill,
            visuals.bg_stroke,
            egui::StrokeKind::Inside,
        );
        let color = if enabled {
            visuals.fg_stroke.color
        } else {
            ui.visuals().weak_text_color()
        };
        let c = rect.center();
        let stroke = Stroke::new(1.5, color);
        match icon {
            Icon::Up => {
                painter.add(Shape::convex_polygon(
                    vec![
                        pos2(c.x, c.y - 4.0),
                        pos2(c.x + 5.0, c.y + 3.5),
                        pos2(c.x - 5.0, c.y + 3.5),
                    ],
                    color,
                    Stroke::NONE,
                ));
            }
            Icon::Down => {
                painter.add(Shape::convex_polygon(
                    vec![
                        pos2(c.x - 5.0, c.y - 3.5),
                        pos2(c.x + 5.0, c.y - 3.5),
                        pos2(c.x, c.y + 4.0),
                    ],
                    color,
                    Stroke::NONE,
                ));
            }
            Icon::Remove => {
                painter.line_segment(
                    [pos2(c.x - 4.0, c.y - 4.0), pos2(c.x + 4.0, c.y + 4.0)],
                    stroke,
                );
                painter.line_segment(
                    [pos2(c.x - 4.0, c.y + 4.0), pos2(c.x + 4.0, c.y - 4.0)],
                    stroke,
                );
            }
            Icon::Delete => {
                painter.line_segment(
                    [pos2(c.x - 5.5, c.y - 4.5), pos2(c.x + 5.5, c.y - 4.5)],
                    stroke,
                );
                painter.line_segment(
                    [pos2(c.x - 1.5, c.y - 6.5), pos2(c.x + 1.5, c.y - 6.5)],
                    stroke,
                );
                let body = egui::Rect::from_min_max(
                    pos2(c.x - 4.0, c.y - 3.0),
                    pos2(c.x + 4.0, c.y + 6.0),
                );
                painter.rect_stroke(body, 1.0, stroke, egui::StrokeKind::Middle);
                painter.line_segment(
                    [pos2(c.x, c.y - 1.0), pos2(c.x, c.y + 4.0)],
                    Stroke::new(1.0, color),
                );
            }
        }
    }
    response.on_hover_text(label)
}
