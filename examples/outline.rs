//! Prints the outline of a speech text.
//!
//! ```sh
//! cargo run --example outline -- examples/data/sample.txt
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: outline FILE");
        return ExitCode::FAILURE;
    };
    // Read the bytes: `parse_bytes` detects the encoding and refuses binary.
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match jianggao::parse_bytes(&bytes) {
        Ok(doc) => {
            // `outline()` is the same text as `jianggao outline FILE`.
            print!("{}", doc.outline());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            ExitCode::FAILURE
        }
    }
}
