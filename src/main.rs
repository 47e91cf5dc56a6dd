//! The `jianggao` command line: parse speech texts to JSON (one file, or
//! many in parallel as JSONL), print their outline, Markdown, retrieval
//! chunks, or the JSON Schema.

mod cli;

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use cli::input::{self, is_stdin, Input};
use cli::term::{display_path, escape, json_name};
use indicatif::{ProgressBar, ProgressStyle};
use jianggao::render::chunks::{chunks_with_source, ChunkOptions};
use jianggao::{CharOffsets, Document, Format};
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

/// Options of every command that reads input.
#[derive(Args, Clone, Copy)]
struct ReadOpts {
    /// Refuse an input longer than this (bytes; suffixes K, M, G, KiB, MiB,
    /// GiB). Devices and pipes are read up to the limit.
    #[arg(long, value_name = "SIZE", default_value = "100M", value_parser = input::parse_size)]
    max_bytes: u64,
    /// How to read the input: by its content (`auto`), or as plain `text`,
    /// an `html` page or a `docx` document.
    #[arg(long, value_name = "FORMAT", default_value = "auto", value_parser = parse_format)]
    format: Format,
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse::<Format>().map_err(|_| format!("give one of {}", Format::NAMES.join(", ")))
}

/// Options of commands that take many files and directories.
#[derive(Args)]
struct BatchOpts {
    /// Read more input paths, one per line, from this file (`-`: stdin).
    #[arg(long, value_name = "LIST")]
    files_from: Option<PathBuf>,
    /// Which files to take from directories, matched against the path
    /// below the directory, ignoring case.
    #[arg(long, value_name = "PATTERN", default_value = "*.txt")]
    glob: String,
    /// Follow symbolic links in directories (links that loop are reported
    /// and not entered). Without it, links are reported and skipped.
    #[arg(long, short = 'L')]
    follow: bool,
    /// Parallel jobs; 0 uses every core. At most four per core are run.
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    jobs: usize,
}

#[derive(Subcommand)]
enum Command {
    /// Print the Document JSON of FILE, or JSONL for many files.
    ///
    /// One FILE (`-` reads stdin) prints its Document JSON. Several files, a
    /// directory or --files-from give one JSON object per line (JSONL), each
    /// with a "file" field, in input order; a file that fails, or an entry
    /// of a directory that is skipped, gives a line with an "error" field,
    /// and the exit status is 1 at the end.
    Parse {
        /// Input files or directories (searched recursively); `-` is stdin.
        files: Vec<PathBuf>,
        #[command(flatten)]
        batch: BatchOpts,
        #[command(flatten)]
        read: ReadOpts,
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
        #[command(flatten)]
        read: ReadOpts,
    },
    /// Print FILE as Markdown.
    Markdown {
        /// Input file; `-` is stdin.
        file: PathBuf,
        #[command(flatten)]
        read: ReadOpts,
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
        #[command(flatten)]
        read: ReadOpts,
    },
    /// Print the flat node table of FILEs: one JSON object per speech,
    /// section, point and paragraph, the same fields on every line.
    Nodes {
        /// Input files or directories (searched recursively); `-` is stdin.
        files: Vec<PathBuf>,
        #[command(flatten)]
        batch: BatchOpts,
        #[command(flatten)]
        read: ReadOpts,
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

/// Why a run stopped early.
enum Fail {
    /// The reader of stdout went away (`| head`): end quietly.
    Closed,
    /// A message for stderr.
    Msg(String),
}

impl From<io::Error> for Fail {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Fail::Closed
        } else {
            Fail::Msg(e.to_string())
        }
    }
}

impl From<String> for Fail {
    fn from(e: String) -> Self {
        Fail::Msg(e)
    }
}

impl From<serde_json::Error> for Fail {
    fn from(e: serde_json::Error) -> Self {
        if e.io_error_kind() == Some(io::ErrorKind::BrokenPipe) {
            Fail::Closed
        } else {
            Fail::Msg(e.to_string())
        }
    }
}

/// Reads and parses `path`; with `want_text`, also returns the decoded
/// text that the spans point into. Errors are messages without the path.
fn load(path: &Path, want_text: bool, read: ReadOpts) -> Result<(Document, Option<String>), String> {
    let bytes = input::read_limited(path, read.max_bytes)?;
    // Detected once here; the parser is given the answer.
    let format = match read.format {
        Format::Auto => jianggao::input::detect(&bytes),
        f => f,
    };
    let parser = jianggao::Parser::new().format(format);
    if !want_text || format != Format::Text {
        // No copy of valid UTF-8 input; HTML and .docx keep the text they
        // were read as in the document.
        let mut doc = parser.parse_bytes(&bytes).map_err(|e| e.to_string())?;
        let text = if want_text { doc.extracted_text.take() } else { None };
        return Ok((doc, text));
    }
    let decoded = jianggao::decode::decode(&bytes).map_err(|e| e.to_string())?;
    drop(bytes);
    let doc = parser.parse_decoded(&decoded);
    Ok((doc, Some(decoded.text)))
}

/// Like [`load`], with the path (escaped for the terminal) in the message.
fn load_named(path: &Path, want_text: bool, read: ReadOpts) -> Result<(Document, Option<String>), String> {
    load(path, want_text, read).map_err(|e| format!("{}: {e}", display_path(path)))
}

/// A document with the fields the command line adds: `file` (and
/// `file_bytes` for a name that is not UTF-8) in batch mode, `offsets` when
/// spans count characters.
#[derive(Serialize)]
struct Output<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    file_bytes: Option<&'a [u8]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    offsets: Option<&'static str>,
    #[serde(flatten)]
    doc: &'a Document,
}

/// The JSONL line of an input that failed or was skipped.
#[derive(Serialize)]
struct ErrorLine<'a> {
    file: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    file_bytes: Option<&'a [u8]>,
    error: &'a str,
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

/// Reads a list of paths, one per line (on Unix, lines need not be UTF-8).
fn read_list(from: &Path) -> Result<Vec<PathBuf>, String> {
    let reader: Box<dyn BufRead> = if is_stdin(from) {
        Box::new(io::BufReader::new(io::stdin()))
    } else {
        let f = std::fs::File::open(from).map_err(|e| format!("{}: {e}", display_path(from)))?;
        Box::new(io::BufReader::new(f))
    };
    let mut out = Vec::new();
    for line in reader.split(b'\n') {
        let mut line = line.map_err(|e| format!("{}: {e}", display_path(from)))?;
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        if !line.iter().all(u8::is_ascii_whitespace) {
            out.push(path_from_bytes(line)?);
        }
    }
    Ok(out)
}

/// A path from the bytes of a line of `--files-from`.
fn path_from_bytes(line: Vec<u8>) -> Result<PathBuf, String> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        Ok(PathBuf::from(std::ffi::OsString::from_vec(line)))
    }
    #[cfg(not(unix))]
    {
        String::from_utf8(line).map(PathBuf::from).map_err(|_| "--files-from: a path that is not UTF-8".to_owned())
    }
}

/// The output of one input in batch mode: its JSONL line, and the message
/// for stderr when it failed or was skipped.
struct Line {
    json: String,
    error: Option<String>,
}

impl Line {
    /// The line of an input that failed with `error`.
    fn failed(path: &Path, error: &str) -> Line {
        let (name, bytes) = json_name(path);
        let json = jianggao::json::to_string(&ErrorLine { file: &name, file_bytes: bytes.as_deref(), error })
            .unwrap_or_else(|_| r#"{"error":"unprintable"}"#.to_owned());
        Line { json, error: Some(format!("{}: {}", display_path(path), escape(error, false))) }
    }
}

/// The `parse` line of one input.
fn parse_line(path: &Path, offsets: Offsets, read: ReadOpts) -> Line {
    let (name, bytes) = json_name(path);
    let result = load(path, offsets == Offsets::Chars, read).and_then(|(mut doc, text)| {
        convert(&mut doc, text.as_deref(), offsets);
        let output =
            Output { file: Some(&name), file_bytes: bytes.as_deref(), offsets: offsets_name(offsets), doc: &doc };
        jianggao::json::to_string(&output).map_err(|e| e.to_string())
    });
    match result {
        Ok(json) => Line { json, error: None },
        Err(e) => Line::failed(path, &e),
    }
}

/// The node-table rows of one input, one JSON object per line.
fn nodes_lines(path: &Path, offsets: Offsets, read: ReadOpts) -> Line {
    let (name, _) = json_name(path);
    let name = (!is_stdin(path)).then_some(name);
    let rows = load(path, true, read).and_then(|(doc, text)| {
        let text = text.unwrap_or_default();
        let rows = match offsets {
            Offsets::Chars => jianggao::render::nodes::node_table_chars(&doc, &text, name.as_deref()),
            Offsets::Bytes => doc.node_table(name.as_deref()),
        };
        let mut json = String::new();
        for row in rows {
            if !json.is_empty() {
                json.push('\n');
            }
            json.push_str(&jianggao::json::to_string(&row).map_err(|e| e.to_string())?);
        }
        Ok(json)
    });
    match rows {
        Ok(json) => Line { json, error: None },
        Err(e) => Line::failed(path, &e),
    }
}

/// Input bytes in flight at once in batch mode: files are started in order
/// while the inputs started and not yet written fit in this budget.
const IN_FLIGHT: u64 = 64 << 20;

/// Inputs from which a progress bar is shown (on a terminal).
const MANY: usize = 32;

/// The number of threads for `--jobs asked`: every core for 0, and at most
/// four per core.
fn job_count(asked: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    if asked == 0 {
        cores
    } else {
        asked.min(cores.saturating_mul(4)).max(1)
    }
}

/// What an input is expected to hold in memory: its size, within the limit.
fn weight(input: &Input, limit: u64) -> u64 {
    if input.skipped.is_some() {
        return 0;
    }
    std::fs::metadata(&input.path).map_or(1 << 20, |m| if m.is_file() { m.len() } else { limit }).min(limit)
}

/// Runs `line` on every input on `jobs` threads and writes the lines in
/// input order as each is ready. Returns false if any input failed or was
/// skipped.
fn batch(
    inputs: &[Input],
    jobs: usize,
    limit: u64,
    out: &mut impl Write,
    line: impl Fn(&Path) -> Line + Sync,
) -> Result<bool, Fail> {
    let progress = (io::stderr().is_terminal() && inputs.len() >= MANY).then(|| {
        let pb = ProgressBar::new(inputs.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed} (eta {eta})") {
            pb.set_style(style);
        }
        pb
    });
    let mut ok = true;
    let work = |input: &Input| match &input.skipped {
        Some(why) => Line::failed(&input.path, why),
        // A bug of the parser on one file gives that file an error line
        // (the panic message is on stderr) and the run goes on.
        None => std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| line(&input.path)))
            .unwrap_or_else(|_| Line::failed(&input.path, "internal error: the parser panicked on this input")),
    };
    let sink = |l: Line| -> Result<(), Fail> {
        if let Some(pb) = &progress {
            pb.inc(1);
        }
        if let Some(e) = l.error {
            ok = false;
            let msg = format!("jianggao: {e}");
            match &progress {
                Some(pb) => pb.println(msg),
                None => eprintln!("{msg}"),
            }
        }
        // An input with no rows (an empty node table) writes no line.
        if !l.json.is_empty() {
            // One write that ends in the newline: stdout is line-buffered,
            // and a write whose last newline is its last byte is passed on
            // without a search for newlines through the whole line.
            let mut json = l.json;
            json.push('\n');
            out.write_all(json.as_bytes())?;
        }
        // A reader of the pipe sees each line as it is done.
        out.flush()?;
        Ok(())
    };
    let result = cli::ordered::run(inputs, jobs, IN_FLIGHT, |i| weight(i, limit), work, sink);
    if let Some(pb) = progress {
        pb.finish_and_clear();
    }
    result.map(|()| ok)
}

fn write_json(out: &mut impl Write, value: &impl Serialize, compact: bool) -> Result<(), Fail> {
    if compact {
        jianggao::json::to_writer(&mut *out, value)?;
    } else {
        serde_json::to_writer_pretty(&mut *out, value)?;
    }
    writeln!(out)?;
    Ok(())
}

/// The inputs of a batch command: the paths given and read from
/// `--files-from`, directories expanded.
fn batch_inputs(files: Vec<PathBuf>, opts: &BatchOpts) -> Result<Vec<Input>, String> {
    let mut paths = files;
    if let Some(from) = &opts.files_from {
        if is_stdin(from) && paths.iter().any(|p| is_stdin(p)) {
            return Err("stdin cannot be both the list of files and an input".into());
        }
        paths.extend(read_list(from)?);
    }
    if paths.is_empty() && opts.files_from.is_none() {
        return Err("no input: give FILE, a directory, or --files-from".into());
    }
    let glob = input::matcher(&opts.glob)?;
    Ok(input::expand(&paths, &glob, opts.follow))
}

fn run(cli: Cli) -> Result<bool, Fail> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let ok = match cli.command {
        Command::Parse { files, batch: opts, read, compact, offsets } => {
            let single = opts.files_from.is_none() && files.len() == 1 && files.iter().all(|f| !f.is_dir());
            if single {
                let Some(file) = files.first() else {
                    return Err(Fail::Msg("no input".into()));
                };
                let (mut doc, text) = load_named(file, offsets == Offsets::Chars, read)?;
                convert(&mut doc, text.as_deref(), offsets);
                let output = Output { file: None, file_bytes: None, offsets: offsets_name(offsets), doc: &doc };
                write_json(&mut out, &output, compact)?;
                true
            } else {
                let inputs = batch_inputs(files, &opts)?;
                let jobs = job_count(opts.jobs);
                batch(&inputs, jobs, read.max_bytes, &mut out, |p| parse_line(p, offsets, read))?
            }
        }
        Command::Outline { file, depth, read } => {
            let (doc, _) = load_named(&file, false, read)?;
            let text = jianggao::render::outline::render_to_depth(&doc, depth);
            out.write_all(escape(&text, true).as_bytes())?;
            true
        }
        Command::Markdown { file, read } => {
            let (doc, _) = load_named(&file, false, read)?;
            out.write_all(escape(&doc.to_markdown(), true).as_bytes())?;
            true
        }
        Command::Chunks { file, max_chars, min_chars, heading_prefix, offsets, read } => {
            let (doc, text) = load_named(&file, true, read)?;
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
        Command::Nodes { files, batch: opts, read, offsets } => {
            let inputs = batch_inputs(files, &opts)?;
            let jobs = job_count(opts.jobs);
            batch(&inputs, jobs, read.max_bytes, &mut out, |p| nodes_lines(p, offsets, read))?
        }
        Command::Schema { of } => {
            let schema = match of.as_str() {
                "document" => Document::json_schema(),
                "chunk" => jianggao::Chunk::json_schema(),
                "node" => jianggao::NodeRow::json_schema(),
                other => return Err(format!("no schema of {other:?}: give document, chunk or node").into()),
            };
            write_json(&mut out, &schema, false)?;
            true
        }
    };
    out.flush()?;
    Ok(ok)
}

fn main() -> ExitCode {
    cli::alloc::pin_mmap_threshold();
    let cli = Cli::parse();
    match run(cli) {
        Ok(true) | Err(Fail::Closed) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(Fail::Msg(e)) => {
            eprintln!("jianggao: {e}");
            ExitCode::FAILURE
        }
    }
}
