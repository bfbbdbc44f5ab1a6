//! Making the brief fit one page: shrink the type in small steps to a floor, then leave
//! out the lowest-priority material in a stated order, else refuse and say what is too long.

use super::Paper;
use super::fonts::Measurer;
use super::layout::{Omit, Page, layout};
use crate::brief::Brief;

/// Smallest scale: 8 pt body text.
pub const MIN_SCALE: f32 = 8.0 / super::layout::BODY_SIZE;
/// How much the type shrinks per step.
const STEP: f32 = 0.02;

/// Material the fitter may leave out when shrinking the type is not enough.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Droppable {
    /// The evidence quotes.
    Quotes,
    /// The risks' explanations.
    RiskDetails,
    /// The stakes' explanations.
    StakeDetails,
    /// The actors' positions.
    ActorPositions,
}

impl Droppable {
    /// How the user is told it was left out: "evidence quotes".
    pub fn label(self) -> &'static str {
        match self {
            Droppable::Quotes => "evidence quotes",
            Droppable::RiskDetails => "risk explanations",
            Droppable::StakeDetails => "stake explanations",
            Droppable::ActorPositions => "the actors' positions",
        }
    }
}

impl std::fmt::Display for Droppable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// What is left out, in this order (least missed first).
pub const DROP_ORDER: [Droppable; 4] = [
    Droppable::Quotes,
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

/// The labels of `dropped`, joined with commas.
fn labels(dropped: &[Droppable]) -> String {
    let labels: Vec<&str> = dropped.iter().map(|d| d.label()).collect();
    labels.join(", ")
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
    /// One line for the user: "fits at 92%", "type shrunk to 90% to fit"...
    pub fn summary(&self) -> String {
        let mut s = if self.scale >= 0.999 {
            format!("fits at {:.0}%", self.page.fullness() * 100.0)
        } else {
            format!("fits with type at {:.0}%", self.scale * 100.0)
        };
        if !self.dropped.is_empty() {
            s.push_str(&format!("; left out: {}", labels(&self.dropped)));
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
            "the brief is too long for one page by {:.0} lines, even with 8 pt type and without {}: shorten {}",
            self.lines.ceil(),
            labels(&DROP_ORDER),
            names.join(", ")
        )
    }
}

/// Finds the largest type, and the least left out, at which the brief fits one page.
pub fn fit(brief: &Brief, paper: Paper, m: &mut Measurer) -> Result<Fitted, TooLong> {
    let steps = ((1.0 - MIN_SCALE) / STEP).ceil() as usize;
    let scales: Vec<f32> = (0..=steps)
        .map(|i| (1.0 - i as f32 * STEP).max(MIN_SCALE))
        .collect();
    let mut last = None;
    for dropped in 0..=DROP_ORDER.len() {
        let omit = omitting(&DROP_ORDER[..dropped]);
        // Largest scale that fits: heights shrink with the type, so search from the top,
        // but check the floor first to skip hopeless levels quickly.
        let floor = layout(brief, paper, MIN_SCALE, omit, m);
        if !floor.fits() {
            last = Some(floor);
            continue;
        }
        for &scale in &scales {
            let page = if (scale - MIN_SCALE).abs() < 1e-4 {
                floor.clone()
            } else {
                layout(brief, paper, scale, omit, m)
            };
            if page.fits() {
                return Ok(Fitted {
                    page,
                    scale,
                    dropped: DROP_ORDER[..dropped].to_vec(),
                });
            }
        }
    }
    let page = last.unwrap_or_else(|| layout(brief, paper, MIN_SCALE, omitting(&DROP_ORDER), m));
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
        let first_two = omitting(&DROP_ORDER[..2]);
        assert!(first_two.quotes && first_two.risk_details);
        assert!(!(first_two.stake_details || first_two.actor_positions));
        let all = omitting(&DROP_ORDER);
        assert!(all.quotes && all.risk_details && all.stake_details && all.actor_positions);
    }
}
