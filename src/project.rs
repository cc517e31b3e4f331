//! A 2-D picture of the segments: principal components of the encoded answers.
//!
//! PCA is fitted with linfa-reduction's `Pca` on the encoded matrix with
//! missing cells replaced by the feature's (weighted) mean. The signs of the
//! components are fixed so that each component's largest loading is
//! positive; components linfa does not return (rank-deficient data) are
//! zero. `explained` is each component's share of the *total* variance
//! of the features (linfa's own `explained_variance_ratio` is relative to the
//! kept components only, so it is not used).

use linfa::DatasetBase;
use linfa::traits::Fit;
use linfa_reduction::Pca;
use ndarray::{Array2, ArrayView2, Axis};
use serde::{Deserialize, Serialize};

/// Respondents and centroids on the first two principal components.
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
/// a reason) only when linfa's PCA fails.
pub fn project(
    imputed: ArrayView2<'_, f64>,
    centroids: ArrayView2<'_, f64>,
) -> Result<Projection, String> {
    let (n, p) = imputed.dim();
    let mean = imputed
        .mean_axis(Axis(0))
        .unwrap_or_else(|| ndarray::Array1::zeros(p));
    let total: f64 = imputed
        .axis_iter(Axis(0))
        .map(|r| (&r - &mean).mapv(|d| d * d).sum())
        .sum();
    let components: Array2<f64> = if n < 2 || total <= 0.0 {
        Array2::zeros((2, p))
    } else if p == 1 {
        Array2::from_shape_vec((2, 1), vec![1.0, 0.0]).map_err(|e| e.to_string())?
    } else {
        let pca = Pca::params(2)
            .fit(&DatasetBase::from(imputed.to_owned()))
            .map_err(|e| e.to_string())?;
        // On rank-deficient data linfa returns fewer components than asked:
        // the missing ones are zero.
        let mut c = Array2::zeros((2, p));
        for (i, row) in pca.components().axis_iter(Axis(0)).take(2).enumerate() {
            c.row_mut(i).assign(&row);
        }
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
    let to_2d = |m: ArrayView2<'_, f64>| -> Vec<[f64; 2]> {
        m.axis_iter(Axis(0))
            .map(|r| {
                let d = &r - &mean;
                [d.dot(&components.row(0)), d.dot(&components.row(1))]
            })
            .collect()
    };
    let points = to_2d(imputed);
    let mut explained = [0.0; 2];
    if total > 0.0 {
        for (e, c) in explained.iter_mut().enumerate() {
            *c = points.iter().map(|q| q[e] * q[e]).sum::<f64>() / total;
        }
    }
    Ok(Projection {
        points,
        centroids: to_2d(centroids),
        explained,
    })
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
        let p = project(x.view(), c.view()).unwrap();
        assert!((p.explained[0] - 1.0).abs() < 1e-6, "{:?}", p.explained);
        assert!(p.explained[1].abs() < 1e-6);
        // Distances along the line are kept: points are sqrt(5) apart.
        assert!((p.points[1][0] - p.points[0][0] - 5f64.sqrt()).abs() < 1e-6);
        assert!((p.centroids[0][0] - (p.points[0][0] + p.points[1][0]) / 2.0).abs() < 1e-6);
    }

    #[test]
    fn two_features_and_one_feature() {
        let x = array![[0.0, 1.0], [1.0, 0.0], [2.0, 2.0], [3.0, 1.0]];
        let p = project(x.view(), x.view()).unwrap();
        assert!((p.explained[0] + p.explained[1] - 1.0).abs() < 1e-6);
        let one = array![[1.0], [3.0]];
        let p = project(one.view(), one.view()).unwrap();
        assert_eq!(p.points, vec![[-1.0, 0.0], [1.0, 0.0]]);
        assert_eq!(p.explained, [1.0, 0.0]);
    }
}
