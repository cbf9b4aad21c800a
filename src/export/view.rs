//! What every human export shows, computed once: dates in the three
//! calendars, labels in Persian or English, quotes with the date marked,
//! the relations of undated events. Stripping, escaping and isolation are
//! [`super::safe`]'s.

use chrono::{Datelike, NaiveDate};

use super::Labels;
use super::json::TimelineFile;
use super::safe::strip;
use crate::calendar::{Calendar, LunarVariant, Precision, Ymd, days_in_month, from_gregorian};
use crate::diagnostic::{Diagnostic, Severity};
use crate::event::{Event, EventType, Evidence, Mood, TimeFrom};
use crate::lang::Lang;
use crate::lang::expr::Modifier;
use crate::lang::names::month_name;
use crate::temporal::Time;
use crate::text::script::persian_digits;
use crate::timeline::RelationType;
use crate::units::CharSpan;

/// At most `n` characters of `s`, with `…` when cut.
pub fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
    t = t.trim_end().to_string();
    t.push('…');
    t
}

/// The name of an event type.
pub fn type_label(t: EventType, l: Labels) -> &'static str {
    use EventType::*;
    match l {
        Labels::En => match t {
            ConflictStart => "Conflict start",
            ArmedClash => "Armed clash",
            Attack => "Attack",
            Ceasefire => "Ceasefire",
            Negotiation => "Negotiation",
            Meeting => "Meeting",
            Statement => "Statement",
            Agreement => "Agreement",
            Mediation => "Mediation",
            Withdrawal => "Withdrawal",
            TerritorialChange => "Territorial change",
            Declaration => "Declaration",
            Election => "Election",
            Casualties => "Casualties",
            Protest => "Protest",
            Threat => "Threat",
            Coercion => "Arrest or coercion",
            Sanction => "Sanction",
            Other => "Other",
        },
        Labels::Fa => match t {
            ConflictStart => "آغاز درگیری",
            ArmedClash => "درگیری مسلحانه",
            Attack => "حمله",
            Ceasefire => "آتش‌بس",
            Negotiation => "مذاکره",
            Meeting => "دیدار",
            Statement => "بیانیه",
            Agreement => "توافق",
            Mediation => "میانجی‌گری",
            Withdrawal => "عقب‌نشینی",
            TerritorialChange => "تغییر سرزمینی",
            Declaration => "اعلام",
            Election => "انتخابات",
            Casualties => "تلفات",
            Protest => "اعتراض",
            Threat => "تهدید",
            Coercion => "بازداشت یا اجبار",
            Sanction => "تحریم",
            Other => "دیگر",
        },
    }
}

/// The name of a mood other than asserted ("planned", «برنامه‌ریزی‌شده»).
pub fn mood_label(m: Mood, l: Labels) -> Option<&'static str> {
    match (m, l) {
        (Mood::Asserted, _) => None,
        (Mood::Planned, Labels::En) => Some("planned"),
        (Mood::Negated, Labels::En) => Some("did not happen"),
        (Mood::Hypothetical, Labels::En) => Some("hypothetical"),
        (Mood::Planned, Labels::Fa) => Some("برنامه‌ریزی‌شده"),
        (Mood::Negated, Labels::Fa) => Some("رخ نداد"),
        (Mood::Hypothetical, Labels::Fa) => Some("فرضی"),
    }
}

/// An event's type as every export shows it: the type, and its mood when
/// it is not asserted ("Ceasefire (planned)"): a proposed ceasefire must
/// not look like a signed one.
pub fn kind_label(e: &Event, l: Labels) -> String {
    let t = type_label(e.kind, l);
    match mood_label(e.mood, l) {
        Some(m) => format!("{t} ({m})"),
        None => t.to_string(),
    }
}

/// How an event's date was come by when it is not its own clause's:
/// "date of its sentence", «تاریخ سرفصل».
pub fn time_from_label(e: &Event, l: Labels) -> Option<&'static str> {
    let from = e.time_from.filter(|f| !f.is_own())?;
    Some(match (from, l) {
        (TimeFrom::Sentence, Labels::En) => "date of its sentence",
        (TimeFrom::Entry, Labels::En) => "date of its chronology entry",
        (TimeFrom::Heading, Labels::En) => "date of the heading above it",
        (TimeFrom::Sentence, Labels::Fa) => "تاریخ جمله",
        (TimeFrom::Entry, Labels::Fa) => "تاریخ بند گاه‌شمار",
        (TimeFrom::Heading, Labels::Fa) => "تاریخ سرفصل",
        (TimeFrom::Own, _) => return None,
    })
}

/// The date as the text writes it, and how the event inherits it when it
/// does: "March 1995 (date of its chronology entry)".
pub fn written(e: &Event, l: Labels) -> String {
    let Some(t) = &e.time else {
        return String::new();
    };
    match time_from_label(e, l) {
        Some(f) => format!("{} ({f})", t.text),
        None => t.text.clone(),
    }
}

/// The name of a precision.
pub fn precision_label(p: Precision, l: Labels) -> &'static str {
    match l {
        Labels::En => p.id(),
        Labels::Fa => match p {
            Precision::Day => "روز",
            Precision::Week => "هفته",
            Precision::Month => "ماه",
            Precision::Quarter => "سه‌ماهه",
            Precision::Season => "فصل",
            Precision::Year => "سال",
            Precision::Decade => "دهه",
            Precision::Century => "سده",
            Precision::Unknown => "نامعلوم",
        },
    }
}

/// The name of a severity.
pub fn severity_label(s: Severity, l: Labels) -> &'static str {
    match (l, s) {
        (Labels::En, Severity::Error) => "error",
        (Labels::En, Severity::Warning) => "warning",
        (Labels::En, Severity::Info) => "info",
        (Labels::Fa, Severity::Error) => "خطا",
        (Labels::Fa, Severity::Warning) => "هشدار",
        (Labels::Fa, Severity::Info) => "نکته",
    }
}

/// The name of a relation type, read «this event TYPE that one».
pub fn relation_label(r: RelationType, l: Labels) -> &'static str {
    use RelationType::*;
    match l {
        Labels::En => match r {
            Before => "before",
            After => "after",
            Ibefore => "immediately before",
            Iafter => "immediately after",
            Includes => "includes",
            IsIncluded => "during",
            Begins => "begins",
            BegunBy => "begun by",
            Ends => "ends",
            EndedBy => "ended by",
            Simultaneous => "at the same time as",
            Identity => "same as",
            During => "during",
            Vague => "related to",
        },
        Labels::Fa => match r {
            Before => "پیش از",
            After => "پس از",
            Ibefore => "بلافاصله پیش از",
            Iafter => "بلافاصله پس از",
            Includes => "دربرگیرندهٔ",
            IsIncluded => "در جریان",
            Begins => "آغازگر",
            BegunBy => "آغازشده با",
            Ends => "پایان‌بخش",
            EndedBy => "پایان‌یافته با",
            Simultaneous => "هم‌زمان با",
            Identity => "همان",
            During => "در جریان",
            Vague => "مرتبط با",
        },
    }
}

/// The relation seen from the other side.
fn inverse(r: RelationType) -> RelationType {
    use RelationType::*;
    match r {
        Before => After,
        After => Before,
        Ibefore => Iafter,
        Iafter => Ibefore,
        Includes => IsIncluded,
        IsIncluded => Includes,
        Begins => BegunBy,
        BegunBy => Begins,
        Ends => EndedBy,
        EndedBy => Ends,
        During => Includes,
        Simultaneous | Identity | Vague => r,
    }
}

/// The relations of event `id`, each read from its side: (type, other
/// event), in file order.
pub fn relations_of<'a>(t: &'a TimelineFile, id: &str) -> Vec<(RelationType, &'a Event)> {
    let find = |other: &str| t.timeline.events.iter().find(|e| e.id == other);
    let mut out = Vec::new();
    for r in &t.timeline.relations {
        if r.from == id
            && let Some(o) = find(&r.to)
        {
            out.push((r.kind, o));
        } else if r.to == id
            && let Some(o) = find(&r.from)
        {
            out.push((inverse(r.kind), o));
        }
    }
    out
}

/// How coarse a date's bounds may be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Grain {
    Day,
    Month,
    Year,
}

fn grain(p: Precision) -> Grain {
    match p {
        Precision::Day | Precision::Week | Precision::Unknown => Grain::Day,
        Precision::Month | Precision::Quarter | Precision::Season => Grain::Month,
        Precision::Year | Precision::Decade | Precision::Century => Grain::Year,
    }
}

fn last_day(cal: Calendar, y: i32, m: u8) -> u8 {
    days_in_month(cal, y, m, LunarVariant::UmmAlQura).unwrap_or(0)
}

fn is_month_start(d: Ymd) -> bool {
    d.day == 1
}
fn is_month_end(cal: Calendar, d: Ymd) -> bool {
    d.day == last_day(cal, d.year, d.month)
}
fn is_year_start(d: Ymd) -> bool {
    d.month == 1 && d.day == 1
}
fn is_year_end(cal: Calendar, d: Ymd) -> bool {
    d.month == 12 && is_month_end(cal, d)
}

fn y4(y: i32) -> String {
    if y < 0 {
        format!("-{:04}", -y)
    } else {
        format!("{y:04}")
    }
}
fn ym(d: Ymd) -> String {
    format!("{}-{:02}", y4(d.year), d.month)
}
fn ymd(d: Ymd) -> String {
    format!("{}-{:02}-{:02}", y4(d.year), d.month, d.day)
}

fn g_ymd(d: NaiveDate) -> Ymd {
    Ymd::new(d.year(), d.month() as u8, d.day() as u8)
}

/// One side of an interval on its own, as coarse as it is aligned.
fn side(cal: Calendar, d: Ymd, g: Grain, is_start: bool) -> String {
    let (year_ok, month_ok) = if is_start {
        (is_year_start(d), is_month_start(d))
    } else {
        (is_year_end(cal, d), is_month_end(cal, d))
    };
    if g == Grain::Year && year_ok {
        y4(d.year)
    } else if g >= Grain::Month && month_ok {
        ym(d)
    } else {
        ymd(d)
    }
}

/// Bounds in ISO form with ASCII digits: `1994`, `1992–1994`, `1994-05`,
/// `2020-10-22 – 2020-11-20`, `1992 –`, `– 2025`, `1992 – 2020-10-05`.
fn iso_bounds(
    cal: Calendar,
    start: Option<Ymd>,
    end: Option<Ymd>,
    p: Precision,
    since: bool,
) -> String {
    let g = grain(p);
    match (start, end) {
        (None, None) => "?".to_string(),
        (Some(s), None) => format!("{} –", side(cal, s, g, true)),
        (None, Some(e)) => format!("– {}", side(cal, e, g, false)),
        (Some(s), Some(e)) if since => {
            format!("{} – {}", side(cal, s, g, true), ymd(e))
        }
        (Some(s), Some(e)) => {
            if g == Grain::Year && is_year_start(s) && is_year_end(cal, e) {
                if s.year == e.year {
                    y4(s.year)
                } else {
                    format!("{}–{}", y4(s.year), y4(e.year))
                }
            } else if g >= Grain::Month && is_month_start(s) && is_month_end(cal, e) {
                if (s.year, s.month) == (e.year, e.month) {
                    ym(s)
                } else {
                    format!("{} – {}", ym(s), ym(e))
                }
            } else if s == e {
                ymd(s)
            } else {
                format!("{} – {}", ymd(s), ymd(e))
            }
        }
    }
}

fn is_since(t: &Time) -> bool {
    t.modifier == Some(Modifier::Since)
}

/// The Gregorian date or interval, ISO with ASCII digits.
pub fn gregorian(t: &Time) -> String {
    if t.start.is_none() && t.end.is_none() {
        return t.value.clone().unwrap_or_else(|| "?".into());
    }
    iso_bounds(
        Calendar::Gregorian,
        t.start.map(g_ymd),
        t.end.map(g_ymd),
        t.precision,
        is_since(t),
    )
}

/// The Solar Hijri bounds (from the file, else computed).
fn solar_bounds(t: &Time) -> (Option<Ymd>, Option<Ymd>) {
    let conv = |d: NaiveDate| from_gregorian(d, Calendar::SolarHijri, LunarVariant::UmmAlQura);
    match &t.solar_hijri {
        Some(b) => (b.start, b.end),
        None => (t.start.map(conv), t.end.map(conv)),
    }
}

/// The Solar Hijri date or interval, ISO with ASCII digits.
pub fn solar(t: &Time) -> String {
    let (s, e) = solar_bounds(t);
    if s.is_none() && e.is_none() {
        return t.original.clone().unwrap_or_else(|| "?".into());
    }
    iso_bounds(Calendar::SolarHijri, s, e, t.precision, is_since(t))
}

/// The Lunar Hijri date or interval, ISO with ASCII digits, and the
/// variant that computed it.
pub fn lunar(t: &Time) -> Option<(String, &'static str)> {
    let b = t.lunar_hijri.as_ref()?;
    let (s, e) = (b.start, b.end);
    if s.is_none() && e.is_none() {
        return None;
    }
    Some((
        iso_bounds(Calendar::LunarHijri, s, e, t.precision, is_since(t)),
        b.variant.label(),
    ))
}

fn fa_num(n: i32) -> String {
    persian_digits(&n.to_string())
}

fn fa_month(m: u8) -> &'static str {
    month_name(Calendar::SolarHijri, m, Lang::Fa)
}

fn fa_day(d: Ymd) -> String {
    format!(
        "{} {} {}",
        fa_num(d.day.into()),
        fa_month(d.month),
        fa_num(d.year)
    )
}

fn fa_side(d: Ymd, g: Grain) -> String {
    match g {
        Grain::Year => fa_num(d.year),
        Grain::Month => format!("{} {}", fa_month(d.month), fa_num(d.year)),
        Grain::Day => fa_day(d),
    }
}

/// The Solar Hijri date in Persian script and digits, as precise as the
/// text: `۱۰ آبان ۱۳۹۹`, `اردیبهشت–خرداد ۱۳۷۳`, `۱۳۷۲–۱۳۷۳`, `از ۱۳۷۰`.
pub fn solar_fa(t: &Time) -> String {
    let (s, e) = solar_bounds(t);
    let g = grain(t.precision);
    match (s, e) {
        (None, None) => String::new(),
        (Some(s), None) => format!("از {}", fa_side(s, g)),
        (None, Some(e)) => format!("تا {}", fa_side(e, g)),
        (Some(s), Some(e)) if is_since(t) => format!("از {} تا {}", fa_side(s, g), fa_day(e)),
        (Some(s), Some(e)) => match g {
            Grain::Year if s.year == e.year => fa_num(s.year),
            Grain::Year => format!("{}–{}", fa_num(s.year), fa_num(e.year)),
            Grain::Month if (s.year, s.month) == (e.year, e.month) => fa_side(s, g),
            Grain::Month if s.year == e.year => {
                format!(
                    "{}–{} {}",
                    fa_month(s.month),
                    fa_month(e.month),
                    fa_num(s.year)
                )
            }
            Grain::Month => format!("{}–{}", fa_side(s, g), fa_side(e, g)),
            Grain::Day if s == e => fa_day(s),
            Grain::Day if (s.year, s.month) == (e.year, e.month) => format!(
                "{}–{} {} {}",
                fa_num(s.day.into()),
                fa_num(e.day.into()),
                fa_month(s.month),
                fa_num(s.year)
            ),
            Grain::Day if s.year == e.year => format!(
                "{} {} – {}",
                fa_num(s.day.into()),
                fa_month(s.month),
                fa_day(e)
            ),
            Grain::Day => format!("{} – {}", fa_day(s), fa_day(e)),
        },
    }
}

/// A quote cut around a marked part: (before, marked, after).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    pub document: String,
    pub before: String,
    pub mark: String,
    pub after: String,
}

impl Marked {
    /// The whole quote.
    pub fn whole(&self) -> String {
        format!("{}{}{}", self.before, self.mark, self.after)
    }
}

/// The part `[a, b)` (document offsets) of a piece of evidence marked, or
/// the whole quote unmarked when the span lies outside it.
pub fn mark_in(ev: &Evidence, span: Option<CharSpan>) -> Marked {
    let chars: Vec<char> = ev.quote.chars().collect();
    let cut = span.and_then(|CharSpan([a, b])| {
        (a >= ev.start && b <= ev.end && a <= b && b - ev.start <= chars.len())
            .then(|| (a - ev.start, b - ev.start))
    });
    let (x, y) = cut.unwrap_or((chars.len(), chars.len()));
    Marked {
        document: ev.document.clone(),
        before: chars[..x].iter().collect(),
        mark: chars[x..y].iter().collect(),
        after: chars[y..].iter().collect(),
    }
}

/// The first source quote of an event with its date marked.
pub fn event_quote(e: &Event) -> Option<Marked> {
    let ev = e.evidence.first()?;
    let span = e.time.as_ref().map(|t| t.span);
    Some(mark_in(ev, span))
}

/// The quote a diagnostic concerns, with its span marked: the evidence
/// (of the events it names first, then of any event) that holds its span;
/// else the first quote of an event it names.
pub fn diagnostic_quote(t: &TimelineFile, d: &Diagnostic) -> Option<Marked> {
    let named = || {
        t.timeline
            .events
            .iter()
            .filter(|e| d.events.contains(&e.id))
    };
    if let Some([a, b]) = d.span.map(|s| s.0) {
        let holds = |ev: &&Evidence| ev.document == d.document && ev.start <= a && b <= ev.end;
        let found = named()
            .flat_map(|e| e.evidence.iter())
            .find(holds)
            .or_else(|| {
                t.timeline
                    .events
                    .iter()
                    .flat_map(|e| e.evidence.iter())
                    .find(holds)
            });
        if let Some(ev) = found {
            return Some(mark_in(ev, d.span));
        }
    }
    named()
        .flat_map(|e| e.evidence.iter())
        .next()
        .map(|ev| mark_in(ev, None))
}

/// The diagnostics that name event `id`.
pub fn diagnostics_of<'a>(t: &'a TimelineFile, id: &str) -> Vec<&'a Diagnostic> {
    t.timeline
        .diagnostics
        .iter()
        .filter(|d| d.events.iter().any(|e| e == id))
        .collect()
}

/// Whether an event has a resolved start (it gets a slide, a bar, a mark).
pub fn is_dated(e: &Event) -> bool {
    e.time.as_ref().is_some_and(|t| t.start.is_some())
}

/// The span of time of the timeline: earliest and latest known bound.
pub fn span_of(t: &TimelineFile) -> Option<(NaiveDate, NaiveDate)> {
    let dates = t
        .timeline
        .events
        .iter()
        .filter_map(|e| e.time.as_ref())
        .flat_map(|t| [t.start, t.end])
        .flatten();
    let (mut lo, mut hi): (Option<NaiveDate>, Option<NaiveDate>) = (None, None);
    for d in dates {
        lo = Some(lo.map_or(d, |l| l.min(d)));
        hi = Some(hi.map_or(d, |h| h.max(d)));
    }
    Some((lo?, hi?))
}

/// Sources of the timeline, for titles: document ids joined.
pub fn sources(t: &TimelineFile, l: Labels) -> String {
    let ids: Vec<String> = t.timeline.documents.iter().map(|d| strip(&d.id)).collect();
    ids.join(match l {
        Labels::En => ", ",
        Labels::Fa => "، ",
    })
}

/// Event counts: (dated, undated).
pub fn counts(t: &TimelineFile) -> (usize, usize) {
    let dated = t.timeline.events.iter().filter(|e| is_dated(e)).count();
    (dated, t.timeline.events.len() - dated)
}

/// The one-paragraph summary of a timeline (plain text, article text
/// stripped but not escaped).
pub fn summary_paragraph(t: &TimelineFile, l: Labels) -> String {
    let (dated, undated) = counts(t);
    let n_docs = t.timeline.documents.len();
    let n_diag = t.timeline.diagnostics.len();
    let span = span_of(t).map(|(a, b)| {
        (
            a.format("%Y-%m-%d").to_string(),
            b.format("%Y-%m-%d").to_string(),
        )
    });
    match l {
        Labels::En => {
            let mut s = format!(
                "{} event{} from {} document{} ({})",
                dated + undated,
                if dated + undated == 1 { "" } else { "s" },
                n_docs,
                if n_docs == 1 { "" } else { "s" },
                sources(t, l)
            );
            if let Some((a, b)) = span {
                s.push_str(&format!(", dated from {a} to {b}"));
            }
            s.push_str(&format!(
                ": {dated} with a date, {undated} placed only by the text; {n_diag} finding{} to verify.",
                if n_diag == 1 { "" } else { "s" }
            ));
            s
        }
        Labels::Fa => {
            let mut s = format!(
                "{} رویداد از {} سند ({})",
                fa_num(to_i32(dated + undated)),
                fa_num(to_i32(n_docs)),
                sources(t, l)
            );
            if let Some((a, b)) = span {
                s.push_str(&format!("، از {a} تا {b}"));
            }
            s.push_str(&format!(
                ": {} رویداد تاریخ‌دار، {} رویداد بی‌تاریخ که جایشان را فقط متن نشان می‌دهد؛ {} مورد برای بررسی.",
                fa_num(to_i32(dated)),
                fa_num(to_i32(undated)),
                fa_num(to_i32(n_diag))
            ));
            s
        }
    }
}

fn to_i32(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// Serialized JSON made safe to embed in HTML: inside strings `<`, `>`,
/// `&`, U+2028 and U+2029 (and `:` and `=` when `strict`) become `\u` escapes. The
/// result is the same JSON value.
pub fn escape_json(raw: &str, strict: bool) -> String {
    let mut out = String::with_capacity(raw.len() + 64);
    let (mut in_string, mut escaped) = (false, false);
    for c in raw.chars() {
        if !in_string {
            in_string = c == '"';
            out.push(c);
            continue;
        }
        if escaped {
            escaped = false;
            out.push(c);
            continue;
        }
        match c {
            '\\' => {
                escaped = true;
                out.push(c);
            }
            '"' => {
                in_string = false;
                out.push(c);
            }
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            ':' | '=' if strict => out.push_str(&format!("\\u{:04x}", c as u32)),
            _ => out.push(c),
        }
    }
    out
}

/// One side of a date as TimelineJS takes it: the parts the text gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

fn parts_of(d: Ymd, g: Grain) -> Parts {
    Parts {
        year: d.year,
        month: (g <= Grain::Month).then_some(d.month),
        day: (g == Grain::Day).then_some(d.day),
    }
}

/// How much of a start date to show: the year of a year that starts on 1
/// January, the month of a month that starts on its 1st, else the day.
fn start_grain(g: Grain, s: Ymd) -> Grain {
    if g == Grain::Year && is_year_start(s) {
        Grain::Year
    } else if g >= Grain::Month && is_month_start(s) {
        Grain::Month
    } else {
        Grain::Day
    }
}

/// Start and end of a dated event as partial Gregorian dates: year-only
/// stays year-only, a Gregorian month stays a month; other intervals (a
/// Solar Hijri month, a season) are day bounds. The end is `None` when it
/// is open or the same as the start.
pub fn parts(t: &Time) -> Option<(Parts, Option<Parts>)> {
    let s = g_ymd(t.start?);
    let e = t.end.map(g_ymd);
    let g = grain(t.precision);
    let cal = Calendar::Gregorian;
    let (ps, pe) = match e {
        None => (parts_of(s, start_grain(g, s)), None),
        Some(e) if is_since(t) => (
            parts_of(s, start_grain(g, s)),
            Some(parts_of(e, Grain::Day)),
        ),
        Some(e) => {
            let gj = if g == Grain::Year && is_year_start(s) && is_year_end(cal, e) {
                Grain::Year
            } else if g >= Grain::Month && is_month_start(s) && is_month_end(cal, e) {
                Grain::Month
            } else {
                Grain::Day
            };
            (parts_of(s, gj), Some(parts_of(e, gj)))
        }
    };
    let pe = pe.filter(|p| *p != ps);
    Some((ps, pe))
}
