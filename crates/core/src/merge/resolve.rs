//! Settling a merge conflict: the one undoable edit that sets the field to the chosen
//! value and forgets the conflict.

use crate::anchor::{locate, replace_article_edit};
use crate::model::{AnchorStatus, Edit, EditError, Field, Notebook, TextIndex, Value, sha256_hex};
use thiserror::Error;

/// What the analyst chose for a conflict.
#[derive(Clone, Debug, PartialEq)]
pub enum Choice {
    /// Ours' value (what the notebook holds meanwhile).
    Ours,
    /// Theirs' value.
    Theirs,
    /// A value of their own (text they typed).
    Value(Value),
}

/// Why a conflict could not be settled that way.
#[derive(Debug, Error, PartialEq)]
pub enum ResolveError {
    /// No conflict about that field (already settled).
    #[error("there is no conflict about the {} any more", .0.label())]
    NoSuchConflict(Field),
    /// A value of the wrong kind for the field.
    #[error("{value} is not a value for the {}", .field.label())]
    WrongValue {
        /// The field.
        field: Field,
        /// The value, in words.
        value: String,
    },
    /// The source whose text it is has gone.
    #[error("{0}")]
    Edit(#[from] Box<EditError>),
}

/// The edit that settles the conflict about `field` with `choice`: one undo step. A
/// source's text is replaced as "update article" replaces it, its spans found again in
/// the chosen text.
pub fn resolution(nb: &Notebook, field: Field, choice: Choice) -> Result<Edit, ResolveError> {
    let conflict = nb
        .conflict(field)
        .ok_or(ResolveError::NoSuchConflict(field))?;
    let value = match choice {
        Choice::Ours => conflict.ours.clone(),
        Choice::Theirs => conflict.theirs.clone(),
        Choice::Value(value) => value,
    };
    if !field.accepts(&value) {
        return Err(ResolveError::WrongValue {
            field,
            value: value.summary(),
        });
    }
    // The conflict goes first: deleting its item would take it along.
    let drop = Edit::DropConflict(field);
    let set = match (field, value) {
        (Field::SourceText(id), Value::Text(text)) => {
            let source = nb
                .source(id)
                .ok_or_else(|| Box::new(EditError::NoSuchSource(id)))?;
            if *source.article.text == *text {
                return Ok(drop);
            }
            let mut article = source.article.clone();
            article.text_sha256 = sha256_hex(&text);
            article.text = text.into();
            replace_article_edit(nb, id, article).map_err(Box::new)?.0
        }
        // A span kept in a conflict has the offsets of its own version's text: found
        // again in the text the source holds now, as the merge finds every other span.
        (field @ Field::Evidence(..), Value::Evidence(mut span)) => {
            if let Some(source) = nb.source(span.source) {
                let text = &source.article.text;
                let found = locate(text, &TextIndex::new(text), &span);
                if found.status != AnchorStatus::Orphaned && found.end <= text.chars().count() {
                    (span.start, span.end, span.status) = (found.start, found.end, found.status);
                } else {
                    span.status = AnchorStatus::Orphaned;
                }
            }
            Edit::SetField(field, Value::Evidence(span))
        }
        (field, value) => Edit::SetField(field, value),
    };
    Ok(Edit::Batch(vec![drop, set]))
}
