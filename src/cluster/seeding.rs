//! Greedy k-means++ starting centres (Arthur and Vassilvitskii 2007, with
//! the greedy choice scikit-learn uses), on partial distances and weights.
//!
//! The first centre is a row drawn with probability proportional to its
//! weight. Each further centre: `2 + ⌊ln k⌋` candidate rows are drawn with
//! probability proportional to weight × squared partial distance to the
//! nearest centre so far (a draw is `u × total` located in the running sum,
//! `u` uniform in [0, 1) from the restart's generator), and the candidate
//! that lowers the weighted total the most is kept (ties to the earlier
//! draw). A chosen row's missing answers are filled with the feature means.
//! When every row sits on a centre already (possible with partial distances
//! before k distinct centres exist) the next centre is the first row that
//! differs from every centre so far.

use rand_xoshiro::Xoshiro256Plus;
use rand_xoshiro::rand_core::RngCore;

use super::kernel::{BLOCK, Centres, Prepared, lesser, sq_four, sq_one};

fn uniform(rng: &mut Xoshiro256Plus) -> f64 {
    (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64
}

/// Row `i` with its missing answers filled by the feature means.
fn filled(prep: &Prepared, i: usize) -> Vec<f64> {
    prep.row(i)
        .iter()
        .zip(&prep.means)
        .map(|(x, m)| if x.is_finite() { *x } else { *m })
        .collect()
}

/// The first row whose cumulative weight passes `target` (the last row if
/// rounding leaves it past the end).
fn locate(cumulative: &[f64], target: f64) -> usize {
    cumulative
        .partition_point(|&c| c <= target)
        .min(cumulative.len().saturating_sub(1))
}

/// Every row's scaled partial distance to `centre`, into `out`; complete
/// rows four at a time (the same sums as [`sq_one`]).
fn scaled_to(prep: &Prepared, centre: &[f64], out: &mut Vec<f64>) {
    out.clear();
    let mut at = 0;
    while at < prep.n {
        if at + BLOCK <= prep.n && prep.complete[at..at + BLOCK].iter().all(|&c| c) {
            let ids: [usize; BLOCK] = std::array::from_fn(|r| at + r);
            let d = sq_four(ids.map(|i| prep.row(i)), [centre; BLOCK]);
            out.extend(ids.iter().zip(d).map(|(&i, d)| d * prep.scale[i]));
            at += BLOCK;
        } else {
            out.push(sq_one(prep.row(at), centre, prep.complete[at]) * prep.scale[at]);
            at += 1;
        }
    }
}

/// For each of the `trials` candidates in `lanes`, the weighted total of
/// the rows' distances to the nearest centre if it were added, summed in
/// row order (complete rows through the block kernel, the same distances).
/// Those distances go to `mins`, row-major (`n` × `trials`), so the chosen
/// candidate's need no second pass over the rows.
fn trial_totals(
    prep: &Prepared,
    lanes: &Centres,
    trials: usize,
    closest: &[f64],
    mins: &mut Vec<f64>,
) -> Vec<f64> {
    let width = lanes.width();
    let mut buf = vec![0.0; BLOCK * width];
    let mut totals = vec![0.0; trials];
    mins.clear();
    mins.resize(prep.n * trials, 0.0);
    let mut add = |i: usize, d: &[f64]| {
        let (w, scale, close) = (prep.weights[i], prep.scale[i], closest[i]);
        let out = &mut mins[i * trials..(i + 1) * trials];
        for ((t, m), &d) in totals.iter_mut().zip(out).zip(d) {
            *m = lesser(d * scale, close);
            *t += w * *m;
        }
    };
    let mut at = 0;
    while at < prep.n {
        if at + BLOCK <= prep.n && prep.complete[at..at + BLOCK].iter().all(|&c| c) {
            let ids: [usize; BLOCK] = std::array::from_fn(|r| at + r);
            lanes.sq_block(ids.map(|i| prep.row(i)), &mut buf);
            for (r, &i) in ids.iter().enumerate() {
                add(i, &buf[r * width..(r + 1) * width]);
            }
            at += BLOCK;
        } else {
            lanes.sq_all(prep.row(at), prep.complete[at], &mut buf);
            add(at, &buf[..width]);
            at += 1;
        }
    }
    totals
}

/// `k` starting centres (row-major, k × p) for the prepared rows, and the
/// multiply-adds spent on distances. Needs `n >= 1` and `k >= 1`.
pub(crate) fn greedy_kmeans_pp(
    prep: &Prepared,
    k: usize,
    rng: &mut Xoshiro256Plus,
) -> (Vec<f64>, f64) {
    let (n, p) = (prep.n, prep.p);
    let trials = 2 + (k as f64).ln().floor() as usize;
    let mut work = 0.0;
    let mut cumulative = Vec::with_capacity(n);
    let mut total = 0.0;
    for &w in &prep.weights {
        total += w;
        cumulative.push(total);
    }
    let first = locate(&cumulative, uniform(rng) * total);
    let mut centres = filled(prep, first);
    let mut closest = Vec::with_capacity(n);
    scaled_to(prep, &centres, &mut closest);
    work += (n * p) as f64;
    let mut mins = Vec::with_capacity(n * trials);
    for _ in 1..k {
        cumulative.clear();
        let mut potential = 0.0;
        for (d, w) in closest.iter().zip(&prep.weights) {
            potential += d * w;
            cumulative.push(potential);
        }
        if potential <= 0.0 {
            let far = (0..n).find(|&i| {
                let row = filled(prep, i);
                centres.chunks_exact(p).all(|c| c != row.as_slice())
            });
            let row = filled(prep, far.unwrap_or(0));
            centres.extend_from_slice(&row);
            continue;
        }
        let picks: Vec<usize> = (0..trials)
            .map(|_| locate(&cumulative, uniform(rng) * potential))
            .collect();
        let candidates: Vec<f64> = picks.iter().flat_map(|&i| filled(prep, i)).collect();
        let lanes = Centres::new(&candidates, p);
        let totals = trial_totals(prep, &lanes, trials, &closest, &mut mins);
        work += (n * p * trials) as f64;
        let best = (0..trials).fold(0, |b, t| if totals[t] < totals[b] { t } else { b });
        for (c, m) in closest.iter_mut().zip(mins.chunks_exact(trials)) {
            *c = m[best];
        }
        centres.extend_from_slice(&candidates[best * p..(best + 1) * p]);
    }
    (centres, work)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_xoshiro::rand_core::SeedableRng;

    #[test]
    fn locate_finds_the_row_whose_share_holds_the_draw() {
        let c = [1.0, 1.0, 3.0, 6.0];
        assert_eq!(locate(&c, 0.0), 0);
        assert_eq!(locate(&c, 0.999), 0);
        // Row 1 has no weight: never drawn.
        assert_eq!(locate(&c, 1.0), 2);
        assert_eq!(locate(&c, 5.9), 3);
        assert_eq!(locate(&c, 6.0), 3);
    }

    #[test]
    fn seeds_are_distinct_rows_spread_over_the_blobs() {
        // Three tight blobs: greedy k-means++ puts one seed in each.
        let mut rows = Vec::new();
        for c in [0.0, 50.0, 100.0] {
            for j in 0..5 {
                rows.extend([c + j as f64 * 0.01, -c]);
            }
        }
        let data = ndarray::Array2::from_shape_vec((15, 2), rows).unwrap();
        let prep = Prepared::new(data.view(), &[1.0; 15]);
        for seed in 0..20 {
            let mut rng = Xoshiro256Plus::seed_from_u64(seed);
            let (centres, work) = greedy_kmeans_pp(&prep, 3, &mut rng);
            let mut blobs: Vec<i64> = centres
                .chunks(2)
                .map(|c| (c[0] / 50.0).round() as i64)
                .collect();
            blobs.sort_unstable();
            assert_eq!(blobs, [0, 1, 2], "seed {seed}");
            // One pass for the first centre, 3 trials for each of two more.
            assert_eq!(work, (15 * 2 * (1 + 3 + 3)) as f64);
        }
    }

    #[test]
    fn missing_answers_are_filled_and_coincident_rows_handled() {
        let nan = f64::NAN;
        // Row 0 filled with the means is row 1: every row sits on the first
        // centre, whichever it is, and the fallback picks a centre anyway.
        let data = ndarray::array![[1.0, nan], [1.0, 5.0]];
        let prep = Prepared::new(data.view(), &[1.0; 2]);
        let mut rng = Xoshiro256Plus::seed_from_u64(1);
        let (centres, _) = greedy_kmeans_pp(&prep, 2, &mut rng);
        assert_eq!(centres, [1.0, 5.0, 1.0, 5.0]);
        // With a third, different row the second centre is that row.
        let data = ndarray::array![[1.0, nan], [1.0, 5.0], [3.0, 5.0]];
        let prep = Prepared::new(data.view(), &[1.0; 3]);
        let (centres, _) = greedy_kmeans_pp(&prep, 2, &mut rng);
        assert!(centres.iter().all(|x| x.is_finite()));
        assert_ne!(centres[..2], centres[2..]);
    }
}
