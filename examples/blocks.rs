//! Prints the blocks the segment stage finds in FILE, one per line, with
//! their source spans: a look at what the later stages start from.
//!
//! `cargo run --example blocks -- FILE`

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: blocks FILE");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let text = match jianggao::decode::decode(&bytes) {
        Ok(d) => d.text,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let seg = jianggao::segment::segment(&text);
    for (i, b) in seg.blocks.iter().enumerate() {
        let head: String = b.text.chars().take(40).collect();
        println!("{i:4} {:>6}..{:<6} {head}", b.span.start, b.span.end);
    }
    for n in &seg.noise {
        let head: String = n.text.chars().take(40).collect();
        println!("noise {:>6}..{:<6} {} {head}", n.span.start, n.span.end, n.reason);
    }
}
