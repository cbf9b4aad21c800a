//! tarikh as the map step of Apache Spark (docs/SCALING.md): PySpark in
//! local mode (`local[2]`, two partitions) runs `extract --format jsonl` on
//! each partition of a JSON Lines corpus, and `tarikh merge` reduces the
//! partitions' records to one timeline, which must equal the timeline of
//! one `tarikh extract` over the same corpus, byte for byte. Reports of one
//! event sit in both partitions; one partition holds a bad record, which is
//! reported while the job goes on. `tests/spark/setup.sh` installs Java 17
//! and the pinned PySpark when they are missing (`tests/run` runs it
//! first); this test does not skip.

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn spark_map_and_tarikh_merge_give_the_single_machine_timeline() {
    let setup = Command::new("bash")
        .arg(root().join("tests/spark/setup.sh"))
        .output()
        .expect("bash");
    assert!(
        setup.status.success(),
        "tests/spark/setup.sh failed: {}",
        String::from_utf8_lossy(&setup.stderr)
    );
    let python = String::from_utf8(setup.stdout).unwrap().trim().to_string();
    let dir = tempfile::tempdir().unwrap();
    // The Persian sample first and its review last, so that their reports
    // of one event land in different partitions; the evaluation articles
    // between them; a bad record among the first half.
    let mut files = vec![root().join("data/articles/fa/karabakh-aran.txt")];
    let mut eval: Vec<PathBuf> = std::fs::read_dir(root().join("tests/eval/fa"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    eval.sort();
    files.extend(eval);
    files.push(root().join("data/articles/en/karabakh-truce.txt"));
    files.push(root().join("data/articles/fa/karabakh-review.txt"));
    let mut lines: Vec<String> = files
        .iter()
        .map(|f| {
            let id = f.file_stem().unwrap().to_string_lossy().to_string();
            serde_json::json!({
                "id": id,
                "text": std::fs::read_to_string(f).unwrap(),
                "published": "2020-10-05",
                "source": format!("https://example.org/{id}"),
            })
            .to_string()
        })
        .collect();
    let good = dir.path().join("good.jsonl");
    std::fs::write(&good, lines.join("\n") + "\n").unwrap();
    lines.insert(2, r#"{"id": "broken", "text": 5}"#.to_string());
    let corpus = dir.path().join("corpus.jsonl");
    std::fs::write(&corpus, lines.join("\n") + "\n").unwrap();

    let out = dir.path().join("out");
    let job = Command::new(&python)
        .arg(root().join("tests/spark/job.py"))
        .args(["--tarikh", env!("CARGO_BIN_EXE_tarikh")])
        .arg("--input")
        .arg(&corpus)
        .arg("--output")
        .arg(&out)
        .args(["--partitions", "2", "--master", "local[2]"])
        .output()
        .expect("python");
    let stderr = String::from_utf8_lossy(&job.stderr);
    assert!(job.status.success(), "the Spark job failed: {stderr}");
    // The bad record was reported, naming its partition, and the job went on.
    assert!(
        stderr.contains("tarikh-spark: partition 0: tarikh: -:3: not a JSON record"),
        "{stderr}"
    );
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["partitions"], 2, "{summary}");
    assert_eq!(summary["failures"], 1, "{summary}");
    assert_eq!(summary["records"], lines.len() - 1, "{summary}");
    let per_partition = summary["records_per_partition"].as_array().unwrap();
    assert!(
        per_partition.iter().all(|n| n.as_u64() > Some(0)),
        "{summary}"
    );

    // The single-machine timeline of the good records, byte for byte.
    let single = Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .arg("extract")
        .arg(&good)
        .output()
        .unwrap();
    assert!(single.status.success());
    let spark = std::fs::read(out.join("timeline.json")).unwrap();
    assert!(
        spark == single.stdout,
        "the Spark timeline differs from extract's"
    );
    // And one event of it was merged from reports in both partitions.
    let t: serde_json::Value = serde_json::from_slice(&spark).unwrap();
    let across = t["events"].as_array().unwrap().iter().any(|e| {
        let docs: Vec<&str> = e["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .map(|ev| ev["document"].as_str().unwrap())
            .collect();
        docs.contains(&"karabakh-aran") && docs.contains(&"karabakh-review")
    });
    assert!(across, "no event merged across the two partitions");
}
