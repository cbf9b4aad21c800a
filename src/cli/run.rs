//! Running a corpus: `--threads` and `--quiet`, the progress bar, and the
//! output written as the documents are done (atomically, to a file).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use tarikh::pipeline::Parallel;

/// How a command that reads a corpus runs.
#[derive(Debug, Clone, Copy, Args)]
pub struct RunArgs {
    /// Worker threads: documents are processed in parallel and written in input order; 0 is one per core. The output is the same for any number.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub threads: usize,
    /// No progress bar (it is shown only when standard error is a terminal).
    #[arg(long, short)]
    pub quiet: bool,
}

impl RunArgs {
    pub fn parallel(&self) -> Parallel {
        Parallel::new(self.threads)
    }
}

/// The progress of a corpus run on standard error: documents, MB, rate,
/// and an ETA when the total is known. Hidden unless standard error is a
/// terminal, and with `--quiet`; messages go through [`Progress::say`] so
/// that they do not tear it.
pub struct Progress {
    bar: ProgressBar,
    docs: u64,
}

impl Progress {
    pub fn new(total_bytes: Option<u64>, run: &RunArgs) -> Progress {
        let shown = !run.quiet && std::io::stderr().is_terminal();
        let bar = match total_bytes {
            Some(n) if shown => ProgressBar::new(n),
            _ => ProgressBar::no_length(),
        };
        if !shown {
            bar.set_draw_target(ProgressDrawTarget::hidden());
        }
        let template = if total_bytes.is_some() {
            "{wide_bar} {bytes}/{total_bytes} {msg} {binary_bytes_per_sec} ETA {eta}"
        } else {
            "{spinner} {bytes} {msg} {binary_bytes_per_sec}"
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        Progress { bar, docs: 0 }
    }

    /// One document (or failed input) done, which took `bytes` of input.
    pub fn done(&mut self, bytes: u64) {
        self.docs += 1;
        self.bar.inc(bytes);
        if self.docs.is_multiple_of(64) || self.docs < 64 {
            self.bar.set_message(format!("{} documents", self.docs));
        }
    }

    /// Prints `f`'s message with the bar out of the way.
    pub fn say(&self, f: impl FnOnce()) {
        self.bar.suspend(f);
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// Output written piece by piece: to standard output, or to a temporary
/// file beside `-o FILE` that replaces it only when [`Out::commit`] is
/// called (dropped uncommitted, it is removed and FILE is untouched): an
/// existing file is never left half-written or clobbered on error.
pub struct Out {
    sink: Box<dyn Write>,
    file: Option<(PathBuf, PathBuf, PathBuf)>,
    committed: bool,
}

impl Out {
    pub fn open(path: Option<&Path>) -> Result<Out> {
        match path {
            None => Ok(Out::stdout()),
            Some(p) if p == Path::new("-") => Ok(Out::stdout()),
            Some(p) => {
                // A link is followed to its target, which is replaced (the
                // link stays); anything but a regular file (a directory, a
                // FIFO, a device) is refused rather than replaced by a file.
                let target = super::common::output_target(p)?;
                let dir = target
                    .parent()
                    .filter(|d| !d.as_os_str().is_empty())
                    .unwrap_or(Path::new("."));
                let name = target
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default();
                let tmp = dir.join(format!(".{name}.tarikh-{}.tmp", std::process::id()));
                let f = std::fs::File::create(&tmp)
                    .with_context(|| format!("{}: cannot write", p.display()))?;
                Ok(Out {
                    sink: Box::new(std::io::BufWriter::with_capacity(1 << 16, f)),
                    file: Some((p.to_path_buf(), target, tmp)),
                    committed: false,
                })
            }
        }
    }

    fn stdout() -> Out {
        Out {
            sink: Box::new(std::io::BufWriter::with_capacity(
                1 << 16,
                std::io::stdout(),
            )),
            file: None,
            committed: false,
        }
    }

    pub fn write(&mut self, s: &str) -> Result<()> {
        let shown = self.file.as_ref().map(|(p, _, _)| p.display().to_string());
        self.sink.write_all(s.as_bytes()).with_context(|| {
            format!(
                "{}: cannot write",
                shown.unwrap_or("standard output".into())
            )
        })
    }

    /// The JSON of `value` ([`tarikh::export::json::write_pretty`]),
    /// written as it is made.
    pub fn write_json<T: serde::Serialize>(&mut self, value: &T) -> Result<()> {
        let shown = self.file.as_ref().map(|(p, _, _)| p.display().to_string());
        tarikh::export::json::write_pretty(value, &mut self.sink).with_context(|| {
            format!(
                "{}: cannot write",
                shown.unwrap_or("standard output".into())
            )
        })
    }

    /// Flushes, and puts the file in place.
    pub fn commit(mut self) -> Result<()> {
        self.sink.flush()?;
        if let Some((shown, target, tmp)) = &self.file {
            std::fs::rename(tmp, target)
                .with_context(|| format!("{}: cannot write", shown.display()))?;
        }
        self.committed = true;
        Ok(())
    }
}

impl Drop for Out {
    fn drop(&mut self) {
        if !self.committed
            && let Some((_, _, tmp)) = &self.file
        {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// The count of failed inputs, said once at the end of a run.
fn say_failures(progress: &Progress, failed: usize, total: usize) {
    if failed > 0 {
        progress.say(|| {
            let _ = writeln!(
                std::io::stderr(),
                "tarikh: {failed} of {total} inputs could not be read (each is named above); the others were processed"
            );
        });
    }
}

/// How a corpus run went: documents read and inputs that failed.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub read: usize,
    pub failed: usize,
}

impl Counts {
    /// Every input failed: the command writes nothing (an existing output
    /// stays as it was) and exits 1.
    pub fn nothing_read(&self) -> bool {
        self.read == 0 && self.failed > 0
    }

    /// The exit status: 1 when some input failed.
    pub fn status(&self) -> super::Status {
        u8::from(self.failed > 0)
    }
}

/// Runs a corpus: every document of `stream` through `work` on the
/// workers of `run`, each result given to `keep` in input order; an input
/// that could not be read is named on standard error and counted; the
/// progress bar runs meanwhile, and the count of failures is said at the
/// end.
pub fn corpus<T: Send>(
    stream: tarikh::text::Stream,
    run: &RunArgs,
    work: impl Fn(tarikh::text::Document, Option<tarikh::diagnostic::Diagnostic>) -> T + Sync,
    mut keep: impl FnMut(T) -> Result<()>,
) -> Result<Counts> {
    let mut progress = Progress::new(stream.total_bytes, run);
    let mut counts = Counts::default();
    tarikh::pipeline::run_ordered(stream, run.parallel(), work, |done, bytes| {
        progress.done(bytes);
        match done {
            Ok(x) => {
                counts.read += 1;
                keep(x)
            }
            Err(e) => {
                counts.failed += 1;
                progress.say(|| super::common::report(&e));
                Ok(())
            }
        }
    })?;
    progress.finish();
    say_failures(&progress, counts.failed, counts.read + counts.failed);
    Ok(counts)
}
