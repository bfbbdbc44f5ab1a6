//! The end of the brief: the sources (one line for one source, a list for several, in
//! the form the fitter chose) with the evidence quotes, and the footer pinned to the
//! bottom of the page.

use super::compose::{Composer, run};
use super::{FOOTER_HEIGHT, INK, MARGIN_BOTTOM, MUTED, Omit, RULE, Sizes};
use crate::brief::{Brief, GRADE_KEY, SourceEntry, SourceForm};
use crate::export::Paper;
use crate::export::fonts::Style;

/// A rule, the sources, then the evidence quotes unless `omit.quotes` (or there are none).
/// One source is one line ("Source: Title — Publisher, date, URL, B2"); several are a
/// list under a key to the grades: one entry a line in full, else run in, in the form
/// `s.sources` says. Named "Evidence quotes" when quotes are shown, else "Sources" or
/// "Source".
pub(super) fn sources(
    c: &mut Composer<'_>,
    brief: &Brief,
    s: &Sizes,
    omit: Omit,
) -> Option<&'static str> {
    c.rule(c.y, RULE, 0.6);
    c.y += 4.0 * s.scale;
    let entries = brief.source_entries(s.sources);
    let name = if brief.cites_sources() {
        c.block(
            &[
                run(Style::Bold, MUTED, "Sources: "),
                run(Style::Regular, MUTED, GRADE_KEY),
            ],
            s.small,
        );
        if s.sources == SourceForm::Full {
            list(c, &entries, s.small);
        } else {
            run_in(c, &entries, s.small);
        }
        "Sources"
    } else {
        let line = entries.first().map(SourceEntry::line).unwrap_or_default();
        c.block(
            &[
                run(Style::Bold, MUTED, "Source: "),
                run(Style::Regular, MUTED, &line),
            ],
            s.small,
        );
        "Source"
    };
    if omit.quotes || brief.quotes.is_empty() {
        return Some(name);
    }
    quotes(c, brief, s);
    Some("Evidence quotes")
}

/// One entry a line, numbers in a column of their own: "[2]  Title — Publisher, B2".
fn list(c: &mut Composer<'_>, entries: &[SourceEntry], size: f32) {
    let indent = entries
        .iter()
        .map(|e| c.m.width(Style::Bold, &e.label, size))
        .fold(0.0, f32::max)
        + size * 0.5;
    for e in entries {
        let tail = format!("{}, {}", e.detail, e.grade);
        let top = c.y;
        c.paragraph(
            &[run(Style::Bold, MUTED, &e.label)],
            size,
            c.x0,
            indent,
            top,
        );
        let h = c.paragraph(
            &[
                run(Style::Regular, INK, &e.name),
                run(Style::Regular, MUTED, &tail),
            ],
            size,
            c.x0 + indent,
            c.width - indent,
            top,
        );
        c.y += h;
    }
}

/// The entries run into one paragraph: "[1] Title…, B2; [2-5] BBC News, B2; …".
fn run_in(c: &mut Composer<'_>, entries: &[SourceEntry], size: f32) {
    let texts: Vec<(String, String, String)> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let sep = if i + 1 < entries.len() { "; " } else { "." };
            (
                format!("{} ", e.label),
                e.name.clone(),
                format!(", {}{sep} ", e.grade),
            )
        })
        .collect();
    let mut runs = Vec::new();
    for (label, name, grade) in &texts {
        runs.push(run(Style::Bold, MUTED, label));
        runs.push(run(Style::Regular, INK, name));
        runs.push(run(Style::Regular, MUTED, grade));
    }
    c.block(&runs, size);
}

/// "Evidence: “quote” (Sergei Lavrov, [1]); …".
fn quotes(c: &mut Composer<'_>, brief: &Brief, s: &Sizes) {
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
        Bounds, assert_sound, bounds, lay_out_as, measurer, runs_in, small_brief, text_of,
        with_and_without, with_sources,
    };
    use super::super::{FOOTER_HEIGHT, MARGIN_BOTTOM, MARGIN_X, Omit, Sizes};
    use super::{footer, sources as source_line};
    use crate::brief::{GRADE_KEY, SourceForm};
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

    #[test]
    fn one_source_prints_its_grade_on_the_source_line() {
        let brief = small_brief();
        let laid = lay_out_as(source_line, &brief, 1.0, Omit::default(), SourceForm::Full);
        let grade = &brief.sources[0].grade;
        laid.assert_shows([format!("Source: {}, {grade}", brief.source_line()).as_str()]);
        laid.assert_hides(["[1]", GRADE_KEY]);
    }

    #[test]
    fn several_sources_are_a_list_under_the_grade_key_one_entry_a_line() {
        let brief = with_sources(small_brief(), 6);
        let omit = Omit {
            quotes: true,
            ..Omit::default()
        };
        let mut laid = lay_out_as(source_line, &brief, 1.0, omit, SourceForm::Full);
        assert_eq!(laid.name, Some("Sources"));
        laid.assert_shows(["Sources:", GRADE_KEY]);
        for e in brief.source_entries(SourceForm::Full) {
            laid.assert_shows([e.label.as_str(), e.name.as_str()]);
            laid.assert_shows([format!("{}, {}", e.detail, e.grade).trim()]);
        }
        // Every label starts a line at the column's left edge, the titles in a column.
        let labels: Vec<f32> = laid
            .items
            .iter()
            .filter_map(|i| match i {
                super::super::Item::Text { x, text, .. } if text.starts_with('[') => Some(*x),
                _ => None,
            })
            .collect();
        assert_eq!(labels.len(), 6);
        assert!(labels.iter().all(|&x| (x - MARGIN_X).abs() < 0.01));
        laid.assert_sound();
    }

    #[test]
    fn each_shorter_form_takes_less_room_and_still_shows_every_entry() {
        let omit = Omit {
            quotes: true,
            ..Omit::default()
        };
        for n in [2, 12, 50] {
            let brief = with_sources(small_brief(), n);
            let mut heights = Vec::new();
            for form in [SourceForm::Full, SourceForm::Short, SourceForm::Grouped] {
                let mut laid = lay_out_as(source_line, &brief, 1.0, omit, form);
                for e in brief.source_entries(form) {
                    // (Runs read back joined by a space: "title… , B2".)
                    let grade = format!(", {}", e.grade);
                    laid.assert_shows([format!("{} {}", e.label, e.name).as_str(), &grade]);
                }
                laid.assert_sound();
                heights.push(laid.height());
            }
            assert!(heights[1] < heights[0], "{n}: {heights:?}");
            assert!(heights[2] <= heights[1], "{n}: {heights:?}");
        }
    }
}
