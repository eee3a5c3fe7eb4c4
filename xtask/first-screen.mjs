//! The widget's first screen, rendered at build time: opens a page (built with an empty first
//! screen) in headless Chromium with a fresh profile, waits for the widget's own first render
//! and prints its markup, hidden and marked `data-prerender`, for xtask to put into the page.
//! The page shows it at once and the live widget replaces it (www/element.js).
//!   node xtask/first-screen.mjs PAGE.html

import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
// The browser tests' launcher: Debian Chromium, no network, a fresh profile (no saved session).
import { launch } from "../tests/browser/helpers.mjs";

const [page] = process.argv.slice(2);
if (!page) {
  console.error("usage: node xtask/first-screen.mjs PAGE.html");
  process.exit(2);
}

const context = await launch();
try {
  const tab = await context.newPage();
  const errors = [];
  tab.on("pageerror", (e) => errors.push(e.message));
  await tab.goto(pathToFileURL(resolve(page)).href);
  // The widget's root element, in the page or in its shadow root (locators pierce open ones).
  const widget = tab.locator(".kd").first();
  await widget.waitFor({ timeout: 20000 });
  // One more task: effects that run after yew's first render (notices) are part of the screen.
  await tab.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  const markup = await widget.evaluate((kd) => {
    if (kd.querySelector("[data-content-errors]")) throw new Error("the page's content does not load: " + kd.textContent);
    const copy = kd.cloneNode(true);
    copy.setAttribute("hidden", "");
    copy.setAttribute("data-prerender", "");
    // Tells a screen reader the region is still being made ready: the live widget replaces these
    // nodes with identical ones, which moves its reading position back to the top.
    copy.setAttribute("aria-busy", "true");
    // A file picked before the widget is live would go to a control that is about to vanish.
    for (const input of copy.querySelectorAll("input[type=file]")) input.setAttribute("disabled", "");
    return copy.outerHTML;
  });
  if (errors.length) throw new Error("the page reported errors: " + errors.join("; "));
  process.stdout.write(markup);
} finally {
  await context.close();
}
