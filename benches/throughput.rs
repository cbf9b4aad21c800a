//! Throughput benchmarks (`cargo bench`).
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// A mostly-ASCII English news paragraph (with a few typographic spaces and
/// quotes), repeated to the benchmark size.
const ENGLISH: &str = "BAKU, Oct. 31 (Reuters) - Azerbaijan said on Saturday that \
Armenian forces had shelled the city of Barda for the second time in three days, \
killing at least 21 civilians, a charge Yerevan denied. The fighting over \
Nagorno-Karabakh, which began on Sept. 27, has killed more than 1,000 people \u{2014} \
the worst violence in the South Caucasus since the 1990s. Talks in Moscow on \
Oct. 9\u{2013}10 produced a ceasefire that collapsed within hours; a second truce, \
brokered in Washington on Oct. 25, did not hold either.\r\n\r\n\u{201c}We will \
not stop,\u{201d} President Ilham Aliyev said in a televised address.\n\n";

/// `s` repeated to about `target` bytes.
fn repeat_to(s: &str, target: usize) -> String {
    s.repeat(target.div_ceil(s.len()))
}

fn normalize(c: &mut Criterion) {
    let persian = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/articles/fa/karabakh-aran.txt"
    ))
    .expect("seed article");
    let samples = [
        ("persian-news", repeat_to(&persian, 1 << 20)),
        ("english-news", repeat_to(ENGLISH, 1 << 20)),
    ];
    let mut group = c.benchmark_group("normalize");
    for (name, text) in &samples {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| tarikh::text::normalize(black_box(text)))
        });
    }
    group.finish();
}

fn benches(c: &mut Criterion) {
    normalize(c);
}

criterion_group!(all, benches);
criterion_main!(all);
