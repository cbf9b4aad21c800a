//! `tarikh convert`: dates between the Gregorian, Solar Hijri and Lunar
//! Hijri calendars, from arguments or one per line from standard input.

use std::io::{self, BufRead, BufWriter, IsTerminal, Write};

use anyhow::Result;
use clap::{Args, ValueEnum};
use serde::Serialize;

use tarikh::calendar::{
    self, Calendar, DateErrorKind, Interval, LUNAR_NOTE, LunarVariant, PartialDate, Precision,
    UMM_AL_QURA_YEARS, Ymd,
};
use tarikh::lang::{Lang, names};
use tarikh::text::script;

const AFTER_HELP: &str = "\
Input:
  One date per argument, or, without arguments, one date per line on
  standard input (blank lines and lines starting with # are skipped).
  Forms: YYYY, YYYY-MM, YYYY-MM-DD; separators - or /; digits ASCII,
  Persian (۰-۹) or Arabic-Indic (٠-٩). A year or a month is converted as
  the interval of days it covers.

  Without --from the calendar is guessed from the year: 1300-1499 is read
  as Solar Hijri, anything else as Gregorian; the output says so.

Output:
  One block per date with the day (or interval) in every calendar, or with
  --json one JSON object per input (JSON Lines): input, from, guessed,
  precision, gregorian/solar_hijri/lunar_hijri {start, end, weekday (days
  only), variant (lunar)}, note; an invalid input gives {input, error}.
  start and end are YYYY-MM-DD with ASCII digits in every calendar.

  Lunar Hijri dates are computed (Umm al-Qura for 1300-1600 AH, tabular
  outside it or with --lunar tabular) and can differ by a day from national
  announcements, which in Iran follow moon sighting.

Examples:
  tarikh convert 1399-08-10 --from solar-hijri
  tarikh convert ۱۴۰۳/۱۲/۳۰
  tarikh convert 1994-05 --from gregorian
  tarikh convert 1446-09-01 --from lunar-hijri --lunar tabular
  tarikh convert 2025-03-21 1404 --json
  grep -v '^#' data/kabise-1206-1498.txt | awk '{print $1}' | tr -d '*' \\
      | tarikh convert --from solar-hijri

Exit status: 0 all dates converted, 1 some input invalid (reported on
standard error as `tarikh: line N: INPUT: reason`; the others are still
converted), 2 usage error.";

/// A calendar on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CalendarArg {
    /// The Gregorian calendar.
    Gregorian,
    /// The Solar Hijri (Iranian, Jalali, Shamsi) calendar.
    SolarHijri,
    /// The Lunar Hijri (Islamic, Qamari) calendar.
    LunarHijri,
}

impl From<CalendarArg> for Calendar {
    fn from(c: CalendarArg) -> Self {
        match c {
            CalendarArg::Gregorian => Calendar::Gregorian,
            CalendarArg::SolarHijri => Calendar::SolarHijri,
            CalendarArg::LunarHijri => Calendar::LunarHijri,
        }
    }
}

/// A Lunar Hijri variant on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LunarArg {
    /// Umm al-Qura table for 1300-1600 AH, tabular outside.
    UmmAlQura,
    /// Tabular ("islamic-civil": type II leap years, Friday epoch).
    Tabular,
}

impl From<LunarArg> for LunarVariant {
    fn from(l: LunarArg) -> Self {
        match l {
            LunarArg::UmmAlQura => LunarVariant::UmmAlQura,
            LunarArg::Tabular => LunarVariant::Tabular,
        }
    }
}

/// Convert dates between the Gregorian, Solar Hijri and Lunar Hijri calendars.
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct ConvertArgs {
    /// Dates to convert (YYYY, YYYY-MM or YYYY-MM-DD). Without any, one date
    /// per line is read from standard input.
    #[arg(value_name = "DATE")]
    pub dates: Vec<String>,

    /// The calendar of the input dates. Default: guessed from the year
    /// (1300-1499 solar-hijri, otherwise gregorian).
    #[arg(long, value_enum, value_name = "CALENDAR")]
    pub from: Option<CalendarArg>,

    /// How Lunar Hijri dates are computed.
    #[arg(
        long,
        value_enum,
        value_name = "VARIANT",
        default_value = "umm-al-qura"
    )]
    pub lunar: LunarArg,

    /// Write one JSON object per input (JSON Lines) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Bidi controls and the BOM, which copy-pasted Persian text carries.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Persian (۰-۹) and Arabic-Indic (٠-٩) digits to ASCII.
fn ascii_digit(c: char) -> char {
    match c {
        '\u{06F0}'..='\u{06F9}' => char::from_u32(c as u32 - 0x06F0 + '0' as u32).unwrap_or(c),
        '\u{0660}'..='\u{0669}' => char::from_u32(c as u32 - 0x0660 + '0' as u32).unwrap_or(c),
        _ => c,
    }
}

const FORMS: &str = "expected YYYY, YYYY-MM or YYYY-MM-DD (separators - or /; ASCII, Persian or Arabic-Indic digits)";

/// Reads one input: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (separators `-` or
/// `/`, ASCII, Persian or Arabic-Indic digits). Without `from` the calendar
/// is guessed from the year (1300–1499 Solar Hijri, otherwise Gregorian)
/// and the flag says it was guessed. Day and month ranges are not checked
/// here: [`PartialDate::interval`] does that and says why.
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
    use tarikh::lang::expr::Expr;
    let lang = tarikh::lang::detect(s);
    let ex = tarikh::temporal::extract("input", s, lang);
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
    let cleaned: String = s
        .chars()
        .filter(|&c| !is_invisible(c))
        .map(ascii_digit)
        .collect();
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

/// Where an input came from, for error messages.
#[derive(Debug, Clone, Copy)]
enum Origin {
    Argument(usize),
    Line(usize),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Argument(n) => write!(f, "argument {n}"),
            Origin::Line(n) => write!(f, "line {n}"),
        }
    }
}

struct Converter<W: Write> {
    out: W,
    from: Option<Calendar>,
    lunar: LunarVariant,
    json: bool,
    written: usize,
    failed: bool,
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

impl<W: Write> Converter<W> {
    /// Converts one input; io errors (a closed pipe) propagate.
    fn one(&mut self, origin: Origin, input: &str) -> io::Result<()> {
        let input = input.trim();
        let (date, guessed) = match parse_date_input(input, self.from) {
            Ok(x) => x,
            Err(reason) => return self.fail(origin, input, &reason),
        };
        let iv = match date.interval(self.lunar) {
            Ok(iv) => iv,
            Err(e) => {
                let msg = if e.kind() == DateErrorKind::DayOutOfRange
                    && e.subject() == date.to_string()
                {
                    e.predicate().to_owned()
                } else {
                    e.to_string()
                };
                return self.fail(origin, input, &msg);
            }
        };
        if self.json {
            self.write_json(input, date, guessed, iv)?;
        } else {
            self.write_text(input, date, guessed, iv)?;
        }
        self.written += 1;
        Ok(())
    }

    fn fail(&mut self, origin: Origin, input: &str, msg: &str) -> io::Result<()> {
        self.failed = true;
        if self.json {
            serde_json::to_writer(&mut self.out, &ErrorRecord { input, error: msg })?;
            self.out.write_all(b"\n")?;
        }
        self.out.flush()?;
        // A closed stderr is not worth failing over.
        let _ = if input.is_empty() {
            writeln!(io::stderr(), "tarikh: {origin}: {msg}")
        } else {
            writeln!(io::stderr(), "tarikh: {origin}: {input}: {msg}")
        };
        Ok(())
    }

    fn write_json(
        &mut self,
        input: &str,
        date: PartialDate,
        guessed: bool,
        iv: Interval,
    ) -> io::Result<()> {
        let day = date.precision() == Precision::Day;
        let wd = calendar::weekday(iv.start);
        let side = |cal: Calendar, lang: Lang| {
            let (s, e) = calendar::interval_in(cal, iv, self.lunar);
            Side {
                start: s.to_string(),
                end: e.to_string(),
                weekday: day.then(|| names::weekday_name(wd, lang)),
            }
        };
        let gregorian = side(Calendar::Gregorian, Lang::En);
        let solar_hijri = side(Calendar::SolarHijri, Lang::Fa);
        let (ls, le) = calendar::interval_in(Calendar::LunarHijri, iv, self.lunar);
        let v1 = calendar::lunar_variant_used(ls.year, self.lunar);
        let v2 = calendar::lunar_variant_used(le.year, self.lunar);
        let record = Record {
            input,
            from: date.calendar,
            guessed,
            precision: date.precision(),
            gregorian,
            solar_hijri,
            lunar_hijri: LunarSide {
                start: ls.to_string(),
                end: le.to_string(),
                weekday: day.then(|| names::weekday_name(wd, Lang::Fa)),
                variant: v1,
                variant_end: (v1 != v2).then_some(v2),
            },
            note: LUNAR_NOTE,
        };
        serde_json::to_writer(&mut self.out, &record)?;
        self.out.write_all(b"\n")
    }

    fn write_text(
        &mut self,
        input: &str,
        date: PartialDate,
        guessed: bool,
        iv: Interval,
    ) -> io::Result<()> {
        if self.written > 0 {
            writeln!(self.out)?;
        }
        let guess = if guessed {
            " guessed from the year"
        } else {
            ""
        };
        writeln!(
            self.out,
            "{input} ({}{guess}, {})",
            date.calendar,
            date.precision()
        )?;
        for cal in Calendar::ALL {
            let (s, e) = calendar::interval_in(cal, iv, self.lunar);
            let span = if s == e {
                s.to_string()
            } else {
                format!("{s} – {e}")
            };
            let mut human = describe(cal, s, e, self.lunar);
            if iv.start == iv.end && cal != Calendar::LunarHijri {
                let wd = calendar::weekday(iv.start);
                human = match cal {
                    Calendar::Gregorian => names::weekday_name(wd, Lang::En).to_owned(),
                    _ => format!("{human} ({})", names::weekday_name(wd, Lang::Fa)),
                };
            }
            if cal == Calendar::LunarHijri {
                human = format!("{human} ({})", lunar_caveat(self.lunar, s.year, e.year));
            }
            writeln!(self.out, "  {:<13}{span}  {human}", cal.label())?;
        }
        Ok(())
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

/// Runs `tarikh convert`: 0 when every input converted, 1 when some did not.
pub fn run(args: &ConvertArgs) -> Result<super::Status> {
    let stdout = io::stdout();
    let mut conv = Converter {
        out: BufWriter::new(stdout.lock()),
        from: args.from.map(Calendar::from),
        lunar: args.lunar.into(),
        json: args.json,
        written: 0,
        failed: false,
    };
    if !args.dates.is_empty() {
        for (i, d) in args.dates.iter().enumerate() {
            conv.one(Origin::Argument(i + 1), d)?;
        }
    } else {
        let stdin = io::stdin();
        let interactive = stdin.is_terminal();
        let mut input = stdin.lock();
        let mut buf = Vec::new();
        let mut n = 0;
        loop {
            buf.clear();
            if input.read_until(b'\n', &mut buf)? == 0 {
                break;
            }
            n += 1;
            let origin = Origin::Line(n);
            let line = match std::str::from_utf8(&buf) {
                Ok(l) => l,
                Err(e) => {
                    let msg = format!("not valid UTF-8 at byte {}", e.valid_up_to());
                    conv.fail(origin, "", &msg)?;
                    continue;
                }
            };
            let line = line.trim_start_matches('\u{FEFF}').trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            conv.one(origin, line)?;
            if interactive {
                conv.out.flush()?;
            }
        }
    }
    conv.out.flush()?;
    Ok(u8::from(conv.failed))
}
