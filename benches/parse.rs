//! Throughput of the whole pipeline and of each stage.
//!
//! ```sh
//! cargo bench --bench parse                  # everything
//! cargo bench --bench parse -- --quick       # a quick look
//! cargo bench --bench parse -- stages/       # one group
//! JIANGGAO_BENCH_MB=5 cargo bench --bench parse -- corpus
//! JIANGGAO_BENCH_100MB=1 cargo bench --bench parse -- scaling
//! ```
//!
//! Groups:
//! - `corpus`: `parse` over the fixture texts, each its own document, the
//!   set repeated to about 20 MB (`JIANGGAO_BENCH_MB`), in bytes/s and in
//!   documents/s.
//! - `stages`: one pass over the fixture texts per stage: a bare pass
//!   (validate UTF-8, split lines, look at every character once) as the
//!   floor to compare with, decode of their
//!   GB18030 copies, `segment::segment`, `marker::scan` over the blocks,
//!   `outline::infer`, `jianggao::json::to_string` of the documents.
//! - `scaling`: `parse` of one generated text of 1 KB, 1 MB and 10 MB (100 MB
//!   with `JIANGGAO_BENCH_100MB=1`); bytes/s should stay flat.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// The fixture texts, sorted by file name.
fn fixtures() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    assert!(!texts.is_empty(), "no fixtures in {}", dir.display());
    texts
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// The fixtures repeated until they hold about `bytes` bytes.
fn corpus(texts: &[String], bytes: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        for t in texts {
            total += t.len();
            out.push(t.clone());
        }
    }
    out
}

/// One text of at least `bytes` bytes: the fixtures one after another,
/// as many times as needed.
fn generated(texts: &[String], bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 64 * 1024);
    'fill: loop {
        for t in texts {
            if out.len() >= bytes {
                break 'fill;
            }
            let room = bytes - out.len();
            if t.len() <= room {
                out.push_str(t);
                out.push('\n');
            } else {
                // Cut the last piece at a line end (or char boundary).
                let mut cut = room.min(t.len());
                while !t.is_char_boundary(cut) {
                    cut -= 1;
                }
                let piece = &t[..cut];
                let piece = piece.rfind('\n').map_or(piece, |i| &piece[..=i]);
                out.push_str(piece);
                break 'fill;
            }
        }
    }
    out
}

fn bench_corpus(c: &mut Criterion) {
    let texts = fixtures();
    let docs = corpus(&texts, env_usize("JIANGGAO_BENCH_MB", 20) << 20);
    let bytes: usize = docs.iter().map(String::len).sum();

    let mut g = c.benchmark_group("corpus");
    g.sample_size(10).measurement_time(Duration::from_secs(20)).warm_up_time(Duration::from_secs(2));
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("parse_bytes/s", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(jianggao::parse(black_box(d)));
            }
        })
    });
    g.throughput(Throughput::Elements(docs.len() as u64));
    g.bench_function("parse_documents/s", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(jianggao::parse(black_box(d)));
            }
        })
    });
    g.finish();
}

fn bench_stages(c: &mut Criterion) {
    let texts = fixtures();
    let bytes: usize = texts.iter().map(String::len).sum();
    let gb: Vec<Vec<u8>> = texts.iter().map(|t| encoding_rs::GB18030.encode(t).0.into_owned()).collect();
    let gb_bytes: usize = gb.iter().map(Vec::len).sum();
    let segmented: Vec<_> = texts.iter().map(|t| jianggao::segment::segment(t)).collect();
    let block_bytes: usize = segmented.iter().flat_map(|s| &s.blocks).map(|b| b.text.len()).sum();
    let bodies: Vec<_> = texts
        .iter()
        .zip(&segmented)
        .flat_map(|(t, s)| {
            let mut noise = Vec::new();
            jianggao::meta::plan(t, s.blocks.clone(), &mut noise).into_iter().map(|p| p.body)
        })
        .collect();
    let body_bytes: usize = bodies.iter().flatten().map(|b| b.text.len()).sum();
    let docs: Vec<_> = texts.iter().map(|t| jianggao::parse(t)).collect();

    let mut g = c.benchmark_group("stages");
    g.sample_size(20).measurement_time(Duration::from_secs(5)).warm_up_time(Duration::from_secs(1));

    g.throughput(Throughput::Bytes(gb_bytes as u64));
    g.bench_function("decode_gb18030", |b| {
        b.iter(|| {
            for bytes in &gb {
                let _ = black_box(jianggao::decode::decode(black_box(bytes)));
            }
        })
    });

    // The floor every stage stands on: validate UTF-8, split lines and look
    // at every character once. `parse` is measured against this pass.
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("bare_pass", |b| {
        b.iter(|| {
            let mut seen = 0usize;
            for t in &texts {
                let Ok(s) = std::str::from_utf8(black_box(t.as_bytes())) else { continue };
                for line in s.lines() {
                    seen += line.chars().filter(|&c| c == '。' || c == '一').count() + 1;
                }
            }
            seen
        })
    });

    g.bench_function("decode_utf8", |b| {
        b.iter(|| {
            for t in &texts {
                let _ = black_box(jianggao::decode::decode(black_box(t.as_bytes())));
            }
        })
    });
    g.bench_function("segment", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(jianggao::segment::segment(black_box(t)));
            }
        })
    });

    g.throughput(Throughput::Bytes(block_bytes as u64));
    g.bench_function("marker_scan", |b| {
        b.iter(|| {
            for block in segmented.iter().flat_map(|s| &s.blocks) {
                black_box(jianggao::marker::scan(black_box(&block.text)));
            }
        })
    });

    g.throughput(Throughput::Bytes(body_bytes as u64));
    g.bench_function("outline_infer", |b| {
        b.iter(|| {
            let mut diags = Vec::new();
            for body in &bodies {
                black_box(jianggao::outline::infer(black_box(body), &mut diags));
            }
            diags
        })
    });

    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("to_json", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(jianggao::json::to_string(black_box(d)).ok());
            }
        })
    });
    g.finish();
}

fn bench_scaling(c: &mut Criterion) {
    let texts = fixtures();
    let mut sizes: Vec<(&str, usize)> = vec![("1KB", 1 << 10), ("1MB", 1 << 20), ("10MB", 10 << 20)];
    if std::env::var_os("JIANGGAO_BENCH_100MB").is_some() {
        sizes.push(("100MB", 100 << 20));
    }
    let mut g = c.benchmark_group("scaling");
    g.sample_size(10).warm_up_time(Duration::from_secs(1));
    for (name, size) in sizes {
        let text = generated(&texts, size);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.measurement_time(Duration::from_secs(if size > 1 << 20 { 15 } else { 3 }));
        g.bench_with_input(BenchmarkId::new("parse", name), &text, |b, t| {
            b.iter(|| black_box(jianggao::parse(black_box(t))))
        });
    }
    g.finish();
}

criterion_group!(benches, bench_corpus, bench_stages, bench_scaling);
criterion_main!(benches);
