//! Arguments shared by every subcommand that reads articles, the reading
//! loop (one bad input is reported and the rest still processed), the
//! `--format` flags and the writing of outputs.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use tarikh::calendar::LunarVariant;
use tarikh::diagnostic::Diagnostic;
use tarikh::lang::Lang;
use tarikh::pipeline::Options;
use tarikh::text::{Document, InputFormat, ReadOptions, read_all, script};

use super::convert::LunarArg;

/// A `--format` flag whose values are the library's list for one command
/// ([`Format::for_command`]): names and help come from [`Format`], so the
/// command line cannot offer a format the library does not render.
macro_rules! format_arg {
    ($(#[$doc:meta])* $name:ident, $command:expr, $list:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct $name(pub tarikh::export::Format);

        impl $name {
            const VARIANTS: [$name; $list.len()] = {
                let mut out = [$name(tarikh::export::Format::Json); $list.len()];
                let mut i = 0;
                while i < $list.len() {
                    out[i] = $name($list[i]);
                    i += 1;
                }
                out
            };
        }

        impl clap::ValueEnum for $name {
            fn value_variants<'a>() -> &'a [Self] {
                &Self::VARIANTS
            }

            fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
                Some(clap::builder::PossibleValue::new(self.0.id()).help(self.0.help($command)))
            }
        }
    };
}
pub(crate) use format_arg;

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
    /// Every input is a TimeML file: the text of its <TEXT>, its DCT as the publication date (its TIMEX3s are ignored).
    Timeml,
}

/// The one bound on what a command reads, shared by every command that
/// reads articles or timelines.
#[derive(Debug, Clone, Copy, Args)]
pub struct LimitArgs {
    /// The largest document read, in bytes (suffixes K, M, G are powers of 1024: 512K, 64M): each plain-text article (a file, or standard input), each JSON Lines record, each timeline and each reference file. JSON Lines files and streams are read record by record, so their total size is not bounded.
    #[arg(long, value_name = "BYTES", default_value = "64M", value_parser = parse_bytes)]
    pub max_doc_bytes: u64,
}

/// `--max-doc-bytes`: a positive count of bytes, with an optional binary
/// suffix (`K`, `M`, `G`, or `KiB`, `MiB`, `GiB`; any case).
pub fn parse_bytes(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, suffix) = t.split_at(split);
    let unit: u64 = match suffix.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kib" => 1 << 10,
        "m" | "mib" => 1 << 20,
        "g" | "gib" => 1 << 30,
        _ => {
            return Err(format!(
                "{s:?}: expected a number of bytes such as 1048576, 512K or 64M"
            ));
        }
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("{s:?}: expected a number of bytes such as 1048576, 512K or 64M"))?;
    match n.checked_mul(unit) {
        Some(0) => Err("the limit must be at least 1 byte".to_string()),
        Some(v) => Ok(v),
        None => Err(format!("{s:?} is too large")),
    }
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
    #[command(flatten)]
    pub limit: LimitArgs,
}

fn parse_published(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(script::ascii_digits(s).trim(), "%Y-%m-%d")
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

    /// The inputs as a stream of documents (what a corpus run reads).
    pub fn stream(&self, par: tarikh::pipeline::Parallel) -> tarikh::text::Stream {
        tarikh::text::stream(&self.inputs, &self.read_options(), 2 * par.threads)
    }

    fn read_options(&self) -> ReadOptions {
        ReadOptions {
            format: match self.input_format {
                InputFormatArg::Auto => InputFormat::Auto,
                InputFormatArg::Text => InputFormat::Text,
                InputFormatArg::Jsonl => InputFormat::Jsonl,
                InputFormatArg::Timeml => InputFormat::Timeml,
            },
            max_bytes: self.limit.max_doc_bytes,
        }
    }

    /// Reads every input; unreadable ones are reported on stderr.
    /// Returns the documents (ids unique), the `duplicate-id` warnings for
    /// the ids that were qualified, and whether any input failed.
    pub fn read(&self) -> (Vec<Document>, Vec<Diagnostic>, bool) {
        let opts = self.read_options();
        let mut docs = Vec::new();
        let mut failed = false;
        let read = read_all(&self.inputs, &opts);
        for r in read.documents {
            match r {
                Ok(d) => docs.push(d),
                Err(e) => {
                    failed = true;
                    report(&e);
                }
            }
        }
        (docs, read.diagnostics, failed)
    }
}

/// Writes `content` to `path` atomically (a temporary file in the same
/// directory, then a rename), or to stdout when `path` is `None` or `-`.
/// An existing file is never left half-written or clobbered on error.
pub fn write_output(path: Option<&Path>, content: &str) -> Result<()> {
    let mut out = super::run::Out::open(path)?;
    out.write(content)?;
    out.commit()
}

/// The file `-o PATH` writes: PATH itself, or the end of its chain of
/// symbolic links; an error for anything that exists and is not a regular
/// file.
pub fn output_target(p: &Path) -> Result<std::path::PathBuf> {
    let mut target = p.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&target) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = std::fs::read_link(&target)
                    .with_context(|| format!("{}: cannot read the link", target.display()))?;
                target = match target.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            Ok(m) if m.is_file() => return Ok(target),
            Ok(_) => anyhow::bail!(
                "{}: not a regular file; tarikh writes its output only to a file (or a link to one)",
                p.display()
            ),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(target),
            Err(e) => return Err(e).with_context(|| format!("{}: cannot write", p.display())),
        }
    }
    anyhow::bail!("{}: too many levels of symbolic links", p.display())
}

/// True when every input failed: the command then writes nothing, so a
/// failed run never replaces an existing output.
pub fn nothing_read<T>(docs: &[T], failed: bool) -> bool {
    docs.is_empty() && failed
}

/// Reports an input that could not be read on standard error, as
/// `tarikh: MESSAGE`, with the way past a size limit when that is the
/// problem, and every control character of the message escaped (a file
/// name or a record may carry terminal escapes).
pub fn report(e: &tarikh::Error) {
    let hint = match e {
        tarikh::Error::TooLarge { .. } | tarikh::Error::RecordTooLarge { .. } => {
            " (raise it with --max-doc-bytes)"
        }
        _ => "",
    };
    let _ = writeln!(
        std::io::stderr(),
        "tarikh: {}{hint}",
        escape_controls(&e.to_string())
    );
}

/// `s` with every control character (C0 but the line break, DEL, C1) and
/// every bidi control written as a visible escape (`\u{1b}`): a message on
/// a terminal can neither move the cursor, recolour it nor reorder itself,
/// and a file name with an escape in it is still told apart.
pub fn escape_controls(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if (c.is_control() && c != '\n') || tarikh::export::safe::is_bidi_control(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Reads a whole file, or standard input for `-`; the name to report it by
/// comes with it.
///
/// Bounded by `limit` (`--max-doc-bytes`): a larger file is refused before
/// it is read, a stream (standard input, a FIFO, `/dev/zero`) as soon as it
/// passes the limit, both with an error naming it; bytes that are not UTF-8
/// are an error naming the byte offset.
pub fn read_text(path: &Path, limit: u64) -> Result<(String, String)> {
    let too_large = |name: &str| tarikh::Error::TooLarge {
        path: PathBuf::from(name),
        size: None,
        limit,
    };
    let (name, bytes) = if path.as_os_str() == "-" {
        let name = "standard input".to_string();
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .with_context(|| format!("{name}: cannot read"))?;
        if bytes.len() as u64 > limit {
            return Err(limit_error(too_large(&name)));
        }
        (name, bytes)
    } else {
        let bytes = tarikh::text::read_limited(path, limit).map_err(limit_error)?;
        (path.display().to_string(), bytes)
    };
    let text = tarikh::text::decode(Path::new(&name), &bytes)?;
    Ok((text, name))
}

/// A library error as the command's error, with the hint [`report`] gives.
pub fn limit_error(e: tarikh::Error) -> anyhow::Error {
    match e {
        tarikh::Error::TooLarge { .. } | tarikh::Error::RecordTooLarge { .. } => {
            anyhow::anyhow!("{e} (raise it with --max-doc-bytes)")
        }
        e => anyhow::Error::new(e),
    }
}

/// Reports a command's error on standard error, its control characters
/// escaped as [`report`] does.
pub fn report_any(e: &anyhow::Error) {
    let _ = writeln!(
        std::io::stderr(),
        "tarikh: {}",
        escape_controls(&format!("{e:#}"))
    );
}

#[cfg(test)]
mod tests {
    use clap::ValueEnum;
    use tarikh::export::{Command, Format};

    /// `--max-doc-bytes` takes bytes with binary suffixes, and nothing else.
    #[test]
    fn max_doc_bytes_reads_sizes() {
        use super::parse_bytes;
        assert_eq!(parse_bytes("100"), Ok(100));
        assert_eq!(parse_bytes("512K"), Ok(512 * 1024));
        assert_eq!(parse_bytes("64M"), Ok(64 * 1024 * 1024));
        assert_eq!(parse_bytes("64mib"), Ok(64 * 1024 * 1024));
        assert_eq!(parse_bytes("1GiB"), Ok(1 << 30));
        for bad in ["", "0", "0K", "-1", "1.5M", "1KB", "M", "99999999999999G"] {
            assert!(parse_bytes(bad).is_err(), "{bad}");
        }
    }

    /// Every command's `--format` offers exactly the library's list.
    #[test]
    fn format_flags_are_the_library_lists() {
        fn ids<T: ValueEnum>() -> Vec<String> {
            T::value_variants()
                .iter()
                .filter_map(|v| v.to_possible_value())
                .map(|p| p.get_name().to_string())
                .collect()
        }
        let lists = [
            (Command::Dates, ids::<super::super::dates::DatesFormat>()),
            (
                Command::Extract,
                ids::<super::super::extract::ExtractFormat>(),
            ),
            (Command::Export, ids::<super::super::export::ExportFormat>()),
            (Command::Merge, ids::<super::super::merge::MergeFormat>()),
            (Command::Check, ids::<super::super::check::CheckFormat>()),
        ];
        for (command, got) in lists {
            let want: Vec<String> = Format::for_command(command)
                .iter()
                .map(|f| f.id().to_string())
                .collect();
            assert_eq!(got, want, "{}", command.id());
        }
    }
}
