//! The hostile-input catalogue, one case a line, shared by the Chromium suite
//! (hostile.test.mjs) and the Firefox ESR and WebKit one (engines.test.mjs): crafted result
//! files, whatever may sit under the widget's storage key, broken or crafted questionnaires,
//! and odd or hostile attributes. Each case names what the widget must say.

export const RESULT_FILES = [
  // [name, body (text, or a function of a real result file's object), the message expected]
  ["empty", "", /読み込めませんでした/],
  ["null", "null", /結果ファイルでも途中の回答のファイルでもありません/],
  ["a list", "[]", /結果ファイルでも途中の回答のファイルでもありません/],
  ["an empty object", "{}", /結果ファイルでも途中の回答のファイルでもありません/],
  ["binary", "\x89PNG\r\n\x1a\n\0\0\0IHDR", /読み込めませんでした/],
  ["Markdown picked by mistake", "# kintone導入 つまずき診断\n\n- 日付: 2026-11-30", /読み込めませんでした/],
  ["HTML", "<script>window.__pwned = 1</script><img src=x onerror=window.__pwned=1>", /読み込めませんでした/],
  ["a fraction", (f) => JSON.stringify(f).replace(/"score":(\d+)/, '"score":$1.5'), /読み込めませんでした/],
  ["a lone surrogate", (f) => JSON.stringify(f).replace('"lang":"ja"', '"lang":"\\ud800"'), /読み込めませんでした/],
  ["a control character", (f) => JSON.stringify(f).replace('"lang":"ja"', '"lang":"j\u0001a"'), /読み込めませんでした/],
  ["cut in half", (f) => JSON.stringify(f).slice(0, 300), /読み込めませんでした/],
  ["nested 100,000 deep", "[".repeat(100000) + "]".repeat(100000), /読み込めませんでした/],
  ["10 MB of spaces", " ".repeat(10 << 20), /大きすぎる/],
  ["a repeated key", (f) => JSON.stringify(f).replace('"lang":"ja"', '"lang":"ja","lang":"en"'), /結果ファイルでも途中の回答のファイルでもありません/],
  ["6,000 answers", (f) => JSON.stringify({ ...f, answers: Object.fromEntries(Array.from({ length: 6000 }, (_, i) => ["q" + i, "dont_know"])) }), /結果ファイルでも途中の回答のファイルでもありません/],
  ["a saved session", (f) => JSON.stringify({ ...f, format: "kintone-diagnosis-session" }), /結果ファイルでも途中の回答のファイルでもありません/],
  ["a newer layout", (f) => JSON.stringify({ ...f, format_version: 99 }), /新しい版で作られたファイル/],
  ["layout 0", (f) => JSON.stringify({ ...f, format_version: 0 }), /結果ファイルでも途中の回答のファイルでもありません/],
  ["another questionnaire", (f) => JSON.stringify({ ...f, content_id: "another" }), /別の設問データ/],
  ["markup as the questionnaire's id", (f) => JSON.stringify({ ...f, content_id: "<img src=x onerror=window.__pwned=1>" }), /別の設問データ\(<img src=x/],
  ["a changed fingerprint", (f) => JSON.stringify({ ...f, fingerprint: "0000000000000000" }), /別の設問データ/],
  ["an unknown statement", (f) => JSON.stringify({ ...f, answers: { ...f.answers, no_such_statement: { choice: "1" } } }), /編集されたか壊れている/],
  ["a value the scale lacks", (f) => JSON.stringify({ ...f, answers: { ...f.answers, lead_used_tool: { choice: "9" } } }), /編集されたか壊れている/],
  ["an unknown role", (f) => JSON.stringify({ ...f, role: "mayor" }), /編集されたか壊れている/],
  ["a score of 101", (f) => JSON.stringify({ ...f, scores: f.scores.map((s) => ({ ...s, score: 101 })) }), /編集されたか壊れている/],
  ["another plan", (f) => JSON.stringify({ ...f, plan: [...f.plan].reverse().concat(f.plan.slice(0, 1)) }), /編集されたか壊れている/],
  ["an unknown checklist item", (f) => JSON.stringify({ ...f, ticked: ["no_such_item"] }), /編集されたか壊れている/],
  ["a material both there and missing", (f) => JSON.stringify({ ...f, ticked: ["security"], lacking: ["security"] }), /編集されたか壊れている/],
  ["an unknown material missing", (f) => JSON.stringify({ ...f, lacking: ["no_such_item"] }), /編集されたか壊れている/],
  ["materials of the wrong kind", (f) => JSON.stringify({ ...f, unsure: "security" }), /結果ファイルでも途中の回答のファイルでもありません/],
  ["an earlier version of this questionnaire", (f) => JSON.stringify({ ...f, content_version: "2026.11.2" }), /以前の版の設問\(版 2026\.11\.2\)で作られました/],
  ["a later version of this questionnaire", (f) => JSON.stringify({ ...f, content_version: "2999.1.1" }), /新しい版で作られたファイル/],
  ["a negative score", (f) => JSON.stringify({ ...f, scores: f.scores.map((s) => ({ ...s, score: -1 })) }), /結果ファイルでも途中の回答のファイルでもありません/],
];

export const SAVED_VALUES = [
  // [name, the saved value (text, or a function of a real saved session's object), the message]
  ["empty", "", /壊れていた/],
  ["null", "null", /壊れていた/],
  ["not JSON", "{not json", /壊れていた/],
  ["a number", "42", /壊れていた/],
  ["another program's data", '{"theme":"dark"}', /壊れていた/],
  ["another questionnaire's session", (s) => JSON.stringify({ ...s, content_id: "another" }), /壊れていた/],
  ["an unknown statement", (s) => JSON.stringify({ ...s, answers: { ...s.answers, nope: "dont_know" } }), /壊れていた/],
  ["a screen that does not exist", (s) => JSON.stringify({ ...s, screen: { section: 999 } }), /壊れていた/],
  ["an unknown role", (s) => JSON.stringify({ ...s, role: "mayor" }), /壊れていた/],
  ["6,000 answers", (s) => JSON.stringify({ ...s, answers: Object.fromEntries(Array.from({ length: 6000 }, (_, i) => ["q" + i, "dont_know"])) }), /壊れていた/],
  ["2 MB", (s) => JSON.stringify({ ...s, padding: "x".repeat(2 << 20) }), /壊れていた/],
  ["an older questionnaire", (s) => JSON.stringify({ ...s, content_version: "2024.1.1" }), /以前の版の設問\(版 2024\.1\.1\)/],
  ["a newer questionnaire", (s) => JSON.stringify({ ...s, content_version: "2027.1.1" }), /新しい版\(版 2027\.1\.1\)/],
  ["a newer layout", (s) => JSON.stringify({ ...s, format_version: 7 }), /この診断の新しい版で保存された回答があります/],
  ["an edited questionnaire of this version", (s) => JSON.stringify({ ...s, fingerprint: "0000000000000000" }), /内容の異なる設問で保存されていた/],
];

export const QUESTIONNAIRES = [
  // [name, the content option, what the list of problems must say]
  ["not JSON", "{", /JSON: line 1, column 2/],
  ["an empty object", "{}", /format_version/],
  ["a list", "[]", /expected an object/],
  ["a misspelt field", (q) => ({ ...q, titel: q.title }), /titel: unknown field/],
  ["a text where a number belongs", (q) => ({ ...q, min_answers: "2" }), /min_answers: expected a whole number/],
  ["a weight of 99", (q) => ({ ...q, questions: q.questions.map((x, i) => (i ? x : { ...x, choices: x.choices.map((c) => ({ ...c, weights: { speed: 99 } })) })) }), /outside 0 to 10/],
  ["a missing translation", (q) => ({ ...q, title: { ja: q.title.ja } }), /title\.en: missing translation/],
  ["an id as long as a file", (q) => ({ ...q, id: "x".repeat(300000) }), /id: longer than 64 characters/],
  ["a statement id as long as a file", (q) => ({ ...q, questions: q.questions.map((x, i) => (i ? x : { ...x, id: "q".repeat(300000) })) }), /questions\[0\]\.id: longer than 64/],
  ["a repeated key", '{"id":"a","id":"b"}', /id: appears twice/],
  ["markup in a text", (q) => ({ ...q, title: { ja: "<img src=x onerror=window.__pwned=1>", en: "x" } }), null],
];

export const HOST_OPTIONS = [
  // [attributes, what must hold]
  ['contact-href="javascript:window.__pwned=1" contact-label="相談"', "no link"],
  ['contact-href="data:text/html,hi" contact-label="相談"', "no link"],
  ['contact-href="vbscript:x"', "no link"],
  ['lang="fr"', "a language it has"],
  ['lang="EN-us"', "English"],
  ['start="QUESTIONS"', "the introduction"],
  ['storage="no"', "nothing saved"],
  ['storage=""', "nothing saved"],
];
