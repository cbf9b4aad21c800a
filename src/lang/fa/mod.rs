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
