//! Is a timeline read from a file one that tarikh could have written?
//!
//! A saved `tarikh.timeline/1` file is input: hand-edited, truncated and
//! glued back, written by another tool. Every reader of saved timelines
//! (`tarikh export`, `tarikh check`, `check --against`) validates what it
//! read with [`validate`] and refuses a timeline that breaks the contract
//! (`docs/timeline-json.md`), naming the JSON path of the first breach, so
//! no printer ever draws an interval that ends before it starts, a
//! relation to an event that is not there, or two events under one id.
//!
//! What is checked:
//!
//! - ids: document ids and event ids are unique;
//! - references: every relation's `from` and `to`, every diagnostic's
//!   `events`, every evidence's `document` name something in the file;
//! - intervals: `start <= end` for every time (its Gregorian, Solar and
//!   Lunar Hijri bounds, its alternative) and every span and evidence;
//! - years: every date field is a year 1–9999 (`YYYY-MM-DD`);
//! - confidence: a number in 0..1; evidence: at least one per event.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};

use crate::calendar::Ymd;
use crate::temporal::Time;
use crate::timeline::Timeline;

/// Years a date field of a timeline may have: four digits, after year 0.
pub use crate::calendar::WRITTEN_YEARS as YEARS;

/// The first breach of the contract found in a timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    /// A JSONPath to the offending value: `$.events[3].time.end`.
    pub path: String,
    /// What is wrong, one sentence without a final stop.
    pub message: String,
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "at {}: {}", self.path, self.message)
    }
}

/// `Ok` when the timeline keeps the contract, else its first breach (in
/// the order of the file: documents, events, relations, diagnostics).
pub fn validate(t: &Timeline) -> Result<(), Invalid> {
    let bad = |path: String, message: String| Err(Invalid { path, message });

    let mut documents: HashMap<&str, usize> = HashMap::new();
    for (i, d) in t.documents.iter().enumerate() {
        if let Some(j) = documents.insert(d.id.as_str(), i) {
            return bad(
                format!("$.documents[{i}].id"),
                format!("document id {:?} is also the id of $.documents[{j}]", d.id),
            );
        }
        if let Some(p) = d.published {
            year(format!("$.documents[{i}].published"), p)?;
        }
    }

    let mut events: HashMap<&str, usize> = HashMap::new();
    for (i, e) in t.events.iter().enumerate() {
        let at = |field: &str| format!("$.events[{i}]{field}");
        if let Some(j) = events.insert(e.id.as_str(), i) {
            return bad(
                at(".id"),
                format!("event id {:?} is also the id of $.events[{j}]", e.id),
            );
        }
        if let Some(time) = &e.time {
            check_time(&at(".time"), time)?;
        }
        if !(0.0..=1.0).contains(&e.confidence) {
            return bad(
                at(".confidence"),
                format!("confidence {} is not in 0..1", e.confidence),
            );
        }
        if e.evidence.is_empty() {
            return bad(
                at(".evidence"),
                "an event has at least one evidence entry".to_string(),
            );
        }
        for (k, ev) in e.evidence.iter().enumerate() {
            if !documents.contains_key(ev.document.as_str()) {
                return bad(
                    at(&format!(".evidence[{k}].document")),
                    format!("no document has the id {:?}", ev.document),
                );
            }
            if ev.start > ev.end {
                return bad(
                    at(&format!(".evidence[{k}]")),
                    format!("end {} is before start {}", ev.end, ev.start),
                );
            }
        }
        for (field, list) in [("actors", &e.actors), ("places", &e.places)] {
            for (k, a) in list.iter().enumerate() {
                span(at(&format!(".{field}[{k}].span")), a.span)?;
            }
        }
    }

    for (i, r) in t.relations.iter().enumerate() {
        for (field, id) in [("from", &r.from), ("to", &r.to)] {
            if !events.contains_key(id.as_str()) {
                return bad(
                    format!("$.relations[{i}].{field}"),
                    format!("no event has the id {id:?}"),
                );
            }
        }
    }

    let ids: HashSet<&str> = events.keys().copied().collect();
    for (i, d) in t.diagnostics.iter().enumerate() {
        for (k, id) in d.events.iter().enumerate() {
            if !ids.contains(id.as_str()) {
                return bad(
                    format!("$.diagnostics[{i}].events[{k}]"),
                    format!("no event has the id {id:?}"),
                );
            }
        }
        if let Some(s) = d.span {
            span(format!("$.diagnostics[{i}].span"), s)?;
        }
    }
    Ok(())
}

fn check_time(at: &str, t: &Time) -> Result<(), Invalid> {
    span(format!("{at}.span"), t.span)?;
    days(at, t.start, t.end)?;
    if let Some(b) = &t.solar_hijri {
        ymds(&format!("{at}.solar_hijri"), b.start, b.end)?;
    }
    if let Some(b) = &t.lunar_hijri {
        ymds(&format!("{at}.lunar_hijri"), b.start, b.end)?;
    }
    if let Some(a) = &t.alternative {
        let alt = format!("{at}.alternative");
        span(format!("{alt}.span"), a.span)?;
        days(&alt, a.start, a.end)?;
    }
    Ok(())
}

/// Gregorian bounds: each a year 1–9999, the start not after the end.
fn days(at: &str, start: Option<NaiveDate>, end: Option<NaiveDate>) -> Result<(), Invalid> {
    if let Some(s) = start {
        year(format!("{at}.start"), s)?;
    }
    if let Some(e) = end {
        year(format!("{at}.end"), e)?;
    }
    ordered(at, start, end)
}

/// Bounds in another calendar: the same rules.
fn ymds(at: &str, start: Option<Ymd>, end: Option<Ymd>) -> Result<(), Invalid> {
    for (field, d) in [("start", start), ("end", end)] {
        if let Some(d) = d
            && !YEARS.contains(&d.year)
        {
            return Err(Invalid {
                path: format!("{at}.{field}"),
                message: format!(
                    "year {} is outside years {}–{}",
                    d.year,
                    YEARS.start(),
                    YEARS.end()
                ),
            });
        }
    }
    ordered(at, start, end)
}

/// The start not after the end, in any calendar.
fn ordered<T: PartialOrd + std::fmt::Display>(
    at: &str,
    start: Option<T>,
    end: Option<T>,
) -> Result<(), Invalid> {
    match (start, end) {
        (Some(s), Some(e)) if e < s => Err(Invalid {
            path: format!("{at}.end"),
            message: format!("end {e} is before start {s}"),
        }),
        _ => Ok(()),
    }
}

fn year(path: String, d: NaiveDate) -> Result<(), Invalid> {
    if YEARS.contains(&d.year()) {
        return Ok(());
    }
    Err(Invalid {
        path,
        message: format!(
            "year {} is outside years {}–{}",
            d.year(),
            YEARS.start(),
            YEARS.end()
        ),
    })
}

fn span(path: String, s: crate::units::CharSpan) -> Result<(), Invalid> {
    let [a, b] = s.0;
    if a <= b {
        return Ok(());
    }
    Err(Invalid {
        path,
        message: format!("span end {b} is before its start {a}"),
    })
}
