//! The project's fixture set modeled on real pages (`tests/eval/reallike/`,
//! see its README), scored through the `tarikh eval` command itself. The
//! floors are the figures measured when the set was written (2026-12-02):
//! a change that reads these classes of phrasing worse fails here, and a
//! change that reads them better raises the floors in the same commit.

use assert_cmd::Command;

struct Floors {
    dir: &'static str,
    recall: f64,
    precision: f64,
    value_found: f64,
    events_recall: f64,
    events_precision: f64,
}

fn totals(dir: &str) -> serde_json::Value {
    let out = Command::cargo_bin("tarikh")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["eval", dir, "--format", "json", "--totals"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).expect("tarikh.eval/1 JSON");
    assert_eq!(v["schema"], "tarikh.eval/1");
    v["totals"].clone()
}

#[test]
fn reallike_fixture_set_keeps_its_floors() {
    let sets = [
        Floors {
            dir: "tests/eval/reallike/fa",
            // Raised 2026-12-03 (sets, spans without prepositions, named
            // days at hand): 0.928 / 0.969 / 0.884 → 0.986 / 0.986 / 0.942.
            recall: 0.985,
            precision: 0.985,
            value_found: 0.94,
            // Events: at what the code reaches (chronology entries, mood,
            // present references dating triggered events: recall
            // 0.667 → 0.742, precision 0.800 → 0.766; then an attack and
            // its toll as two events, numbered list items, merges of one
            // scale: 0.772 at 0.750; named days and yearless ranges:
            // 0.803 at 0.757, while the fourth annotation of the real dev
            // pages gains recall 0.493 → 0.593 at precision 0.841 → 0.848,
            // see docs/ACCURACY.md); past references dating the triggered
            // event of their clause («چندی قبل حمله کردند»), 2026-12-03:
            // 0.833 at 0.753, while the real dev pages gain four and two
            // matches at the same precision.
            events_recall: 0.833,
            events_precision: 0.753,
        },
        Floors {
            dir: "tests/eval/reallike/en",
            // Raised 2026-12-03: recall 0.945 → 0.956, value 0.965 → 1.0.
            recall: 0.955,
            precision: 1.0,
            value_found: 1.0,
            // Past references dating the triggered event of their clause
            // ("Earlier, the cabinet had delayed its vote"), 2026-12-03:
            // recall 0.787 → 0.808, precision 0.902 → 0.884 (F1 0.841 →
            // 0.844); the extras are background told in the pluperfect
            // ("had previously reported").
            // Clock times on a known day dating events, and no clause end
            // at a clock's colon ("started at 11:15 AM"), 2026-12-03:
            // 0.808 → 0.894 at 0.884 → 0.913.
            events_recall: 0.893,
            events_precision: 0.912,
        },
    ];
    let mut report = Vec::new();
    for f in sets {
        let t = totals(f.dir);
        let get = |a: &str, b: &str| t[a][b].as_f64().unwrap_or(0.0);
        let got = [
            ("recall", get("dates", "recall"), f.recall),
            ("precision", get("dates", "precision"), f.precision),
            (
                "value of found",
                get("dates", "value_accuracy_found"),
                f.value_found,
            ),
            ("events recall", get("events", "recall"), f.events_recall),
            (
                "events precision",
                get("events", "precision"),
                f.events_precision,
            ),
        ];
        for (name, value, floor) in got {
            println!(
                "{}: {name} {:.1}% (floor {:.1}%)",
                f.dir,
                value * 100.0,
                floor * 100.0
            );
            if value < floor {
                report.push(format!("{}: {name} {value:.3} < {floor}", f.dir));
            }
        }
    }
    assert!(
        report.is_empty(),
        "below the floors:\n{}",
        report.join("\n")
    );
}
