//! `pipeline::dates` on arbitrary UTF-8, read as Persian and as English:
//! every span in bounds, on character boundaries and quoting its text;
//! every interval start <= end.
//!
//! The first byte is flags (bit 0: a publication date; bit 1: the tabular
//! Lunar Hijri calendar); the rest is the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tarikh::calendar::LunarVariant;
use tarikh::lang::Lang;
use tarikh::pipeline::{self, Options};

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    if rest.len() > tarikh_fuzz::MAX_LEN {
        return;
    }
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let doc = tarikh_fuzz::document("fuzz", text);
    for lang in [Lang::Fa, Lang::En] {
        let opts = Options {
            lang: Some(lang),
            published: (flags & 1 != 0).then(tarikh_fuzz::published),
            lunar: if flags & 2 != 0 {
                LunarVariant::Tabular
            } else {
                LunarVariant::UmmAlQura
            },
        };
        let dated = pipeline::dates(&doc, &opts);
        assert_eq!(dated.info.lang, lang);
        tarikh_fuzz::check_dated(text, &dated);
    }
});
