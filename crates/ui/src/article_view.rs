//! The article reader: one galley per paragraph, laid out only when it comes into view
//! (others have estimated heights), only visible paragraphs painted, and laid-out
//! paragraphs evicted least recently shown first under a byte budget; its own selection
//! (mouse and keyboard) and keyboard reading (Page Up/Down, Space, Home/End); evidence
//! highlights, actor mentions, find matches and flashes painted under the text.
//!
//! egui's `TextEdit` would give selection for free, but lays the whole text out as one
//! galley (hundreds of ms per MB) and cannot space paragraphs or style the title.

use super::theme;
use briefing_core::mentions::Mention;
use briefing_core::model::{Id, ItemKind, ItemRef};
use egui::{
    self, Color32, CursorIcon, EventFilter, FontFamily, FontId, Galley, Key, Modifiers, Pos2, Rect,
    ScrollArea, Sense, Stroke, TextFormat, Ui, Vec2, epaint, pos2, text::CCursor, text::CharIndex,
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

/// What the view needs to draw a frame. Highlights and mentions are sorted by start.
pub struct ArticleInput<'a> {
    /// The article text.
    pub text: &'a Arc<str>,
    /// The article's title: a first paragraph equal to it is set as a heading.
    pub title: &'a str,
    /// Evidence spans, sorted by start.
    pub highlights: &'a [Highlight],
    /// Mentions of actors' names, sorted by start.
    pub mentions: &'a [Mention],
    /// Length of the longest mention, in chars.
    pub longest_mention: usize,
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

/// The layout of the whole text at one width: exact for paragraphs seen so far,
/// estimated for the rest.
struct Layout {
    text: Arc<str>,
    width: f32,
    dark: bool,
    title_family: FontFamily,
    title_is_first: bool,
    paragraphs: Vec<Paragraph>,
    galleys: Vec<Option<Arc<Galley>>>,
    /// When each paragraph was last shown (a frame count), for eviction.
    last_shown: Vec<u64>,
    /// Paragraphs that have a galley now, with its estimated size in bytes.
    resident: Vec<(usize, usize)>,
    /// Sum of the resident galleys' sizes.
    resident_bytes: usize,
    heights: Vec<f32>,
    tops: Vec<f32>,
    height: f32,
}

/// Bytes of laid-out text the reader keeps by default: about a hundred screens of text
/// (a laid-out char costs about 150 bytes: glyph, four vertices, six indices).
pub const DEFAULT_LAYOUT_BUDGET: usize = 24 * 1024 * 1024;

/// The reader's state: layout cache, selection and pending scroll.
pub struct ArticleView {
    id: egui::Id,
    layout: Option<Layout>,
    anchor: Option<usize>,
    cursor: usize,
    pending_reveal: Option<usize>,
    viewport_height: f32,
    /// Scroll offset of the last frame (top of the viewport in content coordinates).
    scroll_offset: f32,
    /// Screen position of the text column's top-left in the last frame.
    last_origin: Pos2,
    /// Frames drawn, the clock for least-recently-shown eviction.
    frame: u64,
    /// Most bytes of laid-out paragraphs to keep (the visible ones are always kept).
    layout_budget: usize,
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
            scroll_offset: 0.0,
            last_origin: Pos2::ZERO,
            frame: 0,
            layout_budget: DEFAULT_LAYOUT_BUDGET,
        }
    }
}

const MARGIN: f32 = 24.0;

fn body_font() -> FontId {
    FontId::proportional(theme::ARTICLE_BODY_SIZE)
}

/// Spans overlapping chars `a..b` in a list sorted by start whose spans are at most
/// `longest` long.
fn overlapping<T>(
    sorted: &[T],
    a: usize,
    b: usize,
    longest: usize,
    span: impl Fn(&T) -> (usize, usize) + Copy,
) -> impl Iterator<Item = &T> {
    let from = sorted.partition_point(|t| span(t).0 + longest < a);
    sorted[from..]
        .iter()
        .take_while(move |t| span(t).0 < b)
        .filter(move |t| span(t).1 > a)
}

impl ArticleView {
    /// Changes the most bytes of laid-out paragraphs to keep (besides the visible ones).
    pub fn set_layout_budget(&mut self, bytes: usize) {
        self.layout_budget = bytes;
    }

    /// Estimated bytes of laid-out paragraphs held now.
    pub fn layout_bytes(&self) -> usize {
        self.layout.as_ref().map_or(0, |l| l.resident_bytes)
    }

    /// How many paragraphs are laid out now, and how many the article has.
    pub fn laid_out_paragraphs(&self) -> (usize, usize) {
        self.layout
            .as_ref()
            .map_or((0, 0), |l| (l.resident.len(), l.paragraphs.len()))
    }

    /// The scroll offset of the last frame and the most it can be, in points.
    pub fn scroll_position(&self) -> (f32, f32) {
        let height = self.layout.as_ref().map_or(0.0, |l| l.height) + 2.0 * MARGIN;
        (self.scroll_offset, (height - self.viewport_height).max(0.0))
    }

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

    /// Forgets the layout and selection (another text).
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

    /// Draws the article and handles pointer and keyboard input.
    pub fn show(&mut self, ui: &mut Ui, input: &ArticleInput<'_>) -> ArticleOutput {
        let full_width = ui.available_width();
        let text_width = (full_width - 2.0 * MARGIN).clamp(120.0, theme::ARTICLE_MAX_WIDTH);
        self.ensure_layout(ui, input, text_width);
        self.frame += 1;
        let mut area = ScrollArea::vertical()
            .id_salt("article-scroll")
            .auto_shrink(false);
        if let Some(offset) = self.reading_keys(ui) {
            area = area.vertical_scroll_offset(offset);
        }
        if let Some(pos) = self.pending_reveal.take() {
            // Lay the target paragraph out first, so its position is exact.
            if let Some(i) = self.paragraph_of(pos) {
                self.ensure_galleys(ui, i, i + 1);
            }
            if let Some(y) = self.y_of_char(pos) {
                area =
                    area.vertical_scroll_offset((y + MARGIN - self.viewport_height / 3.0).max(0.0));
            }
        }
        let content_height = self.layout.as_ref().map_or(0.0, |l| l.height) + 2.0 * MARGIN;
        let output = area.show_viewport(ui, |ui, viewport| {
            self.viewport_height = viewport.height();
            self.scroll_offset = viewport.min.y;
            // Lay out what is about to be seen, then size the content from the result.
            let (first, last) =
                self.visible_range(viewport.min.y - MARGIN, viewport.max.y - MARGIN);
            self.ensure_galleys(ui, first, last);
            let height = self
                .layout
                .as_ref()
                .map_or(content_height, |l| l.height + 2.0 * MARGIN);
            // The view's own id, so focus (and the focus lock for arrow keys) survives
            // from frame to frame and is known before the scroll area is built.
            let (rect, _) = ui.allocate_exact_size(vec2(full_width, height), Sense::hover());
            let response = ui.interact(rect, self.id, Sense::click_and_drag());
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Document, true, "Article text")
            });
            let origin = pos2(
                rect.min.x + ((full_width - text_width) / 2.0).max(MARGIN),
                rect.min.y + MARGIN,
            );
            self.last_origin = origin;
            let mut out = ArticleOutput::default();
            self.handle_pointer(ui, &response, origin, input, &mut out);
            self.handle_keys(ui, &response);
            self.paint(ui, origin, first, last, input);
            self.evict(first, last);
            // Screen readers get the text on screen (built only when one is listening).
            if let Some(l) = &self.layout {
                let visible = || {
                    l.paragraphs[first..last.min(l.paragraphs.len())]
                        .iter()
                        .map(|p| &l.text[p.byte_start..p.byte_end])
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                ui.ctx()
                    .accesskit_node_builder(response.id, |node| node.set_value(visible()));
            }
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
        let title_is_first = paragraphs.first().is_some_and(|p| {
            !input.title.is_empty() && text[p.byte_start..p.byte_end].trim() == input.title.trim()
        });
        // Estimated heights from an average char width; exact ones replace them when each
        // paragraph is first laid out.
        let sample = "The quick brown fox jumps over the lazy dog, and then some more words.";
        let sample_width = ui
            .painter()
            .layout_no_wrap(sample.to_owned(), body_font(), Color32::WHITE)
            .size()
            .x;
        let char_width = sample_width / sample.chars().count() as f32;
        let chars_per_line = (width / char_width).max(10.0);
        let line_height = theme::ARTICLE_BODY_SIZE * 1.5;
        let heights: Vec<f32> = paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let lines = ((p.end - p.start) as f32 / chars_per_line).ceil().max(1.0);
                let size = if i == 0 && title_is_first {
                    theme::ARTICLE_TITLE_SIZE * 1.5
                } else {
                    line_height
                };
                lines * size + gap_after(i, title_is_first)
            })
            .collect();
        let galleys = vec![None; paragraphs.len()];
        let last_shown = vec![0; paragraphs.len()];
        let mut layout = Layout {
            text: text.clone(),
            width,
            dark,
            title_family,
            title_is_first,
            paragraphs,
            galleys,
            last_shown,
            resident: Vec::new(),
            resident_bytes: 0,
            heights,
            tops: Vec::new(),
            height: 0.0,
        };
        layout.recompute_tops();
        self.layout = Some(layout);
        if let Some(a) = self.anchor {
            let len = text.chars().count();
            self.anchor = Some(a.min(len));
            self.cursor = self.cursor.min(len);
        }
    }

    /// Lays out paragraphs `first..last` that are not laid out yet.
    fn ensure_galleys(&mut self, ui: &Ui, first: usize, last: usize) {
        let Some(l) = &mut self.layout else { return };
        let text_color = theme::reading_color(l.dark);
        let strong = ui.visuals().strong_text_color();
        let mut changed = false;
        for i in first..last.min(l.paragraphs.len()) {
            l.last_shown[i] = self.frame;
            if l.galleys[i].is_some() {
                continue;
            }
            let p = &l.paragraphs[i];
            let is_title = i == 0 && l.title_is_first;
            let (font_id, color) = if is_title {
                (
                    FontId::new(theme::ARTICLE_TITLE_SIZE, l.title_family.clone()),
                    strong,
                )
            } else {
                (body_font(), text_color)
            };
            let size = font_id.size;
            let mut job = LayoutJob::single_section(
                l.text[p.byte_start..p.byte_end].to_owned(),
                TextFormat {
                    font_id,
                    color,
                    line_height: Some(size * 1.5),
                    ..TextFormat::default()
                },
            );
            job.wrap.max_width = l.width;
            let galley = ui.painter().layout_job(job);
            l.heights[i] = galley.size().y + gap_after(i, l.title_is_first);
            let bytes = galley_bytes(&galley);
            l.resident.push((i, bytes));
            l.resident_bytes += bytes;
            l.galleys[i] = Some(galley);
            changed = true;
        }
        if changed {
            l.recompute_tops();
        }
    }

    /// Drops the least recently shown galleys (never those of paragraphs `first..last`,
    /// on screen now) until the rest fit the budget. Their exact heights stay, so the
    /// scroll bar does not jump; they are laid out again if they come back into view.
    fn evict(&mut self, first: usize, last: usize) {
        let budget = self.layout_budget;
        let Some(l) = &mut self.layout else { return };
        if l.resident_bytes <= budget {
            return;
        }
        // Down to three quarters of the budget, so this sort runs once in a while, not
        // every frame while reading on.
        let goal = budget / 4 * 3;
        let last_shown = &l.last_shown;
        l.resident
            .sort_unstable_by_key(|&(i, _)| std::cmp::Reverse(last_shown[i]));
        while l.resident_bytes > goal {
            let Some(&(i, bytes)) = l.resident.last() else {
                break;
            };
            if (first..last).contains(&i) {
                break;
            }
            l.resident.pop();
            l.galleys[i] = None;
            l.resident_bytes -= bytes;
        }
    }

    /// Page Up/Down, Space/Shift+Space, Home/End and Ctrl+Home/End while the article has
    /// focus: the new scroll offset, if one of them was pressed. The keys are consumed, so
    /// Space does not also act as a click.
    fn reading_keys(&mut self, ui: &Ui) -> Option<f32> {
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

    /// Paragraphs overlapping `y0..y1` (relative to the text column), with one spare
    /// either side so a small scroll never shows an unlaid paragraph.
    fn visible_range(&self, y0: f32, y1: f32) -> (usize, usize) {
        let Some(l) = &self.layout else { return (0, 0) };
        let first = l.tops.partition_point(|&t| t <= y0).saturating_sub(2);
        let last = (l.tops.partition_point(|&t| t < y1) + 1).min(l.paragraphs.len());
        (first, last)
    }

    fn paragraph_of(&self, pos: usize) -> Option<usize> {
        let l = self.layout.as_ref()?;
        let last = l.paragraphs.len().checked_sub(1)?;
        Some(l.paragraphs.partition_point(|p| p.end < pos).min(last))
    }

    /// Char offset under a point given relative to the text column's top-left.
    fn char_at(&self, p: Vec2) -> usize {
        let Some(l) = &self.layout else { return 0 };
        if l.paragraphs.is_empty() {
            return 0;
        }
        let i = l.tops.partition_point(|&top| top <= p.y).saturating_sub(1);
        let para = &l.paragraphs[i];
        let Some(galley) = &l.galleys[i] else {
            return para.start;
        };
        let local = p - vec2(0.0, l.tops[i]);
        if local.y > galley.size().y {
            return para.end;
        }
        para.start
            + galley
                .cursor_from_pos(local)
                .index
                .0
                .min(para.end - para.start)
    }

    /// Rect of char `pos` relative to the text column's top-left.
    fn rect_of_char(&self, pos: usize) -> Option<Rect> {
        let l = self.layout.as_ref()?;
        let i = self.paragraph_of(pos)?;
        let para = &l.paragraphs[i];
        let local = pos.clamp(para.start, para.end) - para.start;
        let r = match &l.galleys[i] {
            Some(g) => g.pos_from_cursor(CCursor::new(local)),
            None => Rect::from_min_size(Pos2::ZERO, vec2(0.0, theme::ARTICLE_BODY_SIZE * 1.5)),
        };
        Some(r.translate(vec2(0.0, l.tops[i])))
    }

    fn y_of_char(&self, pos: usize) -> Option<f32> {
        self.rect_of_char(pos).map(|r| r.min.y)
    }

    fn items_at(input: &ArticleInput<'_>, pos: usize) -> Vec<ItemRef> {
        let longest = input
            .highlights
            .iter()
            .map(|h| h.end - h.start)
            .max()
            .unwrap_or(0);
        let mut hits: Vec<&Highlight> = overlapping(input.highlights, pos, pos + 1, longest, |h| {
            (h.start, h.end)
        })
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

    fn mention_at(input: &ArticleInput<'_>, pos: usize) -> Option<Id> {
        let i = input.mentions.partition_point(|m| m.end <= pos);
        input
            .mentions
            .get(i)
            .filter(|m| m.start <= pos)
            .map(|m| m.actor)
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
            && let Some((a, b)) = self.word_around(self.char_at(p - origin))
        {
            self.set_selection(a, b);
        }
        let Some(p) = response.hover_pos() else {
            return;
        };
        let c = self.char_at(p - origin);
        let mut items = Self::items_at(input, c);
        let mention = Self::mention_at(input, c);
        let mut lines: Vec<String> = items.iter().map(|&i| (input.describe)(i)).collect();
        if let Some(actor) = mention {
            let item = ItemRef {
                kind: ItemKind::Actor,
                id: actor,
            };
            lines.push(format!("Mentions {}", (input.describe)(item)));
            if items.is_empty() {
                items.push(item);
            }
        }
        if items.is_empty() {
            ui.ctx().set_cursor_icon(CursorIcon::Text);
            return;
        }
        ui.ctx().set_cursor_icon(CursorIcon::PointingHand);
        if response.clicked() && self.selection().is_none() {
            out.clicked_item = items.first().copied();
        }
        if !response.is_pointer_button_down_on() {
            egui::Tooltip::always_open(
                ui.ctx().clone(),
                ui.layer_id(),
                self.id.with("hover"),
                egui::PopupAnchor::Pointer,
            )
            .gap(12.0)
            .show(|ui| {
                for line in lines {
                    ui.label(line);
                }
                ui.weak("Click to show in its pane");
            });
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

    fn paint(&self, ui: &Ui, origin: Pos2, first: usize, last: usize, input: &ArticleInput<'_>) {
        let Some(l) = &self.layout else { return };
        let painter = ui.painter();
        let dark = ui.visuals().dark_mode;
        let selection = self.selection();
        let selection_fill = ui.visuals().selection.bg_fill.gamma_multiply(0.6);
        let longest_highlight = input
            .highlights
            .iter()
            .map(|h| h.end - h.start)
            .max()
            .unwrap_or(0);
        let longest_mention = input
            .mentions
            .iter()
            .map(|m| m.end - m.start)
            .max()
            .unwrap_or(0);
        let mention_color = theme::kind_color(ItemKind::Actor).gamma_multiply(0.7);
        for i in first..last.min(l.paragraphs.len()) {
            let Some(galley) = &l.galleys[i] else {
                continue;
            };
            let para = &l.paragraphs[i];
            let para_origin = pos2(origin.x, origin.y + l.tops[i]);
            let rects = |a: usize, b: usize| {
                let (a, b) = (
                    a.max(para.start) - para.start,
                    b.min(para.end).max(para.start) - para.start,
                );
                range_rects(galley, a, b)
                    .into_iter()
                    .map(move |r| r.translate(para_origin.to_vec2()))
            };
            for h in overlapping(
                input.highlights,
                para.start,
                para.end,
                longest_highlight,
                |h| (h.start, h.end),
            ) {
                for r in rects(h.start, h.end) {
                    painter.rect_filled(r, 2.0, theme::evidence_fill(h.item.kind, dark));
                    if h.emphasised {
                        painter.line_segment(
                            [r.left_bottom(), r.right_bottom()],
                            Stroke::new(2.0, theme::kind_color(h.item.kind)),
                        );
                    }
                }
            }
            // Mentions: a thin line under the name, lighter than evidence.
            for m in overlapping(input.mentions, para.start, para.end, longest_mention, |m| {
                (m.start, m.end)
            }) {
                for r in rects(m.start, m.end) {
                    let y = r.bottom() - 1.0;
                    painter.line_segment(
                        [pos2(r.left(), y), pos2(r.right(), y)],
                        Stroke::new(1.0, mention_color),
                    );
                }
            }
            for (n, &(a, b)) in input.find.iter().enumerate() {
                if b <= para.start || a >= para.end {
                    continue;
                }
                let color = if Some(n) == input.current_find {
                    theme::FIND_CURRENT_FILL
                } else {
                    theme::FIND_FILL
                };
                for r in rects(a, b) {
                    painter.rect_filled(r, 2.0, color);
                }
            }
            if let Some((a, b, strength)) = input.flash
                && b > para.start
                && a < para.end
            {
                let c = theme::kind_color(ItemKind::Risk).gamma_multiply(0.8 * strength);
                for r in rects(a, b) {
                    painter.rect_filled(r, 2.0, c);
                }
            }
            if let Some((a, b)) = selection
                && b > para.start
                && a < para.end
            {
                for r in rects(a, b) {
                    painter.rect_filled(r, 2.0, selection_fill);
                }
            }
            painter.galley(para_origin, galley.clone(), theme::reading_color(dark));
        }
        if ui.memory(|m| m.has_focus(self.id))
            && selection.is_none()
            && let Some(r) = self.rect_of_char(self.cursor)
        {
            // A thin caret shows where keyboard selection starts.
            let r = r.translate(origin.to_vec2());
            painter.line_segment(
                [r.left_top(), r.left_bottom()],
                Stroke::new(1.5, ui.visuals().text_cursor.stroke.color),
            );
        }
    }
}

impl Layout {
    fn recompute_tops(&mut self) {
        self.tops.clear();
        let mut y = 0.0;
        for h in &self.heights {
            self.tops.push(y);
            y += h;
        }
        self.height = y;
    }
}

/// Estimated heap bytes of a one-paragraph galley: its text, glyphs and mesh.
fn galley_bytes(galley: &Galley) -> usize {
    let glyphs: usize = galley.rows.iter().map(|r| r.row.glyphs.len()).sum();
    galley.job.text.len()
        + glyphs * std::mem::size_of::<epaint::text::Glyph>()
        + galley.num_vertices * std::mem::size_of::<epaint::Vertex>()
        + galley.num_indices * std::mem::size_of::<u32>()
        + galley.rows.len()
            * (std::mem::size_of::<epaint::text::PlacedRow>()
                + std::mem::size_of::<epaint::text::Row>())
}

/// Space after paragraph `i` (more after the title).
fn gap_after(i: usize, title_is_first: bool) -> f32 {
    theme::PARAGRAPH_GAP * if i == 0 && title_is_first { 1.5 } else { 1.0 }
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
        if row_start >= b {
            break;
        }
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

    #[test]
    fn overlapping_spans_are_found_by_binary_search() {
        let spans = [(0, 5), (3, 9), (10, 12), (20, 30)];
        let found: Vec<_> = overlapping(&spans, 8, 11, 10, |s| *s).collect();
        assert_eq!(found, vec![&(3, 9), &(10, 12)]);
    }
}
