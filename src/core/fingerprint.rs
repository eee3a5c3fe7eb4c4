//! Content fingerprint: a short, stable hash that ties saved sessions and exported results to the
//! exact questionnaire they were made with.

use super::content::Content;
use std::hash::{Hash, Hasher};

/// FNV-1a, 64 bit. Chosen because it is tiny (every byte of wasm counts) and gives the same value
/// on every platform; it guards against accidents, not attackers.
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
    }

    // `usize` is 4 bytes on wasm32 and 8 natively; lengths must hash the same on both.
    fn write_usize(&mut self, n: usize) {
        self.write(&(n as u64).to_le_bytes());
    }

    fn write_u32(&mut self, n: u32) {
        self.write(&n.to_le_bytes());
    }

    fn write_i32(&mut self, n: i32) {
        self.write(&n.to_le_bytes());
    }
}

/// 16 hex digits identifying `content`'s structure, wording and weights.
pub fn fingerprint(content: &Content) -> String {
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    content.hash(&mut h);
    format!("{:016x}", h.finish())
}
