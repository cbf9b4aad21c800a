//! The English tokenizer: words, numbers, punctuation and line breaks of
//! normalized text, with byte spans and a lowercase form of every word.
//!
//! A word is a run of letters; an apostrophe or a hyphen is a token of its
//! own («1990's» is `1990` `'` `s`, «mid-2020» is `mid` `-` `2020`), so the
//! rules see how tightly tokens are glued.

/// The kind of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A run of letters.
    Word,
    /// A run of ASCII digits.
    Num,
    /// One punctuation or symbol character.
    Punct,
    /// A line break; `para` when it is a paragraph break.
    Break,
}

/// One token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok<'a> {
    pub kind: Kind,
    pub s: &'a str,
    /// Lowercase form (words only; empty otherwise).
    pub low: String,
    /// Byte span in the text.
    pub start: usize,
    pub end: usize,
    /// No whitespace between this token and the previous one.
    pub glued: bool,
    /// For `Break`: a paragraph break (a blank line).
    pub para: bool,
}

impl Tok<'_> {
    /// The value of a number token, or `None`.
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

    /// True for a word starting with an uppercase letter.
    pub fn capitalized(&self) -> bool {
        self.kind == Kind::Word && self.s.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Splits normalized text into tokens.
pub fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::with_capacity(text.len() / 5);
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
            while i < bytes.len() && matches!(bytes[i], b'\n' | b' ' | b'\r') {
                i += 1;
            }
            let para = text[start..i].matches('\n').count() >= 2;
            toks.push(Tok {
                kind: Kind::Break,
                s: &text[start..i],
                low: String::new(),
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
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            if c.is_alphabetic() {
                for (off, c) in text[i..].char_indices() {
                    if !c.is_alphabetic() {
                        i = start + off;
                        break;
                    }
                    i = start + off + c.len_utf8();
                }
                Kind::Word
            } else {
                i += c.len_utf8();
                if c.is_whitespace() || c == '\u{200C}' {
                    glued = false;
                    continue;
                }
                Kind::Punct
            }
        };
        let s = &text[start..i];
        toks.push(Tok {
            kind,
            s,
            low: if kind == Kind::Word {
                s.to_lowercase()
            } else {
                String::new()
            },
            start,
            end: i,
            glued,
            para: false,
        });
        glued = true;
    }
    toks
}
