//! Layout repair: choosing the best reading of damaged text.
//!
//! For every sentence that shows signs of layout damage (see
//! [`crate::lang::damage`]), candidate readings are generated with the
//! language-neutral operations of [`crate::text::layout`]:
//!
//! 1. **slot filling**: each run of numbers stranded after a clause-final
//!    verb or at the end of a line is split into pieces (a day, a year, a
//!    parenthesised date) and each piece put into the nearest empty slot of
//!    its kind before it («سال میلادی» takes a year, «روز آبان» a day);
//!    sentences split by a paragraph break are read across it;
//! 2. **run reversal**: runs of text and numbers of a sentence put back in
//!    logical order (any window of runs reversed, number ranges turned
//!    round), optionally leaving out a number the extraction repeated;
//!
//! and each is scored by how its dates read ([`DamageModel::assess`]). A reading
//! replaces the text only when it scores at least [`MARGIN`] better. Every
//! date read from a repaired reading carries a `repaired` record with the
//! original spans of its pieces and a `displaced-number` diagnostic; damage
//! with no clearly better reading is reported as `unrepaired-damage`. The
//! rules never know what the text is about: nothing here is specific to
//! any article.

use std::ops::Range;

use super::{Located, Repair};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::lang::damage::{DamageModel, Damaged, Signs, SlotKind, Token};
use crate::lang::expr::{Expr, Parsed};
use crate::text::Normalized;
use crate::text::layout::Reading;

/// How much better a reading must score to replace the text as it stands.
pub const MARGIN: i32 = 3;

/// Most runs a sentence may have for run reversal to be tried (the number
/// of candidates grows with the square of it).
const MAX_RUNS: usize = 24;

/// Repairs layout damage where a reading is clearly better (see module docs).
pub fn repair(
    document: &str,
    original: &str,
    index: &crate::text::CharIndex,
    norm: &Normalized,
    damaged: Option<(&dyn DamageModel, Box<dyn Damaged + '_>)>,
    parsed: Vec<Parsed>,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<Located>, Vec<RepairedView>) {
    let Some((model, damaged)) = damaged else {
        return (
            parsed
                .into_iter()
                .map(|p| Located::direct(norm, p))
                .collect(),
            Vec::new(),
        );
    };
    let toks = damaged.tokens();
    let signs = damaged.signs();
    if signs.slots.is_empty() && signs.stranded.is_empty() && !parsed.iter().any(is_reversed) {
        return (
            parsed
                .into_iter()
                .map(|p| Located::direct(norm, p))
                .collect(),
            Vec::new(),
        );
    }
    let mut views: Vec<RepairedView> = Vec::new();
    let mut replaced: Vec<Range<usize>> = Vec::new(); // normalized byte ranges
    let mut extra: Vec<Located> = Vec::new();
    // Where repair can do something, sorted, so each sentence is checked by
    // a binary search (never every sign for every sentence): an empty slot
    // (slot filling), or a number stranded after a verb (run reversal). A
    // number at a line's end with no slot before it, or a range high to
    // low, is no damage by itself.
    let mut sign_at: Vec<usize> = signs
        .slots
        .iter()
        .map(|s| s.before)
        .chain(
            signs
                .stranded
                .iter()
                .filter(|s| s.after_verb)
                .map(|s| s.toks.start),
        )
        .collect();
    sign_at.sort_unstable();
    let any_in = |v: &[usize], r: Range<usize>| {
        let k = v.partition_point(|&x| x < r.start);
        v.get(k).is_some_and(|&x| x < r.end)
    };
    for w in sentences(toks) {
        let (a, b) = (toks[w.start].start, toks[w.end - 1].end);
        if !any_in(&sign_at, w.clone()) {
            continue;
        }
        let _ = (a, b);
        match repair_window(document, original, index, norm, model, &*damaged, w.clone()) {
            Some((located, diags, view)) => {
                replaced.push(a..b);
                let k = views.len();
                extra.extend(located.into_iter().map(|mut l| {
                    l.view = Some(k);
                    l
                }));
                views.push(view);
                diagnostics.extend(diags);
            }
            None => {
                for s in signs.slots.iter().filter(|s| w.contains(&s.before)) {
                    let t = &toks[s.before];
                    let from = if s.before > 0 {
                        toks[s.before - 1].start
                    } else {
                        t.start
                    };
                    let r = norm.to_original(from..t.end);
                    diagnostics.push(Diagnostic {
                        severity: Severity::Warning,
                        code: Code::UnrepairedDamage,
                        message: format!(
                            "layout damage: «{}» is missing its {}; no reading was clearly better, so the text is left as it stands",
                            &norm.text[from..t.end],
                            match s.kind {
                                SlotKind::Year => "year",
                                SlotKind::Day => "day",
                                SlotKind::Paren => "opening parenthesis",
                            }
                        ),
                        document: document.to_string(),
                        span: Some([r.start, r.end].into()),
                        events: Vec::new(),
                    });
                }
            }
        }
    }
    // A repaired reading replaces the text it covers: what was read from
    // that text, wholly or in part, goes with it (an expression that runs
    // across the window's edge, such as «۱۹۹۲ ه.ش» cut at its «.», would
    // belong to no one view).
    let mut out: Vec<Located> = parsed
        .into_iter()
        .filter(|p| !replaced.iter().any(|r| p.start < r.end && r.start < p.end))
        .map(|p| Located::direct(norm, p))
        .collect();
    out.extend(extra);
    out.sort_by_key(|l| (l.span[0], l.span[1]));
    (out, views)
}

fn is_reversed(p: &Parsed) -> bool {
    matches!(p.expr, Expr::Range { reversed: true, .. })
}

/// Sentences as token ranges: they end at terminal punctuation; a
/// paragraph break ends one only after terminal punctuation, so a sentence
/// split by a break is one range.
fn sentences(toks: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (k, t) in toks.iter().enumerate() {
        if t.is_punct(&['.', '!', '?', '؟', '؛', ';']) {
            if k + 1 > start {
                out.push(start..k + 1);
            }
            start = k + 1;
        } else if t.is_break() && k == start {
            start = k + 1;
        }
    }
    if start < toks.len() {
        out.push(start..toks.len());
    }
    out
}

type WindowRepair = (Vec<Located>, Vec<Diagnostic>, RepairedView);

/// A repaired stretch of text: the reading that replaced it.
#[derive(Debug, Clone)]
pub struct RepairedView {
    /// Normalized byte range of the window.
    pub covers: Range<usize>,
    pub reading: Reading,
    /// The window's units (normalized byte ranges of its tokens).
    pub units: Vec<Range<usize>>,
    pub rendered: crate::text::layout::Rendered,
}

fn repair_window(
    document: &str,
    original: &str,
    index: &crate::text::CharIndex,
    norm: &Normalized,
    model: &dyn DamageModel,
    damaged: &dyn crate::lang::damage::Damaged,
    w: Range<usize>,
) -> Option<WindowRepair> {
    let (toks, signs) = (damaged.tokens(), damaged.signs());
    // The window's units: its tokens without line breaks.
    let idx: Vec<usize> = w.clone().filter(|&k| !toks[k].is_break()).collect();
    let units: Vec<Range<usize>> = idx.iter().map(|&k| toks[k].start..toks[k].end).collect();
    let local = |g: usize| idx.binary_search(&g).ok();
    // The source line of each unit (line breaks counted inside the window).
    let unit_line: Vec<usize> = {
        let mut line = 0;
        let mut out = Vec::with_capacity(idx.len());
        for k in w.clone() {
            if toks[k].is_break() {
                line += 1;
            } else {
                out.push(line);
            }
        }
        out
    };
    let base = Reading::identity(0..units.len());
    let assess = |r: &Reading| model.assess(&r.render(&norm.text, &units).text);
    let base_assessment = assess(&base);
    let mut best = (base.clone(), base_assessment.score, Vec::<Note>::new());
    let mut best_assessment = base_assessment;

    // 1. Slot filling.
    if let Some((r, notes)) = fill_slots(toks, signs, &w, &local, units.len()) {
        let a = assess(&r);
        if a.score >= best.1 + MARGIN {
            best = (r, a.score, notes);
            best_assessment = a;
        }
    }
    // 2. Run reversal, on top of the best reading so far, when damage
    // remains: a window of runs of one source line, from a number run to a
    // number run, is put back in order; the candidate must leave fewer signs.
    let order: Vec<usize> = best.0.order.iter().map(|&p| idx[p]).collect();
    let crate::lang::damage::Runs {
        runs,
        is_num,
        flippable,
    } = damaged.runs(&order);
    let left = best_assessment.signs;
    // The source line of each run (runs that mix lines are never reversed).
    let line_of = |pos: usize| unit_line[best.0.order[pos]];
    let one_line = |a: usize, b: usize| {
        let l = line_of(runs[a].start);
        (runs[a].start..runs[b].end).all(|p| line_of(p) == l)
    };
    // A range written high to low is not damage by itself (writers do it):
    // reversal is tried only when a slot is empty or a number is stranded.
    let structural = best_assessment.structural;
    // Runs in display order show as a range written high to low beside
    // other damage: without such a range, no reversal is tried.
    if left > 0
        && structural > 0
        && best_assessment.reversed > 0
        && runs.len() <= MAX_RUNS
        && is_num.iter().filter(|n| **n).count() >= 2
    {
        let mut top: Option<(Reading, i32, Vec<Note>)> = None;
        for a in 0..runs.len() {
            for b in a + 1..runs.len() {
                if !is_num[a] || !is_num[b] || !one_line(a, b) {
                    continue;
                }
                let flip: Vec<usize> = (a..=b).filter(|&k| flippable[k]).collect();
                let rev = best.0.runs_reversed(&runs, a, b, &flip);
                let mut cands = vec![(rev.clone(), Vec::new())];
                // A number the extraction repeated: a bare number whose value
                // stands again in another number run of the reversed stretch.
                let rev_toks: Vec<Token> = rev.order.iter().map(|&p| toks[idx[p]]).collect();
                let rev_order: Vec<usize> = rev.order.iter().map(|&p| idx[p]).collect();
                let crate::lang::damage::Runs {
                    runs: rruns,
                    is_num: rnum,
                    ..
                } = damaged.runs(&rev_order);
                let text_of = |t: &Token| &norm.text[t.start..t.end];
                for (k, r) in rruns.iter().enumerate() {
                    if !rnum[k] || r.len() != 1 {
                        continue;
                    }
                    let v = text_of(&rev_toks[r.start]);
                    let repeated = rruns.iter().enumerate().any(|(j, o)| {
                        j != k && rnum[j] && o.clone().any(|q| text_of(&rev_toks[q]) == v)
                    });
                    if repeated {
                        cands.push((rev.without(&[r.start]), vec![v.to_string()]));
                    }
                }
                for (c, dropped) in cands {
                    let a = assess(&c);
                    if a.signs >= left {
                        continue;
                    }
                    let s = a.score - dropped.len() as i32;
                    if top.as_ref().is_none_or(|t| s > t.1) {
                        let mut notes = vec![Note::Reversed];
                        for d in &dropped {
                            notes.push(Note::Dropped(d.clone()));
                        }
                        top = Some((c, s, notes));
                    }
                }
            }
        }
        if let Some((r, s, notes)) = top
            && s >= best.1 + MARGIN
        {
            let mut all = best.2.clone();
            all.extend(notes);
            best = (r, s, all);
        }
    }
    if best.0 == base {
        return None;
    }
    let reading = best.0;
    let rendered = reading.render(&norm.text, &units);
    let notes = best.2;
    let mut located = Vec::new();
    let mut diags = Vec::new();
    for p in model.parse(&rendered.text) {
        let pieces = reading.pieces(&norm.text, &rendered, &units, p.start..p.end);
        let alt_pieces = p
            .alternative
            .as_ref()
            .map(|a| reading.pieces(&norm.text, &rendered, &units, a.start..a.end));
        let spans: Vec<[usize; 2]> = pieces
            .iter()
            .map(|r| {
                let o = norm.to_original(r.clone());
                [o.start, o.end]
            })
            .collect();
        let Some(main) = main_piece(&norm.text, &pieces) else {
            continue;
        };
        let o = norm.to_original(main);
        let alternative_span = alt_pieces.and_then(|ap| {
            let m = main_piece(&norm.text, &ap)?;
            let o = norm.to_original(m);
            Some([o.start, o.end])
        });
        let moved = pieces.len() > 1
            || p.alternative.is_some()
                && alt_pieces_moved(&norm.text, &reading, &rendered, &units, &p);
        // The reading in the original's own characters (its digits, its
        // spelling), pieces in reading order.
        let reading_text = pieces
            .iter()
            .map(|r| {
                let o = norm.to_original(r.clone());
                index.slice(original, o.start, o.end).to_string()
            })
            .collect::<Vec<_>>()
            .join(" ");
        let note = describe_notes(&notes, &pieces, original, index, norm);
        let repair = moved.then(|| Repair {
            note: note.clone(),
            reading: reading_text.clone(),
            pieces: spans.iter().map(|&s| s.into()).collect(),
        });
        if moved {
            diags.push(Diagnostic {
                severity: Severity::Info,
                code: Code::DisplacedNumber,
                                message: format!(
                    "layout damage repaired: «{}» read as «{reading_text}», put together from {} pieces of the text",
                    norm_text_of(original, index, norm, &pieces),
                    spans.len()
                ),
                document: document.to_string(),
                span: Some([o.start, o.end].into()),
                events: Vec::new(),
            });
        }
        // `parsed` keeps its spans in the reading's coordinates.
        let parsed = p;
        located.push(Located {
            parsed,
            span: [o.start, o.end].into(),
            alternative_span,
            repair,
            view: None,
        });
    }
    let covers = toks[w.start].start..toks[w.end - 1].end;
    Some((
        located,
        diags,
        RepairedView {
            covers,
            reading,
            units,
            rendered,
        },
    ))
}

fn alt_pieces_moved(
    source: &str,
    reading: &Reading,
    rendered: &crate::text::layout::Rendered,
    units: &[Range<usize>],
    p: &Parsed,
) -> bool {
    // A dual date is repaired when its two sides are not where the text had
    // them: the whole expression spans more than one piece.
    let _ = p.alternative.as_ref();
    reading
        .pieces(source, rendered, units, p.start..p.end)
        .len()
        > 1
}

/// The part of the source that stands for a repaired expression in its
/// `text` and `span`: pieces that stand side by side in the source (on one
/// line) are taken together, and the group that weighs most wins, digits
/// weighing three times a letter («۱۹۸۸» over «میلادی», «از سال میلادی»
/// over «۱۹۹۲»); ties go to the earliest.
fn main_piece(norm: &str, pieces: &[Range<usize>]) -> Option<Range<usize>> {
    let mut sorted: Vec<Range<usize>> = pieces.to_vec();
    sorted.sort_by_key(|r| r.start);
    let mut groups: Vec<Range<usize>> = Vec::new();
    for r in sorted {
        match groups.last_mut() {
            Some(g) if g.end <= r.start && norm[g.end..r.start].chars().all(|c| c == ' ') => {
                g.end = g.end.max(r.end)
            }
            _ => groups.push(r),
        }
    }
    let weight = |r: &Range<usize>| -> usize {
        norm[r.clone()]
            .chars()
            .map(|c| {
                if c.is_ascii_digit() {
                    3
                } else {
                    usize::from(!c.is_whitespace())
                }
            })
            .sum()
    };
    let mut best: Option<Range<usize>> = None;
    for g in groups {
        if best.as_ref().is_none_or(|b| weight(&g) > weight(b)) {
            best = Some(g);
        }
    }
    best
}

/// Puts each stranded piece into the nearest empty slot of its kind before
/// it. Returns the reading and a note per move, or `None` when nothing fits.
fn fill_slots(
    toks: &[Token],
    signs: &Signs,
    w: &Range<usize>,
    local: &dyn Fn(usize) -> Option<usize>,
    n: usize,
) -> Option<(Reading, Vec<Note>)> {
    let mut used = vec![false; signs.slots.len()];
    // (slot before-position, piece local positions)
    let mut inserts: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut removed: Vec<usize> = Vec::new();
    let mut notes = Vec::new();
    for st in signs.stranded.iter().filter(|s| w.contains(&s.toks.start)) {
        if st.pieces.is_empty() {
            continue;
        }
        let mut plan = Vec::new();
        let mut taken = used.clone();
        for piece in &st.pieces {
            let pick = signs
                .slots
                .iter()
                .enumerate()
                .filter(|(i, s)| {
                    !taken[*i]
                        && s.kind == piece.kind
                        && s.before < st.toks.start
                        && w.contains(&s.before)
                })
                .max_by_key(|(_, s)| s.before);
            match pick {
                Some((i, s)) => {
                    taken[i] = true;
                    plan.push((s, piece));
                }
                None => {
                    plan.clear();
                    break;
                }
            }
        }
        if plan.is_empty() {
            continue;
        }
        used = taken;
        for (slot, piece) in plan {
            let positions: Vec<usize> = piece.toks.clone().filter_map(local).collect();
            let before = local(slot.before)?;
            notes.push(Note::Moved(
                toks[piece.toks.start].start..toks[piece.toks.end - 1].end,
            ));
            if let Some(orphan) = slot.orphan
                && toks[piece.toks.end - 1].is_punct(&[')'])
            {
                removed.push(local(orphan)?);
            }
            inserts.push((before, positions));
        }
        removed.extend(st.toks.clone().filter_map(local));
    }
    if inserts.is_empty() {
        return None;
    }
    let mut order = Vec::with_capacity(n);
    for p in 0..n {
        for (before, pieces) in &inserts {
            if *before == p {
                order.extend_from_slice(pieces);
            }
        }
        if !removed.contains(&p) {
            order.push(p);
        }
    }
    Some((Reading { order }, notes))
}

/// The pieces' original text in source order, joined with « … ».
fn norm_text_of(
    original: &str,
    index: &crate::text::CharIndex,
    norm: &Normalized,
    pieces: &[Range<usize>],
) -> String {
    let mut sorted = pieces.to_vec();
    sorted.sort_by_key(|r| r.start);
    sorted
        .iter()
        .map(|r| {
            let o = norm.to_original(r.clone());
            index.slice(original, o.start, o.end).to_string()
        })
        .collect::<Vec<_>>()
        .join(" … ")
}

/// What a repair did, for the notes of the dates it touched.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Note {
    /// A stranded piece (normalized byte range) was put into its slot.
    Moved(Range<usize>),
    /// Runs of a line were put back from display order.
    Reversed,
    /// A number the extraction repeated was left over.
    Dropped(String),
}

/// The notes that concern a date read from `pieces` (normalized ranges in
/// reading order), in words, quoting the original text.
fn describe_notes(
    notes: &[Note],
    pieces: &[Range<usize>],
    original: &str,
    index: &crate::text::CharIndex,
    norm: &Normalized,
) -> String {
    let quote = |r: &Range<usize>| {
        let o = norm.to_original(r.clone());
        index.slice(original, o.start, o.end).to_string()
    };
    // Out of source order once the moved pieces are set aside: runs were
    // reversed.
    let moved = |p: &Range<usize>| {
        notes
            .iter()
            .any(|n| matches!(n, Note::Moved(r) if p.start < r.end && r.start < p.end))
    };
    let rest: Vec<&Range<usize>> = pieces.iter().filter(|p| !moved(p)).collect();
    let reordered = rest.windows(2).any(|w| w[1].start < w[0].start);
    let mut out = Vec::new();
    for n in notes {
        match n {
            Note::Moved(r) if pieces.iter().any(|p| p.start < r.end && r.start < p.end) => out
                .push(format!(
                    "«{}» stood away from its place and was put back",
                    quote(r)
                )),
            Note::Reversed if reordered => out.push(
                "runs of the line were in display order and were put back in reading order"
                    .to_string(),
            ),
            Note::Dropped(v) if reordered => out.push(format!(
                "a repeated «{}» was left over",
                crate::text::script::persian_digits(v)
            )),
            _ => {}
        }
    }
    if out.is_empty() {
        out.push("a sentence split by a line break was read across it".to_string());
    }
    out.join("; ")
}
