//! The longest main-thread block while the single file reads the largest and most crafted inputs
//! it accepts or refuses, each beside a reference: a real result file and a real saved session.
//! A heartbeat (a MessageChannel loop) runs in the page during each action; the longest gap
//! between two beats is the longest time the page could not answer a click. Saved values are read
//! while the page starts, before any heartbeat can run, so for them the figure is the longest
//! task Chromium reports (long tasks of 50 ms and more; "<50" when none). Prints JSON:
//! { files: [{ name, bytes, block_ms, said }], saved: [{ name, bytes, longest_task_ms, said }] }.
//!   node blocks.mjs PAGE.html WORK_DIR

import { pathToFileURL } from "node:url";
import { resolve, join } from "node:path";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
// The browser tests' launcher: Debian Chromium with the same no-network flags and a fresh profile.
import { launch, live } from "../../tests/browser/helpers.mjs";
import { heartbeat } from "./heartbeat.mjs";

const [pagePath, work] = process.argv.slice(2);
mkdirSync(work, { recursive: true });
const url = pathToFileURL(resolve(pagePath)).href;
const KEY = "kintone-diagnosis:default:kintone-municipal";
const result = readFileSync("tests/fixtures/released/result-2026.11.2-promoter.json", "utf8");
const session = readFileSync("tests/fixtures/released/session-2026.11.2-midway.json", "utf8");
const keys = (n, prefix) => Object.fromEntries(Array.from({ length: n }, (_, i) => [prefix + i, "dont_know"]));

const FILES = [
  ["a real result file (reference)", result],
  ["100,000 answer keys", JSON.stringify({ format: "kintone-diagnosis-result", answers: keys(100000, "k") })],
  ["1 MB, just under the limit", JSON.stringify({ format: "kintone-diagnosis-result", padding: "x".repeat((1 << 20) - 64) })],
  ["10 MB of spaces", " ".repeat(10 << 20)],
  ["nested 100,000 deep", "[".repeat(100000) + "]".repeat(100000)],
  ["a 500 KB questionnaire id", JSON.stringify({ ...JSON.parse(result), content_id: "x".repeat(500000) })],
];
const SAVED = [
  ["a real unfinished session (reference)", session],
  ["30,000 answer keys", JSON.stringify({ ...JSON.parse(session), answers: keys(30000, "q") })],
  ["2 MB", JSON.stringify({ ...JSON.parse(session), padding: "x".repeat(2 << 20) })],
];

const browser = await launch();
const page = await browser.newPage();
await page.goto(url);
await live(page);

const files = [];
for (const [i, [name, body]] of FILES.entries()) {
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await live(page);
  const path = join(work, `block-${i}.json`);
  writeFileSync(path, body);
  await page.evaluate(heartbeat);
  await page.locator("[data-open-file]").setInputFiles(path);
  await page.locator("[data-notice], [data-result]").first().waitFor({ timeout: 60000 });
  // Two frames more, so that rendering what was read is inside the measured span.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const block = await page.evaluate(() => ((window.__beat.on = false), window.__beat.max));
  const said = (await page.locator("[data-notice]").count()) ? await page.locator("[data-notice]").textContent() : "(the result)";
  files.push({ name, bytes: Buffer.byteLength(body), block_ms: Math.round(block * 10) / 10, said: said.slice(0, 60) });
}

const saved = [];
for (const [name, value] of SAVED) {
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, value]);
  // Long tasks are recorded from the start of the page; the observer reads them afterwards.
  await page.addInitScript(() => {
    window.__long = 0;
    new PerformanceObserver((l) => l.getEntries().forEach((e) => (window.__long = Math.max(window.__long, e.duration)))).observe({ type: "longtask" });
  });
  await page.reload();
  await live(page);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const longest = await page.evaluate(() => window.__long);
  const said = (await page.locator("[data-notice]").count()) ? await page.locator("[data-notice]").textContent() : "(offered to continue)";
  saved.push({ name, bytes: Buffer.byteLength(value), longest_task_ms: longest ? Math.round(longest) : "<50", said: said.slice(0, 60) });
}
await browser.close();
console.log(JSON.stringify({ files, saved }));
