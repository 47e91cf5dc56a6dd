//! Hash maps keyed by text and numbers that come from the input.
//!
//! Line texts and page numbers are chosen by whoever wrote the file, so the
//! hasher is keyed with a random seed per map (foldhash's `RandomState`):
//! an input cannot pick keys that all fall into one bucket and make a
//! lookup cost linear time. foldhash is about as fast as the Fx hash on
//! short keys.

/// The hasher builder of [`FxHashMap`] and [`FxHashSet`]: foldhash seeded
/// at random.
pub(crate) type KeyedState = foldhash::fast::RandomState;

/// A `HashMap` with a randomly keyed fast hasher ([`KeyedState`]). The name
/// is kept from when the map used the unkeyed Fx hash.
pub(crate) type FxHashMap<K, V> = std::collections::HashMap<K, V, KeyedState>;

/// A `HashSet` with a randomly keyed fast hasher ([`KeyedState`]).
pub(crate) type FxHashSet<T> = std::collections::HashSet<T, KeyedState>;

#[cfg(test)]
mod tests {
    use std::hash::BuildHasher;

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

    #[test]
    fn should_seed_each_map_differently() {
        // Two builders hash the same key differently: the bucket of a key
        // cannot be known from the input alone.
        let (a, b) = (KeyedState::default(), KeyedState::default());
        let differ = (0..8u32).any(|i| a.hash_one(("xxxxaaaa", i)) != b.hash_one(("xxxxaaaa", i)));
        assert!(differ);
    }

    #[test]
    fn should_spread_keys_that_differ_only_in_their_high_bytes() {
        // Keys `xxxx` + four varying bytes all fell into few buckets under
        // the unkeyed Fx hash; count distinct low bits of their hashes.
        let s = KeyedState::default();
        let low: FxHashSet<u64> = (0..4096u32)
            .map(|i| {
                let key: Vec<u8> =
                    b"xxxx".iter().copied().chain((0..4).map(|j| b'a' + (i / 26u32.pow(j) % 26) as u8)).collect();
                s.hash_one(key) & 0xFFF
            })
            .collect();
        assert!(low.len() > 2000, "{} distinct buckets of 4096", low.len());
    }
}
