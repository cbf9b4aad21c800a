//! The tense of the clause that holds a date.
//!
//! English puts the verb anywhere around a date ("said Friday", "on Friday
//! the rebels attacked", "talks will resume Monday"), so the verb group
//! nearest to the date in its sentence decides: its first auxiliary when it
//! has one ("will be held" is future, "has been" perfect, "was taken"
//! past), otherwise the form of the verb (irregular pasts from
//! `verbs.tsv`, regular `-ed` forms). A clause comma between the date and a
//! verb counts as distance. "Expected to", "is to", "plans to", "scheduled
//! for" make a future.

use super::lexicon::{Cue, Lexicon};
use super::token::{Kind, Tok};
use crate::lang::expr::Tense;

/// Words that may stand between an auxiliary and its verb.
const FILLER: &[&str] = &[
    "be",
    "been",
    "being",
    "not",
    "also",
    "already",
    "still",
    "just",
    "yet",
    "n",
    "t",
    "never",
    "reportedly",
    "finally",
    "later",
    "first",
    "again",
    "then",
    "now",
    "jointly",
    "formally",
    "officially",
    "allegedly",
    "apparently",
    // Copulas before a participle used as an adjective («will remain
    // closed», «could stay shut»): the chain goes on to the auxiliary.
    "remain",
    "stay",
    "become",
    "get",
];

/// Abbreviations whose period does not end a sentence.
fn abbreviation(w: &str) -> bool {
    w.len() == 1
        || matches!(
            w,
            "mr" | "mrs"
                | "ms"
                | "dr"
                | "st"
                | "gen"
                | "lt"
                | "col"
                | "sgt"
                | "gov"
                | "sen"
                | "rep"
                | "jan"
                | "feb"
                | "mar"
                | "apr"
                | "jun"
                | "jul"
                | "aug"
                | "sep"
                | "sept"
                | "oct"
                | "nov"
                | "dec"
                | "no"
                | "vs"
                | "inc"
                | "corp"
                | "co"
                | "jr"
                | "sr"
                | "prof"
                | "capt"
                | "maj"
                | "adm"
                | "cmdr"
                | "rev"
                | "ft"
                | "mt"
                | "messrs"
        )
}

/// True when token `k` ends a sentence.
pub fn is_sentence_end(toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    if t.kind == Kind::Break {
        return true;
    }
    if t.is_punct(&['!', '?', ';']) {
        return true;
    }
    if t.is_punct(&['.']) {
        let prev_abbr = k > 0 && toks[k - 1].kind == Kind::Word && abbreviation(&toks[k - 1].low);
        let next_glued = toks
            .get(k + 1)
            .is_some_and(|n| n.glued && n.kind != Kind::Punct);
        return !prev_abbr && !next_glued;
    }
    false
}

/// The token range `[a, b)` of the sentence that holds tokens `i..j`.
pub fn sentence(toks: &[Tok], i: usize, j: usize) -> (usize, usize) {
    let floor = i.saturating_sub(crate::lang::grammar::CLAUSE_WINDOW);
    let ceil = toks
        .len()
        .min(j.saturating_add(crate::lang::grammar::CLAUSE_WINDOW));
    let mut a = i;
    while a > floor && !is_sentence_end(toks, a - 1) {
        a -= 1;
    }
    let mut b = j.min(toks.len());
    while b < ceil && !is_sentence_end(toks, b) {
        b += 1;
    }
    (a, b)
}

fn word<'a>(toks: &'a [Tok], k: usize) -> &'a str {
    toks.get(k)
        .filter(|t| t.kind == Kind::Word)
        .map_or("", |t| t.low.as_ref())
}

/// The tense of the auxiliary chain before a participle at `k`, if any;
/// `Some(None)` when the participle is governed by a modal or an
/// infinitive with no future reading, or used as an adjective.
fn chain(toks: &[Tok], k: usize, lex: &Lexicon, floor: usize) -> Option<Option<Tense>> {
    let mut m = k;
    let mut steps = 0;
    while m > floor && steps < 5 {
        m -= 1;
        let t = &toks[m];
        if t.kind == Kind::Punct && t.s == "'" {
            continue;
        }
        if t.kind != Kind::Word {
            return None;
        }
        steps += 1;
        let w = t.low.as_ref();
        if FILLER.contains(&w) {
            continue;
        }
        return match w {
            "will" | "shall" | "ll" => Some(Some(Tense::Future)),
            "is" | "are" | "am" | "remains" | "stays" | "becomes" | "gets" => {
                Some(Some(Tense::Present))
            }
            "was" | "were" | "had" | "did" | "remained" | "stayed" | "became" | "got" => {
                Some(Some(Tense::Past))
            }
            "has" | "have" => Some(Some(Tense::Perfect)),
            "must" | "should" | "can" | "cannot" | "might" | "may" => Some(Some(Tense::Future)),
            "would" | "could" => Some(None),
            "to" => {
                let before = word(toks, m.wrapping_sub(1));
                if m > floor && lex.cues.get(before) == Some(&Cue::ToFuture) {
                    Some(Some(Tense::Future))
                } else {
                    Some(None)
                }
            }
            "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our" | "of" => Some(None),
            _ => None,
        };
    }
    None
}

/// «can», «must», «should», «might», «may» (not «May» the month).
fn is_modal(t: &Tok) -> bool {
    t.kind == Kind::Word
        && (matches!(
            t.low.as_ref(),
            "can" | "cannot" | "must" | "should" | "might"
        ) || (t.low == "may" && !t.capitalized()))
}

/// The tense a token signals, if any.
fn cue(toks: &[Tok], k: usize, lex: &Lexicon, floor: usize) -> Option<Tense> {
    let t = &toks[k];
    if t.kind != Kind::Word {
        return None;
    }
    let w = t.low.as_ref();
    // «4 AM» is a clock, not the verb.
    if w == "am" && k > 0 && toks[k - 1].kind == Kind::Num {
        return None;
    }
    let next = word(toks, k + 1);
    // A modal before a bare verb places it ahead: «can participate in
    // April», «must withdraw by May» (not «may have been», a past guess;
    // «May» the month is capitalized and read as a date first).
    if is_modal(t) {
        return if next == "have" {
            None
        } else {
            Some(Tense::Future)
        };
    }
    // «'ll», «won't».
    if w == "ll" && k > 0 && toks[k - 1].s == "'" {
        return Some(Tense::Future);
    }
    if w == "won" && toks.get(k + 1).is_some_and(|n| n.s == "'" || n.s == "’") {
        return Some(Tense::Future);
    }
    match lex.cues.get(w) {
        Some(Cue::Future) => return Some(Tense::Future),
        Some(Cue::ToFuture) => {
            let after = word(toks, k + 2);
            let to_verb = next == "to"
                && !matches!(
                    after,
                    "" | "the" | "a" | "an" | "its" | "his" | "her" | "their"
                );
            let for_ = next == "for" && !matches!(w, "hope" | "hopes" | "hoped");
            if w.ends_with("ed") || w == "set" {
                // «was expected to» is past; «expected to resume» (a
                // participle) and «is expected to» future; the active
                // «planned to», «hoped to» past.
                return match chain(toks, k, lex, floor) {
                    Some(Some(Tense::Past)) => Some(Tense::Past),
                    Some(Some(_)) => Some(Tense::Future),
                    _ if matches!(w, "planned" | "intended" | "hoped" | "aimed") => {
                        Some(Tense::Past)
                    }
                    _ if to_verb || for_ => Some(Tense::Future),
                    _ => Some(Tense::Past),
                };
            }
            if to_verb || for_ {
                return Some(Tense::Future);
            }
            return if matches!(w, "plans" | "intends" | "aims" | "hopes") {
                Some(Tense::Present)
            } else {
                None
            };
        }
        Some(Cue::Present) => {
            if next == "to" || (next == "going" && word(toks, k + 2) == "to") {
                return Some(Tense::Future);
            }
            // «is set to», «are expected to»: what the participle says.
            if lex.cues.get(next) == Some(&Cue::ToFuture) {
                return cue(toks, k + 1, lex, floor);
            }
            return Some(Tense::Present);
        }
        Some(Cue::Perfect) => return Some(Tense::Perfect),
        Some(Cue::Past) => {
            if matches!(w, "was" | "were" | "had" | "did") {
                return Some(Tense::Past);
            }
            return chain(toks, k, lex, floor).unwrap_or(Some(Tense::Past));
        }
        Some(Cue::NotVerb) | Some(Cue::AuxBe) => return None,
        None => {}
    }
    if w.len() > 4 && w.ends_with("ed") && !t.capitalized() {
        return chain(toks, k, lex, floor).unwrap_or(Some(Tense::Past));
    }
    None
}

/// True when tokens `a..b` hold a verb that shows its tense (an
/// auxiliary, an irregular past, a regular `-ed` form).
pub fn has_tensed_verb(toks: &[Tok], a: usize, b: usize, lex: &Lexicon) -> bool {
    (a..b.min(toks.len())).any(|k| cue(toks, k, lex, a).is_some())
}

/// The tense of the clause of the date at tokens `i..j`.
pub fn clause_tense(toks: &[Tok], i: usize, j: usize, lex: &Lexicon) -> Tense {
    let (a, b) = sentence(toks, i, j);
    let mut best: Option<(usize, Tense, usize)> = None;
    let mut consider = |k: usize, dist: usize| {
        if best.is_some_and(|(d, _, _)| d <= dist) {
            return;
        }
        if let Some(t) = cue(toks, k, lex, a) {
            best = Some((dist, t, k));
        }
    };
    // Before the date, then after it; a comma adds distance.
    let mut commas = 0;
    for k in (a..i).rev() {
        if toks[k].is_punct(&[',']) {
            commas += 1;
        }
        consider(k, i - k + 3 * commas);
    }
    let mut commas = 0;
    for (k, t) in toks.iter().enumerate().take(b).skip(j) {
        if t.is_punct(&[',']) {
            commas += 1;
        }
        // A modal after the date governs a verb of its own clause ("told
        // officials Wednesday that they should expect …"), not the date's.
        if is_modal(t) {
            continue;
        }
        consider(k, k + 1 - j + 3 * commas);
    }
    match best {
        Some((_, Tense::Past, k)) if k < i && later_than_its_verb(toks, k, i, j, lex) => {
            Tense::Unknown
        }
        Some((_, t, _)) => t,
        None => Tense::Unknown,
    }
}

/// True when a date after a past verb at `k` dates something later than
/// that verb: a deadline («ruled that he must be returned by Jan. 14»,
/// "the offer was set to expire by Nov. 6") or an infinitive between them
/// ("subpoenaed him to testify on Feb. 10"). Its year is then the one
/// nearest the publication date, not the last one before it. A bare
/// weekday keeps the verb's tense ("took the town by Friday"), and a
/// pluperfect ("had withdrawn by March 3") is past.
fn later_than_its_verb(toks: &[Tok], k: usize, i: usize, j: usize, lex: &Lexicon) -> bool {
    let weekday = j == i + 1 && lex.weekdays.contains_key(word(toks, i));
    if weekday || (k..i).any(|m| word(toks, m) == "had") {
        return false;
    }
    if i > 0 && word(toks, i - 1) == "by" {
        return true;
    }
    (k + 1..i).any(|m| {
        word(toks, m) == "to"
            && toks.get(m + 1).is_some_and(|t| {
                t.kind == Kind::Word
                    && !t.capitalized()
                    && !matches!(
                        t.low.as_ref(),
                        "the"
                            | "a"
                            | "an"
                            | "his"
                            | "her"
                            | "its"
                            | "their"
                            | "our"
                            | "my"
                            | "your"
                            | "this"
                            | "that"
                            | "these"
                            | "those"
                            | "be"
                            | "power"
                            | "date"
                            | "office"
                            | "court"
                            | "school"
                            | "work"
                            | "death"
                            | "life"
                            | "prison"
                            | "jail"
                            | "talks"
                    )
                    && !lex.months.contains_key(t.low.as_ref())
            })
    })
}
