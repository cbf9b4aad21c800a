//! `tarikh eval` and the library's eval module on hand-made fixtures
//! (`tests/fixtures/eval/`) whose figures are known in advance and
//! asserted exactly; bad gold files; the gold JSON Schema
//! (`docs/annotation.schema.json`).

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tarikh::eval::report::{Breakdown, FileReport};
use tarikh::eval::{self, Options};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures/eval").join(rel)
}

fn score(rel: &str) -> FileReport {
    let gold = eval::load(&fixture(rel)).unwrap_or_else(|e| panic!("{e}"));
    eval::score(&gold, &Options::default())
}

fn row<'a>(rows: &'a [Breakdown], key: &str) -> &'a Breakdown {
    rows.iter()
        .find(|r| r.key == key)
        .unwrap_or_else(|| panic!("no row {key}"))
}

fn tarikh() -> Command {
    Command::cargo_bin("tarikh").expect("binary")
}

#[test]
fn eval_dates_recall_precision_not_a_date_values_since_until() {
    let r = score("ok/en-kabul.gold.toml");
    let d = &r.dates;
    // 10 real gold expressions, 2 not-a-date; 11 predictions, of which
    // "the past" lies on a not-a-date entry.
    assert_eq!((d.gold, d.found, d.predictions), (10, 10, 11));
    assert_eq!((d.not_a_date, d.not_a_date_predicted), (2, 1));
    assert_eq!(d.recall, Some(1.0));
    assert_eq!(d.precision, Some(0.9091));
    // Wrong: Tuesday (2nd) and the unresolved XXXX-05-12 that tarikh
    // resolves. Right: since (start only), until (end only), P3D.
    assert_eq!(d.value_right, 8);
    assert_eq!(d.value_accuracy_found, Some(0.8));
    assert_eq!(d.value_accuracy_all, Some(0.8));
    assert_eq!((d.chrome, d.chrome_found), (1, 1));
    let det = r.details.as_ref().unwrap();
    let wrong: Vec<(&str, [usize; 2])> = det
        .wrong_value
        .iter()
        .map(|w| (w.gold.text.as_str(), w.gold.span))
        .collect();
    assert_eq!(wrong, [("Tuesday", [353, 360]), ("12 May", [383, 389])]);
    assert_eq!(det.extra.len(), 1);
    assert!(det.extra[0].not_a_date && det.extra[0].text == "the past");
    // Breakdowns: the duration is written with calendar "none".
    let g = row(&r.by_calendar, "gregorian");
    assert_eq!(
        (
            g.gold,
            g.found,
            g.value_right,
            g.predictions,
            g.predictions_matched
        ),
        (9, 9, 7, 11, 10)
    );
    let n = row(&r.by_calendar, "none");
    assert_eq!(
        (n.gold, n.found, n.predictions, n.precision),
        (1, 1, 0, None)
    );
    let k = row(&r.by_kind, "date");
    assert_eq!(
        (
            k.gold,
            k.found,
            k.value_right,
            k.predictions,
            k.predictions_matched
        ),
        (9, 9, 7, 10, 9)
    );
    let k = row(&r.by_kind, "duration");
    assert_eq!(
        (k.gold, k.found, k.value_right, k.predictions),
        (1, 1, 1, 1)
    );
}

#[test]
fn eval_events_recall_precision_date_type_mood() {
    let e = score("ok/en-kabul.gold.toml").events;
    // 8 gold events, all matched. «The Taliban entered Kabul on 15 August
    // 2021» is a territorial change (forces entering a city); the two
    // attacks of "A convoy was attacked on Tuesday, and the army attacked
    // the bridge on Tuesday too" are two events; "yesterday" has the wrong
    // type, "12 May" the wrong date (unresolved gold) and mood (planned in
    // gold), the second Tuesday the wrong date (its gold is deliberately
    // the next Tuesday).
    assert_eq!((e.gold, e.extracted, e.undated, e.matched), (8, 8, 0, 8));
    assert_eq!(e.recall, Some(1.0));
    assert_eq!(e.precision, Some(1.0));
    assert_eq!((e.date_right, e.type_right, e.mood_right), (6, 7, 7));
}

#[test]
fn eval_persian_dual_date_calendars_and_unresolved() {
    let r = score("ok/fa-aban.gold.toml");
    let d = &r.dates;
    // The dual date's alternative is a prediction of its own.
    assert_eq!(
        (d.gold, d.found, d.predictions, d.value_right),
        (4, 4, 4, 4)
    );
    assert_eq!((d.not_a_date, d.not_a_date_predicted), (2, 0));
    for (cal, n) in [("solar-hijri", 2), ("gregorian", 1), ("lunar-hijri", 1)] {
        let c = row(&r.by_calendar, cal);
        assert_eq!(
            (
                c.gold,
                c.found,
                c.value_right,
                c.predictions,
                c.predictions_matched
            ),
            (n, n, n, n, n),
            "{cal}"
        );
    }
    // The attack matches by the alternative's span; the yearless range,
    // placed by the paragraph's date, dates the planned talks right; the
    // ceasefire is read as agreement.
    let e = &r.events;
    assert_eq!((e.gold, e.extracted, e.undated, e.matched), (3, 3, 1, 3));
    assert_eq!((e.date_right, e.type_right, e.mood_right), (3, 2, 3));
}

#[test]
fn eval_one_to_one_and_the_length_rule() {
    // One gold expression read as «امروز» + «پنجشنبه ۲۱ سپتامبر ۲۰۲۳»:
    // the gold takes the larger overlap, «امروز» is an extra.
    let d = score("rules/fa-split.gold.toml").dates;
    assert_eq!((d.gold, d.found, d.predictions), (1, 1, 2));
    assert_eq!(d.precision, Some(0.5));
    // "2021" is inside "16 August 2021", more than twice its length: not
    // found. Only the second "3 May 2022" is annotated: the first is extra.
    let r = score("rules/en-length.gold.toml");
    assert_eq!(
        (r.dates.gold, r.dates.found, r.dates.predictions),
        (2, 1, 3)
    );
    let det = r.details.unwrap();
    assert_eq!(det.missed[0].text, "2021");
    let extra: Vec<[usize; 2]> = det.extra.iter().map(|p| p.span).collect();
    assert_eq!(extra, [[7, 21], [42, 52]]);
    // The one extracted event is on the unannotated first occurrence.
    assert_eq!((r.events.extracted, r.events.matched), (1, 0));
    assert_eq!(r.events.precision, Some(0.0));
}

#[test]
fn eval_bad_gold_names_file_and_line_and_the_batch_goes_on() {
    let report = eval::run(&[fixture("bad")], &Options::default());
    assert_eq!(report.files.len(), 1, "the good file is still scored");
    assert_eq!(report.totals.dates.found, 1);
    let errors: Vec<String> = report
        .errors
        .iter()
        .map(|e| {
            let name = Path::new(&e.file).file_name().unwrap().to_string_lossy();
            let line = e.message.split(':').nth(1).unwrap_or("").to_string();
            format!("{name}:{line}")
        })
        .collect();
    assert_eq!(
        errors,
        [
            "bad-calendar.gold.toml:8",
            "bad-kind.gold.toml:6",
            "bad-modifier.gold.toml:9",
            "bad-mood.gold.toml:13",
            "bad-type.gold.toml:12",
            "bad-value.gold.toml:7",
            "no-date.gold.toml:11",
            "not-found.gold.toml:11",
            "syntax.gold.toml:4",
            "unknown-key.gold.toml:9",
        ]
    );
    let all = report
        .errors
        .iter()
        .map(|e| e.message.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    for what in [
        "`julian`",
        "`day`",
        "`around`",
        "`certain`",
        "`truce`",
        "value \"3 May 2022\"",
        "names no [[date]] entry",
        "occurs fewer than 2 times",
        "unknown field `confidence`",
    ] {
        assert!(all.contains(what), "{what} in {all}");
    }
    let out = tarikh()
        .current_dir(root())
        .args(["eval", "tests/fixtures/eval/bad"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("tests/fixtures/eval/bad/syntax.gold.toml:4:"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("a-ok.gold.toml: 1 gold, 1 found"),
        "{stdout}"
    );
}

#[test]
fn eval_cli_json_md_text_verbose() {
    let run = |args: &[&str]| -> String {
        let out = tarikh()
            .current_dir(root())
            .arg("eval")
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    let json = run(&["tests/fixtures/eval/ok", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["schema"], "tarikh.eval/1");
    assert_eq!(v["files"].as_array().unwrap().len(), 2);
    assert_eq!(v["totals"]["dates"]["gold"], 14);
    assert_eq!(v["totals"]["dates"]["found"], 14);
    assert_eq!(v["totals"]["dates"]["predictions"], 15);
    assert_eq!(v["totals"]["events"]["matched"], 11);
    assert!(v["files"][0].get("details").is_none(), "aggregates only");
    let back: tarikh::eval::EvalReport = serde_json::from_str(&json).unwrap();
    assert_eq!(back.totals.files, 2);
    let verbose = run(&["tests/fixtures/eval/ok", "--format", "json", "--verbose"]);
    let v: serde_json::Value = serde_json::from_str(&verbose).unwrap();
    assert_eq!(
        v["files"][0]["details"]["wrong_value"][0]["gold"]["span"],
        serde_json::json!([353, 360])
    );
    assert_eq!(
        run(&["tests/fixtures/eval/ok", "--format", "json"]),
        json,
        "deterministic"
    );

    let text = run(&["tests/fixtures/eval/ok"]);
    assert!(text.contains(
        "tests/fixtures/eval/ok/en-kabul.gold.toml: 10 gold, 10 found, recall 100.0%, precision 90.9%, value 80.0%; events recall 100.0%, precision 100.0%"
    ), "{text}");
    assert!(
        text.contains("dates: 14 gold, 14 found, 15 predictions"),
        "{text}"
    );
    assert!(
        !text.contains("missed") && !text.contains("wrong value"),
        "{text}"
    );
    let text = run(&["tests/fixtures/eval/ok", "--verbose"]);
    assert!(
        text.contains("  wrong value: \"12 May\" [383, 389) want \"XXXX-05-12\""),
        "{text}"
    );
    assert!(
        text.contains("  wrong event type: want armed-clash asserted on \"yesterday\" [272, 281)"),
        "{text}"
    );
    assert!(
        text.contains("  extra (not-a-date): \"the past\" [414, 422)"),
        "{text}"
    );

    let md = run(&["tests/fixtures/eval/ok", "--format", "md"]);
    assert!(
        md.contains("| **total** | 14 | 14 | 100.0% | 93.3% |"),
        "{md}"
    );
    assert!(md.contains("## By calendar"), "{md}");
    assert!(!md.contains("## Details"), "{md}");
    let md = run(&["tests/fixtures/eval/ok", "--format", "md", "--verbose"]);
    assert!(md.contains("## Details"), "{md}");
    // --totals: the same totals, no file named.
    let totals = run(&["tests/fixtures/eval/ok", "--format", "json", "--totals"]);
    let t: serde_json::Value = serde_json::from_str(&totals).unwrap();
    assert_eq!(t["files"].as_array().unwrap().len(), 0);
    assert_eq!(t["totals"], v["totals"]);
    let text = run(&["tests/fixtures/eval/ok", "--totals"]);
    assert!(!text.contains(".gold.toml"), "{text}");
    assert!(text.contains("recall"), "{text}");
}

fn gold_schema() -> String {
    let schema = schemars::schema_for!(tarikh::eval::GoldFile);
    let mut s = serde_json::to_string_pretty(&schema).unwrap();
    s.push('\n');
    s
}

#[test]
fn eval_gold_schema_is_current() {
    let path = root().join("docs/annotation.schema.json");
    if std::env::var_os("TARIKH_BLESS").is_some() {
        std::fs::write(&path, gold_schema()).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == gold_schema(),
        "docs/annotation.schema.json is stale; run TARIKH_BLESS=1 cargo test --test integration eval_gold_schema"
    );
}

fn gold_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            gold_files(&p, out);
        } else if p.to_string_lossy().ends_with(".gold.toml") {
            out.push(p);
        }
    }
}

#[test]
fn eval_every_gold_file_in_tests_validates_against_the_schema() {
    let schema: serde_json::Value = serde_json::from_str(&gold_schema()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("valid schema");
    let mut files = Vec::new();
    gold_files(&root().join("tests"), &mut files);
    // The bad fixtures are invalid on purpose.
    let bad = fixture("bad");
    files.retain(|p| !p.starts_with(&bad));
    assert!(files.len() >= 16, "{files:?}");
    for f in files {
        let t: toml::Value = toml::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        let v = serde_json::to_value(t).unwrap();
        let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", f.display());
    }
    // And a bad one does not.
    let t: toml::Value =
        toml::from_str(&std::fs::read_to_string(fixture("bad/unknown-key.gold.toml")).unwrap())
            .unwrap();
    assert!(!validator.is_valid(&serde_json::to_value(t).unwrap()));
}

/// A gold file whose text is a stream with no end is an error naming it,
/// bounded like every reader, not a hang; bad UTF-8 names its byte offset.
#[test]
fn eval_reads_gold_and_text_bounded_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("zero.gold.toml");
    std::fs::write(&g, "lang = \"en\"\ntext = \"/dev/zero\"\n").unwrap();
    let refused = |g: &Path| -> String {
        let out = tarikh()
            .arg("eval")
            .arg(g)
            .timeout(std::time::Duration::from_secs(60))
            .assert()
            .code(1)
            .get_output()
            .stderr
            .clone();
        String::from_utf8_lossy(&out).into_owned()
    };
    let err = refused(&g);
    assert!(err.contains("/dev/zero"), "{err}");

    let g = dir.path().join("bad.gold.toml");
    std::fs::write(&g, "lang = \"en\"\n").unwrap();
    std::fs::write(dir.path().join("bad.txt"), b"On 3 May \xff 2020").unwrap();
    let err = refused(&g);
    assert!(err.contains("bad.txt") && err.contains('9'), "{err}");
}

/// The lists of real pages (`tests/realtext/*.tsv`): one header, seven
/// columns, ids unique across all lists, and no site of the held-out list
/// in any development list (the held-out pages must be new to the rules).
#[test]
fn real_page_lists_keep_held_out_sites_apart() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/realtext");
    let header = "id\tlang\tsite\tconflict\tkind\turl\tquery";
    let mut ids = std::collections::BTreeSet::new();
    let mut sites: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    let mut lists = 0;
    for list in ["dev", "dev2", "dev3", "heldout"] {
        let text = std::fs::read_to_string(dir.join(format!("{list}.tsv"))).unwrap();
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some(header), "{list}.tsv header");
        for (n, line) in lines.enumerate() {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 7, "{list}.tsv line {}: {line}", n + 2);
            assert!(ids.insert(cols[0].to_string()), "id {} twice", cols[0]);
            assert!(matches!(cols[1], "fa" | "en"), "{list}.tsv line {}", n + 2);
            assert!(cols[5].starts_with("http"), "{list}.tsv line {}", n + 2);
            sites
                .entry(cols[2].to_string())
                .or_default()
                .push(list.to_string());
        }
        lists += 1;
    }
    assert_eq!(lists, 4);
    for (site, in_lists) in &sites {
        assert!(
            !(in_lists.iter().any(|l| l == "heldout") && in_lists.iter().any(|l| l != "heldout")),
            "{site} is in {in_lists:?}"
        );
    }
}
