//! Property tests: invariants of scoring, sessions and the validator over generated input.

use super::shipped;
use kintone_diagnosis::core::classify::Verdict;
use kintone_diagnosis::core::content::Material;
use kintone_diagnosis::core::export::{export, import};
use kintone_diagnosis::core::map::Map;
use kintone_diagnosis::core::{json, read};
use kintone_diagnosis::core::{
    validate, Action, Answer, Answers, Diagnosis, Questionnaire, Session, Snapshot,
};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;

fn content() -> &'static Questionnaire {
    // Per thread (the fingerprint is computed once, in a cell that is not shared across threads).
    thread_local!(static C: &'static Questionnaire = Box::leak(Box::new(shipped())));
    C.with(|c| *c)
}

/// A role, and for every question it is asked: unanswered, "don't know", or a choice index.
fn answer_set() -> impl Strategy<Value = (String, Answers)> {
    answer_set_picking(6)
}

/// [`answer_set`] with picks drawn from `0..picks`: picks above 1 are choices, so a larger
/// `picks` weights the sets towards answering.
pub(super) fn answer_set_picking(picks: u8) -> impl Strategy<Value = (String, Answers)> {
    let c = content();
    (
        0..c.roles.len(),
        prop::collection::vec(0u8..picks, c.questions.len()),
    )
        .prop_map(move |(r, picks)| {
            let role = c.roles[r].id.clone();
            let mut answers = Answers::new();
            for (q, pick) in c.questions.iter().zip(picks) {
                // The stage is always chosen (it is required and has no "don't know"); it
                // comes first and routes the statements after it.
                if c.is_stage(q) {
                    let v = q.choices[pick as usize % q.choices.len()].value.clone();
                    answers.insert(q.id.clone(), Answer::Choice(v));
                    continue;
                }
                if !c.asks(q, Some(&role), &answers) {
                    continue;
                }
                match pick as usize {
                    0 => {}
                    1 => {
                        answers.insert(q.id.clone(), Answer::DontKnow);
                    }
                    n => {
                        answers.insert(
                            q.id.clone(),
                            Answer::Choice(q.choices[(n - 2) % q.choices.len()].value.clone()),
                        );
                    }
                }
            }
            (role, answers)
        })
}

fn session_with(role: &str, answers: &Answers) -> Session {
    Session {
        role: Some(role.to_string()),
        answers: answers.clone(),
        ..Session::new()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn scores_stay_in_range((role, answers) in answer_set()) {
        let d = Diagnosis::compute(content(), Some(&role), &answers, &Map::new());
        for s in &d.scores {
            if let Some(score) = s.score {
                prop_assert!(score <= 100);
                // A scored blocker has a severity, except without a verdict, where none has.
                if d.classification.verdict == Verdict::Insufficient {
                    prop_assert_eq!(s.band, None);
                } else {
                    prop_assert!(s.band.is_some_and(|b| b < content().bands.len()));
                }
            }
            // The reasons quoted are answers that raised the score, strongest first.
            prop_assert!(s.reasons.iter().all(|r| r.points > 0));
            prop_assert!(s.reasons.windows(2).all(|w| w[0].points >= w[1].points));
        }
    }

    #[test]
    fn raising_a_chosen_weight_never_lowers_that_score((role, answers) in answer_set(), which in any::<Index>(), raise in 1i32..=10) {
        let c = content();
        let answered: Vec<_> = answers.iter().filter_map(|(q, a)| match a { Answer::Choice(v) => Some((q.clone(), v.clone())), _ => None }).collect();
        prop_assume!(!answered.is_empty());
        let (qid, value) = &answered[which.index(answered.len())];
        let mut raised = c.content().clone();
        let q = raised.questions.iter_mut().find(|q| &q.id == qid).unwrap();
        let choice = q.choices.iter_mut().find(|ch| &ch.value == value).unwrap();
        for w in choice.weights.values_mut() {
            *w = (*w + raise).min(10);
        }
        let before = Diagnosis::compute(c, Some(&role), &answers, &Map::new());
        let after = Diagnosis::compute(&raised, Some(&role), &answers, &Map::new());
        for (b, a) in before.scores.iter().zip(&after.scores) {
            if let (Some(low), Some(high)) = (b.score, a.score) {
                prop_assert!(high >= low, "{} went from {} to {}", b.dimension, low, high);
            }
        }
    }

    #[test]
    fn answer_order_does_not_change_the_result((role, answers) in answer_set(), seed in any::<u64>()) {
        let c = content();
        // The stage is answered first, as on screen (the statements it routes wait for it); the
        // statements after it in any order.
        let mut actions: Vec<Action> = answers.iter().filter(|(q, _)| *q != "office_stage").map(|(q, a)| Action::Answer { question: q.clone(), answer: a.clone() }).collect();
        // A deterministic shuffle from the seed (Fisher-Yates with an LCG).
        let mut x = seed;
        for i in (1..actions.len()).rev() {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            actions.swap(i, (x >> 33) as usize % (i + 1));
        }
        let mut s = Session::new();
        s.apply(c, Action::ChooseRole(role.clone()));
        if let Some(stage) = answers.get("office_stage") {
            s.apply(c, Action::Answer { question: "office_stage".into(), answer: stage.clone() });
        }
        for a in actions {
            s.apply(c, a);
        }
        prop_assert_eq!(s.diagnose(c), session_with(&role, &answers).diagnose(c));
    }

    #[test]
    fn no_way_through_the_screens_reaches_the_result_with_a_statement_unanswered((role, answers) in answer_set(), left_out in any::<Index>(), moves in prop::collection::vec(0usize..16, 1..80)) {
        let c = content();
        // Every statement answered ("don't know" where the set has none) but one; never the
        // stage, which routes the rest.
        let statements: Vec<String> = c.questions.iter().filter(|q| !c.is_stage(q) && c.asks(q, Some(&role), &answers)).map(|q| q.id.clone()).collect();
        let skipped = statements[left_out.index(statements.len())].clone();
        let answer_to = |q: &str| answers.get(q).cloned().unwrap_or(Answer::DontKnow);
        let mut s = Session::new();
        s.apply(c, Action::ChooseRole(role.clone()));
        s.apply(c, Action::Answer { question: "office_stage".into(), answer: answer_to("office_stage") });
        for q in statements.iter().filter(|q| **q != skipped) {
            s.apply(c, Action::Answer { question: q.clone(), answer: answer_to(q) });
        }
        // Any walk: next, back, the review screen, a jump to any screen (some out of range).
        for m in moves {
            let action = match m {
                0..=5 => Action::Next,
                6 => Action::Back,
                7 => Action::Review,
                n => Action::Go(n - 8),
            };
            s.apply(c, action);
            prop_assert_ne!(s.screen, kintone_diagnosis::core::Screen::Result);
        }
        // The review screen counts the statement left out, and nothing else, as unanswered.
        let rows = kintone_diagnosis::core::display::review(c, Some(&role), &s.answers);
        let open: usize = rows.iter().map(|r| r.asked - r.answered).sum();
        prop_assert_eq!(open, 1);
        prop_assert_eq!(rows.iter().map(|r| r.asked).sum::<usize>(), s.progress(c).1 + 1);
        // Answered, the review screen's "see the result" gets there.
        s.apply(c, Action::Answer { question: skipped.clone(), answer: answer_to(&skipped) });
        if s.screen != kintone_diagnosis::core::Screen::Review {
            s.apply(c, Action::Review);
        }
        if s.screen == kintone_diagnosis::core::Screen::Review {
            s.apply(c, Action::Next);
            prop_assert_eq!(s.screen, kintone_diagnosis::core::Screen::Result);
        }
    }

    #[test]
    fn snapshot_and_export_round_trip((role, answers) in answer_set(), marks in prop::collection::vec(0u8..4, 6), targets in prop::collection::vec(0u32..9, 8)) {
        let c = content();
        let mut s = session_with(&role, &answers);
        for (item, mark) in c.checklist.items.iter().zip(marks) {
            let state = [Material::Has, Material::Lacks, Material::Unsure].get(usize::from(mark)).copied();
            if let Some(state) = state {
                s.apply(c, Action::Mark { item: item.id.clone(), state });
            }
        }
        // Maturity targets: a level of the content (0-5) set, any other refused.
        for (d, level) in c.dimensions.iter().zip(targets) {
            let set = s.apply(c, Action::Target { dimension: d.id.clone(), level: Some(level) });
            prop_assert_eq!(set, level < 6);
        }
        // Through the widget's own writer and reader, as storage and result files go.
        let snap: Snapshot = read::snapshot(&json::to_string(&s.snapshot(c), false).unwrap()).unwrap();
        prop_assert_eq!(Session::restore(c, snap.clone()), Ok(s.clone()));
        s.screen = kintone_diagnosis::core::Screen::Result;
        let file = export(c, &s.diagnose(c), "en", "2026-11-26T00:00:00Z");
        let text = json::to_string(&file, true).unwrap();
        let back = read::result_export(&text).unwrap();
        s.made = Some("2026-11-26T00:00:00Z".into());
        prop_assert_eq!(import(c, &back), Ok(s));
        // And what it writes is JSON that another reader (serde_json) reads the same way.
        prop_assert_eq!(serde_json::from_str::<kintone_diagnosis::core::ResultExport>(&text).unwrap(), back);
    }

    #[test]
    fn validator_and_engine_never_panic_on_mangled_content(edits in prop::collection::vec((any::<Index>(), 0u8..8, any::<i64>(), "[a-z_ ]{0,6}"), 1..12)) {
        let mut v = super::validator::minimal();
        for (at, kind, n, s) in edits {
            mangle(&mut v, at, kind, n, &s);
        }
        // Read as the widget reads a consultancy's file.
        if let Ok(c) = read::content(&serde_json::to_string(&v).unwrap()) {
            let _ = validate(&c);
            // The engine must survive invalid content too: the widget shows the problems, but a
            // half-valid questionnaire must not be able to crash it on the way.
            let mut s = Session::new();
            for q in c.questions.clone() {
                if let Some(ch) = q.choices.first() {
                    s.apply(&c, Action::Answer { question: q.id.clone(), answer: Answer::Choice(ch.value.clone()) });
                }
                s.apply(&c, Action::Next);
            }
            let c = Questionnaire::new(c);
            let _ = export(&c, &s.diagnose(&c), "ja", "");
        }
    }
}

/// Replaces one node of the JSON tree (chosen by `at` in a depth-first walk) with another value.
fn mangle(v: &mut Value, at: Index, kind: u8, n: i64, s: &str) {
    let mut count = 0;
    walk(v, &mut |_| count += 1);
    let target = at.index(count.max(1));
    let mut i = 0;
    walk(v, &mut |node| {
        if i == target {
            *node = match kind {
                0 => Value::from(n),
                1 => Value::from(s),
                2 => Value::Array(Vec::new()),
                3 => Value::Object(Default::default()),
                4 => Value::Null,
                5 => Value::from(n % 12),
                6 => Value::from("speed"),
                _ => Value::from("yes"),
            };
        }
        i += 1;
    });
}

fn walk(v: &mut Value, f: &mut dyn FnMut(&mut Value)) {
    f(v);
    match v {
        Value::Array(a) => a.iter_mut().for_each(|x| walk(x, f)),
        Value::Object(o) => o.values_mut().for_each(|x| walk(x, f)),
        _ => {}
    }
}
