//! Build script: embeds the shipped questionnaire (and the office page's guide, and the office
//! page's shorter copy of the questionnaire) without the whitespace between JSON tokens.
//! The file in `content/` stays indented for people to read and diff; every user would
//! otherwise download its 17 KB of indentation inside the wasm.

use std::path::PathBuf;

fn main() {
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (source, target) in [
        ("content/kintone-municipal.json", "shipped-content.json"),
        ("content/office-guide.json", "office-guide.json"),
        ("content/office-drafts.json", "office-drafts.json"),
    ] {
        println!("cargo:rerun-if-changed={source}");
        let text = std::fs::read_to_string(source).expect("the shipped content is readable");
        std::fs::write(out.join(target), minify(&text)).expect("OUT_DIR is writable");
    }
    // The office page's copy of the questionnaire leaves out the texts only the respondent's page
    // shows (why a step helps, how to ask for it, the introduction, descriptions): 5 KB of the
    // office page's download. Its fingerprint is the full questionnaire's (`SHIPPED_FINGERPRINT`,
    // pinned by a native test that also checks nothing else was left out).
    let text = std::fs::read_to_string("content/kintone-municipal.json").expect("readable");
    let compact = minify(&text);
    let office = without_keys(&compact, OFFICE_DROPS).unwrap_or(compact);
    std::fs::write(out.join("office-content.json"), office).expect("OUT_DIR is writable");
}

/// The fields the office page's copy of the questionnaire goes without.
const OFFICE_DROPS: &[&str] = &[
    "rationale",
    "ask",
    "intro",
    "scoring_note",
    "description",
    "detail",
    "summary",
];

/// Minified JSON without the members named in `drop` (at any depth); `None` when it is not
/// JSON this walk understands (the reader then reports the original).
fn without_keys(json: &str, drop: &[&str]) -> Option<String> {
    let b = json.as_bytes();
    let mut out = String::with_capacity(json.len());
    let mut at = 0;
    value(b, &mut at, drop, &mut out)?;
    (at == b.len()).then_some(out)
}

fn value(b: &[u8], at: &mut usize, drop: &[&str], out: &mut String) -> Option<()> {
    match *b.get(*at)? {
        b'{' => {
            *at += 1;
            out.push('{');
            let mut first = true;
            while *b.get(*at)? != b'}' {
                let key_start = *at;
                skip_string(b, at)?;
                let key = std::str::from_utf8(&b[key_start + 1..*at - 1]).ok()?;
                (*b.get(*at)? == b':').then_some(())?;
                *at += 1;
                if drop.contains(&key) {
                    skip(b, at)?;
                } else {
                    if !first {
                        out.push(',');
                    }
                    first = false;
                    out.push_str(std::str::from_utf8(&b[key_start..*at]).ok()?);
                    value(b, at, drop, out)?;
                }
                if *b.get(*at)? == b',' {
                    *at += 1;
                }
            }
            *at += 1;
            out.push('}');
        }
        b'[' => {
            *at += 1;
            out.push('[');
            let mut first = true;
            while *b.get(*at)? != b']' {
                if !first {
                    out.push(',');
                }
                first = false;
                value(b, at, drop, out)?;
                if *b.get(*at)? == b',' {
                    *at += 1;
                }
            }
            *at += 1;
            out.push(']');
        }
        _ => {
            let start = *at;
            skip(b, at)?;
            out.push_str(std::str::from_utf8(&b[start..*at]).ok()?);
        }
    }
    Some(())
}

/// Steps over one value.
fn skip(b: &[u8], at: &mut usize) -> Option<()> {
    match *b.get(*at)? {
        b'"' => skip_string(b, at),
        b'{' | b'[' => {
            let mut depth = 0usize;
            loop {
                match *b.get(*at)? {
                    b'"' => {
                        skip_string(b, at)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            *at += 1;
                            return Some(());
                        }
                    }
                    _ => {}
                }
                *at += 1;
            }
        }
        _ => {
            while !matches!(b.get(*at), None | Some(b',' | b'}' | b']')) {
                *at += 1;
            }
            Some(())
        }
    }
}

fn skip_string(b: &[u8], at: &mut usize) -> Option<()> {
    (*b.get(*at)? == b'"').then_some(())?;
    *at += 1;
    loop {
        match *b.get(*at)? {
            b'\\' => *at += 2,
            b'"' => {
                *at += 1;
                return Some(());
            }
            _ => *at += 1,
        }
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
