//! The tool never panics on what it reads: random text built from the
//! pieces real articles are made of (Persian and Arabic letters and digits,
//! month names, numbers, punctuation, bidi controls, line breaks, Latin
//! words, counts far past any year) goes through the whole pipeline, and
//! every span it reports points at exactly the text it quotes.
//!
//! End to end, through the binary, hostile inputs end in a clear message
//! or a correct result, never a panic, with the contract's exit status (0
//! ran, 1 some input unreadable, 2 usage): empty and blank files, one long
//! line, 100 000 tiny JSON Lines records, NUL bytes, invalid UTF-8 in the
//! middle, unreadable directory entries, missing inputs and outputs,
//! outputs kept on failure, runs of bidi controls, integers past any year,
//! mixed digit scripts, control characters bound for a terminal. Sizes
//! are kept small with `--max-doc-bytes`; `/dev/zero`, FIFOs and the bound
//! itself are in `tests/cli.rs`, and `tests/perf/hostile.sh` runs the full
//! sizes (64 MiB and more) against a release build.

use proptest::prelude::*;
use tarikh::pipeline::{self, Options};
use tarikh::text::{Document, slice_chars};

const PIECES: &[&str] = &[
    "۱۰",
    "۳",
    "۱۹۹۴",
    "۱۳۹۹",
    "2020",
    "12",
    "٣١",
    "آبان",
    "مهر",
    "مه",
    "اکتبر",
    "ژانویه",
    "رمضان",
    "سال",
    "سال‌های",
    "میلادی",
    "شمسی",
    "ه.ش",
    "از",
    "تا",
    "الی",
    "بین",
    "و",
    "روز",
    "شنبه",
    "دیروز",
    "امسال",
    "دهه",
    "هفتاد",
    "اوایل",
    "حدود",
    "آتش‌بس",
    "مذاکرات",
    "جمهوری آذربایجان",
    "ارمنستان",
    "مسکو",
    "برقرار شد",
    "آغاز شد",
    "خواهد یافت",
    "است",
    "(",
    ")",
    "،",
    ".",
    ":",
    "-",
    "/",
    "\n",
    "\n\n",
    " ",
    "\u{200c}",
    "\u{200f}",
    "\u{202e}",
    "ـ",
    "ي",
    "ك",
    "May",
    "March",
    "since",
    "the",
    "1990s",
    "Oct.",
    "5,",
    "ceasefire",
    "talks",
    "on",
    "Saturday",
    "\u{0627}\u{0653}",
    // Counts far past any year, in both scripts.
    "هزار",
    "میلیون",
    "هزاران",
    "پیش",
    "دیگر",
    "بعد",
    "۹۹۹۹",
    "۱۰۰۰۰",
    "٩٩٩٩٩٩٩٩٩",
    "99999999999",
    "years",
    "ago",
    "later",
];

fn article() -> impl Strategy<Value = String> {
    proptest::collection::vec(0..PIECES.len(), 0..80).prop_map(|ix| {
        ix.into_iter()
            .map(|i| PIECES[i])
            .collect::<Vec<_>>()
            .join(" ")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn any_article_goes_through_without_panic(text in article(), published in proptest::option::of(0i64..30000)) {
        let published = published.and_then(|d| chrono::NaiveDate::from_ymd_opt(1950, 1, 1)
            .and_then(|b| b.checked_add_days(chrono::Days::new(d as u64))));
        let doc = Document {
            id: "p".into(),
            source: "p".into(),
            text: text.clone(),
            lang: None,
            published,
            published_from: None,
            title: None,
        };
        let opts = Options::default();
        let dated = pipeline::dates(&doc, &opts);
        for d in &dated.dates {
            prop_assert_eq!(slice_chars(&text, d.time.span[0], d.time.span[1]), d.time.text.as_str());
            if let (Some(s), Some(e)) = (d.time.start, d.time.end) {
                prop_assert!(s <= e, "start after end: {:?}", d.time);
            }
        }
        let t = pipeline::timeline(std::slice::from_ref(&doc), &opts);
        // What tarikh writes, it reads back: the timeline keeps the
        // contract that `export` and `check` hold saved timelines to.
        prop_assert_eq!(tarikh::check::validate(&t), Ok(()));
        for e in &t.events {
            for ev in &e.evidence {
                prop_assert_eq!(slice_chars(&text, ev.start, ev.end), ev.quote.as_str());
            }
        }
        // Every output of every command renders, in each of the formats
        // the library lists for it.
        use tarikh::export::{Command, Format, Output, RenderOptions, render};
        let mut listing = tarikh::export::json::DatesListing::new();
        listing.dates = dated.dates;
        listing.diagnostics = dated.diagnostics;
        let report = tarikh::check::check(&t, None, &Default::default());
        let check = tarikh::export::json::CheckFile::new(report);
        let file = tarikh::export::json::TimelineFile::new(t);
        let converted = tarikh::export::convert::convert(&text, None, Default::default());
        let record = tarikh::export::json::EventsRecord::new(pipeline::doc_events(&doc, &opts));
        for command in Command::ALL {
            let output = match command {
                Command::Convert => Output::Conversion(&converted),
                Command::Dates => Output::Dates(&listing),
                Command::Extract | Command::Export | Command::Merge => Output::Timeline(&file),
                Command::Check => Output::Check(&check),
            };
            for &f in Format::for_command(command) {
                // `extract` writes JSON Lines per document: its events.
                let output = match (command, f) {
                    (Command::Extract, Format::Jsonl) => Output::Events(&record),
                    _ => output,
                };
                let out = render(&output, f, &RenderOptions::default());
                prop_assert!(out.is_ok(), "{} {}", command.id(), f);
                // No article control character reaches a human format.
                if !matches!(f, Format::Json | Format::Jsonl) {
                    let out = out.unwrap();
                    prop_assert!(!out.contains('\u{202e}'), "{} {}", command.id(), f);
                }
            }
        }
    }
}

// ------------------------------------------------ hostile inputs, end to end

fn tarikh() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("tarikh").expect("binary")
}

/// Characters a terminal acts on: C0 but the line break and the tab, DEL,
/// C1 (U+009B is CSI, as ESC [ is).
fn raw_controls(s: &str) -> Vec<char> {
    s.chars()
        .filter(|&c| c.is_control() && c != '\n' && c != '\t')
        .collect()
}

/// A JSON Lines id with ESC, BEL, DEL and CSI reaches no terminal raw: not
/// in the JSON (escaped as `\u009b`, the same string to a JSON reader),
/// not in the human reports (stripped), not on standard error (written as
/// `\u{1b}`); and a file name with an escape is named escaped.
#[test]
fn control_characters_from_input_never_reach_a_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let id = "k\u{1b}[31mred\u{7}\u{7f}\u{9b}2J";
    let feed = dir.path().join("feed.jsonl");
    let record = serde_json::json!({
        "id": id,
        "text": "The truce of 8 Oct 2020 failed. Talks on 9 October 2020 in Moscow.",
        "published": "2020-10-10",
        "title": id,
        "source": id,
    });
    std::fs::write(&feed, format!("{record}\n{record}\n")).unwrap();
    for args in [
        vec!["dates"],
        vec!["dates", "--format", "table"],
        vec!["extract"],
        vec!["extract", "--format", "md"],
        vec!["check"],
        vec!["check", "--format", "json"],
        vec!["check", "--format", "md"],
    ] {
        let out = tarikh().args(&args).arg(&feed).assert().success();
        let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        assert_eq!(raw_controls(&stdout), [] as [char; 0], "{args:?}");
        if stdout.starts_with('{') {
            // Escaped, not lost: the JSON reads back to the id.
            let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
            assert!(
                v["documents"][0]["id"].as_str().unwrap().starts_with(id),
                "{args:?}"
            );
        }
    }
    // `convert --json` echoes its input.
    let out = tarikh()
        .args(["convert", "--json"])
        .write_stdin("1399-08-10\u{9b}31m\n\u{1b}[2J1399\n")
        .assert()
        .code(1);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(raw_controls(&stdout), [] as [char; 0]);
    assert_eq!(raw_controls(&stderr), [] as [char; 0], "{stderr}");
    // Error messages name a hostile file name with its escapes visible.
    let name = dir.path().join("a\u{1b}[31m.txt");
    std::fs::write(&name, b"ok \xff").unwrap();
    let missing = dir.path().join("gone\u{9b}.json");
    for args in [
        vec![std::ffi::OsString::from("dates"), dir.path().into()],
        vec![
            "export".into(),
            missing.clone().into(),
            "--format".into(),
            "md".into(),
        ],
        vec![
            "check".into(),
            name.clone().into(),
            "--against".into(),
            missing.into(),
        ],
    ] {
        let out = tarikh().args(&args).assert().code(1);
        let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        assert_eq!(raw_controls(&stderr), [] as [char; 0], "{args:?}: {stderr}");
        assert!(
            stderr.contains("\\u{1b}") || stderr.contains("\\u{9b}"),
            "{args:?}: {stderr}"
        );
    }
}

/// Every `YYYY-MM-DD` field of a dates listing or a timeline is a year
/// 1–9999, in every calendar: a date past them («۵۰۰۰ سال پیش», "9999 years
/// ago", «۹۰۰۰ سال دیگر») is reported as `out-of-range` and left without
/// bounds, never written as `-2980-01-01` or `+10620-…`, and never said to
/// need a publication date it has.
#[test]
fn no_date_field_is_outside_years_1_to_9999() {
    let cases = [
        ("fa", "او ۵۰۰۰ سال پیش آمد.", true),
        ("fa", "آنها ۹۰۰۰ سال دیگر باز می‌گردند.", true),
        ("fa", "این بنا ۱۴۰۰ سال پیش ساخته شد.", true),
        ("en", "He came 5000 years ago.", true),
        ("en", "It was built 9999 years ago.", true),
        ("en", "It was built 1400 years ago.", true),
        ("en", "It was built 1000 years ago.", false),
    ];
    let iso = regex::Regex::new(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$").unwrap();
    fn strings<'a>(v: &'a serde_json::Value, key: &str, out: &mut Vec<(String, &'a str)>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    strings(x, k, out);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, key, out)),
            serde_json::Value::String(s) => out.push((key.to_string(), s)),
            _ => {}
        }
    }
    for (lang, text, reported) in cases {
        let doc = Document {
            id: "d".into(),
            source: "d".into(),
            text: text.into(),
            lang: Some(lang.into()),
            published: chrono::NaiveDate::from_ymd_opt(2020, 10, 5),
            published_from: None,
            title: None,
        };
        let opts = Options::default();
        let dated = pipeline::dates(&doc, &opts);
        let t = pipeline::timeline(std::slice::from_ref(&doc), &opts);
        let listing = serde_json::to_value(&dated.dates).unwrap();
        let timeline = serde_json::to_value(&t).unwrap();
        let mut fields = Vec::new();
        strings(&listing, "", &mut fields);
        strings(&timeline, "", &mut fields);
        for (key, s) in fields {
            if matches!(key.as_str(), "start" | "end" | "published") {
                assert!(iso.is_match(s), "{text}: {key} = {s}");
            }
            if key == "value" {
                assert!(
                    !s.starts_with('-') && !s.starts_with('+'),
                    "{text}: value {s}"
                );
            }
        }
        let codes: Vec<&str> = dated.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(
            codes.contains(&"out-of-range"),
            reported,
            "{text}: {codes:?}"
        );
        assert!(!codes.contains(&"unresolved-relative"), "{text}: {codes:?}");
        assert_eq!(tarikh::check::validate(&t), Ok(()), "{text}");
    }
}

/// One run of the binary: (exit code, stdout, stderr).
fn run(args: &[&std::ffi::OsStr], stdin: Option<Vec<u8>>) -> (i32, String, String) {
    let mut cmd = tarikh();
    cmd.args(args).timeout(std::time::Duration::from_secs(300));
    if let Some(input) = stdin {
        cmd.write_stdin(input);
    }
    let out = cmd.output().expect("the binary runs");
    let code = out
        .status
        .code()
        .expect("an exit code, not a signal (a panic aborts)");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    (
        code,
        String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr,
    )
}

fn os(s: &str) -> &std::ffi::OsStr {
    s.as_ref()
}

fn count(json: &str, key: &str) -> usize {
    let v: serde_json::Value = serde_json::from_str(json).expect("JSON output");
    v[key].as_array().map_or(0, Vec::len)
}

/// Empty and whitespace-only articles are documents with nothing in them
/// (exit 0); an empty or blank timeline is not JSON (exit 1, offset named).
#[test]
fn empty_and_whitespace_only_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str, content: &str| {
        let f = dir.path().join(name);
        std::fs::write(&f, content).unwrap();
        f
    };
    let inputs = [
        p("empty.txt", ""),
        p("blank.txt", " \n\t\r\n\u{a0}\u{200c}\n"),
        p("empty.jsonl", ""),
        p("blank.jsonl", "\n   \n\r\n"),
    ];
    for command in ["dates", "extract", "check"] {
        let mut args = vec![os(command)];
        args.extend(inputs.iter().map(|f| f.as_os_str()));
        if command == "check" {
            args.extend([os("--format"), os("json")]);
        }
        let (code, out, err) = run(&args, None);
        assert_eq!(code, 0, "{command}: {err}");
        assert_eq!(count(&out, "documents"), 2, "{command}: the two text files");
        assert_eq!(count(&out, "dates") + count(&out, "events"), 0, "{command}");
    }
    for (name, content) in [("empty.json", ""), ("blank.json", " \n\t\n ")] {
        let f = p(name, content);
        for args in [
            vec![os("export"), f.as_os_str(), os("--format"), os("md")],
            vec![os("check"), f.as_os_str()],
        ] {
            let (code, out, err) = run(&args, None);
            assert_eq!(code, 1, "{args:?}");
            assert!(out.is_empty(), "{args:?}");
            assert!(
                err.contains(name) && err.contains("not JSON at byte offset"),
                "{args:?}: {err}"
            );
        }
    }
    // Standard input, empty.
    let (code, out, _) = run(&[os("dates"), os("-")], Some(Vec::new()));
    assert_eq!((code, count(&out, "documents")), (0, 1));
    let (code, _, err) = run(
        &[os("export"), os("-"), os("--format"), os("csv")],
        Some(Vec::new()),
    );
    assert!(code == 1 && err.contains("standard input"), "{err}");
}

/// One line of 100 KB (dense dates, no line break) is read whole; past
/// `--max-doc-bytes` it is refused, named, and the others still run.
#[test]
fn a_long_single_line() {
    let dir = tempfile::tempdir().unwrap();
    let sentence = "مذاکرات در ۱۰ آبان ۱۳۹۹ و ۳ اکتبر ۲۰۲۰ ادامه یافت، ";
    let line = sentence.repeat(100_000 / sentence.len() + 1);
    let long = dir.path().join("long.txt");
    std::fs::write(&long, &line).unwrap();
    let short = dir.path().join("short.txt");
    std::fs::write(&short, sentence).unwrap();
    let (code, out, err) = run(&[os("dates"), long.as_os_str()], None);
    assert_eq!(code, 0, "{err}");
    assert_eq!(count(&out, "dates"), 2 * line.matches(sentence).count());
    let (code, out, err) = run(
        &[
            os("dates"),
            long.as_os_str(),
            short.as_os_str(),
            os("--max-doc-bytes"),
            os("64K"),
        ],
        None,
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("long.txt") && err.contains("65536 bytes"),
        "{err}"
    );
    assert_eq!(count(&out, "documents"), 1, "short.txt is still read");
}

/// 100 000 tiny JSON Lines records: each a document, read record by record
/// (under a bound far smaller than the file), ids unique.
#[test]
fn many_tiny_json_lines_records() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.jsonl");
    std::fs::write(&feed, "{\"text\":\"x\"}\n".repeat(100_000)).unwrap();
    let start = std::time::Instant::now();
    let (code, out, err) = run(
        &[
            os("dates"),
            feed.as_os_str(),
            os("--max-doc-bytes"),
            os("1K"),
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 100_000);
    assert_eq!(docs[99_999]["id"], "feed#100000");
    // A debug build does this in seconds; minutes would mean a quadratic.
    assert!(start.elapsed() < std::time::Duration::from_secs(120));
}

/// A NUL byte marks a binary input, named with its byte offset: a text
/// file is refused; a JSON Lines file stops there, after the records
/// before it; a timeline is refused.
#[test]
fn nul_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin.txt");
    std::fs::write(&bin, b"\xd8\xa2\xd8\xaa\xd8\xb4 \x00 x").unwrap();
    let feed = dir.path().join("feed.jsonl");
    let record = "{\"text\":\"The truce of 8 Oct 2020 failed.\"}\n";
    std::fs::write(
        &feed,
        [
            record.as_bytes(),
            record.as_bytes(),
            b"{\"text\":\"a\x00b\"}\n",
            record.as_bytes(),
        ]
        .concat(),
    )
    .unwrap();
    let (code, out, err) = run(&[os("dates"), bin.as_os_str(), feed.as_os_str()], None);
    assert_eq!(code, 1);
    assert!(
        err.contains("bin.txt") && err.contains("byte offset 7"),
        "{err}"
    );
    let offset = 2 * record.len() + 10;
    assert!(
        err.contains("feed.jsonl") && err.contains(&format!("byte offset {offset}")),
        "{err}"
    );
    assert_eq!(count(&out, "documents"), 2, "the records before the NUL");
    let t = dir.path().join("t.json");
    std::fs::write(&t, b"{\"schema\":\"tarikh.timeline/1\"\x00}").unwrap();
    let (code, _, err) = run(
        &[os("export"), t.as_os_str(), os("--format"), os("md")],
        None,
    );
    assert!(
        code == 1 && err.contains("t.json") && err.contains("byte offset 29"),
        "{err}"
    );
}

/// Bytes that are not UTF-8 in the middle of a long article or of a JSON
/// Lines file are named by their byte offset; the rest is still read.
#[test]
fn invalid_utf8_in_the_middle() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = "آتش‌بس در ۱۲ مه ۱۹۹۴ برقرار شد. ".repeat(200).into_bytes();
    let at = text.len() / 2;
    let at = (at..).find(|&i| text[i] == b' ').unwrap();
    text[at] = 0xff;
    let article = dir.path().join("article.txt");
    std::fs::write(&article, &text).unwrap();
    let feed = dir.path().join("feed.jsonl");
    let record = "{\"text\":\"The truce of 8 Oct 2020 failed.\"}\n";
    std::fs::write(
        &feed,
        [
            record.as_bytes(),
            b"{\"text\":\"\xe2\x80\"}\n",
            record.as_bytes(),
        ]
        .concat(),
    )
    .unwrap();
    let (code, out, err) = run(
        &[os("extract"), article.as_os_str(), feed.as_os_str()],
        None,
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("article.txt") && err.contains(&format!("byte offset {at}")),
        "{err}"
    );
    let offset = record.len() + 9;
    assert!(
        err.contains("feed.jsonl") && err.contains(&format!("byte offset {offset}")),
        "{err}"
    );
    assert_eq!(count(&out, "documents"), 2, "records 1 and 3");
}

/// A directory with a file that cannot be read and a link that leads
/// nowhere: each is named on standard error (exit 1), the rest is read.
#[cfg(unix)]
#[test]
fn a_directory_with_unreadable_entries() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "آتش‌بس در ۱۲ مه ۱۹۹۴ برقرار شد.",
    )
    .unwrap();
    let locked = dir.path().join("locked.txt");
    std::fs::write(&locked, "secret").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads a file whatever its mode: then only the link is
    // unreadable, and the locked file is read like any other.
    let as_root = std::fs::File::open(&locked).is_ok();
    std::os::unix::fs::symlink("nowhere.txt", dir.path().join("dangling.txt")).unwrap();
    let (code, out, err) = run(&[os("dates"), dir.path().as_os_str()], None);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("dangling.txt"), "{err}");
    if as_root {
        assert_eq!(count(&out, "documents"), 2, "good and locked");
    } else {
        assert!(err.contains("locked.txt"), "{err}");
        assert_eq!(count(&out, "documents"), 1, "good");
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).unwrap();
}

/// A missing input, an output in a missing directory, and an existing
/// output that a failed run must leave as it was, for every command.
#[test]
fn missing_inputs_and_outputs_and_existing_outputs_kept() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.txt");
    let missing_json = dir.path().join("missing.json");
    let timeline = "timelines/fa/karabakh-aran.json";
    let article = "data/articles/fa/karabakh-aran.txt";
    let (m, mj) = (missing.as_os_str(), missing_json.as_os_str());
    for args in [
        vec![os("dates"), m],
        vec![os("extract"), m],
        vec![os("check"), m],
        vec![os("check"), mj],
        vec![os("check"), os(article), os("--against"), mj],
        vec![os("export"), mj, os("--format"), os("md")],
    ] {
        let (code, out, err) = run(&args, None);
        assert_eq!(code, 1, "{args:?}");
        assert!(out.is_empty(), "{args:?}: nothing written");
        assert!(err.contains("missing."), "{args:?}: {err}");
    }
    let nowhere = dir.path().join("no-such-dir").join("out");
    for args in [
        vec![os("dates"), os(article)],
        vec![os("extract"), os(article)],
        vec![os("check"), os(article)],
        vec![os("export"), os(timeline), os("--format"), os("html")],
    ] {
        let mut a = args.clone();
        a.extend([os("-o"), nowhere.as_os_str()]);
        let (code, _, err) = run(&a, None);
        assert_eq!(code, 1, "{a:?}");
        assert!(err.contains("no-such-dir"), "{a:?}: {err}");
    }
    // An existing output survives every failed run, and nothing is left
    // beside it.
    let keep = dir.path().join("keep.out");
    std::fs::write(&keep, "precious").unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"schema\":\"tarikh.timeline/1\",\"documents\":[").unwrap();
    for args in [
        vec![os("dates"), m],
        vec![os("extract"), m],
        vec![os("check"), bad.as_os_str()],
        vec![os("check"), os(article), os("--against"), bad.as_os_str()],
        vec![os("export"), bad.as_os_str(), os("--format"), os("md")],
        vec![os("export"), mj, os("--format"), os("csv")],
        vec![os("extract"), os(article), os("--max-doc-bytes"), os("10")],
    ] {
        let mut a = args.clone();
        a.extend([os("-o"), keep.as_os_str()]);
        let (code, _, _) = run(&a, None);
        assert_eq!(code, 1, "{a:?}");
        assert_eq!(std::fs::read_to_string(&keep).unwrap(), "precious", "{a:?}");
    }
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names.len(), 2, "keep.out and bad.json only: {names:?}");
}

/// Tens of thousands of bidi controls around a date: the date is found,
/// its span points at it, and no human format carries the article's
/// controls (only tarikh's own isolates).
#[test]
fn deeply_repeated_bidi_controls() {
    let dir = tempfile::tempdir().unwrap();
    let controls = "\u{202e}\u{2067}\u{200f}\u{202a}\u{2069}\u{202c}\u{200e}\u{061c}";
    let text = format!(
        "{}آتش‌بس در ۱۰ آبان ۱۳۹۹ برقرار شد.{}",
        controls.repeat(10_000),
        "\u{202e}".repeat(50_000)
    );
    let f = dir.path().join("bidi.txt");
    std::fs::write(&f, &text).unwrap();
    let (code, out, err) = run(&[os("dates"), f.as_os_str()], None);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let d = &v["dates"][0];
    assert_eq!(d["value"], "2020-10-31");
    let [a, b] = [
        d["span"][0].as_u64().unwrap(),
        d["span"][1].as_u64().unwrap(),
    ];
    assert_eq!(
        slice_chars(&text, a as usize, b as usize),
        d["text"].as_str().unwrap()
    );
    for args in [
        vec![os("dates"), f.as_os_str(), os("--format"), os("table")],
        vec![os("extract"), f.as_os_str(), os("--format"), os("md")],
        vec![os("check"), f.as_os_str()],
    ] {
        let (code, out, err) = run(&args, None);
        assert_eq!(code, 0, "{args:?}: {err}");
        for c in [
            '\u{202e}', '\u{202a}', '\u{202c}', '\u{200e}', '\u{200f}', '\u{061c}',
        ] {
            assert!(!out.contains(c), "{args:?}: U+{:04X}", c as u32);
        }
    }
}

/// Integers far past any year, in every place a number can stand: no
/// panic, no date field outside years 1–9999, an `out-of-range` finding
/// for what was read as a date, exit 0.
#[test]
fn integers_far_past_any_year() {
    let dir = tempfile::tempdir().unwrap();
    let fa = dir.path().join("fa.txt");
    std::fs::write(
        &fa,
        "او ۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹ سال پیش آمد. ۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵ آبان. \
         در ۱۰ آبان ۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹. ۹۹۹۹ میلیون سال دیگر. ۹۹۹۹ میلیون ماه پیش. \
         ۹۹۹۹ میلیون روز دیگر. ۹۹۹۹ میلیون هفته پیش. ۴۲۹۴۹۶۷۲۹۶ روز پیش. \
         سال ۹۹۹۹۹۹۹۹ میلادی. دهه ۹۹۹۹۹۹۹۰. ۱۸۴۴۶۷۴۴۰۷۳۷۰۹۵۵۱۶۱۶/۱۲/۳۱. \
         از ۱۹۹۹۹۹۹۹۹ تا ۲۹۹۹۹۹۹۹۹. ساعت ۹۹۹۹۹:۹۹.",
    )
    .unwrap();
    let en = dir.path().join("en.txt");
    std::fs::write(
        &en,
        "It happened 99999999999999999999 years ago, on 3 October 99999999999, \
         in 9999999 BC, 4294967296 days later, in the 99999990s, on 12/31/18446744073709551616, \
         from 1999999999 to 2999999999, and 2147483648 weeks from now.",
    )
    .unwrap();
    let iso = regex::Regex::new(r#""(start|end|published)": "(.*?)""#).unwrap();
    let ymd = regex::Regex::new(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$").unwrap();
    for f in [&fa, &en] {
        for command in ["dates", "extract"] {
            let (code, out, err) = run(
                &[
                    os(command),
                    f.as_os_str(),
                    os("--published"),
                    os("2020-11-10"),
                ],
                None,
            );
            assert_eq!(code, 0, "{command} {f:?}: {err}");
            for c in iso.captures_iter(&out) {
                assert!(
                    ymd.is_match(&c[2]),
                    "{command} {f:?}: {} = {}",
                    &c[1],
                    &c[2]
                );
            }
            if command == "dates" && f == &fa {
                assert!(out.contains("\"out-of-range\""), "{out}");
            }
        }
    }
}

/// Persian, Arabic-Indic and Latin digits, alone and mixed in one number,
/// read the same date.
#[test]
fn mixed_digit_scripts() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("mixed.txt");
    let lines = [
        "در ۱۰ آبان ۱۳۹۹ آمد.",
        "در ١٠ آبان ١٣٩٩ آمد.",
        "در 10 آبان 1399 آمد.",
        "در ۱۰ آبان ١٣٩٩ آمد.",
        "در ١٠ آبان 1399 آمد.",
        "در ۱۰ آبان ۱٣۹9 آمد.",
        "در ۱٠ آبان ۱۳۹۹ آمد.",
        "در ۱۳۹۹/٠٨/10 آمد.",
    ];
    std::fs::write(&f, lines.join("\n\n")).unwrap();
    let (code, out, err) = run(&[os("dates"), f.as_os_str()], None);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let values: Vec<&str> = v["dates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["value"].as_str().unwrap_or("null"))
        .collect();
    assert_eq!(values, ["2020-10-31"; 8]);
}
