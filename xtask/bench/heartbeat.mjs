//! A heartbeat run inside a page (pass it to `page.evaluate`): a MessageChannel loop whose longest
//! gap between two beats, `window.__beat.max`, is the longest time the page could not answer a
//! click; it stops when `window.__beat.on` is set false. Shared by blocks.mjs and office.mjs.

export function heartbeat() {
  window.__beat = { max: 0, on: true };
  const ch = new MessageChannel();
  let last = performance.now();
  ch.port1.onmessage = () => {
    const now = performance.now();
    window.__beat.max = Math.max(window.__beat.max, now - last);
    last = now;
    if (window.__beat.on) ch.port2.postMessage(0);
  };
  ch.port2.postMessage(0);
}
