//! `tarikh dates`: every temporal expression of the articles, resolved.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, ValueEnum};

use tarikh::export::{json, table};
use tarikh::pipeline;

use super::common::{ReadArgs, write_output};

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

/// Output formats of `dates`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DatesFormat {
    /// tarikh.dates/1 JSON.
    Json,
    /// A terminal table.
    Table,
}

/// List every temporal expression found in articles.
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct DatesArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DatesFormat::Json)]
    pub format: DatesFormat,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: &DatesArgs) -> Result<super::Status> {
    let (docs, failed) = args.read.read();
    let opts = args.read.options();
    let mut listing = json::DatesListing::new();
    for doc in &docs {
        let d = pipeline::dates(doc, &opts);
        listing.documents.push(d.info);
        listing.dates.extend(d.dates);
        listing.diagnostics.extend(d.diagnostics);
    }
    let out = match args.format {
        DatesFormat::Json => json::to_string(&listing),
        DatesFormat::Table => {
            let mut s = table::render(&listing.dates);
            for d in &listing.diagnostics {
                s.push_str(&format!(
                    "{}: {} [{}] {}\n",
                    d.document,
                    format!("{:?}", d.severity).to_lowercase(),
                    d.code.as_str(),
                    table::isolate(&d.message)
                ));
            }
            s
        }
    };
    write_output(args.output.as_deref(), &out)?;
    Ok(u8::from(failed))
}
