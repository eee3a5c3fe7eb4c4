//! End to end: the single page's first screen, rendered at build time, is shown before the widget
//! has started; what the respondent clicks or focuses on it meanwhile carries over to the live
//! widget; a returning respondent is not shown a fresh start.

import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { launch, open, fileUrl, axe, focused, tabTo, live, completeDiagnosis, HTML } from "./helpers.mjs";

let ctx;
before(async () => (ctx = await launch()));
after(async () => ctx && ctx.close());

// Holds the compiled module back for `ms`, as an old PC would: the window in which only the
// first screen rendered at build time is on the page.
function slowStart(ms) {
  const W = WebAssembly;
  for (const k of ["compileStreaming", "compile"]) {
    const compile = W[k];
    W[k] = function () {
      return compile.apply(this, arguments).then((m) => new Promise((r) => setTimeout(() => r(m), ms)));
    };
  }
}

// Opens `url` with the compiled module held back `ms`.
const openSlow = (url, ms = 1500) => open(ctx, url, { init: slowStart, initArg: ms });

const firstScreen = (page) => page.locator("[data-prerender]");
// Each statement on the screen by its id and its words (roles share ids but not always wording).
const questionIds = (page) => page.locator("[data-q]").evaluateAll((qs) => qs.map((q) => `${q.getAttribute("data-q")} ${q.textContent}`));

// Past the stage question (the same for every role), the statements of the first section.
async function pastStage(page) {
  await page.locator('[data-q="office_stage"] [data-v="trial"]').click();
  await page.locator("[data-next]").click();
  await page.locator('[data-q]:not([data-q="office_stage"])').first().waitFor();
  return questionIds(page);
}

// The statements a role's first section shows, when the role is chosen on the live widget.
async function firstSectionOf(role) {
  const { page } = await open(ctx, fileUrl(HTML));
  await live(page);
  await page.locator(`[data-role="${role}"]`).click();
  await page.locator("[data-q]").first().waitFor();
  const ids = await pastStage(page);
  // The stage answered is saved: leave the next page a fresh start (no session on offer).
  await page.evaluate(() => localStorage.clear());
  await page.close();
  return ids;
}

test("the first screen shows before the widget starts, passes axe-core, and is replaced by the live one", async () => {
  const { page, errors } = await openSlow(fileUrl(HTML));
  await page.locator('[data-role="staff"]').waitFor();
  assert.ok(await firstScreen(page).isVisible(), "the screen rendered at build time is shown");
  assert.equal(await firstScreen(page).getAttribute("aria-busy"), "true", "and said to be getting ready");
  assert.equal(await page.locator("[data-loading]").count(), 0, "no loading message in its place");
  assert.equal(typeof (await page.evaluate(() => window.__firstRender)), "number");
  assert.deepEqual(await axe(page), [], "the first screen passes axe-core");
  // The file button cannot take a file the live widget would not see.
  assert.ok(await page.locator("[data-open-file]").isDisabled());
  // The privacy panel, opened there, stays open (and is filled in) when the widget goes live.
  await page.locator("[data-privacy] > summary").click();
  assert.equal(await firstScreen(page).count(), 1, "opened while the widget was not yet live");
  await live(page);
  assert.equal(await firstScreen(page).count(), 0, "the live widget replaced it");
  assert.equal(await page.locator(".kd").getAttribute("aria-busy"), null, "ready");
  assert.ok(await page.locator("[data-open-file]").isEnabled());
  await page.waitForFunction(() => document.querySelector("kintone-diagnosis").shadowRoot.querySelector("[data-privacy]").open);
  assert.match(await page.locator("[data-privacy]").textContent(), /識別値 [0-9a-f]{8,}/, "the live panel computed its fingerprint");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the first screen says exactly what the live one says, word for word, the closed privacy panel included", async () => {
  const { page, errors } = await openSlow(fileUrl(HTML), 2000);
  await page.locator('[data-role="staff"]').waitFor();
  const text = (root) => root.evaluate((e) => [...e.querySelectorAll("h1, h2, h3, p, legend, summary, button, label, li, span")].map((n) => n.textContent.replace(/\s+/g, " ").trim()).join("\n"));
  const before = await text(firstScreen(page));
  assert.equal(await firstScreen(page).count(), 1, "read before the widget was live");
  assert.match(before, /設問データの版: [\d.]+\n/, "the version");
  assert.doesNotMatch(before, /識別値 \)/, "no empty fingerprint");
  await live(page);
  assert.equal(await text(page.locator(".kd")), before);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the live widget takes over without a visible change, on a PC and on a phone", async () => {
  for (const width of [1280, 360]) {
    const { page, errors } = await openSlow(fileUrl(HTML));
    await page.setViewportSize({ width, height: 900 });
    await page.locator('[data-role="staff"]').waitFor();
    const before = await page.screenshot({ fullPage: true });
    assert.equal(await firstScreen(page).count(), 1, "taken before the widget was live");
    await live(page);
    const after = await page.screenshot({ fullPage: true });
    assert.ok(before.equals(after), `${width} px: the first screen and the live one look the same, pixel for pixel`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test("a role chosen before the widget is live is carried over to it", async () => {
  const expected = await firstSectionOf("manager");
  const { page, errors } = await openSlow(fileUrl(HTML));
  await page.locator('[data-role="manager"]').click();
  assert.equal(await firstScreen(page).count(), 1, "clicked while the widget was not yet live");
  await page.locator("[data-q]").first().waitFor();
  assert.deepEqual(await pastStage(page), expected, "the manager's first section, as when live");
  await page.evaluate(() => localStorage.clear());
  assert.deepEqual(errors, []);
  await page.close();
});

test("a click on the live widget while early clicks are being repeated waits its turn", async () => {
  const staff = await firstSectionOf("staff");
  assert.notDeepEqual(staff, await firstSectionOf("manager"), "the two roles start differently");
  const { page, errors } = await openSlow(fileUrl(HTML));
  // As soon as the live widget is on the page, before anything has been repeated on it, click
  // "manager" there: like a respondent (or the benchmark harness) clicking on.
  await page.evaluate(() => {
    const shadow = document.querySelector("kintone-diagnosis").shadowRoot;
    const watch = new MutationObserver(() => {
      const manager = shadow.querySelector('.kd:not([data-prerender]) [data-role="manager"]');
      if (!manager) return;
      watch.disconnect();
      manager.click();
    });
    watch.observe(shadow, { childList: true, subtree: true });
  });
  await page.locator('[data-role="staff"]').click();
  assert.equal(await firstScreen(page).count(), 1, "clicked while the widget was not yet live");
  await page.locator("[data-q]").first().waitFor();
  // In the order they were made: "staff" first, and "manager" had no button left to land on.
  assert.deepEqual(await pastStage(page), staff);
  assert.deepEqual(errors, []);
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("on a slow PC, a respondent who starts clicking at once completes the diagnosis", async () => {
  const { page, errors } = await openSlow(fileUrl(HTML));
  await page.locator('[data-role="staff"]').waitFor();
  assert.equal(await firstScreen(page).count(), 1, "starts on the first screen rendered at build time");
  const sections = await completeDiagnosis(page, "staff", (_, i) => String((i % 4) + 1));
  assert.equal(sections, 9);
  const scores = await page.locator("[data-score]").allTextContents();
  assert.equal(scores.length, 8);
  for (const s of scores) assert.match(s, /^\d{1,3}$/, "every blocker is scored");
  assert.deepEqual(errors, []);
  // Leave the next tests a fresh start (every file:// page shares one storage).
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("keyboard focus on the first screen stays on the same control when the widget goes live", async () => {
  const { page, errors } = await openSlow(fileUrl(HTML));
  await page.locator('[data-role="staff"]').waitFor();
  await tabTo(page, (f) => f.attrs["data-role"] === "staff");
  assert.equal(await firstScreen(page).count(), 1, "focused while the widget was not yet live");
  await live(page);
  const now = await focused(page);
  assert.equal(now.attrs["data-role"], "staff", "focus is on the live staff button");
  assert.equal(await page.evaluate(() => !!document.querySelector("kintone-diagnosis").shadowRoot.activeElement.closest("[data-prerender]")), false);
  // And it works from there: Enter chooses the role.
  await page.keyboard.press("Enter");
  await page.locator("[data-q]").first().waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("a respondent with a saved session is offered to resume, never shown a fresh start", async () => {
  const url = fileUrl(HTML);
  const { page: first } = await open(ctx, url);
  await live(first);
  await first.locator('[data-role="staff"]').click();
  await first.locator("[data-q]").first().locator("[data-v='trial']").click();
  await first.close();

  const { page, errors } = await openSlow(url);
  await page.locator("[data-loading]").waitFor();
  assert.equal(await firstScreen(page).count(), 0, "the fresh-start screen is not shown");
  await page.locator("[data-resume]").waitFor();
  assert.deepEqual(errors, []);
  // Leave the next tests a fresh start.
  await page.evaluate(() => localStorage.clear());
  await page.close();
});
