//! The office view's arithmetic: many respondents' result files gathered on the
//! device, the groups shown (small ones merged so that nobody can be singled out), each group's
//! median and spread per blocker, and where two groups see the office differently.
//!
//! Pure and deterministic like the rest of the core; the office page renders from it (through
//! `core::desk`).

use super::export::{import_diagnosed, ImportError, ResultExport};
use super::fingerprint::Questionnaire;
use super::read::{self, NotRead};
use super::scoring::Answer;
use super::Diagnosis;

/// The fewest respondents a role is shown with on its own (outside workshop mode).
pub const MIN_GROUP: usize = 3;

/// One respondent as gathered: the file as read, and the diagnosis recomputed from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Gathered {
    pub file: ResultExport,
    pub diagnosis: Diagnosis,
    /// Each question's answer, by the question's place in the content, as the place of the
    /// choice in its scale, or [`DONT_KNOW`] or [`UNANSWERED`]: taken once, as the file is
    /// gathered, so that counting 10,000 respondents' answers compares numbers.
    pub chosen: Vec<u16>,
    /// Each step of the diagnosis's plan as the place of the step in the content, with its
    /// priority (a step the content does not have is left out): taken once, as the file is
    /// gathered, so that merging 10,000 plans compares numbers, where following each step's
    /// name was most of the time to compute the office's findings.
    pub steps: Vec<(usize, u32)>,
}

/// In [`Gathered::chosen`]: answered "don't know".
pub const DONT_KNOW: u16 = u16::MAX - 1;
/// In [`Gathered::chosen`]: not answered (or not with a choice of its scale).
pub const UNANSWERED: u16 = u16::MAX;

/// A result's answers as [`Gathered::chosen`] holds them: its answers (in id order) walked
/// beside the questions in id order.
fn chosen(content: &Questionnaire, answers: &super::Answers) -> Vec<u16> {
    let questions = &content.questions;
    let mut out = vec![UNANSWERED; questions.len()];
    let by_id = content.questions_by_id();
    let mut at = 0;
    for (id, answer) in answers.iter() {
        while by_id
            .get(at)
            .is_some_and(|&k| questions[k].id.as_str() < id.as_str())
        {
            at += 1;
        }
        let Some(&k) = by_id.get(at) else {
            break;
        };
        if questions[k].id != *id {
            continue;
        }
        out[k] = match answer {
            Answer::DontKnow => DONT_KNOW,
            Answer::Choice(v) => (content.scale(&questions[k].scale))
                .and_then(|s| s.choices.iter().position(|c| &c.value == v))
                .and_then(|i| u16::try_from(i).ok())
                .filter(|i| *i < DONT_KNOW)
                .unwrap_or(UNANSWERED),
        };
    }
    out
}

/// Why one file was not gathered (the others are not affected).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Nothing in it (an empty file).
    Empty,
    NotJson,
    TooLarge,
    /// JSON, but not a result file of this widget.
    NotAResult,
    /// A result file this questionnaire cannot take (another questionnaire or version, a newer
    /// layout, edited or damaged; never `ImportError::NotAResult`, which is `NotAResult`).
    Import(ImportError),
    /// The very same result is already gathered, at this index.
    Duplicate(usize),
}

/// The results gathered so far, in the order they came.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gathering {
    pub respondents: Vec<Gathered>,
    /// Each respondent's file, hashed (FNV-1a of its compact JSON): finding a duplicate among
    /// 10,000 compares numbers, and files only where the numbers agree.
    keys: Vec<u64>,
    /// How many respondents came from a code: while none did, a file is not compared with every
    /// one gathered for the same person (a scan per file made gathering 10,000 quadratic).
    from_codes: usize,
}

/// Whether a result was read from a code: such a result is dated by its day only.
fn from_code(file: &ResultExport) -> bool {
    !file.created.contains('T')
}

impl Gathering {
    /// Takes one result file's text; returns its index.
    pub fn add(&mut self, content: &Questionnaire, text: &str) -> Result<usize, Refusal> {
        let file = read::result_export(text).map_err(|e| match e {
            NotRead::NotJson => Refusal::NotJson,
            NotRead::Misfit => Refusal::NotAResult,
            NotRead::TooLarge => Refusal::TooLarge,
        })?;
        self.add_file(content, file)
    }

    /// Takes one result file already read (from a file's text, or from an office file).
    fn add_file(&mut self, content: &Questionnaire, file: ResultExport) -> Result<usize, Refusal> {
        let diagnosis = import_diagnosed(content, &file).map_err(|e| match e {
            ImportError::NotAResult => Refusal::NotAResult,
            other => Refusal::Import(other),
        })?;
        self.push(content, file, diagnosis)
    }

    /// Adds a respondent unless the very same file is already there.
    fn push(
        &mut self,
        content: &Questionnaire,
        file: ResultExport,
        diagnosis: Diagnosis,
    ) -> Result<usize, Refusal> {
        let key = key(&file);
        let same = (self.keys.iter().enumerate())
            .find(|(i, k)| **k == key && self.respondents.get(*i).is_some_and(|r| r.file == file));
        if let Some((i, _)) = same {
            return Err(Refusal::Duplicate(i));
        }
        // A result read from a code is dated by its day only: the same person's file (to the
        // second) is not the very same file, but the same role, answers and day are the same
        // respondent. Looked for only where one side came from a code (they are few).
        let same_person = |r: &Gathered| {
            (from_code(&file) || from_code(&r.file))
                && r.file.role == file.role
                && r.file.created.get(..10) == file.created.get(..10)
                && r.file.answers == file.answers
        };
        if from_code(&file) || self.from_codes > 0 {
            if let Some(i) = self.respondents.iter().position(same_person) {
                return Err(Refusal::Duplicate(i));
            }
        }
        self.from_codes += usize::from(from_code(&file));
        let chosen = chosen(content, &diagnosis.answers);
        let steps = (diagnosis.plan.iter())
            .filter_map(|p| {
                Some((
                    content.steps.iter().position(|s| s.id == p.step)?,
                    p.priority,
                ))
            })
            .collect();
        self.respondents.push(Gathered {
            file,
            diagnosis,
            chosen,
            steps,
        });
        self.keys.push(key);
        Ok(self.respondents.len() - 1)
    }

    /// Takes one result code (pasted from a chat or a mail; `core::code`); returns its index.
    /// Its result file is made as the respondent's page makes one, dated the code's day.
    pub fn add_code(&mut self, content: &Questionnaire, code: &str) -> Result<usize, Refusal> {
        let (session, day) = super::code::read_code(content, code).map_err(|e| match e {
            super::code::CodeError::NotACode => Refusal::NotAResult,
            super::code::CodeError::Damaged => Refusal::Import(ImportError::Altered),
            super::code::CodeError::Other(e) => Refusal::Import(e),
        })?;
        let diagnosis = session.diagnose(content);
        let lang = content.languages.first().map_or("", String::as_str);
        let file = super::export::export(content, &diagnosis, lang, &day);
        self.push(content, file, diagnosis)
    }

    /// Takes every result code in a pasted text (`code::codes_in`), each on its own: the codes
    /// found, each with its index or why it was refused.
    pub fn add_codes(
        &mut self,
        content: &Questionnaire,
        text: &str,
    ) -> Vec<(String, Result<usize, Refusal>)> {
        super::code::codes_in(text)
            .into_iter()
            .map(|code| {
                let added = self.add_code(content, &code);
                (code, added)
            })
            .collect()
    }

    /// Removes the respondent at `index`; whether there was one.
    pub fn remove(&mut self, index: usize) -> bool {
        let there = index < self.respondents.len();
        if there {
            let gone = self.respondents.remove(index);
            self.from_codes = self
                .from_codes
                .saturating_sub(usize::from(from_code(&gone.file)));
            self.keys.remove(index);
        }
        there
    }
}

/// A result file's duplicate key: FNV-1a over what tells two respondents apart (when it was
/// made, the role, the answers). Equal files have equal keys; files with equal keys are then
/// compared whole. Hashing these few fields rather than the file written out as text took a
/// tenth of the time to gather a file.
fn key(file: &ResultExport) -> u64 {
    let mut bytes: Vec<u8> = Vec::with_capacity(512);
    for part in [
        &file.created,
        &file.content_version,
        file.role.as_deref().unwrap_or(""),
    ] {
        bytes.extend_from_slice(part.as_bytes());
        bytes.push(0);
    }
    for (id, answer) in file.answers.iter() {
        bytes.extend_from_slice(id.as_bytes());
        bytes.push(0);
        if let Answer::Choice(v) = answer {
            bytes.extend_from_slice(v.as_bytes());
        }
        bytes.push(1);
    }
    super::fingerprint::fnv1a(&bytes)
}

/// A group shown: one role, or several merged (「その他」) when some were too small to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The roles in it, in the content's order (`None`: content without roles).
    pub roles: Vec<Option<String>>,
    /// Indices into the gathering.
    pub members: Vec<usize>,
}

impl Group {
    /// Several roles merged: shown as 「その他」, never under one role's name.
    pub fn is_merged(&self) -> bool {
        self.roles.len() > 1
    }
}

/// The groups shown, in the content's order of roles, merged ones last. Outside workshop mode a
/// role with fewer than [`MIN_GROUP`] respondents is merged with the others as small; where the
/// merged group would hold one role alone (its figures would be that role's, or follow from the
/// total minus the others), or still fewer than [`MIN_GROUP`] people, the smallest remaining role
/// joins it, until neither holds. In workshop mode (everyone in the room agreed) every role with
/// respondents is its own group.
pub fn groups(content: &super::Content, gathering: &Gathering, workshop: bool) -> Vec<Group> {
    let mut by_role: Vec<Group> = content
        .respondents()
        .into_iter()
        .map(|role| Group {
            members: (gathering.respondents.iter().enumerate())
                .filter(|(_, r)| r.diagnosis.role.as_deref() == role)
                .map(|(i, _)| i)
                .collect(),
            roles: vec![role.map(str::to_string)],
        })
        .filter(|g| !g.members.is_empty())
        .collect();
    if workshop {
        return by_role;
    }
    let (mut small, mut shown): (Vec<Group>, Vec<Group>) =
        by_role.drain(..).partition(|g| g.members.len() < MIN_GROUP);
    if small.is_empty() {
        return shown;
    }
    let people = |gs: &[Group]| gs.iter().map(|g| g.members.len()).sum::<usize>();
    while (small.len() == 1 || people(&small) < MIN_GROUP) && !shown.is_empty() {
        // The smallest; of equals, the last in the content's order.
        let mut at = 0;
        for (i, g) in shown.iter().enumerate() {
            if g.members.len() <= shown[at].members.len() {
                at = i;
            }
        }
        small.push(shown.remove(at));
    }
    let order = content.respondents();
    let place = |role: &Option<String>| order.iter().position(|r| *r == role.as_deref());
    small.sort_by_key(|g| place(&g.roles[0]));
    let mut merged = Group {
        roles: Vec::new(),
        members: Vec::new(),
    };
    for g in small {
        merged.roles.extend(g.roles);
        merged.members.extend(g.members);
    }
    merged.members.sort_unstable();
    shown.push(merged);
    shown
}

/// The middle and the quartiles of some values (Tukey's hinges: the medians of the lower and
/// upper halves, the middle value left out of both when there is an odd number). A median of an
/// even number of values is the mean of the middle two, rounded half up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spread {
    pub low: u32,
    pub median: u32,
    pub high: u32,
}

/// `None` for no values.
pub fn spread(values: &[u32]) -> Option<Spread> {
    let mut v = values.to_vec();
    v.sort_unstable();
    let median = |v: &[u32]| -> Option<u32> {
        let n = v.len();
        match n {
            0 => None,
            _ if n % 2 == 1 => Some(v[n / 2]),
            _ => Some((v[n / 2 - 1] + v[n / 2]).div_ceil(2)),
        }
    };
    let n = v.len();
    let mid = median(&v)?;
    let (lower, upper) = (&v[..n / 2], &v[n.div_ceil(2)..]);
    Some(Spread {
        low: median(lower).unwrap_or(mid),
        median: mid,
        high: median(upper).unwrap_or(mid),
    })
}

/// What a group's respondents say of each blocker, in the content's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupSummary {
    pub n: usize,
    /// Scores 0-100 over the respondents with enough answers for one.
    pub scores: Vec<Option<Spread>>,
    /// The median maturity level over those who have one.
    pub levels: Vec<Option<u32>>,
}

pub fn summarize(content: &super::Content, gathering: &Gathering, group: &Group) -> GroupSummary {
    let diagnoses: Vec<&Diagnosis> = group
        .members
        .iter()
        .filter_map(|&i| gathering.respondents.get(i))
        .map(|r| &r.diagnosis)
        .collect();
    let dims = content.dimensions.len();
    let column = |f: &dyn Fn(&Diagnosis, usize) -> Option<u32>, d: usize| -> Vec<u32> {
        diagnoses.iter().filter_map(|x| f(x, d)).collect()
    };
    let score = |x: &Diagnosis, d: usize| x.scores.get(d).and_then(|s| s.score);
    let level = |x: &Diagnosis, d: usize| x.levels.get(d).copied().flatten();
    GroupSummary {
        n: diagnoses.len(),
        scores: (0..dims).map(|d| spread(&column(&score, d))).collect(),
        levels: (0..dims)
            .map(|d| spread(&column(&level, d)).map(|s| s.median))
            .collect(),
    }
}

/// How a group answered one statement: respondents per choice (in the scale's order) and
/// "don't know".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Distribution {
    pub choices: Vec<usize>,
    pub dont_know: usize,
}

impl Distribution {
    /// The mean position of the choices given, from 0 (the scale's first choice) to 1 (its
    /// last), as a fraction (sum of positions, and respondents times steps), or `None` when
    /// nobody chose one. Kept exact: whether two means differ by more than a third is decided
    /// without rounding.
    pub fn mean(&self) -> Option<(u64, u64)> {
        let given: usize = self.choices.iter().sum();
        let steps = self.choices.len().checked_sub(1).filter(|s| *s > 0)?;
        let sum: usize = self.choices.iter().enumerate().map(|(i, n)| i * n).sum();
        (given > 0).then_some((sum as u64, (given * steps) as u64))
    }
}

/// How a group answered statement `question`.
pub fn distribution(
    content: &super::Content,
    gathering: &Gathering,
    group: &Group,
    question: &str,
) -> Option<Distribution> {
    let k = content.questions.iter().position(|q| q.id == question)?;
    distributions(content, gathering, group, &[k])
        .pop()
        .flatten()
}

/// How a group answered each of `statements` (places in the content's questions), counted from
/// the answers taken as numbers when each file was gathered (10,000 respondents' gaps took 0.3 s
/// natively one statement at a time, looking each answer up by its id).
fn distributions(
    content: &super::Content,
    gathering: &Gathering,
    group: &Group,
    statements: &[usize],
) -> Vec<Option<Distribution>> {
    let mut out: Vec<Option<Distribution>> = (statements.iter())
        .map(|&k| {
            let q = content.questions.get(k)?;
            Some(Distribution {
                choices: vec![0; content.scale(&q.scale)?.choices.len()],
                dont_know: 0,
            })
        })
        .collect();
    let members = group
        .members
        .iter()
        .filter_map(|&i| gathering.respondents.get(i));
    for r in members {
        for (d, &k) in out.iter_mut().zip(statements) {
            let (Some(d), Some(&chosen)) = (d.as_mut(), r.chosen.get(k)) else {
                continue;
            };
            match chosen {
                UNANSWERED => {}
                DONT_KNOW => d.dont_know += 1,
                i => {
                    if let Some(n) = d.choices.get_mut(usize::from(i)) {
                        *n += 1;
                    }
                }
            }
        }
    }
    out
}

/// Where two groups see the office differently: on a statement (`question`) or on a blocker
/// (`dimension`), by `difference` percent of the range (of the scale, or of 0-100).
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    pub question: Option<String>,
    pub dimension: Option<String>,
    /// Indices into the groups.
    pub between: (usize, usize),
    pub difference: f64,
}

/// A difference above 1 / `GAP_DIVISOR` of the range is a gap (a third).
pub const GAP_DIVISOR: u64 = 3;

/// |a - b| for fractions a = an / ad and b = bn / bd, as a fraction, and whether it is a gap.
fn apart((an, ad): (u64, u64), (bn, bd): (u64, u64)) -> (f64, bool) {
    let (x, y) = (an * bd, bn * ad);
    let (num, den) = (x.abs_diff(y), ad * bd);
    (num as f64 / den as f64, num * GAP_DIVISOR > den)
}

/// Every gap between two groups, largest first (ties in the content's order): statements both
/// groups answered with a choice, and blockers both have a median for.
pub fn gaps(content: &super::Content, gathering: &Gathering, groups: &[Group]) -> Vec<Gap> {
    let summaries: Vec<GroupSummary> = groups
        .iter()
        .map(|g| summarize(content, gathering, g))
        .collect();
    gaps_of(content, gathering, groups, &summaries)
}

/// [`gaps`], given the groups' summaries (the office page has them already: at 10,000
/// respondents, summarising them again was a fifth of the time).
pub fn gaps_of(
    content: &super::Content,
    gathering: &Gathering,
    groups: &[Group],
    summaries: &[GroupSummary],
) -> Vec<Gap> {
    // Each group's mean answer to each statement, once (not once per pair of groups).
    let (places, statements): (Vec<usize>, Vec<&super::content::Question>) = (content.questions)
        .iter()
        .enumerate()
        .filter(|(_, q)| !content.is_stage(q))
        .unzip();
    let means: Vec<Vec<Option<(u64, u64)>>> = groups
        .iter()
        .map(|g| {
            distributions(content, gathering, g, &places)
                .iter()
                .map(|d| d.as_ref().and_then(Distribution::mean))
                .collect()
        })
        .collect();
    let mut out = Vec::new();
    for a in 0..groups.len() {
        for b in a + 1..groups.len() {
            for (k, q) in statements.iter().enumerate() {
                if let (Some(x), Some(y)) = (means[a][k], means[b][k]) {
                    if let (difference, true) = apart(x, y) {
                        out.push(Gap {
                            question: Some(q.id.clone()),
                            dimension: None,
                            between: (a, b),
                            difference,
                        });
                    }
                }
            }
            for (d, dim) in content.dimensions.iter().enumerate() {
                let median = |g: usize| {
                    summaries[g]
                        .scores
                        .get(d)
                        .copied()
                        .flatten()
                        .map(|s| (u64::from(s.median), 100))
                };
                if let (Some(x), Some(y)) = (median(a), median(b)) {
                    if let (difference, true) = apart(x, y) {
                        out.push(Gap {
                            question: None,
                            dimension: Some(dim.id.clone()),
                            between: (a, b),
                            difference,
                        });
                    }
                }
            }
        }
    }
    // Stable: equal differences keep the order they were found in.
    super::order::sort_stable_by(&mut out, |x, y| x.difference > y.difference);
    out
}

/// Excel opens a CSV file as UTF-8 only when it starts with a byte-order mark (Japanese Excel
/// otherwise reads Shift_JIS and garbles every label).
const BOM: char = '\u{feff}';

/// One CSV field: quoted when it holds a quote, a comma or a line break (quotes doubled), and
/// never read as a formula: a field a spreadsheet would evaluate (starting `=`, `+`, `-`, `@`,
/// a tab or a carriage return; a result file's `created` can hold anything) gets a `'` first.
fn field(out: &mut String, text: &str) {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quoted = formula || text.contains(['"', ',', '\n', '\r']);
    if quoted {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in text.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quoted {
        out.push('"');
    }
}

/// A CSV file (with its byte-order mark, CRLF line ends): the column names, then `rows`.
fn csv(headers: [&str; 7], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = String::from(BOM);
    let names = headers.iter().map(|h| h.to_string()).collect();
    for row in std::iter::once(names).chain(rows) {
        for (i, text) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            field(&mut out, text);
        }
        out.push_str("\r\n");
    }
    out
}

/// A group's label: its role's name, `others` for a merged group, nothing without roles.
pub fn group_label(content: &super::Content, g: &Group, lang: &str, others: &str) -> String {
    match g.roles.as_slice() {
        [Some(role)] => content
            .role(role)
            .map_or(role.clone(), |r| content.text(&r.label, lang).to_string()),
        [None] => String::new(),
        _ => others.to_string(),
    }
}

/// The group each respondent is shown in, by index: its label, and whether it is merged.
fn group_labels(
    content: &super::Content,
    groups: &[Group],
    lang: &str,
    others: &str,
    n: usize,
) -> Vec<(String, bool)> {
    let mut labels = vec![(String::new(), false); n];
    for g in groups {
        let label = group_label(content, g, lang, others);
        for &m in &g.members {
            if let Some(l) = labels.get_mut(m) {
                *l = (label.clone(), g.is_merged());
            }
        }
    }
    labels
}

/// The answers as a CSV file for Excel: one row per respondent and statement answered, with the
/// group the respondent is shown in (a merged group's members are 「その他」 here too, or the
/// file would undo the merging), the stage, when the result was made, the statement as that
/// role read it and the answer in words. `headers` names the columns, in `lang`.
pub fn answers_csv(
    content: &super::Content,
    gathering: &Gathering,
    groups: &[Group],
    (lang, others): (&str, &str),
    headers: [&str; 7],
) -> String {
    let labels = group_labels(content, groups, lang, others, gathering.respondents.len());
    let mut rows = Vec::new();
    for (i, r) in gathering.respondents.iter().enumerate() {
        let d = &r.diagnosis;
        // Whoever is shown in a merged group: nothing in their rows may tell their role (the
        // statement as their role read it, a timestamp to the second that the office could
        // match to a mail), or the file would undo the merging.
        let (label, hide) = labels.get(i).cloned().unwrap_or_default();
        let l = super::display::Labels::new(content, lang, d.role.as_deref());
        let stage = l.stage(&d.answers).map_or("", |(_, s)| s).to_string();
        for q in content.questions.iter().filter(|q| !content.is_stage(q)) {
            let Some(answer) = d.answers.get(&q.id) else {
                continue;
            };
            let words = match answer {
                Answer::Choice(_) => l.choice(&q.id, Some(answer)),
                Answer::DontKnow => super::display::dont_know_label(content, q, lang).unwrap_or(""),
            };
            rows.push(vec![
                (i + 1).to_string(),
                label.clone(),
                stage.clone(),
                if hide {
                    r.file.created.get(..10).unwrap_or("").to_string()
                } else {
                    r.file.created.clone()
                },
                q.id.clone(),
                if hide {
                    content.text(&q.text, lang).to_string()
                } else {
                    content.statement(q, d.role.as_deref(), lang).to_string()
                },
                words.to_string(),
            ]);
        }
    }
    csv(headers, rows)
}

/// Each group's figures per blocker as a CSV file for Excel: group, respondents, blocker, median,
/// lower and upper hinge, median maturity level (empty where there is none).
pub fn summary_csv(
    content: &super::Content,
    gathering: &Gathering,
    groups: &[Group],
    (lang, others): (&str, &str),
    headers: [&str; 7],
) -> String {
    let mut rows = Vec::new();
    for g in groups {
        let s = summarize(content, gathering, g);
        let name = group_label(content, g, lang, others);
        for (d, dim) in content.dimensions.iter().enumerate() {
            let figure = |v: Option<u32>| v.map_or(String::new(), |v| v.to_string());
            let spread = s.scores.get(d).copied().flatten();
            rows.push(vec![
                name.clone(),
                s.n.to_string(),
                content.text(&dim.label, lang).to_string(),
                figure(spread.map(|x| x.median)),
                figure(spread.map(|x| x.low)),
                figure(spread.map(|x| x.high)),
                figure(s.levels.get(d).copied().flatten()),
            ]);
        }
    }
    csv(headers, rows)
}

/// Marks the office file (the office page's saved set of results).
pub const OFFICE_FORMAT: &str = "kintone-diagnosis-office";
/// Version of the office file's layout.
pub const OFFICE_VERSION: u32 = 1;

/// The office page's gathered set, saved to a file: this year's results, and next year the
/// earlier side of a year-on-year comparison.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, Default)]
pub struct OfficeFile {
    pub format: String,
    pub format_version: u32,
    pub content_id: String,
    pub content_version: String,
    pub fingerprint: String,
    /// When it was saved (ISO 8601, from the browser's clock).
    pub saved: String,
    /// Every role shown as it is (a workshop where everyone agreed), rather than small ones
    /// merged.
    pub workshop: bool,
    /// Each statement's mark ([`statement_mark`]) by id, so that a later questionnaire compares
    /// only the statements it still asks in the same words.
    pub statements: super::map::Map<String>,
    /// The results as their files were.
    pub results: Vec<ResultExport>,
}

/// A statement's wording and scale, hashed: equal marks mean a respondent read the same statement
/// and chose from the same choices (weights may change: both years are scored with this year's).
pub fn statement_mark(content: &super::Content, question: &super::content::Question) -> String {
    use super::fingerprint::Canonical;
    let mut text = String::new();
    question.text.write_canonical(&mut text);
    question.wording.write_canonical(&mut text);
    if let Some(scale) = content.scale(&question.scale) {
        scale.write_canonical(&mut text);
    }
    format!("{:016x}", super::fingerprint::fnv1a(text.as_bytes()))
}

/// The gathered set as an office file.
pub fn office_file(
    content: &Questionnaire,
    gathering: &Gathering,
    workshop: bool,
    saved: &str,
) -> OfficeFile {
    OfficeFile {
        format: OFFICE_FORMAT.to_string(),
        format_version: OFFICE_VERSION,
        content_id: content.id.clone(),
        content_version: content.content_version.clone(),
        fingerprint: content.fingerprint().to_string(),
        saved: saved.to_string(),
        workshop,
        statements: content
            .questions
            .iter()
            .map(|q| (q.id.clone(), statement_mark(content, q)))
            .collect(),
        results: gathering
            .respondents
            .iter()
            .map(|r| r.file.clone())
            .collect(),
    }
}

impl Gathering {
    /// Takes an office file of this questionnaire: every result in it, each taken or refused on
    /// its own (with its position in the file), beside those already gathered.
    pub fn add_office_file(
        &mut self,
        content: &Questionnaire,
        file: &OfficeFile,
    ) -> Result<Vec<(usize, Refusal)>, Refusal> {
        if file.format != OFFICE_FORMAT || file.format_version == 0 {
            return Err(Refusal::NotAResult);
        }
        if file.format_version > OFFICE_VERSION {
            return Err(Refusal::Import(ImportError::Newer));
        }
        let mut refused = Vec::new();
        for (i, result) in file.results.iter().enumerate() {
            if let Err(e) = self.add_file(content, result.clone()) {
                refused.push((i, e));
            }
        }
        Ok(refused)
    }
}

/// Which way a group's median moved on a blocker from one year to the next (scores: higher holds
/// the office back more).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Better,
    Worse,
    /// The medians differ by no more than the wider of the two spreads (between the hinges), or
    /// one year has no median: not called a change.
    Unclear,
}

/// One group's figures on one blocker, a year apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Index into this year's groups.
    pub group: usize,
    pub dimension: String,
    /// Respondents with a score, earlier and now.
    pub n: (usize, usize),
    pub before: Option<Spread>,
    pub now: Option<Spread>,
    pub trend: Trend,
}

/// This year against an earlier office file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearOnYear {
    /// Statements left out: asked in one year only, or worded (or scaled) differently.
    pub left_out: Vec<String>,
    pub changes: Vec<Change>,
}

/// Compares this year's groups with the same roles' respondents in `earlier`, scoring both years
/// with this year's questionnaire over the statements both ask in the same words (and the stage,
/// which decides what is asked). Earlier results whose answers this year's questionnaire cannot
/// read are left out of the comparison.
pub fn year_on_year(
    content: &Questionnaire,
    gathering: &Gathering,
    groups: &[Group],
    earlier: &OfficeFile,
) -> YearOnYear {
    let same = |q: &super::content::Question| {
        earlier.statements.get(&q.id) == Some(&statement_mark(content, q))
    };
    let mut left_out: Vec<String> = content
        .questions
        .iter()
        .filter(|q| !same(q) && !content.is_stage(q))
        .map(|q| q.id.clone())
        .collect();
    for id in earlier.statements.keys() {
        if content.question(id).is_none() {
            left_out.push(id.clone());
        }
    }
    // A respondent's scores over the common statements.
    let scores = |role: Option<&str>, answers: &super::scoring::Answers| {
        let mut common = super::scoring::Answers::new();
        for (id, a) in answers.iter() {
            if content
                .question(id)
                .is_some_and(|q| content.is_stage(q) || same(q))
            {
                common.insert(id.clone(), a.clone());
            }
        }
        super::scoring::score(content, role, &common)
            .into_iter()
            .map(|s| s.score)
            .collect::<Vec<_>>()
    };
    let now_scores: Vec<Vec<Option<u32>>> = gathering
        .respondents
        .iter()
        .map(|r| scores(r.diagnosis.role.as_deref(), &r.diagnosis.answers))
        .collect();
    // The earlier answers as this year's questionnaire reads them: a value its scale lacks (a
    // statement changed) was left out above with its statement.
    let earlier_people: Vec<(Option<String>, Vec<Option<u32>>)> = earlier
        .results
        .iter()
        .filter(|f| content.respondents().contains(&f.role.as_deref()))
        .map(|f| (f.role.clone(), scores(f.role.as_deref(), &f.answers)))
        .collect();
    let mut changes = Vec::new();
    for (gi, g) in groups.iter().enumerate() {
        for (d, dim) in content.dimensions.iter().enumerate() {
            let now: Vec<u32> = g
                .members
                .iter()
                .filter_map(|&m| now_scores.get(m).and_then(|s| s.get(d).copied().flatten()))
                .collect();
            let before: Vec<u32> = earlier_people
                .iter()
                .filter(|(role, _)| g.roles.contains(role))
                .filter_map(|(_, s)| s.get(d).copied().flatten())
                .collect();
            let (b, n) = (spread(&before), spread(&now));
            let trend = match (b, n) {
                (Some(b), Some(n)) => {
                    let width = (b.high - b.low).max(n.high - n.low);
                    if n.median.abs_diff(b.median) <= width {
                        Trend::Unclear
                    } else if n.median < b.median {
                        Trend::Better
                    } else {
                        Trend::Worse
                    }
                }
                _ => Trend::Unclear,
            };
            changes.push(Change {
                group: gi,
                dimension: dim.id.clone(),
                n: (before.len(), now.len()),
                before: b,
                now: n,
                trend,
            });
        }
    }
    YearOnYear { left_out, changes }
}

/// A step of the office's plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeStep {
    pub step: String,
    /// Its owner's id (the page groups the plan by owner).
    pub owner: String,
    /// Respondents whose plan holds a step of its intent (family).
    pub count: usize,
    /// The most urgent priority any of them gave it (1 first).
    pub priority: u32,
    /// One of the three to take first.
    pub first: bool,
}

/// The respondents' plans merged into one for the office: one step per intent (family), the
/// wording most of them were given; in the order of the 手順書's steps (`stage_of` gives an
/// intent's: shared understanding before policy, policy before structure, structure before the
/// work), within a step those most respondents share first, then the most urgent, then in the
/// content's order; the first three marked to take first.
pub fn office_plan(
    content: &super::Content,
    gathering: &Gathering,
    stage_of: &dyn Fn(&str) -> usize,
) -> Vec<OfficeStep> {
    // Families by number, once (not by comparing names for each of 10,000 respondents' steps,
    // which was most of the time; the steps are numbers already, `Gathered::steps`).
    let mut families: Vec<&str> = Vec::new();
    let family_of: Vec<usize> = (content.steps.iter())
        .map(|s| match families.iter().position(|f| *f == s.family) {
            Some(i) => i,
            None => {
                families.push(&s.family);
                families.len() - 1
            }
        })
        .collect();
    // Each family's tally (in the order families were first planned), and the last respondent
    // counted for it.
    let mut tally_of: Vec<Option<usize>> = vec![None; families.len()];
    let mut counted: Vec<usize> = vec![usize::MAX; families.len()];
    let mut tallies: Vec<Tally> = Vec::new();
    for (who, r) in gathering.respondents.iter().enumerate() {
        for &(at, priority) in &r.steps {
            let Some(&family) = family_of.get(at) else {
                continue;
            };
            let t = match tally_of[family] {
                Some(i) => &mut tallies[i],
                None => {
                    tally_of[family] = Some(tallies.len());
                    tallies.push(Tally {
                        respondents: 0,
                        steps: Vec::new(),
                    });
                    let last = tallies.len() - 1;
                    &mut tallies[last]
                }
            };
            if counted[family] != who {
                counted[family] = who;
                t.respondents += 1;
            }
            match t.steps.iter_mut().find(|g| g.at == at) {
                Some(g) => {
                    g.times += 1;
                    g.priority = g.priority.min(priority);
                }
                None => t.steps.push(Given {
                    at,
                    times: 1,
                    priority,
                }),
            }
        }
    }
    let mut plan: Vec<(usize, OfficeStep)> = tallies
        .into_iter()
        .filter_map(|t| {
            // The wording most were given; of equals, the most urgent, then the first.
            let rank = |g: &Given| {
                (
                    g.times,
                    std::cmp::Reverse(g.priority),
                    std::cmp::Reverse(g.at),
                )
            };
            let best = t
                .steps
                .iter()
                .copied()
                .reduce(|a, b| if rank(&b) > rank(&a) { b } else { a })?;
            let priority = t
                .steps
                .iter()
                .map(|g| g.priority)
                .min()
                .unwrap_or(best.priority);
            let step = content.steps.get(best.at)?;
            Some((
                best.at,
                OfficeStep {
                    step: step.id.clone(),
                    owner: step.owner.clone(),
                    count: t.respondents,
                    priority,
                    first: false,
                },
            ))
        })
        .collect();
    let key = |(at, s): &(usize, OfficeStep)| {
        (
            std::cmp::Reverse(
                content
                    .steps
                    .get(*at)
                    .map_or(usize::MAX, |x| stage_of(&x.family)),
            ),
            s.count,
            std::cmp::Reverse(s.priority),
            std::cmp::Reverse(*at),
        )
    };
    super::order::sort_stable_by(&mut plan, |a, b| key(a) > key(b));
    plan.into_iter()
        .enumerate()
        .map(|(i, (_, mut s))| {
            s.first = i < 3;
            s
        })
        .collect()
}

/// One intent's tally while the plans are merged: the respondents holding it, and each of its
/// steps given.
struct Tally {
    respondents: usize,
    steps: Vec<Given>,
}

/// A step (by its position in the content) as given: how many times, and the most urgent
/// priority.
#[derive(Clone, Copy)]
struct Given {
    at: usize,
    times: usize,
    priority: u32,
}

/// An item of the discussion agenda: a statement two groups answered far apart, with both
/// groups' answers.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaItem {
    pub gap: Gap,
    pub answers: (Distribution, Distribution),
}

/// The discussion agenda: the statements with the largest gaps, each once (its largest pair of
/// groups), at most `most`.
pub fn agenda(
    content: &super::Content,
    gathering: &Gathering,
    groups: &[Group],
    most: usize,
) -> Vec<AgendaItem> {
    agenda_from(
        content,
        gathering,
        groups,
        &gaps(content, gathering, groups),
        most,
    )
}

/// [`agenda`] from the gaps already found (`gaps` of the same groups), rather than finding them
/// again.
pub fn agenda_from(
    content: &super::Content,
    gathering: &Gathering,
    groups: &[Group],
    gaps: &[Gap],
    most: usize,
) -> Vec<AgendaItem> {
    // Each statement once, at its largest gap, in order of size.
    let mut found: Vec<&Gap> = Vec::new();
    for gap in gaps {
        if let Some(q) = gap.question.as_deref() {
            if !found.iter().any(|f| f.question.as_deref() == Some(q)) {
                found.push(gap);
            }
        }
    }
    // A meeting talks through different blockers: first the largest gap of each blocker, then,
    // if places are left, the next largest of any.
    let blocker = |g: &Gap| {
        g.question
            .as_deref()
            .and_then(|q| main_dimension(content, q))
    };
    let mut chosen: Vec<&Gap> = Vec::new();
    for g in &found {
        if chosen.len() < most && !chosen.iter().any(|c| blocker(c) == blocker(g)) {
            chosen.push(g);
        }
    }
    for g in &found {
        if chosen.len() < most && !chosen.iter().any(|c| std::ptr::eq(*c, *g)) {
            chosen.push(g);
        }
    }
    super::order::sort_stable_by(&mut chosen, |x, y| x.difference > y.difference);
    let mut items = Vec::new();
    for gap in chosen {
        let Some(q) = gap.question.as_deref() else {
            continue;
        };
        let of = |g: usize| {
            groups
                .get(g)
                .and_then(|grp| distribution(content, gathering, grp, q))
        };
        if let (Some(a), Some(b)) = (of(gap.between.0), of(gap.between.1)) {
            items.push(AgendaItem {
                answers: (a, b),
                gap: gap.clone(),
            });
        }
    }
    items
}

/// The blocker a statement weighs on most (the widest range of weights; the first of equals).
pub fn main_dimension<'a>(content: &'a super::Content, question: &str) -> Option<&'a str> {
    let q = content.question(question)?;
    let mut best: Option<(i32, &str)> = None;
    for d in &content.dimensions {
        if let Some((lo, hi)) = content.weight_range(q, &d.id) {
            if best.is_none_or(|(w, _)| hi - lo > w) {
                best = Some((hi - lo, d.id.as_str()));
            }
        }
    }
    best.map(|(_, id)| id)
}
