//! The title of a county's own table: the simple layout has no title column, so a table that
//! names none is called after its file, without the extension (`马边县.csv` → `马边县`),
//! whether it was picked, pasted or linked (`?data=`); never given an invented one.

use crate::dataset::Dataset;
use crate::lang::Lang;

/// `dataset`, titled after `file_name` without its extension when it has no title of its own.
pub fn named(mut dataset: Dataset, file_name: &str) -> Dataset {
    let stem = file_name
        .rsplit_once('.')
        .map_or(file_name, |(stem, _)| stem)
        .trim();
    if dataset.title.resolve(Lang::ZhHans).is_none() && !stem.is_empty() {
        dataset.title.zh_hans = Some(stem.to_owned());
    }
    dataset
}

/// The file name at the end of a link's path, without its query or fragment, percent-decoded
/// when that gives text (an address copied from a browser's address bar is encoded):
/// `data/%E9%A9%AC%E8%BE%B9%E5%8E%BF.csv?v=2` → `马边县.csv`.
pub fn file_name(address: &str) -> String {
    let path = address.split(['?', '#']).next().unwrap_or_default();
    let last = path.rsplit(['/', '\\']).next().unwrap_or_default();
    percent_decoded(last).unwrap_or_else(|| last.to_owned())
}

/// `text` with each `%XX` replaced by its byte; `None` when an escape is broken or the bytes
/// are not UTF-8.
fn percent_decoded(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        if byte == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            out.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
            i += 3;
        } else {
            out.push(byte);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}
