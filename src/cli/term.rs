//! Text made safe for a terminal: control characters, escape sequences and
//! bidirectional overrides shown as visible escapes instead of acting on
//! the terminal, and file names kept apart even when they are not UTF-8.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::Path;

/// True for a character that must not reach a terminal as it is: C0 and C1
/// controls (ESC starts escape and OSC sequences), DEL, and the marks that
/// reorder text (bidi embeddings, overrides, isolates and the directional
/// marks).
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every unsafe character written as an escape (`\x1b`,
/// `\u{202e}`); line feeds and tabs are kept when `keep_lines` is set.
pub fn escape(s: &str, keep_lines: bool) -> Cow<'_, str> {
    let bad = |c: char| is_unsafe(c) && !(keep_lines && matches!(c, '\n' | '\t'));
    if !s.chars().any(bad) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if bad(c) {
            push_escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn push_escape(out: &mut String, c: char) {
    let n = u32::from(c);
    let _ = if n < 0x80 { write!(out, "\\x{n:02x}") } else { write!(out, "\\u{{{n:04x}}}") };
}

/// A file name for a message on stderr: unsafe characters escaped, bytes
/// that are not UTF-8 written as `\xNN`, so that two different names never
/// print the same.
pub fn display_path(path: &Path) -> String {
    let mut out = String::new();
    for chunk in path_bytes(path).utf8_chunks() {
        out.push_str(&escape(chunk.valid(), false));
        for b in chunk.invalid() {
            let _ = write!(out, "\\x{b:02x}");
        }
    }
    out
}

/// The bytes of `path` as the system gives them (on Unix); elsewhere its
/// UTF-8 form, lossy.
pub fn path_bytes(path: &Path) -> Cow<'_, [u8]> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        Cow::Borrowed(path.as_os_str().as_bytes())
    }
    #[cfg(not(unix))]
    {
        match path.to_string_lossy() {
            Cow::Borrowed(s) => Cow::Borrowed(s.as_bytes()),
            Cow::Owned(s) => Cow::Owned(s.into_bytes()),
        }
    }
}

/// The `file` value of a JSON line (the name, with U+FFFD for bytes that
/// are not UTF-8) and, when the name is not UTF-8, its raw bytes for the
/// `file_bytes` field.
pub fn json_name(path: &Path) -> (String, Option<Vec<u8>>) {
    match path.to_str() {
        Some(s) => (s.to_owned(), None),
        None => (path.to_string_lossy().into_owned(), Some(path_bytes(path).into_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_should_neutralise_escape_sequences_and_bidi_overrides() {
        assert_eq!(escape("一、总体\u{1b}]0;x\u{7}要求", true), "一、总体\\x1b]0;x\\x07要求");
        assert_eq!(escape("abc\u{202E}def\u{2066}", true), "abc\\u{202e}def\\u{2066}");
        assert_eq!(escape("a\u{9b}31m", true), "a\\u{009b}31m");
        assert_eq!(escape("行一\n\t行二\r", true), "行一\n\t行二\\x0d");
        assert_eq!(escape("a\nb", false), "a\\x0ab");
        assert!(matches!(escape("一、总体要求\n", true), Cow::Borrowed(_)));
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_should_stay_apart() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let a = Path::new(OsStr::from_bytes(b"a\xff.txt"));
        let b = Path::new(OsStr::from_bytes(b"a\xfe.txt"));
        assert_eq!(display_path(a), "a\\xff.txt");
        assert_ne!(display_path(a), display_path(b));
        let (name, bytes) = json_name(a);
        assert_eq!(name, "a\u{FFFD}.txt");
        assert_eq!(bytes.as_deref(), Some(&b"a\xff.txt"[..]));
        assert_eq!(json_name(Path::new("讲稿.txt")), ("讲稿.txt".to_owned(), None));
        assert_eq!(display_path(Path::new("x\u{1b}[2J.txt")), "x\\x1b[2J.txt");
    }

    proptest::proptest! {
        #[test]
        fn escaped_text_should_hold_no_unsafe_character(s in "\\PC*|[\\x00-\\x1f\\x7f-\\u{9f}\\u{202a}-\\u{202e}a一]*") {
            let e = escape(&s, true);
            proptest::prop_assert!(!e.chars().any(|c| is_unsafe(c) && c != '\n' && c != '\t'));
            proptest::prop_assert!(!escape(&s, false).chars().any(is_unsafe));
        }

        #[cfg(unix)]
        #[test]
        fn json_names_should_keep_every_byte(raw in proptest::collection::vec(proptest::num::u8::ANY, 0..40)) {
            use std::os::unix::ffi::OsStrExt;
            let path = Path::new(std::ffi::OsStr::from_bytes(&raw));
            let (name, bytes) = json_name(path);
            let back = bytes.unwrap_or_else(|| name.into_bytes());
            proptest::prop_assert_eq!(back, raw);
        }
    }
}
