//! Checking an encoding read from a saved model, whose JSON anyone can edit:
//! every index, count and number against the others, so that applying it can
//! never index out of range.

use super::encoding::{EncodedColumn, Encoding, Feature, kind_name};
use super::error::EncodeError;
use crate::survey::ColumnKind;

impl Encoding {
    /// Check that the encoding is one [`fit_encoding`](super::fit_encoding)
    /// could have made: at least one feature; the columns' `firstFeature` and
    /// `featureCount` cover `features` in order, without gaps or overlaps;
    /// each feature names its column (and, for a categorical or multi column,
    /// its option, in the order of the column's `options`); Likert, numeric,
    /// categorical or multi columns only, a Likert column with a finite scale
    /// (`min < max`) and no other column with one; finite weights >= 0;
    /// finite offsets and finite non-zero scales; `centred` exactly on the
    /// Likert features when `centreRespondents` is on.
    ///
    /// The error names the first field found wrong, as spelt in the model's
    /// JSON (`encoding.columns[2].firstFeature`). [`Encoding::apply`] calls
    /// this first.
    pub fn check(&self) -> Result<(), EncodeError> {
        if self.features.is_empty() {
            return Err(EncodeError::invalid("encoding.features", "is empty"));
        }
        let mut next = 0usize;
        for (i, column) in self.columns.iter().enumerate() {
            self.check_column(i, column, next)?;
            next += column.feature_count as usize;
        }
        if next != self.features.len() {
            return Err(EncodeError::invalid(
                "encoding.features",
                format!(
                    "has {} features but the columns use {next}",
                    self.features.len()
                ),
            ));
        }
        Ok(())
    }

    /// Check column `i`, whose features must start at `first`, and its
    /// features.
    fn check_column(
        &self,
        i: usize,
        column: &EncodedColumn,
        first: usize,
    ) -> Result<(), EncodeError> {
        let field = |name: &str| format!("encoding.columns[{i}].{name}");
        let indicator = match column.kind {
            ColumnKind::Likert | ColumnKind::Numeric => false,
            ColumnKind::Categorical | ColumnKind::Multi => true,
            ColumnKind::Id | ColumnKind::Text => {
                let kind = kind_name(column.kind);
                return Err(EncodeError::invalid(
                    field("kind"),
                    format!("is {kind}, which is never encoded"),
                ));
            }
        };
        if !column.weight.is_finite() || column.weight < 0.0 {
            let problem = format!("must be a finite number >= 0, got {}", column.weight);
            return Err(EncodeError::invalid(field("weight"), problem));
        }
        check_scale(column, &field)?;
        if column.first_feature as usize != first {
            let problem = format!(
                "is {} but the column's features start at {first}",
                column.first_feature
            );
            return Err(EncodeError::invalid(field("firstFeature"), problem));
        }
        let count = column.feature_count as usize;
        let expected = if indicator { column.options.len() } else { 1 };
        if indicator && column.options.is_empty() {
            return Err(EncodeError::invalid(field("options"), "is empty"));
        }
        if !indicator && !column.options.is_empty() {
            let kind = kind_name(column.kind);
            let problem = format!("must be empty for a {kind} column");
            return Err(EncodeError::invalid(field("options"), problem));
        }
        if count != expected {
            let problem = format!("is {count} but the column has {expected} feature(s)");
            return Err(EncodeError::invalid(field("featureCount"), problem));
        }
        let Some(features) = self.features.get(first..first.saturating_add(count)) else {
            let problem = format!(
                "is {count} but only {} feature(s) follow feature {first}",
                self.features.len().saturating_sub(first)
            );
            return Err(EncodeError::invalid(field("featureCount"), problem));
        };
        for (k, feature) in features.iter().enumerate() {
            let option = indicator.then(|| column.options[k].as_str());
            self.check_feature(first + k, feature, column, option)?;
        }
        Ok(())
    }

    /// Check feature `j` of `column`, which must be the indicator of
    /// `option` (or no indicator when `None`).
    fn check_feature(
        &self,
        j: usize,
        feature: &Feature,
        column: &EncodedColumn,
        option: Option<&str>,
    ) -> Result<(), EncodeError> {
        let field = |name: &str| format!("encoding.features[{j}].{name}");
        if feature.column != column.name {
            let problem = format!(
                "is {:?} but the feature belongs to column {:?}",
                feature.column, column.name
            );
            return Err(EncodeError::invalid(field("column"), problem));
        }
        if feature.option.as_deref() != option {
            let problem = match option {
                Some(o) => format!("must be {o:?}, the column's option at this place"),
                None => "must be null for a feature that is not an indicator".to_string(),
            };
            return Err(EncodeError::invalid(field("option"), problem));
        }
        if !feature.offset.is_finite() {
            let problem = format!("must be a finite number, got {}", feature.offset);
            return Err(EncodeError::invalid(field("offset"), problem));
        }
        if !feature.scale.is_finite() || feature.scale == 0.0 {
            let problem = format!(
                "must be a finite number other than 0, got {}",
                feature.scale
            );
            return Err(EncodeError::invalid(field("scale"), problem));
        }
        let centred = self.centre_respondents && column.kind == ColumnKind::Likert;
        if feature.centred != centred {
            let problem = if centred {
                "must be true: centreRespondents is on and this is a Likert feature"
            } else {
                "must be false: only Likert features are centred, when centreRespondents is on"
            };
            return Err(EncodeError::invalid(field("centred"), problem));
        }
        Ok(())
    }
}

/// A Likert column has a finite scale with `min < max`; no other column has
/// a scale.
fn check_scale(column: &EncodedColumn, field: &dyn Fn(&str) -> String) -> Result<(), EncodeError> {
    match (&column.scale, column.kind) {
        (Some(s), ColumnKind::Likert) => {
            if !s.min.is_finite() {
                let problem = format!("must be a finite number, got {}", s.min);
                return Err(EncodeError::invalid(field("scale.min"), problem));
            }
            if !s.max.is_finite() || s.max <= s.min {
                let problem = format!("must be a finite number above min {}, got {}", s.min, s.max);
                return Err(EncodeError::invalid(field("scale.max"), problem));
            }
            Ok(())
        }
        (None, ColumnKind::Likert) => Err(EncodeError::invalid(
            field("scale"),
            "is missing for a likert column",
        )),
        (Some(_), kind) => Err(EncodeError::invalid(
            field("scale"),
            format!("must be null for a {} column", kind_name(kind)),
        )),
        (None, _) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use rand_xoshiro::Xoshiro256Plus;
    use rand_xoshiro::rand_core::{RngCore, SeedableRng};
    use serde_json::Value;

    use super::*;
    use crate::encode::fit::tests::fit;
    use crate::encode::fixtures::{categorical, likert, multi, numeric, survey};
    use crate::survey::{Scale, Survey};

    fn sample() -> Survey {
        survey(vec![
            likert("a", &[Some(1.0), Some(5.0), Some(2.0), Some(4.0)], 1.0, 5.0),
            likert("b", &[Some(3.0), Some(5.0), None, Some(1.0)], 1.0, 5.0),
            numeric("n", &[Some(1.0), Some(2.0), Some(7.0), None]),
            categorical(
                "area",
                &["north", "south"],
                &[Some(0), Some(1), None, Some(1)],
            ),
            multi(
                "help",
                &["x", "y", "z"],
                &[
                    Some(vec![0]),
                    Some(vec![1, 2]),
                    Some(vec![]),
                    Some(vec![0, 2]),
                ],
            ),
        ])
    }

    /// A valid encoding of every kind, centred: a, b, n, area (2), help (3).
    fn valid() -> Encoding {
        let (e, w, _) = fit(&sample(), false, true);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(e.features.len(), 8);
        e.check().unwrap();
        e
    }

    fn index(e: &Encoding, name: &str) -> usize {
        e.columns.iter().position(|c| c.name == name).unwrap()
    }

    /// `change` makes `check` and `apply` refuse, naming `field`.
    fn rejects(field: &str, change: impl FnOnce(&mut Encoding)) {
        let mut e = valid();
        change(&mut e);
        match e.check() {
            Err(EncodeError::InvalidEncoding { field: f, problem }) => {
                assert_eq!(f, field, "{problem}");
            }
            other => panic!("expected {field} to be refused, got {other:?}"),
        }
        assert_eq!(e.apply(&sample()).unwrap_err(), e.check().unwrap_err());
    }

    #[test]
    fn a_fitted_encoding_passes_with_and_without_centring() {
        valid();
        let (e, _, _) = fit(&sample(), true, false);
        e.check().unwrap();
    }

    #[test]
    fn no_features_is_refused() {
        rejects("encoding.features", |e| {
            e.columns.clear();
            e.features.clear();
        });
    }

    #[test]
    fn features_no_column_uses_are_refused() {
        rejects("encoding.features", |e| {
            let extra = e.features[7].clone();
            e.features.push(extra);
        });
    }

    #[test]
    fn a_kind_that_is_never_encoded_is_refused() {
        rejects("encoding.columns[2].kind", |e| {
            e.columns[2].kind = ColumnKind::Text
        });
        rejects("encoding.columns[2].kind", |e| {
            e.columns[2].kind = ColumnKind::Id
        });
    }

    #[test]
    fn a_negative_or_non_finite_weight_is_refused() {
        rejects("encoding.columns[1].weight", |e| e.columns[1].weight = -1.0);
        rejects("encoding.columns[1].weight", |e| {
            e.columns[1].weight = f64::NAN
        });
    }

    #[test]
    fn a_likert_column_without_a_usable_scale_is_refused() {
        rejects("encoding.columns[0].scale", |e| e.columns[0].scale = None);
        rejects("encoding.columns[0].scale.min", |e| {
            e.columns[0].scale.as_mut().unwrap().min = f64::NEG_INFINITY
        });
        rejects("encoding.columns[0].scale.max", |e| {
            e.columns[0].scale.as_mut().unwrap().max = 1.0
        });
    }

    #[test]
    fn a_scale_on_another_kind_is_refused() {
        rejects("encoding.columns[2].scale", |e| {
            e.columns[2].scale = Some(Scale {
                min: 0.0,
                max: 1.0,
                labels: Vec::new(),
            })
        });
    }

    #[test]
    fn a_first_feature_out_of_place_is_refused() {
        rejects("encoding.columns[1].firstFeature", |e| {
            e.columns[1].first_feature = 0
        });
        rejects("encoding.columns[4].firstFeature", |e| {
            e.columns[4].first_feature = u32::MAX
        });
    }

    #[test]
    fn a_feature_count_that_disagrees_is_refused() {
        rejects("encoding.columns[2].featureCount", |e| {
            e.columns[2].feature_count = 2
        });
        rejects("encoding.columns[3].featureCount", |e| {
            e.columns[3].feature_count = u32::MAX
        });
        // Options and count agree, but the features run out.
        rejects("encoding.columns[4].featureCount", |e| {
            e.features.pop();
        });
    }

    #[test]
    fn options_that_disagree_with_the_kind_are_refused() {
        rejects("encoding.columns[3].options", |e| {
            e.columns[3].options.clear()
        });
        rejects("encoding.columns[2].options", |e| {
            e.columns[2].options.push("x".to_string())
        });
        rejects("encoding.columns[4].featureCount", |e| {
            e.columns[4].options.push("w".to_string())
        });
    }

    #[test]
    fn a_feature_of_another_column_is_refused() {
        rejects("encoding.features[3].column", |e| {
            e.features[3].column = "help".to_string()
        });
    }

    #[test]
    fn a_feature_with_the_wrong_option_is_refused() {
        rejects("encoding.features[4].option", |e| {
            e.features[4].option = Some("north".to_string())
        });
        rejects("encoding.features[2].option", |e| {
            e.features[2].option = Some("x".to_string())
        });
        rejects("encoding.features[5].option", |e| {
            e.features[5].option = None
        });
    }

    #[test]
    fn a_non_finite_offset_or_scale_is_refused() {
        rejects("encoding.features[2].offset", |e| {
            e.features[2].offset = f64::NAN
        });
        rejects("encoding.features[2].scale", |e| e.features[2].scale = 0.0);
        rejects("encoding.features[6].scale", |e| {
            e.features[6].scale = f64::INFINITY
        });
    }

    #[test]
    fn centred_must_match_centre_respondents_and_the_kind() {
        rejects("encoding.features[0].centred", |e| {
            e.features[0].centred = false
        });
        rejects("encoding.features[2].centred", |e| {
            e.features[2].centred = true
        });
        rejects("encoding.features[0].centred", |e| {
            e.centre_respondents = false
        });
    }

    #[test]
    fn the_fixture_layout_is_as_the_tests_assume() {
        let e = valid();
        let names: Vec<&str> = e.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["a", "b", "n", "area", "help"]);
        assert_eq!(index(&e, "help"), 4);
    }

    /// One change that `check` must refuse, or (`false`) one that only the
    /// survey can refuse (a categorical column read as multi).
    fn break_one(e: &mut Encoding, rng: &mut Xoshiro256Plus) -> bool {
        let pick = |rng: &mut Xoshiro256Plus, n: usize| (rng.next_u64() % n as u64) as usize;
        let i = pick(rng, e.columns.len());
        let j = pick(rng, e.features.len());
        let bad = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY];
        let bad = bad[pick(rng, 3)];
        let big = [u32::MAX, u32::MAX / 2 + 1, 9, 1 << 31];
        let big = big[pick(rng, 4)];
        match pick(rng, 14) {
            0 => e.columns[i].first_feature = e.columns[i].first_feature.wrapping_add(big),
            1 => e.columns[i].feature_count = e.columns[i].feature_count.wrapping_add(big),
            2 => e.columns[i].feature_count = 0,
            3 => e.columns[i].weight = [-1.0, -1e-300, bad][pick(rng, 3)],
            4 => e.features[j].offset = bad,
            5 => e.features[j].scale = [0.0, -0.0, bad][pick(rng, 3)],
            6 => e.features[j].centred = !e.features[j].centred,
            7 => e.features[j].column.push('x'),
            8 => {
                let o = &mut e.features[j].option;
                *o = if o.is_some() { None } else { Some("x".into()) };
            }
            9 => {
                e.features.remove(j);
            }
            10 => e.features.insert(j, e.features[j].clone()),
            11 => e.columns[i].options.push("new".into()),
            12 => match e.columns[i].scale.as_mut() {
                Some(s) => s.max = [s.min, s.min - 1.0, bad][pick(rng, 3)],
                None => {
                    e.columns[i].scale = Some(Scale {
                        min: 0.0,
                        max: 1.0,
                        labels: Vec::new(),
                    })
                }
            },
            _ => {
                let (kind, checked) = match e.columns[i].kind {
                    ColumnKind::Likert => (ColumnKind::Numeric, true),
                    ColumnKind::Numeric => (ColumnKind::Likert, true),
                    ColumnKind::Categorical => (ColumnKind::Multi, false),
                    _ => (ColumnKind::Categorical, false),
                };
                e.columns[i].kind = kind;
                return checked;
            }
        }
        true
    }

    #[test]
    fn random_breakage_is_refused_by_check_and_apply_without_panic() {
        let s = sample();
        let mut rng = Xoshiro256Plus::seed_from_u64(13);
        for case in 0..600 {
            let mut e = valid();
            let checked = break_one(&mut e, &mut rng);
            assert!(!checked || e.check().is_err(), "case {case} passed: {e:?}");
            assert!(e.apply(&s).is_err(), "case {case} applied: {e:?}");
        }
        // Several changes at once: whatever check says, apply never panics
        // and agrees with it.
        for _ in 0..300 {
            let mut e = valid();
            for _ in 0..1 + rng.next_u64() % 4 {
                if !e.columns.is_empty() && !e.features.is_empty() {
                    break_one(&mut e, &mut rng);
                }
            }
            if let Err(error) = e.check() {
                assert_eq!(e.apply(&s).unwrap_err(), error);
            }
        }
    }

    /// Every number in `value`, by path.
    fn numbers(value: &Value, path: String, out: &mut Vec<String>) {
        match value {
            Value::Number(_) => out.push(path),
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    numbers(v, format!("{path}/{i}"), out);
                }
            }
            Value::Object(fields) => {
                for (k, v) in fields {
                    numbers(v, format!("{path}/{k}"), out);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn random_numbers_in_the_json_never_panic_and_bad_indices_are_refused() {
        let s = sample();
        let json = serde_json::to_value(valid()).unwrap();
        let mut paths = Vec::new();
        numbers(&json, String::new(), &mut paths);
        let mut rng = Xoshiro256Plus::seed_from_u64(9);
        let values = [
            -1.0,
            0.0,
            1.0,
            2.0,
            7.0,
            8.0,
            0.5,
            1e300,
            -1e300,
            4294967295.0,
            4294967296.0,
        ];
        let mut refused = 0;
        for _ in 0..1000 {
            let mut mutated = json.clone();
            let path = &paths[(rng.next_u64() % paths.len() as u64) as usize];
            let x = values[(rng.next_u64() % values.len() as u64) as usize];
            let old = mutated.pointer(path).cloned();
            let new = serde_json::Number::from_f64(x).unwrap();
            let new = if x.fract() == 0.0 && x.abs() < 1e19 {
                Value::from(x as i64)
            } else {
                Value::Number(new)
            };
            *mutated.pointer_mut(path).unwrap() = new.clone();
            let Ok(e) = serde_json::from_value::<Encoding>(mutated) else {
                continue;
            };
            let checked = e.check();
            let applied = e.apply(&s);
            assert_eq!(checked.is_err(), applied.is_err(), "{path} = {x}");
            let index = path.ends_with("firstFeature") || path.ends_with("featureCount");
            let same = old.and_then(|v| v.as_f64()) == new.as_f64();
            if index && !same {
                assert!(checked.is_err(), "{path} = {x} passed");
            }
            refused += usize::from(checked.is_err());
        }
        assert!(refused > 100, "only {refused} refused");
    }
}
