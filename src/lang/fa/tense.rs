//! The tense of the clause that holds a date.
//!
//! Persian is verb-final: the verb that governs a date is the last verb of
//! its clause. A date with no year, or a bare weekday, is placed before the
//! publication date in a past-tense clause and after it in a future one
//! («خواهد», «قرار است», a subjunctive after «که»).

use super::lexicon::{Lexicon, key};
use super::token::{Kind, Tok};
use crate::lang::expr::Tense;
use crate::lang::grammar::CLAUSE_WINDOW;

/// Words that keep a state open up to now («تاکنون»): a cue for `since`.
pub fn has_continuation_cue(toks: &[Tok], from: usize) -> bool {
    // Only the clause of the date counts: up to its first verb.
    let end = sentence_end(toks, from);
    let end = (from..end)
        .find(|&k| is_verb(&toks[k]))
        .map_or(end, |v| v + 1);
    let mut k = from;
    while k < end {
        let w = key(toks[k].s);
        match &*w {
            "تاکنون" | "همچنان" | "هنوز" | "ادامه" => return true,
            "تا" if k + 1 < end => {
                let n = key(toks[k + 1].s);
                if matches!(&*n, "کنون" | "امروز" | "به") {
                    return true;
                }
            }
            "به" if k + 1 < end && key(toks[k + 1].s) == "بعد" => return true,
            _ => {}
        }
        k += 1;
    }
    false
}

/// The index one past the last token of the sentence that holds `from`,
/// read at most [`CLAUSE_WINDOW`] tokens ahead.
pub fn sentence_end(toks: &[Tok], from: usize) -> usize {
    let mut k = from;
    let ceil = toks.len().min(from.saturating_add(CLAUSE_WINDOW));
    while k < ceil {
        let t = &toks[k];
        if t.kind == Kind::Break || t.is_punct(&['.', '!', '?', '؟', '؛', ';']) {
            return k;
        }
        k += 1;
    }
    ceil
}

/// The tense of the clause of the date at tokens `start..from`:
/// the first clause boundary after it whose last word is a verb decides.
pub fn clause_tense(toks: &[Tok], start: usize, from: usize, lex: &Lexicon) -> Tense {
    let end = sentence_end(toks, from);
    let mut seg_start = from;
    let mut k = from;
    // «که» earlier in the same clause («پیش‌بینی می‌شود که … روز دوشنبه
    // انجام شود») makes a bare present-stem verb subjunctive.
    // «قرار است» earlier in the same clause («قرار است در ماه دسمبر برگزار
    // شود») makes the clause's present-stem verb a plan. One backward walk
    // to the clause start reads both.
    let (mut saw_ke, mut planned) = (false, false);
    let mut next_is_ast = false;
    for t in toks[start.saturating_sub(CLAUSE_WINDOW)..start]
        .iter()
        .rev()
    {
        if t.kind == Kind::Break || t.is_punct(&['.', '!', '?', '؟', '؛', ';', '،', ',']) {
            break;
        }
        let w = key(t.s);
        saw_ke |= w == "که";
        planned |= next_is_ast && w == "قرار";
        next_is_ast = w == "است";
    }
    while k <= end {
        // Clauses end at commas and at the conjunctions that join clauses:
        // the first clause after the date that ends in a verb decides.
        let conj = k < end
            && toks[k].kind == Kind::Word
            && matches!(&*key(toks[k].s), "و" | "ولی" | "اما" | "که");
        let boundary = k == end || toks[k].is_punct(&['،', ',', ':']) || conj;
        if conj && key(toks[k].s) == "که" {
            saw_ke = true;
        }
        if boundary {
            let seg = &toks[seg_start..k];
            for t in seg {
                let w = key(t.s);
                if w.starts_with("خواه") && w.len() > "خواه".len() || w == "خواهد" {
                    return Tense::Future;
                }
                if w == "که" {
                    saw_ke = true;
                }
            }
            if seg
                .windows(2)
                .any(|p| key(p[0].s) == "قرار" && key(p[1].s) == "است")
            {
                return Tense::Future;
            }
            if let Some(t) = verb_tense(seg, lex, saw_ke) {
                if planned && t == Tense::Present {
                    return Tense::Future;
                }
                return t;
            }
            seg_start = k + 1;
        }
        k += 1;
    }
    Tense::Unknown
}

const ENDINGS: [&str; 7] = ["ند", "ید", "یم", "م", "ی", "ه", ""];

fn strip_neg(w: &str) -> &str {
    w.strip_prefix('ن').unwrap_or(w)
}

fn is_past_stem(w: &str, lex: &Lexicon) -> bool {
    ENDINGS.iter().any(|e| {
        w.strip_suffix(e)
            .is_some_and(|s| !s.is_empty() && lex.past_stems.contains_key(s))
    })
}

/// Reads the verb at the end of a segment, if the segment ends in one.
fn verb_tense(seg: &[Tok], lex: &Lexicon, after_ke: bool) -> Option<Tense> {
    let words: Vec<String> = seg
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .map(|t| key(t.s).into_owned())
        .collect();
    let last = words.last()?;
    let prev = words.len().checked_sub(2).map(|i| words[i].as_str());
    let last = last.as_str();
    // A month or weekday name is no verb: «… در تاریخ ۷ خرداد» ends in a
    // date, not in «داد».
    if lex.get(last).iter().any(|l| {
        matches!(
            l,
            super::lexicon::Lex::Month { latent: false, .. } | super::lexicon::Lex::Weekday(_)
        )
    }) {
        return None;
    }
    // Perfect: «شده است», «کرده‌اند», «آمده‌است»; pluperfect «شده بود».
    if matches!(last, "است" | "اند" | "ایم" | "ام" | "بود" | "بودند") {
        if prev.is_some_and(|p| p.ends_with('ه') && p.len() > 2) {
            return Some(if last.starts_with("بود") {
                Tense::Past
            } else {
                Tense::Perfect
            });
        }
        if last.starts_with("بود") {
            return Some(Tense::Past);
        }
        return Some(Tense::Present);
    }
    if let Some(stem) = last
        .strip_suffix("هاست")
        .or_else(|| last.strip_suffix("هاند"))
        && !stem.is_empty()
    {
        return Some(Tense::Perfect);
    }
    // «می‌کند», «نمی‌شد»: continuous; past when built on a past stem.
    let base = strip_neg(last);
    let raw_last = seg
        .iter()
        .rev()
        .find(|t| t.kind == Kind::Word)
        .map_or("", |t| t.s);
    let (mi, rest) = if let Some(r) = mi_stem(raw_last) {
        (true, r)
    } else if prev == Some("می") || prev == Some("نمی") {
        (true, base.to_string())
    } else {
        (false, base.to_string())
    };
    let rest = rest.as_str();
    if mi && !rest.is_empty() {
        return Some(if is_past_stem(rest, lex) {
            Tense::Past
        } else {
            Tense::Present
        });
    }
    if matches!(
        last,
        "دارد" | "دارند" | "داریم" | "هست" | "هستند" | "نیست" | "نیستند"
    ) {
        return Some(Tense::Present);
    }
    if is_past_stem(base, lex) || is_past_stem(last, lex) {
        return Some(Tense::Past);
    }
    // A present-stem verb without «می»: subjunctive (future after «که»,
    // «باید», «قرار») or an imperative; only verbs ending in «د»/«ند».
    if last.ends_with('د') && last.len() > 2 {
        let modal = words
            .iter()
            .any(|w| matches!(w.as_str(), "باید" | "قرار" | "تا"));
        return Some(if after_ke || modal {
            Tense::Future
        } else {
            Tense::Present
        });
    }
    None
}

/// True for a word that is a finite verb at the end of a clause («شد»,
/// «است», «دارند», «می‌کنند», «نداشته‌است»).
pub fn is_verb(t: &Tok) -> bool {
    if t.kind != Kind::Word {
        return false;
    }
    let lex = super::lexicon::lexicon();
    let w = key(t.s);
    let base = strip_neg(&w);
    matches!(
        &*w,
        "است" | "اند" | "بود" | "بودند" | "دارد" | "دارند" | "نیست" | "هست"
    ) || mi_stem(t.s).is_some()
        || w.ends_with("هاست")
        || w.ends_with("هاند")
        || is_past_stem(base, lex)
}

/// True for a finite verb with the negative prefix «ن»: «نشد», «نکرده‌اند»,
/// «نمی‌شود», «نخواهد», «نیست», «ندارد». A word that is a past stem as
/// written («نشست», «نمود») is that verb, not a negation.
pub fn is_negative_verb(raw: &str) -> bool {
    let lex = super::lexicon::lexicon();
    let w = key(raw);
    // «نبرد» (battle) is a noun far more often than «did not carry».
    if !w.starts_with('ن') || is_past_stem(&w, lex) || w.starts_with("نبرد") {
        return false;
    }
    let base = strip_neg(&w);
    matches!(
        base,
        "یست" | "یستند" | "بود" | "بودند" | "دارد" | "دارند" | "داشت" | "داشتند"
    ) || base.starts_with("خواه")
        || (raw.starts_with("نمی") && mi_stem(raw).is_some())
        || is_past_stem(base, lex)
}

/// The stem of a verb with the prefix «می»/«نمی» («می‌کنند» → «کنند»):
/// written with ZWNJ, or glued when the word ends in a personal ending
/// (so «میلادی», «میانجیگری», «میدان» are not verbs).
fn mi_stem(raw: &str) -> Option<String> {
    let w = raw.strip_prefix('ن').unwrap_or(raw);
    if let Some(r) = w.strip_prefix("می\u{200C}") {
        return (!r.is_empty()).then(|| key(r).into_owned());
    }
    let k = key(w);
    let r = k.strip_prefix("می")?;
    let personal = ["ند", "ید", "یم", "د", "م"].iter().any(|e| r.ends_with(e));
    (personal && r.chars().count() >= 3).then(|| r.to_string())
}
