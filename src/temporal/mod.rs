//! Temporal expressions: every date, range, duration and relative expression
//! in a document, as a [`Mention`] with its span.
