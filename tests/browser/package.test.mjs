//! The release archive (`cargo xtask package`) as a web designer or an intranet administrator
//! gets it: unpacked by an independent reader (CPython's zipfile), every file listed in
//! SHA256SUMS with the right sum, the built files unchanged, a README in both languages, and the
//! demo page and the single file working from the unpacked folder over file://.

import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, rmSync, mkdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { launch, open, live, fileUrl, HTML, JS, ARTIFACTS } from "./helpers.mjs";

const PACKAGE = process.env.KD_PACKAGE || join("target/package", readdirSync("target/package").find((f) => f.endsWith(".zip")));
const OUT = resolve(ARTIFACTS, "package");

let ctx, folder;
before(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  // testzip() checks every entry's CRC; extractall unpacks as a user's unzip would.
  execFileSync("python3", ["-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; z.extractall(sys.argv[2])", PACKAGE, OUT]);
  const [top] = readdirSync(OUT);
  folder = join(OUT, top);
  ctx = await launch();
});
after(async () => ctx && ctx.close());

const sha256 = (path) => createHash("sha256").update(readFileSync(path)).digest("hex");

test("the archive holds the two files, the demo page, a README in both languages, the licence and their sums", () => {
  assert.match(PACKAGE, /kintone-diagnosis-\d+\.\d+\.\d+\.zip$/);
  const version = PACKAGE.match(/(\d+\.\d+\.\d+)\.zip$/)[1];
  assert.equal(folder.split(/[\\/]/).pop(), `kintone-diagnosis-${version}`);
  assert.deepEqual(readdirSync(folder).sort(), ["LICENSE", "README.md", "SHA256SUMS", "demo.css", "demo.html", "embed.md", "kintone-diagnosis-office.html", "kintone-diagnosis.html", "kintone-diagnosis.js", "result-event.schema.json"]);
  const sums = readFileSync(join(folder, "SHA256SUMS"), "utf8").trim().split("\n").map((l) => l.split("  "));
  assert.deepEqual(sums.map(([, name]) => name).sort(), ["LICENSE", "README.md", "demo.css", "demo.html", "embed.md", "kintone-diagnosis-office.html", "kintone-diagnosis.html", "kintone-diagnosis.js", "result-event.schema.json"]);
  for (const [sum, name] of sums) assert.equal(sha256(join(folder, name)), sum, name);
  assert.equal(sha256(join(folder, "kintone-diagnosis.html")), sha256(HTML), "the single file as built");
  assert.equal(sha256(join(folder, "kintone-diagnosis.js")), sha256(JS), "the script as built");
  const readme = readFileSync(join(folder, "README.md"), "utf8");
  assert.match(readme, new RegExp(`つまずき診断 ${version.replace(/\./g, "\\.")}`));
  assert.match(readme, /## 日本語[\s\S]*sha256sum -c SHA256SUMS[\s\S]*## English/);
  assert.doesNotMatch(readme, /\{\{/, "every placeholder filled");
  assert.match(readFileSync(join(folder, "LICENSE"), "utf8"), /^MIT License/);
  assert.match(readFileSync(join(folder, "kintone-diagnosis.js"), "utf8"), new RegExp(`^/\\*! kintone-diagnosis ${version.replace(/\./g, "\\.")} `));
});

test("unpacked, the demo page and the single file work from the folder over file://", async () => {
  for (const [name, loads] of [["demo.html", ["demo.css", "kintone-diagnosis.js"]], ["kintone-diagnosis.html", []]]) {
    const url = fileUrl(join(folder, name));
    const { page, requests, errors } = await open(ctx, url);
    await live(page);
    await page.locator('[data-role="staff"]').click();
    await page.locator("[data-q]").first().waitFor();
    assert.deepEqual(requests.filter((r) => r !== url).map((r) => r.split("/").pop()).sort(), loads, name);
    assert.deepEqual(errors, [], name);
    await page.close();
  }
});

test("unpacked, the office page opens from the folder over file:// and requests nothing", async () => {
  const url = fileUrl(join(folder, "kintone-diagnosis-office.html"));
  const { page, requests, errors } = await open(ctx, url);
  await page.locator("[data-office] [data-pick]").waitFor({ state: "attached" });
  assert.deepEqual(requests.filter((r) => r !== url), []);
  assert.deepEqual(errors, []);
  await page.close();
});
