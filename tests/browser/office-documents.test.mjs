//! The office page's documents as a promoter uses them: the result files of four offices (a
//! budget-justification case, a leadership case, a finance case, a healthy office; written by the
//! core's export in `tests/native/draft.rs`) picked into the page; the drafts each case calls for
//! offered first; the cost-effect calculator filled in by typing (the published chat-tool case)
//! and its figures on the page; every draft downloaded as Word in Japanese and in English, opened
//! by LibreOffice headless, converted to PDF and read back (title, every heading, the calculator's
//! figures in the budget draft); Markdown; a draft printed alone; the calculator's problems said
//! field by field; axe-core; no request made.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, rmSync, mkdirSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { ARTIFACTS, launch, open, fileUrl, axe, recordPrints, readPdf, screenshot } from "./helpers.mjs";

const OFFICE = process.env.KD_OFFICE_HTML || "target/dist/kintone-diagnosis-office.html";
const DRAFTS = resolve(process.env.KD_DRAFTS || "target/drafts");
const BOOK = JSON.parse(readFileSync("content/office-drafts.json", "utf8"));
const OUT = resolve(ARTIFACTS, "office-documents");
const CASES = { budget: ["budget_request"], leadership: ["executive_note"], finance: ["finance_note"], healthy: [] };
const flat = (s) => s.replace(/\s+/g, "");

let context;
before(async () => {
  assert.ok(existsSync(join(DRAFTS, "cases")), "the native tests write the cases' result files first (cargo test)");
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  context = await launch({ acceptDownloads: true });
});
after(async () => context && context.close());

async function openCase(name) {
  const opened = await open(context, fileUrl(OFFICE));
  const { page } = opened;
  await page.locator("[data-office]").waitFor();
  const folder = join(DRAFTS, "cases", name);
  await page.locator("[data-pick]").setInputFiles(readdirSync(folder).map((f) => join(folder, f)));
  await page.locator("[data-documents]").waitFor();
  return opened;
}

// From the keyboard, as a keyboard user saves them. (Clicked in quick succession, two buttons that
// scrolling brings under the same spot count as a double click, which the widget takes as one.)
async function download(page, selector, path) {
  await page.locator(selector).focus();
  const [d] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  await d.saveAs(path);
  return d.suggestedFilename();
}

// The published chat-tool case, typed as a user types it (a thousands separator, full-width
// digits in one field).
async function fillCalculator(page) {
  const type = async (name, value) => page.locator(`[name="${name}"]`).fill(value);
  await type("product", "kintone");
  await type("operations[0].name", "チャットでの連絡");
  await type("operations[0].staff", "1,100");
  await type("operations[0].minutes", "15");
  await type("operations[0].per_year", "２４０");
  await type("hourly_cost", "4000");
  await type("licence_per_user_month", "1000");
  await type("users", "1100");
  await type("training", "500000");
  await type("partner", "1500000");
  await page.locator("[data-calculate]").click();
  await page.locator("[data-calc-result]").waitFor();
}

test("each case's drafts, offered by the diagnosis, saved as Word in both languages and read back by LibreOffice", async () => {
  const expected = [];
  // A page per case and language: headless Chromium stops a page's downloads after ten in a row
  // (a desktop browser asks the user whether the site may save more files).
  for (const [name, offered] of Object.entries(CASES)) {
    for (const lang of ["ja", "en"]) {
      const { page, requests, errors } = await openCase(name);
      if (lang === "en") {
        await page.locator('[data-lang="en"]').click();
        await page.locator("[data-documents] h3", { hasText: "Drafts to submit" }).waitFor();
      }
      const first = await page.locator("[data-draft]:has([data-recommended])").evaluateAll((els) => els.map((e) => e.dataset.draft));
      for (const id of offered) assert.ok(first.includes(id), `${name}: ${id} offered first (${first})`);
      if (name === "healthy") assert.deepEqual(first, [], "a healthy office is offered nothing first");
      if (name === "leadership") assert.ok(!first.includes("finance_note"), first);
      if (name === "budget" && lang === "ja") {
        // The roadmap names each step's drafts.
        const step1 = await page.locator('[data-roadmap] [data-stage="step1"] [data-stage-drafts]').innerText();
        assert.ok(step1.includes(BOOK.drafts[0].title.ja), step1);
      }
      if (name === "budget") {
        await fillCalculator(page);
        const shown = flat(await page.locator("[data-calc-result]").innerText());
        const figures = lang === "ja" ? ["66,000.0", "264,000,000円", "1,320,000,000円", "68,000,000円", "1か月"] : ["66,000.0", "¥264,000,000", "¥1,320,000,000", "¥68,000,000", "1month(s)"];
        for (const fig of figures) assert.ok(shown.includes(fig), `${fig} in ${shown}`);
        if (lang === "ja") await screenshot(page, "office-documents");
      }
      for (const draft of BOOK.drafts) {
        const file = `${name}-${draft.id}-${lang}.docx`;
        const suggested = await download(page, `[data-draft="${draft.id}"] [data-act^="docx:"]`, join(OUT, file));
        assert.match(suggested, new RegExp(`^${draft.id}-\\d{4}-\\d{2}-\\d{2}\\.docx$`));
        const figures = name === "budget" && draft.id === "budget_request"
          ? (lang === "ja" ? ["66,000.0", "264,000,000円", "68,000,000円", "15,200,000円", "kintone"] : ["66,000.0", "¥264,000,000", "¥68,000,000", "¥15,200,000", "kintone"])
          : [];
        expected.push({ file, title: draft.title[lang], headings: draft.sections.map((s) => s.heading[lang]), figures });
      }
      if (name === "budget") {
        const md = join(OUT, `budget-${lang}.md`);
        await download(page, '[data-draft="budget_request"] [data-act^="md:"]', md);
        const text = readFileSync(md, "utf8");
        assert.ok(text.startsWith(`# ${BOOK.drafts[0].title[lang]}\n`), text.slice(0, 80));
        assert.ok(text.includes(`\n## ${BOOK.drafts[0].sections[3].heading[lang]}\n`));
        assert.ok(text.includes("| 66,000.0 |"), "the calculator's table in Markdown");
      }
      const own = fileUrl(OFFICE);
      assert.deepEqual(requests.filter((r) => r !== own), [], "no request besides the page itself");
      assert.deepEqual(errors, []);
      await page.close();
    }
  }
  assert.equal(expected.length, 48);
  execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${OUT}/profile`, "--convert-to", "pdf", "--outdir", OUT, ...expected.map((e) => join(OUT, e.file))], { stdio: "pipe", timeout: 240_000 });
  for (const e of expected) {
    const pdf = join(OUT, e.file.replace(/\.docx$/, ".pdf"));
    assert.ok(existsSync(pdf), `${e.file} converted`);
    assert.match(execFileSync("pdfinfo", [pdf]).toString(), /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/, e.file);
    const text = flat(execFileSync("pdftotext", [pdf, "-"]).toString());
    for (const want of [e.title, ...e.headings, ...e.figures]) assert.ok(text.includes(flat(want)), `${e.file}: "${want}"`);
  }
});

test("the calculator says what is missing field by field; the section passes axe; a draft prints alone", async () => {
  const { page } = await openCase("budget");
  await page.locator("[data-calculate]").click();
  const alert = page.locator("[data-calc-errors][role=alert]");
  await alert.waitFor();
  const said = await alert.innerText();
  for (const message of ["1行目の担当人数(人):入力してください", "人件費の時間単価(円/時間):入力してください"]) assert.ok(said.includes(message), said);
  assert.equal(await page.locator('[name="operations[0].staff"]').getAttribute("aria-invalid"), "true");
  assert.equal(await page.locator('[name="years"]').getAttribute("aria-invalid"), null, "a blank year count means five");
  await page.locator('[name="operations[0].staff"]').fill("-3");
  assert.ok((await alert.innerText()).includes("1行目の担当人数(人):0以上の数を入力してください"), "said again as the field changes");
  // Rows added and removed by keyboard.
  await page.locator('[data-act="add"]').focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("[data-operation]").count(), 2);
  await page.locator('[data-act="remove:1"]').focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("[data-operation]").count(), 1);
  assert.deepEqual(await axe(page), [], "the documents section with its problems shown");

  await fillCalculator(page);
  // A limit that is no amount is said, and the drafts do without the comparison meanwhile.
  await page.locator('[name="limit"]').last().fill("abc");
  await page.locator("[data-limit-error][role=alert]").waitFor();
  await page.locator('[name="limit"]').last().fill("1,000,000");
  await page.locator("[data-limit-error]").waitFor({ state: "detached" });
  // More results dropped in later: the figures typed stay, and the drafts count everyone.
  const more = join(DRAFTS, "cases", "healthy");
  await page.locator("[data-pick]").setInputFiles(readdirSync(more).map((f) => join(more, f)));
  await page.locator("[data-draft] p", { hasText: "回答12人" }).first().waitFor({ state: "attached" });
  assert.equal(await page.locator('[name="hourly_cost"]').inputValue(), "4000");
  assert.ok((await page.locator("[data-calc-result]").innerText()).includes("264,000,000"));
  await recordPrints(page);
  await page.locator('[data-draft="budget_request"] [data-act^="print:"]').click();
  await page.waitForFunction(() => window.__printed.length === 1);
  const printed = await page.evaluate(() => window.__printed[0]);
  assert.match(printed.body, /data-printing="draft"/);
  assert.match(printed.body, /data-draft-print/);
  // What the paper shows: the copy the page printed, laid out for print.
  const paper = await context.newPage();
  await paper.setContent(`<!doctype html><html lang="ja"><head><style>${printed.css}</style></head><body>${printed.body}</body></html>`);
  await paper.emulateMedia({ media: "print" });
  const { text } = readPdf(await paper.pdf({ format: "A4" }), "office-draft-print");
  const flatText = flat(text);
  for (const s of BOOK.drafts[0].sections) assert.ok(flatText.includes(flat(s.heading.ja)), `${s.heading.ja} on paper`);
  assert.ok(flatText.includes("66,000.0"));
  assert.ok(!flatText.includes("費用対効果の計算機"), "the calculator stays off the paper");
  assert.ok(!flatText.includes("立場ごとの傾向"), "the rest of the page stays off the paper");
  await paper.close();
  // Printing over, the page is itself again.
  await page.waitForFunction(() => !document.querySelector("[data-printing]"));
  await page.close();
});
