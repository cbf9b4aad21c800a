//! `tarikh extract`: one ordered, sourced timeline from any mix of articles.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use tarikh::export::json::TimelineFile;
use tarikh::export::{self, Command, Format, Output, RenderOptions};
use tarikh::pipeline;

use super::common::{ReadArgs, format_arg, write_output};

const AFTER_HELP: &str = "\
Builds one timeline from every input: the dated events of each article
(type, summary, actors, places, the sentence that states them, their time in
the Gregorian, Solar Hijri and Lunar Hijri calendars), the same event
reported twice merged into one with an evidence entry per source, ordered,
with the relations the dates imply and those the text states, and every
finding (calendar mismatches, repaired layout damage, sources that
disagree, contradictions of order) as a diagnostic.

The JSON output follows tarikh.timeline/1 (docs/timeline-json.md; schema in
docs/timeline.schema.json). With -o the file is written atomically: a
failure never leaves a half-written or clobbered file.

Examples:
  tarikh extract data/articles/fa/karabakh-aran.txt
  tarikh extract data/articles/ -o timeline.json
  tarikh extract article.txt --published 2020-10-05 --lang fa
  tarikh extract data/articles/fa/karabakh-aran.txt --format md -o karabakh.md
  tarikh extract data/articles/fa/karabakh-aran.txt --format html -o karabakh.html

Exit status: 0 ran (whatever it found), 1 some input could not be read (the
others are still used), 2 usage error.";

format_arg!(
    /// Output formats of `extract`.
    ExtractFormat,
    Command::Extract,
    Format::EXTRACT
);

/// Build one ordered, sourced timeline from articles.
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat(Format::EXTRACT[0]))]
    pub format: ExtractFormat,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Language of the labels of md/html/timelinejs/csv [default: the language of most documents].
    #[arg(long, value_enum)]
    pub labels: Option<super::export::LabelsArg>,
}

pub fn run(args: &ExtractArgs) -> Result<super::Status> {
    let (docs, read_diags, failed) = args.read.read();
    if super::common::nothing_read(&docs, failed) {
        return Ok(1);
    }
    let mut timeline = pipeline::timeline(&docs, &args.read.options());
    timeline.diagnostics.extend(read_diags);
    tarikh::diagnostic::sort(&mut timeline.diagnostics);
    let file = TimelineFile::new(timeline);
    let opts = RenderOptions {
        labels: args.labels.map(Into::into),
        colour: false,
    };
    let out = export::render(&Output::Timeline(&file), args.format.0, &opts)?;
    write_output(args.output.as_deref(), &out)?;
    Ok(u8::from(failed))
}
