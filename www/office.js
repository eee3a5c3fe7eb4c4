//! The office page's addition to the boot script (appended to www/element.js in the office
//! bundle only): reading many result files at once, from a picker or a drop (folders included),
//! in batches, so that the page paints its progress between them.

// How many files are read and handed to the module at once: about 40 ms of work per batch on an
// ordinary PC, well under the 100 ms after which a page feels stuck.
const READ_BATCH = 100;
// A folder dropped is walked at most this deep (a link loop cannot walk forever).
const MAX_DEPTH = 16;

// `source`: a FileList, a list of files, or a drop event. Calls `each(total, batch, finished)`
// once per batch of [name, text] pairs (text null: larger than an office file is read), and at
// least once, with `finished` true last.
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
    for (let done = 0; done < total; ) {
      const slice = files.slice(done, done + READ_BATCH);
      const batch = await Promise.all(
        slice.map(([name, file]) => readLimited(file).then((text) => [name, text], () => [name, ""]))
      );
      done += slice.length;
      each(total, batch, done >= total);
      if (done < total) await new Promise((resolve) => setTimeout(resolve, 0));
    }
  })();
};

// A file's text, or null when it is larger than an office file is read (never read into memory).
// (`file.size` costs a synchronous look at the disk, about 0.1 ms per file picked from disk; a
// slice or a stream, which avoid it, measured slower still.)
function readLimited(file) {
  return file.size > CONTRACT.maxOfficeBytes ? Promise.resolve(null) : file.text();
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

// A file dropped beside the drop box would otherwise be opened by the browser in place of the
// page, and everything gathered would be gone: drops anywhere on the page do nothing but there.
if (typeof window !== "undefined") {
  for (const type of ["dragover", "drop"]) window.addEventListener(type, (event) => event.preventDefault());
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
