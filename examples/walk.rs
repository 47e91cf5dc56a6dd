//! Walks every section and point of a speech text without recursion, and
//! prints each with its depth and heading path.
//!
//! ```sh
//! cargo run --example walk -- examples/data/sample.txt
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: walk FILE");
        return ExitCode::FAILURE;
    };
    let doc = match std::fs::read(&path)
        .map_err(|e| e.to_string())
        .and_then(|b| jianggao::parse_bytes(&b).map_err(|e| e.to_string()))
    {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    // `nodes()` yields sections and points in document order, parents first.
    for node in doc.nodes() {
        let marker = node.section.marker.as_ref().map_or("", |m| m.text.as_str());
        println!(
            "speech {} depth {} {:>6} paragraphs {:>2}  {}",
            node.speech,
            node.depth,
            marker,
            node.section.paragraphs.len(),
            // The headings above the node and its own, joined for display.
            node.heading_path().join(" › ")
        );
    }
    ExitCode::SUCCESS
}
