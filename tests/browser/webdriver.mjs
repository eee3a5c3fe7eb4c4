//! A small WebDriver client for the engines playwright-core cannot drive from Debian's packages:
//! Firefox ESR (through geckodriver) and WebKit, Safari's engine (through WebKitWebDriver, under
//! a virtual display). The drivers listen on 127.0.0.1 only; the browsers load only the pages the
//! tests give them.

import { spawn } from "node:child_process";
import { mkdtempSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

/** A free port on 127.0.0.1. */
async function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The engines, with how to start each one's driver, and whether it is installed. */
export const ENGINES = [
  {
    name: "Firefox ESR",
    driver: join(process.cwd(), ".tools/bin/geckodriver"),
    command: (port) => [join(process.cwd(), ".tools/bin/geckodriver"), ["--host", "127.0.0.1", "--port", String(port)]],
    capabilities: {
      browserName: "firefox",
      "moz:firefoxOptions": {
        binary: "/usr/bin/firefox-esr",
        args: ["-headless", "-profile", mkdtempSync(join(tmpdir(), "kd-firefox-"))],
        // Nothing can leave the machine: every connection goes to a dead local proxy, and
        // Firefox's own background services are off.
        prefs: {
          "network.proxy.type": 1,
          "network.proxy.http": "127.0.0.1",
          "network.proxy.http_port": 9,
          "network.proxy.ssl": "127.0.0.1",
          "network.proxy.ssl_port": 9,
          "network.proxy.no_proxies_on": "127.0.0.1",
          "network.captive-portal-service.enabled": false,
          "network.connectivity-service.enabled": false,
          "app.update.enabled": false,
          "datareporting.policy.dataSubmissionEnabled": false,
          "toolkit.telemetry.enabled": false,
          "browser.safebrowsing.malware.enabled": false,
          "browser.safebrowsing.phishing.enabled": false,
          "browser.shell.checkDefaultBrowser": false,
          "dom.storage.default_quota": 5120,
        },
      },
    },
  },
  {
    name: "WebKit",
    driver: "/usr/bin/WebKitWebDriver",
    // WebKitGTK's MiniBrowser needs a display: a virtual one, from Debian's xvfb.
    command: (port) => ["xvfb-run", ["-a", "/usr/bin/WebKitWebDriver", `--port=${port}`]],
    capabilities: {
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": {
        binary: "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
        args: ["--automation", "--private"],
      },
    },
  },
].filter((e) => existsSync(e.driver));

/** Starts `engine`'s driver and a browser session. Returns the session's commands. */
export async function session(engine) {
  const port = await freePort();
  const [cmd, args] = engine.command(port);
  const driver = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"], detached: true });
  let log = "";
  driver.stderr.on("data", (d) => (log = (log + d).slice(-4000)));
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const res = await fetch(base + path, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (json.value && json.value.error) throw new Error(`${engine.name}: ${json.value.error}: ${json.value.message}`);
    return json.value;
  };
  // The driver takes a moment to listen.
  for (let i = 0; ; i++) {
    try {
      await call("GET", "/status");
      break;
    } catch (e) {
      if (i > 100) throw new Error(`${engine.name}: the driver did not start: ${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const created = await call("POST", "/session", { capabilities: { alwaysMatch: engine.capabilities } });
  const id = `/session/${created.sessionId}`;
  const s = {
    engine: engine.name,
    goto: (url) => call("POST", `${id}/url`, { url }),
    /** Runs `fn(...args)` in the page and returns its value (elements come back as references). */
    run: (fn, ...args) => call("POST", `${id}/execute/sync`, { script: `return (${fn}).apply(null, arguments)`, args }),
    /** Waits until `fn(...args)` in the page returns something truthy, and returns it. */
    async until(fn, ...args) {
      for (let i = 0; i < 200; i++) {
        const v = await s.run(fn, ...args);
        if (v) return v;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`${engine.name}: timed out waiting for ${String(fn).slice(0, 120)}`);
    },
    /** Types a file's path into a file input (an element reference from `run`). */
    upload: (element, path) => call("POST", `${id}/element/${element[ELEMENT]}/value`, { text: path }),
    /** A real double click on an element reference, through the input actions. */
    doubleClick: (element) =>
      call("POST", `${id}/actions`, {
        actions: [
          {
            type: "pointer",
            id: "mouse",
            parameters: { pointerType: "mouse" },
            actions: [
              { type: "pointerMove", origin: element, x: 0, y: 0 },
              { type: "pointerDown", button: 0 },
              { type: "pointerUp", button: 0 },
              { type: "pointerDown", button: 0 },
              { type: "pointerUp", button: 0 },
            ],
          },
        ],
      }),
    /** Holds `key` down for `times` key-downs (the second and later ones repeats), then lets go. */
    holdKey: (key, times) =>
      call("POST", `${id}/actions`, {
        actions: [
          {
            type: "key",
            id: "keyboard",
            actions: [...Array.from({ length: times }, () => ({ type: "keyDown", value: key })), { type: "keyUp", value: key }],
          },
        ],
      }),
    async close() {
      await call("DELETE", id).catch(() => {});
      try {
        process.kill(-driver.pid);
      } catch {
        driver.kill();
      }
    },
  };
  return s;
}
