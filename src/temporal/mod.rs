//! Temporal expressions: every date, range, duration and relative
//! expression of a document, as a [`Mention`] with its span in the original
//! text.
//!
//! This stage runs the language's rules over the normalized text, repairs
//! layout damage where one reading of a damaged line clearly reads better
//! than the text as it stands ([`repair`]), and maps every span back to the
//! original text through the normalization's offset map. It does no
//! calendar arithmetic: a [`Mention`] says what the text states; the
//! [`crate::calendar`] stage resolves it.

pub mod repair;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::lang::expr::{Expr, Modifier, Parsed, Tense};
use crate::lang::{self, Lang};
use crate::text::{self, Normalized};

/// The TIMEX3 type of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum MentionType {
    Date,
    Time,
    Duration,
    Set,
}

/// How layout damage was repaired for a mention (the contract's `repaired`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Repair {
    /// What was done, in a sentence.
    pub note: String,
    /// The reconstructed expression.
    pub reading: String,
    /// Original character spans of every piece put back together, in
    /// reading order.
    pub pieces: Vec<[usize; 2]>,
}

/// One temporal expression of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub kind: MentionType,
    /// The original text of `span` (`text == document[span]`).
    pub text: String,
    /// Character offsets `[start, end)` into the original document text.
    pub span: [usize; 2],
    /// The rule that read it.
    pub rule: &'static str,
    pub expr: Expr,
    pub modifier: Option<Modifier>,
    pub tense: Tense,
    pub time_of_day: Option<(u8, u8)>,
    /// The other side of a dual date.
    pub alternative: Option<Box<Mention>>,
    /// Present when the expression was read from a repaired reading.
    pub repaired: Option<Repair>,
    /// An explicit date (with its own year) that can anchor yearless dates
    /// after it in the same paragraph.
    pub explicit: bool,
    /// Index of the paragraph (blank-line separated) that holds it.
    pub paragraph: usize,
}

/// What extraction found in one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub mentions: Vec<Mention>,
    pub diagnostics: Vec<Diagnostic>,
    /// The publication date stated in a dateline at the head or foot of
    /// the article, if the rules found one.
    pub dateline: Option<chrono::NaiveDate>,
}

/// The rules of a language over normalized text.
pub fn parse(lang: Lang, normalized: &str) -> Vec<Parsed> {
    match lang {
        Lang::Fa => lang::fa::parse(normalized),
        // English text is read by the Persian rules' Latin-script subset
        // until the English rules land: Latin dates («8 Oct 2020»,
        // «2020-10-08») are found, nothing else.
        Lang::En => lang::fa::parse(normalized),
    }
}

/// Finds every temporal expression of a document.
pub fn extract(document: &str, original: &str, lang: Lang) -> Extraction {
    let norm = text::normalize(original);
    let mut out = Extraction::default();
    let parsed = parse(lang, &norm.text);
    let repaired = repair::repair(
        document,
        original,
        &norm,
        lang,
        parsed,
        &mut out.diagnostics,
    );
    for r in repaired {
        out.mentions.push(to_mention(original, &norm, r));
    }
    out
}

/// A parsed expression, possibly from a repaired reading, with its spans.
#[derive(Debug, Clone)]
pub struct Located {
    pub parsed: Parsed,
    /// Original character span of the main part.
    pub span: [usize; 2],
    pub alternative_span: Option<[usize; 2]>,
    pub repair: Option<Repair>,
}

impl Located {
    /// An expression read from the text as it stands.
    pub fn direct(norm: &Normalized, parsed: Parsed) -> Located {
        let r = norm.to_original(parsed.start..parsed.end);
        let alternative_span = parsed.alternative.as_ref().map(|a| {
            let r = norm.to_original(a.start..a.end);
            [r.start, r.end]
        });
        Located {
            parsed,
            span: [r.start, r.end],
            alternative_span,
            repair: None,
        }
    }
}

fn paragraph_of(original: &str, char_offset: usize) -> usize {
    let mut n = 0;
    let mut prev_newline = false;
    for c in original.chars().take(char_offset) {
        if c == '\n' {
            if prev_newline {
                n += 1;
                prev_newline = false;
                continue;
            }
            prev_newline = true;
        } else if !c.is_whitespace() {
            prev_newline = false;
        }
    }
    n
}

fn kind_of(expr: &Expr) -> MentionType {
    match expr {
        Expr::Duration { .. } => MentionType::Duration,
        _ => MentionType::Date,
    }
}

fn to_mention(original: &str, norm: &Normalized, l: Located) -> Mention {
    let _ = norm;
    let slice = |s: [usize; 2]| text::slice_chars(original, s[0], s[1]).to_string();
    let alternative = match (l.parsed.alternative.as_deref(), l.alternative_span) {
        (Some(a), Some(span)) => Some(Box::new(Mention {
            kind: kind_of(&a.expr),
            text: slice(span),
            span,
            rule: a.rule,
            expr: a.expr.clone(),
            modifier: a.modifier,
            tense: a.tense,
            time_of_day: a.time_of_day,
            alternative: None,
            repaired: None,
            explicit: a.explicit,
            paragraph: paragraph_of(original, span[0]),
        })),
        _ => None,
    };
    Mention {
        kind: kind_of(&l.parsed.expr),
        text: slice(l.span),
        span: l.span,
        rule: l.parsed.rule,
        expr: l.parsed.expr,
        modifier: l.parsed.modifier,
        tense: l.parsed.tense,
        time_of_day: l.parsed.time_of_day,
        alternative,
        repaired: l.repair,
        explicit: l.parsed.explicit,
        paragraph: paragraph_of(original, l.span[0]),
    }
}
