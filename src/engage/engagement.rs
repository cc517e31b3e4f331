//! The engagement layer's one entry: from the survey and its segment
//! profiles, which questions are about which activity, a brief per segment
//! and a unique name per segment.

use std::collections::BTreeMap;

use super::activity::Activity;
use super::brief::{Brief, brief};
use super::error::EngageError;
use super::naming::name_segments;
use super::recognise::{Recognition, recognise};
use crate::profile::Profiles;
use crate::survey::Survey;

/// What the caller may say about engagement. Both default to empty.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EngageOptions {
    /// Column name → activity; wins over recognition.
    pub activities: BTreeMap<String, Activity>,
    /// Segment id → the caller's name for it (not blank); the other segments
    /// are named from their activities and answers.
    pub names: BTreeMap<u32, String>,
}

/// The briefs and names of the segments of one set of [`Profiles`].
#[derive(Debug, Clone, PartialEq)]
pub struct Engagement {
    /// Which questions and options are about which activity.
    pub activities: Recognition,
    /// One per segment, in id order (the order of `Profiles::segments`).
    pub briefs: Vec<Brief>,
    /// One unique name per segment, in id order.
    pub names: Vec<String>,
}

/// Recognises the activities of `survey`, then briefs and names every
/// segment of `profiles` (which were computed from `survey`). The questions
/// the profiles mark as clustered count as asked about an activity.
pub fn engage(
    survey: &Survey,
    profiles: &Profiles,
    options: &EngageOptions,
) -> Result<Engagement, EngageError> {
    check(survey, profiles, options)?;
    let clustered: Vec<String> = profiles
        .overall
        .questions
        .iter()
        .filter(|q| q.clustered)
        .map(|q| q.question.clone())
        .collect();
    let recognition = recognise(survey, &options.activities, &clustered);
    let briefs: Vec<Brief> = profiles
        .segments
        .iter()
        .map(|s| {
            brief(
                survey,
                &recognition,
                &profiles.overall,
                s.id,
                &s.figures,
                profiles.min_group_size,
            )
        })
        .collect();
    let names = name_segments(
        &profiles.segments,
        &briefs,
        &profiles.overall,
        &recognition,
        &options.names,
    );
    Ok(Engagement {
        activities: recognition,
        briefs,
        names,
    })
}

fn check(survey: &Survey, profiles: &Profiles, options: &EngageOptions) -> Result<(), EngageError> {
    if let Some(column) = options
        .activities
        .keys()
        .find(|c| survey.column(c).is_none())
    {
        return Err(EngageError::UnknownColumn {
            column: column.clone(),
        });
    }
    let k = profiles.segments.len();
    for (&segment, name) in &options.names {
        if segment as usize >= k {
            return Err(EngageError::UnknownSegment { segment, k });
        }
        if name.trim().is_empty() {
            return Err(EngageError::BlankName { segment });
        }
    }
    Ok(())
}

/// The profiles of the shared fixture and their engagement, for the tests
/// of this layer and the ones above it.
#[cfg(test)]
pub(crate) fn fixture_engagement(
    survey: &Survey,
    min_group_size: u32,
    clustered: &[&str],
    names: BTreeMap<u32, String>,
) -> (Profiles, Engagement) {
    use crate::profile::testing::ASSIGNMENTS;
    use crate::profile::{ProfileOptions, profile};
    let options = ProfileOptions {
        min_group_size,
        clustered: clustered.iter().map(|c| c.to_string()).collect(),
        ..ProfileOptions::default()
    };
    let profiles = profile(survey, &ASSIGNMENTS, None, &options).expect("valid fixture");
    let options = EngageOptions {
        names,
        ..EngageOptions::default()
    };
    let engagement = engage(survey, &profiles, &options).expect("valid fixture");
    (profiles, engagement)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::testing::fixture;

    fn refused(options: EngageOptions) -> EngageError {
        let (profiles, _) = fixture_engagement(&fixture(), 1, &[], BTreeMap::new());
        engage(&fixture(), &profiles, &options).expect_err("refused")
    }

    #[test]
    fn an_empty_segment_is_named_so() {
        let (_, e) = fixture_engagement(&fixture(), 1, &[], BTreeMap::new());
        assert_eq!(e.names.len(), 2);
        assert_eq!(e.briefs.len(), 2);
        let survey = fixture();
        let options = crate::profile::ProfileOptions {
            segments: Some(3),
            ..crate::profile::ProfileOptions::default()
        };
        let assignments = [0, 0, 0, 2, 2, 2, -1];
        let profiles = crate::profile::profile(&survey, &assignments, None, &options).unwrap();
        let e = engage(&survey, &profiles, &EngageOptions::default()).unwrap();
        assert_eq!(e.names[1], "Empty segment");
        assert_eq!(e.briefs[1].segment, 1);
    }

    #[test]
    fn rejects_unknown_activity_columns() {
        let options = EngageOptions {
            activities: BTreeMap::from([("nope".into(), Activity::CoDesign)]),
            ..EngageOptions::default()
        };
        assert_eq!(
            refused(options),
            EngageError::UnknownColumn {
                column: "nope".into()
            }
        );
    }

    #[test]
    fn rejects_bad_names() {
        let unknown = EngageOptions {
            names: BTreeMap::from([(2, "X".into())]),
            ..EngageOptions::default()
        };
        assert_eq!(
            refused(unknown),
            EngageError::UnknownSegment { segment: 2, k: 2 }
        );
        let blank = EngageOptions {
            names: BTreeMap::from([(1, "  ".into())]),
            ..EngageOptions::default()
        };
        assert_eq!(refused(blank), EngageError::BlankName { segment: 1 });
    }
}
