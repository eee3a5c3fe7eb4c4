//! Privacy you can verify: what the shipped code could call, the single file's CSP, and what the
//! browser itself recorded.

import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, open, fileUrl, completeDiagnosis, embeddedWasm, recordCspViolations, recordPrints, HTML, JS } from "./helpers.mjs";

// What would let answers leave the device: network APIs, and ways to load more code.
const NETWORK = /fetch|xmlhttprequest|sendbeacon|websocket|eventsource|rtcpeerconnection|importscripts|worker|^open$|instantiatestreaming/i;

test("the wasm module imports no network API", async () => {
  const module = new WebAssembly.Module(await embeddedWasm());
  const imports = WebAssembly.Module.imports(module).map((i) => i.name.replace(/^__wbg_/, "").replace(/_[0-9a-f]{16}$/, ""));
  assert.ok(imports.length > 50, "the imports were read");
  assert.ok(imports.includes("getItem") && imports.includes("createElement"), "they are the DOM and storage calls");
  assert.deepEqual(imports.filter((n) => NETWORK.test(n)), []);
});

test("the page's own scripts call no network API and never load the wasm from a URL", () => {
  for (const file of [JS, HTML]) {
    const text = readFileSync(file, "utf8");
    for (const api of ["fetch(", "XMLHttpRequest", "sendBeacon", "WebSocket", "EventSource", "RTCPeerConnection", "importScripts", "instantiateStreaming", "import(", "new Worker"]) {
      assert.ok(!text.includes(api), `${file} mentions ${api}`);
    }
    assert.ok(text.includes('new DecompressionStream("gzip")') && text.includes("WebAssembly.compile("), "the wasm is compiled from the bytes inside the file");
    // What a reviewer opening the file reads first survives minifying; the source's file headers do not ship.
    assert.match(text, /\/\*! kintone-diagnosis [^*]*makes no network requests\. \*\//);
    assert.ok(!/^\/\/!/m.test(text), `${file} carries the source's //! header comments`);
  }
});

test("the single file carries a hash-only Content-Security-Policy that forbids connections", () => {
  const html = readFileSync(HTML, "utf8");
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)[1];
  const directives = Object.fromEntries(csp.split(/;\s*/).map((d) => { const [k, ...v] = d.trim().split(/\s+/); return [k, v]; }));
  assert.deepEqual(directives["default-src"], ["'none'"]);
  assert.deepEqual(directives["connect-src"], ["'none'"]);
  assert.deepEqual(directives["form-action"], ["'none'"]);
  assert.equal(directives["script-src"].length, 2);
  assert.match(directives["script-src"][0], /^'sha256-[A-Za-z0-9+/]+=*'$/);
  assert.equal(directives["script-src"][1], "'wasm-unsafe-eval'");
  assert.ok(!csp.includes("unsafe-inline") && !csp.includes("'unsafe-eval'"), csp);
});

let ctx;
before(async () => {
  ctx = await launch();
  await recordCspViolations(ctx);
});
after(async () => ctx && ctx.close());

test("from file://, the CSP allows everything the widget does, and the privacy panel shows what a security officer needs", async () => {
  const url = fileUrl(HTML);
  const { page, requests, errors } = await open(ctx, url);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await completeDiagnosis(page, "finance", (_, i) => String((i % 4) + 1));
  await page.locator("[data-privacy] summary").click();
  const panel = await page.locator("[data-privacy]").textContent();
  assert.match(panel, /kintone-diagnosis:default:kintone-municipal/, "the storage key");
  const shipped = JSON.parse(readFileSync("content/kintone-municipal.json", "utf8"));
  assert.ok(panel.includes(`設問データの版: ${shipped.content_version}`), "the content version");
  assert.match(panel, /識別値 [0-9a-f]{16}/, "the fingerprint");
  assert.match(panel, /外部への通信は一度も行われていません/, "no request, from resource timing");
  assert.equal(await page.locator("[data-privacy] [data-requests]").getAttribute("data-requests"), "0");
  assert.ok(await page.locator("[data-erase]").isVisible(), "how to erase");
  // Printing builds a frame of its own (about:blank, a constructed stylesheet): the CSP allows it.
  await recordPrints(page);
  await page.locator('[data-take="print"]').click();
  const printed = await page.evaluate(() => window.__printed);
  assert.ok(printed.length === 1 && !printed[0].wholePage && printed[0].body.includes("主な要因"), "the report printed from its frame");
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual([...new Set(requests)], [url]);
  assert.deepEqual(errors, []);
  await page.close();
});
