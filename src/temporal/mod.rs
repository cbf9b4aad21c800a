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
pub mod resolve;

pub use resolve::{
    Alternative, Bounds, Context, LunarBounds, Reference, Resolved, Time, YearSource,
};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::lang::expr::{Expr, Modifier, Parsed, Tense};
use crate::lang::{self, Lang};
use std::ops::Range;

use crate::text::{self, CharIndex, Normalized, PublishedFrom};

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
    pub pieces: Vec<crate::units::CharSpan>,
}

/// One temporal expression of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub kind: MentionType,
    /// The original text of `span` (`text == document[span]`).
    pub text: String,
    /// Character offsets `[start, end)` into the original document text.
    pub span: crate::units::CharSpan,
    /// The rule that read it.
    pub rule: &'static str,
    pub expr: Expr,
    pub modifier: Option<Modifier>,
    pub tense: Tense,
    pub time_of_day: Option<(u8, u8)>,
    pub day_part: Option<crate::lang::expr::DayPart>,
    /// The time zone a clock time states.
    pub timezone: Option<&'static str>,
    /// The other side of a dual date.
    pub alternative: Option<Box<Mention>>,
    /// Present when the expression was read from a repaired reading.
    pub repaired: Option<Repair>,
    /// An explicit date (with its own year) that can anchor yearless dates
    /// after it in the same paragraph.
    pub explicit: bool,
    /// A date of the page, not of the story (see [`page_headers`]).
    pub chrome: bool,
    /// Index of the paragraph (blank-line separated) that holds it.
    pub paragraph: usize,
    /// The [`View`] it was read from, and its byte range there.
    pub view: usize,
    pub view_range: Range<usize>,
}

/// A document as it appears in every output (the contract's `Document`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DocumentInfo {
    pub id: String,
    pub source: String,
    // The language the document was read in; a string in the schema.
    #[schemars(with = "String")]
    pub lang: Lang,
    pub published: Option<NaiveDate>,
    pub published_from: Option<PublishedFrom>,
}

/// One entry of the dates listing: a [`Time`] with its document and type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DateEntry {
    pub document: String,
    #[serde(rename = "type")]
    pub kind: MentionType,
    #[serde(flatten)]
    pub time: Time,
}

/// Everything `dates` finds in one document.
#[derive(Debug, Clone)]
pub struct DatedDocument {
    pub info: DocumentInfo,
    pub dates: Vec<DateEntry>,
    /// The resolved mentions, with their paragraph and tense (for events),
    /// in the order of `extraction.mentions`.
    pub resolved: Vec<Resolved>,
    /// What the temporal stage found: mentions, views, normalized text.
    pub extraction: Extraction,
    pub diagnostics: Vec<Diagnostic>,
}

/// What extraction found in one document.
#[derive(Debug, Clone)]
pub struct Extraction {
    pub mentions: Vec<Mention>,
    pub diagnostics: Vec<Diagnostic>,
    /// The mention (index into `mentions`) that dates the article in a
    /// dateline at its head or foot, if the rules found one.
    pub dateline: Option<usize>,
    /// The normalized text.
    pub norm: Normalized,
    /// Character → byte index of the original text.
    pub chars: CharIndex,
    /// The text as the later stages read it: the normalized text, with
    /// every repaired stretch replaced by its reading. In text order.
    pub views: Vec<View>,
}

/// A stretch of the text as later stages read it.
#[derive(Debug, Clone)]
pub struct View {
    /// Normalized byte range of the source it stands for.
    pub covers: Range<usize>,
    /// Its text: the normalized text itself, or a repaired reading.
    pub text: String,
    repaired: Option<repair::RepairedView>,
}

impl View {
    /// True for a repaired reading.
    pub fn is_repaired(&self) -> bool {
        self.repaired.is_some()
    }

    /// The normalized byte ranges a range of this view comes from, in
    /// reading order.
    pub fn pieces(&self, norm: &Normalized, r: Range<usize>) -> Vec<Range<usize>> {
        match &self.repaired {
            None => {
                std::iter::once(self.covers.start + r.start..self.covers.start + r.end).collect()
            }
            Some(v) => v.reading.pieces(&norm.text, &v.rendered, &v.units, r),
        }
    }

    /// The original character span covering a range of this view.
    pub fn original_span(&self, norm: &Normalized, r: Range<usize>) -> [usize; 2] {
        let pieces = self.pieces(norm, r);
        let start = pieces
            .iter()
            .map(|p| norm.to_original(p.clone()).start)
            .min()
            .unwrap_or(0);
        let end = pieces
            .iter()
            .map(|p| norm.to_original(p.clone()).end)
            .max()
            .unwrap_or(start);
        [start, end]
    }

    /// The original text of a range of this view, its pieces in reading
    /// order joined by spaces (the repaired reading in the original's own
    /// characters).
    pub fn original_text(
        &self,
        original: &str,
        index: &CharIndex,
        norm: &Normalized,
        r: Range<usize>,
    ) -> String {
        self.pieces(norm, r)
            .into_iter()
            .map(|p| {
                let o = norm.to_original(p);
                index.slice(original, o.start, o.end).to_string()
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The rules of a language over normalized text.
pub fn parse(lang: Lang, normalized: &str) -> Vec<Parsed> {
    lang::language(lang).parse(normalized)
}

/// Finds every temporal expression of a document.
pub fn extract(document: &str, original: &str, lang: Lang) -> Extraction {
    let norm = text::normalize(original);
    let index = CharIndex::new(original);
    let paragraphs = Paragraphs::new(original);
    let mut diagnostics = Vec::new();
    let language = lang::language(lang);
    // A language with a damage model reads its expressions and its damage
    // signs in one pass over its tokens.
    let (parsed, damaged) = match language.damage() {
        Some(model) => {
            let (parsed, damaged) = model.parse_and_analyze(&norm.text);
            (parsed, Some((model, damaged)))
        }
        None => (language.parse(&norm.text), None),
    };
    let (located, repaired) = repair::repair(
        document,
        original,
        &index,
        &norm,
        damaged,
        parsed,
        &mut diagnostics,
    );
    // Views: plain stretches between the repaired windows.
    let mut views: Vec<View> = Vec::new();
    let mut view_of_repair = Vec::new();
    let mut at = 0;
    for r in repaired {
        if r.covers.start > at {
            views.push(plain_view(&norm, at..r.covers.start));
        }
        at = r.covers.end;
        view_of_repair.push(views.len());
        views.push(View {
            covers: r.covers.clone(),
            text: r.rendered.text.clone(),
            repaired: Some(r),
        });
    }
    if at < norm.text.len() || views.is_empty() {
        views.push(plain_view(&norm, at..norm.text.len()));
    }
    let mentions: Vec<Mention> = located
        .into_iter()
        .map(|l| {
            let (view, range) = match l.view {
                Some(k) => (view_of_repair[k], l.parsed.start..l.parsed.end),
                None => {
                    let v = views
                        .iter()
                        .position(|v| {
                            !v.is_repaired()
                                && v.covers.start <= l.parsed.start
                                && l.parsed.end <= v.covers.end
                        })
                        .unwrap_or(0);
                    let c = views[v].covers.start;
                    (
                        v,
                        l.parsed.start.saturating_sub(c)..l.parsed.end.saturating_sub(c),
                    )
                }
            };
            let shift = if l.view.is_some() {
                0
            } else {
                views[view].covers.start
            };
            to_mention(original, &index, &paragraphs, l, view, range, shift)
        })
        .collect();
    let mut mentions = mentions;
    page_headers(
        document,
        original,
        &index,
        language,
        &mut mentions,
        &mut diagnostics,
    );
    let dateline = dateline(language, &norm.text, &mentions, &views);
    Extraction {
        mentions,
        diagnostics,
        dateline,
        norm,
        chars: index,
        views,
    }
}

fn plain_view(norm: &Normalized, r: Range<usize>) -> View {
    View {
        covers: r.clone(),
        text: norm.text[r].to_string(),
        repaired: None,
    }
}

/// A parsed expression, possibly from a repaired reading, with its spans.
#[derive(Debug, Clone)]
pub struct Located {
    /// Spans in normalized coordinates, or in the repaired reading's when
    /// `view` is set.
    pub parsed: Parsed,
    /// Original character span of the main part.
    pub span: crate::units::CharSpan,
    pub alternative_span: Option<[usize; 2]>,
    pub repair: Option<Repair>,
    /// Index of the repaired window the expression was read from.
    pub view: Option<usize>,
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
            span: [r.start, r.end].into(),
            alternative_span,
            repair: None,
            view: None,
        }
    }
}
/// Where paragraphs (blank-line separated) begin, for placing mentions.
struct Paragraphs {
    /// Character offsets of the newline that ends each blank line.
    bounds: Vec<usize>,
}

impl Paragraphs {
    fn new(original: &str) -> Paragraphs {
        let mut bounds = Vec::new();
        let mut prev_newline = false;
        for (i, c) in original.chars().enumerate() {
            if c == '\n' {
                if prev_newline {
                    bounds.push(i);
                    prev_newline = false;
                    continue;
                }
                prev_newline = true;
            } else if !c.is_whitespace() {
                prev_newline = false;
            }
        }
        Paragraphs { bounds }
    }

    /// The index of the paragraph that holds character `at`.
    fn of(&self, at: usize) -> usize {
        self.bounds.partition_point(|&p| p < at)
    }
}

fn kind_of(p: &Parsed) -> MentionType {
    match p.expr {
        Expr::Duration { .. } => MentionType::Duration,
        Expr::Set(_) => MentionType::Set,
        _ if p.time_only => MentionType::Time,
        _ => MentionType::Date,
    }
}

fn to_mention(
    original: &str,
    index: &CharIndex,
    paragraphs: &Paragraphs,
    l: Located,
    view: usize,
    view_range: Range<usize>,
    shift: usize,
) -> Mention {
    let slice = |s: [usize; 2]| index.slice(original, s[0], s[1]).to_string();
    let alternative = match (l.parsed.alternative.as_deref(), l.alternative_span) {
        (Some(a), Some(span)) => Some(Box::new(Mention {
            kind: kind_of(a),
            text: slice(span),
            span: span.into(),
            rule: a.rule,
            expr: a.expr.clone(),
            modifier: a.modifier,
            tense: a.tense,
            time_of_day: a.time_of_day,
            day_part: a.day_part,
            timezone: a.timezone,
            alternative: None,
            repaired: None,
            explicit: a.explicit,
            chrome: false,
            paragraph: paragraphs.of(span[0]),
            view,
            view_range: a.start.saturating_sub(shift)..a.end.saturating_sub(shift),
        })),
        _ => None,
    };
    Mention {
        kind: kind_of(&l.parsed),
        text: slice(*l.span),
        span: l.span,
        rule: l.parsed.rule,
        expr: l.parsed.expr,
        modifier: l.parsed.modifier,
        tense: l.parsed.tense,
        time_of_day: l.parsed.time_of_day,
        day_part: l.parsed.day_part,
        timezone: l.parsed.timezone,
        alternative,
        repaired: l.repair,
        explicit: l.parsed.explicit,
        chrome: false,
        paragraph: paragraphs.of(l.span[0]),
        view,
        view_range,
    }
}

/// Lines at the head and the foot of a page where page furniture is looked
/// for.
const CHROME_LINES: usize = 3;

/// Marks the dates of page furniture: on one of the first or last
/// [`CHROME_LINES`] lines of the page, a date on a line with a
/// page-furniture word of the language («آخرین به‌روزرسانی», "Updated",
/// "5 hours ago"), or a line that holds nothing but dates, a clock time and
/// at most two other words (a site clock: «شنبه ۳ آذر ۱۴۰۳ تهران ۰۳:۳۰»)
/// and no dateline word. Each gets a `page-header` diagnostic; it is never
/// the publication date and dates no event. One pass over the lines and
/// one over the mentions, both in text order.
fn page_headers(
    document: &str,
    original: &str,
    index: &CharIndex,
    language: &dyn lang::Language,
    mentions: &mut [Mention],
    diagnostics: &mut Vec<Diagnostic>,
) {
    // Non-empty lines as byte ranges of the original text.
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut at = 0;
    for l in original.split_inclusive('\n') {
        let r = at..at + l.trim_end_matches(['\n', '\r']).len();
        if !original[r.clone()].trim().is_empty() {
            lines.push(r);
        }
        at += l.len();
    }
    // A machine stamp at the very head of the text: at most one ASCII word
    // and an ISO 8601 date (a crawler's " date 2023-05-04", "captured
    // 2024-01-02"), in any language: a date of the copy, not of the story.
    if let Some(m) = mentions.first_mut() {
        let a = index.byte(original, m.span[0]);
        let head = &original[..a.min(original.len())];
        let words: Vec<&str> = head.split_whitespace().collect();
        let iso = m.text.len() == 10
            && m.text.bytes().enumerate().all(|(k, b)| match k {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            });
        if iso
            && words.len() <= 1
            && words
                .iter()
                .all(|w| w.bytes().all(|b| b.is_ascii_alphabetic()))
        {
            m.chrome = true;
            diagnostics.push(Diagnostic {
                severity: Severity::Info,
                code: Code::PageHeader,
                message: format!(
                    "«{}» is a stamp of the copy (a capture or crawl date), not of the story: it is not the publication date and dates no event",
                    m.text
                ),
                document: document.to_string(),
                span: Some(m.span),
                events: Vec::new(),
            });
        }
    }
    let n = lines.len();
    let edge = |k: usize| k < CHROME_LINES || k + CHROME_LINES >= n;
    let mut k = 0;
    let mut i = 0;
    while i < mentions.len() {
        let byte = index.byte(original, mentions[i].span[0]);
        while k < n && lines[k].end < byte {
            k += 1;
        }
        if k >= n {
            break;
        }
        // The mentions on line k.
        let line = lines[k].clone();
        let mut j = i;
        while j < mentions.len() && index.byte(original, mentions[j].span[0]) <= line.end {
            j += 1;
        }
        // What is left of the line without its dates, in words, counted
        // only as far as a line of furniture can go: a longer line (a
        // paragraph of the story) is neither furniture nor a clock line,
        // and is not normalized again.
        let words_left = || {
            let count = |s: &str| {
                s.split(|c: char| !c.is_alphabetic())
                    .filter(|w| !w.is_empty())
                    .take(FURNITURE_WORDS + 1)
                    .count()
            };
            let mut words = 0;
            let mut from = line.start;
            for m in &mentions[i..j] {
                let a = index.byte(original, m.span[0]).max(from);
                words += count(&original[from..a.min(line.end)]);
                from = index.byte(original, m.span[1]).max(from);
                if words > FURNITURE_WORDS {
                    return words;
                }
            }
            words + count(&original[from.min(line.end)..line.end])
        };
        let words_left = if edge(k) && j > i {
            words_left()
        } else {
            usize::MAX
        };
        if words_left <= FURNITURE_WORDS {
            let text = text::normalize(&original[line.clone()]).text;
            // A stamp is a short line: a sentence of the story that says
            // "two days ago" or «به‌روزرسانی» is no page furniture.
            let furniture = language.is_page_header(&text);
            let clock = mentions[i..j].iter().any(|m| m.time_of_day.is_some()) || has_clock(&text);
            // A bare clock line: at most two words beside its dates.
            let bare = clock && !language.is_dateline(&text) && words_left <= 2;
            if furniture || bare {
                for m in &mut mentions[i..j] {
                    if m.repaired.is_some() {
                        continue;
                    }
                    m.chrome = true;
                    diagnostics.push(Diagnostic {
                        severity: Severity::Info,
                        code: Code::PageHeader,
                        message: format!(
                            "«{}» is a date of the page (a site clock or an update stamp), not of the story: it is not the publication date and dates no event",
                            m.text
                        ),
                        document: document.to_string(),
                        span: Some(m.span),
                        events: Vec::new(),
                    });
                }
            }
        }
        i = j.max(i + 1);
    }
}

/// The most words (beside its dates) a line of page furniture holds: an
/// update stamp, a site clock with its menu words, a reference's
/// "Retrieved" line.
const FURNITURE_WORDS: usize = 12;

/// True when normalized text holds a clock time (`03:30`, `9:15`).
fn has_clock(text: &str) -> bool {
    let b = text.as_bytes();
    (1..b.len().saturating_sub(2)).any(|k| {
        b[k] == b':'
            && b[k - 1].is_ascii_digit()
            && b[k + 1].is_ascii_digit()
            && b[k + 2].is_ascii_digit()
    })
}

/// Paragraphs at the head and the foot of an article where a dateline is
/// looked for.
const DATELINE_PARAGRAPHS: usize = 3;

/// The most words a dateline paragraph holds (its stamp, a byline, an
/// agency's name and ids).
const DATELINE_WORDS: usize = 30;

/// The mention that dates the article: a full date (day, month and year)
/// on a line with a dateline word, in the first or last paragraphs. A
/// date on a line without such a word (a site clock, a page-capture
/// header) is never taken.
///
/// Or a wire dateline at the head of a paragraph near the edge, with or
/// without a year ("KYIV, Nov 10 (Reuters) -"), as the language reads one
/// ([`lang::Language::is_wire_dateline`]).
fn dateline(
    language: &dyn lang::Language,
    normalized: &str,
    mentions: &[Mention],
    views: &[View],
) -> Option<usize> {
    let lines: Vec<&str> = normalized.split("\n\n").collect();
    let n = lines.len();
    // Where each paragraph starts in the normalized text.
    let mut starts = Vec::with_capacity(n);
    let mut at = 0;
    for l in &lines {
        starts.push(at);
        at += l.len() + 2;
    }
    let near_edge = |p: usize| p < DATELINE_PARAGRAPHS || p + DATELINE_PARAGRAPHS >= n;
    // Each paragraph is asked once, however many dates it holds: asking per
    // date made one long paragraph quadratic.
    let mut asked: Vec<Option<bool>> = vec![None; n];
    // Where a date sits in the normalized text (none when it was read
    // from a repaired view).
    let place = |m: &Mention| {
        let v = views.get(m.view).filter(|v| !v.is_repaired())?;
        Some((
            v.covers.start + m.view_range.start,
            v.covers.start + m.view_range.end,
        ))
    };
    // Where page chrome ends (a crawler's stamp before a wire dateline,
    // "date 2022-11-10 Moscow/Kiev, Nov 10:"), in order: the dateline's
    // head is read from the chrome before it, which the language need not
    // know.
    let mut chrome_ends: Vec<usize> = mentions
        .iter()
        .filter(|m| m.chrome)
        .filter_map(|m| place(m).map(|(_, e)| e))
        .collect();
    chrome_ends.sort_unstable();
    let wire = |m: &Mention| {
        let day = matches!(&m.expr, Expr::Date(d) if d.month.is_some() && d.day.is_some());
        let Some((s, e)) = place(m) else {
            return false;
        };
        let (ps, pe) = (
            starts[m.paragraph],
            starts[m.paragraph] + lines[m.paragraph].len(),
        );
        let k = chrome_ends.partition_point(|&c| c <= s);
        let ps = k
            .checked_sub(1)
            .map(|k| chrome_ends[k])
            .filter(|&c| c >= ps)
            .unwrap_or(ps);
        // Only a date near the paragraph's head is asked.
        day && ps <= s
            && e <= pe
            && s - ps <= 64
            && normalized.is_char_boundary(s)
            && normalized.is_char_boundary(e)
            && {
                let ae = (e + 64).min(pe);
                let ae = (ae..=pe)
                    .find(|&k| normalized.is_char_boundary(k))
                    .unwrap_or(pe);
                language.is_wire_dateline(&normalized[ps..s], &normalized[e..ae])
            }
    };
    mentions.iter().position(|m| {
        let full = matches!(&m.expr, Expr::Date(d) if d.year.is_some() && d.month.is_some() && d.day.is_some());
        m.repaired.is_none()
            && !m.chrome
            && near_edge(m.paragraph)
            && m.paragraph < n
            && ((full
                && *asked[m.paragraph].get_or_insert_with(|| {
                    // A dateline is a short paragraph: a story paragraph
                    // that says «منتشر شده» or "published" is none.
                    let p = lines[m.paragraph];
                    p.split_whitespace().count() <= DATELINE_WORDS && language.is_dateline(p)
                }))
                || wire(m))
    })
}
