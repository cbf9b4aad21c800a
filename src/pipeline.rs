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

/// What became of one date of a document in event extraction (what
/// `tarikh extract --explain` prints): the events it dates, by their ids
/// in the timeline, or the rule that made it date none.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DateExplanation {
    pub document: String,
    /// The expression as written.
    pub text: String,
    /// Character offsets `[start, end)` in the document.
    pub span: crate::units::CharSpan,
    /// `date`, `time`, `duration` or `set`.
    pub kind: &'static str,
    /// Its TIMEX3-style value, when resolved.
    pub value: Option<String>,
    /// `event`, or the rule that made no event: `dateline`,
    /// `page-chrome`, `duration-or-set`, `present-or-past-reference`,
    /// `qualifies-another-date`, `no-statement`.
    pub rule: &'static str,
    /// The timeline ids of the events it dates (its own and those that
    /// inherit it); for `qualifies-another-date`, the event whose date it
    /// qualifies.
    pub events: Vec<String>,
}

/// Builds the timeline, as [`timeline`] does, and says for every date of
/// every document what became of it, in document and text order.
pub fn explain(
    docs: &[Document],
    opts: &Options,
) -> (crate::timeline::Timeline, Vec<DateExplanation>) {
    use crate::event::DateFate;
    use crate::temporal::MentionType;
    let mut per_doc = Vec::with_capacity(docs.len());
    let mut rows = Vec::new();
    for doc in docs {
        let d = dates(doc, opts);
        let x = crate::event::extract_explained(doc, &d);
        for ((m, r), fate) in d.extraction.mentions.iter().zip(&d.resolved).zip(&x.fates) {
            let (rule, events) = match fate {
                DateFate::Events(ids) => (fate.rule(), ids.clone()),
                DateFate::Qualifies(id) => (fate.rule(), vec![id.clone()]),
                f => (f.rule(), Vec::new()),
            };
            rows.push(DateExplanation {
                document: doc.id.clone(),
                text: m.text.clone(),
                span: m.span,
                kind: match m.kind {
                    MentionType::Date => "date",
                    MentionType::Time => "time",
                    MentionType::Duration => "duration",
                    MentionType::Set => "set",
                },
                value: r.time.value.clone(),
                rule,
                events,
            });
        }
        per_doc.push(crate::timeline::DocEvents {
            info: d.info,
            events: x.events,
            relations: x.relations,
            diagnostics: d.diagnostics,
        });
    }
    // Extraction ids to timeline ids: a merged report is found in the
    // timeline by its document and where its evidence starts.
    let mut before: std::collections::HashMap<String, (String, usize)> = Default::default();
    for d in &per_doc {
        for e in &d.events {
            if let Some(ev) = e.evidence.first() {
                before.insert(e.id.clone(), (ev.document.clone(), ev.start));
            }
        }
    }
    let t = crate::timeline::build(per_doc);
    let mut after: std::collections::HashMap<(String, usize), String> = Default::default();
    for e in &t.events {
        for ev in &e.evidence {
            after
                .entry((ev.document.clone(), ev.start))
                .or_insert_with(|| e.id.clone());
        }
    }
    for r in &mut rows {
        let mut ids: Vec<String> = r
            .events
            .iter()
            .map(|id| {
                before
                    .get(id)
                    .and_then(|k| after.get(k))
                    .cloned()
                    .unwrap_or_else(|| id.clone())
            })
            .collect();
        ids.dedup();
        r.events = ids;
    }
    rows.sort_by(|a, b| (&a.document, a.span.0).cmp(&(&b.document, b.span.0)));
    (t, rows)
}
