//! Persona tests: typical offices as answer sets, and the primary blockers and plan they get.
//!
//! Each case renders the diagnosis as text and compares it with an expect-test snapshot
//! (`UPDATE_EXPECT=1 cargo test` rewrites them; review the diff before committing).

use super::{answers_for, shipped, Lean};
use expect_test::{expect, Expect};
use kintone_diagnosis::core::map::Set;
use kintone_diagnosis::core::{Diagnosis, Session};
use std::fmt::Write;

/// Answers as `role` with `lean` per dimension, ticks `ticked`, and compares the rendered result.
fn check(role: &str, lean: impl Fn(&str) -> Lean, ticked: &[&str], expected: Expect) {
    let content = shipped();
    let answers = answers_for(&content, role, lean);
    let ticked: Set = ticked.iter().map(|s| s.to_string()).collect();
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
          leadership               100 high     6/6
          finance                    0 low      4/4
          justification              0 low      4/4
          incentive                  0 low      5/5
          imposition                 0 low      5/5
          vendor_suspicion           0 low      5/5
          ecosystem_understanding    0 low      5/5
          failure_culture            0 low      6/6
          *p1 month        executives      lead_build_one <- leadership
          *p2 week         you             lead_demo <- leadership
          *p2 month        section_chief   lead_mismatch_memo <- leadership
          *p2 budget_cycle executives      lead_learning_budget <- leadership
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
          leadership                 0 low      5/5
          finance                  100 high     5/5
          justification              0 low      5/5
          incentive                  0 low      5/5
          imposition                 0 low      5/5
          vendor_suspicion           0 low      5/5
          ecosystem_understanding    0 low      5/5
          failure_culture            0 low      6/6
          *p1 budget_cycle finance         fin_briefing <- finance
          *p2 week         you             fin_talk_off_season <- finance
          *p2 month        you             fin_send_case <- finance
          *p3 budget_cycle finance         fin_look_alternatives <- finance
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
          leadership                 0 low      5/5
          finance                    0 low      5/5
          justification            100 high     5/5
          incentive                  0 low      5/5
          imposition                 0 low      5/5
          vendor_suspicion           0 low      5/5
          ecosystem_understanding    0 low      5/5
          failure_culture            0 low      6/6
          *p1 budget_cycle promotion_team  just_early_review <- justification
          *p2 month        you             just_check_materials <- justification
          *p3 month        you             prepare_ecosystem_overview <- justification
          *p3 month        you             prepare_other_cases <- justification
          *p3 budget_cycle you             prepare_plugin_comparison <- justification
          *p3 budget_cycle you             prepare_plan_schedule <- justification
          *p3 budget_cycle promotion_team  partner_selection <- justification
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
          leadership                 0 low      5/5
          finance                    0 low      5/5
          justification              0 low      5/5
          incentive                100 high     5/5
          imposition                 0 low      5/5
          vendor_suspicion           0 low      5/5
          ecosystem_understanding    0 low      5/5
          failure_culture           12 low      6/6
          *p1 budget_cycle executives      inc_evaluation_item <- incentive
          *p2 week         section_chief   inc_first_win <- incentive
          *p2 month        section_chief   inc_show_results <- incentive
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
          leadership                 0 low      6/6
          finance                    0 low      4/4
          justification              0 low      4/4
          incentive                  0 low      5/5
          imposition               100 high     5/5
          vendor_suspicion           0 low      5/5
          ecosystem_understanding    0 low      5/5
          failure_culture            0 low      6/6
          *p1 month        promotion_team  imp_open_training <- imposition
          *p2 week         you             imp_listen_first <- imposition
          *p2 month        promotion_team  imp_new_presenters <- imposition
          *p3 budget_cycle promotion_team  partner_selection <- imposition
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
          leadership                 0 low      5/5
          finance                    0 low      5/5
          justification              0 low      5/5
          incentive                  0 low      5/5
          imposition                 0 low      5/5
          vendor_suspicion         100 high     5/5
          ecosystem_understanding    0 low      5/5
          failure_culture            0 low      6/6
          *p1 budget_cycle promotion_team  ven_comparison_record <- vendor_suspicion
          *p2 week         you             ven_one_pager <- vendor_suspicion
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
          leadership                 0 low      6/6
          finance                    0 low      4/4
          justification              0 low      4/4
          incentive                  0 low      5/5
          imposition                 0 low      5/5
          vendor_suspicion           0 low      5/5
          ecosystem_understanding  100 high     5/5
          failure_culture            0 low      6/6
          *p1 month        you             eco_role_map <- ecosystem_understanding
          *p2 month        promotion_team  eco_builder_user <- ecosystem_understanding
          *p3 budget_cycle promotion_team  partner_selection <- ecosystem_understanding
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
          leadership                 0 low      5/5
          finance                    0 low      5/5
          justification              0 low      5/5
          incentive                  0 low      5/5
          imposition                 0 low      5/5
          vendor_suspicion           0 low      5/5
          ecosystem_understanding    0 low      5/5
          failure_culture           88 high     6/6
          *p1 week         you             fail_small_trial <- failure_culture
          *p2 month        promotion_team  fail_share_misses <- failure_culture
          *p2 month        section_chief   fail_permission_check <- failure_culture
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
          leadership                 0 low      5/5
          finance                  100 high     5/5
          justification              0 low      5/5
          incentive                 67 high     5/5
          imposition               100 high     5/5
          vendor_suspicion           0 low      5/5
          ecosystem_understanding    0 low      5/5
          failure_culture           65 high     6/6
          *p1 month        promotion_team  imp_open_training <- imposition
          *p1 budget_cycle finance         fin_briefing <- finance
          *p2 week         you             fin_talk_off_season <- finance
          *p2 week         you             imp_listen_first <- imposition
          *p2 month        you             fin_send_case <- finance
          *p2 month        promotion_team  imp_new_presenters <- imposition
          *p3 budget_cycle finance         fin_look_alternatives <- finance
          *p3 budget_cycle promotion_team  partner_selection <- imposition
           p1 budget_cycle executives      inc_evaluation_item <- incentive
           p1 week         you             fail_small_trial <- failure_culture
           p2 week         section_chief   inc_first_win <- incentive
           p2 month        section_chief   inc_show_results <- incentive
           p2 month        promotion_team  fail_share_misses <- failure_culture
           p2 month        section_chief   fail_permission_check <- failure_culture
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
          leadership                 0 low      5/5
          finance                    0 low      5/5
          justification              0 low      5/5
          incentive                  0 low      5/5
          imposition                 0 low      5/5
          vendor_suspicion           0 low      5/5
          ecosystem_understanding    0 low      5/5
          failure_culture            0 low      6/6
           p3 month        promotion_team  keep_sharing <- leadership+finance+justification+incentive+imposition+vendor_suspicion+ecosystem_understanding+failure_culture
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
          leadership               n/a -        0/6
          finance                  n/a -        0/4
          justification            n/a -        0/4
          incentive                n/a -        0/5
          imposition               n/a -        0/5
          vendor_suspicion         n/a -        0/5
          ecosystem_understanding  n/a -        0/5
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
          leadership                67 high     6/6
          finance                  n/a -        0/4
          justification             67 high     4/4
          incentive                 67 high     5/5
          imposition                67 high     5/5
          vendor_suspicion          67 high     5/5
          ecosystem_understanding   67 high     5/5
          failure_culture           65 high     6/6
          *p1 month        executives      lead_build_one <- leadership
          *p1 budget_cycle promotion_team  just_early_review <- justification
          *p1 budget_cycle executives      inc_evaluation_item <- incentive
          *p2 week         you             lead_demo <- leadership
          *p2 week         section_chief   inc_first_win <- incentive
          *p2 month        section_chief   lead_mismatch_memo <- leadership
          *p2 month        you             just_check_materials <- justification
          *p2 month        section_chief   inc_show_results <- incentive
          *p2 budget_cycle executives      lead_learning_budget <- leadership
          *p3 month        you             prepare_ecosystem_overview <- justification
          *p3 month        you             prepare_other_cases <- justification
          *p3 month        you             prepare_security <- justification
          *p3 budget_cycle you             prepare_plugin_comparison <- justification
          *p3 budget_cycle you             prepare_plan_schedule <- justification
          *p3 budget_cycle you             prepare_draft_spec <- justification
          *p3 budget_cycle promotion_team  partner_selection <- justification+imposition+ecosystem_understanding
           p1 month        promotion_team  imp_open_training <- imposition
           p1 month        you             eco_role_map <- ecosystem_understanding
           p1 budget_cycle promotion_team  ven_comparison_record <- vendor_suspicion
           p1 week         you             fail_small_trial <- failure_culture
           p2 week         you             imp_listen_first <- imposition
           p2 week         you             ven_one_pager <- vendor_suspicion
           p2 month        promotion_team  imp_new_presenters <- imposition
           p2 month        promotion_team  eco_builder_user <- ecosystem_understanding
           p2 month        promotion_team  fail_share_misses <- failure_culture
           p2 month        section_chief   fail_permission_check <- failure_culture
           p2 budget_cycle section_chief   fail_handover_plan <- failure_culture
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
          leadership               100 high     5/5
          finance                  100 high     5/5
          justification            100 high     5/5
          incentive                100 high     5/5
          imposition               100 high     5/5
          vendor_suspicion         100 high     5/5
          ecosystem_understanding  100 high     5/5
          failure_culture          100 high     6/6
          *p1 month        executives      lead_build_one <- leadership
          *p1 budget_cycle finance         fin_briefing <- finance
          *p1 budget_cycle promotion_team  just_early_review <- justification
          *p2 week         you             lead_demo <- leadership
          *p2 week         you             fin_talk_off_season <- finance
          *p2 month        section_chief   lead_mismatch_memo <- leadership
          *p2 month        you             fin_send_case <- finance
          *p2 month        you             just_check_materials <- justification
          *p2 budget_cycle executives      lead_learning_budget <- leadership
          *p3 month        you             prepare_ecosystem_overview <- justification
          *p3 month        you             prepare_other_cases <- justification
          *p3 month        you             prepare_security <- justification
          *p3 budget_cycle finance         fin_look_alternatives <- finance
          *p3 budget_cycle you             prepare_plugin_comparison <- justification
          *p3 budget_cycle you             prepare_plan_schedule <- justification
          *p3 budget_cycle you             prepare_draft_spec <- justification
          *p3 budget_cycle promotion_team  partner_selection <- justification+imposition+ecosystem_understanding
           p1 week         you             fail_small_trial <- failure_culture
           p1 month        promotion_team  imp_open_training <- imposition
           p1 month        you             eco_role_map <- ecosystem_understanding
           p1 budget_cycle executives      inc_evaluation_item <- incentive
           p1 budget_cycle promotion_team  ven_comparison_record <- vendor_suspicion
           p2 week         section_chief   inc_first_win <- incentive
           p2 week         you             imp_listen_first <- imposition
           p2 week         you             ven_one_pager <- vendor_suspicion
           p2 month        section_chief   inc_show_results <- incentive
           p2 month        promotion_team  imp_new_presenters <- imposition
           p2 month        promotion_team  eco_builder_user <- ecosystem_understanding
           p2 month        promotion_team  fail_share_misses <- failure_culture
           p2 month        section_chief   fail_permission_check <- failure_culture
           p2 budget_cycle section_chief   fail_handover_plan <- failure_culture
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
    let answers = Default::default();
    let ticked = Set::new();
    for dim in &content.dimensions {
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
                answers: &answers,
                scores: &scores,
                ticked: &ticked,
                primary: &primary,
            });
            assert!(
                steps
                    .iter()
                    .any(|p| p.dimensions.contains(&dim.id) && p.focus),
                "no step answers to {} at {}",
                dim.id,
                band.id
            );
        }
    }
}
