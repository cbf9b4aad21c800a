//! HTML: one self-contained page, readable offline from `file://`.
//!
//! Inline CSS, JS and SVG only: no CDN, no web font, no image, no link
//! that leaves the page, and a Content-Security-Policy of `default-src
//! 'none'` besides. A horizontal time axis shows each dated event as a point
//! (a day) or a bar over its uncertain interval, one lane per event type;
//! events that a diagnostic names are ringed in red and marked `!`.
//! Clicking a mark (or an entry of the list under the chart) shows the
//! summary, the date in all three calendars, actors and places and the
//! source quotes with the date highlighted. Persian pages are right to
//! left; the axis always runs left to right.
//!
//! Article text is hostile: in the HTML it is escaped (`& < > " '`, `:` and
//! `=` as character references, bidi controls shown as `[U+202E]`); in the data
//! embedded for the script (`<script type="application/json">`) `<`, `>`,
//! `&`, `:`, `=` and U+2028/U+2029 inside strings are `\u` escapes, and the
//! script only ever sets `textContent`. No article text appears raw in the
//! file.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::json::TimelineFile;
use super::safe::{self, Target, safe_text, strip};
use super::view::{self, Marked};
use super::{Labels, Options};
use crate::event::{Event, EventType};

/// Article text for HTML content or a quoted attribute of the page
/// ([`Target::HtmlPage`]).
fn escape(s: &str) -> String {
    safe_text(s, Target::HtmlPage)
}

/// JSON for a `<script type="application/json">` element: inside strings,
/// `<`, `>`, `&`, `:`, `=`, U+2028 and U+2029 become `\u` escapes, so the
/// data can close no element and carries no URL scheme or `src=` as written.
pub fn script_json<T: Serialize>(value: &T) -> String {
    let raw = serde_json::to_string(value).unwrap_or_else(|_| "null".to_string());
    view::escape_json(&raw, true)
}

/// A quote in HTML with its marked part in `<mark>`.
fn quote_html(m: &Marked) -> String {
    format!(
        "<q dir=\"auto\">{}<mark>{}</mark>{}</q> <cite>{}</cite>",
        escape(&m.before),
        escape(&m.mark),
        escape(&m.after),
        escape(&m.document)
    )
}

#[derive(Serialize)]
struct QuoteData {
    document: String,
    before: String,
    mark: String,
    after: String,
}

impl From<Marked> for QuoteData {
    fn from(m: Marked) -> Self {
        QuoteData {
            document: strip(&m.document),
            before: strip(&m.before),
            mark: strip(&m.mark),
            after: strip(&m.after),
        }
    }
}

#[derive(Serialize)]
struct DiagData {
    code: &'static str,
    severity: &'static str,
    message: String,
}

#[derive(Serialize)]
struct EventData {
    id: String,
    kind: String,
    summary: String,
    written: String,
    gregorian: String,
    solar: String,
    lunar: String,
    precision: String,
    actors: Vec<String>,
    places: Vec<String>,
    relations: Vec<String>,
    quotes: Vec<QuoteData>,
    diagnostics: Vec<DiagData>,
}

#[derive(Serialize)]
struct PageData {
    labels: LabelData,
    events: Vec<EventData>,
}

#[derive(Serialize)]
struct LabelData {
    written: &'static str,
    gregorian: &'static str,
    solar: &'static str,
    lunar: &'static str,
    precision: &'static str,
    kind: &'static str,
    actors: &'static str,
    places: &'static str,
    relations: &'static str,
    sources: &'static str,
    verify: &'static str,
    close: &'static str,
}

struct Text {
    title: &'static str,
    chart: &'static str,
    list: &'static str,
    undated: &'static str,
    verify: &'static str,
    verify_none: &'static str,
    hint: &'static str,
    data: LabelData,
}

fn text(l: Labels) -> Text {
    match l {
        Labels::En => Text {
            title: "Timeline",
            chart: "Time axis",
            list: "Events",
            undated: "no date of its own",
            verify: "To verify",
            verify_none: "Nothing to verify.",
            hint: "Click an event (a point or a bar, or an entry of the list) to see its summary, its date in three calendars and its source.",
            data: LabelData {
                written: "Date as written",
                gregorian: "Gregorian",
                solar: "Solar Hijri",
                lunar: "Lunar Hijri",
                precision: "Precision",
                kind: "Type",
                actors: "Actors",
                places: "Places",
                relations: "Relations",
                sources: "Source",
                verify: "To verify",
                close: "Close",
            },
        },
        Labels::Fa => Text {
            title: "گاه‌شمار",
            chart: "محور زمان",
            list: "رویدادها",
            undated: "بی‌تاریخ",
            verify: "برای بررسی",
            verify_none: "موردی برای بررسی نیست.",
            hint: "روی رویدادی (نقطه یا نوار، یا یکی از موارد فهرست) بزنید تا خلاصه، تاریخ آن در سه گاه‌شماری و منبعش را ببینید.",
            data: LabelData {
                written: "تاریخ در متن",
                gregorian: "میلادی",
                solar: "خورشیدی",
                lunar: "قمری",
                precision: "دقت",
                kind: "نوع",
                actors: "کنشگران",
                places: "مکان‌ها",
                relations: "نسبت‌ها",
                sources: "منبع",
                verify: "برای بررسی",
                close: "بستن",
            },
        },
    }
}

/// Colours of the event types, in [`EventType::ALL`] order.
const COLOURS: [&str; 19] = [
    "#8e0152", "#c51b7d", "#d6604d", "#1b7837", "#2166ac", "#4393c3", "#762a83", "#35978f",
    "#5aae61", "#b35806", "#8c510a", "#542788", "#01665e", "#b2182b", "#e08214", "#9e0142",
    "#3f007d", "#7f3b08", "#666666",
];

fn colour(k: EventType) -> &'static str {
    let i = EventType::ALL
        .iter()
        .position(|t| *t == k)
        .unwrap_or(COLOURS.len() - 1);
    COLOURS[i]
}

fn event_data(t: &TimelineFile, e: &Event, l: Labels) -> EventData {
    let tm = e.time.as_deref();
    let mut precision = tm
        .map(|t| view::precision_label(t.precision, l).to_string())
        .unwrap_or_default();
    if let Some(m) = tm.and_then(|t| t.modifier.as_ref()) {
        precision.push_str(&format!(" ({})", strip(m.as_str())));
    }
    let relations = view::relations_of(t, &e.id)
        .into_iter()
        .map(|(kind, other)| {
            let when = other
                .time
                .as_ref()
                .map(|t| format!(" ({})", view::gregorian(t)))
                .unwrap_or_default();
            format!(
                "{} «{}»{}",
                view::relation_label(kind, l),
                strip(&view::truncate(&other.summary, 80)),
                when
            )
        })
        .collect();
    let mut quotes: Vec<QuoteData> = Vec::new();
    for (i, ev) in e.evidence.iter().enumerate() {
        let span = if i == 0 { tm.map(|t| t.span) } else { None };
        quotes.push(view::mark_in(ev, span).into());
    }
    EventData {
        id: strip(&e.id),
        kind: view::kind_label(e, l),
        summary: strip(&e.summary),
        written: strip(&view::written(e, l)),
        gregorian: tm.map(view::gregorian).unwrap_or_default(),
        solar: tm
            .map(|t| {
                let fa = view::solar_fa(t);
                if fa.is_empty() {
                    view::solar(t)
                } else {
                    format!("{} · {}", view::solar(t), safe::isolate(&fa))
                }
            })
            .unwrap_or_default(),
        lunar: tm
            .and_then(view::lunar)
            .map(|(d, v)| format!("{d} ({v})"))
            .unwrap_or_default(),
        precision,
        actors: e.actors.iter().map(|a| strip(&a.name)).collect(),
        places: e.places.iter().map(|a| strip(&a.name)).collect(),
        relations,
        quotes,
        diagnostics: view::diagnostics_of(t, &e.id)
            .into_iter()
            .map(|d| DiagData {
                code: d.code.as_str(),
                severity: view::severity_label(d.severity, l),
                message: strip(&d.message),
            })
            .collect(),
    }
}

/// Geometry of the chart (SVG user units).
const WIDTH: f64 = 1000.0;
const GUTTER: f64 = 160.0;
const PAD: f64 = 14.0;
const ROW: f64 = 22.0;
const AXIS: f64 = 34.0;

fn day_number(d: NaiveDate) -> f64 {
    f64::from(d.num_days_from_ce())
}

/// Ticks for the axis: (date, label) at a step that gives at most ~12.
fn ticks(lo: NaiveDate, hi: NaiveDate) -> Vec<(NaiveDate, String)> {
    let days = (hi - lo).num_days();
    let mut out = Vec::new();
    if days > 3 * 366 {
        let years = (hi.year() - lo.year()).max(1);
        let step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
            .into_iter()
            .find(|s| years / s <= 12)
            .unwrap_or(1000);
        let mut y = (lo.year() + step - 1).div_euclid(step) * step;
        while y <= hi.year() {
            if let Some(d) = NaiveDate::from_ymd_opt(y, 1, 1)
                && d >= lo
            {
                out.push((d, y.to_string()));
            }
            y += step;
        }
    } else if days > 60 {
        let months = (hi.year() - lo.year()) * 12 + hi.month() as i32 - lo.month() as i32;
        let step = [1, 2, 3, 6, 12]
            .into_iter()
            .find(|s| months / s <= 12)
            .unwrap_or(12);
        let mut m = lo.year() * 12 + lo.month0() as i32;
        m = (m + step - 1).div_euclid(step) * step;
        while let Some(d) =
            NaiveDate::from_ymd_opt(m.div_euclid(12), m.rem_euclid(12) as u32 + 1, 1)
        {
            if d > hi {
                break;
            }
            if d >= lo {
                out.push((d, d.format("%Y-%m").to_string()));
            }
            m += step;
        }
    } else {
        let step = [1, 2, 7, 14, 30]
            .into_iter()
            .find(|s| days / s <= 12)
            .unwrap_or(30);
        let mut d = lo;
        while d <= hi {
            out.push((d, d.format("%Y-%m-%d").to_string()));
            match d.checked_add_days(chrono::Days::new(step as u64)) {
                Some(n) => d = n,
                None => break,
            }
        }
    }
    out
}

/// The SVG chart and the number of marks drawn.
fn chart(t: &TimelineFile, l: Labels) -> String {
    let dated: Vec<(usize, &Event, NaiveDate, NaiveDate, bool)> = t
        .timeline
        .events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let tm = e.time.as_ref()?;
            let s = tm.start?;
            Some((i, e, s, tm.end, tm.end.is_none()))
        })
        .map(|(i, e, s, end, open)| (i, e, s, end.unwrap_or(s), open))
        .collect();
    let Some((lo, hi)) = view::span_of(t) else {
        return String::new();
    };
    let (lo, hi) = if lo == hi {
        (
            lo.checked_sub_days(chrono::Days::new(15)).unwrap_or(lo),
            hi.checked_add_days(chrono::Days::new(15)).unwrap_or(hi),
        )
    } else {
        (lo, hi)
    };
    let (d0, d1) = (day_number(lo), day_number(hi) + 1.0);
    let plot = WIDTH - GUTTER - 2.0 * PAD;
    let x = |d: f64| GUTTER + PAD + (d - d0) / (d1 - d0) * plot;

    let mut body = String::new();
    let mut y = AXIS;
    for kind in EventType::ALL {
        let of_kind: Vec<_> = dated.iter().filter(|(_, e, ..)| e.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        // Greedy rows: each mark goes to the first row it does not overlap.
        let mut rows: Vec<f64> = Vec::new();
        let mut placed = Vec::new();
        for (i, e, s, end, open) in of_kind {
            let x0 = x(day_number(*s));
            let x1 = if *open {
                x(d1 - 1.0) + 6.0
            } else {
                x(day_number(*end) + 1.0)
            };
            let point = x1 - x0 < 8.0;
            let (left, right) = if point {
                (x0 - 7.0, x0 + 7.0)
            } else {
                (x0, x1)
            };
            let row = match rows.iter().position(|r| *r + 4.0 <= left) {
                Some(r) => r,
                None => {
                    rows.push(f64::MIN);
                    rows.len() - 1
                }
            };
            rows[row] = right;
            placed.push((*i, *e, x0, x1, point, *open, row));
        }
        let lane_h = rows.len() as f64 * ROW + 8.0;
        let _ = write!(
            body,
            "<g class=\"lane\"><rect class=\"band\" x=\"0\" y=\"{y:.1}\" width=\"{WIDTH}\" height=\"{lane_h:.1}\"/><text class=\"lane-label\" x=\"{:.1}\" y=\"{:.1}\" fill=\"{}\">{}</text>",
            GUTTER - 8.0,
            y + 4.0 + ROW / 2.0 + 4.0,
            colour(kind),
            escape(view::type_label(kind, l))
        );
        for (i, e, x0, x1, point, open, row) in placed {
            let cy = y + 4.0 + row as f64 * ROW + ROW / 2.0;
            let flagged = !view::diagnostics_of(t, &e.id).is_empty();
            let class = match (flagged, open) {
                (true, true) => "mark flagged open",
                (true, false) => "mark flagged",
                (false, true) => "mark open",
                (false, false) => "mark",
            };
            // A plan, a denial or a condition is drawn hollow: it must not
            // look like what happened.
            let class = match e.mood {
                crate::event::Mood::Asserted => class.to_string(),
                m => format!("{class} mood-{}", m.id()),
            };
            let tip = match e.time.as_ref() {
                Some(tm) => format!(
                    "{} — {}",
                    view::gregorian(tm),
                    view::truncate(&e.summary, 90)
                ),
                None => view::truncate(&e.summary, 90),
            };
            let _ = write!(
                body,
                "<g class=\"{class}\" data-i=\"{i}\" tabindex=\"0\" role=\"button\" style=\"--c:{}\"><title>{}</title>",
                colour(e.kind),
                escape(&tip)
            );
            if point {
                let _ = write!(body, "<circle cx=\"{x0:.1}\" cy=\"{cy:.1}\" r=\"6\"/>");
            } else {
                let _ = write!(
                    body,
                    "<rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"12\" rx=\"3\"/>",
                    cy - 6.0,
                    (x1 - x0).max(2.0)
                );
            }
            if flagged {
                let fx = if point { x0 + 9.0 } else { x1 + 3.0 };
                let _ = write!(
                    body,
                    "<text class=\"flag\" x=\"{fx:.1}\" y=\"{:.1}\">!</text>",
                    cy + 5.0
                );
            }
            body.push_str("</g>");
        }
        body.push_str("</g>");
        y += lane_h + 4.0;
    }
    let height = y + 6.0;
    let mut axis = String::new();
    let _ = write!(
        axis,
        "<line class=\"axis\" x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\"/>",
        GUTTER,
        AXIS - 6.0,
        WIDTH,
        AXIS - 6.0
    );
    for (d, label) in ticks(lo, hi) {
        let tx = x(day_number(d));
        let _ = write!(
            axis,
            "<line class=\"tick\" x1=\"{tx:.1}\" y1=\"{:.1}\" x2=\"{tx:.1}\" y2=\"{height:.1}\"/><text class=\"tick-label\" x=\"{tx:.1}\" y=\"{:.1}\">{label}</text>",
            AXIS - 10.0,
            AXIS - 12.0
        );
    }
    format!(
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {height:.1}\" role=\"img\" aria-label=\"{}\">{axis}{body}</svg>",
        text(l).chart
    )
}

const STYLE: &str = r#"
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --line: #d0d4d9; --warn: #c5221f; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 16px 20px 40px; color: var(--ink);
  font: 15px/1.55 system-ui, "Noto Sans", "Noto Naskh Arabic", "Noto Sans Arabic", Tahoma, sans-serif; }
h1 { font-size: 1.5em; margin: 0 0 .3em; }
h2 { font-size: 1.15em; margin: 1.4em 0 .5em; border-bottom: 1px solid var(--line); }
.summary, .hint { color: var(--muted); margin: .2em 0; }
.chart-box { direction: ltr; overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; background: #fafbfc; }
svg.chart { display: block; width: 100%; min-width: 720px; height: auto; }
.band { fill: #fff; stroke: var(--line); stroke-width: .5; }
.lane-label { font-size: 12px; font-weight: 600; text-anchor: end; }
.axis, .tick { stroke: var(--line); stroke-width: 1; }
.tick { stroke-dasharray: 2 3; }
.tick-label { font-size: 11px; fill: var(--muted); text-anchor: middle; }
.mark { cursor: pointer; outline: none; }
.mark circle, .mark rect { fill: var(--c); fill-opacity: .75; stroke: var(--c); stroke-width: 1.5; }
.mark.open rect { fill-opacity: .35; stroke-dasharray: 4 3; }
.mark.mood-planned circle, .mark.mood-planned rect, .mark.mood-negated circle, .mark.mood-negated rect, .mark.mood-hypothetical circle, .mark.mood-hypothetical rect { fill: #fff; fill-opacity: 1; stroke-dasharray: 2 2; }
.mark.flagged circle, .mark.flagged rect { stroke: var(--warn); stroke-width: 3; }
.mark:hover circle, .mark:hover rect, .mark:focus circle, .mark:focus rect, .mark.selected circle, .mark.selected rect { fill-opacity: 1; stroke: #000; stroke-width: 3; }
.flag { fill: var(--warn); font-weight: 700; font-size: 14px; }
#details { margin: 14px 0; padding: 12px 16px; border: 1px solid var(--line); border-radius: 6px; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.08); }
#details h3 { margin: 0 0 .4em; font-size: 1.1em; }
#details dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; }
#details dt { color: var(--muted); }
#details dd { margin: 0; }
#details .warn { color: var(--warn); }
#details button { float: inline-end; }
q { quotes: "«" "»"; }
mark { background: #ffe08a; padding: 0 2px; }
cite { color: var(--muted); font-style: normal; font-size: .9em; }
ol.events { padding-inline-start: 1.6em; }
ol.events li { margin: .25em 0; }
ol.events button { all: unset; cursor: pointer; }
ol.events button:hover, ol.events button:focus { text-decoration: underline; }
.date { font-variant-numeric: tabular-nums; color: var(--muted); }
.type { display: inline-block; font-size: .8em; padding: 0 6px; border-radius: 8px; color: #fff; }
.diag { color: var(--warn); font-weight: 600; }
ul.verify li { margin: .4em 0; }
"#;

const SCRIPT: &str = r#"
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('tarikh-data').textContent);
  var L = data.labels;
  var panel = document.getElementById('details');
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function row(dl, label, value) {
    if (!value || (Array.isArray(value) && value.length === 0)) { return; }
    dl.appendChild(el('dt', label));
    var dd = el('dd', Array.isArray(value) ? value.join(' · ') : value);
    dd.dir = 'auto';
    dl.appendChild(dd);
  }
  function show(i) {
    var e = data.events[i];
    if (!e) { return; }
    document.querySelectorAll('.mark.selected').forEach(function (m) { m.classList.remove('selected'); });
    document.querySelectorAll('.mark[data-i="' + i + '"]').forEach(function (m) { m.classList.add('selected'); });
    panel.replaceChildren();
    var close = el('button', L.close);
    close.type = 'button';
    close.addEventListener('click', function () { panel.hidden = true; });
    panel.appendChild(close);
    var h = el('h3', e.summary);
    h.dir = 'auto';
    panel.appendChild(h);
    var dl = el('dl');
    row(dl, L.kind, e.kind);
    row(dl, L.written, e.written);
    row(dl, L.gregorian, e.gregorian);
    row(dl, L.solar, e.solar);
    row(dl, L.lunar, e.lunar);
    row(dl, L.precision, e.precision);
    row(dl, L.actors, e.actors);
    row(dl, L.places, e.places);
    row(dl, L.relations, e.relations);
    panel.appendChild(dl);
    e.quotes.forEach(function (q) {
      var p = el('p', null, 'quote');
      var qq = el('q');
      qq.dir = 'auto';
      qq.appendChild(document.createTextNode(q.before));
      if (q.mark) { qq.appendChild(el('mark', q.mark)); }
      qq.appendChild(document.createTextNode(q.after));
      p.appendChild(el('span', L.sources + ' '));
      p.appendChild(qq);
      p.appendChild(document.createTextNode(' '));
      p.appendChild(el('cite', q.document));
      panel.appendChild(p);
    });
    e.diagnostics.forEach(function (d) {
      var p = el('p', '⚠ ' + L.verify + ' [' + d.code + ', ' + d.severity + '] ' + d.message, 'warn');
      p.dir = 'auto';
      panel.appendChild(p);
    });
    panel.hidden = false;
  }
  document.querySelectorAll('[data-i]').forEach(function (m) {
    var i = Number(m.getAttribute('data-i'));
    m.addEventListener('click', function () { show(i); });
    m.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); show(i); }
    });
  });
})();
"#;

/// Renders the timeline as one self-contained HTML page.
pub fn render(t: &TimelineFile, opts: &Options) -> String {
    let l = opts.labels;
    let x = text(l);
    let (lang, dir) = match l {
        Labels::Fa => ("fa", "rtl"),
        Labels::En => ("en", "ltr"),
    };
    let sources = view::sources(t, l);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"generator\" content=\"{} {}\">\n<title>{} — {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&t.generator.name),
        escape(&t.generator.version),
        x.title,
        escape(&sources)
    );
    let _ = writeln!(
        out,
        "<header><h1>{} — <bdi>{}</bdi></h1><p class=\"summary\">{}</p><p class=\"hint\">{}</p></header>",
        x.title,
        escape(&sources),
        escape(&view::summary_paragraph(t, l)),
        x.hint
    );
    let _ = writeln!(
        out,
        "<section class=\"chart-box\" aria-label=\"{}\">{}</section>",
        x.chart,
        chart(t, l)
    );
    out.push_str("<section id=\"details\" aria-live=\"polite\" hidden></section>\n");

    // The list of every event (undated ones too).
    let _ = writeln!(out, "<section><h2>{}</h2><ol class=\"events\">", x.list);
    for (i, e) in t.timeline.events.iter().enumerate() {
        let date = match &e.time {
            Some(tm) => {
                let fa = view::solar_fa(tm);
                if fa.is_empty() {
                    view::gregorian(tm)
                } else {
                    format!("{} · {}", view::gregorian(tm), fa)
                }
            }
            None => x.undated.to_string(),
        };
        let flag = if view::diagnostics_of(t, &e.id).is_empty() {
            ""
        } else {
            " <span class=\"diag\">⚠</span>"
        };
        let _ = writeln!(
            out,
            "<li><button type=\"button\" data-i=\"{i}\"><span class=\"date\"><bdi>{}</bdi></span> <span class=\"type\" style=\"background:{}\">{}</span> <bdi>{}</bdi>{flag}</button></li>",
            escape(&date),
            colour(e.kind),
            escape(&view::kind_label(e, l)),
            escape(&e.summary)
        );
    }
    out.push_str("</ol></section>\n");

    // Diagnostics.
    let _ = writeln!(out, "<section><h2>{}</h2>", x.verify);
    if t.timeline.diagnostics.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", x.verify_none);
    } else {
        out.push_str("<ul class=\"verify\">\n");
        for d in &t.timeline.diagnostics {
            let _ = write!(
                out,
                "<li><span class=\"diag\">⚠ {} ({})</span> <bdi>{}</bdi> — <bdi>{}</bdi>",
                d.code.as_str(),
                view::severity_label(d.severity, l),
                escape(&d.document),
                escape(&d.message)
            );
            if let Some(q) = view::diagnostic_quote(t, d) {
                let _ = write!(out, "<br>{}", quote_html(&q));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");

    let data = PageData {
        labels: x.data,
        events: t
            .timeline
            .events
            .iter()
            .map(|e| event_data(t, e, l))
            .collect(),
    };
    let _ = write!(
        out,
        "<script type=\"application/json\" id=\"tarikh-data\">{}</script>\n<script>{SCRIPT}</script>\n</body>\n</html>\n",
        script_json(&data)
    );
    out
}
