//! The output does not depend on the order of the inputs: the same
//! articles given forward, reversed or shuffled, and the records of a JSON
//! Lines file in any order, give byte-identical timelines; inputs that
//! would share an id get unique ids from their paths and lines, with a
//! `duplicate-id` warning.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::Command;
use proptest::prelude::*;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `tarikh extract ARGS…` run in `dir`: its standard output.
fn extract_in(dir: &Path, args: &[String]) -> Vec<u8> {
    Command::cargo_bin("tarikh")
        .expect("binary")
        .current_dir(dir)
        .arg("extract")
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone()
}

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).expect("JSON output")
}

/// Every event id and every document id appears once.
fn assert_unique_ids(v: &serde_json::Value) {
    for list in ["documents", "events"] {
        let ids: Vec<&str> = v[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["id"].as_str().unwrap())
            .collect();
        let set: HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(set.len(), ids.len(), "duplicate {list} ids: {ids:?}");
    }
}

/// The sample articles and the evaluation articles, relative to the root.
fn sample_articles() -> Vec<String> {
    let mut out = Vec::new();
    for dir in [
        "data/articles/fa",
        "data/articles/en",
        "tests/eval/fa",
        "tests/eval/reallike/fa",
        "tests/eval/reallike/en",
    ] {
        for f in std::fs::read_dir(root().join(dir)).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "txt") {
                let name = f.file_name().unwrap().to_string_lossy().to_string();
                out.push(format!("{dir}/{name}"));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn the_sample_articles_forward_and_reversed_give_one_timeline() {
    let forward = sample_articles();
    assert!(forward.len() >= 20, "{forward:?}");
    let mut reversed = forward.clone();
    reversed.reverse();
    let a = extract_in(&root(), &forward);
    let b = extract_in(&root(), &reversed);
    assert!(a == b, "the timeline depends on the order of the arguments");
    let v = json(&a);
    assert_unique_ids(&v);
    assert_eq!(v["documents"].as_array().unwrap().len(), forward.len());
}

/// A directory of articles where two files share a stem.
fn same_stem_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (sub, article) in [
        ("a", "data/articles/fa/karabakh-aran.txt"),
        ("b", "data/articles/fa/karabakh-review.txt"),
    ] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        std::fs::copy(root().join(article), dir.path().join(sub).join("x.txt")).unwrap();
    }
    dir
}

#[test]
fn one_stem_in_two_directories_gets_two_ids_in_either_order() {
    let dir = same_stem_dir();
    let forward = ["a/x.txt".to_string(), "b/x.txt".to_string()];
    let reversed = [forward[1].clone(), forward[0].clone()];
    let a = extract_in(dir.path(), &forward);
    let b = extract_in(dir.path(), &reversed);
    assert!(a == b, "the timeline depends on the order of the arguments");
    let v = json(&a);
    assert_unique_ids(&v);
    let ids = document_ids(&v);
    assert_eq!(ids, ["a/x", "b/x"]);
    let warned: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "duplicate-id")
        .map(|d| {
            assert_eq!(d["severity"], "warning");
            d["document"].as_str().unwrap()
        })
        .collect();
    assert_eq!(warned, ["a/x", "b/x"]);
    // Events carry the qualified ids.
    assert!(
        v["events"].as_array().unwrap().iter().all(|e| e["id"]
            .as_str()
            .unwrap()
            .starts_with("a/x@")
            || e["id"].as_str().unwrap().starts_with("b/x@"))
    );
}

#[test]
fn standard_input_twice_and_one_record_id_twice_give_unique_ids() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join("data/articles/fa/karabakh-aran.txt")).unwrap();
    let out = Command::cargo_bin("tarikh")
        .unwrap()
        .args(["extract", "-", "-"])
        .write_stdin(text.clone())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v = json(&out);
    assert_unique_ids(&v);
    let ids = document_ids(&v);
    assert_eq!(ids, ["stdin~1", "stdin~2"]);
    // Two records with one id: told apart by their lines, in the dates
    // listing too.
    let record = serde_json::json!({ "id": "r1", "text": text, "lang": "fa" }).to_string();
    std::fs::write(
        dir.path().join("feed.jsonl"),
        format!("{record}\n{record}\n"),
    )
    .unwrap();
    for command in ["extract", "dates"] {
        let out = Command::cargo_bin("tarikh")
            .unwrap()
            .current_dir(dir.path())
            .args([command, "feed.jsonl"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let v = json(&out);
        let ids: Vec<&str> = v["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["r1#1", "r1#2"], "{command}");
        let warnings = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == "duplicate-id")
            .count();
        assert_eq!(warnings, 2, "{command}");
        if command == "extract" {
            assert_unique_ids(&v);
        }
    }
}

/// The inputs of the property test: article files (two of them with one
/// stem), and JSON Lines records (each with its own id) of other articles.
struct Corpus {
    dir: tempfile::TempDir,
    files: Vec<String>,
    records: Vec<String>,
    /// The output with the files and records in their sorted order.
    expected: Vec<u8>,
}

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = same_stem_dir();
        let mut files = vec!["a/x.txt".to_string(), "b/x.txt".to_string()];
        for article in [
            "data/articles/en/karabakh-truce.txt",
            "tests/eval/fa/01-qarabagh-atashbas-1399.txt",
            "tests/eval/fa/02-qarabagh-2023.txt",
            "tests/eval/reallike/fa/07-gharabagh-salgard.txt",
        ] {
            let name = Path::new(article).file_name().unwrap();
            std::fs::copy(root().join(article), dir.path().join(name)).unwrap();
            files.push(name.to_string_lossy().to_string());
        }
        let mut records = Vec::new();
        for (id, article, lang) in [
            ("rec-aran", "data/articles/fa/karabakh-aran.txt", "fa"),
            ("rec-review", "data/articles/fa/karabakh-review.txt", "fa"),
            ("rec-truce", "data/articles/en/karabakh-truce.txt", "en"),
            (
                "rec-kherson",
                "tests/eval/reallike/en/01-kherson-pullback-wire.txt",
                "en",
            ),
        ] {
            let text = std::fs::read_to_string(root().join(article)).unwrap();
            records.push(serde_json::json!({ "id": id, "text": text, "lang": lang }).to_string());
        }
        let expected = run(dir.path(), &files, &records);
        Corpus {
            dir,
            files,
            records,
            expected,
        }
    })
}

/// Writes the records in this order and extracts the files, then the
/// records' file.
fn run(dir: &Path, files: &[String], records: &[String]) -> Vec<u8> {
    std::fs::write(dir.join("feed.jsonl"), records.join("\n") + "\n").unwrap();
    let mut args = files.to_vec();
    args.push("feed.jsonl".to_string());
    extract_in(dir, &args)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]
    /// The files in any order, the records in any order, the records' file
    /// anywhere among the files: one timeline, byte for byte.
    #[test]
    fn the_timeline_does_not_depend_on_the_order_of_documents_or_records(
        files in Just(corpus().files.clone()).prop_shuffle(),
        records in Just(corpus().records.clone()).prop_shuffle(),
        at in 0usize..7,
    ) {
        let c = corpus();
        let mut args = files.clone();
        std::fs::write(c.dir.path().join("feed.jsonl"), records.join("\n") + "\n").unwrap();
        args.insert(at.min(args.len()), "feed.jsonl".to_string());
        let got = extract_in(c.dir.path(), &args);
        let ids: Vec<&str> = records.iter().map(|r| &r[..16]).collect();
        prop_assert!(got == c.expected, "arguments {:?}, records {:?}", args, ids);
    }
}

#[test]
fn the_property_corpus_has_unique_ids_and_merges() {
    let c = corpus();
    let v = json(&c.expected);
    assert_unique_ids(&v);
    // The corpus exercises the merge: some event has evidence from two
    // documents, and some ids were qualified.
    assert!(v["events"].as_array().unwrap().iter().any(|e| {
        let docs: HashSet<&str> = e["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["document"].as_str().unwrap())
            .collect();
        docs.len() > 1
    }));
    assert!(
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "duplicate-id")
    );
}

/// The document ids of a timeline, in its order.
fn document_ids(v: &serde_json::Value) -> Vec<&str> {
    v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect()
}
