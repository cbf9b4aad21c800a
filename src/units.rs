//! Vocabulary shared by every stage: which calendar a date is written in
//! and how precise it is.
//!
//! These two enums sit below every stage because the language rules (which
//! know that «آبان» is a Solar Hijri month) and the calendar arithmetic
//! (which knows how long Aban is) both need them, and a stage may only
//! import the stages to its left. [`crate::calendar`] re-exports them.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A calendar.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Calendar {
    /// The proleptic Gregorian calendar.
    Gregorian,
    /// The Solar Hijri (Iranian, Jalali, Shamsi) calendar.
    SolarHijri,
    /// The Lunar Hijri (Islamic, Qamari) calendar; see [`LunarVariant`].
    LunarHijri,
}

impl Calendar {
    /// All calendars, in output order.
    pub const ALL: [Calendar; 3] = [
        Calendar::Gregorian,
        Calendar::SolarHijri,
        Calendar::LunarHijri,
    ];

    /// The identifier used on the command line and in JSON: `solar-hijri`.
    pub fn id(self) -> &'static str {
        match self {
            Calendar::Gregorian => "gregorian",
            Calendar::SolarHijri => "solar-hijri",
            Calendar::LunarHijri => "lunar-hijri",
        }
    }

    /// The English name used in sentences: `Solar Hijri`.
    pub fn label(self) -> &'static str {
        match self {
            Calendar::Gregorian => "Gregorian",
            Calendar::SolarHijri => "Solar Hijri",
            Calendar::LunarHijri => "Lunar Hijri",
        }
    }
}

impl fmt::Display for Calendar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Calendar {
    type Err = String;
    /// Accepts the identifiers and a few common aliases (case-insensitive).
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "gregorian" | "g" | "miladi" => Ok(Calendar::Gregorian),
            "solar-hijri" | "solar_hijri" | "sh" | "persian" | "jalali" | "shamsi" => {
                Ok(Calendar::SolarHijri)
            }
            "lunar-hijri" | "lunar_hijri" | "lh" | "hijri" | "islamic" | "qamari" => {
                Ok(Calendar::LunarHijri)
            }
            _ => Err(format!(
                "unknown calendar {s:?}: expected gregorian, solar-hijri or lunar-hijri"
            )),
        }
    }
}

/// How precise a date is. Ordered finest first, for sorting.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Week,
    Month,
    // A quarter of a Gregorian year (`1989-Q3`).
    Quarter,
    Season,
    Year,
    Decade,
    Century,
    Unknown,
}

impl Precision {
    /// The JSON name: `day`, `month`, …
    pub fn id(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Quarter => "quarter",
            Precision::Season => "season",
            Precision::Year => "year",
            Precision::Decade => "decade",
            Precision::Century => "century",
            Precision::Unknown => "unknown",
        }
    }
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Character offsets `[start, end)` into a document's original text (after
/// a UTF-8 BOM, if any, is dropped): the contract's `span`. On the wire it
/// is the array `[start, end]`.
///
/// Byte offsets into normalized text are a different kind of offset and
/// never a `CharSpan`: they are `Range<usize>` inside `lang` and `temporal`,
/// mapped back through `text::Normalized::to_original`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(transparent)]
pub struct CharSpan(pub [usize; 2]);

/// In the schema a span is what it is on the wire, `[start, end]`, inline.
impl schemars::JsonSchema for CharSpan {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <[usize; 2]>::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <[usize; 2]>::json_schema(generator)
    }
}

impl CharSpan {
    pub const fn new(start: usize, end: usize) -> Self {
        CharSpan([start, end])
    }
    pub const fn start(self) -> usize {
        self.0[0]
    }
    pub const fn end(self) -> usize {
        self.0[1]
    }
    /// The number of characters.
    pub const fn len(self) -> usize {
        self.0[1].saturating_sub(self.0[0])
    }
    pub const fn is_empty(self) -> bool {
        self.len() == 0
    }
}

impl From<[usize; 2]> for CharSpan {
    fn from(a: [usize; 2]) -> Self {
        CharSpan(a)
    }
}

impl std::ops::Deref for CharSpan {
    type Target = [usize; 2];
    fn deref(&self) -> &[usize; 2] {
        &self.0
    }
}
