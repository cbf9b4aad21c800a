//! `tarikh dates`: every temporal expression of the articles, resolved.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use tarikh::export::{self, Command, Format, Output, RenderOptions, json};
use tarikh::pipeline;

use super::common::{ReadArgs, format_arg, write_output};
use super::run::{self, Out, RunArgs};

const AFTER_HELP: &str = "\
Lists every date, range, duration and relative expression per document, in
document order, each with its span (character offsets into the text as
read), the rule that read it, its value and precision, and its bounds in
the Gregorian, Solar Hijri and Lunar Hijri calendars. Findings (calendar
mismatches, repaired layout damage, reversed ranges, impossible dates,
unresolved relative dates) are listed as diagnostics; they never change the
exit status.

The JSON output follows tarikh.dates/1 (docs/timeline-json.md). With
--format jsonl each document is one tarikh.dates/1 object on its own line,
written as soon as it and those before it are done: a corpus of any size
runs in bounded memory. Documents are processed on --threads workers; the
output is the same for any number of them.

Examples:
  tarikh dates data/articles/fa/karabakh-aran.txt
  tarikh dates data/articles/fa/karabakh-aran.txt --published 2020-10-05 --format table
  tarikh dates data/articles/ -o dates.json
  cat article.txt | tarikh dates - --lang fa
  tarikh dates archive.jsonl --format jsonl -o dates.jsonl

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
    #[command(flatten)]
    pub run: RunArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DatesFormat(Format::DATES[0]))]
    pub format: DatesFormat,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: &DatesArgs) -> Result<super::Status> {
    let opts = args.read.options();
    if args.format.0 == Format::Timeml {
        let (docs, read_diags, failed) = args.read.read();
        if super::common::nothing_read(&docs, failed) {
            return Ok(1);
        }
        return timeml(args, &docs, &opts, failed, read_diags);
    }
    let stream = args.read.stream(args.run.parallel());
    let work = |doc: tarikh::text::Document, warning: Option<tarikh::diagnostic::Diagnostic>| {
        let d = pipeline::dates(&doc, &opts);
        (d.info, d.dates, d.diagnostics, warning)
    };
    if args.format.0 == Format::Jsonl {
        // One listing per document, written as it is done.
        let mut out = Out::open(args.output.as_deref())?;
        let counts = run::corpus(
            stream,
            &args.run,
            work,
            |(info, dates, diagnostics, warning)| {
                let mut listing = json::DatesListing::new();
                listing.documents.push(info);
                listing.dates = dates;
                listing.diagnostics = warning.into_iter().chain(diagnostics).collect();
                out.write(&json::to_line(&listing))
            },
        )?;
        if counts.nothing_read() {
            // Nothing could be read: nothing is written (`out` is dropped).
            return Ok(1);
        }
        out.commit()?;
        return Ok(counts.status());
    }
    let mut listing = json::DatesListing::new();
    let mut warnings = Vec::new();
    let counts = run::corpus(
        stream,
        &args.run,
        work,
        |(info, dates, diagnostics, warning)| {
            listing.documents.push(info);
            listing.dates.extend(dates);
            listing.diagnostics.extend(diagnostics);
            warnings.extend(warning);
            Ok(())
        },
    )?;
    if counts.nothing_read() {
        return Ok(1);
    }
    // Findings about the inputs first, then each document's.
    tarikh::diagnostic::sort(&mut warnings);
    warnings.append(&mut listing.diagnostics);
    listing.diagnostics = warnings;
    let out = export::render(
        &Output::Dates(&listing),
        args.format.0,
        &RenderOptions::default(),
    )?;
    write_output(args.output.as_deref(), &out)?;
    Ok(counts.status())
}

/// `--format timeml`: one TimeML file per document. One document goes to
/// `-o FILE` or standard output; several need `-o DIR`, and each is
/// written (atomically) as `DIR/<id>.tml`, its id made safe for a file
/// name. Findings, which TimeML has no place for, are printed on standard
/// error.
fn timeml(
    args: &DatesArgs,
    docs: &[tarikh::text::Document],
    opts: &pipeline::Options,
    failed: bool,
    read_diags: Vec<tarikh::diagnostic::Diagnostic>,
) -> Result<super::Status> {
    let dir = args.output.as_deref().filter(|p| p.is_dir());
    if docs.len() > 1 && dir.is_none() {
        // A usage error: nothing is written.
        eprintln!(
            "error: --format timeml writes one document per file: with {} documents, give -o DIR (an existing directory)",
            docs.len()
        );
        return Ok(2);
    }
    for diag in &read_diags {
        eprintln!("{}", tarikh::export::safe::strip(&diag.message));
    }
    let mut names = std::collections::BTreeSet::new();
    for doc in docs {
        let d = pipeline::dates(doc, opts);
        for diag in &d.diagnostics {
            eprintln!("{}: {}", doc.id, tarikh::export::safe::strip(&diag.message));
        }
        let mut listing = json::DatesListing::new();
        listing.documents.push(d.info);
        listing.dates = d.dates;
        listing.texts.push(doc.text.clone());
        let out = export::render(
            &Output::Dates(&listing),
            Format::Timeml,
            &RenderOptions::default(),
        )?;
        match dir {
            Some(dir) => {
                let mut name: String = doc
                    .id
                    .chars()
                    .map(|c| {
                        if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                            c
                        } else {
                            '_'
                        }
                    })
                    .collect();
                // Ids are unique; names made safe may meet: number them.
                let base = name.clone();
                let mut k = 1;
                while !names.insert(name.clone()) {
                    k += 1;
                    name = format!("{base}-{k}");
                }
                write_output(Some(&dir.join(format!("{name}.tml"))), &out)?;
            }
            None => write_output(args.output.as_deref(), &out)?,
        }
    }
    Ok(u8::from(failed))
}
