//! Ctrl+F: find words in the article, with next/previous and a match count.

use super::icons::{Icon, icon_button};
use briefing_core::search::find_all;
use egui::{Key, TextEdit, Ui};
use std::sync::Arc;

/// The find bar's state.
#[derive(Default)]
pub struct FindBar {
    /// Shown above the article.
    pub open: bool,
    query: String,
    searched: Option<(String, usize)>,
    matches: Vec<(usize, usize)>,
    current: Option<usize>,
    focus_next_frame: bool,
}

impl FindBar {
    /// Opens the bar and puts the cursor in it.
    pub fn open(&mut self) {
        self.open = true;
        self.focus_next_frame = true;
    }

    /// Match ranges (empty when closed).
    pub fn matches(&self) -> &[(usize, usize)] {
        if self.open { &self.matches } else { &[] }
    }

    /// Index of the current match.
    pub fn current(&self) -> Option<usize> {
        self.current.filter(|_| self.open)
    }

    /// Draws the bar; returns a match to select and show when the user moved to one.
    pub fn show(&mut self, ui: &mut Ui, text: &Arc<str>) -> Option<(usize, usize)> {
        if !self.open {
            return None;
        }
        let mut go: Option<isize> = None;
        ui.horizontal(|ui| {
            let label = ui.label("Find:");
            let response = ui
                .add(
                    TextEdit::singleline(&mut self.query)
                        .id_salt("find-query")
                        .hint_text("words in the article")
                        .desired_width(220.0),
                )
                .labelled_by(label.id);
            if self.focus_next_frame {
                response.request_focus();
                self.focus_next_frame = false;
            }
            let enter = ui.input(|i| i.key_pressed(Key::Enter));
            let escape = ui.input(|i| i.key_pressed(Key::Escape));
            if response.lost_focus() && enter {
                go = Some(if ui.input(|i| i.modifiers.shift) {
                    -1
                } else {
                    1
                });
                response.request_focus();
            }
            let ptr = Arc::as_ptr(text) as *const u8 as usize;
            let stale = self.searched.as_ref() != Some(&(self.query.clone(), ptr));
            if stale {
                self.matches = find_all(text, &self.query);
                self.searched = Some((self.query.clone(), ptr));
                self.current = None;
                if !self.matches.is_empty() && response.changed() {
                    go = Some(0);
                }
            }
            let count = match (self.current, self.matches.len()) {
                (_, 0) if self.query.is_empty() => String::new(),
                (_, 0) => "no matches".to_owned(),
                (Some(c), n) => format!("{} of {n}", c + 1),
                (None, n) => format!("{n} matches"),
            };
            let any = !self.matches.is_empty();
            ui.add_enabled_ui(any, |ui| {
                if icon_button(ui, Icon::Up, "Previous match (Shift+Enter)").clicked() {
                    go = Some(-1);
                }
                if icon_button(ui, Icon::Down, "Next match (Enter)").clicked() {
                    go = Some(1);
                }
            });
            ui.label(count);
            if ui.button("Close").on_hover_text("Close (Esc)").clicked()
                || ((response.has_focus() || response.lost_focus()) && escape)
            {
                self.open = false;
            }
        });
        let step = go?;
        let n = self.matches.len();
        if n == 0 || !self.open {
            return None;
        }
        let next = match (self.current, step) {
            (None, s) if s < 0 => n - 1,
            (None, _) => 0,
            (Some(c), 0) => c,
            (Some(c), s) => (c as isize + s).rem_euclid(n as isize) as usize,
        };
        self.current = Some(next);
        Some(self.matches[next])
    }
}
