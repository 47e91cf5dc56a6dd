//! Chunks for retrieval (ids, parents, merging, heading prefix) and the
//! flat node table, with their checked-in JSON Schemas.

use std::collections::HashMap;

use jianggao::render::chunks::{chunks_with_char_offsets, chunks_with_source, ChunkOptions};
use jianggao::render::nodes::node_table_chars;
use jianggao::{Chunk, NodeKind, NodeRow};
use serde_json::Value;

const SPEECH: &str = "在全县工作会议上的讲话\n李明\n同志们：\n今天开会。\n一、总体要求\n要抓好落实。一是要学理论。二是要学业务。\n（一）抓好队伍建设\n要严格管理。\n二、保障措施\n要加强领导，把各项工作落到实处。\n谢谢大家！\n";

fn schema(name: &str) -> Value {
    let path = format!("{}/schema/{name}.schema.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("schema file is readable");
    serde_json::from_str(&text).expect("schema file is JSON")
}

#[test]
fn checked_in_row_schemas_should_equal_the_generated_ones() {
    assert!(
        schema("chunk") == Chunk::json_schema(),
        "regenerate with: cargo run -- schema chunk > schema/chunk.schema.json"
    );
    assert!(
        schema("node") == NodeRow::json_schema(),
        "regenerate with: cargo run -- schema node > schema/node.schema.json"
    );
}

#[test]
fn rows_and_chunks_should_validate_against_their_schemas() {
    let doc = jianggao::parse(SPEECH);
    let chunk_schema = jsonschema::validator_for(&schema("chunk")).expect("valid schema");
    let node_schema = jsonschema::validator_for(&schema("node")).expect("valid schema");
    let opts = ChunkOptions::new(8).min_chars(4).heading_prefix(true).file("a.txt");
    let cs = chunks_with_source(&doc, SPEECH, &opts);
    assert!(!cs.is_empty());
    for c in &cs {
        let v = serde_json::to_value(c).expect("serializes");
        assert!(chunk_schema.is_valid(&v), "{v}");
    }
    for r in doc.node_table(Some("a.txt")) {
        let v = serde_json::to_value(&r).expect("serializes");
        assert!(node_schema.is_valid(&v), "{v}");
    }
}

#[test]
fn node_rows_should_form_a_tree_in_document_order() {
    let doc = jianggao::parse(SPEECH);
    let rows = node_table_chars(&doc, SPEECH, None);
    let kinds: Vec<&str> = rows.iter().map(|r| r.kind.name()).collect();
    assert_eq!(
        kinds,
        ["speech", "paragraph", "section", "paragraph", "point", "point", "point", "paragraph", "section", "paragraph"]
    );
    let by_id: HashMap<&str, &NodeRow> = rows.iter().map(|r| (r.id.as_str(), r)).collect();
    assert_eq!(by_id.len(), rows.len(), "ids are unique");
    for r in &rows {
        match r.parent_id.as_str() {
            "" => assert_eq!(r.kind, NodeKind::Speech),
            p => assert_eq!(by_id[p].depth + 1, r.depth, "{r:?}"),
        }
    }
    let chars: Vec<char> = SPEECH.chars().collect();
    for r in rows.iter().filter(|r| r.kind == NodeKind::Paragraph) {
        let slice: String = chars[r.span.start..r.span.end].iter().collect();
        assert_eq!(slice, r.text);
    }
    let points: Vec<(&str, usize)> =
        rows.iter().filter(|r| r.kind == NodeKind::Point).map(|r| (r.marker.as_str(), r.ordinal)).collect();
    assert_eq!(points, [("一是", 1), ("二是", 2), ("（一）", 3)]);
    // No nulls in the JSON.
    for r in &rows {
        let v = serde_json::to_value(r).expect("serializes");
        assert!(v.as_object().is_some_and(|o| o.values().all(|x| !x.is_null())), "{v}");
    }
}

#[test]
fn ids_should_be_stable_and_depend_on_the_file() {
    let doc = jianggao::parse(SPEECH);
    let a = doc.node_table(Some("a.txt"));
    assert_eq!(a, jianggao::parse(SPEECH).node_table(Some("a.txt")));
    let b = doc.node_table(Some("b.txt"));
    assert!(a.iter().zip(&b).all(|(x, y)| x.id != y.id));
    // Character offsets do not change the ids.
    let c = node_table_chars(&doc, SPEECH, Some("a.txt"));
    assert!(a.iter().zip(&c).all(|(x, y)| x.id == y.id));
}

#[test]
fn chunks_should_name_their_parent_node_and_speech() {
    let doc = jianggao::parse(SPEECH);
    let rows = doc.node_table(None);
    let by_id: HashMap<&str, &NodeRow> = rows.iter().map(|r| (r.id.as_str(), r)).collect();
    let cs = doc.chunks(&ChunkOptions::default());
    let got: Vec<(&str, usize, &str, &str)> = cs
        .iter()
        .map(|c| (by_id[c.parent_id.as_str()].kind.name(), c.depth, c.marker.as_str(), c.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("speech", 0, "", "今天开会。"),
            ("section", 1, "一、", "要抓好落实。"),
            ("section", 1, "一、", "一是要学理论\n二是要学业务"),
            ("point", 2, "（一）", "要严格管理。"),
            ("section", 1, "二、", "要加强领导，把各项工作落到实处。"),
        ]
    );
    for c in &cs {
        assert_eq!(c.heading_path.len(), c.depth + 1);
        assert_eq!(c.heading_path[0], "在全县工作会议上的讲话");
        assert_eq!(c.title, "在全县工作会议上的讲话");
        assert_eq!(c.speaker, "李明");
        assert_eq!(c.date, "");
        assert_eq!(c.id.len(), 16);
    }
}

#[test]
fn heading_path_should_start_with_an_empty_title_when_there_is_none() {
    let doc = jianggao::parse("一、总体要求\n要抓好落实。");
    let c = &doc.chunks(&ChunkOptions::default())[0];
    assert_eq!(c.heading_path, ["", "总体要求"]);
    assert_eq!(c.title, "");
    let prefixed = &doc.chunks(&ChunkOptions::default().heading_prefix(true))[0];
    assert_eq!(prefixed.text, "总体要求\n要抓好落实。");
    assert_eq!(prefixed.id, c.id, "the prefix is not part of the id");
}

#[test]
fn small_neighbours_should_merge_within_a_section_up_to_the_limit() {
    let doc = jianggao::parse(SPEECH);
    let cs = chunks_with_char_offsets(&doc, SPEECH, &ChunkOptions::new(40).min_chars(20));
    let got: Vec<(usize, Vec<&str>, &str)> =
        cs.iter().map(|c| (c.depth, c.heading_path.iter().map(String::as_str).collect(), c.text.as_str())).collect();
    let t = "在全县工作会议上的讲话";
    assert_eq!(
        got,
        [
            (0, vec![t], "今天开会。"),
            // Merged chunks belong to the deepest node they share.
            (1, vec![t, "总体要求"], "要抓好落实。\n一是要学理论。\n二是要学业务。\n要严格管理。"),
            (1, vec![t, "保障措施"], "要加强领导，把各项工作落到实处。"),
        ]
    );
    let chars: Vec<char> = SPEECH.chars().collect();
    let merged = &cs[1];
    let covered: String = chars[merged.span.start..merged.span.end].iter().collect();
    assert!(covered.starts_with("要抓好落实。") && covered.ends_with("要严格管理。"), "{covered}");
    // A tight limit keeps pieces apart.
    let tight = doc.chunks(&ChunkOptions::new(7).min_chars(20));
    assert!(tight.iter().all(|c| c.text.chars().count() <= 7));
}

#[test]
fn no_merging_by_default() {
    let doc = jianggao::parse(SPEECH);
    let a = doc.chunks(&ChunkOptions::default());
    let b = doc.chunks(&ChunkOptions::default().min_chars(0));
    assert_eq!(a, b);
    assert_eq!(a.len(), 5);
}
