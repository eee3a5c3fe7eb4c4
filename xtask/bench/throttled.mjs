//! Runs the shared harness (`measure.mjs`, unchanged) with every page's CPU slowed down, as on
//! the old PCs of a municipal office: DevTools' CPU throttling (`Emulation.setCPUThrottlingRate`)
//! is applied to each page the harness opens, through the harness's own copy of playwright-core.
//!   node throttled.mjs RATE PEERS_DIR [measure.mjs arguments...]

import { pathToFileURL } from "node:url";
import { join, resolve } from "node:path";

const [rate, peers, ...args] = process.argv.slice(2);
const dir = resolve(peers);
// The very module instance the harness imports (resolved from its own node_modules).
const { chromium } = await import(pathToFileURL(join(dir, "node_modules/playwright-core/index.mjs")).href);
const launch = chromium.launch.bind(chromium);
chromium.launch = async (...a) => {
  const browser = await launch(...a);
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...o) => {
    const context = await newContext(...o);
    const newPage = context.newPage.bind(context);
    context.newPage = async () => {
      const page = await newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: Number(rate) });
      return page;
    };
    return context;
  };
  return browser;
};
process.argv = [process.argv[0], join(dir, "measure.mjs"), ...args];
await import(pathToFileURL(join(dir, "measure.mjs")).href);
