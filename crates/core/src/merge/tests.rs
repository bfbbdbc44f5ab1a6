//! The merge on small notebooks: what merges cleanly, what conflicts, and how a conflict
//! is settled.

use super::*;
use crate::anchor::evidence_for;
use crate::model::{
    Article, Document, Edit, Field, ItemKind, ItemRef, TextField, TextIndex, Value,
};

const TEXT: &str = "Moscow hosted the talks. Kabul was not invited. The envoy left on Tuesday.";

/// A notebook with actors "Lavrov" and "Ghani" (each quoting the first sentence) and a
/// stake held by Lavrov.
fn base() -> Notebook {
    let mut nb = Notebook::new(Article::new("Talks", TEXT));
    for name in ["Lavrov", "Ghani"] {
        add(&mut nb, ItemKind::Actor, name);
    }
    let lavrov = nb.actors[0].id;
    let stake = add(&mut nb, ItemKind::Stake, "Bases");
    Edit::ToggleStakeHolder {
        stake,
        actor: lavrov,
    }
    .apply(&mut nb)
    .unwrap();
    nb
}

fn add(nb: &mut Notebook, kind: ItemKind, name: &str) -> Id {
    let id = nb.allocate_id();
    let span = nb.allocate_id();
    let index = TextIndex::new(TEXT);
    let source = nb.sources[0].id;
    Edit::AddItem {
        kind,
        id,
        name: name.into(),
        evidence: Some(evidence_for(source, TEXT, &index, span, 0, 24)),
    }
    .apply(nb)
    .unwrap();
    id
}

fn edited(nb: &Notebook, edits: Vec<Edit>) -> Notebook {
    let mut nb = nb.clone();
    for edit in edits {
        edit.apply(&mut nb).unwrap();
    }
    nb
}

fn actor(id: Id) -> ItemRef {
    ItemRef {
        kind: ItemKind::Actor,
        id,
    }
}

#[test]
fn edits_of_different_fields_and_items_merge_cleanly() {
    let b = base();
    let (lavrov, ghani) = (b.actors[0].id, b.actors[1].id);
    let ours = edited(
        &b,
        vec![
            Edit::SetText(TextField::ActorRole(lavrov), "Foreign minister".into()),
            Edit::SetText(TextField::BottomLine, "Moscow leads.".into()),
        ],
    );
    let theirs = edited(
        &b,
        vec![
            Edit::SetText(TextField::ActorNotes(lavrov), "Tours Central Asia".into()),
            Edit::SetText(TextField::ActorName(ghani), "Ashraf Ghani".into()),
            Edit::AddListEntry(crate::model::ListField::ActorAliases(ghani), "Ghani".into()),
        ],
    );
    let m = merge(&b, &ours, &theirs).unwrap().notebook;
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert_eq!(m.actors[0].role, "Foreign minister");
    assert_eq!(m.actors[0].notes, "Tours Central Asia");
    assert_eq!(m.actors[1].name, "Ashraf Ghani");
    assert_eq!(m.actors[1].aliases, ["Ghani"]);
    assert_eq!(m.brief.bottom_line, "Moscow leads.");
}

#[test]
fn the_same_field_changed_differently_is_a_conflict_holding_all_three_values() {
    let b = base();
    let ours = edited(&b, vec![Edit::SetText(TextField::BottomLine, "A.".into())]);
    let theirs = edited(&b, vec![Edit::SetText(TextField::BottomLine, "B.".into())]);
    let m = merge(&b, &ours, &theirs).unwrap().notebook;
    assert_eq!(m.brief.bottom_line, "A.", "ours meanwhile");
    assert_eq!(
        m.conflicts,
        [Conflict {
            field: Field::Text(TextField::BottomLine),
            base: Value::Text(String::new()),
            ours: Value::Text("A.".into()),
            theirs: Value::Text("B.".into()),
        }]
    );
    // The same change on both sides is no conflict.
    let m = merge(&b, &ours, &ours).unwrap().notebook;
    assert!(m.conflicts.is_empty());
}

#[test]
fn new_items_on_both_sides_are_kept_and_theirs_renumbered_with_their_references() {
    let b = base();
    let mut ours = b.clone();
    let mine = add(&mut ours, ItemKind::Actor, "Karzai");
    let mut theirs = b.clone();
    // Ids are random now; files from older builds handed out the same next id on both
    // sides, as here.
    let their_actor = mine;
    Edit::AddItem {
        kind: ItemKind::Actor,
        id: their_actor,
        name: "Khan".into(),
        evidence: None,
    }
    .apply(&mut theirs)
    .unwrap();
    let their_stake = add(&mut theirs, ItemKind::Stake, "Water");
    Edit::ToggleStakeHolder {
        stake: their_stake,
        actor: their_actor,
    }
    .apply(&mut theirs)
    .unwrap();
    let merged = merge(&b, &ours, &theirs).unwrap();
    let m = &merged.notebook;
    assert!(m.conflicts.is_empty());
    let names: Vec<&str> = m.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Lavrov", "Ghani", "Karzai", "Khan"]);
    let khan = m.actors[3].id;
    assert_ne!(khan, mine);
    assert!(m.stakes.iter().all(|s| s.id != khan), "a fresh id");
    let water = m.stakes.iter().find(|s| s.title == "Water").unwrap();
    assert_eq!(water.holders, [khan], "the reference follows the new id");
    assert!(merged.renumbered.contains(&(their_actor, khan)));
    assert!(m.next_id > m.actors.iter().map(|a| a.id).max().unwrap());
}

#[test]
fn a_deletion_against_an_edit_keeps_the_edited_item_as_a_conflict() {
    let b = base();
    let lavrov = b.actors[0].id;
    let ours = edited(&b, vec![Edit::DeleteItem(actor(lavrov))]);
    let theirs = edited(
        &b,
        vec![Edit::SetText(
            TextField::ActorRole(lavrov),
            "Minister".into(),
        )],
    );
    let m = merge(&b, &ours, &theirs).unwrap().notebook;
    assert_eq!(m.actors[0].role, "Minister", "the edit is kept");
    assert_eq!(m.stakes[0].holders, [lavrov], "and still holds the stake");
    assert_eq!(
        m.conflicts,
        [Conflict {
            field: Field::Item(actor(lavrov)),
            base: Value::Present,
            ours: Value::Absent,
            theirs: Value::Present,
        }]
    );
    // Settled as ours: deleted, references and all, in one undo step.
    let mut doc = Document::saved(m.clone());
    let edit = resolution(&m, Field::Item(actor(lavrov)), Choice::Ours).unwrap();
    doc.apply(edit).unwrap();
    assert!(doc.notebook().actor(lavrov).is_none());
    assert!(doc.notebook().stakes[0].holders.is_empty());
    assert!(doc.notebook().conflicts.is_empty());
    assert!(doc.undo());
    assert_eq!(doc.notebook(), &m);
    // A deletion nobody argued with just happens.
    let m = merge(&b, &ours, &b).unwrap().notebook;
    assert!(m.actor(lavrov).is_none() && m.conflicts.is_empty());
}

#[test]
fn evidence_merges_as_a_set() {
    let b = base();
    let (lavrov, ghani) = (b.actors[0].id, b.actors[1].id);
    let index = TextIndex::new(TEXT);
    let mut ours = b.clone();
    let span = ours.allocate_id();
    Edit::AttachEvidence(actor(lavrov), evidence_for(1, TEXT, &index, span, 25, 47))
        .apply(&mut ours)
        .unwrap();
    let old = b.actors[1].evidence[0].id;
    let mut theirs = edited(&b, vec![Edit::RemoveEvidence(actor(ghani), old)]);
    let span = theirs.allocate_id();
    Edit::AttachEvidence(actor(lavrov), evidence_for(1, TEXT, &index, span, 48, 74))
        .apply(&mut theirs)
        .unwrap();
    let m = merge(&b, &ours, &theirs).unwrap().notebook;
    assert!(m.conflicts.is_empty());
    let quotes: Vec<&str> = m.actors[0]
        .evidence
        .iter()
        .map(|e| e.quote.as_str())
        .collect();
    assert_eq!(
        quotes,
        [
            "Moscow hosted the talks.",
            "Kabul was not invited.",
            "The envoy left on Tuesday."
        ]
    );
    assert!(m.actors[1].evidence.is_empty());
}

#[test]
fn reorders_from_both_sides_are_kept() {
    let b = base();
    let mut b2 = b.clone();
    add(&mut b2, ItemKind::Actor, "Karzai");
    let b = b2;
    let ids: Vec<Id> = b.actors.iter().map(|a| a.id).collect();
    let ours = edited(&b, vec![Edit::MoveItem(actor(ids[2]), -2)]);
    let theirs = edited(&b, vec![Edit::MoveItem(actor(ids[0]), 1)]);
    let m = merge(&b, &ours, &theirs).unwrap().notebook;
    let names: Vec<&str> = m.actors.iter().map(|a| a.name.as_str()).collect();
    // Ours put Karzai first; theirs put Ghani before Lavrov.
    assert_eq!(names, ["Karzai", "Ghani", "Lavrov"]);
}

#[test]
fn a_text_both_sides_replaced_conflicts_for_that_source_only_and_spans_follow_the_choice() {
    let b = base();
    let replaced = |nb: &Notebook, text: &str| {
        let article = Article::new("Talks", text);
        let (edit, _) = crate::anchor::replace_article_edit(nb, 1, article).unwrap();
        edited(nb, vec![edit])
    };
    let ours = replaced(&b, &format!("Update. {TEXT}"));
    let theirs = replaced(
        &b,
        "Moscow hosted the talks, reports said. Kabul was not invited.",
    );
    let lavrov = b.actors[0].id;
    let theirs = edited(
        &theirs,
        vec![Edit::SetText(
            TextField::ActorRole(lavrov),
            "Minister".into(),
        )],
    );
    let m = merge(&b, &ours, &theirs).unwrap().notebook;
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert_eq!(m.conflicts[0].field, Field::SourceText(1));
    assert_eq!(m.actors[0].role, "Minister", "other changes still merge");
    assert!(m.sources[0].article.text.starts_with("Update."));
    let span = &m.actors[0].evidence[0];
    assert_eq!(
        (span.start, span.status),
        (8, crate::model::AnchorStatus::Moved)
    );
    // Theirs' text chosen: the spans are found again in it.
    let edit = resolution(&m, Field::SourceText(1), Choice::Theirs).unwrap();
    let settled = edited(&m, vec![edit]);
    assert!(
        settled.sources[0]
            .article
            .text
            .starts_with("Moscow hosted the talks, reports")
    );
    assert!(settled.sources[0].article.hash_matches());
    assert_eq!(settled.actors[0].evidence[0].start, 0);
    assert!(settled.conflicts.is_empty());
}

#[test]
fn a_source_removed_on_one_side_and_quoted_on_the_other_stays_with_its_spans() {
    let mut b = base();
    let second = b.allocate_id();
    Edit::AddSource(crate::model::Source::new(second, Article::new("Two", TEXT)))
        .apply(&mut b)
        .unwrap();
    let lavrov = b.actors[0].id;
    let index = TextIndex::new(TEXT);
    let span = b.allocate_id();
    Edit::AttachEvidence(
        actor(lavrov),
        evidence_for(second, TEXT, &index, span, 0, 6),
    )
    .apply(&mut b)
    .unwrap();
    let ours = edited(&b, vec![Edit::RemoveSource(second)]);
    let mut theirs = b.clone();
    let ghani = b.actors[1].id;
    let new_span = theirs.allocate_id();
    Edit::AttachEvidence(
        actor(ghani),
        evidence_for(second, TEXT, &index, new_span, 7, 13),
    )
    .apply(&mut theirs)
    .unwrap();
    let m = merge(&b, &ours, &theirs).unwrap().notebook;
    assert_eq!(m.sources.len(), 2);
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].field, Field::Source(second));
    assert_eq!(m.evidence_count(second), 2, "the old span and the new one");
}

#[test]
fn conflicts_settle_as_ours_theirs_or_a_typed_value_each_one_undo_step() {
    let b = base();
    let lavrov = b.actors[0].id;
    let risk = {
        let mut nb = b.clone();
        add(&mut nb, ItemKind::Risk, "Unrest");
        nb
    };
    let r = risk.risks[0].id;
    let ours = edited(
        &risk,
        vec![
            Edit::SetText(TextField::ActorRole(lavrov), "Minister".into()),
            Edit::SetLikelihood(r, 2),
        ],
    );
    let theirs = edited(
        &risk,
        vec![
            Edit::SetText(TextField::ActorRole(lavrov), "Envoy".into()),
            Edit::SetLikelihood(r, 4),
        ],
    );
    let m = merge(&risk, &ours, &theirs).unwrap().notebook;
    assert_eq!(m.conflicts.len(), 2);
    let mut doc = Document::saved(m.clone());
    let role = Field::Text(TextField::ActorRole(lavrov));
    let edit = resolution(doc.notebook(), Field::Likelihood(r), Choice::Theirs).unwrap();
    doc.apply(edit).unwrap();
    assert_eq!(doc.notebook().risks[0].likelihood, 4);
    let typed = Choice::Value(Value::Text("Foreign minister".into()));
    doc.apply(resolution(doc.notebook(), role, typed).unwrap())
        .unwrap();
    assert_eq!(doc.notebook().actors[0].role, "Foreign minister");
    assert!(doc.notebook().conflicts.is_empty());
    assert_eq!(
        resolution(doc.notebook(), role, Choice::Ours),
        Err(ResolveError::NoSuchConflict(role))
    );
    assert!(doc.undo());
    assert_eq!(doc.notebook().conflicts.len(), 1);
    assert!(doc.undo());
    assert_eq!(doc.notebook(), &m);
    let wrong = resolution(&m, Field::Likelihood(r), Choice::Value(Value::Number(9)));
    assert!(matches!(wrong, Err(ResolveError::WrongValue { .. })));
}

#[test]
fn conflicts_carry_over_until_settled_and_a_settled_one_stays_settled() {
    let b = base();
    let ours = edited(&b, vec![Edit::SetText(TextField::BottomLine, "A.".into())]);
    let theirs = edited(&b, vec![Edit::SetText(TextField::BottomLine, "B.".into())]);
    let conflicted = merge(&b, &ours, &theirs).unwrap().notebook;
    // Someone else keeps working from the conflicted notebook; a colleague settles it.
    let lavrov = b.actors[0].id;
    let other = edited(
        &conflicted,
        vec![Edit::SetText(TextField::ActorNotes(lavrov), "n".into())],
    );
    let edit = resolution(
        &conflicted,
        Field::Text(TextField::BottomLine),
        Choice::Theirs,
    )
    .unwrap();
    let settled = edited(&conflicted, vec![edit]);
    let m = merge(&conflicted, &other, &settled).unwrap().notebook;
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert_eq!(m.brief.bottom_line, "B.");
    assert_eq!(m.actors[0].notes, "n");
    let m = merge(&conflicted, &other, &conflicted).unwrap().notebook;
    assert_eq!(m.conflicts.len(), 1, "still open");
}

#[test]
fn an_item_kept_against_its_deletion_loses_references_to_what_that_side_also_deleted() {
    let b = base();
    let (lavrov, stake) = (b.actors[0].id, b.stakes[0].id);
    let stake_ref = ItemRef {
        kind: ItemKind::Stake,
        id: stake,
    };
    // Ours deleted Lavrov and the stake he holds; theirs renamed the stake.
    let ours = edited(
        &b,
        vec![Edit::DeleteItem(actor(lavrov)), Edit::DeleteItem(stake_ref)],
    );
    let theirs = edited(
        &b,
        vec![Edit::SetText(
            TextField::StakeTitle(stake),
            "Air bases".into(),
        )],
    );
    let m = merge(&b, &ours, &theirs).unwrap().notebook;
    assert!(
        m.actor(lavrov).is_none(),
        "nobody argued with that deletion"
    );
    assert_eq!(m.stakes[0].title, "Air bases");
    assert!(m.stakes[0].holders.is_empty());
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].field, Field::Item(stake_ref));
}

/// Alice and Bob each add an actor; Alice merges Bob's branch; Bob goes on editing his
/// actor and Alice merges again, from the base git gives (Bob's first commit). With
/// sequential ids the first merge renumbered Bob's actor and the second put his edit on
/// Alice's; random ids leave nothing to renumber.
#[test]
fn a_second_merge_from_an_older_base_puts_each_edit_on_its_own_item() {
    let b = base();
    let mut alice = b.clone();
    let karzai = add(&mut alice, ItemKind::Actor, "Karzai");
    let mut bob1 = b.clone();
    let khan = add(&mut bob1, ItemKind::Actor, "Khan");
    let first = merge(&b, &alice, &bob1).unwrap();
    assert!(first.renumbered.is_empty(), "{:?}", first.renumbered);
    let m1 = first.notebook;
    let mut bob2 = bob1.clone();
    Edit::SetText(TextField::ActorRole(khan), "Governor".into())
        .apply(&mut bob2)
        .unwrap();
    for m2 in [
        merge(&bob1, &m1, &bob2).unwrap().notebook,
        merge(&bob1, &bob2, &m1).unwrap().notebook,
    ] {
        assert!(m2.conflicts.is_empty(), "{:?}", m2.conflicts);
        assert_eq!(m2.actor(khan).unwrap().role, "Governor");
        assert_eq!(m2.actor(karzai).unwrap().role, "");
        assert_eq!(m2.actors.len(), m1.actors.len());
    }
}

/// A span one side removed and the other changed, while the first also moved the text:
/// taking theirs finds their span in the text the source holds now, not at the offsets
/// their older text had (review found the old offsets written back).
#[test]
fn a_span_taken_from_theirs_is_found_again_in_the_text_kept() {
    let b = base();
    let lavrov = b.actors[0].id;
    let span = b.actors[0].evidence[0].id;
    let article = Article::new("Talks", format!("Update. {TEXT}"));
    let (moved, _) = crate::anchor::replace_article_edit(&b, 1, article).unwrap();
    let ours = edited(&b, vec![moved, Edit::RemoveEvidence(actor(lavrov), span)]);
    let longer = evidence_for(1, TEXT, &TextIndex::new(TEXT), span, 0, 47);
    let theirs = edited(&b, vec![Edit::ReplaceEvidence(actor(lavrov), longer)]);
    let m = merge(&b, &ours, &theirs).unwrap().notebook;
    let field = Field::Evidence(actor(lavrov), span);
    assert!(m.conflict(field).is_some(), "{:?}", m.conflicts);
    let settled = edited(&m, vec![resolution(&m, field, Choice::Theirs).unwrap()]);
    let e = settled.actors[0]
        .evidence
        .iter()
        .find(|e| e.id == span)
        .unwrap();
    let text: Vec<char> = settled.sources[0].article.text.chars().collect();
    let at: String = text[e.start..e.end].iter().collect();
    assert_eq!(at, "Moscow hosted the talks. Kabul was not invited.");
    assert_eq!((e.start, e.end), (8, 55));
}

/// A version still holding an unsettled conflict about the bottom line, merged with one
/// that changed the bottom line again: a new conflict would replace the old one and lose
/// one of its values, so nothing is merged and the error says what to do (review found
/// the old value silently dropped).
#[test]
fn a_new_conflict_never_replaces_an_unsettled_one() {
    let b = base();
    let ours = edited(&b, vec![Edit::SetText(TextField::BottomLine, "A.".into())]);
    let theirs = edited(&b, vec![Edit::SetText(TextField::BottomLine, "B.".into())]);
    let conflicted = merge(&b, &ours, &theirs).unwrap().notebook;
    let third = edited(&b, vec![Edit::SetText(TextField::BottomLine, "C.".into())]);
    for (ours, theirs, version) in [
        (&conflicted, &third, "ours"),
        (&third, &conflicted, "theirs"),
    ] {
        let error = merge(&b, ours, theirs).unwrap_err();
        assert_eq!(
            error,
            MergeError::Unsettled {
                version,
                field: "bottom line"
            }
        );
        assert!(
            error
                .to_string()
                .contains("settle it in the app's Review tab")
        );
    }
}
