//! The diagnosis session: a state machine driven by [`Action`]s, and its saved form.
//!
//! The UI holds a [`Session`] and dispatches actions; every transition lives here so that it is
//! tested natively. Invalid actions (an unknown question, a value the question lacks) leave the
//! session as it was: they can only come from stale UI events or tampered data, never from a user
//! choice, and must not panic.

use super::content::{Content, Material, Part};
use super::diagnosis::Diagnosis;
use super::fingerprint::Questionnaire;
use super::map::Map;
use super::scoring::{Answer, Answers};
use serde::{Deserialize, Serialize};

/// Where the respondent is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Screen {
    /// The start screen: what the diagnosis is, and the role choice when the content has roles.
    #[default]
    Start,
    /// The n-th screen of statements of the chosen role (an index into `screens_for(role)`: a
    /// section, or a part of a long one).
    Section(usize),
    /// Every screen of statements with what is answered on it, each a way back to it
    /// (`display::review`).
    Review,
    /// The result.
    Result,
}

/// Everything a respondent can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Choose a role on the start screen and begin (content with roles).
    ChooseRole(String),
    /// Begin without a role (content without roles).
    Begin,
    Answer {
        question: String,
        answer: Answer,
    },
    /// Advance; refused (listing the unanswered questions) while a required one is unanswered.
    Next,
    Back,
    /// Open the review screen (from a screen of statements or the result).
    Review,
    /// Go to the n-th screen of statements (from the review screen).
    Go(usize),
    /// Mark what the respondent knows of a checklist item (there, missing, unknown).
    Mark {
        item: String,
        state: Material,
    },
    /// Set the level the respondent aims for on a dimension in three years (3年後の目標), or
    /// clear it (`None`).
    Target {
        dimension: String,
        level: Option<u32>,
    },
    /// Forget every answer and start again (in the same language).
    Restart,
    /// Read in another of the content's languages.
    ChooseLanguage(String),
}

/// The state of one diagnosis.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Session {
    pub role: Option<String>,
    pub answers: Answers,
    /// What the respondent marked in the checklist, by item id.
    pub materials: Map<Material>,
    pub screen: Screen,
    /// Required questions of the current section still unanswered after a refused `Next`.
    pub unanswered: Vec<String>,
    /// The language the respondent reads in, saved with the answers so that a reload keeps it
    /// (`None` until the widget sets it; one of the content's languages).
    pub lang: Option<String>,
    /// When the result was made (the result file's `created`, which starts with its day), when
    /// it was opened from a file: its day is shown, and it is kept when the result is saved
    /// again. Any change of answers or marks makes it a new result (`None`).
    pub made: Option<String>,
    /// The maturity level aimed for in three years, by dimension id (only those set).
    pub targets: Map<u32>,
}

impl Session {
    /// A fresh session on the start screen (the same for every questionnaire).
    pub fn new() -> Self {
        Self::default()
    }

    /// Nothing answered and nothing marked: nothing worth saving or coming back to.
    pub fn is_blank(&self) -> bool {
        self.answers.is_empty() && self.materials.is_empty()
    }

    /// The screens of statements this respondent goes through.
    pub fn screens(&self, content: &Content) -> Vec<Part> {
        content.screens_for(self.role.as_deref(), &self.answers)
    }

    /// The screen of statements shown now, if there is one.
    pub fn current_part(&self, content: &Content) -> Option<Part> {
        match self.screen {
            Screen::Section(n) => self.screens(content).get(n).copied(),
            _ => None,
        }
    }

    /// Applies one action. Returns whether the session changed.
    pub fn apply(&mut self, content: &Content, action: Action) -> bool {
        let before = self.clone();
        match action {
            Action::ChooseRole(role) => {
                if self.screen == Screen::Start && content.role(&role).is_some() {
                    // Back at the start, another role: the answers to statements it is not
                    // asked go (they could not be shown, and a saved session holding them would
                    // not restore); those it shares with the first role stay.
                    self.role = Some(role);
                    self.keep_asked(content);
                    self.screen = Screen::Section(0);
                }
            }
            Action::Begin => {
                if self.screen == Screen::Start && content.roles.is_empty() {
                    self.screen = Screen::Section(0);
                }
            }
            Action::Answer { question, answer } => {
                self.answer(content, question, answer);
            }
            Action::Next => match self.screen {
                Screen::Section(n) => {
                    self.unanswered = self.missing_in_current(content);
                    if self.unanswered.is_empty() {
                        if n + 1 < self.screens(content).len() {
                            self.screen = Screen::Section(n + 1);
                        } else {
                            self.finish(content);
                        }
                    }
                }
                Screen::Review => self.finish(content),
                _ => {}
            },
            Action::Back => {
                self.unanswered.clear();
                self.screen = match self.screen {
                    Screen::Section(0) | Screen::Start => Screen::Start,
                    Screen::Section(n) => Screen::Section(n - 1),
                    Screen::Result | Screen::Review => {
                        Screen::Section(self.screens(content).len().saturating_sub(1))
                    }
                };
            }
            Action::Review => {
                if matches!(self.screen, Screen::Section(_) | Screen::Result) {
                    self.unanswered.clear();
                    self.screen = Screen::Review;
                }
            }
            Action::Go(n) => {
                if self.screen == Screen::Review && n < self.screens(content).len() {
                    self.screen = Screen::Section(n);
                }
            }
            Action::Mark { item, state } => {
                if content.checklist.items.iter().any(|i| i.id == item) {
                    self.materials.insert(item, state);
                }
            }
            Action::Target { dimension, level } => {
                let known = content.dimension_index(&dimension).is_some();
                match level {
                    Some(l) if known && (l as usize) < content.maturity.levels.len() => {
                        self.targets.insert(dimension, l);
                    }
                    None => {
                        self.targets.retain(|d, _| *d != dimension);
                    }
                    _ => {}
                }
            }
            Action::Restart => {
                *self = Session {
                    lang: self.lang.take(),
                    ..Session::new()
                }
            }
            Action::ChooseLanguage(lang) => {
                if content.languages.contains(&lang) {
                    self.lang = Some(lang);
                }
            }
        }
        if self.answers != before.answers
            || self.materials != before.materials
            || self.targets != before.targets
        {
            self.made = None;
        }
        *self != before
    }

    /// Records an answer the questionnaire allows; whether it did.
    fn answer(&mut self, content: &Content, question: String, answer: Answer) -> bool {
        let Some(q) = content.question(&question) else {
            return false;
        };
        let valid = match &answer {
            Answer::Choice(v) => q.choices.iter().any(|c| &c.value == v),
            Answer::DontKnow => q.dont_know,
        };
        let role_known = self.role.is_some() || content.roles.is_empty();
        // A statement of the role at any stage: another stage keeps the answers to
        // statements it does not ask, which are not shown, counted or scored
        // (`Content::asks`) and come back with the stage they belong to (arrow keys
        // through the stage choices pass them all); a saved session holding them
        // restores in any order.
        let taken = valid && role_known && content.asks_role(q, self.role.as_deref());
        if taken {
            self.unanswered.retain(|u| u != &question);
            self.answers.insert(question, answer);
        }
        taken
    }

    /// Drops the answers to statements the role chosen is not asked at any stage (after another
    /// role was chosen): they could not be shown, and a saved session holding them would not
    /// restore. Those both roles are asked stay.
    fn keep_asked(&mut self, content: &Content) {
        let role = self.role.as_deref();
        self.answers.retain(|id, _| {
            content
                .question(id)
                .is_some_and(|q| content.asks_role(q, role))
        });
    }

    /// Goes to the result once every screen of statements is complete; else to the first that is
    /// not, its unanswered statements marked (the review screen lets a respondent leave one
    /// unfinished and jump ahead).
    fn finish(&mut self, content: &Content) {
        for n in 0..self.screens(content).len() {
            self.screen = Screen::Section(n);
            self.unanswered = self.missing_in_current(content);
            if !self.unanswered.is_empty() {
                return;
            }
        }
        self.screen = Screen::Result;
    }

    /// Required questions of the current screen without an answer, in order.
    pub fn missing_in_current(&self, content: &Content) -> Vec<String> {
        let Some(part) = self.current_part(content) else {
            return Vec::new();
        };
        content
            .questions_on(&part, self.role.as_deref(), &self.answers)
            .filter(|q| q.required && !self.answers.contains_key(&q.id))
            .map(|q| q.id.clone())
            .collect()
    }

    /// Questions asked of this respondent and how many have an answer (including "don't know").
    pub fn progress(&self, content: &Content) -> (usize, usize) {
        let role = self.role.as_deref();
        let asked: Vec<_> = content
            .questions
            .iter()
            .filter(|q| content.counts(q, role, &self.answers))
            .collect();
        let done = asked
            .iter()
            .filter(|q| self.answers.contains_key(&q.id))
            .count();
        (done, asked.len())
    }

    /// Scores, classification and plan for the answers so far.
    /// [`Session::diagnose`], the session given up: its answers become the diagnosis's.
    pub fn into_diagnosis(self, content: &Content) -> Diagnosis {
        let mut d =
            Diagnosis::compute_owned(content, self.role.as_deref(), self.answers, &self.materials);
        d.made = self.made;
        d.targets = self.targets;
        d
    }

    pub fn diagnose(&self, content: &Content) -> Diagnosis {
        let mut d = Diagnosis::compute(
            content,
            self.role.as_deref(),
            &self.answers,
            &self.materials,
        );
        d.made = self.made.clone();
        d.targets = self.targets.clone();
        d
    }

    /// The saved form, for resuming on this device.
    pub fn snapshot(&self, content: &Questionnaire) -> Snapshot {
        Snapshot {
            format: SNAPSHOT_FORMAT.to_string(),
            format_version: SNAPSHOT_VERSION,
            content_id: content.id.clone(),
            content_version: content.content_version.clone(),
            fingerprint: content.fingerprint().to_string(),
            role: self.role.clone(),
            answers: self.answers.clone(),
            ticked: marked(&self.materials, Material::Has),
            lacking: marked(&self.materials, Material::Lacks),
            unsure: marked(&self.materials, Material::Unsure),
            screen: self.screen,
            lang: self.lang.clone(),
            made: self.made.clone(),
            targets: self.targets.clone(),
        }
    }

    /// Rebuilds a session from its saved form, refusing one saved for other content or one whose
    /// answers do not fit this content. The saved form is given up: its answers are moved into
    /// the session, not copied (copying and then dropping them was a tenth of checking a result
    /// file, which the office page does thousands of times).
    pub fn restore(content: &Questionnaire, snap: Snapshot) -> Result<Session, RestoreError> {
        if snap.format != SNAPSHOT_FORMAT || !(1..=SNAPSHOT_VERSION).contains(&snap.format_version)
        {
            return Err(RestoreError::UnknownFormat);
        }
        let retired = snap.format_version == 1;
        if !content.made_with(
            &snap.content_id,
            &snap.content_version,
            &snap.fingerprint,
            retired,
        ) {
            return Err(RestoreError::OtherContent {
                saved_version: super::validate::excerpt(&snap.content_version, 20),
            });
        }
        let mut session = Session::new();
        let begin = match &snap.role {
            Some(role) => Action::ChooseRole(role.clone()),
            None => Action::Begin,
        };
        let begun = session.apply(content, begin);
        if !begun && (snap.role.is_some() || snap.screen != Screen::Start) {
            return Err(RestoreError::Inconsistent);
        }
        // Each answer as `Action::Answer` would record it, without `apply`'s copy of the whole
        // session per answer (quadratic in the answers: the office page restores thousands).
        for (question, answer) in snap.answers {
            if !session.answer(content, question, answer) {
                return Err(RestoreError::Inconsistent);
            }
        }
        for (items, state) in [
            (&snap.ticked, Material::Has),
            (&snap.lacking, Material::Lacks),
            (&snap.unsure, Material::Unsure),
        ] {
            for item in items {
                // An item listed twice (in two states) or unknown to the content: tampered.
                if session.materials.contains_key(item)
                    || !session.apply(
                        content,
                        Action::Mark {
                            item: item.clone(),
                            state,
                        },
                    )
                {
                    return Err(RestoreError::Inconsistent);
                }
            }
        }
        for (dimension, level) in &snap.targets {
            let action = Action::Target {
                dimension: dimension.clone(),
                level: Some(*level),
            };
            if !session.apply(content, action) {
                return Err(RestoreError::Inconsistent);
            }
        }
        // (The parts are listed only for a session saved on one: a result, read by the thousand
        // in the office page, is on the result screen.)
        session.screen = match snap.screen {
            Screen::Section(n) if n < session.screens(content).len() => snap.screen,
            Screen::Start => snap.screen,
            Screen::Result | Screen::Review if begun => snap.screen,
            _ => return Err(RestoreError::Inconsistent),
        };
        // A language the content lacks is dropped, not held against the answers.
        if let Some(lang) = &snap.lang {
            session.apply(content, Action::ChooseLanguage(lang.clone()));
        }
        // Kept only if it starts with a day, and never longer than a timestamp.
        session.made = snap
            .made
            .as_deref()
            .filter(|m| day_of(m).is_some())
            .map(|m| super::validate::excerpt(m, 40));
        Ok(session)
    }
}

/// Marks a saved session, so that another program's data in the same storage key is not misread.
pub const SNAPSHOT_FORMAT: &str = "kintone-diagnosis-session";
/// Version of the saved-session layout. 6: the screen may be the review screen (`"review"`),
/// and the same layout is the file of unfinished answers a respondent saves; 5: with the maturity targets (`targets`); 4: materials known to be missing or unknown (`lacking`,
/// `unsure`) beside those there (`ticked`); 3: with the respondent's language; 2: the fingerprint is
/// the canonical one (`core::fingerprint`); 1 carries the retired one. All are read; an
/// older build takes a layout it does not know for a newer build's and leaves it untouched.
pub const SNAPSHOT_VERSION: u32 = 6;

/// A session as saved on the device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Snapshot {
    pub format: String,
    pub format_version: u32,
    pub content_id: String,
    pub content_version: String,
    pub fingerprint: String,
    pub role: Option<String>,
    pub answers: Answers,
    /// Checklist items marked there (ある), missing (ない) and unknown (わからない).
    pub ticked: Vec<String>,
    pub lacking: Vec<String>,
    pub unsure: Vec<String>,
    pub screen: Screen,
    pub lang: Option<String>,
    /// [`Session::made`].
    pub made: Option<String>,
    /// [`Session::targets`].
    pub targets: Map<u32>,
}

/// The day (`YYYY-MM-DD`) a timestamp such as a result file's `created` starts with, if it
/// starts with one: a file can carry anything there, and only a date is shown.
pub fn day_of(stamp: &str) -> Option<String> {
    let day = stamp.get(..10)?;
    let shape = day.bytes().enumerate().all(|(i, b)| match i {
        4 | 7 => b == b'-',
        _ => b.is_ascii_digit(),
    });
    shape.then(|| day.to_string())
}

/// The ids of the items marked `state`, in byte order (as saved files list them).
pub fn marked(materials: &Map<Material>, state: Material) -> Vec<String> {
    materials
        .iter()
        .filter(|(_, s)| **s == state)
        .map(|(id, _)| id.clone())
        .collect()
}

/// Why a saved session cannot be resumed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestoreError {
    /// Not a saved session of this widget, or a layout this version cannot read.
    UnknownFormat,
    /// Saved with another questionnaire or another version of it.
    OtherContent { saved_version: String },
    /// Names roles, questions, values or screens this content does not have.
    Inconsistent,
}

/// What storage held for this widget when it started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    Nothing,
    Session(Session),
    /// Saved by a newer build: in a newer layout, or for a later version of this questionnaire
    /// (the version it names). Left untouched: this build must not erase or overwrite it.
    Newer(String),
    /// Saved with an earlier or another version of the questionnaire (the version it names).
    OtherVersion(String),
    /// Unreadable, or not a session of this questionnaire's shape.
    Corrupt,
}

impl Saved {
    /// What a saved text, read for `content`, amounts to.
    pub fn read(content: &Questionnaire, text: &str) -> Saved {
        let Some(snapshot) = super::read::snapshot(text) else {
            return Saved::Corrupt;
        };
        let version = || super::validate::excerpt(&snapshot.content_version, 20);
        // The key names the questionnaire: anything else under it is not a session of ours.
        if snapshot.format != SNAPSHOT_FORMAT || snapshot.content_id != content.id {
            return Saved::Corrupt;
        }
        if snapshot.format_version > SNAPSHOT_VERSION
            || later_version(&snapshot.content_version, &content.content_version)
        {
            return Saved::Newer(version());
        }
        let saved_version = version();
        match Session::restore(content, snapshot) {
            Ok(session) => Saved::Session(session),
            Err(RestoreError::OtherContent { .. }) => Saved::OtherVersion(saved_version),
            Err(_) => Saved::Corrupt,
        }
    }
}

/// Whether version `a` comes after `b`, comparing their numbers part by part ("2026.12.1" after
/// "2026.11.2"; "10" after "9"). Versions that are not dotted numbers are never called later.
pub fn later_version(a: &str, b: &str) -> bool {
    let numeric = |v: &str| {
        !v.is_empty()
            && v.split('.')
                .all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()))
    };
    if !numeric(a) || !numeric(b) {
        return false;
    }
    // Part by part, as numbers: a longer run of digits (without leading zeros) is larger.
    let key = |p: &str| {
        let p = p.trim_start_matches('0');
        (p.len(), p.to_string())
    };
    let (a, b): (Vec<_>, Vec<_>) = (
        a.split('.').map(key).collect(),
        b.split('.').map(key).collect(),
    );
    a > b
}

/// What the widget tells the respondent when it opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpeningNote {
    /// The saved answers were continued without asking (no start screen to ask on).
    Resumed,
    /// A newer build's saved answers are there, kept as they are: this widget saves nothing.
    Newer(String),
    OtherVersion(String),
    Corrupt,
}

/// How the widget opens: the session shown, a saved session offered (never forced), and a note.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Opening {
    pub session: Session,
    pub resume: Option<Session>,
    pub note: Option<OpeningNote>,
}

/// The resume policy. A saved session is offered on the start screen, to be continued or
/// declined. A widget that starts at the questions (`skip_intro`, content without roles only) has
/// no start screen to offer it on, and would not save while an offer is open: it continues the
/// saved answers instead, and says so.
pub fn opening(content: &Content, saved: Saved, skip_intro: bool) -> Opening {
    let mut session = Session::new();
    if skip_intro {
        session.apply(content, Action::Begin);
    }
    let mut out = Opening {
        session,
        resume: None,
        note: None,
    };
    match saved {
        Saved::Session(saved) if skip_intro && saved.screen != Screen::Start => {
            out.session = saved;
            out.note = Some(OpeningNote::Resumed);
        }
        Saved::Session(saved) if saved != Session::new() => out.resume = Some(saved),
        Saved::Newer(v) => out.note = Some(OpeningNote::Newer(v)),
        Saved::OtherVersion(v) => out.note = Some(OpeningNote::OtherVersion(v)),
        Saved::Corrupt => out.note = Some(OpeningNote::Corrupt),
        _ => {}
    }
    out
}
