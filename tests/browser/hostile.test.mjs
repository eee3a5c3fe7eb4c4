//! End to end: a careless respondent, a second build of the page and hostile files. Double
//! clicks and held keys act once; destructive actions ask first; answers saved by a newer build
//! are never erased or overwritten; huge and crafted files are refused with a short message.
//! Every test asserts that the page requested nothing but itself.

import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RESULT_FILES, SAVED_VALUES, QUESTIONNAIRES, HOST_OPTIONS } from "./catalogue.mjs";
import { launch, open, fileUrl, answerSection, completeDiagnosis, live, notice, focused, hostPage, axe, HTML, ARTIFACTS } from "./helpers.mjs";

let ctx;
before(async () => (ctx = await launch()));
after(async () => ctx && ctx.close());

const url = fileUrl(HTML);
const STORAGE_KEY = "kintone-diagnosis:default:kintone-municipal";
const saved = (page) => page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY);
/** The shipped questionnaire's version, as the notices name it, escaped for a pattern. */
const VERSION = JSON.parse(readFileSync("content/kintone-municipal.json", "utf8")).content_version.replaceAll(".", "\\.");

async function fresh() {
  const o = await open(ctx, url);
  await o.page.evaluate(() => localStorage.clear());
  await o.page.reload();
  await live(o.page);
  return o;
}

/** Asserts the page made no request but the file itself. */
function onlyTheFile(requests) {
  assert.deepEqual(requests.filter((r) => r !== url), []);
}

/** Which choices are selected on the current screen, by statement. */
const selected = (page) =>
  page.locator("[data-q]").evaluateAll((qs) => qs.map((q) => [q.dataset.q, [...q.querySelectorAll("input")].filter((i) => i.checked).map((i) => i.value)]));

test("a double click on next, or on see the result, acts once", async () => {
  const { page, requests } = await fresh();
  await page.locator('[data-role="staff"]').click();
  await page.locator("[data-q]").first().waitFor();
  let sections = 0;
  while (!(await page.locator("[data-result]").count())) {
    const before = await page.locator("h2").first().textContent();
    await answerSection(page, () => "3");
    // The second click lands where "next" was: on the next screen's first statement, or on the
    // result's buttons.
    await page.locator("[data-next]").dblclick();
    await page.waitForFunction((prev) => {
      const root = document.querySelector("kintone-diagnosis").shadowRoot;
      return root.querySelector("[data-result]") || root.querySelector("h2").textContent !== prev;
    }, before);
    if (await page.locator("[data-result]").count()) break;
    sections++;
    // Nothing answered on the new screen, and no screen skipped.
    assert.ok((await selected(page)).every(([, v]) => v.length === 0), `section ${sections + 1} got an answer nobody gave`);
    assert.match(await page.locator(".progress-text").textContent(), new RegExp(`中 ${sections + 1}分野目`));
  }
  assert.ok(sections >= 5, "went through every section");
  assert.equal(await page.locator("[data-confirm]").count(), 0, "no destructive action was started");
  assert.equal(await page.locator("[data-result]").count(), 1);
  onlyTheFile(requests);
  await page.close();
});

test("two separate quick clicks on next at one place act once, and clicks elsewhere are not slowed", async () => {
  const { page, requests } = await fresh();
  await page.locator('[data-role="staff"]').click();
  await page.locator("[data-q]").first().waitFor();
  await answerSection(page, () => "3");
  await page.locator("[data-next]").scrollIntoViewIfNeeded();
  const next = await page.locator("[data-next]").boundingBox();
  const [x, y] = [next.x + next.width / 2, next.y + next.height / 2];
  // Two clicks the browser counts as separate (a slow double click, a shaking hand).
  await page.mouse.click(x, y);
  await page.waitForTimeout(250);
  await page.mouse.click(x + 3, y + 2);
  await page.waitForTimeout(100);
  assert.match(await page.locator(".progress-text").textContent(), /中 2分野目/);
  assert.ok((await selected(page)).every(([, v]) => v.length === 0), "nothing answered on the new screen");
  // A quick click somewhere else on the new screen is a respondent's, and counts.
  await page.locator("[data-q]").first().locator('[data-v="1"]').click();
  assert.equal((await selected(page)).filter(([, v]) => v.length).length, 1);
  onlyTheFile(requests);
  await page.close();
});

test("on a phone, two quick taps on next move on one screen and answer nothing", async () => {
  // At 360 x 844, "next" is tapped where the next screen has a choice (the page scrolled so).
  const phone = await launch({ viewport: { width: 360, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const page = await phone.newPage();
    const requests = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(url);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await live(page);
    await page.locator('[data-role="finance"]').tap();
    await page.locator("[data-q]").first().waitFor();
    // Past the stage question (a short screen, whose "next" sits above the next screen's choices).
    await answerSection(page, () => "2");
    await page.locator("[data-next]").tap();
    await page.locator('[data-q="lead_used_tool"]').waitFor();
    let onControl = 0;
    for (let section = 2; section <= 4; section++) {
      await answerSection(page, () => "2");
      // Scroll so that "next" sits where the next screen (shown from its top) will have a
      // choice: where this screen has one, seen from the top.
      const aim = await page.evaluate(() => {
        const root = document.querySelector("kintone-diagnosis").shadowRoot;
        const middle = (el) => { const r = el.getBoundingClientRect(); return scrollY + r.top + r.height / 2; };
        const next = middle(root.querySelector("[data-next]"));
        const most = document.documentElement.scrollHeight - innerHeight;
        // A choice as far down the screen as "next" can be brought up to.
        const choice = [...root.querySelectorAll("label.choice")].map(middle).find((y) => y >= next - most && y < innerHeight - 30);
        if (choice === undefined) return null;
        scrollTo({ top: next - choice, behavior: "instant" });
        return scrollY;
      });
      assert.ok(aim !== null, "the page is long enough to line them up");
      const box = await page.locator("[data-next]").boundingBox();
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      await page.touchscreen.tap(x, y);
      await page.waitForTimeout(150);
      await page.touchscreen.tap(x + 2, y + 1);
      await page.waitForTimeout(100);
      // (Whatever the layout puts there, a choice or a button, would act if the tap got through.)
      const under = await page.evaluate(([x, y]) => document.querySelector("kintone-diagnosis").shadowRoot.elementFromPoint(x, y).closest("label, button")?.textContent, [x, y]);
      if (under) onControl++;
      assert.match(await page.locator(".progress-text").textContent(), new RegExp(`中 ${section + 1}分野目`), `tap ${section}`);
      assert.ok((await selected(page)).every(([, v]) => v.length === 0), `section ${section + 1}: nothing answered by the second tap`);
    }
    assert.ok(onControl >= 1, `the second tap lands on a control on ${onControl} of 3 screens: the test would not show the guard`);
    // A tap somewhere else on the new screen is the respondent's, and counts.
    await page.locator("[data-q]").first().locator('[data-v="1"]').tap();
    assert.equal((await selected(page)).filter(([, v]) => v.length).length, 1);
    onlyTheFile(requests);
  } finally {
    await phone.close();
  }
});

test("another role chosen after going back to the start keeps the shared answers, and they resume", async () => {
  const { page, requests } = await fresh();
  await page.locator('[data-role="staff"]').click();
  await answerSection(page, () => "2"); // the stage
  await page.locator("[data-next]").click();
  await page.locator("h2").filter({ hasText: "幹部" }).first().waitFor();
  await answerSection(page, () => "2");
  await page.locator("[data-next]").click();
  await page.locator("h2").filter({ hasNotText: "幹部" }).first().waitFor();
  // Back to the start, and another role.
  while (!(await page.locator("[data-role]").count())) await page.locator(".nav button").first().click();
  await page.locator('[data-role="manager"]').click();
  await page.locator("[data-q]").first().waitFor();
  await page.reload();
  await page.locator("[data-resume]").click();
  await page.locator("[data-q]").first().waitFor();
  assert.equal(await page.locator("[data-notice]").count(), 0, "not called damaged");
  assert.match(await saved(page), /"role":"manager"/);
  onlyTheFile(requests);
  await page.close();
});

test("Enter held down on a statement moves on one screen, not several", async () => {
  const { page, requests } = await fresh();
  await page.locator('[data-role="manager"]').click();
  await page.locator("[data-q]").first().waitFor();
  await answerSection(page, () => "2");
  await page.locator("[data-q] [data-v]").last().focus();
  await page.keyboard.down("Enter");
  for (let i = 0; i < 5; i++) await page.keyboard.down("Enter"); // auto-repeat
  await page.keyboard.up("Enter");
  assert.match(await page.locator(".progress-text").textContent(), /中 2分野目/);
  onlyTheFile(requests);
  await page.close();
});

test("start over, erase, a new role over saved answers and a file over unfinished ones all ask first", async () => {
  const { page, requests } = await fresh();
  await completeDiagnosis(page, "finance", () => "3");
  // Start over (a respondent reads the result first: a click at the place "see the result" was,
  // at once, would be the second click of that one), asked, with the focus on keeping.
  await page.waitForTimeout(700);
  await page.locator("[data-restart]").click();
  const box = page.locator("[data-confirm-box]");
  assert.match(await box.textContent(), /すべて消して/);
  assert.deepEqual(await axe(page), [], "the question passes axe-core");
  assert.equal((await focused(page)).attrs["data-keep"], "");
  await page.locator("[data-keep]").click();
  assert.equal(await page.locator("[data-result]").count(), 1, "still on the result");
  assert.notEqual(await saved(page), null);
  // Escape keeps, as it closes any dialog.
  await page.waitForTimeout(700);
  await page.locator("[data-restart]").click();
  await box.waitFor();
  await page.keyboard.press("Escape");
  await box.waitFor({ state: "detached" });
  assert.equal(await page.locator("[data-result]").count(), 1, "Escape kept the result");
  // A new role while the saved answers are offered after a reload.
  await page.reload();
  await page.locator("[data-resume]").waitFor();
  await page.locator('[data-role="staff"]').click();
  assert.match(await box.textContent(), /前回の回答\(\d+問\)は消えます/);
  await page.keyboard.press("Enter"); // on "keep"
  assert.equal(await page.locator("[data-resume]").count(), 1, "the offer stands");
  assert.match(await saved(page), /"role":"finance"/);
  // Opening a result file while they are on offer.
  const [download] = await Promise.all([page.waitForEvent("download"), (async () => {
    await page.locator("[data-resume]").click();
    await page.locator('[data-take="json"]').click();
  })()]);
  const file = join(ARTIFACTS, "hostile-result.json");
  await download.saveAs(file);
  assert.equal(JSON.parse(readFileSync(file, "utf8")).role, "finance");
  await page.reload();
  await page.locator("[data-resume]").waitFor();
  await page.locator("[data-open-file]").setInputFiles(file);
  assert.match(await box.textContent(), /開いたファイルの内容で置き換えますか/);
  await page.locator("[data-confirm]").click();
  await page.locator("[data-result]").waitFor();
  assert.match(await notice(page), /読み込みました/);
  onlyTheFile(requests);
  await page.close();
});

test("answers saved by a newer build are kept as they are, and the respondent is told", async () => {
  const { page, requests } = await fresh();
  await page.locator('[data-role="staff"]').click();
  await page.locator('[data-q="office_stage"] [data-v="all"]').click();
  const newer = JSON.parse(await saved(page));
  newer.format_version = 99;
  newer.answers.future_question = { choice: "x" };
  const text = JSON.stringify(newer);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, text]);
  await page.reload();
  assert.match(await notice(page), /この診断の新しい版で保存された回答があります/);
  // Answering here saves nothing over them.
  await page.locator('[data-role="staff"]').click();
  await page.locator('[data-q="office_stage"] [data-v="none"]').click();
  await page.locator("[data-privacy] summary").click();
  assert.match(await page.locator("[data-privacy]").textContent(), /上書きしないよう/);
  assert.equal(await saved(page), text, "untouched");
  await page.reload();
  assert.equal(await saved(page), text, "untouched after a reload too");
  // Erasing them, asked and confirmed, lets this page save again.
  await page.locator("[data-privacy] summary").click();
  await page.locator("[data-erase]").click();
  await page.locator("[data-confirm]").click();
  await page.locator('[data-role="staff"]').click();
  await page.locator('[data-q="office_stage"] [data-v="trial"]').click();
  assert.match(await saved(page), /"format_version":6/);
  onlyTheFile(requests);
  await page.close();
});

test("answers saved with an older questionnaire stay until the respondent saves over them", async () => {
  const { page, requests } = await fresh();
  await page.locator('[data-role="staff"]').click();
  await page.locator('[data-q="office_stage"] [data-v="all"]').click();
  const older = JSON.parse(await saved(page));
  older.content_version = "2025.4.1";
  const text = JSON.stringify(older);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, text]);
  await page.reload();
  assert.match(await notice(page), /以前の版の設問\(版 2025.4.1\)/);
  assert.equal(await saved(page), text, "not erased on opening");
  await page.locator('[data-role="staff"]').click();
  await page.locator('[data-q="office_stage"] [data-v="trial"]').click();
  assert.match(await saved(page), new RegExp(`"content_version":"${VERSION}"`));
  onlyTheFile(requests);
  await page.close();
});

test("huge and crafted result files are refused with a short message, and nothing is lost", async () => {
  const { page, requests } = await fresh();
  await page.locator('[data-role="promoter"]').click();
  await page.locator('[data-q="office_stage"] [data-v="some"]').click();
  await page.reload();
  await page.locator("[data-resume]").waitFor();
  const before = await saved(page);
  const cases = [
    // 100,000 answer keys, 2.4 MB: it once froze the page for three minutes.
    ["huge.json", JSON.stringify({ format: "kintone-diagnosis-result", answers: Object.fromEntries(Array.from({ length: 100000 }, (_, i) => ["k" + i, "dont_know"])) }), /大きすぎる/],
    // A questionnaire id of half a megabyte, echoed once in full into the message.
    ["long-id.json", JSON.stringify({ format: "kintone-diagnosis-result", format_version: 2, content_id: "x".repeat(500000), content_version: "1", fingerprint: "", answers: {}, ticked: [], scores: [], primary: [], plan: [] }), /別の設問データ/],
    ["repeated-key.json", '{"format":"kintone-diagnosis-result","format":"kintone-diagnosis-result"}', /結果ファイルでも途中の回答のファイルでもありません/],
    ["deep.json", "[".repeat(100000), /読み込めませんでした/],
  ];
  for (const [name, body, message] of cases) {
    const path = join(ARTIFACTS, name);
    writeFileSync(path, body);
    await page.locator("[data-open-file]").setInputFiles(path);
    const shown = await page.locator("[data-notice]").filter({ hasText: message }).textContent();
    assert.ok(shown.length < 200, `${name}: a message of ${shown.length} characters`);
    assert.equal(await saved(page), before, `${name}: the saved answers are untouched`);
    assert.equal(await page.locator("[data-resume]").count(), 1, `${name}: still offered`);
  }
  onlyTheFile(requests);
  await page.close();
});

// --- Hostile and careless host pages -------------------------------------------------------

/** Opens a host page (with the embeddable script) and records console warnings too. */
async function host(name, body, opts) {
  const url = hostPage(name, body, opts);
  const o = await open(ctx, url);
  o.warnings = [];
  o.page.on("console", (m) => m.type() === "warning" && o.warnings.push(m.text()));
  o.url = url;
  // Again with empty storage (file:// pages share one origin), and the warnings recorded.
  await o.page.evaluate(() => localStorage.clear());
  await o.page.reload();
  return o;
}
const onlyHost = (o) => assert.deepEqual(o.requests.filter((r) => r !== o.url && !r.endsWith("/kintone-diagnosis.js")), []);

test("a host that broke a built-in before the script loads gets the widget or its message, never an exception", async () => {
  const o = await host("broken-builtin.html", `
    <script>Array.prototype.map = function () { throw new Error("the host broke map"); };</script>
    <kintone-diagnosis></kintone-diagnosis>
    <script src="kintone-diagnosis.js"></script>`);
  const widget = o.page.locator("kintone-diagnosis");
  await o.page.waitForFunction(() => {
    const root = document.querySelector("kintone-diagnosis").shadowRoot;
    return root && (root.querySelector("[data-role]") || root.querySelector("[role=alert]"));
  });
  const text = await widget.evaluate((el) => el.shadowRoot.textContent);
  assert.ok(/役割|立場|診断/.test(text), `the widget or its own message is shown: ${text.slice(0, 80)}`);
  // The host's override throws only when called: any error here came from the widget.
  assert.deepEqual(o.errors, []);
  onlyHost(o);
  await o.page.close();
});

test("a host whose Array.prototype.includes always says yes still gets a styled widget", async () => {
  const o = await host("includes-yes.html", `
    <script>Array.prototype.includes = function () { return true; };</script>
    <kintone-diagnosis></kintone-diagnosis>
    <script src="kintone-diagnosis.js"></script>`);
  const widget = o.page.locator("kintone-diagnosis");
  await widget.locator("[data-role]").first().waitFor();
  assert.equal(await widget.evaluate((el) => el.shadowRoot.adoptedStyleSheets.length), 1, "the stylesheet is adopted");
  const box = await widget.locator("[data-open-file]").boundingBox();
  assert.ok(box && box.width <= 1, "the native file button stays hidden: the widget is styled");
  assert.deepEqual(o.errors, []);
  await o.page.close();
});

test("a host without text codecs gets the widget's message, never an exception", async () => {
  const o = await host("no-textdecoder.html", `
    <script>window.TextDecoder = undefined;</script>
    <kintone-diagnosis></kintone-diagnosis>
    <script src="kintone-diagnosis.js"></script>`);
  const widget = o.page.locator("kintone-diagnosis");
  await widget.locator("[role=alert]").waitFor();
  assert.match(await widget.locator("[role=alert]").textContent(), /このブラウザでは動作しません.*TextDecoder/);
  assert.deepEqual(o.errors, []);
  onlyHost(o);
  await o.page.close();
});

test("when the module stops under a host's sabotage, the widget says so instead of freezing", async () => {
  // A details element that is no longer an element: the module traps on the start screen.
  const o = await host("reparented-details.html", `
    <script>Object.setPrototypeOf(HTMLDetailsElement.prototype, Object.prototype);</script>
    <kintone-diagnosis></kintone-diagnosis>
    <script src="kintone-diagnosis.js"></script>`);
  const widget = o.page.locator("kintone-diagnosis");
  await widget.locator("[role=alert]").waitFor();
  assert.match(await widget.locator("[role=alert]").textContent(), /診断を続けられません.*再読み込み/);
  assert.ok(o.errors.every((e) => /RuntimeError|unreachable/.test(e)), o.errors.join("\n"));
  onlyHost(o);
  await o.page.close();
});

test("options are the host's own properties, and values it did not mean fail closed with a warning", async () => {
  const o = await host("polluted.html", `
    <script>
      Object.prototype.onComplete = () => { window.__leaked = true; };
      Object.prototype.contactHref = "https://attacker.example/";
      Object.prototype.storage = "local";
    </script>
    <kintone-diagnosis storage="OFF" storage-key="typo"></kintone-diagnosis>
    <div id="api"></div>
    <script src="kintone-diagnosis.js"></script>
    <script>KintoneDiagnosis.mount(document.getElementById("api"), { storage: "false", storageKey: "api", start: "question" });</script>`);
  const el = o.page.locator("kintone-diagnosis");
  await completeDiagnosis(el, "staff", () => "2");
  await completeDiagnosis(o.page.locator("#api"), "manager", () => "3");
  assert.equal(await o.page.evaluate(() => window.__leaked), undefined, "a polluted prototype received nothing");
  assert.equal(await o.page.locator("[data-contact]").count(), 0, "and added no link");
  assert.deepEqual(await o.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("kintone-diagnosis:"))), [], "nothing saved");
  assert.ok(o.warnings.some((w) => /storage="OFF" unknown: answers will not be saved/.test(w)), o.warnings.join("\n"));
  assert.ok(o.warnings.some((w) => /storage="false"/.test(w)));
  assert.ok(o.warnings.some((w) => /start="question"/.test(w)));
  onlyHost(o);
  await o.page.close();
});

test("a single-page app that replaces the element, or mounts again, finds the saved answers", async () => {
  const o = await host("spa.html", `
    <div id="view"><kintone-diagnosis></kintone-diagnosis></div>
    <div id="api"></div>
    <script src="kintone-diagnosis.js"></script>`);
  const first = o.page.locator("kintone-diagnosis");
  await first.locator('[data-role="finance"]').click();
  await first.locator('[data-q]').first().locator("[data-v]").first().click();
  // The app swaps its view: the old element goes, a new one comes.
  await o.page.evaluate(() => {
    document.getElementById("view").innerHTML = "<kintone-diagnosis></kintone-diagnosis>";
  });
  await o.page.locator("kintone-diagnosis [data-resume]").waitFor();
  assert.match(await o.page.locator("kintone-diagnosis [data-storage-key]").getAttribute("data-storage-key"), /:default:/);
  // The JS API mounting twice into one element keeps one namespace.
  await o.page.evaluate(async () => {
    const api = document.getElementById("api");
    await KintoneDiagnosis.mount(api, { storageKey: "app" });
    await KintoneDiagnosis.mount(api, { storageKey: "app" });
  });
  assert.equal(await o.page.locator("#api .kd").count(), 1, "one widget, not two stacked");
  assert.ok(o.warnings.some((w) => /already mounted/.test(w)), o.warnings.join("\n"));
  assert.match(await o.page.locator("#api [data-storage-key]").getAttribute("data-storage-key"), /:app:/);
  onlyHost(o);
  await o.page.close();
});

test("content may be an object or an element's id, and changing attributes later is said, not ignored", async () => {
  const questions = readFileSync("tests/fixtures/minimal.json", "utf8");
  const o = await host("content.html", `
    <script type="application/json" id="mine">${questions}</script>
    <div id="by-object"></div><div id="by-id"></div><div id="missing"></div>
    <kintone-diagnosis id="el"></kintone-diagnosis>
    <script src="kintone-diagnosis.js"></script>
    <script>
      const q = JSON.parse(document.getElementById("mine").textContent);
      KintoneDiagnosis.mount(document.getElementById("by-object"), { content: q, storage: "off" });
      KintoneDiagnosis.mount(document.getElementById("by-id"), { content: "mine", storage: "off" });
      KintoneDiagnosis.mount(document.getElementById("missing"), { content: "nothing-here", storage: "off" });
    </script>`);
  for (const id of ["#by-object", "#by-id"]) {
    await o.page.locator(`${id} [data-begin]`).waitFor();
    assert.match(await o.page.locator(`${id} h2`).first().textContent(), /小さな診断/);
  }
  assert.match(await o.page.locator("#missing [data-content-errors]").textContent(), /nothing-here/);
  await o.page.locator("#el [data-role]").first().waitFor();
  await o.page.evaluate(() => document.getElementById("el").setAttribute("storage", "off"));
  assert.ok(o.warnings.some((w) => /storage changed after loading/.test(w)), o.warnings.join("\n"));
  onlyHost(o);
  await o.page.close();
});

test("two tabs of one questionnaire never silently overwrite each other, and erasing holds in both", async () => {
  const a = await fresh();
  await a.page.locator('[data-role="manager"]').click();
  await a.page.locator('[data-q="office_stage"] [data-v="trial"]').click();
  // A second tab continues the same saved answers, and answers on.
  const b = await open(ctx, url);
  await b.page.locator("[data-resume]").click();
  await b.page.locator('[data-q="office_stage"] [data-v="all"]').click();
  const fromB = await saved(b.page);
  assert.match(fromB, /"office_stage":\{"choice":"all"\}/);
  // A is told, stops saving, and asks whether to take over; answering meanwhile saves nothing.
  await a.page.locator("[data-confirm-box]").filter({ hasText: "別のタブ" }).waitFor();
  assert.match(await notice(a.page), /別のタブで回答が保存された/);
  await a.page.locator("[data-keep]").click();
  await a.page.locator('[data-q="office_stage"] [data-v="none"]').click();
  assert.equal(await saved(a.page), fromB, "B's answers are untouched");
  // Erasing in B erases in A too, so A cannot write them back.
  await b.page.locator("[data-privacy] summary").click();
  await b.page.locator("[data-erase]").click();
  await b.page.locator("[data-confirm]").click();
  assert.equal(await saved(b.page), null);
  await a.page.locator("[data-notice]").filter({ hasText: "別のタブで回答が消去" }).waitFor();
  assert.equal(await a.page.locator("[data-q]").count(), 0, "A is back at the start");
  assert.equal(await saved(a.page), null, "and wrote nothing back");
  // B answers again; A, with nothing of its own now, is offered B's answers.
  await b.page.locator('[data-role="finance"]').click();
  await b.page.locator('[data-q]').first().locator("[data-v]").first().click();
  await a.page.locator("[data-resume]").waitFor();
  // A continues them and answers on; B is asked, and taking over saves B's answers again.
  await a.page.locator("[data-resume]").click();
  const q = await a.page.locator("[data-q]").first().getAttribute("data-q");
  const answer = async (page) => JSON.parse(await saved(page)).answers[q];
  const bGave = await answer(b.page);
  // Another choice than B's first one (the last of the statement's choices).
  const other = a.page.locator(`[data-q="${q}"] [data-v]`).last();
  const value = await other.getAttribute("data-v");
  await other.click();
  assert.deepEqual(await answer(a.page), { choice: value });
  await b.page.locator("[data-confirm-box]").filter({ hasText: "別のタブ" }).waitFor();
  await b.page.locator("[data-confirm]").click();
  assert.deepEqual(await answer(b.page), bGave, "B's own answers, saved over A's");
  // B answers on, with a third choice of the statement.
  const third = b.page.locator(`[data-q="${q}"] [data-v]`).nth(2);
  const thirdValue = await third.getAttribute("data-v");
  await third.click();
  assert.deepEqual(await answer(b.page), { choice: thirdValue });
  onlyTheFile(a.requests);
  onlyTheFile(b.requests);
  await a.page.close();
  await b.page.close();
});

test("a custom section of 2,000 statements is shown in parts of 50, numbered on, asking only for the screen shown", async () => {
  const minimal = JSON.parse(readFileSync("tests/fixtures/minimal.json", "utf8"));
  const big = { ...minimal, questions: Array.from({ length: 2000 }, (_, i) => ({ ...minimal.questions[i % 4], id: `q${i + 1}` })) };
  const o = await host("long-section.html", `<div id="w"></div><script src="kintone-diagnosis.js"></script>`);
  await o.page.evaluate((c) => KintoneDiagnosis.mount(document.getElementById("w"), { content: c, storage: "off" }), big);
  const w = o.page.locator("#w");
  await w.locator("[data-begin]").click();
  await w.locator("[data-q]").first().waitFor();
  assert.equal(await w.locator("[data-q]").count(), 50);
  assert.match(await w.locator("h2").textContent(), /\(1\/40\)$/);
  assert.match(await w.locator(".progress-text").textContent(), /40画面中 1画面目/);
  // "Next" names the unanswered statements of this screen only.
  await w.locator("[data-next]").click();
  const alert = await w.locator("[role=alert]").textContent();
  assert.match(alert, /50/);
  assert.doesNotMatch(alert, /51|2000/);
  for (const statement of await w.locator("[data-q]").all()) await statement.locator("[data-v]").first().click();
  await w.locator("[data-next]").click();
  await w.locator("h2").filter({ hasText: "(2/40)" }).waitFor();
  assert.equal(await w.locator("[data-q]").count(), 50);
  assert.equal(await w.locator(".qnum").first().textContent(), "51.");
  assert.equal(await w.locator("[data-q] input:checked").count(), 0, "nothing carried onto the next part");
  onlyHost(o);
  await o.page.close();
});

// --- The catalogue: crafted input, one case a line -------------------------------------------

/** A result file made by this build's real export, as text (made once, in the first case). */
let realResult = null;


test("the catalogue: crafted result files are refused one by one with a short message, and nothing saved is lost", async () => {
  const { page, requests } = await fresh();
  // A real result file first, through the widget's own export.
  await completeDiagnosis(page, "promoter", (_, i) => String((i % 4) + 1));
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-take="json"]').click()]);
  realResult = JSON.parse(readFileSync(await download.path(), "utf8"));
  // Then unfinished answers that must survive every bad file.
  await page.locator("[data-restart]").click();
  await page.locator("[data-confirm]").click();
  await page.locator('[data-role="staff"]').click();
  await page.locator('[data-q="office_stage"] [data-v="trial"]').click();
  await page.reload();
  await page.locator("[data-resume]").waitFor();
  const before = await saved(page);
  for (const [name, body, message] of RESULT_FILES) {
    const path = join(ARTIFACTS, `catalogue-${name.replace(/\W+/g, "-")}.json`);
    writeFileSync(path, typeof body === "function" ? body(realResult) : body, "latin1" === name ? "latin1" : "utf8");
    await page.locator("[data-open-file]").setInputFiles(path);
    const shown = await page.locator("[data-notice]").filter({ hasText: message }).textContent({ timeout: 10000 }).catch(() => null);
    assert.ok(shown, `${name}: no notice matching ${message} (got: ${await page.locator("[data-notice]").textContent().catch(() => "none")})`);
    assert.ok(shown.length < 200, `${name}: a message of ${shown.length} characters`);
    assert.equal(await saved(page), before, `${name}: the saved answers are untouched`);
    assert.equal(await page.locator("[data-resume]").count(), 1, `${name}: still offered`);
    await page.locator("[data-notice] .dismiss").click();
  }
  assert.equal(await page.evaluate(() => window.__pwned), undefined, "no markup from a file ever ran");
  // And a result file that Windows Notepad saved (with a byte-order mark) opens.
  const bom = join(ARTIFACTS, "catalogue-bom.json");
  writeFileSync(bom, "\ufeff" + JSON.stringify(realResult));
  await page.locator("[data-open-file]").setInputFiles(bom);
  await page.locator("[data-confirm]").click(); // it would replace the answers on offer
  await page.locator("[data-result]").waitFor();
  onlyTheFile(requests);
  await page.close();
});

test("the catalogue: whatever is saved under the widget's key, it says what it found and works", async () => {
  const { page, requests } = await fresh();
  await page.locator('[data-role="staff"]').click();
  await page.locator('[data-q="office_stage"] [data-v="trial"]').click();
  const session = JSON.parse(await saved(page));
  for (const [name, value, message] of SAVED_VALUES) {
    const text = typeof value === "function" ? value(session) : value;
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, text]);
    await page.reload();
    assert.match(await notice(page), message, name);
    assert.ok(await page.locator("[data-role]").count(), `${name}: the start screen works`);
    const kept = await saved(page);
    assert.ok(kept === text, `${name}: nothing it found is erased on opening`);
  }
  onlyTheFile(requests);
  await page.close();
});


test("the catalogue: broken or crafted questionnaires show their problems in the widget, and run no markup", async () => {
  const minimal = JSON.parse(readFileSync("tests/fixtures/minimal.json", "utf8"));
  const o = await host("catalogue-content.html", `<div id="slots"></div><script src="kintone-diagnosis.js"></script>`);
  for (const [i, [name, content, problem]] of QUESTIONNAIRES.entries()) {
    const value = typeof content === "function" ? content(minimal) : content;
    await o.page.evaluate(([i, value]) => {
      const slot = document.createElement("div");
      slot.id = "q" + i;
      document.getElementById("slots").appendChild(slot);
      return KintoneDiagnosis.mount(slot, { content: value, storage: "off" });
    }, [i, value]);
    const slot = o.page.locator(`#q${i}`);
    if (problem) {
      const list = await slot.locator("[data-content-errors]").textContent();
      assert.match(list, problem, name);
      assert.ok(list.length < 2000, `${name}: a list of ${list.length} characters`);
    } else {
      await slot.locator("[data-begin]").waitFor();
    }
  }
  assert.equal(await o.page.evaluate(() => window.__pwned), undefined, "no markup from a questionnaire ever ran");
  assert.equal(await o.page.locator("img").count(), 0);
  onlyHost(o);
  await o.page.close();
});


test("the catalogue: odd or hostile attributes fail closed", async () => {
  const body = HOST_OPTIONS.map(([attrs], i) => `<kintone-diagnosis id="h${i}" storage-key="h${i}" ${attrs}></kintone-diagnosis>`).join("\n");
  const o = await host("catalogue-attributes.html", `${body}<script src="kintone-diagnosis.js"></script>`);
  for (const [i, [attrs, expect]] of HOST_OPTIONS.entries()) {
    const el = o.page.locator(`#h${i}`);
    await el.locator("[data-role]").first().waitFor();
    if (expect === "no link") {
      await completeDiagnosis(el, "staff", () => "2");
      assert.equal(await el.locator("[data-contact]").count(), 0, attrs);
    } else if (expect === "a language it has") {
      assert.equal(await el.locator(".kd").getAttribute("lang"), "ja", attrs);
    } else if (expect === "English") {
      assert.equal(await el.locator(".kd").getAttribute("lang"), "en", attrs);
    } else if (expect === "the introduction") {
      assert.ok(await el.locator(".start").count(), attrs);
    } else {
      await el.locator('[data-role="staff"]').click();
      await el.locator("[data-q] [data-v]").first().click();
      assert.equal(await o.page.evaluate((k) => localStorage.getItem(k), `kintone-diagnosis:h${i}:kintone-municipal`), null, attrs);
    }
  }
  assert.equal(await o.page.evaluate(() => window.__pwned), undefined);
  onlyHost(o);
  await o.page.close();
});
