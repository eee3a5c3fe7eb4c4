//! End to end: the complete experience in the single file — keyboard only in both languages,
//! accessibility (axe-core) on every screen, resume and storage failures, export and import,
//! print, and screenshots at phone and desktop widths.

import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import {
  launch, open, fileUrl, completeDiagnosis, answerSection, screenshot, axe, notice, focused, tabTo, live,
  hostPage, readPdf, HTML, ARTIFACTS,
} from "./helpers.mjs";

let ctx;
before(async () => (ctx = await launch()));
after(async () => ctx && ctx.close());

const url = fileUrl(HTML);
const STORAGE_KEY = "kintone-diagnosis:default:kintone-municipal";

/** A fresh page with empty storage (every file:// page shares one origin). */
async function fresh(opts) {
  const o = await open(ctx, url, opts);
  await o.page.evaluate(() => localStorage.clear());
  await o.page.reload();
  await live(o.page);
  return o;
}

async function keyboardRun(page, lang) {
  if (lang === "en") {
    await tabTo(page, (f) => f.attrs["data-lang"] === "en");
    await page.keyboard.press("Enter");
    await page.locator('[data-lang="en"][aria-pressed="true"]').waitFor();
  }
  await tabTo(page, (f) => f.attrs["data-role"] === "manager");
  await page.keyboard.press("Enter");
  let sections = 0;
  while (!(await page.locator("[data-result]").count())) {
    // Focus moved to the section heading; each Tab enters the next radio group.
    const f = await focused(page);
    assert.equal(f.tag, "h2", "focus is on the section heading after each change");
    const n = await page.locator("[data-q]").count();
    for (let i = 0; i < n; i++) {
      await page.keyboard.press("Tab"); // into the group (first choice, unselected)
      await page.keyboard.press("ArrowDown"); // moves to and selects the second choice
    }
    const before = await page.locator("h2").first().textContent();
    await page.keyboard.press("Enter"); // advances from within the last group
    await page.waitForFunction((prev) => {
      const root = document.querySelector("kintone-diagnosis").shadowRoot;
      const h = root.querySelector("h2");
      return root.querySelector("[data-result]") || (h && h.textContent !== prev);
    }, before);
    if (++sections > 20) throw new Error("too many sections");
  }
  return sections;
}

test("the whole diagnosis can be completed with the keyboard alone, in Japanese", async () => {
  const { page, errors } = await fresh();
  assert.equal(await keyboardRun(page, "ja"), 9);
  const answers = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).answers, STORAGE_KEY);
  // 36 statements and the stage (the second choice: on trial somewhere).
  assert.equal(Object.keys(answers).length, 37, "every answer was saved as it was given");
  assert.deepEqual(answers.office_stage, { choice: "trial" });
  const { office_stage: _, ...statements } = answers;
  assert.ok(Object.values(statements).every((a) => a.choice === "3"), "arrow keys chose the second choice");
  assert.match(await page.locator("[data-result] h2").textContent(), /診断結果/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the whole diagnosis can be completed with the keyboard alone, in English", async () => {
  const { page, errors } = await fresh();
  assert.equal(await keyboardRun(page, "en"), 9);
  assert.match(await page.locator("[data-result] h2").textContent(), /Your result/);
  // The folded list of steps opens from the keyboard, and a material is marked with it.
  // Nothing major for this respondent, so no step comes first and every step shows, unfolded;
  // the list folds and opens from the keyboard.
  await tabTo(page, (f) => f.tag === "summary" && f.text.startsWith("All steps"), 80);
  const list = page.locator("details[data-plan-all]");
  assert.ok(await list.evaluate((d) => d.open), "shown open");
  await page.keyboard.press("Enter");
  assert.ok(!(await list.evaluate((d) => d.open)), "folded");
  await page.keyboard.press("Enter");
  assert.ok(await list.evaluate((d) => d.open), "opened again");
  await tabTo(page, (f) => f.attrs["data-item"] === "security", 80);
  await page.keyboard.press("Space");
  assert.ok(await page.locator('[data-item="security"][value="has"]').isChecked(), "marked there");
  await page.keyboard.press("ArrowRight");
  assert.ok(await page.locator('[data-item="security"][value="lacks"]').isChecked(), "marked missing");
  // Missing, it becomes a step.
  await page.locator('[data-step="prepare_security"]').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("unanswered statements are named, and focus goes to the first of them", async () => {
  const { page } = await fresh();
  await page.locator('[data-role="staff"]').click();
  // The stage question first: unanswered, it is named without a number (it is not a statement).
  await page.locator("[data-next]").click();
  assert.equal(await page.locator('[role="alert"]').first().textContent(), "答えを一つ選んでください。");
  await page.locator('[data-q="office_stage"] [data-v="all"]').click();
  await page.locator("[data-next]").click();
  await page.locator('[data-q="lead_used_tool"] [data-v="4"]').click();
  await page.locator("[data-next]").click();
  const alert = page.locator('[role="alert"]').first();
  assert.match(await alert.textContent(), /設問 2、3、4\)/);
  const f = await focused(page);
  assert.equal(f.attrs.name, "kd1-lead_left_to_others", "focus is on the first unanswered statement");
  assert.equal(await page.locator(".question.missing").count(), 3);
  await page.close();
});

test("axe-core finds no violations on the start, question, result and error screens", async () => {
  const { page } = await fresh();
  const report = {};
  report.start = await axe(page);
  await page.locator('[data-role="promoter"]').click();
  report.question = await axe(page);
  await page.locator("[data-next]").click();
  report.refused = await axe(page);
  await completeDiagnosis(page, null, (_, i) => String((i % 4) + 1));
  await page.locator("[data-how] summary").click();
  await page.locator("[data-privacy] summary").click();
  report.result = await axe(page);
  await page.close();
  const bad = hostPage("bad-content.html", `<script type="application/json" id="q">{"format_version": 1, "id": ""}</script><kintone-diagnosis content="q"></kintone-diagnosis><script src="kintone-diagnosis.js"></script>`);
  const err = await open(ctx, bad);
  await err.page.locator("[data-content-errors]").waitFor();
  report.error = await axe(err.page);
  await err.page.close();
  for (const [screen, violations] of Object.entries(report)) assert.deepEqual(violations, [], screen);
});

test("a reload offers to continue where the respondent left off", async () => {
  const { page } = await fresh();
  await page.locator('[data-role="finance"]').click();
  // A role without any answer is nothing to come back to: nothing is written yet.
  await page.locator("[data-q]").first().waitFor();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), null);
  await answerSection(page, () => "2"); // the stage: on trial
  await page.locator("[data-next]").click();
  await answerSection(page, () => "2"); // four statements on leadership
  await page.locator("[data-next]").click();
  await page.locator('[data-q="fin_relies_on_request"] [data-v="1"]').click();
  await page.reload();
  await page.locator("[data-resume]").waitFor();
  assert.match(await page.locator(".resume").textContent(), /5問回答済み/);
  await page.locator("[data-resume]").click();
  assert.equal(await page.locator("h2").textContent(), "IT予算の査定");
  assert.ok(await page.locator('[data-q="fin_relies_on_request"] [data-v="1"]').isChecked());
  // Declining instead starts afresh and erases the saved copy.
  await page.reload();
  await page.locator("[data-decline]").click();
  await page.locator("[data-confirm]").click(); // asked first: the answers go
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), null);
  await page.close();
});

test("the language chosen is saved with the answers: a reload offers them, and continues, in it", async () => {
  const { page } = await fresh();
  await page.locator('[data-role="staff"]').click();
  await page.locator('[data-q="office_stage"] [data-v="trial"]').click();
  await page.locator(".lang-switch button", { hasText: "English" }).click();
  await page.locator("h2", { hasText: "Leadership" }).or(page.locator("h2").first()).waitFor();
  assert.match(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), /"lang":"en"/);
  await page.reload();
  await page.locator("[data-resume]").waitFor();
  assert.equal(await page.locator(".kd").getAttribute("lang"), "en", "the offer is in English");
  await page.locator("[data-resume]").click();
  assert.equal(await page.locator(".kd").getAttribute("lang"), "en");
  assert.ok(await page.locator('[data-q="office_stage"] [data-v="trial"]').isChecked());
  // Back to Japanese, and a reload keeps that too.
  await page.locator(".lang-switch button", { hasText: "日本語" }).click();
  await page.reload();
  await page.locator("[data-resume]").waitFor();
  assert.equal(await page.locator(".kd").getAttribute("lang"), "ja");
  await page.close();
});

test("files saved with this questionnaire open; those of the earlier one are refused by its version", async () => {
  // Made with content 2026.12.2 through the same export and snapshot as the widget's
  // (tests/fixtures/released), and kept so that the next change of layout must still open them.
  const released = (name) => join("tests/fixtures/released", name);
  const { page } = await fresh();
  await page.locator("[data-open-file]").setInputFiles(released("result-2026.12.2-promoter.json"));
  await page.locator("[data-result]").waitFor();
  assert.equal(await notice(page), "結果ファイルを読み込みました。閉じる");
  assert.ok(await page.locator('[data-item="ecosystem_overview"][value="has"]').isChecked());
  assert.ok(await page.locator('[data-item="security"][value="lacks"]').isChecked());
  assert.ok(await page.locator('[data-item="plugin_comparison"][value="unsure"]').isChecked());
  assert.equal(await page.locator("[data-primary]").count(), 3, "its main blockers are shown");

  // A result keeps the day it was made: in its summary and when saved again.
  const dated = join(ARTIFACTS, "dated-result.json");
  const original = JSON.parse(readFileSync(released("result-2026.12.2-promoter.json"), "utf8"));
  writeFileSync(dated, JSON.stringify({ ...original, created: "2026-10-15T09:00:00Z" }));
  await page.locator("[data-restart]").click();
  await page.locator("[data-confirm]").click();
  await page.locator("[data-open-file]").setInputFiles(dated);
  await page.locator("[data-result]").waitFor();
  const [md] = await Promise.all([page.waitForEvent("download"), page.locator('[data-take="markdown"]').click()]);
  assert.match(md.suggestedFilename(), /2026-10-15/);
  assert.match(readFileSync(await md.path(), "utf8"), /- 診断日: 2026-10-15/);
  const [again] = await Promise.all([page.waitForEvent("download"), page.locator('[data-take="json"]').click()]);
  assert.equal(JSON.parse(readFileSync(await again.path(), "utf8")).created, "2026-10-15T09:00:00Z");

  const midway = readFileSync(released("session-2026.12.2-midway.json"), "utf8");
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, midway]);
  await page.reload();
  await page.locator("[data-resume]").click();
  await page.locator("[data-q]").first().waitFor();
  assert.ok(await page.locator('[data-q="just_figures"] [data-v="4"]').isChecked(), "its answers are back");
  await page.locator('[data-q="just_figures"] [data-v="3"]').click();
  const saved = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY));
  assert.equal(saved.format_version, 6);
  assert.equal(saved.fingerprint, JSON.parse(midway).fingerprint);
  assert.equal(Object.keys(saved.answers).length, 13, "twelve statements and the stage");

  // Content 2026.12.1 did not ask the stage, and 2026.11.2's statements were rewritten: their
  // files are refused, naming the version.
  await page.close();
  const { page: other } = await fresh();
  await other.locator("[data-open-file]").setInputFiles(released("result-2026.12.1-promoter.json"));
  await other.locator("[data-notice]").filter({ hasText: "以前の版の設問(版 2026.12.1)で作られました" }).waitFor();
  await other.locator("[data-open-file]").setInputFiles(released("result-2026.11.2-promoter.json"));
  await other.locator("[data-notice]").filter({ hasText: "以前の版の設問(版 2026.11.2)で作られました" }).waitFor();
  assert.ok(await other.locator("[data-role]").count(), "still on the start screen");
  const old = readFileSync(released("session-2026.11.2-midway.json"), "utf8");
  await other.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, old]);
  await other.reload();
  assert.match(await notice(other), /以前の版の設問\(版 2026.11.2\)/);
  await other.close();
});

test("a saved session from an older questionnaire or a corrupt one gets a clear message, and the widget works", async () => {
  const { page } = await fresh();
  await page.locator('[data-role="staff"]').click();
  await page.locator('[data-q="office_stage"] [data-v="all"]').click();
  const saved = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY));
  saved.content_version = "2025.4.1";
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, JSON.stringify(saved)]);
  await page.reload();
  assert.match(await notice(page), /以前の版の設問\(版 2025.4.1\)/);
  await screenshot(page, "notice-older-version-1280");
  await page.locator('[data-role="staff"]').click();
  assert.equal(await page.locator('[data-q="office_stage"]').count(), 1, "the questionnaire still works");

  await page.evaluate((k) => localStorage.setItem(k, "{not json"), STORAGE_KEY);
  await page.reload();
  assert.match(await notice(page), /壊れていた/);
  await page.locator('[data-role="manager"]').click();
  assert.ok(await page.locator("[data-q]").count());
  await page.close();
});

for (const [name, init, expected] of [
  ["disabled", () => Object.defineProperty(window, "localStorage", { get() { throw new DOMException("denied", "SecurityError"); } }), /保存できない設定/],
  ["full", () => { Storage.prototype.setItem = function () { throw new DOMException("full", "QuotaExceededError"); }; }, /保存できませんでした/],
]) {
  test(`storage that is ${name} is explained, and the diagnosis still completes`, async () => {
    const page = await ctx.newPage();
    await page.addInitScript(init);
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(url);
    await page.locator('[data-role="staff"]').click();
    await page.locator('[data-q="office_stage"] [data-v="all"]').click();
    assert.match(await notice(page), expected);
    await page.locator("[data-privacy] summary").click();
    assert.match(await page.locator("[data-privacy]").textContent(), /ページの中にだけ/);
    await completeDiagnosis(page, null, () => "4");
    assert.equal(await page.locator("[data-score]").count(), 8);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("erasing removes the saved answers and starts afresh", async () => {
  const { page } = await fresh();
  await page.locator('[data-role="staff"]').click();
  await page.locator('[data-q="office_stage"] [data-v="all"]').click();
  assert.notEqual(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), null);
  await page.locator("[data-privacy] summary").click();
  assert.match(await page.locator("[data-privacy]").textContent(), new RegExp(STORAGE_KEY));
  // Asked first, with the focus on keeping everything.
  await page.locator("[data-erase]").click();
  assert.equal((await focused(page)).attrs["data-keep"], "");
  await page.keyboard.press("Enter");
  assert.notEqual(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), null, "kept");
  await page.locator("[data-erase]").click();
  await page.locator("[data-confirm]").click();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), null);
  assert.match(await notice(page), /消去しました/);
  assert.ok(await page.locator("[data-role]").count(), "back on the start screen");
  await page.close();
});

test("the result exports to JSON and Markdown, imports back identically, and bad files are refused", async () => {
  const { page } = await fresh();
  await completeDiagnosis(page, "promoter", (_, i) => String((i % 4) + 1));
  await page.locator('[data-item="security"][value="lacks"]').check();
  const scores = await page.locator("[data-score]").allTextContents();
  const steps = await page.locator("[data-step]").evaluateAll((els) => els.map((e) => e.dataset.step));

  const [json] = await Promise.all([page.waitForEvent("download"), page.locator('[data-take="json"]').click()]);
  const jsonPath = join(ARTIFACTS, "result.json");
  await json.saveAs(jsonPath);
  const file = JSON.parse(readFileSync(jsonPath, "utf8"));
  assert.equal(file.format, "kintone-diagnosis-result");
  assert.equal(file.role, "promoter");
  assert.deepEqual(file.lacking, ["security"]);

  const [md] = await Promise.all([page.waitForEvent("download"), page.locator('[data-take="markdown"]').click()]);
  const mdPath = join(ARTIFACTS, "result.md");
  await md.saveAs(mdPath);
  const text = readFileSync(mdPath, "utf8");
  assert.match(text, /^# kintone導入 つまずき診断/);
  assert.match(text, /- セキュリティの説明: ない/);

  // Start over, then open the file: the same result comes back.
  await page.locator("[data-restart]").click();
  await page.locator("[data-confirm]").click();
  await page.locator("[data-open-file]").setInputFiles(jsonPath);
  await page.locator("[data-result]").waitFor();
  assert.deepEqual(await page.locator("[data-score]").allTextContents(), scores);
  assert.deepEqual(await page.locator("[data-step]").evaluateAll((els) => els.map((e) => e.dataset.step)), steps);
  assert.ok(await page.locator('[data-item="security"][value="lacks"]').isChecked());

  const bad = [
    ["not-json.json", "hello", /読み込めませんでした/],
    ["other.json", JSON.stringify({ format: "survey", answers: {} }), /結果ファイルでも途中の回答のファイルでもありません/],
    ["foreign.json", JSON.stringify({ ...file, content_id: "another", content_version: "9" }), /別の設問データ\(another 版 9\)/],
    ["altered.json", JSON.stringify({ ...file, scores: file.scores.map((s) => ({ ...s, score: 1 })) }), /編集されたか壊れている/],
  ];
  await page.locator("[data-restart]").click();
  await page.locator("[data-confirm]").click();
  for (const [name, body, message] of bad) {
    const p = join(ARTIFACTS, name);
    writeFileSync(p, body);
    await page.locator("[data-open-file]").setInputFiles(p);
    await page.locator("[data-notice]").filter({ hasText: message }).waitFor();
    assert.ok(await page.locator("[data-role]").count(), `${name}: still on the start screen`);
  }
  await page.close();
});

test("the saved-result picker speaks the widget's language and shows keyboard focus", async () => {
  const { page } = await fresh();
  for (const [lang, name] of [["ja", "保存したファイルを開く"], ["en", "Open a saved file"]]) {
    if (lang === "en") await page.locator('[data-lang="en"]').click();
    const label = page.locator(".open-file label");
    const input = page.locator("[data-open-file]");
    assert.equal((await label.textContent()).trim(), name);
    assert.equal(await input.evaluate((i) => i.labels[0].textContent.trim()), name, "the input is named by it");
    // The browser's own button ("Choose File" in this English-locale browser) is not shown.
    const box = await input.boundingBox();
    assert.ok(box && box.width <= 1 && box.height <= 1, `the native file button is hidden (${lang})`);
    assert.equal(await label.evaluate((l) => getComputedStyle(l).outlineStyle), "none");
    await tabTo(page, (f) => "data-open-file" in f.attrs);
    assert.equal(await label.evaluate((l) => getComputedStyle(l).outlineStyle), "solid", `focus shows on the label (${lang})`);
  }
  await page.close();
});

test("the summary can be copied to the clipboard", async () => {
  const { page } = await fresh();
  await completeDiagnosis(page, "staff", () => "4");
  await page.locator('[data-take="copy"]').click();
  await page.locator("[data-notice]").waitFor();
  assert.match(await notice(page), /コピーしました/);
  await page.close();
});

test("printing the result gives a clean A4 report", async () => {
  const { page } = await fresh();
  await completeDiagnosis(page, "manager", (id, i) => (id.startsWith("inc_") ? "4" : String((i % 4) + 1)));
  const { path: pdfPath, text, pages: boxes } = readPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }), "report");
  // Read by a manager on paper: the bars repeat the table's numbers, so only the radar and the
  // table are printed (6 pages became 5 for this respondent).
  assert.ok(boxes.length >= 2 && boxes.length <= 5, `the report has 2 to 5 pages, got ${boxes.length}`);
  for (const [w, h] of boxes) {
    assert.ok(Math.abs(w - 595.3) < 2 && Math.abs(h - 841.9) < 2, `A4 page, got ${w} x ${h}`);
  }
  for (const must of ["kintone導入 つまずき診断", "診断日", "課長・幹部", "主な要因", "まず取り組むこと", "所属", "作成者", "予算要求の6つの資料", "すべての要因"]) {
    assert.ok(text.includes(must), `the report shows ${must}`);
  }
  // A closed "how this result was reached" would print as a bare heading with nothing under it.
  for (const never of ["最初からやり直す", "要約をコピー", "プライバシーと保存について", "日本語", "この結果の求め方"]) {
    assert.ok(!text.includes(never), `the report has no ${never}`);
  }
  for (const old of readdirSync(ARTIFACTS).filter((f) => f.startsWith("report-page-"))) rmSync(join(ARTIFACTS, old));
  execFileSync("pdftoppm", ["-png", "-r", "60", pdfPath, join(ARTIFACTS, "report-page")]);
  // Opened, it is printed: the report shows what the screen shows.
  await page.locator("[data-how] summary").click();
  const { text: withHow } = readPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }), "report-how");
  assert.ok(withHow.includes("この結果の求め方"), "an opened explanation is printed");
  await page.close();
});

test("on a 360 px phone every control is at least 44 x 44 px and the chart's labels at least 12 px", async () => {
  const phone = await launch({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  try {
    const page = await phone.newPage();
    await page.goto(url);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await live(page);
    // What a finger presses: buttons, disclosures, links, and the labels that carry each radio,
    // checkbox and file input (every visible input must sit in one, or be named by one).
    const tooSmall = () =>
      page.evaluate(() => {
        const root = document.querySelector("kintone-diagnosis").shadowRoot.querySelector(".kd:not([data-prerender])");
        const shown = (e) => e.getClientRects().length > 0;
        const unlabelled = [...root.querySelectorAll("input")].filter((i) => shown(i) && !i.closest("label") && !root.querySelector(`label[for="${i.id}"]`));
        const controls = [...root.querySelectorAll("button, summary, a[href], label")].filter(shown);
        return [
          ...unlabelled.map((i) => `an input without a label: ${i.outerHTML.slice(0, 60)}`),
          ...controls
            .map((e) => [e, e.getBoundingClientRect()])
            .filter(([, b]) => b.width < 44 || b.height < 44)
            .map(([e, b]) => `${e.tagName.toLowerCase()} "${e.textContent.trim().slice(0, 20)}" ${Math.round(b.width)} x ${Math.round(b.height)}`),
        ];
      });
    assert.deepEqual(await tooSmall(), [], "the start screen");
    await page.locator('[data-role="manager"]').tap();
    await page.locator("[data-q]").first().waitFor();
    await page.locator("[data-privacy] summary").tap();
    assert.deepEqual(await tooSmall(), [], "a screen of statements");
    await completeDiagnosis(page, null, () => "3");
    // Opened one by one: each opened disclosure leaves the list of closed ones.
    const closed = page.locator(".kd:not([data-prerender]) details:not([open]) > summary");
    for (let n = await closed.count(); n > 0; n--) await closed.first().tap();
    assert.equal(await closed.count(), 0, "every disclosure opened");
    assert.deepEqual(await tooSmall(), [], "the result, every disclosure open");
    // Nothing wider than the phone: the scores table scrolls in its own region, its blocker
    // names whole words, not a character per line.
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360, "no sideways scrolling of the page");
    const names = await page.evaluate(() => [...document.querySelector("kintone-diagnosis").shadowRoot.querySelectorAll(".scores th[scope=row]")].map((th) => th.getBoundingClientRect().width));
    assert.ok(Math.min(...names) >= 80, `blocker names ${Math.round(Math.min(...names))} px wide`);
    await page.locator("[data-result] .nav button").first().tap();
    await page.locator("[data-go]").first().waitFor();
    assert.deepEqual(await tooSmall(), [], "the review screen");
    await page.locator("[data-next]").tap();
    await page.locator("[data-result]").waitFor();
    // The scores: bars with labels of 12 px or more (the radar's would be about 6 px here, so it
    // is left to wider screens), and the table.
    const chart = await page.evaluate(() => {
      const root = document.querySelector("kintone-diagnosis").shadowRoot;
      const sizes = [...root.querySelectorAll(".chart .bars text")].map((t) => t.getScreenCTM().a * parseFloat(getComputedStyle(t).fontSize));
      return { smallest: Math.min(...sizes), radar: getComputedStyle(root.querySelector(".chart .radar")).display, table: root.querySelectorAll("table.scores tbody tr").length };
    });
    assert.ok(chart.smallest >= 12, `bar labels at ${chart.smallest.toFixed(1)} px`);
    assert.equal(chart.radar, "none");
    assert.ok(chart.table >= 8);
    await page.close();
  } finally {
    await phone.close();
  }
});

test("screenshots of every screen at 360 px and 1280 px", async () => {
  for (const width of [360, 1280]) {
    const { page } = await fresh({ viewport: { width, height: 800 } });
    await screenshot(page, `start-${width}`);
    await page.locator('[data-role="staff"]').click();
    await screenshot(page, `question-${width}`);
    await page.locator("[data-next]").click();
    await screenshot(page, `question-unanswered-${width}`);
    await completeDiagnosis(page, null, (_, i) => String((i % 4) + 1));
    await page.locator("[data-how] summary").click();
    // "0 / 3点" and "寄与 30%" are read as one figure: never split across lines.
    const split = await page.locator(".share").evaluateAll((all) => all.filter((e) => e.getClientRects().length > 1).map((e) => e.textContent));
    assert.deepEqual(split, [], `figures split across lines at ${width} px`);
    await screenshot(page, `result-${width}`);
    await page.locator('[data-lang="en"]').click();
    await screenshot(page, `result-en-${width}`);
    await page.locator("[data-result] .nav button").first().click();
    await page.locator("[data-go]").first().waitFor();
    await screenshot(page, `review-en-${width}`);
    await page.reload();
    await page.locator("[data-resume]").waitFor();
    await screenshot(page, `resume-${width}`);
    await page.close();
  }
});

test("where the office stands decides the statements, and the maturity target is the respondent's, kept and saved", async () => {
  const { page, errors } = await fresh();
  await page.locator('[data-role="promoter"]').click();
  // The stage question first, without a number; an office that has not started yet.
  const stage = page.locator('[data-q="office_stage"]');
  await stage.waitFor();
  assert.equal(await stage.locator(".qnum").count(), 0, "the stage question is not a numbered statement");
  await stage.locator('[data-v="none"]').click();
  await page.locator("[data-next]").click();
  const seen = [];
  while (!(await page.locator("[data-result]").count())) {
    await page.locator("[data-q]").first().waitFor();
    seen.push(...(await page.locator("[data-q]").evaluateAll((qs) => qs.map((q) => q.getAttribute("data-q")))));
    await answerSection(page, (id) => (id.startsWith("imp_") ? "4" : "2"));
    await page.locator("[data-next]").click();
  }
  assert.equal(seen.length, 32, "32 statements for an office that has not started");
  for (const id of ["imp_open_access", "fail_handover", "fail_learns", "fail_permission_worry", "fail_app_rules", "imp_seen_elsewhere"]) {
    assert.ok(!seen.includes(id), `${id} assumes the tool in use and is not asked`);
  }

  // Maturity: the office's level and each blocker's, in words; a target chosen for three years on.
  assert.match(await page.locator("[data-office-level]").textContent(), /職場全体の成熟度: Lv\d /);
  const levels = await page.locator("[data-level]").evaluateAll((cells) => cells.map((c) => c.firstChild.textContent));
  assert.equal(levels.length, 8);
  for (const l of levels) assert.equal(l, "Lv0 まだ取り組んでいない", "an office that has not started");
  const target = page.locator('select[data-target="imposition"]');
  assert.equal(await target.getAttribute("aria-label"), "やらされ感 3年後の目標");
  await target.selectOption("3");
  // On the chart too: the level and the target after the blocker's name.
  await page.locator(".bar-label").filter({ hasText: "やらされ感 Lv0→3" }).waitFor();
  // Lv5 can be a target, never a result.
  assert.equal(await target.locator("option").last().textContent(), "Lv5 他の自治体の手本となっている");
  const [file] = await Promise.all([page.waitForEvent("download"), page.locator('[data-take="json"]').click()]);
  const saved = JSON.parse(readFileSync(await file.path(), "utf8"));
  assert.deepEqual(saved.targets, { imposition: 3 });
  assert.deepEqual(saved.answers.office_stage, { choice: "none" });
  // Kept on this device: a reload offers the result again, with the target.
  await page.reload();
  await page.locator("[data-resume]").click();
  await page.locator("[data-result]").waitFor();
  assert.equal(await page.locator('select[data-target="imposition"]').inputValue(), "3");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the review screen counts every part and leads back to any; unfinished answers saved to a file continue in another browser", async () => {
  const { page, requests } = await fresh();
  await page.locator('[data-role="staff"]').click();
  await page.locator('[data-q="office_stage"] [data-v="trial"]').click();
  await page.locator("[data-next]").click();
  await answerSection(page, () => "2");
  await page.locator("[data-next]").click();
  // On the third screen, one "don't know" and three left open; then the overview.
  await page.locator("[data-q]").first().locator("[data-dont-know]").click();
  const third = (await page.locator("h2").textContent()).trim();
  await page.locator("[data-review]").click();
  await page.locator("[data-go]").first().waitFor();
  assert.equal(await focused(page).then((f) => f.tag), "h2", "the focus moves to its heading");
  const rows = await page.locator("[data-go]").allTextContents();
  assert.equal(rows.length, 9, "every screen of statements, the stage's included");
  assert.match(rows[0], /^導入の段階1問中1問回答$/);
  assert.match(rows[1], /^幹部の関わり方4問中4問回答$/);
  assert.equal(rows[2], `${third}4問中1問回答(うち、わからない1問)・未回答3問`);
  assert.equal(await page.locator(".review-list li.open").count(), 7, "parts with open statements stand out");
  assert.deepEqual(await axe(page), [], "axe-core on the review screen");
  await screenshot(page, "review-ja");

  // Any part, by keyboard too; its answers are there.
  await tabTo(page, (f) => f.attrs["data-go"] === "1");
  await page.keyboard.press("Enter");
  await page.locator("h2").filter({ hasText: "幹部の関わり方" }).waitFor();
  assert.equal(await page.locator("[data-q] input:checked").count(), 4);
  // "See the result" from the overview leads to the first part left unfinished, its statements named.
  // (A click where the last one was, within 0.7 s of the screen it changed, is taken for a
  // double click and dropped: wait as a person would.)
  await page.waitForTimeout(750);
  await page.locator("[data-review]").click();
  await page.locator("[data-go]").first().waitFor();
  await page.locator("[data-next]").click();
  await page.locator("h2").filter({ hasText: third }).waitFor();
  assert.ok(await page.locator(".notice.error[role=alert]").isVisible(), "its open statements named");

  // The unfinished answers, to a file: the saved-session layout, version 6.
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("[data-save-unfinished]").click()]);
  assert.match(download.suggestedFilename(), /^kintone-diagnosis-answers-\d{4}-\d{2}-\d{2}\.json$/);
  const file = join(ARTIFACTS, "unfinished.json");
  await download.saveAs(file);
  const saved = JSON.parse(readFileSync(file, "utf8"));
  assert.equal(saved.format, "kintone-diagnosis-session");
  assert.equal(saved.format_version, 6);
  assert.equal(Object.keys(saved.answers).length, 6);
  assert.match(await notice(page), new RegExp(`途中の回答を「${download.suggestedFilename()}」として保存しました`));
  // Said where the respondent is looking: the notice is scrolled into view.
  assert.ok(await page.locator("[data-notice]").evaluate((n) => { const r = n.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }), "the notice is in view");

  // Another browser (a virtual desktop wiped at logout): nothing saved there; the same picker
  // that opens a result continues the answers, on the screen they were left on.
  const other = await launch();
  try {
    const o = await open(other, url);
    await live(o.page);
    await o.page.locator("[data-open-file]").setInputFiles(file);
    await o.page.locator("[data-notice]").filter({ hasText: "途中の回答を読み込みました" }).waitFor();
    assert.equal((await o.page.locator("h2").textContent()).trim(), third);
    assert.equal(await o.page.locator("[data-q] [data-dont-know]:checked").count(), 1);
    await answerSection(o.page, () => "3");
    await o.page.locator("[data-next]").click();
    await o.page.locator("h2").filter({ hasNotText: third }).waitFor();
    assert.equal(await o.page.locator("[data-notice]").count(), 0, "the news went with its screen");
    // Refused with reasons, and nothing lost: a tampered answer, a later layout, another questionnaire.
    const bad = [
      ["tampered.json", { ...saved, answers: { ...saved.answers, lead_used_tool: { choice: "9" } } }, /編集されたか壊れている/],
      ["later.json", { ...saved, format_version: 7 }, /新しい版で作られたファイル/],
      ["other.json", { ...saved, content_id: "another-survey" }, /another-survey/],
      ["earlier.json", { ...saved, content_version: "2026.11.2" }, /以前の版の設問.*2026\.11\.2/],
      ["neither.json", { format: "something-else" }, /結果ファイルでも途中の回答のファイルでもありません/],
    ];
    await o.page.locator("[data-review]").click();
    await o.page.locator("[data-go]").first().waitFor();
    for (const [name, body, message] of bad) {
      const p = join(ARTIFACTS, name);
      writeFileSync(p, JSON.stringify(body));
      // The picker is on the start screen: back there from the first part.
      await o.page.locator('[data-go="0"]').click();
      await o.page.locator(".nav button").first().click();
      await o.page.locator("[data-open-file]").setInputFiles(p);
      await o.page.locator("[data-notice]").filter({ hasText: message }).waitFor();
      await o.page.locator('[data-role="staff"][aria-pressed="true"]').waitFor();
      await o.page.locator('[data-role="staff"]').click();
      await o.page.locator("[data-q]").first().waitFor();
      await o.page.locator("[data-review]").click();
      const answered = await o.page.locator("[data-go]").allTextContents();
      assert.match(answered[2], /4問中4問回答/, `${name}: the answers under way are kept`);
    }
    await o.page.close();
  } finally {
    await other.close();
  }
  assert.deepEqual(requests.filter((r) => !/^(file|blob|data):/.test(r)), []);
  await page.close();
});
