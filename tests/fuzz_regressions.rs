//! Inputs the fuzz targets (`fuzz/`, see docs/FUZZING.md) found, minimized
//! and inlined, replayed as plain tests: each checks the property the
//! target's assertion failed on, after the fix.

use tarikh::pipeline::{self, Options};
use tarikh::text::{Document, normalize, slice_chars};

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

fn doc(id: &str, text: &str, published: Option<chrono::NaiveDate>) -> Document {
    Document {
        id: id.into(),
        source: id.into(),
        text: text.into(),
        lang: None,
        published,
        published_from: None,
        title: None,
    }
}

/// fuzz target `timeline_export`, crash-661fce69…, minimized to 115 bytes:
/// two reports of one ceasefire on Oct. 21, 2020 merge, and the merged
/// event takes the place «Moscow» from the second, with its span in the
/// second document ([65, 71], past the end of the first, 66 characters).
/// The contract said an actor's or place's span is in the document of the
/// event's first evidence; a merge has always brought spans from the
/// other report (timelines/karabakh-merged.json has such places), so the
/// contract now says so. The span quotes its name in that document.
#[test]
fn merged_event_place_span_is_in_the_report_that_names_it() {
    let d0 = doc(
        "d0",
        "nd Azerbaijan on Oct. 21, 2020 to a ceasefire i\u{634}\u{62f}.",
        None,
    );
    let d1 = doc(
        "d1",
        "Aia and Azerbaijan gre Oct. 21, 200a ceasefire in Moscow. T\u{1f}i.",
        chrono::NaiveDate::from_ymd_opt(2020, 10, 5),
    );
    let docs = [d0, d1];
    let t = pipeline::timeline(&docs, &Options::default());
    let text_of = |id: &str| &docs.iter().find(|d| d.id == id).unwrap().text;
    let merged = t
        .events
        .iter()
        .find(|e| e.evidence.len() == 2)
        .expect("the two reports merge");
    assert_eq!(merged.evidence[0].document, "d0");
    let moscow = merged
        .places
        .iter()
        .find(|p| p.name == "Moscow")
        .expect("Moscow, from the second report");
    assert_eq!(
        slice_chars(text_of("d1"), moscow.span[0], moscow.span[1]),
        "Moscow"
    );
    for e in &t.events {
        for r in e.actors.iter().chain(&e.places) {
            assert!(
                e.evidence.iter().any(|ev| {
                    slice_chars(text_of(&ev.document), r.span[0], r.span[1]) == r.name
                }),
                "{}: {} {:?} quotes its name in none of the event's documents",
                e.id,
                r.id,
                r.span
            );
        }
    }
}
