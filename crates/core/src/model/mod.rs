//! The notebook's data and every operation that changes it. No egui, no I/O.
//!
//! The UI never mutates a [`Notebook`] directly: it sends [`Edit`]s to a [`Document`],
//! which applies them and keeps undo/redo and the unsaved flag in one place.

mod article;
mod conflict;
mod document;
mod edit;
mod item;
mod notebook;
mod scales;
mod source;
mod text_index;
mod validate;

pub use article::{Article, sha256_hex};
pub use conflict::{Conflict, Field, Target, Value, text_field_item, text_field_label};
pub use document::Document;
pub use edit::{CoalesceKey, Edit, EditError, ListField, SpanPosition, TextField};
pub use item::Item;
pub use notebook::{
    Actor, ActorKind, AnchorStatus, BriefMeta, CURRENT_FORMAT, Confidence, Evidence,
    FIRST_RANDOM_ID, ID_LIMIT, Id, Importance, ItemKind, ItemRef, Notebook, Risk, Stake, fresh_id,
};
pub use scales::{impact_word, likelihood_word};
pub use source::{Credibility, CredibilityOutOfRange, Reliability, Source, SourceField};
pub use text_index::TextIndex;
pub use validate::{InvalidNotebook, Named, validate};
