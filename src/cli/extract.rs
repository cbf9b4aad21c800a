//! `tarikh extract`: one ordered, sourced timeline from any mix of articles.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use tarikh::export::json::{self, TimelineFile};
use tarikh::export::{self, Command, Format, Output, RenderOptions};
use tarikh::pipeline;

use super::common::{ReadArgs, format_arg, write_output};
use super::run::{self, Out, RunArgs};

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

A corpus is read as a stream and its documents processed on --threads
workers; the timeline keeps their events, never their texts. With --format
jsonl nothing is merged: each document's events are one tarikh.events/1
record on its own line, written as soon as it and those before it are
done (bounded memory, any size), and `tarikh merge` builds the timeline
from such records, from one run or from many machines.

With --explain it prints instead every date of every document and what
became of it: the events it dates, or the rule that made it date none
(dateline, page-chrome, duration-or-set, present-or-past-reference,
qualifies-another-date, year-of-a-name, no-statement); a table, or tarikh.explain/1 JSON
with --format json.

Examples:
  tarikh extract data/articles/fa/karabakh-aran.txt
  tarikh extract data/articles/fa/karabakh-aran.txt --explain
  tarikh extract data/articles/ -o timeline.json
  tarikh extract archive.jsonl --format jsonl --threads 2 -o events.jsonl
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
    #[command(flatten)]
    pub run: RunArgs,
    /// Output format [default: json; with --explain, a table].
    #[arg(long, value_enum)]
    pub format: Option<ExtractFormat>,
    /// Instead of the timeline, print every date of every document with
    /// what became of it: the events it dates (timeline ids), or the rule
    /// that made it date none. A table, or JSON with --format json.
    #[arg(long)]
    pub explain: bool,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Language of the labels of md/html/timelinejs/csv [default: the language of most documents].
    #[arg(long, value_enum)]
    pub labels: Option<super::export::LabelsArg>,
}

pub fn run(args: &ExtractArgs) -> Result<super::Status> {
    if args.explain {
        let (docs, _, failed) = args.read.read();
        if super::common::nothing_read(&docs, failed) {
            return Ok(1);
        }
        let (_, rows) = pipeline::explain(&docs, &args.read.options());
        let out = match args.format.map(|f| f.0) {
            None => explain_table(&rows),
            Some(Format::Json) => explain_json(&rows)?,
            Some(other) => {
                // A usage error: nothing is read or written.
                eprintln!(
                    "error: --explain prints a table, or JSON with --format json, not {}",
                    format!("{other:?}").to_lowercase()
                );
                return Ok(2);
            }
        };
        write_output(args.output.as_deref(), &out)?;
        return Ok(u8::from(failed));
    }
    let format = args.format.map_or(Format::EXTRACT[0], |f| f.0);
    let opts = args.read.options();
    let stream = args.read.stream(args.run.parallel());
    let work = |doc: tarikh::text::Document, warning: Option<tarikh::diagnostic::Diagnostic>| {
        let mut d = pipeline::doc_events(&doc, &opts);
        if let Some(w) = warning {
            d.diagnostics.push(w);
            tarikh::diagnostic::sort(&mut d.diagnostics);
        }
        // Kept until the whole corpus is read: no spare capacity.
        d.events.shrink_to_fit();
        d.relations.shrink_to_fit();
        d.diagnostics.shrink_to_fit();
        d
    };
    if format == Format::Jsonl {
        let mut out = Out::open(args.output.as_deref())?;
        let counts = run::corpus(stream, &args.run, work, |d| {
            out.write(&json::to_line(&json::EventsRecord::new(d)))
        })?;
        if counts.nothing_read() {
            return Ok(1);
        }
        out.commit()?;
        return Ok(counts.status());
    }
    let mut per_doc = Vec::new();
    let counts = run::corpus(stream, &args.run, work, |d| {
        per_doc.push(d);
        Ok(())
    })?;
    if counts.nothing_read() {
        return Ok(1);
    }
    write_timeline(per_doc, format, args.labels, args.output.as_deref())?;
    Ok(counts.status())
}

/// Builds the timeline of the documents' events and writes it: what
/// `extract` and `merge` end with.
pub fn write_timeline(
    per_doc: Vec<tarikh::timeline::DocEvents>,
    format: Format,
    labels: Option<super::export::LabelsArg>,
    output: Option<&std::path::Path>,
) -> Result<()> {
    let mut timeline = tarikh::timeline::build(per_doc);
    tarikh::diagnostic::sort(&mut timeline.diagnostics);
    let file = TimelineFile::new(timeline);
    if format == Format::Json {
        // The timeline of a corpus can be larger than the events it is
        // made of: written as it is serialized, never held as one string.
        let mut out = super::run::Out::open(output)?;
        out.write_json(&file)?;
        return out.commit();
    }
    let opts = RenderOptions {
        labels: labels.map(Into::into),
        colour: false,
    };
    let out = export::render(&Output::Timeline(&file), format, &opts)?;
    write_output(output, &out)
}

/// The `--explain` table: one line per date, tab-separated, with a header.
fn explain_table(rows: &[pipeline::DateExplanation]) -> String {
    let mut out = String::from("document\tspan\tkind\ttext\tvalue\tbecame\n");
    for r in rows {
        let became = match (r.rule, r.events.as_slice()) {
            ("event", ids) => format!("event {}", ids.join(", ")),
            (rule, []) => rule.to_string(),
            (rule, ids) => format!("{rule} ({})", ids.join(", ")),
        };
        let clean = |s: &str| tarikh::export::safe::strip(s).replace(['\t', '\n', '\r'], " ");
        out.push_str(&format!(
            "{}\t[{}, {})\t{}\t{}\t{}\t{}\n",
            clean(&r.document),
            r.span.0[0],
            r.span.0[1],
            r.kind,
            clean(&r.text),
            r.value.as_deref().unwrap_or("-"),
            became
        ));
    }
    out
}

/// The `--explain` JSON: `tarikh.explain/1`.
fn explain_json(rows: &[pipeline::DateExplanation]) -> Result<String> {
    let doc = serde_json::json!({
        "schema": "tarikh.explain/1",
        "generator": { "name": "tarikh", "version": env!("CARGO_PKG_VERSION") },
        "dates": rows,
    });
    let mut s = serde_json::to_string_pretty(&doc)?;
    s.push('\n');
    Ok(s)
}
