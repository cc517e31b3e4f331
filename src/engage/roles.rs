//! The role of every column by default: a `basis` question (what segments
//! are built on), a `descriptor` (who people are, how to reach them), or
//! left out, each with the reason in plain words.
//!
//! Rules, in order:
//! 1. `id`, `text` and `metadata` columns are left out (identifiers, free
//!    text and survey-tool metadata are never answers);
//! 2. a column about a recognised activity (the whole column or an option)
//!    is basis;
//! 3. a column whose wording is about reaching people (a vocabulary's
//!    `channel` phrases) or about who they are and where they live (its
//!    `descriptor` phrases) is a descriptor;
//! 4. Likert and `multi` questions (what people want, think and value) are
//!    basis when the survey asks about activities; when it asks about none,
//!    its Likert (attitude) questions are the basis, and when it has none of
//!    those either, its numeric questions;
//! 5. everything else (categorical, and numbers in a survey with attitude
//!    questions) is a descriptor;
//! 6. a survey that leaves no basis by these rules (only categorical
//!    questions, say) is clustered on all of its answers.
//!
//! The pipeline's options check starts from these defaults
//! (`segment::check_options`) and applies the caller's `basis` and
//! `descriptors` over them.

use serde::Serialize;

use super::reach::{is_channel_question, is_descriptor_question};
use super::recognise::Recognition;
use crate::survey::{ColumnKind, Survey};

/// What a column is used for: `"basis"` (segments are built on it),
/// `"descriptor"` (profiled, not clustered) or `"leftOut"` (neither).
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Role {
    /// Segments are built on it.
    Basis,
    /// Profiled, not clustered: describes who is in a segment and how to reach them.
    Descriptor,
    /// Neither (identifiers, metadata, free text).
    LeftOut,
}

/// One column's role and why.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ColumnRole {
    /// The column's name.
    pub question: String,
    /// What it is used for.
    pub role: Role,
    /// Why, in plain words (for example "asks about co-design").
    pub reason: String,
}

/// The default role of every column, in column order.
pub fn default_roles(survey: &Survey, recognition: &Recognition) -> Vec<ColumnRole> {
    let about_activity = |name: &str| recognition.sources.iter().any(|s| s.question == name);
    let asks_activities = !recognition.sources.is_empty();
    let has_likert = survey.columns.iter().any(|c| {
        c.kind == ColumnKind::Likert
            && !is_descriptor_question(&c.name)
            && !is_channel_question(&c.name)
    });
    let mut roles: Vec<ColumnRole> = survey
        .columns
        .iter()
        .map(|c| {
            let (role, reason) = match c.kind {
                ColumnKind::Id => (Role::LeftOut, "an identifier, never an answer".to_string()),
                ColumnKind::Text => (Role::LeftOut, "free text, not clustered".to_string()),
                ColumnKind::Metadata => (
                    Role::LeftOut,
                    "about the response, not an answer".to_string(),
                ),
                _ if about_activity(&c.name) => {
                    let mut unique: Vec<&str> = Vec::new();
                    for s in recognition.sources.iter().filter(|s| s.question == c.name) {
                        if !unique.contains(&s.activity.short_name()) {
                            unique.push(s.activity.short_name());
                        }
                    }
                    (Role::Basis, format!("asks about {}", unique.join(", ")))
                }
                _ if is_channel_question(&c.name) => (
                    Role::Descriptor,
                    "how people like to be reached".to_string(),
                ),
                _ if is_descriptor_question(&c.name) => (
                    Role::Descriptor,
                    "who people are or where they live".to_string(),
                ),
                ColumnKind::Likert | ColumnKind::Multi if asks_activities => {
                    (Role::Basis, "what people want, think or value".to_string())
                }
                ColumnKind::Likert => (
                    Role::Basis,
                    "an attitude question (the survey asks about no activity)".to_string(),
                ),
                ColumnKind::Numeric if !asks_activities && !has_likert => (
                    Role::Basis,
                    "a numeric answer (the survey has no rating-scale question)".to_string(),
                ),
                _ => (
                    Role::Descriptor,
                    "describes respondents; profiled, not clustered".to_string(),
                ),
            };
            ColumnRole {
                question: c.name.clone(),
                role,
                reason,
            }
        })
        .collect();
    if !roles.iter().any(|r| r.role == Role::Basis) {
        for r in roles.iter_mut().filter(|r| r.role == Role::Descriptor) {
            r.role = Role::Basis;
            r.reason =
                "the survey asks about no activity or attitude, so every answer is clustered"
                    .to_string();
        }
    }
    roles
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engage::recognise;
    use crate::survey::{ImportOptions, parse_survey};
    use std::collections::BTreeMap;

    fn roles(csv: &[u8]) -> Vec<(String, Role)> {
        let survey = parse_survey(csv, &ImportOptions::default()).expect("valid");
        let r = recognise(&survey, &BTreeMap::new(), &[]);
        default_roles(&survey, &r)
            .into_iter()
            .map(|c| (c.question, c.role))
            .collect()
    }

    #[test]
    fn the_sample_clusters_on_activities_and_benefits_only() {
        let got = roles(include_bytes!("../../www/public/sample-survey.csv"));
        let of = |role| {
            got.iter()
                .filter(|(_, r)| *r == role)
                .map(|(q, _)| q.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            of(Role::Basis),
            [
                "co_planning",
                "co_prioritisation",
                "co_financing",
                "co_design",
                "co_management",
                "co_performing",
                "co_assessment",
                "benefits"
            ]
        );
        assert_eq!(
            of(Role::Descriptor),
            ["age_band", "area", "preferred_channel"]
        );
        assert_eq!(of(Role::LeftOut), ["respondent_id", "comments"]);
    }

    #[test]
    fn without_activities_attitudes_are_the_basis() {
        let got = roles(include_bytes!("../../tests/fixtures/public/anes96.csv"));
        let basis: Vec<&str> = got
            .iter()
            .filter(|(_, r)| *r == Role::Basis)
            .map(|(q, _)| q.as_str())
            .collect();
        assert!(
            !basis.contains(&"age") && !basis.contains(&"educ") && !basis.contains(&"income"),
            "{got:?}"
        );
        assert!(
            !basis.contains(&"TVnews") && !basis.contains(&"popul"),
            "{got:?}"
        );
        assert!(basis.contains(&"selfLR"), "{got:?}");
    }

    #[test]
    fn metadata_is_left_out_and_a_survey_of_categories_is_clustered_on_them() {
        use crate::testing::{categorical, survey};
        let mut status = categorical("Status", &["Complete"], &[Some(0), Some(0)]);
        status.kind = ColumnKind::Metadata;
        let s = survey(vec![
            categorical("tenure", &["Own", "Rent"], &[Some(0), Some(1)]),
            categorical("pets", &["Cat", "Dog"], &[Some(1), Some(0)]),
            status,
        ]);
        let r = recognise(&s, &BTreeMap::new(), &[]);
        let got: Vec<(String, Role)> = default_roles(&s, &r)
            .into_iter()
            .map(|c| (c.question, c.role))
            .collect();
        assert_eq!(
            got,
            [
                ("tenure".to_string(), Role::Basis),
                ("pets".to_string(), Role::Basis),
                ("Status".to_string(), Role::LeftOut)
            ]
        );
    }
}
