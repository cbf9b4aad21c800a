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
