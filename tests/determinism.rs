//! Same input and seed, same assignments: natively here, and in Node and
//! Chromium by `tests/wasm_common` against the same golden file.
//! `UPDATE_GOLDEN=1 cargo test --test determinism` rewrites it (never under CI).

use citizen_segments::survey::{ImportOptions, parse_survey};
use citizen_segments::{SegmentOptions, segment};

const SAMPLE: &[u8] = include_bytes!("../www/public/sample-survey.csv");
const GOLDEN: &str = "tests/golden/sample-assignments.txt";
/// The options shared with the wasm tests (k scanned, so the scan is covered).
const OPTIONS: &str =
    r#"{"k": "auto", "kMax": 5, "seed": 2026, "restarts": 2, "stability": false}"#;

#[test]
fn the_sample_gives_the_golden_assignments() {
    let survey = parse_survey(SAMPLE, &ImportOptions::default()).unwrap();
    let options: SegmentOptions = serde_json::from_str(OPTIONS).unwrap();
    let result = segment(&survey, &options).unwrap();
    let line = result
        .assignments
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let path = format!("{}/{GOLDEN}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var("UPDATE_GOLDEN").as_deref() == Ok("1")
        && std::env::var("CI").as_deref() != Ok("true")
    {
        std::fs::write(&path, format!("{OPTIONS}\n{line}\n")).unwrap();
    }
    let golden = std::fs::read_to_string(&path).unwrap();
    let mut lines = golden.lines();
    assert_eq!(
        lines.next(),
        Some(OPTIONS),
        "the golden file records its options"
    );
    assert_eq!(lines.next(), Some(line.as_str()));
}
