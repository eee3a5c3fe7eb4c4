//! Recommendations: the ordered, de-duplicated plan of next steps a diagnosis leads to.

use super::content::{Condition, Content, Material, Step, MAX_STEPS};
use super::scoring::{Answer, Answers, DimensionScore};

/// What a plan is computed from.
pub struct Facts<'a> {
    pub content: &'a Content,
    pub role: Option<&'a str>,
    pub answers: &'a Answers,
    pub scores: &'a [DimensionScore],
    /// What is known of each checklist item, in content order ([`super::Diagnosis::known`]).
    pub known: &'a [Option<Material>],
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
    /// Whether it answers to a primary blocker.
    pub focus: bool,
    /// One of the steps to take first: the first step answering each primary blocker, in the
    /// blockers' order. They lead the plan.
    pub first: bool,
}

/// Evaluates every recommendation, merges those pointing at the same step, keeps the most urgent
/// step of each family (the respondent's own, if one fired), puts the steps to take first in front and cuts the plan to its length.
///
/// Order: steps answering to a primary blocker first, then priority, then the highest score among
/// the step's dimensions, then timeframe order, then the step's position in the content. Then the
/// first step answering each primary blocker (in the blockers' order) moves to the front. Fully
/// determined by the facts.
pub fn plan(f: &Facts<'_>) -> Vec<PlannedStep> {
    let c = f.content;
    let mut out: Vec<PlannedStep> = Vec::new();
    for rule in &c.recommendations {
        if !holds(f, &rule.when) {
            continue;
        }
        let mut ev = Evidence::default();
        gather_evidence(f, &rule.when, &mut ev);
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
                    first: false,
                });
                out.len() - 1
            }
        };
        let p = &mut out[pos];
        p.priority = p.priority.min(rule.priority);
        p.rules.push(rule.id.clone());
        dimensions.extend(rule.dimension.clone());
        for d in dimensions {
            if let Some(s) = f.scores.iter().find(|s| s.dimension == d) {
                answers.extend(s.reasons.iter().map(|r| &r.question).cloned());
            }
            push_unique(&mut p.dimensions, d);
        }
        for a in answers {
            push_unique(&mut p.answers, a);
        }
        for m in missing {
            push_unique(&mut p.missing, m);
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
    // One step per family: the first in this order is the most urgent of them, unless the
    // respondent can take a step of the same family themselves. What they can do is the more
    // useful advice to them than asking another position for the same thing; it takes the
    // family's place in the order.
    let mut families: Vec<(&str, bool)> = Vec::new();
    let mut ranked: Vec<PlannedStep> = Vec::new();
    for (_, p) in keyed {
        let Some(step) = c.step(&p.step) else {
            continue;
        };
        let (family, own) = (family(step), is_own(c, step, f.role));
        match families.iter().position(|(x, _)| *x == family) {
            None => {
                families.push((family, own));
                ranked.push(p);
            }
            Some(i) if own && !families[i].1 => {
                families[i].1 = true;
                ranked[i] = p;
            }
            Some(_) => {}
        }
    }
    let mut first: Vec<PlannedStep> = Vec::new();
    for blocker in f.primary {
        if let Some(i) = ranked.iter().position(|p| p.dimensions.contains(blocker)) {
            let mut p = ranked.remove(i);
            p.first = true;
            first.push(p);
        }
    }
    first.extend(ranked);
    let cap = match c.max_steps as usize {
        0 => MAX_STEPS,
        n => n.min(MAX_STEPS),
    };
    first.truncate(cap);
    first
}

/// A step's family; a step without one is a family of its own.
pub fn family(step: &Step) -> &str {
    if step.family.is_empty() {
        &step.id
    } else {
        &step.family
    }
}

/// Whether someone in `role` does `step` themselves (their role holds the step's owner); if not,
/// the step is something to propose to its owner.
pub fn is_own(content: &Content, step: &Step, role: Option<&str>) -> bool {
    let owner = content.owners.iter().find(|o| o.id == step.owner);
    match (owner, role) {
        (Some(o), Some(role)) => o.roles.iter().any(|r| r == role),
        // Content without roles, or an owner it does not know: nobody to propose it to.
        _ => owner.is_none_or(|o| o.roles.is_empty()) && role.is_none(),
    }
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
        // The answer first: most rules' answers were not given, and finding the question (to
        // ask whether the role was asked it) walks the content.
        Condition::Answer(a) => {
            matches!(f.answers.get(&a.question), Some(Answer::Choice(v)) if a.values.contains(v))
                && (f.content.question(&a.question))
                    .is_some_and(|q| f.content.asks(q, f.role, f.answers))
        }
        Condition::Missing(item) => known(f, item) == Some(Some(Material::Lacks)),
        Condition::Unknown(item) => {
            matches!(known(f, item), Some(None | Some(Material::Unsure)))
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

/// Gathers the evidence of `cond`, which holds: of each part of an `all`, and of the parts of an
/// `any` that hold (a branch that does not hold is no reason). The parts of an `all` are not
/// asked again whether they hold: asking every part of every rule twice was a quarter of a plan.
fn gather_evidence(f: &Facts<'_>, cond: &Condition, ev: &mut Evidence) {
    match cond {
        Condition::All(l) => l.iter().for_each(|c| gather_evidence(f, c, ev)),
        Condition::Any(l) => (l.iter())
            .filter(|c| holds(f, c))
            .for_each(|c| gather_evidence(f, c, ev)),
        Condition::Answer(a) => ev.answers.push(a.question.clone()),
        Condition::Missing(item) => ev.missing.push(item.clone()),
        Condition::Unknown(_) => {}
        Condition::Severity(s) => ev.dimensions.push(s.dimension.clone()),
        Condition::Role(_) => {}
    }
}

/// What is known of checklist item `item` (`None` if the content has no such item).
fn known(f: &Facts<'_>, item: &str) -> Option<Option<Material>> {
    let i = f
        .content
        .checklist
        .items
        .iter()
        .position(|i| i.id == item)?;
    Some(f.known.get(i).copied().flatten())
}

/// Adds `item` unless the list has it (taken by value: the lists are built from copies made for
/// them, and copying each again here was 8% of gathering a result on the office page).
fn push_unique(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}
