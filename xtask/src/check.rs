//! `cargo xtask check-content FILE`: the widget's content checker on the command line, for
//! consultancies writing their own questionnaire. Prints every problem with its path.

use kintone_diagnosis::core::{read, validate, Content};

/// Returns the report and whether the content is usable.
pub fn check(path: &str, text: &str) -> (String, bool) {
    // The widget's own reader, so that the command and the widget agree on every file.
    let content: Content = match read::content(text) {
        Ok(c) => c,
        Err(problems) => {
            let mut out = format!(
                "{path}: cannot be read as questionnaire JSON ({} problem(s))\n",
                problems.len()
            );
            for p in &problems {
                out.push_str(&format!("  {p}\n"));
            }
            return (out, false);
        }
    };
    let problems = validate(&content);
    if problems.is_empty() {
        let roles = content.roles.len();
        return (
            format!(
                "{path}: ok — '{}' version {}, {} questions, {} dimensions, {} role(s), {} language(s)\n",
                content.id,
                content.content_version,
                content.questions.len(),
                content.dimensions.len(),
                roles,
                content.languages.len()
            ),
            true,
        );
    }
    let mut out = format!("{path}: {} problem(s)\n", problems.len());
    for p in &problems {
        out.push_str(&format!("  {p}\n"));
    }
    (out, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_content_is_ok() {
        let (report, ok) = check("shipped", kintone_diagnosis::SHIPPED_CONTENT);
        assert!(ok, "{report}");
        assert!(
            report.starts_with("shipped: ok — 'kintone-municipal'"),
            "{report}"
        );
    }

    #[test]
    fn problems_and_bad_json_are_listed() {
        let (report, ok) = check(
            "x.json",
            r#"{"format_version": 1, "id": "x", "languages": ["ja"], "bands": [{"id": "low", "min": 3}]}"#,
        );
        assert!(!ok);
        assert!(
            report.contains("  bands[0].min: the first band must start at 0\n"),
            "{report}"
        );
        assert!(
            report.contains("  dimensions: no dimension to score\n"),
            "{report}"
        );
        let (report, ok) = check("y.json", "{ nope");
        assert!(!ok);
        assert!(
            report.starts_with(
                "y.json: cannot be read as questionnaire JSON (1 problem(s))\n  JSON: line 1, column 3: expected a key in quotes\n"
            ),
            "{report}"
        );
    }
}
