//! `tarikh dates`: every temporal expression of the articles, resolved.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use tarikh::export::{self, Command, Format, Output, RenderOptions, json};
use tarikh::pipeline;

use super::common::{ReadArgs, format_arg, write_output};

const AFTER_HELP: &str = "\
Lists every date, range, duration and relative expression per document, in
document order, each with its span (character offsets into the text as
read), the rule that read it, its value and precision, and its bounds in
the Gregorian, Solar Hijri and Lunar Hijri calendars. Findings (calendar
mismatches, repaired layout damage, reversed ranges, impossible dates,
unresolved relative dates) are listed as diagnostics; they never change the
exit status.

The JSON output follows tarikh.dates/1 (docs/timeline-json.md).

Examples:
  tarikh dates data/articles/fa/karabakh-aran.txt
  tarikh dates data/articles/fa/karabakh-aran.txt --published 2020-10-05 --format table
  tarikh dates data/articles/ -o dates.json
  cat article.txt | tarikh dates - --lang fa

Exit status: 0 ran (whatever it found), 1 some input could not be read (the
others are still listed), 2 usage error.";

format_arg!(
    /// Output formats of `dates`.
    DatesFormat,
    Command::Dates,
    Format::DATES
);

/// List every temporal expression found in articles.
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct DatesArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DatesFormat(Format::DATES[0]))]
    pub format: DatesFormat,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: &DatesArgs) -> Result<super::Status> {
    let (docs, read_diags, failed) = args.read.read();
    if super::common::nothing_read(&docs, failed) {
        return Ok(1);
    }
    let opts = args.read.options();
    let mut listing = json::DatesListing::new();
    // Findings about the inputs first, then each document's.
    listing.diagnostics = read_diags;
    for doc in &docs {
        let d = pipeline::dates(doc, &opts);
        listing.documents.push(d.info);
        listing.dates.extend(d.dates);
        listing.diagnostics.extend(d.diagnostics);
    }
    let out = export::render(
        &Output::Dates(&listing),
        args.format.0,
        &RenderOptions::default(),
    )?;
    write_output(args.output.as_deref(), &out)?;
    Ok(u8::from(failed))
}
