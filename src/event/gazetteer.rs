//! Phrase matching for the event stage: the gazetteer of actors and places
//! (`data/gazetteer/*.tsv`) and the event triggers
//! (`data/lexicon/<lang>/triggers.tsv`).
//!
//! Both are lists of phrases matched on word boundaries in normalized
//! text, longest first. A Persian phrase is matched with a space, a ZWNJ
//! or nothing between its words («قره باغ», «قره‌باغ», «قرهباغ»); English
//! phrases ignore ASCII case. A match may carry a plural or ezafe suffix
//! («درگیری‌های», «مذاکرات») but never starts or ends inside a word
//! («حماس» does not fire inside «حماسه»).

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::{EventType, RelationType};
use crate::lang::{Lang, Language, language};
use crate::text::script::is_arabic_letter;

/// What a gazetteer entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    State,
    Organization,
    ArmedGroup,
    Region,
    City,
    District,
}

impl EntityKind {
    /// States, organizations and armed groups act; regions, cities and
    /// districts are places.
    pub fn is_actor(self) -> bool {
        matches!(
            self,
            EntityKind::State | EntityKind::Organization | EntityKind::ArmedGroup
        )
    }
}

/// One gazetteer entry.
#[derive(Debug, Clone)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    pub name_en: String,
}

/// One trigger.
#[derive(Debug, Clone)]
pub struct Trigger {
    pub kind: EventType,
    pub weight: f64,
    pub pattern: String,
    /// A statement that only passes news on («گزارش داد», "reported"):
    /// [`Language::is_report`], asked once when the table is built.
    pub report: bool,
}

/// A phrase list compiled for matching.
pub struct Phrases<T> {
    ac: AhoCorasick,
    /// Pattern index → item index.
    of: Vec<usize>,
    pub items: Vec<T>,
}

/// A match: byte range in the text and the item.
#[derive(Debug, Clone)]
pub struct Hit {
    pub range: Range<usize>,
    pub item: usize,
}

fn is_letter(c: char) -> bool {
    is_arabic_letter(c) || c.is_alphanumeric()
}

/// The ways Persian text writes the gaps of a phrase: each gap a space, a
/// ZWNJ or nothing, independently («بازداشت شده‌اند», «بازداشت‌شده اند»,
/// «بازداشتشدهاند»). A phrase of more than [`MAX_GAPS`] gaps gets the three
/// uniform ways only.
fn spacings(p: &str) -> Vec<String> {
    let spaced = p.replace('\u{200C}', " ");
    let words: Vec<&str> = spaced.split(' ').filter(|w| !w.is_empty()).collect();
    let gaps = words.len().saturating_sub(1);
    if gaps > MAX_GAPS {
        let one = words.join(" ");
        return vec![
            one.clone(),
            one.replace(' ', "\u{200C}"),
            one.replace(' ', ""),
        ];
    }
    let mut out = vec![words[0].to_string()];
    for w in &words[1..] {
        out = out
            .into_iter()
            .flat_map(|v| [" ", "\u{200C}", ""].map(|g| format!("{v}{g}{w}")))
            .collect();
    }
    out
}

/// Gaps of a phrase written every way (3^4 = 81 forms at most).
const MAX_GAPS: usize = 4;

const SUFFIXES: [&str; 8] = ["های", "ها", "هایی", "ات", "ی", "ای", "یی", "ان"];

impl<T> Phrases<T> {
    fn build(items: Vec<T>, phrases: Vec<(String, usize)>) -> Phrases<T> {
        let mut pats = Vec::new();
        let mut of = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (p, i) in phrases {
            let p = p.trim().to_string();
            if p.is_empty() {
                continue;
            }
            let variants = if p.chars().any(is_arabic_letter) {
                spacings(&p)
            } else {
                vec![p.to_ascii_lowercase()]
            };
            for v in variants {
                if seen.insert((v.clone(), i)) {
                    pats.push(v);
                    of.push(i);
                }
            }
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .build(&pats)
            .unwrap_or_else(|_| AhoCorasick::new(Vec::<String>::new()).expect("empty automaton"));
        Phrases { ac, of, items }
    }

    /// Non-overlapping matches on word boundaries, longest first.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut cands = self.find_all(text);
        // Longest first, then leftmost; keep non-overlapping.
        cands.sort_by_key(|h| (std::cmp::Reverse(h.range.len()), h.range.start));
        // The kept matches never overlap, so ordered by start their ends
        // are ordered too: a candidate overlaps a kept match exactly when
        // it overlaps the last kept one that starts before its end.
        let mut kept: std::collections::BTreeMap<usize, Hit> = Default::default();
        for h in cands {
            let clash = kept
                .range(..h.range.end)
                .next_back()
                .is_some_and(|(_, o)| o.range.end > h.range.start);
            if !clash {
                kept.insert(h.range.start, h);
            }
        }
        kept.into_values().collect()
    }

    /// Every match on word boundaries, overlapping ones included.
    pub fn find_all(&self, text: &str) -> Vec<Hit> {
        let mut cands: Vec<Hit> = Vec::new();
        for m in self.ac.find_overlapping_iter(text) {
            let (s, mut e) = (m.start(), m.end());
            if text[..s]
                .chars()
                .next_back()
                .is_some_and(|c| is_letter(c) || c == '\u{200C}')
            {
                continue;
            }
            let rest = &text[e..];
            let after = rest.chars().next();
            if after.is_some_and(|c| is_letter(c) || c == '\u{200C}') {
                // A plural or ezafe suffix, glued or after ZWNJ.
                let r = rest.strip_prefix('\u{200C}').unwrap_or(rest);
                let skip = rest.len() - r.len();
                let suffix = SUFFIXES.iter().filter(|suf| {
                    r.starts_with(*suf) && !r[suf.len()..].chars().next().is_some_and(is_letter)
                });
                match suffix.max_by_key(|s| s.len()) {
                    Some(suf) if text[s..e].chars().any(is_arabic_letter) => e += skip + suf.len(),
                    _ => continue,
                }
            }
            cands.push(Hit {
                range: s..e,
                item: self.of[m.pattern().as_usize()],
            });
        }
        cands
    }
}

fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// The gazetteer, compiled on first use.
pub fn gazetteer() -> &'static Phrases<Entity> {
    static G: OnceLock<Phrases<Entity>> = OnceLock::new();
    G.get_or_init(|| {
        let tables = [
            include_str!("../../data/gazetteer/states.tsv"),
            include_str!("../../data/gazetteer/organizations.tsv"),
            include_str!("../../data/gazetteer/armed-groups.tsv"),
            include_str!("../../data/gazetteer/places.tsv"),
        ];
        let mut items = Vec::new();
        let mut phrases = Vec::new();
        for t in tables {
            for r in rows(t) {
                if r.len() < 5 {
                    continue;
                }
                let kind = match r[1] {
                    "state" => EntityKind::State,
                    "organization" => EntityKind::Organization,
                    "armed-group" => EntityKind::ArmedGroup,
                    "region" => EntityKind::Region,
                    "city" => EntityKind::City,
                    _ => EntityKind::District,
                };
                let i = items.len();
                items.push(Entity {
                    id: r[0].to_string(),
                    kind,
                    name_en: r[2].to_string(),
                });
                for n in r[3].split('|').chain(r[4].split('|')).chain([r[2]]) {
                    phrases.push((n.to_string(), i));
                }
            }
        }
        Phrases::build(items, phrases)
    })
}

/// The event triggers of a language, compiled on first use.
pub fn triggers(lang: &dyn Language) -> &'static Phrases<Trigger> {
    static T: OnceLock<Vec<(Lang, Phrases<Trigger>)>> = OnceLock::new();
    let all = T.get_or_init(|| {
        Lang::ALL
            .iter()
            .map(|&l| (l, build_triggers(language(l))))
            .collect()
    });
    &all.iter()
        .find(|(l, _)| *l == lang.lang())
        .unwrap_or(&all[0])
        .1
}

fn build_triggers(lang: &dyn Language) -> Phrases<Trigger> {
    let mut items = Vec::new();
    let mut phrases = Vec::new();
    for &t in lang.trigger_tables() {
        for r in rows(t) {
            let (Some(kind), Some(weight)) = (
                r.get(1).and_then(|k| EventType::from_id(k)),
                r.get(2).and_then(|w| w.parse().ok()),
            ) else {
                continue;
            };
            let i = items.len();
            items.push(Trigger {
                kind,
                weight,
                pattern: r[0].to_string(),
                report: kind == EventType::Statement && lang.is_report(r[0]),
            });
            phrases.push((r[0].to_string(), i));
        }
    }
    Phrases::build(items, phrases)
}

/// The relation cues of a language («پس از آن» "after that"), each with the
/// relation it states between the event it opens and the one before.
pub fn cues(lang: &dyn Language) -> &'static Phrases<RelationType> {
    static C: OnceLock<Vec<(Lang, Phrases<RelationType>)>> = OnceLock::new();
    let all = C.get_or_init(|| {
        Lang::ALL
            .iter()
            .map(|&l| {
                let mut items = Vec::new();
                let mut phrases = Vec::new();
                for &t in language(l).cue_tables() {
                    for r in rows(t) {
                        let i = items.len();
                        items.push(if r.get(1) == Some(&"before") {
                            RelationType::Before
                        } else {
                            RelationType::After
                        });
                        phrases.push((r[0].to_string(), i));
                    }
                }
                (l, Phrases::build(items, phrases))
            })
            .collect()
    });
    &all.iter()
        .find(|(l, _)| *l == lang.lang())
        .unwrap_or(&all[0])
        .1
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// Every row of every trigger table of every language: a known type, a
    /// weight in (0, 1], a source, and no pattern written twice (a second
    /// row would silently lose to the first).
    #[test]
    fn each_gap_of_a_phrase_is_matched_as_space_zwnj_or_nothing() {
        let v = spacings("بازداشت شده اند");
        assert_eq!(v.len(), 9);
        assert!(v.contains(&"بازداشت شده\u{200C}اند".to_string()));
        assert!(v.contains(&"بازداشت\u{200C}شدهاند".to_string()));
        let p = Phrases::build(vec![()], vec![("بازداشت شده اند".to_string(), 0)]);
        for text in [
            "آنان بازداشت شده\u{200C}اند.",
            "آنان بازداشت\u{200C}شده اند.",
            "آنان بازداشت شده اند.",
        ] {
            assert_eq!(p.find(text).len(), 1, "{text}");
        }
        assert!(p.find("آنان بازداشت نشده اند.").is_empty());
        assert_eq!(spacings("آتش بس").len(), 3);
    }

    #[test]
    fn trigger_rows_are_typed_weighted_sourced_and_unique() {
        for l in Lang::ALL {
            let mut seen: HashMap<String, usize> = HashMap::new();
            for (t, &table) in language(l).trigger_tables().iter().enumerate() {
                let header = table
                    .lines()
                    .find(|l| !l.trim().is_empty() && !l.starts_with('#'))
                    .unwrap();
                assert_eq!(
                    header, "pattern\ttype\tweight\tnote\tsource",
                    "{l:?} table {t}"
                );
                for r in rows(table) {
                    let at = format!("{l:?} table {t}, row {:?}", r[0]);
                    assert_eq!(r.len(), 5, "{at}: five columns");
                    assert!(EventType::from_id(r[1]).is_some(), "{at}: type {}", r[1]);
                    let w: f64 = r[2].parse().unwrap_or(-1.0);
                    assert!(w > 0.0 && w <= 1.0, "{at}: weight {}", r[2]);
                    assert!(!r[4].is_empty(), "{at}: no source");
                    let key = r[0].to_lowercase();
                    assert!(seen.insert(key, t).is_none(), "{at}: written twice");
                }
            }
        }
    }
}
