//! The office page's own content (`content/office-guide.json`): the steps of the 自治体DX推進手順書
//! and, per blocker, the step it belongs to and a question that opens its discussion. Data with
//! a version and stable ids, like the questionnaire, and checked against it by [`check`].
//!
//! A file of its own rather than fields of the questionnaire: the respondent's page never reads
//! it, so it neither downloads nor parses it.

use super::content::{Content, Text};
use super::map::Map;
use super::validate::Problem;

/// The guide's layout version this build reads.
pub const GUIDE_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Guide {
    pub format_version: u32,
    pub id: String,
    pub guide_version: String,
    /// The questionnaire (its id) whose blockers this guide speaks of.
    pub for_content: String,
    /// The 手順書's steps, in order.
    pub procedure: Vec<ProcedureStep>,
    /// Where the procedure comes from, shown under the agenda.
    pub procedure_source: Text,
    /// Per blocker (dimension id).
    pub dimensions: Map<DimensionGuide>,
    /// Per intent (a plan step's family): the 手順書 step (a [`ProcedureStep`] id) it belongs to.
    /// The roadmap and the office plan's order follow it.
    pub families: Map<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProcedureStep {
    pub id: String,
    pub label: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DimensionGuide {
    /// The 手順書 step (a [`ProcedureStep`] id) where this blocker is taken up.
    pub procedure: String,
    /// A question that opens the discussion of a gap on this blocker.
    pub opener: Text,
}

impl Guide {
    /// The 手順書 step of `dimension`, with its position.
    pub fn procedure_of(&self, dimension: &str) -> Option<(usize, &ProcedureStep)> {
        let id = &self.dimensions.get(dimension)?.procedure;
        self.step(id)
    }

    /// The 手順書 step `id`, with its position.
    pub fn step(&self, id: &str) -> Option<(usize, &ProcedureStep)> {
        self.procedure.iter().enumerate().find(|(_, p)| p.id == id)
    }

    /// The position of the 手順書 step of a plan step's `family` (after every step when unknown).
    pub fn stage_of_family(&self, family: &str) -> usize {
        (self.families.get(family))
            .and_then(|id| self.step(id))
            .map_or(usize::MAX, |(at, _)| at)
    }
}

/// Every problem of `guide` against the questionnaire `content`, each with its path: its layout,
/// the questionnaire it is for, every blocker covered once in every language, every step known.
pub fn check(guide: &Guide, content: &Content) -> Vec<Problem> {
    let mut out = Vec::new();
    if guide.format_version != GUIDE_FORMAT {
        out.push(Problem::new(
            "format_version",
            format!("this build reads layout {GUIDE_FORMAT}"),
        ));
    }
    for (path, value) in [("id", &guide.id), ("guide_version", &guide.guide_version)] {
        if value.trim().is_empty() {
            out.push(Problem::new(path, "must not be empty"));
        }
    }
    if guide.for_content != content.id {
        out.push(Problem::new(
            "for",
            format!(
                "names '{}', the questionnaire is '{}'",
                guide.for_content, content.id
            ),
        ));
    }
    let mut texts: Vec<(String, &Text)> =
        vec![("procedure_source".into(), &guide.procedure_source)];
    if guide.procedure.is_empty() {
        out.push(Problem::new("procedure", "names no step"));
    }
    let ids = guide.procedure.iter().map(|p| p.id.as_str());
    check_ids(ids, |i| format!("procedure[{i}].id"), &mut out);
    for (i, step) in guide.procedure.iter().enumerate() {
        texts.push((format!("procedure[{i}].label"), &step.label));
    }
    for dim in &content.dimensions {
        if guide.dimensions.get(&dim.id).is_none() {
            out.push(Problem::new(
                format!("dimensions.{}", dim.id),
                "missing: every blocker of the questionnaire needs a step and an opener",
            ));
        }
    }
    for (id, d) in guide.dimensions.iter() {
        if content.dimension_index(id).is_none() {
            out.push(Problem::new(
                format!("dimensions.{id}"),
                "not a blocker of the questionnaire",
            ));
        }
        if !guide.procedure.iter().any(|p| p.id == d.procedure) {
            out.push(Problem::new(
                format!("dimensions.{id}.procedure"),
                format!("'{}' is not a step of `procedure`", d.procedure),
            ));
        }
        texts.push((format!("dimensions.{id}.opener"), &d.opener));
    }
    let known_step = |id: &str| guide.procedure.iter().any(|p| p.id == id);
    for step in &content.steps {
        if !guide
            .families
            .get(&step.family)
            .is_some_and(|s| known_step(s))
        {
            out.push(Problem::new(
                format!("families.{}", step.family),
                "missing or not a step of `procedure`: every intent of the plan needs its step",
            ));
        }
    }
    for (family, _) in guide.families.iter() {
        if !content.steps.iter().any(|s| &s.family == family) {
            out.push(Problem::new(
                format!("families.{family}"),
                "not an intent of the plan",
            ));
        }
    }
    for (path, text) in texts {
        for lang in &content.languages {
            if text.get(lang).is_none_or(|t| t.trim().is_empty()) {
                out.push(Problem::new(format!("{path}.{lang}"), "missing"));
            }
        }
    }
    out
}

/// A problem at `path(i)` for every id that is empty or repeats an earlier one.
pub(super) fn check_ids<'a>(
    ids: impl Iterator<Item = &'a str>,
    path: impl Fn(usize) -> String,
    out: &mut Vec<Problem>,
) {
    let mut seen: Vec<&str> = Vec::new();
    for (i, id) in ids.enumerate() {
        if id.is_empty() || seen.contains(&id) {
            out.push(Problem::new(path(i), "empty or repeated"));
        }
        seen.push(id);
    }
}
