//! The Persian date grammar: named rules over tokens.
//!
//! Rules come in two layers, as in Duckling: *points* read one date
//! (`fa/day-month-year`, `fa/month-year`, `fa/year`, `fa/numeric-ymd`, …)
//! and *compounds* combine points with function words into ranges, open
//! ranges, modified and dual dates (`fa/from-to`, `fa/since`, `fa/until`,
//! `fa/dual-date`, …). The registry `RULES` lists them in priority order;
//! at every token the longest reading wins. Ambiguous
//! month words (مه fog, تیر bullet, مهر seal, بهمن avalanche, دی, می) are
//! *latent*: they are read as months only next to a day number, a year or
//! «ماه».

use super::lexicon::{Lex, Lexicon, RelKind, Role, key, lexicon};
use super::tense::{clause_tense, has_continuation_cue};
use super::token::{Kind, Tok, tokenize};
use crate::lang::expr::{
    DateSpec, DayPart, Expr, Modifier, Parsed, Recurrence, Relative, Tense, Unit, WeekOf,
};
use crate::lang::grammar::{self, Atom, GrammarParams, Lead, Names, Read, Side, TwoDigitEnd};
use crate::units::Calendar;

/// What the Persian grammar gives the shared combinators.
const PARAMS: GrammarParams = GrammarParams {
    names: Names {
        between_and: "fa/between-and",
        from_to: "fa/from-to",
        range: "fa/range",
        since: "fa/since",
        until: "fa/until",
        before: "fa/before",
        after: "fa/after",
        early: "fa/early",
        mid: "fa/mid",
        late: "fa/late",
        approx: "fa/approx",
        duration: "fa/duration",
    },
    // Drifted from English (which reads «۱۳۹۸–۰۲» forward and allows 200
    // years): kept as they are; unifying them is a later issue's work.
    two_digit_end: TwoDigitEnd::SameCentury,
    max_range_years: 300,
};

type Rule = grammar::Rule<
    fn(&P<'_>, usize) -> bool,
    fn(&P<'_>, usize) -> Option<Option<Atom>>,
    fn(&P<'_>, usize) -> Option<Atom>,
    fn(&P<'_>, usize) -> Option<(Parsed, usize)>,
>;

/// The Persian rules in priority order: the one place that decides which
/// rules run and in what order. The point rules are tried by `point` (the
/// weekday first: a weekday word is read by it alone), the longest point
/// wins and, of equally long ones, the later rule; the expression rules
/// are tried by the run loop at every token some rule `starts` at, the
/// longest wins and, of equally long ones, the earlier rule.
static RULES: &[Rule] = &[
    Rule {
        name: "fa/weekday",
        emits: &[
            "fa/weekday",
            "fa/weekday-past",
            "fa/weekday-next",
            "fa/weekday-of-week",
        ],
        starts: |p, i| p.latin(i) || p.lexical(i),
        read: Read::Before(|p, i| p.weekday(i)),
    },
    Rule {
        name: "fa/numeric",
        emits: &["fa/numeric-ymd", "fa/numeric-dmy"],
        starts: |p, i| p.kind(i) == Some(Kind::Num),
        read: Read::Point(|p, i| p.numeric(i)),
    },
    Rule {
        name: "fa/day-month",
        emits: &[
            "fa/day-month-year",
            "fa/day-month",
            "fa/date-relative-year",
            "fa/date-that-year",
            "fa/date-past",
            "fa/date-next",
            // A site clock's day and month and its year between dashes
            // (`stamps`, after the rules).
            "fa/dashed-date",
        ],
        starts: |p, i| p.kind(i) == Some(Kind::Num) || p.lexical(i) || p.zwnj(i),
        read: Read::Point(|p, i| p.day_month(i)),
    },
    Rule {
        name: "fa/month",
        emits: &[
            "fa/latin-month-day-year",
            "fa/month-year",
            "fa/month",
            "fa/date-relative-year",
            "fa/date-that-year",
            "fa/date-past",
            "fa/date-next",
        ],
        starts: |p, i| {
            p.latin(i)
                || p.lexical(i)
                || p.zwnj(i)
                || p.any_role(i, &[Role::MonthWord])
                || p.tok(i)
                    .is_some_and(|t| t.kind == Kind::Word && p.key_at(i).ends_with("ماه"))
        },
        read: Read::Point(|p, i| p.month_first(i)),
    },
    Rule {
        name: "fa/year",
        emits: &["fa/year", "fa/year-era"],
        starts: |p, i| {
            p.kind(i) == Some(Kind::Num) || p.any_role(i, &[Role::YearWord, Role::YearsWord])
        },
        read: Read::Point(|p, i| p.year(i)),
    },
    Rule {
        name: "fa/year-first",
        emits: &["fa/year-month-day"],
        starts: |p, i| p.kind(i) == Some(Kind::Num),
        read: Read::Point(|p, i| p.year_first(i)),
    },
    Rule {
        name: "fa/decade",
        emits: &["fa/decade"],
        starts: |p, i| p.any_role(i, &[Role::DecadeWord]),
        read: Read::Point(|p, i| p.decade(i)),
    },
    Rule {
        name: "fa/season",
        emits: &[
            "fa/season-year",
            "fa/date-relative-year",
            "fa/date-that-year",
        ],
        starts: |p, i| p.lexical(i),
        read: Read::Point(|p, i| p.season(i)),
    },
    Rule {
        name: "fa/holiday",
        emits: &["fa/holiday", "fa/holiday-days"],
        starts: |p, i| p.lexical(i) || p.kind(i) == Some(Kind::Num),
        read: Read::Expr(|p, i| p.holiday(i)),
    },
    Rule {
        name: "fa/century",
        emits: &["fa/century"],
        starts: |p, i| p.any_role(i, &[Role::CenturyWord]),
        read: Read::Point(|p, i| p.century(i)),
    },
    Rule {
        name: "fa/in-year",
        emits: &["fa/in-year"],
        starts: |p, i| p.kind(i) == Some(Kind::Num),
        read: Read::Point(|p, i| p.year_after_in(i)),
    },
    Rule {
        name: "fa/range",
        emits: &["fa/between-and", "fa/from-to", "fa/range"],
        // Or any token a side (a point, a number, a month) starts at.
        starts: |p, i| p.any_role(i, &[Role::From, Role::Between, Role::YearsWord]),
        read: Read::Expr(|p, i| p.range(i)),
    },
    Rule {
        name: "fa/open",
        emits: &[
            "fa/since",
            "fa/until",
            "fa/before",
            "fa/after",
            "fa/from-day",
            "fa/from-point",
        ],
        // «پیش از», «قبل از» (Ago), «بعد از» (Next), «پس از».
        starts: |p, i| {
            p.any_role(i, &[Role::From, Role::To, Role::Ago, Role::Next]) || p.word(i, "پس")
        },
        read: Read::Expr(|p, i| p.open(i)),
    },
    Rule {
        name: "fa/modified",
        emits: &["fa/early", "fa/mid", "fa/late", "fa/approx"],
        starts: |p, i| p.any_role(i, &[Role::Early, Role::Mid, Role::Late, Role::Approx]),
        read: Read::Expr(|p, i| p.modified(i)),
    },
    Rule {
        name: "fa/relative",
        emits: &[
            "fa/relative",
            "fa/day-named-in-full",
            "fa/that-day",
            "fa/n-units-later",
            "fa/n-units-ago",
        ],
        // A count starts «هزار سال پیش» and «هزاران سال پیش».
        starts: |p, i| p.kind(i) == Some(Kind::Num) || p.lexical(i) || p.counts(i),
        read: Read::Expr(|p, i| p.relative_expr(i)),
    },
    Rule {
        name: "fa/day-part",
        emits: &["fa/day-part", "fa/day-part-alone"],
        starts: |p, i| p.lexical(i) || p.zwnj(i),
        read: Read::Expr(|p, i| p.day_part(i)),
    },
    Rule {
        name: "fa/clock",
        emits: &["fa/clock"],
        starts: |p, i| p.kind(i) == Some(Kind::Num) || p.any_role(i, &[Role::HourWord]),
        read: Read::Expr(|p, i| p.clock(i)),
    },
    Rule {
        name: "fa/ordinal-day",
        emits: &["fa/ordinal-day"],
        starts: |p, i| p.any_role(i, &[Role::DayWord]) || p.ordinal_in(i).is_some(),
        read: Read::Expr(|p, i| p.ordinal_day(i)),
    },
    Rule {
        name: "fa/date",
        emits: &["fa/dual-date"],
        // Where the point rules start.
        starts: |_, _| false,
        read: Read::Expr(|p, i| p.date(i)),
    },
    Rule {
        name: "fa/set",
        emits: &["fa/set"],
        starts: |p, i| p.set_word(i).is_some(),
        read: Read::Expr(|p, i| p.set(i)),
    },
    Rule {
        name: "fa/duration",
        emits: &["fa/duration"],
        starts: |p, i| {
            p.kind(i) == Some(Kind::Num)
                || p.lexical(i)
                || p.zwnj(i)
                || p.counts(i)
                || p.vague_units(i).is_some()
                // «دوونیم», «یکنیم»: a count glued to its half (other
                // counts are `counts` already).
                || (p.kind(i) == Some(Kind::Word) && p.key_at(i).ends_with("نیم"))
        },
        read: Read::Expr(|p, i| p.duration_expr(i)),
    },
];

/// A weekday or «هفته» with its ezafe «ی» written on without the ZWNJ
/// («شنبهی گذشته», «هفتهی آینده»: the pages of the search corpus, and
/// many Afghan sites, lose the ZWNJ of «شنبه‌ی») is read as the word;
/// any other word is left as it is («ماهی», «گاهی»).
fn ezafe_stem<'a>(lex: &Lexicon, k: std::borrow::Cow<'a, str>) -> std::borrow::Cow<'a, str> {
    match k.strip_suffix("هی") {
        Some(stem)
            if lex.get(&k).is_empty()
                && (stem == "هفت"
                    || lex
                        .get(&format!("{stem}ه"))
                        .iter()
                        .any(|l| matches!(l, Lex::Weekday(_)))) =>
        {
            std::borrow::Cow::Owned(format!("{stem}ه"))
        }
        _ => k,
    }
}

/// Every rule name the Persian rules can write (the `rule` field).
pub fn rule_names() -> Vec<&'static str> {
    grammar::emitted(RULES)
}

/// Every temporal expression in normalized Persian text, in text order.
pub fn parse(text: &str) -> Vec<Parsed> {
    parse_tokens_meanings(text, &tokenize(text)).0
}

/// [`parse`] over the tokens of `text`, with every token's meanings in
/// the lexicon (the layout-damage pass reads the same tokens and
/// meanings).
pub fn parse_tokens_meanings(text: &str, toks: &[Tok<'_>]) -> (Vec<Parsed>, Vec<&'static [Lex]>) {
    let lex = lexicon();
    // Every token's key, made once: the rules compare and look up words
    // again and again at the same token.
    let keys: Vec<std::borrow::Cow<'_, str>> =
        toks.iter().map(|t| ezafe_stem(lex, key(t.s))).collect();
    // Every word's meanings, looked up once.
    let lex1 = toks
        .iter()
        .zip(&keys)
        .map(|(t, k)| {
            if t.kind == Kind::Word {
                lex.get(k)
            } else {
                &[]
            }
        })
        .collect();
    // The meanings of every phrase of several words, looked up once: the
    // rules ask for them again and again at the same token.
    let starts: Vec<bool> = toks
        .iter()
        .zip(&keys)
        .map(|(t, k)| t.kind == Kind::Word && lex.starts_phrase(k))
        .collect();
    // Words with a ZWNJ inside («پنج‌ساله»), found once: several rules
    // start at them.
    let zwnj: Vec<bool> = toks
        .iter()
        .map(|t| t.kind == Kind::Word && super::lexicon::has_zwnj(t.s))
        .collect();
    let width = lex.max_words.max(1) - 1;
    let mut multi: Vec<&'static [Lex]> = vec![&[]; toks.len() * width];
    let mut k = String::new();
    for i in 0..toks.len() {
        if width == 0 || !starts[i] {
            continue;
        }
        k.clear();
        k.push_str(&keys[i]);
        for n in 2..=lex.max_words {
            match toks.get(i + n - 1) {
                Some(u) if u.kind == Kind::Word => k.push_str(&keys[i + n - 1]),
                _ => break,
            }
            multi[i * width + n - 2] = lex.get(&k);
        }
    }
    let p = P {
        points: std::cell::RefCell::new(vec![None; toks.len()]),
        numbers: std::cell::RefCell::new(vec![None; toks.len()]),
        toks,
        keys: &keys,
        lex,
        lex1,
        starts,
        zwnj,
        multi,
        width,
    };
    let mut out = p.run();
    stamps(text, &mut out);
    (out, p.lex1)
}

/// Page stamps, each one expression as a reader takes it: a date and a
/// clock time side by side («۲۰:۱۰ - ۰۶ تیر ۱۴۰۰», «یکشنبه ۲۳ آبان ۱۴۰۰ -
/// ۰۹:۴۳») are the date at that time; a site clock's weekday, day and
/// month, and year between dashes («سه شنبه - ۲۸ مرداد - ۱۴۰۴») one date
/// (`fa/dashed-date`). A media player's counters («0:00», «0:02:02») are
/// no clock times.
fn stamps(text: &str, out: &mut Vec<Parsed>) {
    let gap_ok = |gap: &str| {
        let g = gap.trim_matches([' ', '\u{200C}']);
        gap.len() <= 6 && (g.is_empty() || matches!(g, "-" | "–" | "|" | "،" | ","))
    };
    let is_day = |p: &Parsed| {
        matches!(&p.expr, Expr::Date(d) if d.day.is_some() && d.month.is_some())
            && p.time_of_day.is_none()
            && p.modifier.is_none()
    };
    out.retain(|p| {
        if p.rule != "fa/clock" {
            return true;
        }
        // «0:00», «0:02:02»: a player's counters, not a time of day.
        let s = &text[p.start..p.end];
        !(p.time_of_day.is_some_and(|(h, _)| h == 0)
            && (s.matches(':').count() == 2 || p.time_of_day == Some((0, 0))))
    });
    // One pass each, building the list anew: removing from the middle of
    // it would make a page of many stamps quadratic.
    let bare_clock = |p: &Parsed| {
        p.rule == "fa/clock"
            && matches!(
                p.expr,
                Expr::Relative {
                    rel: Relative::Days(0),
                    ..
                }
            )
    };
    let mut joined: Vec<Parsed> = Vec::with_capacity(out.len());
    for p in out.drain(..) {
        if let Some(a) = joined.last_mut()
            && gap_ok(&text[a.end.min(p.start)..p.start])
        {
            if bare_clock(a) && is_day(&p) {
                // «۲۰:۱۰ - ۰۶ تیر ۱۴۰۰»: the date at the clock's time.
                let (start, t) = (a.start, a.time_of_day);
                *a = p;
                a.start = start;
                a.time_of_day = t;
                continue;
            }
            if bare_clock(&p) && is_day(a) {
                a.end = p.end;
                a.time_of_day = p.time_of_day;
                continue;
            }
        }
        joined.push(p);
    }
    // «سه شنبه - ۲۸ مرداد - ۱۴۰۴»
    for p in joined.drain(..) {
        let yearless = matches!(&p.expr, Expr::Date(d) if d.day.is_some() && d.month.is_some() && d.year.is_none());
        let Some((year, end)) = yearless.then(|| dashed_year(text, p.end)).flatten() else {
            out.push(p);
            continue;
        };
        // «سه شنبه - …», «امروز سه شنبه - …»: the site clock's day.
        let weekday_before = out.last().filter(|w| {
            (matches!(&w.expr, Expr::Date(d) if d.is_weekday_only())
                || matches!(
                    &w.expr,
                    Expr::Relative {
                        rel: Relative::Days(0),
                        anaphoric: false,
                        ..
                    }
                ))
                && text[w.end..p.start].trim() == "-"
        });
        let weekday = weekday_before.map(|w| match &w.expr {
            Expr::Date(d) => d.weekday,
            _ => None,
        });
        let mut q = p;
        if let Expr::Date(d) = &mut q.expr {
            d.year = Some(year);
            if let Some(wd) = weekday {
                d.weekday = wd;
            }
        }
        q.end = end;
        q.rule = "fa/dashed-date";
        q.explicit = true;
        if weekday.is_some()
            && let Some(w) = out.pop()
        {
            q.start = w.start;
        }
        out.push(q);
    }
}

/// A year after a dash at byte `at` («… مرداد - ۱۴۰۴»): the year and where
/// it ends. Only a four-digit Solar Hijri or Gregorian year followed by no
/// more digits or words of its line.
fn dashed_year(text: &str, at: usize) -> Option<(i32, usize)> {
    let rest = &text[at..];
    let after_dash = rest.trim_start_matches(' ').strip_prefix(['-', '–'])?;
    let digits_at = at
        + (rest.len() - after_dash.len())
        + (after_dash.len() - after_dash.trim_start_matches(' ').len());
    let tail = &text[digits_at..];
    let mut y = 0i32;
    let mut n = 0;
    let mut end = digits_at;
    for c in tail.chars() {
        let u = c as u32;
        let Some(d) = c.to_digit(10).or_else(|| match u {
            0x06F0..=0x06F9 => Some(u - 0x06F0),
            0x0660..=0x0669 => Some(u - 0x0660),
            _ => None,
        }) else {
            break;
        };
        y = y * 10 + d as i32;
        n += 1;
        end += c.len_utf8();
    }
    // Nothing but spaces after it on its line (stops at the first other
    // character: no scan of a long line).
    let line_ends = text[end..]
        .chars()
        .take_while(|&c| c != '\n')
        .all(char::is_whitespace);
    (n == 4 && year_calendar(y).is_some() && line_ends).then_some((y, end))
}

/// A number written in words: (value, ordinal, tokens).
type NumberWords = (u32, bool, usize);

struct P<'t> {
    toks: &'t [Tok<'t>],
    /// The key of each token ([`key`]).
    keys: &'t [std::borrow::Cow<'t, str>],
    lex: &'static Lexicon,
    /// The meanings of each token as a single word.
    lex1: Vec<&'static [Lex]>,
    /// Whether each token begins a phrase of several words.
    starts: Vec<bool>,
    /// Whether each token is a word with a ZWNJ inside.
    zwnj: Vec<bool>,
    /// The meanings of the phrase of `n` ≥ 2 words at token `i`, at
    /// `i * width + n - 2`.
    multi: Vec<&'static [Lex]>,
    /// The most words of a phrase, less one.
    width: usize,
    /// The point read at each token, once asked.
    points: std::cell::RefCell<Vec<Option<Option<Atom>>>>,
    /// The number written in words at each token, once asked.
    numbers: std::cell::RefCell<Vec<Option<Option<NumberWords>>>>,
}

/// The calendar of a bare year by its magnitude (Persian text): 1200–1499
/// is Solar Hijri, 1500–2200 Gregorian; anything else is not a year.
fn year_calendar(y: i32) -> Option<Calendar> {
    match y {
        1200..=1499 => Some(Calendar::SolarHijri),
        1500..=2200 => Some(Calendar::Gregorian),
        _ => None,
    }
}

/// The unit a unit word names, by its lexicon role («سال» a year, «ساعت»
/// an hour).
fn unit_of(l: &[Lex]) -> Option<Unit> {
    let has = |r| l.contains(&Lex::Kw(r));
    Some(if has(Role::YearWord) {
        Unit::Year
    } else if has(Role::MonthWord) {
        Unit::Month
    } else if has(Role::WeekWord) {
        Unit::Week
    } else if has(Role::DayWord) {
        Unit::Day
    } else if has(Role::DecadeWord) {
        Unit::Decade
    } else if has(Role::CenturyWord) {
        Unit::Century
    } else if has(Role::HourWord) {
        Unit::Hour
    } else if has(Role::MinuteWord) {
        Unit::Minute
    } else {
        return None;
    })
}

/// Two-digit Solar Hijri years: 00–49 are 14xx, 50–99 are 13xx.
fn expand_two_digit(y: u32) -> i32 {
    if y < 50 {
        1400 + y as i32
    } else {
        1300 + y as i32
    }
}

impl<'t> P<'t> {
    fn tok(&self, i: usize) -> Option<&Tok<'t>> {
        self.toks.get(i)
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.tok(i).map(|t| t.kind)
    }

    /// The meanings of the phrase of `n` words starting at `i`.
    fn phrase(&self, i: usize, n: usize) -> &'static [Lex] {
        match n {
            0 => &[],
            1 => self.lex1.get(i).copied().unwrap_or(&[]),
            _ if n - 2 < self.width => self
                .multi
                .get(i * self.width + n - 2)
                .copied()
                .unwrap_or(&[]),
            _ => &[],
        }
    }

    /// All meanings at `i`, longest phrase first, with their length.
    fn lex_at(&self, i: usize) -> impl Iterator<Item = (Lex, usize)> + '_ {
        (1..=self.lex.max_words)
            .rev()
            .flat_map(move |n| self.phrase(i, n).iter().map(move |l| (*l, n)))
    }

    /// The length of a function word or phrase of `role` at `i`
    /// («سال‌ها», «سال های»): 0 when there is none.
    fn kw_len(&self, i: usize, role: Role) -> usize {
        if self.phrase(i, 2).contains(&Lex::Kw(role)) {
            2
        } else if self.phrase(i, 1).contains(&Lex::Kw(role)) {
            1
        } else {
            0
        }
    }

    fn role(&self, i: usize, role: Role) -> bool {
        self.phrase(i, 1).contains(&Lex::Kw(role))
    }

    fn word(&self, i: usize, w: &str) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Word) && self.key_at(i) == w
    }

    /// The key of token `i` ([`key`], made once per token), or "".
    fn key_at(&self, i: usize) -> &str {
        self.keys.get(i).map_or("", |k| k)
    }

    fn punct(&self, i: usize, chars: &[char]) -> bool {
        self.tok(i).is_some_and(|t| t.is_punct(chars))
    }

    /// A month name at `i`: (calendar, month, latent, tokens, «ماه» suffix).
    /// Afghan and Iranian names of one month paired with a slash or a dash
    /// («حمل/فروردین», «عقرب-آبان») are one month name.
    fn month_at(&self, i: usize) -> Option<(Calendar, u8, bool, usize, bool)> {
        let (cal, month, latent, n, suffix) = self.month_at1(i)?;
        if !suffix
            && self.punct(i + n, &['/', '-'])
            && let Some((c2, m2, _, n2, s2)) = self.month_at1(i + n + 1)
            && c2 == cal
            && m2 == month
        {
            return Some((cal, month, false, n + 1 + n2, s2));
        }
        Some((cal, month, latent, n, suffix))
    }

    fn month_at1(&self, i: usize) -> Option<(Calendar, u8, bool, usize, bool)> {
        let t = self.tok(i)?;
        if t.kind == Kind::Latin {
            let m = *self.lex.en_months.get(t.s.to_ascii_lowercase().as_str())?;
            // «May» is an English verb too, but inside Persian text a Latin
            // month name is a month; a trailing '.' of an abbreviation is skipped.
            let n = if self.punct(i + 1, &['.']) && t.s.len() <= 4 {
                2
            } else {
                1
            };
            return Some((Calendar::Gregorian, m, false, n, false));
        }
        for (l, n) in self.lex_at(i) {
            if let Lex::Month { cal, month, latent } = l {
                return Some((cal, month, latent, n, false));
            }
        }
        // «آبان‌ماه», «مهرماه», «دی‌ماه».
        let k = self.key_at(i);
        if t.kind == Kind::Word
            && let Some(stem) = k.strip_suffix("ماه")
        {
            for l in self.lex.get(stem) {
                if let Lex::Month { cal, month, latent } = *l {
                    return Some((cal, month, latent, 1, true));
                }
            }
        }
        None
    }

    fn weekday_at(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.tok(i)?;
        if t.kind == Kind::Latin {
            let w = *self
                .lex
                .en_weekdays
                .get(t.s.to_ascii_lowercase().as_str())?;
            return Some((w, 1));
        }
        self.lex_at(i).find_map(|(l, n)| match l {
            Lex::Weekday(w) => Some((w, n)),
            _ => None,
        })
    }

    /// An era marker at `i` (after a year): calendar and tokens.
    fn era_at(&self, i: usize) -> Option<(Calendar, usize)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        // Abbreviations with dots: «ه.ش», «هـ.ش» (tatweel removed), «ه‍.ش»
        // (its zero-width joiner is no token), «ه.ق».
        if self.key_at(i) == "ه" && self.punct(i + 1, &['.']) {
            let cal = match self.key_at(i + 2) {
                "ش" => Calendar::SolarHijri,
                "ق" => Calendar::LunarHijri,
                _ => return None,
            };
            let n = if self.punct(i + 3, &['.']) { 4 } else { 3 };
            return Some((cal, n));
        }
        for (l, n) in self.lex_at(i) {
            if let Lex::Era(cal) = l {
                // One-letter markers («۱۳۵۹ش», «۱۹۹۴م») only glued to a number.
                if self.key_at(i).chars().count() == 1 && !t.glued {
                    continue;
                }
                return Some((cal, n));
            }
        }
        None
    }

    /// A number written in words: (value, ordinal, tokens).
    fn number_words(&self, i: usize) -> Option<(u32, bool, usize)> {
        // Days, counts, amounts and durations all ask at the same tokens.
        if let Some(cached) = self.numbers.borrow().get(i).copied().flatten() {
            return cached;
        }
        let n = self.number_words_uncached(i);
        if let Some(slot) = self.numbers.borrow_mut().get_mut(i) {
            *slot = Some(n);
        }
        n
    }

    fn number_words_uncached(&self, i: usize) -> Option<(u32, bool, usize)> {
        let mut total = 0u32;
        let mut ordinal = false;
        let mut k = i;
        let mut first = true;
        loop {
            let t = self.tok(k)?;
            if t.kind != Kind::Word {
                break;
            }
            let mut w = std::borrow::Cow::Borrowed(self.key_at(k));
            if !first {
                // «و» joins compound numbers, alone or glued: «بیست و سوم», «بیست وهفتم».
                if w == "و" {
                    if self.tok(k + 1).is_none() {
                        break;
                    }
                    let nk = self.key_at(k + 1);
                    if let Some((v, o)) = self.number_word(nk)
                        && v < 10
                        && total.is_multiple_of(10)
                        && total >= 20
                    {
                        total += v;
                        ordinal = o;
                        k += 2;
                        if o {
                            break;
                        }
                        continue;
                    }
                    break;
                } else if let Some(rest) = w.strip_prefix('و') {
                    match self.number_word(rest) {
                        Some((v, o)) if v < 10 && total.is_multiple_of(10) && total >= 20 => {
                            total += v;
                            ordinal = o;
                            k += 1;
                            if o {
                                break;
                            }
                            continue;
                        }
                        _ => break,
                    }
                } else if w == "ام" && !ordinal {
                    ordinal = true;
                    k += 1;
                    break;
                } else {
                    break;
                }
            }
            if !first {
                break;
            }
            if let Some(stripped) = w.strip_suffix("ام").filter(|s| !s.is_empty())
                && self.number_word(stripped).is_some_and(|(_, o)| !o)
            {
                w = stripped.to_string().into();
                ordinal = true;
            }
            let (v, o) = self.number_word(&w).or_else(|| self.glued_number(&w))?;
            total = v;
            ordinal = ordinal || o;
            first = false;
            k += 1;
            if ordinal {
                break;
            }
        }
        if first {
            return None;
        }
        Some((total, ordinal, k - i))
    }

    /// A compound number written as one word: «بیست‌ویکم», «سی‌ویک».
    fn glued_number(&self, w: &str) -> Option<(u32, bool)> {
        let (tens, units) = w.split_once('و')?;
        let (t, to) = self.number_word(tens)?;
        let (u, uo) = self.number_word(units)?;
        (!to && t >= 20 && t % 10 == 0 && u < 10).then_some((t + u, uo))
    }

    fn number_word(&self, w: &str) -> Option<(u32, bool)> {
        self.lex.get(w).iter().find_map(|l| match *l {
            Lex::Number { value, ordinal } => Some((value, ordinal)),
            _ => None,
        })
    }

    /// A day of the month at `i`: (day, tokens, written as digits or ordinal).
    fn day_at(&self, i: usize) -> Option<(u8, usize, bool)> {
        let t = self.tok(i)?;
        if t.kind == Kind::Num {
            let v = t.num()?;
            if t.digits() <= 2 && (1..=31).contains(&v) {
                // «۱۰ام», «۱۰م»: an ordinal suffix glued to the digits.
                let n = if self
                    .tok(i + 1)
                    .is_some_and(|n| n.glued && n.kind == Kind::Word)
                    && matches!(self.key_at(i + 1), "ام" | "م")
                {
                    2
                } else {
                    1
                };
                return Some((v as u8, n, true));
            }
            return None;
        }
        let (v, ordinal, n) = self.number_words(i)?;
        if (1..=31).contains(&v) {
            return Some((v as u8, n, ordinal));
        }
        None
    }

    /// A four-digit year at `i` (or two digits where `two` allows).
    fn year_at(&self, i: usize, two: bool) -> Option<(i32, bool)> {
        let t = self.tok(i)?;
        let v = t.num()?;
        match t.digits() {
            4 if (1000..=2999).contains(&v) => Some((v as i32, false)),
            2 | 1 if two && t.digits() == 2 => Some((expand_two_digit(v), true)),
            _ => None,
        }
    }

    /// A four-digit year split by a stray space («آبان ۱۳ ۹۹», «سال ۲۰ ۲۳»):
    /// two two-digit numbers that join into a plausible year, with no count
    /// after them.
    fn split_year_at(&self, i: usize) -> Option<i32> {
        let (a, b) = (self.tok(i)?, self.tok(i + 1)?);
        if a.digits() != 2 || b.digits() != 2 || b.glued {
            return None;
        }
        let y = (a.num()? * 100 + b.num()?) as i32;
        if !matches!(y, 1300..=1499 | 1900..=2100) {
            return None;
        }
        if let Some(n) = self.tok(i + 2)
            && (n.kind == Kind::Num || self.lex.is_quantity(self.key_at(i + 2)))
        {
            return None;
        }
        Some(y)
    }

    /// Optional era marker after a year at `j`: updates the spec.
    fn take_era(&self, spec: &mut DateSpec, j: &mut usize) {
        if let Some((cal, n)) = self.era_at(*j) {
            if spec.month.is_none() || spec.calendar == Some(cal) || spec.calendar.is_none() {
                spec.calendar = Some(cal);
            }
            spec.calendar_explicit = true;
            *j += n;
        }
    }

    /// Optional year after a month at `j` («آبان ۱۳۹۹», «مه سال ۱۹۹۴», «مهر ۹۹»).
    /// With `unread`, a year no calendar fits is taken too and marked
    /// ([`Self::unread_year_at`]), unless an era marker places it.
    fn take_year(&self, spec: &mut DateSpec, j: &mut usize, unread: bool) {
        let mut k = *j;
        if self.punct(k, &[',', '،']) && self.kind(k + 1) == Some(Kind::Num) {
            k += 1;
        }
        let with_word = self.role(k, Role::YearWord);
        if with_word {
            k += 1;
        }
        let two = spec.calendar == Some(Calendar::SolarHijri);
        if let Some(y) = self.split_year_at(k) {
            spec.year = Some(y);
            *j = k + 2;
            self.take_era(spec, j);
        } else if let Some((y, short)) = self.year_at(k, two)
            && !(short && self.kind(k + 1) == Some(Kind::Num))
        {
            spec.year = Some(y);
            *j = k + 1;
            self.take_era(spec, j);
        } else if unread && let Some((y, past_any)) = self.unread_year_at(k, with_word) {
            spec.year = Some(y);
            *j = k + 1;
            let before = *j;
            self.take_era(spec, j);
            spec.year_out_of_range = past_any || *j == before;
        }
    }

    /// A number after a month that can only be its year, though no year
    /// read without an era marker: four digits outside 1000–2999 («۱۰ آبان
    /// ۹۹۹۹»), or three or five to nine digits that end the date (after
    /// «سال», before an era marker or punctuation, at the end). Never a
    /// count («۱۰ آبان ۸۰۰ نفر»), a clock time or a decimal. With `true`
    /// when it has more digits than any year (an era cannot place it).
    fn unread_year_at(&self, k: usize, with_word: bool) -> Option<(i32, bool)> {
        let t = self.tok(k).filter(|t| t.kind == Kind::Num)?;
        if t.digits() < 3 {
            return None;
        }
        if let Some(n) = self.tok(k + 1) {
            let joined = n.glued && n.is_punct(&['/', ':', '.', '-']);
            if n.kind == Kind::Num
                || self.lex.is_quantity(self.key_at(k + 1))
                || joined
                    && self
                        .tok(k + 2)
                        .is_some_and(|m| m.glued && m.kind == Kind::Num)
            {
                return None;
            }
        }
        let ends = with_word
            || self.era_at(k + 1).is_some()
            || self.tok(k + 1).is_none_or(|n| n.kind == Kind::Punct);
        if !(t.digits() == 4 || ends) {
            return None;
        }
        Some(match t.num().and_then(|v| i32::try_from(v).ok()) {
            Some(v) if t.digits() <= 9 => (v, false),
            _ => (i32::MAX, true),
        })
    }

    /// Reads a clock time at `j`: «ساعت ۹:۳۲», «ساعت ۱۱ و ۰۱ دقیقه», «۹:۳۰».
    fn time_at(&self, j: usize) -> Option<((u8, u8), usize)> {
        let mut k = j;
        let with_word = self.role(k, Role::HourWord);
        if with_word {
            k += 1;
        }
        let ht = self.tok(k)?;
        // «ساعت سه», «ساعت دوازده»: an hour in words after «ساعت».
        let (h, hn) = match ht.num().filter(|h| *h <= 24 && ht.digits() <= 2) {
            Some(h) => (h, 1),
            None if with_word => match self.number_words(k)? {
                (v, false, n) if (1..=24).contains(&v) => (v, n),
                _ => return None,
            },
            None => return None,
        };
        if hn == 1 && self.punct(k + 1, &[':']) {
            let m = self.tok(k + 2)?.num().filter(|m| *m < 60)?;
            if self.tok(k + 2)?.digits() == 2 {
                return Some(((h as u8, m as u8), k + 3 - j));
            }
        }
        if !with_word {
            return None;
        }
        let k = k + hn - 1;
        // «ساعت سه و نیم», «ساعت ۳ونیم», «ساعت ۵ و ربع».
        if self.role(k + 1, Role::And) && self.word(k + 2, "نیم") || self.word(k + 1, "ونیم")
        {
            let n = if self.word(k + 1, "ونیم") { 2 } else { 3 };
            return Some(((h as u8, 30), k + n - j));
        }
        if self.role(k + 1, Role::And) && self.word(k + 2, "ربع") {
            return Some(((h as u8, 15), k + 3 - j));
        }
        if self.role(k + 1, Role::And)
            && let Some(m) = self.tok(k + 2).and_then(|t| t.num()).filter(|m| *m < 60)
        {
            let n = if self.role(k + 3, Role::MinuteWord) {
                4
            } else {
                3
            };
            return Some(((h as u8, m as u8), k + n - j));
        }
        Some(((h as u8, 0), k + 1 - j))
    }

    /// Numeric dates: «۱۳۹۹/۰۸/۱۰», «2020-10-08», «۱۰/۰۸/۱۳۹۹», «۹۹/۰۸/۱۰».
    fn numeric(&self, i: usize) -> Option<Atom> {
        let a = self.tok(i)?;
        let s1 = self.tok(i + 1)?;
        let b = self.tok(i + 2)?;
        let s2 = self.tok(i + 3)?;
        let c = self.tok(i + 4)?;
        if a.kind != Kind::Num || b.kind != Kind::Num || c.kind != Kind::Num {
            return None;
        }
        if !s1.is_punct(&['/', '-', '.']) || s1.s != s2.s {
            return None;
        }
        // «۱۴۰۱/ ۰۷/۱۲», «۱۴۰۱ /۰۷ / ۱۲»: a stray space beside a slash is
        // tolerated when the year has four digits; dashes and dots must be
        // glued (ranges, decimals).
        let slash_year = s1.is_punct(&['/']) && (a.digits() == 4 || c.digits() == 4);
        // «19 - 02 - 2026», «۱۴۰۱ - ۰۷ - ۱۲» (site clocks): evenly spaced
        // dashes, a four-digit year at one end and a two-digit month.
        let spaced = !s1.glued
            && !b.glued
            && !s2.glued
            && !c.glued
            && s1.is_punct(&['-'])
            && b.digits() == 2
            && (a.digits() == 4) != (c.digits() == 4);
        if !(slash_year || spaced || s1.glued && b.glued && s2.glued && c.glued) {
            return None;
        }
        // A longer chain («1/2/3/4») or a decimal is no date.
        if self
            .tok(i + 5)
            .is_some_and(|t| t.glued && t.is_punct(&['/', '-', '.']))
            && self.kind(i + 6) == Some(Kind::Num)
        {
            return None;
        }
        let (av, bv, cv) = (a.num()?, b.num()?, c.num()?);
        let (y, m, d, two) = if a.digits() == 4 && b.digits() <= 2 && c.digits() <= 2 {
            (av as i32, bv, cv, false)
        } else if c.digits() == 4 && a.digits() <= 2 && b.digits() <= 2 {
            (cv as i32, bv, av, false)
        } else if a.digits() == 2 && b.digits() <= 2 && c.digits() <= 2 && av >= 32 {
            (expand_two_digit(av), bv, cv, true)
        } else {
            return None;
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        let cal = if two {
            Calendar::SolarHijri
        } else {
            year_calendar(y)?
        };
        let mut spec = DateSpec {
            calendar: Some(cal),
            year: Some(y),
            month: Some(m as u8),
            day: Some(d as u8),
            ..DateSpec::default()
        };
        let mut j = i + 5;
        self.take_era(&mut spec, &mut j);
        Some(Atom {
            spec,
            i,
            j,
            rule: if a.digits() >= 2 && av >= 32 {
                "fa/numeric-ymd"
            } else {
                "fa/numeric-dmy"
            },
            time: None,
            tj: None,
            hint: None,
        })
    }

    /// Day and month, with an optional year: «۱۰ آبان ۱۳۹۹», «دهم آبان»,
    /// «۳ اکتبر ۲۰۲۰», «۹ December, 2023», «۲۵ ماه مه».
    fn day_month(&self, i: usize) -> Option<Atom> {
        let (day, n, strong) = self.day_at(i)?;
        let mut j = i + n;
        let mut mah = false;
        if self.role(j, Role::MonthWord) {
            // «اول ماه مبارک رمضان»
            let k = if self.word(j + 1, "مبارک") {
                j + 2
            } else {
                j + 1
            };
            if self.month_at(k).is_some() {
                mah = true;
                j = k;
            }
        }
        let (cal, month, latent, mn, suffix) = self.month_at(j)?;
        if latent && !strong && !mah && !suffix {
            return None;
        }
        // «می» after a number is usually the verb prefix written with a space
        // («۵ می دهد»): a month only when nothing verb-like follows.
        if latent
            && !mah
            && !suffix
            && key(self.toks[j].s) == "می"
            && let Some(nx) = self.tok(j + mn)
            && nx.kind == Kind::Word
            && self.lex_at(j + mn).next().is_none()
            && self.year_at(j + mn, false).is_none()
        {
            return None;
        }
        j += mn;
        if !suffix && self.role(j, Role::MonthWord) {
            j += 1;
        }
        let mut spec = DateSpec::day_of(cal, month, day);
        self.take_year(&mut spec, &mut j, true);
        let (hint, qual) = self.year_qualifier(&mut spec, &mut j);
        Some(Atom {
            rule: qual.unwrap_or(if spec.year.is_some() {
                "fa/day-month-year"
            } else {
                "fa/day-month"
            }),
            spec,
            i,
            j,
            time: None,
            tj: None,
            hint,
        })
    }

    /// What places a yearless month or day in time when no year follows:
    /// a relative year («آبان امسال», «ژوئن سال گذشته»), the year of the
    /// date spoken of last («۱۰ نوامبر آن سال»), or a tense word («مهر
    /// گذشته», «اسفند آینده»). Returns the tense hint and a rule name.
    fn year_qualifier(
        &self,
        spec: &mut DateSpec,
        j: &mut usize,
    ) -> (Option<Tense>, Option<&'static str>) {
        if spec.year.is_some() {
            return (None, None);
        }
        if let Some((
            Expr::Relative {
                rel: Relative::Years(off),
                ..
            },
            k,
            _,
        )) = self.relative(*j)
        {
            // The year is counted in the date's own calendar: «ژوئن سال
            // گذشته» is June of the last Gregorian year.
            spec.rel_year = Some(off);
            *j = k;
            return (None, Some("fa/date-relative-year"));
        }
        if (self.word(*j, "آن") || self.word(*j, "همان")) && self.role(*j + 1, Role::YearWord)
        {
            spec.year_from_context = true;
            *j += 2;
            return (None, Some("fa/date-that-year"));
        }
        if self.role(*j, Role::Past) {
            *j += 1;
            return (Some(Tense::Past), Some("fa/date-past"));
        }
        if self.word(*j, "آینده") {
            *j += 1;
            return (Some(Tense::Future), Some("fa/date-next"));
        }
        (None, None)
    }

    /// Month first: «آبان ۱۳۹۹», «ماه مه سال ۱۹۹۴ میلادی», «مهرماه»,
    /// «October 8, 2020».
    fn month_first(&self, i: usize) -> Option<Atom> {
        let mut j = i;
        let mut mah = false;
        if self.role(j, Role::MonthWord) {
            mah = true;
            j += 1;
            if self.word(j, "مبارک") {
                j += 1;
            }
        }
        let (cal, month, latent, mn, suffix) = self.month_at(j)?;
        let is_latin = self.kind(j) == Some(Kind::Latin);
        j += mn;
        let mut spec = DateSpec {
            calendar: Some(cal),
            calendar_explicit: true,
            month: Some(month),
            ..DateSpec::default()
        };
        // «October 8, 2020»
        if is_latin
            && let Some(d) = self
                .tok(j)
                .and_then(|t| t.num())
                .filter(|d| (1..=31).contains(d))
            && self.tok(j).is_some_and(|t| t.digits() <= 2)
        {
            let mut k = j + 1;
            if self.punct(k, &[',']) {
                k += 1;
            }
            if let Some((y, _)) = self.year_at(k, false) {
                spec.day = Some(d as u8);
                spec.year = Some(y);
                return Some(Atom {
                    spec,
                    i,
                    j: k + 1,
                    rule: "fa/latin-month-day-year",
                    time: None,
                    tj: None,
                    hint: None,
                });
            }
        }
        if !suffix && self.role(j, Role::MonthWord) {
            mah = true;
            j += 1;
        }
        // A bare month name is latent: a year no calendar fits does not
        // make it a date («خرداد ۸۰۰ …»), «ماه» or a suffix does.
        self.take_year(&mut spec, &mut j, mah || suffix);
        let mut rule = if spec.year.is_some() {
            "fa/month-year"
        } else {
            "fa/month"
        };
        let (hint, qual) = self.year_qualifier(&mut spec, &mut j);
        if let Some(q) = qual {
            rule = q;
        }
        // A month name alone is latent (a name, a word): it is a date with
        // «ماه», a year, or a word that places it in time.
        if spec.year.is_none() && spec.rel_year.is_none() && hint.is_none() && !mah && !suffix {
            return None;
        }
        let _ = latent;
        Some(Atom {
            rule,
            spec,
            i,
            j,
            time: None,
            tj: None,
            hint,
        })
    }

    /// Year first: «۱۴۰۱ مهر ۱۲», «2022 December 08» (page headers).
    fn year_first(&self, i: usize) -> Option<Atom> {
        let (y, _) = self.year_at(i, false)?;
        let (cal, month, _, mn, _) = self.month_at(i + 1)?;
        let j = i + 1 + mn;
        let t = self.tok(j)?;
        let d = t
            .num()
            .filter(|d| (1..=31).contains(d) && t.digits() <= 2)?;
        // «۱۴۰۱ مهر ۱۲ آبان»: the number is another date's day.
        if self.month_at(j + 1).is_some() || self.punct(j + 1, &[':', '/']) {
            return None;
        }
        year_calendar(y)?;
        let spec = DateSpec {
            calendar: Some(cal),
            calendar_explicit: true,
            year: Some(y),
            month: Some(month),
            day: Some(d as u8),
            ..DateSpec::default()
        };
        Some(Atom {
            spec,
            i,
            j: j + 1,
            rule: "fa/year-month-day",
            time: None,
            tj: None,
            hint: None,
        })
    }

    /// Years: «سال ۱۹۸۸», «سال‌های ۱۹۹۲», «۱۳۵۹ش», «سال ۹۹», «۱۹۹۴ میلادی».
    fn year(&self, i: usize) -> Option<Atom> {
        let mut j = i;
        let n = self
            .kw_len(j, Role::YearsWord)
            .max(self.kw_len(j, Role::YearWord));
        let word = n > 0;
        j += n;
        if let Some(a) = self.era_year(i, j, word) {
            return Some(a);
        }
        let (y, two) = self.year_at(j, word)?;
        j += 1;
        let mut spec = DateSpec {
            year: Some(y),
            calendar: if two {
                Some(Calendar::SolarHijri)
            } else {
                year_calendar(y)
            },
            ..DateSpec::default()
        };
        let before = j;
        self.take_era(&mut spec, &mut j);
        if !word && j == before {
            return None;
        }
        spec.calendar?;
        Some(Atom {
            spec,
            i,
            j,
            rule: if word { "fa/year" } else { "fa/year-era" },
            time: None,
            tj: None,
            hint: None,
        })
    }

    /// A year that its era marker, not its size, makes a year: one before
    /// the common era at any size («۳۲۳ پیش از میلاد», «۱۲۰۰ ق.م»: a
    /// Gregorian year counted back, year 0 being 1 BC), or one under 1000
    /// with an era word («۶۲۲ میلادی», «سال ۱۵ هجری قمری»). A one-letter
    /// marker («م», «ش») makes a small number a year only after «سال».
    fn era_year(&self, i: usize, j: usize, word: bool) -> Option<Atom> {
        let t = self
            .tok(j)
            .filter(|t| t.kind == Kind::Num && t.digits() <= 4)?;
        let v = t.num()? as i32;
        if v == 0 {
            return None;
        }
        let (spec, end) = if let Some(n) = self.bc_at(j + 1) {
            let spec = DateSpec {
                year: Some(1 - v),
                calendar: Some(Calendar::Gregorian),
                calendar_explicit: true,
                ..DateSpec::default()
            };
            (spec, j + 1 + n)
        } else if v < 1000 {
            let (cal, n) = self.era_at(j + 1)?;
            let one_letter = n == 1 && self.key_at(j + 1).chars().count() == 1;
            if one_letter && !word {
                return None;
            }
            let spec = DateSpec {
                year: Some(v),
                calendar: Some(cal),
                calendar_explicit: true,
                ..DateSpec::default()
            };
            (spec, j + 1 + n)
        } else {
            return None;
        };
        Some(Atom {
            spec,
            i,
            j: end,
            rule: if word { "fa/year" } else { "fa/year-era" },
            time: None,
            tj: None,
            hint: None,
        })
    }

    /// A marker of a year before the common era at `i` («قبل از میلاد»,
    /// «پیش از میلاد», «ق.م», «ق. م»): its tokens.
    fn bc_at(&self, i: usize) -> Option<usize> {
        self.tok(i).filter(|t| t.kind == Kind::Word)?;
        if self.key_at(i) == "ق" && self.punct(i + 1, &['.']) && self.word(i + 2, "م") {
            return Some(if self.punct(i + 3, &['.']) { 4 } else { 3 });
        }
        self.lex_at(i)
            .find_map(|(l, n)| matches!(l, Lex::EraBc).then_some(n))
    }

    /// Decades: «دهه ۱۹۹۰», «دهه ۶۰», «دهه هفتاد», «دهه‌ی ۹۰ میلادی».
    fn decade(&self, i: usize) -> Option<Atom> {
        if !self.role(i, Role::DecadeWord) {
            return None;
        }
        let mut j = i + 1;
        let (y, two) = if let Some(t) = self.tok(j).filter(|t| t.kind == Kind::Num) {
            let v = t.num()?;
            match t.digits() {
                4 if v % 10 == 0 => (v as i32, false),
                2 if v % 10 == 0 => (v as i32, true),
                _ => return None,
            }
        } else {
            let (v, ordinal, n) = self.number_words(j)?;
            if ordinal || v % 10 != 0 || !(10..=90).contains(&v) {
                return None;
            }
            j += n - 1;
            (v as i32, true)
        };
        j += 1;
        let mut spec = DateSpec {
            decade: true,
            ..DateSpec::default()
        };
        self.take_era(&mut spec, &mut j);
        let year = if two {
            match spec.calendar {
                Some(Calendar::Gregorian) => 1900 + y,
                Some(Calendar::LunarHijri) => 1400 + y,
                _ => 1300 + y,
            }
        } else {
            y
        };
        if spec.calendar.is_none() {
            spec.calendar = year_calendar(year);
        }
        spec.calendar?;
        spec.year = Some(year);
        Some(Atom {
            spec,
            i,
            j,
            rule: "fa/decade",
            time: None,
            tj: None,
            hint: None,
        })
    }

    /// A four-digit number that can stand alone for a year: 1300–1499 is a
    /// Solar Hijri year, 1900–2100 a Gregorian one.
    fn bare_year_at(&self, i: usize) -> Option<(i32, Calendar)> {
        let t = self.tok(i)?;
        if t.digits() != 4 {
            return None;
        }
        let y = t.num()? as i32;
        let cal = match y {
            1300..=1499 => Calendar::SolarHijri,
            1900..=2100 => Calendar::Gregorian,
            _ => return None,
        };
        Some((y, cal))
    }

    /// «در ۱۹۹۴», «طی ۱۳۹۹»: a bare year after «در» (the preposition is
    /// not part of the expression), or after an event noun («جنگ ۱۹۴۸»).
    fn year_after_in(&self, i: usize) -> Option<Atom> {
        // «جنگ لبنان (۲۰۰۶)»: a year alone in parentheses.
        let paren = i > 0 && self.punct(i - 1, &['(']) && self.punct(i + 1, &[')']);
        // «جنگ ۱۹۴۸ اعراب و اسرائیل», «انتخابات ۱۴۰۰»: an event noun
        // before its year.
        if i == 0 || !(self.role(i - 1, Role::In) || self.role(i - 1, Role::EventYear) || paren) {
            return None;
        }
        let (y, cal) = self.bare_year_at(i)?;
        // «در ۱۹۹۴ نفر» is a count: a year is not followed by a noun of
        // quantity; a following number, unit or «هزار» makes it a count.
        if let Some(n) = self.tok(i + 1) {
            let k = self.key_at(i + 1);
            if n.kind == Kind::Num || self.lex.is_quantity(k) {
                return None;
            }
        }
        Some(Atom {
            spec: DateSpec {
                calendar: Some(cal),
                year: Some(y),
                ..DateSpec::default()
            },
            i,
            j: i + 1,
            rule: "fa/in-year",
            time: None,
            tj: None,
            hint: None,
        })
    }

    /// Seasons: «پاییز ۲۰۲۰», «تابستان سال ۱۳۹۹», «زمستان امسال».
    fn season(&self, i: usize) -> Option<Atom> {
        let season = self.phrase(i, 1).iter().find_map(|l| match l {
            Lex::Season(s) => Some(*s),
            _ => None,
        })?;
        let mut j = i + 1;
        let mut spec = DateSpec {
            season: Some(season),
            ..DateSpec::default()
        };
        let mut k = j;
        if self.role(k, Role::YearWord) {
            k += 1;
        }
        if let Some((y, two)) = self.year_at(k, true) {
            spec.year = Some(y);
            spec.calendar = if two {
                Some(Calendar::SolarHijri)
            } else {
                year_calendar(y)
            };
            j = k + 1;
            self.take_era(&mut spec, &mut j);
            spec.calendar?;
            return Some(Atom {
                spec,
                i,
                j,
                rule: "fa/season-year",
                time: None,
                tj: None,
                hint: None,
            });
        }
        spec.calendar = Some(Calendar::SolarHijri);
        let (hint, qual) = self.year_qualifier(&mut spec, &mut j);
        if spec.rel_year.is_none() && !spec.year_from_context {
            // «بهار» alone, or «تابستان گذشته»: no year to anchor a season.
            let _ = hint;
            return None;
        }
        Some(Atom {
            spec,
            i,
            j,
            // A season with a relative or context year always has the
            // qualifier's name (there is no bare `fa/season`).
            rule: qual?,
            time: None,
            tj: None,
            hint,
        })
    }

    /// `fa/holiday`: a named day of `holidays.tsv` («عید قربان», «نوروز
    /// ۱۴۰۰», «عید فطر امسال»), the day it denotes in its calendar, its
    /// year written after it or else found as for any yearless date; with
    /// a count of days before it («سه روز عید سعید فطر») the days from it
    /// (`fa/holiday-days`). A name after a blocker («پرچم عاشورا»,
    /// «خیابان عاشورا») is part of another name.
    fn holiday(&self, i: usize) -> Option<(Parsed, usize)> {
        let (count, h) = self.day_count(i).unwrap_or((1, i));
        if h > 0
            && self.tok(h - 1).is_some_and(|t| t.kind == Kind::Word)
            && self.lex.blocks(self.key_at(h - 1), "holiday")
        {
            return None;
        }
        let (cal, month, day, n) = self.lex_at(h).find_map(|(l, n)| match l {
            Lex::Holiday { cal, month, day } => Some((cal, month, day, n)),
            _ => None,
        })?;
        if count > 1 && u32::from(day) + count - 1 > 29 {
            return None;
        }
        let mut spec = DateSpec::day_of(cal, month, day);
        let mut j = h + n;
        let mut k = j;
        if self.role(k, Role::YearWord) {
            k += 1;
        }
        let mut hint = None;
        let fits = |y: i32| match cal {
            Calendar::LunarHijri => (1300..=1500).contains(&y),
            _ => year_calendar(y) == Some(cal),
        };
        if let Some((y, _)) = self.year_at(k, false).filter(|&(y, _)| fits(y)) {
            let mut with = spec;
            with.year = Some(y);
            let mut e = k + 1;
            self.take_era(&mut with, &mut e);
            if with.calendar == Some(cal) {
                spec = with;
                j = e;
            }
        } else {
            hint = self.year_qualifier(&mut spec, &mut j).0;
        }
        let start = self.toks[i].start;
        let end = self.toks[j - 1].end;
        let mut p = if count > 1 {
            let mut to = spec;
            to.day = Some(day + (count - 1) as u8);
            Parsed::new(
                start,
                end,
                "fa/holiday-days",
                Expr::Range {
                    from: spec,
                    to,
                    reversed: false,
                },
            )
        } else {
            Parsed::new(start, end, "fa/holiday", Expr::Date(spec))
        };
        p.tense_hint = hint;
        Some((p, j))
    }

    /// A count of days before a name: «سه روز», «۳ روز» → (3, the token
    /// after «روز»).
    fn day_count(&self, i: usize) -> Option<(u32, usize)> {
        let (n, k) = if let Some(t) = self.tok(i).filter(|t| t.kind == Kind::Num) {
            (t.num()?, i + 1)
        } else {
            let (v, ordinal, n) = self.number_words(i)?;
            if ordinal {
                return None;
            }
            (v, i + n)
        };
        if !(2..=10).contains(&n) || !self.role(k, Role::DayWord) {
            return None;
        }
        Some((n, k + 1))
    }

    /// Centuries: «قرن بیست‌ویکم», «قرن ۲۱ میلادی», «سده چهاردهم شمسی».
    fn century(&self, i: usize) -> Option<Atom> {
        if !self.role(i, Role::CenturyWord) {
            return None;
        }
        let mut j = i + 1;
        let n = if let Some(t) = self
            .tok(j)
            .filter(|t| t.kind == Kind::Num && t.digits() <= 2)
        {
            j += 1;
            t.num()?
        } else {
            let (v, ordinal, n) = self.number_words(j)?;
            if !ordinal {
                return None;
            }
            j += n;
            v
        };
        if !(1..=30).contains(&n) {
            return None;
        }
        let mut spec = DateSpec {
            century: true,
            // «قرن بیستم» is the 1900s, as TIMEX3 and the guideline read it.
            year: Some(((n as i32 - 1) * 100).max(1)),
            calendar: Some(Calendar::Gregorian),
            ..DateSpec::default()
        };
        if let Some(b) = self.bc_at(j) {
            // «قرن پنجم قبل از میلاد»: 500–401 BC, the years -499 … -400.
            spec.year = Some(1 - n as i32 * 100);
            spec.calendar_explicit = true;
            j += b;
        } else {
            self.take_era(&mut spec, &mut j);
        }
        Some(Atom {
            spec,
            i,
            j,
            rule: "fa/century",
            time: None,
            tj: None,
            hint: None,
        })
    }

    /// The core date at `i` (no weekday prefix), longest reading.
    fn date_core(&self, i: usize) -> Option<Atom> {
        let mut best = grammar::longest_point(RULES.iter().filter_map(|r| match r.read {
            Read::Point(f) => Some(f(self, i)),
            _ => None,
        }))?;
        // «۱۲ مهر ۱۴۰۱، سه‌شنبه»: a weekday after the date is part of it
        // (one in parentheses is an expression of its own).
        if best.spec.day.is_some() && best.spec.weekday.is_none() {
            let k = if self.punct(best.j, &[',', '،']) {
                best.j + 1
            } else {
                best.j
            };
            if let Some((wd, n)) = self.weekday_at(k)
                && self.date_core_no_weekday(k + n)
            {
                best.spec.weekday = Some(wd);
                best.j = k + n;
            }
        }
        if let Some((t, n)) = self.time_at(best.j)
            && best.spec.day.is_some()
        {
            best.time = Some(t);
            best.tj = Some(best.j);
            best.j += n;
        }
        Some(best)
    }

    /// True unless a date with a day starts at `i` (a weekday after a date
    /// that begins the next date belongs to that one: «… ۱۰ آبان، شنبه ۱۱ آبان»).
    fn date_core_no_weekday(&self, i: usize) -> bool {
        let k = if self.role(i, Role::DayWord) {
            i + 1
        } else {
            i
        };
        !RULES.iter().any(|r| match r.read {
            Read::Point(f) => f(self, k).is_some_and(|a| a.spec.day.is_some()),
            _ => false,
        })
    }

    /// A point: a core date, optionally with a weekday before it, or a bare
    /// weekday («روز شنبه», «سه‌شنبه گذشته», «پنجشنبه شب»).
    fn point(&self, i: usize) -> Option<Atom> {
        // Ranges, open ranges, modifiers and the plain rule all ask for the
        // point at the same tokens: read each once.
        if let Some(cached) = self.points.borrow().get(i).and_then(|c| c.as_ref()) {
            return cached.clone();
        }
        let a = self.point_uncached(i);
        if let Some(slot) = self.points.borrow_mut().get_mut(i) {
            *slot = Some(a.clone());
        }
        a
    }

    fn point_uncached(&self, i: usize) -> Option<Atom> {
        for r in RULES {
            if let Read::Before(f) = r.read
                && let Some(a) = f(self, i)
            {
                return a;
            }
        }
        self.date_core(i)
    }

    /// `fa/weekday`, `fa/weekday-past`, `fa/weekday-next`, or a date with a
    /// weekday before it: `None` when there is no weekday at `i`, `Some(None)`
    /// when the weekday is part of a name.
    fn weekday(&self, i: usize) -> Option<Option<Atom>> {
        let (wd, n) = self.weekday_at(i)?;
        let mut j = i + n;
        if self.punct(j, &[',', '،']) {
            j += 1;
        }
        if self.role(j, Role::DayWord) {
            j += 1;
        }
        if let Some(mut a) = self.date_core(j)
            && a.spec.day.is_some()
        {
            a.spec.weekday = Some(wd);
            a.i = i;
            return Some(Some(a));
        }
        let mut j = i + n;
        if self.role(j, Role::Night) || self.role(j, Role::Morning) || self.role(j, Role::Evening) {
            j += 1;
        }
        let mut rule = "fa/weekday";
        let mut hint = None;
        let mut week_of = None;
        if self.role(j, Role::Past) {
            j += 1;
            rule = "fa/weekday-past";
            hint = Some(Tense::Past);
        } else if self.role(j, Role::Next) && self.word(j, "آینده") {
            j += 1;
            rule = "fa/weekday-next";
            hint = Some(Tense::Future);
        } else if let Some((
            Expr::Relative {
                rel: Relative::Weeks(off),
                ..
            },
            k,
            _,
        )) = self.relative(j)
        {
            // «روز چهارشنبه هفته جاری», «جمعه هفته گذشته»
            j = k;
            rule = "fa/weekday-of-week";
            // Persian weeks run from Saturday to Friday.
            week_of = i8::try_from(off)
                .ok()
                .map(|offset| WeekOf { offset, starts: 6 });
            hint = match off {
                o if o < 0 => Some(Tense::Past),
                o if o > 0 => Some(Tense::Future),
                _ => None,
            };
        }
        if hint.is_none() && j == i + n && i > 0 {
            // «امام جمعه», «نماز جمعه»: part of a name.
            if let Some(prev) = self.tok(i - 1).filter(|t| t.kind == Kind::Word)
                && self.lex.blocks(&key(prev.s), "weekday")
            {
                return Some(None);
            }
        }
        let a = Atom {
            spec: DateSpec {
                weekday: Some(wd),
                week_of,
                ..DateSpec::default()
            },
            i,
            j,
            rule,
            time: None,
            tj: None,
            hint,
        };
        Some(Some(match self.time_at(a.j) {
            Some((t, n)) if self.role(a.j, Role::HourWord) => Atom {
                time: Some(t),
                tj: Some(a.j),
                j: a.j + n,
                ..a
            },
            _ => a,
        }))
    }

    /// One side of a range at `i`.
    fn side(&self, i: usize) -> Option<Side> {
        if let Some(a) = self.point(i)
            && !a.spec.is_weekday_only()
        {
            return Some(Side::Atom(a));
        }
        let t = self.tok(i)?;
        if t.kind == Kind::Num && t.digits() <= 4 {
            return Some(Side::Num {
                value: t.num()?,
                digits: t.digits(),
                i,
            });
        }
        if let Some((v, _, n)) = self.number_words(i)
            && (1..=31).contains(&v)
            && n >= 1
            && self.month_at(i + n).is_none()
        {
            // «از دهم تا پانزدهم آبان»: handled as a day only by `complete`.
            return Some(Side::Num {
                value: v,
                digits: 2,
                i: i + n - 1,
            })
            .filter(|_| n == 1);
        }
        let (cal, month, _, n, _) = self.month_at(i)?;
        Some(Side::Month {
            cal,
            month,
            j: i + n,
        })
    }

    /// Completes the first side of a range from the second; `None` when the
    /// two cannot form a range.
    fn complete(&self, x: &Side, y: &Side, strong: bool) -> Option<(DateSpec, DateSpec)> {
        let ys = match y {
            Side::Atom(a) => a.spec,
            Side::Num {
                value, digits: 4, ..
            } => {
                let yv = *value as i32;
                DateSpec {
                    year: Some(yv),
                    calendar: year_calendar(yv),
                    ..DateSpec::default()
                }
            }
            Side::Num {
                value, digits: 2, ..
            } => {
                // «۱۹۹۲–۹۴»: the century of the first side.
                let Side::Atom(a) = x else { return None };
                let xy = a.spec.year.filter(|_| a.spec.month.is_none())?;
                let yv = PARAMS.range_end_year(xy, *value);
                DateSpec {
                    year: Some(yv),
                    calendar: a.spec.calendar,
                    calendar_explicit: a.spec.calendar_explicit,
                    ..DateSpec::default()
                }
            }
            _ => return None,
        };
        let xs = match x {
            Side::Atom(a) => {
                let mut s = a.spec;
                if s.year.is_none() {
                    s.inherit(&ys);
                    // «۱۵ حمل تا ۳۰ سنبله امسال»: the year word of the far end.
                    if s.year.is_none()
                        && s.rel_year.is_none()
                        && !s.year_from_context
                        && s.calendar == ys.calendar
                    {
                        s.rel_year = ys.rel_year;
                        s.year_from_context = ys.year_from_context;
                    }
                }
                s
            }
            Side::Num { value, digits, .. } => {
                if ys.day.is_some() && *digits <= 2 && (1..=31).contains(value) {
                    DateSpec {
                        day: Some(*value as u8),
                        month: ys.month,
                        year: ys.year,
                        rel_year: ys.rel_year,
                        year_from_context: ys.year_from_context,
                        calendar: ys.calendar,
                        calendar_explicit: ys.calendar_explicit,
                        ..DateSpec::default()
                    }
                } else if (*digits == 4 || ys.calendar_explicit)
                    && ys.year.is_some()
                    && ys.month.is_none()
                    && !ys.century
                {
                    // «۴۵۵ تا ۵۶۵ میلادی», «۵۰۰ تا ۳۲۳ پیش از میلاد»: the
                    // era of the second side is the first side's too.
                    let bc = ys.year.is_some_and(|y| y < 1);
                    let xv = if bc { 1 - *value as i32 } else { *value as i32 };
                    let cal = if ys.calendar_explicit {
                        ys.calendar
                    } else {
                        year_calendar(xv)
                    };
                    DateSpec {
                        year: Some(xv),
                        calendar: cal,
                        calendar_explicit: ys.calendar_explicit,
                        decade: ys.decade,
                        ..DateSpec::default()
                    }
                } else {
                    return None;
                }
            }
            Side::Month { cal, month, .. } => {
                if ys.month.is_none() || ys.calendar != Some(*cal) || ys.day.is_some() {
                    return None;
                }
                DateSpec {
                    month: Some(*month),
                    year: ys.year,
                    rel_year: ys.rel_year,
                    year_from_context: ys.year_from_context,
                    calendar: Some(*cal),
                    calendar_explicit: true,
                    ..DateSpec::default()
                }
            }
        };
        let mut ys = ys;
        if ys.year.is_none() && ys.month.is_some() {
            ys.inherit(&xs);
        }
        // Both sides must be dates of one kind, and bare years plausible.
        let plausible = |s: &DateSpec| {
            s.year
                .is_none_or(|y| year_calendar(y).is_some() || s.calendar_explicit)
        };
        if !plausible(&xs) || !plausible(&ys) || xs.calendar.is_none() || ys.calendar.is_none() {
            return None;
        }
        if !strong && (xs.month.is_none() != ys.month.is_none()) {
            return None;
        }
        if let (Some(a), Some(b)) = (xs.year, ys.year)
            && !PARAMS.span_ok(a, b)
        {
            return None;
        }
        Some((xs, ys))
    }

    /// Ranges: «از X تا Y», «X الی Y», «بین X و Y», «۱۹۹۲–۱۹۹۴», «سال‌های X تا Y».
    fn range(&self, i: usize) -> Option<(Parsed, usize)> {
        let mut k = i;
        let lead = if self.role(k, Role::From) {
            Some(Lead::From)
        } else if self.role(k, Role::Between) {
            Some(Lead::Between)
        } else {
            None
        };
        if lead.is_some() {
            k += 1;
        }
        if (self.role(k, Role::YearsWord)
            || self.role(k, Role::DayWord)
            || self.role(k, Role::DaysWord))
            && !matches!(self.side(k)?, Side::Atom(_))
        {
            k += 1;
        }
        let x = self.side(k)?;
        let mut c = x.end();
        let conn_ok = match lead {
            Some(Lead::Between) => self.role(c, Role::And),
            Some(Lead::From) => self.role(c, Role::To) || self.role(c, Role::Through),
            None => {
                self.role(c, Role::Through)
                    || self.role(c, Role::To)
                    || self.punct(c, &['-', '–', '—'])
                    || self.role(c, Role::And)
            }
        };
        let conj = lead.is_none() && self.role(c, Role::And);
        if !conn_ok {
            return None;
        }
        let bare_to = lead.is_none() && self.role(c, Role::To);
        c += 1;
        if (self.role(c, Role::YearWord) || self.role(c, Role::DayWord))
            && !matches!(self.side(c), Some(Side::Atom(_)))
        {
            c += 1;
        }
        let y = self.side(c)?;
        let strong = lead.is_some() || i != k;
        // Bare numbers on both sides («۱۵۰۰ تا ۲۰۰۰ نفر») need context:
        // a lead word, «سال‌های», an era marker or «الی».
        let both_bare = !matches!(x, Side::Atom(_)) && !matches!(y, Side::Atom(_));
        let (xs, mut ys) = self.complete(&x, &y, strong)?;
        // «X و Y» is one span only for consecutive years or days
        // («سال‌های ۲۰۱۲ و ۲۰۱۳», «۱۹ و ۲۰ اسفند»), with «سال‌های» or a
        // full date after it.
        if conj {
            let next = match (xs.day, ys.day) {
                (Some(a), Some(b)) => b == a + 1 && xs.month == ys.month,
                (None, None) => {
                    xs.month.is_none() && ys.year.zip(xs.year).is_some_and(|(b, a)| b == a + 1)
                }
                _ => false,
            };
            let plural = self.role(i, Role::YearsWord) || self.role(k, Role::YearsWord);
            if !next || !(plural || matches!(y, Side::Atom(_))) {
                return None;
            }
        }
        let mut j = y.end();
        if both_bare {
            let mut tmp = ys;
            let before = j;
            self.take_era(&mut tmp, &mut j);
            let era = j > before;
            if era {
                ys.calendar = tmp.calendar;
                ys.calendar_explicit = true;
            }
            let dash = self.punct(x.end(), &['-', '–', '—']);
            let band = |s: &DateSpec| match s.year {
                Some(1900..=2100) => 1,
                Some(1300..=1499) => 2,
                _ => 0,
            };
            let years_alike = band(&xs) != 0 && band(&xs) == band(&ys);
            let counted = self.tok(j).is_some() && self.lex.is_quantity(self.key_at(j));
            if counted
                || !(strong
                    || era
                    || (!bare_to && self.role(x.end(), Role::Through))
                    || (dash && years_alike))
            {
                return None;
            }
        } else if bare_to && !matches!(x, Side::Atom(_)) && !strong {
            // «۱۰ تا ۱۵ آبان» is fine (the second side is a full date).
            if !matches!(y, Side::Atom(_)) {
                return None;
            }
        }
        let mut xs = xs;
        if ys.calendar_explicit && !xs.calendar_explicit && xs.month.is_none() {
            xs.calendar = ys.calendar;
            xs.calendar_explicit = true;
        }
        // A first side that borrowed its year and lands after the second is
        // in the year before («از ۲۰ اسفند تا ۵ فروردین ۱۴۰۲»).
        let borrowed = !matches!(&x, Side::Atom(a) if a.spec.year.is_some());
        let mut reversed = grammar::reversed(&xs, &ys);
        // «۱۴ - ۰۵ آذر ۱۴۰۲» (an hour and a date in a header): days of one
        // month do not run backwards.
        if reversed && matches!(x, Side::Num { digits: ..=2, .. }) && xs.day.is_some() {
            return None;
        }
        // «۱۸ عقرب ۱۴۰۴ - ۹ نومبر ۲۰۲۵»: one day in two calendars.
        if lead.is_none()
            && xs.calendar_explicit
            && ys.calendar_explicit
            && xs.calendar != ys.calendar
            && xs.day.is_some()
            && ys.day.is_some()
        {
            return None;
        }
        if reversed
            && borrowed
            && xs.month.is_some()
            && let Some(y) = xs.year.as_mut()
        {
            *y -= 1;
            reversed = false;
        }
        Some(grammar::range(
            self.toks,
            &PARAMS,
            (i, j),
            lead,
            (xs, ys, reversed),
        ))
    }

    /// Relative expressions: «دیروز», «هفته گذشته», «سه روز پیش», «امسال».
    fn relative(&self, i: usize) -> Option<(Expr, usize, &'static str)> {
        let blocked = i > 0
            && self.tok(i - 1).is_some_and(|t| t.kind == Kind::Word)
            && self.lex.blocks(self.key_at(i - 1), "relative");
        for (l, n) in self.lex_at(i) {
            if let Lex::Relative { kind, offset, cal } = l {
                // «پیش از این» is "previously" only where «این» stands
                // alone («پیش از این نیز …», «پیش از این، …»): not the
                // conjunction «پیش از این که …» nor «پیش از این حملات»
                // (before these attacks).
                let alone = |k: usize| match self.tok(k) {
                    None => true,
                    Some(t) if t.kind != Kind::Word => true,
                    Some(_) => matches!(
                        self.key_at(k),
                        "نیز"
                            | "هم"
                            | "همواره"
                            | "بارها"
                            | "هرگز"
                            | "به"
                            | "در"
                            | "از"
                            | "با"
                            | "و"
                    ),
                };
                if blocked || (self.word(i + n - 1, "این") && !alone(i + n)) {
                    return None;
                }
                // «۱۲۳۴۵۶۷۸۹۰۱ سال پیش», «میلیون‌ها سال پیش»: after a count
                // it cannot read, «سال پیش» is not last year.
                if i > 0
                    && matches!(
                        kind,
                        RelKind::Day | RelKind::Week | RelKind::Month | RelKind::Year
                    )
                    && self.counts(i - 1)
                {
                    return None;
                }
                // «روز گذشته» after a number is «سه روز گذشته»: handled below.
                let rel = match kind {
                    RelKind::Day => Relative::Days(offset),
                    RelKind::Week => Relative::Weeks(offset),
                    RelKind::Month => Relative::Months(offset),
                    RelKind::Year => Relative::Years(offset),
                    RelKind::Present => Relative::Present,
                    RelKind::PastVague => Relative::RecentPast,
                    RelKind::Future => Relative::Future,
                    RelKind::AnaphoricDay => Relative::Days(offset),
                };
                let anaphoric = kind == RelKind::AnaphoricDay;
                // «سال گذشته میلادی»: a trailing era marker.
                let mut cal = cal;
                let mut j = i + n;
                if let Some((c, m)) = self.era_at(j)
                    && c == Calendar::Gregorian
                    && matches!(kind, RelKind::Year | RelKind::Month)
                {
                    cal = c;
                    j += m;
                }
                if kind == RelKind::Day || anaphoric {
                    // «دیروز صبح», «امروز عصر»: a part of the day after it.
                    if let Some((_, false, m)) = self.day_part_at(j) {
                        j += m;
                    }
                    // «امروز یکشنبه», «دیروز، شنبه»: the day's weekday.
                    let k = if self.punct(j, &[',', '،']) {
                        j + 1
                    } else {
                        j
                    };
                    if let Some((wd, m)) = self.weekday_at(k) {
                        j = k + m;
                        // «امروز دوشنبه، ۲۲ اسد»: and its date.
                        let k = if self.punct(j, &[',', '،']) {
                            j + 1
                        } else {
                            j
                        };
                        if let Some(a) = self.date_core(k)
                            && a.spec.day.is_some()
                        {
                            j = a.j;
                            // «امروز چهارشنبه ۱۷ حمل ۱۴۰۱»: a day written
                            // in full is that day, publication date or
                            // none (its weekday is checked as any other).
                            if a.spec.year.is_some() && !anaphoric {
                                let mut spec = a.spec;
                                spec.weekday = Some(wd);
                                return Some((Expr::Date(spec), j, "fa/day-named-in-full"));
                            }
                        }
                    }
                }
                return Some((
                    Expr::Relative {
                        rel,
                        calendar: cal,
                        anaphoric,
                    },
                    j,
                    if anaphoric {
                        "fa/that-day"
                    } else {
                        "fa/relative"
                    },
                ));
            }
        }
        // «سه روز پیش», «۲ هفته قبل», «دو سال بعد», «سه روز دیگر»; a long
        // count («۱۰۰۰۰ سال پیش») is read, to be reported out of range.
        let (amount, n) = self.amount_at(i).or_else(|| self.long_count(i))?;
        let unit = self.unit_at(i + n)?;
        let j = i + n + 1;
        // «سه روز بعد» counts from the date the text spoke of last;
        // «سه روز دیگر» and «سه روز پیش» from the publication date.
        let mut after_that = 0;
        let (sign, anaphoric) = if self.role(j, Role::Ago) {
            (-1, false)
        } else if (self.word(j, "پس") || self.word(j, "بعد"))
            && self.role(j + 1, Role::From)
            && (self.word(j + 2, "آن") || self.word(j + 2, "این"))
        {
            // «سه روز پس از آن»: after the date spoken of last.
            after_that = 2;
            (1, true)
        } else if (self.word(j, "پس") || self.word(j, "بعد"))
            && self.role(j + 1, Role::From)
            && matches!(unit, Unit::Hour | Unit::Minute)
            && amount < 24
        {
            // «چند ساعت پس از حمله»: hours after what the text told last,
            // on its day (an anchor counted in days or longer is the
            // event's, left to the events stage).
            after_that = 1;
            (1, true)
        } else if self.word(j, "دیگر") {
            (1, false)
        } else if self.word(j, "بعد") {
            (1, true)
        } else {
            return None;
        };
        let a = i32::try_from(amount)
            .unwrap_or(i32::MAX)
            .saturating_mul(sign);
        let rel = match unit {
            // «سه ساعت پیش», «چند ساعت بعد»: the same day.
            Unit::Hour | Unit::Minute if amount < 24 => Relative::Days(0),
            // «چند هفته پیش»: some time before.
            _ if amount == 0 && sign < 0 => Relative::RecentPast,
            _ if amount == 0 => return None,
            Unit::Day => Relative::Days(a),
            Unit::Week => Relative::Weeks(a),
            Unit::Month => Relative::Months(a),
            Unit::Year => Relative::Years(a),
            _ => return None,
        };
        Some((
            Expr::Relative {
                rel,
                calendar: Calendar::SolarHijri,
                anaphoric,
            },
            j + 1 + after_that,
            if anaphoric {
                "fa/n-units-later"
            } else {
                "fa/n-units-ago"
            },
        ))
    }

    /// A count: digits or number words (cardinal), times «هزار» or
    /// «میلیون» after it («دو هزار», «۱۰ هزار»); «هزار» alone is a
    /// thousand, «هزاران» an unknown amount (0).
    fn amount_at(&self, i: usize) -> Option<(u32, usize)> {
        if let Some(m) = self.multiplier(i) {
            return Some((m, 1));
        }
        if self.tok(i).is_some_and(|t| t.kind == Kind::Word)
            && matches!(self.key_at(i), "هزاران" | "میلیونها")
        {
            return Some((0, 1));
        }
        let (v, n) = self.count_at(i)?;
        match self.multiplier(i + n) {
            Some(m) if v > 0 => Some((v.saturating_mul(m), n + 1)),
            _ => Some((v, n)),
        }
    }

    /// A count with a half before its unit, at `i`: «دو و نیم», «دوونیم»,
    /// «یک‌ونیم» («یکنیم»), «نیم» alone (half: 0), «۲.۵», «۲/۵» (the slash a
    /// decimal point): (whole units, tokens).
    fn half_count(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if t.kind == Kind::Word {
            let k = self.key_at(i);
            if let Some(stem) = k.strip_suffix("ونیم").or_else(|| k.strip_suffix("نیم")) {
                if stem.is_empty() {
                    return Some((0, 1));
                }
                if let Some((v, false)) = self.number_word(stem) {
                    return Some((v, 1));
                }
            }
        }
        if t.kind == Kind::Num {
            if t.digits() <= 4
                && self.punct(i + 1, &['.', '/'])
                && self.tok(i + 1).is_some_and(|p| p.glued)
                && self.tok(i + 2).is_some_and(|d| {
                    d.kind == Kind::Num && d.glued && d.s.len() == 1 && d.num() == Some(5)
                })
            {
                return Some((t.num()?, 3));
            }
            if self.punct(i + 1, &['/', ':', '.']) && self.tok(i + 1).is_some_and(|p| p.glued) {
                return None;
            }
        }
        let (v, n) = self.count_at(i)?;
        if v == 0 {
            return None;
        }
        if self.word(i + n, "و") && self.word(i + n + 1, "نیم") {
            Some((v, n + 2))
        } else if self.word(i + n, "ونیم") {
            Some((v, n + 1))
        } else {
            None
        }
    }

    /// «هزار» (1000) or «میلیون» (10^6) at `i`.
    fn multiplier(&self, i: usize) -> Option<u32> {
        self.tok(i).filter(|t| t.kind == Kind::Word)?;
        match self.key_at(i) {
            "هزار" => Some(1000),
            "میلیون" => Some(1_000_000),
            _ => None,
        }
    }

    /// A number of five to nine digits (a count no date has).
    fn long_count(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        (t.kind == Kind::Num
            && (5..=9).contains(&t.digits())
            && !self.punct(i + 1, &['/', ':', '.']))
        .then(|| t.num().map(|v| (v, 1)))?
    }

    /// Whether the token at `i` is a count: digits, a cardinal number
    /// word, a word of thousands («هزار», «هزاران», «میلیون‌ها») or an
    /// unknown amount («چند», «چندین»: [`P::count_at`] reads them).
    fn counts(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        match t.kind {
            Kind::Num => true,
            Kind::Word => {
                // The word's meanings were looked up once (`lex1`).
                let number = self.lex1[i].iter().find_map(|l| match *l {
                    Lex::Number { ordinal, .. } => Some(ordinal),
                    _ => None,
                });
                number == Some(false)
                    || self.multiplier(i).is_some()
                    || matches!(self.key_at(i), "هزاران" | "میلیونها" | "چند" | "چندین")
            }
            _ => false,
        }
    }

    /// Digits or number words (cardinal), or «چند» (0).
    fn count_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if t.kind == Kind::Num {
            if t.digits() > 4 || self.punct(i + 1, &['/', ':', '.']) && t.glued {
                return None;
            }
            return Some((t.num()?, 1));
        }
        // «چند», «چندین»: an unknown amount (0).
        if t.kind == Kind::Word && matches!(self.key_at(i), "چند" | "چندین") {
            return Some((0, 1));
        }
        let (v, ordinal, n) = self.number_words(i)?;
        if ordinal {
            return None;
        }
        Some((v, n))
    }

    fn unit_at(&self, i: usize) -> Option<Unit> {
        let mut l = self.phrase(i, 1);
        // Adjectival forms: «۴۴ روزه», «پنج ساله», «دو ماهه», «۲۴ ساعته».
        if l.is_empty()
            && self.tok(i).is_some_and(|t| t.kind == Kind::Word)
            && let Some(stem) = self.key_at(i).strip_suffix('ه')
            && matches!(stem, "روز" | "سال" | "ماه" | "ساعت")
        {
            l = self.lex.get(stem);
        }
        // «۴ سالی است», «چند روزی»: an indefinite «ی».
        if l.is_empty()
            && self.tok(i).is_some_and(|t| t.kind == Kind::Word)
            && let Some(stem) = self.key_at(i).strip_suffix('ی')
            && matches!(stem, "روز" | "سال" | "ماه" | "ساعت" | "هفته")
        {
            l = self.lex.get(stem);
        }
        unit_of(l)
    }

    /// A plural unit with no count: «سال‌ها», «ماه‌ها», «هفته‌ها»,
    /// «روزها», «ساعت‌ها», «دهه‌ها» (an unknown number of them): a unit
    /// word of the lexicon with the plural «ها».
    fn vague_units(&self, i: usize) -> Option<Unit> {
        if self.kind(i) != Some(Kind::Word) {
            return None;
        }
        let stem = self
            .key_at(i)
            .strip_suffix("ها")
            .filter(|s| !s.is_empty())?;
        unit_of(self.lex.get(stem))
    }

    /// Durations: «شش سال», «۴۴ روز», «سه دهه».
    fn duration(&self, i: usize) -> Option<(Expr, usize)> {
        // «پس از ماه‌ها محاصره», «سال‌ها جنگ»: `PXM`, `PXY`; not «این
        // روزها» (these days: a phrase of its own), not «سال‌ها پیش»
        // (a time ago: a relative phrase), not a plural before a number.
        if let Some(unit) = self.vague_units(i) {
            let demonstrative = i > 0
                && (self.word(i - 1, "این") || self.word(i - 1, "آن") || self.word(i - 1, "همین"));
            let ago = self.role(i + 1, Role::Ago);
            if demonstrative || ago || self.kind(i + 1) == Some(Kind::Num) {
                return None;
            }
            return Some((
                Expr::Duration {
                    amount: 0,
                    unit,
                    to_now: false,
                    half: false,
                },
                i + 1,
            ));
        }
        if let Some(t) = self.tok(i).filter(|_| self.zwnj(i)) {
            // «پنج‌ساله», «سه‌ماهه»: a number and a unit joined by ZWNJ.
            let mut parts = t.s.split('\u{200C}');
            if let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) {
                let unit = match b.strip_suffix('ه').unwrap_or(b) {
                    "سال" => Some(Unit::Year),
                    "ماه" => Some(Unit::Month),
                    "روز" => Some(Unit::Day),
                    "ساعت" => Some(Unit::Hour),
                    "هفته" | "هفت" => Some(Unit::Week),
                    _ => None,
                };
                if let (Some(unit), Some((v, false))) = (unit, self.number_word(&key(a))) {
                    return Some((
                        Expr::Duration {
                            amount: v,
                            unit,
                            to_now: false,
                            half: false,
                        },
                        i + 1,
                    ));
                }
            }
        }
        let (amount, mut n, mut half) = match self.half_count(i) {
            // «یکنیم هزار سال»: one and a half thousand.
            Some((v, n)) => match self.multiplier(i + n) {
                Some(m) => (v.saturating_mul(m).saturating_add(m / 2), n + 1, false),
                None => (v, n, true),
            },
            None => {
                let (a, n) = self.amount_at(i)?;
                (a, n, false)
            }
        };
        if amount == 0 && !half && self.kind(i) == Some(Kind::Num) {
            return None;
        }
        let unit = self.unit_at(i + n)?;
        // «دو سال و نیم», «سه ساعت ونیم»: the half after the unit.
        // Not «سه سال و نیم میلیون …»: a half of a count that follows.
        let counted =
            |k: usize| self.multiplier(k).is_some() || self.lex.is_quantity(self.key_at(k));
        if !half && amount > 0 {
            if self.word(i + n + 1, "و") && self.word(i + n + 2, "نیم") && !counted(i + n + 3) {
                half = true;
                n += 2;
            } else if self.word(i + n + 1, "ونیم") && !counted(i + n + 2) {
                half = true;
                n += 1;
            }
        }

        // «۱۷ ماه مه» is a date; «۲ ساعت ۱۰» not a duration of hours.
        if self.month_at(i + n + 1).is_some() && unit == Unit::Month {
            return None;
        }
        if matches!(unit, Unit::Hour | Unit::Minute) && self.kind(i + n + 1) == Some(Kind::Num) {
            return None;
        }
        // «دو روز گذشته», «۲۴ ساعت گذشته», «سه هفته اخیر»: the span up to
        // the day of writing, «گذشته» or «اخیر» in it.
        let j = i + n + 1;
        let to_now = amount > 0 && !half && (self.word(j, "گذشته") || self.word(j, "اخیر"));
        Some((
            Expr::Duration {
                amount,
                unit,
                to_now,
                half,
            },
            if to_now { j + 1 } else { j },
        ))
    }

    /// What the word at `i` means as the start of a set (`sets.tsv`):
    /// `Some(None)` for «هر», `Some(Some(r))` for an adverb of repetition.
    fn set_word(&self, i: usize) -> Option<Option<Recurrence>> {
        self.phrase(i, 1).iter().find_map(|l| match l {
            Lex::Set(r) => Some(*r),
            _ => None,
        })
    }

    /// `fa/set`: recurring times, as TIMEX3 sets: «هر روز», «هر هفته»,
    /// «هر سال», «هر دو هفته», «هر شب», «هر جمعه», «روزانه», «هفتگی»,
    /// «ماهانه», «سالانه», «همه‌روزه». Not «هر دو» alone («هر دو کشور»:
    /// both).
    fn set(&self, i: usize) -> Option<(Parsed, usize)> {
        let t = self.tok(i)?;
        let make = |r: Recurrence, j: usize| {
            let p = Parsed::new(t.start, self.toks[j - 1].end, "fa/set", Expr::Set(r));
            (p, j)
        };
        let every = |u| Recurrence::Every(1, u);
        // An adverb of repetition, or «هر» before what repeats.
        if let Some(r) = self.set_word(i)? {
            return Some(make(r, i + 1));
        }
        let k = i + 1;
        if let Some((d, n)) = self.weekday_at(k) {
            return Some(make(Recurrence::Weekday(d, None), k + n));
        }
        if let Some((part, _, n)) = self.day_part_at(k) {
            return Some(make(Recurrence::DayPart(part), k + n));
        }
        // «هر دو هفته», «هر ۲۴ ساعت»: every n units.
        if let Some((v, n)) = self.amount_at(k)
            && v > 1
            && let Some(u) = self.unit_at(k + n)
        {
            return Some(make(Recurrence::Every(v, u), k + n + 1));
        }
        let u = self.unit_at(k)?;
        // «هر ماه رمضان» names a month, not a set of months.
        if u == Unit::Month && self.month_at(k + 1).is_some() {
            return None;
        }
        Some(make(every(u), k + 1))
    }

    fn atom_parsed(&self, a: &Atom) -> Parsed {
        a.parsed(self.toks)
    }

    /// A dual date after a point: «(۳۱ اکتبر ۲۰۲۰)», «(یازدهم دی)», «(۱۹۹۴)»,
    /// or the same date in another calendar after «برابر با», «مصادف با»
    /// («۱۵ مهرماه برابر با هفتم اکتبر ۲۰۲۳»).
    fn dual(&self, j: usize, primary: &DateSpec) -> Option<(Parsed, usize)> {
        let k = j + usize::from(self.punct(j, &['،', ',']));
        let n = self.kw_len(k, Role::Equals);
        if n > 0 {
            let a = self.point(k + n)?;
            // Only another calendar, and a day for a day: «برابر با» before a
            // date of the same calendar is a comparison, not a dual date.
            let cal = |s: &DateSpec| s.calendar.unwrap_or(Calendar::Gregorian);
            if cal(&a.spec) == cal(primary)
                || a.spec.is_weekday_only()
                || a.spec.day.is_some() != primary.day.is_some()
                || a.spec.month.is_none()
            {
                return None;
            }
            return Some((self.atom_parsed(&a), a.j));
        }
        if !self.punct(j, &['(', '[']) {
            return None;
        }
        let a = self.point(j + 1).or_else(|| {
            // A bare year in parentheses: «سال ۱۳۷۳ (۱۹۹۴)».
            let t = self.tok(j + 1)?;
            let y = t.num().filter(|_| t.digits() == 4)? as i32;
            if primary.month.is_some() {
                return None;
            }
            Some(Atom {
                spec: DateSpec {
                    year: Some(y),
                    calendar: year_calendar(y),
                    ..DateSpec::default()
                },
                i: j + 1,
                j: j + 2,
                rule: "fa/year",
                time: None,
                tj: None,
                hint: None,
            })
        })?;
        if !self.punct(a.j, &[')', ']']) || a.spec.is_weekday_only() {
            return None;
        }
        // The alternative must be another calendar, or the same date again.
        if a.spec.calendar == primary.calendar && a.spec.month != primary.month {
            return None;
        }
        Some((self.atom_parsed(&a), a.j + 1))
    }

    /// The longest expression starting at token `i`, with its end token.
    fn at(&self, i: usize) -> Option<(Parsed, usize)> {
        grammar::longest(RULES.iter().filter_map(|r| match r.read {
            Read::Expr(f) => Some(f(self, i)),
            _ => None,
        }))
    }

    /// `fa/relative`, `fa/n-units-ago`, …: a relative expression at `i`.
    fn relative_expr(&self, i: usize) -> Option<(Parsed, usize)> {
        let (e, j, rule) = self.relative(i)?;
        let mut p = Parsed::new(self.toks[i].start, self.toks[j - 1].end, rule, e);
        // «دیشب», «شب گذشته», «امروز عصر»: the part of the day it names.
        p.day_part = (i..j).find_map(|k| self.day_part_at(k).map(|(d, _, _)| d));
        Some((p, j))
    }

    /// A part of the day at `i`: (part, stands alone, tokens).
    fn day_part_at(&self, i: usize) -> Option<(DayPart, bool, usize)> {
        self.lex_at(i).find_map(|(l, n)| match l {
            Lex::DayPart { part, alone } => Some((part, alone, n)),
            _ => None,
        })
    }

    /// `fa/day-part`: a part of the day with its day («بامداد سه‌شنبه»,
    /// «صبح امروز», «شامگاه دیروز», «صبحگاه ۲۸ شهریور ۱۴۰۲»);
    /// `fa/day-part-alone`: one that stands alone («سحرگاه», «حملات
    /// شبانه»), on the publication day, or for the night on the night
    /// before it (a report of «شبانه» is of the night that just ended).
    fn day_part(&self, i: usize) -> Option<(Parsed, usize)> {
        if i > 0
            && self
                .tok(i - 1)
                .is_some_and(|t| t.kind == Kind::Word && self.lex.blocks(&key(t.s), "relative"))
        {
            return None;
        }
        let (part, alone, n) = self.day_part_at(i)?;
        // «دیشب», «امشب» are relative words of their own.
        if self
            .phrase(i, n)
            .iter()
            .any(|l| matches!(l, Lex::Relative { .. }))
        {
            return None;
        }
        let j = i + n;
        let mut k = j;
        if self.role(k, Role::DayWord) {
            k += 1;
        }
        if let Some(a) = self.point(k)
            && (a.spec.day.is_some() || a.spec.weekday.is_some())
        {
            let mut p = self.atom_parsed(&a);
            p.start = self.toks[i].start;
            p.rule = "fa/day-part";
            p.day_part = Some(part);
            // «بامداد شنبه ۳۰ نوامبر (۱۰ آذرماه)»: a dual date after it.
            let mut j = a.j;
            if let Some((alt, k)) = self.dual(j, &a.spec) {
                p.alternative = Some(Box::new(alt));
                // As in `date`: a yearless primary is placed by its partner.
                p.explicit = p.explicit || a.spec.year.is_none();
                j = k;
            }
            return Some((p, j));
        }
        if let Some((
            e @ (Expr::Relative {
                rel: Relative::Days(_),
                ..
            }
            | Expr::Date(_)),
            k,
            _,
        )) = self.relative(k)
        {
            let mut p = Parsed::new(self.toks[i].start, self.toks[k - 1].end, "fa/day-part", e);
            p.day_part = Some(part);
            return Some((p, k));
        }
        if !alone {
            return None;
        }
        let off = if part == DayPart::Night { -1 } else { 0 };
        let mut p = Parsed::new(
            self.toks[i].start,
            self.toks[j - 1].end,
            "fa/day-part-alone",
            Expr::Relative {
                rel: Relative::Days(off),
                calendar: Calendar::SolarHijri,
                anaphoric: false,
            },
        );
        p.day_part = Some(part);
        Some((p, j))
    }

    /// `fa/clock`: a clock time with no date of its own («ساعت ۱۷ به وقت
    /// محلی», «ساعت ۱۵ و ۳۰ دقیقه», «۲۰:۱۰»), on the day the text spoke
    /// of last (the publication day when it gave none).
    fn clock(&self, i: usize) -> Option<(Parsed, usize)> {
        let word = self.role(i, Role::HourWord);
        if !word
            && i > 0
            && self.tok(i).is_some_and(|t| t.glued)
            && self.punct(i - 1, &[':', '/', '.', '-'])
        {
            return None;
        }
        let ((h, m), n) = self.time_at(i)?;
        if !word && h > 23 {
            return None;
        }
        let mut j = i + n;
        // «ساعت ۲۰ میلیون تومان», «ساعت ۲ ۳۰»: a price or a count, not a time.
        if self.kind(j) == Some(Kind::Num)
            || (self.tok(j).is_some() && self.lex.is_quantity(self.key_at(j)))
        {
            return None;
        }
        // «۲۰:۱۰:۳۵»
        if !word && self.punct(j, &[':']) && self.kind(j + 1) == Some(Kind::Num) {
            j += 2;
        }
        let mut hour = h;
        // «ساعت ۸ شب», «ساعت ۱۰ صبح»
        if let Some((part, _, pn)) = self.day_part_at(j) {
            if matches!(part, DayPart::Afternoon | DayPart::Evening | DayPart::Night)
                && (1..12).contains(&h)
                && !(part == DayPart::Night && h < 5)
            {
                hour = h + 12;
            }
            j += pn;
        }
        // «به وقت محلی» (local time) after the clock is read over, to the
        // day after it, but stays outside the span: «ساعت ۱۷» of «ساعت ۱۷
        // به وقت محلی», as the real pages' annotators mark it.
        let clock_end = j;
        j = self.local_time(j);
        // «ساعت ۷ صبح جمعه به وقت محلی», «ساعت ۱۷ به وقت محلی روز شنبه»:
        // the day after the time.
        let k = if self.role(j, Role::DayWord) {
            j + 1
        } else {
            j
        };
        if let Some(a) = self.point(k)
            && (a.spec.day.is_some() || a.spec.weekday.is_some())
            && a.time.is_none()
        {
            let mut p = self.atom_parsed(&a);
            p.start = self.toks[i].start;
            let mut j = a.j;
            p.end = self.toks[j - 1].end;
            p.rule = "fa/clock";
            p.time_of_day = Some((hour, m));
            if let Some((alt, k)) = self.dual(j, &a.spec) {
                p.alternative = Some(Box::new(alt));
                // As in `date`: a yearless primary is placed by its partner.
                p.explicit = p.explicit || a.spec.year.is_none();
                j = k;
            }
            return Some((p, j));
        }
        // «ساعت ۷:۳۰ شام امروز»
        if let Some((
            e @ Expr::Relative {
                rel: Relative::Days(_),
                ..
            },
            k2,
            _,
        )) = self.relative(k)
        {
            let mut p = Parsed::new(self.toks[i].start, self.toks[k2 - 1].end, "fa/clock", e);
            p.time_of_day = Some((hour, m));
            return Some((p, k2));
        }
        let j = clock_end;
        let mut p = Parsed::new(
            self.toks[i].start,
            self.toks[j - 1].end,
            "fa/clock",
            Expr::Relative {
                rel: Relative::Days(0),
                calendar: Calendar::SolarHijri,
                anaphoric: true,
            },
        );
        p.time_of_day = Some((hour, m));
        Some((p, j))
    }

    /// After a clock time, «به وقت محلی», «به وقت تهران», «بوقت محلی»:
    /// where it ends.
    fn local_time(&self, j: usize) -> usize {
        if self.word(j, "به") && self.word(j + 1, "وقت") && self.kind(j + 2) == Some(Kind::Word)
        {
            j + 3
        } else if self.word(j, "بوقت") && self.kind(j + 1) == Some(Kind::Word) {
            j + 2
        } else {
            j
        }
    }

    /// An ordinal word ending in «ین» at `i` («سومین», «هفتمین», «نخستین»).
    fn ordinal_in(&self, i: usize) -> Option<u32> {
        self.tok(i).filter(|t| t.kind == Kind::Word)?;
        let stem = self.key_at(i).strip_suffix("ین")?;
        match self.number_word(stem) {
            Some((v, true)) => Some(v),
            _ => None,
        }
    }

    /// `fa/ordinal-day`: how long something has lasted, counted by its
    /// ordinal day or year («سومین روز», «هفتمین روز متوالی», «روز دوم»,
    /// «هفتمین سال»), a duration as the guideline reads it.
    fn ordinal_day(&self, i: usize) -> Option<(Parsed, usize)> {
        let (v, unit, mut j) = if let Some(v) = self.ordinal_in(i) {
            let unit = self.unit_at(i + 1)?;
            if !matches!(unit, Unit::Day | Unit::Year | Unit::Week | Unit::Month)
                || self.lex_at(i + 1).next().is_none()
            {
                return None;
            }
            (v, unit, i + 2)
        } else if self.role(i, Role::DayWord) {
            let (v, true, n) = self.number_words(i + 1)? else {
                return None;
            };
            (v, Unit::Day, i + 1 + n)
        } else {
            return None;
        };
        if v == 0 || v > 31 {
            return None;
        }
        if self.word(j, "متوالی") {
            j += 1;
        }
        // «نخستین روز عید قربان», «روز دوم آبان», «روز اول ماه رمضان»: a date.
        if self.month_at(j).is_some()
            || self.role(j, Role::MonthWord)
            || self.word(j, "عید")
            || self.kind(j) == Some(Kind::Num)
        {
            return None;
        }
        Some((
            Parsed::new(
                self.toks[i].start,
                self.toks[j - 1].end,
                "fa/ordinal-day",
                Expr::Duration {
                    amount: v,
                    unit,
                    to_now: false,
                    half: false,
                },
            ),
            j,
        ))
    }

    /// A point at `i`, with a dual date after it (`fa/dual-date`).
    fn date(&self, i: usize) -> Option<(Parsed, usize)> {
        let a = self.point(i)?;
        let mut p = self.atom_parsed(&a);
        if a.spec.is_weekday_only() {
            // «سه‌شنبه شب», «پنجشنبه صبح»
            p.day_part = (a.i + 1..a.j).find_map(|k| self.day_part_at(k).map(|(d, _, _)| d));
        }
        let mut j = a.j;
        if let Some((alt, k)) = self.dual(j, &a.spec) {
            p.alternative = Some(Box::new(alt));
            p.rule = "fa/dual-date";
            p.explicit = p.explicit || a.spec.year.is_none();
            j = k;
        }
        Some((p, j))
    }

    /// `fa/duration` at `i`.
    fn duration_expr(&self, i: usize) -> Option<(Parsed, usize)> {
        Some(grammar::duration(self.toks, &PARAMS, i, self.duration(i)?))
    }

    /// Open ranges and relations: «از X» (since or a point, by the verb),
    /// «تا X» (until), «پیش از X» (before), «پس از X» (after).
    fn open(&self, i: usize) -> Option<(Parsed, usize)> {
        let (modifier, skip) = if self.role(i, Role::From) {
            (Modifier::Since, 1)
        } else if self.role(i, Role::To) {
            (Modifier::Until, 1)
        } else if (self.word(i, "پیش") || self.word(i, "قبل")) && self.role(i + 1, Role::From)
        {
            (Modifier::Before, 2)
        } else if (self.word(i, "پس") || self.word(i, "بعد")) && self.role(i + 1, Role::From) {
            (Modifier::After, 2)
        } else {
            return None;
        };
        let mut k = i + skip;
        if self.role(k, Role::DayWord) {
            k += 1;
        }
        // «تا پایان سال میلادی جاری», «تا آخر اسفند».
        let mut end_of = false;
        // «پایان» is the date's own word: the span starts there.
        let mut own_start = None;
        if modifier == Modifier::Until && self.role(k, Role::End) {
            end_of = true;
            own_start = Some(self.toks[k].start);
            k += 1;
        }
        let mut after_alt = None;
        let (mut p, j) = if let Some(a) = self.point(k) {
            if a.spec.is_weekday_only() && modifier == Modifier::Since {
                return None;
            }
            let mut p = self.atom_parsed(&a);
            // «از روز ۱۰ آبان (۳ اکتبر ۲۰۲۰)»: a dual date after «از».
            if let Some((alt, k2)) = self.dual(a.j, &a.spec) {
                p.alternative = Some(Box::new(alt));
                p.explicit = true;
                after_alt = Some(k2);
            }
            (p, a.j)
        } else if let Some((e, j, rule)) = self.relative(k) {
            if matches!(
                e,
                Expr::Relative {
                    rel: Relative::Present | Relative::RecentPast,
                    ..
                }
            ) {
                return None;
            }
            (
                Parsed::new(self.toks[k].start, self.toks[j - 1].end, rule, e),
                j,
            )
        } else {
            let y = self.bare_year(k)?;
            (self.atom_parsed(&y), y.j)
        };
        let _ = end_of;
        let mut j = j;
        p.end = self.toks[j - 1].end;
        if modifier == Modifier::Since {
            // «از سال ۲۰۱۱ تاکنون», «از اول ژانویه به بعد»: read with the
            // expression (the modifier says them), not spanned.
            if self.word(j, "تاکنون") {
                j += 1;
            } else if (self.word(j, "تا") && self.word(j + 1, "کنون"))
                || (self.word(j, "به") && self.word(j + 1, "بعد"))
            {
                j += 2;
            }
        }
        let j = after_alt.map_or(j, |k2| k2.max(j));
        // The span leaves out «از», «تا», «پیش از», «پس از» (the modifier
        // says them): «از سال ۱۹۹۲ تاکنون» is «سال ۱۹۹۲», since.
        let start = own_start.unwrap_or(p.start);
        Some((grammar::open(&PARAMS, p, start, modifier), j))
    }

    /// A bare four-digit year after «از»/«تا» («از ۱۹۹۲», «تا ۲۰۲۵»).
    fn bare_year(&self, i: usize) -> Option<Atom> {
        let (y, cal) = self.bare_year_at(i)?;
        // «بیش از ۱۴۰۰ نفر», «کمتر از ۲۰۰۰»: a count.
        if let Some(n) = self.tok(i + 1)
            && (n.kind == Kind::Num || self.lex.is_quantity(&key(n.s)))
        {
            return None;
        }
        if i >= 2
            && matches!(
                self.tok(i - 2).map(|t| key(t.s)).as_deref(),
                Some("بیش" | "کمتر" | "بیشتر")
            )
        {
            return None;
        }
        let mut spec = DateSpec {
            calendar: Some(cal),
            year: Some(y),
            ..DateSpec::default()
        };
        let mut j = i + 1;
        self.take_era(&mut spec, &mut j);
        Some(Atom {
            spec,
            i,
            j,
            rule: "fa/year",
            time: None,
            tj: None,
            hint: None,
        })
    }

    /// «اوایل سال ۲۰۲۰», «اواخر آبان», «حدود سال ۱۹۹۰», «اواسط دهه ۱۹۹۰».
    fn modified(&self, i: usize) -> Option<(Parsed, usize)> {
        let modifier = if self.role(i, Role::Early) {
            Modifier::Early
        } else if self.role(i, Role::Mid) {
            Modifier::Mid
        } else if self.role(i, Role::Late) {
            Modifier::Late
        } else if self.role(i, Role::Approx) {
            Modifier::Approx
        } else {
            return None;
        };
        // «حدود ساعت ۱۰ صبح», «حوالی ظهر امروز»: an hour or a part of the
        // day, about then (TIMEX3 `APPROX`).
        if modifier == Modifier::Approx
            && let Some((p, j)) = self.clock(i + 1).or_else(|| self.day_part(i + 1))
            && p.modifier.is_none()
        {
            return Some((
                grammar::modified(&PARAMS, p, self.toks[i].start, modifier),
                j,
            ));
        }
        let (p, j) = match self.point(i + 1) {
            Some(a) => {
                if a.spec.is_weekday_only() || a.spec.day.is_some() && modifier != Modifier::Approx
                {
                    return None;
                }
                (self.atom_parsed(&a), a.j)
            }
            None => {
                // «اوایل سال جاری», «اواخر ماه گذشته».
                let (e, j, rule) = self.relative(i + 1)?;
                if !matches!(
                    e,
                    Expr::Relative {
                        rel: Relative::Years(_) | Relative::Months(_),
                        ..
                    }
                ) {
                    return None;
                }
                (
                    Parsed::new(self.toks[i + 1].start, self.toks[j - 1].end, rule, e),
                    j,
                )
            }
        };
        Some((
            grammar::modified(&PARAMS, p, self.toks[i].start, modifier),
            j,
        ))
    }

    /// A Latin word.
    fn latin(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Latin)
    }

    /// A word that begins a phrase of the lexicons or has a meaning of
    /// its own there (a month, a weekday, a number, a relative word …).
    fn lexical(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
            && (self.starts[i] || self.lex1[i].iter().any(|l| !matches!(l, Lex::Kw(_))))
    }

    /// A word with a ZWNJ inside («پنج‌ساله», «آبان‌ماه»).
    fn zwnj(&self, i: usize) -> bool {
        self.zwnj.get(i).copied().unwrap_or(false)
    }

    /// A function word of one of `roles`.
    fn any_role(&self, i: usize, roles: &[Role]) -> bool {
        self.kind(i) == Some(Kind::Word)
            && self.lex1[i]
                .iter()
                .any(|l| matches!(l, Lex::Kw(r) if roles.contains(r)))
    }

    fn run(&self) -> Vec<Parsed> {
        grammar::run(
            self.toks.len(),
            |i| RULES.iter().any(|r| (r.starts)(self, i)),
            |i| self.at(i),
            |i, j| clause_tense(self.toks, i, j, self.lex),
            |p, i, j| {
                if p.modifier == Some(Modifier::Since) {
                    self.decide_since(p, i, j);
                }
            },
        )
    }

    /// «از X» opens a state that goes on (a continuing verb, «تاکنون») or
    /// marks the moment of a one-time change (simple past): in the second
    /// case it is a point and «از» is not part of the expression.
    fn decide_since(&self, p: &mut Parsed, i: usize, j: usize) {
        let open = self.word(j - 1, "تاکنون")
            || self.word(j - 1, "کنون")
            || self.word(j - 1, "بعد")
            || has_continuation_cue(self.toks, j)
            || matches!(p.tense, Tense::Present | Tense::Perfect);
        if open {
            return;
        }
        p.modifier = None;
        let mut k = i + 1;
        if self.role(k, Role::DayWord) {
            k += 1;
        }
        p.start = self.toks[k].start;
        p.rule = match &p.expr {
            Expr::Date(d) if d.day.is_some() => "fa/from-day",
            _ => "fa/from-point",
        };
    }
}
