//! The seed article (`data/articles/fa/karabakh-aran.txt`, a byte-identical
//! copy of the project's first input): every date the issue lists, its
//! repairs and the calendar mismatch on the talks' date.

use chrono::NaiveDate;
use tarikh::pipeline::{self, DateEntry, DatedDocument, Options};
use tarikh::text::{Document, slice_chars};

const SEED: &str = include_str!("../data/articles/fa/karabakh-aran.txt");

fn run(published: Option<&str>) -> DatedDocument {
    let doc = Document {
        id: "fa/karabakh-aran".into(),
        source: "data/articles/fa/karabakh-aran.txt".into(),
        text: SEED.to_string(),
        lang: Some("fa".into()),
        published: None,
        published_from: None,
        title: None,
    };
    let opts = Options {
        published: published.map(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").unwrap()),
        ..Options::default()
    };
    pipeline::dates(&doc, &opts)
}

fn by_value<'a>(d: &'a DatedDocument, value: &str) -> &'a DateEntry {
    d.dates
        .iter()
        .find(|e| e.time.value.as_deref() == Some(value))
        .unwrap_or_else(|| {
            let all: Vec<_> = d.dates.iter().map(|e| e.time.value.clone()).collect();
            panic!("no date with value {value}; found {all:?}")
        })
}

fn day(s: &str) -> Option<NaiveDate> {
    Some(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
}

#[test]
fn every_span_points_into_the_original_text() {
    for published in [None, Some("2020-10-05")] {
        let d = run(published);
        for e in &d.dates {
            let [s, t] = *e.time.span;
            assert_eq!(
                slice_chars(SEED, s, t),
                e.time.text,
                "span of {:?}",
                e.time.value
            );
            if let Some(r) = &e.time.repaired {
                assert!(r.pieces.len() >= 2, "a repair has pieces");
                for tarikh::units::CharSpan([a, b]) in &r.pieces {
                    assert!(a < b && *b <= SEED.chars().count());
                    let piece = slice_chars(SEED, *a, *b);
                    assert!(!piece.trim().is_empty());
                }
            }
            if let Some(a) = &e.time.alternative {
                assert_eq!(slice_chars(SEED, a.span[0], a.span[1]), a.text);
            }
        }
    }
}

#[test]
fn conflict_began_1988_and_fighting_1992_to_1994() {
    let d = run(None);
    let began = by_value(&d, "1988");
    assert_eq!(
        (began.time.start, began.time.end),
        (day("1988-01-01"), day("1988-12-31"))
    );
    assert_eq!(began.time.precision.id(), "year");
    assert!(
        began.time.repaired.is_some(),
        "1988 comes from repaired runs"
    );
    let s = began.time.solar_hijri.as_ref().unwrap();
    assert_eq!(
        (
            s.start.map(|d| d.to_string()).as_deref(),
            s.end.map(|d| d.to_string()).as_deref()
        ),
        (Some("1366-10-11"), Some("1367-10-10"))
    );

    let fighting = by_value(&d, "1992/1994");
    assert_eq!(
        (fighting.time.start, fighting.time.end),
        (day("1992-01-01"), day("1994-12-31"))
    );
    assert_eq!(fighting.time.text, "۱۹۹۴ الی ۱۹۹۲");
    let reading = &fighting.time.repaired.as_ref().unwrap().reading;
    assert!(
        reading.contains("۱۹۹۲ الی ۱۹۹۴"),
        "read low to high: {reading}"
    );
    // The year «۱۹۹۴» the extraction left over is not reported as a date of its own.
    assert!(
        d.dates
            .iter()
            .all(|e| e.time.value.as_deref() != Some("1994"))
    );
}

#[test]
fn ceasefire_may_1994_is_a_point() {
    let d = run(None);
    let c = by_value(&d, "1994-05");
    assert_eq!(
        (c.time.start, c.time.end),
        (day("1994-05-01"), day("1994-05-31"))
    );
    assert_eq!(
        c.time.modifier, None,
        "a one-time change in the simple past"
    );
    let s = c.time.solar_hijri.as_ref().unwrap();
    assert_eq!(
        (
            s.start.map(|d| d.to_string()).as_deref(),
            s.end.map(|d| d.to_string()).as_deref()
        ),
        (Some("1373-02-11"), Some("1373-03-10"))
    );
    let r = c.time.repaired.as_ref().expect("May and 1994 were apart");
    assert!(r.reading.contains("مه سال ۱۹۹۴ میلادی"), "{}", r.reading);
    // The month and the year were in different paragraphs.
    assert!(
        r.pieces
            .iter()
            .any(|p| slice_chars(SEED, p[0], p[1]) == "ماه مه")
    );
    assert!(
        r.pieces
            .iter()
            .any(|p| slice_chars(SEED, p[0], p[1]) == "۱۹۹۴")
    );
}

#[test]
fn minsk_group_mediation_since_1992() {
    let d = run(None);
    let m = d
        .dates
        .iter()
        .find(|e| e.time.modifier.map(|m| m.as_str()) == Some("since"))
        .expect("a since");
    assert_eq!(m.time.value.as_deref(), Some("1992"));
    assert_eq!((m.time.start, m.time.end), (day("1992-01-01"), None));
    let with_pub = run(Some("2020-10-05"));
    let m = with_pub
        .dates
        .iter()
        .find(|e| e.time.modifier.map(|m| m.as_str()) == Some("since"))
        .unwrap();
    assert_eq!(
        m.time.end,
        day("2020-10-05"),
        "since runs to the publication date"
    );
}

#[test]
fn talks_in_october_2020_with_calendar_mismatch() {
    let d = run(None);
    let t = by_value(&d, "2020-10-31");
    assert_eq!(t.time.calendar.id(), "solar-hijri");
    assert_eq!(t.time.original.as_deref(), Some("1399-08-10"));
    let alt = t.time.alternative.as_ref().expect("dual date");
    assert_eq!(alt.value.as_deref(), Some("2020-10-03"));
    assert_eq!(alt.text, "۳ اکتبر ۲۰۲۰");
    let mismatch = d
        .diagnostics
        .iter()
        .find(|x| x.code.as_str() == "calendar-mismatch")
        .expect("calendar-mismatch");
    assert!(mismatch.message.contains("2020-10-31") && mismatch.message.contains("2020-10-03"));
    assert!(t.time.repaired.is_some());
}

#[test]
fn statement_on_a_saturday() {
    let d = run(None);
    let s = by_value(&d, "XXXX-WXX-6");
    assert_eq!(s.time.text, "شنبه");
    assert_eq!((s.time.start, s.time.end), (None, None));
    assert!(
        d.diagnostics
            .iter()
            .any(|x| x.code.as_str() == "unresolved-relative" && x.span == Some(s.time.span))
    );
    let d = run(Some("2020-10-05"));
    let s = by_value(&d, "2020-10-03");
    assert_eq!(s.time.text, "شنبه");
}

#[test]
fn each_repair_is_reported() {
    let d = run(None);
    let repaired = d.dates.iter().filter(|e| e.time.repaired.is_some()).count();
    let displaced = d
        .diagnostics
        .iter()
        .filter(|x| x.code.as_str() == "displaced-number")
        .count();
    assert!(repaired >= 5, "repaired dates: {repaired}");
    assert_eq!(
        displaced, repaired,
        "one displaced-number diagnostic per repair"
    );
}
