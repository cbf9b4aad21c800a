//! Calendar arithmetic: the official leap-year table, exhaustive round
//! trips, properties of partial dates, explicit cases and error messages.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use proptest::prelude::*;
use tarikh::calendar::{
    self, Calendar, DateErrorKind, Interval, LunarVariant, PartialDate, Precision,
    UMM_AL_QURA_YEARS, Ymd,
};
use tarikh::lang::{Lang, names};

const KABISE: &str = include_str!("../data/kabise-1206-1498.txt");
const SH: Calendar = Calendar::SolarHijri;
const LH: Calendar = Calendar::LunarHijri;
const GR: Calendar = Calendar::Gregorian;
const UQ: LunarVariant = LunarVariant::UmmAlQura;
const TAB: LunarVariant = LunarVariant::Tabular;
const VARIANTS: [LunarVariant; 2] = [UQ, TAB];

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn ymd(y: i32, m: u8, d: u8) -> Ymd {
    Ymd::new(y, m, d)
}

/// (year, leap, Gregorian date of 1 Farvardin) for every row.
fn kabise_rows() -> Vec<(i32, bool, NaiveDate)> {
    KABISE
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut f = l.split_whitespace();
            let y = f.next().unwrap();
            let g = f.next().unwrap();
            assert!(f.next().is_none(), "extra field in {l:?}");
            let leap = y.ends_with('*');
            (y.trim_end_matches('*').parse().unwrap(), leap, date(g))
        })
        .collect()
}

#[test]
fn kabise_table_leap_years_and_new_years() {
    let rows = kabise_rows();
    assert_eq!(rows.len(), 293);
    assert_eq!(rows.first().unwrap().0, 1206);
    assert_eq!(rows.last().unwrap().0, 1498);
    for (y, leap, nowruz) in rows {
        assert_eq!(calendar::is_leap_year(SH, y, UQ), leap, "leap flag of {y}");
        assert_eq!(
            calendar::to_gregorian(SH, ymd(y, 1, 1), UQ).unwrap(),
            nowruz,
            "1 Farvardin {y}"
        );
        assert_eq!(calendar::from_gregorian(nowruz, SH, UQ), ymd(y, 1, 1));
        let esfand = calendar::days_in_month(SH, y, 12, UQ).unwrap();
        assert_eq!(esfand, if leap { 30 } else { 29 }, "Esfand {y}");
        let iv = PartialDate::year(SH, y).interval(UQ).unwrap();
        assert_eq!(iv.start, nowruz);
        assert_eq!(iv.len_days(), if leap { 366 } else { 365 }, "length of {y}");
    }
}

#[test]
fn consecutive_kabise_rows_agree_with_year_lengths() {
    let rows = kabise_rows();
    for w in rows.windows(2) {
        let (y, leap, a) = w[0];
        let (_, _, b) = w[1];
        assert_eq!((b - a).num_days(), if leap { 366 } else { 365 }, "year {y}");
    }
}

/// Every day from 1900 to 2100 through every calendar and back.
#[test]
fn exhaustive_round_trips_1900_2100() {
    let mut d = date("1900-01-01");
    let end = date("2100-12-31");
    let mut n = 0;
    let mut prev: Option<[Ymd; 3]> = None;
    while d <= end {
        let sh = calendar::from_gregorian(d, SH, UQ);
        assert_eq!(calendar::to_gregorian(SH, sh, UQ), Ok(d), "{d} as {sh}");
        let uq = calendar::from_gregorian(d, LH, UQ);
        assert_eq!(
            calendar::to_gregorian(LH, uq, UQ),
            Ok(d),
            "{d} as {uq} (umm al-qura)"
        );
        let tab = calendar::from_gregorian(d, LH, TAB);
        assert_eq!(
            calendar::to_gregorian(LH, tab, TAB),
            Ok(d),
            "{d} as {tab} (tabular)"
        );
        assert_eq!(
            calendar::from_gregorian(d, GR, UQ),
            ymd(d.year(), d.month() as u8, d.day() as u8)
        );
        // Consecutive days are consecutive in every calendar.
        if let Some(p) = prev {
            for (cal, (a, b), lunar) in [
                (SH, (p[0], sh), UQ),
                (LH, (p[1], uq), UQ),
                (LH, (p[2], tab), TAB),
            ] {
                let next = if a.day < calendar::days_in_month(cal, a.year, a.month, lunar).unwrap()
                {
                    ymd(a.year, a.month, a.day + 1)
                } else if a.month < 12 {
                    ymd(a.year, a.month + 1, 1)
                } else {
                    ymd(a.year + 1, 1, 1)
                };
                assert_eq!(b, next, "{cal} day after {a}");
            }
        }
        prev = Some([sh, uq, tab]);
        d = d.succ_opt().unwrap();
        n += 1;
    }
    assert_eq!(n, 73_414);
}

#[test]
fn required_facts() {
    let sh1399 = PartialDate::year(SH, 1399).interval(UQ).unwrap();
    assert_eq!(
        (sh1399.start, sh1399.end),
        (date("2020-03-20"), date("2021-03-20"))
    );
    let aban = PartialDate::month(SH, 1399, 8).interval(UQ).unwrap();
    assert_eq!(
        (aban.start, aban.end),
        (date("2020-10-22"), date("2020-11-20"))
    );
    let may94 = PartialDate::month(GR, 1994, 5).interval(UQ).unwrap();
    assert_eq!(
        calendar::interval_in(SH, may94, UQ),
        (ymd(1373, 2, 11), ymd(1373, 3, 10))
    );
    for (g, sh) in [
        ("2024-03-20", ymd(1403, 1, 1)),
        ("2025-03-20", ymd(1403, 12, 30)),
        ("2025-03-21", ymd(1404, 1, 1)),
        ("2058-03-20", ymd(1436, 12, 30)),
        ("2091-03-20", ymd(1469, 12, 30)),
        ("2020-10-31", ymd(1399, 8, 10)),
    ] {
        assert_eq!(calendar::from_gregorian(date(g), SH, UQ), sh, "{g}");
        assert_eq!(calendar::to_gregorian(SH, sh, UQ), Ok(date(g)), "{sh}");
    }
    assert_eq!(
        calendar::to_gregorian(LH, ymd(1446, 9, 1), UQ),
        Ok(date("2025-03-01"))
    );
    // Iran dated 2025-03-20 as 19 Ramadan (sighting); Umm al-Qura gives 20.
    assert_eq!(
        calendar::from_gregorian(date("2025-03-20"), LH, UQ),
        ymd(1446, 9, 20)
    );
    let d = calendar::to_gregorian(SH, ymd(1399, 8, 10), UQ).unwrap();
    assert_eq!(calendar::weekday(d), Weekday::Sat);
    assert_eq!(names::weekday_name(calendar::weekday(d), Lang::Fa), "شنبه");
    assert!(calendar::is_leap_year(SH, 1403, UQ));
    assert!(!calendar::is_leap_year(SH, 1404, UQ));
    assert!(calendar::is_leap_year(GR, 2024, UQ));
    assert!(!calendar::is_leap_year(GR, 1900, UQ));
    assert!(calendar::is_leap_year(GR, 2000, UQ));
}

#[test]
fn tabular_and_umm_al_qura_differ_inside_the_table() {
    // 1 Muharram 1301: Umm al-Qura 1883-11-01, tabular 1883-11-02.
    assert_eq!(
        calendar::to_gregorian(LH, ymd(1301, 1, 1), UQ),
        Ok(date("1883-11-01"))
    );
    assert_eq!(
        calendar::to_gregorian(LH, ymd(1301, 1, 1), TAB),
        Ok(date("1883-11-02"))
    );
}

#[test]
fn outside_the_umm_al_qura_table_the_tabular_rule_is_used() {
    assert_eq!(UMM_AL_QURA_YEARS, 1300..=1600);
    for y in [1, 622, 1200, 1299, 1601, 1700, 9000] {
        assert_eq!(calendar::lunar_variant_used(y, UQ), TAB, "{y}");
        for m in 1..=12 {
            assert_eq!(
                calendar::days_in_month(LH, y, m, UQ),
                calendar::days_in_month(LH, y, m, TAB)
            );
            assert_eq!(
                calendar::to_gregorian(LH, ymd(y, m, 1), UQ),
                calendar::to_gregorian(LH, ymd(y, m, 1), TAB)
            );
        }
    }
    for y in [1300, 1446, 1600] {
        assert_eq!(calendar::lunar_variant_used(y, UQ), UQ);
        assert_eq!(calendar::lunar_variant_used(y, TAB), TAB);
    }
    for g in ["1700-06-01", "1882-11-11", "2174-11-26", "2500-01-01"] {
        assert_eq!(
            calendar::from_gregorian(date(g), LH, UQ),
            calendar::from_gregorian(date(g), LH, TAB),
            "{g}"
        );
    }
}

/// The switch between the tabular rule and the Umm al-Qura table leaves no
/// gap and no overlap: both rules start 1300 and 1601 on the same day.
#[test]
fn umm_al_qura_seams_are_exact() {
    for (y, g) in [(1300, "1882-11-12"), (1601, "2174-11-26")] {
        for v in VARIANTS {
            assert_eq!(
                calendar::to_gregorian(LH, ymd(y, 1, 1), v),
                Ok(date(g)),
                "{y} {v}"
            );
        }
        // Every day within a year of the seam round-trips and steps by one.
        let mut d = date(g) - Days::new(400);
        let mut prev = calendar::from_gregorian(d, LH, UQ);
        for _ in 0..800 {
            d = d.succ_opt().unwrap();
            let cur = calendar::from_gregorian(d, LH, UQ);
            assert_eq!(calendar::to_gregorian(LH, cur, UQ), Ok(d), "{d}");
            assert_eq!(next_day(LH, prev, UQ), cur, "{d}");
            prev = cur;
        }
        let before = date(g).pred_opt().unwrap();
        let last = calendar::from_gregorian(before, LH, UQ);
        assert_eq!((last.year, last.month), (y - 1, 12));
        assert_eq!(
            last.day,
            calendar::days_in_month(LH, y - 1, 12, UQ).unwrap()
        );
    }
}

#[test]
fn invalid_dates_say_why() {
    let cases: [(Calendar, Ymd, DateErrorKind, &[&str]); 8] = [
        (
            SH,
            ymd(1404, 12, 30),
            DateErrorKind::DayOutOfRange,
            &[
                "1404-12-30 does not exist in the Solar Hijri calendar",
                "Esfand 1404 has 29 days (1404 is not a leap year)",
            ],
        ),
        (
            SH,
            ymd(1399, 7, 31),
            DateErrorKind::DayOutOfRange,
            &["1399-07-31 does not exist", "Mehr has 30 days"],
        ),
        (
            GR,
            ymd(2021, 2, 29),
            DateErrorKind::DayOutOfRange,
            &["2021-02-29 does not exist", "February 2021 has 28 days"],
        ),
        (
            GR,
            ymd(2021, 4, 31),
            DateErrorKind::DayOutOfRange,
            &["April has 30 days"],
        ),
        (
            SH,
            ymd(1404, 13, 1),
            DateErrorKind::MonthOutOfRange,
            &["month 13 does not exist", "a year has 12 months"],
        ),
        (
            GR,
            ymd(2020, 0, 1),
            DateErrorKind::MonthOutOfRange,
            &["month 0 does not exist"],
        ),
        (
            SH,
            ymd(1404, 1, 0),
            DateErrorKind::DayOutOfRange,
            &["day 0 does not exist"],
        ),
        (
            LH,
            ymd(10_000, 1, 1),
            DateErrorKind::YearOutOfRange,
            &["year 10000", "-9999 to 9999"],
        ),
    ];
    for (cal, d, kind, needles) in cases {
        let e = calendar::to_gregorian(cal, d, UQ).unwrap_err();
        assert_eq!(e.kind(), kind, "{e}");
        assert_eq!(e.calendar(), cal);
        assert_eq!(calendar::validate(cal, d, UQ), Err(e.clone()));
        let msg = e.to_string();
        for n in needles {
            assert!(msg.contains(n), "{msg:?} lacks {n:?}");
        }
        assert!(msg.contains(e.reason()));
        assert!(msg.ends_with(e.reason()));
        assert!(!e.predicate().starts_with(e.subject()));
    }
    // Leap years are not errors.
    assert!(calendar::validate(SH, ymd(1403, 12, 30), UQ).is_ok());
    assert!(calendar::validate(GR, ymd(2024, 2, 29), UQ).is_ok());
    // A Lunar Hijri month of 29 days under Umm al-Qura.
    let len = calendar::days_in_month(LH, 1446, 9, UQ).unwrap();
    assert_eq!(len, 29);
    let e = calendar::validate(LH, ymd(1446, 9, 30), UQ).unwrap_err();
    assert!(e.to_string().contains("Ramadan 1446 has 29 days"), "{e}");
    // Tabular: Dhu al-Hijjah has 30 days in leap years only.
    let common = (1440..1460)
        .find(|&y| !calendar::is_leap_year(LH, y, TAB))
        .unwrap();
    let e = calendar::validate(LH, ymd(common, 12, 30), TAB).unwrap_err();
    assert!(e.to_string().contains("is not a leap year"), "{e}");
    // Errors through the library's error type.
    let err: tarikh::Error = e.into();
    assert!(err.to_string().contains("Dhu al-Hijjah"));
    // A day without a month.
    let pd = PartialDate {
        calendar: SH,
        year: 1399,
        month: None,
        day: Some(3),
    };
    assert!(
        pd.interval(UQ)
            .unwrap_err()
            .to_string()
            .contains("a day needs a month")
    );
    // Far years never panic.
    for y in [i32::MIN, -10_000, 10_000, i32::MAX] {
        for cal in Calendar::ALL {
            assert!(calendar::days_in_month(cal, y, 1, UQ).is_err());
            assert!(!calendar::is_leap_year(cal, y, UQ));
            assert!(PartialDate::year(cal, y).interval(UQ).is_err());
        }
    }
}

#[test]
fn whole_supported_range_without_panics() {
    for cal in Calendar::ALL {
        for v in VARIANTS {
            for y in [-9999, -1, 0, 1, 9999] {
                let iv = PartialDate::year(cal, y).interval(v).unwrap();
                let (s, e) = calendar::interval_in(cal, iv, v);
                assert_eq!((s.year, s.month, s.day), (y, 1, 1), "{cal} {y}");
                assert_eq!((e.year, e.month), (y, 12), "{cal} {y}");
            }
        }
    }
    for d in [
        NaiveDate::MIN,
        NaiveDate::MAX,
        date("0001-01-01"),
        date("9999-12-31"),
    ] {
        for cal in Calendar::ALL {
            for v in VARIANTS {
                let _ = calendar::from_gregorian(d, cal, v);
            }
        }
    }
    for d in [date("0001-01-01"), date("9999-12-31")] {
        for cal in Calendar::ALL {
            for v in VARIANTS {
                let y = calendar::from_gregorian(d, cal, v);
                assert_eq!(calendar::to_gregorian(cal, y, v), Ok(d), "{cal} {v} {d}");
            }
        }
    }
}

#[test]
fn names_and_digits() {
    use Weekday::*;
    let fa = [Sat, Sun, Mon, Tue, Wed, Thu, Fri].map(|w| names::weekday_name(w, Lang::Fa));
    assert_eq!(
        fa,
        [
            "شنبه",
            "یکشنبه",
            "دوشنبه",
            "سه\u{200c}شنبه",
            "چهارشنبه",
            "پنجشنبه",
            "جمعه"
        ]
    );
    assert_eq!(names::weekday_name(Sat, Lang::En), "Saturday");
    assert_eq!(names::weekday_name(Fri, Lang::En), "Friday");
    assert_eq!(calendar::weekday(date("2025-03-21")), Fri);
    assert_eq!(names::month_name(SH, 1, Lang::Fa), "فروردین");
    assert_eq!(names::month_name(SH, 8, Lang::Fa), "آبان");
    assert_eq!(names::month_name(SH, 12, Lang::Fa), "اسفند");
    assert_eq!(names::month_name(SH, 7, Lang::En), "Mehr");
    assert_eq!(names::month_name(GR, 5, Lang::Fa), "مه");
    assert_eq!(names::month_name(GR, 1, Lang::Fa), "ژانویه");
    assert_eq!(names::month_name(GR, 12, Lang::En), "December");
    assert_eq!(names::month_name(LH, 3, Lang::Fa), "ربیع\u{200c}الاول");
    assert_eq!(names::month_name(LH, 9, Lang::Fa), "رمضان");
    assert_eq!(names::month_name(LH, 12, Lang::Fa), "ذی\u{200c}الحجه");
    assert_eq!(names::month_name(LH, 1, Lang::En), "Muharram");
    assert_eq!(names::month_name(LH, 0, Lang::En), "");
    assert_eq!(names::month_name(LH, 13, Lang::Fa), "");
    assert_eq!(
        tarikh::text::script::persian_digits("1399-08-10 x"),
        "۱۳۹۹-۰۸-۱۰ x"
    );
}

#[test]
fn types_and_serde_names() {
    assert!(Precision::Day < Precision::Week);
    assert!(Precision::Week < Precision::Month);
    assert!(Precision::Month < Precision::Season);
    assert!(Precision::Year < Precision::Decade);
    assert!(Precision::Century < Precision::Unknown);
    assert_eq!(serde_json::to_string(&SH).unwrap(), "\"solar-hijri\"");
    assert_eq!(serde_json::to_string(&LH).unwrap(), "\"lunar-hijri\"");
    assert_eq!(serde_json::to_string(&UQ).unwrap(), "\"umm-al-qura\"");
    assert_eq!(serde_json::to_string(&TAB).unwrap(), "\"tabular\"");
    assert_eq!(serde_json::to_string(&Precision::Day).unwrap(), "\"day\"");
    assert_eq!(LunarVariant::default(), UQ);
    assert_eq!("solar-hijri".parse::<Calendar>(), Ok(SH));
    assert!("julian".parse::<Calendar>().is_err());
    assert_eq!(ymd(1399, 8, 10).to_string(), "1399-08-10");
    assert_eq!(ymd(622, 7, 1).to_string(), "0622-07-01");
    assert_eq!(PartialDate::month(SH, 1399, 8).to_string(), "1399-08");
    assert_eq!(
        PartialDate::month(SH, 1399, 8).precision(),
        Precision::Month
    );
    assert_eq!(PartialDate::year(SH, 1399).precision(), Precision::Year);
    assert_eq!(
        PartialDate::day(SH, ymd(1399, 8, 10)).precision(),
        Precision::Day
    );
    let a = Interval::new(date("2020-01-10"), date("2020-01-01"));
    assert_eq!(a.start, date("2020-01-01"));
    assert_eq!(a.len_days(), 10);
    assert!(a.contains(date("2020-01-10")) && !a.contains(date("2020-01-11")));
    assert!(a.overlaps(&Interval::day(date("2020-01-10"))));
    assert!(!a.overlaps(&Interval::day(date("2020-01-11"))));
    assert_eq!(Interval::day(date("2020-01-11")).len_days(), 1);
    assert!(calendar::LUNAR_NOTE.contains("1300–1600"));
}

fn day_in(lo: i32, hi: i32) -> impl Strategy<Value = NaiveDate> {
    let a = date(&format!("{lo:04}-01-01")).num_days_from_ce();
    let b = date(&format!("{hi:04}-12-31")).num_days_from_ce();
    (a..=b).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
}

fn calendar_strategy() -> impl Strategy<Value = Calendar> {
    prop_oneof![Just(GR), Just(SH), Just(LH)]
}

fn variant_strategy() -> impl Strategy<Value = LunarVariant> {
    prop_oneof![Just(UQ), Just(TAB)]
}

/// The Ymd after the last day of `e` in its calendar.
fn next_day(cal: Calendar, e: Ymd, lunar: LunarVariant) -> Ymd {
    let len = calendar::days_in_month(cal, e.year, e.month, lunar).unwrap();
    if e.day < len {
        ymd(e.year, e.month, e.day + 1)
    } else if e.month < 12 {
        ymd(e.year, e.month + 1, 1)
    } else {
        ymd(e.year + 1, 1, 1)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn round_trips_1600_2400(d in day_in(1600, 2400), cal in calendar_strategy(), v in variant_strategy()) {
        let y = calendar::from_gregorian(d, cal, v);
        prop_assert_eq!(calendar::to_gregorian(cal, y, v), Ok(d));
        prop_assert!(calendar::validate(cal, y, v).is_ok());
        prop_assert_eq!(calendar::convert(cal, y, GR, v).unwrap(), calendar::from_gregorian(d, GR, v));
    }

    #[test]
    fn partial_date_intervals_are_consistent(d in day_in(1600, 2400), cal in calendar_strategy(), v in variant_strategy(), by_year in any::<bool>()) {
        let y = calendar::from_gregorian(d, cal, v);
        let pd = if by_year { PartialDate::year(cal, y.year) } else { PartialDate::month(cal, y.year, y.month) };
        let iv = pd.interval(v).unwrap();
        prop_assert!(iv.start <= iv.end);
        prop_assert!(iv.contains(d));
        let (s, e) = calendar::interval_in(cal, iv, v);
        let first_month = if by_year { 1 } else { y.month };
        prop_assert_eq!(s, ymd(y.year, first_month, 1));
        let after = calendar::from_gregorian(iv.end + Days::new(1), cal, v);
        prop_assert_eq!(after, next_day(cal, e, v));
        if by_year {
            prop_assert_eq!((after.year, after.month, after.day), (y.year + 1, 1, 1));
        } else if y.month == 12 {
            prop_assert_eq!((after.year, after.month, after.day), (y.year + 1, 1, 1));
        } else {
            prop_assert_eq!((after.year, after.month, after.day), (y.year, y.month + 1, 1));
        }
        let before = calendar::from_gregorian(iv.start - Days::new(1), cal, v);
        prop_assert_eq!(next_day(cal, before, v), s);
        let expected_len = if by_year { 354..=366 } else { 28..=31 };
        prop_assert!(expected_len.contains(&iv.len_days()), "{} days", iv.len_days());
    }

    #[test]
    fn days_exist_iff_valid(cal in calendar_strategy(), v in variant_strategy(), year in 1..=3000i32, month in 0u8..=14, day in 0u8..=32) {
        let d = ymd(year, month, day);
        let ok = calendar::validate(cal, d, v).is_ok();
        let in_month = (1..=12).contains(&month)
            && day >= 1
            && day <= calendar::days_in_month(cal, year, month, v).unwrap();
        prop_assert_eq!(ok, in_month);
        if ok {
            let g = calendar::to_gregorian(cal, d, v).unwrap();
            prop_assert_eq!(calendar::from_gregorian(g, cal, v), d);
        }
    }
}
