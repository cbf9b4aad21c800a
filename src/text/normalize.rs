//! Normalization: one canonical spelling of Persian and English news text,
//! with a map from every normalized offset back to the original text.
//!
//! The pipeline is the ordered list [`STEPS`]; each [`Step`] names what it
//! changes and documents it. The order matters: `nfc` runs first so that
//! `diacritics` removes U+0653/U+0654/U+0655 only when they did not compose
//! with the letter before them (ا + U+0653 is آ, not ا).
//!
//! Steps 2–7 run in a single pass over the text (NFC is skipped entirely when
//! [`unicode_normalization::is_nfc_quick`] says the text is already in NFC,
//! the usual case). When a removal brings a combining mark next to a
//! character it composes with (Latin «M» U+0654 U+0301: the hamza is
//! removed, the acute is left on the «M»), NFC runs once more on the
//! result, so the output is always NFC and normalizing it again changes
//! nothing. Punctuation is left as it is: the Arabic comma «،», semicolon
//! «؛» and question mark «؟» stay (downstream rules know them).
//!
//! # The offset map
//!
//! [`Normalized::to_original`] maps a byte range of [`Normalized::text`] (as
//! `regex` returns them) to a range of *character* (Unicode scalar) offsets
//! in the original text. Each normalized character has an original span:
//!
//! - a character copied or replaced one for one (ي→ی, ۱→1, NBSP→space) maps
//!   to its own original character;
//! - a character produced from several original characters maps from the
//!   first of them to after the last: an NFC composition (ا + U+0653 → آ;
//!   every character NFC produces from one *segment*, a starter and the
//!   combining marks after it, maps to the whole segment when NFC changed
//!   that segment), and a whitespace run (` \t\u{a0} ` → one space; every
//!   character of the `"\n\n"` a paragraph break becomes maps to the whole
//!   run, as does the single space or newline);
//! - removed characters (bidi controls, tatweel, diacritics, dropped ZWNJ)
//!   map to nothing: they fall inside a mapped range only when they lie
//!   between two mapped characters.
//!
//! `to_original(a..b)` is `start(first char)..end(last char)`. The exact
//! guarantees, for every normalization `n = normalize(original)`:
//!
//! 1. **Validity and order.** For all `a <= b <= n.text.len()` the result
//!    `s..e` satisfies `s <= e <= original.chars().count()`, and it is
//!    monotone: `a <= a'` ⇒ `s <= s'`, `b <= b'` ⇒ `e <= e'`. Offsets that are
//!    not on a character boundary are widened to one (`a` down, `b` up).
//! 2. **Coverage.** Every original character that contributed to a
//!    normalized character in `a..b` lies in `s..e`.
//! 3. **Round trip.** If `a < b` are character boundaries, the first and the
//!    last character of `n.text[a..b]` are neither whitespace (`' '`, `'\n'`)
//!    nor ZWNJ, and neither `a` nor `b` falls strictly between two
//!    characters that NFC produced from the same segment, then
//!    `normalize(slice_chars(original, s, e)).text == n.text[a..b]`.
//!    (The last condition only matters for segments whose normalization
//!    keeps more than one character, e.g. a Latin letter with two accents
//!    that do not both compose; Persian letters with diacritics and
//!    ا + U+0653 always keep one.)
//!
//! Spans with whitespace at an edge do not round-trip because normalization
//! trims whitespace at the edges of the text, and a ZWNJ at the edge of a
//! text is dropped: map the trimmed span instead.
//!
//! The map is stored compactly: an anchor `(normalized byte, original
//! char)` only where the correspondence stops being one character for one
//! (after a removal, at a merge) and every 128 characters, plus a sorted list
//! of the normalized characters that span more than one original character.
//! Lookups are a binary search plus counting at most 128 characters.

use std::ops::Range;

use unicode_normalization::{
    IsNormalized, UnicodeNormalization, char::canonical_combining_class, is_nfc_quick,
};

/// One named normalization step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// Stable name, used in documentation and tests.
    pub name: &'static str,
    /// What the step changes.
    pub doc: &'static str,
}

/// The normalization steps, in the order they apply.
pub const STEPS: &[Step] = &[
    Step {
        name: "nfc",
        doc: "Unicode NFC composition: ا + U+0653 → آ, ا + U+0654 → أ, ا + U+0655 → إ, \
              و + U+0654 → ؤ, ي + U+0654 → ئ, ه + U+0654 → ۀ; also ی (U+06CC) or ى (U+0649) + U+0654 \
              → ئ and ه (U+0647) + U+0654 → ۀ, which Unicode does not compose; marks are put in canonical order. Skipped when the text is already NFC (quick check). \
              Run once more at the end when a removal below left a mark next to a character it \
              composes with.",
    },
    Step {
        name: "arabic-letters",
        doc: "Arabic yeh ي (U+064A) and alef maksura ى (U+0649) → Persian yeh ی (U+06CC); \
              Arabic kaf ك (U+0643) → Persian keheh ک (U+06A9). Nothing else: heh/ae \
              variants (ە, ہ, ة) and hamza forms are kept.",
    },
    Step {
        name: "digits",
        doc: "Persian (U+06F0–U+06F9) and Arabic-Indic (U+0660–U+0669) digits → ASCII 0–9; \
              the Arabic decimal separator ٫ (U+066B) → '.', the Arabic thousands separator \
              ٬ (U+066C) → ','. The slash used as a decimal point (۳/۵) is kept.",
    },
    Step {
        name: "bidi-controls",
        doc: "Removes the bidirectional controls U+061C (ALM), U+200E (LRM), U+200F (RLM), \
              U+202A–U+202E (embeddings, overrides, PDF), U+2066–U+2069 (isolates), and \
              U+FEFF (a BOM or zero-width no-break space inside the text).",
    },
    Step {
        name: "tatweel",
        doc: "Removes the kashida/tatweel U+0640 (ـ), which only stretches letters.",
    },
    Step {
        name: "diacritics",
        doc: "Removes Arabic diacritics U+064B–U+065F (tanwin, harakat, shadda, sukun, and \
              the hamza/madda marks that did not compose under nfc) and the superscript \
              alef U+0670.",
    },
    Step {
        name: "whitespace",
        doc: "A run of whitespace becomes one character or a paragraph break: horizontal \
              whitespace (space, tab, U+000B, U+000C, NBSP U+00A0, U+1680, U+2000–U+200A, \
              U+202F, U+205F, U+3000) alone → one space; a run with one line break (\\n, \\r\\n, \
              \\r, U+0085, U+2028) → \"\\n\"; a run with two or more (a blank line, or U+2029) → \
              \"\\n\\n\". Spaces next to a line break disappear with the run; whitespace at the \
              start and end of the text is removed. ZWNJ (U+200C) is kept between two letters \
              or digits (می‌شود); a ZWNJ next to whitespace, punctuation, another ZWNJ or \
              the edge of the text is dropped. Removed characters (bidi controls, tatweel, \
              diacritics) are invisible to this step.",
    },
];

/// Normalized text with its map back to the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The normalized text.
    pub text: String,
    /// `(normalized byte, original char)`, sorted, unique bytes, first at 0.
    anchors: Vec<(usize, usize)>,
    /// `(normalized byte, original char end)` of the characters whose
    /// original span is not exactly one character, sorted.
    wide: Vec<(usize, usize)>,
    /// Number of characters in the original text.
    original_chars: usize,
}

impl Normalized {
    /// Maps a byte range of the normalized text (as regex returns them) to a
    /// range of character (Unicode scalar) offsets in the original text.
    ///
    /// Ends beyond the text are clamped; ends that are not on a character
    /// boundary are widened to one. An empty range maps to an empty range at
    /// [`Normalized::original_char`]. See the [module docs](self) for the
    /// exact guarantees.
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        let len = self.text.len();
        let a = floor_boundary(&self.text, range.start.min(len));
        let b = ceil_boundary(&self.text, range.end.min(len));
        if b <= a {
            let s = self.original_char(a);
            return s..s;
        }
        let start = self.start_of(a);
        let last = floor_boundary(&self.text, b - 1);
        let end = self.end_of(last).max(start);
        start..end
    }

    /// The original character offset where the normalized character at byte
    /// `norm_byte` starts (the start side of [`Normalized::to_original`]).
    /// `norm_byte >= text.len()` gives the original length in characters.
    pub fn original_char(&self, norm_byte: usize) -> usize {
        if norm_byte >= self.text.len() {
            return self.original_chars;
        }
        self.start_of(floor_boundary(&self.text, norm_byte))
    }

    /// The number of characters in the original text.
    pub fn original_len_chars(&self) -> usize {
        self.original_chars
    }

    /// Bytes of the map (anchors and wide characters), for sizing.
    pub fn map_size_bytes(&self) -> usize {
        (self.anchors.len() + self.wide.len()) * std::mem::size_of::<(usize, usize)>()
    }

    fn start_of(&self, nb: usize) -> usize {
        let i = self.anchors.partition_point(|&(n, _)| n <= nb);
        let (n, o) = self.anchors[i.saturating_sub(1)];
        o + count_chars(&self.text.as_bytes()[n..nb])
    }

    fn end_of(&self, nb: usize) -> usize {
        match self.wide.binary_search_by_key(&nb, |&(n, _)| n) {
            Ok(i) => self.wide[i].1,
            Err(_) => self.start_of(nb) + 1,
        }
    }
}

fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Byte offset of character `char_offset` in `s` (`s.len()` when past the end).
pub fn char_to_byte(s: &str, char_offset: usize) -> usize {
    if char_offset == 0 {
        return 0;
    }
    s.char_indices()
        .nth(char_offset)
        .map_or(s.len(), |(i, _)| i)
}

/// A sparse index from character offsets to byte offsets of one text, so
/// that slicing by characters costs a few dozen steps instead of a scan
/// from the start (which would make a long document quadratic).
#[derive(Debug, Clone, Default)]
pub struct CharIndex {
    /// Byte offset of every [`CharIndex::STRIDE`]-th character.
    marks: Vec<usize>,
}

impl CharIndex {
    /// Characters between two marks.
    pub const STRIDE: usize = 64;

    /// Indexes `s`.
    pub fn new(s: &str) -> CharIndex {
        let marks = s
            .char_indices()
            .step_by(Self::STRIDE)
            .map(|(b, _)| b)
            .collect();
        CharIndex { marks }
    }

    /// Byte offset of character `c` in `s` (the text this index was built
    /// for); `s.len()` past the end.
    pub fn byte(&self, s: &str, c: usize) -> usize {
        let k = c / Self::STRIDE;
        let Some(&b) = self.marks.get(k) else {
            return s.len();
        };
        s[b..]
            .char_indices()
            .nth(c - k * Self::STRIDE)
            .map_or(s.len(), |(i, _)| b + i)
    }

    /// The characters `start..end` of `s` (clamped to the text).
    pub fn slice<'a>(&self, s: &'a str, start: usize, end: usize) -> &'a str {
        let b0 = self.byte(s, start);
        let b1 = if end <= start { b0 } else { self.byte(s, end) };
        &s[b0..b1.max(b0)]
    }
}

/// The characters `start..end` of `s` (clamped to the text).
pub fn slice_chars(s: &str, start: usize, end: usize) -> &str {
    let b0 = char_to_byte(s, start);
    let b1 = if end <= start {
        b0
    } else {
        b0 + char_to_byte(&s[b0..], end - start)
    };
    &s[b0..b1]
}

/// Normalizes `original` through every step of [`STEPS`], in order.
pub fn normalize(original: &str) -> Normalized {
    let (once, exposed) = single_pass(original);
    if !exposed {
        return once;
    }
    // A removed character stood between a combining mark and what it
    // combines with («M» U+0654 U+0301, «e» U+200F U+0301): without it the
    // text is no longer NFC. NFC again (nothing is left to remove), and map
    // through both passes, so that the result is NFC and normalizing it
    // again changes nothing.
    let (twice, _) = single_pass(&once.text);
    let index = CharIndex::new(&once.text);
    let mut pass = Pass::new(original);
    for (b, c) in twice.text.char_indices() {
        let r = twice.to_original(b..b + c.len_utf8());
        let o = once.to_original(index.byte(&once.text, r.start)..index.byte(&once.text, r.end));
        pass.emit_char(c, o.start, o.end);
    }
    pass.finish(once.original_chars).0
}

/// One pass of the steps; true when a removal left a combining mark (or a
/// character that composes with the one before it) right after what came
/// before the removed characters.
fn single_pass(original: &str) -> (Normalized, bool) {
    // Fast path: the NFC quick check runs inside the pass (it costs as much
    // as the rest of the pass when run separately). If it fails, start over
    // with NFC segment by segment.
    let mut pass = Pass::new(original);
    let mut last_cc = 0u8;
    let mut ci = 0;
    for (bs, c) in original.char_indices() {
        if c < '\u{300}' || is_arabic_starter(c) {
            last_cc = 0;
        } else {
            let cc = canonical_combining_class(c);
            if (last_cc > cc && cc != 0) || is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes {
                let mut pass = Pass::new(original);
                let total = nfc_segments(original, &mut pass);
                return pass.finish(total);
            }
            last_cc = cc;
        }
        pass.feed(c, bs, ci, ci + 1, true);
        ci += 1;
    }
    pass.finish(ci)
}

/// The combining marks (canonical combining class ≠ 0) of the Arabic block
/// U+0600–U+06FF, as a bit set; every other character of the block is a
/// starter that is NFC_QC=Yes (checked by a unit test).
const ARABIC_MARKS: [u64; 4] = {
    let mut bits = [0u64; 4];
    let ranges: [(u32, u32); 7] = [
        (0x610, 0x61a),
        (0x64b, 0x65f),
        (0x670, 0x670),
        (0x6d6, 0x6dc),
        (0x6df, 0x6e4),
        (0x6e7, 0x6e8),
        (0x6ea, 0x6ed),
    ];
    let mut r = 0;
    while r < ranges.len() {
        let mut c = ranges[r].0;
        while c <= ranges[r].1 {
            let i = (c - 0x600) as usize;
            bits[i / 64] |= 1 << (i % 64);
            c += 1;
        }
        r += 1;
    }
    bits
};

#[inline(always)]
fn is_arabic_starter(c: char) -> bool {
    let i = (c as u32).wrapping_sub(0x600);
    i < 0x100 && ARABIC_MARKS[(i / 64) as usize] & (1 << (i % 64)) == 0
}

/// Runs NFC segment by segment (a segment is a starter that cannot combine
/// with what precedes it, plus everything up to the next such starter),
/// feeding the pass verbatim characters where NFC changes nothing.
fn nfc_segments(s: &str, pass: &mut Pass<'_>) -> usize {
    let mut seg_b = 0;
    let mut seg_c = 0;
    let mut ci = 0;
    for (bs, c) in s.char_indices() {
        if bs > 0 && is_segment_start(c) {
            nfc_segment(s, seg_b, bs, seg_c, ci, pass);
            seg_b = bs;
            seg_c = ci;
        }
        ci += 1;
    }
    if !s.is_empty() {
        nfc_segment(s, seg_b, s.len(), seg_c, ci, pass);
    }
    ci
}

fn is_segment_start(c: char) -> bool {
    c < '\u{300}'
        || (canonical_combining_class(c) == 0
            && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes)
}

fn nfc_segment(s: &str, b0: usize, b1: usize, c0: usize, c1: usize, pass: &mut Pass<'_>) {
    let seg = &s[b0..b1];
    if c1 - c0 > 1 && seg.contains('\u{654}') {
        // Persian yeh / alef maksura / heh + hamza above: Unicode has no
        // composition for them; compose as ي + hamza (ئ) and ە + hamza (ۀ).
        let mut chars = seg.chars();
        let substitute = match chars.next() {
            Some('\u{6cc}' | '\u{649}') => Some(('\u{64a}', '\u{626}')),
            Some('\u{647}') => Some(('\u{6d5}', '\u{6c0}')),
            _ => None,
        };
        if let Some((base, composed)) = substitute {
            let out = std::iter::once(base).chain(chars).nfc();
            if out.clone().any(|c| c == composed) {
                for c in out {
                    pass.feed(c, b0, c0, c1, false);
                }
                return;
            }
        }
    }
    let verbatim = c1 - c0 == 1
        || is_nfc_quick(seg.chars()) == IsNormalized::Yes
        || seg.chars().nfc().eq(seg.chars());
    if verbatim {
        for (ci, (i, c)) in (c0..).zip(seg.char_indices()) {
            pass.feed(c, b0 + i, ci, ci + 1, true);
        }
    } else {
        for c in seg.chars().nfc() {
            pass.feed(c, b0, c0, c1, false);
        }
    }
}

/// What the single pass does with one (NFC) character.
enum Class {
    Keep,
    Map(char),
    Remove,
    Space,
    Newline(u8),
    Zwnj,
}

#[inline(always)]
fn class(c: char) -> Class {
    if c.is_ascii() {
        return match c {
            ' ' | '\t' | '\u{b}' | '\u{c}' => Class::Space,
            '\n' => Class::Newline(0),
            '\r' => Class::Newline(1),
            _ => Class::Keep,
        };
    }
    match c {
        '\u{64a}' | '\u{649}' => Class::Map('\u{6cc}'),
        '\u{643}' => Class::Map('\u{6a9}'),
        '\u{6f0}'..='\u{6f9}' => Class::Map(char::from(b'0' + (c as u32 - 0x6f0) as u8)),
        '\u{660}'..='\u{669}' => Class::Map(char::from(b'0' + (c as u32 - 0x660) as u8)),
        '\u{66b}' => Class::Map('.'),
        '\u{66c}' => Class::Map(','),
        '\u{640}' | '\u{64b}'..='\u{65f}' | '\u{670}' | '\u{61c}' => Class::Remove,
        '\u{600}'..='\u{6ff}' => Class::Keep,
        '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}' => Class::Remove,
        '\u{200c}' => Class::Zwnj,
        '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
            Class::Space
        }
        '\u{85}' | '\u{2028}' => Class::Newline(2),
        '\u{2029}' => Class::Newline(3),
        _ => Class::Keep,
    }
}

/// A pending whitespace run.
#[derive(Clone, Copy)]
struct Ws {
    byte: usize,
    start: usize,
    end: usize,
    newlines: u8,
    last_cr: bool,
    /// The run is exactly one verbatim ASCII space.
    single: bool,
}

/// A pending ZWNJ (kept only if a letter or digit follows).
#[derive(Clone, Copy)]
struct Zwnj {
    byte: usize,
    start: usize,
    end: usize,
    verbatim: bool,
}

const CHECKPOINT: u32 = 128;

struct Pass<'a> {
    src: &'a str,
    out: String,
    /// Original bytes `run.0..run.1` still to be copied to `out`.
    run: (usize, usize),
    next_orig: usize,
    since: u32,
    anchors: Vec<(usize, usize)>,
    wide: Vec<(usize, usize)>,
    last: char,
    ws: Option<Ws>,
    zwnj: Option<Zwnj>,
    /// The last character fed was removed (or is a ZWNJ that may be).
    removed: bool,
    /// A removal left a character that combines with what precedes it
    /// right after that: the output needs NFC again.
    exposed: bool,
}

impl<'a> Pass<'a> {
    fn new(src: &'a str) -> Self {
        Pass {
            src,
            out: String::with_capacity(src.len()),
            run: (0, 0),
            next_orig: 0,
            since: 0,
            anchors: vec![(0, 0)],
            wide: Vec::new(),
            last: '\0',
            ws: None,
            zwnj: None,
            removed: false,
            exposed: false,
        }
    }

    /// Feeds one NFC character whose original span is the characters
    /// `cs..ce`; when `verbatim`, it is the original character itself, at
    /// original byte `bs`.
    #[inline(always)]
    fn feed(&mut self, c: char, bs: usize, cs: usize, ce: usize, verbatim: bool) {
        let class = class(c);
        if self.removed {
            self.removed = false;
            self.exposed |= matches!(class, Class::Keep) && c >= '\u{300}' && !is_segment_start(c);
        }
        match class {
            Class::Keep => {
                self.before_content(c);
                if verbatim {
                    self.emit_same(bs, bs + c.len_utf8(), cs);
                } else {
                    self.emit_char(c, cs, ce);
                }
                self.last = c;
            }
            Class::Map(r) => {
                self.before_content(r);
                self.emit_char(r, cs, ce);
                self.last = r;
            }
            Class::Remove => self.removed = true,
            Class::Space => self.add_ws(c == ' ' && verbatim, 0, bs, cs, ce),
            Class::Newline(kind) => self.add_ws(false, kind + 1, bs, cs, ce),
            Class::Zwnj => {
                self.removed = true;
                if self.ws.is_none() && self.zwnj.is_none() && self.last.is_alphanumeric() {
                    self.zwnj = Some(Zwnj {
                        byte: bs,
                        start: cs,
                        end: ce,
                        verbatim,
                    });
                }
            }
        }
    }

    #[inline(always)]
    fn before_content(&mut self, c: char) {
        if let Some(ws) = self.ws.take() {
            self.flush_ws(ws);
        }
        if let Some(z) = self.zwnj.take()
            && c.is_alphanumeric()
        {
            if z.verbatim {
                self.emit_same(z.byte, z.byte + '\u{200c}'.len_utf8(), z.start);
            } else {
                self.emit_char('\u{200c}', z.start, z.end);
            }
        }
    }

    /// `kind`: 0 horizontal, 1 `\n`, 2 `\r`, 3 other line break, 4 paragraph separator.
    #[inline]
    fn add_ws(&mut self, single: bool, kind: u8, bs: usize, cs: usize, ce: usize) {
        self.zwnj = None;
        let ws = match &mut self.ws {
            Some(ws) => {
                ws.single = false;
                ws.end = ce;
                ws
            }
            none => none.insert(Ws {
                byte: bs,
                start: cs,
                end: ce,
                newlines: 0,
                last_cr: false,
                single,
            }),
        };
        match kind {
            0 => ws.last_cr = false,
            1 => {
                if ws.last_cr {
                    ws.last_cr = false;
                } else {
                    ws.newlines = ws.newlines.saturating_add(1);
                }
            }
            2 => {
                ws.newlines = ws.newlines.saturating_add(1);
                ws.last_cr = true;
            }
            3 => {
                ws.newlines = ws.newlines.saturating_add(1);
                ws.last_cr = false;
            }
            _ => {
                ws.newlines = ws.newlines.saturating_add(2);
                ws.last_cr = false;
            }
        }
    }

    fn flush_ws(&mut self, ws: Ws) {
        if self.last == '\0' {
            return; // leading whitespace is trimmed
        }
        if ws.single {
            self.emit_same(ws.byte, ws.byte + 1, ws.start);
            self.last = ' ';
            return;
        }
        match ws.newlines {
            0 => {
                self.emit_char(' ', ws.start, ws.end);
                self.last = ' ';
            }
            1 => {
                self.emit_char('\n', ws.start, ws.end);
                self.last = '\n';
            }
            _ => {
                self.emit_char('\n', ws.start, ws.end);
                self.emit_char('\n', ws.start, ws.end);
                self.last = '\n';
            }
        }
    }

    #[inline(always)]
    fn anchor(&mut self, pos: usize, orig: usize) {
        self.since = 0;
        match self.anchors.last_mut() {
            Some(last) if last.0 == pos => last.1 = orig,
            _ => self.anchors.push((pos, orig)),
        }
    }

    /// Copies the original character at bytes `bs..be` (character `cs`).
    #[inline(always)]
    fn emit_same(&mut self, bs: usize, be: usize, cs: usize) {
        if cs != self.next_orig || self.since >= CHECKPOINT {
            let pos = self.out.len() + (self.run.1 - self.run.0);
            self.anchor(pos, cs);
        }
        if bs != self.run.1 {
            self.flush_run();
            self.run.0 = bs;
        }
        self.run.1 = be;
        self.next_orig = cs + 1;
        self.since += 1;
    }

    #[inline(always)]
    fn flush_run(&mut self) {
        if self.run.0 != self.run.1 {
            self.out.push_str(&self.src[self.run.0..self.run.1]);
            self.run.0 = self.run.1;
        }
    }

    /// Writes `c`, whose original span is the characters `cs..ce`.
    #[inline(always)]
    fn emit_char(&mut self, c: char, cs: usize, ce: usize) {
        self.flush_run();
        let pos = self.out.len();
        if cs != self.next_orig || self.since >= CHECKPOINT {
            self.anchor(pos, cs);
        }
        self.out.push(c);
        self.since += 1;
        if ce == cs + 1 {
            self.next_orig = ce;
        } else {
            self.wide.push((pos, ce));
            // Force an anchor before the next character.
            self.next_orig = usize::MAX;
        }
    }

    fn finish(mut self, total: usize) -> (Normalized, bool) {
        // Trailing whitespace and a trailing ZWNJ are dropped.
        self.flush_run();
        let mut out = self.out;
        out.shrink_to_fit();
        let n = Normalized {
            text: out,
            anchors: self.anchors,
            wide: self.wide,
            original_chars: total,
        };
        (n, self.exposed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_marks_table_matches_unicode() {
        for u in 0x600..=0x6ffu32 {
            let c = char::from_u32(u).unwrap();
            let starter = canonical_combining_class(c) == 0
                && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes;
            assert_eq!(is_arabic_starter(c), starter, "U+{u:04X}");
        }
    }
}
