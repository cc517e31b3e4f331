//! Runs every fixture in `tests/fixtures/import/` through `parse_survey` and
//! checks it against `expected.json`, the same file the JS tests read.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use citizen_segments::survey::{ImportOptions, Survey, parse_survey};
use serde_json::{Map, Value, json};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");

fn expected() -> Map<String, Value> {
    let text = fs::read_to_string(Path::new(DIR).join("expected.json")).expect("expected.json");
    match serde_json::from_str(&text).expect("expected.json is JSON") {
        Value::Object(map) => map,
        other => panic!("expected.json should be an object, got {other}"),
    }
}

/// The survey as the expectations describe it.
fn describe(survey: &Survey) -> Value {
    let columns: Vec<Value> = survey
        .columns
        .iter()
        .map(|c| {
            let mut v = json!({
                "name": c.name,
                "kind": c.kind,
                "missing": c.missing,
            });
            if let Some(s) = &c.scale {
                v["scale"] = json!({ "min": s.min, "max": s.max });
            }
            if let Some(o) = &c.options {
                v["options"] = json!(o);
            }
            if let Some(l) = &c.levels {
                v["levels"] = json!(l);
            }
            v
        })
        .collect();
    json!({
        "respondents": survey.respondents,
        "columns": columns,
        "warnings": survey.warnings.iter().map(|w| w.code).collect::<Vec<_>>(),
    })
}

/// Numbers compare by value (`1` and `1.0` are the same scale end).
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
    let bytes = fs::read(Path::new(DIR).join(name)).map_err(|e| format!("read: {e}"))?;
    let options: ImportOptions = match want.get("options") {
        Some(o) => serde_json::from_value(o.clone()).map_err(|e| format!("options: {e}"))?,
        None => ImportOptions::default(),
    };
    let result = parse_survey(&bytes, &options);
    match (want.get("error"), result) {
        (Some(e), Err(got)) => {
            let message = got.to_string();
            let contains = e["contains"].as_str().unwrap_or_default();
            if !message.contains(contains) {
                return Err(format!("error {message:?} does not contain {contains:?}"));
            }
            let row = e.get("row").and_then(Value::as_u64).map(|r| r as usize);
            if row != got.row() {
                return Err(format!(
                    "error row {:?}, expected {row:?} ({message})",
                    got.row()
                ));
            }
            let column = e.get("column").and_then(Value::as_str);
            if column != got.column() {
                return Err(format!(
                    "error column {:?}, expected {column:?} ({message})",
                    got.column()
                ));
            }
            Ok(())
        }
        (Some(_), Ok(s)) => Err(format!("expected an error, got {}", describe(&s))),
        (None, Err(got)) => Err(format!("unexpected error: {got}")),
        (None, Ok(s)) => {
            let got = describe(&s);
            let mut want = want.clone();
            if let Value::Object(m) = &mut want {
                m.remove("options");
            }
            if same(&got, &want) {
                Ok(())
            } else {
                Err(format!("got  {got}\nwant {want}"))
            }
        }
    }
}

#[test]
fn every_fixture_matches_expected_json() {
    let expected = expected();
    let failures: Vec<String> = expected
        .iter()
        .filter_map(|(name, want)| check(name, want).err().map(|e| format!("{name}: {e}")))
        .collect();
    assert!(
        failures.is_empty(),
        "{} fixture(s) failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn every_fixture_file_has_an_expectation() {
    let expected = expected();
    let files: BTreeSet<String> = fs::read_dir(DIR)
        .expect("fixture dir")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".csv"))
        .collect();
    let keys: BTreeSet<String> = expected.keys().cloned().collect();
    assert_eq!(files, keys);
}

#[test]
fn hash_and_delimiter_are_recorded() {
    let bytes = fs::read(Path::new(DIR).join("delimiter_tab.csv")).expect("fixture");
    let s = parse_survey(&bytes, &ImportOptions::default()).expect("parses");
    assert_eq!(s.delimiter, b'\t');
    assert_eq!(s.input_hash.len(), 16);
    assert!(s.input_hash.chars().all(|c| c.is_ascii_hexdigit()));
    let again = parse_survey(&bytes, &ImportOptions::default()).expect("parses");
    assert_eq!(s.input_hash, again.input_hash);
}
