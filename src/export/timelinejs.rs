//! TimelineJS 3 JSON (`@knight-lab/timelinejs`).
//!
//! One slide per dated event (a time with a resolved `start`), with
//! `start_date`/`end_date` that leave out what the text did not give (a
//! year stays a year), `display_date` carrying the Solar Hijri date in
//! Persian script (in a right-to-left isolate) next to the Gregorian one,
//! `group` = event type, `unique_id` = event id, and a title slide whose
//! text lists the events with no start. `language` is never set (the `fa`
//! locale labels Gregorian months with Solar Hijri names).
//!
//! Headlines and texts are HTML in TimelineJS: article text is escaped and
//! Persian text sits in `dir="rtl"` spans. The JSON escapes `<`, `>` and
//! `&` inside strings (`\u003c` …), so it can be embedded in a page as is.

use serde::Serialize;
use serde_json::{Map, Value, json};

use super::json::TimelineFile;
use super::safe::{self, Target, safe_text, strip};
use super::view::{self, Parts};
use super::{Labels, Options};
use crate::event::Event;
use crate::text::script::has_rtl;

/// Article text as HTML text ([`Target::Html`]): stripped, `& < > " '` as
/// character references.
pub(crate) fn escape(s: &str) -> String {
    safe_text(s, Target::Html)
}

/// Article text as HTML, in a `dir="rtl"` span when Persian.
pub(crate) fn html_text(s: &str) -> String {
    if has_rtl(s) {
        format!("<span dir=\"rtl\">{}</span>", escape(s))
    } else {
        escape(s)
    }
}

pub(crate) struct Words {
    pub gregorian: &'static str,
    pub solar: &'static str,
    pub lunar: &'static str,
    pub written: &'static str,
    pub actors: &'static str,
    pub places: &'static str,
    pub verify: &'static str,
    pub title: &'static str,
    pub undated: &'static str,
    pub colon: &'static str,
}

pub(crate) fn words(l: Labels) -> Words {
    match l {
        Labels::En => Words {
            gregorian: "Gregorian",
            solar: "Solar Hijri",
            lunar: "Lunar Hijri",
            written: "Date as written",
            actors: "Actors",
            places: "Places",
            verify: "To verify",
            title: "Timeline",
            undated: "Events with no date of their own",
            colon: ": ",
        },
        Labels::Fa => Words {
            gregorian: "میلادی",
            solar: "خورشیدی",
            lunar: "قمری",
            written: "تاریخ در متن",
            actors: "کنشگران",
            places: "مکان‌ها",
            verify: "برای بررسی",
            title: "گاه‌شمار",
            undated: "رویدادهای بی‌تاریخ",
            colon: ": ",
        },
    }
}

/// The display date: Gregorian ISO, then the Solar Hijri date in Persian
/// script in a right-to-left isolate.
pub(crate) fn display_date(e: &Event) -> String {
    let Some(t) = &e.time else {
        return String::new();
    };
    let g = view::gregorian(t);
    let fa = view::solar_fa(t);
    if fa.is_empty() {
        g
    } else {
        format!("{g} · {}", safe::isolate(&fa))
    }
}

/// The headline (HTML): the summary, shortened.
pub(crate) fn headline(e: &Event) -> String {
    html_text(&view::truncate(&strip(&e.summary), 110))
}

/// The slide text (HTML): summary, the three calendars, actors and places,
/// the source quote with the date marked, the findings to verify.
pub(crate) fn slide_text(t: &TimelineFile, e: &Event, l: Labels) -> String {
    let w = words(l);
    let mut s = String::new();
    s.push_str(&format!("<p>{}</p>", html_text(&e.summary)));
    // Labelled lines: right to left under Persian labels, each value in
    // its own direction.
    let p = match l {
        Labels::Fa => "<p dir=\"rtl\">",
        Labels::En => "<p>",
    };
    let ltr = |v: &str| format!("<span dir=\"ltr\">{v}</span>");
    if let Some(tm) = &e.time {
        let mut lines = vec![
            format!("{}{}{}", w.written, w.colon, html_text(&tm.text)),
            format!("{}{}{}", w.gregorian, w.colon, ltr(&view::gregorian(tm))),
        ];
        let fa = view::solar_fa(tm);
        let solar = if fa.is_empty() {
            ltr(&view::solar(tm))
        } else {
            format!(
                "{} · <span dir=\"rtl\">{}</span>",
                ltr(&view::solar(tm)),
                fa
            )
        };
        lines.push(format!("{}{}{}", w.solar, w.colon, solar));
        if let Some((d, v)) = view::lunar(tm) {
            lines.push(format!(
                "{}{}{}",
                w.lunar,
                w.colon,
                ltr(&format!("{d} ({v})"))
            ));
        }
        s.push_str(&format!("{p}{}</p>", lines.join("<br>")));
    }
    let names = |list: &[crate::event::EntityRef]| {
        list.iter()
            .map(|a| html_text(&a.name))
            .collect::<Vec<_>>()
            .join(match l {
                Labels::Fa => "، ",
                Labels::En => ", ",
            })
    };
    let mut who = Vec::new();
    if !e.actors.is_empty() {
        who.push(format!("{}{}{}", w.actors, w.colon, names(&e.actors)));
    }
    if !e.places.is_empty() {
        who.push(format!("{}{}{}", w.places, w.colon, names(&e.places)));
    }
    if !who.is_empty() {
        s.push_str(&format!("{p}{}</p>", who.join("<br>")));
    }
    if let Some(q) = view::event_quote(e) {
        let dir = if has_rtl(&q.whole()) {
            " dir=\"rtl\""
        } else {
            ""
        };
        s.push_str(&format!(
            "<blockquote{dir}>{}<mark>{}</mark>{}</blockquote><p><cite>{}</cite></p>",
            escape(&q.before),
            escape(&q.mark),
            escape(&q.after),
            escape(&q.document)
        ));
    }
    for d in view::diagnostics_of(t, &e.id) {
        s.push_str(&format!(
            "<p>⚠ {}{}[{}] {}</p>",
            w.verify,
            w.colon,
            d.code.as_str(),
            html_text(&d.message)
        ));
    }
    s
}

/// The title slide's text: the summary paragraph and the events with no
/// start, under their relations.
pub(crate) fn title_text(t: &TimelineFile, l: Labels) -> String {
    let w = words(l);
    let mut s = format!("<p>{}</p>", html_text(&view::summary_paragraph(t, l)));
    let undated: Vec<&Event> = t
        .timeline
        .events
        .iter()
        .filter(|e| !view::is_dated(e))
        .collect();
    if !undated.is_empty() {
        s.push_str(&format!("<p>{}{}</p><ul>", w.undated, w.colon.trim_end()));
        for e in undated {
            let mut item = html_text(&e.summary);
            if let Some(tm) = &e.time {
                item.push_str(&format!(" ({})", view::gregorian(tm)));
            }
            for (kind, other) in view::relations_of(t, &e.id) {
                item.push_str(&format!(
                    " — {} {}",
                    view::relation_label(kind, l),
                    html_text(&view::truncate(&other.summary, 60))
                ));
            }
            s.push_str(&format!("<li>{item}</li>"));
        }
        s.push_str("</ul>");
    }
    s
}

/// The title slide's headline (HTML).
pub(crate) fn title_headline(t: &TimelineFile, l: Labels) -> String {
    format!(
        "{}{}{}",
        words(l).title,
        words(l).colon,
        html_text(&view::sources(t, l))
    )
}

fn date_json(p: Parts, time_of_day: Option<&str>) -> Value {
    let mut m = Map::new();
    m.insert("year".into(), json!(p.year));
    if let Some(month) = p.month {
        m.insert("month".into(), json!(month));
    }
    if let Some(day) = p.day {
        m.insert("day".into(), json!(day));
        if let Some((h, min)) = time_of_day.and_then(|s| s.split_once(':'))
            && let (Ok(h), Ok(min)) = (h.parse::<u8>(), min.parse::<u8>())
        {
            m.insert("hour".into(), json!(h));
            m.insert("minute".into(), json!(min));
        }
    }
    Value::Object(m)
}

#[derive(Serialize)]
struct Doc {
    title: Value,
    events: Vec<Value>,
}

/// Renders the timeline as TimelineJS 3 JSON.
pub fn render(t: &TimelineFile, opts: &Options) -> String {
    let l = opts.labels;
    let mut events = Vec::new();
    for e in &t.timeline.events {
        let Some(tm) = &e.time else { continue };
        let Some((start, end)) = view::parts(tm) else {
            continue;
        };
        let mut slide = Map::new();
        slide.insert(
            "start_date".into(),
            date_json(start, tm.time_of_day.as_deref()),
        );
        if let Some(end) = end {
            slide.insert("end_date".into(), date_json(end, None));
        }
        slide.insert("display_date".into(), json!(display_date(e)));
        slide.insert(
            "text".into(),
            json!({ "headline": headline(e), "text": slide_text(t, e, l) }),
        );
        slide.insert("group".into(), json!(view::kind_label(e, l)));
        slide.insert("unique_id".into(), json!(strip(&e.id)));
        events.push(Value::Object(slide));
    }
    let doc = Doc {
        title: json!({
            "text": { "headline": title_headline(t, l), "text": title_text(t, l) },
            "unique_id": "tarikh-title"
        }),
        events,
    };
    let raw = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".to_string());
    let mut s = view::escape_json(&raw, false);
    s.push('\n');
    s
}
