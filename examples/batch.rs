//! Parses every `*.txt` file under a directory (or one file) in parallel and
//! prints one summary line per file, in a stable order.
//!
//! ```sh
//! cargo run --example batch -- tests/fixtures
//! cargo run --example batch -- examples/data/sample.txt
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rayon::prelude::*;

/// The `*.txt` files under `root`, sorted; `root` itself if it is a file.
/// Symbolic links are not followed (a link to `.` would loop), and only
/// regular files are taken (a FIFO would block the read).
fn text_files(root: &Path) -> Vec<PathBuf> {
    if !root.is_dir() {
        return vec![root.to_path_buf()];
    }
    let mut found = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else { continue };
            if kind.is_dir() {
                dirs.push(path);
            } else if kind.is_file() && path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn main() -> ExitCode {
    let Some(root) = std::env::args().nth(1) else {
        eprintln!("usage: batch DIR|FILE");
        return ExitCode::FAILURE;
    };
    let files = text_files(Path::new(&root));
    // Parse in parallel; `collect` keeps the input order. For very many
    // files, process them in groups so that memory stays bounded (the
    // `jianggao parse DIR` command does).
    let results: Vec<(PathBuf, Result<jianggao::Document, String>)> = files
        .into_par_iter()
        .map(|path| {
            let doc = std::fs::read(&path)
                .map_err(|e| e.to_string())
                .and_then(|b| jianggao::parse_bytes(&b).map_err(|e| e.to_string()));
            (path, doc)
        })
        .collect();
    let mut failed = false;
    for (path, result) in results {
        match result {
            Ok(doc) => {
                let sections: usize = doc.speeches.iter().map(|s| s.sections.len()).sum();
                println!(
                    "{}\t{} speech(es)\t{} sections\t{} nodes\t{} noise",
                    path.display(),
                    doc.speeches.len(),
                    sections,
                    doc.nodes().count(),
                    doc.noise.len()
                );
            }
            Err(e) => {
                failed = true;
                println!("{}\terror: {e}", path.display());
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
