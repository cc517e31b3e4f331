//! Internal validity measures with respondent weights and **partial
//! distances**: a missing answer (NaN) is left out of a distance, which is
//! scaled up to all features, as k-means itself measures (never on a
//! mean-imputed matrix, which would pull respondents with gaps towards the
//! centre). Each returns `None` where the measure is undefined (fewer than
//! two clusters, all points identical, ...).
//!
//! - Between two respondents: the features both answered, times `p / common`;
//!   a pair with no answer in common has no distance and is left out of the
//!   silhouette's means.
//! - Between a respondent and a centroid: the respondent's answered features,
//!   times `p / answered`.
//! - Centroids are the weighted means of the answered cells (a cell no
//!   member answered takes the overall mean); centroid to centroid is the
//!   plain Euclidean distance.
//!
//! On complete data with weights all 1 they match scikit-learn's
//! `silhouette_score`, `calinski_harabasz_score` and `davies_bouldin_score`.
//! With weights, a respondent of weight w counts as w respondents in every
//! mean and sum (the silhouette of a point leaves out only the point itself).

use ndarray::{Array2, ArrayView1, ArrayView2, Axis};
use rand_xoshiro::Xoshiro256Plus;
use rand_xoshiro::rand_core::{RngCore, SeedableRng};

fn distance(a: ArrayView1<'_, f64>, b: ArrayView1<'_, f64>) -> f64 {
    a.iter()
        .zip(b.iter())
        .map(|(x, y)| (x - y) * (x - y))
        .sum::<f64>()
        .sqrt()
}

/// Squared partial distance of a row (NaN = missing) to another row or a
/// centroid: the features both have, scaled up to all of them; `None` with
/// none in common.
fn partial_sq(a: &[f64], b: &[f64]) -> Option<f64> {
    let (mut sum, mut common) = (0.0, 0usize);
    for (x, y) in a.iter().zip(b) {
        let d = x - y;
        if d.is_finite() {
            sum += d * d;
            common += 1;
        }
    }
    (common > 0).then(|| sum * a.len() as f64 / common as f64)
}

/// Weighted means over answered cells per cluster (the overall mean where
/// no member answered) and the weight of each cluster.
fn centroids(
    data: ArrayView2<'_, f64>,
    labels: &[usize],
    weights: &[f64],
    k: usize,
) -> (Array2<f64>, Vec<f64>) {
    let p = data.ncols();
    let mut sums = Array2::<f64>::zeros((k + 1, p));
    let mut cells = Array2::<f64>::zeros((k + 1, p));
    let mut totals = vec![0.0; k];
    for (i, row) in data.axis_iter(Axis(0)).enumerate() {
        totals[labels[i]] += weights[i];
        for (j, &x) in row.iter().enumerate() {
            if x.is_finite() {
                for c in [labels[i], k] {
                    sums[[c, j]] += weights[i] * x;
                    cells[[c, j]] += weights[i];
                }
            }
        }
    }
    let mut out = Array2::<f64>::zeros((k, p));
    for c in 0..k {
        for j in 0..p {
            out[[c, j]] = if cells[[c, j]] > 0.0 {
                sums[[c, j]] / cells[[c, j]]
            } else if cells[[k, j]] > 0.0 {
                sums[[k, j]] / cells[[k, j]]
            } else {
                0.0
            };
        }
    }
    (out, totals)
}

/// Each row's squared partial distance to its cluster's centroid.
fn to_own(data: ArrayView2<'_, f64>, labels: &[usize], c: &Array2<f64>) -> Vec<f64> {
    data.axis_iter(Axis(0))
        .enumerate()
        .map(|(i, row)| {
            let (row, centre) = (row.to_vec(), c.row(labels[i]).to_vec());
            partial_sq(&row, &centre).unwrap_or(0.0)
        })
        .collect()
}

/// Mean silhouette of the rows listed in `rows` (all rows when `None`),
/// computed against those same rows, weighted by respondent weight.
/// Clusters of one row score 0, as in scikit-learn.
pub fn silhouette(
    data: ArrayView2<'_, f64>,
    labels: &[usize],
    weights: &[f64],
    k: usize,
    rows: Option<&[usize]>,
) -> Option<f64> {
    silhouette_within(data, labels, weights, k, rows, SYMMETRIC_SILHOUETTE_CELLS)
}

/// [`silhouette`], keeping every row's sums while rows × k is at most `cells`.
fn silhouette_within(
    data: ArrayView2<'_, f64>,
    labels: &[usize],
    weights: &[f64],
    k: usize,
    rows: Option<&[usize]>,
    cells: usize,
) -> Option<f64> {
    let all: Vec<usize>;
    let rows = match rows {
        Some(r) => r,
        None => {
            all = (0..data.nrows()).collect();
            &all
        }
    };
    let present = {
        let mut seen = vec![false; k];
        rows.iter().for_each(|&i| seen[labels[i]] = true);
        seen.iter().filter(|&&s| s).count()
    };
    if present < 2 || present >= rows.len() {
        return None;
    }
    // Contiguous rows: this double loop is the costliest step of a k scan.
    let x = data.as_standard_layout();
    let p = x.ncols();
    let flat = x.as_slice().unwrap_or(&[]);
    let row = |i: usize| &flat[i * p..(i + 1) * p];
    let (mut total, mut weight) = (0.0, 0.0);
    let mut score = |i: usize, sums: &[f64], mass: &[f64]| {
        total += weights[i] * silhouette_of(labels[i], weights[i], sums, mass);
        weight += weights[i];
    };
    let m = rows.len();
    if m.saturating_mul(k) <= cells {
        // Each pair's distance once, added to both rows' sums. Row a's sums
        // receive the rows before it (while those were scored) and then the
        // rows after it, in row order either way: the same additions in the
        // same order as the one-row-at-a-time loop below, so the same bits.
        let mut sums = vec![0.0; m * k];
        let mut mass = vec![0.0; m * k];
        for a in 0..m {
            let (i, li) = (rows[a], labels[rows[a]]);
            let xi = row(i);
            for b in a + 1..m {
                let j = rows[b];
                let Some(d) = partial_sq(xi, row(j)) else {
                    continue;
                };
                let d = d.sqrt();
                sums[a * k + labels[j]] += weights[j] * d;
                mass[a * k + labels[j]] += weights[j];
                sums[b * k + li] += weights[i] * d;
                mass[b * k + li] += weights[i];
            }
            score(i, &sums[a * k..(a + 1) * k], &mass[a * k..(a + 1) * k]);
        }
    } else {
        let mut sums = vec![0.0; k];
        let mut mass = vec![0.0; k];
        for &i in rows {
            sums.iter_mut().for_each(|s| *s = 0.0);
            mass.iter_mut().for_each(|m| *m = 0.0);
            let xi = row(i);
            for &j in rows {
                if i == j {
                    continue;
                }
                let Some(d) = partial_sq(xi, row(j)) else {
                    continue;
                };
                sums[labels[j]] += weights[j] * d.sqrt();
                mass[labels[j]] += weights[j];
            }
            score(i, &sums, &mass);
        }
    }
    (weight > 0.0).then(|| total / weight)
}

/// Above this many (row, cluster) sums (32 MB for sums and masses), the
/// silhouette computes each pair twice rather than keep every row's sums.
const SYMMETRIC_SILHOUETTE_CELLS: usize = 1 << 21;

/// One row's silhouette from its summed distances and masses per cluster.
fn silhouette_of(own: usize, weight: f64, sums: &[f64], mass: &[f64]) -> f64 {
    // The point's own extra copies (weight above 1) sit at distance 0.
    let own_mass = mass[own] + (weight - 1.0).max(0.0);
    if own_mass <= 0.0 {
        return 0.0;
    }
    let a = sums[own] / own_mass;
    let b = (0..sums.len())
        .filter(|&c| c != own && mass[c] > 0.0)
        .map(|c| sums[c] / mass[c])
        .fold(f64::INFINITY, f64::min);
    if !b.is_finite() || a.max(b) == 0.0 {
        0.0
    } else {
        (b - a) / a.max(b)
    }
}

/// A seeded sample of `size` rows stratified by cluster: each cluster gets
/// its share of the sample by largest remainder (at least one row when it
/// has any), rows chosen by a seeded shuffle and returned in row order.
pub fn stratified_sample(labels: &[usize], k: usize, size: usize, seed: u64) -> Vec<usize> {
    let n = labels.len();
    if size >= n {
        return (0..n).collect();
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); k];
    for (i, &l) in labels.iter().enumerate() {
        members[l].push(i);
    }
    let exact: Vec<f64> = members
        .iter()
        .map(|m| m.len() as f64 * size as f64 / n as f64)
        .collect();
    let mut quota: Vec<usize> = exact
        .iter()
        .zip(&members)
        .map(|(e, m)| {
            (e.floor() as usize)
                .max(usize::from(!m.is_empty()))
                .min(m.len())
        })
        .collect();
    let order = crate::order::sorted_indices(k, &|a, b| {
        (exact[b] - exact[b].floor())
            .total_cmp(&(exact[a] - exact[a].floor()))
            .then(a.cmp(&b))
    });
    let mut filled: usize = quota.iter().sum();
    for &c in order.iter().cycle().take(k * (size + 1)) {
        if filled >= size {
            break;
        }
        if quota[c] < members[c].len() {
            quota[c] += 1;
            filled += 1;
        }
    }
    let mut rng = Xoshiro256Plus::seed_from_u64(seed);
    let mut out = Vec::with_capacity(size);
    for (c, m) in members.iter_mut().enumerate() {
        // Partial Fisher–Yates shuffle.
        for t in 0..quota[c] {
            let j = t + (rng.next_u64() % (m.len() - t) as u64) as usize;
            m.swap(t, j);
        }
        out.extend_from_slice(&m[..quota[c]]);
    }
    out.sort_unstable();
    out
}

/// Calinski–Harabasz index: between-cluster over within-cluster dispersion,
/// each divided by its degrees of freedom (k - 1 and n - k, n the total weight).
pub fn calinski_harabasz(
    data: ArrayView2<'_, f64>,
    labels: &[usize],
    weights: &[f64],
    k: usize,
) -> Option<f64> {
    let n: f64 = weights.iter().sum();
    let (c, totals) = centroids(data, labels, weights, k);
    let used = totals.iter().filter(|&&t| t > 0.0).count();
    if used < 2 || n <= used as f64 {
        return None;
    }
    let (overall, _) = centroids(data, &vec![0; labels.len()], weights, 1);
    let between: f64 = c
        .axis_iter(Axis(0))
        .zip(&totals)
        .map(|(ci, t)| t * distance(ci, overall.row(0)).powi(2))
        .sum();
    let within: f64 = to_own(data, labels, &c)
        .iter()
        .zip(weights)
        .map(|(d, w)| w * d)
        .sum();
    if within == 0.0 {
        return None;
    }
    Some(between * (n - used as f64) / (within * (used as f64 - 1.0)))
}

/// Davies–Bouldin index: the mean over clusters of the worst ratio
/// (s_i + s_j) / d(c_i, c_j), s the weighted mean distance of members to their
/// centroid. Lower is better. `None` when two centroids coincide.
pub fn davies_bouldin(
    data: ArrayView2<'_, f64>,
    labels: &[usize],
    weights: &[f64],
    k: usize,
) -> Option<f64> {
    let (c, totals) = centroids(data, labels, weights, k);
    let used: Vec<usize> = (0..k).filter(|&j| totals[j] > 0.0).collect();
    if used.len() < 2 {
        return None;
    }
    let mut spread = vec![0.0; k];
    for (i, d) in to_own(data, labels, &c).iter().enumerate() {
        spread[labels[i]] += weights[i] * d.sqrt();
    }
    for j in &used {
        spread[*j] /= totals[*j];
    }
    let mut sum = 0.0;
    for &a in &used {
        let mut worst = 0.0f64;
        for &b in &used {
            if a == b {
                continue;
            }
            let d = distance(c.row(a), c.row(b));
            if d == 0.0 {
                return None;
            }
            worst = worst.max((spread[a] + spread[b]) / d);
        }
        sum += worst;
    }
    Some(sum / used.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    // Four points on a line: {0, 1} and {4, 5}.
    fn four() -> (Array2<f64>, Vec<usize>) {
        (array![[0.0], [1.0], [4.0], [5.0]], vec![0, 0, 1, 1])
    }

    #[test]
    fn each_pair_once_gives_the_same_bits_as_each_pair_twice() {
        // Rows with missing cells, uneven weights, a one-row cluster, a sample.
        let (n, p, k) = (60, 4, 3);
        let cell = |i: usize, j: usize| ((i * 7 + j * 13) % 11) as f64 * 0.37 - (i % 5) as f64;
        let data = Array2::from_shape_fn((n, p), |(i, j)| {
            if (i + j) % 9 == 0 {
                f64::NAN
            } else {
                cell(i, j)
            }
        });
        let mut labels: Vec<usize> = (0..n).map(|i| (i * i + 3) % (k - 1)).collect();
        labels[17] = k - 1;
        let weights: Vec<f64> = (0..n).map(|i| 0.5 + (i % 4) as f64).collect();
        let sample: Vec<usize> = (0..n).filter(|i| i % 3 != 1).collect();
        for rows in [None, Some(sample.as_slice())] {
            let once = silhouette_within(data.view(), &labels, &weights, k, rows, usize::MAX);
            let twice = silhouette_within(data.view(), &labels, &weights, k, rows, 0);
            assert!(once.is_some());
            assert_eq!(once.map(f64::to_bits), twice.map(f64::to_bits));
        }
    }

    #[test]
    fn silhouette_four_points() {
        let (x, l) = four();
        // s = (7/9 + 5/7 + 5/7 + 7/9) / 4 = 47/63
        let s = silhouette(x.view(), &l, &[1.0; 4], 2, None).unwrap();
        assert!((s - 47.0 / 63.0).abs() < 1e-12, "{s}");
    }

    #[test]
    fn calinski_harabasz_four_points() {
        let (x, l) = four();
        // between 16 (df 1) over within 1 (df 2)
        let ch = calinski_harabasz(x.view(), &l, &[1.0; 4], 2).unwrap();
        assert!((ch - 32.0).abs() < 1e-12, "{ch}");
    }

    #[test]
    fn davies_bouldin_four_points() {
        let (x, l) = four();
        // (0.5 + 0.5) / 4
        let db = davies_bouldin(x.view(), &l, &[1.0; 4], 2).unwrap();
        assert!((db - 0.25).abs() < 1e-12, "{db}");
    }

    #[test]
    fn weight_two_equals_row_written_twice() {
        let twice = array![[0.0], [0.0], [1.0], [4.0], [5.0]];
        let lt = [0, 0, 0, 1, 1];
        let (x, l) = four();
        let w = [2.0, 1.0, 1.0, 1.0];
        let pairs = [
            (
                silhouette(twice.view(), &lt, &[1.0; 5], 2, None),
                silhouette(x.view(), &l, &w, 2, None),
            ),
            (
                calinski_harabasz(twice.view(), &lt, &[1.0; 5], 2),
                calinski_harabasz(x.view(), &l, &w, 2),
            ),
            (
                davies_bouldin(twice.view(), &lt, &[1.0; 5], 2),
                davies_bouldin(x.view(), &l, &w, 2),
            ),
        ];
        for (a, b) in pairs {
            assert!((a.unwrap() - b.unwrap()).abs() < 1e-12, "{a:?} {b:?}");
        }
    }

    #[test]
    fn missing_answers_are_left_out_not_imputed() {
        let nan = f64::NAN;
        // Clusters {(0,0), (0,NaN)} and {(4,4), (4,2)}; p = 2.
        let x = array![[0.0, 0.0], [0.0, nan], [4.0, 4.0], [4.0, 2.0]];
        let l = [0, 0, 1, 1];
        let w = [1.0; 4];
        // Centroids (0,0) (the gap is not answered: the mean of the answered
        // cell) and (4,3). Within: 0 + 0 + 1 + 1 = 2. Overall mean (2, 2);
        // between: 2 × 8 + 2 × 5 = 26. CH = 26 × (4 - 2) / (2 × 1) = 26.
        let ch = calinski_harabasz(x.view(), &l, &w, 2).unwrap();
        assert!((ch - 26.0).abs() < 1e-12, "{ch}");
        // Spreads: 0 and 1; centroid distance 5. DB = (0 + 1) / 5 = 0.2.
        let db = davies_bouldin(x.view(), &l, &w, 2).unwrap();
        assert!((db - 0.2).abs() < 1e-12, "{db}");
        // Row 1 (0, NaN): to row 0, 0; to rows 2 and 3, |0 - 4| × √2 each.
        // s = 1. Row 0: a = 0 (row 1 on the common feature), b = (√32 + √20) / 2.
        // Row 2: a = 2, b = mean(√32, √32) = √32: s = 1 - 2/√32.
        // Row 3: a = 2, b = mean(√20, √32): s = 1 - 2/b.
        let b3 = (20f64.sqrt() + 32f64.sqrt()) / 2.0;
        let expected = (1.0 + 1.0 + (1.0 - 2.0 / 32f64.sqrt()) + (1.0 - 2.0 / b3)) / 4.0;
        let s = silhouette(x.view(), &l, &w, 2, None).unwrap();
        assert!((s - expected).abs() < 1e-12, "{s} {expected}");
        // A pair with nothing in common has no distance: row 0 (NaN, 1)
        // never meets row 1 (2, NaN), and silhouette still exists.
        let y = array![[nan, 1.0], [2.0, nan], [2.0, 1.0], [9.0, 9.0], [9.0, 8.0]];
        assert!(silhouette(y.view(), &[0, 0, 0, 1, 1], &[1.0; 5], 2, None).is_some());
    }

    #[test]
    fn undefined_cases() {
        let x = array![[0.0], [1.0]];
        assert_eq!(silhouette(x.view(), &[0, 0], &[1.0; 2], 1, None), None);
        assert_eq!(calinski_harabasz(x.view(), &[0, 0], &[1.0; 2], 1), None);
        let same = array![[1.0], [1.0], [1.0]];
        assert_eq!(davies_bouldin(same.view(), &[0, 1, 1], &[1.0; 3], 2), None);
    }

    #[test]
    fn sample_is_stratified_and_seeded() {
        let labels: Vec<usize> = (0..100).map(|i| usize::from(i >= 80)).collect();
        let s = stratified_sample(&labels, 2, 10, 7);
        assert_eq!(s.len(), 10);
        assert_eq!(s.iter().filter(|&&i| labels[i] == 1).count(), 2);
        assert_eq!(s, stratified_sample(&labels, 2, 10, 7));
        assert_eq!(stratified_sample(&labels, 2, 500, 7).len(), 100);
    }
}
