//! Colours, type sizes and keyboard shortcuts, in one place.

use briefing_core::model::ItemKind;
use egui::{Color32, Key, KeyboardShortcut, Modifiers};

/// Body text size of the article, in points.
pub const ARTICLE_BODY_SIZE: f32 = 16.0;
/// Size of the article's title.
pub const ARTICLE_TITLE_SIZE: f32 = 24.0;
/// Widest line of article text, in points (about 75 characters: comfortable reading).
pub const ARTICLE_MAX_WIDTH: f32 = 680.0;
/// Space between paragraphs.
pub const PARAGRAPH_GAP: f32 = 12.0;

/// Colour of the article's body text: more contrast than egui's default label grey.
pub fn reading_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(222)
    } else {
        Color32::from_gray(24)
    }
}

/// Highlight fill for evidence of a kind (translucent, so text stays readable).
pub fn evidence_fill(kind: ItemKind, dark: bool) -> Color32 {
    let (r, g, b) = kind_rgb(kind);
    let alpha = if dark { 70 } else { 60 };
    Color32::from_rgba_unmultiplied(r, g, b, alpha)
}

/// Solid colour of a kind, for badges and the focused item's highlights.
pub fn kind_color(kind: ItemKind) -> Color32 {
    let (r, g, b) = kind_rgb(kind);
    Color32::from_rgb(r, g, b)
}

fn kind_rgb(kind: ItemKind) -> (u8, u8, u8) {
    match kind {
        ItemKind::Actor => (66, 133, 244),
        ItemKind::Stake => (52, 168, 83),
        ItemKind::Risk => (234, 110, 30),
    }
}

/// Fill of find matches.
pub const FIND_FILL: Color32 = Color32::from_rgba_premultiplied(120, 110, 0, 110);
/// Fill of the current find match.
pub const FIND_CURRENT_FILL: Color32 = Color32::from_rgba_premultiplied(200, 150, 0, 170);

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};
const CMD_ALT: Modifiers = Modifiers {
    alt: true,
    ..Modifiers::COMMAND
};

/// New notebook from an article.
pub const NEW: KeyboardShortcut = KeyboardShortcut::new(CMD, Key::N);
/// Open a notebook or article.
pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(CMD, Key::O);
/// Add articles as sources of the open notebook.
pub const ADD_SOURCES: KeyboardShortcut = KeyboardShortcut::new(CMD_SHIFT, Key::O);
/// Save.
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(CMD, Key::S);
/// Save as.
pub const SAVE_AS: KeyboardShortcut = KeyboardShortcut::new(CMD_SHIFT, Key::S);
/// Quit.
pub const QUIT: KeyboardShortcut = KeyboardShortcut::new(CMD, Key::Q);
/// Undo.
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(CMD, Key::Z);
/// Redo.
pub const REDO: KeyboardShortcut = KeyboardShortcut::new(CMD_SHIFT, Key::Z);
/// Redo, the other common binding.
pub const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(CMD, Key::Y);
/// Find in the article.
pub const FIND: KeyboardShortcut = KeyboardShortcut::new(CMD, Key::F);
/// Show the brief preview and export.
pub const EXPORT: KeyboardShortcut = KeyboardShortcut::new(CMD, Key::E);
/// Attach the selection to the item in focus.
pub const ATTACH: KeyboardShortcut = KeyboardShortcut::new(CMD, Key::D);
/// New actor from the selection.
pub const NEW_ACTOR: KeyboardShortcut = KeyboardShortcut::new(CMD_ALT, Key::A);
/// New stake from the selection.
pub const NEW_STAKE: KeyboardShortcut = KeyboardShortcut::new(CMD_ALT, Key::S);
/// New risk from the selection.
pub const NEW_RISK: KeyboardShortcut = KeyboardShortcut::new(CMD_ALT, Key::R);
