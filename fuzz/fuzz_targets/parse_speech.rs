//! Speech-like texts built from the fuzzer's bytes (markers of every family,
//! sentences, noise lines, separators, raw characters): no panic, spans in
//! bounds and on char boundaries, noise ordered, parsing deterministic. The
//! same text encoded as GB18030, when detected as GB18030, must decode back
//! to itself.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = jianggao_fuzz::speech_from_bytes(data);
    if let Err(e) = jianggao_fuzz::check_parse(&text) {
        panic!("{e}\ntext: {text:?}");
    }
    let (gb, _, _) = encoding_rs::GB18030.encode(&text);
    if let Err(e) = jianggao_fuzz::check_parse_bytes(&gb) {
        panic!("{e}\ntext: {text:?}");
    }
    if let Ok(d) = jianggao::decode::decode(&gb) {
        if d.encoding == "GB18030" && d.text != text {
            panic!(
                "GB18030 round trip changed the text: {text:?} -> {:?}",
                d.text
            );
        }
    }
});
