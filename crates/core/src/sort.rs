//! Stable sorting with one copy of the sorting code in the app.
//!
//! The standard library's sorts are generic: every element type and every comparison gets its
//! own copy of them, 2–4 KB of WebAssembly each, and the app had a dozen. These sort positions
//! through a comparison behind `dyn`, so the merge sort exists once; per call site only a small
//! permutation step is generic. The lists sorted here are short (problems of a file, chart
//! rows, a few thousand at most), so O(n log n) comparisons through a pointer are cheap.

use std::cmp::Ordering;

/// The positions `0..len` in the order `compare` puts them; stable: positions that compare
/// equal keep their order. A bottom-up merge sort: O(n log n) comparisons, two buffers of
/// `len` positions.
pub fn order(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..len).collect();
    let mut to = vec![0; len];
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let mid = start.saturating_add(width).min(len);
            let end = start.saturating_add(width.saturating_mul(2)).min(len);
            let (mut left, mut right) = (start, mid);
            for slot in &mut to[start..end] {
                let take_left = right >= end
                    || (left < mid && compare(from[left], from[right]) != Ordering::Greater);
                if take_left {
                    *slot = from[left];
                    left += 1;
                } else {
                    *slot = from[right];
                    right += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width = width.saturating_mul(2);
    }
    from
}

/// Sorts `items` by `compare`, stable (as [`slice::sort_by`]).
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = order(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` by the key `key` gives each, computed once per item; stable (as
/// [`slice::sort_by_cached_key`]).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = order(items.len(), &mut |a, b| keys[a].cmp(&keys[b]));
    permute(items, order);
}

/// Sorts positions (or any `usize`s) ascending.
pub fn sort_positions(positions: &mut [usize]) {
    let order = order(positions.len(), &mut |a, b| positions[a].cmp(&positions[b]));
    permute(positions, order);
}

/// Puts the item at position `order[k]` at position `k`, for every `k`, following the
/// permutation's cycles with swaps.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != start {
            let next = order[at];
            items.swap(at, next);
            order[at] = at;
            at = next;
        }
        order[at] = at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_library_does(items in proptest::collection::vec((0_u8..6, any::<u16>()), 0..200)) {
            let mut expected = items.clone();
            expected.sort_by_key(|item| std::cmp::Reverse(item.0));
            let mut sorted = items.clone();
            sort_by(&mut sorted, |a, b| b.0.cmp(&a.0));
            prop_assert_eq!(&sorted, &expected);

            let mut expected = items.clone();
            expected.sort_by_cached_key(|item| item.0);
            let mut sorted = items.clone();
            sort_by_key(&mut sorted, |item| item.0);
            prop_assert_eq!(&sorted, &expected);

            let mut positions: Vec<usize> = items.iter().map(|item| usize::from(item.1)).collect();
            let mut expected = positions.clone();
            expected.sort_unstable();
            sort_positions(&mut positions);
            prop_assert_eq!(positions, expected);
        }
    }

    #[test]
    fn orders_the_empty_and_the_single() {
        assert_eq!(order(0, &mut |a, b| a.cmp(&b)), Vec::<usize>::new());
        assert_eq!(order(1, &mut |a, b| a.cmp(&b)), vec![0]);
        assert_eq!(order(3, &mut |a, b| b.cmp(&a)), vec![2, 1, 0]);
    }
}
