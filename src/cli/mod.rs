//! Command-line parsing (clap derive) and the subcommands.

use std::io;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub mod check;
pub mod common;
pub mod convert;
pub mod dates;
pub mod eval;
pub mod export;
pub mod extract;
pub mod merge;
pub mod run;

/// tarikh turns conflict reporting into verified timelines: it finds every
/// date in an article (Persian or English), resolves it in the Gregorian,
/// Solar Hijri and Lunar Hijri calendars, and flags what does not add up.
#[derive(Debug, Parser)]
#[command(name = "tarikh", version, about, long_about = None, propagate_version = true)]
#[command(
    after_help = "Examples:\n  tarikh convert 1399-08-10 --from solar-hijri\n  tarikh dates data/articles/fa/karabakh-aran.txt --format table\n  tarikh extract data/articles/fa/karabakh-aran.txt --format md -o karabakh.md\n  tarikh check data/articles/fa/karabakh-aran.txt --against data/reference/karabakh.toml\n\nExit status: 0 ran, 1 some input unreadable (the others are still processed),\n2 usage error; findings never change it, except that `check --fail-on` exits 3."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Convert dates between the Gregorian, Solar Hijri and Lunar Hijri calendars.
    Convert(convert::ConvertArgs),
    /// List every date, range, duration and relative expression in articles.
    Dates(dates::DatesArgs),
    /// Build one ordered, sourced timeline of events from articles.
    Extract(extract::ExtractArgs),
    /// Merge per-document event records (extract --format jsonl) into one timeline.
    Merge(merge::MergeArgs),
    /// Export a saved timeline as Markdown, a self-contained HTML page, TimelineJS JSON or CSV.
    Export(export::ExportArgs),
    /// Fact-check articles or timelines: within each, across them, and against a reference timeline.
    Check(check::CheckArgs),
    /// Score tarikh on annotated articles (NAME.gold.toml beside NAME.txt; see docs/ANNOTATION.md).
    Eval(eval::EvalArgs),
}

/// What a subcommand reports when it finishes: 0 ran, 1 some input failed.
pub type Status = u8;

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match &cli.command {
        Command::Convert(args) => convert::run(args),
        Command::Dates(args) => dates::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Export(args) => export::run(args),
        Command::Check(args) => check::run(args),
        Command::Eval(args) => eval::run(args),
    };
    match result {
        Ok(status) => ExitCode::from(status),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            common::report_any(&e);
            ExitCode::from(1)
        }
    }
}

/// `tarikh … | head` closes the pipe early: that is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}
