//! Anchoring on real edits: exact, moved, fuzzy, orphaned; context, offsets from files,
//! and re-anchoring per source.

use super::*;

const TEXT: &str = "Lavrov met Jeenbekov. Later, Lavrov met Aidarbekov in Bishkek.";

#[test]
fn exact_then_moved_then_orphaned() {
    let index = TextIndex::new(TEXT);
    let ev = evidence_for(1, TEXT, &index, 1, 29, 35);
    assert_eq!(ev.quote, "Lavrov");
    assert_eq!(locate(TEXT, &index, &ev).status, AnchorStatus::Exact);

    let edited = format!("Yesterday: {TEXT}");
    let index2 = TextIndex::new(&edited);
    let found = locate(&edited, &index2, &ev);
    assert_eq!(found.status, AnchorStatus::Moved);
    // The prefix ("Later, ") picks the second "Lavrov", not the first.
    assert_eq!(found.start, 29 + 11);

    let gone = "Nothing to see.";
    let found = locate(gone, &TextIndex::new(gone), &ev);
    assert_eq!(found.status, AnchorStatus::Orphaned);
    assert_eq!((found.start, found.end), (29, 35));
}

/// A span on the sample article, re-found after an edit of the text.
fn refind(quote: &str, edit: impl Fn(&str) -> String) -> (Anchored, String) {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/articles/lavrov-central-asia-tour.txt"
    ))
    .unwrap();
    let index = TextIndex::new(&text);
    let byte = text.find(quote).unwrap();
    let start = index.char_of(&text, byte);
    let ev = evidence_for(1, &text, &index, 1, start, start + quote.chars().count());
    let edited = edit(&text);
    let index2 = TextIndex::new(&edited);
    let found = locate(&edited, &index2, &ev);
    let at = index2.slice(&edited, found.start, found.end).to_owned();
    (found, at)
}

const QUOTE: &str = "the Taliban still refuses to talk directly to the administration";

#[test]
fn words_inserted_before_a_span_move_it() {
    let (found, at) = refind(QUOTE, |t| {
        t.replacen("Meanwhile, Moscow", "Meanwhile, on Tuesday, Moscow", 1)
    });
    assert_eq!(found.status, AnchorStatus::Moved);
    assert_eq!(at, QUOTE);
}

#[test]
fn a_word_changed_inside_the_quote_is_fuzzy() {
    let (found, at) = refind(QUOTE, |t| t.replacen("still refuses", "still declines", 1));
    assert_eq!(found.status, AnchorStatus::Fuzzy);
    assert_eq!(
        at,
        "the Taliban still declines to talk directly to the administration"
    );
}

#[test]
fn a_moved_paragraph_takes_its_span_along() {
    let (found, at) = refind(QUOTE, |t| {
        let paragraphs: Vec<&str> = t.split('\n').collect();
        let moscow = paragraphs.iter().position(|p| p.contains(QUOTE)).unwrap();
        let mut reordered: Vec<&str> = paragraphs.clone();
        let p = reordered.remove(moscow);
        reordered.insert(2, p);
        reordered.join("\n")
    });
    assert_eq!(found.status, AnchorStatus::Moved);
    assert_eq!(at, QUOTE);
}

#[test]
fn a_deleted_sentence_orphans_its_span_and_keeps_it() {
    let (found, _) = refind(QUOTE, |t| t.replacen(&format!(", as {QUOTE}"), "", 1));
    assert_eq!(found.status, AnchorStatus::Orphaned);
}

#[test]
fn crlf_line_endings_are_normalised_at_import_so_spans_stay_exact() {
    let (found, at) = refind(QUOTE, |t| {
        let crlf = t.replace('\n', "\r\n");
        let article =
            crate::import::import_bytes(crlf.as_bytes(), crate::import::ArticleFormat::Text)
                .unwrap();
        article.text.to_string()
    });
    assert_eq!(found.status, AnchorStatus::Exact);
    assert_eq!(at, QUOTE);
}

#[test]
fn repeated_text_goes_to_the_copy_with_the_same_context() {
    // The quote now also appears earlier, in another context; the original one moved.
    let (found, at) = refind(QUOTE, |t| {
        let t = t.replacen("Last week,", &format!("Note that {QUOTE}. Last week,"), 1);
        format!("Preface. {t}")
    });
    assert_eq!(found.status, AnchorStatus::Moved);
    assert_eq!(at, QUOTE);
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/articles/lavrov-central-asia-tour.txt"
    ))
    .unwrap();
    let original = text[..text.find(QUOTE).unwrap()].chars().count();
    assert_eq!(found.start, original + "Preface. ".chars().count());
}

#[test]
fn low_scoring_text_is_never_taken() {
    // Most of the quote rewritten: nothing close enough, so it stays orphaned.
    let (found, _) = refind(QUOTE, |t| {
        t.replacen(
            QUOTE,
            "the insurgents keep rejecting any direct negotiation with Kabul",
            1,
        )
    });
    assert_eq!(found.status, AnchorStatus::Orphaned);
}

#[test]
fn context_is_char_based() {
    let text = "Лавров “сказал” — да";
    let index = TextIndex::new(text);
    let ev = evidence_for(1, text, &index, 1, 7, 15);
    assert_eq!(ev.quote, "“сказал”");
    assert_eq!(ev.prefix, "Лавров ");
    assert_eq!(ev.suffix, " — да");
}

#[test]
fn offsets_from_a_file_never_overflow_or_wrap() {
    let index = TextIndex::new(TEXT);
    let good = evidence_for(1, TEXT, &index, 1, 29, 35);
    let huge = 1usize << (usize::BITS - 1);
    let cases = [
        (huge, huge + 6),
        (usize::MAX, usize::MAX),
        (usize::MAX - 2, usize::MAX),
        (usize::MAX, 0),
        (35, 29),
        (0, usize::MAX),
    ];
    for (start, end) in cases {
        let ev = Evidence {
            start,
            end,
            ..good.clone()
        };
        let anchorer = Anchorer::new(TEXT, &index);
        // Before and after a sane span, so the predicted shift takes every extreme.
        for _ in 0..2 {
            assert_eq!(anchorer.locate(&good).status, AnchorStatus::Exact);
            let found = anchorer.locate(&ev);
            assert_eq!(found.status, AnchorStatus::Moved, "{start}..{end}");
            assert_eq!((found.start, found.end), (29, 35), "{start}..{end}");
        }
        // With the quote gone the span is orphaned and keeps what the file said.
        let gone = Evidence {
            quote: "Tashkent".into(),
            ..ev.clone()
        };
        let found = anchorer.locate(&gone);
        assert_eq!(found.status, AnchorStatus::Orphaned);
        assert_eq!((found.start, found.end), (start, end));
    }
}

#[test]
fn reanchor_leaves_no_unorphaned_span_outside_the_text() {
    let mut nb = Notebook::new(crate::model::Article::new("T", TEXT));
    let index = TextIndex::new(TEXT);
    let id = nb.allocate_id();
    crate::model::Edit::AddItem {
        kind: crate::model::ItemKind::Actor,
        id,
        name: "Lavrov".into(),
        evidence: None,
    }
    .apply(&mut nb)
    .unwrap();
    let mut ev = evidence_for(1, TEXT, &index, nb.allocate_id(), 29, 35);
    ev.start = usize::MAX - 1;
    ev.end = usize::MAX;
    nb.actors[0].evidence.push(ev.clone());
    ev.id = nb.allocate_id();
    ev.quote = "not in the text".into();
    nb.actors[0].evidence.push(ev);
    let reports = reanchor(&mut nb);
    let len = index.char_len();
    for r in &reports {
        let a = r.anchored;
        assert!(
            a.status == AnchorStatus::Orphaned || (a.start <= a.end && a.end <= len),
            "{a:?}"
        );
    }
    assert_eq!(reports[0].anchored.status, AnchorStatus::Moved);
    assert_eq!(reports[1].anchored.status, AnchorStatus::Orphaned);
}

#[test]
fn replacing_one_source_re_anchors_only_its_spans() {
    use crate::model::{Article, Edit, Item, ItemKind, Source};
    let mut nb = Notebook::new(Article::new("One", TEXT));
    let other_id = nb.allocate_id();
    Edit::AddSource(Source::new(other_id, Article::new("Two", TEXT)))
        .apply(&mut nb)
        .unwrap();
    let index = TextIndex::new(TEXT);
    let first = evidence_for(1, TEXT, &index, nb.allocate_id(), 29, 35);
    let second = evidence_for(other_id, TEXT, &index, nb.allocate_id(), 29, 35);
    let id = nb.allocate_id();
    Edit::AddItem {
        kind: ItemKind::Actor,
        id,
        name: "Lavrov".into(),
        evidence: Some(first),
    }
    .apply(&mut nb)
    .unwrap();
    Edit::AttachEvidence(nb.actors[0].item_ref(), second)
        .apply(&mut nb)
        .unwrap();
    let moved = format!("Yesterday: {TEXT}");
    let (edit, reports) =
        replace_article_edit(&nb, other_id, Article::new("Two", moved.as_str())).unwrap();
    assert_eq!(
        reports.len(),
        1,
        "only the replaced source's span: {reports:?}"
    );
    assert_eq!(reports[0].source, other_id);
    assert_eq!(reports[0].anchored.status, AnchorStatus::Moved);
    edit.apply(&mut nb).unwrap();
    let spans = &nb.actors[0].evidence;
    assert_eq!((spans[0].start, spans[0].status), (29, AnchorStatus::Exact));
    assert_eq!((spans[1].start, spans[1].status), (40, AnchorStatus::Moved));
    assert_eq!(&*nb.sources[0].article.text, TEXT, "source 1 untouched");
    assert_eq!(
        replace_article(&nb, 999, Article::new("X", "x")).unwrap_err(),
        EditError::NoSuchSource(999)
    );
    // On open every source is checked against its own text.
    let reports = reanchor(&mut nb);
    let statuses: Vec<_> = reports
        .iter()
        .map(|r| (r.source, r.anchored.status))
        .collect();
    assert_eq!(
        statuses,
        [(1, AnchorStatus::Exact), (other_id, AnchorStatus::Exact)]
    );
}
