//! Events and the timeline graph: the seed's events, merging two articles,
//! relations that never contradict the order, cycles reported.

use chrono::NaiveDate;
use proptest::prelude::*;
use tarikh::event::{Event, EventType, Evidence, TextRelation};
use tarikh::pipeline::{self, Options};
use tarikh::temporal::DocumentInfo;
use tarikh::text::{Document, slice_chars};
use tarikh::timeline::{self, Basis, DocEvents, RelationType, Timeline};

fn article(name: &str) -> Document {
    let path = format!("{}/data/articles/fa/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    let mut docs = tarikh::text::read_inputs(&[path.into()], &Default::default());
    docs.remove(0).expect("article readable")
}

fn seed_timeline() -> (Document, Timeline) {
    let doc = article("karabakh-aran");
    let t = pipeline::timeline(std::slice::from_ref(&doc), &Options::default());
    (doc, t)
}

fn find<'a>(t: &'a Timeline, kind: EventType, value: Option<&str>) -> &'a Event {
    t.events
        .iter()
        .find(|e| e.kind == kind && e.time.as_ref().and_then(|t| t.value.as_deref()) == value)
        .unwrap_or_else(|| panic!("no {kind:?} event with value {value:?}"))
}

#[test]
fn seed_events() {
    let (doc, t) = seed_timeline();
    let start = find(&t, EventType::ConflictStart, Some("1988"));
    assert!(start.actors.iter().any(|a| a.id == "state:azerbaijan"));
    assert!(start.actors.iter().any(|a| a.id == "state:armenia"));
    find(&t, EventType::ArmedClash, Some("1992/1994"));
    let loss = t
        .events
        .iter()
        .find(|e| e.kind == EventType::TerritorialChange)
        .expect("territorial change");
    assert!(loss.time.is_none(), "no date of its own");
    assert!(loss.places.iter().any(|p| p.id == "place:nagorno-karabakh"));
    let ceasefire = find(&t, EventType::Ceasefire, Some("1994-05"));
    assert!(ceasefire.time.as_ref().unwrap().modifier.is_none());
    let mediation = find(&t, EventType::Mediation, Some("1992"));
    assert_eq!(
        mediation
            .time
            .as_ref()
            .unwrap()
            .modifier
            .map(|m| m.as_str()),
        Some("since")
    );
    for id in ["state:russia", "state:france", "org:minsk-group"] {
        assert!(mediation.actors.iter().any(|a| a.id == id), "{id}");
    }
    let talks = find(&t, EventType::Negotiation, Some("2020-10-31"));
    assert!(talks.places.iter().any(|p| p.id == "place:moscow"));
    assert!(
        t.diagnostics
            .iter()
            .any(|d| d.code.as_str() == "calendar-mismatch")
    );
    let minsk = t
        .events
        .iter()
        .find(|e| e.kind == EventType::Negotiation && e.time.is_none())
        .expect("Minsk Group talks to follow");
    assert!(minsk.actors.iter().any(|a| a.id == "org:minsk-group"));
    assert!(t.relations.iter().any(|r| r.from == minsk.id
        && r.to == talks.id
        && r.kind == RelationType::After
        && r.basis == Basis::Text));
    assert!(
        t.relations
            .iter()
            .any(|r| r.from == loss.id && r.basis == Basis::Text)
    );
    let statement = find(&t, EventType::Statement, Some("XXXX-WXX-6"));
    assert!(
        statement
            .actors
            .iter()
            .any(|a| a.id == "org:karabakh-liberation-organization")
    );

    for e in &t.events {
        for ev in &e.evidence {
            assert_eq!(
                slice_chars(&doc.text, ev.start, ev.end),
                ev.quote,
                "{}",
                e.id
            );
        }
        if let Some(time) = &e.time
            && time.start.is_some()
        {
            assert!(
                time.solar_hijri.is_some() && time.lunar_hijri.is_some(),
                "{}",
                e.id
            );
        }
    }
    assert_order_is_respected(&t);
}

fn assert_order_is_respected(t: &Timeline) {
    let pos = |id: &str| {
        t.events
            .iter()
            .position(|e| e.id == id)
            .expect("event exists")
    };
    for r in &t.relations {
        let (a, b) = (&t.events[pos(&r.from)], &t.events[pos(&r.to)]);
        let (Some(ta), Some(tb)) = (&a.time, &b.time) else {
            continue;
        };
        let (Some(a_end), Some(b_start)) = (ta.end, tb.start) else {
            continue;
        };
        match r.kind {
            RelationType::Before => assert!(a_end < b_start, "{r:?}"),
            RelationType::After => assert!((a_end >= b_start), "{r:?} contradicts the dates"),
            _ => {}
        }
        if r.kind == RelationType::Before {
            assert!(
                pos(&r.from) < pos(&r.to),
                "before relations follow timeline order"
            );
        }
    }
}

#[test]
fn two_articles_merge_and_disagree() {
    let docs = [article("karabakh-aran"), article("karabakh-review")];
    let t = pipeline::timeline(&docs, &Options::default());
    let ceasefire = t
        .events
        .iter()
        .find(|e| e.kind == EventType::Ceasefire)
        .expect("ceasefire");
    assert_eq!(ceasefire.evidence.len(), 2, "one evidence entry per source");
    let time = ceasefire.time.as_ref().unwrap();
    assert_eq!(
        time.start,
        NaiveDate::from_ymd_opt(1994, 5, 12),
        "the intersection of the reports"
    );
    let start = t
        .events
        .iter()
        .find(|e| e.kind == EventType::ConflictStart)
        .unwrap();
    assert!(
        start
            .evidence
            .iter()
            .any(|e| e.document == "karabakh-review")
    );
    assert!(start.evidence.iter().any(|e| e.document == "karabakh-aran"));
    let disagreement = t
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "source-disagreement")
        .expect("the talks are dated differently");
    assert!(
        disagreement.message.contains("2020-10-09") && disagreement.message.contains("2020-10-31")
    );
    assert_eq!(disagreement.events.len(), 2);
    assert_order_is_respected(&t);
}

fn ev(id: &str, start: Option<&str>, end: Option<&str>) -> Event {
    let d = |s: Option<&str>| s.map(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap());
    let time = start.map(|_| tarikh::temporal::Time {
        text: id.into(),
        span: [0, 1].into(),
        rule: "test".into(),
        calendar: tarikh::calendar::Calendar::Gregorian,
        value: None,
        precision: tarikh::calendar::Precision::Day,
        start: d(start),
        end: d(end),
        solar_hijri: None,
        lunar_hijri: None,
        original: None,
        time_of_day: None,
        timezone: None,
        modifier: None,
        year_from: None,
        alternative: None,
        repaired: None,
    });
    Event {
        id: id.into(),
        kind: EventType::Other,
        summary: id.into(),
        time,
        mood: Default::default(),
        actors: vec![],
        places: vec![],
        evidence: vec![Evidence {
            document: "d".into(),
            start: 0,
            end: 1,
            quote: "x".into(),
        }],
        confidence: 1.0,
    }
}

fn info() -> DocumentInfo {
    DocumentInfo {
        id: "d".into(),
        source: "d".into(),
        lang: tarikh::lang::Lang::Fa,
        published: None,
        published_from: None,
    }
}

#[test]
fn a_text_relation_the_dates_contradict_is_reported_not_exported() {
    let events = vec![
        ev("a", Some("2000-01-01"), Some("2000-01-01")),
        ev("b", Some("2010-01-01"), Some("2010-01-01")),
    ];
    // The text says a is after b; the dates say a is before b.
    let rel = vec![TextRelation {
        from: 0,
        to: 1,
        kind: RelationType::After,
    }];
    let t = timeline::build(vec![DocEvents {
        info: info(),
        events,
        relations: rel,
        diagnostics: vec![],
    }]);
    assert!(t.relations.iter().all(|r| r.basis != Basis::Text));
    assert!(
        t.diagnostics
            .iter()
            .any(|d| d.code.as_str() == "order-contradiction" && d.events.len() == 2)
    );
}

#[test]
fn a_cycle_of_text_relations_is_reported_without_panic() {
    let mut events = vec![
        ev("a", None, None),
        ev("b", None, None),
        ev("c", None, None),
    ];
    for (e, k) in
        events
            .iter_mut()
            .zip([EventType::Attack, EventType::Meeting, EventType::Statement])
    {
        e.kind = k;
    }
    let rel = vec![
        TextRelation {
            from: 1,
            to: 0,
            kind: RelationType::After,
        },
        TextRelation {
            from: 2,
            to: 1,
            kind: RelationType::After,
        },
        TextRelation {
            from: 0,
            to: 2,
            kind: RelationType::After,
        },
    ];
    let t = timeline::build(vec![DocEvents {
        info: info(),
        events,
        relations: rel,
        diagnostics: vec![],
    }]);
    let d = t
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "order-contradiction")
        .expect("cycle");
    assert_eq!(d.events.len(), 3);
    assert!(t.relations.is_empty());
}

proptest! {
    /// The exported `before` relations are exactly the transitive reduction
    /// of "ends before the other starts".
    #[test]
    fn before_relations_are_the_transitive_reduction(spans in proptest::collection::vec((0u32..60, 0u32..10), 1..25)) {
        let base = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        let events: Vec<Event> = spans.iter().enumerate().map(|(i, (s, len))| {
            let a = base + chrono::Days::new(*s as u64);
            let b = a + chrono::Days::new(*len as u64);
            ev(&format!("e{i:02}"), Some(&a.to_string()), Some(&b.to_string()))
        }).collect();
        let t = timeline::build_with(
            vec![DocEvents { info: info(), events, relations: vec![], diagnostics: vec![] }],
            timeline::BuildOptions { max_fanout: None },
        );
        let n = t.events.len();
        let iv: Vec<(NaiveDate, NaiveDate)> = t.events.iter().map(|e| {
            let x = e.time.as_ref().unwrap();
            (x.start.unwrap(), x.end.unwrap())
        }).collect();
        let before = |a: usize, b: usize| iv[a].1 < iv[b].0;
        let mut expected = std::collections::BTreeSet::new();
        for a in 0..n {
            for b in 0..n {
                if before(a, b) && !(0..n).any(|c| before(a, c) && before(c, b)) {
                    expected.insert((t.events[a].id.clone(), t.events[b].id.clone()));
                }
            }
        }
        let got: std::collections::BTreeSet<_> = t.relations.iter().map(|r| (r.from.clone(), r.to.clone())).collect();
        prop_assert_eq!(got, expected);
    }
}
