//! Briefs from many graded sources, checked as a reader would: the six Yukos articles
//! and fifty generated sources each give one page whose text names every source's number
//! and grade, and the HTML and Markdown say the same.

use super::{DATE, Reader};
use briefing_core::anchor::evidence_for;
use briefing_core::brief::{Brief, SourceForm};
use briefing_core::export::fit::source_form;
use briefing_core::export::{Format, Paper, export};
use briefing_core::model::{
    Article, Credibility, Edit, Id, ItemKind, ItemRef, Notebook, Reliability, Source, SourceField,
    TextIndex,
};
use std::path::Path;

const YUKOS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sources/yukos");

/// Adds `article` as a source graded `grade` ("B2") from `publisher`: the notebook's
/// first source when there is no notebook yet. Returns its id.
fn add_source(nb: &mut Option<Notebook>, article: Article, publisher: &str, grade: &str) -> Id {
    let id = match nb {
        None => {
            let first = Notebook::new(article);
            let id = first.sources[0].id;
            *nb = Some(first);
            id
        }
        Some(nb) => {
            let id = nb.allocate_id();
            Edit::AddSource(Source::new(id, article)).apply(nb).unwrap();
            id
        }
    };
    let nb = nb.as_mut().unwrap();
    let mut g = grade.chars();
    let reliability = g.next().and_then(Reliability::from_letter).unwrap();
    let credibility = g
        .next()
        .and_then(|c| c.to_digit(10))
        .and_then(|d| Credibility::new(d as u8))
        .unwrap();
    Edit::SetSourceGrade(id, reliability, credibility)
        .apply(nb)
        .unwrap();
    Edit::SetSourceMeta(id, SourceField::Publisher, publisher.into())
        .apply(nb)
        .unwrap();
    id
}

/// Adds an item of `kind` named `name`, without evidence.
fn add_item(nb: &mut Notebook, kind: ItemKind, name: &str) -> ItemRef {
    let id = nb.allocate_id();
    let evidence = None;
    let name = name.into();
    Edit::AddItem {
        kind,
        id,
        name,
        evidence,
    }
    .apply(nb)
    .unwrap();
    ItemRef { kind, id }
}

/// Quotes `phrase` from source `source` as evidence for `item`.
fn quote(nb: &mut Notebook, item: ItemRef, source: Id, phrase: &str) {
    let text = nb.source(source).unwrap().article.text.clone();
    let byte = text
        .find(phrase)
        .unwrap_or_else(|| panic!("{phrase:?} is not in source {source}"));
    let start = text[..byte].chars().count();
    let end = start + phrase.chars().count();
    let span = evidence_for(
        source,
        &text,
        &TextIndex::new(&text),
        nb.allocate_id(),
        start,
        end,
    );
    Edit::AttachEvidence(item, span).apply(nb).unwrap();
}

/// Evidence for an item: (index of the source among the sorted files, words quoted).
type Quotes = &'static [(usize, &'static str)];

/// The six Yukos articles (BBC News, graded), with actors, a stake and a risk whose
/// evidence comes from several of them.
pub(super) fn yukos() -> Notebook {
    let mut files: Vec<_> = std::fs::read_dir(YUKOS)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 6);
    let grades = ["B2", "B2", "A2", "C3", "B1", "D4"];
    let mut nb = None;
    let ids: Vec<Id> = files
        .iter()
        .zip(grades)
        .map(|(path, grade)| {
            let text = std::fs::read_to_string(path).unwrap();
            let title = text.lines().next().unwrap().to_owned();
            add_source(&mut nb, Article::new(title, text), "BBC News", grade)
        })
        .collect();
    let mut nb = nb.unwrap();
    // china(0), mystery(1), putin(2), merger(3), us-to-rule(4), bankruptcy(5).
    let items: [(ItemKind, &str, Quotes); 6] = [
        (
            ItemKind::Actor,
            "Gazprom",
            &[
                (1, "gas monopoly Gazprom"),
                (2, "Gazprom, the world's biggest gas company"),
                (3, "Gazprom chief Alexei Miller"),
            ],
        ),
        (
            ItemKind::Actor,
            "Rosneft",
            &[
                (2, "state-owned oil firm Rosneft"),
                (
                    0,
                    "Rosneft, a medium-sized, indebted, and relatively unknown firm",
                ),
                (5, "state-controlled oil company Rosneft"),
            ],
        ),
        (
            ItemKind::Actor,
            "Mikhail Khodorkovsky",
            &[
                (1, "founder Mikhail Khodorkovsky"),
                (4, "Mikhail Khodorkovsky"),
            ],
        ),
        (
            ItemKind::Actor,
            "Judge Letitia Clark",
            &[(4, "Judge Letitia Clark"), (5, "judge Letitia Clark")],
        ),
        (
            ItemKind::Stake,
            "Control of Yuganskneftegas",
            &[(1, "which accounts for 60% of its output")],
        ),
        (
            ItemKind::Risk,
            "Yukos wins damages from Gazprom abroad",
            &[
                (2, "seeking damages of $20bn"),
                (4, "a claim for damages against the Russian government"),
            ],
        ),
    ];
    for (kind, name, quotes) in items {
        let item = add_item(&mut nb, kind, name);
        for &(source, phrase) in quotes {
            quote(&mut nb, item, ids[source], phrase);
        }
    }
    nb
}

/// The worked example (its full brief, its one source) with `n - 1` generated sources
/// after it: five publishers in turn, grades B2, C3, D4 in turn; a new actor cites the
/// second and the last.
pub(super) fn generated(n: usize) -> Notebook {
    let publishers = ["BBC News", "Reuters", "Interfax", "The Moscow Times", "AP"];
    let grades = ["B2", "C3", "D4"];
    let mut nb = Some(super::worked_example());
    let ids: Vec<Id> = (2..=n)
        .map(|i| {
            let title =
                format!("Report {i}: state oil firm wins disputed auction of the Yukos unit");
            let text = format!("{title}\n\nRosneft bought Baikal Finance Group, report {i} says.");
            add_source(
                &mut nb,
                Article::new(title, text),
                publishers[i % 5],
                grades[i % 3],
            )
        })
        .collect();
    let mut nb = nb.unwrap();
    let item = add_item(&mut nb, ItemKind::Actor, "Rosneft");
    for source in [ids[0], ids[n - 2]] {
        quote(&mut nb, item, source, "Rosneft bought Baikal Finance Group");
    }
    nb
}

/// Writes the notebook's PDF brief to `dir/name`; returns its path and the brief's
/// source entries as the PDF printed them.
fn pdf_and_entries(
    dir: &Path,
    name: &str,
    nb: &Notebook,
) -> (std::path::PathBuf, Vec<briefing_core::brief::SourceEntry>) {
    let exported = export(nb, Format::Pdf, Paper::A4, DATE).unwrap();
    let fit = exported.fit.unwrap();
    let path = dir.join(name);
    std::fs::write(&path, &exported.bytes).unwrap();
    let brief = Brief::from_notebook(nb, DATE);
    (path, brief.source_entries(source_form(&fit.dropped)))
}

fn every_source_is_on_the_one_page(reader: Reader) {
    let dir = tempfile::tempdir().unwrap();
    for (name, nb) in [("yukos.pdf", yukos()), ("fifty.pdf", generated(50))] {
        let (pdf, entries) = pdf_and_entries(dir.path(), name, &nb);
        assert_eq!(reader.pages(&pdf), 1, "{name}");
        let text = reader
            .text(&pdf)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let numbers: Vec<usize> = entries.iter().flat_map(|e| e.first..=e.last).collect();
        assert_eq!(
            numbers,
            (1..=nb.sources.len()).collect::<Vec<_>>(),
            "{name}"
        );
        for e in &entries {
            for shown in [&e.label, &e.grade] {
                assert!(
                    text.contains(shown.as_str()),
                    "{shown} missing from {name}:\n{text}"
                );
            }
        }
        assert!(text.contains("Sources:"), "{name}");
    }
}

#[test]
fn every_source_is_on_the_one_page_read_in_rust() {
    every_source_is_on_the_one_page(Reader::Rust);
}

#[test]
#[ignore = "needs poppler and chromium; .ci/run installs them"]
fn every_source_is_on_the_one_page_read_by_poppler() {
    every_source_is_on_the_one_page(Reader::Poppler);
}

#[test]
fn the_yukos_brief_lists_all_six_in_full_and_cites_several_per_claim() {
    let nb = yukos();
    let brief = Brief::from_notebook(&nb, DATE);
    let fit = export(&nb, Format::Pdf, Paper::A4, DATE)
        .unwrap()
        .fit
        .unwrap();
    assert_eq!(
        source_form(&fit.dropped),
        SourceForm::Full,
        "{}",
        fit.summary()
    );
    let dir = tempfile::tempdir().unwrap();
    let (pdf, _) = pdf_and_entries(dir.path(), "yukos.pdf", &nb);
    let text = Reader::Rust
        .text(&pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("[2] Mystery surrounds new Yukos owner — BBC News, B2"),
        "{text}"
    );
    assert!(text.contains("Gazprom [2, 3, 4]"), "{text}");
    assert_eq!(brief.actors[1].sources, [1, 3, 6], "Rosneft");
}

/// The sources as HTML and Markdown print them: every number, title and grade, the same
/// as the PDF's full list.
pub(super) fn html_and_markdown_list_the_sources(nb: &Notebook) {
    let brief = Brief::from_notebook(nb, DATE);
    let html = String::from_utf8(export(nb, Format::Html, Paper::A4, DATE).unwrap().bytes).unwrap();
    let md =
        String::from_utf8(export(nb, Format::Markdown, Paper::A4, DATE).unwrap().bytes).unwrap();
    for e in brief.source_entries(SourceForm::Full) {
        let escaped = briefing_core::export::html::escape(&format!("{}, {}", e.detail, e.grade));
        assert!(html.contains(&escaped), "{escaped} missing from HTML");
        assert!(html.contains(&briefing_core::export::html::escape(&e.name)));
        let md_line = e.line().replace('[', "\\[").replace(']', "\\]");
        assert!(md.contains(&md_line), "{md_line} missing from:\n{md}");
    }
}
