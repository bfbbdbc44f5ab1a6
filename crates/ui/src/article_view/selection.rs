//! The reader's own selection and keys: mouse drag, double-click (a word), shift-click,
//! Shift+arrows (Ctrl/Alt for words), Shift+Home/End, Ctrl+A, Escape, copy; and the
//! reading keys (Page Up/Down, Space/Shift+Space, Home/End, Ctrl+Home/End) that scroll.

use super::ArticleView;
use crate::theme;
use egui::{EventFilter, Key, Modifiers, Pos2, Ui, vec2};

impl ArticleView {
    /// Page Up/Down, Space/Shift+Space, Home/End and Ctrl+Home/End while the article has
    /// focus: the new scroll offset, if one of them was pressed. The keys are consumed, so
    /// Space does not also act as a click.
    pub(super) fn reading_keys(&mut self, ui: &Ui) -> Option<f32> {
        if !ui.memory(|m| m.has_focus(self.id)) {
            return None;
        }
        let l = self.layout.as_ref()?;
        let len = l.paragraphs.last().map_or(0, |p| p.end);
        // A page keeps two lines of the last one in view, as readers do.
        let page = (self.viewport_height - 2.0 * theme::ARTICLE_BODY_SIZE * 1.5).max(40.0);
        let (offset, max) = self.scroll_position();
        // (modifiers, key, jump): a signed number of pages, or the top (-inf) or end (+inf).
        let keys = [
            (Modifiers::NONE, Key::PageDown, 1.0),
            (Modifiers::NONE, Key::Space, 1.0),
            (Modifiers::NONE, Key::PageUp, -1.0),
            (Modifiers::SHIFT, Key::Space, -1.0),
            (Modifiers::NONE, Key::Home, f32::NEG_INFINITY),
            (Modifiers::COMMAND, Key::Home, f32::NEG_INFINITY),
            (Modifiers::NONE, Key::End, f32::INFINITY),
            (Modifiers::COMMAND, Key::End, f32::INFINITY),
        ];
        let mut to = None;
        let mut caret = None;
        ui.input_mut(|i| {
            // Exact modifiers: Shift+Home still extends the selection (handled later).
            i.events.retain(|event| {
                let egui::Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } = event
                else {
                    return true;
                };
                let Some(&(_, _, pages)) = keys
                    .iter()
                    .find(|(m, k, _)| k == key && modifiers.matches_exact(*m))
                else {
                    return true;
                };
                // Key repeats add up within a frame.
                let from = to.unwrap_or(offset);
                to = Some((from + pages * page).clamp(0.0, max));
                // Home and End also take the caret along, so Shift+arrows select from there.
                if pages.is_infinite() {
                    caret = Some(if pages < 0.0 { 0 } else { len });
                }
                false
            });
        });
        let to = to?;
        if let Some(c) = caret {
            self.anchor = None;
            self.cursor = c;
        }
        ui.ctx().request_repaint();
        Some(to)
    }

    /// Mouse selection: a press places the caret (Shift keeps the anchor, extending the
    /// selection), a drag extends it, a double-click selects the word. Clicking or
    /// starting a drag gives the article focus.
    pub(super) fn select_with_pointer(&mut self, ui: &Ui, response: &egui::Response, origin: Pos2) {
        if response.clicked() || response.drag_started() {
            response.request_focus();
        }
        let pressed = ui.input(|i| i.pointer.primary_pressed());
        let shift = ui.input(|i| i.modifiers.shift);
        if response.is_pointer_button_down_on()
            && let Some(p) = response.interact_pointer_pos()
        {
            let c = self.char_at(p - origin);
            if pressed {
                if !(shift && self.anchor.is_some()) {
                    self.anchor = Some(c);
                }
                self.cursor = c;
            } else if response.dragged() {
                self.cursor = c;
            }
        }
        if response.double_clicked()
            && let Some(p) = response.interact_pointer_pos()
            && let Some((a, b)) = self.word_around(self.char_at(p - origin))
        {
            self.set_selection(a, b);
        }
    }

    /// Keyboard selection and copy while the article has focus.
    pub(super) fn handle_keys(&mut self, ui: &Ui, response: &egui::Response) {
        if !response.has_focus() {
            return;
        }
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                self.id,
                EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    ..EventFilter::default()
                },
            )
        });
        let Some(layout) = &self.layout else { return };
        let text = layout.text.clone();
        let len = layout.paragraphs.last().map_or(0, |p| p.end);
        let events = ui.input(|i| i.events.clone());
        for event in events {
            match event {
                egui::Event::Copy => {
                    if let Some((a, b)) = self.selection() {
                        let s: String = text.chars().skip(a).take(b - a).collect();
                        ui.ctx().copy_text(s);
                    }
                }
                egui::Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } => {
                    let word = modifiers.alt || modifiers.command;
                    let target = match key {
                        Key::ArrowLeft if word => Some(self.word_step(self.cursor, false)),
                        Key::ArrowRight if word => Some(self.word_step(self.cursor, true)),
                        Key::ArrowLeft => Some(self.cursor.saturating_sub(1)),
                        Key::ArrowRight => Some((self.cursor + 1).min(len)),
                        Key::ArrowUp | Key::ArrowDown => self.rect_of_char(self.cursor).map(|r| {
                            let dy = if key == Key::ArrowUp { -0.6 } else { 1.6 } * r.height();
                            self.char_at(vec2(r.center().x, r.min.y + dy))
                        }),
                        // Plain Home/End and Ctrl+Home/End scroll (`reading_keys`); with
                        // Shift they select to the paragraph's or the article's bound.
                        Key::Home if modifiers.command => Some(0),
                        Key::End if modifiers.command => Some(len),
                        Key::Home => Some(self.paragraph_bound(self.cursor, false)),
                        Key::End => Some(self.paragraph_bound(self.cursor, true)),
                        Key::A if modifiers.command => {
                            self.set_selection(0, len);
                            None
                        }
                        Key::Escape => {
                            self.anchor = None;
                            None
                        }
                        _ => None,
                    };
                    if let Some(t) = target {
                        if modifiers.shift {
                            self.anchor.get_or_insert(self.cursor);
                        } else {
                            self.anchor = None;
                        }
                        self.cursor = t;
                    }
                }
                _ => {}
            }
        }
    }

    /// The start (or end) of the paragraph holding `pos`.
    fn paragraph_bound(&self, pos: usize, end: bool) -> usize {
        let Some(l) = &self.layout else { return pos };
        match self.paragraph_of(pos).map(|i| &l.paragraphs[i]) {
            Some(p) if end => p.end,
            Some(p) => p.start.min(pos),
            None => pos,
        }
    }

    /// The paragraph holding `pos` as chars, with its first char's offset (word moves
    /// never need the whole text).
    fn paragraph_chars(&self, pos: usize) -> Option<(usize, Vec<char>)> {
        let l = self.layout.as_ref()?;
        let p = &l.paragraphs[self.paragraph_of(pos)?];
        Some((p.start, l.text[p.byte_start..p.byte_end].chars().collect()))
    }

    /// The word around char `pos`, if `pos` is in one (letters, digits, apostrophes,
    /// hyphens).
    fn word_around(&self, pos: usize) -> Option<(usize, usize)> {
        let (base, chars) = self.paragraph_chars(pos)?;
        let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
        let local = pos.checked_sub(base)?;
        if !chars.get(local).is_some_and(|&c| is_word(c)) {
            return None;
        }
        let mut a = local;
        while a > 0 && is_word(chars[a - 1]) {
            a -= 1;
        }
        let mut b = local;
        while b < chars.len() && is_word(chars[b]) {
            b += 1;
        }
        Some((base + a, base + b))
    }

    /// Where Ctrl/Alt+arrow moves the caret: to the next word's end or the previous
    /// word's start, or across a paragraph break.
    fn word_step(&self, pos: usize, forward: bool) -> usize {
        let Some((base, chars)) = self.paragraph_chars(pos) else {
            return pos;
        };
        let mut i = pos.saturating_sub(base).min(chars.len());
        if forward {
            if i == chars.len() {
                return (pos + 1).min(
                    self.layout
                        .as_ref()
                        .map_or(pos, |l| l.paragraphs.last().map_or(pos, |p| p.end)),
                );
            }
            while i < chars.len() && !chars[i].is_alphanumeric() {
                i += 1;
            }
            while i < chars.len() && chars[i].is_alphanumeric() {
                i += 1;
            }
        } else {
            if i == 0 {
                return pos.saturating_sub(1);
            }
            while i > 0 && !chars[i - 1].is_alphanumeric() {
                i -= 1;
            }
            while i > 0 && chars[i - 1].is_alphanumeric() {
                i -= 1;
            }
        }
        base + i
    }
}
