//! English sentences and clauses, as byte ranges of a text.
//!
//! A sentence ends where [`super::tense::is_sentence_end`] says (terminal
//! punctuation that does not follow an abbreviation such as "Oct." or
//! "Mr.", a semicolon, a line break). A clause ends at a colon and before
//! "but". The tense of a clause is that of the verb group nearest to its
//! start in its sentence ([`super::tense::clause_tense`]).

use super::lexicon::lexicon;
use super::tense::{clause_tense, is_sentence_end};
use super::token::{Kind, Tok, tokenize};
use crate::lang::language::{Clause, TokenSegments};

/// A text split by the English rules.
pub fn segments(text: &str) -> TokenSegments<Tok<'_>> {
    let toks = tokenize(text);
    let clauses = clauses(&toks);
    TokenSegments::new(
        toks,
        clauses,
        |t| t.start..t.end,
        |toks, c| clause_tense(toks, c.toks.start, c.toks.start, lexicon()),
    )
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
        } else if t.is_punct(&[':']) {
            push(&mut out, start, k + 1, sentence);
            start = k + 1;
        } else if t.kind == Kind::Word && k > start && t.low == "but" {
            push(&mut out, start, k, sentence);
            start = k;
        }
    }
    push(&mut out, start, toks.len(), sentence);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::expr::Tense;
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
    fn a_clause_has_the_tense_of_its_verb() {
        let s = "The truce will take effect on Monday.";
        let seg = segments(s);
        assert_eq!(seg.tense(&seg.clauses()[0]), Tense::Future);
        let s = "Troops withdrew on Monday.";
        let seg = segments(s);
        assert_eq!(seg.tense(&seg.clauses()[0]), Tense::Past);
    }
}
