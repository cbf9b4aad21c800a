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
//! whether the event exists. Dates that make no event: the article's own
//! dateline, page chrome, durations, sets, present and past references,
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
use super::{EntityRef, Event, Evidence, Mood, RelationType};
use crate::lang::expr::Tense;
use crate::lang::language;
use crate::lang::language::Clause;
use crate::temporal::DatedDocument;
use crate::temporal::Time;
use crate::temporal::{MentionType, Reference};
use crate::text::Document;

/// A relation the text states between two events of one document
/// (indices into the returned events).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextRelation {
    pub from: usize,
    pub to: usize,
    pub kind: RelationType,
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
    for (i, m) in ex.mentions.iter().enumerate() {
        if m.kind == MentionType::Date
            && !m.chrome
            // The article's own dateline dates the article, not an event.
            && ex.dateline != Some(i)
            && !matches!(
                dated.resolved[i].time.reference(),
                Some(Reference::Present | Reference::Past)
            )
            && let Some(v) = view_dates.get_mut(m.view)
        {
            v.push((i, m.view_range.clone()));
        }
    }
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
        // First pass: which clauses hold an event, and their own dates.
        let mut found: Vec<(usize, Option<usize>, Option<usize>)> = Vec::new(); // (clause, trigger hit, date mention)
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
            let score = |h: &super::gazetteer::Hit| {
                let distance = if verb_final {
                    (0.02 * after(h)).min(0.2)
                } else {
                    0.0
                };
                trig.items[h.item].weight - distance - if oblique(h) { 0.15 } else { 0.0 }
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
            let own_dates: Vec<&(usize, Range<usize>)> = dates_at
                .inside(&c.range)
                .into_iter()
                .map(|d| &dates[d])
                .collect();
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
                let mut used = std::collections::HashSet::new();
                for (di, dr) in own_dates {
                    let Some(&k) = in_clause
                        .iter()
                        .min_by_key(|&&k| (gap(&hits[k].range, dr), hits[k].range.start))
                    else {
                        continue;
                    };
                    if !used.insert(k) {
                        continue;
                    }
                    claimed[*di] = true;
                    found.push((ci, Some(k), Some(*di)));
                }
                continue;
            }
            let own = own_dates.first().map(|(i, _)| *i);
            if let Some(i) = own {
                claimed[i] = true;
            }
            found.push((ci, Some(hi), own));
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
                queue = untriggered(cls, dates, &dates_at, &claimed, &event_clauses, |c| {
                    // Words of the clause outside its dates: a month name
                    // is no verb, and one word («گزارش», "Report") says
                    // nothing of its date.
                    // (Tokens and dates are both in order: one walk.)
                    let inside = dates_at.inside(&c.range);
                    let mut d = 0;
                    let mut words = 0;
                    for t in &toks[c.toks.clone()] {
                        while d < inside.len() && dates[inside[d]].1.end < t.end {
                            d += 1;
                        }
                        let in_date = d < inside.len() && dates[inside[d]].1.start <= t.start;
                        if !in_date && view.text[t.clone()].chars().any(char::is_alphabetic) {
                            words += 1;
                            if words >= 2 {
                                break;
                            }
                        }
                    }
                    words >= 2 && seg.tense(c) != Tense::Unknown
                });
            }
            for (ci, hi, own) in std::mem::take(&mut queue) {
                let c: &Clause = &cls[ci];
                let h = hi.map(|hi| &hits[hi]);
                let t = h.map(|h| &trig.items[h.item]);
                let (kind, weight) = t.map_or((super::EventType::Other, UNTRIGGERED), |t| {
                    (t.kind, t.weight)
                });
                let cue = cues_at
                    .inside(&c.range)
                    .into_iter()
                    .map(|q| &cue_hits[q])
                    .find(|q| h.is_none_or(|h| q.range.start < h.range.end));
                // A clause with no date of its own may take the one unclaimed
                // date of its sentence, unless a cue places it by relation.
                let date = own.or_else(|| {
                    if cue.is_some() {
                        return None;
                    }
                    let sentence = sentence_range
                        .get(&c.sentence)
                        .cloned()
                        .unwrap_or(c.range.clone());
                    let inside = dates_at.inside(&sentence);
                    let mut cands = inside
                        .iter()
                        .map(|&d| &dates[d])
                        .filter(|(i, _)| !claimed[*i]);
                    match (cands.next(), cands.next()) {
                        (Some((i, _)), None) => Some(*i),
                        _ => None,
                    }
                });
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
                let mut actors = entity(&c.range, true);
                if actors.is_empty() {
                    actors = entity(&previous_clause, true);
                }
                let mut places = entity(&c.range, false);
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
                let [start, end] = view.original_span(norm, c.range.clone());
                let quote = ex.chars.slice(&doc.text, start, end).to_string();
                let summary = view.original_text(&doc.text, &ex.chars, norm, c.range.clone());
                let time: Option<Time> = date.map(|i| dated.resolved[i].time.clone());
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
                events.push(Event {
                    id,
                    kind,
                    summary,
                    time,
                    // A plan is told in the future tense: that of the clause
                    // of the event's date (read by the language's own rules,
                    // as for resolving it), else that of the event's clause.
                    // Negation and conditionals are not detected yet (see `Mood`).
                    mood: if date.map_or(tense, |i| dated.resolved[i].tense) == Tense::Future {
                        Mood::Planned
                    } else {
                        Mood::Asserted
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
    (events, rels)
}

/// The confidence of an event that no trigger word typed (`other`).
const UNTRIGGERED: f64 = 0.5;

/// Clauses that hold a date no event took, that are no event's clause
/// already (a second date of an event's clause qualifies it) and that say
/// something (`has_predicate`: a verb the language reads a tense from; a
/// date alone, a heading or a site's date line says nothing): one
/// untriggered event each, dated by the clause's first such date.
fn untriggered(
    cls: &[Clause],
    dates: &[(usize, Range<usize>)],
    dates_at: &ByStart,
    claimed: &[bool],
    event_clauses: &std::collections::HashSet<usize>,
    has_predicate: impl Fn(&Clause) -> bool,
) -> Vec<(usize, Option<usize>, Option<usize>)> {
    cls.iter()
        .enumerate()
        .filter(|(ci, c)| !event_clauses.contains(ci) && has_predicate(c))
        .filter_map(|(ci, c)| {
            let first = dates_at
                .inside(&c.range)
                .into_iter()
                .map(|d| dates[d].0)
                .find(|&i| !claimed[i])?;
            Some((ci, None, Some(first)))
        })
        .collect()
}
