//! The JSON Schema of the Document JSON: the checked-in file is the
//! generated one, and every fixture's JSON validates against it.

mod common;

use serde_json::Value;

const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/document.schema.json");

fn checked_in() -> Value {
    let text = std::fs::read_to_string(SCHEMA_PATH).expect("schema/document.schema.json is readable");
    serde_json::from_str(&text).expect("schema/document.schema.json is JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&checked_in()).expect("the checked-in schema is a valid JSON Schema")
}

fn errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance).map(|e| format!("{} at {}", e, e.instance_path)).collect()
}

#[test]
fn checked_in_schema_should_equal_the_generated_one() {
    let generated = jianggao::Document::json_schema();
    assert!(
        checked_in() == generated,
        "schema/document.schema.json is out of date with the Rust types; regenerate it with\n\n    cargo run -- schema > schema/document.schema.json\n\nand review the change (a renamed or removed field needs SCHEMA_VERSION bumped)"
    );
}

#[test]
fn schema_should_describe_the_top_level_fields() {
    let schema = checked_in();
    let required = schema["required"].as_array().expect("required is a list");
    for field in ["schema_version", "speeches", "noise", "diagnostics", "truncated", "encoding"] {
        assert!(required.iter().any(|r| r == field), "{field} is required");
    }
    assert!(schema["$defs"]["Section"]["properties"]["points"].is_object());
}

#[test]
fn every_fixture_json_should_validate_against_the_schema() {
    let v = validator();
    for (name, text) in common::fixtures("") {
        let doc = jianggao::parse_bytes(text.as_bytes()).expect("fixture decodes");
        let json = serde_json::to_value(&doc).expect("serializes");
        let errs = errors(&v, &json);
        assert!(errs.is_empty(), "{name}: {errs:#?}");
    }
}

#[test]
fn a_hand_written_nested_text_should_validate() {
    let v = validator();
    let doc = jianggao::parse(
        "关于学习的讲话\n同志们：\n一、总体要求\n要抓好落实。一是要学理论。二是要学业务。\n（一）目标\n到年底完成。\n二、保障\n要加强领导。\n谢谢大家！",
    );
    let json = serde_json::to_value(&doc).expect("serializes");
    assert_eq!(errors(&v, &json), Vec::<String>::new());
}

#[test]
fn schema_should_reject_a_document_of_the_wrong_shape() {
    let v = validator();
    let doc = jianggao::parse("一、总体要求\n要抓好落实。");
    let good = serde_json::to_value(&doc).expect("serializes");
    assert!(v.is_valid(&good));

    let mut no_speeches = good.clone();
    no_speeches.as_object_mut().expect("object").remove("speeches");
    assert!(!v.is_valid(&no_speeches), "speeches is required");

    let mut bad_span = good.clone();
    bad_span["speeches"][0]["span"] = serde_json::json!({ "start": "0", "end": 6 });
    assert!(!v.is_valid(&bad_span), "span offsets are integers");

    let mut bad_kind = good;
    bad_kind["speeches"][0]["sections"][0]["marker"]["kind"] = "roman".into();
    assert!(!v.is_valid(&bad_kind), "marker kinds are a closed list");
}

#[test]
fn document_json_should_be_readable_utf8_without_escapes() {
    let doc = jianggao::parse("一、总体要求\n要抓好落实。");
    let json = serde_json::to_string(&doc).expect("serializes");
    assert!(json.contains("总体要求"), "Chinese text is written as is");
    assert!(!json.contains("\\u"), "no \\u escapes: {json}");
}

#[test]
fn schema_should_list_every_noise_reason_and_diagnostic_kind_as_they_serialise() {
    let schema = checked_in();
    let lists = [
        (
            "NoiseReason",
            jianggao::NoiseReason::ALL.iter().map(|r| (r.as_str(), serde_json::to_value(r))).collect::<Vec<_>>(),
        ),
        (
            "DiagnosticKind",
            jianggao::DiagnosticKind::ALL.iter().map(|k| (k.as_str(), serde_json::to_value(k))).collect(),
        ),
    ];
    for (def, values) in lists {
        let listed: Vec<&str> = schema["$defs"][def]["enum"]
            .as_array()
            .unwrap_or_else(|| panic!("{def} is an enum"))
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let names: Vec<&str> = values.iter().map(|(name, _)| *name).collect();
        assert_eq!(listed, names, "{def}");
        for (name, json) in values {
            assert_eq!(json.expect("serializes"), Value::from(name), "{def}");
        }
    }
    assert_eq!(jianggao::NoiseReason::HtmlChrome.to_string(), "html_chrome");
    assert_eq!(jianggao::DiagnosticKind::SkippedOrdinal.to_string(), "skipped_ordinal");
}
