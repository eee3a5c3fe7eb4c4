//! Content fingerprint: a short hash that ties saved sessions and exported results to the exact
//! questionnaire they were made with, defined by a documented algorithm so that it never drifts;
//! and [`Questionnaire`], content as loaded, which computes it once.
//!
//! The algorithm (docs/content.md gives it to consultancies too):
//! 1. The **canonical text** of the content: the content model written as compact JSON (texts
//!    escaped as the core's JSON writer does: `"`, `\` and control characters only), the fields
//!    of every object of the model in byte order of their names, and a field left out when its
//!    value is `null`, `false`, `0`, `""`, `[]` or `{}`. Maps (texts by language, weights,
//!    wordings) and conditions keep every entry; lists keep their order.
//! 2. **FNV-1a, 64 bit** (offset basis 0xcbf29ce484222325, prime 0x100000001b3) over the text's
//!    UTF-8 bytes, written as 16 lower-case hex digits.
//!
//! The value depends only on what the content says, not on how Rust hashes a struct: the derived
//! `Hash` that fed the first algorithm is not promised stable across Rust releases and changed
//! whenever a field was added. A field added to the model later, left unset, writes nothing, so
//! content that does not use it keeps its fingerprint: a new field must have an empty default
//! (`None`, `false`, `0`, empty). FNV-1a is tiny (every byte of wasm counts); it guards against
//! accidents, not attackers.

use super::content::{Condition, Content};
use super::json::{write_integer, write_text};
use super::map::Map;
use std::cell::OnceCell;

/// The fingerprint of `content` (see the module note). Callers holding loaded content use
/// [`Questionnaire::fingerprint`], which computes it once.
pub fn fingerprint(content: &Content) -> String {
    hex16(fnv1a(canonical_text(content).as_bytes()))
}

/// `hash` in 16 lower-case hex digits (as `format!("{hash:016x}")`, without the formatting
/// machinery, which the widget would carry for this alone).
pub fn hex16(hash: u64) -> String {
    (0..16)
        .rev()
        .map(|i| char::from(b"0123456789abcdef"[(hash >> (i * 4)) as usize & 15]))
        .collect()
}

/// The canonical text of `content` (see the module note).
pub fn canonical_text(content: &Content) -> String {
    let mut out = String::new();
    content.write_canonical(&mut out);
    out
}

/// A part of the content model written as canonical text. Structs get it from
/// [`canonical_struct!`] with their field names, the same list the reader uses (`core::read`).
///
/// By hand rather than through serde: serialising the content model with serde's derives cost
/// 17 KB of wasm (2.8 KB gzip); these few small functions cost a fraction of that.
pub trait Canonical {
    fn write_canonical(&self, out: &mut String);
}

impl Canonical for String {
    fn write_canonical(&self, out: &mut String) {
        write_text(out, self);
    }
}

impl Canonical for bool {
    fn write_canonical(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl Canonical for u32 {
    fn write_canonical(&self, out: &mut String) {
        write_integer(out, false, u64::from(*self));
    }
}

impl Canonical for i32 {
    fn write_canonical(&self, out: &mut String) {
        write_integer(out, *self < 0, u64::from(self.unsigned_abs()));
    }
}

impl<T: Canonical> Canonical for Option<T> {
    fn write_canonical(&self, out: &mut String) {
        match self {
            Some(x) => x.write_canonical(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: Canonical> Canonical for Vec<T> {
    fn write_canonical(&self, out: &mut String) {
        out.push('[');
        for (i, x) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            x.write_canonical(out);
        }
        out.push(']');
    }
}

/// Every entry, in key order (the map keeps its keys sorted).
impl<T: Canonical> Canonical for Map<T> {
    fn write_canonical(&self, out: &mut String) {
        out.push('{');
        for (i, (k, v)) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_text(out, k);
            out.push(':');
            v.write_canonical(out);
        }
        out.push('}');
    }
}

/// `{"kind": ...}`, as the content writes a condition.
impl Canonical for Condition {
    fn write_canonical(&self, out: &mut String) {
        let mut variant = |name: &str, value: &dyn Fn(&mut String)| {
            out.push('{');
            write_text(out, name);
            out.push(':');
            value(out);
            out.push('}');
        };
        match self {
            Condition::All(l) => variant("all", &|o| l.write_canonical(o)),
            Condition::Any(l) => variant("any", &|o| l.write_canonical(o)),
            Condition::Severity(s) => variant("severity", &|o| s.write_canonical(o)),
            Condition::Answer(a) => variant("answer", &|o| a.write_canonical(o)),
            Condition::Missing(i) => variant("missing", &|o| i.write_canonical(o)),
            Condition::Unknown(i) => variant("unknown", &|o| i.write_canonical(o)),
            Condition::Role(r) => variant("role", &|o| r.write_canonical(o)),
        }
    }
}

/// Writes a struct's fields, (name, value) in any order, as one canonical object. Not generic, so
/// that it exists once in the wasm.
pub fn write_object(out: &mut String, fields: &[(&'static str, &dyn Canonical)]) {
    let mut written: Vec<(&str, String)> = Vec::with_capacity(fields.len());
    for (name, value) in fields {
        let mut text = String::new();
        value.write_canonical(&mut text);
        if !matches!(text.as_str(), "null" | "false" | "0" | "\"\"" | "[]" | "{}") {
            written.push((name, text));
        }
    }
    super::order::sort_stable_by(&mut written, |a, b| a.0 < b.0);
    out.push('{');
    for (i, (name, text)) in written.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_text(out, name);
        out.push(':');
        out.push_str(text);
    }
    out.push('}');
}

/// Implements [`Canonical`] for a struct from its fields' JSON names:
/// `canonical_struct!(Step { "id" => id, "text" => text })`.
#[macro_export]
macro_rules! canonical_struct {
    ($type:ty { $($name:literal => $field:ident),* $(,)? }) => {
        impl $crate::core::fingerprint::Canonical for $type {
            fn write_canonical(&self, out: &mut String) {
                $crate::core::fingerprint::write_object(out, &[$(($name, &self.$field)),*]);
            }
        }
    };
}

/// FNV-1a, 64 bit.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Fingerprints written by releases before the canonical algorithm (layout version 1 of saved
/// sessions and result files), for the content that was shipped then: (id, version, fingerprint).
/// Such a file is checked against this record; one for content not listed here (a consultancy's
/// own) is accepted on its id and version, and its answers are still checked against the
/// questionnaire when it is opened.
const RETIRED: [(&str, &str, &str); 1] = [("kintone-municipal", "2026.11.2", "bd24131dae6d7452")];

/// Content as loaded: the model, and its fingerprint computed at most once (hashing the whole
/// questionnaire is not first-render work, and a saved session names it on every answer). There
/// is no way to edit the content inside, so the fingerprint cannot go stale.
#[derive(Debug, Clone)]
pub struct Questionnaire {
    content: Content,
    fingerprint: OnceCell<String>,
    by_id: OnceCell<Vec<usize>>,
}

impl Questionnaire {
    pub fn new(content: Content) -> Self {
        Questionnaire {
            content,
            fingerprint: OnceCell::new(),
            by_id: OnceCell::new(),
        }
    }

    /// A questionnaire whose fingerprint is known: a copy of the shipped one without some of its
    /// texts stands for the whole (`crate::OFFICE_CONTENT`).
    pub fn with_fingerprint(content: Content, fingerprint: &str) -> Self {
        let q = Questionnaire::new(content);
        let _ = q.fingerprint.set(fingerprint.to_string());
        q
    }

    /// The questions' places in the content, in the order of their ids (computed on first use):
    /// a result's answers, kept in id order, are walked beside them (`core::office`).
    pub fn questions_by_id(&self) -> &[usize] {
        self.by_id.get_or_init(|| {
            let questions = &self.content.questions;
            let mut order: Vec<usize> = (0..questions.len()).collect();
            super::order::sort_stable_by(&mut order, |a, b| questions[*a].id < questions[*b].id);
            order
        })
    }

    pub fn content(&self) -> &Content {
        &self.content
    }

    pub fn fingerprint(&self) -> &str {
        self.fingerprint.get_or_init(|| fingerprint(&self.content))
    }

    /// Whether a saved session or result file that names this id, version and fingerprint was
    /// made with this questionnaire. `retired` says the file was written with the first
    /// fingerprint algorithm (layout version 1): see [`RETIRED`].
    pub fn made_with(&self, id: &str, version: &str, fingerprint: &str, retired: bool) -> bool {
        if id != self.content.id || version != self.content.content_version {
            return false;
        }
        if !retired {
            return fingerprint == self.fingerprint();
        }
        RETIRED
            .iter()
            .find(|(i, v, _)| *i == id && *v == version)
            .is_none_or(|(_, _, f)| *f == fingerprint)
    }
}

impl std::ops::Deref for Questionnaire {
    type Target = Content;
    fn deref(&self) -> &Content {
        &self.content
    }
}

impl PartialEq for Questionnaire {
    fn eq(&self, other: &Self) -> bool {
        self.content == other.content
    }
}
