//! Diagnostics: findings about the content of an article.
//!
//! A diagnostic is never a failure: it is reported beside the output and
//! never changes the exit status (only `tarikh check --fail-on` turns
//! findings into exit status 3). Codes and fields follow the `Diagnostic`
//! section of the timeline contract (`docs/timeline-json.md`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// The diagnostic codes of the contract.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// Two calendars given for one date disagree.
    CalendarMismatch,
    /// Layout damage repaired: a number or run put back in its place.
    DisplacedNumber,
    /// Damage seen, no reading clearly best, left as is.
    UnrepairedDamage,
    /// A range written high to low, read low to high.
    ReversedRange,
    /// A date that does not exist in its calendar.
    InvalidDate,
    /// A weekday that contradicts the date it stands beside.
    WeekdayMismatch,
    /// A date after the publication date told in the past tense.
    FutureDate,
    /// Two documents date the same event differently.
    SourceDisagreement,
    /// Text order and date order disagree, or text relations form a cycle.
    OrderContradiction,
    /// A relative date with nothing to anchor it.
    UnresolvedRelative,
    /// A date of the page, not of the story: a site clock, an update or
    /// capture stamp at the head or foot of the page.
    PageHeader,
    /// Two inputs had one document id; this one's was qualified by its
    /// path or line to be unique.
    DuplicateId,
    /// A date outside the years a date field can hold (1–9999 in every
    /// calendar: «۵۰۰۰ سال پیش», "9999 years ago"), or a year written with
    /// a date that no calendar tarikh reads fits («۱۰ آبان ۹۹۹۹»): reported
    /// and left without bounds, never re-anchored to the publication year.
    OutOfRange,
}

impl Code {
    /// The kebab-case code as it appears in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::CalendarMismatch => "calendar-mismatch",
            Code::DisplacedNumber => "displaced-number",
            Code::UnrepairedDamage => "unrepaired-damage",
            Code::ReversedRange => "reversed-range",
            Code::InvalidDate => "invalid-date",
            Code::WeekdayMismatch => "weekday-mismatch",
            Code::FutureDate => "future-date",
            Code::SourceDisagreement => "source-disagreement",
            Code::OrderContradiction => "order-contradiction",
            Code::UnresolvedRelative => "unresolved-relative",
            Code::PageHeader => "page-header",
            Code::DuplicateId => "duplicate-id",
            Code::OutOfRange => "out-of-range",
        }
    }
}

/// One finding, pointing at a span of one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    /// A sentence a person can act on.
    pub message: String,
    /// The document id.
    pub document: String,
    /// Character offsets `[start, end)` into the original document text.
    pub span: Option<crate::units::CharSpan>,
    /// Ids of the events concerned (empty in a dates listing).
    #[serde(default)]
    pub events: Vec<String>,
}

/// Diagnostics in a stable order: document, position, code, message.
pub fn sort(d: &mut [Diagnostic]) {
    d.sort_by(|a, b| {
        (&a.document, a.span.map(|s| s[0]), a.code, &a.message).cmp(&(
            &b.document,
            b.span.map(|s| s[0]),
            b.code,
            &b.message,
        ))
    });
}
