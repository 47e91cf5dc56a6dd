//! The command line, run as a built binary.
#![cfg(feature = "cli")]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const SMALL: &str = "一、总体要求\n要抓好落实。一是要学理论。二是要学业务。\n二、保障措施\n要加强领导。";

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_jianggao"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().expect("stdin is piped").write_all(input).expect("stdin takes the input");
    child.wait_with_output().expect("the binary finishes")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn jsonl(o: &Output) -> Vec<Value> {
    stdout(o).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A temp dir holding a copy of the fixtures (in a subdirectory), a text
/// file, a binary file named `*.txt`, and a Markdown file.
fn batch_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let nested = dir.path().join("seeds");
    std::fs::create_dir(&nested).expect("mkdir");
    for e in std::fs::read_dir(fixtures_dir().join("seeds")).expect("fixtures").flatten() {
        std::fs::copy(e.path(), nested.join(e.file_name())).expect("copy");
    }
    std::fs::write(dir.path().join("a-small.txt"), SMALL).expect("write");
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend([0u8; 64]);
    std::fs::write(dir.path().join("b-binary.txt"), png).expect("write");
    std::fs::write(dir.path().join("notes.md"), SMALL).expect("write");
    dir
}

#[test]
fn parse_of_one_file_should_print_one_pretty_document() {
    let dir = batch_dir();
    let path = dir.path().join("a-small.txt");
    let o = run(&["parse", path.to_str().expect("utf-8 path")]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.lines().count() > 1, "pretty JSON spans lines");
    let doc: jianggao::Document = serde_json::from_str(&out).expect("a Document");
    assert_eq!(doc, jianggao::parse(SMALL));
    let v: Value = serde_json::from_str(&out).expect("JSON");
    assert!(v.get("file").is_none(), "a single document has no file field");
    assert!(v.get("offsets").is_none());
}

#[test]
fn parse_compact_should_print_one_line() {
    let o = run_stdin(&["parse", "-", "--compact"], SMALL.as_bytes());
    assert!(o.status.success());
    assert_eq!(stdout(&o).lines().count(), 1);
}

#[test]
fn parse_should_write_readable_utf8() {
    let o = run_stdin(&["parse", "-"], SMALL.as_bytes());
    let out = stdout(&o);
    assert!(out.contains("总体要求"));
    assert!(!out.contains("\\u"), "no \\u escapes");
}

#[test]
fn parse_of_stdin_should_equal_parse_of_the_file() {
    let dir = batch_dir();
    let path = dir.path().join("a-small.txt");
    let a = run(&["parse", path.to_str().expect("utf-8 path")]);
    let b = run_stdin(&["parse", "-"], SMALL.as_bytes());
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn parse_of_a_directory_should_write_a_line_per_text_and_go_on_after_errors() {
    let dir = batch_dir();
    let o = run(&["parse", dir.path().to_str().expect("utf-8 path")]);
    assert!(!o.status.success(), "a failed file makes the exit status non-zero");
    let lines = jsonl(&o);
    let seeds = std::fs::read_dir(fixtures_dir().join("seeds")).expect("seeds").count();
    assert_eq!(lines.len(), seeds + 2, "every *.txt, not notes.md");
    let files: Vec<&str> = lines.iter().map(|l| l["file"].as_str().expect("file field")).collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted, "stable, sorted order");
    let binary = lines
        .iter()
        .find(|l| l["file"].as_str().is_some_and(|f| f.ends_with("b-binary.txt")))
        .expect("a line for the binary file");
    assert!(binary["error"].as_str().is_some_and(|e| !e.is_empty()));
    assert!(binary.get("speeches").is_none());
    for l in lines.iter().filter(|l| l.get("error").is_none()) {
        assert!(l["speeches"].is_array(), "{l}");
    }
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("b-binary.txt"), "the failure names the file: {stderr}");
}

#[test]
fn parse_should_give_the_same_lines_on_one_or_many_jobs() {
    let dir = batch_dir();
    let d = dir.path().to_str().expect("utf-8 path");
    let one = run(&["parse", d, "--jobs", "1"]);
    let two = run(&["parse", d, "--jobs", "2"]);
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.status.code(), two.status.code());
}

#[test]
fn parse_of_good_files_should_succeed() {
    let dir = batch_dir();
    let a = dir.path().join("a-small.txt");
    let seeds = dir.path().join("seeds");
    let o = run(&["parse", a.to_str().expect("utf-8 path"), seeds.to_str().expect("utf-8 path")]);
    assert!(o.status.success());
    let lines = jsonl(&o);
    assert!(lines[0]["file"].as_str().is_some_and(|f| f.ends_with("a-small.txt")), "input order");
    assert!(lines.iter().all(|l| l.get("error").is_none()));
}

#[test]
fn parse_glob_should_choose_the_files_of_a_directory() {
    let dir = batch_dir();
    let o = run(&["parse", dir.path().to_str().expect("utf-8 path"), "--glob", "*.md"]);
    assert!(o.status.success());
    let lines = jsonl(&o);
    assert_eq!(lines.len(), 1);
    assert!(lines[0]["file"].as_str().is_some_and(|f| f.ends_with("notes.md")));
}

#[test]
fn parse_files_from_stdin_should_read_the_list() {
    let dir = batch_dir();
    let a = dir.path().join("a-small.txt");
    let missing = dir.path().join("missing.txt");
    let list = format!("{}\n\n{}\n", a.display(), missing.display());
    let o = run_stdin(&["parse", "--files-from", "-"], list.as_bytes());
    assert!(!o.status.success(), "the missing file fails");
    let lines = jsonl(&o);
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["speeches"].is_array());
    assert!(lines[1]["error"].is_string());
}

#[test]
fn parse_of_a_binary_file_should_fail_naming_it() {
    let dir = batch_dir();
    let path = dir.path().join("b-binary.txt");
    let o = run(&["parse", path.to_str().expect("utf-8 path")]);
    assert!(!o.status.success());
    assert!(o.stdout.is_empty());
    assert!(String::from_utf8_lossy(&o.stderr).contains("b-binary.txt"));
}

#[test]
fn offsets_chars_should_count_characters() {
    let bytes = run_stdin(&["parse", "-"], SMALL.as_bytes());
    let chars = run_stdin(&["parse", "-", "--offsets", "chars"], SMALL.as_bytes());
    let b: Value = serde_json::from_slice(&bytes.stdout).expect("JSON");
    let c: Value = serde_json::from_slice(&chars.stdout).expect("JSON");
    assert_eq!(c["offsets"], "chars");
    let second = |v: &Value, k: &str| v["speeches"][0]["sections"][1]["marker"]["span"][k].as_u64();
    let start = SMALL.find("二、").expect("in the text");
    assert_eq!(second(&b, "start"), Some(start as u64));
    assert_eq!(second(&c, "start"), Some(SMALL[..start].chars().count() as u64));
    assert_eq!(second(&c, "end"), Some(SMALL[..start].chars().count() as u64 + 2));
}

#[test]
fn outline_should_print_the_tree_to_the_given_depth() {
    let all = run_stdin(&["outline", "-"], SMALL.as_bytes());
    assert!(all.status.success());
    let out = stdout(&all);
    assert!(out.contains("- 一、 | 总体要求"));
    assert!(out.contains("  - 一是 | 要学理论"));
    let top = stdout(&run_stdin(&["outline", "-", "--depth", "1"], SMALL.as_bytes()));
    assert!(top.contains("- 二、 | 保障措施"));
    assert!(!top.contains("一是"));
}

#[test]
fn markdown_should_print_headings() {
    let o = run_stdin(&["markdown", "-"], SMALL.as_bytes());
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.starts_with("---\n"));
    assert!(out.contains("\n## 一、总体要求\n"));
    assert!(out.contains("\n### 一是要学理论\n"));
    assert!(out.contains("\n要加强领导。\n"));
}

#[test]
fn chunks_should_print_jsonl_within_the_limit() {
    let o = run_stdin(&["chunks", "-", "--max-chars", "4", "--offsets", "bytes"], SMALL.as_bytes());
    assert!(o.status.success());
    let lines = jsonl(&o);
    assert!(lines.len() >= 3);
    for l in &lines {
        let text = l["text"].as_str().expect("text");
        assert!(!text.is_empty() && text.chars().count() <= 4, "{text}");
        assert!(l["heading_path"].is_array());
        assert!(l["span"]["start"].is_u64());
        assert_eq!(l["speech"], 0);
    }
    let spans_in_bytes = lines.iter().all(|l| {
        let s = &l["span"];
        let (a, b) = (s["start"].as_u64().unwrap_or(0) as usize, s["end"].as_u64().unwrap_or(0) as usize);
        SMALL.get(a..b).is_some()
    });
    assert!(spans_in_bytes);
}

#[test]
fn chunks_offsets_chars_should_slice_by_character() {
    let o = run_stdin(&["chunks", "-", "--offsets", "chars"], SMALL.as_bytes());
    assert!(o.status.success());
    let chars: Vec<char> = SMALL.chars().collect();
    let lines = jsonl(&o);
    // The checks below run on real chunks, not on an empty output.
    assert!(!lines.is_empty());
    for l in lines {
        let (a, b) =
            (l["span"]["start"].as_u64().expect("start") as usize, l["span"]["end"].as_u64().expect("end") as usize);
        // Runs of title-only points are one per line: compare without
        // white space.
        let slice: String = chars[a..b].iter().filter(|c| !c.is_whitespace()).collect();
        let text: String = l["text"].as_str().expect("text").split_whitespace().collect();
        assert_eq!(slice, text);
    }
}

#[test]
fn schema_should_print_the_checked_in_schema() {
    let o = run(&["schema"]);
    assert!(o.status.success());
    let printed: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/document.schema.json");
    let file: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("readable")).expect("JSON");
    assert_eq!(printed, file, "regenerate with: cargo run -- schema > schema/document.schema.json");
}

#[test]
fn nodes_should_print_one_row_per_node_with_the_same_fields() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = dir.path().join("a.txt");
    std::fs::write(&a, SMALL).expect("write");
    std::fs::write(dir.path().join("b.txt"), "同志们：\n今天开会。").expect("write");
    let o = run(&["nodes", dir.path().to_str().expect("utf-8 path")]);
    assert!(o.status.success());
    let lines = jsonl(&o);
    let kinds: Vec<&str> = lines.iter().map(|l| l["kind"].as_str().expect("kind")).collect();
    assert_eq!(
        kinds,
        ["speech", "section", "paragraph", "point", "point", "section", "paragraph", "speech", "paragraph"]
    );
    let keys: Vec<&String> = lines[0].as_object().expect("object").keys().collect();
    for l in &lines {
        let obj = l.as_object().expect("object");
        assert_eq!(obj.keys().collect::<Vec<_>>(), keys);
        assert!(obj.values().all(|v| !v.is_null()), "{l}");
    }
    assert_eq!(lines[1]["parent_id"], lines[0]["id"]);
    assert!(lines[0]["file"].as_str().is_some_and(|f| f.ends_with("a.txt")));
    // Character offsets by default.
    let chars: Vec<char> = SMALL.chars().collect();
    let p = &lines[6];
    let (s, e) =
        (p["span"]["start"].as_u64().expect("start") as usize, p["span"]["end"].as_u64().expect("end") as usize);
    assert_eq!(chars[s..e].iter().collect::<String>(), p["text"].as_str().expect("text"));
}

#[test]
fn schema_should_print_the_row_schemas() {
    for (of, file) in [("chunk", "schema/chunk.schema.json"), ("node", "schema/node.schema.json")] {
        let o = run(&["schema", of]);
        assert!(o.status.success());
        let printed: Value = serde_json::from_slice(&o.stdout).expect("JSON");
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let checked_in: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("readable")).expect("JSON");
        assert_eq!(printed, checked_in);
    }
    assert!(!run(&["schema", "nothing"]).status.success());
}

const PAGE: &str = "<!DOCTYPE html><html><head><title>站点</title></head><body>\
<nav><a href=\"/\">首页</a> <a href=\"/news\">新闻</a></nav>\
<p>一、总体要求</p><p>要<b>抓好</b>落实。</p><p>二、保障措施</p><p>要加强领导。</p></body></html>";

#[test]
fn chunks_and_nodes_of_a_page_should_point_into_the_extracted_text() {
    for cmd in ["chunks", "nodes"] {
        let o = run_stdin(&[cmd, "-"], PAGE.as_bytes());
        assert!(o.status.success(), "{cmd}: {}", String::from_utf8_lossy(&o.stderr));
        let rows = jsonl(&o);
        assert!(!rows.is_empty(), "{cmd} gave no rows");
        let all: String = rows.iter().filter_map(|r| r["text"].as_str()).collect();
        assert!(all.contains("要抓好落实。"), "{cmd}: inline tags keep the sentence whole: {all}");
        assert!(!all.contains('<') && !all.contains("首页"), "{cmd}: tags and the menu are gone: {all}");
    }
}

#[test]
fn format_text_should_read_a_page_as_it_is_and_a_bad_format_is_refused() {
    let o = run_stdin(&["parse", "--format", "text", "-"], PAGE.as_bytes());
    let doc: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert!(doc.get("extracted_text").is_none(), "plain text has no extracted text");
    let o = run_stdin(&["parse", "--format", "html", "-"], PAGE.as_bytes());
    let doc: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert!(doc["extracted_text"].as_str().is_some_and(|t| t.contains("一、总体要求")));
    let o = run(&["parse", "--format", "pdf", "x.txt"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("auto, text, html, docx"));
}
