//! Layout repair (`temporal::repair`, through `temporal::extract`, its one
//! caller) on Persian text made of the pieces layout damage is made of:
//! slots with nothing in them («سال میلادی», «روز آبان», «آبان)»), numbers
//! stranded after a clause-final verb or at a line's end, ranges high to
//! low, line and paragraph breaks. Each input byte picks one piece.
//!
//! Checked: the views tile the normalized text on character boundaries,
//! every mention (repaired or not) quotes the original through its span
//! and maps back inside it through its view, every repaired piece is in
//! bounds, and the resolved dates keep start <= end.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tarikh::lang::Lang;
use tarikh::temporal::{self, resolve};

/// The pieces, in a fixed order: an input byte `b` is `PIECES[b % len]`.
/// Append only, so that the seeds keep their meaning.
pub const PIECES: &[&str] = &[
    // 0: slots and what fills them
    "سال",
    "میلادی",
    "شمسی",
    "هجری قمری",
    "ه.ش",
    "روز",
    "ماه",
    // 7: months
    "آبان",
    "اسفند",
    "مهر",
    "فروردین",
    "مارس",
    "مه",
    "ژانویه",
    "اکتبر",
    "رمضان",
    "May",
    // 17: numbers
    "۱۲",
    "۳",
    "۲۷",
    "۱۹۸۰",
    "۱۹۹۲",
    "۱۹۹۴",
    "۱۳۷۳",
    "۱۳۹۹",
    "۲۰۲۰",
    "۱۴۱۴",
    "12",
    "1994",
    // 29: ranges
    "الی",
    "تا",
    "از",
    "بین",
    "و",
    "-",
    "/",
    // 36: verbs
    "آغاز شد",
    "امضا شد",
    "برقرار شد",
    "ادامه یافت",
    "است",
    "کرد",
    "خواهد شد",
    "منتشر شد",
    // 44: punctuation and breaks
    "(",
    ")",
    ".",
    "،",
    "؛",
    ":",
    "\n",
    "\n\n",
    // 52: words
    "در",
    "جنگ",
    "آتش‌بس",
    "نشست",
    "ژنو",
    "سازمان ملل",
    "هشت",
    "قطعنامه",
    "دهه",
    // 61: what extraction leaves behind
    "\u{200f}",
    "\u{200c}",
    "ـ",
    "ي",
    "٣",
];

fuzz_target!(|data: &[u8]| {
    if data.len() > 512 {
        return;
    }
    let mut text = String::new();
    for &b in data {
        let p = PIECES[b as usize % PIECES.len()];
        if !text.is_empty() && !text.ends_with('\n') && !p.starts_with('\n') {
            text.push(' ');
        }
        text.push_str(p);
    }
    let ex = temporal::extract("fuzz", &text, Lang::Fa);
    tarikh_fuzz::check_extraction(&text, &ex);
    let chars = text.chars().count();
    for published in [None, Some(tarikh_fuzz::published())] {
        let ctx = resolve::Context {
            published,
            ..Default::default()
        };
        let (resolved, diagnostics) = resolve::resolve_all("fuzz", &ex.mentions, ctx);
        assert_eq!(resolved.len(), ex.mentions.len());
        for r in &resolved {
            tarikh_fuzz::check_time(&text, chars, &r.time);
        }
        for d in &diagnostics {
            if let Some(s) = d.span {
                tarikh_fuzz::check_span(&text, chars, *s, "resolve diagnostic");
            }
        }
    }
});
