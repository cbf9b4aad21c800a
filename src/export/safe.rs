//! Article text made safe for where it is printed: one module, used by
//! every printer (Markdown, the HTML page, TimelineJS, CSV, the terminal
//! table, the check report).
//!
//! [`safe_text`] is three steps, each also public:
//!
//! 1. [`strip`]: control characters are removed: C0 (a tab or a line break
//!    becomes a space, since every printer puts article text on one line or
//!    in one cell), DEL and C1, and the bidi controls an article may carry:
//!    embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069),
//!    the marks ALM, LRM and RLM (U+061C, U+200E, U+200F). No article can
//!    recolour a terminal, move the cursor, or reorder what is around it.
//!    ZWNJ and ZWJ, part of Persian words, are kept.
//! 2. [`escape`] for the [`Target`]: Markdown, HTML (TimelineJS, and the page,
//!    which also escapes `:` and `=`), CSV, or plain text (nothing left to do).
//! 3. [`isolate`]: text that holds right-to-left characters
//!    ([`crate::text::script::has_rtl`], the one definition) is wrapped in a
//!    Unicode isolate so it never reorders the text around it: RLI
//!    (U+2067) when it starts right to left, FSI (U+2068) when it starts
//!    with a left-to-right letter, closed by PDI (U+2069). HTML and CSV are
//!    isolated by their markup (`dir="rtl"`), not by marks.
//!
//! The isolates are added after stripping, so every isolate in an output
//! is tarikh's own. Stripping, isolating and `safe_text` for
//! [`Target::Text`] are idempotent; escaping is not, and must not be
//! applied twice (escaped output is not input).

use std::fmt::Write as _;

use crate::text::script::{has_rtl, is_rtl};

/// Right-to-left isolate.
pub const RLI: char = '\u{2067}';
/// First-strong isolate.
pub const FSI: char = '\u{2068}';
/// Left-to-right isolate.
pub const LRI: char = '\u{2066}';
/// Pop directional isolate.
pub const PDI: char = '\u{2069}';

/// Where text is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// A terminal or a plain-text file.
    Text,
    /// Markdown (GitHub's: a table cell, a list item, a heading).
    Markdown,
    /// HTML text or an attribute value in double quotes (TimelineJS).
    Html,
    /// HTML of the self-contained page: also `:` and `=`, so no
    /// `javascript:`, `https:` or `src=` appears as written.
    HtmlPage,
    /// One CSV field (RFC 4180), safe from spreadsheet formulas.
    Csv,
}

impl Target {
    /// Whether right-to-left text is isolated with marks (HTML and CSV
    /// use `dir` in their markup instead).
    pub fn isolates(self) -> bool {
        matches!(self, Target::Text | Target::Markdown)
    }
}

/// Whether `c` is a bidi control that article text must not carry in.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` is removed by [`strip`] (tab and line breaks become spaces).
pub fn is_stripped(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Article text without control characters and bidi controls; a tab, a
/// line break (CR, LF, U+2028, U+2029) becomes a space.
pub fn strip(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if is_stripped(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for `target` (no stripping, no isolation: see
/// [`safe_text`]).
pub fn escape(s: &str, target: Target) -> String {
    match target {
        Target::Text => s.to_string(),
        Target::Markdown => markdown(s),
        Target::Html => html(s, false),
        Target::HtmlPage => html(s, true),
        Target::Csv => csv(s),
    }
}

/// What Markdown (and the HTML GitHub lets through) would read as markup:
/// `< > &` as character references; `\ | * _ ` [ ] ~` behind a backslash.
fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// `& < > " '` as character references; with `page`, `:` and `=` too.
fn html(s: &str, page: bool) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            ':' if page => out.push_str("&#58;"),
            '=' if page => out.push_str("&#61;"),
            _ => out.push(c),
        }
    }
    out
}

/// One CSV field: a field that starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return is prefixed with `'` (no spreadsheet runs it as a
/// formula); one that holds a comma, a quote or a line break is quoted,
/// inner quotes doubled.
fn csv(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Whether `s` is already one isolate: an opening isolate at the start
/// closed by the PDI at its very end.
fn is_isolated(s: &str) -> bool {
    if !s.starts_with([RLI, FSI, LRI]) || !s.ends_with(PDI) {
        return false;
    }
    let mut depth = 0usize;
    let n = s.chars().count();
    for (i, c) in s.chars().enumerate() {
        match c {
            RLI | FSI | LRI => depth += 1,
            PDI => {
                depth = depth.saturating_sub(1);
                if depth == 0 && i + 1 < n {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0
}

/// Whether text starts right to left: its first strong letter is
/// right-to-left, or it has no left-to-right letter before its first
/// right-to-left character (a date in Persian digits).
fn starts_rtl(s: &str) -> bool {
    for c in s.chars() {
        if is_rtl(c) {
            return true;
        }
        if c.is_alphabetic() {
            return false;
        }
    }
    false
}

/// `s` in an isolate when it holds right-to-left text: RLI … PDI when it
/// starts right to left, FSI … PDI otherwise; unchanged when it holds none
/// or is already one isolate.
pub fn isolate(s: &str) -> String {
    if !has_rtl(s) || is_isolated(s) {
        return s.to_string();
    }
    let open = if starts_rtl(s) { RLI } else { FSI };
    format!("{open}{s}{PDI}")
}

/// Isolates each «…» quotation of a sentence of tarikh's own (a
/// diagnostic message) that holds right-to-left text; such a sentence
/// with no quotation is isolated whole.
pub fn isolate_quotes(s: &str) -> String {
    if !has_rtl(s) {
        return s.to_string();
    }
    if !s.contains('«') {
        return isolate(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut quote = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '«' if depth == 0 => {
                out.push(c);
                depth = 1;
            }
            '«' => {
                quote.push(c);
                depth += 1;
            }
            '»' if depth == 1 => {
                out.push_str(&isolate(&std::mem::take(&mut quote)));
                out.push(c);
                depth = 0;
            }
            '»' if depth > 1 => {
                quote.push(c);
                depth -= 1;
            }
            _ if depth > 0 => quote.push(c),
            _ => out.push(c),
        }
    }
    if depth > 0 {
        out.push_str(&isolate(&quote));
    }
    out
}

/// Article text ready for `target`: stripped, escaped, and (for text and
/// Markdown) isolated when it holds right-to-left text.
pub fn safe_text(s: &str, target: Target) -> String {
    let escaped = escape(&strip(s), target);
    if target.isolates() {
        isolate(&escaped)
    } else {
        escaped
    }
}

/// A sentence of tarikh's own that quotes article text (a diagnostic
/// message) ready for `target`: stripped, escaped, each «…» quotation
/// isolated.
pub fn safe_message(s: &str, target: Target) -> String {
    let escaped = escape(&strip(s), target);
    if target.isolates() {
        isolate_quotes(&escaped)
    } else {
        escaped
    }
}

/// An identifier (an event or document id) as a Markdown code span:
/// stripped, with backticks turned into `'` and pipes escaped, so it can
/// neither close the span nor split a table cell.
pub fn markdown_code(s: &str) -> String {
    let mut out = String::from("`");
    for c in strip(s).chars() {
        match c {
            '`' => out.push('\''),
            '|' => out.push_str("\\|"),
            c => out.push(c),
        }
    }
    out.push('`');
    out
}

/// A Mermaid gantt label or section name: stripped, the characters its
/// grammar reserves (`: ; # % `` ` ``) and HTML's (`< > & "`) as Mermaid
/// entities (`#58;` …), and always in an isolate (right-to-left when it
/// holds right-to-left text, else left-to-right) so no label can start
/// with a Mermaid keyword.
pub fn mermaid_label(s: &str) -> String {
    let mut out = String::new();
    for c in strip(s).chars() {
        match c {
            ':' | ';' | '#' | '<' | '>' | '&' | '"' | '%' | '`' => {
                let _ = write!(out, "#{};", c as u32);
            }
            _ => out.push(c),
        }
    }
    let out = out.trim().to_string();
    let open = if has_rtl(&out) { RLI } else { LRI };
    format!("{open}{out}{PDI}")
}
