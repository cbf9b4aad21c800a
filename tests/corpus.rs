//! The corpus is the suite: every entry of `tests/corpus/<lang>/*.toml`
//! (format in `tests/corpus/README.md`) is run through `tarikh dates` and
//! must hold. A failure names the file, the entry id, the input and every
//! field that differs.

use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;
use tarikh::lang::Lang;
use tarikh::pipeline::{self, DateEntry, Options};
use tarikh::text::Document;

#[derive(Debug, Deserialize)]
struct File {
    published: Option<String>,
    #[serde(default)]
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    id: String,
    input: String,
    text: Option<String>,
    value: Option<String>,
    start: Option<String>,
    end: Option<String>,
    precision: Option<String>,
    calendar: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    modifier: Option<String>,
    original: Option<String>,
    time_of_day: Option<String>,
    published: Option<String>,
    alternative: Option<String>,
    diagnostic: Option<String>,
    /// A diagnostic code the entry must not draw.
    no_diagnostic: Option<String>,
    count: Option<usize>,
    /// The rule expected to read the entry (the `rule` field of the output).
    rule: Option<String>,
    /// Where the year came from (`explicit`, `partner`, `context`,
    /// `publication`).
    year_from: Option<String>,
    #[allow(dead_code)]
    note: Option<String>,
}

fn date_or_none(s: &str) -> Option<NaiveDate> {
    if s == "none" || s.is_empty() {
        None
    } else {
        Some(NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("published must be YYYY-MM-DD"))
    }
}

fn opt_json(v: serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s,
        v => v.to_string(),
    }
}

/// Checks one case; returns the differences.
fn check(case: &Case, file_published: Option<&str>, kind: &str, lang: Lang) -> Vec<String> {
    let published = case
        .published
        .as_deref()
        .or(file_published)
        .and_then(date_or_none);
    let doc = Document {
        id: case.id.clone(),
        source: String::new(),
        text: case.input.clone(),
        lang: Some(lang.code().into()),
        published,
        published_from: None,
        title: None,
    };
    let out = pipeline::dates(
        &doc,
        &Options {
            lang: Some(lang),
            ..Options::default()
        },
    );
    let dates: Vec<&DateEntry> = out
        .dates
        .iter()
        .filter(|d| d.kind == tarikh::temporal::MentionType::Date)
        .collect();
    let mut diffs = Vec::new();
    let found = || {
        out.dates
            .iter()
            .map(|d| {
                format!(
                    "{:?}={}",
                    d.time.text,
                    d.time.value.clone().unwrap_or_default()
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let negative = kind.starts_with("negative")
        || (kind == "latent" && case.value.is_none() && case.text.is_none());
    if negative {
        if case.rule.is_some() {
            diffs.push("an entry that expects no date names no rule".into());
        }
        if !dates.is_empty() {
            diffs.push(format!("expected no date, found: {}", found()));
        }
        return diffs;
    }
    if let Some(n) = case.count
        && dates.len() != n
    {
        diffs.push(format!(
            "expected {n} dates, found {}: {}",
            dates.len(),
            found()
        ));
    }
    if case.rule.is_none() {
        diffs.push("missing `rule`: the rule expected to read the entry".into());
    }
    let want_kind = case.kind.as_deref().unwrap_or("date");
    let entry = match &case.text {
        Some(t) => out.dates.iter().find(|d| &d.time.text == t),
        None => {
            let of_kind: Vec<_> = out
                .dates
                .iter()
                .filter(|d| {
                    serde_json::to_value(d.kind)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .as_deref()
                        == Some(want_kind)
                })
                .collect();
            if of_kind.len() == 1 {
                Some(of_kind[0])
            } else {
                None
            }
        }
    };
    let Some(entry) = entry else {
        diffs.push(format!(
            "no expression {:?} found; found: {}",
            case.text.as_deref().unwrap_or("(one)"),
            found()
        ));
        return diffs;
    };
    let v = serde_json::to_value(entry).expect("serializable");
    let mut cmp = |field: &str, want: &Option<String>| {
        if let Some(w) = want {
            let got = opt_json(v.get(field).cloned().unwrap_or(serde_json::Value::Null));
            if &got != w {
                diffs.push(format!("{field}: expected {w:?}, got {got:?}"));
            }
        }
    };
    cmp("value", &case.value);
    cmp("start", &case.start);
    cmp("end", &case.end);
    cmp("precision", &case.precision);
    cmp("calendar", &case.calendar);
    cmp("type", &case.kind);
    cmp("modifier", &case.modifier);
    cmp("year_from", &case.year_from);
    cmp("original", &case.original);
    cmp("time_of_day", &case.time_of_day);
    if let Some(r) = &case.rule
        && &entry.time.rule != r
    {
        diffs.push(format!("rule: expected {r:?}, got {:?}", entry.time.rule));
    }
    if let Some(alt) = &case.alternative {
        let got = entry
            .time
            .alternative
            .as_ref()
            .and_then(|a| a.value.clone())
            .unwrap_or_default();
        if &got != alt {
            diffs.push(format!("alternative: expected {alt:?}, got {got:?}"));
        }
    }
    if let Some(code) = &case.diagnostic
        && !out.diagnostics.iter().any(|d| d.code.as_str() == code)
    {
        let got: Vec<_> = out.diagnostics.iter().map(|d| d.code.as_str()).collect();
        diffs.push(format!("diagnostic {code} expected, got {got:?}"));
    }
    if let Some(code) = &case.no_diagnostic
        && out.diagnostics.iter().any(|d| d.code.as_str() == code)
    {
        diffs.push(format!("diagnostic {code} not expected"));
    }
    diffs
}

/// The `rule` field of every entry of a language's corpus.
fn rules_read(dir: &Path) -> std::collections::BTreeSet<String> {
    let mut out = std::collections::BTreeSet::new();
    for e in std::fs::read_dir(dir).expect("corpus dir").flatten() {
        let path = e.path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let src = std::fs::read_to_string(&path).expect("readable");
        let file: File = toml::from_str(&src).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for case in file.case {
            if let Some(r) = case.rule {
                out.insert(r);
            }
        }
    }
    out
}

/// Every registered rule name is read by some corpus entry, and every
/// entry names a registered rule.
fn check_coverage(code: &str, registered: &[&'static str]) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(code);
    let read = rules_read(&dir);
    let unread: Vec<_> = registered.iter().filter(|r| !read.contains(**r)).collect();
    assert!(
        unread.is_empty(),
        "registered {code} rules read by no corpus entry: {unread:?}"
    );
    let unknown: Vec<_> = read
        .iter()
        .filter(|r| !registered.contains(&r.as_str()))
        .collect();
    assert!(
        unknown.is_empty(),
        "{code} corpus entries name rules that are not registered: {unknown:?}"
    );
}

#[test]
fn every_persian_rule_is_read_by_the_corpus() {
    check_coverage("fa", &tarikh::lang::fa::rules::rule_names());
}

#[test]
fn every_english_rule_is_read_by_the_corpus() {
    check_coverage("en", &tarikh::lang::en::rules::rule_names());
}

fn run_dir(dir: &Path, lang: Lang) -> (usize, Vec<String>) {
    let mut total = 0;
    let mut failures = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    for path in files {
        let kind = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        let src = std::fs::read_to_string(&path).expect("readable");
        let file: File = toml::from_str(&src).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut ids = std::collections::HashSet::new();
        for case in &file.case {
            assert!(
                ids.insert(case.id.clone()),
                "{}: duplicate id {}",
                path.display(),
                case.id
            );
            if let Some(t) = &case.text {
                assert!(
                    case.input.contains(t.as_str()),
                    "{}: {}: text is not in input",
                    path.display(),
                    case.id
                );
            }
            total += 1;
            let diffs = check(case, file.published.as_deref(), &kind, lang);
            if !diffs.is_empty() {
                failures.push(format!(
                    "{}/{}: {}\n    input: {}\n    {}",
                    kind,
                    case.id,
                    case.text.as_deref().unwrap_or(""),
                    case.input,
                    diffs.join("\n    ")
                ));
            }
        }
    }
    (total, failures)
}

#[test]
fn persian_corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/fa");
    let (total, failures) = run_dir(&dir, Lang::Fa);
    assert!(total >= 340, "the Persian corpus shrank to {total} entries");
    if !failures.is_empty() {
        let shown: Vec<_> = failures.iter().take(400).cloned().collect();
        panic!(
            "{} of {total} Persian corpus entries fail:\n{}",
            failures.len(),
            shown.join("\n")
        );
    }
}

#[test]
fn english_corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/en");
    let (total, failures) = run_dir(&dir, Lang::En);
    if !failures.is_empty() {
        panic!(
            "{} of {total} English corpus entries fail:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
    assert!(total >= 480, "the English corpus shrank to {total} entries");
    // The English issue's size: ≥ 400 positive entries (latent ones
    // included) and ≥ 80 negative ones (files named negative*).
    let (mut positive, mut negative) = (0, 0);
    for f in std::fs::read_dir(&dir).unwrap() {
        let path = f.unwrap().path();
        let n = std::fs::read_to_string(&path)
            .unwrap()
            .matches("[[case]]")
            .count();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("negative") {
            negative += n;
        } else {
            positive += n;
        }
    }
    assert!(
        positive >= 400 && negative >= 80,
        "English corpus: {positive} positive, {negative} negative entries"
    );
}
