//! The one-page brief as content: built once from a notebook, then rendered to PDF, HTML
//! and Markdown, so all three say the same thing.

mod sources;

pub use sources::{GRADE_KEY, SourceEntry, SourceForm};

use crate::dates::Date;
use crate::model::{AnchorStatus, ItemKind, ItemRef, Notebook, impact_word, likelihood_word};

/// The brief's content, in reading order (see the brief format notes).
#[derive(Clone, Debug, PartialEq)]
pub struct Brief {
    /// Small line above the title.
    pub kicker: String,
    /// The brief's title.
    pub title: String,
    /// Date of the brief (the export date).
    pub date: Date,
    /// Analyst's name, if given.
    pub analyst: Option<String>,
    /// Handling line, if given.
    pub handling: Option<String>,
    /// The analyst's judgment.
    pub bottom_line: String,
    /// Confidence in the bottom line ("moderate").
    pub confidence: String,
    /// Key actors, in the notebook's order.
    pub actors: Vec<BriefActor>,
    /// What is at stake.
    pub stakes: Vec<BriefStake>,
    /// Risks, numbered from 1 in the notebook's order (the matrix markers use the numbers).
    pub risks: Vec<BriefRisk>,
    /// Indicators gathered from the risks.
    pub indicators: Vec<BriefIndicator>,
    /// The sources, numbered from 1 in the notebook's order (claims cite these numbers).
    pub sources: Vec<BriefSource>,
    /// Short evidence quotes, one per item at most, in pane order.
    pub quotes: Vec<BriefQuote>,
}

/// A row of the key actors table.
#[derive(Clone, Debug, PartialEq)]
pub struct BriefActor {
    /// Name.
    pub name: String,
    /// Person, state...
    pub kind: String,
    /// Role.
    pub role: String,
    /// Position or interests.
    pub position: String,
    /// Numbers of the sources its evidence quotes, ascending.
    pub sources: Vec<usize>,
}

/// A stake bullet.
#[derive(Clone, Debug, PartialEq)]
pub struct BriefStake {
    /// What is at stake.
    pub title: String,
    /// Names of the actors who hold it.
    pub holders: Vec<String>,
    /// Importance, in words.
    pub importance: String,
    /// Why it matters.
    pub detail: String,
    /// Numbers of the sources its evidence quotes, ascending.
    pub sources: Vec<usize>,
}

impl BriefStake {
    /// What follows the stake's title: " — for Russia, Kyrgyzstan (high importance)."
    pub fn holders_and_importance(&self) -> String {
        let mut tail = String::new();
        if !self.holders.is_empty() {
            tail.push_str(&format!(" — for {}", self.holders.join(", ")));
        }
        tail.push_str(&format!(
            " ({} importance).",
            self.importance.to_lowercase()
        ));
        tail
    }
}

/// A numbered risk.
#[derive(Clone, Debug, PartialEq)]
pub struct BriefRisk {
    /// 1-based number, as on the matrix.
    pub number: usize,
    /// The risk.
    pub title: String,
    /// 1-5.
    pub likelihood: u8,
    /// 1-5.
    pub impact: u8,
    /// Time horizon, may be empty.
    pub horizon: String,
    /// Explanation, may be empty.
    pub detail: String,
    /// Confidence in this judgment ("low").
    pub confidence: String,
    /// Numbers of the sources its evidence quotes, ascending.
    pub sources: Vec<usize>,
}

impl BriefRisk {
    /// "likely (55-80%)".
    pub fn likelihood_words(&self) -> &'static str {
        likelihood_word(self.likelihood)
    }

    /// "major".
    pub fn impact_words(&self) -> &'static str {
        impact_word(self.impact)
    }

    /// "likely (55-80%), 4/5 · impact major, 4/5 · moderate confidence · 6-12 months".
    pub fn facts(&self) -> String {
        let mut facts = format!(
            "{}, {}/5 · impact {}, {}/5 · {} confidence",
            self.likelihood_words(),
            self.likelihood,
            self.impact_words(),
            self.impact,
            self.confidence
        );
        if !self.horizon.is_empty() {
            facts.push_str(&format!(" · {}", self.horizon));
        }
        facts
    }
}

/// An indicator to watch, with the risk it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct BriefIndicator {
    /// What to watch for.
    pub text: String,
    /// Number of its risk.
    pub risk: usize,
}

/// One source of the brief's claims.
#[derive(Clone, Debug, PartialEq)]
pub struct BriefSource {
    /// Its number, from 1, as claims cite it.
    pub number: usize,
    /// Article title.
    pub title: String,
    /// Publisher, if known.
    pub publisher: Option<String>,
    /// Publication date, if known.
    pub published: Option<String>,
    /// URL, if known.
    pub url: Option<String>,
    /// Its grade: "B2".
    pub grade: String,
}

/// A short quote from a source, with what it supports.
#[derive(Clone, Debug, PartialEq)]
pub struct BriefQuote {
    /// "Sergei Lavrov", "Risk 2"...
    pub supports: String,
    /// The quoted words.
    pub quote: String,
    /// The number of the source quoted.
    pub source: usize,
}

/// Longest quote shown in the source line, in chars.
const MAX_QUOTE_CHARS: usize = 100;

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

impl Brief {
    /// Builds the brief from a notebook. Empty fields are left out; an untitled brief takes
    /// the first source's title.
    pub fn from_notebook(nb: &Notebook, date: Date) -> Self {
        let actor_name = |id| nb.actor(id).map(|a| a.name.trim().to_owned());
        let cited = |kind, id| source_numbers(nb, ItemRef { kind, id });
        let risks: Vec<BriefRisk> = nb
            .risks
            .iter()
            .enumerate()
            .map(|(i, r)| BriefRisk {
                number: i + 1,
                title: r.title.trim().to_owned(),
                likelihood: r.likelihood,
                impact: r.impact,
                horizon: r.horizon.trim().to_owned(),
                detail: r.detail.trim().to_owned(),
                confidence: r.confidence.label().to_owned(),
                sources: cited(ItemKind::Risk, r.id),
            })
            .collect();
        let indicators = nb
            .risks
            .iter()
            .enumerate()
            .flat_map(|(i, r)| {
                r.indicators
                    .iter()
                    .filter_map(|s| non_empty(s))
                    .map(move |text| BriefIndicator { text, risk: i + 1 })
            })
            .collect();
        let mut quotes = Vec::new();
        for (item, evidence) in nb.all_evidence() {
            if evidence.status == AnchorStatus::Orphaned
                || quotes.iter().any(|q: &(_, _)| q.0 == item)
            {
                continue;
            }
            let supports = match item.kind {
                ItemKind::Risk => {
                    let n = nb
                        .risks
                        .iter()
                        .position(|r| r.id == item.id)
                        .map_or(0, |i| i + 1);
                    format!("Risk {n}")
                }
                _ => nb.item_name(item).unwrap_or_default().trim().to_owned(),
            };
            quotes.push((
                item,
                BriefQuote {
                    supports,
                    quote: shorten(&evidence.quote, MAX_QUOTE_CHARS),
                    source: nb.source_number(evidence.source).unwrap_or_default(),
                },
            ));
        }
        let first_title = nb
            .first_source()
            .map(|s| s.article.title.trim().to_owned())
            .unwrap_or_default();
        Self {
            kicker: "Analyst brief".to_owned(),
            title: non_empty(&nb.brief.title).unwrap_or(first_title),
            date,
            analyst: non_empty(&nb.brief.analyst),
            handling: non_empty(&nb.brief.handling),
            bottom_line: nb.brief.bottom_line.trim().to_owned(),
            confidence: nb.brief.confidence.label().to_owned(),
            actors: nb
                .actors
                .iter()
                .map(|a| BriefActor {
                    name: a.name.trim().to_owned(),
                    kind: a.kind.label().to_owned(),
                    role: a.role.trim().to_owned(),
                    position: a.position.trim().to_owned(),
                    sources: cited(ItemKind::Actor, a.id),
                })
                .collect(),
            stakes: nb
                .stakes
                .iter()
                .map(|s| BriefStake {
                    title: s.title.trim().to_owned(),
                    holders: s.holders.iter().filter_map(|&h| actor_name(h)).collect(),
                    importance: s.importance.label().to_owned(),
                    detail: s.detail.trim().to_owned(),
                    sources: cited(ItemKind::Stake, s.id),
                })
                .collect(),
            risks,
            indicators,
            sources: nb
                .sources
                .iter()
                .enumerate()
                .map(|(i, s)| BriefSource {
                    number: i + 1,
                    title: s.article.title.trim().to_owned(),
                    publisher: s.article.publisher.as_deref().and_then(non_empty),
                    published: s.article.published.as_deref().and_then(non_empty),
                    url: s.article.url.as_deref().and_then(non_empty),
                    grade: s.grade(),
                })
                .collect(),
            quotes: quotes.into_iter().map(|(_, q)| q).collect(),
        }
    }

    /// True when claims carry source numbers: with one source every claim is that
    /// source's, and the source line says which it is.
    pub fn cites_sources(&self) -> bool {
        self.sources.len() > 1
    }

    /// The source numbers to print after a claim: " [1]", " [2, 4]"; empty for a claim
    /// without evidence or a brief with one source.
    pub fn citation(&self, numbers: &[usize]) -> String {
        if !self.cites_sources() || numbers.is_empty() {
            return String::new();
        }
        let list: Vec<String> = numbers.iter().map(usize::to_string).collect();
        format!(" [{}]", list.join(", "))
    }

    /// The meta line under the title: date, analyst, handling.
    pub fn meta_line(&self) -> String {
        let mut parts = vec![self.date.to_string()];
        parts.extend(self.analyst.clone());
        parts.extend(self.handling.clone());
        parts.join(" · ")
    }

    /// What a quote supports, as printed after it: "Sergei Lavrov", or "Sergei Lavrov,
    /// [2]" when claims cite sources.
    pub fn quote_label(&self, quote: &BriefQuote) -> String {
        if self.cites_sources() && quote.source > 0 {
            format!("{}, [{}]", quote.supports, quote.source)
        } else {
            quote.supports.clone()
        }
    }

    /// Every piece of text in the brief (for checking that the fonts can draw it).
    pub fn all_text(&self) -> Vec<(&'static str, &str)> {
        let mut out: Vec<(&'static str, &str)> =
            vec![("title", &self.title), ("bottom line", &self.bottom_line)];
        out.extend(self.analyst.as_deref().map(|a| ("analyst", a)));
        out.extend(self.handling.as_deref().map(|h| ("handling", h)));
        for a in &self.actors {
            out.extend([
                ("key actors", a.name.as_str()),
                ("key actors", &a.role),
                ("key actors", &a.position),
            ]);
        }
        for s in &self.stakes {
            out.extend([("stakes", s.title.as_str()), ("stakes", &s.detail)]);
        }
        for r in &self.risks {
            out.extend([
                ("risks", r.title.as_str()),
                ("risks", &r.horizon),
                ("risks", &r.detail),
            ]);
        }
        for i in &self.indicators {
            out.push(("indicators", &i.text));
        }
        for s in &self.sources {
            out.push(("source", &s.title));
            out.extend(s.publisher.as_deref().map(|p| ("source", p)));
            out.extend(s.published.as_deref().map(|p| ("source", p)));
            out.extend(s.url.as_deref().map(|p| ("source", p)));
        }
        for q in &self.quotes {
            out.extend([
                ("source quotes", q.quote.as_str()),
                ("source quotes", &q.supports),
            ]);
        }
        out
    }
}

/// The numbers of the sources an item's evidence quotes, ascending.
fn source_numbers(nb: &Notebook, item: ItemRef) -> Vec<usize> {
    nb.sources_of(item)
        .into_iter()
        .filter_map(|s| nb.source_number(s.id))
        .collect()
}

/// One line, at most `max` chars, with an ellipsis when cut (at a word boundary if near).
pub fn shorten(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > cut.len() / 2 => &cut[..i],
        _ => &cut,
    };
    format!("{}…", cut.trim_end_matches([' ', ',', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::load_notebook;

    #[test]
    fn worked_example_becomes_a_brief() {
        let path = std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../saves/lavrov-central-asia-tour.ron"
        ));
        let (nb, _) = load_notebook(path).unwrap();
        let b = Brief::from_notebook(&nb, Date::new(2026, 11, 28));
        assert_eq!(b.title, "Russia Courts Central Asia as Afghan Talks Split");
        assert_eq!(b.actors.len(), nb.actors.len());
        assert_eq!(b.risks[1].number, 2);
        assert!(b.indicators.iter().any(|i| i.risk == 4));
        assert_eq!(b.stakes[0].holders[0], "Russia");
        assert!(b.quotes.iter().any(|q| q.supports == "Risk 1"));
        assert_eq!(b.meta_line(), "28 November 2026");
    }

    #[test]
    fn shorten_cuts_at_a_word() {
        assert_eq!(shorten("one two three four five", 12), "one two…");
        assert_eq!(shorten("short", 12), "short");
    }
}
