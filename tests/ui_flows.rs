//! The app as a person uses it, headless (egui_kittest): select, attach, create, edit,
//! undo, delete, save, reopen, the unsaved-changes prompt, and the typed-path fallback.

use briefing_core::model::{ItemKind, ItemRef};
use briefing_core::storage::{AppDirs, load_notebook};
use briefing_ui::BriefingApp;
use briefing_ui::command::{Command, EditCommand, FileCommand, ViewCommand};
use briefing_ui::file_dialog::{FilePicker, PickRequest};
use briefing_ui::modals::Modal;
use egui::{self, Key, Modifiers, PointerButton, Pos2, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

const WORKED_EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/saves/lavrov-central-asia-tour.ron"
);

/// Answers file dialogs from a script, after a human-like pause (or at once, like a
/// system with no dialog at all).
struct ScriptedPicker {
    answers: Mutex<VecDeque<Option<PathBuf>>>,
    pause: Duration,
}

impl ScriptedPicker {
    fn new(answers: Vec<Option<PathBuf>>, pause_ms: u64) -> Self {
        Self {
            answers: Mutex::new(answers.into()),
            pause: Duration::from_millis(pause_ms),
        }
    }
}

impl FilePicker for ScriptedPicker {
    fn pick(&self, _request: &PickRequest) -> Option<PathBuf> {
        std::thread::sleep(self.pause);
        self.answers.lock().ok()?.pop_front().flatten()
    }
}

fn harness(app: BriefingApp) -> Harness<'static, BriefingApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut BriefingApp| app.show(ui), app);
    h.run_steps(3);
    h
}

/// A copy of the worked example in a fresh folder, and an app with its settings there.
fn open_worked_example(
    picker: ScriptedPicker,
) -> (tempfile::TempDir, PathBuf, Harness<'static, BriefingApp>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notebook.ron");
    std::fs::copy(WORKED_EXAMPLE, &path).unwrap();
    let app = BriefingApp::new(
        AppDirs::under(&dir.path().join("home")),
        picker,
        Some(path.clone()),
    );
    (dir, path, harness(app))
}

fn char_range(app: &BriefingApp, quote: &str) -> (usize, usize) {
    let text = &app.document().notebook().article.text;
    let byte = text.find(quote).expect("quote in article");
    let start = text[..byte].chars().count();
    (start, start + quote.chars().count())
}

fn step_until(h: &mut Harness<'_, BriefingApp>, what: &str, cond: impl Fn(&BriefingApp) -> bool) {
    for _ in 0..300 {
        h.step();
        if cond(h.state()) {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("timed out waiting for: {what}");
}

/// Presses or releases the primary mouse button at `pos`.
fn mouse_button(h: &mut Harness<'_, BriefingApp>, pos: Pos2, pressed: bool) {
    h.event(egui::Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    });
    h.step();
}

fn press(h: &mut Harness<'_, BriefingApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run_steps(2);
}

#[test]
fn worked_example_opens_with_every_span_exact_and_highlighted() {
    let (_dir, path, h) = open_worked_example(ScriptedPicker::new(vec![], 0));
    let app = h.state();
    assert_eq!(app.path(), Some(path.as_path()));
    assert!(app.status().contains("all exact"), "{}", app.status());
    assert!(!app.document().is_dirty());
    assert!(app.window_title().contains("notebook.ron"));
    h.get_by_label("Article text");
    h.get_by_label_contains("Actors (12)");
}

#[test]
fn clicking_anywhere_on_a_collapsed_card_selects_it() {
    let (_dir, _path, mut h) = open_worked_example(ScriptedPicker::new(vec![], 0));
    h.get_by_label_contains("Regional power; convener").click();
    h.run_steps(2);
    let focus = h.state().focus().expect("focused");
    assert_eq!(
        h.state().document().notebook().item_name(focus),
        Some("Russia")
    );
    // Its fields are now shown for editing.
    h.get_by_label("Position / interests");
}

#[test]
fn drag_in_the_article_selects_words_and_attach_adds_evidence() {
    let (_dir, _path, mut h) = open_worked_example(ScriptedPicker::new(vec![], 0));
    // Focus an actor by clicking its name in the Actors pane.
    h.get_by_label("Russia").click();
    h.run_steps(2);
    let russia = h.state().focus().expect("an actor in focus");
    assert_eq!(russia.kind, ItemKind::Actor);

    // Drag from the start of "Russian Foreign Minister" to the end of "Sergei Lavrov".
    let (a, b) = char_range(h.state(), "Russian Foreign Minister Sergei Lavrov");
    let from = h
        .state_mut()
        .article_view()
        .screen_rect_of_char(a)
        .unwrap()
        .left_center();
    let to = h
        .state_mut()
        .article_view()
        .screen_rect_of_char(b)
        .unwrap()
        .left_center();
    let y = from.y;
    h.hover_at(from);
    h.step();
    mouse_button(&mut h, from, true);
    h.hover_at(Pos2::new(from.x + 100.0, y));
    h.step();
    h.hover_at(to);
    h.step();
    mouse_button(&mut h, to, false);
    h.run_steps(2);
    let (start, end) = h
        .state_mut()
        .article_view()
        .selection()
        .expect("a selection");
    let text = h.state().document().notebook().article.text.clone();
    let quote: String = text.chars().skip(start).take(end - start).collect();
    assert_eq!(quote, "Russian Foreign Minister Sergei Lavrov");

    let before = h
        .state()
        .document()
        .notebook()
        .actor(russia.id)
        .unwrap()
        .evidence
        .len();
    h.get_by_label_contains("Attach to").click();
    h.run_steps(2);
    let actor = h
        .state()
        .document()
        .notebook()
        .actor(russia.id)
        .unwrap()
        .clone();
    assert_eq!(actor.evidence.len(), before + 1);
    assert_eq!(actor.evidence.last().unwrap().quote, quote);
    assert!(h.state().document().is_dirty());
    assert!(h.state().window_title().starts_with("● "));
}

#[test]
fn new_actor_from_selection_then_edit_undo_redo_and_delete() {
    let (_dir, _path, mut h) = open_worked_example(ScriptedPicker::new(vec![], 0));
    let (a, b) = char_range(h.state(), "Sirojiddin Muhriddin");
    h.state_mut().article_view().set_selection(a, b);
    h.run_steps(2);
    h.get_by_label("New actor").click();
    h.run_steps(10); // the pane scrolls the new card into view, animated
    let nb = h.state().document().notebook();
    let actor = nb.actors.last().unwrap().clone();
    assert_eq!(actor.name, "Sirojiddin Muhriddin");
    assert_eq!(actor.evidence.len(), 1);
    assert_eq!((actor.evidence[0].start, actor.evidence[0].end), (a, b));
    assert_eq!(
        h.state().focus(),
        Some(ItemRef {
            kind: ItemKind::Actor,
            id: actor.id
        })
    );

    // Type a role in the focused actor's card.
    h.get_by_label("Role").click();
    h.run_steps(1);
    h.get_by_label("Role").type_text("Tajik Foreign Minister");
    h.run_steps(2);
    assert_eq!(
        h.state()
            .document()
            .notebook()
            .actor(actor.id)
            .unwrap()
            .role,
        "Tajik Foreign Minister"
    );

    // Leave the field, then undo the whole typing as one step, and redo it.
    press(&mut h, Modifiers::NONE, Key::Escape);
    h.get_by_label("Article text").click();
    h.run_steps(2);
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        h.state()
            .document()
            .notebook()
            .actor(actor.id)
            .unwrap()
            .role,
        ""
    );
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(
        h.state()
            .document()
            .notebook()
            .actor(actor.id)
            .unwrap()
            .role,
        "Tajik Foreign Minister"
    );

    // Delete it, and bring it back with Ctrl+Z.
    h.state_mut().apply(ViewCommand::Focus(ItemRef {
        kind: ItemKind::Actor,
        id: actor.id,
    }));
    h.run_steps(10);
    // The bin on the same row as the card's name.
    let header_y = h.get_by_label("Sirojiddin Muhriddin").rect().center().y;
    h.get_all_by_label_contains("Delete (")
        .find(|n| (n.rect().center().y - header_y).abs() < 8.0)
        .expect("the card's delete button")
        .click();
    h.run_steps(2);
    assert!(h.state().document().notebook().actor(actor.id).is_none());
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(h.state().document().notebook().actor(actor.id).is_some());
    press(&mut h, Modifiers::COMMAND, Key::Y);
    assert!(h.state().document().notebook().actor(actor.id).is_none());
}

#[test]
fn save_as_then_reopen_gives_the_same_notebook() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("brief");
    let picker = ScriptedPicker::new(vec![Some(target.clone())], 0);
    let app = BriefingApp::new(AppDirs::under(&dir.path().join("home")), picker, None);
    let mut h = harness(app);
    // A fresh start shows the sample article in a new notebook with no file yet.
    assert!(h.state().path().is_none());
    assert!(
        h.state()
            .document()
            .notebook()
            .article
            .title
            .starts_with("Lavrov’s Central Asia Tour")
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
    let again = BriefingApp::new(
        AppDirs::under(&dir.path().join("home")),
        ScriptedPicker::new(vec![], 0),
        None,
    );
    assert_eq!(again.path(), Some(saved.as_path()));
}

#[test]
fn closing_with_unsaved_changes_asks_and_cancel_keeps_the_window() {
    let (_dir, path, mut h) = open_worked_example(ScriptedPicker::new(vec![], 0));
    let original = std::fs::read(&path).unwrap();
    h.state_mut().apply(EditCommand::AddItem(ItemKind::Stake));
    h.run_steps(2);

    let close = |h: &mut Harness<'_, BriefingApp>| {
        h.input_mut()
            .viewports
            .entry(ViewportId::ROOT)
            .or_default()
            .events
            .push(ViewportEvent::Close);
        h.run_steps(2);
    };
    close(&mut h);
    assert!(matches!(h.state().modal(), Some(Modal::Unsaved(_))));
    h.get_by_label("Save changes to this notebook?");
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert!(h.state().modal().is_none());
    assert!(!h.state().is_closing());

    close(&mut h);
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
    let (_dir, path, mut h) = open_worked_example(ScriptedPicker::new(vec![], 0));
    h.state_mut().apply(EditCommand::AddItem(ItemKind::Stake));
    h.run_steps(2);
    press(&mut h, Modifiers::COMMAND, Key::Q);
    h.get_by_label("Save").click();
    h.run_steps(2);
    assert!(h.state().is_closing());
    let (saved, _) = load_notebook(&path).unwrap();
    assert_eq!(saved.stakes.len(), 5);
}

#[test]
fn without_a_native_dialog_the_user_can_type_a_path() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("note.md");
    std::fs::write(&article, "# Kabul talks\n\nThe **Taliban** met in Doha.\n").unwrap();
    // The picker returns nothing at once: no dialog was ever shown.
    let app = BriefingApp::new(
        AppDirs::under(&dir.path().join("home")),
        ScriptedPicker::new(vec![None], 0),
        None,
    );
    let mut h = harness(app);
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
    assert_eq!(nb.article.title, "Kabul talks");
    assert_eq!(&*nb.article.text, "Kabul talks\nThe Taliban met in Doha.");
}

#[test]
fn a_broken_notebook_is_reported_with_its_path_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "Notebook(format: 1, article: ").unwrap();
    let app = BriefingApp::new(
        AppDirs::under(&dir.path().join("home")),
        ScriptedPicker::new(vec![], 0),
        Some(bad.clone()),
    );
    let h = harness(app);
    match h.state().modal() {
        Some(Modal::Error(message)) => assert!(message.contains("bad.ron:1:"), "{message}"),
        other => panic!("expected an error, got {other:?}"),
    }
    assert!(h.state().path().is_none());
    assert_eq!(
        std::fs::read_to_string(&bad).unwrap(),
        "Notebook(format: 1, article: "
    );
}

#[test]
fn clicking_an_evidence_quote_reveals_it_and_clicking_a_highlight_focuses_its_item() {
    let (_dir, _path, mut h) = open_worked_example(ScriptedPicker::new(vec![], 0));
    h.get_by_label("Sergei Lavrov").click();
    h.run_steps(2);
    h.get_by_label_contains("Russian Foreign Minister Sergei Lavrov embarked")
        .click();
    h.run_steps(2);
    // Going to a piece of evidence is reading, not editing.
    assert!(!h.state().document().is_dirty());
    // Lavrov's first evidence span: click it, with nothing selected.
    let stake = h.state().document().notebook().stakes[0].id;
    h.state_mut().apply(ViewCommand::Focus(ItemRef {
        kind: ItemKind::Stake,
        id: stake,
    }));
    h.run_steps(2);
    let (a, _) = char_range(h.state(), "Foreign Minister Sergei Lavrov embarked");
    let p = h
        .state_mut()
        .article_view()
        .screen_rect_of_char(a + 3)
        .unwrap()
        .center();
    h.state_mut().article_view().clear_selection();
    h.hover_at(p);
    h.step();
    mouse_button(&mut h, p, true);
    mouse_button(&mut h, p, false);
    h.run_steps(2);
    let focus = h.state().focus().unwrap();
    assert_eq!(
        h.state().document().notebook().item_name(focus),
        Some("Sergei Lavrov")
    );

    // A quote near the end of the article: its link scrolls the article to it.
    let (far, _) = char_range(h.state(), "None of the forty invited Afghans");
    let before = h
        .state_mut()
        .article_view()
        .screen_rect_of_char(far)
        .unwrap();
    assert!(before.min.y > 800.0, "starts below the window: {before:?}");
    let ghani = ghani_id(h.state());
    h.state_mut().apply(ViewCommand::Focus(ItemRef {
        kind: ItemKind::Actor,
        id: ghani,
    }));
    h.run_steps(10); // the pane scrolls the card into view, animated
    h.get_by_label_contains("None of the forty invited Afghans")
        .click();
    h.run_steps(3);
    let after = h
        .state_mut()
        .article_view()
        .screen_rect_of_char(far)
        .unwrap();
    assert!(
        after.min.y > 80.0 && after.max.y < 780.0,
        "revealed at {after:?}"
    );
}

fn ghani_id(app: &BriefingApp) -> u64 {
    app.document()
        .notebook()
        .actors
        .iter()
        .find(|a| a.name == "Ghani government")
        .unwrap()
        .id
}

#[test]
fn find_counts_matches_and_selects_them_in_turn() {
    let (_dir, _path, mut h) = open_worked_example(ScriptedPicker::new(vec![], 0));
    press(&mut h, Modifiers::COMMAND, Key::F);
    h.get_by_label("Find:");
    h.run_steps(2);
    h.get_by_label("Find:").type_text("kyrgyzstan");
    h.run_steps(2);
    let total = h
        .state()
        .document()
        .notebook()
        .article
        .text
        .matches("Kyrgyzstan")
        .count();
    h.get_by_label(&format!("1 of {total}"));
    let first = h.state_mut().article_view().selection().unwrap();
    press(&mut h, Modifiers::NONE, Key::Enter);
    h.get_by_label(&format!("2 of {total}"));
    let second = h.state_mut().article_view().selection().unwrap();
    assert!(second.0 > first.0);
    let text = h.state().document().notebook().article.text.clone();
    let quote: String = text
        .chars()
        .skip(second.0)
        .take(second.1 - second.0)
        .collect();
    assert_eq!(quote, "Kyrgyzstan");
    // The found words can go straight into a new actor.
    press(&mut h, Modifiers::COMMAND | Modifiers::ALT, Key::A);
    assert_eq!(
        h.state().document().notebook().actors.last().unwrap().name,
        "Kyrgyzstan"
    );
}

#[test]
fn keyboard_selection_extends_with_shift_arrows() {
    let (_dir, _path, mut h) = open_worked_example(ScriptedPicker::new(vec![], 0));
    let (a, _) = char_range(h.state(), "Russian Foreign");
    h.state_mut().article_view().set_selection(a, a);
    h.get_by_label("Article text").focus();
    h.run_steps(1);
    for _ in 0..7 {
        h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
        h.step();
    }
    h.key_press_modifiers(Modifiers::SHIFT | Modifiers::COMMAND, Key::ArrowRight);
    h.run_steps(2);
    let (s, e) = h
        .state_mut()
        .article_view()
        .selection()
        .expect("a selection");
    let text = h.state().document().notebook().article.text.clone();
    let quote: String = text.chars().skip(s).take(e - s).collect();
    assert_eq!(quote, "Russian Foreign");
}

/// An app on a generated plain-text article of about `bytes` (many paragraphs).
fn open_long_article(bytes: usize) -> (tempfile::TempDir, Harness<'static, BriefingApp>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    let mut text = String::from("A long report\n\n");
    let mut n = 0;
    while text.len() < bytes {
        n += 1;
        text.push_str(&format!(
            "Paragraph {n}: the delegation met officials in Tashkent and Dushanbe, and the talks \
             on regional security went on into the evening without an agreement on the border.\n\n"
        ));
    }
    std::fs::write(&path, text).unwrap();
    let app = BriefingApp::new(
        AppDirs::under(&dir.path().join("home")),
        ScriptedPicker::new(vec![], 0),
        Some(path),
    );
    (dir, harness(app))
}

/// Clicks on the article's text, as a reader does before using the keyboard.
fn click_in_article(h: &mut Harness<'_, BriefingApp>) {
    let pos = h
        .state_mut()
        .article_view()
        .screen_rect_of_char(30)
        .expect("drawn")
        .center();
    h.event(egui::Event::PointerMoved(pos));
    mouse_button(h, pos, true);
    mouse_button(h, pos, false);
    h.run_steps(2);
}

fn scroll(h: &mut Harness<'_, BriefingApp>) -> (f32, f32) {
    h.state_mut().article_view().scroll_position()
}

#[test]
fn the_article_reads_with_page_keys_space_home_and_end() {
    let (_dir, mut h) = open_long_article(40_000);
    let (top, max) = scroll(&mut h);
    assert_eq!(top, 0.0);
    assert!(max > 3000.0, "a long article: {max}");
    // Not focused yet: Page Down belongs to nobody and scrolls nothing.
    press(&mut h, Modifiers::NONE, Key::PageDown);
    assert_eq!(scroll(&mut h).0, 0.0);

    click_in_article(&mut h);
    press(&mut h, Modifiers::NONE, Key::PageDown);
    let one = scroll(&mut h).0;
    assert!(one > 300.0 && one < 800.0, "one page down: {one}");
    press(&mut h, Modifiers::NONE, Key::Space);
    let two = scroll(&mut h).0;
    assert!((two - 2.0 * one).abs() < 1.0, "space pages on: {two}");
    press(&mut h, Modifiers::SHIFT, Key::Space);
    assert!(
        (scroll(&mut h).0 - one).abs() < 1.0,
        "shift+space goes back"
    );
    press(&mut h, Modifiers::NONE, Key::PageUp);
    assert_eq!(scroll(&mut h).0, 0.0, "page up to the top");
    press(&mut h, Modifiers::NONE, Key::PageUp);
    assert_eq!(scroll(&mut h).0, 0.0, "and no further");
    press(&mut h, Modifiers::NONE, Key::End);
    let (end, max) = scroll(&mut h);
    assert!(end >= max - 1.0 && end > 3000.0, "end: {end} of {max}");
    press(&mut h, Modifiers::NONE, Key::Home);
    assert_eq!(scroll(&mut h).0, 0.0, "home");
    press(&mut h, Modifiers::COMMAND, Key::End);
    let (end, max) = scroll(&mut h);
    assert!(end >= max - 1.0, "ctrl+end: {end} of {max}");
    press(&mut h, Modifiers::COMMAND, Key::Home);
    assert_eq!(scroll(&mut h).0, 0.0, "ctrl+home");
    // Reading never selects or edits anything.
    assert!(h.state_mut().article_view().selection().is_none());
    assert!(!h.state().document().is_dirty());
}

#[test]
fn paging_through_a_long_article_keeps_laid_out_text_under_its_budget() {
    // CI-sized: 1 MB under a 2 MB budget (a laid-out char costs about 160 bytes, so the
    // whole article would take about 160 MB; the app's budget is 24 MB, and
    // `cargo bench --bench perf` pages through 10 MB with it).
    const BUDGET: usize = 2 * 1024 * 1024;
    const ONE_SCREEN: usize = 1024 * 1024;
    let (_dir, mut h) = open_long_article(1024 * 1024);
    h.state_mut().article_view().set_layout_budget(BUDGET);
    click_in_article(&mut h);
    let mut pages = 0;
    let mut most = 0;
    loop {
        let (offset, max) = scroll(&mut h);
        if offset >= max {
            break;
        }
        h.key_press(Key::PageDown);
        h.step();
        pages += 1;
        let held = h.state_mut().article_view().layout_bytes();
        most = most.max(held);
        // The budget, plus at most one screen shown since the last eviction.
        assert!(
            held <= BUDGET + ONE_SCREEN,
            "page {pages}: {held} bytes laid out"
        );
        assert!(pages < 5_000, "Page Down never reached the end");
    }
    assert!(
        pages > 200,
        "paged through the whole article: {pages} pages"
    );
    let (laid_out, total) = h.state_mut().article_view().laid_out_paragraphs();
    assert!(
        laid_out * 10 < total,
        "{laid_out} of {total} paragraphs kept"
    );
    assert!(most > BUDGET / 2, "the budget was used: {most}");
    // Back at the top, the first paragraphs are laid out again and drawn where they were.
    press(&mut h, Modifiers::COMMAND, Key::Home);
    let label = h.get_by_label("Article text").rect();
    let first = h
        .state_mut()
        .article_view()
        .screen_rect_of_char(0)
        .expect("drawn");
    assert!(label.contains(first.center()), "{first:?} in {label:?}");
}

#[test]
fn dropping_an_article_on_the_window_starts_a_new_notebook_after_asking() {
    let (dir, _path, mut h) = open_worked_example(ScriptedPicker::new(vec![], 0));
    let article = dir.path().join("dropped.txt");
    std::fs::write(
        &article,
        "Doha talks resume\n\nThe Taliban returned to Doha.\r\n",
    )
    .unwrap();
    h.state_mut().apply(EditCommand::AddItem(ItemKind::Risk));
    h.run_steps(2);
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(article.clone())));
    h.run_steps(2);
    // Unsaved work first: the app asks before replacing it.
    assert!(matches!(h.state().modal(), Some(Modal::Unsaved(_))));
    h.run_steps(2); // a new modal measures itself for a frame before it shows
    h.get_by_label("Discard").click();
    h.run_steps(2);
    let nb = h.state().document().notebook();
    assert_eq!(nb.article.title, "Doha talks resume");
    assert_eq!(
        &*nb.article.text,
        "Doha talks resume\n\nThe Taliban returned to Doha."
    );
    assert!(
        h.state().path().is_none(),
        "a new notebook has no file until saved"
    );
}

/// A file dropped from the desktop, as the window system hands it over.
#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn ctrl_e_previews_the_brief_and_exports_a_pdf_then_offers_to_open_it() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("exported-brief");
    let (_d, _path, mut h) =
        open_worked_example(ScriptedPicker::new(vec![Some(target.clone())], 0));
    press(&mut h, Modifiers::COMMAND, Key::E);
    h.run_steps(2);
    h.get_by_label_contains("fits");
    h.get_by_label("US Letter").click();
    h.run_steps(2);
    h.get_by_label("PDF…").click();
    let pdf = target.with_extension("pdf");
    step_until(&mut h, "the export", |app| {
        matches!(app.modal(), Some(Modal::Exported { .. }))
    });
    h.run_steps(2);
    h.get_by_label("Brief exported");
    h.get_by_label("Open folder");
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(
        String::from_utf8_lossy(&bytes).contains("612 792"),
        "US Letter media box"
    );
    h.get_by_label("Close").click();
    h.run_steps(2);
    assert!(h.state().modal().is_none());
}

#[test]
fn fixing_the_article_text_reattaches_evidence_and_lists_what_to_review() {
    let (_dir, _path, mut h) = open_worked_example(ScriptedPicker::new(vec![], 0));
    let original = h.state().document().notebook().article.text.clone();
    h.state_mut().apply(FileCommand::EditArticleText);
    h.run_steps(3);
    // Correct a word inside a quoted span, and delete a quoted sentence.
    let corrected = original
        .replacen("still refuses", "still declines", 1)
        .replacen("These disparate goals could hamper peace efforts. ", "", 1);
    match h.state().modal() {
        Some(Modal::EditArticle { .. }) => {}
        other => panic!("expected the article editor, got {other:?}"),
    }
    h.get_by_label("Article text:").focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.step();
    h.get_by_label("Article text:").type_text(&corrected);
    h.run_steps(2);
    h.get_by_label("Apply").click();
    h.run_steps(3);
    let nb = h.state().document().notebook().clone();
    assert_eq!(&*nb.article.text, corrected.as_str());
    assert!(
        h.state().status().contains("1 fuzzy, 1 orphaned"),
        "{}",
        h.state().status()
    );
    assert_eq!(nb.all_evidence().count(), 27, "no span is dropped");

    // The Review tab lists both; accept the fuzzy one as it now reads.
    h.get_by_label_contains("Review (2)");
    h.get_by_label("Accept").click();
    h.run_steps(3);
    let fuzzy_left = h
        .state()
        .document()
        .notebook()
        .all_evidence()
        .filter(|(_, e)| e.status == briefing_core::model::AnchorStatus::Fuzzy)
        .count();
    assert_eq!(fuzzy_left, 0);
    h.get_by_label_contains("Review (1)");

    // Undo twice: the accept, then the whole text change.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().document().notebook().article.text, original);
    assert!(
        h.state()
            .document()
            .notebook()
            .all_evidence()
            .all(|(_, e)| e.status == briefing_core::model::AnchorStatus::Exact)
    );
}

/// Finished recovery files (not the temporary file of a write in progress).
fn recovery_files(home: &std::path::Path) -> Vec<PathBuf> {
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
    let app = BriefingApp::new(
        AppDirs::under(&home),
        ScriptedPicker::new(vec![], 0),
        Some(path.clone()),
    );
    let mut h = harness(app);
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
    let app = BriefingApp::new(AppDirs::under(&home), ScriptedPicker::new(vec![], 0), None);
    let mut h = harness(app);
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
        let app = BriefingApp::new(AppDirs::under(&home), ScriptedPicker::new(vec![], 0), None);
        let mut h = harness(app);
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

#[test]
fn a_save_that_fails_keeps_the_changes_and_says_why() {
    let root = tempfile::tempdir().unwrap();
    let work = root.path().join("work");
    std::fs::create_dir(&work).unwrap();
    let path = work.join("notebook.ron");
    std::fs::copy(WORKED_EXAMPLE, &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let app = BriefingApp::new(
        AppDirs::under(&root.path().join("home")),
        ScriptedPicker::new(vec![], 0),
        Some(path.clone()),
    );
    let mut h = harness(app);
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
        5,
        "the change is still in memory"
    );
    std::fs::rename(&away, &work).unwrap();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the old file is untouched"
    );
}

#[test]
fn an_actors_mentions_can_be_stepped_through_and_one_click_makes_evidence() {
    let (_dir, _path, mut h) = open_worked_example(ScriptedPicker::new(vec![], 0));
    let id = h
        .state()
        .document()
        .notebook()
        .actors
        .iter()
        .find(|a| a.name == "Kyrgyzstan")
        .unwrap()
        .id;
    let text = h.state().document().notebook().article.text.clone();
    // Its name and its alias (the president's name) both count.
    let count = text.matches("Kyrgyzstan").count() + text.matches("Sooronbay Jeenbekov").count();
    assert_eq!(h.state().mentions_of(id).len(), count);
    h.state_mut().apply(ViewCommand::Focus(ItemRef {
        kind: ItemKind::Actor,
        id,
    }));
    h.run_steps(10);
    h.get_by_label("Next mention").click();
    h.run_steps(2);
    h.get_by_label("Next mention").click();
    h.run_steps(2);
    h.get_by_label(&format!("2 of {count}"));
    let (s, e) = h.state_mut().article_view().selection().unwrap();
    assert_eq!(
        text.chars().skip(s).take(e - s).collect::<String>(),
        "Kyrgyzstan"
    );
    let before = h
        .state()
        .document()
        .notebook()
        .actor(id)
        .unwrap()
        .evidence
        .len();
    h.get_by_label("Attach as evidence").click();
    h.run_steps(2);
    let actor = h.state().document().notebook().actor(id).unwrap().clone();
    assert_eq!(actor.evidence.len(), before + 1);
    assert_eq!(
        (
            actor.evidence.last().unwrap().start,
            actor.evidence.last().unwrap().end
        ),
        (s, e)
    );
}

#[test]
fn the_review_panel_flags_vague_judgments_and_claims_without_evidence() {
    let (_dir, _path, mut h) = open_worked_example(ScriptedPicker::new(vec![], 0));
    // The worked example gives a reviewer nothing to ask.
    h.get_by_label("Review").click();
    h.run_steps(2);
    h.get_by_label_contains("Nothing to review");
    // A vague bottom line, and a new actor with no evidence named in it.
    h.state_mut()
        .apply(Command::from(briefing_core::model::Edit::SetText(
            briefing_core::model::TextField::BottomLine,
            "Moscow could gain the upper hand; Ismail Khan will follow.".into(),
        )));
    let id = h.state_mut().document().notebook().next_id;
    h.state_mut()
        .apply(Command::from(briefing_core::model::Edit::AddItem {
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
    let (_dir, _path, mut h) = open_worked_example(ScriptedPicker::new(vec![], 0));
    // Two sentences ("the U.S." ends neither): no warning in either tab.
    h.get_by_label("Brief").click();
    h.run_steps(2);
    h.get_by_label("Bottom line");
    assert!(h.query_by_label_contains("sentences:").is_none());
    assert!(h.query_by_label_contains("Review:").is_none());
    h.get_by_label("Review").click();
    h.run_steps(2);
    h.get_by_label_contains("Nothing to review");

    h.state_mut()
        .apply(Command::from(briefing_core::model::Edit::SetText(
            briefing_core::model::TextField::BottomLine,
            "Russia gains ground. The U.S. leaves. Kabul is excluded. Talks will stall.".into(),
        )));
    h.run_steps(2);
    h.get_by_label_contains("Judgments (1)");
    h.get_by_label(TOO_LONG);
    h.get_by_label("Brief").click();
    h.run_steps(2);
    h.get_by_label(&format!("Review: {TOO_LONG}"));
}

#[test]
fn suggested_actors_can_be_accepted_merged_and_dismissed() {
    let dir = tempfile::tempdir().unwrap();
    // A fresh start: the sample article, no actors yet.
    let app = BriefingApp::new(
        AppDirs::under(&dir.path().join("home")),
        ScriptedPicker::new(vec![], 0),
        None,
    );
    let mut h = harness(app);
    h.get_by_label_contains("Actors (0)").click();
    h.run_steps(3);
    h.get_by_label_contains("Suggested from the article (25)");
    // Accept the first suggestion (the most mentioned: Afghanistan).
    h.get_all_by_label("Accept").next().unwrap().click();
    h.run_steps(3);
    let nb = h.state().document().notebook().clone();
    assert_eq!(nb.actors.len(), 1);
    let first = &nb.actors[0];
    assert_eq!(first.name, "Afghanistan");
    assert_eq!(first.kind, briefing_core::model::ActorKind::State);
    assert!(first.aliases.contains(&"Afghan".to_owned()));
    assert_eq!(first.evidence.len(), 1, "its first mention is evidence");
    h.get_by_label_contains("Suggested from the article (24)");
    // Dismiss one: it is remembered in the notebook. (The new actor's card scrolled into
    // view first; let that settle.)
    h.run_steps(10);
    h.get_all_by_label("Dismiss")
        .find(|n| n.rect().min.y > 120.0 && n.rect().max.y < 770.0)
        .expect("a Dismiss button in view")
        .click();
    h.run_steps(3);
    assert_eq!(
        h.state().document().notebook().dismissed_suggestions.len(),
        1
    );
    h.get_by_label_contains("Suggested from the article (23)");
    // Undo brings the dismissed one back: every change is undoable.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(
        h.state()
            .document()
            .notebook()
            .dismissed_suggestions
            .is_empty()
    );
    // Merge: an actor the analyst made by hand takes the suggestion's names and a mention.
    let id = h.state().document().notebook().next_id;
    h.state_mut()
        .apply(Command::from(briefing_core::model::Edit::AddItem {
            kind: ItemKind::Actor,
            id,
            name: "Lavrov".into(),
            evidence: None,
        }));
    let article = h.state().document().notebook().article.clone();
    let lavrov = briefing_core::suggest::suggest(&article, &[])
        .into_iter()
        .find(|s| s.name == "Sergei Lavrov")
        .unwrap();
    h.state_mut()
        .apply(EditCommand::MergeSuggestion(lavrov, id));
    h.run_steps(2);
    let merged = h.state().document().notebook().actor(id).unwrap().clone();
    assert_eq!(merged.name, "Lavrov");
    assert_eq!(
        merged.aliases,
        vec!["Sergei Lavrov".to_owned()],
        "no duplicate of its own name"
    );
    assert_eq!(merged.evidence.len(), 1);
}

#[test]
fn dragging_a_marker_on_the_risk_matrix_re_rates_the_risk_and_clicking_selects_it() {
    let (_dir, _path, mut h) = open_worked_example(ScriptedPicker::new(vec![], 0));
    h.get_by_label_contains("Risks (4)").click();
    h.run_steps(3);
    let risk = h.state().document().notebook().risks[0].clone();
    assert_eq!((risk.likelihood, risk.impact), (4, 4));
    let marker = h
        .get_by_label_contains("Risk 1: Russo-American rivalry")
        .rect();
    let from = marker.center();
    // One cell is at most 52 points: one to the right (impact 5), two down (likelihood 2).
    let to = from + egui::vec2(52.0, 104.0);
    h.hover_at(from);
    h.step();
    mouse_button(&mut h, from, true);
    for k in 1..=6 {
        h.hover_at(from + (to - from) * (k as f32 / 6.0));
        h.step();
    }
    mouse_button(&mut h, to, false);
    h.run_steps(2);
    let rerated = h.state().document().notebook().risks[0].clone();
    assert_eq!((rerated.likelihood, rerated.impact), (2, 5));
    // One undo step brings both numbers back.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    let back = h.state().document().notebook().risks[0].clone();
    assert_eq!((back.likelihood, back.impact), (4, 4));
    h.run_steps(2);
    h.get_by_label_contains("Risk 2: Kabul sidelined").click();
    h.run_steps(2);
    assert_eq!(
        h.state().focus(),
        Some(ItemRef {
            kind: ItemKind::Risk,
            id: h.state().document().notebook().risks[1].id
        })
    );
}

/// A clipboard holding what a test puts there.
struct FakeClipboard(briefing_ui::clipboard::ClipboardContent);

impl briefing_ui::clipboard::ClipboardSource for FakeClipboard {
    fn read(&mut self) -> briefing_ui::clipboard::ClipboardContent {
        self.0.clone()
    }
}

fn clipboard_app(html: Option<&str>, text: Option<&str>) -> Harness<'static, BriefingApp> {
    let dir = tempfile::tempdir().unwrap();
    let app = BriefingApp::new(
        AppDirs::under(&dir.path().join("home")),
        ScriptedPicker::new(vec![], 0),
        None,
    )
    .with_clipboard(FakeClipboard(briefing_ui::clipboard::ClipboardContent {
        html: html.map(str::to_owned),
        text: text.map(str::to_owned),
    }));
    harness(app)
}

#[test]
fn new_from_clipboard_takes_a_copied_web_article_or_plain_text() {
    let page = "<html><head><title>Doha talks</title></head><body><nav><a href='/'>Home</a></nav><article><h1>Doha talks resume</h1><p>The Taliban and U.S. envoys met again in Doha on Monday, officials said.</p><p>Kabul was not invited, which its ministers criticised.</p></article></body></html>";
    let mut h = clipboard_app(
        Some(page),
        Some("Doha talks resume The Taliban and U.S. envoys…"),
    );
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("New from clipboard").click();
    h.run_steps(3);
    let nb = h.state().document().notebook();
    assert_eq!(
        nb.article.title, "Doha talks resume",
        "the headline, not the tab title"
    );
    assert_eq!(
        &*nb.article.text,
        "Doha talks resume\nThe Taliban and U.S. envoys met again in Doha on Monday, officials said.\nKabul was not invited, which its ministers criticised."
    );
    assert_eq!(nb.article.imported_from.as_deref(), Some("clipboard"));

    let mut h = clipboard_app(
        None,
        Some("Kabul sidelined\r\n\r\nThe government was not at the table."),
    );
    h.state_mut().apply(FileCommand::NewFromClipboard);
    h.run_steps(2);
    let nb = h.state().document().notebook();
    assert_eq!(nb.article.title, "Kabul sidelined");
    assert_eq!(
        &*nb.article.text,
        "Kabul sidelined\n\nThe government was not at the table."
    );

    let mut h = clipboard_app(None, None);
    h.state_mut().apply(FileCommand::NewFromClipboard);
    h.run_steps(3);
    match h.state().modal() {
        Some(Modal::Error(m)) => assert!(m.contains("clipboard holds no text"), "{m}"),
        other => panic!("expected an error, got {other:?}"),
    }
}

#[test]
fn a_risk_marker_can_be_moved_from_the_keyboard() {
    let (_dir, _path, mut h) = open_worked_example(ScriptedPicker::new(vec![], 0));
    h.get_by_label_contains("Risks (4)").click();
    h.run_steps(3);
    h.get_by_label_contains("Risk 3: Larger Russian military footprint")
        .focus();
    h.run_steps(1);
    press(&mut h, Modifiers::NONE, Key::ArrowUp);
    press(&mut h, Modifiers::NONE, Key::ArrowRight);
    let r = h.state().document().notebook().risks[2].clone();
    assert_eq!(
        (r.likelihood, r.impact),
        (4, 4),
        "from 3/3: one up, one right"
    );
}

#[test]
fn screen_readers_get_the_article_text_on_screen() {
    let (_dir, _path, h) = open_worked_example(ScriptedPicker::new(vec![], 0));
    let value = h.get_by_label("Article text").value().unwrap_or_default();
    assert!(
        value.contains("Russian Foreign Minister Sergei Lavrov embarked"),
        "{value:?}"
    );
}
