//! Export: the output layer. Every output tarikh writes, for every
//! command, is [`render`]ed here from an [`Output`] in a [`Format`]; each
//! command offers the formats of [`Format::for_command`]. JSON follows the
//! contract (`tarikh.dates/1`, `tarikh.timeline/1`, `tarikh.check/1`); the
//! human formats are built on the same types:
//!
//! * [`markdown`]: the editor's timeline (a table, the things to verify, a
//!   Mermaid `gantt` chart);
//! * [`html`]: one self-contained page (inline CSS, JS and SVG, no network);
//! * [`timelinejs`]: TimelineJS 3 JSON;
//! * [`csv`]: the TimelineJS Google Sheets columns, plus the event id and
//!   the Solar Hijri date;
//! * [`table`]: the dates listing as a terminal table;
//! * [`check`]: the check report as terminal text or Markdown;
//! * [`convert`]: one date converted, as a text block or a JSON line.
//!
//! Every `render` is deterministic (same input, byte-identical output) and
//! treats article text as hostile: [`safe`] strips its control and bidi
//! characters, escapes it for the format it lands in and isolates
//! right-to-left text, in every printer.

pub mod check;
pub mod convert;
pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod safe;
pub mod table;
pub mod timelinejs;
pub mod timeml;
mod view;

use std::collections::BTreeMap;

use json::{CheckFile, DatesListing, TimelineFile};

use crate::lang::Lang;

/// The language of the labels (headings, column names, type names) of a
/// human export. Article text is never translated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Labels {
    /// Persian labels; pages read right to left.
    Fa,
    /// English labels.
    #[default]
    En,
}

impl Labels {
    /// The main language of a timeline's documents: the `lang` of most
    /// documents (ties go to the language met first); Persian gives
    /// [`Labels::Fa`], anything else [`Labels::En`].
    pub fn of(t: &TimelineFile) -> Labels {
        let mut counts: BTreeMap<Lang, (usize, usize)> = BTreeMap::new();
        for (i, d) in t.timeline.documents.iter().enumerate() {
            let e = counts.entry(d.lang).or_insert((0, i));
            e.0 += 1;
        }
        let main = counts
            .into_iter()
            .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))
            .map(|(lang, _)| lang);
        match main {
            Some(Lang::Fa) => Labels::Fa,
            _ => Labels::En,
        }
    }
}

/// Options of the human exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// The language of the labels.
    pub labels: Labels,
}

impl Options {
    /// The default options for a timeline: labels in its main language.
    pub fn for_timeline(t: &TimelineFile) -> Options {
        Options {
            labels: Labels::of(t),
        }
    }
}

/// Every output format tarikh writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// JSON: `tarikh.dates/1`, `tarikh.timeline/1` or `tarikh.check/1`.
    Json,
    /// JSON Lines: one object per converted date.
    Jsonl,
    /// Markdown.
    Md,
    /// One self-contained HTML page.
    Html,
    /// TimelineJS 3 JSON.
    Timelinejs,
    /// CSV in the TimelineJS Google Sheets columns.
    Csv,
    /// A terminal table.
    Table,
    /// Terminal text.
    Text,
    /// TimeML 1.2: one document's text with its TIMEX3s (`dates` only).
    Timeml,
}

/// The commands that write output, each with the formats it offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    /// `tarikh convert`: dates converted between the calendars.
    Convert,
    /// `tarikh dates`: the dates listing.
    Dates,
    /// `tarikh extract`: the timeline of articles.
    Extract,
    /// `tarikh export`: a saved timeline in a human or visualizer format.
    Export,
    /// `tarikh merge`: the timeline of saved per-document events.
    Merge,
    /// `tarikh check`: the check report.
    Check,
}

impl Command {
    /// Every command that writes output.
    pub const ALL: [Command; 6] = [
        Command::Convert,
        Command::Dates,
        Command::Extract,
        Command::Export,
        Command::Merge,
        Command::Check,
    ];

    /// The command's name on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Command::Convert => "convert",
            Command::Dates => "dates",
            Command::Extract => "extract",
            Command::Export => "export",
            Command::Merge => "merge",
            Command::Check => "check",
        }
    }
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 9] = [
        Format::Json,
        Format::Jsonl,
        Format::Md,
        Format::Html,
        Format::Timelinejs,
        Format::Csv,
        Format::Table,
        Format::Text,
        Format::Timeml,
    ];

    /// The formats of `tarikh convert` (`--json` chooses JSON Lines).
    pub const CONVERT: [Format; 2] = [Format::Text, Format::Jsonl];
    /// The formats of `tarikh dates`.
    pub const DATES: [Format; 4] = [Format::Json, Format::Jsonl, Format::Table, Format::Timeml];
    /// The formats of `tarikh extract`.
    pub const EXTRACT: [Format; 6] = [
        Format::Json,
        Format::Jsonl,
        Format::Md,
        Format::Html,
        Format::Timelinejs,
        Format::Csv,
    ];
    /// The formats of `tarikh merge`: those of `extract` but JSON Lines.
    pub const MERGE: [Format; 5] = [
        Format::Json,
        Format::Md,
        Format::Html,
        Format::Timelinejs,
        Format::Csv,
    ];
    /// The formats of `tarikh export` (a saved timeline is already JSON).
    pub const EXPORT: [Format; 4] = [Format::Md, Format::Html, Format::Timelinejs, Format::Csv];
    /// The formats of `tarikh check`.
    pub const CHECK: [Format; 3] = [Format::Text, Format::Md, Format::Json];

    /// The formats `command` offers, its default first (`export` has none:
    /// its format is required).
    pub fn for_command(command: Command) -> &'static [Format] {
        match command {
            Command::Convert => &Format::CONVERT,
            Command::Dates => &Format::DATES,
            Command::Extract => &Format::EXTRACT,
            Command::Export => &Format::EXPORT,
            Command::Merge => &Format::MERGE,
            Command::Check => &Format::CHECK,
        }
    }

    /// The format's name on the command line (`--format md`).
    pub fn id(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Md => "md",
            Format::Html => "html",
            Format::Timelinejs => "timelinejs",
            Format::Csv => "csv",
            Format::Table => "table",
            Format::Text => "text",
            Format::Timeml => "timeml",
        }
    }

    /// The format named `id`.
    pub fn from_id(id: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.id() == id)
    }

    /// One line of help: what the format is for `command`.
    pub fn help(self, command: Command) -> &'static str {
        match (self, command) {
            (Format::Json, Command::Dates) => "tarikh.dates/1 JSON",
            (Format::Json, Command::Check) => "tarikh.check/1 JSON",
            (Format::Json, _) => "tarikh.timeline/1 JSON",
            (Format::Jsonl, Command::Dates) => {
                "One tarikh.dates/1 object per document (JSON Lines), written as each is done"
            }
            (Format::Jsonl, Command::Extract) => {
                "One tarikh.events/1 record per document (JSON Lines), written as each is done; `tarikh merge` reads them"
            }
            (Format::Jsonl, _) => "One JSON object per input (JSON Lines)",
            (Format::Md, Command::Check) => "Markdown, to paste into a ticket",
            (Format::Md, _) => "Markdown: table, findings to verify, Mermaid chart",
            (Format::Html, _) => "One self-contained HTML page",
            (Format::Timelinejs, _) => "TimelineJS 3 JSON",
            (Format::Csv, _) => "CSV in the TimelineJS Google Sheets columns",
            (Format::Table, _) => "A terminal table",
            (Format::Text, Command::Check) => "A terminal report (colour only on a terminal)",
            (Format::Text, _) => "Text, one block per date",
            (Format::Timeml, _) => {
                "TimeML 1.2 with TIMEX3s around the text and the DCT (one document per file; several: -o DIR)"
            }
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// What there is to write.
#[derive(Debug, Clone, Copy)]
pub enum Output<'a> {
    /// The dates listing (`tarikh dates`).
    Dates(&'a DatesListing),
    /// A timeline (`tarikh extract`, `tarikh export`).
    Timeline(&'a TimelineFile),
    /// The events of one document (`tarikh extract --format jsonl`).
    Events(&'a json::EventsRecord),
    /// A check report (`tarikh check`).
    Check(&'a CheckFile),
    /// One date converted, or why it could not be (`tarikh convert`).
    Conversion(&'a convert::Converted),
}

impl Output<'_> {
    /// What the output is, for messages.
    pub fn what(&self) -> &'static str {
        match self {
            Output::Dates(_) => "a dates listing",
            Output::Timeline(_) => "a timeline",
            Output::Events(_) => "a document's events",
            Output::Check(_) => "a check report",
            Output::Conversion(_) => "a conversion",
        }
    }
}

/// How to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RenderOptions {
    /// The language of the labels of a timeline's human formats; `None`:
    /// the language of most of its documents ([`Labels::of`]).
    pub labels: Option<Labels>,
    /// ANSI colours in the check report's text (for a terminal only).
    pub colour: bool,
}

/// `output` written in `format`: the one entry every command uses. A
/// format the output has no form in is an [`crate::Error::Unsupported`].
pub fn render(output: &Output, format: Format, opts: &RenderOptions) -> crate::Result<String> {
    let unsupported = || crate::Error::Unsupported {
        output: output.what(),
        format: format.id(),
    };
    Ok(match (output, format) {
        (Output::Dates(l), Format::Json) => json::to_string(l),
        (Output::Dates(l), Format::Jsonl) => json::to_line(l),
        (Output::Events(r), Format::Jsonl) => json::to_line(r),
        (Output::Dates(l), Format::Table) => table::render(l),
        // TimeML is one document per file: a listing of one (or none).
        (Output::Dates(l), Format::Timeml) if l.documents.len() <= 1 => timeml::listing(l),
        (Output::Dates(_), Format::Timeml) => {
            return Err(crate::Error::Unsupported {
                output: "a dates listing of several documents (TimeML is one document per file)",
                format: format.id(),
            });
        }
        (Output::Timeline(t), Format::Json) => json::to_string(t),
        (Output::Timeline(t), human) => {
            let o = Options {
                labels: opts.labels.unwrap_or_else(|| Labels::of(t)),
            };
            match human {
                Format::Md => markdown::render(t, &o),
                Format::Html => html::render(t, &o),
                Format::Timelinejs => timelinejs::render(t, &o),
                Format::Csv => csv::render(t, &o),
                _ => return Err(unsupported()),
            }
        }
        (Output::Check(c), Format::Json) => json::to_string(c),
        (Output::Check(c), Format::Md) => check::markdown(&c.report),
        (Output::Check(c), Format::Text) => check::text(&c.report, opts.colour),
        (Output::Conversion(c), Format::Text) => convert::text(c),
        (Output::Conversion(c), Format::Jsonl) => convert::json_line(c),
        _ => return Err(unsupported()),
    })
}
