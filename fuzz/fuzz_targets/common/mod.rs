//! What the structured fuzz targets share: a small fixed survey, valid
//! inputs made from it, and a mutator that edits a JSON value in place.
//!
//! Random bytes almost never parse as a model or as options that get past
//! serde, so the structured half of each target starts from a valid value
//! and changes a few nodes anywhere in it (numbers to edge values, strings
//! to names the survey knows, arrays shortened or grown, keys dropped).
#![allow(dead_code)]

use std::sync::OnceLock;

use arbitrary::{Result, Unstructured};
use citizen_segments::survey::{ImportOptions, Survey, parse_survey};
use citizen_segments::{KChoice, SegmentOptions, segment};
use serde_json::{Map, Number, Value, json};

/// Sixteen respondents: Likert, categorical, multi, numeric and weight
/// questions, one respondent with no answers and one with a few.
pub const SURVEY_CSV: &str = "\
id,planning,design,delivery,area,benefits,age,weight,comment
R1,Very interested,Fairly interested,Not at all interested,North,Cohesion;Outcomes,23,1,hi
R2,Very interested,Very interested,Not very interested,North,Cohesion,31,1.5,
R3,Fairly interested,Very interested,Not at all interested,South,Outcomes,45,0.5,more
R4,Not at all interested,Not very interested,Very interested,South,Efficiency,67,1,
R5,Not very interested,Not at all interested,Very interested,East,Efficiency;Cohesion,72,2,no
R6,Not at all interested,Not at all interested,Fairly interested,East,,58,1,
R7,Fairly interested,Fairly interested,Fairly interested,West,Outcomes;Efficiency,39,1,
R8,Very interested,Not very interested,Fairly interested,West,Cohesion,,1,
R9,,,,,,,1,
R10,Not very interested,,Very interested,North,Efficiency,81,0.25,
R11,Very interested,Very interested,Very interested,South,Cohesion;Outcomes;Efficiency,19,1,yes
R12,Not at all interested,Fairly interested,Not very interested,East,,50,3,
R13,Fairly interested,Not at all interested,Very interested,West,Outcomes,44,1,
R14,Very interested,Fairly interested,,North,Cohesion,28,1,
R15,Not very interested,Very interested,Not at all interested,South,Efficiency,63,1,
R16,Fairly interested,Not very interested,Fairly interested,East,Outcomes,36,0,
";

/// The survey above, parsed once.
pub fn survey() -> &'static Survey {
    static SURVEY: OnceLock<Survey> = OnceLock::new();
    SURVEY.get_or_init(|| {
        parse_survey(SURVEY_CSV.as_bytes(), &ImportOptions::default())
            .unwrap_or_else(|e| panic!("the fuzz survey must parse: {e}"))
    })
}

/// Options that touch every field, valid for [`survey`].
pub fn valid_options() -> &'static Value {
    static OPTIONS: OnceLock<Value> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        json!({
            "k": 3, "kMin": 2, "kMax": 4,
            "columns": ["planning", "design", "delivery", "area", "benefits", "age"],
            "standardize": false, "seed": 7, "restarts": 2, "maxIterations": 50,
            "tolerance": 1e-4, "weights": { "planning": 2.0, "age": 0.5 },
            "weightColumn": "weight", "centreRespondents": true, "stability": true,
            "stabilityRuns": 2, "silhouetteSample": 100,
            "activities": { "planning": "coPlanning", "delivery": "coPerforming" },
            "minGroupSize": 3, "names": { "0": "First", "2": "Third" },
            "previous": valid_model(),
        })
    })
}

/// The model of a segmentation of [`survey`], as JSON.
pub fn valid_model() -> &'static Value {
    static MODEL: OnceLock<Value> = OnceLock::new();
    MODEL.get_or_init(|| {
        let options = SegmentOptions {
            k: KChoice::Fixed(3),
            restarts: Some(2),
            stability: false,
            ..Default::default()
        };
        let result = segment(survey(), &options)
            .unwrap_or_else(|e| panic!("the fuzz survey must segment: {e}"));
        serde_json::to_value(result.model()).unwrap_or_else(|e| panic!("model to JSON: {e}"))
    })
}

/// Strings worth trying: the survey's names, the options' vocabulary, and
/// near misses.
const WORDS: &[&str] = &[
    "planning", "design", "delivery", "area", "benefits", "age", "weight", "comment", "id",
    "North", "Cohesion", "likert", "categorical", "multi", "numeric", "text", "auto", "0", "1",
    "-1", "4294967296", "coPlanning", "coAssessment", "", " ", "planning ", "0.1.0", "9.9.9",
];

fn count(value: &Value) -> usize {
    1 + match value {
        Value::Array(items) => items.iter().map(count).sum(),
        Value::Object(map) => map.values().map(count).sum(),
        _ => 0,
    }
}

/// The `n`th node in depth-first order (0 is `value` itself).
fn nth(value: &mut Value, n: usize) -> Option<&mut Value> {
    if n == 0 {
        return Some(value);
    }
    let mut rest = n - 1;
    let children: Vec<&mut Value> = match value {
        Value::Array(items) => items.iter_mut().collect(),
        Value::Object(map) => map.values_mut().collect(),
        _ => return None,
    };
    for child in children {
        let size = count(child);
        if rest < size {
            return nth(child, rest);
        }
        rest -= size;
    }
    None
}

fn number(u: &mut Unstructured<'_>) -> Result<Value> {
    const EDGES: &[f64] = &[
        0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 3.0, 50.0, 51.0, 1e-300, 1e300, -1e300, f64::MAX, f64::MIN,
        4294967295.0, 4294967296.0, 1e9, 1e15, 1e20, 2.5, -3.5,
    ];
    let x = match u.int_in_range(0..=3)? {
        0 => EDGES[u.choose_index(EDGES.len())?],
        1 => f64::from(u.int_in_range(-3i32..=20)?),
        2 => u.arbitrary::<i64>()? as f64,
        _ => u.arbitrary::<f64>()?,
    };
    Ok(num(x))
}

/// A number as JavaScript's `JSON.stringify` writes it: integral values
/// without a fraction (so a `u32` field reads them), NaN and infinity as null.
fn num(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        Value::Number(Number::from(x as i64))
    } else {
        Number::from_f64(x).map_or(Value::Null, Value::Number)
    }
}

fn leaf(u: &mut Unstructured<'_>) -> Result<Value> {
    Ok(match u.int_in_range(0..=7)? {
        0 | 1 => number(u)?,
        2 => Value::String(WORDS[u.choose_index(WORDS.len())?].to_string()),
        3 => Value::String(u.arbitrary::<String>()?),
        4 => Value::Bool(u.arbitrary()?),
        5 => Value::Null,
        6 => Value::Array(vec![]),
        _ => Value::Object(Map::new()),
    })
}

/// Apply one to four edits anywhere in `root`.
pub fn mutate(root: &mut Value, u: &mut Unstructured<'_>) -> Result<()> {
    for _ in 0..u.int_in_range(1..=4)? {
        let n = u.choose_index(count(root))?;
        let Some(node) = nth(root, n) else { continue };
        let action = u.int_in_range(0..=3)?;
        let replacement = match node {
            Value::Array(items) if action == 0 && !items.is_empty() => {
                let i = u.choose_index(items.len())?;
                match u.int_in_range(0..=2)? {
                    0 => {
                        items.remove(i);
                    }
                    1 => items.push(items[i].clone()),
                    _ => items.truncate(i),
                }
                None
            }
            Value::Object(map) if action == 0 && !map.is_empty() => {
                let key = map.keys().nth(u.choose_index(map.len())?).cloned();
                if let Some(key) = key {
                    if u.arbitrary()? {
                        map.remove(&key);
                    } else {
                        let value = map[&key].clone();
                        let word = WORDS[u.choose_index(WORDS.len())?];
                        map.insert(word.to_string(), value);
                    }
                }
                None
            }
            Value::Number(x) if action == 1 => {
                // Nudge a number: off by one, negated, scaled.
                let v = x.as_f64().unwrap_or(0.0);
                let nudged = match u.int_in_range(0..=3)? {
                    0 => v + 1.0,
                    1 => v - 1.0,
                    2 => -v,
                    _ => v * 1e6,
                };
                Some(num(nudged))
            }
            _ => Some(leaf(u)?),
        };
        if let Some(value) = replacement {
            *node = value;
        }
    }
    Ok(())
}
