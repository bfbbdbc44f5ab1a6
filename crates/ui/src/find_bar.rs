//! Ctrl+F: find words in every source, with next/previous and a match count; stepping
//! past the last match in the source shown goes on into the next source that has one.

use super::icons::{Icon, icon_button};
use briefing_core::model::{Id, Source};
use briefing_core::search::find_all;
use egui::{Key, TextEdit, Ui};
use std::sync::Arc;

/// The find bar's state.
#[derive(Default)]
pub struct FindBar {
    /// Shown above the article.
    pub open: bool,
    query: String,
    /// The query and the texts (by address) the matches were found in.
    searched: Option<(String, Vec<usize>)>,
    /// Every match, source by source in list order, each in text order.
    matches: Vec<(Id, usize, usize)>,
    /// Per source, the chars of its matches (for highlighting the source shown).
    ranges: Vec<(Id, Vec<(usize, usize)>)>,
    /// Index of the current match in `matches`.
    current: Option<usize>,
    focus_next_frame: bool,
}

impl FindBar {
    /// Opens the bar and puts the cursor in it.
    pub fn open(&mut self) {
        self.open = true;
        self.focus_next_frame = true;
    }

    /// Match ranges in `source` (empty when closed).
    pub fn matches(&self, source: Id) -> &[(usize, usize)] {
        if !self.open {
            return &[];
        }
        self.ranges
            .iter()
            .find(|(id, _)| *id == source)
            .map_or(&[], |(_, r)| r.as_slice())
    }

    /// Index of the current match among `source`'s matches.
    pub fn current(&self, source: Id) -> Option<usize> {
        let c = self.current.filter(|_| self.open)?;
        let (id, ..) = *self.matches.get(c)?;
        (id == source).then(|| self.matches[..c].iter().filter(|m| m.0 == source).count())
    }

    /// Draws the bar; returns a match (its source and chars) to select and show when the
    /// user moved to one. `shown` is the source the reader shows: the first step starts there.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        sources: &[Source],
        shown: Id,
    ) -> Option<(Id, usize, usize)> {
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
            let ptrs: Vec<usize> = sources
                .iter()
                .map(|s| Arc::as_ptr(&s.article.text) as *const u8 as usize)
                .collect();
            let stale = self.searched.as_ref() != Some(&(self.query.clone(), ptrs.clone()));
            if stale {
                self.search(sources);
                self.searched = Some((self.query.clone(), ptrs));
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
            let count = match self.ranges.len() {
                0 | 1 => count,
                k => format!("{count}, {k} sources"),
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
        // The first step starts in the source shown.
        let start = self.matches.iter().position(|m| m.0 == shown).unwrap_or(0);
        let next = match (self.current, step) {
            (None, s) if s < 0 => (start + n - 1) % n,
            (None, _) => start,
            (Some(c), 0) => c,
            (Some(c), s) => (c as isize + s).rem_euclid(n as isize) as usize,
        };
        self.current = Some(next);
        self.matches.get(next).copied()
    }

    /// Finds the query in every source.
    fn search(&mut self, sources: &[Source]) {
        self.matches.clear();
        self.ranges.clear();
        for source in sources {
            let found = find_all(&source.article.text, &self.query);
            if found.is_empty() {
                continue;
            }
            self.matches
                .extend(found.iter().map(|&(a, b)| (source.id, a, b)));
            self.ranges.push((source.id, found));
        }
    }
}
