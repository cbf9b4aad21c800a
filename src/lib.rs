//! # tarikh: verified timelines from conflict reporting
//!
//! tarikh reads news articles (Persian and English), finds every
//! temporal expression, resolves each in the Gregorian, Solar Hijri and
//! Lunar Hijri calendars, attaches dated events, orders them in a timeline
//! graph and exports them. The library is a chain of stages; each stage owns
//! one module and one named type, and a stage only ever imports the stages
//! to its left:
//!
//! ```text
//!  bytes ──text──▶ Document, Normalized      reading, normalization, offset map,
//!                                            candidate readings of a damaged line
//!        ──lang──▶ lexicons + rules          per language: lang::fa, lang::en
//!    ──temporal──▶ Mention                   every temporal expression, with its span;
//!                                            picks the best reading of damaged text
//!    ──calendar──▶ Resolved                  Mention → intervals in three calendars
//!                                            (the only module that touches icu_calendar)
//!       ──event──▶ Event                     what happened, who, where, on what evidence
//!    ──timeline──▶ Timeline                  petgraph graph, order, consistency checks
//!       ──check──▶ CheckReport               against other sources and a reference
//!      ──export──▶ JSON, Markdown, HTML, …   every output: export::render(Output, Format),
//!                                            article text made safe by export::safe
//!        ──eval──▶ EvalReport                against annotated articles (gold files)
//! ```
//!
//! Two leaf modules serve every stage: [`error`] (the one public [`Error`]:
//! input that cannot be read) and [`diagnostic`] (findings about content,
//! which are never errors). The command line lives in the binary
//! (`src/main.rs`, `src/cli/`, behind the default feature `cli`): it parses
//! flags, reads and writes files, and calls the library for everything
//! else; the library knows nothing of it.
//! [`pipeline`] runs the chain for callers; [`units`] names the calendars
//! and precisions every stage shares.
//!
//! ```
//! use tarikh::pipeline::{self, Options};
//! use tarikh::text::Document;
//!
//! let doc = Document {
//!     id: "example".into(),
//!     source: "example".into(),
//!     text: "آتش‌بس در ۱۲ مه ۱۹۹۴ برقرار شد.".into(),
//!     lang: Some("fa".into()),
//!     published: None,
//!     published_from: None,
//!     title: None,
//! };
//! let found = pipeline::dates(&doc, &Options::default());
//! let d = &found.dates[0].time;
//! assert_eq!(d.text, "۱۲ مه ۱۹۹۴");
//! assert_eq!(d.value.as_deref(), Some("1994-05-12"));
//! let sh = d.solar_hijri.as_ref().unwrap();
//! assert_eq!(sh.start.map(|d| d.to_string()).as_deref(), Some("1373-02-22"));
//! ```
//!
//! Offsets everywhere are Unicode scalar (character) offsets into the
//! document text exactly as read (after a UTF-8 BOM, if any, is dropped),
//! end-exclusive. Normalization never shifts them: see [`text::normalize()`].

pub mod calendar;
pub mod check;
pub mod diagnostic;
pub mod error;
pub mod eval;
pub mod event;
pub mod export;
pub mod lang;
pub mod pipeline;
pub mod temporal;
pub mod text;
pub mod timeline;

pub use error::{Error, Result};

/// The generator block written into every output.
pub const NAME: &str = env!("CARGO_PKG_NAME");
/// The crate version written into every output.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
pub mod units;
