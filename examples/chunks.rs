//! Cuts a speech text into chunks for retrieval and prints them as JSON
//! lines, with character offsets as Python or JavaScript would slice by.
//!
//! ```sh
//! cargo run --example chunks -- examples/data/sample.txt
//! ```

use std::process::ExitCode;

use jianggao::render::chunks::{chunks_with_source, ChunkOptions};
use jianggao::CharOffsets;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: chunks FILE");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let doc = jianggao::parse(&text);
    // At most 200 characters a chunk; longer paragraphs split at sentence ends.
    let chunks = chunks_with_source(&doc, &text, &ChunkOptions::new(200));
    // Byte spans to character spans, with one index built once.
    let index = CharOffsets::new(&text);
    for mut chunk in chunks {
        chunk.span = index.span(chunk.span);
        match serde_json::to_string(&chunk) {
            Ok(line) => println!("{line}"),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
