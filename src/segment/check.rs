//! The one check of every option, made before any work: everything but the
//! check of `names` against the chosen k (which waits for k) is here.

use std::collections::BTreeMap;

use super::error::SegmentError;
use super::options::{
    KChoice, KPlan, MAX_QUESTION_WEIGHT, MAX_STABILITY_RUNS, SegmentOptions, SegmentParams,
};
use super::roles::decide_roles;
use crate::cluster::{MAX_K, check_limits};
use crate::survey::{ColumnKind, Survey, Values};

/// The kind's name as messages show it (`likert`, `text`, ...).
pub(super) fn kind_name(kind: ColumnKind) -> String {
    format!("{kind:?}").to_lowercase()
}

/// Check `options` against `survey` and return usable parameters.
///
/// Rejections that depend on the encoded data (fewer respondents than k, k
/// above the number of distinct answer patterns) are made once the answers
/// are encoded, and `names` is checked against the chosen k by
/// [`check_names_against_k`].
pub fn check_options(
    options: &SegmentOptions,
    survey: &Survey,
) -> Result<SegmentParams, SegmentError> {
    let k = check_k(options)?;
    check_fit_settings(options)?;
    let respondent_weights = respondent_weights(options.weight_column.as_deref(), survey)?;
    let roles = decide_roles(options, survey)?;
    let columns = roles.basis;
    let weights = question_weights(&options.weights, &columns, survey)?;
    check_activities(&options.activities, survey)?;
    if options.min_group_size == 0 {
        return Err(SegmentError::MinGroupSizeZero);
    }
    let names = check_names(&options.names, k)?;
    Ok(SegmentParams {
        k,
        columns,
        left_out: roles.left_out,
        roles: roles.roles,
        standardize: options.standardize,
        seed: options.seed,
        restarts: options.restarts,
        max_iterations: options.max_iterations,
        tolerance: options.tolerance,
        weights,
        weight_column: options.weight_column.clone(),
        respondent_weights,
        centre_respondents: options.centre_respondents,
        stability_runs: if options.stability {
            options.stability_runs
        } else {
            0
        },
        silhouette_sample: options.silhouette_sample,
        activities: options.activities.clone(),
        min_group_size: options.min_group_size,
        names,
    })
}

fn check_k(options: &SegmentOptions) -> Result<KPlan, SegmentError> {
    match options.k {
        KChoice::Fixed(k) if (1..=MAX_K).contains(&k) => Ok(KPlan::Fixed(k)),
        KChoice::Fixed(k) => Err(SegmentError::InvalidK { k, max: MAX_K }),
        KChoice::Auto(_) => {
            let (min, max) = (options.k_min, options.k_max);
            if min < 2 || min > max || max > MAX_K {
                return Err(SegmentError::InvalidKRange {
                    k_min: min,
                    k_max: max,
                    max: MAX_K,
                });
            }
            Ok(KPlan::Scan { min, max })
        }
    }
}

fn check_fit_settings(options: &SegmentOptions) -> Result<(), SegmentError> {
    if !(options.tolerance.is_finite() && options.tolerance > 0.0) {
        return Err(SegmentError::InvalidTolerance(options.tolerance));
    }
    if options.max_iterations == 0 {
        return Err(SegmentError::ZeroMaxIterations);
    }
    if options.restarts == Some(0) {
        return Err(SegmentError::ZeroRestarts);
    }
    if options.stability && options.stability_runs == 0 {
        return Err(SegmentError::ZeroStabilityRuns);
    }
    check_limits(options.restarts.unwrap_or(1), options.max_iterations)?;
    if options.stability && options.stability_runs > MAX_STABILITY_RUNS {
        return Err(SegmentError::TooManyStabilityRuns {
            runs: options.stability_runs,
            max: MAX_STABILITY_RUNS,
        });
    }
    if let Some(previous) = &options.previous {
        previous.check_version()?;
    }
    if options.silhouette_sample < 2 {
        return Err(SegmentError::InvalidSilhouetteSample(
            options.silhouette_sample,
        ));
    }
    Ok(())
}

/// The respondent weights in input order: all 1 without a weight column.
fn respondent_weights(column: Option<&str>, survey: &Survey) -> Result<Vec<f64>, SegmentError> {
    let Some(name) = column else {
        return Ok(vec![1.0; survey.respondents]);
    };
    let column = survey
        .column(name)
        .ok_or_else(|| SegmentError::UnknownColumns {
            option: "weightColumn",
            names: vec![name.to_string()],
        })?;
    let not_numeric = || SegmentError::WeightColumnNotNumeric {
        column: name.to_string(),
    };
    let Values::Numbers(values) = &column.values else {
        return Err(not_numeric());
    };
    if column.kind != ColumnKind::Numeric && column.kind != ColumnKind::Likert {
        return Err(not_numeric());
    }
    values
        .iter()
        .enumerate()
        .map(|(i, v)| match v {
            Some(w) if w.is_finite() && w >= 0.0 => Ok(w),
            other => Err(SegmentError::InvalidRespondentWeight {
                column: name.to_string(),
                row: i + 2,
                value: other.map_or_else(|| "missing".to_string(), |w| w.to_string()),
            }),
        })
        .collect()
}

/// Names in `names` that the survey does not have, as an error for `option`.
pub(super) fn unknown_columns<'a>(
    option: &'static str,
    names: impl IntoIterator<Item = &'a String>,
    survey: &Survey,
) -> Result<(), SegmentError> {
    let unknown: Vec<String> = names
        .into_iter()
        .filter(|n| survey.column(n).is_none())
        .cloned()
        .collect();
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(SegmentError::UnknownColumns {
            option,
            names: unknown,
        })
    }
}

/// The weight of each chosen question (1 unless given).
fn question_weights(
    given: &BTreeMap<String, f64>,
    columns: &[String],
    survey: &Survey,
) -> Result<BTreeMap<String, f64>, SegmentError> {
    unknown_columns("weights", given.keys(), survey)?;
    // Above 1e6 a question's squared distances dwarf every other's anyway,
    // and huge weights overflowed the projection (a fuzz finding).
    let usable = |w: f64| w.is_finite() && (0.0..=MAX_QUESTION_WEIGHT).contains(&w);
    if let Some((name, &weight)) = given.iter().find(|(_, w)| !usable(**w)) {
        return Err(SegmentError::InvalidQuestionWeight {
            column: name.clone(),
            weight,
        });
    }
    // Inserted one by one: collecting into a map would bring in another copy
    // of the standard library's sort.
    let mut weights = BTreeMap::new();
    weights.extend(
        columns
            .iter()
            .map(|c| (c.clone(), given.get(c).copied().unwrap_or(1.0))),
    );
    Ok(weights)
}

fn check_activities<T>(
    activities: &BTreeMap<String, T>,
    survey: &Survey,
) -> Result<(), SegmentError> {
    unknown_columns("activities", activities.keys(), survey)
}

/// The caller's names by segment id, trimmed; ids must be below the largest
/// k that `k` can give.
fn check_names(
    names: &BTreeMap<String, String>,
    k: KPlan,
) -> Result<BTreeMap<u32, String>, SegmentError> {
    let most = match k {
        KPlan::Fixed(k) => k,
        KPlan::Scan { max, .. } => max,
    };
    let mut out = BTreeMap::new();
    for (key, name) in names {
        let segment = key
            .trim()
            .parse::<u32>()
            .map_err(|_| SegmentError::InvalidNameKey(key.clone()))?;
        if segment >= most {
            return Err(SegmentError::NameAboveK { segment, k: most });
        }
        let name = name.trim();
        if name.is_empty() {
            return Err(SegmentError::BlankName { segment });
        }
        out.insert(segment, name.to_string());
    }
    Ok(out)
}

/// The check of `names` that waits for the chosen k.
pub fn check_names_against_k(names: &BTreeMap<u32, String>, k: u32) -> Result<(), SegmentError> {
    match names.keys().find(|&&segment| segment >= k) {
        Some(&segment) => Err(SegmentError::UnknownSegment { segment, k }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engage::Activity;
    use crate::testing::{likert, numeric, survey, text};

    fn small() -> Survey {
        survey(vec![
            likert("q1", &[Some(1.0), Some(2.0), Some(5.0)], 1.0, 5.0),
            likert("q2", &[Some(3.0), Some(4.0), Some(1.0)], 1.0, 5.0),
            numeric("w", &[Some(1.0), Some(2.0), Some(0.5)]),
            text("note", &[Some("a"), None, Some("b")]),
        ])
    }

    fn check(options: SegmentOptions) -> Result<SegmentParams, SegmentError> {
        check_options(&options, &small())
    }

    #[test]
    fn defaults_pass_and_cluster_the_default_basis() {
        let p = check(SegmentOptions::default()).unwrap();
        // No activity question: the attitude (Likert) questions are the
        // basis, the number a descriptor, the text left out.
        assert_eq!(p.columns, vec!["q1", "q2"]);
        assert_eq!(p.left_out, vec!["note"]);
        assert_eq!(p.k, KPlan::Scan { min: 2, max: 8 });
        assert_eq!(p.seed, 42);
        assert_eq!(p.respondent_weights, vec![1.0; 3]);
        assert_eq!(p.stability_runs, 5);
    }

    #[test]
    fn json_is_camel_case_with_every_field_optional() {
        let o: SegmentOptions =
            serde_json::from_str(r#"{"k": 3, "kMax": 6, "weightColumn": "w", "maxIterations": 9}"#)
                .unwrap();
        assert_eq!(o.k, KChoice::Fixed(3));
        assert_eq!(o.k_max, 6);
        assert_eq!(o.max_iterations, 9);
        assert_eq!(o.restarts, None, "restarts adapt to the data by default");
        let given: SegmentOptions = serde_json::from_str(r#"{"restarts": 7}"#).unwrap();
        assert_eq!(check(given).unwrap().restarts, Some(7));
        let auto: SegmentOptions = serde_json::from_str(r#"{"k": "auto"}"#).unwrap();
        assert_eq!(auto.k, KChoice::default());
        assert!(serde_json::from_str::<SegmentOptions>(r#"{"k": "many"}"#).is_err());
        let p = check(o).unwrap();
        assert_eq!(p.columns, vec!["q1", "q2"]);
        assert_eq!(p.respondent_weights, vec![1.0, 2.0, 0.5]);
    }

    #[test]
    fn rejects_k_below_one() {
        let e = check(SegmentOptions {
            k: KChoice::Fixed(0),
            ..Default::default()
        });
        assert_eq!(e, Err(SegmentError::InvalidK { k: 0, max: 50 }));
    }

    #[test]
    fn rejects_k_above_fifty() {
        let e = check(SegmentOptions {
            k: KChoice::Fixed(51),
            ..Default::default()
        });
        assert_eq!(e, Err(SegmentError::InvalidK { k: 51, max: 50 }));
    }

    #[test]
    fn rejects_k_min_above_k_max() {
        let e = check(SegmentOptions {
            k_min: 5,
            k_max: 3,
            ..Default::default()
        })
        .unwrap_err();
        assert!(e.to_string().contains("kMin = 5, kMax = 3"), "{e}");
        let e = check(SegmentOptions {
            k_min: 1,
            ..Default::default()
        });
        assert!(e.is_err());
    }

    #[test]
    fn rejects_unknown_columns_naming_them() {
        let e = check(SegmentOptions {
            columns: Some(vec!["q1".into(), "nope".into(), "gone".into()]),
            ..Default::default()
        })
        .unwrap_err();
        assert_eq!(e.to_string(), "unknown column(s) in columns: nope, gone");
        let e = check(SegmentOptions {
            weights: [("zz".to_string(), 2.0)].into(),
            ..Default::default()
        })
        .unwrap_err();
        assert!(e.to_string().contains("weights: zz"));
        let e = check(SegmentOptions {
            weight_column: Some("ww".into()),
            ..Default::default()
        })
        .unwrap_err();
        assert!(e.to_string().contains("weightColumn: ww"));
    }

    #[test]
    fn rejects_text_columns() {
        let e = check(SegmentOptions {
            columns: Some(vec!["note".into()]),
            ..Default::default()
        })
        .unwrap_err();
        assert!(e.to_string().contains("column note holds text"), "{e}");
    }

    #[test]
    fn rejects_negative_or_non_finite_question_weights() {
        for w in [-1.0, f64::NAN, f64::INFINITY, 1.000001e6, 3.2e169] {
            let e = check(SegmentOptions {
                weights: [("q2".to_string(), w)].into(),
                ..Default::default()
            })
            .unwrap_err();
            assert!(e.to_string().contains("weight of column q2"), "{e}");
        }
    }

    #[test]
    fn rejects_bad_respondent_weights_naming_the_row() {
        for (value, shown) in [
            (None, "missing"),
            (Some(-2.0), "-2"),
            (Some(f64::INFINITY), "inf"),
        ] {
            let mut s = small();
            s.columns[2] = numeric("w", &[Some(1.0), value, Some(1.0)]);
            let e = check_options(
                &SegmentOptions {
                    weight_column: Some("w".into()),
                    ..Default::default()
                },
                &s,
            )
            .unwrap_err();
            assert_eq!(
                e.to_string(),
                format!(
                    "respondent weight in column w on row 3 must be a finite number >= 0, got {shown}"
                )
            );
        }
        let e = check(SegmentOptions {
            weight_column: Some("note".into()),
            ..Default::default()
        });
        assert!(matches!(
            e,
            Err(SegmentError::WeightColumnNotNumeric { .. })
        ));
    }

    #[test]
    fn rejects_tolerance_not_positive() {
        for t in [0.0, -1e-3, f64::NAN] {
            let e = check(SegmentOptions {
                tolerance: t,
                ..Default::default()
            });
            assert!(matches!(e, Err(SegmentError::InvalidTolerance(_))));
        }
    }

    #[test]
    fn rejects_zero_max_iterations() {
        let e = check(SegmentOptions {
            max_iterations: 0,
            ..Default::default()
        });
        assert_eq!(e, Err(SegmentError::ZeroMaxIterations));
    }

    #[test]
    fn rejects_zero_restarts() {
        let e = check(SegmentOptions {
            restarts: Some(0),
            ..Default::default()
        });
        assert_eq!(e, Err(SegmentError::ZeroRestarts));
    }

    #[test]
    fn rejects_zero_stability_runs_and_tiny_silhouette_sample() {
        let e = check(SegmentOptions {
            stability_runs: 0,
            ..Default::default()
        });
        assert_eq!(e, Err(SegmentError::ZeroStabilityRuns));
        let ok = check(SegmentOptions {
            stability: false,
            stability_runs: 0,
            ..Default::default()
        });
        assert_eq!(ok.unwrap().stability_runs, 0);
        let e = check(SegmentOptions {
            silhouette_sample: 1,
            ..Default::default()
        });
        assert_eq!(e, Err(SegmentError::InvalidSilhouetteSample(1)));
    }

    #[test]
    fn rejects_restarts_iterations_and_stability_runs_above_their_limits() {
        let at_limits = check(SegmentOptions {
            restarts: Some(crate::cluster::MAX_RESTARTS),
            max_iterations: crate::cluster::MAX_ITERATIONS,
            stability_runs: MAX_STABILITY_RUNS,
            ..Default::default()
        });
        assert!(at_limits.is_ok());
        let e = check(SegmentOptions {
            restarts: Some(u32::MAX),
            ..Default::default()
        })
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "restarts must be at most 100, got 4294967295"
        );
        let e = check(SegmentOptions {
            max_iterations: 10_001,
            ..Default::default()
        })
        .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("maxIterations must be at most 10000"),
            "{e}"
        );
        let e = check(SegmentOptions {
            stability_runs: 21,
            ..Default::default()
        })
        .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("stabilityRuns must be at most 20"),
            "{e}"
        );
        // Stability off: its run count is not used, so not checked.
        let off = check(SegmentOptions {
            stability: false,
            stability_runs: 21,
            ..Default::default()
        });
        assert!(off.is_ok());
    }

    #[test]
    fn rejects_a_previous_model_of_another_version() {
        let s = small();
        let fitted = crate::segment(
            &s,
            &SegmentOptions {
                k: KChoice::Fixed(2),
                stability: false,
                ..Default::default()
            },
        )
        .unwrap();
        let mut previous = fitted.model();
        previous.version = "0.0.1".into();
        let e = check(SegmentOptions {
            previous: Some(previous),
            ..Default::default()
        })
        .unwrap_err();
        assert!(
            e.to_string().contains("made by citizen-segments \"0.0.1\""),
            "{e}"
        );
    }

    #[test]
    fn rejects_unknown_activity_columns() {
        let e = check(SegmentOptions {
            activities: [("nope".to_string(), Activity::CoDesign)].into(),
            ..Default::default()
        })
        .unwrap_err();
        assert_eq!(e.to_string(), "unknown column(s) in activities: nope");
    }

    #[test]
    fn rejects_zero_min_group_size() {
        let e = check(SegmentOptions {
            min_group_size: 0,
            ..Default::default()
        });
        assert_eq!(e, Err(SegmentError::MinGroupSizeZero));
    }

    #[test]
    fn names_are_trimmed_and_checked_against_the_largest_k() {
        let names = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        let p = check(SegmentOptions {
            names: names(&[(" 1", "  Doers ")]),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(p.names, BTreeMap::from([(1, "Doers".to_string())]));
        let e = check(SegmentOptions {
            names: names(&[("one", "Doers")]),
            ..Default::default()
        });
        assert_eq!(e, Err(SegmentError::InvalidNameKey("one".into())));
        let e = check(SegmentOptions {
            names: names(&[("2", " ")]),
            ..Default::default()
        });
        assert_eq!(e, Err(SegmentError::BlankName { segment: 2 }));
        // k = "auto" with kMax = 8: ids 0..=7 may exist.
        let e = check(SegmentOptions {
            names: names(&[("8", "Doers")]),
            ..Default::default()
        })
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "names renames segment 8, but at most 8 segments can be found (ids 0 to 7)"
        );
        let e = check(SegmentOptions {
            k: KChoice::Fixed(2),
            names: names(&[("2", "Doers")]),
            ..Default::default()
        });
        assert_eq!(e, Err(SegmentError::NameAboveK { segment: 2, k: 2 }));
        let chosen = BTreeMap::from([(3, "Doers".to_string())]);
        assert!(check_names_against_k(&chosen, 4).is_ok());
        assert_eq!(
            check_names_against_k(&chosen, 3),
            Err(SegmentError::UnknownSegment { segment: 3, k: 3 })
        );
    }
}
