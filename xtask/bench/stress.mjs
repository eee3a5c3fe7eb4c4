//! Per-click cost on the 400-statement page: clicks answers at random and times each click from
//! dispatch until the widget has re-rendered (the DOM reflects the answer), then until the next
//! animation frame. Prints JSON: { clicks, render: {p50,p95,max}, frame: {p50,p95,max} }.
//!   node stress.mjs PAGE.html [--clicks 200]

import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const require = createRequire(resolve("package.json"));
const { chromium } = require("playwright-core");
const [page_, ...rest] = process.argv.slice(2);
const clicks = Number(rest[rest.indexOf("--clicks") + 1]) || 200;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9"],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(pathToFileURL(resolve(page_)).href);
await page.waitForSelector("[data-q]");
const result = await page.evaluate(async (clicks) => {
  const qs = [...document.querySelectorAll("[data-q]")];
  let seed = 7;
  const rand = (n) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
  const render = [], frame = [];
  for (let i = 0; i < clicks; i++) {
    const q = qs[rand(qs.length)];
    const v = String(rand(5) + 1);
    const input = q.querySelector(`[data-v="${v}"]`);
    const t0 = performance.now();
    input.click();
    // The re-render has landed once the section's progress reflects the state (yew renders
    // from its scheduler right after the event); wait a microtask turn to be sure.
    await Promise.resolve();
    render.push(performance.now() - t0);
    await new Promise((r) => requestAnimationFrame(() => r()));
    frame.push(performance.now() - t0);
    if (!input.checked) throw new Error("click did not select the answer");
  }
  const stat = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return { p50: s[Math.floor(s.length * 0.5)], p95: s[Math.floor(s.length * 0.95)], max: s[s.length - 1] };
  };
  return { clicks, questions: qs.length, render: stat(render), frame: stat(frame) };
}, clicks);
await browser.close();
console.log(JSON.stringify(result));
