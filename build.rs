//! Build script: embeds the shipped questionnaire (and the office page's guide) without the whitespace between JSON tokens.
//! The file in `content/` stays indented for people to read and diff; every user would
//! otherwise download its 17 KB of indentation inside the wasm.

use std::path::PathBuf;

fn main() {
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (source, target) in [
        ("content/kintone-municipal.json", "shipped-content.json"),
        ("content/office-guide.json", "office-guide.json"),
    ] {
        println!("cargo:rerun-if-changed={source}");
        let text = std::fs::read_to_string(source).expect("the shipped content is readable");
        std::fs::write(out.join(target), minify(&text)).expect("OUT_DIR is writable");
    }
}

/// Drops whitespace outside strings. Anything else (even invalid JSON) passes through, so the
/// reader and the content test still see and report it.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !c.is_ascii_whitespace() {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}
