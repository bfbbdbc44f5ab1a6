//! The notebook: graded sources plus the analyst's actors, stakes, risks and bottom line.

use super::{Article, Conflict, Item, Source};
use serde::{Deserialize, Serialize};

/// The notebook format number this build writes, and the highest it reads. The format's
/// history and the migrations from older numbers are in `storage::format`.
pub const CURRENT_FORMAT: u32 = 4;

/// Stable identifier of a source, actor, stake, risk or evidence span, unique in its
/// notebook.
pub type Id = u64;

/// The smallest id [`fresh_id`] hands out: ids below it are the sequential ones files
/// written before format 4's random ids hold.
pub const FIRST_RANDOM_ID: Id = 1 << 32;
/// One above the largest id [`fresh_id`] hands out: 2^53, so a JSON reader of `check
/// --json` (a double) keeps every id exact.
pub const ID_LIMIT: Id = 1 << 53;

/// A new id, random in [`FIRST_RANDOM_ID`]..[`ID_LIMIT`]: two analysts working on copies
/// of one notebook hand out different ids (the chance that two of a thousand new items
/// meet is about one in ten billion), so a merge matches items by id and never has to
/// renumber one side's, which a later merge from an older base would misread.
pub fn fresh_id() -> Id {
    use std::hash::{BuildHasher, RandomState};
    use std::sync::atomic::{AtomicU64, Ordering};
    static HANDED_OUT: AtomicU64 = AtomicU64::new(0);
    // Each RandomState has fresh keys from the system's randomness; the counter and the
    // clock make every input differ too.
    let n = HANDED_OUT.fetch_add(1, Ordering::Relaxed);
    let bits = RandomState::new().hash_one((n, std::time::SystemTime::now()));
    FIRST_RANDOM_ID + bits % (ID_LIMIT - FIRST_RANDOM_ID)
}

/// A whole notebook, as saved in a `.ron` file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notebook {
    /// File format version ([`CURRENT_FORMAT`] when written by this build).
    pub format: u32,
    /// The articles being annotated, graded, in the user's order (the brief numbers them
    /// from 1 in this order). Never empty.
    pub sources: Vec<Source>,
    /// The brief's title and the analyst's judgment.
    pub brief: BriefMeta,
    /// Who is involved, in the user's order.
    pub actors: Vec<Actor>,
    /// What is at stake, in the user's order.
    pub stakes: Vec<Stake>,
    /// What could go wrong, in the user's order.
    pub risks: Vec<Risk>,
    /// Above every id handed out (ids are random since format 4, see [`fresh_id`], so it
    /// only tells an old build where to go on); ids are never reused.
    pub next_id: Id,
    /// Suggested actor names the analyst dismissed (not suggested again).
    #[serde(default)]
    pub dismissed_suggestions: Vec<String>,
    /// Where a merge of two versions found both changing one thing differently (or one
    /// deleting what the other changed), waiting for the analyst; the notebook holds
    /// "ours" meanwhile. Empty in a notebook nobody merged.
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
}

/// The brief's header and bottom line.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BriefMeta {
    /// Title of the brief (defaults to the article's title).
    pub title: String,
    /// The analyst's judgment, one to three sentences.
    pub bottom_line: String,
    /// Analyst's name, optional.
    #[serde(default)]
    pub analyst: String,
    /// Handling line (e.g. "Internal"), optional.
    #[serde(default)]
    pub handling: String,
    /// The analyst's confidence in the bottom line.
    #[serde(default)]
    pub confidence: Confidence,
}

/// Confidence in a judgment (how good the sources and reasoning are), stated apart from
/// its likelihood.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Confidence {
    /// Fragmentary or questionable information.
    Low,
    /// Credible information, not corroborated enough for high.
    #[default]
    Moderate,
    /// High-quality, corroborated information.
    High,
}

impl Confidence {
    /// Every level, in menu order.
    pub const ALL: [Confidence; 3] = [Confidence::Low, Confidence::Moderate, Confidence::High];

    /// "low", "moderate", "high".
    pub fn label(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Moderate => "moderate",
            Confidence::High => "high",
        }
    }
}

/// What sort of actor this is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActorKind {
    /// A named individual.
    #[default]
    Person,
    /// A country or its government.
    State,
    /// An organisation, alliance, company or agency.
    Organisation,
    /// A non-state armed group.
    ArmedGroup,
    /// Anything else.
    Other,
}

impl ActorKind {
    /// Every kind, in menu order.
    pub const ALL: [ActorKind; 5] = [
        ActorKind::Person,
        ActorKind::State,
        ActorKind::Organisation,
        ActorKind::ArmedGroup,
        ActorKind::Other,
    ];

    /// The kind as shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            ActorKind::Person => "Person",
            ActorKind::State => "State",
            ActorKind::Organisation => "Organisation",
            ActorKind::ArmedGroup => "Armed group",
            ActorKind::Other => "Other",
        }
    }
}

/// Someone with a part in the story.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Stable id.
    pub id: Id,
    /// Main name.
    pub name: String,
    /// Other names the text uses for this actor.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Person, state, organisation...
    #[serde(default)]
    pub kind: ActorKind,
    /// Role or title (e.g. "Russian Foreign Minister").
    #[serde(default)]
    pub role: String,
    /// Position or interests.
    #[serde(default)]
    pub position: String,
    /// Free notes.
    #[serde(default)]
    pub notes: String,
    /// Spans of the article that support this entry.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// How much a stake matters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Importance {
    /// Worth noting.
    Low,
    /// Matters.
    #[default]
    Medium,
    /// Matters a great deal.
    High,
    /// Decisive.
    Critical,
}

impl Importance {
    /// Every level, in menu order.
    pub const ALL: [Importance; 4] = [
        Importance::Low,
        Importance::Medium,
        Importance::High,
        Importance::Critical,
    ];

    /// The level as shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            Importance::Low => "Low",
            Importance::Medium => "Medium",
            Importance::High => "High",
            Importance::Critical => "Critical",
        }
    }
}

/// Something that is at stake, and for whom.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stake {
    /// Stable id.
    pub id: Id,
    /// What is at stake.
    pub title: String,
    /// Why it matters.
    #[serde(default)]
    pub detail: String,
    /// Ids of the actors who hold this stake.
    #[serde(default)]
    pub holders: Vec<Id>,
    /// How much it matters.
    #[serde(default)]
    pub importance: Importance,
    /// Supporting spans.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// Something that could go wrong.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    /// Stable id.
    pub id: Id,
    /// Short statement of the risk.
    pub title: String,
    /// Explanation.
    #[serde(default)]
    pub detail: String,
    /// 1 (very unlikely) to 5 (very likely).
    pub likelihood: u8,
    /// 1 (minimal) to 5 (severe).
    pub impact: u8,
    /// When it could happen (e.g. "6-12 months").
    #[serde(default)]
    pub horizon: String,
    /// Signs to watch for.
    #[serde(default)]
    pub indicators: Vec<String>,
    /// Ids of the actors involved.
    #[serde(default)]
    pub actors: Vec<Id>,
    /// The analyst's confidence in this judgment.
    #[serde(default)]
    pub confidence: Confidence,
    /// Supporting spans.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// A span of one source's text that supports an item: position plus quote selectors.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// Stable id.
    pub id: Id,
    /// The source whose text the offsets and quote refer to. Files older than format 3
    /// have none (read as 0) until migration names their one source.
    #[serde(default)]
    pub source: Id,
    /// Char offset of the first char of the span.
    pub start: usize,
    /// Char offset one past the last char.
    pub end: usize,
    /// The exact text of the span.
    pub quote: String,
    /// Up to 32 chars before the span.
    #[serde(default)]
    pub prefix: String,
    /// Up to 32 chars after the span.
    #[serde(default)]
    pub suffix: String,
    /// How the span was found in the current text; computed on open, never saved.
    #[serde(skip)]
    pub status: AnchorStatus,
}

/// Where an evidence span stands against the article text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnchorStatus {
    /// The quote sits at its stored position.
    #[default]
    Exact,
    /// The quote was found elsewhere in the text; the position was updated.
    Moved,
    /// Only an approximate match was found: the user should review it.
    Fuzzy,
    /// The quote is not in the text any more; kept with its quote.
    Orphaned,
}

impl AnchorStatus {
    /// Lower-case name, as printed by `check`.
    pub fn label(self) -> &'static str {
        match self {
            AnchorStatus::Exact => "exact",
            AnchorStatus::Moved => "moved",
            AnchorStatus::Fuzzy => "fuzzy",
            AnchorStatus::Orphaned => "orphaned",
        }
    }
}

/// The three kinds of annotatable item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ItemKind {
    /// An [`Actor`].
    Actor,
    /// A [`Stake`].
    Stake,
    /// A [`Risk`].
    Risk,
}

impl ItemKind {
    /// Every kind, in pane order.
    pub const ALL: [ItemKind; 3] = [ItemKind::Actor, ItemKind::Stake, ItemKind::Risk];

    /// Lower-case name ("actor", "stake", "risk").
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Actor => "actor",
            ItemKind::Stake => "stake",
            ItemKind::Risk => "risk",
        }
    }
}

/// Points at one actor, stake or risk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ItemRef {
    /// Which list.
    pub kind: ItemKind,
    /// The item's id.
    pub id: Id,
}

impl Notebook {
    /// A new, empty notebook on one article (source 1, ungraded); the brief's title
    /// defaults to the article's.
    pub fn new(article: Article) -> Self {
        let mut nb = Self {
            format: CURRENT_FORMAT,
            brief: BriefMeta {
                title: article.title.clone(),
                ..BriefMeta::default()
            },
            sources: Vec::new(),
            actors: Vec::new(),
            stakes: Vec::new(),
            risks: Vec::new(),
            next_id: 2,
            dismissed_suggestions: Vec::new(),
            conflicts: Vec::new(),
        };
        // The first source is 1 in every notebook: copies to merge share it anyway.
        nb.sources.push(Source::new(1, article));
        nb
    }

    /// Hands out a fresh id (see [`fresh_id`]); `next_id` stays above every id handed out.
    pub fn allocate_id(&mut self) -> Id {
        let id = fresh_id();
        self.next_id = self.next_id.max(id.saturating_add(1));
        id
    }

    /// Display name of an item (actor name, stake or risk title), if it exists.
    pub fn item_name(&self, item: ItemRef) -> Option<&str> {
        self.item(item).map(Item::name)
    }

    /// The actor with this id.
    pub fn actor(&self, id: Id) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// The stake with this id.
    pub fn stake(&self, id: Id) -> Option<&Stake> {
        self.stakes.iter().find(|s| s.id == id)
    }

    /// The risk with this id.
    pub fn risk(&self, id: Id) -> Option<&Risk> {
        self.risks.iter().find(|r| r.id == id)
    }

    /// True when the item exists.
    pub fn contains(&self, item: ItemRef) -> bool {
        self.item(item).is_some()
    }

    /// The evidence list of an item.
    pub fn evidence_of(&self, item: ItemRef) -> Option<&[Evidence]> {
        self.item(item).map(Item::evidence)
    }

    /// Mutable evidence list of an item.
    pub fn evidence_of_mut(&mut self, item: ItemRef) -> Option<&mut Vec<Evidence>> {
        self.item_mut(item).map(Item::evidence_mut)
    }

    /// Every evidence span with the item it supports, in pane order.
    pub fn all_evidence(&self) -> impl Iterator<Item = (ItemRef, &Evidence)> {
        self.all_items().flat_map(|i| {
            let item = i.item_ref();
            i.evidence().iter().map(move |e| (item, e))
        })
    }

    /// Every id in use, in file order: sources, then items (actors, stakes, risks), then
    /// each item's spans.
    pub fn all_ids(&self) -> impl Iterator<Item = Id> + '_ {
        self.sources
            .iter()
            .map(|s| s.id)
            .chain(self.all_items().map(|i| i.id()))
            .chain(self.all_evidence().map(|(_, e)| e.id))
    }

    /// Mutable access to every evidence span.
    pub fn all_evidence_mut(&mut self) -> impl Iterator<Item = &mut Evidence> {
        self.all_items_mut()
            .flat_map(|i| i.evidence_mut().iter_mut())
    }

    /// The source with this id.
    pub fn source(&self, id: Id) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The source with this id, to change.
    pub fn source_mut(&mut self, id: Id) -> Option<&mut Source> {
        self.sources.iter_mut().find(|s| s.id == id)
    }

    /// The source's number in the brief: its 1-based position ([1], [2]...).
    pub fn source_number(&self, id: Id) -> Option<usize> {
        self.sources.iter().position(|s| s.id == id).map(|i| i + 1)
    }

    /// The first source, the one a new notebook is named after.
    pub fn first_source(&self) -> Option<&Source> {
        self.sources.first()
    }

    /// The distinct sources an item's evidence comes from, in the notebook's source order.
    pub fn sources_of(&self, item: ItemRef) -> Vec<&Source> {
        let evidence = self.evidence_of(item).unwrap_or_default();
        self.sources
            .iter()
            .filter(|s| evidence.iter().any(|e| e.source == s.id))
            .collect()
    }

    /// How many distinct sources an item's evidence comes from (0 with no evidence).
    pub fn corroboration(&self, item: ItemRef) -> usize {
        self.sources_of(item).len()
    }

    /// How many evidence spans quote the source `id`.
    pub fn evidence_count(&self, id: Id) -> usize {
        self.all_evidence().filter(|(_, e)| e.source == id).count()
    }

    /// Refs of every item of a kind, in order.
    pub fn item_refs(&self, kind: ItemKind) -> Vec<ItemRef> {
        self.items(kind).map(Item::item_ref).collect()
    }
}
