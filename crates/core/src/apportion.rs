//! Splitting a whole number in proportion to weights, exactly (largest-remainder method).
//!
//! Used for percentages that must add to exactly 100.0 and for fixed-pool moves that must keep
//! the total to the yuan.

/// Splits `total` (≥ 0) into parts proportional to `weights` (each ≥ 0) that add up to
/// exactly `total`. Each part is the floor of its exact share, and the units left over go to the
/// largest remainders (the earlier weight on a tie). With all weights zero, the split is equal.
///
/// No part exceeds its exact share rounded up, so with `total` ≤ the sum of the weights no part
/// exceeds its weight.
pub fn apportion(total: i64, weights: &[i64]) -> Vec<i64> {
    if weights.is_empty() || total <= 0 {
        return vec![0; weights.len()];
    }
    let total = total.unsigned_abs();
    let clamped: Vec<u64> = weights.iter().map(|w| (*w).max(0).unsigned_abs()).collect();
    let sum: u128 = clamped.iter().map(|w| u128::from(*w)).sum();
    let (weights, sum) = if sum == 0 {
        (vec![1; weights.len()], weights.len() as u128)
    } else {
        (clamped, sum)
    };
    // The same arithmetic in 64 bits when no product can overflow them (slider moves and
    // percentages of realistic amounts): 128-bit division is several times slower.
    let largest = weights.iter().copied().max().unwrap_or(0);
    match u64::try_from(sum) {
        Ok(sum) if u128::from(total) * u128::from(largest) <= u128::from(u64::MAX) => {
            split_narrow(total, &weights, sum)
        }
        _ => split_wide(u128::from(total), &weights, sum),
    }
}

/// The largest-remainder split of `total` over `weights` (summing to `sum` > 0) when `total`
/// times any weight fits in 64 bits.
fn split_narrow(total: u64, weights: &[u64], sum: u64) -> Vec<i64> {
    // One division per weight: the remainder is what the floor leaves of the exact product.
    let floors: Vec<u64> = weights.iter().map(|w| total * w / sum).collect();
    // Each part is at most `total`, which came from an i64, so the conversion holds.
    let mut parts: Vec<i64> = floors
        .iter()
        .map(|f| i64::try_from(*f).unwrap_or(i64::MAX))
        .collect();
    let left = left_over(total, &parts);
    if left > 0 {
        // One integer per weight that sorts as the order below does: remainder descending,
        // then index ascending; a plain integer compares much faster than a pair.
        let mut keys: Vec<u128> = weights
            .iter()
            .zip(&floors)
            .enumerate()
            .map(|(index, (w, floor))| {
                let remainder = total * w - floor * sum;
                (u128::from(u64::MAX - remainder) << 64) | index as u128
            })
            .collect();
        keys.select_nth_unstable(left - 1);
        for key in &keys[..left] {
            if let Some(part) = parts.get_mut((key & u128::from(u64::MAX)) as usize) {
                *part += 1;
            }
        }
    }
    parts
}

/// The largest-remainder split in 128 bits, for products beyond 64 bits.
fn split_wide(total: u128, weights: &[u64], sum: u128) -> Vec<i64> {
    let exact = |weight: u64| total * u128::from(weight);
    let mut parts: Vec<i64> = weights
        .iter()
        .map(|w| i64::try_from(exact(*w) / sum).unwrap_or(i64::MAX))
        .collect();
    let left = left_over(u64::try_from(total).unwrap_or(u64::MAX), &parts);
    if left > 0 {
        let mut remainders: Vec<(u128, usize)> = weights
            .iter()
            .enumerate()
            .map(|(index, w)| (exact(*w) % sum, index))
            .collect();
        remainders.select_nth_unstable_by(left - 1, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for &(_, index) in &remainders[..left] {
            if let Some(part) = parts.get_mut(index) {
                *part += 1;
            }
        }
    }
    parts
}

/// How many units the floors of the parts leave over. It is below the number of parts (each
/// floor loses less than one), so the `left` largest remainders can each take one. The order
/// by remainder then index is total, so picking the first `left` out equals sorting and
/// taking them.
fn left_over(total: u64, parts: &[i64]) -> usize {
    let handed_out: i64 = parts.iter().sum();
    let total = i64::try_from(total).unwrap_or(i64::MAX);
    usize::try_from(total - handed_out)
        .unwrap_or(0)
        .min(parts.len())
}

/// What each holder gives when together they give `total` (≤ the sum of `amounts`, each ≥ 0)
/// in whole `step`s (万元): in proportion to the whole steps each holds (largest remainder on
/// steps, not on yuan), the part of `total` below one step from the largest holder alone, so no
/// holder's amount gains decimals the planner did not type. `None` when that cannot be done
/// (holders with amounts below one step); the caller then splits to the yuan.
pub fn take_in_steps(total: i64, amounts: &[i64], step: i64) -> Option<Vec<i64>> {
    let sum: i64 = amounts.iter().sum();
    if total == sum {
        return Some(amounts.to_vec());
    }
    let (steps, rest) = (total / step, total % step);
    let largest = largest_index(amounts)?;
    let mut after = amounts.to_vec();
    after[largest] -= rest;
    if after[largest] < 0 {
        return None;
    }
    let whole: Vec<i64> = after.iter().map(|a| a / step).collect();
    if steps > whole.iter().sum::<i64>() {
        return None;
    }
    let mut parts: Vec<i64> = apportion(steps, &whole).iter().map(|p| p * step).collect();
    parts[largest] += rest;
    Some(parts)
}

/// What each holder receives when `total` (≥ 0) is shared out over `amounts` in whole `step`s:
/// in proportion to their amounts, the part below one step to the largest holder alone.
pub fn give_in_steps(total: i64, amounts: &[i64], step: i64) -> Vec<i64> {
    let mut parts: Vec<i64> = apportion(total / step, amounts)
        .iter()
        .map(|p| p * step)
        .collect();
    if let Some(largest) = largest_index(amounts) {
        parts[largest] += total % step;
    }
    parts
}

/// The index of the largest amount, the earlier one on a tie.
fn largest_index(amounts: &[i64]) -> Option<usize> {
    amounts
        .iter()
        .enumerate()
        .rev()
        .max_by_key(|(_, a)| **a)
        .map(|(i, _)| i)
}

/// Shares of `amounts` in tenths of a percent that add to exactly 1000 (100.0%); all zero when
/// the amounts add to zero.
pub fn shares_in_tenths(amounts: &[i64]) -> Vec<i64> {
    if amounts.iter().all(|a| *a <= 0) {
        return vec![0; amounts.len()];
    }
    apportion(1000, amounts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn splits_exactly() {
        assert_eq!(apportion(10, &[1, 1, 1]), vec![4, 3, 3]);
        assert_eq!(apportion(100, &[50, 30, 20]), vec![50, 30, 20]);
        assert_eq!(apportion(7, &[0, 0]), vec![4, 3]);
        assert_eq!(apportion(0, &[5, 5]), vec![0, 0]);
        assert_eq!(shares_in_tenths(&[1, 1, 1]), vec![334, 333, 333]);
        assert_eq!(shares_in_tenths(&[0, 0]), vec![0, 0]);
    }

    #[test]
    fn whole_steps_when_taking_and_giving() {
        const WAN: i64 = 10_000;
        // 100万 from 600万, 30万 and 2,000万: whole 万 in proportion, nothing in yuan.
        let parts = take_in_steps(100 * WAN, &[600 * WAN, 30 * WAN, 2_000 * WAN], WAN);
        assert_eq!(parts, Some(vec![23 * WAN, WAN, 76 * WAN]));
        // The part below 万 comes from the largest holder alone.
        let parts = take_in_steps(10 * WAN + 5, &[20 * WAN, 40 * WAN], WAN);
        assert_eq!(parts, Some(vec![3 * WAN, 7 * WAN + 5]));
        // All of it: each gives what it has, typed yuan included.
        assert_eq!(
            take_in_steps(15_005, &[5, 15_000], WAN),
            Some(vec![5, 15_000])
        );
        // Too little in whole 万 to do it in steps.
        assert_eq!(take_in_steps(10_000, &[6_000, 6_000], WAN), None);
        let parts = give_in_steps(7 * WAN + 3, &[100 * WAN, 300 * WAN], WAN);
        assert_eq!(parts, vec![2 * WAN, 5 * WAN + 3]);
        assert_eq!(give_in_steps(3 * WAN, &[0, 0, 0], WAN), vec![WAN, WAN, WAN]);
    }

    /// The plain 128-bit split with a full sort, as first written: the faster code must give
    /// exactly its parts.
    fn reference(total: i64, weights: &[i64]) -> Vec<i64> {
        if weights.is_empty() || total <= 0 {
            return vec![0; weights.len()];
        }
        let sum: i128 = weights.iter().map(|w| i128::from((*w).max(0))).sum();
        let (weights, sum): (Vec<i128>, i128) = if sum == 0 {
            (vec![1; weights.len()], weights.len() as i128)
        } else {
            let clamped = weights.iter().map(|w| i128::from((*w).max(0))).collect();
            (clamped, sum)
        };
        let total = i128::from(total);
        let mut parts: Vec<i64> = weights.iter().map(|w| (total * w / sum) as i64).collect();
        let mut remainders: Vec<(i128, usize)> = weights
            .iter()
            .enumerate()
            .map(|(index, w)| (total * w % sum, index))
            .collect();
        let handed_out: i128 = parts.iter().map(|p| i128::from(*p)).sum();
        remainders.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for &(_, index) in remainders.iter().take((total - handed_out) as usize) {
            parts[index] += 1;
        }
        parts
    }

    #[test]
    fn both_widths_agree_with_the_reference_at_the_edges() {
        let cases: [(i64, &[i64]); 6] = [
            (1_000, &[1_000_000_000_000_000, 999_999_999_999_999, 3]),
            (1_000_000_000_000_000, &[1_000_000_000_000_000, 1, 1]),
            (999, &[0, 0, 0, 0]),
            (5, &[-3, 0, 2]),
            (i64::MAX, &[i64::MAX, i64::MAX]),
            (7, &[1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
        ];
        for (total, weights) in cases {
            assert_eq!(
                apportion(total, weights),
                reference(total, weights),
                "{total} {weights:?}"
            );
        }
    }

    proptest! {
        #[test]
        fn matches_the_reference(
            total in prop_oneof![0i64..1_000, 0i64..100_000_000_000, 0i64..=crate::money::MAX_AMOUNT],
            weights in proptest::collection::vec(
                prop_oneof![-5i64..1_000, 0i64..10_000_000_000, 0i64..=crate::money::MAX_AMOUNT],
                0..60,
            ),
        ) {
            prop_assert_eq!(apportion(total, &weights), reference(total, &weights));
        }

        #[test]
        fn parts_add_up_and_stay_within_weights(
            weights in proptest::collection::vec(0i64..1_000_000_000_000_000, 1..40),
            fraction in 0.0f64..=1.0,
        ) {
            let sum: i64 = weights.iter().sum();
            let total = (sum as f64 * fraction) as i64;
            let total = total.min(sum);
            let parts = apportion(total, &weights);
            prop_assert_eq!(parts.iter().sum::<i64>(), total);
            for (part, weight) in parts.iter().zip(&weights) {
                prop_assert!(*part >= 0);
                if sum > 0 {
                    prop_assert!(part <= weight);
                }
            }
        }
    }
}
