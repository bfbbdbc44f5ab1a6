//! Merge conflicts in the Review tab: a notebook two analysts changed at once, merged by
//! `briefing_core::merge`, opened in the app; each conflict settled as ours, theirs or a
//! typed value, each one undo step.

use crate::support::{ScriptedPicker, WORKED_EXAMPLE, app, harness};
use briefing_core::merge::merge;
use briefing_core::model::{Edit, Field, ItemKind, ItemRef, Notebook, TextField};
use briefing_core::storage::{load_notebook, save_notebook};
use briefing_ui::BriefingApp;
use briefing_ui::command::{Command, EditCommand};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn with(nb: &Notebook, edits: Vec<Edit>) -> Notebook {
    let mut nb = nb.clone();
    for edit in edits {
        edit.apply(&mut nb).unwrap();
    }
    nb
}

/// The worked example merged from two versions that disagree on Lavrov's role, on the
/// bottom line, and on the second actor (ours deleted it, theirs wrote notes on it).
pub fn conflicted() -> Notebook {
    let base = load_notebook(std::path::Path::new(WORKED_EXAMPLE))
        .unwrap()
        .0;
    let (lavrov, second) = (base.actors[0].id, base.actors[1].id);
    let second = ItemRef {
        kind: ItemKind::Actor,
        id: second,
    };
    let ours = with(
        &base,
        vec![
            Edit::SetText(TextField::ActorRole(lavrov), "FM".into()),
            Edit::SetText(TextField::BottomLine, "Ours: Moscow leads.".into()),
            Edit::DeleteItem(second),
        ],
    );
    let theirs = with(
        &base,
        vec![
            Edit::SetText(TextField::ActorRole(lavrov), "Foreign Minister".into()),
            Edit::SetText(TextField::BottomLine, "Theirs: Washington leaves.".into()),
            Edit::SetText(TextField::ActorNotes(second.id), "Met Lavrov.".into()),
        ],
    );
    merge(&base, &ours, &theirs).unwrap().notebook
}

fn open_conflicted() -> (tempfile::TempDir, Harness<'static, BriefingApp>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("merged.ron");
    save_notebook(&path, &conflicted()).unwrap();
    let app = app(&dir.path().join("home"), ScriptedPicker::none(), Some(path));
    let mut h = harness(app);
    h.get_by_label_contains("Review (").click();
    h.run_steps(2);
    (dir, h)
}

fn nb(h: &Harness<'_, BriefingApp>) -> Notebook {
    h.state().document().notebook().clone()
}

#[test]
fn the_review_tab_lists_each_conflict_with_its_three_values() {
    let (_dir, h) = open_conflicted();
    assert_eq!(nb(&h).conflicts.len(), 3);
    h.get_by_label_contains("3 merge conflicts to settle in the Review tab.");
    h.get_by_label("Merge conflicts (3)");
    h.get_by_label("Actor “Sergei Lavrov” · role");
    h.get_by_label("Brief · bottom line");
    h.get_by_label_contains("· kept or deleted");
    h.get_by_label("“FM”");
    h.get_by_label("“Foreign Minister”");
    h.get_by_label("“Theirs: Washington leaves.”");
    assert_eq!(h.get_all_by_label("Take theirs").count(), 3);
    // A deletion has no value of one's own; the text fields do.
    assert_eq!(h.get_all_by_label("Edit…").count(), 2);
}

#[test]
fn take_theirs_then_keep_ours_each_settle_one_conflict_and_undo_brings_it_back() {
    let (_dir, mut h) = open_conflicted();
    let before = nb(&h);
    let lavrov = before.actors[0].id;
    // Conflicts are listed as found: Lavrov's role, the deleted actor, the bottom line.
    h.get_all_by_label("Take theirs").nth(2).unwrap().click();
    h.run_steps(2);
    assert_eq!(nb(&h).brief.bottom_line, "Theirs: Washington leaves.");
    assert_eq!(nb(&h).conflicts.len(), 2);
    h.get_by_label("Merge conflicts (2)");
    h.get_all_by_label("Keep ours").next().unwrap().click();
    h.run_steps(2);
    assert_eq!(nb(&h).actors[0].role, "FM");
    assert_eq!(nb(&h).conflicts.len(), 1);
    // One undo step each.
    h.state_mut().apply(Command::Edit(EditCommand::Undo));
    h.run_steps(2);
    assert_eq!(nb(&h).conflicts.len(), 2);
    assert!(
        nb(&h)
            .conflict(Field::Text(TextField::ActorRole(lavrov)))
            .is_some()
    );
    h.state_mut().apply(Command::Edit(EditCommand::Undo));
    h.run_steps(2);
    assert_eq!(nb(&h), before);
    h.get_by_label("Merge conflicts (3)");
}

#[test]
fn the_deleted_actor_goes_when_ours_is_kept_and_stays_when_theirs_is_taken() {
    let (_dir, mut h) = open_conflicted();
    let second = nb(&h).actors[1].clone();
    assert_eq!(
        second.notes, "Met Lavrov.",
        "kept with theirs' edit meanwhile"
    );
    h.get_all_by_label("Keep ours").nth(1).unwrap().click();
    h.run_steps(2);
    assert!(nb(&h).actor(second.id).is_none(), "ours deleted it");
    h.state_mut().apply(Command::Edit(EditCommand::Undo));
    h.run_steps(2);
    h.get_all_by_label("Take theirs").nth(1).unwrap().click();
    h.run_steps(2);
    assert_eq!(nb(&h).actor(second.id), Some(&second));
    assert_eq!(nb(&h).conflicts.len(), 2);
}

#[test]
fn a_typed_value_settles_a_text_conflict() {
    let (_dir, mut h) = open_conflicted();
    h.get_all_by_label("Edit…").next().unwrap().click();
    h.run_steps(2);
    let field = h.get_by_label("Your value:");
    field.focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Your value:")
        .type_text("Russian Foreign Minister");
    h.run_steps(2);
    h.get_by_label("Use this").click();
    h.run_steps(2);
    assert_eq!(nb(&h).actors[0].role, "Russian Foreign Minister");
    assert_eq!(nb(&h).conflicts.len(), 2);
    assert!(h.query_by_label("Your value:").is_none());
    h.state_mut().apply(Command::Edit(EditCommand::Undo));
    h.run_steps(2);
    assert_eq!(nb(&h).actors[0].role, "FM");
    assert_eq!(nb(&h).conflicts.len(), 3);
}

/// A rating both sides changed: "Edit…" offers the field's values, and a third one settles
/// it (the "ours / theirs / edit" for a field that is not typed).
#[test]
fn a_rating_both_changed_is_settled_with_a_value_of_ones_own() {
    let base = load_notebook(std::path::Path::new(WORKED_EXAMPLE))
        .unwrap()
        .0;
    let risk = base.risks[0].id;
    let ours = with(&base, vec![Edit::SetLikelihood(risk, 2)]);
    let theirs = with(&base, vec![Edit::SetLikelihood(risk, 5)]);
    let merged = merge(&base, &ours, &theirs).unwrap().notebook;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("merged.ron");
    save_notebook(&path, &merged).unwrap();
    let mut h = harness(app(
        &dir.path().join("home"),
        ScriptedPicker::none(),
        Some(path),
    ));
    h.get_by_label_contains("Review (").click();
    h.run_steps(2);
    assert_eq!(nb(&h).conflicts.len(), 1);
    h.get_by_label("Edit…").click();
    h.run_steps(2);
    assert!(h.query_by_label("Your value:").is_none(), "nothing to type");
    h.get_by_label("4 – likely (55-80%)").click();
    h.run_steps(2);
    assert_eq!(nb(&h).risks[0].likelihood, 4);
    assert!(nb(&h).conflicts.is_empty());
    h.state_mut().apply(Command::Edit(EditCommand::Undo));
    h.run_steps(2);
    assert_eq!(nb(&h).risks[0].likelihood, 2, "ours again");
    assert_eq!(nb(&h).conflicts.len(), 1);
}
