//! Inputs the fuzz targets (`fuzz/`, see docs/FUZZING.md) found, minimized
//! and inlined, replayed as plain tests: each checks the property the
//! target's assertion failed on, after the fix.

use tarikh::text::{normalize, slice_chars};

/// The normalized text is a fixed point, and every one of its characters
/// maps back to original text that normalizes to that character.
fn normalizes_to_a_fixed_point(original: &str) -> String {
    let n = normalize(original);
    assert_eq!(
        normalize(&n.text).text,
        n.text,
        "not idempotent: {original:?}"
    );
    let total = original.chars().count();
    for (b, c) in n.text.char_indices() {
        let r = n.to_original(b..b + c.len_utf8());
        assert!(
            r.start < r.end && r.end <= total,
            "{original:?}: {c:?} → {r:?}"
        );
        if !c.is_whitespace() {
            let back = normalize(slice_chars(original, r.start, r.end)).text;
            assert_eq!(back, c.to_string(), "{original:?}: {c:?} → {r:?}");
        }
    }
    n.text
}

/// fuzz target `normalize`, crash-3bc53dbc…, minimized to 5 bytes: a Latin
/// letter, the Arabic hamza above U+0654 and an acute U+0301. NFC leaves
/// all three (the hamza blocks the acute), the diacritics step removes the
/// hamza, and the acute was left on the «M» undecomposed: the output was
/// not NFC and a second normalization changed it («M\u{301}» → «Ḿ»).
#[test]
fn normalize_removed_hamza_between_a_letter_and_its_accent() {
    let input: &[u8] = b"\x4d\xd9\x94\xcc\x81";
    let text = std::str::from_utf8(input).unwrap();
    assert_eq!(normalizes_to_a_fixed_point(text), "\u{1e3e}");
    assert_eq!(normalize(text).to_original(0..3), 0..3);
}

/// The same exposure through every other kind of removal: a bidi control,
/// tatweel and a dropped ZWNJ between a letter and a mark that composes
/// with it, a removal that leaves marks out of canonical order, and Hangul
/// jamo (starters that compose with the character before them).
#[test]
fn normalize_every_removal_that_exposes_a_composition() {
    for (input, out) in [
        ("e\u{200f}\u{301}", "é"),
        ("e\u{640}\u{301}", "é"),
        ("e\u{200c}\u{301}", "é"),
        ("e\u{64e}\u{654}\u{301}", "é"),
        ("a\u{301}\u{200f}\u{316}", "á\u{316}"),
        ("\u{1100}\u{200f}\u{1161}", "\u{ac00}"),
        ("آتش\u{200f}\u{301}بس", "آتش\u{301}بس"),
    ] {
        assert_eq!(normalizes_to_a_fixed_point(input), out, "{input:?}");
    }
}
