//! The cost-effect calculator (費用対効果) a budget request is judged on: hours saved a year
//! over the target operations × the staff's hourly cost × the years of effect, against the
//! licences and the one-off costs; and when the tool pays for itself. Every figure is entered by
//! the user with its unit (nothing here knows a price); what is entered is checked all at once,
//! each problem with where it is. Exact integer arithmetic: the figures a finance section checks by
//! hand come out the same.

use std::fmt;

/// The years of effect a budget request usually counts on (the user may change it).
pub const DEFAULT_YEARS: u32 = 5;

/// The largest figure accepted in any field: more than any municipality's budget, and small
/// enough that no product of the figures overflows.
pub const MAX_FIGURE: u64 = 1_000_000_000_000;

/// One target operation, as entered (text: what the form's fields hold).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OperationInput {
    pub name: String,
    /// Staff doing it (人).
    pub staff: String,
    /// Minutes saved each time one of them does it (分/回; up to two decimals).
    pub minutes: String,
    /// How often each of them does it in a year (回/年).
    pub per_year: String,
}

/// The calculator's form, as entered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CostEffectInput {
    pub operations: Vec<OperationInput>,
    /// Staff cost per hour (円/時間).
    pub hourly_cost: String,
    /// Years of effect counted (年; blank: [`DEFAULT_YEARS`]).
    pub years: String,
    /// Licence cost per user per month (円/人・月).
    pub licence_per_user_month: String,
    /// Licensed users (人).
    pub users: String,
    /// One-off training cost (円; blank: none).
    pub training: String,
    /// One-off cost of a partner's help, setup included (円; blank: none).
    pub partner: String,
}

/// Where in the form, and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputProblem {
    /// The field, e.g. `operations[1].minutes` or `hourly_cost`.
    pub field: String,
    pub why: Why,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// Left blank.
    Missing,
    /// Not a number (or more decimals than the field takes).
    NotANumber,
    Negative,
    /// Zero where the calculation means nothing without a figure (no staff, no minutes).
    Zero,
    /// Larger than [`MAX_FIGURE`].
    TooLarge,
    /// No operation entered.
    NoOperations,
}

impl InputProblem {
    /// The problem in the user's language (`ja` or anything else for English).
    pub fn say(&self, lang: &str) -> String {
        let ja = lang == "ja";
        // Only minutes take decimals: the other fields are asked for whole numbers (a note on
        // minutes beside a head count confused the people who tried it).
        let minutes = self.field.ends_with(".minutes");
        let what = match (self.why, ja) {
            (Why::Missing, true) => "入力してください",
            (Why::Missing, false) => "enter a figure",
            (Why::NotANumber, true) if minutes => "数字で入力してください(小数は2桁まで)",
            (Why::NotANumber, false) if minutes => "enter a number (at most two decimal places)",
            (Why::NotANumber, true) => "整数で入力してください",
            (Why::NotANumber, false) => "enter a whole number",
            (Why::Negative, true) => "0以上の数を入力してください",
            (Why::Negative, false) => "enter zero or more",
            (Why::Zero, true) => "0より大きい数を入力してください",
            (Why::Zero, false) => "enter more than zero",
            (Why::TooLarge, true) => "大きすぎます",
            (Why::TooLarge, false) => "too large",
            (Why::NoOperations, true) => "対象業務を1行以上入力してください",
            (Why::NoOperations, false) => "enter at least one operation",
        };
        format!(
            "{}{}{what}",
            field_name(&self.field, ja),
            if ja { ":" } else { ": " }
        )
    }
}

/// A field's name in the user's language: `operations[1].minutes` is the second row's minutes.
pub fn field_name(field: &str, ja: bool) -> String {
    let (row, name) = match field.strip_prefix("operations[") {
        Some(rest) => match rest.split_once("].") {
            Some((n, name)) => (n.parse::<usize>().ok().map(|n| n + 1), name),
            None => (None, field),
        },
        None => (None, field),
    };
    let label = field_label(name, ja);
    match (row, ja) {
        (Some(n), true) => format!("{n}行目の{label}"),
        (Some(n), false) => format!("Row {n}, {label}"),
        (None, _) => label.to_string(),
    }
}

/// A field's label with its unit, by its name (`minutes`, `hourly_cost`), in Japanese or English:
/// the form, its messages and the drafts' tables all name a figure the same way.
pub fn field_label(name: &str, ja: bool) -> &str {
    match (name, ja) {
        ("operations", true) => "対象業務",
        ("operations", false) => "Operations",
        ("name", true) => "業務名",
        ("name", false) => "Operation",
        ("staff", true) => "担当人数(人)",
        ("staff", false) => "Staff (people)",
        ("minutes", true) => "1回あたりの削減時間(分)",
        ("minutes", false) => "Minutes saved each time",
        ("per_year", true) => "1人あたりの年間回数(回)",
        ("per_year", false) => "Times a year per person",
        ("hourly_cost", true) => "人件費の時間単価(円/時間)",
        ("hourly_cost", false) => "Staff cost per hour (yen)",
        ("years", true) => "効果を見込む年数(年)",
        ("years", false) => "Years of effect",
        ("licence_per_user_month", true) => "ライセンス単価(円/人・月)",
        ("licence_per_user_month", false) => "Licence per user per month (yen)",
        ("users", true) => "利用者数(人)",
        ("users", false) => "Users",
        ("training", true) => "研修費(円)",
        ("training", false) => "Training (yen)",
        ("partner", true) => "導入支援費(円)",
        ("partner", false) => "Partner's help (yen)",
        (other, _) => other,
    }
}

impl fmt::Display for InputProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {:?}", self.field, self.why)
    }
}

/// One operation's saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperationSaving {
    pub name: String,
    pub staff: u64,
    /// Minutes saved each time, in hundredths.
    pub centiminutes_each: u64,
    pub per_year: u64,
    /// Minutes saved a year, in hundredths of a minute (exact).
    pub centiminutes: u64,
}

/// What the calculator shows, and what fills the budget draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostEffect {
    pub operations: Vec<OperationSaving>,
    /// The figures entered, as read (yen, people).
    pub hourly_cost: u64,
    pub licence_per_user_month: u64,
    pub users: u64,
    pub training: u64,
    pub partner: u64,
    /// Hours saved a year, in tenths of an hour, rounded half up (shown as `12.5`).
    pub tenth_hours_per_year: u64,
    /// 年間効果額: the minutes saved a year × the hourly cost ÷ 60, rounded half up to the yen.
    pub effect_per_year: u64,
    pub years: u32,
    /// 効果額合計: the effect a year × the years.
    pub effect_total: u64,
    /// Licences a year: the price × users × 12.
    pub licence_per_year: u64,
    /// Training and partner's help.
    pub one_off: u64,
    /// 費用合計: licences × years + one-off costs.
    pub cost_total: u64,
    /// Effect minus cost over the years (negative: the tool costs more than it saves).
    pub net: i128,
    /// 投資回収: the first month whose effect so far covers the costs so far (0: from the
    /// start), or `None` when a month's licences cost as much as a month's effect or more.
    pub payback_months: Option<u64>,
}

/// What a figure of 0, or none, means in a field of the form.
#[derive(Clone, Copy, PartialEq)]
enum Zero {
    /// Nothing to compute with (no staff, no minutes): refused.
    Refused,
    Taken,
    /// Left blank, too: none (training and a partner's help are often not bought at all; a
    /// licence or its users left blank are more likely forgotten, and asked for).
    OrBlank,
}

/// Reads the form: the figures, or every problem in it at once.
pub fn calculate(input: &CostEffectInput) -> Result<CostEffect, Vec<InputProblem>> {
    let mut problems = Vec::new();
    let mut read = |field: String, text: &str, decimals: u32, zero: Zero| -> u64 {
        match figure(text, decimals) {
            Err(Why::Missing) if zero == Zero::OrBlank => 0,
            Err(why) => {
                problems.push(InputProblem { field, why });
                0
            }
            Ok(0) if zero == Zero::Refused => {
                problems.push(InputProblem {
                    field,
                    why: Why::Zero,
                });
                0
            }
            Ok(n) => n,
        }
    };
    let mut operations = Vec::new();
    let mut too_much = Vec::new();
    for (i, op) in input.operations.iter().enumerate() {
        let at = |name: &str| format!("operations[{i}].{name}");
        let staff = read(at("staff"), &op.staff, 0, Zero::Refused);
        let minutes = read(at("minutes"), &op.minutes, 2, Zero::Refused);
        let per_year = read(at("per_year"), &op.per_year, 0, Zero::Refused);
        // Each figure may be large; their product is refused before it could overflow.
        let product = u128::from(staff) * u128::from(minutes) * u128::from(per_year);
        let centiminutes = u64::try_from(product).unwrap_or_else(|_| {
            too_much.push(at("per_year"));
            0
        });
        operations.push(OperationSaving {
            name: op.name.trim().to_string(),
            staff,
            centiminutes_each: minutes,
            per_year,
            centiminutes,
        });
    }
    let hourly = read("hourly_cost".into(), &input.hourly_cost, 0, Zero::Refused);
    let years = if input.years.trim().is_empty() {
        u64::from(DEFAULT_YEARS)
    } else {
        read("years".into(), &input.years, 0, Zero::Refused)
    };
    let licence = read(
        "licence_per_user_month".into(),
        &input.licence_per_user_month,
        0,
        Zero::Taken,
    );
    let users = read("users".into(), &input.users, 0, Zero::Taken);
    let training = read("training".into(), &input.training, 0, Zero::OrBlank);
    let partner = read("partner".into(), &input.partner, 0, Zero::OrBlank);
    for field in too_much {
        problems.push(InputProblem {
            field,
            why: Why::TooLarge,
        });
    }
    if input.operations.is_empty() {
        problems.push(InputProblem {
            field: "operations".into(),
            why: Why::NoOperations,
        });
    }
    if years > 100 {
        problems.push(InputProblem {
            field: "years".into(),
            why: Why::TooLarge,
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // u128 throughout: each figure is at most 10^12, so no product of three overflows.
    let centiminutes: u128 = operations.iter().map(|o| u128::from(o.centiminutes)).sum();
    let entered = (hourly, licence, users, training, partner);
    let hourly = u128::from(hourly);
    let tenth_hours_per_year = round_div(centiminutes, 600);
    // Minutes × yen/hour ÷ 60, the minutes in hundredths: ÷ 6,000.
    let effect_per_year = round_div(centiminutes * hourly, 6_000);
    let years = years as u32;
    let effect_total = effect_per_year * u128::from(years);
    let licence_month = u128::from(licence) * u128::from(users);
    let licence_per_year = licence_month * 12;
    let one_off = u128::from(training) + u128::from(partner);
    let cost_total = licence_per_year * u128::from(years) + one_off;
    // Month m pays back when m × (a month's effect − a month's licences) ≥ the one-off costs,
    // a month's effect being centiminutes × hourly ÷ 72,000 (kept exact by multiplying through).
    let gain = centiminutes * hourly;
    let spend = licence_month * 72_000;
    let payback_months = (gain > spend).then(|| (one_off * 72_000).div_ceil(gain - spend));
    // Totals beyond what is counted (each figure within bounds, their products not): refused
    // where the figure that made them so large was entered.
    let (Ok(effect_total), Ok(cost_total)) =
        (u64::try_from(effect_total), u64::try_from(cost_total))
    else {
        let field = if effect_total > cost_total {
            "hourly_cost"
        } else {
            "licence_per_user_month"
        };
        return Err(vec![InputProblem {
            field: field.into(),
            why: Why::TooLarge,
        }]);
    };
    // Each of these is at most one of the totals above, times 12 or divided: they fit.
    let fit = |n: u128| u64::try_from(n).unwrap_or(u64::MAX);
    Ok(CostEffect {
        operations,
        hourly_cost: entered.0,
        licence_per_user_month: entered.1,
        users: entered.2,
        training: entered.3,
        partner: entered.4,
        tenth_hours_per_year: fit(tenth_hours_per_year),
        effect_per_year: fit(effect_per_year),
        years,
        effect_total,
        licence_per_year: fit(licence_per_year),
        one_off: fit(one_off),
        cost_total,
        net: i128::from(effect_total) - i128::from(cost_total),
        payback_months: payback_months.map(fit),
    })
}

/// `n / d` rounded half up.
fn round_div(n: u128, d: u128) -> u128 {
    (n + d / 2) / d
}

/// A yen amount as typed, read as every figure of the form is; `None` unless above zero.
pub fn yen(text: &str) -> Option<u64> {
    figure(text, 0).ok().filter(|n| *n > 0)
}

/// Keeps `value` to [`MAX_TEXT`] characters.
pub fn clip(value: &mut String) {
    if let Some((cut, _)) = value.char_indices().nth(MAX_TEXT) {
        value.truncate(cut);
    }
}

/// A figure as typed: digits (full-width too), thousands separators and spaces ignored, at most
/// `decimals` places; the value in units of 10^-decimals.
fn figure(text: &str, decimals: u32) -> Result<u64, Why> {
    let text: String = (text.chars())
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '\u{3000}' | '¥' | '￥' | '円'))
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '－' | '−' => '-',
            c => c,
        })
        .collect();
    if text.is_empty() {
        return Err(Why::Missing);
    }
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty()
        || !all_digits(whole)
        || !all_digits(fraction)
        || fraction.len() > decimals as usize
        || digits.ends_with('.') && decimals == 0
    {
        return Err(Why::NotANumber);
    }
    let whole = whole.trim_start_matches('0');
    if whole.len() > 13 {
        return Err(Why::TooLarge);
    }
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| Why::NotANumber)?
    };
    if whole > MAX_FIGURE {
        return Err(Why::TooLarge);
    }
    let scale = 10u64.pow(decimals);
    let mut part = 0;
    for (i, b) in fraction.bytes().enumerate() {
        part += u64::from(b - b'0') * 10u64.pow(decimals - 1 - i as u32);
    }
    let value = whole * scale + part;
    if negative && value > 0 {
        return Err(Why::Negative);
    }
    Ok(value)
}

/// The most target operations the form holds (a budget request names a few; the limit keeps a
/// held-down "add" key from growing the page without end).
pub const MAX_OPERATIONS: usize = 30;

/// The most characters a field of the form keeps (an operation's name, a figure): a name pasted
/// by mistake whole, 100 KB, made a Word table LibreOffice could not lay out.
pub const MAX_TEXT: usize = 200;

/// The calculator as the page holds it: the form and, once the user has asked for the figures,
/// the figures (or the problems) for what the form holds now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub input: CostEffectInput,
    pub result: Option<Result<CostEffect, Vec<InputProblem>>>,
}

impl Default for Sheet {
    /// One empty operation row, ready to fill.
    fn default() -> Self {
        Sheet {
            input: CostEffectInput {
                operations: vec![OperationInput::default()],
                ..CostEffectInput::default()
            },
            result: None,
        }
    }
}

/// A change to the calculator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetAction {
    /// A field, by the path its problems are reported at: `hourly_cost`, `years`,
    /// `licence_per_user_month`, `users`, `training`, `partner`, or a row's
    /// `operations[1].minutes` (`name`, `staff`, `minutes`, `per_year`). Anything else is ignored.
    Set(String, String),
    AddRow,
    RemoveRow(usize),
    /// Works the figures out; from then on every change works them out again, so that what the
    /// drafts are filled with is always what the form shows.
    Calculate,
}

impl Sheet {
    pub fn apply(&mut self, action: SheetAction) {
        let i = &mut self.input;
        match action {
            SheetAction::Set(path, mut value) => {
                clip(&mut value);
                let slot = match path
                    .strip_prefix("operations[")
                    .and_then(|r| r.split_once("]."))
                {
                    Some((row, field)) => {
                        let Some(op) = row
                            .parse()
                            .ok()
                            .and_then(|r: usize| i.operations.get_mut(r))
                        else {
                            return;
                        };
                        match field {
                            "name" => &mut op.name,
                            "staff" => &mut op.staff,
                            "minutes" => &mut op.minutes,
                            "per_year" => &mut op.per_year,
                            _ => return,
                        }
                    }
                    None => match path.as_str() {
                        "hourly_cost" => &mut i.hourly_cost,
                        "years" => &mut i.years,
                        "licence_per_user_month" => &mut i.licence_per_user_month,
                        "users" => &mut i.users,
                        "training" => &mut i.training,
                        "partner" => &mut i.partner,
                        _ => return,
                    },
                };
                *slot = value;
            }
            SheetAction::AddRow => {
                if i.operations.len() < MAX_OPERATIONS {
                    i.operations.push(OperationInput::default());
                }
            }
            SheetAction::RemoveRow(row) => {
                if row < i.operations.len() {
                    i.operations.remove(row);
                }
            }
            SheetAction::Calculate => {
                self.result = Some(calculate(&self.input));
                return;
            }
        }
        if self.result.is_some() {
            self.result = Some(calculate(&self.input));
        }
    }

    /// The figures, when the form was worked out without a problem.
    pub fn figures(&self) -> Option<&CostEffect> {
        self.result.as_ref().and_then(|r| r.as_ref().ok())
    }
}
