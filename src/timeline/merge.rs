//! Merging: the same event reported twice becomes one event with one
//! evidence entry per report.
//!
//! Two events of one type are the same event when their intervals overlap
//! and they share an actor or a place (or, inside one document, when one of
//! them has no date and they share an actor). The merged interval is the
//! intersection of the reports, except that a date read from repaired text
//! never narrows a clean one. Reports of one type from different documents
//! that share actors or places, near in time (within [`NEAR_DAYS`]) but
//! with intervals that do not meet, stay separate and are linked by a
//! `source-disagreement` diagnostic quoting each source's date (one per
//! report: the nearest one).
//!
//! Events are compared within a sweep over their start dates, never all
//! pairs.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::NaiveDate;

use crate::calendar::Precision;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::event::Event;
use crate::temporal::Time;

/// How far apart two reports of one event may be dated and still be taken
/// for the same event told differently.
pub const NEAR_DAYS: i64 = 366;

fn ids(e: &Event) -> impl Iterator<Item = &str> {
    e.actors.iter().chain(&e.places).map(|x| x.id.as_str())
}

/// The actors and places of every event of each document: what the
/// document is about.
type Topics = HashMap<String, BTreeSet<String>>;

/// Two reports share an actor or a place; a report that names none is
/// taken to be about its document's actors and places.
fn shares(a: &Event, b: &Event, topics: &Topics) -> bool {
    let direct = ids(a).any(|x| ids(b).any(|y| x == y));
    let about = |e: &Event, other: &Event| {
        ids(e).next().is_none()
            && topics
                .get(doc_of(e))
                .is_some_and(|t| ids(other).any(|y| t.contains(y)))
    };
    direct || about(a, b) || about(b, a)
}

fn bounds(t: &Time) -> (NaiveDate, NaiveDate) {
    (
        t.start.unwrap_or(NaiveDate::MIN),
        t.end.unwrap_or(NaiveDate::MAX),
    )
}

fn doc_of(e: &Event) -> &str {
    e.evidence.first().map_or("", |x| x.document.as_str())
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
        (Some(x), Some(y)) => Some(intersect(x, y)),
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

/// Merges reports of the same event; returns the events (the survivor of a
/// merge keeps its id), a map from every input id to its survivor's id, and
/// the source-disagreement diagnostics.
pub fn merge(events: Vec<Event>) -> (Vec<Event>, Vec<(String, String)>, Vec<Diagnostic>) {
    let mut topics: Topics = HashMap::new();
    for e in &events {
        topics
            .entry(doc_of(e).to_string())
            .or_default()
            .extend(ids(e).map(str::to_string));
    }
    let mut slots: Vec<Option<Event>> = events.into_iter().map(Some).collect();
    let mut renamed = Vec::new();
    let mut diags = Vec::new();
    // Dated events that could be one event share a type and an actor or
    // place: group them so, sort each group by start, and sweep it. Each
    // pair is considered once, however many ids it shares.
    let dated = |e: &Event| {
        e.time
            .as_ref()
            .is_some_and(|t| t.start.is_some() || t.end.is_some())
    };
    // Two passes: a merge gives the survivor the actors and places of both
    // reports, which can make it match a report it did not match before.
    let mut disagreeing: HashSet<usize> = HashSet::new();
    for _pass in 0..2 {
        // Starts as first reported (a merge may narrow an event later; the
        // order of each group is fixed before any merge).
        let start_of: Vec<NaiveDate> = slots
            .iter()
            .map(|e| {
                e.as_ref()
                    .and_then(|e| e.time.as_ref())
                    .map_or(NaiveDate::MAX, |t| bounds(t).0)
            })
            .collect();
        // Ids as numbers, then one flat list of (type, id, start, event) sorted:
        // each run of one type and one id is a group.
        let mut number: HashMap<String, u32> = HashMap::new();
        let mut keyed: Vec<(crate::event::EventType, u32, NaiveDate, usize)> = Vec::new();
        for (i, e) in slots.iter().enumerate() {
            let Some(e) = e.as_ref().filter(|e| dated(e)) else {
                continue;
            };
            let own: Vec<&str> = ids(e).collect();
            let keys: Vec<&str> = if own.is_empty() {
                // A report that names nobody is grouped by what its document is about.
                topics
                    .get(doc_of(e))
                    .map(|t| t.iter().map(String::as_str).collect())
                    .unwrap_or_default()
            } else {
                own
            };
            for k in keys {
                let next = number.len() as u32;
                let n = *number.entry(k.to_string()).or_insert(next);
                keyed.push((e.kind, n, start_of[i], i));
            }
        }
        keyed.sort_unstable();
        let groups: Vec<Vec<usize>> = keyed
            .chunk_by(|x, y| x.0 == y.0 && x.1 == y.1)
            .map(|run| run.iter().map(|x| x.3).collect())
            .collect();
        let mut seen: HashSet<(usize, usize)> = HashSet::new();
        for group in groups {
            for (pos, &i) in group.iter().enumerate() {
                for &j in &group[pos + 1..] {
                    let (Some(a), Some(b)) = (slots[i].as_ref(), slots[j].as_ref()) else {
                        continue;
                    };
                    let (Some(ta), Some(tb)) = (a.time.as_ref(), b.time.as_ref()) else {
                        continue;
                    };
                    let ((as_, ae), (bs, be)) = (bounds(ta), bounds(tb));
                    // Sorted by start: once b starts too long after a ends, stop.
                    if ae != NaiveDate::MAX && (bs - ae).num_days() > NEAR_DAYS {
                        break;
                    }
                    if !seen.insert((i.min(j), i.max(j))) || !shares(a, b, &topics) {
                        continue;
                    }
                    let overlap = as_ <= be && bs <= ae;
                    if overlap {
                        if let (Some(b), Some(a)) = (slots[j].take(), slots[i].as_mut()) {
                            renamed.push((b.id.clone(), a.id.clone()));
                            absorb(a, b);
                        }
                    } else if doc_of(a) != doc_of(b)
                        && !disagreeing.contains(&i)
                        && !disagreeing.contains(&j)
                    {
                        // One disagreement per report: the nearest other report
                        // (the sweep meets it first), not every near one.
                        disagreeing.insert(i);
                        disagreeing.insert(j);
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
                                a.kind.id(),
                                quote(a, ta),
                                quote(b, tb)
                            ),
                            document: doc_of(b).to_string(),
                            span: Some(tb.span),
                            events: vec![a.id.clone(), b.id.clone()],
                        });
                    }
                }
            }
        }
    }
    // Undated reports join a report of the same type and actor in the same
    // document (a repeated statement, a restated mediation).
    let mut by_doc_type: HashMap<(String, crate::event::EventType), Vec<usize>> = HashMap::new();
    for (i, e) in slots.iter().enumerate() {
        if let Some(e) = e {
            by_doc_type
                .entry((doc_of(e).to_string(), e.kind))
                .or_default()
                .push(i);
        }
    }
    for i in 0..slots.len() {
        let Some(key) = slots[i]
            .as_ref()
            .filter(|e| e.time.is_none())
            .map(|e| (doc_of(e).to_string(), e.kind))
        else {
            continue;
        };
        let peers = by_doc_type.get(&key).cloned().unwrap_or_default();
        let target = peers.into_iter().find(|&j| {
            j != i
                && match (slots[j].as_ref(), slots[i].as_ref()) {
                    // Same type, same document, and either the actors agree
                    // or the report names none («در این بیانیه اضافه شده
                    // است» restates the statement told before it).
                    (Some(t), Some(e)) => {
                        t.kind == e.kind
                            && doc_of(t) == doc_of(e)
                            && (t.time.is_some() || j < i)
                            && if e.actors.is_empty() {
                                j < i
                            } else {
                                e.actors
                                    .iter()
                                    .all(|x| t.actors.iter().any(|y| y.id == x.id))
                            }
                    }
                    _ => false,
                }
        });
        if let Some(j) = target
            && let Some(e) = slots[i].take()
            && let Some(t) = slots[j].as_mut()
        {
            renamed.push((e.id.clone(), t.id.clone()));
            absorb(t, e);
        }
    }
    (slots.into_iter().flatten().collect(), renamed, diags)
}
