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

/// fuzz target `repair`, crash-0c3e8985…, minimized to 5 bytes (the
/// pieces «سال», «میلادی», «آغاز شد», «۱۹۹۲», «ه.ش»). The year stranded
/// after the verb is put back into «سال … میلادی», in a window that ends
/// at the sentence's last «.», inside «ه.ش»; the direct reading «۱۹۹۲ ه.ش»
/// ran across the window's edge, was kept, and was given to the repaired
/// view with a range past its end (34..44 of 42 bytes), so that events
/// would have looked for its clause in the wrong text.
#[test]
fn repair_drops_a_reading_that_runs_across_the_repaired_window() {
    let text = "سال میلادی آغاز شد ۱۹۹۲ ه.ش";
    let ex = tarikh::temporal::extract("fuzz", text, tarikh::lang::Lang::Fa);
    assert!(!ex.mentions.is_empty());
    for m in &ex.mentions {
        let view = &ex.views[m.view];
        assert!(
            m.view_range.end <= view.text.len()
                && view.text.is_char_boundary(m.view_range.start)
                && view.text.is_char_boundary(m.view_range.end),
            "{:?}: view range {:?} of a {}-byte view",
            m.text,
            m.view_range,
            view.text.len()
        );
        if !view.is_repaired() {
            assert_eq!(view.original_span(&ex.norm, m.view_range.clone()), *m.span);
        }
    }
    // The repair itself stands: the year, back in its slot.
    let repaired: Vec<_> = ex
        .mentions
        .iter()
        .filter_map(|m| m.repaired.as_ref())
        .collect();
    assert_eq!(repaired.len(), 1);
    assert_eq!(repaired[0].reading, "سال ۱۹۹۲ میلادی");
}
