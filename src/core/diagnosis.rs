//! The diagnosis: everything that follows from one respondent's answers, computed once per change
//! of answers, and what every renderer (the result screen, the Markdown summary, the result file,
//! the host's event; next the office view and document drafts) renders from.

use super::classify::{classify, Classification};
use super::content::Content;
use super::map::Set;
use super::plan::{plan, Facts, PlannedStep};
use super::scoring::{score, Answers, DimensionScore};

/// A respondent's result: who answered, what, and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnosis {
    /// The respondent's role (content without roles has none).
    pub role: Option<String>,
    /// The answers it was computed from.
    pub answers: Answers,
    /// Checklist items the respondent has, by id in byte order (as the result file lists them).
    pub ticked: Vec<String>,
    /// Every dimension's score, severity, reasons and evidence, in content order.
    pub scores: Vec<DimensionScore>,
    pub classification: Classification,
    /// The ordered, de-duplicated plan of next steps.
    pub plan: Vec<PlannedStep>,
}

impl Diagnosis {
    pub fn compute(content: &Content, role: Option<&str>, answers: &Answers, ticked: &Set) -> Self {
        let scores = score(content, role, answers);
        let classification = classify(content, &scores);
        let plan = plan(&Facts {
            content,
            role,
            answers,
            scores: &scores,
            ticked,
            primary: &classification.primary,
        });
        Diagnosis {
            role: role.map(str::to_string),
            answers: answers.clone(),
            ticked: ticked.iter().cloned().collect(),
            scores,
            classification,
            plan,
        }
    }

    /// The score of dimension `id`.
    pub fn score(&self, id: &str) -> Option<&DimensionScore> {
        self.scores.iter().find(|s| s.dimension == id)
    }

    /// Whether the respondent has checklist item `id`.
    pub fn has(&self, id: &str) -> bool {
        self.ticked.iter().any(|t| t == id)
    }
}
