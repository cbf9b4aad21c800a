//! Signs of layout damage in Persian text, and how well a reading reads.
//!
//! Damage leaves traces a reader notices at once: a slot with nothing in it
//! («سال میلادی» with no year, «روز آبان» with no day, a «)» with no «(»),
//! a number stranded after the clause's final verb or at the end of a line,
//! a range written high to low. [`signs`] finds them; [`score`] rates a
//! candidate reading of a stretch of text by how its dates read: every slot
//! filled once, ranges ascending, era markers after years, dates in a
//! plausible order. [`crate::temporal`] keeps a repaired reading only when
//! it scores clearly better than the text as it stands.

use super::lexicon::{Lex, Lexicon, Role, key, lexicon};
use super::rules::{parse, parse_tokens_meanings};
use super::tense::is_verb;
use super::token::{Kind, Tok, tokenize};
use crate::lang::damage::{Assessment, DamageModel, Piece, Signs, Slot, SlotKind, Stranded};
use crate::lang::expr::{Expr, Parsed};

fn is_month(lex: &Lexicon, t: &Tok) -> bool {
    if t.kind == Kind::Latin {
        return lex
            .en_months
            .contains_key(t.s.to_ascii_lowercase().as_str());
    }
    t.kind == Kind::Word
        && lex
            .get(&key(t.s))
            .iter()
            .any(|l| matches!(l, Lex::Month { latent: false, .. }))
}

fn has_role(lex: &Lexicon, t: &Tok, role: Role) -> bool {
    t.kind == Kind::Word && lex.get(&key(t.s)).contains(&Lex::Kw(role))
}

/// Words after which a number is in its place («سال ۱۹۹۴», «در ۱۹۹۴»,
/// «ماده ۱۰» is not known here, so a line-final number after any other
/// word is only a candidate: it moves only into an empty slot).
fn attaches(lex: &Lexicon, t: &Tok) -> bool {
    match t.kind {
        Kind::Num => true,
        Kind::Punct => !t.is_punct(&['.', '،', ',', '؛', ';', ':', '!', '؟', '?']),
        Kind::Latin => true,
        Kind::Break => false,
        Kind::Word => {
            is_month(lex, t)
                || lex.get(&key(t.s)).iter().any(|l| {
                    matches!(
                        l,
                        Lex::Kw(
                            Role::YearWord
                                | Role::YearsWord
                                | Role::DayWord
                                | Role::MonthWord
                                | Role::In
                                | Role::From
                                | Role::To
                                | Role::Through
                                | Role::Between
                                | Role::HourWord
                                | Role::DecadeWord
                                | Role::CenturyWord
                        ) | Lex::Month { .. }
                    )
                })
        }
    }
}

/// Finds the damage signs of a token stream.
pub fn signs(toks: &[Tok]) -> Signs {
    let lex = lexicon();
    let meanings: Vec<&[Lex]> = toks
        .iter()
        .map(|t| {
            if t.kind == Kind::Word {
                lex.get(&key(t.s))
            } else {
                &[]
            }
        })
        .collect();
    signs_with(toks, &meanings)
}

/// [`signs`], with every word's meanings looked up already (the rules
/// look them up once for both).
fn signs_with(toks: &[Tok], meanings_of: &[&[Lex]]) -> Signs {
    let lex = lexicon();
    let mut out = Signs::default();
    let mut open_paren = 0usize;
    for k in 0..toks.len() {
        let t = &toks[k];
        match t.kind {
            Kind::Break => open_paren = 0,
            Kind::Punct if t.is_punct(&['(']) => open_paren += 1,
            Kind::Punct if t.is_punct(&[')']) => {
                if open_paren > 0 {
                    open_paren -= 1;
                } else if k > 0 && is_month(lex, &toks[k - 1]) {
                    out.slots.push(Slot {
                        kind: SlotKind::Paren,
                        before: k,
                        orphan: Some(k),
                    });
                }
            }
            _ => {}
        }
        if t.kind != Kind::Word {
            continue;
        }
        let meanings = meanings_of[k];
        // An era marker with no year before it: «سال میلادی», «… میلادی».
        let era =
            meanings.iter().any(|l| matches!(l, Lex::Era(_))) && key(t.s).chars().nth(1).is_some();
        let word = if era {
            key(t.s)
        } else {
            std::borrow::Cow::Borrowed("")
        };
        // The last word of a marker of two («هجری شمسی») looks past the first.
        let start = if era
            && k > 0
            && toks[k - 1].kind == Kind::Word
            && lex
                .get(&format!("{}{word}", key(toks[k - 1].s)))
                .iter()
                .any(|l| matches!(l, Lex::Era(_)))
        {
            k - 1
        } else {
            k
        };
        if era && start > 0 && toks[start - 1].kind != Kind::Num {
            out.slots.push(Slot {
                kind: SlotKind::Year,
                before: start,
                orphan: None,
            });
        }
        // «روز آبان»: a day word straight before a month name.
        if meanings.contains(&Lex::Kw(Role::DayWord))
            && toks.get(k + 1).is_some_and(|n| is_month(lex, n))
        {
            out.slots.push(Slot {
                kind: SlotKind::Day,
                before: k + 1,
                orphan: None,
            });
        }
    }
    out.stranded = stranded(lex, toks);
    out
}

fn in_run(lex: &Lexicon, t: &Tok) -> bool {
    match t.kind {
        Kind::Num => true,
        Kind::Punct => t.is_punct(&['(', ')', '/', '-', '–']),
        Kind::Latin => is_month(lex, t),
        Kind::Word => {
            is_month(lex, t)
                || has_role(lex, t, Role::Through)
                || lex.get(&key(t.s)).iter().any(|l| matches!(l, Lex::Era(_)))
        }
        Kind::Break => false,
    }
}

fn stranded(lex: &Lexicon, toks: &[Tok]) -> Vec<Stranded> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        let starts = toks[k].kind == Kind::Num
            || (toks[k].is_punct(&['(']) && toks.get(k + 1).is_some_and(|t| t.kind == Kind::Num));
        if !starts || (k > 0 && in_run(lex, &toks[k - 1])) {
            k += 1;
            continue;
        }
        let mut e = k;
        while e < toks.len() && in_run(lex, &toks[e]) {
            e += 1;
        }
        let after_verb = k > 0 && toks[k - 1].kind == Kind::Word && is_verb(&toks[k - 1]);
        let line_end = e >= toks.len() || toks[e].kind == Kind::Break;
        let next_word = toks.get(e).is_some_and(|t| t.kind == Kind::Word);
        let prev_attaches = k > 0 && attaches(lex, &toks[k - 1]);
        if (after_verb && (next_word || line_end)) || (line_end && !prev_attaches && k > 0) {
            out.push(Stranded {
                toks: k..e,
                pieces: split_pieces(lex, toks, k..e),
                after_verb,
            });
        }
        k = e.max(k + 1);
    }
    out
}

/// Splits a stranded run into slot pieces: a bare day or year, then a
/// parenthesised date. A run with anything else yields no pieces.
fn split_pieces(lex: &Lexicon, toks: &[Tok], r: std::ops::Range<usize>) -> Vec<Piece> {
    let _ = lex;
    let mut pieces = Vec::new();
    let mut k = r.start;
    while k < r.end {
        let t = &toks[k];
        if t.kind == Kind::Num {
            let v = t.num().unwrap_or(0);
            let kind = match t.digits() {
                4 => SlotKind::Year,
                1 | 2 if (1..=31).contains(&v) => SlotKind::Day,
                _ => return Vec::new(),
            };
            pieces.push(Piece {
                kind,
                toks: k..k + 1,
            });
            k += 1;
        } else if t.is_punct(&['(']) {
            let close = (k + 1..r.end).find(|&j| toks[j].is_punct(&[')']));
            let end = close.map_or(r.end, |c| c + 1);
            pieces.push(Piece {
                kind: SlotKind::Paren,
                toks: k..end,
            });
            k = end;
        } else {
            return Vec::new();
        }
    }
    pieces
}

/// Number runs of a token range, for reversal: maximal stretches of
/// numbers joined by «الی», «تا» or a dash, and the text runs between them.
/// Returns the runs (token ranges covering `r` in order) and which of them
/// are number runs with a connector inside (reversible inside).
pub fn runs(
    toks: &[Tok],
    r: std::ops::Range<usize>,
) -> (Vec<std::ops::Range<usize>>, Vec<bool>, Vec<bool>) {
    let lex = lexicon();
    let mut out = Vec::new();
    let mut is_num = Vec::new();
    let mut flippable = Vec::new();
    let mut k = r.start;
    while k < r.end {
        let start = k;
        if toks[k].kind == Kind::Num {
            let mut conn = false;
            k += 1;
            while k + 1 < r.end
                && (has_role(lex, &toks[k], Role::Through) || toks[k].is_punct(&['-', '–']))
                && toks[k + 1].kind == Kind::Num
            {
                conn = true;
                k += 2;
            }
            out.push(start..k);
            is_num.push(true);
            flippable.push(conn);
        } else {
            while k < r.end && toks[k].kind != Kind::Num {
                k += 1;
            }
            out.push(start..k);
            is_num.push(false);
            flippable.push(false);
        }
    }
    (out, is_num, flippable)
}

/// How well a stretch of text reads, for choosing among readings.
pub fn score(text: &str) -> i32 {
    assess(text).score
}

/// Assesses a reading (see [`Assessment`]).
pub fn assess(text: &str) -> Assessment {
    let toks = tokenize(text);
    let parsed = parse(text);
    let sg = signs(&toks);
    let reversed = parsed
        .iter()
        .filter(|p| matches!(p.expr, Expr::Range { reversed: true, .. }))
        .count();
    Assessment {
        score: score_with(&toks, &parsed, &sg),
        signs: sg.slots.len() + sg.stranded.len() + reversed,
        structural: sg.slots.len() + sg.stranded.iter().filter(|s| s.after_verb).count(),
        reversed,
    }
}

fn year_of(p: &Parsed) -> Option<i32> {
    match &p.expr {
        Expr::Date(d) => d.year,
        Expr::Range { from, to, .. } => from.year.min(to.year).or(from.year),
        _ => None,
    }
}

fn score_with(toks: &[Tok], parsed: &[Parsed], sg: &Signs) -> i32 {
    let lex = lexicon();
    let mut s = 0i32;
    for p in parsed {
        let dated = match &p.expr {
            Expr::Date(d) => {
                d.year.is_some()
                    || p.alternative
                        .as_ref()
                        .is_some_and(|a| matches!(&a.expr, Expr::Date(x) if x.year.is_some()))
            }
            Expr::Range { from, to, reversed } => {
                if *reversed {
                    s -= 4;
                }
                from.year.is_some() && to.year.is_some()
            }
            _ => false,
        };
        if dated {
            s += 3;
        }
    }
    // Era markers right after a year.
    for w in toks.windows(2) {
        if w[0].kind == Kind::Num
            && w[0].digits() == 4
            && w[1].kind == Kind::Word
            && lex
                .get(&key(w[1].s))
                .iter()
                .any(|l| matches!(l, Lex::Era(_)))
            && key(w[1].s).chars().count() > 1
        {
            s += 1;
        }
        // Two numbers side by side with nothing between: almost never prose.
        if w[0].kind == Kind::Num && w[1].kind == Kind::Num {
            s -= 5;
        }
    }
    s -= 3 * sg.slots.len() as i32;
    s -= 3 * sg.stranded.len() as i32;
    // Dates in a plausible order: ascending years read as a narrative.
    let years: Vec<i32> = parsed.iter().filter_map(year_of).collect();
    for w in years.windows(2) {
        match w[0].cmp(&w[1]) {
            std::cmp::Ordering::Less => s += 2,
            std::cmp::Ordering::Greater => s -= 2,
            std::cmp::Ordering::Equal => {}
        }
    }
    s
}

/// The Persian damage model (see [`crate::lang::damage`]).
pub struct PersianDamage;

struct PersianDamaged<'t> {
    toks: Vec<Tok<'t>>,
    tokens: Vec<crate::lang::damage::Token>,
    signs: Signs,
}

impl crate::lang::damage::Damaged for PersianDamaged<'_> {
    fn tokens(&self) -> &[crate::lang::damage::Token] {
        &self.tokens
    }
    fn signs(&self) -> &Signs {
        &self.signs
    }
    fn runs(&self, order: &[usize]) -> crate::lang::damage::Runs {
        let toks: Vec<Tok> = order.iter().map(|&k| self.toks[k]).collect();
        let (runs, is_num, flippable) = runs(&toks, 0..toks.len());
        crate::lang::damage::Runs {
            runs,
            is_num,
            flippable,
        }
    }
}

impl DamageModel for PersianDamage {
    fn analyze<'t>(&self, text: &'t str) -> Box<dyn crate::lang::damage::Damaged + 't> {
        Box::new(damaged(tokenize(text)))
    }
    fn parse_and_analyze<'t>(
        &self,
        text: &'t str,
    ) -> (Vec<Parsed>, Box<dyn crate::lang::damage::Damaged + 't>) {
        // One tokenization for the rules and the damage pass.
        let toks = tokenize(text);
        let (parsed, meanings) = parse_tokens_meanings(text, &toks);
        let signs = signs_with(&toks, &meanings);
        (parsed, Box::new(damaged_with(toks, signs)))
    }
    fn assess(&self, text: &str) -> Assessment {
        assess(text)
    }
    fn parse(&self, text: &str) -> Vec<Parsed> {
        parse(text)
    }
}

/// The damage analysis of a text's tokens.
fn damaged(toks: Vec<Tok<'_>>) -> PersianDamaged<'_> {
    let s = signs(&toks);
    damaged_with(toks, s)
}

/// The damage analysis of a text's tokens, with their signs found.
fn damaged_with(toks: Vec<Tok<'_>>, signs: Signs) -> PersianDamaged<'_> {
    {
        use crate::lang::damage::{Token, TokenKind};
        let tokens = toks
            .iter()
            .map(|t| Token {
                kind: match t.kind {
                    Kind::Break => TokenKind::Break { para: t.para },
                    Kind::Punct => TokenKind::Punct(t.s.chars().next().unwrap_or(' ')),
                    _ => TokenKind::Word,
                },
                start: t.start,
                end: t.end,
            })
            .collect();
        PersianDamaged {
            toks,
            tokens,
            signs,
        }
    }
}
