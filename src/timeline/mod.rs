//! The timeline: events of one or many documents in a petgraph graph with
//! TimeML-typed relations, in timeline order, checked for consistency.
//!
//! Reports of one event are merged first ([`merge`]: keyed by type, actor
//! or place and time, swept in content order), so the timeline depends on
//! the set of documents, never on the order they come in.
//!
//! Date-based relations come from interval reasoning on uncertain bounds
//! (`before` only when it holds for every possible date of both events);
//! text-based relations come from cue words. The graph is built by sorting
//! and sweeping, never by comparing every pair; only a transitive reduction
//! of the relations is exported. Contradictions (the text says A after B,
//! the dates say before; a cycle of text relations) become
//! `order-contradiction` diagnostics.

pub mod build;
pub mod merge;
pub mod order;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::event::Event;
pub use crate::event::RelationType;
use crate::temporal::DocumentInfo;

pub use build::{BuildOptions, DocEvents, MAX_FANOUT, build, build_with};
pub use merge::{Merged, merge, merge_documents};

/// What a relation rests on.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// The dates imply it.
    Dates,
    /// The text states it («پس از آن», "after that").
    Text,
}

/// A relation between two events.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Relation {
    pub from: String,
    pub to: String,
    #[serde(rename = "type")]
    pub kind: RelationType,
    pub basis: Basis,
}

/// The timeline of the contract, without its schema and generator header
/// (which [`crate::export::json`] adds).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Timeline {
    pub documents: Vec<DocumentInfo>,
    /// In timeline order: (start, end, precision finer first, id); events
    /// with no start last.
    pub events: Vec<Event>,
    pub relations: Vec<Relation>,
    pub diagnostics: Vec<Diagnostic>,
}
