//! From a document's resolved dates to events.
//!
//! The unit is the dated statement. For every clause of every view of the
//! text (repaired readings included) the strongest trigger names the event
//! type; the clause's date (or, when it has none and nothing else claims
//! it, the one date of its sentence) is the event's time; actors and places
//! come from the gazetteer, in the clause or else in its sentence. Then
//! every clause that holds a date no event took, and says something of it
//! (two words outside its dates and a verb), is an event of type `other`
//! with its clause as summary: the trigger lexicon decides the type, not
//! whether the event exists. The items of a numbered list («۱- … ۲- …»)
//! are statements of their dates, verb or none, typed by the list's lead;
//! deaths told with the violence that caused them are a second event of
//! their clause (`casualties` beside the `attack`). Dates that make no event: the article's own
//! dateline, page chrome, durations, sets, present and past references
//! with no trigger in their clause (one with a trigger dates it, vaguely:
//! «اخیراً حمله کردند», "recently attacked"; a reference dates no other
//! clause of its sentence, and one to the future, «به زودی», "soon", in a
//! clause that says something dates it as a plan),
//! and a second date of an event's clause (it qualifies the first).
//!
//! A clause with a cue («پس از آن», "as a result") is related to the event
//! told just before it. Undated clauses in the present tense state
//! positions, not events, and are skipped.
//!
//! Every lookup is a binary search over items sorted by start
//! ([`ByStart`]), so a document is read in time linear in its length
//! (times a logarithm).

use std::ops::Range;

use super::gazetteer::{cues, gazetteer, triggers};
use super::{EntityRef, Event, Evidence, Mood, RelationType, TimeFrom};
use crate::lang::expr::{Modality, Tense};
use crate::lang::language;
use crate::lang::language::Clause;
use crate::temporal::DatedDocument;
use crate::temporal::Time;
use crate::temporal::{MentionType, Reference};
use crate::text::Document;
use crate::units::Precision;

/// A relation the text states between two events of one document
/// (indices into the returned events).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextRelation {
    pub from: usize,
    pub to: usize,
    pub kind: RelationType,
}

/// What became of one date of a document in event extraction: the events
/// it dates, or the named rule that made it date none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateFate {
    /// The events it dates: its own clause's, and those that inherit it
    /// (its sentence's, its chronology entry's, those under its heading).
    Events(Vec<String>),
    /// The article's own dateline: it gives the document's `published`.
    Dateline,
    /// Page chrome: a date of the page, not of the story.
    Chrome,
    /// A duration, a count, a set or a clock time with no date.
    NotADate,
    /// A reference to the present or the past («اکنون», "recently") that
    /// no triggered event took: alone, with no trigger in its clause, it
    /// places no statement in time («اکنون وضعیت آرام است»); with one
    /// («اخیراً حمله کردند») it dates that event, vaguely.
    Reference,
    /// A second date of an event's clause: it qualifies that event's date.
    Qualifies(String),
    /// A year alone in parentheses after a name: it tells which one
    /// ("Siege of El Fasher (2024)", "Battle of Mosul (2016–2017)", «جنگ
    /// لبنان (۲۰۰۶)»), as a title's year does. Days in parentheses (an
    /// encyclopedia lead's "(15 December 2023 – 11 January 2025)") still
    /// date the event.
    NamesWhich,
    /// Its clause says nothing of it: fewer than two words besides its
    /// dates, or no verb, and no chronology entry opens with it.
    NoStatement,
}

impl DateFate {
    /// The rule's name, as `extract --explain` prints it.
    pub fn rule(&self) -> &'static str {
        match self {
            DateFate::Events(_) => "event",
            DateFate::Dateline => "dateline",
            DateFate::Chrome => "page-chrome",
            DateFate::NotADate => "duration-or-set",
            DateFate::Reference => "present-or-past-reference",
            DateFate::Qualifies(_) => "qualifies-another-date",
            DateFate::NamesWhich => "year-of-a-name",
            DateFate::NoStatement => "no-statement",
        }
    }
}

/// The events of one document, the relations its text states, and what
/// became of each of its dates (by mention index).
#[derive(Debug, Clone)]
pub struct Explained {
    pub events: Vec<Event>,
    pub relations: Vec<TextRelation>,
    pub fates: Vec<DateFate>,
}

/// Triggers weaker than this need a date or an actor in their clause.
const WEAK: f64 = 0.6;

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Items sorted by where they start, for finding those inside a clause
/// without walking them all: every lookup of the extraction is a binary
/// search plus the items it returns, so a document is read in time linear
/// in its length (times a logarithm), however many clauses it has.
struct ByStart {
    /// `(start, end, index)`, sorted.
    items: Vec<(usize, usize, usize)>,
}

impl ByStart {
    fn new(ranges: impl Iterator<Item = (usize, Range<usize>)>) -> ByStart {
        let mut items: Vec<_> = ranges.map(|(i, r)| (r.start, r.end, i)).collect();
        items.sort_unstable();
        ByStart { items }
    }

    /// Indices of the items that lie inside `r`, in their original order.
    fn inside(&self, r: &Range<usize>) -> Vec<usize> {
        let from = self.items.partition_point(|x| x.0 < r.start);
        let mut v: Vec<usize> = self.items[from..]
            .iter()
            .take_while(|x| x.0 < r.end || (x.0 == r.end && x.1 == r.end))
            .filter(|x| x.1 <= r.end)
            .map(|x| x.2)
            .collect();
        v.sort_unstable();
        v
    }
}

/// The events of one document and the relations its text states.
pub fn extract(doc: &Document, dated: &DatedDocument) -> (Vec<Event>, Vec<TextRelation>) {
    let x = extract_explained(doc, dated);
    (x.events, x.relations)
}

/// A chronology entry or heading: the date that opens it (a mention index)
/// and the view's byte range it covers.
#[derive(Debug, Clone)]
struct Entry {
    mention: usize,
    range: Range<usize>,
}

/// The chronology entries and headings of a view. An entry opens with a
/// date at the start of a line (after spaces, bullets or a list number)
/// followed by a dash, a colon or the end of the line: "MARCH 3, 1995 -
/// …", «۱۸ مهر ۱۳۷۴ –», «۱۳۷۴/۰۷/۱۸:», "July:". An entry with text after
/// its date on the same line is that line; a date alone on its line opens
/// the lines below it, up to the next such date. A date alone on its line
/// that names a year or more («سال ۱۳۶۷», "1994") is a heading instead,
/// over everything below it up to the next heading.
fn entries(
    text: &str,
    dates: &[(usize, Range<usize>)],
    coarse: impl Fn(usize) -> bool,
) -> (Vec<Entry>, Vec<Entry>) {
    let bullet = |c: char| c.is_whitespace() || matches!(c, '-' | '*' | '•' | '·' | '–' | '—');
    // Where lines start, found once: each date looks up its line by binary
    // search, and only a date at the head of its line reads the line on.
    let breaks: Vec<usize> = text
        .bytes()
        .enumerate()
        .filter(|(_, b)| *b == b'\n')
        .map(|(k, _)| k)
        .collect();
    let mut opens: Vec<(usize, Range<usize>, bool)> = Vec::new(); // (mention, range, alone)
    let mut last_line: Option<usize> = None;
    let mut line_ends: Vec<usize> = Vec::new();
    for (i, r) in dates {
        let line = breaks.partition_point(|&b| b < r.start);
        let line_start = if line == 0 { 0 } else { breaks[line - 1] + 1 };
        // A bullet or a list number, at most: «۱. », "- ", "12) ".
        if r.start - line_start > 8 || r.start < line_start {
            continue;
        }
        let before = &text[line_start..r.start];
        let list_number = before
            .trim_matches(|c: char| bullet(c))
            .trim_end_matches(['.', ')'])
            .chars()
            .all(|c| c.is_ascii_digit());
        if !(before.chars().all(bullet) || list_number && before.trim().len() <= 4) {
            continue;
        }
        let line_end = breaks.get(line).copied().unwrap_or(text.len()).max(r.end);
        let after = text[r.end..line_end].trim_start_matches([' ', '\t', '\u{200C}']);
        let sep = after.chars().next();
        let alone_rest = after
            .trim_start_matches(['-', '–', '—', ':', '：'])
            .trim()
            .is_empty();
        if !(sep.is_none() || matches!(sep, Some('-' | '–' | '—' | ':' | '：'))) {
            continue;
        }
        // One line opens one entry.
        if last_line == Some(line) {
            continue;
        }
        last_line = Some(line);
        let range = if alone_rest {
            r.start..text.len()
        } else {
            r.start..line_end
        };
        opens.push((*i, range, alone_rest));
        line_ends.push(line_end);
    }
    // A date alone on its line opens the paragraph below it, up to the
    // next opener; one with nothing below it before the next (a page's
    // date header in two calendars, each on its line) opens nothing.
    //
    // In a list of three or more such dates, an entry runs on over the
    // paragraphs below it up to the next date ("September 21" over two
    // paragraphs of what happened that day), at most MAX_PARAGRAPHS; the
    // last one over as many paragraphs as the longest entry before it.
    const MAX_PARAGRAPHS: usize = 6;
    let listed = opens.iter().filter(|(i, _, a)| *a && !coarse(*i)).count() >= 3;
    let last_alone = opens.iter().rposition(|(i, _, a)| *a && !coarse(*i));
    let mut keep = vec![true; opens.len()];
    let mut longest = 1;
    for k in 0..opens.len() {
        let (i, range, alone) = &opens[k];
        // A heading heads the entries below it, with no text between.
        if !*alone || coarse(*i) {
            continue;
        }
        let next = opens.get(k + 1).map_or(text.len(), |(_, r, _)| r.start);
        let from = line_ends[k].min(next);
        match text[from..next].find(|c: char| !c.is_whitespace()) {
            None => keep[k] = false,
            Some(off) => {
                let from = from + off;
                let last = last_alone == Some(k);
                let most = match (listed, last) {
                    (false, _) => 1,
                    (true, false) => MAX_PARAGRAPHS,
                    (true, true) => longest,
                };
                // The end of the `most`-th paragraph, or the next opener.
                let mut end = from;
                let mut paragraphs = 0;
                while paragraphs < most && end < next {
                    end = text[end..next].find("\n\n").map_or(next, |p| end + p);
                    paragraphs += 1;
                    if end < next {
                        match text[end..next].find(|c: char| !c.is_whitespace()) {
                            Some(o) if paragraphs < most => end += o,
                            _ => break,
                        }
                    }
                }
                if !last && end == next {
                    longest = longest.max(paragraphs);
                }
                opens[k].1 = range.start..end;
            }
        }
    }
    let mut k = 0;
    opens.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    // A chronology is a list: one date alone on a line (a page's date
    // header) or one line opening with a date is no chronology. Entries of
    // one form (text on the date's line, or below it) count only when the
    // view has two of that form.
    let alone_count = opens.iter().filter(|(i, _, a)| *a && !coarse(*i)).count();
    let inline_count = opens.iter().filter(|(_, _, a)| !*a).count();
    opens.retain(|(i, _, a)| {
        if *a && coarse(*i) {
            true
        } else if *a {
            alone_count >= 2
        } else {
            inline_count >= 2
        }
    });
    let mut entries: Vec<Entry> = Vec::new();
    let mut headings: Vec<Entry> = Vec::new();
    for (k, (i, range, alone)) in opens.iter().enumerate() {
        if *alone && coarse(*i) {
            // Up to the next heading.
            let end = opens[k + 1..]
                .iter()
                .find(|(j, _, a)| *a && coarse(*j))
                .map_or(text.len(), |(_, r, _)| r.start);
            headings.push(Entry {
                mention: *i,
                range: range.start..end,
            });
        } else {
            // Up to the next opener of any kind (an inline entry ends at
            // its line's end already).
            let next = opens.get(k + 1).map_or(text.len(), |(_, r, _)| r.start);
            entries.push(Entry {
                mention: *i,
                range: range.start..range.end.min(next),
            });
        }
    }
    // A heading heads entries: one with none below it is a date alone.
    headings.retain(|h| {
        holding(&entries, h.range.start).is_none() && {
            let k = entries.partition_point(|e| e.range.start < h.range.start);
            entries.get(k).is_some_and(|e| e.range.start < h.range.end)
        }
    });
    (entries, headings)
}

/// The entry of `list` (sorted, not overlapping) that holds `at`.
fn holding(list: &[Entry], at: usize) -> Option<&Entry> {
    let k = list.partition_point(|e| e.range.start <= at);
    list[..k].last().filter(|e| at < e.range.end)
}

/// The items of numbered lists written in running text or one per line:
/// «… به شرح زیر است: ۱- شهرستان چرخ …، در تاریخ ۲ فروردین. ۲- …», "1. …
/// 2. …". An item opens with a number (ASCII or Persian digits) and a
/// dash, dot or parenthesis and a space, at the start of the text or a
/// line or after the end of a sentence or a colon; it counts when the
/// next number follows it (a list has two items), and runs to the next
/// item, the last one to its line's or sentence's end. Byte ranges of the
/// view, sorted, in one pass over the text.
fn list_items(text: &str) -> Vec<ListItem> {
    let digit = |c: char| match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{6F0}'..='\u{6F9}' => Some(c as u32 - 0x6F0),
        '\u{660}'..='\u{669}' => Some(c as u32 - 0x660),
        _ => None,
    };
    // (start, number, where its text starts)
    let mut opens: Vec<(usize, u32, usize)> = Vec::new();
    // What came before the current position, ignoring spaces: true at a
    // place where an item may open.
    let mut open_here = true;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if let Some(d) = digit(c) {
            let mut n = d;
            let mut len = 1;
            while let Some(&(_, c2)) = it.peek() {
                let Some(d2) = digit(c2) else { break };
                n = n.saturating_mul(10).saturating_add(d2);
                len += 1;
                it.next();
            }
            let mark = it.next_if(|&(_, c2)| matches!(c2, '-' | '.' | ')' | '–' | '_' | 'ـ'));
            let space = it.peek().is_some_and(|&(_, c2)| c2.is_whitespace());
            if let (true, true, Some((m, c2))) = (open_here && len <= 2, space, mark) {
                opens.push((i, n, m + c2.len_utf8()));
            }
            open_here = false;
            continue;
        }
        if c == '\n' || matches!(c, '.' | '!' | '?' | '؟' | '؛' | ':' | '：') {
            open_here = true;
        } else if !(c.is_whitespace() || c == '\u{200C}') {
            open_here = false;
        }
    }
    let end_of = |from: usize| {
        let rest = &text[from..];
        let line = rest.find('\n').unwrap_or(rest.len());
        let sentence = rest
            .char_indices()
            .find(|&(k, c)| {
                matches!(c, '.' | '!' | '?' | '؟' | '؛')
                    && rest[k + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_none_or(char::is_whitespace)
            })
            .map_or(rest.len(), |(k, c)| k + c.len_utf8());
        from + line.min(sentence)
    };
    let mut items: Vec<ListItem> = Vec::new();
    for k in 0..opens.len() {
        let (at, n, body) = opens[k];
        let next = opens.get(k + 1).filter(|&&(_, m, _)| m == n + 1);
        let prev = k
            .checked_sub(1)
            .map(|j| opens[j])
            .filter(|&(_, m, _)| m + 1 == n);
        if next.is_none() && prev.is_none() {
            continue;
        }
        let end = match next {
            Some(&(b, _, _)) => b,
            None => end_of(body),
        };
        let list = match (prev, items.last()) {
            (Some(_), Some(last)) => last.list,
            _ => at,
        };
        items.push(ListItem {
            range: at..end,
            list,
        });
    }
    items
}

/// An item of a numbered list: its byte range, and where its list starts.
#[derive(Debug, Clone)]
struct ListItem {
    range: Range<usize>,
    list: usize,
}

/// The item of `items` (sorted, not overlapping) that holds `at`.
fn item_at(items: &[ListItem], at: usize) -> Option<&ListItem> {
    let k = items.partition_point(|e| e.range.start <= at);
    items[..k].last().filter(|e| at < e.range.end)
}

/// Where the lead of a list starts: the list's own paragraph, at most the
/// two sentences before it («… به تصرف این گروه درآمده است. فهرست این
/// شهرستانها به شرح زیر است:»).
/// At most [`LEAD_BYTES`] before the list are read, so a list in a long
/// unpunctuated paragraph costs a constant per item.
fn lead_start(text: &str, list: usize) -> usize {
    let mut from = list.saturating_sub(LEAD_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[..list];
    let paragraph = before[from..].rfind("\n\n").map_or(from, |p| from + p + 2);
    let mut ends = 0;
    let mut at = paragraph;
    for (k, c) in before[paragraph..].char_indices().rev() {
        if matches!(c, '.' | '!' | '?' | '؟' | '؛') {
            ends += 1;
            if ends == 3 {
                at = paragraph + k + c.len_utf8();
                break;
            }
        }
    }
    at
}

/// True when the date at `r` of `text` is all a pair of parentheses holds
/// and a word stands before them: "Battle of Mosul (2016–2017)".
fn names_which(text: &str, r: Range<usize>) -> bool {
    let (Some(before), Some(after)) = (text.get(..r.start), text.get(r.end..)) else {
        return false;
    };
    let before = before.trim_end_matches([' ', '\u{200C}']);
    let after = after.trim_start_matches([' ', '\u{200C}']);
    let Some(outside) = before.strip_suffix('(') else {
        return false;
    };
    after.starts_with(')')
        && outside
            .trim_end_matches([' ', '\u{200C}'])
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
}

/// [`extract`], with what became of every date.
pub fn extract_explained(doc: &Document, dated: &DatedDocument) -> Explained {
    let ex = &dated.extraction;
    let norm = &ex.norm;
    let mut events: Vec<Event> = Vec::new();
    let mut rels = Vec::new();
    let gaz = gazetteer();
    let lang = language(dated.info.lang);
    let trig = triggers(lang);
    let cue_table = cues(lang);
    // The dates of each view, in one pass over the mentions.
    let mut view_dates: Vec<Vec<(usize, Range<usize>)>> = vec![Vec::new(); ex.views.len()];
    // What became of each date: set here for those that can date no
    // event, and as events take them.
    let mut fate: Vec<Option<DateFate>> = vec![None; ex.mentions.len()];
    for (i, m) in ex.mentions.iter().enumerate() {
        fate[i] = if m.chrome {
            Some(DateFate::Chrome)
        } else if ex.dateline == Some(i) {
            // The article's own dateline dates the article, not an event.
            Some(DateFate::Dateline)
        } else if !(m.kind == MentionType::Date
            || (m.kind == MentionType::Time && dated.resolved[i].time.interval().is_some()))
        {
            // A clock time on a known day («ساعت ۱۰ صبح روز شنبه», "at 11:15
            // a.m. local time") dates what happened then, as its day would.
            Some(DateFate::NotADate)
        } else if matches!(
            dated.resolved[i].time.precision,
            Precision::Year | Precision::Decade | Precision::Century
        ) && ex
            .views
            .get(m.view)
            .is_some_and(|v| names_which(&v.text, m.view_range.clone()))
        {
            Some(DateFate::NamesWhich)
        } else {
            None
        };
        if fate[i].is_none()
            && let Some(v) = view_dates.get_mut(m.view)
        {
            v.push((i, m.view_range.clone()));
        }
    }
    let mut dates_of: Vec<Vec<String>> = vec![Vec::new(); ex.mentions.len()];
    // A date coarse enough to head a chronology: a year or more.
    let coarse = |i: usize| {
        matches!(
            dated.resolved[i].time.precision,
            Precision::Year | Precision::Decade | Precision::Century
        )
    };
    // How many events each id base has had: a second event of one clause
    // gets a suffix.
    let mut id_bases: std::collections::HashMap<String, usize> = Default::default();
    for (vi, view) in ex.views.iter().enumerate() {
        let seg = lang.segment(&view.text);
        let (toks, cls) = (seg.tokens(), seg.clauses());
        let ents = gaz.find(&view.text);
        let hits = trig.find_all(&view.text);
        let cue_hits = cue_table.find(&view.text);
        // Dates of this view: (mention index, view range).
        let dates = &view_dates[vi];
        let hits_at = ByStart::new(hits.iter().map(|h| h.range.clone()).enumerate());
        let dates_at = ByStart::new(dates.iter().map(|(_, r)| r.clone()).enumerate());
        let ents_at = ByStart::new(ents.iter().map(|e| e.range.clone()).enumerate());
        let cues_at = ByStart::new(cue_hits.iter().map(|q| q.range.clone()).enumerate());
        let (chronology, headings) = entries(&view.text, dates, coarse);
        let items = list_items(&view.text);
        // Each sentence's byte range, and the clause before each clause in
        // its sentence.
        let mut sentence_range: std::collections::HashMap<usize, Range<usize>> = Default::default();
        let mut previous_in_sentence: Vec<Option<usize>> = Vec::with_capacity(cls.len());
        let mut last_of_sentence: std::collections::HashMap<usize, usize> = Default::default();
        for (ci, c) in cls.iter().enumerate() {
            sentence_range
                .entry(c.sentence)
                .and_modify(|r| r.end = c.range.end)
                .or_insert_with(|| c.range.clone());
            previous_in_sentence.push(last_of_sentence.insert(c.sentence, ci));
        }
        let mut claimed = vec![false; ex.mentions.len()];
        // Each clause's mood, read once however many events it holds.
        let mut modality: std::collections::HashMap<usize, Modality> = Default::default();
        // First pass: which clauses hold an event, and their own dates.
        // (clause, trigger hit, own date mention or an entry's date it
        // inherits)
        let mut found: Vec<Found> = Vec::new();
        for (ci, c) in cls.iter().enumerate() {
            let ctoks = &toks[c.toks.clone()];
            // Persian is verb-final: the event noun nearest the clause's
            // verb is its predicate («… در اعتراض به … میانجیگری روسیه …
            // بیانیه مذکور را صادر کرده است» is a statement). Each token
            // between a trigger and the clause end costs a little weight.
            let after = |h: &super::gazetteer::Hit| {
                (ctoks.len() - ctoks.partition_point(|t| t.start < h.range.end)) as f64
            };
            // A trigger inside a prepositional phrase («با میانجیگری روسیه»,
            // «در اعتراض به دیدار …», "with the mediation of") says how or
            // why, not what happened. (Tokens are in order and do not
            // overlap: the last one ending before the trigger is found by
            // its end.)
            let oblique = |h: &super::gazetteer::Hit| {
                let k = ctoks.partition_point(|t| t.end <= h.range.start);
                k > 0 && lang.is_oblique(&view.text[ctoks[k - 1].clone()])
            };
            // The verb-distance cost is for verb-final Persian; in English
            // the predicate stands early, and weight alone decides.
            let verb_final = lang.verb_final();
            let own_dates: Vec<&(usize, Range<usize>)> = dates_at
                .inside(&c.range)
                .into_iter()
                .map(|d| &dates[d])
                .collect();
            // A speech verb beside the clause's date is what the date dates
            // ("Qatar on Sunday confirmed the start of a truce", "said
            // Tuesday that …", «روز جمعه اعلام کرد که …»): the statement was
            // made then; what it tells of has its own date, if any.
            // (The dates are in text order: only the nearest one on each
            // side of the verb is looked at, so a clause of many dates and
            // verbs costs a logarithm per verb.)
            let tok_at = |b: usize| ctoks.partition_point(|t| t.start < b);
            // Where the predicate stands early, a report told before its
            // attribution ("The Taliban have captured the city, a senior
            // official confirmed Friday") dates what it reports: where the
            // first trigger of another kind starts, not counting one inside
            // a relative clause on the speaker ("Qatar, which has played a
            // key role in mediation, on Sunday confirmed …"). Found once
            // per clause.
            let relative_from = ctoks
                .iter()
                .find(|t| lang.is_relative_opener(&view.text[(*t).clone()]))
                .map_or(usize::MAX, |t| t.start);
            let content_from = hits_at
                .inside(&c.range)
                .into_iter()
                .map(|k| &hits[k])
                .filter(|h| {
                    trig.items[h.item].kind != super::EventType::Statement
                        && h.range.start < relative_from
                })
                .map(|h| h.range.start)
                .min();
            let dated_speech = |h: &super::gazetteer::Hit| {
                if trig.items[h.item].kind != super::EventType::Statement
                    || trig.items[h.item].report
                {
                    return false;
                }
                if !verb_final && content_from.is_some_and(|p| p < h.range.start) {
                    return false;
                }
                let k = own_dates.partition_point(|(_, d)| d.start < h.range.start);
                let near = |(_, d): &&(usize, Range<usize>)| {
                    let (a, b) = if h.range.end <= d.start {
                        (h.range.end, d.start)
                    } else if d.end <= h.range.start {
                        (d.end, h.range.start)
                    } else {
                        return false;
                    };
                    tok_at(b) - tok_at(a) <= 2
                };
                k.checked_sub(1)
                    .and_then(|b| own_dates.get(b))
                    .is_some_and(&near)
                    || own_dates.get(k).is_some_and(&near)
            };
            let score = |h: &super::gazetteer::Hit| {
                let distance = if verb_final {
                    (0.02 * after(h)).min(0.2)
                } else {
                    0.0
                };
                // A report («از حمله … خبر داد») is the weakest sign of what
                // happened: the news it names wins.
                trig.items[h.item].weight - distance - if oblique(h) { 0.15 } else { 0.0 }
                    + if dated_speech(h) { 0.5 } else { 0.0 }
                    - if trig.items[h.item].report { 0.15 } else { 0.0 }
            };
            let in_clause: Vec<usize> = hits_at.inside(&c.range);
            let best = in_clause
                .iter()
                .map(|&k| (k, &hits[k]))
                .max_by(|(_, a), (_, b)| {
                    score(a)
                        .total_cmp(&score(b))
                        .then(a.range.len().cmp(&b.range.len()))
                        .then(b.range.start.cmp(&a.range.start))
                });
            let Some((hi, _)) = best else { continue };
            // Where the predicate stands early, a speech verb whose
            // complement tells of another kind of event, with the date
            // after that event's trigger ("officials said Kandahar fell on
            // Thursday night"), dates the event told of, not the telling.
            let hi = if !verb_final
                && trig.items[hits[hi].item].kind == super::EventType::Statement
                && !dated_speech(&hits[hi])
            {
                let speech_end = hits[hi].range.end;
                // The dates are in text order: one after the trigger exists
                // exactly when the last one is.
                let last_date = own_dates.last().map_or(0, |(_, d)| d.start);
                in_clause
                    .iter()
                    .copied()
                    .filter(|&k| {
                        let h = &hits[k];
                        trig.items[h.item].kind != super::EventType::Statement
                            && h.range.start >= speech_end
                            && last_date >= h.range.end
                    })
                    .min_by_key(|&k| hits[k].range.start)
                    .unwrap_or(hi)
            } else {
                hi
            };
            // A report whose news follows it in the next clause of its
            // sentence («المسیره بامداد پنجشنبه گزارش داد که جنگنده‌ها …
            // را هدف قرار دادند», "the agency reported Monday that troops
            // had seized …") is no event of its own: its date, left
            // unclaimed, dates the news.
            if trig.items[hits[hi].item].report
                && cls.get(ci + 1).is_some_and(|n| {
                    n.sentence == c.sentence
                        && hits_at
                            .inside(&n.range)
                            .iter()
                            .any(|&k| trig.items[hits[k].item].kind != super::EventType::Statement)
                })
            {
                continue;
            }
            // «the siege … which began on 24 February», «جنگ ویرانگری را …
            // آغاز کرده است»: fighting that begins is a conflict's start,
            // however weak the verb that says so.
            let hi = if trig.items[hits[hi].item].kind == super::EventType::ArmedClash {
                in_clause
                    .iter()
                    .copied()
                    .find(|&k| trig.items[hits[k].item].kind == super::EventType::ConflictStart)
                    .unwrap_or(hi)
            } else {
                hi
            };
            let kinds: std::collections::BTreeSet<_> = in_clause
                .iter()
                .map(|&k| trig.items[hits[k].item].kind)
                .collect();
            // Dates of one clause that name different times (not «Oct. 10»
            // and «Saturday», the same day twice). Intervals on a line
            // meet pairwise exactly when the latest start is not after the
            // earliest end.
            let distinct = {
                let ivs: Vec<_> = own_dates
                    .iter()
                    .filter_map(|(i, _)| dated.resolved[*i].time.interval())
                    .collect();
                let latest_start = ivs.iter().map(|x| x.start).max();
                let earliest_end = ivs.iter().map(|x| x.end).min();
                matches!((latest_start, earliest_end), (Some(s), Some(e)) if s > e)
            };
            if own_dates.len() >= 2 && kinds.len() >= 2 && distinct {
                // Several dates and several kinds of event in one clause
                // («the fighting began on Sept. 27, the worst since a war
                // that ended with a ceasefire in May 1994»): each date goes
                // with the trigger nearest to it.
                let gap = |a: &Range<usize>, b: &Range<usize>| {
                    if a.end <= b.start {
                        b.start - a.end
                    } else {
                        a.start.saturating_sub(b.end)
                    }
                };
                // (The nearest one no other date took: «آتش‌بس روز بعد از
                // ساعت ۱۳ … با میانجی‌گری …» gives the truce its day and the
                // mediation its hour.)
                let mut used = std::collections::HashSet::new();
                for (di, dr) in own_dates {
                    let Some(&k) = in_clause
                        .iter()
                        .filter(|k| !used.contains(*k))
                        .min_by_key(|&&k| (gap(&hits[k].range, dr), hits[k].range.start))
                    else {
                        continue;
                    };
                    used.insert(k);
                    claimed[*di] = true;
                    found.push((ci, Some(k), Some((*di, TimeFrom::Own))));
                }
                continue;
            }
            // A date that places the event wins over a reference beside it
            // ("had previously served as a refuge … after fighting broke
            // out there on 15 April 2023").
            // Then the present over the past ("which has previously warned
            // residents, is currently deploying troops").
            let rank = |i: usize| match dated.resolved[i].time.reference() {
                None => 0,
                Some(Reference::Present) => 1,
                Some(_) => 2,
            };
            let own = own_dates
                .iter()
                .min_by_key(|(i, _)| rank(*i))
                .map(|(i, _)| *i);
            if let Some(i) = own {
                claimed[i] = true;
            }
            found.push((ci, Some(hi), own.map(|i| (i, TimeFrom::Own))));
            // Deaths told with the violence that caused them («انفجار …
            // دست‌کم ۱۰ نفر را کشت», "a strike that killed 11") are two
            // things that happened: the violence and its toll, one event
            // each, on the clause's date.
            let violent = |k: super::EventType| {
                matches!(k, super::EventType::Attack | super::EventType::ArmedClash)
            };
            let best_kind = trig.items[hits[hi].item].kind;
            let toll = best_kind != super::EventType::Casualties && violent(best_kind);
            let cause = best_kind == super::EventType::Casualties;
            // (Not in a clause that denies or supposes: «گزارشی از تلفات
            // این حمله منتشر نشده است» tells of neither.)
            if (toll || cause)
                && own.is_some()
                && *modality.entry(ci).or_insert_with(|| seg.modality(c)) == Modality::Plain
            {
                let want = |k: super::EventType| {
                    if toll {
                        k == super::EventType::Casualties
                    } else {
                        violent(k)
                    }
                };
                if let Some(&k) = in_clause
                    .iter()
                    .filter(|&&k| want(trig.items[hits[k].item].kind) && !oblique(&hits[k]))
                    .max_by(|&&a, &&b| score(&hits[a]).total_cmp(&score(&hits[b])))
                {
                    found.push((ci, Some(k), own.map(|i| (i, TimeFrom::Own))));
                }
            }
            // The fighting and the ground it took («حمله کردند و شهر را
            // تصرف کردند», "attack the residence and seize the palace")
            // are two things that happened on the clause's date (not a
            // purpose: "the battle to recapture Mosul").
            let land = |k: super::EventType| k == super::EventType::TerritorialChange;
            if (violent(best_kind) || land(best_kind))
                && own.is_some()
                && *modality.entry(ci).or_insert_with(|| seg.modality(c)) == Modality::Plain
                && let Some(&k) = in_clause
                    .iter()
                    .filter(|&&k| {
                        let kind = trig.items[hits[k].item].kind;
                        trig.items[hits[k].item].weight >= 0.8
                            && !oblique(&hits[k])
                            && if land(best_kind) {
                                violent(kind)
                            } else {
                                land(kind)
                            }
                    })
                    .max_by(|&&a, &&b| score(&hits[a]).total_cmp(&score(&hits[b])))
            {
                found.push((ci, Some(k), own.map(|i| (i, TimeFrom::Own))));
            }
        }
        // Second pass: the events of the clauses found, then (once every
        // triggered clause has taken its date, its own or its sentence's)
        // one event of type `other` for every clause that holds a date
        // nobody took: the unit is the dated statement, and the trigger
        // lexicon decides only the type.
        let event_clauses: std::collections::HashSet<usize> =
            found.iter().map(|(ci, _, _)| *ci).collect();
        let mut queue = found;
        for pass in 0..2 {
            if pass == 1 {
                queue = untriggered(
                    cls,
                    dates,
                    &dates_at,
                    &event_clauses,
                    Layout {
                        chronology: &chronology,
                        items: &items,
                    },
                    // A reference to the future («به زودی», "soon") in a
                    // clause that says something is a plan and dates it;
                    // one to the present or the past places nothing.
                    |i| {
                        !claimed[i]
                            && !matches!(
                                dated.resolved[i].time.reference(),
                                Some(Reference::Present | Reference::Past)
                            )
                    },
                    |c| {
                        // Words of the clause outside its dates: a month name
                        // is no verb, and one word («گزارش», "Report") says
                        // nothing of its date. A list item's words are all
                        // its clauses' ("1. Geneva, 3 May 2021").
                        // (Tokens and dates are both in order: one walk.)
                        // An item needs one word: its lead says the rest.
                        let item = item_at(&items, c.range.start);
                        let need = if item.is_some() { 1 } else { 2 };
                        let r = item.map_or(c.range.clone(), |e| e.range.clone());
                        let inside = dates_at.inside(&r);
                        let from = toks.partition_point(|t| t.start < r.start);
                        let to = toks.partition_point(|t| t.start < r.end);
                        let mut d = 0;
                        let mut words = 0;
                        for t in &toks[from..to] {
                            while d < inside.len() && dates[inside[d]].1.end < t.end {
                                d += 1;
                            }
                            let in_date = d < inside.len() && dates[inside[d]].1.start <= t.start;
                            if !in_date && view.text[t.clone()].chars().any(char::is_alphabetic) {
                                words += 1;
                                if words >= need {
                                    break;
                                }
                            }
                        }
                        (words >= need, seg.tense(c) != Tense::Unknown)
                    },
                );
            }
            for (ci, hi, own) in std::mem::take(&mut queue) {
                let c: &Clause = &cls[ci];
                // An untriggered event in a numbered list is its item: the
                // item says what happened, its date clause only when.
                let item = hi
                    .is_none()
                    .then(|| item_at(&items, c.range.start))
                    .flatten();
                let span =
                    item.map_or(c.range.clone(), |e| trim_range(&view.text, e.range.clone()));
                let h = hi.map(|hi| &hits[hi]);
                let t = h.map(|h| &trig.items[h.item]);
                // An untriggered list item is of the kind its lead tells
                // («… به تصرف طالبان درآمده است. فهرست …: ۱- …»): the last
                // trigger of the lead, when a firm one.
                let lead = item.and_then(|e| {
                    let lead = lead_start(&view.text, e.list)..e.list;
                    hits_at
                        .inside(&lead)
                        .into_iter()
                        .map(|k| &trig.items[hits[k].item])
                        .rfind(|t| t.weight >= FIRM)
                        .map(|t| t.kind)
                });
                let (kind, weight) = t.map_or(
                    (lead.unwrap_or(super::EventType::Other), UNTRIGGERED),
                    |t| (t.kind, t.weight),
                );
                let cue = cues_at
                    .inside(&c.range)
                    .into_iter()
                    .map(|q| &cue_hits[q])
                    .find(|q| h.is_none_or(|h| q.range.start < h.range.end));
                // A clause with no date of its own may take the one unclaimed
                // date of its sentence, else the date that opens its
                // chronology entry, else a heading's, unless a cue places it
                // by relation.
                let dated_by = own.or_else(|| {
                    if cue.is_some() {
                        return None;
                    }
                    let sentence = sentence_range
                        .get(&c.sentence)
                        .cloned()
                        .unwrap_or(c.range.clone());
                    let inside = dates_at.inside(&sentence);
                    // (A reference to the present or the past, «امروزه»,
                    // «حالا», "so far", places no statement of its own, and
                    // none of its sentence either: «او افزود» before «حالا
                    // …» is not dated by it.)
                    let mut cands = inside.iter().map(|&d| &dates[d]).filter(|(i, _)| {
                        !claimed[*i] && dated.resolved[*i].time.reference().is_none()
                    });
                    let entry = holding(&chronology, c.range.start);
                    match (cands.next(), cands.next()) {
                        // The date that opens the clause's entry, met in its
                        // sentence («۲۰ مهر ۱۳۷۴:\nمذاکرات … آغاز شد»), is
                        // the entry's.
                        (Some((i, _)), None) if entry.is_some_and(|e| e.mention == *i) => {
                            return Some((*i, TimeFrom::Entry));
                        }
                        (Some((i, _)), None) => return Some((*i, TimeFrom::Sentence)),
                        (Some(_), Some(_)) => return None,
                        _ => {}
                    }
                    entry.map(|e| (e.mention, TimeFrom::Entry)).or_else(|| {
                        holding(&headings, c.range.start).map(|e| (e.mention, TimeFrom::Heading))
                    })
                });
                let date = dated_by.map(|(i, _)| i);
                if let Some(i) = date {
                    claimed[i] = true;
                }
                let tense = seg.tense(c);
                // Actors and places left out of a clause are those of the clause
                // before it in the same sentence («مناقشه میان آذربایجان و
                // ارمنستان … آغاز و … به درگیری‌ها تبدیل شد»).
                let previous_clause =
                    previous_in_sentence[ci].map_or(c.range.clone(), |o| cls[o].range.clone());
                let entity = |r: &Range<usize>, actor: bool| -> Vec<EntityRef> {
                    let mut v: Vec<EntityRef> = Vec::new();
                    for e in ents_at.inside(r).into_iter().map(|e| &ents[e]) {
                        let item = &gaz.items[e.item];
                        if item.kind.is_actor() != actor || v.iter().any(|x| x.id == item.id) {
                            continue;
                        }
                        v.push(EntityRef {
                            id: item.id.clone(),
                            name: view.original_text(&doc.text, &ex.chars, norm, e.range.clone()),
                            span: view.original_span(norm, e.range.clone()).into(),
                        });
                    }
                    v
                };
                let mut actors = entity(&span, true);
                if actors.is_empty() {
                    actors = entity(&previous_clause, true);
                }
                let mut places = entity(&span, false);
                if places.is_empty() {
                    places = entity(&previous_clause, false);
                }
                if weight < WEAK && date.is_none() && actors.is_empty() {
                    continue;
                }
                // Undated clauses in the present tense state positions; undated
                // verbless clauses that name nobody are headlines.
                if date.is_none()
                    && (tense == Tense::Present || (tense == Tense::Unknown && actors.is_empty()))
                {
                    continue;
                }
                let [start, end] = view.original_span(norm, span.clone());
                let quote = ex.chars.slice(&doc.text, start, end).to_string();
                let summary = view.original_text(&doc.text, &ex.chars, norm, span.clone());
                let time: Option<Box<Time>> =
                    date.map(|i| Box::new(dated.resolved[i].time.clone()));
                let confidence = round2(weight * if time.is_some() { 1.0 } else { 0.85 });
                if let Some(q) = cue
                    && let Some(prev) = events.len().checked_sub(1)
                {
                    rels.push(TextRelation {
                        from: events.len(),
                        to: prev,
                        kind: cue_table.items[q.item],
                    });
                }
                // Ids: the document and where the clause starts; a second event
                // of one clause gets a suffix.
                let base_id = format!("{}@{}", doc.id, start);
                let same = {
                    let n = id_bases.entry(base_id.clone()).or_insert(0);
                    *n += 1;
                    *n - 1
                };
                let id = if same == 0 {
                    base_id
                } else {
                    format!("{base_id}.{same}")
                };
                if let Some(i) = date {
                    dates_of[i].push(id.clone());
                }
                // The clause's other dates qualify the event's.
                if date.is_some() {
                    for d in dates_at.inside(&c.range) {
                        let j = dates[d].0;
                        if Some(j) != date && !claimed[j] && fate[j].is_none() {
                            fate[j] = Some(DateFate::Qualifies(id.clone()));
                        }
                    }
                }
                events.push(Event {
                    id,
                    kind,
                    summary,
                    time,
                    time_from: dated_by.map(|(_, f)| f),
                    // The clause's own words deny it or make it a condition
                    // (read by the language, `Segments::modality`); else a
                    // plan is told in the future tense: that of the clause
                    // of the event's date (read by the language's own rules,
                    // as for resolving it), else that of the event's clause.
                    mood: match *modality.entry(ci).or_insert_with(|| seg.modality(c)) {
                        Modality::Negated => Mood::Negated,
                        Modality::Hypothetical => Mood::Hypothetical,
                        Modality::Plain
                            if date
                                .map(|i| dated.resolved[i].tense)
                                .filter(|t| *t != Tense::Unknown)
                                .unwrap_or(tense)
                                == Tense::Future =>
                        {
                            Mood::Planned
                        }
                        Modality::Plain => Mood::Asserted,
                    },
                    actors,
                    places,
                    evidence: vec![Evidence {
                        document: doc.id.clone(),
                        start,
                        end,
                        quote,
                    }],
                    confidence,
                });
            }
        }
    }
    let fates = fate
        .into_iter()
        .zip(dates_of)
        .enumerate()
        .map(|(i, (f, ids))| {
            if !ids.is_empty() {
                DateFate::Events(ids)
            } else if let Some(f) = f {
                f
            } else if dated.resolved[i].time.reference().is_some() {
                DateFate::Reference
            } else {
                DateFate::NoStatement
            }
        })
        .collect();
    Explained {
        events,
        relations: rels,
        fates,
    }
}

/// `r` without the spaces and the closing full stop at its ends.
fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let t = &text[r.clone()];
    let left = t.len() - t.trim_start().len();
    let t = t
        .trim_start()
        .trim_end()
        .trim_end_matches(['.', '؛', ';'])
        .trim_end();
    r.start + left..r.start + left + t.len()
}

/// A clause that holds an event: its index, its trigger hit (none for an
/// untriggered event), and its own date or the one it inherits.
type Found = (usize, Option<usize>, Option<(usize, TimeFrom)>);

/// The confidence of an event that no trigger word typed (`other`).
const UNTRIGGERED: f64 = 0.5;

/// How far before a list its lead is looked for (two sentences, at most).
const LEAD_BYTES: usize = 1024;

/// A trigger this reliable in a list's lead types the list's items.
const FIRM: f64 = 0.7;

/// Clauses that hold a date no event took, that are no event's clause
/// already (a second date of an event's clause qualifies it) and that say
/// something (`has_predicate`: a verb the language reads a tense from; a
/// date alone, a heading or a site's date line says nothing): one
/// untriggered event each, dated by the clause's first such date.
///
/// Inside a chronology entry every clause of two words is a statement of
/// the entry's date, verb or none (chronologies write "Talks in Geneva",
/// "Police arrest dozens"): an untriggered event each, dated by the
/// entry. (`free`: a date no event took that can date one, not a present
/// reference; `says`: two words outside the clause's dates, and a verb.)
/// The structure of a view around its clauses: chronology entries and
/// numbered list items.
#[derive(Clone, Copy)]
struct Layout<'a> {
    chronology: &'a [Entry],
    items: &'a [ListItem],
}

fn untriggered(
    cls: &[Clause],
    dates: &[(usize, Range<usize>)],
    dates_at: &ByStart,
    event_clauses: &std::collections::HashSet<usize>,
    layout: Layout,
    free: impl Fn(usize) -> bool,
    says: impl Fn(&Clause) -> (bool, bool),
) -> Vec<Found> {
    cls.iter()
        .enumerate()
        .filter(|(ci, _)| !event_clauses.contains(ci))
        .filter_map(|(ci, c)| {
            let (words, verb) = says(c);
            if !words {
                return None;
            }
            let entry = holding(layout.chronology, c.range.start);
            let first = dates_at
                .inside(&c.range)
                .into_iter()
                .map(|d| dates[d].0)
                .find(|&i| free(i));
            if let Some(first) = first {
                // An item of a numbered list states its date, verb or none
                // («۱- شهرستان چرخ در استان لوگر، در تاریخ ۲ فروردین»).
                if !verb
                    && entry.is_none_or(|e| e.mention != first)
                    && item_at(layout.items, c.range.start).is_none()
                {
                    return None;
                }
                return Some((ci, None, Some((first, TimeFrom::Own))));
            }
            let e = entry?;
            Some((ci, None, Some((e.mention, TimeFrom::Entry))))
        })
        .collect()
}
