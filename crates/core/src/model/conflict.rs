//! Merge conflicts kept inside a notebook: where two versions merged by `merge` both
//! changed one thing differently, or one deleted what the other changed. The notebook
//! holds "ours" meanwhile, so it stays a whole, valid notebook; each conflict keeps the
//! three values until the analyst picks one (see `merge::resolution`).

use super::{
    ActorKind, Confidence, Credibility, Evidence, Id, Importance, ItemKind, ItemRef, Notebook,
    Reliability, SourceField, TextField,
};
use serde::{Deserialize, Serialize};

/// One disagreement between two merged versions, as written in the notebook file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// What the versions disagree about.
    pub field: Field,
    /// Its value in the common ancestor.
    pub base: Value,
    /// Its value in "ours" (the version merged into; what the notebook now holds).
    pub ours: Value,
    /// Its value in "theirs" (the version merged in).
    pub theirs: Value,
}

/// The one thing a conflict is about: a field of the brief, an item or a source; whether
/// an item, source or evidence span exists at all; or a source's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    /// A free-text field of the brief or of an item.
    Text(TextField),
    /// An actor's kind.
    ActorKind(Id),
    /// A stake's importance.
    Importance(Id),
    /// A risk's likelihood (1-5).
    Likelihood(Id),
    /// A risk's impact (1-5).
    Impact(Id),
    /// The confidence in a risk judgement.
    RiskConfidence(Id),
    /// The confidence in the bottom line.
    BriefConfidence,
    /// A source's reliability (A-F).
    Reliability(Id),
    /// A source's credibility (1-6).
    Credibility(Id),
    /// What is known about a source (title, publisher, author, date, URL).
    SourceMeta(Id, SourceField),
    /// A source's whole text.
    SourceText(Id),
    /// Whether an item is kept (one version deleted it, the other changed it).
    Item(ItemRef),
    /// Whether a source is kept (one version removed it, the other changed or quoted it).
    Source(Id),
    /// One evidence span of an item (changed differently, or removed by one version and
    /// changed by the other).
    Evidence(ItemRef, Id),
}

/// A value a conflict records.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Value {
    /// Deleted (or never there).
    Absent,
    /// There, as the notebook holds it.
    Present,
    /// Text (an empty optional field is "").
    Text(String),
    /// A rating, 1-5.
    Number(u8),
    /// An actor's kind.
    ActorKind(ActorKind),
    /// A stake's importance.
    Importance(Importance),
    /// A confidence level.
    Confidence(Confidence),
    /// A source's reliability.
    Reliability(Reliability),
    /// A source's credibility.
    Credibility(Credibility),
    /// An evidence span.
    Evidence(Evidence),
}

/// What must exist for a conflict to make sense.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The brief (always there).
    Brief,
    /// An item.
    Item(ItemRef),
    /// A source.
    Source(Id),
    /// An evidence span of an item.
    Evidence(ItemRef, Id),
}

fn item(kind: ItemKind, id: Id) -> Target {
    Target::Item(ItemRef { kind, id })
}

/// The item a text field belongs to (`None` for the brief's).
pub fn text_field_item(field: TextField) -> Option<ItemRef> {
    let (kind, id) = match field {
        TextField::BriefTitle
        | TextField::BottomLine
        | TextField::Analyst
        | TextField::Handling => return None,
        TextField::ActorName(id)
        | TextField::ActorRole(id)
        | TextField::ActorPosition(id)
        | TextField::ActorNotes(id) => (ItemKind::Actor, id),
        TextField::StakeTitle(id) | TextField::StakeDetail(id) => (ItemKind::Stake, id),
        TextField::RiskTitle(id) | TextField::RiskDetail(id) | TextField::RiskHorizon(id) => {
            (ItemKind::Risk, id)
        }
    };
    Some(ItemRef { kind, id })
}

/// The field's name as shown to the user ("bottom line", "role").
pub fn text_field_label(field: TextField) -> &'static str {
    match field {
        TextField::BriefTitle => "title of the brief",
        TextField::BottomLine => "bottom line",
        TextField::Analyst => "analyst",
        TextField::Handling => "handling",
        TextField::ActorName(_) => "name",
        TextField::ActorRole(_) => "role",
        TextField::ActorPosition(_) => "position",
        TextField::ActorNotes(_) => "notes",
        TextField::StakeTitle(_) | TextField::RiskTitle(_) => "title",
        TextField::StakeDetail(_) | TextField::RiskDetail(_) => "detail",
        TextField::RiskHorizon(_) => "horizon",
    }
}

/// The same text field with its item's id mapped by `f`.
fn map_text_field(field: TextField, f: impl Fn(Id) -> Id) -> TextField {
    use TextField as T;
    match field {
        T::BriefTitle | T::BottomLine | T::Analyst | T::Handling => field,
        T::ActorName(id) => T::ActorName(f(id)),
        T::ActorRole(id) => T::ActorRole(f(id)),
        T::ActorPosition(id) => T::ActorPosition(f(id)),
        T::ActorNotes(id) => T::ActorNotes(f(id)),
        T::StakeTitle(id) => T::StakeTitle(f(id)),
        T::StakeDetail(id) => T::StakeDetail(f(id)),
        T::RiskTitle(id) => T::RiskTitle(f(id)),
        T::RiskDetail(id) => T::RiskDetail(f(id)),
        T::RiskHorizon(id) => T::RiskHorizon(f(id)),
    }
}

impl Field {
    /// What must exist for the conflict to make sense.
    pub fn target(self) -> Target {
        match self {
            Field::Text(field) => text_field_item(field).map_or(Target::Brief, Target::Item),
            Field::BriefConfidence => Target::Brief,
            Field::ActorKind(id) => item(ItemKind::Actor, id),
            Field::Importance(id) => item(ItemKind::Stake, id),
            Field::Likelihood(id) | Field::Impact(id) | Field::RiskConfidence(id) => {
                item(ItemKind::Risk, id)
            }
            Field::Reliability(id)
            | Field::Credibility(id)
            | Field::SourceMeta(id, _)
            | Field::SourceText(id)
            | Field::Source(id) => Target::Source(id),
            Field::Item(item) => Target::Item(item),
            Field::Evidence(item, id) => Target::Evidence(item, id),
        }
    }

    /// True when what the conflict is about is in `nb`.
    pub fn target_exists(self, nb: &Notebook) -> bool {
        match self.target() {
            Target::Brief => true,
            Target::Item(item) => nb.contains(item),
            Target::Source(id) => nb.source(id).is_some(),
            Target::Evidence(item, id) => nb
                .evidence_of(item)
                .is_some_and(|list| list.iter().any(|e| e.id == id)),
        }
    }

    /// What the field is called ("role", "likelihood", "text", "whether it is kept").
    pub fn label(self) -> &'static str {
        match self {
            Field::Text(field) => text_field_label(field),
            Field::ActorKind(_) => "kind",
            Field::Importance(_) => "importance",
            Field::Likelihood(_) => "likelihood",
            Field::Impact(_) => "impact",
            Field::RiskConfidence(_) | Field::BriefConfidence => "confidence",
            Field::Reliability(_) => "reliability",
            Field::Credibility(_) => "credibility",
            Field::SourceMeta(_, SourceField::Title) => "title",
            Field::SourceMeta(_, SourceField::Publisher) => "publisher",
            Field::SourceMeta(_, SourceField::Author) => "author",
            Field::SourceMeta(_, SourceField::Date) => "date",
            Field::SourceMeta(_, SourceField::Url) => "URL",
            Field::SourceText(_) => "text",
            Field::Item(_) | Field::Source(_) => "kept or deleted",
            Field::Evidence(..) => "evidence span",
        }
    }

    /// True when `value` is of the kind this field holds (a rating 1-5 for likelihood
    /// and impact; deletion only where something can be deleted).
    pub fn accepts(self, value: &Value) -> bool {
        match (self, value) {
            (Field::Text(_) | Field::SourceMeta(..) | Field::SourceText(_), Value::Text(_)) => true,
            (Field::ActorKind(_), Value::ActorKind(_)) => true,
            (Field::Importance(_), Value::Importance(_)) => true,
            (Field::Likelihood(_) | Field::Impact(_), Value::Number(n)) => (1..=5).contains(n),
            (Field::RiskConfidence(_) | Field::BriefConfidence, Value::Confidence(_)) => true,
            (Field::Reliability(_), Value::Reliability(_)) => true,
            (Field::Credibility(_), Value::Credibility(_)) => true,
            (Field::Item(_) | Field::Source(_), Value::Present | Value::Absent) => true,
            (Field::Evidence(_, id), Value::Evidence(e)) => e.id == id,
            (Field::Evidence(..), Value::Absent) => true,
            _ => false,
        }
    }

    /// Every value the field can take, for a field with a fixed set of them (a kind, a
    /// rating, a level, a grade), in menu order; empty for text and for whether a thing
    /// is kept (those are typed, or ours or theirs).
    pub fn choices(self) -> Vec<Value> {
        match self {
            Field::ActorKind(_) => ActorKind::ALL.map(Value::ActorKind).to_vec(),
            Field::Importance(_) => Importance::ALL.map(Value::Importance).to_vec(),
            Field::Likelihood(_) | Field::Impact(_) => (1..=5).map(Value::Number).collect(),
            Field::RiskConfidence(_) | Field::BriefConfidence => {
                Confidence::ALL.map(Value::Confidence).to_vec()
            }
            Field::Reliability(_) => Reliability::ALL.map(Value::Reliability).to_vec(),
            Field::Credibility(_) => Credibility::ALL.map(Value::Credibility).to_vec(),
            _ => Vec::new(),
        }
    }

    /// The same field with every id in it mapped by `f` (a merge renumbering new ids).
    pub fn map_ids(self, f: impl Fn(Id) -> Id) -> Field {
        let item = |r: ItemRef| ItemRef {
            kind: r.kind,
            id: f(r.id),
        };
        match self {
            Field::Text(field) => Field::Text(map_text_field(field, &f)),
            Field::BriefConfidence => self,
            Field::ActorKind(id) => Field::ActorKind(f(id)),
            Field::Importance(id) => Field::Importance(f(id)),
            Field::Likelihood(id) => Field::Likelihood(f(id)),
            Field::Impact(id) => Field::Impact(f(id)),
            Field::RiskConfidence(id) => Field::RiskConfidence(f(id)),
            Field::Reliability(id) => Field::Reliability(f(id)),
            Field::Credibility(id) => Field::Credibility(f(id)),
            Field::SourceMeta(id, meta) => Field::SourceMeta(f(id), meta),
            Field::SourceText(id) => Field::SourceText(f(id)),
            Field::Item(r) => Field::Item(item(r)),
            Field::Source(id) => Field::Source(f(id)),
            Field::Evidence(r, id) => Field::Evidence(item(r), f(id)),
        }
    }
}

impl Value {
    /// The value in a few words, for a list of conflicts: text quoted, "deleted", "kept",
    /// a span's quote.
    pub fn summary(&self) -> String {
        match self {
            Value::Absent => "deleted".to_owned(),
            Value::Present => "kept (changed)".to_owned(),
            Value::Text(text) if text.is_empty() => "(empty)".to_owned(),
            Value::Text(text) => format!("“{text}”"),
            Value::Number(n) => n.to_string(),
            Value::ActorKind(kind) => kind.label().to_owned(),
            Value::Importance(importance) => importance.label().to_owned(),
            Value::Confidence(confidence) => confidence.label().to_owned(),
            Value::Reliability(r) => r.letter().to_string(),
            Value::Credibility(c) => c.value().to_string(),
            Value::Evidence(e) => format!("span “{}”", e.quote),
        }
    }

    /// The value's text, when it is text.
    pub fn text(&self) -> Option<&str> {
        match self {
            Value::Text(text) => Some(text),
            _ => None,
        }
    }
}

impl Notebook {
    /// The conflict about `field`, if there is one.
    pub fn conflict(&self, field: Field) -> Option<&Conflict> {
        self.conflicts.iter().find(|c| c.field == field)
    }

    /// Where a field is, in words: `actor 3 "Lavrov": role`, `brief: bottom line`,
    /// `source 49 "Title": text`.
    pub fn field_place(&self, field: Field) -> String {
        let what = match field.target() {
            Target::Brief => "brief".to_owned(),
            Target::Item(item) | Target::Evidence(item, _) => format!(
                "{} {} \"{}\"",
                item.kind.label(),
                item.id,
                self.item_name(item).unwrap_or_default()
            ),
            Target::Source(id) => format!(
                "source {id} \"{}\"",
                self.source(id).map_or("", |s| s.article.title.as_str())
            ),
        };
        format!("{what}: {}", field.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Article};

    #[test]
    fn a_conflict_is_about_something_that_must_exist() {
        let mut nb = Notebook::new(Article::new("T", "Text."));
        let actor = ItemRef {
            kind: ItemKind::Actor,
            id: 2,
        };
        let role = Field::Text(TextField::ActorRole(2));
        assert_eq!(role.target(), Target::Item(actor));
        assert!(!role.target_exists(&nb));
        nb.actors.push(Actor {
            id: 2,
            ..Actor::default()
        });
        assert!(role.target_exists(&nb));
        assert!(Field::Text(TextField::BottomLine).target_exists(&nb));
        assert!(Field::SourceText(1).target_exists(&nb));
        assert!(!Field::Evidence(actor, 9).target_exists(&nb));
    }

    #[test]
    fn fields_take_only_values_of_their_kind() {
        assert!(Field::Likelihood(3).accepts(&Value::Number(5)));
        assert!(!Field::Likelihood(3).accepts(&Value::Number(6)));
        assert!(!Field::Likelihood(3).accepts(&Value::Text("5".into())));
        assert!(!Field::Text(TextField::BottomLine).accepts(&Value::Absent));
        let actor = ItemRef {
            kind: ItemKind::Actor,
            id: 2,
        };
        assert!(Field::Item(actor).accepts(&Value::Absent));
        let span = Evidence {
            id: 7,
            ..Evidence::default()
        };
        assert!(Field::Evidence(actor, 7).accepts(&Value::Evidence(span.clone())));
        assert!(!Field::Evidence(actor, 8).accepts(&Value::Evidence(span)));
    }

    #[test]
    fn a_field_with_a_fixed_set_of_values_offers_each_and_all_are_accepted() {
        for (field, n) in [
            (Field::ActorKind(1), 5),
            (Field::Importance(1), 4),
            (Field::Likelihood(1), 5),
            (Field::Impact(1), 5),
            (Field::RiskConfidence(1), 3),
            (Field::BriefConfidence, 3),
            (Field::Reliability(1), 6),
            (Field::Credibility(1), 6),
        ] {
            let choices = field.choices();
            assert_eq!(choices.len(), n, "{field:?}");
            assert!(choices.iter().all(|v| field.accepts(v)), "{field:?}");
        }
        assert!(Field::Text(TextField::BottomLine).choices().is_empty());
        assert!(Field::Source(1).choices().is_empty());
    }

    #[test]
    fn renumbering_maps_every_id_in_a_field() {
        let plus = |id| id + 100;
        assert_eq!(
            Field::Text(TextField::RiskHorizon(4)).map_ids(plus),
            Field::Text(TextField::RiskHorizon(104))
        );
        let stake = ItemRef {
            kind: ItemKind::Stake,
            id: 5,
        };
        assert_eq!(
            Field::Evidence(stake, 6).map_ids(plus),
            Field::Evidence(
                ItemRef {
                    kind: ItemKind::Stake,
                    id: 105
                },
                106
            )
        );
        assert_eq!(
            Field::Text(TextField::BottomLine).map_ids(plus),
            Field::Text(TextField::BottomLine)
        );
    }
}
