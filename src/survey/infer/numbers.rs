//! Numbers and numeric scales: parsing a number as surveys write it, numeric
//! columns, and integer answers read as a Likert scale (rule 6).

use super::super::error::ImportError;
use super::super::model::{Column, ColumnKind, Scale, Values};
use super::super::numbers::Numbers;
use super::Ctx;
use super::stated::{Stated, stated_scale};
use super::warnings::missing_answers;

/// Numeric Likert scales tried, smallest first.
const NUMERIC_SCALES: [(i64, i64); 4] = [(1, 5), (1, 7), (1, 10), (0, 10)];

/// Parses a number as written in a survey: optional sign, digits, at most one
/// decimal point (or comma, when the file is `;`-delimited). No exponents,
/// thousands separators, `inf` or `NaN`.
pub(crate) fn parse_number(cell: &str, decimal_comma: bool) -> Option<f64> {
    let owned;
    let s = if decimal_comma && cell.contains(',') && !cell.contains('.') {
        owned = cell.replacen(',', ".", 1);
        owned.as_str()
    } else {
        cell
    };
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let mut digits = 0;
    let mut points = 0;
    for c in body.chars() {
        match c {
            '0'..='9' => digits += 1,
            '.' => points += 1,
            _ => return None,
        }
    }
    if digits == 0 || points > 1 {
        return None;
    }
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

pub(super) fn numbers(
    name: &str,
    n: usize,
    present: &[(usize, &str)],
    ctx: &Ctx,
) -> Result<Vec<Option<f64>>, ImportError> {
    let mut values = vec![None; n];
    for &(i, cell) in present {
        let Some(v) = parse_number(cell, ctx.decimal_comma) else {
            return Err(ImportError::NotANumber {
                file: ctx.file(),
                row: ctx.row(i),
                column: name.into(),
                value: cell.into(),
            });
        };
        if let Some(slot) = values.get_mut(i) {
            *slot = Some(v);
        }
    }
    Ok(values)
}

/// A column of `n` answers: the value at each row of `at` (in increasing
/// row order, as the present answers are; a row out of order or past `n` is
/// left out), missing elsewhere. Built straight into codes, with no
/// `Option<f64>` per respondent on the way.
pub(super) fn answers_at(n: usize, at: impl IntoIterator<Item = (usize, f64)>) -> Numbers {
    let mut at = at.into_iter().peekable();
    (0..n)
        .map(|row| {
            while at.next_if(|&(i, _)| i < row).is_some() {}
            at.next_if(|&(i, _)| i == row).map(|(_, v)| v)
        })
        .collect()
}

pub(super) fn numeric_column(
    name: &str,
    n: usize,
    present: &[(usize, &str)],
    parsed: &[Option<f64>],
    ctx: &mut Ctx,
) -> Column {
    let nums: Vec<(usize, f64)> = present
        .iter()
        .zip(parsed)
        .filter_map(|((i, _), v)| v.map(|v| (*i, v)))
        .collect();
    let integers = nums.iter().all(|(_, v)| v.fract() == 0.0);
    let binary = nums.iter().all(|(_, v)| *v == 0.0 || *v == 1.0);
    let stated = integers
        .then(|| stated_scale(name))
        .flatten()
        .filter(|s| fits_mostly(&nums, s));
    let codes = match (&stated, integers) {
        (Some(stated), _) => stated.codes.iter().map(|&c| c as f64).collect(),
        (None, true) => dont_know_codes(&nums),
        (None, false) => Vec::new(),
    };
    // The answers are what is left of `nums`: codes for "Don't know" (and,
    // on a scale, answers off it) are missing.
    let (dont_know, nums): (Vec<_>, Vec<_>) =
        nums.into_iter().partition(|(_, v)| codes.contains(v));
    if let Some(&(_, first)) = dont_know.first() {
        let indices: Vec<usize> = dont_know.iter().map(|(i, _)| *i).collect();
        let codes: Vec<String> = codes.iter().map(|c| c.to_string()).collect();
        let said = match (stated.is_some(), codes.len()) {
            (true, 1) => "the question's code for \"Don't know\" or the like",
            (true, _) => "the question's codes for \"Don't know\" or the like",
            (false, _) => "codes for \"Don't know\" or \"Refused\"",
        };
        let codes = codes.join(" or ");
        let why = [
            format!("holds {codes} after the scale, {said}"),
            format!("hold {codes} after the scale, {said}"),
        ];
        missing_answers(ctx, name, &indices, &first.to_string(), [&why[0], &why[1]]);
    }
    let fits = |&(a, b): &(i64, i64)| {
        nums.iter()
            .filter(|(_, v)| *v >= a as f64 && *v <= b as f64)
            .count()
    };
    let scale = if let Some(stated) = &stated {
        Some((stated.min, stated.max))
    } else if integers && !binary {
        NUMERIC_SCALES
            .iter()
            .find(|s| fits(s) == nums.len())
            .or_else(|| {
                if nums.len() >= 20 {
                    NUMERIC_SCALES
                        .iter()
                        .find(|s| fits(s) * 100 >= nums.len() * 95)
                } else {
                    None
                }
            })
            .copied()
    } else {
        None
    };
    let Some((a, b)) = scale else {
        let values = answers_at(n, nums);
        return Column::new(name, ColumnKind::Numeric, Values::Numbers(values));
    };
    let (min, max) = (a as f64, b as f64);
    let outside: Vec<(usize, f64)> = nums
        .iter()
        .copied()
        .filter(|&(_, v)| v < min || v > max)
        .collect();
    if let Some(&(_, first)) = outside.first() {
        let indices: Vec<usize> = outside.iter().map(|(i, _)| *i).collect();
        let stated = if stated.is_some() {
            " that the question states"
        } else {
            ""
        };
        let why = [
            format!("is outside the scale {a}–{b}{stated}"),
            format!("are outside the scale {a}–{b}{stated}"),
        ];
        missing_answers(ctx, name, &indices, &first.to_string(), [&why[0], &why[1]]);
    }
    let on_scale = nums.iter().copied().filter(|&(_, v)| v >= min && v <= max);
    let values = answers_at(n, on_scale);
    let mut column = Column::new(name, ColumnKind::Likert, Values::Numbers(values));
    column.scale = Some(Scale {
        min,
        max,
        labels: vec![],
    });
    column
}

/// Whether at least 80 % of the answers (and at least one above its bottom)
/// lie on the scale a question states, so that the statement is about
/// these answers (not, say, "1-5 years" over a column of counts).
fn fits_mostly(nums: &[(usize, f64)], stated: &Stated) -> bool {
    let (lo, hi) = (stated.min as f64, stated.max as f64);
    let on = nums.iter().filter(|(_, v)| *v >= lo && *v <= hi).count();
    let coded = nums
        .iter()
        .filter(|(_, v)| stated.codes.contains(&(*v as i64)))
        .count();
    on > 0 && (on + coded) * 100 >= nums.len() * 80 && nums.iter().any(|(_, v)| *v > lo && *v <= hi)
}

/// The codes meaning "Don't know" or "Refused" after a rating scale: `8`
/// and `9` when the other answers stay within 1–6 (5-point scales and the
/// like, nothing at 7), `98` and `99` when the others stay within 0–10.
/// Empty when there are none (`-99` is a missing code already).
fn dont_know_codes(nums: &[(usize, f64)]) -> Vec<f64> {
    for (set, lo, hi) in [(&[8.0, 9.0][..], 1.0, 6.0), (&[98.0, 99.0][..], 0.0, 10.0)] {
        let (codes, others): (Vec<f64>, Vec<f64>) =
            nums.iter().map(|(_, v)| *v).partition(|v| set.contains(v));
        if !codes.is_empty()
            && others.len() >= codes.len()
            && others.iter().all(|v| *v >= lo && *v <= hi)
            && others.iter().any(|v| *v > 1.0)
        {
            let mut codes = codes;
            crate::order::sort_floats(&mut codes);
            codes.dedup();
            return codes;
        }
    }
    Vec::new()
}

/// A column the caller said is Likert whose answers are not on a known label
/// set: numbers on the smallest numeric scale holding them all (or their own
/// range).
pub(super) fn forced_likert(
    name: &str,
    n: usize,
    present: &[(usize, &str)],
    ctx: &Ctx,
) -> Result<Column, ImportError> {
    let values = numbers(name, n, present, ctx)?;
    let (lo, hi) = values
        .iter()
        .flatten()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
            (lo.min(v), hi.max(v))
        });
    let range = NUMERIC_SCALES
        .iter()
        .find(|(a, b)| lo >= *a as f64 && hi <= *b as f64)
        .map_or((lo.floor(), hi.ceil()), |&(a, b)| (a as f64, b as f64));
    let mut column = Column::new(name, ColumnKind::Likert, Values::Numbers(values.into()));
    if range.0.is_finite() {
        column.scale = Some(Scale {
            min: range.0,
            max: range.1,
            labels: vec![],
        });
    }
    Ok(column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_at_fills_the_rows_given_and_leaves_the_rest_missing() {
        let got =
            |at: &[(usize, f64)]| answers_at(5, at.iter().copied()).iter().collect::<Vec<_>>();
        assert_eq!(
            got(&[(1, 2.0), (3, 4.0)]),
            [None, Some(2.0), None, Some(4.0), None]
        );
        assert_eq!(
            got(&[(0, 1.0), (4, 5.0), (7, 9.0)]),
            [Some(1.0), None, None, None, Some(5.0)]
        );
        // Out of order: row 1, given after row 3, is left out.
        assert_eq!(
            got(&[(3, 4.0), (1, 2.0)]),
            [None, None, None, Some(4.0), None]
        );
        assert_eq!(got(&[]), [None; 5]);
    }
}
