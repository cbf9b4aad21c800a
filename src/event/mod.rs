//! Events: what happened, who was involved, where, on what evidence, and
//! when (a resolved [`Time`] or none).
//!
//! This stage splits a document into clauses (keeping original offsets),
//! finds event triggers from `data/lexicon/<lang>/triggers.tsv`, actors
//! and places from `data/gazetteer/*.tsv`, and attaches to each event the
//! date of its clause or sentence. An event with no date of its own keeps
//! `time: null` and is placed by text relations («پس از آن» "after that»),
//! never by an invented date.

pub mod extract;
pub mod gazetteer;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::temporal::Time;

pub use extract::{DateFate, Explained, TextRelation, extract, extract_explained};

/// The event types of the contract (normative; see `docs/EVENTS.md`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum EventType {
    ConflictStart,
    ArmedClash,
    Attack,
    Ceasefire,
    Negotiation,
    Meeting,
    Statement,
    Agreement,
    Mediation,
    Withdrawal,
    TerritorialChange,
    Declaration,
    Election,
    Casualties,
    /// Demonstrations, rallies, strikes (CAMEO 14).
    Protest,
    /// A threat or an ultimatum (CAMEO 13).
    Threat,
    /// Arrests, detentions, expulsions, curfews (CAMEO 17).
    Coercion,
    /// Sanctions, embargoes, boycotts (CAMEO 163).
    Sanction,
    Other,
}

impl EventType {
    /// All types, in the contract's order.
    pub const ALL: [EventType; 19] = [
        EventType::ConflictStart,
        EventType::ArmedClash,
        EventType::Attack,
        EventType::Ceasefire,
        EventType::Negotiation,
        EventType::Meeting,
        EventType::Statement,
        EventType::Agreement,
        EventType::Mediation,
        EventType::Withdrawal,
        EventType::TerritorialChange,
        EventType::Declaration,
        EventType::Election,
        EventType::Casualties,
        EventType::Protest,
        EventType::Threat,
        EventType::Coercion,
        EventType::Sanction,
        EventType::Other,
    ];

    /// The kebab-case code.
    pub fn id(self) -> &'static str {
        match self {
            EventType::ConflictStart => "conflict-start",
            EventType::ArmedClash => "armed-clash",
            EventType::Attack => "attack",
            EventType::Ceasefire => "ceasefire",
            EventType::Negotiation => "negotiation",
            EventType::Meeting => "meeting",
            EventType::Statement => "statement",
            EventType::Agreement => "agreement",
            EventType::Mediation => "mediation",
            EventType::Withdrawal => "withdrawal",
            EventType::TerritorialChange => "territorial-change",
            EventType::Declaration => "declaration",
            EventType::Election => "election",
            EventType::Casualties => "casualties",
            EventType::Protest => "protest",
            EventType::Threat => "threat",
            EventType::Coercion => "coercion",
            EventType::Sanction => "sanction",
            EventType::Other => "other",
        }
    }

    /// Reads a kebab-case code.
    pub fn from_id(s: &str) -> Option<EventType> {
        EventType::ALL.into_iter().find(|t| t.id() == s)
    }
}

/// TimeML TLINK types (lower case) and `vague`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum RelationType {
    Before,
    After,
    Ibefore,
    Iafter,
    Includes,
    IsIncluded,
    Begins,
    BegunBy,
    Ends,
    EndedBy,
    Simultaneous,
    Identity,
    During,
    Vague,
}

/// An actor or a place mentioned for an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct EntityRef {
    /// Canonical id shared across languages (`state:azerbaijan`,
    /// `org:minsk-group`; a Wikidata QID only where verified).
    pub id: String,
    /// The name as the text writes it.
    pub name: String,
    /// Character offsets in the document that names it: that of the
    /// event's first evidence, except for an actor or place a merge brought
    /// in from another report, whose span is in that report's document
    /// (one of the event's other evidence documents).
    pub span: crate::units::CharSpan,
}

/// The text that supports an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Evidence {
    /// Document id.
    pub document: String,
    /// Character offsets `[start, end)` of the clause or sentence.
    pub start: usize,
    pub end: usize,
    /// `document.text[start..end]`, exactly.
    pub quote: String,
}

/// How the text presents an event: as fact, plan, denial or possibility.
///
/// Each language reads it from the event's clause
/// ([`crate::lang::language::Segments::modality`] and the clause tense): a
/// clause that denies its verb («برگزار نشد», "did not sign", "failed to")
/// is [`Mood::Negated`]; one that states a condition, a demand or a
/// possibility («اگر …», «خواستار», "if", "would", "calls for") is
/// [`Mood::Hypothetical`]; otherwise a clause in the future tense («قرار
/// است …», «… خواهد شد», "will meet") is [`Mood::Planned`], and the rest
/// [`Mood::Asserted`]. Mood is part of the merge key: a ceasefire that was
/// only proposed never merges with one that took effect.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Mood {
    /// The text says it happened or is happening.
    #[default]
    Asserted,
    /// Scheduled, expected, announced for the future.
    Planned,
    /// The text says it did not happen.
    Negated,
    /// A condition, demand or possibility.
    Hypothetical,
}

impl Mood {
    /// All moods, in the contract's order.
    pub const ALL: [Mood; 4] = [
        Mood::Asserted,
        Mood::Planned,
        Mood::Negated,
        Mood::Hypothetical,
    ];

    /// The kebab-case code.
    pub fn id(self) -> &'static str {
        match self {
            Mood::Asserted => "asserted",
            Mood::Planned => "planned",
            Mood::Negated => "negated",
            Mood::Hypothetical => "hypothetical",
        }
    }

    /// Reads a kebab-case code.
    pub fn from_id(s: &str) -> Option<Mood> {
        Mood::ALL.into_iter().find(|m| m.id() == s)
    }
}

/// Where an event's time comes from: the date of its own clause, or one it
/// inherits from its sentence, its chronology entry or a heading above it.
/// Every export shows an inherited time as such.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum TimeFrom {
    /// A date in the event's own clause.
    Own,
    /// The one date of its sentence that no other event took.
    Sentence,
    /// The date that opens its chronology entry ("MARCH 3, 1995 - …",
    /// «۱۸ مهر ۱۳۷۴ –», "July:" over the entry's paragraphs).
    Entry,
    /// A year or month heading above it («سال ۱۳۶۷», "1994" alone on a
    /// line).
    Heading,
}

impl TimeFrom {
    /// The kebab-case code.
    pub fn id(self) -> &'static str {
        match self {
            TimeFrom::Own => "own",
            TimeFrom::Sentence => "sentence",
            TimeFrom::Entry => "entry",
            TimeFrom::Heading => "heading",
        }
    }

    /// True when the time is the event's own, not inherited.
    pub fn is_own(self) -> bool {
        self == TimeFrom::Own
    }
}

/// One event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Event {
    /// Stable id, unique in the timeline.
    pub id: String,
    #[serde(rename = "type")]
    pub kind: EventType,
    /// The clause that states the event, layout damage repaired.
    pub summary: String,
    /// When: a date of its own clause or one it inherits (`time_from`);
    /// null only when neither its clause, its sentence, its chronology
    /// entry nor a heading dates it.
    pub time: Option<Box<Time>>,
    /// Where `time` comes from; absent when `time` is null (and in
    /// timelines written before the field existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_from: Option<TimeFrom>,
    /// Asserted, planned, negated or hypothetical (see [`Mood`]); absent in
    /// timelines written before the field existed, read as `asserted`.
    #[serde(default)]
    pub mood: Mood,
    pub actors: Vec<EntityRef>,
    pub places: Vec<EntityRef>,
    /// One entry per source that reports the event.
    pub evidence: Vec<Evidence>,
    /// 0..1: how sure the extraction is of the type and the date.
    pub confidence: f64,
}
