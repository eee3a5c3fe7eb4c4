//! The diagnosis: everything that follows from one respondent's answers, computed once per change
//! of answers, and what every renderer (the result screen, the Markdown summary, the result file,
//! the host's event; next the office view and document drafts) renders from.

use super::classify::{classify, Classification, Verdict};
use super::content::{ChecklistItem, Content, Material};
use super::map::Map;
use super::plan::{plan, Facts, PlannedStep};
use super::scoring::{score, Answer, Answers, DimensionScore};
use std::borrow::Cow;

/// Answered statements from which one choice for all of them is worth a remark.
pub const UNIFORM_FROM: u32 = 8;

/// A respondent's result: who answered, what, and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnosis {
    /// The respondent's role (content without roles has none).
    pub role: Option<String>,
    /// The answers it was computed from, as given: those to the statements asked of the role at
    /// the stage chosen (with the stage itself).
    pub answers: Answers,
    /// What the respondent marked in the checklist, by item id.
    pub materials: Map<Material>,
    /// What is known of each checklist item, in content order: as marked, else as an earlier
    /// answer said (prefilled), else nothing.
    pub known: Vec<Option<Material>>,
    /// Statements asked of the role, and how many were answered with a choice (not "don't know").
    pub asked: u32,
    pub answered: u32,
    /// Every statement answered (at least [`UNIFORM_FROM`] of them) with the same choice: the
    /// result says the answers do not tell the statements apart.
    pub uniform: bool,
    /// Every dimension's score, severity, reasons and evidence, in content order.
    pub scores: Vec<DimensionScore>,
    pub classification: Classification,
    /// The ordered, de-duplicated plan of next steps.
    pub plan: Vec<PlannedStep>,
    /// The day it was made, when it came from a result file ([`super::Session::made`]).
    pub made: Option<String>,
    /// Each dimension's maturity level (content order; `None` without a severity or without
    /// maturity levels in the content), and the office's overall: the mean of those given,
    /// rounded half up.
    pub levels: Vec<Option<u32>>,
    pub level: Option<u32>,
    /// The levels aimed for in three years ([`super::Session::targets`]).
    pub targets: Map<u32>,
}

impl Diagnosis {
    pub fn compute(
        content: &Content,
        role: Option<&str>,
        answers: &Answers,
        materials: &Map<Material>,
    ) -> Self {
        Self::compute_owned(content, role, answers.clone(), materials)
    }

    /// [`Diagnosis::compute`] from answers of its own, which become the diagnosis's (thinned to
    /// those asked) instead of being copied.
    pub fn compute_owned(
        content: &Content,
        role: Option<&str>,
        given_answers: Answers,
        materials: &Map<Material>,
    ) -> Self {
        let answers = &given_answers;
        let known = known(content, role, answers, materials);
        let effective = effective(content, answers, materials);
        let scores = score(content, role, &effective);
        // Each question asked at the stage chosen looks for its answer once: for the counts of
        // statements asked and answered, and to keep the answers this result rests on (those
        // kept from another stage are not part of it, nor of its file). Finding each answer's
        // question instead walked the content once per answer, and looking twice was a tenth of
        // gathering a result on the office page (which gathers thousands).
        let stage = content.stage_of(answers);
        let mut keep = vec![false; answers.len()];
        let (mut asked, mut answered) = (0, 0);
        let mut chosen: Option<&str> = None;
        let mut same = true;
        for q in (content.questions.iter()).filter(|q| content.asks_at(q, role, stage)) {
            let at = answers.index_of(&q.id);
            if let Some(i) = at {
                keep[i] = true;
            }
            // The stage question is kept but not counted (what `Content::counts_at` says).
            if content.is_stage(q) {
                continue;
            }
            asked += 1;
            if let Some(Answer::Choice(v)) = at.and_then(|i| answers.value_at(i)) {
                answered += 1;
                same &= *chosen.get_or_insert(v) == v;
            }
        }
        let uniform = same && answered >= UNIFORM_FROM;
        let mut classification = classify(content, &scores);
        // Too few statements answered: no verdict and no plan, whatever the few answers say (five
        // answers of forty once gave a "serious" result).
        let enough = u64::from(answered) * 100 >= u64::from(content.min_share) * u64::from(asked);
        if !enough {
            classification.verdict = Verdict::Insufficient;
            classification.primary.clear();
            classification.also = 0;
        }
        // No verdict, no plan and no severity: steps from single answers, or "serious" beside
        // "cannot tell yet", would contradict it. The scores stay, as what the few answers say.
        let mut scores = scores;
        let plan = if classification.verdict == Verdict::Insufficient {
            for s in &mut scores {
                s.band = None;
            }
            Vec::new()
        } else {
            plan(&Facts {
                content,
                role,
                answers: &effective,
                scores: &scores,
                known: &known,
                primary: &classification.primary,
            })
        };
        let mut answers = given_answers;
        let mut at = 0;
        answers.retain(|_, _| {
            at += 1;
            keep.get(at - 1) == Some(&true)
        });
        let stage = content.stage_of(&answers);
        let levels: Vec<Option<u32>> = scores
            .iter()
            .map(|s| maturity(content, stage, s.band))
            .collect();
        let given: Vec<u32> = levels.iter().flatten().copied().collect();
        // The mean, rounded half up: seven blockers at Lv1 and one at Lv0 are an office at Lv1.
        let n = given.len() as u32;
        let level = (n > 0).then(|| (2 * given.iter().sum::<u32>() + n) / (2 * n));
        Diagnosis {
            levels,
            level,
            targets: Map::new(),
            role: role.map(str::to_string),
            answers,
            materials: materials.clone(),
            known,
            asked,
            answered,
            uniform,
            scores,
            classification,
            plan,
            made: None,
        }
    }

    /// The score of dimension `id`.
    pub fn score(&self, id: &str) -> Option<&DimensionScore> {
        self.scores.iter().find(|s| s.dimension == id)
    }

    /// The checklist items known to be missing (marked ない, or prefilled so), in content order:
    /// what the result and its summary list as 足りない資料.
    pub fn missing<'a>(&'a self, content: &'a Content) -> impl Iterator<Item = &'a ChecklistItem> {
        content
            .checklist
            .items
            .iter()
            .zip(&self.known)
            .filter(|(_, k)| **k == Some(Material::Lacks))
            .map(|(item, _)| item)
    }
}

/// A dimension's maturity level: the stage's cap, one level lower per severity band above the
/// lowest (see [`super::content::Maturity`]). `None` without a severity or without levels.
pub fn maturity(content: &Content, stage: Option<&str>, band: Option<usize>) -> Option<u32> {
    let top = content.maturity.levels.len().checked_sub(2)? as u32;
    let cap = stage
        .and_then(|s| content.maturity.caps.get(s))
        .map_or(top, |c| (*c).min(top));
    Some(cap.saturating_sub(band? as u32))
}

/// What is known of each checklist item (see [`Diagnosis::known`]).
fn known(
    content: &Content,
    role: Option<&str>,
    answers: &Answers,
    materials: &Map<Material>,
) -> Vec<Option<Material>> {
    content
        .checklist
        .items
        .iter()
        .map(|item| {
            if let Some(m) = materials.get(&item.id) {
                return Some(*m);
            }
            let q = content.question(item.question.as_deref()?)?;
            if !content.asks(q, role, answers) {
                return None;
            }
            match answers.get(&q.id)? {
                Answer::DontKnow => Some(Material::Unsure),
                Answer::Choice(v) if item.has.contains(v) => Some(Material::Has),
                Answer::Choice(v) if item.lacks.contains(v) => Some(Material::Lacks),
                Answer::Choice(_) => None,
            }
        })
        .collect()
}

/// The answers scoring counts: as given, except that a material marked in the checklist counts
/// as the answer to its statement (the checklist is the more deliberate of the two).
fn effective<'a>(
    content: &Content,
    answers: &'a Answers,
    materials: &Map<Material>,
) -> Cow<'a, Answers> {
    // Copied only when a mark changes one (most results have none marked).
    let mut out = Cow::Borrowed(answers);
    for item in &content.checklist.items {
        let (Some(q), Some(m)) = (&item.question, materials.get(&item.id)) else {
            continue;
        };
        let answer = match m {
            Material::Has => item.has.first().cloned().map(Answer::Choice),
            Material::Lacks => item.lacks.first().cloned().map(Answer::Choice),
            Material::Unsure => Some(Answer::DontKnow),
        };
        if let Some(a) = answer {
            out.to_mut().insert(q.clone(), a);
        }
    }
    out
}
