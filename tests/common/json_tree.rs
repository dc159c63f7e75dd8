//! Edits of a JSON tree, shared by the validation tests (included with `#[path]`).

use serde_json::Value;

/// Deletes `field` from the object `value`.
pub fn remove_field(value: &mut Value, field: &str) {
    if let Some(map) = value.as_object_mut() {
        map.remove(field);
    }
}
