//! Unique document ids: what tells two inputs with one id apart.
//!
//! A document's id comes from its file name (`x` for `a/x.txt`), its path
//! under a directory argument (`fa/x`), or its JSON Lines record (`"id"`,
//! else `<file>#<line>`). Two inputs can still share one: `a/x.txt b/x.txt`,
//! two records with one `"id"`, `- -`. Every id is then qualified, from what
//! each input is and never from the order of the arguments, so the same
//! inputs in any order get the same ids:
//!
//! 1. by the shortest end of its path that tells it from the others with
//!    a different path (`a/x` and `b/x`; `x` for `x.txt` beside `a/x.txt`;
//!    `feed/r1` for a record `"r1"` of `feed.jsonl`; the file's extension
//!    only when nothing else differs: `x.txt` and `x.md`);
//! 2. then, for records of one file, by the record's line (`r1#3`,
//!    `r1#7`);
//! 3. and when two inputs are the very same file or stream (`x.txt x.txt`,
//!    `- -`), by a number in the order of their content (`x~1`, `x~2`):
//!    inputs that the content cannot tell apart are the same document, and
//!    either numbering gives the same output.
//!
//! Every document whose id changed gets a `duplicate-id` warning.

use std::collections::{BTreeMap, HashSet};
use std::path::{Component, Path};

use super::read::Document;
use crate::diagnostic::{Code, Diagnostic, Severity};

/// Where a document was read from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Origin {
    /// The path as given, `.` and the root left out; the last component
    /// without its extension (`["a", "x"]` for `./a/x.txt`); `["stdin"]`
    /// for standard input.
    path: Vec<String>,
    /// The extension of the last component, if any.
    ext: Option<String>,
    /// How the id was made from the path.
    form: Form,
    /// The line of a JSON Lines record (from 1).
    line: Option<usize>,
    /// How to name the input in a message: the path as given, or
    /// "standard input".
    shown: String,
    /// Read from a stream that can be read only once: standard input, a
    /// FIFO or a device given by name.
    pub(crate) once: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Form {
    /// The id is the last `n` components of the path (a plain-text file,
    /// standard input).
    Path(usize),
    /// The id is the last `n` components and `#<line>` (a record without
    /// an id).
    PathLine(usize),
    /// The id is the record's own.
    Record,
}

impl Origin {
    fn of_path(path: &Path) -> (Vec<String>, Option<String>) {
        let mut parts: Vec<String> = path
            .components()
            .filter_map(|c| match c {
                Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                Component::ParentDir => Some("..".to_string()),
                Component::CurDir | Component::RootDir | Component::Prefix(_) => None,
            })
            .collect();
        let ext = path.extension().map(|e| e.to_string_lossy().into_owned());
        if let (Some(last), Some(e)) = (parts.last_mut(), &ext) {
            last.truncate(last.len() - e.len() - 1);
        }
        (parts, ext)
    }

    /// A plain-text file whose id names the last `named` components of
    /// its path (1 for a file argument, more under a directory).
    pub(crate) fn file(path: &Path, named: usize) -> Origin {
        let (path_parts, ext) = Origin::of_path(path);
        Origin {
            path: path_parts,
            ext,
            form: Form::Path(named),
            line: None,
            shown: path.display().to_string(),
            once: false,
        }
    }

    /// Standard input read as one document.
    pub(crate) fn stdin() -> Origin {
        Origin {
            path: vec!["stdin".to_string()],
            ext: None,
            form: Form::Path(1),
            line: None,
            shown: "standard input".to_string(),
            once: true,
        }
    }

    /// A JSON Lines record at `line` of `file` (`file` as from
    /// [`Origin::file`] or [`Origin::stdin`]); `own_id` when the record
    /// has one.
    pub(crate) fn record(file: &Origin, line: usize, own_id: bool) -> Origin {
        let named = match file.form {
            Form::Path(n) | Form::PathLine(n) => n,
            Form::Record => 1,
        };
        Origin {
            path: file.path.clone(),
            ext: file.ext.clone(),
            form: if own_id {
                Form::Record
            } else {
                Form::PathLine(named)
            },
            line: Some(line),
            shown: format!("{}:{line}", file.shown),
            once: file.once,
        }
    }

    /// What names the input it was read from (its path, or `stdin`).
    pub(crate) fn input_key(&self) -> &[String] {
        &self.path
    }

    fn same_input(&self, other: &Origin) -> bool {
        self.path == other.path && self.ext == other.ext
    }

    /// Rung `k` of the ladder of names: the last `k` components (at most
    /// all of them) for `k <= top`, then, the extension kept, as many as
    /// the id names and one more for every rung above `top + 1`.
    fn rung(&self, k: usize, top: usize) -> Vec<String> {
        let n = self.path.len();
        if k <= top {
            return self.path[n - k.min(n)..].to_vec();
        }
        let k = (self.first_rung().max(1) + k - top - 1).min(n);
        let mut out = self.path[n - k..].to_vec();
        if let (Some(last), Some(e)) = (out.last_mut(), &self.ext) {
            last.push('.');
            last.push_str(e);
        }
        out
    }

    fn first_rung(&self) -> usize {
        match self.form {
            Form::Path(n) | Form::PathLine(n) => n,
            Form::Record => 0,
        }
    }
}

/// The id of `doc` qualified against the others of its group (same id).
fn qualified(doc: &Document, origin: &Origin, group: &[(&Document, &Origin)]) -> String {
    let top = group.iter().map(|(_, o)| o.path.len()).max().unwrap_or(0);
    let others: Vec<&Origin> = group
        .iter()
        .map(|(_, o)| *o)
        .filter(|o| !o.same_input(origin))
        .collect();
    // The first rung at which no input with another path has the same name.
    let rung = (origin.first_rung()..=2 * top)
        .find(|&k| {
            let mine = origin.rung(k, top);
            others.iter().all(|o| o.rung(k, top) != mine)
        })
        .unwrap_or(2 * top);
    let prefix = origin.rung(rung, top).join("/");
    let by_line = group.iter().filter(|(_, o)| o.same_input(origin)).count() > 1;
    match origin.form {
        Form::Path(n) if rung == n => doc.id.clone(),
        Form::Path(_) => prefix,
        Form::PathLine(_) => format!("{prefix}#{}", origin.line.unwrap_or(0)),
        Form::Record => {
            let mut id = if rung == 0 {
                doc.id.clone()
            } else {
                format!("{prefix}/{}", doc.id)
            };
            if by_line && let Some(line) = origin.line {
                id.push_str(&format!("#{line}"));
            }
            id
        }
    }
}

/// What orders two inputs that nothing else tells apart.
fn content_key(d: &Document, o: &Origin) -> impl Ord {
    (
        o.clone(),
        d.text.clone(),
        d.source.clone(),
        d.lang.clone(),
        d.published,
        d.title.clone(),
    )
}

/// Makes the ids of `docs` unique (see the [module docs](self)); returns
/// one `duplicate-id` warning per document whose id changed. The result
/// depends only on the set of documents and origins, not on their order.
pub(crate) fn make_unique(docs: &mut [(Document, Origin)]) -> Vec<Diagnostic> {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, (d, _)) in docs.iter().enumerate() {
        groups.entry(d.id.clone()).or_default().push(i);
    }
    if groups.len() == docs.len() {
        return Vec::new();
    }
    let original: Vec<String> = docs.iter().map(|(d, _)| d.id.clone()).collect();
    let mut new_ids = original.clone();
    for members in groups.values().filter(|m| m.len() > 1) {
        let group: Vec<(&Document, &Origin)> =
            members.iter().map(|&i| (&docs[i].0, &docs[i].1)).collect();
        for &i in members {
            new_ids[i] = qualified(&docs[i].0, &docs[i].1, &group);
        }
    }
    // What the paths and lines did not tell apart (the same file twice, or
    // a qualified id that another input already has) is numbered in the
    // order of its content.
    let mut by_new: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, id) in new_ids.iter().enumerate() {
        by_new.entry(id.clone()).or_default().push(i);
    }
    let mut used: HashSet<String> = by_new.keys().cloned().collect();
    for (id, mut members) in by_new {
        if members.len() < 2 {
            continue;
        }
        members.sort_by_cached_key(|&i| content_key(&docs[i].0, &docs[i].1));
        let mut n = 0;
        for i in members {
            let fresh = loop {
                n += 1;
                let c = format!("{id}~{n}");
                if used.insert(c.clone()) {
                    break c;
                }
            };
            new_ids[i] = fresh;
        }
    }
    let mut diags = Vec::new();
    for (i, new) in new_ids.into_iter().enumerate() {
        let old = &original[i];
        if &new == old {
            continue;
        }
        let mut shared: Vec<&str> = groups[old]
            .iter()
            .map(|&j| docs[j].1.shown.as_str())
            .collect();
        shared.sort_unstable();
        let message = if shared.len() > 1 {
            format!(
                "{} inputs have the id «{old}» ({}); this one, {}, is «{new}»",
                shared.len(),
                shared.join(", "),
                docs[i].1.shown
            )
        } else {
            format!(
                "the id «{old}» of {} is also the qualified id of another input; this one is «{new}»",
                docs[i].1.shown
            )
        };
        diags.push(Diagnostic {
            severity: Severity::Warning,
            code: Code::DuplicateId,
            message,
            document: new.clone(),
            span: None,
            events: Vec::new(),
        });
        docs[i].0.id = new;
    }
    crate::diagnostic::sort(&mut diags);
    diags
}

/// Makes the id of a document read once (from standard input or a FIFO, in a
/// [`super::read::stream`]) unique against `used`, the ids already given:
/// it keeps its id when that is free, else takes its line (`r1#3`), else
/// the first free number (`stdin~2`); a document of an input given more
/// than once (`- -`, `repeated`) is numbered from 1 whatever is free, as
/// [`make_unique`] numbers the same file given twice. Returns the
/// `duplicate-id` warning when it changed. Unlike [`make_unique`], which
/// sees every input first, this depends on the order of the stream: the
/// first of two keeps the id.
pub(crate) fn unique_in_stream(
    doc: &mut Document,
    origin: &Origin,
    repeated: bool,
    used: &mut HashSet<String>,
) -> Option<Diagnostic> {
    if !repeated && used.insert(doc.id.clone()) {
        return None;
    }
    let old = doc.id.clone();
    let by_line = origin
        .line
        .map(|l| format!("{old}#{l}"))
        .filter(|c| !used.contains(c));
    let new = by_line.unwrap_or_else(|| {
        (if repeated { 1 } else { 2 }..)
            .map(|n| format!("{old}~{n}"))
            .find(|c| !used.contains(c))
            .expect("a free number")
    });
    used.insert(new.clone());
    doc.id = new.clone();
    Some(Diagnostic {
        severity: Severity::Warning,
        code: Code::DuplicateId,
        message: if repeated {
            format!(
                "{} is given more than once; this reading of it is «{new}»",
                origin.shown
            )
        } else {
            format!(
                "the id «{old}» of {} was already read; this one is «{new}»",
                origin.shown
            )
        },
        document: new,
        span: None,
        events: Vec::new(),
    })
}
