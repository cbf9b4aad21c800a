//! The [`Language`] trait: everything the language-neutral stages may ask
//! of a language. `temporal` and `event` call only this trait (through
//! [`language`]); nothing outside `lang/` names a particular language.
//!
//! A language gives:
//! - its date grammar ([`Language::parse`]) over normalized text;
//! - how to recognise its articles' datelines ([`Language::is_dateline`]);
//! - an optional model of layout damage ([`Language::damage`]), for scripts
//!   that right-to-left extraction breaks apart;
//! - its sentences and clauses, each with a tense ([`Language::segment`]),
//!   and whether its clauses are verb-final;
//! - the words that make an event trigger oblique («با میانجیگری», "with
//!   the mediation of"), and its event trigger and relation cue tables.
//!
//! Adding a language means implementing this trait in `lang/<code>/` and
//! adding it to [`Lang`] and [`language`]: see `docs/ADDING_A_LANGUAGE.md`.

use std::ops::Range;

use super::Lang;
use super::damage::DamageModel;
use super::expr::{Modality, Parsed, Tense};

/// A clause of a text: its byte range, the index of its sentence, and its
/// token range in [`Segments::tokens`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub range: Range<usize>,
    pub sentence: usize,
    pub toks: Range<usize>,
}

/// A text split into tokens, sentences and clauses by one language.
pub trait Segments {
    /// Byte ranges of every token of the text (words, numbers,
    /// punctuation, line breaks), in order.
    fn tokens(&self) -> &[Range<usize>];
    /// The clauses, in order.
    fn clauses(&self) -> &[Clause];
    /// The tense of a clause (its first verb group in verb-final
    /// languages; the verb group nearest to its start otherwise).
    fn tense(&self, clause: &Clause) -> Tense;
    /// Whether a clause denies its predicate or makes it a condition, a
    /// demand or a possibility (a hypothetical wins over a negation: «اگر
    /// توافق نشود» is a condition).
    fn modality(&self, clause: &Clause) -> Modality;
}

/// [`Segments`] over a language's own tokens: what each language's
/// `segment` returns, with its tokens, its clauses and its clause tense.
pub struct TokenSegments<T> {
    toks: Vec<T>,
    ranges: Vec<Range<usize>>,
    clauses: Vec<Clause>,
    tense: fn(&[T], &Clause) -> Tense,
    modality: fn(&[T], &Clause) -> Modality,
}

impl<T> TokenSegments<T> {
    pub fn new(
        toks: Vec<T>,
        clauses: Vec<Clause>,
        span: fn(&T) -> Range<usize>,
        tense: fn(&[T], &Clause) -> Tense,
        modality: fn(&[T], &Clause) -> Modality,
    ) -> Self {
        let ranges = toks.iter().map(span).collect();
        TokenSegments {
            toks,
            ranges,
            clauses,
            tense,
            modality,
        }
    }
}

impl<T> Segments for TokenSegments<T> {
    fn tokens(&self) -> &[Range<usize>] {
        &self.ranges
    }
    fn clauses(&self) -> &[Clause] {
        &self.clauses
    }
    fn tense(&self, clause: &Clause) -> Tense {
        (self.tense)(&self.toks, clause)
    }
    fn modality(&self, clause: &Clause) -> Modality {
        (self.modality)(&self.toks, clause)
    }
}

/// What the language-neutral stages may ask of a language.
pub trait Language: Sync {
    /// Which language this is.
    fn lang(&self) -> Lang;
    /// Every temporal expression of normalized text.
    fn parse(&self, normalized: &str) -> Vec<Parsed>;
    /// True when a paragraph of normalized text carries a dateline word
    /// («تاریخ انتشار», "Published"): a full date on it, at the head or
    /// foot of an article, is the publication date.
    fn is_dateline(&self, paragraph: &str) -> bool;
    /// True when a date with `before` and `after` it in its paragraph is
    /// a wire dateline ("KYIV, Nov 10 (Reuters) -"): the article's own
    /// date, even with no year, so it dates no event. `before` runs from
    /// the paragraph's start, `after` to its end.
    fn is_wire_dateline(&self, before: &str, after: &str) -> bool {
        let _ = (before, after);
        false
    }
    /// True when a line of normalized text carries a page-furniture word
    /// («آخرین به‌روزرسانی», "Updated", "5 hours ago"): a date on it, at
    /// the head or foot of a page, is a date of the page, not the story.
    fn is_page_header(&self, line: &str) -> bool;
    /// The layout-damage model, when the language has one.
    fn damage(&self) -> Option<&dyn DamageModel> {
        None
    }
    /// Tokens, sentences and clauses of a text, with tenses.
    fn segment<'t>(&self, text: &'t str) -> Box<dyn Segments + 't>;
    /// True when clauses end with their verb (Persian): the event noun
    /// nearest to the verb is then the clause's predicate.
    fn verb_final(&self) -> bool;
    /// True when `word` is a preposition that makes a following event
    /// trigger oblique (how or why, not what happened).
    fn is_oblique(&self, word: &str) -> bool;
    /// True for a word that opens a relative clause on the noun before it
    /// ("which", "who"; Persian «که»).
    fn is_relative_opener(&self, word: &str) -> bool;
    /// True for a speech trigger that only passes news on («گزارش داد»,
    /// «خبر داد», "reported"): a report's date dates what it reports, not
    /// a statement.
    fn is_report(&self, trigger: &str) -> bool;
    /// The event trigger tables (`data/lexicon/<lang>/triggers.tsv`).
    fn trigger_tables(&self) -> &'static [&'static str];
    /// The relation cue tables (`data/lexicon/<lang>/relations.tsv`).
    fn cue_tables(&self) -> &'static [&'static str];
}

/// The implementation of a language.
pub fn language(lang: Lang) -> &'static dyn Language {
    match lang {
        Lang::Fa => &super::fa::Persian,
        Lang::En => &super::en::English,
    }
}
