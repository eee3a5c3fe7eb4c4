//! The cost-effect calculator against cases computed by hand: the published chat-tool example,
//! rounding half up, the payback month at and around its edge, no payback, and every kind of bad
//! input refused at once with its field and a message in both languages.

use kintone_diagnosis::core::calc::{
    calculate, CostEffect, CostEffectInput, InputProblem, OperationInput, Why,
};

fn operation(name: &str, staff: &str, minutes: &str, per_year: &str) -> OperationInput {
    OperationInput {
        name: name.into(),
        staff: staff.into(),
        minutes: minutes.into(),
        per_year: per_year.into(),
    }
}

fn form(ops: Vec<OperationInput>, hourly: &str, licence: &str, users: &str) -> CostEffectInput {
    CostEffectInput {
        operations: ops,
        hourly_cost: hourly.into(),
        years: String::new(),
        licence_per_user_month: licence.into(),
        users: users.into(),
        training: "0".into(),
        partner: "0".into(),
    }
}

/// What a form is refused for: each field with why (`field: Why`), in the order said.
fn refused(input: &CostEffectInput) -> Vec<String> {
    let problems = calculate(input).expect_err("refused");
    problems.iter().map(ToString::to_string).collect()
}

fn ok(input: &CostEffectInput) -> CostEffect {
    calculate(input).unwrap_or_else(|p| panic!("refused: {p:?}"))
}

#[test]
fn the_published_chat_tool_case_comes_out_as_the_city_computed_it() {
    // 1,100 staff × 240 days × 15 minutes = 66,000 hours a year, at ¥4,000 an hour. Licences
    // ¥1,000 a user a month for the 1,100, training ¥2,000,000 (full-width and separators as a
    // Japanese form is typed).
    let mut input = form(
        vec![operation("チャットでの連絡", "1,100", "15", "240")],
        "４，０００",
        "1000",
        "1100",
    );
    input.training = "2,000,000".into();
    let r = ok(&input);
    assert_eq!(r.tenth_hours_per_year, 660_000, "66,000.0 hours");
    assert_eq!(r.effect_per_year, 264_000_000, "66,000 h × ¥4,000");
    assert_eq!(r.years, 5, "five years when left blank");
    assert_eq!(r.effect_total, 1_320_000_000);
    assert_eq!(r.licence_per_year, 13_200_000, "¥1,000 × 1,100 × 12");
    assert_eq!(r.one_off, 2_000_000);
    assert_eq!(r.cost_total, 68_000_000, "13.2M × 5 + 2M");
    assert_eq!(r.net, 1_252_000_000);
    // A month saves ¥22,000,000 and costs ¥1,100,000: the training is paid back in the first.
    assert_eq!(r.payback_months, Some(1));
    assert_eq!(r.operations[0].name, "チャットでの連絡");
}

#[test]
fn rows_add_up_and_fractions_round_half_up() {
    // 1 person × 2.5 min × 7 = 17.5 min: 0.29 h shown as 0.3; at ¥2,345 an hour
    // 17.5 × 2,345 ÷ 60 = 683.958… → ¥684. A second row of 2 × 0.25 min × 6 = 3 min adds
    // 3 × 2,345 ÷ 60 = 117.25: together 20.5 min, 801.208… → ¥801.
    let mut input = form(
        vec![operation("申請の受付", "1", "2.5", "7")],
        "2345",
        "0",
        "0",
    );
    let r = ok(&input);
    assert_eq!(r.operations[0].centiminutes, 1_750);
    assert_eq!(r.tenth_hours_per_year, 3);
    assert_eq!(r.effect_per_year, 684);
    input.operations.push(operation("集計", "2", "0.25", "6"));
    let r = ok(&input);
    assert_eq!(r.tenth_hours_per_year, 3, "20.5 min = 0.34 h");
    assert_eq!(r.effect_per_year, 801);
    // Exactly half a yen rounds up: 0.03 min × ¥1,000 ÷ 60 = ¥0.5.
    let r = ok(&form(
        vec![operation("x", "1", "0.03", "1")],
        "1000",
        "0",
        "0",
    ));
    assert_eq!(r.effect_per_year, 1);
    // And just under half rounds down: 0.02 min × ¥1,000 ÷ 60 = ¥0.33.
    let r = ok(&form(
        vec![operation("x", "1", "0.02", "1")],
        "1000",
        "0",
        "0",
    ));
    assert_eq!(r.effect_per_year, 0);
}

#[test]
fn the_payback_month_is_the_first_whose_savings_cover_the_costs() {
    // 1 person × 60 min × 12 a year at ¥1,500/h: ¥18,000 a year, ¥1,500 a month; licences
    // ¥1,000 a month: ¥500 a month to pay back the one-off costs.
    let mut input = form(vec![operation("x", "1", "60", "12")], "1500", "1000", "1");
    input.training = "1500".into();
    assert_eq!(
        ok(&input).payback_months,
        Some(3),
        "¥1,500 ÷ ¥500 = 3 months exactly"
    );
    input.training = "1501".into();
    assert_eq!(
        ok(&input).payback_months,
        Some(4),
        "a yen more takes a month more"
    );
    input.training = "0".into();
    assert_eq!(
        ok(&input).payback_months,
        Some(0),
        "no one-off cost: from the start"
    );
    // Licences costing what a month saves never pay back, whatever the one-off costs.
    input.licence_per_user_month = "1500".into();
    let r = ok(&input);
    assert_eq!(r.payback_months, None);
    assert_eq!(r.net, 0, "¥90,000 saved, ¥90,000 spent over five years");
    input.years = "3".into();
    input.licence_per_user_month = "2000".into();
    let r = ok(&input);
    assert_eq!((r.years, r.cost_total, r.net), (3, 72_000, 54_000 - 72_000));
}

#[test]
fn training_and_partners_help_left_blank_cost_nothing_and_a_blank_licence_is_asked_for() {
    let mut input = form(vec![operation("a", "2", "30", "100")], "3000", "1000", "2");
    let entered = ok(&input);
    (input.training, input.partner) = (" ".into(), String::new());
    let blank = ok(&input);
    assert_eq!((blank.training, blank.partner), (0, 0));
    assert_eq!(blank, entered, "blank is the same as 0");
    input.licence_per_user_month = String::new();
    assert_eq!(refused(&input), ["licence_per_user_month: Missing"]);
}

#[test]
fn every_problem_is_refused_at_once_with_its_field() {
    let blank = CostEffectInput {
        operations: vec![OperationInput::default()],
        ..CostEffectInput::default()
    };
    assert_eq!(
        refused(&blank),
        [
            "operations[0].staff: Missing",
            "operations[0].minutes: Missing",
            "operations[0].per_year: Missing",
            "hourly_cost: Missing",
            "licence_per_user_month: Missing",
            "users: Missing",
        ],
        "years left blank is five, training and partner's help left blank are none: not problems"
    );
    let mut input = form(
        vec![
            operation("a", "0", "1.234", "-3"),
            operation("b", "1.5", "abc", "9999999999999999"),
        ],
        "0",
        "1000",
        "ten",
    );
    input.years = "101".into();
    input.partner = "00000000000000000012".into();
    assert_eq!(
        refused(&input),
        [
            "operations[0].staff: Zero",
            "operations[0].minutes: NotANumber",
            "operations[0].per_year: Negative",
            "operations[1].staff: NotANumber",
            "operations[1].minutes: NotANumber",
            "operations[1].per_year: TooLarge",
            "hourly_cost: Zero",
            "users: NotANumber",
            "years: TooLarge",
        ],
        "leading zeros are fine; each field is said once"
    );
    let none = form(Vec::new(), "4000", "0", "0");
    let problems = calculate(&none).unwrap_err();
    assert_eq!(problems[0].why, Why::NoOperations);
}

#[test]
fn problems_are_said_in_plain_words_in_both_languages() {
    let said = |field: &str, why, lang| {
        InputProblem {
            field: field.into(),
            why,
        }
        .say(lang)
    };
    assert_eq!(
        said("operations[1].minutes", Why::Missing, "ja"),
        "2行目の1回あたりの削減時間(分):入力してください"
    );
    assert_eq!(
        said("operations[1].minutes", Why::Missing, "en"),
        "Row 2, Minutes saved each time: enter a figure"
    );
    assert_eq!(
        said("hourly_cost", Why::Zero, "ja"),
        "人件費の時間単価(円/時間):0より大きい数を入力してください"
    );
    assert_eq!(
        said("operations", Why::NoOperations, "en"),
        "Operations: enter at least one operation"
    );
    // Only minutes take decimals; a head count is asked for a whole number, with no word on
    // minutes.
    assert_eq!(
        said("operations[0].minutes", Why::NotANumber, "ja"),
        "1行目の1回あたりの削減時間(分):数字で入力してください(小数は2桁まで)"
    );
    assert_eq!(
        said("users", Why::NotANumber, "ja"),
        "利用者数(人):整数で入力してください"
    );
    assert_eq!(
        said("users", Why::NotANumber, "en"),
        "Users: enter a whole number"
    );
}

#[test]
fn products_too_large_to_count_are_refused_not_wrapped() {
    // Totals too: 10^12 yen an hour over a large saving.
    let huge = form(
        vec![operation("x", "1000000", "1000000", "1000")],
        "1000000000000",
        "0",
        "0",
    );
    let problems = calculate(&huge).unwrap_err();
    assert_eq!(
        (problems[0].field.as_str(), problems[0].why),
        ("hourly_cost", Why::TooLarge)
    );
    // Each figure within bounds, their product beyond what is counted.
    let input = form(
        vec![operation(
            "x",
            "999999999999",
            "99999999999.99",
            "999999999999",
        )],
        "1",
        "0",
        "0",
    );
    let problems = calculate(&input).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(
        (problems[0].field.as_str(), problems[0].why),
        ("operations[0].per_year", Why::TooLarge)
    );
}

mod any_text {
    use super::*;
    use proptest::prelude::*;

    // What a form can hold: digits with the separators and signs people type, and anything.
    fn typed() -> impl Strategy<Value = String> {
        prop_oneof!["[0-9０-９,，.．\\- ]{0,24}", "[0-9]{1,30}", any::<String>(),]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// No text panics; whatever is taken adds up as the formulas shown say.
        #[test]
        fn is_taken_or_refused_never_a_panic(
            rows in proptest::collection::vec((typed(), typed(), typed()), 0..4),
            hourly in typed(), years in typed(), licence in typed(),
            users in typed(), training in typed(), partner in typed(),
        ) {
            let input = CostEffectInput {
                operations: rows
                    .into_iter()
                    .map(|(staff, minutes, per_year)| OperationInput { name: "x".into(), staff, minutes, per_year })
                    .collect(),
                hourly_cost: hourly,
                years,
                licence_per_user_month: licence,
                users,
                training,
                partner,
            };
            match calculate(&input) {
                Ok(r) => {
                    let wide = |n: u64| u128::from(n);
                    prop_assert_eq!(wide(r.effect_total), wide(r.effect_per_year) * u128::from(r.years));
                    prop_assert_eq!(wide(r.cost_total), wide(r.licence_per_year) * u128::from(r.years) + wide(r.one_off));
                    prop_assert_eq!(r.net, i128::from(r.effect_total) - i128::from(r.cost_total));
                }
                Err(problems) => {
                    prop_assert!(!problems.is_empty());
                    for p in &problems {
                        prop_assert!(!p.say("ja").is_empty() && !p.say("en").is_empty());
                    }
                }
            }
        }
    }
}
