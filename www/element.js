//! Boot code of the embeddable script: instantiates the wasm from the bytes inside this file
//! (never from a URL), defines <kintone-diagnosis>, and offers window.KintoneDiagnosis.mount().
//! xtask places it after wasm-bindgen's glue, inside one closure, and fills in __KD_WASM__
//! (the wasm, compressed, in base64; __KD_WASM_PACKING__ says how), __KD_CSS__ (www/widget.css) and __KD_CONTRACT__ (the
//! names this script and the wasm share, defined once in src/contract.rs).

const WASM_BASE64 = "__KD_WASM__";
// How the module above is packed: "gzip" (inflated by the browser, streamed into the compiler) or
// "lzma" (the office page: decoded by www/lzma.js, appended to its bundle).
const WASM_PACKING = "__KD_WASM_PACKING__";
// The widget's stylesheet. Here rather than in the wasm so that a first screen rendered at build
// time is styled before the module has compiled, and so that the print frame needs no wasm call.
const STYLE = "__KD_CSS__";
// Every name this script shares with the wasm (options, data attributes, classes, the storage key
// format): defined once in src/contract.rs, written here by the packer. Never spell one out.
const CONTRACT = "__KD_CONTRACT__";
const OPT = CONTRACT.option;
let starting = null; // the one start-up, shared by every instance
let sheet = null; // the widget's constructed stylesheet, shared by every instance
let instances = 0;
// Namespaces in use on this page, and the element holding each, so that instances stay
// independent while an element replaced by a single-page app finds its saved session again.
const storageKeys = new Map();

// Inflates the embedded module with the browser's own gzip decoder and compiles it off the main
// thread. Resolves once the widget can mount; rejects with the reason it cannot.
function start() {
  if (starting === null) {
    starting = (async () => {
      if ((WASM_PACKING === "gzip" && typeof DecompressionStream !== "function") || typeof WebAssembly !== "object") {
        throw new Error("DecompressionStream / WebAssembly unavailable");
      }
      // Every text between the page and the module passes through these (the glue builds them
      // guarded: null where the page has none that works).
      if (cachedTextDecoder === null || typeof cachedTextEncoder.encode !== "function") {
        throw new Error("TextDecoder / TextEncoder unavailable");
      }
      // The browser's own base64 decoder where it has one; a loop over atob elsewhere.
      let packed;
      if (typeof Uint8Array.fromBase64 === "function") {
        packed = Uint8Array.fromBase64(WASM_BASE64);
      } else {
        const bin = atob(WASM_BASE64);
        packed = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) packed[i] = bin.charCodeAt(i);
      }
      let module;
      if (WASM_PACKING === "lzma") {
        module = await WebAssembly.compile(lzma(packed));
      } else {
        // One stream from the bytes in memory through the gzip decoder into the compiler, so the
        // module compiles while it inflates (measured: 38 ms -> 9 ms on a 2-core PC, against
        // inflating in full first). A Response over an in-memory stream is not a request.
        const inflated = new Response(packed).body.pipeThrough(new DecompressionStream("gzip"));
        const wasm = { headers: { "content-type": "application/wasm" } };
        module =
          typeof WebAssembly.compileStreaming === "function"
            ? await WebAssembly.compileStreaming(new Response(inflated, wasm))
            : await WebAssembly.compile(await new Response(inflated).arrayBuffer());
      }
      initSync({ module });
    })();
  }
  return starting;
}

// Adopts the widget's stylesheet into `styleRoot` (the shadow root, or the document for a
// light-DOM mount). A constructed stylesheet is not an inline style: the host's CSP needs no
// style-src for it. Throws where the browser has no constructable stylesheets.
function adoptStyle(styleRoot) {
  if (sheet === null) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
  }
  // A plain loop: a host's replaced Array.prototype.includes must not leave the widget unstyled.
  const adopted = styleRoot.adoptedStyleSheets;
  for (let i = 0; i < adopted.length; i++) if (adopted[i] === sheet) return;
  styleRoot.adoptedStyleSheets = adopted.concat([sheet]);
}

// One macrotask later: after the microtasks in which yew renders.
function nextTask() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
}

// After the browser has painted a frame, and after the tasks queued for just after it (input,
// the host page's own work) have run (or after 100 ms, where frames are not being drawn). The
// start-up's streams keep the main thread busy for tens of milliseconds, and Chromium runs
// their tasks ahead of tasks queued earlier: starting one task after the frame would hold those
// back until the widget is live (measured: a task queued in the frame ran 45 ms later).
function afterFirstFrame() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => nextTask().then(nextTask).then(resolve));
    setTimeout(resolve, 100);
  });
}

// The controls whose early use is carried over from a first screen rendered at build time to the
// live widget (CONTRACT.carried: answers, "next", "begin", a role, a language), and opening the
// privacy panel. Nothing else is (file opening, erasing): a click must never land on something
// the respondent did not aim at.
const CARRIED = CONTRACT.carried;
// Built by a plain loop, not Array.prototype.map: a host page that breaks a built-in must not
// stop this script at load (it then runs, and a failure shows in the element).
let CARRIED_CONTROL = "";
for (let i = 0; i < CARRIED.length; i++) CARRIED_CONTROL += (i ? ",[" : "[") + CARRIED[i] + "]";
const PRIVACY_SUMMARY = "[" + CONTRACT.privacyAttr + "] > summary";
const STATEMENT = CONTRACT.statementAttr;

// The selector that finds `el`'s counterpart on the live screen, or null when `el` is not a
// carried control: its data attribute and value, inside the same statement.
function counterpart(el) {
  if (!el || !el.closest) return null;
  if (el.closest(PRIVACY_SUMMARY)) return PRIVACY_SUMMARY;
  const control = el.closest(CARRIED_CONTROL);
  if (!control) return null;
  const attr = CARRIED.find((a) => control.hasAttribute(a));
  let selector = "[" + attr + '="' + CSS.escape(control.getAttribute(attr)) + '"]';
  const statement = control.closest("[" + STATEMENT + "]");
  if (statement) selector = "[" + STATEMENT + '="' + CSS.escape(statement.getAttribute(STATEMENT)) + '"] ' + selector;
  return selector;
}

// Whether a session is saved under this storage namespace: the widget would then open on the
// offer to resume it, not on the first screen rendered at build time. The key's format is
// `contract::storage_key`: the prefix, the namespace, ":", the questionnaire's id.
function sessionSaved(options) {
  if (options[OPT.storage] === CONTRACT.storageOff) return false;
  try {
    const prefix = CONTRACT.storageKeyPrefix + options[OPT.storageKey] + ":";
    for (let i = 0; i < localStorage.length; i++) {
      if ((localStorage.key(i) || "").startsWith(prefix)) return true;
    }
  } catch (e) {
    // Storage disabled: nothing can be saved, and the widget says so on its own.
  }
  return false;
}

// A first screen rendered at build time (`xtask` renders the page in Chromium and keeps the
// widget's first screen in the page, in a `<template data-first-screen>` inside `source`: inert
// until this script shows it, so nothing unstyled or dead can be painted before) is shown at
// once, before the module compiles: the respondent reads and answers while the widget starts.
// What they click or focus meanwhile is recorded and carried over to the live widget. Returns
// null when there is no such screen or the widget would not open on it.
function takeOverFirstScreen(target, options, source) {
  const template = source.querySelector(":scope > template[" + CONTRACT.firstScreenAttr + "]");
  if (!template) return null;
  template.remove();
  const screen = template.content.firstElementChild;
  if (!screen || !screen.matches("." + CONTRACT.rootClass + "[" + CONTRACT.prerenderAttr + "]")) return null;
  // Rendered for the page as built; a page edited to another language, or a saved session, would
  // open the widget on another screen.
  const lang = options[OPT.lang];
  // So would a host that forwards results: its start screen says so.
  if ((lang && lang !== screen.getAttribute("lang")) || sessionSaved(options) || options[OPT.results] === CONTRACT.resultsHost) return null;
  target.replaceChildren(screen);
  // Clicks to repeat on the live widget, in order, as selectors of their live counterparts.
  const queue = [];
  let live = false; // the live widget has replaced the first screen
  let repeating = false; // a click being repeated: let it through
  const record = (event) => {
    if (repeating) return;
    const selector = counterpart(event.target);
    if (!selector) return;
    const input = event.target instanceof HTMLInputElement;
    if (!live) {
      // Answers are recorded when they change (clicks and arrow keys alike), buttons when clicked.
      if ((event.type === "change") === input) queue.push(selector);
    } else if (event.type === "click") {
      // A click on the live widget while earlier ones are still being repeated waits its turn,
      // or it would overtake them (a "next" before the answers it follows). This listener was
      // added before the widget's own, on its root: stopping it here keeps it from the widget.
      event.preventDefault();
      event.stopImmediatePropagation();
      queue.push(selector);
    }
  };
  target.addEventListener("click", record, true);
  target.addEventListener("change", record, true);
  screen.hidden = false;
  if (typeof window[CONTRACT.firstRenderMark] !== "number") window[CONTRACT.firstRenderMark] = performance.now();
  // The element with the keyboard focus, if it is inside the widget (its shadow root's, or the
  // document's for a light-DOM mount).
  const focusInside = () => {
    const active = target.getRootNode().activeElement;
    return active && target.contains(active) ? active : null;
  };
  let focused = null;
  return {
    // Called just before the live widget replaces the first screen: remembers the control that
    // has the keyboard focus there.
    handOver() {
      live = true;
      focused = counterpart(focusInside());
    },
    // Repeats the recorded clicks on the live widget, each once the previous one has rendered,
    // skipping any whose control the live screen does not have; then gives the focus back.
    async carryOver() {
      while (queue.length) {
        await nextTask();
        const control = target.querySelector(queue.shift());
        if (control && !control.disabled) {
          repeating = true;
          try {
            control.click();
          } finally {
            repeating = false;
          }
        }
      }
      target.removeEventListener("click", record, true);
      target.removeEventListener("change", record, true);
      await nextTask();
      const control = focused && target.querySelector(focused);
      // Unless the focus has moved on meanwhile (a new screen focuses its heading).
      if (control && !focusInside()) control.focus();
    },
  };
}

// Shown (as plain text, in both languages) when the browser cannot run the widget at all.
// `error` is whatever was thrown.
function fail(target, error) {
  const reason = error instanceof Error ? error.message : String(error);
  target.textContent =
    "この診断はこのブラウザでは動作しません。/ This diagnosis cannot run in this browser. (" + reason + ")";
  target.setAttribute("role", "alert");
}

// The widget's asynchronous needs, kept in JavaScript so that the wasm carries no async runtime
// (the `io` option; the names are CONTRACT.io's).
const IO = {
  // Calls back once with the new text (or null), the next time another tab of this origin writes
  // (or removes) `key`: two tabs of one questionnaire must not silently overwrite each other.
  [CONTRACT.io.watchStorage](key, done) {
    const listener = (event) => {
      if (event.key !== key && event.key !== null) return;
      window.removeEventListener("storage", listener);
      done(event.key === null ? null : event.newValue);
    };
    window.addEventListener("storage", listener);
  },
  // Calls back with a picked file's text, or null when it cannot be read. No more than one byte
  // past the largest result file is read: the widget refuses it as too large all the same, and
  // a file of gigabytes is never read into memory.
  [CONTRACT.io.readText](file, done) {
    file.slice(0, CONTRACT.maxFileBytes + 1).text().then(done, () => done(null));
  },
  // Calls back with whether `text` reached the clipboard: the Clipboard API where the page is a
  // secure context (https, file://), else select-and-copy (plain-http intranet servers).
  [CONTRACT.io.copyText](text, done) {
    const bySelection = () => {
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.setAttribute("aria-hidden", "true");
      document.body.appendChild(area);
      area.select();
      let ok = false;
      try {
        ok = document.execCommand("copy");
      } catch (e) {
        ok = false;
      }
      area.remove();
      done(ok);
    };
    if (window.isSecureContext && navigator.clipboard) navigator.clipboard.writeText(text).then(() => done(true), bySelection);
    else bySelection();
  },
};

// The custom properties a host themes the widget with; the print frame carries their values over.
const THEME = ["--kd-accent", "--kd-text", "--kd-background", "--kd-muted", "--kd-border", "--kd-soft", "--kd-focus", "--kd-font"];
let discardPrint = null; // removes the current print frame, if any

// The print button prints the report alone. The browser prints a whole page, so a widget on a
// consultancy's page would print between that page's header, sections and footer. The widget's
// screen is copied instead into a hidden frame of its own (about:blank, same origin: nothing is
// loaded), with the widget's stylesheet, the host's theme values and an A4 page, and the frame
// is printed. The browser's own Print command still prints the page as the host styles it.
function printAlone(target) {
  const widget = target.querySelector("." + CONTRACT.rootClass);
  if (discardPrint) discardPrint();
  if (!widget) return window.print();
  const frame = document.createElement("iframe");
  // Inert: its copy of the buttons must not take keyboard focus or reach a screen reader.
  frame.setAttribute("aria-hidden", "true");
  frame.inert = true;
  // Style properties set from script are not inline styles to a CSP; !important keeps any host
  // rule from showing the frame.
  for (const [k, v] of [["position", "fixed"], ["right", "0"], ["bottom", "0"], ["width", "0"], ["height", "0"], ["border", "0"]]) {
    frame.style.setProperty(k, v, "important");
  }
  const root = target.getRootNode();
  (root instanceof ShadowRoot ? root : document.body).appendChild(frame);
  // The copy holds the answers, so it lives no longer than the report it copies: it goes once
  // printing is over (afterprint), when the widget leaves the report (start over), or at
  // the latest with the next print.
  const reportTitle = "." + CONTRACT.reportTitleClass;
  const leftReport = new MutationObserver(() => {
    if (!target.querySelector(reportTitle)) discardPrint();
  });
  discardPrint = () => {
    leftReport.disconnect();
    frame.remove();
    discardPrint = null;
  };
  leftReport.observe(target, { childList: true, subtree: true });
  try {
    const win = frame.contentWindow;
    const doc = frame.contentDocument;
    doc.documentElement.lang = widget.getAttribute("lang") || "ja";
    // The default file name of "Save as PDF".
    const heading = widget.querySelector(reportTitle);
    doc.title = (heading && heading.textContent.trim()) || document.title;
    const theme = getComputedStyle(widget);
    for (const name of THEME) {
      const value = theme.getPropertyValue(name);
      if (value) doc.documentElement.style.setProperty(name, value);
    }
    const style = new win.CSSStyleSheet();
    style.replaceSync(STYLE + "@page{size:A4;margin:15mm}body{margin:0;background:#fff}");
    doc.adoptedStyleSheets = [style];
    doc.body.appendChild(doc.importNode(widget, true));
    // On paper every step is shown: the folded list opens in the copy only.
    for (const d of doc.querySelectorAll("details[data-plan-all]")) d.open = true;
    const discard = discardPrint;
    win.addEventListener("afterprint", () => discardPrint === discard && discard(), { once: true });
    win.print();
  } catch (e) {
    discardPrint();
    window.print();
  }
}

// A double or triple click is one click here: the widget has no use for a second one, and the
// second click of a double click on "next" lands on whatever the next screen puts under the
// pointer (an answer never given, or "start over" on the result). So does a second click that
// the browser counts as a new one (a slower double click, a shaking hand, two taps): a click of
// the pointer within SETTLE_MS of one after which the screen changed (another heading, or a
// question asked), at about the same place, is dropped. Clicks elsewhere, from the keyboard
// (detail 0) or from a script pass. Enter or Space held down likewise acts once. Listening on the
// widget's root in the capture phase, first of all.
const SETTLE_MS = 700;
function guardRepeats(target) {
  const screen = () => {
    const heading = target.querySelector("h2");
    return (heading ? heading.textContent : "") + (target.querySelector("[data-confirm-box]") ? "?" : "");
  };
  let last = { at: -Infinity, screen: "", x: 0, y: 0 };
  return (event) => {
    const now = performance.now();
    const again = () =>
      event.isTrusted && event.detail === 1 && now - last.at < SETTLE_MS && screen() !== last.screen &&
      Math.abs(event.clientX - last.x) < 24 && Math.abs(event.clientY - last.y) < 24;
    const drop =
      event.type === "click" ? event.detail > 1 || again() : event.repeat && (event.key === "Enter" || event.key === " ");
    if (drop) {
      event.preventDefault();
      event.stopImmediatePropagation();
    } else if (event.type === "click" && event.detail === 1) {
      last = { at: now, screen: screen(), x: event.clientX, y: event.clientY };
    }
  };
}

// The namespace `holder` saves under: the one asked for, or the next free one ("default-2") when
// another element on the page, still in it, holds that. An element that was removed (a
// single-page app replacing its view) leaves its namespace to whoever comes next, and the same
// element mounted again keeps its own.
function uniqueKey(key, holder) {
  const base = key || CONTRACT.defaultNamespace;
  let k = base;
  for (let n = 2; ; n++) {
    const other = storageKeys.get(k);
    if (!other || other === holder || !other.isConnected) break;
    k = base + "-" + n;
  }
  storageKeys.set(k, holder);
  return k;
}

const warn = (message) => typeof console === "object" && console.warn("[kintone-diagnosis] " + message);
const mounted = new WeakSet(); // elements a widget is mounted into
const running = []; // WeakRefs to the elements whose widget is live, for `stopped`

// The module trapped (a panic, or a built-in the host broke under it): every widget of the page
// shares it and is dead. Each says so in place of a screen that no longer answers, in both
// languages; the answers given so far are already saved on the device.
function stopped(event) {
  if (!(event.error instanceof WebAssembly.RuntimeError)) return;
  for (const ref of running.splice(0)) {
    const target = ref.deref();
    if (!target) continue;
    target.textContent =
      "問題が起きたため、診断を続けられません。ページを再読み込みしてください(保存された回答はこの端末に残っています)。/ Something went wrong and the diagnosis cannot go on. Please reload the page (answers saved so far stay on this device).";
    target.setAttribute("role", "alert");
  }
}

const attributesRead = new WeakSet();

// The host's options, read as its own properties only (a polluted Object.prototype must not
// add a callback or a link), each checked: unknown values fail closed with a warning.
function ownOptions(options, holder) {
  const o = Object.create(null);
  if (options && typeof options === "object") {
    for (const k of Object.keys(options)) o[k] = options[k];
  }
  // Whether the host forwards results: "host" in any case and spacing; anything else that is
  // not empty is a mistake, said in the console (the promise then stays "nothing leaves").
  const results = String(o[OPT.results] ?? "").trim().toLowerCase();
  if (results && results !== CONTRACT.resultsHost) {
    warn(`results="${String(o[OPT.results]).slice(0, 40)}" unknown: the widget promises that nothing leaves the device`);
  }
  if (results !== CONTRACT.resultsHost && o[OPT.resultsTo] !== undefined) warn(`results-to is ignored without results="${CONTRACT.resultsHost}"`);
  o[OPT.results] = results;
  if (typeof o[OPT.contactHref] === "string") o[OPT.contactHref] = o[OPT.contactHref].trim();
  // Answers given under the promise that nothing leaves are never offered to a widget that
  // forwards results (they would be sent on one click): it saves under a namespace of its own.
  const key = typeof o[OPT.storageKey] === "string" ? o[OPT.storageKey] : "";
  const forwarding = results === CONTRACT.resultsHost ? (key || CONTRACT.defaultNamespace) + CONTRACT.forwardingSuffix : key;
  o[OPT.storageKey] = uniqueKey(forwarding, holder);
  // The language's primary subtag, lower case ("ja-JP" -> "ja"): the widget offers the
  // questionnaire's languages by these codes. Normalised here alone; the wasm takes it as it is.
  o[OPT.lang] = String(o[OPT.lang] || "").split("-")[0].toLowerCase() || undefined;
  // Saving is on only when asked for ("local") or not mentioned; anything else switches it off.
  const storage = o[OPT.storage];
  if (storage !== undefined && storage !== CONTRACT.storageLocal && storage !== CONTRACT.storageOff) {
    warn(`storage="${String(storage).slice(0, 40)}" unknown: answers will not be saved`);
  }
  o[OPT.storage] = storage === undefined || storage === CONTRACT.storageLocal ? CONTRACT.storageLocal : CONTRACT.storageOff;
  const start = o[OPT.start];
  if (start !== undefined && start !== CONTRACT.startAtIntro && start !== CONTRACT.startAtQuestions) {
    warn(`start="${String(start).slice(0, 40)}" unknown: opening on the introduction`);
  }
  // The questionnaire: an object, JSON text, or the id of an element holding JSON text.
  const content = o[OPT.content];
  if (content !== undefined && content !== null) {
    if (typeof content === "object") {
      o[OPT.content] = JSON.stringify(content);
    } else if (!/^\s*[{[]/.test(String(content))) {
      const script = document.getElementById(String(content));
      if (script) o[OPT.content] = script.textContent;
      else o[OPT.contentMissing] = String(content);
      if (!script) delete o[OPT.content];
    }
  }
  if (typeof o[OPT.onComplete] !== "function") delete o[OPT.onComplete];
  return o;
}

// `styleRoot` is the shadow root, or the document for a light-DOM mount; `source` the element
// that may hold a first screen rendered at build time. Never throws: whatever fails is shown in
// the element.
async function mountInto(target, options, styleRoot, source) {
  // A second widget in the same element would stack under the first and share its events.
  if (mounted.has(target)) return warn("already mounted in this element");
  mounted.add(target);
  try {
    await mountOrThrow(target, options, styleRoot, source);
  } catch (e) {
    fail(target, e);
  }
}

async function mountOrThrow(target, options, styleRoot, source) {
  const o = ownOptions(options, source);
  adoptStyle(styleRoot);
  const guard = guardRepeats(target);
  target.addEventListener("click", guard, true);
  target.addEventListener("keydown", guard, true);
  const firstScreen = takeOverFirstScreen(target, o, source);
  if (firstScreen) {
    // Let the browser paint it before the module's start-up takes the main thread.
    await afterFirstFrame();
  } else {
    // Shown while the module inflates and compiles (a second or more on an old PC), and replaced
    // by the widget. Laying it out early also loads the Japanese font before the first question.
    const lang = o[OPT.lang] || String(document.documentElement.lang).split("-")[0].toLowerCase();
    const loading = document.createElement("p");
    loading.setAttribute("role", "status");
    loading.setAttribute("data-loading", "");
    loading.textContent = lang === "en" ? "Preparing the diagnosis…" : "診断を準備しています…";
    target.replaceChildren(loading);
  }
  await start();
  o[OPT.instance] = CONTRACT.rootClass + ++instances;
  o[OPT.io] = Object.freeze(Object.assign({ [CONTRACT.io.print]: () => printAlone(target) }, IO));
  if (firstScreen) firstScreen.handOver();
  window.addEventListener("error", stopped); // once: the same listener is added only once
  running.push(typeof WeakRef === "function" ? new WeakRef(target) : { deref: () => target });
  mount(target, o);
  if (firstScreen) await firstScreen.carryOver();
}

// The element's attributes as mount's options (CONTRACT.attributes names which sets which).
function attributeOptions(el) {
  const o = {};
  for (const [name, option] of Object.entries(CONTRACT.attributes)) {
    if (el.hasAttribute(name)) o[option] = el.getAttribute(name);
  }
  // Without its own, the element speaks the language of the nearest element that has one.
  const langHost = el.closest("[lang]");
  o[OPT.lang] = o[OPT.lang] || (langHost && langHost.getAttribute("lang")) || document.documentElement.lang || undefined;
  // The result goes to the host page only, as a DOM event on this element.
  o[OPT.onComplete] = (result) => el.dispatchEvent(new CustomEvent("diagnosis-complete", { detail: result, bubbles: true }));
  // The content attribute is always an element's id.
  const contentId = el.getAttribute("content");
  if (contentId) {
    const script = document.getElementById(contentId);
    if (script) o[OPT.content] = script.textContent;
    else o[OPT.contentMissing] = contentId;
  }
  return o;
}

if (typeof customElements !== "undefined" && !customElements.get("kintone-diagnosis")) {
  customElements.define(
    "kintone-diagnosis",
    class extends HTMLElement {
      static get observedAttributes() {
        return Object.keys(CONTRACT.attributes).concat(["content"]);
      }
      connectedCallback() {
        if (this.shadowRoot) return; // already mounted (moved within the page)
        const shadow = this.attachShadow({ mode: "open" });
        const root = document.createElement("div");
        shadow.appendChild(root);
        // The attributes are read once the task that connected the element is over: a script
        // or a framework that appends the element first and sets them next (a common order) is
        // heard, `results="host"` above all, which changes what the widget promises.
        const start = () => {
          try {
            attributesRead.add(this);
            mountInto(root, attributeOptions(this), shadow, this);
          } catch (e) {
            fail(root, e);
          }
        };
        try {
          queueMicrotask(start);
        } catch (e) {
          start();
        }
      }
      // Read once, when the widget starts: a change later would split one respondent's answers
      // between two settings (or two namespaces). Said, rather than silently ignored.
      attributeChangedCallback(name, before, after) {
        if (attributesRead.has(this) && before !== after) {
          warn(`${name} changed after loading: takes effect on the next load`);
        }
      }
    }
  );
}

if (typeof window !== "undefined" && !window.KintoneDiagnosis) {
  window.KintoneDiagnosis = Object.freeze({
    /**
     * Mounts a widget into `element` (in the page's own DOM, styled by a document-level
     * constructed stylesheet whose rules are scoped under .kd). Options as the element's
     * attributes, in camelCase: lang, content (JSON text), storage, storageKey, start,
     * contactHref, contactLabel, contactText, contactPosition, results, resultsTo,
     * onComplete(result).
     */
    mount: (element, options) => {
      if (!(element instanceof Element)) throw new TypeError("KintoneDiagnosis.mount needs an element to mount into");
      return mountInto(element, options, document, element);
    },
  });
}
