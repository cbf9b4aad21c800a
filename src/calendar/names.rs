//! Month and weekday names in Persian and English, and Persian digits.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Calendar;

/// The language of a name.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Persian (Farsi), in Persian script.
    Fa,
    /// English, in ASCII transliteration.
    En,
}

const SOLAR_FA: [&str; 12] = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
];
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
const GREGORIAN_FA: [&str; 12] = [
    "ژانویه",
    "فوریه",
    "مارس",
    "آوریل",
    "مه",
    "ژوئن",
    "ژوئیه",
    "اوت",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
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
const LUNAR_FA: [&str; 12] = [
    "محرم",
    "صفر",
    "ربیع‌الاول",
    "ربیع‌الثانی",
    "جمادی‌الاول",
    "جمادی‌الثانی",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذی‌القعده",
    "ذی‌الحجه",
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

/// The name of `month` (1–12) of `cal` in `lang`; `""` for a month outside
/// 1–12.
///
/// Persian Gregorian names follow Iranian usage (ژانویه … دسامبر, «مه» for
/// May); Lunar Hijri names are written with ZWNJ (ربیع‌الاول).
pub fn month_name(cal: Calendar, month: u8, lang: Lang) -> &'static str {
    let table = match (cal, lang) {
        (Calendar::SolarHijri, Lang::Fa) => &SOLAR_FA,
        (Calendar::SolarHijri, Lang::En) => &SOLAR_EN,
        (Calendar::Gregorian, Lang::Fa) => &GREGORIAN_FA,
        (Calendar::Gregorian, Lang::En) => &GREGORIAN_EN,
        (Calendar::LunarHijri, Lang::Fa) => &LUNAR_FA,
        (Calendar::LunarHijri, Lang::En) => &LUNAR_EN,
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

/// The name of a weekday: Saturday … Friday, or شنبه … جمعه (with ZWNJ in
/// «سه‌شنبه»; «چهارشنبه» and «پنجشنبه» are written joined).
pub fn weekday_name(w: chrono::Weekday, lang: Lang) -> &'static str {
    use chrono::Weekday::*;
    match lang {
        Lang::Fa => match w {
            Sat => "شنبه",
            Sun => "یکشنبه",
            Mon => "دوشنبه",
            Tue => "سه‌شنبه",
            Wed => "چهارشنبه",
            Thu => "پنجشنبه",
            Fri => "جمعه",
        },
        Lang::En => match w {
            Sat => "Saturday",
            Sun => "Sunday",
            Mon => "Monday",
            Tue => "Tuesday",
            Wed => "Wednesday",
            Thu => "Thursday",
            Fri => "Friday",
        },
    }
}

/// ASCII digits 0–9 replaced by Persian digits ۰–۹; everything else kept.
pub fn persian_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(0x06F0 + (c as u32 - '0' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
}
