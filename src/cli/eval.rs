//! `tarikh eval`: scores tarikh on annotated articles (gold files).

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, ValueEnum};

use tarikh::calendar::LunarVariant;
use tarikh::eval;
use tarikh::lang::Lang;

use super::common::{LangArg, write_output};
use super::convert::LunarArg;

const AFTER_HELP: &str = "\
Scores tarikh against annotated articles: each NAME.gold.toml (the format
and the guideline are docs/ANNOTATION.md) beside its NAME.txt. Dates:
recall, precision and value accuracy, broken down by calendar and by kind;
events: recall, precision, and the accuracy of their date, type and mood.
Without --verbose only aggregates are printed: a line per file and the
totals; --totals prints the totals alone (for held-out sets).

The JSON output follows tarikh.eval/1 (docs/timeline-json.md).

Examples:
  tarikh eval tests/eval/fa
  tarikh eval archive/ --format md -o scores.md
  tarikh eval article.gold.toml --verbose

Exit status: 0 ran, 1 some gold file could not be read or checked (it is
named with its line; the others are still scored), 2 usage error.";

/// Output formats of `eval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    /// A readable summary.
    Text,
    /// tarikh.eval/1 JSON.
    Json,
    /// Markdown tables.
    Md,
}

/// Score tarikh on annotated articles.
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct EvalArgs {
    /// Gold files (NAME.gold.toml) or directories searched recursively for them.
    #[arg(required = true, value_name = "GOLD")]
    pub gold: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,
    /// List every miss, extra and wrong value (dates and events) with its text and offsets.
    #[arg(long)]
    pub verbose: bool,
    /// Print the totals only, no line per file: how a held-out set is scored.
    #[arg(long, conflicts_with = "verbose")]
    pub totals: bool,
    /// Language of the articles [default: each gold file's `lang`].
    #[arg(long, value_enum, default_value_t = LangArg::Auto)]
    pub lang: LangArg,
    /// Lunar Hijri arithmetic: Umm al-Qura (default) or tabular.
    #[arg(long, value_enum, default_value_t = LunarArg::UmmAlQura)]
    pub lunar: LunarArg,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: &EvalArgs) -> Result<super::Status> {
    let opts = eval::Options {
        lang: match args.lang {
            LangArg::Fa => Some(Lang::Fa),
            LangArg::En => Some(Lang::En),
            LangArg::Auto => None,
        },
        lunar: LunarVariant::from(args.lunar),
    };
    let mut report = eval::run(&args.gold, &opts);
    if !args.verbose {
        report = report.without_details();
    }
    if args.totals {
        report = report.totals_only();
    }
    for e in &report.errors {
        let _ = writeln!(std::io::stderr(), "tarikh: {}", e.message);
    }
    let out = match args.format {
        EvalFormat::Text => report.to_text(),
        EvalFormat::Json => report.to_json(),
        EvalFormat::Md => report.to_markdown(),
    };
    write_output(args.output.as_deref(), &out)?;
    Ok(u8::from(!report.errors.is_empty()))
}
