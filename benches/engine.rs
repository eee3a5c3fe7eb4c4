//! Engine micro-benchmarks (`cargo bench --bench engine`, run by `cargo xtask bench`): scoring,
//! classification and the plan for a full answer set, on the shipped questionnaire and on a
//! 400-statement stress questionnaire, each printed beside a floor measured in the same run (a
//! bare loop that only sums the chosen weights: the least work any scorer must do).

use kintone_diagnosis::core::content::{Choice, Question, Section};
use kintone_diagnosis::core::map::Map;
use kintone_diagnosis::core::{classify, score, Answer, Answers, Content, Diagnosis};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Median nanoseconds per call over 7 batches of about 60 ms each.
fn measure(mut f: impl FnMut()) -> f64 {
    let mut per_call = Vec::new();
    let mut n = 1u64;
    // Calibrate the batch size.
    loop {
        let t = Instant::now();
        for _ in 0..n {
            f();
        }
        if t.elapsed() > Duration::from_millis(60) {
            break;
        }
        n *= 2;
    }
    for _ in 0..7 {
        let t = Instant::now();
        for _ in 0..n {
            f();
        }
        per_call.push(t.elapsed().as_nanos() as f64 / n as f64);
    }
    per_call.sort_by(|a, b| a.total_cmp(b));
    per_call[3]
}

/// Every question asked of `role`, answered with its most blocked choice on even positions and
/// its healthiest on odd ones; the stage (shipped content) with its third choice, some sections
/// using the tool, at which the most statements are asked.
fn answers(content: &Content, role: Option<&str>) -> Answers {
    content
        .questions
        .iter()
        .filter(|q| content.asks_role(q, role))
        .enumerate()
        .map(|(i, q)| {
            let c = if content.is_stage(q) {
                q.choices.get(2).or(q.choices.first())
            } else if i % 2 == 0 {
                q.choices.first()
            } else {
                q.choices.last()
            };
            (
                q.id.clone(),
                Answer::Choice(c.map(|c| c.value.clone()).unwrap_or_default()),
            )
        })
        .collect()
}

/// The floor: look up each answered choice and add its weights, nothing else.
fn floor(content: &Content, answers: &Answers) -> i64 {
    let mut sum = 0i64;
    for q in &content.questions {
        if let Some(Answer::Choice(v)) = answers.get(&q.id) {
            if let Some(c) = q.choices.iter().find(|c| &c.value == v) {
                sum += c.weights.values().map(|&w| w as i64).sum::<i64>();
            }
        }
    }
    sum
}

fn stress() -> Content {
    let mut c: Content =
        serde_json::from_str(include_str!("../tests/fixtures/minimal.json")).unwrap();
    c.sections = vec![Section {
        id: "all".into(),
        title: c.sections[0].title.clone(),
        intro: None,
    }];
    let text = c.questions[0].text.clone();
    c.questions = (0..400)
        .map(|i| Question {
            id: format!("q{i}"),
            section: "all".into(),
            text: text.clone(),
            scale: "yn".into(),
            choices: vec![
                Choice {
                    value: "yes".into(),
                    weights: [(if i % 2 == 0 { "speed" } else { "cost" }.to_string(), 3)]
                        .into_iter()
                        .collect(),
                },
                Choice {
                    value: "no".into(),
                    weights: [(if i % 2 == 0 { "speed" } else { "cost" }.to_string(), 0)]
                        .into_iter()
                        .collect(),
                },
            ],
            ..Question::default()
        })
        .collect();
    c
}

fn main() {
    let shipped: Content = serde_json::from_str(kintone_diagnosis::SHIPPED_CONTENT).unwrap();
    let stress = stress();
    assert!(
        kintone_diagnosis::core::validate(&stress).is_empty(),
        "the stress questionnaire is valid"
    );
    // Nothing marked in the checklist: what is known of the materials comes from the answers.
    let marked = Map::new();
    println!("| questionnaire | answers | score ns | + classify ns | + plan ns | floor ns | diagnosis / floor |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for (name, content, role) in [
        ("shipped (promoter)", &shipped, Some("promoter")),
        ("stress, 400 statements", &stress, None),
    ] {
        let a = answers(content, role);
        let s = measure(|| {
            black_box(score(content, role, black_box(&a)));
        });
        let sc = measure(|| {
            let s = score(content, role, black_box(&a));
            black_box(classify(content, &s));
        });
        // The whole diagnosis: materials known from the answers, scores, classification, plan.
        let full = measure(|| {
            black_box(Diagnosis::compute(content, role, black_box(&a), &marked));
        });
        let f = measure(|| {
            black_box(floor(content, black_box(&a)));
        });
        println!(
            "| {name} | {} | {s:.0} | {sc:.0} | {full:.0} | {f:.0} | {:.1}x |",
            a.len(),
            full / f
        );
    }
}
