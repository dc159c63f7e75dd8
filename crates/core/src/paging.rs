//! Long lists shown a page at a time, so that a dataset of a thousand streams does not put a
//! thousand rows (and tens of thousands of elements) in the page, which made every slider move
//! lay the whole list out again.

use std::ops::Range;

/// Lists up to this long are shown whole; longer ones this many rows a page.
pub const PAGE_SIZE: usize = 50;

/// One page of a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// Which page, from 0.
    pub index: usize,
    /// How many pages the list has (1 for an empty list).
    pub count: usize,
    /// How many items the list has.
    pub len: usize,
}

impl Page {
    /// Page `index` of a list of `len` items; past the end (the list got shorter, say after
    /// another dataset was opened) it is the last page.
    pub fn of(len: usize, index: usize) -> Page {
        let count = len.div_ceil(PAGE_SIZE).max(1);
        Page {
            index: index.min(count - 1),
            count,
            len,
        }
    }

    /// Whether the list needs more than one page.
    pub fn is_paged(&self) -> bool {
        self.count > 1
    }

    /// The items on this page.
    pub fn items(&self) -> Range<usize> {
        Page::items_of(self.index, self.len)
    }

    /// The items on page `index` of a list of `len` items.
    pub fn items_of(index: usize, len: usize) -> Range<usize> {
        let start = (index * PAGE_SIZE).min(len);
        start..(start + PAGE_SIZE).min(len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lists_are_one_page() {
        for len in [0, 1, 9, PAGE_SIZE] {
            let page = Page::of(len, 0);
            assert!(!page.is_paged(), "{len}");
            assert_eq!(page.items(), 0..len);
        }
    }

    #[test]
    fn a_thousand_items_make_twenty_pages_of_fifty() {
        let first = Page::of(1000, 0);
        assert_eq!((first.count, first.items()), (20, 0..50));
        assert_eq!(Page::of(1000, 1).items(), 50..100);
        assert_eq!(Page::of(1000, 19).items(), 950..1000);
    }

    #[test]
    fn the_last_page_holds_the_rest() {
        let page = Page::of(PAGE_SIZE + 1, 1);
        assert_eq!((page.count, page.items()), (2, PAGE_SIZE..PAGE_SIZE + 1));
    }

    #[test]
    fn a_page_past_the_end_is_the_last_page() {
        assert_eq!(Page::of(120, 7).index, 2);
        assert_eq!(Page::of(120, 7).items(), 100..120);
        assert_eq!(Page::of(0, 3).items(), 0..0);
    }

    #[test]
    fn every_item_is_on_exactly_one_page() {
        for len in [0, 1, 49, 50, 51, 99, 100, 101, 1000, 1001] {
            let pages = Page::of(len, 0).count;
            let shown: Vec<usize> = (0..pages).flat_map(|p| Page::of(len, p).items()).collect();
            assert_eq!(shown, (0..len).collect::<Vec<_>>(), "{len}");
        }
    }
}
