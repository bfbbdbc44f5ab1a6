//! The top of the brief: the title block (kicker, title, meta line, accent rule) and the
//! bottom line in its tinted box with an accent bar.

use super::compose::{Composer, run};
use super::{ACCENT, INK, Item, MUTED, Omit, Sizes, TINT};
use crate::brief::Brief;
use crate::export::fonts::Style;

/// Kicker, title, the meta line (date, analyst, handling) and an accent rule.
pub(super) fn title_block(
    c: &mut Composer<'_>,
    brief: &Brief,
    s: &Sizes,
    _omit: Omit,
) -> Option<&'static str> {
    let kicker = brief.kicker.to_uppercase();
    c.block(&[run(Style::Bold, MUTED, &kicker)], s.kicker);
    c.y += 2.0 * s.scale;
    c.block(&[run(Style::Bold, INK, &brief.title)], s.title);
    c.y += 1.0 * s.scale;
    let meta = brief.meta_line();
    c.block(&[run(Style::Regular, MUTED, &meta)], s.small);
    c.y += 5.0 * s.scale;
    c.rule(c.y, ACCENT, 1.2);
    c.y += s.gap;
    Some("Header")
}

/// The analyst's judgment and its confidence, in a tinted box with an accent bar (drawn
/// under the text); nothing when there is no bottom line.
pub(super) fn bottom_line(
    c: &mut Composer<'_>,
    brief: &Brief,
    s: &Sizes,
    _omit: Omit,
) -> Option<&'static str> {
    if brief.bottom_line.is_empty() {
        return None;
    }
    let start = c.y;
    let first_item = c.items.len();
    let pad = 6.0 * s.scale;
    c.y += pad;
    let (x0, w0) = (c.x0, c.width);
    c.x0 += pad + 3.0;
    c.width -= 2.0 * pad + 3.0;
    let confidence = format!("  ·  {} confidence", brief.confidence);
    c.block(
        &[
            run(Style::Bold, ACCENT, "Bottom line"),
            run(Style::Regular, MUTED, &confidence),
        ],
        s.heading,
    );
    c.y += 1.0 * s.scale;
    c.block(
        &[run(Style::Regular, INK, &brief.bottom_line)],
        s.body * 1.05,
    );
    c.y += pad;
    c.x0 = x0;
    c.width = w0;
    let h = c.y - start;
    c.items.insert(
        first_item,
        Item::Rect {
            x: x0,
            y: start,
            w: w0,
            h,
            color: TINT,
        },
    );
    c.items.insert(
        first_item + 1,
        Item::Rect {
            x: x0,
            y: start,
            w: 2.5,
            h,
            color: ACCENT,
        },
    );
    c.y += s.gap;
    Some("Bottom line")
}

#[cfg(test)]
mod tests {
    use super::super::testing::{lay_out, small_brief};
    use super::super::{ACCENT, Item, Omit, Sizes, TINT};
    use super::{bottom_line, title_block};

    #[test]
    fn the_title_block_holds_kicker_title_and_meta_line_above_an_accent_rule() {
        let brief = small_brief();
        let mut laid = lay_out(title_block, &brief, 1.0, Omit::default());
        assert_eq!(laid.name, Some("Header"));
        let kicker = brief.kicker.to_uppercase();
        laid.assert_shows([kicker.as_str(), &brief.title, &brief.meta_line()]);
        // The rule comes last, one gap above the next section.
        let Some(&Item::Line { from, color, .. }) = laid.items.last() else {
            panic!("no rule under the title block: {:?}", laid.items.last());
        };
        assert_eq!(color, ACCENT);
        assert!((laid.area.bottom - from.1 - Sizes::at(1.0).gap).abs() < 0.01);
        laid.assert_sound();
    }

    #[test]
    fn a_long_title_wraps_inside_the_column_and_pushes_the_rest_down() {
        let mut brief = small_brief();
        let one_line = lay_out(title_block, &brief, 1.0, Omit::default()).height();
        brief.title = "Russia courts Central Asia while the Afghan talks split ".repeat(4);
        let mut long = lay_out(title_block, &brief, 1.0, Omit::default());
        // The title is 19 pt: each extra line adds more than that.
        assert!(long.height() > one_line + 19.0, "at least one more line");
        long.assert_shows([brief.title.trim()]);
        long.assert_sound();
    }

    #[test]
    fn the_bottom_line_sits_in_a_tinted_box_with_its_confidence() {
        let brief = small_brief();
        let mut laid = lay_out(bottom_line, &brief, 1.0, Omit::default());
        assert_eq!(laid.name, Some("Bottom line"));
        let confidence = format!("{} confidence", brief.confidence);
        laid.assert_shows(["Bottom line", &confidence, &brief.bottom_line]);
        // The box and its bar come first (drawn under the text) and span the section
        // but for the gap after it.
        let box_height = laid.height() - Sizes::at(1.0).gap;
        let [
            Item::Rect { y, h, color, .. },
            Item::Rect { color: bar, .. },
            ..,
        ] = &laid.items[..]
        else {
            panic!("no box under the bottom line: {:?}", &laid.items[..2]);
        };
        assert_eq!((*color, *bar), (TINT, ACCENT));
        assert_eq!(*y, laid.area.top);
        assert!((h - box_height).abs() < 0.01, "{h} vs {box_height}");
        laid.assert_sound();
    }
}
