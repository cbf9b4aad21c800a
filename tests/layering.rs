//! The library's layering, checked from the source: every path a module of
//! `src/` names (`use` declarations with their groups and aliases, and
//! paths written inline such as `crate::lang::fa::parse`) is resolved to the
//! module it reaches, and checked against the chain of `src/lib.rs`:
//!
//! ```text
//! text → lang → temporal → event → timeline → check → export → pipeline → eval
//! ```
//!
//! with `units`, `error`, `diagnostic` and `calendar` as leaves beneath all
//! of them (a leaf uses only the leaves before it in that list). A stage
//! may use its own modules, the stages to its left and the leaves; nothing
//! outside `src/lang/` names a particular language's module (`lang::fa`,
//! `lang::en`) or compares a language code as a string (`== "fa"`).
//! `src/main.rs` and `src/cli/` are the binary, not the library: they may
//! use anything, and nothing may use them.

use std::collections::BTreeMap;
use std::path::Path;

/// The stages in chain order, then the leaves in their own order.
const CHAIN: [&str; 9] = [
    "text", "lang", "temporal", "event", "timeline", "check", "export", "pipeline", "eval",
];
const LEAVES: [&str; 4] = ["units", "error", "diagnostic", "calendar"];
/// Language codes that must not be compared as strings outside `lang/`.
const LANG_CODES: [&str; 6] = ["fa", "en", "fas", "per", "prs", "eng"];

/// One breach of the layering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub file: String,
    pub line: usize,
    pub what: String,
}

/// The module path of a file under `src/`: `src/event/extract.rs` →
/// `["event", "extract"]`, `src/event/mod.rs` → `["event"]`.
fn module_of(rel: &str) -> Vec<String> {
    let rel = rel.strip_prefix("src/").unwrap_or(rel);
    let rel = rel.strip_suffix(".rs").unwrap_or(rel);
    let mut parts: Vec<String> = rel.split('/').map(str::to_owned).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// A string literal: its line, the code just before it and just after it.
struct Literal {
    line: usize,
    before: String,
    text: String,
    after: String,
}

/// The source with comments, string and char literals blanked (newlines
/// kept, so line numbers hold); string literals are returned apart with
/// their line and the code just before them.
fn strip(src: &str) -> (String, Vec<Literal>) {
    let b: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut strings = Vec::new();
    let mut line = 1;
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < b.len() {
        let c = b[i];
        if c == '\n' {
            line += 1;
        }
        if c == '/' && b.get(i + 1) == Some(&'/') {
            while i < b.len() && b[i] != '\n' {
                out.push(' ');
                i += 1;
            }
            continue;
        }
        if c == '/' && b.get(i + 1) == Some(&'*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                    continue;
                }
                if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                    continue;
                }
                if b[i] == '\n' {
                    line += 1;
                }
                out.push(blank(b[i]));
                i += 1;
            }
            continue;
        }
        // Raw strings: r"…", r#"…"#, br"…".
        let raw_start = if c == 'r' && matches!(b.get(i + 1), Some('"') | Some('#')) {
            Some(i + 1)
        } else if c == 'b'
            && b.get(i + 1) == Some(&'r')
            && matches!(b.get(i + 2), Some('"') | Some('#'))
        {
            Some(i + 2)
        } else {
            None
        };
        let ident_before = i > 0 && (b[i - 1].is_alphanumeric() || b[i - 1] == '_');
        if let (Some(mut j), false) = (raw_start, ident_before) {
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) == Some(&'"') {
                let start_line = line;
                let before = tail(&out, 40);
                for _ in i..=j {
                    out.push(' ');
                }
                j += 1;
                let mut lit = String::new();
                loop {
                    if j >= b.len() {
                        break;
                    }
                    if b[j] == '"' && (0..hashes).all(|k| b.get(j + 1 + k) == Some(&'#')) {
                        for _ in 0..=hashes {
                            out.push(' ');
                        }
                        j += 1 + hashes;
                        break;
                    }
                    if b[j] == '\n' {
                        line += 1;
                    }
                    lit.push(b[j]);
                    out.push(blank(b[j]));
                    j += 1;
                }
                let after = next_code(&b, j);
                strings.push(Literal {
                    line: start_line,
                    before,
                    text: lit,
                    after,
                });
                i = j;
                continue;
            }
        }
        if c == '"' {
            let start_line = line;
            let before = tail(&out, 40);
            out.push(' ');
            i += 1;
            let mut lit = String::new();
            while i < b.len() && b[i] != '"' {
                if b[i] == '\\' && i + 1 < b.len() {
                    lit.push(b[i]);
                    lit.push(b[i + 1]);
                    out.push(' ');
                    out.push(blank(b[i + 1]));
                    if b[i + 1] == '\n' {
                        line += 1;
                    }
                    i += 2;
                    continue;
                }
                if b[i] == '\n' {
                    line += 1;
                }
                lit.push(b[i]);
                out.push(blank(b[i]));
                i += 1;
            }
            out.push(' ');
            i += 1;
            let after = next_code(&b, i);
            strings.push(Literal {
                line: start_line,
                before,
                text: lit,
                after,
            });
            continue;
        }
        if c == '\'' {
            // A char literal ('a', '\n', '\u{200C}'), not a lifetime ('a).
            let close = if b.get(i + 1) == Some(&'\\') {
                (i + 2..b.len().min(i + 12)).find(|&k| b[k] == '\'')
            } else if b.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            if let Some(k) = close {
                for _ in i..=k {
                    out.push(' ');
                }
                i = k + 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    (out, strings)
}

/// The last `n` characters of the code written so far.
fn tail(out: &str, n: usize) -> String {
    let v: Vec<char> = out.chars().rev().take(n).collect();
    v.into_iter().rev().collect()
}

/// The next few characters of code after position `i` (spaces skipped).
fn next_code(b: &[char], i: usize) -> String {
    b[i.min(b.len())..]
        .iter()
        .filter(|c| !c.is_whitespace())
        .take(2)
        .collect()
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Expands one `use` tree (`crate::a::{b, c::d as e, self}`) into
/// (full path, local name) pairs.
fn expand_use(tree: &str, prefix: &[String], out: &mut Vec<(Vec<String>, Option<String>)>) {
    let tree = tree.trim();
    if tree.is_empty() {
        return;
    }
    // Split at the first top-level `{`.
    if let Some(open) = tree.find('{') {
        let head = tree[..open].trim().trim_end_matches("::");
        let mut base = prefix.to_vec();
        base.extend(
            head.split("::")
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty()),
        );
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let mut depth = 0;
        let mut start = 0;
        for (k, ch) in inner.char_indices() {
            match ch {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand_use(&inner[start..k], &base, out);
                    start = k + 1;
                }
                _ => {}
            }
        }
        expand_use(&inner[start..], &base, out);
        return;
    }
    let (path, alias) = match tree.split_once(" as ") {
        Some((p, a)) => (p.trim(), Some(a.trim().to_owned())),
        None => (tree, None),
    };
    let mut full = prefix.to_vec();
    for seg in path.split("::").map(str::trim) {
        if seg == "self" && !full.is_empty() {
            continue;
        }
        full.push(seg.to_owned());
    }
    let local = match alias {
        Some(a) => Some(a),
        None => full.last().filter(|s| s.as_str() != "*").cloned(),
    };
    out.push((full, local));
}

/// Resolves a path written in module `here` to an absolute module path
/// (`["crate", …]`), or None for a path outside the crate.
fn absolute(
    path: &[String],
    here: &[String],
    aliases: &BTreeMap<String, Vec<String>>,
) -> Option<Vec<String>> {
    let first = path.first()?;
    let mut abs: Vec<String> = match first.as_str() {
        "crate" | "tarikh" => vec!["crate".to_owned()],
        "self" => std::iter::once("crate".to_owned())
            .chain(here.iter().cloned())
            .collect(),
        "super" => {
            let mut m: Vec<String> = std::iter::once("crate".to_owned())
                .chain(here.iter().cloned())
                .collect();
            let mut rest = path;
            while rest.first().is_some_and(|s| s == "super") {
                m.pop();
                rest = &rest[1..];
            }
            m.extend(rest.iter().cloned());
            return Some(m);
        }
        name => {
            let target = aliases.get(name)?;
            let mut t = target.clone();
            t.extend(path[1..].iter().cloned());
            return absolute(&t, here, &BTreeMap::new());
        }
    };
    abs.extend(path[1..].iter().cloned());
    Some(abs)
}

fn stage_rank(stage: &str) -> Option<(bool, usize)> {
    if let Some(i) = CHAIN.iter().position(|s| *s == stage) {
        return Some((false, i));
    }
    LEAVES.iter().position(|s| *s == stage).map(|i| (true, i))
}

/// Whether module `from` (its first segment is its stage) may use `to`.
fn allowed(from: &str, to: &str) -> bool {
    if from == to {
        return true;
    }
    match (stage_rank(from), stage_rank(to)) {
        // Leaves: only earlier leaves.
        (Some((true, a)), Some((true, b))) => b < a,
        (Some((true, _)), Some((false, _))) => false,
        // Stages: leaves, and stages to the left.
        (Some((false, _)), Some((true, _))) => true,
        (Some((false, a)), Some((false, b))) => b < a,
        // Unknown modules (the crate root's constants) are allowed; a
        // module the layering does not know is reported by `check_tree`.
        _ => true,
    }
}

/// Checks one file of the library. `rel` is its path from the crate root
/// (`src/event/extract.rs`).
pub fn check_file(rel: &str, src: &str) -> Vec<Violation> {
    let mut found = Vec::new();
    let file_module = module_of(rel);
    let Some(stage) = file_module.first().cloned() else {
        return found; // lib.rs: the crate root declares the modules
    };
    if stage == "cli" || stage == "main" {
        return found;
    }
    let in_lang = stage == "lang";
    let (code, strings) = strip(src);
    let lines: Vec<usize> = code
        .char_indices()
        .filter(|(_, c)| *c == '\n')
        .map(|(i, _)| i)
        .collect();
    let line_of = |byte: usize| lines.partition_point(|&nl| nl < byte) + 1;

    // Inline modules (`mod tests { … }`) change what `super` and `self` mean.
    let mut scopes: Vec<(usize, Vec<String>)> = Vec::new(); // (brace depth at open, module)
    let mut depth = 0usize;
    let mut module_at: Vec<(usize, Vec<String>)> = vec![(0, file_module.clone())];
    {
        let bytes = code.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'{' => depth += 1,
                b'}' => {
                    depth = depth.saturating_sub(1);
                    if scopes.last().is_some_and(|(d, _)| *d == depth) {
                        scopes.pop();
                        let m = scopes.last().map_or(file_module.clone(), |s| s.1.clone());
                        module_at.push((i, m));
                    }
                }
                b'm' if code[i..].starts_with("mod ")
                    && (i == 0 || !is_ident(code[..i].chars().last().unwrap_or(' '))) =>
                {
                    let rest = &code[i + 4..];
                    let name: String = rest
                        .trim_start()
                        .chars()
                        .take_while(|&c| is_ident(c))
                        .collect();
                    let after = rest.trim_start()[name.len()..].trim_start();
                    if after.starts_with('{') {
                        let mut m = scopes.last().map_or(file_module.clone(), |s| s.1.clone());
                        m.push(name);
                        scopes.push((depth, m.clone()));
                        module_at.push((i, m));
                    }
                }
                _ => {}
            }
            i += 1;
        }
    }
    let module_for = |byte: usize| -> Vec<String> {
        module_at
            .iter()
            .rev()
            .find(|(at, _)| *at <= byte)
            .map_or(file_module.clone(), |(_, m)| m.clone())
    };

    // `use` declarations.
    let mut aliases: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut targets: Vec<(usize, Vec<String>)> = Vec::new();
    let mut search = 0;
    while let Some(pos) = code[search..].find("use ") {
        let at = search + pos;
        search = at + 4;
        let before = code[..at].chars().last().unwrap_or(' ');
        if is_ident(before) {
            continue;
        }
        let Some(end) = code[at..].find(';') else {
            break;
        };
        let tree: String = code[at + 4..at + end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let mut pairs = Vec::new();
        expand_use(&tree, &[], &mut pairs);
        let here = module_for(at);
        for (path, local) in pairs {
            if let Some(abs) = absolute(&path, &here, &aliases) {
                if let Some(l) = local {
                    aliases.insert(l, abs.clone());
                }
                targets.push((line_of(at), abs));
            }
        }
    }
    // Inline paths: `a::b::c` anywhere in the code.
    let chars: Vec<(usize, char)> = code.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (at, c) = chars[k];
        let prev = if k > 0 { chars[k - 1].1 } else { ' ' };
        if is_ident(c) && !is_ident(prev) && prev != ':' {
            // Read `ident(::ident)*`.
            let mut segs = Vec::new();
            let mut j = k;
            loop {
                let start = j;
                while j < chars.len() && is_ident(chars[j].1) {
                    j += 1;
                }
                segs.push(chars[start..j].iter().map(|x| x.1).collect::<String>());
                if j + 2 < chars.len()
                    && chars[j].1 == ':'
                    && chars[j + 1].1 == ':'
                    && is_ident(chars[j + 2].1)
                {
                    j += 2;
                } else {
                    break;
                }
            }
            if segs.len() > 1 {
                let first = segs[0].as_str();
                let known = matches!(first, "crate" | "super" | "self" | "tarikh")
                    || aliases.contains_key(first);
                if known && let Some(abs) = absolute(&segs, &module_for(at), &aliases) {
                    targets.push((line_of(at), abs));
                }
            }
            k = j.max(k + 1);
            continue;
        }
        k += 1;
    }

    for (line, abs) in targets {
        let Some(to) = abs.get(1) else { continue };
        if !allowed(&stage, to) {
            found.push(Violation {
                file: rel.to_owned(),
                line,
                what: format!("{stage} uses {} (against the chain)", abs.join("::")),
            });
        }
        if to == "cli" || to == "main" {
            found.push(Violation {
                file: rel.to_owned(),
                line,
                what: format!("the library uses the binary: {}", abs.join("::")),
            });
        }
        if !in_lang && to == "lang" && abs.get(2).is_some_and(|l| l == "fa" || l == "en") {
            found.push(Violation {
                file: rel.to_owned(),
                line,
                what: format!("{stage} names a particular language: {}", abs.join("::")),
            });
        }
    }
    if !in_lang {
        for lit in strings {
            if !LANG_CODES.contains(&lit.text.as_str()) {
                continue;
            }
            let b = lit.before.trim_end();
            let b = b.strip_suffix("Some(").map_or(b, str::trim_end);
            let compared_after = ["==", "!=", "=>"]
                .iter()
                .any(|op| lit.after.starts_with(op));
            let compared_before = b.ends_with("==")
                || b.ends_with("!=")
                || b.ends_with("eq_ignore_ascii_case(")
                || b.ends_with("starts_with(")
                || b.ends_with(".eq(");
            if compared_after || compared_before {
                found.push(Violation {
                    file: rel.to_owned(),
                    line: lit.line,
                    what: format!("a language code compared as a string: \"{}\"", lit.text),
                });
            }
        }
    }
    found.sort_by(|a, b| (a.line, &a.what).cmp(&(b.line, &b.what)));
    found.dedup();
    found
}

/// Checks every `.rs` file below `src/`.
pub fn check_tree(root: &Path) -> Vec<Violation> {
    let mut files = Vec::new();
    let mut stack = vec![root.join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src/ is readable").flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut found = Vec::new();
    for p in files {
        let rel = p
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let module = module_of(&rel);
        if let Some(stage) = module.first()
            && stage_rank(stage).is_none()
            && stage != "cli"
            && stage != "main"
        {
            found.push(Violation {
                file: rel.clone(),
                line: 1,
                what: format!("module {stage} has no place in the layering"),
            });
        }
        let src = std::fs::read_to_string(&p).expect("source is UTF-8");
        found.extend(check_file(&rel, &src));
    }
    found
}

#[test]
fn the_library_follows_the_chain() {
    let v = check_tree(Path::new(env!("CARGO_MANIFEST_DIR")));
    let listing: Vec<String> = v
        .iter()
        .map(|v| format!("{}:{}: {}", v.file, v.line, v.what))
        .collect();
    assert!(
        listing.is_empty(),
        "layering violations:\n{}",
        listing.join("\n")
    );
}

#[test]
fn the_checker_finds_imports_against_the_chain() {
    // Each of these was in the library once; the checker must see each.
    let cases = [
        (
            "src/event/extract.rs",
            "use crate::pipeline::DatedDocument;\n",
        ),
        (
            "src/event/extract.rs",
            "use crate::timeline::RelationType;\n",
        ),
        (
            "src/calendar/resolve.rs",
            "use crate::temporal::{Mention, MentionType, Repair};\n",
        ),
        (
            "src/calendar/resolve.rs",
            "use crate::lang::expr::{DateSpec, Expr};\n",
        ),
        (
            "src/timeline/build.rs",
            "fn f() { crate::pipeline::sort_diagnostics(&mut []); }\n",
        ),
        (
            "src/export/json.rs",
            "use crate::{diagnostic::Diagnostic, pipeline::DateEntry};\n",
        ),
        (
            "src/temporal/repair.rs",
            "fn f() { let _ = crate::event::extract; }\n",
        ),
        (
            "src/temporal/repair.rs",
            "fn f() { crate::export::render(); }\n",
        ),
        ("src/error.rs", "pub enum E { Date(crate::event::Event) }\n"),
        // super:: resolved: src/event/clause.rs's super::super is the crate.
        (
            "src/event/clause.rs",
            "use super::super::timeline::Timeline;\n",
        ),
        // An alias, used later.
        (
            "src/event/clause.rs",
            "use crate::lang as l;\nfn f() { l::fa::token::tokenize(\"\"); }\n",
        ),
        (
            "src/event/clause.rs",
            "use crate::lang::fa::token::{Kind, Tok, tokenize};\n",
        ),
        (
            "src/temporal/mod.rs",
            "use crate::lang;\nfn f() { lang::fa::parse(\"\"); }\n",
        ),
        (
            "src/export/view.rs",
            "fn f(lang: &str) -> bool { lang == \"fa\" }\n",
        ),
        (
            "src/export/view.rs",
            "fn f(lang: &str) -> u8 { match lang { \"en\" => 1, _ => 2 } }\n",
        ),
        (
            "src/calendar/mod.rs",
            "use crate::units::Calendar;\nuse crate::text::script;\n",
        ),
    ];
    for (file, src) in cases {
        assert!(
            !check_file(file, src).is_empty(),
            "{file}: not caught: {src}"
        );
    }
    // And what is allowed stays allowed.
    let fine = [
        (
            "src/event/extract.rs",
            "use crate::temporal::DatedDocument;\nuse super::clause::Clause;\n",
        ),
        (
            "src/calendar/mod.rs",
            "use crate::units::{Calendar, Precision};\nuse crate::error::DateError;\n",
        ),
        (
            "src/export/view.rs",
            "fn f() -> &'static str { \"fa\" } // \"fa\" == x in a comment\n",
        ),
        ("src/lang/mod.rs", "fn f(c: &str) -> bool { c == \"fa\" }\n"),
        (
            "src/temporal/mod.rs",
            "mod tests { use super::*; use crate::text::Document; }\n",
        ),
    ];
    for (file, src) in fine {
        let v = check_file(file, src);
        assert!(v.is_empty(), "{file}: wrongly flagged: {v:?}");
    }
}
