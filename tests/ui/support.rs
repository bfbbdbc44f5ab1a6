//! What the flows share: the worked example in a fresh folder, the app in a headless
//! harness, a scripted file dialog, and the gestures (click, drag, keys) with positions
//! taken from the UI itself.

use briefing_core::model::Id;
use briefing_core::storage::AppDirs;
use briefing_ui::BriefingApp;
use briefing_ui::file_dialog::{FilePicker, PickRequest};
use egui::{Key, Modifiers, PointerButton, Pos2, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

/// The notebook the README walks through (every span exact).
pub const WORKED_EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/saves/lavrov-central-asia-tour.ron"
);

/// The window every flow runs in.
pub const WINDOW: egui::Vec2 = egui::vec2(1280.0, 800.0);

/// Answers file dialogs from a script, at once (as a system with no dialog does, when
/// the answer is `None`).
pub struct ScriptedPicker {
    answers: Mutex<VecDeque<Option<PathBuf>>>,
}

impl ScriptedPicker {
    /// Answers the dialogs in turn; nothing once the script runs out.
    pub fn new(answers: Vec<Option<PathBuf>>) -> Self {
        Self {
            answers: Mutex::new(answers.into()),
        }
    }

    /// A picker for flows that never open a dialog.
    pub fn none() -> Self {
        Self::new(Vec::new())
    }
}

impl FilePicker for ScriptedPicker {
    fn pick(&self, _request: &PickRequest) -> Option<PathBuf> {
        self.answers.lock().ok()?.pop_front().flatten()
    }
}

/// The app with its settings and data under `home`, opening `path` if given.
pub fn app(home: &Path, picker: ScriptedPicker, path: Option<PathBuf>) -> BriefingApp {
    BriefingApp::new(AppDirs::under(home), picker, path)
}

/// The app in a headless window, after its first frames.
pub fn harness(app: BriefingApp) -> Harness<'static, BriefingApp> {
    let mut h = Harness::builder()
        .with_size(WINDOW)
        .build_ui_state(|ui, app: &mut BriefingApp| app.show(ui), app);
    h.run_steps(3);
    h
}

/// A copy of the worked example in a fresh folder, and an app with its settings there.
pub fn open_worked_example(
    picker: ScriptedPicker,
) -> (tempfile::TempDir, PathBuf, Harness<'static, BriefingApp>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notebook.ron");
    std::fs::copy(WORKED_EXAMPLE, &path).unwrap();
    let app = app(&dir.path().join("home"), picker, Some(path.clone()));
    (dir, path, harness(app))
}

/// An app on a generated plain-text article of about `bytes` (many paragraphs).
pub fn open_long_article(bytes: usize) -> (tempfile::TempDir, Harness<'static, BriefingApp>) {
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
    let app = app(&dir.path().join("home"), ScriptedPicker::none(), Some(path));
    (dir, harness(app))
}

/// The char range of the first occurrence of `quote` in the article.
pub fn char_range(app: &BriefingApp, quote: &str) -> (usize, usize) {
    let text = &app.document().notebook().sources[0].article.text;
    let byte = text.find(quote).expect("quote in article");
    let start = text[..byte].chars().count();
    (start, start + quote.chars().count())
}

/// The article's chars `start..end`.
pub fn article_chars(app: &BriefingApp, (start, end): (usize, usize)) -> String {
    let text = &app.document().notebook().sources[0].article.text;
    text.chars().skip(start).take(end - start).collect()
}

/// The reader's selection, as its char range and its text.
pub fn selection(h: &mut Harness<'_, BriefingApp>) -> ((usize, usize), String) {
    let range = h
        .state_mut()
        .article_view()
        .selection()
        .expect("a selection");
    (range, article_chars(h.state(), range))
}

/// The id of the actor called `name`.
pub fn actor_id(app: &BriefingApp, name: &str) -> Id {
    app.document()
        .notebook()
        .actors
        .iter()
        .find(|a| a.name == name)
        .unwrap_or_else(|| panic!("an actor called {name}"))
        .id
}

/// Where the reader drew char `pos` in the last frame.
pub fn char_rect(h: &mut Harness<'_, BriefingApp>, pos: usize) -> Rect {
    h.state_mut()
        .article_view()
        .screen_rect_of_char(pos)
        .unwrap_or_else(|| panic!("char {pos} is drawn"))
}

/// Steps until `cond` holds (file work finishes on other threads), or fails saying `what`.
pub fn step_until(
    h: &mut Harness<'_, BriefingApp>,
    what: &str,
    cond: impl Fn(&BriefingApp) -> bool,
) {
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
pub fn mouse_button(h: &mut Harness<'_, BriefingApp>, pos: Pos2, pressed: bool) {
    h.event(egui::Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    });
    h.step();
}

/// Presses the mouse at the first point, moves through the others a frame each, and
/// releases it at the last.
pub fn drag_through(h: &mut Harness<'_, BriefingApp>, points: &[Pos2]) {
    let (Some(&from), Some(&to)) = (points.first(), points.last()) else {
        return;
    };
    h.hover_at(from);
    h.step();
    mouse_button(h, from, true);
    for &p in &points[1..] {
        h.hover_at(p);
        h.step();
    }
    mouse_button(h, to, false);
    h.run_steps(2);
}

/// Clicks at `pos` (press and release, the pointer there first).
pub fn click_at(h: &mut Harness<'_, BriefingApp>, pos: Pos2) {
    h.hover_at(pos);
    h.step();
    mouse_button(h, pos, true);
    mouse_button(h, pos, false);
    h.run_steps(2);
}

/// Clicks on the article's text, as a reader does before using the keyboard.
pub fn click_in_article(h: &mut Harness<'_, BriefingApp>) {
    let pos = char_rect(h, 30).center();
    click_at(h, pos);
}

/// A key with modifiers, then two frames.
pub fn press(h: &mut Harness<'_, BriefingApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run_steps(2);
}

/// The article's scroll offset and the most it can be.
pub fn scroll(h: &mut Harness<'_, BriefingApp>) -> (f32, f32) {
    h.state_mut().article_view().scroll_position()
}

/// Where the pane's cards scroll: under the pane's add button, above the status bar
/// (with its counts: "12 actors · 4 stakes · ...").
pub fn pane_view(h: &Harness<'_, BriefingApp>) -> Rect {
    let top = h.get_by_label_contains("+ Add ").rect().max.y;
    let bottom = h.get_by_label_contains(" stakes · ").rect().min.y;
    Rect::from_x_y_ranges(0.0..=WINDOW.x, top..=bottom)
}

/// A file dropped from the desktop, as the window system hands it over.
#[derive(Debug)]
pub struct DroppedPath(pub PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}
