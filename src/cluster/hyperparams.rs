//! Segmentation options as the caller writes them, and the one function that
//! turns them into checked parameters.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::errors::SegmentError;
use crate::engage::Activity;
use crate::model::Model;
use crate::profile::DEFAULT_MIN_GROUP_SIZE;
use crate::survey::{ColumnKind, Survey, Values};

/// The largest number of segments allowed.
pub const MAX_K: u32 = 50;

/// The most k-means restarts allowed (per k, and per stability run).
pub const MAX_RESTARTS: u32 = 100;

/// The most Lloyd iterations allowed per restart.
pub const MAX_ITERATIONS: u32 = 10_000;

/// The most stability seed runs (and half-sample pairs) allowed.
pub const MAX_STABILITY_RUNS: u32 = 20;

/// How many segments to find.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum KChoice {
    /// Exactly this many segments (1..=50).
    Fixed(u32),
    /// Scan `kMin..=kMax` and keep the k with the highest silhouette
    /// (ties go to the smaller k). Written `"auto"` in JSON.
    Auto(AutoK),
}

/// The literal `"auto"`.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AutoK {
    /// Choose k from the data.
    Auto,
}

impl Default for KChoice {
    fn default() -> Self {
        KChoice::Auto(AutoK::Auto)
    }
}

/// What the caller may set. Every field is optional in JSON (camelCase);
/// the defaults below are the only place defaults are written.
///
/// | field | default | meaning |
/// | --- | --- | --- |
/// | `k` | `"auto"` | a number of segments, or `"auto"` |
/// | `kMin`, `kMax` | 2, 8 | the range scanned when `k` is `"auto"` |
/// | `columns` | all Likert, multi, categorical and numeric questions | the questions to cluster |
/// | `standardize` | false | z-score every encoded feature (replaces the per-kind scaling) |
/// | `seed` | 42 | the one seed every random choice flows from |
/// | `restarts` | 10 | k-means runs from different k-means++ starts (1..=100); the lowest inertia wins |
/// | `maxIterations` | 300 | cap on Lloyd iterations per run (1..=10000) |
/// | `tolerance` | 1e-4 | relative: a run stops when the summed squared centroid movement is at most `tolerance` × the mean weighted variance of the encoded features |
/// | `weights` | {} (each 1) | per-question weights; a question's features are multiplied by sqrt(weight), so the weight multiplies its share of squared distance |
/// | `weightColumn` | none | a numeric column of respondent weights (finite, >= 0) |
/// | `centreRespondents` | false | subtract each respondent's mean position from their Likert answers |
/// | `stability` | true | re-run with other seeds and on half samples |
/// | `stabilityRuns` | 5 | how many seed runs and half-sample pairs (1..=20; each fits `restarts` runs) |
/// | `silhouetteSample` | 3000 | silhouette is exact up to this many respondents, above it computed on a seeded sample of this size stratified by segment |
/// | `activities` | {} | `{ column: activity }` mapping questions to co-production activities; wins over recognition from names |
/// | `minGroupSize` | 10 | disclosure threshold: smaller segments are flagged and exported cells from fewer respondents suppressed |
/// | `names` | {} | `{ segmentId: name }` to rename segments |
/// | `previous` | none | a saved model (of a version this one reads): segments matching its centroids keep its ids and names |
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(hashmap_as_object))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct SegmentOptions {
    /// Number of segments or `"auto"`. Default `"auto"`.
    pub k: KChoice,
    /// Smallest k scanned by `"auto"`. Default 2.
    pub k_min: u32,
    /// Largest k scanned by `"auto"` (lowered to the number of distinct answer
    /// patterns if that is smaller). Default 8.
    pub k_max: u32,
    /// Questions to cluster, by name. Default: every Likert, multi,
    /// categorical and numeric question except the weight column.
    pub columns: Option<Vec<String>>,
    /// Z-score every encoded feature. Default false.
    pub standardize: bool,
    /// Seed of every random choice. Default 42.
    pub seed: u32,
    /// k-means restarts (1..=100). Default 10.
    pub restarts: u32,
    /// Lloyd iteration cap per restart (1..=10000). Default 300.
    pub max_iterations: u32,
    /// Relative convergence tolerance (see the table above). Default 1e-4.
    pub tolerance: f64,
    /// Per-question weights (finite, >= 0; 0 leaves the question out). Default 1 each.
    pub weights: BTreeMap<String, f64>,
    /// Numeric column of respondent weights. Default none (each respondent 1).
    pub weight_column: Option<String>,
    /// Within-respondent centring of Likert items. Default false.
    pub centre_respondents: bool,
    /// Measure stability across seeds and half samples. Default true.
    pub stability: bool,
    /// Seed runs and half-sample pairs for stability (1..=20). Default 5.
    pub stability_runs: u32,
    /// Silhouette sample size (respondents). Default 3000.
    pub silhouette_sample: u32,
    /// Questions mapped to co-production activities explicitly; wins over
    /// recognition from the questions' names. Default none.
    pub activities: BTreeMap<String, Activity>,
    /// Disclosure threshold in respondents. Default 10.
    pub min_group_size: u32,
    /// Names for segments, keyed by segment id written as text (JSON and JS
    /// object keys are text: `{ "0": "Digital co-designers" }`), overriding
    /// the generated ones. Default none.
    pub names: BTreeMap<String, String>,
    /// A previous model: the new segments are matched to its segments
    /// (optimal assignment on centroid distance) so that ids and names carry
    /// over between reruns. Default none.
    pub previous: Option<Model>,
}

impl Default for SegmentOptions {
    fn default() -> Self {
        SegmentOptions {
            k: KChoice::default(),
            k_min: 2,
            k_max: 8,
            columns: None,
            standardize: false,
            seed: 42,
            restarts: 10,
            max_iterations: 300,
            tolerance: 1e-4,
            weights: BTreeMap::new(),
            weight_column: None,
            centre_respondents: false,
            stability: true,
            stability_runs: 5,
            silhouette_sample: 3000,
            activities: BTreeMap::new(),
            min_group_size: DEFAULT_MIN_GROUP_SIZE,
            names: BTreeMap::new(),
            previous: None,
        }
    }
}

/// The k (or range of k) to try, after checking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KPlan {
    /// Exactly this k.
    Fixed(u32),
    /// Scan this inclusive range.
    Scan {
        /// Smallest k.
        min: u32,
        /// Largest k.
        max: u32,
    },
}

/// Options after [`check_options`]: every value usable as is.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentParams {
    /// The k to use or scan.
    pub k: KPlan,
    /// Names of the chosen questions, in survey order.
    pub columns: Vec<String>,
    /// Z-score every feature.
    pub standardize: bool,
    /// Seed.
    pub seed: u32,
    /// Restarts (>= 1).
    pub restarts: u32,
    /// Iteration cap (>= 1).
    pub max_iterations: u32,
    /// Relative tolerance (> 0).
    pub tolerance: f64,
    /// Per-question weights, only for chosen questions (default 1).
    pub weights: BTreeMap<String, f64>,
    /// Name of the respondent weight column.
    pub weight_column: Option<String>,
    /// Respondent weights in input order (all 1 without a weight column).
    pub respondent_weights: Vec<f64>,
    /// Centre Likert answers within respondent.
    pub centre_respondents: bool,
    /// Stability runs (0 = stability off).
    pub stability_runs: u32,
    /// Silhouette sample size (>= 2).
    pub silhouette_sample: u32,
}

fn kind_name(kind: ColumnKind) -> String {
    format!("{kind:?}").to_lowercase()
}

/// Check `options` against `survey` and return usable parameters.
///
/// Rejections that depend on the encoded data (fewer respondents than k, k
/// above the number of distinct answer patterns) are made by
/// [`check_k_against_data`] once the answers are encoded.
pub fn check_options(
    options: &SegmentOptions,
    survey: &Survey,
) -> Result<SegmentParams, SegmentError> {
    let k = match options.k {
        KChoice::Fixed(k) => {
            if !(1..=MAX_K).contains(&k) {
                return Err(SegmentError::InvalidK { k, max: MAX_K });
            }
            KPlan::Fixed(k)
        }
        KChoice::Auto(_) => {
            let (min, max) = (options.k_min, options.k_max);
            if min < 2 || min > max || max > MAX_K {
                return Err(SegmentError::InvalidKRange {
                    k_min: min,
                    k_max: max,
                    max: MAX_K,
                });
            }
            KPlan::Scan { min, max }
        }
    };
    if !(options.tolerance.is_finite() && options.tolerance > 0.0) {
        return Err(SegmentError::InvalidTolerance(options.tolerance));
    }
    if options.max_iterations == 0 {
        return Err(SegmentError::ZeroMaxIterations);
    }
    if options.restarts == 0 {
        return Err(SegmentError::ZeroRestarts);
    }
    if options.stability && options.stability_runs == 0 {
        return Err(SegmentError::ZeroStabilityRuns);
    }
    check_limits(options.restarts, options.max_iterations)?;
    if options.stability && options.stability_runs > MAX_STABILITY_RUNS {
        return Err(SegmentError::AboveLimit {
            option: "stabilityRuns",
            value: options.stability_runs,
            max: MAX_STABILITY_RUNS,
        });
    }
    if options.silhouette_sample < 2 {
        return Err(SegmentError::InvalidSilhouetteSample(
            options.silhouette_sample,
        ));
    }

    if let Some(previous) = &options.previous {
        previous.check_version()?;
    }

    // The respondent weights.
    let respondent_weights = match &options.weight_column {
        None => vec![1.0; survey.respondents],
        Some(name) => {
            let column = survey
                .column(name)
                .ok_or_else(|| SegmentError::UnknownColumns {
                    option: "weightColumn",
                    names: vec![name.clone()],
                })?;
            let Values::Numbers(values) = &column.values else {
                return Err(SegmentError::WeightColumnNotNumeric {
                    column: name.clone(),
                });
            };
            if column.kind != ColumnKind::Numeric && column.kind != ColumnKind::Likert {
                return Err(SegmentError::WeightColumnNotNumeric {
                    column: name.clone(),
                });
            }
            let mut weights = Vec::with_capacity(values.len());
            for (i, v) in values.iter().enumerate() {
                match v {
                    Some(w) if w.is_finite() && *w >= 0.0 => weights.push(*w),
                    other => {
                        return Err(SegmentError::InvalidRespondentWeight {
                            column: name.clone(),
                            row: i + 2,
                            value: other.map_or_else(|| "missing".to_string(), |w| w.to_string()),
                        });
                    }
                }
            }
            weights
        }
    };

    // The questions.
    let columns: Vec<String> = match &options.columns {
        None => survey
            .columns
            .iter()
            .filter(|c| {
                matches!(
                    c.kind,
                    ColumnKind::Likert
                        | ColumnKind::Multi
                        | ColumnKind::Categorical
                        | ColumnKind::Numeric
                ) && Some(&c.name) != options.weight_column.as_ref()
            })
            .map(|c| c.name.clone())
            .collect(),
        Some(names) => {
            let unknown: Vec<String> = names
                .iter()
                .filter(|n| survey.column(n).is_none())
                .cloned()
                .collect();
            if !unknown.is_empty() {
                return Err(SegmentError::UnknownColumns {
                    option: "columns",
                    names: unknown,
                });
            }
            // Survey order, each once.
            survey
                .columns
                .iter()
                .filter(|c| names.contains(&c.name))
                .map(|c| {
                    if matches!(c.kind, ColumnKind::Id | ColumnKind::Text) {
                        Err(SegmentError::NotClusterable {
                            column: c.name.clone(),
                            kind: kind_name(c.kind),
                        })
                    } else {
                        Ok(c.name.clone())
                    }
                })
                .collect::<Result<_, _>>()?
        }
    };

    // Per-question weights.
    let unknown: Vec<String> = options
        .weights
        .keys()
        .filter(|n| survey.column(n).is_none())
        .cloned()
        .collect();
    if !unknown.is_empty() {
        return Err(SegmentError::UnknownColumns {
            option: "weights",
            names: unknown,
        });
    }
    for (name, &weight) in &options.weights {
        if !(weight.is_finite() && weight >= 0.0) {
            return Err(SegmentError::InvalidQuestionWeight {
                column: name.clone(),
                weight,
            });
        }
    }
    let weights = columns
        .iter()
        .map(|c| (c.clone(), options.weights.get(c).copied().unwrap_or(1.0)))
        .collect();

    Ok(SegmentParams {
        k,
        columns,
        standardize: options.standardize,
        seed: options.seed,
        restarts: options.restarts,
        max_iterations: options.max_iterations,
        tolerance: options.tolerance,
        weights,
        weight_column: options.weight_column.clone(),
        respondent_weights,
        centre_respondents: options.centre_respondents,
        stability_runs: if options.stability {
            options.stability_runs
        } else {
            0
        },
        silhouette_sample: options.silhouette_sample,
    })
}

/// Refuse `restarts` and `maxIterations` above their limits, so that no
/// option can make a run take minutes.
pub fn check_limits(restarts: u32, max_iterations: u32) -> Result<(), SegmentError> {
    if restarts > MAX_RESTARTS {
        return Err(SegmentError::AboveLimit {
            option: "restarts",
            value: restarts,
            max: MAX_RESTARTS,
        });
    }
    if max_iterations > MAX_ITERATIONS {
        return Err(SegmentError::AboveLimit {
            option: "maxIterations",
            value: max_iterations,
            max: MAX_ITERATIONS,
        });
    }
    Ok(())
}

/// Check a fixed `k` against the respondents that can be clustered and their
/// distinct answer patterns.
pub fn check_k_against_data(
    k: u32,
    respondents: usize,
    distinct: usize,
) -> Result<(), SegmentError> {
    if (respondents as u64) < k as u64 {
        return Err(SegmentError::TooFewRespondents {
            k,
            respondents: respondents as u32,
        });
    }
    if (distinct as u64) < k as u64 {
        return Err(SegmentError::KAboveDistinct {
            k,
            distinct: distinct as u32,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{likert, numeric, survey, text};

    fn small() -> Survey {
        survey(vec![
            likert("q1", &[Some(1.0), Some(2.0), Some(5.0)], 1.0, 5.0),
            likert("q2", &[Some(3.0), Some(4.0), Some(1.0)], 1.0, 5.0),
            numeric("w", &[Some(1.0), Some(2.0), Some(0.5)]),
            text("note", &[Some("a"), None, Some("b")]),
        ])
    }

    fn check(options: SegmentOptions) -> Result<SegmentParams, SegmentError> {
        check_options(&options, &small())
    }

    #[test]
    fn defaults_pass_and_choose_clusterable_columns() {
        let p = check(SegmentOptions::default()).unwrap();
        assert_eq!(p.columns, vec!["q1", "q2", "w"]);
        assert_eq!(p.k, KPlan::Scan { min: 2, max: 8 });
        assert_eq!(p.seed, 42);
        assert_eq!(p.respondent_weights, vec![1.0; 3]);
        assert_eq!(p.stability_runs, 5);
    }

    #[test]
    fn json_is_camel_case_with_every_field_optional() {
        let o: SegmentOptions =
            serde_json::from_str(r#"{"k": 3, "kMax": 6, "weightColumn": "w", "maxIterations": 9}"#)
                .unwrap();
        assert_eq!(o.k, KChoice::Fixed(3));
        assert_eq!(o.k_max, 6);
        assert_eq!(o.max_iterations, 9);
        assert_eq!(o.restarts, 10);
        let auto: SegmentOptions = serde_json::from_str(r#"{"k": "auto"}"#).unwrap();
        assert_eq!(auto.k, KChoice::default());
        assert!(serde_json::from_str::<SegmentOptions>(r#"{"k": "many"}"#).is_err());
        let p = check(o).unwrap();
        assert_eq!(p.columns, vec!["q1", "q2"]);
        assert_eq!(p.respondent_weights, vec![1.0, 2.0, 0.5]);
    }

    #[test]
    fn rejects_k_below_one() {
        let e = check(SegmentOptions {
            k: KChoice::Fixed(0),
            ..Default::default()
        });
        assert_eq!(e, Err(SegmentError::InvalidK { k: 0, max: 50 }));
    }

    #[test]
    fn rejects_k_above_fifty() {
        let e = check(SegmentOptions {
            k: KChoice::Fixed(51),
            ..Default::default()
        });
        assert_eq!(e, Err(SegmentError::InvalidK { k: 51, max: 50 }));
    }

    #[test]
    fn rejects_k_min_above_k_max() {
        let e = check(SegmentOptions {
            k_min: 5,
            k_max: 3,
            ..Default::default()
        })
        .unwrap_err();
        assert!(e.to_string().contains("kMin = 5, kMax = 3"), "{e}");
        let e = check(SegmentOptions {
            k_min: 1,
            ..Default::default()
        });
        assert!(e.is_err());
    }

    #[test]
    fn rejects_k_above_distinct_patterns() {
        let e = check_k_against_data(3, 10, 2).unwrap_err();
        assert_eq!(e, SegmentError::KAboveDistinct { k: 3, distinct: 2 });
        assert!(e.to_string().contains("2 distinct answer patterns"));
    }

    #[test]
    fn rejects_fewer_respondents_than_k() {
        let e = check_k_against_data(4, 3, 3).unwrap_err();
        assert!(e.to_string().contains("there are 3"), "{e}");
    }

    #[test]
    fn rejects_unknown_columns_naming_them() {
        let e = check(SegmentOptions {
            columns: Some(vec!["q1".into(), "nope".into(), "gone".into()]),
            ..Default::default()
        })
        .unwrap_err();
        assert_eq!(e.to_string(), "unknown column(s) in columns: nope, gone");
        let e = check(SegmentOptions {
            weights: [("zz".to_string(), 2.0)].into(),
            ..Default::default()
        })
        .unwrap_err();
        assert!(e.to_string().contains("weights: zz"));
        let e = check(SegmentOptions {
            weight_column: Some("ww".into()),
            ..Default::default()
        })
        .unwrap_err();
        assert!(e.to_string().contains("weightColumn: ww"));
    }

    #[test]
    fn rejects_text_columns() {
        let e = check(SegmentOptions {
            columns: Some(vec!["note".into()]),
            ..Default::default()
        })
        .unwrap_err();
        assert!(e.to_string().contains("column note holds text"), "{e}");
    }

    #[test]
    fn rejects_negative_or_non_finite_question_weights() {
        for w in [-1.0, f64::NAN, f64::INFINITY] {
            let e = check(SegmentOptions {
                weights: [("q2".to_string(), w)].into(),
                ..Default::default()
            })
            .unwrap_err();
            assert!(e.to_string().contains("weight of column q2"), "{e}");
        }
    }

    #[test]
    fn rejects_bad_respondent_weights_naming_the_row() {
        for (value, shown) in [
            (None, "missing"),
            (Some(-2.0), "-2"),
            (Some(f64::INFINITY), "inf"),
        ] {
            let mut s = small();
            s.columns[2] = numeric("w", &[Some(1.0), value, Some(1.0)]);
            let e = check_options(
                &SegmentOptions {
                    weight_column: Some("w".into()),
                    ..Default::default()
                },
                &s,
            )
            .unwrap_err();
            assert_eq!(
                e.to_string(),
                format!(
                    "respondent weight in column w on row 3 must be a finite number >= 0, got {shown}"
                )
            );
        }
        let e = check(SegmentOptions {
            weight_column: Some("note".into()),
            ..Default::default()
        });
        assert!(matches!(
            e,
            Err(SegmentError::WeightColumnNotNumeric { .. })
        ));
    }

    #[test]
    fn rejects_tolerance_not_positive() {
        for t in [0.0, -1e-3, f64::NAN] {
            let e = check(SegmentOptions {
                tolerance: t,
                ..Default::default()
            });
            assert!(matches!(e, Err(SegmentError::InvalidTolerance(_))));
        }
    }

    #[test]
    fn rejects_zero_max_iterations() {
        let e = check(SegmentOptions {
            max_iterations: 0,
            ..Default::default()
        });
        assert_eq!(e, Err(SegmentError::ZeroMaxIterations));
    }

    #[test]
    fn rejects_zero_restarts() {
        let e = check(SegmentOptions {
            restarts: 0,
            ..Default::default()
        });
        assert_eq!(e, Err(SegmentError::ZeroRestarts));
    }

    #[test]
    fn rejects_zero_stability_runs_and_tiny_silhouette_sample() {
        let e = check(SegmentOptions {
            stability_runs: 0,
            ..Default::default()
        });
        assert_eq!(e, Err(SegmentError::ZeroStabilityRuns));
        let ok = check(SegmentOptions {
            stability: false,
            stability_runs: 0,
            ..Default::default()
        });
        assert_eq!(ok.unwrap().stability_runs, 0);
        let e = check(SegmentOptions {
            silhouette_sample: 1,
            ..Default::default()
        });
        assert_eq!(e, Err(SegmentError::InvalidSilhouetteSample(1)));
    }

    #[test]
    fn rejects_restarts_iterations_and_stability_runs_above_their_limits() {
        let at_limits = check(SegmentOptions {
            restarts: MAX_RESTARTS,
            max_iterations: MAX_ITERATIONS,
            stability_runs: MAX_STABILITY_RUNS,
            ..Default::default()
        });
        assert!(at_limits.is_ok());
        let e = check(SegmentOptions {
            restarts: u32::MAX,
            ..Default::default()
        })
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "restarts must be at most 100, got 4294967295"
        );
        let e = check(SegmentOptions {
            max_iterations: MAX_ITERATIONS + 1,
            ..Default::default()
        })
        .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("maxIterations must be at most 10000"),
            "{e}"
        );
        let e = check(SegmentOptions {
            stability_runs: 21,
            ..Default::default()
        })
        .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("stabilityRuns must be at most 20"),
            "{e}"
        );
        // Stability off: its run count is not used, so not checked.
        assert!(
            check(SegmentOptions {
                stability: false,
                stability_runs: 21,
                ..Default::default()
            })
            .is_ok()
        );
    }
}
