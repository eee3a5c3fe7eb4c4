//! End to end in Firefox ESR and WebKit (Safari's engine, on the Macs and iPhones consultants
//! use), over WebDriver (tests/browser/webdriver.mjs): the single file from file:// through
//! every screen, resume after a reload, storage, opening a result file, a double click on
//! "next", asking before starting over, and the embedded script on the demo page over http.
//! Chromium runs the whole suite; these are the same behaviours in the other two engines.

import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, copyFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ENGINES, session } from "./webdriver.mjs";
import { fileUrl, serve, HTML, JS, ARTIFACTS } from "./helpers.mjs";

let site;
before(async () => {
  const dir = join(ARTIFACTS, "engines-site");
  mkdirSync(dir, { recursive: true });
  copyFileSync("www/index.html", join(dir, "index.html"));
  copyFileSync("www/demo.css", join(dir, "demo.css"));
  copyFileSync(JS, join(dir, "kintone-diagnosis.js"));
  site = await serve(dir, "/");
});
after(async () => site?.close());

// In the page: the widget's shadow root, and small steps over it (clicks are the element's own
// click(), as a respondent's would be after the mouse or keyboard).
const IN_PAGE = `
  window.kd = () => { const el = document.querySelector("kintone-diagnosis"); return el && el.shadowRoot; };
  window.q = (s) => { const r = kd(); return r && r.querySelector(".kd:not([data-prerender]) " + s); };
  window.click = (s) => { const el = q(s); if (el) el.click(); return !!el; };
  window.answerAll = (v) => { for (const f of kd().querySelectorAll("[data-q]")) { const i = f.querySelector('[data-v="' + v + '"]'); if (i) i.click(); } };
`;
const prepare = (s) => s.run(new Function(IN_PAGE));

/** Opens `url`, waits for the live widget, and prepares the page's helpers. */
async function openWidget(s, url) {
  await s.goto(url);
  await prepare(s);
  await s.until(() => q("[data-role]") || q("[data-resume]"));
}

/** Chooses `role` (confirming if saved answers are on offer) and answers every section. */
async function complete(s, role, value) {
  await s.run((r) => click(`[data-role="${r}"]`), role);
  await s.until(() => q("[data-q]") || q("[data-confirm]"));
  if (await s.run(() => !!q("[data-confirm]"))) await s.run(() => click("[data-confirm]"));
  for (let i = 0; i < 20 && !(await s.run(() => !!q("[data-result]"))); i++) {
    const heading = await s.run(() => q("h2").textContent);
    await s.run((v) => answerAll(v), value);
    await s.run(() => click("[data-next]"));
    await s.until((h) => q("[data-result]") || q("h2").textContent !== h, heading);
  }
  return s.run(() => kd().querySelectorAll("[data-score]").length);
}

for (const engine of ENGINES) {
  test(`${engine.name}: the single file from file://, every screen, resume, storage, a result file, double clicks`, async () => {
    const s = await session(engine);
    try {
      await openWidget(s, fileUrl(resolve(HTML)));
      await s.run(() => localStorage.clear());
      await openWidget(s, fileUrl(resolve(HTML)));
      assert.equal(await complete(s, "finance", "3"), 8, "every blocker scored");
      assert.ok(await s.run(() => !!q("[data-primary]") && !!q("[data-step]")), "main blockers and a plan");
      const saved = await s.run(() => JSON.parse(localStorage.getItem("kintone-diagnosis:default:kintone-municipal")));
      assert.equal(saved.format_version, 2);
      assert.equal(saved.role, "finance");

      // A reload offers to continue; continuing shows the same result.
      await openWidget(s, fileUrl(resolve(HTML)));
      assert.ok(await s.run(() => !!q("[data-resume]")));
      await s.run(() => click("[data-resume]"));
      await s.until(() => q("[data-result]"));

      // Start over asks first.
      await s.run(() => click("[data-restart]"));
      await s.until(() => q("[data-confirm-box]"));
      await s.run(() => click("[data-keep]"));
      assert.ok(await s.run(() => !!q("[data-result]")), "kept");

      // A result file (made by the previous release) opens, over the answers after asking.
      await s.run(() => click("[data-restart]"));
      await s.run(() => click("[data-confirm]"));
      await s.until(() => q("[data-role]"));
      const input = await s.run(() => q("[data-open-file]"));
      await s.upload(input, resolve("tests/fixtures/released/result-2026.11.2-promoter.json"));
      await s.until(() => q("[data-result]"));
      assert.match(await s.run(() => q("[data-notice]").textContent), /読み込みました/);

      // A real double click on "next" answers nothing on the next screen.
      await s.run(() => click("[data-restart]"));
      await s.run(() => click("[data-confirm]"));
      await s.until(() => q("[data-role]"));
      await s.run(() => click('[data-role="staff"]'));
      await s.until(() => q("[data-q]"));
      await s.run(() => answerAll("2"));
      const heading = await s.run(() => q("h2").textContent);
      await s.run(() => q("[data-next]").scrollIntoView({ block: "center" }));
      await s.doubleClick(await s.run(() => q("[data-next]")));
      await s.until((h) => q("h2").textContent !== h, heading);
      const answered = () => s.run(() => [...kd().querySelectorAll(".kd:not([data-prerender]) [data-q] input")].filter((i) => i.checked).length);
      assert.equal(await answered(), 0, "the second click answered nothing");
      // Wherever the pointer is: the second click of a double click (detail 2) on a choice of
      // the new screen is dropped, the first one of a new click (detail 1) is not.
      const clickWith = (detail) =>
        s.run((d) => q("[data-q] [data-v]").dispatchEvent(new MouseEvent("click", { detail: d, bubbles: true, composed: true, cancelable: true })), detail);
      await clickWith(2);
      assert.equal(await answered(), 0, "a second click acts on nothing");
      await clickWith(1);
      await s.until(() => q("[data-q] [data-v]").checked);

      // Nothing was loaded but the file itself.
      assert.deepEqual(await s.run(() => performance.getEntriesByType("resource").map((e) => e.name)), []);
    } finally {
      await s.close();
    }
  });

  test(`${engine.name}: the embedded script on the demo page over http`, async () => {
    const s = await session(engine);
    try {
      await openWidget(s, site.url);
      await s.run(() => localStorage.clear());
      await openWidget(s, site.url);
      assert.equal(await complete(s, "manager", "2"), 8);
      const loaded = await s.run(() => performance.getEntriesByType("resource").map((e) => e.name).sort());
      assert.deepEqual(loaded, [site.url + "demo.css", site.url + "kintone-diagnosis.js"]);
    } finally {
      await s.close();
    }
  });
}

test("the other engines are installed (cargo xtask test installs them)", () => {
  assert.deepEqual(ENGINES.map((e) => e.name), ["Firefox ESR", "WebKit"]);
});
