//! Applying an encoding to a survey: each question's raw answers become its
//! features, `(raw - offset) * scale`.

use ndarray::Array2;

use super::encoding::{EncodedColumn, Encoding, kind_name};
use super::error::EncodeError;
use super::indicators::indicators;
use super::scales::{finite_through, numbers};
use crate::survey::{Column, ColumnKind, Survey, Values};

/// Raw values of one question's candidate features, NaN for a missing
/// answer: the numbers of a Likert or numeric question, or one indicator per
/// name in `options` (answers are matched to them by name). `None` when the
/// answers are not of the kind's type.
pub(super) fn raw_features(
    column: &Column,
    kind: ColumnKind,
    options: &[String],
) -> Option<Vec<Vec<f64>>> {
    match (kind, &column.values) {
        (ColumnKind::Likert | ColumnKind::Numeric, Values::Numbers(v)) => Some(vec![numbers(v)]),
        (ColumnKind::Categorical, Values::Levels(v)) => Some(indicators(
            column.levels.as_deref().unwrap_or_default(),
            options,
            v.iter().map(|a| a.as_ref().map(std::slice::from_ref)),
        )),
        (ColumnKind::Multi, Values::Sets(v)) => Some(indicators(
            column.options.as_deref().unwrap_or_default(),
            options,
            v.iter().map(|a| a.as_deref()),
        )),
        _ => None,
    }
}

impl Encoding {
    /// Encode `survey` with this encoding: one row per respondent, one column
    /// per feature, NaN where the answer is missing.
    ///
    /// Fails when the encoding does not pass [`Encoding::check`], when the
    /// survey lacks a question of the encoding (the error names them all), or
    /// has it with another kind. Never panics, whatever the encoding holds.
    pub fn apply(&self, survey: &Survey) -> Result<Array2<f64>, EncodeError> {
        self.check()?;
        let columns = self.survey_columns(survey)?;
        let n = survey.respondents;
        let row_means = self.row_means(&columns, n);
        let mut out = Array2::from_elem((n, self.features.len()), f64::NAN);
        // One question's raw answers at a time: a million respondents × 60
        // questions never hold every question's twice.
        for (c, column) in self.columns.iter().zip(&columns) {
            let scale = c.scale.as_ref().map(|s| (s.min, s.max - s.min));
            if let (ColumnKind::Likert | ColumnKind::Numeric, Values::Numbers(v)) =
                (c.kind, &column.values)
            {
                // The one feature of a number line, through each distinct
                // answer once on a coded column; the same arithmetic, in the
                // same order, as the general path below.
                let Some(j) = c.features().next() else {
                    continue;
                };
                let Some(f) = self.features.get(j) else {
                    return Err(EncodeError::invalid(
                        format!("encoding.features[{j}]"),
                        "is missing",
                    ));
                };
                let (offset, scale_by) = (f.offset, f.scale);
                let encode = move |x: f64| {
                    if x.is_finite() {
                        (x - offset) * scale_by
                    } else {
                        f64::NAN
                    }
                };
                let mut target = out.column_mut(j);
                match (scale, f.centred) {
                    (Some((min, range)), true) => {
                        let from_min = finite_through(v, move |x| x - min);
                        for ((cell, x), mean) in target.iter_mut().zip(from_min).zip(&row_means) {
                            *cell = encode(x - mean * range);
                        }
                    }
                    _ => {
                        for (cell, x) in target.iter_mut().zip(finite_through(v, encode)) {
                            *cell = x;
                        }
                    }
                }
                continue;
            }
            let raw = raw_features(column, c.kind, &c.options).unwrap_or_default();
            for (j, values) in c.features().zip(&raw) {
                let Some(f) = self.features.get(j) else {
                    return Err(EncodeError::invalid(
                        format!("encoding.features[{j}]"),
                        "is missing",
                    ));
                };
                for (i, &x) in values.iter().enumerate() {
                    let x = match (scale, f.centred) {
                        (Some((min, range)), true) => (x - min) - row_means[i] * range,
                        _ => x,
                    };
                    out[[i, j]] = if x.is_finite() {
                        (x - f.offset) * f.scale
                    } else {
                        f64::NAN
                    };
                }
            }
        }
        Ok(out)
    }

    /// The survey's column for each of the encoding's, checked: present, of
    /// the same kind, with answers of the kind's type, one per respondent.
    fn survey_columns<'s>(&self, survey: &'s Survey) -> Result<Vec<&'s Column>, EncodeError> {
        let missing: Vec<String> = self
            .columns
            .iter()
            .filter(|c| survey.column(&c.name).is_none())
            .map(|c| c.name.clone())
            .collect();
        if !missing.is_empty() {
            return Err(EncodeError::MissingModelColumns { names: missing });
        }
        let mut columns = Vec::with_capacity(self.columns.len());
        for c in &self.columns {
            let Some(column) = survey.column(&c.name) else {
                continue;
            };
            if column.kind != c.kind {
                return Err(EncodeError::ColumnKindMismatch {
                    column: c.name.clone(),
                    expected: kind_name(c.kind),
                    found: kind_name(column.kind),
                });
            }
            let typed = matches!(
                (c.kind, &column.values),
                (ColumnKind::Likert | ColumnKind::Numeric, Values::Numbers(_))
                    | (ColumnKind::Categorical, Values::Levels(_))
                    | (ColumnKind::Multi, Values::Sets(_))
            );
            if !typed {
                return Err(EncodeError::ColumnKindMismatch {
                    column: c.name.clone(),
                    expected: kind_name(c.kind),
                    found: "answers of another type".to_string(),
                });
            }
            if column.values.len() != survey.respondents {
                return Err(EncodeError::AnswerCount {
                    column: c.name.clone(),
                });
            }
            columns.push(column);
        }
        Ok(columns)
    }

    /// Each respondent's mean 0–1 position over the centred Likert items (NaN
    /// when centring is off or they answered none).
    fn row_means(&self, columns: &[&Column], n: usize) -> Vec<f64> {
        let mut row_means = vec![f64::NAN; n];
        if !self.centre_respondents {
            return row_means;
        }
        let mut sums = vec![(0.0, 0usize); n];
        for (c, column) in self.columns.iter().zip(columns) {
            let Some(s) = c.scale.as_ref().filter(|_| self.is_centred(c)) else {
                continue;
            };
            let Values::Numbers(v) = &column.values else {
                continue;
            };
            let position = finite_through(v, |x| (x - s.min) / (s.max - s.min));
            for ((sum, count), x) in sums.iter_mut().zip(position) {
                if x.is_finite() {
                    *sum += x;
                    *count += 1;
                }
            }
        }
        for (mean, (sum, count)) in row_means.iter_mut().zip(sums) {
            if count > 0 {
                *mean = sum / count as f64;
            }
        }
        row_means
    }

    /// Whether the question has a scale and its first feature is centred.
    fn is_centred(&self, c: &EncodedColumn) -> bool {
        c.scale.is_some()
            && self
                .features
                .get(c.first_feature as usize)
                .is_some_and(|f| f.centred)
    }
}

#[cfg(test)]
mod tests {
    use super::super::fit::tests::fit;
    use super::super::fixtures::{categorical, likert, numeric, survey};
    use crate::survey::Values;

    #[test]
    fn number_columns_encode_each_answer_by_the_formula_coded_or_wide() {
        let n = 600;
        let rating = |shift: usize| -> Vec<Option<f64>> {
            (0..n)
                .map(|i| (i % 9 != shift).then(|| (1 + (i * 7 + shift) % 5) as f64))
                .collect()
        };
        // 400 distinct amounts: more than a coded column holds.
        let amount: Vec<Option<f64>> = (0..n)
            .map(|i| (i % 11 != 2).then_some((i % 400) as f64 * 0.37 - 20.0))
            .collect();
        let (q1, q2) = (rating(4), rating(1));
        let s = survey(vec![
            likert("q1", &q1, 1.0, 5.0),
            likert("q2", &q2, 1.0, 5.0),
            numeric("amount", &amount),
        ]);
        let coded = |name: &str| match &s.column(name).unwrap().values {
            Values::Numbers(v) => v.is_coded(),
            _ => unreachable!(),
        };
        assert!(coded("q1") && coded("q2") && !coded("amount"));
        for (standardize, centre) in [(false, false), (true, false), (false, true), (true, true)] {
            let (e, _, m) = fit(&s, standardize, centre);
            assert_eq!(e.features.len(), 3);
            for i in 0..n {
                let position = |x: Option<f64>| x.map(|x| (x - 1.0) / 4.0);
                let answered: Vec<f64> = [position(q1[i]), position(q2[i])]
                    .into_iter()
                    .flatten()
                    .collect();
                let mean = answered.iter().sum::<f64>() / answered.len() as f64;
                for (j, x) in [q1[i], q2[i], amount[i]].into_iter().enumerate() {
                    let f = &e.features[j];
                    let want = x.map_or(f64::NAN, |x| {
                        let x = if f.centred { (x - 1.0) - mean * 4.0 } else { x };
                        (x - f.offset) * f.scale
                    });
                    assert_eq!(m[[i, j]].to_bits(), want.to_bits(), "row {i}, feature {j}");
                }
            }
        }
    }

    #[test]
    fn apply_matches_levels_by_name_and_names_missing_columns() {
        let s = survey(vec![
            categorical("area", &["north", "south"], &[Some(0), Some(1)]),
            likert("q", &[Some(1.0), Some(5.0)], 1.0, 5.0),
        ]);
        let (e, _, m) = fit(&s, false, false);
        let reordered = survey(vec![
            categorical(
                "area",
                &["south", "north", "west"],
                &[Some(1), Some(0), Some(2)],
            ),
            likert("q", &[Some(1.0), Some(5.0), Some(3.0)], 1.0, 5.0),
        ]);
        let m2 = e.apply(&reordered).unwrap();
        assert_eq!(m2.row(0), m.row(0));
        assert_eq!(m2.row(1), m.row(1));
        assert_eq!(m2[[2, 0]], 0.0);
        assert_eq!(m2[[2, 1]], 0.0);
        let lacking = survey(vec![numeric("other", &[Some(1.0)])]);
        assert_eq!(
            e.apply(&lacking).unwrap_err().to_string(),
            "the survey lacks the model's column(s): area, q"
        );
    }

    #[test]
    fn apply_names_a_question_of_another_kind() {
        let s = survey(vec![likert("q", &[Some(1.0), Some(5.0)], 1.0, 5.0)]);
        let (e, _, _) = fit(&s, false, false);
        let other = survey(vec![numeric("q", &[Some(1.0), Some(5.0)])]);
        assert_eq!(
            e.apply(&other).unwrap_err().to_string(),
            "column q is numeric in this survey but likert in the model"
        );
    }
}
