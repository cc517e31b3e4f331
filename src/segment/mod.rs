//! The pipeline: its options and their defaults, the one check of every
//! option, its error, and the stages it runs: check options → encode → fit
//! (or scan k) → carry over ids → assign every respondent → measure quality
//! and stability → profile → brief and name → summarise → project. Which
//! columns are clustered (the basis), profiled only (descriptors) or left
//! out is decided with the options check, from `engage`'s default roles.

mod check;
mod error;
mod jobs;
mod json;
mod options;
mod rename;
mod result;
mod roles;
mod stages;

pub use check::{check_names_against_k, check_options};
pub use error::SegmentError;
pub use jobs::{JobBatch, SegmentRun};
pub use json::{BriefData, ProfilesData, SegmentProfileData, SegmentationData};
pub use options::{
    AutoK, KChoice, KPlan, MAX_QUESTION_WEIGHT, MAX_STABILITY_RUNS, SegmentOptions, SegmentParams,
    starts_rule,
};
pub use result::{Progress, SegmentSummary, Segmentation};

use crate::engage::ColumnRole;
use crate::survey::Survey;
use stages::rows;

/// Every column's role (basis, descriptor or left out) and the reason, as
/// [`segment`] would use them with `options` (the page shows them before a
/// run). Refuses what `segment` refuses about `columns`, `basis` and
/// `descriptors`.
pub fn column_roles(
    survey: &Survey,
    options: &SegmentOptions,
) -> Result<Vec<ColumnRole>, SegmentError> {
    Ok(roles::decide_roles(options, survey)?.roles)
}

/// Segment the respondents of `survey` with k-means as `options` say.
///
/// Deterministic for a given survey and options (every random choice flows
/// from `options.seed`).
pub fn segment(survey: &Survey, options: &SegmentOptions) -> Result<Segmentation, SegmentError> {
    segment_with_progress(survey, options, &mut |_| {})
}

/// [`segment`], telling `progress` where it is at each step. Every option is
/// checked before the first report. This is a [`SegmentRun`] with every job
/// run here, in order.
pub fn segment_with_progress(
    survey: &Survey,
    options: &SegmentOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<Segmentation, SegmentError> {
    let mut run = SegmentRun::new(survey, options)?;
    while let Some(batch) = run.next(survey, progress)? {
        let batch = batch.clone();
        let mut results = Vec::with_capacity(batch.jobs.len());
        for (i, job) in batch.jobs.iter().enumerate() {
            results.push(run.run_job(job)?);
            progress(batch.progress(i + 1));
        }
        run.supply(results)?;
    }
    run.finish()
}

/// The pipeline from the encoded answers on, replayed by [`SegmentRun`]:
/// it stops at the first batch of jobs `replay` has no results for.
fn pipeline(
    survey: &Survey,
    options: &SegmentOptions,
    params: &SegmentParams,
    encoded: &stages::Encoded,
    mut warnings: Vec<crate::survey::Warning>,
    replay: &mut jobs::Replay<'_>,
    progress: &mut dyn FnMut(Progress),
) -> Result<jobs::Reached, SegmentError> {
    if replay.first() {
        progress(Progress {
            stage: "Finding segments",
            fraction: 0.05,
        });
    }
    let Some((mut clustering, k_scan)) = stages::fit(encoded, params, &mut warnings, replay)?
    else {
        return Ok(jobs::Reached::Jobs);
    };
    let k = clustering.centroids.nrows();
    check_names_against_k(&params.names, k as u32)?;
    let carried = stages::carry_over(
        &mut clustering,
        options.previous.as_ref(),
        &encoded.encoding,
        &mut warnings,
    );
    let Some((quality, stability)) =
        stages::measure(encoded, &clustering, k_scan.as_ref(), params, replay)?
    else {
        return Ok(jobs::Reached::Jobs);
    };
    let assigned = stages::assign(&encoded.data, &clustering, &mut warnings);
    progress(Progress {
        stage: "Profiling the segments",
        fraction: 0.92,
    });
    let profiled = stages::without_left_out(survey, &params.left_out);
    let profiles = stages::profile_segments(&profiled, &assigned, params, &encoded.encoding, k)?;
    let engagement = stages::brief_and_name(
        &profiled,
        &profiles,
        params,
        carried.names,
        stability.as_ref(),
    )?;
    let weights = &params.respondent_weights;
    let segments = stages::summarise(
        &assigned,
        weights,
        engagement.names,
        &carried.previous_ids,
        stability.as_ref(),
    );
    let projection =
        stages::projection(&encoded.data, weights, &clustering.centroids, &mut warnings);
    Ok(jobs::Reached::Done(Box::new(Segmentation {
        k: k as u32,
        assignments: assigned.assignments,
        distances: assigned.distances,
        centroids: rows(&clustering.centroids),
        roles: params.roles.clone(),
        encoding: encoded.encoding.clone(),
        inertia: clustering.inertia,
        iterations: clustering.iterations,
        converged: clustering.converged,
        seed: params.seed,
        restarts: params.restarts,
        starts: clustering.starts,
        starts_rule: options::starts_rule(params.restarts),
        quality,
        segments,
        k_scan,
        stability,
        projection,
        warnings,
        unassigned: assigned.unassigned,
        weight_column: params.weight_column.clone(),
        input_hash: survey.input_hash.clone(),
        profiles,
        briefs: engagement.briefs,
        activities: engagement.activities,
        ids: survey.ids.clone(),
        options: options.clone(),
    })))
}
