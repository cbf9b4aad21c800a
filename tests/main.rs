//! The one integration test binary. Each module is one area; the corpus
//! files under `tests/corpus/` are the suite for the language rules.
mod calendar;
mod browser;
mod convert;
mod corpus;
mod eval;
mod export;
mod repair;
mod seed;
mod text;
