//! The session's sources: adding several (failures by name, duplicates by SHA-256),
//! removing one with its evidence, replacing one's text; each one undo step.

use super::tests::{session, write};
use super::*;
use crate::anchor::evidence_for;
use crate::import::ImportError;
use crate::model::{
    AnchorStatus, Credibility, Edit, Id, ItemKind, ItemRef, Reliability, TextIndex,
};

/// A session on an article "Talks" (one source) with actor "Doha" quoting its "Doha".
fn session_on_talks(dir: &Path) -> (Session, ItemRef) {
    let mut s = session(dir);
    s.open(&write(dir, "a.txt", "Talks\n\nThe Taliban met in Doha."))
        .unwrap();
    let actor = quote_as_new_actor(&mut s, 0, "Doha");
    s.document_mut().seal();
    (s, actor)
}

/// Adds an actor named `word` with evidence where source number `n` (0-based) first has it.
fn quote_as_new_actor(s: &mut Session, n: usize, word: &str) -> ItemRef {
    let source = &s.document().notebook().sources[n];
    let (id, text) = (source.id, source.article.text.clone());
    let start = text[..text.find(word).unwrap()].chars().count();
    let actor = s.document_mut().allocate_id();
    let span = s.document_mut().allocate_id();
    let evidence = evidence_for(
        id,
        &text,
        &TextIndex::new(&text),
        span,
        start,
        start + word.chars().count(),
    );
    s.document_mut()
        .apply(Edit::AddItem {
            kind: ItemKind::Actor,
            id: actor,
            name: word.into(),
            evidence: Some(evidence),
        })
        .unwrap();
    ItemRef {
        kind: ItemKind::Actor,
        id: actor,
    }
}

/// Undo brings a notebook back as it was, but for its next id (ids are never handed out
/// twice).
fn assert_undone(s: &Session, before: &Notebook) {
    let now = s.document().notebook();
    assert_eq!(
        &Notebook {
            next_id: before.next_id,
            ..now.clone()
        },
        before
    );
}

fn ids(s: &Session) -> Vec<Id> {
    s.document()
        .notebook()
        .sources
        .iter()
        .map(|x| x.id)
        .collect()
}

#[test]
fn several_articles_come_in_as_one_undo_step_and_a_bad_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _) = session_on_talks(dir.path());
    let before = s.document().notebook().clone();
    let paths = [
        write(dir.path(), "b.md", "# Kabul\n\nKabul was left out."),
        write(dir.path(), "empty.txt", ""),
        dir.path().join("missing.txt"),
        write(dir.path(), "c.txt", "Moscow\n\nMoscow hosted the talks."),
    ];
    let options = AddOptions {
        reliability: Reliability::B,
        credibility: Credibility::new(3).unwrap(),
        allow_duplicates: false,
    };
    let outcome = s.add_sources(&paths, options).unwrap();
    assert_eq!(outcome.added.len(), 2);
    assert!(outcome.duplicates.is_empty());
    let failed: Vec<String> = outcome.failed.iter().map(|e| e.to_string()).collect();
    assert_eq!(failed.len(), 2, "{failed:?}");
    assert!(failed[0].contains("empty.txt"), "{failed:?}");
    assert!(failed[1].contains("missing.txt"), "{failed:?}");
    assert!(
        matches!(outcome.failed[0].error, ImportError::Empty),
        "{:?}",
        outcome.failed[0]
    );

    let nb = s.document().notebook();
    let titles: Vec<&str> = nb
        .sources
        .iter()
        .map(|x| x.article.title.as_str())
        .collect();
    assert_eq!(titles, ["Talks", "Kabul", "Moscow"], "in the files' order");
    assert_eq!(ids(&s)[1..], outcome.added[..]);
    assert!(nb.sources[1..].iter().all(|x| x.grade() == "B3"));
    assert!(
        nb.next_id > outcome.added[1],
        "ids from the notebook's id space"
    );

    assert!(s.document_mut().undo(), "one step undoes them all");
    assert_undone(&s, &before);
}

#[test]
fn the_same_text_twice_is_a_duplicate_unless_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _) = session_on_talks(dir.path());
    let first = ids(&s)[0];
    // The same words with CRLF line ends: the same text once normalised.
    let again = write(
        dir.path(),
        "again.txt",
        "Talks\r\n\r\nThe Taliban met in Doha.",
    );
    let new = write(dir.path(), "new.txt", "Osh\n\nQuiet in Osh.");
    let twice = write(dir.path(), "twice.txt", "Osh\n\nQuiet in Osh.");
    let outcome = s
        .add_sources(&[again.clone(), new, twice.clone()], AddOptions::default())
        .unwrap();
    assert_eq!(outcome.added.len(), 1);
    let found: Vec<(&Path, Id)> = outcome
        .duplicates
        .iter()
        .map(|d| (d.path.as_path(), d.of))
        .collect();
    assert_eq!(
        found,
        [
            (again.as_path(), first),
            (twice.as_path(), outcome.added[0])
        ]
    );
    assert_eq!(outcome.duplicates[0].title, "Talks");
    assert_eq!(ids(&s).len(), 2);

    let allow = AddOptions {
        allow_duplicates: true,
        ..AddOptions::default()
    };
    let outcome = s.add_sources(&[again], allow).unwrap();
    assert_eq!((outcome.added.len(), outcome.duplicates.len()), (1, 0));
    assert_eq!(ids(&s).len(), 3);
}

#[test]
fn removing_a_source_takes_its_evidence_in_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, doha) = session_on_talks(dir.path());
    let paths = [write(
        dir.path(),
        "b.txt",
        "Kabul\n\nKabul and Doha talked.",
    )];
    let added = s.add_sources(&paths, AddOptions::default()).unwrap().added[0];
    let kabul = quote_as_new_actor(&mut s, 1, "Kabul");
    let first = ids(&s)[0];
    assert_eq!((s.evidence_count(first), s.evidence_count(added)), (1, 1));
    s.document_mut().seal();
    let before = s.document().notebook().clone();

    s.remove_source(added).unwrap();
    let nb = s.document().notebook();
    assert_eq!(ids(&s), [first]);
    assert_eq!(
        nb.evidence_of(kabul).map(<[_]>::len),
        Some(0),
        "its evidence went"
    );
    assert_eq!(
        nb.evidence_of(doha).map(<[_]>::len),
        Some(1),
        "the other's stayed"
    );
    assert_eq!(s.evidence_count(added), 0);
    assert!(s.document_mut().undo(), "one step brings both back");
    assert_undone(&s, &before);

    // The last source stays: a notebook always has one.
    s.remove_source(added).unwrap();
    assert!(matches!(s.remove_source(first), Err(SessionError::Edit(_))));
    assert_eq!(ids(&s), [first]);
    assert!(matches!(s.remove_source(999), Err(SessionError::Edit(_))));
}

#[test]
fn replacing_one_sources_text_re_anchors_only_its_spans_in_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, doha) = session_on_talks(dir.path());
    let paths = [write(dir.path(), "b.txt", "Doha\n\nDoha hosted them.")];
    let second = s.add_sources(&paths, AddOptions::default()).unwrap().added[0];
    let other = quote_as_new_actor(&mut s, 1, "hosted");
    let first = ids(&s)[0];
    s.document_mut().seal();
    let before = s.document().notebook().clone();

    let corrected = write(
        dir.path(),
        "c.txt",
        "Talks\n\nThe Taliban met again in Doha.",
    );
    let reports = s
        .replace_source_text(first, Replacement::File(&corrected))
        .unwrap()
        .unwrap();
    assert_eq!(reports.len(), 1, "only the first source's span");
    assert_eq!(reports[0].source, first);
    assert_eq!(reports[0].anchored.status, AnchorStatus::Moved);
    let nb = s.document().notebook();
    let span = &nb.evidence_of(doha).unwrap()[0];
    let text = &nb.sources[0].article.text;
    let start = text.find("Doha").unwrap();
    assert_eq!((span.start, span.end), (start, start + 4), "moved");
    assert_eq!(
        nb.evidence_of(other),
        before.evidence_of(other),
        "the other source's span"
    );
    assert_eq!(nb.sources[1], before.sources[1]);

    // A hand correction that changes nothing is no change; an empty one is refused.
    let same = text.to_string();
    assert!(
        s.replace_source_text(first, Replacement::Text(&same))
            .unwrap()
            .is_none()
    );
    assert!(matches!(
        s.replace_source_text(first, Replacement::Text(" \n")),
        Err(SessionError::EmptyArticle)
    ));
    let typed = s
        .replace_source_text(second, Replacement::Text("Doha\n\nDoha hosted both."))
        .unwrap()
        .unwrap();
    assert_eq!(
        (typed.len(), typed[0].anchored.status),
        (1, AnchorStatus::Exact)
    );
    assert_eq!(
        s.document().notebook().sources[1].article.title,
        "Doha",
        "title kept"
    );

    assert!(s.document_mut().undo());
    assert!(s.document_mut().undo(), "each replacement is one step");
    assert_undone(&s, &before);
}
