//! Reading a saved timeline: `export::json::read_timeline`, what `tarikh
//! export` and `tarikh check` read a `.json` file with, and
//! `check::Reference::from_timeline_json`, what `--reference file.json`
//! reads. Either refuses with an error or reads; what it reads renders in
//! every format `tarikh export` offers, checks, and writes back as JSON
//! that reads again to the same text.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use tarikh::check::Reference;
use tarikh::export::json::{CheckFile, read_timeline, to_string};
use tarikh::export::{Format, Output, RenderOptions, render};

fuzz_target!(|data: &[u8]| {
    if data.len() > 64 * 1024 {
        return;
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let reference = Reference::from_timeline_json(text, Path::new("fuzz.json"));
    let Ok(file) = read_timeline(text, "fuzz.json") else {
        return;
    };
    for f in Format::EXPORT {
        render(&Output::Timeline(&file), f, &RenderOptions::default())
            .unwrap_or_else(|e| panic!("export {f}: {e}"));
    }
    let report = tarikh::check::check(&file.timeline, reference.as_ref().ok(), &Default::default());
    let check = CheckFile::new(report);
    for f in Format::CHECK {
        render(&Output::Check(&check), f, &RenderOptions::default())
            .unwrap_or_else(|e| panic!("check {f}: {e}"));
    }
    let json = to_string(&file);
    let back = read_timeline(&json, "fuzz.json")
        .unwrap_or_else(|e| panic!("the JSON written does not read back: {e}\n{json}"));
    assert_eq!(
        json,
        to_string(&back),
        "the timeline JSON does not round-trip"
    );
});
