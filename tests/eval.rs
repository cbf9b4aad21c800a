//! Accuracy on the evaluation set `tests/eval/fa/` (see its README),
//! scored by the library's eval module: the same code path as
//! `tarikh eval tests/eval/fa` (rules in `src/eval/mod.rs` and at the end
//! of `docs/ANNOTATION.md`). Recall (annotated expressions found),
//! precision (predictions matched to an annotated expression) and
//! resolution accuracy (found dates whose interval is exactly right; for
//! `since`/`until`, the anchored side).
//!
//! Articles 01–06 are the development half: `TARIKH_EVAL_DETAIL=1` prints
//! their misses. Articles 07–12 are held out: only their totals are ever
//! printed, so rules are not tuned on them. The floors asserted here are
//! the targets; the measured figures are printed on every run
//! (`cargo test eval -- --nocapture`).

use std::path::Path;

use tarikh::eval::report::{EvalReport, FileReport, Totals, ratio};
use tarikh::eval::{self, Options};
use tarikh::lang::Lang;

fn pct(r: Option<f64>) -> f64 {
    r.unwrap_or(1.0) * 100.0
}

/// Resolution: value accuracy of the found gold expressions of kind
/// `date` (durations have no bounds to resolve).
fn resolution(t: &Totals) -> (usize, usize) {
    t.by_kind
        .iter()
        .find(|r| r.key == "date")
        .map_or((0, 0), |r| (r.value_right, r.found))
}

#[test]
fn persian_eval_set() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval/fa");
    let detail = std::env::var_os("TARIKH_EVAL_DETAIL").is_some();
    let files: Vec<_> = eval::collect(&[dir])
        .into_iter()
        .map(|p| p.expect("eval dir"))
        .collect();
    assert!(files.len() >= 12, "the evaluation set lost articles");
    let opts = Options {
        lang: Some(Lang::Fa),
        ..Options::default()
    };
    let (mut dev, mut held): (Vec<FileReport>, Vec<FileReport>) = (Vec::new(), Vec::new());
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let gold = eval::load(f).unwrap_or_else(|e| panic!("{e}"));
        let report = eval::score(&gold, &opts);
        if name.as_str() < "07" {
            dev.push(report);
        } else {
            held.push(report);
        }
    }
    if detail {
        print!("{}", EvalReport::new(dev.clone(), Vec::new()).to_text());
    }
    let all = Totals::of(dev.iter().chain(&held));
    for (label, t) in [
        ("development (01–06)", Totals::of(&dev)),
        ("held out (07–12)", Totals::of(&held)),
        ("all", all.clone()),
    ] {
        let (right, found) = resolution(&t);
        println!(
            "eval {label}: {} expressions; recall {:.1}%, precision {:.1}%, resolution {:.1}% ({}/{} dates exact)",
            t.dates.gold,
            pct(t.dates.recall),
            pct(t.dates.precision),
            pct(ratio(right, found)),
            right,
            found
        );
    }
    let (right, found) = resolution(&all);
    let (recall, precision, res) = (
        pct(all.dates.recall),
        pct(all.dates.precision),
        pct(ratio(right, found)),
    );
    assert!(recall >= 90.0, "recall {recall:.1}% < 90%");
    assert!(precision >= 85.0, "precision {precision:.1}% < 85%");
    assert!(res >= 85.0, "resolution {res:.1}% < 85%");
}
