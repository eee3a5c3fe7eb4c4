//! End to end: the single self-contained page opened from disk (file://), answered to the end.

import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, open, fileUrl, completeDiagnosis, screenshot, axe, artifactPage, HTML } from "./helpers.mjs";

let ctx;
before(async () => (ctx = await launch()));
after(async () => ctx && ctx.close());

test("from file:// a staff member answers everything and gets a result, with no request but the file", async () => {
  const url = fileUrl(HTML);
  const { page, requests, errors } = await open(ctx, url);
  await page.locator('[data-role="staff"]').waitFor();
  const firstRender = await page.evaluate(() => window.__firstRender);
  assert.equal(typeof firstRender, "number", "window.__firstRender is set when the first screen shows");

  // Blocked answers on the imposition section, "mostly not true" on three others (enough of the
  // statements for a verdict), "don't know" on finance, materials, vendors and app building.
  const healthyWhenAgreed = new Set(["imp_listens", "imp_open_access"]);
  const pick = (id) =>
    id.startsWith("imp_") ? (healthyWhenAgreed.has(id) ? "1" : "4") : /^(lead|inc|fail)_/.test(id) ? "2" : null;
  const sections = await completeDiagnosis(page, "staff", pick);
  assert.equal(sections, 9);
  const result = page.locator("[data-result]");
  await result.waitFor();
  assert.equal(await page.locator('[data-score="imposition"]').textContent(), "100");
  // Finance was all "don't know": not enough answers, shown as such rather than a number.
  assert.equal(await page.locator('[data-score="finance"]').textContent(), "—");
  assert.match(await page.locator("[data-primary]").first().textContent(), /やらされ感/);
  // A staff member's first step is their own to take.
  assert.match(await page.locator("[data-step]").first().textContent(), /あなた\(各課の職員\)/);
  await screenshot(page, "single-file-result-ja");
  assert.deepEqual(requests, [url], "the page made no request but itself");
  assert.deepEqual(errors, []);
});

test("every role can finish, and every blocker gets a score", async () => {
  for (const role of ["promoter", "staff", "manager", "finance"]) {
    const { page, errors } = await open(ctx, fileUrl(HTML));
    await completeDiagnosis(page, role, (_, i) => String((i % 4) + 1));
    const scores = await page.locator("[data-score]").allTextContents();
    assert.equal(scores.length, 8, role);
    for (const s of scores) assert.match(s, /^\d{1,3}$/, `${role}: every blocker is scored`);
    assert.deepEqual(errors, [], role);
    await page.close();
  }
});

test("a browser that cannot run the widget says why instead of showing a blank page", async () => {
  const ieNotice = /Internet Explorer.*IE モードを含む.*では動作しません/;
  // Scripts off, so the widget never starts: Chromium still does not show the Internet Explorer
  // notice. It is hidden by CSS alone, so it cannot flash up before the widget's script has run.
  const scriptsOff = await launch({ javaScriptEnabled: false });
  const off = await scriptsOff.newPage();
  await off.goto(fileUrl(HTML));
  assert.equal(await off.locator(".kd-unsupported").count(), 1, "the notice is in the page");
  assert.equal(await off.locator(".kd-unsupported").isVisible(), false, "no IE notice in Chromium");
  // Nor the first screen rendered at build time (its buttons would do nothing without the
  // script): it is in the page, inert in a template.
  assert.equal(await off.locator("[data-prerender]").count(), 0, "no first screen shown");
  assert.equal(await off.evaluate(() => !!document.querySelector("template[data-first-screen]").content.querySelector("[data-prerender] [data-role]")), true, "the first screen is in the page");
  await scriptsOff.close();

  // What Internet Explorer (or Edge's IE mode, which some intranets impose) makes of the page:
  // no @supports rule applies, the widget's script cannot even be parsed, so it never starts, and
  // a template is an unknown element whose content is rendered as it is (the first screen, kept
  // hidden). It does not enforce a Content-Security-Policy meta either; the altered style would
  // fail its hash in Chromium.
  const asIE = readFileSync(HTML, "utf8")
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "")
    .replace("<template data-first-screen>", "<div>")
    .replace("</template>", "</div>")
    .replace("@supports (display:grid)", "@supports (display:no-such-value)")
    .replace(/<script>[\s\S]*<\/script>/, "");
  const { page: ie } = await open(ctx, artifactPage("as-internet-explorer.html", asIE));
  const shown = ie.locator(".kd-unsupported");
  assert.ok(await shown.isVisible(), "the notice is shown where the widget cannot start");
  assert.match(await shown.textContent(), ieNotice);
  assert.match(await shown.textContent(), /open it in Microsoft Edge or Google Chrome/);
  assert.deepEqual(await axe(ie), [], "the notice passes axe-core");
  await screenshot(ie, "internet-explorer-notice");
  await ie.close();

  // And where the widget runs, its shadow root replaces the notice.
  const { page, errors } = await open(ctx, fileUrl(HTML));
  await page.locator('[data-role="staff"]').waitFor();
  assert.equal(await page.locator(".kd-unsupported").isVisible(), false);
  assert.doesNotMatch(await page.locator("body").innerText(), ieNotice);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the single file runs only its own questionnaire: another one is refused with a message, not run unchecked", async () => {
  const { page, errors } = await open(ctx, fileUrl(HTML));
  await page.locator('[data-role="staff"]').waitFor();
  await page.waitForFunction(() => window.KintoneDiagnosis);
  const minimal = readFileSync("tests/fixtures/minimal.json", "utf8");
  await page.evaluate((content) => {
    const slot = document.createElement("div");
    slot.id = "other";
    document.body.appendChild(slot);
    KintoneDiagnosis.mount(slot, { content, storage: "off" });
  }, minimal);
  const problem = page.locator("#other [data-content-errors]");
  await problem.waitFor();
  assert.match(await problem.textContent(), /runs only its built-in questionnaire; to run another, embed kintone-diagnosis\.js/);
  // The page's own widget is untouched.
  assert.equal(await page.locator("kintone-diagnosis [data-role]").count(), 4);
  assert.deepEqual(errors, []);
  await page.close();
});
