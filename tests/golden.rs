//! Golden files: `timelines/` holds the committed outputs for the articles
//! in `data/articles/` (JSON, Markdown, HTML and TimelineJS), and `docs/timeline.schema.json` the JSON Schema
//! generated from the Rust types. Both are compared byte for byte; after an
//! intended change, regenerate them all with
//!
//! ```sh
//! TARIKH_BLESS=1 cargo test --test integration golden
//! ```
//!
//! and review the diff. Every timeline is also validated against the
//! schema, and read back into the Rust types.

use std::path::{Path, PathBuf};

use tarikh::export::json::{self, TimelineFile};
use tarikh::pipeline::{self, Options};
use tarikh::text::{ReadOptions, read_inputs};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bless() -> bool {
    std::env::var_os("TARIKH_BLESS").is_some()
}

/// Compares `content` with the committed file, or writes it when blessing.
fn golden(rel: &str, content: &str) {
    let path = root().join(rel);
    if bless() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, content).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!("{rel} is missing: run TARIKH_BLESS=1 cargo test --test integration golden")
    });
    assert!(
        committed == content,
        "{rel} differs from what tarikh produces now; review and run TARIKH_BLESS=1 cargo test --test integration golden"
    );
}

/// The timeline of inputs given as paths relative to the repository root,
/// exactly as `tarikh extract PATH…` run there produces it.
fn timeline_of(inputs: &[&str]) -> String {
    // Read by absolute path (tests must not change the working directory),
    // and report the source as the relative path `tarikh extract` was given.
    let paths: Vec<PathBuf> = inputs.iter().map(|p| root().join(p)).collect();
    let docs: Vec<_> = read_inputs(&paths, &ReadOptions::default())
        .into_iter()
        .zip(inputs)
        .map(|(d, rel)| {
            let mut d = d.expect("readable article");
            if Path::new(&d.source).is_absolute() {
                d.source = rel.to_string();
            }
            d
        })
        .collect();
    let t = pipeline::timeline(&docs, &Options::default());
    json::to_string(&TimelineFile::new(t))
}

/// The golden timelines: one per article, and the Karabakh articles merged.
pub fn goldens() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut articles: Vec<PathBuf> = Vec::new();
    for lang in std::fs::read_dir(root().join("data/articles")).unwrap() {
        let lang = lang.unwrap().path();
        for f in std::fs::read_dir(&lang).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "txt") {
                articles.push(f);
            }
        }
    }
    articles.sort();
    for a in &articles {
        let rel = a.strip_prefix(root()).unwrap();
        let rel_s = rel.to_string_lossy().replace('\\', "/");
        let name = rel
            .strip_prefix("data/articles")
            .unwrap()
            .with_extension("json")
            .to_string_lossy()
            .replace('\\', "/");
        let json = timeline_of(&[&rel_s]);
        // The human and visualizer formats, as `tarikh extract --format …`
        // writes them.
        let file: TimelineFile = serde_json::from_str(&json).unwrap();
        let opts = tarikh::export::Options::for_timeline(&file);
        let stem = name.trim_end_matches(".json");
        out.push((
            format!("timelines/{stem}.md"),
            tarikh::export::markdown::render(&file, &opts),
        ));
        out.push((
            format!("timelines/{stem}.html"),
            tarikh::export::html::render(&file, &opts),
        ));
        out.push((
            format!("timelines/{stem}.timelinejs.json"),
            tarikh::export::timelinejs::render(&file, &opts),
        ));
        out.push((format!("timelines/{name}"), json));
    }
    out.push((
        "timelines/karabakh-merged.json".to_string(),
        timeline_of(&[
            "data/articles/fa/karabakh-aran.txt",
            "data/articles/fa/karabakh-review.txt",
            "data/articles/en/karabakh-truce.txt",
        ]),
    ));
    out
}

fn schema() -> String {
    let schema = schemars::schema_for!(TimelineFile);
    let mut s = serde_json::to_string_pretty(&schema).unwrap();
    s.push('\n');
    s
}

#[test]
fn golden_schema() {
    golden("docs/timeline.schema.json", &schema());
    let events = schemars::schema_for!(tarikh::export::json::EventsRecord);
    let mut s = serde_json::to_string_pretty(&events).unwrap();
    s.push('\n');
    golden("docs/events.schema.json", &s);
}

/// Every `tarikh.events/1` record `extract --format jsonl` writes for the
/// sample articles holds to its schema.
#[test]
fn event_records_hold_to_their_schema() {
    let events = schemars::schema_for!(tarikh::export::json::EventsRecord);
    let schema = serde_json::to_value(&events).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("valid schema");
    let opts = tarikh::pipeline::Options::default();
    let paths: Vec<std::path::PathBuf> = ["data/articles/fa", "data/articles/en"]
        .iter()
        .map(|p| std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(p))
        .collect();
    let docs: Vec<_> = read_inputs(&paths, &ReadOptions::default())
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert!(docs.len() >= 3);
    for doc in &docs {
        let record =
            tarikh::export::json::EventsRecord::new(tarikh::pipeline::doc_events(doc, &opts));
        assert!(!record.events.is_empty(), "{}", doc.id);
        let line = tarikh::export::json::to_line(&record);
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", doc.id);
        // And it reads back to the same record.
        assert_eq!(tarikh::export::json::read_events_record(&line), Ok(record));
    }
}

#[test]
fn golden_timelines_and_schema_validation() {
    let schema: serde_json::Value = serde_json::from_str(&schema()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("valid schema");
    for (rel, content) in goldens() {
        if !rel.ends_with(".json") || rel.ends_with(".timelinejs.json") {
            golden(&rel, &content);
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(&content).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{rel} does not validate: {errors:?}");
        let back: TimelineFile = serde_json::from_value(value).expect("reads back into the types");
        assert_eq!(back.schema, "tarikh.timeline/1");
        golden(&rel, &content);
    }
}

#[test]
fn output_is_deterministic() {
    let a = timeline_of(&["data/articles/fa/karabakh-aran.txt"]);
    let b = timeline_of(&["data/articles/fa/karabakh-aran.txt"]);
    assert_eq!(a, b);
    assert!(Path::new(&root().join("timelines")).is_dir());
}
