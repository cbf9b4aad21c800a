//! Calendars: exact Gregorian, Solar Hijri and Lunar Hijri arithmetic, and
//! the resolution of temporal mentions into inclusive Gregorian intervals.
//!
//! This is the only module that touches `icu_calendar`.
//!
//! # Model
//!
//! Every date is a day of the proleptic Gregorian calendar, held as a
//! [`chrono::NaiveDate`]; a date in another calendar is a [`Ymd`] tagged with
//! its [`Calendar`]. Conversions go through day numbers (rata die, day 1 =
//! 0001-01-01 Gregorian, which is chrono's `num_days_from_ce`), so nothing
//! here depends on icu's ISO type or on any optional chrono bridge.
//!
//! * **Solar Hijri** arithmetic is icu's [`Persian`] calendar (the 33-year
//!   rule with the official correction table). No leap rule is written here.
//! * **Lunar Hijri** is computed, never observed. [`LunarVariant::UmmAlQura`]
//!   (the default) uses icu's Umm al-Qura table for the years in
//!   [`UMM_AL_QURA_YEARS`] and, *explicitly in this module*, the tabular
//!   calendar (type II leap years, Friday epoch: "islamic-civil") outside
//!   them; [`lunar_variant_used`] tells which one a year gets. The two agree
//!   on 1 Muharram 1300 and 1 Muharram 1601, so the seams are exact (a test
//!   checks this). [`LunarVariant::Tabular`] uses the tabular calendar for
//!   every year. See [`LUNAR_NOTE`].
//! * **Gregorian** is chrono's proleptic Gregorian calendar.
//!
//! Years are accepted in [`YEARS`] (−9999..=9999) in every calendar;
//! anything else, and any day or month that does not exist, is a
//! [`DateError`] whose message says why. Nothing here panics on input.
//!
//! Partial dates ([`PartialDate`]: a year, or a year and month) are
//! first-class: [`PartialDate::interval`] gives the inclusive Gregorian
//! [`Interval`] they cover in *their own* calendar (Solar Hijri 1399 is
//! 2020-03-20..=2021-03-20), and [`interval_in`] expresses any interval in
//! another calendar.

mod gregorian;
mod lunar;
mod solar;

pub use crate::error::{DateError, DateErrorKind};
pub use crate::units::{Calendar, Precision};
use std::fmt;
use std::ops::RangeInclusive;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use icu_calendar::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Years accepted in every calendar (icu's constructor range).
pub const YEARS: RangeInclusive<i32> = -9999..=9999;

/// Years a date field of the output may have, in every calendar: a
/// `YYYY-MM-DD` needs four digits and no sign. A date outside them is
/// reported (`out-of-range`), never written.
pub const WRITTEN_YEARS: RangeInclusive<i32> = 1..=9999;

/// Lunar Hijri years for which the Umm al-Qura table is used; outside them
/// (and always with [`LunarVariant::Tabular`]) the tabular rule is used.
pub const UMM_AL_QURA_YEARS: RangeInclusive<i32> = 1300..=1600;

/// The caveat to show beside every Lunar Hijri date.
pub const LUNAR_NOTE: &str = "Lunar Hijri dates are computed (Umm al-Qura by default, tabular with --lunar tabular) and can differ by a day from national announcements, which in Iran follow moon sighting; outside 1300–1600 AH the tabular rule is used.";

/// How Lunar Hijri dates are computed.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
    Default,
)]
#[serde(rename_all = "kebab-case")]
pub enum LunarVariant {
    /// The Umm al-Qura table (KACST) for [`UMM_AL_QURA_YEARS`], tabular
    /// outside.
    #[default]
    UmmAlQura,
    /// The tabular ("islamic-civil") calendar: type II leap years, Friday
    /// epoch.
    Tabular,
}

impl LunarVariant {
    /// The identifier used on the command line and in JSON: `umm-al-qura`.
    pub fn id(self) -> &'static str {
        match self {
            LunarVariant::UmmAlQura => "umm-al-qura",
            LunarVariant::Tabular => "tabular",
        }
    }

    /// The English name used in sentences.
    pub fn label(self) -> &'static str {
        match self {
            LunarVariant::UmmAlQura => "Umm al-Qura",
            LunarVariant::Tabular => "tabular",
        }
    }
}

impl fmt::Display for LunarVariant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for LunarVariant {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "umm-al-qura" | "umm_al_qura" | "ummalqura" | "umalqura" => Ok(LunarVariant::UmmAlQura),
            "tabular" | "civil" | "islamic-civil" => Ok(LunarVariant::Tabular),
            _ => Err(format!(
                "unknown Lunar Hijri variant {s:?}: expected umm-al-qura or tabular"
            )),
        }
    }
}

/// The variant actually used for Lunar Hijri `year` when `requested` is
/// asked for: Umm al-Qura only inside [`UMM_AL_QURA_YEARS`].
pub fn lunar_variant_used(year: i32, requested: LunarVariant) -> LunarVariant {
    match requested {
        LunarVariant::UmmAlQura if UMM_AL_QURA_YEARS.contains(&year) => LunarVariant::UmmAlQura,
        _ => LunarVariant::Tabular,
    }
}

/// A day in some calendar (the calendar is kept beside it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Ymd {
    pub const fn new(year: i32, month: u8, day: u8) -> Self {
        Ymd { year, month, day }
    }
}

/// `YYYY-MM-DD`, ASCII digits (a negative year is written `-YYYY`).
impl fmt::Display for Ymd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_year(f, self.year)?;
        write!(f, "-{:02}-{:02}", self.month, self.day)
    }
}

/// Reads `YYYY-MM-DD` (ASCII digits; a negative year as `-YYYY`).
impl FromStr for Ymd {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("{s:?} is not a date YYYY-MM-DD");
        let mut it = s.rsplitn(3, '-');
        let d = it.next().and_then(|x| x.parse().ok()).ok_or_else(bad)?;
        let m = it.next().and_then(|x| x.parse().ok()).ok_or_else(bad)?;
        let y = it.next().and_then(|x| x.parse().ok()).ok_or_else(bad)?;
        Ok(Ymd::new(y, m, d))
    }
}

/// On the wire a [`Ymd`] is its `YYYY-MM-DD` string.
impl Serialize for Ymd {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Ymd {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

fn write_year(f: &mut fmt::Formatter<'_>, year: i32) -> fmt::Result {
    if year < 0 {
        write!(f, "-{:04}", year.unsigned_abs())
    } else {
        write!(f, "{year:04}")
    }
}

fn check_year(cal: Calendar, year: i32) -> Result<(), DateError> {
    if YEARS.contains(&year) {
        Ok(())
    } else {
        Err(DateError::new(
            cal,
            DateErrorKind::YearOutOfRange,
            format!("year {year}"),
            format!("years {} to {} are supported", YEARS.start(), YEARS.end()),
        ))
    }
}

fn check_month(cal: Calendar, month: u8) -> Result<(), DateError> {
    if (1..=12).contains(&month) {
        Ok(())
    } else {
        Err(DateError::new(
            cal,
            DateErrorKind::MonthOutOfRange,
            format!("month {month}"),
            "a year has 12 months".to_owned(),
        ))
    }
}

/// An error for a year that passed [`check_year`] but that a library still
/// refused (not expected; reported instead of panicking).
fn unsupported(cal: Calendar, year: i32) -> DateError {
    DateError::new(
        cal,
        DateErrorKind::YearOutOfRange,
        format!("year {year}"),
        "the calendar library cannot compute it".to_owned(),
    )
}

/// Fields of an icu date in the conventions of this module.
fn ymd_of<A: icu_calendar::AsCalendar>(d: &Date<A>) -> Ymd {
    Ymd::new(
        d.year().extended_year(),
        d.month().ordinal,
        d.day_of_month().0,
    )
}

fn rd_of(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

fn date_of_rd(rd: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(rd).ok()?)
}

/// One calendar's arithmetic, one file each (`gregorian.rs`, `solar.rs`,
/// `lunar.rs`); the public functions of this module check their input and
/// dispatch on [`Calendar`] through [`rules`].
trait CalendarRules: Sync {
    /// The day number of a date that exists (year, month and day checked).
    fn rd(&self, d: Ymd) -> Option<i64>;
    /// The date of a Gregorian day in this calendar.
    fn ymd_of_day(&self, date: NaiveDate) -> Ymd;
    /// The length of a month (year and month already checked).
    fn month_length(&self, year: i32, month: u8) -> Option<u8>;
    /// Whether a month's length depends on the year (so an error says so).
    fn length_varies(&self, year: i32, month: u8) -> bool;
    /// Whether `year` has 366 days (solar) or 355 (lunar).
    fn is_leap_year(&self, year: i32) -> bool;
    /// The calendar's English month names, for its own messages.
    fn month_names(&self) -> &'static [&'static str; 12];
}

/// The rules of a calendar.
fn rules(cal: Calendar, lunar: LunarVariant) -> &'static dyn CalendarRules {
    static UMM_AL_QURA: lunar::LunarHijri = lunar::LunarHijri(LunarVariant::UmmAlQura);
    static TABULAR: lunar::LunarHijri = lunar::LunarHijri(LunarVariant::Tabular);
    match (cal, lunar) {
        (Calendar::Gregorian, _) => &gregorian::Gregorian,
        (Calendar::SolarHijri, _) => &solar::SolarHijri,
        (Calendar::LunarHijri, LunarVariant::UmmAlQura) => &UMM_AL_QURA,
        (Calendar::LunarHijri, LunarVariant::Tabular) => &TABULAR,
    }
}

/// The English name of `month` (1–12) of `cal`; `""` for a month outside
/// 1–12. These names are part of each calendar's definition (its own error
/// messages use them); names in other languages are lexicon data, read by
/// `lang::names`.
pub fn month_name(cal: Calendar, month: u8) -> &'static str {
    usize::from(month)
        .checked_sub(1)
        .and_then(|i| rules(cal, LunarVariant::UmmAlQura).month_names().get(i))
        .copied()
        .unwrap_or("")
}

/// The weekday of a Gregorian day (the same day in every calendar).
pub fn weekday(d: NaiveDate) -> chrono::Weekday {
    d.weekday()
}

/// Checks that `d` exists in `cal`.
pub fn validate(cal: Calendar, d: Ymd, lunar: LunarVariant) -> Result<(), DateError> {
    check_year(cal, d.year)?;
    check_month(cal, d.month)?;
    if d.day == 0 {
        return Err(DateError::new(
            cal,
            DateErrorKind::DayOutOfRange,
            "day 0".to_owned(),
            "days are numbered from 1".to_owned(),
        ));
    }
    let r = rules(cal, lunar);
    let len = r
        .month_length(d.year, d.month)
        .ok_or_else(|| unsupported(cal, d.year))?;
    if d.day <= len {
        return Ok(());
    }
    let name = month_name(cal, d.month);
    let used = lunar_variant_used(d.year, lunar);
    let reason = if !r.length_varies(d.year, d.month) {
        format!("{name} has {len} days")
    } else if cal == Calendar::LunarHijri && used == LunarVariant::UmmAlQura {
        format!(
            "{name} {} has {len} days in the Umm al-Qura calendar",
            d.year
        )
    } else {
        let leap = is_leap_year(cal, d.year, lunar);
        let not = if leap { "" } else { "not " };
        let tab = if cal == Calendar::LunarHijri {
            " of the tabular calendar"
        } else {
            ""
        };
        format!(
            "{name} {} has {len} days ({} is {not}a leap year{tab})",
            d.year, d.year
        )
    };
    Err(DateError::new(
        cal,
        DateErrorKind::DayOutOfRange,
        d.to_string(),
        reason,
    ))
}

/// The Gregorian day of a date in `cal`, after checking that it exists.
pub fn to_gregorian(cal: Calendar, d: Ymd, lunar: LunarVariant) -> Result<NaiveDate, DateError> {
    validate(cal, d, lunar)?;
    rules(cal, lunar)
        .rd(d)
        .and_then(date_of_rd)
        .ok_or_else(|| unsupported(cal, d.year))
}

/// A Gregorian day in `cal`. Total: every `NaiveDate` has a day in every
/// calendar (years beyond [`YEARS`] may result for extreme dates).
pub fn from_gregorian(date: NaiveDate, cal: Calendar, lunar: LunarVariant) -> Ymd {
    rules(cal, lunar).ymd_of_day(date)
}

/// Converts a date from one calendar to another.
pub fn convert(
    from: Calendar,
    d: Ymd,
    to: Calendar,
    lunar: LunarVariant,
) -> Result<Ymd, DateError> {
    Ok(from_gregorian(to_gregorian(from, d, lunar)?, to, lunar))
}

/// The number of days of a month.
pub fn days_in_month(
    cal: Calendar,
    year: i32,
    month: u8,
    lunar: LunarVariant,
) -> Result<u8, DateError> {
    check_year(cal, year)?;
    check_month(cal, month)?;
    rules(cal, lunar)
        .month_length(year, month)
        .ok_or_else(|| unsupported(cal, year))
}

/// Whether `year` is a leap year of `cal` (366 days in the solar
/// calendars, 355 in the lunar one). `false` for years outside [`YEARS`].
pub fn is_leap_year(cal: Calendar, year: i32, lunar: LunarVariant) -> bool {
    YEARS.contains(&year) && rules(cal, lunar).is_leap_year(year)
}

/// An inclusive interval of Gregorian days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Interval {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Interval {
    /// The interval from `a` to `b`, whichever comes first.
    pub fn new(a: NaiveDate, b: NaiveDate) -> Self {
        Interval {
            start: a.min(b),
            end: a.max(b),
        }
    }

    /// A single day.
    pub fn day(d: NaiveDate) -> Self {
        Interval { start: d, end: d }
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }

    /// Whether the two intervals share at least one day.
    pub fn overlaps(&self, o: &Interval) -> bool {
        self.start <= o.end && o.start <= self.end
    }

    /// The number of days, both ends included (1 for a single day).
    pub fn len_days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
}

/// A year, a year and month, or a full date in a calendar. `day` is only
/// meaningful with `month` (a day without a month is an error).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub calendar: Calendar,
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub const fn year(calendar: Calendar, year: i32) -> Self {
        PartialDate {
            calendar,
            year,
            month: None,
            day: None,
        }
    }

    pub const fn month(calendar: Calendar, year: i32, month: u8) -> Self {
        PartialDate {
            calendar,
            year,
            month: Some(month),
            day: None,
        }
    }

    pub const fn day(calendar: Calendar, d: Ymd) -> Self {
        PartialDate {
            calendar,
            year: d.year,
            month: Some(d.month),
            day: Some(d.day),
        }
    }

    /// Day, Month or Year.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            (None, _) => Precision::Year,
        }
    }

    /// The Gregorian days this date covers in its own calendar: a year runs
    /// from its 1st of month 1 to the last day of month 12, a month from its
    /// 1st to its last day.
    pub fn interval(&self, lunar: LunarVariant) -> Result<Interval, DateError> {
        let cal = self.calendar;
        let (first, last) = match (self.month, self.day) {
            (Some(m), Some(d)) => {
                let day = to_gregorian(cal, Ymd::new(self.year, m, d), lunar)?;
                return Ok(Interval::day(day));
            }
            (Some(m), None) => (m, m),
            (None, None) => (1, 12),
            (None, Some(d)) => {
                return Err(DateError::new(
                    cal,
                    DateErrorKind::DayWithoutMonth,
                    format!("day {d} of {}", self.year),
                    "a day needs a month".to_owned(),
                ));
            }
        };
        let last_day = days_in_month(cal, self.year, last, lunar)?;
        let start = to_gregorian(cal, Ymd::new(self.year, first, 1), lunar)?;
        let end = to_gregorian(cal, Ymd::new(self.year, last, last_day), lunar)?;
        Ok(Interval { start, end })
    }
}

/// `1399`, `1399-08` or `1399-08-10` (ASCII digits; the calendar is not
/// written).
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_year(f, self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// The first and last day of a Gregorian interval, expressed in `cal`.
pub fn interval_in(cal: Calendar, iv: Interval, lunar: LunarVariant) -> (Ymd, Ymd) {
    (
        from_gregorian(iv.start, cal, lunar),
        from_gregorian(iv.end, cal, lunar),
    )
}
