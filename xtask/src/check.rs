//! `cargo xtask check-content FILE`: the widget's content checker on the command line, for
//! consultancies writing their own questionnaire. Prints every problem with its path.

use kintone_diagnosis::core::{validate, Content};

/// Returns the report and whether the content is usable.
pub fn check(path: &str, text: &str) -> (String, bool) {
    let content: Content = match serde_json::from_str(text) {
        Ok(c) => c,
        Err(e) => {
            return (
                format!("{path}: cannot be read as questionnaire JSON: {e}\n"),
                false,
            )
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
            report
                .starts_with("y.json: cannot be read as questionnaire JSON: key must be a string"),
            "{report}"
        );
    }
}
