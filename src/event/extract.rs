//! From a document's resolved dates to events.

use crate::event::Event;
use crate::pipeline::DatedDocument;

/// A relation the text states between two events of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextRelation {
    pub from: usize,
    pub to: usize,
}

/// The events of one document.
pub fn extract(
    _doc: &crate::text::Document,
    _dated: &DatedDocument,
) -> (Vec<Event>, Vec<TextRelation>) {
    (Vec::new(), Vec::new())
}
