//! The office view's arithmetic: gathering result files made by the real export, the groups
//! shown (small ones merged, the subtraction case), medians and spreads, and perception gaps
//! checked against values computed here by hand.

use super::{answers_for, shipped, Lean, STAGE};
use kintone_diagnosis::core::export::{export, ImportError};
use kintone_diagnosis::core::json;
use kintone_diagnosis::core::office::{
    distribution, gaps, groups, spread, summarize, Gathering, Refusal, Spread,
};
use kintone_diagnosis::core::{Answer, Answers, Questionnaire, Session};

/// A result file's text, made as the respondent's page makes it: a session answered through
/// actions, diagnosed, exported, written.
pub fn result_file(c: &Questionnaire, role: &str, answers: &Answers, created: &str) -> String {
    let mut s = Session {
        role: Some(role.into()),
        answers: answers.clone(),
        ..Session::new()
    };
    s.screen = kintone_diagnosis::core::Screen::Result;
    json::to_string(&export(c, &s.diagnose(c), "ja", created), true).unwrap()
}

/// Every statement `role` is asked, answered with `value` (the stage: trial).
pub fn all(c: &Questionnaire, role: &str, value: &str) -> Answers {
    let mut a = Answers::new();
    for (q, answer) in answers_for(c, role, |_| Lean::Healthy).iter() {
        let given = if q == "office_stage" {
            answer.clone()
        } else {
            Answer::Choice(value.into())
        };
        a.insert(q.clone(), given);
    }
    a
}

fn gather(c: &Questionnaire, people: &[(&str, usize)]) -> Gathering {
    let mut g = Gathering::default();
    let mut n = 0;
    for (role, count) in people {
        for _ in 0..*count {
            n += 1;
            let text = result_file(
                c,
                role,
                &all(c, role, "2"),
                &format!("2026-12-01T09:{n:02}:00+09:00"),
            );
            g.add(c, &text).expect("a real result file is gathered");
        }
    }
    g
}

#[test]
fn each_file_is_taken_or_refused_on_its_own_and_nothing_gathered_is_lost() {
    let c = shipped();
    let mut g = Gathering::default();
    let first = result_file(
        &c,
        "staff",
        &answers_for(&c, "staff", |_| Lean::Somewhat),
        "2026-12-01T10:00:00+09:00",
    );
    assert_eq!(g.add(&c, &first), Ok(0));
    assert_eq!(
        g.add(&c, &first),
        Err(Refusal::Duplicate(0)),
        "the very same file twice"
    );
    let later = first.replace("2026-12-01T10:00:00+09:00", "2026-12-01T10:05:00+09:00");
    assert_eq!(
        g.add(&c, &later),
        Ok(1),
        "the same answers another time: another respondent"
    );
    assert_eq!(g.add(&c, "not json"), Err(Refusal::NotJson));
    assert_eq!(g.add(&c, "{}"), Err(Refusal::NotAResult));
    assert_eq!(g.add(&c, &" ".repeat(2 << 20)), Err(Refusal::TooLarge));
    let other = first.replace("\"kintone-municipal\"", "\"another\"");
    assert!(matches!(
        g.add(&c, &other),
        Err(Refusal::Import(ImportError::OtherContent { .. }))
    ));
    // One score raised by a point: the answers no longer lead to it.
    let mut v: serde_json::Value = serde_json::from_str(&first).unwrap();
    let score = v["scores"][0]["score"].as_u64().unwrap();
    v["scores"][0]["score"] = serde_json::json!((score + 1) % 101);
    let edited = v.to_string();
    assert_eq!(
        g.add(&c, &edited),
        Err(Refusal::Import(ImportError::Altered))
    );
    assert_eq!(g.respondents.len(), 2);
    assert!(g.remove(0) && !g.remove(5));
    assert_eq!(g.respondents.len(), 1);
}

#[test]
fn roles_of_fewer_than_three_are_merged_and_no_group_follows_by_subtraction() {
    let c = shipped();
    let shown = |people: &[(&str, usize)], workshop: bool| {
        let g = gather(&c, people);
        groups(&c, &g, workshop)
            .into_iter()
            .map(|grp| {
                let roles: Vec<String> = grp
                    .roles
                    .iter()
                    .map(|r| r.clone().unwrap_or_default())
                    .collect();
                (roles.join("+"), grp.members.len())
            })
            .collect::<Vec<_>>()
    };
    let own = |v: &[(&str, usize)]| {
        v.iter()
            .map(|(r, n)| (r.to_string(), *n))
            .collect::<Vec<_>>()
    };
    // Everyone in groups of three or more: as they are, in the content's order of roles.
    assert_eq!(
        shown(
            &[
                ("staff", 4),
                ("promoter", 3),
                ("manager", 3),
                ("finance", 5)
            ],
            false
        ),
        own(&[
            ("promoter", 3),
            ("staff", 4),
            ("manager", 3),
            ("finance", 5)
        ])
    );
    // One finance officer: not alone in 「その他」 (it would be theirs, or follow from the total
    // minus the others): the smallest other role (of equals, the last) joins them.
    assert_eq!(
        shown(
            &[
                ("promoter", 3),
                ("staff", 6),
                ("manager", 3),
                ("finance", 1)
            ],
            false
        ),
        own(&[("promoter", 3), ("staff", 6), ("manager+finance", 4)])
    );
    // Two small roles of one each: two people are still too few; the smallest other joins.
    assert_eq!(
        shown(
            &[
                ("promoter", 5),
                ("staff", 4),
                ("manager", 1),
                ("finance", 1)
            ],
            false
        ),
        own(&[("promoter", 5), ("staff+manager+finance", 6)])
    );
    // Everyone small: one group of all.
    assert_eq!(
        shown(&[("promoter", 1), ("staff", 2)], false),
        own(&[("promoter+staff", 3)])
    );
    // Workshop mode: every role as it is.
    assert_eq!(
        shown(&[("promoter", 1), ("staff", 6), ("finance", 2)], true),
        own(&[("promoter", 1), ("staff", 6), ("finance", 2)])
    );
}

#[test]
fn medians_and_hinges() {
    assert_eq!(spread(&[]), None);
    assert_eq!(
        spread(&[5]),
        Some(Spread {
            low: 5,
            median: 5,
            high: 5
        })
    );
    assert_eq!(
        spread(&[3, 1, 2]),
        Some(Spread {
            low: 1,
            median: 2,
            high: 3
        })
    );
    // Even counts: the mean of the middle two, rounded half up.
    assert_eq!(
        spread(&[4, 1, 3, 2]),
        Some(Spread {
            low: 2,
            median: 3,
            high: 4
        })
    );
    assert_eq!(
        spread(&[0, 100]),
        Some(Spread {
            low: 0,
            median: 50,
            high: 100
        })
    );
}

#[test]
fn perception_gaps_are_differences_of_more_than_a_third_largest_first() {
    let c = shipped();
    // Promoters all say あてはまる ("4", the scale's first choice) to every statement; staff all
    // ややあてはまる ("3"): a third of the range apart, which is not more than a third.
    let mut g = Gathering::default();
    let mut n = 0;
    let mut add = |g: &mut Gathering, role: &str, value: &str| {
        n += 1;
        let text = result_file(
            &c,
            role,
            &all(&c, role, value),
            &format!("2026-12-01T11:{n:02}:00+09:00"),
        );
        g.add(&c, &text).unwrap();
    };
    for _ in 0..3 {
        add(&mut g, "promoter", "4");
        add(&mut g, "staff", "3");
    }
    let shown = groups(&c, &g, false);
    assert_eq!(shown.len(), 2);
    let statement_gaps = |g: &Gathering| {
        gaps(&c, g, &groups(&c, g, false))
            .into_iter()
            .filter(|x| x.question.is_some())
            .count()
    };
    assert_eq!(statement_gaps(&g), 0, "exactly a third apart is not a gap");
    // One more staff member at "2": staff's mean moves to (1+1+1+2)/4 / 3 = 5/12 from promoters'
    // 0, more than a third, on every statement both are asked.
    add(&mut g, "staff", "2");
    let found = gaps(&c, &g, &groups(&c, &g, false));
    let both: Vec<&str> = c
        .questions
        .iter()
        .filter(|q| {
            !c.is_stage(q) && c.asks_role(q, Some("promoter")) && c.asks_role(q, Some("staff"))
        })
        .filter(|q| q.stages.is_empty() || q.stages.iter().any(|s| s == STAGE))
        .map(|q| q.id.as_str())
        .collect();
    let on_statements: Vec<&str> = found.iter().filter_map(|x| x.question.as_deref()).collect();
    assert_eq!(on_statements.len(), both.len());
    for x in found.iter().filter(|x| x.question.is_some()) {
        assert!((x.difference - 5.0 / 12.0).abs() < 1e-9, "{x:?}");
        assert_eq!(x.between, (0, 1));
    }
    // Both groups' answers to one of them, as the agenda will quote them.
    let q = on_statements[0];
    let staff = distribution(&c, &g, &shown_after(&c, &g)[1], q).unwrap();
    assert_eq!(
        (staff.choices.clone(), staff.dont_know),
        (vec![0, 3, 1, 0], 0)
    );
    // Largest first.
    assert!(found.windows(2).all(|w| w[0].difference >= w[1].difference));
    // Blockers: each group's median score, from the recomputed diagnoses.
    let s = summarize(&c, &g, &shown_after(&c, &g)[1]);
    assert_eq!(s.n, 4);
    assert!(s.scores.iter().all(|x| x.is_some()));
}

fn shown_after(c: &Questionnaire, g: &Gathering) -> Vec<kintone_diagnosis::core::office::Group> {
    groups(c, g, false)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Outside workshop mode, whatever the numbers: every respondent in exactly one group, no
    /// role under three shown on its own, and a merged group never one role alone unless it is
    /// everybody (which the total already is).
    #[test]
    fn no_small_role_is_ever_shown_or_derivable(counts in proptest::collection::vec(0usize..6, 4)) {
        let c = shipped();
        let roles = ["promoter", "staff", "manager", "finance"];
        let people: Vec<(&str, usize)> = roles.iter().copied().zip(counts.iter().copied()).collect();
        let g = gather(&c, &people);
        let shown = groups(&c, &g, false);
        let mut all: Vec<usize> = shown.iter().flat_map(|x| x.members.clone()).collect();
        all.sort_unstable();
        proptest::prop_assert_eq!(all, (0..g.respondents.len()).collect::<Vec<_>>());
        let total: usize = counts.iter().sum();
        // Every group shown holds three or more, unless it is the whole office.
        for x in &shown {
            proptest::prop_assert!(x.members.len() >= 3 || x.members.len() == total, "{:?}", shown);
        }
        // At most one merged group, and where there is one, it holds two roles or more unless
        // it is the whole office (so the total minus the others is never one role's figures).
        let merged: Vec<_> = shown.iter().filter(|x| x.roles.len() > 1 || (x.members.len() < 3)).collect();
        proptest::prop_assert!(merged.len() <= 1);
        let small_roles = counts.iter().filter(|n| (1..3).contains(*n)).count();
        if small_roles > 0 && shown.len() > 1 {
            proptest::prop_assert!(shown.iter().any(|x| x.roles.len() >= 2));
        }
    }
}

/// Reads CSV text as a spreadsheet would (RFC 4180: quoted fields, doubled quotes, CRLF).
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let (mut row, mut field, mut quoted, mut chars) =
        (vec![], String::new(), false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CRLF line ends");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(field.is_empty() && row.is_empty(), "the last line ends");
    rows
}

#[test]
fn csv_files_open_in_excel_keep_small_groups_merged_and_carry_no_formula() {
    use kintone_diagnosis::core::office::{answers_csv, summary_csv};
    let c = shipped();
    let mut g = gather(
        &c,
        &[
            ("promoter", 3),
            ("staff", 3),
            ("manager", 3),
            ("finance", 1),
        ],
    );
    // A fourth promoter, whose file says it was made at "=HYPERLINK(...)".
    let hostile = result_file(
        &c,
        "promoter",
        &all(&c, "promoter", "1"),
        "=HYPERLINK(\"http://x\",\"a, b\")",
    );
    g.add(&c, &hostile).unwrap();
    let shown = groups(&c, &g, false);
    let headers = [
        "#",
        "group",
        "stage",
        "created",
        "id",
        "statement",
        "answer",
    ];
    let text = answers_csv(&c, &g, &shown, ("en", "Others"), headers);
    assert!(text.starts_with('\u{feff}'), "a byte-order mark for Excel");
    let rows = read_csv(&text['\u{feff}'.len_utf8()..]);
    assert_eq!(rows[0], headers);
    // One row per respondent and statement answered (the stage is a column, not a row).
    let answered: usize = g
        .respondents
        .iter()
        .map(|r| r.diagnosis.answers.len() - 1)
        .sum();
    assert_eq!(rows.len() - 1, answered);
    assert!(rows[1..].iter().all(|r| r.len() == 7));
    // The finance officer and the smallest other role (of equals, the last: managers) are
    // "Others" in the file too; nobody's row names finance.
    assert!(rows.iter().all(|r| r[1] != "Finance"));
    let others: std::collections::BTreeSet<&str> = rows[1..]
        .iter()
        .filter(|r| r[1] == "Others")
        .map(|r| r[0].as_str())
        .collect();
    assert_eq!(others.len(), 4);
    // Nor does anything else in their rows: the statement is the common wording (a manager's
    // reads "I ...", a finance officer's "We ..."), and the day stands for the time it was made.
    for r in rows[1..].iter().filter(|r| r[1] == "Others") {
        let q = c.question(&r[4]).unwrap();
        assert_eq!(r[5], c.text(&q.text, "en"), "{r:?}");
        assert_eq!(r[3].len(), 10, "{r:?}");
    }
    assert!(
        rows[1..]
            .iter()
            .any(|r| r[1] == "Others" && c.question(&r[4]).is_some_and(|q| !q.wording.is_empty())),
        "the case arises: a statement worded for the role"
    );
    // The hostile field is text, with its comma and quotes intact.
    let last = rows.last().unwrap();
    assert_eq!(last[3], "'=HYPERLINK(\"http://x\",\"a, b\")");
    assert_eq!(last[2], "On trial somewhere");
    // English statements with commas survive the quoting; answers in words.
    assert!(rows[1..].iter().any(|r| r[5].contains(',')));
    assert!(rows[1..].iter().all(|r| !r[6].is_empty()));
    // Japanese, as Excel shows it.
    let ja =
        read_csv(&answers_csv(&c, &g, &shown, ("ja", "その他"), headers)['\u{feff}'.len_utf8()..]);
    assert!(
        ja[1..].iter().any(|r| r[1] == "その他")
            && ja[1..].iter().any(|r| r[1] == "DX・情報化の推進担当")
    );
    assert!(ja[1..].iter().any(|r| r[6] == "あまりあてはまらない"));

    let summary = read_csv(
        &summary_csv(
            &c,
            &g,
            &shown,
            ("ja", "その他"),
            ["group", "n", "blocker", "median", "low", "high", "level"],
        )['\u{feff}'.len_utf8()..],
    );
    // A row per group shown and blocker.
    assert_eq!(summary.len() - 1, shown.len() * c.dimensions.len());
    let other_rows: Vec<_> = summary.iter().filter(|r| r[0] == "その他").collect();
    assert_eq!(other_rows.len(), c.dimensions.len());
    assert!(other_rows.iter().all(|r| r[1] == "4"));
}

#[test]
fn a_result_code_carries_the_result_and_is_refused_when_cut_mistyped_or_foreign() {
    use kintone_diagnosis::core::code::{read_code, result_code, CodeError};
    let c = shipped();
    let answers = answers_for(&c, "manager", |d| {
        if d == "finance" {
            Lean::Blocked
        } else {
            Lean::DontKnow
        }
    });
    let code = result_code(&c, Some("manager"), &answers, "2026-12-01");
    // One line, short enough for a chat message.
    assert!(
        !code.contains(char::is_whitespace) && code.len() < 140,
        "{code} ({} chars)",
        code.len()
    );
    assert!(code.starts_with("kd1:kintone-municipal:2026.12.2:"));
    let (session, day) = read_code(&c, &format!("  {code}\n")).expect("read back");
    assert_eq!(day, "2026-12-01");
    assert_eq!(session.role.as_deref(), Some("manager"));
    assert_eq!(session.answers, answers);
    // Gathered like a file, and once only.
    let mut g = Gathering::default();
    assert_eq!(g.add_code(&c, &code), Ok(0));
    assert_eq!(g.add_code(&c, &code), Err(Refusal::Duplicate(0)));
    assert_eq!(
        g.respondents[0].diagnosis.scores,
        session.diagnose(&c).scores
    );

    // A character mistyped anywhere, or the line cut: refused, never read wrong.
    for at in [4, 40, code.len() - 30, code.len() - 3] {
        let mut bytes = code.clone().into_bytes();
        bytes[at] = if bytes[at] == b'2' { b'3' } else { b'2' };
        let typo = String::from_utf8(bytes).unwrap();
        assert!(
            matches!(
                read_code(&c, &typo),
                Err(CodeError::Damaged | CodeError::NotACode)
            ),
            "{typo}"
        );
    }
    assert_eq!(
        read_code(&c, &code[..code.len() - 20]),
        Err(CodeError::Damaged)
    );
    assert_eq!(read_code(&c, "hello"), Err(CodeError::NotACode));
    assert_eq!(
        read_code(&c, &"kd1:".repeat(1000)),
        Err(CodeError::NotACode)
    );
    // Re-checksummed by hand, but saying what no respondent could: refused all the same.
    let forge = |edit: &dyn Fn(&str) -> String| {
        let body = edit(&code[..code.rfind(':').unwrap()]);
        format!(
            "{body}:{:016x}",
            kintone_diagnosis::core::fingerprint::fnv1a(body.as_bytes())
        )
    };
    assert_eq!(
        read_code(&c, &forge(&|b| b.replace(":manager:", ":mayor:"))),
        Err(CodeError::Damaged)
    );
    let marks_at = |b: &str| b.rfind(':').unwrap() + 1;
    assert_eq!(
        read_code(
            &c,
            &forge(&|b| {
                let mut s = b.to_string();
                s.replace_range(marks_at(b)..marks_at(b) + 1, "9");
                s
            })
        ),
        Err(CodeError::Damaged),
        "a choice the scale lacks"
    );
    assert!(matches!(
        read_code(&c, &forge(&|b| b.replace(":2026.12.2:", ":2026.11.2:"))),
        Err(CodeError::Other(ImportError::OtherContent { .. }))
    ));
}

fn lean_file(c: &Questionnaire, role: &str, lean: Lean, n: usize) -> String {
    result_file(
        c,
        role,
        &answers_for(c, role, |_| lean),
        &format!("2025-12-01T09:{n:02}:00+09:00"),
    )
}

#[test]
fn the_office_file_round_trips_and_is_refused_like_a_result_when_it_does_not_fit() {
    use kintone_diagnosis::core::office::{office_file, OfficeFile, OFFICE_VERSION};
    use kintone_diagnosis::core::read;
    let c = shipped();
    let g = gather(&c, &[("promoter", 3), ("finance", 2)]);
    let text = json::to_string(
        &office_file(&c, &g, true, "2026-12-01T12:00:00+09:00"),
        true,
    )
    .unwrap();
    let file: OfficeFile = read::office_file(&text).expect("read back");
    assert!(file.workshop);
    assert_eq!(file.statements.len(), c.questions.len());
    let mut again = Gathering::default();
    assert_eq!(again.add_office_file(&c, &file), Ok(vec![]));
    assert_eq!(again, g, "the same respondents, recomputed the same");
    // Loaded twice: every result refused as a duplicate, each on its own, nothing lost.
    let refused = again.add_office_file(&c, &file).unwrap();
    assert_eq!(refused.len(), 5);
    assert!(refused
        .iter()
        .enumerate()
        .all(|(i, (at, e))| *at == i && *e == Refusal::Duplicate(i)));
    assert_eq!(again.respondents.len(), 5);
    // A later layout, or not an office file at all.
    let mut newer = file.clone();
    newer.format_version = OFFICE_VERSION + 1;
    assert_eq!(
        again.add_office_file(&c, &newer),
        Err(Refusal::Import(ImportError::Newer))
    );
    let mut other = file.clone();
    other.format = "kintone-diagnosis-result".into();
    assert_eq!(again.add_office_file(&c, &other), Err(Refusal::NotAResult));
    assert!(read::office_file("[1, 2").is_err());
}

#[test]
fn year_on_year_compares_only_unchanged_statements_and_calls_no_change_within_the_spread() {
    use kintone_diagnosis::core::office::{office_file, year_on_year, Trend};
    let c = shipped();
    // Last year: promoters all very blocked; finance split between the two ends.
    let mut last = Gathering::default();
    for n in 0..3 {
        last.add(&c, &lean_file(&c, "promoter", Lean::Blocked, n))
            .unwrap();
    }
    for (n, lean) in [Lean::Blocked, Lean::Healthy, Lean::Blocked, Lean::Healthy]
        .into_iter()
        .enumerate()
    {
        last.add(&c, &lean_file(&c, "finance", lean, 10 + n))
            .unwrap();
    }
    let mut earlier = office_file(&c, &last, false, "2025-12-01T12:00:00+09:00");
    // One statement was reworded since, and one asked last year is gone.
    earlier
        .statements
        .insert("lead_used_tool".into(), "0000000000000000".into());
    earlier
        .statements
        .insert("retired_statement".into(), "1111111111111111".into());

    // This year: promoters healthy; finance in between.
    let mut now = Gathering::default();
    for n in 0..3 {
        now.add(&c, &lean_file(&c, "promoter", Lean::Healthy, n))
            .unwrap();
        now.add(&c, &lean_file(&c, "finance", Lean::Somewhat, 20 + n))
            .unwrap();
    }
    let shown = groups(&c, &now, false);
    let y = year_on_year(&c, &now, &shown, &earlier);
    assert_eq!(y.left_out, ["lead_used_tool", "retired_statement"]);
    let promoter = shown
        .iter()
        .position(|g| g.roles == [Some("promoter".to_string())])
        .unwrap();
    let finance = shown
        .iter()
        .position(|g| g.roles == [Some("finance".to_string())])
        .unwrap();
    let compared = |g: usize| {
        y.changes
            .iter()
            .filter(move |ch| ch.group == g && ch.before.is_some())
    };
    assert_eq!(compared(promoter).count(), c.dimensions.len());
    assert_eq!(compared(finance).count(), c.dimensions.len());
    for ch in y
        .changes
        .iter()
        .filter(|ch| ch.group == promoter && ch.before.is_some())
    {
        assert_eq!(ch.n, (3, 3));
        assert_eq!(ch.trend, Trend::Better, "{ch:?}");
    }
    // Finance's spread last year (both ends) is wider than any move of the median: no call.
    for ch in y
        .changes
        .iter()
        .filter(|ch| ch.group == finance && ch.before.is_some())
    {
        assert_eq!(ch.n.0, 4);
        assert_eq!(ch.trend, Trend::Unclear, "{ch:?}");
    }
    // Worse is called too: the years swapped.
    let mut back = office_file(&c, &now, false, "2025-12-01T12:00:00+09:00");
    back.statements = office_file(&c, &now, false, "").statements;
    let y = year_on_year(&c, &last, &groups(&c, &last, false), &back);
    assert!(y.left_out.is_empty());
    assert!(y
        .changes
        .iter()
        .filter(|ch| ch.before.is_some() && ch.group == 0)
        .all(|ch| ch.trend == Trend::Worse));
}

#[test]
fn the_office_plan_merges_plans_by_intent_most_shared_first() {
    use kintone_diagnosis::core::office::office_plan;
    let c = shipped();
    let mut g = Gathering::default();
    for n in 0..3 {
        g.add(&c, &lean_file(&c, "promoter", Lean::Blocked, n))
            .unwrap();
        g.add(&c, &lean_file(&c, "staff", Lean::Somewhat, 10 + n))
            .unwrap();
        g.add(&c, &lean_file(&c, "finance", Lean::Healthy, 20 + n))
            .unwrap();
    }
    let guide = super::desk::shipped_guide();
    let stage = |family: &str| guide.stage_of_family(family);
    let plan = office_plan(&c, &g, &stage);
    // Worked out here: respondents per intent (family).
    let family = |id: &str| c.steps.iter().find(|s| s.id == id).unwrap().family.clone();
    let mut expected: std::collections::BTreeMap<String, usize> = Default::default();
    for r in &g.respondents {
        let fams: std::collections::BTreeSet<String> =
            r.diagnosis.plan.iter().map(|p| family(&p.step)).collect();
        for f in fams {
            *expected.entry(f).or_default() += 1;
        }
    }
    assert_eq!(plan.len(), expected.len(), "one step per intent");
    for s in &plan {
        assert_eq!(s.count, expected[&family(&s.step)], "{}", s.step);
        assert_eq!(
            s.owner,
            c.steps.iter().find(|x| x.id == s.step).unwrap().owner
        );
    }
    // In the 手順書's order, and within a step most shared first.
    let stage_of_step = |s: &kintone_diagnosis::core::office::OfficeStep| stage(&family(&s.step));
    assert!(
        plan.iter().all(|s| stage_of_step(s) < 4),
        "every intent has its step"
    );
    assert!(
        plan.windows(2).all(|w| {
            let (a, b) = (stage_of_step(&w[0]), stage_of_step(&w[1]));
            a < b || a == b && w[0].count >= w[1].count
        }),
        "by step, then most shared first: {:?}",
        plan.iter()
            .map(|s| (stage_of_step(s), s.count))
            .collect::<Vec<_>>()
    );
    assert!(
        plan.iter()
            .map(stage_of_step)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
            >= 2,
        "the plan spans more than one step, so the order is tested"
    );
    assert_eq!(plan.iter().filter(|s| s.first).count(), 3);
    assert!(plan.iter().take(3).all(|s| s.first));
}

#[test]
fn the_agenda_takes_the_largest_gaps_one_item_per_statement_with_both_groups_answers() {
    use kintone_diagnosis::core::office::agenda;
    let c = shipped();
    let mut g = Gathering::default();
    let mut n = 0;
    let mut add = |g: &mut Gathering, role: &str, value: &str| {
        n += 1;
        g.add(
            &c,
            &result_file(
                &c,
                role,
                &all(&c, role, value),
                &format!("2026-12-01T13:{n:02}:00+09:00"),
            ),
        )
        .unwrap();
    };
    for _ in 0..3 {
        add(&mut g, "promoter", "4");
        add(&mut g, "staff", "3");
        add(&mut g, "manager", "1");
    }
    let shown = groups(&c, &g, false);
    let items = agenda(&c, &g, &shown, 5);
    assert_eq!(items.len(), 5);
    let questions: std::collections::BTreeSet<_> = items
        .iter()
        .map(|i| i.gap.question.clone().unwrap())
        .collect();
    assert_eq!(questions.len(), 5, "one item per statement");
    for item in &items {
        // The largest pair: promoters ("4", first choice) against managers ("1", last): the
        // whole range apart.
        assert!((item.gap.difference - 1.0).abs() < 1e-9, "{item:?}");
        let (a, b) = &item.answers;
        assert_eq!(
            (a.choices.clone(), b.choices.clone()),
            (vec![3, 0, 0, 0], vec![0, 0, 0, 3])
        );
    }
}

#[test]
fn codes_pasted_from_a_chat_or_a_wrapped_mail_are_found_and_each_taken_or_refused() {
    use kintone_diagnosis::core::code::{codes_in, result_code};
    let c = shipped();
    let code = |role: &str, lean: Lean| {
        result_code(
            &c,
            Some(role),
            &answers_for(&c, role, |_| lean),
            "2026-12-01",
        )
    };
    let (a, b, d) = (
        code("staff", Lean::Somewhat),
        code("finance", Lean::Blocked),
        code("manager", Lean::Healthy),
    );
    // A mail program wrapped the second code at 76 characters, with an indent.
    let wrapped = format!("{}\n  {}", &b[..76], &b[76..]);
    let mut typo = d.clone().into_bytes();
    let at = typo.len() - 40;
    typo[at] = if typo[at] == b'1' { b'2' } else { b'1' };
    let typo = String::from_utf8(typo).unwrap();
    let chat = format!("総務課 田中: 結果コードです。{a}\nよろしくお願いします。\n財政課:\n{wrapped}\n(以上)\n課長:{typo}。");
    assert_eq!(codes_in(&chat), [a.clone(), b.clone(), typo.clone()]);
    let mut g = Gathering::default();
    let taken = g.add_codes(&c, &chat);
    assert_eq!(taken.len(), 3);
    assert_eq!(taken[0].1, Ok(0));
    assert_eq!(taken[1].1, Ok(1), "the wrapped code, joined again");
    assert_eq!(
        taken[2].1,
        Err(Refusal::Import(ImportError::Altered)),
        "the mistyped one, refused"
    );
    // The same message pasted again: both taken ones are duplicates, nothing is lost.
    let again = g.add_codes(&c, &chat);
    assert_eq!(again[0].1, Err(Refusal::Duplicate(0)));
    assert_eq!(g.respondents.len(), 2);
    assert!(codes_in("コードはまだありません。kd1 は後で送ります").is_empty());
}

#[test]
fn the_agenda_talks_through_different_blockers_before_repeating_one() {
    use kintone_diagnosis::core::office::{agenda, main_dimension};
    let c = shipped();
    // Promoters answer every statement at one end, managers at the other: every statement is a
    // gap, of the same size.
    let mut g = Gathering::default();
    for (i, (role, value)) in [("promoter", "1"), ("manager", "4")].iter().enumerate() {
        for k in 0..3 {
            let made = format!("2026-12-01T1{i}:0{k}:00+09:00");
            g.add(&c, &result_file(&c, role, &all(&c, role, value), &made))
                .unwrap();
        }
    }
    let shown = groups(&c, &g, false);
    let items = agenda(&c, &g, &shown, 5);
    assert_eq!(items.len(), 5);
    let blockers: std::collections::BTreeSet<&str> = items
        .iter()
        .filter_map(|i| main_dimension(&c, i.gap.question.as_deref().unwrap()))
        .collect();
    assert_eq!(
        blockers.len(),
        5,
        "five blockers, not five statements of one: {blockers:?}"
    );
    // Still largest first.
    assert!(items
        .windows(2)
        .all(|w| w[0].gap.difference >= w[1].gap.difference));
}

#[test]
fn every_statement_gap_is_what_the_groups_distributions_say_one_statement_at_a_time() {
    // `gaps` counts answers kept as numbers when each file was gathered; here each group's mean
    // is worked out from the members' answers themselves, one statement at a time. Mixed answers
    // (every lean, "don't know" among them, per blocker and per role) must give the same gaps.
    let c = shipped();
    let mut g = Gathering::default();
    for (n, role) in ["promoter", "staff", "manager", "finance"]
        .iter()
        .enumerate()
    {
        for i in 0..(4 + n) {
            let answers = answers_for(&c, role, |d| {
                // Each role further towards "blocked" than the last, some answers "don't know".
                if (d.len() + i) % 5 == 0 {
                    return Lean::DontKnow;
                }
                [Lean::Healthy, Lean::Somewhat, Lean::Blocked][(n + (d.len() + i) % 2).min(2)]
            });
            let made = format!("2026-12-01T1{n}:{i:02}:00+09:00");
            g.add(&c, &result_file(&c, role, &answers, &made)).unwrap();
        }
    }
    let shown = groups(&c, &g, true);
    assert_eq!(shown.len(), 4);
    let mut expected = Vec::new();
    for a in 0..shown.len() {
        for b in a + 1..shown.len() {
            for q in c.questions.iter().filter(|q| !c.is_stage(q)) {
                // The mean choice's place on the scale: sum of places / (answers × steps).
                let scale = c.scale(&q.scale).unwrap();
                let mean = |x: usize| {
                    let places: Vec<u64> = (shown[x].members.iter())
                        .filter_map(|&m| match g.respondents[m].diagnosis.answers.get(&q.id) {
                            Some(Answer::Choice(v)) => {
                                scale.choices.iter().position(|ch| &ch.value == v)
                            }
                            _ => None,
                        })
                        .map(|p| p as u64)
                        .collect();
                    let steps = scale.choices.len() as u64 - 1;
                    (!places.is_empty())
                        .then(|| (places.iter().sum::<u64>(), places.len() as u64 * steps))
                };
                let (Some((an, ad)), Some((bn, bd))) = (mean(a), mean(b)) else {
                    continue;
                };
                let (num, den) = ((an * bd).abs_diff(bn * ad), ad * bd);
                if num * 3 > den {
                    expected.push((q.id.clone(), (a, b), num as f64 / den as f64));
                }
            }
        }
    }
    let mut found: Vec<_> = gaps(&c, &g, &shown)
        .into_iter()
        .filter_map(|x| Some((x.question?, x.between, x.difference)))
        .collect();
    assert!(expected.len() >= 5, "the case has gaps: {}", expected.len());
    let key = |x: &(String, (usize, usize), f64)| (x.1, x.0.clone());
    expected.sort_by_key(key);
    found.sort_by_key(key);
    assert_eq!(found, expected);
}
