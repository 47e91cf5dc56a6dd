//! Parses every FILE ROUNDS times and prints the throughput: a quick look at
//! speed outside the criterion benches.
//!
//! `cargo run --release --example timing -- [ROUNDS] FILE...`

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    // ROUNDS is optional: `timing FILE` runs 10 rounds.
    let rounds = match args.first().and_then(|r| r.parse::<usize>().ok()) {
        Some(r) => {
            args.remove(0);
            r
        }
        None => 10,
    };
    let texts: Vec<String> = args.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let start = std::time::Instant::now();
    let mut nodes = 0;
    for _ in 0..rounds {
        for t in &texts {
            nodes += jianggao::parse(t).speeches.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "{mb:.1} MB in {secs:.3} s: {:.1} MB/s, {:.0} documents/s ({nodes} speeches)",
        mb / secs,
        (texts.len() * rounds) as f64 / secs
    );
}
