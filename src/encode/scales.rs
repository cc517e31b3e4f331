//! Feature builders for the questions answered on a number line: Likert
//! scales (position on the possible range) and numeric questions (z-score).

use super::encoding::Feature;
use super::stats::{CONSTANT_EPS, is_constant, weighted_stats};
use crate::survey::{Column, Numbers, Scale};

/// The answers as numbers, NaN where missing (or not finite).
pub(super) fn numbers(values: &Numbers) -> Vec<f64> {
    finite_through(values, |x| x).collect()
}

/// `f` of each finite answer, NaN where the answer is missing or not
/// finite. On a coded column `f` runs once per distinct answer, and each
/// respondent's result is looked up by code.
pub(super) fn finite_through<'a>(
    values: &'a Numbers,
    f: impl Fn(f64) -> f64 + 'a,
) -> impl Iterator<Item = f64> + 'a {
    values.mapped(move |x| if x.is_finite() { f(x) } else { f64::NAN })
}

/// The feature of a Likert question: `(x - min) / (max - min)` on the
/// recorded scale, or on the observed range when none is recorded. `None`
/// when the answers do not vary.
pub(super) fn likert_feature(column: &Column, values: &[f64]) -> Option<(Scale, Feature)> {
    let (min, max) = match &column.scale {
        Some(s) if s.max > s.min => (s.min, s.max),
        _ => {
            let finite = values.iter().filter(|x| x.is_finite());
            let min = finite.clone().fold(f64::INFINITY, |a, &b| a.min(b));
            let max = finite.fold(f64::NEG_INFINITY, |a, &b| a.max(b));
            (min, max)
        }
    };
    if is_constant(values) || max.partial_cmp(&min) != Some(std::cmp::Ordering::Greater) {
        return None;
    }
    let labels = column
        .scale
        .as_ref()
        .map(|s| s.labels.clone())
        .unwrap_or_default();
    let feature = Feature {
        column: column.name.clone(),
        option: None,
        offset: min,
        scale: 1.0 / (max - min),
        centred: false,
    };
    Some((Scale { min, max, labels }, feature))
}

/// The feature of a numeric question: the z-score with the
/// respondent-weighted mean and population standard deviation. `None` when
/// the answers do not vary among weighted respondents.
pub(super) fn numeric_feature(
    name: &str,
    values: &[f64],
    respondent_weights: &[f64],
) -> Option<Feature> {
    let pairs = values
        .iter()
        .copied()
        .zip(respondent_weights.iter().copied());
    match weighted_stats(pairs) {
        Some((mean, sd)) if sd > CONSTANT_EPS && !is_constant(values) => Some(Feature {
            column: name.to_string(),
            option: None,
            offset: mean,
            scale: 1.0 / sd,
            centred: false,
        }),
        _ => None,
    }
}
