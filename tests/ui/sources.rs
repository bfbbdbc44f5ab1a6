//! A notebook of several sources in today's app: the reader shows one source (the first,
//! until a quote from another is clicked), new evidence records the source it was
//! selected in, and correcting the text changes the source shown and no other. The
//! Sources tab switches, grades and removes sources; files chosen, dropped or pasted are
//! added, failures named and duplicates asked about.

use crate::support::{
    DroppedPath, ScriptedPicker, WORKED_EXAMPLE, app, harness, press, step_until,
};
use briefing_core::anchor::evidence_for;
use briefing_core::model::{Article, Edit, Id, ItemKind, ItemRef, Notebook, Source, TextIndex};
use briefing_core::model::{Credibility, Reliability};
use briefing_core::storage::{load_notebook, save_notebook};
use briefing_ui::BriefingApp;
use briefing_ui::command::{EditCommand, FileCommand, ViewCommand};
use briefing_ui::modals::Modal;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
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

/// The app on [`two_sources`], and the two sources' ids.
fn open_two_sources(dir: &Path) -> (Harness<'static, BriefingApp>, Id, Id) {
    let (path, first, second) = two_sources(dir);
    let app = app(&dir.join("home"), ScriptedPicker::none(), Some(path));
    (harness(app), first, second)
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
    let (mut h, first, second) = open_two_sources(dir.path());
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

#[test]
fn the_sources_tab_switches_grades_and_removes_after_asking() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, first, second) = open_two_sources(dir.path());
    h.get_by_label("Sources (2)").click();
    h.run_steps(2);
    h.get_by_label_contains("[2] Envoys").click();
    h.run_steps(2);
    assert_eq!(h.state().current_source(), Some(second), "switched");

    // Grade it: reliability B, credibility 2, each from its picker.
    h.get_by_label("Reliability").click();
    h.run_steps(2);
    h.get_by_label("B").click();
    h.run_steps(2);
    h.get_by_label("Credibility").click();
    h.run_steps(2);
    h.get_by_label("2").click();
    h.run_steps(2);
    let nb = h.state().document().notebook();
    let graded = nb.source(second).unwrap();
    assert_eq!(
        (graded.reliability, graded.credibility),
        (Reliability::B, Credibility::new(2).unwrap())
    );
    assert_eq!(graded.grade(), "B2");
    // The card shows the grade.
    assert!(h.get_all_by_label("B2").next().is_some());

    // Its publisher, typed, is one undoable change.
    h.get_by_label("Publisher").click();
    h.get_by_label("Publisher").type_text("Reuters");
    h.run_steps(2);
    let nb = h.state().document().notebook();
    assert_eq!(
        nb.source(second).unwrap().article.publisher.as_deref(),
        Some("Reuters")
    );

    // Move it up: it becomes source 1.
    h.get_all_by_label("Move source up").nth(1).unwrap().click();
    h.run_steps(2);
    assert_eq!(h.state().document().notebook().sources[0].id, second);

    // Removing it asks first (it has evidence), then removes it and its evidence at once.
    let spans = h.state().document().notebook().evidence_count(second);
    assert_eq!(spans, 1);
    h.get_all_by_label("Remove source").next().unwrap().click();
    h.run_steps(3);
    assert!(
        matches!(h.state().modal(), Some(Modal::RemoveSource { question, .. })
        if question == "Remove source 1 and its 1 evidence span?")
    );
    h.get_by_label("Remove").click();
    h.run_steps(2);
    let nb = h.state().document().notebook();
    assert_eq!(nb.sources.len(), 1);
    assert_eq!(nb.evidence_count(second), 0);
    assert_eq!(h.state().current_source(), Some(first));
    press(&mut h, Modifiers::COMMAND, Key::Z);
    let nb = h.state().document().notebook();
    assert_eq!(
        (nb.sources.len(), nb.evidence_count(second)),
        (2, 1),
        "one undo step"
    );
}

/// Three article files in `dir`: two new texts and one the worked example already holds.
fn articles(dir: &Path) -> Vec<std::path::PathBuf> {
    let (nb, _) = load_notebook(Path::new(WORKED_EXAMPLE)).unwrap();
    let files = [
        (
            "a.txt",
            "Alpha report\n\nTalks in Astana went well.".to_owned(),
        ),
        (
            "b.md",
            "# Beta report\n\nTalks in Bishkek stalled.".to_owned(),
        ),
        ("same.txt", nb.sources[0].article.text.to_string()),
    ];
    files
        .into_iter()
        .map(|(name, text)| {
            let path = dir.join(name);
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

#[test]
fn added_files_name_failures_and_ask_about_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = articles(dir.path());
    let broken = dir.path().join("broken.txt");
    std::fs::write(&broken, b"bad\0bytes").unwrap();
    paths.push(broken);
    let mut h = harness(app(
        &dir.path().join("home"),
        ScriptedPicker::none(),
        Some(WORKED_EXAMPLE.into()),
    ));
    h.state_mut().apply(FileCommand::AddSourcePaths {
        paths,
        allow_duplicates: false,
    });
    h.run_steps(3);
    let nb = h.state().document().notebook();
    assert_eq!(nb.sources.len(), 3, "the two good files are added");
    assert_eq!(
        h.state().current_source(),
        Some(nb.sources[1].id),
        "the first added is shown"
    );
    let Some(Modal::AddAnyway { message, .. }) = h.state().modal() else {
        panic!("asks about the duplicate: {:?}", h.state().modal());
    };
    assert!(message.contains("broken.txt"), "{message}");
    assert!(
        message.contains("same.txt has the same text as source [1]"),
        "{message}"
    );
    h.get_by_label("Add anyway").click();
    h.run_steps(2);
    assert_eq!(h.state().document().notebook().sources.len(), 4);
}

#[test]
fn several_files_dropped_or_chosen_become_sources() {
    let dir = tempfile::tempdir().unwrap();
    let paths = articles(dir.path());
    let picker = ScriptedPicker::new(vec![Some(paths[1].clone())]);
    let mut h = harness(app(
        &dir.path().join("home"),
        picker,
        Some(WORKED_EXAMPLE.into()),
    ));
    for path in &paths[..1] {
        h.input_mut()
            .dropped_files
            .push(std::sync::Arc::new(DroppedPath(path.clone())));
    }
    let extra = dir.path().join("c.txt");
    std::fs::write(&extra, "Gamma report\n\nTalks in Dushanbe.").unwrap();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(extra)));
    h.run_steps(3);
    let titles = |h: &Harness<'_, BriefingApp>| -> Vec<String> {
        let nb = h.state().document().notebook();
        nb.sources.iter().map(|s| s.article.title.clone()).collect()
    };
    assert_eq!(titles(&h)[1..], ["Alpha report", "Gamma report"]);
    assert!(
        h.state().path().is_some(),
        "the same notebook, not a new one"
    );

    // Ctrl+Shift+O: the dialog's choice is added.
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    step_until(&mut h, "the chosen file to be added", |app| {
        app.document().notebook().sources.len() == 4
    });
    assert_eq!(titles(&h)[3], "Beta report");
}

#[test]
fn find_counts_matches_in_every_source_and_steps_into_them() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, first, second) = open_two_sources(dir.path());
    let in_first = h.state().document().notebook().sources[0]
        .article
        .text
        .matches("Lavrov")
        .count();
    press(&mut h, Modifiers::COMMAND, Key::F);
    h.get_by_label("Find:").type_text("Lavrov");
    h.run_steps(2);
    let total = in_first + 1;
    assert!(
        h.query_by_label(&format!("1 of {total}, 2 sources"))
            .is_some(),
        "the count names the sources"
    );
    assert_eq!(h.state().current_source(), Some(first));
    // Enter steps through the first source's matches, then into the second source.
    for _ in 0..in_first {
        h.key_press(Key::Enter);
        h.run_steps(2);
    }
    assert_eq!(h.state().current_source(), Some(second));
    let (start, end) = h.state_mut().article_view().selection().unwrap();
    let at = SECOND.find("Lavrov").unwrap();
    assert_eq!((start, end), (at, at + 6), "its match selected");
}

#[test]
fn a_suggestion_named_in_several_sources_says_in_how_many() {
    let dir = tempfile::tempdir().unwrap();
    let mut nb = Notebook::new(Article::new(
        "Talks",
        "Talks\n\nAhmad Shah Massoud met the envoys.",
    ));
    let second = nb.allocate_id();
    Edit::AddSource(Source::new(
        second,
        Article::new("Later", "Later\n\nAhmad Shah Massoud left the valley."),
    ))
    .apply(&mut nb)
    .unwrap();
    let path = dir.path().join("two.ron");
    save_notebook(&path, &nb).unwrap();
    let mut h = harness(app(
        &dir.path().join("home"),
        ScriptedPicker::none(),
        Some(path),
    ));
    h.run();
    h.get_by_label_contains("Actors (").click();
    h.run();
    h.get_by_label_contains("2 mentions in 2 sources");
}

/// The recent notebooks the typed-path question offers when `keys` ask for a file in a
/// session that has one recent notebook (the file it opened).
fn recent_offered(modifiers: Modifiers, key: Key) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nb.ron");
    std::fs::copy(WORKED_EXAMPLE, &path).unwrap();
    // The picker returns nothing at once: no dialog could be shown.
    let picker = ScriptedPicker::new(vec![None]);
    let mut h = harness(app(&dir.path().join("home"), picker, Some(path)));
    h.run();
    press(&mut h, modifiers, key);
    step_until(&mut h, "the typed-path question", |app| {
        matches!(app.modal(), Some(Modal::TypedPath { .. }))
    });
    match h.state().modal() {
        Some(Modal::TypedPath { recent, .. }) => recent.len(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn adding_sources_by_typed_path_offers_no_notebooks_to_open_instead() {
    assert_eq!(
        recent_offered(Modifiers::COMMAND, Key::O),
        1,
        "Open offers it"
    );
    assert_eq!(
        recent_offered(Modifiers::COMMAND | Modifiers::SHIFT, Key::O),
        0,
        "Add sources does not"
    );
}
