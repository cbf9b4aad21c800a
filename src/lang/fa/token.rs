//! The Persian tokenizer: words, numbers, Latin words, punctuation and line
//! breaks of normalized text, with byte spans.
//!
//! Normalized text has ASCII digits and Persian letters, so a change of
//! script is a token boundary: «۱۰آبان» is `10` + `آبان`, «سال1361ش» is
//! `سال` + `1361` + `ش`. ZWNJ stays inside a word («آبان‌ماه»).

use crate::text::script::is_arabic_letter;

/// The kind of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A run of Arabic-script letters (ZWNJ inside allowed).
    Word,
    /// A run of ASCII letters.
    Latin,
    /// A run of ASCII digits.
    Num,
    /// One punctuation or symbol character.
    Punct,
    /// A line break; `para` when it is a paragraph break.
    Break,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok<'a> {
    pub kind: Kind,
    pub s: &'a str,
    /// Byte span in the text.
    pub start: usize,
    pub end: usize,
    /// No whitespace between this token and the previous one.
    pub glued: bool,
    /// For `Break`: a paragraph break (a blank line).
    pub para: bool,
}

impl Tok<'_> {
    /// The value of a number token (saturating), or `None`.
    pub fn num(&self) -> Option<u32> {
        if self.kind != Kind::Num || self.s.len() > 9 {
            return None;
        }
        self.s.parse().ok()
    }

    /// The number of digits of a number token.
    pub fn digits(&self) -> usize {
        if self.kind == Kind::Num {
            self.s.len()
        } else {
            0
        }
    }

    /// True for a punctuation token equal to one of `chars`.
    pub fn is_punct(&self, chars: &[char]) -> bool {
        self.kind == Kind::Punct && self.s.chars().next().is_some_and(|c| chars.contains(&c))
    }
}

/// Splits normalized text into tokens.
pub fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::with_capacity(text.len() / 6);
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut glued = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b' ' || b == b'\t' || b == b'\r' {
            glued = false;
            i += 1;
            continue;
        }
        if b == b'\n' {
            let start = i;
            while i < bytes.len() && (bytes[i] == b'\n' || bytes[i] == b' ' || bytes[i] == b'\r') {
                i += 1;
            }
            let para = text[start..i].matches('\n').count() >= 2;
            toks.push(Tok {
                kind: Kind::Break,
                s: &text[start..i],
                start,
                end: i,
                glued,
                para,
            });
            glued = false;
            continue;
        }
        let start = i;
        let kind = if b.is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            Kind::Num
        } else if b.is_ascii_alphabetic() {
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            Kind::Latin
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            if is_arabic_letter(c) {
                let mut end = i;
                for (off, c) in text[i..].char_indices() {
                    if is_arabic_letter(c) {
                        end = i + off + c.len_utf8();
                    } else if c != '\u{200C}' {
                        break;
                    }
                }
                i = end;
                Kind::Word
            } else {
                i += c.len_utf8();
                if c == '\u{200C}' {
                    // A stray ZWNJ (not inside a word) is no token.
                    glued = false;
                    continue;
                }
                Kind::Punct
            }
        };
        toks.push(Tok {
            kind,
            s: &text[start..i],
            start,
            end: i,
            glued,
            para: false,
        });
        glued = true;
    }
    toks
}
