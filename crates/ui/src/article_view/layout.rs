//! The reader's layout cache: the text split into paragraphs, one galley per paragraph
//! laid out when it comes into view (the others keep estimated heights), and laid-out
//! paragraphs evicted least recently shown first under a byte budget. Also the geometry
//! that selection and painting ask for: which char is under a point, where a char is.

use super::{ArticleInput, ArticleView};
use crate::theme;
use egui::{
    Color32, FontFamily, FontId, Galley, Pos2, Rect, TextFormat, Ui, Vec2, epaint, text::CCursor,
    text::LayoutJob, vec2,
};
use std::sync::Arc;

/// One non-empty line of the text, as char and byte ranges.
#[derive(Clone, Debug)]
pub(super) struct Paragraph {
    /// First char.
    pub(super) start: usize,
    /// One past the last char.
    pub(super) end: usize,
    /// First byte.
    pub(super) byte_start: usize,
    /// One past the last byte.
    pub(super) byte_end: usize,
}

/// The layout of the whole text at one width: exact for paragraphs seen so far,
/// estimated for the rest.
pub(super) struct Layout {
    /// The text laid out (compared by pointer to notice another text).
    pub(super) text: Arc<str>,
    width: f32,
    dark: bool,
    title_family: FontFamily,
    title_is_first: bool,
    /// The text's non-empty lines.
    pub(super) paragraphs: Vec<Paragraph>,
    /// Each paragraph's galley, while it is laid out.
    pub(super) galleys: Vec<Option<Arc<Galley>>>,
    /// When each paragraph was last shown (a frame count), for eviction.
    last_shown: Vec<u64>,
    /// Paragraphs that have a galley now, with its estimated size in bytes.
    pub(super) resident: Vec<(usize, usize)>,
    /// Sum of the resident galleys' sizes.
    pub(super) resident_bytes: usize,
    heights: Vec<f32>,
    /// Each paragraph's top, relative to the text column.
    pub(super) tops: Vec<f32>,
    /// The whole text's height (exact and estimated heights added up).
    pub(super) height: f32,
}

impl Layout {
    /// Each paragraph's top from the heights, and the total height.
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

/// The article body's font.
fn body_font() -> FontId {
    FontId::proportional(theme::ARTICLE_BODY_SIZE)
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

impl ArticleView {
    /// Splits the text into paragraphs with estimated heights, unless the layout already
    /// matches this text, width, theme and title font.
    pub(super) fn ensure_layout(&mut self, ui: &Ui, input: &ArticleInput<'_>, width: f32) {
        let dark = ui.visuals().dark_mode;
        let title_family = crate::fonts::bold(ui.ctx());
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
    pub(super) fn ensure_galleys(&mut self, ui: &Ui, first: usize, last: usize) {
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
    pub(super) fn evict(&mut self, first: usize, last: usize) {
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

    /// Paragraphs overlapping `y0..y1` (relative to the text column), with one spare
    /// either side so a small scroll never shows an unlaid paragraph.
    pub(super) fn visible_range(&self, y0: f32, y1: f32) -> (usize, usize) {
        let Some(l) = &self.layout else { return (0, 0) };
        let first = l.tops.partition_point(|&t| t <= y0).saturating_sub(2);
        let last = (l.tops.partition_point(|&t| t < y1) + 1).min(l.paragraphs.len());
        (first, last)
    }

    /// The paragraph holding char `pos` (the last one for a position past the end).
    pub(super) fn paragraph_of(&self, pos: usize) -> Option<usize> {
        let l = self.layout.as_ref()?;
        let last = l.paragraphs.len().checked_sub(1)?;
        Some(l.paragraphs.partition_point(|p| p.end < pos).min(last))
    }

    /// Char offset under a point given relative to the text column's top-left.
    pub(super) fn char_at(&self, p: Vec2) -> usize {
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
    pub(super) fn rect_of_char(&self, pos: usize) -> Option<Rect> {
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

    /// Top of char `pos` relative to the text column's top-left.
    pub(super) fn y_of_char(&self, pos: usize) -> Option<f32> {
        self.rect_of_char(pos).map(|r| r.min.y)
    }
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
