//! JSON output: the dates listing (`tarikh.dates/1`).
//!
//! Output is deterministic: documents in input order, dates in document
//! order, diagnostics sorted; no timestamps. Keys follow the contract in
//! `docs/timeline-json.md`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::temporal::DateEntry;
use crate::temporal::DocumentInfo;

/// The generator block of every output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Generator {
    pub name: String,
    pub version: String,
}

impl Default for Generator {
    fn default() -> Self {
        Generator {
            name: crate::NAME.to_string(),
            version: crate::VERSION.to_string(),
        }
    }
}

/// The schema string of the dates listing.
pub const DATES_SCHEMA: &str = "tarikh.dates/1";

/// `tarikh dates --format json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DatesListing {
    pub schema: String,
    pub generator: Generator,
    pub documents: Vec<DocumentInfo>,
    pub dates: Vec<DateEntry>,
    pub diagnostics: Vec<Diagnostic>,
}

impl DatesListing {
    /// An empty listing.
    pub fn new() -> Self {
        DatesListing {
            schema: DATES_SCHEMA.to_string(),
            generator: Generator::default(),
            documents: Vec::new(),
            dates: Vec::new(),
            diagnostics: Vec::new(),
        }
    }
}

impl Default for DatesListing {
    fn default() -> Self {
        Self::new()
    }
}

/// Pretty JSON with a final newline.
pub fn to_string<T: Serialize>(value: &T) -> String {
    let mut s =
        serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    s.push('\n');
    s
}

/// The schema string of the timeline.
pub const TIMELINE_SCHEMA: &str = "tarikh.timeline/1";

/// `tarikh extract --format json`: the timeline with its header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TimelineFile {
    pub schema: String,
    pub generator: Generator,
    #[serde(flatten)]
    pub timeline: crate::timeline::Timeline,
}

impl TimelineFile {
    /// Wraps a timeline with the schema string and generator.
    pub fn new(timeline: crate::timeline::Timeline) -> Self {
        TimelineFile {
            schema: TIMELINE_SCHEMA.to_string(),
            generator: Generator::default(),
            timeline,
        }
    }
}
