//! The short form on the sample survey with k = 4 (issue 14): at most five
//! questions, cross-validated accuracy at least 0.85, and `assign_short_form`
//! on the raw answers agreeing with the full segmentation for at least 85 %.

use std::collections::BTreeMap;

use citizen_segments::shortform::{ShortFormOptions, assign_short_form, short_form};
use citizen_segments::survey::{ImportOptions, parse_survey, read_records};
use citizen_segments::{KChoice, SegmentOptions, segment};

const SAMPLE: &[u8] = include_bytes!("../www/public/sample-survey.csv");

#[test]
fn the_sample_has_a_short_form_that_agrees_with_the_full_survey() {
    let survey = parse_survey(SAMPLE, &ImportOptions::default()).unwrap();
    let options = SegmentOptions {
        k: KChoice::Fixed(4),
        seed: 2026,
        ..Default::default()
    };
    let full = segment(&survey, &options).unwrap();
    let form = short_form(
        &survey,
        &full,
        &ShortFormOptions {
            folds: Some(4),
            ..Default::default()
        },
    )
    .unwrap();
    let chosen: Vec<&str> = form.questions.iter().map(|q| q.column.as_str()).collect();
    println!("questions: {chosen:?}");
    println!("accuracy: {:?}", form.accuracy);
    for rule in &form.rules {
        println!("{rule:?}");
    }
    assert!(!chosen.is_empty() && chosen.len() <= 5, "{chosen:?}");
    assert!(!chosen.contains(&"respondent_id") && !chosen.contains(&"comments"));
    assert_eq!(form.accuracy.folds, 4);
    assert!(form.accuracy.overall >= 0.85, "{:?}", form.accuracy);
    assert_eq!(form.accuracy.segments.len(), 4);

    // The raw cells as the file writes them, through assign_short_form.
    let text = std::str::from_utf8(SAMPLE).unwrap();
    let records = read_records(text, b',').unwrap();
    let (header, rows) = records.split_first().unwrap();
    let mut agree = 0;
    let mut assigned = 0;
    for (i, row) in rows.iter().enumerate() {
        let answers: BTreeMap<String, String> = header
            .iter()
            .zip(row)
            .filter(|(h, _)| chosen.contains(&h.as_str()))
            .map(|(h, v)| (h.to_string(), v.to_string()))
            .collect();
        let got = assign_short_form(&form, &answers).unwrap();
        if full.assignments[i] >= 0 {
            assigned += 1;
            agree += usize::from(got.segment as i32 == full.assignments[i]);
            assert_eq!(got.name, full.segments[got.segment as usize].name);
        }
    }
    let share = agree as f64 / assigned as f64;
    println!("assign_short_form agrees for {agree} of {assigned} ({share:.3})");
    assert!(share >= 0.85, "{share}");
}
