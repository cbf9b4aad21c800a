//! Persian: the date grammar and lexicons for Persian news text (Iranian
//! and Afghan usage), reading normalized text.
//!
//! - [`lexicon`]: the word lists of `data/lexicon/fa/*.tsv`, compiled in.
//! - [`token`]: words, numbers and punctuation with byte spans.
//! - [`tense`]: the tense of a date's clause (verb-final Persian).
//! - [`rules`]: the named rules; [`parse`] is the entry point.

pub mod damage;
pub mod lexicon;
pub mod rules;
pub mod tense;
pub mod token;

pub use rules::parse;

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
