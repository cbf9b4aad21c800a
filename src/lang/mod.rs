//! Languages: the rules and lexicons of each language tarikh reads.
//!
//! Each language module (`fa`, …) reads *normalized* text (see
//! [`crate::text::normalize`]) and returns [`expr::Parsed`] expressions:
//! language-neutral descriptions of what the text says ("day 10 of Solar
//! month 8, year missing, clause in the past tense"), with byte spans into
//! the normalized text. Turning them into mentions with original offsets is
//! the job of [`crate::temporal`]; turning them into calendar intervals is
//! the job of [`crate::calendar`].
//!
//! Word lists live in `data/lexicon/<lang>/*.tsv` (with a source column) and
//! are compiled into the binary; the rules that combine them are Rust code
//! with one readable name per rule (the `rule` field of every output).

pub mod damage;
pub mod en;
pub mod expr;
pub mod fa;
pub mod grammar;
pub mod language;
pub mod mood;
pub mod names;

pub use language::{Language, language};
pub(crate) mod tsv;

use serde::{Deserialize, Serialize};

use crate::text::script::is_arabic_letter;

/// A language tarikh has rules for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Persian (Iranian, Afghan Dari and Tajik-in-Arabic-script press).
    Fa,
    /// English.
    En,
}

impl Lang {
    /// Every language tarikh has rules for.
    pub const ALL: [Lang; 2] = [Lang::Fa, Lang::En];

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fa => "fa",
            Lang::En => "en",
        }
    }

    /// Reads an ISO 639-1 code (`fa`, `en`; `prs`/`per` count as Persian).
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "fa" | "fas" | "per" | "prs" => Some(Lang::Fa),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Guesses the language of a text: Arabic-script text is read as Persian,
/// anything else as English. It counts the first 20 000 letters, not
/// characters: a text that opens with a run of anything else (bidi
/// controls, digits, whitespace) is judged by its words.
pub fn detect(text: &str) -> Lang {
    let mut arabic = 0usize;
    let mut latin = 0usize;
    for c in text.chars().filter(|c| c.is_alphabetic()).take(20_000) {
        if is_arabic_letter(c) {
            arabic += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    if arabic > 0 && arabic * 2 >= latin {
        Lang::Fa
    } else {
        Lang::En
    }
}
