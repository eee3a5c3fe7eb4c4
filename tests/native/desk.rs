//! The office page's state: files, codes and office files taken or refused one by one with
//! where they came from, removal, workshop mode, an earlier year's file, and the shipped guide
//! passing its checker (and a broken one reported in full).

use super::office::{all, result_file};
use super::shipped;
use kintone_diagnosis::core::code::result_code;
use kintone_diagnosis::core::desk::{Desk, DeskAction, Source};
use kintone_diagnosis::core::export::ImportError;
use kintone_diagnosis::core::guide::{check, Guide};
use kintone_diagnosis::core::json;
use kintone_diagnosis::core::office::Refusal;
use kintone_diagnosis::core::read;

const GUIDE: &str = include_str!("../../content/office-guide.json");

fn files(
    c: &kintone_diagnosis::core::Questionnaire,
    people: &[(&str, usize)],
) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    for (role, count) in people {
        for i in 0..*count {
            let name = format!("{role}-{i}.json");
            let made = format!("2026-12-01T09:{:02}:00+09:00", out.len());
            out.push((name, Some(result_file(c, role, &all(c, role, "2"), &made))));
        }
    }
    out
}

/// The shipped office guide, read as the office page reads it.
pub fn shipped_guide() -> Guide {
    read::guide(GUIDE).expect("the shipped guide reads")
}

#[test]
fn the_shipped_guide_passes_its_checker_and_covers_every_blocker() {
    let c = shipped();
    let guide = read::guide(GUIDE).expect("the shipped guide reads");
    assert_eq!(check(&guide, &c), Vec::new());
    for d in &c.dimensions {
        let (at, step) = guide.procedure_of(&d.id).expect("every blocker has a step");
        assert!(
            step.label
                .get("ja")
                .unwrap()
                .starts_with(&format!("ステップ{at}")),
            "{:?}",
            step.label
        );
    }
}

#[test]
fn a_broken_guide_is_reported_in_full_with_paths() {
    let c = shipped();
    let broken = GUIDE
        .replace("\"for\": \"kintone-municipal\"", "\"for\": \"another\"")
        .replace("\"procedure\": \"step3\"", "\"procedure\": \"step9\"")
        .replace("\"leadership\": {", "\"leadershp\": {");
    let guide = read::guide(&broken).unwrap();
    let problems: Vec<String> = check(&guide, &c).iter().map(ToString::to_string).collect();
    for expected in [
        "for: names 'another'",
        "dimensions.vendor_suspicion.procedure: 'step9' is not a step",
        "dimensions.leadership: missing",
        "dimensions.leadershp: not a blocker",
    ] {
        assert!(
            problems.iter().any(|p| p.starts_with(expected)),
            "{expected} in {problems:#?}"
        );
    }
    let misspelt = read::guide(&GUIDE.replace("\"opener\"", "\"openr\"")).unwrap_err();
    assert!(
        misspelt[0].to_string().contains("unknown field"),
        "{misspelt:?}"
    );
    let empty = check(&Guide::default(), &c);
    assert!(
        empty.len() > c.dimensions.len(),
        "every missing piece at once: {empty:?}"
    );
}

#[test]
fn each_input_is_taken_or_refused_on_its_own_with_its_source() {
    let c = shipped();
    let mut desk = Desk::default();
    let mut batch = files(&c, &[("staff", 3), ("promoter", 2)]);
    let copy = batch[0].1.clone();
    let copy_again = copy.clone();
    batch.push(("copy.json".into(), copy));
    batch.push(("notes.txt".into(), Some("hello".into())));
    batch.push(("huge.json".into(), None));
    batch.push((
        "other.json".into(),
        Some(
            batch[1]
                .1
                .clone()
                .unwrap()
                .replace("kintone-municipal", "another"),
        ),
    ));
    desk.apply(&c, DeskAction::Reading(batch.len()));
    desk.apply(&c, DeskAction::Take(batch));
    assert_eq!(desk.progress.map(|p| (p.done, p.total)), Some((9, 9)));
    desk.apply(&c, DeskAction::Read);
    assert_eq!(desk.progress, None);
    assert_eq!(desk.gathering.respondents.len(), 5);
    assert_eq!(desk.taken, 5);
    assert_eq!(desk.sources[4], Source::File("promoter-1.json".into()));
    let why: Vec<(String, Refusal)> = desk
        .refused
        .iter()
        .map(|r| match &r.source {
            Source::File(f) => (f.clone(), r.why.clone()),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(why[0], ("copy.json".into(), Refusal::Duplicate(0)));
    assert_eq!(why[1], ("notes.txt".into(), Refusal::NotJson));
    assert_eq!(why[2], ("huge.json".into(), Refusal::TooLarge));
    assert!(
        matches!(why[3].1, Refusal::Import(ImportError::OtherContent { .. })),
        "{:?}",
        why[3]
    );

    // Removing one keeps the others and their sources aligned.
    let revision = desk.revision;
    desk.apply(&c, DeskAction::Remove(0));
    assert_eq!(desk.gathering.respondents.len(), 4);
    assert_eq!(desk.sources[0], Source::File("staff-1.json".into()));
    assert!(desk.revision > revision);
    // What was refused went with the last input's news: a duplicate named the result it repeats
    // by its place, which the removal moved (found by a helper: it went on naming the file that
    // moved into that place).
    assert_eq!(desk.refused, Vec::new());
    // Picked again, the copy of the one removed is taken.
    desk.apply(&c, DeskAction::Take(vec![("copy.json".into(), copy_again)]));
    assert_eq!(
        (desk.gathering.respondents.len(), desk.refused.len()),
        (5, 0)
    );
    desk.apply(&c, DeskAction::Remove(4));
    desk.apply(&c, DeskAction::Remove(99));
    assert_eq!(
        desk.gathering.respondents.len(),
        4,
        "a stale index removes nothing"
    );
}

#[test]
fn codes_are_taken_from_the_box_and_from_a_text_file() {
    let c = shipped();
    let code = |role: &str, day: &str| result_code(&c, Some(role), &all(&c, role, "3"), day);
    let (a, b) = (code("finance", "2026-11-30"), code("manager", "2026-12-01"));
    let mut desk = Desk::default();
    desk.apply(
        &c,
        DeskAction::Paste(format!("From: someone\n{a}\nand\n{b}\n")),
    );
    assert_eq!(desk.gathering.respondents.len(), 2);
    assert!(matches!(desk.sources[0], Source::Code(_)));
    desk.apply(&c, DeskAction::Paste(a.clone()));
    assert_eq!(desk.refused.len(), 1);
    assert_eq!(desk.refused[0].why, Refusal::Duplicate(0));
    desk.apply(&c, DeskAction::Paste("no code here".into()));
    assert_eq!(
        desk.refused[0].why,
        Refusal::NotAResult,
        "the last paste's notice only"
    );
    // A mail saved as a text file.
    let c2 = code("staff", "2026-12-01");
    desk.apply(
        &c,
        DeskAction::Take(vec![("mail.txt".into(), Some(format!("codes:\n{c2}\n")))]),
    );
    assert_eq!(desk.gathering.respondents.len(), 3);
}

#[test]
fn an_office_file_brings_back_its_results_and_an_earlier_one_is_compared() {
    let c = shipped();
    let mut desk = Desk::default();
    desk.apply(
        &c,
        DeskAction::Take(files(&c, &[("staff", 4), ("manager", 3)])),
    );
    desk.apply(&c, DeskAction::Workshop(true));
    let saved = json::to_string(&desk.office_file(&c, "2026-12-01T10:00:00+09:00"), true).unwrap();

    let mut again = Desk::default();
    again.apply(
        &c,
        DeskAction::Take(vec![("office.json".into(), Some(saved.clone()))]),
    );
    assert_eq!(again.gathering.respondents.len(), 7);
    assert_eq!(again.sources[6], Source::InOffice("office.json".into(), 7));
    // Loaded twice: every result is refused as a duplicate, with its place in the file.
    again.apply(
        &c,
        DeskAction::Take(vec![("office.json".into(), Some(saved.clone()))]),
    );
    assert_eq!(again.refused.len(), 7);
    assert_eq!(
        again.refused[2].source,
        Source::InOffice("office.json".into(), 3)
    );

    // Beside this year's results, as last year's.
    again.apply(
        &c,
        DeskAction::Earlier("last-year.json".into(), Some(saved.clone())),
    );
    let view = again.overview(&c, &shipped_guide());
    let yoy = view.findings.year_on_year.expect("compared");
    assert!(
        yoy.left_out.is_empty(),
        "the same questionnaire: {:?}",
        yoy.left_out
    );
    assert!(yoy.changes.iter().all(|ch| ch.n.0 == ch.n.1 && ch.n.0 > 0));
    // Not an office file, or another questionnaire's: refused, the earlier one kept.
    again.apply(&c, DeskAction::Earlier("x.json".into(), Some("{}".into())));
    assert_eq!(again.refused[0].why, Refusal::NotAResult);
    again.apply(
        &c,
        DeskAction::Earlier(
            "y.json".into(),
            Some(saved.replace(
                "\"content_id\": \"kintone-municipal\"",
                "\"content_id\": \"other\"",
            )),
        ),
    );
    assert!(matches!(
        again.refused[0].why,
        Refusal::Import(ImportError::OtherContent { .. })
    ));
    assert_eq!(
        again.earlier.as_ref().map(|e| e.name.as_str()),
        Some("last-year.json")
    );
    again.apply(&c, DeskAction::ForgetEarlier);
    assert_eq!(
        again.overview(&c, &shipped_guide()).findings.year_on_year,
        None
    );
}

#[test]
fn the_overview_counts_roles_and_merges_small_groups_unless_in_workshop() {
    let c = shipped();
    let mut desk = Desk::default();
    assert!(desk.summary(&c).is_empty(), "no respondent yet");
    desk.apply(
        &c,
        DeskAction::Take(files(
            &c,
            &[
                ("staff", 5),
                ("promoter", 4),
                ("finance", 1),
                ("manager", 2),
            ],
        )),
    );
    let view = desk.overview(&c, &shipped_guide());
    let n: Vec<usize> = view.summary.per_role.iter().map(|(_, n)| *n).collect();
    assert_eq!(n, vec![4, 5, 2, 1], "promoter, staff, manager, finance");
    assert!(!view.summary.is_empty());
    assert_eq!(
        view.summary.groups.len(),
        3,
        "finance and manager merged: {:?}",
        view.summary.groups
    );
    assert!(view.summary.groups.iter().any(|g| g.is_merged()));
    desk.apply(&c, DeskAction::Workshop(true));
    assert_eq!(desk.overview(&c, &shipped_guide()).summary.groups.len(), 4);
}

#[test]
fn one_person_sending_both_the_file_and_the_code_is_counted_once() {
    let c = shipped();
    let answers = all(&c, "staff", "2");
    let file = result_file(&c, "staff", &answers, "2026-12-01T09:30:12+09:00");
    let code = result_code(&c, Some("staff"), &answers, "2026-12-01");
    let mut desk = Desk::default();
    desk.apply(
        &c,
        DeskAction::Take(vec![("tanaka.json".into(), Some(file.clone()))]),
    );
    desk.apply(&c, DeskAction::Paste(code.clone()));
    assert_eq!(desk.gathering.respondents.len(), 1);
    assert_eq!(desk.refused[0].why, Refusal::Duplicate(0));
    // The other way round too.
    let mut desk = Desk::default();
    desk.apply(&c, DeskAction::Paste(code));
    desk.apply(
        &c,
        DeskAction::Take(vec![("tanaka.json".into(), Some(file.clone()))]),
    );
    assert_eq!(desk.gathering.respondents.len(), 1);
    // Whether any result came from a code is counted, not looked for per file: removing
    // another person's file must leave the count, or this person's file would be taken twice.
    let mut desk = Desk::default();
    let someone = result_file(
        &c,
        "staff",
        &all(&c, "staff", "1"),
        "2026-12-01T08:00:00+09:00",
    );
    desk.apply(
        &c,
        DeskAction::Paste(result_code(&c, Some("staff"), &answers, "2026-12-01")),
    );
    desk.apply(
        &c,
        DeskAction::Take(vec![("someone.json".into(), Some(someone))]),
    );
    desk.apply(&c, DeskAction::Remove(1));
    desk.apply(
        &c,
        DeskAction::Take(vec![("tanaka.json".into(), Some(file))]),
    );
    assert_eq!(desk.gathering.respondents.len(), 1);
    assert_eq!(desk.refused[0].why, Refusal::Duplicate(0));
    // Two files of the same answers on the same day, neither from a code, are two people.
    let mut files_only = Desk::default();
    let other = result_file(&c, "staff", &answers, "2026-12-01T10:00:00+09:00");
    let third = other.replace("10:00:00", "11:00:00");
    files_only.apply(
        &c,
        DeskAction::Take(vec![
            ("suzuki.json".into(), Some(other)),
            ("sato.json".into(), Some(third)),
        ]),
    );
    assert_eq!(files_only.gathering.respondents.len(), 2);
}

#[test]
fn the_office_pages_shorter_questionnaire_is_the_shipped_one_less_its_texts_for_respondents() {
    use kintone_diagnosis::core::Questionnaire;
    let full = shipped();
    assert_eq!(
        kintone_diagnosis::SHIPPED_FINGERPRINT,
        full.fingerprint(),
        "the questionnaire changed: set SHIPPED_FINGERPRINT in src/lib.rs to this value"
    );
    let short = read::content(kintone_diagnosis::OFFICE_CONTENT).expect("the office copy reads");
    assert!(
        kintone_diagnosis::OFFICE_CONTENT.len() < kintone_diagnosis::SHIPPED_CONTENT.len() * 4 / 5
    );
    // Nothing else left out: the full questionnaire with those texts emptied is the copy.
    let mut expected = full.content().clone();
    expected.intro = Default::default();
    expected.scoring_note = Default::default();
    for r in &mut expected.roles {
        r.description = Default::default();
    }
    for d in &mut expected.dimensions {
        d.summary = Default::default();
    }
    for s in &mut expected.steps {
        s.rationale = Default::default();
        s.ask = Default::default();
    }
    for i in &mut expected.checklist.items {
        i.detail = Default::default();
    }
    for s in &mut expected.sections {
        s.intro = None;
    }
    // Compared as text: a difference is then one line, not two copies of the questionnaire.
    assert!(short == expected, "{}", {
        let (a, b) = (format!("{short:#?}"), format!("{expected:#?}"));
        let first = a
            .lines()
            .zip(b.lines())
            .position(|(x, y)| x != y)
            .unwrap_or(0);
        format!(
            "first difference at line {first}: {:?}",
            a.lines().nth(first)
        )
    });
    // And it diagnoses alike: a result is gathered the same by either.
    let office = Questionnaire::with_fingerprint(short, kintone_diagnosis::SHIPPED_FINGERPRINT);
    let file = result_file(
        &full,
        "finance",
        &all(&full, "finance", "1"),
        "2026-12-01T09:00:00+09:00",
    );
    let (mut a, mut b) = (
        kintone_diagnosis::core::office::Gathering::default(),
        kintone_diagnosis::core::office::Gathering::default(),
    );
    a.add(&full, &file).unwrap();
    b.add(&office, &file).unwrap();
    assert_eq!(a.respondents[0].diagnosis, b.respondents[0].diagnosis);
}
