//! Merging: the same event reported twice becomes one event with one
//! evidence entry per report.
//!
//! Two events of one type and one mood (a proposed ceasefire is not the
//! ceasefire that took effect) are the same event when their intervals
//! overlap, are of one scale ([`same_scale`]: a war's years are none of
//! the days inside them) and they share an actor or a place (a report that names none is taken to
//! be about its document's actors and places), or, inside one document,
//! when one of them has no date and they share an actor. The merged
//! interval is the intersection of the reports, except that a date read
//! from repaired text never narrows a clean one. Events of type `other` (no
//! trigger typed them) have nothing in common by type, so they merge only
//! when they also tell the same thing: overlapping evidence in one
//! document, or the same summary; statements, many on any day, merge only
//! when they tell the same thing or have one speaker (their first actor). Reports of one type from
//! different documents that share actors or places, near in time (within
//! [`NEAR_DAYS`]) but with intervals that do not meet, stay separate and are
//! linked by a `source-disagreement` diagnostic quoting each source's date
//! (one per report: the nearest one).
//!
//! # Order independence
//!
//! The result is a function of the set of events, never of the order they
//! arrive in (documents, records, arguments): every step walks the events
//! in one content order, [`content_key`] (type, mood, start, end, document,
//! evidence offset, id), and ids come from the events (the survivor of a
//! merge is the first of its reports in that order and keeps its id).
//!
//! # Keyed, near linear
//!
//! Reports meet only by a key: their type, an actor or place, and time
//! (only reports whose intervals are still open at the start of the next
//! one are looked at). For each type the reports are swept in content
//! order, which is start order; each report joins the first event (in
//! content order) that is still open, shares a key with it and is of its
//! scale (among the first [`DISAGREEMENT_SCAN`] of the key), or starts
//! an event of its own. An event is closed, and leaves the keys, once the
//! sweep passes its end. Every open event sharing a key overlaps the
//! report (it starts no later than the report and ends no earlier), so
//! finding a match is a bounded scan per key of the report, never a
//! comparison of all pairs: the work is n log n plus the keys. Because a merge gives an event the actors and
//! places of both reports, which can make it match an event it did not
//! match before, the sweep runs twice, the second time over the events of
//! the first. Disagreements are found the same way over the merged events:
//! each event looks at the events of its keys that start after it ends
//! (at most [`DISAGREEMENT_SCAN`] of them per key), and is linked to the
//! first that fits.
//!
//! [`merge`] takes the events of any number of documents in any order;
//! [`merge_documents`] takes them document by document (an iterator of
//! per-document event sets, as a streaming caller has them).

use std::cmp::{Ordering, Reverse};
use std::collections::{BTreeSet, BinaryHeap, HashMap};

use chrono::NaiveDate;

use crate::calendar::Precision;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::event::{Event, EventType, Mood};
use crate::temporal::Time;

/// How far apart two reports of one event may be dated and still be taken
/// for the same event told differently.
pub const NEAR_DAYS: i64 = 366;

/// How many events starting after an event ends the disagreement sweep
/// looks at, per actor or place, before it gives up on that key.
pub const DISAGREEMENT_SCAN: usize = 64;

/// What a merge gives back.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The merged events, in content order ([`content_key`]).
    pub events: Vec<Event>,
    /// Every input id folded into another event, with the id of the event
    /// it was folded into (which may itself be folded later: follow the
    /// chain).
    pub renamed: Vec<(String, String)>,
    /// The `source-disagreement` diagnostics.
    pub diagnostics: Vec<Diagnostic>,
}

fn ids(e: &Event) -> impl Iterator<Item = &str> {
    e.actors.iter().chain(&e.places).map(|x| x.id.as_str())
}

fn bounds(t: &Time) -> (NaiveDate, NaiveDate) {
    (
        t.start.unwrap_or(NaiveDate::MIN),
        t.end.unwrap_or(NaiveDate::MAX),
    )
}

/// The bounds of an event's date; undated events sort last.
fn span_of(e: &Event) -> (NaiveDate, NaiveDate) {
    e.time
        .as_deref()
        .map_or((NaiveDate::MAX, NaiveDate::MAX), bounds)
}

fn dated(e: &Event) -> bool {
    e.time
        .as_ref()
        .is_some_and(|t| t.start.is_some() || t.end.is_some())
}

fn doc_of(e: &Event) -> &str {
    e.evidence.first().map_or("", |x| x.document.as_str())
}

fn offset_of(e: &Event) -> usize {
    e.evidence.first().map_or(0, |x| x.start)
}

/// The content order every step of the merge follows: type, start, end,
/// document, offset of the first evidence, id (and, for events that break
/// the contract with one id twice, the summary).
pub fn content_key(
    e: &Event,
) -> (
    EventType,
    Mood,
    NaiveDate,
    NaiveDate,
    &str,
    usize,
    &str,
    &str,
) {
    let (s, t) = span_of(e);
    (
        e.kind,
        e.mood,
        s,
        t,
        doc_of(e),
        offset_of(e),
        e.id.as_str(),
        e.summary.as_str(),
    )
}

fn content_order(events: &mut [Event]) {
    events.sort_by(|a, b| content_key(a).cmp(&content_key(b)));
}

/// Folds `b` into `a`.
fn absorb(a: &mut Event, b: Event) {
    a.evidence.extend(b.evidence);
    for x in b.actors {
        if !a.actors.iter().any(|y| y.id == x.id) {
            a.actors.push(x);
        }
    }
    for x in b.places {
        if !a.places.iter().any(|y| y.id == x.id) {
            a.places.push(x);
        }
    }
    a.confidence = a.confidence.max(b.confidence);
    a.time = match (a.time.take(), b.time) {
        (None, t) | (t, None) => t,
        (Some(x), Some(y)) => Some(Box::new(intersect(*x, *y))),
    };
}

/// The intersection of two compatible dates; a repaired date never
/// narrows a clean one, and a contained date wins as written.
fn intersect(x: Time, y: Time) -> Time {
    match (x.repaired.is_some(), y.repaired.is_some()) {
        (true, false) => return y,
        (false, true) => return x,
        _ => {}
    }
    let (xs, xe) = bounds(&x);
    let (ys, ye) = bounds(&y);
    if ys >= xs && ye <= xe {
        return y;
    }
    if xs >= ys && xe <= ye {
        return x;
    }
    let mut t = if x.precision <= y.precision { x } else { y };
    let (s, e) = (xs.max(ys), xe.min(ye));
    t.start = (s != NaiveDate::MIN).then_some(s);
    t.end = (e != NaiveDate::MAX).then_some(e);
    if let (Some(s), Some(e)) = (t.start, t.end) {
        t.value = Some(format!("{}/{}", s.format("%Y-%m-%d"), e.format("%Y-%m-%d")));
        t.precision = Precision::Day;
    }
    t
}

/// Actor and place ids as numbers.
#[derive(Default)]
struct Names(HashMap<String, u32>);

impl Names {
    fn of(&mut self, s: &str) -> u32 {
        if let Some(&n) = self.0.get(s) {
            return n;
        }
        let n = self.0.len() as u32;
        self.0.insert(s.to_string(), n);
        n
    }

    /// An event's own actors and places, sorted.
    fn own(&mut self, e: &Event) -> Vec<u32> {
        let mut v: Vec<u32> = ids(e).map(|x| self.of(x)).collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// The actors and places of every event of each document: what the
/// document is about.
struct Topics(HashMap<String, Vec<u32>>);

impl Topics {
    fn of(events: &[Event], names: &mut Names) -> Topics {
        let mut sets: HashMap<String, BTreeSet<u32>> = HashMap::new();
        for e in events {
            let own = names.own(e);
            sets.entry(doc_of(e).to_string()).or_default().extend(own);
        }
        Topics(
            sets.into_iter()
                .map(|(d, s)| (d, s.into_iter().collect()))
                .collect(),
        )
    }

    fn get(&self, doc: &str) -> &[u32] {
        self.0.get(doc).map_or(&[], Vec::as_slice)
    }
}

/// The keys an event is found by: its own actors and places, or, when it
/// names none, its document's.
fn keys<'a>(own: &'a [u32], e: &Event, topics: &'a Topics) -> &'a [u32] {
    if own.is_empty() {
        topics.get(doc_of(e))
    } else {
        own
    }
}

fn intersects(a: &[u32], b: &[u32]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => return true,
        }
    }
    false
}

/// Two reports share an actor or a place; a report that names none is
/// taken to be about its document's actors and places.
fn shares(a: (&Event, &[u32]), b: (&Event, &[u32]), topics: &Topics) -> bool {
    let ((ea, oa), (eb, ob)) = (a, b);
    intersects(oa, ob)
        || (oa.is_empty() && intersects(topics.get(doc_of(ea)), ob))
        || (ob.is_empty() && intersects(topics.get(doc_of(eb)), oa))
}

/// One sweep over `items`, type by type in content order: each dated
/// report joins the first open event that shares a key with it, or opens
/// one. Undated reports pass through. Returns the events in content order.
fn sweep(
    mut items: Vec<Event>,
    names: &mut Names,
    topics: &Topics,
    renamed: &mut Vec<(String, String)>,
) -> Vec<Event> {
    content_order(&mut items);
    let mut out: Vec<Event> = Vec::with_capacity(items.len());
    // Per event of `out`: its own keys, whether it is open, and the
    // version of its end (a merge may move the end either way: a clean
    // date replaces a repaired one).
    let mut own: Vec<Vec<u32>> = Vec::with_capacity(items.len());
    let mut open: Vec<bool> = Vec::with_capacity(items.len());
    let mut version: Vec<u32> = Vec::with_capacity(items.len());
    // The open events of the current type by key, in content order: those
    // that name an actor or place under their own, those that name none
    // under their document's.
    let mut by_own: HashMap<u32, BTreeSet<usize>> = HashMap::new();
    let mut by_topic: HashMap<u32, BTreeSet<usize>> = HashMap::new();
    // Open events by end, to close them once the sweep passes it.
    let mut ends: BinaryHeap<Reverse<(NaiveDate, u32, usize)>> = BinaryHeap::new();
    let mut kind: Option<(EventType, Mood)> = None;
    for e in items {
        let mine = names.own(&e);
        if !dated(&e) {
            out.push(e);
            own.push(mine);
            open.push(false);
            version.push(0);
            continue;
        }
        if kind != Some((e.kind, e.mood)) {
            kind = Some((e.kind, e.mood));
            for &c in by_own.values().chain(by_topic.values()).flatten() {
                open[c] = false;
            }
            by_own.clear();
            by_topic.clear();
            ends.clear();
        }
        let (start, _) = span_of(&e);
        while let Some(&Reverse((end, v, c))) = ends.peek() {
            if end >= start {
                break;
            }
            ends.pop();
            if v != version[c] || !open[c] {
                continue;
            }
            open[c] = false;
            let index = if own[c].is_empty() {
                &mut by_topic
            } else {
                &mut by_own
            };
            for k in keys(&own[c], &out[c], topics) {
                if let Some(set) = index.get_mut(k) {
                    set.remove(&c);
                }
            }
        }
        // Every open event under a key of this report starts no later
        // than it and ends no earlier: the first of them is the match.
        // Events of type `other` have no type in common: they meet only
        // when they tell the same thing (`same_statement`), looked for
        // among the first `DISAGREEMENT_SCAN` open events of a key.
        let first = |index: &HashMap<u32, BTreeSet<usize>>, k: &u32| {
            let set = index.get(k)?;
            set.iter().take(DISAGREEMENT_SCAN).copied().find(|&c| {
                same_scale(&out[c], &e)
                    && match e.kind {
                        EventType::Other => same_statement(&out[c], &e),
                        EventType::Statement => same_speaker(&out[c], &e),
                        _ => true,
                    }
            })
        };
        let target = if mine.is_empty() {
            topics
                .get(doc_of(&e))
                .iter()
                .filter_map(|k| first(&by_own, k))
                .min()
        } else {
            mine.iter()
                .flat_map(|k| [first(&by_own, k), first(&by_topic, k)])
                .flatten()
                .min()
        };
        let c = match target {
            Some(c) => {
                renamed.push((e.id.clone(), out[c].id.clone()));
                if own[c].is_empty() {
                    for k in topics.get(doc_of(&out[c])) {
                        if let Some(set) = by_topic.get_mut(k) {
                            set.remove(&c);
                        }
                    }
                }
                absorb(&mut out[c], e);
                let grown = names.own(&out[c]);
                for &k in &grown {
                    if own[c].binary_search(&k).is_err() {
                        by_own.entry(k).or_default().insert(c);
                    }
                }
                own[c] = grown;
                version[c] += 1;
                c
            }
            None => {
                let c = out.len();
                let index = if mine.is_empty() {
                    &mut by_topic
                } else {
                    &mut by_own
                };
                for &k in keys(&mine, &e, topics) {
                    index.entry(k).or_default().insert(c);
                }
                out.push(e);
                own.push(mine);
                open.push(true);
                version.push(0);
                c
            }
        };
        let (_, end) = span_of(&out[c]);
        if end != NaiveDate::MAX {
            ends.push(Reverse((end, version[c], c)));
        }
    }
    content_order(&mut out);
    out
}

/// The longest interval that can be one report of an event told elsewhere
/// by its day: a year ("in 1988" and "in February 1988" are one start of
/// a conflict). A war's years ("the civil war, March 2011 – December
/// 2024") hold every protest and strike of those years and are none of
/// them.
pub const SCALE_DAYS: i64 = 366;

/// Two reports can be one event when their intervals are of one scale:
/// both at most [`SCALE_DAYS`] long (a day and its month or year), or the
/// longer at most four times the other (two accounts of a war's years).
/// A date with a modifier or an open bound ("since 1992", «تا ۱۹۹۴»)
/// tells a period from or to its anchor: it is one event only with
/// another such date, compared by the unit their anchors name.
fn same_scale(a: &Event, b: &Event) -> bool {
    let anchored = |e: &Event| {
        let (s, t) = span_of(e);
        e.time.as_ref().is_some_and(|t| t.modifier.is_some())
            || s == NaiveDate::MIN
            || t == NaiveDate::MAX
    };
    if anchored(a) != anchored(b) {
        return false;
    }
    let len = |e: &Event| {
        let (s, t) = span_of(e);
        if anchored(e) {
            e.time.as_ref().map_or(i64::MAX / 8, |t| match t.precision {
                Precision::Day => 1,
                Precision::Week => 7,
                Precision::Month => 31,
                Precision::Quarter | Precision::Season => 92,
                Precision::Year => 366,
                Precision::Decade => 3653,
                Precision::Century => 36525,
                Precision::Unknown => i64::MAX / 8,
            })
        } else {
            (t - s).num_days() + 1
        }
    };
    let (x, y) = (len(a), len(b));
    let (short, long) = (x.min(y), x.max(y));
    long <= SCALE_DAYS || long <= 4 * short
}

/// Two events of type `other` tell the same thing when their evidence
/// overlaps in one document (one clause read twice, as written and
/// repaired) or their summaries are the same words.
/// Statements of one day are many (each side speaks, mediators confirm):
/// two are one only when they tell the same thing or have one speaker, the
/// first actor each names ("Qatar on Sunday confirmed …" is not "Israel's
/// government confirmed on Sunday …"); one that names no speaker («او
/// افزود», "he added") continues a statement of its own document.
fn same_speaker(a: &Event, b: &Event) -> bool {
    let shared_document = || {
        a.evidence
            .iter()
            .any(|x| b.evidence.iter().any(|y| x.document == y.document))
    };
    same_statement(a, b)
        || match (a.actors.first(), b.actors.first()) {
            (Some(x), Some(y)) => x.id == y.id,
            _ => shared_document(),
        }
}

fn same_statement(a: &Event, b: &Event) -> bool {
    let overlap = a.evidence.iter().any(|x| {
        b.evidence
            .iter()
            .any(|y| x.document == y.document && x.start < y.end && y.start < x.end)
    });
    let words = |e: &Event| e.summary.split_whitespace().collect::<Vec<_>>().join(" ");
    overlap || words(a) == words(b)
}

/// Undated reports join a report of the same type and actor in the same
/// document (a repeated statement, a restated mediation): the first, in the
/// order of the text, that is dated or told before it and names all its
/// actors; a report that names no actor joins the first report of its type
/// told before it («در این بیانیه اضافه شده است» restates the statement
/// told before it). A merged event is in every document it has evidence
/// in, where its evidence stands.
fn join_undated(events: Vec<Event>, renamed: &mut Vec<(String, String)>) -> Vec<Event> {
    // (document, type) → (offset, id, index) of every event with evidence there.
    type Members<'a> = Vec<(usize, &'a str, usize)>;
    let mut groups: HashMap<(&str, EventType, Mood), Members> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        let mut seen: Vec<&str> = Vec::new();
        for ev in &e.evidence {
            if !seen.contains(&ev.document.as_str()) {
                seen.push(ev.document.as_str());
                groups
                    .entry((ev.document.as_str(), e.kind, e.mood))
                    .or_default()
                    .push((ev.start, e.id.as_str(), i));
            }
        }
    }
    // Groups in a fixed order: an event that is in several documents takes
    // in their reports document by document.
    let mut groups: Vec<((&str, EventType, Mood), Members)> =
        groups.into_iter().filter(|(_, m)| m.len() > 1).collect();
    groups.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let groups: Vec<Vec<usize>> = groups
        .into_iter()
        .map(|(_, mut m)| {
            m.sort_unstable();
            m.into_iter().map(|(_, _, i)| i).collect()
        })
        .collect();
    let actors: Vec<Vec<String>> = events
        .iter()
        .map(|e| e.actors.iter().map(|a| a.id.clone()).collect())
        .collect();
    let mut slots: Vec<Option<Event>> = events.into_iter().map(Some).collect();
    for members in &groups {
        // The members naming each actor, in text order.
        let mut naming: HashMap<&str, Vec<usize>> = HashMap::new();
        for (p, &i) in members.iter().enumerate() {
            for id in &actors[i] {
                naming.entry(id.as_str()).or_default().push(p);
            }
        }
        let mut first_alive = 0;
        for p in 0..members.len() {
            let i = members[p];
            let undated = slots[i].as_ref().is_some_and(|e| e.time.is_none());
            if !undated {
                continue;
            }
            while first_alive < members.len() && slots[members[first_alive]].is_none() {
                first_alive += 1;
            }
            let target = match actors[i].first() {
                None => (first_alive < p).then_some(first_alive),
                Some(a0) => naming[a0.as_str()].iter().copied().find(|&q| {
                    let j = members[q];
                    q != p
                        && slots[j].as_ref().is_some_and(|t| {
                            (t.time.is_some() || q < p)
                                && actors[i].iter().all(|a| actors[j].contains(a))
                        })
                }),
            };
            if let Some(q) = target
                && let Some(e) = slots[i].take()
                && let Some(t) = slots[members[q]].as_mut()
            {
                renamed.push((e.id.clone(), t.id.clone()));
                absorb(t, e);
            }
        }
    }
    let mut out: Vec<Event> = slots.into_iter().flatten().collect();
    content_order(&mut out);
    out
}

/// One `source-disagreement` per report: each dated event, in content
/// order, is linked to the first event of its type and keys that starts
/// after it ends, within [`NEAR_DAYS`], in another document, and not
/// linked yet.
fn disagreements(events: &[Event], names: &mut Names, topics: &Topics) -> Vec<Diagnostic> {
    // `events` are in content order: within a type, by start.
    let own: Vec<Vec<u32>> = events.iter().map(|e| names.own(e)).collect();
    // Events of type `other` share no type, so no two of them disagree.
    let compared = |e: &Event| dated(e) && e.kind != EventType::Other;
    let mut lists: HashMap<(EventType, Mood, u32), Vec<usize>> = HashMap::new();
    for (i, e) in events.iter().enumerate().filter(|(_, e)| compared(e)) {
        for &k in keys(&own[i], e, topics) {
            lists.entry((e.kind, e.mood, k)).or_default().push(i);
        }
    }
    let mut linked = vec![false; events.len()];
    let mut diags = Vec::new();
    for (a, ea) in events.iter().enumerate() {
        if linked[a] || !compared(ea) {
            continue;
        }
        let (_, a_end) = span_of(ea);
        if a_end == NaiveDate::MAX {
            continue;
        }
        // The first fit of each key; the earliest of them (the list order
        // is the content order) is the nearest.
        let mut best: Option<usize> = None;
        for &k in keys(&own[a], ea, topics) {
            let list = &lists[&(ea.kind, ea.mood, k)];
            let from = list.partition_point(|&x| span_of(&events[x]).0 <= a_end);
            for &b in list[from..].iter().take(DISAGREEMENT_SCAN) {
                if best.is_some_and(|x| x <= b) {
                    break;
                }
                let eb = &events[b];
                if (span_of(eb).0 - a_end).num_days() > NEAR_DAYS {
                    break;
                }
                if linked[b]
                    || doc_of(ea) == doc_of(eb)
                    || !shares((ea, &own[a]), (eb, &own[b]), topics)
                {
                    continue;
                }
                best = Some(b);
                break;
            }
        }
        let Some(b) = best else { continue };
        linked[a] = true;
        linked[b] = true;
        let eb = &events[b];
        let (Some(ta), Some(tb)) = (ea.time.as_ref(), eb.time.as_ref()) else {
            continue;
        };
        let quote = |e: &Event, t: &Time| {
            format!(
                "{} says «{}» ({})",
                doc_of(e),
                t.repaired
                    .as_ref()
                    .map_or(t.text.as_str(), |r| r.reading.as_str()),
                t.value.clone().unwrap_or_default()
            )
        };
        diags.push(Diagnostic {
            severity: Severity::Warning,
            code: Code::SourceDisagreement,
            message: format!(
                "the sources date the same {} differently: {}; {}",
                ea.kind.id(),
                quote(ea, ta),
                quote(eb, tb)
            ),
            document: doc_of(eb).to_string(),
            span: Some(tb.span),
            events: vec![ea.id.clone(), eb.id.clone()],
        });
    }
    diags
}

/// Merges reports of the same event, from any number of documents in any
/// order (see the [module docs](self)).
pub fn merge(events: Vec<Event>) -> Merged {
    let mut names = Names::default();
    let mut events = events;
    content_order(&mut events);
    let topics = Topics::of(&events, &mut names);
    let mut renamed = Vec::new();
    let first = sweep(events, &mut names, &topics, &mut renamed);
    let second = sweep(first, &mut names, &topics, &mut renamed);
    let events = join_undated(second, &mut renamed);
    let diagnostics = disagreements(&events, &mut names, &topics);
    Merged {
        events,
        renamed,
        diagnostics,
    }
}

/// [`merge`] over the events of each document as they come.
pub fn merge_documents<I>(documents: I) -> Merged
where
    I: IntoIterator<Item = Vec<Event>>,
{
    merge(documents.into_iter().flatten().collect())
}
