//! End to end in Firefox ESR and WebKit (Safari's engine, on the Macs and iPhones consultants
//! use), over WebDriver (tests/browser/webdriver.mjs): the single file from file:// through
//! every screen, resume after a reload, storage, opening a result file, a double click on
//! "next", asking before starting over, and the embedded script on the demo page over http.
//! Chromium runs the whole suite; these are the same behaviours in the other two engines.

import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, copyFileSync, writeFileSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ENGINES, session } from "./webdriver.mjs";
import { fileUrl, serve, hostPage, HTML, JS, ARTIFACTS } from "./helpers.mjs";
import { RESULT_FILES, SAVED_VALUES, QUESTIONNAIRES, HOST_OPTIONS } from "./catalogue.mjs";

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
// `at` picks the widget when a page has several (its root is the element's shadow root, or the
// element itself for the JS API).
const IN_PAGE = `
  window.at = "kintone-diagnosis";
  window.kd = () => { const el = document.querySelector(at); return el && (el.shadowRoot || el); };
  window.q = (s) => { const r = kd(); return r && r.querySelector(".kd:not([data-prerender]) " + s); };
  window.click = (s) => { const el = q(s); if (el) el.click(); return !!el; };
  window.answerAll = (v) => { for (const f of kd().querySelectorAll("[data-q]")) { const i = f.querySelector('[data-v="' + (f.dataset.q === "office_stage" ? "trial" : v) + '"]'); if (i) i.click(); } };
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

/** Starts over from the result (asked, and confirmed) and begins again as `role`. */
async function startAfresh(s, role) {
  await s.run(() => click("[data-restart]"));
  await s.until(() => q("[data-confirm]"));
  await s.run(() => click("[data-confirm]"));
  await s.until(() => q("[data-role]"));
  await s.run((r) => click(`[data-role="${r}"]`), role);
  await s.until(() => q("[data-q]"));
}

/** A name usable in a file name. */
const slug = (text) => text.replace(/\W+/g, "-");

for (const engine of ENGINES) {
  test(`${engine.name}: the single file from file://, every screen, resume, storage, a result file, double clicks`, async () => {
    const s = await session(engine);
    try {
      await openWidget(s, fileUrl(resolve(HTML)));
      await s.run(() => localStorage.clear());
      await openWidget(s, fileUrl(resolve(HTML)));
      assert.equal(await complete(s, "finance", "4"), 8, "every blocker scored");
      assert.ok(await s.run(() => !!q("[data-primary]") && !!q("[data-step]")), "main blockers and a plan");
      const saved = await s.run(() => JSON.parse(localStorage.getItem("kintone-diagnosis:default:kintone-municipal")));
      assert.equal(saved.format_version, 6);
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

      // A result file (made with this questionnaire, kept in the fixtures) opens.
      await s.run(() => click("[data-restart]"));
      await s.run(() => click("[data-confirm]"));
      await s.until(() => q("[data-role]"));
      const input = await s.run(() => q("[data-open-file]"));
      await s.upload(input, resolve("tests/fixtures/released/result-2026.12.2-promoter.json"));
      await s.until(() => q("[data-result]"));
      assert.match(await s.run(() => q("[data-notice]").textContent), /読み込みました/);

      // A real double click on "next" answers nothing on the next screen.
      await startAfresh(s, "staff");
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

      // Enter held down on a choice moves on one screen, not several.
      await s.run(() => answerAll("2"));
      const progress = await s.run(() => q(".progress-text").textContent);
      await s.run(() => [...kd().querySelectorAll(".kd:not([data-prerender]) [data-q] [data-v]")].pop().focus());
      await s.holdKey("\uE007", 6);
      await s.until((p) => q(".progress-text").textContent !== p, progress);
      await new Promise((r) => setTimeout(r, 300));
      assert.match(await s.run(() => q(".progress-text").textContent), /9分野中 3分野目/, "one screen on");
      assert.equal(await s.run(() => !!q(".section [role=alert]")), false, "no repeat asked the new screen to move on");

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

// --- The hostile-input catalogue (catalogue.mjs), as in Chromium --------------------------------

const STORAGE_KEY = "kintone-diagnosis:default:kintone-municipal";
const saved = (s) => s.run((k) => localStorage.getItem(k), STORAGE_KEY);
const noticeText = (s) => s.run(() => { const n = q("[data-notice]"); return n && n.textContent; });
/** Nothing loaded but the page and, on a host page, the script. */
const loadedOnly = async (s) =>
  assert.deepEqual(await s.run(() => performance.getEntriesByType("resource").map((e) => e.name).filter((n) => !n.endsWith("/kintone-diagnosis.js"))), []);

for (const engine of ENGINES) {
  test(`${engine.name}: the catalogue of crafted result files and saved values`, async () => {
    const s = await session(engine);
    try {
      const url = fileUrl(resolve(HTML));
      await openWidget(s, url);
      await s.run(() => localStorage.clear());
      await openWidget(s, url);
      // A real result file, through the widget's own export (the download's blob is read).
      await complete(s, "promoter", "3");
      await s.run(() => {
        const make = URL.createObjectURL;
        URL.createObjectURL = (blob) => (blob.text().then((t) => (window.__file = t)), make.call(URL, blob));
        click('[data-take="json"]');
      });
      const real = JSON.parse(await s.until(() => window.__file));
      // Unfinished answers that every bad file must leave as they are.
      await startAfresh(s, "staff");
      await s.run(() => click('[data-q="office_stage"] [data-v="trial"]'));
      await openWidget(s, url);
      const before = await saved(s);
      assert.ok(before && (await s.run(() => !!q("[data-resume]"))));
      for (const [name, body, message] of RESULT_FILES) {
        const path = resolve(join(ARTIFACTS, `${slug(engine.name)}-${slug(name)}.json`));
        writeFileSync(path, typeof body === "function" ? body(real) : body);
        await s.upload(await s.run(() => q("[data-open-file]")), path);
        const shown = await s.until(() => { const n = q("[data-notice]"); return n && n.textContent; }).catch(() => null);
        assert.match(shown ?? "no notice", message, name);
        assert.ok(shown.length < 200, `${name}: a message of ${shown.length} characters`);
        assert.equal(await saved(s), before, `${name}: the saved answers are untouched`);
        assert.ok(await s.run(() => !!q("[data-resume]")), `${name}: still offered`);
        await s.run(() => click("[data-notice] .dismiss"));
        await s.until(() => !q("[data-notice]"));
      }
      assert.equal(await s.run(() => window.__pwned), null, "no markup from a file ever ran");

      // Whatever sits under the widget's key: said, kept, and the start screen works.
      await s.run(() => click("[data-resume]"));
      const snapshot = JSON.parse(before);
      for (const [name, value, message] of SAVED_VALUES) {
        const text = typeof value === "function" ? value(snapshot) : value;
        await s.run((k, v) => localStorage.setItem(k, v), STORAGE_KEY, text);
        await openWidget(s, url);
        assert.match((await noticeText(s)) ?? "no notice", message, name);
        assert.ok(await s.run(() => !!q("[data-role]")), `${name}: the start screen works`);
        assert.ok((await saved(s)) === text, `${name}: nothing it found is erased on opening`);
      }
      await loadedOnly(s);
    } finally {
      await s.close();
    }
  });

  test(`${engine.name}: the catalogue of broken questionnaires and hostile attributes`, async () => {
    const s = await session(engine);
    try {
      const minimal = JSON.parse(readFileSync("tests/fixtures/minimal.json", "utf8"));
      await s.goto(hostPage(`engines-content-${slug(engine.name)}.html`, `<div id="slots"></div><script src="kintone-diagnosis.js"></script>`));
      await s.until(() => window.KintoneDiagnosis);
      await prepare(s);
      for (const [i, [name, content, problem]] of QUESTIONNAIRES.entries()) {
        const value = typeof content === "function" ? content(minimal) : content;
        await s.run((i, value) => {
          const slot = document.createElement("div");
          slot.id = "q" + i;
          document.getElementById("slots").appendChild(slot);
          KintoneDiagnosis.mount(slot, { content: value, storage: "off" });
        }, i, value);
        await s.run((i) => (window.at = "#q" + i), i);
        const shown = await s.until(() => { const e = q("[data-content-errors]"); return (e && e.textContent) || (q("[data-begin]") && "begins"); });
        if (problem) {
          assert.match(shown, problem, name);
          assert.ok(shown.length < 2000, `${name}: a list of ${shown.length} characters`);
        } else {
          assert.equal(shown, "begins", name);
        }
      }
      assert.equal(await s.run(() => window.__pwned ?? null), null, "no markup from a questionnaire ever ran");
      assert.equal(await s.run(() => document.querySelectorAll("img").length), 0);
      await loadedOnly(s);

      const body = HOST_OPTIONS.map(([attrs], i) => `<kintone-diagnosis id="h${i}" storage-key="h${i}" ${attrs}></kintone-diagnosis>`).join("\n");
      await s.goto(hostPage(`engines-attributes-${slug(engine.name)}.html`, `${body}<script src="kintone-diagnosis.js"></script>`));
      await prepare(s);
      for (const [i, [attrs, expect]] of HOST_OPTIONS.entries()) {
        await s.run((i) => (window.at = "#h" + i), i);
        await s.until(() => q("[data-role]"));
        const lang = () => s.run(() => kd().querySelector(".kd").getAttribute("lang"));
        if (expect === "no link") {
          assert.equal(await complete(s, "staff", "2"), 8, attrs);
          assert.equal(await s.run(() => !!q("[data-contact]")), false, attrs);
        } else if (expect === "a language it has") {
          assert.equal(await lang(), "ja", attrs);
        } else if (expect === "English") {
          assert.equal(await lang(), "en", attrs);
        } else if (expect === "the introduction") {
          assert.ok(await s.run(() => !!q(".start")), attrs);
        } else {
          await s.run(() => click('[data-role="staff"]'));
          await s.until(() => q("[data-q] [data-v]"));
          await s.run(() => q("[data-q] [data-v]").click());
          assert.equal(await s.run((k) => localStorage.getItem(k), `kintone-diagnosis:h${i}:kintone-municipal`), null, attrs);
        }
      }
      assert.equal(await s.run(() => window.__pwned ?? null), null);
      await loadedOnly(s);
    } finally {
      await s.close();
    }
  });
}

test("the other engines are installed (cargo xtask test installs them)", () => {
  assert.deepEqual(ENGINES.map((e) => e.name), ["Firefox ESR", "WebKit"]);
});
