//! Gold files (`NAME.gold.toml`, see `docs/ANNOTATION.md`): their types,
//! reading and validation.
//!
//! [`GoldFile`] is the format as written (it derives the JSON Schema in
//! `docs/annotation.schema.json`; unknown keys are rejected). [`load`]
//! reads one, finds its text, checks it and returns a [`Gold`]: every
//! expression placed at its character span and every value parsed. A gold
//! file that fails a check is an [`Error::Format`] naming the file and the
//! line of the offending entry.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use crate::event::{EventType, Mood};
use crate::text::{Document, PublishedFrom};
use crate::{Error, Result};

/// The language of an annotated article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum GoldLang {
    Fa,
    En,
}

impl GoldLang {
    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            GoldLang::Fa => "fa",
            GoldLang::En => "en",
        }
    }
}

/// What an annotated expression is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum GoldKind {
    Date,
    Time,
    Duration,
    Set,
    /// Looks like a date but is not one: a prediction on it is an error.
    NotADate,
}

impl GoldKind {
    /// The code used in gold files and reports.
    pub fn id(self) -> &'static str {
        match self {
            GoldKind::Date => "date",
            GoldKind::Time => "time",
            GoldKind::Duration => "duration",
            GoldKind::Set => "set",
            GoldKind::NotADate => "not-a-date",
        }
    }
}

/// The calendar an expression is written in (`none` for not-a-date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum GoldCalendar {
    Gregorian,
    SolarHijri,
    LunarHijri,
    None,
}

impl GoldCalendar {
    /// The code used in gold files and reports.
    pub fn id(self) -> &'static str {
        match self {
            GoldCalendar::Gregorian => "gregorian",
            GoldCalendar::SolarHijri => "solar-hijri",
            GoldCalendar::LunarHijri => "lunar-hijri",
            GoldCalendar::None => "none",
        }
    }
}

/// A modifier of an expression; `""` is none.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum GoldModifier {
    #[default]
    #[serde(rename = "")]
    None,
    /// Scoring compares the start only.
    Since,
    /// Scoring compares the end only.
    Until,
    Before,
    After,
    Approx,
    Early,
    Mid,
    Late,
}

impl GoldModifier {
    /// The code used in gold files (`""` for none).
    pub fn id(self) -> &'static str {
        match self {
            GoldModifier::None => "",
            GoldModifier::Since => "since",
            GoldModifier::Until => "until",
            GoldModifier::Before => "before",
            GoldModifier::After => "after",
            GoldModifier::Approx => "approx",
            GoldModifier::Early => "early",
            GoldModifier::Mid => "mid",
            GoldModifier::Late => "late",
        }
    }
}

/// A gold file as written: `NAME.gold.toml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "tarikh gold annotation (NAME.gold.toml)")]
pub struct GoldFile {
    /// The article's language.
    pub lang: GoldLang,
    /// Publication date (Gregorian YYYY-MM-DD), only when the page states it.
    #[serde(default)]
    pub published: Option<NaiveDate>,
    /// Where the text came from.
    #[serde(default)]
    pub source: Option<String>,
    /// The article text, relative to the gold file [default: NAME.txt].
    #[serde(default)]
    pub text: Option<String>,
    /// Every temporal expression (and not-a-date), in text order.
    #[serde(default)]
    pub date: Vec<GoldDate>,
    /// Every dated event.
    #[serde(default)]
    pub event: Vec<GoldEvent>,
}

/// One `[[date]]` entry.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GoldDate {
    /// The exact characters, copied from the text.
    #[schemars(with = "String")]
    pub text: Spanned<String>,
    /// 1 = the first place where `text` appears, 2 = the second, …
    #[serde(default = "one")]
    #[schemars(range(min = 1), default = "one")]
    pub occurrence: usize,
    pub kind: GoldKind,
    /// Normalized Gregorian value (see "Values" in docs/ANNOTATION.md).
    #[serde(default)]
    #[schemars(with = "String")]
    pub value: Option<Spanned<String>>,
    pub calendar: GoldCalendar,
    #[serde(default)]
    pub modifier: GoldModifier,
    /// Page furniture: scored as a date, never an event.
    #[serde(default)]
    pub chrome: bool,
    #[serde(default)]
    pub note: Option<String>,
}

/// One `[[event]]` entry.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GoldEvent {
    /// The `text` of the `[[date]]` entry that dates it.
    #[schemars(with = "String")]
    pub date: Spanned<String>,
    /// And its `occurrence`.
    #[serde(default = "one")]
    #[schemars(range(min = 1), default = "one")]
    pub date_occurrence: usize,
    #[serde(rename = "type")]
    pub kind: EventType,
    pub mood: Mood,
    #[serde(default)]
    pub summary: Option<String>,
}

fn one() -> usize {
    1
}

/// A gold value, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GoldValue {
    /// An inclusive Gregorian interval; a side is `None` when open.
    Interval {
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
    },
    /// Empty, or `X` in the year: right only when the prediction has
    /// neither a start nor an end.
    Unresolved,
    /// Durations, sets, `PRESENT_REF`/`PAST_REF`/`FUTURE_REF` and TIMEX3
    /// seasons: compared as strings with the prediction's `value`.
    Literal(String),
}

/// One gold expression, placed in the text.
#[derive(Debug, Clone)]
pub struct GoldExpr {
    pub text: String,
    pub occurrence: usize,
    /// Character offsets `[start, end)` in the text.
    pub span: [usize; 2],
    pub kind: GoldKind,
    /// The value as written.
    pub value_text: String,
    pub value: GoldValue,
    pub calendar: GoldCalendar,
    pub modifier: GoldModifier,
    pub chrome: bool,
    /// 1-based line of the entry in the gold file.
    pub line: usize,
}

/// One gold event, tied to its date expression.
#[derive(Debug, Clone)]
pub struct GoldEventRef {
    /// Index into [`Gold::dates`].
    pub date: usize,
    pub kind: EventType,
    pub mood: Mood,
    pub summary: Option<String>,
    pub line: usize,
}

/// A checked gold file with its document.
#[derive(Debug, Clone)]
pub struct Gold {
    /// The gold file, as given.
    pub path: PathBuf,
    /// The text file it annotates.
    pub text_path: PathBuf,
    /// The document built from the text, `lang` and `published`.
    pub document: Document,
    pub dates: Vec<GoldExpr>,
    pub events: Vec<GoldEventRef>,
}

/// The suffix of gold files.
pub const SUFFIX: &str = ".gold.toml";

/// The gold files named by `inputs`: files as given, directories searched
/// recursively for `*.gold.toml` (sorted by path). A path that cannot be
/// read is an error in its place; the others are still listed.
pub fn collect(inputs: &[PathBuf]) -> Vec<Result<PathBuf>> {
    let mut out = Vec::new();
    for input in inputs {
        match std::fs::metadata(input) {
            Ok(m) if m.is_dir() => {
                let mut found = Vec::new();
                walk(input, &mut found, &mut out);
                found.sort();
                out.extend(found.into_iter().map(Ok));
            }
            Ok(_) => out.push(Ok(input.clone())),
            Err(source) => out.push(Err(Error::Io {
                path: input.clone(),
                source,
            })),
        }
    }
    out
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>, errors: &mut Vec<Result<PathBuf>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(source) => {
            errors.push(Err(Error::Io {
                path: dir.to_path_buf(),
                source,
            }));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, found, errors);
        } else if p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().ends_with(SUFFIX))
        {
            found.push(p);
        }
    }
}

/// 1-based line of a byte offset.
fn line_of(src: &str, byte: usize) -> usize {
    src[..byte.min(src.len())].matches('\n').count() + 1
}

fn format_error(path: &Path, line: usize, message: impl Into<String>) -> Error {
    Error::Format {
        path: path.to_path_buf(),
        line,
        message: message.into(),
    }
}

/// Parses the TOML of a gold file (no checks against the text).
pub fn parse(path: &Path, src: &str) -> Result<GoldFile> {
    toml::from_str::<GoldFile>(src).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(src, s.start));
        format_error(path, line, e.message().trim().to_string())
    })
}

/// Reads and checks one gold file and its text.
pub fn load(path: &Path) -> Result<Gold> {
    // Bounded like every reader (a gold file or text that is a stream with
    // no end, `/dev/zero`, is an error, not a hang), and decoded with the
    // byte offset of any bad UTF-8 or NUL.
    let read = |p: &Path| {
        crate::text::read_limited(p, crate::text::ReadOptions::DEFAULT_MAX_BYTES)
            .and_then(|b| crate::text::decode(p, &b))
    };
    let src = read(path)?;
    let file = parse(path, &src)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let stem = name.strip_suffix(SUFFIX).unwrap_or(&name).to_string();
    let dir = path.parent().unwrap_or(Path::new(""));
    let text_path = match &file.text {
        Some(t) => dir.join(t),
        None => dir.join(format!("{stem}.txt")),
    };
    // The same text every other command reads: a leading BOM dropped.
    let text = read(&text_path)?;
    let mut dates = Vec::with_capacity(file.date.len());
    for d in &file.date {
        let line = line_of(&src, d.text.span().start);
        let needle = d.text.get_ref();
        if d.occurrence == 0 {
            return Err(format_error(path, line, "occurrence must be 1 or more"));
        }
        let span = find_span(&text, needle, d.occurrence).ok_or_else(|| {
            format_error(
                path,
                line,
                format!(
                    "text {needle:?} occurs fewer than {} times in {}",
                    d.occurrence,
                    text_path.display()
                ),
            )
        })?;
        let (value_text, value_line) = match &d.value {
            Some(v) => (v.get_ref().clone(), line_of(&src, v.span().start)),
            None => (String::new(), line),
        };
        let value = parse_value(&value_text, d.kind).map_err(|why| {
            format_error(path, value_line, format!("value {value_text:?}: {why}"))
        })?;
        dates.push(GoldExpr {
            text: needle.clone(),
            occurrence: d.occurrence,
            span,
            kind: d.kind,
            value_text,
            value,
            calendar: d.calendar,
            modifier: d.modifier,
            chrome: d.chrome,
            line,
        });
    }
    let mut events = Vec::with_capacity(file.event.len());
    for e in &file.event {
        let line = line_of(&src, e.date.span().start);
        let date = dates
            .iter()
            .position(|d| d.text == *e.date.get_ref() && d.occurrence == e.date_occurrence)
            .ok_or_else(|| {
                format_error(
                    path,
                    line,
                    format!(
                        "event date {:?} (occurrence {}) names no [[date]] entry",
                        e.date.get_ref(),
                        e.date_occurrence
                    ),
                )
            })?;
        events.push(GoldEventRef {
            date,
            kind: e.kind,
            mood: e.mood,
            summary: e.summary.clone(),
            line,
        });
    }
    let document = Document {
        id: stem,
        source: text_path.to_string_lossy().to_string(),
        text,
        lang: Some(file.lang.code().to_string()),
        published: file.published,
        published_from: file.published.map(|_| PublishedFrom::Metadata),
        title: None,
    };
    Ok(Gold {
        path: path.to_path_buf(),
        text_path,
        document,
        dates,
        events,
    })
}

/// Character span of the `occurrence`-th match of `needle` (1-based),
/// counting raw, non-overlapping substring matches from the start.
pub fn find_span(text: &str, needle: &str, occurrence: usize) -> Option<[usize; 2]> {
    if needle.is_empty() || occurrence == 0 {
        return None;
    }
    let mut from = 0;
    let mut at = 0;
    for _ in 0..occurrence {
        at = text[from..].find(needle)? + from;
        from = at + needle.len();
    }
    let s = text[..at].chars().count();
    Some([s, s + needle.chars().count()])
}

/// Parses a gold value (see "Values" in `docs/ANNOTATION.md`).
pub fn parse_value(v: &str, kind: GoldKind) -> std::result::Result<GoldValue, String> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(GoldValue::Unresolved);
    }
    if matches!(kind, GoldKind::Duration | GoldKind::Set)
        || v.starts_with('P')
        || matches!(v, "PRESENT_REF" | "PAST_REF" | "FUTURE_REF")
        || is_season(v)
    {
        return Ok(GoldValue::Literal(v.to_string()));
    }
    if let Some((a, b)) = v.split_once('/') {
        let a = side(a)?;
        let b = side(b)?;
        return Ok(match (a, b) {
            (None, None) => GoldValue::Unresolved,
            (a, b) => GoldValue::Interval {
                start: a.map(|x| x.0),
                end: b.map(|x| x.1),
            },
        });
    }
    Ok(match point(v)? {
        Some((start, end)) => GoldValue::Interval {
            start: Some(start),
            end: Some(end),
        },
        None => GoldValue::Unresolved,
    })
}

/// One side of an interval: empty is open.
fn side(s: &str) -> std::result::Result<Option<(NaiveDate, NaiveDate)>, String> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        point(s.trim())
    }
}

/// `2021-SU`, `2021-WI`, `2021-SP`, `2021-FA`.
fn is_season(v: &str) -> bool {
    v.len() == 7
        && v[..4].bytes().all(|b| b.is_ascii_digit())
        && matches!(&v[4..], "-SU" | "-WI" | "-SP" | "-FA")
}

/// A single value as an inclusive day interval; `None` when the year has
/// an `X` (cannot be resolved).
fn point(v: &str) -> std::result::Result<Option<(NaiveDate, NaiveDate)>, String> {
    // A time of day or a part of day: its date.
    let date = match v.split_once('T') {
        Some((d, t)) => {
            let ok = matches!(t, "MO" | "AF" | "EV" | "NI" | "DT")
                || ((t.len() == 5 || t.len() == 8)
                    && t.bytes().enumerate().all(|(i, b)| {
                        if i % 3 == 2 {
                            b == b':'
                        } else {
                            b.is_ascii_digit()
                        }
                    }))
                || (t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit()));
            if !ok {
                return Err(format!(
                    "{t:?} is not a time (HH:MM, HH:MM:SS, MO, AF, EV, NI, DT)"
                ));
            }
            if d.len() != 10 {
                return Err("a time needs a day (YYYY-MM-DDTHH:MM)".into());
            }
            d
        }
        None => v,
    };
    let bad = || {
        format!(
            "{v:?} is not YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, YYYY-Www-WE, YYYY-Qn, 199X, 19XX, BCYYYY, -YYYY or an interval A/B"
        )
    };
    // The weekend of an ISO week, TIMEX3 `2025-W03-WE`: its Saturday and
    // Sunday.
    if let Some((y, w)) = date.strip_suffix("-WE").and_then(|d| d.split_once("-W"))
        && y.len() == 4
        && w.len() == 2
        && y.bytes().all(|b| b.is_ascii_digit())
        && w.bytes().all(|b| b.is_ascii_digit())
    {
        let (y, w): (i32, u32) = (y.parse().map_err(|_| bad())?, w.parse().map_err(|_| bad())?);
        let s = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Sat)
            .ok_or_else(|| format!("{v:?}: no ISO week {w} in {y}"))?;
        let e = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Sun).ok_or_else(bad)?;
        return Ok(Some((s, e)));
    }
    // An ISO week, Monday to Sunday: `2025-W03`.
    if let Some((y, w)) = date.split_once("-W")
        && y.len() == 4
        && w.len() == 2
        && y.bytes().all(|b| b.is_ascii_digit())
        && w.bytes().all(|b| b.is_ascii_digit())
    {
        let (y, w): (i32, u32) = (y.parse().map_err(|_| bad())?, w.parse().map_err(|_| bad())?);
        let s = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon)
            .ok_or_else(|| format!("{v:?}: no ISO week {w} in {y}"))?;
        let e = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Sun).ok_or_else(bad)?;
        return Ok(Some((s, e)));
    }
    // A Gregorian quarter, TIMEX3 `1989-Q3`: July to September.
    if let Some((y, q)) = date.split_once("-Q")
        && y.len() == 4
        && y.bytes().all(|b| b.is_ascii_digit())
        && let Ok(q @ 1..=4) = q.parse::<u32>()
    {
        let y: i32 = y.parse().map_err(|_| bad())?;
        let s = NaiveDate::from_ymd_opt(y, 3 * q - 2, 1).ok_or_else(bad)?;
        let e = NaiveDate::from_ymd_opt(y + (q == 4) as i32, if q == 4 { 1 } else { 3 * q + 1 }, 1)
            .and_then(|d| d.pred_opt())
            .ok_or_else(bad)?;
        return Ok(Some((s, e)));
    }
    // Years before the common era: TIMEX3 `BC0499` (499 BC) or ISO 8601's
    // astronomical `-0498` (the same year: year 0 is 1 BC).
    #[derive(Clone, Copy)]
    enum Era {
        Ce,
        /// TIMEX3 `BC0499`: 499 BC, astronomical year -498.
        Bc,
        /// ISO 8601 `-0498`: astronomical.
        Astronomical,
    }
    let (date, era) = if let Some(d) = date.strip_prefix("BC") {
        (d, Era::Bc)
    } else if let Some(d) = date.strip_prefix('-') {
        (d, Era::Astronomical)
    } else {
        (date, Era::Ce)
    };
    let parts: Vec<&str> = date.split('-').collect();
    let year = parts[0];
    if !matches!(era, Era::Ce) && year.contains('X') {
        return Err(bad());
    }
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit() || b == b'X') {
        return Err(bad());
    }
    if year.contains('X') && parts.len() > 1 {
        // A year left open (`XXXX-05-12`, `XXXX-WXX-6`): unresolved.
        return Ok(None);
    }
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let rest_ok = match parts.len() {
        1 => true,
        2 => digits(parts[1], 2) || parts[1] == "XX",
        3 => (digits(parts[1], 2) || parts[1] == "XX") && (digits(parts[2], 2) || parts[2] == "XX"),
        _ => false,
    };
    if !rest_ok {
        return Err(bad());
    }
    if year.contains('X') {
        // A decade (199X) or a century (19XX) with nothing after it.
        let known: String = year.chars().take_while(|c| c.is_ascii_digit()).collect();
        let xs = &year[known.len()..];
        if parts.len() == 1 && !xs.contains(|c: char| c != 'X') {
            let (lo, span) = match known.len() {
                3 => (known.parse::<i32>().unwrap() * 10, 10),
                2 => (known.parse::<i32>().unwrap() * 100, 100),
                _ => return Ok(None),
            };
            let s = NaiveDate::from_ymd_opt(lo, 1, 1).ok_or_else(bad)?;
            let e = NaiveDate::from_ymd_opt(lo + span - 1, 12, 31).ok_or_else(bad)?;
            return Ok(Some((s, e)));
        }
        return Ok(None);
    }
    let y: i32 = year.parse().map_err(|_| bad())?;
    let y = match era {
        Era::Ce => y,
        Era::Bc => 1 - y,
        Era::Astronomical => -y,
    };
    match parts.len() {
        1 => Ok(Some((
            NaiveDate::from_ymd_opt(y, 1, 1).ok_or_else(bad)?,
            NaiveDate::from_ymd_opt(y, 12, 31).ok_or_else(bad)?,
        ))),
        2 => {
            if parts[1] == "XX" {
                return Ok(Some((
                    NaiveDate::from_ymd_opt(y, 1, 1).ok_or_else(bad)?,
                    NaiveDate::from_ymd_opt(y, 12, 31).ok_or_else(bad)?,
                )));
            }
            let m: u32 = parts[1].parse().map_err(|_| bad())?;
            let s =
                NaiveDate::from_ymd_opt(y, m, 1).ok_or_else(|| format!("{v:?}: no month {m}"))?;
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)
            }
            .ok_or_else(bad)?;
            Ok(Some((s, next.pred_opt().ok_or_else(bad)?)))
        }
        _ => {
            // What the text does not give is written X: `2017-XX-XX` is
            // the year, `2017-05-XX` the month.
            if parts[1] == "XX" {
                if parts[2] != "XX" {
                    return Err(format!("{v:?}: a known day in an unknown month"));
                }
                return point(year);
            }
            if parts[2] == "XX" {
                return point(&format!("{year}-{}", parts[1]));
            }
            let m: u32 = parts[1].parse().map_err(|_| bad())?;
            let d: u32 = parts[2].parse().map_err(|_| bad())?;
            let day = NaiveDate::from_ymd_opt(y, m, d)
                .ok_or_else(|| format!("{v:?} is not a Gregorian day"))?;
            Ok(Some((day, day)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    fn iv(a: &str, b: &str) -> GoldValue {
        GoldValue::Interval {
            start: d(a),
            end: d(b),
        }
    }

    #[test]
    fn eval_values_parse_to_inclusive_intervals() {
        let k = GoldKind::Date;
        assert_eq!(parse_value("1995", k), Ok(iv("1995-01-01", "1995-12-31")));
        assert_eq!(
            parse_value("2024-02", k),
            Ok(iv("2024-02-01", "2024-02-29"))
        );
        assert_eq!(
            parse_value("1995-12", k),
            Ok(iv("1995-12-01", "1995-12-31"))
        );
        assert_eq!(
            parse_value("2021-08-16", k),
            Ok(iv("2021-08-16", "2021-08-16"))
        );
        assert_eq!(parse_value("199X", k), Ok(iv("1990-01-01", "1999-12-31")));
        // Before the common era, in either convention: 499 BC is year -498.
        let bc499 = Ok(GoldValue::Interval {
            start: NaiveDate::from_ymd_opt(-498, 1, 1),
            end: NaiveDate::from_ymd_opt(-498, 12, 31),
        });
        assert_eq!(parse_value("BC0499", k), bc499);
        assert_eq!(parse_value("-0498", k), bc499);
        assert!(parse_value("BC19XX", k).is_err());
        // Seconds on a clock time.
        assert_eq!(
            parse_value("2025-01-19T07:02:31", GoldKind::Time),
            Ok(iv("2025-01-19", "2025-01-19"))
        );
        assert!(parse_value("2025-01-19T07:2:31", GoldKind::Time).is_err());
        assert_eq!(parse_value("19XX", k), Ok(iv("1900-01-01", "1999-12-31")));
        assert_eq!(
            parse_value("1992/1994", k),
            Ok(iv("1992-01-01", "1994-12-31"))
        );
        assert_eq!(
            parse_value("2020-10-22/2020-11-20", k),
            Ok(iv("2020-10-22", "2020-11-20"))
        );
        assert_eq!(
            parse_value("2022-05-03T10:00", GoldKind::Time),
            Ok(iv("2022-05-03", "2022-05-03"))
        );
        assert_eq!(
            parse_value("2022-05-03TMO", GoldKind::Time),
            Ok(iv("2022-05-03", "2022-05-03"))
        );
        assert_eq!(
            parse_value("/2021-12-31", k),
            Ok(GoldValue::Interval {
                start: None,
                end: d("2021-12-31")
            })
        );
        assert_eq!(parse_value("", k), Ok(GoldValue::Unresolved));
        assert_eq!(
            parse_value("2025-W03", k),
            Ok(iv("2025-01-13", "2025-01-19"))
        );
        assert!(parse_value("2025-W54", k).is_err());
        assert_eq!(
            parse_value("1989-Q3", k),
            Ok(iv("1989-07-01", "1989-09-30"))
        );
        assert_eq!(
            parse_value("1989-Q4", k),
            Ok(iv("1989-10-01", "1989-12-31"))
        );
        assert!(parse_value("1989-Q5", k).is_err());
        assert_eq!(
            parse_value("1990-W32-WE", k),
            Ok(iv("1990-08-11", "1990-08-12"))
        );
        assert_eq!(
            parse_value("2017-XX-XX", k),
            Ok(iv("2017-01-01", "2017-12-31"))
        );
        assert_eq!(
            parse_value("2017-05-XX", k),
            Ok(iv("2017-05-01", "2017-05-31"))
        );
        assert!(parse_value("2017-XX-05", k).is_err());
        assert_eq!(parse_value("XXXX-05-12", k), Ok(GoldValue::Unresolved));
        assert_eq!(parse_value("XXXX-WXX-6", k), Ok(GoldValue::Unresolved));
        for lit in ["P3D", "PT48H", "PRESENT_REF", "2021-SU"] {
            assert_eq!(parse_value(lit, k), Ok(GoldValue::Literal(lit.into())));
        }
        assert_eq!(
            parse_value("XXXX-WXX-5", GoldKind::Set),
            Ok(GoldValue::Literal("XXXX-WXX-5".into()))
        );
        for bad in [
            "1995-13",
            "2021-02-30",
            "March 1995",
            "95",
            "2022-05-03T9",
            "1995-1",
        ] {
            assert!(parse_value(bad, k).is_err(), "{bad}");
        }
    }

    #[test]
    fn eval_occurrences_count_raw_non_overlapping_matches() {
        let t = "۵ آبان و ۱۵ آبان و ۵ آبان";
        assert_eq!(find_span(t, "۵ آبان", 1), Some([0, 6]));
        assert_eq!(find_span(t, "۵ آبان", 2), Some([10, 16]));
        assert_eq!(find_span(t, "۵ آبان", 3), Some([19, 25]));
        assert_eq!(find_span(t, "۵ آبان", 4), None);
    }
}
