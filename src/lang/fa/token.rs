//! The Persian tokenizer: words, numbers, Latin words, punctuation and line
//! breaks of normalized text, with byte spans (the shared
//! [`grammar::tokenize`](crate::lang::grammar::tokenize)).
//!
//! Normalized text has ASCII digits and Persian letters, so a change of
//! script is a token boundary: «۱۰آبان» is `10` + `آبان`, «سال1361ش» is
//! `سال` + `1361` + `ش`. ZWNJ stays inside a word («آبان‌ماه»); a stray
//! ZWNJ (not inside a word) is no token.

use crate::lang::grammar::{self, Script};
pub use crate::lang::grammar::{Kind, Tok};
use crate::text::script::is_arabic_letter;

/// Persian script: Arabic letters, ZWNJ inside words, ASCII letters apart.
const SCRIPT: Script = Script {
    latin: true,
    letter: is_arabic_letter,
    inside: |c| c == '\u{200C}',
    // A stray ZWNJ, and the zero-width joiner of «ه‍.ش», are no tokens.
    skip: |c| c == '\u{200C}' || c == '\u{200D}',
};

/// Splits normalized text into tokens.
pub fn tokenize(text: &str) -> Vec<Tok<'_>> {
    grammar::tokenize(text, &SCRIPT)
}
