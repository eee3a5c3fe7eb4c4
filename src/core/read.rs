//! Reading JSON into the core's types: questionnaire content, saved sessions and result files.
//! Every value that does not fit is reported with its path, all at once, like the validator.
//!
//! Hand-written over `json::Value` rather than serde's derived deserializers: those cost about
//! 50 KB of wasm for the content model alone (one visitor per struct, inlined into one
//! function), here the per-struct code is a match on field names over shared helpers. The serde
//! derives stay on the types for the native tests, which compare this reader with serde_json.

use super::content::*;
use super::export::{ExportedScore, ResultExport};
use super::json::{parse, Value};
use super::map::Map;
use super::scoring::Answer;
use super::session::{Screen, Snapshot};
use super::validate::{excerpt, Problem};

/// The largest questionnaire read, in bytes of JSON (the shipped one is about 100 KB; one with
/// 2,000 statements in two languages about 1 MB).
pub const MAX_CONTENT_BYTES: usize = 4 << 20;
/// The largest result file or saved session read, in bytes (a real one is 2-4 KB).
pub const MAX_FILE_BYTES: usize = 1 << 20;
/// The most entries one object may have (a result file's answers: one per statement).
pub const MAX_KEYS: usize = 5_000;

/// Reads a questionnaire. Errors: the JSON syntax error, or every value that does not fit.
pub fn content(text: &str) -> Result<Content, Vec<Problem>> {
    let text = without_bom(text);
    if text.len() > MAX_CONTENT_BYTES {
        return Err(vec![Problem::new(
            "JSON",
            format!(
                "the questionnaire is {} KB; at most {} KB is read",
                text.len() / 1024,
                MAX_CONTENT_BYTES / 1024
            ),
        )]);
    }
    read_root(text, true)
}

/// Reads a saved session; `None` if the text is not one (the widget then says it is unreadable).
pub fn snapshot(text: &str) -> Option<Snapshot> {
    let text = without_bom(text);
    if text.len() > MAX_FILE_BYTES {
        return None;
    }
    read_root(text, false).ok()
}

/// Why a result file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotRead {
    /// The text is not JSON at all.
    NotJson,
    /// JSON, but not shaped like a result file.
    Misfit,
    /// Larger than any result file ([`MAX_FILE_BYTES`]).
    TooLarge,
}

/// Reads a result file made by the widget's export.
pub fn result_export(text: &str) -> Result<ResultExport, NotRead> {
    let text = without_bom(text);
    if text.len() > MAX_FILE_BYTES {
        return Err(NotRead::TooLarge);
    }
    let value = parse(text).map_err(|_| NotRead::NotJson)?;
    let mut r = Reading::new(false);
    match ResultExport::read(&value, &mut r) {
        Some(file) if r.problems.is_empty() => Ok(file),
        _ => Err(NotRead::Misfit),
    }
}

/// `text` without a leading byte-order mark: Windows Notepad adds one when a file is saved as
/// UTF-8, and a respondent who looked at their result file there must still be able to open it.
fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

fn read_root<T: Read>(text: &str, strict: bool) -> Result<T, Vec<Problem>> {
    let value = parse(text).map_err(|e| vec![Problem::new("JSON", e.to_string())])?;
    let mut r = Reading::new(strict);
    match T::read(&value, &mut r) {
        Some(out) if r.problems.is_empty() => Ok(out),
        _ => Err(r.problems),
    }
}

/// Where the reader is, and what it found wrong so far.
pub struct Reading {
    path: String,
    problems: Vec<Problem>,
    /// Unknown keys are problems (content, written by people) rather than ignored (files the
    /// widget wrote, which a newer version may extend).
    strict: bool,
}

impl Reading {
    fn new(strict: bool) -> Self {
        Reading {
            path: String::new(),
            problems: Vec::new(),
            strict,
        }
    }

    fn problem(&mut self, message: String) {
        let path = if self.path.is_empty() {
            "(top)"
        } else {
            self.path.as_str()
        };
        self.problems.push(Problem::new(path, message));
    }

    /// Reports that `v` is not what `expected` names; always `None`.
    fn mismatch<T>(&mut self, v: &Value, expected: &str) -> Option<T> {
        self.problem(format!("expected {expected}, found {}", v.kind()));
        None
    }

    /// Runs `f` with `segment` appended to the path (`.key` or `[i]`).
    fn at<T>(&mut self, segment: &str, f: impl FnOnce(&mut Self) -> T) -> T {
        let len = self.path.len();
        if !self.path.is_empty() && !segment.starts_with('[') {
            self.path.push('.');
        }
        // A key can be as long as the file: the path quotes its start only.
        if segment.len() > 60 {
            self.path.push_str(&excerpt(segment, 60));
        } else {
            self.path.push_str(segment);
        }
        let out = f(self);
        self.path.truncate(len);
        out
    }

    /// Runs `f` with `[index]` appended to the path. The digits are written by hand: this runs for
    /// every list item of every questionnaire read, on the way to the first screen, where the
    /// formatting machinery would be compiled and run only to be thrown away.
    fn at_index<T>(&mut self, index: usize, f: impl FnOnce(&mut Self) -> T) -> T {
        let len = self.path.len();
        self.path.push('[');
        push_digits(&mut self.path, index);
        self.path.push(']');
        let out = f(self);
        self.path.truncate(len);
        out
    }

    /// Calls `field` with each entry of an object. `field` returns false for a key it does not
    /// know. Not generic, so that the loop exists once in the wasm.
    fn object(
        &mut self,
        v: &Value,
        field: &mut dyn FnMut(&mut Self, &str, &Value) -> bool,
    ) -> Option<()> {
        let Value::Object(entries) = v else {
            return self.mismatch(v, "an object `{...}`");
        };
        if entries.len() > MAX_KEYS {
            self.problem(format!(
                "{} entries in one object; at most {MAX_KEYS} are read",
                entries.len()
            ));
            return None;
        }
        // An object of one entry (each answer of a result file) repeats nothing: no table for it.
        let repeated = match entries.len() {
            0 | 1 => Vec::new(),
            _ => repeated_keys(entries),
        };
        for (i, (key, value)) in entries.iter().enumerate() {
            if repeated.get(i) == Some(&true) {
                self.at(key, |r| r.problem("appears twice in one object".into()));
                continue;
            }
            let known = self.at(key, |r| field(r, key, value));
            if !known && self.strict {
                self.at(key, |r| {
                    r.problem("unknown field (misspelt, or from another format?)".into())
                });
            }
        }
        Some(())
    }
}

/// Marks each entry whose key an earlier entry of the same object has. Linear in the entries:
/// an open-addressing table over FNV-1a, where comparing every pair (as this once did) froze the
/// page for minutes on a file with 100,000 keys.
fn repeated_keys(entries: &[(String, Value)]) -> Vec<bool> {
    let size = (entries.len() * 2).next_power_of_two();
    let mut table = vec![usize::MAX; size];
    entries
        .iter()
        .enumerate()
        .map(|(i, (key, _))| {
            let mut slot = super::fingerprint::fnv1a(key.as_bytes()) as usize & (size - 1);
            loop {
                match table[slot] {
                    usize::MAX => {
                        table[slot] = i;
                        return false;
                    }
                    j if entries[j].0 == *key => return true,
                    _ => slot = (slot + 1) & (size - 1),
                }
            }
        })
        .collect()
}

/// Appends `n` in decimal.
fn push_digits(out: &mut String, n: usize) {
    if n >= 10 {
        push_digits(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// A type that can be read from a JSON value. `None` means a problem was reported.
pub trait Read: Sized {
    fn read(v: &Value, r: &mut Reading) -> Option<Self>;
}

impl Read for String {
    fn read(v: &Value, r: &mut Reading) -> Option<Self> {
        match v {
            Value::Text(s) => Some(s.clone()),
            _ => r.mismatch(v, "a text"),
        }
    }
}

impl Read for bool {
    fn read(v: &Value, r: &mut Reading) -> Option<Self> {
        match v {
            Value::Bool(b) => Some(*b),
            _ => r.mismatch(v, "`true` or `false`"),
        }
    }
}

/// Whole numbers in `i64`, narrowed with a message when out of range.
fn number(v: &Value, r: &mut Reading, min: i64, max: i64) -> Option<i64> {
    match v {
        Value::Number(n) if (min..=max).contains(n) => Some(*n),
        Value::Number(n) => {
            r.problem(format!("{n} is outside {min} to {max}"));
            None
        }
        _ => r.mismatch(v, "a whole number"),
    }
}

impl Read for u32 {
    fn read(v: &Value, r: &mut Reading) -> Option<Self> {
        number(v, r, 0, u32::MAX.into()).map(|n| n as u32)
    }
}

impl Read for i32 {
    fn read(v: &Value, r: &mut Reading) -> Option<Self> {
        number(v, r, i32::MIN.into(), i32::MAX.into()).map(|n| n as i32)
    }
}

impl Read for usize {
    fn read(v: &Value, r: &mut Reading) -> Option<Self> {
        number(v, r, 0, u32::MAX.into()).map(|n| n as usize)
    }
}

impl<T: Read> Read for Option<T> {
    fn read(v: &Value, r: &mut Reading) -> Option<Self> {
        match v {
            Value::Null => Some(None),
            _ => T::read(v, r).map(Some),
        }
    }
}

impl<T: Read> Read for Vec<T> {
    fn read(v: &Value, r: &mut Reading) -> Option<Self> {
        let Value::List(items) = v else {
            return r.mismatch(v, "a list `[...]`");
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if let Some(x) = r.at_index(i, |r| T::read(item, r)) {
                out.push(x);
            }
        }
        Some(out)
    }
}

impl<T: Read> Read for Map<T> {
    fn read(v: &Value, r: &mut Reading) -> Option<Self> {
        let mut out = Map::new();
        r.object(v, &mut |r, key, value| {
            if let Some(x) = T::read(value, r) {
                out.insert(key.to_string(), x);
            }
            true
        })?;
        Some(out)
    }
}

/// A struct of the content model: its reader, and its canonical text (`core::fingerprint`),
/// from one list of its fields, so that a field is named once for both.
macro_rules! content_struct {
    ($type:ty { $($name:literal => $field:ident),* $(,)? }) => {
        read_struct!($type { $($name => $field),* });
        $crate::canonical_struct!($type { $($name => $field),* });
    };
}

/// `Read` for a struct whose fields all have defaults: starts from `Default` and reads each
/// field present, under its JSON name.
macro_rules! read_struct {
    ($type:ty { $($name:literal => $field:ident),* $(,)? }) => {
        impl Read for $type {
            fn read(v: &Value, r: &mut Reading) -> Option<Self> {
                let mut out = <$type>::default();
                r.object(v, &mut |r, key, value| {
                    match key {
                        $($name => {
                            if let Some(x) = Read::read(value, r) {
                                out.$field = x;
                            }
                        })*
                        _ => return false,
                    }
                    true
                })?;
                Some(out)
            }
        }
    };
}

content_struct!(Content {
    "format_version" => format_version,
    "id" => id,
    "content_version" => content_version,
    "languages" => languages,
    "title" => title,
    "intro" => intro,
    "roles" => roles,
    "groups" => groups,
    "dimensions" => dimensions,
    "bands" => bands,
    "min_answers" => min_answers,
    "primary_margin" => primary_margin,
    "max_primary" => max_primary,
    "min_share" => min_share,
    "few_answers" => few_answers,
    "max_steps" => max_steps,
    "scoring_note" => scoring_note,
    "scales" => scales,
    "stage_question" => stage_question,
    "sections" => sections,
    "questions" => questions,
    "owners" => owners,
    "timeframes" => timeframes,
    "steps" => steps,
    "recommendations" => recommendations,
    "checklist" => checklist,
    "maturity" => maturity,
});
content_struct!(Maturity { "levels" => levels, "caps" => caps });
content_struct!(Role { "id" => id, "label" => label, "description" => description });
content_struct!(Group { "id" => id, "label" => label });
content_struct!(Dimension { "id" => id, "group" => group, "label" => label, "summary" => summary });
content_struct!(Band { "id" => id, "min" => min, "label" => label });
content_struct!(Scale { "id" => id, "choices" => choices, "dont_know" => dont_know });
content_struct!(ScaleChoice { "value" => value, "label" => label });
content_struct!(Section { "id" => id, "title" => title, "intro" => intro });
content_struct!(Question {
    "id" => id,
    "section" => section,
    "text" => text,
    "wording" => wording,
    "roles" => roles,
    "stages" => stages,
    "scale" => scale,
    "dont_know" => dont_know,
    "required" => required,
    "choices" => choices,
});
content_struct!(Choice { "value" => value, "weights" => weights });
content_struct!(Owner { "id" => id, "label" => label, "roles" => roles });
content_struct!(Timeframe { "id" => id, "label" => label });
content_struct!(Step {
    "id" => id,
    "owner" => owner,
    "timeframe" => timeframe,
    "family" => family,
    "to" => to,
    "text" => text,
    "rationale" => rationale,
    "ask" => ask,
});
content_struct!(Recommendation {
    "id" => id,
    "when" => when,
    "step" => step,
    "dimension" => dimension,
    "priority" => priority,
});
content_struct!(SeverityCondition { "dimension" => dimension, "at_least" => at_least, "at_most" => at_most });
content_struct!(AnswerCondition { "question" => question, "in" => values });
content_struct!(Checklist { "title" => title, "dimension" => dimension, "items" => items });
content_struct!(ChecklistItem {
    "id" => id,
    "label" => label,
    "detail" => detail,
    "question" => question,
    "has" => has,
    "lacks" => lacks,
});
read_struct!(Snapshot {
    "format" => format,
    "format_version" => format_version,
    "content_id" => content_id,
    "content_version" => content_version,
    "fingerprint" => fingerprint,
    "role" => role,
    "answers" => answers,
    "ticked" => ticked,
    "lacking" => lacking,
    "unsure" => unsure,
    "screen" => screen,
    "lang" => lang,
    "made" => made,
    "targets" => targets,
});
read_struct!(ResultExport {
    "format" => format,
    "format_version" => format_version,
    "content_id" => content_id,
    "content_version" => content_version,
    "fingerprint" => fingerprint,
    "created" => created,
    "lang" => lang,
    "role" => role,
    "answers" => answers,
    "ticked" => ticked,
    "lacking" => lacking,
    "unsure" => unsure,
    "targets" => targets,
    "scores" => scores,
    "primary" => primary,
    "plan" => plan,
});
read_struct!(ExportedScore { "dimension" => dimension, "score" => score, "band" => band });

/// An enum value as serde writes it: `"variant"` or `{"variant": value}` (one key). Returns the
/// variant name and its value (`Null` for the bare form).
fn variant<'v>(v: &'v Value, r: &mut Reading, names: &str) -> Option<(&'v str, &'v Value)> {
    match v {
        Value::Text(name) => Some((name, &Value::Null)),
        Value::Object(entries) if entries.len() == 1 => Some((&entries[0].0, &entries[0].1)),
        _ => r.mismatch(v, names),
    }
}

fn unknown_variant<T>(r: &mut Reading, name: &str, names: &str) -> Option<T> {
    r.problem(format!(
        "unknown kind `{}`, expected {names}",
        excerpt(name, 40)
    ));
    None
}

impl Read for Condition {
    fn read(v: &Value, r: &mut Reading) -> Option<Self> {
        const NAMES: &str =
            "one of `all`, `any`, `severity`, `answer`, `missing`, `unknown`, `role`";
        let (name, value) = variant(v, r, NAMES)?;
        r.at(name, |r| match name {
            "all" => Read::read(value, r).map(Condition::All),
            "any" => Read::read(value, r).map(Condition::Any),
            "severity" => Read::read(value, r).map(Condition::Severity),
            "answer" => Read::read(value, r).map(Condition::Answer),
            "missing" => Read::read(value, r).map(Condition::Missing),
            "unknown" => Read::read(value, r).map(Condition::Unknown),
            "role" => Read::read(value, r).map(Condition::Role),
            _ => unknown_variant(r, name, NAMES),
        })
    }
}

impl Read for Answer {
    fn read(v: &Value, r: &mut Reading) -> Option<Self> {
        const NAMES: &str = "`dont_know` or `{\"choice\": ...}`";
        match variant(v, r, NAMES)? {
            ("dont_know", Value::Null) => Some(Answer::DontKnow),
            ("choice", value) => r.at("choice", |r| Read::read(value, r).map(Answer::Choice)),
            (name, _) => unknown_variant(r, name, NAMES),
        }
    }
}

impl Read for Screen {
    fn read(v: &Value, r: &mut Reading) -> Option<Self> {
        const NAMES: &str = "`start`, `result` or `{\"section\": n}`";
        match variant(v, r, NAMES)? {
            ("start", Value::Null) => Some(Screen::Start),
            ("result", Value::Null) => Some(Screen::Result),
            ("review", Value::Null) => Some(Screen::Review),
            ("section", value) => r.at("section", |r| Read::read(value, r).map(Screen::Section)),
            (name, _) => unknown_variant(r, name, NAMES),
        }
    }
}
read_struct!(super::office::OfficeFile {
    "format" => format,
    "format_version" => format_version,
    "content_id" => content_id,
    "content_version" => content_version,
    "fingerprint" => fingerprint,
    "saved" => saved,
    "workshop" => workshop,
    "statements" => statements,
    "results" => results,
});

/// The largest office file read, in bytes (10,000 results of about 3 KB each).
pub const MAX_OFFICE_BYTES: usize = 64 << 20;

/// Reads an office file (`core::office`).
pub fn office_file(text: &str) -> Result<super::office::OfficeFile, NotRead> {
    let text = without_bom(text);
    if text.len() > MAX_OFFICE_BYTES {
        return Err(NotRead::TooLarge);
    }
    let value = parse(text).map_err(|_| NotRead::NotJson)?;
    let mut r = Reading::new(false);
    match super::office::OfficeFile::read(&value, &mut r) {
        Some(file) if r.problems.is_empty() => Ok(file),
        _ => Err(NotRead::Misfit),
    }
}

read_struct!(super::guide::Guide {
    "format_version" => format_version,
    "id" => id,
    "guide_version" => guide_version,
    "for" => for_content,
    "procedure" => procedure,
    "procedure_source" => procedure_source,
    "dimensions" => dimensions,
    "families" => families,
});
read_struct!(super::draft::Drafts {
    "format_version" => format_version,
    "id" => id,
    "drafts_version" => drafts_version,
    "for" => for_content,
    "drafts" => drafts,
    "labels" => labels,
    "procurement" => procurement,
});
read_struct!(super::draft::Draft {
    "id" => id,
    "procedure" => procedure,
    "writer" => writer,
    "reader" => reader,
    "blockers" => blockers,
    "stages" => stages,
    "missing_materials" => missing_materials,
    "title" => title,
    "lead" => lead,
    "sections" => sections,
});
read_struct!(super::draft::DraftSection {
    "heading" => heading,
    "body" => body,
    "points" => points,
    "numbered" => numbered,
    "table" => table,
    "fill" => fill,
});
read_struct!(super::draft::Procurement {
    "checked" => checked,
    "source" => source,
    "limits" => limits,
    "routes" => routes,
});
read_struct!(super::draft::Limit { "id" => id, "label" => label, "yen" => yen });
read_struct!(super::draft::Route { "id" => id, "label" => label, "text" => text });
read_struct!(super::guide::ProcedureStep { "id" => id, "label" => label });
read_struct!(super::guide::DimensionGuide { "procedure" => procedure, "opener" => opener });

/// Reads the office's document drafts (`core::draft`), strictly: a misspelt field is reported.
pub fn drafts(text: &str) -> Result<super::draft::Drafts, Vec<Problem>> {
    office_content(text)
}

/// Reads the office page's guide (`core::guide`), strictly: a misspelt field is reported.
pub fn guide(text: &str) -> Result<super::guide::Guide, Vec<Problem>> {
    office_content(text)
}

/// The office page's own content files, read strictly and within the questionnaire's size.
fn office_content<T: Read>(text: &str) -> Result<T, Vec<Problem>> {
    let text = without_bom(text);
    if text.len() > MAX_CONTENT_BYTES {
        return Err(vec![Problem::new("JSON", "too large")]);
    }
    read_root(text, true)
}
