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
        for e in &t.events {
            for ev in &e.evidence {
                prop_assert_eq!(slice_chars(&text, ev.start, ev.end), ev.quote.as_str());
            }
        }
        // Every export renders.
        let file = tarikh::export::json::TimelineFile::new(t);
        let o = tarikh::export::Options::for_timeline(&file);
        let _ = tarikh::export::markdown::render(&file, &o);
        let _ = tarikh::export::html::render(&file, &o);
        let _ = tarikh::export::timelinejs::render(&file, &o);
        let _ = tarikh::export::csv::render(&file, &o);
    }
}
