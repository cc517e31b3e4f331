//! The distance kernel: squared partial distances of one row to every
//! centre at once, with the centres across SIMD lanes.
//!
//! The centres are stored in groups of 2, 4, 6 or 8 (the smallest that
//! holds k, then groups of 8), each group feature-major: `p` arrays of one
//! feature of every centre in the group (padding lanes hold zeros and are
//! never read back). For each answered
//! feature the row's value is broadcast and subtracted from a group of
//! centres, and the squares are added into one accumulator per centre: a
//! fixed-size inner loop that the compiler turns into `f64x2` operations (the
//! wasm is built with simd128; natively SSE2). No horizontal sums, and no
//! branch inside the lanes.
//!
//! **Exactness.** Each lane adds `(x_j - c_j)²` for the answered features in
//! feature order, starting from 0, exactly as the scalar loop it replaced;
//! Rust never fuses a multiply and an add on its own, so every distance is
//! bit-for-bit the scalar one and the labels cannot change. Skipping a
//! missing feature adds nothing, which is what adding `0²` did.
//!
//! **No libm calls in hot loops.** On wasm, `f64::min` and `f64::max` are
//! calls to `fmin`/`fmax` (wasm's own `f64.min` propagates NaN, Rust's does
//! not), so the loops here use [`lesser`] and [`greater`], a compare and a
//! select, on values that are never NaN.

use ndarray::ArrayView2;

/// Centres laid out for [`Centres::sq_all`]: groups of `W` centres, each
/// group `p` arrays of `W` lanes (feature-major), so the inner loop reads
/// fixed-size arrays and has no bounds check to stop it vectorising.
#[derive(Debug, Clone)]
pub(crate) struct Centres {
    p: usize,
    width: usize,
    lanes: Lanes,
}

#[derive(Debug, Clone)]
enum Lanes {
    Two(Vec<[f64; 2]>),
    Four(Vec<[f64; 4]>),
    Six(Vec<[f64; 6]>),
    Eight(Vec<[f64; 8]>),
}

/// The smaller of `a` and `b` (`a` when equal) for values that are never
/// NaN: a compare and a select where `f64::min` is a libm call on wasm.
#[inline(always)]
pub(crate) fn lesser(a: f64, b: f64) -> f64 {
    if b < a { b } else { a }
}

/// The larger of `a` and `b` (`a` when equal) for values that are never NaN.
#[inline(always)]
pub(crate) fn greater(a: f64, b: f64) -> f64 {
    if b > a { b } else { a }
}

fn layout<const W: usize>(rows: &[f64], k: usize, p: usize) -> Vec<[f64; W]> {
    let groups = k.div_ceil(W).max(1);
    let mut t = vec![[0.0; W]; groups * p];
    for (c, centre) in rows.chunks_exact(p.max(1)).enumerate() {
        for (j, &v) in centre.iter().enumerate() {
            t[(c / W) * p + j][c % W] = v;
        }
    }
    t
}

fn groups<const W: usize>(t: &[[f64; W]], p: usize, row: &[f64], complete: bool, out: &mut [f64]) {
    for (block, slot) in t.chunks_exact(p.max(1)).zip(out.chunks_exact_mut(W)) {
        let mut acc = [0.0f64; W];
        if complete {
            for (&x, c) in row.iter().zip(block) {
                for l in 0..W {
                    let d = x - c[l];
                    acc[l] += d * d;
                }
            }
        } else {
            for (&x, c) in row.iter().zip(block) {
                if x.is_finite() {
                    for l in 0..W {
                        let d = x - c[l];
                        acc[l] += d * d;
                    }
                }
            }
        }
        slot.copy_from_slice(&acc);
    }
}

/// [`groups`] for [`BLOCK`] complete rows at once: one accumulator per row
/// and centre, so the additions of different rows are independent and the
/// processor overlaps them (one row's sums form a chain of dependent
/// additions that a single row cannot hide). `out` holds `BLOCK` slices of
/// `width` slots, row after row.
fn groups_block<const W: usize>(
    t: &[[f64; W]],
    p: usize,
    rows: [&[f64]; BLOCK],
    width: usize,
    out: &mut [f64],
) {
    let [r0, r1, r2, r3] = rows;
    for (g, block) in t.chunks_exact(p.max(1)).enumerate() {
        let mut acc = [[0.0f64; W]; BLOCK];
        let cells = block.iter().zip(r0).zip(r1).zip(r2.iter().zip(r3));
        for (((c, &x0), &x1), (&x2, &x3)) in cells {
            for (a, x) in acc.iter_mut().zip([x0, x1, x2, x3]) {
                for l in 0..W {
                    let d = x - c[l];
                    a[l] += d * d;
                }
            }
        }
        for (r, a) in acc.iter().enumerate() {
            out[r * width + g * W..r * width + (g + 1) * W].copy_from_slice(a);
        }
    }
}

/// Rows handled together by [`Centres::sq_block`] and [`sq_four`].
pub(crate) const BLOCK: usize = 4;

impl Centres {
    /// From row-major `k × p` centres.
    pub(crate) fn new(rows: &[f64], p: usize) -> Centres {
        let k = rows.len().checked_div(p).unwrap_or(0);
        let (lanes, w) = match k {
            0..=2 => (Lanes::Two(layout(rows, k, p)), 2),
            3..=4 => (Lanes::Four(layout(rows, k, p)), 4),
            5..=6 => (Lanes::Six(layout(rows, k, p)), 6),
            _ => (Lanes::Eight(layout(rows, k, p)), 8),
        };
        Centres {
            p,
            width: k.div_ceil(w).max(1) * w,
            lanes,
        }
    }

    /// Length of the buffer [`Centres::sq_all`] writes.
    pub(crate) fn width(&self) -> usize {
        self.width
    }

    /// Unscaled squared distances of `row` over its answered features to
    /// every centre, into `out[..k]` (`out` has [`Centres::width`] slots).
    /// `complete` says the row has no missing value (the faster loop).
    pub(crate) fn sq_all(&self, row: &[f64], complete: bool, out: &mut [f64]) {
        let p = self.p;
        match &self.lanes {
            Lanes::Two(t) => groups(t, p, row, complete, out),
            Lanes::Four(t) => groups(t, p, row, complete, out),
            Lanes::Six(t) => groups(t, p, row, complete, out),
            Lanes::Eight(t) => groups(t, p, row, complete, out),
        }
    }

    /// [`Centres::sq_all`] for [`BLOCK`] complete rows: row `r`'s distances
    /// into `out[r * width..][..k]` (`out` has `BLOCK` × [`Centres::width`]
    /// slots), each bit for bit what `sq_all` gives.
    pub(crate) fn sq_block(&self, rows: [&[f64]; BLOCK], out: &mut [f64]) {
        let (p, width) = (self.p, self.width);
        match &self.lanes {
            Lanes::Two(t) => groups_block(t, p, rows, width, out),
            Lanes::Four(t) => groups_block(t, p, rows, width, out),
            Lanes::Six(t) => groups_block(t, p, rows, width, out),
            Lanes::Eight(t) => groups_block(t, p, rows, width, out),
        }
    }
}

/// [`sq_one`] of [`BLOCK`] complete rows, each to its own centre, with the
/// rows' sums interleaved (independent chains of additions); each result is
/// bit for bit `sq_one(rows[r], centres[r], true)`.
pub(crate) fn sq_four(rows: [&[f64]; BLOCK], centres: [&[f64]; BLOCK]) -> [f64; BLOCK] {
    let p = rows
        .iter()
        .chain(&centres)
        .map(|r| r.len())
        .min()
        .unwrap_or(0);
    let (rows, centres) = (rows.map(|r| &r[..p]), centres.map(|c| &c[..p]));
    let mut acc = [0.0f64; BLOCK];
    for j in 0..p {
        for r in 0..BLOCK {
            let d = rows[r][j] - centres[r][j];
            acc[r] += d * d;
        }
    }
    acc
}

/// Unscaled squared distance of `row` to one row-major `centre` over the
/// row's answered features: the same sum, in the same order, as one lane of
/// [`Centres::sq_all`].
pub(crate) fn sq_one(row: &[f64], centre: &[f64], complete: bool) -> f64 {
    let mut acc = 0.0;
    if complete {
        for (&x, &c) in row.iter().zip(centre) {
            let d = x - c;
            acc += d * d;
        }
    } else {
        for (&x, &c) in row.iter().zip(centre) {
            if x.is_finite() {
                let d = x - c;
                acc += d * d;
            }
        }
    }
    acc
}

/// Lowest and second-lowest of `d[..k]` (ties to the lowest index) as
/// `(index, lowest, second)`; `second` is infinite for k = 1.
pub(crate) fn two_lowest(d: &[f64]) -> (usize, f64, f64) {
    let (mut best, mut low, mut second) = (0, f64::INFINITY, f64::INFINITY);
    for (c, &v) in d.iter().enumerate() {
        if v < low {
            second = low;
            low = v;
            best = c;
        } else if v < second {
            second = v;
        }
    }
    (best, low, second)
}

/// The rows of a fit, prepared once and shared by every restart: a
/// contiguous copy, which rows are complete, each row's partial-distance
/// scale (`p / answered`), the weighted feature means (to fill a seed's
/// missing answers) and the weighted mean feature variance (the scale of
/// `tolerance`).
#[derive(Debug, Clone)]
pub struct Prepared {
    pub(crate) n: usize,
    pub(crate) p: usize,
    pub(crate) data: Vec<f64>,
    pub(crate) weights: Vec<f64>,
    pub(crate) complete: Vec<bool>,
    pub(crate) scale: Vec<f64>,
    pub(crate) means: Vec<f64>,
    pub(crate) mean_variance: f64,
    /// Largest absolute value in the data: the size of rounding errors in
    /// the distance bounds.
    pub(crate) magnitude: f64,
}

impl Prepared {
    /// Prepare `data` (rows with at least one answer) and its weights.
    pub fn new(data: ArrayView2<'_, f64>, weights: &[f64]) -> Prepared {
        let flat: Vec<f64> = match data.as_slice() {
            Some(contiguous) => contiguous.to_vec(),
            None => data.iter().copied().collect(),
        };
        Prepared::from_vec(flat, data.ncols(), weights)
    }

    /// [`Prepared::new`] on rows already laid out row-major, `p` numbers per
    /// row (a trailing part row is dropped), taking them without a copy: a
    /// million respondents' answers are held once.
    pub fn from_vec(mut flat: Vec<f64>, p: usize, weights: &[f64]) -> Prepared {
        let n = flat.len().checked_div(p).unwrap_or(0);
        flat.truncate(n * p);
        // One pass for the answered counts, the weighted sums and the
        // magnitude; a second for the spread around the means. Each feature
        // sums its rows in row order, one addition per answer, whichever
        // loop a row takes; a complete row's loop has no branch, so it runs
        // across SIMD lanes.
        let mut complete = Vec::with_capacity(n);
        let mut scale = Vec::with_capacity(n);
        let (mut sums, mut totals) = (vec![0.0; p], vec![0.0; p]);
        let mut biggest = vec![0.0f64; p];
        for (r, row) in flat.chunks_exact(p.max(1)).enumerate() {
            let answered = row.iter().filter(|x| x.is_finite()).count();
            let cells = row.iter().zip(&mut biggest);
            let full = answered == p;
            match weights.get(r).copied() {
                Some(w) if full => {
                    for (((&x, big), s), t) in cells.zip(&mut sums).zip(&mut totals) {
                        *big = greater(*big, x.abs());
                        *s += x * w;
                        *t += w;
                    }
                }
                Some(w) => {
                    for (((&x, big), s), t) in cells.zip(&mut sums).zip(&mut totals) {
                        if x.is_finite() {
                            *big = greater(*big, x.abs());
                            *s += x * w;
                            *t += w;
                        }
                    }
                }
                None => {
                    for (&x, big) in cells {
                        if full || x.is_finite() {
                            *big = greater(*big, x.abs());
                        }
                    }
                }
            }
            complete.push(full);
            scale.push(if answered > 0 {
                p as f64 / answered as f64
            } else {
                1.0
            });
        }
        let magnitude = biggest.iter().fold(0.0, |m, &b| greater(m, b));
        let means: Vec<f64> = sums
            .iter()
            .zip(&totals)
            .map(|(s, t)| if *t > 0.0 { s / t } else { 0.0 })
            .collect();
        let mut spread = vec![0.0; p];
        let rows = flat.chunks_exact(p.max(1)).zip(weights).zip(&complete);
        for ((row, &w), &full) in rows {
            let cells = row.iter().zip(&mut spread).zip(&means);
            if full {
                for ((&x, s), m) in cells {
                    *s += w * (x - m) * (x - m);
                }
            } else {
                for ((&x, s), m) in cells {
                    if x.is_finite() {
                        *s += w * (x - m) * (x - m);
                    }
                }
            }
        }
        let mean_variance = spread
            .iter()
            .zip(&totals)
            .map(|(s, t)| if *t > 0.0 { s / t } else { 0.0 })
            .sum::<f64>()
            / p.max(1) as f64;
        Prepared {
            n,
            p,
            data: flat,
            weights: weights.to_vec(),
            complete,
            scale,
            means,
            mean_variance,
            magnitude,
        }
    }

    /// The rows, one per fitted respondent, NaN for a missing answer.
    pub fn view(&self) -> ArrayView2<'_, f64> {
        // `data` holds exactly n × p numbers ([`Prepared::from_vec`]), so
        // the empty fallback is never taken.
        ArrayView2::from_shape((self.n, self.p), &self.data).unwrap_or_else(|_| {
            let none: &[[f64; 0]] = &[];
            ArrayView2::from(none)
        })
    }

    /// Row `i`.
    pub(crate) fn row(&self, i: usize) -> &[f64] {
        &self.data[i * self.p..(i + 1) * self.p]
    }

    /// Number of rows.
    pub fn rows(&self) -> usize {
        self.n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lanes_equal_the_scalar_sum_bit_for_bit() {
        // k = 1..=11 covers every group width and a second group of 8.
        let row = [0.3, f64::NAN, -1.7, 2.25, 0.1];
        let full = [0.3, 1.1, -1.7, 2.25, 0.1];
        for k in 1..=11 {
            let rows: Vec<f64> = (0..k * 5).map(|i| (i as f64 * 0.37).sin() * 3.0).collect();
            let c = Centres::new(&rows, 5);
            let mut out = vec![f64::NAN; c.width()];
            c.sq_all(&row, false, &mut out);
            for (j, centre) in rows.chunks(5).enumerate() {
                assert_eq!(out[j].to_bits(), sq_one(&row, centre, false).to_bits());
            }
            c.sq_all(&full, true, &mut out);
            for (j, centre) in rows.chunks(5).enumerate() {
                assert_eq!(out[j].to_bits(), sq_one(&full, centre, true).to_bits());
            }
        }
    }

    #[test]
    fn blocks_equal_the_scalar_sum_bit_for_bit() {
        let rows: Vec<f64> = (0..BLOCK * 5)
            .map(|i| (i as f64 * 0.91).cos() * 4.0)
            .collect();
        let block: Vec<&[f64]> = rows.chunks(5).collect();
        let block: [&[f64]; BLOCK] = block.try_into().unwrap();
        for k in 1..=11 {
            let centres: Vec<f64> = (0..k * 5).map(|i| (i as f64 * 0.37).sin() * 3.0).collect();
            let c = Centres::new(&centres, 5);
            let mut out = vec![f64::NAN; BLOCK * c.width()];
            c.sq_block(block, &mut out);
            for (r, row) in block.iter().enumerate() {
                for (j, centre) in centres.chunks(5).enumerate() {
                    let one = sq_one(row, centre, true);
                    assert_eq!(out[r * c.width() + j].to_bits(), one.to_bits());
                }
            }
            let own: Vec<&[f64]> = (0..BLOCK).map(|r| &centres[(r % k) * 5..][..5]).collect();
            let four = sq_four(block, own.clone().try_into().unwrap());
            for r in 0..BLOCK {
                assert_eq!(four[r].to_bits(), sq_one(block[r], own[r], true).to_bits());
            }
        }
    }

    #[test]
    fn hand_computed_distances() {
        // Centres (0,0), (3,4), (1,1); row (3,0) and (NaN, 2).
        let c = Centres::new(&[0.0, 0.0, 3.0, 4.0, 1.0, 1.0], 2);
        let mut out = vec![0.0; c.width()];
        c.sq_all(&[3.0, 0.0], true, &mut out);
        assert_eq!(&out[..3], &[9.0, 16.0, 5.0]);
        c.sq_all(&[f64::NAN, 2.0], false, &mut out);
        assert_eq!(&out[..3], &[4.0, 4.0, 1.0]);
        assert_eq!(two_lowest(&out[..3]), (2, 1.0, 4.0));
        // Ties go to the lowest index.
        assert_eq!(two_lowest(&[4.0, 4.0]), (0, 4.0, 4.0));
        assert_eq!(two_lowest(&[2.0]), (0, 2.0, f64::INFINITY));
    }

    #[test]
    fn prepared_scales_and_means() {
        let data = ndarray::array![[1.0, f64::NAN], [3.0, 4.0]];
        let p = Prepared::new(data.view(), &[1.0, 3.0]);
        assert_eq!(p.complete, [false, true]);
        assert_eq!(p.scale, [2.0, 1.0]);
        assert_eq!(p.means, [2.5, 4.0]);
        // Feature 0: weighted variance 0.75; feature 1: 0.
        assert_eq!(p.mean_variance, 0.375);
        assert_eq!(p.magnitude, 4.0);
    }

    #[test]
    fn prepared_from_rows_in_place_matches_a_copy() {
        let data = ndarray::array![[1.0, f64::NAN], [3.0, 4.0], [0.5, -2.0]];
        let copied = Prepared::new(data.view(), &[1.0, 3.0, 2.0]);
        // A trailing part row is dropped.
        let mut flat: Vec<f64> = data.iter().copied().collect();
        flat.push(7.0);
        let taken = Prepared::from_vec(flat, 2, &[1.0, 3.0, 2.0]);
        assert_eq!((taken.n, taken.p), (3, 2));
        assert_eq!(taken.means, copied.means);
        assert_eq!(taken.mean_variance, copied.mean_variance);
        assert_eq!(taken.view().dim(), (3, 2));
        assert_eq!(taken.view()[[2, 1]], -2.0);
        assert!(taken.view()[[0, 1]].is_nan());
        assert_eq!(Prepared::from_vec(vec![], 0, &[]).view().dim(), (0, 0));
    }
}
