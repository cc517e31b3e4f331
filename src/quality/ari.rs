//! Comparing two partitions of the same respondents.
//!
//! Counts are kept in tables indexed by the labels' ranks among the labels
//! present (labels from k-means are `0..k`, so the tables are small) and
//! summed in ascending label order, skipping labels and pairs never seen:
//! the figures are bit for bit those of maps keyed by label.

fn pairs(n: f64) -> f64 {
    n * (n - 1.0) / 2.0
}

/// Each label's rank among the distinct labels, and how many there are.
fn ranks(labels: &[usize]) -> (Vec<usize>, usize) {
    let max = labels.iter().copied().max().unwrap_or(0);
    if max <= 4 * labels.len() + 64 {
        let mut rank = vec![usize::MAX; max + 1];
        for &l in labels {
            rank[l] = 0;
        }
        let mut next = 0;
        for r in rank.iter_mut().filter(|r| **r == 0) {
            *r = next;
            next += 1;
        }
        (labels.iter().map(|&l| rank[l]).collect(), next)
    } else {
        let mut distinct = labels.to_vec();
        distinct.sort_unstable();
        distinct.dedup();
        let of = |l: &usize| distinct.binary_search(l).unwrap_or(0);
        (labels.iter().map(of).collect(), distinct.len())
    }
}

/// How many times each value of `0..len` occurs in `ranks`.
fn counts(ranks: impl Iterator<Item = usize>, len: usize) -> Vec<f64> {
    let mut out = vec![0.0; len];
    for r in ranks {
        out[r] += 1.0;
    }
    out
}

/// The sum of `pairs(c)` over the counts `c` of labels present, in order.
fn pair_sum(counts: impl Iterator<Item = f64>) -> f64 {
    counts.filter(|&c| c > 0.0).map(pairs).sum()
}

/// How many times each pair `(row, col)` of `met` occurs, for the pairs met,
/// in ascending `(row, col)` order: through a table when `rows × cols` is
/// small, else by sorting the pairs' codes.
fn pair_counts(met: &[(usize, usize)], rows: usize, cols: usize) -> Vec<(usize, usize, f64)> {
    if rows.saturating_mul(cols) <= 4 * met.len() + 1024 {
        let table = counts(met.iter().map(|&(r, c)| r * cols + c), rows * cols);
        return (0..rows * cols)
            .filter(|&i| table[i] > 0.0)
            .map(|i| (i / cols, i % cols, table[i]))
            .collect();
    }
    let mut codes: Vec<u64> = met
        .iter()
        .map(|&(r, c)| r as u64 * cols as u64 + c as u64)
        .collect();
    codes.sort_unstable();
    let mut out: Vec<(usize, usize, f64)> = Vec::new();
    for (i, &code) in codes.iter().enumerate() {
        match out.last_mut() {
            Some(last) if i > 0 && codes[i - 1] == code => last.2 += 1.0,
            _ => out.push((
                (code / cols as u64) as usize,
                (code % cols as u64) as usize,
                1.0,
            )),
        }
    }
    out
}

/// Adjusted Rand index of two labelings (unweighted, as scikit-learn's
/// `adjusted_rand_score`): 1 for identical partitions, about 0 for chance.
/// Two partitions that both put everyone together (or everyone apart)
/// score 1.
pub fn adjusted_rand(a: &[usize], b: &[usize]) -> f64 {
    let n = a.len().min(b.len());
    let (ra, rows) = ranks(&a[..n]);
    let (rb, cols) = ranks(&b[..n]);
    let met: Vec<(usize, usize)> = ra.iter().copied().zip(rb.iter().copied()).collect();
    let index = pair_sum(pair_counts(&met, rows, cols).into_iter().map(|(_, _, c)| c));
    let sum_a = pair_sum(counts(ra.iter().copied(), rows).into_iter());
    let sum_b = pair_sum(counts(rb.iter().copied(), cols).into_iter());
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
    let n = reference.len().min(other.len());
    let (rb, cols) = ranks(&other[..n]);
    let size_b = counts(rb.iter().copied(), cols);
    let met: Vec<(usize, usize)> = reference
        .iter()
        .zip(rb)
        .filter(|&(&a, _)| a < k)
        .map(|(&a, b)| (a, b))
        .collect();
    let size_a = counts(met.iter().map(|&(a, _)| a), k);
    let mut best = vec![0.0; k];
    for (a, b, inter) in pair_counts(&met, k, cols) {
        best[a] = f64::max(best[a], inter / (size_a[a] + size_b[b] - inter));
    }
    best
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

    /// The figures as maps keyed by label give them (the code before the
    /// tables), to check the tables bit for bit.
    fn by_maps(a: &[usize], b: &[usize], k: usize) -> (f64, Vec<f64>) {
        use std::collections::BTreeMap;
        let mut table: BTreeMap<(usize, usize), f64> = BTreeMap::new();
        let mut rows: BTreeMap<usize, f64> = BTreeMap::new();
        let mut cols: BTreeMap<usize, f64> = BTreeMap::new();
        for (&x, &y) in a.iter().zip(b) {
            *table.entry((x, y)).or_default() += 1.0;
            *rows.entry(x).or_default() += 1.0;
            *cols.entry(y).or_default() += 1.0;
        }
        let index: f64 = table.values().map(|&c| pairs(c)).sum();
        let sum_a: f64 = rows.values().map(|&c| pairs(c)).sum();
        let sum_b: f64 = cols.values().map(|&c| pairs(c)).sum();
        let total = pairs(a.len().min(b.len()) as f64);
        let expected = sum_a * sum_b / total;
        let max = (sum_a + sum_b) / 2.0;
        let ari = if total == 0.0 || max == expected {
            1.0
        } else {
            (index - expected) / (max - expected)
        };
        let jaccard = (0..k)
            .map(|x| {
                table
                    .range((x, 0)..=(x, usize::MAX))
                    .map(|(&(_, y), &inter)| inter / (rows[&x] + cols[&y] - inter))
                    .fold(0.0, f64::max)
            })
            .collect();
        (ari, jaccard)
    }

    #[test]
    fn tables_give_the_figures_of_maps_bit_for_bit() {
        let mut state = 7u64;
        let mut next = |m: usize| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize % m
        };
        for (n, ka, kb, spread) in [
            (0, 1, 1, 1),
            (1, 1, 1, 1),
            (50, 3, 4, 1),
            (500, 6, 6, 1),
            (300, 5, 200, 1),
            (100, 50, 50, 1),
            (40, 4, 4, 1_000_003),
        ] {
            let a: Vec<usize> = (0..n).map(|_| next(ka) * spread).collect();
            let b: Vec<usize> = (0..n).map(|_| next(kb) * spread).collect();
            let (ari, _) = by_maps(&a, &b, 0);
            assert_eq!(adjusted_rand(&a, &b).to_bits(), ari.to_bits(), "n {n}");
            if spread == 1 {
                let (_, jaccard) = by_maps(&a, &b, ka);
                let ours = best_jaccard(&a, &b, ka);
                assert_eq!(
                    ours.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
                    jaccard.iter().map(|x| x.to_bits()).collect::<Vec<_>>()
                );
            }
        }
    }

    #[test]
    fn jaccard_hand_computed() {
        let j = best_jaccard(&[0, 0, 1, 1], &[0, 0, 0, 1], 2);
        assert_eq!(j, vec![2.0 / 3.0, 0.5]);
    }
}
