//! The report of `tarikh eval` (`tarikh.eval/1`): its types, and its text
//! and Markdown renderings. Every figure is a count; ratios are derived
//! from the counts (null when the denominator is zero).

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The schema string of the JSON report.
pub const SCHEMA: &str = "tarikh.eval/1";

/// A ratio rounded to four decimals, or `None` when `b` is zero.
pub fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| (a as f64 / b as f64 * 10_000.0).round() / 10_000.0)
}

/// Date figures of one file or of all.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DateScore {
    /// Gold expressions, not-a-date excluded.
    pub gold: usize,
    /// Gold expressions matched by a prediction (one-to-one).
    pub found: usize,
    /// Predictions: every date entry and every alternative reading.
    pub predictions: usize,
    /// Found expressions whose value is right.
    pub value_right: usize,
    /// Gold not-a-date entries.
    pub not_a_date: usize,
    /// Predictions that lie on a not-a-date entry and match no real gold.
    pub not_a_date_predicted: usize,
    /// Gold expressions marked `chrome = true`, and how many were found.
    pub chrome: usize,
    pub chrome_found: usize,
    /// found / gold.
    pub recall: Option<f64>,
    /// found / predictions.
    pub precision: Option<f64>,
    /// value_right / found.
    pub value_accuracy_found: Option<f64>,
    /// value_right / gold.
    pub value_accuracy_all: Option<f64>,
}

impl DateScore {
    /// Adds the counts of `o` (ratios are recomputed by [`Self::finish`]).
    pub fn add(&mut self, o: &DateScore) {
        self.gold += o.gold;
        self.found += o.found;
        self.predictions += o.predictions;
        self.value_right += o.value_right;
        self.not_a_date += o.not_a_date;
        self.not_a_date_predicted += o.not_a_date_predicted;
        self.chrome += o.chrome;
        self.chrome_found += o.chrome_found;
        self.finish();
    }

    /// Computes the ratios from the counts.
    pub fn finish(&mut self) {
        self.recall = ratio(self.found, self.gold);
        self.precision = ratio(self.found, self.predictions);
        self.value_accuracy_found = ratio(self.value_right, self.found);
        self.value_accuracy_all = ratio(self.value_right, self.gold);
    }
}

/// Event figures of one file or of all.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventScore {
    /// Gold events.
    pub gold: usize,
    /// Extracted events that have a time.
    pub extracted: usize,
    /// Extracted events with no time (they can never match).
    pub undated: usize,
    /// Gold events matched one-to-one with an extracted event.
    pub matched: usize,
    /// Among matched: the event's time equals the gold date's value.
    pub date_right: usize,
    pub type_right: usize,
    pub mood_right: usize,
    /// matched / gold.
    pub recall: Option<f64>,
    /// matched / extracted.
    pub precision: Option<f64>,
    /// date_right / matched, type_right / matched, mood_right / matched.
    pub date_accuracy: Option<f64>,
    pub type_accuracy: Option<f64>,
    pub mood_accuracy: Option<f64>,
}

impl EventScore {
    /// Adds the counts of `o` and recomputes the ratios.
    pub fn add(&mut self, o: &EventScore) {
        self.gold += o.gold;
        self.extracted += o.extracted;
        self.undated += o.undated;
        self.matched += o.matched;
        self.date_right += o.date_right;
        self.type_right += o.type_right;
        self.mood_right += o.mood_right;
        self.finish();
    }

    /// Computes the ratios from the counts.
    pub fn finish(&mut self) {
        self.recall = ratio(self.matched, self.gold);
        self.precision = ratio(self.matched, self.extracted);
        self.date_accuracy = ratio(self.date_right, self.matched);
        self.type_accuracy = ratio(self.type_right, self.matched);
        self.mood_accuracy = ratio(self.mood_right, self.matched);
    }
}

/// One row of a breakdown by calendar or by kind. Gold counts go by the
/// gold entry's calendar or kind, prediction counts by the prediction's.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Breakdown {
    /// `gregorian`, `solar-hijri`, `lunar-hijri`; or `date`, `time`,
    /// `duration`, `set`.
    pub key: String,
    pub gold: usize,
    pub found: usize,
    pub value_right: usize,
    pub predictions: usize,
    /// Predictions of this key matched to a gold expression.
    pub predictions_matched: usize,
    /// found / gold.
    pub recall: Option<f64>,
    /// predictions_matched / predictions.
    pub precision: Option<f64>,
    /// value_right / found.
    pub value_accuracy_found: Option<f64>,
}

impl Breakdown {
    fn finish(&mut self) {
        self.recall = ratio(self.found, self.gold);
        self.precision = ratio(self.predictions_matched, self.predictions);
        self.value_accuracy_found = ratio(self.value_right, self.found);
    }
}

/// The order of breakdown keys.
pub const CALENDAR_KEYS: [&str; 4] = ["gregorian", "solar-hijri", "lunar-hijri", "none"];
pub const KIND_KEYS: [&str; 4] = ["date", "time", "duration", "set"];

/// Adds `row` into `rows` (by key), keeping `order` and dropping empty rows.
pub fn merge_rows(rows: &mut Vec<Breakdown>, add: &[Breakdown], order: &[&str]) {
    for a in add {
        match rows.iter_mut().find(|r| r.key == a.key) {
            Some(r) => {
                r.gold += a.gold;
                r.found += a.found;
                r.value_right += a.value_right;
                r.predictions += a.predictions;
                r.predictions_matched += a.predictions_matched;
            }
            None => rows.push(Breakdown {
                key: a.key.clone(),
                gold: a.gold,
                found: a.found,
                value_right: a.value_right,
                predictions: a.predictions,
                predictions_matched: a.predictions_matched,
                ..Breakdown::default()
            }),
        }
    }
    rows.retain(|r| r.gold > 0 || r.predictions > 0);
    rows.sort_by_key(|r| {
        order
            .iter()
            .position(|k| *k == r.key)
            .unwrap_or(order.len())
    });
    for r in rows.iter_mut() {
        r.finish();
    }
}

/// A gold expression, for the verbose lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldItem {
    pub text: String,
    pub span: [usize; 2],
    pub kind: String,
    pub value: String,
    pub modifier: String,
    /// Line of the entry in the gold file.
    pub line: usize,
}

/// A prediction, for the verbose lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PredictionItem {
    pub text: String,
    pub span: [usize; 2],
    pub kind: String,
    pub calendar: String,
    pub value: Option<String>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub rule: String,
    /// The alternative reading of a dual date.
    pub alternative: bool,
    /// It lies on a gold not-a-date entry.
    pub not_a_date: bool,
}

/// A found expression whose value is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrongValue {
    pub gold: GoldItem,
    pub got: PredictionItem,
}

/// A gold event, for the verbose lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldEventItem {
    /// The text and span of its date expression.
    pub date: String,
    pub span: [usize; 2],
    #[serde(rename = "type")]
    pub kind: String,
    pub mood: String,
    pub summary: Option<String>,
    pub line: usize,
}

/// An extracted event, for the verbose lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventItem {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub mood: String,
    pub summary: String,
    /// The text and span of its time (or of the alternative that matched).
    pub time: Option<String>,
    pub span: Option<[usize; 2]>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

/// A matched event with something wrong: which parts are right.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrongEvent {
    pub gold: GoldEventItem,
    pub got: EventItem,
    pub date_right: bool,
    pub type_right: bool,
    pub mood_right: bool,
}

/// Every miss, extra and wrong value of one file (`--verbose`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Details {
    pub missed: Vec<GoldItem>,
    pub extra: Vec<PredictionItem>,
    pub wrong_value: Vec<WrongValue>,
    pub missed_events: Vec<GoldEventItem>,
    pub extra_events: Vec<EventItem>,
    pub wrong_events: Vec<WrongEvent>,
}

/// The scores of one gold file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileReport {
    /// The gold file, as given.
    pub file: String,
    /// The text file it annotates.
    pub text: String,
    pub dates: DateScore,
    pub events: EventScore,
    pub by_calendar: Vec<Breakdown>,
    pub by_kind: Vec<Breakdown>,
    /// Only with `--verbose`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<Details>,
}

/// The figures over every file scored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    pub files: usize,
    pub dates: DateScore,
    pub events: EventScore,
    pub by_calendar: Vec<Breakdown>,
    pub by_kind: Vec<Breakdown>,
}

impl Totals {
    /// The totals of some file reports.
    pub fn of<'a>(files: impl IntoIterator<Item = &'a FileReport>) -> Totals {
        let mut t = Totals::default();
        t.dates.finish();
        t.events.finish();
        for f in files {
            t.files += 1;
            t.dates.add(&f.dates);
            t.events.add(&f.events);
            merge_rows(&mut t.by_calendar, &f.by_calendar, &CALENDAR_KEYS);
            merge_rows(&mut t.by_kind, &f.by_kind, &KIND_KEYS);
        }
        t
    }
}

/// A gold file that could not be scored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileError {
    pub file: String,
    /// `path:line: message`.
    pub message: String,
}

/// The name and version of the program that wrote a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Generator {
    pub name: String,
    pub version: String,
}

/// The whole report: `tarikh.eval/1`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvalReport {
    pub schema: String,
    pub generator: Generator,
    /// One entry per gold file scored, in input order.
    pub files: Vec<FileReport>,
    pub totals: Totals,
    /// Gold files that could not be scored.
    pub errors: Vec<FileError>,
}

impl EvalReport {
    /// A report of `files` and `errors`, with the totals computed.
    pub fn new(files: Vec<FileReport>, errors: Vec<FileError>) -> EvalReport {
        EvalReport {
            schema: SCHEMA.to_string(),
            generator: Generator {
                name: crate::NAME.to_string(),
                version: crate::VERSION.to_string(),
            },
            totals: Totals::of(&files),
            files,
            errors,
        }
    }

    /// Drops the per-item lists (aggregates only, for held-out sets).
    pub fn without_details(mut self) -> EvalReport {
        for f in &mut self.files {
            f.details = None;
        }
        self
    }

    /// The report without its per-file entries: the totals and the errors
    /// only (a held-out set is never read item by item).
    pub fn totals_only(mut self) -> EvalReport {
        self.files.clear();
        self
    }

    /// Pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// The readable summary (`--format text`).
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        for f in &self.files {
            let d = &f.dates;
            let e = &f.events;
            let _ = writeln!(
                s,
                "{}: {} gold, {} found, recall {}, precision {}, value {}; events recall {}, precision {}",
                f.file,
                d.gold,
                d.found,
                pct(d.recall),
                pct(d.precision),
                pct(d.value_accuracy_found),
                pct(e.recall),
                pct(e.precision)
            );
            if let Some(det) = &f.details {
                text_details(&mut s, det);
            }
        }
        for e in &self.errors {
            let _ = writeln!(s, "error: {}", e.message);
        }
        let t = &self.totals;
        let d = &t.dates;
        let _ = writeln!(s, "\ntotal: {} files", t.files);
        let _ = writeln!(
            s,
            "dates: {} gold, {} found, {} predictions; recall {} ({}/{}), precision {} ({}/{})",
            d.gold,
            d.found,
            d.predictions,
            pct(d.recall),
            d.found,
            d.gold,
            pct(d.precision),
            d.found,
            d.predictions
        );
        let _ = writeln!(
            s,
            "values: {} right; accuracy of found {}, over all {}",
            d.value_right,
            pct(d.value_accuracy_found),
            pct(d.value_accuracy_all)
        );
        let _ = writeln!(
            s,
            "not-a-date: {} marked, {} predicted; chrome: {} marked, {} found",
            d.not_a_date, d.not_a_date_predicted, d.chrome, d.chrome_found
        );
        let e = &t.events;
        let _ = writeln!(
            s,
            "events: {} gold, {} extracted with a time ({} undated), {} matched; recall {}, precision {}; date {}, type {}, mood {}",
            e.gold,
            e.extracted,
            e.undated,
            e.matched,
            pct(e.recall),
            pct(e.precision),
            pct(e.date_accuracy),
            pct(e.type_accuracy),
            pct(e.mood_accuracy)
        );
        for (title, rows) in [("calendar", &t.by_calendar), ("kind", &t.by_kind)] {
            let _ = writeln!(s, "by {title}:");
            for r in rows {
                let _ = writeln!(
                    s,
                    "  {:<12} gold {:>4}, found {:>4}, recall {}, precision {} ({}/{}), value {}",
                    r.key,
                    r.gold,
                    r.found,
                    pct(r.recall),
                    pct(r.precision),
                    r.predictions_matched,
                    r.predictions,
                    pct(r.value_accuracy_found)
                );
            }
        }
        s
    }

    /// Markdown tables (`--format md`).
    pub fn to_markdown(&self) -> String {
        let mut s = String::from("# tarikh eval\n\n## Files\n\n");
        s.push_str("| file | gold | found | recall | precision | value (found) | value (all) | events | event recall | event precision |\n");
        s.push_str("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        let row = |s: &mut String, name: &str, d: &DateScore, e: &EventScore| {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                md_cell(name),
                d.gold,
                d.found,
                pct(d.recall),
                pct(d.precision),
                pct(d.value_accuracy_found),
                pct(d.value_accuracy_all),
                e.gold,
                pct(e.recall),
                pct(e.precision)
            );
        };
        for f in &self.files {
            row(&mut s, &f.file, &f.dates, &f.events);
        }
        row(&mut s, "**total**", &self.totals.dates, &self.totals.events);
        let d = &self.totals.dates;
        let _ = writeln!(
            s,
            "\nPredictions: {}; not-a-date: {} marked, {} predicted; chrome: {} marked, {} found.",
            d.predictions, d.not_a_date, d.not_a_date_predicted, d.chrome, d.chrome_found
        );
        let e = &self.totals.events;
        s.push_str("\n## Events\n\n| gold | extracted (dated) | undated | matched | recall | precision | date | type | mood |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            e.gold,
            e.extracted,
            e.undated,
            e.matched,
            pct(e.recall),
            pct(e.precision),
            pct(e.date_accuracy),
            pct(e.type_accuracy),
            pct(e.mood_accuracy)
        );
        for (title, rows) in [
            ("By calendar", &self.totals.by_calendar),
            ("By kind", &self.totals.by_kind),
        ] {
            let _ = write!(
                s,
                "\n## {title}\n\n| | gold | found | recall | predictions | precision | value (found) |\n|---|---:|---:|---:|---:|---:|---:|\n"
            );
            for r in rows {
                let _ = writeln!(
                    s,
                    "| {} | {} | {} | {} | {} | {} | {} |",
                    r.key,
                    r.gold,
                    r.found,
                    pct(r.recall),
                    r.predictions,
                    pct(r.precision),
                    pct(r.value_accuracy_found)
                );
            }
        }
        let verbose: Vec<&FileReport> = self.files.iter().filter(|f| f.details.is_some()).collect();
        if !verbose.is_empty() {
            s.push_str("\n## Details\n");
            for f in verbose {
                let _ = write!(s, "\n### {}\n\n```text\n", md_cell(&f.file));
                if let Some(det) = &f.details {
                    text_details(&mut s, det);
                }
                s.push_str("```\n");
            }
        }
        if !self.errors.is_empty() {
            s.push_str("\n## Errors\n\n");
            for e in &self.errors {
                let _ = writeln!(s, "- {}", md_cell(&e.message));
            }
        }
        s
    }
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|")
}

/// `95.4%`, or `–` when there is nothing to divide by.
pub fn pct(r: Option<f64>) -> String {
    match r {
        Some(r) => format!("{:.1}%", r * 100.0),
        None => "–".to_string(),
    }
}

fn opt_date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_else(|| "·".into())
}

fn pred_line(p: &PredictionItem) -> String {
    format!(
        "{:?} [{}, {}) {} {} {}..{} [{}{}]",
        p.text,
        p.span[0],
        p.span[1],
        p.kind,
        p.value.as_deref().unwrap_or("null"),
        opt_date(p.start),
        opt_date(p.end),
        p.rule,
        if p.alternative { ", alternative" } else { "" }
    )
}

fn event_line(e: &EventItem) -> String {
    let span = e
        .span
        .map(|s| format!(" [{}, {})", s[0], s[1]))
        .unwrap_or_default();
    format!(
        "{} {} {} on {:?}{} {}..{}: {:?}",
        e.id,
        e.kind,
        e.mood,
        e.time.as_deref().unwrap_or(""),
        span,
        opt_date(e.start),
        opt_date(e.end),
        e.summary
    )
}

fn text_details(s: &mut String, d: &Details) {
    for g in &d.missed {
        let _ = writeln!(
            s,
            "  missed: {:?} [{}, {}) {} {:?}{} (line {})",
            g.text,
            g.span[0],
            g.span[1],
            g.kind,
            g.value,
            if g.modifier.is_empty() {
                String::new()
            } else {
                format!(" {}", g.modifier)
            },
            g.line
        );
    }
    for p in &d.extra {
        let _ = writeln!(
            s,
            "  extra{}: {}",
            if p.not_a_date { " (not-a-date)" } else { "" },
            pred_line(p)
        );
    }
    for w in &d.wrong_value {
        let _ = writeln!(
            s,
            "  wrong value: {:?} [{}, {}) want {:?}{} (line {}), got {}",
            w.gold.text,
            w.gold.span[0],
            w.gold.span[1],
            w.gold.value,
            if w.gold.modifier.is_empty() {
                String::new()
            } else {
                format!(" {}", w.gold.modifier)
            },
            w.gold.line,
            pred_line(&w.got)
        );
    }
    for g in &d.missed_events {
        let _ = writeln!(
            s,
            "  missed event: {} {} on {:?} [{}, {}){} (line {})",
            g.kind,
            g.mood,
            g.date,
            g.span[0],
            g.span[1],
            g.summary
                .as_ref()
                .map(|x| format!(": {x:?}"))
                .unwrap_or_default(),
            g.line
        );
    }
    for e in &d.extra_events {
        let _ = writeln!(s, "  extra event: {}", event_line(e));
    }
    for w in &d.wrong_events {
        let mut what = Vec::new();
        if !w.date_right {
            what.push("date");
        }
        if !w.type_right {
            what.push("type");
        }
        if !w.mood_right {
            what.push("mood");
        }
        let _ = writeln!(
            s,
            "  wrong event {}: want {} {} on {:?} [{}, {}) (line {}), got {}",
            what.join("+"),
            w.gold.kind,
            w.gold.mood,
            w.gold.date,
            w.gold.span[0],
            w.gold.span[1],
            w.gold.line,
            event_line(&w.got)
        );
    }
}
