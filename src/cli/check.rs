//! `tarikh check`: fact-check articles or saved timelines, within each
//! document, across documents, and against a reference timeline.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};

use tarikh::check::{self, FailOn, Reference};
use tarikh::export::json::{self, CheckFile};
use tarikh::export::{self, Command, Format, Output, RenderOptions};
use tarikh::pipeline;
use tarikh::timeline::Timeline;

use super::common::{ReadArgs, format_arg, write_output};

const AFTER_HELP: &str = "\
Reads articles (as `tarikh dates` does) and saved timelines (.json files
whose schema is tarikh.timeline/1), and reports:
  - in each document: calendar mismatches between dual dates, weekday
    mismatches, impossible dates, repaired layout damage, future dates told
    in the past tense, order contradictions;
  - across documents: the same event dated differently, with each quote;
  - with --against: each dated event matched to a reference entry by type,
    actors and places (time only breaks ties), and judged `agrees`,
    `contradicts` (with the gap in days and the reference's sources) or
    `not-in-reference`, with a precision: same, more-precise, less-precise.

REFERENCE is a tarikh.reference/1 TOML file (data/reference/*.toml) or a
tarikh.timeline/1 JSON file. The JSON report follows tarikh.check/1
(docs/CHECK.md).

Examples:
  tarikh check data/articles/fa/karabakh-aran.txt --against data/reference/karabakh.toml
  tarikh check timeline.json --against data/reference/karabakh.toml --format md -o report.md
  tarikh check a.txt b.txt --fail-on error --format json

Exit status: 0 ran, 1 some input could not be read (the rest is still
checked and reported), 2 usage error, 3 findings reached --fail-on
(error: a contradiction or an error diagnostic; warning: also a warning).
An unreadable input wins over 3.";

format_arg!(
    /// Output formats of `check`.
    CheckFormat,
    Command::Check,
    Format::CHECK
);

/// Which findings make the exit status 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOnArg {
    /// Any contradiction or error diagnostic.
    Error,
    /// Any contradiction, error or warning.
    Warning,
    /// Never: findings never change the exit status.
    Never,
}

impl From<FailOnArg> for FailOn {
    fn from(a: FailOnArg) -> FailOn {
        match a {
            FailOnArg::Error => FailOn::Error,
            FailOnArg::Warning => FailOn::Warning,
            FailOnArg::Never => FailOn::Never,
        }
    }
}

/// Fact-check articles or saved timelines.
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct CheckArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    /// Reference timeline to check against (tarikh.reference/1 TOML or tarikh.timeline/1 JSON).
    #[arg(long, value_name = "REFERENCE")]
    pub against: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat(Format::CHECK[0]))]
    pub format: CheckFormat,
    /// Exit with status 3 when findings reach this level.
    #[arg(long, value_enum, default_value_t = FailOnArg::Never)]
    pub fail_on: FailOnArg,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: &CheckArgs) -> Result<super::Status> {
    // The reference first: without it there is nothing to run.
    let reference = match &args.against {
        Some(p) => Some(
            Reference::load_limited(p, args.read.limit.max_doc_bytes)
                .map_err(super::common::limit_error)
                .context("cannot use --against")?,
        ),
        None => None,
    };

    let mut failed = false;
    let mut timelines: Vec<Timeline> = Vec::new();
    let mut articles: Vec<PathBuf> = Vec::new();
    for input in &args.read.inputs {
        match read_timeline(input, args.read.limit.max_doc_bytes) {
            Ok(Some(t)) => timelines.push(t),
            Ok(None) => articles.push(input.clone()),
            Err(e) => {
                failed = true;
                super::common::report_any(&e);
            }
        }
    }
    if !articles.is_empty() {
        let read = ReadArgs {
            inputs: articles,
            ..args.read.clone()
        };
        let (docs, read_diags, bad) = read.read();
        failed |= bad;
        if !docs.is_empty() {
            let mut t = pipeline::timeline(&docs, &read.options());
            t.diagnostics.extend(read_diags);
            tarikh::diagnostic::sort(&mut t.diagnostics);
            timelines.insert(0, t);
        }
    }
    if super::common::nothing_read(&timelines, failed) {
        return Ok(1);
    }
    let timeline = check::combine(timelines);
    let report = check::check(&timeline, reference.as_ref(), &check::Options::default());

    let to_terminal = args.output.is_none() || args.output.as_deref() == Some(Path::new("-"));
    let opts = RenderOptions {
        labels: None,
        colour: to_terminal
            && std::io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let file = CheckFile::new(report);
    let out = export::render(&Output::Check(&file), args.format.0, &opts)?;
    write_output(args.output.as_deref(), &out)?;
    Ok(if failed {
        1
    } else if file.report.reaches(args.fail_on.into()) {
        3
    } else {
        0
    })
}

/// `Ok(Some)` for a `.json` input whose schema is `tarikh.timeline/1`,
/// `Ok(None)` for anything else (read as an article). A `.json` FIFO is
/// a timeline too, read as a stream; both are bounded by `limit`.
fn read_timeline(path: &Path, limit: u64) -> Result<Option<Timeline>> {
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    // A missing path goes to the article reader, which names it.
    if !is_json || !path.exists() || path.is_dir() {
        return Ok(None);
    }
    // A .json input is a saved timeline: anything else there (truncated
    // JSON, another schema) is an error naming the file and the offset,
    // never read as an article.
    let bytes = tarikh::text::read_limited(path, limit).map_err(super::common::limit_error)?;
    let text = tarikh::text::decode(path, &bytes)?;
    Ok(Some(
        json::read_timeline(&text, &path.display().to_string())?.timeline,
    ))
}
