//! How answers become features.
//!
//! Rules (every encoded value is `(raw - offset) * scale`, see [`Feature`]):
//! - **Likert**: `(x - scale.min) / (scale.max - scale.min)`, the position on
//!   the *possible* range (0 = lowest answer, 1 = highest), not the observed one.
//!   A column without a recorded scale uses its observed range.
//! - **Numeric**: z-score with the respondent-weighted mean and population
//!   standard deviation.
//! - **Categorical and multi**: one 0/1 indicator per level or option, scaled
//!   so the question's largest possible squared distance between two
//!   respondents is 1, the same as a Likert item answered at opposite ends:
//!   categorical indicators × 1/√2 (two different answers differ in two
//!   indicators), multi indicators × 1/√m for m options (ticking all versus
//!   none differs in m indicators).
//! - **Text and id** questions are never used.
//! - `centreRespondents`: each respondent's mean position over the Likert
//!   features is subtracted from their Likert features (in 0–1 units), so
//!   segments differ by *relative* interest rather than by a tendency to agree.
//! - `standardize`: every feature (after the steps above) is z-scored with
//!   respondent weights; this replaces the per-kind scaling.
//! - Per-question weight w: the question's features are multiplied by √w, so
//!   w multiplies the question's share of the squared distance.
//! - A question whose answers do not vary (or are all missing) is left out with
//!   a warning, as is any single indicator that never varies; a question with
//!   weight 0 is left out too. Nothing is ever divided by zero.
//!
//! Missing answers are `NaN` in the encoded matrix; clustering uses partial
//! distances over the answered features.

use std::collections::BTreeMap;

use ndarray::Array2;
use serde::{Deserialize, Serialize};

use crate::cluster::SegmentError;
use crate::survey::{Column, ColumnKind, Scale, Survey, Values, Warning, WarningCode};

/// Spread below which a feature counts as constant.
const CONSTANT_EPS: f64 = 1e-12;

/// One column of the feature matrix and how to map it back to its question.
///
/// Encoded value = `(raw - offset) * scale`, where `raw` is the answer in the
/// question's own units: the Likert or numeric value, or 1/0 for an
/// indicator (level chosen / option ticked). For a `centred` Likert feature,
/// `raw` is the answer's distance from the respondent's own mean position, in
/// points of this item's scale (`(x - min) - mean01 × (max - min)`).
/// So a centroid value `c` means `raw = offset + c / scale`.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Feature {
    /// The question's name.
    pub column: String,
    /// The level or option for an indicator feature.
    pub option: Option<String>,
    /// Subtracted from the raw answer.
    pub offset: f64,
    /// Multiplies the shifted answer (never 0).
    pub scale: f64,
    /// True for a Likert feature centred within respondent.
    pub centred: bool,
}

/// A question used by the encoding, with what is needed to encode it again.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EncodedColumn {
    /// The question's name.
    pub name: String,
    /// Its kind (Likert, multi, categorical or numeric).
    pub kind: ColumnKind,
    /// Likert: the range used.
    pub scale: Option<Scale>,
    /// Categorical levels or multi options that have a feature, in feature order.
    pub options: Vec<String>,
    /// The per-question weight applied (√weight multiplies its features).
    pub weight: f64,
    /// Index of its first feature.
    pub first_feature: u32,
    /// How many features it has.
    pub feature_count: u32,
}

impl EncodedColumn {
    /// Indices of its features.
    pub fn features(&self) -> std::ops::Range<usize> {
        let first = self.first_feature as usize;
        first..first + self.feature_count as usize
    }
}

/// The whole encoding: enough to encode another survey the same way.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Encoding {
    /// The questions used, in survey order.
    pub columns: Vec<EncodedColumn>,
    /// The features, question by question.
    pub features: Vec<Feature>,
    /// Whether features were z-scored.
    pub standardize: bool,
    /// Whether Likert features were centred within respondent.
    pub centre_respondents: bool,
}

/// What the encoding is fitted from.
#[derive(Debug, Clone)]
pub struct EncodeSpec<'a> {
    /// The chosen questions, in survey order.
    pub columns: &'a [String],
    /// Per-question weights (missing = 1).
    pub weights: &'a BTreeMap<String, f64>,
    /// Z-score every feature.
    pub standardize: bool,
    /// Centre Likert answers within respondent.
    pub centre_respondents: bool,
    /// Respondent weights, one per respondent.
    pub respondent_weights: &'a [f64],
}

fn kind_name(kind: ColumnKind) -> String {
    format!("{kind:?}").to_lowercase()
}

fn left_out(column: &str, why: &str) -> Warning {
    Warning {
        code: WarningCode::ColumnLeftOut,
        column: Some(column.to_string()),
        row: None,
        message: format!("Question {column} was left out of the segmentation: {why}."),
    }
}

/// Weighted mean and population standard deviation of the finite values.
fn weighted_stats(values: impl Iterator<Item = (f64, f64)>) -> Option<(f64, f64)> {
    let pairs: Vec<(f64, f64)> = values.filter(|(x, w)| x.is_finite() && *w > 0.0).collect();
    let total: f64 = pairs.iter().map(|(_, w)| w).sum();
    if total <= 0.0 {
        return None;
    }
    let mean = pairs.iter().map(|(x, w)| x * w).sum::<f64>() / total;
    let var = pairs
        .iter()
        .map(|(x, w)| w * (x - mean).powi(2))
        .sum::<f64>()
        / total;
    Some((mean, var.max(0.0).sqrt()))
}

/// Raw values of one question's candidate features: `(option, values)` with
/// NaN for a missing answer. `options` names the indicator features (levels
/// or options); answers are matched to them by name.
fn raw_features(column: &Column, kind: ColumnKind, options: &[String]) -> Option<Vec<Vec<f64>>> {
    match (kind, &column.values) {
        (ColumnKind::Likert | ColumnKind::Numeric, Values::Numbers(v)) => Some(vec![
            v.iter()
                .map(|x| x.filter(|x| x.is_finite()).unwrap_or(f64::NAN))
                .collect(),
        ]),
        (ColumnKind::Categorical, Values::Levels(v)) => Some(indicators(
            column.levels.as_deref().unwrap_or_default(),
            options,
            v.iter().map(|a| a.as_ref().map(std::slice::from_ref)),
        )),
        (ColumnKind::Multi, Values::Sets(v)) => Some(indicators(
            column.options.as_deref().unwrap_or_default(),
            options,
            v.iter().map(|a| a.as_deref()),
        )),
        _ => None,
    }
}

/// One 0/1 feature per name in `options`: 1 where the answer holds the
/// level or option of that name (`names` gives the answers' indices their
/// names), NaN for a missing answer.
fn indicators<'a>(
    names: &[String],
    options: &[String],
    answers: impl ExactSizeIterator<Item = Option<&'a [u32]>>,
) -> Vec<Vec<f64>> {
    let map: Vec<Option<usize>> = names
        .iter()
        .map(|name| options.iter().position(|o| o == name))
        .collect();
    let mut out = vec![vec![0.0; answers.len()]; options.len()];
    for (i, answer) in answers.enumerate() {
        match answer {
            None => out.iter_mut().for_each(|f| f[i] = f64::NAN),
            Some(chosen) => {
                for c in chosen {
                    if let Some(Some(j)) = map.get(*c as usize) {
                        out[*j][i] = 1.0;
                    }
                }
            }
        }
    }
    out
}

/// The level or option names a column offers, with synthetic names where the
/// import recorded none.
fn column_options(column: &Column) -> Vec<String> {
    let named = match column.kind {
        ColumnKind::Categorical => column.levels.clone(),
        ColumnKind::Multi => column.options.clone(),
        _ => return Vec::new(),
    };
    named.unwrap_or_default()
}

fn is_constant(values: &[f64]) -> bool {
    let mut observed = values.iter().filter(|x| x.is_finite());
    match observed.next() {
        None => true,
        Some(first) => observed.all(|x| (x - first).abs() <= CONSTANT_EPS),
    }
}

/// Fit the encoding of `spec.columns` on `survey`. Returns the encoding and
/// the warnings about questions left out.
pub fn fit_encoding(
    survey: &Survey,
    spec: &EncodeSpec<'_>,
) -> Result<(Encoding, Vec<Warning>), SegmentError> {
    let mut warnings = Vec::new();
    let mut columns = Vec::new();
    let mut features = Vec::new();
    let rw = spec.respondent_weights;

    for name in spec.columns {
        let Some(column) = survey.column(name) else {
            return Err(SegmentError::UnknownColumns {
                option: "columns",
                names: vec![name.clone()],
            });
        };
        let weight = spec.weights.get(name).copied().unwrap_or(1.0);
        if weight == 0.0 {
            warnings.push(left_out(name, "its weight is 0"));
            continue;
        }
        let options = column_options(column);
        let Some(raw) = raw_features(column, column.kind, &options) else {
            warnings.push(left_out(
                name,
                &format!(
                    "its answers do not match its kind ({})",
                    kind_name(column.kind)
                ),
            ));
            continue;
        };
        let mut column_features = Vec::new();
        let mut kept_options = Vec::new();
        let mut scale = None;
        match column.kind {
            ColumnKind::Likert => {
                let values = &raw[0];
                let (min, max) = match &column.scale {
                    Some(s) if s.max > s.min => (s.min, s.max),
                    _ => {
                        let finite = values.iter().filter(|x| x.is_finite());
                        let min = finite.clone().fold(f64::INFINITY, |a, &b| a.min(b));
                        let max = finite.fold(f64::NEG_INFINITY, |a, &b| a.max(b));
                        (min, max)
                    }
                };
                if is_constant(values) || max.partial_cmp(&min) != Some(std::cmp::Ordering::Greater)
                {
                    warnings.push(left_out(name, "its answers do not vary"));
                    continue;
                }
                scale = Some(Scale {
                    min,
                    max,
                    labels: column
                        .scale
                        .as_ref()
                        .map(|s| s.labels.clone())
                        .unwrap_or_default(),
                });
                column_features.push(Feature {
                    column: name.clone(),
                    option: None,
                    offset: min,
                    scale: 1.0 / (max - min),
                    centred: false,
                });
            }
            ColumnKind::Numeric => {
                let stats = weighted_stats(raw[0].iter().copied().zip(rw.iter().copied()));
                match stats {
                    Some((mean, sd)) if sd > CONSTANT_EPS && !is_constant(&raw[0]) => {
                        column_features.push(Feature {
                            column: name.clone(),
                            option: None,
                            offset: mean,
                            scale: 1.0 / sd,
                            centred: false,
                        });
                    }
                    _ => {
                        warnings.push(left_out(name, "its answers do not vary"));
                        continue;
                    }
                }
            }
            ColumnKind::Categorical | ColumnKind::Multi => {
                for (option, values) in options.iter().zip(&raw) {
                    if !is_constant(values) {
                        kept_options.push(option.clone());
                    }
                }
                if kept_options.is_empty() {
                    warnings.push(left_out(name, "its answers do not vary"));
                    continue;
                }
                let block = if column.kind == ColumnKind::Categorical {
                    1.0 / 2f64.sqrt()
                } else {
                    1.0 / (kept_options.len() as f64).sqrt()
                };
                for option in &kept_options {
                    column_features.push(Feature {
                        column: name.clone(),
                        option: Some(option.clone()),
                        offset: 0.0,
                        scale: block,
                        centred: false,
                    });
                }
            }
            ColumnKind::Id | ColumnKind::Text | ColumnKind::Metadata => {
                return Err(SegmentError::NotClusterable {
                    column: name.clone(),
                    kind: kind_name(column.kind),
                });
            }
        }
        columns.push(EncodedColumn {
            name: name.clone(),
            kind: column.kind,
            scale,
            options: kept_options,
            weight,
            first_feature: features.len() as u32,
            feature_count: column_features.len() as u32,
        });
        features.extend(column_features);
    }

    let mut encoding = Encoding {
        columns,
        features,
        standardize: spec.standardize,
        centre_respondents: spec.centre_respondents,
    };

    if spec.centre_respondents {
        for f in &mut encoding.features {
            if let Some(c) = encoding.columns.iter().find(|c| c.name == f.column) {
                if c.kind == ColumnKind::Likert {
                    f.offset = 0.0;
                    f.centred = true;
                }
            }
        }
        // Centring can make a Likert item constant (a lone item, or items that
        // always move together): drop those and centre again over the rest.
        loop {
            let base = encoding.apply(survey)?;
            let constant: Vec<usize> = (0..encoding.features.len())
                .filter(|&j| encoding.features[j].centred && is_constant(&base.column(j).to_vec()))
                .collect();
            if constant.is_empty() {
                break;
            }
            for j in constant.iter().rev() {
                let name = encoding.features[*j].column.clone();
                warnings.push(left_out(
                    &name,
                    "after centring within respondent its answers do not vary",
                ));
            }
            encoding.remove_features(&constant);
        }
    }

    if spec.standardize {
        let base = encoding.apply(survey)?;
        let mut constant = Vec::new();
        for (j, f) in encoding.features.iter_mut().enumerate() {
            let stats = weighted_stats(base.column(j).iter().copied().zip(rw.iter().copied()));
            match stats {
                Some((mean, sd)) if sd > CONSTANT_EPS => {
                    f.offset += mean / f.scale;
                    f.scale /= sd;
                }
                _ => constant.push(j),
            }
        }
        for j in &constant {
            let name = encoding.features[*j].column.clone();
            warnings.push(left_out(
                &name,
                "a feature has no spread among weighted respondents",
            ));
        }
        encoding.remove_features(&constant);
    }

    for c in &encoding.columns {
        let root = c.weight.sqrt();
        for f in &mut encoding.features[c.features()] {
            f.scale *= root;
        }
    }

    if encoding.features.is_empty() {
        return Err(SegmentError::NoFeatures);
    }
    Ok((encoding, warnings))
}

impl Encoding {
    /// Remove features by index and drop questions left without features.
    fn remove_features(&mut self, indices: &[usize]) {
        let mut keep = vec![true; self.features.len()];
        for &j in indices {
            keep[j] = false;
        }
        let mut features = Vec::new();
        let mut columns = Vec::new();
        for c in &self.columns {
            let mut column = c.clone();
            column.first_feature = features.len() as u32;
            let mut options = Vec::new();
            let range = c.features();
            for (feature, _) in self.features[range.clone()]
                .iter()
                .zip(&keep[range])
                .filter(|(_, k)| **k)
            {
                if let Some(o) = &feature.option {
                    options.push(o.clone());
                }
                features.push(feature.clone());
            }
            column.feature_count = features.len() as u32 - column.first_feature;
            column.options = options;
            if column.feature_count > 0 {
                columns.push(column);
            }
        }
        self.features = features;
        self.columns = columns;
    }

    /// Encode `survey` with this encoding: one row per respondent, one column
    /// per feature, NaN where the answer is missing.
    ///
    /// Fails when the survey lacks a question of the encoding (the error names
    /// them all) or has it with another kind.
    pub fn apply(&self, survey: &Survey) -> Result<Array2<f64>, SegmentError> {
        let missing: Vec<String> = self
            .columns
            .iter()
            .filter(|c| survey.column(&c.name).is_none())
            .map(|c| c.name.clone())
            .collect();
        if !missing.is_empty() {
            return Err(SegmentError::MissingModelColumns { names: missing });
        }
        let n = survey.respondents;
        let mut out = Array2::from_elem((n, self.features.len()), f64::NAN);
        let mut raws = Vec::with_capacity(self.columns.len());
        for c in &self.columns {
            let Some(column) = survey.column(&c.name) else {
                continue;
            };
            if column.kind != c.kind {
                return Err(SegmentError::ColumnKindMismatch {
                    column: c.name.clone(),
                    expected: kind_name(c.kind),
                    found: kind_name(column.kind),
                });
            }
            let raw = raw_features(column, c.kind, &c.options).ok_or_else(|| {
                SegmentError::ColumnKindMismatch {
                    column: c.name.clone(),
                    expected: kind_name(c.kind),
                    found: "answers of another type".to_string(),
                }
            })?;
            if raw.iter().any(|r| r.len() != n) {
                return Err(SegmentError::InvalidModel(format!(
                    "column {} does not have one answer per respondent",
                    c.name
                )));
            }
            raws.push(raw);
        }

        // Each respondent's mean 0–1 position over the centred Likert items.
        let mut row_means = vec![f64::NAN; n];
        if self.centre_respondents {
            for (i, mean) in row_means.iter_mut().enumerate() {
                let (mut sum, mut count) = (0.0, 0usize);
                for (c, raw) in self.columns.iter().zip(&raws) {
                    if let (Some(s), true) =
                        (&c.scale, self.features[c.first_feature as usize].centred)
                    {
                        let x = raw[0][i];
                        if x.is_finite() {
                            sum += (x - s.min) / (s.max - s.min);
                            count += 1;
                        }
                    }
                }
                if count > 0 {
                    *mean = sum / count as f64;
                }
            }
        }

        for (c, raw) in self.columns.iter().zip(&raws) {
            for (k, values) in raw.iter().enumerate() {
                let j = c.first_feature as usize + k;
                let f = &self.features[j];
                for (i, &x) in values.iter().enumerate() {
                    let x = match (&c.scale, f.centred) {
                        (Some(s), true) => (x - s.min) - row_means[i] * (s.max - s.min),
                        _ => x,
                    };
                    out[[i, j]] = if x.is_finite() {
                        (x - f.offset) * f.scale
                    } else {
                        f64::NAN
                    };
                }
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{categorical, likert, multi, numeric, survey};

    fn fit(s: &Survey, standardize: bool, centre: bool) -> (Encoding, Vec<Warning>, Array2<f64>) {
        let columns: Vec<String> = s.columns.iter().map(|c| c.name.clone()).collect();
        let weights = BTreeMap::new();
        let rw = vec![1.0; s.respondents];
        let spec = EncodeSpec {
            columns: &columns,
            weights: &weights,
            standardize,
            centre_respondents: centre,
            respondent_weights: &rw,
        };
        let (e, w) = fit_encoding(s, &spec).unwrap();
        let m = e.apply(s).unwrap();
        (e, w, m)
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn likert_uses_the_possible_range_and_missing_is_nan() {
        let s = survey(vec![likert("q", &[Some(2.0), Some(3.0), None], 1.0, 5.0)]);
        let (e, _, m) = fit(&s, false, false);
        assert_eq!(m[[0, 0]], 0.25);
        assert_eq!(m[[1, 0]], 0.5);
        assert!(m[[2, 0]].is_nan());
        // Back to the question's units.
        let f = &e.features[0];
        assert_eq!(f.offset + m[[1, 0]] / f.scale, 3.0);
    }

    #[test]
    fn numeric_is_z_scored_with_population_sd() {
        let s = survey(vec![numeric("age", &[Some(1.0), Some(2.0), Some(3.0)])]);
        let (e, _, m) = fit(&s, false, false);
        let sd = (2.0f64 / 3.0).sqrt();
        assert!(close(m[[0, 0]], -1.0 / sd));
        assert!(close(m[[1, 0]], 0.0));
        assert!(close(
            e.features[0].offset + m[[2, 0]] / e.features[0].scale,
            3.0
        ));
    }

    #[test]
    fn categorical_and_multi_count_as_one_likert_item() {
        let s = survey(vec![
            categorical(
                "area",
                &["north", "south", "east"],
                &[Some(0), Some(1), Some(2), None],
            ),
            multi(
                "help",
                &["a", "b", "c", "d"],
                &[Some(vec![0, 1, 2, 3]), Some(vec![]), Some(vec![1]), None],
            ),
        ]);
        let (e, _, m) = fit(&s, false, false);
        assert_eq!(e.features.len(), 7);
        assert_eq!(e.columns[1].first_feature, 3);
        let sq = |a: usize, b: usize, cols: std::ops::Range<usize>| -> f64 {
            cols.map(|j| (m[[a, j]] - m[[b, j]]).powi(2)).sum()
        };
        // Two different levels, and all options versus none: squared distance 1.
        assert!(close(sq(0, 1, 0..3), 1.0));
        assert!(close(sq(0, 1, 3..7), 1.0));
        assert!(m.row(3).iter().all(|x| x.is_nan()));
        assert_eq!(e.features[3].option.as_deref(), Some("a"));
    }

    #[test]
    fn constant_and_empty_questions_are_left_out_with_a_warning() {
        let s = survey(vec![
            likert("same", &[Some(3.0), Some(3.0), None], 1.0, 5.0),
            numeric("empty", &[None, None, None]),
            likert("q", &[Some(1.0), Some(5.0), Some(2.0)], 1.0, 5.0),
            categorical("one", &["x", "y"], &[Some(0), Some(0), Some(0)]),
        ]);
        let (e, w, m) = fit(&s, true, false);
        assert_eq!(e.columns.len(), 1);
        assert_eq!(m.ncols(), 1);
        let left: Vec<_> = w.iter().filter_map(|w| w.column.as_deref()).collect();
        assert_eq!(left, vec!["same", "empty", "one"]);
        assert!(w.iter().all(|w| w.code == WarningCode::ColumnLeftOut));
        assert!(m.iter().all(|x| x.is_finite()));
    }

    #[test]
    fn nothing_to_cluster_is_an_error() {
        let s = survey(vec![likert("same", &[Some(3.0), Some(3.0)], 1.0, 5.0)]);
        let columns = vec!["same".to_string()];
        let spec = EncodeSpec {
            columns: &columns,
            weights: &BTreeMap::new(),
            standardize: false,
            centre_respondents: false,
            respondent_weights: &[1.0, 1.0],
        };
        assert_eq!(
            fit_encoding(&s, &spec).unwrap_err(),
            SegmentError::NoFeatures
        );
    }

    #[test]
    fn question_weight_applies_to_squared_distance() {
        let s = survey(vec![likert("q", &[Some(1.0), Some(5.0)], 1.0, 5.0)]);
        let columns = vec!["q".to_string()];
        let weights = [("q".to_string(), 4.0)].into();
        let spec = EncodeSpec {
            columns: &columns,
            weights: &weights,
            standardize: false,
            centre_respondents: false,
            respondent_weights: &[1.0, 1.0],
        };
        let (e, _) = fit_encoding(&s, &spec).unwrap();
        let m = e.apply(&s).unwrap();
        assert_eq!((m[[1, 0]] - m[[0, 0]]).powi(2), 4.0);
    }

    #[test]
    fn standardize_gives_mean_zero_sd_one() {
        let s = survey(vec![
            likert("q", &[Some(1.0), Some(2.0), Some(4.0), Some(5.0)], 1.0, 5.0),
            multi(
                "m",
                &["a", "b"],
                &[Some(vec![0]), Some(vec![]), Some(vec![0, 1]), Some(vec![0])],
            ),
        ]);
        let (_, _, m) = fit(&s, true, false);
        for col in m.columns() {
            let mean = col.sum() / 4.0;
            let var = col.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / 4.0;
            assert!(close(mean, 0.0) && close(var, 1.0), "{mean} {var}");
        }
    }

    #[test]
    fn centring_subtracts_the_respondents_mean_position() {
        let s = survey(vec![
            likert("a", &[Some(1.0), Some(5.0), Some(2.0)], 1.0, 5.0),
            likert("b", &[Some(3.0), Some(5.0), None], 1.0, 5.0),
            likert("c", &[Some(2.0), Some(1.0), Some(4.0)], 1.0, 5.0),
        ]);
        let (e, _, m) = fit(&s, false, true);
        // Row 0: positions 0, 0.5, 0.25, mean 0.25.
        assert!(close(m[[0, 0]], -0.25) && close(m[[0, 1]], 0.25) && close(m[[0, 2]], 0.0));
        // Row 2 answered a and c only: positions 0.25 and 0.75.
        assert!(close(m[[2, 0]], -0.25) && m[[2, 1]].is_nan());
        assert!(e.features.iter().all(|f| f.centred));
        // A lone Likert item is constant once centred, and left out.
        let lone = survey(vec![
            likert("a", &[Some(1.0), Some(5.0)], 1.0, 5.0),
            numeric("n", &[Some(1.0), Some(2.0)]),
        ]);
        let (e, w, _) = fit(&lone, false, true);
        assert_eq!(e.columns.len(), 1);
        assert_eq!(w[0].column.as_deref(), Some("a"));
    }

    #[test]
    fn apply_matches_levels_by_name_and_names_missing_columns() {
        let s = survey(vec![
            categorical("area", &["north", "south"], &[Some(0), Some(1)]),
            likert("q", &[Some(1.0), Some(5.0)], 1.0, 5.0),
        ]);
        let (e, _, m) = fit(&s, false, false);
        let reordered = survey(vec![
            categorical(
                "area",
                &["south", "north", "west"],
                &[Some(1), Some(0), Some(2)],
            ),
            likert("q", &[Some(1.0), Some(5.0), Some(3.0)], 1.0, 5.0),
        ]);
        let m2 = e.apply(&reordered).unwrap();
        assert_eq!(m2.row(0), m.row(0));
        assert_eq!(m2.row(1), m.row(1));
        assert_eq!(m2[[2, 0]], 0.0);
        assert_eq!(m2[[2, 1]], 0.0);
        let lacking = survey(vec![numeric("other", &[Some(1.0)])]);
        assert_eq!(
            e.apply(&lacking).unwrap_err().to_string(),
            "the survey lacks the model's column(s): area, q"
        );
    }
}
