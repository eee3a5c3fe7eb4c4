//! Session state machine, snapshot and export tests.

use super::{answers_for, shipped, Lean};
use expect_test::expect;
use kintone_diagnosis::core::export::{export, import, ImportError, ResultExport};
use kintone_diagnosis::core::{
    Action, Answer, Content, Questionnaire, RestoreError, Screen, Session, Snapshot,
};

fn answer(q: &str, v: &str) -> Action {
    Action::Answer {
        question: q.into(),
        answer: Answer::Choice(v.into()),
    }
}

/// A staff member who answered everything, at the result.
fn finished_staff(content: &Content) -> Session {
    let mut s = Session::new();
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
    let mut s = Session::new();
    assert_eq!(s.screen, Screen::Start);
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
    assert_eq!(s.screens(&c).len(), 8);

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
        Screen::Start,
        "back from the first section returns to the role choice"
    );
    assert_eq!(s.answers.len(), 6, "going back keeps answers");
    s.apply(&c, Action::Restart);
    assert_eq!(s, Session::new());
}

#[test]
fn invalid_actions_change_nothing() {
    let c = shipped();
    let mut s = Session::new();
    s.apply(&c, Action::ChooseRole("staff".into()));
    let before = s.clone();
    for action in [
        Action::ChooseRole("mayor".into()),
        Action::ChooseRole("finance".into()), // not on the start screen
        Action::Begin,                        // this content has roles: choosing one begins
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
    let mut edited = c.content().clone();
    edited.questions[0]
        .text
        .insert("en".into(), "Changed wording".into());
    let edited = Questionnaire::new(edited);
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
    let file = export(&c, &s.diagnose(&c), "ja", "2026-11-26T10:00:00Z");
    assert_eq!(file.primary, ["imposition"]);
    let json = serde_json::to_string_pretty(&file).unwrap();
    let back: ResultExport = serde_json::from_str(&json).unwrap();
    assert_eq!(back, file);
    assert_eq!(import(&c, &back), Ok(s));
}

#[test]
fn altered_or_foreign_exports_are_refused() {
    let c = shipped();
    let file = export(
        &c,
        &finished_staff(&c).diagnose(&c),
        "en",
        "2026-11-26T10:00:00Z",
    );
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
fn markdown_summary_reads_as_a_memo() {
    use kintone_diagnosis::core::report::{markdown, ReportWords};
    let c = shipped();
    let mut s = finished_staff(&c);
    s.apply(&c, Action::ToggleItem("security".into()));
    let words = ReportWords {
        date: "Date",
        role: "Role",
        version: "Questionnaire",
        verdicts: [
            "These are the main things holding adoption back.",
            "Nothing major holds it back.",
            "Not enough answers to tell.",
        ],
        primary: "Main blockers",
        because: "Because you answered",
        quote: ("\u{201c}", "\u{201d}"),
        plan: "Next steps",
        owner: "Who",
        all: "All blockers",
        blocker: "Blocker",
        score: "Score",
        severity: "Severity",
        not_enough: "Not enough answers",
    };
    let md = markdown(&c, &s.diagnose(&c), &words, "en", "2026-11-26");
    expect![[r##"
        # Why is kintone adoption stalling? A self-diagnosis

        - Date: 2026-11-26
        - Role: Staff in a line department
        - Questionnaire: kintone-municipal 2026.11.2 (d9baee7ca21e6777)

        These are the main things holding adoption back.

        ## Main blockers

        1. **A feeling of imposition** — High (100)
           Existing work feels dismissed and only a few people are involved, so others feel it is forced on them.
           - Because you answered: “Some staff felt their existing way of working was dismissed while kintone was being recommended.” → Applies (20%)
           - Because you answered: “Only a handful of staff have received kintone training.” → Applies (20%)
           - Because you answered: “The same few people present at every case-sharing session.” → Applies (20%)

        ## Next steps

        ### This week

        - [ ] **Before building, ask the people doing the work how they do it now, and confirm what should stay.** (Who: You)
          A tool built around respect for the current work is far less likely to feel imposed.
        - [ ] **Pick work where a failure costs little and run a trial with a fixed end date.** (Who: You)
          A small, recorded trial turns even a failure into evidence for the next decision.
        - [ ] **Prepare a five-minute demo and ask an executive to operate it at the next meeting.** (Who: You)
          Once the people who give instructions have touched the tool, fewer instructions miss the reality of the work.
        - [ ] **Arrange one conversation between finance staff and a requesting department outside budget season.** (Who: You)
          A working relationship cannot be built in a hurry once budget season starts.
        - [ ] **Choose a first improvement that clearly reduces the person's own workload.** (Who: Your section chief)
          The best answer to "it's just more work" is an example that makes the person's own day easier.
        - [ ] **Write a neutral one-page explanation of what kintone is and why it is discussed by name.** (Who: You)
          Few alternatives match a business database that grows through plugins, which is why it is named as a product. Once that is explained, suspicion of a sales push fades.

        ### This month

        - [ ] **Open training and trial use to every department, not just one or two people.** (Who: DX promotion team)
          Commercial courses can cost hundreds of thousands of yen per person; when only a few become experts, the gap with everyone else widens.
        - [ ] **At the next case-sharing session, invite staff from a department that has not presented yet.** (Who: DX promotion team)
          When the same people always speak, everyone else hears it as a story about someone else.
        - [ ] **Hold a short hands-on session in which each executive builds one app.** (Who: Executives)
          One mayor once had every employee learn to build web pages so vendors could not overcharge. Leaders who know the basics are less likely to hand everything off or overpay.
        - [ ] **Share a diagram of who does what: plugin vendors versus partner companies for coaching, development and training.** (Who: You)
          Seeing who can be asked for what undoes the belief that staff must build everything.
        - [ ] **Check executives' instructions against the actual workflow and report the mismatches on one page.** (Who: Your section chief)
          Concrete mismatches make it easier to adjust instructions to reality.
        - [ ] **Send your finance contact an example from another department where a tool paid off, with figures such as hours saved.** (Who: You)
          An assessor who knows the benefit is less likely to judge on the amount alone.
        - [ ] **Check the six budget-request materials against the checklist below.** (Who: You)
          A persuasive request covers six things: the product, cases, security, a comparison, a plan and a specification.
        - [ ] **Bring up the results of improvements, such as hours saved, in section meetings.** (Who: Your section chief)
          Even before evaluation rules change, a chief who names the results softens the feeling that effort is wasted.
        - [ ] **Begin every training by explaining the difference between app builders and data-entry users.** (Who: DX promotion team)
          Judging in-house development from the data-entry side alone breeds both "too hard" and "I can already do it".
        - [ ] **Create a regular place to share what did not work and what was done about it.** (Who: DX promotion team)
          Hearing only successes makes people fear they alone will be blamed if something goes wrong.
        - [ ] **Set up a procedure in which access permissions are checked by more than one person.** (Who: Your section chief)
          Worry about permissions shrinks when no one has to carry it alone.
        - [ ] **Write a document explaining kintone and its ecosystem (plugins, partner companies).** (Who: You)
          Even an assessor who has never seen kintone can tell at a glance what the money buys: the product, plugins or partner support.
        - [ ] **Collect other municipalities' cases, favouring ones that spread across departments.** (Who: You)
          Municipalities that already use it across several departments are the firmest evidence that it pays off.

        ### Before the next budget cycle

        - [ ] **When choosing a support partner, check that the contact person will not rotate often, that they know the plugins, and that they dig into your real problem instead of applying a standard package.** (Who: DX promotion team)
          Large firms often rotate their contacts, and limiting the choice to local firms can leave you without plugin knowledge.
        - [ ] **Hold a briefing for the finance department on kintone and its ecosystem.** (Who: Finance department)
          Knowing how the product and its alternatives work lets assessors ask the right questions.
        - [ ] **Show a draft of the request to finance staff early and ask what is missing.** (Who: DX promotion team)
          Knowing the assessor's questions in advance lets you answer them in the real request.
        - [ ] **Propose to the personnel division that improvement work become an explicit evaluation criterion.** (Who: Executives)
          If evaluations stay the same either way, not improving becomes the rational choice.
        - [ ] **Record the products compared and the reasons for the choice, in line with procurement practice.** (Who: DX promotion team)
          Public procurement expects comparison; a written record answers the suspicion of favouring one vendor.
        - [ ] **Write time and budget for staff digital learning into next year's plan.** (Who: Executives)
          If skills development stays a phrase in a plan, the work keeps piling onto a few people.
        - [ ] **Give every app more than one owner and agree a hand-over procedure for transfers.** (Who: Your section chief)
          A tool that stops at every personnel transfer never feels safe to rely on.
        - [ ] **Make a comparison table of the plugins you considered.** (Who: You)
          Showing that several options were compared makes clear the request does not start from one vendor's product.
        - [ ] **Draw up an introduction plan and schedule.** (Who: You)
          Knowing which work changes, and when, lets the assessor judge when to fund it and what it will deliver.
        - [ ] **Write a draft specification.** (Who: You)
          Written requirements make quotes comparable and let you show that the amount requested is reasonable.

        ## The six budget-request materials

        - [ ] What kintone and its ecosystem are
        - [ ] Other municipalities' cases
        - [x] Security
        - [ ] Comparison of the plugins considered
        - [ ] Introduction plan and schedule
        - [ ] Draft specification

        ## All blockers

        | Blocker | Score | Severity |
        |---|---:|---|
        | Leadership delegates DX to the field | 67 | High |
        | Finance assesses IT without understanding it | 67 | High |
        | Weak budget-request materials | 67 | High |
        | Improvement is not rewarded | 67 | High |
        | A feeling of imposition | 100 | High |
        | Suspicion of a vendor push | 67 | High |
        | Misunderstanding in-house development | 67 | High |
        | Fear of failure | 65 | High |
    "##]].assert_eq(&md);
}

#[test]
fn another_role_chosen_after_going_back_keeps_only_what_it_is_asked_and_still_restores() {
    let c = shipped();
    let mut s = Session::new();
    s.apply(&c, Action::ChooseRole("staff".into()));
    for q in c.questions.iter().filter(|q| c.asks(q, Some("staff"))) {
        s.apply(&c, answer(&q.id, &q.choices[0].value));
    }
    s.apply(&c, Action::Back);
    assert_eq!(s.screen, Screen::Start);
    s.apply(&c, Action::ChooseRole("manager".into()));
    assert!(s
        .answers
        .iter()
        .all(|(id, _)| c.asks(c.question(id).unwrap(), Some("manager"))));
    assert!(
        !s.answers.is_empty(),
        "the statements both roles are asked keep their answers"
    );
    // Saved and read back, it resumes (it was declared damaged, and lost).
    assert_eq!(Session::restore(&c, &s.snapshot(&c)), Ok(s));
}
