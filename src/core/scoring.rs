//! Scoring: turns answers into a 0-100 score, a severity band and its reasons, per dimension.
//!
//! A question's contribution to a dimension is its chosen weight minus the lowest weight any of
//! its choices gives that dimension; the score is the sum of contributions over the sum of the
//! largest possible contributions, for the questions actually answered. "Don't know" and
//! unanswered questions are left out of both sums, so they neither raise nor lower a score.

use super::content::{weight_ranges, Content};
use super::map::Map;
use serde::{Deserialize, Serialize};

/// What the respondent said about one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// A value of the question's scale.
    Choice(String),
    /// "Don't know": a valid answer that is not a guess, so it is never scored.
    DontKnow,
}

/// Answers by question id.
pub type Answers = Map<Answer>;

/// How many contributing answers are quoted per dimension.
pub const REASONS_PER_DIMENSION: usize = 3;

/// One answer that raised a dimension's score (the choice is the diagnosis's answer to it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub question: String,
    /// Points it added (chosen weight minus the question's lowest weight).
    pub points: u32,
}

/// The outcome for one dimension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DimensionScore {
    pub dimension: String,
    /// `None` when fewer than `min_answers` questions were really answered.
    pub score: Option<u32>,
    /// Index into `content.bands`, when scored.
    pub band: Option<usize>,
    /// Questions about this dimension answered with a choice.
    pub answered: u32,
    /// Questions about this dimension the respondent was asked.
    pub asked: u32,
    /// The answers that raised the score most, strongest first.
    pub reasons: Vec<Reason>,
    /// Every answer with a choice that speaks to this dimension, in content order: how the
    /// score was reached ("how this result was reached" lists them).
    pub evidence: Vec<Evidence>,
}

/// Scores every dimension of `content`, in content order, for someone in `role`.
/// Answers to questions the role is not asked, or with values the question does not have,
/// are ignored.
pub fn score(content: &Content, role: Option<&str>, answers: &Answers) -> Vec<DimensionScore> {
    let dimensions = &content.dimensions;
    // Question by question, every dimension at once: each question's answer is looked up once,
    // not once per dimension (the office page scores thousands of results as files are read).
    let mut evidence: Vec<Vec<Evidence>> = dimensions.iter().map(|_| Vec::new()).collect();
    let mut asked = vec![0u32; dimensions.len()];
    let stage = content.stage_of(answers);
    let mut ranges: Vec<(&str, i32, i32)> = Vec::new();
    for q in (content.questions.iter()).filter(|q| content.asks_at(q, role, stage)) {
        let chosen = match answers.get(&q.id) {
            Some(Answer::Choice(value)) => q.choices.iter().find(|c| &c.value == value),
            _ => None,
        };
        weight_ranges(q, &mut ranges);
        for (d, dimension) in dimensions.iter().enumerate() {
            let Some(&(_, lo, hi)) = ranges.iter().find(|r| r.0 == dimension.id) else {
                continue;
            };
            if hi <= lo {
                continue;
            }
            asked[d] += 1;
            let Some(&weight) = chosen.and_then(|c| c.weights.get(&dimension.id)) else {
                continue;
            };
            evidence[d].push(Evidence {
                question: q.id.clone(),
                points: (weight - lo) as u32,
                possible: (hi - lo) as u32,
            });
        }
    }
    (dimensions.iter().zip(evidence).zip(asked))
        .map(|((d, evidence), asked)| score_dimension(content, &d.id, evidence, asked))
        .collect()
}

/// One answered question's part in a dimension's score (the choice is the diagnosis's answer
/// to it: not copied here, for each dimension, of each of thousands of results gathered).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    pub question: String,
    /// Chosen weight minus the question's lowest weight for the dimension.
    pub points: u32,
    /// Highest weight minus lowest: what the question could have added.
    pub possible: u32,
}

/// A dimension's score from its evidence (every answer with a choice that speaks to it, in
/// content order) and the number of questions about it asked (answered or not).
fn score_dimension(
    content: &Content,
    dimension: &str,
    evidence: Vec<Evidence>,
    asked: u32,
) -> DimensionScore {
    let points: u64 = evidence.iter().map(|e| e.points as u64).sum();
    let possible: u64 = evidence.iter().map(|e| e.possible as u64).sum();
    let answered = evidence.len() as u32;
    let enough = answered >= content.min_answers.max(1) && possible > 0;
    let score = enough.then(|| percent(points, possible));
    let mut reasons: Vec<Reason> = if enough {
        evidence
            .iter()
            .filter(|e| e.points > 0)
            .map(|e| Reason {
                question: e.question.clone(),
                points: e.points,
            })
            .collect()
    } else {
        Vec::new()
    };
    // Strongest first; ties keep question order (the sort is stable) so results are deterministic.
    super::order::sort_stable_by(&mut reasons, |a, b| a.points > b.points);
    reasons.truncate(REASONS_PER_DIMENSION);
    DimensionScore {
        dimension: dimension.to_string(),
        score,
        band: score.map(|s| content.band_for(s)),
        answered,
        asked,
        reasons,
        evidence,
    }
}

/// `part / whole` as a rounded percentage, 0 when `whole` is 0.
pub fn percent(part: u64, whole: u64) -> u32 {
    if whole == 0 {
        return 0;
    }
    ((part * 200 + whole) / (whole * 2)) as u32
}
