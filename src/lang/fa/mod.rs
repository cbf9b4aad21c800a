//! Persian: the date grammar and lexicons for Persian news text (Iranian
//! and Afghan usage), reading normalized text.
//!
//! - [`lexicon`]: the word lists of `data/lexicon/fa/*.tsv`, compiled in.
//! - [`token`]: words, numbers and punctuation with byte spans.
//! - [`tense`]: the tense of a date's clause (verb-final Persian).
//! - [`rules`]: the named rules; [`parse`] is the entry point.

pub mod clause;
pub mod damage;
pub mod lexicon;
pub mod rules;
pub mod tense;
pub mod token;

pub use rules::parse;

use crate::lang::Lang;
use crate::lang::damage::DamageModel;
use crate::lang::expr::Parsed;
use crate::lang::language::{Language, Segments};

/// Persian, as a [`Language`].
pub struct Persian;

impl Language for Persian {
    fn lang(&self) -> Lang {
        Lang::Fa
    }
    fn parse(&self, normalized: &str) -> Vec<Parsed> {
        parse(normalized)
    }
    fn is_dateline(&self, paragraph: &str) -> bool {
        is_dateline(paragraph)
    }
    fn is_page_header(&self, line: &str) -> bool {
        is_page_header(line)
    }
    fn damage(&self) -> Option<&dyn DamageModel> {
        Some(&damage::PersianDamage)
    }
    fn segment<'t>(&self, text: &'t str) -> Box<dyn Segments + 't> {
        Box::new(clause::segments(text))
    }
    fn verb_final(&self) -> bool {
        true
    }
    fn is_oblique(&self, word: &str) -> bool {
        // English prepositions count too: Persian reports quote English
        // names and phrases.
        matches!(&*lexicon::key(word), "با" | "به" | "برای" | "بدون")
            || crate::lang::en::is_oblique_word(word)
    }
    fn is_report(&self, trigger: &str) -> bool {
        let k = lexicon::key(trigger);
        k.starts_with("گزارش") || k.starts_with("خبر")
    }
    fn is_relative_opener(&self, word: &str) -> bool {
        &*lexicon::key(word) == "که"
    }
    fn trigger_tables(&self) -> &'static [&'static str] {
        &[
            include_str!("../../../data/lexicon/fa/triggers.tsv"),
            include_str!("../../../data/lexicon/fa/triggers-cameo.tsv"),
        ]
    }
    fn cue_tables(&self) -> &'static [&'static str] {
        &[include_str!("../../../data/lexicon/fa/relations.tsv")]
    }
}

/// True when a line of normalized text carries a page-furniture word
/// (`data/lexicon/fa/chrome.tsv`).
pub fn is_page_header(line: &str) -> bool {
    use std::sync::OnceLock;
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        crate::lang::tsv::rows(include_str!("../../../data/lexicon/fa/chrome.tsv"))
            .map(|r| lexicon::key(r[0]).to_lowercase())
            .collect()
    });
    let k = lexicon::key(line).to_lowercase();
    words.iter().any(|w| k.contains(w.as_str()))
}

/// True when a line of normalized text carries a dateline word («تاریخ
/// انتشار», "Published"): a date on it is the publication date.
pub fn is_dateline(line: &str) -> bool {
    use std::sync::OnceLock;
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        crate::lang::tsv::rows(include_str!("../../../data/lexicon/fa/dateline.tsv"))
            .map(|r| lexicon::key(r[0]).to_lowercase())
            .collect()
    });
    let k = lexicon::key(line).to_lowercase();
    words.iter().any(|w| k.contains(w.as_str()))
}
