//! The core's JSON reader and writer against serde_json (the reference), and against the
//! mistakes people make in hand-written questionnaire files.

use kintone_diagnosis::core::json::{parse, to_string, Value};
use kintone_diagnosis::core::read::{self, NotRead};
use kintone_diagnosis::core::{Answer, Answers, Content, ResultExport, Screen, Snapshot};
use proptest::prelude::*;
use std::collections::BTreeMap;

#[test]
fn shipped_content_reads_as_serde_json_reads_it() {
    let ours = read::content(kintone_diagnosis::SHIPPED_CONTENT).unwrap();
    // The reference reads the indented file in content/; the widget embeds it minified.
    let reference: Content =
        serde_json::from_str(include_str!("../../content/kintone-municipal.json")).unwrap();
    assert_eq!(ours, reference);
    assert!(
        !kintone_diagnosis::SHIPPED_CONTENT.contains("\n  "),
        "embedded minified"
    );
    // Written back, compact and indented, it is the same content for both readers.
    for pretty in [false, true] {
        let text = to_string(&ours, pretty).unwrap();
        assert_eq!(read::content(&text).unwrap(), reference);
        assert_eq!(serde_json::from_str::<Content>(&text).unwrap(), reference);
    }
}

fn snapshot() -> Snapshot {
    let mut answers = Answers::new();
    answers.insert("q1".into(), Answer::Choice("agree".into()));
    answers.insert("q2".into(), Answer::DontKnow);
    Snapshot {
        format: "f".into(),
        format_version: 1,
        content_id: "c".into(),
        content_version: "v".into(),
        fingerprint: "x".into(),
        role: None,
        answers,
        ticked: vec!["t".into()],
        lacking: vec!["u".into()],
        unsure: Vec::new(),
        screen: Screen::Section(2),
        lang: Some("en".into()),
        made: Some("2026-11-30".into()),
        targets: [("d".to_string(), 3)].into_iter().collect(),
    }
}

#[test]
fn saved_sessions_use_serde_json_layout_both_ways() {
    let snap = snapshot();
    let ours = to_string(&snap, false).unwrap();
    assert_eq!(ours, serde_json::to_string(&snap).unwrap());
    assert_eq!(
        to_string(&snap, true).unwrap(),
        serde_json::to_string_pretty(&snap).unwrap()
    );
    assert_eq!(read::snapshot(&ours), Some(snap.clone()));
    for screen in [Screen::Start, Screen::Result] {
        let s = Snapshot {
            screen,
            ..snap.clone()
        };
        assert_eq!(read::snapshot(&serde_json::to_string(&s).unwrap()), Some(s));
    }
    // Fields a later version may add are skipped; a wrong shape is not a session.
    let extended = ours.replacen('{', "{\"later\": [1, {\"x\": null}],", 1);
    assert_eq!(read::snapshot(&extended), Some(snap));
    assert_eq!(
        read::snapshot("{\"answers\": {\"q1\": {\"choice\": 3}}}"),
        None
    );
    assert_eq!(read::snapshot("[]"), None);
    assert_eq!(read::snapshot("{\"screen\": {\"section\": -1}}"), None);
}

#[test]
fn result_files_tell_not_json_from_not_a_result() {
    assert_eq!(read::result_export("%PDF-1.7"), Err(NotRead::NotJson));
    assert_eq!(read::result_export("{\"scores\": 3}"), Err(NotRead::Misfit));
    let file = ResultExport {
        format: "kintone-diagnosis-result".into(),
        scores: vec![kintone_diagnosis::core::export::ExportedScore {
            dimension: "d".into(),
            score: Some(40),
            band: None,
        }],
        ..ResultExport::default()
    };
    let text = to_string(&file, true).unwrap();
    assert_eq!(read::result_export(&text), Ok(file));
}

/// Every problem reported for `text` read as questionnaire content, one per line.
fn content_problems(text: &str) -> String {
    match read::content(text) {
        Ok(_) => panic!("{text:?} was read as content"),
        Err(problems) => problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

#[test]
fn syntax_mistakes_are_named_with_their_line_and_column() {
    let cases = [
        (
            "{\"id\": \"a\",}",
            "JSON: line 1, column 12: expected a key in quotes",
        ),
        (
            "{\"id\": \"a\"\n \"title\": {}}",
            "JSON: line 2, column 2: expected `,` or `}`",
        ),
        ("{\"id\": 'a'}", "JSON: line 1, column 8: expected a value"),
        (
            "{\"min_answers\": 1.5}",
            "JSON: line 1, column 18: only whole numbers are used here",
        ),
        (
            "{\"id\": \"a\"",
            "JSON: line 1, column 11: the text ends where `,` or `}` was expected",
        ),
        (
            "{\"id\": \"a\"} x",
            "JSON: line 1, column 13: unexpected text after the value",
        ),
        ("{\"id\": \"\\q\"}", "unknown escape in a text"),
        ("{\"id\": \"a\nb\"}", "control character in a text"),
        ("{\"タイトル\" 1}", "JSON: line 1, column 9: expected `:`"),
        (
            "",
            "JSON: line 1, column 1: the text ends where a value was expected",
        ),
        ("{\"id\": 99999999999999999999}", "number too large"),
    ];
    for (text, expected) in cases {
        let got = content_problems(text);
        assert!(
            got.contains(expected),
            "{text:?}: got {got:?}, wanted {expected:?}"
        );
    }
}

#[test]
fn values_that_do_not_fit_are_all_reported_with_their_paths() {
    let text = r#"{
        "id": 7,
        "title": {"ja": 1, "en": "ok"},
        "min_answers": -1,
        "questions": [{"id": "q1", "choices": [{"value": "a", "weights": {"d": "3"}}]}],
        "recommendations": [{"when": {"sometimes": []}}, {"when": {"all": [{"role": true}]}}],
        "roles": [{"id": "r", "lable": {}}],
        "sections": [{"id": "s", "id": "t"}],
        "checklist": []
    }"#;
    assert_eq!(
        content_problems(text),
        [
            "id: expected a text, found a number",
            "title.ja: expected a text, found a number",
            "min_answers: -1 is outside 0 to 4294967295",
            "questions[0].choices[0].weights.d: expected a whole number, found a text",
            "recommendations[0].when.sometimes: unknown kind `sometimes`, expected one of `all`, `any`, `severity`, `answer`, `missing`, `unknown`, `role`",
            "recommendations[1].when.all[0].role: expected a text, found `true` or `false`",
            "roles[0].lable: unknown field (misspelt, or from another format?)",
            "sections[0].id: appears twice in one object",
            "checklist: expected an object `{...}`, found a list",
        ]
        .join("\n")
    );
    assert_eq!(
        content_problems("[1]"),
        "(top): expected an object `{...}`, found a list"
    );
    // Positions past 9 and past 99 in a list keep all their digits.
    let roles = [r#"{"id": "r"}"#; 120].join(",");
    let sections = [r#"{"id": "s"}"#; 12].join(",");
    let text =
        format!(r#"{{"roles": [{roles}, {{"id": 1}}], "sections": [{sections}, {{"title": 2}}]}}"#);
    assert_eq!(
        content_problems(&text),
        [
            "roles[120].id: expected a text, found a number",
            "sections[12].title: expected an object `{...}`, found a number",
        ]
        .join("\n")
    );
}

#[test]
fn hostile_nesting_is_refused_without_exhausting_the_stack() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(parse(&deep)
        .unwrap_err()
        .to_string()
        .contains("nested too deeply"));
}

#[test]
fn escapes_and_surrogate_pairs_decode() {
    let text = parse(r#""a\"\\\/\b\f\n\r\t\u00e9\u5f79\ud83d\ude00""#).unwrap();
    assert_eq!(text, Value::Text("a\"\\/\u{8}\u{c}\n\r\t\u{e9}役😀".into()));
    assert!(parse(r#""\ud83d""#).is_err(), "lone high surrogate");
    assert!(parse(r#""\ude00""#).is_err(), "lone low surrogate");
}

#[test]
fn texts_without_escapes_are_read_whole_and_texts_with_them_still_decode() {
    // The reader copies a text with no escape in one piece; one with an escape anywhere in it,
    // a control character in it, or no closing quote takes the careful path.
    let v = parse(r#"{"役割": "推進担当", "a": "x\ty", "b": "末尾\u5f79", "c": ""}"#).unwrap();
    let Value::Object(entries) = v else {
        panic!("an object");
    };
    let texts: Vec<(&str, &Value)> = entries.iter().map(|(k, v)| (k.as_str(), v)).collect();
    assert_eq!(texts[0], ("役割", &Value::Text("推進担当".into())));
    assert_eq!(texts[1], ("a", &Value::Text("x\ty".into())));
    assert_eq!(texts[2], ("b", &Value::Text("末尾役".into())));
    assert_eq!(texts[3], ("c", &Value::Text(String::new())));
    assert!(
        parse("\"line\nbreak\"").is_err(),
        "a raw line break in a text"
    );
    assert!(
        parse("\"no end").is_err(),
        "a text without its closing quote"
    );
}

/// serde_json's value as ours, for comparing the two readers (ours has whole numbers only).
fn from_reference(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::Number(n.as_i64().unwrap()),
        serde_json::Value::String(s) => Value::Text(s.clone()),
        serde_json::Value::Array(a) => Value::List(a.iter().map(from_reference).collect()),
        serde_json::Value::Object(o) => Value::Object(
            o.iter()
                .map(|(k, v)| (k.clone(), from_reference(v)))
                .collect(),
        ),
    }
}

proptest! {
    #[test]
    fn any_text_and_map_round_trips_and_serde_json_agrees(
        map in prop::collection::btree_map(any::<String>(), (any::<String>(), any::<i32>(), any::<bool>()), 0..8),
        pretty in any::<bool>(),
    ) {
        let written = to_string(&map, pretty).unwrap();
        let reference: serde_json::Value = serde_json::from_str(&written).unwrap();
        prop_assert_eq!(&serde_json::from_value::<BTreeMap<String, (String, i32, bool)>>(reference.clone()).unwrap(), &map);
        prop_assert_eq!(parse(&written).unwrap(), from_reference(&reference));
        // And what serde_json writes, ours reads the same.
        let theirs = serde_json::to_string(&map).unwrap();
        prop_assert_eq!(parse(&theirs).unwrap(), from_reference(&reference));
    }

    #[test]
    fn arbitrary_text_never_panics_the_reader(text in any::<String>(), cut in any::<prop::sample::Index>()) {
        let _ = read::content(&text);
        let _ = read::snapshot(&text);
        // Cut-off prefixes of a real file: the usual shape of a damaged copy.
        let shipped = kintone_diagnosis::SHIPPED_CONTENT;
        let mut at = cut.index(shipped.len());
        while !shipped.is_char_boundary(at) {
            at -= 1;
        }
        prop_assert!(read::content(&shipped[..at]).is_err());
    }
}
