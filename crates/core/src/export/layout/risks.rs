//! Risks: the 5 × 5 likelihood × impact matrix with numbered markers, beside the numbered
//! list (title, facts, explanation).

use super::compose::{Composer, run};
use super::{ACCENT, BODY_SIZE, INK, Item, LINE_HEIGHT, MUTED, Omit, Rgb, Sizes, WHITE};
use crate::brief::{Brief, BriefRisk};
use crate::export::fonts::Style;

/// The matrix and the list side by side; nothing without risks. `omit.risk_details`
/// leaves the explanations out.
pub(super) fn risks(
    c: &mut Composer<'_>,
    brief: &Brief,
    s: &Sizes,
    omit: Omit,
) -> Option<&'static str> {
    if brief.risks.is_empty() {
        return None;
    }
    let scale = s.scale;
    c.heading("Risks", s);
    let top = c.y;
    let cell = 22.0 * scale.max(0.9);
    let label_w = 12.0 * scale;
    let matrix_w = label_w + 5.0 * cell;
    let x0 = c.x0;
    let matrix_h = draw_matrix(c, brief, x0, top, cell, label_w, s);
    let list_x = c.x0 + matrix_w + 16.0 * scale;
    let list_w = c.x0 + c.width - list_x;
    let mut y = top;
    for r in &brief.risks {
        let marker = 5.0 * scale;
        let number = r.number.to_string();
        let baseline_mid = y + s.body * (0.8 + (LINE_HEIGHT - 1.0) / 2.0) - s.body * 0.33;
        marker_circle(c, list_x + marker, baseline_mid, marker, &number);
        let text_x = list_x + 2.0 * marker + 4.0 * scale;
        let text_w = list_w - (text_x - list_x);
        let cited = brief.citation(&r.sources);
        y += c.paragraph(
            &[
                run(Style::Bold, INK, &r.title),
                run(Style::Regular, MUTED, &cited),
            ],
            s.body,
            text_x,
            text_w,
            y,
        );
        let facts = r.facts();
        y += c.paragraph(
            &[run(Style::Regular, MUTED, &facts)],
            s.small,
            text_x,
            text_w,
            y,
        );
        if !omit.risk_details && !r.detail.is_empty() {
            y += c.paragraph(
                &[run(Style::Regular, INK, &r.detail)],
                s.small * 1.06,
                text_x,
                text_w,
                y,
            );
        }
        y += 3.0 * scale;
    }
    c.y = (top + matrix_h).max(y) + s.gap - 3.0 * scale;
    Some("Risks")
}

/// Fill of a matrix cell by likelihood × impact.
pub fn cell_color(likelihood: u8, impact: u8) -> Rgb {
    match u16::from(likelihood) * u16::from(impact) {
        0..=4 => Rgb(219, 237, 222),
        5..=9 => Rgb(250, 241, 203),
        10..=14 => Rgb(251, 222, 192),
        _ => Rgb(246, 201, 197),
    }
}

/// Draws the 5×5 likelihood × impact matrix with numbered markers; returns its height.
fn draw_matrix(
    c: &mut Composer<'_>,
    brief: &Brief,
    x: f32,
    top: f32,
    cell: f32,
    label_w: f32,
    s: &Sizes,
) -> f32 {
    let gx = x + label_w;
    let label = s.small * 0.9;
    for row in 0..5u8 {
        let likelihood = 5 - row;
        let y = top + f32::from(row) * cell;
        for col in 0..5u8 {
            c.items.push(Item::Rect {
                x: gx + f32::from(col) * cell + 0.5,
                y: y + 0.5,
                w: cell - 1.0,
                h: cell - 1.0,
                color: cell_color(likelihood, col + 1),
            });
        }
        let n = likelihood.to_string();
        let w = c.m.width(Style::Regular, &n, label);
        c.paragraph(
            &[run(Style::Regular, MUTED, &n)],
            label,
            gx - w - 3.0,
            w + 1.0,
            y + cell / 2.0 - label * 0.65,
        );
    }
    for col in 0..5u8 {
        let n = (col + 1).to_string();
        let w = c.m.width(Style::Regular, &n, label);
        c.paragraph(
            &[run(Style::Regular, MUTED, &n)],
            label,
            gx + f32::from(col) * cell + (cell - w) / 2.0,
            w + 1.0,
            top + 5.0 * cell + 1.0,
        );
    }
    let caption_y = top + 5.0 * cell + label * LINE_HEIGHT + 1.0;
    let caption = "rows: likelihood · columns: impact";
    let cw = c.m.width(Style::Regular, caption, label);
    c.paragraph(
        &[run(Style::Regular, MUTED, caption)],
        label,
        gx + (5.0 * cell - cw) / 2.0,
        cw + 1.0,
        caption_y,
    );
    // Markers: risks sharing a cell sit side by side, centred, wrapping to a second row.
    let r = (cell * 0.19).clamp(3.2, 6.0 * s.body / BODY_SIZE);
    let step = 2.0 * r + 0.8;
    let per_row = ((cell - 1.0) / step + 1e-3).floor().max(1.0) as usize;
    let mut placed: Vec<(u8, u8)> = Vec::new();
    for risk in &brief.risks {
        let (l, i) = (risk.likelihood.clamp(1, 5), risk.impact.clamp(1, 5));
        let k = placed.iter().filter(|&&p| p == (l, i)).count();
        placed.push((l, i));
        let n = count_in(&brief.risks, l, i);
        let rows = n.div_ceil(per_row);
        let in_row = if k / per_row + 1 < rows {
            per_row
        } else {
            n - (rows - 1) * per_row
        };
        let cell_x = gx + f32::from(i - 1) * cell;
        let cell_y = top + f32::from(5 - l) * cell;
        let cx =
            cell_x + (cell - in_row as f32 * step) / 2.0 + step / 2.0 + (k % per_row) as f32 * step;
        let cy =
            cell_y + (cell - rows as f32 * step) / 2.0 + step / 2.0 + (k / per_row) as f32 * step;
        marker_circle(c, cx, cy, r, &risk.number.to_string());
    }
    caption_y + label * LINE_HEIGHT - top
}

/// How many risks sit in the cell at likelihood `l`, impact `i`.
fn count_in(risks: &[BriefRisk], l: u8, i: u8) -> usize {
    risks
        .iter()
        .filter(|r| r.likelihood.clamp(1, 5) == l && r.impact.clamp(1, 5) == i)
        .count()
}

/// A numbered dot: the same marker on the matrix and beside the list.
fn marker_circle(c: &mut Composer<'_>, cx: f32, cy: f32, r: f32, number: &str) {
    c.items.push(Item::Circle {
        cx,
        cy,
        r,
        color: ACCENT,
    });
    let size = r * 1.25;
    let w = c.m.width(Style::Bold, number, size);
    c.items.push(Item::Text {
        x: cx - w / 2.0,
        y: cy + size * 0.36,
        size,
        style: Style::Bold,
        color: WHITE,
        text: number.to_owned(),
    });
}

#[cfg(test)]
mod tests {
    use super::super::testing::{lay_out, small_brief, with_and_without};
    use super::super::{Item, Omit, Rgb};
    use super::{cell_color, risks};

    /// The filled rectangles (the matrix's cells), with their colours.
    fn cells(items: &[Item]) -> Vec<(f32, f32, f32, Rgb)> {
        items
            .iter()
            .filter_map(|i| match i {
                Item::Rect { x, y, w, color, .. } => Some((*x, *y, *w, *color)),
                _ => None,
            })
            .collect()
    }

    /// The markers' centres and radii, in drawing order (the matrix's first).
    fn markers(items: &[Item]) -> Vec<(f32, f32, f32)> {
        items
            .iter()
            .filter_map(|i| match i {
                Item::Circle { cx, cy, r, .. } => Some((*cx, *cy, *r)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_matrix_puts_each_numbered_marker_in_its_cell_beside_the_list() {
        let brief = small_brief();
        let mut laid = lay_out(risks, &brief, 1.0, Omit::default());
        assert_eq!(laid.name, Some("Risks"));
        let cells = cells(&laid.items);
        assert_eq!(cells.len(), 25, "5 × 5 cells");
        let markers = markers(&laid.items);
        assert_eq!(
            markers.len(),
            2 * brief.risks.len(),
            "on the matrix and the list"
        );
        for (risk, &(cx, cy, _)) in brief.risks.iter().zip(&markers) {
            let (_, _, _, color) = cells
                .iter()
                .find(|&&(x, y, w, _)| (x..x + w).contains(&cx) && (y..y + w).contains(&cy))
                .unwrap_or_else(|| panic!("risk {} is on the matrix", risk.number));
            assert_eq!(*color, cell_color(risk.likelihood, risk.impact));
        }
        // The list starts right of the matrix.
        let matrix_right = cells.iter().map(|c| c.0 + c.2).fold(0.0, f32::max);
        let list_marker = markers[brief.risks.len()];
        assert!(list_marker.0 - list_marker.2 > matrix_right);
        let text = laid.text();
        assert!(
            text.contains("rows: likelihood · columns: impact"),
            "{text}"
        );
        for r in &brief.risks {
            assert!(text.contains(&r.title), "{text}");
            assert!(text.contains(&r.facts()), "{text}");
            assert!(text.contains(&r.detail), "{text}");
        }
        laid.assert_sound();
    }

    #[test]
    fn risks_sharing_a_cell_sit_side_by_side_without_touching() {
        let mut brief = small_brief();
        let more: Vec<_> = (0..4)
            .map(|k| {
                let mut r = brief.risks[0].clone();
                r.number = brief.risks.len() + 1 + k;
                r
            })
            .collect();
        brief.risks.extend(more);
        for r in &mut brief.risks {
            (r.likelihood, r.impact) = (3, 3);
        }
        let mut laid = lay_out(risks, &brief, 1.0, Omit::default());
        let on_matrix = &markers(&laid.items)[..brief.risks.len()];
        for (k, a) in on_matrix.iter().enumerate() {
            for b in &on_matrix[k + 1..] {
                let apart = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
                assert!(apart >= a.2 + b.2, "{a:?} and {b:?} touch");
            }
        }
        laid.assert_sound();
    }

    #[test]
    fn leaving_explanations_out_keeps_the_facts() {
        let brief = small_brief();
        let omit = Omit {
            risk_details: true,
            ..Omit::default()
        };
        let (_, mut short) = with_and_without(risks, &brief, omit);
        let risk = &brief.risks[0];
        short.assert_shows([risk.title.as_str(), &risk.facts()]);
        short.assert_hides([risk.detail.as_str()]);
        short.assert_sound();
    }

    #[test]
    fn cell_colours_grow_hotter_with_likelihood_times_impact() {
        let colors: Vec<Rgb> = [(1, 1), (2, 3), (3, 4), (5, 5)]
            .iter()
            .map(|&(l, i)| cell_color(l, i))
            .collect();
        for (k, c) in colors.iter().enumerate() {
            assert!(!colors[k + 1..].contains(c), "four distinct bands");
        }
        assert_eq!(cell_color(2, 2), cell_color(1, 4), "the same band");
    }
}
