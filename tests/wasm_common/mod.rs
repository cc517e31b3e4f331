//! Shared by the wasm tests in Node and in Chromium: call the exported
//! functions as JS would, then decode their outputs back into Rust types.

use citizen_segments::survey::{Column, ColumnKind};
use citizen_segments::wasm;
use serde::Deserialize;
use tsify::Ts;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const CSV: &str = "respondent_id,co_design,co_assessment,area\n\
r1,Very interested,Very interested,North\n\
r2,Fairly interested,Very interested,North\n\
r3,Not at all interested,Not very interested,South\n\
r4,Not very interested,Not at all interested,South\n\
r5,Very interested,Fairly interested,North\n\
r6,Not at all interested,Don't know,South\n";

/// Options as a JS object, as a caller would pass them.
fn options<T: tsify::Tsify>(json: &str) -> Option<Ts<T>> {
    Some(Ts::new_unchecked(
        js_sys::JSON::parse(json).expect("test options are valid JSON"),
    ))
}

/// What a JS consumer reads back from `toJSON()`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Summary {
    k: u32,
    seed: u32,
    assignments: Vec<i32>,
    segments: Vec<SegmentRead>,
    inertia: f64,
}

#[derive(Deserialize)]
struct SegmentRead {
    id: u32,
    name: String,
    size: u32,
}

#[wasm_bindgen_test]
fn parse_and_decode_columns() {
    let survey = wasm::parse_survey(JsValue::from_str(CSV), None).expect("parses");
    assert_eq!(survey.respondents(), 6);
    let columns: Vec<Column> =
        serde_wasm_bindgen::from_value(survey.columns().expect("columns")).expect("decodes");
    let kinds: Vec<ColumnKind> = columns.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            ColumnKind::Id,
            ColumnKind::Likert,
            ColumnKind::Likert,
            ColumnKind::Categorical
        ]
    );
    assert_eq!(columns[2].missing, 1);
    let scale = columns[1].scale.as_ref().expect("likert has a scale");
    assert_eq!((scale.min, scale.max, scale.labels.len()), (1.0, 5.0, 5));
}

#[wasm_bindgen_test]
fn segment_and_decode_result() {
    let survey = wasm::parse_survey(JsValue::from_str(CSV), None).expect("parses");
    let opts = options(r#"{"k": 2, "seed": 3, "restarts": 2, "stability": false}"#);
    let result = wasm::segment(&survey, opts, None).expect("segments");
    let decoded: Summary =
        serde_wasm_bindgen::from_value(result.to_json().expect("summary").into()).expect("decodes");
    let assignments = result.assignments().to_vec();
    assert_eq!(decoded.k, 2);
    assert_eq!(decoded.seed, 3);
    assert_eq!(assignments, decoded.assignments);
    // The interested (r1, r2, r5) and the uninterested (r3, r4, r6) part ways.
    assert_eq!(assignments[0], assignments[1]);
    assert_eq!(assignments[0], assignments[4]);
    assert_eq!(assignments[2], assignments[3]);
    assert_ne!(assignments[0], assignments[2]);
    assert_eq!(result.centroids().length(), 2 * result.dimensions());
    assert_eq!(decoded.inertia, result.inertia());
    let sizes: Vec<(u32, u32)> = decoded.segments.iter().map(|s| (s.id, s.size)).collect();
    assert_eq!(sizes, [(0, 3), (1, 3)]);
    assert!(decoded.segments.iter().all(|s| !s.name.is_empty()));
}

#[wasm_bindgen_test]
fn errors_are_js_errors_and_the_module_stays_usable() {
    let empty = wasm::parse_survey(JsValue::from_str(""), None)
        .err()
        .expect("empty fails");
    assert!(empty.is_instance_of::<js_sys::Error>());
    let ragged = wasm::parse_survey(JsValue::from_str("a,b\n1,2\n3\n"), None)
        .err()
        .expect("ragged fails");
    let row = js_sys::Reflect::get(&ragged, &"row".into()).expect("row property");
    assert_eq!(row.as_f64(), Some(3.0));
    let survey = wasm::parse_survey(JsValue::from_str(CSV), None).expect("still parses");
    assert!(wasm::segment(&survey, options(r#"{"k": 0}"#), None).is_err());
    assert!(wasm::segment(&survey, options(r#"{"k": "seven"}"#), None).is_err());
    assert!(wasm::segment(&survey, options(r#"{"k": 2, "restarts": 1}"#), None).is_ok());
}

#[wasm_bindgen_test]
fn same_seed_same_assignments() {
    let survey = wasm::parse_survey(JsValue::from_str(CSV), None).expect("parses");
    let run = || {
        let opts = options(r#"{"k": 3, "seed": 99, "stability": false}"#);
        wasm::segment(&survey, opts, None)
            .expect("segments")
            .assignments()
            .to_vec()
    };
    assert_eq!(run(), run());
}

/// The golden assignments of `tests/determinism.rs`, made natively: the
/// same input and seed give the same assignments here.
#[wasm_bindgen_test]
fn the_sample_gives_the_native_golden_assignments() {
    let golden = include_str!("../golden/sample-assignments.txt");
    let mut lines = golden.lines();
    let options_json = lines.next().expect("options line");
    let want = lines.next().expect("assignments line");
    let sample = include_bytes!("../../www/public/sample-survey.csv");
    let bytes = js_sys::Uint8Array::from(&sample[..]);
    let survey = wasm::parse_survey(bytes.into(), None).expect("parses");
    let result = wasm::segment(&survey, options(options_json), None).expect("segments");
    let got: Vec<String> = result
        .assignments()
        .to_vec()
        .iter()
        .map(i32::to_string)
        .collect();
    assert_eq!(got.join(","), want);
}
