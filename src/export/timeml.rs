//! TimeML 1.2 for one document: its text with a `TIMEX3` around every
//! expression tarikh found, and the document date as the `DCT`, so tarikh's
//! output can be scored with the TempEval-3 tools and loaded by TimeML
//! readers ([`document`]). The reverse, the text and DCT of a TimeML file
//! (its gold annotations ignored), is [`crate::text::timeml::read`].
//!
//! - `tid` `t1`, `t2`, … in text order; the DCT is `t0` (`functionInDocument
//!   CREATION_TIME`), written only when the publication date is known.
//! - `type` DATE, TIME, DURATION or SET; `value` the TIMEX3 value: a
//!   Gregorian day, month or year; a decade or century by its leading
//!   digits, as TIMEX3 writes them ("the 1990s" `199`, "the 20th century"
//!   `19`); a Gregorian season its code (`1998-SU`, `-FA`, `-WI`, `-SP`); a
//!   quarter its code (`1989-Q3`); a weekend `1990-W32-WE`; a
//!   week its ISO week (`2000-W07`); a part of day `…TMO`, `TAF`, `TEV`,
//!   `TNI`; a clock time `…T10:00`; durations, sets and
//!   `PRESENT_REF`/`PAST_REF`/`FUTURE_REF` as tarikh writes them.
//! - An interval that is no Gregorian unit (a Solar or Lunar Hijri month or
//!   year, a range) is a DURATION of its days with `beginPoint` and
//!   `endPoint`: two empty TIMEX3 dates written right after it, as TimeML
//!   writes anchored durations.
//! - `mod`: `since` → `ON_OR_AFTER`, `until` → `ON_OR_BEFORE`, `before` →
//!   `BEFORE`, `after` → `AFTER`, `approx` → `APPROX`, `early` → `START`,
//!   `mid` → `MID`, `late` → `END`. `temporalFunction="true"` and
//!   `anchorTimeID="t0"` when the value was computed from the document
//!   date (a relative date, a yearless one).
//! - A repaired reading (layout damage) wraps its expression as tarikh
//!   spans it and names the reading in a comment before it; an alternative
//!   reading (the other calendar of a dual date) is left to the JSON.
//! - Expressions that overlap one already written are left out (TimeML does
//!   not nest TIMEX3s). Text is escaped (`&`, `<`, `>`; and `"` in
//!   attributes); characters XML 1.0 cannot hold become U+FFFD.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use crate::lang::expr::Modifier;
use crate::temporal::{DateEntry, MentionType, Time, YearSource};
use crate::units::{Calendar, Precision};

/// The TimeML document of a dates listing of one document (its text in
/// `texts`); of none, an empty document.
pub fn listing(l: &super::json::DatesListing) -> String {
    let info = l.documents.first();
    let text = l.texts.first().map_or("", String::as_str);
    let dates: Vec<&DateEntry> = l.dates.iter().collect();
    document(
        text,
        info.map_or("", |i| i.id.as_str()),
        info.and_then(|i| i.published),
        &dates,
    )
}

/// The TimeML document of `text` (the document's text as read), its id,
/// its publication date and its dates (in text order, as `tarikh dates`
/// lists them).
pub fn document(text: &str, id: &str, dct: Option<NaiveDate>, dates: &[&DateEntry]) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n");
    let _ = writeln!(out, "<DOCID>{}</DOCID>", escape(id, false));
    if let Some(d) = dct {
        let _ = writeln!(
            out,
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{d}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{d}</TIMEX3></DCT>"
        );
    }
    out.push_str("<TEXT>");
    // Character offsets → byte offsets, once.
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect();
    let at = |c: usize| bytes.get(c).copied().unwrap_or(text.len());
    let mut tid = 0usize;
    let mut written = 0usize; // bytes of `text` written
    for d in dates {
        let [s, e] = d.time.span.0;
        let (bs, be) = (at(s), at(e));
        if bs < written || be <= bs {
            continue;
        }
        out.push_str(&escape(&text[written..bs], false));
        if let Some(r) = &d.time.repaired {
            let _ = write!(
                out,
                "<!-- tarikh: repaired reading «{}» -->",
                comment(&r.reading)
            );
        }
        tid += 1;
        let t = timex(&d.time, d.kind, tid, dct.is_some());
        let after = match &t.points {
            Some((a, b)) => {
                let (ta, tb) = (tid + 1, tid + 2);
                tid += 2;
                format!(
                    "<TIMEX3 tid=\"t{ta}\" type=\"DATE\" value=\"{a}\"/><TIMEX3 tid=\"t{tb}\" type=\"DATE\" value=\"{b}\"/>"
                )
            }
            None => String::new(),
        };
        let _ = write!(out, "<TIMEX3 tid=\"t{}\" type=\"{}\"", t.tid, t.kind);
        let _ = write!(out, " value=\"{}\"", escape(&t.value, true));
        if let Some(m) = t.modifier {
            let _ = write!(out, " mod=\"{m}\"");
        }
        if t.function {
            out.push_str(" temporalFunction=\"true\" anchorTimeID=\"t0\"");
        } else {
            out.push_str(" temporalFunction=\"false\"");
        }
        if t.points.is_some() {
            let _ = write!(
                out,
                " beginPoint=\"t{}\" endPoint=\"t{}\"",
                t.tid + 1,
                t.tid + 2
            );
        }
        out.push('>');
        out.push_str(&escape(&text[bs..be], false));
        out.push_str("</TIMEX3>");
        out.push_str(&after);
        written = be;
    }
    out.push_str(&escape(&text[written..], false));
    out.push_str("</TEXT>\n</TimeML>\n");
    out
}

struct Timex {
    tid: usize,
    kind: &'static str,
    value: String,
    modifier: Option<&'static str>,
    function: bool,
    points: Option<(String, String)>,
}

fn timex(t: &Time, kind: MentionType, tid: usize, has_dct: bool) -> Timex {
    let mut kind = match kind {
        MentionType::Date => "DATE",
        MentionType::Time => "TIME",
        MentionType::Duration => "DURATION",
        MentionType::Set => "SET",
    };
    let modifier = t.modifier.map(|m| match m {
        Modifier::Since => "ON_OR_AFTER",
        Modifier::Until => "ON_OR_BEFORE",
        Modifier::Before => "BEFORE",
        Modifier::After => "AFTER",
        Modifier::Approx => "APPROX",
        Modifier::Early => "START",
        Modifier::Mid => "MID",
        Modifier::Late => "END",
    });
    let function = has_dct && is_relative(t);
    let mut points = None;
    let value = match (kind, t.start, t.end) {
        // An open range is its anchor with `mod` («از سال ۱۹۹۲», "since
        // Monday"): the value tarikh gives, the bounds left to the JSON.
        _ if t.modifier.is_some() => t.value.clone().unwrap_or_default(),
        // «now», "currently": the reference, though tarikh also gives the
        // day it was said on.
        _ if t
            .value
            .as_deref()
            .is_some_and(|v| matches!(v, "PRESENT_REF" | "PAST_REF" | "FUTURE_REF")) =>
        {
            t.value.clone().unwrap_or_default()
        }
        ("DATE" | "TIME", Some(s), Some(e)) => match gregorian_unit(t, s, e) {
            Some(v) => v,
            None => {
                kind = "DURATION";
                points = Some((s.to_string(), e.to_string()));
                format!("P{}D", (e - s).num_days() + 1)
            }
        },
        // Years before the common era, which have no bounds: a span of
        // them (`BC0500/BC0401`, the fifth century BC) is a DURATION of
        // its years between its two years, as an interval is.
        ("DATE", None, None)
            if let Some((a, b)) = t
                .value
                .as_deref()
                .filter(|v| v.starts_with("BC"))
                .and_then(|v| v.split_once('/')) =>
        {
            let years = |v: &str| v.strip_prefix("BC").and_then(|n| n.parse::<i64>().ok());
            kind = "DURATION";
            let n = years(a).zip(years(b)).map_or(0, |(x, y)| (x - y).abs() + 1);
            points = Some((a.to_string(), b.to_string()));
            format!("P{n}Y")
        }
        _ => t.value.clone().unwrap_or_default(),
    };
    // A day with its time of day («بامداد سه‌شنبه», "Friday night") is a
    // TIME in TimeML.
    if kind == "DATE" && value.len() > 10 && value.as_bytes()[10] == b'T' {
        kind = "TIME";
    }
    Timex {
        tid,
        kind,
        value,
        modifier,
        function,
        points,
    }
}

/// True when the value was computed from the document date or an
/// earlier date: a yearless or relative date («دیروز», "next week", a
/// bare weekday, a clock time on the day of its sentence).
fn is_relative(t: &Time) -> bool {
    match t.year_from {
        Some(y) => y != YearSource::Explicit && y != YearSource::Partner,
        None => [
            "relative",
            "last-next",
            "weekday",
            "ago",
            "later",
            "day-part",
            "clock",
            "that-day",
            "qualified",
        ]
        .iter()
        .any(|k| t.rule.contains(k)),
    }
}

/// The TIMEX3 value of an interval that is one Gregorian unit: a day (with
/// its time of day), an ISO week, a month, a year, a decade, a century.
fn gregorian_unit(t: &Time, s: NaiveDate, e: NaiveDate) -> Option<String> {
    let day = s == e;
    if day {
        let mut v = s.to_string();
        if let Some(tod) = &t.time_of_day {
            v.push('T');
            v.push_str(tod);
        }
        return Some(v);
    }
    let whole_month = s.day() == 1
        && e.succ_opt().is_some_and(|n| n.day() == 1)
        && s.month() == e.month()
        && s.year() == e.year();
    let whole_year = s.ordinal() == 1 && e.month() == 12 && e.day() == 31 && s.year() == e.year();
    match t.precision {
        Precision::Week if (e - s).num_days() == 6 && s.weekday() == chrono::Weekday::Mon => {
            let w = s.iso_week();
            Some(format!("{}-W{:02}", w.year(), w.week()))
        }
        // A weekend, Saturday and Sunday: TIMEX3 `1990-W32-WE`.
        Precision::Week if (e - s).num_days() == 1 && s.weekday() == chrono::Weekday::Sat => {
            let w = s.iso_week();
            Some(format!("{}-W{:02}-WE", w.year(), w.week()))
        }
        Precision::Month if whole_month => Some(format!("{:04}-{:02}", s.year(), s.month())),
        Precision::Year if whole_year => Some(format!("{:04}", s.year())),
        // TIMEX3 writes a decade and a century by their leading digits:
        // "the 1990s" `199`, "the 20th century" `19`.
        Precision::Decade if t.calendar == Calendar::Gregorian && s.year() % 10 == 0 => {
            Some(format!("{:03}", s.year().div_euclid(10)))
        }
        Precision::Century if t.calendar == Calendar::Gregorian => {
            let c = if s.year() % 100 == 1 {
                s.year() - 1
            } else {
                s.year()
            };
            (c % 100 == 0 && e.year() - s.year() == 99).then(|| format!("{:02}", c.div_euclid(100)))
        }
        // A Gregorian quarter by its TIMEX3 code (`1989-Q3`).
        Precision::Quarter
            if s.day() == 1
                && s.month0().is_multiple_of(3)
                && e.succ_opt()
                    .is_some_and(|n| n.day() == 1 && n.month0() == (s.month0() + 3) % 12) =>
        {
            Some(format!("{:04}-Q{}", s.year(), s.month0() / 3 + 1))
        }
        // A Gregorian season ("this summer") by its TIMEX3 code; a Solar
        // Hijri season is a quarter of its year, no Gregorian unit.
        Precision::Season if t.calendar == Calendar::Gregorian => {
            let code = match s.month() {
                3 | 4 => "SP",
                6 | 7 => "SU",
                9 | 10 => "FA",
                12 | 1 | 2 => "WI",
                _ => return None,
            };
            Some(format!("{:04}-{code}", s.year()))
        }
        _ => None,
    }
}

/// `s` escaped for XML text (and attribute values when `attr`), with the
/// characters XML 1.0 cannot hold replaced by U+FFFD.
fn escape(s: &str, attr: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// `s` safe inside an XML comment (no `--`).
fn comment(s: &str) -> String {
    escape(s, false).replace("--", "- -")
}
