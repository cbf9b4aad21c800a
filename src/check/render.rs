//! The check report for people: a terminal report (`text`) and Markdown an
//! editor can paste into a ticket (`md`). The JSON form is the serialized
//! [`CheckReport`].
//!
//! Persian text is kept in logical order and wrapped in Unicode isolates
//! (U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE) so that it
//! never reorders the English around it.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::{CheckReport, Finding, PrecisionCmp, Verdict};
use crate::diagnostic::{Diagnostic, Severity};

const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

fn is_rtl(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Wraps `s` in an isolate when it has right-to-left letters.
pub fn isolate(s: &str) -> String {
    if s.chars().any(is_rtl) {
        format!("{FSI}{s}{PDI}")
    } else {
        s.to_string()
    }
}

/// Isolates each «…» quotation of a sentence that has right-to-left
/// letters; a sentence with such letters and no quotation is isolated
/// whole.
pub fn isolate_quotes(s: &str) -> String {
    if !s.chars().any(is_rtl) {
        return s.to_string();
    }
    if !s.contains('«') {
        return isolate(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '«' => {
                if depth == 0 {
                    out.push('«');
                    out.push(FSI);
                } else {
                    out.push(c);
                }
                depth += 1;
            }
            '»' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push(PDI);
                    out.push('»');
                } else {
                    out.push(c);
                }
            }
            _ => out.push(c),
        }
    }
    if depth > 0 {
        out.push(PDI);
    }
    out
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn dates(start: Option<NaiveDate>, end: Option<NaiveDate>) -> String {
    match (start, end) {
        (Some(a), Some(b)) if a == b => iso(a),
        (Some(a), Some(b)) => format!("{} – {}", iso(a), iso(b)),
        (Some(a), None) => format!("{} –", iso(a)),
        (None, Some(b)) => format!("– {}", iso(b)),
        (None, None) => "undated".into(),
    }
}

fn event_date(f: &Finding) -> String {
    match &f.event.time {
        Some(t) => {
            let mut s = match t.value.as_deref() {
                Some(v) if !v.contains('X') && !v.ends_with("_REF") => v.replace('/', " – "),
                _ => dates(t.start, t.end),
            };
            if let Some(m) = &t.modifier {
                s = format!("{m} {s}");
            }
            format!("{s} ({})", t.precision)
        }
        None => "undated".into(),
    }
}

fn precision_words(p: Option<PrecisionCmp>) -> &'static str {
    match p {
        Some(PrecisionCmp::Same) => "as precise",
        Some(PrecisionCmp::MorePrecise) => "more precise",
        Some(PrecisionCmp::LessPrecise) => "less precise",
        None => "",
    }
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

fn verdict_label(v: Verdict) -> &'static str {
    match v {
        Verdict::Agrees => "agrees",
        Verdict::Contradicts => "CONTRADICTS",
        Verdict::NotInReference => "not in reference",
    }
}

fn summary_line(r: &CheckReport) -> String {
    let s = &r.summary;
    let mut parts = Vec::new();
    if r.against.is_some() {
        parts.push(format!("{} agree", s.agrees));
        parts.push(plural(s.contradicts, "contradiction", "contradictions"));
        parts.push(format!("{} not in reference", s.not_in_reference));
        parts.push(format!("{} unchecked", s.unchecked));
    }
    parts.push(plural(s.errors, "error", "errors"));
    parts.push(plural(s.warnings, "warning", "warnings"));
    parts.push(format!("{} info", s.infos));
    parts.join(", ")
}

/// The terminal report; `colour` adds ANSI colours (only for a terminal).
pub fn text(r: &CheckReport, colour: bool) -> String {
    let st = Style { on: colour };
    let mut out = String::new();
    let _ = write!(
        out,
        "{} {}",
        st.paint("1", "tarikh check:"),
        plural(r.documents.len(), "document", "documents")
    );
    match &r.against {
        Some(a) => {
            let _ = writeln!(
                out,
                " against {} ({}, {} entries)",
                a.id,
                isolate(&a.title),
                a.entries
            );
        }
        None => out.push_str(" (no reference: --against not given)\n"),
    }
    for doc in &r.documents {
        let _ = writeln!(
            out,
            "\n{} ({}, published {})",
            st.paint("1", &doc.id),
            doc.lang,
            doc.published.map(iso).unwrap_or_else(|| "unknown".into())
        );
        for f in r.findings.iter().filter(|f| f.document == doc.id) {
            let (code, mark) = match f.verdict {
                Verdict::Agrees => ("32", "✓"),
                Verdict::Contradicts => ("1;31", "✗"),
                Verdict::NotInReference => ("2", "·"),
            };
            let label = format!("{mark} {:<16}", verdict_label(f.verdict));
            let _ = write!(
                out,
                "  {} {:<18} {}",
                st.paint(code, &label),
                f.event.kind.id(),
                event_date(f)
            );
            match (&f.reference, f.verdict) {
                (Some(e), Verdict::Contradicts) => {
                    let _ = writeln!(
                        out,
                        "  vs {} ({}): {} days apart",
                        e.id,
                        dates(Some(e.interval.start), Some(e.interval.end)),
                        f.difference_days.unwrap_or(0)
                    );
                }
                (Some(e), _) => {
                    let _ = writeln!(
                        out,
                        "  ~ {} ({}), {}",
                        e.id,
                        dates(Some(e.interval.start), Some(e.interval.end)),
                        precision_words(f.precision)
                    );
                }
                (None, _) => out.push('\n'),
            }
            let indent = "                     ";
            if let Some(q) = f.event.evidence.first() {
                let _ = writeln!(out, "{indent}«{}»", isolate(q.quote.trim()));
            }
            if !f.flags.is_empty() {
                let flags: Vec<&str> = f.flags.iter().map(|c| c.as_str()).collect();
                let _ = writeln!(
                    out,
                    "{indent}{} {}",
                    st.paint("33", "flags:"),
                    flags.join(", ")
                );
            }
            if let Some(a) = &f.alternative {
                let _ = writeln!(
                    out,
                    "{indent}also written «{}» ({}): {}{}",
                    isolate(&a.text),
                    dates(a.start, a.end),
                    a.verdict.id(),
                    match a.difference_days {
                        Some(d) if d > 0 => format!(", {d} days apart"),
                        _ => String::new(),
                    }
                );
            }
            if f.verdict == Verdict::Contradicts
                && let Some(e) = &f.reference
            {
                for c in &e.citations {
                    let _ = writeln!(out, "{indent}source: {}", citation_text(c));
                }
            }
        }
        for u in r.unchecked.iter().filter(|u| u.document == doc.id) {
            let _ = writeln!(
                out,
                "  {} {:<18} no date of its own",
                st.paint("2", &format!("- {:<16}", "unchecked")),
                u.kind.id()
            );
        }
        for d in r.diagnostics.iter().filter(|d| d.document == doc.id) {
            let code = match d.severity {
                Severity::Error => "1;31",
                Severity::Warning => "33",
                Severity::Info => "2",
            };
            let _ = writeln!(
                out,
                "  {} {:<18} {}",
                st.paint(code, &format!("! {:<16}", severity_word(d.severity))),
                d.code.as_str(),
                isolate_quotes(&d.message)
            );
        }
    }
    let _ = writeln!(out, "\n{} {}", st.paint("1", "Summary:"), summary_line(r));
    out
}

fn citation_text(c: &super::Citation) -> String {
    let mut s = format!("{}, \"{}\"", c.publication, c.title);
    if !c.date.is_empty() {
        let _ = write!(s, " ({})", c.date);
    }
    if !c.url.is_empty() {
        let _ = write!(s, " {}", c.url);
    }
    s
}

/// A table cell: no pipes or line breaks.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn md_diag(d: &Diagnostic) -> String {
    format!(
        "| {} | `{}` | {} | {} |\n",
        severity_word(d.severity),
        d.code.as_str(),
        cell(&d.document),
        cell(&isolate_quotes(&d.message))
    )
}

/// The Markdown report.
pub fn markdown(r: &CheckReport) -> String {
    let mut out = String::from("# Fact-check report\n\n");
    let docs: Vec<String> = r.documents.iter().map(|d| format!("`{}`", d.id)).collect();
    let _ = write!(
        out,
        "Checked {} ({})",
        plural(r.documents.len(), "document", "documents"),
        docs.join(", ")
    );
    match &r.against {
        Some(a) => {
            let _ = writeln!(
                out,
                " against **{}**: {} (`{}`, {} entries).\n",
                a.id,
                isolate(&a.title),
                a.source,
                a.entries
            );
        }
        None => out.push_str(" (no reference given).\n\n"),
    }
    let _ = writeln!(out, "**Summary:** {}.\n", summary_line(r));

    let contradictions: Vec<&Finding> = r
        .findings
        .iter()
        .filter(|f| f.verdict == Verdict::Contradicts)
        .collect();
    if !contradictions.is_empty() {
        out.push_str("## Contradictions\n\n");
        for f in contradictions {
            let Some(e) = &f.reference else { continue };
            let _ = writeln!(
                out,
                "### `{}` ({}) contradicts `{}` by {} days\n",
                f.event.id,
                f.event.kind.id(),
                e.id,
                f.difference_days.unwrap_or(0)
            );
            if let Some(q) = f.event.evidence.first() {
                let _ = writeln!(
                    out,
                    "- **Article** (`{}`): «{}»",
                    q.document,
                    isolate(q.quote.trim())
                );
            }
            if let Some(t) = &f.event.time {
                let _ = writeln!(
                    out,
                    "- **Article's date:** «{}» = {}",
                    isolate(&t.text),
                    event_date(f)
                );
            }
            let _ = writeln!(
                out,
                "- **Reference:** {} ({}): {}",
                dates(Some(e.interval.start), Some(e.interval.end)),
                e.precision,
                if e.summary_en.is_empty() {
                    isolate(&e.summary_fa)
                } else {
                    e.summary_en.clone()
                }
            );
            if !f.flags.is_empty() {
                let flags: Vec<String> = f
                    .flags
                    .iter()
                    .map(|c| format!("`{}`", c.as_str()))
                    .collect();
                let _ = writeln!(out, "- **Flags:** {}", flags.join(", "));
            }
            if let Some(a) = &f.alternative {
                let _ = writeln!(
                    out,
                    "- **Also written** «{}» ({}): {}",
                    isolate(&a.text),
                    dates(a.start, a.end),
                    a.verdict.id()
                );
            }
            if e.citations.is_empty() {
                out.push_str("- **Sources:** none given by the reference\n");
            } else {
                out.push_str("- **Sources:**\n");
                for c in &e.citations {
                    let mut s = format!("  - {}, *{}*", c.publication, c.title);
                    if !c.date.is_empty() {
                        let _ = write!(s, " ({})", c.date);
                    }
                    if !c.url.is_empty() {
                        let _ = write!(s, " <{}>", c.url);
                    }
                    let _ = writeln!(out, "{s}");
                }
            }
            out.push('\n');
        }
    }

    if r.against.is_some() {
        out.push_str("## Findings\n\n");
        if r.findings.is_empty() {
            out.push_str("No dated events to compare.\n\n");
        } else {
            out.push_str(
                "| Document | Event | Type | Article's date | Verdict | Reference entry | Days apart | Precision |\n\
                 |---|---|---|---|---|---|---|---|\n",
            );
            for f in &r.findings {
                let _ = writeln!(
                    out,
                    "| {} | `{}` | {} | {} | **{}** | {} | {} | {} |",
                    cell(&f.document),
                    f.event.id,
                    f.event.kind.id(),
                    cell(&event_date(f)),
                    f.verdict.id(),
                    f.reference
                        .as_ref()
                        .map(|e| format!(
                            "`{}` ({})",
                            e.id,
                            dates(Some(e.interval.start), Some(e.interval.end))
                        ))
                        .unwrap_or_else(|| "—".into()),
                    f.difference_days
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| "—".into()),
                    f.precision.map(|p| p.id()).unwrap_or("—"),
                );
            }
            out.push('\n');
        }
        if !r.unchecked.is_empty() {
            out.push_str("## Unchecked events\n\n");
            for u in &r.unchecked {
                let _ = writeln!(
                    out,
                    "- `{}` ({}, `{}`): {}",
                    u.event,
                    u.kind.id(),
                    u.document,
                    u.reason
                );
            }
            out.push('\n');
        }
    }

    out.push_str("## Diagnostics\n\n");
    if r.diagnostics.is_empty() {
        out.push_str("None.\n");
    } else {
        out.push_str("| Severity | Code | Document | Message |\n|---|---|---|---|\n");
        for d in &r.diagnostics {
            out.push_str(&md_diag(d));
        }
    }
    out
}
