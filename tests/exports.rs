//! The exports of a real run on the import fixtures' hostile cells: no cell
//! of the assignments or profile CSV can run in a spreadsheet.

use citizen_segments::export::{ReportFormat, run_assignments_csv, run_profiles_csv, run_report};
use citizen_segments::survey::{ImportOptions, parse_survey, read_records};
use citizen_segments::{KChoice, SegmentOptions, segment};

const HOSTILE: &[u8] = include_bytes!("fixtures/import/hostile.csv");
const HEADER: &str = "<img src=x onerror=alert(1)>";

/// A cell a spreadsheet would treat as a formula.
fn runs_in_a_spreadsheet(cell: &str) -> bool {
    match cell.chars().next() {
        Some('=' | '+' | '@' | '\t' | '\r') => true,
        Some('-') => cell.parse::<f64>().is_err(),
        _ => false,
    }
}

fn cells(csv: &str) -> Vec<String> {
    read_records(csv, b',')
        .unwrap()
        .into_iter()
        .flatten()
        .collect()
}

#[test]
fn hostile_cells_are_neutralised_in_every_csv_export() {
    let survey = parse_survey(HOSTILE, &ImportOptions::default()).unwrap();
    let options = SegmentOptions {
        k: KChoice::Fixed(2),
        stability: false,
        min_group_size: 1,
        names: [("0".to_string(), "=cmd|' /C calc'!A0".to_string())].into(),
        ..Default::default()
    };
    let mut result = segment(&survey, &options).unwrap();
    // The same file with the hostile column as respondent ids.
    let as_ids = parse_survey(
        HOSTILE,
        &ImportOptions {
            id_column: Some(HEADER.to_string()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(as_ids.ids[0], "=HYPERLINK(\"http://x\",\"y\")");

    result.ids = as_ids.ids.clone();
    let assignments = run_assignments_csv(&result);
    let profiles = run_profiles_csv(&result);
    for csv in [&assignments, &profiles] {
        let all = cells(csv);
        assert!(
            all.iter().any(|c| c.contains("HYPERLINK")),
            "the hostile text is kept"
        );
        let bad: Vec<&String> = all.iter().filter(|c| runs_in_a_spreadsheet(c)).collect();
        assert!(bad.is_empty(), "cells that would run: {bad:?}");
    }
    assert!(
        assignments.contains("'=cmd|"),
        "a hostile segment name is neutralised too"
    );
    // Plain negative numbers stay numbers.
    assert!(!runs_in_a_spreadsheet("-1.5"));

    let html = run_report(&result, HEADER, ReportFormat::Html);
    assert!(!html.contains(HEADER), "the report escapes user text");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
}
