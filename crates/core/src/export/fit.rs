//! Making the brief fit one page: shrink the type in small steps to a floor, then leave
//! out the lowest-priority material in a stated order, else refuse and say what is too long.

use super::Paper;
use super::fonts::Measurer;
use super::layout::{Omit, Page, layout_fitted};
use crate::brief::{Brief, SourceForm};

/// Smallest scale: 8 pt body text.
pub const MIN_SCALE: f32 = 8.0 / super::layout::BODY_SIZE;
/// How much the type shrinks per step.
const STEP: f32 = 0.02;

/// Material the fitter may leave out when shrinking the type is not enough.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Droppable {
    /// The evidence quotes.
    Quotes,
    /// Each source's publisher and date, and the end of a long title (the grade stays).
    SourceDetails,
    /// Each source of its own: runs of one publisher and grade, and the tail of a long
    /// list, become one entry each ("[4-9] BBC News, B2").
    SourceEntries,
    /// The risks' explanations.
    RiskDetails,
    /// The stakes' explanations.
    StakeDetails,
    /// The actors' positions.
    ActorPositions,
}

impl Droppable {
    /// How the user is told it was left out ("evidence quotes") or, for the source list,
    /// how it was shortened ("source list grouped by publisher and grade").
    pub fn label(self) -> &'static str {
        match self {
            Droppable::Quotes => "evidence quotes",
            Droppable::SourceDetails => {
                "source list shortened (titles cut, no publishers or dates)"
            }
            Droppable::SourceEntries => "source list grouped by publisher and grade",
            Droppable::RiskDetails => "risk explanations",
            Droppable::StakeDetails => "stake explanations",
            Droppable::ActorPositions => "the actors' positions",
        }
    }

    /// True for the source list steps, which shorten rather than leave out: every
    /// source number is still printed.
    pub fn shortens(self) -> bool {
        matches!(self, Droppable::SourceDetails | Droppable::SourceEntries)
    }

    /// True when leaving it out can change `brief`'s page: the source list steps need
    /// several sources (one source is always printed in full).
    fn applies(self, brief: &Brief) -> bool {
        match self {
            _ if self.shortens() => brief.sources.len() > 1,
            _ => true,
        }
    }
}

impl std::fmt::Display for Droppable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// What is left out, in this order (least missed first). The source list is shortened
/// before the analyst's own words go: every claim still leads to a numbered source.
pub const DROP_ORDER: [Droppable; 6] = [
    Droppable::Quotes,
    Droppable::SourceDetails,
    Droppable::SourceEntries,
    Droppable::RiskDetails,
    Droppable::StakeDetails,
    Droppable::ActorPositions,
];

/// The layout switches that leave out `dropped`.
fn omitting(dropped: &[Droppable]) -> Omit {
    Omit {
        quotes: dropped.contains(&Droppable::Quotes),
        risk_details: dropped.contains(&Droppable::RiskDetails),
        stake_details: dropped.contains(&Droppable::StakeDetails),
        actor_positions: dropped.contains(&Droppable::ActorPositions),
    }
}

/// How the source list is printed once `dropped` is left out.
pub fn source_form(dropped: &[Droppable]) -> SourceForm {
    if dropped.contains(&Droppable::SourceEntries) {
        SourceForm::Grouped
    } else if dropped.contains(&Droppable::SourceDetails) {
        SourceForm::Short
    } else {
        SourceForm::Full
    }
}

/// The labels of what `dropped` leaves out (not what it shortens), joined with commas.
fn labels(dropped: &[Droppable]) -> String {
    let labels: Vec<&str> = dropped
        .iter()
        .filter(|d| !d.shortens())
        .map(|d| d.label())
        .collect();
    labels.join(", ")
}

/// The labels of what `dropped` shortens, joined with semicolons.
fn shortened(dropped: &[Droppable]) -> String {
    let labels: Vec<&str> = dropped
        .iter()
        .filter(|d| d.shortens())
        .map(|d| d.label())
        .collect();
    labels.join("; ")
}

/// A brief that fits.
#[derive(Clone, Debug)]
pub struct Fitted {
    /// The laid-out page.
    pub page: Page,
    /// Type scale used (1 = 9.5 pt body).
    pub scale: f32,
    /// What was left out, in drop order.
    pub dropped: Vec<Droppable>,
}

impl Fitted {
    /// One line for the user: "fits at 92%", "fits with type at 90%; left out: evidence
    /// quotes; source list shortened (titles cut, no publishers or dates)"...
    pub fn summary(&self) -> String {
        let mut s = if self.scale >= 0.999 {
            format!("fits at {:.0}%", self.page.fullness() * 100.0)
        } else {
            format!("fits with type at {:.0}%", self.scale * 100.0)
        };
        let (left_out, shortened) = (labels(&self.dropped), shortened(&self.dropped));
        if !left_out.is_empty() {
            s.push_str(&format!("; left out: {left_out}"));
        }
        if !shortened.is_empty() {
            s.push_str(&format!("; {shortened}"));
        }
        s
    }
}

/// The brief does not fit even at the smallest type with everything optional left out.
#[derive(Clone, Debug, PartialEq)]
pub struct TooLong {
    /// Body lines too many at the smallest type.
    pub lines: f32,
    /// The biggest sections with their share of the page, largest first.
    pub sections: Vec<(&'static str, f32)>,
}

impl std::fmt::Display for TooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<String> = self
            .sections
            .iter()
            .map(|(n, share)| format!("{n} ({:.0}% of the page)", share * 100.0))
            .collect();
        write!(
            f,
            "the brief is too long for one page by {:.0} lines, even with 8 pt type, without {} and with any source list shortened and grouped: shorten {}",
            self.lines.ceil(),
            labels(&DROP_ORDER),
            names.join(", ")
        )
    }
}

/// The smallest page the fitting rules can make (smallest type, every step taken): what
/// a preview shows of a brief that is too long, so it matches what the rules tried.
pub fn smallest_page(brief: &Brief, paper: Paper, m: &mut Measurer) -> Page {
    layout_fitted(
        brief,
        paper,
        MIN_SCALE,
        omitting(&DROP_ORDER),
        source_form(&DROP_ORDER),
        m,
    )
}

/// Finds the largest type, and the least left out, at which the brief fits one page.
pub fn fit(brief: &Brief, paper: Paper, m: &mut Measurer) -> Result<Fitted, TooLong> {
    let steps = ((1.0 - MIN_SCALE) / STEP).ceil() as usize;
    let scales: Vec<f32> = (0..=steps)
        .map(|i| (1.0 - i as f32 * STEP).max(MIN_SCALE))
        .collect();
    let mut last = None;
    for level in 0..=DROP_ORDER.len() {
        // A step that cannot change this brief's page is skipped, and not reported.
        if level > 0 && !DROP_ORDER[level - 1].applies(brief) {
            continue;
        }
        let dropped: Vec<Droppable> = DROP_ORDER[..level]
            .iter()
            .copied()
            .filter(|d| d.applies(brief))
            .collect();
        let (omit, form) = (omitting(&dropped), source_form(&dropped));
        // Largest scale that fits: heights shrink with the type, so search from the top,
        // but check the floor first to skip hopeless levels quickly.
        let floor = layout_fitted(brief, paper, MIN_SCALE, omit, form, m);
        if !floor.fits() {
            last = Some(floor);
            continue;
        }
        for &scale in &scales {
            let page = if (scale - MIN_SCALE).abs() < 1e-4 {
                floor.clone()
            } else {
                layout_fitted(brief, paper, scale, omit, form, m)
            };
            if page.fits() {
                return Ok(Fitted {
                    page,
                    scale,
                    dropped,
                });
            }
        }
    }
    let page = last.unwrap_or_else(|| {
        let form = source_form(&DROP_ORDER);
        layout_fitted(brief, paper, MIN_SCALE, omitting(&DROP_ORDER), form, m)
    });
    let available = page.content_limit - page.sections.first().map_or(0.0, |_| 44.0);
    let mut sections: Vec<(&'static str, f32)> = page
        .sections
        .iter()
        .filter(|s| s.name != "Header")
        .map(|s| (s.name, s.height / available))
        .collect();
    sections.sort_by(|a, b| b.1.total_cmp(&a.1));
    sections.truncate(3);
    Err(TooLong {
        lines: page.overflow_lines(),
        sections,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_drop_order_reads_as_the_user_is_told_it() {
        assert_eq!(
            labels(&DROP_ORDER),
            "evidence quotes, risk explanations, stake explanations, the actors' positions"
        );
        let none = omitting(&[]);
        assert!(!(none.quotes || none.risk_details || none.stake_details || none.actor_positions));
        // The first two steps that leave something out (the source steps shorten).
        let first_two = omitting(&[Droppable::Quotes, Droppable::RiskDetails]);
        assert!(first_two.quotes && first_two.risk_details);
        assert!(!(first_two.stake_details || first_two.actor_positions));
        let all = omitting(&DROP_ORDER);
        assert!(all.quotes && all.risk_details && all.stake_details && all.actor_positions);
    }

    use super::super::layout::testing::{measurer, small_brief, with_sources};

    /// Every text run on the page, joined.
    fn page_text(page: &Page) -> String {
        let runs: Vec<&str> = page
            .items
            .iter()
            .filter_map(|i| match i {
                super::super::layout::Item::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        runs.join(" ")
    }

    #[test]
    fn two_twelve_and_fifty_sources_fit_one_page_with_every_number_accounted_for() {
        let mut m = measurer();
        for n in [2, 12, 50] {
            let brief = with_sources(small_brief(), n);
            let fitted = fit(&brief, Paper::A4, &mut m).unwrap_or_else(|e| panic!("{n}: {e}"));
            assert!(fitted.page.fits(), "{n}");
            let entries = brief.source_entries(source_form(&fitted.dropped));
            let numbers: Vec<usize> = entries.iter().flat_map(|e| e.first..=e.last).collect();
            assert_eq!(numbers, (1..=n).collect::<Vec<_>>(), "{n}");
            let text = page_text(&fitted.page);
            for e in &entries {
                assert!(text.contains(&e.label), "{n}: {} missing", e.label);
                assert!(text.contains(&e.grade), "{n}: {} missing", e.grade);
            }
        }
    }

    #[test]
    fn the_smallest_page_takes_every_step_the_rules_know() {
        let mut m = measurer();
        let brief = with_sources(small_brief(), 50);
        let page = smallest_page(&brief, Paper::A4, &mut m);
        let text = page_text(&page);
        // The source list grouped as the last step groups it, not listed in full.
        for e in brief.source_entries(SourceForm::Grouped) {
            assert!(text.contains(&e.label), "{} missing", e.label);
        }
        let full = brief.source_entries(SourceForm::Full);
        assert!(
            !text.contains(&full[40].label),
            "{} listed in full",
            full[40].label
        );
    }

    #[test]
    fn each_source_step_kicks_in_only_when_needed_and_is_named() {
        let mut m = measurer();
        // Two sources: the list fits in full at full size.
        let two = fit(&with_sources(small_brief(), 2), Paper::A4, &mut m).unwrap();
        assert!(
            two.dropped.is_empty() && two.scale >= 0.999,
            "{}",
            two.summary()
        );
        // Fifty: shortened, then grouped, and the summary says so.
        let brief = with_sources(small_brief(), 50);
        let fifty = fit(&brief, Paper::A4, &mut m).unwrap();
        assert!(fifty.dropped.contains(&Droppable::SourceDetails));
        let summary = fifty.summary();
        assert!(summary.contains("source list shortened"), "{summary}");
        // Each step taken was needed: without the last one, not even 8 pt type fits.
        let level = fifty.dropped.len();
        let before = &fifty.dropped[..level - 1];
        let page = layout_fitted(
            &brief,
            Paper::A4,
            MIN_SCALE,
            omitting(before),
            source_form(before),
            &mut m,
        );
        assert!(!page.fits(), "{summary}");
        // Steps are taken in order: shortening before grouping, both before risk details.
        let order: Vec<usize> = fifty
            .dropped
            .iter()
            .filter_map(|d| DROP_ORDER.iter().position(|o| o == d))
            .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
        assert!(
            !fifty.dropped.contains(&Droppable::RiskDetails),
            "{summary}"
        );
    }

    #[test]
    fn a_single_source_is_never_shortened() {
        let brief = small_brief();
        assert!(
            DROP_ORDER
                .iter()
                .all(|d| !d.shortens() || !d.applies(&brief))
        );
        let mut m = measurer();
        let fitted = fit(&brief, Paper::A4, &mut m).unwrap();
        assert!(!fitted.dropped.iter().any(|d| d.shortens()));
        assert_eq!(source_form(&DROP_ORDER), SourceForm::Grouped);
        assert_eq!(
            shortened(&DROP_ORDER),
            "source list shortened (titles cut, no publishers or dates); source list grouped by publisher and grade"
        );
    }
}
