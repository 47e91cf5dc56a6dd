//! A fast hasher for small keys (the Fx hash of rustc): maps keyed by line
//! texts and page numbers need no protection against chosen collisions.

use std::hash::{BuildHasherDefault, Hasher};

/// The Fx hash: a multiply and rotate per word.
#[derive(Clone, Copy, Default)]
pub(crate) struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with the Fx hash.
pub(crate) type FxHashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A `HashSet` with [`FxHasher`].
pub(crate) type FxHashSet<T> = std::collections::HashSet<T, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn should_tell_apart_keys_that_differ_past_eight_bytes() {
        let mut m: FxHashMap<&str, usize> = FxHashMap::default();
        *m.entry("一二三四五").or_default() += 1;
        *m.entry("一二三四六").or_default() += 1;
        *m.entry("一二三四五").or_default() += 1;
        assert_eq!(m.get("一二三四五"), Some(&2));
        assert_eq!(m.get("一二三四六"), Some(&1));
        assert_eq!(m.len(), 2);
    }
}
