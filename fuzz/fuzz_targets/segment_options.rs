//! Options, valid or edited, given to `segment` on a fixed small survey must
//! give a segmentation or a typed error: never a panic. Values above the
//! documented limits (restarts, stabilityRuns, maxIterations) must be
//! refused; values within them but slow are lowered here to keep each run
//! short (the limits themselves are tested in the crate).
#![no_main]

mod common;

use arbitrary::Unstructured;
use citizen_segments::cluster::{MAX_ITERATIONS, MAX_RESTARTS};
use citizen_segments::segment::MAX_STABILITY_RUNS;
use citizen_segments::{SegmentOptions, segment};
use libfuzzer_sys::fuzz_target;

fn check(text: &str) {
    // To see what a crash or timeout was given: FUZZ_SHOW=1 <target> <file>.
    if std::env::var_os("FUZZ_SHOW").is_some() {
        eprintln!("input: {text}");
    }
    let Ok(mut options) = serde_json::from_str::<SegmentOptions>(text) else {
        return;
    };
    let survey = common::survey();
    if options.restarts.is_some_and(|r| r > MAX_RESTARTS)
        || options.stability_runs > MAX_STABILITY_RUNS
        || options.max_iterations > MAX_ITERATIONS
    {
        // Refused by the options check, before any work.
        assert!(segment(survey, &options).is_err(), "options above the limits were accepted");
        return;
    }
    // Small survey, so k is small; keep the rest short too.
    options.restarts = Some(options.restarts.map_or(3, |r| r.min(3)));
    options.stability_runs = options.stability_runs.min(2);
    options.max_iterations = options.max_iterations.min(100);
    let Ok(result) = segment(survey, &options) else {
        return;
    };
    let k = result.k as i32;
    assert_eq!(result.assignments.len(), survey.respondents);
    assert_eq!(result.segments.len(), result.k as usize);
    assert_eq!(result.centroids.len(), result.k as usize);
    for (&a, &d) in result.assignments.iter().zip(&result.distances) {
        assert!((-1..k).contains(&a), "assignment {a} with k = {k}");
        assert_eq!(a < 0, d.is_nan(), "assignment {a}, distance {d}");
    }
    let sizes: u32 = result.segments.iter().map(|s| s.size).sum();
    assert_eq!(sizes + result.unassigned, survey.respondents as u32);
    if let Some(stability) = &result.stability {
        assert_eq!(stability.per_segment.len(), result.k as usize);
    }
    // The model of any result assigns the same survey the same way.
    let model = result.model();
    let again = citizen_segments::assign(&model, survey).expect("a fresh model assigns");
    assert_eq!(again.assignments, result.assignments);
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks raw JSON (odd) or edits of valid options (even).
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    if mode % 2 == 1 {
        if let Ok(text) = std::str::from_utf8(rest) {
            check(text);
        }
        return;
    }
    let mut options = common::valid_options().clone();
    let mut u = Unstructured::new(rest);
    if common::mutate(&mut options, &mut u).is_ok() {
        check(&options.to_string());
    }
});
