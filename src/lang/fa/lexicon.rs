//! The Persian lexicon: every word list of `data/lexicon/fa/` (and the
//! English month and weekday names that Persian pages quote), compiled into
//! one table keyed by the word with ZWNJ and spaces removed.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::lang::tsv;
use crate::units::Calendar;

/// What the rules do with a function word (`keywords.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    YearWord,
    YearsWord,
    MonthWord,
    MonthsWord,
    DayWord,
    DaysWord,
    WeekWord,
    DecadeWord,
    CenturyWord,
    HourWord,
    MinuteWord,
    From,
    To,
    Through,
    Between,
    And,
    In,
    Early,
    Mid,
    Late,
    Approx,
    Ago,
    Past,
    Next,
    End,
    Night,
    Morning,
    Evening,
    /// A noun of an event that a bare year after it dates («جنگ ۱۹۴۸»,
    /// «انقلاب ۱۳۵۷», «انتخابات ۱۴۰۰»).
    EventYear,
    /// A word that gives the same date in another calendar after a date
    /// («برابر با», «مصادف با», «مطابق با»).
    Equals,
}

impl Role {
    fn from_name(s: &str) -> Option<Role> {
        Some(match s {
            "year-word" => Role::YearWord,
            "years-word" => Role::YearsWord,
            "month-word" => Role::MonthWord,
            "months-word" => Role::MonthsWord,
            "day-word" => Role::DayWord,
            "days-word" => Role::DaysWord,
            "week-word" => Role::WeekWord,
            "decade-word" => Role::DecadeWord,
            "century-word" => Role::CenturyWord,
            "hour-word" => Role::HourWord,
            "minute-word" => Role::MinuteWord,
            "from" => Role::From,
            "to" => Role::To,
            "through" => Role::Through,
            "between" => Role::Between,
            "and" => Role::And,
            "in" => Role::In,
            "early" => Role::Early,
            "mid" => Role::Mid,
            "late" => Role::Late,
            "approx" => Role::Approx,
            "ago" => Role::Ago,
            "past" => Role::Past,
            "next" => Role::Next,
            "end" => Role::End,
            "night" => Role::Night,
            "morning" => Role::Morning,
            "evening" => Role::Evening,
            "event-year" => Role::EventYear,
            "equals" => Role::Equals,
            _ => return None,
        })
    }
}

/// Kinds of relative expressions (`relative.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelKind {
    Day,
    Week,
    Month,
    Year,
    Present,
    PastVague,
    /// «به زودی»: FUTURE_REF.
    Future,
    /// A day counted from the date the text spoke of last («همان روز»: 0,
    /// «فردای آن روز»: 1).
    AnaphoricDay,
}

/// One meaning of a word or phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lex {
    /// A month name; `latent` when the word has a common non-date meaning.
    Month {
        cal: Calendar,
        month: u8,
        latent: bool,
    },
    /// A weekday (ISO number).
    Weekday(u8),
    /// A season 1–4 (spring … winter).
    Season(u8),
    /// A named day (`holidays.tsv`): its month and day in its calendar.
    Holiday { cal: Calendar, month: u8, day: u8 },
    /// An era marker selecting a calendar.
    Era(Calendar),
    /// A marker of a year before the common era («قبل از میلاد»): the
    /// year is Gregorian, counted back from year 1.
    EraBc,
    /// A number word.
    Number { value: u32, ordinal: bool },
    /// A relative expression.
    Relative {
        kind: RelKind,
        offset: i32,
        cal: Calendar,
    },
    /// A part of the day (`dayparts.tsv`); `alone` when the word is a
    /// time of its own with no day beside it («سحرگاه», «شبانه»).
    DayPart {
        part: crate::lang::expr::DayPart,
        alone: bool,
    },
    /// A word that begins a set (`sets.tsv`): `None` for «هر» (what
    /// repeats follows it), else what the adverb repeats («روزانه»).
    Set(Option<crate::lang::expr::Recurrence>),
    /// A function word.
    Kw(Role),
}

/// The compiled lexicon.
pub struct Lexicon {
    words: HashMap<String, Vec<Lex>>,
    /// Longest phrase, in words.
    pub max_words: usize,
    /// Proper prefixes of every form: what can begin a phrase of several words.
    phrase_starts: rustc_hash::FxHashSet<String>,
    /// Past stems of verbs (`verbs.tsv`).
    pub past_stems: HashMap<String, ()>,
    /// English month names (lower case) → month.
    pub en_months: HashMap<&'static str, u8>,
    /// English weekday names (lower case) → ISO weekday.
    pub en_weekdays: HashMap<&'static str, u8>,
    /// Words that make a following bare weekday, month or relative word
    /// part of a name (`blockers.tsv`): key → what they block.
    pub blockers: HashMap<String, &'static str>,
    /// Nouns of quantity (`quantities.tsv`): a number before them is a count.
    quantities: rustc_hash::FxHashSet<String>,
}

/// True when `s` holds a ZWNJ (U+200C, UTF-8 `E2 80 8C`), by its bytes:
/// a char search decodes every character of the word.
pub fn has_zwnj(s: &str) -> bool {
    s.as_bytes().windows(3).any(|w| w == [0xE2, 0x80, 0x8C])
}

/// The key a word or phrase is stored under: ZWNJ and spaces removed, and
/// «ۀ» (heh with the ezafe hamza) read as «ه».
pub fn key(s: &str) -> std::borrow::Cow<'_, str> {
    // «ژانویهٔ ۲۰۱۲», «هفتۀ پسین»: heh with the ezafe hamza is heh.
    // (By bytes, in one pass: ZWNJ is E2 80 8C, «ۀ» DB 80; a search for
    // the three chars decodes every character of every word.)
    let b = s.as_bytes();
    let folds = (0..b.len()).any(|i| match b[i] {
        b' ' => true,
        0xE2 => b.get(i + 1..i + 3) == Some(&[0x80, 0x8C]),
        0xDB => b.get(i + 1) == Some(&0x80),
        _ => false,
    });
    if folds {
        std::borrow::Cow::Owned(
            s.chars()
                .filter(|&c| c != '\u{200C}' && c != ' ')
                .map(|c| if c == 'ۀ' { 'ه' } else { c })
                .collect(),
        )
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

fn calendar(s: &str) -> Calendar {
    s.parse().unwrap_or(Calendar::Gregorian)
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut words: HashMap<String, Vec<Lex>> = HashMap::default();
        let mut max_words = 1;
        let mut phrase_starts = rustc_hash::FxHashSet::default();
        let mut add = |form: &str, lex: Lex| {
            // Any form may be written in several words («اردی بهشت»,
            // «سه شنبه»): every proper prefix of its key can begin a phrase.
            let k = key(form);
            for (i, _) in k.char_indices().skip(2) {
                phrase_starts.insert(k[..i].to_string());
            }
            let n = form
                .split([' ', '\u{200C}'])
                .filter(|w| !w.is_empty())
                .count();
            // Phrases spelled with ZWNJ count as one word: «سه‌شنبه».
            let n = n.max(1);
            if form.contains(' ') {
                max_words = max_words.max(n);
            }
            let entry = words.entry(key(form).into_owned()).or_default();
            if !entry.contains(&lex) {
                entry.push(lex);
            }
        };
        for r in tsv::rows(include_str!("../../../data/lexicon/fa/months.tsv")) {
            let month = r.get(2).and_then(|m| m.parse().ok()).unwrap_or(0);
            add(
                r[0],
                Lex::Month {
                    cal: calendar(r.get(1).copied().unwrap_or("")),
                    month,
                    latent: r.get(3) == Some(&"yes"),
                },
            );
        }
        for r in tsv::rows(include_str!("../../../data/lexicon/fa/weekdays.tsv")) {
            add(
                r[0],
                Lex::Weekday(r.get(1).and_then(|v| v.parse().ok()).unwrap_or(0)),
            );
        }
        for r in tsv::rows(include_str!("../../../data/lexicon/fa/seasons.tsv")) {
            add(
                r[0],
                Lex::Season(r.get(1).and_then(|v| v.parse().ok()).unwrap_or(1)),
            );
        }
        for r in tsv::rows(include_str!("../../../data/lexicon/fa/holidays.tsv")) {
            let n = |k: usize| r.get(k).and_then(|v| v.parse().ok()).unwrap_or(0);
            add(
                r[0],
                Lex::Holiday {
                    cal: calendar(r.get(1).copied().unwrap_or("")),
                    month: n(2),
                    day: n(3),
                },
            );
        }
        for r in tsv::rows(include_str!("../../../data/lexicon/fa/markers.tsv")) {
            let era = match r.get(1).copied().unwrap_or("") {
                "before-common-era" => Lex::EraBc,
                cal => Lex::Era(calendar(cal)),
            };
            add(r[0], era);
        }
        for r in tsv::rows(include_str!("../../../data/lexicon/fa/numbers.tsv")) {
            add(
                r[0],
                Lex::Number {
                    value: r.get(1).and_then(|v| v.parse().ok()).unwrap_or(0),
                    ordinal: r.get(2) == Some(&"yes"),
                },
            );
        }
        for r in tsv::rows(include_str!("../../../data/lexicon/fa/relative.tsv")) {
            let kind = match r.get(1).copied().unwrap_or("") {
                "day" => RelKind::Day,
                "week" => RelKind::Week,
                "month" => RelKind::Month,
                "year" => RelKind::Year,
                "present" => RelKind::Present,
                "future" => RelKind::Future,
                "anaphoric-day" => RelKind::AnaphoricDay,
                _ => RelKind::PastVague,
            };
            add(
                r[0],
                Lex::Relative {
                    kind,
                    offset: r.get(2).and_then(|v| v.parse().ok()).unwrap_or(0),
                    cal: calendar(r.get(3).copied().unwrap_or("")),
                },
            );
        }
        for r in tsv::rows(include_str!("../../../data/lexicon/fa/dayparts.tsv")) {
            use crate::lang::expr::DayPart;
            let part = match r.get(1).copied().unwrap_or("") {
                "MO" => DayPart::Morning,
                "MI" => DayPart::Midday,
                "AF" => DayPart::Afternoon,
                "EV" => DayPart::Evening,
                "NI" => DayPart::Night,
                _ => DayPart::Daytime,
            };
            add(
                r[0],
                Lex::DayPart {
                    part,
                    alone: r.get(2) == Some(&"yes"),
                },
            );
        }
        for r in tsv::rows(include_str!("../../../data/lexicon/fa/sets.tsv")) {
            add(
                r[0],
                Lex::Set(crate::lang::expr::Recurrence::of_table(
                    r.get(1).copied().unwrap_or(""),
                )),
            );
        }
        for r in tsv::rows(include_str!("../../../data/lexicon/fa/keywords.tsv")) {
            if let Some(role) = r.get(1).and_then(|s| Role::from_name(s)) {
                add(r[0], Lex::Kw(role));
            }
        }
        let past_stems = tsv::rows(include_str!("../../../data/lexicon/fa/verbs.tsv"))
            .map(|r| (key(r[0]).into_owned(), ()))
            .collect();
        let en_months = tsv::rows(include_str!("../../../data/lexicon/en/months.tsv"))
            .filter_map(|r| Some((r[0], r.get(1)?.parse().ok()?)))
            .collect();
        let en_weekdays = tsv::rows(include_str!("../../../data/lexicon/en/weekdays.tsv"))
            .filter_map(|r| Some((r[0], r.get(1)?.parse().ok()?)))
            .collect();
        let blockers = tsv::rows(include_str!("../../../data/lexicon/fa/blockers.tsv"))
            .filter_map(|r| Some((key(r[0]).into_owned(), *r.get(1)?)))
            .collect();
        let quantities = tsv::rows(include_str!("../../../data/lexicon/fa/quantities.tsv"))
            .map(|r| key(r[0]).into_owned())
            .collect();
        Lexicon {
            quantities,
            phrase_starts,
            blockers,
            words,
            max_words,
            past_stems,
            en_months,
            en_weekdays,
        }
    }

    /// True when `word` (a key) before a bare `what` (weekday, month,
    /// relative) makes it part of a name.
    pub fn blocks(&self, word: &str, what: &str) -> bool {
        self.blockers
            .get(word)
            .is_some_and(|b| *b == what || *b == "any")
    }

    /// True for a noun of quantity (a key): «نفر», «هزار», «دلار».
    pub fn is_quantity(&self, word: &str) -> bool {
        self.quantities.contains(word)
    }

    /// True when `first` (a key) begins a phrase of several words.
    pub fn starts_phrase(&self, first: &str) -> bool {
        self.phrase_starts.contains(first)
    }

    /// The meanings of a word or phrase given by its key.
    pub fn get(&self, key: &str) -> &[Lex] {
        self.words.get(key).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// The lexicon, compiled on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::build)
}
