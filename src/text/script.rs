//! Script facts every stage shares: which characters are letters of the
//! Arabic script, Persian digits, and what reads right to left.
//!
//! One definition of each, so that the language rules, the exports and the
//! terminal printers agree.

/// True for letters of the Arabic script (Persian included), not for digits
/// or punctuation of that block.
#[inline]
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c,
        '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}' | '\u{06EF}'
        | '\u{06FA}'..='\u{06FC}' | '\u{06FF}' | '\u{0750}'..='\u{077F}'
        | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

/// ASCII digits 0–9 replaced by Persian digits ۰–۹; everything else kept.
pub fn persian_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(0x06F0 + (c as u32 - '0' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// True for characters of the right-to-left scripts: the Hebrew, Arabic,
/// Syriac, Thaana, NKo, Samaritan, Mandaic and Arabic Extended blocks
/// (U+0590–U+08FF) and the Hebrew and Arabic presentation forms
/// (U+FB1D–U+FDFF, U+FE70–U+FEFE: the byte-order mark U+FEFF, which
/// closes the block, is no letter).
///
/// Persian (۰–۹) and Arabic-Indic (٠–٩) digits count: they lie in the
/// Arabic block, and a date written only in them (`۱۳۹۹`, `۱۳۷۲–۱۳۷۳`) is
/// Persian text, to be kept together and read right to left. ASCII digits
/// and punctuation do not count.
///
/// The one definition every printer uses: the exports, the terminal table
/// and the check report isolate text when [`has_rtl`] says so, and the
/// HTML outputs give it `dir="rtl"`.
pub fn is_rtl(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

/// Whether `s` holds a right-to-left character ([`is_rtl`]).
pub fn has_rtl(s: &str) -> bool {
    s.chars().any(is_rtl)
}

/// Persian (۰–۹) and Arabic-Indic (٠–٩) digits replaced by ASCII digits;
/// everything else kept.
pub fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{06F0}'..='\u{06F9}' => char::from_u32(c as u32 - 0x06F0 + '0' as u32).unwrap_or(c),
            '\u{0660}'..='\u{0669}' => char::from_u32(c as u32 - 0x0660 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect()
}
