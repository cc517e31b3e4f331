//! Fitting an encoding from a survey: each chosen question's features by its
//! kind, then centring, standardising and the per-question weights.

use super::adjust::{apply_weights, centre_likert, standardise};
use super::apply::raw_features;
use super::encoding::{EncodeSpec, EncodedColumn, Encoding, Feature, kind_name};
use super::error::EncodeError;
use super::indicators::{column_options, indicator_features};
use super::scales::{likert_feature, numeric_feature};
use crate::survey::{Column, ColumnKind, Scale, Survey, Warning, WarningCode};

/// The warning for a question left out of the segmentation.
pub(super) fn left_out(column: &str, why: &str) -> Warning {
    Warning {
        code: WarningCode::ColumnLeftOut,
        column: Some(column.to_string()),
        row: None,
        message: format!("Question {column} was left out of the segmentation: {why}."),
    }
}

/// Fit the encoding of `spec.columns` on `survey`. Returns the encoding and
/// the warnings about questions left out.
pub fn fit_encoding(
    survey: &Survey,
    spec: &EncodeSpec<'_>,
) -> Result<(Encoding, Vec<Warning>), EncodeError> {
    let mut warnings = Vec::new();
    let mut encoding = Encoding {
        columns: Vec::new(),
        features: Vec::new(),
        standardize: spec.standardize,
        centre_respondents: spec.centre_respondents,
    };
    for name in spec.columns {
        let Some(column) = survey.column(name) else {
            return Err(EncodeError::UnknownColumns {
                names: vec![name.clone()],
            });
        };
        let weight = spec.weights.get(name).copied().unwrap_or(1.0);
        if weight == 0.0 {
            warnings.push(left_out(name, "its weight is 0"));
            continue;
        }
        match fit_column(column, spec.respondent_weights)? {
            Ok((scale, options, features)) => {
                encoding.columns.push(EncodedColumn {
                    name: name.clone(),
                    kind: column.kind,
                    scale,
                    options,
                    weight,
                    first_feature: encoding.features.len() as u32,
                    feature_count: features.len() as u32,
                });
                encoding.features.extend(features);
            }
            Err(why) => warnings.push(left_out(name, &why)),
        }
    }
    if spec.centre_respondents {
        centre_likert(&mut encoding, survey, &mut warnings)?;
    }
    if spec.standardize {
        standardise(
            &mut encoding,
            survey,
            spec.respondent_weights,
            &mut warnings,
        )?;
    }
    apply_weights(&mut encoding);
    if encoding.features.is_empty() {
        return Err(EncodeError::NoFeatures);
    }
    Ok((encoding, warnings))
}

/// A question's scale (Likert), kept options (categorical, multi) and
/// features, before centring, standardising and weights.
type FittedColumn = (Option<Scale>, Vec<String>, Vec<Feature>);

/// Fit one question by its kind: its features, or why it is left out.
fn fit_column(
    column: &Column,
    respondent_weights: &[f64],
) -> Result<Result<FittedColumn, String>, EncodeError> {
    let options = column_options(column);
    let Some(raw) = raw_features(column, column.kind, &options) else {
        let kind = kind_name(column.kind);
        return Ok(Err(format!("its answers do not match its kind ({kind})")));
    };
    let no_variation = || "its answers do not vary".to_string();
    let fitted = match column.kind {
        ColumnKind::Likert => likert_feature(column, &raw[0])
            .map(|(scale, feature)| (Some(scale), Vec::new(), vec![feature])),
        ColumnKind::Numeric => numeric_feature(&column.name, &raw[0], respondent_weights)
            .map(|feature| (None, Vec::new(), vec![feature])),
        ColumnKind::Categorical | ColumnKind::Multi => {
            indicator_features(&column.name, column.kind, &options, &raw)
                .map(|(kept, features)| (None, kept, features))
        }
        ColumnKind::Id | ColumnKind::Text => {
            return Err(EncodeError::NotClusterable {
                column: column.name.clone(),
                kind: kind_name(column.kind),
            });
        }
    };
    Ok(fitted.ok_or_else(no_variation))
}

#[cfg(test)]
pub(super) mod tests {
    use std::collections::BTreeMap;

    use ndarray::Array2;

    use super::*;
    use crate::encode::fixtures::{categorical, likert, multi, numeric, survey};

    /// Fit every column of `s` (unit weights) and apply the encoding to `s`.
    pub(in crate::encode) fn fit(
        s: &Survey,
        standardize: bool,
        centre: bool,
    ) -> (Encoding, Vec<Warning>, Array2<f64>) {
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
            EncodeError::NoFeatures
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
    fn unknown_and_unclusterable_questions_are_refused_or_left_out() {
        let s = survey(vec![likert("q", &[Some(1.0), Some(5.0)], 1.0, 5.0)]);
        let columns = vec!["q".to_string(), "nope".to_string()];
        let spec = EncodeSpec {
            columns: &columns,
            weights: &BTreeMap::new(),
            standardize: false,
            centre_respondents: false,
            respondent_weights: &[1.0, 1.0],
        };
        assert_eq!(
            fit_encoding(&s, &spec).unwrap_err().to_string(),
            "unknown column(s) in columns: nope"
        );
        let s = survey(vec![
            likert("q", &[Some(1.0), Some(5.0)], 1.0, 5.0),
            crate::encode::fixtures::text("t", &[Some("a"), Some("b")]),
        ]);
        let (e, w, _) = fit(&s, false, false);
        assert_eq!(e.columns.len(), 1);
        assert_eq!(
            w[0].message,
            "Question t was left out of the segmentation: its answers do not match its kind (text)."
        );
    }

    #[test]
    fn a_weight_of_zero_leaves_the_question_out() {
        let s = survey(vec![
            likert("q", &[Some(1.0), Some(5.0)], 1.0, 5.0),
            numeric("n", &[Some(1.0), Some(2.0)]),
        ]);
        let columns = vec!["q".to_string(), "n".to_string()];
        let weights = [("n".to_string(), 0.0)].into();
        let spec = EncodeSpec {
            columns: &columns,
            weights: &weights,
            standardize: false,
            centre_respondents: false,
            respondent_weights: &[1.0, 1.0],
        };
        let (e, w) = fit_encoding(&s, &spec).unwrap();
        assert_eq!(e.columns.len(), 1);
        assert_eq!(w[0].column.as_deref(), Some("n"));
        assert!(w[0].message.ends_with("its weight is 0."));
    }
}
