//! Segmentation options as the caller writes them, and the one function that
//! turns them into checked parameters.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::errors::SegmentError;
use crate::survey::{ColumnKind, Survey, Values};

/// The largest number of segments allowed.
pub const MAX_K: u32 = 50;

/// How many segments to find.
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
/// | `restarts` | 10 | k-means runs from different k-means++ starts; the lowest inertia wins |
/// | `maxIterations` | 300 | cap on Lloyd iterations per run |
/// | `tolerance` | 1e-4 | relative: a run stops when the summed squared centroid movement is at most `tolerance` × the mean weighted variance of the encoded features |
/// | `weights` | {} (each 1) | per-question weights; a question's features are multiplied by sqrt(weight), so the weight multiplies its share of squared distance |
/// | `weightColumn` | none | a numeric column of respondent weights (finite, >= 0) |
/// | `centreRespondents` | false | subtract each respondent's mean position from their Likert answers |
/// | `stability` | true | re-run with other seeds and on half samples |
/// | `stabilityRuns` | 5 | how many seed runs and half-sample pairs |
/// | `silhouetteSample` | 3000 | silhouette is exact up to this many respondents, above it computed on a seeded sample of this size stratified by segment |
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
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
    /// k-means restarts. Default 10.
    pub restarts: u32,
    /// Lloyd iteration cap per restart. Default 300.
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
    /// Seed runs and half-sample pairs for stability. Default 5.
    pub stability_runs: u32,
    /// Silhouette sample size (respondents). Default 3000.
    pub silhouette_sample: u32,
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
    if options.silhouette_sample < 2 {
        return Err(SegmentError::InvalidSilhouetteSample(
            options.silhouette_sample,
        ));
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
