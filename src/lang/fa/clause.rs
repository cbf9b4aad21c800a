//! Sentences and clauses of a view of the text, as byte ranges of it.
//!
//! A sentence ends at «.», «!», «؟», «؛» or a line break (news pages put
//! one paragraph, one headline or one chronology entry on a line; a
//! sentence wrapped over lines is rare and, read as two, loses nothing but
//! its shared date). A clause ends after its verb (Persian is verb-final:
//! «… آغاز شد و پس از آن …»),
//! at «:», at a comma that follows a verb, before «ولی»/«اما», and before
//! «و» after the nominal part of a compound verb whose light verb is left
//! out («در سال ۱۹۸۸ آغاز و در سال‌های …»).

use std::collections::HashSet;
use std::sync::OnceLock;

use super::lexicon::{key, lexicon};
use super::tense::{clause_tense, is_negative_verb, is_verb};
use super::token::{Kind, Tok, tokenize};
use crate::lang::expr::Modality;
use crate::lang::language::{Clause, TokenSegments};
use crate::lang::mood::MoodTable;

/// A text split by the Persian rules.
pub fn segments(text: &str) -> TokenSegments<Tok<'_>> {
    let (toks, clauses) = clauses(text);
    TokenSegments::new(
        toks,
        clauses,
        |t| t.start..t.end,
        |toks, c| clause_tense(toks, c.toks.start, c.toks.start, lexicon()),
        modality,
    )
}

/// The mood words of `data/lexicon/fa/mood.tsv`.
fn mood_table() -> &'static MoodTable {
    static T: OnceLock<MoodTable> = OnceLock::new();
    T.get_or_init(|| {
        MoodTable::new(include_str!("../../../data/lexicon/fa/mood.tsv"), |w| {
            key(w).into_owned()
        })
    })
}

/// A Persian clause is hypothetical or negated by its words
/// (`data/lexicon/fa/mood.tsv`), or negated by its verb: Persian is
/// verb-final, and the last verb of the clause carrying the negative
/// prefix «ن» («نشد», «نکردند», «نمی‌شود», «نخواهد رسید») denies it. A
/// word that is a verb as written («نشست», «نمود») is no negation.
fn modality(toks: &[Tok], c: &Clause) -> Modality {
    let ctoks = &toks[c.toks.clone()];
    let keyed: Vec<_> = ctoks
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .map(|t| key(t.s))
        .collect();
    let words: Vec<&str> = keyed.iter().map(|w| &**w).collect();
    let by_words = mood_table().modality(&words);
    if by_words != Modality::Plain {
        return by_words;
    }
    // The last verb, and the participle before an auxiliary («نتیجه‌ای
    // نداشته است», «انجام نشده بود»).
    let Some(k) = ctoks.iter().rposition(|t| is_verb(t)) else {
        return Modality::Plain;
    };
    let auxiliary = matches!(&*key(ctoks[k].s), "است" | "اند" | "بود" | "بودند" | "باشد");
    let before = k
        .checked_sub(1)
        .map(|j| &ctoks[j])
        .filter(|t| auxiliary && t.kind == Kind::Word);
    if is_negative_verb(ctoks[k].s) || before.is_some_and(|t| is_negative_verb(t.s)) {
        return Modality::Negated;
    }
    Modality::Plain
}

/// Elided light verbs (`data/lexicon/fa/elided.tsv`): true when `word`
/// (normalized, ZWNJ removed) is the nominal part of a compound verb that
/// ends a clause before «و» («آغاز [شد] و …»).
pub fn is_elided_verb(word: &str) -> bool {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| {
        crate::lang::tsv::rows(include_str!("../../../data/lexicon/fa/elided.tsv"))
            .filter_map(|r| r.first().copied())
            .collect()
    })
    .contains(word)
}

/// The clauses of a text, in order.
pub fn clauses(text: &str) -> (Vec<Tok<'_>>, Vec<Clause>) {
    let toks = tokenize(text);
    let mut out = Vec::new();
    let mut sentence = 0;
    let mut start = 0;
    let push = |out: &mut Vec<Clause>, a: usize, b: usize, sentence: usize| {
        // Trim punctuation and breaks at the edges.
        let (mut a, mut b) = (a, b);
        while a < b
            && matches!(toks[a].kind, Kind::Punct | Kind::Break)
            && !toks[a].is_punct(&['(', '«', '"'])
        {
            a += 1;
        }
        while b > a
            && matches!(toks[b - 1].kind, Kind::Punct | Kind::Break)
            && !toks[b - 1].is_punct(&[')', '»', '"'])
        {
            b -= 1;
        }
        if a < b {
            out.push(Clause {
                range: toks[a].start..toks[b - 1].end,
                sentence,
                toks: a..b,
            });
        }
    };
    let mut k = 0;
    while k < toks.len() {
        let t = &toks[k];
        let w = if t.kind == Kind::Word {
            key(t.s)
        } else {
            std::borrow::Cow::Borrowed("")
        };
        let next_is_verb = toks.get(k + 1).is_some_and(is_verb);
        // A full stop after an abbreviation («Oct.», «Sept.», «Mr.») or
        // between digits does not end the sentence.
        let abbreviation = t.is_punct(&['.'])
            && k > 0
            && toks[k - 1].end == t.start
            && ((toks[k - 1].kind == Kind::Latin && is_abbreviation(toks[k - 1].s))
                || (toks[k - 1].kind == Kind::Num
                    && toks
                        .get(k + 1)
                        .is_some_and(|n| n.kind == Kind::Num && n.start == t.end)));
        let sentence_end =
            (t.is_punct(&['.', '!', '?', '؟', '؛', ';']) && !abbreviation) || t.kind == Kind::Break;
        if sentence_end {
            push(&mut out, start, k + 1, sentence);
            sentence += 1;
            start = k + 1;
        } else if (t.is_punct(&[':']) && !crate::lang::grammar::is_clock_colon(&toks, k))
            || (t.is_punct(&['،', ',']) && k > 0 && is_verb(&toks[k - 1]))
        {
            push(&mut out, start, k + 1, sentence);
            start = k + 1;
        } else if t.kind == Kind::Word
            && k > start
            && (w == "ولی"
                || w == "اما"
                || t.s.eq_ignore_ascii_case("but")
                || (w == "و" && is_elided_verb(&key(toks[k - 1].s))))
        {
            // Before «ولی»/«اما», and before «و» after an elided verb.
            push(&mut out, start, k, sentence);
            start = k;
        } else if is_verb(t) && !next_is_verb && t.kind == Kind::Word {
            // «شده است», «کرده‌اند»: the clause ends after the last verb part.
            let next = toks.get(k + 1);
            let ends = next
                .is_none_or(|n| n.kind != Kind::Word || !matches!(&*key(n.s), "را" | "که" | "تا"));
            if ends {
                push(&mut out, start, k + 1, sentence);
                start = k + 1;
            }
        }
        k += 1;
    }
    push(&mut out, start, toks.len(), sentence);
    (toks, out)
}

/// Latin abbreviations that end in a full stop inside a sentence: month
/// names and titles.
fn is_abbreviation(w: &str) -> bool {
    const WORDS: [&str; 22] = [
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr",
        "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "no",
    ];
    let l = w.to_ascii_lowercase();
    WORDS.contains(&l.as_str()) || (w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase()))
}
