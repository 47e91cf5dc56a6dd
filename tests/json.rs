//! `jianggao::json::to_string` writes the same bytes as
//! `serde_json::to_string`: for every fixture's Document and chunks, for
//! strings with every escape at every offset, and for arbitrary strings,
//! maps, enums and nested values.

mod common;

use common::checks::{MARKERS, SENTENCES};
use common::fixtures;
use jianggao::json;
use jianggao::render::chunks::{chunks_with_source, ChunkOptions};
use proptest::prelude::*;
use serde::Serialize;

/// Asserts that both serialisers give the same bytes (or both fail).
fn same<T: ?Sized + Serialize>(value: &T) -> Result<(), String> {
    match (json::to_string(value), serde_json::to_string(value)) {
        (Ok(a), Ok(b)) if a == b => Ok(()),
        (Err(_), Err(_)) => Ok(()),
        (a, b) => Err(format!("jianggao::json {a:?}\nserde_json     {b:?}")),
    }
}

#[test]
fn should_match_serde_json_on_every_fixture_document_and_its_chunks() {
    for (name, text) in fixtures("") {
        let doc = jianggao::parse(&text);
        same(&doc).unwrap_or_else(|e| panic!("{name}: {e}"));
        let opts = ChunkOptions::new(300).min_chars(40).file(name.clone());
        let chunks = chunks_with_source(&doc, &text, &opts);
        assert!(!chunks.is_empty(), "{name} has chunks");
        for chunk in &chunks {
            same(chunk).unwrap_or_else(|e| panic!("{name} chunk: {e}"));
        }
    }
}

#[test]
fn should_escape_like_serde_json_at_every_offset_of_the_eight_byte_steps() {
    let specials: Vec<char> =
        (0u8..0x20).map(char::from).chain(['"', '\\', '\u{7f}', '\u{2028}', '\u{2029}']).collect();
    for c in specials {
        for pad in 0..17 {
            for tail in ["", "a", "一", "abcdefghij", "要抓好落实。"] {
                let s = format!("{}{c}{tail}{c}", "讲".repeat(pad / 3) + &"x".repeat(pad % 3));
                same(&s).unwrap_or_else(|e| panic!("{s:?}: {e}"));
            }
        }
    }
    // Everything at once, and a run of escapes with nothing between.
    let all: String = (0u8..0x80).map(char::from).collect();
    same(&all).unwrap();
    same(&"\"\\\n\t\u{0}\u{1f}\"\"\\\\".repeat(5)).unwrap();
    assert_eq!(json::to_string("a\u{1}\u{7f}\u{2028}").unwrap(), "\"a\\u0001\u{7f}\u{2028}\"");
}

/// Every shape of enum variant, a float, bytes and a flattened struct.
#[derive(Serialize, Debug, Clone)]
enum Shape {
    Unit,
    Newtype(String),
    Tuple(i64, Option<String>),
    Struct { key: String, float: f64, bytes: Vec<u8> },
}

#[derive(Serialize)]
struct Flattened<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    #[serde(with = "serde_bytes_like")]
    file_bytes: &'a [u8],
    #[serde(flatten)]
    doc: &'a jianggao::Document,
}

/// `&[u8]` through `serialize_bytes`, as a `#[derive]` of `Option<&[u8]>` does not.
mod serde_bytes_like {
    pub fn serialize<S: serde::Serializer>(v: &&[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(v)
    }
}

/// A map of any keys, in the order given.
struct Pairs<K, V>(Vec<(K, V)>);

impl<K: Serialize, V: Serialize> Serialize for Pairs<K, V> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

fn shape() -> impl Strategy<Value = Shape> {
    prop_oneof![
        Just(Shape::Unit),
        any::<String>().prop_map(Shape::Newtype),
        (any::<i64>(), any::<Option<String>>()).prop_map(|(i, s)| Shape::Tuple(i, s)),
        (any::<String>(), any::<f64>(), any::<Vec<u8>>()).prop_map(|(key, float, bytes)| Shape::Struct {
            key,
            float,
            bytes
        }),
    ]
}

/// Strings heavy in the bytes that need an escape, and in what does not.
fn tricky() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\"\\\\\\x00-\\x1f\\x7f\u{2028}\u{2029}a一]{0,40}",
        "[\\u{4E00}-\\u{9FA5}\"\\n]{0,64}"
    ]
}

/// A JSON value of any shape, nested a few levels.
fn value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        tricky().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(tricky(), inner, 0..8).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A Document of a generated speech whose strings are then replaced by
/// arbitrary ones.
fn document() -> impl Strategy<Value = jianggao::Document> {
    let piece = prop_oneof![
        prop::sample::select(MARKERS).prop_map(|m| format!("\n{m}")),
        prop::sample::select(SENTENCES).prop_map(str::to_string),
    ];
    let text = prop::collection::vec(piece, 1..30).prop_map(|v| v.concat());
    (text, prop::collection::vec(tricky(), 1..16)).prop_map(|(text, strings)| {
        let mut doc = jianggao::parse(&text);
        let mut next = strings.iter().cycle().cloned();
        doc.encoding = next.next().unwrap_or_default();
        for speech in &mut doc.speeches {
            speech.title = next.next();
            speech.metadata.speaker = next.next();
            let mut stack: Vec<&mut jianggao::Section> = speech.sections.iter_mut().collect();
            while let Some(section) = stack.pop() {
                section.title = next.next();
                if let Some(marker) = &mut section.marker {
                    marker.text = next.next().unwrap_or_default();
                }
                for p in &mut section.paragraphs {
                    p.text = next.next().unwrap_or_default();
                }
                stack.extend(section.points.iter_mut());
            }
        }
        doc
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn should_match_serde_json_on_arbitrary_strings(s in tricky(), c in any::<char>()) {
        same(&s).map_err(TestCaseError::fail)?;
        same(&c).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn should_match_serde_json_on_maps_with_any_key(
        strings in prop::collection::btree_map(tricky(), any::<Option<u32>>(), 0..8),
        ints in prop::collection::btree_map(any::<i64>(), shape(), 0..8),
        bools in prop::collection::btree_map(any::<bool>(), any::<u128>(), 0..3),
        chars in prop::collection::btree_map(any::<char>(), any::<i8>(), 0..4),
        wide in prop::collection::vec((any::<i128>(), any::<u128>()), 0..4),
        floats in prop::collection::vec((any::<f64>(), any::<f32>()), 0..4),
        shapes in prop::collection::vec((shape(), any::<u16>()), 0..4),
        options in prop::collection::vec((any::<Option<String>>(), Just(0u8)), 0..4),
    ) {
        same(&strings).map_err(TestCaseError::fail)?;
        same(&ints).map_err(TestCaseError::fail)?;
        same(&bools).map_err(TestCaseError::fail)?;
        same(&chars).map_err(TestCaseError::fail)?;
        same(&Pairs(wide)).map_err(TestCaseError::fail)?;
        // Keys that are no strings: floats not finite, enum variants
        // with data, `None` and `()` are refused by both.
        same(&Pairs(floats.clone())).map_err(TestCaseError::fail)?;
        same(&floats).map_err(TestCaseError::fail)?;
        same(&Pairs(shapes)).map_err(TestCaseError::fail)?;
        same(&Pairs(options)).map_err(TestCaseError::fail)?;
        same(&Pairs(vec![((), 1)])).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn should_match_serde_json_on_nested_values(v in value(), shapes in prop::collection::vec(shape(), 0..6)) {
        same(&v).map_err(TestCaseError::fail)?;
        same(&shapes).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn should_match_serde_json_on_documents_with_arbitrary_strings(
        doc in document(),
        file in any::<Option<String>>(),
        bytes in any::<Vec<u8>>(),
    ) {
        same(&doc).map_err(TestCaseError::fail)?;
        same(&Flattened { file: file.as_deref(), file_bytes: &bytes, doc: &doc }).map_err(TestCaseError::fail)?;
    }
}

#[test]
fn should_write_the_bytes_of_to_string_to_a_writer_in_pieces() {
    // A document whose JSON is many times the writer's 64 KiB piece.
    let text: String = (0..4000).map(|i| format!("第{i}段要抓好\"落实\"。\n\n")).collect();
    let doc = jianggao::parse(&text);
    let whole = json::to_string(&doc).expect("serialises");
    assert!(whole.len() > 4 * 64 * 1024, "JSON of {} bytes", whole.len());
    /// Counts the writes it is handed.
    struct Pieces(Vec<u8>, usize);
    impl std::io::Write for Pieces {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.1 += 1;
            self.0.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut out = Pieces(Vec::new(), 0);
    json::to_writer(&mut out, &doc).expect("writes");
    assert_eq!(String::from_utf8(out.0).ok().as_deref(), Some(whole.as_str()));
    assert!(out.1 >= 4, "handed over in pieces, not whole: {} writes", out.1);
}

#[test]
fn should_report_a_failing_writer_as_an_io_error() {
    let text: String = (0..4000).map(|i| format!("第{i}段要抓好落实。\n\n")).collect();
    let doc = jianggao::parse(&text);
    /// Refuses every write.
    struct Broken;
    impl std::io::Write for Broken {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk full"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let err = json::to_writer(Broken, &doc).expect_err("the writer fails");
    assert!(err.is_io(), "{err}");
}
