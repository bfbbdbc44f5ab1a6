//! The reviewer in the app: vague judgments and claims without evidence in the Review
//! tab, and the same bottom-line finding under the bottom line in the Brief tab.

use crate::support::{ScriptedPicker, open_worked_example};
use briefing_core::model::{Edit, ItemKind, TextField};
use briefing_ui::command::Command;
use egui_kittest::kittest::Queryable;

#[test]
fn the_review_panel_flags_vague_judgments_and_claims_without_evidence() {
    let (_dir, _path, mut h) = open_worked_example(ScriptedPicker::none());
    // The worked example gives a reviewer nothing to ask.
    h.get_by_label("Review").click();
    h.run_steps(2);
    h.get_by_label_contains("Nothing to review");
    // A vague bottom line, and a new actor with no evidence named in it.
    h.state_mut().apply(Command::from(Edit::SetText(
        TextField::BottomLine,
        "Moscow could gain the upper hand; Ismail Khan will follow.".into(),
    )));
    let id = h.state_mut().document().notebook().next_id;
    h.state_mut().apply(Command::from(Edit::AddItem {
        kind: ItemKind::Actor,
        id,
        name: "Ismail Khan".into(),
        evidence: None,
    }));
    h.run_steps(2);
    h.get_by_label_contains("Judgments (1)");
    h.get_by_label_contains("Evidence coverage (2)");
    h.get_by_label_contains("“could” says nothing about probability");
    h.get_by_label_contains("names Ismail Khan, who has no evidence");
    // The same note stands under the bottom line in the Brief tab.
    h.get_by_label("Brief").click();
    h.run_steps(2);
    h.get_by_label_contains("Review: “could”");
}

#[test]
fn the_brief_and_review_tabs_show_the_same_bottom_line_length_finding() {
    const TOO_LONG: &str = "4 sentences: a bottom line should be one to three.";
    let (_dir, _path, mut h) = open_worked_example(ScriptedPicker::none());
    // Two sentences ("the U.S." ends neither): no warning in either tab.
    h.get_by_label("Brief").click();
    h.run_steps(2);
    h.get_by_label("Bottom line");
    assert!(h.query_by_label_contains("sentences:").is_none());
    assert!(h.query_by_label_contains("Review:").is_none());
    h.get_by_label("Review").click();
    h.run_steps(2);
    h.get_by_label_contains("Nothing to review");

    h.state_mut().apply(Command::from(Edit::SetText(
        TextField::BottomLine,
        "Russia gains ground. The U.S. leaves. Kabul is excluded. Talks will stall.".into(),
    )));
    h.run_steps(2);
    h.get_by_label_contains("Judgments (1)");
    h.get_by_label(TOO_LONG);
    h.get_by_label("Brief").click();
    h.run_steps(2);
    h.get_by_label(&format!("Review: {TOO_LONG}"));
}
