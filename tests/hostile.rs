//! Hostile input: shapes that used to take quadratic time, directory trees
//! with links, loops and FIFOs, escape sequences, names that are not UTF-8,
//! size limits and a closed pipe. Run against the library and the built
//! binary.

use std::io::{Read, Write};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

mod common;

const SMALL: &str = "一、总体要求\n要抓好落实。一是要学理论。二是要学业务。\n二、保障措施\n要加强领导。\n";

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_jianggao"))
}

/// Runs the binary with `args`, killing it after `secs` seconds (a run
/// that blocks or loops fails the test instead of hanging it).
fn run_within(args: &[&std::ffi::OsStr], secs: u64) -> Output {
    wait_within(spawn(args, Stdio::null()), secs)
}

/// Starts the binary with `args` and `stdin`, stdout and stderr piped.
fn spawn<I: IntoIterator<Item = S>, S: AsRef<std::ffi::OsStr>>(args: I, stdin: Stdio) -> Child {
    bin().args(args).stdin(stdin).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("the binary runs")
}

fn wait_within(mut child: Child, secs: u64) -> Output {
    // Drain stdout on a thread so that a long output cannot fill the pipe.
    let stdout = child.stdout.take();
    let reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(mut so) = stdout {
            let _ = so.read_to_end(&mut v);
        }
        v
    });
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(secs) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the binary did not finish within {secs} s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut out = child.wait_with_output().expect("output");
    out.stdout = reader.join().expect("reader");
    out
}

fn run(args: &[&str]) -> Output {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    run_within(&args, 60)
}

fn jsonl(o: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&o.stdout).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Asserts that parsing `make(8n)` costs at most about 12 times `make(n)`:
/// linear time with room for noise (quadratic time would give 64).
fn assert_linear(make: impl Fn(usize) -> String, n: usize) {
    let (small, big) = (make(n), make(8 * n));
    let t1 = common::best_of(3, || drop(jianggao::parse(&small)));
    let t8 = common::best_of(3, || drop(jianggao::parse(&big)));
    let ratio = t8.as_secs_f64() / t1.as_secs_f64().max(1e-4);
    assert!(ratio < 14.0, "8x the input took {ratio:.1}x the time ({t1:?} vs {t8:?})");
}

#[test]
fn a_long_table_of_contents_should_take_linear_time() {
    const CN: [char; 9] = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let toc = |n: usize| {
        let mut s = String::from("目录\n");
        for i in 0..n {
            s.push_str(&format!("{}、标题{i}……{i}\n", CN[i % 9]));
        }
        s.push_str("正文\n");
        s
    };
    // The table is read as one: every entry stays out of the outline.
    let doc = jianggao::parse(&toc(50));
    assert!(doc.nodes().count() < 5, "{} nodes", doc.nodes().count());
    assert_linear(toc, 3000);
}

#[test]
fn lines_chosen_to_collide_in_an_unkeyed_hash_should_take_linear_time() {
    const A: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let lines = |n: usize| {
        let mut s = String::with_capacity(n * 9);
        for i in 0..n {
            s.push_str("xxxx");
            for j in 0..4u32 {
                s.push(char::from(A[i / 62usize.pow(j) % 62]));
            }
            s.push('\n');
        }
        s
    };
    assert_linear(lines, 4000);
}

/// Counts the heap bytes that the current thread holds, and the most it
/// held at once: the library parses on the calling thread, so tests that
/// run at the same time do not mix in, and the figures do not depend on
/// the machine's speed or load.
mod heap {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    pub struct Counting;

    thread_local! {
        static LIVE: Cell<isize> = const { Cell::new(0) };
        static PEAK: Cell<isize> = const { Cell::new(0) };
    }

    fn add(n: isize) {
        let _ = LIVE.try_with(|live| {
            let v = live.get() + n;
            live.set(v);
            let _ = PEAK.try_with(|p| p.set(p.get().max(v)));
        });
    }

    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            add(layout.size() as isize);
            unsafe { System.alloc(layout) }
        }
        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            add(layout.size() as isize);
            unsafe { System.alloc_zeroed(layout) }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            add(-(layout.size() as isize));
            unsafe { System.dealloc(ptr, layout) }
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            add(new_size as isize - layout.size() as isize);
            unsafe { System.realloc(ptr, layout, new_size) }
        }
    }

    /// The result of `f` and the most heap it held at once beyond what
    /// was held before.
    pub fn peak_of<T>(f: impl FnOnce() -> T) -> (T, usize) {
        let base = LIVE.with(Cell::get);
        PEAK.with(|p| p.set(base));
        let out = f();
        (out, usize::try_from(PEAK.with(Cell::get) - base).unwrap_or(0))
    }
}

#[global_allocator]
static HEAP: heap::Counting = heap::Counting;

/// The most heap `jianggao::parse` holds at once for `make(n)`, as a
/// multiple of the text's size (the text itself not counted). A first
/// parse of the same shape builds the shared word tables, which stay.
fn heap_ratio(make: impl Fn(usize) -> String, n: usize) -> f64 {
    drop(jianggao::parse(&make(50)));
    let text = make(n);
    let (doc, peak) = heap::peak_of(|| jianggao::parse(&text));
    assert!(!doc.speeches.is_empty());
    peak as f64 / text.len() as f64
}

#[test]
fn very_many_short_lines_should_cost_a_bounded_multiple_of_their_size() {
    const CN: [char; 9] = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const WORDS: [&str; 5] = ["要抓好落实", "要加强领导", "要学习理论", "要改进作风", "要严守纪律"];
    let sentences = |n: usize| (0..n).map(|i| format!("{}{}。\n", WORDS[i % 5], CN[i % 9])).collect::<String>();
    // 22 bytes a line: the blocks and their texts, with the line units in
    // segmentation or a few lists of the outline stage, about 130 bytes a
    // line (5.9x; 9.1x before the line units were made small and the lists
    // of the metadata and outline stages kept lengths, not copies).
    let ratio = heap_ratio(sentences, 20_000);
    assert!(ratio < 6.5, "{ratio:.2}x the input");
    // 9 bytes a line: shorter than the line's own bookkeeping (14.9x; 22.8x
    // before). The document alone is 8x: a paragraph and its text a line.
    const A: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let lines = |n: usize| {
        let at = |i: usize, j: u32| char::from(A[i / 62usize.pow(j) % 62]);
        (0..n).map(|i| format!("xxxx{}{}{}{}\n", at(i, 0), at(i, 1), at(i, 2), at(i, 3))).collect::<String>()
    };
    let ratio = heap_ratio(lines, 20_000);
    assert!(ratio < 16.5, "{ratio:.2}x the input");
}

#[test]
fn a_long_table_of_contents_should_cost_a_bounded_multiple_of_its_size() {
    const CN: [char; 9] = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let toc = |n: usize| {
        let entries = (0..n).map(|i| format!("{}、标题{i}……{i}\n", CN[i % 9])).collect::<String>();
        format!("目录\n{entries}正文\n")
    };
    // Every entry a block, then a noise entry; the set of entries seen
    // holds the blocks' texts, not copies of their keys (5.0x).
    let ratio = heap_ratio(toc, 20_000);
    assert!(ratio < 5.5, "{ratio:.2}x the input");
}

#[test]
fn a_few_nul_bytes_should_give_a_diagnostic_and_binary_should_still_be_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = dir.path().join("nul.txt");
    std::fs::write(&text, format!("{SMALL}\0{SMALL}")).expect("write");
    let o = run(&["parse", "--compact", text.to_str().expect("utf-8")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let kinds: Vec<&str> =
        doc["diagnostics"].as_array().expect("array").iter().filter_map(|d| d["kind"].as_str()).collect();
    assert!(kinds.contains(&"nul_bytes"), "{kinds:?}");

    let bin_file = dir.path().join("bin.txt");
    std::fs::write(&bin_file, [0u8, 1, 2, 3, 0, 0, 0, 7].repeat(100)).expect("write");
    let o = run(&["parse", bin_file.to_str().expect("utf-8")]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("bin.txt"));
}

#[test]
fn input_over_max_bytes_should_be_refused_with_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.txt");
    std::fs::write(&path, SMALL.repeat(100)).expect("write");
    let p = path.to_str().expect("utf-8");
    let o = run(&["parse", "--max-bytes", "1K", p]);
    assert!(!o.status.success());
    let e = stderr(&o);
    assert!(e.contains("big.txt") && e.contains("--max-bytes") && e.contains("1000 bytes"), "{e}");
    assert!(run(&["parse", "--max-bytes", "1M", p]).status.success());
    assert!(run(&["outline", "--max-bytes", "1K", p]).status.code() == Some(1));
    let o = run(&["parse", "--max-bytes", "lots", p]);
    assert_eq!(o.status.code(), Some(2), "a bad size is a usage error");
}

#[cfg(unix)]
#[test]
fn endless_devices_should_be_read_only_up_to_the_limit() {
    for dev in ["/dev/zero", "/dev/urandom"] {
        let o = run(&["parse", "--max-bytes", "2M", dev]);
        assert!(!o.status.success());
        assert!(stderr(&o).contains("--max-bytes"), "{}", stderr(&o));
    }
}

#[test]
fn escape_sequences_and_bidi_overrides_should_not_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("esc.txt");
    let text = "一、总体\u{1b}]0;title\u{7}要求\n要抓\u{1b}[2J好落实。\n二、保障\u{202E}措施\n要加强领导。\n";
    std::fs::write(&path, text).expect("write");
    let p = path.to_str().expect("utf-8");
    for cmd in ["outline", "markdown"] {
        let o = run(&[cmd, p]);
        assert!(o.status.success(), "{cmd}: {}", stderr(&o));
        let out = String::from_utf8(o.stdout).expect("UTF-8");
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}') && !out.contains('\u{202E}'), "{cmd}: {out}");
        assert!(out.contains("\\x1b") && out.contains("\\u{202e}"), "{cmd}: {out}");
    }
    // JSON keeps the text as it is (escaped by JSON itself).
    let o = run(&["parse", "--compact", p]);
    assert!(!o.stdout.contains(&0x1b));
    assert!(String::from_utf8_lossy(&o.stdout).contains("\\u001b"));
}

#[test]
fn file_names_with_escapes_should_be_escaped_on_stderr() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("no\u{1b}[2Jsuch.txt");
    let o = run(&["parse", path.to_str().expect("utf-8")]);
    assert!(!o.status.success());
    let e = stderr(&o);
    assert!(!e.contains('\u{1b}') && e.contains("no\\x1b[2Jsuch.txt"), "{e}");
}

#[test]
fn jobs_should_be_capped() {
    let dir = tempfile::tempdir().expect("temp dir");
    for i in 0..5 {
        std::fs::write(dir.path().join(format!("{i}.txt")), SMALL).expect("write");
    }
    let o = run(&["parse", "--jobs", "100000", dir.path().to_str().expect("utf-8")]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(jsonl(&o).len(), 5);
}

#[test]
fn the_default_glob_should_ignore_case() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("A.TXT"), SMALL).expect("write");
    std::fs::write(dir.path().join("b.Txt"), SMALL).expect("write");
    std::fs::write(dir.path().join("c.md"), SMALL).expect("write");
    let o = run(&["parse", dir.path().to_str().expect("utf-8")]);
    let files: Vec<String> = jsonl(&o).iter().map(|l| l["file"].as_str().unwrap_or("").to_owned()).collect();
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(files[0].ends_with("A.TXT") && files[1].ends_with("b.Txt"), "{files:?}");
}

#[test]
fn many_files_should_come_out_in_input_order_on_several_jobs() {
    let dir = tempfile::tempdir().expect("temp dir");
    for i in 0..40 {
        // Sizes vary so that later files may finish first.
        let body = SMALL.repeat(if i % 3 == 0 { 400 } else { 1 });
        std::fs::write(dir.path().join(format!("{i:02}.txt")), body).expect("write");
    }
    let o = run(&["parse", "--jobs", "4", dir.path().to_str().expect("utf-8")]);
    assert!(o.status.success());
    let files: Vec<String> = jsonl(&o).iter().map(|l| l["file"].as_str().unwrap_or("").to_owned()).collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files.len(), 40);
    assert_eq!(files, sorted);
}

/// Spawns `parse` of `path` with stdout piped, reads a little of it, closes
/// the pipe, and returns what the run ended with.
fn close_early(args: &[&str]) -> Output {
    let mut child = spawn(args, Stdio::null());
    let mut so = child.stdout.take().expect("piped");
    let mut first = [0u8; 64];
    so.read_exact(&mut first).expect("some output");
    drop(so);
    wait_within(child, 60)
}

#[test]
fn a_closed_pipe_should_end_the_run_quietly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let big = dir.path().join("big.txt");
    std::fs::write(&big, SMALL.repeat(20_000)).expect("write");
    for i in 0..20 {
        std::fs::write(dir.path().join(format!("{i:02}.txt")), SMALL.repeat(2000)).expect("write");
    }
    for args in [vec!["parse", big.to_str().expect("utf-8")], vec!["parse", dir.path().to_str().expect("utf-8")]] {
        let o = close_early(&args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).is_empty(), "{args:?}: {}", stderr(&o));
    }
}

#[cfg(unix)]
mod unix {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::{symlink, PermissionsExt};

    use super::*;

    fn files(o: &Output) -> Vec<(String, bool)> {
        jsonl(o)
            .iter()
            .map(|l| {
                let name = l["file"].as_str().unwrap_or("").to_owned();
                (name, l.get("error").is_none())
            })
            .collect()
    }

    fn tree() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
        std::fs::write(dir.path().join("a.txt"), SMALL).expect("write");
        std::fs::write(dir.path().join("sub/b.txt"), SMALL).expect("write");
        dir
    }

    #[test]
    fn symlinks_out_of_the_tree_should_not_be_followed_by_default() {
        let outside = tempfile::tempdir().expect("temp dir");
        std::fs::write(outside.path().join("secret.txt"), SMALL).expect("write");
        let dir = tree();
        symlink(outside.path(), dir.path().join("ext")).expect("symlink");
        symlink(outside.path().join("secret.txt"), dir.path().join("s.txt")).expect("symlink");
        let o = run(&["parse", dir.path().to_str().expect("utf-8")]);
        assert_eq!(o.status.code(), Some(1), "skipped links make the run fail");
        let got = files(&o);
        assert!(got.iter().all(|(f, _)| !f.contains("secret")), "{got:?}");
        let skipped: Vec<&str> = got.iter().filter(|(_, ok)| !ok).map(|(f, _)| f.as_str()).collect();
        assert_eq!(skipped.len(), 2, "{got:?}");
        assert!(skipped[0].ends_with("ext") && skipped[1].ends_with("s.txt"), "{skipped:?}");
        assert!(stderr(&o).contains("--follow"), "{}", stderr(&o));
        assert_eq!(got.iter().filter(|(_, ok)| *ok).count(), 2);

        let o = run(&["parse", "--follow", dir.path().to_str().expect("utf-8")]);
        assert!(o.status.success(), "{}", stderr(&o));
        let got = files(&o);
        assert_eq!(got.iter().filter(|(f, _)| f.contains("secret")).count(), 1, "{got:?}");
        assert_eq!(got.len(), 4, "{got:?}");
    }

    #[test]
    fn loops_of_links_should_be_reported_once_and_finish() {
        let dir = tree();
        symlink(".", dir.path().join("self1")).expect("symlink");
        symlink(".", dir.path().join("sub/self2")).expect("symlink");
        symlink("..", dir.path().join("sub/up")).expect("symlink");
        let p = dir.path().to_str().expect("utf-8");
        for follow in [false, true] {
            let args: Vec<&OsStr> = ["parse", if follow { "--follow" } else { "--jobs=1" }, p].map(OsStr::new).to_vec();
            let o = run_within(&args, 30);
            assert_eq!(o.status.code(), Some(1));
            let got = files(&o);
            let read: Vec<&String> = got.iter().filter(|(_, ok)| *ok).map(|(f, _)| f).collect();
            // Each text once: no file repeated through a loop.
            assert_eq!(read.len(), 2, "follow={follow}: {got:?}");
            assert_eq!(got.iter().filter(|(_, ok)| !ok).count(), 3, "follow={follow}: {got:?}");
            if follow {
                assert!(stderr(&o).contains("loops back"), "{}", stderr(&o));
            }
        }
    }

    #[test]
    fn a_fifo_named_txt_should_be_skipped_without_blocking() {
        let dir = tree();
        let fifo = dir.path().join("pipe.txt");
        let made = Command::new("mkfifo").arg(&fifo).status().map(|s| s.success()).unwrap_or(false);
        if !made {
            eprintln!("mkfifo unavailable; skipped");
            return;
        }
        let o = run_within(&[OsStr::new("parse"), dir.path().as_os_str()], 20);
        assert_eq!(o.status.code(), Some(1));
        let got = files(&o);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got.iter().any(|(f, ok)| f.ends_with("pipe.txt") && !ok), "{got:?}");
        assert!(stderr(&o).contains("not a regular file (FIFO)"), "{}", stderr(&o));
    }

    #[test]
    fn an_unreadable_folder_should_be_reported() {
        let dir = tree();
        let locked = dir.path().join("locked");
        std::fs::create_dir(&locked).expect("mkdir");
        std::fs::write(locked.join("c.txt"), SMALL).expect("write");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        if std::fs::read_dir(&locked).is_ok() {
            // Running as root: permissions do not stop reading.
            let _ = std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755));
            eprintln!("folder permissions are not enforced here; skipped");
            return;
        }
        let o = run(&["parse", dir.path().to_str().expect("utf-8")]);
        let _ = std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755));
        assert_eq!(o.status.code(), Some(1));
        let got = files(&o);
        assert!(got.iter().any(|(f, ok)| f.ends_with("locked") && !ok), "{got:?}");
        assert_eq!(got.iter().filter(|(_, ok)| *ok).count(), 2);
    }

    #[test]
    fn names_that_are_not_utf8_should_stay_apart_in_json() {
        let dir = tempfile::tempdir().expect("temp dir");
        let names: [&[u8]; 2] = [b"a\xff.txt", b"a\xfe.txt"];
        for n in names {
            let path = dir.path().join(OsStr::from_bytes(n));
            if std::fs::write(&path, SMALL).is_err() {
                eprintln!("the file system refuses names that are not UTF-8; skipped");
                return;
            }
        }
        let o = run(&["parse", dir.path().to_str().expect("utf-8")]);
        assert!(o.status.success(), "{}", stderr(&o));
        let lines = jsonl(&o);
        assert_eq!(lines.len(), 2);
        let raw: Vec<Vec<u8>> = lines
            .iter()
            .map(|l| {
                let bytes = l["file_bytes"].as_array().expect("file_bytes for a name that is not UTF-8");
                bytes.iter().map(|b| b.as_u64().and_then(|b| u8::try_from(b).ok()).expect("a byte")).collect()
            })
            .collect();
        assert_ne!(raw[0], raw[1]);
        let dir_bytes = dir.path().as_os_str().as_bytes();
        let mut want: Vec<Vec<u8>> = names.iter().map(|n| [dir_bytes, b"/", n].concat()).collect();
        want.sort();
        assert_eq!(raw, want);
        // A UTF-8 name has no file_bytes.
        std::fs::write(dir.path().join("讲稿.txt"), SMALL).expect("write");
        let o = run(&["parse", dir.path().to_str().expect("utf-8")]);
        let utf8: Vec<Value> =
            jsonl(&o).into_iter().filter(|l| l["file"].as_str().is_some_and(|f| f.ends_with("讲稿.txt"))).collect();
        assert_eq!(utf8.len(), 1);
        assert!(utf8[0].get("file_bytes").is_none());
    }

    #[test]
    fn files_from_should_take_names_that_are_not_utf8() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(OsStr::from_bytes(b"b\xfe.txt"));
        if std::fs::write(&path, SMALL).is_err() {
            return;
        }
        let mut child = spawn(["parse", "--files-from", "-"], Stdio::piped());
        let mut list = path.as_os_str().as_bytes().to_vec();
        list.extend_from_slice(b"\r\n\n");
        child.stdin.take().expect("piped").write_all(&list).expect("write the list");
        let o = wait_within(child, 20);
        assert!(o.status.success(), "{}", stderr(&o));
        let lines = jsonl(&o);
        assert_eq!(lines.len(), 1);
        assert!(lines[0]["file_bytes"].is_array() && lines[0]["speeches"].is_array());
    }

    #[test]
    fn a_fifo_named_on_the_command_line_is_read_with_the_limit() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("in.txt");
        if !Command::new("mkfifo").arg(&fifo).status().map(|s| s.success()).unwrap_or(false) {
            return;
        }
        let args = [
            OsStr::new("parse"),
            OsStr::new("--compact"),
            OsStr::new("--max-bytes"),
            OsStr::new("1M"),
            fifo.as_os_str(),
        ];
        let child = spawn(args, Stdio::inherit());
        let mut w = std::fs::OpenOptions::new().write(true).open(&fifo).expect("open the FIFO");
        w.write_all(SMALL.as_bytes()).expect("write");
        drop(w);
        let o = wait_within(child, 20);
        assert!(o.status.success(), "{}", stderr(&o));
    }
}
