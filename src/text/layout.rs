//! Candidate readings of a damaged line.
//!
//! Text extracted from right-to-left PDFs and web pages is damaged in a few
//! recognisable ways: runs of a line come out in display order, numbers are
//! pushed to the end of a line, sentences are split by paragraph breaks.
//! This module knows nothing of dates or languages: it represents a
//! *reading* of a stretch of normalized text as an order of its *units*
//! (the byte ranges of its tokens, given by the caller), renders it as a
//! string, and maps spans of that string back to the units they came from.
//! The language rules generate candidate orders (moves, reversals, drops)
//! and score them; [`crate::temporal`] keeps the best.

use std::ops::Range;

/// One reading: an order of units (indices into the caller's unit list).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The units in reading order.
    pub order: Vec<usize>,
}

/// A reading rendered as text, with the position of every unit in it.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub text: String,
    /// For each position of `order`: the byte range of its unit in `text`.
    pub at: Vec<Range<usize>>,
}

impl Reading {
    /// The reading of units `range` as they stand.
    pub fn identity(range: Range<usize>) -> Reading {
        Reading {
            order: range.collect(),
        }
    }

    /// Renders the reading. Units that follow each other in the source keep
    /// the text between them (a glued suffix stays glued), except that a
    /// line break becomes a space; any other junction is one space.
    pub fn render(&self, source: &str, units: &[Range<usize>]) -> Rendered {
        let mut text = String::new();
        let mut at = Vec::with_capacity(self.order.len());
        let mut prev: Option<usize> = None;
        for &u in &self.order {
            let r = &units[u];
            match prev {
                Some(p) if p + 1 == u => {
                    let gap = &source[units[p].end..r.start];
                    if gap.contains('\n') {
                        text.push(' ');
                    } else {
                        text.push_str(gap);
                    }
                }
                Some(_) => text.push(' '),
                None => {}
            }
            let start = text.len();
            text.push_str(&source[r.clone()]);
            at.push(start..text.len());
            prev = Some(u);
        }
        Rendered { text, at }
    }

    /// The units a span of the rendered text covers, grouped into pieces:
    /// runs of units that are consecutive both in the reading and in the
    /// source. Each piece is returned as the source byte range it spans.
    pub fn pieces(
        &self,
        source: &str,
        rendered: &Rendered,
        units: &[Range<usize>],
        span: Range<usize>,
    ) -> Vec<Range<usize>> {
        let mut out: Vec<(usize, usize)> = Vec::new(); // (first unit, last unit)
        for (pos, r) in rendered.at.iter().enumerate() {
            if r.start < span.end && span.start < r.end {
                let u = self.order[pos];
                match out.last_mut() {
                    // A line break between two units splits the piece.
                    Some((_, last))
                        if *last + 1 == u
                            && !source[units[*last].end..units[u].start].contains('\n') =>
                    {
                        *last = u
                    }
                    _ => out.push((u, u)),
                }
            }
        }
        out.into_iter()
            .map(|(a, b)| units[a].start..units[b].end)
            .collect()
    }

    /// Drops the units at the given positions.
    pub fn without(&self, positions: &[usize]) -> Reading {
        Reading {
            order: self
                .order
                .iter()
                .enumerate()
                .filter(|(p, _)| !positions.contains(p))
                .map(|(_, &u)| u)
                .collect(),
        }
    }

    /// Reverses the order of the runs `runs[a..=b]` (each run a range of
    /// positions, the runs contiguous and in order); runs listed in
    /// `flip` are also reversed inside («۱۹۹۴ الی ۱۹۹۲» → «۱۹۹۲ الی ۱۹۹۴»).
    pub fn runs_reversed(
        &self,
        runs: &[Range<usize>],
        a: usize,
        b: usize,
        flip: &[usize],
    ) -> Reading {
        let mut order = Vec::with_capacity(self.order.len());
        let start = runs[a].start;
        let end = runs[b].end;
        order.extend_from_slice(&self.order[..start]);
        for k in (a..=b).rev() {
            let run = &self.order[runs[k].clone()];
            if flip.contains(&k) {
                order.extend(run.iter().rev());
            } else {
                order.extend_from_slice(run);
            }
        }
        order.extend_from_slice(&self.order[end..]);
        Reading { order }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(s: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in s.char_indices() {
            if c.is_whitespace() {
                if let Some(b) = start.take() {
                    out.push(b..i);
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        if let Some(b) = start {
            out.push(b..s.len());
        }
        out
    }

    #[test]
    fn move_render_and_map_back() {
        let src = "in year AD peace came 1994\n\nnext";
        let u = units(src);
        let r = Reading::identity(0..u.len());
        assert_eq!(r.render(src, &u).text, "in year AD peace came 1994 next");
        // «1994» (position 5) put before «AD» (position 2)
        let m = Reading {
            order: vec![0, 1, 5, 2, 3, 4, 6],
        };
        let rendered = m.render(src, &u);
        assert_eq!(rendered.text, "in year 1994 AD peace came next");
        let span = rendered.text.find("year").unwrap()..rendered.text.find(" peace").unwrap();
        let pieces = m.pieces(src, &rendered, &u, span);
        let texts: Vec<&str> = pieces.iter().map(|p| &src[p.clone()]).collect();
        assert_eq!(texts, ["year", "1994", "AD"]);
        assert_ne!(m, r);
    }

    #[test]
    fn reverse_runs_with_flip() {
        let src = "a 1 b 2 to 3 c";
        let u = units(src);
        let r = Reading::identity(0..u.len());
        let runs = [0..1, 1..2, 2..3, 3..6, 6..7];
        let rev = r.runs_reversed(&runs, 1, 3, &[3]);
        assert_eq!(rev.render(src, &u).text, "a 3 to 2 b 1 c");
        assert_eq!(rev.without(&[5]).render(src, &u).text, "a 3 to 2 b c");
    }
}
