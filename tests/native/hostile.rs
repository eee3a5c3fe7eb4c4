//! Hostile and careless input to the readers: huge files, objects with many or repeated keys,
//! and values as long as the file, each refused with a short message and without quoting more
//! than an excerpt of what the file says.

use super::{answers_for, shipped, Lean};
use kintone_diagnosis::core::read::{self, NotRead, MAX_FILE_BYTES, MAX_KEYS};
use kintone_diagnosis::core::{export, import, json, validate, ImportError};

/// A real result file of the shipped questionnaire, as text.
fn result_text() -> String {
    let c = shipped();
    let s = kintone_diagnosis::core::Session {
        role: Some("staff".into()),
        answers: answers_for(&c, "staff", |_| Lean::Somewhat),
        ..Default::default()
    };
    json::to_string(
        &export(&c, &s.diagnose(&c), "ja", "2026-11-30T00:00:00Z"),
        true,
    )
    .unwrap()
}

/// `text` with `n` more answers, keys `k0`, `k1`, ... (`repeat` makes the last one `k0` again).
fn with_answers(text: &str, n: usize, repeat: bool) -> String {
    let mut extra = String::new();
    for i in 0..n {
        let key = if repeat && i == n - 1 { 0 } else { i };
        extra.push_str(&format!("\"k{key}\": \"dont_know\","));
    }
    text.replacen("\"answers\": {", &format!("\"answers\": {{{extra}"), 1)
}

#[test]
fn a_file_larger_than_any_result_is_refused_before_it_is_read() {
    // 100,000 answer keys, 2.4 MB: it once froze the page for minutes.
    let huge = with_answers(&result_text(), 100_000, false);
    assert!(huge.len() > MAX_FILE_BYTES);
    assert_eq!(read::result_export(&huge), Err(NotRead::TooLarge));
    assert_eq!(read::snapshot(&huge), None);
}

#[test]
fn objects_with_too_many_or_repeated_keys_are_refused() {
    let many = with_answers(&result_text(), MAX_KEYS + 1, false);
    assert!(many.len() < MAX_FILE_BYTES);
    assert_eq!(read::result_export(&many), Err(NotRead::Misfit));
    // Just within the limit, one key repeated far from its first use: found.
    let repeated = with_answers(&result_text(), MAX_KEYS - 60, true);
    assert_eq!(read::result_export(&repeated), Err(NotRead::Misfit));
    let fine = with_answers(&result_text(), MAX_KEYS - 60, false);
    // Read, then refused by the questionnaire: those answers are to no statement of it.
    let file = read::result_export(&fine).unwrap();
    assert_eq!(import(&shipped(), &file), Err(ImportError::Altered));
}

#[test]
fn a_repeated_key_in_a_questionnaire_is_named_by_its_path() {
    let text = kintone_diagnosis::SHIPPED_CONTENT.replacen("{\"id\":", "{\"id\":\"x\",\"id\":", 1);
    let problems = read::content(&text).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].to_string(),
        "roles[0].id: appears twice in one object"
    );
}

#[test]
fn what_a_file_says_is_quoted_in_a_message_only_as_an_excerpt() {
    let long = "x".repeat(500_000);
    // A result file naming a questionnaire with a half-megabyte id.
    let text = result_text().replacen(
        "\"content_id\": \"kintone-municipal\"",
        &format!("\"content_id\": \"{long}\""),
        1,
    );
    let file = read::result_export(&text).unwrap();
    let Err(ImportError::OtherContent { content_id, .. }) = import(&shipped(), &file) else {
        panic!("not refused as another questionnaire");
    };
    assert!(
        content_id.chars().count() <= 41,
        "{} characters",
        content_id.len()
    );
    // A questionnaire with such an id, and with such an unknown field.
    let mut c = shipped().content().clone();
    c.roles[0].id = long.clone();
    for p in validate(&c) {
        assert!(
            p.to_string().chars().count() < 600,
            "{} characters",
            p.to_string().len()
        );
    }
    let text = kintone_diagnosis::SHIPPED_CONTENT.replacen(
        "{\"id\":",
        &format!("{{\"{long}\":1,\"id\":"),
        1,
    );
    let problems = read::content(&text).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].to_string().len() < 200, "{}", problems[0]);
    assert!(problems[0].to_string().contains("unknown field"));
}

#[test]
fn a_byte_order_mark_is_no_reason_to_refuse_a_file() {
    // Windows Notepad adds one when it saves a result file it was used to look at.
    let text = format!("\u{feff}{}", result_text());
    assert!(read::result_export(&text).is_ok());
    assert!(read::content(&format!("\u{feff}{}", kintone_diagnosis::SHIPPED_CONTENT)).is_ok());
}

#[test]
fn a_questionnaire_larger_than_the_limit_is_refused_with_its_size() {
    let text = format!(
        "{}{}",
        kintone_diagnosis::SHIPPED_CONTENT,
        " ".repeat(5 << 20)
    );
    let problems = read::content(&text).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0]
            .to_string()
            .starts_with("JSON: the questionnaire is 5"),
        "{}",
        problems[0]
    );
}
