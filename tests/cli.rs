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
    // `export`, `check --against`: bounded at 64 MiB, with the file named.
    for args in [
        vec!["export", "/dev/zero", "--format", "md"],
        vec![
            "check",
            "data/articles/fa/karabakh-aran.txt",
            "--against",
            "/dev/zero",
        ],
    ] {
        let out = tarikh()
            .args(&args)
            .timeout(std::time::Duration::from_secs(120))
            .assert()
            .failure()
            .get_output()
            .stderr
            .clone();
        let err = String::from_utf8_lossy(&out);
        assert!(
            err.contains("/dev/zero") && err.contains("too large"),
            "{args:?}: {err}"
        );
    }
}
