//! What the screens show, computed natively: counts and estimates per role, numbering across
//! sections, the choices shown, the labels every renderer of a result shares, and the resume
//! policy the widget opens with.

use super::{shipped, validator::minimal};
use kintone_diagnosis::core::display::{self, Labels};
use kintone_diagnosis::core::session::{opening, OpeningNote, Saved};
use kintone_diagnosis::core::{Action, Answer, Content, Questionnaire, Screen, Session};

#[test]
fn counts_and_estimates_follow_the_role() {
    let c = shipped();
    let per_role: Vec<(String, usize)> = c
        .roles
        .iter()
        .map(|r| (r.id.clone(), display::questions_for(&c, Some(&r.id))))
        .collect();
    assert_eq!(
        per_role,
        [
            ("promoter", 40),
            ("staff", 39),
            ("manager", 40),
            ("finance", 40)
        ]
        .map(|(r, n)| (r.to_string(), n))
    );
    // Before a role is chosen, the start screen announces the most any role is asked.
    assert_eq!(display::typical_questions(&c), 40);
    assert_eq!(display::minutes_for(40), 10);
    assert_eq!(display::minutes_for(1), 1);
    assert_eq!(display::minutes_for(0), 0);
    // Content without roles: everyone is asked everything.
    let m: Content = serde_json::from_value(minimal()).unwrap();
    assert_eq!(display::typical_questions(&m), 4);
    assert_eq!(display::questions_for(&m, None), 4);
}

#[test]
fn statements_are_numbered_across_the_sections_a_role_goes_through() {
    let c = shipped();
    for role in ["staff", "finance"] {
        let sections = c.sections_for(Some(role));
        let mut expected = 1;
        for n in 0..sections.len() {
            assert_eq!(
                display::first_number(&c, Some(role), &sections, n),
                expected
            );
            expected += c.questions_in(sections[n], Some(role)).count();
        }
        assert_eq!(expected - 1, display::questions_for(&c, Some(role)));
    }
}

#[test]
fn a_statement_shows_the_choices_it_weighs_in_the_scale_order() {
    let mut m: Content = serde_json::from_value(minimal()).unwrap();
    let q = &m.questions[0];
    assert_eq!(
        display::choices_shown(&m, q, "en"),
        [("yes", "Yes"), ("no", "No")]
    );
    assert_eq!(display::dont_know_label(&m, q, "ja"), Some("わからない"));
    // A question that weighs only some of the scale's choices shows only those; one without
    // "don't know" offers none.
    m.questions[0].choices.remove(1);
    m.questions[0].dont_know = false;
    let q = &m.questions[0];
    assert_eq!(display::choices_shown(&m, q, "ja"), [("yes", "はい")]);
    assert_eq!(display::dont_know_label(&m, q, "ja"), None);
}

#[test]
fn labels_speak_the_readers_language_and_the_respondents_role() {
    let c = shipped();
    let l = Labels::new(&c, "en", Some("finance"));
    assert_eq!(l.role(), Some("Budget / finance staff"));
    assert_eq!(l.band(None), "");
    assert_eq!(l.dimension("nope"), "");
    let fin = c
        .questions
        .iter()
        .find(|q| q.wording.contains_key("finance"))
        .expect("a statement worded for finance staff");
    assert_eq!(
        l.statement(&fin.id),
        c.statement(fin, Some("finance"), "en")
    );
    assert_ne!(
        l.statement(&fin.id),
        Labels::new(&c, "en", Some("staff")).statement(&fin.id)
    );
    let answer = Answer::Choice("4".into());
    assert_eq!(l.choice(&fin.id, Some(&answer)), "Applies");
    assert_eq!(l.choice(&fin.id, Some(&Answer::DontKnow)), "");
    assert_eq!(l.choice(&fin.id, None), "");
    let ja = Labels::new(&c, "ja", None);
    assert_eq!(ja.role(), None);
    assert_eq!(ja.choice(&fin.id, Some(&answer)), "あてはまる");
}

fn begun(c: &Questionnaire, role: &str) -> Session {
    let mut s = Session::new();
    s.apply(c, Action::ChooseRole(role.into()));
    s.apply(
        c,
        Action::Answer {
            question: c.questions[0].id.clone(),
            answer: Answer::DontKnow,
        },
    );
    s
}

#[test]
fn the_widget_offers_a_saved_session_and_never_forces_it() {
    let c = shipped();
    let saved = begun(&c, "staff");
    let o = opening(&c, Saved::Session(saved.clone()), false);
    assert_eq!(
        (o.session, o.resume, o.note),
        (Session::new(), Some(saved), None)
    );
    // Nothing worth offering: a blank session.
    let o = opening(&c, Saved::Session(Session::new()), false);
    assert_eq!(o.resume, None);
    let o = opening(&c, Saved::OtherVersion("2020.1".into()), false);
    assert_eq!(o.note, Some(OpeningNote::OtherVersion("2020.1".into())));
    assert_eq!(
        opening(&c, Saved::Corrupt, false).note,
        Some(OpeningNote::Corrupt)
    );
    assert_eq!(opening(&c, Saved::Nothing, false), Default::default());
}

#[test]
fn a_widget_that_starts_at_the_questions_continues_the_saved_answers() {
    let m = Questionnaire::new(serde_json::from_value::<Content>(minimal()).unwrap());
    // No start screen to offer it on: begun at the first section, or continued where it was.
    let o = opening(&m, Saved::Nothing, true);
    assert_eq!(o.session.screen, Screen::Section(0));
    let mut saved = Session::new();
    saved.apply(&m, Action::Begin);
    saved.apply(
        &m,
        Action::Answer {
            question: "q1".into(),
            answer: Answer::Choice("yes".into()),
        },
    );
    let o = opening(&m, Saved::Session(saved.clone()), true);
    assert_eq!(
        (o.session, o.resume, o.note),
        (saved, None, Some(OpeningNote::Resumed))
    );
}

#[test]
fn answers_saved_by_a_newer_build_are_recognised_and_never_read_as_damaged() {
    use kintone_diagnosis::core::json;
    use kintone_diagnosis::core::session::later_version;
    let c = shipped();
    let mut snap = begun(&c, "staff").snapshot(&c);
    let text = |s: &kintone_diagnosis::core::Snapshot| json::to_string(s, false).unwrap();
    assert!(matches!(Saved::read(&c, &text(&snap)), Saved::Session(_)));
    // A later layout of this widget's sessions.
    snap.format_version = 3;
    assert_eq!(
        Saved::read(&c, &text(&snap)),
        Saved::Newer("2026.11.2".into())
    );
    // A later version of this questionnaire; an earlier one is only "another version".
    snap.format_version = 2;
    snap.content_version = "2026.12.1".into();
    assert_eq!(
        Saved::read(&c, &text(&snap)),
        Saved::Newer("2026.12.1".into())
    );
    snap.content_version = "2026.10.9".into();
    assert_eq!(
        Saved::read(&c, &text(&snap)),
        Saved::OtherVersion("2026.10.9".into())
    );
    // Another questionnaire's session under the key is no session of ours, not "newer".
    snap.content_id = "another".into();
    snap.content_version = "9999".into();
    assert_eq!(Saved::read(&c, &text(&snap)), Saved::Corrupt);
    assert_eq!(
        opening(&c, Saved::Newer("3".into()), false).note,
        Some(OpeningNote::Newer("3".into()))
    );

    assert!(later_version("2026.12.1", "2026.11.2"));
    assert!(later_version("10", "9"));
    assert!(later_version("2026.11.2.1", "2026.11.2"));
    assert!(!later_version("2026.11.2", "2026.11.2"));
    assert!(!later_version("2026.9", "2026.11"));
    assert!(!later_version("b", "a"), "not numbers: never called later");
}
