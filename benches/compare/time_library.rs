//! Times the library over a directory of texts, for `benches/compare/run.sh`.
//!
//! Reads every file of `JIANGGAO_COMPARE_DIR` into memory, then times
//! `jianggao::parse_bytes` and `jianggao::json::to_string` of each Document, and
//! prints one line: `jianggao <bytes> <seconds> <MB/s> <files>`; then
//! `parse_bytes` alone, as `jianggao-parse <bytes> <seconds> <MB/s> <files>`. With the
//! variable unset (as under a plain `cargo bench`) it prints a note and
//! exits.

use std::time::Instant;

fn main() {
    let Some(dir) = std::env::var_os("JIANGGAO_COMPARE_DIR") else {
        eprintln!("compare: set JIANGGAO_COMPARE_DIR (see benches/compare/run.sh)");
        return;
    };
    let rounds: usize = std::env::var("JIANGGAO_COMPARE_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(3);
    let mut files: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            eprintln!("compare: {}: {e}", dir.to_string_lossy());
            std::process::exit(2);
        }
    };
    files.sort();
    let inputs: Vec<Vec<u8>> = files.iter().filter_map(|p| std::fs::read(p).ok()).collect();
    let bytes: usize = inputs.iter().map(Vec::len).sum();
    let mut best = f64::INFINITY;
    let mut json_bytes = 0;
    for _ in 0..rounds.max(1) {
        let t = Instant::now();
        json_bytes = 0;
        for input in &inputs {
            if let Ok(doc) = jianggao::parse_bytes(input) {
                json_bytes += jianggao::json::to_string(&doc).map_or(0, |s| s.len());
            }
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    // The parse alone, without the JSON: what a caller of the library
    // that keeps the Document (as the Python package does) pays.
    let mut parse_best = f64::INFINITY;
    for _ in 0..rounds.max(1) {
        let t = Instant::now();
        for input in &inputs {
            std::hint::black_box(jianggao::parse_bytes(input).ok());
        }
        parse_best = parse_best.min(t.elapsed().as_secs_f64());
    }
    let parse_mbps = bytes as f64 / 1e6 / parse_best.max(1e-9);
    let mbps = bytes as f64 / 1e6 / best.max(1e-9);
    eprintln!("compare: {} files, {bytes} bytes in, {json_bytes} bytes of JSON out", inputs.len());
    println!("jianggao {bytes} {best:.4} {mbps:.2} {}", inputs.len());
    println!("jianggao-parse {bytes} {parse_best:.4} {parse_mbps:.2} {}", inputs.len());
}
