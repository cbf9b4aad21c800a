//! Reading and normalization (`tarikh::text`).

use std::fs;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use tarikh::Error;
use tarikh::text::normalize::{STEPS, char_to_byte, normalize, slice_chars};
use tarikh::text::read::{Document, InputFormat, PublishedFrom, ReadOptions, decode, read_inputs};

fn n(s: &str) -> String {
    normalize(s).text
}

// ---------------------------------------------------------------- steps

#[test]
fn steps_are_listed_in_order() {
    let names: Vec<_> = STEPS.iter().map(|s| s.name).collect();
    assert_eq!(
        names,
        [
            "nfc",
            "arabic-letters",
            "digits",
            "bidi-controls",
            "tatweel",
            "diacritics",
            "whitespace"
        ]
    );
    assert!(STEPS.iter().all(|s| !s.doc.is_empty()));
}

#[test]
fn nfc_composes_alef_madda_before_diacritics_run() {
    assert_eq!(n("\u{627}\u{653}\u{628}"), "آب");
    assert_eq!(n("\u{627}\u{654}"), "\u{623}");
    assert_eq!(n("\u{648}\u{654}"), "\u{624}");
    assert_eq!(n("\u{64a}\u{654}"), "\u{626}");
    assert_eq!(n("\u{6cc}\u{654}"), "\u{626}");
    assert_eq!(n("\u{649}\u{64e}\u{654}"), "\u{626}");
    assert_eq!(n("\u{647}\u{654}"), "\u{6c0}");
    // A madda that cannot compose is a stray diacritic: removed.
    assert_eq!(n("\u{628}\u{653}"), "ب");
    // Composition with a harakat in between (canonical reordering).
    assert_eq!(n("\u{627}\u{64e}\u{653}"), "آ");
}

#[test]
fn arabic_yeh_and_kaf_become_persian() {
    assert_eq!(n("علي"), "علی");
    assert_eq!(n("مصطفى"), "مصطفی");
    assert_eq!(n("كشور"), "کشور");
    // Other letters are kept.
    assert_eq!(n("ة ە ہ"), "ة ە ہ");
}

#[test]
fn digits_become_ascii() {
    assert_eq!(n("۱۲۳"), "123");
    assert_eq!(n("١٢٣"), "123");
    assert_eq!(n("۱۴۰۳/۰۸/۱۰"), "1403/08/10");
    assert_eq!(n("۳٫۵"), "3.5");
    assert_eq!(n("۱٬۰۰۰"), "1,000");
}

#[test]
fn bidi_controls_removed() {
    assert_eq!(
        n("a\u{200e}b\u{200f}c\u{61c}d\u{202a}e\u{202e}f\u{2066}g\u{2069}h\u{feff}i"),
        "abcdefghi"
    );
}

#[test]
fn tatweel_removed() {
    assert_eq!(n("تهـــران"), "تهران");
}

#[test]
fn diacritics_removed() {
    assert_eq!(n("مُحَمَّد"), "محمد");
    assert_eq!(n("كِتابٌ"), "کتاب");
    assert_eq!(n("رحمٰن"), "رحمن");
}

#[test]
fn punctuation_kept() {
    assert_eq!(n("آری، نه؛ چرا؟"), "آری، نه؛ چرا؟");
}

#[test]
fn zwnj_kept_inside_words_dropped_at_edges() {
    assert_eq!(n("می\u{200c}شود"), "می\u{200c}شود");
    assert_eq!(n("آبان\u{200c}ماه ۱۴۰۳"), "آبان\u{200c}ماه 1403");
    // Next to a space, at the edges, doubled, before punctuation.
    assert_eq!(n("می\u{200c} شود"), "می شود");
    assert_eq!(n("می \u{200c}شود"), "می شود");
    assert_eq!(n("\u{200c}می"), "می");
    assert_eq!(n("می\u{200c}"), "می");
    assert_eq!(n("می\u{200c}\u{200c}شود"), "می\u{200c}شود");
    assert_eq!(n("می\u{200c}."), "می.");
    // Removed characters are invisible: ZWNJ still between letters.
    assert_eq!(n("می\u{200c}\u{200f}شود"), "می\u{200c}شود");
}

#[test]
fn whitespace_rules() {
    assert_eq!(n("a  \t\u{a0}b"), "a b");
    assert_eq!(n("a\u{2009}\u{202f}\u{3000}b"), "a b");
    assert_eq!(n("a\r\nb\rc\nd"), "a\nb\nc\nd");
    assert_eq!(n("a \n b"), "a\nb");
    assert_eq!(n("a\n\nb"), "a\n\nb");
    assert_eq!(n("a\r\n\r\nb"), "a\n\nb");
    assert_eq!(n("a\n \n\t\n\n\nb"), "a\n\nb");
    assert_eq!(n("\n\n  a b  \n"), "a b");
    assert_eq!(n("a\u{2029}b"), "a\n\nb");
    assert_eq!(n(" \u{200f} "), "");
    assert_eq!(n(""), "");
}

#[test]
fn seed_article_normalizes_and_maps_back() {
    let text = fs::read_to_string("data/articles/fa/karabakh-aran.txt").unwrap();
    let norm = normalize(&text);
    assert!(!norm.text.starts_with('\n'));
    assert!(norm.text.contains("\n\n"), "paragraph breaks kept");
    assert!(!norm.text.contains("\n\n\n"));
    let word = "میانجیگری";
    let at = norm.text.find(word).unwrap();
    let r = norm.to_original(at..at + word.len());
    assert_eq!(slice_chars(&text, r.start, r.end), word);
    // The map is sparse.
    assert!(norm.map_size_bytes() < text.len());
}

// ---------------------------------------------------------------- offsets

#[test]
fn offsets_through_removed_and_replaced_characters() {
    let original = "\u{200f}  علي\u{640}\u{64e} ۱۲ ك";
    let norm = normalize(original);
    assert_eq!(norm.text, "علی 12 ک");
    let chars: Vec<char> = original.chars().collect();
    let find = |s: &str| {
        let b = norm.text.find(s).unwrap();
        norm.to_original(b..b + s.len())
    };
    assert_eq!(find("علی"), 3..6);
    assert_eq!(chars[3..6].iter().collect::<String>(), "علي");
    assert_eq!(find("12"), 9..11);
    assert_eq!(find("ک"), 12..13);
    assert_eq!(find("علی 12"), 3..11);
    assert_eq!(norm.original_char(0), 3);
    assert_eq!(norm.original_char(norm.text.len()), chars.len());
    assert_eq!(norm.to_original(2..2), 4..4);
}

#[test]
fn offsets_of_composition_and_whitespace_runs() {
    let original = "ا\u{653}ب \t\n\n\u{a0}ج";
    let norm = normalize(original);
    assert_eq!(norm.text, "آب\n\nج");
    // آ comes from two characters.
    assert_eq!(norm.to_original(0..'آ'.len_utf8()), 0..2);
    assert_eq!(norm.to_original(0..4), 0..3);
    // The paragraph break maps to the whole run.
    let nl = norm.text.find('\n').unwrap();
    assert_eq!(norm.to_original(nl..nl + 1), 3..8);
    assert_eq!(norm.to_original(nl..nl + 2), 3..8);
    let j = norm.text.find('ج').unwrap();
    assert_eq!(norm.to_original(j..norm.text.len()), 8..9);
    // Offsets inside a character are widened.
    assert_eq!(norm.to_original(1..3), 0..3);
}

#[test]
fn long_text_crosses_checkpoints() {
    let unit = "در ۱۰ آبان\u{200c}ماه ۱۳۹۹ مصطفي\u{640}ى گفت.\n\n";
    let original = unit.repeat(200);
    let norm = normalize(&original);
    let mut from = 0;
    let mut count = 0;
    while let Some(i) = norm.text[from..].find("مصطفیی") {
        let at = from + i;
        let r = norm.to_original(at..at + "مصطفیی".len());
        assert_eq!(slice_chars(&original, r.start, r.end), "مصطفي\u{640}ى");
        from = at + "مصطفیی".len();
        count += 1;
    }
    assert_eq!(count, 200);
}

#[test]
fn char_helpers() {
    let s = "aبc";
    assert_eq!(char_to_byte(s, 0), 0);
    assert_eq!(char_to_byte(s, 1), 1);
    assert_eq!(char_to_byte(s, 2), 3);
    assert_eq!(char_to_byte(s, 3), 4);
    assert_eq!(char_to_byte(s, 9), 4);
    assert_eq!(slice_chars(s, 1, 2), "ب");
    assert_eq!(slice_chars(s, 1, 99), "بc");
    assert_eq!(slice_chars(s, 2, 1), "");
}

const POOL: &[&str] = &[
    "ا",
    "ب",
    "پ",
    "ت",
    "س",
    "م",
    "ن",
    "و",
    "ه",
    "ر",
    "د",
    "ی",
    "ک",
    "گ",
    "آ", // Persian
    "ي",
    "ى",
    "ك", // Arabic yeh/kaf
    "۰",
    "۱",
    "۹",
    "٠",
    "٤",
    "9",
    "1", // digits
    "a",
    "Z",
    "q", // English
    " ",
    " ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\u{a0}",   // whitespace
    "\u{200c}", // ZWNJ
    "\u{200e}",
    "\u{200f}",
    "\u{61c}",
    "\u{202b}",
    "\u{2067}", // bidi
    "\u{640}",  // tatweel
    "\u{64e}",
    "\u{650}",
    "\u{651}",
    "\u{652}",
    "\u{670}", // diacritics
    "ا\u{653}",
    "\u{653}",
    "\u{654}", // madda and hamza marks
    ".",
    "،", // punctuation
];

fn pooled() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(POOL), 0..40).prop_map(|v| v.concat())
}

fn is_edge(c: char) -> bool {
    c == ' ' || c == '\n' || c == '\u{200c}'
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn offset_map_round_trips(original in pooled()) {
        let norm = normalize(&original);
        let text = &norm.text;
        let total = original.chars().count();
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        for (ai, &a) in bounds.iter().enumerate() {
            let mut prev_end = 0;
            for &b in &bounds[ai..] {
                let r = norm.to_original(a..b);
                prop_assert!(r.start <= r.end && r.end <= total, "{a}..{b} → {r:?}");
                prop_assert!(r.end >= prev_end, "end not monotone");
                prev_end = r.end;
                if a == b {
                    continue;
                }
                let span = &text[a..b];
                let first = span.chars().next().unwrap();
                let last = span.chars().next_back().unwrap();
                if is_edge(first) || is_edge(last) {
                    continue;
                }
                let back = normalize(slice_chars(&original, r.start, r.end)).text;
                prop_assert_eq!(&back, span, "{:?}: {}..{} → {:?}", original, a, b, r);
            }
        }
        // Start side is monotone.
        let starts: Vec<usize> = bounds.iter().map(|&b| norm.original_char(b)).collect();
        prop_assert!(starts.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn normalization_is_idempotent(original in pooled()) {
        let once = n(&original);
        prop_assert_eq!(n(&once), once);
    }
}

// ---------------------------------------------------------------- reading

fn ok(results: Vec<Result<Document, Error>>) -> Vec<Document> {
    results.into_iter().map(|r| r.unwrap()).collect()
}

fn read(paths: &[&Path]) -> Vec<Result<Document, Error>> {
    let paths: Vec<PathBuf> = paths.iter().map(|p| p.to_path_buf()).collect();
    read_inputs(&paths, &ReadOptions::default())
}

#[test]
fn decode_drops_bom_and_reports_offsets() {
    let p = Path::new("x.txt");
    assert_eq!(decode(p, b"\xEF\xBB\xBFabc").unwrap(), "abc");
    match decode(p, b"abc\xff") {
        Err(Error::InvalidUtf8 { path, offset }) => {
            assert_eq!(path, p);
            assert_eq!(offset, 3);
        }
        other => panic!("{other:?}"),
    }
    // Offsets count the BOM; a truncated multi-byte sequence.
    assert!(matches!(
        decode(p, b"\xEF\xBB\xBFab\xD8"),
        Err(Error::InvalidUtf8 { offset: 5, .. })
    ));
    assert!(matches!(
        decode(p, b"ab\0cd"),
        Err(Error::Binary { offset: 2, .. })
    ));
    let msg = decode(p, b"abc\xff").unwrap_err().to_string();
    assert!(msg.contains("x.txt") && msg.contains('3'), "{msg}");
}

#[test]
fn reads_a_single_file_with_bom() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("note.txt");
    fs::write(&f, "\u{feff}سلام").unwrap();
    let docs = ok(read(&[&f]));
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].id, "note");
    assert_eq!(docs[0].text, "سلام");
    assert_eq!(docs[0].source, f.to_string_lossy());
    assert_eq!(docs[0].lang, None);
}

#[test]
fn missing_binary_and_invalid_files_are_errors_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.txt");
    let bin = dir.path().join("bin.txt");
    fs::write(&bin, b"ab\0c").unwrap();
    let bad = dir.path().join("bad.txt");
    fs::write(&bad, b"abc\xff").unwrap();
    let good = dir.path().join("good.txt");
    fs::write(&good, "ok").unwrap();
    let res = read(&[&missing, &bin, &bad, &good]);
    assert_eq!(res.len(), 4);
    match &res[0] {
        Err(e @ Error::Io { path, .. }) => {
            assert_eq!(path, &missing);
            assert!(e.to_string().contains("nope.txt"));
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(&res[1], Err(Error::Binary { path, offset: 2 }) if path == &bin));
    assert!(matches!(&res[2], Err(Error::InvalidUtf8 { path, offset: 3 }) if path == &bad));
    assert_eq!(res[3].as_ref().unwrap().text, "ok");
}

#[test]
fn too_large_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("big.txt");
    fs::write(&f, "x".repeat(100)).unwrap();
    let opts = ReadOptions {
        max_bytes: 10,
        ..ReadOptions::default()
    };
    let res = read_inputs(std::slice::from_ref(&f), &opts);
    assert!(matches!(
        &res[0],
        Err(Error::TooLarge { path, size: Some(100), limit: 10 }) if path == &f
    ));
}

/// The bound is per document: a JSON Lines file far larger than it is
/// read whole, record by record; a record past it is an error naming the
/// file, the line and the byte offset where it starts, and stops the file.
#[test]
fn jsonl_is_bounded_per_record_not_per_file() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("feed.jsonl");
    let record = "{\"text\":\"The truce of 8 Oct 2020 failed.\"}\n";
    fs::write(&f, record.repeat(100)).unwrap();
    let opts = ReadOptions {
        max_bytes: record.len() as u64,
        ..ReadOptions::default()
    };
    let docs = ok(read_inputs(std::slice::from_ref(&f), &opts));
    assert_eq!(docs.len(), 100, "4 KB of records under a bound of 43 bytes");

    let long = format!("{{\"text\":\"{}\"}}\n", "x".repeat(100));
    fs::write(&f, format!("{record}{record}{long}{record}")).unwrap();
    let res = read_inputs(std::slice::from_ref(&f), &opts);
    assert_eq!(res.len(), 3, "{res:?}");
    assert!(res[0].is_ok() && res[1].is_ok());
    let offset = 2 * record.len() as u64;
    match &res[2] {
        Err(
            e @ Error::RecordTooLarge {
                path,
                line: 3,
                offset: o,
                limit,
            },
        ) => {
            assert_eq!(path, &f);
            assert_eq!((*o, *limit), (offset, record.len() as u64));
            let msg = e.to_string();
            assert!(
                msg.contains("feed.jsonl:3") && msg.contains(&format!("byte offset {offset}")),
                "{msg}"
            );
        }
        other => panic!("{other:?}"),
    }
    // A record of exactly the bound, its line break not counted, is read;
    // so is a last line with no line break.
    fs::write(&f, format!("{}{}", record, record.trim_end())).unwrap();
    let opts = ReadOptions {
        max_bytes: record.len() as u64 - 1,
        ..ReadOptions::default()
    };
    assert_eq!(ok(read_inputs(std::slice::from_ref(&f), &opts)).len(), 2);
}

#[test]
fn directory_recursion_is_sorted_and_filtered() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("fa/sub")).unwrap();
    fs::create_dir_all(root.join("en")).unwrap();
    fs::write(root.join("fa/b.txt"), "b").unwrap();
    fs::write(root.join("fa/a.md"), "a").unwrap();
    fs::write(root.join("fa/a.toml"), "lang = \"fa\"\n").unwrap();
    fs::write(root.join("fa/sub/c.txt"), "c").unwrap();
    fs::write(root.join("en/z.txt"), "z").unwrap();
    fs::write(root.join("en/image.png"), b"\x89PNG\0").unwrap();
    fs::write(root.join("en/notes.json"), "{}").unwrap();
    fs::write(
        root.join("recs.jsonl"),
        "{\"text\":\"r1\"}\n{\"text\":\"r2\",\"id\":\"x\"}\n",
    )
    .unwrap();
    fs::write(root.join(".hidden.txt"), "h").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(root, root.join("fa/loop")).unwrap();
    let docs = ok(read(&[root]));
    let ids: Vec<_> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["en/z", "fa/a", "fa/b", "fa/sub/c", "recs#1", "x"]);
    assert_eq!(docs[1].lang.as_deref(), Some("fa"));
    assert_eq!(docs[2].lang, None);
}

#[test]
fn empty_directory_gives_no_documents() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("readme.rst"), "x").unwrap();
    assert!(read(&[dir.path()]).is_empty());
}

#[test]
fn seed_article_directory_ids_and_sidecar() {
    let docs = ok(read(&[Path::new("data/articles")]));
    let seed = docs.iter().find(|d| d.id == "fa/karabakh-aran").unwrap();
    assert_eq!(seed.lang.as_deref(), Some("fa"));
    assert!(seed.source.starts_with("Aran news agency"));
    assert!(seed.title.as_deref().unwrap().contains("قره باغ"));
    assert_eq!(seed.published, None);
    assert_eq!(seed.published_from, None);
}

#[test]
fn sidecar_metadata_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    fs::write(&f, "متن").unwrap();
    fs::write(
        dir.path().join("a.toml"),
        "lang = \"fa\"\nsource = \"https://example.org/a\"\ntitle = \"T\"\npublished = \"۲۰۲۰-۱۰-۳۱\"\n",
    )
    .unwrap();
    let g = dir.path().join("b.txt");
    fs::write(&g, "x").unwrap();
    fs::write(dir.path().join("b.toml"), "published = 2021-01-02\n").unwrap();
    let docs = ok(read(&[&f, &g]));
    let d = &docs[0];
    assert_eq!(d.lang.as_deref(), Some("fa"));
    assert_eq!(d.source, "https://example.org/a");
    assert_eq!(d.title.as_deref(), Some("T"));
    assert_eq!(d.published, chrono::NaiveDate::from_ymd_opt(2020, 10, 31));
    assert_eq!(d.published_from, Some(PublishedFrom::Metadata));
    assert_eq!(
        docs[1].published,
        chrono::NaiveDate::from_ymd_opt(2021, 1, 2)
    );
}

#[test]
fn bad_sidecars_are_errors_for_their_document_only() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str, meta: &str| {
        let p = dir.path().join(format!("{name}.txt"));
        fs::write(&p, text).unwrap();
        fs::write(dir.path().join(format!("{name}.toml")), meta).unwrap();
        p
    };
    let unknown = write("a", "x", "lang = \"fa\"\nauthor = \"me\"\n");
    let broken = write("b", "x", "lang = \n");
    let bad_date = write("c", "x", "published = \"2020-13-01\"\n");
    let good = write("d", "x", "lang = \"en\"\n");
    let res = read(&[&unknown, &broken, &bad_date, &good]);
    match &res[0] {
        Err(
            e @ Error::Format {
                path,
                line,
                message,
            },
        ) => {
            assert_eq!(path, &dir.path().join("a.toml"));
            assert_eq!(*line, 2);
            assert!(message.contains("author"), "{message}");
            assert!(e.to_string().contains("a.toml"));
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(&res[1], Err(Error::Format { path, .. }) if path.ends_with("b.toml")));
    assert!(
        matches!(&res[2], Err(Error::Format { path, line: 1, .. }) if path.ends_with("c.toml"))
    );
    assert_eq!(res[3].as_ref().unwrap().lang.as_deref(), Some("en"));
}

#[test]
fn jsonl_bad_line_is_an_error_others_read() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("feed.jsonl");
    fs::write(
        &f,
        concat!(
            "{\"id\":\"one\",\"text\":\"متن یک\",\"lang\":\"fa\",\"published\":\"۱۹۹۴-۰۵-۱۲\",\"source\":\"https://x/1\",\"title\":\"T\"}\n",
            "\n",
            "{\"text\": oops}\n",
            "{\"id\":\"no-text\"}\n",
            "{\"text\":\"two\",\"published\":\"12 May\"}\n",
            "{\"text\":\"three\",\"extra\":1}\n",
        ),
    )
    .unwrap();
    let res = read(&[&f]);
    assert_eq!(res.len(), 5);
    let d = res[0].as_ref().unwrap();
    assert_eq!(d.id, "one");
    assert_eq!(d.text, "متن یک");
    assert_eq!(d.lang.as_deref(), Some("fa"));
    assert_eq!(d.source, "https://x/1");
    assert_eq!(d.published, chrono::NaiveDate::from_ymd_opt(1994, 5, 12));
    assert_eq!(d.published_from, Some(PublishedFrom::Metadata));
    for (i, line) in [(1, 3), (2, 4), (3, 5)] {
        match &res[i] {
            Err(e @ Error::Format { path, line: l, .. }) => {
                assert_eq!(path, &f);
                assert_eq!(*l, line);
                assert!(e.to_string().contains(&format!("feed.jsonl:{line}")));
            }
            other => panic!("{other:?}"),
        }
    }
    let last = res[4].as_ref().unwrap();
    assert_eq!(last.id, "feed#6");
    assert_eq!(last.source, f.to_string_lossy());
}

/// A record may carry both `url` and `source` (a crawler's export often
/// does): `source` wins, `url` stands in when it is missing or empty.
#[test]
fn jsonl_record_with_url_and_source() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("feed.jsonl");
    fs::write(
        &f,
        concat!(
            "{\"text\":\"a\",\"url\":\"https://x/1\",\"source\":\"IRNA\"}\n",
            "{\"text\":\"b\",\"source\":\"IRNA\",\"url\":\"https://x/2\"}\n",
            "{\"text\":\"c\",\"url\":\"https://x/3\"}\n",
            "{\"text\":\"d\",\"url\":\"https://x/4\",\"source\":\"\"}\n",
            "{\"text\":\"e\",\"url\":null,\"source\":null}\n",
        ),
    )
    .unwrap();
    let docs = ok(read(&[&f]));
    let sources: Vec<&str> = docs.iter().map(|d| d.source.as_str()).collect();
    let path = f.to_string_lossy();
    assert_eq!(
        sources,
        ["IRNA", "IRNA", "https://x/3", "https://x/4", path.as_ref()]
    );
}

#[test]
fn jsonl_format_forces_records_and_text_format_forces_text() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("feed.txt");
    fs::write(&f, "{\"text\":\"a\"}\n").unwrap();
    let jsonl = ReadOptions {
        format: InputFormat::Jsonl,
        ..ReadOptions::default()
    };
    let docs = ok(read_inputs(std::slice::from_ref(&f), &jsonl));
    assert_eq!(docs[0].text, "a");
    assert_eq!(docs[0].id, "feed#1");
    let g = dir.path().join("feed.jsonl");
    fs::write(&g, "{\"text\":\"a\"}\n").unwrap();
    let text = ReadOptions {
        format: InputFormat::Text,
        ..ReadOptions::default()
    };
    let docs = ok(read_inputs(&[g], &text));
    assert_eq!(docs[0].text, "{\"text\":\"a\"}\n");
}

#[test]
fn jsonl_invalid_utf8_line_names_offset() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("f.jsonl");
    fs::write(&f, b"{\"text\":\"a\"}\n{\"text\":\"\xff\"}\n").unwrap();
    let res = read(&[&f]);
    assert!(res[0].is_ok());
    assert!(matches!(
        &res[1],
        Err(Error::InvalidUtf8 { offset: 22, .. })
    ));
}

// ---------------------------------------------------------------- unique ids

/// The ids and `duplicate-id` warnings of one read, by id.
fn ids_of(paths: &[PathBuf]) -> (Vec<String>, Vec<(String, String)>) {
    let read = tarikh::text::read_all(paths, &ReadOptions::default());
    let mut ids: Vec<String> = read
        .documents
        .into_iter()
        .map(|d| d.expect("readable").id)
        .collect();
    ids.sort();
    let warnings = read
        .diagnostics
        .into_iter()
        .map(|d| {
            assert_eq!(d.code.as_str(), "duplicate-id");
            assert_eq!(d.severity, tarikh::diagnostic::Severity::Warning);
            (d.document, d.message)
        })
        .collect();
    (ids, warnings)
}

#[test]
fn one_stem_in_two_directories_is_qualified_by_path_in_either_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for d in ["a", "b", "c/a"] {
        fs::create_dir_all(root.join(d)).unwrap();
        fs::write(root.join(d).join("x.txt"), d).unwrap();
    }
    fs::write(root.join("x.md"), "md").unwrap();
    let p = |s: &str| root.join(s);
    let forward = ids_of(&[p("a/x.txt"), p("b/x.txt")]);
    assert_eq!(forward.0, ["a/x", "b/x"]);
    assert_eq!(forward.1.len(), 2);
    assert!(forward.1[0].1.contains("«x»") && forward.1[0].1.contains("«a/x»"));
    assert_eq!(forward, ids_of(&[p("b/x.txt"), p("a/x.txt")]));
    // The shortest end of the path that tells each from the others: «a/x»
    // would not tell a/x.txt from c/a/x.txt.
    let tmp = root.file_name().unwrap().to_string_lossy().to_string();
    let all = [p("c/a/x.txt"), p("x.md"), p("b/x.txt"), p("a/x.txt")];
    let (ids, warnings) = ids_of(&all);
    assert_eq!(
        ids,
        [
            format!("{tmp}/a/x"),
            format!("{tmp}/x"),
            "b/x".into(),
            "c/a/x".into()
        ]
    );
    assert_eq!(warnings.len(), 4);
    let mut reversed = all.to_vec();
    reversed.reverse();
    assert_eq!(ids_of(&reversed).0, ids);
    // Only the extension differs.
    fs::write(root.join("a/x.md"), "md").unwrap();
    assert_eq!(ids_of(&[p("a/x.md"), p("a/x.txt")]).0, ["x.md", "x.txt"]);
    // Two directory arguments with the same tree.
    fs::create_dir_all(root.join("d1/fa")).unwrap();
    fs::create_dir_all(root.join("d2/fa")).unwrap();
    fs::write(root.join("d1/fa/y.txt"), "1").unwrap();
    fs::write(root.join("d2/fa/y.txt"), "2").unwrap();
    assert_eq!(ids_of(&[p("d2"), p("d1")]).0, ["d1/fa/y", "d2/fa/y"]);
}

#[test]
fn one_record_id_twice_is_qualified_by_line_and_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("b")).unwrap();
    fs::write(
        root.join("feed.jsonl"),
        "{\"id\":\"r1\",\"text\":\"one\"}\n\n{\"id\":\"r1\",\"text\":\"two\"}\n{\"text\":\"three\"}\n",
    )
    .unwrap();
    let (ids, warnings) = ids_of(&[root.join("feed.jsonl")]);
    assert_eq!(ids, ["feed#4", "r1#1", "r1#3"]);
    assert_eq!(warnings.len(), 2);
    assert!(
        warnings
            .iter()
            .any(|(id, m)| id == "r1#3" && m.contains("feed.jsonl:3"))
    );
    // The same record id in another file: the file tells them apart, and
    // the line the records of one file.
    fs::write(
        root.join("b/feed.jsonl"),
        "{\"id\":\"r1\",\"text\":\"four\"}\n{\"text\":\"five\"}\n",
    )
    .unwrap();
    let both = [root.join("feed.jsonl"), root.join("b/feed.jsonl")];
    let (ids, _) = ids_of(&both);
    // «feed/r1» would not tell feed.jsonl from b/feed.jsonl; the records
    // without an id have different lines and keep theirs.
    let tmp = root.file_name().unwrap().to_string_lossy().to_string();
    assert_eq!(
        ids,
        [
            format!("{tmp}/feed/r1#1"),
            format!("{tmp}/feed/r1#3"),
            "b/feed/r1".into(),
            "feed#2".into(),
            "feed#4".into()
        ]
    );
    assert_eq!(ids_of(&[both[1].clone(), both[0].clone()]).0, ids);
}

#[test]
fn the_same_file_twice_is_numbered_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("x.txt");
    fs::write(&f, "x").unwrap();
    let (ids, warnings) = ids_of(&[f.clone(), f.clone()]);
    assert_eq!(ids, ["x~1", "x~2"]);
    assert_eq!(warnings.len(), 2);
    // No other document is renamed.
    let g = dir.path().join("y.txt");
    fs::write(&g, "y").unwrap();
    let (ids, warnings) = ids_of(&[f.clone(), g, f]);
    assert_eq!(ids, ["x~1", "x~2", "y"]);
    assert_eq!(warnings.len(), 2);
}

#[test]
fn document_serializes_published_from_lowercase() {
    let json = serde_json::to_value(PublishedFrom::Metadata).unwrap();
    assert_eq!(json, "metadata");
}
