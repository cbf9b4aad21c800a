//! The library's one public error type.
//!
//! Errors are about *input that cannot be read* or *arguments that cannot be
//! honoured*. Findings about the content of a readable article (an impossible
//! date, layout damage, a calendar mismatch) are never errors: they are
//! [`crate::diagnostic::Diagnostic`]s and do not change the exit status.

use std::path::PathBuf;

use crate::units::Calendar;

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or directory could not be opened or read.
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Bytes that are not UTF-8, with the byte offset of the first bad byte.
    #[error("{path}: not valid UTF-8 at byte offset {offset}")]
    InvalidUtf8 { path: PathBuf, offset: usize },
    /// A NUL byte or other sign of a binary file.
    #[error(
        "{path}: looks like a binary file (NUL byte at byte offset {offset}); only text is read"
    )]
    Binary { path: PathBuf, offset: usize },
    /// A document (a file, or standard input read as one article), a
    /// timeline or a reference larger than the reader accepts: `size` is
    /// the file's size, or `None` for a stream (a pipe, a FIFO,
    /// `/dev/zero`) that went past `limit`.
    #[error("{path}: too large: {} the limit of {limit} bytes per document", too_large(*.size))]
    TooLarge {
        path: PathBuf,
        size: Option<u64>,
        limit: u64,
    },
    /// A JSON Lines record (one line) longer than the reader accepts; the
    /// rest of its file is not read (a line with no end, `/dev/zero`,
    /// would otherwise be read forever).
    #[error(
        "{path}:{line}: the record at byte offset {offset} is longer than the limit of {limit} bytes per document; the rest of the file is not read"
    )]
    RecordTooLarge {
        path: PathBuf,
        line: usize,
        offset: u64,
        limit: u64,
    },
    /// A malformed record in a JSON Lines file, a metadata sidecar or a
    /// reference timeline.
    #[error("{path}:{line}: {message}")]
    Format {
        path: PathBuf,
        line: usize,
        message: String,
    },
    /// A date that does not exist in its calendar (31 Mehr, 30 Esfand of a
    /// common year, 29 February of a common year, month 13, day 0 …).
    #[error("{0}")]
    Date(#[from] DateError),
    /// A date or expression that could not be parsed at all.
    #[error("cannot read {input:?} as a date: {reason}")]
    Parse { input: String, reason: String },
    /// A file given as a saved timeline that is not one: `message` says
    /// why ("is not a tarikh timeline: it is not JSON (…).").
    #[error("{name} {message}")]
    NotATimeline { name: String, message: String },
    /// An output asked for in a format it has no form in (a dates listing
    /// as HTML).
    #[error("{output} cannot be written as {format}")]
    Unsupported {
        output: &'static str,
        format: &'static str,
    },
    /// Writing an output file failed; the previous file, if any, is intact.
    #[error("{path}: cannot write: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

fn too_large(size: Option<u64>) -> String {
    match size {
        Some(size) => format!("{size} bytes, more than"),
        None => "more than".to_string(),
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What is wrong with a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DateErrorKind {
    /// A year outside [`crate::calendar::YEARS`].
    YearOutOfRange,
    /// A month outside 1–12.
    MonthOutOfRange,
    /// Day 0, or a day past the end of its month.
    DayOutOfRange,
    /// A day given without a month.
    DayWithoutMonth,
}

/// A date that does not exist (or cannot be handled) in its calendar. The
/// message is one sentence that says why, e.g. "1404-12-30 does not exist in
/// the Solar Hijri calendar: Esfand 1404 has 29 days (1404 is not a leap
/// year)".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct DateError {
    calendar: Calendar,
    kind: DateErrorKind,
    subject: String,
    reason: String,
    message: String,
}

impl DateError {
    pub(crate) fn new(
        calendar: Calendar,
        kind: DateErrorKind,
        subject: String,
        reason: String,
    ) -> Self {
        let message = match kind {
            DateErrorKind::YearOutOfRange => format!(
                "{subject} is outside the supported range of the {} calendar: {reason}",
                calendar.label()
            ),
            DateErrorKind::DayWithoutMonth => format!(
                "{subject} cannot be placed in the {} calendar: {reason}",
                calendar.label()
            ),
            _ => format!(
                "{subject} does not exist in the {} calendar: {reason}",
                calendar.label()
            ),
        };
        DateError {
            calendar,
            kind,
            subject,
            reason,
            message,
        }
    }

    /// The calendar the date was given in.
    pub fn calendar(&self) -> Calendar {
        self.calendar
    }

    /// What is wrong.
    pub fn kind(&self) -> DateErrorKind {
        self.kind
    }

    /// What the sentence is about: the whole date (`1404-12-30`), or the
    /// offending part (`month 13`, `day 0`, `year 10000`).
    pub fn subject(&self) -> &str {
        &self.subject
    }

    /// Why, without the subject: "Esfand 1404 has 29 days (1404 is not a
    /// leap year)", "a year has 12 months".
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// The whole sentence without its leading subject: "does not exist in
    /// the Solar Hijri calendar: …". Handy after a caller has already
    /// printed the input.
    pub fn predicate(&self) -> &str {
        self.message
            .strip_prefix(self.subject.as_str())
            .map(str::trim_start)
            .unwrap_or(&self.message)
    }
}
