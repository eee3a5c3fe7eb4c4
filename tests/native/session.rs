//! Session state machine, snapshot and export tests.

use super::{answers_for, shipped, Lean};
use expect_test::expect;
use kintone_diagnosis::core::content::Material;
use kintone_diagnosis::core::export::{export, import, ImportError, ResultExport};
use kintone_diagnosis::core::map::Map;
use kintone_diagnosis::core::session::day_of;
use kintone_diagnosis::core::Diagnosis;
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
    let answers = answers_for(content, "staff", |d| {
        if d == "imposition" {
            Lean::Blocked
        } else {
            Lean::Somewhat
        }
    });
    // The stage first, as on screen: the statements it routes are refused until it is chosen.
    let (stage, rest): (Vec<_>, Vec<_>) =
        answers.into_iter().partition(|(q, _)| q == "office_stage");
    for (q, a) in stage.into_iter().chain(rest) {
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
    assert_eq!(s.screens(&c).len(), 9);

    // The first screen asks where the office stands; it must be answered, and routes the rest.
    s.apply(&c, Action::Next);
    assert_eq!(s.unanswered, ["office_stage"]);
    assert!(
        !s.apply(
            &c,
            Action::Answer {
                question: "office_stage".into(),
                answer: Answer::DontKnow
            }
        ),
        "the stage has no \"don't know\""
    );
    s.apply(&c, answer("office_stage", "none"));
    s.apply(&c, Action::Next);
    assert_eq!(s.screen, Screen::Section(1));

    // Next is refused while required questions are open, and names them.
    s.apply(&c, answer("lead_used_tool", "4"));
    s.apply(&c, Action::Next);
    assert_eq!(s.screen, Screen::Section(1));
    expect![[r#"["lead_left_to_others", "lead_unrealistic", "lead_learning_time"]"#]]
        .assert_eq(&format!("{:?}", s.unanswered));
    // Answering one takes it off the list; "don't know" counts as an answer.
    s.apply(
        &c,
        Action::Answer {
            question: "lead_left_to_others".into(),
            answer: Answer::DontKnow,
        },
    );
    assert_eq!(s.unanswered.len(), 2);
    // A statement this questionnaire does not have is no answer.
    s.apply(&c, answer("lead_hands_off", "4"));
    assert_eq!(s.unanswered.len(), 2);
    for q in ["lead_unrealistic", "lead_learning_time"] {
        s.apply(&c, answer(q, "2"));
    }
    assert!(s.unanswered.is_empty());
    s.apply(&c, Action::Next);
    assert_eq!(s.screen, Screen::Section(2));
    // Staff at an office that has not started are asked 29 statements (the stage is not one).
    assert_eq!(s.progress(&c), (4, 29));

    s.apply(&c, Action::Back);
    s.apply(&c, Action::Back);
    s.apply(&c, Action::Back);
    assert_eq!(
        s.screen,
        Screen::Start,
        "back from the first section returns to the role choice"
    );
    assert_eq!(s.answers.len(), 5, "going back keeps answers");
    s.apply(&c, Action::Restart);
    assert_eq!(s, Session::new());
}

#[test]
fn another_stage_asks_other_statements_and_keeps_the_answers_it_does_not_ask_aside() {
    let c = shipped();
    let mut s = Session::new();
    s.apply(&c, Action::ChooseRole("promoter".into()));
    s.apply(&c, answer("office_stage", "some"));
    for q in [
        "imp_open_access",
        "imp_seen_elsewhere",
        "fail_app_rules",
        "lead_used_tool",
    ] {
        assert!(
            s.apply(&c, answer(q, "2")),
            "{q} is asked of an office using the tool"
        );
    }
    assert_eq!(s.progress(&c), (4, 38));
    // Saved and restored: the stage is applied before the statements it routes, whatever
    // order the file lists them in.
    let back = Session::restore(&c, s.snapshot(&c)).expect("restores");
    assert_eq!(back.answers, s.answers);
    // The whole office uses it now: the statement about sections not using it yet is no longer
    // asked, counted or part of the result.
    s.apply(&c, answer("office_stage", "all"));
    assert_eq!(s.progress(&c), (3, 37));
    assert!(!s.diagnose(&c).answers.contains_key("imp_seen_elsewhere"));
    // Not started: only what needs no tool in use counts; the diagnosis counts statements
    // only (the stage is not one) and its answers, as its file will, leave the others out.
    s.apply(&c, answer("office_stage", "none"));
    assert_eq!(s.progress(&c), (1, 32));
    let d = s.diagnose(&c);
    assert_eq!((d.asked, d.answered), (32, 1));
    let in_result: Vec<&str> = d.answers.keys().map(String::as_str).collect();
    assert_eq!(in_result, ["lead_used_tool", "office_stage"]);
    // Passing through the stages (arrow keys do) loses nothing: back at "some", every answer
    // is there again, and a saved session holding answers set aside restores.
    let back = Session::restore(&c, s.snapshot(&c)).expect("restores with answers set aside");
    assert_eq!(back.answers, s.answers);
    s.apply(&c, answer("office_stage", "some"));
    assert_eq!(s.progress(&c), (4, 38));
    // Set aside is not a back door: a value the statement lacks is still refused.
    let mut snap = s.snapshot(&c);
    snap.answers
        .insert("imp_seen_elsewhere".into(), Answer::Choice("9".into()));
    assert!(Session::restore(&c, snap.clone()).is_err());
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
        Action::Mark {
            item: "no_such_item".into(),
            state: Material::Has,
        },
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
    assert!(s.apply(
        &c,
        Action::Mark {
            item: "security".into(),
            state: Material::Lacks
        }
    ));
    assert_eq!(s.materials.get("security"), Some(&Material::Lacks));
    assert!(s.apply(
        &c,
        Action::Mark {
            item: "security".into(),
            state: Material::Has
        }
    ));
    assert_eq!(s.materials.get("security"), Some(&Material::Has));
    assert!(
        !s.apply(
            &c,
            Action::Mark {
                item: "security".into(),
                state: Material::Has
            }
        ),
        "marking what is already marked changes nothing"
    );
    s.apply(&c, Action::Back);
    assert_eq!(
        s.screen,
        Screen::Section(8),
        "back from the result shows the last section"
    );
}

#[test]
fn snapshot_round_trips_through_json() {
    let c = shipped();
    let mut s = finished_staff(&c);
    s.apply(
        &c,
        Action::Mark {
            item: "other_cases".into(),
            state: Material::Unsure,
        },
    );
    let json = serde_json::to_string(&s.snapshot(&c)).unwrap();
    let snap: Snapshot = serde_json::from_str(&json).unwrap();
    assert_eq!(Session::restore(&c, snap.clone()), Ok(s));
}

#[test]
fn snapshot_from_other_content_version_is_refused() {
    let c = shipped();
    let mut snap = finished_staff(&c).snapshot(&c);
    snap.content_version = "2020.1".into();
    assert_eq!(
        Session::restore(&c, snap.clone()),
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
            Session::restore(&edited, snap.clone()),
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
        Session::restore(&c, wrong_format.clone()),
        Err(RestoreError::UnknownFormat)
    );
    let mut bad_answer = good.clone();
    bad_answer
        .answers
        .insert("lead_hands_off".into(), Answer::Choice("9".into()));
    assert_eq!(
        Session::restore(&c, bad_answer.clone()),
        Err(RestoreError::Inconsistent)
    );
    let mut bad_screen = good.clone();
    bad_screen.screen = Screen::Section(42);
    assert_eq!(
        Session::restore(&c, bad_screen.clone()),
        Err(RestoreError::Inconsistent)
    );
    let mut bad_role = good;
    bad_role.role = Some("mayor".into());
    assert_eq!(
        Session::restore(&c, bad_role.clone()),
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
    // Opened, it is the same session, dated when it was made; saved again, it keeps that; a changed answer makes it a new result, of no date yet.
    let opened = import(&c, &back).unwrap();
    assert_eq!(
        opened,
        Session {
            made: Some("2026-11-26T10:00:00Z".into()),
            ..s
        }
    );
    let mut again = opened.clone();
    assert_eq!(
        again.diagnose(&c).made.as_deref(),
        Some("2026-11-26T10:00:00Z")
    );
    let snap = again.snapshot(&c);
    assert_eq!(
        Session::restore(&c, snap.clone()).unwrap().made,
        opened.made
    );
    again.apply(
        &c,
        Action::Answer {
            question: "imp_dismissed".into(),
            answer: Answer::Choice("1".into()),
        },
    );
    assert_eq!(again.made, None);
    // Only a date is taken from what a file says.
    assert_eq!(
        day_of("2026-11-26T10:00:00Z").as_deref(),
        Some("2026-11-26")
    );
    assert_eq!(day_of("<script>"), None);
    assert_eq!(day_of("2026-1-1"), None);
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
    s.apply(
        &c,
        Action::Mark {
            item: "security".into(),
            state: Material::Lacks,
        },
    );
    s.apply(
        &c,
        Action::Target {
            dimension: "imposition".into(),
            level: Some(2),
        },
    );
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
        section: "Section",
        author: "Prepared by",
        first: "Start with these",
        missing: "Missing materials",
        plan: "All steps",
        other: "Other steps",
        raise: |when| format!("Raise it {}", when.to_lowercase()),
        yours: "What you can do",
        others: "What to propose to others",
        owner: "Who",
        ask: "How to ask",
        few: " (few answers: tentative)",
        also: |n| format!("{n} more about as strong."),
        uniform: "Every statement got the same answer.",
        states: ["There", "Missing", "Don't know"],
        all: "All blockers",
        blocker: "Blocker",
        score: "Score",
        severity: "Severity",
        not_enough: "Not enough answers",
        maturity: "Maturity",
        target: "Target in 3 years",
        office_level: "The office overall",
    };
    let md = markdown(&c, &s.diagnose(&c), &words, "en", "2026-11-26");
    expect![[r##"
        # Why is kintone adoption stalling? A self-diagnosis

        - Date: 2026-11-26
        - Role: Staff in a line department
        - Where your office stands: On trial somewhere
        - Section: ________________
        - Prepared by: ________________

        These are the main things holding adoption back.

        ## Main blockers

        1. **A sense of imposition** — High (100)

        ## Start with these

        1. **Tell your section chief you would like to join the training or trial use.** (Who: Line-department staff)
           A visible wish to take part is a reason to open training beyond a few people.

        ## Missing materials

        - Security

        ---

        ## Other steps (11)

        ### What you can do

        - [ ] **Write down how your work flows and what should stay, and pass it to the DX promotion staff.** (Who: Line-department staff · This week)
          When the department's view arrives first, the new system is more likely to fit the work.
        - [ ] **Write down concrete gaps between instructions and the actual work, and ask your section chief to pass them to the executives.** (Who: Line-department staff · This month)
          Concrete gaps reaching executives give them a reason to get involved.
        - [ ] **Name one of your own tasks, such as copying or tallying, that you would be glad to see lightened, and tell the DX promotion staff.** (Who: Line-department staff · This week)
          Starting with a task that lightens your own work gives a clear reason to join in and makes trying less daunting.

        ### What to propose to others

        - [ ] **Check against the checklist which of the six materials are ready.** (Who: DX promotion staff · Raise it this week)
          Knowing what is missing shows what to prepare first.
          How to ask: “Could you check which of the six materials are ready?”
        - [ ] **Explain on one page why this product is being considered and how alternatives are compared.** (Who: DX promotion staff · Raise it this week)
          Seeing the reason and the comparison method eases the suspicion of a sales push.
          How to ask: “Could you explain on one page why this product is being considered and how alternatives are compared?”
        - [ ] **Share a department's success, with figures such as hours saved, with other departments and finance.** (Who: DX promotion staff · Raise it this month)
          Known effects spread to other departments and help assessors weigh the benefit, not only the amount.
          How to ask: “Could you share a department's success, with figures, with other departments and with finance?”
        - [ ] **Make time to talk with department staff outside the budget season.** (Who: Finance staff · Raise it this month)
          An easy working relationship cannot be built in a hurry at budget time.
          How to ask: “Could you make time to talk with department staff outside the budget season?”
        - [ ] **Mention results of improvements, such as hours saved, in section meetings.** (Who: Section chiefs · Raise it this month)
          A supervisor naming the results keeps improvement from feeling like wasted effort.
          How to ask: “Could you mention improvement results in section meetings?”
        - [ ] **Open every briefing by explaining how app builders differ from data-entry users.** (Who: DX promotion staff · Raise it this month)
          Judging from data entry alone breeds both "too hard" and "I can already do it".
          How to ask: “Could briefings start by explaining how building apps differs from entering data?”
        - [ ] **Share what did not work and what was done about it, alongside the successes.** (Who: DX promotion staff · Raise it this month)
          Hearing only successes makes people fear they alone will be blamed.
          How to ask: “Could you share what did not work, and what was done about it, too?”
        - [ ] **Give each app two or more people in charge, who check permissions and hand-over together.** (Who: Section chiefs · Raise it before the next budget cycle)
          Worries about permissions and transfers shrink when no one carries them alone.
          How to ask: “Could each app have two or more people in charge who check permissions and hand-over together?”

        ### Because you answered: A sense of imposition

        Current work feels undervalued and few are involved, so the change feels imposed.

        - “When a new tool comes up, some staff feel their current way of working is dismissed.” → True
        - “Staff in every department have a chance to be trained on and try new business tools.” → Not true
        - “The same few people are named whenever digitalisation comes up.” → True

        ## The six budget-request materials

        - The no-code tool and the services around it: —
        - Other municipalities' cases: —
        - Security: Missing
        - Comparison of the products and add-ons considered: —
        - Introduction plan and schedule: —
        - Draft specification: —

        ## All blockers

        The office overall: Lv0 Not started yet

        | Blocker | Score | Severity |
        |---|---:|---|
        | Limited executive involvement | 33 | Moderate |
        | IT budgets are hard to assess | 33 | Moderate |
        | Thin budget-request materials | 33 | Moderate |
        | Improvement goes unrecognised | 33 | Moderate |
        | A sense of imposition | 100 | High |
        | Wariness of a sales push | 33 | Moderate |
        | Misconceptions about app building and support | 33 | Moderate |
        | Fear of failure | 31 | Moderate |

        Questionnaire: kintone-municipal 2026.12.2 (b7da5c419152b0e6)
    "##]].assert_eq(&md);
}

#[test]
fn another_role_chosen_after_going_back_keeps_only_what_it_is_asked_and_still_restores() {
    let c = shipped();
    let mut s = Session::new();
    s.apply(&c, Action::ChooseRole("staff".into()));
    for q in c.questions.iter() {
        if c.asks(q, Some("staff"), &s.answers) {
            s.apply(&c, answer(&q.id, &q.choices[0].value));
        }
    }
    s.apply(&c, Action::Back);
    assert_eq!(s.screen, Screen::Start);
    s.apply(&c, Action::ChooseRole("manager".into()));
    assert!(s.answers.iter().all(|(id, _)| c.asks(
        c.question(id).unwrap(),
        Some("manager"),
        &s.answers
    )));
    assert!(
        !s.answers.is_empty(),
        "the statements both roles are asked keep their answers"
    );
    // Saved and read back, it resumes (it was declared damaged, and lost).
    assert_eq!(Session::restore(&c, s.snapshot(&c)), Ok(s));
}

#[test]
fn maturity_levels_follow_the_stage_and_the_severity_and_targets_are_the_respondents() {
    let c = shipped();
    // Everything healthy: each stage's ceiling (an office that has not started is at Lv0, "not
    // started yet"; Lv4 and Lv5 are never a self-assessment).
    for (stage, ceiling) in [("none", 0), ("trial", 1), ("some", 2), ("all", 3)] {
        let mut a = super::answers_for(&c, "promoter", |_| Lean::Healthy);
        a.insert("office_stage".into(), Answer::Choice(stage.into()));
        let d = Diagnosis::compute(&c, Some("promoter"), &a, &Map::new());
        assert!(
            d.levels.iter().all(|l| *l == Some(ceiling)),
            "{stage}: {:?}",
            d.levels
        );
        assert_eq!(d.level, Some(ceiling));
    }
    // Blocked on imposition only, office-wide: two bands down there; the office rounds to Lv3.
    let mut a = super::answers_for(&c, "staff", |d| {
        if d == "imposition" {
            Lean::Blocked
        } else {
            Lean::Healthy
        }
    });
    a.insert("office_stage".into(), Answer::Choice("all".into()));
    let d = Diagnosis::compute(&c, Some("staff"), &a, &Map::new());
    let i = c.dimension_index("imposition").unwrap();
    assert_eq!(d.levels[i], Some(1));
    assert_eq!(d.level, Some(3), "seven at Lv3 and one at Lv1");
    // No verdict, no level.
    let few = super::at_stage(&c, "all");
    let d = Diagnosis::compute(&c, Some("staff"), &few, &Map::new());
    assert!(d.levels.iter().all(Option::is_none) && d.level.is_none());

    // Targets: any level of the content (Lv5 too) for a blocker it has; clearing removes it.
    let mut s = finished_staff(&c);
    let target = |dimension: &str, level| Action::Target {
        dimension: dimension.into(),
        level,
    };
    assert!(s.apply(&c, target("imposition", Some(5))));
    assert!(!s.apply(&c, target("imposition", Some(6))), "no Lv6");
    assert!(!s.apply(&c, target("no_such_blocker", Some(1))));
    assert!(s.apply(&c, target("leadership", Some(3))));
    assert!(s.apply(&c, target("leadership", None)));
    assert_eq!(s.targets.len(), 1);
    // They travel with the result: saved, exported and opened again; a level the content lacks
    // makes a file "edited or damaged".
    let back = Session::restore(&c, s.snapshot(&c)).unwrap();
    assert_eq!(back.targets, s.targets);
    let mut file = export(&c, &s.diagnose(&c), "ja", "2026-12-01T09:00:00+09:00");
    assert_eq!(import(&c, &file).unwrap().targets, s.targets);
    file.targets.insert("imposition".into(), 9);
    assert_eq!(import(&c, &file), Err(ImportError::Altered));
}

#[test]
fn the_review_screen_counts_each_screen_and_leads_back_to_any_of_them() {
    use kintone_diagnosis::core::display::review;
    let c = shipped();
    let mut s = finished_staff(&c);
    // From the result, "review the answers" opens the overview; every screen is complete.
    assert!(s.apply(&c, Action::Review));
    assert_eq!(s.screen, Screen::Review);
    let rows = review(&c, s.role.as_deref(), &s.answers);
    assert_eq!(rows.len(), s.screens(&c).len());
    let asked: usize = rows.iter().map(|r| r.asked).sum();
    // Every statement counted once, plus the stage question on the first screen.
    assert_eq!(asked, s.progress(&c).1 + 1);
    assert!(rows
        .iter()
        .all(|r| r.answered == r.asked && r.dont_know == 0));

    // A "don't know" shows on its screen's row, and an answer taken away shows as missing.
    let q3: Vec<String> = c
        .questions_on(&s.screens(&c)[3], s.role.as_deref(), &s.answers)
        .map(|q| q.id.clone())
        .collect();
    s.apply(
        &c,
        Action::Answer {
            question: q3[0].clone(),
            answer: Answer::DontKnow,
        },
    );
    s.answers.remove(&q3[1]);
    let rows = review(&c, s.role.as_deref(), &s.answers);
    assert_eq!(
        (rows[3].asked - rows[3].answered, rows[3].dont_know),
        (1, 1)
    );

    // Any screen can be opened from it, and only from it; another screen's number is refused.
    assert!(!s.apply(&c, Action::Go(99)));
    assert!(s.apply(&c, Action::Go(5)));
    assert_eq!(s.screen, Screen::Section(5));
    assert!(!s.apply(&c, Action::Go(1)), "only from the review screen");
    // Next from a later screen does not skip the unfinished one: the last screen leads to it,
    // its missing statement marked, and not to the result.
    let last = s.screens(&c).len() - 1;
    s.apply(&c, Action::Review);
    s.apply(&c, Action::Go(last));
    s.apply(&c, Action::Next);
    assert_eq!(s.screen, Screen::Section(3));
    assert_eq!(s.unanswered, [q3[1].clone()]);
    // So does "see the result" on the review screen; answered, it leads to the result.
    s.apply(&c, Action::Review);
    assert!(s.unanswered.is_empty());
    s.apply(&c, Action::Next);
    assert_eq!(s.screen, Screen::Section(3));
    s.apply(&c, answer(&q3[1], "2"));
    s.apply(&c, Action::Review);
    s.apply(&c, Action::Next);
    assert_eq!(s.screen, Screen::Result);
    // Not from the start screen; Back from the review screen is the last screen of statements.
    s.apply(&c, Action::Review);
    s.apply(&c, Action::Back);
    assert_eq!(s.screen, Screen::Section(last));
    let mut fresh = Session::new();
    assert!(!fresh.apply(&c, Action::Review));

    // A session saved on the review screen comes back there.
    s.apply(&c, Action::Review);
    let back = Session::restore(&c, s.snapshot(&c)).expect("restores");
    assert_eq!(back.screen, Screen::Review);
}

#[test]
fn unfinished_answers_saved_to_a_file_continue_where_they_were_left_and_are_refused_like_a_result()
{
    use kintone_diagnosis::core::export::continue_from;
    let c = shipped();
    let mut s = Session::new();
    s.apply(&c, Action::ChooseRole("finance".into()));
    s.apply(&c, answer("office_stage", "none"));
    s.apply(&c, Action::Next);
    s.apply(&c, answer("lead_used_tool", "3"));
    s.apply(&c, Action::Review);
    let snap = s.snapshot(&c);
    let back = continue_from(&c, &snap).expect("continues");
    assert_eq!(back.screen, Screen::Review);
    assert_eq!(back.answers, s.answers);
    assert_eq!(back.role.as_deref(), Some("finance"));

    let refused = |f: &dyn Fn(&mut Snapshot)| {
        let mut bad = snap.clone();
        f(&mut bad);
        continue_from(&c, &bad).unwrap_err()
    };
    assert_eq!(
        refused(&|b| b.format = "kintone-diagnosis-result".into()),
        ImportError::NotAResult
    );
    assert_eq!(refused(&|b| b.format_version = 7), ImportError::Newer);
    assert_eq!(refused(&|b| b.format_version = 0), ImportError::NotAResult);
    assert_eq!(
        refused(&|b| b.content_id = "x".repeat(100)),
        ImportError::OtherContent {
            content_id: format!("{}…", "x".repeat(40)),
            content_version: "2026.12.2".into()
        }
    );
    assert_eq!(
        refused(&|b| {
            b.answers
                .insert("lead_used_tool".into(), Answer::Choice("9".into()));
        }),
        ImportError::Altered
    );
    assert_eq!(
        refused(&|b| b.screen = Screen::Section(40)),
        ImportError::Altered
    );
}
