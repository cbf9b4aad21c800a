//! The exports in a real browser: headless Debian Chromium driven by
//! puppeteer-core from the node scripts in `tests/browser/*.mjs`, which
//! print what the rendered DOM shows as one JSON line.
//!
//! Needs `/usr/bin/chromium`, Node.js and `.browser-deps/` (pinned npm
//! packages): `bash tests/browser/setup.sh` installs them. Without them
//! these tests fail (they never pass silently). Screenshots are saved to
//! `target/browser-artifacts/`.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use tarikh::export::{Labels, Options, html, markdown, timelinejs};

use super::export::{dated_ids, fixture};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `target/browser-artifacts/<name>/`, fresh.
fn workdir(name: &str) -> PathBuf {
    let dir = root().join("target").join("browser-artifacts").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create target/browser-artifacts");
    dir
}

fn screenshot(name: &str) -> PathBuf {
    root()
        .join("target")
        .join("browser-artifacts")
        .join(format!("{name}.png"))
}

/// Fails, saying how to install, when Chromium, node or the npm packages
/// are missing.
fn require_browser() {
    let deps = root().join(".browser-deps").join("node_modules");
    let mut missing = Vec::new();
    if !Path::new("/usr/bin/chromium").exists() {
        missing.push("/usr/bin/chromium".to_string());
    }
    if Command::new("node").arg("--version").output().is_err() {
        missing.push("node".to_string());
    }
    for p in [
        "puppeteer-core/package.json",
        "mermaid/dist/mermaid.min.js",
        "@knight-lab/timelinejs/dist/js/timeline.js",
    ] {
        if !deps.join(p).exists() {
            missing.push(format!(".browser-deps/node_modules/{p}"));
        }
    }
    assert!(
        missing.is_empty(),
        "the browser tests need Chromium, Node.js and the pinned npm packages; missing: {}. \
         Install them with `bash tests/browser/setup.sh` (as root, or with sudo), then rerun `cargo test`.",
        missing.join(", ")
    );
}

/// Runs `tests/browser/<script>` and parses the JSON line it prints.
fn run_node(script: &str, args: &[&Path]) -> Value {
    require_browser();
    let out = Command::new("timeout")
        .arg("180")
        .arg("node")
        .arg(root().join("tests").join("browser").join(script))
        .args(args)
        .current_dir(root())
        .output()
        .expect("run node (via timeout)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stdout.lines().rev().find(|l| l.starts_with('{'));
    let v: Value = match line.map(serde_json::from_str) {
        Some(Ok(v)) => v,
        _ => panic!(
            "{script} printed no JSON result (status {:?})\nstdout:\n{stdout}\nstderr:\n{stderr}",
            out.status
        ),
    };
    assert!(
        v["error"].is_null() && out.status.success(),
        "{script} failed: {}\nstderr:\n{stderr}",
        v.get("error").and_then(Value::as_str).unwrap_or("")
    );
    v
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|x| x.as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn assert_offline_and_clean(v: &Value, what: &str) {
    assert_eq!(
        strings(&v["outside"]),
        Vec::<String>::new(),
        "{what}: requests that left file://"
    );
    assert_eq!(
        strings(&v["pageErrors"]),
        Vec::<String>::new(),
        "{what}: page errors"
    );
    assert_eq!(
        strings(&v["consoleErrors"]),
        Vec::<String>::new(),
        "{what}: console errors"
    );
}

#[test]
fn html_page_renders_offline_and_keeps_article_text_inert() {
    let t = fixture();
    let dated = dated_ids(&t);
    for (labels, name) in [(Labels::Fa, "html-fa"), (Labels::En, "html-en")] {
        let dir = workdir(name);
        let page = dir.join("timeline.html");
        std::fs::write(&page, html::render(&t, &Options { labels })).unwrap();
        let v = run_node(
            "html.mjs",
            &[&page, &screenshot(name), Path::new("2020-11-10")],
        );
        assert_offline_and_clean(&v, name);
        // One mark per dated event, with a diagnostic marked.
        assert_eq!(v["marks"].as_array().unwrap().len(), dated.len(), "{v}");
        assert_eq!(v["flagged"], 2, "{v}");
        // The injected script did not run.
        assert_eq!(v["pwned"], false);
        assert_eq!(v["title"], v["titleBefore"]);
        assert_ne!(v["title"], "pwned");
        assert_eq!(v["scripts"], 2, "only the page's own scripts");
        assert_eq!(v["injected"], 0, "no element from article text");
        // Clicking shows the details, with the date highlighted.
        assert_eq!(v["details"]["hidden"], false);
        let text = v["details"]["text"].as_str().unwrap();
        assert!(text.contains("2020-11-10"), "{text}");
        assert!(text.contains("۲۰ آبان ۱۳۹۹"), "{text}");
        assert!(text.contains("1399-08-20"), "{text}");
        assert!(text.contains("1442-03-24 (Umm al-Qura)"), "{text}");
        assert_eq!(strings(&v["details"]["marks"]), ["10 November 2020"]);
        // The article's markup shows as text.
        let hostile = v["hostileDetails"].as_str().unwrap();
        assert!(
            hostile.contains("<script>document.title='pwned'"),
            "{hostile}"
        );
        assert!(hostile.contains(" evil a|b & c"), "{hostile}");
        assert!(!hostile.contains('\u{202E}'), "{hostile}");
        let labels_seen = strings(&v["laneLabels"]);
        match labels {
            Labels::Fa => {
                assert_eq!(v["dir"], "rtl");
                assert!(
                    labels_seen.contains(&"آتش‌بس".to_string()),
                    "{labels_seen:?}"
                );
            }
            Labels::En => {
                assert_eq!(v["dir"], "ltr");
                assert!(
                    labels_seen.contains(&"Ceasefire".to_string()),
                    "{labels_seen:?}"
                );
            }
        }
    }
}

#[test]
fn timelinejs_renders_one_slide_per_dated_event() {
    let t = fixture();
    let dir = workdir("timelinejs");
    let json = dir.join("slides.json");
    std::fs::write(
        &json,
        timelinejs::render(&t, &Options { labels: Labels::Fa }),
    )
    .unwrap();
    let v = run_node("timelinejs.mjs", &[&json, &dir, &screenshot("timelinejs")]);
    assert_eq!(
        strings(&v["outside"]),
        Vec::<String>::new(),
        "requests that left file://"
    );
    assert_eq!(strings(&v["pageErrors"]), Vec::<String>::new());
    assert_eq!(v["pwned"], false);
    let slides = v["slides"].as_array().unwrap();
    let events: Vec<&Value> = slides.iter().filter(|s| s["title"] == false).collect();
    assert_eq!(events.len(), dated_ids(&t).len(), "{v}");
    assert_eq!(slides.iter().filter(|s| s["title"] == true).count(), 1);
    let mut ids: Vec<String> = events
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    let mut want = dated_ids(&t);
    want.sort();
    assert_eq!(ids, want);
    // The dates as the slides show them: Gregorian as precise as the text,
    // the Solar Hijri date beside it in a right-to-left isolate.
    let date = |id: &str| {
        events
            .iter()
            .find(|s| s["id"] == id)
            .and_then(|s| s["date"].as_str())
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(date("fa-2-e1"), "2016 · \u{2067}۱۳۹۴–۱۳۹۵\u{2069}");
    assert_eq!(
        date("en-1-e1"),
        "1994-05 · \u{2067}اردیبهشت–خرداد ۱۳۷۳\u{2069}"
    );
    assert_eq!(date("fa-1-e1"), "1992 – · \u{2067}از ۱۳۷۰\u{2069}");
    assert_eq!(
        date("fa-1-e2"),
        "2020-10-22 – 2020-11-20 · \u{2067}آبان ۱۳۹۹\u{2069}"
    );
    assert_eq!(date("fa-1-e3"), "2020-10-31 · \u{2067}۱۰ آبان ۱۳۹۹\u{2069}");
    assert_eq!(date("en-1-e2"), "2020-11-10 · \u{2067}۲۰ آبان ۱۳۹۹\u{2069}");
    // Groups by event type; one marker per slide on the time nav.
    assert_eq!(v["markers"], dated_ids(&t).len());
    let groups = strings(&v["groups"]);
    assert!(groups.contains(&"آتش‌بس".to_string()), "{groups:?}");
}

#[test]
fn markdown_mermaid_chart_renders_with_mermaid() {
    let t = fixture();
    let dir = workdir("mermaid");
    let md = markdown::render(&t, &Options { labels: Labels::Fa });
    std::fs::write(dir.join("timeline.md"), &md).unwrap();
    let chart = md
        .split("```mermaid\n")
        .nth(1)
        .and_then(|s| s.split("\n```").next())
        .expect("a mermaid block");
    let mmd = dir.join("chart.mmd");
    std::fs::write(&mmd, chart).unwrap();
    let v = run_node("mermaid.mjs", &[&mmd, &dir, &screenshot("mermaid")]);
    assert_offline_and_clean(&v, "mermaid");
    assert!(v["error"].is_null(), "{v}");
    assert_eq!(v["parsed"], true, "{v}");
    assert_eq!(v["svg"], true);
    assert_eq!(v["errorText"], false);
    let charted = t
        .timeline
        .events
        .iter()
        .filter(|e| markdown::charted(e))
        .count();
    assert_eq!(charted, 5);
    assert_eq!(v["bars"], charted, "{v}");
    let labels = strings(&v["labels"]);
    assert!(
        labels
            .iter()
            .any(|l| l.contains("The Bishkek Protocol: a ceasefire")),
        "#58; is a colon: {labels:?}"
    );
    assert!(
        labels.iter().any(|l| l.contains("آتش‌بس اعلام شد")),
        "{labels:?}"
    );
}

/// The seed article's own timeline in TimelineJS: one slide per dated event
/// (those with a resolved start), with the seed's dates.
#[test]
fn timelinejs_renders_the_seed_timeline() {
    require_browser();
    let text = std::fs::read_to_string(root().join("timelines/fa/karabakh-aran.json")).unwrap();
    let t: tarikh::export::json::TimelineFile = serde_json::from_str(&text).unwrap();
    let dir = workdir("timelinejs-seed");
    let json = dir.join("slides.json");
    std::fs::write(&json, timelinejs::render(&t, &Options::for_timeline(&t))).unwrap();
    let v = run_node(
        "timelinejs.mjs",
        &[&json, &dir, &screenshot("timelinejs-seed")],
    );
    assert_eq!(strings(&v["outside"]), Vec::<String>::new());
    assert_eq!(strings(&v["pageErrors"]), Vec::<String>::new());
    let slides = v["slides"].as_array().unwrap();
    let events: Vec<&Value> = slides.iter().filter(|s| s["title"] == false).collect();
    let dated = t
        .timeline
        .events
        .iter()
        .filter(|e| e.time.as_ref().is_some_and(|x| x.start.is_some()))
        .count();
    assert_eq!(events.len(), dated, "{v}");
    let dates: Vec<String> = events
        .iter()
        .map(|s| s["date"].as_str().unwrap_or_default().to_string())
        .collect();
    for want in ["1988", "1992–1994", "1994-05", "1992 –", "2020-10-31"] {
        assert!(
            dates.iter().any(|d| d.starts_with(want)),
            "{want} not in {dates:?}"
        );
    }
    assert!(
        dates.iter().any(|d| d.contains("۱۰ آبان ۱۳۹۹")),
        "{dates:?}"
    );
}
