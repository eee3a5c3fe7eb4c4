//! Shared helpers of the browser tests: Debian Chromium through playwright-core (never a
//! downloaded browser), request recording, the page contract, and axe-core.

import { chromium } from "playwright-core";
import { readFileSync, writeFileSync, copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { execFileSync } from "node:child_process";

const require = createRequire(import.meta.url);

export const HTML = process.env.KD_HTML || "target/dist/kintone-diagnosis.html";
export const JS = process.env.KD_JS || "target/dist/kintone-diagnosis.js";
export const ARTIFACTS = process.env.KD_ARTIFACTS || "target/test-artifacts";
mkdirSync(ARTIFACTS, { recursive: true });

export const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  // Nothing can leave the machine even if a test page tried: no DNS, and every connection goes
  // to a dead local proxy port (loopback, where the tests serve pages, is exempt as always).
  // Attempts are still seen (and counted) by the request listener.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--proxy-server=127.0.0.1:9",
];

/** Launches Debian's Chromium with a fresh profile folder. */
export async function launch(options = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), "kd-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    ...options,
  });
  return context;
}

/**
 * Writes a host page into the artifacts folder next to a copy of the embeddable script and
 * returns its file:// URL. `body` is the page's body HTML; `head` goes into its head.
 */
export function hostPage(name, body, { head = "", lang = "ja" } = {}) {
  const url = artifactPage(name, `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${name}</title><link rel="icon" href="data:,">${head}</head><body><main><h1>${name}</h1>${body}</main></body></html>`);
  copyFileSync(JS, join(ARTIFACTS, "pages", "kintone-diagnosis.js"));
  return url;
}

/** Writes `html` as `name` into the artifacts' pages folder and returns its file:// URL. */
export function artifactPage(name, html) {
  const dir = join(ARTIFACTS, "pages");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, html);
  return fileUrl(path);
}

export const fileUrl = (p) => pathToFileURL(p).href;

/**
 * Opens `url` in a new page of `context`, recording every request, console error and page error.
 * `init(initArg)`, if given, runs in the page before its own scripts. Returns
 * { page, requests, errors }.
 */
export async function open(context, url, { viewport, init, initArg } = {}) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  if (init) await page.addInitScript(init, initArg);
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

/** The stage question of the shipped questionnaire (where the office stands), asked first. */
export const STAGE_QUESTION = "office_stage";

/**
 * Answers every question of the current section by clicking `[data-v=value]` (or "don't know"
 * when `pick` returns null). `root` is a page, a frame or a locator scoping one widget. The
 * stage question is answered with `pick.stage` (default "trial": every statement of the
 * questionnaire before it had a stage question is asked).
 */
export async function answerSection(root, pick) {
  const questions = root.locator("[data-q]");
  const n = await questions.count();
  for (let i = 0; i < n; i++) {
    const q = questions.nth(i);
    const id = await q.getAttribute("data-q");
    const value = id === STAGE_QUESTION ? (pick.stage ?? "trial") : pick(id, i);
    const control = value === null ? q.locator("[data-dont-know]") : q.locator(`[data-v="${value}"]`);
    await control.click();
  }
  return n;
}

/** Clicks through every section answering with `pick` until the result shows (see answerSection). */
export async function completeDiagnosis(root, role, pick) {
  if (role) {
    // Chosen on the first screen rendered at build time, the role takes effect once the widget
    // is live: wait for its first section.
    await root.locator(`[data-role="${role}"]`).click();
    // With saved answers on offer, starting afresh asks first (they would be dropped): confirm.
    await root.locator("[data-q], [data-confirm]").first().waitFor();
    if (await root.locator("[data-confirm]").count()) {
      await root.locator("[data-confirm]").click();
      await root.locator("[data-q]").first().waitFor();
    }
  }
  let sections = 0;
  while (!(await root.locator("[data-result]").count())) {
    await answerSection(root, pick);
    await root.locator("[data-next]").click();
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

/**
 * Waits until the live widget has replaced the first screen rendered at build time (which the
 * single page shows while the module compiles; it is marked `data-prerender`).
 */
export async function live(root) {
  await root.locator(".kd:not([data-prerender])").first().waitFor();
}

/** The text of the widget's current notice, or null (once the widget has mounted). */
export async function notice(page) {
  await live(page);
  const n = page.locator("[data-notice]");
  return (await n.count()) ? n.textContent() : null;
}

/** The element focused inside the widget (its shadow root) or the page, described for asserts. */
export async function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    const attrs = {};
    for (const a of el.attributes) attrs[a.name] = a.value;
    return { tag: el.tagName.toLowerCase(), text: el.textContent.trim().slice(0, 40), attrs };
  });
}

/** Presses Tab until `match(focused)` holds (at most `limit` presses); fails otherwise. */
export async function tabTo(page, match, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    if (f && match(f)) return f;
  }
  throw new Error("Tab never reached the wanted control");
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * Serves `dir` on 127.0.0.1 (a random free port) under the URL prefix `base`, like any static
 * intranet server. Returns { url, close }.
 */
export async function serve(dir, base = "/") {
  const http = await import("node:http");
  const { extname, normalize } = await import("node:path");
  const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" };
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    // A host page without an icon link makes the browser ask for one; any real server answers.
    if (path === "/favicon.ico") return res.writeHead(204).end();
    if (!path.startsWith(base)) return res.writeHead(404).end();
    const rel = normalize(path.slice(base.length) || "index.html");
    if (rel.startsWith("..")) return res.writeHead(404).end();
    try {
      const body = readFileSync(join(dir, rel));
      res.writeHead(200, { "content-type": types[extname(rel)] || "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${server.address().port}${base}`, close: () => new Promise((r) => { server.close(r); server.closeAllConnections(); }) };
}

/** The wasm module inside the embeddable script: its one long base64 string, gunzipped. */
export async function embeddedWasm() {
  const { gunzipSync } = await import("node:zlib");
  const js = readFileSync(JS, "utf8");
  const m = js.match(/"([A-Za-z0-9+/=]{10000,})"/);
  if (!m) throw new Error("no embedded wasm found in the script");
  return gunzipSync(Buffer.from(m[1], "base64"));
}

/** Records Content-Security-Policy violations in every page of the context. */
export async function recordCspViolations(context) {
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.effectiveDirective} ${e.blockedURI}`), true);
  });
}

/**
 * Headless Chromium shows no print dialog, so each `print()` is recorded instead, with what it
 * would have printed: for a frame, its document, stylesheet and theme; for the page, a marker.
 */
export async function recordPrints(page) {
  await page.evaluate(() => {
    window.__printed = [];
    window.print = () => window.__printed.push({ wholePage: true });
    const frameWindow = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, "contentWindow").get;
    Object.defineProperty(HTMLIFrameElement.prototype, "contentWindow", {
      configurable: true,
      get() {
        const win = frameWindow.call(this);
        if (win) {
          win.print = () => {
            const doc = win.document;
            window.__printed.push({
              lang: doc.documentElement.lang,
              title: doc.title,
              theme: doc.documentElement.getAttribute("style") || "",
              css: doc.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join("\n"),
              body: doc.body.innerHTML,
            });
          };
        }
        return win;
      },
    });
  });
}

/**
 * Keeps a PDF in the artifacts as `name`.pdf and reads it back: its path, its text as
 * `pdftotext -layout` lays it out, and its pages as [width, height] in points (MediaBox entries).
 */
export function readPdf(pdf, name) {
  const path = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(path, pdf);
  return {
    path,
    text: execFileSync("pdftotext", ["-layout", path, "-"]).toString(),
    pages: [...pdf.toString("latin1").matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map(([, w, h]) => [+w, +h]),
  };
}
