//! The content fingerprint: its documented algorithm computed independently (node, over the
//! canonical text), its independence from fields the content leaves unset and from field order,
//! files saved with the shipped questionnaire opening, and those of the one before refused by name.

use super::{shipped, validator::minimal};
use expect_test::expect;
use kintone_diagnosis::core::content::Material;
use kintone_diagnosis::core::fingerprint::{canonical_text, fnv1a, Canonical};
use kintone_diagnosis::core::map::Map;
use kintone_diagnosis::core::session::Saved;
use kintone_diagnosis::core::{
    fingerprint, import, json, read, Content, ImportError, Questionnaire, Screen,
};
use std::io::Write;
use std::process::{Command, Stdio};

fn minimal_content() -> Questionnaire {
    Questionnaire::new(serde_json::from_value::<Content>(minimal()).unwrap())
}

/// FNV-1a 64 over the UTF-8 bytes of `text`, written independently of the Rust code: a few lines
/// of JavaScript, run by node (which the browser tests need anyway).
fn fnv1a_in_node(text: &str) -> String {
    const SCRIPT: &str = r#"
        let text = "";
        process.stdin.setEncoding("utf8");
        process.stdin.on("data", (d) => (text += d));
        process.stdin.on("end", () => {
          let h = 0xcbf29ce484222325n;
          for (const b of Buffer.from(text, "utf8")) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
          process.stdout.write(h.toString(16).padStart(16, "0"));
        });
    "#;
    let mut node = Command::new("node")
        .args(["-e", SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node runs (the browser tests need it too)");
    node.stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = node.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_fingerprint_is_fnv1a_over_the_canonical_text_computed_independently() {
    for q in [minimal_content(), shipped()] {
        let text = canonical_text(&q);
        assert_eq!(q.fingerprint(), fnv1a_in_node(&text), "{}", q.id);
        assert_eq!(q.fingerprint(), fingerprint(&q));
    }
    // Known answers, pinned: a change to the writer or the model that moved them would refuse
    // every saved session and result file.
    expect!["a3ca5ab75b930b23"].assert_eq(minimal_content().fingerprint());
    expect!["b7da5c419152b0e6"].assert_eq(shipped().fingerprint());
    // The reference vectors of FNV-1a 64.
    assert_eq!(fnv1a(b""), 0xcbf29ce484222325);
    assert_eq!(fnv1a(b"a"), 0xaf63dc4c8601ec8c);
}

#[test]
fn the_canonical_text_sorts_keys_and_leaves_out_empty_fields() {
    let text = canonical_text(&minimal_content());
    // Keys in byte order at every level; `roles`, `wording`, `intro` of a section, absent; the
    // default `dont_know: true` and `required: true` present; conditions and maps whole.
    expect![[r#"{"bands":[{"id":"low","label":{"en":"Low","ja":"低"}},{"id":"high","label":{"en":"High","ja":"高"},"min":50}],"checklist":{"items":[{"detail":{"en":"Amounts","ja":"金額"},"id":"budget","label":{"en":"Budget","ja":"予算書"}}],"title":{"en":"Materials","ja":"資料"}},"content_version":"1","dimensions":[{"group":"g","id":"speed","label":{"en":"Speed","ja":"速度"},"summary":{"en":"Slow","ja":"遅い"}},{"group":"g","id":"cost","label":{"en":"Cost","ja":"費用"},"summary":{"en":"Costly","ja":"高い"}}],"format_version":1,"groups":[{"id":"g","label":{"en":"Causes","ja":"要因"}}],"id":"minimal","intro":{"en":"For tests.","ja":"テスト用です。"},"languages":["ja","en"],"max_primary":2,"min_answers":2,"owners":[{"id":"you","label":{"en":"You","ja":"あなた"}}],"primary_margin":5,"questions":[{"choices":[{"value":"yes","weights":{"speed":2}},{"value":"no","weights":{"speed":0}}],"dont_know":true,"id":"q1","required":true,"scale":"yn","section":"s","text":{"en":"It is slow.","ja":"遅い。"}},{"choices":[{"value":"yes","weights":{"speed":2}},{"value":"no","weights":{"speed":0}}],"dont_know":true,"id":"q2","required":true,"scale":"yn","section":"s","text":{"en":"We wait.","ja":"待たされる。"}},{"choices":[{"value":"yes","weights":{"cost":1}},{"value":"no","weights":{"cost":0}}],"dont_know":true,"id":"q3","required":true,"scale":"yn","section":"s","text":{"en":"It is costly.","ja":"高い。"}},{"choices":[{"value":"yes","weights":{"cost":0}},{"value":"no","weights":{"cost":3}}],"dont_know":true,"id":"q4","required":true,"scale":"yn","section":"s","text":{"en":"It is cheap.","ja":"安い。"}}],"recommendations":[{"dimension":"speed","id":"r1","priority":1,"step":"hurry","when":{"severity":{"at_least":"high","dimension":"speed"}}},{"id":"r2","priority":2,"step":"save","when":{"all":[{"missing":"budget"},{"answer":{"in":["yes"],"question":"q3"}}]}}],"scales":[{"choices":[{"label":{"en":"Yes","ja":"はい"},"value":"yes"},{"label":{"en":"No","ja":"いいえ"},"value":"no"}],"dont_know":{"en":"Don't know","ja":"わからない"},"id":"yn"}],"sections":[{"id":"s","title":{"en":"Questions","ja":"質問"}}],"steps":[{"family":"speed","id":"hurry","owner":"you","rationale":{"en":"It is slow.","ja":"遅いから。"},"text":{"en":"Hurry.","ja":"急ぐ。"},"timeframe":"week"},{"family":"cost","id":"save","owner":"you","rationale":{"en":"It is costly.","ja":"高いから。"},"text":{"en":"Save.","ja":"節約する。"},"timeframe":"week"}],"timeframes":[{"id":"week","label":{"en":"This week","ja":"今週"}}],"title":{"en":"A small diagnosis","ja":"小さな診断"}}"#]].assert_eq(&text);
    // An empty condition list is a condition, not an empty field: `all` and `any` stay apart.
    let mut always = minimal_content().content().clone();
    always.recommendations[1].when = kintone_diagnosis::core::content::Condition::All(vec![]);
    let mut never = always.clone();
    never.recommendations[1].when = kintone_diagnosis::core::content::Condition::Any(vec![]);
    assert_ne!(fingerprint(&always), fingerprint(&never));
}

/// A slice of the content model as it is, and as it would be with optional fields added to the
/// questionnaire and to a question; their canonical texts come from the same macro as the real
/// model's (`content_struct!` in core::read).
struct Model {
    id: String,
    questions: Vec<Item>,
}
struct Item {
    id: String,
    text: Map<String>,
    weights: Map<i32>,
}
struct ModelWithMore {
    questions: Vec<ItemWithMore>,
    id: String,
    notes: Option<Map<String>>,
    tags: Vec<String>,
    stage_required: bool,
    max_steps: u32,
    source: String,
    extra: Map<String>,
}
struct ItemWithMore {
    weights: Map<i32>,
    help: Option<Map<String>>,
    text: Map<String>,
    id: String,
    stages: Vec<String>,
}
kintone_diagnosis::canonical_struct!(Model { "id" => id, "questions" => questions });
kintone_diagnosis::canonical_struct!(Item { "id" => id, "text" => text, "weights" => weights });
// Listed in another order too: the canonical text does not depend on it.
kintone_diagnosis::canonical_struct!(ModelWithMore {
    "questions" => questions,
    "notes" => notes,
    "id" => id,
    "tags" => tags,
    "stage_required" => stage_required,
    "max_steps" => max_steps,
    "source" => source,
    "extra" => extra,
});
kintone_diagnosis::canonical_struct!(ItemWithMore {
    "weights" => weights,
    "help" => help,
    "text" => text,
    "id" => id,
    "stages" => stages,
});

fn canonical(value: &dyn Canonical) -> String {
    let mut out = String::new();
    value.write_canonical(&mut out);
    out
}

#[test]
fn an_optional_field_left_unset_does_not_change_the_canonical_text() {
    let text: Map<String> = [("ja", "遅い。"), ("en", "It is slow.")]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    // A weight of 0 is a map entry, kept: only fields of the model are left out when empty.
    let weights: Map<i32> = [("speed".to_string(), 0)].into_iter().collect();
    let now = Model {
        id: "kintone".into(),
        questions: vec![Item {
            id: "q1".into(),
            text: text.clone(),
            weights: weights.clone(),
        }],
    };
    let later = |help: Option<Map<String>>| ModelWithMore {
        questions: vec![ItemWithMore {
            weights: weights.clone(),
            help,
            text: text.clone(),
            id: "q1".into(),
            stages: Vec::new(),
        }],
        id: "kintone".into(),
        notes: None,
        tags: Vec::new(),
        stage_required: false,
        max_steps: 0,
        source: String::new(),
        extra: Map::new(),
    };
    assert_eq!(canonical(&now), canonical(&later(None)));
    expect![[r#"{"id":"kintone","questions":[{"id":"q1","text":{"en":"It is slow.","ja":"遅い。"},"weights":{"speed":0}}]}"#]]
        .assert_eq(&canonical(&now));
    // Set, the new field counts.
    assert_ne!(canonical(&now), canonical(&later(Some(text.clone()))));
}

fn released(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/released/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn files_saved_with_this_questionnaire_open() {
    // Made with content 2026.12.2 (session layout 5, result layout 4) through the same export and
    // snapshot the widget uses, and kept: the next change of layout or model must still open them.
    let q = shipped();
    let file = read::result_export(&released("result-2026.12.2-promoter.json")).unwrap();
    assert_eq!(file.format_version, 4);
    let session = import(&q, &file).expect("the result file opens");
    assert_eq!(session.role.as_deref(), Some("promoter"));
    assert_eq!(session.screen, Screen::Result);
    let marked: Vec<_> = q
        .checklist
        .items
        .iter()
        .map(|i| session.materials.get(&i.id).copied())
        .take(4)
        .collect();
    assert_eq!(
        marked,
        [
            Some(Material::Has),
            None,
            Some(Material::Lacks),
            Some(Material::Unsure)
        ]
    );
    let d = session.diagnose(&q);
    assert_eq!(d.classification.primary, file.primary);
    // Its targets come back with it, and the levels follow from its answers and its stage.
    assert_eq!(d.targets.get("justification"), Some(&3));
    assert_eq!(d.level, Some(0));

    let Saved::Session(midway) = Saved::read(&q, &released("session-2026.12.2-midway.json")) else {
        panic!("the session left midway does not resume");
    };
    assert_eq!(
        (midway.role.as_deref(), midway.screen),
        (Some("staff"), Screen::Section(3))
    );
    // Twelve statements and the stage (not started), which the file lists after statements
    // it does not route: restored in any order.
    assert_eq!(midway.answers.len(), 13);
    assert_eq!(q.stage_of(&midway.answers), Some("none"));
    let again = json::to_string(&midway.snapshot(&q), false).unwrap();
    assert!(again.contains(q.fingerprint()) && again.contains(r#""format_version":6"#));
}

#[test]
fn files_of_the_questionnaire_before_the_stage_question_are_refused_by_its_version() {
    // Made with content 2026.12.1, which did not ask where the office stands: their answers
    // say nothing of the stage that decides which statements count, so they are refused as
    // another version (the widget names it), never scored as if the stage were known.
    let q = shipped();
    let file = read::result_export(&released("result-2026.12.1-promoter.json")).unwrap();
    assert_eq!(
        import(&q, &file),
        Err(ImportError::OtherContent {
            content_id: "kintone-municipal".into(),
            content_version: "2026.12.1".into()
        })
    );
    assert_eq!(
        Saved::read(&q, &released("session-2026.12.1-midway.json")),
        Saved::OtherVersion("2026.12.1".into())
    );
}

#[test]
fn files_of_the_earlier_questionnaire_are_refused_by_its_version() {
    // Made by the 2026-11-27 build with content 2026.11.2, whose statements, materials and steps
    // were renamed or rewritten in 2026.12.1: their answers cannot be scored by this one, so they
    // are refused as another version (the widget names it), never misread.
    let q = shipped();
    let file = read::result_export(&released("result-2026.11.2-promoter.json")).unwrap();
    assert_eq!(
        import(&q, &file),
        Err(ImportError::OtherContent {
            content_id: "kintone-municipal".into(),
            content_version: "2026.11.2".into()
        })
    );
    for name in [
        "session-2026.11.2-result.json",
        "session-2026.11.2-midway.json",
    ] {
        assert_eq!(
            Saved::read(&q, &released(name)),
            Saved::OtherVersion("2026.11.2".into()),
            "{name}"
        );
    }
}

#[test]
fn a_result_file_is_checked_against_the_questionnaire_it_names() {
    let q = shipped();
    let text = released("result-2026.12.2-promoter.json");
    let forged = text.replace(q.fingerprint(), "0123456789abcdef");
    let file = read::result_export(&forged).unwrap();
    assert!(matches!(
        import(&q, &file),
        Err(ImportError::OtherContent { .. })
    ));
    // Its answers still have to give its recorded result.
    let mut file = read::result_export(&text).unwrap();
    file.scores[0].score = file.scores[0].score.map(|s| (s + 1) % 100);
    assert_eq!(import(&q, &file), Err(ImportError::Altered));
    // A later layout is refused as such (made by a newer version), not as "not a result".
    let mut file = read::result_export(&text).unwrap();
    file.format_version = 5;
    assert_eq!(import(&q, &file), Err(ImportError::Newer));
    file.format_version = 0;
    assert_eq!(import(&q, &file), Err(ImportError::NotAResult));
}
