//! The library's one public error type.
//!
//! Errors are about *input that cannot be read* or *arguments that cannot be
//! honoured*. Findings about the content of a readable article (an impossible
//! date, layout damage, a calendar mismatch) are never errors: they are
//! [`crate::diagnostic::Diagnostic`]s and do not change the exit status.

use std::path::PathBuf;

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
    /// A file larger than the reader accepts.
    #[error("{path}: too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge {
        path: PathBuf,
        size: u64,
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
    Date(#[from] crate::calendar::DateError),
    /// A date or expression that could not be parsed at all.
    #[error("cannot read {input:?} as a date: {reason}")]
    Parse { input: String, reason: String },
    /// Writing an output file failed; the previous file, if any, is intact.
    #[error("{path}: cannot write: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
