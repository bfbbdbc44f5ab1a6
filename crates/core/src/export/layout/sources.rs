//! The end of the brief: the source line with the evidence quotes, and the footer pinned
//! to the bottom of the page.

use super::compose::{Composer, run};
use super::{FOOTER_HEIGHT, INK, MARGIN_BOTTOM, MUTED, Omit, RULE, Sizes};
use crate::brief::Brief;
use crate::export::Paper;
use crate::export::fonts::Style;

/// A rule, the source line, then the evidence quotes unless `omit.quotes` (or there are
/// none); named "Evidence quotes" when they are shown, else "Source".
pub(super) fn source_line(
    c: &mut Composer<'_>,
    brief: &Brief,
    s: &Sizes,
    omit: Omit,
) -> Option<&'static str> {
    c.rule(c.y, RULE, 0.6);
    c.y += 4.0 * s.scale;
    let source = brief.source_line();
    let label = if brief.cites_sources() {
        "Sources: "
    } else {
        "Source: "
    };
    c.block(
        &[
            run(Style::Bold, MUTED, label),
            run(Style::Regular, MUTED, &source),
        ],
        s.small,
    );
    if omit.quotes || brief.quotes.is_empty() {
        return Some("Source");
    }
    c.y += 2.0 * s.scale;
    let mut runs = vec![run(Style::Bold, MUTED, "Evidence: ")];
    let quoted: Vec<(String, String)> = brief
        .quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let sep = if i + 1 < brief.quotes.len() {
                "; "
            } else {
                "."
            };
            (
                format!("“{}”", q.quote),
                format!(" ({}){sep} ", brief.quote_label(q)),
            )
        })
        .collect();
    for (q, who) in &quoted {
        runs.push(run(Style::Italic, INK, q));
        runs.push(run(Style::Regular, MUTED, who));
    }
    c.block(&runs, s.small * 0.95);
    Some("Evidence quotes")
}

/// The footer at the bottom of a page `page_height` tall: a rule, the page, paper and
/// type scale on the left, the app's name on the right. Leaves the pen where it was.
pub(super) fn footer(c: &mut Composer<'_>, paper: Paper, s: &Sizes, page_height: f32) {
    let footer_y = page_height - MARGIN_BOTTOM - FOOTER_HEIGHT + 8.0;
    c.rule(footer_y, RULE, 0.6);
    let foot = 7.0;
    let left = format!(
        "Page 1 of 1 · {} · type at {:.0}%",
        paper.label(),
        s.scale * 100.0
    );
    c.paragraph(
        &[run(Style::Regular, MUTED, &left)],
        foot,
        c.x0,
        c.width,
        footer_y + 3.0,
    );
    let right = "Briefing Notebook";
    let rw = c.m.width(Style::Regular, right, foot);
    c.paragraph(
        &[run(Style::Regular, MUTED, right)],
        foot,
        c.x0 + c.width - rw,
        rw + 1.0,
        footer_y + 3.0,
    );
}

#[cfg(test)]
mod tests {
    use super::super::compose::Composer;
    use super::super::testing::{
        Bounds, assert_sound, bounds, measurer, runs_in, small_brief, text_of, with_and_without,
    };
    use super::super::{FOOTER_HEIGHT, MARGIN_BOTTOM, MARGIN_X, Omit, Sizes};
    use super::{footer, source_line};
    use crate::export::Paper;
    use crate::export::fonts::Style;

    #[test]
    fn the_source_line_names_the_article_and_quotes_the_evidence_unless_left_out() {
        let brief = small_brief();
        let omit = Omit {
            quotes: true,
            ..Omit::default()
        };
        let (mut full, mut short) = with_and_without(source_line, &brief, omit);
        assert_eq!(
            (full.name, short.name),
            (Some("Evidence quotes"), Some("Source"))
        );
        let source = brief.source_line();
        full.assert_shows(["Source:", &source, "Evidence:"]);
        for q in &brief.quotes {
            full.assert_shows([format!("“{}” ({})", q.quote, q.supports).as_str()]);
        }
        assert!(runs_in(&full.items, Style::Italic) >= brief.quotes.len());
        short.assert_shows(["Source:", &source]);
        short.assert_hides(["Evidence:"]);
        assert_eq!(runs_in(&short.items, Style::Italic), 0);
        full.assert_sound();
        short.assert_sound();
    }

    #[test]
    fn the_footer_sits_below_the_content_limit_with_the_name_flush_right() {
        let mut m = measurer();
        let (width, height) = Paper::Letter.size_pt();
        let mut c = Composer::new(&mut m, width);
        let pen = c.y;
        footer(&mut c, Paper::Letter, &Sizes::at(0.9), height);
        assert_eq!(c.y, pen, "the pen stays");
        let items = c.items;
        let text = text_of(&items);
        assert!(
            text.starts_with("Page 1 of 1 · US Letter · type at 90%"),
            "{text}"
        );
        assert!(text.ends_with("Briefing Notebook"), "{text}");
        let right = items.last().map(|i| bounds(i, &mut m, false).right);
        assert!(right.is_some_and(|r| (r - (width - MARGIN_X)).abs() < 0.01));
        let area = Bounds {
            left: MARGIN_X,
            top: height - MARGIN_BOTTOM - FOOTER_HEIGHT,
            right: width - MARGIN_X,
            bottom: height - MARGIN_BOTTOM,
        };
        assert_sound(&items, &mut m, area);
    }
}
