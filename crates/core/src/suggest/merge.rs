//! Suggestions across all of a notebook's sources: each source's actors found on their
//! own, then merged by name, with how often each source names them.

use super::{Found, KindVotes, find_in, same_person};
use crate::model::{ActorKind, Id, Source};

/// An actor the sources seem to name.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// The fullest name seen.
    pub name: String,
    /// Best guess of its kind.
    pub kind: ActorKind,
    /// How often the sources name it, all together (any of its names).
    pub mentions: usize,
    /// Other names the sources use for it.
    pub aliases: Vec<String>,
    /// A title or office seen with the name ("Foreign Minister", "QC"), if any.
    pub role: String,
    /// How sure the recogniser was of its surest mention, 0 to 1.
    pub confidence: f32,
    /// Why it needs a look before it is accepted, if it does ("“Blair” alone could be Tony
    /// Blair or Cherie Blair: check its mentions").
    pub note: String,
    /// Where each source names it, in the notebook's source order (sources that never
    /// do are left out).
    pub per_source: Vec<SourceMentions>,
}

/// Where one source names a suggested actor.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceMentions {
    /// The source.
    pub source: Id,
    /// Char ranges of the mentions in its text, in text order.
    pub spans: Vec<(usize, usize)>,
}

impl Suggestion {
    /// The first mention: in the first source that names it, the first place it does, as
    /// (source, start, end).
    pub fn first_mention(&self) -> Option<(Id, usize, usize)> {
        let first = self.per_source.first()?;
        first.spans.first().map(|&(a, b)| (first.source, a, b))
    }

    /// Takes in one source's finding: the same actor, seen there.
    fn absorb(&mut self, source: Id, found: Found) {
        // The fuller name leads ("Sergei Lavrov" over "Lavrov"); the other is an alias.
        let mut incoming = found.name;
        if incoming.split(' ').count() > self.name.split(' ').count() {
            std::mem::swap(&mut self.name, &mut incoming);
            let name = self.name.clone();
            self.aliases.retain(|a| *a != name);
        }
        for name in std::iter::once(incoming).chain(found.aliases) {
            if name != self.name && !self.aliases.contains(&name) {
                self.aliases.push(name);
            }
        }
        if self.kind == ActorKind::Other {
            self.kind = found.kind;
        }
        if self.role.is_empty() {
            self.role = found.role;
        }
        if self.note.is_empty() {
            self.note = found.note;
        }
        self.confidence = self.confidence.max(found.confidence);
        self.mentions += found.spans.len();
        self.per_source.push(SourceMentions {
            source,
            spans: found.spans,
        });
    }

    /// True when `found` names the same actor: one's name is the other's name or alias,
    /// or both are people and one name is a variant of the other ("Victor Makarov" in one
    /// source, "Viktor Makarov" in another).
    fn same_actor(&self, found: &Found) -> bool {
        self.name == found.name
            || self.aliases.contains(&found.name)
            || found.aliases.contains(&self.name)
            || (self.kind == ActorKind::Person
                && found.kind == ActorKind::Person
                && same_person(&self.name, &found.name))
    }

    /// True when one is a person's full name and the other its last word ("Lavrov" in
    /// one source, "Sergei Lavrov" in another), as within one article.
    fn same_surname(&self, found: &Found) -> bool {
        ends_person(&self.name, self.kind, &found.name)
            || ends_person(&found.name, found.kind, &self.name)
    }
}

/// True when `full` is a person's name of several words whose last is `word`.
fn ends_person(full: &str, kind: ActorKind, word: &str) -> bool {
    kind == ActorKind::Person && full.contains(' ') && full.rsplit(' ').next() == Some(word)
}

/// The index of the suggestion `found` (from `source`) belongs to: one sharing a name,
/// else the one person (and only one) whose full name it ends or who ends its own, named
/// in other sources (within one source, `people::group` has decided already: a surname it
/// kept apart, with a note, stays apart).
fn same_as(merged: &mut [Suggestion], found: &Found, source: Id) -> Option<usize> {
    if let Some(i) = merged.iter().position(|s| s.same_actor(found)) {
        return Some(i);
    }
    if !found.note.is_empty() {
        return None;
    }
    let by_surname: Vec<usize> = (0..merged.len())
        .filter(|&i| {
            merged[i].note.is_empty()
                && merged[i].per_source.iter().all(|m| m.source != source)
                && merged[i].same_surname(found)
        })
        .collect();
    match by_surname[..] {
        [only] => Some(only),
        _ => None,
    }
}

/// Each source's actors, the sources shared out over the machine's cores.
fn find_all(sources: &[Source]) -> Vec<Vec<Found>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(sources.len())
        .max(1);
    if threads == 1 {
        return sources.iter().map(|s| find_in(&s.article)).collect();
    }
    let chunk = sources.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = sources
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || part.iter().map(|s| find_in(&s.article)).collect::<Vec<_>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(found) => found,
                // find_in does not panic; if it ever did, resume it here, where it happened.
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}

/// Suggests the actors the sources name, merged across sources (one suggestion per
/// actor, with each source's mentions), most mentioned first. `dismissed` names are left
/// out.
pub fn suggest(sources: &[Source], dismissed: &[String]) -> Vec<Suggestion> {
    let mut merged: Vec<Suggestion> = Vec::new();
    // Mentions per kind of each suggestion: the kind most mentions have wins.
    let mut kinds: Vec<KindVotes> = Vec::new();
    for (source, found) in sources.iter().zip(find_all(sources)) {
        for found in found {
            let (kind, mentions) = (found.kind, found.spans.len());
            match same_as(&mut merged, &found, source.id) {
                Some(i) => {
                    merged[i].absorb(source.id, found);
                    kinds[i].add(kind, mentions);
                }
                None => {
                    let mut votes = KindVotes::default();
                    votes.add(kind, mentions);
                    kinds.push(votes);
                    let mut new = Suggestion {
                        name: found.name.clone(),
                        kind: found.kind,
                        mentions: 0,
                        aliases: Vec::new(),
                        role: String::new(),
                        confidence: 0.0,
                        note: String::new(),
                        per_source: Vec::new(),
                    };
                    new.absorb(source.id, found);
                    merged.push(new);
                }
            }
        }
    }
    for (s, votes) in merged.iter_mut().zip(&kinds) {
        s.kind = votes.winner(s.kind);
    }
    merged.retain(|s| !dismissed.contains(&s.name));
    // Most mentioned first; then in reading order (by source, then first mention).
    let position = |s: &Suggestion| {
        let source = s.per_source.first().map(|m| m.source);
        let index = sources.iter().position(|x| Some(x.id) == source);
        (index, s.first_mention().map(|(_, a, b)| (a, b)))
    };
    merged.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then(position(a).cmp(&position(b)))
    });
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Article;

    #[test]
    fn suggestions_merge_across_sources_with_per_source_counts() {
        let sources = [
            Source::new(
                4,
                Article::new("", "Foreign Minister Lavrov spoke. Lavrov left for Kabul."),
            ),
            Source::new(
                7,
                Article::new(
                    "",
                    "Russian Foreign Minister Sergei Lavrov met President Hamid Karzai in Moscow.",
                ),
            ),
        ];
        let found = suggest(&sources, &[]);
        let lavrov = found
            .iter()
            .find(|s| s.name == "Sergei Lavrov")
            .unwrap_or_else(|| panic!("{found:#?}"));
        assert!(lavrov.aliases.contains(&"Lavrov".to_owned()), "{lavrov:?}");
        assert_eq!(lavrov.kind, ActorKind::Person);
        let counts: Vec<(Id, usize)> = lavrov
            .per_source
            .iter()
            .map(|m| (m.source, m.spans.len()))
            .collect();
        assert_eq!(counts, [(4, 2), (7, 1)]);
        assert_eq!(lavrov.mentions, 3);
        assert_eq!(lavrov.first_mention(), Some((4, 17, 23)));
        assert_eq!(found[0].name, "Sergei Lavrov", "most mentioned first");
        // Russia: "Russian" and "Moscow" in source 7 only.
        let russia = found.iter().find(|s| s.name == "Russia").unwrap();
        assert_eq!(russia.per_source.len(), 1);
        assert_eq!(russia.per_source[0].source, 7);
        let without = suggest(&sources, &["Sergei Lavrov".to_owned()]);
        assert!(without.iter().all(|s| s.name != "Sergei Lavrov"));
    }
}
