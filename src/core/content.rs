//! The questionnaire as data: the versioned content model every other part of the core reads.
//!
//! Content arrives as JSON (the shipped file or a consultancy's own), read by `core::read`.
//! Nearly every field has a default, so that a missing field becomes a validator problem with a
//! path instead of a single opaque read error; `validate` then reports everything that is wrong
//! at once. (The serde derives serve the native tests' reference reader and the writer.)

use super::map::Map;
use super::scoring::{Answer, Answers};
use serde::{Deserialize, Serialize};

/// The content format this build understands. Content declaring another version is rejected by
/// the validator, because field meanings may differ.
pub const FORMAT_VERSION: u32 = 1;

/// One text in every language of the content, keyed by language code (`ja`, `en`, ...).
pub type Text = Map<String>;

/// A whole questionnaire: what is asked, how answers are weighed, and what is recommended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Content {
    /// Version of the schema (see [`FORMAT_VERSION`]).
    pub format_version: u32,
    /// Stable id of this questionnaire, e.g. `kintone-municipal`; saved results name it.
    pub id: String,
    /// Version of the wording and weights; saved sessions from another version are not resumed.
    pub content_version: String,
    /// Languages every text must have; the first is the default.
    pub languages: Vec<String>,
    /// Title shown at the top of the widget.
    pub title: Text,
    /// One or two sentences on what the diagnosis does.
    pub intro: Text,
    /// Who may answer; empty means everyone answers the same questions and no role is asked.
    pub roles: Vec<Role>,
    /// Headings that dimensions are grouped under in the result.
    pub groups: Vec<Group>,
    /// What is scored (the blockers, in the shipped content).
    pub dimensions: Vec<Dimension>,
    /// Severity bands by lower bound, ascending; the first starts at 0.
    pub bands: Vec<Band>,
    /// How many real answers (not "don't know") a dimension needs before it is scored.
    pub min_answers: u32,
    /// Dimensions within this many points of the top score are primary too.
    pub primary_margin: u32,
    /// At most this many primary dimensions are named.
    pub max_primary: u32,
    /// Share (percent) of the statements asked of the role that must be answered with a choice
    /// before any verdict is given; 0 means no minimum.
    pub min_share: u32,
    /// A scored dimension resting on fewer real answers than this is marked as such; 0: never.
    pub few_answers: u32,
    /// How the answers are weighed, in words, for 「この結果の出し方」 (optional).
    pub scoring_note: Text,
    /// At most this many steps in a plan (0 or more than [`MAX_STEPS`] means [`MAX_STEPS`]).
    pub max_steps: u32,
    /// Answer scales questions refer to.
    pub scales: Vec<Scale>,
    /// The question on where the office stands with the tool (not yet / trial / some sections /
    /// the whole office), if the content routes statements by it: asked first of everyone, it
    /// decides which statements with [`Question::stages`] are asked. Not a statement itself: it
    /// weighs nothing and is not counted among the statements answered.
    pub stage_question: Option<String>,
    /// Screens of questions, in order.
    pub sections: Vec<Section>,
    /// Every question, in display order within its section.
    pub questions: Vec<Question>,
    /// Who carries out a step ("you", "section chief", ...).
    pub owners: Vec<Owner>,
    /// When a step happens, in order ("this week" first).
    pub timeframes: Vec<Timeframe>,
    /// Concrete next steps that recommendations point at.
    pub steps: Vec<Step>,
    /// Rules: when a condition holds, recommend a step.
    pub recommendations: Vec<Recommendation>,
    /// Materials the user ticks off (the six budget-request materials in the shipped content).
    pub checklist: Checklist,
    /// Maturity levels in words, for each dimension and the office overall (optional).
    pub maturity: Maturity,
}

/// Maturity levels in words (modelled on the levels of IPA's DX推進指標, 0 未着手 to 5): each
/// dimension's level follows from its severity, capped by the stage the office has reached (an
/// office that has not started cannot be further than trying); the respondent may set a target
/// (3年後の目標) for each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Maturity {
    /// The levels from 0 up, in words; empty: no maturity levels.
    pub levels: Vec<Text>,
    /// The highest level each stage (an answer of the stage question) reaches when nothing holds
    /// the office back; a stage not listed, or content without a stage question, reaches the
    /// level below the top (the top is a target, never a self-assessment).
    pub caps: Map<u32>,
}

/// A kind of respondent; changes which questions are asked and how they are worded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Role {
    pub id: String,
    pub label: Text,
    pub description: Text,
}

/// A heading for dimensions, e.g. "who is holding it back".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub label: Text,
}

/// One thing that is scored 0-100.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    /// Id of the [`Group`] it is shown under.
    pub group: String,
    /// Short name.
    pub label: Text,
    /// One sentence on what a high score means, used in the result.
    pub summary: Text,
}

/// A severity band: scores from `min` up to the next band's `min`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Band {
    pub id: String,
    /// Lowest score (0-100) in this band.
    pub min: u32,
    pub label: Text,
}

/// An answer scale shared by many questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Scale {
    pub id: String,
    /// The choices, in display order.
    pub choices: Vec<ScaleChoice>,
    /// Label of the "don't know" answer; required if any question offers it.
    pub dont_know: Option<Text>,
}

/// One choice of a scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct ScaleChoice {
    /// Stable value stored in answers, e.g. `"agree"`.
    pub value: String,
    pub label: Text,
}

/// One screen of questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: Text,
    pub intro: Option<Text>,
}

/// One statement the respondent rates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Question {
    pub id: String,
    /// Id of the [`Section`] it appears in.
    pub section: String,
    /// The statement, as most roles see it.
    pub text: Text,
    /// Wording for particular roles (e.g. finance staff asked about their own department).
    pub wording: Map<Text>,
    /// Roles that are asked this question; empty means every role.
    pub roles: Vec<String>,
    /// Answers to the stage question ([`Content::stage_question`]) under which this statement is
    /// asked; empty means at every stage. A statement that assumes the tool is in use is not asked
    /// of an office that has not started.
    pub stages: Vec<String>,
    /// Id of the [`Scale`] it is answered on.
    pub scale: String,
    /// Whether "don't know" is offered. It is never counted as an answer.
    pub dont_know: bool,
    /// Whether the respondent must answer (or say "don't know") before moving on.
    pub required: bool,
    /// One entry per scale choice with its weight towards each dimension (0-10, higher = more blocked).
    pub choices: Vec<Choice>,
}

impl Default for Question {
    fn default() -> Self {
        Question {
            id: String::new(),
            section: String::new(),
            text: Text::new(),
            wording: Map::new(),
            roles: Vec::new(),
            stages: Vec::new(),
            scale: String::new(),
            dont_know: true,
            required: true,
            choices: Vec::new(),
        }
    }
}

/// Weights of one answer choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Choice {
    /// A value of the question's scale.
    pub value: String,
    /// Weight towards each dimension id; absent means the question does not speak to it.
    pub weights: Map<i32>,
}

/// Who carries out a step: a position in the office (首長・幹部, 所属長, 財政担当, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Owner {
    pub id: String,
    pub label: Text,
    /// The respondent roles that hold this position: to them its steps are their own, to every
    /// other role they are something to propose to this position.
    pub roles: Vec<String>,
}

/// When a step happens. Their order in the content is the order of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Timeframe {
    pub id: String,
    pub label: Text,
}

/// A concrete next step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Step {
    pub id: String,
    /// Id of the [`Owner`] who does it.
    pub owner: String,
    /// Id of the [`Timeframe`] it belongs to.
    pub timeframe: String,
    /// Its intent: a plan keeps only the most urgent step of each family, so that one piece of
    /// advice never appears twice in different words.
    pub family: String,
    /// Id of the [`Owner`] it delivers something to, if any (never the owner itself).
    pub to: Option<String>,
    /// What to do.
    pub text: Text,
    /// Why it helps.
    pub rationale: Text,
    /// One sentence to say when proposing the step to its owner (shown to every other role).
    pub ask: Text,
}

/// When `when` holds, recommend `step`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Recommendation {
    pub id: String,
    pub when: Condition,
    /// Id of the [`Step`] recommended.
    pub step: String,
    /// The dimension this answers to, if any; its strongest answers are quoted as the reason.
    pub dimension: Option<String>,
    /// 1 is most urgent. Steps are ordered by priority, then by how severe their blocker is.
    pub priority: u32,
}

impl Default for Recommendation {
    fn default() -> Self {
        Recommendation {
            id: String::new(),
            when: Condition::All(Vec::new()),
            step: String::new(),
            dimension: None,
            priority: 2,
        }
    }
}

/// A condition on the diagnosis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// Every condition holds (an empty list always holds).
    All(Vec<Condition>),
    /// At least one condition holds (an empty list never holds).
    Any(Vec<Condition>),
    /// The dimension is scored and its band lies within the bounds (band ids, inclusive).
    Severity(SeverityCondition),
    /// The question was answered with one of the values.
    Answer(AnswerCondition),
    /// The respondent knows the checklist item with this id is missing (ない).
    Missing(String),
    /// Whether the checklist item with this id exists is not known (unset or わからない).
    Unknown(String),
    /// The respondent chose this role.
    Role(String),
}

/// See [`Condition::Severity`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct SeverityCondition {
    pub dimension: String,
    pub at_least: Option<String>,
    pub at_most: Option<String>,
}

/// See [`Condition::Answer`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct AnswerCondition {
    pub question: String,
    #[serde(rename = "in")]
    pub values: Vec<String>,
}

/// Materials the respondent marks as there (ある), missing (ない) or unknown (わからない); missing
/// ones can trigger steps via [`Condition::Missing`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Checklist {
    pub title: Text,
    /// The dimension the materials speak to (their statements' scores follow the checklist).
    pub dimension: Option<String>,
    pub items: Vec<ChecklistItem>,
}

/// One material.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct ChecklistItem {
    pub id: String,
    pub label: Text,
    /// What the material should contain.
    pub detail: Text,
    /// The statement that asks about this material: its answer prefills the item, and what the
    /// respondent marks in the checklist counts as that answer.
    pub question: Option<String>,
    /// Answers to `question` that say the material exists; the first is what "there" counts as.
    pub has: Vec<String>,
    /// Answers to `question` that say it is missing; the first is what "missing" counts as.
    pub lacks: Vec<String>,
}

/// What the respondent knows of one material.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Material {
    /// ある
    Has,
    /// ない
    Lacks,
    /// わからない
    Unsure,
}

/// The most steps any plan holds: a plan is read and forwarded, not filed.
pub const MAX_STEPS: usize = 12;

/// At most this many statements on one screen. A longer section (only a consultancy's own
/// questionnaire has one) is shown in even parts: a screen of 2,000 statements took seconds to
/// render and every answer re-rendered all of them; a part stays quick on a slow office PC and
/// is easier to answer.
pub const STATEMENTS_PER_SCREEN: usize = 50;

/// One screen of statements: of section `section` (an index into `sections`), the statements
/// asked of the role from `skip`, `take` of them; part `part` (from 0) of `parts`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    pub section: usize,
    pub part: usize,
    pub parts: usize,
    pub skip: usize,
    pub take: usize,
}

impl Content {
    /// The text in `lang`, falling back to the content's first language, then to any text.
    /// Never panics: missing texts yield "".
    pub fn text<'a>(&self, text: &'a Text, lang: &str) -> &'a str {
        text.get(lang)
            .or_else(|| self.languages.first().and_then(|l| text.get(l)))
            .or_else(|| text.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }

    pub fn dimension_index(&self, id: &str) -> Option<usize> {
        self.dimensions.iter().position(|d| d.id == id)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn scale(&self, id: &str) -> Option<&Scale> {
        self.scales.iter().find(|s| s.id == id)
    }

    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    pub fn band_index(&self, id: &str) -> Option<usize> {
        self.bands.iter().position(|b| b.id == id)
    }

    /// The band a score 0-100 falls in (the last band whose minimum it reaches).
    pub fn band_for(&self, score: u32) -> usize {
        self.bands.iter().rposition(|b| b.min <= score).unwrap_or(0)
    }

    /// The stage the respondent chose (the answer to the stage question), if the content has one
    /// and it is answered.
    pub fn stage_of<'a>(&self, answers: &'a Answers) -> Option<&'a str> {
        match answers.get(self.stage_question.as_deref()?)? {
            Answer::Choice(v) => Some(v),
            Answer::DontKnow => None,
        }
    }

    /// Whether `question` is the stage question (routing, not a statement).
    pub fn is_stage(&self, question: &Question) -> bool {
        self.stage_question.as_deref() == Some(question.id.as_str())
    }

    /// Whether someone in `role` who gave `answers` is asked `question`: the question is for the
    /// role (with no role chosen, content without roles, every role's), and for the stage chosen
    /// (a statement tied to stages waits until the stage is known).
    pub fn asks(&self, question: &Question, role: Option<&str>, answers: &Answers) -> bool {
        self.asks_at(question, role, self.stage_of(answers))
    }

    /// [`Content::asks`] at a stage given by its value.
    pub fn asks_at(&self, question: &Question, role: Option<&str>, stage: Option<&str>) -> bool {
        self.asks_role(question, role)
            && (question.stages.is_empty()
                || stage.is_some_and(|s| question.stages.iter().any(|x| x == s)))
    }

    /// Every stage the content offers (the stage question's values), or one `None` for content
    /// without a stage question: what "at every stage" goes through.
    pub fn stages(&self) -> Vec<Option<&str>> {
        let values = self
            .stage_question
            .as_deref()
            .and_then(|id| self.question(id));
        match values {
            Some(q) if !q.choices.is_empty() => {
                q.choices.iter().map(|c| Some(c.value.as_str())).collect()
            }
            _ => vec![None],
        }
    }

    /// Whether `question` is for `role` at some stage (every question, with no role chosen).
    pub fn asks_role(&self, question: &Question, role: Option<&str>) -> bool {
        match role {
            Some(role) => question.roles.is_empty() || question.roles.iter().any(|r| r == role),
            None => true,
        }
    }

    /// Whether `question` is a statement asked of `role` at the stage `answers` give: what the
    /// counts of statements asked and answered count (the stage question is not one).
    pub fn counts(&self, question: &Question, role: Option<&str>, answers: &Answers) -> bool {
        self.counts_at(question, role, self.stage_of(answers))
    }

    /// [`Content::counts`] at a stage given by its value.
    pub fn counts_at(&self, question: &Question, role: Option<&str>, stage: Option<&str>) -> bool {
        !self.is_stage(question) && self.asks_at(question, role, stage)
    }

    /// Every role the content asks by (their ids), or one `None` for content without roles: what
    /// "for every role" goes through.
    pub fn respondents(&self) -> Vec<Option<&str>> {
        if self.roles.is_empty() {
            vec![None]
        } else {
            self.roles.iter().map(|r| Some(r.id.as_str())).collect()
        }
    }

    /// The screens of statements `role` goes through at the stage `answers` give: each section
    /// asked, a long one in even parts of at most [`STATEMENTS_PER_SCREEN`].
    pub fn screens_for(&self, role: Option<&str>, answers: &Answers) -> Vec<Part> {
        let mut screens = Vec::new();
        for section in 0..self.sections.len() {
            let asked = self.questions_in(section, role, answers).count();
            let size = asked.div_ceil(asked.div_ceil(STATEMENTS_PER_SCREEN).max(1));
            let parts = asked.div_ceil(size.max(1));
            for part in 0..parts {
                let skip = part * size;
                let take = size.min(asked - skip);
                screens.push(Part {
                    section,
                    part,
                    parts,
                    skip,
                    take,
                });
            }
        }
        screens
    }

    /// The questions shown on screen `part`, in order.
    pub fn questions_on<'a>(
        &'a self,
        part: &Part,
        role: Option<&'a str>,
        answers: &'a Answers,
    ) -> impl Iterator<Item = &'a Question> + 'a {
        self.questions_in(part.section, role, answers)
            .skip(part.skip)
            .take(part.take)
    }

    /// The questions of section `section` asked of `role` at the stage `answers` give, in order.
    pub fn questions_in<'a>(
        &'a self,
        section: usize,
        role: Option<&'a str>,
        answers: &'a Answers,
    ) -> impl Iterator<Item = &'a Question> + 'a {
        let id = self.sections.get(section).map(|s| s.id.as_str());
        self.questions
            .iter()
            .filter(move |q| Some(q.section.as_str()) == id && self.asks(q, role, answers))
    }

    /// The statement as `role` sees it, in `lang`.
    pub fn statement<'a>(
        &'a self,
        question: &'a Question,
        role: Option<&str>,
        lang: &str,
    ) -> &'a str {
        let text = role
            .and_then(|r| question.wording.get(r))
            .unwrap_or(&question.text);
        self.text(text, lang)
    }

    /// Lowest and highest weight a question gives a dimension, if it speaks to it at all.
    pub fn weight_range(&self, question: &Question, dimension: &str) -> Option<(i32, i32)> {
        let mut ranges = Vec::new();
        weight_ranges(question, &mut ranges);
        ranges
            .into_iter()
            .find(|r| r.0 == dimension)
            .map(|r| (r.1, r.2))
    }
}

/// Each dimension a question speaks to, with the lowest and highest weight its choices give it,
/// into `out` (emptied first), in one walk of the choices' weights: a question weighs one or two
/// of the dimensions, and asking each choice about each dimension in turn was most of scoring
/// (the office page scores thousands of results).
pub fn weight_ranges<'a>(question: &'a Question, out: &mut Vec<(&'a str, i32, i32)>) {
    out.clear();
    for (id, &w) in question.choices.iter().flat_map(|c| c.weights.iter()) {
        match out.iter_mut().find(|r| r.0 == id.as_str()) {
            Some(r) => (r.1, r.2) = (r.1.min(w), r.2.max(w)),
            None => out.push((id, w, w)),
        }
    }
}
