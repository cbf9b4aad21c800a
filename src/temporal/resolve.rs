//! Resolution: a [`Mention`] becomes a [`Time`]: inclusive Gregorian bounds,
//! the same bounds in Solar and Lunar Hijri, a TIMEX3-style value and a
//! precision that the text actually gave.
//!
//! Yearless dates and bare weekdays are placed by the publication date and
//! the tense of their clause (past → the nearest occurrence on or before
//! it, future → the nearest after it, otherwise the nearest either way,
//! a day after publication counting as two before it: a yearless date
//! (not a weekday) with no tense to go by is more often the past);
//! in a text with no publication date, a yearless day and month takes the
//! year of the nearest preceding explicit date of its paragraph. Nothing is
//! ever resolved against the machine's clock.

use chrono::{Datelike, Days, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Mention, MentionType, Repair};
use crate::calendar::{
    Calendar, Interval, LunarVariant, PartialDate, Precision, WRITTEN_YEARS, Ymd, from_gregorian,
    interval_in, lunar_variant_used,
};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::lang::expr::{DateSpec, Expr, Modifier, Relative, Tense};
use crate::lang::names::{MESSAGES, weekday_name};
use crate::units::CharSpan;

/// Bounds of an interval in a non-Gregorian calendar (ASCII digits).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Bounds {
    #[schemars(with = "Option<String>")]
    pub start: Option<Ymd>,
    #[schemars(with = "Option<String>")]
    pub end: Option<Ymd>,
}

/// Lunar Hijri bounds with the variant that computed them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct LunarBounds {
    #[schemars(with = "Option<String>")]
    pub start: Option<Ymd>,
    #[schemars(with = "Option<String>")]
    pub end: Option<Ymd>,
    pub variant: LunarVariant,
}

/// The second reading of a dual date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Alternative {
    pub calendar: Calendar,
    pub text: String,
    pub span: crate::units::CharSpan,
    pub value: Option<String>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub original: Option<String>,
}

/// A resolved temporal expression: the contract's `Time`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Time {
    /// The main part of the expression, exactly as in the document.
    pub text: String,
    /// Character offsets `[start, end)` of `text` in the original document.
    pub span: crate::units::CharSpan,
    /// The rule that read it.
    pub rule: String,
    /// The calendar of the expression as written.
    pub calendar: Calendar,
    /// TIMEX3-style value, always Gregorian (see the contract).
    pub value: Option<String>,
    pub precision: Precision,
    /// Inclusive Gregorian bounds; null when unresolved or open.
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub solar_hijri: Option<Bounds>,
    pub lunar_hijri: Option<LunarBounds>,
    /// The date in its own calendar when that is not Gregorian.
    pub original: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_of_day: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    #[schemars(with = "Option<String>")]
    pub modifier: Option<Modifier>,
    /// Where the year came from, for a date that needed one and got it;
    /// null for durations, references and unresolved dates.
    #[serde(default)]
    pub year_from: Option<YearSource>,
    pub alternative: Option<Box<Alternative>>,
    pub repaired: Option<Repair>,
}

/// The TIMEX3 reference points a `value` may be (`PRESENT_REF` …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reference {
    Present,
    Past,
    Future,
}

impl Reference {
    /// The `value` string of the contract.
    pub fn as_str(self) -> &'static str {
        match self {
            Reference::Present => "PRESENT_REF",
            Reference::Past => "PAST_REF",
            Reference::Future => "FUTURE_REF",
        }
    }

    /// The `value` string, owned.
    pub fn value(self) -> String {
        self.as_str().to_owned()
    }

    /// Reads a `value` string.
    pub fn from_value(v: &str) -> Option<Reference> {
        [Reference::Present, Reference::Past, Reference::Future]
            .into_iter()
            .find(|r| r.as_str() == v)
    }
}

/// Where a date's year came from: the contract's `year_from`. The policy,
/// in order of precedence: a year written in the expression; the other
/// calendar of a dual date; the nearest explicit date before it in its
/// paragraph (or the date an anaphor such as «آن سال» points back to); the
/// publication date with the clause's tense.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum YearSource {
    /// Written in the expression itself.
    Explicit,
    /// Given by the other calendar of a dual date.
    Partner,
    /// The year of a date the text gave before it (the nearest explicit
    /// date of its paragraph, or the one an anaphor points back to).
    Context,
    /// The publication date, by the clause's tense («امسال», a yearless
    /// date, a bare weekday).
    Publication,
}

impl Time {
    /// The TIMEX3 reference point this time's value is, if any.
    pub fn reference(&self) -> Option<Reference> {
        self.value.as_deref().and_then(Reference::from_value)
    }

    /// The resolved interval, when both ends are known.
    pub fn interval(&self) -> Option<Interval> {
        Some(Interval {
            start: self.start?,
            end: self.end?,
        })
    }
}

/// One resolved mention with its TIMEX3 type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub kind: MentionType,
    pub time: Time,
    /// The mention can anchor yearless dates after it.
    pub explicit: bool,
    pub paragraph: usize,
    pub tense: Tense,
}

/// Options of resolution.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// The document's publication date.
    pub published: Option<NaiveDate>,
    pub lunar: LunarVariant,
}

/// Days from a day to the nearest day of an interval (0 inside it).
/// The contract's alternative reading: mention `am` read as `ap`.
fn alternative_of(am: &Mention, ap: &Point) -> Box<Alternative> {
    Box::new(Alternative {
        calendar: ap.calendar,
        text: am.text.clone(),
        span: am.span,
        value: Some(ap.value.clone()),
        start: Some(ap.iv.start),
        end: Some(ap.iv.end),
        original: ap.original.clone(),
    })
}

/// The alternative reading of a dual date's partner that could not be
/// placed: what the text gives, with no bounds (`XXXX-11-30`).
fn unplaced_alternative(am: &Mention) -> Option<Box<Alternative>> {
    let Expr::Date(aspec) = &am.expr else {
        return None;
    };
    let cal = spec_calendar(aspec);
    let label = partial_label(aspec);
    Some(Box::new(Alternative {
        calendar: cal,
        text: am.text.clone(),
        span: am.span,
        value: (cal == Calendar::Gregorian).then(|| label.clone()),
        start: None,
        end: None,
        original: (cal != Calendar::Gregorian).then_some(label),
    }))
}

/// How near publication (in days) a named day is the one at hand.
const NAMED_DAY_AT_HAND: i64 = 30;

/// True for the rules that read named days (holidays, by their table).
fn is_named_day(rule: &str) -> bool {
    rule.contains("/holiday")
}

fn distance_to(iv: &Interval, d: NaiveDate) -> i64 {
    if iv.contains(d) {
        0
    } else {
        (iv.start - d)
            .num_days()
            .abs()
            .min((iv.end - d).num_days().abs())
    }
}

/// The latest explicit date of a paragraph: where it starts, and how
/// precise it is (only a day anchors a yearless date against the
/// publication date's reading).
#[derive(Debug, Clone, Copy)]
struct Anchor {
    start: NaiveDate,
    precision: Precision,
}

/// The interval, precision and labels a spec resolves to.
struct Point {
    iv: Interval,
    precision: Precision,
    calendar: Calendar,
    /// `original` (the date in its own calendar).
    original: Option<String>,
    value: String,
}

struct Resolver<'a> {
    ctx: Context,
    doc: &'a str,
    diagnostics: Vec<Diagnostic>,
    /// The start of the last explicit date of the document (anaphora:
    /// «آن سال», «سه روز بعد»).
    last_explicit: Option<NaiveDate>,
    /// The day the text spoke of last (see `resolve_all`).
    last_day: Option<NaiveDate>,
    /// The start of the date of any precision the text spoke of last
    /// ("founded in 1985 … a year later").
    last_point: Option<NaiveDate>,
    /// The start of the first Gregorian quarter the text names ("the
    /// third quarter", "this quarter"): the quarter a report is about, that
    /// "the quarter", "the latest quarter", "the 1988 period" and "the
    /// year-ago quarter" speak of.
    topic_quarter: Option<NaiveDate>,
    /// The date spoken of last was a quarter: "a year earlier" after it is
    /// that quarter a year before (TimeML reads the count in the unit of
    /// its anchor).
    last_was_quarter: bool,
    /// The TIMEX3 value and precision of a date before the common era that
    /// [`Resolver::point`] gave no bounds (`BC0535`).
    before_era: Option<(String, Precision)>,
}

/// Resolves the mentions of one document, in order.
pub fn resolve_all(
    document: &str,
    mentions: &[Mention],
    ctx: Context,
) -> (Vec<Resolved>, Vec<Diagnostic>) {
    let mut r = Resolver {
        ctx,
        doc: document,
        diagnostics: Vec::new(),
        last_explicit: None,
        last_day: None,
        last_point: None,
        topic_quarter: None,
        last_was_quarter: false,
        before_era: None,
    };
    let mut out: Vec<Resolved> = Vec::with_capacity(mentions.len());
    // The latest explicit date of each paragraph anchors yearless dates
    // when there is no publication date.
    let mut anchor: Option<(usize, Anchor)> = None;
    for m in mentions {
        let para_anchor = anchor.filter(|(p, _)| *p == m.paragraph).map(|(_, a)| a);
        let res = r.resolve(m, para_anchor);
        // A date placed by the publication date («ماه حمل امسال», «دیروز»)
        // moves the story on: it becomes the paragraph's anchor too, so a
        // yearless date after it is not pulled back to an older one.
        if !m.explicit
            && m.repaired.is_none()
            && m.kind == MentionType::Date
            && let Some(s) = res.time.start
            && (matches!(m.expr, Expr::Relative { .. })
                || res.time.year_from == Some(YearSource::Publication))
        {
            anchor = Some((
                m.paragraph,
                Anchor {
                    start: s,
                    precision: res.time.precision,
                },
            ));
        }
        // The day the text spoke of last, for «that night», «سه روز بعد»:
        // a date it gave (written in full, yearless, a weekday: «on Tuesday
        // evening … late that night», "seized on Feb. 20 and released four
        // days later") or a day counted from publication («لحظاتی پیش»,
        // «دیروز»); not a day counted from another («روز بعد»), which
        // would carry a count on to the next.
        let point = matches!(&m.expr, Expr::Date(_));
        let deictic = matches!(
            m.expr,
            Expr::Relative {
                rel: crate::lang::expr::Relative::Days(_),
                anaphoric: false,
                ..
            }
        );
        if (m.explicit || point || deictic)
            && !m.chrome
            && m.repaired.is_none()
            && res.time.modifier.is_none()
            && let Some(s) = res.time.start
        {
            r.last_point = Some(s);
            r.last_was_quarter = res.time.precision == Precision::Quarter;
            if res.time.precision == Precision::Day {
                r.last_day = Some(s);
            }
        }
        // The report's quarter: the first one the text names or counts from
        // publication ("this quarter"), not one counted from another.
        if r.topic_quarter.is_none()
            && res.time.precision == Precision::Quarter
            && res.time.modifier.is_none()
            && !matches!(
                m.expr,
                Expr::Relative {
                    anaphoric: true,
                    ..
                }
            )
            && let Some(s) = res.time.start
        {
            r.topic_quarter = Some(s);
        }
        if m.explicit
            && m.repaired.is_none()
            && let Some(s) = res.time.start
        {
            anchor = Some((
                m.paragraph,
                Anchor {
                    start: s,
                    precision: res.time.precision,
                },
            ));
            r.last_explicit = Some(s);
        }
        out.push(res);
    }
    (out, r.diagnostics)
}

fn spec_calendar(s: &DateSpec) -> Calendar {
    s.calendar.unwrap_or(Calendar::Gregorian)
}

fn original_of(cal: Calendar, s: &DateSpec) -> Option<String> {
    if cal == Calendar::Gregorian {
        return None;
    }
    Some(partial_label(s))
}

/// `1399`, `1399-08`, `1399-08-10`, `137X`, `XXXX-08-17`.
fn partial_label(s: &DateSpec) -> String {
    let y = match s.year {
        Some(y) if s.decade => format!("{:03}X", y / 10),
        Some(y) => format!("{y:04}"),
        None => "XXXX".to_string(),
    };
    match (s.month, s.day) {
        (Some(m), Some(d)) => format!("{y}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{y}-{m:02}"),
        _ => y,
    }
}

/// The Saturday of the weekend `dir` says (see [`Relative::Weekend`]) as
/// told on `p`: the last one on or before it, or the next one not yet over
/// (the current one on a Sunday), by the direction or else the tense; with
/// neither, the nearer.
fn weekend_saturday(p: NaiveDate, dir: i32, tense: Tense) -> Option<NaiveDate> {
    let wd = p.weekday().num_days_from_monday() as i64; // Saturday = 5
    let back = (wd - 5).rem_euclid(7);
    let fwd = if wd == 6 { -1 } else { (5 - wd).rem_euclid(7) };
    let n = match (dir, tense) {
        (d, _) if d < 0 => -back,
        (d, _) if d > 0 => fwd,
        (_, Tense::Past | Tense::Perfect) => -back,
        (_, Tense::Future) => fwd,
        _ if back <= fwd.abs() => -back,
        _ => fwd,
    };
    shift_days(p, n)
}

/// A quarter's length in days, at most: a quarter reported within this
/// long of its end is the one at hand.
const QUARTER_DAYS: i64 = 92;

/// The Gregorian quarter `q` (1–4) of `year`: three months from January,
/// April, July or October, its TIMEX3 value `1989-Q3`.
fn quarter_point(year: i32, q: u8) -> Option<Point> {
    let q = q.clamp(1, 4);
    let start = NaiveDate::from_ymd_opt(year, u32::from(q - 1) * 3 + 1, 1)?;
    let end = start
        .checked_add_months(chrono::Months::new(3))?
        .pred_opt()?;
    Some(Point {
        iv: Interval { start, end },
        precision: Precision::Quarter,
        calendar: Calendar::Gregorian,
        original: None,
        value: format!("{year:04}-Q{q}"),
    })
}

/// The quarter `n` quarters from the one `d` is in.
fn quarter_from(d: NaiveDate, n: i32) -> Option<Point> {
    let idx = (d.year().checked_mul(4)? + d.month0() as i32 / 3).checked_add(n)?;
    quarter_point(idx.div_euclid(4), (idx.rem_euclid(4) + 1) as u8)
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn day_interval_value(iv: Interval) -> String {
    if iv.start == iv.end {
        iso(iv.start)
    } else {
        format!("{}/{}", iso(iv.start), iso(iv.end))
    }
}

/// Whether a day can be written as `YYYY-MM-DD` ([`WRITTEN_YEARS`]).
fn written(d: NaiveDate) -> bool {
    WRITTEN_YEARS.contains(&d.year())
}

/// "year -2980" or "years -2980 to -2979" of an interval.
fn gregorian_years(iv: Interval) -> String {
    let (a, b) = (iv.start.year(), iv.end.year());
    if a == b {
        format!("year {a}")
    } else {
        format!("years {a} to {b}")
    }
}

fn shift_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

impl Resolver<'_> {
    fn diag(&mut self, severity: Severity, code: Code, span: CharSpan, message: String) {
        self.diagnostics.push(Diagnostic {
            severity,
            code,
            message,
            document: self.doc.to_string(),
            span: Some(span),
            events: Vec::new(),
        });
    }

    /// The interval of a complete spec (its year known), when its days are
    /// in years 1–9999 ([`WRITTEN_YEARS`]); an `out-of-range` warning and
    /// none when they are not.
    fn point(&mut self, s: &DateSpec, m: &Mention) -> Option<Point> {
        let p = self.point_any_year(s, m)?;
        // A Gregorian year, decade or century wholly before the common era
        // («۵۳۵ قبل از میلاد», "the fifth century BC"): no bounds, but its
        // TIMEX3 value (`BC0535`, `BC0500/BC0401`).
        if p.calendar == Calendar::Gregorian
            && p.iv.end.year() < *WRITTEN_YEARS.start()
            && matches!(
                p.precision,
                Precision::Year | Precision::Decade | Precision::Century
            )
        {
            let bc = |y: i32| format!("BC{:04}", 1 - y);
            let value = if p.precision == Precision::Year {
                bc(p.iv.start.year())
            } else {
                format!("{}/{}", bc(p.iv.start.year()), bc(p.iv.end.year()))
            };
            self.diag(
                Severity::Info,
                Code::OutOfRange,
                m.span,
                format!(
                    "«{}» is before the common era: its value is {value} (TIMEX3), with no bounds, as a date field holds the years {}–{} only",
                    m.text,
                    WRITTEN_YEARS.start(),
                    WRITTEN_YEARS.end()
                ),
            );
            self.before_era = Some((value, p.precision));
            return None;
        }
        if !written(p.iv.start) || !written(p.iv.end) {
            self.out_of_range(
                m,
                format!(
                    "it would be {} in the Gregorian calendar",
                    gregorian_years(p.iv)
                ),
            );
            return None;
        }
        Some(p)
    }

    /// Reports a date that cannot be written (`out-of-range`).
    fn out_of_range(&mut self, m: &Mention, why: String) {
        self.diag(
            Severity::Warning,
            Code::OutOfRange,
            m.span,
            format!(
                "«{}» is outside the years {}–{} a date is written in: {why}; it is left unresolved",
                m.text,
                WRITTEN_YEARS.start(),
                WRITTEN_YEARS.end()
            ),
        );
    }

    /// [`Resolver::point`] in any year icu can compute.
    fn point_any_year(&mut self, s: &DateSpec, m: &Mention) -> Option<Point> {
        let cal = spec_calendar(s);
        let year = s.year?;
        if s.year_out_of_range {
            self.diag(
                Severity::Warning,
                Code::OutOfRange,
                m.span,
                format!(
                    "«{}» has a year that fits no calendar tarikh reads without an era marker: it is left unresolved, not placed in the publication year",
                    m.text
                ),
            );
            return None;
        }
        if let Some(q) = s.quarter {
            return quarter_point(year, q);
        }
        if let Some(season) = s.season {
            // Seasons are three Solar Hijri months; a Gregorian year's
            // season is the one that begins in it (Solar year = year − 621).
            let sy = if cal == Calendar::SolarHijri {
                year
            } else {
                year - 621
            };
            let first = (season.clamp(1, 4) - 1) * 3 + 1;
            let a = PartialDate::month(Calendar::SolarHijri, sy, first)
                .interval(self.ctx.lunar)
                .ok()?;
            let b = PartialDate::month(Calendar::SolarHijri, sy, first + 2)
                .interval(self.ctx.lunar)
                .ok()?;
            let iv = Interval {
                start: a.start,
                end: b.end,
            };
            return Some(Point {
                iv,
                precision: Precision::Season,
                calendar: cal,
                original: (cal != Calendar::Gregorian)
                    .then(|| format!("{sy:04}-{first:02}/{sy:04}-{:02}", first + 2)),
                value: day_interval_value(iv),
            });
        }
        if s.decade || s.century {
            let span = if s.decade { 10 } else { 100 };
            let first = PartialDate::year(cal, year).interval(self.ctx.lunar).ok()?;
            let last = PartialDate::year(cal, year + span - 1)
                .interval(self.ctx.lunar)
                .ok()?;
            let iv = Interval {
                start: first.start,
                end: last.end,
            };
            let value = if cal == Calendar::Gregorian {
                if s.decade {
                    format!("{:03}X", year / 10)
                } else if year % 100 == 0 {
                    // The 20th century is the 1900s: `19XX`.
                    format!("{:02}XX", year / 100)
                } else {
                    format!("{year:04}/{:04}", year + span - 1)
                }
            } else {
                day_interval_value(iv)
            };
            return Some(Point {
                iv,
                precision: if s.decade {
                    Precision::Decade
                } else {
                    Precision::Century
                },
                calendar: cal,
                original: original_of(cal, s),
                value,
            });
        }
        let pd = PartialDate {
            calendar: cal,
            year,
            month: s.month,
            day: s.month.and(s.day),
        };
        match pd.interval(self.ctx.lunar) {
            Ok(iv) => {
                let value = match (cal, pd.precision()) {
                    (Calendar::Gregorian, Precision::Year) => format!("{year:04}"),
                    (Calendar::Gregorian, Precision::Month) => {
                        format!("{year:04}-{:02}", s.month.unwrap_or(1))
                    }
                    _ => day_interval_value(iv),
                };
                Some(Point {
                    iv,
                    precision: pd.precision(),
                    calendar: cal,
                    original: original_of(cal, s),
                    value,
                })
            }
            Err(e) if e.kind() == crate::error::DateErrorKind::YearOutOfRange => {
                self.out_of_range(m, e.to_string());
                None
            }
            Err(e) => {
                self.diag(
                    Severity::Warning,
                    Code::InvalidDate,
                    m.span,
                    format!("«{}» is not a real date: {e}", m.text),
                );
                None
            }
        }
    }

    /// The year for a yearless spec, from the publication date and the
    /// tense, or from the paragraph's last explicit date.
    fn place_yearless(
        &mut self,
        s: &DateSpec,
        tense: Tense,
        para_anchor: Option<Anchor>,
        named: bool,
    ) -> Option<(DateSpec, bool)> {
        let cal = spec_calendar(s);
        let month = match s.quarter {
            Some(_) => 1,
            None => s.month?,
        };
        let lunar = self.ctx.lunar;
        let with_year = |y: i32| DateSpec {
            year: Some(y),
            ..*s
        };
        let iv_of = |y: i32| {
            if let Some(q) = s.quarter {
                return quarter_point(y, q).map(|p| p.iv);
            }
            PartialDate {
                calendar: cal,
                year: y,
                month: Some(month),
                day: s.day,
            }
            .interval(lunar)
            .ok()
        };
        // A weekday written with the day («شنبه ۳۰ نوامبر», "Saturday,
        // Nov. 30») names its year: of the years around the anchor, the
        // one whose day falls on that weekday, when only one does —
        // whatever the tense.
        if let (Some(wd), Some(_)) = (s.weekday, s.day)
            && let Some(a) = para_anchor.map(|a| a.start).or(self.ctx.published)
        {
            let ya = from_gregorian(a, cal, lunar).year;
            let fits: Vec<i32> = (ya - 1..=ya + 1)
                .filter(|&y| {
                    iv_of(y).is_some_and(|iv| iv.start.weekday().number_from_monday() == wd as u32)
                })
                .collect();
            if let [y] = fits[..] {
                return Some((with_year(y), para_anchor.is_some()));
            }
        }
        // A year before it in its paragraph («سال ۱۳۶۷» over «۱۲ فروردین:»,
        // "In 1994 … on 3 March"): the reading of the date inside that year.
        if let Some(a) = para_anchor.filter(|a| a.precision == Precision::Year) {
            let ya = from_gregorian(a.start, cal, lunar).year;
            let year_end = a.start + chrono::Duration::days(365);
            let inside = (ya..=ya + 1)
                .filter_map(|y| iv_of(y).map(|iv| (y, iv)))
                .find(|(_, iv)| iv.start >= a.start && iv.start <= year_end);
            if let Some((y, _)) = inside {
                return Some((with_year(y), true));
            }
        }
        // The nearest explicit date before it in its paragraph, when the two
        // fit together: the reading of the date closest to it (within half
        // a year), not after the publication date in a past clause and not
        // before it in a future one.
        if let Some(a) = para_anchor.filter(|a| a.precision == Precision::Day) {
            let a = a.start;
            let ya = from_gregorian(a, cal, lunar).year;
            let distance = |iv: &Interval| distance_to(iv, a);
            let near = (ya - 1..=ya + 1)
                .filter_map(|y| iv_of(y).map(|iv| (y, iv)))
                .min_by_key(|(_, iv)| distance(iv))
                .filter(|(_, iv)| distance(iv) <= 183);
            if let Some((y, iv)) = near {
                // Not after publication in a past clause, nor before it in
                // a future one; an anchor beyond publication (a day its
                // weekday fixed) moves that bound with it.
                let after_publication = self.ctx.published.is_some_and(|p| iv.start > p.max(a));
                let before_publication = self.ctx.published.is_some_and(|p| iv.end < p.min(a));
                let fits = match tense {
                    Tense::Past | Tense::Perfect => !after_publication,
                    Tense::Future => !before_publication,
                    _ => true,
                };
                if fits {
                    return Some((with_year(y), true));
                }
            }
        }
        if let Some(p) = self.ctx.published {
            let y0 = from_gregorian(p, cal, lunar).year;
            let cands: Vec<(i32, Interval)> = (y0 - 1..=y0 + 1)
                .filter_map(|y| iv_of(y).map(|iv| (y, iv)))
                .collect();
            // A named day within a month of publication is the one at hand,
            // whatever the tense: «طالبان برای سه روز عید آتش‌بس اعلام
            // کردند» the day before Eid is this Eid, not last year's.
            if named
                && let Some((y, _)) = cands
                    .iter()
                    .filter(|(_, iv)| distance_to(iv, p) <= NAMED_DAY_AT_HAND)
                    .min_by_key(|(_, iv)| distance_to(iv, p))
            {
                return Some((with_year(*y), false));
            }
            let pick = match tense {
                Tense::Past | Tense::Perfect => cands.iter().rev().find(|(_, iv)| iv.start <= p),
                // A plan takes the next one not yet over: "a decision is
                // expected in late March" said on 5 March is this March, a
                // day on the publication day that day.
                // A quarter's results are told after it ends: "will report
                // third-quarter results" a month after September is this
                // year's third quarter, not next year's.
                Tense::Future if s.quarter.is_some() => cands
                    .iter()
                    .find(|(_, iv)| iv.end + chrono::Duration::days(QUARTER_DAYS) >= p),
                Tense::Future => cands.iter().find(|(_, iv)| iv.end >= p),
                // With no tense to go by, the nearest, a day ahead counting
                // twice a day behind: reporting tells of what happened far
                // more than of what is coming, and a chronology's historical
                // present ("September 21 – Rebels seize …", written in March)
                // is the past.
                _ => cands.iter().min_by_key(|(_, iv)| {
                    if iv.contains(p) {
                        0
                    } else if iv.start > p {
                        2 * (iv.start - p).num_days()
                    } else {
                        (p - iv.end).num_days()
                    }
                }),
            };
            return pick.map(|(y, _)| (with_year(*y), false));
        }
        // No publication date: the anchor's year, however far.
        let a = para_anchor?.start;
        Some((with_year(from_gregorian(a, cal, lunar).year), true))
    }

    /// The weekday of a named week: that week found from the publication
    /// date, whatever the tense («روز چهارشنبه هفته جاری» in a report of
    /// Sunday 11 August 2024 is Wednesday the 14th).
    fn weekday_of_week(&self, iso_wd: u8, w: crate::lang::expr::WeekOf) -> Option<NaiveDate> {
        let p = self.ctx.published?;
        let cur = p.weekday().number_from_monday() as i64;
        let since_start = (cur - w.starts as i64).rem_euclid(7);
        let into_week = (iso_wd as i64 - w.starts as i64).rem_euclid(7);
        shift_days(p, -since_start + 7 * w.offset as i64 + into_week)
    }

    fn weekday_date(&self, iso_wd: u8, tense: Tense) -> Option<NaiveDate> {
        let p = self.ctx.published?;
        let cur = p.weekday().number_from_monday() as i64;
        let want = iso_wd as i64;
        let back = (cur - want).rem_euclid(7); // days back to the previous (or same) one
        let fwd = (want - cur).rem_euclid(7);
        let fwd = if fwd == 0 { 7 } else { fwd };
        let n = match tense {
            Tense::Past | Tense::Perfect => -back,
            Tense::Future => fwd,
            _ => {
                if back <= fwd {
                    -back
                } else {
                    fwd
                }
            }
        };
        shift_days(p, n)
    }

    fn relative(
        &self,
        rel: Relative,
        cal: Calendar,
        base: Option<NaiveDate>,
    ) -> Option<(Interval, Precision, String)> {
        let p = base?;
        let lunar = self.ctx.lunar;
        Some(match rel {
            Relative::Days(n) => {
                let d = shift_days(p, n as i64)?;
                (Interval::day(d), Precision::Day, iso(d))
            }
            Relative::Weeks(n) => {
                // Solar Hijri weeks start on Saturday, Gregorian on Monday.
                let first = if cal == Calendar::Gregorian { 1 } else { 6 };
                let cur = p.weekday().number_from_monday() as i64;
                let back = (cur - first).rem_euclid(7);
                let start = shift_days(p, -back + 7 * n as i64)?;
                let end = shift_days(start, 6)?;
                let iv = Interval { start, end };
                (iv, Precision::Week, day_interval_value(iv))
            }
            Relative::Months(n) => {
                let ymd = from_gregorian(p, cal, lunar);
                // Checked: a count from hostile text may be near i32::MAX.
                let idx = (ymd.year * 12 + (ymd.month as i32 - 1)).checked_add(n)?;
                let (y, m) = (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u8);
                let iv = PartialDate::month(cal, y, m).interval(lunar).ok()?;
                let value = if cal == Calendar::Gregorian {
                    format!("{y:04}-{m:02}")
                } else {
                    day_interval_value(iv)
                };
                (iv, Precision::Month, value)
            }
            Relative::Quarters(n) => {
                let q = quarter_from(p, n)?;
                (q.iv, Precision::Quarter, q.value)
            }
            // `p` is the weekend's Saturday (see `relative_time`).
            Relative::Weekend(_) => {
                let start = p;
                let end = shift_days(start, 1)?;
                let w = start.iso_week();
                let value = format!("{:04}-W{:02}-WE", w.year(), w.week());
                (Interval { start, end }, Precision::Week, value)
            }
            Relative::Years(n) | Relative::YearCount(n) => {
                let y = from_gregorian(p, cal, lunar).year.checked_add(n)?;
                let iv = PartialDate::year(cal, y).interval(lunar).ok()?;
                let value = if cal == Calendar::Gregorian {
                    format!("{y:04}")
                } else {
                    day_interval_value(iv)
                };
                (iv, Precision::Year, value)
            }
            Relative::Present => (Interval::day(p), Precision::Day, Reference::Present.value()),
            Relative::Future => return None,
            Relative::RecentPast => {
                let d = shift_days(p, -1)?;
                (
                    Interval::day(d),
                    Precision::Unknown,
                    Reference::Past.value(),
                )
            }
        })
    }

    fn resolve(&mut self, m: &Mention, para_anchor: Option<Anchor>) -> Resolved {
        let mut t = Time {
            text: m.text.clone(),
            span: m.span,
            rule: m.rule.to_string(),
            calendar: Calendar::Gregorian,
            value: None,
            precision: Precision::Unknown,
            start: None,
            end: None,
            solar_hijri: None,
            lunar_hijri: None,
            original: None,
            time_of_day: m
                .time_of_day
                .map(|(h, mi)| format!("{h:02}:{mi:02}"))
                .or_else(|| m.day_part.map(|p| p.code().to_owned())),
            timezone: m.timezone.map(str::to_owned),
            modifier: m.modifier,
            year_from: None,
            alternative: None,
            repaired: m.repaired.clone(),
        };
        let iv = match &m.expr {
            Expr::Duration {
                amount,
                unit,
                to_now,
                half,
            } => {
                Self::duration(&mut t, *amount, *unit);
                if *half {
                    t.value = Some(unit.iso_duration_half(*amount));
                }
                if *to_now && !*half {
                    self.span_to_now(*amount, *unit)
                } else {
                    None
                }
            }
            // A set has no interval: its value says what repeats.
            Expr::Set(r) => {
                t.value = Some(r.timex());
                t.precision = Precision::Unknown;
                None
            }
            Expr::Relative {
                rel,
                calendar,
                anaphoric,
            } => self.relative_time(m, &mut t, *rel, *calendar, *anaphoric),
            Expr::Date(spec) => self.date_time(m, &mut t, spec, para_anchor),
            Expr::Range { from, to, reversed } => {
                self.range_time(m, &mut t, from, to, *reversed, para_anchor)
            }
        };
        if let Some(i) = iv {
            self.bounds(m, &mut t, i);
        }
        Resolved {
            kind: m.kind,
            explicit: m.explicit,
            paragraph: m.paragraph,
            tense: m.tense,
            time: t,
        }
    }

    /// The days of a span that ends on the publication day («دو روز
    /// گذشته», "the past 24 hours", "the past two years"): from that day
    /// less the amount (hours within a day count as the day before) to it.
    fn span_to_now(&self, amount: u32, unit: crate::lang::expr::Unit) -> Option<Interval> {
        use crate::lang::expr::Unit;
        let p = self.ctx.published?;
        let n = i64::from(amount);
        let start = match unit {
            Unit::Hour => p.checked_sub_days(chrono::Days::new(amount.div_ceil(24).into()))?,
            Unit::Day => shift_days(p, -n)?,
            Unit::Week => shift_days(p, -7 * n)?,
            Unit::Month => p.checked_sub_months(chrono::Months::new(amount))?,
            Unit::Year => p.checked_sub_months(chrono::Months::new(amount.checked_mul(12)?))?,
            _ => return None,
        };
        (amount > 0 && written(start)).then_some(Interval { start, end: p })
    }

    /// A duration: its ISO value and the precision of its unit.
    fn duration(t: &mut Time, amount: u32, unit: crate::lang::expr::Unit) {
        use crate::lang::expr::Unit;
        t.value = Some(unit.iso_duration(amount));
        t.precision = match unit {
            Unit::Day => Precision::Day,
            Unit::Week => Precision::Week,
            Unit::Month => Precision::Month,
            Unit::Year => Precision::Year,
            Unit::Decade => Precision::Decade,
            Unit::Century => Precision::Century,
            _ => Precision::Unknown,
        };
    }

    /// A date relative to the publication date («دیروز», "last week") or,
    /// anaphoric, to the last date the text gave to the day («سه روز بعد»).
    fn relative_time(
        &mut self,
        m: &Mention,
        t: &mut Time,
        rel: Relative,
        calendar: Calendar,
        anaphoric: bool,
    ) -> Option<Interval> {
        t.calendar = calendar;
        // Quarters count from the report's quarter ("the latest quarter",
        // "the year-ago quarter"), else from the last one over at
        // publication (a report is of a quarter that has ended); a count of
        // years right after a quarter counts in quarters ("a year earlier":
        // 1988-Q3 after "the third quarter" of 1989).
        let (rel, quarter_base) = match rel {
            Relative::Quarters(n) if anaphoric => match self.topic_quarter {
                Some(q) => (rel, Some(q)),
                None => (Relative::Quarters(n - 1), self.ctx.published),
            },
            Relative::YearCount(n) if self.last_was_quarter && self.last_point.is_some() => {
                (Relative::Quarters(n.saturating_mul(4)), self.last_point)
            }
            _ => (rel, None),
        };
        let base = if let Some(q) = quarter_base {
            Some(q)
        } else if let Relative::Weekend(dir) = rel {
            self.ctx
                .published
                .and_then(|p| weekend_saturday(p, dir, m.tense))
        } else if anaphoric {
            // Days count from the last day; longer units from the last
            // date of any precision («سال بعد» after «۱۳۶۷»).
            match rel {
                Relative::Days(_) => self.last_day,
                _ => self.last_point.or(self.last_day),
            }
            .or(self.ctx.published)
        } else {
            self.ctx.published
        };
        match self.relative(rel, calendar, base) {
            Some((i, prec, value)) => {
                t.precision = prec;
                t.value = Some(value);
                if calendar != Calendar::Gregorian && prec != Precision::Unknown {
                    t.original = Some(self.original_label(i, calendar, prec));
                }
                if rel == Relative::RecentPast {
                    t.modifier = Some(Modifier::Before);
                    t.start = None;
                }
                Some(i)
            }
            None => {
                t.precision = match rel {
                    Relative::Days(_) | Relative::Present => Precision::Day,
                    Relative::Weeks(_) | Relative::Weekend(_) => Precision::Week,
                    Relative::Months(_) => Precision::Month,
                    Relative::Quarters(_) => Precision::Quarter,
                    Relative::Years(_) | Relative::YearCount(_) => Precision::Year,
                    Relative::RecentPast | Relative::Future => Precision::Unknown,
                };
                match rel {
                    Relative::Present => t.value = Some(Reference::Present.value()),
                    Relative::RecentPast => t.value = Some(Reference::Past.value()),
                    Relative::Future => t.value = Some(Reference::Future.value()),
                    // With a date to count from, only a count past the
                    // years a date is written in fails.
                    _ if base.is_some() => {
                        t.precision = Precision::Unknown;
                        self.out_of_range(m, "it counts past them from its anchor".to_string());
                    }
                    _ => self.unresolved(m),
                }
                None
            }
        }
    }

    /// A point: a year, a month, a day, a decade, a weekday; a yearless
    /// one takes its year as [`Resolver::date`] says.
    fn date_time(
        &mut self,
        m: &Mention,
        t: &mut Time,
        spec: &DateSpec,
        para_anchor: Option<Anchor>,
    ) -> Option<Interval> {
        self.before_era = None;
        let (p, source) = self.date(spec, m, para_anchor, t);
        let Some(p) = p else {
            if let Some((value, precision)) = self.before_era.take() {
                t.value = Some(value);
                t.precision = precision;
                t.year_from = Some(source);
            }
            return None;
        };
        t.calendar = p.calendar;
        t.precision = p.precision;
        t.value = Some(p.value);
        t.original = p.original;
        t.year_from = Some(source);
        Some(p.iv)
    }

    /// A closed range as written; one written high to low is read low to
    /// high with a `reversed-range` note.
    fn range_time(
        &mut self,
        m: &Mention,
        t: &mut Time,
        from: &DateSpec,
        to: &DateSpec,
        reversed: bool,
        para_anchor: Option<Anchor>,
    ) -> Option<Interval> {
        // A range with no year on either side («۱۹ و ۲۰ اسفند», «سه روز
        // عید فطر», "9–10 May") takes its year as a yearless date does,
        // by its first day; a far end earlier in the year than the near
        // one is in the next year.
        let (mut from, mut to) = (*from, *to);
        if from.year.is_none()
            && to.year.is_none()
            && from.month.is_some()
            && spec_calendar(&from) == spec_calendar(&to)
        {
            if let (Some(off), Some(p)) = (from.rel_year, self.ctx.published) {
                from.year =
                    Some(from_gregorian(p, spec_calendar(&from), self.ctx.lunar).year + off);
                t.year_from = Some(YearSource::Publication);
            } else if let Some((s, para)) =
                self.place_yearless(&from, m.tense, para_anchor, is_named_day(m.rule))
            {
                from = s;
                t.year_from = Some(if para {
                    YearSource::Context
                } else {
                    YearSource::Publication
                });
            }
            if let Some(y) = from.year {
                let later = (to.month, to.day) >= (from.month, from.day) || to.month.is_none();
                to.year = Some(if later { y } else { y + 1 });
            }
        }
        let (from, to) = (&from, &to);
        let a = self.point(from, m);
        let b = self.point(to, m);
        t.calendar = spec_calendar(to);
        let (a, b) = (a?, b?);
        let (lo, hi) = if a.iv.start <= b.iv.start {
            (a, b)
        } else {
            (b, a)
        };
        if reversed {
            self.diag(
                Severity::Info,
                Code::ReversedRange,
                m.span,
                format!(
                    "«{}» is written high to low; read as {} to {}",
                    m.text,
                    iso(lo.iv.start),
                    iso(hi.iv.end)
                ),
            );
        }
        let range = Interval {
            start: lo.iv.start,
            end: hi.iv.end.max(lo.iv.end),
        };
        t.precision = lo.precision.max(hi.precision);
        t.calendar = hi.calendar;
        t.value = Some(match (hi.calendar, t.precision) {
            (Calendar::Gregorian, Precision::Year | Precision::Month | Precision::Decade) => {
                format!("{}/{}", lo.value, hi.value)
            }
            _ => day_interval_value(range),
        });
        if let (Some(x), Some(y)) = (lo.original, hi.original) {
            t.original = Some(format!("{x}/{y}"));
        }
        Some(range)
    }

    /// The bounds of a resolved interval: open sides by the modifier, and
    /// the same bounds in Solar and Lunar Hijri.
    fn bounds(&mut self, m: &Mention, t: &mut Time, i: Interval) {
        let (mut start, mut end) = (Some(i.start), Some(i.end));
        match m.modifier {
            Some(Modifier::Since) => {
                end = self.ctx.published.filter(|p| *p > i.start);
            }
            Some(Modifier::Until) => start = None,
            Some(Modifier::Before) => {
                start = None;
                end = shift_days(i.start, -1);
            }
            Some(Modifier::After) => {
                start = shift_days(i.end, 1);
                end = None;
            }
            _ => {}
        }
        if t.reference() == Some(Reference::Past) {
            start = None;
        }
        // Nothing outside years 1–9999 is written: a date past them is
        // reported and left unresolved.
        if let Some(d) = [start, end].into_iter().flatten().find(|d| !written(*d)) {
            self.out_of_range(m, format!("it would reach {d} in the Gregorian calendar"));
            t.value = None;
            t.precision = Precision::Unknown;
            t.original = None;
            t.year_from = None;
            return;
        }
        t.start = start;
        t.end = end;
        let lunar = self.ctx.lunar;
        let fmt = |d: Option<NaiveDate>, cal| d.map(|d| from_gregorian(d, cal, lunar));
        let fits = |a: Option<Ymd>, b: Option<Ymd>| {
            [a, b]
                .into_iter()
                .flatten()
                .all(|d| WRITTEN_YEARS.contains(&d.year))
        };
        // Before year 1 of a Hijri calendar (a Gregorian date before 622),
        // that calendar's bounds are left out and said to be.
        let mut left_out = Vec::new();
        let (a, b) = (
            fmt(start, Calendar::SolarHijri),
            fmt(end, Calendar::SolarHijri),
        );
        t.solar_hijri = if fits(a, b) {
            Some(Bounds { start: a, end: b })
        } else {
            left_out.push(Calendar::SolarHijri);
            None
        };
        let variant_year = start
            .or(end)
            .map(|d| from_gregorian(d, Calendar::LunarHijri, lunar).year)
            .unwrap_or(1440);
        let (a, b) = (
            fmt(start, Calendar::LunarHijri),
            fmt(end, Calendar::LunarHijri),
        );
        t.lunar_hijri = if fits(a, b) {
            Some(LunarBounds {
                start: a,
                end: b,
                variant: lunar_variant_used(variant_year, lunar),
            })
        } else {
            left_out.push(Calendar::LunarHijri);
            None
        };
        if !left_out.is_empty() {
            if left_out.contains(&t.calendar) {
                t.original = None;
            }
            let names = match left_out[..] {
                [a, b] => format!("{} and {} calendars", a.label(), b.label()),
                _ => format!("{} calendar", left_out[0].label()),
            };
            self.diag(
                Severity::Info,
                Code::OutOfRange,
                m.span,
                format!(
                    "«{}» is before year 1 of the {names}: its bounds there are left out",
                    m.text
                ),
            );
        }
        self.check_future(m, t);
    }

    fn original_label(&self, iv: Interval, cal: Calendar, prec: Precision) -> String {
        let (a, b) = interval_in(cal, iv, self.ctx.lunar);
        match prec {
            Precision::Day => a.to_string(),
            Precision::Month => format!("{:04}-{:02}", a.year, a.month),
            Precision::Year => format!("{:04}", a.year),
            _ => format!("{a}/{b}"),
        }
    }

    fn unresolved(&mut self, m: &Mention) {
        self.diag(
            Severity::Info,
            Code::UnresolvedRelative,
            m.span,
            format!(
                "«{}» needs a publication date to be placed in time (give --published YYYY-MM-DD)",
                m.text
            ),
        );
    }

    /// A point date: complete, yearless or a weekday; with its dual reading.
    fn date(
        &mut self,
        spec: &DateSpec,
        m: &Mention,
        para_anchor: Option<Anchor>,
        t: &mut Time,
    ) -> (Option<Point>, YearSource) {
        t.calendar = spec_calendar(spec);
        if spec.is_weekday_only() {
            t.precision = Precision::Day;
            let wd = spec.weekday.unwrap_or(1);
            let day = match spec.week_of {
                Some(w) => self.weekday_of_week(wd, w),
                None => self.weekday_date(wd, m.tense),
            };
            return match day {
                Some(d) => {
                    let pp = Point {
                        iv: Interval::day(d),
                        precision: Precision::Day,
                        calendar: Calendar::Gregorian,
                        original: None,
                        value: iso(d),
                    };
                    self.weekday_alternative(m, &pp, t);
                    (Some(pp), YearSource::Publication)
                }
                None => {
                    t.value = Some(format!("XXXX-WXX-{wd}"));
                    self.unresolved(m);
                    (None, YearSource::Publication)
                }
            };
        }
        let mut spec = *spec;
        let mut source = YearSource::Explicit;
        // A dual date: resolve the alternative first when the primary has
        // no year, and take the year from it.
        let alt_mention = m.alternative.as_deref();
        let mut alt_point = None;
        if let Some(am) = alt_mention
            && let Expr::Date(aspec) = &am.expr
        {
            let mut aspec = *aspec;
            if aspec.year.is_some() {
                alt_point = self.point(&aspec, am);
            }
            if spec.year.is_none()
                && let Some(ap) = &alt_point
            {
                spec = self.year_near(&spec, ap.iv).unwrap_or(spec);
                if spec.year.is_some() {
                    source = YearSource::Partner;
                }
            }
            if aspec.year.is_none()
                && spec.year.is_some()
                && let Some(pp) = self.point(&spec, m)
            {
                aspec = self.year_near(&aspec, pp.iv).unwrap_or(aspec);
                alt_point = self.point(&aspec, am);
            }
            let _ = aspec;
        }
        // «the 1988 quarter», «last year's period»: the report's quarter
        // gives the number, and the year when none is written.
        if spec.quarter_from_context && spec.quarter.is_none() {
            t.precision = Precision::Quarter;
            let Some(lq) = self.topic_quarter else {
                self.unresolved(m);
                return (None, YearSource::Context);
            };
            spec.quarter = Some(((lq.month0() / 3) + 1) as u8);
            if spec.year.is_none() && spec.rel_year.is_none() {
                spec.year = Some(lq.year());
                source = YearSource::Context;
            }
        }
        if spec.year.is_none() && spec.year_from_context {
            let cal = spec_calendar(&spec);
            if let Some(a) = para_anchor.map(|a| a.start).or(self.last_explicit) {
                spec.year = Some(from_gregorian(a, cal, self.ctx.lunar).year);
                source = YearSource::Context;
            }
        }
        if let (None, Some(off), Some(p)) = (spec.year, spec.rel_year, self.ctx.published) {
            let cal = spec_calendar(&spec);
            spec.year = Some(from_gregorian(p, cal, self.ctx.lunar).year + off);
            source = YearSource::Publication;
        }
        if spec.year.is_none() {
            match self.place_yearless(&spec, m.tense, para_anchor, is_named_day(m.rule)) {
                Some((s, para)) => {
                    spec = s;
                    source = if para {
                        YearSource::Context
                    } else {
                        YearSource::Publication
                    };
                }
                None => {
                    t.precision = if spec.day.is_some() {
                        Precision::Day
                    } else {
                        Precision::Month
                    };
                    let label = partial_label(&spec);
                    if t.calendar == Calendar::Gregorian {
                        t.value = Some(label);
                    } else {
                        t.original = Some(label);
                    }
                    // The partner of an unplaced dual date is as unplaced,
                    // but still the text's reading in its calendar.
                    t.alternative = alt_mention.and_then(unplaced_alternative);
                    self.unresolved(m);
                    return (None, source);
                }
            }
        }
        let p = self.point(&spec, m);
        if let (Some(p), Some(wd)) = (&p, spec.weekday) {
            let actual = p.iv.start.weekday();
            if p.precision == Precision::Day && actual.number_from_monday() as u8 != wd {
                let said = chrono::Weekday::try_from(wd.saturating_sub(1)).ok();
                self.diag(
                    Severity::Warning,
                    Code::WeekdayMismatch,
                    m.span,
                    format!(
                        "«{}» names {} but {} is a {}",
                        m.text,
                        said.map(|w| weekday_name(w, MESSAGES))
                            .unwrap_or("another day"),
                        iso(p.iv.start),
                        weekday_name(actual, MESSAGES)
                    ),
                );
            }
        }
        // Both yearless («بامداد شنبه ۳۰ نوامبر (۱۰ آذرماه)»): the partner
        // takes the year nearest the primary's, once that is placed.
        if alt_point.is_none()
            && let (Some(am), Some(pp)) = (alt_mention, &p)
            && let Expr::Date(aspec) = &am.expr
            && aspec.year.is_none()
            && let Some(aspec) = self.year_near(aspec, pp.iv)
        {
            alt_point = self.point(&aspec, am);
        }
        if let (Some(am), Some(ap)) = (alt_mention, alt_point) {
            if let Some(pp) = &p {
                let agree = if pp.precision == Precision::Day && ap.precision == Precision::Day {
                    pp.iv == ap.iv
                } else {
                    pp.iv.overlaps(&ap.iv)
                };
                if !agree {
                    self.diag(
                        Severity::Warning,
                        Code::CalendarMismatch,
                        m.span,
                                                format!(
                            "«{}»{} is {} in the Gregorian calendar, but the text also gives «{}»{} = {}: the two readings of one date disagree by {} days",
                            m.repaired.as_ref().map_or(m.text.as_str(), |r| r.reading.as_str()),
                            pp.original.as_ref().map_or(String::new(), |o| format!(" ({} {o})", pp.calendar.label())),
                            describe(pp),
                            am.text,
                            ap.original.as_ref().map_or(String::new(), |o| format!(" ({} {o})", ap.calendar.label())),
                            describe(&ap),
                            (pp.iv.start - ap.iv.start).num_days().abs()
                        ),
                    );
                }
            }
            t.alternative = Some(alternative_of(am, &ap));
        } else {
            // A partner that could not be placed (its year far from the
            // primary's, not a real day) is still listed, unplaced.
            t.alternative = alt_mention.and_then(unplaced_alternative);
        }
        (p, source)
    }

    /// The date in parentheses after a weekday («چهارشنبه هفته جاری (۲۴
    /// اسد)»): the alternative reading of the weekday's day, its year the
    /// one nearest it; a day that is not the weekday's is a
    /// `calendar-mismatch`.
    fn weekday_alternative(&mut self, m: &Mention, pp: &Point, t: &mut Time) {
        let Some(am) = m.alternative.as_deref() else {
            return;
        };
        let Expr::Date(aspec) = &am.expr else {
            return;
        };
        let aspec = if aspec.year.is_some() {
            *aspec
        } else {
            self.year_near(aspec, pp.iv).unwrap_or(*aspec)
        };
        let Some(ap) = self.point(&aspec, am) else {
            return;
        };
        if !ap.iv.overlaps(&pp.iv) {
            self.diag(
                Severity::Warning,
                Code::CalendarMismatch,
                m.span,
                format!(
                    "«{}» is {}, but the text also gives «{}» = {}: the two readings of one day disagree",
                    m.text,
                    describe(pp),
                    am.text,
                    describe(&ap)
                ),
            );
        }
        t.alternative = Some(alternative_of(am, &ap));
    }

    /// A yearless spec given the year that puts it nearest to `iv`.
    fn year_near(&self, s: &DateSpec, iv: Interval) -> Option<DateSpec> {
        let cal = spec_calendar(s);
        let y0 = from_gregorian(iv.start, cal, self.ctx.lunar).year;
        (y0 - 1..=y0 + 1)
            .filter_map(|y| {
                let cand = DateSpec {
                    year: Some(y),
                    ..*s
                };
                let ci = PartialDate {
                    calendar: cal,
                    year: y,
                    month: s.month,
                    day: s.month.and(s.day),
                }
                .interval(self.ctx.lunar)
                .ok()?;
                let dist = if ci.overlaps(&iv) {
                    0
                } else {
                    (ci.start - iv.start).num_days().abs()
                };
                Some((dist, cand))
            })
            .min_by_key(|(d, _)| *d)
            .map(|(_, c)| c)
    }

    fn check_future(&mut self, m: &Mention, t: &Time) {
        let (Some(p), Some(s)) = (self.ctx.published, t.start) else {
            return;
        };
        // A named day placed by publication is the one at hand, even told
        // in the past tense («برای عید آتش‌بس اعلام کردند»).
        let placed_named = is_named_day(m.rule) && t.year_from == Some(YearSource::Publication);
        if matches!(m.tense, Tense::Past | Tense::Perfect)
            && s > p
            && !placed_named
            && matches!(m.expr, Expr::Date(_) | Expr::Range { .. })
        {
            self.diag(
                Severity::Warning,
                Code::FutureDate,
                m.span,
                format!(
                    "«{}» ({}) is after the publication date {} but is told in the past tense",
                    m.text,
                    iso(s),
                    iso(p)
                ),
            );
        }
    }
}

/// `10 Aban 1399 = 2020-10-31`, `October 2020 = 2020-10-01 – 2020-10-31`.
fn describe(p: &Point) -> String {
    if p.iv.start == p.iv.end {
        iso(p.iv.start)
    } else {
        format!("{} – {}", iso(p.iv.start), iso(p.iv.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn quarters_are_three_months_from_january() {
        let q = quarter_point(1989, 3).unwrap();
        assert_eq!((q.iv.start, q.iv.end), (d("1989-07-01"), d("1989-09-30")));
        assert_eq!(q.value, "1989-Q3");
        let q = quarter_point(2024, 1).unwrap();
        assert_eq!(q.iv.end, d("2024-03-31"));
        let q = quarter_point(1989, 4).unwrap();
        assert_eq!(q.iv.end, d("1989-12-31"));
    }

    #[test]
    fn quarters_count_across_years() {
        assert_eq!(quarter_from(d("1989-08-15"), -4).unwrap().value, "1988-Q3");
        assert_eq!(quarter_from(d("1989-11-02"), 1).unwrap().value, "1990-Q1");
        assert_eq!(quarter_from(d("1989-01-01"), -1).unwrap().value, "1988-Q4");
        assert_eq!(quarter_from(d("1989-10-01"), 0).unwrap().value, "1989-Q4");
        assert!(quarter_from(d("1989-10-01"), i32::MAX).is_none());
    }

    #[test]
    fn weekends_by_direction_and_tense() {
        // 1990-08-13 is a Monday; 1990-08-11/12 the weekend before it.
        let mon = d("1990-08-13");
        assert_eq!(weekend_saturday(mon, 0, Tense::Past), Some(d("1990-08-11")));
        assert_eq!(
            weekend_saturday(mon, 0, Tense::Future),
            Some(d("1990-08-18"))
        );
        assert_eq!(
            weekend_saturday(mon, -1, Tense::Future),
            Some(d("1990-08-11"))
        );
        assert_eq!(weekend_saturday(mon, 1, Tense::Past), Some(d("1990-08-18")));
        // On a Sunday the weekend at hand is not over yet.
        let sun = d("1990-08-12");
        assert_eq!(
            weekend_saturday(sun, 1, Tense::Present),
            Some(d("1990-08-11"))
        );
        assert_eq!(weekend_saturday(sun, 0, Tense::Past), Some(d("1990-08-11")));
        // A Friday with no tense: tomorrow's.
        assert_eq!(
            weekend_saturday(d("1990-08-10"), 0, Tense::Present),
            Some(d("1990-08-11"))
        );
    }
}
