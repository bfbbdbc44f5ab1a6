//! The risk matrix: drag a marker to re-rate its risk (one undo step), click one to select
//! its risk, move one from the keyboard.

use crate::support::{ScriptedPicker, drag_through, open_worked_example, press};
use briefing_core::model::{ItemKind, ItemRef, Notebook};
use briefing_ui::BriefingApp;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The label of risk `n` (from 0)'s marker.
fn marker_label(nb: &Notebook, n: usize) -> String {
    format!("Risk {}: {}", n + 1, nb.risks[n].title)
}

/// A cell's side, in points: two markers alone in their cells sit at the cells' centres,
/// a whole number of cells apart.
fn cell_size(h: &Harness<'_, BriefingApp>) -> f32 {
    let nb = h.state().document().notebook();
    let rating = |n: usize| (nb.risks[n].likelihood, nb.risks[n].impact);
    let alone: Vec<usize> = (0..nb.risks.len())
        .filter(|&n| (0..nb.risks.len()).all(|m| m == n || rating(m) != rating(n)))
        .collect();
    for &a in &alone {
        for &b in &alone {
            let columns = f32::from(rating(b).1) - f32::from(rating(a).1);
            if columns > 0.0 {
                let centre = |n| h.get_by_label(&marker_label(nb, n)).rect().center().x;
                return (centre(b) - centre(a)) / columns;
            }
        }
    }
    panic!("no two lone markers in different columns");
}

/// The worked example with its Risks tab open, and its notebook as opened.
fn open_risks_tab() -> (tempfile::TempDir, Notebook, Harness<'static, BriefingApp>) {
    let (dir, _path, mut h) = open_worked_example(ScriptedPicker::none());
    let nb = h.state().document().notebook().clone();
    h.get_by_label_contains(&format!("Risks ({})", nb.risks.len()))
        .click();
    h.run_steps(3);
    (dir, nb, h)
}

#[test]
fn dragging_a_marker_on_the_risk_matrix_re_rates_the_risk_and_clicking_selects_it() {
    let (_dir, nb, mut h) = open_risks_tab();
    let (likelihood, impact) = (nb.risks[0].likelihood, nb.risks[0].impact);
    assert!(
        likelihood >= 3 && impact <= 4,
        "room to move two down, one right"
    );
    let cell = cell_size(&h);
    let from = h.get_by_label(&marker_label(&nb, 0)).rect().center();
    // One cell to the right (more impact), two down (less likely), in six moves.
    let to = from + egui::vec2(cell, 2.0 * cell);
    let path: Vec<_> = (0..=6)
        .map(|k| from + (to - from) * (k as f32 / 6.0))
        .collect();
    drag_through(&mut h, &path);
    let rerated = h.state().document().notebook().risks[0].clone();
    assert_eq!(
        (rerated.likelihood, rerated.impact),
        (likelihood - 2, impact + 1)
    );
    // One undo step brings both numbers back.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    let back = h.state().document().notebook().risks[0].clone();
    assert_eq!((back.likelihood, back.impact), (likelihood, impact));
    h.run_steps(2);
    h.get_by_label(&marker_label(&nb, 1)).click();
    h.run_steps(2);
    assert_eq!(
        h.state().focus(),
        Some(ItemRef {
            kind: ItemKind::Risk,
            id: nb.risks[1].id
        })
    );
}

#[test]
fn a_risk_marker_can_be_moved_from_the_keyboard() {
    let (_dir, nb, mut h) = open_risks_tab();
    let (likelihood, impact) = (nb.risks[2].likelihood, nb.risks[2].impact);
    assert!(likelihood < 5 && impact < 5, "room to move up and right");
    h.get_by_label(&marker_label(&nb, 2)).focus();
    h.run_steps(1);
    press(&mut h, Modifiers::NONE, Key::ArrowUp);
    press(&mut h, Modifiers::NONE, Key::ArrowRight);
    let r = h.state().document().notebook().risks[2].clone();
    assert_eq!(
        (r.likelihood, r.impact),
        (likelihood + 1, impact + 1),
        "one up, one right"
    );
}
