//! English: the date grammar and lexicons for English news text (wire
//! copy), reading normalized text.
//!
//! - [`lexicon`]: the word lists of `data/lexicon/en/*.tsv`, compiled in.
//! - [`token`]: words, numbers and punctuation with byte spans.
//! - [`tense`]: the tense of a date's clause (the nearest verb group).
//! - [`rules`]: the named rules; [`parse`] is the entry point.

pub mod clause;
pub mod lexicon;
pub mod rules;
pub mod tense;
pub mod token;

pub use rules::parse;

use crate::lang::Lang;
use crate::lang::expr::Parsed;
use crate::lang::language::{Language, Segments};

/// English, as a [`Language`].
pub struct English;

/// True for an English preposition that makes a following event trigger
/// oblique ("with the mediation of", "amid talks"), or "to" before an
/// infinitive of purpose ("the offensive to recapture Mosul").
pub fn is_oblique_word(word: &str) -> bool {
    ["with", "by", "for", "without", "amid", "to"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

/// True when a line of normalized text carries an English dateline word
/// (`data/lexicon/en/dateline.tsv`).
pub fn is_dateline(line: &str) -> bool {
    use std::sync::OnceLock;
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        crate::lang::tsv::rows(include_str!("../../../data/lexicon/en/dateline.tsv"))
            .map(|r| r[0].to_lowercase())
            .collect()
    });
    // Whole words ("date" is not inside "update" or "candidate"); a form
    // ending in ':' needs the colon after it ("Date: 3 May 2022", not a
    // crawler's " date 2023-05-04" stamp).
    let l = line.to_lowercase();
    let toks: Vec<&str> = l
        .split(|c: char| !c.is_alphanumeric() && c != ':')
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().any(|w| match w.strip_suffix(':') {
        Some(word) => toks
            .iter()
            .enumerate()
            .any(|(k, t)| *t == w || (*t == word && toks.get(k + 1) == Some(&":"))),
        None => toks.iter().any(|t| t.trim_end_matches(':') == w),
    })
}

/// A wire dateline: a place of one to four capitalised words and a comma
/// before the date, at the head of its paragraph (or of what follows the
/// page chrome on it: the caller leaves a crawler's stamp out), and after
/// it an agency in parentheses, perhaps, then a dash or a colon: "KYIV,
/// Nov 10 (Reuters) -", "Moscow/Kiev, Nov 10:".
pub fn is_wire_dateline(before: &str, after: &str) -> bool {
    let Some(head) = before.trim_end().strip_suffix(',') else {
        return false;
    };
    let words: Vec<&str> = head.split_whitespace().collect();
    let place = words
        .iter()
        .rev()
        .take_while(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '/' | '-' | '.' | '\''))
        })
        .count();
    // Nothing before the place.
    if place == 0 || place > 4 || place < words.len() {
        return false;
    }
    let mut a = after.trim_start();
    if let Some(inner) = a.strip_prefix('(') {
        match inner.find(')') {
            Some(k) if k <= 40 => a = inner[k + 1..].trim_start(),
            _ => return false,
        }
    }
    a.starts_with(['-', '–', '—', ':'])
}

impl Language for English {
    fn lang(&self) -> Lang {
        Lang::En
    }
    fn parse(&self, normalized: &str) -> Vec<Parsed> {
        parse(normalized)
    }
    fn is_dateline(&self, paragraph: &str) -> bool {
        is_dateline(paragraph)
    }
    fn is_wire_dateline(&self, before: &str, after: &str) -> bool {
        is_wire_dateline(before, after)
    }
    fn is_page_header(&self, line: &str) -> bool {
        use std::sync::OnceLock;
        static WORDS: OnceLock<Vec<String>> = OnceLock::new();
        let words = WORDS.get_or_init(|| {
            crate::lang::tsv::rows(include_str!("../../../data/lexicon/en/chrome.tsv"))
                .map(|r| r[0].to_lowercase())
                .collect()
        });
        let l = line.to_lowercase();
        // Whole words only: "ago" is not inside "Chicago", nor is it the
        // adjective "year-ago" ("year-ago profit").
        l.split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|w| words.iter().any(|x| x == w))
    }
    fn segment<'t>(&self, text: &'t str) -> Box<dyn Segments + 't> {
        Box::new(clause::segments(text))
    }
    fn verb_final(&self) -> bool {
        false
    }
    fn is_oblique(&self, word: &str) -> bool {
        is_oblique_word(word)
    }
    fn is_report(&self, trigger: &str) -> bool {
        ["reported", "reports"]
            .iter()
            .any(|w| trigger.eq_ignore_ascii_case(w))
    }
    fn is_relative_opener(&self, word: &str) -> bool {
        ["which", "who", "whose", "whom"]
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w))
    }
    fn trigger_tables(&self) -> &'static [&'static str] {
        &[
            include_str!("../../../data/lexicon/en/triggers.tsv"),
            include_str!("../../../data/lexicon/en/cameo.tsv"),
        ]
    }
    fn cue_tables(&self) -> &'static [&'static str] {
        &[include_str!("../../../data/lexicon/en/relations.tsv")]
    }
}

#[cfg(test)]
mod dateline_tests {
    use super::is_dateline;
    use super::is_wire_dateline;

    #[test]
    fn dateline_words_are_whole_words_and_date_needs_its_colon() {
        assert!(is_dateline("Published: 20 August 2021"));
        assert!(is_dateline("Date: 3 May 2022"));
        assert!(is_dateline("Date : 3 May 2022"));
        assert!(!is_dateline(" date 2023-05-04"), "a crawler's stamp");
        assert!(!is_dateline("Last update 3 May 2022"));
        assert!(!is_dateline("The candidate spoke on 3 May 2022"));
        assert!(!is_dateline("Unpublished notes of 3 May"));
    }

    #[test]
    fn wire_datelines_are_a_place_a_comma_a_date_and_a_dash() {
        for (before, after) in [
            ("KYIV, ", " (Reuters) - Russian forces began"),
            (" Moscow/Kiev, ", ": Russian Defence Minister"),
            ("BEIRUT, ", " – A ceasefire took effect"),
            ("NEW YORK, ", " (AP) — The council met"),
        ] {
            assert!(is_wire_dateline(before, after), "{before:?} {after:?}");
        }
        for (before, after) in [
            // A date inside a sentence, not at its paragraph's head.
            (
                "The talks in Geneva, which began on ",
                ", were suspended - ",
            ),
            ("Officials met in Doha on ", " and agreed - "),
            // A place and a date with no dash after it.
            ("KYIV, ", " was quiet."),
            ("", " (Reuters) - Russian forces"),
            // Words before the place: a sentence, not a dateline.
            ("Fighting resumed in KYIV, ", " - officials said"),
        ] {
            assert!(!is_wire_dateline(before, after), "{before:?} {after:?}");
        }
    }
}
