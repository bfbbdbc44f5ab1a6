//! Recovery after a crash: unsaved work is autosaved and offered back on the next start;
//! recovery files that cannot be read are shown, and removed only when asked.

use crate::support::{ScriptedPicker, WORKED_EXAMPLE, app, harness, press, step_until};
use briefing_core::storage::load_notebook;
use briefing_ui::modals::Modal;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};

/// Finished recovery files (not the temporary file of a write in progress).
fn recovery_files(home: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(home.join("data").join("recovery"))
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "ron"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn unsaved_work_is_autosaved_and_offered_back_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let path = dir.path().join("notebook.ron");
    std::fs::copy(WORKED_EXAMPLE, &path).unwrap();
    let saved_bytes = std::fs::read(&path).unwrap();
    let mut h = harness(app(&home, ScriptedPicker::none(), Some(path.clone())));
    h.get_by_label("Brief").click();
    h.run_steps(2);
    h.get_by_label("Analyst").click();
    h.get_by_label("Analyst").type_text("R. Analyst");
    h.run_steps(1);
    assert!(
        recovery_files(&home).is_empty(),
        "not before a pause in typing"
    );
    // Three seconds of quiet (each step is a quarter second): the autosave is written.
    step_until(&mut h, "the autosave", |_| {
        !recovery_files(&home).is_empty()
    });
    assert_eq!(
        std::fs::read(&path).unwrap(),
        saved_bytes,
        "the notebook itself is untouched"
    );

    // The process dies here (no save, no goodbye); the next start offers the work back.
    drop(h);
    let mut h = harness(app(&home, ScriptedPicker::none(), None));
    h.run_steps(2);
    assert!(matches!(h.state().modal(), Some(Modal::Recover { .. })));
    h.get_by_label("Recover unsaved work?");
    h.get_by_label_contains("notebook.ron, autosaved");
    h.get_by_label("Restore").click();
    h.run_steps(2);
    assert_eq!(h.state().document().notebook().brief.analyst, "R. Analyst");
    assert!(
        h.state().document().is_dirty(),
        "restored work still needs saving"
    );
    assert_eq!(h.state().path(), Some(path.as_path()));

    // Saving it keeps it, and the recovery file goes.
    press(&mut h, Modifiers::COMMAND, Key::S);
    step_until(&mut h, "the recovery file to go", |_| {
        recovery_files(&home).is_empty()
    });
    let (saved, _) = load_notebook(&path).unwrap();
    assert_eq!(saved.brief.analyst, "R. Analyst");
}

#[test]
fn unreadable_recovery_files_are_shown_and_removed_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let folder = home.join("data").join("recovery");
    std::fs::create_dir_all(&folder).unwrap();
    let damaged = folder.join("notebook-damaged.ron");
    std::fs::write(&damaged, "RecoveryFile(format: 1, original: None, saved_").unwrap();
    let newer = folder.join("notebook-newer.ron");
    std::fs::write(&newer, "RecoveryFile(format: 9)").unwrap();

    let start = || {
        let mut h = harness(app(&home, ScriptedPicker::none(), None));
        h.run_steps(2);
        h
    };
    let mut h = start();
    let Some(Modal::Recover { items, unreadable }) = h.state().modal().cloned() else {
        panic!("the recovery prompt lists unreadable files");
    };
    assert!(items.is_empty());
    assert_eq!(unreadable.len(), 2);
    h.get_by_label(&damaged.display().to_string());
    h.get_by_label_contains("not a valid notebook");
    h.get_by_label_contains("written by a newer Briefing Notebook");

    // Deciding later keeps both; the next start lists them again.
    h.get_by_label("Decide later").click();
    h.run_steps(2);
    assert!(h.state().modal().is_none());
    assert!(damaged.exists() && newer.exists());
    drop(h);
    let mut h = start();
    assert!(matches!(h.state().modal(), Some(Modal::Recover { .. })));

    // Removing one removes that file only, and the prompt stays for the other.
    h.get_all_by_label("Remove file").next().unwrap().click();
    h.run_steps(2);
    assert!(!damaged.exists(), "the first listed (damaged) is removed");
    assert!(newer.exists());
    let Some(Modal::Recover { unreadable, .. }) = h.state().modal().cloned() else {
        panic!("still asking about the other file");
    };
    assert_eq!(unreadable.len(), 1);
}
