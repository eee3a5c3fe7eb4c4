//! Shared helpers of the browser tests: Debian Chromium through playwright-core (never a
//! downloaded browser), request recording, the page contract, and axe-core.

import { chromium } from "playwright-core";
import { readFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);

export const HTML = process.env.KD_HTML || "target/dist/kintone-diagnosis.html";
export const JS = process.env.KD_JS || "target/dist/kintone-diagnosis.js";
export const ARTIFACTS = process.env.KD_ARTIFACTS || "target/test-artifacts";
mkdirSync(ARTIFACTS, { recursive: true });

export const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  // Nothing can leave the machine even if a test page tried: no DNS, and every connection goes
  // to a dead local proxy port. Attempts are still seen (and counted) by the request listener.
  "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
];

/** Launches Debian's Chromium with a fresh profile folder. */
export async function launch() {
  const userDataDir = mkdtempSync(join(tmpdir(), "kd-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  return context;
}

export const fileUrl = (p) => pathToFileURL(p).href;

/**
 * Opens `url` in a new page of `context`, recording every request, console error and page error.
 * Returns { page, requests, errors }.
 */
export async function open(context, url, { viewport } = {}) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, requests, errors };
}

/** The widget's shadow-root-piercing locator (playwright CSS pierces open shadow roots). */
export const widget = (page) => page.locator("kintone-diagnosis");

/** Answers every question of the current section by clicking `[data-v=value]` (or "don't know"). */
export async function answerSection(page, pick) {
  const questions = page.locator("[data-q]");
  const n = await questions.count();
  for (let i = 0; i < n; i++) {
    const q = questions.nth(i);
    const id = await q.getAttribute("data-q");
    const value = pick(id, i);
    const control = value === null ? q.locator("[data-dont-know]") : q.locator(`[data-v="${value}"]`);
    await control.click();
  }
  return n;
}

/** Clicks through every section answering with `pick` until the result shows. */
export async function completeDiagnosis(page, role, pick) {
  if (role) await page.locator(`[data-role="${role}"]`).click();
  let sections = 0;
  while (!(await page.locator("[data-result]").count())) {
    await answerSection(page, pick);
    await page.locator("[data-next]").click();
    if (++sections > 50) throw new Error("more than 50 sections");
  }
  return sections;
}

/** Runs axe-core inside the page (including shadow roots) and returns its violations. */
export async function axe(page) {
  const source = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(source);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  });
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
