//! A segmentation whose k-means work is handed out: [`SegmentRun`] goes
//! through the pipeline until it needs a batch of independent jobs (every
//! start of the k scan, then each k's quality, then the stability re-runs),
//! hands the batch out, and goes on once it has been given the results. The
//! jobs can run anywhere that holds the fitted rows (see
//! [`crate::quality::run_job`]); results are combined in job order, so the
//! segmentation is bit-for-bit the one [`super::segment`] makes, however
//! many workers ran the jobs and in whatever order they finished.
//!
//! Each call replays the pipeline from the top with the results it has so
//! far (the encoded answers are kept, not encoded again); the stages between
//! batches are cheap next to the jobs (one assignment pass per k kept).

use ndarray::ArrayView2;
use serde::Serialize;

use super::error::SegmentError;
use super::options::SegmentParams;
use super::result::{Progress, Segmentation};
use super::stages::{self, Encoded};
use super::{SegmentOptions, check_options};
use crate::quality::{Job, JobResult, Rows, run_job};
use crate::survey::{Survey, Warning};

/// Independent jobs a run needs before it can go on, with how to report
/// their progress: after `done` of them, `stage` at `from + (to - from) *
/// done / jobs.length`.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JobBatch {
    /// What the jobs do, in words (a progress stage).
    pub stage: &'static str,
    /// Progress (0..1) before the first job.
    pub from: f64,
    /// Progress once every job is done.
    pub to: f64,
    /// The jobs, in the order their results must be given back.
    pub jobs: Vec<Job>,
}

impl JobBatch {
    pub(super) fn new(stage: &'static str, from: f64, to: f64, jobs: Vec<Job>) -> JobBatch {
        JobBatch {
            stage,
            from,
            to,
            jobs,
        }
    }

    /// The progress to report once `done` of the jobs have finished.
    pub fn progress(&self, done: usize) -> Progress {
        let share = done as f64 / self.jobs.len().max(1) as f64;
        Progress {
            stage: self.stage,
            fraction: self.from + (self.to - self.from) * share.min(1.0),
        }
    }
}

/// The results a replay of the pipeline has, batch by batch, and the first
/// batch it asked for and did not have.
pub(super) struct Replay<'r> {
    done: &'r [Vec<JobResult>],
    next: usize,
    asked: Option<JobBatch>,
}

impl<'r> Replay<'r> {
    /// The results of `batch`, or `None` (and `batch` is kept as the one
    /// to run) when they are not there yet.
    pub(super) fn batch(&mut self, batch: JobBatch) -> Option<&'r [JobResult]> {
        match self.done.get(self.next) {
            Some(results) => {
                self.next += 1;
                Some(results)
            }
            None => {
                self.asked = Some(batch);
                None
            }
        }
    }

    /// Whether no batch has been run yet.
    pub(super) fn first(&self) -> bool {
        self.done.is_empty()
    }
}

/// Where a replay got to.
pub(super) enum Reached {
    Done(Box<Segmentation>),
    Jobs,
}

/// A segmentation run whose k-means jobs are run by the caller (see the
/// module docs). [`super::segment`] is this run with every job run in place.
pub struct SegmentRun {
    options: SegmentOptions,
    params: SegmentParams,
    input_hash: String,
    encoded: Option<(Encoded, Vec<Warning>)>,
    done: Vec<Vec<JobResult>>,
    pending: Option<JobBatch>,
    finished: Option<Segmentation>,
}

impl SegmentRun {
    /// A run of `survey` with `options`, checked here (nothing is computed
    /// until [`SegmentRun::next`]).
    pub fn new(survey: &Survey, options: &SegmentOptions) -> Result<SegmentRun, SegmentError> {
        Ok(SegmentRun {
            params: check_options(options, survey)?,
            options: options.clone(),
            input_hash: survey.input_hash.clone(),
            encoded: None,
            done: Vec::new(),
            pending: None,
            finished: None,
        })
    }

    /// Go on as far as the results so far allow: the batch of jobs to run
    /// next, or `None` when the segmentation is made (take it with
    /// [`SegmentRun::finish`]). A batch asked for and not yet given its
    /// results is returned again. `survey` must be the one the run was made
    /// with; `progress` hears the steps made here (not the jobs').
    pub fn next(
        &mut self,
        survey: &Survey,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Option<&JobBatch>, SegmentError> {
        if survey.input_hash != self.input_hash {
            return Err(SegmentError::Jobs(
                "this run was made with another survey".to_string(),
            ));
        }
        if self.finished.is_none() && self.pending.is_none() {
            self.replay(survey, progress)?;
        }
        Ok(self.pending.as_ref())
    }

    fn replay(
        &mut self,
        survey: &Survey,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<(), SegmentError> {
        if self.encoded.is_none() {
            progress(Progress {
                stage: "Encoding the answers",
                fraction: 0.02,
            });
            let mut warnings = Vec::new();
            let encoded = stages::encode(survey, &self.params, &mut warnings)?;
            self.encoded = Some((encoded, warnings));
        }
        let Some((encoded, warnings)) = &self.encoded else {
            return Err(SegmentError::Jobs("the answers were not encoded".into()));
        };
        let mut replay = Replay {
            done: &self.done,
            next: 0,
            asked: None,
        };
        let reached = super::pipeline(
            survey,
            &self.options,
            &self.params,
            encoded,
            warnings.clone(),
            &mut replay,
            progress,
        )?;
        match reached {
            Reached::Done(segmentation) => self.finished = Some(*segmentation),
            Reached::Jobs => self.pending = replay.asked,
        }
        Ok(())
    }

    /// Give the results of the batch [`SegmentRun::next`] returned, one per
    /// job in its order. Refused (the batch stays to run) when they are not
    /// results of those jobs.
    pub fn supply(&mut self, results: Vec<JobResult>) -> Result<(), SegmentError> {
        let Some(batch) = &self.pending else {
            return Err(SegmentError::Jobs(
                "no jobs are waiting for results: call next() first".to_string(),
            ));
        };
        if results.len() != batch.jobs.len() {
            return Err(SegmentError::Jobs(format!(
                "{} job results were given for {} jobs",
                results.len(),
                batch.jobs.len()
            )));
        }
        let p = self.fit_width();
        for (i, (job, result)) in batch.jobs.iter().zip(&results).enumerate() {
            check_result(job, result, p)
                .map_err(|why| SegmentError::Jobs(format!("job result {i}: {why}")))?;
        }
        self.done.push(results);
        self.pending = None;
        Ok(())
    }

    /// Run one job here, on this run's fitted rows (after the first
    /// [`SegmentRun::next`]).
    pub fn run_job(&self, job: &Job) -> Result<JobResult, SegmentError> {
        let Some((encoded, _)) = &self.encoded else {
            return Err(SegmentError::Jobs(
                "call next() before running jobs: the answers are not encoded yet".to_string(),
            ));
        };
        let rows = Rows {
            data: encoded.fit_data(),
            weights: &encoded.fit_weights,
            prep: &encoded.prepared,
        };
        Ok(run_job(rows, job)?)
    }

    /// The rows k-means fits (one per fitted respondent, NaN = missing) and
    /// their weights, once encoded: what a worker needs to run the jobs.
    pub fn fit_rows(&self) -> Option<(ArrayView2<'_, f64>, &[f64])> {
        let (encoded, _) = self.encoded.as_ref()?;
        Some((encoded.fit_data(), &encoded.fit_weights))
    }

    fn fit_width(&self) -> usize {
        self.fit_rows().map_or(0, |(data, _)| data.ncols())
    }

    /// The segmentation, once [`SegmentRun::next`] returned `None`.
    pub fn finish(&mut self) -> Result<Segmentation, SegmentError> {
        self.finished.take().ok_or_else(|| {
            SegmentError::Jobs(
                "the segmentation is not made yet: run the jobs next() returns first".to_string(),
            )
        })
    }
}

/// Why `result` cannot be the result of `job` (on rows `p` features wide).
fn check_result(job: &Job, result: &JobResult, p: usize) -> Result<(), String> {
    match (job, result) {
        (Job::Starts(job), JobResult::Starts(found)) => {
            let k = job.k;
            if found.k != k {
                return Err(format!("k = {} for a job of k = {k}", found.k));
            }
            let first = job.first_start;
            if !(first..first.saturating_add(job.starts)).contains(&found.start) {
                return Err(format!("start {} is not one of the job's", found.start));
            }
            let centroids = &found.centroids;
            if centroids.len() != k as usize * p || centroids.iter().any(|c| !c.is_finite()) {
                return Err(format!("{k} rows of {p} finite centroid values expected"));
            }
            if !(found.inertia.is_finite() && found.inertia >= 0.0) {
                return Err(format!(
                    "inertia must be a finite number >= 0, got {}",
                    found.inertia
                ));
            }
            Ok(())
        }
        (Job::Starts(job), JobResult::Skipped) if job.half.is_some() => Ok(()),
        (Job::Quality(job), JobResult::Quality(found)) if found.k == job.k => Ok(()),
        _ => Err("it is not the result of its job".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{likert, survey};

    fn sample() -> Survey {
        let a: Vec<Option<f64>> = (0..40).map(|i| Some(f64::from(i % 5 + 1))).collect();
        let b: Vec<Option<f64>> = (0..40).map(|i| Some(f64::from((i * 7) % 5 + 1))).collect();
        survey(vec![likert("a", &a, 1.0, 5.0), likert("b", &b, 1.0, 5.0)])
    }

    #[test]
    fn results_in_any_order_of_running_give_the_segmentation() {
        let s = sample();
        let options = SegmentOptions {
            k_max: 4,
            restarts: Some(3),
            stability_runs: 2,
            ..SegmentOptions::default()
        };
        let whole = super::super::segment(&s, &options).unwrap();
        let mut run = SegmentRun::new(&s, &options).unwrap();
        let mut batches = 0;
        while let Some(batch) = run.next(&s, &mut |_| {}).unwrap() {
            let jobs = batch.jobs.clone();
            // Run backwards, as a pool's last job may finish first.
            let mut results: Vec<JobResult> =
                jobs.iter().rev().map(|j| run.run_job(j).unwrap()).collect();
            results.reverse();
            run.supply(results).unwrap();
            batches += 1;
        }
        assert_eq!(batches, 3, "scan starts, scan quality, stability");
        assert_eq!(run.finish().unwrap(), whole);
    }

    #[test]
    fn results_that_are_not_the_jobs_are_refused_and_the_batch_stays() {
        let s = sample();
        let options = SegmentOptions::default();
        let mut run = SegmentRun::new(&s, &options).unwrap();
        assert!(run.finish().is_err());
        assert!(run.supply(Vec::new()).is_err(), "nothing asked yet");
        let jobs = run.next(&s, &mut |_| {}).unwrap().unwrap().jobs.clone();
        let mut results: Vec<JobResult> = jobs.iter().map(|j| run.run_job(j).unwrap()).collect();
        let e = run.supply(results[1..].to_vec()).unwrap_err();
        assert!(e.to_string().contains("results were given for"), "{e}");
        results.swap(0, jobs.len() - 1);
        let e = run.supply(results.clone()).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("job result 0: k = 5 for a job of k = 2"),
            "{e}"
        );
        results.swap(0, jobs.len() - 1);
        if let JobResult::Starts(found) = &mut results[0] {
            found.centroids[0] = f64::NAN;
        }
        assert!(run.supply(results).is_err());
        assert_eq!(run.next(&s, &mut |_| {}).unwrap().unwrap().jobs, jobs);
        let mut other = sample();
        other.input_hash = format!("{}!", other.input_hash);
        assert!(run.next(&other, &mut |_| {}).is_err());
    }
}
