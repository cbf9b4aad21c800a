//! Corpus runs (issue: years of news, not one article): `dates` and
//! `extract` read a stream of documents, process them on `--threads`
//! workers and write them in input order; `--format jsonl` writes one
//! record per document as it is done; `tarikh merge` builds from such
//! records the timeline `extract` builds; a bad record is reported with
//! its line and skipped, and the run exits 1 with a count.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn tarikh() -> Command {
    Command::cargo_bin("tarikh").expect("binary")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The project's articles (sample and evaluation) as one JSON Lines
/// corpus with ids, and a copy of it with three bad lines among the
/// records: not JSON, a record with no text, invalid UTF-8.
fn corpus(dir: &Path) -> (PathBuf, PathBuf, usize) {
    let mut lines = Vec::new();
    for sub in [
        "data/articles/fa",
        "data/articles/en",
        "tests/eval/fa",
        "tests/eval/reallike",
    ] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(sub))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            let id = format!("{sub}/{}", f.file_stem().unwrap().to_string_lossy());
            lines.push(
                serde_json::json!({ "id": id, "text": text, "published": "2023-10-05", "source": "tests" })
                    .to_string()
                    .into_bytes(),
            );
        }
    }
    let n = lines.len();
    let good = dir.join("corpus.jsonl");
    std::fs::write(&good, lines.join(&b"\n"[..])).unwrap();
    let mut bad_lines = lines.clone();
    bad_lines.insert(3, b"{not json".to_vec());
    bad_lines.insert(7, br#"{"id":"no-text"}"#.to_vec());
    bad_lines.insert(11, b"{\"id\":\"x\",\"text\":\"\xff\"}".to_vec());
    let bad = dir.join("bad.jsonl");
    std::fs::write(&bad, bad_lines.join(&b"\n"[..])).unwrap();
    (good, bad, n)
}

fn run(args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = tarikh().args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn output_is_the_same_for_one_and_two_threads_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let (good, _, n) = corpus(dir.path());
    let good = good.to_str().unwrap();
    for (cmd, format) in [
        ("dates", "json"),
        ("dates", "jsonl"),
        ("extract", "json"),
        ("extract", "jsonl"),
    ] {
        let (s1, one, _) = run(&[cmd, good, "--format", format, "--threads", "1"]);
        let (s2, two, _) = run(&[cmd, good, "--format", format, "--threads", "2"]);
        assert_eq!((s1, s2), (0, 0), "{cmd} {format}");
        assert!(
            one == two,
            "{cmd} --format {format}: 1 and 2 threads differ"
        );
        if format == "jsonl" {
            let text = String::from_utf8(one).unwrap();
            let records: Vec<serde_json::Value> = text
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            assert_eq!(records.len(), n, "{cmd}: one record per document");
            let schema = if cmd == "dates" {
                "tarikh.dates/1"
            } else {
                "tarikh.events/1"
            };
            // In input order, each with its schema.
            let ids: Vec<&str> = records
                .iter()
                .map(|r| {
                    assert_eq!(r["schema"], schema);
                    if cmd == "dates" {
                        r["documents"][0]["id"].as_str().unwrap()
                    } else {
                        r["document"]["id"].as_str().unwrap()
                    }
                })
                .collect();
            assert_eq!(ids[0], "data/articles/fa/karabakh-aran");
            assert_eq!(ids[n - 1].split('/').nth(1), Some("eval"));
        }
    }
}

#[test]
fn the_jsonl_listing_holds_what_the_json_listing_holds() {
    let dir = tempfile::tempdir().unwrap();
    let (good, _, _) = corpus(dir.path());
    let good = good.to_str().unwrap();
    let (_, whole, _) = run(&["dates", good]);
    let whole: serde_json::Value = serde_json::from_slice(&whole).unwrap();
    let (_, lines, _) = run(&["dates", good, "--format", "jsonl"]);
    let (mut docs, mut dates, mut diags) = (Vec::new(), Vec::new(), 0);
    for l in String::from_utf8(lines).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        docs.extend(v["documents"].as_array().unwrap().clone());
        dates.extend(v["dates"].as_array().unwrap().clone());
        diags += v["diagnostics"].as_array().unwrap().len();
    }
    assert_eq!(&docs, whole["documents"].as_array().unwrap());
    assert_eq!(&dates, whole["dates"].as_array().unwrap());
    assert_eq!(diags, whole["diagnostics"].as_array().unwrap().len());
}

#[test]
fn merge_of_event_records_is_the_timeline_of_extract_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let (good, _, n) = corpus(dir.path());
    let good = good.to_str().unwrap();
    let (_, timeline, _) = run(&["extract", good]);
    let (_, records, _) = run(&["extract", good, "--format", "jsonl"]);
    let text = String::from_utf8(records).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), n);
    // Split in three parts, given in another order, lines reversed in one,
    // and a part given twice (the same records are merged once).
    let parts = [
        lines[..5].join("\n"),
        lines[5..12]
            .iter()
            .rev()
            .copied()
            .collect::<Vec<_>>()
            .join("\n"),
        lines[12..].join("\n") + "\n\n",
    ];
    let mut paths = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        let f = dir.path().join(format!("part-{i}.jsonl"));
        std::fs::write(&f, p).unwrap();
        paths.push(f.to_str().unwrap().to_string());
    }
    std::fs::write(dir.path().join("empty.jsonl"), "").unwrap();
    let empty = dir.path().join("empty.jsonl").to_str().unwrap().to_string();
    let args = ["merge", &paths[2], &paths[0], &empty, &paths[1], &paths[0]];
    let (status, merged, err) = run(&args);
    assert_eq!(status, 0, "{err}");
    assert!(merged == timeline, "merge differs from extract");
    // Any output format of extract, from merge.
    let (_, md_extract, _) = run(&["extract", good, "--format", "md"]);
    let (_, md_merge, _) = run(&["merge", &paths[0], &paths[1], &paths[2], "--format", "md"]);
    assert!(md_extract == md_merge);
}

#[test]
fn merge_refuses_what_is_not_a_record_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let (good, _, _) = corpus(dir.path());
    let (_, records, _) = run(&["extract", good.to_str().unwrap(), "--format", "jsonl"]);
    let text = String::from_utf8(records).unwrap();
    let first = text.lines().next().unwrap();
    let mut other_events: serde_json::Value = serde_json::from_str(first).unwrap();
    other_events["events"] = serde_json::json!([]);
    other_events["relations"] = serde_json::json!([]);
    let mut dangling: serde_json::Value =
        serde_json::from_str(text.lines().nth(1).unwrap()).unwrap();
    dangling["relations"] =
        serde_json::json!([{ "from": "nowhere@1", "to": "nowhere@2", "type": "before" }]);
    let listing = run(&["dates", "data/articles/en/karabakh-truce.txt"]).1;
    let input = [
        first.to_string(),
        "{oops".to_string(),
        String::from_utf8(listing).unwrap().replace('\n', ""),
        other_events.to_string(),
        dangling.to_string(),
    ]
    .join("\n");
    let f = dir.path().join("mixed.jsonl");
    std::fs::write(&f, input).unwrap();
    let out = dir.path().join("t.json");
    std::fs::write(&out, "keep").unwrap();
    let (status, _, err) = run(&["merge", f.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(status, 1, "{err}");
    for want in [
        "line 2: is not JSON",
        "line 3: its schema is \"tarikh.dates/1\"",
        "line 4: the document",
        "line 5: a relation names the event \"nowhere@1\"",
    ] {
        assert!(err.contains(want), "{want}: {err}");
    }
    // The good record was merged and written.
    let t: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(t["documents"].as_array().unwrap().len(), 1);
    // Nothing readable: nothing written, the old file kept.
    let junk = dir.path().join("junk.jsonl");
    std::fs::write(&junk, "{oops\n").unwrap();
    std::fs::write(&out, "keep").unwrap();
    let (status, _, _) = run(&["merge", junk.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(status, 1);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep");
}

#[test]
fn a_bad_record_is_named_skipped_and_counted_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let (good, bad, n) = corpus(dir.path());
    for (cmd, format) in [
        ("dates", "jsonl"),
        ("extract", "jsonl"),
        ("extract", "json"),
    ] {
        let out = dir.path().join(format!("{cmd}.{format}"));
        let (status, _, err) = run(&[
            cmd,
            bad.to_str().unwrap(),
            "--format",
            format,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(status, 1, "{cmd} {format}: {err}");
        for want in [
            "bad.jsonl:4: not a JSON record",
            "bad.jsonl:8: not a JSON record",
            "not valid UTF-8 at byte offset",
        ] {
            assert!(err.contains(want), "{cmd} {format}: {want} in {err}");
        }
        assert!(
            err.contains(&format!("3 of {} inputs could not be read", n + 3)),
            "{err}"
        );
        // No progress bar when standard error is not a terminal.
        assert!(!err.contains("ETA"), "{err}");
        // Every good record is written, as from the clean corpus.
        let (_, clean, _) = run(&[cmd, good.to_str().unwrap(), "--format", format]);
        assert!(std::fs::read(&out).unwrap() == clean, "{cmd} {format}");
    }
}

#[test]
fn a_record_past_the_bound_is_an_error_naming_its_line_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("big.jsonl");
    let small = serde_json::json!({"id": "a", "text": "۱۰ آبان ۱۳۹۹"}).to_string();
    let big = serde_json::json!({"id": "b", "text": "x".repeat(5000)}).to_string();
    std::fs::write(&f, format!("{small}\n{big}\n{small}\n")).unwrap();
    let (status, out, err) = run(&[
        "extract",
        f.to_str().unwrap(),
        "--format",
        "jsonl",
        "--max-doc-bytes",
        "1K",
    ]);
    assert_eq!(status, 1);
    assert!(err.contains("big.jsonl:2:"), "{err}");
    assert!(
        err.contains(&format!("byte offset {}", small.len() + 1)),
        "{err}"
    );
    assert!(err.contains("--max-doc-bytes"), "{err}");
    assert_eq!(String::from_utf8(out).unwrap().lines().count(), 1);
}

#[test]
fn standard_input_is_a_stream_of_records() {
    let dir = tempfile::tempdir().unwrap();
    let (good, _, n) = corpus(dir.path());
    let text = std::fs::read(&good).unwrap();
    let out = tarikh()
        .args([
            "extract",
            "-",
            "--input-format",
            "jsonl",
            "--format",
            "jsonl",
            "--threads",
            "2",
        ])
        .write_stdin(text)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let (_, from_file, _) = run(&["extract", good.to_str().unwrap(), "--format", "jsonl"]);
    assert!(out == from_file);
    assert_eq!(String::from_utf8(out).unwrap().lines().count(), n);
}

/// On a terminal (a pseudo-terminal made by util-linux `script`) the run
/// shows a progress bar with the bytes, documents and an ETA (the total is
/// known for files); a message printed during the run comes out whole;
/// `--quiet` hides the bar; and reading standard input, whose total is
/// unknown, shows no ETA.
#[test]
fn progress_bar_on_a_terminal_only() {
    let dir = tempfile::tempdir().unwrap();
    let (_, bad, _) = corpus(dir.path());
    let bin = env!("CARGO_BIN_EXE_tarikh");
    let on_terminal = |command: String| {
        let typescript = dir.path().join("typescript");
        let status = std::process::Command::new("script")
            .args(["-qec", &command])
            .arg(&typescript)
            .stdout(std::process::Stdio::null())
            .status()
            .expect("script (util-linux) runs a command on a pseudo-terminal");
        assert_eq!(status.code(), Some(1), "{command}");
        // What a terminal shows, its cursor movements left out.
        let raw = String::from_utf8_lossy(&std::fs::read(&typescript).unwrap()).replace('\r', "\n");
        let mut shown = String::new();
        let mut chars = raw.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' && chars.peek() == Some(&'[') {
                chars.next();
                while chars.next().is_some_and(|c| !c.is_ascii_alphabetic()) {}
                continue;
            }
            shown.push(c);
        }
        shown
    };
    let out = dir.path().join("out.jsonl");
    let shown = on_terminal(format!(
        "{bin} dates {} --format jsonl --threads 2 -o {}",
        bad.display(),
        out.display()
    ));
    assert!(shown.contains(" documents"), "{shown}");
    assert!(shown.contains("ETA"), "{shown}");
    // The message about the bad line is one whole line of its own.
    assert!(
        shown.lines().any(|l| l.starts_with("tarikh: ")
            && l.ends_with(
                ":4: not a JSON record with a \"text\": key must be a string at line 1 column 2"
            )),
        "{shown}"
    );
    let quiet = on_terminal(format!(
        "{bin} dates {} --format jsonl --quiet -o {}",
        bad.display(),
        out.display()
    ));
    assert!(
        !quiet.contains(" documents") && !quiet.contains("ETA"),
        "{quiet}"
    );
    assert!(quiet.contains("3 of "), "{quiet}");
    let piped = on_terminal(format!(
        "{bin} dates - --input-format jsonl --format jsonl -o {} < {}",
        out.display(),
        bad.display()
    ));
    assert!(piped.contains(" documents"), "{piped}");
    assert!(!piped.contains("ETA"), "{piped}");
}
