//! Vocabulary shared by every stage: which calendar a date is written in
//! and how precise it is.
//!
//! These two enums sit below every stage because the language rules (which
//! know that «آبان» is a Solar Hijri month) and the calendar arithmetic
//! (which knows how long Aban is) both need them, and a stage may only
//! import the stages to its left. [`crate::calendar`] re-exports them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A calendar in which a date can be written.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Calendar {
    /// The proleptic Gregorian calendar.
    Gregorian,
    /// The Solar Hijri (Iranian, Persian; in Afghanistan with its own month
    /// names) calendar, by the official 33-year rule with corrections.
    SolarHijri,
    /// The Lunar Hijri (Islamic) calendar: Umm al-Qura or tabular.
    LunarHijri,
}

impl Calendar {
    /// The kebab-case name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Calendar::Gregorian => "gregorian",
            Calendar::SolarHijri => "solar-hijri",
            Calendar::LunarHijri => "lunar-hijri",
        }
    }

    /// Reads a kebab-case name (`gregorian`, `solar-hijri`, `lunar-hijri`).
    pub fn from_name(s: &str) -> Option<Calendar> {
        match s {
            "gregorian" => Some(Calendar::Gregorian),
            "solar-hijri" => Some(Calendar::SolarHijri),
            "lunar-hijri" => Some(Calendar::LunarHijri),
            _ => None,
        }
    }
}

/// How precise a date is: the unit the text actually gave. Ordered from
/// finest to coarsest, which is the order timelines sort ties by.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Week,
    Month,
    Season,
    Year,
    Decade,
    Century,
    Unknown,
}

impl Precision {
    /// The lowercase name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Season => "season",
            Precision::Year => "year",
            Precision::Decade => "decade",
            Precision::Century => "century",
            Precision::Unknown => "unknown",
        }
    }
}
