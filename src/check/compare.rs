//! Matching an event with reference entries, and the verdict.
//!
//! **Candidates.** An entry is a candidate for an event when
//! * its type is the event's type, or a compatible one
//!   ([`type_affinity`]: `ceasefire`~`agreement`, `negotiation`~`meeting` …);
//! * it shares at least one actor or place id with the event;
//! * its interval is within [`super::Options::window_days`] of the event's
//!   (0 when they overlap).
//!
//! **Score.** 3 for the same type (1.5 for a compatible one), plus 1 per
//! shared id, minus `0.9 × gap / window`: time is only a tiebreak between
//! entries that type and entities rank alike, so a wrongly dated event
//! still finds the entry it is about.
//!
//! **Verdict.** The best candidate (ties: the smaller gap, then file
//! order) decides. If the intervals overlap, the event `agrees`. If they
//! are disjoint, the event `contradicts` when the match is *strong* (same
//! type and two shared ids, or a compatible type and three); a weak match
//! is not enough to call a date wrong, so the best overlapping candidate
//! (if any) gives `agrees`, and otherwise the event is `not-in-reference`.
//!
//! **Dates compared.** The event's interval as resolved; an open `since`
//! or `until` interval compares by its anchored side («از سال ۱۹۹۲» →
//! 1992); other open sides (`before`, `after`) stay open.

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use super::reference::{Entry, Reference, last_of_month};
use super::{AlternativeFinding, Options, entity_ids};
use crate::calendar::{Interval, Precision};
use crate::event::{Event, EventType};
use crate::lang::expr::Modifier;
use crate::temporal::Time;

/// The verdict on an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The intervals are compatible (they overlap), whatever the precision.
    Agrees,
    /// The intervals are disjoint.
    Contradicts,
    /// No entry matches well enough: the reference says nothing about it.
    NotInReference,
}

impl Verdict {
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Agrees => "agrees",
            Verdict::Contradicts => "contradicts",
            Verdict::NotInReference => "not-in-reference",
        }
    }
}

/// How precise the event's date is compared with the entry's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PrecisionCmp {
    Same,
    MorePrecise,
    LessPrecise,
}

impl PrecisionCmp {
    pub fn id(self) -> &'static str {
        match self {
            PrecisionCmp::Same => "same",
            PrecisionCmp::MorePrecise => "more-precise",
            PrecisionCmp::LessPrecise => "less-precise",
        }
    }
}

/// The outcome of matching one dated event.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub verdict: Verdict,
    pub precision: Option<PrecisionCmp>,
    pub entry: Option<Entry>,
    pub difference_days: Option<i64>,
    pub score: Option<f64>,
    pub message: String,
    pub alternative: Option<AlternativeFinding>,
}

/// Interval bounds with open sides (`None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

impl Span {
    fn closed(iv: Interval) -> Span {
        Span {
            start: Some(iv.start),
            end: Some(iv.end),
        }
    }

    /// Days between the spans: 0 when they overlap, else from the end of
    /// the earlier to the start of the later.
    pub fn gap(&self, o: &Span) -> Option<i64> {
        if let (Some(e), Some(s)) = (self.end, o.start)
            && e < s
        {
            return Some((s - e).num_days());
        }
        if let (Some(e), Some(s)) = (o.end, self.start)
            && e < s
        {
            return Some((s - e).num_days());
        }
        Some(0)
    }

    /// Whether every day of `self` is after every day of `o`.
    pub fn surely_after(&self, o: &Span) -> bool {
        matches!((self.start, o.end), (Some(s), Some(e)) if s > e)
    }

    fn len_days(&self) -> Option<i64> {
        Some((self.end? - self.start?).num_days() + 1)
    }

    fn is_open(&self) -> bool {
        self.start.is_none() || self.end.is_none()
    }
}

/// How well two types describe one occurrence: 2 the same, 1 compatible,
/// 0 not.
pub fn type_affinity(a: EventType, b: EventType) -> u8 {
    use EventType::*;
    if a == b {
        return 2;
    }
    let pair = |x, y| (a == x && b == y) || (a == y && b == x);
    let compatible = pair(Ceasefire, Agreement)
        || pair(Negotiation, Meeting)
        || pair(Negotiation, Mediation)
        || pair(Meeting, Mediation)
        || pair(ArmedClash, Attack)
        || pair(ArmedClash, ConflictStart)
        || pair(Statement, Declaration)
        || pair(TerritorialChange, Withdrawal);
    u8::from(compatible)
}

/// The closed interval an event's date stands for in comparisons, with
/// its precision: the resolved interval, or for an open `since`/`until`
/// the anchor's interval. `None` when the date has no closed reading.
pub fn anchored(time: &Time) -> Option<(Interval, Precision)> {
    let s = span_of(time)?;
    Some((Interval::new(s.start?, s.end?), time.precision))
}

/// The span an event's date is compared by (see [`anchored`]); open sides
/// stay open except for `since`/`until`. `None` when the date has no
/// bound at all.
pub fn span_of(time: &Time) -> Option<Span> {
    match time.modifier {
        Some(Modifier::Since) if time.start.is_some() => {
            let start = time.start?;
            let anchor = time
                .value
                .as_deref()
                .and_then(parse_value)
                .filter(|iv| iv.start == start)
                .unwrap_or_else(|| Interval::new(start, period_end(start, time.precision)));
            Some(Span::closed(anchor))
        }
        Some(Modifier::Until) if time.end.is_some() => {
            let end = time.end?;
            let anchor = time
                .value
                .as_deref()
                .and_then(parse_value)
                .filter(|iv| iv.end == end)
                .unwrap_or_else(|| Interval::new(period_start(end, time.precision), end));
            Some(Span::closed(anchor))
        }
        _ if time.start.is_none() && time.end.is_none() => None,
        _ => Some(Span {
            start: time.start,
            end: time.end,
        }),
    }
}

fn period_end(start: NaiveDate, p: Precision) -> NaiveDate {
    match p {
        Precision::Day | Precision::Unknown => start,
        Precision::Week => start + chrono::Days::new(6),
        Precision::Month => last_of_month(start),
        Precision::Quarter => start
            .checked_add_months(chrono::Months::new(3))
            .and_then(|d| d.pred_opt())
            .unwrap_or(start),
        Precision::Season => start + chrono::Days::new(92),
        Precision::Year => NaiveDate::from_ymd_opt(start.year(), 12, 31).unwrap_or(start),
        Precision::Decade => {
            NaiveDate::from_ymd_opt(start.year() - start.year().rem_euclid(10) + 9, 12, 31)
                .unwrap_or(start)
        }
        Precision::Century => {
            NaiveDate::from_ymd_opt(start.year() - start.year().rem_euclid(100) + 99, 12, 31)
                .unwrap_or(start)
        }
    }
}

fn period_start(end: NaiveDate, p: Precision) -> NaiveDate {
    match p {
        Precision::Day | Precision::Unknown => end,
        Precision::Week => end - chrono::Days::new(6),
        Precision::Month => end.with_day(1).unwrap_or(end),
        Precision::Quarter => end
            .succ_opt()
            .and_then(|d| d.checked_sub_months(chrono::Months::new(3)))
            .unwrap_or(end),
        Precision::Season => end - chrono::Days::new(92),
        Precision::Year => NaiveDate::from_ymd_opt(end.year(), 1, 1).unwrap_or(end),
        Precision::Decade => {
            NaiveDate::from_ymd_opt(end.year() - end.year().rem_euclid(10), 1, 1).unwrap_or(end)
        }
        Precision::Century => {
            NaiveDate::from_ymd_opt(end.year() - end.year().rem_euclid(100), 1, 1).unwrap_or(end)
        }
    }
}

/// A TIMEX3 value with only digits: `1992`, `1994-05`, `2020-10-31`,
/// `1992/1994`, `2020-10-22/2020-11-20`.
fn parse_value(v: &str) -> Option<Interval> {
    let one = |s: &str| -> Option<Interval> {
        let parts: Vec<&str> = s.split('-').collect();
        let n = |p: &str| -> Option<u32> {
            (!p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        };
        let y = n(parts.first()?)? as i32;
        match parts.len() {
            1 => Some(Interval::new(
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            )),
            2 => {
                let s = NaiveDate::from_ymd_opt(y, n(parts[1])?, 1)?;
                Some(Interval::new(s, last_of_month(s)))
            }
            3 => Some(Interval::day(NaiveDate::from_ymd_opt(
                y,
                n(parts[1])?,
                n(parts[2])?,
            )?)),
            _ => None,
        }
    };
    match v.split_once('/') {
        Some((a, b)) => {
            let (a, b) = (one(a)?, one(b)?);
            Some(Interval::new(a.start.min(b.start), a.end.max(b.end)))
        }
        None => one(v),
    }
}

/// Compares the event's date precision with the entry's: by precision
/// level first; at the same level, an interval at most two thirds as long
/// is more precise (`8 May 1992` against `8–9 May 1992`).
fn compare_precision(span: &Span, precision: Precision, entry: &Entry) -> PrecisionCmp {
    if span.is_open() || precision == Precision::Unknown {
        return PrecisionCmp::LessPrecise;
    }
    match precision.cmp(&entry.precision) {
        std::cmp::Ordering::Less => PrecisionCmp::MorePrecise,
        std::cmp::Ordering::Greater => PrecisionCmp::LessPrecise,
        std::cmp::Ordering::Equal => {
            let a = span.len_days().unwrap_or(i64::MAX) as f64;
            let b = entry.interval.len_days() as f64;
            if a * 1.5 <= b {
                PrecisionCmp::MorePrecise
            } else if b * 1.5 <= a {
                PrecisionCmp::LessPrecise
            } else {
                PrecisionCmp::Same
            }
        }
    }
}

struct Candidate<'a> {
    entry: &'a Entry,
    index: usize,
    gap: i64,
    score: f64,
    strong: bool,
}

fn show(span: &Span) -> String {
    let iso = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    match (span.start, span.end) {
        (Some(a), Some(b)) if a == b => iso(a),
        (Some(a), Some(b)) => format!("{} – {}", iso(a), iso(b)),
        (Some(a), None) => format!("from {}", iso(a)),
        (None, Some(b)) => format!("until {}", iso(b)),
        (None, None) => "undated".into(),
    }
}

/// Matches a dated event with the reference. `None` when the event has no
/// date to compare (the caller lists it as unchecked).
///
/// An event that names no actor or place of its own («آتش‌بس میان طرفین
/// مناقشه برقرار شد») is matched by its document's actors and places
/// (`topic`); such a match can agree but never contradict, since nothing in
/// the event itself says which entry it is.
pub fn match_event(
    ev: &Event,
    reference: &Reference,
    opts: &Options,
    topic: &[&str],
) -> Option<Match> {
    match_event_in(ev, reference, &EntryIndex::new(reference), opts, topic)
}

/// One id's entries: `(start, index)` sorted, and the longest entry in days.
type Starts = (Vec<(NaiveDate, usize)>, i64);

/// A reference's entries by actor or place, each list ordered by start:
/// an event meets only the entries that share one of its ids and lie
/// within the window, so checking a timeline is not events × entries.
pub struct EntryIndex<'r> {
    /// Per id: `(start, index)` sorted, and the longest entry in days.
    by_id: HashMap<&'r str, Starts>,
}

impl<'r> EntryIndex<'r> {
    pub fn new(reference: &'r Reference) -> EntryIndex<'r> {
        let mut by_id: HashMap<&str, Starts> = HashMap::new();
        for (i, e) in reference.entries.iter().enumerate() {
            let len = (e.interval.end - e.interval.start).num_days();
            let mut seen: Vec<&str> = Vec::new();
            for id in e.actors.iter().chain(&e.places) {
                if seen.contains(&id.as_str()) {
                    continue;
                }
                seen.push(id);
                let slot = by_id.entry(id).or_default();
                slot.0.push((e.interval.start, i));
                slot.1 = slot.1.max(len);
            }
        }
        for (v, _) in by_id.values_mut() {
            v.sort_unstable();
        }
        EntryIndex { by_id }
    }

    /// Indices, in file order, of the entries that share one of `ids` and
    /// may lie within `window` days of `span` (a superset: the caller
    /// measures the gap).
    fn near(&self, ids: &[&str], span: &Span, window: i64) -> Vec<usize> {
        let mut out = Vec::new();
        for id in ids {
            let Some((v, longest)) = self.by_id.get(id) else {
                continue;
            };
            let days = chrono::Duration::days(window.saturating_add(*longest).min(3_000_000));
            let lo = span
                .start
                .and_then(|d| d.checked_sub_signed(days))
                .unwrap_or(NaiveDate::MIN);
            let hi = span
                .end
                .and_then(|d| d.checked_add_signed(chrono::Duration::days(window.min(3_000_000))))
                .unwrap_or(NaiveDate::MAX);
            let from = v.partition_point(|x| x.0 < lo);
            out.extend(v[from..].iter().take_while(|x| x.0 <= hi).map(|x| x.1));
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// [`match_event`] with the reference's [`EntryIndex`] built once.
pub fn match_event_in(
    ev: &Event,
    reference: &Reference,
    index: &EntryIndex,
    opts: &Options,
    topic: &[&str],
) -> Option<Match> {
    let time = ev.time.as_ref()?;
    let span = span_of(time)?;
    let own: Vec<&str> = entity_ids(ev).collect();
    let by_topic = own.is_empty();
    let ids: Vec<&str> = if by_topic { topic.to_vec() } else { own };
    let mut candidates: Vec<Candidate> = index
        .near(&ids, &span, opts.window_days)
        .into_iter()
        .map(|index| (index, &reference.entries[index]))
        .filter_map(|(index, entry)| {
            let affinity = type_affinity(ev.kind, entry.kind);
            if affinity == 0 {
                return None;
            }
            let shared = entry
                .actors
                .iter()
                .chain(entry.places.iter())
                .filter(|id| ids.contains(&id.as_str()))
                .count();
            if shared == 0 {
                return None;
            }
            let gap = span.gap(&Span::closed(entry.interval))?;
            if gap > opts.window_days {
                return None;
            }
            let window = opts.window_days.max(1) as f64;
            let type_score = if affinity == 2 { 3.0 } else { 1.5 };
            let score = type_score + shared as f64 - 0.9 * gap as f64 / window;
            let strong =
                !by_topic && ((affinity == 2 && shared >= 2) || (affinity == 1 && shared >= 3));
            Some(Candidate {
                entry,
                index,
                gap,
                score,
                strong,
            })
        })
        .collect();
    candidates.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.gap.cmp(&b.gap))
            .then(a.index.cmp(&b.index))
    });
    let date = format!("«{}» ({})", time.text, show(&span));
    let chosen = match candidates.first() {
        Some(best) if best.gap == 0 || best.strong => Some(best),
        Some(_) => candidates.iter().find(|c| c.gap == 0),
        None => None,
    };
    let Some(c) = chosen else {
        let message = if candidates.is_empty() {
            format!(
                "no {} entry of {} shares an actor or place with this event within {} days of {date}",
                ev.kind.id(),
                reference.id,
                opts.window_days
            )
        } else {
            format!(
                "the nearest {} entry of {} ({}) shares too little with this event to judge {date}",
                ev.kind.id(),
                reference.id,
                candidates[0].entry.id
            )
        };
        return Some(Match {
            verdict: Verdict::NotInReference,
            precision: None,
            entry: None,
            difference_days: None,
            score: None,
            message,
            alternative: None,
        });
    };
    let entry = c.entry;
    let verdict = if c.gap == 0 {
        Verdict::Agrees
    } else {
        Verdict::Contradicts
    };
    let precision = compare_precision(&span, time.precision, entry);
    let entry_span = Span::closed(entry.interval);
    let message = match verdict {
        Verdict::Agrees => format!(
            "{date} agrees with {} ({}), {}",
            entry.id,
            show(&entry_span),
            match precision {
                PrecisionCmp::Same => "as precise",
                PrecisionCmp::MorePrecise => "more precise",
                PrecisionCmp::LessPrecise => "less precise",
            }
        ),
        _ => format!(
            "{date} is {} days {} {} ({})",
            c.gap,
            if span.surely_after(&entry_span) {
                "after"
            } else {
                "before"
            },
            entry.id,
            show(&entry_span)
        ),
    };
    let alternative = time.alternative.as_ref().and_then(|alt| {
        let a = Span {
            start: alt.start,
            end: alt.end,
        };
        let gap = a.gap(&entry_span)?;
        (a.start.is_some() || a.end.is_some()).then(|| AlternativeFinding {
            text: alt.text.clone(),
            start: alt.start,
            end: alt.end,
            verdict: if gap == 0 {
                Verdict::Agrees
            } else {
                Verdict::Contradicts
            },
            difference_days: Some(gap),
        })
    });
    Some(Match {
        verdict,
        precision: Some(precision),
        entry: Some(entry.clone()),
        difference_days: Some(c.gap),
        score: Some((c.score * 1000.0).round() / 1000.0),
        message,
        alternative,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn values() {
        assert_eq!(
            parse_value("1992"),
            Some(Interval::new(d("1992-01-01"), d("1992-12-31")))
        );
        assert_eq!(
            parse_value("1992/1994"),
            Some(Interval::new(d("1992-01-01"), d("1994-12-31")))
        );
        assert_eq!(
            parse_value("2020-10-22/2020-11-20"),
            Some(Interval::new(d("2020-10-22"), d("2020-11-20")))
        );
        assert_eq!(parse_value("XXXX-WXX-6"), None);
        assert_eq!(parse_value("PRESENT_REF"), None);
    }

    #[test]
    fn gaps() {
        let a = Span::closed(Interval::day(d("1994-03-12")));
        let b = Span::closed(Interval::day(d("1994-05-12")));
        assert_eq!(a.gap(&b), Some(61));
        assert_eq!(b.gap(&a), Some(61));
        let open = Span {
            start: None,
            end: Some(d("1994-01-01")),
        };
        assert_eq!(open.gap(&b), Some(131));
        assert_eq!(open.gap(&open), Some(0));
    }

    #[test]
    fn affinity_is_symmetric() {
        for a in EventType::ALL {
            for b in EventType::ALL {
                assert_eq!(type_affinity(a, b), type_affinity(b, a));
            }
        }
        assert_eq!(type_affinity(EventType::Ceasefire, EventType::Agreement), 1);
        assert_eq!(type_affinity(EventType::Ceasefire, EventType::Attack), 0);
    }
}
