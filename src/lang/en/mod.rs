//! English: the date grammar and lexicons for English news text (wire
//! copy), reading normalized text.
//!
//! - [`lexicon`]: the word lists of `data/lexicon/en/*.tsv`, compiled in.
//! - [`token`]: words, numbers and punctuation with byte spans.
//! - [`tense`]: the tense of a date's clause (the nearest verb group).
//! - [`rules`]: the named rules; [`parse`] is the entry point.

pub mod lexicon;
pub mod rules;
pub mod tense;
pub mod token;

pub use rules::parse;
