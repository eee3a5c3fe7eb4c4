//! JSON text to and from the core's types, in the core itself: one reader and one writer that
//! the widget, the native tests and `cargo xtask check-content` all share.
//!
//! Why not the browser's `JSON.parse` plus serde-wasm-bindgen: every field read crossed the
//! JS/wasm boundary (measured: 14 ms to load a 28-statement questionnaire on a 2-core PC, about
//! 1 ms here), and that route silently ignored unknown fields that this reader reports. Why not
//! serde_json: its float formatting and parsing cost tens of kilobytes of wasm, and the content
//! has only whole numbers. Numbers with a fraction or an exponent are refused with a message.

use serde::ser::{self, Serialize};
use std::fmt;

/// Why a text is not JSON (a message and where), or why a value could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub message: String,
    /// 1-based line and column (in characters) of the byte the reader stopped at; (0, 0) for
    /// errors of the writer, which have no place.
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            f.write_str(&self.message)
        } else {
            write!(
                f,
                "line {}, column {}: {}",
                self.line, self.column, self.message
            )
        }
    }
}

impl std::error::Error for JsonError {}

fn plain(message: String) -> JsonError {
    JsonError {
        message,
        line: 0,
        column: 0,
    }
}

impl ser::Error for JsonError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        plain(msg.to_string())
    }
}

/// A JSON value as read. Numbers are whole (see the module note); objects keep their keys in
/// the order written, so that problems are reported in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(i64),
    Text(String),
    List(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    /// What kind of value this is, in words, for messages such as "expected a text, found a list".
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "`true` or `false`",
            Value::Number(_) => "a number",
            Value::Text(_) => "a text",
            Value::List(_) => "a list",
            Value::Object(_) => "an object",
        }
    }
}

/// Reads `text` as one JSON value. Whitespace may surround it; nothing else may follow it.
pub fn parse(text: &str) -> Result<Value, JsonError> {
    let mut reader = Reader {
        source: text,
        text: text.as_bytes(),
        at: 0,
        depth: 0,
    };
    let value = reader.value().map_err(|e| reader.locate(e))?;
    reader.skip_space();
    if reader.at < reader.text.len() {
        return Err(reader.locate(plain("unexpected text after the value".into())));
    }
    Ok(value)
}

/// Nesting deeper than this is refused, so that a hostile file cannot exhaust the stack.
const MAX_DEPTH: usize = 64;

struct Reader<'t> {
    source: &'t str,
    text: &'t [u8],
    at: usize,
    depth: usize,
}

impl Reader<'_> {
    /// Gives an error the reader's current line and column.
    fn locate(&self, mut e: JsonError) -> JsonError {
        let before = &self.text[..self.at.min(self.text.len())];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        e.line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        // Columns count characters, not bytes: Japanese text is three bytes a character.
        e.column = before[line_start..]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count()
            + 1;
        e
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.text.get(self.at) {
            self.at += 1;
        }
    }

    /// The next byte after whitespace, not consumed.
    fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.text.get(self.at).copied()
    }

    fn unexpected(&self, what: &str) -> JsonError {
        match self.text.get(self.at) {
            None => plain(format!("the text ends where {what} was expected")),
            Some(_) => plain(format!("expected {what}")),
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, JsonError> {
        if self.text[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.unexpected("a value"))
        }
    }

    fn value(&mut self) -> Result<Value, JsonError> {
        match self.peek() {
            Some(b'n') => self.literal("null", Value::Null),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'"') => Ok(Value::Text(self.string()?)),
            Some(b'-' | b'0'..=b'9') => Ok(Value::Number(self.integer()?)),
            Some(open @ (b'[' | b'{')) => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(plain("nested too deeply".into()));
                }
                self.at += 1;
                let value = if open == b'[' {
                    Value::List(self.items()?)
                } else {
                    Value::Object(self.entries()?)
                };
                self.depth -= 1;
                Ok(value)
            }
            _ => Err(self.unexpected("a value")),
        }
    }

    /// Moves past the closing `close` (true) or a separating comma (false) after an item.
    fn after_item(&mut self, close: u8) -> Result<bool, JsonError> {
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                Ok(false)
            }
            Some(b) if b == close => {
                self.at += 1;
                Ok(true)
            }
            _ => Err(self.unexpected(if close == b']' {
                "`,` or `]`"
            } else {
                "`,` or `}`"
            })),
        }
    }

    fn items(&mut self) -> Result<Vec<Value>, JsonError> {
        let mut items = Vec::new();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(items);
        }
        loop {
            items.push(self.value()?);
            if self.after_item(b']')? {
                return Ok(items);
            }
        }
    }

    fn entries(&mut self) -> Result<Vec<(String, Value)>, JsonError> {
        let mut entries = Vec::new();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(entries);
        }
        loop {
            if self.peek() != Some(b'"') {
                return Err(self.unexpected("a key in quotes"));
            }
            let key = self.string()?;
            if self.peek() != Some(b':') {
                return Err(self.unexpected("`:`"));
            }
            self.at += 1;
            entries.push((key, self.value()?));
            if self.after_item(b'}')? {
                return Ok(entries);
            }
        }
    }

    /// A string's contents, after its opening quote has been seen (not consumed).
    #[inline(never)]
    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1;
        let mut out = Vec::new();
        loop {
            let start = self.at;
            while let Some(&b) = self.text.get(self.at) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // No escape before the closing quote (most texts): copied from the source in one
            // piece, not checked again as UTF-8 (the quotes are ASCII: the slice is whole
            // characters).
            if out.is_empty() && self.text.get(self.at) == Some(&b'"') {
                if let Some(plain) = self.source.get(start..self.at) {
                    self.at += 1;
                    return Ok(plain.to_owned());
                }
            }
            out.extend_from_slice(&self.text[start..self.at]);
            match self.text.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    // The input is a &str and escapes produce whole characters, so this holds.
                    return String::from_utf8(out).map_err(|_| plain("invalid UTF-8".into()));
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = match self.text.get(self.at) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode_escape()?,
                        _ => return Err(plain("unknown escape in a text".into())),
                    };
                    self.at += 1;
                    let mut buf = [0; 4];
                    out.extend_from_slice(escaped.encode_utf8(&mut buf).as_bytes());
                }
                Some(_) => return Err(plain("control character in a text".into())),
                None => return Err(plain("the text ends inside a text value".into())),
            }
        }
    }

    /// `\uXXXX` (and a following low surrogate); leaves `at` on the last hex digit.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if self.text.get(self.at + 1..self.at + 3) != Some(b"\\u") {
                return Err(plain("lone surrogate in a text".into()));
            }
            self.at += 2;
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(plain("lone surrogate in a text".into()));
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| plain("lone surrogate in a text".into()))
    }

    /// Reads the four hex digits after `at` (which is on the `u`), leaving `at` on the last.
    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut code = 0;
        for _ in 0..4 {
            self.at += 1;
            let digit = self
                .text
                .get(self.at)
                .and_then(|&b| (b as char).to_digit(16))
                .ok_or_else(|| plain("bad \\u escape in a text".into()))?;
            code = code * 16 + digit;
        }
        Ok(code)
    }

    /// A whole number (the reader is on `-` or a digit): (negative, magnitude).
    #[inline(never)]
    fn integer(&mut self) -> Result<i64, JsonError> {
        let negative = self.text.get(self.at) == Some(&b'-');
        if negative {
            self.at += 1;
        }
        let start = self.at;
        let mut value: u64 = 0;
        let mut overflow = false;
        while let Some(&b) = self.text.get(self.at).filter(|b| b.is_ascii_digit()) {
            match value
                .checked_mul(10)
                .and_then(|v| v.checked_add(u64::from(b - b'0')))
            {
                Some(v) => value = v,
                None => overflow = true,
            }
            self.at += 1;
        }
        if self.at == start {
            return Err(self.unexpected("a value"));
        }
        if let Some(b'.' | b'e' | b'E') = self.text.get(self.at) {
            return Err(plain("only whole numbers are used here".into()));
        }
        if overflow || value > i64::MAX as u64 {
            return Err(plain("number too large".into()));
        }
        Ok(if negative {
            -(value as i64)
        } else {
            value as i64
        })
    }
}

/// Writes `value` as JSON text: compact, or indented by two spaces a level when `pretty`.
pub fn to_string<T: Serialize + ?Sized>(value: &T, pretty: bool) -> Result<String, JsonError> {
    let mut writer = Writer {
        out: String::new(),
        pretty,
        level: 0,
    };
    value.serialize(&mut writer)?;
    Ok(writer.out)
}

struct Writer {
    out: String,
    pretty: bool,
    level: usize,
}

/// Appends `s` as a JSON text value: quoted, with `"`, `\\` and control characters escaped.
pub fn write_text(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                for shift in [4, 0] {
                    let digit = (c as u32 >> shift) & 0xF;
                    out.push(char::from_digit(digit, 16).unwrap_or('0'));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Appends a whole number in decimal: `-` if `negative`, then the digits of `n`.
pub fn write_integer(out: &mut String, negative: bool, mut n: u64) {
    if negative {
        out.push('-');
    }
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        out.push(d as char);
    }
}

impl Writer {
    fn string(&mut self, s: &str) {
        write_text(&mut self.out, s);
    }

    fn newline(&mut self) {
        if self.pretty {
            self.out.push('\n');
            for _ in 0..self.level {
                self.out.push_str("  ");
            }
        }
    }

    /// Ends a key: `:`, and a space when pretty.
    fn colon(&mut self) {
        self.out.push(':');
        if self.pretty {
            self.out.push(' ');
        }
    }

    fn open(&mut self, bracket: char) -> Compound<'_> {
        self.out.push(bracket);
        self.level += 1;
        Compound {
            writer: self,
            first: true,
            wrapped: false,
        }
    }

    fn integer(&mut self, negative: bool, n: u64) {
        write_integer(&mut self.out, negative, n);
    }
}

/// An array or object being written.
struct Compound<'w> {
    writer: &'w mut Writer,
    first: bool,
    /// Inside `{"variant": ...}`: one more brace to close.
    wrapped: bool,
}

impl Compound<'_> {
    fn item(&mut self) {
        if !std::mem::replace(&mut self.first, false) {
            self.writer.out.push(',');
        }
        self.writer.newline();
    }

    fn key(&mut self, key: &str) {
        self.item();
        self.writer.string(key);
        self.writer.colon();
    }

    fn close(self, bracket: char) -> Result<(), JsonError> {
        self.writer.level -= 1;
        if !self.first {
            self.writer.newline();
        }
        self.writer.out.push(bracket);
        if self.wrapped {
            self.writer.level -= 1;
            self.writer.newline();
            self.writer.out.push('}');
        }
        Ok(())
    }
}

/// Only the shapes the core's types use are written; floats and bytes are refused.
fn unsupported(what: &str) -> JsonError {
    plain(format!("cannot write {what} as JSON here"))
}

impl<'w> ser::Serializer for &'w mut Writer {
    type Ok = ();
    type Error = JsonError;
    type SerializeSeq = Compound<'w>;
    type SerializeTuple = Compound<'w>;
    type SerializeTupleStruct = Compound<'w>;
    type SerializeTupleVariant = Compound<'w>;
    type SerializeMap = Compound<'w>;
    type SerializeStruct = Compound<'w>;
    type SerializeStructVariant = Compound<'w>;

    fn serialize_bool(self, v: bool) -> Result<(), JsonError> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), JsonError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), JsonError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), JsonError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), JsonError> {
        self.integer(v < 0, v.unsigned_abs());
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), JsonError> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), JsonError> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), JsonError> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), JsonError> {
        self.integer(false, v);
        Ok(())
    }
    fn serialize_f32(self, _v: f32) -> Result<(), JsonError> {
        Err(unsupported("a fraction"))
    }
    fn serialize_f64(self, _v: f64) -> Result<(), JsonError> {
        Err(unsupported("a fraction"))
    }
    fn serialize_char(self, v: char) -> Result<(), JsonError> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), JsonError> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<(), JsonError> {
        Err(unsupported("bytes"))
    }
    fn serialize_none(self) -> Result<(), JsonError> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), JsonError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), JsonError> {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), JsonError> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), JsonError> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), JsonError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), JsonError> {
        let mut outer = self.open('{');
        outer.key(variant);
        value.serialize(&mut *outer.writer)?;
        outer.close('}')
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'w>, JsonError> {
        Ok(self.open('['))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'w>, JsonError> {
        Ok(self.open('['))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'w>, JsonError> {
        Ok(self.open('['))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'w>, JsonError> {
        self.wrapped(variant, '[')
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'w>, JsonError> {
        Ok(self.open('{'))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'w>, JsonError> {
        Ok(self.open('{'))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'w>, JsonError> {
        self.wrapped(variant, '{')
    }
}

impl<'w> Writer {
    /// Opens `{"variant": [` or `{"variant": {`; the compound closes both.
    fn wrapped(&'w mut self, variant: &str, bracket: char) -> Result<Compound<'w>, JsonError> {
        self.out.push('{');
        self.level += 1;
        self.newline();
        self.string(variant);
        self.colon();
        let mut inner = self.open(bracket);
        inner.wrapped = true;
        Ok(inner)
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        self.item();
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result<(), JsonError> {
        self.close(']')
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), JsonError> {
        self.close(']')
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), JsonError> {
        self.close(']')
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), JsonError> {
        self.close(']')
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = JsonError;
    /// Keys are written like any value, then checked to be texts (JSON allows no other keys;
    /// every map key in the core is a `String`).
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), JsonError> {
        self.item();
        let start = self.writer.out.len();
        key.serialize(&mut *self.writer)?;
        if !self.writer.out[start..].starts_with('"') {
            return Err(unsupported("a non-text key"));
        }
        self.writer.colon();
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result<(), JsonError> {
        self.close('}')
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), JsonError> {
        self.key(key);
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result<(), JsonError> {
        self.close('}')
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), JsonError> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result<(), JsonError> {
        self.close('}')
    }
}
