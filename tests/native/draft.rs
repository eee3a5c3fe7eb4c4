//! The document drafts: the shipped drafts pass their checker and a broken file is reported in
//! full; which drafts a diagnosis calls for (a budget case, a leadership case, a finance case, a
//! healthy office); every draft filled in both languages (findings, the six materials, the
//! calculator's figures, the procurement route); the Word file read back as a ZIP of well-formed
//! XML; the calculator's sheet. The drafts are also written to `target/drafts/` with what each
//! must show, for the LibreOffice test (`tests/browser/drafts.test.mjs`).

use super::desk::shipped_guide;
use super::office::result_file;
use super::{answers_for, shipped, Lean};
use kintone_diagnosis::core::calc::{
    calculate, CostEffectInput, OperationInput, Sheet, SheetAction, MAX_OPERATIONS,
};
use kintone_diagnosis::core::docx::{crc32, docx};
use kintone_diagnosis::core::draft::{
    check, document, facts, markdown, reasons, Block, Document, Drafts, Entered, Facts, Reason,
};
use kintone_diagnosis::core::office::Gathering;
use kintone_diagnosis::core::{read, Questionnaire};
use proptest::prelude::*;

/// The drafts as written (indented), for tests that break them.
const SOURCE: &str = include_str!("../../content/office-drafts.json");

fn drafts() -> Drafts {
    read::drafts(kintone_diagnosis::OFFICE_DRAFTS).expect("the shipped drafts read")
}

/// The result files of an office where `people` (role, count) answer blocked on `blocked` and
/// healthy elsewhere, and the office gathered from them.
fn office(
    c: &Questionnaire,
    people: &[(&str, usize)],
    blocked: &[&str],
) -> (Vec<String>, Gathering) {
    let (mut files, mut g) = (Vec::new(), Gathering::default());
    for (role, count) in people {
        for _ in 0..*count {
            let answers = answers_for(c, role, |d| {
                if blocked.contains(&d) {
                    Lean::Blocked
                } else {
                    Lean::Healthy
                }
            });
            let made = format!("2026-12-01T10:{:02}:00+09:00", files.len());
            let file = result_file(c, role, &answers, &made);
            g.add(c, &file).expect("gathered");
            files.push(file);
        }
    }
    (files, g)
}

/// The four cases the issue names, each with its result files.
fn cases(c: &Questionnaire) -> Vec<(&'static str, Vec<String>, Gathering)> {
    let people = [
        ("promoter", 2),
        ("manager", 1),
        ("finance", 1),
        ("staff", 2),
    ];
    [
        ("budget", &["justification"][..]),
        ("leadership", &["leadership"]),
        ("finance", &["finance"]),
        ("healthy", &[]),
    ]
    .into_iter()
    .map(|(case, blocked)| {
        let (files, g) = office(c, &people, blocked);
        (case, files, g)
    })
    .collect()
}

/// The calculator form of the published chat-tool case: 1,100 staff × 15 minutes × 240 days at
/// ¥4,000 an hour; licences ¥1,000 × 1,100 users a month; training ¥500,000, partner ¥1,500,000.
fn chat_tool() -> CostEffectInput {
    CostEffectInput {
        operations: vec![OperationInput {
            name: "チャットでの連絡".into(),
            staff: "1,100".into(),
            minutes: "15".into(),
            per_year: "240".into(),
        }],
        hourly_cost: "4000".into(),
        years: String::new(),
        licence_per_user_month: "1000".into(),
        users: "1100".into(),
        training: "500000".into(),
        partner: "1500000".into(),
    }
}

#[test]
fn a_payback_beyond_the_years_counted_is_said_to_be_outside_them() {
    let d = drafts();
    let said = |input: &CostEffectInput| {
        let c = calculate(input).expect("taken");
        let mut out = Vec::new();
        kintone_diagnosis::core::draft::cost_effect(&d, Some(&c), "ja", &mut out);
        let doc = Document {
            id: String::new(),
            title: String::new(),
            blocks: out,
        };
        (c.payback_months, c.net < 0, text_of(&doc))
    };
    // ¥18,000 saved and ¥12,000 of licences a year: ¥500 a month against ¥30,000 of training.
    let mut input = CostEffectInput {
        operations: vec![OperationInput {
            name: "x".into(),
            staff: "1".into(),
            minutes: "60".into(),
            per_year: "12".into(),
        }],
        hourly_cost: "1500".into(),
        years: String::new(),
        licence_per_user_month: "1000".into(),
        users: "1".into(),
        training: "30000".into(),
        partner: String::new(),
    };
    let (months, loss, text) = said(&input);
    assert_eq!((months, loss), (Some(60), false));
    assert!(text.contains("費用を回収するまで60か月"), "{text}");
    input.training = "30001".into();
    let (months, loss, text) = said(&input);
    assert_eq!((months, loss), (Some(61), true));
    assert!(
        text.contains("費用を回収するまで期間内には回収できません"),
        "{text}"
    );
    assert!(!text.contains("61か月"), "{text}");
}

fn text_of(doc: &Document) -> String {
    let mut out = doc.title.clone();
    for b in &doc.blocks {
        match b {
            Block::Heading(t) | Block::Paragraph(t) => out.push_str(t),
            Block::Points { items, .. } => items.iter().for_each(|i| out.push_str(i)),
            Block::Table(rows) => rows.iter().flatten().for_each(|c| out.push_str(c)),
        }
        out.push('\n');
    }
    out
}

#[test]
fn the_shipped_drafts_pass_their_checker_in_every_language() {
    let (c, g, d) = (shipped(), shipped_guide(), drafts());
    assert_eq!(check(&d, &g, &c), Vec::new());
    assert_eq!(d.drafts.len(), 6, "the six documents the issue names");
    for draft in &d.drafts {
        assert!(
            g.step(&draft.procedure).is_some(),
            "{} has its 手順書 step",
            draft.id
        );
    }
}

#[test]
fn a_broken_drafts_file_is_reported_in_full_with_paths() {
    let (c, g) = (shipped(), shipped_guide());
    let broken = SOURCE
        .replace("\"reader\": \"finance\"", "\"reader\": \"treasurer\"")
        .replace("\"fill\": \"materials\"", "\"fill\": \"material\"")
        .replace("{product}などの", "{produkt}などの")
        .replace("\"checked\": \"2026-11\"", "\"checked\": \"November\"")
        .replace("\"yen\": 800000", "\"yen\": 0")
        .replace(
            "\"title\": { \"ja\": \"幹部の皆さまへ",
            "\"title\": { \"fr\": \"x\", \"ja\": \"幹部の皆さまへ",
        );
    let book = read::drafts(&broken).unwrap();
    let problems: Vec<String> = check(&book, &g, &c)
        .iter()
        .map(ToString::to_string)
        .collect();
    for expected in [
        "drafts[0].reader: 'treasurer' is not an owner",
        "drafts[0].sections[8].fill: 'material' is not one of",
        "procurement.checked: must be YYYY-MM",
        "procurement.limits[1].yen: must be more than 0",
    ] {
        assert!(
            problems.iter().any(|p| p.starts_with(expected)),
            "{expected} in {problems:#?}"
        );
    }
    let no_label = read::drafts(&SOURCE.replace("\"payback\":", "\"paybak\":")).unwrap();
    let problems: Vec<String> = check(&no_label, &g, &c)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("labels.payback: missing")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("labels.paybak: not a label")),
        "{problems:?}"
    );
    let misspelt = read::drafts(&SOURCE.replace("\"points\"", "\"pointz\"")).unwrap_err();
    assert!(
        misspelt[0].to_string().contains("unknown field"),
        "{misspelt:?}"
    );
    let empty = check(&Drafts::default(), &g, &c);
    assert!(empty.len() > 3, "every missing piece at once: {empty:?}");
}

#[test]
fn each_case_calls_for_its_drafts_and_a_healthy_office_for_none() {
    let (c, d) = (shipped(), drafts());
    let called = |f: &Facts| -> Vec<(String, Vec<Reason>)> {
        (d.drafts.iter())
            .map(|x| (x.id.clone(), reasons(x, f)))
            .filter(|(_, r)| !r.is_empty())
            .collect()
    };
    for (case, _, g) in cases(&c) {
        let f = facts(&c, &g);
        assert_eq!(f.respondents, 6);
        let called = called(&f);
        let ids: Vec<&str> = called.iter().map(|(id, _)| id.as_str()).collect();
        match case {
            "budget" => {
                assert_eq!(f.main, vec![("justification".to_string(), f.main[0].1)]);
                let budget = &called
                    .iter()
                    .find(|(id, _)| id == "budget_request")
                    .unwrap()
                    .1;
                assert!(
                    budget.contains(&Reason::Blocker("justification".into())),
                    "{budget:?}"
                );
                assert!(
                    budget.contains(&Reason::Materials),
                    "materials are missing: {f:?}"
                );
                assert!(
                    (0..6).all(|i| !f.ready(i)),
                    "every material to prepare: {f:?}"
                );
                assert!(!ids.contains(&"executive_note"), "{ids:?}");
            }
            "leadership" => {
                assert!(f.main.iter().any(|(b, _)| b == "leadership"), "{f:?}");
                assert!(ids.contains(&"executive_note"), "{ids:?}");
                assert!(!ids.contains(&"finance_note"), "{ids:?}");
            }
            "finance" => {
                assert!(f.main.iter().any(|(b, _)| b == "finance"), "{f:?}");
                assert!(ids.contains(&"finance_note"), "{ids:?}");
                assert!(!ids.contains(&"executive_note"), "{ids:?}");
            }
            _ => {
                assert!(f.main.is_empty(), "{f:?}");
                assert!((0..6).all(|i| f.ready(i)), "every material there: {f:?}");
                assert_eq!(ids, Vec::<&str>::new(), "nothing called for first");
            }
        }
    }
}

#[test]
fn one_role_alone_is_offered_the_drafts_addressed_to_it() {
    let (c, d) = (shipped(), drafts());
    let offered = |role: &str| -> Vec<String> {
        let (_, g) = office(&c, &[(role, 1)], &[]);
        let f = facts(&c, &g);
        (d.drafts.iter())
            .filter(|x| reasons(x, &f).contains(&Reason::Reader))
            .map(|x| x.id.clone())
            .collect()
    };
    assert_eq!(
        offered("finance"),
        ["budget_request", "finance_note", "procurement_note"]
    );
    assert_eq!(offered("manager"), ["executive_note", "training_plan"]);
    assert_eq!(offered("staff"), ["operation_rules"]);
    assert_eq!(
        offered("promoter"),
        Vec::<String>::new(),
        "promoters write them"
    );
    // Mixed roles: addressed to nobody in particular.
    let (_, g) = office(&c, &[("finance", 1), ("staff", 1)], &[]);
    assert!(facts(&c, &g).readers.is_empty());
}

#[test]
fn every_draft_is_filled_in_both_languages_and_written_for_libreoffice() {
    let (c, g, d) = (shipped(), shipped_guide(), drafts());
    let cost = calculate(&chat_tool()).unwrap();
    // The figures the published case gives (worked out by hand): 66,000 h a year, ¥264,000,000
    // a year, five years ¥1,320,000,000; licences ¥13,200,000 a year; cost ¥68,000,000.
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/drafts");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).unwrap();
    let mut expected = Vec::new();
    for (case, files, gathering) in cases(&c) {
        // The case's result files, for the office page in the browser test.
        let folder = out.join("cases").join(case);
        std::fs::create_dir_all(&folder).unwrap();
        for (i, file) in files.iter().enumerate() {
            std::fs::write(folder.join(format!("result-{i}.json")), file).unwrap();
        }
        let f = facts(&c, &gathering);
        for lang in ["ja", "en"] {
            let ja = lang == "ja";
            for draft in &d.drafts {
                // The budget case with the calculator filled in; the others without it.
                let entered = Entered {
                    product: if case == "budget" { "kintone" } else { "" },
                    cost: (case == "budget").then_some(&cost),
                    limit: Some(1_000_000),
                };
                let doc = document(&c, &g, &d, draft, &f, entered, lang);
                let text = text_of(&doc);
                assert!(
                    !text.contains('{'),
                    "{case} {} {lang}: a placeholder left: {text}",
                    draft.id
                );
                let headings: Vec<String> = (doc.blocks.iter())
                    .filter_map(|b| match b {
                        Block::Heading(h) => Some(h.clone()),
                        _ => None,
                    })
                    .collect();
                assert_eq!(headings.len(), draft.sections.len());
                let mut figures: Vec<String> = Vec::new();
                if draft.id == "budget_request" {
                    if case == "budget" {
                        let (h, y, total, cost_total) = if ja {
                            (
                                "66,000.0",
                                "264,000,000円",
                                "1,320,000,000円",
                                "68,000,000円",
                            )
                        } else {
                            ("66,000.0", "¥264,000,000", "¥1,320,000,000", "¥68,000,000")
                        };
                        for fig in [h, y, total, cost_total] {
                            assert!(text.contains(fig), "{lang}: {fig} in {text}");
                            figures.push(fig.into());
                        }
                        assert!(text.contains("kintone"), "the product the user named");
                        // The first year (¥13,200,000 + ¥2,000,000) exceeds the ¥1,000,000 limit.
                        let over = if ja { "15,200,000円" } else { "¥15,200,000" };
                        assert!(text.contains(over), "{text}");
                        figures.push(over.into());
                        let to_prepare = d.label("to_prepare", lang);
                        let marked = (doc.blocks.iter())
                            .filter_map(|b| match b {
                                Block::Table(rows) => Some(rows),
                                _ => None,
                            })
                            .flatten()
                            .filter(|row| row.get(1).is_some_and(|s| s == to_prepare))
                            .count();
                        assert_eq!(marked, 6, "every material to prepare: {text}");
                    } else {
                        let neutral = if ja {
                            "検討中の製品"
                        } else {
                            "the product under consideration"
                        };
                        assert!(
                            text.contains(neutral) && !text.contains("kintone"),
                            "{text}"
                        );
                        assert!(text.contains(d.label("no_cost_effect", lang)), "{text}");
                    }
                    if case == "healthy" {
                        assert!(text.contains(d.label("no_main_blocker", lang)));
                    }
                }
                let md = markdown(&doc);
                assert!(md.starts_with(&format!("# {}\n", doc.title)));
                for h in &headings {
                    assert!(md.contains(&format!("\n## {h}\n")), "{h} in {md}");
                }
                let bytes = docx(&doc, lang);
                let parts = unzip(&bytes);
                let body = &parts
                    .iter()
                    .find(|(n, _)| n == "word/document.xml")
                    .unwrap()
                    .1;
                for (name, xml) in &parts {
                    well_formed(xml).unwrap_or_else(|e| panic!("{name}: {e}"));
                }
                assert!(body.contains(&xml_text(&doc.title)));
                let stem = format!("{case}-{}-{lang}", draft.id);
                std::fs::write(out.join(format!("{stem}.docx")), &bytes).unwrap();
                std::fs::write(out.join(format!("{stem}.md")), md).unwrap();
                expected.push(serde_json::json!({
                    "file": format!("{stem}.docx"),
                    "title": doc.title,
                    "headings": headings,
                    "figures": figures,
                }));
            }
        }
    }
    std::fs::write(
        out.join("expected.json"),
        serde_json::to_string_pretty(&expected).unwrap(),
    )
    .unwrap();
}

fn xml_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A ZIP's entries read through its central directory, each checked against its local header
/// and its CRC (computed here with a table, not the writer's bitwise loop).
fn unzip(zip: &[u8]) -> Vec<(String, String)> {
    let u16_at = |at: usize| u16::from_le_bytes([zip[at], zip[at + 1]]) as usize;
    let u32_at = |at: usize| u32::from_le_bytes(zip[at..at + 4].try_into().unwrap()) as usize;
    let end = zip.len() - 22;
    assert_eq!(u32_at(end), 0x0605_4b50, "end of central directory");
    let (count, mut at) = (u16_at(end + 10), u32_at(end + 16));
    let table: Vec<u32> = (0..256u32)
        .map(|n| {
            (0..8).fold(n, |c, _| {
                if c & 1 == 1 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                }
            })
        })
        .collect();
    let crc = |data: &[u8]| {
        !data.iter().fold(!0u32, |c, &b| {
            table[((c ^ u32::from(b)) & 0xff) as usize] ^ (c >> 8)
        })
    };
    let mut out = Vec::new();
    for _ in 0..count {
        assert_eq!(u32_at(at), 0x0201_4b50);
        let (sum, size, name_len, local) = (
            u32_at(at + 16),
            u32_at(at + 20),
            u16_at(at + 28),
            u32_at(at + 42),
        );
        let name = String::from_utf8(zip[at + 46..at + 46 + name_len].to_vec()).unwrap();
        assert_eq!(u32_at(local), 0x0403_4b50, "{name}: local header");
        assert_eq!(u16_at(local + 8), 0, "{name}: stored");
        let data = &zip[local + 30 + name_len..local + 30 + name_len + size];
        assert_eq!(crc(data) as usize, sum, "{name}: CRC");
        assert_eq!(crc32(data) as usize, sum);
        out.push((name, String::from_utf8(data.to_vec()).unwrap()));
        at += 46 + name_len;
    }
    let names: Vec<&str> = out.iter().map(|(n, _)| n.as_str()).collect();
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/numbering.xml",
    ] {
        assert!(names.contains(&part), "{part} in {names:?}");
    }
    out
}

/// Every tag closed in order, every attribute quoted, no bare `&` or `<` in text.
fn well_formed(xml: &str) -> Result<(), String> {
    let body = xml
        .strip_prefix(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#)
        .ok_or("declaration")?;
    let mut open: Vec<&str> = Vec::new();
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        let text = &rest[..lt];
        if text.contains('<')
            || text.split('&').skip(1).any(|s| {
                !["amp;", "lt;", "gt;", "quot;"]
                    .iter()
                    .any(|e| s.starts_with(e))
            })
        {
            return Err(format!("bad text {text:?}"));
        }
        let gt = rest[lt..].find('>').ok_or("unclosed tag")? + lt;
        let tag = &rest[lt + 1..gt];
        if let Some(name) = tag.strip_prefix('/') {
            if open.pop() != Some(name) {
                return Err(format!("</{name}> closes {open:?}"));
            }
        } else if !tag.ends_with('/') {
            open.push(tag.split_whitespace().next().ok_or("empty tag")?);
        }
        if tag.matches('"').count() % 2 != 0 {
            return Err(format!("unbalanced quotes in <{tag}>"));
        }
        rest = &rest[gt + 1..];
    }
    if open.is_empty() && rest.trim().is_empty() {
        Ok(())
    } else {
        Err(format!("left open: {open:?}"))
    }
}

#[test]
fn the_sheet_works_the_figures_out_on_request_and_again_on_every_change() {
    let mut s = Sheet::default();
    assert_eq!(s.input.operations.len(), 1, "one row to fill");
    s.apply(SheetAction::Set("operations[0].staff".into(), "10".into()));
    assert_eq!(s.result, None, "nothing worked out before it is asked for");
    s.apply(SheetAction::Calculate);
    let problems = s.result.clone().unwrap().unwrap_err();
    assert!(
        problems.iter().any(|p| p.field == "operations[0].minutes"),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.field == "hourly_cost"),
        "{problems:?}"
    );
    for (field, value) in [
        ("operations[0].minutes", "30"),
        ("operations[0].per_year", "12"),
        ("hourly_cost", "3000"),
        ("licence_per_user_month", "0"),
        ("users", "0"),
        ("training", "0"),
        ("partner", "0"),
    ] {
        s.apply(SheetAction::Set(field.into(), value.into()));
    }
    // 10 × 30 min × 12 = 3,600 min = 60 h; × ¥3,000 = ¥180,000 a year.
    assert_eq!(s.figures().map(|c| c.effect_per_year), Some(180_000));
    s.apply(SheetAction::Set("hourly_cost".into(), "¥3,500円".into()));
    assert_eq!(
        s.figures().map(|c| c.effect_per_year),
        Some(210_000),
        "worked out again"
    );
    s.apply(SheetAction::Set("operations[9].staff".into(), "1".into()));
    s.apply(SheetAction::Set("nonsense".into(), "1".into()));
    assert_eq!(
        s.figures().map(|c| c.effect_per_year),
        Some(210_000),
        "unknown fields ignored"
    );
    for _ in 0..MAX_OPERATIONS + 5 {
        s.apply(SheetAction::AddRow);
    }
    assert_eq!(s.input.operations.len(), MAX_OPERATIONS);
    // A name pasted whole by mistake is kept to MAX_TEXT characters.
    s.apply(SheetAction::Set(
        "operations[1].name".into(),
        "業".repeat(100_000),
    ));
    assert_eq!(
        s.input.operations[1].name.chars().count(),
        kintone_diagnosis::core::calc::MAX_TEXT
    );
    assert!(s.figures().is_none(), "the new rows are blank: refused");
    while s.input.operations.len() > 1 {
        s.apply(SheetAction::RemoveRow(1));
    }
    s.apply(SheetAction::RemoveRow(5));
    assert_eq!(s.figures().map(|c| c.effect_per_year), Some(210_000));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Whatever the user names the product, every draft comes out with it as typed (escaped in
    /// the Word file) and the Word file stays readable.
    #[test]
    fn any_product_name_is_written_as_typed(product in "\\PC{0,40}") {
        let (c, g, d) = (shipped(), shipped_guide(), drafts());
        let f = Facts::default();
        let draft = &d.drafts[0];
        let doc = document(&c, &g, &d, draft, &f, Entered { product: &product, cost: None, limit: None }, "ja");
        let bytes = docx(&doc, "ja");
        for (name, xml) in unzip(&bytes) {
            prop_assert!(well_formed(&xml).is_ok(), "{}: {:?}", name, well_formed(&xml));
        }
        if !product.trim().is_empty() && product.chars().all(|ch| !ch.is_control()) {
            prop_assert!(text_of(&doc).contains(product.trim()));
        }
    }
}
