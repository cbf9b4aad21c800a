//! Reading: files, directories, JSON Lines and stdin into [`Document`]s.
//!
//! Every input yields one result per document, or one error per unreadable
//! file (or JSON Lines line): one bad file never stops the rest. Text must be
//! UTF-8; a leading BOM is dropped, a NUL byte marks a binary file.
//!
//! # Bounds
//!
//! [`ReadOptions::max_bytes`] (64 MiB by default; `--max-doc-bytes` on the
//! command line) bounds each *document*: a plain-text file larger than it
//! is refused before it is read, and a stream read as one article (stdin,
//! a FIFO, `/dev/zero`) is refused as soon as it passes it. A JSON Lines
//! file or stream is read record by record, each line bounded by it, so
//! its total size is not bounded: a line past the bound is an error naming
//! the file, the line and the byte offset where it starts, and the rest of
//! that file is not read (a line with no end would be read forever). A
//! NUL byte in a JSON Lines input stops it the same way, after the records
//! before it.
//!
//! # Inputs
//!
//! - A file: plain text (`.txt`, `.md`, anything not `.jsonl`) is one
//!   document whose id is the file stem; a `.jsonl` file is one document per
//!   record.
//! - A directory: walked recursively, taking files ending `.txt`, `.md` and
//!   `.jsonl`, sorted by path; names starting with `.` are skipped, and
//!   symbolic links to directories are not followed (no loops). A link
//!   that leads nowhere, or a FIFO, socket or device with one of those
//!   extensions, is an error for that name (a FIFO is read only when given
//!   by name: in a directory, one with no writer would block the walk). Ids are the
//!   path relative to the directory, without extension, `/`-separated:
//!   `fa/karabakh-aran` for `data/articles/fa/karabakh-aran.txt` read via
//!   `data/articles`. A directory with no such file gives zero documents.
//! - `-`: standard input, id `stdin`, plain text unless the format is
//!   [`InputFormat::Jsonl`]. A FIFO or a device given by name is read the
//!   same way: as a stream, bounded (see below).
//!
//! # Metadata
//!
//! A sidecar `NAME.toml` beside `NAME.txt` or `NAME.md` may set `lang`,
//! `source`, `title` and `published` (`"YYYY-MM-DD"` or a TOML date); all are
//! optional, any other key is an error. A sidecar's `source` replaces the
//! path in [`Document::source`]. A bad sidecar is an error for its document
//! only.
//!
//! A JSON Lines record is `{"id", "text", "lang", "published", "source",
//! "title"}`, only `text` required (`url` is accepted for `source`: when a
//! record has both, a non-empty `source` wins and `url` stands in for a
//! missing or empty one; other fields are ignored). Without `id` the id is `<id of the file>#<line>`
//! (line numbers from 1). Blank lines are skipped; a bad line is an error
//! naming the file and line, and the other lines are still read.
//! `published` accepts Persian and Arabic-Indic digits.
//!
//! # Unique ids
//!
//! Ids are unique among everything one call reads: inputs that would share
//! one (`a/x.txt b/x.txt`, two records with one `"id"`, `- -`) are told
//! apart by their paths and lines, never by the order of the arguments,
//! and each renamed document gets a `duplicate-id` warning
//! ([`read_all`]; the rules are in [`super::ids`]).

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{Origin, make_unique};
use crate::Error;
use crate::diagnostic::Diagnostic;

/// One article as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Document {
    /// Stable id: see the [module docs](self).
    pub id: String,
    /// The path as given, or the sidecar's / record's `source` (a record's
    /// `url` when it has no `source`).
    pub source: String,
    /// The text exactly as read (a leading UTF-8 BOM dropped).
    pub text: String,
    /// Language tag from metadata (`fa`, `en`), if any.
    pub lang: Option<String>,
    /// Publication date, if known.
    pub published: Option<NaiveDate>,
    /// Where `published` came from.
    pub published_from: Option<PublishedFrom>,
    /// Title from metadata, if any.
    pub title: Option<String>,
}

/// Where a document's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PublishedFrom {
    /// Given on the command line.
    Argument,
    /// A sidecar or JSON Lines record.
    Metadata,
    /// Found in the article's dateline.
    Dateline,
}

/// How inputs are parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// By extension: `.jsonl` is JSON Lines, everything else (and stdin) text.
    #[default]
    Auto,
    /// Every input is one plain-text document.
    Text,
    /// Every input is JSON Lines.
    Jsonl,
    /// Every input is a TimeML file: its `<TEXT>` is the article, its DCT
    /// the publication date (`text::timeml`).
    Timeml,
}

/// Options for [`read_inputs`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// How inputs are parsed.
    pub format: InputFormat,
    /// The largest document accepted, in bytes: a plain-text file or
    /// standard input read as one article, and each JSON Lines record (one
    /// line). A JSON Lines file or stream is read record by record, so its
    /// total size is not bounded by it.
    pub max_bytes: u64,
}

impl ReadOptions {
    /// The default limit: 64 MiB.
    pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: InputFormat::Auto,
            max_bytes: Self::DEFAULT_MAX_BYTES,
        }
    }
}

const EXTENSIONS: &[&str] = &["txt", "md", "jsonl"];

/// Everything one call of [`read_all`] read.
#[derive(Debug)]
pub struct Inputs {
    /// One result per document, or per unreadable file, in the order of
    /// the arguments; the documents' ids are unique.
    pub documents: Vec<Result<Document, Error>>,
    /// A `duplicate-id` warning for every document whose id had to be
    /// qualified to be unique.
    pub diagnostics: Vec<Diagnostic>,
}

/// Where the readers below put what they read: a document and where it
/// was read from (with the input bytes it took), or an error. A list for
/// [`read_all`], a channel for [`stream`].
trait Sink {
    fn push(&mut self, item: Result<(Document, Origin), Error>) {
        self.push_sized(item, 0);
    }
    /// `item`, which took `bytes` of input (a file's size, a record's line).
    fn push_sized(&mut self, item: Result<(Document, Origin), Error>, bytes: u64);
    /// False when only ids and errors are wanted (the first pass of
    /// [`stream`]): a JSON Lines record's text is then checked, not kept.
    fn wants_text(&self) -> bool {
        true
    }
}

impl Sink for Vec<Result<(Document, Origin), Error>> {
    fn push_sized(&mut self, item: Result<(Document, Origin), Error>, _: u64) {
        Vec::push(self, item);
    }
}

type Out = dyn Sink;

/// Reads every input: files, directories (recursively, files ending .txt,
/// .md, .jsonl; sorted by path for determinism), and "-" for stdin.
/// One result per document, or per unreadable file; one bad file never stops
/// the rest. Ids are unique (see the [module docs](self)); the warnings
/// for the ids that were qualified are dropped: [`read_all`] keeps them.
pub fn read_inputs(inputs: &[PathBuf], opts: &ReadOptions) -> Vec<Result<Document, Error>> {
    read_all(inputs, opts).documents
}

/// [`read_inputs`], with the `duplicate-id` warnings.
pub fn read_all(inputs: &[PathBuf], opts: &ReadOptions) -> Inputs {
    let out = read_each(inputs, opts);
    let mut read: Vec<(Document, Origin)> = Vec::new();
    let mut slots: Vec<Result<usize, Error>> = Vec::with_capacity(out.len());
    for r in out {
        slots.push(r.map(|d| {
            read.push(d);
            read.len() - 1
        }));
    }
    let diagnostics = make_unique(&mut read);
    let mut docs: Vec<Option<Document>> = read.into_iter().map(|(d, _)| Some(d)).collect();
    let documents = slots
        .into_iter()
        .map(|s| s.map(|i| docs[i].take().expect("each document once")))
        .collect();
    Inputs {
        documents,
        diagnostics,
    }
}

fn read_each(inputs: &[PathBuf], opts: &ReadOptions) -> Vec<Result<(Document, Origin), Error>> {
    let mut out = Vec::new();
    read_into(inputs, opts, true, &mut out);
    out
}

/// Reads every input into `out`, in the order of the arguments; standard
/// input, FIFOs and devices only when `stdin` (the first pass of
/// [`stream`] leaves what can be read only once to the second).
fn read_into(inputs: &[PathBuf], opts: &ReadOptions, stdin: bool, out: &mut Out) {
    for input in inputs {
        if input.as_os_str() == "-" {
            if stdin {
                read_stdin(opts, out);
            }
            continue;
        }
        match fs::metadata(input) {
            Err(source) => out.push(Err(Error::Io {
                path: input.clone(),
                source,
            })),
            Ok(meta) if meta.is_dir() => {
                let mut files = Vec::new();
                walk(input, &mut files, out);
                files.sort();
                for file in files {
                    let id = relative_id(input, &file);
                    let named = id.split('/').count();
                    read_file(&file, id, Origin::file(&file, named), opts, out);
                }
            }
            Ok(meta) => {
                // A FIFO or a device given by name is read once.
                if !meta.is_file() && !stdin {
                    continue;
                }
                let id = stem(input);
                let mut origin = Origin::file(input, 1);
                origin.once = !meta.is_file();
                read_file(input, id, origin, opts, out);
            }
        }
    }
}

fn read_stdin(opts: &ReadOptions, out: &mut Out) {
    let path = PathBuf::from("-");
    if opts.format == InputFormat::Jsonl {
        let stdin = std::io::stdin();
        read_jsonl(
            &path,
            "stdin",
            &Origin::stdin(),
            stdin.lock(),
            opts.max_bytes,
            out,
        );
        return;
    }
    let mut bytes = Vec::new();
    let res = std::io::stdin()
        .lock()
        .take(opts.max_bytes.saturating_add(1))
        .read_to_end(&mut bytes);
    if let Err(source) = res {
        out.push(Err(Error::Io { path, source }));
        return;
    }
    if bytes.len() as u64 > opts.max_bytes {
        out.push(Err(Error::TooLarge {
            path,
            size: None,
            limit: opts.max_bytes,
        }));
        return;
    }
    if opts.format == InputFormat::Timeml {
        out.push_sized(
            timeml_document(&path, "stdin".to_string(), &bytes).map(|mut d| {
                d.source = "-".to_string();
                (d, Origin::stdin())
            }),
            bytes.len() as u64,
        );
        return;
    }
    let size = bytes.len() as u64;
    out.push_sized(
        decode(&path, &bytes).map(|text| {
            let doc = Document {
                id: "stdin".to_string(),
                source: "-".to_string(),
                text,
                lang: None,
                published: None,
                published_from: None,
                title: None,
            };
            (doc, Origin::stdin())
        }),
        size,
    );
}

/// Collects the candidate files under `dir` (unsorted); directory errors go
/// to `out`.
fn walk(dir: &Path, files: &mut Vec<PathBuf>, out: &mut Out) {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(source) => {
            out.push(Err(Error::Io {
                path: dir.to_path_buf(),
                source,
            }));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(source) => {
                out.push(Err(Error::Io {
                    path: dir.to_path_buf(),
                    source,
                }));
                continue;
            }
        };
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(ft) = entry.file_type() else { continue };
        if ft.is_dir() {
            walk(&path, files, out);
        } else if has_text_extension(&path) {
            // A symlink counts if it leads to a file; symlinked directories
            // are never followed. A link that leads nowhere, a FIFO, a
            // socket or a device with a text name is reported, not read (a
            // FIFO with no writer would be waited on forever).
            let target = if ft.is_symlink() {
                fs::metadata(&path).map(|m| m.file_type())
            } else {
                Ok(ft)
            };
            match target {
                Ok(t) if t.is_file() => files.push(path),
                Ok(t) if t.is_dir() => {}
                Ok(_) => out.push(Err(Error::Io {
                    path,
                    source: std::io::Error::new(
                        std::io::ErrorKind::InvalidInput,
                        "not a regular file (a FIFO, a socket or a device); in a directory only files are read",
                    ),
                })),
                Err(source) => out.push(Err(Error::Io { path, source })),
            }
        }
    }
}

fn has_text_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e))
}

fn is_jsonl(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "jsonl")
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string_lossy().into_owned())
}

fn relative_id(root: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(root).unwrap_or(file).with_extension("");
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn read_file(path: &Path, id: String, origin: Origin, opts: &ReadOptions, out: &mut Out) {
    let jsonl = match opts.format {
        InputFormat::Auto => is_jsonl(path),
        InputFormat::Text | InputFormat::Timeml => false,
        InputFormat::Jsonl => true,
    };
    if jsonl {
        // Record by record: the file as a whole is not bounded.
        match fs::File::open(path) {
            Ok(f) => read_jsonl(path, &id, &origin, BufReader::new(f), opts.max_bytes, out),
            Err(source) => out.push(Err(Error::Io {
                path: path.to_path_buf(),
                source,
            })),
        }
        return;
    }
    match read_limited(path, opts.max_bytes) {
        Ok(bytes) if opts.format == InputFormat::Timeml => out.push_sized(
            timeml_document(path, id, &bytes).map(|d| (d, origin)),
            bytes.len() as u64,
        ),
        Ok(bytes) => out.push_sized(
            text_document(path, id, &bytes).map(|d| (d, origin)),
            bytes.len() as u64,
        ),
        Err(e) => out.push(Err(e)),
    }
}

/// A TimeML file as a document: its `<TEXT>`, its DCT as the publication
/// date; a file with no `<TEXT>` (or a tag left open) is a format error
/// naming the line.
fn timeml_document(path: &Path, id: String, bytes: &[u8]) -> Result<Document, Error> {
    let src = decode(path, bytes)?;
    let (text, dct) = super::timeml::read(&src).map_err(|(at, message)| Error::Format {
        path: path.to_path_buf(),
        line: src[..at.min(src.len())].matches('\n').count() + 1,
        message: format!("is not TimeML: {message}"),
    })?;
    Ok(Document {
        id,
        source: path.to_string_lossy().into_owned(),
        text,
        lang: None,
        published: dct,
        published_from: dct.map(|_| PublishedFrom::Metadata),
        title: None,
    })
}

/// The bytes of a file, at most `limit` of them: a larger file is
/// [`Error::TooLarge`] with its size, before anything is read; a stream
/// (a FIFO, a device such as `/dev/zero`) or a file that grows while it is
/// read is read up to the limit and then refused, with no size.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, Error> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > limit {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: Some(size),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: None,
            limit,
        });
    }
    Ok(bytes)
}

fn text_document(path: &Path, id: String, bytes: &[u8]) -> Result<Document, Error> {
    let text = decode(path, bytes)?;
    let mut doc = Document {
        id,
        source: path.to_string_lossy().into_owned(),
        text,
        lang: None,
        published: None,
        published_from: None,
        title: None,
    };
    let sidecar = path.with_extension("toml");
    if sidecar.is_file() {
        let meta = read_sidecar(&sidecar)?;
        if meta.lang.is_some() {
            doc.lang = meta.lang;
        }
        if let Some(source) = meta.source {
            doc.source = source;
        }
        doc.title = meta.title;
        if let Some(date) = meta.published {
            doc.published = Some(date);
            doc.published_from = Some(PublishedFrom::Metadata);
        }
    }
    Ok(doc)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSidecar {
    lang: Option<String>,
    source: Option<String>,
    title: Option<String>,
    published: Option<toml::Value>,
}

struct Sidecar {
    lang: Option<String>,
    source: Option<String>,
    title: Option<String>,
    published: Option<NaiveDate>,
}

fn read_sidecar(path: &Path) -> Result<Sidecar, Error> {
    let bytes = read_limited(path, 1024 * 1024)?;
    let text = decode(path, &bytes)?;
    let format = |line: usize, message: String| Error::Format {
        path: path.to_path_buf(),
        line,
        message,
    };
    let raw: RawSidecar = toml::from_str(&text).map_err(|e| {
        let line = e.span().map_or(0, |s| {
            text[..s.start.min(text.len())].matches('\n').count() + 1
        });
        format(line, e.message().trim().to_string())
    })?;
    let published = match raw.published {
        None => None,
        Some(toml::Value::String(s)) => Some(parse_date(&s).ok_or_else(|| {
            format(
                line_of_key(&text, "published"),
                format!("published: {s:?} is not a date YYYY-MM-DD"),
            )
        })?),
        Some(toml::Value::Datetime(dt)) => match (dt.date, dt.time) {
            (Some(d), None) => {
                NaiveDate::from_ymd_opt(i32::from(d.year), d.month.into(), d.day.into())
            }
            _ => None,
        }
        .map(Some)
        .ok_or_else(|| {
            format(
                line_of_key(&text, "published"),
                format!("published: {dt} is not a date YYYY-MM-DD"),
            )
        })?,
        Some(other) => {
            return Err(format(
                line_of_key(&text, "published"),
                format!(
                    "published: expected a date YYYY-MM-DD, found {}",
                    other.type_str()
                ),
            ));
        }
    };
    Ok(Sidecar {
        lang: raw.lang,
        source: raw.source,
        title: raw.title,
        published,
    })
}

fn line_of_key(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| l.trim_start().starts_with(key))
        .map_or(0, |i| i + 1)
}

/// Parses `YYYY-MM-DD` (ASCII, Persian or Arabic-Indic digits).
fn parse_date(s: &str) -> Option<NaiveDate> {
    let ascii: String = s
        .trim()
        .chars()
        .map(|c| match c {
            '\u{6f0}'..='\u{6f9}' => char::from(b'0' + (c as u32 - 0x6f0) as u8),
            '\u{660}'..='\u{669}' => char::from(b'0' + (c as u32 - 0x660) as u8),
            _ => c,
        })
        .collect();
    let mut parts = ascii.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

#[derive(Deserialize)]
struct Record<T = String> {
    id: Option<String>,
    text: T,
    lang: Option<String>,
    published: Option<String>,
    source: Option<String>,
    url: Option<String>,
    title: Option<String>,
}

/// A JSON string read and dropped: what a record's `text` is in the first
/// pass of [`stream`] (a string is required, as for the record itself, but
/// never copied).
struct Checked;

impl<'de> Deserialize<'de> for Checked {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Checked;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<Checked, E> {
                Ok(Checked)
            }
        }
        d.deserialize_str(V)
    }
}

/// Reads JSON Lines record by record from `reader`, each line bounded by
/// `max` bytes (its line break not counted). Offsets in errors are byte
/// offsets in the input (counting a BOM).
fn read_jsonl<R: BufRead>(
    path: &Path,
    file_id: &str,
    file: &Origin,
    mut reader: R,
    max: u64,
    out: &mut Out,
) {
    let mut buf = Vec::new();
    let mut start: u64 = 0;
    let mut line_no = 0;
    loop {
        buf.clear();
        // At most `max` bytes and the line break: a longer line stops here,
        // whatever follows it (a stream with no line break has no end).
        let got = match (&mut reader)
            .take(max.saturating_add(1))
            .read_until(b'\n', &mut buf)
        {
            Ok(n) => n,
            Err(source) => {
                out.push(Err(Error::Io {
                    path: path.to_path_buf(),
                    source,
                }));
                return;
            }
        };
        if got == 0 {
            return;
        }
        line_no += 1;
        let line_start = start;
        start += got as u64;
        let raw = match buf.strip_suffix(b"\n") {
            Some(r) => r,
            None if buf.len() as u64 > max => {
                out.push(Err(Error::RecordTooLarge {
                    path: path.to_path_buf(),
                    line: line_no,
                    offset: line_start,
                    limit: max,
                }));
                return;
            }
            None => &buf[..],
        };
        let (bom, raw) = if line_no == 1 {
            strip_bom(raw)
        } else {
            (0, raw)
        };
        let at = |i: usize| line_start as usize + bom + i;
        if let Some(i) = raw.iter().position(|&b| b == 0) {
            out.push(Err(Error::Binary {
                path: path.to_path_buf(),
                offset: at(i),
            }));
            return;
        }
        let line = match std::str::from_utf8(raw) {
            Ok(l) => l,
            Err(e) => {
                out.push(Err(Error::InvalidUtf8 {
                    path: path.to_path_buf(),
                    offset: at(e.valid_up_to()),
                }));
                continue;
            }
        };
        if let Some(r) = record(path, file_id, file, line_no, line, out.wants_text()) {
            out.push_sized(r, got as u64);
        }
    }
}

/// One JSON Lines record (`None` for a blank line).
fn record(
    path: &Path,
    file_id: &str,
    file: &Origin,
    line_no: usize,
    line: &str,
    keep_text: bool,
) -> Option<Result<(Document, Origin), Error>> {
    if line.trim().is_empty() {
        return None;
    }
    let format = |message: String| Error::Format {
        path: path.to_path_buf(),
        line: line_no,
        message,
    };
    let parsed = if keep_text {
        serde_json::from_str::<Record>(line)
    } else {
        // The same checks with the text read but not kept.
        serde_json::from_str::<Record<Checked>>(line).map(|r| Record {
            id: r.id,
            text: String::new(),
            lang: r.lang,
            published: r.published,
            source: r.source,
            url: r.url,
            title: r.title,
        })
    };
    let rec: Record = match parsed {
        Ok(r) => r,
        Err(e) => {
            return Some(Err(format(format!(
                "not a JSON record with a \"text\": {e}"
            ))));
        }
    };
    let published = match rec.published.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => match parse_date(s) {
            Some(d) => Some(d),
            None => {
                return Some(Err(format(format!(
                    "published: {s:?} is not a date YYYY-MM-DD"
                ))));
            }
        },
    };
    let origin = Origin::record(file, line_no, rec.id.is_some());
    let doc = Document {
        id: rec.id.unwrap_or_else(|| format!("{file_id}#{line_no}")),
        source: [rec.source, rec.url]
            .into_iter()
            .flatten()
            .find(|s| !s.trim().is_empty())
            .unwrap_or_else(|| path.to_string_lossy().into_owned()),
        text: rec.text,
        lang: rec.lang,
        published_from: published.map(|_| PublishedFrom::Metadata),
        published,
        title: rec.title,
    };
    Some(Ok((doc, origin)))
}

fn strip_bom(bytes: &[u8]) -> (usize, &[u8]) {
    match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (3, rest),
        None => (0, bytes),
    }
}

/// Decodes a file's bytes: drops a leading UTF-8 BOM, refuses a NUL byte
/// ([`Error::Binary`]) and invalid UTF-8 ([`Error::InvalidUtf8`]), both with
/// the byte offset in `bytes` (counting the BOM).
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String, Error> {
    let (bom, body) = strip_bom(bytes);
    if let Some(offset) = body.iter().position(|&b| b == 0) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            offset: offset + bom,
        });
    }
    match std::str::from_utf8(body) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(Error::InvalidUtf8 {
            path: path.to_path_buf(),
            offset: bom + e.valid_up_to(),
        }),
    }
}

/// One item of a [`stream`]: a document, or an input that could not be
/// read, in the order [`read_all`] gives them.
#[derive(Debug)]
pub struct Item {
    pub document: Result<Document, Error>,
    /// The `duplicate-id` warning when the document's id was qualified.
    pub warning: Option<Diagnostic>,
    /// The bytes of input it took: a file's size, a record's line.
    pub bytes: u64,
}

/// The documents of many inputs, read one at a time on a thread of their
/// own: what `tarikh dates` and `tarikh extract` read a corpus with, in
/// memory bounded by the items waiting to be taken (`capacity`), not by
/// the corpus.
///
/// Ids are those [`read_all`] gives: a first pass reads every file for its
/// ids only (a record's text is checked, not kept) and keeps nothing but
/// them; when some id is met twice, the files are read once more for the
/// documents' origins, and the ids made unique as [`read_all`] does (so
/// memory grows with the number of documents only for a corpus with
/// duplicate ids, by about 300 bytes a document). The last pass reads the
/// documents. What can
/// be read only once (standard input, a FIFO or a device given by name)
/// is read in the second pass alone: its documents keep their ids unless
/// one is already taken, and then take their line or a number
/// (`unique_in_stream`), so with such an input the ids depend on the
/// order of the stream.
pub struct Stream {
    rx: std::sync::mpsc::Receiver<Item>,
    /// The bytes of every input, when all are files (for a progress bar).
    pub total_bytes: Option<u64>,
}

impl Iterator for Stream {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        self.rx.recv().ok()
    }
}

/// A document's id as read, as made unique, and the warning saying so.
type Planned = (String, String, Option<Diagnostic>);

/// The ids of every document of the files among `inputs` (what can be read
/// only once is left out), made unique as [`read_all`] makes them.
fn plan_ids(inputs: &[PathBuf], opts: &ReadOptions) -> Vec<Planned> {
    struct Plan(Vec<(Document, Origin)>);
    impl Sink for Plan {
        fn push_sized(&mut self, item: Result<(Document, Origin), Error>, _: u64) {
            if let Ok((mut d, o)) = item {
                d.text = String::new();
                self.0.push((d, o));
            }
        }
        fn wants_text(&self) -> bool {
            false
        }
    }
    let mut plan = Plan(Vec::new());
    read_into(inputs, opts, false, &mut plan);
    let original: Vec<String> = plan.0.iter().map(|(d, _)| d.id.clone()).collect();
    let warnings = make_unique(&mut plan.0);
    let mut warned: std::collections::HashMap<String, Diagnostic> = warnings
        .into_iter()
        .map(|w| (w.document.clone(), w))
        .collect();
    original
        .into_iter()
        .zip(plan.0)
        .map(|(old, (d, _))| {
            let w = warned.remove(&d.id);
            (old, d.id, w)
        })
        .collect()
}

/// Reads `inputs` as a [`Stream`]; at most `capacity` items wait.
pub fn stream(inputs: &[PathBuf], opts: &ReadOptions, capacity: usize) -> Stream {
    // First pass: ids only. Most corpora have no id twice; then only the
    // ids are kept, and only when a stream needs them. Otherwise the
    // documents' origins are read again to qualify their ids as
    // `read_all` does.
    struct Ids {
        count: rustc_hash::FxHashMap<String, u32>,
        twice: bool,
        bytes: u64,
    }
    impl Sink for Ids {
        fn push_sized(&mut self, item: Result<(Document, Origin), Error>, bytes: u64) {
            self.bytes += bytes;
            if let Ok((d, _)) = item {
                let n = self.count.entry(d.id).or_insert(0);
                *n += 1;
                self.twice |= *n > 1;
            }
        }
        fn wants_text(&self) -> bool {
            false
        }
    }
    let mut ids = Ids {
        count: Default::default(),
        twice: false,
        bytes: 0,
    };
    read_into(inputs, opts, false, &mut ids);
    let planned = ids.twice.then(|| plan_ids(inputs, opts));
    let once = inputs.iter().any(|p| {
        p.as_os_str() == "-" || fs::metadata(p).is_ok_and(|m| !m.is_file() && !m.is_dir())
    });
    let total_bytes = (!once).then_some(ids.bytes);
    // The ids a document read once must not take.
    let used: std::collections::HashSet<String> = match (&planned, once) {
        (_, false) => Default::default(),
        (Some(p), true) => p.iter().map(|(_, new, _)| new.clone()).collect(),
        (None, true) => ids.count.into_keys().collect(),
    };

    // Second pass: the documents, on their own thread.
    struct Send {
        tx: std::sync::mpsc::SyncSender<Item>,
        /// The ids of the files' documents, in reading order, when some
        /// had to be qualified (`None`: every id is kept as read).
        planned: Option<std::vec::IntoIter<Planned>>,
        used: std::collections::HashSet<String>,
        /// Inputs read once that are given more than once (`- -`).
        repeated: Vec<Vec<String>>,
    }
    impl Sink for Send {
        fn push_sized(&mut self, item: Result<(Document, Origin), Error>, bytes: u64) {
            let (document, warning) = match item {
                Err(e) => (Err(e), None),
                Ok((mut d, o)) => {
                    let warning;
                    let planned = match &mut self.planned {
                        _ if o.once => None,
                        // Every id is kept as read.
                        None => Some((d.id.clone(), d.id.clone(), None)),
                        Some(p) => p.next(),
                    };
                    match planned {
                        Some((old, new, w)) if old == d.id => {
                            d.id = new;
                            warning = w;
                        }
                        // Standard input, or a file that changed between
                        // the passes.
                        _ => {
                            let repeated = self.repeated.iter().any(|k| k == o.input_key());
                            warning =
                                super::ids::unique_in_stream(&mut d, &o, repeated, &mut self.used);
                        }
                    }
                    (Ok(d), warning)
                }
            };
            // A closed receiver has stopped reading: the rest is not wanted.
            let _ = self.tx.send(Item {
                document,
                warning,
                bytes,
            });
        }
    }
    let (tx, rx) = std::sync::mpsc::sync_channel(capacity.max(1));
    let mut keys: Vec<Vec<String>> = inputs
        .iter()
        .filter(|p| {
            p.as_os_str() == "-" || fs::metadata(p).is_ok_and(|m| !m.is_file() && !m.is_dir())
        })
        .map(|p| {
            if p.as_os_str() == "-" {
                Origin::stdin().input_key().to_vec()
            } else {
                Origin::file(p, 1).input_key().to_vec()
            }
        })
        .collect();
    keys.sort();
    let repeated = keys
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| w[0].clone())
        .collect();
    let mut sink = Send {
        tx,
        planned: planned.map(Vec::into_iter),
        used,
        repeated,
    };
    let inputs = inputs.to_vec();
    let opts = *opts;
    std::thread::spawn(move || read_into(&inputs, &opts, true, &mut sink));
    Stream { rx, total_bytes }
}
