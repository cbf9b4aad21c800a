//! TimeML input (`--input-format timeml`): the text of a TimeML file's
//! `<TEXT>` element and its creation date (the `DCT`), the gold TIMEX3s
//! ignored, so a TempEval file, or tarikh's own `--format timeml`, can be
//! read as an article. The offsets of what is found then point into that
//! text, not into the XML.

use chrono::NaiveDate;

/// The text and the creation date of a TimeML document: the content of
/// `<TEXT>` with every tag removed and entities decoded, and the value of
/// the TIMEX3 whose `functionInDocument` is `CREATION_TIME`. Its gold
/// annotations are ignored.
pub fn read(src: &str) -> Result<(String, Option<NaiveDate>), (usize, String)> {
    let a = src
        .find("<TEXT>")
        .ok_or_else(|| (0, "no <TEXT> element".to_string()))?
        + "<TEXT>".len();
    let b = src[a..]
        .find("</TEXT>")
        .map(|k| a + k)
        .ok_or_else(|| (a, "no </TEXT> after <TEXT>".to_string()))?;
    let mut text = String::new();
    let mut rest = &src[a..b];
    while !rest.is_empty() {
        let lt = rest.find('<').unwrap_or(rest.len());
        text.push_str(&unescape(&rest[..lt]));
        rest = &rest[lt..];
        if rest.is_empty() {
            break;
        }
        // A comment may hold '>'.
        let end = if rest.starts_with("<!--") {
            rest.find("-->").map(|k| k + 3)
        } else {
            rest.find('>').map(|k| k + 1)
        };
        let at = b - rest.len();
        let end = end.ok_or_else(|| (at, "a tag in <TEXT> is not closed".to_string()))?;
        rest = &rest[end..];
    }
    let dct = src.find("CREATION_TIME").and_then(|k| {
        let tag_start = src[..k].rfind("<TIMEX3")?;
        let tag_end = k + src[k..].find('>')?;
        let tag = &src[tag_start..tag_end];
        let v = tag.find("value=\"").map(|p| &tag[p + 7..])?;
        let v = &v[..v.find('"')?];
        NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok()
    });
    Ok((text, dct))
}

/// XML text with its five predefined entities decoded.
pub fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}
