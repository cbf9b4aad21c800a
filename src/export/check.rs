//! The check report for people: a terminal report (`text`) and Markdown an
//! editor can paste into a ticket (`md`). The JSON form is the serialized
//! [`CheckReport`] with its header ([`super::json::CheckFile`]); the check
//! itself is computed by [`crate::check`].
//!
//! Everything that comes from an article, a saved timeline or a reference
//! (quotes, titles, ids, citations, messages that quote them) goes through
//! [`super::safe`]: control and bidi characters stripped, escaped for
//! Markdown, and right-to-left text kept in logical order inside Unicode
//! isolates so that it never reorders the English around it.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::safe::{Target, markdown_code, safe_message, safe_text};
use crate::check::{CheckReport, Citation, Finding, PrecisionCmp, Verdict};
use crate::diagnostic::{Diagnostic, Severity};

const TEXT: Target = Target::Text;
const MD: Target = Target::Markdown;

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
                safe_text(&a.id, TEXT),
                safe_text(&a.title, TEXT),
                a.entries
            );
        }
        None => out.push_str(" (no reference: --against not given)\n"),
    }
    for doc in &r.documents {
        let _ = writeln!(
            out,
            "\n{} ({}, published {})",
            st.paint("1", &safe_text(&doc.id, TEXT)),
            safe_text(doc.lang.code(), TEXT),
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
                safe_text(&event_date(f), TEXT)
            );
            match (&f.reference, f.verdict) {
                (Some(e), Verdict::Contradicts) => {
                    let _ = writeln!(
                        out,
                        "  vs {} ({}): {} days apart",
                        safe_text(&e.id, TEXT),
                        dates(Some(e.interval.start), Some(e.interval.end)),
                        f.difference_days.unwrap_or(0)
                    );
                }
                (Some(e), _) => {
                    let _ = writeln!(
                        out,
                        "  ~ {} ({}), {}",
                        safe_text(&e.id, TEXT),
                        dates(Some(e.interval.start), Some(e.interval.end)),
                        precision_words(f.precision)
                    );
                }
                (None, _) => out.push('\n'),
            }
            let indent = "                     ";
            if let Some(q) = f.event.evidence.first() {
                let _ = writeln!(out, "{indent}«{}»", safe_text(q.quote.trim(), TEXT));
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
                    safe_text(&a.text, TEXT),
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
                safe_message(&d.message, TEXT)
            );
        }
    }
    let _ = writeln!(out, "\n{} {}", st.paint("1", "Summary:"), summary_line(r));
    out
}

fn citation_text(c: &Citation) -> String {
    let mut s = format!(
        "{}, \"{}\"",
        safe_text(&c.publication, TEXT),
        safe_text(&c.title, TEXT)
    );
    if !c.date.is_empty() {
        let _ = write!(s, " ({})", safe_text(&c.date, TEXT));
    }
    if !c.url.is_empty() {
        let _ = write!(s, " {}", safe_text(&c.url, TEXT));
    }
    s
}

/// A citation's URL for Markdown: an autolink when it is one, else text.
fn md_url(url: &str) -> String {
    let plain = url.starts_with("http")
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "<>\\`|".contains(c));
    if plain {
        format!("<{url}>")
    } else {
        safe_text(url, MD)
    }
}

fn md_diag(d: &Diagnostic) -> String {
    format!(
        "| {} | `{}` | {} | {} |\n",
        severity_word(d.severity),
        d.code.as_str(),
        safe_text(&d.document, MD),
        safe_message(&d.message, MD)
    )
}

/// The Markdown report.
pub fn markdown(r: &CheckReport) -> String {
    let mut out = String::from("# Fact-check report\n\n");
    let docs: Vec<String> = r.documents.iter().map(|d| markdown_code(&d.id)).collect();
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
                " against **{}**: {} ({}, {} entries).\n",
                safe_text(&a.id, MD),
                safe_text(&a.title, MD),
                markdown_code(&a.source),
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
                "### {} ({}) contradicts {} by {} days\n",
                markdown_code(&f.event.id),
                f.event.kind.id(),
                markdown_code(&e.id),
                f.difference_days.unwrap_or(0)
            );
            if let Some(q) = f.event.evidence.first() {
                let _ = writeln!(
                    out,
                    "- **Article** ({}): «{}»",
                    markdown_code(&q.document),
                    safe_text(q.quote.trim(), MD)
                );
            }
            if let Some(t) = &f.event.time {
                let _ = writeln!(
                    out,
                    "- **Article's date:** «{}» = {}",
                    safe_text(&t.text, MD),
                    safe_text(&event_date(f), MD)
                );
            }
            let _ = writeln!(
                out,
                "- **Reference:** {} ({}): {}",
                dates(Some(e.interval.start), Some(e.interval.end)),
                e.precision,
                if e.summary_en.is_empty() {
                    safe_text(&e.summary_fa, MD)
                } else {
                    safe_text(&e.summary_en, MD)
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
                    safe_text(&a.text, MD),
                    dates(a.start, a.end),
                    a.verdict.id()
                );
            }
            if e.citations.is_empty() {
                out.push_str("- **Sources:** none given by the reference\n");
            } else {
                out.push_str("- **Sources:**\n");
                for c in &e.citations {
                    let mut s = format!(
                        "  - {}, *{}*",
                        safe_text(&c.publication, MD),
                        safe_text(&c.title, MD)
                    );
                    if !c.date.is_empty() {
                        let _ = write!(s, " ({})", safe_text(&c.date, MD));
                    }
                    if !c.url.is_empty() {
                        let _ = write!(s, " {}", md_url(&c.url));
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
                    "| {} | {} | {} | {} | **{}** | {} | {} | {} |",
                    safe_text(&f.document, MD),
                    markdown_code(&f.event.id),
                    f.event.kind.id(),
                    safe_text(&event_date(f), MD),
                    f.verdict.id(),
                    f.reference
                        .as_ref()
                        .map(|e| format!(
                            "{} ({})",
                            markdown_code(&e.id),
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
                    "- {} ({}, {}): {}",
                    markdown_code(&u.event),
                    u.kind.id(),
                    markdown_code(&u.document),
                    safe_message(&u.reason, MD)
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
