//! Evaluation: scores tarikh on annotated articles (`NAME.gold.toml` beside
//! `NAME.txt`; the guideline and format are `docs/ANNOTATION.md`). This is
//! what `tarikh eval` runs, and what the project's own evaluation test
//! (`tests/eval.rs`) runs.
//!
//! [`gold`] reads and checks gold files, [`score`] matches and counts,
//! [`report`] holds the `tarikh.eval/1` report and its renderings. The
//! text is read as a [`crate::text::Document`] with the gold file's `lang`
//! and `published` (no `NAME.toml` sidecar is read).
//!
//! # Dates
//!
//! - **Predictions** are the entries of the dates listing
//!   ([`crate::pipeline::dates`], `tarikh.dates/1`) with their character
//!   `span`; the `alternative` of a dual date is a prediction of its own,
//!   with its own span, bounds and value.
//! - A gold expression is **found** when a prediction overlaps its span and
//!   the prediction is at most twice as long (in characters). Matching is
//!   one-to-one: each gold expression takes at most one prediction and each
//!   prediction at most one gold expression, assigned greedily by overlap
//!   size (largest first), then by position.
//! - Gold `not-a-date` entries are never matched: a prediction on one, like
//!   any prediction that matches no gold expression, counts against
//!   precision.
//! - **Recall** = found / gold (not-a-date excluded); **precision** =
//!   found / predictions.
//! - **Value.** A gold `value` is an inclusive Gregorian interval (`YYYY`,
//!   `YYYY-MM`, `YYYY-MM-DD`, decades `199X`, centuries `19XX`, intervals
//!   `A/B`, times `…THH:MM` and parts of day `…TMO` as their day). It is
//!   right when the prediction's `[start, end]` equals it; with `modifier =
//!   "since"` only the starts are compared, with `until` only the ends;
//!   with `after` (`before`) the prediction may also be the open interval
//!   the contract writes for it, from the day after (to the day before).
//!   A prediction with no bounds whose value is of years before the common
//!   era (`BC0535`) is compared by the days its value names.
//!   A value that is empty or has `X` in its year is unresolved: right only
//!   when the prediction has neither a start nor an end. Durations (`P…`),
//!   sets, `PRESENT_REF`/`PAST_REF`/`FUTURE_REF` and TIMEX3 seasons
//!   (`2021-SU`) are compared as strings with the prediction's `value`
//!   (a decade or century with TIMEX3's designator equals its years:
//!   `P1DE` = `P10Y`).
//!   **Value accuracy of found** = right / found; **over all** = right /
//!   gold.
//! - The figures are broken down by calendar and by kind (gold entries by
//!   their own calendar and kind, predictions by theirs). Page chrome
//!   (`chrome = true`) is scored as any date and counted apart.
//!
//! # Events
//!
//! - **Extracted events** are those of the timeline of the one document
//!   ([`crate::pipeline::timeline`], what `tarikh extract` writes).
//! - An extracted event is on a gold event when its `time` span (or its
//!   alternative's) overlaps the span of the gold event's date expression.
//!   Matching is one-to-one, same-type pairs first, then larger overlap,
//!   then order; a second extracted event on one gold event is unmatched
//!   and counts against precision.
//! - **Recall** = matched gold events / gold events; **precision** =
//!   matched / extracted events that have a time. Undated extracted events
//!   can never match and are counted apart.
//! - Among matched: **date accuracy** (the event's time, or the
//!   alternative that matched, is right for the gold date's value by the
//!   rule above), **type accuracy** and **mood accuracy**.
//!
//! # Errors
//!
//! A gold file that does not parse or check (TOML syntax, an unknown key or
//! code, a `text` that does not occur `occurrence` times, a value that
//! cannot be read, an event naming no `[[date]]` entry) is an
//! [`crate::Error`] naming the file and line; the other files are still
//! scored ([`run`]).

pub mod gold;
pub mod report;
pub mod score;

use std::path::PathBuf;

pub use gold::{Gold, GoldFile, collect, load};
pub use report::EvalReport;
pub use score::{Options, score};

use report::FileError;

/// Scores every gold file named by `inputs` (files, or directories
/// searched recursively for `*.gold.toml`). Gold files that cannot be read
/// or checked are listed in the report's `errors`; the rest are scored.
/// The report keeps every detail: see [`EvalReport::without_details`].
pub fn run(inputs: &[PathBuf], opts: &Options) -> EvalReport {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in collect(inputs) {
        let scored = match path {
            Ok(p) => load(&p)
                .map(|g| score(&g, opts))
                .map_err(|e| (p.to_string_lossy().to_string(), e)),
            Err(e) => Err((error_file(&e), e)),
        };
        match scored {
            Ok(f) => files.push(f),
            Err((file, e)) => errors.push(FileError {
                file,
                message: e.to_string(),
            }),
        }
    }
    EvalReport::new(files, errors)
}

fn error_file(e: &crate::Error) -> String {
    use crate::Error;
    match e {
        Error::Io { path, .. }
        | Error::Format { path, .. }
        | Error::InvalidUtf8 { path, .. }
        | Error::Binary { path, .. }
        | Error::TooLarge { path, .. }
        | Error::Write { path, .. } => path.to_string_lossy().to_string(),
        _ => String::new(),
    }
}
