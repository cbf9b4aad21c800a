//! The language-neutral description of a temporal expression, as the rules
//! of every language produce it.
//!
//! Nothing here is resolved: a [`DateSpec`] says which parts the text gave
//! (a day, a month of some calendar, a year, perhaps only two digits of it),
//! and [`crate::calendar`] later turns it into an interval.

use crate::units::Calendar;

/// The parts of a date the text states. Missing parts are `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateSpec {
    /// The calendar the date is written in, when the text says (a month
    /// name, an era marker) or a rule decided it (a bare year's magnitude).
    pub calendar: Option<Calendar>,
    /// True when an era marker («میلادی», «ه.ش», …) or a month name fixed
    /// the calendar; false when it was inferred from a bare year.
    pub calendar_explicit: bool,
    /// The full year (two-digit years are expanded by the rules that know
    /// the convention of their language and calendar).
    pub year: Option<i32>,
    /// Month number 1–12 in `calendar`.
    pub month: Option<u8>,
    /// Day of the month.
    pub day: Option<u8>,
    /// ISO weekday (Monday = 1 … Sunday = 7) stated beside or instead of a date.
    pub weekday: Option<u8>,
    /// The year is the first year of a decade («دهه ۱۹۹۰», «the 1990s»).
    pub decade: bool,
    /// The year is the first year of a century.
    pub century: bool,
    /// The year is given relative to the publication year («آبان امسال»:
    /// 0, «مهر سال گذشته»: -1), in `calendar`.
    pub rel_year: Option<i32>,
    /// A season 1–4 (spring … winter) of `year`, in Solar Hijri months.
    pub season: Option<u8>,
    /// A quarter 1–4 of a Gregorian `year` («the third quarter»,
    /// "Q3 2023"): three months from January, April, July or October.
    pub quarter: Option<u8>,
    /// The quarter is the one of the quarter the text spoke of last ("the
    /// 1988 quarter" after "the third quarter": 1988-Q3), `year` its own
    /// when written.
    pub quarter_from_context: bool,
    /// The year is the one of the date the text spoke of last («۱۰ نوامبر
    /// آن سال», «همان سال»), not a year of its own.
    pub year_from_context: bool,
    /// `year` was written, but no calendar the language reads without an
    /// era marker fits it («۱۰ آبان ۹۹۹۹»): resolution reports it
    /// (`out-of-range`) and places the date nowhere, rather than reading
    /// the day and month alone against the publication year.
    pub year_out_of_range: bool,
    /// A weekday of a named week: the week `offset` weeks from the
    /// publication's (0 this week, -1 last week), weeks starting on ISO
    /// weekday `starts` («چهارشنبه هفته جاری»: Wednesday of this
    /// Saturday-to-Friday week).
    pub week_of: Option<WeekOf>,
}

/// The week a weekday is named in (see [`DateSpec::week_of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekOf {
    pub offset: i8,
    /// ISO weekday the week starts on (Persian weeks: Saturday, 6).
    pub starts: u8,
}

impl DateSpec {
    /// A day and month named in `calendar` (a month name, a named day),
    /// the year still to find.
    pub fn day_of(calendar: Calendar, month: u8, day: u8) -> DateSpec {
        DateSpec {
            calendar: Some(calendar),
            calendar_explicit: true,
            month: Some(month),
            day: Some(day),
            ..DateSpec::default()
        }
    }

    /// True when the spec gives nothing but a weekday.
    pub fn is_weekday_only(&self) -> bool {
        self.weekday.is_some() && self.year.is_none() && self.month.is_none() && self.day.is_none()
    }

    /// Fills the parts this spec lacks from another (a range's far end, the
    /// other side of a dual date): year, calendar and month, never the day.
    pub fn inherit(&mut self, from: &DateSpec) {
        if (self.calendar.is_none() || (!self.calendar_explicit && from.calendar_explicit))
            && (self.month.is_none() || from.calendar == self.calendar || self.calendar.is_none())
        {
            self.calendar = from.calendar;
            self.calendar_explicit = from.calendar_explicit;
        }
        if self.year.is_none() && self.calendar == from.calendar {
            self.year = from.year;
            self.decade = from.decade;
            self.year_out_of_range = from.year_out_of_range;
        }
        if self.month.is_none() && self.day.is_some() && self.calendar == from.calendar {
            self.month = from.month;
        }
    }
}

/// Units of durations and relative offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The ISO 8601 duration designator (`P6Y`, `P44D`, `PT3H`). An
    /// amount of 0 is an unknown amount ("days", "several hours"):
    /// `PXD`, `PTXH`.
    /// The ISO 8601 value of `n` units and a half: in the next smaller
    /// unit where it divides evenly, as TimeBank writes "a minute and a
    /// half" (`PT1M30S`, `PT2H30M`, `P2Y6M`), else as a decimal fraction of
    /// the unit, as ISO 8601 allows (`P1.5W`).
    pub fn iso_duration_half(self, n: u32) -> String {
        let whole = |u: char| {
            if n == 0 {
                String::new()
            } else {
                format!("{n}{u}")
            }
        };
        match self {
            Unit::Minute => format!("PT{}30S", whole('M')),
            Unit::Hour => format!("PT{}30M", whole('H')),
            Unit::Day => format!("P{}T12H", whole('D')),
            Unit::Year => format!("P{}6M", whole('Y')),
            Unit::Week => format!("P{n}.5W"),
            Unit::Month => format!("P{n}.5M"),
            Unit::Decade => format!("P{}Y", n.saturating_mul(10).saturating_add(5)),
            Unit::Century => format!("P{}Y", n.saturating_mul(100).saturating_add(50)),
        }
    }

    pub fn iso_duration(self, n: u32) -> String {
        if n == 0 {
            return match self {
                Unit::Minute => "PTXM".into(),
                Unit::Hour => "PTXH".into(),
                Unit::Day => "PXD".into(),
                Unit::Week => "PXW".into(),
                Unit::Month => "PXM".into(),
                Unit::Year => "PXY".into(),
                Unit::Decade => "PXDE".into(),
                Unit::Century => "PXCE".into(),
            };
        }
        match self {
            Unit::Minute => format!("PT{n}M"),
            Unit::Hour => format!("PT{n}H"),
            Unit::Day => format!("P{n}D"),
            Unit::Week => format!("P{n}W"),
            Unit::Month => format!("P{n}M"),
            Unit::Year => format!("P{n}Y"),
            Unit::Decade => format!("P{}Y", n.saturating_mul(10)),
            Unit::Century => format!("P{}Y", n.saturating_mul(100)),
        }
    }
}

/// A date relative to the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    /// `offset` days from the publication date (0 = today).
    Days(i32),
    /// The week `offset` weeks from the publication date's week, weeks
    /// starting on the calendar's first weekday (Saturday in Solar Hijri).
    Weeks(i32),
    /// The month `offset` months from the publication date's month.
    Months(i32),
    /// The Gregorian quarter `offset` quarters from the publication date's
    /// ("this quarter", "next quarter") or, anaphoric, from the quarter the
    /// text spoke of last ("the latest quarter" 0, "the year-ago quarter"
    /// −4).
    Quarters(i32),
    /// The year `offset` years from the publication date's year.
    Years(i32),
    /// A count of years ("a year ago", "two years earlier"), where
    /// [`Relative::Years`] names a calendar year ("last year"): the same
    /// year, but counted in quarters from a quarter the text just spoke of
    /// ("a year earlier" after "the third quarter" of 1989 is 1988-Q3).
    YearCount(i32),
    /// A weekend, Saturday and Sunday: 0 the one the clause's tense points
    /// to ("over the weekend" the last, "this weekend" in a plan the next),
    /// −1 the last one on or before the publication day ("last weekend"),
    /// 1 the next one not yet over ("next weekend").
    Weekend(i32),
    /// "Now", "until now": PRESENT_REF.
    Present,
    /// "A few days ago", "in recent days": before the publication date.
    RecentPast,
    /// "Soon": FUTURE_REF, with no bounds.
    Future,
}

/// What the expression says, before any calendar arithmetic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// A point: a year, a month, a day, a decade, a weekday, possibly
    /// lacking the year (resolved from the publication date).
    Date(DateSpec),
    /// A closed range as written: `from` … `to` (a range written high to low
    /// is kept as written and flagged by `reversed`).
    Range {
        from: DateSpec,
        to: DateSpec,
        reversed: bool,
    },
    /// A date relative to the publication date, in a calendar's units, or
    /// (`anaphoric`) to the date the text spoke of last («سه روز بعد»).
    Relative {
        rel: Relative,
        calendar: Calendar,
        anaphoric: bool,
    },
    /// A length of time, not a date («شش سال»); `amount` 0 is an unknown
    /// amount («چند ماه»: `PXM`). With `to_now` it is the span that ends on
    /// the publication day («دو روز گذشته», "the past two days"): still a
    /// duration, with that interval as its bounds.
    Duration {
        amount: u32,
        unit: Unit,
        to_now: bool,
        /// Half a unit more than `amount` («دو و نیم سال», «سه ساعت و
        /// نیم», "two and a half years"): `P2.5Y`.
        half: bool,
    },
    /// A recurring time, not a date («هر روز», "every Friday", "daily").
    Set(Recurrence),
}

/// What a set repeats, as TIMEX3 writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recurrence {
    /// Every `n` units («هر روز», "daily", "every two weeks"): `P1D`,
    /// `P2W`.
    Every(u32, Unit),
    /// Every given weekday (ISO 1 = Monday … 7), perhaps at a part of the
    /// day ("every Friday", "Tuesday nights"): `XXXX-WXX-5`,
    /// `XXXX-WXX-2TNI`.
    Weekday(u8, Option<DayPart>),
    /// Every given Gregorian month ("each July"): `XXXX-07`.
    Month(u8),
    /// Every given part of the day ("every evening", «هر شب»):
    /// `XXXX-XX-XXTEV`.
    DayPart(DayPart),
}

impl Recurrence {
    /// What a word of a `sets.tsv` table repeats (`day`, `week`, `month`,
    /// `year`, `hour`, `night`); `None` for any other name.
    pub fn of_table(repeats: &str) -> Option<Recurrence> {
        Some(match repeats {
            "hour" => Recurrence::Every(1, Unit::Hour),
            "day" => Recurrence::Every(1, Unit::Day),
            "week" => Recurrence::Every(1, Unit::Week),
            "month" => Recurrence::Every(1, Unit::Month),
            "year" => Recurrence::Every(1, Unit::Year),
            "night" => Recurrence::DayPart(DayPart::Night),
            _ => return None,
        })
    }

    /// The TIMEX3 value of the set.
    pub fn timex(self) -> String {
        match self {
            Recurrence::Every(n, u) => u.iso_duration(n.max(1)),
            Recurrence::Weekday(d, part) => match part {
                Some(p) => format!("XXXX-WXX-{d}T{}", p.code()),
                None => format!("XXXX-WXX-{d}"),
            },
            Recurrence::Month(m) => format!("XXXX-{m:02}"),
            Recurrence::DayPart(p) => format!("XXXX-XX-XXT{}", p.code()),
        }
    }
}

/// Modifiers of the contract: open ranges and vagueness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modifier {
    Since,
    Until,
    Approx,
    Early,
    Mid,
    Late,
    Before,
    After,
}

impl Modifier {
    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Modifier::Since => "since",
            Modifier::Until => "until",
            Modifier::Approx => "approx",
            Modifier::Early => "early",
            Modifier::Mid => "mid",
            Modifier::Late => "late",
            Modifier::Before => "before",
            Modifier::After => "after",
        }
    }
}

impl std::fmt::Display for Modifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A part of the day, as TIMEX3 names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayPart {
    /// Morning, dawn («صبح», «بامداد», «سحرگاه»): `MO`.
    Morning,
    /// Midday («ظهر», "noon"): `MI`.
    Midday,
    /// Afternoon («عصر», "afternoon"): `AF`.
    Afternoon,
    /// Evening («شامگاه», "evening"): `EV`.
    Evening,
    /// Night («شب», «نیمه‌شب», "overnight"): `NI`.
    Night,
    /// Daytime («روز», "during the day"): `DT`.
    Daytime,
}

impl DayPart {
    /// The TIMEX3 code (`MO`, `MI`, `AF`, `EV`, `NI`, `DT`).
    pub fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Midday => "MI",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
            DayPart::Daytime => "DT",
        }
    }
}

/// The tense of the clause that holds an expression: how a date with no
/// year (or a bare weekday) is placed relative to the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tense {
    Past,
    /// The present perfect («آواره شده‌اند»): a past event whose state
    /// holds now. Placed like the past; «از X» with it opens a `since`.
    Perfect,
    Present,
    Future,
    #[default]
    Unknown,
}

/// What a clause says of its predicate besides its tense: that it did not
/// happen («برگزار نشد», "did not sign"), or that it is a condition, a
/// demand or a possibility («اگر …», "would", "calls for"). Read by each
/// language from its own words ([`crate::lang::language::Segments::modality`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Modality {
    /// Neither: the clause asserts (or, in the future tense, plans).
    #[default]
    Plain,
    Negated,
    Hypothetical,
}

/// One expression found by a language's rules. Spans are byte offsets into
/// the normalized text the rules read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// Byte span of the whole expression in the normalized text.
    pub start: usize,
    pub end: usize,
    /// The rule that read it, e.g. `fa/day-month-year`.
    pub rule: &'static str,
    pub expr: Expr,
    pub modifier: Option<Modifier>,
    pub tense: Tense,
    /// A clock time stated with the date, as (hour, minute).
    pub time_of_day: Option<(u8, u8)>,
    /// A part of the day stated with the date («بامداد», "overnight"),
    /// when no clock time is.
    pub day_part: Option<DayPart>,
    /// The time zone a clock time states ("GMT", "UTC", "ET"), when it
    /// names one.
    pub timezone: Option<&'static str>,
    /// A time of day with no date of its own («0915 GMT», «overnight»):
    /// its TIMEX3 type is `time` (it takes the day of its sentence).
    pub time_only: bool,
    /// A second reading of the same date in another calendar (dual dates).
    pub alternative: Option<Box<Parsed>>,
    /// True for an explicit date that can anchor yearless dates after it.
    pub explicit: bool,
    /// A tense the expression itself states («شنبه گذشته», «مهر آینده»),
    /// which wins over the clause's verb.
    pub tense_hint: Option<Tense>,
}

impl Parsed {
    /// A new expression with no modifier, tense, time or alternative.
    pub fn new(start: usize, end: usize, rule: &'static str, expr: Expr) -> Parsed {
        let explicit = matches!(&expr, Expr::Date(d) if d.year.is_some())
            || matches!(&expr, Expr::Range { from, to, .. } if from.year.is_some() && to.year.is_some());
        Parsed {
            start,
            end,
            rule,
            expr,
            modifier: None,
            tense: Tense::Unknown,
            time_of_day: None,
            day_part: None,
            timezone: None,
            time_only: false,
            alternative: None,
            explicit,
            tense_hint: None,
        }
    }
}
