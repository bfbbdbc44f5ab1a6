//! The composer every section writes through: greedy line breaking over styled runs with
//! the same shaping that draws them (a word wider than the column is split), blocks that
//! advance the pen, headings, rules and bullets.

use super::{ACCENT, Item, LINE_HEIGHT, MARGIN_TOP, MARGIN_X, MUTED, Rgb, Sizes};
use crate::export::fonts::{Measurer, Style};

/// A piece of text in one style and colour, within a paragraph.
#[derive(Clone, Debug)]
pub struct Run<'a> {
    style: Style,
    color: Rgb,
    text: &'a str,
}

/// A run of `text` in `style` and `color`.
pub(super) fn run(style: Style, color: Rgb, text: &str) -> Run<'_> {
    Run { style, color, text }
}

/// Draws into `items`: a column at `x0..x0 + width` with the pen at `y` (a line's top).
pub(super) struct Composer<'m> {
    /// Measures text as it will be drawn.
    pub(super) m: &'m mut Measurer,
    /// What is drawn so far, back to front.
    pub(super) items: Vec<Item>,
    /// The column's left edge.
    pub(super) x0: f32,
    /// The column's width.
    pub(super) width: f32,
    /// The pen: where the next block starts.
    pub(super) y: f32,
}

/// A word of a paragraph, with its run and whether a space precedes it.
#[derive(Clone, Copy)]
struct Token<'a> {
    run: usize,
    word: &'a str,
    space_before: bool,
}

impl<'m> Composer<'m> {
    /// Nothing drawn yet on a page `page_width` wide: the column between the side
    /// margins, the pen at the top margin.
    pub(super) fn new(m: &'m mut Measurer, page_width: f32) -> Self {
        Composer {
            m,
            items: Vec::new(),
            x0: MARGIN_X,
            width: page_width - 2.0 * MARGIN_X,
            y: MARGIN_TOP,
        }
    }

    /// Wraps `runs` into lines at `x..x+width` starting at line top `top`; returns the
    /// height used. Lines are split between words; a word wider than the line is split.
    pub(super) fn paragraph(
        &mut self,
        runs: &[Run<'_>],
        size: f32,
        x: f32,
        width: f32,
        top: f32,
    ) -> f32 {
        let tokens = self.tokens(runs, size, width);
        let line_h = size * LINE_HEIGHT;
        let mut lines: Vec<Vec<Token<'_>>> = Vec::new();
        let mut queue: std::collections::VecDeque<Token<'_>> = tokens.into();
        while !queue.is_empty() {
            let mut line: Vec<Token<'_>> = Vec::new();
            let mut w = 0.0;
            while let Some(&t) = queue.front() {
                let style = runs[t.run].style;
                let space = if !line.is_empty() && t.space_before {
                    self.m.width(style, " ", size)
                } else {
                    0.0
                };
                let ww = self.m.width(style, t.word, size);
                if !line.is_empty() && w + space + ww > width {
                    break;
                }
                w += space + ww;
                line.push(t);
                queue.pop_front();
            }
            // The estimate adds word widths; the drawn line is shaped whole. If kerning
            // across words made it wider than the column, move words down.
            while line.len() > 1 && self.line_width(runs, &line, size) > width + 0.01 {
                if let Some(t) = line.pop() {
                    queue.push_front(t);
                }
            }
            lines.push(line);
        }
        for (i, line) in lines.iter().enumerate() {
            let baseline = top + i as f32 * line_h + size * (0.8 + (LINE_HEIGHT - 1.0) / 2.0);
            let mut cx = x;
            for (run_index, text) in segments(line) {
                let r = &runs[run_index];
                let w = self.m.width(r.style, &text, size);
                self.items.push(Item::Text {
                    x: cx,
                    y: baseline,
                    size,
                    style: r.style,
                    color: r.color,
                    text,
                });
                cx += w;
            }
        }
        lines.len() as f32 * line_h
    }

    /// Width of a line as drawn (its segments shaped whole).
    fn line_width(&mut self, runs: &[Run<'_>], line: &[Token<'_>], size: f32) -> f32 {
        segments(line)
            .into_iter()
            .map(|(r, text)| self.m.width(runs[r].style, &text, size))
            .sum()
    }

    /// Splits runs into words; words wider than `width` are cut into pieces that fit.
    fn tokens<'a>(&mut self, runs: &[Run<'a>], size: f32, width: f32) -> Vec<Token<'a>> {
        let mut out = Vec::new();
        let mut pending_space = false;
        for (i, r) in runs.iter().enumerate() {
            let mut first = true;
            // A no-break space (U+00A0) keeps its neighbours on one line.
            for word in r.text.split(is_break_space).filter(|w| !w.is_empty()) {
                let space_before = if first {
                    pending_space || r.text.starts_with(is_break_space)
                } else {
                    true
                };
                first = false;
                let mut rest = word;
                let mut space = space_before;
                while !rest.is_empty() {
                    let piece = self.fitting_prefix(r.style, rest, size, width);
                    out.push(Token {
                        run: i,
                        word: piece,
                        space_before: space,
                    });
                    rest = &rest[piece.len()..];
                    space = false;
                }
            }
            pending_space = r.text.ends_with(is_break_space) || (first && pending_space);
        }
        out
    }

    /// The longest prefix of `word` (at least one char) that fits in `width`.
    fn fitting_prefix<'a>(
        &mut self,
        style: Style,
        word: &'a str,
        size: f32,
        width: f32,
    ) -> &'a str {
        if self.m.width(style, word, size) <= width {
            return word;
        }
        let mut end = word.char_indices().nth(1).map_or(word.len(), |(i, _)| i);
        for (i, c) in word.char_indices().skip(1) {
            let next = i + c.len_utf8();
            if self.m.width(style, &word[..next], size) > width {
                break;
            }
            end = next;
        }
        &word[..end]
    }

    /// A paragraph across the full column at the current y; advances y.
    pub(super) fn block(&mut self, runs: &[Run<'_>], size: f32) {
        let h = self.paragraph(runs, size, self.x0, self.width, self.y);
        self.y += h;
    }

    /// A section heading across the column; advances y.
    pub(super) fn heading(&mut self, text: &str, s: &Sizes) {
        self.block(&[run(Style::Bold, ACCENT, text)], s.heading);
        self.y += 1.5 * s.gap / 9.0;
    }

    /// A horizontal rule across the column at `y`.
    pub(super) fn rule(&mut self, y: f32, color: Rgb, width: f32) {
        self.items.push(Item::Line {
            from: (self.x0, y),
            to: (self.x0 + self.width, y),
            width,
            color,
        });
    }

    /// A bulleted paragraph; advances y.
    pub(super) fn bullet(&mut self, runs: &[Run<'_>], size: f32) {
        let indent = size * 1.1;
        let r = size * 0.16;
        let top = self.y;
        self.items.push(Item::Circle {
            cx: self.x0 + r + 1.0,
            cy: top + size * (0.8 + (LINE_HEIGHT - 1.0) / 2.0) - size * 0.3,
            r,
            color: MUTED,
        });
        let h = self.paragraph(runs, size, self.x0 + indent, self.width - indent, top);
        self.y += h;
    }
}

/// Whitespace that may break a line (all but the no-break space).
fn is_break_space(c: char) -> bool {
    c.is_whitespace() && c != '\u{a0}'
}

/// Groups a line's tokens into (run, text) segments, spaces kept inside the text.
fn segments(line: &[Token<'_>]) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    for (i, t) in line.iter().enumerate() {
        let space = if i > 0 && t.space_before { " " } else { "" };
        match out.last_mut() {
            Some((r, text)) if *r == t.run => {
                text.push_str(space);
                text.push_str(t.word);
            }
            _ => out.push((t.run, format!("{space}{}", t.word))),
        }
    }
    out
}
