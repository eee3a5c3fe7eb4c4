//! The content checker: every problem in a questionnaire at once, each with its path.
//!
//! The same checker guards the shipped content (in a native test), a consultancy's custom
//! content (shown inside the widget), and `cargo xtask check-content`.

use super::content::{Condition, Content, Text, FORMAT_VERSION, MAX_STEPS};
use std::fmt;

/// The highest weight a choice may give a dimension. Weights start at 0.
pub const MAX_WEIGHT: i32 = 10;

/// One thing wrong with the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where, e.g. `questions[12].choices[3].weights.finance`.
    pub path: String,
    /// What is wrong, in plain words.
    pub message: String,
}

/// The longest id (and questionnaire version) accepted, in bytes: ids are names, not texts.
pub const MAX_ID: usize = 64;
const TOO_LONG: &str = "longer than 64 characters";

impl Problem {
    /// A problem whose path and message are cut to a readable length: both may quote what the
    /// file says, and a file can say anything (a five-megabyte id).
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem::cut(path.into(), message.into())
    }

    // Once in the wasm, not inlined into each of the validator's many calls.
    #[inline(never)]
    fn cut(path: String, message: String) -> Problem {
        Problem {
            path: excerpt(&path, 200),
            message: excerpt(&message, 300),
        }
    }
}

/// `s` cut to at most `max` characters, with "…" where it was cut.
pub fn excerpt(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => {
            let mut out = s[..at].to_string();
            out.push('…');
            out
        }
        None => s.to_string(),
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Checks `content` and returns every problem found, in document order. Empty means valid.
pub fn validate(content: &Content) -> Vec<Problem> {
    let mut v = Validator {
        c: content,
        problems: Vec::new(),
    };
    v.run();
    v.problems
}

struct Validator<'a> {
    c: &'a Content,
    problems: Vec<Problem>,
}

/// Ids of one kind, for duplicate and dangling-reference checks. A plain list: content has tens
/// of ids per kind, and a set type would add kilobytes of wasm for nothing.
#[derive(Default)]
struct Ids<'a>(Vec<&'a str>);

impl<'a> Ids<'a> {
    /// Adds `id`; false if it was there already.
    fn insert(&mut self, id: &'a str) -> bool {
        let new = !self.contains(id);
        if new {
            self.0.push(id);
        }
        new
    }

    fn contains(&self, id: &str) -> bool {
        self.0.contains(&id)
    }
}

impl<'a> Validator<'a> {
    fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    fn run(&mut self) {
        let c = self.c;
        if c.format_version != FORMAT_VERSION {
            self.problem(
                "format_version",
                format!(
                    "unknown format version {} (this widget reads version {FORMAT_VERSION})",
                    c.format_version
                ),
            );
            // Field meanings may differ in another version; further problems would mislead.
            return;
        }
        if c.id.trim().is_empty() {
            self.problem("id", "missing id");
        }
        if c.content_version.trim().is_empty() {
            self.problem("content_version", "missing content version");
        }
        // They name the storage key and every saved file, and are quoted in messages.
        if c.id.len() > MAX_ID {
            self.problem("id", TOO_LONG);
        }
        if c.content_version.len() > MAX_ID {
            self.problem("content_version", TOO_LONG);
        }
        if c.languages.is_empty() {
            self.problem("languages", "no language listed");
        }
        let mut langs = Ids::default();
        for (i, l) in c.languages.iter().enumerate() {
            if !langs.insert(l.as_str()) {
                self.problem(
                    format!("languages[{i}]"),
                    format!("duplicate language '{l}'"),
                );
            }
        }
        self.text("title", &c.title);
        self.text("intro", &c.intro);

        let roles = self.ids("roles", c.roles.iter().map(|r| r.id.as_str()));
        for (i, r) in c.roles.iter().enumerate() {
            self.text(format!("roles[{i}].label"), &r.label);
            self.text(format!("roles[{i}].description"), &r.description);
        }
        let groups = self.ids("groups", c.groups.iter().map(|g| g.id.as_str()));
        for (i, g) in c.groups.iter().enumerate() {
            self.text(format!("groups[{i}].label"), &g.label);
        }
        let dims = self.ids("dimensions", c.dimensions.iter().map(|d| d.id.as_str()));
        if c.dimensions.is_empty() {
            self.problem("dimensions", "no dimension to score");
        }
        for (i, d) in c.dimensions.iter().enumerate() {
            self.reference(format!("dimensions[{i}].group"), &d.group, &groups, "group");
            self.text(format!("dimensions[{i}].label"), &d.label);
            self.text(format!("dimensions[{i}].summary"), &d.summary);
        }
        self.bands();
        if c.min_answers == 0 {
            self.problem("min_answers", "must be at least 1");
        }
        if c.max_primary == 0 {
            self.problem("max_primary", "must be at least 1");
        }
        let scales = self.ids("scales", c.scales.iter().map(|s| s.id.as_str()));
        for (i, s) in c.scales.iter().enumerate() {
            if s.choices.len() < 2 {
                self.problem(
                    format!("scales[{i}].choices"),
                    "a scale needs at least two choices",
                );
            }
            self.ids(
                &format!("scales[{i}].choices"),
                s.choices.iter().map(|ch| ch.value.as_str()),
            );
            for (j, ch) in s.choices.iter().enumerate() {
                self.text(format!("scales[{i}].choices[{j}].label"), &ch.label);
            }
            if let Some(dk) = &s.dont_know {
                self.text(format!("scales[{i}].dont_know"), dk);
            }
        }
        let sections = self.ids("sections", c.sections.iter().map(|s| s.id.as_str()));
        for (i, s) in c.sections.iter().enumerate() {
            self.text(format!("sections[{i}].title"), &s.title);
            if let Some(intro) = &s.intro {
                self.text(format!("sections[{i}].intro"), intro);
            }
            if !c.questions.iter().any(|q| q.section == s.id) {
                self.problem(
                    format!("sections[{i}]"),
                    format!("section '{}' has no question", s.id),
                );
            }
        }
        self.ids("questions", c.questions.iter().map(|q| q.id.as_str()));
        if c.questions.is_empty() {
            self.problem("questions", "no question");
        }
        for i in 0..c.questions.len() {
            self.question(i, &sections, &scales, &roles, &dims);
        }
        self.stage();
        self.coverage();
        let owners = self.ids("owners", c.owners.iter().map(|o| o.id.as_str()));
        for (i, o) in c.owners.iter().enumerate() {
            self.text(format!("owners[{i}].label"), &o.label);
            for (j, r) in o.roles.iter().enumerate() {
                self.reference(format!("owners[{i}].roles[{j}]"), r, &roles, "role");
            }
        }
        let timeframes = self.ids("timeframes", c.timeframes.iter().map(|t| t.id.as_str()));
        for (i, t) in c.timeframes.iter().enumerate() {
            self.text(format!("timeframes[{i}].label"), &t.label);
        }
        let steps = self.ids("steps", c.steps.iter().map(|s| s.id.as_str()));
        for (i, s) in c.steps.iter().enumerate() {
            self.reference(format!("steps[{i}].owner"), &s.owner, &owners, "owner");
            self.reference(
                format!("steps[{i}].timeframe"),
                &s.timeframe,
                &timeframes,
                "timeframe",
            );
            self.text(format!("steps[{i}].text"), &s.text);
            self.text(format!("steps[{i}].rationale"), &s.rationale);
            if s.family.is_empty() {
                self.problem(format!("steps[{i}].family"), "missing family");
            }
            self.step_owners(i, &owners);
        }
        if c.min_share > 100 {
            self.problem("min_share", "a share is at most 100 (percent)");
        }
        if c.max_steps as usize > MAX_STEPS {
            self.problem(
                "max_steps",
                format!("a plan holds at most {MAX_STEPS} steps"),
            );
        }
        let items = self.ids(
            "checklist.items",
            c.checklist.items.iter().map(|it| it.id.as_str()),
        );
        if !c.checklist.items.is_empty() {
            self.text("checklist.title", &c.checklist.title);
        }
        if let Some(d) = &c.checklist.dimension {
            self.reference("checklist.dimension".into(), d, &dims, "dimension");
        }
        for (i, it) in c.checklist.items.iter().enumerate() {
            self.text(format!("checklist.items[{i}].label"), &it.label);
            self.text(format!("checklist.items[{i}].detail"), &it.detail);
            self.material_question(i);
        }
        self.maturity();
        self.ids(
            "recommendations",
            c.recommendations.iter().map(|r| r.id.as_str()),
        );
        let refs = Refs {
            roles: &roles,
            dims: &dims,
            items: &items,
        };
        for (i, r) in c.recommendations.iter().enumerate() {
            self.reference(
                format!("recommendations[{i}].step"),
                &r.step,
                &steps,
                "step",
            );
            if let Some(d) = &r.dimension {
                self.reference(
                    format!("recommendations[{i}].dimension"),
                    d,
                    &dims,
                    "dimension",
                );
            }
            if r.priority == 0 {
                self.problem(
                    format!("recommendations[{i}].priority"),
                    "priority starts at 1",
                );
            }
            let path = format!("recommendations[{i}].when");
            self.condition(&path, &r.when, &refs);
            if self.dangling_free(&r.when, &refs) && !self.can_hold(&r.when) {
                self.problem(path, "this condition can never hold");
            }
        }
        for (i, s) in c.steps.iter().enumerate() {
            if !c.recommendations.iter().any(|r| r.step == s.id) {
                self.problem(
                    format!("steps[{i}]"),
                    format!("no recommendation points to step '{}'", s.id),
                );
            }
        }
    }

    /// Checks ids of one kind: present, well-formed, unique. Returns the set for references.
    fn ids<'i>(&mut self, kind: &str, ids: impl Iterator<Item = &'i str>) -> Ids<'i> {
        let mut seen = Ids::default();
        for (i, id) in ids.enumerate() {
            if id.is_empty() {
                self.problem(format!("{kind}[{i}].id"), "missing id");
            } else if id.len() > MAX_ID {
                self.problem(format!("{kind}[{i}].id"), TOO_LONG);
            } else if !id
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || "_-.".contains(ch))
            {
                self.problem(
                    format!("{kind}[{i}].id"),
                    format!("id '{id}' may use only ASCII letters, digits, '_', '-' and '.'"),
                );
            } else if !seen.insert(id) {
                self.problem(format!("{kind}[{i}].id"), format!("duplicate id '{id}'"));
            }
        }
        seen
    }

    fn reference(&mut self, path: String, id: &str, known: &Ids<'_>, kind: &str) {
        if id.is_empty() {
            self.problem(path, format!("missing {kind}"));
        } else if !known.contains(id) {
            self.problem(path, format!("unknown {kind} '{id}'"));
        }
    }

    /// Every language of the content is present and not blank.
    fn text(&mut self, path: impl Into<String>, text: &Text) {
        let path = path.into();
        if text.is_empty() {
            self.problem(path, "missing text");
            return;
        }
        for lang in &self.c.languages {
            match text.get(lang) {
                None => self.problem(format!("{path}.{lang}"), "missing translation"),
                Some(t) if t.trim().is_empty() => {
                    self.problem(format!("{path}.{lang}"), "empty text")
                }
                Some(_) => {}
            }
        }
        for lang in text.keys() {
            if !self.c.languages.contains(lang) {
                self.problem(
                    format!("{path}.{lang}"),
                    format!("language '{lang}' is not listed in languages"),
                );
            }
        }
    }

    fn bands(&mut self) {
        let bands = &self.c.bands;
        self.ids("bands", bands.iter().map(|b| b.id.as_str()));
        match bands.first() {
            None => self.problem("bands", "no severity band"),
            Some(b) if b.min != 0 => self.problem("bands[0].min", "the first band must start at 0"),
            Some(_) => {}
        }
        for (i, b) in bands.iter().enumerate() {
            self.text(format!("bands[{i}].label"), &b.label);
            if b.min > 100 {
                self.problem(format!("bands[{i}].min"), format!("{} is above 100", b.min));
            } else if i > 0 && b.min <= bands[i - 1].min {
                self.problem(format!("bands[{i}].min"), "bands must rise strictly");
            }
        }
    }

    fn question(
        &mut self,
        i: usize,
        sections: &Ids<'_>,
        scales: &Ids<'_>,
        roles: &Ids<'_>,
        dims: &Ids<'_>,
    ) {
        let c = self.c;
        let q = &c.questions[i];
        let p = format!("questions[{i}]");
        self.reference(format!("{p}.section"), &q.section, sections, "section");
        self.text(format!("{p}.text"), &q.text);
        for (j, r) in q.roles.iter().enumerate() {
            self.reference(format!("{p}.roles[{j}]"), r, roles, "role");
        }
        for (r, text) in &q.wording {
            self.reference(format!("{p}.wording.{r}"), r, roles, "role");
            if !q.roles.is_empty() && !q.roles.contains(r) {
                self.problem(
                    format!("{p}.wording.{r}"),
                    format!("role '{r}' is not asked this question"),
                );
            }
            self.text(format!("{p}.wording.{r}"), text);
        }
        self.reference(format!("{p}.scale"), &q.scale, scales, "scale");
        let Some(scale) = c.scale(&q.scale) else {
            return;
        };
        if q.dont_know && scale.dont_know.is_none() {
            self.problem(
                format!("{p}.dont_know"),
                format!("scale '{}' has no \"don't know\" label", scale.id),
            );
        }
        let mut seen = Ids::default();
        for (j, ch) in q.choices.iter().enumerate() {
            if !scale.choices.iter().any(|s| s.value == ch.value) {
                self.problem(
                    format!("{p}.choices[{j}].value"),
                    format!("'{}' is not a value of scale '{}'", ch.value, scale.id),
                );
            } else if !seen.insert(ch.value.as_str()) {
                self.problem(
                    format!("{p}.choices[{j}].value"),
                    format!("duplicate value '{}'", ch.value),
                );
            }
            for (d, &w) in &ch.weights {
                let wp = format!("{p}.choices[{j}].weights.{d}");
                self.reference(wp.clone(), d, dims, "dimension");
                if !(0..=MAX_WEIGHT).contains(&w) {
                    self.problem(wp, format!("weight {w} is outside 0 to {MAX_WEIGHT}"));
                }
            }
        }
        for s in &scale.choices {
            if !seen.contains(s.value.as_str()) {
                self.problem(
                    format!("{p}.choices"),
                    format!("no weights for scale value '{}'", s.value),
                );
            }
        }
        // A dimension weighed by some choices but not others would make "no weight" mean 0 silently.
        let mut weighed: Vec<&str> = Vec::new();
        for d in q.choices.iter().flat_map(|ch| ch.weights.keys()) {
            // Kept sorted, as the problems are reported in dimension-name order.
            if let Err(at) = weighed.binary_search(&d.as_str()) {
                weighed.insert(at, d);
            }
        }
        for d in &weighed {
            for (j, ch) in q.choices.iter().enumerate() {
                if !ch.weights.contains_key(d) {
                    self.problem(
                        format!("{p}.choices[{j}].weights"),
                        format!("no weight for dimension '{d}'"),
                    );
                }
            }
        }
        if !c.is_stage(q)
            && !weighed
                .iter()
                .any(|d| c.weight_range(q, d).is_some_and(|(lo, hi)| hi > lo))
        {
            self.problem(
                format!("{p}.choices"),
                "the answer moves no dimension: every choice weighs the same",
            );
        }
    }

    /// A step's owner is another position than the one it delivers to, and every role that does
    /// not hold the owner (and so sees the step as a proposal) has a sentence to ask with.
    fn step_owners(&mut self, i: usize, owners: &Ids<'_>) {
        let c = self.c;
        let s = &c.steps[i];
        let owner = c.owners.iter().find(|o| o.id == s.owner);
        if let Some(to) = &s.to {
            self.reference(format!("steps[{i}].to"), to, owners, "owner");
            let to = c.owners.iter().find(|o| &o.id == to);
            if let (Some(owner), Some(to)) = (owner, to) {
                let shared = owner.roles.iter().find(|r| to.roles.contains(r));
                if owner.id == to.id || shared.is_some() {
                    let who = shared.map_or(owner.id.as_str(), String::as_str);
                    self.problem(
                        format!("steps[{i}].to"),
                        format!("step '{}' has '{who}' deliver to itself", s.id),
                    );
                }
            }
        }
        let proposed = c
            .roles
            .iter()
            .any(|r| owner.is_some_and(|o| !o.roles.contains(&r.id)));
        if proposed {
            self.text(format!("steps[{i}].ask"), &s.ask);
        }
    }

    /// A material's statement exists and the answers that prefill it are its choices, each
    /// meaning one thing.
    fn material_question(&mut self, i: usize) {
        let c = self.c;
        let it = &c.checklist.items[i];
        let path = format!("checklist.items[{i}]");
        let Some(id) = &it.question else {
            if !it.has.is_empty() || !it.lacks.is_empty() {
                self.problem(
                    format!("{path}.question"),
                    "answers to prefill from, but no question",
                );
            }
            return;
        };
        let Some(q) = c.question(id) else {
            self.problem(
                format!("{path}.question"),
                format!("unknown question '{id}'"),
            );
            return;
        };
        for (name, values) in [("has", &it.has), ("lacks", &it.lacks)] {
            if values.is_empty() {
                self.problem(format!("{path}.{name}"), "no answer listed");
            }
            for (j, v) in values.iter().enumerate() {
                if !q.choices.iter().any(|ch| &ch.value == v) {
                    self.problem(
                        format!("{path}.{name}[{j}]"),
                        format!("'{v}' is not a choice of question '{id}'"),
                    );
                } else if name == "lacks" && it.has.contains(v) {
                    self.problem(
                        format!("{path}.{name}[{j}]"),
                        format!("'{v}' would mean both there and missing"),
                    );
                }
            }
        }
    }

    /// The stage question routes: asked first and alone, of everyone, with a stage always
    /// chosen (no "don't know"), weighing nothing; and every statement's stages are its values.
    fn stage(&mut self) {
        let c = self.c;
        let stage = match c.stage_question.as_deref() {
            None => None,
            Some(id) => {
                let found = c.questions.iter().position(|q| q.id == id);
                if found.is_none() {
                    self.problem("stage_question", format!("unknown question '{id}'"));
                }
                found
            }
        };
        if let Some(i) = stage {
            let q = &c.questions[i];
            let first = c.sections.first().is_some_and(|s| s.id == q.section);
            if !first
                || c.questions
                    .iter()
                    .any(|o| o.section == q.section && o.id != q.id)
                || !q.roles.is_empty()
                || q.dont_know
                || !q.required
                || !q.stages.is_empty()
                || q.choices.iter().any(|ch| !ch.weights.is_empty())
            {
                self.problem(
                    format!("questions[{i}]"),
                    "the stage question is alone in the first section (answered before the statements it routes), asked of every role at every stage, required, without \"don't know\", and weighs nothing",
                );
            }
        }
        for (i, q) in c.questions.iter().enumerate() {
            let mut seen = Ids::default();
            for (j, s) in q.stages.iter().enumerate() {
                let known =
                    stage.is_some_and(|k| c.questions[k].choices.iter().any(|ch| &ch.value == s));
                if !known || !seen.insert(s.as_str()) {
                    self.problem(
                        format!("questions[{i}].stages[{j}]"),
                        format!("'{s}' is not a stage (a value of the stage question), or is listed twice"),
                    );
                }
            }
        }
    }

    /// Maturity levels: two to ten, in words; each cap a stage's, below the top level (the top is
    /// a target, never a self-assessment).
    fn maturity(&mut self) {
        let m = &self.c.maturity;
        if !m.levels.is_empty() && !(2..=10).contains(&m.levels.len()) {
            self.problem("maturity.levels", "two to ten levels");
        }
        for (i, l) in m.levels.iter().enumerate() {
            self.text(format!("maturity.levels[{i}]"), l);
        }
        let stages = self.c.stages();
        for (stage, cap) in &m.caps {
            let known = stages.contains(&Some(stage.as_str()));
            if !known || *cap as usize + 2 > m.levels.len() {
                self.problem(
                    format!("maturity.caps.{stage}"),
                    "not a stage, or a cap at or above the top level",
                );
            }
        }
    }

    /// Every dimension can be scored by every role at every stage: enough questions speak to it.
    fn coverage(&mut self) {
        let c = self.c;
        let roles = c.respondents();
        let stages = c.stages();
        for (i, d) in c.dimensions.iter().enumerate() {
            for (role, stage) in roles
                .iter()
                .flat_map(|r| stages.iter().map(move |s| (r, s)))
            {
                let n = c
                    .questions
                    .iter()
                    .filter(|q| {
                        c.asks_at(q, *role, *stage)
                            && c.weight_range(q, &d.id).is_some_and(|(lo, hi)| hi > lo)
                    })
                    .count() as u32;
                if n < c.min_answers {
                    let mut who = role.map(|r| format!(" for role '{r}'")).unwrap_or_default();
                    if let Some(s) = stage {
                        who.push_str(&format!(" at stage '{s}'"));
                    }
                    self.problem(
                        format!("dimensions[{i}]"),
                        format!(
                            "dimension '{}' has {n} question(s){who}; at least {} are needed to score it",
                            d.id, c.min_answers
                        ),
                    );
                }
            }
        }
    }

    fn condition(&mut self, path: &str, cond: &Condition, refs: &Refs<'_>) {
        match cond {
            Condition::All(list) | Condition::Any(list) => {
                let kind = if matches!(cond, Condition::All(_)) {
                    "all"
                } else {
                    "any"
                };
                for (i, c) in list.iter().enumerate() {
                    self.condition(&format!("{path}.{kind}[{i}]"), c, refs);
                }
            }
            Condition::Severity(s) => {
                self.reference(
                    format!("{path}.severity.dimension"),
                    &s.dimension,
                    refs.dims,
                    "dimension",
                );
                for (name, band) in [("at_least", &s.at_least), ("at_most", &s.at_most)] {
                    if let Some(b) = band {
                        if self.c.band_index(b).is_none() {
                            self.problem(
                                format!("{path}.severity.{name}"),
                                format!("unknown band '{b}'"),
                            );
                        }
                    }
                }
            }
            Condition::Answer(a) => {
                let Some(q) = self.c.question(&a.question) else {
                    let msg = if a.question.is_empty() {
                        "missing question".to_string()
                    } else {
                        format!("unknown question '{}'", a.question)
                    };
                    self.problem(format!("{path}.answer.question"), msg);
                    return;
                };
                for (i, v) in a.values.iter().enumerate() {
                    if !q.choices.iter().any(|ch| &ch.value == v) {
                        self.problem(
                            format!("{path}.answer.in[{i}]"),
                            format!("'{v}' is not a choice of question '{}'", q.id),
                        );
                    }
                }
            }
            Condition::Missing(item) | Condition::Unknown(item) => {
                let kind = if matches!(cond, Condition::Missing(_)) {
                    "missing"
                } else {
                    "unknown"
                };
                self.reference(format!("{path}.{kind}"), item, refs.items, "checklist item")
            }
            Condition::Role(role) => {
                self.reference(format!("{path}.role"), role, refs.roles, "role")
            }
        }
    }

    /// Whether every reference in the condition resolves (so `can_hold` may look them up).
    fn dangling_free(&self, cond: &Condition, refs: &Refs<'_>) -> bool {
        match cond {
            Condition::All(l) | Condition::Any(l) => l.iter().all(|c| self.dangling_free(c, refs)),
            Condition::Severity(s) => {
                refs.dims.contains(s.dimension.as_str())
                    && [&s.at_least, &s.at_most]
                        .iter()
                        .all(|b| b.as_ref().is_none_or(|b| self.c.band_index(b).is_some()))
            }
            Condition::Answer(a) => self.c.question(&a.question).is_some(),
            Condition::Missing(i) | Condition::Unknown(i) => refs.items.contains(i.as_str()),
            Condition::Role(r) => refs.roles.contains(r.as_str()),
        }
    }

    /// A conservative test: `false` only for conditions that provably never hold.
    fn can_hold(&self, cond: &Condition) -> bool {
        let c = self.c;
        match cond {
            Condition::All(l) => l.iter().all(|x| self.can_hold(x)) && !contradicts(l),
            Condition::Any(l) => l.iter().any(|x| self.can_hold(x)),
            Condition::Severity(s) => {
                let lo = s
                    .at_least
                    .as_deref()
                    .and_then(|b| c.band_index(b))
                    .unwrap_or(0);
                let hi = s
                    .at_most
                    .as_deref()
                    .and_then(|b| c.band_index(b))
                    .unwrap_or(usize::MAX);
                let scorable = c
                    .questions
                    .iter()
                    .any(|q| c.weight_range(q, &s.dimension).is_some_and(|(l, h)| h > l));
                lo <= hi && scorable
            }
            Condition::Answer(a) => c.question(&a.question).is_some_and(|q| {
                a.values
                    .iter()
                    .any(|v| q.choices.iter().any(|ch| &ch.value == v))
            }),
            Condition::Missing(_) | Condition::Unknown(_) => true,
            Condition::Role(_) => true,
        }
    }
}

/// Two different roles required together can never both hold.
fn contradicts(list: &[Condition]) -> bool {
    let mut roles = list.iter().filter_map(|c| {
        if let Condition::Role(r) = c {
            Some(r.as_str())
        } else {
            None
        }
    });
    roles.next().is_some_and(|first| roles.any(|r| r != first))
}

struct Refs<'a> {
    roles: &'a Ids<'a>,
    dims: &'a Ids<'a>,
    items: &'a Ids<'a>,
}
