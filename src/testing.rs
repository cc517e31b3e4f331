//! Builders for small in-memory surveys, for tests and examples (the CSV
//! import is the real way in).
//!
//! ```
//! use citizen_segments::testing::{likert, survey};
//! let s = survey(vec![likert("q1", &[Some(1.0), Some(5.0), None], 1.0, 5.0)]);
//! assert_eq!(s.respondents, 3);
//! ```

use crate::survey::{Column, ColumnKind, Scale, Survey, Values};

fn missing<T>(values: &[Option<T>]) -> usize {
    values.iter().filter(|v| v.is_none()).count()
}

/// A Likert question on the scale `min..=max` (unlabelled).
pub fn likert(name: &str, values: &[Option<f64>], min: f64, max: f64) -> Column {
    Column {
        name: name.to_string(),
        kind: ColumnKind::Likert,
        missing: missing(values),
        scale: Some(Scale {
            min,
            max,
            labels: Vec::new(),
        }),
        options: None,
        levels: None,
        headers: vec![name.to_string()],
        values: Values::Numbers(values.to_vec()),
    }
}

/// A numeric question.
pub fn numeric(name: &str, values: &[Option<f64>]) -> Column {
    Column {
        name: name.to_string(),
        kind: ColumnKind::Numeric,
        missing: missing(values),
        scale: None,
        options: None,
        levels: None,
        headers: vec![name.to_string()],
        values: Values::Numbers(values.to_vec()),
    }
}

/// A categorical question; `values` index into `levels`.
pub fn categorical(name: &str, levels: &[&str], values: &[Option<u32>]) -> Column {
    Column {
        name: name.to_string(),
        kind: ColumnKind::Categorical,
        missing: missing(values),
        scale: None,
        options: None,
        levels: Some(levels.iter().map(|l| l.to_string()).collect()),
        headers: vec![name.to_string()],
        values: Values::Levels(values.to_vec()),
    }
}

/// A check-all-that-apply question; each answer lists indices into `options`.
pub fn multi(name: &str, options: &[&str], values: &[Option<Vec<u32>>]) -> Column {
    Column {
        name: name.to_string(),
        kind: ColumnKind::Multi,
        missing: missing(values),
        scale: None,
        options: Some(options.iter().map(|o| o.to_string()).collect()),
        levels: None,
        headers: options.iter().map(|o| format!("{name}: {o}")).collect(),
        values: Values::Sets(values.to_vec()),
    }
}

/// A free-text question.
pub fn text(name: &str, values: &[Option<&str>]) -> Column {
    Column {
        name: name.to_string(),
        kind: ColumnKind::Text,
        missing: missing(values),
        scale: None,
        options: None,
        levels: None,
        headers: vec![name.to_string()],
        values: Values::Text(values.iter().map(|v| v.map(str::to_string)).collect()),
    }
}

/// A survey of these columns (all must have the same number of answers).
pub fn survey(columns: Vec<Column>) -> Survey {
    let respondents = columns.first().map_or(0, |c| c.values.len());
    Survey {
        respondents,
        columns,
        warnings: Vec::new(),
        ids: (0..respondents).map(|i| (i + 2).to_string()).collect(),
        id_column: None,
        delimiter: b',',
        input_hash: "0000000000000000".to_string(),
    }
}

/// A survey of numeric columns from a row-major matrix (NaN = missing),
/// named `x0`, `x1`, ...
pub fn numeric_survey(rows: &[Vec<f64>]) -> Survey {
    let p = rows.first().map_or(0, Vec::len);
    survey(
        (0..p)
            .map(|j| {
                let values: Vec<Option<f64>> = rows
                    .iter()
                    .map(|r| Some(r[j]).filter(|x| x.is_finite()))
                    .collect();
                numeric(&format!("x{j}"), &values)
            })
            .collect(),
    )
}
