//! Stability: would the segments come out the same with another seed, or
//! from another half of the respondents?

use ndarray::ArrayView2;
use serde::{Deserialize, Serialize};

use super::ari::{adjusted_rand, best_jaccard};
use super::work::{Half, Job, JobResult, Rows, best_start, fit_jobs, nearest_all, run_job};
use crate::cluster::{ClusterError, KMeansSettings, restart_seed};

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

/// The settings of seed run `i`: the same fit with a seed derived from the
/// segmentation's.
fn seed_run(settings: &KMeansSettings, i: u32) -> KMeansSettings {
    KMeansSettings {
        seed: restart_seed(settings.seed, 0x8000_0000 + i) as u32,
        ..*settings
    }
}

/// The jobs of [`stability`] with `runs` seed runs and `runs` half splits of
/// the fit `settings` describes: the two halves of every split first (one
/// job each), then every start of each seed run. Refuses `runs` = 0 (there
/// would be nothing to average).
pub fn stability_jobs(settings: &KMeansSettings, runs: u32) -> Result<Vec<Job>, ClusterError> {
    if runs == 0 {
        return Err(ClusterError::Clustering(
            "stability needs at least one seed run".to_string(),
        ));
    }
    let mut jobs = Vec::new();
    for split in 0..runs {
        for second in [false, true] {
            let half = Half {
                seed: settings.seed,
                split,
                second,
            };
            jobs.extend(fit_jobs(settings, Some(half)));
        }
    }
    for i in 0..runs {
        jobs.extend(fit_jobs(&seed_run(settings, i), None));
    }
    Ok(jobs)
}

/// The stability of `labels` (the segmentation of `data` with `settings`)
/// from the results of [`stability_jobs`] with `runs`, in its order.
pub fn stability_from(
    data: ArrayView2<'_, f64>,
    labels: &[usize],
    settings: &KMeansSettings,
    runs: u32,
    results: &[JobResult],
) -> Result<Stability, ClusterError> {
    let (k, p, runs_n) = (settings.k, data.ncols(), runs as usize);
    let starts = settings.restarts as usize;
    if runs == 0 || results.len() != 2 * runs_n + runs_n * starts {
        return Err(ClusterError::Clustering(
            "the stability results do not match its jobs".to_string(),
        ));
    }
    let (halves, seeds) = results.split_at(2 * runs_n);
    let mut ari_seeds = Vec::new();
    let mut jaccard = vec![0.0; k];
    for run in seeds.chunks_exact(starts.max(1)) {
        let best = best_start(run, p, settings.restarts)?
            .ok_or_else(|| ClusterError::Clustering("a seed run was skipped".to_string()))?;
        let (run_labels, _) = nearest_all(data, &best.centroids)?;
        ari_seeds.push(adjusted_rand(labels, &run_labels));
        for (total, j) in jaccard.iter_mut().zip(best_jaccard(labels, &run_labels, k)) {
            *total += j / runs as f64;
        }
    }
    let mut ari_halves = Vec::new();
    for pair in halves.chunks_exact(2) {
        let (Some(a), Some(b)) = (
            best_start(&pair[..1], p, settings.restarts)?,
            best_start(&pair[1..], p, settings.restarts)?,
        ) else {
            continue;
        };
        let (a, _) = nearest_all(data, &a.centroids)?;
        let (b, _) = nearest_all(data, &b.centroids)?;
        ari_halves.push(adjusted_rand(&a, &b));
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

/// Measure the stability of `labels` (the segmentation of `rows` with
/// `settings`) with `runs` seed runs and `runs` half splits, running every
/// job of [`stability_jobs`] here. `progress` hears the share of the jobs
/// done (0..=1) after each. Refuses `runs` = 0 and, through the fits, a
/// row without answers.
pub fn stability(
    rows: Rows<'_>,
    labels: &[usize],
    settings: &KMeansSettings,
    runs: u32,
    progress: &mut dyn FnMut(f64),
) -> Result<Stability, ClusterError> {
    let jobs = stability_jobs(settings, runs)?;
    let total = jobs.len() as f64;
    let results = jobs
        .iter()
        .enumerate()
        .map(|(i, job)| {
            let result = run_job(rows, job);
            progress((i + 1) as f64 / total);
            result
        })
        .collect::<Result<Vec<_>, _>>()?;
    stability_from(rows.data, labels, settings, runs, &results)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::{Prepared, kmeans};
    use ndarray::Array2;

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
        let prep = Prepared::new(data.view(), &w);
        let rows = Rows {
            data: data.view(),
            weights: &w,
            prep: &prep,
        };
        let s = stability(rows, &main.labels, &settings, 3, &mut |p| heard.push(p)).unwrap();
        assert_eq!(
            heard.len(),
            6 + 3 * 2,
            "one report per half and per seed run's start"
        );
        assert!(heard.windows(2).all(|w| w[0] < w[1]) && heard[11] == 1.0);
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
            let prep = Prepared::new(d.view(), &w);
            let rows = Rows {
                data: d.view(),
                weights: &w,
                prep: &prep,
            };
            stability(rows, &labels, &settings, runs, &mut |_| {})
        };
        assert!(run(&data, 0).is_err());
        let blank = ndarray::array![[0.0], [f64::NAN], [9.0], [10.0]];
        assert!(run(&blank, 1).is_err());
        assert!(run(&data, 1).unwrap().mean_ari.is_finite());
    }
}
