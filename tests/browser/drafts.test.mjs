//! The Word files the document drafts are written to, as a municipality opens them: every draft
//! the native tests wrote to `target/drafts/` (four diagnoses × six drafts × two languages,
//! `tests/native/draft.rs`) is opened by LibreOffice headless (Debian's
//! `libreoffice-writer-nogui`), converted to PDF, and its text read back: on A4, the title, every
//! section heading and the calculator's figures where the draft carries them. CPython's zipfile
//! checks each file's CRCs independently of the writer.

import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, rmSync, mkdirSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { ARTIFACTS } from "./helpers.mjs";

const DRAFTS = resolve(process.env.KD_DRAFTS || "target/drafts");
const OUT = resolve(ARTIFACTS, "drafts");
const flat = (s) => s.replace(/\s+/g, "");

let expected;
before(() => {
  assert.ok(existsSync(join(DRAFTS, "expected.json")), `${DRAFTS}/expected.json: the native tests write the drafts first (cargo test)`);
  expected = JSON.parse(readFileSync(join(DRAFTS, "expected.json"), "utf8"));
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  // One LibreOffice run for every file, with a profile of its own (nothing of the machine's).
  const files = expected.map((e) => join(DRAFTS, e.file));
  execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${OUT}/profile`, "--convert-to", "pdf", "--outdir", OUT, ...files], { stdio: "pipe", timeout: 240_000 });
});

test("every draft's Word file is a sound ZIP (checked by an independent reader)", () => {
  assert.equal(expected.length, 48, "four diagnoses, six drafts, two languages");
  const files = expected.map((e) => join(DRAFTS, e.file));
  execFileSync("python3", ["-c", "import sys, zipfile\nfor f in sys.argv[1:]:\n  z = zipfile.ZipFile(f)\n  assert z.testzip() is None, f\n  assert 'word/document.xml' in z.namelist(), f", ...files]);
});

test("LibreOffice opens every draft: A4, its title, every heading and the calculator's figures", () => {
  for (const e of expected) {
    const pdf = join(OUT, e.file.replace(/\.docx$/, ".pdf"));
    assert.ok(existsSync(pdf), `${e.file} was converted`);
    const info = execFileSync("pdfinfo", [pdf]).toString();
    assert.match(info, /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/, `${e.file}: A4`);
    const text = flat(execFileSync("pdftotext", [pdf, "-"]).toString());
    for (const want of [e.title, ...e.headings, ...e.figures]) {
      assert.ok(text.includes(flat(want)), `${e.file}: "${want}" in the converted text`);
    }
  }
  const budget = expected.filter((e) => e.file.startsWith("budget-budget_request"));
  assert.equal(budget.length, 2);
  assert.ok(budget.every((e) => e.figures.length >= 5), "the budget drafts carry the calculator's figures");
});
