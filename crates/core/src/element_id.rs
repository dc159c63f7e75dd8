//! Ids from a dataset or a scenario store spelled for element ids and CSS selectors. A dataset
//! may hold any id its format allows (`a.b`, `a_b`) and a store written by hand any id at all;
//! two different ids must never give one element id, or a label, a focus move or a test would
//! reach the wrong element.

/// `id` with ASCII letters, digits and `-` as they are and any other character spelled `_`,
/// its code point in hex, `_` (`a.b` is `a_2e_b`, `a_b` is `a_5f_b`): for an id that ends the
/// element id (`compare-stream-training-base`).
pub fn spelled(id: &str) -> String {
    spell(id, |c| c.is_ascii_alphanumeric() || c == '-')
}

/// As [`spelled`], with `-` spelled out too (`_2d_`): for an id followed by `-` and a part name
/// (`saved-s1-rename`), which then cannot be read as another id and part.
pub fn spelled_before_part(id: &str) -> String {
    spell(id, |c| c.is_ascii_alphanumeric())
}

fn spell(id: &str, kept: impl Fn(char) -> bool) -> String {
    let mut spelled = String::with_capacity(id.len());
    for c in id.chars() {
        if kept(c) {
            spelled.push(c);
        } else {
            spelled.push_str(&format!("_{:x}_", u32::from(c)));
        }
    }
    spelled
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn plain_ids_stay_and_the_rest_is_spelled_out() {
        assert_eq!(spelled("training-base"), "training-base");
        assert_eq!(spelled("a.b"), "a_2e_b");
        assert_eq!(spelled("a_b"), "a_5f_b");
        assert_eq!(spelled_before_part("s12"), "s12");
        assert_eq!(spelled_before_part("x-confirm"), "x_2d_confirm");
        assert_eq!(spelled_before_part("方案 1"), "_65b9__6848__20_1");
    }

    proptest! {
        #[test]
        fn different_ids_are_spelled_differently(a in "\\PC{1,8}", b in "\\PC{1,8}") {
            prop_assert!(spelled(&a).chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'));
            prop_assert!(spelled_before_part(&a).chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
            prop_assert_eq!(a == b, spelled(&a) == spelled(&b));
            prop_assert_eq!(a == b, spelled_before_part(&a) == spelled_before_part(&b));
        }
    }
}
