//! Fact-checking: reference timelines, `tarikh check` within a document,
//! across documents and against a reference.
//!
//! The timelines under `tests/fixtures/check/*.json` are written by
//! `make-fixtures.py` from the real dates of the articles beside them (and
//! of the seed article), with events typed by hand as the event stage is
//! meant to extract them.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tarikh::check::{
    self, CheckReport, FailOn, Finding, PrecisionCmp, Reference, Verdict, reference,
};
use tarikh::diagnostic::Code;
use tarikh::export::json::TimelineFile;
use tarikh::timeline::Timeline;

const FIXTURES: &str = "tests/fixtures/check";
const KARABAKH: &str = "data/reference/karabakh.toml";

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

fn timeline(name: &str) -> Timeline {
    let text = std::fs::read_to_string(fixture(name)).unwrap();
    let file: TimelineFile = serde_json::from_str(&text).unwrap();
    assert_eq!(file.schema, "tarikh.timeline/1");
    file.timeline
}

fn karabakh() -> Reference {
    Reference::load(Path::new(KARABAKH)).unwrap()
}

fn check_against(name: &str, r: &Reference) -> CheckReport {
    check::check(&timeline(name), Some(r), &check::Options::default())
}

fn finding<'a>(r: &'a CheckReport, event: &str) -> &'a Finding {
    r.findings
        .iter()
        .find(|f| f.event.id == event)
        .unwrap_or_else(|| {
            let ids: Vec<_> = r.findings.iter().map(|f| &f.event.id).collect();
            panic!("no finding for {event}; findings: {ids:?}")
        })
}

fn matched(f: &Finding) -> &str {
    f.reference.as_ref().map(|e| e.id.as_str()).unwrap_or("")
}

// ---------------------------------------------------------------- references

fn gazetteer_ids() -> HashSet<String> {
    let mut ids = HashSet::new();
    for entry in std::fs::read_dir("data/gazetteer").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "tsv") {
            for line in std::fs::read_to_string(&path).unwrap().lines() {
                if line.starts_with('#') || line.trim().is_empty() {
                    continue;
                }
                let id = line.split('\t').next().unwrap().trim();
                if id != "id" {
                    ids.insert(id.to_string());
                }
            }
        }
    }
    ids
}

#[test]
fn every_reference_file_loads_and_uses_gazetteer_ids() {
    let gazetteer = gazetteer_ids();
    assert!(gazetteer.contains("org:minsk-group"));
    let mut files: Vec<PathBuf> = std::fs::read_dir("data/reference")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "{files:?}");
    for path in &files {
        let r = Reference::load(path).unwrap_or_else(|e| panic!("{e}"));
        let stem = path.file_stem().unwrap().to_str().unwrap();
        assert_eq!(r.id, stem, "the id is the file name");
        assert_eq!(r.schema, reference::REFERENCE_SCHEMA);
        let minimum = match stem {
            "karabakh" => 40,
            _ => 20,
        };
        assert!(
            r.entries.len() >= minimum,
            "{stem}: {} entries, expected at least {minimum}",
            r.entries.len()
        );
        for e in &r.entries {
            assert!(!e.citations.is_empty(), "{stem}/{}", e.id);
            assert!(e.interval.start <= e.interval.end);
            for id in e.actors.iter().chain(&e.places) {
                assert!(
                    gazetteer.contains(id),
                    "{stem}/{}: {id} is not in data/gazetteer/*.tsv",
                    e.id
                );
            }
            for c in &e.citations {
                assert!(
                    c.url.is_empty() || c.url.starts_with("https://"),
                    "{stem}/{}: {}",
                    e.id,
                    c.url
                );
            }
        }
    }
}

#[test]
fn reference_dates_imply_interval_and_precision() {
    let r = karabakh();
    let e = r.entry("ceasefire-1994").unwrap();
    assert_eq!(e.kind, tarikh::event::EventType::Ceasefire);
    assert_eq!(e.precision, tarikh::calendar::Precision::Day);
    assert_eq!(e.interval.start.to_string(), "1994-05-12");
    assert_eq!(e.interval.end.to_string(), "1994-05-12");
    let w = r.entry("winter-offensive-1993-1994").unwrap();
    assert_eq!(w.precision, tarikh::calendar::Precision::Month);
    assert_eq!(w.interval.start.to_string(), "1993-12-01");
    assert_eq!(w.interval.end.to_string(), "1994-02-28");
    let y = r.entry("minsk-group-troika").unwrap();
    assert_eq!(y.precision, tarikh::calendar::Precision::Year);
    assert_eq!(y.interval.end.to_string(), "1997-12-31");
    assert!(r.entry("bishkek-protocol").unwrap().citations.len() >= 2);
}

const GOOD_ENTRY: &str = r#"schema = "tarikh.reference/1"
id = "t"
title = "T"
title_fa = "ت"
compiled = "2026-01-01"
note = "n"

[[entry]]
id = "a"
date = "1994-05-12"
type = "ceasefire"
actors = ["state:armenia"]
places = []
summary_en = "x"
summary_fa = "ی"
[[entry.citation]]
publication = "P"
title = "T"
date = ""
url = ""
"#;

fn load_str(text: &str) -> tarikh::Result<Reference> {
    Reference::from_toml(text, Path::new("x/bad.toml"))
}

fn format_error(text: &str) -> (usize, String) {
    match load_str(text) {
        Err(tarikh::Error::Format {
            path,
            line,
            message,
        }) => {
            assert_eq!(path, Path::new("x/bad.toml"));
            (line, message)
        }
        other => panic!("expected a format error, got {other:?}"),
    }
}

#[test]
fn reference_errors_name_file_and_line() {
    assert_eq!(load_str(GOOD_ENTRY).unwrap().entries.len(), 1);

    let (line, msg) = format_error(&GOOD_ENTRY.replace("1994-05-12", "1994-02-30"));
    assert_eq!(line, 10);
    assert!(msg.contains("1994-02-30"), "{msg}");

    let (line, msg) = format_error(&GOOD_ENTRY.replace("\"ceasefire\"", "\"truce\""));
    assert_eq!(line, 11);
    assert!(msg.contains("unknown type \"truce\""), "{msg}");

    let twice = format!(
        "{GOOD_ENTRY}\n{}",
        &GOOD_ENTRY[GOOD_ENTRY.find("[[entry]]").unwrap()..]
    );
    let (line, msg) = format_error(&twice);
    let second = twice.rfind("id = \"a\"").unwrap();
    assert_eq!(line, twice[..second].lines().count() + 1);
    assert!(line > 20);
    assert!(msg.contains("duplicate entry id \"a\""), "{msg}");

    let bare = &GOOD_ENTRY[..GOOD_ENTRY.find("[[entry.citation]]").unwrap()];
    let (line, msg) = format_error(bare);
    assert_eq!(line, 8);
    assert!(msg.contains("no citation"), "{msg}");

    let (_, msg) = format_error(&GOOD_ENTRY.replace(
        "date = \"1994-05-12\"",
        "date = \"1994-05-12\"\nend = \"1994-05\"",
    ));
    assert!(msg.contains("before date"), "{msg}");

    let (line, msg) = format_error(&GOOD_ENTRY.replace("summary_fa", "sumary_fa"));
    assert!(line >= 8, "{line}");
    assert!(msg.contains("sumary_fa"), "{msg}");

    let (line, _) = format_error(&GOOD_ENTRY.replace(
        "schema = \"tarikh.reference/1\"",
        "schema = \"tarikh.reference/2\"",
    ));
    assert_eq!(line, 1);

    // Through the CLI: the file and line, status 1.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, GOOD_ENTRY.replace("\"ceasefire\"", "\"truce\"")).unwrap();
    let r = run(&[&fixture("seed.json"), "--against", bad.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("bad.toml:11:"), "{}", r.stderr);
}

#[test]
fn a_timeline_can_serve_as_reference() {
    let r = Reference::load(Path::new(&fixture("shusha-1992.json"))).unwrap();
    assert_eq!(r.schema, reference::TIMELINE_SCHEMA);
    assert_eq!(r.entries.len(), 1);
    assert!(r.entries[0].citations.is_empty());
    assert_eq!(r.entries[0].summary_en, "");
    assert!(!r.entries[0].summary_fa.is_empty());
    let report = check_against("shusha-1993.json", &r);
    let f = finding(&report, "shusha-1993-e1");
    assert_eq!(f.verdict, Verdict::Contradicts);
    assert_eq!(matched(f), "shusha-1992-e1");
    assert_eq!(f.difference_days, Some(375));
}

#[test]
fn fixtures_are_valid_timelines_and_round_trip() {
    for entry in std::fs::read_dir(FIXTURES).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let file: TimelineFile = serde_json::from_str(&text).unwrap();
        let again: Value = serde_json::to_value(&file).unwrap();
        let original: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(again, original, "{}", path.display());
        // Every quote is the text of its span.
        for ev in &file.timeline.events {
            for x in &ev.evidence {
                let txt = path.with_file_name(format!("{}.txt", x.document));
                let txt = if txt.exists() {
                    txt
                } else {
                    PathBuf::from(format!("data/articles/fa/{}.txt", x.document))
                };
                let doc = std::fs::read_to_string(txt).unwrap();
                assert_eq!(
                    tarikh::text::slice_chars(&doc, x.start, x.end),
                    x.quote,
                    "{}",
                    ev.id
                );
            }
        }
    }
}

// ---------------------------------------------------------------- the seed

#[test]
fn the_seed_against_karabakh() {
    let r = karabakh();
    let report = check_against("seed.json", &r);

    // The ceasefire (May 1994) agrees with 12 May 1994, less precisely.
    let ceasefire = finding(&report, "karabakh-aran-e4");
    assert_eq!(ceasefire.verdict, Verdict::Agrees);
    assert_eq!(matched(ceasefire), "ceasefire-1994");
    assert_eq!(ceasefire.precision, Some(PrecisionCmp::LessPrecise));
    assert_eq!(ceasefire.difference_days, Some(0));

    // "since 1992" agrees with the Minsk Group's creation, by its anchor.
    let mediation = finding(&report, "karabakh-aran-e5");
    assert_eq!(mediation.verdict, Verdict::Agrees);
    assert_eq!(matched(mediation), "csce-minsk-conference");
    assert_eq!(mediation.precision, Some(PrecisionCmp::LessPrecise));

    // The talks' date is flagged for its calendar mismatch, and both of its
    // readings are compared.
    let talks = finding(&report, "karabakh-aran-e6");
    assert!(
        talks.flags.contains(&Code::CalendarMismatch),
        "{:?}",
        talks.flags
    );
    assert!(talks.flags.contains(&Code::DisplacedNumber));
    assert_eq!(matched(talks), "moscow-ministers-talks-2020");
    let alt = talks.alternative.as_ref().unwrap();
    assert_eq!(alt.text, "۳ اکتبر ۲۰۲۰");
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| { d.code == Code::CalendarMismatch && d.events == ["karabakh-aran-e6"] })
    );

    // Nothing contradicts where the article is right.
    for id in [
        "karabakh-aran-e1",
        "karabakh-aran-e2",
        "karabakh-aran-e4",
        "karabakh-aran-e5",
    ] {
        assert_ne!(finding(&report, id).verdict, Verdict::Contradicts, "{id}");
    }
    assert_eq!(
        finding(&report, "karabakh-aran-e2").verdict,
        Verdict::Agrees,
        "the 1992–1994 fighting"
    );
    // The reference has no conflict-start in 1988.
    let start = finding(&report, "karabakh-aran-e1");
    assert_eq!(start.verdict, Verdict::NotInReference);
    assert_eq!(start.reference, None);
    assert_eq!(start.precision, None);
    assert_eq!(start.difference_days, None);

    // Undated events are listed, not judged.
    let unchecked: Vec<&str> = report.unchecked.iter().map(|u| u.event.as_str()).collect();
    assert_eq!(unchecked, ["karabakh-aran-e3", "karabakh-aran-e7"]);
    assert_eq!(report.summary.unchecked, 2);
    assert_eq!(report.findings.len(), 5);
}

// ------------------------------------------------- contradictions, precision

#[test]
fn bishkek_ceasefire_in_march_contradicts_with_citations() {
    let report = check_against("bishkek-march.json", &karabakh());
    let f = finding(&report, "bishkek-march-e1");
    assert_eq!(f.verdict, Verdict::Contradicts);
    assert_eq!(matched(f), "ceasefire-1994");
    assert_eq!(f.difference_days, Some(61));
    assert_eq!(f.precision, Some(PrecisionCmp::Same));
    let entry = f.reference.as_ref().unwrap();
    assert!(!entry.citations.is_empty());
    assert!(entry.citations.iter().all(|c| !c.publication.is_empty()));
    assert!(
        f.message.contains("61 days before ceasefire-1994"),
        "{}",
        f.message
    );
    assert!(report.reaches(FailOn::Error));
}

#[test]
fn war_2020_starting_27_october_contradicts() {
    let report = check_against("war-2020-october.json", &karabakh());
    let start = finding(&report, "war-2020-october-e1");
    assert_eq!(start.verdict, Verdict::Contradicts);
    assert_eq!(matched(start), "war-2020-starts");
    assert_eq!(start.difference_days, Some(30));
    assert!(!start.reference.as_ref().unwrap().citations.is_empty());
    // The same article's ceasefire is right, to the day.
    let ceasefire = finding(&report, "war-2020-october-e2");
    assert_eq!(ceasefire.verdict, Verdict::Agrees);
    assert_eq!(matched(ceasefire), "ceasefire-2020");
    assert_eq!(ceasefire.precision, Some(PrecisionCmp::Same));
}

#[test]
fn a_day_within_a_two_day_entry_is_more_precise() {
    let report = check_against("shusha-1992.json", &karabakh());
    let f = finding(&report, "shusha-1992-e1");
    assert_eq!(f.verdict, Verdict::Agrees);
    assert_eq!(matched(f), "shusha-falls-1992");
    assert_eq!(f.precision, Some(PrecisionCmp::MorePrecise));
    assert!(!report.reaches(FailOn::Warning));
}

#[test]
fn a_wrong_year_is_caught_not_matched_by_date() {
    let report = check_against("shusha-1993.json", &karabakh());
    let f = finding(&report, "shusha-1993-e1");
    assert_eq!(f.verdict, Verdict::Contradicts);
    assert_eq!(matched(f), "shusha-falls-1992");
    assert_eq!(f.difference_days, Some(374));
    // An event with no actor or place is never matched by its date alone.
    let meeting = finding(&report, "shusha-1993-e3");
    assert_eq!(meeting.verdict, Verdict::NotInReference);
}

// ------------------------------------------------------ within a document

#[test]
fn in_document_diagnostics() {
    let report = check::check(
        &timeline("shusha-1993.json"),
        None,
        &check::Options::default(),
    );
    let codes: Vec<Code> = report.diagnostics.iter().map(|d| d.code).collect();
    for code in [
        Code::WeekdayMismatch,
        Code::InvalidDate,
        Code::FutureDate,
        Code::OrderContradiction,
    ] {
        assert!(codes.contains(&code), "{code:?} in {codes:?}");
    }
    // The order contradiction is our own: the text relation says the 2030
    // meeting came before the fall of Shusha in 1993.
    let order = report
        .diagnostics
        .iter()
        .find(|d| d.code == Code::OrderContradiction)
        .unwrap();
    assert_eq!(order.events, ["shusha-1993-e3", "shusha-1993-e1"]);
    // Without a reference there are no findings.
    assert!(report.findings.is_empty() && report.against.is_none());

    let seed = check::check(&timeline("seed.json"), None, &check::Options::default());
    let codes: Vec<Code> = seed.diagnostics.iter().map(|d| d.code).collect();
    assert!(codes.contains(&Code::CalendarMismatch));
    assert!(codes.contains(&Code::DisplacedNumber));
}

#[test]
fn own_checks_find_what_a_bare_timeline_does_not_say() {
    let mut t = timeline("seed.json");
    t.diagnostics.clear();
    let report = check::check(&t, None, &check::Options::default());
    let mismatch = report
        .diagnostics
        .iter()
        .find(|d| d.code == Code::CalendarMismatch)
        .expect("a calendar mismatch from the dual date");
    assert_eq!(mismatch.events, ["karabakh-aran-e6"]);
    assert!(mismatch.message.contains("28 days"), "{}", mismatch.message);
    let repaired = report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::DisplacedNumber)
        .count();
    assert_eq!(repaired, 5, "one per repaired date of an event");
}

// ------------------------------------------------------ across documents

#[test]
fn two_articles_dating_the_fall_of_shusha_differently() {
    let r = run(&[
        &fixture("shusha-1992.json"),
        &fixture("shusha-1993.json"),
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let disagreements: Vec<&Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "source-disagreement")
        .collect();
    assert_eq!(disagreements.len(), 1, "{disagreements:?}");
    let d = disagreements[0];
    assert_eq!(d["severity"], "warning");
    assert_eq!(
        d["events"],
        serde_json::json!(["shusha-1992-e1", "shusha-1993-e1"])
    );
    let msg = d["message"].as_str().unwrap();
    // Each source's quote and date.
    assert!(
        msg.contains("«نیروهای ارمنی شهر شوشا را در ۸ مه ۱۹۹۲ تصرف کردند"),
        "{msg}"
    );
    assert!(msg.contains("شنبه ۱۸ مه ۱۹۹۳"), "{msg}");
    assert!(
        msg.contains("1992-05-08") && msg.contains("1993-05-18"),
        "{msg}"
    );
    assert!(msg.contains("375 days apart"), "{msg}");
}

#[test]
fn a_timelines_own_source_disagreement_is_kept() {
    let mut t = timeline("shusha-1992.json");
    t.diagnostics.push(tarikh::diagnostic::Diagnostic {
        severity: tarikh::diagnostic::Severity::Warning,
        code: Code::SourceDisagreement,
        message: "a and b date it differently".into(),
        document: "shusha-1992".into(),
        span: None,
        events: vec!["shusha-1992-e1".into()],
    });
    let report = check::check(&t, None, &check::Options::default());
    assert_eq!(report.summary.warnings, 1);
    assert!(report.reaches(FailOn::Warning));
    assert!(!report.reaches(FailOn::Error));
    assert!(!report.reaches(FailOn::Never));
}

// ------------------------------------------------------------- the command

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let out = Command::cargo_bin("tarikh")
        .unwrap()
        .arg("check")
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

#[test]
fn exit_status_follows_fail_on() {
    let bishkek = fixture("bishkek-march.json");
    let seed = fixture("seed.json");
    let shusha = fixture("shusha-1992.json");
    // Findings never change the status by default.
    assert_eq!(run(&[&bishkek, "--against", KARABAKH]).code, 0);
    assert_eq!(
        run(&[&bishkek, "--against", KARABAKH, "--fail-on", "never"]).code,
        0
    );
    // A contradiction reaches `error`.
    assert_eq!(
        run(&[&bishkek, "--against", KARABAKH, "--fail-on", "error"]).code,
        3
    );
    assert_eq!(
        run(&[&bishkek, "--against", KARABAKH, "--fail-on", "warning"]).code,
        3
    );
    // The seed: a contradiction on the talks' (self-contradictory) date …
    assert_eq!(
        run(&[&seed, "--against", KARABAKH, "--fail-on", "error"]).code,
        3
    );
    // … and without a reference only its calendar-mismatch warning.
    assert_eq!(run(&[&seed, "--fail-on", "error"]).code, 0);
    assert_eq!(run(&[&seed, "--fail-on", "warning"]).code, 3);
    // An article right on every count.
    assert_eq!(
        run(&[&shusha, "--against", KARABAKH, "--fail-on", "warning"]).code,
        0
    );
    // 1: an unreadable input, the rest still reported.
    let r = run(&[
        &shusha,
        "no/such/file.txt",
        "--against",
        KARABAKH,
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 1);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["findings"][0]["verdict"], "agrees");
    // 2: usage.
    assert_eq!(run(&[&shusha, "--format", "yaml"]).code, 2);
    assert_eq!(run(&[&shusha, "--fail-on", "sometimes"]).code, 2);
    assert_eq!(run(&[]).code, 2);
}

#[test]
fn json_report_follows_the_contract() {
    let r = run(&[
        &fixture("seed.json"),
        &fixture("bishkek-march.json"),
        "--against",
        KARABAKH,
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["schema"], "tarikh.check/1");
    assert_eq!(v["generator"]["name"], "tarikh");
    assert_eq!(v["documents"].as_array().unwrap().len(), 2);
    assert_eq!(v["against"]["id"], "karabakh");
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 6);
    for f in findings {
        for key in [
            "event",
            "verdict",
            "precision",
            "reference",
            "difference_days",
        ] {
            assert!(f.get(key).is_some(), "{key} in {f}");
        }
    }
    let bishkek = findings
        .iter()
        .find(|f| f["event"]["id"] == "bishkek-march-e1")
        .unwrap();
    assert_eq!(bishkek["verdict"], "contradicts");
    assert_eq!(bishkek["precision"], "same");
    assert_eq!(bishkek["difference_days"], 61);
    assert_eq!(bishkek["reference"]["id"], "ceasefire-1994");
    assert_eq!(bishkek["reference"]["interval"]["start"], "1994-05-12");
    assert!(
        !bishkek["reference"]["citations"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let ceasefire = findings
        .iter()
        .find(|f| f["event"]["id"] == "karabakh-aran-e4")
        .unwrap();
    assert_eq!(ceasefire["verdict"], "agrees");
    assert_eq!(ceasefire["precision"], "less-precise");
    // The same report parses back into the library's type.
    let report: CheckReport = serde_json::from_value(v.clone()).unwrap();
    assert_eq!(report.summary.contradicts, 2);
    // Deterministic.
    let again = run(&[
        &fixture("seed.json"),
        &fixture("bishkek-march.json"),
        "--against",
        KARABAKH,
        "--format",
        "json",
    ]);
    assert_eq!(again.stdout, r.stdout);
}

#[test]
fn text_report_has_no_colour_when_piped() {
    let r = run(&[
        &fixture("bishkek-march.json"),
        &fixture("seed.json"),
        "--against",
        KARABAKH,
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = &r.stdout;
    assert!(!out.contains('\x1b'), "no ANSI codes when piped:\n{out}");
    assert!(out.contains("CONTRADICTS"), "{out}");
    assert!(out.contains("ceasefire-1994"));
    assert!(out.contains("61 days apart"));
    assert!(out.contains("calendar-mismatch"));
    assert!(out.contains("Summary:"));
    // Persian in logical order, inside right-to-left isolates.
    assert!(out.contains("«\u{2067}خبرگزاری نمونه: آتش‌بس میان"), "{out}");
    let opens = out.matches(['\u{2067}', '\u{2068}']).count();
    assert!(opens > 0);
    assert_eq!(opens, out.matches('\u{2069}').count());
    // The library renders colour only when asked.
    let report = check_against("bishkek-march.json", &karabakh());
    assert!(tarikh::export::check::text(&report, true).contains("\x1b[1;31m"));
    assert!(!tarikh::export::check::text(&report, false).contains('\x1b'));
}

#[test]
fn markdown_report_for_a_ticket() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.md");
    let r = run(&[
        &fixture("war-2020-october.json"),
        "--against",
        KARABAKH,
        "--format",
        "md",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.is_empty());
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(md.starts_with("# Fact-check report\n"), "{md}");
    assert!(md.contains("## Contradictions"));
    assert!(
        md.contains("contradicts `war-2020-starts` by 30 days"),
        "{md}"
    );
    assert!(md.contains("- **Sources:**"));
    assert!(md.contains("| Document | Event | Type |"));
    assert!(
        md.contains("| **agrees** | `ceasefire-2020` (2020-11-10) | 0 | same |"),
        "{md}"
    );
    assert!(md.contains("## Diagnostics"));
    assert!(!md.contains('\x1b'));
}

#[test]
fn articles_are_read_through_the_article_reader() {
    // A .txt article (with its sidecar's publication date) goes through the
    // article reader; a .json file that is not a timeline is an error
    // naming it (status 1), never read as an article, and the rest is
    // still checked.
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("notes.json");
    std::fs::write(&other, "{\"schema\": \"something/1\"}").unwrap();
    let r = run(&[
        &fixture("shusha-1993.txt"),
        other.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("notes.json"), "{}", r.stderr);
    assert!(r.stderr.contains("something/1"), "{}", r.stderr);
    let truncated = dir.path().join("cut.json");
    std::fs::write(&truncated, "{\"schema\": \"tarikh.timeline/1\", \"even").unwrap();
    let t = run(&[truncated.to_str().unwrap()]);
    assert_eq!(t.code, 1, "{}", t.stderr);
    assert!(
        t.stderr.contains("cut.json") && t.stderr.contains("byte offset"),
        "{}",
        t.stderr
    );
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let ids: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["shusha-1993"]);
    let codes: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    for code in ["weekday-mismatch", "invalid-date", "future-date"] {
        assert!(codes.contains(&code), "{code} in {codes:?}");
    }
    // A .json file that claims to be a timeline but is not one: status 1.
    let broken = dir.path().join("broken.json");
    std::fs::write(
        &broken,
        "{\"schema\": \"tarikh.timeline/1\", \"events\": 3}",
    )
    .unwrap();
    let r = run(&[&fixture("shusha-1992.json"), broken.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("broken.json"), "{}", r.stderr);
}

// ------------------------------------------------------ articles end to end

/// The timeline of articles, as `tarikh check ARTICLE…` builds it.
fn article_timeline(paths: &[&str]) -> Timeline {
    let paths: Vec<std::path::PathBuf> = paths.iter().map(std::path::PathBuf::from).collect();
    let docs: Vec<_> = tarikh::text::read_inputs(&paths, &Default::default())
        .into_iter()
        .map(|d| d.expect("readable"))
        .collect();
    tarikh::pipeline::timeline(&docs, &Default::default())
}

fn by_kind(report: &CheckReport, kind: &str) -> Finding {
    report
        .findings
        .iter()
        .find(|f| f.event.kind.id() == kind)
        .unwrap_or_else(|| panic!("no {kind} finding"))
        .clone()
}

#[test]
fn the_seed_article_against_karabakh() {
    let t = article_timeline(&["data/articles/fa/karabakh-aran.txt"]);
    let report = check::check(&t, Some(&karabakh()), &check::Options::default());
    let ceasefire = by_kind(&report, "ceasefire");
    assert_eq!(ceasefire.verdict, Verdict::Agrees);
    assert_eq!(matched(&ceasefire), "ceasefire-1994");
    assert_eq!(ceasefire.precision, Some(PrecisionCmp::LessPrecise));
    let mediation = by_kind(&report, "mediation");
    assert_eq!(mediation.verdict, Verdict::Agrees);
    assert_eq!(matched(&mediation), "csce-minsk-conference");
    let talks = by_kind(&report, "negotiation");
    assert!(
        talks
            .flags
            .iter()
            .any(|f| f.as_str() == "calendar-mismatch"),
        "{:?}",
        talks.flags
    );
    // Where the article is right, nothing contradicts: only the talks'
    // date, which the article itself gives two ways, does.
    for f in &report.findings {
        if f.verdict == Verdict::Contradicts {
            assert_eq!(f.event.kind.id(), "negotiation", "{}", f.event.summary);
        }
    }
}

#[test]
fn wrong_dates_in_articles_are_caught_with_citations() {
    let r = karabakh();
    let t = article_timeline(&["tests/fixtures/check/bishkek-march.txt"]);
    let report = check::check(&t, Some(&r), &check::Options::default());
    let c = by_kind(&report, "ceasefire");
    assert_eq!(c.verdict, Verdict::Contradicts);
    assert_eq!(c.difference_days, Some(61));
    assert!(!c.reference.as_ref().unwrap().citations.is_empty());

    let t = article_timeline(&["tests/fixtures/check/war-2020-october.txt"]);
    let report = check::check(&t, Some(&r), &check::Options::default());
    let w = by_kind(&report, "conflict-start");
    assert_eq!(w.verdict, Verdict::Contradicts);
    assert_eq!(w.difference_days, Some(30));
    assert_eq!(by_kind(&report, "ceasefire").verdict, Verdict::Agrees);
}

#[test]
fn check_text_and_markdown_make_a_nasty_quote_safe() {
    let nasty = "\x1b[31mred\x1b[0m \u{202E}evil\u{202C} a|b *bold* آتش‌بس";
    let r = Reference::load(Path::new(&fixture("shusha-1992.json"))).unwrap();
    let mut t = timeline("shusha-1993.json");
    for e in &mut t.events {
        for ev in &mut e.evidence {
            ev.quote = nasty.to_string();
        }
        if let Some(tm) = &mut e.time {
            tm.text = nasty.to_string();
        }
    }
    for d in &mut t.diagnostics {
        d.message = format!("the text says «{nasty}»");
    }
    let report = check::check(&t, Some(&r), &check::Options::default());
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.verdict == Verdict::Contradicts)
    );
    let text = tarikh::export::check::text(&report, false);
    let md = tarikh::export::check::markdown(&report);
    for (what, out) in [("text", &text), ("md", &md)] {
        assert!(!out.contains('\x1b'), "{what}: ESC\n{out}");
        assert!(!out.contains('\u{202E}'), "{what}: U+202E\n{out}");
        assert!(!out.contains('\u{202C}'), "{what}: U+202C\n{out}");
    }
    // The quote is there, as text: in logical order inside an isolate.
    assert!(
        text.contains("«\u{2068}[31mred[0m evil a|b *bold* آتش‌بس\u{2069}»"),
        "{text}"
    );
    assert!(
        md.contains("«\u{2068}\\[31mred\\[0m evil a\\|b \\*bold\\* آتش‌بس\u{2069}»"),
        "{md}"
    );
    assert!(!md.contains("a|b") && !md.contains("*bold*"), "{md}");
}
