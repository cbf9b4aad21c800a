//! Generates a large synthetic news corpus (JSON Lines) for throughput and
//! robustness testing, built only from the project's own articles.
//!
//! ```text
//! cargo run --release --example gen-corpus -- --mb N --lang fa|en [--dense] [--seed S] [-o FILE]
//! ```
//!
//! # What it writes
//!
//! One document per line, `{"id","lang","published","source","text"}`: ids
//! `gen-<lang>-<n>` (`n` from 1, zero-padded to 8 digits), `published` a
//! `YYYY-MM-DD` between 2015-01-01 and 2025-12-31, `source` `gen-corpus`.
//! Lines go to `-o FILE` or to standard output; generation stops after the
//! document that takes the output past `N` MiB (`N` may be fractional).
//!
//! # Where the text comes from
//!
//! Only from the project's own articles, read at run time relative to the
//! crate root: for `fa`, `data/articles/fa/*.txt` and `tests/eval/fa/*.txt`;
//! for `en`, `data/articles/en/*.txt` and the `.txt` files under
//! `tests/eval/reallike/` whose script is Latin (a file is Persian when most
//! of its letters are of the Arabic script, as `tarikh::lang::detect`
//! decides). Nothing else is read: no `realtext/`, no `../shared`.
//!
//! The texts are split into sentences (after `.` `!` `?` `؟` followed by a
//! space, keeping the punctuation, and at every line break; a `.` before a
//! lowercase word, after `a.m`/`p.m`, or after a short abbreviation before
//! a number, as in `U.S. envoy`, `6:40 p.m. ET` or `Oct. 1`, is not a
//! boundary). Each sentence is read once
//! with `tarikh::pipeline::dates`: those with at least one temporal
//! expression form the *dated* pool, the others the *plain* pool.
//!
//! # Documents
//!
//! Each document has a size drawn uniformly from 1–10 KiB (1024–10240 bytes
//! of text) and is filled with sentences drawn at random (so never in source
//! order) from the two pools until it reaches that size, in paragraphs of
//! 2–5 sentences separated by blank lines. In a dated sentence the dates are
//! varied: 4-digit years (Solar Hijri 1300–1405, Gregorian 1950–2025) move by
//! one offset in −5..=+5 per sentence (kept inside those ranges), and days
//! 1–28 written next to a month name (`12 May`, `May 12`, `۱۲ مهر`) move by
//! one offset in −3..=+3 (kept in 1–28), each number in the digit script it
//! was written in (ASCII, Persian or Arabic-Indic). Days 29–31 only move
//! down, to a day their month has in every year (29 February, 30 Esfand); a
//! day that cannot move (in a range or list, `۷ و ۸ آگوست`, `Oct. 9–10`)
//! keeps every day of its sentence, so that dual dates stay in step, and
//! its years too when it is 29–31.
//!
//! With small probabilities per document, noise is added: a line of page
//! chrome, a stray `<br>` or `&nbsp;`, a doubled space and, in Persian, a
//! right-to-left mark U+200F and a zero-width non-joiner dropped or added.
//!
//! # Density
//!
//! The share of dated sentences is computed from the measured average
//! expression count and size of the two pools (with the separators and JSON
//! overhead), so that the output has about 1,500 temporal expressions per
//! MiB by default and about 5,000 per MiB with `--dense`, in both
//! languages. If the dated pool alone is below the target, it says so and
//! uses dated sentences only.
//!
//! At the end it prints to standard error the number of documents, the MiB
//! written, the speed, and the density *measured* by running
//! `tarikh::pipeline::dates` again on a deterministic sample of about 2 MiB
//! of the generated documents (every k-th document).
//!
//! The output depends only on the arguments: the same `--mb`, `--lang`,
//! `--dense` and `--seed` (default 1) give byte-identical files.

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use chrono::{Days, NaiveDate};
use tarikh::lang::Lang;
use tarikh::pipeline::{self, Options};
use tarikh::text::Document;

const MIB: f64 = 1_048_576.0;
const DOC_MIN: u64 = 1024;
const DOC_MAX: u64 = 10 * 1024;
const SAMPLE_MIB: f64 = 2.0;
const ZWNJ: char = '\u{200C}';
const RLM: char = '\u{200F}';

// ---------------------------------------------------------------- PRNG

/// splitmix64: small, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

// ---------------------------------------------------------------- arguments

struct Args {
    mb: f64,
    lang: Lang,
    dense: bool,
    seed: u64,
    output: Option<PathBuf>,
}

const USAGE: &str = "usage: gen-corpus --mb N --lang fa|en [--dense] [--seed S] [-o FILE]";

fn parse_args() -> Result<Args, String> {
    let mut mb = None;
    let mut lang = None;
    let mut dense = false;
    let mut seed = 1u64;
    let mut output = None;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--mb" => {
                let v = value("--mb")?;
                let n: f64 = v.parse().map_err(|_| format!("--mb: not a number: {v}"))?;
                if !(n > 0.0 && n.is_finite()) {
                    return Err(format!("--mb must be positive, not {v}"));
                }
                mb = Some(n);
            }
            "--lang" => {
                let v = value("--lang")?;
                lang = Some(match v.as_str() {
                    "fa" => Lang::Fa,
                    "en" => Lang::En,
                    _ => return Err(format!("--lang must be fa or en, not {v}")),
                });
            }
            "--dense" => dense = true,
            "--seed" => {
                let v = value("--seed")?;
                seed = v
                    .parse()
                    .map_err(|_| format!("--seed: not an integer: {v}"))?;
            }
            "-o" | "--output" => output = Some(PathBuf::from(value("-o")?)),
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            _ => return Err(format!("unknown argument: {a}")),
        }
    }
    Ok(Args {
        mb: mb.ok_or("--mb is required")?,
        lang: lang.ok_or("--lang is required")?,
        dense,
        seed,
        output,
    })
}

// ---------------------------------------------------------------- sources

/// The `.txt` files of `dir` (recursively when asked), sorted by path.
fn txt_files(dir: &Path, recursive: bool, out: &mut Vec<PathBuf>) -> io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<io::Result<_>>()?;
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if recursive {
                txt_files(&p, true, out)?;
            }
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
    Ok(())
}

/// The project's own articles in `lang`, as (path, text), in path order.
fn source_texts(lang: Lang) -> io::Result<Vec<(PathBuf, String)>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    match lang {
        Lang::Fa => {
            txt_files(&root.join("data/articles/fa"), false, &mut files)?;
            txt_files(&root.join("tests/eval/fa"), false, &mut files)?;
        }
        Lang::En => {
            txt_files(&root.join("data/articles/en"), false, &mut files)?;
            txt_files(&root.join("tests/eval/reallike"), true, &mut files)?;
        }
    }
    let mut texts = Vec::new();
    for p in files {
        let text = std::fs::read_to_string(&p)?;
        let text = text
            .strip_prefix('\u{FEFF}')
            .unwrap_or(&text)
            .replace("\r\n", "\n");
        // Decide by script: Arabic-script letters → fa, otherwise en.
        if tarikh::lang::detect(&text) == lang {
            texts.push((p, text));
        }
    }
    Ok(texts)
}

// ---------------------------------------------------------------- sentences

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '»' | ')' | ']' | '”' | '’')
}

/// Splits a text into sentences: after `.` `!` `?` `؟` (and any closing
/// quotes) followed by whitespace, and at line breaks; punctuation kept.
fn split_sentences(text: &str, out: &mut Vec<String>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut start = 0usize;
    let push = |s: &str, out: &mut Vec<String>| {
        let s = s.trim();
        if s.chars().any(char::is_alphanumeric) {
            out.push(s.to_string());
        }
    };
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c == '\n' {
            push(&text[start..pos], out);
            start = pos + 1;
            i += 1;
            continue;
        }
        if is_terminator(c) {
            let mut j = i + 1;
            while j < chars.len() && (is_terminator(chars[j].1) || is_closer(chars[j].1)) {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
            let at_space = chars.get(j).is_none_or(|&(_, n)| n.is_whitespace());
            if at_space && !(c == '.' && abbreviation(text, &chars, i, j)) {
                push(&text[start..end], out);
                start = end;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(&text[start..], out);
}

/// A `.` at `chars[dot]` that is not a sentence end: it ends `a.m.` or
/// `p.m.`, the next word starts lowercase (`U.S. envoy`), or it is a number
/// after a short word (`Oct. 1`, `ref. 2`).
fn abbreviation(text: &str, chars: &[(usize, char)], dot: usize, after: usize) -> bool {
    let next = chars[after..]
        .iter()
        .map(|&(_, c)| c)
        .find(|c| *c != ' ' && *c != '\t');
    let before = &text[..chars[dot].0];
    let lower = before.get(before.len().saturating_sub(3)..).unwrap_or("");
    if lower.eq_ignore_ascii_case("a.m") || lower.eq_ignore_ascii_case("p.m") {
        return true;
    }
    match next {
        Some(c) if c.is_ascii_lowercase() => true,
        Some(c) if c.is_ascii_digit() => {
            let word: String = before
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            (1..=4).contains(&word.len())
        }
        _ => false,
    }
}

// ---------------------------------------------------------------- date slots

/// The value and zero of a digit in ASCII, Persian or Arabic-Indic.
fn digit(c: char) -> Option<(u32, char)> {
    match c {
        '0'..='9' => Some((c as u32 - '0' as u32, '0')),
        '۰'..='۹' => Some((c as u32 - '۰' as u32, '۰')),
        '٠'..='٩' => Some((c as u32 - '٠' as u32, '٠')),
        _ => None,
    }
}

/// Month names, space-separated: English (lowercase, with abbreviations).
const EN_MONTHS: &str = "january february march april may june july august september october \
     november december jan feb mar apr jun jul aug sep sept oct nov dec";
/// Solar Hijri (Iran), Solar Hijri (Afghanistan), Gregorian (Iran), Gregorian (Dari).
const FA_MONTHS: &str = "فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند \
     حمل ثور جوزا سرطان اسد سنبله میزان عقرب قوس جدی دلو حوت \
     ژانویه فوریه مارس آوریل مه ژوئن ژوئیه اوت اوگوست آگوست اگوست سپتامبر اکتبر نوامبر دسامبر \
     جنوری فبروری مارچ اپریل می جون جولای اگست سپتمبر اکتوبر نومبر دسمبر";

/// Words that join a number to another (a range, a list).
const CONNECTORS: &[&str] = &[
    "و", "تا", "and", "to", "through", "until", "or", "-", "–", "—",
];

fn is_month(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    if word.is_ascii() {
        let w = word.to_ascii_lowercase();
        EN_MONTHS.split_whitespace().any(|m| m == w)
    } else {
        FA_MONTHS.split_whitespace().any(|m| m == word)
    }
}

/// The word just after byte `at` past one space (letters only).
fn word_after(s: &str, at: usize) -> &str {
    let rest = &s[at..];
    let Some(rest) = rest.strip_prefix(' ') else {
        return "";
    };
    let end = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(i, _)| i);
    &rest[..end]
}

/// The word just before byte `at` past one space (an abbreviation's `.`
/// skipped; letters only, or one dash).
fn word_before(s: &str, at: usize) -> &str {
    let head = &s[..at];
    let Some(head) = head.strip_suffix(' ') else {
        return "";
    };
    let head = head.strip_suffix('.').unwrap_or(head);
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    if start == head.len() {
        // a dash or other single mark
        return head.char_indices().last().map_or("", |(i, _)| &head[i..]);
    }
    &head[start..]
}

#[derive(Clone, Copy)]
struct Slot {
    start: usize,
    end: usize,
    value: i64,
    zero: char,
    /// Written with a leading zero (`05`): keep two digits.
    padded: bool,
    year: bool,
}

/// A source sentence with the numbers that may vary, and the offsets
/// (inclusive ranges) that keep every one of them in its range.
struct Sentence {
    text: String,
    /// JSON-escaped length in bytes.
    json_len: usize,
    count: usize,
    slots: Vec<Slot>,
    years: (i64, i64),
    days: (i64, i64),
}

fn find_slots(s: &str, lang: Lang) -> (Vec<Slot>, (i64, i64), (i64, i64)) {
    let mut slots = Vec::new();
    let (mut ylo, mut yhi) = (-5i64, 5i64);
    let (mut dlo, mut dhi) = (-3i64, 3i64);
    // A day that cannot move freezes the others (dual dates stay in step);
    // a day 29–31 that cannot move freezes the years too.
    let mut frozen_days = false;
    let mut high_day = false;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let Some((_, zero)) = digit(chars[i].1) else {
            i += 1;
            continue;
        };
        let mut j = i;
        let mut mixed = false;
        let mut value = 0i64;
        while j < chars.len() {
            match digit(chars[j].1) {
                Some((d, z)) => {
                    mixed |= z != zero;
                    value = value * 10 + i64::from(d);
                    j += 1;
                }
                None => break,
            }
        }
        let start = chars[i].0;
        let end = chars.get(j).map_or(s.len(), |&(p, _)| p);
        let width = j - i;
        // No part of a decimal or thousands-separated number.
        let sep_digit = |k: Option<usize>, l: Option<usize>| {
            matches!(
                k.and_then(|k| chars.get(k)),
                Some((_, '.' | ',' | '٫' | '٬'))
            ) && l
                .and_then(|l| chars.get(l))
                .is_some_and(|&(_, c)| digit(c).is_some())
        };
        let glued =
            sep_digit(i.checked_sub(1), i.checked_sub(2)) || sep_digit(Some(j), Some(j + 1));
        i = j;
        if mixed || glued || width > 4 {
            continue;
        }
        if width == 4 {
            let range = match value {
                1300..=1405 => (1300, 1405),
                1950..=2025 => (1950, 2025),
                _ => continue,
            };
            ylo = ylo.max(range.0 - value);
            yhi = yhi.min(range.1 - value);
            slots.push(Slot {
                start,
                end,
                value,
                zero,
                padded: false,
                year: true,
            });
            continue;
        }
        if width > 2 || !(1..=31).contains(&value) {
            continue;
        }
        let month_after = is_month(word_after(s, end));
        let month_before = lang == Lang::En && is_month(word_before(s, start));
        if !(month_after || month_before) {
            continue;
        }
        // The other side must not be part of a range, a list or a time.
        let other = if month_after {
            word_before(s, start)
        } else {
            word_after(s, end)
        };
        let touching = if month_after {
            s[..start].chars().next_back()
        } else {
            s[end..].chars().next()
        };
        if CONNECTORS.contains(&other.to_ascii_lowercase().as_str())
            || touching.is_some_and(|c| digit(c).is_some() || matches!(c, '-' | '–' | '/' | ':'))
        {
            frozen_days = true;
            high_day |= value > 28;
            continue;
        }
        dlo = dlo.max(1 - value);
        if value > 28 {
            // 29–31 only move down, to a day the month has in every year.
            high_day = true;
            dhi = dhi.min(-1);
        } else {
            dhi = dhi.min(28 - value);
        }
        slots.push(Slot {
            start,
            end,
            value,
            zero,
            padded: width == 2 && value < 10,
            year: false,
        });
    }
    if frozen_days || dlo > dhi {
        (dlo, dhi) = (0, 0);
        if high_day {
            (ylo, yhi) = (0, 0);
        }
    }
    (slots, (ylo, yhi), (dlo, dhi))
}

fn push_number(out: &mut String, value: i64, zero: char, min_width: usize) {
    let mut digits = [0u8; 20];
    let mut n = value.max(0) as u64;
    let mut len = 0;
    loop {
        digits[len] = (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for _ in len..min_width {
        out.push(zero);
    }
    for &d in digits[..len].iter().rev() {
        out.push(char::from_u32(zero as u32 + u32::from(d)).unwrap_or(zero));
    }
}

impl Sentence {
    /// Appends the sentence with its dates varied.
    fn render(&self, rng: &mut Rng, out: &mut String) {
        if self.slots.is_empty() {
            out.push_str(&self.text);
            return;
        }
        let dy = rng.range(self.years.0, self.years.1);
        let dd = rng.range(self.days.0, self.days.1);
        let mut last = 0;
        for s in &self.slots {
            out.push_str(&self.text[last..s.start]);
            if s.year {
                push_number(out, s.value + dy, s.zero, 4);
            } else {
                push_number(out, s.value + dd, s.zero, if s.padded { 2 } else { 1 });
            }
            last = s.end;
        }
        out.push_str(&self.text[last..]);
    }
}

fn json_len(s: &str) -> usize {
    serde_json::to_string(s).map_or(s.len(), |j| j.len() - 2)
}

fn count_dates(id: &str, text: &str, lang: Lang, published: NaiveDate) -> usize {
    let doc = Document {
        id: id.to_string(),
        source: "gen-corpus".to_string(),
        text: text.to_string(),
        lang: Some(lang.code().to_string()),
        published: Some(published),
        published_from: None,
        title: None,
    };
    let opts = Options {
        lang: Some(lang),
        published: Some(published),
        lunar: Default::default(),
    };
    pipeline::dates(&doc, &opts).dates.len()
}

// ---------------------------------------------------------------- noise

/// A char boundary at or after a random byte of `s`.
fn random_boundary(s: &str, rng: &mut Rng) -> usize {
    let mut at = rng.below(s.len() as u64 + 1) as usize;
    while !s.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The first match of `pat` at or after a random byte, wrapping around.
fn find_random(s: &str, pat: &str, rng: &mut Rng) -> Option<usize> {
    let at = random_boundary(s, rng);
    s[at..]
        .find(pat)
        .map(|i| at + i)
        .or_else(|| s[..at].find(pat))
}

fn add_noise(text: &mut String, lang: Lang, rng: &mut Rng) {
    if rng.chance(0.04) {
        let chrome: &[&str] = match lang {
            Lang::Fa => &[
                "اشتراک‌گذاری | چاپ",
                "اشتراک‌گذاری | چاپ | ارسال به دوستان",
                "کد خبر: ۴۵۲۱۸ | نسخه چاپی",
                "صفحه نخست | سیاسی | بین‌الملل | ورزشی",
            ],
            _ => &[
                "Share | Print | Tweet",
                "Share this article: Facebook | Twitter | Email",
                "Home | World | Politics | Business",
                "Advertisement",
            ],
        };
        let line = rng.pick(chrome);
        if rng.chance(0.5) {
            text.insert_str(0, &format!("{line}\n\n"));
        } else {
            text.push_str("\n\n");
            text.push_str(line);
        }
    }
    if rng.chance(0.03)
        && let Some(at) = find_random(text, " ", rng)
    {
        let stray = *rng.pick(&["<br>", "<br/>", "&nbsp;", "</p><p>", "&amp;"]);
        text.insert_str(at + 1, &format!("{stray} "));
    }
    if rng.chance(0.05)
        && let Some(at) = find_random(text, " ", rng)
    {
        text.insert(at, ' ');
    }
    if lang != Lang::Fa {
        return;
    }
    if rng.chance(0.03)
        && let Some(at) = find_random(text, " ", rng)
    {
        text.insert(at + 1, RLM);
    }
    if rng.chance(0.05) {
        if rng.chance(0.5) {
            // dropped: می‌گویند → میگویند
            if let Some(at) = find_random(text, "\u{200C}", rng) {
                text.replace_range(at..at + ZWNJ.len_utf8(), "");
            }
        } else if let Some(at) = find_random(text, "ها", rng)
            && text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c != ZWNJ && c.is_alphabetic())
        {
            // added: سالها → سال‌ها
            text.insert(at, ZWNJ);
        }
    }
}

// ---------------------------------------------------------------- main

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("gen-corpus: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen-corpus: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> io::Result<()> {
    let lang = args.lang;
    let code = lang.code();
    let started = Instant::now();

    // 1. The pools, each sentence read once by the library.
    let texts = source_texts(lang)?;
    if texts.is_empty() {
        return Err(io::Error::other(format!("no {code} articles found")));
    }
    let mut raw = Vec::new();
    for (_, t) in &texts {
        split_sentences(t, &mut raw);
    }
    let mut seen = HashSet::new();
    raw.retain(|s| seen.insert(s.clone()));
    let anchor = NaiveDate::from_ymd_opt(2024, 6, 15).expect("valid date");
    let (mut dated, mut plain) = (Vec::new(), Vec::new());
    for (k, s) in raw.into_iter().enumerate() {
        let count = count_dates(&format!("pool-{k}"), &s, lang, anchor);
        let (slots, years, days) = if count > 0 {
            find_slots(&s, lang)
        } else {
            (Vec::new(), (0, 0), (0, 0))
        };
        let sentence = Sentence {
            json_len: json_len(&s),
            text: s,
            count,
            slots,
            years,
            days,
        };
        if count > 0 {
            dated.push(sentence);
        } else {
            plain.push(sentence);
        }
    }
    if dated.is_empty() || plain.is_empty() {
        return Err(io::Error::other("a pool is empty: cannot mix"));
    }

    // 2. The mix, from the pools' averages. Per sentence: its JSON bytes
    // and its share of separators (a space inside a paragraph, `\n\n`
    // escaped to 4 bytes between paragraphs of 3.5 sentences on average);
    // per document, the JSON fields around the text.
    let sep = (2.5 + 4.0) / 3.5;
    let avg = |pool: &[Sentence], f: fn(&Sentence) -> usize| {
        pool.iter().map(f).sum::<usize>() as f64 / pool.len() as f64
    };
    let c_d = avg(&dated, |s| s.count);
    let b_d = avg(&dated, |s| s.json_len) + sep;
    let b_p = avg(&plain, |s| s.json_len) + sep;
    let overhead = format!(
        "{{\"id\":\"gen-{code}-00000000\",\"lang\":\"{code}\",\"published\":\"2020-01-01\",\
         \"source\":\"gen-corpus\",\"text\":\"\"}}\n"
    )
    .len() as f64;
    let avg_doc = (DOC_MIN + DOC_MAX) as f64 / 2.0 + (b_d + b_p) / 4.0;
    let g = 1.0 + overhead / avg_doc;
    let target = if args.dense { 5000.0 } else { 1500.0 };
    let max_density = c_d / (b_d * g) * MIB;
    let r = target / MIB * g;
    let denom = c_d - r * (b_d - b_p);
    let fraction = if max_density <= target || denom <= 0.0 {
        eprintln!(
            "gen-corpus: the dated {code} sentences alone give about {max_density:.0} \
             expressions per MiB, below the target {target:.0}: using dated sentences only"
        );
        1.0
    } else {
        (r * b_p / denom).clamp(0.0, 1.0)
    };
    eprintln!(
        "gen-corpus: {code} pools from {} articles: {} dated sentences ({c_d:.2} expressions, \
         {b_d:.0} bytes on average), {} plain ({b_p:.0} bytes); dated share {:.3} for \
         {target:.0}/MiB (dated only: {max_density:.0}/MiB)",
        texts.len(),
        dated.len(),
        plain.len(),
        fraction
    );

    // 3. Generation: string work only.
    let out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(File::create(p)?),
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 20, out);
    let limit = (args.mb * MIB) as u64;
    let stride = (args.mb / SAMPLE_MIB).ceil().max(1.0) as u64;
    let first_day = NaiveDate::from_ymd_opt(2015, 1, 1).expect("valid date");
    let days = (NaiveDate::from_ymd_opt(2025, 12, 31).expect("valid date") - first_day).num_days();
    let mut rng = Rng::new(args.seed);
    let mut text = String::with_capacity(DOC_MAX as usize * 2);
    let mut line: Vec<u8> = Vec::with_capacity(DOC_MAX as usize * 3);
    let mut written = 0u64;
    let mut docs = 0u64;
    let mut sample: Vec<(String, NaiveDate, usize)> = Vec::new();
    while written < limit {
        docs += 1;
        let size = rng.range(DOC_MIN as i64, DOC_MAX as i64) as usize;
        text.clear();
        let mut left = rng.range(2, 5);
        while text.len() < size {
            if left == 0 {
                text.push_str("\n\n");
                left = rng.range(2, 5);
            } else if !text.is_empty() {
                text.push(' ');
            }
            let pool = if rng.chance(fraction) { &dated } else { &plain };
            rng.pick(pool).render(&mut rng, &mut text);
            left -= 1;
        }
        add_noise(&mut text, lang, &mut rng);
        let published = first_day + Days::new(rng.below(days as u64 + 1));
        line.clear();
        write!(
            line,
            "{{\"id\":\"gen-{code}-{docs:08}\",\"lang\":\"{code}\",\"published\":\"{published}\",\
             \"source\":\"gen-corpus\",\"text\":"
        )?;
        serde_json::to_writer(&mut line, text.as_str()).map_err(io::Error::other)?;
        line.extend_from_slice(b"}\n");
        out.write_all(&line)?;
        written += line.len() as u64;
        if docs.is_multiple_of(stride) {
            sample.push((text.clone(), published, line.len()));
        }
    }
    out.flush()?;
    drop(out);
    let generated = started.elapsed().as_secs_f64();

    // 4. The density, measured on the sample.
    let mut found = 0usize;
    let mut sample_bytes = 0usize;
    let mut sample_text = 0usize;
    for (k, (t, published, len)) in sample.iter().enumerate() {
        found += count_dates(&format!("sample-{k}"), t, lang, *published);
        sample_bytes += len;
        sample_text += t.len();
    }
    let mib = written as f64 / MIB;
    eprintln!("documents: {docs}");
    eprintln!(
        "MiB written: {mib:.2} in {generated:.2} s ({:.1} MiB/s, pools included)",
        mib / generated
    );
    eprintln!(
        "expressions per MiB: {:.0} (target {target:.0}) [measured on {} documents, {:.2} MiB; \
         {:.0} per MiB of text]",
        found as f64 / (sample_bytes as f64 / MIB),
        sample.len(),
        sample_bytes as f64 / MIB,
        found as f64 / (sample_text as f64 / MIB)
    );
    Ok(())
}
