//! A [`Document`] as a Word file (`.docx`, Office Open XML) that Word and LibreOffice open and
//! edit: A4, a title, headings, bulleted and numbered lists, tables with borders, a Japanese font
//! named. Written here rather than with a crate: the five small XML parts and an uncompressed
//! ZIP around them are a few hundred lines, where a docx crate and a deflate implementation would
//! cost the office page tens of kilobytes.

use super::draft::{Block, Document};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// The text width of an A4 page with 25 mm margins, in twentieths of a point.
const TEXT_WIDTH: usize = 9070;

/// The Word file of `doc`, its language `lang` (`ja` or `en`).
pub fn docx(doc: &Document, lang: &str) -> Vec<u8> {
    let (body, lists) = body(doc);
    let locale = if lang == "ja" { "ja-JP" } else { "en-GB" };
    let head = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
    let parts: [(&str, String); 7] = [
        (
            "[Content_Types].xml",
            format!(
                r#"{head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#
            ),
        ),
        (
            "_rels/.rels",
            format!(
                r#"{head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#
            ),
        ),
        (
            "docProps/core.xml",
            format!(
                r#"{head}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:language>{locale}</dc:language></cp:coreProperties>"#,
                escape(&doc.title)
            ),
        ),
        (
            "word/_rels/document.xml.rels",
            format!(
                r#"{head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#
            ),
        ),
        (
            "word/styles.xml",
            format!(
                r#"{head}<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Yu Gothic" w:hAnsi="Yu Gothic" w:eastAsia="游ゴシック" w:cs="Yu Gothic"/><w:sz w:val="21"/><w:lang w:val="{locale}" w:eastAsia="ja-JP"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:spacing w:after="240"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="280" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="60"/></w:pPr></w:style></w:styles>"#
            ),
        ),
        ("word/numbering.xml", numbering(lists)),
        (
            "word/document.xml",
            format!(
                r#"{head}<w:document xmlns:w="{W}"><w:body><w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>{}</w:p>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>"#,
                runs(&doc.title, false)
            ),
        ),
    ];
    zip(&parts)
}

/// The body's XML, and how many numbered lists it has (each restarts at 1: a numbering of its
/// own).
fn body(doc: &Document) -> (String, usize) {
    let mut out = String::new();
    let mut lists = 0;
    for block in &doc.blocks {
        match block {
            Block::Heading(h) => {
                out.push_str(r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>"#);
                out.push_str(&runs(h, false));
                out.push_str("</w:p>");
            }
            Block::Paragraph(p) => {
                out.push_str("<w:p>");
                out.push_str(&runs(p, false));
                out.push_str("</w:p>");
            }
            Block::Points { numbered, items } => {
                // Numbering 1 is the bullets; 2, 3, ... one per numbered list.
                let num = if *numbered {
                    lists += 1;
                    lists + 1
                } else {
                    1
                };
                for item in items {
                    out.push_str(&format!(
                        r#"<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr></w:pPr>{}</w:p>"#,
                        runs(item, false)
                    ));
                }
            }
            Block::Table(rows) => {
                let columns = rows.first().map_or(1, Vec::len).max(1);
                // The first column (a name) gets two shares of the width when there are three
                // columns or more: equal columns wrapped names after a few characters.
                let shares = if columns > 2 { columns + 1 } else { columns };
                let width =
                    |c: usize| TEXT_WIDTH * if c == 0 && columns > 2 { 2 } else { 1 } / shares;
                let border = r#"w:val="single" w:sz="4" w:space="0" w:color="808080""#;
                out.push_str(&format!(
                    r#"<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/><w:right {border}/><w:insideH {border}/><w:insideV {border}/></w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>"#
                ));
                for c in 0..columns {
                    out.push_str(&format!(r#"<w:gridCol w:w="{}"/>"#, width(c)));
                }
                out.push_str("</w:tblGrid>");
                for (r, row) in rows.iter().enumerate() {
                    // No row splits across pages; the header row repeats on every page and is bold.
                    out.push_str(if r == 0 {
                        "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
                    } else {
                        "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                    });
                    for (c, cell) in row.iter().enumerate() {
                        out.push_str(&format!(
                            r#"<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:keepNext/><w:spacing w:after="0"/></w:pPr>{}</w:p></w:tc>"#,
                            width(c),
                            runs(cell, r == 0)
                        ));
                    }
                    out.push_str("</w:tr>");
                }
                // Word needs a paragraph between two tables, and after the last.
                out.push_str("</w:tbl><w:p/>");
            }
        }
    }
    (out, lists)
}

/// Text as runs: a line break for each newline.
fn runs(text: &str, bold: bool) -> String {
    let props = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    let mut out = String::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:r><w:br/></w:r>");
        }
        out.push_str(&format!(
            r#"<w:r>{props}<w:t xml:space="preserve">{}</w:t></w:r>"#,
            escape(line)
        ));
    }
    out
}

/// The bullets (1) and `lists` numberings that each start at 1 (2, 3, ...).
fn numbering(lists: usize) -> String {
    let level = |format: &str, text: &str| {
        format!(
            r#"<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="420" w:hanging="420"/></w:pPr></w:lvl>"#
        )
    };
    let mut out = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0">{}</w:abstractNum><w:abstractNum w:abstractNumId="1">{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
        level("bullet", "・"),
        level("decimal", "%1.")
    );
    for n in 0..lists {
        out.push_str(&format!(
            r#"<w:num w:numId="{}"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#,
            n + 2
        ));
    }
    out.push_str("</w:numbering>");
    out
}

/// Text for XML and HTML: markup characters escaped, and the control characters XML 1.0 forbids
/// (a pasted product name may hold one) left out.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A ZIP archive of `files`, stored uncompressed (every reader takes method 0), dated
/// 2026-01-01 so that the same document gives the same bytes.
fn zip(files: &[(&str, String)]) -> Vec<u8> {
    const DATE: u16 = ((2026 - 1980) << 9) | (1 << 5) | 1;
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let (name, data) = (name.as_bytes(), data.as_bytes());
        let crc = crc32(data);
        let offset = out.len() as u32;
        let size = data.len() as u32;
        // Local header: signature, version 2.0, flags (bit 11: UTF-8 names), method 0, time,
        // date, CRC, sizes, name length, no extra field.
        let common = |v: &mut Vec<u8>| {
            push16(v, 20);
            push16(v, 1 << 11);
            push16(v, 0);
            push16(v, 0);
            push16(v, DATE);
            push32(v, crc);
            push32(v, size);
            push32(v, size);
            push16(v, name.len() as u16);
            push16(v, 0);
        };
        push32(&mut out, 0x0403_4b50);
        common(&mut out);
        out.extend_from_slice(name);
        out.extend_from_slice(data);
        push32(&mut central, 0x0201_4b50);
        push16(&mut central, 20);
        common(&mut central);
        // Comment length, disk, internal and external attributes, the local header's offset.
        push16(&mut central, 0);
        push16(&mut central, 0);
        push16(&mut central, 0);
        push32(&mut central, 0);
        push32(&mut central, offset);
        central.extend_from_slice(name);
    }
    let (at, size) = (out.len() as u32, central.len() as u32);
    out.extend_from_slice(&central);
    push32(&mut out, 0x0605_4b50);
    push16(&mut out, 0);
    push16(&mut out, 0);
    push16(&mut out, files.len() as u16);
    push16(&mut out, files.len() as u16);
    push32(&mut out, size);
    push32(&mut out, at);
    push16(&mut out, 0);
    out
}

fn push16(v: &mut Vec<u8>, n: u16) {
    v.extend_from_slice(&n.to_le_bytes());
}

fn push32(v: &mut Vec<u8>, n: u32) {
    v.extend_from_slice(&n.to_le_bytes());
}

/// CRC-32 (IEEE, reflected), bit by bit: a document of a few tens of kilobytes takes well under a
/// millisecond, and no table is carried in the wasm.
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (!(crc & 1)).wrapping_add(1));
        }
    }
    !crc
}
