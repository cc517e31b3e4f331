//! A saved model, valid or edited, given to `assign` on a fixed survey must
//! give an assignment or a typed error: never a panic. An assignment has one
//! entry per respondent, each a segment id of the model (or -1 with a NaN
//! distance).
#![no_main]

mod common;

use arbitrary::Unstructured;
use citizen_segments::{Model, assign};
use libfuzzer_sys::fuzz_target;

fn check(text: &str) {
    // To see what a crash or timeout was given: FUZZ_SHOW=1 <target> <file>.
    if std::env::var_os("FUZZ_SHOW").is_some() {
        eprintln!("input: {text}");
    }
    // The binding reads a model the same way: JSON text through serde.
    let Ok(model) = serde_json::from_str::<Model>(text) else {
        return;
    };
    let survey = common::survey();
    let Ok(result) = assign(&model, survey) else {
        return;
    };
    assert_eq!(result.assignments.len(), survey.respondents);
    assert_eq!(result.distances.len(), survey.respondents);
    for (&a, &d) in result.assignments.iter().zip(&result.distances) {
        if a < 0 {
            assert_eq!(a, -1);
            assert!(d.is_nan());
        } else {
            assert!(model.segment_ids.contains(&(a as u32)), "segment {a}");
            assert!(d >= 0.0, "distance {d}");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks raw JSON (odd) or edits of a valid model (even).
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    if mode % 2 == 1 {
        if let Ok(text) = std::str::from_utf8(rest) {
            check(text);
        }
        return;
    }
    let mut model = common::valid_model().clone();
    let mut u = Unstructured::new(rest);
    if common::mutate(&mut model, &mut u).is_ok() {
        check(&model.to_string());
    }
});
