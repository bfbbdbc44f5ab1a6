//! New notebooks from outside: a file dropped on the window (after asking about unsaved
//! work), and a web article or plain text on the clipboard.

use crate::support::{DroppedPath, ScriptedPicker, app, harness, open_worked_example};
use briefing_core::model::ItemKind;
use briefing_ui::BriefingApp;
use briefing_ui::clipboard::{ClipboardContent, ClipboardSource};
use briefing_ui::command::{EditCommand, FileCommand};
use briefing_ui::modals::Modal;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[test]
fn dropping_an_article_on_the_window_starts_a_new_notebook_after_asking() {
    let (dir, _path, mut h) = open_worked_example(ScriptedPicker::none());
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
    assert_eq!(nb.sources[0].article.title, "Doha talks resume");
    assert_eq!(
        &*nb.sources[0].article.text,
        "Doha talks resume\n\nThe Taliban returned to Doha."
    );
    assert!(
        h.state().path().is_none(),
        "a new notebook has no file until saved"
    );
}

/// A clipboard holding what a test puts there.
struct FakeClipboard(ClipboardContent);

impl ClipboardSource for FakeClipboard {
    fn read(&mut self) -> ClipboardContent {
        self.0.clone()
    }
}

/// A fresh app whose clipboard holds `html` and `text`.
fn clipboard_app(html: Option<&str>, text: Option<&str>) -> Harness<'static, BriefingApp> {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir.path().join("home"), ScriptedPicker::none(), None).with_clipboard(
        FakeClipboard(ClipboardContent {
            html: html.map(str::to_owned),
            text: text.map(str::to_owned),
        }),
    );
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
        nb.sources[0].article.title, "Doha talks resume",
        "the headline, not the tab title"
    );
    assert_eq!(
        &*nb.sources[0].article.text,
        "Doha talks resume\nThe Taliban and U.S. envoys met again in Doha on Monday, officials said.\nKabul was not invited, which its ministers criticised."
    );
    assert_eq!(
        nb.sources[0].article.imported_from.as_deref(),
        Some("clipboard")
    );

    let mut h = clipboard_app(
        None,
        Some("Kabul sidelined\r\n\r\nThe government was not at the table."),
    );
    h.state_mut().apply(FileCommand::NewFromClipboard);
    h.run_steps(2);
    let nb = h.state().document().notebook();
    assert_eq!(nb.sources[0].article.title, "Kabul sidelined");
    assert_eq!(
        &*nb.sources[0].article.text,
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
