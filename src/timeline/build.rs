//! Building the timeline: merge, order, relate, check.

use std::collections::HashMap;

use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};

use super::{Basis, Relation, RelationType, Timeline, merge, order};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::event::{Event, TextRelation};
use crate::temporal::DocumentInfo;
use crate::units::CharSpan;

/// The events of one document, as the event stage gives them.
#[derive(Debug, Clone)]
pub struct DocEvents {
    pub info: DocumentInfo,
    pub events: Vec<Event>,
    /// Relations the text states, by index into `events`.
    pub relations: Vec<TextRelation>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A relation between two events by id, as the text states it.
struct Stated {
    from: String,
    to: String,
    kind: RelationType,
}

/// How the timeline is built.
#[derive(Debug, Clone, Copy)]
pub struct BuildOptions {
    /// Most `before` relations (by dates) one event gets; `None` exports
    /// the exact transitive reduction. See [`order::before_pairs`].
    pub max_fanout: Option<usize>,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            max_fanout: Some(MAX_FANOUT),
        }
    }
}

/// The default bound on date relations per event.
pub const MAX_FANOUT: usize = 4;

/// Builds one timeline from the events of many documents. The result
/// depends on the documents, not on their order; document ids must be
/// unique (as [`crate::text::read_all`] makes them).
pub fn build(docs: Vec<DocEvents>) -> Timeline {
    build_with(docs, BuildOptions::default())
}

/// Builds one timeline with explicit options.
pub fn build_with(docs: Vec<DocEvents>, opts: BuildOptions) -> Timeline {
    let mut documents = Vec::new();
    let mut events = Vec::new();
    let mut stated = Vec::new();
    let mut diagnostics = Vec::new();
    for d in docs {
        for r in &d.relations {
            if let (Some(a), Some(b)) = (d.events.get(r.from), d.events.get(r.to)) {
                stated.push(Stated {
                    from: a.id.clone(),
                    to: b.id.clone(),
                    kind: r.kind,
                });
            }
        }
        documents.push(d.info);
        events.extend(d.events);
        diagnostics.extend(d.diagnostics);
    }
    // Documents by id: the timeline does not depend on the order they
    // were given in.
    documents.sort_by(|a: &DocumentInfo, b: &DocumentInfo| a.id.cmp(&b.id));
    let merged = merge::merge(events);
    let mut events = merged.events;
    diagnostics.extend(merged.diagnostics);
    let rename: HashMap<String, String> = merged.renamed.into_iter().collect();
    let resolve_id = |id: &str| -> String {
        let mut cur = id.to_string();
        // Chains of merges end at a survivor; ids are unique, so this ends.
        for _ in 0..64 {
            match rename.get(&cur) {
                Some(n) => cur = n.clone(),
                None => break,
            }
        }
        cur
    };
    order::sort(&mut events);
    let pos: HashMap<String, usize> = events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.clone(), i))
        .collect();

    // The graph: every event a node, every relation an edge from the
    // earlier event to the later one.
    let mut g: DiGraph<usize, (RelationType, Basis)> =
        DiGraph::with_capacity(events.len(), events.len());
    let nodes: Vec<NodeIndex> = (0..events.len()).map(|i| g.add_node(i)).collect();
    // Relations by event position (ids are written once, at the end).
    let mut rels: Vec<(usize, usize, RelationType, Basis)> = Vec::new();
    for (a, b) in order::before_pairs(&events, opts.max_fanout) {
        g.add_edge(nodes[a], nodes[b], (RelationType::Before, Basis::Dates));
        rels.push((a, b, RelationType::Before, Basis::Dates));
    }
    // Text relations: kept unless the dates contradict them.
    let mut text_edges = Vec::new();
    for s in stated {
        let (from, to) = (resolve_id(&s.from), resolve_id(&s.to));
        let (Some(&f), Some(&t)) = (pos.get(&from), pos.get(&to)) else {
            continue;
        };
        if f == t {
            continue;
        }
        // (earlier, later) as the text tells it.
        let (early, late) = match s.kind {
            RelationType::After => (t, f),
            _ => (f, t),
        };
        if dates_say_before(&events[late], &events[early]) {
            diagnostics.push(contradiction(
                &events[late],
                &events[early],
                "the text places it after the other, but its date is earlier",
            ));
            continue;
        }
        text_edges.push((early, late, s.kind, f, t));
    }
    // Cycles: the text relations added to the graph of date relations.
    // Date relations alone never form a cycle, so every cycle goes through
    // a text relation; those relations are reported and left out.
    let text_start = g.edge_count();
    for (e, l, kind, ..) in &text_edges {
        g.add_edge(nodes[*e], nodes[*l], (*kind, Basis::Text));
    }
    let mut component = vec![usize::MAX; events.len()];
    for (c, scc) in tarjan_scc(&g).into_iter().enumerate() {
        if scc.len() < 2 {
            continue;
        }
        let mut ids: Vec<usize> = scc.iter().map(|n| g[*n]).collect();
        ids.sort();
        for &i in &ids {
            component[i] = c;
        }
        let first = &events[ids[0]];
        diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            code: Code::OrderContradiction,
            message: format!(
                "the text and the dates order these {} events in a circle; the text relations among them are left out",
                ids.len()
            ),
            document: first.evidence.first().map_or(String::new(), |e| e.document.clone()),
            span: first.evidence.first().map(|e| CharSpan::new(e.start, e.end)),
            events: ids.iter().map(|&i| events[i].id.clone()).collect(),
        });
    }
    debug_assert_eq!(g.edge_count(), text_start + text_edges.len());
    for (e, l, kind, from, to) in text_edges {
        if component[e] != usize::MAX && component[e] == component[l] {
            continue;
        }
        rels.push((from, to, kind, Basis::Text));
    }
    rels.sort_unstable();
    rels.dedup();
    let relations = rels
        .into_iter()
        .map(|(a, b, kind, basis)| Relation {
            from: events[a].id.clone(),
            to: events[b].id.clone(),
            kind,
            basis,
        })
        .collect();
    crate::diagnostic::sort(&mut diagnostics);
    Timeline {
        documents,
        events,
        relations,
        diagnostics,
    }
}

/// True when every possible date of `a` is before every possible date of `b`.
fn dates_say_before(a: &Event, b: &Event) -> bool {
    match (
        a.time.as_ref().and_then(|t| t.end),
        b.time.as_ref().and_then(|t| t.start),
    ) {
        (Some(ae), Some(bs)) => ae < bs,
        _ => false,
    }
}

fn contradiction(a: &Event, b: &Event, why: &str) -> Diagnostic {
    let ev = a.evidence.first();
    Diagnostic {
        severity: Severity::Warning,
        code: Code::OrderContradiction,
        message: format!(
            "«{}» and «{}»: {why}; the relation is not exported",
            a.summary, b.summary
        ),
        document: ev.map_or(String::new(), |e| e.document.clone()),
        span: ev.map(|e| CharSpan::new(e.start, e.end)),
        events: vec![a.id.clone(), b.id.clone()],
    }
}
