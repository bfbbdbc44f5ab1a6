//! A PDF report to article text: the text layer's glyphs with their positions (from
//! pdf-extract), then our own layout: lines, columns in reading order, running headers,
//! footers and page numbers dropped, lines joined into paragraphs across line breaks
//! and hyphenation.

use super::ImportError;
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// A glyph on a page: position from the page's top-left, in points.
#[derive(Clone, Debug)]
struct Glyph {
    x: f64,
    y: f64,
    end: f64,
    size: f64,
    text: String,
}

#[derive(Default)]
struct Collector {
    pages: Vec<(f64, Vec<Glyph>)>,
    page_height: f64,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page: u32,
        media_box: &MediaBox,
        _art: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.page_height = media_box.ury - media_box.lly;
        self.pages.push((self.page_height, Vec::new()));
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        // The size as drawn: the text matrix scales the font size.
        let sx = font_size * (trm.m11 + trm.m21);
        let sy = font_size * (trm.m12 + trm.m22);
        let size = (sx * sy).abs().sqrt().max(1.0);
        let (x, y) = (trm.m31, self.page_height - trm.m32);
        if let Some((_, glyphs)) = self.pages.last_mut() {
            glyphs.push(Glyph {
                x,
                y,
                end: x + width * size,
                size,
                text: text.to_owned(),
            });
        }
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// A run of text on one line of one column.
#[derive(Clone, Debug)]
struct Line {
    x: f64,
    end: f64,
    y: f64,
    size: f64,
    text: String,
}

/// Glyphs to lines, in the order the page draws them; a new line starts where the text
/// moves to another baseline or jumps across a gap (a column gutter). Some PDFs give no
/// glyph widths: then an average advance of half the font size stands in.
fn lines_of(glyphs: Vec<Glyph>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut current: Option<Line> = None;
    for g in glyphs {
        let advance = if g.end > g.x {
            g.end - g.x
        } else {
            0.5 * g.size
        };
        let continues = current.as_ref().is_some_and(|l| {
            (l.y - g.y).abs() < 0.4 * g.size.max(l.size)
                && g.x >= l.x - 1.0
                && g.x - l.end < 2.0 * g.size
        });
        if continues {
            if let Some(line) = current.as_mut() {
                let measured = g.end > g.x;
                if measured
                    && g.x - line.end > 0.15 * g.size
                    && !line.text.ends_with(' ')
                    && g.text != " "
                {
                    line.text.push(' ');
                }
                line.text.push_str(&g.text);
                line.end = if measured {
                    g.end.max(line.end)
                } else {
                    line.end + advance
                };
            }
        } else {
            out.extend(current.take());
            current = Some(Line {
                x: g.x,
                end: g.x + advance,
                y: g.y,
                size: g.size,
                text: g.text.clone(),
            });
        }
    }
    out.extend(current);
    out.into_iter()
        .map(|mut l| {
            l.text = l.text.split_whitespace().collect::<Vec<_>>().join(" ");
            l
        })
        .filter(|l| !l.text.is_empty())
        .collect()
}

/// Orders a page's lines column by column (columns found where many lines start).
fn reading_order(mut lines: Vec<Line>, page_width: f64) -> Vec<Line> {
    let mut starts: Vec<f64> = Vec::new();
    let mut xs: Vec<f64> = lines.iter().map(|l| l.x).collect();
    xs.sort_by(f64::total_cmp);
    for x in xs {
        let count = lines.iter().filter(|l| (l.x - x).abs() < 8.0).count();
        if count >= 3 && starts.iter().all(|s| (s - x).abs() > page_width * 0.2) {
            starts.push(x);
        }
    }
    starts.sort_by(f64::total_cmp);
    let column = |l: &Line| starts.iter().rposition(|s| l.x + 8.0 >= *s).unwrap_or(0);
    lines.sort_by(|a, b| column(a).cmp(&column(b)).then(a.y.total_cmp(&b.y)));
    lines
}

/// Digits replaced, so "Page 3" and "Page 4" compare equal.
fn shape(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

fn is_page_number(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    let t = t.trim_start_matches("page").trim();
    !t.is_empty()
        && t.split(|c: char| c == '/' || c.is_whitespace() || c == '-')
            .all(|w| w.is_empty() || w == "of" || w.chars().all(|c| c.is_ascii_digit()))
}

/// What a PDF yields: its title (from its info or first line) and paragraphs.
#[derive(Debug, PartialEq)]
pub struct Report {
    /// The document's title, if it has one.
    pub title: Option<String>,
    /// Author from the document's info.
    pub author: Option<String>,
    /// Paragraphs in reading order.
    pub paragraphs: Vec<String>,
}

/// Reads a PDF's text layer.
pub fn parse(bytes: &[u8]) -> Result<Report, ImportError> {
    let doc =
        pdf_extract::Document::load_mem(bytes).map_err(|e| ImportError::NotPdf(e.to_string()))?;
    if doc.is_encrypted() {
        return Err(ImportError::EncryptedPdf);
    }
    let info = |key: &[u8]| -> Option<String> {
        let dict = doc.trailer.get(b"Info").ok()?;
        let dict = doc.get_dictionary(dict.as_reference().ok()?).ok()?;
        let object = dict.get(key).ok()?;
        let text = pdf_extract::decode_text_string(object).ok().or_else(|| {
            object
                .as_str()
                .ok()
                .map(|raw| String::from_utf8_lossy(raw).into_owned())
        })?;
        let text = text.trim().to_owned();
        (!text.is_empty()).then_some(text)
    };
    let mut collector = Collector::default();
    // The extractor can panic on damaged files: contain it and say so.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        pdf_extract::output_doc(&doc, &mut collector)
    }));
    std::panic::set_hook(previous);
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(e)) => return Err(ImportError::PdfText(e.to_string())),
        Err(_) => return Err(ImportError::DamagedPdf),
    }
    let glyphs: usize = collector.pages.iter().map(|(_, g)| g.len()).sum();
    if glyphs == 0 {
        return Err(ImportError::ScannedPdf);
    }
    let pages: Vec<Vec<Line>> = collector
        .pages
        .into_iter()
        .map(|(height, glyphs)| {
            let width = glyphs
                .iter()
                .map(|g| g.end)
                .fold(0.0, f64::max)
                .max(height * 0.7);
            let lines = lines_of(glyphs);
            // Running heads and feet: the top and bottom 8% of the page.
            let margin = height * 0.08;
            let lines: Vec<Line> = lines
                .into_iter()
                .map(|mut l| {
                    if l.y < margin || l.y > height - margin {
                        l.size = -l.size; // marked: in a margin
                    }
                    l
                })
                .collect();
            reading_order(lines, width)
        })
        .collect();
    // Margin lines repeated on several pages, or page numbers, are furniture.
    let margin_shapes: Vec<String> = pages
        .iter()
        .flat_map(|p| p.iter().filter(|l| l.size < 0.0).map(|l| shape(&l.text)))
        .collect();
    let several_pages = pages.len() > 1;
    let repeated = |l: &Line| {
        several_pages
            && margin_shapes
                .iter()
                .filter(|s| **s == shape(&l.text))
                .count()
                > 1
    };
    let mut paragraphs: Vec<String> = Vec::new();
    let mut previous: Option<Line> = None;
    for page in pages {
        for mut line in page {
            if line.size < 0.0 {
                if repeated(&line) || is_page_number(&line.text) {
                    continue;
                }
                line.size = -line.size;
            }
            let starts_paragraph = match &previous {
                None => true,
                Some(p) => {
                    let gap = line.y - p.y;
                    let new_column = gap < 0.0 || (line.x - p.x).abs() > 40.0;
                    let size_change = (line.size - p.size).abs() > 0.5;
                    let short_end = p.text.ends_with(['.', '!', '?', ':', '”', '"'])
                        && (p.end - p.x) < 0.75 * (line.end - line.x).max(1.0);
                    // Across a column or page break a paragraph goes on only mid-sentence.
                    let sentence_end = p.text.ends_with(['.', '!', '?', '”', '"']);
                    size_change
                        || (!new_column && gap > 1.8 * p.size)
                        || (new_column && sentence_end)
                        || short_end
                }
            };
            match paragraphs.last_mut() {
                Some(last) if !starts_paragraph => {
                    // Hyphenation across a line break: "peace-" + "keeping".
                    if last.ends_with('-')
                        && line.text.chars().next().is_some_and(char::is_lowercase)
                    {
                        last.pop();
                    } else {
                        last.push(' ');
                    }
                    last.push_str(&line.text);
                }
                _ => paragraphs.push(line.text.clone()),
            }
            previous = Some(line);
        }
    }
    Ok(Report {
        title: info(b"Title"),
        author: info(b"Author"),
        paragraphs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_are_recognised() {
        for n in ["3", "Page 3", "page 3 of 12", "3 / 12", "- 3 -"] {
            assert!(is_page_number(n), "{n}");
        }
        for t in ["3 ministers met", "Chapter 3"] {
            assert!(!is_page_number(t), "{t}");
        }
    }
}
