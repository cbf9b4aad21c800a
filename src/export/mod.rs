//! Export: the wire formats. JSON follows the contract
//! (`tarikh.dates/1`, `tarikh.timeline/1`); the human formats are built on
//! the same types.

pub mod json;
pub mod table;
