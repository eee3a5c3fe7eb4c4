//! A heartbeat run inside a page (pass it to `page.evaluate`): a MessageChannel loop whose longest
//! gap between two beats, `window.__beat.max`, is the longest time the page could not answer a
//! click; it stops when `window.__beat.on` is set false. Shared by blocks.mjs and office.mjs.
//! Where the page sets `window.__picked` (the time its files were handed to it), the gaps are also
//! split there: `__beat.handover` is the longest part before (the browser making the picked files
//! into a list, which no page can shorten), `__beat.page` the longest after (the page's own work),
//! beginning `__beat.pageAt` ms after the pick.

export function heartbeat() {
  window.__beat = { max: 0, handover: 0, page: 0, pageAt: 0, on: true };
  const ch = new MessageChannel();
  let last = performance.now();
  ch.port1.onmessage = () => {
    const now = performance.now();
    const beat = window.__beat;
    beat.max = Math.max(beat.max, now - last);
    const picked = window.__picked;
    const page = (from) => {
      if (now - from > beat.page) (beat.page = now - from), (beat.pageAt = from - picked);
    };
    if (picked !== undefined && picked >= last) {
      beat.handover = Math.max(beat.handover, picked - last);
      page(picked);
    } else if (picked !== undefined) {
      page(last);
    } else {
      beat.handover = Math.max(beat.handover, now - last);
    }
    last = now;
    if (window.__beat.on) ch.port2.postMessage(0);
  };
  ch.port2.postMessage(0);
}
