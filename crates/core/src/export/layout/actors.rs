//! The key actors table: who (name and kind), then role and position in one wide column.

use super::compose::{Composer, run};
use super::{INK, MUTED, Omit, RULE, Sizes};
use crate::brief::Brief;
use crate::export::fonts::Style;

/// The table with its header row and a rule under each actor; nothing without actors.
/// `omit.actor_positions` leaves the position out (the header then says "Role").
pub(super) fn key_actors(
    c: &mut Composer<'_>,
    brief: &Brief,
    s: &Sizes,
    omit: Omit,
) -> Option<&'static str> {
    if brief.actors.is_empty() {
        return None;
    }
    let scale = s.scale;
    c.heading("Key actors", s);
    let gutter = 8.0 * scale;
    let name_w = (c.width - gutter) * 0.27;
    let (name_x, text_x) = (c.x0, c.x0 + name_w + gutter);
    let text_w = c.width - name_w - gutter;
    let header = if omit.actor_positions {
        "Role"
    } else {
        "Role and position"
    };
    let h1 = c.paragraph(
        &[run(Style::Bold, MUTED, "Actor")],
        s.small,
        name_x,
        name_w,
        c.y,
    );
    let h2 = c.paragraph(
        &[run(Style::Bold, MUTED, header)],
        s.small,
        text_x,
        text_w,
        c.y,
    );
    c.y += h1.max(h2) + 1.5 * scale;
    c.rule(c.y, RULE, 0.6);
    c.y += 2.5 * scale;
    let size = s.small * 1.06;
    for a in &brief.actors {
        let top = c.y;
        let kind = format!("{} · {}", brief.citation(&a.sources), a.kind);
        let hn = c.paragraph(
            &[
                run(Style::Bold, INK, &a.name),
                run(Style::Regular, MUTED, &kind),
            ],
            size,
            name_x,
            name_w,
            top,
        );
        let position = if omit.actor_positions || a.position.is_empty() {
            String::new()
        } else if a.role.is_empty() {
            a.position.clone()
        } else {
            format!(" — {}", a.position)
        };
        let ht = c.paragraph(
            &[
                run(Style::Regular, INK, &a.role),
                run(Style::Regular, MUTED, &position),
            ],
            size,
            text_x,
            text_w,
            top,
        );
        c.y = top + hn.max(ht) + 2.0 * scale;
        c.rule(c.y, RULE, 0.4);
        c.y += 2.5 * scale;
    }
    c.y += s.gap - 2.5 * scale;
    Some("Key actors")
}

#[cfg(test)]
mod tests {
    use super::super::testing::{lay_out, small_brief, with_and_without};
    use super::super::{Item, Omit};
    use super::key_actors;
    use crate::export::fonts::Style;

    /// The x of the first run in `style` that starts with `words`.
    fn x_of(items: &[Item], style: Style, words: &str) -> f32 {
        items
            .iter()
            .find_map(|i| match i {
                Item::Text {
                    x, text, style: s, ..
                } if *s == style && text.trim_start().starts_with(words) => Some(*x),
                _ => None,
            })
            .unwrap_or_else(|| panic!("{words:?} is drawn"))
    }

    #[test]
    fn each_actor_is_a_row_with_the_name_left_of_role_and_position() {
        let brief = small_brief();
        let mut laid = lay_out(key_actors, &brief, 1.0, Omit::default());
        assert_eq!(laid.name, Some("Key actors"));
        laid.assert_shows(["Actor", "Role and position"]);
        for a in &brief.actors {
            laid.assert_shows([a.name.as_str(), &a.role, &a.position]);
            let role = a.role.split_whitespace().next().unwrap_or_default();
            let name_x = x_of(&laid.items, Style::Bold, &a.name);
            assert!(name_x < x_of(&laid.items, Style::Regular, role));
        }
        let rules = laid
            .items
            .iter()
            .filter(|i| matches!(i, Item::Line { .. }))
            .count();
        assert_eq!(
            rules,
            brief.actors.len() + 1,
            "under the header and each row"
        );
        laid.assert_sound();
    }

    #[test]
    fn leaving_positions_out_shortens_the_table_and_renames_the_column() {
        let brief = small_brief();
        let omit = Omit {
            actor_positions: true,
            ..Omit::default()
        };
        let (full, mut short) = with_and_without(key_actors, &brief, omit);
        let position = brief.actors[0].position.as_str();
        short.assert_hides(["Role and position", position]);
        short.assert_shows(["Role", &brief.actors[0].role]);
        assert!(short.height() < full.height());
        short.assert_sound();
    }
}
