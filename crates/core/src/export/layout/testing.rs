//! What the section tests share: a small brief, one section laid out on its own, and the
//! checks every laid-out piece must pass (inside its bounds, no two text runs overlapping).

use super::compose::Composer;
use super::{Item, MARGIN_TOP, Omit, SectionFn, Sizes};
use crate::brief::{Brief, BriefSource, SourceForm};
use crate::dates::Date;
use crate::export::Paper;
use crate::export::fonts::{FontSet, Measurer, Style};

/// Allowed rounding, in points.
const EPS: f32 = 0.01;

/// The worked example's brief cut down to two actors, stakes and risks (with their
/// indicators) and two quotes.
pub(crate) fn small_brief() -> Brief {
    let path = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../saves/lavrov-central-asia-tour.ron"
    ));
    let (nb, _) = crate::storage::load_notebook(path).expect("the worked example loads");
    let mut b = Brief::from_notebook(&nb, Date::new(2026, 11, 28));
    b.actors.truncate(2);
    b.stakes.truncate(2);
    b.risks.truncate(2);
    b.indicators.retain(|i| i.risk <= 2);
    b.quotes.truncate(2);
    b
}

/// `brief` with `n` generated sources (five publishers in turn, grades B2, C3, D4 in
/// turn, titles of news length), each claim citing a few of them.
pub(crate) fn with_sources(mut brief: Brief, n: usize) -> Brief {
    let publishers = ["BBC News", "Reuters", "Interfax", "The Moscow Times", "AP"];
    let grades = ["B2", "C3", "D4"];
    brief.sources = (1..=n)
        .map(|i| BriefSource {
            number: i,
            title: format!("Report {i}: state oil firm wins disputed auction of the Yukos unit"),
            publisher: Some(publishers[i % publishers.len()].to_owned()),
            published: Some(format!("{} December 2004", 1 + i % 28)),
            url: Some(format!("https://news.example.org/business/{i}")),
            grade: grades[i % grades.len()].to_owned(),
        })
        .collect();
    let cite = |k: usize| vec![1 + k % n, 1 + (k * 7 + 3) % n];
    for (k, a) in brief.actors.iter_mut().enumerate() {
        a.sources = cite(k);
    }
    for (k, r) in brief.risks.iter_mut().enumerate() {
        r.sources = cite(k + 5);
    }
    brief
}

/// A measurer over the shipped fonts.
pub(crate) fn measurer() -> Measurer {
    Measurer::new(FontSet::get().expect("the shipped fonts load"))
}

/// A box: left, top, right, bottom.
#[derive(Clone, Copy, Debug)]
pub(super) struct Bounds {
    pub(super) left: f32,
    pub(super) top: f32,
    pub(super) right: f32,
    pub(super) bottom: f32,
}

impl Bounds {
    fn contains(&self, b: &Bounds) -> bool {
        b.left >= self.left - EPS
            && b.right <= self.right + EPS
            && b.top >= self.top - EPS
            && b.bottom <= self.bottom + EPS
    }

    fn overlaps(&self, b: &Bounds) -> bool {
        self.left < b.right - EPS
            && b.left < self.right - EPS
            && self.top < b.bottom - EPS
            && b.top < self.bottom - EPS
    }
}

/// Where an item draws. A text run is its line's box (`y` is the baseline of a line
/// `LINE_HEIGHT` × size tall); `ink` narrows it to the glyphs' box, for overlap checks.
pub(super) fn bounds(item: &Item, m: &mut Measurer, ink: bool) -> Bounds {
    match item {
        Item::Text {
            x,
            y,
            size,
            style,
            text,
            ..
        } => {
            let (above, below) = if ink { (0.75, 0.2) } else { (0.95, 0.35) };
            Bounds {
                left: *x,
                top: y - above * size,
                right: x + m.width(*style, text, *size),
                bottom: y + below * size,
            }
        }
        Item::Line { from, to, .. } => Bounds {
            left: from.0.min(to.0),
            top: from.1.min(to.1),
            right: from.0.max(to.0),
            bottom: from.1.max(to.1),
        },
        Item::Rect { x, y, w, h, .. } => Bounds {
            left: *x,
            top: *y,
            right: x + w,
            bottom: y + h,
        },
        Item::Circle { cx, cy, r, .. } => Bounds {
            left: cx - r,
            top: cy - r,
            right: cx + r,
            bottom: cy + r,
        },
    }
}

/// Checks that every item lies inside `area` and that no two text runs overlap.
pub(super) fn assert_sound(items: &[Item], m: &mut Measurer, area: Bounds) {
    for item in items {
        let b = bounds(item, m, false);
        assert!(area.contains(&b), "{item:?} at {b:?} is outside {area:?}");
    }
    let texts: Vec<(&Item, Bounds)> = items
        .iter()
        .filter(|i| matches!(i, Item::Text { .. }))
        .map(|i| (i, bounds(i, m, true)))
        .collect();
    for (k, (a, ba)) in texts.iter().enumerate() {
        for (b, bb) in &texts[k + 1..] {
            assert!(!ba.overlaps(bb), "{a:?} overlaps {b:?}");
        }
    }
}

/// The text drawn, runs joined by spaces, whitespace collapsed (line breaks fall
/// between words, so a paragraph reads back whole).
pub(super) fn text_of(items: &[Item]) -> String {
    let runs: Vec<&str> = items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    runs.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// How many text runs are drawn in `style`.
pub(super) fn runs_in(items: &[Item], style: Style) -> usize {
    items
        .iter()
        .filter(|i| matches!(i, Item::Text { style: s, .. } if *s == style))
        .count()
}

/// One section laid out alone at the top of an A4 page.
pub(super) struct Laid {
    /// What it drew.
    pub(super) items: Vec<Item>,
    /// Its name, or `None` when it drew nothing.
    pub(super) name: Option<&'static str>,
    /// The column it had and how far it advanced the pen: its top is the column's top.
    pub(super) area: Bounds,
    /// The measurer it used.
    pub(super) m: Measurer,
}

impl Laid {
    /// Its height: how far it advanced the pen.
    pub(super) fn height(&self) -> f32 {
        self.area.bottom - self.area.top
    }

    /// Its text, as `text_of`.
    pub(super) fn text(&self) -> String {
        text_of(&self.items)
    }

    /// Checks that each of `phrases` is drawn.
    pub(super) fn assert_shows<'a>(&self, phrases: impl IntoIterator<Item = &'a str>) {
        let text = self.text();
        for p in phrases {
            assert!(text.contains(p), "{p:?} is not in {text:?}");
        }
    }

    /// Checks that none of `phrases` is drawn.
    pub(super) fn assert_hides<'a>(&self, phrases: impl IntoIterator<Item = &'a str>) {
        let text = self.text();
        for p in phrases {
            assert!(!text.contains(p), "{p:?} is in {text:?}");
        }
    }

    /// `assert_sound` within its column and its height.
    pub(super) fn assert_sound(&mut self) {
        assert_sound(&self.items, &mut self.m, self.area);
    }
}

/// Lays out `section` alone for `brief` on A4 at `scale`.
pub(super) fn lay_out(section: SectionFn, brief: &Brief, scale: f32, omit: Omit) -> Laid {
    lay_out_as(section, brief, scale, omit, SourceForm::Full)
}

/// `lay_out` with the source list in `form`.
pub(super) fn lay_out_as(
    section: SectionFn,
    brief: &Brief,
    scale: f32,
    omit: Omit,
    form: SourceForm,
) -> Laid {
    let mut m = measurer();
    let mut c = Composer::new(&mut m, Paper::A4.size_pt().0);
    let sizes = Sizes {
        sources: form,
        ..Sizes::at(scale)
    };
    let name = section(&mut c, brief, &sizes, omit);
    let area = Bounds {
        left: c.x0,
        top: MARGIN_TOP,
        right: c.x0 + c.width,
        bottom: c.y,
    };
    let items = c.items;
    Laid {
        items,
        name,
        area,
        m,
    }
}

/// `section` laid out at full size with everything, then leaving out what `omit` says.
pub(super) fn with_and_without(section: SectionFn, brief: &Brief, omit: Omit) -> (Laid, Laid) {
    (
        lay_out(section, brief, 1.0, Omit::default()),
        lay_out(section, brief, 1.0, omit),
    )
}
