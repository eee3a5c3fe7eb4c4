//! The office page in Chromium: 52 result files made by the respondent page's own export (four
//! roles, answered through the page), gathered by the picker and by a drop; per-role medians, gaps
//! and the agenda checked against values computed here from the files; small groups merged
//! (the subtraction case) and workshop mode; every refusal reason; an office file saved and
//! loaded back as last year with a reworded statement; both CSV files read as Excel would; the
//! printout read back; axe-core on every state of the page; no request made.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync, readdirSync, rmSync, truncateSync } from "node:fs";
import { join } from "node:path";
import { ARTIFACTS, launch, open, fileUrl, axe, live, screenshot, readPdf } from "./helpers.mjs";

const OFFICE = process.env.KD_OFFICE_HTML || "target/dist/kintone-diagnosis-office.html";
const RESPONDENT = process.env.KD_HTML || "target/dist/kintone-diagnosis.html";
const CONTENT = JSON.parse(readFileSync("content/kintone-municipal.json", "utf8"));
const GUIDE = JSON.parse(readFileSync("content/office-guide.json", "utf8"));
const DIR = join(ARTIFACTS, "office-results");

// Who answers: 52 people across the four roles. Each role leans its own way (managers see
// leadership as fine, promoters do not...), so that the roles disagree as they do in the seed.
const PEOPLE = [["promoter", 16], ["staff", 20], ["manager", 10], ["finance", 6]];
const LEAN = { promoter: 0.8, staff: 0.6, manager: 0.1, finance: 0.45 };

let context;
before(async () => {
  context = await launch();
});
after(async () => {
  await context.close();
});

/** A small deterministic generator (the same files on every run). */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Answers the respondent page as `role` (clicking each answer in the page, "don't know" now and
 * then) and downloads its result file through the page's own "save the result" button.
 */
async function respond(role, n) {
  const { page, errors } = await open(context, fileUrl(RESPONDENT), { init: () => localStorage.clear() });
  await live(page);
  await page.locator(`[data-role="${role}"]`).click();
  await page.locator("[data-q]").first().waitFor();
  await page.evaluate(async ({ lean, seed }) => {
    let s = seed >>> 0;
    const next = () => ((s = (s * 1664525 + 1013904223) >>> 0), s / 2 ** 32);
    const root = document.querySelector("kintone-diagnosis").shadowRoot;
    for (let screens = 0; screens < 60 && !root.querySelector("[data-result]"); screens++) {
      for (const q of root.querySelectorAll("[data-q]")) {
        const values = [...q.querySelectorAll("[data-v]")].map((e) => e.getAttribute("data-v"));
        let pick;
        if (q.getAttribute("data-q") === "office_stage") pick = q.querySelector('[data-v="trial"]');
        else if (next() < 0.06 && q.querySelector("[data-dont-know]")) pick = q.querySelector("[data-dont-know]");
        else {
          // Towards the lean's end of the scale, with some spread.
          const at = Math.min(values.length - 1, Math.max(0, Math.round(lean * (values.length - 1) + (next() - 0.5) * 1.6)));
          pick = q.querySelector(`[data-v="${values[at]}"]`);
        }
        pick.click();
      }
      root.querySelector("[data-next]").click();
      await new Promise((r) => setTimeout(r, 0));
    }
  }, { lean: LEAN[role], seed: n * 7919 + 17 });
  await page.locator("[data-result]").waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-take="json"]').click()]);
  const path = join(DIR, `${String(n).padStart(2, "0")}-${role}.json`);
  await download.saveAs(path);
  assert.deepEqual(errors, []);
  await page.close();
  return path;
}

let made = null;
/** The 52 result files, made once per run. */
async function results() {
  if (made) return made;
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  made = [];
  let n = 0;
  for (const [role, count] of PEOPLE) {
    for (let i = 0; i < count; i++) made.push(await respond(role, ++n));
  }
  return made;
}

async function openOffice(lang) {
  const opened = await open(context, fileUrl(OFFICE));
  await opened.page.locator("[data-office]").waitFor();
  if (lang === "en") await opened.page.locator('[data-lang="en"]').click();
  return opened;
}

// How the notice is put: the role of the live region it went into (always `status`: a region
// whose role changed as the news came would often be passed over), and whether it is marked as
// news of something that went wrong.
const noticeKind = (page) => page.locator("[data-notice]").evaluate((n) => [n.parentElement.getAttribute("role"), n.classList.contains("error") ? "error" : "news"]);

async function pick(page, paths) {
  await page.locator("[data-pick]").setInputFiles(paths);
  await page.locator("[data-progress]").waitFor({ state: "detached" });
  await page.locator("[data-notice]").waitFor();
}

// ----- The values the page must show, computed here from the files alone -----

const scaleOf = (qid) => {
  const q = CONTENT.questions.find((x) => x.id === qid);
  return CONTENT.scales.find((s) => s.id === q.scale);
};

/** Tukey's median, rounded half up for an even count (as the page documents). */
function median(values) {
  const v = [...values].sort((a, b) => a - b);
  const n = v.length;
  if (!n) return null;
  return n % 2 ? v[(n - 1) / 2] : Math.ceil((v[n / 2 - 1] + v[n / 2]) / 2);
}

/** Per group (a list of files), per statement: [sum of positions, respondents × steps]. */
function means(files) {
  const out = {};
  for (const q of CONTENT.questions) {
    if (q.id === CONTENT.stage_question?.id || q.id === "office_stage") continue;
    const values = scaleOf(q.id).choices.map((c) => c.value);
    let sum = 0, given = 0;
    for (const f of files) {
      const a = f.answers[q.id];
      if (a && a.choice !== undefined) {
        sum += values.indexOf(a.choice);
        given++;
      }
    }
    if (given) out[q.id] = [sum, given * (values.length - 1)];
  }
  return out;
}

/** Every statement gap between two groups: difference as a fraction, exactly over a third. */
function statementGaps(a, b) {
  const [ma, mb] = [means(a), means(b)];
  const out = [];
  for (const id of Object.keys(ma)) {
    if (!mb[id]) continue;
    const [an, ad] = ma[id], [bn, bd] = mb[id];
    const num = Math.abs(an * bd - bn * ad), den = ad * bd;
    if (num * 3 > den) out.push({ id, difference: num / den });
  }
  return out;
}

function distribution(files, qid) {
  const values = scaleOf(qid).choices.map((c) => c.value);
  const counts = values.map(() => 0);
  let dk = 0;
  for (const f of files) {
    const a = f.answers[qid];
    if (!a) continue;
    if (a.choice !== undefined) counts[values.indexOf(a.choice)]++;
    else dk++;
  }
  return { counts, dk };
}

const ja = (t) => t.ja;
const roleLabel = (id) => ja(CONTENT.roles.find((r) => r.id === id).label);

// ----- Tests -----

test("52 real results: per-role medians, gaps and the agenda match values computed from the files", async () => {
  const paths = await results();
  assert.equal(paths.length, 52);
  const files = paths.map((p) => JSON.parse(readFileSync(p, "utf8")));
  // The same hash-only Content-Security-Policy as the respondent's file: no connection possible.
  const csp = readFileSync(OFFICE, "utf8").match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)[1];
  assert.match(csp, /^default-src 'none'; script-src 'sha256-[^']+' 'wasm-unsafe-eval'; style-src 'sha256-[^']+'; img-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'$/);
  const { page, requests, errors } = await openOffice();
  assert.deepEqual(await axe(page), [], "the empty page");
  // The news of each input goes into a live region that is on the page, empty, before it (a
  // screen reader reads out what is put into a region it already knows).
  assert.equal(await page.locator("[data-office] > [role=status]").textContent(), "");

  // Half by the picker, half by a drop (a DataTransfer of the files, as a browser builds one).
  await pick(page, paths.slice(0, 26));
  assert.match(await page.locator("[data-notice]").textContent(), /26件の結果を読み込みました。/);
  const rest = paths.slice(26).map((p) => ({ name: p.split("/").pop(), text: readFileSync(p, "utf8") }));
  await page.evaluate((rest) => {
    const zone = document.querySelector("kintone-diagnosis").shadowRoot.querySelector("[data-drop]");
    const transfer = new DataTransfer();
    for (const f of rest) transfer.items.add(new File([f.text], f.name, { type: "application/json" }));
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, rest);
  await page.locator("[data-notice]", { hasText: "26件の結果を読み込みました。" }).waitFor();
  await page.locator("[data-heat]").waitFor();
  assert.match(await page.locator("[data-loaded] summary").textContent(), /52件/);
  const perRole = await page.locator("[data-per-role]").textContent();
  for (const [role, count] of PEOPLE) assert.ok(perRole.includes(`${roleLabel(role)} ${count}人`), perRole);

  // The heat-map: one column per role (all have three or more), each median as computed here.
  const headers = await page.locator("[data-heat] thead th").allTextContents();
  assert.equal(headers.length, 2 + PEOPLE.length, headers.join(" | "));
  const byRole = Object.fromEntries(PEOPLE.map(([r]) => [r, files.filter((f) => f.role === r)]));
  const contentRoles = CONTENT.roles.map((r) => r.id);
  for (const dim of CONTENT.dimensions) {
    const cells = await page.locator(`[data-heat] tr[data-dimension="${dim.id}"] td`).allTextContents();
    contentRoles.forEach((role, i) => {
      const scores = byRole[role].map((f) => f.scores.find((s) => s.dimension === dim.id).score).filter((s) => s !== null);
      const m = median(scores);
      assert.ok(cells[i].startsWith(String(m)), `${dim.id} ${role}: page ${cells[i]}, computed ${m}`);
    });
  }

  // Gaps: every one shown is a gap computed here, with the same difference; the largest first.
  const groups = contentRoles.map((r) => byRole[r]);
  const computed = [];
  for (let a = 0; a < groups.length; a++)
    for (let b = a + 1; b < groups.length; b++)
      for (const g of statementGaps(groups[a], groups[b])) computed.push({ ...g, a, b });
  assert.ok(computed.length > 5, `the roles were made to disagree: ${computed.length} gaps`);
  const shown = await page.locator("[data-gap]").evaluateAll((els) =>
    els.map((e) => ({ id: e.getAttribute("data-gap"), pct: +e.querySelector("[data-difference]").textContent.match(/\d+/)[0] })));
  assert.ok(shown.length > 0 && shown.length <= 10);
  const largest = Math.max(...computed.map((g) => g.difference));
  const statementShown = shown.filter((s) => CONTENT.questions.some((q) => q.id === s.id));
  for (const s of statementShown) {
    assert.ok(computed.some((g) => g.id === s.id && Math.round(g.difference * 100) === s.pct), `${s.id} ${s.pct}% is not a computed gap`);
  }
  assert.ok(shown[0].pct >= Math.round(largest * 100) - 0, `largest first: ${shown[0].pct} vs ${largest}`);

  // The agenda: the statements with the largest gaps, each with both roles' answers as counted here.
  const items = await page.locator("[data-agenda-item]").evaluateAll((els) =>
    els.map((e) => ({ id: e.getAttribute("data-agenda-item"), text: e.textContent })));
  assert.ok(items.length >= 1 && items.length <= 5);
  const top = [...computed].sort((x, y) => y.difference - x.difference);
  assert.equal(items[0].id, top[0].id, "the first item is the largest gap");
  for (const item of items) {
    const gap = top.find((g) => g.id === item.id);
    assert.ok(gap, `${item.id} on the agenda is a gap`);
    for (const side of [gap.a, gap.b]) {
      const d = distribution(groups[side], item.id);
      const words = scaleOf(item.id).choices.map((c, i) => `${ja(c.label)} ${d.counts[i]}`).join("・");
      // (The pair on the agenda is that statement's largest; its counts match one of the pairs.)
      if (top.find((g) => g.id === item.id) === gap) assert.ok(item.text.includes(words) || !item.text.includes(roleLabel(contentRoles[side])), `${item.id}: ${words} in ${item.text}`);
    }
    // Its opener and 手順書 step come from the guide, for the blocker the statement weighs on.
    assert.match(item.text, /ステップ[0-3]/);
    assert.ok(Object.values(GUIDE.dimensions).some((d) => item.text.includes(d.opener.ja)), item.text);
  }
  // The office plan as a roadmap along the 手順書: its four steps in order, each plan step under
  // the step the guide gives its intent (worked out here from the content and the guide), the
  // first three marked and taken from the earliest steps.
  assert.equal(await page.locator("[data-office-step] .first").count(), 3);
  assert.equal(await page.locator("[data-first-three] li").count(), 3, "the three to take first, listed before the roadmap");
  assert.ok((await page.locator("[data-owner]").count()) >= 2);
  const stages = await page.locator("[data-roadmap] > li").evaluateAll((lis) =>
    lis.map((li) => ({ id: li.dataset.stage, label: li.querySelector("h5").textContent, steps: [...li.querySelectorAll("[data-office-step]")].map((s) => ({ id: s.dataset.officeStep, first: !!s.querySelector(".first") })) })));
  assert.deepEqual(stages.map((s) => s.id), GUIDE.procedure.map((p) => p.id));
  assert.deepEqual(stages.map((s) => s.label), GUIDE.procedure.map((p) => p.label.ja));
  const familyOf = (id) => CONTENT.steps.find((s) => s.id === id).family;
  const placed = stages.flatMap((s, at) => s.steps.map((st) => ({ ...st, at })));
  assert.ok(placed.length >= 4, "the plan has steps");
  for (const st of placed) assert.equal(GUIDE.families[familyOf(st.id)], stages[st.at].id, `${st.id} under its step`);
  const firsts = placed.filter((s) => s.first).map((s) => s.at);
  assert.ok(placed.filter((s) => !s.first).every((s) => s.at >= Math.max(...firsts)), "the first three come from the earliest steps");

  assert.deepEqual(await axe(page), [], "the page with results");
  await screenshot(page, "office-52");
  // Picked again, the same files are left out as duplicates: said, not alarmed.
  await pick(page, paths.slice(0, 3));
  assert.match(await page.locator("[data-notice]").textContent(), /^新しく読み込んだ結果はありません。3件は、すでに読み込まれている結果と同じため除きました。閉じる$/);
  assert.deepEqual(await noticeKind(page), ["status", "news"]);
  assert.match(await page.locator("[data-loaded] summary").textContent(), /52件/);
  assert.deepEqual(errors, []);
  assert.deepEqual(requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:")), [], "no request");
  await page.close();
});

test("small roles are merged with the next smallest so none can be worked out; workshop mode shows each, labelled", async () => {
  const paths = await results();
  const take = (role, n) => paths.filter((p) => p.endsWith(`-${role}.json`)).slice(0, n);
  // finance 2 (too few): merged with the next smallest, manager 4, so that neither can be derived
  // by subtracting the others from the total.
  const { page } = await openOffice();
  await pick(page, [...take("promoter", 5), ...take("staff", 6), ...take("manager", 4), ...take("finance", 2)]);
  const headers = await page.locator("[data-heat] thead th").allTextContents();
  assert.deepEqual(headers.slice(1, -1), [`${roleLabel("promoter")}(5人)`, `${roleLabel("staff")}(6人)`, "その他(6人)"]);
  assert.ok(!headers.some((h) => h.includes(roleLabel("finance")) || h.includes(roleLabel("manager"))));
  assert.match(await page.locator("[data-merged-note]").textContent(), /3人未満の立場は「その他」にまとめています/);
  const csvAnswers = await download(page, '[data-csv="answers"]');
  const csvRoles = new Set(parseCsv(csvAnswers.replace(/^\ufeff/, "")).slice(1).map((r) => r[1]));
  assert.deepEqual([...csvRoles].sort(), [roleLabel("promoter"), roleLabel("staff"), "その他"].sort(), "the CSV does not undo the merging");

  await page.locator("[data-workshop]").check();
  const workshop = await page.locator("[data-heat] thead th").allTextContents();
  assert.equal(workshop.length, 6);
  assert.ok(workshop.some((h) => h.startsWith(roleLabel("finance"))));
  assert.match(await page.locator("[data-workshop-on]").textContent(), /ワークショップ表示中/);
  assert.deepEqual(await axe(page), [], "workshop mode");
  // Labelled on paper too.
  await page.emulateMedia({ media: "print" });
  const { text } = readPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }), "office-workshop");
  assert.match(text.replace(/\s+/g, ""), /ワークショップ表示中/);
  await page.close();
});

async function download(page, selector) {
  const [d] = await Promise.all([page.waitForEvent("download"), page.locator(selector).click()]);
  const path = join(ARTIFACTS, d.suggestedFilename());
  await d.saveAs(path);
  return readFileSync(path, "utf8");
}

/** RFC 4180 as Excel reads it: quoted fields with doubled quotes, CRLF between records. */
function parseCsv(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), i++;
    else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

test("every input is refused on its own with its reason; nothing loaded is lost", async () => {
  const paths = await results();
  const good = readFileSync(paths[0], "utf8");
  const file = JSON.parse(good);
  const dir = join(ARTIFACTS, "office-bad");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const bad = {
    "notes.txt": "会議メモ",
    "empty.json": "{}",
    "other.json": JSON.stringify({ ...file, content_id: "another-questionnaire" }),
    "earlier.json": JSON.stringify({ ...file, content_version: "2026.11.2" }),
    "newer.json": JSON.stringify({ ...file, format_version: 99 }),
    "edited.json": JSON.stringify({ ...file, scores: file.scores.map((s, i) => (i === 0 ? { ...s, score: s.score === 100 ? 0 : 100 } : s)) }),
    "nested.json": "[".repeat(100000) + "]".repeat(100000),
    "keys.json": good.replace('"format":', '"format": "x", "format":'),
  };
  for (const [name, text] of Object.entries(bad)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, "latin1.json"), Buffer.from([0x7b, 0x22, 0xe9, 0xff, 0x22, 0x7d]));
  writeFileSync(join(dir, "zero.json"), "");
  // Larger than any office file: a .json file is refused by its length once read, anything
  // else (a recording in a dropped folder; sparse, so the test writes nothing) by its size before.
  writeFileSync(join(dir, "huge.json"), Buffer.alloc((64 << 20) + 10, 0x20));
  writeFileSync(join(dir, "recording.mp4"), "");
  truncateSync(join(dir, "recording.mp4"), 300 << 20);
  const { page, errors } = await openOffice();
  await pick(page, paths.slice(0, 3));
  await pick(page, [paths[0], ...readdirSync(dir).sort().map((n) => join(dir, n))]);
  const reasons = Object.fromEntries(
    await page.locator("[data-refusal]").evaluateAll((els) => els.map((e) => [e.querySelector(".source").textContent, e.textContent])));
  const expect = {
    [paths[0].split("/").pop()]: /すでに読み込まれている結果と同じです\(重複\)/,
    "notes.txt": /回答者の結果ファイルではなく、結果コード\(「kd1:」で始まる文字列\)も含まれていません/,
    "empty.json": /結果ファイル・結果コード・集計ファイルではありません/,
    "other.json": /別の質問票\(another-questionnaire/,
    "earlier.json": /以前の版\(2026\.11\.2\)/,
    "newer.json": /より新しい版/,
    "edited.json": /壊れているか、書き換えられています/,
    "nested.json": /回答者の結果ファイルではなく、結果コード\(「kd1:」で始まる文字列\)も含まれていません/,
    "keys.json": /ではありません/,
    "latin1.json": /回答者の結果ファイルではなく、結果コード\(「kd1:」で始まる文字列\)も含まれていません/,
    "huge.json": /大きすぎる.*64MB/,
    "recording.mp4": /大きすぎる.*64MB/,
    "zero.json": /空のファイルです/,
  };
  for (const [name, reason] of Object.entries(expect)) assert.match(reasons[name] || "(not listed)", reason, name);
  // The duplicate is said apart from the faults, and only the faults mark the notice as an error.
  assert.match(await page.locator("[data-notice]").textContent(), /^新しく読み込んだ結果はありません。1件は、すでに読み込まれている結果と同じため除きました。12件は読み込めませんでした/);
  assert.deepEqual(await noticeKind(page), ["status", "error"]);
  assert.match(await page.locator("[data-loaded] summary").textContent(), /3件/, "what was loaded stays");
  assert.deepEqual(await axe(page), [], "with refusals listed");
  // Codes: a pasted mail with a broken one and a good one.
  await page.locator("[data-codes]").fill("こんにちは。\nkd1:kintone-municipal:broken\nよろしくお願いします。");
  await page.locator("[data-add-codes]").click();
  assert.match(await page.locator("[data-refusal]").first().textContent(), /結果コード …/);
  assert.match(await page.locator("[data-codes]").inputValue(), /broken/, "a refused code stays in the box to be mended");
  // Nothing pasted: said so, nothing refused.
  await page.locator("[data-codes]").fill("  ");
  await page.locator("[data-add-codes]").click();
  assert.match(await page.locator("[data-notice]").textContent(), /貼り付けてから/);
  assert.match(await page.locator("[data-loaded] summary").textContent(), /3件/);
  // Removing one entry keeps the others.
  await page.locator("[data-loaded] summary").click();
  await page.locator("[data-remove]").first().click();
  assert.match(await page.locator("[data-loaded] summary").textContent(), /2件/);
  assert.match(await page.locator("[data-notice]").textContent(), /集計から外しました/);
  // The last input's refusals went with its news (a duplicate names what it repeats by a place
  // in the list, which the removal moved).
  assert.equal(await page.locator("[data-refused]").count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the office file saves the set, and loaded as last year compares only statements worded the same", async () => {
  const paths = await results();
  const { page } = await openOffice();
  await pick(page, paths);
  const saved = await download(page, "[data-save-office]");
  const office = JSON.parse(saved);
  assert.equal(office.format, "kintone-diagnosis-office");
  assert.equal(office.results.length, 52);
  // Last year: the same people, one statement reworded since, and leadership seen as worse.
  const reworded = CONTENT.questions.find((q) => q.id !== "office_stage").id;
  const lastYear = {
    ...office,
    saved: "2025-12-01T10:00:00+09:00",
    statements: { ...office.statements, [reworded]: "0000000000000000" },
  };
  const lastPath = join(ARTIFACTS, "office-last-year.json");
  writeFileSync(lastPath, JSON.stringify(lastYear));
  await page.locator("[data-pick-earlier]").setInputFiles(lastPath);
  await page.locator("[data-yoy-table]").waitFor();
  assert.match(await page.locator("[data-earlier]").textContent(), /2025-12-01保存、52件/);
  assert.match(await page.locator("[data-left-out] summary").textContent(), /1件/);
  await page.locator("[data-left-out] summary").click();
  const q = CONTENT.questions.find((x) => x.id === reworded);
  assert.ok((await page.locator("[data-left-out]").textContent()).includes(ja(q.wording?.promoter ?? q.text).slice(0, 10)) || (await page.locator("[data-left-out]").textContent()).includes(ja(q.text).slice(0, 10)));
  // The same answers both years: n per year shown, and no change is called one.
  const trends = await page.locator("[data-trend]").evaluateAll((els) => els.map((e) => e.getAttribute("data-trend")));
  assert.equal(trends.length, CONTENT.dimensions.length * 4);
  assert.ok(trends.every((t) => t === "unclear"), trends.join());
  assert.match(await page.locator("[data-change]").first().textContent(), /人\)/);
  assert.deepEqual(await axe(page), [], "year on year");

  // Opened again in a fresh page, the office file brings back all 52.
  const { page: again } = await openOffice();
  await pick(again, [join(ARTIFACTS, `kintone-diagnosis-office-${office.saved.slice(0, 10)}.json`)]);
  assert.match(await again.locator("[data-loaded] summary").textContent(), /52件/);
  await again.close();
  await page.close();
});

test("CSV for Excel (BOM, CRLF, quoting, Japanese) and the A4 printout read back", async () => {
  const paths = await results();
  const { page } = await openOffice();
  await pick(page, paths);
  const [d] = await Promise.all([page.waitForEvent("download"), page.locator('[data-csv="answers"]').click()]);
  const path = join(ARTIFACTS, d.suggestedFilename());
  await d.saveAs(path);
  const bytes = readFileSync(path);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 byte-order mark");
  const text = bytes.subarray(3).toString("utf8");
  assert.ok(text.includes("\r\n") && !/[^\r]\n/.test(text), "CRLF line ends only");
  const rows = parseCsv(text);
  assert.deepEqual(rows[0], ["回答者", "立場", "段階", "作成日時", "項目ID", "項目", "回答"]);
  const files = paths.map((p) => JSON.parse(readFileSync(p, "utf8")));
  const answered = files.reduce((n, f) => n + Object.keys(f.answers).filter((k) => k !== "office_stage").length, 0);
  assert.equal(rows.length - 1, answered, "one row per respondent and statement answered");
  assert.ok(rows.slice(1).every((r) => r.length === 7));
  assert.ok(rows.some((r) => r[1] === roleLabel("finance") && /[ぁ-ん]/.test(r[5])), "Japanese intact");
  const summary = parseCsv((await download(page, '[data-csv="summary"]')).replace(/^\ufeff/, ""));
  assert.equal(summary.length - 1, 4 * CONTENT.dimensions.length);
  assert.equal(summary[0][0], "立場");

  await page.emulateMedia({ media: "print" });
  const { text: printed, pages } = readPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }), "office-print");
  const flat = printed.replace(/\s+/g, "");
  for (const heading of ["2.立場ごとの傾向", "成熟度(各立場の中央値", "3.立場による受け止めの違い", "4.話し合いの議題", "庁内の取組計画"]) {
    assert.ok(flat.includes(heading), `${heading} on paper`);
  }
  assert.ok(!flat.includes("1.結果を集める"), "the gathering controls stay off paper");
  assert.ok(pages.every(([w, h]) => Math.abs(w - 595.3) < 2 && Math.abs(h - 841.9) < 2), "A4");
  await page.close();
});

test("in English, and keyboard only: pick, workshop, outputs reachable with visible labels", async () => {
  const paths = await results();
  const { page } = await openOffice("en");
  assert.match(await page.locator("h2").first().textContent(), /Office summary/);
  await pick(page, paths.slice(0, 12));
  assert.match(await page.locator("[data-notice]").textContent(), /12 result\(s\) loaded/);
  assert.match(await page.locator("[data-gather]").textContent(), /Gather results/);
  await page.locator("[data-workshop]").focus();
  await page.keyboard.press("Space");
  await page.locator("[data-workshop-on]").waitFor();
  assert.deepEqual(await axe(page), [], "English");
  await page.close();
});

test("a button that takes itself away leaves the keyboard user's focus nearby, not at the top of the page", async () => {
  const paths = await results();
  const { page, errors } = await openOffice();
  const focused = () =>
    page.evaluate(() => {
      const el = document.querySelector("kintone-diagnosis").shadowRoot.activeElement;
      return el ? el.tagName.toLowerCase() + [...el.attributes].filter((a) => a.name.startsWith("data-")).map((a) => `[${a.name}]`).join("") : "(lost)";
    });
  await pick(page, paths);
  // Once the findings (rendered in the tasks after the first view) are on the page.
  await page.locator("[data-agenda-item]").first().waitFor();
  // The notice closed from the keyboard: focus goes to the picker below it.
  await page.locator("[data-notice] button").focus();
  await page.keyboard.press("Enter");
  await page.locator("[data-notice]").waitFor({ state: "detached" });
  assert.equal(await focused(), "input[data-pick]");
  // The list opened from the keyboard, then its last page: 「次の50件」 goes away, focus to 「前の50件」.
  await page.locator("[data-loaded] summary").focus();
  await page.keyboard.press("Enter");
  await page.locator("[data-page-next]").focus();
  await page.keyboard.press("Enter");
  await page.locator("[data-page-next][disabled]").waitFor();
  assert.equal(await focused(), "button[data-page-previous]");
  // The last row of the last page removed: its page is gone, focus to the list's summary.
  while ((await page.locator("[data-remove]").count()) > 0 && (await page.locator("[data-page-next][disabled]").count()) > 0) {
    const rows = await page.locator("[data-remove]").count();
    await page.locator("[data-remove]").last().focus();
    await page.keyboard.press("Enter");
    if (rows === 1) break;
  }
  assert.equal(await focused(), "summary", "focus on the list's summary after its page went away");
  assert.deepEqual(errors, []);
  await page.close();
});

test("files added while others are still being read are not taken, and the page says so; focus stays on the picker", async () => {
  const paths = await results();
  // Eight copies of every result (under other names): slow enough to drop into while read.
  const dir = join(ARTIFACTS, "office-many");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const many = [];
  for (let i = 0; i < 8; i++) {
    for (const p of paths) {
      const to = join(dir, `${i}-${p.split("/").pop()}`);
      copyFileSync(p, to);
      many.push(to);
    }
  }
  const { page, errors } = await openOffice();
  await page.locator("[data-pick]").focus();
  await page.locator("[data-pick]").setInputFiles(many);
  // A result not yet loaded (another time of making): taken, were it not dropped too early.
  const late = readFileSync(paths[0], "utf8").replace(/"created":\s*"[^"]*"/, '"created": "2026-01-01T00:00:00+09:00"');
  const dropped = await page.evaluate((late) => {
    const root = document.querySelector("kintone-diagnosis").shadowRoot;
    if (!root.querySelector("[data-progress]")) return false;
    const transfer = new DataTransfer();
    transfer.items.add(new File([late], "late.json", { type: "application/json" }));
    root.querySelector("[data-drop]").dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    return true;
  }, late);
  assert.ok(dropped, "the drop came while the files were being read");
  assert.match(await page.locator("[data-notice]").textContent(), /読み込んでいる間に加えたファイルは、読み込んでいません/);
  await page.locator("[data-progress]").waitFor({ state: "detached" });
  // The reading's own news, and the missed drop said again with it, marked as an error.
  const notice = await page.locator("[data-notice]").textContent();
  assert.match(notice, new RegExp(`${paths.length}件の結果を読み込みました。${many.length - paths.length}件は、すでに`));
  assert.match(notice, /読み込んでいる間に加えたファイルは、読み込んでいません。読み込みが終わってから、もう一度加えてください。/);
  assert.deepEqual(await noticeKind(page), ["status", "error"]);
  assert.match(await page.locator("[data-loaded] summary").textContent(), new RegExp(`${paths.length}件`), "the drop added nothing");
  const focused = await page.evaluate(() => document.querySelector("kintone-diagnosis").shadowRoot.activeElement?.hasAttribute("data-pick"));
  assert.equal(focused, true, "focus stays on the picker (it is marked busy, not disabled, while files are read)");
  // Dropped again once the reading is over, the same file is taken.
  await page.evaluate((late) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([late], "late.json", { type: "application/json" }));
    const root = document.querySelector("kintone-diagnosis").shadowRoot;
    root.querySelector("[data-drop]").dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, late);
  await page.locator("[data-notice]", { hasText: "1件の結果を読み込みました。" }).waitFor();
  assert.match(await page.locator("[data-loaded] summary").textContent(), new RegExp(`${paths.length + 1}件`));
  // Read again (all of them loaded already): what was shown stays on the page while they are read.
  const perRole = await page.locator("[data-per-role]").textContent();
  await page.locator("[data-pick]").setInputFiles(many);
  const meanwhile = await page.evaluate(() => {
    const root = document.querySelector("kintone-diagnosis").shadowRoot;
    return root.querySelector("[data-progress]") && root.querySelector("[data-per-role]")?.textContent;
  });
  assert.equal(meanwhile, perRole, "the summary stays while files are read");
  await page.locator("[data-progress]").waitFor({ state: "detached" });
  assert.match(await page.locator("[data-notice]").textContent(), new RegExp(`新しく読み込んだ結果はありません。${many.length}件は、すでに`));
  assert.equal(await page.locator("[data-per-role]").textContent(), perRole);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the respondent hands over a result code; pasted with a mail around it, the office page loads it", async () => {
  // The clipboard, recorded (file:// is a secure context: the widget uses the Clipboard API).
  const init = () => {
    localStorage.clear();
    window.__clip = [];
    navigator.clipboard.writeText = (text) => (window.__clip.push(text), Promise.resolve());
  };
  const { page, errors } = await open(context, fileUrl(RESPONDENT), { init });
  await live(page);
  await page.locator('[data-role="finance"]').click();
  await page.locator("[data-q]").first().waitFor();
  await page.evaluate(async () => {
    const root = document.querySelector("kintone-diagnosis").shadowRoot;
    for (let s = 0; s < 60 && !root.querySelector("[data-result]"); s++) {
      for (const q of root.querySelectorAll("[data-q]")) (q.querySelector('[data-v="trial"]') || q.querySelectorAll("[data-v]")[1]).click();
      root.querySelector("[data-next]").click();
      await new Promise((r) => setTimeout(r, 0));
    }
  });
  const handOver = await page.locator("[data-hand-over]").textContent();
  assert.match(handOver, /結果コード/);
  assert.match(handOver, /庁内集計ページ.*予算要求の説明資料などの下書き/, "the result points to the drafts in one sentence");
  // Its news goes into a live region that was on the page, empty, before it.
  assert.equal(await page.locator(".kd > [role=status]").textContent(), "");
  await page.locator('[data-take="code"]').click();
  assert.match(await page.locator(".kd > [role=status] > [data-notice]").textContent(), /結果コードをコピーしました/);
  await page.locator('[data-take="copy"]').click();
  const [code, summary] = await page.evaluate(() => window.__clip);
  assert.match(code, /^kd1:kintone-municipal:[\d.]+:[0-9a-f]{16}:\d{8}:finance:[-x1-9a-z]+:[0-9a-f]{16}$/);
  assert.ok(summary.trimEnd().endsWith(code), "the copied summary ends with the same code");
  assert.deepEqual(errors, []);
  await page.close();

  const { page: office } = await openOffice();
  // As a mail program sends it: wrapped at 76 characters, with greetings around it.
  const wrapped = code.match(/.{1,76}/g).join("\n");
  await office.locator("[data-codes]").fill(`財政課の田中です。\n結果コードを送ります。\n${wrapped}\nよろしくお願いします。`);
  await office.locator("[data-add-codes]").click();
  assert.match(await office.locator("[data-notice]").textContent(), /1件の結果を読み込みました。/);
  assert.match(await office.locator("[data-per-role]").textContent(), new RegExp(`${roleLabel("finance")} 1人`));
  // The summary pasted too: the same result, refused as a duplicate.
  await office.locator("[data-codes]").fill(summary);
  await office.locator("[data-add-codes]").click();
  assert.match(await office.locator("[data-refusal]").textContent(), /重複/);
  await office.close();

  // The mail saved as a text file, in Shift_JIS (bytes that are not UTF-8: 「財政課です」) and
  // in UTF-8: the page reads files as bytes, and finds the code in either.
  const dir = join(ARTIFACTS, "office-mails");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const sjis = Buffer.from([0x8d, 0xe0, 0x90, 0xad, 0x89, 0xdb, 0x82, 0xc5, 0x82, 0xb7]);
  writeFileSync(join(dir, "mail-sjis.txt"), Buffer.concat([sjis, Buffer.from(`\r\n${wrapped.replace(/\n/g, "\r\n")}\r\n`), sjis]));
  writeFileSync(join(dir, "mail-utf8.txt"), `財政課です。\n${wrapped}\n`);
  const { page: again, errors: againErrors } = await openOffice();
  await pick(again, [join(dir, "mail-sjis.txt")]);
  assert.match(await again.locator("[data-notice]").textContent(), /1件の結果を読み込みました。/);
  assert.match(await again.locator("[data-per-role]").textContent(), new RegExp(`${roleLabel("finance")} 1人`));
  await pick(again, [join(dir, "mail-utf8.txt")]);
  assert.match(await again.locator("[data-refusal]").textContent(), /重複/);
  assert.deepEqual(againErrors, []);
  await again.close();
});
