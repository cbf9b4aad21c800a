//! Mood words: the phrases of `data/lexicon/<lang>/mood.tsv` that make a
//! clause negated («هرگز», "did not", "failed to") or hypothetical («اگر»,
//! "would", "calls for"), matched word by word over a clause.
//!
//! A table row is a phrase of one or more words, its mood (`negated` or
//! `hypothetical`), a note and a source. Each language keys its words its
//! own way (Persian drops ZWNJ, English lowercases) before matching, and
//! adds what a table cannot say (the Persian negative verb prefix «ن»).
//! Matching walks the clause's words once per phrase that starts with the
//! current word: linear in the clause.

use std::collections::HashMap;

use super::expr::Modality;

/// A compiled mood table: phrases by their first word.
pub struct MoodTable {
    by_first: HashMap<String, Vec<(Vec<String>, Modality)>>,
}

impl MoodTable {
    /// Reads a `mood.tsv` table, keying each word with `key`.
    pub fn new(table: &'static str, key: fn(&str) -> String) -> MoodTable {
        let mut by_first: HashMap<String, Vec<(Vec<String>, Modality)>> = HashMap::new();
        for row in super::tsv::rows(table) {
            let words: Vec<String> = row[0].split_whitespace().map(key).collect();
            let mood = match row.get(1).copied() {
                Some("negated") => Modality::Negated,
                Some("hypothetical") => Modality::Hypothetical,
                _ => continue,
            };
            if let Some(first) = words.first().cloned() {
                by_first.entry(first).or_default().push((words, mood));
            }
        }
        MoodTable { by_first }
    }

    /// The modality of a clause from its keyed words: a hypothetical
    /// phrase wins over a negating one, either over none.
    pub fn modality(&self, words: &[&str]) -> Modality {
        let mut seen = Modality::Plain;
        for (k, w) in words.iter().enumerate() {
            let Some(cands) = self.by_first.get(*w) else {
                continue;
            };
            for (phrase, mood) in cands {
                let fits = words.len() - k >= phrase.len()
                    && phrase.iter().zip(&words[k..]).all(|(p, w)| p == w);
                if fits {
                    match mood {
                        Modality::Hypothetical => return Modality::Hypothetical,
                        m => seen = *m,
                    }
                }
            }
        }
        seen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "phrase\tmood\tnote\tsource\n\
        did not\tnegated\t\tmade up\n\
        never\tnegated\t\tmade up\n\
        if\thypothetical\t\tmade up\n\
        calls for\thypothetical\t\tmade up\n";

    fn m(words: &str) -> Modality {
        let t = MoodTable::new(TABLE, |w| w.to_lowercase());
        let low: Vec<String> = words.split(' ').map(str::to_lowercase).collect();
        let ws: Vec<&str> = low.iter().map(String::as_str).collect();
        t.modality(&ws)
    }

    #[test]
    fn phrases_match_word_by_word_and_a_condition_wins() {
        assert_eq!(m("the talks did not resume"), Modality::Negated);
        assert_eq!(m("the talks did resume"), Modality::Plain);
        assert_eq!(m("he calls for a truce"), Modality::Hypothetical);
        assert_eq!(m("he calls a truce"), Modality::Plain);
        assert_eq!(m("if the army did not withdraw"), Modality::Hypothetical);
        assert_eq!(m("Never again"), Modality::Negated);
        assert_eq!(m("did"), Modality::Plain);
    }
}
