//! Sentences and clauses with original offsets.
