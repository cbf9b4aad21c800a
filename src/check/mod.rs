//! Fact-checking: a timeline's own findings, disagreements between its
//! sources, and its events compared with a reference timeline.
//!
//! This stage sits after [`crate::timeline`] and before export: it reads a
//! [`Timeline`] (built from articles, or saved as `tarikh.timeline/1`) and an
//! optional [`reference::Reference`], and produces a [`CheckReport`]
//! (`tarikh.check/1`, documented in `docs/CHECK.md`):
//!
//! * **in each document**: calendar mismatches between dual dates, weekday
//!   mismatches, impossible dates, repaired layout damage, future dates told
//!   in the past tense, order contradictions — the timeline's diagnostics,
//!   completed by checks of its own on the events;
//! * **across documents**: the same event dated differently
//!   (`source-disagreement`), from the timeline and detected here: two
//!   events of one type from different documents, sharing an actor or a
//!   place, with disjoint dates less than [`Options::disagreement_days`]
//!   apart;
//! * **against a reference**: each dated event matched to an entry by type,
//!   actors and places, with time only as a tiebreak (see [`compare`]),
//!   and a verdict `agrees`, `contradicts` or `not-in-reference`, with a
//!   precision `same`, `more-precise` or `less-precise`.
//!
//! The report is written for a terminal, as Markdown or as JSON by the
//! output layer ([`crate::export::render`], [`crate::export::check`]).

pub mod compare;
pub mod reference;
pub mod valid;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::event::Event;
use crate::temporal::DocumentInfo;
use crate::timeline::{Basis, RelationType, Timeline};

pub use compare::{Match, PrecisionCmp, Verdict, anchored, match_event, type_affinity};
pub use reference::{Citation, Entry, Reference, ReferenceInfo};
pub use valid::{Invalid, validate};

/// The schema string of the check report.
pub const CHECK_SCHEMA: &str = "tarikh.check/1";

/// Tuning of the checks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Reference entries further than this from an event (days between the
    /// intervals) are not candidates: ±3 years.
    pub window_days: i64,
    /// Two documents' events this close or closer (days between disjoint
    /// intervals) may be the same event dated differently: ~2 years.
    pub disagreement_days: i64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            window_days: 3 * 365 + 1,
            disagreement_days: 2 * 365 + 1,
        }
    }
}

/// The verdict on one reading of an event's date against the matched entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AlternativeFinding {
    /// The other reading of a dual date, as written.
    pub text: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub verdict: Verdict,
    pub difference_days: Option<i64>,
}

/// One event compared with the reference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    /// The event, as in the timeline.
    pub event: Event,
    pub verdict: Verdict,
    /// How the event's date compares with the entry's; null when there is
    /// no matched entry.
    pub precision: Option<PrecisionCmp>,
    /// The matched reference entry, with its citations; null for
    /// `not-in-reference`.
    pub reference: Option<Entry>,
    /// Days between the two intervals when they are disjoint (the gap:
    /// from the end of the earlier to the start of the later), 0 when they
    /// agree, null without a match.
    pub difference_days: Option<i64>,
    /// The document of the event's first evidence.
    pub document: String,
    /// The match score (see `docs/CHECK.md`); null without a match.
    pub score: Option<f64>,
    /// One sentence saying what was compared with what.
    pub message: String,
    /// Codes of the diagnostics that concern this event (a
    /// `calendar-mismatch` on its date, a repaired number …).
    pub flags: Vec<Code>,
    /// For a dual date, the verdict on its second reading against the same
    /// entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternative: Option<AlternativeFinding>,
}

/// An event that could not be compared with the reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Unchecked {
    pub event: String,
    pub document: String,
    #[serde(rename = "type")]
    pub kind: crate::event::EventType,
    pub summary: String,
    pub reason: String,
}

/// Counts for a glance.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Summary {
    pub events: usize,
    pub agrees: usize,
    pub contradicts: usize,
    pub not_in_reference: usize,
    pub unchecked: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// The check report (`tarikh.check/1` without its schema and generator
/// header, which the command line adds).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CheckReport {
    pub documents: Vec<DocumentInfo>,
    /// The reference checked against, if any.
    pub against: Option<ReferenceInfo>,
    /// One per dated event (in timeline order) when a reference is given.
    pub findings: Vec<Finding>,
    /// Events that were not compared, when a reference is given: those
    /// with no date of their own, and those the text does not assert
    /// (planned, negated, hypothetical), each with its reason.
    pub unchecked: Vec<Unchecked>,
    /// In-document and cross-document findings, sorted by document,
    /// position and code.
    pub diagnostics: Vec<Diagnostic>,
    pub summary: Summary,
}

/// When findings make `tarikh check` exit with status 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FailOn {
    /// Any contradiction or error diagnostic.
    Error,
    /// That, or any warning diagnostic.
    Warning,
    /// Never (the default).
    #[default]
    Never,
}

impl CheckReport {
    /// Whether the findings reach `level`.
    pub fn reaches(&self, level: FailOn) -> bool {
        let s = &self.summary;
        match level {
            FailOn::Never => false,
            FailOn::Error => s.contradicts > 0 || s.errors > 0,
            FailOn::Warning => s.contradicts > 0 || s.errors > 0 || s.warnings > 0,
        }
    }
}

/// One timeline from many (the articles and saved timelines given to
/// `tarikh check`), in order; an event id already taken is prefixed with
/// its first document's id (`doc:id`, then `doc:id-2` …), and its
/// relations and diagnostics follow it.
pub fn combine(timelines: Vec<Timeline>) -> Timeline {
    let mut out = Timeline {
        documents: Vec::new(),
        events: Vec::new(),
        relations: Vec::new(),
        diagnostics: Vec::new(),
    };
    let mut taken = HashSet::new();
    for mut t in timelines {
        let mut renamed = std::collections::HashMap::new();
        for ev in &mut t.events {
            if !taken.insert(ev.id.clone()) {
                let doc = event_document(ev).to_string();
                let mut n = 1;
                let mut id = format!("{doc}:{}", ev.id);
                while !taken.insert(id.clone()) {
                    n += 1;
                    id = format!("{doc}:{}-{n}", ev.id);
                }
                renamed.insert(ev.id.clone(), id.clone());
                ev.id = id;
            }
        }
        let rename = |id: &mut String| {
            if let Some(n) = renamed.get(id) {
                *id = n.clone();
            }
        };
        for r in &mut t.relations {
            rename(&mut r.from);
            rename(&mut r.to);
        }
        for d in &mut t.diagnostics {
            d.events.iter_mut().for_each(rename);
        }
        out.documents.extend(t.documents);
        out.events.extend(t.events);
        out.relations.extend(t.relations);
        out.diagnostics.extend(t.diagnostics);
    }
    out
}

/// The document an event belongs to: that of its first evidence.
pub fn event_document(ev: &Event) -> &str {
    ev.evidence
        .first()
        .map(|e| e.document.as_str())
        .unwrap_or("")
}

/// Checks a timeline, and its events against `reference` when given.
pub fn check(timeline: &Timeline, reference: Option<&Reference>, opts: &Options) -> CheckReport {
    let mut diagnostics = timeline.diagnostics.clone();
    attach_events(&mut diagnostics, &timeline.events);
    own_event_checks(timeline, &mut diagnostics);
    cross_document(timeline, opts, &mut diagnostics);
    crate::diagnostic::sort(&mut diagnostics);
    diagnostics.dedup();

    let mut findings = Vec::new();
    let mut unchecked = Vec::new();
    if let Some(r) = reference {
        // What each document is about: the actors and places of its events.
        let mut topics: std::collections::BTreeMap<&str, Vec<&str>> =
            std::collections::BTreeMap::new();
        for ev in &timeline.events {
            let t = topics.entry(event_document(ev)).or_default();
            for x in ev.actors.iter().chain(&ev.places) {
                if !t.contains(&x.id.as_str()) {
                    t.push(x.id.as_str());
                }
            }
        }
        let index = compare::EntryIndex::new(r);
        // Each event's diagnostic codes, gathered once.
        let mut flags: HashMap<&str, Vec<Code>> = HashMap::new();
        for d in &diagnostics {
            for e in &d.events {
                flags.entry(e.as_str()).or_default().push(d.code);
            }
        }
        for ev in &timeline.events {
            // What the text does not assert is not checked against what
            // happened: a planned, denied or hypothetical event is
            // reported apart.
            if ev.mood != crate::event::Mood::Asserted && ev.time.is_some() {
                unchecked.push(Unchecked {
                    event: ev.id.clone(),
                    document: event_document(ev).to_string(),
                    kind: ev.kind,
                    summary: ev.summary.clone(),
                    reason: format!(
                        "the text reports it as {}, not as something that happened",
                        ev.mood.id()
                    ),
                });
                continue;
            }
            let topic = topics
                .get(event_document(ev))
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            match compare::match_event_in(ev, r, &index, opts, topic) {
                Some(m) => findings.push(finding(
                    ev,
                    m,
                    flags.get(ev.id.as_str()).map_or(&[], Vec::as_slice),
                )),
                None => unchecked.push(Unchecked {
                    event: ev.id.clone(),
                    document: event_document(ev).to_string(),
                    kind: ev.kind,
                    summary: ev.summary.clone(),
                    reason: "the text gives the event no date of its own".to_string(),
                }),
            }
        }
    }
    let mut summary = Summary {
        events: timeline.events.len(),
        unchecked: unchecked.len(),
        ..Summary::default()
    };
    for f in &findings {
        match f.verdict {
            Verdict::Agrees => summary.agrees += 1,
            Verdict::Contradicts => summary.contradicts += 1,
            Verdict::NotInReference => summary.not_in_reference += 1,
        }
    }
    for d in &diagnostics {
        match d.severity {
            Severity::Error => summary.errors += 1,
            Severity::Warning => summary.warnings += 1,
            Severity::Info => summary.infos += 1,
        }
    }
    CheckReport {
        documents: timeline.documents.clone(),
        against: reference.map(Reference::info),
        findings,
        unchecked,
        diagnostics,
        summary,
    }
}

fn finding(ev: &Event, m: Match, codes: &[Code]) -> Finding {
    let mut flags: Vec<Code> = codes.to_vec();
    flags.sort();
    flags.dedup();
    Finding {
        event: ev.clone(),
        verdict: m.verdict,
        precision: m.precision,
        difference_days: m.difference_days,
        document: event_document(ev).to_string(),
        score: m.score,
        message: m.message,
        flags,
        alternative: m.alternative,
        reference: m.entry,
    }
}

/// Diagnostics of the date stages carry no event ids: give them the events
/// whose date they are about (same document, same span or a span inside
/// the event's date or evidence).
fn attach_events(diagnostics: &mut [Diagnostic], events: &[Event]) {
    // Per document, what a diagnostic span can fall on: each event's date
    // span (exactly), and the ranges containing it (a repaired piece or an
    // alternative reading of the event's date; its evidence), sorted by
    // start with the longest length, so a span meets only the ranges that
    // can contain it.
    #[derive(Default)]
    struct Places {
        exact: HashMap<[usize; 2], Vec<usize>>,
        ranges: Vec<(usize, usize, usize)>,
        longest: usize,
    }
    let mut by_doc: HashMap<&str, Places> = HashMap::new();
    for (k, ev) in events.iter().enumerate() {
        let docs: BTreeSet<&str> = ev.evidence.iter().map(|x| x.document.as_str()).collect();
        for doc in docs {
            let p = by_doc.entry(doc).or_default();
            let mut add = |a: usize, b: usize| {
                p.ranges.push((a, b, k));
                p.longest = p.longest.max(b.saturating_sub(a));
            };
            if let Some(t) = &ev.time {
                if let Some(r) = &t.repaired {
                    for piece in &r.pieces {
                        add(piece[0], piece[1]);
                    }
                }
                if let Some(a) = &t.alternative {
                    add(a.span[0], a.span[1]);
                }
            }
            for x in ev.evidence.iter().filter(|x| x.document == doc) {
                add(x.start, x.end);
            }
            if let Some(t) = &ev.time {
                p.exact.entry(t.span.0).or_default().push(k);
            }
        }
    }
    for p in by_doc.values_mut() {
        p.ranges.sort_unstable();
    }
    for d in diagnostics.iter_mut() {
        if !d.events.is_empty() {
            continue;
        }
        let Some([s, e]) = d.span.map(|s| s.0) else {
            continue;
        };
        let Some(p) = by_doc.get(d.document.as_str()) else {
            continue;
        };
        let mut hit: Vec<usize> = p.exact.get(&[s, e]).cloned().unwrap_or_default();
        let to = p.ranges.partition_point(|r| r.0 <= s);
        let from = p.ranges[..to].partition_point(|r| r.0 < s.saturating_sub(p.longest));
        hit.extend(p.ranges[from..to].iter().filter(|r| e <= r.1).map(|r| r.2));
        hit.sort_unstable();
        hit.dedup();
        d.events
            .extend(hit.into_iter().map(|k| events[k].id.clone()));
    }
}

/// Which events already carry a diagnostic of a code, by event id and by
/// date span: built once, asked per event.
struct Said<'a> {
    by_event: HashSet<(Code, &'a str, &'a str)>,
    by_span: HashSet<(Code, &'a str, [usize; 2])>,
}

impl<'a> Said<'a> {
    fn new(diagnostics: &'a [Diagnostic]) -> Said<'a> {
        let mut said = Said {
            by_event: HashSet::new(),
            by_span: HashSet::new(),
        };
        for d in diagnostics {
            for e in &d.events {
                said.by_event
                    .insert((d.code, d.document.as_str(), e.as_str()));
            }
            if let Some(sp) = d.span {
                said.by_span.insert((d.code, d.document.as_str(), sp.0));
            }
        }
        said
    }

    fn has(&self, code: Code, document: &str, ev: &Event) -> bool {
        self.by_event.contains(&(code, document, ev.id.as_str()))
            || ev
                .time
                .as_ref()
                .is_some_and(|t| self.by_span.contains(&(code, document, t.span.0)))
    }
}

/// The pairs of events that diagnostics of `code` already link.
fn linked(diagnostics: &[Diagnostic], code: Code) -> HashSet<(&str, &str)> {
    let mut pairs = HashSet::new();
    for d in diagnostics.iter().filter(|d| d.code == code) {
        for a in &d.events {
            for b in &d.events {
                pairs.insert((a.as_str(), b.as_str()));
            }
        }
    }
    pairs
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn show_interval(start: Option<NaiveDate>, end: Option<NaiveDate>) -> String {
    match (start, end) {
        (Some(a), Some(b)) if a == b => iso(a),
        (Some(a), Some(b)) => format!("{} – {}", iso(a), iso(b)),
        (Some(a), None) => format!("from {}", iso(a)),
        (None, Some(b)) => format!("until {}", iso(b)),
        (None, None) => "undated".to_string(),
    }
}

/// Checks the timeline's events themselves, for what its diagnostics may
/// not already say (a timeline written by another tool, or edited by hand).
fn own_event_checks(timeline: &Timeline, out: &mut Vec<Diagnostic>) {
    let mut new = Vec::new();
    let said = Said::new(out);
    for ev in &timeline.events {
        let Some(t) = &ev.time else { continue };
        let doc = event_document(ev);
        // Dual dates that disagree.
        if let Some(alt) = &t.alternative
            && let (Some(s), Some(e), Some(a), Some(b)) = (t.start, t.end, alt.start, alt.end)
            && (e < a || b < s)
            && !said.has(Code::CalendarMismatch, doc, ev)
        {
            let gap = if e < a {
                (a - e).num_days()
            } else {
                (s - b).num_days()
            };
            new.push(Diagnostic {
                severity: Severity::Warning,
                code: Code::CalendarMismatch,
                message: format!(
                    "«{}» ({}) and «{}» ({}) are given for one date but disagree by {gap} days",
                    t.text,
                    show_interval(t.start, t.end),
                    alt.text,
                    show_interval(alt.start, alt.end)
                ),
                document: doc.to_string(),
                span: Some(t.span),
                events: vec![ev.id.clone()],
            });
        }
        // Repaired layout damage.
        if let Some(r) = &t.repaired
            && !said.has(Code::DisplacedNumber, doc, ev)
        {
            new.push(Diagnostic {
                severity: Severity::Info,
                code: Code::DisplacedNumber,
                message: format!(
                    "layout damage repaired: read as «{}» ({})",
                    r.reading, r.note
                ),
                document: doc.to_string(),
                span: Some(t.span),
                events: vec![ev.id.clone()],
            });
        }
        // A start after its end.
        if let (Some(s), Some(e)) = (t.start, t.end)
            && s > e
            && !said.has(Code::InvalidDate, doc, ev)
        {
            new.push(Diagnostic {
                severity: Severity::Error,
                code: Code::InvalidDate,
                message: format!(
                    "«{}» starts on {} after it ends on {}",
                    t.text,
                    iso(s),
                    iso(e)
                ),
                document: doc.to_string(),
                span: Some(t.span),
                events: vec![ev.id.clone()],
            });
        }
        // A date after the document's publication date stated as a fact
        // that already happened is reported by the date stages (they know
        // the tense); a saved timeline keeps those diagnostics.
    }
    // Relations the dates contradict.
    let ordered = linked(out, Code::OrderContradiction);
    let mut reported: HashSet<(&str, &str)> = HashSet::new();
    let by_id: BTreeMap<&str, &Event> =
        timeline.events.iter().map(|e| (e.id.as_str(), e)).collect();
    for r in &timeline.relations {
        let (Some(a), Some(b)) = (by_id.get(r.from.as_str()), by_id.get(r.to.as_str())) else {
            continue;
        };
        let (Some(sa), Some(sb)) = (
            a.time.as_deref().and_then(compare::span_of),
            b.time.as_deref().and_then(compare::span_of),
        ) else {
            continue;
        };
        // "a before b" is impossible when a surely starts after b ends.
        let contradicted = match r.kind {
            RelationType::Before | RelationType::Ibefore => sa.surely_after(&sb),
            RelationType::After | RelationType::Iafter => sb.surely_after(&sa),
            _ => false,
        };
        let pair = (a.id.as_str(), b.id.as_str());
        let already = ordered.contains(&pair) || reported.contains(&pair);
        if contradicted && !already {
            reported.insert(pair);
            reported.insert((pair.1, pair.0));
            let basis = match r.basis {
                Basis::Text => "the text says",
                Basis::Dates => "the relation says",
            };
            new.push(Diagnostic {
                severity: Severity::Warning,
                code: Code::OrderContradiction,
                message: format!(
                    "{basis} {} ({}) is {} {} ({}), but the dates say otherwise",
                    a.id,
                    a.time.as_ref().map(|t| t.text.as_str()).unwrap_or(""),
                    serde_json::to_value(r.kind)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default(),
                    b.id,
                    b.time.as_ref().map(|t| t.text.as_str()).unwrap_or(""),
                ),
                document: event_document(a).to_string(),
                span: a.time.as_ref().map(|t| t.span),
                events: vec![a.id.clone(), b.id.clone()],
            });
        }
    }
    out.extend(new);
}

/// Two documents dating what looks like one event differently.
fn cross_document(timeline: &Timeline, opts: &Options, out: &mut Vec<Diagnostic>) {
    let dated: Vec<(&Event, compare::Span, HashSet<&str>)> = timeline
        .events
        .iter()
        .filter_map(|ev| {
            let span = compare::span_of(ev.time.as_ref()?)?;
            let docs: HashSet<&str> = ev.evidence.iter().map(|e| e.document.as_str()).collect();
            (docs.len() == 1).then_some((ev, span, docs))
        })
        .collect();
    // Candidate pairs meet in buckets of one type and one actor or place,
    // ordered by start: a pair further apart than `disagreement_days` is
    // never compared, so this is not all pairs of the timeline.
    // One mood too: a planned truce dated later than the one that took
    // effect is no disagreement.
    type Bucket<'a> = (crate::event::EventType, crate::event::Mood, &'a str);
    let mut buckets: HashMap<Bucket, Vec<usize>> = HashMap::new();
    for (i, (ev, _, _)) in dated.iter().enumerate() {
        let mut seen: Vec<&str> = Vec::new();
        for id in entity_ids(ev) {
            if !seen.contains(&id) {
                seen.push(id);
                buckets.entry((ev.kind, ev.mood, id)).or_default().push(i);
            }
        }
    }
    let start = |i: usize| dated[i].1.start.unwrap_or(NaiveDate::MIN);
    let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    for v in buckets.values_mut() {
        v.sort_by_key(|&i| (start(i), i));
        for (x, &i) in v.iter().enumerate() {
            let reach = dated[i].1.end.and_then(|e| {
                e.checked_add_signed(chrono::Duration::days(
                    opts.disagreement_days.clamp(0, 3_000_000),
                ))
            });
            for &j in &v[x + 1..] {
                if reach.is_some_and(|r| start(j) > r) {
                    break;
                }
                pairs.insert((i.min(j), i.max(j)));
            }
        }
    }
    let sdis = linked(out, Code::SourceDisagreement);
    let mut new = Vec::new();
    for (i, j) in pairs {
        let ((a, sa, da), (b, sb, db)) = (&dated[i], &dated[j]);
        {
            // One bucket holds one type; reports of one document are no
            // disagreement between sources.
            if !da.is_disjoint(db) {
                continue;
            }
            let ids_a: HashSet<&str> = entity_ids(a).collect();
            let shared: Vec<&str> = entity_ids(b).filter(|id| ids_a.contains(id)).collect();
            if shared.is_empty() {
                continue;
            }
            let Some(gap) = sa.gap(sb) else { continue };
            if gap == 0 || gap > opts.disagreement_days {
                continue;
            }
            let already = sdis.contains(&(a.id.as_str(), b.id.as_str()));
            if already {
                continue;
            }
            let quote = |e: &Event| {
                e.evidence
                    .first()
                    .map(|x| x.quote.trim().to_string())
                    .unwrap_or_default()
            };
            let date = |e: &Event| {
                e.time
                    .as_ref()
                    .map(|t| format!("«{}» = {}", t.text, show_interval(t.start, t.end)))
                    .unwrap_or_default()
            };
            new.push(Diagnostic {
                severity: Severity::Warning,
                code: Code::SourceDisagreement,
                message: format!(
                    "{} dates this {} ({}) {}: «{}»; {} dates it {}: «{}» — {gap} days apart",
                    event_document(a),
                    a.kind.id(),
                    shared.join(", "),
                    date(a),
                    quote(a),
                    event_document(b),
                    date(b),
                    quote(b),
                ),
                document: event_document(a).to_string(),
                span: a.time.as_ref().map(|t| t.span),
                events: vec![a.id.clone(), b.id.clone()],
            });
        }
    }
    out.extend(new);
}

/// Actor and place ids of an event.
pub fn entity_ids(ev: &Event) -> impl Iterator<Item = &str> {
    ev.actors
        .iter()
        .chain(ev.places.iter())
        .map(|e| e.id.as_str())
}
