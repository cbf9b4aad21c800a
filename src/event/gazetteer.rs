//! The gazetteer: actors and places from `data/gazetteer/*.tsv`.
