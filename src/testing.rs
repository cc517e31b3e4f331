//! Builders for small in-memory surveys, for tests and examples (the CSV
//! import is the real way in).
//!
//! ```
//! use citizen_segments::testing::{likert, survey};
//! let s = survey(vec![likert("q1", &[Some(1.0), Some(5.0), None], 1.0, 5.0)]);
//! assert_eq!(s.respondents, 3);
//! ```

use crate::survey::{Column, ColumnKind, Scale, Survey, Values};

/// A Likert question on the scale `min..=max` (unlabelled).
pub fn likert(name: &str, values: &[Option<f64>], min: f64, max: f64) -> Column {
    Column {
        scale: Some(Scale {
            min,
            max,
            labels: Vec::new(),
        }),
        ..Column::new(name, ColumnKind::Likert, Values::Numbers(values.into()))
    }
}

/// A numeric question.
pub fn numeric(name: &str, values: &[Option<f64>]) -> Column {
    Column::new(name, ColumnKind::Numeric, Values::Numbers(values.into()))
}

/// A categorical question; `values` index into `levels`.
pub fn categorical(name: &str, levels: &[&str], values: &[Option<u32>]) -> Column {
    Column {
        levels: Some(levels.iter().map(|l| l.to_string()).collect()),
        ..Column::new(
            name,
            ColumnKind::Categorical,
            Values::Levels(values.to_vec()),
        )
    }
}

/// A check-all-that-apply question; each answer lists indices into `options`.
pub fn multi(name: &str, options: &[&str], values: &[Option<Vec<u32>>]) -> Column {
    Column {
        options: Some(options.iter().map(|o| o.to_string()).collect()),
        headers: options.iter().map(|o| format!("{name}: {o}")).collect(),
        ..Column::new(name, ColumnKind::Multi, Values::Sets(values.to_vec()))
    }
}

/// A free-text question.
pub fn text(name: &str, values: &[Option<&str>]) -> Column {
    let values = Values::Text(values.iter().map(|v| v.map(str::to_string)).collect());
    Column::new(name, ColumnKind::Text, values)
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
