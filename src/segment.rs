//! The pipeline: check options → encode → cluster (or scan k) → assign every
//! respondent → quality, stability, projection → [`Segmentation`].

use ndarray::{Array2, Axis};
use serde::Serialize;

use crate::cluster::{
    Clustering, KMeansSettings, KPlan, SegmentError, SegmentOptions, check_k_against_data,
    check_options, distinct_rows, impute_means, kmeans, nearest,
};
use crate::encode::{EncodeSpec, Encoding, fit_encoding};
use crate::engage::with_stability;
use crate::model::Model;
use crate::profile::{ProfileOptions, Profiles, match_segments, profile};
use crate::project::{Projection, project};
use crate::quality::{KScan, Quality, Stability, evaluate, scan_k, stability};
use crate::survey::{Survey, Warning, WarningCode};

/// One segment's size and stability.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SegmentSummary {
    /// Segment id (0-based; segments are numbered by weighted size, largest
    /// first, unless a `previous` model's ids carried over).
    pub id: u32,
    /// A short plain-language name from the segment's distinctive
    /// activities (or the caller's, or the previous model's).
    pub name: String,
    /// The id this segment had in the `previous` model, when it matched one.
    pub previous_id: Option<u32>,
    /// Respondents in the segment.
    pub size: u32,
    /// Sum of their respondent weights.
    pub weighted_size: f64,
    /// Weighted share of the assigned respondents (0..1).
    pub share: f64,
    /// Mean best-match Jaccard over the stability seed runs (`null` when
    /// stability is off).
    pub stability: Option<f64>,
}

/// The result of [`segment`]. Serialises to camelCase JSON; the encoding's
/// fields (`columns`, `features`, `standardize`, `centreRespondents`) appear
/// at the top level.
// In TypeScript this plain-data shape is `SegmentationData`, distinct from
// the `Segmentation` class whose `toJSON()` returns it.
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify::Tsify),
    tsify(rename = "SegmentationData")
)]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Segmentation {
    /// Number of segments.
    pub k: u32,
    /// Segment of each respondent in input order; -1 for a respondent who
    /// answered none of the chosen questions.
    pub assignments: Vec<i32>,
    /// Each respondent's (partial) Euclidean distance to its segment's
    /// centroid in encoded units; NaN (JSON `null`) for -1.
    pub distances: Vec<f64>,
    /// k rows of encoded feature values (see `features` to map them back).
    pub centroids: Vec<Vec<f64>>,
    /// The encoding: questions used and the features with their mapping back.
    #[serde(flatten)]
    pub encoding: Encoding,
    /// Weighted sum of squared partial distances of respondents to their centroid.
    pub inertia: f64,
    /// Lloyd iterations of the kept restart.
    pub iterations: u32,
    /// Whether the kept restart stopped before `maxIterations`.
    pub converged: bool,
    /// The seed used.
    pub seed: u32,
    /// Restarts run (per k).
    pub restarts: u32,
    /// Quality measures at the chosen k.
    pub quality: Quality,
    /// Size, share and stability per segment.
    pub segments: Vec<SegmentSummary>,
    /// The scan over k (present when k was `"auto"`).
    pub k_scan: Option<KScan>,
    /// Stability across seeds and halves (present when `stability` is on).
    pub stability: Option<Stability>,
    /// 2-D PCA picture.
    pub projection: Projection,
    /// What the analyst should know (questions left out, unassigned respondents, ...).
    pub warnings: Vec<Warning>,
    /// Respondents with segment -1.
    pub unassigned: u32,
    /// The respondent weight column, if any.
    pub weight_column: Option<String>,
    /// Hash of the survey's input bytes.
    pub input_hash: String,
    /// Per segment and overall figures, with engagement briefs.
    pub profiles: Profiles,
}

/// Where a running [`segment`] is, for progress bars.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    /// What is being done, in words a user understands.
    pub stage: &'static str,
    /// How far the whole run is, 0..=1.
    pub fraction: f64,
}

impl Segmentation {
    /// The portable model of this segmentation (see [`crate::model::assign`]).
    pub fn model(&self) -> Model {
        Model {
            version: env!("CARGO_PKG_VERSION").to_string(),
            seed: self.seed,
            k: self.k,
            input_hash: self.input_hash.clone(),
            encoding: self.encoding.clone(),
            weight_column: self.weight_column.clone(),
            centroids: self.centroids.clone(),
            segment_ids: self.segments.iter().map(|s| s.id).collect(),
            names: self.segments.iter().map(|s| s.name.clone()).collect(),
        }
    }
}

fn warning(code: WarningCode, message: String) -> Warning {
    Warning {
        code,
        column: None,
        row: None,
        message,
    }
}

/// Renumber clusters by weighted size, largest first (ties to the lower old
/// index), so segment 0 is always the biggest.
fn order_by_size(clustering: &mut Clustering, weights: &[f64]) {
    let k = clustering.centroids.nrows();
    let mut mass = vec![0.0; k];
    for (l, w) in clustering.labels.iter().zip(weights) {
        mass[*l] += w;
    }
    let mut order: Vec<usize> = (0..k).collect();
    order.sort_by(|&a, &b| mass[b].total_cmp(&mass[a]).then(a.cmp(&b)));
    let mut new_index = vec![0; k];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    clustering.centroids = clustering.centroids.select(Axis(0), &order);
    for l in &mut clustering.labels {
        *l = new_index[*l];
    }
}

/// Renumber clusters so that those matching a previous model's centroids
/// take its ids: each matched segment keeps the previous id when it is below
/// k; the others take the free ids in order. Returns, per new id, the
/// previous id it continues.
fn carry_over_ids(clustering: &mut Clustering, previous: &[Vec<f64>]) -> Vec<Option<u32>> {
    let k = clustering.centroids.nrows();
    let current = rows(&clustering.centroids);
    let matched = match_segments(previous, &current);
    let mut target: Vec<Option<usize>> = vec![None; k];
    let mut taken = vec![false; k];
    for (j, m) in matched.iter().enumerate() {
        if let Some(p) = *m
            && p < k
            && !taken[p]
        {
            target[j] = Some(p);
            taken[p] = true;
        }
    }
    let mut free = (0..k).filter(|&i| !taken[i]);
    let new_index: Vec<usize> = target
        .iter()
        .map(|t| t.or_else(|| free.next()).unwrap_or(0))
        .collect();
    let mut order = vec![0; k];
    let mut previous_ids = vec![None; k];
    for (old, &new) in new_index.iter().enumerate() {
        order[new] = old;
        previous_ids[new] = matched[old].map(|p| p as u32);
    }
    clustering.centroids = clustering.centroids.select(Axis(0), &order);
    for l in &mut clustering.labels {
        *l = new_index[*l];
    }
    previous_ids
}

/// Segment the respondents of `survey` with k-means as `options` say.
///
/// Deterministic for a given survey and options (every random choice flows
/// from `options.seed`).
pub fn segment(survey: &Survey, options: &SegmentOptions) -> Result<Segmentation, SegmentError> {
    segment_with_progress(survey, options, &mut |_| {})
}

/// [`segment`], telling `progress` where it is at each step.
pub fn segment_with_progress(
    survey: &Survey,
    options: &SegmentOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<Segmentation, SegmentError> {
    progress(Progress {
        stage: "Encoding the answers",
        fraction: 0.02,
    });
    let params = check_options(options, survey)?;
    let spec = EncodeSpec {
        columns: &params.columns,
        weights: &params.weights,
        standardize: params.standardize,
        centre_respondents: params.centre_respondents,
        respondent_weights: &params.respondent_weights,
    };
    let (encoding, mut warnings) = fit_encoding(survey, &spec)?;
    let data = encoding.apply(survey)?;
    let weights = &params.respondent_weights;

    let answered: Vec<bool> = data
        .rows()
        .into_iter()
        .map(|r| r.iter().any(|x| x.is_finite()))
        .collect();
    let fit_rows: Vec<usize> = (0..survey.respondents)
        .filter(|&i| answered[i] && weights[i] > 0.0)
        .collect();
    let fit_data = data.select(Axis(0), &fit_rows);
    let fit_weights: Vec<f64> = fit_rows.iter().map(|&i| weights[i]).collect();
    // Enough to check k, or to lower kMax to the distinct answer patterns.
    let needed = match params.k {
        KPlan::Fixed(k) => k,
        KPlan::Scan { max, .. } => max,
    };
    let distinct = distinct_rows(fit_data.view(), needed as usize);
    let n_fit = fit_rows.len();

    let mut settings = KMeansSettings {
        k: 0,
        seed: params.seed,
        restarts: params.restarts,
        max_iterations: params.max_iterations,
        tolerance: params.tolerance,
    };
    let fit_imputed = impute_means(fit_data.view(), &fit_weights);
    let sample = params.silhouette_sample as usize;
    progress(Progress {
        stage: "Finding segments",
        fraction: 0.05,
    });
    let (mut clustering, k_scan) = match params.k {
        KPlan::Fixed(k) => {
            check_k_against_data(k, n_fit, distinct)?;
            settings.k = k as usize;
            (kmeans(fit_data.view(), &fit_weights, &settings)?, None)
        }
        KPlan::Scan { min, max } => {
            let limit = max.min(distinct as u32).min(n_fit as u32);
            check_k_against_data(min, n_fit, distinct)?;
            if limit < max {
                warnings.push(warning(
                    WarningCode::Other,
                    format!("kMax was lowered from {max} to {limit}, the number of distinct answer patterns."),
                ));
            }
            let (scan, clustering) = scan_k(
                fit_data.view(),
                fit_imputed.view(),
                &fit_weights,
                min,
                limit,
                &settings,
                sample,
                &mut |done| {
                    progress(Progress {
                        stage: "Comparing numbers of segments",
                        fraction: 0.05 + 0.5 * done,
                    })
                },
            )?;
            settings.k = scan.chosen as usize;
            (clustering, Some(scan))
        }
    };
    order_by_size(&mut clustering, &fit_weights);
    let k = settings.k;
    let mut previous_ids = vec![None; k];
    let mut previous_names = std::collections::BTreeMap::new();
    if let Some(previous) = &options.previous {
        if previous.encoding.features == encoding.features {
            previous_ids = carry_over_ids(&mut clustering, &previous.centroids);
            for (id, p) in previous_ids.iter().enumerate() {
                if let Some(name) = p.and_then(|p| previous.names.get(p as usize)) {
                    previous_names.insert(id as u32, name.clone());
                }
            }
        } else {
            warnings.push(warning(
                WarningCode::Other,
                "The previous model was built on other questions or encodings, so its segment ids and names were not carried over.".to_string(),
            ));
        }
    }
    // The scan already measured the chosen k (the measures do not depend on
    // the segment numbering).
    let quality = match k_scan
        .as_ref()
        .and_then(|scan| scan.entries.iter().find(|e| e.k == scan.chosen))
    {
        Some(entry) => entry.clone(),
        None => {
            evaluate(
                fit_imputed.view(),
                &fit_weights,
                &clustering,
                sample,
                params.seed,
            )
            .0
        }
    };

    // Every respondent with an answer goes to the nearest centroid (for the
    // fitted ones that is their own label).
    let mut assignments = vec![-1i32; survey.respondents];
    let mut distances = vec![f64::NAN; survey.respondents];
    for (i, row) in data.rows().into_iter().enumerate() {
        if let Some((j, d)) = nearest(row, clustering.centroids.view()) {
            assignments[i] = j as i32;
            distances[i] = d.sqrt();
        }
    }
    let unassigned = assignments.iter().filter(|&&a| a < 0).count() as u32;
    if unassigned > 0 {
        warnings.push(warning(
            WarningCode::NoAnswers,
            format!("{unassigned} respondent(s) answered none of the chosen questions and are in no segment (-1)."),
        ));
    }

    let stability = if params.stability_runs > 0 {
        Some(stability(
            fit_data.view(),
            &fit_weights,
            &clustering.labels,
            &settings,
            params.stability_runs,
            &mut |done| {
                progress(Progress {
                    stage: "Checking how stable the segments are",
                    fraction: 0.55 + 0.35 * done,
                })
            },
        )?)
    } else {
        None
    };

    let mut sizes = vec![0u32; k];
    let mut masses = vec![0.0; k];
    for (a, w) in assignments.iter().zip(weights) {
        if *a >= 0 {
            sizes[*a as usize] += 1;
            masses[*a as usize] += w;
        }
    }
    let total: f64 = masses.iter().sum();
    progress(Progress {
        stage: "Profiling the segments",
        fraction: 0.92,
    });
    let mut names = previous_names;
    for (key, name) in &options.names {
        let id = key
            .trim()
            .parse::<u32>()
            .map_err(|_| SegmentError::InvalidNameKey(key.clone()))?;
        names.insert(id, name.clone());
    }
    let mut profiles = profile(
        survey,
        &assignments,
        Some(weights),
        &ProfileOptions {
            clustered: encoding.columns.iter().map(|c| c.name.clone()).collect(),
            activities: options.activities.clone(),
            min_group_size: options.min_group_size,
            names,
        },
    )?;
    if let Some(s) = &stability {
        for (segment, &value) in profiles.segments.iter_mut().zip(&s.per_segment) {
            with_stability(&mut segment.brief, Some(value));
        }
    }
    let segments = (0..k)
        .map(|j| SegmentSummary {
            id: j as u32,
            name: profiles.segments[j].name.clone(),
            previous_id: previous_ids[j],
            size: sizes[j],
            weighted_size: masses[j],
            share: if total > 0.0 { masses[j] / total } else { 0.0 },
            stability: stability.as_ref().map(|s| s.per_segment[j]),
        })
        .collect();

    let imputed_all = impute_means(data.view(), weights);
    let projection = match project(imputed_all.view(), clustering.centroids.view()) {
        Ok(p) => p,
        Err(reason) => {
            warnings.push(warning(
                WarningCode::Other,
                format!("The 2-D projection could not be computed ({reason})."),
            ));
            Projection {
                points: vec![[0.0; 2]; survey.respondents],
                centroids: vec![[0.0; 2]; k],
                explained: [0.0; 2],
            }
        }
    };

    Ok(Segmentation {
        k: k as u32,
        assignments,
        centroids: rows(&clustering.centroids),
        encoding,
        inertia: clustering.inertia,
        iterations: clustering.iterations,
        converged: clustering.converged,
        seed: params.seed,
        restarts: params.restarts,
        quality,
        segments,
        k_scan,
        stability,
        projection,
        warnings,
        unassigned,
        weight_column: params.weight_column,
        input_hash: survey.input_hash.clone(),
        distances,
        profiles,
    })
}

fn rows(m: &Array2<f64>) -> Vec<Vec<f64>> {
    m.rows().into_iter().map(|r| r.to_vec()).collect()
}
