//! Builds the wasm and packs it into the two deliverables: the embeddable script
//! (`kintone-diagnosis.js`, wasm and stylesheet inside) and the single self-contained page
//! (`kintone-diagnosis.html`, script inside, its first screen rendered at build time, strict
//! Content-Security-Policy).

use crate::sha::{base64, csp_hash};
use crate::tools::{node_bin, wasm_bindgen};
use crate::{cargo, root, run, Result};
use std::path::PathBuf;
use std::process::Command;

/// Network APIs that must never appear in the shipped script (the privacy promise).
pub const NETWORK_APIS: &[&str] = &[
    "fetch(",
    "XMLHttpRequest",
    "sendBeacon",
    "WebSocket",
    "EventSource",
    "RTCPeerConnection",
    "import(",
];

pub struct Built {
    pub wasm: Vec<u8>,
    pub glue: String,
}

/// The modules built from the crate: the respondent's widget for the embeddable script, the same
/// for the single-file page without the content checker (the `shipped-only` feature: that page
/// runs only its own questionnaire), and the office page (the `office` feature). Each is a module
/// of its own, so that none carries another's code.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Respondent,
    Single,
    Office,
}

impl Page {
    /// Where wasm-bindgen writes this page's module.
    fn pkg(self) -> PathBuf {
        root().join(match self {
            Page::Respondent => "target/pkg",
            Page::Single => "target/pkg-single",
            Page::Office => "target/pkg-office",
        })
    }

    fn features(self) -> &'static [&'static str] {
        match self {
            Page::Respondent => &[],
            Page::Single => &["--features", "shipped-only"],
            Page::Office => &["--features", "office"],
        }
    }
}

/// Release wasm, bound and optimised. `cargo rustc --crate-type cdylib` because a plain build of a
/// cdylib+rlib crate silently drops LTO.
/// How the module is optimised (measured on 2026-12-01 against plain `-Oz`, compressed size of
/// the module): `--converge` runs the passes until it changes nothing more (-0.3 KB); `--strip-producers`
/// drops the compiler's name and version, read by nobody; `--low-memory-unused` lets constant
/// offsets fold into loads and stores (-1.25 KB, -3.3 KB raw). That last one assumes no valid
/// address is within 1 KB of wrapping past 4 GB, which holds for a module whose memory is a few
/// megabytes; the whole test suite runs against the module built so. 10 s more per build.
/// `-O2` rather than `-Oz`: binaryen's size passes shrink the module (432 KB against 449 KB) but
/// leave code that compresses worse; what every user downloads is the compressed module, 0.55 KB
/// smaller with `-O2` (150.5 -> 150.0 KB zopfli, measured 2026-12-01; `-Os` and `-O3` fall
/// between, and the compiler's `opt-level = "s"` is 25 KB larger). Compiling 4% more wasm costs an
/// old PC about a millisecond.
pub const WASM_OPT: &[&str] = &[
    "-O2",
    // A function called from one place is inlined into it only when it is this small (binaryen's
    // default is larger). Inlining a mid-sized function into its one caller rarely
    // shrinks the code but makes it less alike to the rest, which gzip then pays for: with 20,
    // -1.4 KB gzip for +0.4 KB raw (measured on this crate, 2026-12-01).
    "--one-caller-inline-max-function-size=20",
    "--converge",
    "--strip-producers",
    "--low-memory-unused",
];

pub fn build_wasm(page: Page) -> Result<Built> {
    println!(
        "xtask: compiling the {} to wasm (release)",
        match page {
            Page::Respondent => "widget",
            Page::Single => "single-file page",
            Page::Office => "office page",
        }
    );
    // Panic locations name source files; without this they carry this machine's registry path
    // (`/root/.cargo/registry/src/index.crates.io-.../yew-0.23.0/...`) into every user's download.
    let cargo_home = std::env::var("CARGO_HOME")
        .unwrap_or_else(|_| format!("{}/.cargo", std::env::var("HOME").unwrap_or_default()));
    let remap = format!("--remap-path-prefix={cargo_home}/registry/src=crates");
    // Nor the file, line and column of every place that could panic: a panic aborts the module
    // (panic = "abort") and the widget shows its own message, so nobody reads them, and they cost
    // every user 6.8 KB of wasm (1.4 KB gzip). `-Zlocation-detail` is unstable; RUSTC_BOOTSTRAP
    // lets this one build (the wasm, not the tests) use it on the stable compiler the project
    // pins. Should a compiler drop the flag, this build fails loudly here, not silently.
    // The standard library is compiled with the widget, at the widget's optimisation level
    // (`-Zbuild-std`; the prebuilt one is optimised for speed), and a panic stops the module at
    // once (`-Cpanic=immediate-abort`) instead of first formatting a message through std's panic
    // machinery for a console nobody reads. What the user sees of a panic is the same either way:
    // the module traps and the widget shows its own message. Together -12.6 KB gzip of wasm
    // (measured 2026-12-01: 152.7 KB -> 140.1 KB zopfli), for a minute more of a clean build.
    let flags =
        format!("{remap} -Zlocation-detail=none -Zunstable-options -Cpanic=immediate-abort");
    run(Command::new(cargo())
        .current_dir(root())
        .env("RUSTFLAGS", flags)
        .env("RUSTC_BOOTSTRAP", "1")
        .args([
            "rustc",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "--lib",
            "--crate-type",
            "cdylib",
            "-Zbuild-std=std,panic_abort",
        ])
        .args(page.features()))?;
    let target = root().join("target");
    let pkg = page.pkg();
    run(Command::new(wasm_bindgen())
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--omit-default-module-path",
            "--out-dir",
        ])
        .arg(&pkg)
        .arg(target.join("wasm32-unknown-unknown/release/kintone_diagnosis.wasm")))?;
    println!("xtask: optimising with wasm-opt {}", WASM_OPT.join(" "));
    let optimised = pkg.join("kintone_diagnosis_opt.wasm");
    run(Command::new(node_bin("wasm-opt"))
        .args(WASM_OPT)
        .arg(pkg.join("kintone_diagnosis_bg.wasm"))
        .arg("-o")
        .arg(&optimised))?;
    let glue = std::fs::read_to_string(pkg.join("kintone_diagnosis.js"))?;
    Ok(Built {
        wasm: std::fs::read(optimised)?,
        glue: classic_glue(&glue)?,
    })
}

/// Turns wasm-bindgen's ES-module glue into plain statements for a classic script: drops `export`,
/// and removes the asynchronous loader, whose only purpose is fetching the wasm from a URL. The
/// widget always instantiates from bytes (`initSync`), so no code path can make a request.
fn classic_glue(glue: &str) -> Result<String> {
    let cut = |s: &str, from: &str, to: Option<&str>| -> Result<String> {
        let a = s.find(from).ok_or(format!("glue changed: no `{from}`"))?;
        let b = match to {
            Some(to) => {
                a + s[a..]
                    .find(to)
                    .ok_or(format!("glue changed: no `{to}` after `{from}`"))?
            }
            None => s.len(),
        };
        Ok(format!("{}{}", &s[..a], &s[b..]))
    };
    let s = cut(
        glue,
        "async function __wbg_load(",
        Some("function initSync("),
    )?;
    let s = cut(&s, "let __wbg_init_promise;", None)?;
    let s = s
        .replace("export function ", "function ")
        .replace("export class ", "class ");
    // The glue builds its text codecs as the script is read. On a page whose host removed or
    // broke TextDecoder / TextEncoder that would throw before <kintone-diagnosis> is defined,
    // leaving an empty element and an uncaught error in the host's page. Built guarded instead,
    // they are null there, and the boot script's start() refuses with its own message.
    let s = replace_once(
        &s,
        "let cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });\ncachedTextDecoder.decode();",
        "let cachedTextDecoder = (() => { try { const d = new TextDecoder('utf-8', { ignoreBOM: true }); d.decode(); return d; } catch (e) { return null; } })();",
    )?;
    let s = replace_once(
        &s,
        "const cachedTextEncoder = new TextEncoder();",
        "const cachedTextEncoder = (() => { try { return new TextEncoder(); } catch (e) { return null; } })() || {};",
    )?;
    for forbidden in ["export ", "import.meta", "import "] {
        if s.lines().any(|l| l.trim_start().starts_with(forbidden)) {
            return Err(format!("glue still contains `{forbidden}` after packing").into());
        }
    }
    Ok(s)
}

/// `s` with `from`, which must occur exactly once, replaced by `to`: a glue that changed shape
/// fails the build here rather than shipping unguarded.
fn replace_once(s: &str, from: &str, to: &str) -> Result<String> {
    if s.matches(from).count() != 1 {
        return Err(format!(
            "glue changed: `{}` is not there exactly once",
            from.lines().next().unwrap_or(from)
        )
        .into());
    }
    Ok(s.replacen(from, to, 1))
}

/// LZMA (xz's `.lzma` stream, Debian's `xz-utils`), tuned for wasm (no position bits: -0.4 KB
/// against xz's defaults), the module's length written into the header so that the decoder knows
/// where it ends. The literal context and the match length xz settles for suit one module better
/// than the next, so a few are tried and the smallest kept (deterministic; 4 s). Measured on
/// 2026-12-02: lc=4 with nice=112 packed the office module 202 B smaller than lc=3 with xz's
/// default for 9e.
fn lzma(data: &[u8]) -> Result<Vec<u8>> {
    let dir = root().join("target/pkg");
    std::fs::create_dir_all(&dir)?;
    let input = dir.join("payload-lzma.bin");
    std::fs::write(&input, data)?;
    let mut best: Option<Vec<u8>> = None;
    for lc in [3, 4] {
        for nice in [64, 96, 112, 128, 160, 273] {
            let out = Command::new("xz")
                .args(["--format=lzma", "-c"])
                .arg(format!("--lzma1=preset=9e,lc={lc},lp=0,pb=0,nice={nice}"))
                .arg(&input)
                .output()
                .map_err(|e| {
                    format!("xz (Debian's xz-utils) is needed to pack the office page: {e}")
                })?;
            if !out.status.success() || out.stdout.len() < 13 {
                return Err("xz could not pack the office module".into());
            }
            if best.as_ref().is_none_or(|b| out.stdout.len() < b.len()) {
                best = Some(out.stdout);
            }
        }
    }
    let mut packed = best.ok_or("xz could not pack the office module")?;
    packed[5..13].copy_from_slice(&(data.len() as u64).to_le_bytes());
    Ok(packed)
}

/// gzip with zopfli (Debian's `zopfli`, a few percent smaller) when installed, else `gzip -9`.
/// The browser inflates it with its own DecompressionStream.
fn gzip(data: &[u8]) -> Result<Vec<u8>> {
    let dir = root().join("target/pkg");
    let input = dir.join("payload.bin");
    std::fs::write(&input, data)?;
    for (tool, args) in [
        ("zopfli", &["--gzip", "--i50", "-c"][..]),
        ("gzip", &["-9", "-n", "-c"][..]),
    ] {
        if let Ok(out) = Command::new(tool).args(args).arg(&input).output() {
            if out.status.success() && !out.stdout.is_empty() {
                return Ok(out.stdout);
            }
        }
    }
    Err("neither zopfli nor gzip could compress the wasm".into())
}

/// Minifies the script with terser (npm, pinned in package-lock.json). Only the banner comment
/// (`/*! kintone-diagnosis ...`) is kept: the `//!` file headers are for readers of the source.
fn minify(js: &str) -> Result<String> {
    let dir = root().join("target/pkg");
    let (input, output) = (dir.join("bundle.js"), dir.join("bundle.min.js"));
    std::fs::write(&input, js)?;
    run(Command::new(node_bin("terser"))
        .arg(&input)
        .args([
            "--compress",
            "--mangle",
            "--comments",
            "/^! kintone-diagnosis/",
            "--output",
        ])
        .arg(&output))?;
    Ok(std::fs::read_to_string(output)?)
}

/// Escapes what would end an inline `<script>` early or open an HTML comment inside it.
fn inline_safe(js: &str) -> String {
    js.replace("</script", "<\\/script")
        .replace("<!--", "<\\!--")
}

/// The stylesheet without its comments and line breaks. Every line of `widget.css` ends a
/// declaration, a block or a selector list (`;`, `{`, `}`, `,`), so joining lines changes no rule;
/// a line that ends otherwise is refused rather than risk gluing two tokens together.
fn compact_css(css: &str) -> Result<String> {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(open) = rest.find("/*") {
        out.push_str(&rest[..open]);
        let close = rest[open..]
            .find("*/")
            .ok_or("widget.css: unclosed comment")?;
        rest = &rest[open + close + 2..];
    }
    out.push_str(rest);
    let mut joined = String::with_capacity(out.len());
    for (n, line) in out.lines().map(str::trim).enumerate() {
        if line.is_empty() {
            continue;
        }
        if !line.ends_with([';', '{', '}', ',']) {
            return Err(format!(
                "widget.css line {}: ends without ; {{ }} or , ({line})",
                n + 1
            )
            .into());
        }
        joined.push_str(line);
    }
    Ok(joined)
}

/// The page contract (`src/contract.rs`) as the boot script's `CONTRACT` object: every name the
/// script shares with the wasm, so that neither side spells one out on its own.
pub fn contract_object(page: Page) -> String {
    use kintone_diagnosis::contract::{self as c, option};
    // What only the office page's script (www/office.js) uses stays out of the respondent's.
    let io: Vec<(&str, &str)> = (c::io::ALL.iter().copied())
        .filter(|(_, name)| page == Page::Office || *name != c::io::READ_FILES)
        .collect();
    let names = |pairs: &[(&str, &str)]| {
        serde_json::Value::Object(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), serde_json::json!(v)))
                .collect(),
        )
    };
    let mut contract = serde_json::json!({
        "option": names(&option::ALL),
        "io": names(&io),
        "attributes": names(&c::ATTRIBUTES),
        "maxFileBytes": c::MAX_FILE_BYTES,
        "storageOff": c::STORAGE_OFF,
        "storageLocal": c::STORAGE_LOCAL,
        "startAtQuestions": c::START_AT_QUESTIONS,
        "startAtIntro": c::START_AT_INTRO,
        "resultsHost": c::RESULTS_HOST,
        "forwardingSuffix": c::FORWARDING_SUFFIX,
        "defaultNamespace": c::DEFAULT_NAMESPACE,
        "storageKeyPrefix": c::STORAGE_KEY_PREFIX,
        "rootClass": c::ROOT_CLASS,
        "prerenderAttr": c::PRERENDER_ATTR,
        "firstScreenAttr": c::FIRST_SCREEN_ATTR,
        "carried": c::CARRIED,
        "statementAttr": c::STATEMENT_ATTR,
        "privacyAttr": c::PRIVACY_ATTR,
        "reportTitleClass": c::REPORT_TITLE_CLASS,
        "firstRenderMark": c::FIRST_RENDER_MARK,
    });
    if page == Page::Office {
        contract["maxOfficeBytes"] = kintone_diagnosis::core::read::MAX_OFFICE_BYTES.into();
    }
    contract.to_string()
}

/// The embeddable script: glue, gzip-compressed wasm and the element/API boot code in one
/// closure, minified.
pub fn bundle(built: &Built, page: Page) -> Result<String> {
    let mut boot = std::fs::read_to_string(root().join("www/element.js"))?;
    let mut css = std::fs::read_to_string(root().join("www/widget.css"))?;
    // The office page's reading of many files and its own styles travel in its bundle only.
    if page == Page::Office {
        boot.push_str(&std::fs::read_to_string(root().join("www/office.js"))?);
        boot.push_str(&std::fs::read_to_string(root().join("www/lzma.js"))?);
        css.push_str(&std::fs::read_to_string(root().join("www/office.css"))?);
    }
    // The office module is packed with LZMA, decoded by www/lzma.js (18% smaller than deflate: it
    // carries the document drafts within the page's budget); the respondent's, read on every
    // visit, streams gzip through the browser's own decoder into the compiler.
    let (packed, packing) = match page {
        Page::Office => (lzma(&built.wasm)?, "lzma"),
        _ => (gzip(&built.wasm)?, "gzip"),
    };
    let boot = boot
        .replace("\"__KD_CONTRACT__\"", &contract_object(page))
        .replace("\"__KD_WASM__\"", &format!("\"{}\"", base64(&packed)))
        .replace("\"__KD_WASM_PACKING__\"", &format!("\"{packing}\""))
        .replace(
            "\"__KD_CSS__\"",
            &serde_json::to_string(&compact_css(&css)?)?,
        );
    let js = format!(
        "/*! kintone-diagnosis {} — runs entirely in this browser; makes no network requests. */\n(function () {{\n\"use strict\";\n{}\n{}\n}})();\n",
        kintone_diagnosis::VERSION,
        built.glue,
        boot
    );
    let js = minify(&js)?;
    for api in NETWORK_APIS {
        if js.contains(api) {
            return Err(format!("the bundle mentions a network API: {api}").into());
        }
    }
    Ok(inline_safe(&js))
}

/// A self-contained page from a shell in `www/`: fills `{{BUNDLE}}` and any further
/// placeholders, then writes a hash-only Content-Security-Policy covering every inline script
/// and style of the result.
pub fn single_page(bundle: &str, shell: &str, fill: &[(&str, &str)]) -> Result<String> {
    let mut page =
        std::fs::read_to_string(root().join("www").join(shell))?.replace("{{BUNDLE}}", bundle);
    for (placeholder, value) in fill {
        page = page.replace(placeholder, &inline_safe(value));
    }
    let hashes = |open: &str, close: &str| {
        let mut out = Vec::new();
        let mut rest = page.as_str();
        while let Some(body) = between(rest, open, close) {
            out.push(csp_hash(body));
            let at = rest.find(open).unwrap_or(0) + open.len() + body.len() + close.len();
            rest = &rest[at..];
        }
        out.join(" ")
    };
    // The widget's own styles are a constructed stylesheet, which style-src does not govern.
    let csp = format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {}; img-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'",
        hashes("<script>", "</script>"),
        hashes("<style>", "</style>"),
    );
    Ok(page.replace("{{CSP}}", &csp))
}

/// A page from a shell whose `{{FIRST_SCREEN}}` receives the widget's first screen as the widget
/// itself renders it: the page is built with that placeholder empty, opened in headless Chromium
/// (`xtask/first-screen.mjs`), and built again with the markup it printed. The page then shows
/// that screen at once, before the module has compiled (www/element.js takes it over).
pub fn prerendered_page(bundle: &str, shell: &str, fill: &[(&str, &str)]) -> Result<String> {
    crate::tools::ensure_browser()?;
    let mut with = fill.to_vec();
    with.push(("{{FIRST_SCREEN}}", ""));
    let bare = single_page(bundle, shell, &with)?;
    let dir = root().join("target/pkg");
    std::fs::create_dir_all(&dir)?;
    let source = dir.join(format!("first-screen-{shell}"));
    std::fs::write(&source, bare)?;
    let out = Command::new("node")
        .current_dir(root())
        .arg("xtask/first-screen.mjs")
        .arg(&source)
        .output()?;
    if !out.status.success() {
        return Err(format!(
            "rendering the first screen of {shell} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    let first = String::from_utf8(out.stdout)?;
    if !first.contains("data-prerender") {
        return Err(format!("no first screen rendered for {shell}").into());
    }
    with.pop();
    with.push(("{{FIRST_SCREEN}}", &first));
    single_page(bundle, shell, &with)
}

fn between<'a>(s: &'a str, a: &str, b: &str) -> Option<&'a str> {
    let start = s.find(a)? + a.len();
    Some(&s[start..start + s[start..].find(b)?])
}

pub fn dist_dir() -> PathBuf {
    root().join("target/dist")
}

/// Writes `target/dist/kintone-diagnosis.{js,html}` and the office page
/// (`kintone-diagnosis-office.html`) and returns the first two's paths.
pub fn dist() -> Result<(PathBuf, PathBuf)> {
    let (js, html, _) = dist_with_bundle()?;
    Ok((js, html))
}

/// The office page's single file (`target/dist/kintone-diagnosis-office.html`).
pub fn office_page_path() -> PathBuf {
    dist_dir().join("kintone-diagnosis-office.html")
}

/// As [`dist`], also returning the bundle's text (for further pages built from it).
pub fn dist_with_bundle() -> Result<(PathBuf, PathBuf, String)> {
    crate::tools::ensure_wasm_tools()?;
    crate::tools::ensure_node_tools()?;
    crate::tools::ensure_zopfli();
    crate::tools::ensure_xz()?;
    let built = build_wasm(Page::Respondent)?;
    let js = bundle(&built, Page::Respondent)?;
    let single = build_wasm(Page::Single)?;
    let html = prerendered_page(&bundle(&single, Page::Single)?, "standalone.html", &[])?;
    let office = build_wasm(Page::Office)?;
    let office_js = bundle(&office, Page::Office)?;
    let office_html = single_page(&office_js, "office.html", &[])?;
    let dir = dist_dir();
    std::fs::create_dir_all(&dir)?;
    let (js_path, html_path) = (
        dir.join("kintone-diagnosis.js"),
        dir.join("kintone-diagnosis.html"),
    );
    std::fs::write(&js_path, &js)?;
    std::fs::write(&html_path, &html)?;
    std::fs::write(office_page_path(), &office_html)?;
    println!(
        "xtask: wrote {} ({} bytes, wasm {} bytes)",
        office_page_path().display(),
        office_html.len(),
        office.wasm.len()
    );
    println!(
        "xtask: wrote {} ({} bytes, wasm {} bytes) and {} ({} bytes, wasm {} bytes)",
        js_path.display(),
        js.len(),
        built.wasm.len(),
        html_path.display(),
        html.len(),
        single.wasm.len()
    );
    Ok((js_path, html_path, js))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glue_loses_exports_and_the_url_loader() {
        let codecs = "let cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });\ncachedTextDecoder.decode();\nconst cachedTextEncoder = new TextEncoder();\n";
        let glue = format!("export function mount(a) {{}}\n{codecs}async function __wbg_load(m) {{ fetch(m) }}\nfunction initSync(m) {{}}\nlet __wbg_init_promise;\nasync function __wbg_init() {{}}\nexport {{ initSync, __wbg_init as default }};\n");
        let out = classic_glue(&glue).unwrap();
        assert_eq!(
            out,
            "function mount(a) {}\n\
             let cachedTextDecoder = (() => { try { const d = new TextDecoder('utf-8', { ignoreBOM: true }); d.decode(); return d; } catch (e) { return null; } })();\n\
             const cachedTextEncoder = (() => { try { return new TextEncoder(); } catch (e) { return null; } })() || {};\n\
             function initSync(m) {}\n"
        );
        // A glue whose codecs changed shape is refused, not shipped unguarded.
        let err = classic_glue(&glue.replace("ignoreBOM: true", "fatal: true")).unwrap_err();
        assert!(err.to_string().contains("glue changed"), "{err}");
    }

    #[test]
    fn inline_scripts_cannot_close_early() {
        assert_eq!(inline_safe("a</script>b<!--c"), "a<\\/script>b<\\!--c");
    }

    #[test]
    fn stylesheet_loses_comments_and_line_breaks_but_no_rule() {
        let css = "/* theme\n   notes */\n.kd{color:red;\n  margin:0}\n.a,\n.b{x:y}\n";
        assert_eq!(
            compact_css(css).unwrap(),
            ".kd{color:red;margin:0}.a,.b{x:y}"
        );
        // A line that ends inside a value could glue two tokens together: refused.
        let err = compact_css(".kd{font:16px\n serif}")
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 1"), "{err}");
        assert!(compact_css("/* open").is_err());
    }

    /// The boot script's code (and the office page's addition to it) without its comments.
    fn boot_code() -> String {
        let js = std::fs::read_to_string(root().join("www/element.js")).unwrap()
            + &std::fs::read_to_string(root().join("www/office.js")).unwrap();
        let mut out = String::new();
        let mut rest = js.as_str();
        while let Some(open) = rest.find("/*") {
            out.push_str(&rest[..open]);
            rest = &rest[open + rest[open..].find("*/").unwrap() + 2..];
        }
        out.push_str(rest);
        out.lines()
            .map(|l| {
                match l
                    .find(" //")
                    .or(l.trim_start().starts_with("//").then_some(0))
                {
                    Some(i) => &l[..i],
                    None => l,
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Every `prefix.name` in `code`.
    fn uses<'a>(code: &'a str, prefix: &str) -> Vec<&'a str> {
        code.match_indices(prefix)
            .filter(|(i, _)| !code[..*i].ends_with(|c: char| c.is_alphanumeric() || c == '.'))
            .map(|(i, _)| {
                let name = &code[i + prefix.len()..];
                let end = name
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(name.len());
                &name[..end]
            })
            .collect()
    }

    #[test]
    fn the_boot_script_takes_every_shared_name_from_the_contract() {
        let code = boot_code();
        let contract: serde_json::Value =
            serde_json::from_str(&contract_object(Page::Office)).unwrap();
        // Every name it asks the contract for is there.
        for name in uses(&code, "CONTRACT.") {
            assert!(
                contract.get(name).is_some(),
                "CONTRACT.{name} is not in src/contract.rs"
            );
        }
        for name in uses(&code, "CONTRACT.io.") {
            assert!(
                contract["io"].get(name).is_some(),
                "CONTRACT.io.{name} is not in src/contract.rs"
            );
        }
        for name in uses(&code, "OPT.") {
            assert!(
                contract["option"].get(name).is_some(),
                "OPT.{name} is not in src/contract.rs"
            );
        }
        // And it spells none of the contract's values out itself.
        use kintone_diagnosis::contract as c;
        let mut values: Vec<&str> = vec![
            c::STORAGE_OFF,
            c::STORAGE_LOCAL,
            c::START_AT_QUESTIONS,
            c::START_AT_INTRO,
            c::RESULTS_HOST,
            c::FORWARDING_SUFFIX,
            c::DEFAULT_NAMESPACE,
            c::STORAGE_KEY_PREFIX,
            "kintone-diagnosis:",
            c::PRERENDER_ATTR,
            c::FIRST_SCREEN_ATTR,
            c::STATEMENT_ATTR,
            c::PRIVACY_ATTR,
            c::REPORT_TITLE_CLASS,
            c::FIRST_RENDER_MARK,
        ];
        values.extend(c::CARRIED);
        values.extend(c::io::ALL.map(|(_, v)| v));
        for v in values {
            for spelled in [
                format!("\"{v}"),
                format!("'{v}"),
                format!("[{v}"),
                format!(".{v}\""),
                format!("{v}="),
            ] {
                assert!(
                    !code.contains(&spelled),
                    "www/element.js spells out `{spelled}`: take it from CONTRACT"
                );
            }
        }
        for (_, name) in c::option::ALL {
            // (Not as a quoted text: "lang" is also the HTML attribute the script reads.)
            for spelled in [
                format!("o.{name}"),
                format!("options.{name}"),
                format!(" {name}:"),
            ] {
                assert!(
                    !code.contains(&spelled),
                    "www/element.js spells out the option `{spelled}`: use OPT"
                );
            }
        }
        assert!(
            !code.contains("\".kd") && !code.contains("\"kd\""),
            "the root class: use CONTRACT.rootClass"
        );
    }

    #[test]
    fn the_widget_renders_every_control_the_contract_names() {
        use kintone_diagnosis::contract as c;
        let mut ui = String::new();
        let mut dirs = vec![root().join("src/ui")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else {
                    ui.push_str(&std::fs::read_to_string(path).unwrap());
                }
            }
        }
        for attr in c::CARRIED
            .iter()
            .chain(&[c::STATEMENT_ATTR, c::PRIVACY_ATTR])
        {
            assert!(
                ui.contains(&format!("{attr}=")),
                "src/ui renders no `{attr}`, which the contract names"
            );
        }
        for class in [c::ROOT_CLASS, c::REPORT_TITLE_CLASS] {
            assert!(
                ui.contains(&format!("class=\"{class}\"")),
                "src/ui renders no class `{class}`"
            );
        }
        for shell in ["standalone.html", "bench.html"] {
            let page = std::fs::read_to_string(root().join("www").join(shell)).unwrap();
            assert!(
                page.contains(&format!("<template {}>", c::FIRST_SCREEN_ATTR)),
                "{shell}"
            );
        }
        let first_screen = std::fs::read_to_string(root().join("xtask/first-screen.mjs")).unwrap();
        assert!(first_screen.contains(&format!("\"{}\"", c::PRERENDER_ATTR)));
    }

    #[test]
    fn the_shipped_stylesheet_compacts() {
        let css = std::fs::read_to_string(root().join("www/widget.css")).unwrap();
        let compact = compact_css(&css).unwrap();
        assert!(!compact.contains('\n') && !compact.contains("/*"));
        assert_eq!(compact.matches('{').count(), css.matches('{').count());
    }
}
