//! Layout damage, language-neutral: the signs a damage model finds in a
//! text (empty slots, stranded numbers), how a candidate reading reads,
//! and the [`DamageModel`] trait a language implements when right-to-left
//! extraction breaks its text apart. The repair itself (choosing among
//! readings) is `temporal::repair`; the operations on readings are
//! `text::layout`.

use std::ops::Range;

use super::expr::Parsed;

/// What a slot is waiting for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotKind {
    /// A year: «سال میلادی», «میلادی» after a word.
    Year,
    /// A day: «روز آبان».
    Day,
    /// A parenthesised date: «آبان)».
    Paren,
}

/// An empty slot: insert before token `before`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub kind: SlotKind,
    /// Index of the token the missing piece belongs before.
    pub before: usize,
    /// For a `Paren` slot: the orphan «)» token, dropped when a piece that
    /// brings its own parentheses is put in.
    pub orphan: Option<usize>,
}

/// A piece of a stranded run and the slot kind it fits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub kind: SlotKind,
    /// Token range of the piece.
    pub toks: std::ops::Range<usize>,
}

/// Numbers (and what hangs on them) stranded away from their slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stranded {
    /// Token range of the whole run.
    pub toks: std::ops::Range<usize>,
    /// Its pieces, each fitting one slot kind; empty when the run cannot be
    /// split into slot pieces (a range such as «۱۹۹۴ الی ۱۹۹۲»).
    pub pieces: Vec<Piece>,
    /// The run stands right after a clause-final verb.
    pub after_verb: bool,
}

/// The damage signs of a token stream.
#[derive(Debug, Clone, Default)]
pub struct Signs {
    pub slots: Vec<Slot>,
    pub stranded: Vec<Stranded>,
}

/// How a reading reads: its score, how many signs of damage it still
/// shows (empty slots, stranded numbers, ranges high to low), and how many
/// of those are structural (an empty slot, a number after a verb: what run
/// reversal may mend). One tokenization and one parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Assessment {
    pub score: i32,
    pub signs: usize,
    pub structural: usize,
    /// Ranges written high to low.
    pub reversed: usize,
}

/// What a damaged text's tokens are, for repair: line breaks, punctuation,
/// and everything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A line break; `para` when it is a paragraph break.
    Break { para: bool },
    /// One punctuation or symbol character.
    Punct(char),
    /// A word or a number.
    Word,
}

/// A token of a damaged text: its kind and byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
}

impl Token {
    /// True for a line break.
    pub fn is_break(&self) -> bool {
        matches!(self.kind, TokenKind::Break { .. })
    }

    /// True for a punctuation token equal to one of `chars`.
    pub fn is_punct(&self, chars: &[char]) -> bool {
        matches!(self.kind, TokenKind::Punct(c) if chars.contains(&c))
    }
}

/// Number runs of a sequence of tokens, for reversal (see
/// [`Damaged::runs`]).
#[derive(Debug, Clone, Default)]
pub struct Runs {
    /// Ranges of positions in the sequence, covering it in order.
    pub runs: Vec<Range<usize>>,
    /// Which runs are number runs.
    pub is_num: Vec<bool>,
    /// Which number runs hold a connector («الی», a dash) and may be
    /// turned round inside.
    pub flippable: Vec<bool>,
}

/// A text as a damage model sees it.
pub trait Damaged {
    /// Every token of the text, in order.
    fn tokens(&self) -> &[Token];
    /// The signs of damage of the whole text.
    fn signs(&self) -> &Signs;
    /// The number runs of the tokens at `order` (indices into
    /// [`Damaged::tokens`], in the order of a candidate reading).
    fn runs(&self, order: &[usize]) -> Runs;
}

/// A language's model of layout damage.
pub trait DamageModel: Sync {
    /// Tokens and damage signs of normalized text.
    fn analyze<'t>(&self, text: &'t str) -> Box<dyn Damaged + 't>;
    /// How a candidate reading reads.
    fn assess(&self, text: &str) -> Assessment;
    /// The date grammar, to read a repaired reading.
    fn parse(&self, text: &str) -> Vec<Parsed>;
    /// The language's expressions of normalized text and its damage
    /// analysis at once: what [`crate::lang::Language::parse`] and
    /// [`DamageModel::analyze`] give, for a model that tokenizes once for
    /// both.
    fn parse_and_analyze<'t>(&self, text: &'t str) -> (Vec<Parsed>, Box<dyn Damaged + 't>) {
        (self.parse(text), self.analyze(text))
    }
}
