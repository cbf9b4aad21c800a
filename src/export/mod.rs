//! Export: the wire formats. JSON follows the contract
//! (`tarikh.dates/1`, `tarikh.timeline/1`); the human formats are built on
//! the same types:
//!
//! * [`markdown`]: the editor's timeline (a table, the things to verify, a
//!   Mermaid `gantt` chart);
//! * [`html`]: one self-contained page (inline CSS, JS and SVG, no network);
//! * [`timelinejs`]: TimelineJS 3 JSON;
//! * [`csv`]: the TimelineJS Google Sheets columns, plus the event id and
//!   the Solar Hijri date.
//!
//! Every `render` is deterministic (same input, byte-identical output) and
//! treats article text as hostile: it is escaped for the format it lands in
//! and its bidi controls are shown, not obeyed.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod table;
pub mod timelinejs;
mod view;

use std::collections::BTreeMap;

use json::TimelineFile;

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
