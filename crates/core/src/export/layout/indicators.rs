//! Indicators to watch, in two columns (they are short), each tagged with its risk.

use super::compose::{Composer, run};
use super::{INK, MUTED, Omit, Sizes};
use crate::brief::Brief;
use crate::export::fonts::Style;

/// The indicators as bullets, the first half in the left column; nothing without any.
pub(super) fn indicators(
    c: &mut Composer<'_>,
    brief: &Brief,
    s: &Sizes,
    _omit: Omit,
) -> Option<&'static str> {
    if brief.indicators.is_empty() {
        return None;
    }
    c.heading("Indicators to watch", s);
    let gutter = 14.0 * s.scale;
    let col_w = (c.width - gutter) / 2.0;
    let (x0, w0, top) = (c.x0, c.width, c.y);
    let half = brief.indicators.len().div_ceil(2);
    let mut bottom = top;
    for (column, chunk) in brief.indicators.chunks(half.max(1)).enumerate() {
        c.x0 = x0 + column as f32 * (col_w + gutter);
        c.width = col_w;
        c.y = top;
        for i in chunk {
            let tag = format!(" (risk\u{a0}{})", i.risk);
            c.bullet(
                &[
                    run(Style::Regular, INK, &i.text),
                    run(Style::Regular, MUTED, &tag),
                ],
                s.small * 1.06,
            );
        }
        bottom = bottom.max(c.y);
    }
    c.x0 = x0;
    c.width = w0;
    c.y = bottom + s.gap;
    Some("Indicators")
}

#[cfg(test)]
mod tests {
    use super::super::testing::{lay_out, small_brief};
    use super::super::{Item, Omit};
    use super::indicators;

    #[test]
    fn indicators_fill_two_columns_each_tagged_with_its_risk() {
        let brief = small_brief();
        assert!(brief.indicators.len() >= 2, "the test needs two columns");
        let mut laid = lay_out(indicators, &brief, 1.0, Omit::default());
        assert_eq!(laid.name, Some("Indicators"));
        for i in &brief.indicators {
            laid.assert_shows([i.text.as_str(), &format!("(risk {})", i.risk)]);
        }
        let mut columns: Vec<f32> = laid
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Circle { cx, .. } => Some(*cx),
                _ => None,
            })
            .collect();
        assert_eq!(columns.len(), brief.indicators.len(), "one bullet each");
        columns.dedup_by(|a, b| (*a - *b).abs() < 0.01);
        assert_eq!(
            columns.len(),
            2,
            "left column first, then right: {columns:?}"
        );
        let middle = (laid.area.left + laid.area.right) / 2.0;
        assert!(columns[0] < middle && columns[1] > middle);
        laid.assert_sound();
    }
}
