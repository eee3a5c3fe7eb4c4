//! `cargo xtask package`: the release archive a web designer or an intranet administrator
//! downloads, so that nobody needs Rust to use the widget: the single file, the embeddable script,
//! the demo page, a short README (ja/en), the embedding guide with the result event's schema,
//! the licence and `SHA256SUMS`, in
//! `target/package/kintone-diagnosis-<version>.zip`.
//!
//! The archive is written by a small zip writer of our own (stored entries, no compression: the
//! files inside are already compressed where it matters, and a stored zip opens everywhere,
//! including Windows Explorer on an old PC). Entries carry a fixed date, so the same build gives
//! the same archive byte for byte.

use crate::{pack, root, sha, Result};
use std::path::{Path, PathBuf};

/// Builds the widget and writes the archive; returns its path.
pub fn package() -> Result<PathBuf> {
    let (js, html) = pack::dist()?;
    write(&js, &html)
}

/// Writes the archive around the built script `js` and single page `html`.
pub fn write(js: &Path, html: &Path) -> Result<PathBuf> {
    let version = kintone_diagnosis::VERSION;
    let readme = std::fs::read_to_string(root().join("docs/package-README.md"))?
        .replace("{{VERSION}}", version);
    let mut files: Vec<(&str, Vec<u8>)> = vec![
        ("kintone-diagnosis.html", std::fs::read(html)?),
        ("kintone-diagnosis.js", std::fs::read(js)?),
        // The promoter's or consultant's page that gathers the results (issue 17).
        (
            "kintone-diagnosis-office.html",
            std::fs::read(crate::pack::office_page_path())?,
        ),
        ("demo.html", std::fs::read(root().join("www/index.html"))?),
        ("demo.css", std::fs::read(root().join("www/demo.css"))?),
        // The web designer's guide to attributes and the result event, and the event's schema.
        ("embed.md", std::fs::read(root().join("docs/embed.md"))?),
        (
            "result-event.schema.json",
            std::fs::read(root().join("docs/result-event.schema.json"))?,
        ),
        ("README.md", readme.into_bytes()),
        ("LICENSE", std::fs::read(root().join("LICENSE"))?),
    ];
    let sums: String = files
        .iter()
        .map(|(name, data)| format!("{}  {name}\n", hex(&sha::sha256(data))))
        .collect();
    files.push(("SHA256SUMS", sums.into_bytes()));
    let folder = format!("kintone-diagnosis-{version}");
    let entries: Vec<(String, &[u8])> = files
        .iter()
        .map(|(name, data)| (format!("{folder}/{name}"), data.as_slice()))
        .collect();
    let dir = root().join("target/package");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(format!("{folder}.zip"));
    std::fs::write(&path, zip(&entries))?;
    println!("xtask: wrote {} ({} files)", path.display(), entries.len());
    Ok(path)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// CRC-32 (IEEE), as zip requires, bit by bit: the archive is a few hundred kilobytes.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// 2026-01-01 00:00 in MS-DOS form, for every entry.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = ((2026 - 1980) << 9) | (1 << 5) | 1;

/// A zip archive of `entries` (name, contents), stored without compression, names in UTF-8.
fn zip(entries: &[(String, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = out.len() as u32;
        let (crc, size, name_len) = (crc32(data), data.len() as u32, name.len() as u16);
        // The fields both headers share: version needed 2.0, flags (bit 11: UTF-8 names),
        // method 0 (stored), time, date, CRC, sizes, name length, extra length.
        let mut common = Vec::new();
        for v in [20u16, 1 << 11, 0, DOS_TIME, DOS_DATE] {
            common.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, size, size] {
            common.extend_from_slice(&v.to_le_bytes());
        }
        common.extend_from_slice(&name_len.to_le_bytes());
        common.extend_from_slice(&0u16.to_le_bytes());

        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&common);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes()); // made by: 2.0, MS-DOS
        central.extend_from_slice(&common);
        // Comment length, disk number, internal attributes, external attributes, offset.
        for v in [0u16, 0, 0] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        central.extend_from_slice(&0u32.to_le_bytes());
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let (start, size, count) = (out.len() as u32, central.len() as u32, entries.len() as u16);
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    for v in [0u16, 0, count, count] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&start.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment length
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        // The check value every CRC-32 (IEEE) implementation publishes.
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn the_archive_is_read_back_by_pythons_zipfile() {
        let entries = vec![
            ("a/one.txt".to_string(), b"hello".as_slice()),
            ("a/二.txt".to_string(), "日本語".as_bytes()),
        ];
        let dir = std::env::temp_dir().join(format!("kd-zip-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.zip");
        std::fs::write(&path, zip(&entries)).unwrap();
        // An independent reader: CPython's zipfile checks every CRC (testzip) and the names.
        let out = std::process::Command::new("python3")
            .args([
                "-c",
                "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; \
                 print('|'.join(f'{i.filename}={z.read(i).decode()}' for i in z.infolist()))",
            ])
            .arg(&path)
            .output()
            .expect("python3 runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            "a/one.txt=hello|a/二.txt=日本語"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
