//! The brief exports, checked as a reader would. Every PDF check runs twice: in the
//! default suite with Rust PDF readers already in the tree (lopdf for structure, fonts and
//! metadata, pdf-extract for text), and as an ignored cross-check with poppler (pdfinfo,
//! pdffonts, pdftotext), which `.ci/run` installs and runs with `--include-ignored`. The
//! HTML brief is printed by a real browser (headless Chromium) in an ignored test too.

use briefing_core::dates::Date;
use briefing_core::export::{ExportError, Format, Paper, export};
use briefing_core::model::{Article, Edit, ItemKind, Notebook};
use briefing_core::storage::load_notebook;
use std::path::Path;
use std::process::Command;

#[path = "export/sources.rs"]
mod sources;

const WORKED_EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/saves/lavrov-central-asia-tour.ron"
);
const DATE: Date = Date::new_const(2026, 11, 28);

fn worked_example() -> Notebook {
    load_notebook(Path::new(WORKED_EXAMPLE)).unwrap().0
}

/// One font as a PDF reader reports it.
#[derive(Debug)]
struct FontFacts {
    name: String,
    embedded: bool,
    subset: bool,
    unicode: bool,
}

/// Who reads the PDF back: the Rust crates in the tree, or poppler's command-line tools.
#[derive(Clone, Copy, Debug)]
enum Reader {
    Rust,
    Poppler,
}

impl Reader {
    fn pages(self, pdf: &Path) -> usize {
        match self {
            Reader::Rust => lopdf_doc(pdf).get_pages().len(),
            Reader::Poppler => poppler_info(pdf, "Pages").parse().unwrap(),
        }
    }

    /// Width and height of the first page in points, rounded to a hundredth.
    fn page_size(self, pdf: &Path) -> (f64, f64) {
        let round = |x: f64| (x * 100.0).round() / 100.0;
        match self {
            Reader::Rust => {
                let doc = lopdf_doc(pdf);
                let (_, &page) = doc.get_pages().iter().next().expect("a page");
                let page = doc.get_dictionary(page).unwrap();
                let media_box = page.get(b"MediaBox").unwrap().as_array().unwrap();
                let n: Vec<f64> = media_box
                    .iter()
                    .map(|v| v.as_float().map(f64::from).unwrap())
                    .collect();
                (round(n[2] - n[0]), round(n[3] - n[1]))
            }
            Reader::Poppler => {
                // "Page size:      595.276 x 841.89 pts (A4)"
                let size = poppler_info(pdf, "Page size");
                let words: Vec<&str> = size.split_whitespace().collect();
                (
                    round(words[0].parse().unwrap()),
                    round(words[2].parse().unwrap()),
                )
            }
        }
    }

    fn title(self, pdf: &Path) -> String {
        match self {
            Reader::Rust => {
                let doc = lopdf_doc(pdf);
                let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
                let title = doc.get_dictionary(info).unwrap().get(b"Title").unwrap();
                lopdf::decode_text_string(title).unwrap()
            }
            Reader::Poppler => poppler_info(pdf, "Title"),
        }
    }

    fn fonts(self, pdf: &Path) -> Vec<FontFacts> {
        match self {
            Reader::Rust => lopdf_fonts(pdf),
            Reader::Poppler => poppler("pdffonts", &[], pdf)
                .lines()
                .skip(2)
                .map(|row| {
                    // name type [encoding...] emb sub uni object ID
                    let cols: Vec<&str> = row.split_whitespace().collect();
                    let n = cols.len();
                    FontFacts {
                        name: cols[0].to_owned(),
                        embedded: cols[n - 5] == "yes",
                        subset: cols[n - 4] == "yes",
                        unicode: cols[n - 3] == "yes",
                    }
                })
                .collect(),
        }
    }

    fn text(self, pdf: &Path) -> String {
        match self {
            Reader::Rust => pdf_extract::extract_text(pdf).unwrap(),
            Reader::Poppler => poppler("pdftotext", &["-layout"], pdf),
        }
    }
}

fn lopdf_doc(pdf: &Path) -> lopdf::Document {
    lopdf::Document::load(pdf).unwrap_or_else(|e| panic!("{}: {e}", pdf.display()))
}

/// Every font the pages use, with the facts pdffonts prints: embedded (a font file in the
/// descriptor), subsetted (the "ABCDEF+" name prefix), unicode (a ToUnicode map).
fn lopdf_fonts(pdf: &Path) -> Vec<FontFacts> {
    let doc = lopdf_doc(pdf);
    let mut out = Vec::new();
    for (_, page) in doc.get_pages() {
        for (_, font) in doc.get_page_fonts(page).unwrap() {
            let name = String::from_utf8_lossy(font.get(b"BaseFont").unwrap().as_name().unwrap())
                .into_owned();
            // A composite (Type0) font keeps its descriptor on its descendant.
            let descriptor_owner = match font.get(b"DescendantFonts") {
                Ok(descendants) => {
                    let descendants = match descendants {
                        lopdf::Object::Reference(r) => doc.get_object(*r).unwrap(),
                        other => other,
                    };
                    let first = descendants.as_array().unwrap()[0].as_reference().unwrap();
                    doc.get_dictionary(first).unwrap()
                }
                Err(_) => font,
            };
            let descriptor = descriptor_owner
                .get(b"FontDescriptor")
                .and_then(|d| d.as_reference())
                .and_then(|r| doc.get_dictionary(r))
                .unwrap();
            let embedded = [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
                .iter()
                .any(|key| descriptor.has(key));
            let prefix = name.split_once('+').map(|(p, _)| p);
            out.push(FontFacts {
                subset: prefix
                    .is_some_and(|p| p.len() == 6 && p.bytes().all(|b| b.is_ascii_uppercase())),
                unicode: font.has(b"ToUnicode"),
                embedded,
                name,
            });
        }
    }
    out
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

/// One field of pdfinfo's output, e.g. "Pages".
fn poppler_info(pdf: &Path, field: &str) -> String {
    let info = poppler("pdfinfo", &[], pdf);
    info.lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .unwrap_or_else(|| panic!("no {field} in:\n{info}"))
        .trim()
        .to_owned()
}

fn write_pdf(dir: &Path, name: &str, nb: &Notebook, paper: Paper) -> std::path::PathBuf {
    let exported = export(nb, Format::Pdf, paper, DATE).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, &exported.bytes).unwrap();
    path
}

fn worked_example_is_one_page_on_a4_and_letter_with_embedded_fonts_and_searchable_text(
    reader: Reader,
) {
    let dir = tempfile::tempdir().unwrap();
    let nb = worked_example();
    for (paper, size) in [
        (Paper::A4, (595.28, 841.89)),
        (Paper::Letter, (612.0, 792.0)),
    ] {
        let pdf = write_pdf(dir.path(), "brief.pdf", &nb, paper);
        assert_eq!(reader.pages(&pdf), 1, "{reader:?}");
        assert_eq!(reader.page_size(&pdf), size, "{reader:?}");
        assert_eq!(
            reader.title(&pdf),
            "Russia Courts Central Asia as Afghan Talks Split"
        );
        let fonts = reader.fonts(&pdf);
        assert!(fonts.len() >= 2, "{fonts:?}");
        for font in fonts {
            assert!(font.name.contains("NotoSans"), "{font:?}");
            assert!(
                font.embedded && font.subset && font.unicode,
                "embedded, subsetted, unicode: {font:?}"
            );
        }
        let text = reader.text(&pdf);
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
            assert!(
                text.contains(word),
                "{word:?} missing ({reader:?}) from:\n{text}"
            );
        }
    }
}

#[test]
fn worked_example_pdf_read_back_in_rust() {
    worked_example_is_one_page_on_a4_and_letter_with_embedded_fonts_and_searchable_text(
        Reader::Rust,
    );
}

#[test]
#[ignore = "needs poppler and chromium; .ci/run installs them"]
fn worked_example_pdf_read_back_by_poppler() {
    worked_example_is_one_page_on_a4_and_letter_with_embedded_fonts_and_searchable_text(
        Reader::Poppler,
    );
}

fn cyrillic_names_come_back_out_of_the_pdf(reader: Reader) {
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
    let text = reader.text(&pdf);
    assert!(text.contains("Сергей Лавров"), "{reader:?}: {text}");
}

#[test]
fn cyrillic_comes_back_in_rust() {
    cyrillic_names_come_back_out_of_the_pdf(Reader::Rust);
}

#[test]
#[ignore = "needs poppler and chromium; .ci/run installs them"]
fn cyrillic_comes_back_from_poppler() {
    cyrillic_names_come_back_out_of_the_pdf(Reader::Poppler);
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
            briefing_core::model::TextField::RiskDetail(id),
            "A detail sentence that explains how this risk would unfold and why it matters to the reader.".into(),
        )
        .apply(&mut nb)
        .unwrap();
    }
    nb
}

fn far_too_much_content_never_gives_two_pages(reader: Reader) {
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
                assert_eq!(reader.pages(&path), 1, "{reader:?}");
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
fn far_too_much_content_never_gives_two_pages_in_rust() {
    far_too_much_content_never_gives_two_pages(Reader::Rust);
}

#[test]
#[ignore = "needs poppler and chromium; .ci/run installs them"]
fn far_too_much_content_never_gives_two_pages_by_poppler() {
    far_too_much_content_never_gives_two_pages(Reader::Poppler);
}

#[test]
fn characters_the_fonts_cannot_draw_are_reported_not_dropped() {
    let mut nb = worked_example();
    Edit::SetText(
        briefing_core::model::TextField::BottomLine,
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
    // The sources: one source's line with its grade, and lists of six and fifty.
    let pdf = export(&nb, Format::Pdf, Paper::A4, DATE).unwrap().bytes;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("b.pdf"), pdf).unwrap();
    let line = "Lavrov’s Central Asia Tour and Recent Developments in Afghan Peace Process, B2";
    let pdf_text = Reader::Rust
        .text(&dir.path().join("b.pdf"))
        .replace('\n', " ");
    assert!(pdf_text.contains(line), "{pdf_text}");
    assert!(md.contains(&format!("## Source\n\n{line}")), "{md}");
    assert!(html.contains("Afghan Peace Process</span>, B2"), "{html}");
    for nb in [sources::yukos(), sources::generated(50)] {
        sources::html_and_markdown_list_the_sources(&nb);
    }
}

fn export_command_writes_beside_the_notebook_and_never_over_it(reader: Reader) {
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
    assert_eq!(reader.page_size(&pdf), (612.0, 792.0), "{reader:?}");
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

#[test]
fn export_command_writes_beside_the_notebook_read_in_rust() {
    export_command_writes_beside_the_notebook_and_never_over_it(Reader::Rust);
}

#[test]
#[ignore = "needs poppler and chromium; .ci/run installs them"]
fn export_command_writes_beside_the_notebook_read_by_poppler() {
    export_command_writes_beside_the_notebook_and_never_over_it(Reader::Poppler);
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
#[ignore = "needs poppler and chromium; .ci/run installs them"]
fn html_prints_to_one_page_from_a_browser() {
    let dir = tempfile::tempdir().unwrap();
    for (name, nb) in [("worked", worked_example()), ("stuffed", stuffed(6))] {
        for paper in [Paper::A4, Paper::Letter] {
            let html = dir.path().join(format!("{name}-{}.html", paper.css_size()));
            std::fs::write(&html, export(&nb, Format::Html, paper, DATE).unwrap().bytes).unwrap();
            let pdf = html.with_extension("pdf");
            chromium_print(&html, &pdf, &dir.path().join("profile"));
            assert_eq!(
                Reader::Poppler.pages(&pdf),
                1,
                "{name} on {}",
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
    // Each annotation targets the source its span quotes.
    for (a, (_, e)) in items.iter().zip(nb.all_evidence()) {
        let source = nb.source(e.source).expect("the span's source");
        check_annotation(a, &source.article.text);
        let iri = format!("urn:sha256:{}", source.article.text_sha256);
        assert_eq!(a["target"]["source"], iri.as_str());
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
    assert!(csv.starts_with("item kind,item name,source,quote,start,end,status\r\n"));
    let source = nb.sources[0].id;
    assert_eq!(
        csv.matches("\r\n").count(),
        28,
        "a header and one row per span, CRLF"
    );
    // A quote with a comma and curly quotes is quoted; plain ones are not.
    assert!(csv.contains(&format!(
        "actor,Sergei Lavrov,{source},\"“when we speak about Central Asia, we primarily"
    )));
    assert!(csv.contains(&format!("actor,Sergei Lavrov,{source},Russian Foreign Minister Sergei Lavrov embarked on a three-country tour on February 3,76,161,exact\r\n")));
}
