//! Weighted k-means with missing answers.
//!
//! Each restart `r` seeds a `Xoshiro256Plus` from `(seed, r)`, picks greedy
//! k-means++ starting centroids on the partial distances and weights
//! ([`super::seeding`]) and runs exact weighted Lloyd iterations
//! ([`super::lloyd`]: a SIMD-lane kernel, Hamerly's bounds and centre sums
//! updated for the rows that moved, with the labels of plain Lloyd). The
//! rows are prepared once per fit and shared by every restart. (Up to 0.1
//! the starts came from linfa's k-means++ on the mean-imputed matrix; its
//! traps are still guarded: k above the distinct rows, k = 0, non-finite
//! input and bad weights are errors, and labels, centroids and inertia all
//! come from the kept restart.)
//!
//! **Partial distance.** With `p` features of which respondent `i` answered
//! `p_i > 0`, the squared distance to a centroid is the sum over the answered
//! features, times `p / p_i`: a respondent is compared on what they answered,
//! scaled up to the full question set. A centroid's feature is the weighted
//! mean over the members who answered it, so missing answers never move a
//! centroid (a feature no member answered keeps its previous value).
//!
//! **Results.** Assignments are always recomputed from the returned centroids
//! (ties go to the lowest index). When a run stops because no assignment
//! changed, the centroids are exactly the weighted means of their members;
//! when it stops on `tolerance` or the iteration cap, they are the means of
//! the assignment before the final one. `inertia` is the weighted sum of
//! squared partial distances to the returned centroids.
//!
//! **Empty clusters.** A cluster left without members is re-seeded with the
//! respondent farthest from their centroid (ties to the lowest row) among
//! clusters that have more than one member, and iteration goes on.

use ndarray::{Array2, ArrayView1, ArrayView2, Axis};
use rand_xoshiro::Xoshiro256Plus;
use rand_xoshiro::rand_core::SeedableRng;

use super::errors::ClusterError;
use super::hyperparams::{KMeansSettings, MAX_VALUE};
use super::kernel::{Prepared, sq_one};
use super::lloyd::lloyd_prepared;
use super::seeding::greedy_kmeans_pp;

/// The best restart of a k-means fit.
#[derive(Debug, Clone, PartialEq)]
pub struct Clustering {
    /// Cluster of each row, nearest to its centroid (ties to the lowest index).
    pub labels: Vec<usize>,
    /// Squared partial distance of each row to its centroid.
    pub distances: Vec<f64>,
    /// k × features.
    pub centroids: Array2<f64>,
    /// Weighted sum of squared partial distances.
    pub inertia: f64,
    /// Lloyd iterations (centroid updates) of the kept restart.
    pub iterations: u32,
    /// Whether the kept restart stopped before the iteration cap.
    pub converged: bool,
    /// Which restart was kept (0-based).
    pub restart: u32,
    /// Restarts run (k-means++ starts tried).
    pub starts: u32,
}

/// The seed of restart `r` (SplitMix64 of the seed and restart index), so
/// restarts are independent and the same for a given seed.
pub fn restart_seed(seed: u32, r: u32) -> u64 {
    let mut z = ((seed as u64) << 32 | r as u64).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Squared partial distance of `row` (NaN = missing) to `centroid`; `None`
/// when the row has no answer.
pub fn partial_sq_distance(row: ArrayView1<'_, f64>, centroid: ArrayView1<'_, f64>) -> Option<f64> {
    let mut sum = 0.0;
    let mut observed = 0usize;
    for (x, c) in row.iter().zip(centroid.iter()) {
        if x.is_finite() {
            sum += (x - c) * (x - c);
            observed += 1;
        }
    }
    (observed > 0).then(|| sum * row.len() as f64 / observed as f64)
}

/// Nearest centroid of `row` and its squared partial distance (ties to the
/// lowest index); `None` when the row has no answer.
pub fn nearest(row: ArrayView1<'_, f64>, centroids: ArrayView2<'_, f64>) -> Option<(usize, f64)> {
    // Borrowed as they are when already contiguous (always, in the pipeline).
    let (row, centroids) = (row.as_standard_layout(), centroids.as_standard_layout());
    match (row.as_slice(), centroids.as_slice()) {
        (Some(r), Some(c)) => nearest_in(r, c),
        _ => None,
    }
}

/// [`nearest`] on a contiguous row and row-major centroids: the hot loop of
/// every Lloyd iteration. The answered-feature count is taken once per row,
/// and the inner loop has no branch the compiler cannot turn into a select.
fn nearest_in(row: &[f64], centroids: &[f64]) -> Option<(usize, f64)> {
    let p = row.len();
    if p == 0 {
        return None;
    }
    let observed = row.iter().filter(|x| x.is_finite()).count();
    if observed == 0 {
        return None;
    }
    let scale = p as f64 / observed as f64;
    let complete = observed == p;
    let mut best: Option<(usize, f64)> = None;
    for (j, c) in centroids.chunks_exact(p).enumerate() {
        let d = sq_one(row, c, complete) * scale;
        if best.is_none_or(|(_, b)| d < b) {
            best = Some((j, d));
        }
    }
    best
}

/// The rows `rows` of `data`, in that order: what `data.select(Axis(0),
/// rows)` gives, without ndarray's general concatenation (5 KB of .wasm for
/// these two uses).
pub fn select_rows(data: ArrayView2<'_, f64>, rows: &[usize]) -> Array2<f64> {
    Array2::from_shape_fn((rows.len(), data.ncols()), |(i, j)| data[[rows[i], j]])
}

/// Number of distinct rows (missing cells compare equal to each other),
/// counted up to `at_most`: every caller only compares it with a k, and
/// stopping early saves hashing every row of a large survey on every fit.
pub fn distinct_rows(data: ArrayView2<'_, f64>, at_most: usize) -> usize {
    let mut seen = std::collections::HashSet::new();
    for row in data.axis_iter(Axis(0)) {
        if seen.len() >= at_most {
            break;
        }
        let key: Vec<u64> = row
            .iter()
            .map(|x| {
                if x.is_nan() {
                    u64::MAX
                } else {
                    (x + 0.0).to_bits()
                }
            })
            .collect();
        seen.insert(key);
    }
    seen.len()
}

/// Replace missing cells with the weighted mean of the feature (0 when no
/// one answered it).
pub fn impute_means(data: ArrayView2<'_, f64>, weights: &[f64]) -> Array2<f64> {
    let means = feature_means(data, weights);
    let mut out = data.to_owned();
    for mut row in out.axis_iter_mut(Axis(0)) {
        for (x, m) in row.iter_mut().zip(&means) {
            if !x.is_finite() {
                *x = *m;
            }
        }
    }
    out
}

fn feature_means(data: ArrayView2<'_, f64>, weights: &[f64]) -> Vec<f64> {
    data.axis_iter(Axis(1))
        .map(|col| {
            let (mut s, mut w) = (0.0, 0.0);
            for (x, wi) in col.iter().zip(weights) {
                if x.is_finite() {
                    s += x * wi;
                    w += wi;
                }
            }
            if w > 0.0 { s / w } else { 0.0 }
        })
        .collect()
}

/// Exact weighted Lloyd iterations from `init` (see the module docs).
/// Every row of `data` must have at least one answer and every weight must
/// be positive. Returns the clustering (with `restart` 0).
pub fn lloyd(
    data: ArrayView2<'_, f64>,
    weights: &[f64],
    init: Array2<f64>,
    max_iterations: u32,
    tolerance: f64,
) -> Clustering {
    let prep = Prepared::new(data, weights);
    let init: Vec<f64> = init.iter().copied().collect();
    lloyd_prepared(&prep, &init, max_iterations, tolerance).0
}

/// One restart on prepared rows: greedy k-means++ from the restart's seed,
/// then exact weighted Lloyd iterations. Returns the clustering and the
/// multiply-adds its distances cost.
pub(crate) fn run_restart(prep: &Prepared, settings: &KMeansSettings, r: u32) -> (Clustering, f64) {
    let mut rng = Xoshiro256Plus::seed_from_u64(restart_seed(settings.seed, r));
    let (init, seeding) = greedy_kmeans_pp(prep, settings.k, &mut rng);
    let (mut run, work) = lloyd_prepared(prep, &init, settings.max_iterations, settings.tolerance);
    run.restart = r;
    (run, seeding + work)
}

/// Check what [`kmeans`] needs of its input: `k` between 1 and the number
/// of distinct rows, a positive finite weight per row, finite answers.
pub fn check_fit(data: ArrayView2<'_, f64>, weights: &[f64], k: usize) -> Result<(), ClusterError> {
    let distinct = distinct_rows(data, k);
    if k == 0 || k > distinct {
        return Err(ClusterError::KAboveDistinct {
            k: k as u32,
            distinct: distinct as u32,
        });
    }
    if weights.len() != data.nrows() || weights.iter().any(|w| !(w.is_finite() && *w > 0.0)) {
        return Err(ClusterError::Clustering(
            "every clustered respondent needs a positive finite weight".to_string(),
        ));
    }
    if data.iter().any(|x| x.is_infinite() || x.abs() > MAX_VALUE) {
        return Err(ClusterError::Clustering(format!(
            "the encoded answers contain a value that is not finite or beyond ±{MAX_VALUE:e}"
        )));
    }
    if let Some(r) = data
        .rows()
        .into_iter()
        .position(|r| r.iter().all(|x| x.is_nan()))
    {
        return Err(ClusterError::InvalidMatrix(format!(
            "row {r} (0-based) has no answers: leave it out and mark it unassigned (-1)"
        )));
    }
    Ok(())
}

/// Weighted k-means with `settings.restarts` restarts; the restart with the
/// lowest inertia is kept (ties to the earliest). Every row of `data` must
/// have at least one answer and every weight must be positive.
pub fn kmeans(
    data: ArrayView2<'_, f64>,
    weights: &[f64],
    settings: &KMeansSettings,
) -> Result<Clustering, ClusterError> {
    check_fit(data, weights, settings.k)?;
    kmeans_prepared(&Prepared::new(data, weights), settings)
}

/// How many k-means++ starts a fit runs when their number adapts to the
/// data: the starts that fit in `work` multiply-adds at the estimated cost
/// of one start ([`start_cost`]), but at least `min` and at most `max`.
/// Counted work, never wall-clock: the number depends only on the size of
/// the data and k, so it is the same on every machine and known before any
/// fit (a pool of workers can share out the starts of each k in advance).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StartBudget {
    /// Starts always run (>= 1).
    pub min: u32,
    /// Starts never exceeded.
    pub max: u32,
    /// Multiply-adds allowed for the starts of one fit (one k).
    pub work: f64,
}

/// Lloyd passes one start is assumed to cost, seeding included: greedy
/// k-means++ costs about 1 to 3.5 passes for k = 2..8, and a start then
/// takes a few to a few tens of iterations, the later ones made cheap by
/// Hamerly's bounds. An estimate fixed here, so the rule never depends on
/// how a run went.
pub const START_PASSES: f64 = 20.0;

/// The default budget of `segment`: 10^8 multiply-adds per k, i.e.
/// ⌊5·10^6 / (n·p·k)⌋ starts, at least 2 and at most 200. On 1,000
/// respondents × 10 features that is 200 starts at k = 2 and 83 at k = 6;
/// on the 1,500 × 13 sample survey 128 at k = 2 and 64 at k = 4; from about
/// 100,000 × 12 on, 2 at every k. Of 5·10^7, 10^8 and 1.5·10^8, 10^8 was
/// the smallest that kept every k from 2 to 6 within 0.5% of the best
/// inertia known on the twelve real sets of `tests/reference` with seeds 42,
/// 1 and 2 when it was set (5·10^7 left 400 × 58 digits 0.6% above); the
/// test checks the default seed. The cap of 200 is for tiny data,
/// where a start costs next to nothing and local optima are many (20 rows
/// at k = 6 needed about 200 starts; 100 left them 5% above); it is above
/// the 100 that `restarts` may ask for because the work budget, not the
/// count, is what bounds the time.
pub const DEFAULT_START_BUDGET: StartBudget = StartBudget {
    min: 2,
    max: 200,
    work: 1e8,
};

/// The estimated multiply-adds of one start on `n` rows of `p` features at
/// `k`: [`START_PASSES`] passes of n·p·k.
pub fn start_cost(n: usize, p: usize, k: usize) -> f64 {
    START_PASSES * n as f64 * p as f64 * k as f64
}

/// The number of starts `budget` allows a fit of `k` clusters on `n` rows of
/// `p` features: ⌊work / [`start_cost`]⌋, clamped to `min..=max` (`min`
/// wins if `max` is below it). A pure function of its arguments.
pub fn starts_for(n: usize, p: usize, k: usize, budget: StartBudget) -> u32 {
    let cost = start_cost(n, p, k);
    let affordable = if cost > 0.0 {
        (budget.work / cost).floor().min(f64::from(u32::MAX)) as u32
    } else {
        budget.max
    };
    affordable.min(budget.max).max(budget.min)
}

/// Starts `first..first + count` of the fit `settings` describes (whose
/// `restarts` is ignored), on rows already prepared and checked: the best of
/// them (ties to the earliest), with [`Clustering::restart`] its index among
/// all the fit's starts and [`Clustering::starts`] = `count`. Keeping the
/// best of consecutive ranges in order, ties to the earlier, gives exactly
/// [`kmeans_prepared`]'s result, however the starts are split up.
pub fn kmeans_starts(
    prep: &Prepared,
    settings: &KMeansSettings,
    first: u32,
    count: u32,
) -> Result<Clustering, ClusterError> {
    let mut best: Option<Clustering> = None;
    for r in first..first.saturating_add(count) {
        let (run, _) = run_restart(prep, settings, r);
        if best.as_ref().is_none_or(|b| run.inertia < b.inertia) {
            best = Some(run);
        }
    }
    let mut best = best.ok_or(ClusterError::ZeroRestarts)?;
    best.starts = count;
    Ok(best)
}

/// [`kmeans`] on rows already prepared (and checked with [`check_fit`]).
pub fn kmeans_prepared(
    prep: &Prepared,
    settings: &KMeansSettings,
) -> Result<Clustering, ClusterError> {
    let mut best: Option<Clustering> = None;
    for r in 0..settings.restarts {
        let (run, _) = run_restart(prep, settings, r);
        if best.as_ref().is_none_or(|b| run.inertia < b.inertia) {
            best = Some(run);
        }
    }
    let mut best = best.ok_or(ClusterError::ZeroRestarts)?;
    best.starts = settings.restarts;
    Ok(best)
}

#[cfg(test)]
mod tests {
    #[test]
    fn distinct_rows_counts_up_to_the_cap_with_missing_cells_equal() {
        let nan = f64::NAN;
        let data = ndarray::array![[1.0, nan], [1.0, nan], [2.0, 0.0], [-0.0, 0.0], [0.0, 0.0]];
        assert_eq!(super::distinct_rows(data.view(), 10), 3);
        assert_eq!(super::distinct_rows(data.view(), 2), 2);
        assert_eq!(super::distinct_rows(data.view(), 0), 0);
    }

    use super::*;
    use ndarray::array;

    fn settings(k: usize) -> KMeansSettings {
        KMeansSettings {
            k,
            seed: 42,
            restarts: 5,
            max_iterations: 100,
            tolerance: 1e-12,
        }
    }

    #[test]
    fn four_points_exact_centroids() {
        let data = array![[0.0, 0.0], [0.0, 1.0], [10.0, 0.0], [10.0, 1.0]];
        let c = kmeans(data.view(), &[1.0; 4], &settings(2)).unwrap();
        assert_eq!(c.labels[0], c.labels[1]);
        assert_eq!(c.labels[2], c.labels[3]);
        assert_ne!(c.labels[0], c.labels[2]);
        let a = c.labels[0];
        assert_eq!(c.centroids.row(a).to_vec(), vec![0.0, 0.5]);
        assert_eq!(c.centroids.row(1 - a).to_vec(), vec![10.0, 0.5]);
        // Sum, not mean: four points each 0.25 away.
        assert!((c.inertia - 1.0).abs() < 1e-12);
        assert!(c.converged);
    }

    #[test]
    fn partial_distance_scales_up_to_all_features() {
        let row = array![1.0, f64::NAN, 3.0, f64::NAN];
        let c = array![0.0, 100.0, 0.0, 100.0];
        // (1 + 9) × 4 / 2
        assert_eq!(partial_sq_distance(row.view(), c.view()), Some(20.0));
        let none = array![f64::NAN, f64::NAN];
        assert_eq!(
            partial_sq_distance(none.view(), array![0.0, 0.0].view()),
            None
        );
    }

    #[test]
    fn missing_answers_do_not_move_centroids() {
        // One cluster; the second feature is answered by two rows only.
        let data = array![[0.0, 2.0], [2.0, f64::NAN], [4.0, 4.0]];
        let c = lloyd(data.view(), &[1.0; 3], array![[0.0, 0.0]], 10, 1e-12);
        assert_eq!(c.centroids.row(0).to_vec(), vec![2.0, 3.0]);
        // Row 1: (2-2)^2 × 2/1 = 0.
        assert_eq!(c.distances[1], 0.0);
    }

    #[test]
    fn ties_go_to_the_lowest_index() {
        let centroids = array![[0.0], [2.0]];
        assert_eq!(
            nearest(array![1.0].view(), centroids.view()),
            Some((0, 1.0))
        );
    }

    #[test]
    fn empty_cluster_is_reseeded_with_the_farthest_point() {
        // Both starting centroids far right: cluster 1 starts empty.
        let data = array![[0.0], [1.0], [10.0]];
        let c = lloyd(data.view(), &[1.0; 3], array![[100.0], [200.0]], 50, 1e-12);
        let mut sizes = [0; 2];
        for &l in &c.labels {
            sizes[l] += 1;
        }
        assert!(sizes.iter().all(|&s| s > 0));
        assert!(c.converged);
        // The final partition is {0, 1} and {10}.
        assert_eq!(c.labels[0], c.labels[1]);
        assert_ne!(c.labels[0], c.labels[2]);
        assert!((c.inertia - 0.5).abs() < 1e-12);
    }

    #[test]
    fn best_restart_kept_and_labels_match_centroids() {
        let data = array![
            [0.0, 0.0],
            [0.2, 0.1],
            [5.0, 5.0],
            [5.1, 4.9],
            [9.0, 0.0],
            [9.2, 0.3],
            [0.1, 9.0]
        ];
        let w = [1.0; 7];
        let c = kmeans(data.view(), &w, &settings(3)).unwrap();
        for (i, row) in data.axis_iter(Axis(0)).enumerate() {
            assert_eq!(nearest(row, c.centroids.view()).unwrap().0, c.labels[i]);
        }
        // No single restart does better.
        let prep = Prepared::new(data.view(), &w);
        for r in 0..5 {
            let (one, _) = run_restart(&prep, &settings(3), r);
            assert!(c.inertia <= one.inertia, "restart {r}");
        }
        assert_eq!(c.starts, 5);
    }

    #[test]
    fn weight_two_equals_row_written_twice() {
        let twice = array![[0.0, 0.0], [0.0, 0.0], [0.5, 0.2], [8.0, 8.0], [8.5, 8.2]];
        let weighted = array![[0.0, 0.0], [0.5, 0.2], [8.0, 8.0], [8.5, 8.2]];
        let a = kmeans(twice.view(), &[1.0; 5], &settings(2)).unwrap();
        let b = kmeans(weighted.view(), &[2.0, 1.0, 1.0, 1.0], &settings(2)).unwrap();
        assert!((a.inertia - b.inertia).abs() < 1e-12);
        let mut ca: Vec<Vec<f64>> = a.centroids.outer_iter().map(|r| r.to_vec()).collect();
        let mut cb: Vec<Vec<f64>> = b.centroids.outer_iter().map(|r| r.to_vec()).collect();
        ca.sort_by(|x, y| x[0].total_cmp(&y[0]));
        cb.sort_by(|x, y| x[0].total_cmp(&y[0]));
        for (x, y) in ca.iter().flatten().zip(cb.iter().flatten()) {
            assert!((x - y).abs() < 1e-12);
        }
    }

    #[test]
    fn linfa_traps_are_guarded() {
        // k above the distinct rows: an error, not duplicate centroids.
        let dup = array![[1.0, 1.0], [1.0, 1.0], [2.0, 2.0]];
        assert_eq!(
            kmeans(dup.view(), &[1.0; 3], &settings(3)).unwrap_err(),
            ClusterError::KAboveDistinct { k: 3, distinct: 2 }
        );
        assert!(kmeans(dup.view(), &[1.0; 3], &settings(0)).is_err());
        // Missing cells (NaN) are fine: imputed for linfa, skipped by us.
        let gaps = array![[0.0, f64::NAN], [0.5, 0.0], [9.0, 9.0], [f64::NAN, 9.5]];
        let c = kmeans(gaps.view(), &[1.0; 4], &settings(2)).unwrap();
        assert_eq!(c.labels[0], c.labels[1]);
        assert_eq!(c.labels[2], c.labels[3]);
        assert_eq!(c.centroids.row(c.labels[0]).to_vec(), vec![0.25, 0.0]);
        // Values whose squares overflow are refused (linfa's k-means++
        // panicked on them: fuzz finding).
        let huge = array![[1e300, 0.0], [-1e300, 1.0], [0.0, 2.0]];
        assert!(kmeans(huge.view(), &[1.0; 3], &settings(2)).is_err());
        // A row with no answers is refused, not put in cluster 0.
        let blank = array![[0.0, 1.0], [f64::NAN, f64::NAN], [9.0, 9.0]];
        let e = kmeans(blank.view(), &[1.0; 3], &settings(2)).unwrap_err();
        assert!(
            e.to_string().contains("row 1 (0-based) has no answers"),
            "{e}"
        );
        // Bad weights are refused rather than ignored.
        assert!(kmeans(gaps.view(), &[1.0, 0.0, 1.0, 1.0], &settings(2)).is_err());
        // With several restarts, labels and centroids come from the same
        // (best) restart: every label is the nearest centroid.
        for (i, row) in gaps.axis_iter(Axis(0)).enumerate() {
            assert_eq!(nearest(row, c.centroids.view()).unwrap().0, c.labels[i]);
        }
    }

    #[test]
    fn starts_adapt_to_the_size_of_the_data() {
        let b = DEFAULT_START_BUDGET;
        // Small data: the cap; 100,000 × 12: few, fewer as k grows.
        assert_eq!(starts_for(20, 6, 6, b), 200);
        assert_eq!(starts_for(1_000, 10, 2, b), 200);
        assert_eq!(starts_for(1_000, 10, 6, b), 83);
        let sample: Vec<u32> = (2..=8).map(|k| starts_for(1_500, 13, k, b)).collect();
        assert_eq!(sample, [128, 85, 64, 51, 42, 36, 32]);
        let large: Vec<u32> = (2..=8).map(|k| starts_for(100_000, 12, k, b)).collect();
        assert_eq!(large, [2; 7]);
        assert_eq!(
            starts_for(1_000_000, 60, 8, b),
            2,
            "never below the minimum"
        );
        // In between: the work divided by the cost of a start.
        assert_eq!(starts_for(10_000, 20, 4, b), 6);
        assert_eq!(start_cost(10_000, 20, 4), 16e6);
        // Degenerate sizes and budgets stay in min..=max.
        assert_eq!(starts_for(0, 12, 3, b), 200);
        let odd = StartBudget {
            min: 5,
            max: 3,
            work: 1e12,
        };
        assert_eq!(starts_for(10, 2, 2, odd), 5, "min wins");
        // The count is what kmeans_prepared then runs.
        let data = array![[0.0], [1.0], [2.0], [7.0], [8.0], [9.0], [20.0]];
        let prep = Prepared::new(data.view(), &[1.0; 7]);
        let s = KMeansSettings {
            restarts: starts_for(7, 1, 3, b),
            ..settings(3)
        };
        assert_eq!(kmeans_prepared(&prep, &s).unwrap().starts, 200);
        let none = KMeansSettings {
            restarts: 0,
            ..settings(3)
        };
        assert_eq!(
            kmeans_prepared(&prep, &none).unwrap_err(),
            ClusterError::ZeroRestarts
        );
    }

    #[test]
    fn starts_split_into_ranges_give_the_whole_fit() {
        let data = array![[0.0], [1.0], [2.0], [7.0], [8.0], [9.0], [20.0], [21.0]];
        let prep = Prepared::new(data.view(), &[1.0; 8]);
        let s = settings(3);
        let whole = kmeans_prepared(&prep, &s).unwrap();
        let mut best: Option<Clustering> = None;
        for (first, count) in [(0, 2), (2, 1), (3, 2)] {
            let part = kmeans_starts(&prep, &s, first, count).unwrap();
            assert_eq!(part.starts, count);
            assert!((first..first + count).contains(&part.restart));
            if best.as_ref().is_none_or(|b| part.inertia < b.inertia) {
                best = Some(part);
            }
        }
        let best = best.unwrap();
        assert_eq!(best.restart, whole.restart);
        assert_eq!(best.centroids, whole.centroids);
        assert_eq!(best.inertia.to_bits(), whole.inertia.to_bits());
        assert_eq!(best.labels, whole.labels);
        assert_eq!(
            kmeans_starts(&prep, &s, 4, 0).unwrap_err(),
            ClusterError::ZeroRestarts
        );
    }

    #[test]
    fn deterministic_for_a_seed() {
        let data = array![[0.0], [1.0], [2.0], [7.0], [8.0], [9.0], [20.0]];
        let a = kmeans(data.view(), &[1.0; 7], &settings(3)).unwrap();
        let b = kmeans(data.view(), &[1.0; 7], &settings(3)).unwrap();
        assert_eq!(a, b);
    }
}
