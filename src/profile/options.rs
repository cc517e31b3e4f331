//! The caller's options for [`profile`](super::profile), with every default in
//! one place, and their check.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::errors::ProfileError;
use crate::survey::{ColumnKind, Survey, Values};

/// Default disclosure threshold: figures from fewer respondents are suppressed
/// in exports, and smaller segments are flagged `belowMinSize`.
pub const DEFAULT_MIN_GROUP_SIZE: u32 = 10;
/// Most segments a profile accepts (highest segment id + 1).
pub const MAX_SEGMENTS: usize = 1000;
/// A Likert/numeric question sets a segment apart when its standardised
/// difference is at least this far from 0 (a "small" effect).
pub const DISTINCT_SD: f64 = 0.2;
/// An option or level sets a segment apart when its share differs from the
/// overall share by at least this (5 percentage points).
pub const DISTINCT_SHARE: f64 = 0.05;
/// How many distinctive questions, and options/levels, are listed per direction.
pub const DISTINCT_TOP: usize = 5;

/// Options for profiling segments. Every field is optional in JSON
/// (camelCase); the defaults are:
///
/// | field | default |
/// | --- | --- |
/// | `clustered` | `[]` (every question is a descriptor) |
/// | `minGroupSize` | 10 respondents |
/// | `segments` | the highest segment id + 1 |
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(hashmap_as_object))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ProfileOptions {
    /// Names of the questions that were clustered; the others are descriptors.
    pub clustered: Vec<String>,
    /// Disclosure threshold in respondents (at least 1).
    pub min_group_size: u32,
    /// Number of segments, so that segments no respondent is in still get a
    /// profile. Default: the highest segment id + 1.
    pub segments: Option<u32>,
}

impl Default for ProfileOptions {
    fn default() -> Self {
        ProfileOptions {
            clustered: Vec::new(),
            min_group_size: DEFAULT_MIN_GROUP_SIZE,
            segments: None,
        }
    }
}

/// The options and inputs after [`ProfileOptions::check`].
#[derive(Debug, Clone)]
pub(crate) struct Checked {
    /// Number of segments (highest id + 1).
    pub k: usize,
    /// Per respondent, its segment or `None` when unassigned.
    pub groups: Vec<Option<usize>>,
    /// Per respondent, its weight (1 when none were given).
    pub weights: Vec<f64>,
    /// The clustered questions.
    pub clustered: BTreeSet<String>,
}

impl ProfileOptions {
    /// Checks the options and inputs against the survey, once.
    pub(crate) fn check(
        &self,
        survey: &Survey,
        assignments: &[i32],
        weights: Option<&[f64]>,
    ) -> Result<Checked, ProfileError> {
        let respondents = survey.respondents;
        if assignments.len() != respondents {
            return Err(ProfileError::AssignmentCount {
                assignments: assignments.len(),
                respondents,
            });
        }
        if let Some((row, &segment)) = assignments.iter().enumerate().find(|(_, s)| **s < -1) {
            return Err(ProfileError::InvalidSegment { row, segment });
        }
        let highest = assignments.iter().map(|&s| s + 1).max().unwrap_or(0) as usize;
        let k = self.segments.map_or(highest, |k| k as usize);
        if let Some((row, &segment)) = assignments
            .iter()
            .enumerate()
            .find(|(_, s)| **s >= 0 && **s as usize >= k)
        {
            return Err(ProfileError::SegmentAboveK { row, segment, k });
        }
        if k > MAX_SEGMENTS {
            return Err(ProfileError::TooManySegments {
                k,
                max: MAX_SEGMENTS,
            });
        }
        let groups: Vec<Option<usize>> = assignments
            .iter()
            .map(|&s| usize::try_from(s).ok())
            .collect();
        if groups.iter().all(Option::is_none) {
            return Err(ProfileError::NoAssignedRespondents);
        }
        let weights = match weights {
            None => vec![1.0; respondents],
            Some(w) if w.len() != respondents => {
                return Err(ProfileError::WeightCount {
                    weights: w.len(),
                    respondents,
                });
            }
            Some(w) => {
                if let Some((row, &weight)) = w
                    .iter()
                    .enumerate()
                    .find(|(_, w)| !w.is_finite() || **w < 0.0)
                {
                    return Err(ProfileError::InvalidWeight { row, weight });
                }
                w.to_vec()
            }
        };
        let total: f64 = groups
            .iter()
            .zip(&weights)
            .filter(|(g, _)| g.is_some())
            .map(|(_, w)| w)
            .sum();
        if total <= 0.0 {
            return Err(ProfileError::ZeroTotalWeight);
        }
        if let Some(column) = self.clustered.iter().find(|c| survey.column(c).is_none()) {
            return Err(ProfileError::UnknownColumn {
                option: "clustered",
                column: column.clone(),
            });
        }
        if self.min_group_size == 0 {
            return Err(ProfileError::MinGroupSizeZero);
        }
        for column in &survey.columns {
            check_answers(column, respondents)?;
        }
        // Inserted one by one: collecting into a set would bring in another
        // copy of the standard library's sort.
        let mut clustered = BTreeSet::new();
        clustered.extend(self.clustered.iter().cloned());
        Ok(Checked {
            k,
            groups,
            weights,
            clustered,
        })
    }
}

/// Every profiled column holds one answer per respondent, within its levels/options.
fn check_answers(column: &crate::survey::Column, respondents: usize) -> Result<(), ProfileError> {
    let bad = |row| ProfileError::InvalidAnswer {
        column: column.name.clone(),
        row,
    };
    if matches!(
        column.kind,
        ColumnKind::Id | ColumnKind::Text | ColumnKind::Metadata
    ) {
        return Ok(());
    }
    if column.values.len() != respondents {
        return Err(bad(column.values.len()));
    }
    let count = |labels: &Option<Vec<String>>| labels.as_ref().map_or(0, Vec::len) as u32;
    match &column.values {
        Values::Levels(v) => {
            let n = count(&column.levels);
            match v.iter().position(|x| x.is_some_and(|i| i >= n)) {
                Some(row) => Err(bad(row)),
                None => Ok(()),
            }
        }
        Values::Sets(v) => {
            let n = count(&column.options);
            match v
                .iter()
                .position(|x| x.as_ref().is_some_and(|s| s.iter().any(|&i| i >= n)))
            {
                Some(row) => Err(bad(row)),
                None => Ok(()),
            }
        }
        Values::Numbers(_) | Values::Text(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::testing::{ASSIGNMENTS, fixture};

    fn check(
        options: &ProfileOptions,
        assignments: &[i32],
        weights: Option<&[f64]>,
    ) -> Result<(), ProfileError> {
        options.check(&fixture(), assignments, weights).map(|_| ())
    }

    #[test]
    fn defaults_from_empty_json() {
        let o: ProfileOptions = serde_json::from_str("{}").unwrap_or_default();
        assert_eq!(o, ProfileOptions::default());
        assert_eq!(o.min_group_size, 10);
        let o: ProfileOptions =
            serde_json::from_str(r#"{"minGroupSize":5,"segments":3}"#).unwrap_or_default();
        assert_eq!((o.min_group_size, o.segments), (5, Some(3)));
    }

    #[test]
    fn accepts_the_fixture() {
        assert!(check(&ProfileOptions::default(), &ASSIGNMENTS, None).is_ok());
    }

    #[test]
    fn rejects_wrong_assignment_count() {
        let e = check(&ProfileOptions::default(), &[0, 1], None);
        assert_eq!(
            e,
            Err(ProfileError::AssignmentCount {
                assignments: 2,
                respondents: 7
            })
        );
    }

    #[test]
    fn rejects_segment_below_minus_one() {
        let e = check(&ProfileOptions::default(), &[0, 0, -2, 1, 1, 1, 1], None);
        assert_eq!(
            e,
            Err(ProfileError::InvalidSegment {
                row: 2,
                segment: -2
            })
        );
    }

    #[test]
    fn rejects_too_many_segments() {
        let e = check(&ProfileOptions::default(), &[0, 0, 5000, 1, 1, 1, 1], None);
        assert_eq!(
            e,
            Err(ProfileError::TooManySegments {
                k: 5001,
                max: MAX_SEGMENTS
            })
        );
    }

    #[test]
    fn a_given_number_of_segments_keeps_empty_ones_and_bounds_ids() {
        let o = ProfileOptions {
            segments: Some(3),
            ..ProfileOptions::default()
        };
        let checked = o.check(&fixture(), &ASSIGNMENTS, None);
        assert_eq!(checked.map(|c| c.k).ok(), Some(3));
        let o = ProfileOptions {
            segments: Some(1),
            ..ProfileOptions::default()
        };
        assert_eq!(
            check(&o, &ASSIGNMENTS, None),
            Err(ProfileError::SegmentAboveK {
                row: 3,
                segment: 1,
                k: 1
            })
        );
    }

    #[test]
    fn rejects_all_unassigned() {
        let e = check(&ProfileOptions::default(), &[-1; 7], None);
        assert_eq!(e, Err(ProfileError::NoAssignedRespondents));
    }

    #[test]
    fn rejects_wrong_weight_count_and_bad_weights() {
        let o = ProfileOptions::default();
        assert_eq!(
            check(&o, &ASSIGNMENTS, Some(&[1.0])),
            Err(ProfileError::WeightCount {
                weights: 1,
                respondents: 7
            })
        );
        let e = check(
            &o,
            &ASSIGNMENTS,
            Some(&[1.0, -1.0, 1.0, 1.0, 1.0, 1.0, 1.0]),
        );
        assert_eq!(
            e,
            Err(ProfileError::InvalidWeight {
                row: 1,
                weight: -1.0
            })
        );
        let e = check(
            &o,
            &ASSIGNMENTS,
            Some(&[1.0, 1.0, 1.0, 1.0, 1.0, 1.0, f64::INFINITY]),
        );
        assert!(matches!(e, Err(ProfileError::InvalidWeight { row: 6, .. })));
    }

    #[test]
    fn rejects_zero_total_weight() {
        let e = check(
            &ProfileOptions::default(),
            &ASSIGNMENTS,
            Some(&[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]),
        );
        assert_eq!(e, Err(ProfileError::ZeroTotalWeight));
    }

    #[test]
    fn rejects_unknown_columns() {
        let o = ProfileOptions {
            clustered: vec!["nope".into()],
            ..ProfileOptions::default()
        };
        assert_eq!(
            check(&o, &ASSIGNMENTS, None),
            Err(ProfileError::UnknownColumn {
                option: "clustered",
                column: "nope".into()
            })
        );
    }

    #[test]
    fn rejects_zero_min_group_size() {
        let o = ProfileOptions {
            min_group_size: 0,
            ..ProfileOptions::default()
        };
        assert_eq!(
            check(&o, &ASSIGNMENTS, None),
            Err(ProfileError::MinGroupSizeZero)
        );
    }

    #[test]
    fn rejects_answers_that_do_not_fit() {
        let mut survey = fixture();
        if let Values::Levels(v) = &mut survey.columns[2].values {
            v[3] = Some(9);
        }
        let e = ProfileOptions::default()
            .check(&survey, &ASSIGNMENTS, None)
            .map(|_| ());
        assert_eq!(
            e,
            Err(ProfileError::InvalidAnswer {
                column: "Preferred channel".into(),
                row: 3
            })
        );
        let mut survey = fixture();
        if let Values::Numbers(v) = &mut survey.columns[1].values {
            *v = v.iter().take(v.len() - 1).collect();
        }
        let e = ProfileOptions::default()
            .check(&survey, &ASSIGNMENTS, None)
            .map(|_| ());
        assert_eq!(
            e,
            Err(ProfileError::InvalidAnswer {
                column: "Interest in co-design".into(),
                row: 6
            })
        );
    }
}
