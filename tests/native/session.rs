//! Session state machine, snapshot and export tests.

use super::{answers_for, shipped, validator::minimal, Lean};
use expect_test::expect;
use kintone_diagnosis::core::export::{export, import, ImportError, ResultExport};
use kintone_diagnosis::core::{
    fingerprint, Action, Answer, Content, RestoreError, Screen, Session, Snapshot,
};

fn answer(q: &str, v: &str) -> Action {
    Action::Answer {
        question: q.into(),
        answer: Answer::Choice(v.into()),
    }
}

/// A staff member who answered everything, at the result.
fn finished_staff(content: &Content) -> Session {
    let mut s = Session::new(content);
    s.apply(content, Action::ChooseRole("staff".into()));
    for (q, a) in answers_for(content, "staff", |d| {
        if d == "imposition" {
            Lean::Blocked
        } else {
            Lean::Somewhat
        }
    }) {
        s.apply(
            content,
            Action::Answer {
                question: q,
                answer: a,
            },
        );
    }
    while s.screen != Screen::Result {
        assert!(s.apply(content, Action::Next), "stuck at {:?}", s.screen);
    }
    s
}

#[test]
fn walks_role_sections_result_and_back() {
    let c = shipped();
    let mut s = Session::new(&c);
    assert_eq!(s.screen, Screen::Role);
    assert!(
        !s.apply(&c, Action::Next),
        "next does nothing before a role is chosen"
    );
    assert!(
        !s.apply(&c, answer("lead_hands_off", "4")),
        "no answers before a role is chosen"
    );
    assert!(s.apply(&c, Action::ChooseRole("staff".into())));
    assert_eq!(s.screen, Screen::Section(0));
    assert_eq!(s.sections(&c).len(), 8);

    // Next is refused while required questions are open, and names them.
    s.apply(&c, answer("lead_hands_off", "4"));
    s.apply(&c, Action::Next);
    assert_eq!(s.screen, Screen::Section(0));
    expect![[r#"["lead_used_tool", "lead_unrealistic", "lead_left_to_others", "lead_learning_time", "lead_exhaustion"]"#]]
        .assert_eq(&format!("{:?}", s.unanswered));
    // Answering one takes it off the list; "don't know" counts as an answer.
    s.apply(
        &c,
        Action::Answer {
            question: "lead_used_tool".into(),
            answer: Answer::DontKnow,
        },
    );
    assert_eq!(s.unanswered.len(), 4);
    for q in [
        "lead_unrealistic",
        "lead_left_to_others",
        "lead_learning_time",
        "lead_exhaustion",
    ] {
        s.apply(&c, answer(q, "2"));
    }
    assert!(s.unanswered.is_empty());
    s.apply(&c, Action::Next);
    assert_eq!(s.screen, Screen::Section(1));
    assert_eq!(s.progress(&c), (6, 39));

    s.apply(&c, Action::Back);
    s.apply(&c, Action::Back);
    assert_eq!(
        s.screen,
        Screen::Role,
        "back from the first section returns to the role choice"
    );
    assert_eq!(s.answers.len(), 6, "going back keeps answers");
    s.apply(&c, Action::Restart);
    assert_eq!(s, Session::new(&c));
}

#[test]
fn invalid_actions_change_nothing() {
    let c = shipped();
    let mut s = Session::new(&c);
    s.apply(&c, Action::ChooseRole("staff".into()));
    let before = s.clone();
    for action in [
        Action::ChooseRole("mayor".into()),
        Action::ChooseRole("finance".into()), // not on the role screen
        answer("no_such_question", "4"),
        answer("lead_hands_off", "5"),
        answer("fin_no_questions", "4"), // not asked of staff
        Action::ToggleItem("no_such_item".into()),
    ] {
        let mut t = s.clone();
        assert!(
            !t.apply(&c, action.clone()),
            "{action:?} changed the session"
        );
        assert_eq!(t, before);
    }
}

#[test]
fn result_screen_and_checklist() {
    let c = shipped();
    let mut s = finished_staff(&c);
    assert_eq!(s.screen, Screen::Result);
    assert!(s.apply(&c, Action::ToggleItem("security".into())));
    assert!(s.ticked.contains("security"));
    assert!(s.apply(&c, Action::ToggleItem("security".into())));
    assert!(s.ticked.is_empty());
    s.apply(&c, Action::Back);
    assert_eq!(
        s.screen,
        Screen::Section(7),
        "back from the result shows the last section"
    );
}

#[test]
fn snapshot_round_trips_through_json() {
    let c = shipped();
    let mut s = finished_staff(&c);
    s.apply(&c, Action::ToggleItem("other_cases".into()));
    let json = serde_json::to_string(&s.snapshot(&c)).unwrap();
    let snap: Snapshot = serde_json::from_str(&json).unwrap();
    assert_eq!(Session::restore(&c, &snap), Ok(s));
}

#[test]
fn snapshot_from_other_content_version_is_refused() {
    let c = shipped();
    let mut snap = finished_staff(&c).snapshot(&c);
    snap.content_version = "2020.1".into();
    assert_eq!(
        Session::restore(&c, &snap),
        Err(RestoreError::OtherContent {
            saved_version: "2020.1".into()
        })
    );
    let mut edited = c.clone();
    edited.questions[0]
        .text
        .insert("en".into(), "Changed wording".into());
    let snap = finished_staff(&c).snapshot(&c);
    assert!(
        matches!(
            Session::restore(&edited, &snap),
            Err(RestoreError::OtherContent { .. })
        ),
        "same version, other fingerprint"
    );
}

#[test]
fn corrupt_snapshots_are_refused() {
    let c = shipped();
    let good = finished_staff(&c).snapshot(&c);
    let mut wrong_format = good.clone();
    wrong_format.format = "something-else".into();
    assert_eq!(
        Session::restore(&c, &wrong_format),
        Err(RestoreError::UnknownFormat)
    );
    let mut bad_answer = good.clone();
    bad_answer
        .answers
        .insert("lead_hands_off".into(), Answer::Choice("9".into()));
    assert_eq!(
        Session::restore(&c, &bad_answer),
        Err(RestoreError::Inconsistent)
    );
    let mut bad_screen = good.clone();
    bad_screen.screen = Screen::Section(42);
    assert_eq!(
        Session::restore(&c, &bad_screen),
        Err(RestoreError::Inconsistent)
    );
    let mut bad_role = good;
    bad_role.role = Some("mayor".into());
    assert_eq!(
        Session::restore(&c, &bad_role),
        Err(RestoreError::Inconsistent)
    );
}

#[test]
fn export_round_trips_and_recomputes() {
    let c = shipped();
    let s = finished_staff(&c);
    let file = export(&c, &s, "ja", "2026-11-26T10:00:00Z");
    assert_eq!(file.primary, ["imposition"]);
    let json = serde_json::to_string_pretty(&file).unwrap();
    let back: ResultExport = serde_json::from_str(&json).unwrap();
    assert_eq!(back, file);
    assert_eq!(import(&c, &back), Ok(s));
}

#[test]
fn altered_or_foreign_exports_are_refused() {
    let c = shipped();
    let file = export(&c, &finished_staff(&c), "en", "2026-11-26T10:00:00Z");
    let mut scores_edited = file.clone();
    scores_edited.scores[0].score = Some(3);
    assert_eq!(import(&c, &scores_edited), Err(ImportError::Altered));
    let mut answers_edited = file.clone();
    answers_edited
        .answers
        .insert("imp_same_faces".into(), Answer::Choice("1".into()));
    assert_eq!(import(&c, &answers_edited), Err(ImportError::Altered));
    let mut foreign = file.clone();
    foreign.content_id = "another-survey".into();
    assert!(matches!(
        import(&c, &foreign),
        Err(ImportError::OtherContent { .. })
    ));
    let mut not_ours = file;
    not_ours.format = "survey".into();
    assert_eq!(import(&c, &not_ours), Err(ImportError::NotAResult));
}

#[test]
fn fingerprint_is_stable() {
    // Pinned so that an accidental change (to the hasher or the model) is noticed: it would stop
    // every saved session from resuming.
    let c: Content = serde_json::from_value(minimal()).unwrap();
    expect!["a4732f3bfe581654"].assert_eq(&fingerprint(&c));
    let mut other = c.clone();
    other.questions[0].choices[0]
        .weights
        .insert("speed".into(), 3);
    assert_ne!(fingerprint(&other), fingerprint(&c));
}
