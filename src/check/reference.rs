//! Reference timelines: curated, sourced entries to check extracted events
//! against.
//!
//! Two formats are read:
//!
//! * `tarikh.reference/1` TOML (`data/reference/*.toml`, documented in
//!   `data/reference/README.md`): every entry has a date whose form implies
//!   its precision (`"1994"`, `"1994-05"`, `"1994-05-12"`), an optional
//!   `end`, a type of the normative taxonomy, gazetteer ids and at least one
//!   citation. Errors name the file and the line.
//! * a `tarikh.timeline/1` JSON file: its dated events become entries
//!   without citations (a timeline checked against another timeline).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use toml::Spanned;

use crate::calendar::{Interval, Precision};
use crate::error::{Error, Result};
use crate::event::{Event, EventType};
use crate::lang::Lang;
use crate::timeline::Timeline;

/// The schema string of a reference file.
pub const REFERENCE_SCHEMA: &str = "tarikh.reference/1";
/// The schema string of a timeline file (read as a reference).
pub const TIMELINE_SCHEMA: &str = "tarikh.timeline/1";

/// Years a reference date may have.
pub const REFERENCE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// A source cited for an entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Who published the source.
    pub publication: String,
    /// The source's real title, or a description of it.
    pub title: String,
    /// Publication date of the source (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), or
    /// `""` when unknown.
    pub date: String,
    /// `""` unless the address is known to be real.
    pub url: String,
}

/// One reference event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Entry {
    /// Stable kebab-case id, unique in its file.
    pub id: String,
    /// The date as written (`"1994-05-12"`), or the first day for a
    /// timeline entry.
    pub date: String,
    /// The last day as written, if the entry is an interval.
    pub end: Option<String>,
    /// The inclusive Gregorian days the entry covers.
    #[serde(serialize_with = "ser_interval", deserialize_with = "de_interval")]
    #[schemars(with = "IntervalJson")]
    pub interval: Interval,
    /// Implied by the form of `date` and `end` (the coarser of the two).
    pub precision: Precision,
    #[serde(rename = "type")]
    pub kind: EventType,
    pub actors: Vec<String>,
    pub places: Vec<String>,
    pub summary_en: String,
    pub summary_fa: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// At least one for a `tarikh.reference/1` entry; none for an entry
    /// taken from a timeline.
    pub citations: Vec<Citation>,
    /// Line of the entry in its file (1-based; 0 when not from a file).
    #[serde(default, skip_serializing)]
    #[schemars(skip)]
    pub line: usize,
}

/// The JSON form of an interval: inclusive ISO bounds.
#[derive(Serialize, Deserialize, JsonSchema)]
struct IntervalJson {
    start: NaiveDate,
    end: NaiveDate,
}

fn ser_interval<S: Serializer>(iv: &Interval, s: S) -> std::result::Result<S::Ok, S::Error> {
    IntervalJson {
        start: iv.start,
        end: iv.end,
    }
    .serialize(s)
}

fn de_interval<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Interval, D::Error> {
    let j = IntervalJson::deserialize(d)?;
    Ok(Interval::new(j.start, j.end))
}

/// A loaded reference timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    /// The file's id (`karabakh`).
    pub id: String,
    pub title: String,
    pub title_fa: Option<String>,
    /// When the file was last compiled or revised.
    pub compiled: Option<NaiveDate>,
    pub note: Option<String>,
    /// Where it was read from.
    pub path: PathBuf,
    /// `tarikh.reference/1` or `tarikh.timeline/1`.
    pub schema: String,
    /// In file order.
    pub entries: Vec<Entry>,
}

/// What a report says about the reference it used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ReferenceInfo {
    pub id: String,
    pub title: String,
    pub source: String,
    pub schema: String,
    pub entries: usize,
}

impl Reference {
    /// Reads a reference from a file: a `tarikh.timeline/1` JSON file when
    /// the content is a JSON object with that schema, else TOML.
    pub fn load(path: &Path) -> Result<Reference> {
        Reference::load_limited(path, crate::text::ReadOptions::DEFAULT_MAX_BYTES)
    }

    /// [`Reference::load`], refusing a file larger than `limit` bytes (or
    /// a stream that passes it) with [`Error::TooLarge`].
    pub fn load_limited(path: &Path, limit: u64) -> Result<Reference> {
        let bytes = crate::text::read_limited(path, limit)?;
        let text = crate::text::decode(path, &bytes)?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        if text.trim_start().starts_with('{') {
            Reference::from_timeline_json(text, path)
        } else {
            Reference::from_toml(text, path)
        }
    }

    /// Parses and validates a `tarikh.reference/1` TOML text; `path` names
    /// the file in errors.
    pub fn from_toml(text: &str, path: &Path) -> Result<Reference> {
        let raw: RawFile = toml::from_str(text).map_err(|e| Error::Format {
            path: path.to_path_buf(),
            line: e.span().map(|s| line_of(text, s.start)).unwrap_or(0),
            message: e.message().trim().to_string(),
        })?;
        // Where every line starts, once: an entry's line is a binary search.
        let newlines: Vec<usize> = text
            .bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .map(|(i, _)| i)
            .collect();
        let err = |offset: usize, message: String| Error::Format {
            path: path.to_path_buf(),
            line: line_of(text, offset),
            message,
        };
        if raw.schema.get_ref() != REFERENCE_SCHEMA {
            return Err(err(
                raw.schema.span().start,
                format!(
                    "schema is {:?}; expected {REFERENCE_SCHEMA:?}",
                    raw.schema.get_ref()
                ),
            ));
        }
        let mut seen = HashSet::new();
        let mut entries = Vec::with_capacity(raw.entry.len());
        for spanned in raw.entry {
            let at = spanned.span().start;
            let e = spanned.into_inner();
            let id = e.id.get_ref().clone();
            let id_at = e.id.span().start;
            if !is_kebab(&id) {
                return Err(err(
                    id_at,
                    format!("entry id {id:?} is not kebab-case ([a-z0-9]+(-[a-z0-9]+)*)"),
                ));
            }
            if !seen.insert(id.clone()) {
                return Err(err(id_at, format!("duplicate entry id {id:?}")));
            }
            let (first, p1) = parse_ref_date(e.date.get_ref())
                .map_err(|m| err(e.date.span().start, format!("entry {id:?}: date {m}")))?;
            let (interval, precision, end) = match &e.end {
                None => (first, p1, None),
                Some(end) => {
                    let (last, p2) = parse_ref_date(end.get_ref())
                        .map_err(|m| err(end.span().start, format!("entry {id:?}: end {m}")))?;
                    if last.end < first.start || last.start < first.start {
                        return Err(err(
                            end.span().start,
                            format!(
                                "entry {id:?}: end {:?} is before date {:?}",
                                end.get_ref(),
                                e.date.get_ref()
                            ),
                        ));
                    }
                    (
                        Interval::new(first.start, last.end),
                        p1.max(p2),
                        Some(end.get_ref().clone()),
                    )
                }
            };
            let kind = EventType::from_id(e.kind.get_ref()).ok_or_else(|| {
                err(
                    e.kind.span().start,
                    format!(
                        "entry {id:?}: unknown type {:?} (expected one of {})",
                        e.kind.get_ref(),
                        EventType::ALL.map(|t| t.id()).join(", ")
                    ),
                )
            })?;
            for a in &e.actors {
                if !["state:", "org:", "group:"]
                    .iter()
                    .any(|p| a.starts_with(p))
                {
                    return Err(err(
                        at,
                        format!("entry {id:?}: actor {a:?} is not a state:, org: or group: id"),
                    ));
                }
            }
            for p in &e.places {
                if !p.starts_with("place:") {
                    return Err(err(
                        at,
                        format!("entry {id:?}: place {p:?} is not a place: id"),
                    ));
                }
            }
            if e.actors.is_empty() && e.places.is_empty() {
                return Err(err(
                    at,
                    format!("entry {id:?}: actors and places are both empty"),
                ));
            }
            let citations = match e.citation {
                Some(c) if !c.is_empty() => c,
                _ => {
                    return Err(err(
                        at,
                        format!("entry {id:?}: no citation (at least one [[entry.citation]])"),
                    ));
                }
            };
            for c in &citations {
                let c_at = c.span().start;
                let c = c.get_ref();
                if c.publication.trim().is_empty() || c.title.trim().is_empty() {
                    return Err(err(
                        c_at,
                        format!("entry {id:?}: a citation needs a publication and a title"),
                    ));
                }
                if !c.date.is_empty() {
                    parse_ref_date(&c.date)
                        .map_err(|m| err(c_at, format!("entry {id:?}: citation date {m}")))?;
                }
                if !c.url.is_empty()
                    && !c.url.starts_with("https://")
                    && !c.url.starts_with("http://")
                {
                    return Err(err(
                        c_at,
                        format!(
                            "entry {id:?}: citation url {:?} is not an http(s) address",
                            c.url
                        ),
                    ));
                }
            }
            entries.push(Entry {
                id,
                date: e.date.into_inner(),
                end,
                interval,
                precision,
                kind,
                actors: e.actors,
                places: e.places,
                summary_en: e.summary_en,
                summary_fa: e.summary_fa,
                note: e.note,
                citations: citations.into_iter().map(Spanned::into_inner).collect(),
                line: newlines.partition_point(|&n| n < at) + 1,
            });
        }
        let compiled = match &raw.compiled {
            Some(c) => Some(
                NaiveDate::parse_from_str(c.get_ref(), "%Y-%m-%d").map_err(|_| {
                    err(
                        c.span().start,
                        format!("compiled {:?} is not a date YYYY-MM-DD", c.get_ref()),
                    )
                })?,
            ),
            None => None,
        };
        Ok(Reference {
            id: raw.id,
            title: raw.title,
            title_fa: raw.title_fa,
            compiled,
            note: raw.note,
            path: path.to_path_buf(),
            schema: REFERENCE_SCHEMA.to_string(),
            entries,
        })
    }

    /// Reads a `tarikh.timeline/1` JSON text as a reference.
    pub fn from_timeline_json(text: &str, path: &Path) -> Result<Reference> {
        let format_err = |e: serde_json::Error| Error::Format {
            path: path.to_path_buf(),
            line: e.line(),
            message: e.to_string(),
        };
        let value: serde_json::Value = serde_json::from_str(text).map_err(format_err)?;
        let schema = value.get("schema").and_then(|s| s.as_str()).unwrap_or("");
        if schema != TIMELINE_SCHEMA {
            return Err(Error::Format {
                path: path.to_path_buf(),
                line: 1,
                message: format!(
                    "schema is {schema:?}; a JSON reference must be a {TIMELINE_SCHEMA:?} timeline"
                ),
            });
        }
        let timeline: Timeline = serde_json::from_value(value).map_err(format_err)?;
        super::validate(&timeline).map_err(|e| Error::NotATimeline {
            name: path.display().to_string(),
            message: format!("is not a valid {TIMELINE_SCHEMA} file: {e}."),
        })?;
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        Ok(Reference::from_timeline(&timeline, &id, path))
    }

    /// A timeline's dated events as reference entries (no citations).
    /// Undated events are left out: there is nothing to compare with.
    pub fn from_timeline(timeline: &Timeline, id: &str, path: &Path) -> Reference {
        let entries = timeline
            .events
            .iter()
            .filter_map(|ev| entry_of_event(ev, timeline))
            .collect();
        Reference {
            id: id.to_string(),
            title: format!("timeline {id}"),
            title_fa: None,
            compiled: None,
            note: None,
            path: path.to_path_buf(),
            schema: TIMELINE_SCHEMA.to_string(),
            entries,
        }
    }

    /// The summary a report carries.
    pub fn info(&self) -> ReferenceInfo {
        ReferenceInfo {
            id: self.id.clone(),
            title: self.title.clone(),
            source: self.path.display().to_string(),
            schema: self.schema.clone(),
            entries: self.entries.len(),
        }
    }

    /// The entry with this id.
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }
}

fn entry_of_event(ev: &Event, timeline: &Timeline) -> Option<Entry> {
    let time = ev.time.as_ref()?;
    let (interval, precision) = super::compare::anchored(time)?;
    let lang = ev
        .evidence
        .first()
        .and_then(|e| timeline.documents.iter().find(|d| d.id == e.document))
        .map(|d| d.lang);
    // A reference entry keeps a summary in English and one in Persian.
    let (summary_en, summary_fa) = if lang == Some(Lang::Fa) {
        (String::new(), ev.summary.clone())
    } else {
        (ev.summary.clone(), String::new())
    };
    let iso = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    Some(Entry {
        id: ev.id.clone(),
        date: iso(interval.start),
        end: (interval.end != interval.start).then(|| iso(interval.end)),
        interval,
        precision,
        kind: ev.kind,
        actors: ev.actors.iter().map(|a| a.id.clone()).collect(),
        places: ev.places.iter().map(|p| p.id.clone()).collect(),
        summary_en,
        summary_fa,
        note: Some(format!("from the timeline's event {}", ev.id)),
        citations: Vec::new(),
        line: 0,
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    schema: Spanned<String>,
    id: String,
    title: String,
    title_fa: Option<String>,
    compiled: Option<Spanned<String>>,
    note: Option<String>,
    entry: Vec<Spanned<RawEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: Spanned<String>,
    date: Spanned<String>,
    end: Option<Spanned<String>>,
    #[serde(rename = "type")]
    kind: Spanned<String>,
    actors: Vec<String>,
    places: Vec<String>,
    summary_en: String,
    summary_fa: String,
    note: Option<String>,
    citation: Option<Vec<Spanned<Citation>>>,
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// `"1994"`, `"1994-05"` or `"1994-05-12"` → the interval it stands for and
/// its precision. The error is a predicate ("… is not a date …").
pub fn parse_ref_date(s: &str) -> std::result::Result<(Interval, Precision), String> {
    let bad = || format!("{s:?} is not a date YYYY, YYYY-MM or YYYY-MM-DD (ASCII digits)");
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| -> std::result::Result<u32, String> {
        if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
            p.parse().map_err(|_| bad())
        } else {
            Err(bad())
        }
    };
    let year = num(parts.first().copied().unwrap_or(""), 4)? as i32;
    if !REFERENCE_YEARS.contains(&year) {
        return Err(format!(
            "{s:?} has year {year}, outside {}–{}",
            REFERENCE_YEARS.start(),
            REFERENCE_YEARS.end()
        ));
    }
    let invalid = || format!("{s:?} does not exist in the Gregorian calendar");
    match parts.len() {
        1 => Ok((
            Interval {
                start: NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(invalid)?,
                end: NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(invalid)?,
            },
            Precision::Year,
        )),
        2 => {
            let month = num(parts[1], 2)?;
            let start = NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(invalid)?;
            Ok((
                Interval {
                    start,
                    end: last_of_month(start),
                },
                Precision::Month,
            ))
        }
        3 => {
            let month = num(parts[1], 2)?;
            let day = num(parts[2], 2)?;
            let d = NaiveDate::from_ymd_opt(year, month, day).ok_or_else(invalid)?;
            Ok((Interval::day(d), Precision::Day))
        }
        _ => Err(bad()),
    }
}

/// The last day of the month of `d`.
pub(crate) fn last_of_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|n| n.pred_opt())
        .unwrap_or(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn date_forms_imply_precision() {
        assert_eq!(
            parse_ref_date("1997").unwrap(),
            (
                Interval::new(d("1997-01-01"), d("1997-12-31")),
                Precision::Year
            )
        );
        assert_eq!(
            parse_ref_date("1994-02").unwrap(),
            (
                Interval::new(d("1994-02-01"), d("1994-02-28")),
                Precision::Month
            )
        );
        assert_eq!(
            parse_ref_date("1994-05-12").unwrap(),
            (Interval::day(d("1994-05-12")), Precision::Day)
        );
        for bad in [
            "94",
            "1994-5",
            "1994-02-30",
            "1994-13",
            "1899",
            "۱۹۹۴",
            "1994-05-12-1",
            "",
        ] {
            assert!(parse_ref_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn kebab_ids() {
        assert!(is_kebab("ceasefire-1994"));
        assert!(!is_kebab("Ceasefire"));
        assert!(!is_kebab("a--b"));
        assert!(!is_kebab("-a"));
    }
}
