//! A 2-D picture of the segments: principal components of the encoded answers.
//!
//! PCA is an exact Jacobi eigen-decomposition of the covariance of the
//! encoded matrix with missing cells replaced by the feature's (weighted)
//! mean (features number tens, so it is cheap). The signs of the
//! components are fixed so that each component's largest loading is
//! positive. linfa-reduction's `Pca` was used before: its truncated SVD
//! returned vectors that were not the leading eigenvectors on small data,
//! and panicked on some (NaN in its eigenvalue sort, found by fuzzing
//! `segment`), which in wasm is a trap. `explained` is each component's share of the *total* variance
//! of the features (linfa's own `explained_variance_ratio` is relative to the
//! kept components only, so it is not used).

use ndarray::{Array2, ArrayView1, ArrayView2, Axis};
use serde::{Deserialize, Serialize};

/// Respondents and centroids on the first two principal components.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Projection {
    /// One `[pc1, pc2]` per respondent, input order.
    pub points: Vec<[f64; 2]>,
    /// One `[pc1, pc2]` per segment.
    pub centroids: Vec<[f64; 2]>,
    /// Share of the total variance on each component (0..1).
    pub explained: [f64; 2],
}

/// Project `imputed` (complete, one row per respondent) and `centroids` onto
/// two components. With one feature the second coordinate is 0. Fails (with
/// a reason) only on inconsistent shapes; never panics. `imputed` is centred
/// in place, so a million respondents' answers are not copied again.
pub fn project(
    mut imputed: Array2<f64>,
    centroids: ArrayView2<'_, f64>,
) -> Result<Projection, String> {
    let (n, p) = imputed.dim();
    let mean = imputed
        .mean_axis(Axis(0))
        .unwrap_or_else(|| ndarray::Array1::zeros(p));
    for mut row in imputed.axis_iter_mut(Axis(0)) {
        row -= &mean;
    }
    let centred = imputed;
    let total: f64 = centred
        .axis_iter(Axis(0))
        .map(|d| d.mapv(|d| d * d).sum())
        .sum();
    let components: Array2<f64> = if n < 2 || total <= 0.0 {
        Array2::zeros((2, p))
    } else if p == 1 {
        Array2::from_shape_vec((2, 1), vec![1.0, 0.0]).map_err(|e| e.to_string())?
    } else {
        let cov = centred.t().dot(&centred);
        let mut c = jacobi_top2(&cov);
        for mut row in c.axis_iter_mut(Axis(0)) {
            let largest = row
                .iter()
                .copied()
                .fold(0.0f64, |a, b| if b.abs() > a.abs() { b } else { a });
            if largest < 0.0 {
                row.mapv_inplace(|x| -x);
            }
        }
        c
    };
    let on_components =
        |d: ArrayView1<'_, f64>| [d.dot(&components.row(0)), d.dot(&components.row(1))];
    let points: Vec<[f64; 2]> = centred.axis_iter(Axis(0)).map(on_components).collect();
    let mut explained = [0.0; 2];
    if total > 0.0 {
        for (e, c) in explained.iter_mut().enumerate() {
            *c = points.iter().map(|q| q[e] * q[e]).sum::<f64>() / total;
        }
    }
    let centroids = centroids
        .axis_iter(Axis(0))
        .map(|r| on_components((&r - &mean).view()))
        .collect();
    Ok(Projection {
        points,
        centroids,
        explained,
    })
}

/// True when each non-zero row of `components` is a unit eigenvector of
/// `cov` (relative residual below 1e-6) and the first carries at least the
/// variance of the second.
#[cfg(test)]
fn are_leading_eigenvectors(cov: &Array2<f64>, components: &Array2<f64>) -> bool {
    let norm = cov
        .iter()
        .map(|x| x * x)
        .sum::<f64>()
        .sqrt()
        .max(f64::MIN_POSITIVE);
    let mut values = Vec::new();
    for v in components.axis_iter(Axis(0)) {
        let length = v.dot(&v).sqrt();
        if length == 0.0 {
            values.push(0.0);
            continue;
        }
        if (length - 1.0).abs() > 1e-6 {
            return false;
        }
        let cv = cov.dot(&v);
        let lambda = v.dot(&cv);
        let residual = (&cv - &(&v * lambda)).mapv(|x| x * x).sum().sqrt();
        if residual > 1e-6 * norm {
            return false;
        }
        values.push(lambda);
    }
    values.windows(2).all(|w| w[0] >= w[1] - 1e-9 * norm)
}

/// The two leading eigenvectors (rows) of the symmetric matrix `a` by cyclic
/// Jacobi rotations.
fn jacobi_top2(a: &Array2<f64>) -> Array2<f64> {
    let p = a.nrows();
    let mut a = a.clone();
    let mut v = Array2::<f64>::eye(p);
    let scale = a.iter().map(|x| x * x).sum::<f64>().max(f64::MIN_POSITIVE);
    for _ in 0..100 {
        let off: f64 = (0..p)
            .flat_map(|i| (0..p).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[[i, j]] * a[[i, j]])
            .sum();
        if off <= 1e-24 * scale {
            break;
        }
        for i in 0..p {
            for j in i + 1..p {
                let aij = a[[i, j]];
                if aij.abs() <= f64::MIN_POSITIVE {
                    continue;
                }
                let theta = (a[[j, j]] - a[[i, i]]) / (2.0 * aij);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for r in 0..p {
                    if r != i && r != j {
                        let (ari, arj) = (a[[r, i]], a[[r, j]]);
                        a[[r, i]] = c * ari - s * arj;
                        a[[i, r]] = a[[r, i]];
                        a[[r, j]] = s * ari + c * arj;
                        a[[j, r]] = a[[r, j]];
                    }
                }
                a[[i, i]] -= t * aij;
                a[[j, j]] += t * aij;
                a[[i, j]] = 0.0;
                a[[j, i]] = 0.0;
                for r in 0..p {
                    let (vri, vrj) = (v[[r, i]], v[[r, j]]);
                    v[[r, i]] = c * vri - s * vrj;
                    v[[r, j]] = s * vri + c * vrj;
                }
            }
        }
    }
    let order =
        crate::order::sorted_indices(p, &|x, y| a[[y, y]].total_cmp(&a[[x, x]]).then(x.cmp(&y)));
    let mut out = Array2::zeros((2, p));
    for (row, &k) in order.iter().take(2).enumerate() {
        out.row_mut(row).assign(&v.column(k));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn points_on_a_line_are_explained_by_one_component() {
        let x = array![
            [0.0, 0.0, 0.0],
            [1.0, 2.0, 0.0],
            [2.0, 4.0, 0.0],
            [3.0, 6.0, 0.0]
        ];
        let c = array![[0.5, 1.0, 0.0]];
        let p = project(x.clone(), c.view()).unwrap();
        assert!((p.explained[0] - 1.0).abs() < 1e-6, "{:?}", p.explained);
        assert!(p.explained[1].abs() < 1e-6);
        // Distances along the line are kept: points are sqrt(5) apart.
        assert!((p.points[1][0] - p.points[0][0] - 5f64.sqrt()).abs() < 1e-6);
        assert!((p.centroids[0][0] - (p.points[0][0] + p.points[1][0]) / 2.0).abs() < 1e-6);
    }

    #[test]
    fn small_rank_deficient_data_gets_the_true_components() {
        // scikit-learn: explained_variance_ratio_ = [0.97572945, 0.02425848]
        let x = array![
            [0.0, 0.707, 0.0],
            [0.25, 0.707, 0.0],
            [1.0, 0.0, 0.707],
            [0.75, 0.0, 0.707],
            [0.5, 0.35, 0.35]
        ];
        let p = project(x.clone(), x.view()).unwrap();
        assert!(
            (p.explained[0] - 0.97572945).abs() < 1e-6,
            "{:?}",
            p.explained
        );
        assert!(
            (p.explained[1] - 0.02425848).abs() < 1e-6,
            "{:?}",
            p.explained
        );
    }

    #[test]
    fn jacobi_finds_leading_eigenvectors() {
        let a = array![[2.0, 1.0, 0.0], [1.0, 2.0, 0.0], [0.0, 0.0, 1.0]];
        let v = jacobi_top2(&a);
        assert!(are_leading_eigenvectors(&a, &v));
        let h = 0.5f64.sqrt();
        assert!((v[[0, 0]].abs() - h).abs() < 1e-12 && (v[[0, 1]].abs() - h).abs() < 1e-12);
    }

    #[test]
    fn a_feature_scaled_up_enormously_does_not_panic() {
        // Fuzz finding: a question weight of 3e169 scaled a feature by
        // 1.8e84 and linfa's PCA panicked (NaN in its eigenvalue sort).
        let mut rows = Vec::new();
        for i in 0..16 {
            let x = f64::from(i % 5);
            rows.extend([x * 1.8e84, f64::from(i % 3), f64::from(i % 2) * 0.5]);
        }
        let data = Array2::from_shape_vec((16, 3), rows).unwrap();
        let centroids = data.slice(ndarray::s![0..3, ..]).to_owned();
        let p = project(data.clone(), centroids.view()).unwrap();
        assert_eq!(p.points.len(), 16);
        assert!(p.explained.iter().all(|e| !e.is_nan()));
    }

    #[test]
    fn two_features_and_one_feature() {
        let x = array![[0.0, 1.0], [1.0, 0.0], [2.0, 2.0], [3.0, 1.0]];
        let p = project(x.clone(), x.view()).unwrap();
        assert!((p.explained[0] + p.explained[1] - 1.0).abs() < 1e-6);
        let one = array![[1.0], [3.0]];
        let p = project(one.clone(), one.view()).unwrap();
        assert_eq!(p.points, vec![[-1.0, 0.0], [1.0, 0.0]]);
        assert_eq!(p.explained, [1.0, 0.0]);
    }
}
