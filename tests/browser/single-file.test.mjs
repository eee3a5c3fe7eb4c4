//! End to end: the single self-contained page opened from disk (file://), answered to the end.

import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { launch, open, fileUrl, completeDiagnosis, screenshot, HTML } from "./helpers.mjs";

let ctx;
before(async () => (ctx = await launch()));
after(async () => ctx && ctx.close());

test("from file:// a staff member answers everything and gets a result, with no request but the file", async () => {
  const url = fileUrl(HTML);
  const { page, requests, errors } = await open(ctx, url);
  await page.locator('[data-role="staff"]').waitFor();
  const firstRender = await page.evaluate(() => window.__firstRender);
  assert.equal(typeof firstRender, "number", "window.__firstRender is set when the first screen shows");

  // Blocked answers on the imposition section, "don't know" everywhere else: a predictable result.
  const healthyWhenAgreed = new Set(["imp_listens", "imp_open_access"]);
  const pick = (id) => (id.startsWith("imp_") ? (healthyWhenAgreed.has(id) ? "1" : "4") : null);
  const sections = await completeDiagnosis(page, "staff", pick);
  assert.equal(sections, 8);
  const result = page.locator("[data-result]");
  await result.waitFor();
  assert.equal(await page.locator('[data-score="imposition"]').textContent(), "100");
  // Everything else was "don't know": not enough answers, shown as such rather than a number.
  assert.equal(await page.locator('[data-score="leadership"]').textContent(), "—");
  assert.match(await result.textContent(), /押し付け感/);
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
