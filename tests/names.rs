//! Names and briefs on real data: the sample survey, public survey data
//! sets (small extracts under `tests/fixtures/public/`, sources and licences
//! in its README) and the survey-tool exports of `tests/fixtures/import/`
//! (CSV and workbooks). On each, with default options: every segment has a
//! distinct name without a numeric suffix, and every brief names an activity
//! with its approaches and a way to reach the segment.
//! `cargo test --test names -- --nocapture` prints the names and first lines.

use std::collections::BTreeSet;

use citizen_segments::survey::{ImportOptions, parse_survey};
use citizen_segments::{SegmentOptions, segment};

/// (label, file bytes).
const DATA: &[(&str, &[u8])] = &[
    ("sample", include_bytes!("../www/public/sample-survey.csv")),
    ("ANES 1996", include_bytes!("fixtures/public/anes96.csv")),
    ("Fair's affairs", include_bytes!("fixtures/public/fair.csv")),
    ("Big Five items", include_bytes!("fixtures/public/bfi.csv")),
    (
        "GSS 2018 spending",
        include_bytes!("fixtures/public/gss-spending.csv"),
    ),
    (
        "ESS 9 Great Britain",
        include_bytes!("fixtures/public/ess9gb.csv"),
    ),
];

fn check(label: &str, bytes: &[u8]) -> Vec<String> {
    let survey =
        parse_survey(bytes, &ImportOptions::default()).unwrap_or_else(|e| panic!("{label}: {e}"));
    let options: SegmentOptions = serde_json::from_str(r#"{"stability": false}"#).unwrap();
    let result = segment(&survey, &options).unwrap_or_else(|e| panic!("{label}: {e}"));
    let names: Vec<&str> = result.segments.iter().map(|s| s.name.as_str()).collect();
    let unique: BTreeSet<&str> = names.iter().copied().collect();
    assert_eq!(unique.len(), names.len(), "{label}: {names:?}");
    let mut problems = Vec::new();
    println!("{label} (k = {}):", result.k);
    for (s, b) in result.segments.iter().zip(&result.briefs) {
        println!("  {} | {}", s.name, b.headline);
        let last = s.name.split_whitespace().last().unwrap_or("");
        if s.name.trim().is_empty() || last.trim_matches(['(', ')']).parse::<u32>().is_ok() {
            problems.push(format!(
                "{label}: an empty name or a numeric suffix: {:?}",
                s.name
            ));
        }
        if b.lead.approaches.is_empty() || !b.headline.contains(b.lead.activity.short_name()) {
            problems.push(format!(
                "{label}: {:?} names no activity: {}",
                s.name, b.headline
            ));
        }
        if !b.reach.starts_with("Reach them") && !b.reach.contains("reach them") {
            problems.push(format!(
                "{label}: {:?} has no way to reach it: {}",
                s.name, b.reach
            ));
        }
    }
    problems
}

#[test]
fn every_segment_has_a_distinct_name_an_activity_and_a_way_in() {
    let problems: Vec<String> = DATA.iter().flat_map(|(l, b)| check(l, b)).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn so_does_every_survey_tool_export() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let mut files = Vec::new();
    for (dir, extensions) in [("tools", &["csv"][..]), ("workbooks", &["xlsx", "ods"][..])] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if extensions.contains(&ext) {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(files.len() >= 15, "{files:?}");
    let problems: Vec<String> = files
        .iter()
        .flat_map(|p| check(&p.display().to_string(), &std::fs::read(p).unwrap()))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
