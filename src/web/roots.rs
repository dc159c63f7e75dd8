//! The elements the explorer is mounted in, so a panic can put its panel in each of them.

use std::cell::RefCell;

thread_local! {
    static ROOTS: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
}

/// Remembers a root the explorer renders into.
pub fn add(root: &web_sys::Element) {
    ROOTS.with(|roots| roots.borrow_mut().push(root.clone()));
}

/// Forgets a root whose explorer was removed.
pub fn remove(root: &web_sys::Element) {
    ROOTS.with(|roots| roots.borrow_mut().retain(|r| r != root));
}

/// Every root the explorer is rendered into now. Uses `try_borrow` because a panic may strike
/// while the list is borrowed.
pub fn all() -> Vec<web_sys::Element> {
    ROOTS.with(|roots| roots.try_borrow().map(|r| r.clone()).unwrap_or_default())
}
