//! The whole chain, `pipeline::timeline`, on one to three documents (the
//! input split at NUL bytes; the second is given a publication date), then
//! every output of every command in every format (`export::render`).
//!
//! Checked: evidence quotes its document exactly, every span is in bounds,
//! relations and diagnostics name events and documents that exist, every
//! format the library lists for a command renders and every other is
//! refused (never a panic), no article bidi override reaches a human
//! format, and the timeline's JSON reads back (`export::json::read_timeline`)
//! to the same timeline.
#![no_main]

use std::collections::{BTreeMap, BTreeSet};

use libfuzzer_sys::fuzz_target;
use tarikh::export::json::{CheckFile, DatesListing, TimelineFile, read_timeline};
use tarikh::export::{Command, Format, Output, RenderOptions, convert, render};
use tarikh::pipeline::{self, Options};

fuzz_target!(|data: &[u8]| {
    if data.len() > tarikh_fuzz::MAX_LEN {
        return;
    }
    let Ok(all) = std::str::from_utf8(data) else {
        return;
    };
    let docs: Vec<_> = all
        .split('\0')
        .take(3)
        .enumerate()
        .map(|(k, text)| {
            let mut d = tarikh_fuzz::document(&format!("d{k}"), text);
            if k == 1 {
                d.published = Some(tarikh_fuzz::published());
            }
            d
        })
        .collect();
    let opts = Options::default();
    let t = pipeline::timeline(&docs, &opts);

    let texts: BTreeMap<&str, &str> = docs
        .iter()
        .map(|d| (d.id.as_str(), d.text.as_str()))
        .collect();
    let chars: BTreeMap<&str, usize> = docs
        .iter()
        .map(|d| (d.id.as_str(), d.text.chars().count()))
        .collect();
    let longest = chars.values().copied().max().unwrap_or(0);
    let ids: BTreeSet<&str> = t.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), t.events.len(), "event ids are not unique");
    for e in &t.events {
        assert!(
            (0.0..=1.0).contains(&e.confidence),
            "confidence {}",
            e.confidence
        );
        assert!(!e.evidence.is_empty(), "an event with no evidence");
        for ev in &e.evidence {
            let text = texts
                .get(ev.document.as_str())
                .expect("evidence names a document");
            tarikh_fuzz::check_quote(
                text,
                chars[ev.document.as_str()],
                [ev.start, ev.end],
                &ev.quote,
                "evidence",
            );
        }
        // In the document of the first evidence, or of the report a
        // merge brought it from: one of the evidence documents.
        for r in e.actors.iter().chain(&e.places) {
            assert!(
                e.evidence
                    .iter()
                    .any(|ev| r.span[0] <= r.span[1] && r.span[1] <= chars[ev.document.as_str()]),
                "entity {} span {:?} in none of its event's documents",
                r.id,
                r.span
            );
        }
        if let Some(time) = &e.time {
            // The time of the first evidence's document, or of another
            // report of the same event: inside some document.
            assert!(
                time.span[0] <= time.span[1] && time.span[1] <= longest,
                "event time {:?}",
                time.span
            );
            if let (Some(s), Some(en)) = (time.start, time.end) {
                assert!(s <= en, "event time runs backwards: {:?}", time);
            }
        }
    }
    for r in &t.relations {
        assert!(
            ids.contains(r.from.as_str()) && ids.contains(r.to.as_str()),
            "relation {r:?}"
        );
    }
    for d in &t.diagnostics {
        if let (Some(s), Some(n)) = (d.span, chars.get(d.document.as_str())) {
            tarikh_fuzz::check_span(texts[d.document.as_str()], *n, *s, "timeline diagnostic");
        }
        for e in &d.events {
            assert!(ids.contains(e.as_str()), "diagnostic names no event: {e}");
        }
    }

    // Every output.
    let mut listing = DatesListing::new();
    for d in &docs {
        let dated = pipeline::dates(d, &opts);
        listing.documents.push(dated.info);
        listing.dates.extend(dated.dates);
        listing.diagnostics.extend(dated.diagnostics);
    }
    let reference =
        tarikh::check::Reference::from_timeline(&t, "fuzz", std::path::Path::new("fuzz.json"));
    let report = tarikh::check::check(&t, Some(&reference), &Default::default());
    let check = CheckFile::new(report);
    let plain = CheckFile::new(tarikh::check::check(&t, None, &Default::default()));
    let file = TimelineFile::new(t);
    let line = docs[0].text.lines().next().unwrap_or("");
    let converted = convert::convert(line, None, Default::default());
    for command in Command::ALL {
        let outputs: Vec<Output> = match command {
            Command::Convert => vec![Output::Conversion(&converted)],
            Command::Dates => vec![Output::Dates(&listing)],
            Command::Extract | Command::Export => vec![Output::Timeline(&file)],
            Command::Check => vec![Output::Check(&check), Output::Check(&plain)],
        };
        for output in &outputs {
            for f in Format::ALL {
                for colour in [false, true] {
                    let opts = RenderOptions {
                        labels: None,
                        colour,
                    };
                    let out = render(output, f, &opts);
                    let offered = Format::for_command(command).contains(&f)
                        // A timeline renders as JSON for `extract`, and
                        // `export` of JSON is the file itself.
                        || (matches!(output, Output::Timeline(_)) && f == Format::Json);
                    match out {
                        Ok(s) => {
                            assert!(
                                offered,
                                "{} renders in {f}, which it does not offer",
                                command.id()
                            );
                            if !matches!(f, Format::Json | Format::Jsonl) {
                                assert!(
                                    !s.contains('\u{202e}'),
                                    "{} {f}: a bidi override got through",
                                    command.id()
                                );
                            }
                        }
                        Err(e) => assert!(!offered, "{} {f}: {e}", command.id()),
                    }
                }
            }
        }
    }
    let json = render(
        &Output::Timeline(&file),
        Format::Json,
        &RenderOptions::default(),
    )
    .unwrap();
    let back = read_timeline(&json, "fuzz.json").expect("the timeline JSON written reads back");
    assert_eq!(
        json,
        tarikh::export::json::to_string(&back),
        "the timeline JSON does not round-trip"
    );
});
