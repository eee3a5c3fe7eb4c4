//! Where the first question's time goes: loads our benchmark page and the hand-written page
//! alternately, each in a fresh context, and marks the phases of our start-up from outside the
//! page (nothing in the shipped widget is instrumented). One more load, traced, lists the wasm
//! functions V8 compiles (on their first call) before the live widget is painted. Prints JSON:
//! { runs, ours: {phase: median ms}, floor: {...}, compiled: [[index, bytes]] }.
//!   node boot.mjs OURS.html HAND_WRITTEN.html [--runs 15]

import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { chromium } from "playwright-core";
// The browser tests' flags: Debian Chromium, no network, nothing downloaded.
import { FLAGS } from "../../tests/browser/helpers.mjs";

const [ours, floor, ...rest] = process.argv.slice(2);
const runs = Number(rest[rest.indexOf("--runs") + 1]) || 15;

// Runs in the page before its own scripts. The phases end when: the boot script has defined
// window.KintoneDiagnosis; the first question is in the DOM (the boot script puts the first
// screen rendered at build time in the page); that question is painted, as the shared harness
// defines it (the next animation frame, then one task); the module is compiled (its start-up
// waits for that frame); the wasm `mount` export is entered and returns (reading and checking
// the questionnaire, opening storage); the live widget's first question is in the DOM (yew's
// first render); and it is painted.
function marks() {
  const m = (window.__bootMarks = {});
  const now = () => performance.now();
  let api;
  Object.defineProperty(window, "KintoneDiagnosis", {
    configurable: true,
    get: () => api,
    set: (v) => {
      m.script ??= now();
      api = v;
    },
  });
  const W = WebAssembly;
  for (const k of ["compileStreaming", "compile"]) {
    const f = W[k];
    W[k] = function () {
      return f.apply(this, arguments).then((x) => ((m.compiled ??= now()), x));
    };
  }
  // The glue keeps `instance.exports`; handing it a copy whose `mount` is timed marks the mount
  // without touching the module.
  W.Instance = new Proxy(W.Instance, {
    construct(target, args, newTarget) {
      const instance = Reflect.construct(target, args, newTarget);
      const exports = Object.assign({}, instance.exports);
      const mount = exports.mount;
      if (typeof mount === "function") {
        exports.mount = function () {
          m.mountStart ??= now();
          try {
            return mount.apply(this, arguments);
          } finally {
            m.mountEnd ??= now();
          }
        };
      }
      return new Proxy(instance, { get: (t, k) => (k === "exports" ? exports : Reflect.get(t, k)) });
    },
  });
  // After the next animation frame, then one task: the harness's "painted".
  const paintedAs = (key) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (m[key] = now());
      channel.port2.postMessage(0);
    });
  const observer = new MutationObserver(() => {
    if (m.dom === undefined && document.querySelector("[data-q]")) {
      m.dom = now();
      paintedAs("painted");
    }
    // The live widget's first question: its render has replaced the one made at build time.
    if (m.live === undefined && document.querySelector(".kd:not([data-prerender]) [data-q]")) {
      m.live = now();
      paintedAs("livePainted");
    }
    if (m.live !== undefined) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

// A fresh context per load, as the shared harness does, so that no load finds another's caches.
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: FLAGS });
async function load(file, trace) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(marks);
  const page = await context.newPage();
  let cdp, events = [], traced;
  if (trace) {
    cdp = await context.newCDPSession(page);
    cdp.on("Tracing.dataCollected", (d) => events.push(...d.value));
    traced = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
    await cdp.send("Tracing.start", {
      categories: "disabled-by-default-v8.wasm.detailed",
      transferMode: "ReportEvents",
    });
  }
  await page.goto(pathToFileURL(resolve(file)).href);
  // Our page until its live widget is painted; the hand-written page has nothing to start.
  await page.waitForFunction(() => {
    const m = window.__bootMarks;
    return m.painted !== undefined && (m.livePainted !== undefined || !document.querySelector(".kd"));
  });
  const m = await page.evaluate(() => window.__bootMarks);
  if (trace) {
    await cdp.send("Tracing.end");
    await traced;
    m.compiledFunctions = events
      .filter((e) => e.name === "wasm.CompileBaseline")
      .map((e) => [e.args.funcIndex, e.args.bodySize]);
  }
  await context.close();
  return m;
}

const samples = { ours: [], floor: [] };
await load(ours); // warm-up: the first load of a browser pays for its own start
for (let i = 0; i < runs; i++) {
  samples.ours.push(await load(ours));
  samples.floor.push(await load(floor));
}
const compiled = (await load(ours, true)).compiledFunctions;
await browser.close();

const median = (xs) => {
  const s = xs.filter((x) => typeof x === "number").sort((a, b) => a - b);
  return s.length ? s[(s.length - 1) >> 1] : null;
};
const medians = (list) =>
  Object.fromEntries(
    ["script", "dom", "painted", "compiled", "mountStart", "mountEnd", "live", "livePainted"].map((k) => [k, median(list.map((m) => m[k]))])
  );
console.log(JSON.stringify({ runs, ours: medians(samples.ours), floor: medians(samples.floor), compiled }));
