//! Engine micro-benchmarks (`cargo bench --bench engine`, run by `cargo xtask bench`): scoring,
//! classification and the plan for a full answer set, on the shipped questionnaire and on a
//! 400-statement stress questionnaire, each printed beside a floor measured in the same run (a
//! bare loop that only sums the chosen weights: the least work any scorer must do). Then the
//! office view's merging (`core::office`) of N = 100, 1,000 and 10,000 result files made by the
//! real export, beside the floor of only reading the same files.

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
    office();
}

/// The office view's merging: N result files (the real export; four roles in turn, answers
/// varied) gathered (read, checked against the questionnaire, the diagnosis recomputed), then
/// grouped, summarised and searched for gaps; one pass each (10,000 files take seconds), beside
/// only reading the same files.
fn office() {
    use kintone_diagnosis::core::office::{gaps, groups, summarize, Gathering};
    use kintone_diagnosis::core::{export, json, read, Questionnaire, Screen, Session};
    let q = Questionnaire::new(read::content(kintone_diagnosis::SHIPPED_CONTENT).unwrap());
    let roles = ["promoter", "staff", "manager", "finance"];
    let file = |i: usize| {
        let role = roles[i % 4];
        let mut s = Session::new();
        s.apply(&q, kintone_diagnosis::core::Action::ChooseRole(role.into()));
        for (k, question) in q.questions.iter().enumerate() {
            if q.asks_role(question, Some(role)) {
                let pick = (i * 7 + k * 3) % question.choices.len().max(1);
                let value = if q.is_stage(question) {
                    "trial".to_string()
                } else {
                    question.choices[pick].value.clone()
                };
                s.apply(
                    &q,
                    kintone_diagnosis::core::Action::Answer {
                        question: question.id.clone(),
                        answer: Answer::Choice(value),
                    },
                );
            }
        }
        s.screen = Screen::Result;
        json::to_string(
            &export(
                &q,
                &s.diagnose(&q),
                "ja",
                &format!("2026-12-01T00:00:{i:05}"),
            ),
            false,
        )
        .unwrap()
    };
    println!("\n| office: result files | gather ms | group + summarise + gaps ms | ms per file | read only ms | gather / read |");
    println!("|---:|---:|---:|---:|---:|---:|");
    for n in [100usize, 1_000, 10_000] {
        let files: Vec<String> = (0..n).map(file).collect();
        let t = Instant::now();
        for f in &files {
            black_box(read::result_export(black_box(f)).ok());
        }
        let floor = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let mut g = Gathering::default();
        for f in &files {
            black_box(g.add(&q, f).ok());
        }
        let gather = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let shown = groups(&q, &g, false);
        for grp in &shown {
            black_box(summarize(&q, &g, grp));
        }
        black_box(gaps(&q, &g, &shown));
        let view = t.elapsed().as_secs_f64() * 1e3;
        println!(
            "| {n} | {gather:.0} | {view:.0} | {:.3} | {floor:.0} | {:.1}x |",
            (gather + view) / n as f64,
            gather / floor
        );
    }
}
