//! Elided light verbs (`data/lexicon/fa/elided.tsv`): the nominal part of a
//! compound verb that ends a clause before «و» («آغاز [شد] و …»).

use std::collections::HashSet;
use std::sync::OnceLock;

/// True when `word` (normalized, ZWNJ removed) is such a nominal.
pub fn is_elided_verb(word: &str) -> bool {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| {
        include_str!("../../data/lexicon/fa/elided.tsv")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .skip(1)
            .filter_map(|l| l.split('\t').next())
            .collect()
    })
    .contains(word)
}
