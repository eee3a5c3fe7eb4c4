//! What the screens show, computed natively: counts and estimates per role, numbering across
//! sections, the choices shown, the labels every renderer of a result shares, and the resume
//! policy the widget opens with.

use super::{shipped, validator::minimal};
use kintone_diagnosis::core::display::{self, Labels};
use kintone_diagnosis::core::session::{opening, OpeningNote, Saved};
use kintone_diagnosis::core::{Action, Answer, Content, Questionnaire, Screen, Session};

#[test]
fn counts_and_estimates_follow_the_role_and_the_stage() {
    let c = shipped();
    // Statements per role at each stage (未導入, 試行中, 一部の課, 全庁); the stage question
    // itself is not counted. An office that has not started is not asked what assumes use.
    let per_role: Vec<(String, Vec<usize>)> = c
        .roles
        .iter()
        .map(|r| {
            let counts = c
                .stages()
                .into_iter()
                .map(|s| display::questions_for(&c, Some(&r.id), s))
                .collect();
            (r.id.clone(), counts)
        })
        .collect();
    assert_eq!(
        per_role,
        [
            ("promoter", vec![32, 36, 38, 37]),
            ("staff", vec![29, 33, 35, 34]),
            ("manager", vec![32, 36, 38, 37]),
            ("finance", vec![32, 36, 38, 37])
        ]
        .map(|(r, n)| (r.to_string(), n))
    );
    // Before a role and stage are chosen, the start screen announces the fewest and the most.
    assert_eq!(display::questions_announced(&c), (29, 38));
    assert_eq!(display::minutes_for(40), 10);
    assert_eq!(display::minutes_for(1), 1);
    assert_eq!(display::minutes_for(0), 0);
    // Content without roles: everyone is asked everything.
    let m: Content = serde_json::from_value(minimal()).unwrap();
    assert_eq!(display::questions_announced(&m), (4, 4));
    assert_eq!(display::questions_for(&m, None, None), 4);
}

#[test]
fn statements_are_numbered_across_the_screens_a_role_goes_through() {
    let c = shipped();
    for (role, stage) in [("staff", "none"), ("finance", "some")] {
        let a = super::at_stage(&c, stage);
        let screens = c.screens_for(Some(role), &a);
        // No section of the shipped questionnaire is long enough to be split.
        let asked =
            (0..c.sections.len()).filter(|&s| c.questions_in(s, Some(role), &a).next().is_some());
        assert_eq!(screens.len(), asked.count());
        let mut expected = 1;
        for (n, part) in screens.iter().enumerate() {
            assert_eq!(display::first_number(&screens, n), expected);
            expected += c.questions_on(part, Some(role), &a).count();
        }
        // The stage question (alone on the first screen) is not counted as a statement.
        assert_eq!(screens[0].take, 1);
        assert_eq!(
            expected - 2,
            display::questions_for(&c, Some(role), Some(stage))
        );
    }
}

/// The minimal questionnaire with `n` statements in its one section.
fn with_statements(n: usize) -> Content {
    let mut v = minimal();
    let first = v["questions"][0].clone();
    v["questions"] = (1..=n)
        .map(|i| {
            let mut q = first.clone();
            q["id"] = format!("q{i}").into();
            q
        })
        .collect();
    serde_json::from_value(v).unwrap()
}

#[test]
fn a_long_section_is_shown_in_even_parts_of_at_most_fifty_statements() {
    let parts = |n| -> Vec<usize> {
        let c = with_statements(n);
        c.screens_for(None, &Default::default())
            .iter()
            .map(|p| p.take)
            .collect()
    };
    assert_eq!(parts(4), [4]);
    assert_eq!(parts(50), [50]);
    assert_eq!(parts(51), [26, 25]);
    assert_eq!(parts(101), [34, 34, 33]);
    assert_eq!(parts(2000), [50; 40]);
    // Every statement is on exactly one screen, in order, for any length.
    for n in [1, 49, 99, 150, 2451, 4999] {
        let c = with_statements(n);
        let none = Default::default();
        let screens = c.screens_for(None, &none);
        let shown: Vec<&str> = screens
            .iter()
            .flat_map(|p| c.questions_on(p, None, &none))
            .map(|q| q.id.as_str())
            .collect();
        let all: Vec<&str> = c.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(shown, all, "{n} statements");
        assert!(screens
            .iter()
            .all(|p| (1..=50).contains(&p.take) && p.parts == screens.len()));
        assert_eq!(display::first_number(&screens, screens.len()), n + 1);
    }
}

#[test]
fn next_and_back_go_through_the_parts_of_a_long_section_asking_only_for_the_screen_shown() {
    let c = Questionnaire::new(with_statements(120));
    let mut s = Session::new();
    s.apply(&c, Action::Begin);
    assert_eq!(s.screens(&c).len(), 3);
    // Next asks for the 40 statements shown, not the 120 of the section.
    s.apply(&c, Action::Next);
    assert_eq!(s.unanswered.len(), 40);
    assert_eq!(s.unanswered.last().map(String::as_str), Some("q40"));
    for i in 1..=40 {
        s.apply(
            &c,
            Action::Answer {
                question: format!("q{i}"),
                answer: Answer::Choice("yes".into()),
            },
        );
    }
    s.apply(&c, Action::Next);
    assert_eq!(s.screen, Screen::Section(1));
    assert_eq!(
        s.missing_in_current(&c).first().map(String::as_str),
        Some("q41")
    );
    s.apply(&c, Action::Back);
    assert_eq!(s.screen, Screen::Section(0));
    // A saved session on the last part comes back there.
    s.screen = Screen::Section(2);
    let back = Session::restore(&c, s.snapshot(&c)).unwrap();
    assert_eq!(back.screen, Screen::Section(2));
    s.screen = Screen::Section(3);
    assert!(
        Session::restore(&c, s.snapshot(&c)).is_err(),
        "a screen past the last part"
    );
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
    assert_eq!(l.role(), Some("Finance staff"));
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
    assert_eq!(l.choice(&fin.id, Some(&answer)), "True");
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
            question: "office_stage".into(),
            answer: Answer::Choice("trial".into()),
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
fn the_respondents_language_is_saved_with_the_answers_and_comes_back() {
    use kintone_diagnosis::core::json;
    let c = shipped();
    let mut s = begun(&c, "staff");
    assert!(s.apply(&c, Action::ChooseLanguage("en".into())));
    assert!(
        !s.apply(&c, Action::ChooseLanguage("fr".into())),
        "a language the content lacks"
    );
    let text = json::to_string(&s.snapshot(&c), false).unwrap();
    assert!(text.contains(r#""format_version":6"#) && text.contains(r#""lang":"en""#));
    let Saved::Session(back) = Saved::read(&c, &text) else {
        panic!("not read back: {text}");
    };
    assert_eq!(back.lang.as_deref(), Some("en"));
    assert_eq!(back.answers, s.answers);
    // Starting over keeps the language; a saved language the content lacks is dropped, and the
    // answers still come back.
    s.apply(&c, Action::Restart);
    assert_eq!(s.lang.as_deref(), Some("en"));
    let odd = text.replace(r#""lang":"en""#, r#""lang":"fr""#);
    let Saved::Session(back) = Saved::read(&c, &odd) else {
        panic!("refused for its language");
    };
    assert_eq!((back.lang, back.answers.len()), (None, 1));
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
    snap.format_version = 7;
    assert_eq!(
        Saved::read(&c, &text(&snap)),
        Saved::Newer("2026.12.2".into())
    );
    // A later version of this questionnaire; an earlier one is only "another version".
    snap.format_version = 2;
    snap.content_version = "2027.1.1".into();
    assert_eq!(
        Saved::read(&c, &text(&snap)),
        Saved::Newer("2027.1.1".into())
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
