//! The grammar core every language's rules are written on: tokens, the
//! atoms and range sides the rules pass around, the combinators that turn
//! them into ranges, open ranges, modified dates and durations, the rule
//! registry and the run loop.
//!
//! A language supplies its tokenizer's [`Script`], its [`GrammarParams`]
//! and one registry: a `static RULES: &[Rule<…>]` in priority order, the
//! only place that decides which rules run and in what order (see
//! [`Rule`]). Everything a language says about its own words (lexicons,
//! the readings of a side, the connectors of a range) stays in
//! `lang::<code>::rules`.

use crate::lang::expr::{DateSpec, Expr, Modifier, Parsed, Tense};
use crate::units::Calendar;

/// How far, in tokens either side of a date, its clause is read for a
/// tense or a continuation cue. A sentence longer than this (a text with no
/// punctuation, a book-length run-on line) is read as if it ended there, so
/// reading the tenses of a document is linear in its length, not quadratic.
/// Real clauses are far shorter: 99 in 100 sentences of the evaluation
/// articles and the real pages have at most 60 tokens; the longer ones are
/// lists and infoboxes.
pub const CLAUSE_WINDOW: usize = 128;

// ---------------------------------------------------------------------------
// Tokens

/// The kind of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A run of letters of the language's script (ZWNJ inside allowed
    /// where the script says so).
    Word,
    /// A run of ASCII letters inside text of another script (Persian);
    /// languages written in Latin letters have none.
    Latin,
    /// A run of ASCII digits.
    Num,
    /// One punctuation or symbol character.
    Punct,
    /// A line break; `para` when it is a paragraph break.
    Break,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok<'a> {
    pub kind: Kind,
    pub s: &'a str,
    /// Byte span in the text.
    pub start: usize,
    pub end: usize,
    /// No whitespace between this token and the previous one.
    pub glued: bool,
    /// For `Break`: a paragraph break (a blank line).
    pub para: bool,
}

impl Tok<'_> {
    /// The value of a number token (up to nine digits), or `None`.
    pub fn num(&self) -> Option<u32> {
        if self.kind != Kind::Num || self.s.len() > 9 {
            return None;
        }
        self.s.parse().ok()
    }

    /// The number of digits of a number token.
    pub fn digits(&self) -> usize {
        if self.kind == Kind::Num {
            self.s.len()
        } else {
            0
        }
    }

    /// True for a punctuation token equal to one of `chars`.
    pub fn is_punct(&self, chars: &[char]) -> bool {
        self.kind == Kind::Punct && self.s.chars().next().is_some_and(|c| chars.contains(&c))
    }

    /// True for a word starting with an uppercase letter.
    pub fn capitalized(&self) -> bool {
        self.kind == Kind::Word && self.s.chars().next().is_some_and(char::is_uppercase)
    }
}

/// True when `toks[k]` is the colon of a clock or a score written between
/// two numbers, glued («10:30», "11:15"): no clause ends there.
pub fn is_clock_colon<'t>(toks: &[impl Token<'t>], k: usize) -> bool {
    let t = toks[k].tok();
    t.is_punct(&[':'])
        && t.glued
        && k > 0
        && toks[k - 1].tok().kind == Kind::Num
        && toks
            .get(k + 1)
            .is_some_and(|n| n.tok().glued && n.tok().kind == Kind::Num)
}

/// A language's token: the shared [`Tok`] and whatever the language keeps
/// beside it (English keeps the lowercase form of a word).
pub trait Token<'a> {
    fn tok(&self) -> &Tok<'a>;
}

impl<'a> Token<'a> for Tok<'a> {
    fn tok(&self) -> &Tok<'a> {
        self
    }
}

/// How a language's tokenizer splits letters from everything else.
pub struct Script {
    /// ASCII letters are a token kind of their own ([`Kind::Latin`]).
    pub latin: bool,
    /// A letter of a word.
    pub letter: fn(char) -> bool,
    /// A character that may sit inside a word without ending it (ZWNJ in
    /// Persian); it is part of the word only between letters.
    pub inside: fn(char) -> bool,
    /// A non-letter character that is no token (it separates the tokens
    /// around it like a space).
    pub skip: fn(char) -> bool,
}

/// Splits normalized text into tokens: numbers, words, punctuation and
/// line breaks, with byte spans.
#[inline]
pub fn tokenize<'a>(text: &'a str, script: &Script) -> Vec<Tok<'a>> {
    let mut toks = Vec::with_capacity(text.len() / 6);
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut glued = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b' ' || b == b'\t' || b == b'\r' {
            glued = false;
            i += 1;
            continue;
        }
        if b == b'\n' {
            let start = i;
            while i < bytes.len() && matches!(bytes[i], b'\n' | b' ' | b'\r') {
                i += 1;
            }
            let para = text[start..i].matches('\n').count() >= 2;
            toks.push(Tok {
                kind: Kind::Break,
                s: &text[start..i],
                start,
                end: i,
                glued,
                para,
            });
            glued = false;
            continue;
        }
        let start = i;
        let kind = if b.is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            Kind::Num
        } else if script.latin && b.is_ascii_alphabetic() {
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            Kind::Latin
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            if (script.letter)(c) {
                let mut end = i;
                for (off, c) in text[i..].char_indices() {
                    if (script.letter)(c) {
                        end = i + off + c.len_utf8();
                    } else if !(script.inside)(c) {
                        break;
                    }
                }
                i = end;
                Kind::Word
            } else {
                i += c.len_utf8();
                if (script.skip)(c) {
                    glued = false;
                    continue;
                }
                Kind::Punct
            }
        };
        toks.push(Tok {
            kind,
            s: &text[start..i],
            start,
            end: i,
            glued,
            para: false,
        });
        glued = true;
    }
    toks
}

// ---------------------------------------------------------------------------
// Atoms and sides

/// A date read by a point rule: tokens `[i, j)`.
#[derive(Debug, Clone)]
pub struct Atom {
    pub spec: DateSpec,
    pub i: usize,
    pub j: usize,
    pub rule: &'static str,
    /// A clock time stated after the date.
    pub time: Option<(u8, u8)>,
    /// Where the date's text ends when a clock time follows it.
    pub tj: Option<usize>,
    /// A tense the expression states itself («سه‌شنبه گذشته», "last Friday").
    pub hint: Option<Tense>,
}

impl Atom {
    /// A date with no clock time and no tense of its own.
    pub fn new(spec: DateSpec, i: usize, j: usize, rule: &'static str) -> Atom {
        Atom {
            spec,
            i,
            j,
            rule,
            time: None,
            tj: None,
            hint: None,
        }
    }

    /// The expression the atom is, with byte spans from `toks`.
    pub fn parsed<'a>(&self, toks: &[impl Token<'a>]) -> Parsed {
        let end = self.tj.unwrap_or(self.j);
        let mut p = Parsed::new(
            toks[self.i].tok().start,
            toks[end - 1].tok().end,
            self.rule,
            Expr::Date(self.spec),
        );
        p.time_of_day = self.time;
        p.tense_hint = self.hint;
        p
    }
}

/// One side of a range before it is completed by the other side.
#[derive(Debug, Clone)]
pub enum Side {
    Atom(Atom),
    /// A bare number: a day or a year, depending on the other side.
    Num {
        value: u32,
        digits: usize,
        i: usize,
    },
    /// A bare month name (languages whose month names can stand alone as a
    /// range side: «از مهر تا آذر ۱۳۹۹»).
    Month {
        cal: Calendar,
        month: u8,
        j: usize,
    },
}

impl Side {
    /// The token after the side.
    pub fn end(&self) -> usize {
        match self {
            Side::Atom(a) => a.j,
            Side::Num { i, .. } => i + 1,
            Side::Month { j, .. } => *j,
        }
    }

    /// True for a side that is a date of its own.
    pub fn is_atom(&self) -> bool {
        matches!(self, Side::Atom(_))
    }
}

// ---------------------------------------------------------------------------
// Parameters

/// How a two-digit second side of a year range («1992–94») gets its century.
///
/// The Persian and English copies of the grammar drifted here; each keeps
/// its behaviour as a parameter until a later issue decides one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TwoDigitEnd {
    /// The century of the first year, always («۱۳۹۸–۰۲» is 1398–1302).
    SameCentury,
    /// The first such year after the first year («1998–02» is 1998–2002).
    NotBefore,
}

/// The rule names a language gives the shared combinators.
#[derive(Debug, Clone, Copy)]
pub struct Names {
    /// «between X and Y», «from X to Y», «X–Y».
    pub between_and: &'static str,
    pub from_to: &'static str,
    pub range: &'static str,
    /// Open ranges and relations.
    pub since: &'static str,
    pub until: &'static str,
    pub before: &'static str,
    pub after: &'static str,
    /// Modified dates.
    pub early: &'static str,
    pub mid: &'static str,
    pub late: &'static str,
    pub approx: &'static str,
    /// Lengths of time.
    pub duration: &'static str,
}

/// What differs between languages in the shared combinators.
#[derive(Debug, Clone, Copy)]
pub struct GrammarParams {
    pub names: Names,
    /// See [`TwoDigitEnd`].
    pub two_digit_end: TwoDigitEnd,
    /// The most years a range may span (Persian 300, English 200: the two
    /// copies drifted; unifying them is a later issue's work).
    pub max_range_years: i32,
}

/// The word that opens a range, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lead {
    /// «from», «از».
    From,
    /// «between», «بین».
    Between,
}

impl GrammarParams {
    /// The full year of a two-digit second side `two` after the year `first`.
    pub fn range_end_year(&self, first: i32, two: u32) -> i32 {
        let c = first - first % 100 + two as i32;
        match self.two_digit_end {
            TwoDigitEnd::SameCentury => c,
            TwoDigitEnd::NotBefore if c <= first => c + 100,
            TwoDigitEnd::NotBefore => c,
        }
    }

    /// True when two years are close enough to be the ends of one range.
    pub fn span_ok(&self, a: i32, b: i32) -> bool {
        (a - b).abs() <= self.max_range_years
    }

    /// The rule name of a range by its lead word.
    pub fn range_rule(&self, lead: Option<Lead>) -> &'static str {
        match lead {
            Some(Lead::Between) => self.names.between_and,
            Some(Lead::From) => self.names.from_to,
            None => self.names.range,
        }
    }

    /// The rule name of an open range or relation.
    pub fn open_rule(&self, m: Modifier) -> &'static str {
        match m {
            Modifier::Since => self.names.since,
            Modifier::Until => self.names.until,
            Modifier::Before => self.names.before,
            _ => self.names.after,
        }
    }

    /// The rule name of a modified date.
    pub fn modified_rule(&self, m: Modifier) -> &'static str {
        match m {
            Modifier::Early => self.names.early,
            Modifier::Mid => self.names.mid,
            Modifier::Late => self.names.late,
            _ => self.names.approx,
        }
    }
}

// ---------------------------------------------------------------------------
// Combinators

/// True when a range is written high to low.
pub fn reversed(from: &DateSpec, to: &DateSpec) -> bool {
    let key = |s: &DateSpec| (s.year, s.month.unwrap_or(0), s.day.unwrap_or(0));
    key(from) > key(to)
}

/// A range over tokens `[i, j)`, named by its lead word. A «از» / "from"
/// that leads it is read but not spanned («۱۲ تا ۱۵ تیر», "3 to 9 June"),
/// as the annotation guideline and TimeML span ranges; «بین» / "between"
/// is spanned.
pub fn range<'a>(
    toks: &[impl Token<'a>],
    params: &GrammarParams,
    (i, j): (usize, usize),
    lead: Option<Lead>,
    (from, to, reversed): (DateSpec, DateSpec, bool),
) -> (Parsed, usize) {
    let first = if lead == Some(Lead::From) && i + 1 < j {
        i + 1
    } else {
        i
    };
    let p = Parsed::new(
        toks[first].tok().start,
        toks[j - 1].tok().end,
        params.range_rule(lead),
        Expr::Range { from, to, reversed },
    );
    (p, j)
}

/// An open range or relation: `p` with `modifier`, starting at byte `start`.
pub fn open(params: &GrammarParams, mut p: Parsed, start: usize, modifier: Modifier) -> Parsed {
    p.modifier = Some(modifier);
    p.start = start;
    p.rule = params.open_rule(modifier);
    p
}

/// A modified date: `p` with `modifier`, starting at byte `start`.
pub fn modified(params: &GrammarParams, mut p: Parsed, start: usize, modifier: Modifier) -> Parsed {
    p.start = start;
    p.modifier = Some(modifier);
    p.rule = params.modified_rule(modifier);
    p
}

/// A length of time over tokens `[i, j)`.
pub fn duration<'a>(
    toks: &[impl Token<'a>],
    params: &GrammarParams,
    i: usize,
    (e, j): (Expr, usize),
) -> (Parsed, usize) {
    (
        Parsed::new(
            toks[i].tok().start,
            toks[j - 1].tok().end,
            params.names.duration,
            e,
        ),
        j,
    )
}

/// The longest of the point readings at one token; of equally long ones,
/// the one starting first, then the one of the later rule.
pub fn longest_point(cands: impl IntoIterator<Item = Option<Atom>>) -> Option<Atom> {
    cands
        .into_iter()
        .flatten()
        .max_by_key(|a| (a.j, usize::MAX - a.i))
}

/// The longest of the expressions read at one token; of equally long
/// ones, the one of the earlier rule.
pub fn longest(
    cands: impl IntoIterator<Item = Option<(Parsed, usize)>>,
) -> Option<(Parsed, usize)> {
    let mut best: Option<(Parsed, usize)> = None;
    for (p, j) in cands.into_iter().flatten() {
        if best.as_ref().is_none_or(|(_, bj)| j > *bj) {
            best = Some((p, j));
        }
    }
    best
}

// ---------------------------------------------------------------------------
// The registry and the run loop

/// How a registered rule reads, by layer (as in Duckling, *points* read one
/// date and *expressions* combine them).
pub enum Read<B, A, E> {
    /// Tried before the point rules at a token; when it answers
    /// (`Some(reading)`, the reading possibly `None` to block the token),
    /// the point rules are not tried there.
    Before(B),
    /// A point rule: the longest point reading wins ([`longest_point`]).
    Point(A),
    /// An expression rule, tried by the run loop: the longest expression
    /// wins ([`longest`]).
    Expr(E),
}

/// One registered rule.
///
/// `name` names the rule in the registry; `emits` lists every `rule` name
/// its readings carry (the `rule` field of the output), so that the corpus
/// can check that each is read by some entry. `starts` says at which tokens
/// the rule can begin: the run loop passes over a token no registered rule
/// can begin at, and tries every rule at the others.
pub struct Rule<S, B, A, E> {
    pub name: &'static str,
    pub emits: &'static [&'static str],
    pub starts: S,
    pub read: Read<B, A, E>,
}

/// Every rule name the readings of `rules` can carry, in registry order
/// (without repeats).
pub fn emitted<S, B, A, E>(rules: &[Rule<S, B, A, E>]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for r in rules {
        for e in r.emits {
            if !out.contains(e) {
                out.push(e);
            }
        }
    }
    out
}

/// The run loop: at each token some rule can begin at (`can_start`), the
/// longest expression (`at`) is taken, its tense set from its own hint or
/// the clause (`tense`), `finish` applied, and the scan goes on after it.
pub fn run(
    len: usize,
    can_start: impl Fn(usize) -> bool,
    at: impl Fn(usize) -> Option<(Parsed, usize)>,
    tense: impl Fn(usize, usize) -> Tense,
    mut finish: impl FnMut(&mut Parsed, usize, usize),
) -> Vec<Parsed> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < len {
        if !can_start(i) {
            i += 1;
            continue;
        }
        match at(i) {
            Some((mut p, j)) if j > i => {
                p.tense = p.tense_hint.unwrap_or_else(|| tense(i, j));
                finish(&mut p, i, j);
                if let Some(alt) = p.alternative.as_mut() {
                    alt.tense = p.tense;
                }
                out.push(p);
                i = j;
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(two_digit_end: TwoDigitEnd) -> GrammarParams {
        let n = "x";
        GrammarParams {
            names: Names {
                between_and: n,
                from_to: n,
                range: n,
                since: n,
                until: n,
                before: n,
                after: n,
                early: n,
                mid: n,
                late: n,
                approx: n,
                duration: n,
            },
            two_digit_end,
            max_range_years: 200,
        }
    }

    #[test]
    fn two_digit_range_ends_by_language() {
        assert_eq!(
            params(TwoDigitEnd::SameCentury).range_end_year(1992, 94),
            1994
        );
        assert_eq!(
            params(TwoDigitEnd::NotBefore).range_end_year(1992, 94),
            1994
        );
        assert_eq!(
            params(TwoDigitEnd::SameCentury).range_end_year(1998, 2),
            1902
        );
        assert_eq!(params(TwoDigitEnd::NotBefore).range_end_year(1998, 2), 2002);
    }

    #[test]
    fn longest_point_prefers_the_later_rule_on_ties() {
        let a = |j, rule| Some(Atom::new(DateSpec::default(), 0, j, rule));
        let best = longest_point([a(2, "first"), a(3, "second"), a(3, "third")]);
        assert_eq!(best.map(|a| a.rule), Some("third"));
    }
}
