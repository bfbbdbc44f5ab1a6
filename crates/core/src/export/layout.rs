//! Lays the brief out on one page, in points, as a list of drawing items that the PDF
//! writer and the app's preview both draw. Text is wrapped with the same shaping that
//! draws it.

use super::Paper;
use super::fonts::{Measurer, Style};
use crate::brief::Brief;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// Body text.
pub const INK: Rgb = Rgb(24, 28, 38);
/// Secondary text.
pub const MUTED: Rgb = Rgb(92, 101, 116);
/// Headings and accents.
pub const ACCENT: Rgb = Rgb(22, 64, 120);
/// Thin rules.
pub const RULE: Rgb = Rgb(198, 204, 214);
/// Background of the bottom line box.
pub const TINT: Rgb = Rgb(236, 241, 248);
const WHITE: Rgb = Rgb(255, 255, 255);

/// One thing to draw. Coordinates are points from the page's top-left, y down.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A run of text on one line; `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        style: Style,
        color: Rgb,
        text: String,
    },
    /// A straight line.
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        color: Rgb,
    },
    /// A filled rectangle.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    /// A filled circle.
    Circle {
        cx: f32,
        cy: f32,
        r: f32,
        color: Rgb,
    },
}

/// A section of the brief and how much of the page it takes.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// Its heading ("Risks").
    pub name: &'static str,
    /// Its height in points.
    pub height: f32,
}

/// A laid-out page.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// What to draw, back to front.
    pub items: Vec<Item>,
    /// Where the content ended (before the footer).
    pub content_bottom: f32,
    /// Lowest y the content may reach.
    pub content_limit: f32,
    /// The sections and their heights.
    pub sections: Vec<Section>,
    /// Body text size used.
    pub body_size: f32,
}

impl Page {
    /// True when the content ends above the footer.
    pub fn fits(&self) -> bool {
        self.content_bottom <= self.content_limit + 0.01
    }

    /// Content height over the height available (1.0 = exactly full).
    pub fn fullness(&self) -> f32 {
        let top = MARGIN_TOP;
        (self.content_bottom - top) / (self.content_limit - top)
    }

    /// How many body lines too long the content is (0 when it fits).
    pub fn overflow_lines(&self) -> f32 {
        ((self.content_bottom - self.content_limit) / (self.body_size * LINE_HEIGHT)).max(0.0)
    }
}

const MARGIN_X: f32 = 44.0;
const MARGIN_TOP: f32 = 44.0;
const MARGIN_BOTTOM: f32 = 30.0;
const FOOTER_HEIGHT: f32 = 22.0;
/// Line height as a multiple of the font size.
pub const LINE_HEIGHT: f32 = 1.3;
/// Body size at scale 1.
pub const BODY_SIZE: f32 = 9.5;

/// A piece of text in one style and colour, within a paragraph.
#[derive(Clone, Debug)]
pub struct Run<'a> {
    style: Style,
    color: Rgb,
    text: &'a str,
}

fn run(style: Style, color: Rgb, text: &str) -> Run<'_> {
    Run { style, color, text }
}

/// Text sizes at a given scale.
#[derive(Clone, Copy)]
struct Sizes {
    body: f32,
    small: f32,
    heading: f32,
    title: f32,
    kicker: f32,
    gap: f32,
}

impl Sizes {
    fn at(scale: f32) -> Self {
        Self {
            body: BODY_SIZE * scale,
            small: 8.0 * scale,
            heading: 10.5 * scale,
            title: 19.0 * scale,
            kicker: 7.5 * scale,
            gap: 9.0 * scale,
        }
    }
}

struct Composer<'m> {
    m: &'m mut Measurer,
    items: Vec<Item>,
    x0: f32,
    width: f32,
    y: f32,
}

/// A word of a paragraph, with its run and whether a space precedes it.
#[derive(Clone, Copy)]
struct Token<'a> {
    run: usize,
    word: &'a str,
    space_before: bool,
}

impl Composer<'_> {
    /// Wraps `runs` into lines at `x..x+width` starting at line top `top`; returns the
    /// height used. Lines are split between words; a word wider than the line is split.
    fn paragraph(&mut self, runs: &[Run<'_>], size: f32, x: f32, width: f32, top: f32) -> f32 {
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
    fn block(&mut self, runs: &[Run<'_>], size: f32) {
        let h = self.paragraph(runs, size, self.x0, self.width, self.y);
        self.y += h;
    }

    fn heading(&mut self, text: &str, s: &Sizes) {
        self.block(&[run(Style::Bold, ACCENT, text)], s.heading);
        self.y += 1.5 * s.gap / 9.0;
    }

    fn rule(&mut self, y: f32, color: Rgb, width: f32) {
        self.items.push(Item::Line {
            from: (self.x0, y),
            to: (self.x0 + self.width, y),
            width,
            color,
        });
    }

    /// A bulleted paragraph; advances y.
    fn bullet(&mut self, runs: &[Run<'_>], size: f32) {
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

/// What to leave out when the page is too full (see `fit`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Omit {
    /// Evidence quotes in the source line.
    pub quotes: bool,
    /// Risk explanations.
    pub risk_details: bool,
    /// Stake explanations.
    pub stake_details: bool,
    /// The actors table's position column.
    pub actor_positions: bool,
}

/// Lays `brief` out at `scale` (1 = 9.5 pt body), leaving out what `omit` says.
pub fn layout(brief: &Brief, paper: Paper, scale: f32, omit: Omit, m: &mut Measurer) -> Page {
    let (pw, ph) = paper.size_pt();
    let s = Sizes::at(scale);
    let mut c = Composer {
        m,
        items: Vec::new(),
        x0: MARGIN_X,
        width: pw - 2.0 * MARGIN_X,
        y: MARGIN_TOP,
    };
    let mut sections = Vec::new();
    let mut mark = |c: &Composer<'_>, name: &'static str, start: f32| {
        sections.push(Section {
            name,
            height: c.y - start,
        });
    };

    // 1. Header.
    let start = c.y;
    let kicker = brief.kicker.to_uppercase();
    c.block(&[run(Style::Bold, MUTED, &kicker)], s.kicker);
    c.y += 2.0 * scale;
    c.block(&[run(Style::Bold, INK, &brief.title)], s.title);
    c.y += 1.0 * scale;
    let meta = brief.meta_line();
    c.block(&[run(Style::Regular, MUTED, &meta)], s.small);
    c.y += 5.0 * scale;
    c.rule(c.y, ACCENT, 1.2);
    c.y += s.gap;
    mark(&c, "Header", start);

    // 2. Bottom line, in a tinted box with an accent bar.
    if !brief.bottom_line.is_empty() {
        let start = c.y;
        let first_item = c.items.len();
        let pad = 6.0 * scale;
        c.y += pad;
        let (x0, w0) = (c.x0, c.width);
        c.x0 += pad + 3.0;
        c.width -= 2.0 * pad + 3.0;
        let confidence = format!("  ·  {} confidence", brief.confidence);
        c.block(
            &[
                run(Style::Bold, ACCENT, "Bottom line"),
                run(Style::Regular, MUTED, &confidence),
            ],
            s.heading,
        );
        c.y += 1.0 * scale;
        c.block(
            &[run(Style::Regular, INK, &brief.bottom_line)],
            s.body * 1.05,
        );
        c.y += pad;
        c.x0 = x0;
        c.width = w0;
        let h = c.y - start;
        c.items.insert(
            first_item,
            Item::Rect {
                x: x0,
                y: start,
                w: w0,
                h,
                color: TINT,
            },
        );
        c.items.insert(
            first_item + 1,
            Item::Rect {
                x: x0,
                y: start,
                w: 2.5,
                h,
                color: ACCENT,
            },
        );
        c.y += s.gap;
        mark(&c, "Bottom line", start);
    }

    // 3. Key actors table: who, then role and position in one wide column.
    if !brief.actors.is_empty() {
        let start = c.y;
        c.heading("Key actors", &s);
        let gutter = 8.0 * scale;
        let name_w = (c.width - gutter) * 0.27;
        let (name_x, text_x) = (c.x0, c.x0 + name_w + gutter);
        let text_w = c.width - name_w - gutter;
        let header = if omit.actor_positions {
            "Role"
        } else {
            "Role and position"
        };
        let h1 = c.paragraph(
            &[run(Style::Bold, MUTED, "Actor")],
            s.small,
            name_x,
            name_w,
            c.y,
        );
        let h2 = c.paragraph(
            &[run(Style::Bold, MUTED, header)],
            s.small,
            text_x,
            text_w,
            c.y,
        );
        c.y += h1.max(h2) + 1.5 * scale;
        c.rule(c.y, RULE, 0.6);
        c.y += 2.5 * scale;
        let size = s.small * 1.06;
        for a in &brief.actors {
            let top = c.y;
            let kind = format!(" · {}", a.kind);
            let hn = c.paragraph(
                &[
                    run(Style::Bold, INK, &a.name),
                    run(Style::Regular, MUTED, &kind),
                ],
                size,
                name_x,
                name_w,
                top,
            );
            let position = if omit.actor_positions || a.position.is_empty() {
                String::new()
            } else if a.role.is_empty() {
                a.position.clone()
            } else {
                format!(" — {}", a.position)
            };
            let ht = c.paragraph(
                &[
                    run(Style::Regular, INK, &a.role),
                    run(Style::Regular, MUTED, &position),
                ],
                size,
                text_x,
                text_w,
                top,
            );
            c.y = top + hn.max(ht) + 2.0 * scale;
            c.rule(c.y, RULE, 0.4);
            c.y += 2.5 * scale;
        }
        c.y += s.gap - 2.5 * scale;
        mark(&c, "Key actors", start);
    }

    // 4. Stakes.
    if !brief.stakes.is_empty() {
        let start = c.y;
        c.heading("Stakes", &s);
        for st in &brief.stakes {
            let tail = st.holders_and_importance();
            let detail = if omit.stake_details || st.detail.is_empty() {
                String::new()
            } else {
                format!(" {}", st.detail)
            };
            c.bullet(
                &[
                    run(Style::Bold, INK, &st.title),
                    run(Style::Regular, MUTED, &tail),
                    run(Style::Regular, INK, &detail),
                ],
                s.body,
            );
            c.y += 1.5 * scale;
        }
        c.y += s.gap - 1.5 * scale;
        mark(&c, "Stakes", start);
    }

    // 5. Risks: the matrix beside the numbered list.
    if !brief.risks.is_empty() {
        let start = c.y;
        c.heading("Risks", &s);
        let top = c.y;
        let cell = 22.0 * scale.max(0.9);
        let label_w = 12.0 * scale;
        let matrix_w = label_w + 5.0 * cell;
        let x0 = c.x0;
        let matrix_h = draw_matrix(&mut c, brief, x0, top, cell, label_w, &s);
        let list_x = c.x0 + matrix_w + 16.0 * scale;
        let list_w = c.x0 + c.width - list_x;
        let mut y = top;
        for r in &brief.risks {
            let marker = 5.0 * scale;
            let number = r.number.to_string();
            let baseline_mid = y + s.body * (0.8 + (LINE_HEIGHT - 1.0) / 2.0) - s.body * 0.33;
            marker_circle(&mut c, list_x + marker, baseline_mid, marker, &number);
            let text_x = list_x + 2.0 * marker + 4.0 * scale;
            let text_w = list_w - (text_x - list_x);
            y += c.paragraph(
                &[run(Style::Bold, INK, &r.title)],
                s.body,
                text_x,
                text_w,
                y,
            );
            let facts = r.facts();
            y += c.paragraph(
                &[run(Style::Regular, MUTED, &facts)],
                s.small,
                text_x,
                text_w,
                y,
            );
            if !omit.risk_details && !r.detail.is_empty() {
                y += c.paragraph(
                    &[run(Style::Regular, INK, &r.detail)],
                    s.small * 1.06,
                    text_x,
                    text_w,
                    y,
                );
            }
            y += 3.0 * scale;
        }
        c.y = (top + matrix_h).max(y) + s.gap - 3.0 * scale;
        mark(&c, "Risks", start);
    }

    // 6. Indicators to watch, in two columns (they are short).
    if !brief.indicators.is_empty() {
        let start = c.y;
        c.heading("Indicators to watch", &s);
        let gutter = 14.0 * scale;
        let col_w = (c.width - gutter) / 2.0;
        let (x0, w0, top) = (c.x0, c.width, c.y);
        let half = brief.indicators.len().div_ceil(2);
        let mut bottom = top;
        for (column, chunk) in brief.indicators.chunks(half.max(1)).enumerate() {
            c.x0 = x0 + column as f32 * (col_w + gutter);
            c.width = col_w;
            c.y = top;
            for i in chunk {
                let tag = format!(" (risk\u{a0}{})", i.risk);
                c.bullet(
                    &[
                        run(Style::Regular, INK, &i.text),
                        run(Style::Regular, MUTED, &tag),
                    ],
                    s.small * 1.06,
                );
            }
            bottom = bottom.max(c.y);
        }
        c.x0 = x0;
        c.width = w0;
        c.y = bottom + s.gap;
        mark(&c, "Indicators", start);
    }

    // 7. Source line and quotes.
    let start = c.y;
    c.rule(c.y, RULE, 0.6);
    c.y += 4.0 * scale;
    let source = brief.source_line();
    c.block(
        &[
            run(Style::Bold, MUTED, "Source: "),
            run(Style::Regular, MUTED, &source),
        ],
        s.small,
    );
    if !omit.quotes && !brief.quotes.is_empty() {
        c.y += 2.0 * scale;
        let mut runs = vec![run(Style::Bold, MUTED, "Evidence: ")];
        let quoted: Vec<(String, String)> = brief
            .quotes
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let sep = if i + 1 < brief.quotes.len() {
                    "; "
                } else {
                    "."
                };
                (format!("“{}”", q.quote), format!(" ({}){sep} ", q.supports))
            })
            .collect();
        for (q, who) in &quoted {
            runs.push(run(Style::Italic, INK, q));
            runs.push(run(Style::Regular, MUTED, who));
        }
        c.block(&runs, s.small * 0.95);
        mark(&c, "Evidence quotes", start);
    } else {
        mark(&c, "Source", start);
    }
    let content_bottom = c.y;

    // 8. Footer, pinned to the bottom of the page.
    let footer_y = ph - MARGIN_BOTTOM - FOOTER_HEIGHT + 8.0;
    c.rule(footer_y, RULE, 0.6);
    let foot = 7.0;
    let left = format!(
        "Page 1 of 1 · {} · type at {:.0}%",
        paper.label(),
        scale * 100.0
    );
    c.paragraph(
        &[run(Style::Regular, MUTED, &left)],
        foot,
        c.x0,
        c.width,
        footer_y + 3.0,
    );
    let right = "Briefing Notebook";
    let rw = c.m.width(Style::Regular, right, foot);
    c.paragraph(
        &[run(Style::Regular, MUTED, right)],
        foot,
        c.x0 + c.width - rw,
        rw + 1.0,
        footer_y + 3.0,
    );

    Page {
        width: pw,
        height: ph,
        items: c.items,
        content_bottom,
        content_limit: ph - MARGIN_BOTTOM - FOOTER_HEIGHT,
        sections,
        body_size: s.body,
    }
}

/// Fill of a matrix cell by likelihood × impact.
pub fn cell_color(likelihood: u8, impact: u8) -> Rgb {
    match u16::from(likelihood) * u16::from(impact) {
        0..=4 => Rgb(219, 237, 222),
        5..=9 => Rgb(250, 241, 203),
        10..=14 => Rgb(251, 222, 192),
        _ => Rgb(246, 201, 197),
    }
}

/// Draws the 5×5 likelihood × impact matrix with numbered markers; returns its height.
fn draw_matrix(
    c: &mut Composer<'_>,
    brief: &Brief,
    x: f32,
    top: f32,
    cell: f32,
    label_w: f32,
    s: &Sizes,
) -> f32 {
    let gx = x + label_w;
    let label = s.small * 0.9;
    for row in 0..5u8 {
        let likelihood = 5 - row;
        let y = top + f32::from(row) * cell;
        for col in 0..5u8 {
            c.items.push(Item::Rect {
                x: gx + f32::from(col) * cell + 0.5,
                y: y + 0.5,
                w: cell - 1.0,
                h: cell - 1.0,
                color: cell_color(likelihood, col + 1),
            });
        }
        let n = likelihood.to_string();
        let w = c.m.width(Style::Regular, &n, label);
        c.paragraph(
            &[run(Style::Regular, MUTED, &n)],
            label,
            gx - w - 3.0,
            w + 1.0,
            y + cell / 2.0 - label * 0.65,
        );
    }
    for col in 0..5u8 {
        let n = (col + 1).to_string();
        let w = c.m.width(Style::Regular, &n, label);
        c.paragraph(
            &[run(Style::Regular, MUTED, &n)],
            label,
            gx + f32::from(col) * cell + (cell - w) / 2.0,
            w + 1.0,
            top + 5.0 * cell + 1.0,
        );
    }
    let caption_y = top + 5.0 * cell + label * LINE_HEIGHT + 1.0;
    let caption = "rows: likelihood · columns: impact";
    let cw = c.m.width(Style::Regular, caption, label);
    c.paragraph(
        &[run(Style::Regular, MUTED, caption)],
        label,
        gx + (5.0 * cell - cw) / 2.0,
        cw + 1.0,
        caption_y,
    );
    // Markers: risks sharing a cell sit side by side, centred, wrapping to a second row.
    let r = (cell * 0.19).clamp(3.2, 6.0 * s.body / BODY_SIZE);
    let step = 2.0 * r + 0.8;
    let per_row = ((cell - 1.0) / step + 1e-3).floor().max(1.0) as usize;
    let mut placed: Vec<(u8, u8)> = Vec::new();
    for risk in &brief.risks {
        let (l, i) = (risk.likelihood.clamp(1, 5), risk.impact.clamp(1, 5));
        let k = placed.iter().filter(|&&p| p == (l, i)).count();
        placed.push((l, i));
        let n = count_in(&brief.risks, l, i);
        let rows = n.div_ceil(per_row);
        let in_row = if k / per_row + 1 < rows {
            per_row
        } else {
            n - (rows - 1) * per_row
        };
        let cell_x = gx + f32::from(i - 1) * cell;
        let cell_y = top + f32::from(5 - l) * cell;
        let cx =
            cell_x + (cell - in_row as f32 * step) / 2.0 + step / 2.0 + (k % per_row) as f32 * step;
        let cy =
            cell_y + (cell - rows as f32 * step) / 2.0 + step / 2.0 + (k / per_row) as f32 * step;
        marker_circle(c, cx, cy, r, &risk.number.to_string());
    }
    caption_y + label * LINE_HEIGHT - top
}

fn count_in(risks: &[crate::brief::BriefRisk], l: u8, i: u8) -> usize {
    risks
        .iter()
        .filter(|r| r.likelihood.clamp(1, 5) == l && r.impact.clamp(1, 5) == i)
        .count()
}

/// A numbered dot: the same marker on the matrix and beside the list.
fn marker_circle(c: &mut Composer<'_>, cx: f32, cy: f32, r: f32, number: &str) {
    c.items.push(Item::Circle {
        cx,
        cy,
        r,
        color: ACCENT,
    });
    let size = r * 1.25;
    let w = c.m.width(Style::Bold, number, size);
    c.items.push(Item::Text {
        x: cx - w / 2.0,
        y: cy + size * 0.36,
        size,
        style: Style::Bold,
        color: WHITE,
        text: number.to_owned(),
    });
}
