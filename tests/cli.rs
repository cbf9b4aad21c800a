//! The command line: exit statuses, errors naming the input and position,
//! atomic output, broken pipes, publication dates from arguments,
//! metadata and datelines.

use std::io::Read;
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;

fn tarikh() -> Command {
    Command::cargo_bin("tarikh").expect("binary")
}

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).expect("JSON output")
}

#[test]
fn dates_on_the_seed_runs_and_lists_in_document_order() {
    let out = tarikh()
        .args(["dates", "data/articles/fa/karabakh-aran.txt"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v = json(&out);
    assert_eq!(v["schema"], "tarikh.dates/1");
    let starts: Vec<u64> = v["dates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["span"][0].as_u64().unwrap())
        .collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
}

#[test]
fn one_unreadable_input_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"\xd8\xaa\xd8\xa7\xff\xfe").unwrap();
    let bin = dir.path().join("bin.txt");
    std::fs::write(&bin, b"abc\0def").unwrap();
    let assert = tarikh()
        .args(["dates", "data/articles/fa/karabakh-aran.txt"])
        .arg(&bad)
        .arg(&bin)
        .arg(dir.path().join("missing.txt"))
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(
        stderr.contains("bad.txt") && stderr.contains("byte offset 4"),
        "{stderr}"
    );
    assert!(
        stderr.contains("bin.txt") && stderr.contains("byte offset 3"),
        "{stderr}"
    );
    assert!(stderr.contains("missing.txt"), "{stderr}");
    let v = json(&assert.get_output().stdout);
    assert_eq!(
        v["documents"].as_array().unwrap().len(),
        1,
        "the readable article is still processed"
    );
}

#[test]
fn usage_errors_exit_2() {
    tarikh().args(["dates"]).assert().code(2);
    tarikh()
        .args(["dates", "x.txt", "--published", "1399-08-10x"])
        .assert()
        .code(2);
    tarikh().args(["nonsense"]).assert().code(2);
    tarikh().args(["--help"]).assert().success();
    tarikh().args(["extract", "--help"]).assert().success();
}

#[test]
fn output_files_are_written_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("timeline.json");
    std::fs::write(&out, "previous").unwrap();
    tarikh()
        .args(["extract", "data/articles/fa/karabakh-aran.txt", "-o"])
        .arg(&out)
        .assert()
        .success();
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["schema"], "tarikh.timeline/1");
    // A write that cannot happen leaves nothing behind and reports the path.
    let nowhere = dir.path().join("no-such-dir").join("t.json");
    let assert = tarikh()
        .args(["extract", "data/articles/fa/karabakh-aran.txt", "-o"])
        .arg(&nowhere)
        .assert()
        .code(1);
    assert!(String::from_utf8_lossy(&assert.get_output().stderr).contains("t.json"));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let bin = assert_cmd::cargo::cargo_bin("tarikh");
    let mut child = StdCommand::new(bin)
        .arg("dates")
        .args(std::iter::repeat_n(
            "data/articles/fa/karabakh-aran.txt",
            40,
        ))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut buf = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut buf).unwrap();
    // The read end is dropped here: the next writes get EPIPE.
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn publication_date_from_argument_metadata_and_dateline() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    std::fs::write(
        &a,
        "تاریخ انتشار: ۲۴ آبان ۱۴۰۲\n\nوزیر خارجه روز شنبه با همتای خود دیدار کرد.",
    )
    .unwrap();
    let clock = dir.path().join("b.txt");
    std::fs::write(
        &clock,
        "شنبه ۳ آذر ۱۴۰۳ تهران ۰۳:۳۰\n\nوزیر خارجه روز شنبه با همتای خود دیدار کرد.",
    )
    .unwrap();
    // A long story paragraph that says «منتشر شده» is no dateline.
    std::fs::write(
        dir.path().join("d.txt"),
        "مخالفان مسلح وارد حلب شدند.\n\nمنابع داخلی ایران پنجشنبه ۸ آذرماه ۱۴۰۳ گزارش دادند که یکی از فرماندهان در حلب کشته شد و روزنامه‌ای در تهران دو روز بعد گزارشی منتشر شده از محل را بازنشر کرد و نوشت که نیروهای دولتی عقب نشسته‌اند و شهر در آستانه سقوط است.",
    )
    .unwrap();
    let meta = dir.path().join("c.txt");
    std::fs::write(&meta, "وزیر خارجه روز شنبه با همتای خود دیدار کرد.").unwrap();
    std::fs::write(dir.path().join("c.toml"), "published = \"2020-10-05\"\n").unwrap();
    let out = tarikh()
        .arg("dates")
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v = json(&out);
    let doc = |id: &str| {
        v["documents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(doc("a")["published"], "2023-11-15");
    assert_eq!(doc("a")["published_from"], "dateline");
    assert_eq!(
        doc("b")["published"],
        serde_json::Value::Null,
        "a site clock is never a publication date"
    );
    assert_eq!(doc("c")["published_from"], "metadata");
    assert_eq!(
        doc("d")["published"],
        serde_json::Value::Null,
        "a story paragraph is no dateline"
    );
    let saturday = |id: &str| {
        v["dates"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["document"] == id && d["text"] == "شنبه")
            .unwrap()["value"]
            .clone()
    };
    assert_eq!(saturday("a"), "2023-11-11");
    assert_eq!(saturday("b"), "XXXX-WXX-6");
    assert_eq!(saturday("c"), "2020-10-03");
    let out = tarikh()
        .arg("dates")
        .arg(&meta)
        .args(["--published", "۲۰۲۳-۱۱-۱۵"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v = json(&out);
    assert_eq!(v["documents"][0]["published_from"], "argument");
    assert_eq!(v["dates"][0]["value"], "2023-11-11");
}

#[test]
fn json_lines_records_are_documents() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("feed.jsonl");
    std::fs::write(
        &f,
        "{\"id\":\"one\",\"text\":\"آتش‌بس در ۱۲ مه ۱۹۹۴ برقرار شد.\",\"lang\":\"fa\"}\nnot json\n{\"id\":\"two\",\"text\":\"The truce of 8 Oct 2020 failed.\"}\n",
    )
    .unwrap();
    let assert = tarikh().arg("dates").arg(&f).assert().code(1);
    assert!(String::from_utf8_lossy(&assert.get_output().stderr).contains(":2"));
    let v = json(&assert.get_output().stdout);
    let values: Vec<_> = v["dates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["value"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(values, ["1994-05-12", "2020-10-08"]);
}

#[test]
fn convert_reads_written_dates_too() {
    let out = tarikh()
        .args(["convert", "۱۰ آبان ۱۳۹۹", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v = json(&out);
    assert_eq!(v["gregorian"]["start"], "2020-10-31");
    assert_eq!(v["from"], "solar-hijri");
}

#[test]
fn the_table_wraps_persian_in_isolates() {
    let out = tarikh()
        .args([
            "dates",
            "data/articles/fa/karabakh-aran.txt",
            "--format",
            "table",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let s = String::from_utf8(out).unwrap();
    assert!(s.contains("\u{2067}شنبه\u{2069}"));
}

#[test]
fn a_run_that_reads_nothing_leaves_the_output_alone() {
    let dir = tempfile::tempdir().unwrap();
    let keep = dir.path().join("keep.json");
    std::fs::write(&keep, "precious").unwrap();
    for cmd in ["extract", "dates", "check"] {
        tarikh()
            .args([cmd, "no/such/article.txt", "-o"])
            .arg(&keep)
            .assert()
            .code(1);
        assert_eq!(std::fs::read_to_string(&keep).unwrap(), "precious", "{cmd}");
    }
    // Nothing is left beside it either.
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
    assert_eq!(names.len(), 1);
}

#[cfg(unix)]
#[test]
fn output_onto_a_link_writes_its_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("real.json");
    std::fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink("real.json", &link).unwrap();
    tarikh()
        .args(["extract", "data/articles/fa/karabakh-aran.txt", "-o"])
        .arg(&link)
        .assert()
        .success();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.contains("tarikh.timeline/1"), "{written}");
    // Only the two names: the temporary file went beside the target, then onto it.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn output_onto_a_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = tarikh()
        .args(["extract", "data/articles/fa/karabakh-aran.txt", "-o"])
        .arg(dir.path())
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8_lossy(&out);
    assert!(err.contains("not a regular file"), "{err}");
    assert!(dir.path().is_dir());
}

#[cfg(unix)]
#[test]
fn endless_streams_are_refused_not_read_until_memory_runs_out() {
    // `convert` reads one date a line: a line with no end stops the run.
    let zero = std::fs::File::open("/dev/zero").unwrap();
    let out = StdCommand::new(assert_cmd::cargo::cargo_bin("tarikh"))
        .arg("convert")
        .stdin(zero)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 1") && err.contains("byte offset 0"),
        "{err}"
    );
    // Every reader of articles and timelines: bounded by --max-doc-bytes
    // (64 MiB by default), with the file named and the way out said.
    let commands: Vec<Vec<&str>> = vec![
        vec!["export", "/dev/zero", "--format", "md"],
        vec![
            "check",
            "data/articles/fa/karabakh-aran.txt",
            "--against",
            "/dev/zero",
        ],
        vec!["dates", "/dev/zero", "--max-doc-bytes", "4K"],
        vec!["extract", "/dev/zero", "--max-doc-bytes", "4K"],
        vec!["check", "/dev/zero", "--max-doc-bytes", "4K"],
        vec![
            "dates",
            "/dev/zero",
            "--input-format",
            "jsonl",
            "--max-doc-bytes",
            "4K",
        ],
    ];
    for args in commands {
        let out = tarikh()
            .args(&args)
            .timeout(std::time::Duration::from_secs(120))
            .assert()
            .code(1)
            .get_output()
            .stderr
            .clone();
        let err = String::from_utf8_lossy(&out);
        assert!(
            err.contains("/dev/zero") && err.contains("--max-doc-bytes"),
            "{args:?}: {err}"
        );
    }
    // Standard input from /dev/zero: as an article, as a timeline, as
    // JSON Lines.
    for args in [
        vec!["dates", "-", "--max-doc-bytes", "4K"],
        vec!["export", "-", "--format", "csv", "--max-doc-bytes", "4K"],
        vec![
            "dates",
            "-",
            "--input-format",
            "jsonl",
            "--max-doc-bytes",
            "4K",
        ],
    ] {
        let out = StdCommand::new(assert_cmd::cargo::cargo_bin("tarikh"))
            .args(&args)
            .stdin(std::fs::File::open("/dev/zero").unwrap())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("4096 bytes"), "{args:?}: {err}");
    }
}

/// One `--max-doc-bytes` bounds each document, record, timeline and
/// reference; JSON Lines files and streams are read record by record, so
/// their total is not bounded.
#[test]
fn one_max_doc_bytes_bounds_every_document_not_a_stream_of_records() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("long.txt");
    std::fs::write(&article, "The truce of 8 Oct 2020 failed. ".repeat(8)).unwrap();
    let record = "{\"text\":\"The truce of 8 Oct 2020 failed.\"}\n";
    let feed = dir.path().join("feed.jsonl");
    std::fs::write(&feed, record.repeat(200)).unwrap();
    let timeline = dir.path().join("t.json");
    tarikh()
        .args(["extract", "data/articles/fa/karabakh-aran.txt", "-o"])
        .arg(&timeline)
        .assert()
        .success();
    let reference = "data/reference/karabakh.toml";

    // Under the bound: every command runs.
    tarikh()
        .args(["dates", "--max-doc-bytes", "1M"])
        .arg(&article)
        .assert()
        .success();
    tarikh()
        .args(["export", "--format", "md", "--max-doc-bytes", "1M"])
        .arg(&timeline)
        .assert()
        .success();

    // An article, a timeline, a reference past 100 bytes: refused, named.
    let runs: Vec<(Vec<std::ffi::OsString>, &str)> = vec![
        (vec!["dates".into(), article.clone().into()], "long.txt"),
        (vec!["extract".into(), article.clone().into()], "long.txt"),
        (vec!["check".into(), timeline.clone().into()], "t.json"),
        (
            vec![
                "export".into(),
                timeline.clone().into(),
                "--format".into(),
                "csv".into(),
            ],
            "t.json",
        ),
    ];
    for (args, named) in runs {
        let out = tarikh()
            .args(&args)
            .args(["--max-doc-bytes", "100"])
            .assert()
            .code(1)
            .get_output()
            .stderr
            .clone();
        let err = String::from_utf8_lossy(&out);
        assert!(
            err.contains(named) && err.contains("100 bytes") && err.contains("--max-doc-bytes"),
            "{args:?}: {err}"
        );
    }
    let out = tarikh()
        .args([
            "check",
            "data/articles/fa/karabakh-aran.txt",
            "--against",
            reference,
        ])
        .args(["--max-doc-bytes", "100"])
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8_lossy(&out);
    assert!(
        err.contains("karabakh.toml") && err.contains("100 bytes"),
        "{err}"
    );

    // 200 records of 43 bytes under a bound of 64 bytes: all read, from a
    // file and from standard input.
    let v = json(
        &tarikh()
            .args(["dates", "--max-doc-bytes", "64"])
            .arg(&feed)
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert_eq!(v["documents"].as_array().unwrap().len(), 200);
    let v = json(
        &tarikh()
            .args([
                "dates",
                "-",
                "--input-format",
                "jsonl",
                "--max-doc-bytes",
                "64",
            ])
            .write_stdin(record.repeat(200))
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert_eq!(v["documents"].as_array().unwrap().len(), 200);

    // A record past the bound: named by file, line and byte offset; the
    // records before it are still read.
    let long = format!("{{\"text\":\"{}\"}}\n", "x".repeat(80));
    std::fs::write(&feed, format!("{record}{record}{long}{record}")).unwrap();
    let assert = tarikh()
        .args(["dates", "--max-doc-bytes", "64"])
        .arg(&feed)
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    let offset = 2 * record.len();
    assert!(
        err.contains("feed.jsonl:3") && err.contains(&format!("byte offset {offset}")),
        "{err}"
    );
    assert_eq!(
        json(&assert.get_output().stdout)["documents"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // A size a person writes; a bound of nothing is a usage error.
    for bad in ["0", "ten", "12Q", "99999999999G"] {
        tarikh()
            .args(["dates", "--max-doc-bytes", bad])
            .arg(&article)
            .assert()
            .code(2);
    }
}

/// A FIFO (`mkfifo`) is read as a stream: an article, JSON Lines record
/// by record, a timeline; bounded like any input.
#[cfg(unix)]
#[test]
fn a_fifo_is_read_as_a_bounded_stream() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let fifo = |name: &str, content: Vec<u8>| {
        let path = dir.path().join(name);
        let _ = std::fs::remove_file(&path);
        let made = StdCommand::new("mkfifo").arg(&path).status().unwrap();
        assert!(made.success());
        let p = path.clone();
        // The writer blocks until tarikh opens the FIFO; a reader that
        // stops early makes its writes fail, which is expected.
        std::thread::spawn(move || {
            if let Ok(mut f) = std::fs::OpenOptions::new().write(true).open(&p) {
                let _ = f.write_all(&content);
            }
        });
        path
    };
    let run = |args: &[&std::ffi::OsStr]| {
        tarikh()
            .args(args)
            .timeout(std::time::Duration::from_secs(60))
            .assert()
    };

    let p = fifo("a.txt", "آتش‌بس در ۱۲ مه ۱۹۹۴ برقرار شد.".into());
    let out = run(&["dates".as_ref(), p.as_os_str()]).success();
    let v = json(&out.get_output().stdout);
    assert_eq!(v["dates"][0]["value"], "1994-05-12");

    let p = fifo("big.txt", vec![b'x'; 10_000]);
    let out = run(&[
        "dates".as_ref(),
        p.as_os_str(),
        "--max-doc-bytes".as_ref(),
        "1K".as_ref(),
    ])
    .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        err.contains("big.txt") && err.contains("more than the limit of 1024 bytes"),
        "{err}"
    );

    let record = "{\"text\":\"The truce of 8 Oct 2020 failed.\"}\n";
    let p = fifo("feed.jsonl", record.repeat(500).into());
    let out = run(&[
        "dates".as_ref(),
        p.as_os_str(),
        "--max-doc-bytes".as_ref(),
        "64".as_ref(),
    ])
    .success();
    let v = json(&out.get_output().stdout);
    assert_eq!(v["documents"].as_array().unwrap().len(), 500);

    let saved = tarikh()
        .args(["extract", "data/articles/fa/karabakh-aran.txt"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let p = fifo("t.json", saved.clone());
    run(&[
        "export".as_ref(),
        p.as_os_str(),
        "--format".as_ref(),
        "md".as_ref(),
    ])
    .success();
    // `check` reads a .json FIFO as the timeline it is, not as an article.
    let p = fifo("t.json", saved);
    let out = run(&[
        "check".as_ref(),
        p.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ])
    .success();
    let v = json(&out.get_output().stdout);
    assert_eq!(v["documents"][0]["id"], "karabakh-aran");
}

/// `extract --explain` says of every date what became of it: the events
/// it dates by their timeline ids, or the rule that made none; a table,
/// or JSON with `--format json`; another format is a usage error.
#[test]
fn extract_explain_tells_what_became_of_every_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chrono.txt");
    std::fs::write(
        &path,
        "Published: 20 August 2021\n\nMARCH 3, 1995 - The president dissolves parliament.\n\
         MARCH 9, 1995 - Protesters gather in the capital. Police arrest dozens.\n\n\
         The fighting lasted three days.\n",
    )
    .unwrap();
    let out = tarikh()
        .args(["extract", "--lang", "en", "--explain", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out.stdout);
    assert_eq!(v["schema"], "tarikh.explain/1");
    let rows = v["dates"].as_array().unwrap();
    let rule_of = |text: &str| {
        rows.iter()
            .find(|r| r["text"] == text)
            .unwrap_or_else(|| panic!("{text} not listed: {rows:?}"))
    };
    assert_eq!(rule_of("20 August 2021")["rule"], "dateline");
    assert_eq!(rule_of("three days")["rule"], "duration-or-set");
    let entry = rule_of("MARCH 9, 1995");
    assert_eq!(entry["rule"], "event");
    assert_eq!(entry["events"].as_array().unwrap().len(), 2, "{entry}");
    // The ids are the timeline's.
    let t = tarikh()
        .args(["extract", "--lang", "en"])
        .arg(&path)
        .output()
        .unwrap();
    let t = json(&t.stdout);
    let ids: Vec<&str> = t["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["id"].as_str())
        .collect();
    for id in entry["events"].as_array().unwrap() {
        assert!(ids.contains(&id.as_str().unwrap()), "{id} not in {ids:?}");
    }
    let table = tarikh()
        .args(["extract", "--lang", "en", "--explain"])
        .arg(&path)
        .output()
        .unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(
        table.starts_with("document\tspan\tkind\ttext\tvalue\tbecame\n"),
        "{table}"
    );
    assert!(table.contains("\tdateline\n"), "{table}");
    let bad = tarikh()
        .args(["extract", "--explain", "--format", "md"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

/// A reference to the past or present dates the triggered event of its
/// clause, vaguely (its bound is the publication day); with no trigger it
/// dates nothing, and a date of the clause wins over it.
#[test]
fn references_date_triggered_events_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("refs.txt");
    std::fs::write(
        &path,
        "Recently, Taliban fighters attacked the district centre. The town is calm now.

         The city had previously served as a refuge after fighting broke out there on 15 April 2023.
",
    )
    .unwrap();
    let out = tarikh()
        .args(["extract", "--lang", "en", "--published", "2023-08-15"])
        .args(["--explain", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out.stdout);
    let rows = v["dates"].as_array().unwrap();
    let rule_of = |text: &str| {
        rows.iter()
            .find(|r| r["text"] == text)
            .unwrap_or_else(|| panic!("{text} not listed: {rows:?}"))["rule"]
            .clone()
    };
    assert_eq!(rule_of("Recently"), "event");
    assert_eq!(rule_of("now"), "present-or-past-reference");
    assert_eq!(rule_of("15 April 2023"), "event");
    assert_eq!(rule_of("previously"), "qualifies-another-date");
}

/// A speech verb beside its clause's date makes the dated event a
/// statement ("on Sunday confirmed the start of a truce" is Qatar speaking,
/// not the truce), and two speakers' statements of one day stay two.
#[test]
fn dated_speech_is_a_statement_and_speakers_stay_apart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("speech.txt");
    std::fs::write(
        &path,
        "Qatar on Sunday confirmed the start of a truce between Israel and Hamas.

         Separately, Egypt said on Sunday that aid convoys had entered Gaza.
",
    )
    .unwrap();
    let out = tarikh()
        .args(["extract", "--lang", "en", "--published", "2025-01-19"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out.stdout);
    let kinds: Vec<&str> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["statement", "statement"], "{v}");
}

/// The fighting and the ground it took, told in one clause, are two events
/// on its date, in both languages.
#[test]
fn an_attack_and_the_ground_it_took_are_two_events() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, text) in [
        (
            "en",
            "On January 20, 2015, Houthi fighters attacked the president's residence and seized the presidential palace.\n",
        ),
        (
            "fa",
            "نیروهای طالبان روز ۲۰ مرداد ۱۴۰۰ به شهر حمله کردند و مرکز ولایت را تصرف کردند.\n",
        ),
    ] {
        let path = dir.path().join(format!("two-{lang}.txt"));
        std::fs::write(&path, text).unwrap();
        let out = tarikh()
            .args(["extract", "--lang", lang])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let v = json(&out.stdout);
        let mut kinds: Vec<&str> = v["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["type"].as_str().unwrap())
            .collect();
        kinds.sort_unstable();
        assert_eq!(kinds, ["attack", "territorial-change"], "{lang}: {v}");
    }
}

/// `dates --format timeml`: TimeML 1.2 around the text with the DCT as
/// `t0`; read back with `--input-format timeml` it gives the same
/// expressions (text, span, value); several documents need `-o DIR`.
#[test]
fn timeml_output_reads_back_to_the_same_expressions() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("wire.txt");
    std::fs::write(
        &en,
        "KABUL, March 3 (AP) - Fighters entered the city on 2 March 2021 & <held> it since Monday. \
         Talks resume next week; they lasted three days in the 1990s. The palace was \
         built in the fifth century BC and burned in 330 BC.",
    )
    .unwrap();
    // (input, its language, its publication date: given when written,
    // read back from the DCT)
    for (input, lang, published) in [
        (en.to_str().unwrap(), "en", "2021-03-03"),
        ("data/articles/fa/karabakh-aran.txt", "fa", "2020-10-05"),
    ] {
        let listing = |args: &[&str]| -> Vec<(String, serde_json::Value, serde_json::Value)> {
            let out = tarikh()
                .arg("dates")
                .args(args)
                .assert()
                .success()
                .get_output()
                .stdout
                .clone();
            json(&out)["dates"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| {
                    (
                        d["text"].as_str().unwrap().to_string(),
                        d["span"].clone(),
                        d["value"].clone(),
                    )
                })
                .collect()
        };
        let args = [input, "--lang", lang, "--published", published];
        let direct = listing(&args);
        let tml = dir.path().join("out.tml");
        let mut write = args.to_vec();
        write.extend(["--format", "timeml", "-o", tml.to_str().unwrap()]);
        tarikh().arg("dates").args(&write).assert().success();
        let xml = std::fs::read_to_string(&tml).unwrap();
        assert!(
            xml.contains("functionInDocument=\"CREATION_TIME\""),
            "{xml}"
        );
        assert_eq!(
            xml.matches("<TIMEX3 tid=").count() - xml.matches("/>").count(),
            xml.matches("</TIMEX3>").count(),
            "every text TIMEX3 is closed: {xml}"
        );
        assert!(!xml.contains("<held>"), "text is escaped: {xml}");
        if lang == "en" {
            // Years before the common era: their TIMEX3 values, a span of
            // them between its two years.
            assert!(
                xml.contains("value=\"BC0330\" temporalFunction=\"false\">330 BC<"),
                "{xml}"
            );
            assert!(
                xml.contains("type=\"DURATION\" value=\"P100Y\"")
                    && xml.contains("value=\"BC0500\"/>"),
                "{xml}"
            );
        }
        let again = listing(&[
            tml.to_str().unwrap(),
            "--input-format",
            "timeml",
            "--lang",
            lang,
        ]);
        assert_eq!(direct, again, "{input}");
    }
    // Several documents: -o DIR, one file each; without it, a usage error.
    let out = dir.path().join("tml");
    std::fs::create_dir(&out).unwrap();
    let both = [
        "dates",
        en.to_str().unwrap(),
        "data/articles/fa/karabakh-aran.txt",
        "--format",
        "timeml",
    ];
    tarikh().args(both).assert().code(2);
    assert_eq!(
        std::fs::read_dir(&out).unwrap().count(),
        0,
        "nothing written"
    );
    tarikh().args(both).arg("-o").arg(&out).assert().success();
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, vec!["karabakh-aran.tml", "wire.tml"]);
}
