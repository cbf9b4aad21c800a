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
        time: time.map(Box::new),
        mood: Default::default(),
        time_from: None,
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

// ------------------------------------------------- merging in any order

/// A synthetic report: document, type, date (none, a day, a year or an
/// open `since`), whether it was repaired, actors and places.
#[derive(Debug, Clone)]
struct Report {
    doc: usize,
    kind: usize,
    date: Option<(u32, u32, bool)>,
    repaired: bool,
    actors: Vec<usize>,
    places: Vec<usize>,
}

fn report() -> impl Strategy<Value = Report> {
    (
        0usize..4,
        0usize..3,
        proptest::option::of((0u32..800, 0u32..400, proptest::bool::weighted(0.1))),
        proptest::bool::weighted(0.2),
        proptest::collection::vec(0usize..4, 0..3),
        proptest::collection::vec(0usize..3, 0..2),
    )
        .prop_map(|(doc, kind, date, repaired, actors, places)| Report {
            doc,
            kind,
            date,
            repaired,
            actors,
            places,
        })
}

/// The documents of `reports`, each report an event at its own offset.
fn documents(reports: &[Report]) -> Vec<DocEvents> {
    let base = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    let kinds = [
        EventType::Ceasefire,
        EventType::Statement,
        EventType::Mediation,
    ];
    let entity = |id: String, at: usize| tarikh::event::EntityRef {
        id: id.clone(),
        name: id,
        span: [at, at + 1].into(),
    };
    let mut docs: Vec<DocEvents> = (0..4)
        .map(|d| DocEvents {
            info: DocumentInfo {
                id: format!("doc{d}"),
                ..info()
            },
            events: vec![],
            relations: vec![],
            diagnostics: vec![],
        })
        .collect();
    for (i, r) in reports.iter().enumerate() {
        let at = i * 10;
        let mut e = ev(&format!("doc{}@{at}", r.doc), None, None);
        e.kind = kinds[r.kind];
        e.evidence[0] = Evidence {
            document: format!("doc{}", r.doc),
            start: at,
            end: at + 5,
            quote: format!("q{i}"),
        };
        e.summary = format!("report {i}");
        if let Some((s, len, open)) = r.date {
            let a = base + chrono::Days::new(s as u64);
            let b = a + chrono::Days::new(len as u64);
            let mut t = ev("t", Some(&a.to_string()), Some(&b.to_string()))
                .time
                .unwrap();
            t.span = [at, at + 2].into();
            t.value = Some(format!("v{i}"));
            if open {
                t.end = None;
            }
            if r.repaired {
                t.repaired = Some(tarikh::temporal::Repair {
                    note: "test".into(),
                    reading: format!("r{i}"),
                    pieces: vec![[at, at + 1].into(), [at + 1, at + 2].into()],
                });
            }
            e.time = Some(t);
        }
        e.actors = r
            .actors
            .iter()
            .map(|a| entity(format!("actor:{a}"), at))
            .collect();
        e.places = r
            .places
            .iter()
            .map(|p| entity(format!("place:{p}"), at))
            .collect();
        docs[r.doc].events.push(e);
    }
    docs
}

fn timeline_json(docs: Vec<DocEvents>) -> String {
    let t = timeline::build(docs);
    tarikh::export::json::to_string(&tarikh::export::json::TimelineFile::new(t))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]
    /// Documents in any order, and each document's events in any order,
    /// give one timeline byte for byte; nothing is lost and ids are unique.
    #[test]
    fn the_merge_does_not_depend_on_the_order_of_documents_or_events(
        reports in proptest::collection::vec(report(), 1..60),
        seed in any::<u64>(),
    ) {
        let docs = documents(&reports);
        let expected = timeline_json(docs.clone());
        // A permutation from the seed: documents reversed or rotated, each
        // document's events rotated and reversed by their own amount.
        let mut shuffled = docs;
        shuffled.rotate_left((seed % 4) as usize);
        if seed & 4 != 0 {
            shuffled.reverse();
        }
        for (k, d) in shuffled.iter_mut().enumerate() {
            let n = d.events.len();
            if n > 1 {
                d.events.rotate_left(((seed >> (8 + k)) as usize) % n);
                if (seed >> (16 + k)) & 1 == 1 {
                    d.events.reverse();
                }
            }
        }
        let got = timeline_json(shuffled);
        prop_assert_eq!(&got, &expected);
        let t: tarikh::export::json::TimelineFile = serde_json::from_str(&got).unwrap();
        let evidence: usize = t.timeline.events.iter().map(|e| e.evidence.len()).sum();
        prop_assert_eq!(evidence, reports.len(), "every report is in one event");
        let ids: std::collections::HashSet<&str> = t.timeline.events.iter().map(|e| e.id.as_str()).collect();
        prop_assert_eq!(ids.len(), t.timeline.events.len());
        // Every id a relation or a diagnostic names is an event of the timeline.
        for r in &t.timeline.relations {
            prop_assert!(ids.contains(r.from.as_str()) && ids.contains(r.to.as_str()));
        }
        for d in &t.timeline.diagnostics {
            for id in &d.events {
                prop_assert!(ids.contains(id.as_str()), "{} names {}", d.code.as_str(), id);
            }
        }
    }
}

#[test]
fn many_reports_of_one_event_merge_into_one() {
    // Thousands of reports of one ceasefire, each on the day or in its
    // month, from as many documents: one event, by keys, not by pairs.
    let n = 3000;
    let mut docs = Vec::new();
    for i in 0..n {
        let mut e = if i % 2 == 0 {
            ev(
                &format!("d{i:04}@0"),
                Some("1994-05-12"),
                Some("1994-05-12"),
            )
        } else {
            ev(
                &format!("d{i:04}@0"),
                Some("1994-05-01"),
                Some("1994-05-31"),
            )
        };
        e.kind = EventType::Ceasefire;
        e.evidence[0].document = format!("d{i:04}");
        e.actors = vec![tarikh::event::EntityRef {
            id: "state:armenia".into(),
            name: "Armenia".into(),
            span: [0, 1].into(),
        }];
        docs.push(DocEvents {
            info: DocumentInfo {
                id: format!("d{i:04}"),
                ..info()
            },
            events: vec![e],
            relations: vec![],
            diagnostics: vec![],
        });
    }
    let t = timeline::build(docs);
    assert_eq!(t.events.len(), 1);
    let e = &t.events[0];
    assert_eq!(e.evidence.len(), n);
    // The survivor is the first report in content order, whatever came first.
    assert_eq!(e.id, "d0001@0");
    assert_eq!(
        e.time.as_ref().unwrap().start,
        NaiveDate::from_ymd_opt(1994, 5, 12)
    );
}

fn text_doc(id: &str, lang: &str, text: &str) -> Document {
    Document {
        id: id.into(),
        source: id.into(),
        text: text.into(),
        lang: Some(lang.into()),
        published: NaiveDate::from_ymd_opt(2021, 8, 20),
        published_from: None,
        title: None,
    }
}

/// The unit is the dated statement: a clause with a date and a verb but no
/// trigger word is an event of type `other`; a date with nothing said of
/// it (a heading, a list line) is none, and neither is the dateline.
#[test]
fn a_dated_statement_with_no_trigger_word_is_an_event_of_type_other() {
    let cases = [
        // (lang, text, events of type other expected, text of their date)
        (
            "en",
            "The museum of Kabul reopened its doors on 15 August 2021.",
            vec!["15 August 2021"],
        ),
        (
            "fa",
            "محمد البشیر روز ۲۰ آذر ۱۴۰۳ به عنوان رئیس دولت موقت معرفی شد.",
            vec!["۲۰ آذر ۱۴۰۳"],
        ),
        // A date alone on its line, and a report heading: nothing said.
        ("fa", "۱۳ مرداد\n\nگزارش ۱۲ جولای", vec![]),
        ("en", "Report of 12 July\n\nMarch 3, 1995", vec![]),
    ];
    for (lang, text, want) in cases {
        let t = pipeline::timeline(&[text_doc("d", lang, text)], &Options::default());
        let got: Vec<&str> = t
            .events
            .iter()
            .filter(|e| e.kind == EventType::Other)
            .filter_map(|e| e.time.as_ref().map(|x| x.text.as_str()))
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn the_articles_own_dateline_dates_no_event() {
    let text = "Published: 20 August 2021\n\nOfficials met in Doha on 18 August 2021.";
    let mut doc = text_doc("d", "en", text);
    doc.published = None;
    let t = pipeline::timeline(&[doc], &Options::default());
    assert_eq!(
        t.documents[0].published,
        NaiveDate::from_ymd_opt(2021, 8, 20)
    );
    let dates: Vec<&str> = t
        .events
        .iter()
        .filter_map(|e| e.time.as_ref().map(|x| x.text.as_str()))
        .collect();
    assert_eq!(dates, vec!["18 August 2021"]);
}

/// A war or an offensive that begins is a conflict start, not a clash:
/// the longer trigger beats "offensive", "invasion", "began".
#[test]
fn an_offensive_launched_or_a_war_begun_is_a_conflict_start() {
    for text in [
        "The latest war started in April 2023.",
        "A coalition of rebel groups launched a surprise offensive in late November 2024.",
        "Russia launched its invasion on 24 February 2022.",
    ] {
        let t = pipeline::timeline(&[text_doc("d", "en", text)], &Options::default());
        let kinds: Vec<EventType> = t.events.iter().map(|e| e.kind).collect();
        assert_eq!(kinds, vec![EventType::ConflictStart], "{text}");
    }
}

/// The types of the dated events of one text, in order.
fn dated_kinds(lang: &str, text: &str) -> Vec<EventType> {
    events_of(lang, text)
        .iter()
        .filter(|e| e.time.is_some())
        .map(|e| e.kind)
        .collect()
}

fn events_of(lang: &str, text: &str) -> Vec<Event> {
    pipeline::timeline(&[text_doc("d", lang, text)], &Options::default()).events
}

/// Each language reads its own negation and conditions: the mood of an
/// event comes from its clause.
#[test]
fn each_language_reads_negation_conditions_and_plans() {
    use tarikh::event::Mood;
    let cases = [
        (
            "en",
            "The two sides signed a ceasefire on 3 May 2021.",
            Mood::Asserted,
        ),
        (
            "en",
            "The two sides did not sign a ceasefire on 3 May 2021.",
            Mood::Negated,
        ),
        ("en", "Talks failed to resume on 3 May 2021.", Mood::Negated),
        (
            "en",
            "If talks resume on 3 May 2021, the truce will hold.",
            Mood::Hypothetical,
        ),
        (
            "en",
            "The ministers will meet in Geneva on 3 June 2021.",
            Mood::Planned,
        ),
        // Reported speech: the modal is the complement's, not the warning's.
        (
            "en",
            "On 3 May 2021 Kyiv warned that the retreat could be a trap.",
            Mood::Asserted,
        ),
        ("fa", "آتش‌بس روز ۱۲ تیر ۱۴۰۰ اجرا شد.", Mood::Asserted),
        ("fa", "آتش‌بس روز ۱۲ تیر ۱۴۰۰ اجرا نشد.", Mood::Negated),
        (
            "fa",
            "مذاکرات روز ۱۲ تیر ۱۴۰۰ برگزار نمی‌شود.",
            Mood::Negated,
        ),
        (
            "fa",
            "اگر آتش‌بس روز ۱۲ تیر ۱۴۰۰ اجرا شود جنگ پایان می‌یابد.",
            Mood::Hypothetical,
        ),
        (
            "fa",
            "قرار است آتش‌بس از ۱ مرداد ۱۴۰۰ اجرا شود.",
            Mood::Planned,
        ),
        // «نشست» is a meeting, not a negated «شست».
        (
            "fa",
            "نشست وزیران روز ۱۲ تیر ۱۴۰۰ در مسکو برگزار شد.",
            Mood::Asserted,
        ),
    ];
    for (lang, text, want) in cases {
        let evs = events_of(lang, text);
        let moods: Vec<Mood> = evs
            .iter()
            .filter(|e| e.time.is_some())
            .map(|e| e.mood)
            .collect();
        assert!(!moods.is_empty(), "no dated event: {text}");
        assert!(
            moods.iter().all(|m| *m == want),
            "{text}: {moods:?}, want {want:?}"
        );
    }
}

/// A ceasefire that was only called for never merges with the one that
/// took effect, though type, date and actors agree.
#[test]
fn a_ceasefire_called_for_does_not_merge_with_one_that_took_effect() {
    let a = text_doc(
        "a",
        "en",
        "Armenia and Azerbaijan agreed a ceasefire on 10 October 2020.",
    );
    let b = text_doc(
        "b",
        "en",
        "Russia called for a ceasefire between Armenia and Azerbaijan on 10 October 2020.",
    );
    let t = pipeline::timeline(&[a, b], &Options::default());
    let truces: Vec<_> = t
        .events
        .iter()
        .filter(|e| e.kind == EventType::Ceasefire)
        .map(|e| (e.mood, e.evidence.len()))
        .collect();
    assert_eq!(
        truces.len(),
        2,
        "one asserted and one hypothetical ceasefire: {truces:?}"
    );
    assert!(truces.iter().all(|(_, n)| *n == 1), "{truces:?}");
}

/// Events of type `other` have no type in common: two of them with the
/// same date and actor merge only when they tell the same thing.
#[test]
fn events_of_type_other_merge_only_when_they_tell_the_same_thing() {
    let mut a = ev("a1", Some("2021-08-15"), Some("2021-08-15"));
    let mut b = ev("b1", Some("2021-08-15"), Some("2021-08-15"));
    for (e, doc, summary) in [
        (&mut a, "a", "X was appointed"),
        (&mut b, "b", "Y resigned"),
    ] {
        e.evidence[0].document = doc.into();
        e.summary = summary.into();
        e.actors = vec![tarikh::event::EntityRef {
            id: "state:afghanistan".into(),
            name: "Afghanistan".into(),
            span: [0, 1].into(),
        }];
    }
    let merged = timeline::merge(vec![a.clone(), b.clone()]);
    assert_eq!(merged.events.len(), 2, "different statements stay apart");
    b.summary = a.summary.clone();
    let merged = timeline::merge(vec![a, b]);
    assert_eq!(
        merged.events.len(),
        1,
        "the same statement twice is one event"
    );
}

/// Every entry of a chronology is an event dated by the date that opens
/// it, typed by its trigger or `other`, and a year heading dates the
/// entries below it that have no date of their own.
#[test]
fn every_chronology_entry_is_an_event_dated_by_its_opening_date() {
    use tarikh::event::TimeFrom;
    let text = "Timeline\n\nMARCH 3, 1995 - The president dissolves parliament.\n\
                MARCH 9, 1995 - Protesters gather in the capital. Police arrest dozens.\n\
                TUESDAY - Talks collapse in Geneva.\n";
    let evs = events_of("en", text);
    let dated: Vec<(&str, Option<TimeFrom>)> = evs
        .iter()
        .filter_map(|e| Some((e.time.as_ref()?.text.as_str(), e.time_from)))
        .collect();
    for d in ["MARCH 3, 1995", "MARCH 9, 1995", "TUESDAY"] {
        assert!(
            dated.iter().any(|(t, _)| *t == d),
            "{d} dates no event: {dated:?}"
        );
    }
    // The second sentence of an entry inherits its date.
    assert!(
        evs.iter().any(|e| e.summary.contains("Police arrest")
            && e.time_from == Some(TimeFrom::Entry)
            && e.time.as_ref().is_some_and(|t| t.text == "MARCH 9, 1995")),
        "{evs:#?}"
    );
    // A block entry: the date alone on its line opens the lines below.
    let fa = "۱۸ مهر ۱۳۷۴:\nنیروهای دولتی وارد شهر شدند.\n۲۰ مهر ۱۳۷۴:\nمذاکرات در ژنو آغاز شد.\n";
    let evs = events_of("fa", fa);
    let got: Vec<(&str, Option<TimeFrom>)> = evs
        .iter()
        .filter_map(|e| Some((e.time.as_ref()?.text.as_str(), e.time_from)))
        .collect();
    assert!(
        got.contains(&("۱۸ مهر ۱۳۷۴", Some(TimeFrom::Entry))),
        "{got:?}"
    );
    assert!(
        got.contains(&("۲۰ مهر ۱۳۷۴", Some(TimeFrom::Entry))),
        "{got:?}"
    );
    // A year heading over entries: the entries take their year from it,
    // and a line under it with no date of its own takes the heading's.
    let fa = "سال ۱۳۶۷\n۱۲ فروردین: دو ارتش در نزدیکی رودخانه درگیر شدند.\n\
              ۳ اردیبهشت: آتش‌بس امضا شد.\nشورشیان به فرودگاه حمله کردند.\n";
    let evs = events_of("fa", fa);
    let got: Vec<(&str, Option<&str>, Option<TimeFrom>)> = evs
        .iter()
        .filter_map(|e| {
            let t = e.time.as_ref()?;
            Some((t.text.as_str(), t.value.as_deref(), e.time_from))
        })
        .collect();
    for want in [
        (
            "سال ۱۳۶۷",
            Some("1988-03-21/1989-03-20"),
            Some(TimeFrom::Heading),
        ),
        ("۱۲ فروردین", Some("1988-04-01"), Some(TimeFrom::Entry)),
        ("۳ اردیبهشت", Some("1988-04-23"), Some(TimeFrom::Entry)),
    ] {
        assert!(got.contains(&want), "{want:?} not in {got:?}");
    }
    // One date alone at the top of a page is no chronology.
    let page = "۰۵ آذر ۱۴۰۲\n\nمذاکرات در دوحه ادامه دارد و هیئت‌ها دیدار کردند.\n";
    let evs = events_of("fa", page);
    assert!(
        evs.iter().all(|e| e.time_from != Some(TimeFrom::Entry)),
        "{evs:#?}"
    );
}

/// A crawler's stamp at the head of a copy («date 2023-05-04 …») is a date
/// of the copy: page chrome, not the publication date, dating no event,
/// in either language.
#[test]
fn a_capture_stamp_at_the_head_of_a_copy_dates_nothing() {
    for (lang, text) in [
        (
            "en",
            " date 2023-05-04 Officials met in Doha on 18 August 2021.",
        ),
        (
            "fa",
            " date 2023-05-04 مقام‌ها روز ۲۷ مرداد ۱۴۰۰ در دوحه دیدار کردند.",
        ),
    ] {
        let mut doc = text_doc("d", lang, text);
        doc.published = None;
        let d = pipeline::dates(&doc, &Options::default());
        assert_eq!(d.info.published, None, "{text}");
        let t = pipeline::timeline(&[doc], &Options::default());
        let dates: Vec<&str> = t
            .events
            .iter()
            .filter_map(|e| e.time.as_ref().map(|x| x.text.as_str()))
            .collect();
        assert!(!dates.contains(&"2023-05-04"), "{text}: {dates:?}");
        assert!(!dates.is_empty(), "{text}: the meeting is still an event");
    }
}

/// A numbered list in running text or one item per line: every item with
/// a date is a statement of it, verb or none, summarised by the whole item
/// and typed by the list's lead when it names the action. Numbers that are
/// no list (a lone "1." or a decimal) make none.
#[test]
fn every_item_of_a_numbered_list_is_an_event_typed_by_its_lead() {
    let fa = "شهرها یکی پس از دیگری به تصرف شورشیان درآمد. فهرست شهرها به شرح زیر است: \
              ۱- شهر الف در استان ب، در تاریخ ۳ فروردین. ۲- شهر ج در استان د، در تاریخ ۹ فروردین. \
              ۳- شهر ه در استان و، در تاریخ ۱۷ اردیبهشت.";
    let mut doc = text_doc("d", "fa", fa);
    doc.published = NaiveDate::from_ymd_opt(2021, 6, 1);
    let t = pipeline::timeline(&[doc], &Options::default());
    let items: Vec<(&str, EventType, &str)> = t
        .events
        .iter()
        .filter_map(|e| Some((e.time.as_ref()?.text.as_str(), e.kind, e.summary.as_str())))
        .collect();
    for (date, start) in [
        ("۳ فروردین", "۱- شهر الف"),
        ("۹ فروردین", "۲- شهر ج"),
        ("۱۷ اردیبهشت", "۳- شهر ه"),
    ] {
        assert!(
            items.iter().any(|(d, k, s)| *d == date
                && *k == EventType::TerritorialChange
                && s.starts_with(start)),
            "{date}: {items:?}"
        );
    }
    let en = "Talks were held as follows:\n1. Geneva, 3 May 2021\n2. Vienna, 9 May 2021\n";
    let evs = events_of("en", en);
    let dated: Vec<&str> = evs
        .iter()
        .filter_map(|e| e.time.as_ref().map(|x| x.text.as_str()))
        .collect();
    assert_eq!(dated, vec!["3 May 2021", "9 May 2021"], "{evs:#?}");
    // One number is no list: a verbless line after "1." says nothing.
    let evs = events_of(
        "en",
        "Rankings:\n1. Geneva, 3 May 2021\nSee also 2.5 million.\n",
    );
    assert!(evs.iter().all(|e| e.time.is_none()), "{evs:#?}");
}

/// Deaths told with the violence that caused them are two events on one
/// date, the attack and its toll; not when the clause denies them.
#[test]
fn an_attack_and_its_toll_are_two_events_on_one_date() {
    let kinds = |lang: &str, text: &str| -> Vec<EventType> {
        let mut k: Vec<EventType> = events_of(lang, text)
            .into_iter()
            .filter(|e| e.time.is_some())
            .map(|e| e.kind)
            .collect();
        k.sort_by_key(|k| k.id());
        k
    };
    assert_eq!(
        kinds(
            "fa",
            "در انفجار روز جمعه ۲۷ مرداد ۱۴۰۰ در کابل ده نفر کشته شدند."
        ),
        vec![EventType::Attack, EventType::Casualties]
    );
    assert_eq!(
        kinds(
            "en",
            "An air strike on Kabul on 27 August 2021 killed ten people."
        ),
        vec![EventType::Attack, EventType::Casualties]
    );
    let denied = events_of(
        "fa",
        "گزارشی از تلفات حمله روز ۲۷ مرداد ۱۴۰۰ منتشر نشده است.",
    );
    assert_eq!(denied.len(), 1, "{denied:#?}");
    assert_eq!(denied[0].mood, tarikh::event::Mood::Negated);
}

/// A war's years hold every day of it and are none of them: a report
/// dated by a long interval does not absorb one dated by a day inside it.
#[test]
fn a_years_long_interval_does_not_merge_with_a_day_inside_it() {
    let text = "The protests of the uprising (March 2011 - December 2024) spread across Syria.\n\n\
                MARCH 15, 2011 - Protests spread to Deraa in Syria.\n\
                MARCH 18, 2011 - Protests spread to Damascus in Syria.\n";
    let evs = events_of("en", text);
    let protest: Vec<&str> = evs
        .iter()
        .filter(|e| e.kind == EventType::Protest)
        .filter_map(|e| e.time.as_ref().map(|t| t.text.as_str()))
        .collect();
    assert!(
        protest.contains(&"March 2011 - December 2024"),
        "{protest:?}"
    );
    assert!(protest.contains(&"MARCH 15, 2011"), "{protest:?}");
}

/// A wire dateline with no year ("KABUL, March 3 (AP) -", after a
/// crawler's stamp too) is the article's own date: it dates no event,
/// while the story's dates do.
#[test]
fn a_wire_dateline_without_a_year_dates_no_event() {
    for text in [
        "KABUL, March 3 (AP) - Taliban fighters entered the city on 2 March 2021.",
        " date 2021-03-03 Kabul/Herat, March 3: Taliban fighters entered the city on 2 March 2021.",
    ] {
        let evs = events_of("en", text);
        let dates: Vec<&str> = evs
            .iter()
            .filter_map(|e| e.time.as_ref().map(|t| t.text.as_str()))
            .collect();
        assert_eq!(dates, vec!["2 March 2021"], "{text}: {evs:#?}");
    }
}

/// In a list of dates each alone on its line, an entry runs over the
/// paragraphs below it up to the next date; the last one no further than
/// the longest entry before it.
#[test]
fn a_chronology_entry_runs_over_its_paragraphs_up_to_the_next_date() {
    use tarikh::event::TimeFrom;
    let text = "Key dates\n\nSeptember 21, 2014\n\nRebels seize the radio station.\n\n\
                Rival groups sign a peace deal.\n\nOctober 9, 2014\n\n\
                Gunmen attack a rally in the capital.\n\nJanuary 20, 2015\n\n\
                Rebels attack the palace.\n\nMore news\n\nOfficials met again.\n";
    let evs = events_of("en", text);
    let of = |needle: &str| {
        evs.iter()
            .find(|e| e.summary.contains(needle))
            .and_then(|e| Some((e.time.as_ref()?.text.clone(), e.time_from?)))
    };
    assert_eq!(
        of("sign a peace deal"),
        Some(("September 21, 2014".to_string(), TimeFrom::Entry)),
        "{evs:#?}"
    );
    assert_eq!(
        of("attack a rally"),
        Some(("October 9, 2014".to_string(), TimeFrom::Entry))
    );
    // The last entry took one paragraph; the page's "More news" is not its.
    assert_eq!(
        of("Rebels attack the palace"),
        Some(("January 20, 2015".to_string(), TimeFrom::Entry))
    );
    assert_eq!(of("Officials met again"), None, "{evs:#?}");
}

/// English: a report told before its attribution is dated as what it
/// reports; a speech verb that leads its clause is the statement.
#[test]
fn a_report_before_its_attribution_is_typed_by_what_it_reports() {
    let kinds = |text: &str| dated_kinds("en", text);
    assert_eq!(
        kinds(
            "The Taliban have captured the city of Zaranj, a senior official confirmed on 6 August 2021."
        ),
        vec![EventType::TerritorialChange]
    );
    assert_eq!(
        kinds(
            "Qatar, which has played a key role in mediation, on 19 January 2025 confirmed the start of the truce."
        ),
        vec![EventType::Statement]
    );
}

/// English: ", and" with a subject and a tensed verb after it opens a
/// clause, so each part is its own event; a plan in the second part is
/// planned, and "4 AM" is no verb.
#[test]
fn a_coordinated_clause_is_an_event_of_its_own() {
    use tarikh::event::Mood;
    let evs = events_of(
        "en",
        "The announcement was made on 26 November 2024, and the ceasefire is set to take effect at 4 AM on 27 November 2024.",
    );
    let got: Vec<(EventType, Mood)> = evs
        .iter()
        .filter(|e| e.time.is_some())
        .map(|e| (e.kind, e.mood))
        .collect();
    assert_eq!(
        got,
        vec![
            (EventType::Statement, Mood::Asserted),
            (EventType::Ceasefire, Mood::Planned)
        ],
        "{evs:#?}"
    );
}

/// A report of news («گزارش داد», «خبر داد», "reported") is dated as the
/// news it passes on, not as a statement; a plural verb («هدف قرار
/// دادند») is a trigger as its singular is.
#[test]
fn a_report_is_dated_as_the_news_it_passes_on() {
    let kinds = dated_kinds;
    assert_eq!(
        kinds(
            "fa",
            "شبکه المسیره روز ۴ اردیبهشت ۱۴۰۴ گزارش داد که جنگنده‌های آمریکایی شهر صنعا را هدف قرار دادند."
        ),
        vec![EventType::Attack]
    );
    assert_eq!(
        kinds(
            "fa",
            "خبرنگار این شبکه روز ۳ اردیبهشت ۱۴۰۴ از حمله آمریکا به استان الحدیده خبر داد."
        ),
        vec![EventType::Attack]
    );
    // A statement that is not a report stays one.
    assert_eq!(
        kinds(
            "fa",
            "سخنگوی طالبان روز ۴ اردیبهشت ۱۴۰۴ در بیانیه‌ای اعلام کرد که گفتگوها ادامه دارد."
        ),
        vec![EventType::Statement]
    );
}

/// English: a speech verb whose complement tells of another kind of
/// event, dated after that event's trigger, dates the event told of; a
/// date beside the speech verb still dates the statement.
#[test]
fn a_date_after_the_complement_of_a_speech_verb_dates_what_it_tells() {
    let kinds = |text: &str| dated_kinds("en", text);
    assert_eq!(
        kinds("The officials said Kandahar fell on 12 August 2021."),
        vec![EventType::TerritorialChange]
    );
    assert_eq!(
        kinds("The officials said on 12 August 2021 that Kandahar fell."),
        vec![EventType::Statement]
    );
}

/// A reference to the present or the past («حالا», «امروزه», "so far")
/// dates no clause of its sentence that lacks a date of its own (the
/// speech verb before it is not "now"); a reference to the future in a
/// clause that says something is a plan, dated by it.
#[test]
fn references_date_no_sentence_and_the_future_dates_a_plan() {
    // «او افزود» is not dated by the «حالا» of the words it reports.
    let evs = events_of(
        "fa",
        "او افزود گزارش‌های معتبری از اعدام‌ها وجود دارد و هشدار داد: «همین حالا که اینجا نشسته‌ایم، وحشت ادامه دارد.»",
    );
    assert!(
        evs.iter()
            .all(|e| !e.summary.starts_with("او افزود") || e.time.is_none()),
        "{evs:?}"
    );
    // «پیشنهاد تمدید به زودی به طرفین ارائه خواهد شد»: a plan, soon.
    let evs = events_of(
        "fa",
        "یک منبع مصری گفت پیشنهاد تمدید به زودی به طرفین ارائه خواهد شد.",
    );
    let soon: Vec<_> = evs
        .iter()
        .filter(|e| e.time.as_ref().is_some_and(|t| t.text == "به زودی"))
        .collect();
    assert_eq!(soon.len(), 1, "{evs:?}");
    assert_eq!(soon[0].mood, tarikh::event::Mood::Planned);
}
