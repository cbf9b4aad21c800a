//! The proleptic Gregorian calendar: chrono's arithmetic.

use chrono::{Datelike, NaiveDate};

use super::{CalendarRules, Ymd, rd_of};

/// The Gregorian calendar.
pub(super) struct Gregorian;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl CalendarRules for Gregorian {
    fn rd(&self, d: Ymd) -> Option<i64> {
        Some(rd_of(NaiveDate::from_ymd_opt(
            d.year,
            u32::from(d.month),
            u32::from(d.day),
        )?))
    }
    fn ymd_of_day(&self, date: NaiveDate) -> Ymd {
        Ymd::new(date.year(), date.month() as u8, date.day() as u8)
    }
    fn month_length(&self, year: i32, month: u8) -> Option<u8> {
        NaiveDate::from_ymd_opt(year, u32::from(month), 1).map(|d| d.num_days_in_month())
    }
    fn length_varies(&self, _year: i32, month: u8) -> bool {
        month == 2
    }
    fn is_leap_year(&self, year: i32) -> bool {
        NaiveDate::from_ymd_opt(year, 1, 1).is_some_and(|d| d.leap_year())
    }
    fn month_names(&self) -> &'static [&'static str; 12] {
        &MONTHS
    }
}
