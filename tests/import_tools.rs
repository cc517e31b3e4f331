//! Survey-tool exports (`tests/fixtures/import/tools/`, written by
//! `scripts/make-tool-fixtures.py` from `EXPORT-FORMATS.md`) through
//! `parse_survey` with no options: respondents, each column's kind, code,
//! metadata reason, scale labels in order, multi-select options, warnings;
//! then `segment` with default options must recover the planted segments.
//! The same for the workbooks in `tests/fixtures/import/workbooks/` (written
//! by `scripts/make-workbook-fixtures.py` from the same exports).

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use citizen_segments::quality::adjusted_rand;
use citizen_segments::survey::{Column, ImportOptions, Survey, parse_survey};
use citizen_segments::{SegmentOptions, segment};
use serde_json::{Map, Value, json};

const TOOLS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/tools");
const WORKBOOKS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/import/workbooks"
);

/// Every fixture's expectation, keyed by its path.
fn expected() -> Map<String, Value> {
    [TOOLS, WORKBOOKS]
        .iter()
        .flat_map(|dir| {
            expected_in(dir)
                .into_iter()
                .map(move |(name, want)| (format!("{dir}/{name}"), want))
        })
        .collect()
}

fn expected_in(dir: &str) -> Map<String, Value> {
    let text = fs::read_to_string(Path::new(dir).join("expected.json")).expect("expected.json");
    match serde_json::from_str(&text).expect("expected.json is JSON") {
        Value::Object(map) => map,
        other => panic!("expected.json should be an object, got {other}"),
    }
}

fn parse(path: &str) -> Result<Survey, String> {
    let bytes = fs::read(path).map_err(|e| format!("read: {e}"))?;
    parse_survey(&bytes, &ImportOptions::default()).map_err(|e| e.to_string())
}

/// A column as the expectations describe it, keeping only the keys `want`
/// names (`reason: true` means "has a reason").
fn describe(c: &Column, want: &Value) -> Value {
    let mut v = json!({ "name": c.name, "kind": c.kind });
    if let Some(code) = &c.code {
        v["code"] = json!(code);
    }
    if c.reason.as_deref().is_some_and(|r| !r.is_empty()) {
        v["reason"] = json!(true);
    }
    if let Some(o) = &c.other_of {
        v["otherOf"] = json!(o);
    }
    if let (Some(s), Some(w)) = (&c.scale, want.get("scale")) {
        v["scale"] = json!({ "min": s.min, "max": s.max });
        if w.get("labels").is_some() {
            v["scale"]["labels"] = json!(s.labels);
        }
    }
    if let (Some(o), Some(_)) = (&c.options, want.get("options")) {
        v["options"] = json!(o);
    }
    v
}

fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

fn check(name: &str, want: &Value) -> Result<(), String> {
    let s = parse(name)?;
    let mut problems = Vec::new();
    if Some(s.respondents as u64) != want["respondents"].as_u64() {
        problems.push(format!(
            "respondents {} want {}",
            s.respondents, want["respondents"]
        ));
    }
    let wanted = want["columns"].as_array().cloned().unwrap_or_default();
    let got: Vec<String> = s.columns.iter().map(|c| c.name.clone()).collect();
    let names: Vec<String> = wanted
        .iter()
        .map(|c| c["name"].as_str().unwrap_or_default().to_string())
        .collect();
    if got != names {
        problems.push(format!("columns {got:?}\n  want {names:?}"));
    }
    for w in &wanted {
        let Some(c) = s.column(w["name"].as_str().unwrap_or_default()) else {
            continue;
        };
        let d = describe(c, w);
        if !same(&d, w) {
            problems.push(format!("got  {d}\n  want {w}"));
        }
    }
    let codes: BTreeSet<String> = s
        .warnings
        .iter()
        .map(|w| json!(w.code).as_str().unwrap_or_default().to_string())
        .collect();
    let want_codes: BTreeSet<String> = want["warnings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c.as_str().map(String::from))
        .collect();
    if codes != want_codes {
        problems.push(format!(
            "warnings {codes:?} want {want_codes:?}: {:?}",
            s.warnings
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

#[test]
fn every_tool_export_imports_as_expected() {
    let expected = expected();
    let failures: Vec<String> = expected
        .iter()
        .filter_map(|(name, want)| check(name, want).err().map(|e| format!("{name}:\n{e}")))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} tool export(s) failed:\n{}",
        failures.len(),
        expected.len(),
        failures.join("\n\n")
    );
}

#[test]
fn planted_segments_are_recovered_with_default_options() {
    let mut failures = Vec::new();
    for (name, want) in expected() {
        let Some(planted) = want["segments"].as_array() else {
            continue;
        };
        let planted: Vec<usize> = planted
            .iter()
            .map(|v| v.as_u64().unwrap_or(0) as usize)
            .collect();
        let survey = match parse(&name) {
            Ok(s) => s,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        match segment(&survey, &SegmentOptions::default()) {
            Ok(result) => {
                let found: Vec<usize> = result
                    .assignments
                    .iter()
                    .map(|&a| usize::try_from(a).unwrap_or(usize::MAX))
                    .collect();
                let ari = adjusted_rand(&planted, &found);
                if ari < 0.8 {
                    failures.push(format!("{name}: adjusted Rand {ari:.2} (k = {})", result.k));
                }
            }
            Err(e) => failures.push(format!("{name}: {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_tool_file_has_an_expectation() {
    for dir in [TOOLS, WORKBOOKS] {
        let files: BTreeSet<String> = fs::read_dir(dir)
            .expect("fixture dir")
            .filter_map(|e| e.ok().filter(|e| e.path().is_file()))
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| !n.ends_with(".json"))
            .collect();
        let keys: BTreeSet<String> = expected_in(dir).keys().cloned().collect();
        assert_eq!(files, keys, "{dir}");
    }
}
