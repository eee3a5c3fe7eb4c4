//! The office page's state and every change to it (`DeskAction`): results taken in from files,
//! codes and office files, each refused on its own with its reason; removing one; workshop mode;
//! an earlier year's office file beside this year's. The page dispatches actions and renders
//! [`Overview`], computed here once per change.

use super::fingerprint::Questionnaire;
use super::guide::Guide;
use super::office::{
    self, agenda_from, gaps_of, groups, office_plan, summarize, year_on_year, AgendaItem, Gap,
    Gathering, Group, GroupSummary, OfficeFile, OfficeStep, Refusal, YearOnYear, OFFICE_FORMAT,
};
use super::read::{self, NotRead};

/// Where one respondent came from, as the list of results shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file, by name.
    File(String),
    /// The n-th result of an office file, by the file's name.
    InOffice(String, usize),
    /// A pasted result code (its first characters).
    Code(String),
}

/// What was not taken, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub source: Source,
    pub why: Refusal,
}

/// The earlier year's office file, beside this year's results.
#[derive(Debug, Clone, PartialEq)]
pub struct Earlier {
    pub name: String,
    pub file: OfficeFile,
}

/// Files being read: how many so far, of how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// The office page's state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Desk {
    pub gathering: Gathering,
    /// Where each gathered respondent came from, by index.
    pub sources: Vec<Source>,
    /// What the last inputs refused, in the order they came (cleared by the user).
    pub refused: Vec<Refused>,
    /// How many the last input took (files, codes), for its notice.
    pub taken: usize,
    pub workshop: bool,
    pub earlier: Option<Earlier>,
    pub progress: Option<Progress>,
    /// Counts changes to what the overview is computed from (the page recomputes it on change).
    pub revision: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub enum DeskAction {
    /// Reading `total` files begins (a new input: the last one's notice is cleared).
    Reading(usize),
    /// Files read, by name, with their text (`None`: too large to read).
    Take(Vec<(String, Option<String>)>),
    /// Every file of the input is read.
    Read,
    /// Text pasted into the codes box.
    Paste(String),
    Remove(usize),
    Workshop(bool),
    /// An earlier year's office file, by name and text (`None`: too large).
    Earlier(String, Option<String>),
    ForgetEarlier,
    DismissRefused,
}

/// A code as the list names it: its last characters (every code starts alike; its end, the
/// checksum, tells codes apart), or a short text that is no code as it is.
fn code_name(code: &str) -> String {
    let n = code.chars().count();
    match n.checked_sub(12) {
        Some(skip) if n > 24 => format!("…{}", code.chars().skip(skip).collect::<String>()),
        _ => code.to_string(),
    }
}

impl Desk {
    pub fn apply(&mut self, content: &Questionnaire, action: DeskAction) {
        let before = self.gathering.respondents.len();
        match action {
            DeskAction::Reading(total) => {
                self.refused.clear();
                self.taken = 0;
                self.progress = Some(Progress { done: 0, total });
            }
            DeskAction::Take(files) => {
                let n = files.len();
                for (name, text) in files {
                    self.take_file(content, name, text);
                }
                if let Some(p) = &mut self.progress {
                    p.done = (p.done + n).min(p.total);
                }
            }
            DeskAction::Read => self.progress = None,
            DeskAction::Paste(text) => {
                self.refused.clear();
                self.taken = 0;
                self.take_codes(content, &text, None);
            }
            DeskAction::Remove(i) => {
                if self.gathering.remove(i) && i < self.sources.len() {
                    self.sources.remove(i);
                    // What was refused is the last input's news, like the notice the removal
                    // replaces, and no longer true of the list: a duplicate names the result it
                    // repeats by its place, which the removal moved (found by a helper: it went on
                    // naming the file that moved into that place).
                    self.refused.clear();
                    self.revision += 1;
                }
            }
            DeskAction::Workshop(on) => {
                if self.workshop != on {
                    self.workshop = on;
                    self.revision += 1;
                }
            }
            DeskAction::Earlier(name, text) => {
                self.refused.clear();
                self.taken = 0;
                match earlier_file(content, text.as_deref()) {
                    Ok(file) => {
                        self.earlier = Some(Earlier { name, file });
                        self.revision += 1;
                    }
                    Err(why) => self.refused.push(Refused {
                        source: Source::File(name),
                        why,
                    }),
                }
            }
            DeskAction::ForgetEarlier => {
                if self.earlier.take().is_some() {
                    self.revision += 1;
                }
            }
            DeskAction::DismissRefused => self.refused.clear(),
        }
        let now = self.gathering.respondents.len();
        if now > before {
            self.taken += now - before;
            self.revision += 1;
        }
    }

    /// One file: an office file (every result in it), a result file, or a text holding result
    /// codes (a mail saved as text).
    fn take_file(&mut self, content: &Questionnaire, name: String, text: Option<String>) {
        let Some(text) = text else {
            return self.refuse(Source::File(name), Refusal::TooLarge);
        };
        if text.trim().is_empty() {
            return self.refuse(Source::File(name), Refusal::Empty);
        }
        // Only a text naming the office format is read as one (a result file never does):
        // reading every result file twice would double the time to gather 10,000.
        if text.contains(OFFICE_FORMAT) {
            match read::office_file(&text) {
                Ok(file) => {
                    return match self.gathering.add_office_file(content, &file) {
                        Ok(refused) => {
                            // The results taken were appended in the file's order.
                            let mut taken = vec![true; file.results.len()];
                            for (i, _) in &refused {
                                if let Some(t) = taken.get_mut(*i) {
                                    *t = false;
                                }
                            }
                            for (i, _) in taken.iter().enumerate().filter(|(_, t)| **t) {
                                self.sources.push(Source::InOffice(name.clone(), i + 1));
                            }
                            for (i, why) in refused {
                                self.refuse(Source::InOffice(name.clone(), i + 1), why);
                            }
                        }
                        Err(why) => self.refuse(Source::File(name), why),
                    };
                }
                Err(NotRead::TooLarge) => {
                    return self.refuse(Source::File(name), Refusal::TooLarge)
                }
                Err(_) => {}
            }
        }
        match self.gathering.add(content, &text) {
            Ok(_) => self.sources.push(Source::File(name)),
            // Not JSON: perhaps a mail or chat saved as text, holding codes.
            Err(Refusal::NotJson) if !super::code::codes_in(&text).is_empty() => {
                self.take_codes(content, &text, Some(&name));
            }
            Err(why) => self.refuse(Source::File(name), why),
        }
    }

    /// Every result code in `text`, each taken or refused on its own.
    fn take_codes(&mut self, content: &Questionnaire, text: &str, file: Option<&str>) {
        let found = self.gathering.add_codes(content, text);
        if found.is_empty() {
            let source = match file {
                Some(f) => Source::File(f.to_string()),
                None => Source::Code(code_name(text.trim())),
            };
            return self.refuse(source, Refusal::NotAResult);
        }
        for (code, added) in found {
            let source = Source::Code(code_name(&code));
            match added {
                Ok(_) => self.sources.push(source),
                Err(why) => self.refuse(source, why),
            }
        }
    }

    fn refuse(&mut self, source: Source, why: Refusal) {
        self.refused.push(Refused { source, why });
    }

    /// What the page shows first: respondents per role, the groups shown and their figures
    /// (cheap: the page paints it as soon as the files are read).
    pub fn summary(&self, content: &Questionnaire) -> Summary {
        let g = &self.gathering;
        let shown = groups(content, g, self.workshop);
        let summaries = shown.iter().map(|x| summarize(content, g, x)).collect();
        let per_role = content
            .respondents()
            .into_iter()
            .map(|role| {
                let n = (g.respondents.iter())
                    .filter(|r| r.diagnosis.role.as_deref() == role)
                    .count();
                (role.map(str::to_string), n)
            })
            .collect();
        Summary {
            per_role,
            groups: shown,
            summaries,
        }
    }

    /// What follows from the summary's groups: gaps, the agenda, the office plan, last year
    /// beside this one (the page computes it in the task after painting the summary).
    pub fn findings(&self, content: &Questionnaire, guide: &Guide, summary: &Summary) -> Findings {
        let (g, shown) = (&self.gathering, &summary.groups);
        let gaps = gaps_of(content, g, shown, &summary.summaries);
        let agenda = agenda_from(content, g, shown, &gaps, AGENDA_ITEMS);
        Findings {
            agenda,
            gaps,
            plan: office_plan(content, g, &|family| guide.stage_of_family(family)),
            year_on_year: (self.earlier.as_ref()).map(|e| year_on_year(content, g, shown, &e.file)),
        }
    }

    /// Both, at once.
    pub fn overview(&self, content: &Questionnaire, guide: &Guide) -> Overview {
        let summary = self.summary(content);
        let findings = self.findings(content, guide, &summary);
        Overview { summary, findings }
    }

    /// The gathered set as an office file, saved `saved` (ISO 8601).
    pub fn office_file(&self, content: &Questionnaire, saved: &str) -> OfficeFile {
        office::office_file(content, &self.gathering, self.workshop, saved)
    }
}

/// The most items on the discussion agenda (one A4 page).
pub const AGENDA_ITEMS: usize = 5;

/// An earlier year's office file, if it is one of this questionnaire (any version of it).
fn earlier_file(content: &Questionnaire, text: Option<&str>) -> Result<OfficeFile, Refusal> {
    let file = read::office_file(text.ok_or(Refusal::TooLarge)?).map_err(|e| match e {
        NotRead::NotJson => Refusal::NotJson,
        NotRead::TooLarge => Refusal::TooLarge,
        NotRead::Misfit => Refusal::NotAResult,
    })?;
    if file.format != OFFICE_FORMAT {
        return Err(Refusal::NotAResult);
    }
    if file.format_version > office::OFFICE_VERSION {
        return Err(Refusal::Import(super::ImportError::Newer));
    }
    if file.content_id != content.id {
        return Err(Refusal::Import(super::ImportError::OtherContent {
            content_id: file.content_id,
            content_version: file.content_version,
        }));
    }
    Ok(file)
}

/// What the office page shows first, from one state of the desk.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Respondents per role, in the content's order (counts only: no answers).
    pub per_role: Vec<(Option<String>, usize)>,
    pub groups: Vec<Group>,
    pub summaries: Vec<GroupSummary>,
}

impl Summary {
    /// Of no respondent (the office page shows its empty state, and no year on year).
    pub fn is_empty(&self) -> bool {
        self.per_role.iter().all(|(_, n)| *n == 0)
    }
}

/// What the office page shows next: where the groups differ and what to do.
#[derive(Debug, Clone, PartialEq)]
pub struct Findings {
    pub gaps: Vec<Gap>,
    pub agenda: Vec<AgendaItem>,
    pub plan: Vec<OfficeStep>,
    pub year_on_year: Option<YearOnYear>,
}

/// Everything the office page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Overview {
    pub summary: Summary,
    pub findings: Findings,
}
