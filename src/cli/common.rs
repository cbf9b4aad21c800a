//! Arguments shared by every subcommand that reads articles, and the
//! reading loop: one bad input is reported and the rest still processed.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use tarikh::calendar::LunarVariant;
use tarikh::lang::Lang;
use tarikh::pipeline::Options;
use tarikh::text::{Document, InputFormat, ReadOptions, read_inputs};

use super::convert::LunarArg;

/// The language of the articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Persian.
    Fa,
    /// English.
    En,
    /// From metadata, else by script (Arabic script is read as Persian).
    Auto,
}

/// How to parse inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    /// `.jsonl` files are JSON Lines, everything else plain text.
    Auto,
    /// Every input is one plain-text article.
    Text,
    /// Every input is JSON Lines: {"id","text","lang","published","source"} per line.
    Jsonl,
}

/// Arguments of every subcommand that reads articles.
#[derive(Debug, Clone, Args)]
pub struct ReadArgs {
    /// Articles: files, directories (recursively: .txt, .md, .jsonl), or - for standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Language of the articles.
    #[arg(long, value_enum, default_value_t = LangArg::Auto)]
    pub lang: LangArg,
    /// Publication date (YYYY-MM-DD, Gregorian): anchors "on Saturday", «دیروز», «۱۷ آبان» …; wins over metadata and datelines.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_published)]
    pub published: Option<NaiveDate>,
    /// How to parse inputs.
    #[arg(long, value_enum, default_value_t = InputFormatArg::Auto)]
    pub input_format: InputFormatArg,
    /// Lunar Hijri arithmetic: Umm al-Qura (default) or tabular.
    #[arg(long, value_enum, default_value_t = LunarArg::UmmAlQura)]
    pub lunar: LunarArg,
}

fn parse_published(s: &str) -> Result<NaiveDate, String> {
    let ascii: String = s
        .chars()
        .map(|c| match c {
            '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            _ => c,
        })
        .collect();
    NaiveDate::parse_from_str(ascii.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{s:?} is not a Gregorian date YYYY-MM-DD"))
}

impl ReadArgs {
    /// Library options from the arguments.
    pub fn options(&self) -> Options {
        Options {
            lang: match self.lang {
                LangArg::Fa => Some(Lang::Fa),
                LangArg::En => Some(Lang::En),
                LangArg::Auto => None,
            },
            published: self.published,
            lunar: LunarVariant::from(self.lunar),
        }
    }

    /// Reads every input; unreadable ones are reported on stderr.
    /// Returns the documents and whether any input failed.
    pub fn read(&self) -> (Vec<Document>, bool) {
        let opts = ReadOptions {
            format: match self.input_format {
                InputFormatArg::Auto => InputFormat::Auto,
                InputFormatArg::Text => InputFormat::Text,
                InputFormatArg::Jsonl => InputFormat::Jsonl,
            },
            ..ReadOptions::default()
        };
        let mut docs = Vec::new();
        let mut failed = false;
        for r in read_inputs(&self.inputs, &opts) {
            match r {
                Ok(d) => docs.push(d),
                Err(e) => {
                    failed = true;
                    let _ = writeln!(std::io::stderr(), "tarikh: {e}");
                }
            }
        }
        (docs, failed)
    }
}

/// Writes `content` to `path` atomically (a temporary file in the same
/// directory, then a rename), or to stdout when `path` is `None` or `-`.
/// An existing file is never left half-written or clobbered on error.
pub fn write_output(path: Option<&Path>, content: &str) -> Result<()> {
    match path {
        None => write_stdout(content),
        Some(p) if p == Path::new("-") => write_stdout(content),
        Some(p) => {
            let dir = p
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            let tmp = dir.join(format!(".{name}.tarikh-{}.tmp", std::process::id()));
            let result = std::fs::write(&tmp, content).and_then(|()| std::fs::rename(&tmp, p));
            if result.is_err() {
                let _ = std::fs::remove_file(&tmp);
            }
            result.with_context(|| format!("{}: cannot write", p.display()))
        }
    }
}

fn write_stdout(content: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(content.as_bytes())?;
    out.flush()?;
    Ok(())
}
