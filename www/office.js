//! The office page's addition to the boot script (appended to www/element.js in the office
//! bundle only): reading many result files at once, from a picker or a drop (folders included),
//! in batches, so that the page paints its progress between them.

// How many files are read from the disk at once.
const READ_BATCH = 100;
// The module takes a batch in pieces of this many files, and the page lets the browser paint
// and answer clicks whenever a task has worked this long: well under the 100 ms after which a
// page feels stuck, on a fast PC or a slow one (a time, not a count: the first files, read by
// code the browser has only just compiled, cost twice as much as the later ones; a piece is
// small so that the last one begun within the budget ends soon after it, even on a slow PC).
// Each pause costs more than its own paint (whatever else waits runs then): a hundred files are
// taken and shown in one task.
const TAKE_PIECE = 10;
const TASK_MS = 50;
// A folder dropped is walked at most this deep (a link loop cannot walk forever).
const MAX_DEPTH = 16;

// `source`: a FileList, a list of files, or a drop event. Calls `each(total, batch, finished)`
// first with no pairs, then per piece of [name, bytes] pairs (a Uint8Array; null: larger than an
// office file is read), with `finished` false, and last with no pairs and `finished` true.
// Bytes, not text: the module copies bytes in at once and reads the UTF-8 itself, where a text
// is handed over character by character (a tenth of the time to gather 100 files).
IO[CONTRACT.io.readFiles] = function (source, each) {
  // The drop's items can be read only while the event is being handled: taken now.
  const entries = dropEntries(source);
  (async () => {
    let files = [];
    try {
      files = entries ? await walk(entries, 0) : Array.from(source || [], (f) => [f.name, f]);
    } catch (e) {
      files = [];
    }
    const total = files.length;
    if (!total) return each(0, [], true);
    // Said at once (the progress shown, the picker disabled), before the first file is read.
    each(total, [], false);
    const read = (from) =>
      Promise.all(
        files
          .slice(from, from + READ_BATCH)
          .map(([name, file]) => readLimited(file).then((bytes) => [name, bytes], () => [name, new Uint8Array(0)]))
      );
    // The disk reads the next batch while the module takes this one.
    // A message, not a timer: a timer chained this often waits 4 ms each time.
    const channel = new MessageChannel();
    const nextTask = () =>
      new Promise((resolve) => {
        channel.port1.onmessage = resolve;
        channel.port2.postMessage(0);
      });
    let next = read(0);
    let began;
    for (let done = 0; done < total; ) {
      const batch = await next;
      // Waiting for the disk was no work of the page's: the budget starts when the bytes come.
      began = performance.now();
      done += batch.length;
      if (done < total) next = read(done);
      for (let i = 0; i < batch.length; i += TAKE_PIECE) {
        if (performance.now() - began > TASK_MS) {
          await nextTask();
          began = performance.now();
        }
        each(total, batch.slice(i, i + TAKE_PIECE), false);
      }
    }
    // The last call (the view is painted then) in a task of its own if this one has worked its
    // budget; else at once, in this one.
    if (performance.now() - began > TASK_MS) await nextTask();
    each(total, [], true);
  })();
};

// A file's bytes, or null when it is larger than an office file is read.
// Asking a file's size costs a synchronous look at the disk (0.3 ms a file picked from disk:
// more than all the rest of reading it, and the page cannot answer meanwhile), so a `.json` file
// (what the respondent's page and this page save) is read first and measured after. Any other
// file, say a video in a dropped folder, is measured before it is read, never into memory.
function readLimited(file) {
  const tooLarge = () => file.size > CONTRACT.maxOfficeBytes;
  const bytes = () => file.arrayBuffer().then((b) => (b.byteLength > CONTRACT.maxOfficeBytes ? null : new Uint8Array(b)));
  if (!/\.json$/i.test(file.name)) return tooLarge() ? Promise.resolve(null) : bytes();
  return bytes().catch((e) => {
    // Beyond what the browser will read at once, or unreadable: said as such only when large.
    if (tooLarge()) return null;
    throw e;
  });
}

// The entries of a drop (files and folders), or null when `source` is not a drop.
function dropEntries(source) {
  const transfer = source && source.dataTransfer;
  if (!transfer) return null;
  const items = Array.from(transfer.items || []);
  const entries =
    items.length && typeof items[0].webkitGetAsEntry === "function"
      ? items.map((item) => item.kind === "file" && item.webkitGetAsEntry()).filter(Boolean)
      : [];
  if (entries.length) return entries;
  // A browser without folder entries: the files dropped, as files.
  return Array.from(transfer.files || [], (file) => ({ isFile: true, fullPath: file.name, file: (ok) => ok(file) }));
}

// Every file under `entries`, as [path, File], folders walked in the order the browser lists them.
async function walk(entries, depth) {
  const out = [];
  for (const entry of entries) {
    if (entry.isFile) {
      const file = await new Promise((ok, fail) => entry.file(ok, fail)).catch(() => null);
      if (file) out.push([entry.fullPath.replace(/^\//, ""), file]);
    } else if (entry.isDirectory && depth < MAX_DEPTH) {
      const reader = entry.createReader();
      // readEntries hands a folder over in parts (100 at a time in Chromium) until an empty one.
      for (;;) {
        const part = await new Promise((ok, fail) => reader.readEntries(ok, fail)).catch(() => []);
        if (!part.length) break;
        out.push(...(await walk(part, depth + 1)));
      }
    }
  }
  return out;
}

// A button that takes itself away (a row removed, the last page of the list reached, a notice
// closed) would leave a keyboard user's focus at the top of the page: after a click on one (Enter
// and Space click too), focus that was lost goes to the first of its places that is there.
const RESCUE = [
  ["[data-remove], [data-refused] > button", ["[data-loaded] summary", "[data-pick]"]],
  ["[data-page-next], [data-page-previous]", ["[data-page-previous]:not([disabled])", "[data-page-next]:not([disabled])", "[data-loaded] summary"]],
  ["[data-notice] > button", ["[data-pick]"]],
];
function rescueFocus(event) {
  const target = event.composedPath()[0];
  const rule = target && target.closest && target.closest("[data-office]") && RESCUE.find(([on]) => target.closest(on));
  if (!rule) return;
  const root = target.getRootNode();
  // After the widget has rendered the click's change (a task later).
  setTimeout(() => {
    const now = document.activeElement;
    const inside = root.activeElement;
    // Still usable where it is (a button just disabled keeps focus until the next rendering), or
    // somewhere else on the host page: left alone.
    if (inside && inside !== document.body && inside.isConnected && !inside.disabled) return;
    if (now && now !== document.body && now !== root.host && !inside) return;
    for (const place of rule[1]) {
      const el = root.querySelector(place);
      if (el) return el.focus();
    }
  });
}

// A file dropped beside the drop box would otherwise be opened by the browser in place of the
// page, and everything gathered would be gone: drops anywhere on the page do nothing but there.
if (typeof window !== "undefined") {
  for (const type of ["dragover", "drop"]) window.addEventListener(type, (event) => event.preventDefault());
  document.addEventListener("click", rescueFocus, true);
  // Closing the page with results gathered since the office file was last saved asks first (the
  // page keeps nothing on the device by itself).
  window.addEventListener("beforeunload", (event) => {
    for (const el of document.querySelectorAll("kintone-diagnosis")) {
      if (el.shadowRoot && el.shadowRoot.querySelector("[data-unsaved]")) {
        event.preventDefault();
        event.returnValue = "";
      }
    }
  });
}
