//! How tarikh writes a month or a weekday in a language: the display names
//! of `data/lexicon/<lang>/names.tsv` (one form each; reading text uses the
//! months and weekdays tables, which hold every spelling).
//!
//! English month names are the calendars' own ([`crate::calendar::month_name`]).

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::Weekday;

use super::{Lang, tsv};
use crate::units::Calendar;

/// The language tarikh writes its messages in (diagnostics, errors).
pub const MESSAGES: Lang = Lang::En;

#[derive(Default)]
struct Names {
    months: HashMap<(Calendar, u8), &'static str>,
    weekdays: HashMap<u8, &'static str>,
}

fn load(table: &'static str) -> Names {
    let mut n = Names::default();
    for row in tsv::rows(table) {
        let (Some(kind), Some(cal), Some(num), Some(name)) =
            (row.first(), row.get(1), row.get(2), row.get(3))
        else {
            continue;
        };
        let Ok(num) = num.parse::<u8>() else { continue };
        match *kind {
            "month" => {
                if let Some(c) = Calendar::ALL.into_iter().find(|c| c.id() == *cal) {
                    n.months.insert((c, num), name);
                }
            }
            "weekday" => {
                n.weekdays.insert(num, name);
            }
            _ => {}
        }
    }
    n
}

fn names(lang: Lang) -> &'static Names {
    static FA: OnceLock<Names> = OnceLock::new();
    static EN: OnceLock<Names> = OnceLock::new();
    match lang {
        Lang::Fa => FA.get_or_init(|| load(include_str!("../../data/lexicon/fa/names.tsv"))),
        Lang::En => EN.get_or_init(|| load(include_str!("../../data/lexicon/en/names.tsv"))),
    }
}

/// The name of `month` (1–12) of `cal` in `lang`; `""` for a month outside
/// 1–12.
///
/// Persian Gregorian names follow Iranian usage (ژانویه … دسامبر, «مه» for
/// May); Lunar Hijri names are written with ZWNJ (ربیع‌الاول).
pub fn month_name(cal: Calendar, month: u8, lang: Lang) -> &'static str {
    match names(lang).months.get(&(cal, month)) {
        Some(n) => n,
        None if lang == Lang::En => crate::calendar::month_name(cal, month),
        None => "",
    }
}

/// The name of a weekday: Saturday … Friday, or شنبه … جمعه (with ZWNJ in
/// «سه‌شنبه»; «چهارشنبه» and «پنجشنبه» are written joined).
pub fn weekday_name(w: Weekday, lang: Lang) -> &'static str {
    let n = w.number_from_monday() as u8;
    names(lang).weekdays.get(&n).copied().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_month_and_weekday_has_a_name_in_every_language() {
        for lang in [Lang::Fa, Lang::En] {
            for cal in Calendar::ALL {
                for m in 1..=12 {
                    assert!(!month_name(cal, m, lang).is_empty(), "{cal:?} {m} {lang:?}");
                }
                assert_eq!(month_name(cal, 13, lang), "");
            }
            for w in [Weekday::Mon, Weekday::Sun] {
                assert!(!weekday_name(w, lang).is_empty());
            }
        }
        assert_eq!(month_name(Calendar::SolarHijri, 8, Lang::Fa), "آبان");
        assert_eq!(month_name(Calendar::LunarHijri, 9, Lang::En), "Ramadan");
        assert_eq!(weekday_name(Weekday::Tue, Lang::Fa), "سه‌شنبه");
    }
}
