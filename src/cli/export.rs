//! `tarikh export`: a saved timeline (tarikh.timeline/1) as Markdown, a
//! self-contained HTML page, TimelineJS JSON or CSV.

use std::io::Read;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};

use tarikh::export::json::{TIMELINE_SCHEMA, TimelineFile};
use tarikh::export::{Labels, Options, csv, html, markdown, timelinejs};

use super::common::write_output;

const AFTER_HELP: &str = "\
Reads a timeline saved by `tarikh extract --format json` (tarikh.timeline/1;
anything else is refused) and writes it for people or for a visualizer:

  md          the editor's timeline: summary, a table of events (date as
              written, Gregorian and Solar Hijri dates, precision, type,
              actors and places, source quote), undated events under their
              relations, every finding to verify, and a Mermaid gantt chart
              that GitHub renders
  html        one self-contained page (no network, works from file://): a
              time axis with each event as a point or a bar, grouped by
              type; click an event for its dates in three calendars and its
              source
  timelinejs  JSON for TimelineJS 3 (one slide per dated event)
  csv         the TimelineJS Google Sheets columns, plus event id and Solar
              Hijri date (cells that could run as formulas are prefixed with ')

Labels (headings, column names, event types) are Persian or English: by
default the language of most documents; a Persian page reads right to left.
Article text is never translated, and it is always escaped. The same input
gives byte-identical output.

Examples:
  tarikh export timeline.json --format md -o timeline.md
  tarikh export timeline.json --format html -o timeline.html
  tarikh export timeline.json --format timelinejs -o slides.json
  tarikh export timeline.json --format csv --labels en > sheet.csv
  tarikh extract article.txt | tarikh export - --format md

Exit status: 0 written, 1 the input could not be read or is not a
tarikh.timeline/1 file, 2 usage error.";

/// Output formats of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Markdown: table, findings to verify, Mermaid chart.
    Md,
    /// One self-contained HTML page.
    Html,
    /// TimelineJS 3 JSON.
    Timelinejs,
    /// CSV in the TimelineJS Google Sheets columns.
    Csv,
}

/// The language of the labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LabelsArg {
    /// Persian (the page reads right to left).
    Fa,
    /// English.
    En,
}

/// Export a saved timeline as Markdown, HTML, TimelineJS JSON or CSV.
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct ExportArgs {
    /// A timeline saved as tarikh.timeline/1 JSON, or - for standard input.
    #[arg(value_name = "TIMELINE.json")]
    pub input: PathBuf,
    /// Output format.
    #[arg(long, short = 'f', value_enum)]
    pub format: ExportFormat,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Language of the labels [default: the language of most documents].
    #[arg(long, value_enum)]
    pub labels: Option<LabelsArg>,
}

/// Reads and checks a saved timeline.
fn read_timeline(path: &PathBuf) -> Result<TimelineFile> {
    let name = path.display().to_string();
    let text = if path.as_os_str() == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .context("standard input: cannot read")?;
        s
    } else {
        std::fs::read_to_string(path).with_context(|| format!("{name}: cannot read"))?
    };
    let name = if path.as_os_str() == "-" {
        "standard input".to_string()
    } else {
        name
    };
    let value: serde_json::Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => bail!("{name} is not a tarikh timeline: it is not JSON ({e})."),
    };
    match value.get("schema").and_then(|s| s.as_str()) {
        Some(TIMELINE_SCHEMA) => {}
        Some(other) => bail!(
            "{name} is not a tarikh timeline: its schema is {other:?}, expected {TIMELINE_SCHEMA:?}."
        ),
        None => {
            bail!("{name} is not a tarikh timeline: it has no \"schema\": {TIMELINE_SCHEMA:?}.")
        }
    }
    serde_json::from_value(value)
        .map_err(|e| anyhow::anyhow!("{name} is not a valid {TIMELINE_SCHEMA} file: {e}."))
}

pub fn run(args: &ExportArgs) -> Result<super::Status> {
    let t = read_timeline(&args.input)?;
    let out = render(&t, args.format, args.labels);
    write_output(args.output.as_deref(), &out)?;
    Ok(0)
}

/// A timeline in one of the human and visualizer formats.
pub fn render(t: &TimelineFile, format: ExportFormat, labels: Option<LabelsArg>) -> String {
    let opts = Options {
        labels: match labels {
            Some(LabelsArg::Fa) => Labels::Fa,
            Some(LabelsArg::En) => Labels::En,
            None => Labels::of(t),
        },
    };
    match format {
        ExportFormat::Md => markdown::render(t, &opts),
        ExportFormat::Html => html::render(t, &opts),
        ExportFormat::Timelinejs => timelinejs::render(t, &opts),
        ExportFormat::Csv => csv::render(t, &opts),
    }
}
