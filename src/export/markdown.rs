//! Markdown: the editor's timeline.
//!
//! A title and a one-paragraph summary; a table of the events in timeline
//! order (the date as written, Gregorian and Solar Hijri bounds in ISO
//! form, the Solar Hijri date in Persian script, precision, type, summary,
//! actors and places, the source quote with its date in bold); the events
//! with no date of their own, under their relations; a "To verify" section
//! with every diagnostic and the quote it concerns; a Mermaid `gantt`
//! chart that GitHub renders.
//!
//! Article text goes through [`super::safe`]: control and bidi characters
//! stripped, escaped (pipes, HTML, Markdown emphasis and link brackets),
//! and right-to-left text wrapped in an isolate so it reads right in any
//! left-to-right renderer.

use std::fmt::Write as _;

use chrono::{Datelike, Days};

use super::json::TimelineFile;
use super::safe::{self, Target, isolate, safe_text, strip};
use super::view::{self, Marked};
use super::{Labels, Options};
use crate::event::{EntityRef, Event, EventType};

/// Every piece of article text is printed for Markdown by [`safe`].
const MD: Target = Target::Markdown;

/// A quote with its marked part in bold, escaped and isolated.
fn quote(m: &Marked) -> String {
    let inner = if m.mark.is_empty() {
        safe::escape(&strip(&m.whole()), MD)
    } else {
        format!(
            "{}**{}**{}",
            safe::escape(&strip(&m.before), MD),
            safe::escape(&strip(&m.mark), MD),
            safe::escape(&strip(&m.after), MD)
        )
    };
    format!("«{}» — {}", isolate(&inner), safe_text(&m.document, MD))
}

fn names(list: &[EntityRef]) -> Vec<String> {
    list.iter().map(|e| safe_text(&e.name, MD)).collect()
}

struct Text {
    title: &'static str,
    events: &'static str,
    undated: &'static str,
    undated_none: &'static str,
    no_relation: &'static str,
    verify: &'static str,
    verify_none: &'static str,
    chart: &'static str,
    chart_none: &'static str,
    columns: [&'static str; 10],
    comma: &'static str,
}

fn text(l: Labels) -> Text {
    match l {
        Labels::En => Text {
            title: "Timeline",
            events: "Events",
            undated: "Events with no date of their own",
            undated_none: "Every event has a date.",
            no_relation: "no relation to a dated event is stated",
            verify: "To verify",
            verify_none: "Nothing to verify.",
            chart: "Chart",
            chart_none: "No event has both bounds of its date: nothing to chart.",
            columns: [
                "#",
                "Date as written",
                "Gregorian",
                "Solar Hijri",
                "Solar Hijri (Persian)",
                "Precision",
                "Type",
                "Summary",
                "Actors and places",
                "Source",
            ],
            comma: ", ",
        },
        Labels::Fa => Text {
            title: "گاه‌شمار",
            events: "رویدادها",
            undated: "رویدادهای بی‌تاریخ",
            undated_none: "همهٔ رویدادها تاریخ دارند.",
            no_relation: "نسبتی با رویدادی تاریخ‌دار گفته نشده است",
            verify: "برای بررسی",
            verify_none: "موردی برای بررسی نیست.",
            chart: "نمودار",
            chart_none: "هیچ رویدادی هر دو کران تاریخ را ندارد: نموداری نیست.",
            columns: [
                "#",
                "تاریخ در متن",
                "میلادی",
                "خورشیدی",
                "خورشیدی (فارسی)",
                "دقت",
                "نوع",
                "خلاصه",
                "کنشگران و مکان‌ها",
                "منبع",
            ],
            comma: "، ",
        },
    }
}

/// Renders the timeline as Markdown.
pub fn render(t: &TimelineFile, opts: &Options) -> String {
    let l = opts.labels;
    let x = text(l);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}: {}\n",
        isolate(x.title),
        isolate(&safe::escape(&view::sources(t, l), MD))
    );
    let _ = writeln!(
        out,
        "{}\n",
        safe::escape(&view::summary_paragraph(t, l), MD)
    );

    // The table.
    let _ = writeln!(out, "## {}\n", isolate(x.events));
    let header: Vec<String> = x.columns.iter().map(|c| isolate(c)).collect();
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(x.columns.len()));
    let mut n = 0usize;
    for e in &t.timeline.events {
        let Some(time) = &e.time else { continue };
        n += 1;
        let flag = if view::diagnostics_of(t, &e.id).is_empty() {
            ""
        } else {
            " ⚠"
        };
        let mut precision = view::precision_label(time.precision, l).to_string();
        if let Some(m) = &time.modifier {
            precision.push_str(&format!(" ({})", safe::escape(&strip(m.as_str()), MD)));
        }
        let mut who = names(&e.actors);
        who.extend(names(&e.places));
        let row = [
            format!("{n}{flag}"),
            safe_text(&view::written(e, l), MD),
            view::gregorian(time),
            view::solar(time),
            isolate(&view::solar_fa(time)),
            isolate(&precision),
            isolate(&view::kind_label(e, l)),
            safe_text(&e.summary, MD),
            who.join(x.comma),
            view::event_quote(e).map(|m| quote(&m)).unwrap_or_default(),
        ];
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
    out.push('\n');

    // Undated events, under their relations.
    let _ = writeln!(out, "## {}\n", isolate(x.undated));
    let undated: Vec<&Event> = t
        .timeline
        .events
        .iter()
        .filter(|e| e.time.is_none())
        .collect();
    if undated.is_empty() {
        let _ = writeln!(out, "{}\n", isolate(x.undated_none));
    }
    for e in undated {
        let rel: Vec<String> = view::relations_of(t, &e.id)
            .into_iter()
            .map(|(kind, other)| {
                let when = other
                    .time
                    .as_ref()
                    .map(|tm| format!(" ({})", view::gregorian(tm)))
                    .unwrap_or_default();
                format!(
                    "{} {}{}",
                    isolate(view::relation_label(kind, l)),
                    safe_text(&view::truncate(&other.summary, 60), MD),
                    when
                )
            })
            .collect();
        let rel = if rel.is_empty() {
            isolate(x.no_relation)
        } else {
            rel.join("; ")
        };
        let _ = writeln!(
            out,
            "- **{}** ({}): {} — {}",
            safe::escape(&strip(&e.id), MD),
            isolate(&view::kind_label(e, l)),
            safe_text(&e.summary, MD),
            rel
        );
        if let Some(q) = e.evidence.first().map(|ev| view::mark_in(ev, None)) {
            let _ = writeln!(out, "  {}", quote(&q));
        }
    }
    if !t.timeline.events.iter().all(|e| e.time.is_some()) {
        out.push('\n');
    }

    // Diagnostics.
    let _ = writeln!(out, "## {}\n", isolate(x.verify));
    if t.timeline.diagnostics.is_empty() {
        let _ = writeln!(out, "{}\n", isolate(x.verify_none));
    }
    for d in &t.timeline.diagnostics {
        let _ = write!(
            out,
            "- **{}** ({}, {}): {}",
            d.code.as_str(),
            isolate(view::severity_label(d.severity, l)),
            safe_text(&d.document, MD),
            safe_text(&d.message, MD)
        );
        if !d.events.is_empty() {
            let ids: Vec<String> = d
                .events
                .iter()
                .map(|i| safe::escape(&strip(i), MD))
                .collect();
            let _ = write!(out, " [{}]", ids.join(", "));
        }
        out.push('\n');
        if let Some(q) = view::diagnostic_quote(t, d) {
            let _ = writeln!(out, "  {}", quote(&q));
        }
    }
    if !t.timeline.diagnostics.is_empty() {
        out.push('\n');
    }

    // The chart.
    let _ = writeln!(out, "## {}\n", isolate(x.chart));
    match gantt(t, opts) {
        Some(chart) => {
            let _ = writeln!(out, "```mermaid\n{chart}```");
        }
        None => {
            let _ = writeln!(out, "{}", isolate(x.chart_none));
        }
    }
    out
}

/// The events a chart draws: both bounds known, in years 1000–9999 (one
/// `dateFormat YYYY-MM-DD` holds per chart).
pub fn charted(e: &Event) -> bool {
    e.time.as_ref().is_some_and(|t| {
        matches!((t.start, t.end), (Some(s), Some(e))
            if (1000..=9999).contains(&s.year()) && (1000..=9998).contains(&e.year()))
    })
}

/// The Mermaid `gantt` chart (without the fence), or `None` when no event
/// can be drawn. Every charted event is a bar over its inclusive interval
/// (a one-day event is a one-day bar), in one section per event type.
pub fn gantt(t: &TimelineFile, opts: &Options) -> Option<String> {
    let l = opts.labels;
    let events: Vec<(usize, &Event)> = t
        .timeline
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| charted(e))
        .collect();
    let mut bounds: Option<(chrono::NaiveDate, chrono::NaiveDate)> = None;
    for (_, e) in &events {
        if let Some((s, end)) = e.time.as_ref().and_then(|t| Some((t.start?, t.end?))) {
            bounds = Some(bounds.map_or((s, end), |(lo, hi)| (lo.min(s), hi.max(end))));
        }
    }
    let (first, last) = bounds?;
    let axis = if (last - first).num_days() > 3 * 366 {
        "%Y"
    } else {
        "%Y-%m"
    };
    let mut out = String::new();
    let _ = writeln!(out, "gantt");
    let _ = writeln!(out, "    title {}", safe::mermaid_label(text(l).title));
    let _ = writeln!(out, "    dateFormat YYYY-MM-DD");
    let _ = writeln!(out, "    axisFormat {axis}");
    let _ = writeln!(out, "    todayMarker off");
    for kind in EventType::ALL {
        let of_kind: Vec<&(usize, &Event)> =
            events.iter().filter(|(_, e)| e.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "    section {}",
            safe::mermaid_label(view::type_label(kind, l))
        );
        for (i, e) in of_kind {
            let Some(time) = &e.time else { continue };
            let (Some(s), Some(end)) = (time.start, time.end) else {
                continue;
            };
            let until = end.checked_add_days(Days::new(1)).unwrap_or(end);
            let _ = writeln!(
                out,
                "    {} :t{}, {}, {}",
                safe::mermaid_label(&view::truncate(&e.summary, 48)),
                i + 1,
                s.format("%Y-%m-%d"),
                until.format("%Y-%m-%d")
            );
        }
    }
    Some(out)
}
