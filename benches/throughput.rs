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

/// Persian news text: the sample articles and the evaluation articles,
/// repeated to about 1 MB (paragraphs kept, so rules see real sentences).
fn persian_news() -> String {
    let mut text = String::new();
    for dir in ["data/articles/fa", "tests/eval/fa"] {
        let mut files: Vec<_> = std::fs::read_dir(format!("{}/{dir}", env!("CARGO_MANIFEST_DIR")))
            .expect("articles")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for f in files {
            text.push_str(&std::fs::read_to_string(f).expect("article"));
            text.push_str("\n\n");
        }
    }
    repeat_to(&text, 1 << 20)
}

/// `tarikh dates` on Persian news: normalization, rules, layout repair,
/// resolution in three calendars.
fn dates(c: &mut Criterion) {
    let text = persian_news();
    let doc = tarikh::text::Document {
        id: "bench".into(),
        source: "bench".into(),
        text: text.clone(),
        lang: Some("fa".into()),
        published: chrono::NaiveDate::from_ymd_opt(2023, 11, 15),
        published_from: None,
        title: None,
    };
    let opts = tarikh::pipeline::Options::default();
    let mut group = c.benchmark_group("dates");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("persian-news", |b| {
        b.iter(|| tarikh::pipeline::dates(black_box(&doc), &opts))
    });
    group.bench_function("persian-news-events", |b| {
        b.iter(|| tarikh::pipeline::timeline(std::slice::from_ref(black_box(&doc)), &opts))
    });
    group.finish();
}

/// `n` synthetic dated events over 1900–2100 from 100 documents (days,
/// months and years; 15 types; 2,000 actors, so reports of one type and
/// actor meet and merge), deterministic (a linear congruential generator).
fn synthetic(n: usize) -> Vec<tarikh::timeline::DocEvents> {
    use tarikh::event::{EntityRef, Event, EventType, Evidence};
    use tarikh::temporal::Time;
    let mut seed: u64 = 42;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as u32
    };
    let base = chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
    let mut docs: Vec<tarikh::timeline::DocEvents> = (0..100)
        .map(|d| tarikh::timeline::DocEvents {
            info: tarikh::temporal::DocumentInfo {
                id: format!("doc{d}"),
                source: String::new(),
                lang: tarikh::lang::Lang::Fa,
                published: None,
                published_from: None,
            },
            events: Vec::new(),
            relations: Vec::new(),
            diagnostics: Vec::new(),
        })
        .collect();
    for i in 0..n {
        // Precisions as reported: a day, a month or a year.
        let start = base + chrono::Days::new(u64::from(next() % 73_000));
        let end = start + chrono::Days::new([0u64, 0, 0, 29, 364][(next() % 5) as usize]);
        let kind = EventType::ALL[(next() % 15) as usize];
        let d = (next() % 100) as usize;
        let actor = format!("state:s{}", next() % 2000);
        docs[d].events.push(Event {
            id: format!("doc{d}@{i}"),
            kind,
            summary: String::new(),
            time: Some(Box::new(Time {
                text: String::new(),
                span: [0, 0].into(),
                rule: "bench".into(),
                calendar: tarikh::calendar::Calendar::Gregorian,
                value: None,
                precision: tarikh::calendar::Precision::Day,
                start: Some(start),
                end: Some(end),
                solar_hijri: None,
                lunar_hijri: None,
                original: None,
                time_of_day: None,
                timezone: None,
                modifier: None,
                year_from: None,
                alternative: None,
                repaired: None,
            })),
            mood: Default::default(),
            time_from: None,
            actors: vec![EntityRef {
                id: actor,
                name: String::new(),
                span: [0, 0].into(),
            }],
            places: Vec::new(),
            evidence: vec![Evidence {
                document: format!("doc{d}"),
                start: i,
                end: i + 1,
                quote: String::new(),
            }],
            confidence: 1.0,
        });
    }
    docs
}

/// Peak resident memory of this process so far, in MiB (Linux).
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// Building the timeline graph (merge, order, relations, checks) from
/// 10^5 and 10^6 events. The peak memory is printed after the run.
fn graph(c: &mut Criterion) {
    let mut group = c.benchmark_group("timeline-graph");
    group.sample_size(10);
    for n in [100_000usize, 1_000_000] {
        let docs = synthetic(n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(format!("{n}-events"), |b| {
            b.iter_batched(
                || docs.clone(),
                |d| tarikh::timeline::build(black_box(d)),
                criterion::BatchSize::LargeInput,
            )
        });
        if let Some(m) = peak_rss_mib() {
            println!("timeline-graph/{n}-events: peak resident memory so far {m:.0} MiB");
        }
    }
    group.finish();
}

/// The worst shapes of one document (the same as `tests/perf/linearity.py`
/// writes): `piece(i)` repeated to `size` bytes.
fn shape(size: usize, piece: impl Fn(usize) -> String) -> String {
    let mut s = String::with_capacity(size + 256);
    let mut i = 0;
    while s.len() < size {
        s.push_str(&piece(i));
        i += 1;
    }
    s
}

fn fa_digits(n: usize) -> String {
    n.to_string()
        .chars()
        .map(|c| char::from_u32(0x06F0 + c.to_digit(10).unwrap_or(0)).unwrap_or(c))
        .collect()
}

const MONTHS: [&str; 12] = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
];

/// One document at 1, 2, 4 and 8 MB: time per byte must stay flat (every
/// stage linear in its input). Dense Persian dates on one unpunctuated
/// line (`dates`), and punctuated reports of distinct events (`extract`:
/// events, merge, the graph).
fn linearity(c: &mut Criterion) {
    let actors = [
        "ارمنستان",
        "آذربایجان",
        "روسیه",
        "ترکیه",
        "ایران",
        "سوریه",
        "عراق",
    ];
    let opts = tarikh::pipeline::Options::default();
    let doc = |text: String| tarikh::text::Document {
        id: "bench".into(),
        source: "bench".into(),
        text,
        lang: Some("fa".into()),
        published: chrono::NaiveDate::from_ymd_opt(2022, 1, 1),
        published_from: None,
        title: None,
    };
    let mut group = c.benchmark_group("linearity");
    group.sample_size(10);
    for mb in [1usize, 2, 4, 8] {
        let size = mb << 20;
        let dense = doc(shape(size, |i| {
            format!(
                "{} {} {} ",
                fa_digits(1 + i % 28),
                MONTHS[i % 12],
                fa_digits(1390 + i % 20)
            )
        }));
        group.throughput(Throughput::Bytes(dense.text.len() as u64));
        group.bench_function(format!("dates-dense-fa-{mb}MB"), |b| {
            b.iter(|| tarikh::pipeline::dates(black_box(&dense), &opts))
        });
        let events = doc(shape(size, |i| {
            format!(
                "نیروهای {} در {} {} {} به مواضع {} حمله کردند. {}",
                actors[i % 7],
                fa_digits(1 + i % 29),
                MONTHS[(i / 29) % 12],
                fa_digits(1300 + (i / 348) % 100),
                actors[(i + 3) % 7],
                if i % 4 == 0 { "\n\n" } else { "" }
            )
        }));
        group.throughput(Throughput::Bytes(events.text.len() as u64));
        group.bench_function(format!("extract-events-fa-{mb}MB"), |b| {
            b.iter(|| tarikh::pipeline::timeline(std::slice::from_ref(black_box(&events)), &opts))
        });
    }
    group.finish();
}

/// A corpus run as `tarikh dates --format jsonl` does it: news-sized
/// documents (the Persian news text cut at paragraphs into documents of
/// about 4 KB, 4 MB in all) read as a stream, processed by
/// `pipeline::run_ordered` on 1 and on every core, each listing written
/// as a JSON line (to memory). The whole-run figures, on generated corpora
/// of 100 MB and 1 GB, come from `tests/perf/corpus.sh`.
fn corpus(c: &mut Criterion) {
    let text = persian_news();
    let mut docs = Vec::new();
    let mut cur = String::new();
    while docs.len() * 4096 < (4 << 20) {
        for para in text.split("\n\n") {
            cur.push_str(para);
            cur.push_str("\n\n");
            if cur.len() >= 4096 {
                docs.push(std::mem::take(&mut cur));
            }
        }
    }
    let bytes: usize = docs.iter().map(String::len).sum();
    let opts = tarikh::pipeline::Options {
        published: chrono::NaiveDate::from_ymd_opt(2023, 11, 15),
        ..Default::default()
    };
    let items = |docs: &[String]| {
        docs.iter()
            .enumerate()
            .map(|(i, t)| tarikh::text::Item {
                document: Ok(tarikh::text::Document {
                    id: format!("d{i}"),
                    source: "bench".into(),
                    text: t.clone(),
                    lang: Some("fa".into()),
                    published: None,
                    published_from: None,
                    title: None,
                }),
                warning: None,
                bytes: t.len() as u64,
            })
            .collect::<Vec<_>>()
    };
    let mut group = c.benchmark_group("corpus");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    let all = tarikh::pipeline::Parallel::resolve(0);
    for threads in [1, all] {
        group.bench_function(format!("dates-jsonl-{threads}-threads"), |b| {
            b.iter_batched(
                || items(&docs),
                |items| {
                    let mut out = Vec::new();
                    tarikh::pipeline::run_ordered(
                        items.into_iter(),
                        tarikh::pipeline::Parallel::new(threads),
                        |doc, _| {
                            let d = tarikh::pipeline::dates(&doc, &opts);
                            let mut l = tarikh::export::json::DatesListing::new();
                            l.documents.push(d.info);
                            l.dates = d.dates;
                            l.diagnostics = d.diagnostics;
                            tarikh::export::json::to_line(&l)
                        },
                        |line, _| -> Result<(), ()> {
                            out.extend_from_slice(line.map_err(|_| ())?.as_bytes());
                            Ok(())
                        },
                    )
                    .unwrap();
                    black_box(out)
                },
                criterion::BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

fn benches(c: &mut Criterion) {
    normalize(c);
    dates(c);
    corpus(c);
    graph(c);
    linearity(c);
}

criterion_group!(all, benches);
criterion_main!(all);
