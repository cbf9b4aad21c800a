//! `tarikh export`: a saved timeline (tarikh.timeline/1) as Markdown, a
//! self-contained HTML page, TimelineJS JSON or CSV.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, ValueEnum};

use tarikh::export::{self, Command, Format, Labels, Output, RenderOptions, json};

use super::common::{LimitArgs, format_arg, read_text, write_output};

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

A timeline that breaks the contract (an interval ending before it starts,
a relation to an event that is not in the file, two events with one id …)
is refused with the JSON path of the breach (docs/timeline-json.md,
\"Reading a saved timeline\"), and nothing is written.

Exit status: 0 written, 1 the input could not be read or is not a valid
tarikh.timeline/1 file, 2 usage error.";

format_arg!(
    /// Output formats of `export`.
    ExportFormat,
    Command::Export,
    Format::EXPORT
);

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
    #[command(flatten)]
    pub limit: LimitArgs,
}

impl From<LabelsArg> for Labels {
    fn from(l: LabelsArg) -> Labels {
        match l {
            LabelsArg::Fa => Labels::Fa,
            LabelsArg::En => Labels::En,
        }
    }
}

pub fn run(args: &ExportArgs) -> Result<super::Status> {
    let (text, name) = read_text(&args.input, args.limit.max_doc_bytes)?;
    let t = json::read_timeline(&text, &name)?;
    let opts = RenderOptions {
        labels: args.labels.map(Into::into),
        colour: false,
    };
    let out = export::render(&Output::Timeline(&t), args.format.0, &opts)?;
    write_output(args.output.as_deref(), &out)?;
    Ok(0)
}
