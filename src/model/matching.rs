//! Stable segment ids across reruns: each current segment continues the
//! previous segment whose centroid it is matched to, by an optimal assignment
//! (Hungarian algorithm) on squared centroid distance.

/// Cost used in place of a non-finite distance (NaN or overflowing centroids),
/// so the assignment stays defined.
const FAR: f64 = 1e100;

/// Squared Euclidean distance; a coordinate missing from the shorter vector
/// counts as 0; a non-finite result becomes [`FAR`].
fn squared_distance(a: &[f64], b: &[f64]) -> f64 {
    let len = a.len().max(b.len());
    let at = |v: &[f64], i: usize| v.get(i).copied().unwrap_or(0.0);
    let d: f64 = (0..len).map(|i| (at(a, i) - at(b, i)).powi(2)).sum();
    if d.is_finite() { d } else { FAR }
}

/// Minimum-cost assignment of every row to a distinct column, for a
/// `rows × cols` matrix with `rows <= cols` (Hungarian algorithm with
/// potentials, O(rows² · cols)). Returns the column of each row.
fn assign(cost: &[Vec<f64>], cols: usize) -> Vec<usize> {
    let rows = cost.len();
    // 1-based, index 0 is the algorithm's sentinel.
    let mut u = vec![0.0; rows + 1];
    let mut v = vec![0.0; cols + 1];
    let mut owner = vec![0usize; cols + 1];
    let mut way = vec![0usize; cols + 1];
    for row in 1..=rows {
        owner[0] = row;
        let mut j0 = 0;
        let mut min = vec![f64::INFINITY; cols + 1];
        let mut used = vec![false; cols + 1];
        loop {
            used[j0] = true;
            let i0 = owner[j0];
            let mut delta = f64::INFINITY;
            let mut j1 = 0;
            for j in 1..=cols {
                if used[j] {
                    continue;
                }
                let reduced = cost[i0 - 1][j - 1] - u[i0] - v[j];
                if reduced < min[j] {
                    min[j] = reduced;
                    way[j] = j0;
                }
                if min[j] < delta {
                    delta = min[j];
                    j1 = j;
                }
            }
            if j1 == 0 {
                break;
            }
            for j in 0..=cols {
                if used[j] {
                    u[owner[j]] += delta;
                    v[j] -= delta;
                } else {
                    min[j] -= delta;
                }
            }
            j0 = j1;
            if owner[j0] == 0 {
                break;
            }
        }
        while j0 != 0 {
            let j1 = way[j0];
            owner[j0] = owner[j1];
            j0 = j1;
        }
    }
    let mut out = vec![0; rows];
    for j in 1..=cols {
        if owner[j] != 0 {
            out[owner[j] - 1] = j - 1;
        }
    }
    out
}

/// For each current segment (by its centroid), the previous segment id it
/// continues, matched so the total squared centroid distance is smallest.
/// When there are more current than previous segments the extra ones get
/// `None` (new segments); with fewer, some previous ids are not continued.
/// Meant for k ≤ 50 (cubic time). Centroids of different lengths are
/// compared as if padded with 0.
pub fn match_segments(previous: &[Vec<f64>], current: &[Vec<f64>]) -> Vec<Option<usize>> {
    let mut out = vec![None; current.len()];
    if previous.is_empty() || current.is_empty() {
        return out;
    }
    if current.len() <= previous.len() {
        let cost: Vec<Vec<f64>> = current
            .iter()
            .map(|c| previous.iter().map(|p| squared_distance(c, p)).collect())
            .collect();
        for (c, p) in assign(&cost, previous.len()).into_iter().enumerate() {
            out[c] = Some(p);
        }
    } else {
        let cost: Vec<Vec<f64>> = previous
            .iter()
            .map(|p| current.iter().map(|c| squared_distance(c, p)).collect())
            .collect();
        for (p, c) in assign(&cost, current.len()).into_iter().enumerate() {
            out[c] = Some(p);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn centroids() -> Vec<Vec<f64>> {
        vec![
            vec![0.0, 0.0],
            vec![10.0, 0.0],
            vec![0.0, 10.0],
            vec![10.0, 10.0],
        ]
    }

    #[test]
    fn recovers_a_hand_made_permutation() {
        let previous = centroids();
        // current[i] = previous[perm[i]] nudged a little.
        let perm = [2, 0, 3, 1];
        let current: Vec<Vec<f64>> = perm
            .iter()
            .map(|&p| previous[p].iter().map(|x| x + 0.5).collect())
            .collect();
        let got = match_segments(&previous, &current);
        assert_eq!(got, perm.iter().map(|&p| Some(p)).collect::<Vec<_>>());
    }

    #[test]
    fn optimal_not_greedy() {
        // Greedy would give current 0 → previous 0 (cost 1) and current 1 →
        // previous 1 (cost 100): 101. Optimal crosses them: 4 + 9 = 13.
        let previous = vec![vec![0.0], vec![10.0]];
        let current = vec![vec![1.0], vec![-3.0]];
        // current 1 is nearer previous 0 (9) than previous 1 (169); current 0
        // to previous 1 costs 81; total 90 vs 1 + 169 = 170.
        assert_eq!(match_segments(&previous, &current), [Some(1), Some(0)]);
    }

    #[test]
    fn extra_segments_are_new_and_fewer_leave_ids_unused() {
        let previous = centroids();
        let current = vec![
            vec![10.0, 10.0],
            vec![50.0, 50.0],
            vec![0.0, 0.0],
            vec![9.0, 1.0],
            vec![1.0, 9.0],
        ];
        assert_eq!(
            match_segments(&previous, &current),
            [Some(3), None, Some(0), Some(1), Some(2)]
        );
        let fewer = vec![vec![0.0, 9.0], vec![11.0, 0.0]];
        assert_eq!(match_segments(&previous, &fewer), [Some(2), Some(1)]);
        assert_eq!(match_segments(&[], &fewer), [None, None]);
        assert!(match_segments(&previous, &[]).is_empty());
    }

    #[test]
    fn non_finite_centroids_still_get_a_match() {
        let previous = vec![vec![0.0], vec![f64::NAN]];
        let current = vec![vec![f64::INFINITY], vec![0.1]];
        assert_eq!(match_segments(&previous, &current), [Some(1), Some(0)]);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::match_segments;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(32))]
            /// Any permutation of well-separated centroids is recovered.
            #[test]
            fn recovers_any_permutation(perm in Just((0..8usize).collect::<Vec<_>>()).prop_shuffle()) {
                let previous: Vec<Vec<f64>> =
                    (0..8).map(|i| vec![i as f64 * 10.0, (i % 3) as f64]).collect();
                let current: Vec<Vec<f64>> =
                    perm.iter().map(|&p| previous[p].iter().map(|x| x + 1.0).collect()).collect();
                let want: Vec<Option<usize>> = perm.iter().map(|&p| Some(p)).collect();
                prop_assert_eq!(match_segments(&previous, &current), want);
            }
        }
    }
}
