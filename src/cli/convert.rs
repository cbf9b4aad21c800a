//! `tarikh convert`: dates between the Gregorian, Solar Hijri and Lunar
//! Hijri calendars, from arguments or one per line from standard input.

use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};

/// The longest line `convert` reads from standard input. A bound of its
/// own, not `--max-doc-bytes`: `convert` reads one date a line, never a
/// document, and a line this long is no date.
const MAX_LINE: u64 = 64 * 1024;

use anyhow::Result;
use clap::{Args, ValueEnum};

use tarikh::calendar::{Calendar, LunarVariant};
use tarikh::export::convert::{Converted, Failure, convert, failure_message};
use tarikh::export::{self, Format, Output, RenderOptions};

const AFTER_HELP: &str = "\
Input:
  One date per argument, or, without arguments, one date per line on
  standard input (blank lines and lines starting with # are skipped). A
  line longer than 64 KiB (a stream with no line break, /dev/zero) ends
  the run with an error naming the line and its byte offset: convert reads
  dates, not documents, so --max-doc-bytes is not one of its options.
  Forms: YYYY, YYYY-MM, YYYY-MM-DD; separators - or /; digits ASCII,
  Persian (۰-۹) or Arabic-Indic (٠-٩). A year or a month is converted as
  the interval of days it covers.

  Without --from the calendar is guessed from the year: 1300-1499 is read
  as Solar Hijri, anything else as Gregorian; the output says so.

Output:
  One block per date with the day (or interval) in every calendar, or with
  --json one JSON object per input (JSON Lines): input, from, guessed,
  precision, gregorian/solar_hijri/lunar_hijri {start, end, weekday (days
  only), variant (lunar)}, note; an invalid input gives {input, error}.
  start and end are YYYY-MM-DD with ASCII digits in every calendar.

  Lunar Hijri dates are computed (Umm al-Qura for 1300-1600 AH, tabular
  outside it or with --lunar tabular) and can differ by a day from national
  announcements, which in Iran follow moon sighting.

Examples:
  tarikh convert 1399-08-10 --from solar-hijri
  tarikh convert ۱۴۰۳/۱۲/۳۰
  tarikh convert 1994-05 --from gregorian
  tarikh convert 1446-09-01 --from lunar-hijri --lunar tabular
  tarikh convert 2025-03-21 1404 --json
  grep -v '^#' data/kabise-1206-1498.txt | awk '{print $1}' | tr -d '*' \\
      | tarikh convert --from solar-hijri

Exit status: 0 all dates converted, 1 some input invalid (reported on
standard error as `tarikh: line N: INPUT: reason`; the others are still
converted), 2 usage error.";

/// A calendar on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CalendarArg {
    /// The Gregorian calendar.
    Gregorian,
    /// The Solar Hijri (Iranian, Jalali, Shamsi) calendar.
    SolarHijri,
    /// The Lunar Hijri (Islamic, Qamari) calendar.
    LunarHijri,
}

impl From<CalendarArg> for Calendar {
    fn from(c: CalendarArg) -> Self {
        match c {
            CalendarArg::Gregorian => Calendar::Gregorian,
            CalendarArg::SolarHijri => Calendar::SolarHijri,
            CalendarArg::LunarHijri => Calendar::LunarHijri,
        }
    }
}

/// A Lunar Hijri variant on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LunarArg {
    /// Umm al-Qura table for 1300-1600 AH, tabular outside.
    UmmAlQura,
    /// Tabular ("islamic-civil": type II leap years, Friday epoch).
    Tabular,
}

impl From<LunarArg> for LunarVariant {
    fn from(l: LunarArg) -> Self {
        match l {
            LunarArg::UmmAlQura => LunarVariant::UmmAlQura,
            LunarArg::Tabular => LunarVariant::Tabular,
        }
    }
}

/// Convert dates between the Gregorian, Solar Hijri and Lunar Hijri calendars.
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct ConvertArgs {
    /// Dates to convert (YYYY, YYYY-MM or YYYY-MM-DD). Without any, one date
    /// per line is read from standard input.
    #[arg(value_name = "DATE")]
    pub dates: Vec<String>,

    /// The calendar of the input dates. Default: guessed from the year
    /// (1300-1499 solar-hijri, otherwise gregorian).
    #[arg(long, value_enum, value_name = "CALENDAR")]
    pub from: Option<CalendarArg>,

    /// How Lunar Hijri dates are computed.
    #[arg(
        long,
        value_enum,
        value_name = "VARIANT",
        default_value = "umm-al-qura"
    )]
    pub lunar: LunarArg,

    /// Write one JSON object per input (JSON Lines) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Where an input came from, for error messages.
#[derive(Debug, Clone, Copy)]
enum Origin {
    Argument(usize),
    Line(usize),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Argument(n) => write!(f, "argument {n}"),
            Origin::Line(n) => write!(f, "line {n}"),
        }
    }
}

/// Writes each result as it comes (a pipe or a terminal sees every line at
/// once); failures also go to standard error.
struct Writer<W: Write> {
    out: W,
    format: Format,
    written: usize,
    failed: bool,
}

impl<W: Write> Writer<W> {
    fn write(&mut self, origin: Origin, converted: &Converted) -> Result<()> {
        let text = export::render(
            &Output::Conversion(converted),
            self.format,
            &RenderOptions::default(),
        )?;
        if let Err(f) = converted {
            self.failed = true;
            self.out.write_all(text.as_bytes())?;
            self.out.flush()?;
            // A closed stderr is not worth failing over.
            let _ = writeln!(io::stderr(), "tarikh: {origin}: {}", failure_message(f));
            return Ok(());
        }
        if self.written > 0 && self.format == Format::Text {
            writeln!(self.out)?;
        }
        self.out.write_all(text.as_bytes())?;
        self.written += 1;
        Ok(())
    }
}

/// Runs `tarikh convert`: 0 when every input converted, 1 when some did not.
pub fn run(args: &ConvertArgs) -> Result<super::Status> {
    let from = args.from.map(Calendar::from);
    let lunar = LunarVariant::from(args.lunar);
    let stdout = io::stdout();
    let mut w = Writer {
        out: BufWriter::new(stdout.lock()),
        format: if args.json {
            Format::Jsonl
        } else {
            Format::Text
        },
        written: 0,
        failed: false,
    };
    if !args.dates.is_empty() {
        for (i, d) in args.dates.iter().enumerate() {
            w.write(Origin::Argument(i + 1), &convert(d, from, lunar))?;
        }
    } else {
        let stdin = io::stdin();
        let interactive = stdin.is_terminal();
        let mut input = stdin.lock();
        let mut buf = Vec::new();
        let mut n = 0;
        let mut offset = 0u64;
        loop {
            buf.clear();
            // One date a line: a line longer than MAX_LINE (a stream with
            // no line breaks, `/dev/zero`) stops the run instead of filling
            // memory.
            let got = (&mut input)
                .take(MAX_LINE + 1)
                .read_until(b'\n', &mut buf)?;
            if got == 0 {
                break;
            }
            n += 1;
            if buf.len() as u64 > MAX_LINE && !buf.ends_with(b"\n") {
                anyhow::bail!(
                    "standard input: line {n} (from byte offset {offset}) is longer than {MAX_LINE} bytes; one date a line is read"
                );
            }
            offset += got as u64;
            let origin = Origin::Line(n);
            let line = match std::str::from_utf8(&buf) {
                Ok(l) => l,
                Err(e) => {
                    let f = Failure {
                        input: String::new(),
                        reason: format!("not valid UTF-8 at byte {}", e.valid_up_to()),
                    };
                    w.write(origin, &Err(f))?;
                    continue;
                }
            };
            let line = line.trim_start_matches('\u{FEFF}').trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            w.write(origin, &convert(line, from, lunar))?;
            if interactive {
                w.out.flush()?;
            }
        }
    }
    w.out.flush()?;
    Ok(u8::from(w.failed))
}
