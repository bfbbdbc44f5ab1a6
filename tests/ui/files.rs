//! Notebook files: opening the worked example, save as and reopen, the unsaved-changes
//! prompt (cancel, discard, save), a typed path when no dialog exists, a broken file, and
//! a save that fails.

use crate::support::{
    ScriptedPicker, WORKED_EXAMPLE, app, harness, open_worked_example, press, step_until,
};
use briefing_core::model::ItemKind;
use briefing_core::storage::load_notebook;
use briefing_ui::BriefingApp;
use briefing_ui::command::EditCommand;
use briefing_ui::modals::Modal;
use egui::{Key, Modifiers, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[test]
fn worked_example_opens_with_every_span_exact_and_highlighted() {
    let (_dir, path, h) = open_worked_example(ScriptedPicker::none());
    let app = h.state();
    assert_eq!(app.path(), Some(path.as_path()));
    assert!(app.status().contains("all exact"), "{}", app.status());
    assert!(!app.document().is_dirty());
    assert!(app.window_title().contains("notebook.ron"));
    h.get_by_label("Article text");
    let actors = app.document().notebook().actors.len();
    h.get_by_label_contains(&format!("Actors ({actors})"));
}

#[test]
fn save_as_then_reopen_gives_the_same_notebook() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let target = dir.path().join("brief");
    let picker = ScriptedPicker::new(vec![Some(target.clone())]);
    let mut h = harness(app(&home, picker, None));
    // A fresh start shows the sample article in a new notebook with no file yet.
    assert!(h.state().path().is_none());
    let sample = briefing_core::assets::SAMPLE_ARTICLE;
    let first_line = String::from_utf8_lossy(sample)
        .lines()
        .next()
        .unwrap()
        .to_owned();
    assert_eq!(
        h.state().document().notebook().sources[0].article.title,
        first_line.trim()
    );

    h.state_mut().apply(EditCommand::AddItem(ItemKind::Risk));
    h.run_steps(10); // the new card scrolls into view below the matrix
    h.get_by_label("Risk").click();
    h.get_by_label("Risk").type_text("Talks collapse");
    h.run_steps(2);
    press(&mut h, Modifiers::COMMAND, Key::S);
    let saved = target.with_extension("ron");
    step_until(&mut h, "the save to finish", |app| {
        app.path() == Some(saved.as_path())
    });
    assert!(!h.state().document().is_dirty());

    let (reopened, _) = load_notebook(&saved).unwrap();
    assert_eq!(&reopened, h.state().document().notebook());
    assert_eq!(reopened.risks[0].title, "Talks collapse");

    // The next start reopens the last notebook, and lists it under recent files.
    let again = app(&home, ScriptedPicker::none(), None);
    assert_eq!(again.path(), Some(saved.as_path()));
}

/// Asks the window to close, as its close button does.
fn close_window(h: &mut Harness<'_, BriefingApp>) {
    h.input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    h.run_steps(2);
}

#[test]
fn closing_with_unsaved_changes_asks_and_cancel_keeps_the_window() {
    let (_dir, path, mut h) = open_worked_example(ScriptedPicker::none());
    let original = std::fs::read(&path).unwrap();
    h.state_mut().apply(EditCommand::AddItem(ItemKind::Stake));
    h.run_steps(2);

    close_window(&mut h);
    assert!(matches!(h.state().modal(), Some(Modal::Unsaved(_))));
    h.get_by_label("Save changes to this notebook?");
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert!(h.state().modal().is_none());
    assert!(!h.state().is_closing());

    close_window(&mut h);
    h.get_by_label("Discard").click();
    h.run_steps(2);
    assert!(h.state().is_closing());
    assert_eq!(
        std::fs::read(&path).unwrap(),
        original,
        "discard leaves the file as it was"
    );
}

#[test]
fn save_from_the_prompt_writes_the_file_then_closes() {
    let (_dir, path, mut h) = open_worked_example(ScriptedPicker::none());
    let stakes = h.state().document().notebook().stakes.len();
    h.state_mut().apply(EditCommand::AddItem(ItemKind::Stake));
    h.run_steps(2);
    press(&mut h, Modifiers::COMMAND, Key::Q);
    h.get_by_label("Save").click();
    h.run_steps(2);
    assert!(h.state().is_closing());
    let (saved, _) = load_notebook(&path).unwrap();
    assert_eq!(saved.stakes.len(), stakes + 1);
}

#[test]
fn without_a_native_dialog_the_user_can_type_a_path() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("note.md");
    std::fs::write(&article, "# Kabul talks\n\nThe **Taliban** met in Doha.\n").unwrap();
    // The picker returns nothing at once: no dialog was ever shown.
    let picker = ScriptedPicker::new(vec![None]);
    let mut h = harness(app(&dir.path().join("home"), picker, None));
    press(&mut h, Modifiers::COMMAND, Key::O);
    step_until(&mut h, "the typed-path question", |app| {
        matches!(app.modal(), Some(Modal::TypedPath { .. }))
    });
    h.run_steps(2);
    h.get_by_label_contains("No system file dialog");
    // The suggested path is selected: typing replaces it, no Ctrl+A needed.
    h.get_by_label("Path:")
        .type_text(&article.display().to_string());
    h.run_steps(1);
    h.get_by_label("OK").click();
    h.run_steps(3);
    let nb = h.state().document().notebook();
    assert_eq!(nb.sources[0].article.title, "Kabul talks");
    assert_eq!(
        &*nb.sources[0].article.text,
        "Kabul talks\nThe Taliban met in Doha."
    );
}

#[test]
fn a_broken_notebook_is_reported_with_its_path_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    let broken = "Notebook(format: 1, article: ";
    std::fs::write(&bad, broken).unwrap();
    let h = harness(app(
        &dir.path().join("home"),
        ScriptedPicker::none(),
        Some(bad.clone()),
    ));
    match h.state().modal() {
        Some(Modal::Error(message)) => assert!(message.contains("bad.ron:1:"), "{message}"),
        other => panic!("expected an error, got {other:?}"),
    }
    assert!(h.state().path().is_none());
    assert_eq!(std::fs::read_to_string(&bad).unwrap(), broken);
}

#[test]
fn a_save_that_fails_keeps_the_changes_and_says_why() {
    let root = tempfile::tempdir().unwrap();
    let work = root.path().join("work");
    std::fs::create_dir(&work).unwrap();
    let path = work.join("notebook.ron");
    std::fs::copy(WORKED_EXAMPLE, &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut h = harness(app(
        &root.path().join("home"),
        ScriptedPicker::none(),
        Some(path.clone()),
    ));
    let risks = h.state().document().notebook().risks.len();
    h.state_mut().apply(EditCommand::AddItem(ItemKind::Risk));
    h.run_steps(2);
    // The folder disappears (a USB stick pulled out, a network share gone).
    let away = root.path().join("away");
    std::fs::rename(&work, &away).unwrap();
    press(&mut h, Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    match h.state().modal() {
        Some(Modal::Error(message)) => {
            assert!(message.contains("notebook.ron"), "{message}");
            assert!(message.contains("still here, not saved"), "{message}");
        }
        other => panic!("expected an error, got {other:?}"),
    }
    assert!(h.state().document().is_dirty());
    assert!(h.state().window_title().starts_with("● "));
    assert_eq!(
        h.state().document().notebook().risks.len(),
        risks + 1,
        "the change is still in memory"
    );
    std::fs::rename(&away, &work).unwrap();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the old file is untouched"
    );
}
