//! The Lunar Hijri calendar, computed, never observed: icu_calendar's Umm
//! al-Qura table for [`UMM_AL_QURA_YEARS`] and, explicitly here, the tabular
//! calendar (type II leap years, Friday epoch: "islamic-civil") outside
//! them, or for every year with [`LunarVariant::Tabular`].

use std::sync::OnceLock;

use chrono::NaiveDate;
use icu_calendar::Date;
use icu_calendar::cal::Hijri;
use icu_calendar::cal::hijri::{
    TabularAlgorithm, TabularAlgorithmEpoch, TabularAlgorithmLeapYears, UmmAlQura,
};
use icu_calendar::types::RataDie;

use super::{
    CalendarRules, LunarVariant, UMM_AL_QURA_YEARS, Ymd, lunar_variant_used, rd_of, ymd_of,
};

/// The Lunar Hijri calendar as a variant asks for it.
pub(super) struct LunarHijri(pub LunarVariant);

const MONTHS: [&str; 12] = [
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

fn umm_al_qura() -> Hijri<UmmAlQura> {
    Hijri::new_umm_al_qura()
}

fn tabular() -> Hijri<TabularAlgorithm> {
    Hijri::new_tabular(
        TabularAlgorithmLeapYears::TypeII,
        TabularAlgorithmEpoch::Friday,
    )
}

/// Day numbers `[start, end)` covered by the Umm al-Qura table, from icu.
fn umm_al_qura_span() -> Option<(i64, i64)> {
    static SPAN: OnceLock<Option<(i64, i64)>> = OnceLock::new();
    *SPAN.get_or_init(|| {
        let first =
            Date::try_new_hijri_with_calendar(*UMM_AL_QURA_YEARS.start(), 1, 1, umm_al_qura())
                .ok()?;
        let last_month =
            Date::try_new_hijri_with_calendar(*UMM_AL_QURA_YEARS.end(), 12, 1, umm_al_qura())
                .ok()?;
        let end = last_month.to_rata_die().to_i64_date() + i64::from(last_month.days_in_month());
        Some((first.to_rata_die().to_i64_date(), end))
    })
}

impl LunarHijri {
    fn used(&self, year: i32) -> LunarVariant {
        lunar_variant_used(year, self.0)
    }
}

impl CalendarRules for LunarHijri {
    fn rd(&self, d: Ymd) -> Option<i64> {
        let rd = match self.used(d.year) {
            LunarVariant::UmmAlQura => {
                Date::try_new_hijri_with_calendar(d.year, d.month, d.day, umm_al_qura())
                    .ok()?
                    .to_rata_die()
            }
            LunarVariant::Tabular => {
                Date::try_new_hijri_with_calendar(d.year, d.month, d.day, tabular())
                    .ok()?
                    .to_rata_die()
            }
        };
        Some(rd.to_i64_date())
    }
    fn ymd_of_day(&self, date: NaiveDate) -> Ymd {
        let rd = rd_of(date);
        let in_table = match self.0 {
            LunarVariant::Tabular => false,
            LunarVariant::UmmAlQura => match umm_al_qura_span() {
                Some((start, end)) => (start..end).contains(&rd),
                // Not expected: fall back to icu's own Umm al-Qura, which
                // is documented to go tabular outside its table.
                None => true,
            },
        };
        if in_table {
            ymd_of(&Date::from_rata_die(RataDie::new(rd), umm_al_qura()))
        } else {
            ymd_of(&Date::from_rata_die(RataDie::new(rd), tabular()))
        }
    }
    fn month_length(&self, year: i32, month: u8) -> Option<u8> {
        match self.used(year) {
            LunarVariant::UmmAlQura => {
                Date::try_new_hijri_with_calendar(year, month, 1, umm_al_qura())
                    .ok()
                    .map(|d| d.days_in_month())
            }
            LunarVariant::Tabular => Date::try_new_hijri_with_calendar(year, month, 1, tabular())
                .ok()
                .map(|d| d.days_in_month()),
        }
    }
    fn length_varies(&self, year: i32, month: u8) -> bool {
        self.used(year) == LunarVariant::UmmAlQura || month == 12
    }
    fn is_leap_year(&self, year: i32) -> bool {
        match self.used(year) {
            LunarVariant::UmmAlQura => Date::try_new_hijri_with_calendar(year, 1, 1, umm_al_qura())
                .is_ok_and(|d| d.is_in_leap_year()),
            LunarVariant::Tabular => Date::try_new_hijri_with_calendar(year, 1, 1, tabular())
                .is_ok_and(|d| d.is_in_leap_year()),
        }
    }
    fn month_names(&self) -> &'static [&'static str; 12] {
        &MONTHS
    }
}
