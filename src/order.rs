//! Sorting through few copies of the standard library's sorts.
//!
//! Every `sort_by` on another element or closure type makes the compiler
//! emit another copy of the standard library's stable sort, several
//! kilobytes of wasm each. The crate's stable sorts go through here instead:
//! one sort of `usize` indices with a `dyn` comparator, then a permutation.
//! Floats sort as `u64` keys in `f64::total_cmp` order. The results are
//! exactly those of `slice::sort_by` with the same comparator (a stable sort
//! of a total preorder has one result), so nothing shown to users moves.
//!
//! A leaf: it uses nothing of the crate, and any layer may use it.

use std::cmp::Ordering;

/// `0..n` sorted stably by `cmp` on the indices: equal ones keep their order.
#[inline(never)]
pub fn sorted_indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Sorts `items` stably by `cmp`, as `items.sort_by(cmp)` does.
pub fn sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_indices(items.len(), &|a, b| cmp(&items[a], &items[b]));
    permute(items, &order);
}

/// Puts `items[order[new]]` at `new`, in place and in linear time.
fn permute<T>(items: &mut [T], order: &[usize]) {
    // `dest[i]`: where the item now at `i` belongs.
    let mut dest = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        dest[old] = new;
    }
    for i in 0..items.len() {
        // Each swap puts one item where it belongs.
        while dest[i] != i {
            let d = dest[i];
            items.swap(i, d);
            dest.swap(i, d);
        }
    }
}

/// Sorts `values` in `f64::total_cmp` order, bit for bit as
/// `values.sort_by(f64::total_cmp)` does (two values that order equal have
/// the same bits, so stability cannot show).
pub fn sort_floats(values: &mut [f64]) {
    let mut keys: Vec<u64> = values.iter().map(|v| float_key(*v)).collect();
    keys.sort_unstable();
    for (v, k) in values.iter_mut().zip(keys) {
        *v = key_float(k);
    }
}

/// Sorts `values` ascending, as `values.sort_unstable()` does, through the
/// same `u64` sort as [`sort_floats`].
pub fn sort_i64(values: &mut [i64]) {
    let mut keys: Vec<u64> = values.iter().map(|v| *v as u64 ^ SIGN).collect();
    keys.sort_unstable();
    for (v, k) in values.iter_mut().zip(keys) {
        *v = (k ^ SIGN) as i64;
    }
}

const SIGN: u64 = 1 << 63;

/// A key whose unsigned order is `f64::total_cmp`'s: negatives (sign set)
/// flipped whole, so larger magnitudes come first, and positives above them.
fn float_key(v: f64) -> u64 {
    let bits = v.to_bits();
    if bits & SIGN != 0 { !bits } else { bits | SIGN }
}

/// The inverse of [`float_key`].
fn key_float(k: u64) -> f64 {
    f64::from_bits(if k & SIGN != 0 { k ^ SIGN } else { !k })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_by_is_stable_and_matches_the_standard_sort() {
        let items: Vec<(u8, char)> = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        let mut ours = items.clone();
        sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
        let mut std = items;
        std.sort_by_key(|a| a.0);
        assert_eq!(ours, std);
        assert_eq!(ours, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn sort_by_matches_on_many_ties_and_lengths() {
        for n in [0, 1, 2, 17, 33, 100, 1000] {
            let items: Vec<(u32, usize)> = (0..n).map(|i| ((i * 7919 % 13) as u32, i)).collect();
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            let mut std = items;
            std.sort_by_key(|a| std::cmp::Reverse(a.0));
            assert_eq!(ours, std, "n = {n}");
        }
    }

    #[test]
    fn sorted_indices_keeps_ties_in_index_order() {
        let keys = [3, 1, 3, 0];
        assert_eq!(
            sorted_indices(4, &|a, b| keys[b].cmp(&keys[a])),
            [0, 2, 1, 3]
        );
    }

    #[test]
    fn i64_sort_as_the_standard_sort() {
        let mut values = vec![3, -1, i64::MIN, 0, i64::MAX, -1, 7, -99, 98];
        let mut std = values.clone();
        std.sort_unstable();
        sort_i64(&mut values);
        assert_eq!(values, std);
    }

    #[test]
    fn floats_sort_bit_for_bit_as_total_cmp() {
        let mut values = vec![
            1.5,
            -0.0,
            0.0,
            f64::NAN,
            -f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            -2.0,
            f64::MIN_POSITIVE,
            -f64::MIN_POSITIVE,
            5e-324,
            -5e-324,
            1.5,
            f64::MAX,
            f64::MIN,
        ];
        let mut std = values.clone();
        std.sort_by(f64::total_cmp);
        sort_floats(&mut values);
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&values), bits(&std));
    }
}
