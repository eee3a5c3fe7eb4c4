//! The office page's module inflater: an LZMA decoder for the ".lzma" stream xz writes
//! (`--format=lzma`; the packer writes the module's length into its header). LZMA packs the
//! office module 18% smaller than deflate (146 KB against 180 KB), which is what lets the document
//! drafts fit the page's size budget; the price is decoding in script (tens of milliseconds, once
//! per opening) where the respondent's page streams gzip through the browser's own decoder into
//! the compiler. After the reference decoder of the LZMA SDK (LzmaSpec.cpp). Appended to the
//! office page's bundle only.

// Decodes `src` (a Uint8Array) into the bytes it packs; throws on a stream that does not fit.
function lzma(src) {
  const props = src[0];
  const lc = props % 9, lp = ((props / 9) | 0) % 5, pb = (props / 45) | 0;
  let size = 0;
  for (let i = 12; i >= 5; i--) size = size * 256 + src[i];
  const out = new Uint8Array(size);
  // The range coder's two 32-bit registers as int32 (compared unsigned through ^ 0x80000000):
  // kept out of doubles, the loop runs about twice as fast.
  let at = 14, range = -1, code = 0;
  for (let i = 0; i < 4; i++) code = (code << 8) | src[at++];
  const probs = (n) => new Uint16Array(n).fill(1024);
  const isMatch = probs(192), isRep = probs(12), isRepG0 = probs(12), isRepG1 = probs(12), isRepG2 = probs(12), isRep0Long = probs(192);
  const slots = probs(256), special = probs(115), align = probs(16), lits = probs(0x300 << (lc + lp));
  const lens = [probs(514), probs(514)];
  function bit(p, i) {
    const v = p[i], bound = Math.imul(range >>> 11, v);
    let b;
    if ((code ^ 0x80000000) < (bound ^ 0x80000000)) {
      range = bound;
      p[i] = v + ((2048 - v) >>> 5);
      b = 0;
    } else {
      range = (range - bound) | 0;
      code = (code - bound) | 0;
      p[i] = v - (v >>> 5);
      b = 1;
    }
    if (range >>> 24 === 0) {
      range <<= 8;
      code = (code << 8) | src[at++];
    }
    return b;
  }
  function tree(p, base, bits) {
    let m = 1;
    for (let i = 0; i < bits; i++) m = (m << 1) + bit(p, base + m);
    return m - (1 << bits);
  }
  function reverse(p, base, bits) {
    let m = 1, s = 0;
    for (let i = 0; i < bits; i++) {
      const b = bit(p, base + m);
      m = (m << 1) + b;
      s |= b << i;
    }
    return s;
  }
  function length(p, posState) {
    if (!bit(p, 0)) return tree(p, 2 + posState * 8, 3);
    if (!bit(p, 1)) return 8 + tree(p, 130 + posState * 8, 3);
    return 16 + tree(p, 258, 8);
  }
  let pos = 0, state = 0, rep0 = 0, rep1 = 0, rep2 = 0, rep3 = 0;
  const pbMask = (1 << pb) - 1, lpMask = (1 << lp) - 1;
  while (pos < size) {
    const posState = pos & pbMask;
    if (!bit(isMatch, (state << 4) + posState)) {
      const prev = pos > 0 ? out[pos - 1] : 0;
      const base = 0x300 * (((pos & lpMask) << lc) + (prev >>> (8 - lc)));
      let s = 1;
      if (state >= 7) {
        let match = out[pos - rep0 - 1];
        do {
          const mb = (match >>> 7) & 1;
          match <<= 1;
          const b = bit(lits, base + ((1 + mb) << 8) + s);
          s = (s << 1) | b;
          if (mb !== b) break;
        } while (s < 0x100);
      }
      while (s < 0x100) s = (s << 1) | bit(lits, base + s);
      out[pos++] = s - 0x100;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    let len;
    if (bit(isRep, state)) {
      if (!bit(isRepG0, state)) {
        if (!bit(isRep0Long, (state << 4) + posState)) {
          state = state < 7 ? 9 : 11;
          out[pos] = out[pos - rep0 - 1];
          pos++;
          continue;
        }
      } else {
        let dist;
        if (!bit(isRepG1, state)) dist = rep1;
        else {
          if (!bit(isRepG2, state)) dist = rep2;
          else {
            dist = rep3;
            rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = dist;
      }
      len = length(lens[1], posState);
      state = state < 7 ? 8 : 11;
    } else {
      rep3 = rep2;
      rep2 = rep1;
      rep1 = rep0;
      len = length(lens[0], posState);
      state = state < 7 ? 7 : 10;
      const slot = tree(slots, (len < 3 ? len : 3) << 6, 6);
      if (slot < 4) rep0 = slot;
      else {
        const bits = (slot >>> 1) - 1;
        let dist = (2 | (slot & 1)) * 2 ** bits;
        if (slot < 14) dist += reverse(special, dist - slot, bits);
        else {
          let direct = 0;
          for (let i = bits - 4; i > 0; i--) {
            range >>>= 1;
            const b = (code ^ 0x80000000) >= (range ^ 0x80000000) ? 1 : 0;
            if (b) code = (code - range) | 0;
            direct = direct * 2 + b;
            if (range >>> 24 === 0) {
              range <<= 8;
              code = (code << 8) | src[at++];
            }
          }
          dist += direct * 16 + reverse(align, 0, 4);
        }
        rep0 = dist;
      }
      if (rep0 >= 0xffffffff) break;
    }
    len += 2;
    if (rep0 >= pos || at > src.length) throw new Error("corrupt module");
    for (; len > 0 && pos < size; len--, pos++) out[pos] = out[pos - rep0 - 1];
  }
  return out;
}
