//! Questionnaires for the benchmark pages, in the widget's content format, printed as JSON:
//!   node contents.mjs peer PEERS_DIR   the peers' exact questionnaire (7 sections x 4 five-point
//!                                      statements, from PEERS_DIR/src/questions.mjs)
//!   node contents.mjs stress           2,000 statements in one section (the widget shows them in
//!                                      parts of 50), for the per-click timing

import { pathToFileURL } from "node:url";
import { join, resolve } from "node:path";

const T = (ja, en) => ({ ja, en: en ?? ja });
const base = (id) => ({
  format_version: 1,
  id,
  content_version: "bench",
  languages: ["ja", "en"],
  title: T("ベンチマーク", "Benchmark"),
  intro: T("ベンチマーク用の設問です。", "Benchmark questions."),
  groups: [{ id: "g", label: T("分野", "Areas") }],
  bands: [
    { id: "low", min: 0, label: T("低", "Low") },
    { id: "moderate", min: 35, label: T("中", "Moderate") },
    { id: "high", min: 60, label: T("高", "High") },
  ],
  min_answers: 1,
  primary_margin: 5,
  max_primary: 3,
});

// Value v (1..5) weighs v-1 towards its section's dimension, so a dimension's score is
// 100 * (sum - 4) / 16 for four answers: the peers' section sum, rescaled to 0-100.
const choices = (dim) => [1, 2, 3, 4, 5].map((v) => ({ value: String(v), weights: { [dim]: v - 1 } }));

async function peer(dir) {
  const { TITLE, DESCRIPTION, SCALE, SECTIONS } = await import(pathToFileURL(resolve(join(dir, "src/questions.mjs"))).href);
  const c = base("peer-benchmark");
  c.title = T(TITLE);
  c.intro = T(DESCRIPTION);
  c.scales = [{ id: "likert5", choices: SCALE.map((label, i) => ({ value: String(i + 1), label: T(label) })) }];
  // Dimension ids "1".."7" match the harness's [data-score="1".."7"] lookups.
  c.dimensions = SECTIONS.map((s, i) => ({ id: String(i + 1), group: "g", label: T(s.title), summary: T(s.title) }));
  c.sections = SECTIONS.map((s, i) => ({ id: `s${i + 1}`, title: T(`${i + 1}. ${s.title}`) }));
  let n = 0;
  c.questions = SECTIONS.flatMap((s, i) =>
    s.items.map((text) => ({ id: `q${++n}`, section: `s${i + 1}`, text: T(text), scale: "likert5", dont_know: false, choices: choices(String(i + 1)) }))
  );
  return c;
}

function stress() {
  const c = base("stress-2000");
  c.scales = [{ id: "agree5", choices: [1, 2, 3, 4, 5].map((v) => ({ value: String(v), label: T(`選択肢${v}`, `Choice ${v}`) })) }];
  c.dimensions = [1, 2, 3, 4, 5].map((d) => ({ id: `d${d}`, group: "g", label: T(`要因${d}`, `Factor ${d}`), summary: T(`要因${d}`, `Factor ${d}`) }));
  c.sections = [{ id: "all", title: T("2000問", "2,000 statements") }];
  c.questions = Array.from({ length: 2000 }, (_, i) => ({
    id: `q${i + 1}`,
    section: "all",
    text: T(`設問${i + 1}: 業務の手順が文書化されている。`, `Statement ${i + 1}: the procedure is documented.`),
    scale: "agree5",
    dont_know: false,
    choices: choices(`d${(i % 5) + 1}`),
  }));
  return c;
}

const [mode, dir] = process.argv.slice(2);
const content = mode === "peer" ? await peer(dir) : mode === "stress" ? stress() : null;
if (!content) {
  console.error("usage: node contents.mjs peer PEERS_DIR | stress");
  process.exit(2);
}
process.stdout.write(JSON.stringify(content));
