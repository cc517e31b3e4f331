//! Comparing two partitions of the same respondents.

use std::collections::BTreeMap;

fn pairs(n: f64) -> f64 {
    n * (n - 1.0) / 2.0
}

/// Adjusted Rand index of two labelings (unweighted, as scikit-learn's
/// `adjusted_rand_score`): 1 for identical partitions, about 0 for chance.
/// Two partitions that both put everyone together (or everyone apart)
/// score 1.
pub fn adjusted_rand(a: &[usize], b: &[usize]) -> f64 {
    let n = a.len().min(b.len());
    let mut table: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    let mut rows: BTreeMap<usize, f64> = BTreeMap::new();
    let mut cols: BTreeMap<usize, f64> = BTreeMap::new();
    for i in 0..n {
        *table.entry((a[i], b[i])).or_default() += 1.0;
        *rows.entry(a[i]).or_default() += 1.0;
        *cols.entry(b[i]).or_default() += 1.0;
    }
    let index: f64 = table.values().map(|&c| pairs(c)).sum();
    let sum_a: f64 = rows.values().map(|&c| pairs(c)).sum();
    let sum_b: f64 = cols.values().map(|&c| pairs(c)).sum();
    let total = pairs(n as f64);
    if total == 0.0 {
        return 1.0;
    }
    let expected = sum_a * sum_b / total;
    let max = (sum_a + sum_b) / 2.0;
    if max == expected {
        return 1.0;
    }
    (index - expected) / (max - expected)
}

/// For each cluster of `reference` (0..k), the best Jaccard overlap
/// |A ∩ B| / |A ∪ B| with any cluster of `other`.
pub fn best_jaccard(reference: &[usize], other: &[usize], k: usize) -> Vec<f64> {
    let mut size_a = vec![0.0; k];
    let mut size_b: BTreeMap<usize, f64> = BTreeMap::new();
    let mut both: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for (&a, &b) in reference.iter().zip(other) {
        if a < k {
            size_a[a] += 1.0;
            *both.entry((a, b)).or_default() += 1.0;
        }
        *size_b.entry(b).or_default() += 1.0;
    }
    (0..k)
        .map(|a| {
            both.range((a, 0)..=(a, usize::MAX))
                .map(|(&(_, b), &inter)| inter / (size_a[a] + size_b[&b] - inter))
                .fold(0.0, f64::max)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ari_hand_computed() {
        // sklearn: adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) = 4/7
        assert!((adjusted_rand(&[0, 0, 1, 1], &[0, 0, 1, 2]) - 4.0 / 7.0).abs() < 1e-12);
        assert_eq!(adjusted_rand(&[0, 0, 1, 1], &[1, 1, 0, 0]), 1.0);
        // [0,0,1,1] vs [0,1,0,1]: index 0, expected 0.5·... = -0.5
        assert!((adjusted_rand(&[0, 0, 1, 1], &[0, 1, 0, 1]) + 0.5).abs() < 1e-12);
    }

    #[test]
    fn jaccard_hand_computed() {
        let j = best_jaccard(&[0, 0, 1, 1], &[0, 0, 0, 1], 2);
        assert_eq!(j, vec![2.0 / 3.0, 0.5]);
    }
}
