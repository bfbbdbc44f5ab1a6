//! Notebooks as stored, in any format this build reads, and their migration to
//! [`CURRENT_FORMAT`], one version at a time.
//!
//! Format history:
//! - 1: the first format.
//! - 2: confidence levels on the bottom line and on each risk (moderate when missing);
//!   dismissed actor suggestions (none when missing).
//! - 3: many graded sources. The one `article` became `sources`, a list of
//!   `Source(id, reliability, credibility, article)`; every evidence span names its
//!   `source`; an article's `source` (the outlet) became `publisher`, and it gained
//!   `author`.
//! - 4: merge conflicts kept in the file (`conflicts`, a list of `Conflict(field, base,
//!   ours, theirs)`, written after `dismissed_suggestions`); a format-3 notebook has none.

use super::StorageError;
use super::format::invalid;
use crate::model::{
    Actor, Article, BriefMeta, CURRENT_FORMAT, Conflict, Id, Notebook, Risk, Source, Stake,
};
use serde::Deserialize;
use std::path::Path;
use std::sync::Arc;

/// A notebook file's content in any format up to [`CURRENT_FORMAT`]: the fields of every
/// version, so one read takes them all (unknown fields are still refused).
#[derive(Deserialize)]
#[serde(rename = "Notebook", deny_unknown_fields)]
pub(super) struct StoredNotebook {
    pub(super) format: u32,
    /// Formats 1 and 2: the one article.
    #[serde(default, deserialize_with = "present")]
    article: Option<ArticleV2>,
    /// Format 3 on.
    #[serde(default, deserialize_with = "present")]
    sources: Option<Vec<Source>>,
    brief: BriefMeta,
    actors: Vec<Actor>,
    stakes: Vec<Stake>,
    risks: Vec<Risk>,
    next_id: Id,
    #[serde(default)]
    dismissed_suggestions: Vec<String>,
    /// Format 4 on.
    #[serde(default)]
    conflicts: Vec<Conflict>,
}

/// A field that is there (written as itself, not as `Some(...)`); `None` when absent.
fn present<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

/// An article as formats 1 and 2 wrote it: `source` was the publisher; no author.
#[derive(Deserialize)]
#[serde(rename = "Article", deny_unknown_fields)]
struct ArticleV2 {
    title: String,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    imported_from: Option<String>,
    text: Arc<str>,
    text_sha256: String,
}

impl From<ArticleV2> for Article {
    fn from(old: ArticleV2) -> Self {
        Article {
            title: old.title,
            publisher: old.source,
            author: None,
            url: old.url,
            published: old.published,
            imported_from: old.imported_from,
            text: old.text,
            text_sha256: old.text_sha256,
        }
    }
}

/// Brings a stored notebook up to [`CURRENT_FORMAT`], one version at a time. The caller
/// has checked that the format is between 1 and [`CURRENT_FORMAT`]; this checks that the
/// file holds what its format says it holds.
pub(super) fn migrate(path: &Path, stored: StoredNotebook) -> Result<Notebook, StorageError> {
    let format = stored.format;
    let mut nb = Notebook {
        format,
        sources: Vec::new(),
        brief: stored.brief,
        actors: stored.actors,
        stakes: stored.stakes,
        risks: stored.risks,
        next_id: stored.next_id,
        dismissed_suggestions: stored.dismissed_suggestions,
        conflicts: Vec::new(),
    };
    match (format < 3, stored.article, stored.sources) {
        (true, Some(article), None) => {
            // 1 → 2: the new fields were read with their defaults (moderate confidence,
            // no dismissed suggestions); nothing else changed.
            // 2 → 3: the article becomes source 1, ungraded, with a fresh id; every span
            // quotes it. Items and spans keep their ids.
            let id = fresh_id(&nb);
            nb.sources.push(Source::new(id, article.into()));
            nb.next_id = id.saturating_add(1);
            for evidence in nb.all_evidence_mut() {
                evidence.source = id;
            }
        }
        (false, None, Some(sources)) => nb.sources = sources,
        (true, None, _) => {
            return Err(invalid(
                path,
                format!(
                    "a format-{format} notebook needs its `article`, and this one has none; the file is damaged"
                ),
            ));
        }
        (true, Some(_), Some(_)) => {
            return Err(invalid(
                path,
                format!(
                    "a format-{format} notebook has one `article` and no `sources`, and this one has both; the file is damaged"
                ),
            ));
        }
        (false, Some(_), _) => {
            return Err(invalid(
                path,
                format!(
                    "a format-{format} notebook keeps its articles under `sources`, and this one has a single `article`; was its format number changed by hand?"
                ),
            ));
        }
        (false, None, None) => {
            return Err(invalid(
                path,
                format!(
                    "a format-{format} notebook lists its `sources`, and this one has none; the file is damaged"
                ),
            ));
        }
    }
    // 3 → 4: conflicts are kept in the file; an older notebook has none, and a file
    // that says it is older but holds some was changed by hand.
    match (format < 4, stored.conflicts.is_empty()) {
        (false, _) => nb.conflicts = stored.conflicts,
        (true, true) => {}
        (true, false) => {
            return Err(invalid(
                path,
                format!(
                    "a format-{format} notebook has no `conflicts`, and this one lists some; was its format number changed by hand?"
                ),
            ));
        }
    }
    nb.format = CURRENT_FORMAT;
    Ok(nb)
}

/// An id above the next id and every id in use (a file's `next_id` is only a hint).
fn fresh_id(nb: &Notebook) -> Id {
    nb.all_ids()
        .map(|id| id.saturating_add(1))
        .chain([nb.next_id])
        .max()
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use crate::model::{AnchorStatus, CURRENT_FORMAT, Confidence, Credibility, Reliability};
    use crate::storage::{from_ron, to_ron};
    use std::path::Path;

    fn fixture(name: &str) -> (std::path::PathBuf, String) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures")
            .join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        (path, text)
    }

    #[test]
    fn format_1_migrates_with_moderate_confidence() {
        let (path, text) = fixture("format-1.ron");
        assert!(text.contains("format: 1,"));
        let nb = from_ron(&path, &text).unwrap();
        assert_eq!(nb.format, CURRENT_FORMAT);
        assert_eq!(nb.brief.confidence, Confidence::Moderate);
        assert!(
            nb.risks
                .iter()
                .all(|r| r.confidence == Confidence::Moderate)
        );
        assert!(nb.dismissed_suggestions.is_empty());
        assert_eq!(nb.actors.len(), 12, "nothing else changed");
        assert_eq!(nb.sources.len(), 1);
        assert!(to_ron(&path, &nb).unwrap().contains("format: 4,"));
    }

    #[test]
    fn format_2_migrates_its_article_to_source_1_keeping_every_id_and_span() {
        let (path, text) = fixture("format-2.ron");
        assert!(text.contains("format: 2,"));
        let nb = from_ron(&path, &text).unwrap();
        assert_eq!(nb.format, CURRENT_FORMAT);

        // The one article is source 1, ungraded, with a fresh id.
        assert_eq!(nb.sources.len(), 1);
        let source = &nb.sources[0];
        assert_eq!(nb.source_number(source.id), Some(1));
        assert_eq!(source.grade(), "F6");
        assert_eq!(
            (source.reliability, source.credibility),
            (Reliability::F, Credibility::default())
        );
        assert_eq!(
            source.article.title,
            "Lavrov’s Central Asia Tour and Recent Developments in Afghan Peace Process"
        );
        assert!(source.article.hash_matches());
        let item_ids: Vec<u64> = nb.all_items().map(|i| i.id()).collect();
        let span_ids: Vec<u64> = nb.all_evidence().map(|(_, e)| e.id).collect();
        let highest = item_ids.iter().chain(&span_ids).max().copied().unwrap();
        assert!(source.id > highest, "a fresh id");
        assert!(nb.next_id > source.id);

        // Items and spans as they were: ids, order, offsets; every span exact and on
        // source 1.
        assert_eq!(
            (nb.actors.len(), nb.stakes.len(), nb.risks.len()),
            (12, 4, 4)
        );
        assert_eq!(span_ids.len(), 27);
        for (_, e) in nb.all_evidence() {
            assert_eq!(e.source, source.id);
            assert_eq!(e.status, AnchorStatus::Exact, "{e:?}");
        }
        let mut old_ids: Vec<u64> = text
            .lines()
            .filter_map(|l| {
                l.trim()
                    .strip_prefix("id: ")?
                    .strip_suffix(',')?
                    .parse()
                    .ok()
            })
            .collect();
        let mut new_ids: Vec<u64> = item_ids.iter().chain(&span_ids).copied().collect();
        old_ids.sort_unstable();
        new_ids.sort_unstable();
        assert_eq!(old_ids, new_ids, "the same ids");
        let numbers = |field: &str| -> Vec<usize> {
            text.lines()
                .filter_map(|l| {
                    l.trim()
                        .strip_prefix(field)?
                        .strip_suffix(',')?
                        .parse()
                        .ok()
                })
                .collect()
        };
        let old_spans: Vec<(usize, usize)> = numbers("start: ")
            .into_iter()
            .zip(numbers("end: "))
            .collect();
        let new_spans: Vec<(usize, usize)> =
            nb.all_evidence().map(|(_, e)| (e.start, e.end)).collect();
        assert_eq!(old_spans, new_spans, "every span where it was");

        // Saved again it is the current format and reads back as the same notebook.
        let saved = to_ron(&path, &nb).unwrap();
        assert!(saved.contains("format: 4,"), "{saved:.200}");
        assert!(saved.contains("sources: ["));
        assert!(!saved.contains("    article: Article(\n        title"));
        assert_eq!(from_ron(&path, &saved).unwrap(), nb);
    }

    #[test]
    fn a_file_that_does_not_hold_what_its_format_says_is_refused() {
        let (path, text) = fixture("format-2.ron");
        let as_three = text.replacen("format: 2,", "format: 3,", 1);
        let err = from_ron(&path, &as_three).unwrap_err().to_string();
        assert!(err.contains("single `article`"), "{err}");
        assert!(err.contains("format-2.ron"), "names the file: {err}");

        let nb = from_ron(&path, &text).unwrap();
        let saved = to_ron(&path, &nb).unwrap();
        let as_two = saved.replacen("format: 4,", "format: 2,", 1);
        let err = from_ron(&path, &as_two).unwrap_err().to_string();
        assert!(err.contains("needs its `article`"), "{err}");
    }

    #[test]
    fn format_3_migrates_to_4_with_no_conflicts_and_everything_else_as_it_was() {
        let (path, text) = fixture("format-3.ron");
        assert!(text.contains("format: 3,") && !text.contains("conflicts"));
        let nb = from_ron(&path, &text).unwrap();
        assert_eq!(nb.format, 4);
        assert!(nb.conflicts.is_empty());
        // Saved again, the only changes are the format number and the empty list.
        let saved = to_ron(&path, &nb).unwrap();
        let expected = text.replacen("format: 3,", "format: 4,", 1).replacen(
            "\n)\n",
            "\n    conflicts: [],\n)\n",
            1,
        );
        assert_eq!(saved, expected);
        assert_eq!(from_ron(&path, &saved).unwrap(), nb);
    }

    #[test]
    fn a_format_3_file_with_conflicts_is_refused() {
        let (path, text) = fixture("format-3.ron");
        let nb = from_ron(&path, &text).unwrap();
        let mut with = nb.clone();
        with.conflicts.push(crate::model::Conflict {
            field: crate::model::Field::BriefConfidence,
            base: crate::model::Value::Confidence(Confidence::Low),
            ours: crate::model::Value::Confidence(Confidence::Moderate),
            theirs: crate::model::Value::Confidence(Confidence::High),
        });
        let saved = to_ron(&path, &with).unwrap();
        assert_eq!(
            from_ron(&path, &saved).unwrap(),
            with,
            "format 4 keeps them"
        );
        let as_three = saved.replacen("format: 4,", "format: 3,", 1);
        let err = from_ron(&path, &as_three).unwrap_err().to_string();
        assert!(err.contains("changed by hand"), "{err}");
    }
}
