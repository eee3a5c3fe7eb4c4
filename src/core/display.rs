//! What the screens show, in words: statements numbered as the respondent sees them, the
//! choices shown for a statement, counts and time estimates per role, and every label a result
//! needs (blockers, severities, answers, owners, timeframes) in the reader's language.
//!
//! Here rather than in the UI so that the result screen, the Markdown summary and later renderers
//! say the same thing, and so that it is tested natively.

use super::classify::Verdict;
use super::content::{Content, Part, Question};
use super::scoring::{Answer, Answers};

/// Seconds a respondent needs per statement, for the time estimates (40 statements in 8-10
/// minutes when read carefully).
pub const SECONDS_PER_QUESTION: usize = 14;

/// Minutes to answer `questions` statements, rounded up.
pub fn minutes_for(questions: usize) -> usize {
    (questions * SECONDS_PER_QUESTION).div_ceil(60)
}

/// How many statements someone in `role` is asked at `stage` (everyone, for content without
/// roles; every statement without stages, for content without a stage question); the stage
/// question is not one.
pub fn questions_for(content: &Content, role: Option<&str>, stage: Option<&str>) -> usize {
    content
        .questions
        .iter()
        .filter(|q| content.counts_at(q, role, stage))
        .count()
}

/// The counts the start screen announces before a role or stage is chosen: the fewest and the
/// most statements any role at any stage is asked.
pub fn questions_announced(content: &Content) -> (usize, usize) {
    let roles = content.respondents();
    let stages = content.stages();
    let counts = roles.iter().flat_map(|r| {
        stages.iter().map(|s| {
            let asked = |q: &&Question| content.counts_at(q, *r, *s);
            content.questions.iter().filter(asked).count()
        })
    });
    (counts.clone().min().unwrap_or(0), counts.max().unwrap_or(0))
}

/// The number the first statement of the `n`-th screen of `screens` (as returned by
/// `Content::screens_for(role)`) carries: statements are numbered 1, 2, ... across the screens
/// the role goes through.
pub fn first_number(screens: &[Part], n: usize) -> usize {
    screens.iter().take(n).map(|p| p.take).sum::<usize>() + 1
}

/// The heading of a screen of statements: its section's title, and which part of the section it
/// is when the section is shown in parts ("区分 (1/2)").
pub fn screen_title(content: &Content, part: &Part, lang: &str) -> String {
    let title = content
        .sections
        .get(part.section)
        .map_or("", |s| content.text(&s.title, lang));
    if part.parts > 1 {
        format!("{title} ({}/{})", part.part + 1, part.parts)
    } else {
        title.to_string()
    }
}

/// A row of the review screen: a screen of statements and how far it is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reviewed {
    pub part: Part,
    /// Statements on the screen; those answered ("don't know" included); those answered "don't
    /// know".
    pub asked: usize,
    pub answered: usize,
    pub dont_know: usize,
}

/// Every screen of statements `role` goes through at the stage `answers` give, with how far each
/// is answered, in order.
pub fn review(content: &Content, role: Option<&str>, answers: &Answers) -> Vec<Reviewed> {
    let rows = content.screens_for(role, answers).into_iter().map(|part| {
        let mut row = Reviewed {
            part,
            asked: 0,
            answered: 0,
            dont_know: 0,
        };
        for q in content.questions_on(&part, role, answers) {
            row.asked += 1;
            let answer = answers.get(&q.id);
            row.answered += usize::from(answer.is_some());
            row.dont_know += usize::from(answer == Some(&Answer::DontKnow));
        }
        row
    });
    rows.collect()
}

/// The choices shown for `question`, as (value, label) in the scale's order: the scale's choices
/// that the question weighs (a question may leave some out).
pub fn choices_shown<'a>(
    content: &'a Content,
    question: &Question,
    lang: &str,
) -> Vec<(&'a str, &'a str)> {
    let Some(scale) = content.scale(&question.scale) else {
        return Vec::new();
    };
    scale
        .choices
        .iter()
        .filter(|ch| question.choices.iter().any(|qc| qc.value == ch.value))
        .map(|ch| (ch.value.as_str(), content.text(&ch.label, lang)))
        .collect()
}

/// The label of "don't know" for `question`, when it is offered.
pub fn dont_know_label<'a>(
    content: &'a Content,
    question: &Question,
    lang: &str,
) -> Option<&'a str> {
    if !question.dont_know {
        return None;
    }
    let label = content.scale(&question.scale)?.dont_know.as_ref()?;
    Some(content.text(label, lang))
}

/// A diagnosis's words in one language, for someone in one role: the lookups every renderer of a
/// result shares (ids in, labels out; unknown ids give "").
#[derive(Clone, Copy)]
pub struct Labels<'a> {
    pub content: &'a Content,
    pub lang: &'a str,
    pub role: Option<&'a str>,
}

impl<'a> Labels<'a> {
    pub fn new(content: &'a Content, lang: &'a str, role: Option<&'a str>) -> Self {
        Labels {
            content,
            lang,
            role,
        }
    }

    fn text(&self, text: &'a super::content::Text) -> &'a str {
        self.content.text(text, self.lang)
    }

    pub fn title(&self) -> &'a str {
        self.text(&self.content.title)
    }

    /// The respondent's role, if the content has one by that id.
    pub fn role(&self) -> Option<&'a str> {
        let role = self.content.role(self.role?)?;
        Some(self.text(&role.label))
    }

    /// Where the respondent said the office stands: the stage question's heading (its section's
    /// title) and the chosen stage's label, when the content asks it and it is answered.
    pub fn stage(&self, answers: &Answers) -> Option<(&'a str, &'a str)> {
        let content = self.content;
        let q = content.question(content.stage_question.as_deref()?)?;
        let chosen = self.choice(&q.id, answers.get(&q.id));
        let section = content.sections.iter().find(|s| s.id == q.section)?;
        (!chosen.is_empty()).then(|| (self.text(&section.title), chosen))
    }

    /// A maturity level in words, "Lv2 一部の課で計画的に進めている"; "" for a level the content
    /// lacks.
    pub fn level(&self, level: u32) -> String {
        match self.content.maturity.levels.get(level as usize) {
            Some(words) => format!("Lv{level} {}", self.text(words)),
            None => String::new(),
        }
    }

    pub fn dimension(&self, id: &str) -> &'a str {
        self.content
            .dimension_index(id)
            .map_or("", |i| self.text(&self.content.dimensions[i].label))
    }

    pub fn dimension_summary(&self, id: &str) -> &'a str {
        self.content
            .dimension_index(id)
            .map_or("", |i| self.text(&self.content.dimensions[i].summary))
    }

    pub fn group(&self, id: &str) -> &'a str {
        let group = self.content.groups.iter().find(|g| g.id == id);
        group.map_or("", |g| self.text(&g.label))
    }

    /// The severity band's label; `None` (not scored) gives "".
    pub fn band(&self, band: Option<usize>) -> &'a str {
        let band = band.and_then(|b| self.content.bands.get(b));
        band.map_or("", |b| self.text(&b.label))
    }

    /// The statement as this role saw it.
    pub fn statement(&self, question: &str) -> &'a str {
        let content = self.content;
        content
            .question(question)
            .map_or("", |q| content.statement(q, self.role, self.lang))
    }

    /// The label of the choice `answer` gives `question`; "" for "don't know" and unanswered.
    pub fn choice(&self, question: &str, answer: Option<&Answer>) -> &'a str {
        let Some(Answer::Choice(value)) = answer else {
            return "";
        };
        let content = self.content;
        content
            .question(question)
            .and_then(|q| content.scale(&q.scale))
            .and_then(|s| s.choices.iter().find(|c| &c.value == value))
            .map_or("", |c| self.text(&c.label))
    }

    pub fn owner(&self, id: &str) -> &'a str {
        let owner = self.content.owners.iter().find(|o| o.id == id);
        owner.map_or("", |o| self.text(&o.label))
    }

    pub fn timeframe(&self, id: &str) -> &'a str {
        let timeframe = self.content.timeframes.iter().find(|t| t.id == id);
        timeframe.map_or("", |t| self.text(&t.label))
    }
}

/// Whether a scored dimension rests on fewer real answers than the content's `few_answers`
/// (the result marks such a score as tentative).
pub fn few_answers(content: &Content, score: &super::scoring::DimensionScore) -> bool {
    // Every statement asked answered is not "few answers", however few the role is asked.
    score.score.is_some() && score.answered < content.few_answers && score.answered < score.asked
}

/// The sentences that sum a diagnosis up, one per verdict, in the reader's language (the UI owns
/// the words; this picks among them).
pub fn verdict_sentence<'w>(verdict: Verdict, sentences: &[&'w str; 3]) -> &'w str {
    match verdict {
        Verdict::Blocked => sentences[0],
        Verdict::Healthy => sentences[1],
        Verdict::Insufficient => sentences[2],
    }
}
