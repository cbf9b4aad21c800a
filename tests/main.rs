//! The one integration test binary. Each module is one area; the corpus
//! files under `tests/corpus/` are the suite for the language rules.
mod browser;
mod calendar;
mod check;
mod cli;
mod convert;
mod corpus;
mod eval;
mod eval_cmd;
mod eval_en;
mod eval_reallike;
mod export;
mod fuzz_regressions;
mod golden;
mod layering;
mod order;
mod repair;
mod robust;
mod seed;
mod spark;
mod stream;
mod text;
mod timeline;
