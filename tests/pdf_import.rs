//! Importing PDF reports: generated here with the same PDF writer the app exports with
//! (krilla), as a two-column, two-page report with running header and page numbers, and
//! as a "scanned" PDF with no text layer.

use briefing_core::assets::FONT_REGULAR;
use briefing_core::import::{ArticleFormat, ImportError, import_bytes};
use krilla::Document;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::text::{Font, TextDirection};

/// Lines of each column, laid out as a typesetter would: 13 pt leading, a blank line
/// between paragraphs.
const PAGE_1_LEFT: &[&str] = &[
    "Russian Foreign Minister Sergei Lavrov",
    "began a three-country tour of Central",
    "Asia on Sunday, his first in two years.",
    "",
    "Officials in Bishkek described the talks",
    "as a step towards regional peace-",
    "keeping arrangements with Moscow.",
];
const PAGE_1_RIGHT: &[&str] = &[
    "In Dushanbe the agenda turned to the",
    "border with Afghanistan and to the",
    "Russian base near the capital.",
];
const PAGE_2_LEFT: &[&str] = &[
    "Turkmenistan, neutral by its constitution,",
    "kept to trade and the Caspian.",
];

fn two_column_report() -> Vec<u8> {
    let font = Font::new(FONT_REGULAR.into(), 0).expect("font");
    let mut doc = Document::new();
    doc.set_metadata(Metadata::new().title("Regional Security Review".to_owned()));
    let pages: [(&[&str], &[&str]); 2] = [(PAGE_1_LEFT, PAGE_1_RIGHT), (PAGE_2_LEFT, &[])];
    for (n, (left, right)) in pages.iter().enumerate() {
        let mut page = doc.start_page_with(PageSettings::from_wh(595.0, 842.0).expect("size"));
        let mut surface = page.surface();
        let mut text = |x: f32, y: f32, s: &str, size: f32| {
            surface.draw_text(
                Point::from_xy(x, y),
                font.clone(),
                size,
                s,
                false,
                TextDirection::Auto,
            );
        };
        text(50.0, 40.0, "Regional Security Review · February 2019", 8.0);
        text(280.0, 815.0, &format!("Page {}", n + 1), 8.0);
        for (column_x, lines) in [(50.0, *left), (315.0, *right)] {
            for (i, line) in lines.iter().enumerate() {
                if !line.is_empty() {
                    text(column_x, 120.0 + 13.0 * i as f32, line, 10.0);
                }
            }
        }
        surface.finish();
        page.finish();
    }
    doc.finish().expect("pdf")
}

#[test]
fn a_two_column_report_reads_in_order_without_its_running_head_and_page_numbers() {
    let article = import_bytes(&two_column_report(), ArticleFormat::Pdf).expect("imports");
    assert_eq!(article.title, "Regional Security Review");
    let paragraphs: Vec<&str> = article.text.lines().collect();
    assert_eq!(
        paragraphs,
        vec![
            "Regional Security Review",
            "Russian Foreign Minister Sergei Lavrov began a three-country tour of Central Asia on Sunday, his first in two years.",
            "Officials in Bishkek described the talks as a step towards regional peacekeeping arrangements with Moscow.",
            "In Dushanbe the agenda turned to the border with Afghanistan and to the Russian base near the capital.",
            "Turkmenistan, neutral by its constitution, kept to trade and the Caspian.",
        ]
    );
}

#[test]
fn a_scanned_pdf_without_text_gets_a_clear_message() {
    let mut doc = Document::new();
    let mut page = doc.start_page_with(PageSettings::from_wh(595.0, 842.0).expect("size"));
    let mut surface = page.surface();
    let mut pb = PathBuilder::new();
    pb.push_rect(Rect::from_xywh(50.0, 50.0, 400.0, 600.0).expect("rect"));
    surface.draw_path(&pb.finish().expect("path"));
    surface.finish();
    page.finish();
    let bytes = doc.finish().expect("pdf");
    let err = import_bytes(&bytes, ArticleFormat::Pdf).unwrap_err();
    assert!(matches!(err, ImportError::ScannedPdf), "{err}");
    let message = err.to_string();
    assert!(
        message.contains("no text layer") && message.contains("OCR"),
        "{message}"
    );
}

#[test]
fn a_damaged_pdf_is_refused_not_a_crash() {
    let mut bytes = two_column_report();
    let cut = bytes.len() / 2;
    bytes.truncate(cut);
    let err = import_bytes(&bytes, ArticleFormat::Pdf).unwrap_err();
    assert!(!err.to_string().is_empty(), "{err}");
    let err = import_bytes(b"%PDF-1.7 nothing else", ArticleFormat::Pdf).unwrap_err();
    assert!(matches!(err, ImportError::NotPdf(_)), "{err}");
    assert!(err.to_string().contains("PDF"), "{err}");
}
