//! Matching predictions to gold and counting (the rules are in the
//! [module docs](super)).

use std::cmp::Reverse;

use chrono::NaiveDate;

use super::gold::{Gold, GoldExpr, GoldKind, GoldModifier, GoldValue};
use super::report::{
    Breakdown, CALENDAR_KEYS, DateScore, Details, EventItem, EventScore, FileReport, GoldEventItem,
    GoldItem, KIND_KEYS, PredictionItem, WrongEvent, WrongValue, merge_rows,
};
use crate::calendar::{Calendar, LunarVariant};
use crate::event::{Event, EventType};
use crate::lang::Lang;
use crate::pipeline::{self, DatedDocument};
use crate::temporal::MentionType;

/// How to read the annotated articles.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Force a language; otherwise the gold file's `lang`.
    pub lang: Option<Lang>,
    pub lunar: LunarVariant,
}

impl Options {
    fn pipeline(&self) -> pipeline::Options {
        pipeline::Options {
            lang: self.lang,
            published: None,
            lunar: self.lunar,
        }
    }
}

/// One prediction: a date entry, or the alternative reading of one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prediction {
    pub text: String,
    pub span: [usize; 2],
    pub kind: MentionType,
    pub calendar: Calendar,
    pub value: Option<String>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub rule: String,
    pub alternative: bool,
}

/// The predictions of a document, in document order: every entry of the
/// dates listing, each followed by its alternative reading if any.
pub fn predictions(dated: &DatedDocument) -> Vec<Prediction> {
    let mut out = Vec::new();
    for d in &dated.dates {
        let t = &d.time;
        out.push(Prediction {
            text: t.text.clone(),
            span: t.span.0,
            kind: d.kind,
            calendar: t.calendar,
            value: t.value.clone(),
            start: t.start,
            end: t.end,
            rule: t.rule.clone(),
            alternative: false,
        });
        if let Some(a) = &t.alternative {
            out.push(Prediction {
                text: a.text.clone(),
                span: a.span.0,
                kind: d.kind,
                calendar: a.calendar,
                value: a.value.clone(),
                start: a.start,
                end: a.end,
                rule: format!("{} (alternative)", t.rule),
                alternative: true,
            });
        }
    }
    out
}

fn kind_id(k: MentionType) -> &'static str {
    match k {
        MentionType::Date => "date",
        MentionType::Time => "time",
        MentionType::Duration => "duration",
        MentionType::Set => "set",
    }
}

/// Characters shared by two `[start, end)` spans.
pub fn overlap(a: [usize; 2], b: [usize; 2]) -> usize {
    a[1].min(b[1]).saturating_sub(a[0].max(b[0]))
}

/// Whether a reading (`start`, `end`, `value`) is right for a gold
/// expression: see the module docs.
pub fn value_right(
    g: &GoldExpr,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    value: Option<&str>,
) -> bool {
    match &g.value {
        GoldValue::Unresolved => start.is_none() && end.is_none(),
        GoldValue::Literal(s) => value.is_some_and(|v| v == s || same_duration(v, s)),
        // A reading with no bounds but a value of years before the common
        // era (`BC0535`, which the contract writes with no bounds) is
        // compared by the days its value names.
        GoldValue::Interval { .. }
            if start.is_none()
                && end.is_none()
                && let Some(v) = value.filter(|v| v.starts_with("BC"))
                && let Ok(GoldValue::Interval { start: ps, end: pe }) =
                    super::gold::parse_value(v, super::gold::GoldKind::Date) =>
        {
            value_right(g, ps, pe, None)
        }
        GoldValue::Interval { start: gs, end: ge } => match g.modifier {
            GoldModifier::Since => start == *gs,
            GoldModifier::Until => end == *ge,
            // "after X" read as the open interval from the day after X, as
            // the contract writes it, or as X itself.
            GoldModifier::After => {
                (start == *gs && end == *ge)
                    || (end.is_none() && start.is_some() && start == ge.and_then(|d| d.succ_opt()))
            }
            GoldModifier::Before => {
                (start == *gs && end == *ge)
                    || (start.is_none() && end.is_some() && end == gs.and_then(|d| d.pred_opt()))
            }
            _ => start == *gs && end == *ge,
        },
    }
}

/// True when two ISO durations name the same length with different
/// designators: TIMEX3's decade and century (`P1DE` = `P10Y`, `P3DE` =
/// `P30Y`, `P1CE` = `P100Y`), which annotators write either way, and a
/// fraction or the smaller units (`P2.5Y` = `P2Y6M`, `PT1.5H` = `PT1H30M`
/// = `PT90M`). Years and months are compared as months, weeks, days and
/// times as seconds; the two are never compared with each other.
fn same_duration(a: &str, b: &str) -> bool {
    /// (months, seconds), in thousandths.
    fn length(v: &str) -> Option<(u64, u64)> {
        let body = v.strip_prefix('P')?;
        let (date, time) = match body.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (body, None),
        };
        let mut months = 0u64;
        let mut secs = 0u64;
        let mut read = |part: &str, in_time: bool| -> Option<()> {
            let mut num = String::new();
            let mut rest = part;
            while !rest.is_empty() {
                let c = rest.chars().next()?;
                if c.is_ascii_digit() || c == '.' {
                    num.push(c);
                    rest = &rest[1..];
                    continue;
                }
                let (unit, len) = if rest.starts_with("DE") {
                    ("DE", 2)
                } else if rest.starts_with("CE") {
                    ("CE", 2)
                } else {
                    (&rest[..c.len_utf8()], c.len_utf8())
                };
                let n: f64 = num.parse().ok()?;
                let milli = (n * 1000.0).round() as u64;
                match (unit, in_time) {
                    ("Y", false) => months += milli * 12,
                    ("M", false) => months += milli,
                    ("DE", false) => months += milli * 120,
                    ("CE", false) => months += milli * 1200,
                    ("W", false) => secs += milli * 7 * 86_400,
                    ("D", false) => secs += milli * 86_400,
                    ("H", true) => secs += milli * 3600,
                    ("M", true) => secs += milli * 60,
                    ("S", true) => secs += milli,
                    _ => return None,
                }
                num.clear();
                rest = &rest[len..];
            }
            num.is_empty().then_some(())
        };
        read(date, false)?;
        if let Some(t) = time {
            read(t, true)?;
        }
        Some((months, secs))
    }
    length(a).is_some_and(|l| Some(l) == length(b))
}

#[cfg(test)]
mod duration_tests {
    use super::{same_duration, value_right};
    use crate::eval::gold::{GoldCalendar, GoldExpr, GoldKind, GoldModifier, parse_value};
    use chrono::NaiveDate;

    fn gold(value: &str, modifier: GoldModifier) -> GoldExpr {
        GoldExpr {
            text: "x".into(),
            occurrence: 1,
            span: [0, 1],
            kind: GoldKind::Date,
            value_text: value.into(),
            value: parse_value(value, GoldKind::Date).unwrap(),
            calendar: GoldCalendar::Gregorian,
            modifier,
            chrome: false,
            line: 1,
        }
    }

    fn day(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn after_and_before_match_the_open_interval_or_the_date_itself() {
        let after = gold("2020-05-03", GoldModifier::After);
        assert!(value_right(
            &after,
            day("2020-05-04"),
            None,
            Some("2020-05-03")
        ));
        assert!(value_right(
            &after,
            day("2020-05-03"),
            day("2020-05-03"),
            None
        ));
        assert!(!value_right(&after, day("2020-05-05"), None, None));
        assert!(!value_right(
            &after,
            day("2020-05-04"),
            day("2020-06-01"),
            None
        ));
        let before = gold("2021-06-09", GoldModifier::Before);
        assert!(value_right(&before, None, day("2021-06-08"), None));
        assert!(!value_right(&before, None, day("2021-06-09"), None));
    }

    #[test]
    fn a_value_before_the_common_era_is_compared_by_its_days() {
        let g = gold("BC0535", GoldModifier::None);
        assert!(value_right(&g, None, None, Some("BC0535")));
        assert!(!value_right(&g, None, None, Some("BC0536")));
        let century = gold("BC0600/BC0501", GoldModifier::None);
        assert!(value_right(&century, None, None, Some("BC0600/BC0501")));
    }

    #[test]
    fn durations_of_one_length_written_two_ways() {
        assert!(same_duration("P1DE", "P10Y"));
        assert!(same_duration("P1CE", "P100Y"));
        assert!(same_duration("P2.5Y", "P2Y6M"));
        assert!(same_duration("PT1.5H", "PT1H30M"));
        assert!(same_duration("PT90M", "PT1H30M"));
        assert!(same_duration("P1W", "P7D"));
        assert!(!same_duration("P1M", "P30D"));
        assert!(!same_duration("P2Y", "P3Y"));
        assert!(!same_duration("PXY", "PXY6M"));
        assert!(!same_duration("PTXH", "PT1H"));
    }
}

fn gold_item(g: &GoldExpr) -> GoldItem {
    GoldItem {
        text: g.text.clone(),
        span: g.span,
        kind: g.kind.id().to_string(),
        value: g.value_text.clone(),
        modifier: g.modifier.id().to_string(),
        line: g.line,
    }
}

fn prediction_item(p: &Prediction, not_a_date: bool) -> PredictionItem {
    PredictionItem {
        text: p.text.clone(),
        span: p.span,
        kind: kind_id(p.kind).to_string(),
        calendar: p.calendar.id().to_string(),
        value: p.value.clone(),
        start: p.start,
        end: p.end,
        rule: p.rule.clone(),
        alternative: p.alternative,
        not_a_date,
    }
}

/// One-to-one assignment of gold expressions to predictions: the pairs
/// that qualify, largest overlap first, then by position.
fn assign(gold: &[GoldExpr], preds: &[Prediction]) -> Vec<Option<usize>> {
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        if g.kind == GoldKind::NotADate {
            continue;
        }
        let glen = g.span[1] - g.span[0];
        for (pi, p) in preds.iter().enumerate() {
            let ov = overlap(g.span, p.span);
            let plen = p.span[1].saturating_sub(p.span[0]);
            if ov > 0 && plen <= 2 * glen {
                pairs.push((ov, gi, pi));
            }
        }
    }
    pairs.sort_by_key(|&(ov, gi, pi)| (Reverse(ov), gold[gi].span[0], preds[pi].span[0], gi, pi));
    let mut of_gold = vec![None; gold.len()];
    let mut taken = vec![false; preds.len()];
    for (_, gi, pi) in pairs {
        if of_gold[gi].is_none() && !taken[pi] {
            of_gold[gi] = Some(pi);
            taken[pi] = true;
        }
    }
    of_gold
}

fn row<'a>(rows: &'a mut Vec<Breakdown>, key: &str) -> &'a mut Breakdown {
    if let Some(i) = rows.iter().position(|r| r.key == key) {
        return &mut rows[i];
    }
    rows.push(Breakdown {
        key: key.to_string(),
        ..Breakdown::default()
    });
    rows.last_mut().expect("just pushed")
}

/// The spans an extracted event can match by: its time's, and its
/// alternative's, with the bounds and value of each.
type Reading = (
    [usize; 2],
    Option<NaiveDate>,
    Option<NaiveDate>,
    Option<String>,
    String,
);

fn readings(e: &Event) -> Vec<Reading> {
    let Some(t) = &e.time else {
        return Vec::new();
    };
    let mut v = vec![(t.span.0, t.start, t.end, t.value.clone(), t.text.clone())];
    if let Some(a) = &t.alternative {
        v.push((a.span.0, a.start, a.end, a.value.clone(), a.text.clone()));
    }
    v
}

fn event_item(e: &Event, reading: Option<&Reading>) -> EventItem {
    let r = reading.cloned().or_else(|| readings(e).into_iter().next());
    EventItem {
        id: e.id.clone(),
        kind: e.kind.id().to_string(),
        mood: e.mood.id().to_string(),
        summary: e.summary.clone(),
        time: r.as_ref().map(|r| r.4.clone()),
        span: r.as_ref().map(|r| r.0),
        start: r.as_ref().and_then(|r| r.1),
        end: r.as_ref().and_then(|r| r.2),
    }
}

/// Scores one checked gold file.
pub fn score(gold: &Gold, opts: &Options) -> FileReport {
    let popts = opts.pipeline();
    let dated = pipeline::dates(&gold.document, &popts);
    let preds = predictions(&dated);
    let of_gold = assign(&gold.dates, &preds);
    let mut matched_pred = vec![false; preds.len()];
    let mut d = DateScore {
        predictions: preds.len(),
        ..DateScore::default()
    };
    let mut det = Details::default();
    let mut by_calendar: Vec<Breakdown> = Vec::new();
    let mut by_kind: Vec<Breakdown> = Vec::new();
    for (g, hit) in gold.dates.iter().zip(&of_gold) {
        if g.kind == GoldKind::NotADate {
            d.not_a_date += 1;
            continue;
        }
        d.gold += 1;
        d.chrome += usize::from(g.chrome);
        row(&mut by_calendar, g.calendar.id()).gold += 1;
        row(&mut by_kind, g.kind.id()).gold += 1;
        let Some(pi) = *hit else {
            det.missed.push(gold_item(g));
            continue;
        };
        let p = &preds[pi];
        matched_pred[pi] = true;
        d.found += 1;
        d.chrome_found += usize::from(g.chrome);
        row(&mut by_calendar, g.calendar.id()).found += 1;
        row(&mut by_kind, g.kind.id()).found += 1;
        row(&mut by_calendar, p.calendar.id()).predictions_matched += 1;
        row(&mut by_kind, kind_id(p.kind)).predictions_matched += 1;
        if value_right(g, p.start, p.end, p.value.as_deref()) {
            d.value_right += 1;
            row(&mut by_calendar, g.calendar.id()).value_right += 1;
            row(&mut by_kind, g.kind.id()).value_right += 1;
        } else {
            det.wrong_value.push(WrongValue {
                gold: gold_item(g),
                got: prediction_item(p, false),
            });
        }
    }
    for (p, matched) in preds.iter().zip(&matched_pred) {
        row(&mut by_calendar, p.calendar.id()).predictions += 1;
        row(&mut by_kind, kind_id(p.kind)).predictions += 1;
        if !matched {
            let on_not_a_date = gold
                .dates
                .iter()
                .any(|g| g.kind == GoldKind::NotADate && overlap(g.span, p.span) > 0);
            d.not_a_date_predicted += usize::from(on_not_a_date);
            det.extra.push(prediction_item(p, on_not_a_date));
        }
    }
    d.finish();
    let mut calendar_rows = Vec::new();
    merge_rows(&mut calendar_rows, &by_calendar, &CALENDAR_KEYS);
    let mut kind_rows = Vec::new();
    merge_rows(&mut kind_rows, &by_kind, &KIND_KEYS);

    let timeline = pipeline::timeline(std::slice::from_ref(&gold.document), &popts);
    let events = score_events(gold, &timeline.events, &mut det);
    FileReport {
        file: gold.path.to_string_lossy().to_string(),
        text: gold.text_path.to_string_lossy().to_string(),
        dates: d,
        events,
        by_calendar: calendar_rows,
        by_kind: kind_rows,
        details: Some(det),
    }
}

/// A predicted type is right when it is the gold one, or one of the types
/// added after the annotation guideline filed them under `other`
/// (protest, threat, coercion, sanction) against a gold `other`: gold
/// files written before those types existed say `other` for them.
fn same_type(predicted: EventType, gold: EventType) -> bool {
    use EventType::*;
    predicted == gold
        || (gold == Other && matches!(predicted, Protest | Threat | Coercion | Sanction))
}

/// Matches the extracted `events` of a document to its gold events and
/// counts; misses, extras and wrong ones go to `det`.
pub fn score_events(gold: &Gold, events: &[Event], det: &mut Details) -> EventScore {
    let extracted: Vec<&Event> = events.iter().filter(|e| e.time.is_some()).collect();
    let mut s = EventScore {
        gold: gold.events.len(),
        extracted: extracted.len(),
        undated: events.len() - extracted.len(),
        ..EventScore::default()
    };
    // Candidate pairs: (type differs, overlap, gold event, extracted, reading).
    let mut pairs: Vec<(bool, usize, usize, usize, usize)> = Vec::new();
    for (gi, ge) in gold.events.iter().enumerate() {
        let span = gold.dates[ge.date].span;
        for (xi, x) in extracted.iter().enumerate() {
            let best = readings(x)
                .iter()
                .enumerate()
                .map(|(ri, r)| (overlap(r.0, span), ri))
                .filter(|(ov, _)| *ov > 0)
                .max_by_key(|&(ov, ri)| (ov, Reverse(ri)));
            if let Some((ov, ri)) = best {
                pairs.push((!same_type(x.kind, ge.kind), ov, gi, xi, ri));
            }
        }
    }
    pairs.sort_by_key(|&(differs, ov, gi, xi, ri)| (differs, Reverse(ov), gi, xi, ri));
    let mut of_gold: Vec<Option<(usize, usize)>> = vec![None; gold.events.len()];
    let mut taken = vec![false; extracted.len()];
    for (_, _, gi, xi, ri) in pairs {
        if of_gold[gi].is_none() && !taken[xi] {
            of_gold[gi] = Some((xi, ri));
            taken[xi] = true;
        }
    }
    for (ge, hit) in gold.events.iter().zip(&of_gold) {
        let gd = &gold.dates[ge.date];
        let gitem = GoldEventItem {
            date: gd.text.clone(),
            span: gd.span,
            kind: ge.kind.id().to_string(),
            mood: ge.mood.id().to_string(),
            summary: ge.summary.clone(),
            line: ge.line,
        };
        let Some((xi, ri)) = *hit else {
            det.missed_events.push(gitem);
            continue;
        };
        s.matched += 1;
        let x = extracted[xi];
        let r = &readings(x)[ri];
        let date_right = value_right(gd, r.1, r.2, r.3.as_deref());
        let type_right = same_type(x.kind, ge.kind);
        let mood_right = x.mood == ge.mood;
        s.date_right += usize::from(date_right);
        s.type_right += usize::from(type_right);
        s.mood_right += usize::from(mood_right);
        if !(date_right && type_right && mood_right) {
            det.wrong_events.push(WrongEvent {
                gold: gitem,
                got: event_item(x, Some(r)),
                date_right,
                type_right,
                mood_right,
            });
        }
    }
    for (x, t) in extracted.iter().zip(&taken) {
        if !t {
            det.extra_events.push(event_item(x, None));
        }
    }
    s.finish();
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::gold::{GoldCalendar, GoldEventRef};
    use crate::event::{EventType, Mood};
    use crate::text::Document;

    fn event(id: &str, kind: EventType, span: [usize; 2], day: &str) -> Event {
        let d = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok();
        Event {
            id: id.into(),
            kind,
            summary: id.into(),
            time: Some(Box::new(crate::temporal::Time {
                text: "3 May 2022".into(),
                span: span.into(),
                rule: "test".into(),
                calendar: Calendar::Gregorian,
                value: Some(day.into()),
                precision: crate::calendar::Precision::Day,
                start: d,
                end: d,
                solar_hijri: None,
                lunar_hijri: None,
                original: None,
                time_of_day: None,
                timezone: None,
                modifier: None,
                year_from: None,
                alternative: None,
                repaired: None,
            })),
            mood: Mood::Asserted,
            time_from: None,
            actors: vec![],
            places: vec![],
            evidence: vec![],
            confidence: 1.0,
        }
    }

    #[test]
    fn eval_a_second_extracted_event_on_one_gold_event_counts_against_precision() {
        let day = NaiveDate::from_ymd_opt(2022, 5, 3);
        let gold = Gold {
            path: "x.gold.toml".into(),
            text_path: "x.txt".into(),
            document: Document {
                id: "x".into(),
                source: "x.txt".into(),
                text: "Rebels attacked the town on 3 May 2022.".into(),
                lang: Some("en".into()),
                published: None,
                published_from: None,
                title: None,
            },
            dates: vec![GoldExpr {
                text: "3 May 2022".into(),
                occurrence: 1,
                span: [28, 38],
                kind: GoldKind::Date,
                value_text: "2022-05-03".into(),
                value: GoldValue::Interval {
                    start: day,
                    end: day,
                },
                calendar: GoldCalendar::Gregorian,
                modifier: GoldModifier::None,
                chrome: false,
                line: 1,
            }],
            events: vec![GoldEventRef {
                date: 0,
                kind: EventType::Attack,
                mood: Mood::Asserted,
                summary: None,
                line: 1,
            }],
        };
        // Two extracted events on the one gold event: the one of the same
        // type is preferred even though it comes second and overlaps less.
        let events = [
            event("a", EventType::Statement, [28, 38], "2022-05-03"),
            event("b", EventType::Attack, [31, 38], "2022-05-04"),
        ];
        let mut det = Details::default();
        let s = score_events(&gold, &events, &mut det);
        assert_eq!((s.gold, s.extracted, s.matched), (1, 2, 1));
        assert_eq!(s.recall, Some(1.0));
        assert_eq!(s.precision, Some(0.5));
        assert_eq!((s.type_right, s.date_right, s.mood_right), (1, 0, 1));
        assert_eq!(det.extra_events.len(), 1);
        assert_eq!(det.extra_events[0].id, "a");
        assert_eq!(det.wrong_events[0].got.id, "b");
    }
}
