//! Compact JSON output, byte for byte what `serde_json::to_string` writes,
//! with a faster string escape.
//!
//! Almost all the text of a [`Document`](crate::Document) is CJK, where no
//! byte needs an escape; serde_json looks each byte up in a table, about ten
//! instructions a byte. [`to_string`] tests eight bytes at a time (SWAR: the
//! bytes of a `u64`) and copies runs with no escape whole. Everything else
//! is written as serde_json writes it: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`,
//! `\t`, other bytes below 0x20 as `\u00xx` (lower-case hex), everything
//! else (DEL, U+2028, U+2029, all non-ASCII) as it is; integers in decimal,
//! floats through serde_json itself (`null` when not finite); map keys as
//! strings, with integer, float and `bool` keys quoted; byte strings as
//! arrays of numbers; enums externally tagged. Only the compact form: the
//! pretty one stays with serde_json. Errors are [`serde_json::Error`]s (a
//! refused key of any kind says `key must be a string`).

use std::io;

use serde::ser::{self, Error as _, Serialize};

/// The error of [`to_string`]: serde_json's, so the two are interchangeable.
pub type Error = serde_json::Error;

/// Serialises `value` as compact JSON: the same bytes as
/// `serde_json::to_string`.
///
/// # Errors
///
/// When `value`'s `Serialize` fails, or a map key is not a string, a
/// number or a `bool`.
///
/// ```
/// let doc = jianggao::parse("一、总体要求\n要抓好\"落实\"。");
/// assert_eq!(jianggao::json::to_string(&doc)?, serde_json::to_string(&doc)?);
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn to_string<T: ?Sized + Serialize>(value: &T) -> Result<String, Error> {
    let mut out = String::with_capacity(128);
    value.serialize(&mut Serializer { out: &mut out, sink: None })?;
    Ok(out)
}

/// Writes `value` as compact JSON to `writer`: the bytes of [`to_string`],
/// handed over in pieces of about 64 KiB, so that the JSON of a large
/// document is never held whole.
///
/// # Errors
///
/// As [`to_string`], and when `writer` fails ([`Error::is_io`]).
///
/// ```
/// let doc = jianggao::parse("一、总体要求\n要抓好落实。");
/// let mut out = Vec::new();
/// jianggao::json::to_writer(&mut out, &doc)?;
/// assert_eq!(out, jianggao::json::to_string(&doc)?.into_bytes());
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn to_writer<W: io::Write, T: ?Sized + Serialize>(mut writer: W, value: &T) -> Result<(), Error> {
    let mut out = String::with_capacity(SPILL + SPILL / 4);
    let mut ser = Serializer { out: &mut out, sink: Some(&mut writer) };
    value.serialize(&mut ser)?;
    ser.spill(0)
}

/// The size from which [`to_writer`] hands what it has written to its
/// writer: checked after each element of an array.
const SPILL: usize = 64 * 1024;

/// Writes compact JSON into a `String`; see [`to_string`]. With a sink
/// ([`to_writer`]), the string is emptied into it as it fills.
struct Serializer<'a> {
    out: &'a mut String,
    sink: Option<&'a mut dyn io::Write>,
}

impl Serializer<'_> {
    /// Empties the string into the sink, if there is one and the string
    /// holds at least `from` bytes.
    #[inline]
    fn spill(&mut self, from: usize) -> Result<(), Error> {
        match &mut self.sink {
            Some(sink) if self.out.len() >= from => {
                sink.write_all(self.out.as_bytes()).map_err(Error::io)?;
                self.out.clear();
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

/// `u64` with `b` in every byte.
const fn splat(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// The high bit of each byte of `word` that is below `n` (`n` at most
/// 0x80). Exact up to the lowest such byte, so the trailing zeros count the
/// bytes before the first one (bytes above it may be flagged falsely).
const fn below(word: u64, n: u8) -> u64 {
    word.wrapping_sub(splat(n)) & !word & splat(0x80)
}

/// The high bit of the bytes of `word`, read little-endian, that need an
/// escape (exact up to the lowest one, as for [`below`]): zero when none.
const fn escapes(word: u64) -> u64 {
    below(word, 0x20) | below(word ^ splat(b'"'), 1) | below(word ^ splat(b'\\'), 1)
}

/// Whether serde_json escapes `b`.
const fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// The last eight bytes of `bytes` as a word, overlapping as needed, or
/// those it has and spaces (which need no escape) when it is shorter.
#[inline(always)]
fn last_word(bytes: &[u8]) -> u64 {
    let word = |a: u32, b: u32| u64::from(a) | u64::from(b) << 32;
    if let Some(last) = bytes.last_chunk::<8>() {
        u64::from_le_bytes(*last)
    } else if let (Some(a), Some(b)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        word(u32::from_le_bytes(*a), u32::from_le_bytes(*b))
    } else if let (Some(a), Some(b)) = (bytes.first_chunk::<2>(), bytes.last_chunk::<2>()) {
        word(u32::from(u16::from_le_bytes(*a)) | u32::from(u16::from_le_bytes(*b)) << 16, 0x2020_2020)
    } else {
        bytes.first().map_or(splat(b' '), |&b| splat(b' ') << 8 | u64::from(b))
    }
}

/// The length of the longest prefix of `bytes` in which no byte needs an
/// escape: eight bytes at a time, a word whose bytes are all non-ASCII
/// with one test; the last bytes as one overlapping word.
#[inline(always)]
fn clean_len(bytes: &[u8]) -> usize {
    let (words, tail) = bytes.as_chunks::<8>();
    for (k, word) in words.iter().enumerate() {
        let word = u64::from_le_bytes(*word);
        if word & splat(0x80) != splat(0x80) {
            let hits = escapes(word);
            if hits != 0 {
                return k * 8 + (hits.trailing_zeros() / 8) as usize;
            }
        }
    }
    if tail.is_empty() || escapes(last_word(bytes)) == 0 {
        return bytes.len();
    }
    let done = bytes.len() - tail.len();
    done + tail.iter().position(|&b| needs_escape(b)).unwrap_or(tail.len())
}

/// Appends `s` as a JSON string literal. Inlined, so that a field name,
/// a constant there, is checked and copied at compile time.
#[inline(always)]
fn write_str(out: &mut String, s: &str) {
    if clean_len(s.as_bytes()) == s.len() {
        out.reserve(s.len() + 2);
        out.push('"');
        out.push_str(s);
        out.push('"');
    } else {
        write_escaped(out, s);
    }
}

/// [`write_str`] of a string with a byte to escape.
#[cold]
#[inline(never)]
fn write_escaped(out: &mut String, s: &str) {
    out.push('"');
    let mut rest = s;
    loop {
        // The cut is before an ASCII byte or at the end: a char boundary.
        let (run, tail) = rest.split_at_checked(clean_len(rest.as_bytes())).unwrap_or((rest, ""));
        out.push_str(run);
        let Some(&b) = tail.as_bytes().first() else { break };
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            0x08 => out.push_str("\\b"),
            0x0C => out.push_str("\\f"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0xF)]));
            }
        }
        rest = tail.get(1..).unwrap_or_default();
    }
    out.push('"');
}

/// An array or object under way: whether an element was written yet.
struct Compound<'a, 'b> {
    ser: &'b mut Serializer<'a>,
    first: bool,
    /// The brackets still to close (`]`, `}`, or `}}` for a variant).
    close: &'static str,
}

impl Compound<'_, '_> {
    #[inline(always)]
    fn comma(&mut self) {
        if !std::mem::take(&mut self.first) {
            self.ser.out.push(',');
        }
    }

    fn element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.comma();
        value.serialize(&mut *self.ser)?;
        self.ser.spill(SPILL)
    }

    /// A map key: serialised as a value, then a number or `bool` is quoted
    /// and anything that is not a string is refused, as serde_json does.
    fn key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        self.comma();
        let at = self.ser.out.len();
        // No spill inside a key: its first byte is read back below.
        let sink = self.ser.sink.take();
        let written = key.serialize(&mut *self.ser);
        self.ser.sink = sink;
        written?;
        match self.ser.out.as_bytes().get(at) {
            Some(b'"') => {}
            Some(b'-' | b'0'..=b'9' | b't' | b'f') => {
                self.ser.out.insert(at, '"');
                self.ser.out.push('"');
            }
            _ => return Err(Error::custom("key must be a string")),
        }
        self.ser.out.push(':');
        Ok(())
    }

    #[inline(always)]
    fn field<T: ?Sized + Serialize>(&mut self, name: &'static str, value: &T) -> Result<(), Error> {
        self.comma();
        write_str(self.ser.out, name);
        self.ser.out.push(':');
        value.serialize(&mut *self.ser)
    }

    fn end(self) -> Result<(), Error> {
        self.ser.out.push_str(self.close);
        Ok(())
    }
}

impl<'a, 'b> Serializer<'a> {
    fn open(&'b mut self, open: &str, close: &'static str) -> Compound<'a, 'b> {
        self.out.push_str(open);
        Compound { ser: self, first: true, close }
    }

    /// Opens `{"variant":` and then `open`.
    fn variant(&'b mut self, variant: &str, open: &str, close: &'static str) -> Compound<'a, 'b> {
        self.out.push('{');
        write_str(self.out, variant);
        self.out.push(':');
        self.open(open, close)
    }

    fn integer(&mut self, v: impl itoa::Integer) -> Result<(), Error> {
        self.out.push_str(itoa::Buffer::new().format(v));
        Ok(())
    }
}

macro_rules! integers {
    ($($f:ident: $t:ty),*) => {
        $(fn $f(self, v: $t) -> Result<(), Error> {
            self.integer(v)
        })*
    };
}

impl<'a, 'b> ser::Serializer for &'b mut Serializer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a, 'b>;
    type SerializeTuple = Compound<'a, 'b>;
    type SerializeTupleStruct = Compound<'a, 'b>;
    type SerializeTupleVariant = Compound<'a, 'b>;
    type SerializeMap = Compound<'a, 'b>;
    type SerializeStruct = Compound<'a, 'b>;
    type SerializeStructVariant = Compound<'a, 'b>;

    integers!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64, serialize_i128: i128);
    integers!(serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64, serialize_u128: u128);

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.out.push_str(&serde_json::to_string(&v)?);
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.out.push_str(&serde_json::to_string(&v)?);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        write_str(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let mut seq = self.open("[", "]");
        v.iter().try_for_each(|b| seq.element(b))?;
        seq.end()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let map = self.variant(variant, "", "}");
        value.serialize(&mut *map.ser)?;
        map.end()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Ok(self.open("[", "]"))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Ok(self.open("[", "]"))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Error> {
        Ok(self.open("[", "]"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Ok(self.variant(variant, "[", "]}"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Ok(self.open("{", "}"))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Ok(self.open("{", "}"))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Ok(self.variant(variant, "{", "}}"))
    }
}

macro_rules! compound {
    ($($trait:ident: $method:ident),*) => {
        $(impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }
            fn end(self) -> Result<(), Error> {
                Compound::end(self)
            }
        })*
    };
}

compound!(SerializeSeq: serialize_element, SerializeTuple: serialize_element);
compound!(SerializeTupleStruct: serialize_field, SerializeTupleVariant: serialize_field);

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        self.key(key)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.ser)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

macro_rules! structs {
    ($($trait:ident),*) => {
        $(impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            #[inline]
            fn serialize_field<T: ?Sized + Serialize>(&mut self, name: &'static str, value: &T) -> Result<(), Error> {
                self.field(name, value)
            }
            fn end(self) -> Result<(), Error> {
                Compound::end(self)
            }
        })*
    };
}

structs!(SerializeStruct, SerializeStructVariant);
