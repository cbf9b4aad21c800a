//! The English lexicon: every word list of `data/lexicon/en/`, compiled
//! into lookup tables keyed by the lowercase word (or phrase, words joined
//! by one space).

/// Lexicons are looked up at every token: a fast hash (FxHash; the keys
/// are the project's own words, not input an attacker picks).
type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;
use std::sync::OnceLock;

use crate::lang::tsv;

/// What the rules do with a function word (`keywords.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    MinuteUnit,
    HourUnit,
    DayUnit,
    WeekUnit,
    FortnightUnit,
    MonthUnit,
    YearUnit,
    DecadeUnit,
    CenturyUnit,
    Since,
    Until,
    Through,
    Before,
    After,
    From,
    To,
    Between,
    And,
    Early,
    Mid,
    Late,
    Approx,
    Ago,
    Later,
    Earlier,
    Last,
    Next,
    This,
    Past,
    Previous,
    Following,
    PartOfDay,
    In,
    On,
    Of,
    By,
    As,
    CountNoun,
}

impl Role {
    fn from_name(s: &str) -> Option<Role> {
        Some(match s {
            "minute-unit" => Role::MinuteUnit,
            "hour-unit" => Role::HourUnit,
            "day-unit" => Role::DayUnit,
            "week-unit" => Role::WeekUnit,
            "fortnight-unit" => Role::FortnightUnit,
            "month-unit" => Role::MonthUnit,
            "year-unit" => Role::YearUnit,
            "decade-unit" => Role::DecadeUnit,
            "century-unit" => Role::CenturyUnit,
            "since" => Role::Since,
            "until" => Role::Until,
            "through" => Role::Through,
            "before" => Role::Before,
            "after" => Role::After,
            "from" => Role::From,
            "to" => Role::To,
            "between" => Role::Between,
            "and" => Role::And,
            "early" => Role::Early,
            "mid" => Role::Mid,
            "late" => Role::Late,
            "approx" => Role::Approx,
            "ago" => Role::Ago,
            "later" => Role::Later,
            "earlier" => Role::Earlier,
            "last" => Role::Last,
            "next" => Role::Next,
            "this" => Role::This,
            "past" => Role::Past,
            "previous" => Role::Previous,
            "following" => Role::Following,
            "part-of-day" => Role::PartOfDay,
            "in" => Role::In,
            "on" => Role::On,
            "of" => Role::Of,
            "by" => Role::By,
            "as" => Role::As,
            "count-noun" => Role::CountNoun,
            _ => return None,
        })
    }
}

/// Kinds of relative words and phrases (`relative.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelKind {
    Day,
    Present,
    Past,
    Future,
    AnaphoricDay,
}

/// Tense cues (`verbs.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    Past,
    Present,
    Perfect,
    Future,
    ToFuture,
    NotVerb,
    AuxBe,
}

/// A named day: its words, calendar, month and day.
pub type Holiday = (Vec<&'static str>, crate::units::Calendar, u8, u8);

/// The compiled lexicon.
pub struct Lexicon {
    pub months: HashMap<&'static str, u8>,
    pub weekdays: HashMap<&'static str, u8>,
    /// Season number and latency.
    pub seasons: HashMap<&'static str, (u8, bool)>,
    /// Number words: value and ordinal flag.
    pub numbers: HashMap<&'static str, (u32, bool)>,
    pub roles: HashMap<&'static str, Vec<Role>>,
    /// Relative phrases (words joined by one space).
    pub relative: HashMap<&'static str, (RelKind, i32)>,
    /// The longest relative phrase, in words.
    pub relative_words: usize,
    /// The first words of the relative phrases.
    pub relative_first: rustc_hash::FxHashSet<&'static str>,
    pub cues: HashMap<&'static str, Cue>,
    /// Named days (`holidays.tsv`), by their first word: a token is
    /// tried only against the names that begin with it.
    pub holidays: HashMap<&'static str, Vec<Holiday>>,
}

impl Lexicon {
    fn build() -> Lexicon {
        let months = tsv::rows(include_str!("../../../data/lexicon/en/months.tsv"))
            .filter_map(|r| Some((r[0], r.get(1)?.parse().ok()?)))
            .collect();
        let weekdays = tsv::rows(include_str!("../../../data/lexicon/en/weekdays.tsv"))
            .filter_map(|r| Some((r[0], r.get(1)?.parse().ok()?)))
            .collect();
        let seasons = tsv::rows(include_str!("../../../data/lexicon/en/seasons.tsv"))
            .filter_map(|r| Some((r[0], (r.get(1)?.parse().ok()?, r.get(2) == Some(&"1")))))
            .collect();
        let numbers = tsv::rows(include_str!("../../../data/lexicon/en/numbers.tsv"))
            .filter_map(|r| Some((r[0], (r.get(1)?.parse().ok()?, r.get(2) == Some(&"1")))))
            .collect();
        let mut roles: HashMap<&'static str, Vec<Role>> = HashMap::default();
        for r in tsv::rows(include_str!("../../../data/lexicon/en/keywords.tsv")) {
            if let Some(role) = r.get(1).and_then(|s| Role::from_name(s)) {
                roles.entry(r[0]).or_default().push(role);
            }
        }
        let mut relative = HashMap::default();
        let mut relative_words = 1;
        let mut relative_first = rustc_hash::FxHashSet::default();
        for r in tsv::rows(include_str!("../../../data/lexicon/en/relative.tsv")) {
            let kind = match r.get(1).copied() {
                Some("day") => RelKind::Day,
                Some("present") => RelKind::Present,
                Some("past") => RelKind::Past,
                Some("future") => RelKind::Future,
                Some("anaphoric-day") => RelKind::AnaphoricDay,
                _ => continue,
            };
            let offset = r.get(2).and_then(|s| s.parse().ok()).unwrap_or(0);
            relative_words = relative_words.max(r[0].split(' ').count());
            relative_first.insert(r[0].split(' ').next().unwrap_or(""));
            relative.insert(r[0], (kind, offset));
        }
        let cues = tsv::rows(include_str!("../../../data/lexicon/en/verbs.tsv"))
            .filter_map(|r| {
                let cue = match r.get(1).copied()? {
                    "past" => Cue::Past,
                    "present" => Cue::Present,
                    "perfect" => Cue::Perfect,
                    "future" => Cue::Future,
                    "to-future" => Cue::ToFuture,
                    "not-verb" => Cue::NotVerb,
                    "aux-be" => Cue::AuxBe,
                    _ => return None,
                };
                Some((r[0], cue))
            })
            .collect();
        let mut holidays: HashMap<&'static str, Vec<Holiday>> = HashMap::default();
        for r in tsv::rows(include_str!("../../../data/lexicon/en/holidays.tsv")) {
            let words: Vec<&'static str> = r[0].split(' ').filter(|w| !w.is_empty()).collect();
            let parsed = (|| {
                Some((
                    r.get(1)?.parse().ok()?,
                    r.get(2)?.parse().ok()?,
                    r.get(3)?.parse().ok()?,
                ))
            })();
            if let (Some(&first), Some((cal, month, day))) = (words.first(), parsed) {
                holidays
                    .entry(first)
                    .or_default()
                    .push((words, cal, month, day));
            }
        }
        Lexicon {
            holidays,
            months,
            weekdays,
            seasons,
            numbers,
            roles,
            relative,
            relative_words,
            relative_first,
            cues,
        }
    }

    /// True when `word` (lowercase) has `role`.
    pub fn is(&self, word: &str, role: Role) -> bool {
        self.roles.get(word).is_some_and(|r| r.contains(&role))
    }
}

/// The lexicon, built once.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::build)
}
