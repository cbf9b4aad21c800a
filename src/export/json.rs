//! JSON output: the dates listing (`tarikh.dates/1`).
//!
//! Output is deterministic: documents in input order, dates in document
//! order, diagnostics sorted; no timestamps. Keys follow the contract in
//! `docs/timeline-json.md`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::temporal::DateEntry;
use crate::temporal::DocumentInfo;

/// The generator block of every output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Generator {
    pub name: String,
    pub version: String,
}

impl Default for Generator {
    fn default() -> Self {
        Generator {
            name: crate::NAME.to_string(),
            version: crate::VERSION.to_string(),
        }
    }
}

/// The schema string of the dates listing.
pub const DATES_SCHEMA: &str = "tarikh.dates/1";

/// `tarikh dates --format json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DatesListing {
    pub schema: String,
    pub generator: Generator,
    pub documents: Vec<DocumentInfo>,
    pub dates: Vec<DateEntry>,
    pub diagnostics: Vec<Diagnostic>,
    /// The documents' texts as read, in `documents` order, for the one
    /// format that writes the text back (TimeML); never on the wire.
    #[serde(skip)]
    #[schemars(skip)]
    pub texts: Vec<String>,
}

impl DatesListing {
    /// An empty listing.
    pub fn new() -> Self {
        DatesListing {
            schema: DATES_SCHEMA.to_string(),
            generator: Generator::default(),
            documents: Vec::new(),
            dates: Vec::new(),
            diagnostics: Vec::new(),
            texts: Vec::new(),
        }
    }
}

impl Default for DatesListing {
    fn default() -> Self {
        Self::new()
    }
}

/// Pretty JSON with a final newline, with no control character raw (see
/// [`escape_controls`]).
pub fn to_string<T: Serialize>(value: &T) -> String {
    let mut s =
        serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    s.push('\n');
    escape_controls(s)
}

/// [`to_string`] written to `out` as it is made, never held whole: the
/// same bytes, for outputs too large to build in memory (the timeline of a
/// corpus).
pub fn write_pretty<T: Serialize, W: std::io::Write>(value: &T, out: W) -> std::io::Result<()> {
    let mut w = EscapeControls { out, lead: false };
    serde_json::to_writer_pretty(&mut w, value).map_err(|e| match e.io_error_kind() {
        // A closed pipe stays a closed pipe.
        Some(kind) => std::io::Error::from(kind),
        None => std::io::Error::other(e),
    })?;
    if w.lead {
        // A lone 0xC2 cannot end valid UTF-8: serde_json never writes one.
        w.out.write_all(b"\xc2")?;
    }
    w.out.write_all(b"\n")?;
    w.out.flush()
}

/// The writer form of [`escape_controls`]: DEL (0x7F) and the C1 controls
/// (UTF-8 `C2 80`–`C2 9F`) become `\u` escapes as the bytes pass, a `C2`
/// held back when a write ends on it.
struct EscapeControls<W> {
    out: W,
    /// The last byte written was a `C2` lead byte, not yet passed on.
    lead: bool,
}

impl<W: std::io::Write> std::io::Write for EscapeControls<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut from = 0;
        let mut i = 0;
        if self.lead {
            self.lead = false;
            match buf.first() {
                Some(&b) if (0x80..=0x9f).contains(&b) => {
                    write!(self.out, "\\u{:04x}", b)?;
                    from = 1;
                    i = 1;
                }
                _ => self.out.write_all(&[0xc2])?,
            }
        }
        while i < buf.len() {
            let b = buf[i];
            if b == 0x7f {
                self.out.write_all(&buf[from..i])?;
                self.out.write_all(b"\\u007f")?;
                from = i + 1;
            } else if b == 0xc2 {
                match buf.get(i + 1) {
                    Some(&c) if (0x80..=0x9f).contains(&c) => {
                        self.out.write_all(&buf[from..i])?;
                        write!(self.out, "\\u{:04x}", c)?;
                        i += 1;
                        from = i + 1;
                    }
                    Some(_) => {}
                    None => {
                        self.out.write_all(&buf[from..i])?;
                        self.lead = true;
                        from = buf.len();
                    }
                }
            }
            i += 1;
        }
        self.out.write_all(&buf[from.min(buf.len())..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// One compact JSON line with its newline (JSON Lines), with no control
/// character raw (see [`escape_controls`]).
pub fn to_line<T: Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string(value).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    s.push('\n');
    escape_controls(s)
}

/// JSON text with DEL and the C1 controls (U+007F–U+009F, which include
/// CSI, U+009B) written as `\u` escapes: serde_json escapes only C0, and
/// JSON printed to a terminal must not carry anything it acts on. The
/// escaped text reads back to the same strings. Outside strings JSON text
/// is ASCII, so every such character is inside a string.
pub fn escape_controls(json: String) -> String {
    if !json.chars().any(is_raw_control) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_raw_control(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn is_raw_control(c: char) -> bool {
    ('\u{7f}'..='\u{9f}').contains(&c)
}

/// The schema string of the timeline.
pub const TIMELINE_SCHEMA: &str = "tarikh.timeline/1";

/// `tarikh extract --format json`: the timeline with its header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TimelineFile {
    pub schema: String,
    pub generator: Generator,
    #[serde(flatten)]
    pub timeline: crate::timeline::Timeline,
}

impl TimelineFile {
    /// Wraps a timeline with the schema string and generator.
    pub fn new(timeline: crate::timeline::Timeline) -> Self {
        TimelineFile {
            schema: TIMELINE_SCHEMA.to_string(),
            generator: Generator::default(),
            timeline,
        }
    }
}

/// `tarikh check --format json`: the report with its header
/// (`tarikh.check/1`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CheckFile {
    pub schema: String,
    pub generator: Generator,
    #[serde(flatten)]
    pub report: crate::check::CheckReport,
}

impl CheckFile {
    /// Wraps a report with the schema string and generator.
    pub fn new(report: crate::check::CheckReport) -> Self {
        CheckFile {
            schema: crate::check::CHECK_SCHEMA.to_string(),
            generator: Generator::default(),
            report,
        }
    }
}

/// A saved timeline read from JSON text named `name` (a path, or "standard
/// input"): anything but a valid `tarikh.timeline/1` file is refused with
/// a sentence that says why and where (a byte offset, or the JSON path of
/// a value that breaks the contract: [`crate::check::validate`]). A
/// leading UTF-8 BOM is dropped.
pub fn read_timeline(text: &str, name: &str) -> crate::Result<TimelineFile> {
    let refuse = |message: String| crate::Error::NotATimeline {
        name: name.to_string(),
        message,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        refuse(format!(
            "is not a tarikh timeline: it is not JSON at byte offset {} ({e}).",
            byte_offset(text, e.line(), e.column())
        ))
    })?;
    match value.get("schema").and_then(|s| s.as_str()) {
        Some(TIMELINE_SCHEMA) => {}
        Some(other) => {
            return Err(refuse(format!(
                "is not a tarikh timeline: its schema is {other:?}, expected {TIMELINE_SCHEMA:?}."
            )));
        }
        None => {
            return Err(refuse(format!(
                "is not a tarikh timeline: it has no \"schema\": {TIMELINE_SCHEMA:?}."
            )));
        }
    }
    // Typed from the text, not from the value: a wrong field is named
    // with its byte offset.
    let file: TimelineFile = serde_json::from_str(text).map_err(|e| {
        refuse(format!(
            "is not a valid {TIMELINE_SCHEMA} file: at byte offset {}: {}.",
            byte_offset(text, e.line(), e.column()),
            without_position(&e)
        ))
    })?;
    crate::check::validate(&file.timeline)
        .map_err(|e| refuse(format!("is not a valid {TIMELINE_SCHEMA} file: {e}.")))?;
    Ok(file)
}

/// serde_json's message without its "at line L column C" (given as a byte
/// offset instead).
fn without_position(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// The byte offset of a 1-based line and column (serde_json's position of
/// an error; its column counts bytes).
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column.saturating_sub(1)).min(text.len())
}

/// The schema string of a document's events (`tarikh.events/1`).
pub const EVENTS_SCHEMA: &str = "tarikh.events/1";

/// `tarikh extract --format jsonl`: one line per document, the events of
/// one document before they are merged with any other's, what `tarikh
/// merge` reads back to build the timeline. Event ids are the document's
/// (`<document>@<offset>`); relations are those the text states, by id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventsRecord {
    pub schema: String,
    pub generator: Generator,
    pub document: DocumentInfo,
    pub events: Vec<crate::event::Event>,
    pub relations: Vec<StatedRelation>,
    /// The document's findings, sorted.
    pub diagnostics: Vec<Diagnostic>,
}

/// A relation the text of one document states between two of its events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatedRelation {
    pub from: String,
    pub to: String,
    #[serde(rename = "type")]
    pub kind: crate::event::RelationType,
}

impl EventsRecord {
    /// The record of one document's events.
    pub fn new(d: crate::timeline::DocEvents) -> Self {
        let relations = d
            .relations
            .iter()
            .filter_map(|r| {
                Some(StatedRelation {
                    from: d.events.get(r.from)?.id.clone(),
                    to: d.events.get(r.to)?.id.clone(),
                    kind: r.kind,
                })
            })
            .collect();
        EventsRecord {
            schema: EVENTS_SCHEMA.to_string(),
            generator: Generator::default(),
            document: d.info,
            events: d.events,
            relations,
            diagnostics: d.diagnostics,
        }
    }

    /// The document's events as [`crate::timeline::build`] takes them: the
    /// inverse of [`EventsRecord::new`].
    pub fn into_doc_events(self) -> crate::timeline::DocEvents {
        let index: std::collections::HashMap<&str, usize> = self
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        let relations = self
            .relations
            .iter()
            .filter_map(|r| {
                Some(crate::event::TextRelation {
                    from: *index.get(r.from.as_str())?,
                    to: *index.get(r.to.as_str())?,
                    kind: r.kind,
                })
            })
            .collect();
        crate::timeline::DocEvents {
            info: self.document,
            events: self.events,
            relations,
            diagnostics: self.diagnostics,
        }
    }
}

/// One `tarikh.events/1` line read back: anything else (not JSON, another
/// schema, a field that breaks the contract, an event id used twice, a
/// relation or an evidence entry that names no event or another
/// document) is refused with a sentence that says why.
pub fn read_events_record(line: &str) -> Result<EventsRecord, String> {
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("is not JSON ({e})"))?;
    match value.get("schema").and_then(|s| s.as_str()) {
        Some(EVENTS_SCHEMA) => {}
        Some(other) => {
            return Err(format!(
                "its schema is {other:?}, expected {EVENTS_SCHEMA:?}"
            ));
        }
        None => return Err(format!("it has no \"schema\": {EVENTS_SCHEMA:?}")),
    }
    let r: EventsRecord = serde_json::from_value(value)
        .map_err(|e| format!("is not a valid {EVENTS_SCHEMA} record: {e}"))?;
    let mut ids = std::collections::HashSet::new();
    for e in &r.events {
        if !ids.insert(e.id.as_str()) {
            return Err(format!("the event id {:?} is used twice", e.id));
        }
        if let Some(ev) = e.evidence.iter().find(|ev| ev.document != r.document.id) {
            return Err(format!(
                "the event {:?} cites the document {:?}, not its own {:?}",
                e.id, ev.document, r.document.id
            ));
        }
    }
    for rel in &r.relations {
        for id in [&rel.from, &rel.to] {
            if !ids.contains(id.as_str()) {
                return Err(format!(
                    "a relation names the event {id:?}, which it does not have"
                ));
            }
        }
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The streaming writer gives the bytes of `to_string`, C1 controls
    /// and DEL escaped, also when a write ends between the two bytes of
    /// one (a one-byte buffer splits every one).
    #[test]
    fn write_pretty_is_to_string_byte_for_byte() {
        struct OneByte<'a>(&'a mut Vec<u8>);
        impl std::io::Write for OneByte<'_> {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
                self.0.extend_from_slice(&buf[..buf.len().min(1)]);
                Ok(buf.len().min(1))
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let value = serde_json::json!({
            "a": "x\u{9b}2J\u{7f}\u{85}é\u{c2}\u{a0}۱۴۰۳",
            "b": ["\u{80}", "\u{9f}", "¢"],
        });
        let want = to_string(&value);
        assert!(want.contains("\\u009b") && want.contains("\\u007f"));
        let mut whole = Vec::new();
        write_pretty(&value, &mut whole).unwrap();
        assert_eq!(String::from_utf8(whole).unwrap(), want);
        // serde_json writes through a buffer in pieces; a writer that takes
        // one byte at a time splits every two-byte character.
        let mut bytes = Vec::new();
        let mut inner = Vec::new();
        {
            let mut w = EscapeControls {
                out: &mut inner,
                lead: false,
            };
            for b in serde_json::to_string_pretty(&value).unwrap().bytes() {
                std::io::Write::write_all(&mut w, &[b]).unwrap();
            }
        }
        bytes.extend_from_slice(&inner);
        bytes.push(b'\n');
        assert_eq!(String::from_utf8(bytes).unwrap(), want);
        let mut tiny = Vec::new();
        write_pretty(&value, OneByte(&mut tiny)).unwrap();
        assert_eq!(String::from_utf8(tiny).unwrap(), want);
    }
}
