//! Recommendations: the ordered, de-duplicated plan of next steps a diagnosis leads to.

use super::content::{Condition, Content};
use super::map::Set;
use super::scoring::{Answer, Answers, DimensionScore};

/// What a plan is computed from.
pub struct Facts<'a> {
    pub content: &'a Content,
    pub role: Option<&'a str>,
    pub answers: &'a Answers,
    pub scores: &'a [DimensionScore],
    /// Checklist items the respondent ticked (has).
    pub ticked: &'a Set,
    /// The primary blockers; steps that answer to one come first.
    pub primary: &'a [String],
}

/// One step of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedStep {
    /// Id of the content's step.
    pub step: String,
    /// The most urgent priority among the rules that recommend it (1 first).
    pub priority: u32,
    /// The dimensions it answers to, in content order.
    pub dimensions: Vec<String>,
    /// The question ids whose answers led to it: those a rule named, then the strongest
    /// reasons of its dimensions.
    pub answers: Vec<String>,
    /// Checklist items whose absence led to it.
    pub missing: Vec<String>,
    /// Ids of the recommendations that fired.
    pub rules: Vec<String>,
    /// Whether it answers to a primary blocker (these lead the plan).
    pub focus: bool,
}

/// Evaluates every recommendation and merges those pointing at the same step.
///
/// Order: steps answering to a primary blocker first, then priority, then the highest score among
/// the step's dimensions, then timeframe order, then the step's position in the content. Fully
/// determined by the facts.
pub fn plan(f: &Facts<'_>) -> Vec<PlannedStep> {
    let c = f.content;
    let mut out: Vec<PlannedStep> = Vec::new();
    for rule in &c.recommendations {
        if !holds(f, &rule.when) {
            continue;
        }
        let mut ev = Evidence::default();
        collect_evidence(f, &rule.when, &mut ev);
        let Evidence {
            mut answers,
            missing,
            mut dimensions,
        } = ev;
        let pos = match out.iter().position(|p| p.step == rule.step) {
            Some(pos) => pos,
            None => {
                out.push(PlannedStep {
                    step: rule.step.clone(),
                    priority: rule.priority,
                    dimensions: Vec::new(),
                    answers: Vec::new(),
                    missing: Vec::new(),
                    rules: Vec::new(),
                    focus: false,
                });
                out.len() - 1
            }
        };
        let p = &mut out[pos];
        p.priority = p.priority.min(rule.priority);
        p.rules.push(rule.id.clone());
        dimensions.extend(rule.dimension.clone());
        for d in &dimensions {
            push_unique(&mut p.dimensions, d);
            if let Some(s) = f.scores.iter().find(|s| &s.dimension == d) {
                answers.extend(s.reasons.iter().map(|r| r.question.clone()));
            }
        }
        for a in answers {
            push_unique(&mut p.answers, &a);
        }
        for m in missing {
            push_unique(&mut p.missing, &m);
        }
    }
    for p in &mut out {
        super::order::sort_stable_by(&mut p.dimensions, |a, b| {
            c.dimension_index(a) < c.dimension_index(b)
        });
        p.focus = p.dimensions.iter().any(|d| f.primary.contains(d));
    }
    let key = |p: &PlannedStep| {
        let score = p
            .dimensions
            .iter()
            .filter_map(|d| f.scores.iter().find(|s| &s.dimension == d)?.score)
            .max()
            .unwrap_or(0);
        let step = c.steps.iter().position(|s| s.id == p.step);
        let timeframe = step.and_then(|i| {
            c.timeframes
                .iter()
                .position(|t| t.id == c.steps[i].timeframe)
        });
        (
            !p.focus,
            p.priority,
            std::cmp::Reverse(score),
            timeframe,
            step,
        )
    };
    // Each step's key once, then order by it.
    let mut keyed: Vec<_> = out.into_iter().map(|p| (key(&p), p)).collect();
    super::order::sort_stable_by(&mut keyed, |a, b| a.0 < b.0);
    keyed.into_iter().map(|(_, p)| p).collect()
}

/// Whether a condition holds for these facts. Unknown references simply do not hold.
pub fn holds(f: &Facts<'_>, cond: &Condition) -> bool {
    match cond {
        Condition::All(l) => l.iter().all(|c| holds(f, c)),
        Condition::Any(l) => l.iter().any(|c| holds(f, c)),
        Condition::Severity(s) => {
            let Some(band) = f
                .scores
                .iter()
                .find(|x| x.dimension == s.dimension)
                .and_then(|x| x.band)
            else {
                return false;
            };
            let lo = s.at_least.as_deref().map(|b| f.content.band_index(b));
            let hi = s.at_most.as_deref().map(|b| f.content.band_index(b));
            match (lo, hi) {
                (Some(None), _) | (_, Some(None)) => false,
                (lo, hi) => {
                    lo.flatten().is_none_or(|lo| band >= lo)
                        && hi.flatten().is_none_or(|hi| band <= hi)
                }
            }
        }
        Condition::Answer(a) => {
            let asked = f
                .content
                .question(&a.question)
                .is_some_and(|q| f.content.asks(q, f.role));
            asked
                && matches!(f.answers.get(&a.question), Some(Answer::Choice(v)) if a.values.contains(v))
        }
        Condition::Missing(item) => {
            f.content.checklist.items.iter().any(|i| &i.id == item) && !f.ticked.contains(item)
        }
        Condition::Role(r) => f.role == Some(r.as_str()),
    }
}

/// What made a condition hold: the answers, missing items and severe dimensions it names.
#[derive(Default)]
struct Evidence {
    answers: Vec<String>,
    missing: Vec<String>,
    dimensions: Vec<String>,
}

/// Gathers the evidence of the parts of `cond` that hold (a branch of `any` that does not hold
/// is no reason).
fn collect_evidence(f: &Facts<'_>, cond: &Condition, ev: &mut Evidence) {
    if !holds(f, cond) {
        return;
    }
    match cond {
        Condition::All(l) | Condition::Any(l) => l.iter().for_each(|c| collect_evidence(f, c, ev)),
        Condition::Answer(a) => ev.answers.push(a.question.clone()),
        Condition::Missing(item) => ev.missing.push(item.clone()),
        Condition::Severity(s) => ev.dimensions.push(s.dimension.clone()),
        Condition::Role(_) => {}
    }
}

fn push_unique(list: &mut Vec<String>, item: &str) {
    if !list.iter().any(|x| x == item) {
        list.push(item.to_string());
    }
}
