//! Text: reading articles, normalizing them, and mapping offsets back.
