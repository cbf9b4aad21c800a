//! The English tokenizer: words, numbers, punctuation and line breaks of
//! normalized text, with byte spans (the shared
//! [`grammar::tokenize`](crate::lang::grammar::tokenize)) and a lowercase
//! form of every word.
//!
//! A word is a run of letters; an apostrophe or a hyphen is a token of its
//! own («1990's» is `1990` `'` `s`, «mid-2020» is `mid` `-` `2020`), so the
//! rules see how tightly tokens are glued. English text has no
//! [`Kind::Latin`] tokens: ASCII letters are words.

use std::ops::Deref;

pub use crate::lang::grammar::Kind;
use crate::lang::grammar::{self, Script};

/// One token: the shared token and the lowercase form of a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok<'a> {
    pub tok: grammar::Tok<'a>,
    /// Lowercase form (words only; empty otherwise), borrowed from the
    /// text when the word is lowercase already (most are).
    pub low: std::borrow::Cow<'a, str>,
}

impl<'a> Deref for Tok<'a> {
    type Target = grammar::Tok<'a>;

    fn deref(&self) -> &grammar::Tok<'a> {
        &self.tok
    }
}

impl<'a> grammar::Token<'a> for Tok<'a> {
    fn tok(&self) -> &grammar::Tok<'a> {
        &self.tok
    }
}

/// English script: any letters; whitespace other than spaces and ZWNJ
/// separate tokens.
const SCRIPT: Script = Script {
    latin: false,
    letter: char::is_alphabetic,
    inside: |_| false,
    skip: |c| c.is_whitespace() || c == '\u{200C}',
};

/// Splits normalized text into tokens.
pub fn tokenize(text: &str) -> Vec<Tok<'_>> {
    grammar::tokenize(text, &SCRIPT)
        .into_iter()
        .map(|tok| Tok {
            low: if tok.kind != Kind::Word {
                std::borrow::Cow::Borrowed("")
            } else if tok
                .s
                .chars()
                .any(|c| c.is_alphabetic() && !c.is_lowercase())
            {
                std::borrow::Cow::Owned(tok.s.to_lowercase())
            } else {
                std::borrow::Cow::Borrowed(tok.s)
            },
            tok,
        })
        .collect()
}
