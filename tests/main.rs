//! The one integration test binary. Each module is one area; the corpus
//! files under `tests/corpus/` are the suite for the language rules.
mod calendar;
mod check;
mod convert;
mod corpus;
mod eval;
mod repair;
mod seed;
mod text;
