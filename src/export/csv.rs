//! CSV: the columns of the TimelineJS Google Sheets template, plus the
//! event id and the Solar Hijri date.
//!
//! A title row (`Type` = `title`) comes first, then one row per dated event
//! (a time with a resolved start) in timeline order; events with no start
//! are listed in the title row's text, as in the TimelineJS JSON. Headline
//! and Text are HTML (as the template takes them), with article text
//! escaped. RFC 4180: comma-separated, CRLF line ends, a field quoted
//! (inner quotes doubled) when it holds a comma, a quote or a line break.
//! A field that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
//! is prefixed with `'`, so no spreadsheet runs it as a formula
//! ([`super::safe::Target::Csv`]).

use super::json::TimelineFile;
use super::safe::{Target, escape, strip};
use super::timelinejs::{display_date, headline, slide_text, title_headline, title_text};
use super::view;
use super::{Labels, Options};

/// The header row.
pub const COLUMNS: [&str; 20] = [
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
    "Event ID",
    "Solar Hijri",
];

fn push_row(out: &mut String, row: &[String]) {
    let fields: Vec<String> = row.iter().map(|f| escape(f, Target::Csv)).collect();
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

/// Renders the timeline as CSV.
pub fn render(t: &TimelineFile, opts: &Options) -> String {
    let l: Labels = opts.labels;
    let mut out = String::new();
    push_row(&mut out, &COLUMNS.map(String::from));
    let mut title = vec![String::new(); COLUMNS.len()];
    title[9] = title_headline(t, l);
    title[10] = title_text(t, l);
    title[15] = "title".into();
    push_row(&mut out, &title);
    for e in &t.timeline.events {
        let Some(tm) = &e.time else { continue };
        let Some((start, end)) = view::parts(tm) else {
            continue;
        };
        let time = if start.day.is_some() {
            tm.time_of_day.clone().unwrap_or_default()
        } else {
            String::new()
        };
        let row = vec![
            start.year.to_string(),
            opt(start.month),
            opt(start.day),
            time,
            opt(end.map(|p| p.year)),
            opt(end.and_then(|p| p.month)),
            opt(end.and_then(|p| p.day)),
            String::new(),
            display_date(e),
            headline(e),
            slide_text(t, e, l),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            view::kind_label(e, l),
            String::new(),
            strip(&e.id),
            view::solar(tm),
        ];
        push_row(&mut out, &row);
    }
    out
}
