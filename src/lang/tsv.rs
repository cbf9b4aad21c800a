//! A minimal reader for the lexicon tables in `data/lexicon/`: tab-separated,
//! one header line, `#` comment lines and blank lines skipped.

/// The rows of a TSV table (header dropped), each as its fields.
pub(crate) fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(|l| l.split('\t').map(str::trim).collect())
}
