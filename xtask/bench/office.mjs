//! The office page against a hand-written floor (office-floor.html) in one run: the same result
//! files (made by the real export, `cargo xtask bench` writes them) picked at once, for each N;
//! time from the pick to the view on the page, the longest main-thread block meanwhile (a
//! heartbeat, as blocks.mjs: the page's own after the files were handed to it, and the browser's
//! hand-over before), and memory afterwards (JS heap plus array buffers, which hold the wasm's
//! memory). Prints JSON: [{ n, page, ms, block_ms, handover_ms, mib }] (medians over the runs).
//!   node office.mjs OFFICE.html FLOOR.html RESULTS_DIR --sizes 100,1000 --runs 3

import { pathToFileURL } from "node:url";
import { resolve, join } from "node:path";
import { readdirSync } from "node:fs";
import { launch } from "../../tests/browser/helpers.mjs";
import { heartbeat } from "./heartbeat.mjs";

const args = process.argv.slice(2);
const [office, floor, dir] = args;
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizes = opt("--sizes", "100,1000,10000").split(",").map(Number);
const runs = Number(opt("--runs", "3"));

const context = await launch();
async function measure(kind, files) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(pathToFileURL(resolve(kind === "ours" ? office : floor)).href);
  const input = kind === "ours" ? page.locator("[data-office] [data-pick]") : page.locator("#pick");
  await input.waitFor({ state: "attached" });
  // The pick's time, taken by the first listener of the change event in the page.
  await page.evaluate((ours) => {
    const root = ours ? document.querySelector("kintone-diagnosis").shadowRoot : document;
    root.addEventListener("change", () => (window.__picked = performance.now()), { capture: true, once: true });
  }, kind === "ours");
  await page.evaluate(heartbeat);
  // The view's mark is awaited, not polled for: a poll is a task of the harness's in the page,
  // and the first one compiles the harness's script there (16 ms), in whichever pause of the
  // page's work it finds (a page that pauses more often to stay responsive paid for it).
  const mark = kind === "ours" ? "__officeViewPainted" : "__floorPainted";
  await page.evaluate((m) => {
    let value;
    window.__viewed = new Promise((resolve) =>
      Object.defineProperty(window, m, { configurable: true, get: () => value, set: (v) => resolve((value = v)) }));
  }, mark);
  await input.setInputFiles(files);
  await page.evaluate(() => window.__viewed);
  await page.waitForFunction(() => window.__picked !== undefined, null, { timeout: 600000 });
  // Two frames after the view, so that a block right after it counts too.
  const r = await page.evaluate(async (m) => {
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    window.__beat.on = false;
    const b = window.__beat;
    return { ms: window[m] - window.__picked, block_ms: b.page, block_at: b.pageAt, handover_ms: b.handover };
  }, mark);
  const heap = await cdp.send("Runtime.getHeapUsage");
  r.mib = (heap.usedSize + (heap.backingStorageSize || 0)) / 2 ** 20;
  await page.close();
  if (process.env.KD_BENCH_EACH) console.error(kind, files.length, JSON.stringify(r));
  return r;
}

const median = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const out = [];
for (const n of sizes) {
  const folder = join(dir, String(n));
  const files = readdirSync(folder).sort().map((f) => join(folder, f));
  const got = { ours: [], floor: [] };
  for (let i = 0; i < runs; i++) {
    // Interleaved: each round measures both pages under the same conditions.
    for (const kind of ["floor", "ours"]) got[kind].push(await measure(kind, files));
  }
  for (const kind of ["floor", "ours"]) {
    const rs = got[kind];
    const mid = (k) => median(rs.map((r) => r[k]));
    out.push({ n, page: kind, ms: mid("ms"), block_ms: mid("block_ms"), handover_ms: mid("handover_ms"), mib: mid("mib") });
  }
}
await context.close();
console.log(JSON.stringify(out));
