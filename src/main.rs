//! The `jianggao` command line: parse speech texts to JSON (one file, or
//! many in parallel as JSONL), print their outline, Markdown, retrieval
//! chunks, or the JSON Schema.

use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use globset::{Glob, GlobMatcher};
use indicatif::{ProgressBar, ProgressStyle};
use jianggao::render::chunks::{chunks_with_source, ChunkOptions};
use jianggao::{CharOffsets, Document};
use rayon::prelude::*;
use serde::Serialize;

#[derive(Parser)]
#[command(name = "jianggao", version, about = "Parse Chinese speech texts (讲稿) into a typed outline tree")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// What the numbers of a span count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
enum Offsets {
    /// Bytes of the decoded UTF-8 text (Rust, Go, C).
    #[default]
    Bytes,
    /// Characters, i.e. Unicode scalar values (Python, JavaScript code points).
    Chars,
}

#[derive(Subcommand)]
enum Command {
    /// Print the Document JSON of FILE, or JSONL for many files.
    ///
    /// One FILE (`-` reads stdin) prints its Document JSON. Several files, a
    /// directory or --files-from give one JSON object per line (JSONL), each
    /// with a "file" field, in input order; a file that fails gives a line
    /// with an "error" field, and the exit status is 1 at the end.
    Parse {
        /// Input files or directories (searched recursively); `-` is stdin.
        files: Vec<PathBuf>,
        /// Read more input paths, one per line, from this file (`-`: stdin).
        #[arg(long, value_name = "LIST")]
        files_from: Option<PathBuf>,
        /// Which files to take from directories, matched against the path
        /// below the directory.
        #[arg(long, value_name = "PATTERN", default_value = "*.txt")]
        glob: String,
        /// Parallel jobs; 0 uses every core.
        #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
        jobs: usize,
        /// One line for a single document too.
        #[arg(long)]
        compact: bool,
        /// Offsets of spans: bytes of the UTF-8 text, or characters.
        #[arg(long, value_enum, default_value_t = Offsets::Bytes)]
        offsets: Offsets,
    },
    /// Print the outline of FILE for a person to read.
    Outline {
        /// Input file; `-` is stdin.
        file: PathBuf,
        /// Show this many levels (1: sections only).
        #[arg(long, value_name = "N")]
        depth: Option<usize>,
    },
    /// Print FILE as Markdown.
    Markdown {
        /// Input file; `-` is stdin.
        file: PathBuf,
    },
    /// Print chunks of FILE for retrieval, one JSON object per line.
    Chunks {
        /// Input file; `-` is stdin.
        file: PathBuf,
        /// The longest chunk, in characters.
        #[arg(long, value_name = "N", default_value_t = ChunkOptions::default().max_chars)]
        max_chars: usize,
        /// Merge a chunk shorter than this with its neighbour in the same
        /// section while both fit in --max-chars.
        #[arg(long, value_name = "N", default_value_t = 0)]
        min_chars: usize,
        /// Start each chunk's text with its heading path.
        #[arg(long)]
        heading_prefix: bool,
        /// Offsets of spans: characters (default), or bytes of the UTF-8 text.
        #[arg(long, value_enum, default_value_t = Offsets::Chars)]
        offsets: Offsets,
    },
    /// Print the flat node table of FILEs: one JSON object per speech,
    /// section, point and paragraph, the same fields on every line.
    Nodes {
        /// Input files or directories (searched recursively); `-` is stdin.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Which files to take from directories.
        #[arg(long, value_name = "PATTERN", default_value = "*.txt")]
        glob: String,
        /// Offsets of spans: characters (default), or bytes of the UTF-8 text.
        #[arg(long, value_enum, default_value_t = Offsets::Chars)]
        offsets: Offsets,
    },
    /// Print the JSON Schema of the Document JSON (or of a chunk or a
    /// node-table row).
    Schema {
        /// Which JSON: `document`, `chunk` or `node`.
        #[arg(default_value = "document")]
        of: String,
    },
}

fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

fn read_input(path: &Path) -> io::Result<Vec<u8>> {
    if is_stdin(path) {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path)
    }
}

/// Reads and parses `path`; with `want_text`, also returns the decoded
/// text that the spans point into. Errors are messages without the path.
fn load(path: &Path, want_text: bool) -> Result<(Document, Option<String>), String> {
    let bytes = read_input(path).map_err(|e| e.to_string())?;
    if !want_text {
        // No copy of valid UTF-8 input.
        return Ok((jianggao::parse_bytes(&bytes).map_err(|e| e.to_string())?, None));
    }
    let decoded = jianggao::decode::decode(&bytes).map_err(|e| e.to_string())?;
    let doc = jianggao::Parser::new().parse_decoded(&decoded);
    Ok((doc, Some(decoded.text)))
}

/// Like [`load`], with the path in the message.
fn load_named(path: &Path, want_text: bool) -> Result<(Document, Option<String>), String> {
    load(path, want_text).map_err(|e| format!("{}: {e}", path.display()))
}

/// A document with the fields the command line adds: `file` in batch
/// mode, `offsets` when spans count characters.
#[derive(Serialize)]
struct Output<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    offsets: Option<&'static str>,
    #[serde(flatten)]
    doc: &'a Document,
}

fn offsets_name(offsets: Offsets) -> Option<&'static str> {
    (offsets == Offsets::Chars).then_some("chars")
}

/// Rewrites the spans of `doc` for `offsets`.
fn convert(doc: &mut Document, text: Option<&str>, offsets: Offsets) {
    if let (Offsets::Chars, Some(text)) = (offsets, text) {
        doc.convert_to_char_offsets(text);
    }
}

/// Expands the inputs: directories into the files below them that match
/// `glob` (sorted), other paths as given.
fn expand(paths: &[PathBuf], glob: &GlobMatcher) -> Vec<PathBuf> {
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
                    } else if glob.is_match(path.strip_prefix(p).unwrap_or(&path)) {
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

/// Reads a list of paths, one per line.
fn read_list(from: &Path) -> Result<Vec<PathBuf>, String> {
    let reader: Box<dyn BufRead> = if is_stdin(from) {
        Box::new(io::BufReader::new(io::stdin()))
    } else {
        let f = std::fs::File::open(from).map_err(|e| format!("{}: {e}", from.display()))?;
        Box::new(io::BufReader::new(f))
    };
    let mut out = Vec::new();
    for line in reader.lines() {
        let line = line.map_err(|e| format!("{}: {e}", from.display()))?;
        let line = line.trim_end_matches('\r');
        if !line.trim().is_empty() {
            out.push(PathBuf::from(line));
        }
    }
    Ok(out)
}

/// The JSONL line of one input and whether it parsed.
fn batch_line(path: &Path, offsets: Offsets) -> (String, Result<(), String>) {
    let name = path.display().to_string();
    let result = load(path, offsets == Offsets::Chars).and_then(|(mut doc, text)| {
        convert(&mut doc, text.as_deref(), offsets);
        serde_json::to_string(&Output { file: Some(&name), offsets: offsets_name(offsets), doc: &doc })
            .map_err(|e| e.to_string())
    });
    match result {
        Ok(line) => (line, Ok(())),
        Err(e) => {
            let line = serde_json::json!({ "file": name, "error": e }).to_string();
            (line, Err(format!("{name}: {e}")))
        }
    }
}

/// Files parsed in parallel before their lines are written: the memory
/// bound of batch mode.
const BATCH: usize = 64;

/// Inputs from which a progress bar is shown (on a terminal).
const MANY: usize = 32;

/// Parses `paths` on `jobs` threads and writes one line each, in input
/// order. Returns false if any failed.
fn batch(paths: &[PathBuf], jobs: usize, offsets: Offsets, out: &mut impl Write) -> Result<bool, String> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build().map_err(|e| e.to_string())?;
    let progress = (io::stderr().is_terminal() && paths.len() >= MANY).then(|| {
        let pb = ProgressBar::new(paths.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed} (eta {eta})") {
            pb.set_style(style);
        }
        pb
    });
    let chunk = BATCH.max(4 * pool.current_num_threads());
    let mut ok = true;
    for group in paths.chunks(chunk) {
        let lines: Vec<(String, Result<(), String>)> = pool.install(|| {
            group
                .par_iter()
                .map(|p| {
                    let line = batch_line(p, offsets);
                    if let Some(pb) = &progress {
                        pb.inc(1);
                    }
                    line
                })
                .collect()
        });
        for (line, result) in lines {
            if let Err(e) = result {
                ok = false;
                let msg = format!("jianggao: {e}");
                match &progress {
                    Some(pb) => pb.println(msg),
                    None => eprintln!("{msg}"),
                }
            }
            writeln!(out, "{line}").map_err(|e| e.to_string())?;
        }
        // Let a reader of the pipe see each group as it is done.
        out.flush().map_err(|e| e.to_string())?;
    }
    if let Some(pb) = progress {
        pb.finish_and_clear();
    }
    Ok(ok)
}

fn write_json(out: &mut impl Write, value: &impl Serialize, compact: bool) -> Result<(), String> {
    if compact {
        serde_json::to_writer(&mut *out, value).map_err(|e| e.to_string())?;
    } else {
        serde_json::to_writer_pretty(&mut *out, value).map_err(|e| e.to_string())?;
    }
    writeln!(out).map_err(|e| e.to_string())
}

fn run(cli: Cli) -> Result<bool, String> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let io_err = |e: io::Error| e.to_string();
    let ok = match cli.command {
        Command::Parse { files, files_from, glob, jobs, compact, offsets } => {
            let single = files_from.is_none() && files.len() == 1 && files.iter().all(|f| !f.is_dir());
            if single {
                let Some(file) = files.first() else {
                    return Err("no input".into());
                };
                let (mut doc, text) = load_named(file, offsets == Offsets::Chars)?;
                convert(&mut doc, text.as_deref(), offsets);
                let output = Output { file: None, offsets: offsets_name(offsets), doc: &doc };
                write_json(&mut out, &output, compact)?;
                true
            } else {
                let mut inputs = files;
                if let Some(from) = &files_from {
                    if is_stdin(from) && inputs.iter().any(|p| is_stdin(p)) {
                        return Err("stdin cannot be both the list of files and an input".into());
                    }
                    inputs.extend(read_list(from)?);
                }
                if inputs.is_empty() && files_from.is_none() {
                    return Err("no input: give FILE, a directory, or --files-from".into());
                }
                let glob = Glob::new(&glob).map_err(|e| format!("--glob: {e}"))?.compile_matcher();
                let paths = expand(&inputs, &glob);
                batch(&paths, jobs, offsets, &mut out)?
            }
        }
        Command::Outline { file, depth } => {
            let (doc, _) = load_named(&file, false)?;
            out.write_all(jianggao::render::outline::render_to_depth(&doc, depth).as_bytes()).map_err(io_err)?;
            true
        }
        Command::Markdown { file } => {
            let (doc, _) = load_named(&file, false)?;
            out.write_all(doc.to_markdown().as_bytes()).map_err(io_err)?;
            true
        }
        Command::Chunks { file, max_chars, min_chars, heading_prefix, offsets } => {
            let (doc, text) = load_named(&file, true)?;
            let text = text.unwrap_or_default();
            let index = (offsets == Offsets::Chars).then(|| CharOffsets::new(&text));
            let mut opts = ChunkOptions::new(max_chars).min_chars(min_chars).heading_prefix(heading_prefix);
            if !is_stdin(&file) {
                opts = opts.file(file.display().to_string());
            }
            for mut chunk in chunks_with_source(&doc, &text, &opts) {
                if let Some(index) = &index {
                    chunk.span = index.span(chunk.span);
                }
                write_json(&mut out, &chunk, true)?;
            }
            true
        }
        Command::Nodes { files, glob, offsets } => {
            let glob = Glob::new(&glob).map_err(|e| format!("--glob: {e}"))?.compile_matcher();
            let mut ok = true;
            for path in expand(&files, &glob) {
                let rows = load_named(&path, true).map(|(doc, text)| {
                    let name = (!is_stdin(&path)).then(|| path.display().to_string());
                    let text = text.unwrap_or_default();
                    match offsets {
                        Offsets::Chars => jianggao::render::nodes::node_table_chars(&doc, &text, name.as_deref()),
                        Offsets::Bytes => doc.node_table(name.as_deref()),
                    }
                });
                match rows {
                    Ok(rows) => {
                        for row in rows {
                            write_json(&mut out, &row, true)?;
                        }
                    }
                    Err(e) => {
                        eprintln!("jianggao: {e}");
                        ok = false;
                    }
                }
            }
            ok
        }
        Command::Schema { of } => {
            let schema = match of.as_str() {
                "document" => Document::json_schema(),
                "chunk" => jianggao::Chunk::json_schema(),
                "node" => jianggao::NodeRow::json_schema(),
                other => return Err(format!("no schema of {other:?}: give document, chunk or node")),
            };
            write_json(&mut out, &schema, false)?;
            true
        }
    };
    out.flush().map_err(io_err)?;
    Ok(ok)
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
