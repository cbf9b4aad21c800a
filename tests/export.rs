//! The human exports (`tarikh export`): escaping, dates, determinism. The
//! fixture timeline here is also what the browser tests render.

use chrono::NaiveDate;
use serde_json::Value;

use tarikh::calendar::{Calendar, LunarVariant, Precision, from_gregorian};
use tarikh::diagnostic::{Code, Diagnostic, Severity};
use tarikh::event::{EntityRef, Event, EventType, Evidence};
use tarikh::export::json::TimelineFile;
use tarikh::export::safe::{self, Target};
use tarikh::export::{Labels, Options, csv, html, markdown, timelinejs};
use tarikh::temporal::DocumentInfo;
use tarikh::temporal::{Alternative, Bounds, LunarBounds, Time};
use tarikh::timeline::{Basis, Relation, RelationType, Timeline};

/// The article text no export may let through as markup.
pub const HOSTILE_SCRIPT: &str = "<script>document.title='pwned';window.__pwned=1</script>";

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn in_cal(x: Option<NaiveDate>, cal: Calendar) -> Option<tarikh::calendar::Ymd> {
    x.map(|x| from_gregorian(x, cal, LunarVariant::UmmAlQura))
}

/// A Time whose `text` sits at `offset` characters into a quote that starts
/// at document offset `quote_start`.
#[allow(clippy::too_many_arguments)]
fn time(
    text: &str,
    quote: &str,
    quote_start: usize,
    calendar: Calendar,
    precision: Precision,
    start: Option<&str>,
    end: Option<&str>,
    value: &str,
    modifier: Option<&str>,
) -> Time {
    let byte = quote.find(text).expect("date text in quote");
    let offset = quote[..byte].chars().count();
    let a = quote_start + offset;
    let (start, end) = (start.map(d), end.map(d));
    Time {
        text: text.to_string(),
        span: [a, a + text.chars().count()].into(),
        rule: "test/fixture".to_string(),
        calendar,
        value: Some(value.to_string()),
        precision,
        start,
        end,
        solar_hijri: Some(Bounds {
            start: in_cal(start, Calendar::SolarHijri),
            end: in_cal(end, Calendar::SolarHijri),
        }),
        lunar_hijri: Some(LunarBounds {
            start: in_cal(start, Calendar::LunarHijri),
            end: in_cal(end, Calendar::LunarHijri),
            variant: LunarVariant::UmmAlQura,
        }),
        original: None,
        time_of_day: None,
        timezone: None,
        modifier: modifier.map(|m| serde_json::from_value(serde_json::json!(m)).unwrap()),
        year_from: None,
        alternative: None,
        repaired: None,
    }
}

fn ev(document: &str, start: usize, quote: &str) -> Evidence {
    Evidence {
        document: document.to_string(),
        start,
        end: start + quote.chars().count(),
        quote: quote.to_string(),
    }
}

fn entity(id: &str, name: &str) -> EntityRef {
    EntityRef {
        id: id.to_string(),
        name: name.to_string(),
        span: [0, 0].into(),
    }
}

fn event(
    id: &str,
    kind: EventType,
    summary: &str,
    time: Option<Time>,
    evidence: Evidence,
    actors: Vec<EntityRef>,
    places: Vec<EntityRef>,
) -> Event {
    Event {
        id: id.to_string(),
        kind,
        summary: summary.to_string(),
        time: time.map(Box::new),
        mood: Default::default(),
        time_from: None,
        actors,
        places,
        evidence: vec![evidence],
        confidence: 0.8,
    }
}

fn doc(id: &str, lang: &str) -> DocumentInfo {
    DocumentInfo {
        id: id.to_string(),
        source: format!("articles/{id}.txt"),
        lang: tarikh::lang::Lang::from_code(lang).unwrap(),
        published: None,
        published_from: None,
    }
}

/// Quotes of the fixture (document, offset, text).
const Q1: &str = "درگیری‌ها از سال ۱۹۹۲ میان ارمنستان و آذربایجان آغاز شد.";
const Q2: &str = "The Bishkek Protocol, a ceasefire, was signed in May 1994 | after talks.";
const Q3: &str = "در سال ۲۰۱۶ درگیری‌ها در قره‌باغ دوباره شعله‌ور شد.";
const Q4: &str = "در آبان ۱۳۹۹ نبرد شوشا درگرفت.";
const Q5: &str = "آتش‌بس در ۱۰ آبان ۱۳۹۹ (۳ اکتبر ۲۰۲۰) اعلام شد.";
const Q7: &str = "پس از آن، مذاکرات در مسکو ادامه یافت.";

/// The hostile quote: markup, a `javascript:` link, a bidi override, a URL,
/// a pipe and a formula.
pub fn hostile_quote() -> String {
    format!(
        "=HYPERLINK(\"x\") On 10 November 2020 the ministry said: {HOSTILE_SCRIPT} </textarea><a href=\"javascript:alert(1)\">click</a> <img src=\"https://evil.example/x.png\" onerror=\"window.__pwned=2\"> \u{202E}evil\u{202C} a|b & c"
    )
}

/// Several events in Persian and English, year/month/day precisions, a
/// `since`, an undated event, a calendar-mismatch diagnostic and an article
/// full of markup.
pub fn fixture() -> TimelineFile {
    let hostile = hostile_quote();
    let events = vec![
        event(
            "fa-1-e1",
            EventType::ConflictStart,
            "درگیری‌ها میان ارمنستان و آذربایجان آغاز شد",
            Some(time(
                "از سال ۱۹۹۲",
                Q1,
                0,
                Calendar::Gregorian,
                Precision::Year,
                Some("1992-01-01"),
                None,
                "1992",
                Some("since"),
            )),
            ev("fa-1", 0, Q1),
            vec![
                entity("state:armenia", "ارمنستان"),
                entity("state:azerbaijan", "آذربایجان"),
            ],
            vec![],
        ),
        event(
            "en-1-e1",
            EventType::Agreement,
            "The Bishkek Protocol: a ceasefire was signed | after talks",
            Some(time(
                "May 1994",
                Q2,
                0,
                Calendar::Gregorian,
                Precision::Month,
                Some("1994-05-01"),
                Some("1994-05-31"),
                "1994-05",
                None,
            )),
            ev("en-1", 0, Q2),
            vec![],
            vec![entity("Q170123", "Bishkek")],
        ),
        event(
            "fa-2-e1",
            EventType::ArmedClash,
            "درگیری‌ها در قره‌باغ دوباره شعله‌ور شد",
            Some(time(
                "سال ۲۰۱۶",
                Q3,
                0,
                Calendar::Gregorian,
                Precision::Year,
                Some("2016-01-01"),
                Some("2016-12-31"),
                "2016",
                None,
            )),
            ev("fa-2", 0, Q3),
            vec![],
            vec![entity("Q230963", "قره‌باغ")],
        ),
        event(
            "fa-1-e2",
            EventType::ArmedClash,
            "نبرد شوشا درگرفت",
            Some({
                let mut t = time(
                    "آبان ۱۳۹۹",
                    Q4,
                    100,
                    Calendar::SolarHijri,
                    Precision::Month,
                    Some("2020-10-22"),
                    Some("2020-11-20"),
                    "2020-10-22/2020-11-20",
                    None,
                );
                t.original = Some("1399-08".into());
                t
            }),
            ev("fa-1", 100, Q4),
            vec![],
            vec![entity("Q204904", "شوشا")],
        ),
        event(
            "fa-1-e3",
            EventType::Ceasefire,
            "آتش‌بس اعلام شد",
            Some({
                let mut t = time(
                    "۱۰ آبان ۱۳۹۹",
                    Q5,
                    200,
                    Calendar::SolarHijri,
                    Precision::Day,
                    Some("2020-10-31"),
                    Some("2020-10-31"),
                    "2020-10-31",
                    None,
                );
                t.original = Some("1399-08-10".into());
                let alt_text = "۳ اکتبر ۲۰۲۰";
                let byte = Q5.find(alt_text).unwrap();
                let a = 200 + Q5[..byte].chars().count();
                t.alternative = Some(Box::new(Alternative {
                    calendar: Calendar::Gregorian,
                    text: alt_text.into(),
                    span: [a, a + alt_text.chars().count()].into(),
                    value: Some("2020-10-03".into()),
                    start: Some(d("2020-10-03")),
                    end: Some(d("2020-10-03")),
                    original: None,
                }));
                t
            }),
            ev("fa-1", 200, Q5),
            vec![],
            vec![],
        ),
        event(
            "en-1-e2",
            EventType::Statement,
            &format!("{hostile} (summary)"),
            Some(time(
                "10 November 2020",
                &hostile,
                300,
                Calendar::Gregorian,
                Precision::Day,
                Some("2020-11-10"),
                Some("2020-11-10"),
                "2020-11-10",
                None,
            )),
            ev("en-1", 300, &hostile),
            vec![entity("org:ministry", "the <b>ministry</b> | MoD")],
            vec![],
        ),
        event(
            "fa-1-e4",
            EventType::Negotiation,
            "مذاکرات در مسکو ادامه یافت",
            None,
            ev("fa-1", 400, Q7),
            vec![],
            vec![entity("Q649", "مسکو")],
        ),
    ];
    let q5_alt = Q5.find("۳ اکتبر ۲۰۲۰").unwrap();
    let a = 200 + Q5[..q5_alt].chars().count();
    let timeline = Timeline {
        documents: vec![doc("fa-1", "fa"), doc("en-1", "en"), doc("fa-2", "fa")],
        events,
        relations: vec![Relation {
            from: "fa-1-e4".into(),
            to: "fa-1-e3".into(),
            kind: RelationType::After,
            basis: Basis::Text,
        }],
        diagnostics: vec![
            Diagnostic {
                severity: Severity::Warning,
                code: Code::CalendarMismatch,
                message: "«۱۰ آبان ۱۳۹۹» is 2020-10-31 but the date beside it, «۳ اکتبر ۲۰۲۰», is 2020-10-03".into(),
                document: "fa-1".into(),
                span: Some([a, a + "۳ اکتبر ۲۰۲۰".chars().count()].into()),
                events: vec!["fa-1-e3".into()],
            },
            Diagnostic {
                severity: Severity::Info,
                code: Code::UnresolvedRelative,
                message: "<i>the day before</i> needs a publication date | give --published".into(),
                document: "en-1".into(),
                span: Some([310, 326].into()),
                events: vec!["en-1-e2".into()],
            },
        ],
    };
    TimelineFile::new(timeline)
}

/// Events of the fixture with a resolved start (a slide, a mark each).
pub fn dated_ids(t: &TimelineFile) -> Vec<String> {
    t.timeline
        .events
        .iter()
        .filter(|e| e.time.as_ref().is_some_and(|t| t.start.is_some()))
        .map(|e| e.id.clone())
        .collect()
}

fn fa() -> Options {
    Options { labels: Labels::Fa }
}
fn en() -> Options {
    Options { labels: Labels::En }
}

#[test]
fn labels_default_to_the_main_document_language() {
    let t = fixture();
    assert_eq!(Labels::of(&t), Labels::Fa);
    assert_eq!(Options::for_timeline(&t).labels, Labels::Fa);
    let mut t2 = t.clone();
    t2.timeline
        .documents
        .retain(|d| d.lang == tarikh::lang::Lang::En);
    assert_eq!(Labels::of(&t2), Labels::En);
}

#[test]
fn every_format_is_deterministic() {
    let t = fixture();
    for opts in [fa(), en()] {
        assert_eq!(
            markdown::render(&t, &opts),
            markdown::render(&t.clone(), &opts)
        );
        assert_eq!(html::render(&t, &opts), html::render(&t.clone(), &opts));
        assert_eq!(
            timelinejs::render(&t, &opts),
            timelinejs::render(&t.clone(), &opts)
        );
        assert_eq!(csv::render(&t, &opts), csv::render(&t.clone(), &opts));
    }
}

#[test]
fn markdown_dates_in_three_forms() {
    let md = markdown::render(&fixture(), &en());
    for want in [
        "| 1994-05 |",
        "| 2016 |",
        "| 1992 – |",
        "| 2020-10-22 – 2020-11-20 |",
        "| 1399-08 |",
        "| 1373-02-11 – 1373-03-10 |",
        "| 1394-10-11 – 1395-10-11 |",
        "| 2020-10-31 |",
        "| 1399-08-10 |",
        "\u{2067}۱۰ آبان ۱۳۹۹\u{2069}",
        "\u{2067}اردیبهشت–خرداد ۱۳۷۳\u{2069}",
        "\u{2067}آبان ۱۳۹۹\u{2069}",
        "\u{2067}۱۳۹۴–۱۳۹۵\u{2069}",
        "\u{2067}از ۱۳۷۰\u{2069}",
    ] {
        assert!(md.contains(want), "missing {want:?} in\n{md}");
    }
}

#[test]
fn markdown_escapes_pipes_and_html_and_isolates_persian() {
    let t = fixture();
    let md = markdown::render(&t, &en());
    // No markup from the article survives as markup.
    for raw in ["<script", "</textarea>", "<a href", "<img", "<b>", "<i>"] {
        assert!(!md.contains(raw), "raw {raw:?} in Markdown");
    }
    assert!(md.contains("&lt;script&gt;"));
    assert!(md.contains("a\\|b &amp; c"));
    assert!(md.contains("the &lt;b&gt;ministry&lt;/b&gt; \\| MoD"));
    // The bidi override is stripped, not obeyed.
    assert!(!md.contains('\u{202E}') && !md.contains('\u{202C}'));
    assert!(md.contains(" evil a\\|b &amp; c"));
    // Every table row has exactly the ten cells of the header.
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with("| ")).collect();
    assert_eq!(rows.len(), 1 + 6, "header and six dated events");
    for r in &rows {
        let unescaped_pipes = r
            .char_indices()
            .filter(|(i, c)| *c == '|' && (*i == 0 || !r[..*i].ends_with('\\')))
            .count();
        assert_eq!(unescaped_pipes, 11, "row {r}");
    }
    // Persian text sits in right-to-left isolates.
    assert!(md.contains("\u{2067}آتش‌بس اعلام شد\u{2069}"));
    assert!(md.contains("\u{2067}ارمنستان\u{2069}, \u{2067}آذربایجان\u{2069}"));
    // The date of the quote is in bold inside the isolate.
    assert!(
        md.contains("«\u{2067}آتش‌بس در **۱۰ آبان ۱۳۹۹** (۳ اکتبر ۲۰۲۰) اعلام شد.\u{2069}» — fa-1")
    );
}

#[test]
fn markdown_lists_undated_events_findings_and_a_chart() {
    let t = fixture();
    let md = markdown::render(&t, &en());
    let undated = md
        .split("## Events with no date of their own")
        .nth(1)
        .unwrap();
    assert!(undated.contains("**fa-1-e4**"));
    assert!(undated.contains("after \u{2067}آتش‌بس اعلام شد\u{2069} (2020-10-31)"));
    let verify = md.split("## To verify").nth(1).unwrap();
    assert!(verify.contains("**calendar-mismatch**"));
    // The quote of the mismatch, with the other calendar's date in bold.
    assert!(verify.contains("**۳ اکتبر ۲۰۲۰**"));
    assert!(verify.contains("**unresolved-relative**"));
    assert!(verify.contains("&lt;i&gt;the day before&lt;/i&gt;"));
    // The chart: one dateFormat, a bar per event with both bounds, no raw
    // colon or markup in labels.
    let chart = md
        .split("```mermaid\n")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    assert_eq!(chart.matches("dateFormat").count(), 1);
    let tasks: Vec<&str> = chart.lines().filter(|l| l.contains(" :t")).collect();
    assert_eq!(tasks.len(), 5, "{chart}");
    let entity = regex::Regex::new("#[0-9]+;").unwrap();
    for task in &tasks {
        let label = task.split(" :t").next().unwrap();
        let plain = entity.replace_all(label, "");
        assert!(!plain.contains([':', ';', '#', '<', '>', '&']), "{label}");
    }
    assert!(chart.contains("#58;"), "a colon in a label is #58;");
    assert!(
        chart.contains("2020-10-31, 2020-11-01"),
        "a day is a one-day bar"
    );
    assert!(chart.contains("\u{2067}آتش‌بس اعلام شد\u{2069}"));
    // Persian labels: headings in Persian.
    let md_fa = markdown::render(&t, &fa());
    assert!(md_fa.contains("## \u{2067}برای بررسی\u{2069}"));
    assert!(md_fa.contains("## \u{2067}رویدادها\u{2069}"));
}

#[test]
fn csv_quotes_and_defuses_formulas() {
    assert_eq!(safe::escape("=1+1", Target::Csv), "'=1+1");
    assert_eq!(safe::escape("+1", Target::Csv), "'+1");
    assert_eq!(safe::escape("-1", Target::Csv), "'-1");
    assert_eq!(safe::escape("@SUM(A1)", Target::Csv), "'@SUM(A1)");
    assert_eq!(safe::escape("a,b", Target::Csv), "\"a,b\"");
    assert_eq!(
        safe::escape("say \"hi\"", Target::Csv),
        "\"say \"\"hi\"\"\""
    );
    assert_eq!(safe::escape("=A1,\"x\"", Target::Csv), "\"'=A1,\"\"x\"\"\"");
    assert_eq!(safe::escape("two\nlines", Target::Csv), "\"two\nlines\"");
    assert_eq!(safe::escape("plain", Target::Csv), "plain");

    let t = fixture();
    let out = csv::render(&t, &en());
    let rows = parse_csv(&out);
    assert_eq!(rows[0].len(), 20);
    assert_eq!(&rows[0][..3], ["Year", "Month", "Day"]);
    assert_eq!(rows[0][18], "Event ID");
    assert_eq!(rows[0][19], "Solar Hijri");
    assert_eq!(rows[1][15], "title");
    assert_eq!(rows.len(), 2 + dated_ids(&t).len());
    for r in &rows {
        assert_eq!(r.len(), 20, "{r:?}");
        for cell in r {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell}");
        }
    }
    let hostile = rows.iter().find(|r| r[18] == "en-1-e2").unwrap();
    assert!(hostile[9].starts_with("'=HYPERLINK"), "{}", hostile[9]);
    assert!(!hostile[10].contains("<script"));
    let year_only = rows.iter().find(|r| r[18] == "fa-2-e1").unwrap();
    assert_eq!(&year_only[..7], ["2016", "", "", "", "", "", ""]);
    let month = rows.iter().find(|r| r[18] == "en-1-e1").unwrap();
    assert_eq!(&month[..3], ["1994", "5", ""]);
    assert_eq!(month[19], "1373-02-11 – 1373-03-10");
    assert!(out.ends_with("\r\n"));
}

/// A small RFC 4180 reader.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = s.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cell.push('"');
                } else {
                    quoted = false;
                }
            } else {
                cell.push(c);
            }
        } else {
            match c {
                '"' => quoted = true,
                ',' => row.push(std::mem::take(&mut cell)),
                '\r' => {}
                '\n' => {
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                _ => cell.push(c),
            }
        }
    }
    rows
}

#[test]
fn timelinejs_dates_keep_only_known_parts() {
    let t = fixture();
    let raw = timelinejs::render(&t, &fa());
    assert!(
        !raw.contains('<') && !raw.contains('>'),
        "markup is \\u003c-escaped"
    );
    let v: Value = serde_json::from_str(&raw).unwrap();
    assert!(v.get("language").is_none());
    let events = v["events"].as_array().unwrap();
    assert_eq!(events.len(), dated_ids(&t).len());
    let slide = |id: &str| events.iter().find(|e| e["unique_id"] == id).unwrap();
    assert_eq!(
        slide("fa-2-e1")["start_date"],
        serde_json::json!({"year": 2016})
    );
    assert!(slide("fa-2-e1").get("end_date").is_none());
    assert_eq!(
        slide("fa-1-e1")["start_date"],
        serde_json::json!({"year": 1992})
    );
    assert!(slide("fa-1-e1").get("end_date").is_none());
    assert_eq!(
        slide("en-1-e1")["start_date"],
        serde_json::json!({"year": 1994, "month": 5})
    );
    assert!(slide("en-1-e1").get("end_date").is_none());
    assert_eq!(
        slide("fa-1-e2")["start_date"],
        serde_json::json!({"year": 2020, "month": 10, "day": 22})
    );
    assert_eq!(
        slide("fa-1-e2")["end_date"],
        serde_json::json!({"year": 2020, "month": 11, "day": 20})
    );
    assert_eq!(
        slide("fa-1-e3")["display_date"],
        "2020-10-31 · \u{2067}۱۰ آبان ۱۳۹۹\u{2069}"
    );
    assert_eq!(slide("fa-1-e3")["group"], "آتش‌بس");
    let text = slide("en-1-e2")["text"]["text"].as_str().unwrap();
    assert!(!text.contains("<script") && text.contains("&lt;script&gt;"));
    assert!(
        slide("fa-1-e3")["text"]["text"]
            .as_str()
            .unwrap()
            .contains("<span dir=\"rtl\">")
    );
    let title = v["title"]["text"]["text"].as_str().unwrap();
    assert!(
        title.contains("مذاکرات در مسکو ادامه یافت"),
        "undated events on the title slide"
    );
}

#[test]
fn html_lets_no_article_markup_or_url_through() {
    let t = fixture();
    for opts in [fa(), en()] {
        let page = html::render(&t, &opts);
        // Only the page's own two script elements.
        assert_eq!(page.matches("<script").count(), 2);
        assert!(page.contains("<script type=\"application/json\" id=\"tarikh-data\">"));
        for raw in [
            "</textarea",
            "<a ",
            "<img",
            "javascript:",
            "onerror=\"",
            "<b>",
            "<i>",
            "\u{202E}",
        ] {
            assert!(!page.contains(raw), "raw {raw:?} in page");
        }
        let lower = page.to_lowercase();
        assert!(
            !lower.contains("http:") && !lower.contains("https:"),
            "a URL in the page"
        );
        for attr in ["src=", "href=", "url("] {
            for (i, _) in lower.match_indices(attr) {
                let after = &lower[i + attr.len()..];
                let value = after.trim_start_matches(['"', '\'']);
                assert!(
                    value.starts_with('#') || value.starts_with("data:"),
                    "{attr} pointing outside: {}",
                    &after[..after.len().min(40)]
                );
            }
        }
        assert!(lower.contains("content-security-policy"));
        // The hostile text is there, as text.
        assert!(page.contains("&lt;script&gt;document.title&#61;"));
        assert!(page.contains("\\u003cscript\\u003edocument.title\\u003d"));
        assert!(page.contains(" evil a|b &amp; c"));
        assert!(!page.contains('\u{202E}') && !page.contains('\u{202C}'));
        // One mark per dated event.
        assert_eq!(page.matches("<g class=\"mark").count(), dated_ids(&t).len());
    }
    assert!(html::render(&t, &fa()).contains("<html lang=\"fa\" dir=\"rtl\">"));
    assert!(html::render(&t, &en()).contains("<html lang=\"en\" dir=\"ltr\">"));
}

#[test]
fn html_script_data_is_the_same_json() {
    let data = serde_json::json!({"a": "x<y>&z: https://e", "b": ["\u{2028}", "\\\"<"]});
    let s = html::script_json(&data);
    assert!(!s.contains('<') && !s.contains('&') && !s.contains("https:"));
    let back: Value = serde_json::from_str(&s).unwrap();
    assert_eq!(back, data);
}

#[test]
fn cli_export_writes_each_format_and_refuses_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("timeline.json");
    std::fs::write(&input, tarikh::export::json::to_string(&fixture())).unwrap();
    for (format, name) in [
        ("md", "t.md"),
        ("html", "t.html"),
        ("timelinejs", "t.json"),
        ("csv", "t.csv"),
    ] {
        let out = dir.path().join(name);
        assert_cmd::Command::cargo_bin("tarikh")
            .unwrap()
            .args(["export", input.to_str().unwrap(), "--format", format, "-o"])
            .arg(&out)
            .assert()
            .success();
        let written = std::fs::read_to_string(&out).unwrap();
        let opts = Options::for_timeline(&fixture());
        let want = match format {
            "md" => markdown::render(&fixture(), &opts),
            "html" => html::render(&fixture(), &opts),
            "timelinejs" => timelinejs::render(&fixture(), &opts),
            _ => csv::render(&fixture(), &opts),
        };
        assert_eq!(written, want, "{format}");
    }
    let en_md = assert_cmd::Command::cargo_bin("tarikh")
        .unwrap()
        .args([
            "export",
            input.to_str().unwrap(),
            "--format",
            "md",
            "--labels",
            "en",
        ])
        .assert()
        .success();
    let stdout = String::from_utf8(en_md.get_output().stdout.clone()).unwrap();
    assert!(stdout.starts_with("# Timeline: "));

    let dates = dir.path().join("dates.json");
    std::fs::write(&dates, "{\"schema\":\"tarikh.dates/1\",\"dates\":[]}").unwrap();
    let a = assert_cmd::Command::cargo_bin("tarikh")
        .unwrap()
        .args(["export", dates.to_str().unwrap(), "--format", "md"])
        .assert()
        .code(1);
    let err = String::from_utf8(a.get_output().stderr.clone()).unwrap();
    assert!(err.contains("dates.json is not a tarikh timeline"), "{err}");
    assert!(err.contains("tarikh.dates/1"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

/// A saved timeline that breaks the contract is refused by every reader
/// (`export`, `check`, `check --against`) with the file and the JSON path
/// of the breach, exit 1; one with a UTF-8 BOM is read; bytes that are
/// not UTF-8 are named by their byte offset.
#[test]
fn saved_timelines_are_validated_on_read() {
    let dir = tempfile::tempdir().unwrap();
    let golden: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("timelines/fa/karabakh-aran.json").unwrap())
            .unwrap();
    let first = golden["events"][0]["id"].as_str().unwrap().to_string();
    type Edit = fn(&mut serde_json::Value, &str);
    let cases: [(&str, Edit, &str); 7] = [
        (
            "end-before-start",
            |t, _| t["events"][0]["time"]["end"] = "1987-01-01".into(),
            "$.events[0].time.end",
        ),
        (
            "solar-end-before-start",
            |t, _| t["events"][0]["time"]["solar_hijri"]["end"] = "1300-01-01".into(),
            "$.events[0].time.solar_hijri.end",
        ),
        (
            "dangling-relation",
            |t, _| t["relations"][0]["to"] = "no-such-event".into(),
            "$.relations[0].to",
        ),
        (
            "duplicate-event-id",
            |t, first| t["events"][1]["id"] = first.into(),
            "$.events[1].id",
        ),
        (
            "duplicate-document-id",
            |t, _| {
                let d = t["documents"][0].clone();
                t["documents"].as_array_mut().unwrap().push(d);
            },
            "$.documents[1].id",
        ),
        (
            "dangling-evidence",
            |t, _| t["events"][2]["evidence"][0]["document"] = "elsewhere".into(),
            "$.events[2].evidence[0].document",
        ),
        (
            "year-past-9999",
            |t, _| t["events"][0]["time"]["end"] = "+12020-01-01".into(),
            "$.events[0].time.end",
        ),
    ];
    let tarikh = || assert_cmd::Command::cargo_bin("tarikh").unwrap();
    for (name, edit, path) in cases {
        let mut t = golden.clone();
        edit(&mut t, &first);
        let file = dir.path().join(format!("{name}.json"));
        std::fs::write(&file, serde_json::to_string_pretty(&t).unwrap()).unwrap();
        let runs: [Vec<std::ffi::OsString>; 3] = [
            vec![
                "export".into(),
                file.clone().into(),
                "--format".into(),
                "md".into(),
            ],
            vec!["check".into(), file.clone().into()],
            vec![
                "check".into(),
                "timelines/fa/karabakh-aran.json".into(),
                "--against".into(),
                file.clone().into(),
            ],
        ];
        for args in runs {
            let out = tarikh().args(&args).assert().code(1).get_output().clone();
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                err.contains(&format!("{name}.json")) && err.contains(path),
                "{name} {args:?}: {err}"
            );
            assert!(out.stdout.is_empty(), "{name} {args:?}: nothing is written");
        }
    }

    // A UTF-8 BOM: read by every reader, from a file and from stdin.
    let text = std::fs::read("timelines/fa/karabakh-aran.json").unwrap();
    let bom = dir.path().join("bom.json");
    std::fs::write(&bom, [b"\xEF\xBB\xBF".as_slice(), &text].concat()).unwrap();
    tarikh()
        .args(["export", "--format", "csv"])
        .arg(&bom)
        .assert()
        .success();
    tarikh().arg("check").arg(&bom).assert().success();
    tarikh()
        .args(["check", "timelines/fa/karabakh-aran.json", "--against"])
        .arg(&bom)
        .assert()
        .success();
    tarikh()
        .args(["export", "-", "--format", "csv"])
        .write_stdin([b"\xEF\xBB\xBF".as_slice(), &text].concat())
        .assert()
        .success();

    // Not UTF-8 at byte 600 (after the BOM's 3): named with the offset.
    let mut broken = [b"\xEF\xBB\xBF".as_slice(), &text].concat();
    broken[603] = 0xff;
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, &broken).unwrap();
    for args in [
        vec!["export", bad.to_str().unwrap(), "--format", "md"],
        vec!["check", bad.to_str().unwrap()],
        vec![
            "check",
            "timelines/fa/karabakh-aran.json",
            "--against",
            bad.to_str().unwrap(),
        ],
    ] {
        let out = tarikh().args(&args).assert().code(1).get_output().clone();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("bad.json") && err.contains("byte offset 603"),
            "{args:?}: {err}"
        );
    }
    let out = tarikh()
        .args(["export", "-", "--format", "md"])
        .write_stdin(broken)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("standard input") && err.contains("byte offset 603"),
        "{err}"
    );
}

// ---- export::safe: the one place article text is made safe ----

/// An article quote that tries everything: an ANSI colour, a bidi
/// override, Markdown table and emphasis markup, and Persian.
const NASTY: &str = "\x1b[31mred\x1b[0m \u{202E}evil\u{202C} a|b *bold* آتش‌بس";

#[test]
fn safe_strip_removes_every_control_class() {
    use safe::strip;
    // C0 (ESC, NUL, BEL, backspace, vertical tab, form feed), DEL, C1.
    for c in [
        '\x1b', '\0', '\x07', '\x08', '\x0b', '\x0c', '\x7f', '\u{80}', '\u{9b}', '\u{9f}',
    ] {
        assert_eq!(strip(&format!("a{c}b")), "ab", "U+{:04X}", c as u32);
    }
    // Tabs and line breaks become spaces (every printer is one line).
    for c in ['\t', '\n', '\r', '\u{2028}', '\u{2029}'] {
        assert_eq!(strip(&format!("a{c}b")), "a b", "U+{:04X}", c as u32);
    }
    // ZWNJ and ZWJ are part of Persian words.
    assert_eq!(strip("می\u{200C}شود"), "می\u{200C}شود");
    assert_eq!(strip("a\u{200D}b"), "a\u{200D}b");
}

#[test]
fn safe_strip_removes_bidi_controls() {
    let bidi = [
        '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}',
        '\u{2068}', '\u{2069}', '\u{061C}', '\u{200E}', '\u{200F}',
    ];
    for c in bidi {
        assert!(safe::is_bidi_control(c));
        assert_eq!(safe::strip(&format!("x{c}y")), "xy", "U+{:04X}", c as u32);
        // And in every target, isolating or not.
        for t in [
            Target::Text,
            Target::Markdown,
            Target::Html,
            Target::HtmlPage,
            Target::Csv,
        ] {
            assert!(!safe::safe_text(&format!("x{c}y"), t).contains(c), "{t:?}");
        }
    }
}

#[test]
fn safe_escapes_for_each_target() {
    let md = safe::safe_text("a|b *c* _d_ `e` [f](g) <h> & \\ ~", Target::Markdown);
    assert_eq!(
        md,
        "a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) &lt;h&gt; &amp; \\\\ \\~"
    );
    assert_eq!(
        safe::safe_text("<a href='x'>\"&\"</a>", Target::Html),
        "&lt;a href&#61;&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;".replace("&#61;", "=")
    );
    assert_eq!(
        safe::safe_text("javascript:x=1", Target::HtmlPage),
        "javascript&#58;x&#61;1"
    );
    assert_eq!(safe::safe_text("=SUM(A1)", Target::Csv), "'=SUM(A1)");
    assert_eq!(safe::safe_text("a,\"b\"", Target::Csv), "\"a,\"\"b\"\"\"");
    // A line break in a CSV field becomes a space: one record per line.
    assert_eq!(safe::safe_text("two\nlines", Target::Csv), "two lines");
    assert_eq!(safe::safe_text("a|b *c*", Target::Text), "a|b *c*");
    assert_eq!(
        safe::markdown_code("id`|x\x1b"),
        "`id'\\|x`",
        "a code span cannot be closed or split"
    );
}

#[test]
fn safe_isolates_right_to_left_text_with_one_definition() {
    use tarikh::text::script::{has_rtl, is_rtl};
    // One definition: Hebrew and Arabic blocks, presentation forms; Persian
    // and Arabic-Indic digits count; ASCII, Latin and the BOM do not.
    for c in [
        'ا', 'پ', 'ی', 'א', '۱', '٣', '\u{FB50}', '\u{FE70}', '\u{0590}', '\u{08FF}',
    ] {
        assert!(is_rtl(c), "U+{:04X}", c as u32);
    }
    for c in ['a', '1', ' ', '«', '\u{FEFF}', '\u{200C}', 'é'] {
        assert!(!is_rtl(c), "U+{:04X}", c as u32);
    }
    assert!(has_rtl("1994 (۱۳۷۳)") && !has_rtl("1994"));
    // Right to left from the start: RLI; starting left to right: FSI.
    assert_eq!(safe::isolate("آتش‌بس"), "\u{2067}آتش‌بس\u{2069}");
    assert_eq!(safe::isolate("۱۳۷۳"), "\u{2067}۱۳۷۳\u{2069}");
    assert_eq!(safe::isolate("۱۲ مه"), "\u{2067}۱۲ مه\u{2069}");
    assert_eq!(
        safe::isolate("talks in مسکو"),
        "\u{2068}talks in مسکو\u{2069}"
    );
    assert_eq!(safe::isolate("no Persian"), "no Persian");
    // Text and Markdown isolate; HTML and CSV use markup instead.
    assert_eq!(
        safe::safe_text("مسکو", Target::Text),
        "\u{2067}مسکو\u{2069}"
    );
    assert_eq!(
        safe::safe_text("مسکو", Target::Markdown),
        "\u{2067}مسکو\u{2069}"
    );
    assert_eq!(safe::safe_text("مسکو", Target::Html), "مسکو");
    assert_eq!(safe::safe_text("مسکو", Target::Csv), "مسکو");
    // Quotations of a message are isolated one by one.
    assert_eq!(
        safe::safe_message("«۱۰ آبان» is «3 Oct»", Target::Text),
        "«\u{2067}۱۰ آبان\u{2069}» is «3 Oct»"
    );
    // An article's own isolates never survive: the only ones are tarikh's.
    assert_eq!(
        safe::safe_text("\u{2067}x\u{2069} مسکو", Target::Text),
        "\u{2068}x مسکو\u{2069}"
    );
}

#[test]
fn safe_text_is_idempotent() {
    for s in [
        NASTY,
        "plain",
        "آتش‌بس در ۱۰ آبان",
        "talks in مسکو\n",
        "«۱۰» and «x»",
        "",
    ] {
        let once = safe::safe_text(s, Target::Text);
        assert_eq!(safe::safe_text(&once, Target::Text), once, "{s:?}");
        assert_eq!(safe::strip(&safe::strip(s)), safe::strip(s));
        assert_eq!(safe::isolate(&safe::isolate(s)), safe::isolate(s));
        let m = safe::safe_message(s, Target::Text);
        assert_eq!(safe::safe_message(&m, Target::Text), m, "{s:?}");
    }
}

/// The fixture with `NASTY` as every quote, summary and actor name.
fn nasty_fixture() -> TimelineFile {
    let mut t = fixture();
    for e in &mut t.timeline.events {
        e.summary = NASTY.to_string();
        for ev in &mut e.evidence {
            ev.quote = NASTY.to_string();
            ev.end = ev.start + NASTY.chars().count();
        }
        for a in &mut e.actors {
            a.name = NASTY.to_string();
        }
    }
    for d in &mut t.timeline.diagnostics {
        d.message = format!("the text says «{NASTY}»");
    }
    t
}

fn assert_inert(out: &str, what: &str) {
    assert!(!out.contains('\x1b'), "{what}: ESC");
    for c in ['\u{202E}', '\u{202C}'] {
        assert!(!out.contains(c), "{what}: U+{:04X}", c as u32);
    }
}

#[test]
fn every_printer_makes_a_nasty_quote_safe() {
    let t = nasty_fixture();
    let opts = en();
    let md = markdown::render(&t, &opts);
    assert_inert(&md, "md");
    assert!(
        md.contains("\\[31mred\\[0m evil a\\|b \\*bold\\* آتش‌بس"),
        "{md}"
    );
    // Outside the Mermaid chart (a code block, with its own escaping).
    let prose = md.split("```mermaid").next().unwrap();
    assert!(!prose.contains("a|b") && !prose.contains("*bold*"));
    let page = html::render(&t, &opts);
    assert_inert(&page, "html");
    let slides = timelinejs::render(&t, &opts);
    assert_inert(&slides, "timelinejs");
    assert!(!slides.contains("\\u001b"), "no escaped ESC either");
    let sheet = csv::render(&t, &opts);
    assert_inert(&sheet, "csv");

    // The terminal table of `tarikh dates`.
    let doc = tarikh::text::Document {
        id: format!("doc{NASTY}"),
        source: "x".into(),
        text: "آتش‌بس در ۱۲ مه ۱۹۹۴ برقرار شد.".into(),
        lang: Some("fa".into()),
        published: None,
        published_from: None,
        title: None,
    };
    let found = tarikh::pipeline::dates(&doc, &tarikh::pipeline::Options::default());
    let mut listing = tarikh::export::json::DatesListing::new();
    listing.dates = found.dates;
    listing.dates[0].time.text = NASTY.to_string();
    listing.diagnostics.push(Diagnostic {
        message: format!("the text says «{NASTY}»"),
        ..sample_diagnostic()
    });
    let table = tarikh::export::render(
        &tarikh::export::Output::Dates(&listing),
        tarikh::export::Format::Table,
        &Default::default(),
    )
    .unwrap();
    assert_inert(&table, "table");
    assert!(
        table.contains("[31mred[0m evil a|b *bold* آتش‌بس"),
        "{table}"
    );
}

fn sample_diagnostic() -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        code: Code::CalendarMismatch,
        document: "d".into(),
        span: None,
        message: String::new(),
        events: Vec::new(),
    }
}

#[test]
fn every_format_of_every_command_renders() {
    use tarikh::export::{Command, Format, Output, RenderOptions, render};
    let t = fixture();
    let listing = tarikh::export::json::DatesListing::new();
    let report = tarikh::check::check(&t.timeline, None, &Default::default());
    let check = tarikh::export::json::CheckFile::new(report);
    let converted = tarikh::export::convert::convert("1399-08-10", None, LunarVariant::UmmAlQura);
    let record = tarikh::export::json::EventsRecord::new(tarikh::timeline::DocEvents {
        info: t.timeline.documents[0].clone(),
        events: Vec::new(),
        relations: Vec::new(),
        diagnostics: Vec::new(),
    });
    for command in Command::ALL {
        let output = match command {
            Command::Convert => Output::Conversion(&converted),
            Command::Dates => Output::Dates(&listing),
            Command::Extract | Command::Export | Command::Merge => Output::Timeline(&t),
            Command::Check => Output::Check(&check),
        };
        for &f in Format::for_command(command) {
            // `extract` writes JSON Lines per document: a document's events.
            let output = match (command, f) {
                (Command::Extract, Format::Jsonl) => Output::Events(&record),
                _ => output,
            };
            assert!(
                render(&output, f, &RenderOptions::default()).is_ok(),
                "{} {f}",
                command.id()
            );
        }
        // And a format outside its list is refused, not guessed.
        let outside = Format::ALL
            .into_iter()
            .find(|f| !Format::for_command(command).contains(f) && *f != Format::Json)
            .unwrap();
        assert!(render(&output, outside, &RenderOptions::default()).is_err());
    }
}
