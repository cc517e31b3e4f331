//! Stability: would the segments come out the same with another seed, or
//! from another half of the respondents?

use ndarray::{Array2, ArrayView2, Axis};
use rand_xoshiro::Xoshiro256Plus;
use rand_xoshiro::rand_core::{RngCore, SeedableRng};
use serde::{Deserialize, Serialize};

use super::ari::{adjusted_rand, best_jaccard};
use crate::cluster::{
    ClusterError, KMeansSettings, Prepared, distinct_rows, kmeans, kmeans_prepared, nearest,
    restart_seed,
};

/// Agreement of re-runs with the segmentation.
///
/// - `ariSeeds`: for each of `stabilityRuns` other seeds (derived from the
///   seed), the adjusted Rand index between that run's segments and ours.
/// - `ariHalves`: for each of `stabilityRuns` seeded random splits into two
///   halves, both halves are clustered separately, every respondent is put in
///   the nearest segment of each, and the two labelings are compared by ARI.
///   A split where a half has fewer distinct answer patterns than k is skipped.
/// - `meanAri`: the mean of all those ARIs: always a number (never NaN),
///   since at least one seed run is made.
/// - `perSegment`: for each segment, the mean over seed runs of its best
///   Jaccard overlap with any segment of the run (1 = found identically).
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Stability {
    /// ARI against re-runs with other seeds.
    pub ari_seeds: Vec<f64>,
    /// ARI between clusterings of two halves.
    pub ari_halves: Vec<f64>,
    /// Mean of all the ARIs above (a number: `runs` >= 1 seed runs always count).
    pub mean_ari: f64,
    /// Per segment, mean best-match Jaccard over the seed runs.
    pub per_segment: Vec<f64>,
}

/// The nearest centroid of every row. `kmeans` has already refused `data`
/// if a row had no answer; were one to get here, it is an error, not
/// segment 0.
fn predict(data: ArrayView2<'_, f64>, centroids: &Array2<f64>) -> Result<Vec<usize>, ClusterError> {
    data.axis_iter(Axis(0))
        .map(|row| nearest(row, centroids.view()).map(|(j, _)| j))
        .collect::<Option<_>>()
        .ok_or_else(|| ClusterError::Clustering("a row without answers reached stability".into()))
}

/// Measure the stability of `labels` (the segmentation of `data` with
/// `settings`) with `runs` seed runs and `runs` half splits. `prep` is
/// `data` and `weights` prepared for the seed runs (each half is prepared on
/// its own). `progress` hears the share done (0..=1) after each run.
/// Refuses `runs` = 0 (there would be nothing to average) and, through
/// `kmeans`, a row without answers.
pub fn stability(
    data: ArrayView2<'_, f64>,
    prep: &Prepared,
    weights: &[f64],
    labels: &[usize],
    settings: &KMeansSettings,
    runs: u32,
    progress: &mut dyn FnMut(f64),
) -> Result<Stability, ClusterError> {
    if runs == 0 {
        return Err(ClusterError::Clustering(
            "stability needs at least one seed run".to_string(),
        ));
    }
    let steps = f64::from(2 * runs);
    let k = settings.k;
    let n = data.nrows();
    let mut ari_seeds = Vec::new();
    let mut jaccard = vec![0.0; k];
    for i in 0..runs {
        let seed = restart_seed(settings.seed, 0x8000_0000 + i) as u32;
        let run = kmeans_prepared(prep, &KMeansSettings { seed, ..*settings })?;
        ari_seeds.push(adjusted_rand(labels, &run.labels));
        for (total, j) in jaccard.iter_mut().zip(best_jaccard(labels, &run.labels, k)) {
            *total += j / runs as f64;
        }
        progress(f64::from(i + 1) / steps);
    }
    let mut ari_halves = Vec::new();
    for i in 0..runs {
        let mut rng = Xoshiro256Plus::seed_from_u64(restart_seed(settings.seed, 0xC000_0000 + i));
        let mut order: Vec<usize> = (0..n).collect();
        for t in (1..n).rev() {
            let j = (rng.next_u64() % (t as u64 + 1)) as usize;
            order.swap(t, j);
        }
        let (first, second) = order.split_at(n / 2);
        let mut labelings = Vec::new();
        for half in [first, second] {
            let mut rows = half.to_vec();
            rows.sort_unstable();
            let sub = data.select(Axis(0), &rows);
            if rows.len() < k || distinct_rows(sub.view(), k) < k {
                break;
            }
            let w: Vec<f64> = rows.iter().map(|&r| weights[r]).collect();
            let run = kmeans(sub.view(), &w, settings)?;
            labelings.push(predict(data, &run.centroids)?);
        }
        if let [a, b] = labelings.as_slice() {
            ari_halves.push(adjusted_rand(a, b));
        }
        progress(f64::from(runs + i + 1) / steps);
    }
    let all: Vec<f64> = ari_seeds.iter().chain(&ari_halves).copied().collect();
    // Not empty: there is one seed run at least.
    let mean_ari = all.iter().sum::<f64>() / all.len() as f64;
    Ok(Stability {
        ari_seeds,
        ari_halves,
        mean_ari,
        per_segment: jaccard,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_separated_blobs_are_stable() {
        let mut rows = Vec::new();
        for c in [0.0, 10.0] {
            for j in 0..8 {
                rows.extend([c + j as f64 * 0.1, c - j as f64 * 0.05]);
            }
        }
        let data = Array2::from_shape_vec((16, 2), rows).unwrap();
        let w = [1.0; 16];
        let settings = KMeansSettings {
            k: 2,
            seed: 3,
            restarts: 2,
            max_iterations: 50,
            tolerance: 1e-8,
        };
        let main = kmeans(data.view(), &w, &settings).unwrap();
        let mut heard = Vec::new();
        let s = stability(
            data.view(),
            &Prepared::new(data.view(), &w),
            &w,
            &main.labels,
            &settings,
            3,
            &mut |p| heard.push(p),
        )
        .unwrap();
        assert_eq!(heard.len(), 6, "one report per seed run and per half split");
        assert!(heard.windows(2).all(|w| w[0] < w[1]) && heard[5] == 1.0);
        assert_eq!(s.ari_seeds, vec![1.0; 3]);
        assert_eq!(s.ari_halves, vec![1.0; 3]);
        assert_eq!(s.mean_ari, 1.0);
        assert_eq!(s.per_segment, vec![1.0; 2]);
    }

    #[test]
    fn no_runs_or_a_row_without_answers_is_refused_not_averaged_or_put_in_segment_0() {
        let data = ndarray::array![[0.0], [1.0], [9.0], [10.0]];
        let w = [1.0; 4];
        let settings = KMeansSettings {
            k: 2,
            seed: 1,
            restarts: 1,
            max_iterations: 20,
            tolerance: 1e-8,
        };
        let labels = [0, 0, 1, 1];
        let run = |d: &Array2<f64>, runs| {
            stability(
                d.view(),
                &Prepared::new(d.view(), &w),
                &w,
                &labels,
                &settings,
                runs,
                &mut |_| {},
            )
        };
        assert!(run(&data, 0).is_err());
        let blank = ndarray::array![[0.0], [f64::NAN], [9.0], [10.0]];
        assert!(run(&blank, 1).is_err());
        assert!(run(&data, 1).unwrap().mean_ari.is_finite());
    }
}
