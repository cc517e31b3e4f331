//! The pipeline's stages, in the order `segment` runs them: encode, fit,
//! carry over ids, assign, measure, profile, brief and name, summarise,
//! project. Each takes
//! what the stages before it made and returns what it makes.

use std::borrow::Cow;
use std::collections::BTreeMap;

use ndarray::{Array2, ArrayView2};

use super::error::SegmentError;
use super::jobs::{JobBatch, Replay};
use super::options::{KPlan, SegmentParams};
use super::result::SegmentSummary;
use crate::cluster::{
    Clustering, DEFAULT_START_BUDGET, KMeansSettings, Prepared, check_fit, check_k_against_data,
    distinct_rows, impute_means, nearest, starts_for,
};
use crate::encode::{EncodeSpec, Encoding, fit_encoding};
use crate::engage::{EngageOptions, Engagement, engage, with_stability};
use crate::model::{Model, match_segments};
use crate::profile::{ProfileOptions, Profiles, profile};
use crate::project::{Projection, project};
use crate::quality::{
    KScan, Quality, Stability, best_start, choose_k, clustering_of, evaluate, fit_jobs,
    quality_jobs, scan_jobs, scan_starts, stability_from, stability_jobs,
};
use crate::survey::{Column, ColumnKind, Survey, Warning, WarningCode};

/// A warning of the pipeline (about no one column or row).
pub(super) fn warning(code: WarningCode, message: String) -> Warning {
    Warning {
        code,
        column: None,
        row: None,
        message,
    }
}

/// The encoded answers of every respondent, and the rows k-means is fitted on
/// (those with an answer and a positive weight).
pub(super) struct Encoded {
    pub encoding: Encoding,
    /// Every respondent, NaN for a missing answer.
    pub data: Array2<f64>,
    pub fit_weights: Vec<f64>,
    /// The fitted rows, held once and prepared once for every k-means fit
    /// of the run ([`Encoded::fit_data`]).
    pub prepared: Prepared,
    /// Distinct answer patterns among the fitted rows, counted up to the largest k.
    pub distinct: usize,
}

impl Encoded {
    /// The rows k-means is fitted on, NaN for a missing answer.
    pub fn fit_data(&self) -> ArrayView2<'_, f64> {
        self.prepared.view()
    }
}

/// Encode the chosen questions and pick the rows to fit.
pub(super) fn encode(
    survey: &Survey,
    params: &SegmentParams,
    warnings: &mut Vec<Warning>,
) -> Result<Encoded, SegmentError> {
    let weights = &params.respondent_weights;
    let spec = EncodeSpec {
        columns: &params.columns,
        weights: &params.weights,
        standardize: params.standardize,
        centre_respondents: params.centre_respondents,
        respondent_weights: weights,
    };
    let (encoding, encode_warnings) = fit_encoding(survey, &spec)?;
    warnings.extend(encode_warnings);
    let data = encoding.apply(survey)?;
    let fit_rows: Vec<usize> = data
        .rows()
        .into_iter()
        .enumerate()
        .filter(|(i, r)| weights[*i] > 0.0 && r.iter().any(|x| x.is_finite()))
        .map(|(i, _)| i)
        .collect();
    let mut fit_cells = Vec::with_capacity(fit_rows.len() * data.ncols());
    for &i in &fit_rows {
        fit_cells.extend(data.row(i).iter());
    }
    let most = match params.k {
        KPlan::Fixed(k) => k,
        KPlan::Scan { max, .. } => max,
    };
    let fit_weights: Vec<f64> = fit_rows.iter().map(|&i| weights[i]).collect();
    let prepared = Prepared::from_vec(fit_cells, data.ncols(), &fit_weights);
    Ok(Encoded {
        distinct: distinct_rows(prepared.view(), most as usize),
        prepared,
        fit_weights,
        data,
        encoding,
    })
}

/// The k-means settings of `params` at `k` for the rows `encoded` fits:
/// `restarts` starts when given, else as many as [`DEFAULT_START_BUDGET`]
/// allows the fitted rows and features at `k` ([`starts_for`]). Every fit of
/// a run at k (the scan's, the fixed k's, the stability runs', half samples
/// included) takes its starts from here, before any job runs, so a pool of
/// workers can share them out.
pub(super) fn settings(params: &SegmentParams, encoded: &Encoded, k: usize) -> KMeansSettings {
    let (n, p) = encoded.fit_data().dim();
    KMeansSettings {
        k,
        seed: params.seed,
        restarts: params
            .restarts
            .unwrap_or_else(|| starts_for(n, p, k, DEFAULT_START_BUDGET)),
        max_iterations: params.max_iterations,
        tolerance: params.tolerance,
    }
}

/// The progress stage of a k scan's jobs.
const SCAN: &str = "Comparing numbers of segments";

/// Fit k-means at the fixed k, or scan k and keep the best; segments are
/// then numbered by weighted size, largest first. `None` when `replay` does
/// not have the results of the jobs yet.
pub(super) fn fit(
    encoded: &Encoded,
    params: &SegmentParams,
    warnings: &mut Vec<Warning>,
    replay: &mut Replay<'_>,
) -> Result<Option<(Clustering, Option<KScan>)>, SegmentError> {
    let (data, weights) = (encoded.fit_data(), &encoded.fit_weights);
    let (n_fit, p) = (data.nrows(), data.ncols());
    let (mut clustering, k_scan) = match params.k {
        KPlan::Fixed(k) => {
            check_k_against_data(k, n_fit, encoded.distinct)?;
            let settings = settings(params, encoded, k as usize);
            check_fit(data, weights, k as usize)?;
            let jobs = fit_jobs(&settings, None);
            let batch = JobBatch::new("Finding segments", 0.05, 0.55, jobs);
            let Some(results) = replay.batch(batch) else {
                return Ok(None);
            };
            let start = best_start(results, p, settings.restarts)?
                .ok_or_else(|| SegmentError::Jobs("the fit was skipped".to_string()))?;
            (clustering_of(data, start)?, None)
        }
        KPlan::Scan { min, max } => {
            let limit = max.min(encoded.distinct as u32).min(n_fit as u32);
            check_k_against_data(min, n_fit, encoded.distinct)?;
            if limit < max {
                warnings.push(warning(
                    WarningCode::Other,
                    format!("kMax was lowered from {max} to {limit}, the number of distinct answer patterns."),
                ));
            }
            let per_k: Vec<KMeansSettings> = (min..=limit)
                .map(|k| settings(params, encoded, k as usize))
                .collect();
            for s in &per_k {
                check_fit(data, weights, s.k)?;
            }
            let Some(results) = replay.batch(JobBatch::new(SCAN, 0.05, 0.5, scan_jobs(&per_k)))
            else {
                return Ok(None);
            };
            let starts = scan_starts(&per_k, p, results)?;
            let sample = params.silhouette_sample as usize;
            let jobs = quality_jobs(&starts, sample, params.seed);
            let Some(qualities) = replay.batch(JobBatch::new(SCAN, 0.5, 0.55, jobs)) else {
                return Ok(None);
            };
            let (scan, fitted) = choose_k(data, starts, qualities, min, limit)?;
            if let Some(message) = scan.edge_warning() {
                warnings.push(warning(WarningCode::KAtEdge, message));
            }
            (fitted, Some(scan))
        }
    };
    order_by_size(&mut clustering, weights);
    Ok(Some((clustering, k_scan)))
}

/// Renumber clusters by weighted size, largest first (ties to the lower old
/// index), so segment 0 is always the biggest.
fn order_by_size(clustering: &mut Clustering, weights: &[f64]) {
    let k = clustering.centroids.nrows();
    let mut mass = vec![0.0; k];
    for (l, w) in clustering.labels.iter().zip(weights) {
        mass[*l] += w;
    }
    let order =
        crate::order::sorted_indices(k, &|a, b| mass[b].total_cmp(&mass[a]).then(a.cmp(&b)));
    let mut new_index = vec![0; k];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    renumber(clustering, &order, &new_index);
}

/// Put old cluster `order[new]` at `new`; `new_index[old]` is the inverse.
fn renumber(clustering: &mut Clustering, order: &[usize], new_index: &[usize]) {
    clustering.centroids = crate::cluster::select_rows(clustering.centroids.view(), order);
    for l in &mut clustering.labels {
        *l = new_index[*l];
    }
}

/// What a previous model hands on: per new id, the previous id it
/// continues, and the previous names by new id.
pub(super) struct CarriedOver {
    pub previous_ids: Vec<Option<u32>>,
    pub names: BTreeMap<u32, String>,
}

/// Renumber clusters so that those matching a previous model's centroids
/// take its ids: each matched segment keeps the previous id when it is below
/// k; the others take the free ids in order. A model of other questions or
/// encodings hands on nothing (with a warning).
pub(super) fn carry_over(
    clustering: &mut Clustering,
    previous: Option<&Model>,
    encoding: &Encoding,
    warnings: &mut Vec<Warning>,
) -> CarriedOver {
    let k = clustering.centroids.nrows();
    let mut out = CarriedOver {
        previous_ids: vec![None; k],
        names: BTreeMap::new(),
    };
    let Some(previous) = previous else {
        return out;
    };
    if previous.encoding.features != encoding.features {
        warnings.push(warning(
            WarningCode::Other,
            "The previous model was built on other questions or encodings, so its segment ids and names were not carried over.".to_string(),
        ));
        return out;
    }
    let matched = match_segments(&previous.centroids, &rows(&clustering.centroids));
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
    for (old, &new) in new_index.iter().enumerate() {
        order[new] = old;
        out.previous_ids[new] = matched[old].map(|p| p as u32);
    }
    renumber(clustering, &order, &new_index);
    for (id, p) in out.previous_ids.iter().enumerate() {
        if let Some(name) = p.and_then(|p| previous.names.get(p as usize)) {
            out.names.insert(id as u32, name.clone());
        }
    }
    out
}

/// Every respondent's segment (-1 without answers) and distance.
pub(super) struct Assigned {
    pub assignments: Vec<i32>,
    pub distances: Vec<f64>,
    pub unassigned: u32,
}

/// Every respondent with an answer goes to the nearest centroid (for the
/// fitted ones that is their own label).
pub(super) fn assign(
    data: &Array2<f64>,
    clustering: &Clustering,
    warnings: &mut Vec<Warning>,
) -> Assigned {
    let n = data.nrows();
    let mut assignments = vec![-1i32; n];
    let mut distances = vec![f64::NAN; n];
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
    Assigned {
        assignments,
        distances,
        unassigned,
    }
}

/// Quality at the chosen k (the scan already measured it: the measures do
/// not depend on the numbering) and, when asked for, stability. `None` when
/// `replay` does not have the results of the stability jobs yet.
pub(super) fn measure(
    encoded: &Encoded,
    clustering: &Clustering,
    k_scan: Option<&KScan>,
    params: &SegmentParams,
    replay: &mut Replay<'_>,
) -> Result<Option<(Quality, Option<Stability>)>, SegmentError> {
    let data = encoded.fit_data();
    let weights = &encoded.fit_weights;
    let settings = settings(params, encoded, clustering.centroids.nrows());
    let stability = if params.stability_runs == 0 {
        None
    } else {
        let jobs = stability_jobs(&settings, params.stability_runs)?;
        let stage = "Checking how stable the segments are";
        let Some(results) = replay.batch(JobBatch::new(stage, 0.55, 0.9, jobs)) else {
            return Ok(None);
        };
        let runs = params.stability_runs;
        Some(stability_from(
            data,
            &clustering.labels,
            &settings,
            runs,
            results,
        )?)
    };
    let scanned = k_scan.and_then(|scan| scan.entries.iter().find(|e| e.k == scan.chosen));
    let quality = match scanned {
        Some(entry) => entry.clone(),
        None => {
            let sample = params.silhouette_sample as usize;
            evaluate(data, weights, clustering, sample, params.seed).0
        }
    };
    Ok(Some((quality, stability)))
}

/// The figures of the `k` segments (empty ones included), from the basis
/// and descriptor columns of `profiled` (the survey without its left-out
/// columns).
pub(super) fn profile_segments(
    profiled: &Survey,
    assigned: &Assigned,
    params: &SegmentParams,
    encoding: &Encoding,
    k: usize,
) -> Result<Profiles, SegmentError> {
    let options = ProfileOptions {
        clustered: encoding.columns.iter().map(|c| c.name.clone()).collect(),
        min_group_size: params.min_group_size,
        segments: Some(k as u32),
    };
    let weights = Some(params.respondent_weights.as_slice());
    Ok(profile(profiled, &assigned.assignments, weights, &options)?)
}

/// `survey` without the `left_out` columns that the profile would otherwise
/// describe (ids, free text and metadata it skips anyway), copied only when
/// there is one.
pub(super) fn without_left_out<'a>(survey: &'a Survey, left_out: &[String]) -> Cow<'a, Survey> {
    let profiled_kind = |c: &Column| {
        !matches!(
            c.kind,
            ColumnKind::Id | ColumnKind::Text | ColumnKind::Metadata
        )
    };
    let drops = |c: &Column| profiled_kind(c) && left_out.contains(&c.name);
    if !survey.columns.iter().any(drops) {
        return Cow::Borrowed(survey);
    }
    Cow::Owned(Survey {
        respondents: survey.respondents,
        columns: survey
            .columns
            .iter()
            .filter(|c| !drops(c))
            .cloned()
            .collect(),
        warnings: Vec::new(),
        ids: survey.ids.clone(),
        id_column: survey.id_column.clone(),
        delimiter: survey.delimiter,
        input_hash: survey.input_hash.clone(),
    })
}

/// The briefs and names of the profiled segments (the caller's names win
/// over the previous model's), with a caution in the brief of each segment
/// too unstable to act on.
pub(super) fn brief_and_name(
    survey: &Survey,
    profiles: &Profiles,
    params: &SegmentParams,
    previous_names: BTreeMap<u32, String>,
    stability: Option<&Stability>,
) -> Result<Engagement, SegmentError> {
    let mut names = previous_names;
    names.extend(params.names.clone());
    let mut activities = params.activities.clone();
    activities.retain(|column, _| !params.left_out.contains(column));
    let options = EngageOptions { activities, names };
    let mut engagement = engage(survey, profiles, &options)?;
    if let Some(s) = stability {
        for (brief, &value) in engagement.briefs.iter_mut().zip(&s.per_segment) {
            with_stability(brief, Some(value));
        }
    }
    Ok(engagement)
}

/// Size, share, name and stability of each of the `k` segments: `names[j]`
/// is segment j's (this is where a segment's name is kept).
pub(super) fn summarise(
    assigned: &Assigned,
    weights: &[f64],
    names: Vec<String>,
    previous_ids: &[Option<u32>],
    stability: Option<&Stability>,
) -> Vec<SegmentSummary> {
    let k = names.len();
    let mut sizes = vec![0u32; k];
    let mut masses = vec![0.0; k];
    for (a, w) in assigned.assignments.iter().zip(weights) {
        if let Some(j) = usize::try_from(*a).ok().filter(|&j| j < k) {
            sizes[j] += 1;
            masses[j] += w;
        }
    }
    let total: f64 = masses.iter().sum();
    names
        .into_iter()
        .enumerate()
        .map(|(j, name)| SegmentSummary {
            id: j as u32,
            name,
            previous_id: previous_ids.get(j).copied().flatten(),
            size: sizes[j],
            weighted_size: masses[j],
            share: if total > 0.0 { masses[j] / total } else { 0.0 },
            stability: stability.and_then(|s| s.per_segment.get(j).copied()),
        })
        .collect()
}

/// The 2-D picture of respondents and centroids; all zeros (with a warning)
/// when PCA cannot be computed.
/// The 2-D projection of every respondent, missing answers imputed with the
/// weighted feature means (k-means and the measures use partial distances;
/// only the picture needs complete rows). The imputed copy lives only here.
pub(super) fn projection(
    data: &Array2<f64>,
    weights: &[f64],
    centroids: &Array2<f64>,
    warnings: &mut Vec<Warning>,
) -> Projection {
    let imputed = impute_means(data.view(), weights);
    let n = imputed.nrows();
    project(imputed, centroids.view()).unwrap_or_else(|reason| {
        warnings.push(warning(
            WarningCode::Other,
            format!("The 2-D projection could not be computed ({reason})."),
        ));
        Projection {
            points: vec![[0.0; 2]; n],
            centroids: vec![[0.0; 2]; centroids.nrows()],
            explained: [0.0; 2],
        }
    })
}

/// The rows of a matrix as vectors.
pub(super) fn rows(m: &Array2<f64>) -> Vec<Vec<f64>> {
    m.rows().into_iter().map(|r| r.to_vec()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{SegmentOptions, check_options};
    use crate::testing::{likert, survey};

    #[test]
    fn an_empty_last_segment_is_profiled_and_summarised() {
        // A run stopped on its iteration cap can leave a segment empty; here
        // segment 2 of 3 has no respondent.
        let s = survey(vec![likert(
            "q",
            &[Some(1.0), Some(1.0), Some(5.0), Some(5.0)],
            1.0,
            5.0,
        )]);
        let params = check_options(&SegmentOptions::default(), &s).unwrap();
        let mut warnings = Vec::new();
        let encoded = encode(&s, &params, &mut warnings).unwrap();
        let assigned = Assigned {
            assignments: vec![0, 0, 1, 1],
            distances: vec![0.0; 4],
            unassigned: 0,
        };
        let profiles = profile_segments(&s, &assigned, &params, &encoded.encoding, 3).unwrap();
        assert_eq!(profiles.segments.len(), 3);
        let engagement = brief_and_name(&s, &profiles, &params, BTreeMap::new(), None).unwrap();
        assert_eq!(engagement.names[2], "Empty segment");
        assert_eq!(engagement.briefs.len(), 3);
        let summary = summarise(&assigned, &[1.0; 4], engagement.names, &[None; 3], None);
        let sizes: Vec<u32> = summary.iter().map(|s| s.size).collect();
        assert_eq!(sizes, [2, 2, 0]);
        assert_eq!(summary[2].share, 0.0);
    }
}
