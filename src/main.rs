//! The `tarikh` command line: a thin shell over the library.
//!
//! Exit status: 0 when it ran, 1 when some input could not be read or
//! processed (the rest still are), 2 on a usage error; `tarikh check` alone
//! uses 3 when findings reach `--fail-on`. Diagnostics never change it.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
