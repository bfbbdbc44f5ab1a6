//! Every edit applies, validates and undoes; every bad edit changes nothing.
use super::*;
use crate::model::{Document, InvalidNotebook, validate};

const TEXT: &str = "Lavrov met Japarov in Bishkek on Monday.";

/// The source whose text is `TEXT`.
const SRC: Id = 100;

/// The second source: `SECOND` is its text.
const SRC2: Id = 50;
const SECOND: &str = "Japarov spoke in Osh.";

/// A span of `TEXT` (offsets in chars).
fn span(id: Id, start: usize, end: usize) -> Evidence {
    Evidence {
        id,
        source: SRC,
        start,
        end,
        quote: TEXT.chars().skip(start).take(end - start).collect(),
        ..Evidence::default()
    }
}

/// Sources 100 (`TEXT`) and 50 (`SECOND`); actors 1 (Lavrov, with span 4 of source 100)
/// and 2 (Japarov, with span 51 of source 50), stake 3 held by 1, risk 5 involving 1.
fn notebook() -> Notebook {
    let mut nb = Notebook::new(Article::new("Talks", TEXT));
    nb.sources[0].id = SRC;
    nb.sources
        .push(Source::new(SRC2, Article::new("Second", SECOND)));
    nb.actors = vec![
        Actor {
            id: 1,
            name: "Lavrov".into(),
            aliases: vec!["Russian FM".into()],
            evidence: vec![span(4, 0, 6)],
            ..Actor::default()
        },
        Actor {
            id: 2,
            name: "Japarov".into(),
            evidence: vec![Evidence {
                id: 51,
                source: SRC2,
                start: 0,
                end: 7,
                quote: "Japarov".into(),
                ..Evidence::default()
            }],
            ..Actor::default()
        },
    ];
    nb.stakes = vec![Stake {
        id: 3,
        title: "Bases".into(),
        holders: vec![1],
        ..Stake::default()
    }];
    nb.risks = vec![Risk {
        id: 5,
        title: "Unrest".into(),
        likelihood: 2,
        impact: 4,
        indicators: vec!["Protests".into()],
        actors: vec![1],
        ..Risk::default()
    }];
    nb.next_id = 6;
    nb.conflicts = vec![crate::model::Conflict {
        field: Field::Text(TextField::BottomLine),
        base: Value::Text(String::new()),
        ours: Value::Text("Ours.".into()),
        theirs: Value::Text("Theirs.".into()),
    }];
    assert_eq!(validate(&nb), Ok(()));
    nb
}

fn actor(id: Id) -> ItemRef {
    ItemRef {
        kind: ItemKind::Actor,
        id,
    }
}

fn stake(id: Id) -> ItemRef {
    ItemRef {
        kind: ItemKind::Stake,
        id,
    }
}

fn risk(id: Id) -> ItemRef {
    ItemRef {
        kind: ItemKind::Risk,
        id,
    }
}

/// What a good edit must have done to the notebook.
type Done = fn(&Notebook) -> bool;

/// What a bad edit's error must be.
type Expected = fn(&EditError) -> bool;

/// One good edit of every kind, with what it must have done.
fn good_edits() -> Vec<(Edit, Done)> {
    vec![
        (
            Edit::SetText(TextField::BottomLine, "Talks stall.".into()),
            |nb| nb.brief.bottom_line == "Talks stall.",
        ),
        (
            Edit::SetText(TextField::RiskHorizon(5), "6 months".into()),
            |nb| nb.risks[0].horizon == "6 months",
        ),
        (
            Edit::SetListEntry(ListField::ActorAliases(1), 0, "FM".into()),
            |nb| nb.actors[0].aliases == ["FM"],
        ),
        (
            Edit::AddListEntry(ListField::RiskIndicators(5), "Strikes".into()),
            |nb| nb.risks[0].indicators == ["Protests", "Strikes"],
        ),
        (
            Edit::RemoveListEntry(ListField::RiskIndicators(5), 0),
            |nb| nb.risks[0].indicators.is_empty(),
        ),
        (Edit::SetActorKind(2, ActorKind::State), |nb| {
            nb.actors[1].kind == ActorKind::State
        }),
        (Edit::SetImportance(3, Importance::Critical), |nb| {
            nb.stakes[0].importance == Importance::Critical
        }),
        (Edit::SetLikelihood(5, 5), |nb| nb.risks[0].likelihood == 5),
        (Edit::SetImpact(5, 1), |nb| nb.risks[0].impact == 1),
        (Edit::SetRiskConfidence(5, Confidence::High), |nb| {
            nb.risks[0].confidence == Confidence::High
        }),
        (Edit::SetBriefConfidence(Confidence::Low), |nb| {
            nb.brief.confidence == Confidence::Low
        }),
        (Edit::DismissSuggestion("Monday".into()), |nb| {
            nb.dismissed_suggestions == ["Monday"]
        }),
        (
            Edit::Batch(vec![
                Edit::SetText(TextField::StakeTitle(3), "Air bases".into()),
                Edit::SetText(TextField::StakeDetail(3), "Kant".into()),
            ]),
            |nb| nb.stakes[0].title == "Air bases" && nb.stakes[0].detail == "Kant",
        ),
        (Edit::ToggleStakeHolder { stake: 3, actor: 2 }, |nb| {
            nb.stakes[0].holders == [1, 2]
        }),
        (Edit::ToggleRiskActor { risk: 5, actor: 1 }, |nb| {
            nb.risks[0].actors.is_empty()
        }),
        (
            Edit::AddItem {
                kind: ItemKind::Risk,
                id: 6,
                name: "Sanctions".into(),
                evidence: Some(span(7, 11, 18)),
            },
            |nb| {
                let r = &nb.risks[1];
                r.title == "Sanctions"
                    && (r.likelihood, r.impact) == (3, 3)
                    && r.evidence[0].quote == "Japarov"
                    && nb.next_id == 8
            },
        ),
        (Edit::DeleteItem(actor(1)), |nb| {
            // The actor goes, and so do the references to it.
            nb.actors.len() == 1 && nb.stakes[0].holders.is_empty() && nb.risks[0].actors.is_empty()
        }),
        (Edit::MoveItem(actor(2), -5), |nb| {
            nb.item_refs(ItemKind::Actor) == [actor(2), actor(1)]
        }),
        (Edit::AttachEvidence(stake(3), span(6, 22, 29)), |nb| {
            nb.stakes[0].evidence[0].quote == "Bishkek"
        }),
        (Edit::RemoveEvidence(actor(1), 4), |nb| {
            nb.actors[0].evidence.is_empty()
        }),
        (Edit::ReplaceEvidence(actor(1), span(4, 0, 10)), |nb| {
            nb.actors[0].evidence[0].quote == "Lavrov met"
        }),
        (
            Edit::ReplaceArticle {
                source: SRC,
                article: Article::new("Talks", format!("Monday: {TEXT}")),
                anchors: vec![SpanPosition {
                    evidence: 4,
                    start: 8,
                    end: 14,
                    status: AnchorStatus::Moved,
                }],
            },
            |nb| {
                let e = &nb.actors[0].evidence[0];
                let other = &nb.actors[1].evidence[0];
                nb.sources[0].article.text.starts_with("Monday: ")
                    && (e.start, e.end, e.status) == (8, 14, AnchorStatus::Moved)
                    && (other.start, other.end) == (0, 7)
                    && &*nb.sources[1].article.text == SECOND
            },
        ),
        (
            Edit::AddSource(Source::new(6, Article::new("Third", "Osh is quiet."))),
            |nb| nb.sources.len() == 3 && nb.sources[2].article.title == "Third" && nb.next_id == 7,
        ),
        (Edit::RemoveSource(SRC2), |nb| {
            // The source goes, and so does the evidence that quotes it.
            nb.sources.len() == 1
                && nb.actors[1].evidence.is_empty()
                && nb.actors[0].evidence.len() == 1
        }),
        (Edit::MoveSource(SRC2, -3), |nb| {
            nb.sources.iter().map(|s| s.id).collect::<Vec<_>>() == [SRC2, SRC]
                && nb.source_number(SRC2) == Some(1)
        }),
        (
            Edit::SetSourceGrade(
                SRC2,
                Reliability::B,
                Credibility::new(2).unwrap_or_default(),
            ),
            |nb| nb.sources[1].grade() == "B2",
        ),
        (
            Edit::SetSourceMeta(SRC, SourceField::Author, "Aigerim Bekova".into()),
            |nb| nb.sources[0].article.author.as_deref() == Some("Aigerim Bekova"),
        ),
        (
            Edit::SetField(Field::Likelihood(5), Value::Number(4)),
            |nb| nb.risks[0].likelihood == 4,
        ),
        (Edit::SetField(Field::Item(actor(1)), Value::Absent), |nb| {
            // Settling a deletion deletes as DeleteItem does, references and all.
            nb.actors.len() == 1 && nb.stakes[0].holders.is_empty()
        }),
        (
            Edit::DropConflict(Field::Text(TextField::BottomLine)),
            |nb| nb.conflicts.is_empty() && nb.brief.bottom_line.is_empty(),
        ),
    ]
}

#[test]
fn every_edit_applies_validates_and_undoes() {
    let before = notebook();
    for (edit, done) in good_edits() {
        let mut doc = Document::saved(before.clone());
        doc.apply(edit.clone())
            .unwrap_or_else(|e| panic!("{edit:?}: {e}"));
        let after = doc.notebook().clone();
        assert!(done(&after), "{edit:?} did not do its change: {after:?}");
        assert_eq!(validate(&after), Ok(()), "{edit:?}");
        assert!(doc.is_dirty(), "{edit:?}");

        assert!(doc.undo(), "{edit:?}");
        // Undo keeps the next id where it got to: ids are never handed out twice.
        let undone = Notebook {
            next_id: before.next_id,
            ..doc.notebook().clone()
        };
        assert_eq!(undone, before, "undo of {edit:?}");
        assert_eq!(doc.notebook().next_id, after.next_id);
        assert!(
            !doc.is_dirty(),
            "undo of {edit:?} is back at the saved state"
        );
        assert!(doc.redo(), "{edit:?}");
        assert_eq!(doc.notebook(), &after, "redo of {edit:?}");
    }
}

#[test]
fn every_kind_of_edit_is_covered() {
    // One good edit per variant (SetText twice): adding a variant means adding a case.
    let variants: std::collections::HashSet<std::mem::Discriminant<Edit>> = good_edits()
        .iter()
        .map(|(e, _)| std::mem::discriminant(e))
        .collect();
    assert_eq!(variants.len(), 28);
}

/// Bad edits with the error each must give.
fn bad_edits() -> Vec<(Edit, Expected)> {
    use EditError::*;
    use InvalidNotebook::*;
    vec![
        (Edit::SetText(TextField::ActorName(99), "X".into()), |e| {
            *e == NoSuchItem(actor(99))
        }),
        (
            Edit::SetListEntry(ListField::ActorAliases(1), 5, "X".into()),
            |e| *e == NoSuchEntry(5),
        ),
        (
            Edit::AddListEntry(ListField::RiskIndicators(99), "X".into()),
            |e| *e == NoSuchItem(risk(99)),
        ),
        (
            Edit::RemoveListEntry(ListField::RiskIndicators(5), 3),
            |e| *e == NoSuchEntry(3),
        ),
        (Edit::SetActorKind(3, ActorKind::State), |e| {
            *e == NoSuchItem(actor(3))
        }),
        (Edit::SetImportance(1, Importance::High), |e| {
            *e == NoSuchItem(stake(1))
        }),
        (Edit::SetLikelihood(5, 0), |e| {
            matches!(
                e,
                Invalid(RatingOutOfRange {
                    scale: "likelihood",
                    value: 0,
                    ..
                })
            )
        }),
        (Edit::SetImpact(5, 6), |e| {
            matches!(
                e,
                Invalid(RatingOutOfRange {
                    scale: "impact",
                    value: 6,
                    ..
                })
            )
        }),
        (Edit::SetRiskConfidence(99, Confidence::Low), |e| {
            *e == NoSuchItem(risk(99))
        }),
        (
            // All or nothing: the good first half is not kept.
            Edit::Batch(vec![
                Edit::SetText(TextField::BottomLine, "Kept?".into()),
                Edit::SetImpact(5, 9),
            ]),
            |e| matches!(e, Invalid(RatingOutOfRange { value: 9, .. })),
        ),
        (
            Edit::ToggleStakeHolder {
                stake: 3,
                actor: 99,
            },
            |e| *e == NoSuchItem(actor(99)),
        ),
        (Edit::ToggleRiskActor { risk: 99, actor: 1 }, |e| {
            *e == NoSuchItem(risk(99))
        }),
        (
            Edit::AddItem {
                kind: ItemKind::Stake,
                id: 4,
                name: "Twice".into(),
                evidence: None,
            },
            |e| matches!(e, Invalid(DuplicateId { id: 4, .. })),
        ),
        (
            Edit::AddItem {
                kind: ItemKind::Actor,
                id: 6,
                name: "Empty".into(),
                evidence: Some(span(7, 3, 3)),
            },
            |e| *e == EmptySpan(3, 3),
        ),
        (Edit::DeleteItem(stake(99)), |e| *e == NoSuchItem(stake(99))),
        (Edit::MoveItem(risk(99), 1), |e| *e == NoSuchItem(risk(99))),
        (
            Edit::AttachEvidence(
                actor(2),
                Evidence {
                    id: 6,
                    source: SRC,
                    start: 30,
                    end: 500,
                    ..Evidence::default()
                },
            ),
            |e| {
                matches!(
                    e,
                    Invalid(SpanOutOfRange {
                        start: 30,
                        end: 500,
                        len: 40,
                        ..
                    })
                )
            },
        ),
        (Edit::AttachEvidence(actor(2), span(5, 0, 6)), |e| {
            matches!(e, Invalid(DuplicateId { id: 5, .. }))
        }),
        (Edit::AttachEvidence(actor(2), span(6, 7, 7)), |e| {
            *e == EmptySpan(7, 7)
        }),
        (Edit::RemoveEvidence(actor(99), 4), |e| {
            *e == NoSuchItem(actor(99))
        }),
        (Edit::ReplaceEvidence(actor(1), span(77, 0, 6)), |e| {
            *e == NoSuchEvidence(77)
        }),
        (
            Edit::ReplaceArticle {
                source: SRC,
                article: Article::new("Short", "Lavrov"),
                anchors: vec![SpanPosition {
                    evidence: 4,
                    start: 0,
                    end: 10,
                    status: AnchorStatus::Exact,
                }],
            },
            |e| {
                matches!(
                    e,
                    Invalid(SpanOutOfRange {
                        end: 10,
                        len: 6,
                        ..
                    })
                )
            },
        ),
        (
            Edit::ReplaceArticle {
                source: 99,
                article: Article::new("Lost", "Lavrov"),
                anchors: Vec::new(),
            },
            |e| *e == NoSuchSource(99),
        ),
        (
            Edit::AddSource(Source::new(3, Article::new("Twice", "x"))),
            |e| matches!(e, Invalid(DuplicateId { id: 3, .. })),
        ),
        (Edit::RemoveSource(99), |e| *e == NoSuchSource(99)),
        (
            Edit::SetField(Field::Likelihood(5), Value::Text("4".into())),
            |e| {
                matches!(
                    e,
                    WrongValue {
                        field: Field::Likelihood(5),
                        ..
                    }
                )
            },
        ),
        (
            Edit::SetField(Field::Likelihood(5), Value::Number(6)),
            |e| matches!(e, WrongValue { .. }),
        ),
        (
            Edit::SetField(Field::SourceText(SRC), Value::Text("x".into())),
            |e| matches!(e, WrongValue { .. }),
        ),
        (Edit::DropConflict(Field::BriefConfidence), |e| {
            *e == NoSuchConflict(Field::BriefConfidence)
        }),
        (
            // A notebook keeps at least one source.
            Edit::Batch(vec![Edit::RemoveSource(SRC), Edit::RemoveSource(SRC2)]),
            |e| *e == Invalid(NoSources),
        ),
        (Edit::MoveSource(99, 1), |e| *e == NoSuchSource(99)),
        (
            Edit::SetSourceGrade(99, Reliability::A, Credibility::default()),
            |e| *e == NoSuchSource(99),
        ),
        (
            Edit::SetSourceMeta(99, SourceField::Title, "X".into()),
            |e| *e == NoSuchSource(99),
        ),
        (
            Edit::AttachEvidence(
                actor(2),
                Evidence {
                    source: 77,
                    ..span(6, 0, 6)
                },
            ),
            |e| matches!(e, Invalid(MissingSource { missing: 77, .. })),
        ),
        (
            // 0..29 fits `TEXT` but not the source it names.
            Edit::AttachEvidence(
                actor(1),
                Evidence {
                    source: SRC2,
                    ..span(6, 0, 29)
                },
            ),
            |e| matches!(e, Invalid(SpanOutOfRange { len: 21, .. })),
        ),
    ]
}

#[test]
fn a_bad_edit_changes_nothing_and_says_why() {
    let before = notebook();
    for (edit, expected) in bad_edits() {
        let mut nb = before.clone();
        let err = edit.clone().apply(&mut nb).unwrap_err();
        assert!(expected(&err), "{edit:?} gave {err:?}");
        assert_eq!(nb, before, "{edit:?} changed the notebook");

        let mut doc = Document::saved(before.clone());
        assert_eq!(doc.apply(edit.clone()), Err(err), "{edit:?}");
        assert_eq!(doc.notebook(), &before);
        assert!(!doc.can_undo() && !doc.is_dirty(), "{edit:?}");
    }
}

#[test]
fn an_orphaned_span_keeps_its_offsets_whatever_the_text() {
    let mut nb = notebook();
    // 0..6 is past the end of "No.", which only an orphan may be: its quote is what
    // counts, and a later text may hold it again.
    Edit::ReplaceArticle {
        source: SRC,
        article: Article::new("Tiny", "No."),
        anchors: vec![SpanPosition {
            evidence: 4,
            start: 0,
            end: 6,
            status: AnchorStatus::Orphaned,
        }],
    }
    .apply(&mut nb)
    .unwrap();
    assert_eq!(&*nb.sources[0].article.text, "No.");
    let e = &nb.actors[0].evidence[0];
    assert_eq!((e.start, e.end, e.status), (0, 6, AnchorStatus::Orphaned));
}

#[test]
fn a_conflict_about_something_deleted_goes_with_it() {
    let mut nb = notebook();
    nb.conflicts.push(crate::model::Conflict {
        field: Field::Text(TextField::ActorRole(1)),
        base: Value::Text(String::new()),
        ours: Value::Text("FM".into()),
        theirs: Value::Text("Minister".into()),
    });
    Edit::DeleteItem(actor(1)).apply(&mut nb).unwrap();
    assert_eq!(nb.conflicts.len(), 1, "the brief's stays");
    assert_eq!(nb.conflicts[0].field, Field::Text(TextField::BottomLine));
    // A conflict naming something the notebook lacks is refused on read.
    nb.conflicts[0].field = Field::Text(TextField::ActorRole(1));
    assert!(matches!(
        validate(&nb),
        Err(InvalidNotebook::BadConflict { .. })
    ));
}
