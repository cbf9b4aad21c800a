//! Reading a reference timeline: `check::Reference::from_toml` (what
//! `tarikh check --reference file.toml` reads). It refuses with an error or
//! reads; what it reads is checked against a small timeline and the report
//! renders in every format `tarikh check` offers.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tarikh::check::{Reference, check};
use tarikh::export::json::CheckFile;
use tarikh::export::{Format, Output, RenderOptions, render};
use tarikh::pipeline::{self, Options};
use tarikh::timeline::Timeline;

/// A timeline of two short articles, one Persian and one English, with
/// dated events across the years the references cover.
fn timeline() -> &'static Timeline {
    static T: OnceLock<Timeline> = OnceLock::new();
    T.get_or_init(|| {
        let fa = tarikh_fuzz::document(
            "fa",
            "آتش‌بس میان جمهوری آذربایجان و ارمنستان در ۱۲ مه ۱۹۹۴ برقرار شد. \
             مذاکرات در مسکو روز ۱۸ مهر ۱۳۹۹ آغاز شد.",
        );
        let en = tarikh_fuzz::document(
            "en",
            "The fighting began on Sept. 27, 2020. Armenia and Azerbaijan agreed \
             on Oct. 10, 2020 to a humanitarian ceasefire in Moscow.",
        );
        pipeline::timeline(&[fa, en], &Options::default())
    })
}

fuzz_target!(|data: &[u8]| {
    if data.len() > 64 * 1024 {
        return;
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(reference) = Reference::from_toml(text, Path::new("fuzz.toml")) else {
        return;
    };
    let info = reference.info();
    assert_eq!(info.entries, reference.entries.len());
    for e in &reference.entries {
        assert!(
            reference.entry(&e.id).is_some(),
            "entry {} not found by id",
            e.id
        );
    }
    let report = check(timeline(), Some(&reference), &Default::default());
    let file = CheckFile::new(report);
    for f in Format::CHECK {
        for colour in [false, true] {
            render(
                &Output::Check(&file),
                f,
                &RenderOptions {
                    labels: None,
                    colour,
                },
            )
            .unwrap_or_else(|e| panic!("check {f}: {e}"));
        }
    }
});
