//! Sources merged by id: grades and what is known about each merge field by field; a
//! text both versions changed is a conflict for that source alone (the notebook keeps
//! ours, and every span quoting it is found again in that text after the merge).

use super::fields::Ctx;
use super::keyed::{Deleted, merge_keyed, presence};
use crate::model::{Article, Field, Id, Notebook, Source, SourceField, Value};
use std::collections::{HashMap, HashSet};

/// True when two versions of an article hold the same text (the hash is kept with the
/// text; equal hashes of different texts do not happen).
fn same_text(a: &Article, b: &Article) -> bool {
    std::sync::Arc::ptr_eq(&a.text, &b.text) || a.text_sha256 == b.text_sha256
}

fn same_source(a: &Source, b: &Source) -> bool {
    let (x, y) = (&a.article, &b.article);
    a.reliability == b.reliability
        && a.credibility == b.credibility
        && x.title == y.title
        && x.publisher == y.publisher
        && x.author == y.author
        && x.url == y.url
        && x.published == y.published
        && x.imported_from == y.imported_from
        && same_text(x, y)
}

/// The sources a version quotes anew: spans it added, or changed, on them.
pub(super) fn quoted_anew(base: &Notebook, version: &Notebook) -> HashSet<Id> {
    let before: HashMap<Id, &crate::model::Evidence> =
        base.all_evidence().map(|(_, e)| (e.id, e)).collect();
    version
        .all_evidence()
        .filter(|(_, e)| {
            before.get(&e.id).is_none_or(|b| {
                (b.source, &b.quote, &b.prefix, &b.suffix)
                    != (e.source, &e.quote, &e.prefix, &e.suffix)
            })
        })
        .map(|(_, e)| e.source)
        .collect()
}

/// The merged list of sources. A source one version removed and the other changed or
/// quoted anew stays, as a conflict; so does every source when the removals would leave
/// none.
pub(super) fn merge_sources(ctx: &mut Ctx, [base, ours, theirs]: [&Notebook; 3]) -> Vec<Source> {
    let quoted = [quoted_anew(base, ours), quoted_anew(base, theirs)];
    let lists = [&base.sources[..], &ours.sources[..], &theirs.sources[..]];
    let mut merged = merge_keyed(
        lists,
        |s| s.id,
        |versions| {
            let mut kept_against = None;
            let decided = presence(
                versions,
                |b, kept| !same_source(b, kept) || quoted.iter().any(|q| q.contains(&b.id)),
                |deleted, kept| kept_against = Some((deleted, kept.id)),
            );
            if let Some((deleted, id)) = kept_against {
                keep_against_removal(ctx, deleted, id);
            }
            match decided {
                Ok(Some(all)) => Some(merge_source(ctx, all)),
                Ok(None) => None,
                Err(kept) => kept,
            }
        },
    );
    if merged.is_empty() {
        // Each version removed the sources the other kept: keep ours', as conflicts.
        for source in &ours.sources {
            keep_against_removal(ctx, Deleted::ByTheirs, source.id);
            merged.push(source.clone());
        }
    }
    merged
}

fn keep_against_removal(ctx: &mut Ctx, deleted: Deleted, id: Id) {
    let (ours, theirs) = match deleted {
        Deleted::ByTheirs => (Value::Present, Value::Absent),
        Deleted::ByOurs => (Value::Absent, Value::Present),
    };
    ctx.conflict(Field::Source(id), Value::Present, ours, theirs);
    ctx.kept_sources.insert(id);
}

fn merge_source(ctx: &mut Ctx, [b, o, t]: [&Source; 3]) -> Source {
    if same_source(o, t) || same_source(t, b) {
        return o.clone();
    }
    if same_source(o, b) {
        return t.clone();
    }
    let id = o.id;
    let mut article = o.article.clone();
    for field in SourceField::ALL {
        let [vb, vo, vt] = [b, o, t].map(|s| field.get(&s.article).to_owned());
        let value = ctx.scalar(Field::SourceMeta(id, field), [&vb, &vo, &vt], |s| {
            Value::Text(s.clone())
        });
        field.set(&mut article, value);
    }
    let (ab, ao, at) = (&b.article, &o.article, &t.article);
    if same_text(ao, ab) && !same_text(at, ab) {
        article.text = at.text.clone();
        article.text_sha256 = at.text_sha256.clone();
        article.imported_from = at.imported_from.clone();
    } else if !same_text(ao, ab) && !same_text(at, ab) && !same_text(at, ao) {
        // Both changed the text: ours stays until the analyst chooses.
        let text = |a: &Article| Value::Text(a.text.to_string());
        ctx.conflict(Field::SourceText(id), text(ab), text(ao), text(at));
    } else if ao.imported_from == ab.imported_from {
        article.imported_from = at.imported_from.clone();
    }
    Source {
        id,
        reliability: ctx.scalar(
            Field::Reliability(id),
            [&b.reliability, &o.reliability, &t.reliability],
            |r| Value::Reliability(*r),
        ),
        credibility: ctx.scalar(
            Field::Credibility(id),
            [&b.credibility, &o.credibility, &t.credibility],
            |c| Value::Credibility(*c),
        ),
        article,
    }
}
