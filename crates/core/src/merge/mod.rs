//! Three-way merge of notebooks, item by item: what `briefing-notebook merge` (a git merge
//! driver) runs.
//!
//! Things are matched by id. A thing only one version changed takes that version's
//! change; fields of one item changed by different versions both arrive; lists of names,
//! actors and evidence spans merge as sets (an addition from either side is kept, a
//! removal from either side is applied); list order follows `order`. Both sides' new
//! items are kept, theirs renumbered where ids could collide (`renumber`). Where both
//! versions changed one field differently, or one deleted what the other changed, the
//! notebook keeps ours' value (or the changed thing) and records a [`Conflict`] for the
//! analyst: nothing is lost, and the result is a valid notebook.
//!
//! [`Conflict`]: crate::model::Conflict

mod fields;
mod items;
mod keyed;
mod order;
mod renumber;
mod resolve;
mod sources;

#[cfg(test)]
mod tests;

pub use renumber::map_ids;
pub use resolve::{Choice, ResolveError, resolution};

use crate::anchor::reanchor;
use crate::model::{CURRENT_FORMAT, Conflict, Id, InvalidNotebook, Notebook, validate};
use fields::{Ctx, merge_set};
use items::{merge_brief, merge_items};
use std::collections::{HashMap, HashSet};
use thiserror::Error;

/// A merged notebook.
#[derive(Debug)]
pub struct Merged {
    /// The result: valid, with its conflicts (if any) in `notebook.conflicts`.
    pub notebook: Notebook,
    /// Theirs' new ids that were renumbered, as (id in theirs, id in the result).
    pub renumbered: Vec<(Id, Id)>,
}

/// Why a merge produced nothing.
#[derive(Debug, Error, PartialEq)]
pub enum MergeError {
    /// The versions disagree in a way the merge cannot represent (a bug, or files changed
    /// by hand so that an id means different things): nothing is written.
    #[error("the merged notebook would be inconsistent ({0}); nothing was merged")]
    Inconsistent(#[from] InvalidNotebook),
    /// A version still holds an unsettled conflict about a field the merge would conflict
    /// on again: a new conflict would replace it and lose one of its values.
    #[error(
        "{version} still has an unsettled merge conflict about the {field}, which the other \
         version changed too: settle it in the app's Review tab and commit, then merge again; \
         nothing was merged"
    )]
    Unsettled {
        /// "ours" or "theirs".
        version: &'static str,
        /// The field's name.
        field: &'static str,
    },
}

/// Merges `ours` and `theirs`, two versions that parted from `base`.
pub fn merge(base: &Notebook, ours: &Notebook, theirs: &Notebook) -> Result<Merged, MergeError> {
    let mut theirs = theirs.clone();
    let renumbered = renumber::renumber_theirs(base, ours, &mut theirs);
    let versions = [base, ours, &theirs];
    let mut ctx = Ctx::default();
    let sources = sources::merge_sources(&mut ctx, versions);
    let used = [named_anew(base, ours), named_anew(base, &theirs)];
    let used = [&used[0], &used[1]];
    let none = HashSet::new();
    let actors = merge_items(&mut ctx, [&base.actors, &ours.actors, &theirs.actors], used);
    let stakes = merge_items(
        &mut ctx,
        [&base.stakes, &ours.stakes, &theirs.stakes],
        [&none, &none],
    );
    let risks = merge_items(
        &mut ctx,
        [&base.risks, &ours.risks, &theirs.risks],
        [&none, &none],
    );
    let brief = merge_brief(&mut ctx, [&base.brief, &ours.brief, &theirs.brief]);
    let dismissed_suggestions = merge_set(
        [
            &base.dismissed_suggestions,
            &ours.dismissed_suggestions,
            &theirs.dismissed_suggestions,
        ],
        None,
    );
    let mut notebook = Notebook {
        format: CURRENT_FORMAT,
        sources,
        brief,
        actors,
        stakes,
        risks,
        next_id: ours.next_id.max(theirs.next_id),
        dismissed_suggestions,
        conflicts: Vec::new(),
    };
    drop_dangling(&mut notebook);
    notebook.conflicts = carried_conflicts(versions, ctx.conflicts, &notebook)?;
    // Offsets are hints: every span is found again in the text the merge kept (a source
    // whose text conflicts holds ours', and theirs' spans on it are located there).
    reanchor(&mut notebook);
    validate(&notebook)?;
    Ok(Merged {
        notebook,
        renumbered,
    })
}

/// What one version's deletion takes along, as the deleting edit would have: references
/// to a deleted actor and spans quoting a removed source, left in an item the other
/// version changed (kept as a conflict). A reference or span either version added makes
/// the actor or source stay instead, so nothing added is dropped here.
fn drop_dangling(nb: &mut Notebook) {
    let actors: HashSet<Id> = nb.actors.iter().map(|a| a.id).collect();
    for stake in &mut nb.stakes {
        stake.holders.retain(|id| actors.contains(id));
    }
    for risk in &mut nb.risks {
        risk.actors.retain(|id| actors.contains(id));
    }
    let sources: HashSet<Id> = nb.sources.iter().map(|s| s.id).collect();
    for item in nb.all_items_mut() {
        item.evidence_mut().retain(|e| sources.contains(&e.source));
    }
}

/// The actors a version names anew as a stake's holder or a risk's actor.
fn named_anew(base: &Notebook, version: &Notebook) -> HashSet<Id> {
    let before: HashMap<Id, &[Id]> = base
        .stakes
        .iter()
        .map(|s| (s.id, &s.holders[..]))
        .chain(base.risks.iter().map(|r| (r.id, &r.actors[..])))
        .collect();
    version
        .stakes
        .iter()
        .map(|s| (s.id, &s.holders[..]))
        .chain(version.risks.iter().map(|r| (r.id, &r.actors[..])))
        .flat_map(|(id, names)| {
            let old = before.get(&id).copied().unwrap_or_default();
            names.iter().copied().filter(move |a| !old.contains(a))
        })
        .collect()
}

/// The conflicts of the merged notebook: those either version still had (one settled in
/// a version since the base stays settled), then the new ones; none about something the
/// merge did not keep. A new conflict about a field a version still has an unsettled one
/// about stops the merge (replacing it would lose one of its values).
fn carried_conflicts(
    [base, ours, theirs]: [&Notebook; 3],
    found: Vec<Conflict>,
    merged: &Notebook,
) -> Result<Vec<Conflict>, MergeError> {
    let fields = |nb: &Notebook| -> HashSet<crate::model::Field> {
        nb.conflicts.iter().map(|c| c.field).collect()
    };
    let (in_base, in_ours, in_theirs) = (fields(base), fields(ours), fields(theirs));
    let new: HashSet<_> = found.iter().map(|c| c.field).collect();
    let pending = |c: &&Conflict| {
        let settled = in_base.contains(&c.field)
            && !(in_ours.contains(&c.field) && in_theirs.contains(&c.field));
        !settled
    };
    // A pending conflict a new one would replace: one of its values would be lost.
    for (version, nb) in [("ours", ours), ("theirs", theirs)] {
        if let Some(c) = nb
            .conflicts
            .iter()
            .filter(pending)
            .find(|c| new.contains(&c.field))
        {
            return Err(MergeError::Unsettled {
                version,
                field: c.field.label(),
            });
        }
    }
    let mut seen = HashSet::new();
    let older = ours
        .conflicts
        .iter()
        .chain(&theirs.conflicts)
        .filter(pending)
        .filter(|c| !new.contains(&c.field));
    Ok(older
        .cloned()
        .chain(found)
        .filter(|c| seen.insert(c.field) && c.field.target_exists(merged))
        .collect())
}
