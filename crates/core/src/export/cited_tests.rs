//! Briefs from several sources: every claim carries its source numbers in the `Brief` and
//! in each format, and the source line lists the sources; a one-source brief reads as it
//! always did.

use super::{Format, Paper, export};
use crate::anchor::evidence_for;
use crate::brief::Brief;
use crate::dates::Date;
use crate::model::{Article, Edit, ItemKind, ItemRef, Notebook, Source, TextIndex};
use crate::storage::load_notebook;

const DATE: Date = Date::new_const(2026, 12, 3);

fn worked_example() -> Notebook {
    let path = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../saves/lavrov-central-asia-tour.ron"
    ));
    load_notebook(path).unwrap().0
}

/// The worked example with a second source, "Envoys" (F6), that Sergei Lavrov's evidence
/// also quotes.
fn two_sources() -> Notebook {
    let mut nb = worked_example();
    let text = "Envoys\n\nLavrov flew on to Dushanbe.";
    let id = nb.allocate_id();
    Edit::AddSource(Source::new(id, Article::new("Envoys", text)))
        .apply(&mut nb)
        .unwrap();
    let span = evidence_for(id, text, &TextIndex::new(text), nb.allocate_id(), 8, 14);
    let lavrov = ItemRef {
        kind: ItemKind::Actor,
        id: nb.actors[0].id,
    };
    Edit::AttachEvidence(lavrov, span).apply(&mut nb).unwrap();
    nb
}

fn text_of(nb: &Notebook, format: Format) -> String {
    String::from_utf8(export(nb, format, Paper::A4, DATE).unwrap().bytes).unwrap()
}

#[test]
fn each_claim_carries_the_numbers_of_its_sources() {
    let nb = two_sources();
    let b = Brief::from_notebook(&nb, DATE);
    assert!(b.cites_sources());
    let numbers: Vec<usize> = b.sources.iter().map(|s| s.number).collect();
    assert_eq!(numbers, [1, 2]);
    assert_eq!(
        (b.sources[0].grade.as_str(), b.sources[1].grade.as_str()),
        ("B2", "F6")
    );
    assert_eq!(b.actors[0].sources, [1, 2], "Sergei Lavrov");
    assert_eq!(b.actors[1].sources, [1]);
    assert!(b.stakes.iter().all(|s| s.sources == [1]));
    assert!(b.risks.iter().all(|r| r.sources == [1]));
    assert_eq!(b.citation(&[1, 2]), " [1, 2]");
    assert_eq!(b.citation(&[]), "", "no evidence, no numbers");
    assert_eq!(
        b.source_line(),
        "[1] Lavrov’s Central Asia Tour and Recent Developments in Afghan Peace Process, B2; [2] Envoys, F6"
    );
    let quote = &b.quotes[0];
    assert_eq!(b.quote_label(quote), "Sergei Lavrov, [1]");
}

#[test]
fn every_format_prints_the_numbers_after_each_claim_and_still_fits_one_page() {
    let nb = two_sources();
    let md = text_of(&nb, Format::Markdown);
    assert!(
        md.contains("| **Sergei Lavrov** \\[1, 2\\] (person) |"),
        "{md}"
    );
    assert!(
        md.contains("- **Security influence over Central Asia** \\[1\\]"),
        "{md}"
    );
    assert!(
        md.contains("## Sources\n\n\\[1\\] Lavrov’s Central Asia Tour"),
        "{md}"
    );
    assert!(md.contains("— Sergei Lavrov, \\[1\\]"), "{md}");
    let html = text_of(&nb, Format::Html);
    assert!(
        html.contains("Sergei Lavrov</strong> <span class=\"muted cite\">[1, 2]</span>"),
        "{html}"
    );
    assert!(html.contains("<strong>Sources:</strong>"));
    let pdf = export(&nb, Format::Pdf, Paper::A4, DATE).unwrap();
    assert!(pdf.fit.is_some_and(|f| f.page.fullness() <= 1.0));
}

#[test]
fn a_brief_from_one_source_prints_no_numbers() {
    let nb = worked_example();
    let b = Brief::from_notebook(&nb, DATE);
    assert!(!b.cites_sources());
    assert_eq!(
        b.actors[0].sources,
        [1],
        "the numbers are still in the brief"
    );
    assert_eq!(b.citation(&[1]), "");
    assert_eq!(
        b.source_line(),
        "Lavrov’s Central Asia Tour and Recent Developments in Afghan Peace Process"
    );
    let md = text_of(&nb, Format::Markdown);
    assert!(
        !md.contains("\\[1\\]") && md.contains("## Source\n"),
        "{md}"
    );
    assert!(!text_of(&nb, Format::Html).contains("cite"));
}
