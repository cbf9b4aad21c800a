//! English sentences and clauses, as byte ranges of a text.
//!
//! A sentence ends where [`super::tense::is_sentence_end`] says (terminal
//! punctuation that does not follow an abbreviation such as "Oct." or
//! "Mr.", a semicolon, a line break). A clause ends at a colon, before
//! "but", and at a comma before "and" that opens a clause of its own (a
//! subject and a verb that shows its tense). The tense of a clause is that
//! of its own verb group, else of the one nearest to its start in its
//! sentence ([`super::tense::clause_tense`]).

use super::lexicon::lexicon;
use super::tense::{clause_tense, has_tensed_verb, is_sentence_end};
use super::token::{Kind, Tok, tokenize};
use std::sync::OnceLock;

use crate::lang::expr::{Modality, Tense};
use crate::lang::language::{Clause, TokenSegments};
use crate::lang::mood::MoodTable;

/// A text split by the English rules.
pub fn segments(text: &str) -> TokenSegments<Tok<'_>> {
    let toks = tokenize(text);
    let clauses = clauses(&toks);
    TokenSegments::new(
        toks,
        clauses,
        |t| t.start..t.end,
        // The verb of the clause itself, else the nearest in its sentence
        // ("The announcement was made on November 26, and the ceasefire is
        // set to take effect …": the second clause is a plan).
        |toks, c| match clause_tense(&toks[c.toks.clone()], 0, 0, lexicon()) {
            Tense::Unknown => clause_tense(toks, c.toks.start, c.toks.start, lexicon()),
            t => t,
        },
        modality,
    )
}

/// An English clause is negated or hypothetical by its words
/// (`data/lexicon/en/mood.tsv`: "did not", "failed to", "if", "would",
/// "calls for"), read lowercased, in its main predicate: up to the first
/// comma or the word that opens reported speech or a subordinate clause
/// ("warned that the retreat could be a trap" asserts the warning).
fn modality(toks: &[Tok], c: &Clause) -> Modality {
    const OPENS: &[&str] = &[
        "that", "saying", "said", "says", "which", "who", "while", "whereas", "because", "adding",
    ];
    static T: OnceLock<MoodTable> = OnceLock::new();
    let table = T.get_or_init(|| {
        MoodTable::new(include_str!("../../../data/lexicon/en/mood.tsv"), |w| {
            w.to_lowercase()
        })
    });
    let words: Vec<&str> = toks[c.toks.clone()]
        .iter()
        .take_while(|t| !t.is_punct(&[',', ';']) && !OPENS.contains(&t.low.as_ref()))
        .filter(|t| t.kind == Kind::Word)
        .map(|t| t.low.as_ref())
        .collect();
    table.modality(&words)
}

fn clauses(toks: &[Tok]) -> Vec<Clause> {
    let mut out = Vec::new();
    let mut sentence = 0;
    let mut start = 0;
    let push = |out: &mut Vec<Clause>, a: usize, b: usize, sentence: usize| {
        // Trim punctuation and breaks at the edges (opening and closing
        // brackets and quotes stay).
        let (mut a, mut b) = (a, b);
        while a < b
            && matches!(toks[a].kind, Kind::Punct | Kind::Break)
            && !toks[a].is_punct(&['(', '"', '“', '‘'])
        {
            a += 1;
        }
        while b > a
            && matches!(toks[b - 1].kind, Kind::Punct | Kind::Break)
            && !toks[b - 1].is_punct(&[')', '"', '”', '’'])
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
    for (k, t) in toks.iter().enumerate() {
        if is_sentence_end(toks, k) {
            push(&mut out, start, k + 1, sentence);
            sentence += 1;
            start = k + 1;
        } else if t.is_punct(&[':']) && !crate::lang::grammar::is_clock_colon(toks, k) {
            push(&mut out, start, k + 1, sentence);
            start = k + 1;
        } else if t.kind == Kind::Word && k > start && t.low == "but" {
            push(&mut out, start, k, sentence);
            start = k;
        } else if k > start && coordinated_clause(toks, k) {
            push(&mut out, start, k, sentence);
            start = k + 1;
        }
    }
    push(&mut out, start, toks.len(), sentence);
    out
}

/// True when the comma at `k` and the "and" after it open a clause of
/// its own: a subject (a determiner, a pronoun or a name) and a verb that
/// shows its tense before the sentence ends ("Houthis attack the
/// residence, and the president resigned two days later"); not the last
/// item of a list ("Aleppo, Homs, and Damascus").
fn coordinated_clause(toks: &[Tok], k: usize) -> bool {
    const SUBJECTS: &[&str] = &[
        "the", "a", "an", "its", "his", "her", "their", "he", "she", "they", "it", "we", "this",
        "that", "these", "those", "some", "many", "several", "at",
    ];
    if !toks[k].is_punct(&[',']) {
        return false;
    }
    let words: Vec<usize> = (k + 1..toks.len().min(k + 4))
        .filter(|&j| toks[j].kind == Kind::Word)
        .take(2)
        .collect();
    let [and, subject] = words[..] else {
        return false;
    };
    if toks[and].low != "and" || and != k + 1 {
        return false;
    }
    let s = &toks[subject];
    if !(SUBJECTS.contains(&s.low.as_ref()) || s.capitalized()) {
        return false;
    }
    let end = (subject..toks.len().min(subject + 30))
        .find(|&j| is_sentence_end(toks, j))
        .unwrap_or(toks.len().min(subject + 30));
    has_tensed_verb(toks, subject + 1, end, lexicon())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::language::Segments;

    fn texts(s: &str) -> Vec<(&str, usize)> {
        let seg = segments(s);
        seg.clauses()
            .iter()
            .map(|c| (&s[c.range.clone()], c.sentence))
            .collect()
    }

    #[test]
    fn sentences_end_at_terminal_punctuation_but_not_after_abbreviations() {
        assert_eq!(
            texts("Talks began on Oct. 10 in Moscow. Mr. Lavrov spoke; nobody agreed"),
            vec![
                ("Talks began on Oct. 10 in Moscow", 0),
                ("Mr. Lavrov spoke", 1),
                ("nobody agreed", 2)
            ]
        );
    }

    #[test]
    fn clauses_end_at_a_colon_and_before_but() {
        assert_eq!(
            texts("MARCH 3, 1995: The president dissolves parliament, but the army stays"),
            vec![
                ("MARCH 3, 1995", 0),
                ("The president dissolves parliament", 0),
                ("but the army stays", 0)
            ]
        );
    }

    #[test]
    fn a_comma_and_a_new_subject_with_its_verb_open_a_clause() {
        assert_eq!(
            texts("Rebels seize the palace, and the president resigned two days later."),
            vec![
                ("Rebels seize the palace", 0),
                ("and the president resigned two days later", 0)
            ]
        );
        // The last item of a list, or a verb shared with the first part.
        assert_eq!(
            texts("Strikes hit Aleppo, Homs, and Damascus on Monday."),
            vec![("Strikes hit Aleppo, Homs, and Damascus on Monday", 0)]
        );
        assert_eq!(
            texts("Troops took the bridge, and the airport on Monday."),
            vec![("Troops took the bridge, and the airport on Monday", 0)]
        );
    }

    #[test]
    fn a_clause_has_the_tense_of_its_verb() {
        let s = "The truce will take effect on Monday.";
        let seg = segments(s);
        assert_eq!(seg.tense(&seg.clauses()[0]), Tense::Future);
        let s = "Troops withdrew on Monday.";
        let seg = segments(s);
        assert_eq!(seg.tense(&seg.clauses()[0]), Tense::Past);
    }
}
