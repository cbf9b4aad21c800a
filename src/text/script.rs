//! Script facts every stage shares: which characters are letters of the
//! Arabic script, Persian digits, and what reads right to left.
//!
//! One definition of each, so that the language rules, the exports and the
//! terminal printers agree.

/// True for letters of the Arabic script (Persian included), not for digits
/// or punctuation of that block.
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
