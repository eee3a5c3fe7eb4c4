//! Fuzzing the readers (cargo-fuzz needs a nightly compiler, which this machine cannot fetch;
//! proptest with a large case budget instead): questionnaires, saved sessions and result files
//! made of random bytes, and valid files cut, spliced and corrupted at random. The readers
//! must return a value or a list of problems, never panic; a questionnaire that reads is then
//! validated, and a result file that reads is imported, which must not panic either.

use super::{shipped, validator::minimal};
use kintone_diagnosis::core::session::Saved;
use kintone_diagnosis::core::{import, json, read, validate, Questionnaire};
use proptest::prelude::*;
use std::sync::OnceLock;

/// Cases per target; `cargo test` runs four targets, so four times this many executions.
const CASES: u32 = 25_000;

/// Valid texts to corrupt: a small questionnaire, a saved session and a result file.
fn seeds() -> &'static [String; 3] {
    static SEEDS: OnceLock<[String; 3]> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let q = shipped();
        let mut s = kintone_diagnosis::core::Session::new();
        s.apply(
            &q,
            kintone_diagnosis::core::Action::ChooseRole("staff".into()),
        );
        for question in q.questions.iter().take(12) {
            s.apply(
                &q,
                kintone_diagnosis::core::Action::Answer {
                    question: question.id.clone(),
                    answer: kintone_diagnosis::core::Answer::Choice(
                        question.choices[0].value.clone(),
                    ),
                },
            );
        }
        [
            serde_json::to_string(&minimal()).unwrap(),
            json::to_string(&s.snapshot(&q), false).unwrap(),
            json::to_string(
                &kintone_diagnosis::core::export(&q, &s.diagnose(&q), "ja", "2026-11-30"),
                true,
            )
            .unwrap(),
        ]
    })
}

/// One edit of a text: (where, as a fraction of its length; what; a byte or a piece of JSON).
fn edits() -> impl Strategy<Value = Vec<(f64, u8, u8)>> {
    prop::collection::vec((0.0..1.0f64, 0u8..6, any::<u8>()), 1..8)
}

const PIECES: [&str; 8] = ["{", "}", "[", "]", "\"", ",", ":", "\\u"];

/// Applies `edits` to the bytes of `text`: delete, insert a byte, insert a JSON piece, duplicate
/// a span, cut the text there, or replace a byte. The result may be any bytes at all.
fn corrupt(text: &str, edits: &[(f64, u8, u8)]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for &(at, kind, b) in edits {
        let i = ((bytes.len() as f64) * at) as usize;
        let i = i.min(bytes.len());
        match kind {
            0 if i < bytes.len() => {
                bytes.remove(i);
            }
            1 => bytes.insert(i, b),
            2 => {
                let piece = PIECES[b as usize % PIECES.len()].as_bytes();
                bytes.splice(i..i, piece.iter().copied());
            }
            3 => {
                let end = (i + b as usize).min(bytes.len());
                let span = bytes[i..end].to_vec();
                bytes.splice(i..i, span);
            }
            4 => bytes.truncate(i),
            _ if i < bytes.len() => bytes[i] = b,
            _ => {}
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Every reader on one text, and what follows a successful read.
fn read_everything(text: &str) {
    let q = questionnaire();
    if let Ok(content) = read::content(text) {
        let _ = validate(&content);
        let _ = Questionnaire::new(content).fingerprint().len();
    }
    let _ = Saved::read(q, text);
    if let Ok(file) = read::result_export(text) {
        let _ = import(q, &file);
    }
}

fn questionnaire() -> &'static Questionnaire {
    thread_local!(static Q: &'static Questionnaire = Box::leak(Box::new(shipped())));
    Q.with(|q| *q)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic_a_reader(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        read_everything(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn a_corrupted_questionnaire_never_panics(edits in edits()) {
        read_everything(&corrupt(&seeds()[0], &edits));
    }

    #[test]
    fn a_corrupted_saved_session_never_panics(edits in edits()) {
        read_everything(&corrupt(&seeds()[1], &edits));
    }

    #[test]
    fn a_corrupted_result_file_never_panics(edits in edits()) {
        read_everything(&corrupt(&seeds()[2], &edits));
    }
}
