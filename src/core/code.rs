//! The result code: a result as one short line of text that a respondent can
//! paste into the office's chat or mail when handing over a file is awkward, and that the office
//! view reads back. It carries the questionnaire (id, version, fingerprint), the day, the role
//! and every answer, and ends with a checksum, so that a line cut short or mistyped is refused
//! rather than read wrong.
//!
//! Layout (version 1), fields separated by `:`:
//! `kd1:<content id>:<content version>:<fingerprint>:<YYYYMMDD>:<role or ->:<answers>:<check>`.
//! `<answers>` has one character per question of the questionnaire, in its order: `-` for
//! unanswered, `x` for "don't know", otherwise the chosen choice's position in its scale, from `1`
//! (`1`-`9`, then `a`-`z`). `<check>` is the FNV-1a 64 hash of everything before the last `:`, in
//! 16 lower-case hex digits.

use super::export::ImportError;
use super::fingerprint::{fnv1a, hex16, Questionnaire};
use super::scoring::{Answer, Answers};
use super::session::{Screen, Session, Snapshot, SNAPSHOT_FORMAT, SNAPSHOT_VERSION};

/// The code's first field: its layout.
pub const CODE_PREFIX: &str = "kd1";
/// The longest code read (a questionnaire of 1,000 questions fits; anything longer is not a code).
pub const MAX_CODE: usize = 2_000;

const DIGITS: &[u8] = b"123456789abcdefghijklmnopqrstuvwxyz";

/// The code of a result: `day` as `YYYY-MM-DD`.
pub fn result_code(
    content: &Questionnaire,
    role: Option<&str>,
    answers: &Answers,
    day: &str,
) -> String {
    // Built as bytes, all ASCII but the ids (copied whole), rather than formatted: this runs in
    // the respondent's page, where every byte of code is paid by every user.
    let mut code: Vec<u8> = CODE_PREFIX.into();
    let date: Vec<u8> = day.bytes().filter(|b| *b != b'-').collect();
    for part in [
        content.id.as_bytes(),
        content.content_version.as_bytes(),
        content.fingerprint().as_bytes(),
        &date,
        role.unwrap_or("-").as_bytes(),
    ] {
        code.push(b':');
        code.extend_from_slice(part);
    }
    code.push(b':');
    for q in &content.questions {
        code.push(match answers.get(&q.id) {
            None => b'-',
            Some(Answer::DontKnow) => b'x',
            Some(Answer::Choice(v)) => content
                .scale(&q.scale)
                .and_then(|s| s.choices.iter().position(|c| &c.value == v))
                .and_then(|i| DIGITS.get(i).copied())
                .unwrap_or(b'-'),
        });
    }
    let check = hex16(fnv1a(&code));
    code.push(b':');
    code.extend(check.bytes());
    String::from_utf8(code).unwrap_or_default()
}

/// Why a code cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeError {
    /// Not a result code of this widget at all.
    NotACode,
    /// Shaped like one, but cut short, mistyped or edited (the checksum disagrees, or its answers
    /// do not fit the questionnaire it names).
    Damaged,
    /// Made with another questionnaire or another version of it (as a result file would be).
    Other(ImportError),
}

/// A code read back: the session it stands for (on the result screen) and its day.
pub fn read_code(content: &Questionnaire, code: &str) -> Result<(Session, String), CodeError> {
    let code = code.trim();
    if code.len() > MAX_CODE || !code.starts_with(&format!("{CODE_PREFIX}:")) {
        return Err(CodeError::NotACode);
    }
    let fields: Vec<&str> = code.split(':').collect();
    // It starts like a code: any misfit from here on is a code cut short or mistyped.
    let [_, id, version, fingerprint, day, role, marks, check] = fields.as_slice() else {
        return Err(CodeError::Damaged);
    };
    let body = &code[..code.len() - check.len() - 1];
    if *check != hex16(fnv1a(body.as_bytes())) {
        return Err(CodeError::Damaged);
    }
    if *id != content.id
        || *version != content.content_version
        || *fingerprint != content.fingerprint()
    {
        return Err(CodeError::Other(ImportError::OtherContent {
            content_id: super::validate::excerpt(id, 40),
            content_version: super::validate::excerpt(version, 20),
        }));
    }
    if day.len() != 8 || !day.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CodeError::Damaged);
    }
    let day = format!("{}-{}-{}", &day[..4], &day[4..6], &day[6..]);
    if marks.chars().count() != content.questions.len() {
        return Err(CodeError::Damaged);
    }
    let mut answers = Answers::new();
    for (q, mark) in content.questions.iter().zip(marks.bytes()) {
        let answer = match mark {
            b'-' => continue,
            b'x' => Answer::DontKnow,
            digit => {
                let at = DIGITS
                    .iter()
                    .position(|d| *d == digit)
                    .ok_or(CodeError::Damaged)?;
                let scale = content.scale(&q.scale).ok_or(CodeError::Damaged)?;
                Answer::Choice(
                    scale
                        .choices
                        .get(at)
                        .ok_or(CodeError::Damaged)?
                        .value
                        .clone(),
                )
            }
        };
        answers.insert(q.id.clone(), answer);
    }
    // Through the same checks as a saved session: the role known, every answer one the role can
    // give, the stage first.
    let snapshot = Snapshot {
        format: SNAPSHOT_FORMAT.to_string(),
        format_version: SNAPSHOT_VERSION,
        content_id: content.id.clone(),
        content_version: content.content_version.clone(),
        fingerprint: content.fingerprint().to_string(),
        role: (*role != "-").then(|| role.to_string()),
        answers,
        screen: Screen::Result,
        ..Snapshot::default()
    };
    let session = Session::restore(content, snapshot).map_err(|_| CodeError::Damaged)?;
    Ok((session, day))
}

/// Whether `code` ends with the checksum of the rest (no questionnaire needed).
fn checksum_holds(code: &str) -> bool {
    code.rsplit_once(':')
        .is_some_and(|(body, check)| check == hex16(fnv1a(body.as_bytes())))
}

/// The characters a code is written in.
fn in_code(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, ':' | '.' | '-' | '_')
}

/// Every result code in a pasted text (a chat log, a mail), in order: each starts at `kd1:`;
/// one that a mail program wrapped over several lines is joined again (up to four lines, as long
/// as the joined text's checksum holds). A code whose checksum never holds is returned as it
/// stood, so that it is refused with its reason rather than dropped unseen.
pub fn codes_in(text: &str) -> Vec<String> {
    let start = format!("{CODE_PREFIX}:");
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(&start) {
        rest = &rest[at..];
        let piece = |s: &str| -> usize { s.find(|c: char| !in_code(c)).unwrap_or(s.len()) };
        let first = piece(rest);
        let mut joined = (rest[..first].to_string(), first);
        for _ in 0..3 {
            if checksum_holds(&joined.0) {
                break;
            }
            // The next line's first piece, across the line break and its indentation.
            let after = &rest[joined.1..];
            let gap = after.len() - after.trim_start().len();
            let next = &after[gap..];
            if gap == 0 || !after[..gap].contains('\n') || next.starts_with(&start) {
                break;
            }
            let len = piece(next);
            if len == 0 {
                break;
            }
            joined = (
                format!("{}{}", joined.0, &next[..len]),
                joined.1 + gap + len,
            );
        }
        // Joined only where that made the checksum hold; otherwise the code as it stood.
        let (code, used) = if checksum_holds(&joined.0) {
            joined
        } else {
            (rest[..first].to_string(), first)
        };
        out.push(code);
        rest = &rest[used.max(1)..];
    }
    out
}
