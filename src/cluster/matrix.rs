//! k-means on a plain numeric matrix, for callers who encode their own
//! answers (and for benchmarks against other k-means libraries).

use std::borrow::Cow;

use ndarray::ArrayView2;
use serde::{Deserialize, Serialize};

use super::algorithm::{distinct_rows, kmeans_prepared};
use super::errors::ClusterError;
use super::hyperparams::{KMeansSettings, MAX_K, MAX_VALUE, check_k_against_data, check_limits};
use super::kernel::Prepared;
use super::lloyd::lloyd_prepared;

/// Options of `kmeans` on a plain matrix (camelCase in JS, every field optional).
///
/// | field | default |
/// | --- | --- |
/// | `k` | 3 |
/// | `seed` | 42 |
/// | `restarts` | 10, at most 100 (ignored with `initialCentroids`) |
/// | `maxIterations` | 300, at most 10000 |
/// | `tolerance` | 1e-4, relative to the mean variance of the features; 0 runs until no assignment changes or `maxIterations` |
/// | `initialCentroids` | none: k-means++ starts; else `k` rows of `width` numbers, row-major |
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct MatrixOptions {
    /// Number of clusters. Default 3.
    pub k: u32,
    /// Seed of every random choice. Default 42.
    pub seed: u32,
    /// k-means++ restarts; the lowest inertia wins. Default 10.
    pub restarts: u32,
    /// Lloyd iteration cap. Default 300.
    pub max_iterations: u32,
    /// Relative tolerance (>= 0). Default 1e-4.
    pub tolerance: f64,
    /// Start from these centroids (row-major, `k` × `width`) instead of k-means++.
    pub initial_centroids: Option<Vec<f64>>,
}

impl Default for MatrixOptions {
    fn default() -> Self {
        MatrixOptions {
            k: 3,
            seed: 42,
            restarts: 10,
            max_iterations: 300,
            tolerance: 1e-4,
            initial_centroids: None,
        }
    }
}

/// What `kmeans` on a plain matrix found.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MatrixClustering {
    /// Cluster of each row (nearest centroid, ties to the lowest index).
    pub clusters: Vec<u32>,
    /// `k` × `width` centroids, row-major.
    pub centroids: Vec<f64>,
    /// Sum of squared (partial) distances of the rows to their centroids.
    pub inertia: f64,
    /// Lloyd iterations of the kept run.
    pub iterations: u32,
    /// Whether it stopped before `maxIterations`.
    pub converged: bool,
}

/// k-means on `data`, `width` numbers per row, row-major; NaN is a missing
/// value (partial distance, as in [`super::kmeans`]). Every row needs at
/// least one value, and every value is within ±1e100 ([`MAX_VALUE`]).
///
/// `data` may be borrowed (`&[f64]`, `&Vec<f64>`: the rows are copied once)
/// or owned (`Vec<f64>`: the fit works in that buffer, no copy).
pub fn kmeans_matrix<'a>(
    data: impl Into<Cow<'a, [f64]>>,
    width: usize,
    options: &MatrixOptions,
) -> Result<MatrixClustering, ClusterError> {
    fit_rows(data.into(), width, options)
}

fn fit_rows(
    data: Cow<'_, [f64]>,
    width: usize,
    options: &MatrixOptions,
) -> Result<MatrixClustering, ClusterError> {
    let bad = |what: &str| Err(ClusterError::InvalidMatrix(what.to_string()));
    if width == 0 || data.len() % width != 0 {
        return bad("the data's length must be a multiple of a width of at least 1");
    }
    if !(1..=MAX_K).contains(&options.k) {
        return Err(ClusterError::InvalidK {
            k: options.k,
            max: MAX_K,
        });
    }
    if !(options.tolerance >= 0.0 && options.tolerance.is_finite()) {
        return Err(ClusterError::InvalidTolerance(options.tolerance));
    }
    if options.max_iterations == 0 {
        return Err(ClusterError::ZeroMaxIterations);
    }
    if options.restarts == 0 {
        return Err(ClusterError::ZeroRestarts);
    }
    check_limits(options.restarts, options.max_iterations)?;
    // One pass over the cells checks what `kmeans` would check again.
    for (r, row) in data.chunks_exact(width).enumerate() {
        if row.iter().any(|x| x.is_infinite() || x.abs() > MAX_VALUE) {
            return bad("the data holds an infinite value or one beyond ±1e100");
        }
        if row.iter().all(|x| x.is_nan()) {
            return Err(ClusterError::InvalidMatrix(format!(
                "row {r} (0-based) has no values"
            )));
        }
    }
    let rows = data.len() / width;
    let matrix = ArrayView2::from_shape((rows, width), &data)
        .map_err(|e| ClusterError::InvalidMatrix(e.to_string()))?;
    let k = options.k as usize;
    check_k_against_data(options.k, rows, distinct_rows(matrix, k))?;
    if let Some(init) = &options.initial_centroids
        && (init.len() != k * width
            || init
                .iter()
                .any(|x| !(x.is_finite() && x.abs() <= MAX_VALUE)))
    {
        return bad("initialCentroids must hold k × width numbers within ±1e100");
    }
    let weights = vec![1.0; rows];
    let prep = Prepared::from_vec(data.into_owned(), width, &weights);
    let clustering = match &options.initial_centroids {
        Some(init) => lloyd_prepared(&prep, init, options.max_iterations, options.tolerance).0,
        None => kmeans_prepared(
            &prep,
            &KMeansSettings {
                k,
                seed: options.seed,
                restarts: options.restarts,
                max_iterations: options.max_iterations,
                tolerance: options.tolerance,
            },
        )?,
    };
    Ok(MatrixClustering {
        clusters: clustering.labels.iter().map(|&l| l as u32).collect(),
        centroids: clustering.centroids.iter().copied().collect(),
        inertia: clustering.inertia,
        iterations: clustering.iterations,
        converged: clustering.converged,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FOUR: [f64; 8] = [0.0, 0.0, 0.0, 2.0, 10.0, 0.0, 10.0, 2.0];

    #[test]
    fn four_points_two_clusters_exact() {
        let r = kmeans_matrix(
            &FOUR,
            2,
            &MatrixOptions {
                k: 2,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(r.clusters[0], r.clusters[1]);
        assert_eq!(r.clusters[2], r.clusters[3]);
        assert_ne!(r.clusters[0], r.clusters[2]);
        let mut centres: Vec<[f64; 2]> = r.centroids.chunks(2).map(|c| [c[0], c[1]]).collect();
        centres.sort_by(|a, b| a[0].total_cmp(&b[0]));
        assert_eq!(centres, [[0.0, 1.0], [10.0, 1.0]]);
        assert_eq!(r.inertia, 4.0);
    }

    #[test]
    fn given_centroids_are_the_start_and_tolerance_zero_runs_to_stillness() {
        let options = MatrixOptions {
            k: 2,
            tolerance: 0.0,
            initial_centroids: Some(vec![0.0, 0.0, 0.0, 2.0]),
            ..Default::default()
        };
        let r = kmeans_matrix(&FOUR, 2, &options).unwrap();
        // From (0,0) and (0,2) the split is top/bottom first, then stays.
        assert_eq!(r.clusters, [0, 1, 0, 1]);
        assert_eq!(r.centroids, [5.0, 0.0, 5.0, 2.0]);
        assert!(r.converged);
    }

    #[test]
    fn rejections() {
        let run =
            |data: &[f64], width, o: MatrixOptions| kmeans_matrix(data, width, &o).unwrap_err();
        let d = MatrixOptions::default;
        assert!(matches!(run(&FOUR, 3, d()), ClusterError::InvalidMatrix(_)));
        assert!(matches!(run(&FOUR, 0, d()), ClusterError::InvalidMatrix(_)));
        assert!(matches!(
            run(&FOUR, 2, MatrixOptions { k: 0, ..d() }),
            ClusterError::InvalidK { .. }
        ));
        assert!(matches!(
            run(&FOUR, 2, MatrixOptions { k: 5, ..d() }),
            ClusterError::TooFewRespondents { .. }
        ));
        assert!(matches!(
            run(&[1.0, 1.0, 1.0, 1.0], 2, MatrixOptions { k: 2, ..d() }),
            ClusterError::KAboveDistinct { .. }
        ));
        assert!(matches!(
            run(
                &FOUR,
                2,
                MatrixOptions {
                    tolerance: -1.0,
                    ..d()
                }
            ),
            ClusterError::InvalidTolerance(_)
        ));
        assert!(matches!(
            run(
                &[f64::NAN, f64::NAN, 1.0, 2.0],
                2,
                MatrixOptions { k: 1, ..d() }
            ),
            ClusterError::InvalidMatrix(_)
        ));
        assert!(matches!(
            run(&[f64::INFINITY, 1.0], 2, MatrixOptions { k: 1, ..d() }),
            ClusterError::InvalidMatrix(_)
        ));
        // Fuzz finding: values near f64::MAX overflowed squared distances.
        assert!(matches!(
            run(
                &[f64::MAX, 1.0, -f64::MAX, 0.0],
                2,
                MatrixOptions { k: 2, ..d() }
            ),
            ClusterError::InvalidMatrix(_)
        ));
        assert!(matches!(
            run(
                &FOUR,
                2,
                MatrixOptions {
                    restarts: 101,
                    ..d()
                }
            ),
            ClusterError::AboveLimit {
                option: "restarts",
                ..
            }
        ));
        let short = MatrixOptions {
            k: 2,
            initial_centroids: Some(vec![1.0]),
            ..d()
        };
        assert!(matches!(
            run(&FOUR, 2, short),
            ClusterError::InvalidMatrix(_)
        ));
    }

    #[test]
    fn the_first_bad_row_is_named_whatever_follows_it() {
        let message = |data: &[f64]| {
            let o = MatrixOptions {
                k: 1,
                ..Default::default()
            };
            kmeans_matrix(data, 2, &o).unwrap_err().to_string()
        };
        let (nan, inf) = (f64::NAN, f64::INFINITY);
        let empty = message(&[1.0, 2.0, nan, nan, inf, 1.0, 1e200, 0.0]);
        assert!(empty.contains("row 1 (0-based) has no values"), "{empty}");
        for data in [
            [1.0, 2.0, 1e200, 0.0, nan, nan],
            [1.0, 2.0, inf, 1.0, nan, nan],
        ] {
            let text = message(&data);
            assert!(
                text.contains("infinite value or one beyond ±1e100"),
                "{text}"
            );
        }
        // A complete row beyond the limit is found too.
        let text = message(&[1.0, 2.0, -1e101, 3.0]);
        assert!(text.contains("beyond ±1e100"), "{text}");
    }
}
