//! A notebook of several sources in today's app: the reader shows one source (the first,
//! until a quote from another is clicked), new evidence records the source it was
//! selected in, and correcting the text changes the source shown and no other.

use crate::support::{ScriptedPicker, WORKED_EXAMPLE, app, harness};
use briefing_core::anchor::evidence_for;
use briefing_core::model::{Article, Edit, Id, ItemKind, ItemRef, Notebook, Source, TextIndex};
use briefing_core::storage::{load_notebook, save_notebook};
use briefing_ui::command::{EditCommand, FileCommand, ViewCommand};
use egui_kittest::kittest::Queryable;
use std::path::Path;

const SECOND: &str = "Envoys\n\nLavrov flew on to Dushanbe for talks.";

/// The worked example with a second source whose "Dushanbe" is evidence for Sergei
/// Lavrov; returns the notebook's path and the two sources' ids.
fn two_sources(dir: &Path) -> (std::path::PathBuf, Id, Id) {
    let (mut nb, _) = load_notebook(Path::new(WORKED_EXAMPLE)).unwrap();
    let first = nb.sources[0].id;
    let second = nb.allocate_id();
    Edit::AddSource(Source::new(second, Article::new("Envoys", SECOND)))
        .apply(&mut nb)
        .unwrap();
    let start = SECOND.find("Dushanbe").unwrap();
    let span = evidence_for(
        second,
        SECOND,
        &TextIndex::new(SECOND),
        nb.allocate_id(),
        start,
        start + 8,
    );
    Edit::AttachEvidence(lavrov(&nb), span)
        .apply(&mut nb)
        .unwrap();
    let path = dir.join("two.ron");
    save_notebook(&path, &nb).unwrap();
    (path, first, second)
}

fn lavrov(nb: &Notebook) -> ItemRef {
    ItemRef {
        kind: ItemKind::Actor,
        id: nb.actors[0].id,
    }
}

/// The source the last evidence span of Sergei Lavrov quotes.
fn last_span_source(nb: &Notebook) -> Id {
    nb.actors[0].evidence.last().map(|e| e.source).unwrap()
}

#[test]
fn the_reader_shows_one_source_and_new_evidence_records_it() {
    let dir = tempfile::tempdir().unwrap();
    let (path, first, second) = two_sources(dir.path());
    let mut h = harness(app(
        &dir.path().join("home"),
        ScriptedPicker::none(),
        Some(path),
    ));
    assert_eq!(h.state().current_source(), Some(first), "the first source");

    // Evidence selected now comes from the first source.
    let item = lavrov(h.state().document().notebook());
    h.state_mut().apply(ViewCommand::Focus(item));
    h.state_mut().article_view().set_selection(76, 100);
    h.state_mut().apply(EditCommand::AttachSelection);
    h.run_steps(2);
    assert_eq!(last_span_source(h.state().document().notebook()), first);

    // The card's quote from the second source shows that source, and evidence selected
    // there records it.
    // (Below the window at first: the card is long.)
    h.get_by_label_contains("Dushanbe").scroll_to_me();
    h.run_steps(10);
    h.get_by_label_contains("Dushanbe").click();
    h.run_steps(3);
    assert_eq!(h.state().current_source(), Some(second));
    h.state_mut().article_view().set_selection(8, 14);
    h.state_mut().apply(EditCommand::AttachSelection);
    h.run_steps(2);
    let nb = h.state().document().notebook();
    let added = nb.actors[0].evidence.last().unwrap();
    assert_eq!((added.source, added.quote.as_str()), (second, "Lavrov"));
    assert_eq!(nb.corroboration(item), 2);

    // Correcting the text corrects the source shown, and only it.
    let first_text = nb.sources[0].article.text.clone();
    h.state_mut().apply(FileCommand::ArticleText(
        "Envoys\n\nOn Monday Lavrov flew on to Dushanbe for talks.".to_owned(),
    ));
    h.run_steps(2);
    let nb = h.state().document().notebook();
    assert_eq!(nb.sources[0].article.text, first_text);
    assert!(nb.sources[1].article.text.contains("On Monday"));
    let moved: Vec<usize> = nb.actors[0]
        .evidence
        .iter()
        .filter(|e| e.source == second)
        .map(|e| e.start)
        .collect();
    assert_eq!(moved, [36, 18], "both of its spans moved with the text");
}
