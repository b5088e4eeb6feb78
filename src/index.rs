//! A compact hash index from keys to node positions.
//!
//! The graph looks nodes up by slug and by label. Keeping a copy of every
//! key in a `HashMap<String, Vec<…>>` would cost more than the nodes
//! themselves, so the index stores only a 32-bit hash of each key and the
//! node's position (8 bytes an entry, before the map's own overhead); a
//! look-up then checks the few candidates against the nodes' own text, so a
//! collision costs a comparison, never a wrong answer. The hash is keyed per
//! graph ([`RandomState`]), so crafted keys cannot force collisions.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, Hasher, RandomState};

/// Marks a slot that points into `overflow` rather than at a node.
const SPILL: u32 = 1 << 31;

/// The most positions the index can hold (the high bit marks a spill).
pub(crate) const MAX_POSITION: u32 = SPILL - 1;

/// Positions by key hash.
#[derive(Debug, Clone, Default)]
pub(crate) struct HashIndex {
    state: RandomState,
    map: HashMap<u32, u32, PassThrough>,
    overflow: Vec<Vec<u32>>,
}

impl HashIndex {
    /// An empty index with room for `n` keys.
    pub(crate) fn with_capacity(n: usize) -> Self {
        Self {
            state: RandomState::new(),
            map: HashMap::with_capacity_and_hasher(n, PassThrough),
            overflow: Vec::new(),
        }
    }

    /// The hash of a key under this index's keys.
    pub(crate) fn hash<K: Hash + ?Sized>(&self, key: &K) -> u32 {
        let h = self.state.hash_one(key);
        // Fold the high half in: both halves are well mixed, and keeping
        // 32 bits halves the index.
        #[expect(
            clippy::cast_possible_truncation,
            reason = "folding 64 bits to 32 on purpose"
        )]
        let folded = (h ^ (h >> 32)) as u32;
        folded
    }

    /// Records `pos` under `hash`, unless it is already recorded there.
    /// Positions under a hash stay in ascending order (graph order): a
    /// node inserted after the others is appended in O(1); a node
    /// re-indexed by an edit goes to its place.
    pub(crate) fn insert(&mut self, hash: u32, pos: u32) {
        debug_assert!(pos <= MAX_POSITION);
        match self.map.get_mut(&hash) {
            None => {
                self.map.insert(hash, pos);
            }
            Some(slot) if *slot & SPILL == 0 => {
                if *slot != pos {
                    let spilled = u32::try_from(self.overflow.len()).unwrap_or(MAX_POSITION);
                    let pair = if *slot < pos {
                        vec![*slot, pos]
                    } else {
                        vec![pos, *slot]
                    };
                    self.overflow.push(pair);
                    *slot = SPILL | spilled;
                }
            }
            Some(slot) => {
                let list = &mut self.overflow[(*slot & !SPILL) as usize];
                match list.last() {
                    Some(&tail) if tail < pos => list.push(pos),
                    None => list.push(pos),
                    Some(_) => {
                        if let Err(i) = list.binary_search(&pos) {
                            list.insert(i, pos);
                        }
                    }
                }
            }
        }
    }

    /// Forgets `pos` under `hash` (nothing when it is not recorded there).
    /// O(positions under the hash).
    pub(crate) fn remove(&mut self, hash: u32, pos: u32) {
        match self.map.get(&hash).copied() {
            Some(slot) if slot & SPILL == 0 && slot == pos => {
                self.map.remove(&hash);
            }
            None => {}
            Some(slot) if slot & SPILL == 0 => {}
            Some(slot) => {
                let list = &mut self.overflow[(slot & !SPILL) as usize];
                if let Ok(i) = list.binary_search(&pos) {
                    list.remove(i);
                }
            }
        }
    }

    /// The positions recorded under `hash`, in ascending order.
    pub(crate) fn get(&self, hash: u32) -> &[u32] {
        match self.map.get(&hash) {
            None => &[],
            Some(slot) if *slot & SPILL == 0 => std::slice::from_ref(slot),
            Some(slot) => &self.overflow[(*slot & !SPILL) as usize],
        }
    }
}

/// The keys are already hashes: pass them through.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PassThrough;

impl BuildHasher for PassThrough {
    type Hasher = PassThroughHasher;
    fn build_hasher(&self) -> PassThroughHasher {
        PassThroughHasher(0)
    }
}

/// See [`PassThrough`].
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PassThroughHasher(u64);

impl Hasher for PassThroughHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u32(&mut self, n: u32) {
        // Spread the 32-bit key over 64 bits for the map's bucket and tag
        // bits (hashbrown takes its tag from the top bits).
        self.0 = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_every_position_under_a_hash_in_order() {
        let mut ix = HashIndex::with_capacity(4);
        let h = ix.hash("a");
        assert_eq!(ix.get(h), &[] as &[u32]);
        ix.insert(h, 3);
        ix.insert(h, 3);
        assert_eq!(ix.get(h), &[3]);
        ix.insert(h, 7);
        ix.insert(h, 9);
        assert_eq!(ix.get(h), &[3, 7, 9]);
        let other = ix.hash("b");
        ix.insert(other, 1);
        assert_eq!(ix.get(other), &[1]);
        assert_eq!(ix.get(h), &[3, 7, 9]);
    }

    #[test]
    fn keeps_positions_ascending_through_edits_and_removals() {
        let mut ix = HashIndex::with_capacity(4);
        let h = ix.hash("a");
        ix.insert(h, 5);
        ix.insert(h, 2);
        assert_eq!(ix.get(h), &[2, 5]);
        ix.insert(h, 9);
        ix.insert(h, 4);
        ix.insert(h, 4);
        assert_eq!(ix.get(h), &[2, 4, 5, 9]);
        ix.remove(h, 5);
        ix.remove(h, 7);
        assert_eq!(ix.get(h), &[2, 4, 9]);
        for p in [2, 4, 9] {
            ix.remove(h, p);
        }
        assert_eq!(ix.get(h), &[] as &[u32]);
        ix.insert(h, 1);
        assert_eq!(ix.get(h), &[1]);
        let single = ix.hash("b");
        ix.insert(single, 3);
        ix.remove(single, 4);
        assert_eq!(ix.get(single), &[3]);
        ix.remove(single, 3);
        assert_eq!(ix.get(single), &[] as &[u32]);
    }
}
