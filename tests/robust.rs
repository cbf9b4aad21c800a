//! The tool never panics on what it reads: random text built from the
//! pieces real articles are made of (Persian and Arabic letters and digits,
//! month names, numbers, punctuation, bidi controls, line breaks, Latin
//! words) goes through the whole pipeline, and every span it reports points
//! at exactly the text it quotes.

use proptest::prelude::*;
use tarikh::pipeline::{self, Options};
use tarikh::text::{Document, slice_chars};

const PIECES: &[&str] = &[
    "۱۰",
    "۳",
    "۱۹۹۴",
    "۱۳۹۹",
    "2020",
    "12",
    "٣١",
    "آبان",
    "مهر",
    "مه",
    "اکتبر",
    "ژانویه",
    "رمضان",
    "سال",
    "سال‌های",
    "میلادی",
    "شمسی",
    "ه.ش",
    "از",
    "تا",
    "الی",
    "بین",
    "و",
    "روز",
    "شنبه",
    "دیروز",
    "امسال",
    "دهه",
    "هفتاد",
    "اوایل",
    "حدود",
    "آتش‌بس",
    "مذاکرات",
    "جمهوری آذربایجان",
    "ارمنستان",
    "مسکو",
    "برقرار شد",
    "آغاز شد",
    "خواهد یافت",
    "است",
    "(",
    ")",
    "،",
    ".",
    ":",
    "-",
    "/",
    "\n",
    "\n\n",
    " ",
    "\u{200c}",
    "\u{200f}",
    "\u{202e}",
    "ـ",
    "ي",
    "ك",
    "May",
    "March",
    "since",
    "the",
    "1990s",
    "Oct.",
    "5,",
    "ceasefire",
    "talks",
    "on",
    "Saturday",
    "\u{0627}\u{0653}",
];

fn article() -> impl Strategy<Value = String> {
    proptest::collection::vec(0..PIECES.len(), 0..80).prop_map(|ix| {
        ix.into_iter()
            .map(|i| PIECES[i])
            .collect::<Vec<_>>()
            .join(" ")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn any_article_goes_through_without_panic(text in article(), published in proptest::option::of(0i64..30000)) {
        let published = published.and_then(|d| chrono::NaiveDate::from_ymd_opt(1950, 1, 1)
            .and_then(|b| b.checked_add_days(chrono::Days::new(d as u64))));
        let doc = Document {
            id: "p".into(),
            source: "p".into(),
            text: text.clone(),
            lang: None,
            published,
            published_from: None,
            title: None,
        };
        let opts = Options::default();
        let dated = pipeline::dates(&doc, &opts);
        for d in &dated.dates {
            prop_assert_eq!(slice_chars(&text, d.time.span[0], d.time.span[1]), d.time.text.as_str());
            if let (Some(s), Some(e)) = (d.time.start, d.time.end) {
                prop_assert!(s <= e, "start after end: {:?}", d.time);
            }
        }
        let t = pipeline::timeline(std::slice::from_ref(&doc), &opts);
        // What tarikh writes, it reads back: the timeline keeps the
        // contract that `export` and `check` hold saved timelines to.
        prop_assert_eq!(tarikh::check::validate(&t), Ok(()));
        for e in &t.events {
            for ev in &e.evidence {
                prop_assert_eq!(slice_chars(&text, ev.start, ev.end), ev.quote.as_str());
            }
        }
        // Every output of every command renders, in each of the formats
        // the library lists for it.
        use tarikh::export::{Command, Format, Output, RenderOptions, render};
        let mut listing = tarikh::export::json::DatesListing::new();
        listing.dates = dated.dates;
        listing.diagnostics = dated.diagnostics;
        let report = tarikh::check::check(&t, None, &Default::default());
        let check = tarikh::export::json::CheckFile::new(report);
        let file = tarikh::export::json::TimelineFile::new(t);
        let converted = tarikh::export::convert::convert(&text, None, Default::default());
        for command in Command::ALL {
            let output = match command {
                Command::Convert => Output::Conversion(&converted),
                Command::Dates => Output::Dates(&listing),
                Command::Extract | Command::Export => Output::Timeline(&file),
                Command::Check => Output::Check(&check),
            };
            for &f in Format::for_command(command) {
                let out = render(&output, f, &RenderOptions::default());
                prop_assert!(out.is_ok(), "{} {}", command.id(), f);
                // No article control character reaches a human format.
                if !matches!(f, Format::Json | Format::Jsonl) {
                    let out = out.unwrap();
                    prop_assert!(!out.contains('\u{202e}'), "{} {}", command.id(), f);
                }
            }
        }
    }
}

// ------------------------------------------------ hostile inputs, end to end

fn tarikh() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("tarikh").expect("binary")
}

/// Characters a terminal acts on: C0 but the line break and the tab, DEL,
/// C1 (U+009B is CSI, as ESC [ is).
fn raw_controls(s: &str) -> Vec<char> {
    s.chars()
        .filter(|&c| c.is_control() && c != '\n' && c != '\t')
        .collect()
}

/// A JSON Lines id with ESC, BEL, DEL and CSI reaches no terminal raw: not
/// in the JSON (escaped as `\u009b`, the same string to a JSON reader),
/// not in the human reports (stripped), not on standard error (written as
/// `\u{1b}`); and a file name with an escape is named escaped.
#[test]
fn control_characters_from_input_never_reach_a_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let id = "k\u{1b}[31mred\u{7}\u{7f}\u{9b}2J";
    let feed = dir.path().join("feed.jsonl");
    let record = serde_json::json!({
        "id": id,
        "text": "The truce of 8 Oct 2020 failed. Talks on 9 October 2020 in Moscow.",
        "published": "2020-10-10",
        "title": id,
        "source": id,
    });
    std::fs::write(&feed, format!("{record}\n{record}\n")).unwrap();
    for args in [
        vec!["dates"],
        vec!["dates", "--format", "table"],
        vec!["extract"],
        vec!["extract", "--format", "md"],
        vec!["check"],
        vec!["check", "--format", "json"],
        vec!["check", "--format", "md"],
    ] {
        let out = tarikh().args(&args).arg(&feed).assert().success();
        let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        assert_eq!(raw_controls(&stdout), [] as [char; 0], "{args:?}");
        if stdout.starts_with('{') {
            // Escaped, not lost: the JSON reads back to the id.
            let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
            assert!(
                v["documents"][0]["id"].as_str().unwrap().starts_with(id),
                "{args:?}"
            );
        }
    }
    // `convert --json` echoes its input.
    let out = tarikh()
        .args(["convert", "--json"])
        .write_stdin("1399-08-10\u{9b}31m\n\u{1b}[2J1399\n")
        .assert()
        .code(1);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(raw_controls(&stdout), [] as [char; 0]);
    assert_eq!(raw_controls(&stderr), [] as [char; 0], "{stderr}");
    // Error messages name a hostile file name with its escapes visible.
    let name = dir.path().join("a\u{1b}[31m.txt");
    std::fs::write(&name, b"ok \xff").unwrap();
    let missing = dir.path().join("gone\u{9b}.json");
    for args in [
        vec![std::ffi::OsString::from("dates"), dir.path().into()],
        vec![
            "export".into(),
            missing.clone().into(),
            "--format".into(),
            "md".into(),
        ],
        vec![
            "check".into(),
            name.clone().into(),
            "--against".into(),
            missing.into(),
        ],
    ] {
        let out = tarikh().args(&args).assert().code(1);
        let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        assert_eq!(raw_controls(&stderr), [] as [char; 0], "{args:?}: {stderr}");
        assert!(
            stderr.contains("\\u{1b}") || stderr.contains("\\u{9b}"),
            "{args:?}: {stderr}"
        );
    }
}

/// Every `YYYY-MM-DD` field of a dates listing or a timeline is a year
/// 1–9999, in every calendar: a date past them («۵۰۰۰ سال پیش», "9999 years
/// ago", «۹۰۰۰ سال دیگر») is reported as `out-of-range` and left without
/// bounds, never written as `-2980-01-01` or `+10620-…`, and never said to
/// need a publication date it has.
#[test]
fn no_date_field_is_outside_years_1_to_9999() {
    let cases = [
        ("fa", "او ۵۰۰۰ سال پیش آمد.", true),
        ("fa", "آنها ۹۰۰۰ سال دیگر باز می‌گردند.", true),
        ("fa", "این بنا ۱۴۰۰ سال پیش ساخته شد.", true),
        ("en", "He came 5000 years ago.", true),
        ("en", "It was built 9999 years ago.", true),
        ("en", "It was built 1400 years ago.", true),
        ("en", "It was built 1000 years ago.", false),
    ];
    let iso = regex::Regex::new(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$").unwrap();
    fn strings<'a>(v: &'a serde_json::Value, key: &str, out: &mut Vec<(String, &'a str)>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    strings(x, k, out);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, key, out)),
            serde_json::Value::String(s) => out.push((key.to_string(), s)),
            _ => {}
        }
    }
    for (lang, text, reported) in cases {
        let doc = Document {
            id: "d".into(),
            source: "d".into(),
            text: text.into(),
            lang: Some(lang.into()),
            published: chrono::NaiveDate::from_ymd_opt(2020, 10, 5),
            published_from: None,
            title: None,
        };
        let opts = Options::default();
        let dated = pipeline::dates(&doc, &opts);
        let t = pipeline::timeline(std::slice::from_ref(&doc), &opts);
        let listing = serde_json::to_value(&dated.dates).unwrap();
        let timeline = serde_json::to_value(&t).unwrap();
        let mut fields = Vec::new();
        strings(&listing, "", &mut fields);
        strings(&timeline, "", &mut fields);
        for (key, s) in fields {
            if matches!(key.as_str(), "start" | "end" | "published") {
                assert!(iso.is_match(s), "{text}: {key} = {s}");
            }
            if key == "value" {
                assert!(
                    !s.starts_with('-') && !s.starts_with('+'),
                    "{text}: value {s}"
                );
            }
        }
        let codes: Vec<&str> = dated.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(
            codes.contains(&"out-of-range"),
            reported,
            "{text}: {codes:?}"
        );
        assert!(!codes.contains(&"unresolved-relative"), "{text}: {codes:?}");
        assert_eq!(tarikh::check::validate(&t), Ok(()), "{text}");
    }
}
