//! Accuracy on the evaluation set `tests/eval/fa/` (see its README): recall
//! (annotated expressions found), precision (reported expressions that are
//! real) and resolution accuracy (found dates whose interval is exactly
//! right; for `since`/`until`, the anchored side).
//!
//! Articles 01–06 are the development half: `TARIKH_EVAL_DETAIL=1` prints
//! their misses. Articles 07–12 are held out: only their totals are ever
//! printed, so rules are not tuned on them. The floors asserted here are
//! the targets; the measured figures are printed on every run
//! (`cargo test eval -- --nocapture`).

use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;
use tarikh::lang::Lang;
use tarikh::pipeline::{self, Options};
use tarikh::temporal::MentionType;
use tarikh::text::Document;

#[derive(Debug, Deserialize)]
struct Annotations {
    published: String,
    #[serde(default)]
    date: Vec<Ann>,
}

#[derive(Debug, Deserialize)]
struct Ann {
    text: String,
    #[serde(default = "one")]
    occurrence: usize,
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default)]
    start: String,
    #[serde(default)]
    end: String,
    #[serde(default)]
    modifier: String,
}

struct Item {
    span: [usize; 2],
    text: String,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    rule: String,
}

fn one() -> usize {
    1
}

#[derive(Debug, Default, Clone, Copy)]
struct Score {
    gold: usize,
    found: usize,
    reported: usize,
    correct_reports: usize,
    gold_dates_found: usize,
    resolved_right: usize,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.gold += o.gold;
        self.found += o.found;
        self.reported += o.reported;
        self.correct_reports += o.correct_reports;
        self.gold_dates_found += o.gold_dates_found;
        self.resolved_right += o.resolved_right;
    }
    fn pct(a: usize, b: usize) -> f64 {
        if b == 0 {
            100.0
        } else {
            100.0 * a as f64 / b as f64
        }
    }
    fn recall(&self) -> f64 {
        Self::pct(self.found, self.gold)
    }
    fn precision(&self) -> f64 {
        Self::pct(self.correct_reports, self.reported)
    }
    fn resolution(&self) -> f64 {
        Self::pct(self.resolved_right, self.gold_dates_found)
    }
}

/// Character span of the `occurrence`-th match of `needle`.
fn find_span(text: &str, needle: &str, occurrence: usize) -> Option<[usize; 2]> {
    let mut from = 0;
    let mut found = None;
    for _ in 0..occurrence {
        let at = text[from..].find(needle)? + from;
        found = Some(at);
        from = at + needle.len().max(1);
    }
    let at = found?;
    let s = text[..at].chars().count();
    Some([s, s + needle.chars().count()])
}

fn overlaps(a: [usize; 2], b: [usize; 2]) -> bool {
    a[0] < b[1] && b[0] < a[1]
}

fn score_article(path: &Path, detail: bool) -> Score {
    let text = std::fs::read_to_string(path).expect("article");
    let ann: Annotations =
        toml::from_str(&std::fs::read_to_string(path.with_extension("toml")).expect("annotations"))
            .expect("annotations parse");
    let published = NaiveDate::parse_from_str(&ann.published, "%Y-%m-%d").ok();
    let doc = Document {
        id: path.file_stem().unwrap().to_string_lossy().into(),
        source: String::new(),
        text: text.clone(),
        lang: Some("fa".into()),
        published,
        published_from: None,
        title: None,
    };
    let out = pipeline::dates(
        &doc,
        &Options {
            lang: Some(Lang::Fa),
            ..Options::default()
        },
    );
    // A dual date reports two expressions: the main one and its
    // alternative reading, each with its own span and interval.
    let sys: Vec<Item> = out
        .dates
        .iter()
        .filter(|d| matches!(d.kind, MentionType::Date | MentionType::Duration))
        .flat_map(|d| {
            let main = Item {
                span: d.time.span,
                text: d.time.text.clone(),
                start: d.time.start,
                end: d.time.end,
                rule: d.time.rule.clone(),
            };
            let alt = d.time.alternative.as_ref().map(|a| Item {
                span: a.span,
                text: a.text.clone(),
                start: a.start,
                end: a.end,
                rule: format!("{} (alternative)", d.time.rule),
            });
            std::iter::once(main).chain(alt)
        })
        .collect();
    let gold: Vec<([usize; 2], &Ann)> = ann
        .date
        .iter()
        .filter_map(|a| find_span(&text, &a.text, a.occurrence).map(|s| (s, a)))
        .collect();
    let mut sc = Score {
        gold: ann.date.len(),
        reported: sys.len(),
        ..Score::default()
    };
    for (span, a) in &gold {
        let hit = sys.iter().find(|d| overlaps(d.span, *span));
        match hit {
            Some(d) => {
                sc.found += 1;
                if a.kind != "duration" {
                    sc.gold_dates_found += 1;
                    let f = |x: Option<NaiveDate>| x.map(|d| d.to_string()).unwrap_or_default();
                    let (s, e) = (f(d.start), f(d.end));
                    let right = match a.modifier.as_str() {
                        "since" => s == a.start,
                        "until" => e == a.end,
                        _ => s == a.start && e == a.end,
                    };
                    if right {
                        sc.resolved_right += 1;
                    } else if detail {
                        println!(
                            "  wrong: {:?} want {}..{} ({}) got {:?} {}..{} [{}]",
                            a.text, a.start, a.end, a.modifier, d.text, s, e, d.rule
                        );
                    }
                }
            }
            None => {
                if detail {
                    println!("  missed: {:?} ({} {}..{})", a.text, a.kind, a.start, a.end);
                }
            }
        }
    }
    for d in &sys {
        if gold.iter().any(|(s, _)| overlaps(*s, d.span)) {
            sc.correct_reports += 1;
        } else if detail {
            println!("  spurious: {:?} [{}]", d.text, d.rule);
        }
    }
    sc
}

#[test]
fn persian_eval_set() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval/fa");
    let detail = std::env::var_os("TARIKH_EVAL_DETAIL").is_some();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("eval dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 12, "the evaluation set lost articles");
    let (mut dev, mut held) = (Score::default(), Score::default());
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let is_dev = name.as_str() < "07";
        if detail && is_dev {
            println!("{name}");
        }
        let s = score_article(f, detail && is_dev);
        if is_dev { dev.add(&s) } else { held.add(&s) }
    }
    let mut all = dev;
    all.add(&held);
    for (label, s) in [
        ("development (01–06)", dev),
        ("held out (07–12)", held),
        ("all", all),
    ] {
        println!(
            "eval {label}: {} expressions; recall {:.1}%, precision {:.1}%, resolution {:.1}% ({}/{} dates exact)",
            s.gold,
            s.recall(),
            s.precision(),
            s.resolution(),
            s.resolved_right,
            s.gold_dates_found
        );
    }
    assert!(all.recall() >= 90.0, "recall {:.1}% < 90%", all.recall());
    assert!(
        all.precision() >= 85.0,
        "precision {:.1}% < 85%",
        all.precision()
    );
    assert!(
        all.resolution() >= 85.0,
        "resolution {:.1}% < 85%",
        all.resolution()
    );
}
