//! The checks the fuzz targets share: what every output of tarikh promises
//! about its offsets and intervals, asserted (a failed assertion is a
//! crash the fuzzer reports).

use chrono::NaiveDate;
use tarikh::pipeline::DatedDocument;
use tarikh::temporal::{Extraction, Mention, Time};
use tarikh::text::{Document, normalize, slice_chars};

/// Inputs longer than this are skipped: the checks are quadratic in places
/// and long inputs find nothing short ones do not.
pub const MAX_LEN: usize = 4096;

/// A document of `text` with metadata left out.
pub fn document(id: &str, text: &str) -> Document {
    Document {
        id: id.into(),
        source: id.into(),
        text: text.into(),
        lang: None,
        published: None,
        published_from: None,
        title: None,
    }
}

/// A publication date to anchor relative and yearless dates.
pub fn published() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 10, 5).unwrap()
}

/// `span` is `[start, end)` with `start <= end <= chars`, and slicing the
/// text by it lands on character boundaries.
pub fn check_span(text: &str, chars: usize, span: [usize; 2], what: &str) {
    assert!(
        span[0] <= span[1] && span[1] <= chars,
        "{what}: span {span:?} out of bounds (text has {chars} characters)"
    );
    let a = tarikh::text::char_to_byte(text, span[0]);
    let b = tarikh::text::char_to_byte(text, span[1]);
    assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
}

/// A span that quotes its text exactly.
pub fn check_quote(text: &str, chars: usize, span: [usize; 2], quote: &str, what: &str) {
    check_span(text, chars, span, what);
    assert_eq!(
        slice_chars(text, span[0], span[1]),
        quote,
        "{what}: span {span:?} does not quote its text"
    );
}

fn check_order<T: PartialOrd + std::fmt::Debug>(a: &Option<T>, b: &Option<T>, what: &str) {
    if let (Some(a), Some(b)) = (a, b) {
        assert!(a <= b, "{what}: start {a:?} after end {b:?}");
    }
}

/// A resolved time: its span quotes it, every interval runs forward.
pub fn check_time(text: &str, chars: usize, t: &Time) {
    check_quote(text, chars, *t.span, &t.text, "time");
    check_order(&t.start, &t.end, "time (Gregorian)");
    if let Some(sh) = &t.solar_hijri {
        check_order(&sh.start, &sh.end, "time (Solar Hijri)");
    }
    if let Some(lh) = &t.lunar_hijri {
        check_order(&lh.start, &lh.end, "time (Lunar Hijri)");
    }
    if let Some(alt) = &t.alternative {
        check_span(text, chars, *alt.span, "alternative");
        check_order(&alt.start, &alt.end, "alternative");
    }
    if let Some(r) = &t.repaired {
        for p in &r.pieces {
            check_span(text, chars, **p, "repaired piece");
        }
    }
}

fn check_mention(text: &str, chars: usize, ex: &Extraction, m: &Mention) {
    check_quote(text, chars, *m.span, &m.text, "mention");
    let view = ex.views.get(m.view).expect("mention's view exists");
    assert!(
        m.view_range.start <= m.view_range.end && m.view_range.end <= view.text.len(),
        "mention's view range {:?} outside its view ({} bytes)",
        m.view_range,
        view.text.len()
    );
    assert!(
        view.text.is_char_boundary(m.view_range.start)
            && view.text.is_char_boundary(m.view_range.end),
        "mention's view range {:?} not on character boundaries",
        m.view_range
    );
    let o = view.original_span(&ex.norm, m.view_range.clone());
    check_span(text, chars, o, "mention's original span through its view");
    if let Some(alt) = &m.alternative {
        check_mention(text, chars, ex, alt);
    }
    if let Some(r) = &m.repaired {
        for p in &r.pieces {
            check_span(text, chars, **p, "mention's repaired piece");
        }
    }
}

/// What the temporal stage found: mentions quote the text, the views tile
/// the normalized text in order, on character boundaries.
pub fn check_extraction(text: &str, ex: &Extraction) {
    let chars = text.chars().count();
    let norm = &ex.norm.text;
    assert!(!ex.views.is_empty(), "no views");
    let mut at = 0;
    for v in &ex.views {
        assert_eq!(v.covers.start, at, "views do not tile the text");
        assert!(v.covers.start <= v.covers.end && v.covers.end <= norm.len());
        assert!(norm.is_char_boundary(v.covers.start) && norm.is_char_boundary(v.covers.end));
        if !v.is_repaired() {
            assert_eq!(
                v.text,
                norm[v.covers.clone()],
                "a plain view is not its text"
            );
        }
        at = v.covers.end;
    }
    assert_eq!(at, norm.len(), "views stop short of the end");
    for m in &ex.mentions {
        check_mention(text, chars, ex, m);
    }
    if let Some(d) = ex.dateline {
        assert!(d < ex.mentions.len(), "dateline is no mention");
    }
    for d in &ex.diagnostics {
        if let Some(s) = d.span {
            check_span(text, chars, *s, "extraction diagnostic");
        }
    }
}

/// Everything `pipeline::dates` returns for `text`.
pub fn check_dated(text: &str, d: &DatedDocument) {
    let chars = text.chars().count();
    check_extraction(text, &d.extraction);
    assert_eq!(d.dates.len(), d.resolved.len());
    for e in &d.dates {
        check_time(text, chars, &e.time);
    }
    for r in &d.resolved {
        check_time(text, chars, &r.time);
    }
    for x in &d.diagnostics {
        if let Some(s) = x.span {
            check_span(text, chars, *s, "diagnostic");
        }
    }
}

/// The guarantees of `text::normalize`'s offset map (its module docs):
/// validity and order, coverage, round trip, and idempotence.
pub fn check_normalize(original: &str) {
    let n = normalize(original);
    let text = &n.text;
    let total = original.chars().count();
    assert_eq!(n.original_len_chars(), total);
    // Every byte offset, boundary or not: inside the original, monotone.
    let mut prev = 0;
    for a in 0..=text.len() + 1 {
        let s = n.original_char(a);
        assert!(s <= total, "original_char({a}) = {s} > {total}");
        assert!(s >= prev, "original_char not monotone at {a}");
        prev = s;
        let r = n.to_original(a..text.len());
        assert!(r.start <= r.end && r.end <= total, "{a}..end → {r:?}");
        let r = n.to_original(0..a);
        assert!(r.start <= r.end && r.end <= total, "0..{a} → {r:?}");
    }
    // Character boundaries, and each normalized character's own span.
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let own: Vec<std::ops::Range<usize>> = bounds
        .windows(2)
        .map(|w| n.to_original(w[0]..w[1]))
        .collect();
    for (k, r) in own.iter().enumerate() {
        assert!(r.start < r.end, "character {k} maps to nothing: {r:?}");
    }
    // Which boundaries fall between two characters of one NFC segment (or
    // one whitespace run): both sides have the same original span.
    let inside = |k: usize| k > 0 && k < own.len() && own[k - 1] == own[k];
    let edge = |c: char| c == ' ' || c == '\n' || c == '\u{200c}';
    let nb = bounds.len();
    let pairs: Vec<(usize, usize)> = if nb <= 40 {
        (0..nb).flat_map(|i| (i..nb).map(move |j| (i, j))).collect()
    } else {
        (0..nb)
            .flat_map(|i| {
                [0, 1, 2, 3, 5, 8, 13, 30]
                    .into_iter()
                    .map(move |d| (i, (i + d).min(nb - 1)))
            })
            .collect()
    };
    for (i, j) in pairs {
        let (a, b) = (bounds[i], bounds[j]);
        let r = n.to_original(a..b);
        assert!(r.start <= r.end && r.end <= total, "{a}..{b} → {r:?}");
        // Monotone: growing the range never shrinks the result.
        if j + 1 < bounds.len() {
            let r2 = n.to_original(a..bounds[j + 1]);
            assert!(
                r2.start == r.start && r2.end >= r.end,
                "{a}..{b} → {r:?} but one more character → {r2:?}"
            );
        }
        if i == j {
            continue;
        }
        // Coverage: every character's own span is inside.
        for o in &own[i..j] {
            assert!(
                r.start <= o.start && o.end <= r.end,
                "{a}..{b} → {r:?} misses {o:?}"
            );
        }
        let span = &text[a..b];
        let first = span.chars().next().unwrap();
        let last = span.chars().next_back().unwrap();
        if edge(first) || edge(last) || inside(i) || inside(j) {
            continue;
        }
        let back = normalize(slice_chars(original, r.start, r.end)).text;
        assert_eq!(
            back, span,
            "round trip of {a}..{b} (original {r:?}) of {original:?}"
        );
    }
    assert_eq!(
        &normalize(text).text,
        text,
        "normalization is not idempotent"
    );
}
