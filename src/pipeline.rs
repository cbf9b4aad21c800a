//! The library's front door: one call per stage chain, for the command
//! line, the tests and any program that embeds tarikh.
//!
//! [`dates`] runs text → lang → temporal → calendar on one document and
//! returns every temporal expression resolved, with the diagnostics found
//! on the way.

use chrono::NaiveDate;

use crate::calendar::LunarVariant;
use crate::lang::{self, Lang};
use crate::temporal::DocumentInfo;
use crate::temporal::{self, Context, resolve};
use crate::text::{Document, PublishedFrom};

pub use crate::temporal::{DateEntry, DatedDocument};

/// How to read documents.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Force a language; otherwise metadata, then detection.
    pub lang: Option<Lang>,
    /// Publication date given by the user: wins over metadata and datelines.
    pub published: Option<NaiveDate>,
    pub lunar: LunarVariant,
}

/// The language of a document: forced, from metadata, or detected.
pub fn language(doc: &Document, opts: &Options) -> Lang {
    opts.lang
        .or_else(|| doc.lang.as_deref().and_then(Lang::from_code))
        .unwrap_or_else(|| lang::detect(&doc.text))
}

/// Finds and resolves every temporal expression of a document.
pub fn dates(doc: &Document, opts: &Options) -> DatedDocument {
    let lang = language(doc, opts);
    let ex = temporal::extract(&doc.id, &doc.text, lang);
    let (published, published_from) = match (opts.published, doc.published) {
        (Some(p), _) => (Some(p), Some(PublishedFrom::Argument)),
        (None, Some(p)) => (
            Some(p),
            doc.published_from.or(Some(PublishedFrom::Metadata)),
        ),
        (None, None) => {
            // The dateline's own date needs no anchor: resolve it alone.
            let from_dateline = ex.dateline.and_then(|i| {
                let (r, _) = resolve::resolve_all(
                    &doc.id,
                    std::slice::from_ref(&ex.mentions[i]),
                    Context {
                        published: None,
                        lunar: opts.lunar,
                    },
                );
                r.first().and_then(|r| r.time.start)
            });
            match from_dateline {
                Some(p) => (Some(p), Some(PublishedFrom::Dateline)),
                None => (None, None),
            }
        }
    };
    let ctx = Context {
        published,
        lunar: opts.lunar,
    };
    let (resolved, mut diagnostics) = resolve::resolve_all(&doc.id, &ex.mentions, ctx);
    diagnostics.extend(ex.diagnostics.iter().cloned());
    crate::diagnostic::sort(&mut diagnostics);
    let dates = resolved
        .iter()
        .map(|r| DateEntry {
            document: doc.id.clone(),
            kind: r.kind,
            time: r.time.clone(),
        })
        .collect();
    DatedDocument {
        info: DocumentInfo {
            id: doc.id.clone(),
            source: doc.source.clone(),
            lang,
            published,
            published_from,
        },
        dates,
        resolved,
        extraction: ex,
        diagnostics,
    }
}

/// Builds the timeline of many documents: dates, events, merge, order.
/// The result depends on the documents, not on their order; their ids must
/// be unique, as [`crate::text::read_all`] makes them (its `duplicate-id`
/// warnings are the caller's to add to the timeline's diagnostics).
pub fn timeline(docs: &[Document], opts: &Options) -> crate::timeline::Timeline {
    let per_doc = docs
        .iter()
        .map(|doc| {
            let d = dates(doc, opts);
            let (events, relations) = crate::event::extract(doc, &d);
            crate::timeline::DocEvents {
                info: d.info,
                events,
                relations,
                diagnostics: d.diagnostics,
            }
        })
        .collect();
    crate::timeline::build(per_doc)
}
