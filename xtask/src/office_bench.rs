//! The office page's part of `cargo xtask bench`: result files made by the real export (the
//! core's `export`, as the respondent's page makes them) for N = 100, 1,000 and 10,000, and the
//! report of `bench/office.mjs` (the office page against a hand-written floor in the same run).

use crate::{root, Result};
use kintone_diagnosis::core::{export, json, read, Action, Answer, Questionnaire, Screen, Session};
use serde_json::Value;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Writes `dir/<n>/<i>-<role>.json` for each `n` (skipped when already there) and returns `dir`.
pub fn inputs(sizes: &[usize]) -> Result<PathBuf> {
    let dir = root().join("target/bench/office-results");
    let q = Questionnaire::new(
        read::content(kintone_diagnosis::SHIPPED_CONTENT).map_err(|_| "shipped content")?,
    );
    let roles = ["promoter", "staff", "manager", "finance"];
    for &n in sizes {
        let folder = dir.join(n.to_string());
        if folder.is_dir() && std::fs::read_dir(&folder)?.count() == n {
            continue;
        }
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder)?;
        for i in 0..n {
            let role = roles[i % roles.len()];
            let mut s = Session::new();
            s.apply(&q, Action::ChooseRole(role.into()));
            for (k, question) in q.questions.iter().enumerate() {
                if !q.asks_role(question, Some(role)) {
                    continue;
                }
                let value = if q.is_stage(question) {
                    "trial".to_string()
                } else {
                    // Each role leaning its own way, with some spread.
                    let lean = (i % 4) + (i * 7 + k * 3) % 3;
                    let at = lean.min(question.choices.len().saturating_sub(1));
                    question.choices[at].value.clone()
                };
                s.apply(
                    &q,
                    Action::Answer {
                        question: question.id.clone(),
                        answer: Answer::Choice(value),
                    },
                );
            }
            s.screen = Screen::Result;
            let made = format!(
                "2026-12-01T{:02}:{:02}:{:02}+09:00",
                i / 3600 % 24,
                i / 60 % 60,
                i % 60
            );
            let file = export(&q, &s.diagnose(&q), "ja", &made);
            std::fs::write(
                folder.join(format!("{i:05}-{role}.json")),
                json::to_string(&file, true)?,
            )?;
        }
    }
    Ok(dir)
}

/// One row of `office.mjs`'s output.
fn row<'a>(m: &'a Value, n: u64, page: &str) -> Option<&'a Value> {
    m.as_array()?
        .iter()
        .find(|r| r["n"].as_u64() == Some(n) && r["page"].as_str() == Some(page))
}

/// The report's section on the office page, and its targets: (name, measured, limit).
pub fn section(report: &mut String, m: &Value, sizes: &[usize]) -> Vec<(String, Option<f64>, f64)> {
    let _ = writeln!(
        report,
        "\n## The office page: gathering N result files (medians)\n\nThe files are made by the real export (`core::export`); both pages get them from one pick. Time from the pick to the view on the page (ours: the overview rendered; the floor: its table of sums), the longest main-thread block of the page's own meanwhile (after the files were handed to it), the browser's hand-over of the picked files before (a block no page can shorten; the same files in both pages), and memory after (JS heap plus array buffers, which hold the wasm's memory).\n\n| N | floor ms | ours ms | ours / floor | ms per file (ours) | floor block ms | ours block ms | hand-over ms (floor / ours) | floor MiB | ours MiB |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    );
    let mut targets = Vec::new();
    let mut per_file = Vec::new();
    for &n in sizes {
        let (Some(fl), Some(us)) = (row(m, n as u64, "floor"), row(m, n as u64, "ours")) else {
            continue;
        };
        let g = |r: &Value, k: &str| r[k].as_f64();
        let ratio = g(us, "ms").zip(g(fl, "ms")).map(|(a, b)| a / b);
        let each = g(us, "ms").map(|ms| ms / n as f64);
        per_file.push((n, each));
        let _ = writeln!(
            report,
            "| {n} | {} | {} | {} | {} | {} | {} | {} / {} | {} | {} |",
            crate::bench::f(g(fl, "ms"), 1),
            crate::bench::f(g(us, "ms"), 1),
            crate::bench::f(ratio, 2),
            crate::bench::f(each, 3),
            crate::bench::f(g(fl, "block_ms"), 1),
            crate::bench::f(g(us, "block_ms"), 1),
            crate::bench::f(g(fl, "handover_ms"), 0),
            crate::bench::f(g(us, "handover_ms"), 0),
            crate::bench::f(g(fl, "mib"), 1),
            crate::bench::f(g(us, "mib"), 1),
        );
        targets.push((format!("office, N = {n}: ours / floor"), ratio, 2.0));
        targets.push((
            format!("office, N = {n}: longest block ms of the page's own"),
            g(us, "block_ms"),
            100.0,
        ));
    }
    // Linear growth: the time per file at the largest N against the smallest N of at least 1,000
    // (below that, start-up dominates).
    let base = per_file
        .iter()
        .find(|(n, _)| *n >= 1_000)
        .and_then(|(_, e)| *e);
    if let (Some(base), Some((n, Some(last)))) = (base, per_file.last()) {
        if *n > 1_000 {
            targets.push((
                format!("office: ms per file at N = {n} / at N = 1000 (linear: about 1)"),
                Some(last / base),
                1.5,
            ));
        }
    }
    targets
}

pub fn floor_page() -> PathBuf {
    root().join("xtask/bench/office-floor.html")
}

pub fn script() -> &'static Path {
    Path::new("xtask/bench/office.mjs")
}
