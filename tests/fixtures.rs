//! Every text under `tests/fixtures/`: the contract's invariants, then a
//! snapshot of its outline (with kinds, ordinals and spans) and of its JSON.

mod common;

fn load(path: &std::path::Path) -> (String, jianggao::Document) {
    let bytes = std::fs::read(path).expect("fixture is readable");
    let doc = jianggao::parse_bytes(&bytes).expect("fixture decodes");
    (String::from_utf8(bytes).expect("fixtures are UTF-8"), doc)
}

#[test]
fn every_fixture_keeps_the_invariants() {
    insta::glob!("fixtures/**/*.txt", |path| {
        let (src, doc) = load(path);
        common::check_invariants(&src, &doc);
        let again = jianggao::parse(&src);
        assert_eq!(doc, again, "parsing is deterministic");
    });
}

#[test]
fn every_fixture_matches_its_snapshots() {
    insta::glob!("fixtures/**/*.txt", |path| {
        let (_, doc) = load(path);
        insta::assert_snapshot!("outline", common::debug_outline(&doc));
        insta::assert_json_snapshot!("json", doc);
    });
}
