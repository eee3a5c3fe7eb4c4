//! Shared helpers for the native tests: the shipped content and answer-set builders.

mod calc;
mod desk;
mod display;
mod draft;
mod fingerprint;
mod fuzz;
mod hostile;
mod json;
mod office;
mod personas;
mod properties;
mod scenarios;
mod session;
mod validator;

use kintone_diagnosis::core::{Answer, Answers, Content, Questionnaire};

/// The shipped questionnaire, read as the widget reads it (the core's JSON reader).
pub fn shipped() -> Questionnaire {
    Questionnaire::new(
        kintone_diagnosis::core::read::content(kintone_diagnosis::SHIPPED_CONTENT)
            .expect("shipped content is valid JSON"),
    )
}

/// The stage the test answer sets assume unless they say otherwise: a trial, at which every
/// statement of the earlier questionnaire (before the stage question) is asked.
pub const STAGE: &str = "trial";

/// Answers holding only the stage question's answer `stage`.
pub fn at_stage(content: &Content, stage: &str) -> Answers {
    let mut a = Answers::new();
    if let Some(id) = &content.stage_question {
        a.insert(id.clone(), Answer::Choice(stage.to_string()));
    }
    a
}

/// How a respondent leans on one dimension.
#[derive(Clone, Copy, Debug)]
pub enum Lean {
    /// Picks the most blocked choice.
    Blocked,
    /// Picks the second most blocked choice.
    Somewhat,
    /// Picks the healthiest choice.
    Healthy,
    /// Says "don't know".
    DontKnow,
}

/// Answers every question `role` is asked, leaning per the question's main dimension
/// (the one with the widest weight range).
pub fn answers_for(content: &Content, role: &str, lean: impl Fn(&str) -> Lean) -> Answers {
    let mut out = at_stage(content, STAGE);
    for q in content.questions.iter() {
        if content.is_stage(q) || !content.asks(q, Some(role), &out) {
            continue;
        }
        let main = main_dimension(content, q);
        let mut by_weight: Vec<_> = q
            .choices
            .iter()
            .map(|c| (c.weights.get(&main).copied().unwrap_or(0), &c.value))
            .collect();
        by_weight.sort_by_key(|w| std::cmp::Reverse(w.0));
        let answer = match lean(&main) {
            Lean::Blocked => Answer::Choice(by_weight[0].1.clone()),
            Lean::Somewhat => Answer::Choice(by_weight[1].1.clone()),
            Lean::Healthy => Answer::Choice(by_weight[by_weight.len() - 1].1.clone()),
            Lean::DontKnow => Answer::DontKnow,
        };
        out.insert(q.id.clone(), answer);
    }
    out
}

pub fn main_dimension(content: &Content, q: &kintone_diagnosis::core::content::Question) -> String {
    content
        .dimensions
        .iter()
        .filter_map(|d| {
            content
                .weight_range(q, &d.id)
                .map(|(lo, hi)| (hi - lo, d.id.clone()))
        })
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|x| x.1)
        .unwrap_or_default()
}
