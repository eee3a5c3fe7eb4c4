//! Validator tests: the shipped content passes; each rule has a failing fixture with its message.
//!
//! Fixtures are the small generic questionnaire in `tests/fixtures/minimal.json` (no roles, two
//! dimensions) with one mutation each, so every case shows exactly the problem it provokes.

use super::shipped;
use expect_test::{expect, Expect};
use kintone_diagnosis::core::{validate, Content};
use serde_json::{json, Value};

pub fn minimal() -> Value {
    serde_json::from_str(include_str!("../fixtures/minimal.json")).unwrap()
}

/// Applies `mutate` to the minimal fixture and compares every reported problem, one per line.
fn check(mutate: impl FnOnce(&mut Value), expected: Expect) {
    let mut v = minimal();
    mutate(&mut v);
    let content: Content = serde_json::from_value(v).expect("fixture still parses");
    let problems: Vec<String> = validate(&content).iter().map(|p| p.to_string()).collect();
    expected.assert_eq(&problems.join("\n"));
}

#[test]
fn shipped_content_passes() {
    let problems = validate(&shipped());
    assert!(problems.is_empty(), "{problems:#?}");
}

/// A plan should read as advice, not as a form letter: in the shipped questionnaire every step says
/// what to do, and why, in words of its own. (The checker allows repeats: other content may want them.)
#[test]
fn shipped_steps_each_explain_themselves_in_their_own_words() {
    let content = shipped();
    let mut repeats = Vec::new();
    for lang in &content.languages {
        let mut first_use = std::collections::HashMap::new();
        for step in &content.steps {
            for (field, text) in [("text", &step.text), ("rationale", &step.rationale)] {
                let Some(words) = text.get(lang) else {
                    continue;
                };
                let here = format!("steps.{}.{field}.{lang}", step.id);
                match first_use.get(words) {
                    Some(earlier) => repeats.push(format!("{here} repeats {earlier}")),
                    None => {
                        first_use.insert(words.clone(), here);
                    }
                }
            }
        }
    }
    assert!(repeats.is_empty(), "{repeats:#?}");
}

#[test]
fn minimal_fixture_passes() {
    check(|_| {}, expect![[""]]);
}

#[test]
fn unknown_format_version() {
    check(
        |v| v["format_version"] = json!(2),
        expect!["format_version: unknown format version 2 (this widget reads version 1)"],
    );
}

#[test]
fn duplicate_id() {
    check(
        |v| v["questions"][3]["id"] = json!("q1"),
        expect!["questions[3].id: duplicate id 'q1'"],
    );
}

#[test]
fn malformed_id() {
    check(
        |v| v["steps"][1]["id"] = json!("save money"),
        expect![[r#"
        steps[1].id: id 'save money' may use only ASCII letters, digits, '_', '-' and '.'
        recommendations[1].step: unknown step 'save'
        steps[1]: no recommendation points to step 'save money'"#]],
    );
}

#[test]
fn dangling_references() {
    check(
        |v| {
            v["questions"][0]["section"] = json!("nowhere");
            v["steps"][0]["owner"] = json!("mayor");
            v["recommendations"][0]["when"]["severity"]["at_least"] = json!("extreme");
        },
        expect![[r#"
            questions[0].section: unknown section 'nowhere'
            steps[0].owner: unknown owner 'mayor'
            recommendations[0].when.severity.at_least: unknown band 'extreme'"#]],
    );
}

#[test]
fn missing_translation() {
    check(
        |v| v["dimensions"][1]["label"] = json!({ "ja": "費用" }),
        expect!["dimensions[1].label.en: missing translation"],
    );
}

#[test]
fn empty_text() {
    check(
        |v| v["questions"][2]["text"]["en"] = json!("  "),
        expect!["questions[2].text.en: empty text"],
    );
}

#[test]
fn weight_out_of_range() {
    check(
        |v| v["questions"][1]["choices"][0]["weights"]["speed"] = json!(11),
        expect!["questions[1].choices[0].weights.speed: weight 11 is outside 0 to 10"],
    );
}

#[test]
fn choice_weights_must_cover_the_scale_and_agree() {
    check(
        |v| {
            v["questions"][0]["choices"][1]["value"] = json!("maybe");
            v["questions"][2]["choices"][1]["weights"] = json!({ "speed": 1 });
        },
        expect![[r#"
            questions[0].choices[1].value: 'maybe' is not a value of scale 'yn'
            questions[0].choices: no weights for scale value 'no'
            questions[2].choices[1].weights: no weight for dimension 'cost'
            questions[2].choices[0].weights: no weight for dimension 'speed'
            questions[2].choices: the answer moves no dimension: every choice weighs the same
            dimensions[1]: dimension 'cost' has 1 question(s); at least 2 are needed to score it"#]],
    );
}

#[test]
fn dimension_with_too_few_questions_for_a_role() {
    check(
        |v| {
            v["roles"] = json!([
                { "id": "boss", "label": { "ja": "上司", "en": "Boss" }, "description": { "ja": "決める", "en": "Decides" } },
                { "id": "clerk", "label": { "ja": "職員", "en": "Clerk" }, "description": { "ja": "使う", "en": "Uses" } }
            ]);
            v["questions"][3]["roles"] = json!(["boss"]);
            // Both roles hold the one position, so no step is a proposal needing words to ask.
            v["owners"][0]["roles"] = json!(["boss", "clerk"]);
        },
        expect!["dimensions[1]: dimension 'cost' has 1 question(s) for role 'clerk'; at least 2 are needed to score it"],
    );
}

#[test]
fn recommendation_that_can_never_hold() {
    check(
        |v| {
            v["recommendations"][0]["when"] = json!({ "severity": { "dimension": "speed", "at_least": "high", "at_most": "low" } });
            v["recommendations"][1]["when"] = json!({ "any": [] });
        },
        expect![[r#"
            recommendations[0].when: this condition can never hold
            recommendations[1].when: this condition can never hold"#]],
    );
}

#[test]
fn checklist_item_without_text() {
    check(
        |v| v["checklist"]["items"][0]["label"] = json!({}),
        expect!["checklist.items[0].label: missing text"],
    );
}

#[test]
fn dont_know_needs_a_label() {
    check(
        |v| v["scales"][0]["dont_know"] = Value::Null,
        expect![[r#"
        questions[0].dont_know: scale 'yn' has no "don't know" label
        questions[1].dont_know: scale 'yn' has no "don't know" label
        questions[2].dont_know: scale 'yn' has no "don't know" label
        questions[3].dont_know: scale 'yn' has no "don't know" label"#]],
    );
}

#[test]
fn bands_start_at_zero_and_rise() {
    check(
        |v| {
            v["bands"][0]["min"] = json!(10);
            v["bands"][1]["min"] = json!(5);
        },
        expect![[r#"
            bands[0].min: the first band must start at 0
            bands[1].min: bands must rise strictly"#]],
    );
}

#[test]
fn question_that_moves_nothing_and_step_never_recommended() {
    check(
        |v| {
            v["questions"][2]["choices"][0]["weights"]["cost"] = json!(0);
            v["recommendations"].as_array_mut().unwrap().pop();
        },
        expect![[r#"
            questions[2].choices: the answer moves no dimension: every choice weighs the same
            dimensions[1]: dimension 'cost' has 1 question(s); at least 2 are needed to score it
            steps[1]: no recommendation points to step 'save'"#]],
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    check(
        |v| {
            v["title"] = json!({});
            v["questions"][0]["scale"] = json!("stars");
            v["questions"][1]["choices"][0]["weights"]["speed"] = json!(-1);
            v["checklist"]["items"][0]["detail"]["en"] = json!("");
        },
        expect![[r#"
            title: missing text
            questions[0].scale: unknown scale 'stars'
            questions[1].choices[0].weights.speed: weight -1 is outside 0 to 10
            checklist.items[0].detail.en: empty text"#]],
    );
}

#[test]
fn unknown_fields_are_refused_by_name() {
    let mut v = minimal();
    v["questions"][0]["weight"] = json!(3);
    let text = serde_json::to_string_pretty(&v).unwrap();
    let problems = kintone_diagnosis::core::read::content(&text).unwrap_err();
    // The widget names the field by its path, so an author can find it in their file.
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].to_string(),
        "questions[0].weight: unknown field (misspelt, or from another format?)"
    );
}

#[test]
fn generic_content_without_roles_runs_through_the_engine() {
    use kintone_diagnosis::core::{Action, Answer, Screen, Session};
    let content: Content = serde_json::from_value(minimal()).unwrap();
    let mut s = Session::new();
    assert!(
        !s.apply(&content, Action::ChooseRole("boss".into())),
        "no roles to choose"
    );
    assert!(s.apply(&content, Action::Begin));
    assert_eq!(s.screen, Screen::Section(0));
    for (q, a) in [("q1", "yes"), ("q2", "yes"), ("q3", "yes"), ("q4", "yes")] {
        s.apply(
            &content,
            Action::Answer {
                question: q.into(),
                answer: Answer::Choice(a.into()),
            },
        );
    }
    s.apply(&content, Action::Next);
    assert_eq!(s.screen, Screen::Result);
    let d = s.diagnose(&content);
    let scores: Vec<_> = d
        .scores
        .iter()
        .map(|s| (s.dimension.as_str(), s.score))
        .collect();
    assert_eq!(scores, [("speed", Some(100)), ("cost", Some(25))]);
    assert_eq!(d.classification.primary, ["speed"]);
    let plan: Vec<_> = d.plan.iter().map(|p| p.step.as_str()).collect();
    // The budget is not known to be missing: nothing to save for yet.
    assert_eq!(plan, ["hurry"]);
    assert!(s.apply(
        &content,
        Action::Mark {
            item: "budget".into(),
            state: kintone_diagnosis::core::content::Material::Lacks,
        },
    ));
    let plan: Vec<_> = s
        .diagnose(&content)
        .plan
        .into_iter()
        .map(|p| p.step)
        .collect();
    assert_eq!(plan, ["hurry", "save"]);
}

/// Who does a step and for whom: positions named by the roles that hold them, a step never
/// delivered by a position to itself, and words to propose it with wherever a role does not do it
/// itself.
#[test]
fn steps_name_their_family_positions_and_words_to_ask() {
    check(
        |v| {
            v["roles"] = json!([
                { "id": "boss", "label": { "ja": "上司", "en": "Boss" }, "description": { "ja": "決める", "en": "Decides" } },
                { "id": "clerk", "label": { "ja": "職員", "en": "Clerk" }, "description": { "ja": "使う", "en": "Uses" } }
            ]);
            v["owners"] = json!([
                { "id": "head", "label": { "ja": "課長", "en": "Head" }, "roles": ["boss", "mayor"] },
                { "id": "desk", "label": { "ja": "係", "en": "Desk" }, "roles": ["clerk", "boss"] }
            ]);
            v["steps"][0]["owner"] = json!("head");
            v["steps"][0]["to"] = json!("desk");
            v["steps"][0]["family"] = json!("");
            v["steps"][1]["owner"] = json!("desk");
            v["steps"][1]["to"] = json!("desk");
            v["steps"][1]["ask"] = json!({ "ja": "お願いします。", "en": "Please." });
        },
        expect![[r#"
            owners[0].roles[1]: unknown role 'mayor'
            steps[0].family: missing family
            steps[0].to: step 'hurry' has 'boss' deliver to itself
            steps[0].ask: missing text
            steps[1].to: step 'save' has 'clerk' deliver to itself"#]],
    );
}

/// A checklist item prefilled from a statement names that statement and its choices, each
/// meaning one thing; the plan's limits stay within what the widget shows.
#[test]
fn checklist_links_and_plan_limits() {
    check(
        |v| {
            v["checklist"]["items"][0]["question"] = json!("q3");
            v["checklist"]["items"][0]["has"] = json!(["yes", "maybe"]);
            v["checklist"]["items"][0]["lacks"] = json!(["yes"]);
            let items = v["checklist"]["items"].as_array_mut().unwrap();
            items.push(json!({
                "id": "plan", "label": { "ja": "計画", "en": "Plan" }, "detail": { "ja": "年次", "en": "Yearly" },
                "question": "q9", "has": ["yes"]
            }));
            items.push(json!({
                "id": "memo", "label": { "ja": "メモ", "en": "Memo" }, "detail": { "ja": "短い", "en": "Short" },
                "lacks": ["no"]
            }));
            v["checklist"]["dimension"] = json!("nowhere");
            v["min_share"] = json!(120);
            v["max_steps"] = json!(30);
        },
        expect![[r#"
            min_share: a share is at most 100 (percent)
            max_steps: a plan holds at most 12 steps
            checklist.dimension: unknown dimension 'nowhere'
            checklist.items[0].has[1]: 'maybe' is not a choice of question 'q3'
            checklist.items[0].lacks[0]: 'yes' would mean both there and missing
            checklist.items[1].question: unknown question 'q9'
            checklist.items[2].question: answers to prefill from, but no question"#]],
    );
}

/// The shipped questionnaire's editorial rules (issue 15), which a consultancy's own content need
/// not follow: no statement a respondent would answer "don't know" to by its wording, no jargon a
/// misconception hides behind, steps that never say "you" (on paper they are read by others),
/// one sentence to do and one to ask (a question in English), and no vendor's claim as fact.
#[test]
fn shipped_wording_follows_the_editorial_rules() {
    let c = shipped();
    let mut broken = Vec::new();
    for q in &c.questions {
        let texts = std::iter::once(&q.text).chain(q.wording.values());
        for t in texts {
            let ja = t.get("ja").map_or("", String::as_str);
            if ja.contains("わからない") || ja.contains("内製") {
                broken.push(format!("questions.{}: {ja}", q.id));
            }
        }
    }
    let one_sentence = |s: &str| s.ends_with('。') && s.matches('。').count() == 1;
    for s in &c.steps {
        let ja =
            |t: &kintone_diagnosis::core::content::Text| t.get("ja").cloned().unwrap_or_default();
        for (field, t) in [
            ("text", &s.text),
            ("rationale", &s.rationale),
            ("ask", &s.ask),
        ] {
            let text = ja(t);
            if text.contains("あなた") || text.contains("同等の代替") || text.contains("大手")
            {
                broken.push(format!("steps.{}.{field}: {text}", s.id));
            }
        }
        if !one_sentence(&ja(&s.text)) || !one_sentence(&ja(&s.ask)) {
            broken.push(format!(
                "steps.{}: not one sentence to do and one to ask",
                s.id
            ));
        }
        if !s.ask.get("en").is_some_and(|a| a.ends_with('?')) {
            broken.push(format!("steps.{}.ask.en: not a question", s.id));
        }
    }
    assert!(broken.is_empty(), "{broken:#?}");
}

/// The minimal fixture with a stage question ("now" / "later") alone in a first section.
fn with_stage(v: &mut Value) {
    v["scales"].as_array_mut().unwrap().push(json!({
        "id": "when",
        "choices": [
            { "value": "now", "label": { "ja": "使っている", "en": "In use" } },
            { "value": "later", "label": { "ja": "これから", "en": "Not yet" } }
        ]
    }));
    v["sections"].as_array_mut().unwrap().insert(
        0,
        json!({ "id": "stage", "title": { "ja": "段階", "en": "Stage" } }),
    );
    v["questions"].as_array_mut().unwrap().insert(
        0,
        json!({ "id": "stage_q", "section": "stage", "text": { "ja": "使っていますか。", "en": "In use?" },
                "scale": "when", "dont_know": false,
                "choices": [{ "value": "now", "weights": {} }, { "value": "later", "weights": {} }] }),
    );
    v["stage_question"] = json!("stage_q");
}

#[test]
fn a_stage_question_that_routes_passes() {
    check(
        |v| {
            with_stage(v);
            // Asked only of an office using the tool: speed keeps two statements at each stage.
            v["questions"][1]["stages"] = json!(["now"]);
            v["questions"].as_array_mut().unwrap().push(json!({
                "id": "q5", "section": "s", "text": { "ja": "重い。", "en": "It is heavy." }, "scale": "yn",
                "stages": ["later"],
                "choices": [{ "value": "yes", "weights": { "speed": 1 } }, { "value": "no", "weights": { "speed": 0 } }] }));
        },
        expect![""],
    );
}

#[test]
fn stage_question_rules() {
    check(
        |v| {
            with_stage(v);
            // Offers "don't know", weighs something, shares the first section, and a statement
            // names a stage that is not one of its values, twice.
            v["questions"][0]["dont_know"] = json!(true);
            v["questions"][0]["choices"][0]["weights"] = json!({ "speed": 1 });
            v["questions"][1]["section"] = json!("stage");
            v["questions"][2]["stages"] = json!(["soon", "soon"]);
        },
        expect![[r#"
            questions[0].dont_know: scale 'when' has no "don't know" label
            questions[0].choices[1].weights: no weight for dimension 'speed'
            questions[0]: the stage question is alone in the first section (answered before the statements it routes), asked of every role at every stage, required, without "don't know", and weighs nothing
            questions[2].stages[0]: 'soon' is not a stage (a value of the stage question), or is listed twice
            questions[2].stages[1]: 'soon' is not a stage (a value of the stage question), or is listed twice
            dimensions[0]: dimension 'speed' has 1 question(s) at stage 'now'; at least 2 are needed to score it
            dimensions[0]: dimension 'speed' has 1 question(s) at stage 'later'; at least 2 are needed to score it"#]],
    );
    check(
        |v| {
            v["stage_question"] = json!("nope");
            v["questions"][0]["stages"] = json!(["now"]);
        },
        expect![[r#"
            stage_question: unknown question 'nope'
            questions[0].stages[0]: 'now' is not a stage (a value of the stage question), or is listed twice
            dimensions[0]: dimension 'speed' has 1 question(s); at least 2 are needed to score it"#]],
    );
}

#[test]
fn every_stage_and_role_of_the_shipped_questionnaire_covers_every_blocker() {
    // Tying one more failure statement to offices that use the tool leaves an office that has
    // not started with too few: the checker names the role and stage.
    let mut c = shipped().content().clone();
    let q = c
        .questions
        .iter_mut()
        .find(|q| q.id == "fail_misses_shared")
        .unwrap();
    q.stages = vec!["trial".into(), "some".into(), "all".into()];
    let problems: Vec<String> = validate(&c).iter().map(|p| p.to_string()).collect();
    assert_eq!(problems.len(), 4, "{problems:#?}");
    assert!(problems
        .iter()
        .all(|p| p.contains("'failure_culture' has 2 question(s)")
            && p.ends_with("at stage 'none'; at least 3 are needed to score it")));
}

#[test]
fn maturity_level_rules() {
    check(
        |v| {
            with_stage(v);
            v["maturity"] = json!({
                "levels": [{ "ja": "始め", "en": "Start" }, { "ja": "途中" }, { "ja": "上", "en": "Top" }],
                "caps": { "now": 1, "later": 2, "someday": 0 }
            });
        },
        expect![[r#"
            maturity.levels[1].en: missing translation
            maturity.caps.later: not a stage, or a cap at or above the top level
            maturity.caps.someday: not a stage, or a cap at or above the top level"#]],
    );
    check(
        |v| v["maturity"] = json!({ "levels": [{ "ja": "一", "en": "One" }] }),
        expect!["maturity.levels: two to ten levels"],
    );
}
