//! The notebook's invariants, checked in one place: by storage on every notebook read from
//! disk (opened or restored) and after every [`Edit`](super::Edit), so no path into the
//! app can hold a notebook that breaks them.

use super::{AnchorStatus, Id, Item, Notebook, Source, Target, Value};
use std::collections::{HashMap, HashSet};
use std::fmt;
use thiserror::Error;

/// The thing an invariant is broken by: what it is, its id and its name (or quote), shown
/// as `actor "Lavrov"`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    /// "source", "actor", "stake", "risk" or "evidence".
    pub what: &'static str,
    /// Its id.
    pub id: Id,
    /// Its name, title or quote.
    pub name: String,
}

impl Named {
    fn source(source: &Source) -> Self {
        Self {
            what: "source",
            id: source.id,
            name: source.article.title.clone(),
        }
    }

    fn item(item: &dyn Item) -> Self {
        Self {
            what: item.kind().label(),
            id: item.id(),
            name: item.name().to_owned(),
        }
    }
}

impl fmt::Display for Named {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} \"{}\"", self.what, self.name)
    }
}

/// A broken invariant: what would break the app later if the notebook were kept.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum InvalidNotebook {
    /// A notebook with no source has nothing to quote.
    #[error("the notebook has no source; it needs at least one article")]
    NoSources,
    /// Two sources, items or spans share an id.
    #[error("id {id} is used twice (second time by {second})")]
    DuplicateId {
        /// The id.
        id: Id,
        /// Its second user, in pane order.
        second: Named,
    },
    /// A stake's holder or a risk's actor that is not an actor of the notebook.
    #[error("{by} names actor id {missing}, which does not exist")]
    MissingActor {
        /// The stake or risk.
        by: Named,
        /// The id it names.
        missing: Id,
    },
    /// An evidence span that names a source the notebook does not hold.
    #[error("{evidence} quotes source id {missing}, which does not exist")]
    MissingSource {
        /// The span.
        evidence: Named,
        /// The source id it names.
        missing: Id,
    },
    /// A risk's likelihood or impact outside 1-5.
    #[error("{risk} has {scale} {value}; it must be 1 to 5")]
    RatingOutOfRange {
        /// The risk.
        risk: Named,
        /// "likelihood" or "impact".
        scale: &'static str,
        /// The rating.
        value: u8,
    },
    /// A merge conflict about something the notebook does not hold, a second conflict
    /// about the same field, or a value that field cannot take.
    #[error(
        "the merge conflict about the {field} of {place} {problem}: remove that entry from \
         the `conflicts` list at the end of the file, or merge again"
    )]
    BadConflict {
        /// The field's name.
        field: &'static str,
        /// What it belongs to ("actor 48", "source 2", "the brief").
        place: String,
        /// What is wrong with it.
        problem: &'static str,
    },
    /// A span that is not orphaned but does not lie inside its source's text (offsets in
    /// chars).
    #[error("{evidence} is at {start}..{end}, outside its source's {len} characters")]
    SpanOutOfRange {
        /// The span.
        evidence: Named,
        /// Its start.
        start: usize,
        /// Its end.
        end: usize,
        /// Its source's length in chars.
        len: usize,
    },
}

/// Checks every invariant of a notebook: at least one source; ids unique (sources, items
/// and spans together); every actor and source reference resolves; ratings 1-5; every span
/// that is not orphaned lies in its source's text (`start <= end <=` its length in chars).
/// Orphaned spans keep the offsets they had and are not checked: their quote is all that
/// counts.
pub fn validate(nb: &Notebook) -> Result<(), InvalidNotebook> {
    if nb.sources.is_empty() {
        return Err(InvalidNotebook::NoSources);
    }
    let mut seen: HashSet<Id> = HashSet::new();
    let mut check_id = |second: Named| {
        if seen.insert(second.id) {
            Ok(())
        } else {
            Err(InvalidNotebook::DuplicateId {
                id: second.id,
                second,
            })
        }
    };
    for source in &nb.sources {
        check_id(Named::source(source))?;
    }
    for item in nb.all_items() {
        check_id(Named::item(item))?;
    }
    for (_, e) in nb.all_evidence() {
        check_id(evidence(e))?;
    }
    let actor_ids: HashSet<Id> = nb.actors.iter().map(|a| a.id).collect();
    let references = nb
        .stakes
        .iter()
        .map(|s| (s as &dyn Item, &s.holders))
        .chain(nb.risks.iter().map(|r| (r as &dyn Item, &r.actors)));
    for (item, ids) in references {
        if let Some(&missing) = ids.iter().find(|id| !actor_ids.contains(id)) {
            return Err(InvalidNotebook::MissingActor {
                by: Named::item(item),
                missing,
            });
        }
    }
    for r in &nb.risks {
        for (scale, value) in [("likelihood", r.likelihood), ("impact", r.impact)] {
            if !(1..=5).contains(&value) {
                return Err(InvalidNotebook::RatingOutOfRange {
                    risk: Named::item(r),
                    scale,
                    value,
                });
            }
        }
    }
    check_spans(nb)?;
    check_conflicts(nb)
}

/// Every conflict is about something the notebook holds, one conflict per field, and its
/// three values are of the field's kind.
fn check_conflicts(nb: &Notebook) -> Result<(), InvalidNotebook> {
    let mut fields = HashSet::new();
    for c in &nb.conflicts {
        let bad = |problem| InvalidNotebook::BadConflict {
            field: c.field.label(),
            place: match c.field.target() {
                Target::Brief => "the brief".to_owned(),
                Target::Item(item) => format!("{} {}", item.kind.label(), item.id),
                Target::Source(id) => format!("source {id}"),
                Target::Evidence(item, id) => {
                    format!("span {id} of {} {}", item.kind.label(), item.id)
                }
            },
            problem,
        };
        if !c.field.target_exists(nb) {
            return Err(bad("is about something the notebook does not hold"));
        }
        if !fields.insert(c.field) {
            return Err(bad("is recorded twice"));
        }
        let fits = |v: &Value| {
            c.field.accepts(v)
                || (*v == Value::Absent
                    && matches!(c.field.target(), Target::Item(_) | Target::Source(_)))
        };
        if ![&c.base, &c.ours, &c.theirs].into_iter().all(fits) {
            return Err(bad("holds a value of the wrong kind"));
        }
    }
    Ok(())
}

fn evidence(e: &super::Evidence) -> Named {
    Named {
        what: "evidence",
        id: e.id,
        name: e.quote.clone(),
    }
}

/// Every span names a source of the notebook, and every span that is not orphaned lies in
/// that source's text. A text is counted only when a span ends past a quarter of its bytes
/// (a char is at most 4 bytes), so most edits of a long article do not count its chars.
fn check_spans(nb: &Notebook) -> Result<(), InvalidNotebook> {
    let mut lens: HashMap<Id, (&Source, Option<usize>)> =
        nb.sources.iter().map(|s| (s.id, (s, None))).collect();
    for (_, e) in nb.all_evidence() {
        let Some((source, len)) = lens.get_mut(&e.source) else {
            return Err(InvalidNotebook::MissingSource {
                evidence: evidence(e),
                missing: e.source,
            });
        };
        let surely_inside = source.article.text.len() / 4;
        if e.status == AnchorStatus::Orphaned || (e.start <= e.end && e.end <= surely_inside) {
            continue;
        }
        let len = *len.get_or_insert_with(|| source.article.char_len());
        if e.start > e.end || e.end > len {
            return Err(InvalidNotebook::SpanOutOfRange {
                evidence: evidence(e),
                start: e.start,
                end: e.end,
                len,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Article, Evidence, Risk, Stake};

    /// A notebook on `text` (source 1) with actor 2, whose span 3 is at `start..end`.
    fn with_span(text: &str, start: usize, end: usize, status: AnchorStatus) -> Notebook {
        let mut nb = Notebook::new(Article::new("T", text));
        nb.actors.push(Actor {
            id: 2,
            name: "A".into(),
            evidence: vec![Evidence {
                id: 3,
                source: 1,
                start,
                end,
                quote: "q".into(),
                status,
                ..Evidence::default()
            }],
            ..Actor::default()
        });
        nb
    }

    #[test]
    fn spans_are_measured_in_chars_not_bytes() {
        // Four chars in eight bytes: 0..6 is inside the bytes but not the chars.
        assert_eq!(
            validate(&with_span("Лавр", 0, 4, AnchorStatus::Exact)),
            Ok(())
        );
        let err = validate(&with_span("Лавр", 0, 6, AnchorStatus::Exact)).unwrap_err();
        assert!(
            matches!(err, InvalidNotebook::SpanOutOfRange { len: 4, .. }),
            "{err}"
        );
        assert!(validate(&with_span("Лавр", 3, 2, AnchorStatus::Exact)).is_err());
        // An empty span at the very end is inside.
        assert_eq!(
            validate(&with_span("Лавр", 4, 4, AnchorStatus::Fuzzy)),
            Ok(())
        );
    }

    #[test]
    fn orphaned_spans_are_not_held_to_the_text() {
        assert_eq!(
            validate(&with_span("Short.", 50, 60, AnchorStatus::Orphaned)),
            Ok(())
        );
    }

    #[test]
    fn each_broken_invariant_says_which_item_and_why() {
        let mut nb = with_span("Text.", 0, 4, AnchorStatus::Exact);
        nb.stakes.push(Stake {
            id: 3,
            title: "Bases".into(),
            ..Stake::default()
        });
        assert_eq!(
            validate(&nb).unwrap_err().to_string(),
            "id 3 is used twice (second time by evidence \"q\")"
        );

        nb.stakes[0].id = 4;
        nb.stakes[0].holders.push(9);
        assert_eq!(
            validate(&nb).unwrap_err().to_string(),
            "stake \"Bases\" names actor id 9, which does not exist"
        );

        nb.stakes[0].holders.clear();
        nb.risks.push(Risk {
            id: 5,
            title: "Unrest".into(),
            likelihood: 3,
            impact: 0,
            ..Risk::default()
        });
        assert_eq!(
            validate(&nb).unwrap_err().to_string(),
            "risk \"Unrest\" has impact 0; it must be 1 to 5"
        );
    }

    #[test]
    fn every_span_names_a_source_and_lies_in_that_sources_text() {
        let mut nb = with_span("Лавр", 0, 4, AnchorStatus::Exact);
        let long = crate::model::Source::new(9, Article::new("Long", "A much longer text."));
        nb.sources.push(long);
        nb.next_id = 10;
        assert_eq!(validate(&nb), Ok(()));
        // 0..10 fits source 9 but not source 1, which the span names.
        nb.actors[0].evidence[0].end = 10;
        let err = validate(&nb).unwrap_err();
        assert!(
            matches!(err, InvalidNotebook::SpanOutOfRange { len: 4, .. }),
            "{err}"
        );
        nb.actors[0].evidence[0].source = 9;
        assert_eq!(validate(&nb), Ok(()));
        nb.actors[0].evidence[0].source = 7;
        assert_eq!(
            validate(&nb).unwrap_err().to_string(),
            "evidence \"q\" quotes source id 7, which does not exist"
        );
        nb.actors[0].evidence[0].source = 1;
        nb.actors[0].id = 9;
        assert_eq!(
            validate(&nb).unwrap_err().to_string(),
            "id 9 is used twice (second time by actor \"A\")"
        );
        nb.actors[0].evidence.clear();
        nb.sources.clear();
        assert_eq!(validate(&nb), Err(InvalidNotebook::NoSources));
    }
}
