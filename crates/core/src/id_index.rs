//! Looking ids up by position in a list (a dataset's kinds, agencies), fast enough to do for
//! every stream on every slider move.

/// Each id's position in its list; on a repeat the first, as
/// [`Dataset::kind_index`](crate::dataset::Dataset::kind_index) finds it.
///
/// A small open-addressing table: at a thousand streams, a linear search per stream (or the
/// standard map, at the size-optimised level the app is built with) was most of the
/// recompute. The table is at most half full, so every probe ends.
pub struct IdIndex<'d> {
    /// Per position: the id and its [`Key`].
    ids: Vec<(&'d str, Key)>,
    /// Position + 1 of the id in each slot; 0 for an empty slot.
    slots: Vec<usize>,
    /// 64 minus the number of bits of a slot number: the hash's top bits pick the slot.
    shift: u32,
}

impl<'d> IdIndex<'d> {
    /// The index of `ids`.
    pub fn new(ids: impl Iterator<Item = &'d str>) -> Self {
        let ids: Vec<(&'d str, Key)> = ids.map(|id| (id, Key::of(id))).collect();
        let size = (ids.len() * 2).next_power_of_two().max(2);
        let mut index = IdIndex {
            ids: Vec::new(),
            slots: vec![0; size],
            shift: 64 - size.trailing_zeros(),
        };
        for (position, (id, key)) in ids.iter().enumerate() {
            let slot = index.probe(id, key, &ids);
            if let Some(free @ 0) = index.slots.get_mut(slot) {
                *free = position + 1;
            }
        }
        index.ids = ids;
        index
    }

    /// The slot holding `id` among `ids`, or the empty slot where it would go.
    #[inline(always)]
    fn probe(&self, id: &str, key: &Key, ids: &[(&str, Key)]) -> usize {
        let mask = self.slots.len() - 1;
        let mut slot = (key.hash() >> self.shift) as usize;
        while let Some(taken) = self.slots.get(slot).copied().filter(|t| *t != 0) {
            if ids
                .get(taken - 1)
                .is_some_and(|(known, k)| k == key && (key.is_whole() || *known == id))
            {
                break;
            }
            slot = (slot + 1) & mask;
        }
        slot
    }

    /// The position of `id`, the first one if it is there more than once.
    #[inline(always)]
    pub fn get(&self, id: &str) -> Option<usize> {
        let slot = self.probe(id, &Key::of(id), &self.ids);
        self.slots
            .get(slot)
            .copied()
            .filter(|t| *t != 0)
            .map(|t| t - 1)
    }
}

/// An id's length and its first and last eight bytes. Up to 16 bytes (every id of the
/// Muchuan dataset) that is the whole id, so equal keys mean equal ids without comparing the
/// text; longer ids are compared as well.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Key {
    len: usize,
    head: u64,
    tail: u64,
}

impl Key {
    #[inline(always)]
    fn of(id: &str) -> Key {
        let bytes = id.as_bytes();
        // Slice patterns rather than `first_chunk`: at the size-optimised level, calls to
        // even the smallest library functions stay calls.
        let head = match bytes {
            [a, b, c, d, e, f, g, h, ..] => u64::from_le_bytes([*a, *b, *c, *d, *e, *f, *g, *h]),
            short => {
                let mut word = 0;
                for byte in short {
                    word = (word << 8) | u64::from(*byte);
                }
                word
            }
        };
        let tail = match bytes {
            [.., a, b, c, d, e, f, g, h] => u64::from_le_bytes([*a, *b, *c, *d, *e, *f, *g, *h]),
            _ => 0,
        };
        Key {
            len: bytes.len(),
            head,
            tail,
        }
    }

    /// Whether the key holds every byte of its id.
    #[inline(always)]
    fn is_whole(&self) -> bool {
        self.len <= 16
    }

    /// Mixed by the golden ratio, so the top bits (which pick a slot) depend on every bit.
    /// Ids that differ only in the middle share a slot and are told apart by comparison; the
    /// table lives for one computation over a dataset the user opened, so resistance to
    /// crafted collisions is not needed.
    #[inline(always)]
    fn hash(&self) -> u64 {
        (self.head.rotate_left(29) ^ self.tail ^ self.len as u64)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_id_the_first_of_a_repeat_and_nothing_else() {
        let long_a = format!("{}a{}", "x".repeat(20), "y".repeat(20));
        let long_b = format!("{}b{}", "x".repeat(20), "y".repeat(20));
        let ids = ["loans", "", "training", "loans", &long_a, &long_b, "训练"];
        let index = IdIndex::new(ids.iter().copied());
        for (expected, id) in [
            (0, "loans"),
            (1, ""),
            (2, "training"),
            (4, &long_a),
            (5, &long_b),
            (6, "训练"),
        ] {
            assert_eq!(index.get(id), Some(expected), "{id}");
        }
        assert_eq!(index.get("loan"), None);
        assert_eq!(
            index.get(&format!("{}c{}", "x".repeat(20), "y".repeat(20))),
            None
        );
        assert_eq!(IdIndex::new(std::iter::empty()).get("loans"), None);
    }
}
