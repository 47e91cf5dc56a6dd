//! Where the input comes from: files read with a size limit, and
//! directories walked for the files to read.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobMatcher};
use walkdir::WalkDir;

/// True for the path `-`, which names stdin.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Parses a byte count: digits with an optional decimal suffix `K`, `M`,
/// `G` (powers of 1000) or binary `KiB`, `MiB`, `GiB`.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    let n: u64 = digits.parse().map_err(|_| format!("not a byte count: {s:?} (e.g. 100M, 1G, 500000)"))?;
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" => 1_000,
        "m" | "mb" => 1_000_000,
        "g" | "gb" => 1_000_000_000,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        _ => return Err(format!("unknown unit in {s:?}: use K, M, G, KiB, MiB or GiB")),
    };
    n.checked_mul(mult).ok_or_else(|| format!("byte count too large: {s:?}"))
}

fn too_big(limit: u64, size: Option<u64>) -> String {
    let size = size.map_or_else(|| "longer than".to_owned(), |n| format!("{n} bytes, over"));
    format!("input is {size} the --max-bytes limit of {limit} bytes (raise it with --max-bytes)")
}

/// Reads all of `path` (`-`: stdin), refusing input longer than `limit`
/// bytes before reading it when its size is known, and after `limit + 1`
/// bytes otherwise (devices, pipes). Errors are messages without the path.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    if is_stdin(path) {
        return read_to_limit(io::stdin().lock(), limit, 0);
    }
    let file = File::open(path).map_err(|e| e.to_string())?;
    let meta = file.metadata().map_err(|e| e.to_string())?;
    if meta.is_dir() {
        return Err("is a directory".into());
    }
    let hint = if meta.is_file() {
        if meta.len() > limit {
            return Err(too_big(limit, Some(meta.len())));
        }
        meta.len()
    } else {
        0
    };
    read_to_limit(file, limit, hint)
}

fn read_to_limit(r: impl Read, limit: u64, hint: u64) -> Result<Vec<u8>, String> {
    let mut buf = Vec::with_capacity(usize::try_from(hint.saturating_add(1)).unwrap_or(0));
    r.take(limit.saturating_add(1)).read_to_end(&mut buf).map_err(|e| e.to_string())?;
    if buf.len() as u64 > limit {
        return Err(too_big(limit, None));
    }
    Ok(buf)
}

/// The glob that picks files from directories, matched against the path
/// below the directory, ignoring case (`*.txt` takes `A.TXT`).
pub fn matcher(pattern: &str) -> Result<GlobMatcher, String> {
    GlobBuilder::new(pattern)
        .case_insensitive(true)
        .build()
        .map(|g| g.compile_matcher())
        .map_err(|e| format!("--glob: {e}"))
}

/// One input: a path to read, or an entry of a directory that is not read,
/// with the reason.
#[derive(Debug)]
pub struct Input {
    /// The path, as given or as found below a directory.
    pub path: PathBuf,
    /// Why it is not read; `None` for a path to read.
    pub skipped: Option<String>,
}

impl Input {
    fn read(path: PathBuf) -> Self {
        Input { path, skipped: None }
    }

    fn skip(path: PathBuf, why: impl Into<String>) -> Self {
        Input { path, skipped: Some(why.into()) }
    }
}

/// Expands the inputs: a directory into the regular files below it whose
/// path below it matches `glob`, sorted by path, and the entries it skips;
/// other paths as given (a device or a FIFO named on the command line is
/// read, with the size limit).
///
/// Symbolic links are not followed unless `follow` is set; a link that
/// would have been read (its name matches, or it points to a directory) is
/// then reported as skipped. With `follow`, links that loop back to a
/// directory above them are reported and not entered. Entries that are
/// not regular files (FIFOs, sockets, devices) are reported when their
/// name matches; so are folders that cannot be read.
pub fn expand(paths: &[PathBuf], glob: &GlobMatcher, follow: bool) -> Vec<Input> {
    let mut out = Vec::new();
    for root in paths {
        if is_stdin(root) || !root.is_dir() {
            out.push(Input::read(root.clone()));
            continue;
        }
        let mut found = Vec::new();
        for entry in WalkDir::new(root).follow_links(follow).follow_root_links(true) {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = e.path().map_or_else(|| root.clone(), Path::to_path_buf);
                    let why = match (e.loop_ancestor(), e.io_error()) {
                        (Some(a), _) => format!("symbolic link loops back to {}", super::term::display_path(a)),
                        (None, Some(io)) => io.to_string(),
                        (None, None) => e.to_string(),
                    };
                    found.push(Input::skip(path, why));
                    continue;
                }
            };
            let ft = entry.file_type();
            if entry.depth() == 0 || ft.is_dir() {
                continue;
            }
            let path = entry.into_path();
            let matches = glob.is_match(path.strip_prefix(root).unwrap_or(&path));
            if ft.is_file() {
                if matches {
                    found.push(Input::read(path));
                }
            } else if ft.is_symlink() {
                // Only met when links are not followed.
                if matches || path.is_dir() {
                    found.push(Input::skip(path, "symbolic link not followed (use --follow)"));
                }
            } else if matches {
                found.push(Input::skip(path, format!("not a regular file ({})", kind(&ft))));
            }
        }
        found.sort_by(|a, b| a.path.cmp(&b.path));
        out.extend(found);
    }
    out
}

/// The kind of a file that is not a regular file, a directory or a link.
fn kind(ft: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "FIFO";
        }
        if ft.is_socket() {
            return "socket";
        }
        if ft.is_block_device() || ft.is_char_device() {
            return "device";
        }
    }
    let _ = ft;
    "special file"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_size_should_read_units() {
        assert_eq!(parse_size("500000"), Ok(500_000));
        assert_eq!(parse_size("100M"), Ok(100_000_000));
        assert_eq!(parse_size("2 GiB"), Ok(2 << 30));
        assert_eq!(parse_size("1kb"), Ok(1000));
        assert!(parse_size("ten").is_err());
        assert!(parse_size("5X").is_err());
        assert!(parse_size("99999999999999G").is_err());
    }

    #[test]
    fn matcher_should_ignore_case() {
        let m = matcher("*.txt").unwrap();
        assert!(m.is_match("a.TXT") && m.is_match("sub/b.Txt") && !m.is_match("c.md"));
    }
}
