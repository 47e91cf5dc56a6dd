//! Degraded copies of the seed texts must give the same outline as the clean
//! text: hard-wrapped at 26 columns and re-joined with spaces, cut by
//! page-break numbers, and encoded in GB18030.

mod common;

/// The outline as (depth, ordinal, title without spaces), per speech title.
fn outline(doc: &jianggao::Document) -> Vec<(usize, u32, String)> {
    common::nodes(doc)
        .into_iter()
        .map(|(d, n)| {
            let title: String = n.title.as_deref().unwrap_or("").chars().filter(|c| !c.is_whitespace()).collect();
            (d, n.marker.as_ref().map_or(0, |m| m.ordinal), title)
        })
        .collect()
}

/// True when the clean parse already repaired a degradation of `kind`
/// (`hard_wrap`, `page_break`): degrading such a text again tests nothing
/// the clean text does not (a second wrap of wrapped lines, a second page
/// sequence over the first).
fn already(doc: &jianggao::Document, kind: &str) -> bool {
    doc.diagnostics.iter().any(|d| d.kind.as_str() == kind)
}

fn titles(doc: &jianggao::Document) -> Vec<Option<String>> {
    doc.speeches.iter().map(|s| s.title.clone()).collect()
}

#[test]
fn should_read_hard_wrapped_copies_as_the_clean_text() {
    for (name, src) in common::fixtures("seeds") {
        let clean = jianggao::parse(&src);
        if already(&clean, "hard_wrap") {
            continue;
        }
        let wrapped_src = common::hard_wrap(&src);
        let wrapped = jianggao::parse(&wrapped_src);
        common::check_invariants(&wrapped_src, &wrapped);
        assert_eq!(outline(&wrapped), outline(&clean), "{name}: outline of the hard-wrapped copy");
        assert_eq!(titles(&wrapped), titles(&clean), "{name}: titles of the hard-wrapped copy");
    }
}

#[test]
fn should_read_copies_cut_by_page_numbers_as_the_clean_text() {
    for (name, src) in common::fixtures("seeds") {
        let clean = jianggao::parse(&src);
        if already(&clean, "page_break") {
            continue;
        }
        let cut_src = common::insert_page_breaks(&src);
        let cut = jianggao::parse(&cut_src);
        common::check_invariants(&cut_src, &cut);
        assert_eq!(outline(&cut), outline(&clean), "{name}: outline of the copy with page numbers");
    }
}

#[test]
fn should_read_gb18030_copies_as_the_clean_text() {
    for (name, src) in common::fixtures("seeds") {
        let (bytes, _, _) = encoding_rs::GB18030.encode(&src);
        let doc = jianggao::parse_bytes(&bytes).expect("GB18030 decodes");
        assert_eq!(doc.encoding, "GB18030", "{name}");
        let clean = jianggao::parse(&src);
        assert_eq!(outline(&doc), outline(&clean), "{name}: outline of the GB18030 copy");
    }
}
