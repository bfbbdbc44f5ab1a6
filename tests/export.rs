//! The brief exports, checked as a reader would: poppler's pdfinfo / pdffonts / pdftotext
//! on the PDF (installed by .ci/run), and the HTML and Markdown text.

use briefing_notebook::brief::Date;
use briefing_notebook::export::{ExportError, Format, Paper, export};
use briefing_notebook::model::{Article, Edit, ItemKind, Notebook};
use briefing_notebook::storage::load_notebook;
use std::path::Path;
use std::process::Command;

const WORKED_EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/saves/lavrov-central-asia-tour.ron"
);
const DATE: Date = Date::new_const(2026, 11, 28);

fn worked_example() -> Notebook {
    load_notebook(Path::new(WORKED_EXAMPLE)).unwrap().0
}

/// Runs a poppler tool on a PDF file and returns its stdout.
fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" {
            vec!["-"]
        } else {
            vec![]
        })
        .output()
        .unwrap_or_else(|e| {
            panic!("{tool} is needed for this test (apt install poppler-utils): {e}")
        });
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn write_pdf(dir: &Path, name: &str, nb: &Notebook, paper: Paper) -> std::path::PathBuf {
    let exported = export(nb, Format::Pdf, paper, DATE).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, &exported.bytes).unwrap();
    path
}

#[test]
fn worked_example_is_one_page_on_a4_and_letter_with_embedded_fonts_and_searchable_text() {
    let dir = tempfile::tempdir().unwrap();
    let nb = worked_example();
    for (paper, size) in [
        (Paper::A4, "595.276 x 841.89 pts (A4)"),
        (Paper::Letter, "612 x 792 pts (letter)"),
    ] {
        let pdf = write_pdf(dir.path(), "brief.pdf", &nb, paper);
        let info = poppler("pdfinfo", &[], &pdf);
        assert!(info.contains("Pages:           1"), "{info}");
        assert!(info.contains(size), "{info}");
        assert!(
            info.contains("Title:           Russia Courts Central Asia as Afghan Talks Split"),
            "{info}"
        );
        let fonts = poppler("pdffonts", &[], &pdf);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(rows.len() >= 2, "{fonts}");
        for row in rows {
            assert!(row.contains("NotoSans"), "{row}");
            assert!(
                row.contains(" yes yes yes "),
                "embedded, subsetted, unicode: {row}"
            );
        }
        let text = poppler("pdftotext", &["-layout"], &pdf);
        for word in [
            "Bottom line",
            "Key actors",
            "Stakes",
            "Risks",
            "Indicators to watch",
            "Source:",
            "Sergei Lavrov",
            "Taliban",
            "Collective Security Treaty",
            "Zamir Kabolov",
            "Russo-American rivalry stalls the peace process",
        ] {
            assert!(text.contains(word), "{word:?} missing from:\n{text}");
        }
    }
}

#[test]
fn cyrillic_names_come_back_out_of_the_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let mut nb = worked_example();
    let id = nb.allocate_id();
    Edit::AddItem {
        kind: ItemKind::Actor,
        id,
        name: "Сергей Лавров".into(),
        evidence: None,
    }
    .apply(&mut nb)
    .unwrap();
    let pdf = write_pdf(dir.path(), "ru.pdf", &nb, Paper::A4);
    let text = poppler("pdftotext", &[], &pdf);
    assert!(text.contains("Сергей Лавров"), "{text}");
}

fn stuffed(risks: usize) -> Notebook {
    let mut nb = worked_example();
    for n in 0..risks {
        let id = nb.allocate_id();
        Edit::AddItem {
            kind: ItemKind::Risk,
            id,
            name: format!("Extra risk number {n} with a title long enough to wrap onto a second line of the list"),
            evidence: None,
        }
        .apply(&mut nb)
        .unwrap();
        Edit::SetText(
            briefing_notebook::model::TextField::RiskDetail(id),
            "A detail sentence that explains how this risk would unfold and why it matters to the reader.".into(),
        )
        .apply(&mut nb)
        .unwrap();
    }
    nb
}

#[test]
fn far_too_much_content_never_gives_two_pages() {
    let dir = tempfile::tempdir().unwrap();
    for extra in [8, 60] {
        let nb = stuffed(extra);
        match export(&nb, Format::Pdf, Paper::A4, DATE) {
            Ok(exported) => {
                let fit = exported.fit.unwrap();
                assert!(
                    !fit.dropped.is_empty() || fit.scale < 1.0,
                    "{}",
                    fit.summary()
                );
                let path = dir.path().join(format!("{extra}.pdf"));
                std::fs::write(&path, &exported.bytes).unwrap();
                assert!(poppler("pdfinfo", &[], &path).contains("Pages:           1"));
            }
            Err(ExportError::TooLong(too_long)) => {
                let message = too_long.to_string();
                assert!(
                    message.contains("Risks"),
                    "names the long section: {message}"
                );
                assert!(message.contains("too long for one page"), "{message}");
            }
            Err(e) => panic!("unexpected error: {e}"),
        }
    }
    // 60 extra risks cannot fit at all: refused, naming Risks first.
    let Err(ExportError::TooLong(t)) = export(&stuffed(60), Format::Pdf, Paper::A4, DATE) else {
        panic!("60 risks should not fit");
    };
    assert_eq!(t.sections[0].0, "Risks");
}

#[test]
fn characters_the_fonts_cannot_draw_are_reported_not_dropped() {
    let mut nb = worked_example();
    Edit::SetText(
        briefing_notebook::model::TextField::BottomLine,
        "Talks stall 😀 in 北京.".into(),
    )
    .apply(&mut nb)
    .unwrap();
    let Err(ExportError::Unsupported(what)) = export(&nb, Format::Pdf, Paper::A4, DATE) else {
        panic!("should refuse");
    };
    assert!(
        what.contains("U+1F600") && what.contains("U+5317") && what.contains("bottom line"),
        "{what}"
    );
}

#[test]
fn html_escapes_user_text_and_is_standalone() {
    let mut nb = Notebook::new(Article::new("T & <b>", "Some text."));
    let id = nb.allocate_id();
    Edit::AddItem {
        kind: ItemKind::Actor,
        id,
        name: "<script>alert(1)</script>".into(),
        evidence: None,
    }
    .apply(&mut nb)
    .unwrap();
    let html = String::from_utf8(
        export(&nb, Format::Html, Paper::Letter, DATE)
            .unwrap()
            .bytes,
    )
    .unwrap();
    assert!(!html.contains("<script"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("T &amp; &lt;b&gt;"));
    assert!(html.contains("dir=\"auto\""));
    assert!(html.contains("size: letter"));
    for remote in ["http://", "https://", "src=", "@import", "url("] {
        assert!(!html.contains(remote), "remote resource {remote:?} in HTML");
    }
}

#[test]
fn html_and_markdown_say_what_the_pdf_says() {
    let nb = worked_example();
    let html =
        String::from_utf8(export(&nb, Format::Html, Paper::A4, DATE).unwrap().bytes).unwrap();
    let md = String::from_utf8(
        export(&nb, Format::Markdown, Paper::A4, DATE)
            .unwrap()
            .bytes,
    )
    .unwrap();
    for heading in [
        "## Bottom line",
        "## Key actors",
        "## Stakes",
        "## Risks",
        "## Indicators to watch",
        "## Source",
    ] {
        assert!(md.contains(heading), "{heading} missing:\n{md}");
    }
    assert!(md.contains("| Actor | Role | Position / interests |"));
    assert!(
        md.contains("| **Sergei Lavrov** (person) | Russian Foreign Minister |"),
        "{md}"
    );
    assert!(md.contains("1. **Russo-American rivalry stalls the peace process**"));
    for text in [
        "Bottom line",
        "Key actors",
        "Sergei Lavrov",
        "Zamir Kabolov",
        "<svg",
    ] {
        assert!(html.contains(text), "{text} missing from HTML");
    }
}

#[test]
fn export_command_writes_beside_the_notebook_and_never_over_it() {
    let dir = tempfile::tempdir().unwrap();
    let notebook = dir.path().join("brief.ron");
    std::fs::copy(WORKED_EXAMPLE, &notebook).unwrap();
    let bin = env!("CARGO_BIN_EXE_briefing-notebook");
    let out = Command::new(bin)
        .args([
            "export",
            notebook.to_str().unwrap(),
            "--format",
            "pdf",
            "--paper",
            "letter",
        ])
        .env_remove("DISPLAY")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = dir.path().join("brief.pdf");
    assert!(poppler("pdfinfo", &[], &pdf).contains("(letter)"));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("US Letter") && said.contains("fits"),
        "{said}"
    );

    let before = std::fs::read(&notebook).unwrap();
    let out = Command::new(bin)
        .args([
            "export",
            notebook.to_str().unwrap(),
            "--format",
            "md",
            "-o",
            notebook.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("refusing to write an export over a notebook"),
        "{err}"
    );
    assert_eq!(std::fs::read(&notebook).unwrap(), before);
}

/// Prints an HTML file to PDF with headless Chromium (installed by .ci/run).
fn chromium_print(html: &Path, pdf: &Path, profile: &Path) {
    let status = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap_or_else(|e| panic!("chromium is needed for this test (apt install chromium): {e}"));
    assert!(
        status.success(),
        "chromium failed to print {}",
        html.display()
    );
}

#[test]
fn html_prints_to_one_page_from_a_browser() {
    let dir = tempfile::tempdir().unwrap();
    for (name, nb) in [("worked", worked_example()), ("stuffed", stuffed(6))] {
        for paper in [Paper::A4, Paper::Letter] {
            let html = dir.path().join(format!("{name}-{}.html", paper.css_size()));
            std::fs::write(&html, export(&nb, Format::Html, paper, DATE).unwrap().bytes).unwrap();
            let pdf = html.with_extension("pdf");
            chromium_print(&html, &pdf, &dir.path().join("profile"));
            let info = poppler("pdfinfo", &[], &pdf);
            assert!(
                info.contains("Pages:           1"),
                "{name} on {}:\n{info}",
                paper.label()
            );
        }
    }
}

/// The W3C Web Annotation Data Model's rules, checked on every annotation we write.
fn check_annotation(a: &serde_json::Value, text: &str) {
    assert_eq!(a["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(a["type"], "Annotation");
    let id = a["id"].as_str().expect("an id");
    assert!(
        id.contains(':') && !id.contains(' '),
        "the id is an IRI: {id}"
    );
    let motivations = [
        "assessing",
        "bookmarking",
        "classifying",
        "commenting",
        "describing",
        "editing",
        "highlighting",
        "identifying",
        "linking",
        "moderating",
        "questioning",
        "replying",
        "tagging",
    ];
    assert!(motivations.contains(&a["motivation"].as_str().unwrap()));
    for body in a["body"].as_array().expect("bodies") {
        assert_eq!(body["type"], "TextualBody");
        assert!(body["value"].as_str().is_some_and(|v| !v.is_empty()));
        assert!(motivations.contains(&body["purpose"].as_str().unwrap()));
    }
    let target = &a["target"];
    assert!(
        target["source"].as_str().is_some_and(|s| s.contains(':')),
        "source is an IRI"
    );
    let selectors = target["selector"].as_array().expect("selectors");
    let quote = selectors
        .iter()
        .find(|s| s["type"] == "TextQuoteSelector")
        .expect("a quote selector");
    let position = selectors
        .iter()
        .find(|s| s["type"] == "TextPositionSelector")
        .expect("a position selector");
    let exact = quote["exact"].as_str().expect("exact is a string");
    assert!(quote["prefix"].is_string() && quote["suffix"].is_string());
    let (start, end) = (
        position["start"].as_u64().unwrap() as usize,
        position["end"].as_u64().unwrap() as usize,
    );
    assert!(start <= end);
    // Positions count code points, and point at the quote.
    let at: String = text.chars().skip(start).take(end - start).collect();
    assert_eq!(at, exact);
}

#[test]
fn evidence_exports_as_w3c_web_annotations() {
    let nb = worked_example();
    let bytes = export(&nb, Format::W3c, Paper::A4, DATE).unwrap().bytes;
    let doc: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(doc["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(doc["type"], "AnnotationCollection");
    assert_eq!(doc["first"]["type"], "AnnotationPage");
    let items = doc["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 27);
    assert_eq!(doc["total"], 27);
    for a in items {
        check_annotation(a, &nb.article.text);
    }
    assert!(
        items[0]["body"][0]["value"]
            .as_str()
            .unwrap()
            .starts_with("Actor: Sergei Lavrov")
    );
    let bin = env!("CARGO_BIN_EXE_briefing-notebook");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("evidence.jsonld");
    let o = Command::new(bin)
        .args([
            "export",
            WORKED_EXAMPLE,
            "--format",
            "w3c",
            "-o",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(std::fs::read(&out).unwrap(), bytes);
}

#[test]
fn evidence_exports_as_rfc_4180_csv() {
    let nb = worked_example();
    let csv = String::from_utf8(export(&nb, Format::Csv, Paper::A4, DATE).unwrap().bytes).unwrap();
    assert!(csv.starts_with("item kind,item name,quote,start,end,status\r\n"));
    assert_eq!(
        csv.matches("\r\n").count(),
        28,
        "a header and one row per span, CRLF"
    );
    // A quote with a comma and curly quotes is quoted; plain ones are not.
    assert!(csv.contains("actor,Sergei Lavrov,\"“when we speak about Central Asia, we primarily"));
    assert!(csv.contains("actor,Sergei Lavrov,Russian Foreign Minister Sergei Lavrov embarked on a three-country tour on February 3,76,161,exact\r\n"));
}
