//! Timeline order and date-based relations.
//!
//! Events sort by (start, end, precision finer first, id), undated last.
//! `before` holds between two events only when it holds for every possible
//! date of both (A's latest end is earlier than B's earliest start); open
//! sides (since, until) are unbounded. Only the transitive reduction of
//! these relations is kept: A → B when no C fits between them, found for
//! each A by a binary search and a suffix minimum over the events sorted
//! by start, so the work is n log n plus the relations written.

use std::cmp::Ordering;

use chrono::NaiveDate;

use crate::calendar::Precision;
use crate::event::Event;

fn lo(e: &Event) -> Option<NaiveDate> {
    let t = e.time.as_ref()?;
    Some(t.start.unwrap_or(NaiveDate::MIN))
}

fn hi(e: &Event) -> Option<NaiveDate> {
    let t = e.time.as_ref()?;
    if t.start.is_none() && t.end.is_none() {
        return None;
    }
    Some(t.end.unwrap_or(NaiveDate::MAX))
}

fn precision(e: &Event) -> Precision {
    e.time.as_ref().map_or(Precision::Unknown, |t| t.precision)
}

/// The contract's order.
pub fn compare(a: &Event, b: &Event) -> Ordering {
    let key = |e: &Event| e.time.as_ref().and_then(|t| t.start);
    match (key(a), key(b)) {
        (Some(x), Some(y)) => x
            .cmp(&y)
            .then(hi(a).cmp(&hi(b)))
            .then(precision(a).cmp(&precision(b)))
            .then(a.id.cmp(&b.id)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => hi(a)
            .is_some()
            .cmp(&hi(b).is_some())
            .reverse()
            .then(hi(a).cmp(&hi(b)))
            .then(a.id.cmp(&b.id)),
    }
}

/// Sorts events into timeline order.
pub fn sort(events: &mut Vec<Event>) {
    // Sort indices, then move each event once: events are large, and a
    // sort that moves them is dominated by copying.
    // The order's key, computed once per event (start, end, precision; the
    // id only breaks ties, compared when the rest is equal).
    let key = |e: &Event| {
        let start = e.time.as_ref().and_then(|t| t.start);
        (start.is_none(), start, hi(e).is_none(), hi(e), precision(e))
    };
    let keys: Vec<_> = events.iter().map(key).collect();
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_unstable_by(|&a, &b| {
        keys[a]
            .cmp(&keys[b])
            .then_with(|| compare(&events[a], &events[b]))
    });
    let mut slots: Vec<Option<Event>> = std::mem::take(events).into_iter().map(Some).collect();
    events.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// The transitive reduction of `before` over dated events, as index pairs
/// (a before b).
///
/// `max_fanout` bounds how many immediate successors one event gets (the
/// earliest-starting first): when hundreds of events share a day, the
/// reduction links every one of them to every one of the next day's, which
/// floods a visualizer without telling it anything the dates do not. `None`
/// keeps the exact reduction.
pub fn before_pairs(events: &[Event], max_fanout: Option<usize>) -> Vec<(usize, usize)> {
    // Events with a known interval, sorted by their earliest start.
    let mut idx: Vec<(NaiveDate, NaiveDate, usize)> = events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((lo(e)?, hi(e)?, i)))
        .collect();
    idx.sort();
    let n = idx.len();
    // suffix_min[k] = the smallest end among idx[k..].
    let mut suffix_min = vec![NaiveDate::MAX; n + 1];
    for k in (0..n).rev() {
        suffix_min[k] = suffix_min[k + 1].min(idx[k].1);
    }
    let mut out = Vec::new();
    for &(_, end_a, a) in &idx {
        if end_a == NaiveDate::MAX {
            continue;
        }
        // First event that surely starts after A ends.
        let first = idx.partition_point(|x| x.0 <= end_a);
        if first >= n {
            continue;
        }
        let m = suffix_min[first];
        // B is an immediate successor when no event lies wholly between:
        // its start is not after the earliest end among the candidates.
        for (k, &(start_b, _, b)) in idx[first..].iter().enumerate() {
            if start_b > m || max_fanout.is_some_and(|f| k >= f) {
                break;
            }
            out.push((a, b));
        }
    }
    out
}
