//! The two statistics the encoding needs: weighted mean and spread, and
//! whether a feature varies at all.

/// Spread below which a feature counts as constant.
pub(super) const CONSTANT_EPS: f64 = 1e-12;

/// Weighted mean and population standard deviation of the finite values
/// (pairs of value and respondent weight; weights <= 0 are ignored). `None`
/// when no weight is left.
pub(super) fn weighted_stats(values: impl Iterator<Item = (f64, f64)>) -> Option<(f64, f64)> {
    let pairs: Vec<(f64, f64)> = values.filter(|(x, w)| x.is_finite() && *w > 0.0).collect();
    let total: f64 = pairs.iter().map(|(_, w)| w).sum();
    if total <= 0.0 {
        return None;
    }
    let mean = pairs.iter().map(|(x, w)| x * w).sum::<f64>() / total;
    let var = pairs
        .iter()
        .map(|(x, w)| w * (x - mean).powi(2))
        .sum::<f64>()
        / total;
    Some((mean, var.max(0.0).sqrt()))
}

/// True when the finite values are all equal (or there are none).
pub(super) fn is_constant(values: &[f64]) -> bool {
    let mut observed = values.iter().filter(|x| x.is_finite());
    match observed.next() {
        None => true,
        Some(first) => observed.all(|x| (x - first).abs() <= CONSTANT_EPS),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weighted_stats_ignore_missing_and_unweighted_values() {
        let pairs = [(1.0, 1.0), (3.0, 1.0), (f64::NAN, 1.0), (100.0, 0.0)];
        assert_eq!(weighted_stats(pairs.into_iter()), Some((2.0, 1.0)));
        assert_eq!(weighted_stats([(1.0, 0.0)].into_iter()), None);
    }

    #[test]
    fn constant_means_no_two_finite_values_differ() {
        assert!(is_constant(&[]));
        assert!(is_constant(&[f64::NAN, 2.0, 2.0]));
        assert!(!is_constant(&[2.0, f64::NAN, 3.0]));
    }
}
