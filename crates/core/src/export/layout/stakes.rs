//! What is at stake: one bullet per stake (title, holders and importance, explanation).

use super::compose::{Composer, run};
use super::{INK, MUTED, Omit, Sizes};
use crate::brief::Brief;
use crate::export::fonts::Style;

/// The stakes as bullets; nothing without stakes. `omit.stake_details` leaves the
/// explanations out.
pub(super) fn stakes(
    c: &mut Composer<'_>,
    brief: &Brief,
    s: &Sizes,
    omit: Omit,
) -> Option<&'static str> {
    if brief.stakes.is_empty() {
        return None;
    }
    c.heading("Stakes", s);
    for st in &brief.stakes {
        let tail = st.holders_and_importance();
        let cited = brief.citation(&st.sources);
        let detail = if omit.stake_details || st.detail.is_empty() {
            String::new()
        } else {
            format!(" {}", st.detail)
        };
        c.bullet(
            &[
                run(Style::Bold, INK, &st.title),
                run(Style::Regular, MUTED, &cited),
                run(Style::Regular, MUTED, &tail),
                run(Style::Regular, INK, &detail),
            ],
            s.body,
        );
        c.y += 1.5 * s.scale;
    }
    c.y += s.gap - 1.5 * s.scale;
    Some("Stakes")
}

#[cfg(test)]
mod tests {
    use super::super::testing::{small_brief, with_and_without};
    use super::super::{Item, Omit};
    use super::stakes;

    #[test]
    fn each_stake_is_a_bullet_and_its_explanation_can_be_left_out() {
        let brief = small_brief();
        let omit = Omit {
            stake_details: true,
            ..Omit::default()
        };
        let (mut full, mut short) = with_and_without(stakes, &brief, omit);
        assert_eq!(full.name, Some("Stakes"));
        let bullets = full
            .items
            .iter()
            .filter(|i| matches!(i, Item::Circle { .. }))
            .count();
        assert_eq!(bullets, brief.stakes.len());
        for st in &brief.stakes {
            let tail = st.holders_and_importance();
            full.assert_shows([st.title.as_str(), tail.trim(), &st.detail]);
            short.assert_shows([st.title.as_str(), tail.trim()]);
            short.assert_hides([st.detail.as_str()]);
        }
        assert!(short.height() < full.height());
        full.assert_sound();
        short.assert_sound();
    }
}
