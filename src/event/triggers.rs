//! Event triggers from `data/lexicon/<lang>/triggers.tsv`.
