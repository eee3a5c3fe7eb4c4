//! The result as a Markdown summary: for download, the clipboard, and pasting into a memo.

use super::classify::Verdict;
use super::content::Content;
use super::scoring::Answer;
use super::session::{Diagnosis, Session};
use std::fmt::Write;

/// The words of the summary's headings and labels, in the reader's language (the UI owns them).
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

/// Renders the diagnosis of `session` as Markdown in `lang`. `date` comes from the caller (the
/// core has no clock).
pub fn markdown(
    content: &Content,
    session: &Session,
    w: &ReportWords<'_>,
    lang: &str,
    date: &str,
) -> String {
    let d: Diagnosis = session.diagnose(content);
    let t = |text| content.text(text, lang);
    let role = session.role.as_deref();
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", one_line(t(&content.title)));
    let _ = writeln!(out, "- {}: {}", w.date, date);
    if let Some(r) = role.and_then(|r| content.role(r)) {
        let _ = writeln!(out, "- {}: {}", w.role, t(&r.label));
    }
    let _ = writeln!(
        out,
        "- {}: {} {} ({})",
        w.version,
        content.id,
        content.content_version,
        super::fingerprint(content)
    );
    let verdict = match d.classification.verdict {
        Verdict::Blocked => w.verdicts[0],
        Verdict::Healthy => w.verdicts[1],
        Verdict::Insufficient => w.verdicts[2],
    };
    let _ = writeln!(out, "\n{verdict}\n");

    if !d.classification.primary.is_empty() {
        let _ = writeln!(out, "## {}\n", w.primary);
        for (i, id) in d.classification.primary.iter().enumerate() {
            let (Some(s), Some(dim)) = (
                d.scores.iter().find(|s| &s.dimension == id),
                content.dimension_index(id).map(|i| &content.dimensions[i]),
            ) else {
                continue;
            };
            let band = s
                .band
                .and_then(|b| content.bands.get(b))
                .map(|b| t(&b.label))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{}. **{}** — {} ({})",
                i + 1,
                t(&dim.label),
                band,
                s.score.unwrap_or(0)
            );
            let _ = writeln!(out, "   {}", one_line(t(&dim.summary)));
            for r in &s.reasons {
                let Some(q) = content.question(&r.question) else {
                    continue;
                };
                let label = choice_label(content, &r.question, session, lang);
                let _ = writeln!(
                    out,
                    "   - {}: {}{}{} → {} ({}%)",
                    w.because,
                    w.quote.0,
                    one_line(content.statement(q, role, lang)),
                    w.quote.1,
                    label,
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
        let _ = writeln!(out, "### {}\n", t(&tf.label));
        for s in steps {
            let owner = content
                .owners
                .iter()
                .find(|o| o.id == s.owner)
                .map(|o| t(&o.label))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "- [ ] **{}** ({}: {})",
                one_line(t(&s.text)),
                w.owner,
                owner
            );
            let _ = writeln!(out, "  {}", one_line(t(&s.rationale)));
        }
        out.push('\n');
    }

    if !content.checklist.items.is_empty() {
        let _ = writeln!(out, "## {}\n", one_line(t(&content.checklist.title)));
        for item in &content.checklist.items {
            let mark = if session.ticked.contains(&item.id) {
                "x"
            } else {
                " "
            };
            let _ = writeln!(out, "- [{mark}] {}", one_line(t(&item.label)));
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
        let label = content
            .dimension_index(&s.dimension)
            .map(|i| t(&content.dimensions[i].label))
            .unwrap_or_default();
        let (score, band) = match (s.score, s.band.and_then(|b| content.bands.get(b))) {
            (Some(x), Some(b)) => (x.to_string(), t(&b.label).to_string()),
            _ => ("—".to_string(), w.not_enough.to_string()),
        };
        let _ = writeln!(out, "| {} | {} | {} |", cell(label), score, cell(&band));
    }
    out
}

/// The label of the choice given to `question`, or "" for "don't know" and unanswered.
pub fn choice_label(content: &Content, question: &str, session: &Session, lang: &str) -> String {
    let Some(Answer::Choice(v)) = session.answers.get(question) else {
        return String::new();
    };
    content
        .question(question)
        .and_then(|q| content.scale(&q.scale))
        .and_then(|s| s.choices.iter().find(|c| &c.value == v))
        .map(|c| content.text(&c.label, lang).to_string())
        .unwrap_or_default()
}

/// Content texts may contain line breaks; a list item must stay on one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A table cell must not contain the column separator.
fn cell(s: &str) -> String {
    one_line(s).replace('|', "\\|")
}
