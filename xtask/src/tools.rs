//! Installs what the build and the tests need, each only when missing, one line per step.
//!
//! Everything comes from the package registries this project may use: the wasm target through
//! rustup, the wasm-bindgen CLI from crates.io (pinned to Cargo.lock), wasm-opt, playwright-core and
//! axe-core from npm (pinned in package-lock.json), Chromium and a Japanese font from Debian.
//! Nothing downloads a browser or a prebuilt binary of its own.

use crate::{cargo, root, run, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Where project-controlled tools go (ignored by git).
pub fn tools_dir() -> PathBuf {
    root().join(".tools")
}

pub fn wasm_bindgen() -> PathBuf {
    tools_dir().join("bin/wasm-bindgen")
}

pub fn node_bin(name: &str) -> PathBuf {
    root().join("node_modules/.bin").join(name)
}

fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The version of a package recorded in Cargo.lock.
pub fn locked_version(package: &str) -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = lock
        .find(&needle)
        .ok_or(format!("{package} is not in Cargo.lock"))?
        + needle.len();
    Ok(lock[start..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_string())
}

/// The wasm target, the standard library's source and the wasm-bindgen CLI at exactly the
/// crate's version.
pub fn ensure_wasm_tools() -> Result<()> {
    let targets =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if !targets
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        println!("xtask: adding the wasm32-unknown-unknown target");
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    // The release build compiles the standard library with the widget (`pack::build_wasm`).
    let components = output(Command::new("rustup").args(["component", "list", "--installed"]))
        .unwrap_or_default();
    if !components.lines().any(|l| l.trim().starts_with("rust-src")) {
        println!("xtask: adding the rust-src component (the standard library's source)");
        run(Command::new("rustup").args(["component", "add", "rust-src"]))?;
    }
    let version = locked_version("wasm-bindgen")?;
    let have = output(Command::new(wasm_bindgen()).arg("--version")).unwrap_or_default();
    if have.trim() == format!("wasm-bindgen {version}") {
        return Ok(());
    }
    println!("xtask: installing wasm-bindgen-cli {version} into .tools (a few minutes, once)");
    let root_arg = tools_dir();
    let plain = Command::new(cargo())
        .args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            &format!("={version}"),
            "--locked",
            "--root",
        ])
        .arg(&root_arg)
        .status()?;
    if plain.success() {
        return Ok(());
    }
    // Its published lock file pins a webpki-roots release the registry no longer serves. The
    // failed attempt left the crate's source in cargo's registry cache: build it from there with
    // that one dependency moved to a release that exists.
    println!("xtask: retrying wasm-bindgen-cli {version} from its source with webpki-roots 1.0.10");
    let src = registry_source(&format!("wasm-bindgen-cli-{version}"))
        .ok_or("wasm-bindgen-cli source not found in cargo's registry")?;
    // Outside the project, or cargo would take it for a member of this workspace.
    let work = std::env::temp_dir().join(format!("kd-wasm-bindgen-cli-{version}"));
    let _ = std::fs::remove_dir_all(&work);
    copy_tree(&src, &work)?;
    run(Command::new(cargo()).current_dir(&work).args([
        "update",
        "-p",
        "webpki-roots",
        "--precise",
        "1.0.10",
    ]))?;
    run(Command::new(cargo())
        .current_dir(&work)
        .args(["install", "--path", ".", "--locked", "--root"])
        .arg(&root_arg))?;
    Ok(())
}

fn registry_source(dir: &str) -> Option<PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
    std::fs::read_dir(home.join("registry/src"))
        .ok()?
        .flatten()
        .map(|e| e.path().join(dir))
        .find(|p| p.is_dir())
}

/// Copies a file or a folder tree. Copies are always writable, even from a read-only tree such
/// as `../shared` in CI, so that the next copy can replace them.
pub fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    if from.is_dir() {
        std::fs::create_dir_all(to)?;
        for e in std::fs::read_dir(from)? {
            let e = e?;
            copy_tree(&e.path(), &to.join(e.file_name()))?;
        }
    } else {
        let _ = std::fs::remove_file(to);
        std::fs::write(to, std::fs::read(from)?)?;
    }
    Ok(())
}

/// Node.js, and the npm tools at the versions in package-lock.json.
pub fn ensure_node_tools() -> Result<()> {
    if output(Command::new("node").arg("--version")).is_none() {
        apt_install(&["nodejs", "npm"])?;
    }
    let stamp = root().join("node_modules/.package-lock.json");
    let fresh = match (
        std::fs::metadata(&stamp),
        std::fs::metadata(root().join("package-lock.json")),
    ) {
        (Ok(have), Ok(want)) => have.modified()? >= want.modified()?,
        _ => false,
    };
    if !fresh || !node_bin("wasm-opt").exists() {
        println!("xtask: installing npm tools (binaryen, terser, playwright-core, axe-core, ajv) from package-lock.json");
        run(Command::new("npm")
            .current_dir(root())
            .args(["ci", "--no-audit", "--no-fund"])
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))?;
    }
    Ok(())
}

/// zopfli (Debian) compresses the embedded wasm a few percent better than gzip, in the same
/// format. Without it the packer falls back to `gzip -9`, so a failed install is not fatal.
/// xz (Debian's `xz-utils`, on every Debian system) packs the office page's module.
pub fn ensure_xz() -> Result<()> {
    if output(Command::new("xz").arg("--version")).is_none() {
        apt_install(&["xz-utils"])?;
    }
    Ok(())
}

pub fn ensure_zopfli() {
    if output(Command::new("zopfli").arg("-h")).is_none() && !Path::new("/usr/bin/zopfli").exists()
    {
        if let Err(e) = apt_install(&["zopfli"]) {
            println!("xtask: zopfli unavailable ({e}); compressing with gzip -9 instead");
        }
    }
}

/// Debian's Chromium and ChromeDriver, a Japanese font so that text is not drawn as boxes,
/// poppler's PDF tools for reading the printed report, and LibreOffice for the Word files.
pub fn ensure_browser() -> Result<()> {
    let mut missing = Vec::new();
    if !Path::new("/usr/bin/chromium").exists() {
        missing.push("chromium");
    }
    if !Path::new("/usr/bin/chromedriver").exists() {
        missing.push("chromium-driver");
    }
    let fonts = output(Command::new("fc-list").arg(":lang=ja")).unwrap_or_default();
    if fonts.trim().is_empty() {
        missing.push("fonts-ipafont-gothic");
    }
    // pdftotext and pdftoppm read the printed report in the tests.
    if output(Command::new("pdftotext").arg("-v")).is_none()
        && !Path::new("/usr/bin/pdftotext").exists()
    {
        missing.push("poppler-utils");
    }
    // LibreOffice opens the Word files the document drafts are written to (drafts.test.mjs).
    if !Path::new("/usr/bin/soffice").exists() {
        missing.push("libreoffice-writer-nogui");
    }
    if !missing.is_empty() {
        apt_install(&missing)?;
    }
    Ok(())
}

/// The version of geckodriver the tests drive Firefox ESR with (crates.io; built into .tools).
const GECKODRIVER: &str = "0.37.1";

/// The two other engines of the end-to-end tests, from Debian: Firefox ESR (driven through
/// geckodriver, built from crates.io) and WebKit, Safari's engine (WebKitWebDriver, whose
/// MiniBrowser needs a display: Xvfb).
pub fn ensure_engines() -> Result<()> {
    let mut missing = Vec::new();
    if !Path::new("/usr/bin/firefox-esr").exists() {
        missing.push("firefox-esr");
    }
    if !Path::new("/usr/bin/WebKitWebDriver").exists() {
        missing.push("webkit2gtk-driver");
    }
    if !Path::new("/usr/bin/xvfb-run").exists() {
        missing.extend(["xvfb", "xauth"]);
    }
    if !missing.is_empty() {
        apt_install(&missing)?;
    }
    let geckodriver = tools_dir().join("bin/geckodriver");
    let have = output(Command::new(&geckodriver).arg("--version")).unwrap_or_default();
    if !have.starts_with(&format!("geckodriver {GECKODRIVER}")) {
        println!("xtask: building geckodriver {GECKODRIVER} into .tools (a few minutes, once)");
        run(Command::new(cargo())
            .args(["install", "geckodriver", "--version"])
            .arg(format!("={GECKODRIVER}"))
            .args(["--locked", "--root"])
            .arg(tools_dir()))?;
    }
    Ok(())
}

fn apt_install(packages: &[&str]) -> Result<()> {
    println!("xtask: installing {} from Debian", packages.join(", "));
    let root_user = output(Command::new("id").arg("-u")).is_some_and(|u| u.trim() == "0");
    let (prog, pre): (&str, &[&str]) = if root_user {
        ("apt-get", &[])
    } else {
        ("sudo", &["apt-get"])
    };
    run(Command::new(prog).args(pre).args(["update", "-q"]))?;
    run(Command::new(prog)
        .args(pre)
        .args(["install", "-y", "-q"])
        .args(packages)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}
