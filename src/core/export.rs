//! The result export: a versioned record of a finished diagnosis that can be read back.
//!
//! It carries the answers (so the result can be recomputed), the scores and plan as they were
//! shown (so a reader without the widget sees them), and the content id, version and fingerprint
//! (so it is only read back against the questionnaire it was made with).

use super::content::{Content, Material};
use super::diagnosis::Diagnosis;
use super::fingerprint::Questionnaire;
use super::map::Map;
use super::scoring::Answers;
use super::session::{
    marked, RestoreError, Screen, Session, Snapshot, SNAPSHOT_FORMAT, SNAPSHOT_VERSION,
};
use super::validate::excerpt;
use serde::{Deserialize, Serialize};

/// Marks the file as this widget's result.
pub const EXPORT_FORMAT: &str = "kintone-diagnosis-result";
/// Version of the export layout. 4: the maturity targets (`targets`); 3: materials known missing or unknown (`lacking`, `unsure`);
/// 2: the fingerprint is the canonical one (`core::fingerprint`);
/// 1, still read, carries the retired one.
pub const EXPORT_VERSION: u32 = 4;

/// A diagnosis as saved to a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ResultExport {
    pub format: String,
    pub format_version: u32,
    pub content_id: String,
    pub content_version: String,
    pub fingerprint: String,
    /// When it was made (ISO 8601, from the browser's clock; the core has none).
    pub created: String,
    /// Language the result was shown in.
    pub lang: String,
    pub role: Option<String>,
    pub answers: Answers,
    /// Checklist items marked there (ある), missing (ない) and unknown (わからない).
    pub ticked: Vec<String>,
    pub lacking: Vec<String>,
    pub unsure: Vec<String>,
    /// The maturity level aimed for in three years, by dimension (those set).
    pub targets: Map<u32>,
    /// Every dimension's score as shown (`None`: not enough answers).
    pub scores: Vec<ExportedScore>,
    /// Primary blockers, most severe first.
    pub primary: Vec<String>,
    /// Step ids of the plan, in order.
    pub plan: Vec<String>,
}

/// One dimension's score in an export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ExportedScore {
    pub dimension: String,
    pub score: Option<u32>,
    pub band: Option<String>,
}

/// Why an imported file cannot be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Not a result file of this widget.
    NotAResult,
    /// A result file in a layout newer than this version reads.
    Newer,
    /// Made with another questionnaire or another version of it.
    OtherContent {
        content_id: String,
        content_version: String,
    },
    /// Its answers do not fit the questionnaire, or its scores do not follow from its answers:
    /// the file was edited or damaged.
    Altered,
}

/// Builds the result file of a diagnosis.
pub fn export(content: &Questionnaire, d: &Diagnosis, lang: &str, created: &str) -> ResultExport {
    ResultExport {
        format: EXPORT_FORMAT.to_string(),
        format_version: EXPORT_VERSION,
        content_id: content.id.clone(),
        content_version: content.content_version.clone(),
        fingerprint: content.fingerprint().to_string(),
        created: created.to_string(),
        lang: lang.to_string(),
        role: d.role.clone(),
        answers: d.answers.clone(),
        ticked: marked(&d.materials, Material::Has),
        lacking: marked(&d.materials, Material::Lacks),
        unsure: marked(&d.materials, Material::Unsure),
        targets: d.targets.clone(),
        scores: exported_scores(content, d),
        primary: d.classification.primary.clone(),
        plan: d.plan.iter().map(|p| p.step.clone()).collect(),
    }
}

fn exported_scores(content: &Content, d: &Diagnosis) -> Vec<ExportedScore> {
    d.scores
        .iter()
        .map(|s| ExportedScore {
            dimension: s.dimension.clone(),
            score: s.score,
            band: s
                .band
                .and_then(|b| content.bands.get(b))
                .map(|b| b.id.clone()),
        })
        .collect()
}

/// Reads a file of unfinished answers (the saved-session layout, which the respondent saved to
/// continue elsewhere: a virtual desktop may wipe the browser's storage at logout) back into the
/// session it was saved from, on the screen it was saved on. Refused as a result file is.
pub fn continue_from(content: &Questionnaire, snap: &Snapshot) -> Result<Session, ImportError> {
    if snap.format != SNAPSHOT_FORMAT {
        return Err(ImportError::NotAResult);
    }
    // A later version of the questionnaire is told apart from an earlier one where the message
    // is chosen, as for a result file.
    if snap.format_version > SNAPSHOT_VERSION {
        return Err(ImportError::Newer);
    }
    Session::restore(content, snap.clone()).map_err(|e| match e {
        RestoreError::OtherContent { .. } => ImportError::OtherContent {
            content_id: excerpt(&snap.content_id, 40),
            content_version: excerpt(&snap.content_version, 20),
        },
        RestoreError::UnknownFormat => ImportError::NotAResult,
        RestoreError::Inconsistent => ImportError::Altered,
    })
}

/// Reads an export back into a session on its result screen, after checking that it belongs to
/// `content` and that its recorded result follows from its answers.
pub fn import(content: &Questionnaire, file: &ResultExport) -> Result<Session, ImportError> {
    let checked = checked(content, file, |session| {
        let d = session.diagnose(content);
        (session, d)
    });
    checked.map(|(session, _)| session)
}

/// As [`import`], returning the diagnosis the file was checked against instead of the session
/// (the office page gathers thousands of files and needs each one's diagnosis: computing it
/// twice would double the time; the session's answers become the diagnosis's, not copied).
pub fn import_diagnosed(
    content: &Questionnaire,
    file: &ResultExport,
) -> Result<super::Diagnosis, ImportError> {
    let checked = checked(content, file, |session| {
        ((), session.into_diagnosis(content))
    });
    checked.map(|(_, d)| d)
}

/// The file checked and read: `diagnose` makes the diagnosis it is checked against from its
/// session, with what of the session to keep (generic, so that the respondent's page, which
/// keeps the session only, carries no code for the rest).
fn checked<T>(
    content: &Questionnaire,
    file: &ResultExport,
    diagnose: impl FnOnce(Session) -> (T, super::Diagnosis),
) -> Result<(T, super::Diagnosis), ImportError> {
    if file.format != EXPORT_FORMAT || file.format_version == 0 {
        return Err(ImportError::NotAResult);
    }
    if file.format_version > EXPORT_VERSION {
        return Err(ImportError::Newer);
    }
    let retired = file.format_version == 1;
    if !content.made_with(
        &file.content_id,
        &file.content_version,
        &file.fingerprint,
        retired,
    ) {
        // Named in the message: a file can carry anything there, so only its start.
        return Err(ImportError::OtherContent {
            content_id: excerpt(&file.content_id, 40),
            content_version: excerpt(&file.content_version, 20),
        });
    }
    let snapshot = super::session::Snapshot {
        format: super::session::SNAPSHOT_FORMAT.to_string(),
        // The fingerprint was checked above, with the file's own layout version.
        format_version: file.format_version,
        content_id: file.content_id.clone(),
        content_version: file.content_version.clone(),
        fingerprint: file.fingerprint.clone(),
        role: file.role.clone(),
        answers: file.answers.clone(),
        ticked: file.ticked.clone(),
        lacking: file.lacking.clone(),
        unsure: file.unsure.clone(),
        screen: Screen::Result,
        // The reader's language stays as it is: the file's is only the one it was made in.
        lang: None,
        made: Some(file.created.clone()),
        targets: file.targets.clone(),
    };
    let session = Session::restore(content, snapshot).map_err(|_| ImportError::Altered)?;
    let (kept, d) = diagnose(session);
    let plan: Vec<String> = d.plan.iter().map(|p| p.step.clone()).collect();
    if exported_scores(content, &d) != file.scores
        || d.classification.primary != file.primary
        || plan != file.plan
    {
        return Err(ImportError::Altered);
    }
    Ok((kept, d))
}
