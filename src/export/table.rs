//! A terminal table of dates: text in logical order with Persian cells
//! wrapped in Unicode isolates (U+2068 … U+2069), so a bidi-aware terminal
//! shows them right and a plain one keeps the columns.

use crate::temporal::DateEntry;
use crate::temporal::Time;
use crate::text::script::is_arabic_letter;

/// Wraps text with Arabic-script letters in a first-strong isolate.
pub fn isolate(s: &str) -> String {
    if s.chars().any(is_arabic_letter) {
        format!("\u{2068}{s}\u{2069}")
    } else {
        s.to_string()
    }
}

fn width(s: &str) -> usize {
    s.chars()
        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}' | '\u{200C}' | '\u{064B}'..='\u{065F}'))
        .count()
}

fn bounds<T: std::fmt::Display + PartialEq>(start: Option<&T>, end: Option<&T>) -> String {
    match (start, end) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a} – {b}"),
        (Some(a), None) => format!("{a} –"),
        (None, Some(b)) => format!("– {b}"),
        (None, None) => "?".into(),
    }
}

fn gregorian(t: &Time) -> String {
    let f = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    bounds(f(t.start).as_ref(), f(t.end).as_ref())
}

/// Renders the listing as an aligned text table.
pub fn render(dates: &[DateEntry]) -> String {
    let header = [
        "document",
        "span",
        "text",
        "type",
        "value",
        "precision",
        "gregorian",
        "solar hijri",
        "lunar hijri",
        "rule",
    ];
    let mut rows: Vec<Vec<String>> = vec![header.iter().map(|s| s.to_string()).collect()];
    for d in dates {
        let t = &d.time;
        let sh = t
            .solar_hijri
            .as_ref()
            .map(|b| bounds(b.start.as_ref(), b.end.as_ref()))
            .unwrap_or_else(|| "?".into());
        let lh = t
            .lunar_hijri
            .as_ref()
            .map(|b| bounds(b.start.as_ref(), b.end.as_ref()))
            .unwrap_or_else(|| "?".into());
        let mut value = t.value.clone().unwrap_or_else(|| "?".into());
        if let Some(m) = &t.modifier {
            value = format!("{value} ({m})");
        }
        rows.push(vec![
            d.document.clone(),
            format!("{}-{}", t.span[0], t.span[1]),
            match &t.repaired {
                Some(r) => format!(
                    "{} (read: {})",
                    isolate(&t.text.replace(['\n', '\r'], " ")),
                    isolate(&r.reading)
                ),
                None => isolate(&t.text.replace(['\n', '\r'], " ")),
            },
            format!("{:?}", d.kind).to_lowercase(),
            value,
            t.precision.id().to_string(),
            gregorian(t),
            sh,
            lh,
            t.rule.clone(),
        ]);
    }
    let cols = header.len();
    let widths: Vec<usize> = (0..cols)
        .map(|c| rows.iter().map(|r| width(&r[c])).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for r in &rows {
        for (c, cell) in r.iter().enumerate() {
            out.push_str(cell);
            if c + 1 < cols {
                out.push_str(&" ".repeat(widths[c] - width(cell) + 2));
            }
        }
        out.push('\n');
    }
    out
}
