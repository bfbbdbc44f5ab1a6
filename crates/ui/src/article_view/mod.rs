//! The article reader: one galley per paragraph, laid out only when it comes into view
//! (others have estimated heights), only visible paragraphs painted, and laid-out
//! paragraphs evicted least recently shown first under a byte budget; its own selection
//! (mouse and keyboard) and keyboard reading (Page Up/Down, Space, Home/End); evidence
//! highlights, actor mentions, find matches and flashes painted under the text.
//!
//! egui's `TextEdit` would give selection for free, but lays the whole text out as one
//! galley (hundreds of ms per MB) and cannot space paragraphs or style the title.

mod hover;
mod layout;
mod paint;
mod selection;

use crate::theme;
use briefing_core::mentions::Mention;
use briefing_core::model::ItemRef;
use egui::{self, Pos2, Rect, ScrollArea, Sense, Ui, pos2, vec2};
use layout::Layout;
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

/// Space around the text column, in points.
const MARGIN: f32 = 24.0;

/// Length in chars of the longest span in a list (0 for none): the bound `overlapping`
/// needs.
fn longest<T>(spans: &[T], span: impl Fn(&T) -> (usize, usize)) -> usize {
    spans
        .iter()
        .map(|t| {
            let (a, b) = span(t);
            b - a
        })
        .max()
        .unwrap_or(0)
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
            self.select_with_pointer(ui, &response, origin);
            let out = ArticleOutput {
                clicked_item: self.hover(ui, &response, origin, input),
            };
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_spans_are_found_by_binary_search() {
        let spans = [(0, 5), (3, 9), (10, 12), (20, 30)];
        let found: Vec<_> = overlapping(&spans, 8, 11, 10, |s| *s).collect();
        assert_eq!(found, vec![&(3, 9), &(10, 12)]);
    }
}
