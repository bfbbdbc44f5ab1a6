//! The article reader: one galley per paragraph, only visible paragraphs painted, with
//! its own selection (mouse and keyboard), evidence highlights, find matches and flashes.
//!
//! egui's `TextEdit` would give selection for free, but lays the whole text out as one
//! galley (slow on long reports) and cannot space paragraphs or style the title.

use super::theme;
use crate::model::{ItemKind, ItemRef};
use eframe::egui::{
    self, Color32, CursorIcon, EventFilter, FontFamily, FontId, Galley, Key, Pos2, Rect,
    ScrollArea, Sense, Stroke, TextFormat, Ui, Vec2, pos2, text::CCursor, text::CharIndex,
    text::LayoutJob, vec2,
};
use std::sync::Arc;

/// A span to paint behind the text.
#[derive(Clone, Copy, Debug)]
pub struct Highlight {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// The item the span is evidence for.
    pub item: ItemRef,
    /// Drawn stronger (the item is in focus).
    pub emphasised: bool,
}

/// What the view needs to draw a frame.
pub struct ArticleInput<'a> {
    /// The article text.
    pub text: &'a Arc<str>,
    /// The article's title: a first paragraph equal to it is set as a heading.
    pub title: &'a str,
    /// Evidence spans.
    pub highlights: &'a [Highlight],
    /// Find matches, and which one is current.
    pub find: &'a [(usize, usize)],
    /// Index into `find` of the current match.
    pub current_find: Option<usize>,
    /// A span to flash, with its strength (1 = full, fading to 0).
    pub flash: Option<(usize, usize, f32)>,
    /// Names an item for the hover tooltip.
    pub describe: &'a dyn Fn(ItemRef) -> String,
}

/// What happened in the view this frame.
#[derive(Default, Debug)]
pub struct ArticleOutput {
    /// A highlight was clicked (without dragging a selection).
    pub clicked_item: Option<ItemRef>,
}

#[derive(Clone, Debug)]
struct Paragraph {
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
}

struct Layout {
    text: Arc<str>,
    width: f32,
    dark: bool,
    title_family: FontFamily,
    paragraphs: Vec<Paragraph>,
    galleys: Vec<Arc<Galley>>,
    tops: Vec<f32>,
    height: f32,
}

/// The reader's state: layout cache, selection and pending scroll.
pub struct ArticleView {
    id: egui::Id,
    layout: Option<Layout>,
    anchor: Option<usize>,
    cursor: usize,
    pending_reveal: Option<usize>,
    viewport_height: f32,
    /// Screen position of the text column's top-left in the last frame.
    last_origin: Pos2,
}

impl Default for ArticleView {
    fn default() -> Self {
        Self {
            id: egui::Id::unique("article-view"),
            layout: None,
            anchor: None,
            cursor: 0,
            pending_reveal: None,
            viewport_height: 600.0,
            last_origin: Pos2::ZERO,
        }
    }
}

impl ArticleView {
    /// The selected char range, sorted, when it is not empty.
    pub fn selection(&self) -> Option<(usize, usize)> {
        let anchor = self.anchor?;
        let (a, b) = (anchor.min(self.cursor), anchor.max(self.cursor));
        (a < b).then_some((a, b))
    }

    /// Selects a char range (e.g. a find match, or from tests).
    pub fn set_selection(&mut self, start: usize, end: usize) {
        self.anchor = Some(start);
        self.cursor = end;
    }

    /// Clears the selection.
    pub fn clear_selection(&mut self) {
        self.anchor = None;
    }

    /// Scrolls so that char `pos` is in view on the next frame.
    pub fn reveal(&mut self, pos: usize) {
        self.pending_reveal = Some(pos);
    }

    /// Forgets the layout (the text or its style changed).
    pub fn invalidate(&mut self) {
        self.layout = None;
        self.anchor = None;
        self.cursor = 0;
    }

    /// Where char `pos` was drawn in the last frame, in screen coordinates.
    pub fn screen_rect_of_char(&self, pos: usize) -> Option<Rect> {
        self.rect_of_char(pos)
            .map(|r| r.translate(self.last_origin.to_vec2()))
    }

    /// The widget id (for focus).
    pub fn id(&self) -> egui::Id {
        self.id
    }

    /// Draws the article and handles pointer and keyboard input.
    pub fn show(&mut self, ui: &mut Ui, input: &ArticleInput<'_>) -> ArticleOutput {
        let full_width = ui.available_width();
        let margin = 24.0;
        let text_width = (full_width - 2.0 * margin).clamp(120.0, theme::ARTICLE_MAX_WIDTH);
        self.ensure_layout(ui, input, text_width);
        let Some(layout) = &self.layout else {
            return ArticleOutput::default();
        };
        let content_height = layout.height + 2.0 * margin;

        let mut area = ScrollArea::vertical()
            .id_salt("article-scroll")
            .auto_shrink(false);
        if let Some(pos) = self.pending_reveal.take()
            && let Some(y) = self.y_of_char(pos)
        {
            area = area.vertical_scroll_offset((y + margin - self.viewport_height / 3.0).max(0.0));
        }
        let output = area.show_viewport(ui, |ui, viewport| {
            self.viewport_height = viewport.height();
            let (rect, response) =
                ui.allocate_exact_size(vec2(full_width, content_height), Sense::click_and_drag());
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Document, true, "Article text")
            });
            let origin = pos2(
                rect.min.x + ((full_width - text_width) / 2.0).max(margin),
                rect.min.y + margin,
            );
            self.last_origin = origin;
            let mut out = ArticleOutput::default();
            self.handle_pointer(ui, &response, origin, input, &mut out);
            self.handle_keys(ui, &response);
            self.paint(ui, origin, viewport.translate(rect.min.to_vec2()), input);
            out
        });
        output.inner
    }

    fn ensure_layout(&mut self, ui: &Ui, input: &ArticleInput<'_>, width: f32) {
        let dark = ui.visuals().dark_mode;
        let title_family = super::fonts::bold(ui.ctx());
        if let Some(l) = &self.layout
            && Arc::ptr_eq(&l.text, input.text)
            && (l.width - width).abs() < 0.5
            && l.dark == dark
            && l.title_family == title_family
        {
            return;
        }
        // Panels around the article may still be settling this frame: draw once more so
        // the text ends up laid out for the final width.
        ui.ctx().request_repaint();
        let text = input.text;
        let paragraphs = split_paragraphs(text);
        let text_color = theme::reading_color(dark);
        let strong_color = ui.visuals().strong_text_color();
        let mut galleys = Vec::with_capacity(paragraphs.len());
        let mut tops = Vec::with_capacity(paragraphs.len());
        let mut y = 0.0;
        for (i, p) in paragraphs.iter().enumerate() {
            let para_text = &text[p.byte_start..p.byte_end];
            let is_title =
                i == 0 && !input.title.is_empty() && para_text.trim() == input.title.trim();
            let (font_id, color) = if is_title {
                (
                    FontId::new(theme::ARTICLE_TITLE_SIZE, title_family.clone()),
                    strong_color,
                )
            } else {
                (FontId::proportional(theme::ARTICLE_BODY_SIZE), text_color)
            };
            let size = font_id.size;
            let mut job = LayoutJob::single_section(
                para_text.to_owned(),
                TextFormat {
                    font_id,
                    color,
                    line_height: Some(size * 1.5),
                    ..TextFormat::default()
                },
            );
            job.wrap.max_width = width;
            let galley = ui.painter().layout_job(job);
            tops.push(y);
            y += galley.size().y + theme::PARAGRAPH_GAP * if is_title { 1.5 } else { 1.0 };
            galleys.push(galley);
        }
        self.layout = Some(Layout {
            text: text.clone(),
            width,
            dark,
            title_family,
            paragraphs,
            galleys,
            tops,
            height: y,
        });
        if let Some(a) = self.anchor {
            let len = text.chars().count();
            self.anchor = Some(a.min(len));
            self.cursor = self.cursor.min(len);
        }
    }

    /// Char offset under a point given relative to the text column's top-left.
    fn char_at(&self, p: Vec2) -> usize {
        let Some(l) = &self.layout else { return 0 };
        if l.paragraphs.is_empty() {
            return 0;
        }
        let i = l.tops.partition_point(|&top| top <= p.y).saturating_sub(1);
        let para = &l.paragraphs[i];
        let local = p - vec2(0.0, l.tops[i]);
        if local.y > l.galleys[i].size().y {
            return para.end;
        }
        let c = l.galleys[i].cursor_from_pos(local);
        para.start + c.index.0.min(para.end - para.start)
    }

    /// Rect of char `pos` relative to the text column's top-left.
    fn rect_of_char(&self, pos: usize) -> Option<Rect> {
        let l = self.layout.as_ref()?;
        let i = l
            .paragraphs
            .partition_point(|p| p.end < pos)
            .min(l.paragraphs.len().checked_sub(1)?);
        let para = &l.paragraphs[i];
        let local = pos.clamp(para.start, para.end) - para.start;
        let r = l.galleys[i].pos_from_cursor(CCursor::new(local));
        Some(r.translate(vec2(0.0, l.tops[i])))
    }

    fn y_of_char(&self, pos: usize) -> Option<f32> {
        self.rect_of_char(pos).map(|r| r.min.y)
    }

    fn highlights_at(input: &ArticleInput<'_>, pos: usize) -> Vec<ItemRef> {
        let mut hits: Vec<&Highlight> = input
            .highlights
            .iter()
            .filter(|h| h.start <= pos && pos < h.end)
            .collect();
        // The shortest span is the most specific one.
        hits.sort_by_key(|h| h.end - h.start);
        let mut items: Vec<ItemRef> = Vec::new();
        for h in hits {
            if !items.contains(&h.item) {
                items.push(h.item);
            }
        }
        items
    }

    fn handle_pointer(
        &mut self,
        ui: &Ui,
        response: &egui::Response,
        origin: Pos2,
        input: &ArticleInput<'_>,
        out: &mut ArticleOutput,
    ) {
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
            && let Some((a, b)) = self.word_around(input.text, self.char_at(p - origin))
        {
            self.set_selection(a, b);
        }
        if let Some(p) = response.hover_pos() {
            let c = self.char_at(p - origin);
            let items = Self::highlights_at(input, c);
            if items.is_empty() {
                ui.ctx().set_cursor_icon(CursorIcon::Text);
            } else {
                ui.ctx().set_cursor_icon(CursorIcon::PointingHand);
                if response.clicked() && self.selection().is_none() {
                    out.clicked_item = items.first().copied();
                }
                if !response.is_pointer_button_down_on() {
                    let text: Vec<String> = items.iter().map(|&i| (input.describe)(i)).collect();
                    egui::Tooltip::always_open(
                        ui.ctx().clone(),
                        ui.layer_id(),
                        self.id.with("hover"),
                        egui::PopupAnchor::Pointer,
                    )
                    .gap(12.0)
                    .show(|ui| {
                        for line in text {
                            ui.label(line);
                        }
                        ui.weak("Click to show in its pane");
                    });
                }
            }
        }
    }

    fn handle_keys(&mut self, ui: &Ui, response: &egui::Response) {
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
                        Key::ArrowLeft if word => self.word_step(&text, self.cursor, false),
                        Key::ArrowRight if word => self.word_step(&text, self.cursor, true),
                        Key::ArrowLeft => Some(self.cursor.saturating_sub(1)),
                        Key::ArrowRight => Some((self.cursor + 1).min(len)),
                        Key::ArrowUp | Key::ArrowDown => self.rect_of_char(self.cursor).map(|r| {
                            let dy = if key == Key::ArrowUp { -0.6 } else { 1.6 } * r.height();
                            self.char_at(vec2(r.center().x, r.min.y + dy))
                        }),
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

    fn paragraph_bound(&self, pos: usize, end: bool) -> usize {
        let Some(l) = &self.layout else { return pos };
        match l.paragraphs.iter().find(|p| p.start <= pos && pos <= p.end) {
            Some(p) if end => p.end,
            Some(p) => p.start,
            None => pos,
        }
    }

    fn word_around(&self, text: &str, pos: usize) -> Option<(usize, usize)> {
        let chars: Vec<char> = text.chars().collect();
        let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
        if !chars.get(pos).is_some_and(|&c| is_word(c)) {
            return None;
        }
        let mut a = pos;
        while a > 0 && is_word(chars[a - 1]) {
            a -= 1;
        }
        let mut b = pos;
        while b < chars.len() && is_word(chars[b]) {
            b += 1;
        }
        Some((a, b))
    }

    fn word_step(&self, text: &str, pos: usize, forward: bool) -> Option<usize> {
        let chars: Vec<char> = text.chars().collect();
        let mut i = pos.min(chars.len());
        if forward {
            while i < chars.len() && !chars[i].is_alphanumeric() {
                i += 1;
            }
            while i < chars.len() && chars[i].is_alphanumeric() {
                i += 1;
            }
        } else {
            while i > 0 && !chars[i - 1].is_alphanumeric() {
                i -= 1;
            }
            while i > 0 && chars[i - 1].is_alphanumeric() {
                i -= 1;
            }
        }
        Some(i)
    }

    fn paint(&self, ui: &Ui, origin: Pos2, visible: Rect, input: &ArticleInput<'_>) {
        let Some(l) = &self.layout else { return };
        let painter = ui.painter();
        let dark = ui.visuals().dark_mode;
        let selection = self.selection();
        let selection_fill = ui.visuals().selection.bg_fill.gamma_multiply(0.6);
        let first = l
            .tops
            .partition_point(|&t| origin.y + t < visible.min.y)
            .saturating_sub(1);
        for i in first..l.paragraphs.len() {
            let top = origin.y + l.tops[i];
            if top > visible.max.y {
                break;
            }
            let para = &l.paragraphs[i];
            let galley = &l.galleys[i];
            let para_origin = pos2(origin.x, top);
            let fill = |a: usize, b: usize, color: Color32, underline: Option<Color32>| {
                if b <= para.start || a >= para.end {
                    return;
                }
                let (a, b) = (a.max(para.start) - para.start, b.min(para.end) - para.start);
                for r in range_rects(galley, a, b) {
                    let r = r.translate(para_origin.to_vec2());
                    painter.rect_filled(r, 2.0, color);
                    if let Some(u) = underline {
                        painter
                            .line_segment([r.left_bottom(), r.right_bottom()], Stroke::new(2.0, u));
                    }
                }
            };
            for h in input.highlights {
                let underline = h.emphasised.then(|| theme::kind_color(h.item.kind));
                fill(
                    h.start,
                    h.end,
                    theme::evidence_fill(h.item.kind, dark),
                    underline,
                );
            }
            for (n, &(a, b)) in input.find.iter().enumerate() {
                let color = if Some(n) == input.current_find {
                    theme::FIND_CURRENT_FILL
                } else {
                    theme::FIND_FILL
                };
                fill(a, b, color, None);
            }
            if let Some((a, b, strength)) = input.flash {
                let c = theme::kind_color(ItemKind::Risk).gamma_multiply(0.8 * strength);
                fill(a, b, c, None);
            }
            if let Some((a, b)) = selection {
                fill(a, b, selection_fill, None);
            }
            painter.galley(para_origin, galley.clone(), theme::reading_color(dark));
        }
        if ui.memory(|m| m.has_focus(self.id)) && selection.is_none() {
            // A thin caret shows where keyboard selection starts.
            if let Some(r) = self.rect_of_char(self.cursor) {
                let r = r.translate(origin.to_vec2());
                painter.line_segment(
                    [r.left_top(), r.left_bottom()],
                    Stroke::new(1.5, ui.visuals().text_cursor.stroke.color),
                );
            }
        }
    }
}

/// Splits the text at newlines into non-empty paragraphs (char and byte ranges).
fn split_paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut char_pos = 0;
    let mut byte_pos = 0;
    for line in text.split('\n') {
        let chars = line.chars().count();
        if !line.trim().is_empty() {
            out.push(Paragraph {
                start: char_pos,
                end: char_pos + chars,
                byte_start: byte_pos,
                byte_end: byte_pos + line.len(),
            });
        }
        char_pos += chars + 1;
        byte_pos += line.len() + 1;
    }
    out
}

/// Rectangles (relative to the galley) covering chars `a..b` of a one-paragraph galley.
fn range_rects(galley: &Galley, a: usize, b: usize) -> Vec<Rect> {
    let mut rects = Vec::new();
    let mut row_start = 0;
    for placed in &galley.rows {
        let row = &placed.row;
        let count = row.char_count_excluding_newline().0;
        let (s, e) = (a.max(row_start), b.min(row_start + count));
        if s < e {
            let x = |i: usize| row.x_offset(CharIndex(i));
            let rect = placed.rect();
            rects.push(Rect::from_min_max(
                pos2(placed.pos.x + x(s - row_start), rect.min.y),
                pos2(placed.pos.x + x(e - row_start), rect.max.y),
            ));
        }
        row_start += placed.char_count_including_newline().0;
    }
    rects
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_skip_blank_lines_and_keep_offsets() {
        let text = "Title\n\nПервый абзац.\nSecond";
        let p = split_paragraphs(text);
        assert_eq!(p.len(), 3);
        assert_eq!((p[1].start, p[1].end), (7, 20));
        assert_eq!(&text[p[1].byte_start..p[1].byte_end], "Первый абзац.");
        assert_eq!((p[2].start, p[2].end), (21, 27));
    }
}
