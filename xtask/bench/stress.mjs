//! Per-click cost on the page of a 2,000-statement section (shown in parts of 50): clicks answers at random and times each click from
//! dispatch until the widget has re-rendered (the DOM reflects the answer), then until the next
//! animation frame. Prints JSON: { clicks, render: {p50,p95,max}, frame: {p50,p95,max}, next, heading }.
//!   node stress.mjs PAGE.html [--clicks 200]

import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
// The browser tests' launcher: Debian Chromium with the same no-network flags and a fresh profile.
import { launch, live } from "../../tests/browser/helpers.mjs";

const [page_, ...rest] = process.argv.slice(2);
const clicks = Number(rest[rest.indexOf("--clicks") + 1]) || 200;
const browser = await launch();
const page = await browser.newPage(); // 1280 x 900, as launch() sets
await page.goto(pathToFileURL(resolve(page_)).href);
// The live widget's statements, not the first screen rendered at build time that it replaces.
await live(page);
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
    // yew re-renders from its scheduler as the click's event handler returns; one microtask
    // turn later the DOM reflects the answer.
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
  // Then "next" from a fully answered screen to the next part of the section, timed to the
  // first animation frame that shows it.
  for (const q of qs) q.querySelector('[data-v="3"]').click();
  await new Promise((r) => requestAnimationFrame(() => r()));
  const heading = document.querySelector("h2").textContent;
  const t0 = performance.now();
  document.querySelector("[data-next]").click();
  while (document.querySelector("h2").textContent === heading) await new Promise((r) => requestAnimationFrame(() => r()));
  const next = performance.now() - t0;
  return { clicks, questions: qs.length, render: stat(render), frame: stat(frame), next, heading: document.querySelector("h2").textContent };
}, clicks);
await browser.close();
console.log(JSON.stringify(result));
