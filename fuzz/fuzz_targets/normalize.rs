//! `text::normalize` and its offset map: every offset maps back inside the
//! original, monotone, covering, round-tripping (see `check_normalize`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The checks are quadratic in the text; short texts find the same.
    if data.len() > 1024 {
        return;
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    tarikh_fuzz::check_normalize(text);
});
