//! The native module of the `jianggao` Python package: parsing, chunks and
//! the node table, with the GIL released while Rust works.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use jianggao::render::chunks::{chunks_with_source, ChunkOptions};
use jianggao::render::nodes::node_table;
use jianggao::{CharOffsets, Document};
use pyo3::exceptions::{PyFileNotFoundError, PyOSError, PyPermissionError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use pythonize::pythonize;

/// What a source argument holds.
enum Input {
    Text(String),
    Bytes(Vec<u8>),
    Path(PathBuf),
}

/// `str` is text, `bytes`/`bytearray` are encoded text, and an
/// `os.PathLike` (such as `pathlib.Path`) names a file.
fn input(source: &Bound<'_, PyAny>) -> PyResult<Input> {
    if let Ok(s) = source.cast::<PyString>() {
        return Ok(Input::Text(s.to_cow()?.into_owned()));
    }
    if let Ok(b) = source.cast::<PyBytes>() {
        return Ok(Input::Bytes(b.as_bytes().to_vec()));
    }
    if let Ok(v) = source.extract::<Vec<u8>>() {
        if source.hasattr("decode")? {
            return Ok(Input::Bytes(v));
        }
    }
    if source.hasattr("__fspath__")? {
        return Ok(Input::Path(source.extract::<PathBuf>()?));
    }
    Err(PyTypeError::new_err("expected str (text), bytes (encoded text) or os.PathLike (a file)"))
}

/// A failure while reading or decoding, raised in Python as the fitting
/// exception.
enum Failure {
    Io(std::io::ErrorKind, String),
    Decode(String),
}

impl From<Failure> for PyErr {
    fn from(f: Failure) -> PyErr {
        match f {
            Failure::Io(std::io::ErrorKind::NotFound, m) => PyFileNotFoundError::new_err(m),
            Failure::Io(std::io::ErrorKind::PermissionDenied, m) => PyPermissionError::new_err(m),
            Failure::Io(_, m) => PyOSError::new_err(m),
            Failure::Decode(m) => PyValueError::new_err(m),
        }
    }
}

impl Failure {
    fn message(&self) -> &str {
        match self {
            Failure::Io(_, m) | Failure::Decode(m) => m,
        }
    }
}

/// A parsed input: the document, the decoded text its spans point into,
/// and the file name for a file.
struct Parsed {
    doc: Document,
    text: String,
    file: Option<String>,
}

fn decode(bytes: &[u8], name: Option<&str>) -> Result<(Document, String), Failure> {
    let decoded = jianggao::decode::decode(bytes).map_err(|e| Failure::Decode(named(name, e)))?;
    let doc = jianggao::Parser::new().parse_decoded(&decoded);
    Ok((doc, decoded.text))
}

fn named(name: Option<&str>, e: impl std::fmt::Display) -> String {
    match name {
        Some(n) => format!("{n}: {e}"),
        None => e.to_string(),
    }
}

fn read(path: &Path) -> Result<Parsed, Failure> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Failure::Io(e.kind(), named(Some(&name), &e)))?;
    let (doc, text) = decode(&bytes, Some(&name))?;
    Ok(Parsed { doc, text, file: Some(name) })
}

/// Parses an input (with the GIL released).
fn run(py: Python<'_>, source: &Bound<'_, PyAny>) -> PyResult<Parsed> {
    let input = input(source)?;
    let parsed = py.detach(move || match input {
        Input::Text(text) => Ok(Parsed { doc: jianggao::parse(&text), text, file: None }),
        Input::Bytes(bytes) => decode(&bytes, None).map(|(doc, text)| Parsed { doc, text, file: None }),
        Input::Path(path) => read(&path),
    })?;
    Ok(parsed)
}

/// True for character offsets, false for bytes.
fn chars(offsets: &str) -> PyResult<bool> {
    match offsets {
        "chars" => Ok(true),
        "bytes" => Ok(false),
        other => Err(PyValueError::new_err(format!("offsets must be \"chars\" or \"bytes\", not {other:?}"))),
    }
}

/// The document as Python objects, with `file` and `offsets` keys as the
/// command line writes them.
fn document<'py>(py: Python<'py>, mut p: Parsed, chars: bool) -> PyResult<Bound<'py, PyAny>> {
    if chars {
        p.doc.convert_to_char_offsets(&p.text);
    }
    let dict = build::document(py, &p.doc)?;
    if let Some(file) = &p.file {
        dict.set_item(pyo3::intern!(py, "file"), file)?;
    }
    if chars {
        dict.set_item(pyo3::intern!(py, "offsets"), pyo3::intern!(py, "chars"))?;
    }
    Ok(dict.into_any())
}

/// The Document built straight into dicts and lists with interned keys, in
/// the shape (and key order) that serde gives it: the same objects as
/// `json.loads` of the command line's JSON, without going through a
/// serializer.
mod build {
    use jianggao::model::{Diagnostic, Marker, Metadata, Noise, Paragraph, Section, Span, Speech};
    use jianggao::Document;
    use pyo3::intern;
    use pyo3::prelude::*;
    use pyo3::types::{PyDict, PyList};

    type Dict<'py> = Bound<'py, PyDict>;

    fn span<'py>(py: Python<'py>, s: Span) -> PyResult<Dict<'py>> {
        let d = PyDict::new(py);
        d.set_item(intern!(py, "start"), s.start)?;
        d.set_item(intern!(py, "end"), s.end)?;
        Ok(d)
    }

    fn opt_span<'py>(py: Python<'py>, s: Option<Span>) -> PyResult<Bound<'py, PyAny>> {
        match s {
            Some(s) => Ok(span(py, s)?.into_any()),
            None => Ok(py.None().into_bound(py)),
        }
    }

    fn list<'py, T>(
        py: Python<'py>,
        items: &[T],
        f: impl Fn(Python<'py>, &T) -> PyResult<Dict<'py>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let l = PyList::empty(py);
        for item in items {
            l.append(f(py, item)?)?;
        }
        Ok(l)
    }

    fn paragraph<'py>(py: Python<'py>, p: &Paragraph) -> PyResult<Dict<'py>> {
        let d = PyDict::new(py);
        d.set_item(intern!(py, "text"), &p.text)?;
        d.set_item(intern!(py, "span"), span(py, p.span)?)?;
        Ok(d)
    }

    fn marker<'py>(py: Python<'py>, m: &Marker) -> PyResult<Dict<'py>> {
        let d = PyDict::new(py);
        d.set_item(intern!(py, "text"), &m.text)?;
        d.set_item(intern!(py, "kind"), m.kind.name())?;
        d.set_item(intern!(py, "ordinal"), m.ordinal)?;
        d.set_item(intern!(py, "span"), span(py, m.span)?)?;
        Ok(d)
    }

    /// A section or point; points nest, so the tree is built with an
    /// explicit stack rather than by recursion.
    fn section<'py>(py: Python<'py>, root: &Section) -> PyResult<Dict<'py>> {
        let shell = |s: &Section| -> PyResult<Dict<'py>> {
            let d = PyDict::new(py);
            match &s.marker {
                Some(m) => d.set_item(intern!(py, "marker"), marker(py, m)?)?,
                None => d.set_item(intern!(py, "marker"), py.None())?,
            }
            d.set_item(intern!(py, "title"), &s.title)?;
            d.set_item(intern!(py, "title_span"), opt_span(py, s.title_span)?)?;
            d.set_item(intern!(py, "paragraphs"), list(py, &s.paragraphs, paragraph)?)?;
            Ok(d)
        };
        // Each frame: the section, its dict, its points list, the next child.
        let top = shell(root)?;
        let mut stack: Vec<(&Section, Dict<'py>, Bound<'py, PyList>, usize)> =
            vec![(root, top.clone(), PyList::empty(py), 0)];
        while let Some(frame) = stack.last_mut() {
            let (s, _, points, next) = frame;
            if let Some(child) = s.points.get(*next) {
                *next += 1;
                let d = shell(child)?;
                points.append(&d)?;
                stack.push((child, d, PyList::empty(py), 0));
                continue;
            }
            let Some((s, d, points, _)) = stack.pop() else { break };
            d.set_item(intern!(py, "points"), points)?;
            d.set_item(intern!(py, "span"), span(py, s.span)?)?;
        }
        Ok(top)
    }

    fn metadata<'py>(py: Python<'py>, m: &Metadata) -> PyResult<Dict<'py>> {
        let d = PyDict::new(py);
        d.set_item(intern!(py, "speaker"), &m.speaker)?;
        d.set_item(intern!(py, "speaker_span"), opt_span(py, m.speaker_span)?)?;
        d.set_item(intern!(py, "date"), &m.date)?;
        d.set_item(intern!(py, "date_span"), opt_span(py, m.date_span)?)?;
        d.set_item(intern!(py, "occasion"), &m.occasion)?;
        d.set_item(intern!(py, "occasion_span"), opt_span(py, m.occasion_span)?)?;
        d.set_item(intern!(py, "source"), &m.source)?;
        d.set_item(intern!(py, "source_span"), opt_span(py, m.source_span)?)?;
        Ok(d)
    }

    fn speech<'py>(py: Python<'py>, s: &Speech) -> PyResult<Dict<'py>> {
        let d = PyDict::new(py);
        d.set_item(intern!(py, "title"), &s.title)?;
        d.set_item(intern!(py, "title_span"), opt_span(py, s.title_span)?)?;
        d.set_item(intern!(py, "metadata"), metadata(py, &s.metadata)?)?;
        d.set_item(intern!(py, "greeting"), &s.greeting)?;
        d.set_item(intern!(py, "greeting_span"), opt_span(py, s.greeting_span)?)?;
        d.set_item(intern!(py, "preamble"), list(py, &s.preamble, paragraph)?)?;
        d.set_item(intern!(py, "sections"), list(py, &s.sections, section)?)?;
        d.set_item(intern!(py, "conclusion"), list(py, &s.conclusion, paragraph)?)?;
        d.set_item(intern!(py, "closing"), &s.closing)?;
        d.set_item(intern!(py, "closing_span"), opt_span(py, s.closing_span)?)?;
        d.set_item(intern!(py, "span"), span(py, s.span)?)?;
        Ok(d)
    }

    fn noise<'py>(py: Python<'py>, n: &Noise) -> PyResult<Dict<'py>> {
        let d = PyDict::new(py);
        d.set_item(intern!(py, "text"), &n.text)?;
        d.set_item(intern!(py, "span"), span(py, n.span)?)?;
        d.set_item(intern!(py, "reason"), n.reason.as_str())?;
        Ok(d)
    }

    fn diagnostic<'py>(py: Python<'py>, g: &Diagnostic) -> PyResult<Dict<'py>> {
        let d = PyDict::new(py);
        d.set_item(intern!(py, "kind"), g.kind.as_str())?;
        d.set_item(intern!(py, "message"), &g.message)?;
        d.set_item(intern!(py, "span"), opt_span(py, g.span)?)?;
        Ok(d)
    }

    pub(crate) fn document<'py>(py: Python<'py>, doc: &Document) -> PyResult<Dict<'py>> {
        let d = PyDict::new(py);
        d.set_item(intern!(py, "schema_version"), doc.schema_version)?;
        d.set_item(intern!(py, "speeches"), list(py, &doc.speeches, speech)?)?;
        d.set_item(intern!(py, "noise"), list(py, &doc.noise, noise)?)?;
        d.set_item(intern!(py, "diagnostics"), list(py, &doc.diagnostics, diagnostic)?)?;
        d.set_item(intern!(py, "truncated"), doc.truncated)?;
        d.set_item(intern!(py, "encoding"), &doc.encoding)?;
        if let Some(t) = &doc.extracted_text {
            d.set_item(intern!(py, "extracted_text"), t)?;
        }
        Ok(d)
    }
}

/// Parses a text (`str`), encoded text (`bytes`) or a file (`os.PathLike`)
/// into the Document as dicts and lists.
#[pyfunction]
#[pyo3(signature = (source, *, offsets = "chars"))]
fn parse<'py>(py: Python<'py>, source: &Bound<'py, PyAny>, offsets: &str) -> PyResult<Bound<'py, PyAny>> {
    let chars = chars(offsets)?;
    let parsed = run(py, source)?;
    document(py, parsed, chars)
}

/// Reads and parses a file.
#[pyfunction]
#[pyo3(signature = (path, *, offsets = "chars"))]
fn parse_file<'py>(py: Python<'py>, path: PathBuf, offsets: &str) -> PyResult<Bound<'py, PyAny>> {
    let chars = chars(offsets)?;
    let parsed = py.detach(|| read(&path))?;
    document(py, parsed, chars)
}

/// Reads and parses many files on `jobs` threads (default: every core),
/// with the GIL released. Returns the documents in input order.
#[pyfunction]
#[pyo3(signature = (paths, *, jobs = None, offsets = "chars", errors = "raise"))]
fn parse_many<'py>(
    py: Python<'py>,
    paths: Vec<PathBuf>,
    jobs: Option<usize>,
    offsets: &str,
    errors: &str,
) -> PyResult<Bound<'py, PyList>> {
    let chars = chars(offsets)?;
    let raise = match errors {
        "raise" => true,
        "include" => false,
        other => return Err(PyValueError::new_err(format!("errors must be \"raise\" or \"include\", not {other:?}"))),
    };
    let jobs = jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .clamp(1, paths.len().max(1));
    let results: Vec<Result<Parsed, Failure>> = py.detach(|| {
        let next = AtomicUsize::new(0);
        let mut all: Vec<(usize, Result<Parsed, Failure>)> = std::thread::scope(|s| {
            let workers: Vec<_> = (0..jobs)
                .map(|_| {
                    s.spawn(|| {
                        let mut done = Vec::new();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(path) = paths.get(i) else { break };
                            let mut r = read(path);
                            if let Ok(p) = &mut r {
                                if chars {
                                    p.doc.convert_to_char_offsets(&p.text);
                                }
                                p.text = String::new();
                            }
                            done.push((i, r));
                        }
                        done
                    })
                })
                .collect();
            workers.into_iter().flat_map(|w| w.join().unwrap_or_default()).collect()
        });
        all.sort_by_key(|(i, _)| *i);
        all.into_iter().map(|(_, r)| r).collect()
    });
    let out = PyList::empty(py);
    for (path, r) in paths.iter().zip(results) {
        match r {
            // Offsets are converted already.
            Ok(p) => out.append(document(py, p, false).and_then(|d| {
                if chars {
                    if let Ok(dict) = d.cast::<PyDict>() {
                        dict.set_item("offsets", "chars")?;
                    }
                }
                Ok(d)
            })?)?,
            Err(e) if raise => return Err(e.into()),
            Err(e) => {
                let d = PyDict::new(py);
                d.set_item("file", path.display().to_string())?;
                d.set_item("error", e.message())?;
                out.append(d)?;
            }
        }
    }
    Ok(out)
}

/// Chunks for retrieval as dicts: id, parent_id, file, speech, depth,
/// marker, title, speaker, date, heading_path, text, span.
#[pyfunction]
#[pyo3(signature = (source, *, max_chars = 500, min_chars = 0, heading_prefix = false, file = None, offsets = "chars"))]
fn chunks<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    max_chars: usize,
    min_chars: usize,
    heading_prefix: bool,
    file: Option<String>,
    offsets: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let chars = chars(offsets)?;
    let parsed = run(py, source)?;
    let cs = py.detach(|| {
        let mut opts = ChunkOptions::new(max_chars).min_chars(min_chars).heading_prefix(heading_prefix);
        if let Some(name) = file.or(parsed.file.clone()) {
            opts = opts.file(name);
        }
        let mut cs = chunks_with_source(&parsed.doc, &parsed.text, &opts);
        if chars {
            let index = CharOffsets::new(&parsed.text);
            for c in &mut cs {
                c.span = index.span(c.span);
            }
        }
        cs
    });
    Ok(pythonize(py, &cs)?)
}

/// The flat node table as dicts: one per speech, section, point and
/// paragraph, with the same keys.
#[pyfunction]
#[pyo3(signature = (source, *, file = None, offsets = "chars"))]
fn nodes<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    file: Option<String>,
    offsets: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let chars = chars(offsets)?;
    let parsed = run(py, source)?;
    let rows = py.detach(|| {
        let name = file.or(parsed.file.clone());
        let mut rows = node_table(&parsed.doc, name.as_deref());
        if chars {
            let index = CharOffsets::new(&parsed.text);
            for r in &mut rows {
                r.span = index.span(r.span);
            }
        }
        rows
    });
    Ok(pythonize(py, &rows)?)
}

/// Decodes bytes as the parser does: returns `(text, encoding)`. Spans of
/// a document parsed from the bytes point into this text.
#[pyfunction]
fn decode_bytes(py: Python<'_>, data: Vec<u8>) -> PyResult<(String, String)> {
    let d = py.detach(|| jianggao::decode::decode(&data)).map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok((d.text, d.encoding.to_string()))
}

#[pymodule]
fn _jianggao(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_file, m)?)?;
    m.add_function(wrap_pyfunction!(parse_many, m)?)?;
    m.add_function(wrap_pyfunction!(chunks, m)?)?;
    m.add_function(wrap_pyfunction!(nodes, m)?)?;
    m.add_function(wrap_pyfunction!(decode_bytes, m)?)?;
    m.add("SCHEMA_VERSION", jianggao::SCHEMA_VERSION)?;
    Ok(())
}
