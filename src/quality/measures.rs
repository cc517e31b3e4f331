//! Internal validity measures on a complete (mean-imputed) matrix, with
//! respondent weights. Each returns `None` where the measure is undefined
//! (fewer than two clusters, all points identical, ...).
//!
//! With weights all 1 they match scikit-learn's `silhouette_score`,
//! `calinski_harabasz_score` and `davies_bouldin_score`. With weights, a
//! respondent of weight w counts as w respondents in every mean and sum
//! (the silhouette of a point leaves out only the point itself).

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

fn centroids(
    data: ArrayView2<'_, f64>,
    labels: &[usize],
    weights: &[f64],
    k: usize,
) -> (Array2<f64>, Vec<f64>) {
    let mut sums = Array2::<f64>::zeros((k, data.ncols()));
    let mut totals = vec![0.0; k];
    for (i, row) in data.axis_iter(Axis(0)).enumerate() {
        let mut s = sums.row_mut(labels[i]);
        s.scaled_add(weights[i], &row);
        totals[labels[i]] += weights[i];
    }
    for (mut s, t) in sums.axis_iter_mut(Axis(0)).zip(&totals) {
        if *t > 0.0 {
            s /= *t;
        }
    }
    (sums, totals)
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
    let (mut total, mut weight) = (0.0, 0.0);
    let mut sums = vec![0.0; k];
    let mut mass = vec![0.0; k];
    // Contiguous rows: this double loop is the costliest step of a k scan.
    let x = data.as_standard_layout();
    let p = x.ncols();
    let flat = x.as_slice().unwrap_or(&[]);
    let row = |i: usize| &flat[i * p..(i + 1) * p];
    for &i in rows {
        sums.iter_mut().for_each(|s| *s = 0.0);
        mass.iter_mut().for_each(|m| *m = 0.0);
        let xi = row(i);
        for &j in rows {
            if i == j {
                continue;
            }
            let d: f64 = xi
                .iter()
                .zip(row(j))
                .map(|(a, b)| (a - b) * (a - b))
                .sum::<f64>()
                .sqrt();
            sums[labels[j]] += weights[j] * d;
            mass[labels[j]] += weights[j];
        }
        let own = labels[i];
        // The point's own extra copies (weight above 1) sit at distance 0.
        let own_mass = mass[own] + (weights[i] - 1.0).max(0.0);
        let s = if own_mass <= 0.0 {
            0.0
        } else {
            let a = sums[own] / own_mass;
            let b = (0..k)
                .filter(|&c| c != own && mass[c] > 0.0)
                .map(|c| sums[c] / mass[c])
                .fold(f64::INFINITY, f64::min);
            if !b.is_finite() || a.max(b) == 0.0 {
                0.0
            } else {
                (b - a) / a.max(b)
            }
        };
        total += weights[i] * s;
        weight += weights[i];
    }
    (weight > 0.0).then(|| total / weight)
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
    let mut order: Vec<usize> = (0..k).collect();
    order.sort_by(|&a, &b| {
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
    let mean = data.t().dot(&ndarray::ArrayView1::from(weights)) / n;
    let between: f64 = c
        .axis_iter(Axis(0))
        .zip(&totals)
        .map(|(ci, t)| t * distance(ci, mean.view()).powi(2))
        .sum();
    let within: f64 = data
        .axis_iter(Axis(0))
        .enumerate()
        .map(|(i, row)| weights[i] * distance(row, c.row(labels[i])).powi(2))
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
    for (i, row) in data.axis_iter(Axis(0)).enumerate() {
        spread[labels[i]] += weights[i] * distance(row, c.row(labels[i]));
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
