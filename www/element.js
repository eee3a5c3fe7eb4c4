//! Boot code of the embeddable script: instantiates the wasm from the bytes inside this file
//! (never from a URL), defines <kintone-diagnosis>, and offers window.KintoneDiagnosis.mount().
//! xtask places it after wasm-bindgen's glue, inside one closure, and fills in __KD_WASM__.

const WASM_BASE64 = "__KD_WASM__";
let started = null; // null: not yet; true: ready; an Error: failed for good
let instances = 0;

function start() {
  if (started === null) {
    try {
      const bin = atob(WASM_BASE64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      initSync({ module: bytes });
      started = true;
    } catch (e) {
      started = e instanceof Error ? e : new Error(String(e));
    }
  }
  return started;
}

// Shown (as plain text, in both languages) when the browser cannot run the widget at all.
function fail(target, error) {
  target.textContent =
    "この診断はこのブラウザでは動作しません。/ This diagnosis cannot run in this browser. (" + error.message + ")";
  target.setAttribute("role", "alert");
}

function mountInto(target, options) {
  const ok = start();
  if (ok !== true) return fail(target, ok);
  const o = Object.assign({}, options || {});
  o.instance = "kd" + ++instances;
  try {
    mount(target, o);
  } catch (e) {
    fail(target, e instanceof Error ? e : new Error(String(e)));
  }
}

function attributeOptions(el) {
  const attr = (n) => el.getAttribute(n);
  const langHost = el.closest("[lang]");
  const o = { lang: attr("lang") || (langHost && langHost.getAttribute("lang")) || document.documentElement.lang || undefined };
  const contentId = attr("content");
  if (contentId) {
    const script = document.getElementById(contentId);
    o.content = script ? script.textContent : "";
    if (!script) o.contentMissing = contentId;
  }
  return o;
}

if (typeof customElements !== "undefined" && !customElements.get("kintone-diagnosis")) {
  customElements.define(
    "kintone-diagnosis",
    class extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return; // already mounted (moved within the page)
        const root = document.createElement("div");
        this.attachShadow({ mode: "open" }).appendChild(root);
        mountInto(root, attributeOptions(this));
      }
    }
  );
}

if (typeof window !== "undefined" && !window.KintoneDiagnosis) {
  window.KintoneDiagnosis = Object.freeze({
    /** Mounts a widget into `element` (light DOM) with options { lang, content }. */
    mount: (element, options) => mountInto(element, options),
  });
}
