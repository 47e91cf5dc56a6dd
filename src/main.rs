//! The `jianggao` command line: parse speech texts to JSON, or print their
//! outline.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "jianggao",
    version,
    about = "Parse Chinese speech texts (讲稿) into a typed outline tree"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the Document JSON of FILE (`-` reads stdin). Several files or a
    /// directory give one JSON object per line, each with a "file" field.
    Parse {
        /// Input files or directories; `-` is stdin.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// One line per document even for a single file.
        #[arg(long)]
        compact: bool,
    },
    /// Print the outline of FILE for a person to read.
    Outline {
        /// Input file; `-` is stdin.
        file: PathBuf,
    },
}

fn read_input(path: &Path) -> io::Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path)
    }
}

fn load(path: &Path) -> Result<jianggao::Document, String> {
    let bytes = read_input(path).map_err(|e| format!("{}: {e}", path.display()))?;
    jianggao::parse_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// Expands directories into the `*.txt` files below them, sorted.
fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut stack = vec![p.clone()];
            let mut found = Vec::new();
            while let Some(dir) = stack.pop() {
                let Ok(entries) = std::fs::read_dir(&dir) else {
                    continue;
                };
                for e in entries.flatten() {
                    let path = e.path();
                    if path.is_dir() {
                        stack.push(path);
                    } else if path.extension().is_some_and(|x| x == "txt") {
                        found.push(path);
                    }
                }
            }
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    out
}

fn run(cli: Cli) -> Result<bool, String> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let io_err = |e: io::Error| e.to_string();
    match cli.command {
        Command::Parse { files, compact } => {
            let single = files.len() == 1 && !files[0].is_dir();
            if single {
                let doc = load(&files[0])?;
                if compact {
                    serde_json::to_writer(&mut out, &doc).map_err(|e| e.to_string())?;
                } else {
                    serde_json::to_writer_pretty(&mut out, &doc).map_err(|e| e.to_string())?;
                }
                writeln!(out).map_err(io_err)?;
                return Ok(true);
            }
            let mut ok = true;
            for path in expand(&files) {
                let line = match load(&path) {
                    Ok(doc) => {
                        let mut v = serde_json::to_value(&doc).map_err(|e| e.to_string())?;
                        if let Some(o) = v.as_object_mut() {
                            o.insert("file".into(), path.display().to_string().into());
                        }
                        v
                    }
                    Err(e) => {
                        ok = false;
                        eprintln!("jianggao: {e}");
                        serde_json::json!({ "file": path.display().to_string(), "error": e })
                    }
                };
                serde_json::to_writer(&mut out, &line).map_err(|e| e.to_string())?;
                writeln!(out).map_err(io_err)?;
            }
            Ok(ok)
        }
        Command::Outline { file } => {
            let doc = load(&file)?;
            out.write_all(jianggao::render::outline::render(&doc).as_bytes())
                .map_err(io_err)?;
            Ok(true)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("jianggao: {e}");
            ExitCode::FAILURE
        }
    }
}
