//! The English month names of each calendar, and the weekday of a day.

use super::Calendar;

const SOLAR_EN: [&str; 12] = [
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
const GREGORIAN_EN: [&str; 12] = [
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
const LUNAR_EN: [&str; 12] = [
    "Muharram",
    "Safar",
    "Rabi al-Awwal",
    "Rabi al-Thani",
    "Jumada al-Awwal",
    "Jumada al-Thani",
    "Rajab",
    "Shaban",
    "Ramadan",
    "Shawwal",
    "Dhu al-Qadah",
    "Dhu al-Hijjah",
];

/// The English name of `month` (1–12) of `cal`; `""` for a month outside
/// 1–12. These names are part of each calendar's definition (its own error
/// messages use them); names in other languages are lexicon data, read by
/// `lang::names`.
pub fn month_name(cal: Calendar, month: u8) -> &'static str {
    let table = match cal {
        Calendar::SolarHijri => &SOLAR_EN,
        Calendar::Gregorian => &GREGORIAN_EN,
        Calendar::LunarHijri => &LUNAR_EN,
    };
    usize::from(month)
        .checked_sub(1)
        .and_then(|i| table.get(i))
        .copied()
        .unwrap_or("")
}

/// The weekday of a Gregorian day (the same day in every calendar).
pub fn weekday(d: chrono::NaiveDate) -> chrono::Weekday {
    chrono::Datelike::weekday(&d)
}
