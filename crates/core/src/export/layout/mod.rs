//! Lays the brief out on one page, in points, as a list of drawing items that the PDF
//! writer and the app's preview both draw. Text is wrapped with the same shaping that
//! draws it (`compose`). Each section of the brief has its own function, in brief-format
//! order: `header` (title block, bottom line), `actors`, `stakes`, `risks` (with the
//! matrix), `indicators`, `sources` (the source list or line, the quotes, the footer).

mod actors;
mod compose;
mod header;
mod indicators;
mod risks;
mod sources;
mod stakes;
#[cfg(test)]
pub(crate) mod testing;

use super::Paper;
use super::fonts::{Measurer, Style};
use crate::brief::{Brief, SourceForm};
use compose::Composer;

pub use compose::Run;
pub use risks::cell_color;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// Body text.
pub const INK: Rgb = Rgb(24, 28, 38);
/// Secondary text.
pub const MUTED: Rgb = Rgb(92, 101, 116);
/// Headings and accents.
pub const ACCENT: Rgb = Rgb(22, 64, 120);
/// Thin rules.
pub const RULE: Rgb = Rgb(198, 204, 214);
/// Background of the bottom line box.
pub const TINT: Rgb = Rgb(236, 241, 248);
/// Numbers on the risk markers.
const WHITE: Rgb = Rgb(255, 255, 255);

/// One thing to draw. Coordinates are points from the page's top-left, y down.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A run of text on one line; `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        style: Style,
        color: Rgb,
        text: String,
    },
    /// A straight line.
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        color: Rgb,
    },
    /// A filled rectangle.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    /// A filled circle.
    Circle {
        cx: f32,
        cy: f32,
        r: f32,
        color: Rgb,
    },
}

/// A section of the brief and how much of the page it takes.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// Its heading ("Risks").
    pub name: &'static str,
    /// Its height in points.
    pub height: f32,
}

/// A laid-out page.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// What to draw, back to front.
    pub items: Vec<Item>,
    /// Where the content ended (before the footer).
    pub content_bottom: f32,
    /// Lowest y the content may reach.
    pub content_limit: f32,
    /// The sections and their heights.
    pub sections: Vec<Section>,
    /// Body text size used.
    pub body_size: f32,
}

impl Page {
    /// True when the content ends above the footer.
    pub fn fits(&self) -> bool {
        self.content_bottom <= self.content_limit + 0.01
    }

    /// Content height over the height available (1.0 = exactly full).
    pub fn fullness(&self) -> f32 {
        let top = MARGIN_TOP;
        (self.content_bottom - top) / (self.content_limit - top)
    }

    /// How many body lines too long the content is (0 when it fits).
    pub fn overflow_lines(&self) -> f32 {
        ((self.content_bottom - self.content_limit) / (self.body_size * LINE_HEIGHT)).max(0.0)
    }
}

const MARGIN_X: f32 = 44.0;
const MARGIN_TOP: f32 = 44.0;
const MARGIN_BOTTOM: f32 = 30.0;
const FOOTER_HEIGHT: f32 = 22.0;
/// Line height as a multiple of the font size.
pub const LINE_HEIGHT: f32 = 1.3;
/// Body size at scale 1.
pub const BODY_SIZE: f32 = 9.5;

/// What the fitter chose for one attempt: the text sizes at a scale, and the form of the
/// source list.
#[derive(Clone, Copy)]
struct Sizes {
    /// The scale itself (1 = 9.5 pt body), for gaps and paddings.
    scale: f32,
    body: f32,
    small: f32,
    heading: f32,
    title: f32,
    kicker: f32,
    gap: f32,
    /// How the source list is printed.
    sources: SourceForm,
}

impl Sizes {
    fn at(scale: f32) -> Self {
        Self {
            scale,
            body: BODY_SIZE * scale,
            small: 8.0 * scale,
            heading: 10.5 * scale,
            title: 19.0 * scale,
            kicker: 7.5 * scale,
            gap: 9.0 * scale,
            sources: SourceForm::Full,
        }
    }
}

/// What to leave out when the page is too full (see `fit`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Omit {
    /// Evidence quotes in the source line.
    pub quotes: bool,
    /// Risk explanations.
    pub risk_details: bool,
    /// Stake explanations.
    pub stake_details: bool,
    /// The actors table's position column.
    pub actor_positions: bool,
}

/// A section of the brief: draws it at the composer's pen, advances the pen past it and
/// returns its name, or returns `None` (drawing nothing) when the brief has nothing for it.
type SectionFn = fn(&mut Composer<'_>, &Brief, &Sizes, Omit) -> Option<&'static str>;

/// The sections, top to bottom.
const SECTIONS: [SectionFn; 7] = [
    header::title_block,
    header::bottom_line,
    actors::key_actors,
    stakes::stakes,
    risks::risks,
    indicators::indicators,
    sources::sources,
];

/// Lays `brief` out at `scale` (1 = 9.5 pt body), leaving out what `omit` says, with the
/// source list in full.
pub fn layout(brief: &Brief, paper: Paper, scale: f32, omit: Omit, m: &mut Measurer) -> Page {
    layout_fitted(brief, paper, scale, omit, SourceForm::Full, m)
}

/// `layout` with the source list in `sources` form.
pub fn layout_fitted(
    brief: &Brief,
    paper: Paper,
    scale: f32,
    omit: Omit,
    sources: SourceForm,
    m: &mut Measurer,
) -> Page {
    let (pw, ph) = paper.size_pt();
    let s = Sizes {
        sources,
        ..Sizes::at(scale)
    };
    let mut c = Composer::new(m, pw);
    let mut sections = Vec::new();
    for section in SECTIONS {
        let start = c.y;
        if let Some(name) = section(&mut c, brief, &s, omit) {
            sections.push(Section {
                name,
                height: c.y - start,
            });
        }
    }
    let content_bottom = c.y;
    sources::footer(&mut c, paper, &s, ph);
    Page {
        width: pw,
        height: ph,
        items: c.items,
        content_bottom,
        content_limit: ph - MARGIN_BOTTOM - FOOTER_HEIGHT,
        sections,
        body_size: s.body,
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{Bounds, assert_sound, lay_out, measurer, small_brief};
    use super::*;

    #[test]
    fn sections_come_in_brief_order_and_their_heights_add_up_to_the_content() {
        let brief = small_brief();
        let mut m = measurer();
        let page = layout(&brief, Paper::A4, 1.0, Omit::default(), &mut m);
        let names: Vec<&str> = page.sections.iter().map(|s| s.name).collect();
        assert_eq!(
            names,
            [
                "Header",
                "Bottom line",
                "Key actors",
                "Stakes",
                "Risks",
                "Indicators",
                "Evidence quotes"
            ]
        );
        let total: f32 = page.sections.iter().map(|s| s.height).sum();
        assert!((total - (page.content_bottom - MARGIN_TOP)).abs() < 0.01);
        // A section is as tall on the page as it is alone.
        for (section, on_page) in SECTIONS.iter().zip(&page.sections) {
            let alone = lay_out(*section, &brief, 1.0, Omit::default());
            assert_eq!(alone.name, Some(on_page.name));
            assert!(
                (alone.height() - on_page.height).abs() < 0.01,
                "{on_page:?}"
            );
        }
    }

    #[test]
    fn the_page_stays_inside_its_margins_and_no_text_overlaps() {
        let brief = small_brief();
        let mut m = measurer();
        for paper in [Paper::A4, Paper::Letter] {
            let page = layout(&brief, paper, 0.9, Omit::default(), &mut m);
            assert!(page.fits(), "{:?}", page.sections);
            assert!(page.fullness() > 0.3 && page.fullness() < 1.0);
            assert_eq!(page.overflow_lines(), 0.0);
            let area = Bounds {
                left: MARGIN_X,
                top: MARGIN_TOP,
                right: page.width - MARGIN_X,
                bottom: page.height - MARGIN_BOTTOM,
            };
            assert_sound(&page.items, &mut m, area);
        }
    }

    #[test]
    fn a_section_with_nothing_to_show_draws_nothing() {
        // Each section, with what empties it.
        type Emptier = fn(&mut Brief);
        let empty: [(SectionFn, Emptier); 5] = [
            (header::bottom_line, |b| b.bottom_line.clear()),
            (actors::key_actors, |b| b.actors.clear()),
            (stakes::stakes, |b| b.stakes.clear()),
            (risks::risks, |b| b.risks.clear()),
            (indicators::indicators, |b| b.indicators.clear()),
        ];
        for (section, clear) in empty {
            let mut brief = small_brief();
            clear(&mut brief);
            let laid = lay_out(section, &brief, 1.0, Omit::default());
            assert_eq!((laid.name, laid.items.len(), laid.height()), (None, 0, 0.0));
        }
    }

    #[test]
    fn empty_sections_are_left_out_and_smaller_type_takes_less_room() {
        let mut brief = small_brief();
        brief.bottom_line.clear();
        brief.stakes.clear();
        brief.indicators.clear();
        let mut m = measurer();
        let page = layout(&brief, Paper::A4, 1.0, Omit::default(), &mut m);
        let names: Vec<&str> = page.sections.iter().map(|s| s.name).collect();
        assert_eq!(names, ["Header", "Key actors", "Risks", "Evidence quotes"]);
        let smaller = layout(&brief, Paper::A4, 0.85, Omit::default(), &mut m);
        assert!(smaller.content_bottom < page.content_bottom);
    }
}
