//! `tarikh convert`'s output, and the one reader of its inputs: a date
//! given as `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (or written out, as
//! `tarikh dates` reads it), converted into the three calendars and
//! written as a text block or one JSON object (JSON Lines).
//!
//! Reading a written date goes through [`crate::temporal`]; the calendar
//! stage only does the arithmetic.

use serde::Serialize;

use super::safe::{self, Target, safe_text};
use crate::calendar::{
    self, Calendar, DateErrorKind, Interval, LUNAR_NOTE, LunarVariant, PartialDate, Precision,
    UMM_AL_QURA_YEARS, Ymd,
};
use crate::lang::{Lang, names};
use crate::text::script;

/// One date converted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conversion {
    /// The input as given (trimmed).
    pub input: String,
    /// The date it was read as.
    pub date: PartialDate,
    /// Whether the calendar was guessed from the year.
    pub guessed: bool,
    /// The days it covers.
    pub interval: Interval,
    /// How Lunar Hijri dates are computed.
    pub lunar: LunarVariant,
}

/// An input that could not be converted, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The input as given (trimmed).
    pub input: String,
    /// Why, in one sentence.
    pub reason: String,
}

/// The result for one input.
pub type Converted = Result<Conversion, Failure>;

const FORMS: &str = "expected YYYY, YYYY-MM or YYYY-MM-DD (separators - or /; ASCII, Persian or Arabic-Indic digits)";

/// Converts one input: read by [`parse_date_input`], then its interval in
/// every calendar.
pub fn convert(input: &str, from: Option<Calendar>, lunar: LunarVariant) -> Converted {
    let input = input.trim();
    let fail = |reason: String| Failure {
        input: input.to_string(),
        reason,
    };
    let (date, guessed) = parse_date_input(input, from).map_err(fail)?;
    let interval = date.interval(lunar).map_err(|e| {
        fail(
            if e.kind() == DateErrorKind::DayOutOfRange && e.subject() == date.to_string() {
                e.predicate().to_owned()
            } else {
                e.to_string()
            },
        )
    })?;
    Ok(Conversion {
        input: input.to_string(),
        date,
        guessed,
        interval,
        lunar,
    })
}

/// Reads one input: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (separators `-` or
/// `/`, ASCII, Persian or Arabic-Indic digits; bidi controls and a BOM
/// ignored), else a written date with its own year as `tarikh dates`
/// reads it («۱۰ آبان ۱۳۹۹», «3 Oct 2020»). Without `from` the calendar of
/// a numeric date is guessed from the year (1300–1499 Solar Hijri,
/// otherwise Gregorian) and the flag says it was guessed. Day and month
/// ranges are not checked here: [`PartialDate::interval`] does that and
/// says why.
pub fn parse_date_input(s: &str, from: Option<Calendar>) -> Result<(PartialDate, bool), String> {
    match parse_numeric(s, from) {
        Ok(d) => Ok(d),
        // Anything `tarikh dates` understands: «۱۰ آبان ۱۳۹۹», «3 Oct 2020»,
        // «سال ۱۳۵۹ هجری شمسی», «رمضان ۱۴۴۶».
        Err(numeric) => expression(s).ok_or(numeric),
    }
}

/// One written date expression with its own year, as a partial date in the
/// calendar it is written in.
fn expression(s: &str) -> Option<(PartialDate, bool)> {
    use crate::lang::expr::Expr;
    let lang = crate::lang::detect(s);
    let ex = crate::temporal::extract("input", s, lang);
    let [m] = ex.mentions.as_slice() else {
        return None;
    };
    let Expr::Date(d) = &m.expr else { return None };
    if d.decade || d.century || d.season.is_some() || m.modifier.is_some() {
        return None;
    }
    let (cal, year) = (d.calendar?, d.year?);
    Some((
        PartialDate {
            calendar: cal,
            year,
            month: d.month,
            day: d.month.and(d.day),
        },
        false,
    ))
}

fn parse_numeric(s: &str, from: Option<Calendar>) -> Result<(PartialDate, bool), String> {
    let visible: String = s
        .chars()
        .filter(|&c| !safe::is_bidi_control(c) && c != '\u{FEFF}')
        .collect();
    let cleaned = script::ascii_digits(&visible);
    let cleaned = cleaned.trim();
    if cleaned.is_empty() {
        return Err(format!("empty input: {FORMS}"));
    }
    let parts: Vec<&str> = cleaned.split(['-', '/']).collect();
    if parts.len() > 3 {
        return Err(format!("too many parts: {FORMS}"));
    }
    for p in &parts {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("not a date: {FORMS}"));
        }
    }
    let (year_s, rest) = match parts.split_first() {
        Some(x) => x,
        None => return Err(format!("empty input: {FORMS}")),
    };
    if parts.len() > 1 && year_s.len() <= 2 && parts.last().is_some_and(|last| last.len() >= 3) {
        return Err(format!(
            "the year must come first (day-first dates are not read): {FORMS}"
        ));
    }
    if year_s.len() > 5 {
        return Err(format!(
            "year {year_s} is too long: years -9999 to 9999 are supported"
        ));
    }
    let year: i32 = year_s.parse().map_err(|_| format!("not a year: {FORMS}"))?;
    let mut small = Vec::with_capacity(2);
    for p in rest {
        if p.len() > 2 {
            return Err(format!("month and day take at most 2 digits: {FORMS}"));
        }
        small.push(
            p.parse::<u8>()
                .map_err(|_| format!("not a date: {FORMS}"))?,
        );
    }
    let (calendar, guessed) = match from {
        Some(c) => (c, false),
        None if (1300..=1499).contains(&year) => (Calendar::SolarHijri, true),
        None => (Calendar::Gregorian, true),
    };
    let date = PartialDate {
        calendar,
        year,
        month: small.first().copied(),
        day: small.get(1).copied(),
    };
    Ok((date, guessed))
}

#[derive(Serialize)]
struct Side {
    start: String,
    end: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    weekday: Option<&'static str>,
}

#[derive(Serialize)]
struct LunarSide {
    start: String,
    end: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    weekday: Option<&'static str>,
    /// The variant used for the start (and end) year.
    variant: LunarVariant,
    /// The variant used for the end year, when it differs.
    #[serde(skip_serializing_if = "Option::is_none")]
    variant_end: Option<LunarVariant>,
}

#[derive(Serialize)]
struct Record<'a> {
    input: &'a str,
    from: Calendar,
    guessed: bool,
    precision: Precision,
    gregorian: Side,
    solar_hijri: Side,
    lunar_hijri: LunarSide,
    note: &'static str,
}

#[derive(Serialize)]
struct ErrorRecord<'a> {
    input: &'a str,
    error: &'a str,
}

/// One JSON object and a line break: `{input, from, guessed, precision,
/// gregorian, solar_hijri, lunar_hijri, note}`, or `{input, error}`.
pub fn json_line(c: &Converted) -> String {
    let mut s = match c {
        Ok(c) => serde_json::to_string(&record(c)),
        Err(f) => serde_json::to_string(&ErrorRecord {
            input: &f.input,
            error: &f.reason,
        }),
    }
    .unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    s.push('\n');
    super::json::escape_controls(s)
}

fn record(c: &Conversion) -> Record<'_> {
    let (date, iv, lunar) = (c.date, c.interval, c.lunar);
    let day = date.precision() == Precision::Day;
    let wd = calendar::weekday(iv.start);
    let side = |cal: Calendar, lang: Lang| {
        let (s, e) = calendar::interval_in(cal, iv, lunar);
        Side {
            start: s.to_string(),
            end: e.to_string(),
            weekday: day.then(|| names::weekday_name(wd, lang)),
        }
    };
    let (ls, le) = calendar::interval_in(Calendar::LunarHijri, iv, lunar);
    let v1 = calendar::lunar_variant_used(ls.year, lunar);
    let v2 = calendar::lunar_variant_used(le.year, lunar);
    Record {
        input: &c.input,
        from: date.calendar,
        guessed: c.guessed,
        precision: date.precision(),
        gregorian: side(Calendar::Gregorian, Lang::En),
        solar_hijri: side(Calendar::SolarHijri, Lang::Fa),
        lunar_hijri: LunarSide {
            start: ls.to_string(),
            end: le.to_string(),
            weekday: day.then(|| names::weekday_name(wd, Lang::Fa)),
            variant: v1,
            variant_end: (v1 != v2).then_some(v2),
        },
        note: LUNAR_NOTE,
    }
}

/// The text block of a conversion: a heading line, then one line per
/// calendar; empty for a failure (reported on standard error).
pub fn text(c: &Converted) -> String {
    let Ok(c) = c else {
        return String::new();
    };
    let (date, iv, lunar) = (c.date, c.interval, c.lunar);
    let guess = if c.guessed {
        " guessed from the year"
    } else {
        ""
    };
    let mut out = format!(
        "{} ({}{guess}, {})\n",
        safe_text(&c.input, Target::Text),
        date.calendar,
        date.precision()
    );
    for cal in Calendar::ALL {
        let (s, e) = calendar::interval_in(cal, iv, lunar);
        let span = if s == e {
            s.to_string()
        } else {
            format!("{s} – {e}")
        };
        let mut human = describe(cal, s, e, lunar);
        if iv.start == iv.end && cal != Calendar::LunarHijri {
            let wd = calendar::weekday(iv.start);
            human = match cal {
                Calendar::Gregorian => names::weekday_name(wd, Lang::En).to_owned(),
                _ => format!("{human} ({})", names::weekday_name(wd, Lang::Fa)),
            };
        }
        if cal == Calendar::LunarHijri {
            human = format!("{human} ({})", lunar_caveat(lunar, s.year, e.year));
        }
        out.push_str(&format!("  {:<13}{span}  {human}\n", cal.label()));
    }
    out
}

/// The line reported on standard error for a failure (without the
/// `tarikh: ` prefix and the origin): `INPUT: reason`, or the reason alone
/// for an empty input.
pub fn failure_message(f: &Failure) -> String {
    if f.input.is_empty() {
        safe_text(&f.reason, Target::Text)
    } else {
        format!(
            "{}: {}",
            safe_text(&f.input, Target::Text),
            safe_text(&f.reason, Target::Text)
        )
    }
}

/// A day, month or year in words: Persian for the Hijri calendars, English
/// for the Gregorian one; a whole month or year is named as such.
fn describe(cal: Calendar, s: Ymd, e: Ymd, lunar: LunarVariant) -> String {
    let lang = if cal == Calendar::Gregorian {
        Lang::En
    } else {
        Lang::Fa
    };
    let num = |n: i64| {
        let t = n.to_string();
        if lang == Lang::Fa {
            script::persian_digits(&t)
        } else {
            t
        }
    };
    let day = |d: Ymd| {
        format!(
            "{} {} {}",
            num(i64::from(d.day)),
            names::month_name(cal, d.month, lang),
            num(i64::from(d.year))
        )
    };
    if s == e {
        return day(s);
    }
    let last = |y: i32, m: u8| calendar::days_in_month(cal, y, m, lunar).ok();
    let whole_month = s.year == e.year
        && s.month == e.month
        && s.day == 1
        && last(e.year, e.month) == Some(e.day);
    if whole_month {
        return format!(
            "{} {}",
            names::month_name(cal, s.month, lang),
            num(i64::from(s.year))
        );
    }
    let whole_year = s.year == e.year
        && (s.month, s.day) == (1, 1)
        && e.month == 12
        && last(e.year, 12) == Some(e.day);
    if whole_year {
        return num(i64::from(s.year));
    }
    format!("{} – {}", day(s), day(e))
}

/// How the Lunar Hijri values were computed, for the text output.
fn lunar_caveat(requested: LunarVariant, y1: i32, y2: i32) -> String {
    let used1 = calendar::lunar_variant_used(y1, requested);
    let used2 = calendar::lunar_variant_used(y2, requested);
    let (a, b) = (UMM_AL_QURA_YEARS.start(), UMM_AL_QURA_YEARS.end());
    let how = match (requested, used1, used2) {
        (LunarVariant::Tabular, _, _) => "tabular".to_owned(),
        (_, LunarVariant::UmmAlQura, LunarVariant::UmmAlQura) => "umm-al-qura".to_owned(),
        (_, LunarVariant::Tabular, LunarVariant::Tabular) => {
            format!("tabular: outside Umm al-Qura's {a}–{b} AH")
        }
        _ => format!("umm-al-qura, tabular outside {a}–{b} AH"),
    };
    format!("{how}; may differ by a day from announcements")
}
