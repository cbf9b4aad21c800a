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
    let per_doc = docs.iter().map(|doc| doc_events(doc, opts)).collect();
    crate::timeline::build(per_doc)
}

/// The events of one document, as the timeline is built from them
/// ([`crate::timeline::build`]): dates, then events. What a corpus run
/// keeps per document (its text is not kept), and what `tarikh extract
/// --format jsonl` writes per line (`tarikh.events/1`).
pub fn doc_events(doc: &Document, opts: &Options) -> crate::timeline::DocEvents {
    let d = dates(doc, opts);
    let (events, relations) = crate::event::extract(doc, &d);
    crate::timeline::DocEvents {
        info: d.info,
        events,
        relations,
        diagnostics: d.diagnostics,
    }
}

/// How a corpus is run by [`run_ordered`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parallel {
    /// Worker threads; 0 for one per core.
    pub threads: usize,
    /// Most documents between reading and writing (waiting, in work, or
    /// done and waiting for an earlier one): what bounds memory.
    pub window: usize,
    /// Most bytes of document text in the window (at least one document
    /// is always let in, whatever its size).
    pub window_bytes: usize,
}

impl Parallel {
    /// `threads` workers (0: one per core), with a window of eight
    /// documents per worker and 64 MiB of text.
    pub fn new(threads: usize) -> Parallel {
        let threads = Parallel::resolve(threads);
        Parallel {
            threads,
            window: 8 * threads,
            window_bytes: 64 << 20,
        }
    }

    /// The number of workers `threads` means (0: one per core).
    pub fn resolve(threads: usize) -> usize {
        if threads == 0 {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        } else {
            threads
        }
    }
}

/// Runs `work` on every document of `items` on `par.threads` threads and
/// gives `sink` each result (or read error), with the input bytes it took,
/// in the order of `items`, as soon as it and every one before it are
/// done. At most `par.window` documents are between reading and `sink`,
/// so memory is bounded by the work in flight, not by the corpus; the
/// results, and so any output written from them in `sink`, are the same
/// for every number of threads. An error of `sink` stops the run (the
/// documents in work finish first) and is returned.
pub fn run_ordered<T, W, S, E>(
    items: impl Iterator<Item = crate::text::Item>,
    par: Parallel,
    work: W,
    mut sink: S,
) -> Result<(), E>
where
    T: Send,
    W: Fn(Document, Option<crate::diagnostic::Diagnostic>) -> T + Sync,
    S: FnMut(Result<T, crate::Error>, u64) -> Result<(), E>,
{
    use std::collections::BTreeMap;
    /// A document between reading and the sink.
    struct Slot<T> {
        done: Option<Result<T, crate::Error>>,
        bytes: u64,
        text: usize,
    }
    let Ok(pool) = rayon::ThreadPoolBuilder::new()
        .num_threads(Parallel::resolve(par.threads))
        .build()
    else {
        // No threads to be had: run here, one document at a time.
        for item in items {
            let done = item.document.map(|d| work(d, item.warning));
            sink(done, item.bytes)?;
        }
        return Ok(());
    };
    let window = par.window.max(1);
    let (tx, rx) = std::sync::mpsc::channel::<(usize, T)>();
    let work = &work;
    pool.in_place_scope(move |scope| {
        let mut slots: BTreeMap<usize, Slot<T>> = BTreeMap::new();
        let mut next_out = 0;
        let mut text_open = 0usize;
        // Gives the sink every finished slot at the front.
        let mut flush = |slots: &mut BTreeMap<usize, Slot<T>>,
                         next_out: &mut usize,
                         text_open: &mut usize|
         -> Result<(), E> {
            while let Some(mut first) = slots.first_entry() {
                if first.get().done.is_none() {
                    break;
                }
                let slot = first.get_mut();
                let done = slot.done.take().expect("finished");
                let (bytes, text) = (slot.bytes, slot.text);
                first.remove();
                *text_open -= text;
                *next_out += 1;
                sink(done, bytes)?;
            }
            Ok(())
        };
        for (i, item) in items.enumerate() {
            match item.document {
                Err(e) => {
                    slots.insert(
                        i,
                        Slot {
                            done: Some(Err(e)),
                            bytes: item.bytes,
                            text: 0,
                        },
                    );
                }
                Ok(doc) => {
                    let text = doc.text.len();
                    text_open += text;
                    slots.insert(
                        i,
                        Slot {
                            done: None,
                            bytes: item.bytes,
                            text,
                        },
                    );
                    let tx = tx.clone();
                    let warning = item.warning;
                    scope.spawn(move |_| {
                        let _ = tx.send((i, work(doc, warning)));
                    });
                }
            }
            while let Ok((j, r)) = rx.try_recv() {
                if let Some(s) = slots.get_mut(&j) {
                    s.done = Some(Ok(r));
                }
            }
            flush(&mut slots, &mut next_out, &mut text_open)?;
            while slots.len() >= window || (text_open > par.window_bytes && slots.len() > 1) {
                let Ok((j, r)) = rx.recv() else { break };
                if let Some(s) = slots.get_mut(&j) {
                    s.done = Some(Ok(r));
                }
                flush(&mut slots, &mut next_out, &mut text_open)?;
            }
        }
        // Only the workers hold a sender now: should one die, `recv` ends.
        drop(tx);
        while !slots.is_empty() {
            let Ok((j, r)) = rx.recv() else { break };
            if let Some(s) = slots.get_mut(&j) {
                s.done = Some(Ok(r));
            }
            flush(&mut slots, &mut next_out, &mut text_open)?;
        }
        Ok(())
    })
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
