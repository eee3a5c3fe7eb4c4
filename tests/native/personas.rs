//! Persona tests: typical offices as answer sets, and the primary blockers and plan they get.
//!
//! Each case renders the diagnosis as text and compares it with an expect-test snapshot
//! (`UPDATE_EXPECT=1 cargo test` rewrites them; review the diff before committing).

use super::{answers_for, shipped, Lean};
use expect_test::{expect, Expect};
use kintone_diagnosis::core::content::Material;
use kintone_diagnosis::core::map::Map;
use kintone_diagnosis::core::{Diagnosis, Session};
use std::fmt::Write;

/// Answers as `role` with `lean` per dimension, ticks `ticked`, and compares the rendered result.
fn check(role: &str, lean: impl Fn(&str) -> Lean, ticked: &[&str], expected: Expect) {
    let content = shipped();
    let answers = answers_for(&content, role, lean);
    let ticked: Map<Material> = ticked
        .iter()
        .map(|s| (s.to_string(), Material::Has))
        .collect();
    let d = Diagnosis::compute(&content, Some(role), &answers, &ticked);
    expected.assert_eq(&render(&content, &d));
}

fn render(content: &kintone_diagnosis::core::Content, d: &Diagnosis) -> String {
    let mut out = String::new();
    let c = &d.classification;
    writeln!(
        out,
        "verdict: {:?}; primary: {}",
        c.verdict,
        c.primary.join(", ")
    )
    .unwrap();
    if c.also > 0 {
        writeln!(out, "  and {} more as strong", c.also).unwrap();
    }
    for s in &d.scores {
        let band = s.band.map(|b| content.bands[b].id.as_str()).unwrap_or("-");
        let score = s
            .score
            .map(|x| x.to_string())
            .unwrap_or_else(|| "n/a".into());
        writeln!(
            out,
            "  {:<24} {:>3} {:<8} {}/{}",
            s.dimension, score, band, s.answered, s.asked
        )
        .unwrap();
    }
    for p in &d.plan {
        let step = content.step(&p.step).unwrap();
        writeln!(
            out,
            "  {}p{} {:<12} {:<15} {} <- {}",
            if p.focus { "*" } else { " " },
            p.priority,
            step.timeframe,
            step.owner,
            p.step,
            p.dimensions.join("+")
        )
        .unwrap();
    }
    out
}

/// Leans `Blocked` on the given dimensions and `Healthy` elsewhere.
fn blocked_on(dims: &'static [&'static str]) -> impl Fn(&str) -> Lean {
    move |d| {
        if dims.contains(&d) {
            Lean::Blocked
        } else {
            Lean::Healthy
        }
    }
}

#[test]
fn leadership_hands_off() {
    check(
        "staff",
        blocked_on(&["leadership"]),
        &[],
        expect![[r#"
            verdict: Blocked; primary: leadership
              leadership               100 high     4/4
              finance                    0 low      4/4
              justification              0 low      4/4
              incentive                  0 low      4/4
              imposition                 0 low      4/4
              vendor_suspicion           0 low      4/4
              ecosystem_understanding    0 low      4/4
              failure_culture            0 low      6/6
              *p1 month        departments     dept_raise_with_chief <- leadership
        "#]],
    );
}

#[test]
fn finance_does_not_understand_it() {
    check(
        "promoter",
        blocked_on(&["finance"]),
        &[],
        expect![[r#"
            verdict: Blocked; primary: finance
              leadership                 0 low      4/4
              finance                  100 high     4/4
              justification              0 low      7/7
              incentive                  0 low      4/4
              imposition                 0 low      4/4
              vendor_suspicion           0 low      4/4
              ecosystem_understanding    0 low      4/4
              failure_culture            0 low      6/6
              *p2 month        promotion       prom_share_cases <- finance
              *p2 month        finance         fin_talk_year_round <- finance
        "#]],
    );
}

#[test]
fn thin_budget_request_lists_missing_materials() {
    check(
        "promoter",
        blocked_on(&["justification"]),
        &["security", "draft_spec"],
        expect![[r#"
            verdict: Blocked; primary: justification
              leadership                 0 low      4/4
              finance                    0 low      4/4
              justification             71 high     7/7
              incentive                  0 low      4/4
              imposition                 0 low      4/4
              vendor_suspicion           0 low      4/4
              ecosystem_understanding    0 low      4/4
              failure_culture            0 low      6/6
              *p1 budget_cycle promotion       just_early_review <- justification
              *p3 month        promotion       prepare_ecosystem_overview <- justification
              *p3 month        promotion       prepare_other_cases <- justification
              *p3 budget_cycle promotion       prepare_plugin_comparison <- justification
              *p3 budget_cycle promotion       prepare_plan_schedule <- justification
        "#]],
    );
}

#[test]
fn no_incentive() {
    check(
        "manager",
        blocked_on(&["incentive"]),
        &[],
        expect![[r#"
            verdict: Blocked; primary: incentive
              leadership                 0 low      4/4
              finance                    0 low      4/4
              justification              0 low      7/7
              incentive                100 high     4/4
              imposition                 0 low      4/4
              vendor_suspicion           0 low      4/4
              ecosystem_understanding    0 low      4/4
              failure_culture            6 low      6/6
              *p2 month        section_chief   inc_show_results <- incentive
              *p2 week         promotion       inc_first_win <- incentive
        "#]],
    );
}

#[test]
fn feeling_of_imposition() {
    check(
        "staff",
        blocked_on(&["imposition"]),
        &[],
        expect![[r#"
            verdict: Blocked; primary: imposition
              leadership                 0 low      4/4
              finance                    0 low      4/4
              justification              0 low      4/4
              incentive                  0 low      4/4
              imposition               100 high     4/4
              vendor_suspicion           0 low      4/4
              ecosystem_understanding    0 low      4/4
              failure_culture            0 low      6/6
              *p1 week         departments     dept_join_trial <- imposition
              *p2 week         departments     dept_tell_flow <- imposition
        "#]],
    );
}

#[test]
fn suspicion_of_vendor_push() {
    check(
        "finance",
        blocked_on(&["vendor_suspicion"]),
        &[],
        expect![[r#"
            verdict: Blocked; primary: vendor_suspicion
              leadership                 0 low      4/4
              finance                    0 low      4/4
              justification              0 low      7/7
              incentive                  0 low      4/4
              imposition                 0 low      4/4
              vendor_suspicion         100 high     4/4
              ecosystem_understanding    0 low      4/4
              failure_culture            0 low      6/6
              *p1 budget_cycle promotion       ven_comparison_record <- vendor_suspicion
        "#]],
    );
}

#[test]
fn misunderstood_ecosystem() {
    check(
        "staff",
        blocked_on(&["ecosystem_understanding"]),
        &[],
        expect![[r#"
            verdict: Blocked; primary: ecosystem_understanding
              leadership                 0 low      4/4
              finance                    0 low      4/4
              justification              0 low      4/4
              incentive                  0 low      4/4
              imposition                 0 low      4/4
              vendor_suspicion           0 low      4/4
              ecosystem_understanding  100 high     4/4
              failure_culture            0 low      6/6
              *p1 month        promotion       prepare_ecosystem_overview <- ecosystem_understanding
              *p2 month        promotion       eco_builder_user <- ecosystem_understanding
              *p3 budget_cycle promotion       partner_criteria <- ecosystem_understanding
        "#]],
    );
}

#[test]
fn fear_of_failure() {
    check(
        "promoter",
        blocked_on(&["failure_culture"]),
        &[],
        expect![[r#"
            verdict: Blocked; primary: failure_culture
              leadership                 0 low      4/4
              finance                    0 low      4/4
              justification              0 low      7/7
              incentive                  0 low      4/4
              imposition                 0 low      4/4
              vendor_suspicion           0 low      4/4
              ecosystem_understanding    0 low      4/4
              failure_culture           94 high     6/6
              *p1 week         promotion       fail_small_trial <- failure_culture
              *p2 month        promotion       fail_share_misses <- failure_culture
              *p2 budget_cycle section_chief   fail_handover_plan <- failure_culture
        "#]],
    );
}

#[test]
fn mixed_office_names_the_worst_first() {
    let lean = |d: &str| match d {
        "finance" | "imposition" => Lean::Blocked,
        "failure_culture" | "incentive" => Lean::Somewhat,
        _ => Lean::Healthy,
    };
    check(
        "promoter",
        lean,
        &[],
        expect![[r#"
            verdict: Blocked; primary: finance, imposition
              leadership                 0 low      4/4
              finance                  100 high     4/4
              justification              0 low      7/7
              incentive                 33 moderate 4/4
              imposition               100 high     4/4
              vendor_suspicion           0 low      4/4
              ecosystem_understanding    0 low      4/4
              failure_culture           31 moderate 6/6
              *p2 month        promotion       prom_share_cases <- finance
              *p1 month        promotion       imp_open_training <- imposition
              *p2 week         promotion       imp_listen_first <- imposition
              *p2 month        finance         fin_talk_year_round <- finance
               p2 month        section_chief   inc_show_results <- incentive
               p2 month        promotion       fail_share_misses <- failure_culture
               p2 budget_cycle section_chief   fail_handover_plan <- failure_culture
        "#]],
    );
}

#[test]
fn healthy_office() {
    check(
        "manager",
        |_| Lean::Healthy,
        &[],
        expect![[r#"
            verdict: Healthy; primary: 
              leadership                 0 low      4/4
              finance                    0 low      4/4
              justification              0 low      7/7
              incentive                  0 low      4/4
              imposition                 0 low      4/4
              vendor_suspicion           0 low      4/4
              ecosystem_understanding    0 low      4/4
              failure_culture            0 low      6/6
               p3 month        promotion       keep_sharing <- leadership+finance+justification+incentive+imposition+vendor_suspicion+ecosystem_understanding+failure_culture
        "#]],
    );
}

#[test]
fn all_dont_know_says_not_enough() {
    check(
        "staff",
        |_| Lean::DontKnow,
        &[],
        expect![[r#"
            verdict: Insufficient; primary: 
              leadership               n/a -        0/4
              finance                  n/a -        0/4
              justification            n/a -        0/4
              incentive                n/a -        0/4
              imposition               n/a -        0/4
              vendor_suspicion         n/a -        0/4
              ecosystem_understanding  n/a -        0/4
              failure_culture          n/a -        0/6
        "#]],
    );
}

#[test]
fn staff_cannot_see_finance_review() {
    // A line employee who only knows their own corner: finance is "don't know", the rest blocked.
    let lean = |d: &str| {
        if d == "finance" {
            Lean::DontKnow
        } else {
            Lean::Somewhat
        }
    };
    check(
        "staff",
        lean,
        &[],
        expect![[r#"
            verdict: Blocked; primary: leadership, justification, incentive
              and 4 more as strong
              leadership                33 moderate 4/4
              finance                  n/a -        0/4
              justification             33 moderate 4/4
              incentive                 33 moderate 4/4
              imposition                33 moderate 4/4
              vendor_suspicion          33 moderate 4/4
              ecosystem_understanding   33 moderate 4/4
              failure_culture           31 moderate 6/6
              *p1 month        departments     dept_raise_with_chief <- leadership
              *p2 week         promotion       just_check_materials <- justification
              *p2 week         departments     dept_pick_task <- incentive
              *p2 month        section_chief   inc_show_results <- incentive
              *p2 budget_cycle promotion       just_early_review <- justification
              *p3 month        departments     dept_measure <- justification
               p2 week         departments     dept_tell_flow <- imposition
               p2 week         promotion       ven_one_pager <- vendor_suspicion
               p2 month        promotion       eco_builder_user <- ecosystem_understanding
               p2 month        promotion       fail_share_misses <- failure_culture
               p2 budget_cycle section_chief   fail_handover_plan <- failure_culture
               p3 budget_cycle promotion       partner_criteria <- ecosystem_understanding
        "#]],
    );
}

#[test]
fn ties_break_by_content_order() {
    // Everything equally blocked: the first three dimensions in content order are primary.
    check(
        "finance",
        |_| Lean::Blocked,
        &[],
        expect![[r#"
            verdict: Blocked; primary: leadership, finance, justification
              and 5 more as strong
              leadership               100 high     4/4
              finance                  100 high     4/4
              justification            100 high     7/7
              incentive                100 high     4/4
              imposition               100 high     4/4
              vendor_suspicion         100 high     4/4
              ecosystem_understanding  100 high     4/4
              failure_culture          100 high     6/6
              *p1 month        executives      lead_build_one <- leadership
              *p1 month        finance         fin_share_cases <- finance
              *p1 month        promotion       prepare_ecosystem_overview <- justification+ecosystem_understanding
              *p2 month        finance         fin_talk_year_round <- finance
              *p2 budget_cycle executives      lead_learning_budget <- leadership
              *p2 budget_cycle finance         fin_see_in_use <- finance
              *p3 month        promotion       prepare_other_cases <- justification
              *p3 month        promotion       prepare_security <- justification
              *p3 budget_cycle promotion       prepare_plugin_comparison <- justification
              *p3 budget_cycle promotion       prepare_plan_schedule <- justification
              *p3 budget_cycle promotion       prepare_draft_spec <- justification
               p1 week         promotion       fail_small_trial <- failure_culture
        "#]],
    );
}

#[test]
fn every_blocker_can_be_primary_for_every_role() {
    let content = shipped();
    for role in &content.roles {
        for dim in &content.dimensions {
            let id = dim.id.clone();
            let answers = answers_for(&content, &role.id, |d| {
                if d == id {
                    Lean::Blocked
                } else {
                    Lean::Healthy
                }
            });
            let s = Session {
                role: Some(role.id.clone()),
                answers,
                ..Session::new()
            };
            let d = s.diagnose(&content);
            assert_eq!(
                d.classification.primary,
                vec![dim.id.clone()],
                "role {} dimension {}",
                role.id,
                dim.id
            );
        }
    }
}

#[test]
fn every_blocker_has_steps_at_each_severity_above_low() {
    use kintone_diagnosis::core::plan::{plan, Facts};
    use kintone_diagnosis::core::DimensionScore;
    let content = shipped();
    let known = vec![None; content.checklist.items.len()];
    // At every stage: advice that needs the tool in use has a counterpart for an office that
    // has not started.
    // Without a stage question, the one "stage" is no answer at all.
    let stages: Vec<_> = content
        .stages()
        .into_iter()
        .map(|s| s.map(|s| super::at_stage(&content, s)).unwrap_or_default())
        .collect();
    for (dim, answers) in content
        .dimensions
        .iter()
        .flat_map(|d| stages.iter().map(move |a| (d, a)))
    {
        for (band_index, band) in content.bands.iter().enumerate().skip(1) {
            // This dimension at the bottom of the band, every other one scored low.
            let scores: Vec<DimensionScore> = content
                .dimensions
                .iter()
                .map(|d| {
                    let (score, band) = if d.id == dim.id {
                        (band.min, band_index)
                    } else {
                        (0, 0)
                    };
                    DimensionScore {
                        dimension: d.id.clone(),
                        score: Some(score),
                        band: Some(band),
                        answered: 5,
                        asked: 5,
                        reasons: Vec::new(),
                        evidence: Vec::new(),
                    }
                })
                .collect();
            let primary = vec![dim.id.clone()];
            let steps = plan(&Facts {
                content: &content,
                role: Some("promoter"),
                answers,
                scores: &scores,
                known: &known,
                primary: &primary,
            });
            assert!(
                steps
                    .iter()
                    .any(|p| p.dimensions.contains(&dim.id) && p.focus),
                "no step answers to {} at {} ({:?})",
                dim.id,
                band.id,
                content.stage_of(answers)
            );
        }
    }
}

#[test]
fn one_answer_for_every_statement_is_remarked_on() {
    use kintone_diagnosis::core::{Answer, Answers};
    let c = shipped();
    let staged = super::at_stage(&c, super::STAGE);
    let all = |v: &str| -> Answers {
        let mut a: Answers = c
            .questions
            .iter()
            .filter(|q| c.counts(q, Some("manager"), &staged))
            .map(|q| (q.id.clone(), Answer::Choice(v.into())))
            .collect();
        a.insert("office_stage".into(), Answer::Choice(super::STAGE.into()));
        a
    };
    let same = Diagnosis::compute(&c, Some("manager"), &all("3"), &Map::new());
    assert!(same.uniform);
    let mut varied = all("3");
    varied.insert("lead_used_tool".into(), Answer::Choice("2".into()));
    assert!(!Diagnosis::compute(&c, Some("manager"), &varied, &Map::new()).uniform);
    // Too few answers to remark on.
    let few: Answers = all("3").into_iter().take(5).collect();
    assert!(!Diagnosis::compute(&c, Some("manager"), &few, &Map::new()).uniform);
}

#[test]
fn without_a_verdict_no_blocker_is_called_serious() {
    use kintone_diagnosis::core::classify::Verdict;
    use kintone_diagnosis::core::Answers;
    // A staff member who answered only the four statements on leadership, all blocked.
    let c = shipped();
    let answers = answers_for(&c, "staff", blocked_on(&["leadership"]));
    let lead: Answers = answers
        .into_iter()
        .filter(|(q, _)| q.starts_with("lead_"))
        .collect();
    assert_eq!(lead.len(), 4);
    let d = Diagnosis::compute(&c, Some("staff"), &lead, &Map::new());
    assert_eq!(d.classification.verdict, Verdict::Insufficient);
    let leadership = d.score("leadership").unwrap();
    assert_eq!((leadership.score, leadership.band), (Some(100), None));
    assert!(d.scores.iter().all(|s| s.band.is_none()));
    assert!(d.plan.is_empty() && d.classification.primary.is_empty());
}
