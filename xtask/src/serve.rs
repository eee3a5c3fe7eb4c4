//! A small static file server for the demo page, bound to 127.0.0.1 only.

use crate::{pack, root, Result};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

/// Builds the deliverables, lays out the demo site and serves it until interrupted.
pub fn serve(port: u16) -> Result {
    let (js, html) = pack::dist()?;
    let site = root().join("target/site");
    std::fs::create_dir_all(&site)?;
    for f in ["index.html", "demo.css"] {
        std::fs::copy(root().join("www").join(f), site.join(f))?;
    }
    std::fs::copy(&js, site.join("kintone-diagnosis.js"))?;
    std::fs::copy(&html, site.join("kintone-diagnosis.html"))?;
    std::fs::copy(
        pack::office_page_path(),
        site.join("kintone-diagnosis-office.html"),
    )?;
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    println!("xtask: serving the demo page at http://127.0.0.1:{port}/ (Ctrl+C to stop)");
    println!("xtask: the offline single file is at http://127.0.0.1:{port}/kintone-diagnosis.html");
    println!("xtask: the office page is at http://127.0.0.1:{port}/kintone-diagnosis-office.html");
    for stream in listener.incoming().flatten() {
        let site = site.clone();
        std::thread::spawn(move || {
            let _ = respond(stream, &site);
        });
    }
    Ok(())
}

fn respond(mut stream: TcpStream, site: &Path) -> std::io::Result<()> {
    let mut line = String::new();
    BufReader::new(&stream).read_line(&mut line)?;
    let path = line.split_whitespace().nth(1).unwrap_or("/");
    let path = path.split(['?', '#']).next().unwrap_or("/");
    let file = resolve(site, path);
    let (status, body, kind) = match file.and_then(|f| std::fs::read(&f).ok().map(|b| (f, b))) {
        Some((f, body)) => ("200 OK", body, content_type(&f)),
        None => (
            "404 Not Found",
            b"not found".to_vec(),
            "text/plain; charset=utf-8",
        ),
    };
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    stream.write_all(&body)
}

/// Maps a URL path into the site folder, refusing anything that climbs out of it.
fn resolve(site: &Path, url_path: &str) -> Option<PathBuf> {
    let rel = Path::new(url_path.trim_start_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let p = site.join(rel);
    Some(if p.is_dir() { p.join("index.html") } else { p })
}

fn content_type(p: &Path) -> &'static str {
    match p.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_leave_the_site() {
        let site = Path::new("/site");
        assert_eq!(resolve(site, "/../etc/passwd"), None);
        assert_eq!(resolve(site, "/a/../../b"), None);
        assert_eq!(
            resolve(site, "/demo.css"),
            Some(PathBuf::from("/site/demo.css"))
        );
    }
}
