//! `tarikh check`: fact-check articles or saved timelines, within each
//! document, across documents, and against a reference timeline.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use serde::{Deserialize, Serialize};

use tarikh::check::{self, CheckReport, FailOn, Reference};
use tarikh::export::json::{self, Generator};
use tarikh::pipeline;
use tarikh::text::Document;
use tarikh::timeline::Timeline;

use super::common::{ReadArgs, write_output};

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

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// A terminal report (colour only on a terminal).
    Text,
    /// Markdown, to paste into a ticket.
    Md,
    /// tarikh.check/1 JSON.
    Json,
}

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
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Exit with status 3 when findings reach this level.
    #[arg(long, value_enum, default_value_t = FailOnArg::Never)]
    pub fail_on: FailOnArg,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The schema header of the JSON report.
#[derive(Debug, Serialize, Deserialize)]
pub struct CheckFile {
    pub schema: String,
    pub generator: Generator,
    #[serde(flatten)]
    pub report: CheckReport,
}

pub fn run(args: &CheckArgs) -> Result<super::Status> {
    // The reference first: without it there is nothing to run.
    let reference = match &args.against {
        Some(p) => Some(Reference::load(p).with_context(|| "cannot use --against")?),
        None => None,
    };

    let mut failed = false;
    let mut timelines: Vec<Timeline> = Vec::new();
    let mut articles: Vec<PathBuf> = Vec::new();
    for input in &args.read.inputs {
        match read_timeline(input) {
            Ok(Some(t)) => timelines.push(t),
            Ok(None) => articles.push(input.clone()),
            Err(e) => {
                failed = true;
                let _ = writeln!(std::io::stderr(), "tarikh: {e:#}");
            }
        }
    }
    if !articles.is_empty() {
        let read = ReadArgs {
            inputs: articles,
            ..args.read.clone()
        };
        let (docs, bad) = read.read();
        failed |= bad;
        if !docs.is_empty() {
            timelines.insert(0, articles_timeline(&docs, &read.options()));
        }
    }
    let timeline = merge(timelines);
    let report = check::check(&timeline, reference.as_ref(), &check::Options::default());

    let out = match args.format {
        CheckFormat::Json => json::to_string(&CheckFile {
            schema: check::CHECK_SCHEMA.to_string(),
            generator: Generator::default(),
            report: report.clone(),
        }),
        CheckFormat::Md => check::render::markdown(&report),
        CheckFormat::Text => {
            let to_terminal =
                args.output.is_none() || args.output.as_deref() == Some(Path::new("-"));
            let colour = to_terminal
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            check::render::text(&report, colour)
        }
    };
    write_output(args.output.as_deref(), &out)?;
    Ok(if failed {
        1
    } else if report.reaches(args.fail_on.into()) {
        3
    } else {
        0
    })
}

/// The timeline of the articles.
///
/// Until `pipeline::timeline` (event extraction and the timeline graph)
/// lands, articles give their documents and date diagnostics only, no
/// events; this is the one place to switch to
/// `tarikh::pipeline::timeline(docs, opts)`.
fn articles_timeline(docs: &[Document], opts: &pipeline::Options) -> Timeline {
    pipeline::timeline(docs, opts)
}

/// `Ok(Some)` for a `.json` file whose schema is `tarikh.timeline/1`,
/// `Ok(None)` for anything else (read as an article).
fn read_timeline(path: &Path) -> Result<Option<Timeline>> {
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if !is_json || !path.is_file() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else {
        return Ok(None);
    };
    if value.get("schema").and_then(|s| s.as_str()) != Some(json::TIMELINE_SCHEMA) {
        return Ok(None);
    }
    let t: Timeline = serde_json::from_value(value).with_context(|| {
        format!(
            "{}: not a valid {} timeline",
            path.display(),
            json::TIMELINE_SCHEMA
        )
    })?;
    Ok(Some(t))
}

/// One timeline from many; an event id already taken is prefixed with its
/// first document's id (and its relations and diagnostics follow).
fn merge(timelines: Vec<Timeline>) -> Timeline {
    let mut out = Timeline {
        documents: Vec::new(),
        events: Vec::new(),
        relations: Vec::new(),
        diagnostics: Vec::new(),
    };
    let mut taken = std::collections::HashSet::new();
    for mut t in timelines {
        let mut renamed = std::collections::HashMap::new();
        for ev in &mut t.events {
            if !taken.insert(ev.id.clone()) {
                let doc = check::event_document(ev).to_string();
                let mut n = 1;
                let mut id = format!("{doc}:{}", ev.id);
                while !taken.insert(id.clone()) {
                    n += 1;
                    id = format!("{doc}:{}-{n}", ev.id);
                }
                renamed.insert(ev.id.clone(), id.clone());
                ev.id = id;
            }
        }
        let rename = |id: &mut String| {
            if let Some(n) = renamed.get(id) {
                *id = n.clone();
            }
        };
        for r in &mut t.relations {
            rename(&mut r.from);
            rename(&mut r.to);
        }
        for d in &mut t.diagnostics {
            d.events.iter_mut().for_each(rename);
        }
        out.documents.extend(t.documents);
        out.events.extend(t.events);
        out.relations.extend(t.relations);
        out.diagnostics.extend(t.diagnostics);
    }
    out
}
