//! Exact weighted Lloyd iterations, made cheap: the lane kernel
//! ([`super::kernel`]), Hamerly's bounds to skip rows whose nearest centre
//! cannot have changed, and centre sums updated only for rows that moved.
//!
//! **Hamerly (2010).** Each complete row keeps an upper bound `u` on the
//! distance to its centre and a lower bound `l` on the distance to every
//! other centre. After the centres move by `δ`, `u += δ(own)` and
//! `l -= max δ(other)`; with `s(c)` half the distance from centre `c` to the
//! nearest other centre, a row whose `u` is below `max(s(own), l)` keeps its
//! label without any distance computed. Otherwise `u` is tightened with one
//! distance and tested again, and only then are all k distances computed.
//! The test demands a margin far above the rounding of the bounds
//! (`SLACK` relative to the data's magnitude), so a skipped row is one whose
//! nearest centre is the same in exact arithmetic and in the kernel's: the
//! labels are those of plain Lloyd, ties included (ties are never skipped,
//! and a full computation breaks them to the lowest index as Lloyd does).
//! Rows with a missing answer take the exact path every iteration (their
//! partial distance lives in a subspace where the centre-to-centre test
//! does not hold).
//!
//! **Centre sums.** Per cluster and feature the weighted sum of answers, the
//! weight and the number of members who answered are kept; a row that moves
//! is subtracted from its old cluster and added to its new one. The sums are
//! recomputed from scratch (in row order, as plain Lloyd does) when more
//! than half the rows moved, every `REFRESH` iterations, before the
//! iteration cap, when the run is about to stop and after an empty cluster,
//! so the returned centroids are exactly the weighted means of their
//! members' answers.

use ndarray::Array2;

use super::algorithm::Clustering;
use super::kernel::{BLOCK, Centres, Prepared, greater, lesser, sq_four, sq_one, two_lowest};

/// Relative margin of the bound tests.
const SLACK: f64 = 1e-9;
/// Centre sums recomputed from scratch at least this often (iterations).
const REFRESH: u32 = 16;

struct Run<'a> {
    prep: &'a Prepared,
    k: usize,
    centroids: Vec<f64>,
    lanes: Centres,
    labels: Vec<usize>,
    upper: Vec<f64>,
    lower: Vec<f64>,
    sums: Vec<f64>,
    totals: Vec<f64>,
    answered: Vec<u32>,
    counts: Vec<usize>,
    /// Rows that changed label in the last assignment: (row, old label).
    moved: Vec<(usize, usize)>,
    /// Rows the bounds did not settle in this assignment.
    todo: Vec<usize>,
    buf: Vec<f64>,
    /// Distances of a block of rows.
    block: Vec<f64>,
    /// Multiply-adds spent on distances.
    work: f64,
}

impl Run<'_> {
    /// Full distances of row `i`: label, and bounds for a complete row.
    fn full(&mut self, i: usize) -> usize {
        let prep = self.prep;
        let (row, complete) = (prep.row(i), prep.complete[i]);
        self.lanes.sq_all(row, complete, &mut self.buf);
        self.work += (self.k * prep.p) as f64;
        let d = &mut self.buf[..self.k];
        if !complete {
            let scale = prep.scale[i];
            d.iter_mut().for_each(|x| *x *= scale);
        }
        let (best, low, second) = two_lowest(d);
        if complete {
            self.upper[i] = low.sqrt();
            self.lower[i] = second.sqrt();
        }
        best
    }

    /// [`Run::full`] and [`Run::relabel`] for the rows `ids` (at most
    /// [`BLOCK`], in row order): a block of complete rows goes through the
    /// block kernel, which gives the same distances bit for bit.
    fn full_rows(&mut self, ids: &[usize]) {
        let prep = self.prep;
        let block: Option<[usize; BLOCK]> = ids.try_into().ok();
        match block.filter(|b| b.iter().all(|&i| prep.complete[i])) {
            Some(b) => {
                let width = self.lanes.width();
                self.block.resize(BLOCK * width, 0.0);
                self.lanes.sq_block(b.map(|i| prep.row(i)), &mut self.block);
                self.work += (BLOCK * self.k * prep.p) as f64;
                for (r, &i) in b.iter().enumerate() {
                    let (best, low, second) = two_lowest(&self.block[r * width..][..self.k]);
                    self.upper[i] = low.sqrt();
                    self.lower[i] = second.sqrt();
                    self.relabel(i, best);
                }
            }
            None => {
                for &i in ids {
                    let label = self.full(i);
                    self.relabel(i, label);
                }
            }
        }
    }

    fn relabel(&mut self, i: usize, label: usize) {
        let old = self.labels[i];
        if old != label {
            self.moved.push((i, old));
            self.labels[i] = label;
        }
    }

    /// Assign every row with all distances computed.
    fn assign_full(&mut self) {
        self.moved.clear();
        let mut at = 0;
        while at < self.prep.n {
            let end = (at + BLOCK).min(self.prep.n);
            let ids: [usize; BLOCK] = std::array::from_fn(|r| at + r);
            self.full_rows(&ids[..end - at]);
            at = end;
        }
    }

    /// Assign every row, skipping those the bounds settle. `delta` is how
    /// far each centre moved since the bounds were last valid. A first tight
    /// pass updates the bounds and lists the rows they do not settle (and
    /// the rows with a missing answer); the listed rows are then handled in
    /// row order, so `moved` is in row order as before.
    fn assign_bounded(&mut self, delta: &[f64]) {
        self.moved.clear();
        let prep = self.prep;
        let (k, p) = (self.k, prep.p);
        let half = half_gaps(&self.centroids, k, p);
        let (mut top, mut top_at, mut next) = (0.0f64, usize::MAX, 0.0f64);
        for (c, &d) in delta.iter().enumerate() {
            if d > top {
                next = top;
                top = d;
                top_at = c;
            } else if d > next {
                next = d;
            }
        }
        // How far each cluster's members' lower bound drops.
        let drop: Vec<f64> = (0..k)
            .map(|c| if c == top_at { next } else { top })
            .collect();
        let magnitude = prep.magnitude * (p as f64).sqrt();
        let settled = |u: f64, bound: f64| u + SLACK * (u + bound.abs() + magnitude) < bound;
        let mut todo = std::mem::take(&mut self.todo);
        todo.clear();
        let rows = self
            .labels
            .iter()
            .zip(self.upper.iter_mut())
            .zip(self.lower.iter_mut())
            .zip(&prep.complete);
        for (i, (((&a, u), l), &complete)) in rows.enumerate() {
            if !complete {
                todo.push(i);
                continue;
            }
            *u += delta[a];
            *l -= drop[a];
            if !settled(*u, greater(half[a], *l)) {
                todo.push(i);
            }
        }
        // Tighten the upper bounds (the listed rows that stay unsettled are
        // kept, in order), then compute every distance of those.
        let mut kept = 0;
        for t in 0..todo.len() {
            let i = todo[t];
            if prep.complete[i] {
                let a = self.labels[i];
                let bound = greater(half[a], self.lower[i]);
                let centre = &self.centroids[a * p..(a + 1) * p];
                self.upper[i] = sq_one(prep.row(i), centre, true).sqrt();
                self.work += p as f64;
                if settled(self.upper[i], bound) {
                    continue;
                }
            }
            todo[kept] = i;
            kept += 1;
        }
        todo.truncate(kept);
        for ids in todo.chunks(BLOCK) {
            self.full_rows(ids);
        }
        self.todo = todo;
    }

    /// Centre sums from scratch, in row order.
    fn refresh_sums(&mut self) {
        let prep = self.prep;
        let p = prep.p;
        self.sums.iter_mut().for_each(|x| *x = 0.0);
        self.totals.iter_mut().for_each(|x| *x = 0.0);
        self.answered.iter_mut().for_each(|x| *x = 0);
        self.counts.iter_mut().for_each(|x| *x = 0);
        for i in 0..prep.n {
            let (c, w) = (self.labels[i], prep.weights[i]);
            self.counts[c] += 1;
            let at = c * p..(c + 1) * p;
            let cells = self.sums[at.clone()]
                .iter_mut()
                .zip(&mut self.totals[at.clone()])
                .zip(&mut self.answered[at]);
            if prep.complete[i] {
                for (&x, ((s, t), a)) in prep.row(i).iter().zip(cells) {
                    *s += w * x;
                    *t += w;
                    *a += 1;
                }
            } else {
                for (&x, ((s, t), a)) in prep.row(i).iter().zip(cells) {
                    if x.is_finite() {
                        *s += w * x;
                        *t += w;
                        *a += 1;
                    }
                }
            }
        }
    }

    /// Move the rows in `moved` between the sums of their clusters.
    fn apply_moves(&mut self) {
        let prep = self.prep;
        let p = prep.p;
        for &(i, old) in &self.moved {
            let (new, w, row) = (self.labels[i], prep.weights[i], prep.row(i));
            self.counts[old] -= 1;
            self.counts[new] += 1;
            for (j, &x) in row.iter().enumerate() {
                if x.is_finite() {
                    let (o, n) = (old * p + j, new * p + j);
                    self.sums[o] -= w * x;
                    self.totals[o] -= w;
                    self.answered[o] -= 1;
                    if self.answered[o] == 0 {
                        self.sums[o] = 0.0;
                        self.totals[o] = 0.0;
                    }
                    self.sums[n] += w * x;
                    self.totals[n] += w;
                    self.answered[n] += 1;
                }
            }
        }
    }

    /// Means from the sums; a cell no member answered keeps its value in
    /// `base`.
    fn means(&self, base: &[f64]) -> Vec<f64> {
        let mut out = base.to_vec();
        for (((o, s), t), a) in out
            .iter_mut()
            .zip(&self.sums)
            .zip(&self.totals)
            .zip(&self.answered)
        {
            if *a > 0 {
                *o = s / t;
            }
        }
        out
    }

    /// Re-seed empty clusters one at a time, lowest index first, with the
    /// row farthest from its centre (ties to the lowest row) among clusters
    /// of more than one row; `next` is updated and the sums are fresh.
    /// Returns whether any cluster was empty.
    fn reseed_empty(&mut self, next: &mut Vec<f64>) -> bool {
        if !self.counts.contains(&0) {
            return false;
        }
        let prep = self.prep;
        let p = prep.p;
        let mut distances: Vec<f64> = (0..prep.n)
            .map(|i| {
                let c = self.labels[i];
                let centre = &self.centroids[c * p..(c + 1) * p];
                sq_one(prep.row(i), centre, prep.complete[i]) * prep.scale[i]
            })
            .collect();
        while let Some(empty) = self.counts.iter().position(|&c| c == 0) {
            let far = (0..prep.n)
                .filter(|&i| self.counts[self.labels[i]] > 1)
                .fold(None::<usize>, |best, i| match best {
                    Some(b) if distances[b] >= distances[i] => Some(b),
                    _ => Some(i),
                });
            let Some(i) = far else { break };
            self.counts[self.labels[i]] -= 1;
            self.labels[i] = empty;
            self.counts[empty] = 1;
            distances[i] = 0.0;
            for ((c, x), m) in next[empty * p..(empty + 1) * p]
                .iter_mut()
                .zip(prep.row(i))
                .zip(&prep.means)
            {
                *c = if x.is_finite() { *x } else { *m };
            }
            self.refresh_sums();
            *next = self.means(next);
        }
        true
    }

    fn set_centroids(&mut self, next: Vec<f64>) {
        self.lanes = Centres::new(&next, self.prep.p);
        self.centroids = next;
    }
}

/// Half the distance from each centre to the nearest other one.
fn half_gaps(centroids: &[f64], k: usize, p: usize) -> Vec<f64> {
    let mut half = vec![f64::INFINITY; k];
    for a in 0..k {
        for b in a + 1..k {
            let d = sq_one(
                &centroids[a * p..(a + 1) * p],
                &centroids[b * p..(b + 1) * p],
                true,
            )
            .sqrt()
                / 2.0;
            half[a] = lesser(half[a], d);
            half[b] = lesser(half[b], d);
        }
    }
    half
}

/// Each row's scaled partial distance to its own centre, complete rows four
/// at a time ([`sq_four`], the same sums as [`sq_one`]).
fn own_distances(prep: &Prepared, labels: &[usize], centroids: &[f64]) -> Vec<f64> {
    let p = prep.p;
    let centre = |i: usize| &centroids[labels[i] * p..(labels[i] + 1) * p];
    let mut out = Vec::with_capacity(prep.n);
    let mut at = 0;
    while at < prep.n {
        if at + BLOCK <= prep.n && prep.complete[at..at + BLOCK].iter().all(|&c| c) {
            let ids: [usize; BLOCK] = std::array::from_fn(|r| at + r);
            let d = sq_four(ids.map(|i| prep.row(i)), ids.map(centre));
            out.extend(ids.iter().zip(d).map(|(&i, d)| d * prep.scale[i]));
            at += BLOCK;
        } else {
            out.push(sq_one(prep.row(at), centre(at), prep.complete[at]) * prep.scale[at]);
            at += 1;
        }
    }
    out
}

/// How far each centre moved.
fn movement(old: &[f64], new: &[f64], k: usize, p: usize) -> Vec<f64> {
    (0..k)
        .map(|c| sq_one(&old[c * p..(c + 1) * p], &new[c * p..(c + 1) * p], true).sqrt())
        .collect()
}

/// Exact weighted Lloyd iterations from `init` on prepared rows (see the
/// module docs of [`super::algorithm`] for what is returned, and this
/// module's for how it is made fast). Returns the clustering (with
/// `restart` 0) and the multiply-adds its distances cost.
pub(crate) fn lloyd_prepared(
    prep: &Prepared,
    init: &[f64],
    max_iterations: u32,
    tolerance: f64,
) -> (Clustering, f64) {
    let (n, p) = (prep.n, prep.p);
    let k = init.len().checked_div(p).unwrap_or(0);
    let threshold = tolerance * prep.mean_variance;
    let lanes = Centres::new(init, p);
    let mut run = Run {
        prep,
        k,
        centroids: init.to_vec(),
        buf: vec![0.0; lanes.width()],
        lanes,
        labels: vec![usize::MAX; n],
        upper: vec![0.0; n],
        lower: vec![0.0; n],
        sums: vec![0.0; k * p],
        totals: vec![0.0; k * p],
        answered: vec![0; k * p],
        counts: vec![0; k],
        moved: Vec::new(),
        todo: Vec::new(),
        block: Vec::new(),
        work: 0.0,
    };
    let mut iterations = 0u32;
    let mut converged = false;
    // Whether the centroids are the from-scratch means of the labels they
    // were computed from; `delta` is how far they moved since the bounds.
    let mut fresh = true;
    let mut delta: Option<Vec<f64>> = None;
    loop {
        match delta.take() {
            Some(d) => run.assign_bounded(&d),
            None => run.assign_full(),
        }
        let changed = !run.moved.is_empty();
        if iterations > 0 && !changed {
            if !fresh {
                // Same labels as the last update: make the centroids their
                // exact means and check the labels once more.
                run.refresh_sums();
                let exact = run.means(&run.centroids);
                fresh = true;
                if exact != run.centroids {
                    delta = Some(movement(&run.centroids, &exact, k, p));
                    run.set_centroids(exact);
                    continue;
                }
            }
            converged = true;
            break;
        }
        if iterations >= max_iterations {
            break;
        }
        let scratch = iterations == 0
            || run.moved.len() * 2 > n
            || iterations % REFRESH == REFRESH - 1
            || iterations + 1 >= max_iterations;
        if scratch {
            run.refresh_sums();
        } else {
            run.apply_moves();
        }
        let mut next = run.means(&run.centroids);
        let reseeded = run.reseed_empty(&mut next);
        let mut shift: f64 = sq_one(&next, &run.centroids, true);
        fresh = scratch || reseeded;
        if shift <= threshold && !fresh {
            run.refresh_sums();
            next = run.means(&run.centroids);
            shift = sq_one(&next, &run.centroids, true);
            fresh = true;
        }
        delta = (!reseeded).then(|| movement(&run.centroids, &next, k, p));
        run.set_centroids(next);
        iterations += 1;
        if shift <= threshold {
            match delta.take() {
                Some(d) => run.assign_bounded(&d),
                None => run.assign_full(),
            }
            converged = true;
            break;
        }
    }
    let distances = own_distances(prep, &run.labels, &run.centroids);
    let inertia = distances
        .iter()
        .zip(&prep.weights)
        .map(|(d, w)| d * w)
        .sum();
    let work = run.work;
    let centroids = Array2::from_shape_vec((k, p), run.centroids).unwrap_or_default();
    let clustering = Clustering {
        labels: run.labels,
        distances,
        centroids,
        inertia,
        iterations,
        converged,
        restart: 0,
        starts: 1,
    };
    (clustering, work)
}
