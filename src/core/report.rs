//! The result as a Markdown summary: for download, the clipboard, and pasting into a memo.

use super::diagnosis::Diagnosis;
use super::display::{verdict_sentence, Labels};
use super::fingerprint::Questionnaire;
use std::fmt::Write;

/// The words of the summary's headings and labels, in the reader's language (the UI owns them;
/// the result screen uses the same).
pub struct ReportWords<'a> {
    pub date: &'a str,
    pub role: &'a str,
    pub version: &'a str,
    /// The verdict sentence for a blocked, a healthy and an undecidable office.
    pub verdicts: [&'a str; 3],
    pub primary: &'a str,
    pub because: &'a str,
    /// Quotation marks around a quoted statement.
    pub quote: (&'a str, &'a str),
    pub plan: &'a str,
    pub owner: &'a str,
    pub all: &'a str,
    pub blocker: &'a str,
    pub score: &'a str,
    pub severity: &'a str,
    pub not_enough: &'a str,
}

/// Renders `d` as Markdown in `lang`. `date` comes from the caller (the core has no clock).
pub fn markdown(
    content: &Questionnaire,
    d: &Diagnosis,
    w: &ReportWords<'_>,
    lang: &str,
    date: &str,
) -> String {
    let l = Labels::new(content, lang, d.role.as_deref());
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", one_line(l.title()));
    let _ = writeln!(out, "- {}: {}", w.date, date);
    if let Some(role) = l.role() {
        let _ = writeln!(out, "- {}: {}", w.role, role);
    }
    let _ = writeln!(
        out,
        "- {}: {} {} ({})",
        w.version,
        content.id,
        content.content_version,
        content.fingerprint()
    );
    let verdict = verdict_sentence(d.classification.verdict, &w.verdicts);
    let _ = writeln!(out, "\n{verdict}\n");

    if !d.classification.primary.is_empty() {
        let _ = writeln!(out, "## {}\n", w.primary);
        for (i, id) in d.classification.primary.iter().enumerate() {
            let Some(s) = d.score(id) else {
                continue;
            };
            let _ = writeln!(
                out,
                "{}. **{}** — {} ({})",
                i + 1,
                l.dimension(id),
                l.band(s.band),
                s.score.unwrap_or(0)
            );
            let _ = writeln!(out, "   {}", one_line(l.dimension_summary(id)));
            for r in &s.reasons {
                let _ = writeln!(
                    out,
                    "   - {}: {}{}{} → {} ({}%)",
                    w.because,
                    w.quote.0,
                    one_line(l.statement(&r.question)),
                    w.quote.1,
                    l.choice(&r.question, d.answers.get(&r.question)),
                    r.share
                );
            }
        }
        out.push('\n');
    }

    let _ = writeln!(out, "## {}\n", w.plan);
    for tf in &content.timeframes {
        let steps: Vec<_> = d
            .plan
            .iter()
            .filter_map(|p| content.step(&p.step))
            .filter(|s| s.timeframe == tf.id)
            .collect();
        if steps.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {}\n", l.timeframe(&tf.id));
        for s in steps {
            let _ = writeln!(
                out,
                "- [ ] **{}** ({}: {})",
                one_line(content.text(&s.text, lang)),
                w.owner,
                l.owner(&s.owner)
            );
            let _ = writeln!(out, "  {}", one_line(content.text(&s.rationale, lang)));
        }
        out.push('\n');
    }

    if !content.checklist.items.is_empty() {
        let _ = writeln!(
            out,
            "## {}\n",
            one_line(content.text(&content.checklist.title, lang))
        );
        for item in &content.checklist.items {
            let mark = if d.has(&item.id) { "x" } else { " " };
            let _ = writeln!(
                out,
                "- [{mark}] {}",
                one_line(content.text(&item.label, lang))
            );
        }
        out.push('\n');
    }

    let _ = writeln!(out, "## {}\n", w.all);
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
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            cell(l.dimension(&s.dimension)),
            score,
            cell(band)
        );
    }
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
