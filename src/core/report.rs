//! The result as a Markdown summary: for download, the clipboard, and pasting into a memo.

use super::content::Material;
use super::diagnosis::Diagnosis;
use super::display::{few_answers, verdict_sentence, Labels};
use super::fingerprint::Questionnaire;
use super::plan::is_own;
use std::fmt::Write;

/// The words of the summary's headings and labels, in the reader's language (the UI owns them;
/// the result screen uses the same).
pub struct ReportWords<'a> {
    pub date: &'a str,
    pub role: &'a str,
    pub version: &'a str,
    /// Blank lines to fill in on paper: the respondent's section and who wrote it up.
    pub section: &'a str,
    pub author: &'a str,
    /// The verdict sentence for a blocked, a healthy and an undecidable office.
    pub verdicts: [&'a str; 3],
    pub primary: &'a str,
    pub because: &'a str,
    /// Quotation marks around a quoted statement.
    pub quote: (&'a str, &'a str),
    pub first: &'a str,
    pub missing: &'a str,
    /// "All steps", followed by their count.
    pub plan: &'a str,
    /// The steps after those to take first.
    pub other: &'a str,
    /// When to raise a step another position owns, from its timeframe.
    pub raise: fn(&str) -> String,
    pub yours: &'a str,
    pub others: &'a str,
    pub owner: &'a str,
    pub ask: &'a str,
    pub few: &'a str,
    /// More blockers as strong as the main ones (how many).
    pub also: fn(u32) -> String,
    /// Said when every statement got the same answer ([`Diagnosis::uniform`]).
    pub uniform: &'a str,
    /// The checklist's three states: there, missing, unknown.
    pub states: [&'a str; 3],
    pub all: &'a str,
    pub blocker: &'a str,
    pub score: &'a str,
    pub severity: &'a str,
    pub not_enough: &'a str,
    /// Maturity: the column, the target column, the office's level.
    pub maturity: &'a str,
    pub target: &'a str,
    pub office_level: &'a str,
}

/// Renders `d` as Markdown in `lang`. `date` comes from the caller (the core has no clock).
///
/// Its first part is a page to forward: the verdict, the main blockers, the steps to take first
/// and the missing materials, with blank lines for the section and the author. The details
/// follow: every step (the reader's own, then what to propose to others and how to ask), why
/// the main blockers came out, the checklist and every score.
pub fn markdown(
    content: &Questionnaire,
    d: &Diagnosis,
    w: &ReportWords<'_>,
    lang: &str,
    date: &str,
) -> String {
    let l = Labels::new(content, lang, d.role.as_deref());
    let role = d.role.as_deref();
    let mut out = String::new();
    // Under a step: why, and for a step another position owns, how to propose it.
    let why_and_ask = |out: &mut String, indent: &str, s: &super::content::Step, ask: bool| {
        let _ = writeln!(
            out,
            "{indent}{}",
            one_line(content.text(&s.rationale, lang))
        );
        if ask {
            let _ = writeln!(
                out,
                "{indent}{}: {}{}{}",
                w.ask,
                w.quote.0,
                one_line(content.text(&s.ask, lang)),
                w.quote.1
            );
        }
    };
    let _ = writeln!(
        out,
        "# {}
",
        one_line(l.title())
    );
    let _ = writeln!(out, "- {}: {}", w.date, date);
    if let Some(role) = l.role() {
        let _ = writeln!(out, "- {}: {}", w.role, role);
    }
    if let Some((heading, stage)) = l.stage(&d.answers) {
        let _ = writeln!(out, "- {}: {}", one_line(heading), one_line(stage));
    }
    let _ = writeln!(out, "- {}: ________________", w.section);
    let _ = writeln!(out, "- {}: ________________", w.author);
    let verdict = verdict_sentence(d.classification.verdict, &w.verdicts);
    let _ = writeln!(out, "\n{verdict}\n");
    if d.uniform {
        let _ = writeln!(out, "{}\n", w.uniform);
    }

    if !d.classification.primary.is_empty() {
        let _ = writeln!(out, "## {}\n", w.primary);
        for (i, id) in d.classification.primary.iter().enumerate() {
            let Some(s) = d.score(id) else {
                continue;
            };
            let few = if few_answers(content, s) { w.few } else { "" };
            let _ = writeln!(
                out,
                "{}. **{}** — {} ({}){few}",
                i + 1,
                l.dimension(id),
                l.band(s.band),
                s.score.unwrap_or(0)
            );
        }
        if d.classification.also > 0 {
            let _ = writeln!(out, "\n{}", (w.also)(d.classification.also));
        }
        out.push('\n');
    }
    let first: Vec<_> = d.plan.iter().filter(|p| p.first).collect();
    if !first.is_empty() {
        let _ = writeln!(out, "## {}\n", w.first);
        for (i, p) in first.iter().enumerate() {
            let Some(s) = content.step(&p.step) else {
                continue;
            };
            let _ = writeln!(
                out,
                "{}. **{}** ({}: {})",
                i + 1,
                one_line(content.text(&s.text, lang)),
                w.owner,
                l.owner(&s.owner)
            );
            why_and_ask(&mut out, "   ", s, !is_own(content, s, role));
        }
        out.push('\n');
    }
    let missing: Vec<_> = d.missing(content).collect();
    if !missing.is_empty() {
        let _ = writeln!(out, "## {}\n", w.missing);
        for item in missing {
            let _ = writeln!(out, "- {}", one_line(content.text(&item.label, lang)));
        }
        out.push('\n');
    }

    // The other steps (every step when none comes first), as on the screen.
    let rest: Vec<_> = d.plan.iter().filter(|p| !p.first).collect();
    if !rest.is_empty() {
        let label = if rest.len() == d.plan.len() {
            w.plan
        } else {
            w.other
        };
        let _ = writeln!(out, "---\n\n## {label} ({})\n", rest.len());
        for own in [true, false] {
            let steps: Vec<_> = rest
                .iter()
                .filter_map(|p| content.step(&p.step))
                .filter(|s| is_own(content, s, role) == own)
                .collect();
            if steps.is_empty() {
                continue;
            }
            let _ = writeln!(out, "### {}\n", if own { w.yours } else { w.others });
            for s in steps {
                let when = l.timeframe(&s.timeframe);
                let _ = writeln!(
                    out,
                    "- [ ] **{}** ({}: {} · {})",
                    one_line(content.text(&s.text, lang)),
                    w.owner,
                    l.owner(&s.owner),
                    if own {
                        when.to_string()
                    } else {
                        (w.raise)(when)
                    }
                );
                why_and_ask(&mut out, "  ", s, !own);
            }
            out.push('\n');
        }
    }

    for id in &d.classification.primary {
        let Some(s) = d.score(id).filter(|s| !s.reasons.is_empty()) else {
            continue;
        };
        let _ = writeln!(out, "### {}: {}\n", w.because, l.dimension(id));
        let _ = writeln!(out, "{}\n", one_line(l.dimension_summary(id)));
        for r in &s.reasons {
            let _ = writeln!(
                out,
                "- {}{}{} → {}",
                w.quote.0,
                one_line(l.statement(&r.question)),
                w.quote.1,
                l.choice(&r.question, d.answers.get(&r.question)),
            );
        }
        out.push('\n');
    }

    if !content.checklist.items.is_empty() {
        let _ = writeln!(
            out,
            "## {}\n",
            one_line(content.text(&content.checklist.title, lang))
        );
        for (item, known) in content.checklist.items.iter().zip(&d.known) {
            let state = match known {
                Some(Material::Has) => w.states[0],
                Some(Material::Lacks) => w.states[1],
                Some(Material::Unsure) => w.states[2],
                None => "—",
            };
            let _ = writeln!(
                out,
                "- {}: {state}",
                one_line(content.text(&item.label, lang))
            );
        }
        out.push('\n');
    }

    let _ = writeln!(out, "## {}\n", w.all);
    // The office's maturity level; each blocker's, with the target set, is on the printout.
    if let Some(n) = d.level {
        let _ = writeln!(out, "{}: {}\n", w.office_level, l.level(n));
    }
    let _ = writeln!(
        out,
        "| {} | {} | {} |\n|---|---:|---|",
        w.blocker, w.score, w.severity
    );
    for s in &d.scores {
        let (score, band) = match s.score {
            Some(x) => (x.to_string(), l.band(s.band)),
            None => ("—".to_string(), w.not_enough),
        };
        let few = if few_answers(content, s) { w.few } else { "" };
        let _ = writeln!(
            out,
            "| {} | {} | {}{} |",
            cell(l.dimension(&s.dimension)),
            score,
            cell(band),
            cell(few)
        );
    }
    let _ = writeln!(
        out,
        "\n{}: {} {} ({})",
        w.version,
        content.id,
        content.content_version,
        content.fingerprint()
    );
    out
}

/// Content texts may contain line breaks; a list item must stay on one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A table cell must not contain the column separator.
fn cell(s: &str) -> String {
    one_line(s).replace('|', "\\|")
}
