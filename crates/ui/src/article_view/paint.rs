//! Painting the visible paragraphs: evidence highlights (underlined when their item is
//! in focus), actor mentions (a thin line under the name), find matches, the flash of a
//! revealed span and the selection, all as rectangles under the text from the galley's
//! row geometry; then the text, and the caret when the article has focus.

use super::{ArticleInput, ArticleView, longest, overlapping};
use crate::theme;
use briefing_core::model::ItemKind;
use egui::{Galley, Pos2, Rect, Stroke, Ui, pos2, text::CharIndex};

impl ArticleView {
    /// Paints paragraphs `first..last` with the text column's top-left at `origin`.
    pub(super) fn paint(
        &self,
        ui: &Ui,
        origin: Pos2,
        first: usize,
        last: usize,
        input: &ArticleInput<'_>,
    ) {
        let Some(l) = &self.layout else { return };
        let painter = ui.painter();
        let dark = ui.visuals().dark_mode;
        let selection = self.selection();
        let selection_fill = ui.visuals().selection.bg_fill.gamma_multiply(0.6);
        let longest_highlight = longest(input.highlights, |h| (h.start, h.end));
        let longest_mention = longest(input.mentions, |m| (m.start, m.end));
        let mention_color = theme::kind_color(ItemKind::Actor).gamma_multiply(0.7);
        for i in first..last.min(l.paragraphs.len()) {
            let Some(galley) = &l.galleys[i] else {
                continue;
            };
            let para = &l.paragraphs[i];
            let para_origin = pos2(origin.x, origin.y + l.tops[i]);
            let rects = |a: usize, b: usize| {
                let (a, b) = (
                    a.max(para.start) - para.start,
                    b.min(para.end).max(para.start) - para.start,
                );
                range_rects(galley, a, b)
                    .into_iter()
                    .map(move |r| r.translate(para_origin.to_vec2()))
            };
            for h in overlapping(
                input.highlights,
                para.start,
                para.end,
                longest_highlight,
                |h| (h.start, h.end),
            ) {
                for r in rects(h.start, h.end) {
                    painter.rect_filled(r, 2.0, theme::evidence_fill(h.item.kind, dark));
                    if h.emphasised {
                        painter.line_segment(
                            [r.left_bottom(), r.right_bottom()],
                            Stroke::new(2.0, theme::kind_color(h.item.kind)),
                        );
                    }
                }
            }
            // Mentions: a thin line under the name, lighter than evidence.
            for m in overlapping(input.mentions, para.start, para.end, longest_mention, |m| {
                (m.start, m.end)
            }) {
                for r in rects(m.start, m.end) {
                    let y = r.bottom() - 1.0;
                    painter.line_segment(
                        [pos2(r.left(), y), pos2(r.right(), y)],
                        Stroke::new(1.0, mention_color),
                    );
                }
            }
            for (n, &(a, b)) in input.find.iter().enumerate() {
                if b <= para.start || a >= para.end {
                    continue;
                }
                let color = if Some(n) == input.current_find {
                    theme::FIND_CURRENT_FILL
                } else {
                    theme::FIND_FILL
                };
                for r in rects(a, b) {
                    painter.rect_filled(r, 2.0, color);
                }
            }
            if let Some((a, b, strength)) = input.flash
                && b > para.start
                && a < para.end
            {
                let c = theme::kind_color(ItemKind::Risk).gamma_multiply(0.8 * strength);
                for r in rects(a, b) {
                    painter.rect_filled(r, 2.0, c);
                }
            }
            if let Some((a, b)) = selection
                && b > para.start
                && a < para.end
            {
                for r in rects(a, b) {
                    painter.rect_filled(r, 2.0, selection_fill);
                }
            }
            painter.galley(para_origin, galley.clone(), theme::reading_color(dark));
        }
        if ui.memory(|m| m.has_focus(self.id))
            && selection.is_none()
            && let Some(r) = self.rect_of_char(self.cursor)
        {
            // A thin caret shows where keyboard selection starts.
            let r = r.translate(origin.to_vec2());
            painter.line_segment(
                [r.left_top(), r.left_bottom()],
                Stroke::new(1.5, ui.visuals().text_cursor.stroke.color),
            );
        }
    }
}

/// Rectangles (relative to the galley) covering chars `a..b` of a one-paragraph galley.
fn range_rects(galley: &Galley, a: usize, b: usize) -> Vec<Rect> {
    let mut rects = Vec::new();
    let mut row_start = 0;
    for placed in &galley.rows {
        let row = &placed.row;
        let count = row.char_count_excluding_newline().0;
        let (s, e) = (a.max(row_start), b.min(row_start + count));
        if s < e {
            let x = |i: usize| row.x_offset(CharIndex(i));
            let rect = placed.rect();
            rects.push(Rect::from_min_max(
                pos2(placed.pos.x + x(s - row_start), rect.min.y),
                pos2(placed.pos.x + x(e - row_start), rect.max.y),
            ));
        }
        row_start += placed.char_count_including_newline().0;
        if row_start >= b {
            break;
        }
    }
    rects
}
