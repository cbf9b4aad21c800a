//! English accuracy against TempEval-3 (TBAQ-cleaned AQUAINT; see
//! `tests/eval/en/TEMPEVAL3.md`; the documents are read from
//! `../shared/corpora/tempeval3/AQUAINT/`, never copied in): each TimeML document's `<TEXT>` is
//! read with its document creation time as the publication date, and
//! tarikh's expressions are scored against the gold `TIMEX3` annotations.
//!
//! - **Recall**: gold TIMEX3 (every type) overlapped by an expression of
//!   ours (relaxed match).
//! - **Precision**: our expressions that overlap a gold TIMEX3.
//! - **Value accuracy**: of the matched gold `DATE`s whose value is
//!   comparable (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, a decade `199X`,
//!   `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`), those whose value equals ours.
//!
//! Beside these, the TempEval-3 entity figures: gold and predicted
//! expressions paired one to one (largest overlap first); relaxed span F1
//! (a pair overlaps), strict span F1 (a pair has the same span), type and
//! value accuracy over the pairs, and value F1 (pairs with the gold
//! value, over predictions and over gold), as UzZaman et al. (2013)
//! define them. Values are compared as strings: where tarikh writes a day
//! interval and TIMEX3 an ISO week ("2021-W29"), the value counts wrong.
//!
//! The first 15 documents (in file-name order) are the development half:
//! `TARIKH_EVAL_DETAIL=1` prints their misses and wrong values. The other 15
//! are held out: only totals are printed for them, so rules are not tuned
//! on them. The floors asserted are modest; the figures are printed on every
//! run (`cargo test eval_en -- --nocapture`).

use std::path::Path;

use chrono::NaiveDate;
use tarikh::lang::Lang;
use tarikh::pipeline::{self, Options};
use tarikh::text::Document;

struct Gold {
    span: [usize; 2],
    kind: String,
    value: String,
    text: String,
}

struct TimeMl {
    text: String,
    dct: NaiveDate,
    gold: Vec<Gold>,
}

use tarikh::text::timeml::unescape;

fn attr(tag: &str, name: &str) -> String {
    let key = format!("{name}=\"");
    tag.find(&key)
        .map(|p| {
            let rest = &tag[p + key.len()..];
            rest[..rest.find('"').unwrap_or(rest.len())].to_string()
        })
        .unwrap_or_default()
}

/// Reads a TimeML document: the plain text of `<TEXT>` with the character
/// spans of its TIMEX3 elements, and the creation time.
fn read_timeml(src: &str) -> TimeMl {
    let dct_at = src.find("CREATION_TIME").expect("a CREATION_TIME timex");
    let tag_start = src[..dct_at].rfind("<TIMEX3").expect("timex tag");
    let tag = &src[tag_start..dct_at + src[dct_at..].find('>').unwrap()];
    let dct = NaiveDate::parse_from_str(&attr(tag, "value")[..10], "%Y-%m-%d").expect("DCT date");
    let a = src.find("<TEXT>").expect("<TEXT>") + "<TEXT>".len();
    let b = src.find("</TEXT>").expect("</TEXT>");
    let body = &src[a..b];
    let mut text = String::new();
    let mut chars = 0usize;
    let mut gold = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = body;
    while !rest.is_empty() {
        let lt = rest.find('<').unwrap_or(rest.len());
        let piece = unescape(&rest[..lt]);
        chars += piece.chars().count();
        text.push_str(&piece);
        rest = &rest[lt..];
        if rest.is_empty() {
            break;
        }
        let gt = rest.find('>').expect("tag end");
        let tag = &rest[..=gt];
        if tag.starts_with("<TIMEX3") && tag.ends_with("/>") {
            // An empty TIMEX3 (the beginPoint or endPoint of a duration)
            // marks no text.
        } else if tag.starts_with("<TIMEX3") {
            open = Some((chars, attr(tag, "type"), attr(tag, "value")));
        } else if tag.starts_with("</TIMEX3") {
            let (s, kind, value) = open.take().expect("open timex");
            gold.push(Gold {
                span: [s, chars],
                kind,
                value,
                text: text.chars().skip(s).take(chars - s).collect(),
            });
        }
        rest = &rest[gt + 1..];
    }
    TimeMl { text, dct, gold }
}

#[derive(Debug, Default, Clone, Copy)]
struct Score {
    gold: usize,
    found: usize,
    reported: usize,
    correct_reports: usize,
    comparable: usize,
    right_value: usize,
    /// TempEval-3 entity evaluation: gold expressions matched one to one
    /// (largest overlap first), those matched with the exact span, and of
    /// the matched ones those with the right type and the right value.
    matched: usize,
    strict: usize,
    type_right: usize,
    value_right: usize,
    /// The TIMEX3s of the TimeML export (overlapping expressions are left
    /// out there, as TimeML does not nest them).
    tempeval_reported: usize,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.gold += o.gold;
        self.found += o.found;
        self.reported += o.reported;
        self.correct_reports += o.correct_reports;
        self.comparable += o.comparable;
        self.right_value += o.right_value;
        self.matched += o.matched;
        self.strict += o.strict;
        self.type_right += o.type_right;
        self.value_right += o.value_right;
        self.tempeval_reported += o.tempeval_reported;
    }
    /// F1 of `n` correct among `reported` predictions and `gold` entries.
    fn f1(&self, n: usize) -> f64 {
        let p = n as f64 / self.tempeval_reported.max(1) as f64;
        let r = n as f64 / self.gold.max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// The TempEval-3 figures: relaxed and strict span F1, type and value
    /// accuracy over the relaxed matches, and value F1 (correct values
    /// over predictions and over gold).
    fn tempeval(&self, name: &str) -> String {
        let m = self.matched.max(1) as f64;
        format!(
            "{name:9} TempEval-3: relaxed F1 {:5.1}  strict F1 {:5.1} (strict {}/{} gold, {} predicted)  type accuracy {:5.1}  value accuracy {:5.1}  value F1 {:5.1}",
            100.0 * self.f1(self.matched),
            100.0 * self.f1(self.strict),
            self.strict,
            self.gold,
            self.tempeval_reported,
            100.0 * self.type_right as f64 / m,
            100.0 * self.value_right as f64 / m,
            100.0 * self.f1(self.value_right),
        )
    }
    fn recall(&self) -> f64 {
        self.found as f64 / self.gold.max(1) as f64
    }
    fn precision(&self) -> f64 {
        self.correct_reports as f64 / self.reported.max(1) as f64
    }
    fn value_accuracy(&self) -> f64 {
        self.right_value as f64 / self.comparable.max(1) as f64
    }
    fn line(&self, name: &str) -> String {
        format!(
            "{name:9} recall {:5.1}% ({}/{})  precision {:5.1}% ({}/{})  value accuracy {:5.1}% ({}/{})",
            100.0 * self.recall(),
            self.found,
            self.gold,
            100.0 * self.precision(),
            self.correct_reports,
            self.reported,
            100.0 * self.value_accuracy(),
            self.right_value,
            self.comparable,
        )
    }
}

fn comparable(v: &str) -> bool {
    let b = v.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|k| b.get(k).is_some_and(u8::is_ascii_digit));
    matches!(v, "PRESENT_REF" | "PAST_REF" | "FUTURE_REF")
        || (v.len() == 4 && digits(0..4))
        || (v.len() == 4 && digits(0..3) && b[3] == b'X')
        || (v.len() == 7 && digits(0..4) && b[4] == b'-' && digits(5..7))
        || (v.len() == 10
            && digits(0..4)
            && b[4] == b'-'
            && digits(5..7)
            && b[7] == b'-'
            && digits(8..10))
}

fn overlaps(a: [usize; 2], b: [usize; 2]) -> bool {
    a[0] < b[1] && b[0] < a[1]
}

fn score(name: &str, src: &str, detail: bool) -> Score {
    let ml = read_timeml(src);
    // `--input-format timeml` reads the same text and creation date.
    let (text, dct) = tarikh::text::timeml::read(src).expect("TimeML");
    assert_eq!(
        (text.as_str(), dct),
        (ml.text.as_str(), Some(ml.dct)),
        "{name}"
    );
    let doc = Document {
        id: name.to_string(),
        source: String::new(),
        text: ml.text.clone(),
        lang: Some("en".into()),
        published: Some(ml.dct),
        published_from: None,
        title: None,
    };
    let out = pipeline::dates(
        &doc,
        &Options {
            lang: Some(Lang::En),
            ..Options::default()
        },
    );
    let ours: Vec<_> = out.dates.iter().map(|d| &d.time).collect();
    let mut s = Score {
        gold: ml.gold.len(),
        reported: ours.len(),
        ..Score::default()
    };
    for g in &ml.gold {
        let hit = ours.iter().find(|t| overlaps(*t.span, g.span));
        match hit {
            Some(t) => {
                s.found += 1;
                if g.kind == "DATE" && comparable(&g.value) {
                    s.comparable += 1;
                    let v = t.value.as_deref().unwrap_or("");
                    if v == g.value {
                        s.right_value += 1;
                    } else if detail {
                        println!(
                            "  {name}: value {:?}: gold {} ours {v} ({})",
                            g.text, g.value, t.rule
                        );
                    }
                }
            }
            None if detail => println!("  {name}: missed {:?} {} {}", g.text, g.kind, g.value),
            None => {}
        }
    }
    // The TempEval-3 figures score what `--format timeml` writes: the
    // document is exported and read back as TimeML, as the task's scorer
    // would read it.
    let entries: Vec<&tarikh::temporal::DateEntry> = out.dates.iter().collect();
    let tml = tarikh::export::timeml::document(&ml.text, name, Some(ml.dct), &entries);
    let sys = read_timeml(&tml);
    assert_eq!(
        sys.text, ml.text,
        "{name}: the TimeML export keeps the text"
    );
    let rule_at = |span: [usize; 2]| {
        out.dates
            .iter()
            .find(|d| *d.time.span == span)
            .map_or("", |d| d.time.rule.as_str())
    };
    s.tempeval_reported = sys.gold.len();
    // One to one, largest overlap first (the TempEval-3 scorer pairs each
    // system timex with at most one gold timex).
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (gi, g) in ml.gold.iter().enumerate() {
        for (ti, t) in sys.gold.iter().enumerate() {
            let (a, b) = (t.span[0].max(g.span[0]), t.span[1].min(g.span[1]));
            if a < b {
                pairs.push((b - a, gi, ti));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let (mut g_used, mut t_used) = (vec![false; ml.gold.len()], vec![false; sys.gold.len()]);
    for (_, gi, ti) in pairs {
        if g_used[gi] || t_used[ti] {
            continue;
        }
        g_used[gi] = true;
        t_used[ti] = true;
        let (g, t) = (&ml.gold[gi], &sys.gold[ti]);
        s.matched += 1;
        if t.span == g.span {
            s.strict += 1;
        } else if detail {
            println!("  {name}: span {:?} gold {:?}", t.text, g.text);
        }
        if t.kind == g.kind {
            s.type_right += 1;
        }
        if t.value == g.value {
            s.value_right += 1;
        } else if detail {
            println!(
                "  {name}: timex value {:?} {}: gold {} ours {} {} ({})",
                g.text,
                g.kind,
                g.value,
                t.kind,
                t.value,
                rule_at(t.span)
            );
        }
    }
    for t in &ours {
        if ml.gold.iter().any(|g| overlaps(*t.span, g.span)) {
            s.correct_reports += 1;
        } else if detail {
            println!(
                "  {name}: spurious {:?} {} ({})",
                t.text,
                t.value.as_deref().unwrap_or(""),
                t.rule
            );
        }
    }
    s
}

#[test]
fn english_tempeval3() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let base = std::env::var_os("TARIKH_TEMPEVAL3")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/corpora/tempeval3"));
    let list = std::fs::read_to_string(root.join("tests/eval/en/tempeval3.tsv")).expect("list");
    let held_out: Vec<String> = list
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("file\t") && !l.trim().is_empty())
        .filter_map(|l| {
            let (f, half) = l.split_once('\t').expect("two columns");
            (half == "heldout").then(|| f.to_string())
        })
        .collect();
    assert_eq!(held_out.len(), 15, "15 held-out AQUAINT documents");
    // Development: every other document of TBAQ (TimeBank and AQUAINT).
    let mut files: Vec<(std::path::PathBuf, bool)> = Vec::new();
    for sub in ["AQUAINT", "TimeBank"] {
        let dir = base.join(sub);
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
            panic!(
                "the TempEval-3 documents are read from {} (third-party text, not in the \
                 repository; set TARIKH_TEMPEVAL3 to another copy of the directory that \
                 holds AQUAINT/ and TimeBank/): {e}",
                dir.display()
            )
        });
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".tml"))
            .collect();
        names.sort();
        for n in names {
            let dev = !(sub == "AQUAINT" && held_out.contains(&n));
            files.push((dir.join(n), dev));
        }
    }
    let missing: Vec<&String> = held_out
        .iter()
        .filter(|f| !base.join("AQUAINT").join(f).exists())
        .collect();
    assert!(
        missing.is_empty(),
        "held-out documents missing: {missing:?}"
    );
    assert_eq!(
        files.len(),
        256,
        "TBAQ: 183 TimeBank and 73 AQUAINT documents"
    );
    let detail = std::env::var_os("TARIKH_EVAL_DETAIL").is_some();
    let (mut dev, mut held) = (Score::default(), Score::default());
    for (path, is_dev) in &files {
        let is_dev = *is_dev;
        let src = std::fs::read_to_string(path).expect("readable");
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let s = score(name, &src, detail && is_dev);
        if is_dev {
            dev.add(&s);
        } else {
            held.add(&s);
        }
    }
    println!("TempEval-3 (TBAQ: 241 development, 15 held-out AQUAINT documents), relaxed match:");
    println!("{}", dev.line("dev"));
    println!("{}", held.line("held-out"));
    println!("{}", dev.tempeval("dev"));
    println!("{}", held.tempeval("held-out"));
    for s in [&dev, &held] {
        assert!(s.recall() >= 0.70, "{}", s.line(""));
        assert!(s.precision() >= 0.75, "{}", s.line(""));
        assert!(s.value_accuracy() >= 0.60, "{}", s.line(""));
    }
    // The TempEval-3 figures, at what the code reaches (docs/ACCURACY.md).
    assert!(
        held.f1(held.strict) >= 0.74,
        "{}",
        held.tempeval("held-out")
    );
    assert!(
        held.f1(held.value_right) >= 0.67,
        "{}",
        held.tempeval("held-out")
    );
    assert!(dev.f1(dev.strict) >= 0.0, "{}", dev.tempeval("dev"));
}
