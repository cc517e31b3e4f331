//! The independent k-means work of a k scan and of the stability re-runs,
//! written as jobs: each is a pure function of the fitted rows and the job,
//! so any copy of those rows (another wasm instance, another thread) gives
//! bit-for-bit the same result, and the results can be combined in job order
//! whatever ran them.
//!
//! A fit of `restarts` starts on every fitted row is split into one job per
//! start; the best start (lowest inertia, ties to the earliest) is found by
//! [`best_start`], exactly as a single fit keeps its best restart. A fit on
//! half of the rows is one job (the half is drawn again from its seed where
//! it runs). Jobs return centroids, not labels: the labels of the kept start
//! are computed again by [`clustering_of`] as the nearest centroid of every
//! row, which is what the fit's own labels are (ties to the lowest index).

use ndarray::{Array2, ArrayView2, Axis};
use rand_xoshiro::Xoshiro256Plus;
use rand_xoshiro::rand_core::{RngCore, SeedableRng};
use serde::{Deserialize, Serialize};

use super::scan::measures_of;
use crate::cluster::{
    ClusterError, Clustering, DEFAULT_START_BUDGET, KMeansSettings, MAX_RESTARTS, Prepared,
    distinct_rows, kmeans_starts, nearest, restart_seed,
};

/// One of the two halves of a seeded random split of the fitted rows.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Half {
    /// The seed the split is drawn from.
    pub seed: u32,
    /// Which split (0-based).
    pub split: u32,
    /// The second half (the first otherwise).
    pub second: bool,
}

/// One piece of independent work: `kind` says which.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Job {
    /// Some k-means starts of one fit.
    Starts(StartsJob),
    /// The quality of the segments some centroids make.
    Quality(QualityJob),
}

/// k-means starts `firstStart` to `firstStart + starts - 1` of a fit with
/// `k` segments and `seed`, on every fitted respondent or (with `half`) on
/// one half of them.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StartsJob {
    /// Number of segments.
    pub k: u32,
    /// The fit's seed.
    pub seed: u32,
    /// Index of the first start run (0-based).
    pub first_start: u32,
    /// How many starts to run.
    pub starts: u32,
    /// Lloyd iteration cap per start.
    pub max_iterations: u32,
    /// Relative convergence tolerance.
    pub tolerance: f64,
    /// The half of the respondents to fit, or null for all of them.
    pub half: Option<Half>,
}

/// The quality measures of the segments these `k` centroids make (every
/// respondent in the segment of the nearest), the silhouette on at most
/// `sample` respondents drawn with `seed`.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QualityJob {
    /// Number of segments.
    pub k: u32,
    /// The centroids, row-major (`k` rows).
    pub centroids: Vec<f64>,
    /// Silhouette sample size.
    pub sample: u32,
    /// The run's seed.
    pub seed: u32,
}

/// What a job found: `kind` says which.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum JobResult {
    /// The best of a starts job's starts.
    Starts(StartsResult),
    /// A half with fewer distinct answer patterns than k: not fitted, and
    /// its split is left out of the stability figures.
    Skipped,
    /// A quality job's measures.
    Quality(QualityResult),
}

/// The best of a starts job's starts (lowest inertia, ties to the earliest).
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StartsResult {
    /// Number of segments.
    pub k: u32,
    /// Which start it was (0-based, among all the fit's starts).
    pub start: u32,
    /// Its centroids, row-major (`k` rows).
    pub centroids: Vec<f64>,
    /// Its weighted sum of squared partial distances.
    pub inertia: f64,
    /// Its Lloyd iterations.
    pub iterations: u32,
    /// Whether it stopped before the iteration cap.
    pub converged: bool,
}

/// A quality job's measures (null where undefined).
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QualityResult {
    /// Number of segments.
    pub k: u32,
    /// Mean silhouette.
    pub silhouette: Option<f64>,
    /// Calinski–Harabasz index.
    pub calinski_harabasz: Option<f64>,
    /// Davies–Bouldin index.
    pub davies_bouldin: Option<f64>,
    /// Respondents the silhouette used.
    pub used: u32,
}

/// The jobs of one fit with `settings` (all its starts): one per start on
/// every row, or one for a half.
pub fn fit_jobs(settings: &KMeansSettings, half: Option<Half>) -> Vec<Job> {
    let job = |first_start, starts| {
        Job::Starts(StartsJob {
            k: settings.k as u32,
            seed: settings.seed,
            first_start,
            starts,
            max_iterations: settings.max_iterations,
            tolerance: settings.tolerance,
            half,
        })
    };
    match half {
        Some(_) => vec![job(0, settings.restarts)],
        None => (0..settings.restarts).map(|r| job(r, 1)).collect(),
    }
}

/// The kept start of a fit from the results of its jobs, in job order.
#[derive(Debug, Clone, PartialEq)]
pub struct Start {
    /// Its centroids, `k` × features.
    pub centroids: Array2<f64>,
    /// Weighted sum of squared partial distances.
    pub inertia: f64,
    /// Lloyd iterations.
    pub iterations: u32,
    /// Whether it stopped before the cap.
    pub converged: bool,
    /// Which start it was.
    pub start: u32,
    /// Starts run in all.
    pub starts: u32,
}

/// The best start among `results` (ties to the earliest), which must all be
/// the results of one fit's `starts` jobs, `p` features wide; `starts` is the
/// number of starts they ran in all. `None` when a half was skipped.
pub fn best_start(
    results: &[JobResult],
    p: usize,
    starts: u32,
) -> Result<Option<Start>, ClusterError> {
    let mut best: Option<Start> = None;
    for result in results {
        let JobResult::Starts(StartsResult {
            k,
            start,
            centroids,
            inertia,
            iterations,
            converged,
        }) = result
        else {
            return Ok(None);
        };
        let shape = (*k as usize, p);
        let centroids = Array2::from_shape_vec(shape, centroids.clone())
            .map_err(|_| bad_result(format!("{k} centroids of {p} numbers were expected")))?;
        if best.as_ref().is_none_or(|b| *inertia < b.inertia) {
            best = Some(Start {
                centroids,
                inertia: *inertia,
                iterations: *iterations,
                converged: *converged,
                start: *start,
                starts,
            });
        }
    }
    best.map(Some)
        .ok_or_else(|| bad_result("a fit had no results".to_string()))
}

fn bad_result(detail: String) -> ClusterError {
    ClusterError::Clustering(format!("a job result does not fit its job: {detail}"))
}

/// The nearest centroid of every row and its squared partial distance.
/// `kmeans` has already refused a row without answers; were one to get
/// here, it is an error, not segment 0.
pub fn nearest_all(
    data: ArrayView2<'_, f64>,
    centroids: &Array2<f64>,
) -> Result<(Vec<usize>, Vec<f64>), ClusterError> {
    data.axis_iter(Axis(0))
        .map(|row| nearest(row, centroids.view()))
        .collect::<Option<(Vec<usize>, Vec<f64>)>>()
        .ok_or_else(|| ClusterError::Clustering("a row without answers reached a fit".into()))
}

/// The clustering of `data` a kept start makes: every row in the segment
/// of its nearest centroid.
pub fn clustering_of(data: ArrayView2<'_, f64>, start: Start) -> Result<Clustering, ClusterError> {
    let (labels, distances) = nearest_all(data, &start.centroids)?;
    Ok(Clustering {
        labels,
        distances,
        centroids: start.centroids,
        inertia: start.inertia,
        iterations: start.iterations,
        converged: start.converged,
        restart: start.start,
        starts: start.starts,
    })
}

/// The rows (sorted) of one half of split `split` drawn from `seed` over
/// `n` rows: a seeded shuffle cut in two.
pub fn half_rows(n: usize, half: &Half) -> Vec<usize> {
    let mut rng = Xoshiro256Plus::seed_from_u64(restart_seed(half.seed, 0xC000_0000 + half.split));
    let mut order: Vec<usize> = (0..n).collect();
    for t in (1..n).rev() {
        let j = (rng.next_u64() % (t as u64 + 1)) as usize;
        order.swap(t, j);
    }
    let (first, second) = order.split_at(n / 2);
    let mut rows = if half.second { second } else { first }.to_vec();
    rows.sort_unstable();
    rows
}

/// The fitted rows (NaN = missing, each with an answer), their positive
/// weights and their preparation: what every job runs on.
#[derive(Debug, Clone, Copy)]
pub struct Rows<'a> {
    /// One row per fitted respondent.
    pub data: ArrayView2<'a, f64>,
    /// The weight of each row.
    pub weights: &'a [f64],
    /// `data` and `weights` prepared for k-means.
    pub prep: &'a Prepared,
}

/// [`Rows`] owned, checked once: a copy of the fitted rows kept where jobs
/// run.
#[derive(Debug, Clone)]
pub struct FitData {
    data: Array2<f64>,
    weights: Vec<f64>,
    prep: Prepared,
}

impl FitData {
    /// From the fitted rows (NaN = missing) and their weights, checked as
    /// a fit checks them.
    pub fn new(data: Array2<f64>, weights: Vec<f64>) -> Result<FitData, ClusterError> {
        crate::cluster::check_fit(data.view(), &weights, 1)?;
        Ok(FitData {
            prep: Prepared::new(data.view(), &weights),
            data,
            weights,
        })
    }

    /// The rows, to run jobs on.
    pub fn rows(&self) -> Rows<'_> {
        Rows {
            data: self.data.view(),
            weights: &self.weights,
            prep: &self.prep,
        }
    }
}

/// Refuse a k that the rows cannot make (0, or above their distinct
/// answer patterns).
fn check_k(data: ArrayView2<'_, f64>, k: usize) -> Result<(), ClusterError> {
    let distinct = distinct_rows(data, k);
    if k == 0 || distinct < k {
        return Err(ClusterError::KAboveDistinct {
            k: k as u32,
            distinct: distinct as u32,
        });
    }
    Ok(())
}

/// Run `job` on `fit`.
pub fn run_job(fit: Rows<'_>, job: &Job) -> Result<JobResult, ClusterError> {
    match job {
        Job::Starts(job) => run_starts(fit, job),
        Job::Quality(job) => {
            let (k, p) = (job.k as usize, fit.data.ncols());
            let centroids = Array2::from_shape_vec((k, p), job.centroids.clone())
                .map_err(|_| bad_result(format!("{k} centroids of {p} numbers were expected")))?;
            let (labels, _) = nearest_all(fit.data, &centroids)?;
            let sample = job.sample as usize;
            let (silhouette, calinski_harabasz, davies_bouldin, used) =
                measures_of(fit.data, fit.weights, &labels, k, sample, job.seed);
            Ok(JobResult::Quality(QualityResult {
                k: job.k,
                silhouette,
                calinski_harabasz,
                davies_bouldin,
                used,
            }))
        }
    }
}

fn run_starts(fit: Rows<'_>, job: &StartsJob) -> Result<JobResult, ClusterError> {
    let settings = KMeansSettings {
        k: job.k as usize,
        seed: job.seed,
        restarts: job.starts,
        max_iterations: job.max_iterations,
        tolerance: job.tolerance,
    };
    // A job's starts come from `restarts` (at most MAX_RESTARTS) or from the
    // adaptive rule (at most DEFAULT_START_BUDGET.max): refuse more.
    let most = DEFAULT_START_BUDGET.max.max(MAX_RESTARTS);
    if job.starts > most {
        return Err(ClusterError::AboveLimit {
            option: "starts",
            value: job.starts,
            max: most,
        });
    }
    crate::cluster::check_limits(job.starts.min(MAX_RESTARTS), job.max_iterations)?;
    let (first, count) = (job.first_start, job.starts);
    let run = match &job.half {
        None => {
            check_k(fit.data, settings.k)?;
            kmeans_starts(fit.prep, &settings, first, count)?
        }
        Some(half) => {
            let rows = half_rows(fit.data.nrows(), half);
            let sub = crate::cluster::select_rows(fit.data, &rows);
            if rows.len() < settings.k || distinct_rows(sub.view(), settings.k) < settings.k {
                return Ok(JobResult::Skipped);
            }
            let w: Vec<f64> = rows.iter().map(|&r| fit.weights[r]).collect();
            crate::cluster::check_fit(sub.view(), &w, settings.k)?;
            let prep = Prepared::new(sub.view(), &w);
            kmeans_starts(&prep, &settings, first, count)?
        }
    };
    Ok(JobResult::Starts(StartsResult {
        k: job.k,
        start: run.restart,
        centroids: run.centroids.iter().copied().collect(),
        inertia: run.inertia,
        iterations: run.iterations,
        converged: run.converged,
    }))
}
