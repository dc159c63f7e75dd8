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
    let sum: i128 = weights.iter().map(|w| i128::from((*w).max(0))).sum();
    let (weights, sum): (Vec<i128>, i128) = if sum == 0 {
        (vec![1; weights.len()], weights.len() as i128)
    } else {
        (weights.iter().map(|w| i128::from((*w).max(0))).collect(), sum)
    };
    let total = i128::from(total);
    let mut parts: Vec<i64> = Vec::with_capacity(weights.len());
    let mut remainders: Vec<(i128, usize)> = Vec::with_capacity(weights.len());
    for (index, weight) in weights.iter().enumerate() {
        let exact = total * weight;
        // Each part is at most `total`, which came from an i64.
        parts.push((exact / sum) as i64);
        remainders.push((exact % sum, index));
    }
    let handed_out: i128 = parts.iter().map(|p| i128::from(*p)).sum();
    let left = (total - handed_out) as usize;
    // Largest remainder first; on a tie, the earlier index.
    remainders.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, index) in remainders.iter().take(left) {
        parts[index] += 1;
    }
    parts
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

    proptest! {
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
