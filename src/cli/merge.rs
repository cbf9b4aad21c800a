//! `tarikh merge`: the one timeline of per-document event records
//! (`tarikh.events/1`, from `tarikh extract --format jsonl`): the reduce
//! step of a corpus run split across processes or machines.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use tarikh::export::{Command, Format, json};

use super::common::{LimitArgs, escape_controls, format_arg};

const AFTER_HELP: &str = "\
Reads files of tarikh.events/1 records (one JSON object per line, as
`tarikh extract --format jsonl` writes them) and writes the one timeline
they make, as `tarikh extract` would over the same documents: the same
merge of reports of one event, the same order, relations and findings. The
result depends on the records, not on the order of the files or of the
lines, so per-partition outputs of a distributed run (docs/SCALING.md) merge
to the timeline of a single run, byte for byte.

A line that is not a valid record, or longer than --max-doc-bytes, is
reported with its file and line and skipped; the others are merged, and the
exit status is 1. A document met twice with the same record (a partition
given twice) is merged once; met twice with different records, the second is
refused. Empty files and blank lines are fine.

Examples:
  tarikh extract archive.jsonl --format jsonl -o events.jsonl
  tarikh merge events.jsonl -o timeline.json
  tarikh merge out/part-* --format md -o timeline.md

Exit status: 0 merged, 1 some record or file could not be read (the others
are merged), 2 usage error.";

format_arg!(
    /// Output formats of `merge`.
    MergeFormat,
    Command::Merge,
    Format::MERGE
);

/// Merge per-document event records into one timeline.
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct MergeArgs {
    /// Files of tarikh.events/1 records, or - for standard input.
    #[arg(required = true, value_name = "EVENTS.jsonl")]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = MergeFormat(Format::MERGE[0]))]
    pub format: MergeFormat,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Language of the labels of md/html/timelinejs/csv [default: the language of most documents].
    #[arg(long, value_enum)]
    pub labels: Option<super::export::LabelsArg>,
    #[command(flatten)]
    pub limit: LimitArgs,
}

pub fn run(args: &MergeArgs) -> Result<super::Status> {
    let mut failed = 0usize;
    let mut say = |what: String| {
        failed += 1;
        eprintln!("tarikh: {}", escape_controls(&what));
    };
    // Document id → (where it was read, the record's line), to tell a
    // partition given twice from two different documents with one id.
    let mut seen: HashMap<String, (String, u64)> = HashMap::new();
    let mut per_doc = Vec::new();
    for input in &args.inputs {
        let (name, reader): (String, Box<dyn BufRead>) = if input.as_os_str() == "-" {
            (
                "standard input".into(),
                Box::new(BufReader::new(std::io::stdin())),
            )
        } else {
            match std::fs::File::open(input) {
                Ok(f) => (input.display().to_string(), Box::new(BufReader::new(f))),
                Err(e) => {
                    say(format!("{}: {e}", input.display()));
                    continue;
                }
            }
        };
        let max = args.limit.max_doc_bytes;
        let mut reader = reader;
        let mut buf = Vec::new();
        let (mut line_no, mut offset) = (0usize, 0u64);
        loop {
            buf.clear();
            let got = match (&mut reader).take(max + 1).read_until(b'\n', &mut buf) {
                Ok(n) => n,
                Err(e) => {
                    say(format!("{name}: {e}"));
                    break;
                }
            };
            if got == 0 {
                break;
            }
            line_no += 1;
            let at = offset;
            offset += got as u64;
            let Some(raw) = buf
                .strip_suffix(b"\n")
                .or((buf.len() as u64 <= max).then_some(&buf[..]))
            else {
                // A line past the bound has no end in sight: the rest of
                // the file is not read.
                say(format!(
                    "{name}: line {line_no} (byte offset {at}) is longer than the limit of {max} bytes (raise it with --max-doc-bytes); the rest of the file is not read"
                ));
                break;
            };
            let line = match std::str::from_utf8(raw) {
                Ok(l) => l,
                Err(e) => {
                    say(format!(
                        "{name}: line {line_no}: invalid UTF-8 at byte offset {}",
                        at + e.valid_up_to() as u64
                    ));
                    continue;
                }
            };
            let line = line.strip_prefix('\u{feff}').unwrap_or(line);
            if line.trim().is_empty() {
                continue;
            }
            let record = match json::read_events_record(line) {
                Ok(r) => r,
                Err(why) => {
                    say(format!("{name}: line {line_no}: {why}"));
                    continue;
                }
            };
            let digest = fingerprint(line);
            match seen.get(&record.document.id) {
                Some((_, d)) if *d == digest => continue,
                Some((first, _)) => {
                    say(format!(
                        "{name}: line {line_no}: the document {:?} was already read, with other events, from {first}; this record is left out",
                        record.document.id
                    ));
                    continue;
                }
                None => {
                    seen.insert(
                        record.document.id.clone(),
                        (format!("{name}:{line_no}"), digest),
                    );
                }
            }
            per_doc.push(record.into_doc_events());
        }
    }
    if per_doc.is_empty() && failed > 0 {
        // Nothing could be read: nothing is written.
        return Ok(1);
    }
    super::extract::write_timeline(per_doc, args.format.0, args.labels, args.output.as_deref())?;
    Ok(u8::from(failed > 0))
}

/// A 64-bit fingerprint of a record's line (FNV-1a), to know a record met
/// twice.
fn fingerprint(line: &str) -> u64 {
    line.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
