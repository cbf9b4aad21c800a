//! The Solar Hijri calendar: icu_calendar's `Persian` (the 33-year rule
//! with the official correction table). No leap rule is written here.

use chrono::NaiveDate;
use icu_calendar::Date;
use icu_calendar::cal::Persian;
use icu_calendar::types::RataDie;

use super::{CalendarRules, Ymd, rd_of, ymd_of};

/// The Solar Hijri calendar.
pub(super) struct SolarHijri;

const MONTHS: [&str; 12] = [
    "Farvardin",
    "Ordibehesht",
    "Khordad",
    "Tir",
    "Mordad",
    "Shahrivar",
    "Mehr",
    "Aban",
    "Azar",
    "Dey",
    "Bahman",
    "Esfand",
];

impl CalendarRules for SolarHijri {
    fn rd(&self, d: Ymd) -> Option<i64> {
        Some(
            Date::try_new_persian(d.year, d.month, d.day)
                .ok()?
                .to_rata_die()
                .to_i64_date(),
        )
    }
    fn ymd_of_day(&self, date: NaiveDate) -> Ymd {
        ymd_of(&Date::from_rata_die(RataDie::new(rd_of(date)), Persian))
    }
    fn month_length(&self, year: i32, month: u8) -> Option<u8> {
        Date::try_new_persian(year, month, 1)
            .ok()
            .map(|d| d.days_in_month())
    }
    fn length_varies(&self, _year: i32, month: u8) -> bool {
        month == 12
    }
    fn is_leap_year(&self, year: i32) -> bool {
        Date::try_new_persian(year, 1, 1).is_ok_and(|d| d.is_in_leap_year())
    }
    fn month_names(&self) -> &'static [&'static str; 12] {
        &MONTHS
    }
}
