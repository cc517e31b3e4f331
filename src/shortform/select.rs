//! Choosing the questions: stratified k-fold cross-validation of the tree,
//! and forward selection on it.
//!
//! Selection starts from no question and adds, one at a time, the candidate
//! whose tree has the best cross-validated accuracy (ties: the earlier
//! question in the survey), while that gains at least [`MIN_IMPROVEMENT`] and
//! fewer than `maxQuestions` are chosen. The folds are the same for every
//! candidate, so the reported accuracy of the chosen set took part in
//! choosing it: read it as slightly optimistic.

use rand_xoshiro::Xoshiro256PlusPlus;
use rand_xoshiro::rand_core::{RngCore, SeedableRng};

use super::tree::{Data, Growth, walk};

/// Smallest gain in cross-validated accuracy (0..1) for another question.
pub(crate) const MIN_IMPROVEMENT: f64 = 0.005;

/// The growth limits for `n` training respondents: depth at most 6, leaves
/// of at least 5 respondents or 0.5 % of them, splits worth at least one
/// respondent of Gini mass.
pub(crate) fn growth_for(n: usize) -> Growth {
    Growth {
        max_depth: 6,
        min_leaf: (n / 200).max(5),
        min_gain: 1.0,
    }
}

/// A fold (0..k) for each of `rows`, stratified by class: each segment's
/// respondents are shuffled with `seed` and dealt in turn.
pub(crate) fn folds(data: &Data, rows: &[usize], k: usize, seed: u32) -> Vec<usize> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(u64::from(seed) ^ 0x5107_f0e3);
    let mut fold = vec![0; rows.len()];
    let mut next = 0;
    for class in 0..data.n_classes {
        let mut members: Vec<usize> = (0..rows.len())
            .filter(|&p| data.classes[rows[p]] == class)
            .collect();
        for i in (1..members.len()).rev() {
            let j = (rng.next_u64() % (i as u64 + 1)) as usize;
            members.swap(i, j);
        }
        for p in members {
            fold[p] = next % k;
            next += 1;
        }
    }
    fold
}

/// The cross-validated segment of each of `rows`: predicted by a tree grown
/// on the other folds with the questions in `allowed`.
pub(crate) fn cross_validate(
    data: &Data,
    rows: &[usize],
    fold: &[usize],
    k: usize,
    allowed: &[usize],
) -> Vec<u32> {
    let mut predicted = vec![0; rows.len()];
    for f in 0..k {
        let train: Vec<usize> = (0..rows.len())
            .filter(|&p| fold[p] != f)
            .map(|p| rows[p])
            .collect();
        let tree = data.fit(&train, allowed, &growth_for(train.len()));
        for p in (0..rows.len()).filter(|&p| fold[p] == f) {
            let row = rows[p];
            predicted[p] = walk(&tree, &|q| data.answer(q, row)).unwrap_or(0);
        }
    }
    predicted
}

/// Share of `rows` whose predicted segment is their own.
pub(crate) fn accuracy(data: &Data, rows: &[usize], predicted: &[u32]) -> f64 {
    if rows.is_empty() {
        return 0.0;
    }
    let right = rows
        .iter()
        .zip(predicted)
        .filter(|(r, p)| data.classes[**r] == **p as usize)
        .count();
    right as f64 / rows.len() as f64
}

/// Forward selection of at most `max` of the data's questions (indices
/// into `data.questions`), in the order chosen.
pub(crate) fn choose(
    data: &Data,
    rows: &[usize],
    fold: &[usize],
    k: usize,
    max: usize,
) -> Vec<usize> {
    let mut chosen: Vec<usize> = Vec::new();
    let mut score = f64::NEG_INFINITY;
    while chosen.len() < max {
        let mut best: Option<(usize, f64)> = None;
        for q in (0..data.questions.len()).filter(|q| !chosen.contains(q)) {
            let mut allowed = chosen.clone();
            allowed.push(q);
            let a = accuracy(data, rows, &cross_validate(data, rows, fold, k, &allowed));
            if best.is_none_or(|(_, b)| a > b + 1e-12) {
                best = Some((q, a));
            }
        }
        match best {
            Some((q, a)) if chosen.is_empty() || a >= score + MIN_IMPROVEMENT => {
                chosen.push(q);
                score = a;
            }
            _ => break,
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::Values;

    #[test]
    fn folds_are_stratified_and_seeded() {
        let v = Values::Numbers(vec![None; 12].into());
        let classes = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
        let data = Data {
            questions: vec![&v],
            options: vec![0],
            classes: &classes,
            n_classes: 2,
        };
        let rows: Vec<usize> = (0..12).collect();
        let f = folds(&data, &rows, 4, 1);
        for fold in 0..4 {
            let members: Vec<usize> = (0..12).filter(|&p| f[p] == fold).collect();
            assert_eq!(members.len(), 3);
            assert_eq!(members.iter().filter(|&&p| classes[p] == 1).count(), 1);
        }
        assert_eq!(f, folds(&data, &rows, 4, 1));
        assert_ne!(f, folds(&data, &rows, 4, 2));
    }

    #[test]
    fn selection_takes_the_telling_question_and_stops() {
        // Question 1 tells the segment; 0 and 2 are noise.
        let n = 40;
        let classes: Vec<usize> = (0..n).map(|i| i % 2).collect();
        let noise = Values::Numbers((0..n).map(|i| Some(((i * 7) % 5) as f64)).collect());
        let telling = Values::Levels(classes.iter().map(|&c| Some(c as u32)).collect());
        let more = Values::Sets(
            (0..n)
                .map(|i| Some(if i % 3 == 0 { vec![0] } else { vec![] }))
                .collect(),
        );
        let data = Data {
            questions: vec![&noise, &telling, &more],
            options: vec![0, 2, 1],
            classes: &classes,
            n_classes: 2,
        };
        let rows: Vec<usize> = (0..n).collect();
        let fold = folds(&data, &rows, 4, 9);
        assert_eq!(choose(&data, &rows, &fold, 4, 3), vec![1]);
        let predicted = cross_validate(&data, &rows, &fold, 4, &[1]);
        assert_eq!(accuracy(&data, &rows, &predicted), 1.0);
    }
}
