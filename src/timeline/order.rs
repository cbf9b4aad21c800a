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
pub fn sort(events: &mut [Event]) {
    events.sort_by(compare);
}

/// The transitive reduction of `before` over dated events, as index pairs
/// (a before b).
pub fn before_pairs(events: &[Event]) -> Vec<(usize, usize)> {
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
        for &(start_b, _, b) in &idx[first..] {
            if start_b > m {
                break;
            }
            out.push((a, b));
        }
    }
    out
}
