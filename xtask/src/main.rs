//! Project tasks: `cargo xtask <task>`. Each installs what it lacks and says what it does.

mod bench;
mod check;
mod office_bench;
mod pack;
mod package;
mod serve;
mod sha;
mod tools;
mod wasm_size;

use std::path::PathBuf;
use std::process::{Command, ExitCode};

pub type Result<T = (), E = Box<dyn std::error::Error>> = std::result::Result<T, E>;

const HELP: &str = "\
cargo xtask <task>

  serve [--port N]   build the widget and serve the demo page on http://127.0.0.1:N/ (default 8000)
  dist               write target/dist/kintone-diagnosis.html (one self-contained page)
                     and target/dist/kintone-diagnosis.js (the embeddable script)
  package            write target/package/kintone-diagnosis-<version>.zip: the two files, the demo
                     page, a README for web designers and intranet administrators, LICENSE, SHA256SUMS
  test               every test: native (cargo test), then browser end-to-end tests in Chromium
  bench [--quick]    measure the widget against its peers side by side; writes target/bench/report.md
                     (--quick: 2 runs, to prove the pipeline; size budgets are checked in both modes)
  check-content FILE check a custom questionnaire (JSON); prints every problem, exits 1 if any
  wasm-size FILE     break a wasm module's code size down by crate and function
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("dist") => pack::dist().map(|_| ()),
        Some("package") => package::package().map(|_| ()),
        Some("serve") => serve::serve(port(&args)),
        Some("test") => test(),
        Some("bench") => bench::bench(args.iter().any(|a| a == "--quick")),
        Some("check-content") => check_content(args.get(1)),
        Some("wasm-size") => wasm_size_report(args.get(1)),
        _ => {
            print!("{HELP}");
            return if args.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            };
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn check_content(path: Option<&String>) -> Result {
    let path = path.ok_or("usage: cargo xtask check-content FILE")?;
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let (report, ok) = check::check(path, &text);
    print!("{report}");
    if ok {
        Ok(())
    } else {
        Err("the questionnaire has problems".into())
    }
}

fn wasm_size_report(path: Option<&String>) -> Result {
    let path = path.ok_or("usage: cargo xtask wasm-size FILE.wasm")?;
    let b = wasm_size::analyse(&std::fs::read(path)?).ok_or("not a wasm module")?;
    println!("total {} code {} data {}", b.total, b.code, b.data);
    for (c, bytes, n) in b.crates.iter().take(15) {
        println!("{bytes:>8} {n:>5}  {c}");
    }
    for (f, bytes) in b
        .functions
        .iter()
        .take(if std::env::var_os("KD_ALL").is_some() {
            usize::MAX
        } else {
            40
        })
    {
        println!("{bytes:>8}  {}", f.chars().take(150).collect::<String>());
    }
    Ok(())
}

fn port(args: &[String]) -> u16 {
    args.iter()
        .position(|a| a == "--port")
        .and_then(|i| args.get(i + 1))
        .and_then(|p| p.parse().ok())
        .unwrap_or(8000)
}

/// Native tests, then the browser tests against freshly built files.
fn test() -> Result {
    tools::ensure_wasm_tools()?;
    tools::ensure_node_tools()?;
    tools::ensure_browser()?;
    tools::ensure_engines()?;
    println!("xtask: native tests");
    run(Command::new(cargo())
        .current_dir(root())
        .args(["test", "--workspace"]))?;
    let (js, html) = pack::dist()?;
    let archive = package::write(&js, &html)?;
    println!("xtask: browser tests (Chromium headless; a subset in Firefox ESR and WebKit)");
    let artifacts = root().join("target/test-artifacts");
    std::fs::create_dir_all(&artifacts)?;
    run(Command::new("node")
        .current_dir(root())
        .args(["--test", "--test-concurrency=1", "tests/browser/"])
        .env("KD_HTML", html)
        .env("KD_JS", js)
        .env("KD_PACKAGE", archive)
        .env("KD_DRAFTS", root().join("target/drafts"))
        .env("KD_ARTIFACTS", artifacts))
}

/// The workspace root (xtask's parent).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default()
}

pub fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

/// Runs a command, failing with its name if it fails.
pub fn run(cmd: &mut Command) -> Result {
    let status = cmd
        .status()
        .map_err(|e| format!("could not start {:?}: {e}", cmd.get_program()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{:?} failed ({status})", cmd.get_program()).into())
    }
}
