//! The laid-out page as a PDF: fonts embedded and subsetted, text selectable, vector art.

use super::fonts::FontSet;
use super::layout::{Item, Page, Rgb};
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, Stroke};

/// What goes into the PDF's document information.
pub struct PdfInfo<'a> {
    /// Document title.
    pub title: &'a str,
    /// BCP 47 language tag of the text.
    pub language: &'a str,
    /// Author (the analyst), if known.
    pub author: Option<&'a str>,
}

fn fill(color: Rgb) -> Fill {
    Fill {
        paint: rgb::Color::new(color.0, color.1, color.2).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::default(),
    }
}

/// Writes `page` as a one-page PDF.
pub fn render(page: &Page, fonts: &FontSet, info: &PdfInfo<'_>) -> Result<Vec<u8>, String> {
    let mut doc = Document::new();
    let mut metadata = Metadata::new()
        .title(info.title.to_owned())
        .language(info.language.to_owned())
        .creator("Briefing Notebook".to_owned())
        .producer(format!("Briefing Notebook {}", env!("CARGO_PKG_VERSION")));
    if let Some(author) = info.author {
        metadata = metadata.authors(vec![author.to_owned()]);
    }
    doc.set_metadata(metadata);
    let settings = PageSettings::from_wh(page.width, page.height)
        .ok_or_else(|| format!("invalid page size {}×{}", page.width, page.height))?;
    let mut pdf_page = doc.start_page_with(settings);
    let mut surface = pdf_page.surface();
    for item in &page.items {
        match item {
            Item::Text {
                x,
                y,
                size,
                style,
                color,
                text,
            } => {
                surface.set_fill(Some(fill(*color)));
                surface.set_stroke(None);
                let glyphs = fonts.shape(*style, text);
                surface.draw_glyphs(
                    Point::from_xy(*x, *y),
                    &glyphs,
                    fonts.font(*style),
                    text,
                    *size,
                    false,
                );
            }
            Item::Line {
                from,
                to,
                width,
                color,
            } => {
                let mut pb = PathBuilder::new();
                pb.move_to(from.0, from.1);
                pb.line_to(to.0, to.1);
                if let Some(path) = pb.finish() {
                    surface.set_fill(None);
                    surface.set_stroke(Some(Stroke {
                        paint: rgb::Color::new(color.0, color.1, color.2).into(),
                        width: *width,
                        ..Stroke::default()
                    }));
                    surface.draw_path(&path);
                }
            }
            Item::Rect { x, y, w, h, color } => {
                let mut pb = PathBuilder::new();
                if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                    pb.push_rect(rect);
                }
                if let Some(path) = pb.finish() {
                    surface.set_stroke(None);
                    surface.set_fill(Some(fill(*color)));
                    surface.draw_path(&path);
                }
            }
            Item::Circle { cx, cy, r, color } => {
                if let Some(path) = circle(*cx, *cy, *r) {
                    surface.set_stroke(None);
                    surface.set_fill(Some(fill(*color)));
                    surface.draw_path(&path);
                }
            }
        }
    }
    surface.finish();
    pdf_page.finish();
    doc.finish().map_err(|e| format!("{e:?}"))
}

/// A circle from four cubic Bézier quarters.
fn circle(cx: f32, cy: f32, r: f32) -> Option<krilla::geom::Path> {
    const K: f32 = 0.552_284_8;
    let k = K * r;
    let mut pb = PathBuilder::new();
    pb.move_to(cx + r, cy);
    pb.cubic_to(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
    pb.cubic_to(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
    pb.cubic_to(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
    pb.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
    pb.close();
    pb.finish()
}
