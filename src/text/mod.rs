//! Text: reading articles, normalizing them, and mapping offsets back.
//!
//! This module is the first stage of the pipeline. It turns bytes into
//! [`Document`]s and documents into [`Normalized`] text that the language
//! rules can match against, without ever losing the way back to the text as
//! read:
//!
//! - [`read`]: files, directories, JSON Lines and stdin → [`Document`]s
//!   (UTF-8 only, a BOM dropped, binary and oversized files refused, one
//!   result per document so one bad file never stops the others), with
//!   metadata from a TOML sidecar or the JSON Lines record, and ids made
//!   unique by path and line ([`ids`]);
//! - [`normalize`]: the ordered, named steps of [`normalize::STEPS`] (NFC,
//!   Arabic → Persian letters, digits, bidi controls, tatweel, diacritics,
//!   whitespace), run in one pass, and the offset map
//!   [`Normalized::to_original`] from normalized byte ranges back to
//!   character offsets in the original.
//!
//! Offsets reported anywhere in tarikh are character offsets into
//! [`Document::text`]; match on [`Normalized::text`] and map back.

pub mod ids;
pub mod layout;
pub mod normalize;
pub mod read;
pub mod script;
pub mod timeml;

pub use normalize::{CharIndex, Normalized, STEPS, Step, char_to_byte, normalize, slice_chars};
pub use read::{
    Document, InputFormat, Inputs, Item, PublishedFrom, ReadOptions, Stream, decode, read_all,
    read_inputs, read_limited, stream,
};
