//! The role of every column by default: a `basis` question (what segments
//! are built on), a `descriptor` (who people are, how to reach them), or
//! left out, each with the reason in plain words.
//!
//! Rules, in order:
//! 1. `id` and `text` columns are left out (identifiers and free text are
//!    never answers);
//! 2. a column about a recognised activity (the whole column or an option)
//!    is basis;
//! 3. a column whose wording is about reaching people (a vocabulary's
//!    `channel` phrases) or about who they are and where they live (its
//!    `descriptor` phrases) is a descriptor;
//! 4. Likert and `multi` questions (what people want, think and value) are
//!    basis when the survey asks about activities; when it asks about none,
//!    its Likert (attitude) questions are the basis, and when it has none of
//!    those either, its numeric questions;
//!
//! Not yet wired into the pipeline's default columns or the JS options (see
//! issue 11): a pure function the review step and the options check can use.
//! 5. everything else (categorical, and numbers in a survey with attitude
//!    questions) is a descriptor.

use serde::Serialize;

use super::reach::{is_channel_question, is_descriptor_question};
use super::recognise::Recognition;
use crate::survey::{ColumnKind, Survey};

/// What a column is used for.
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

/// One column's default role and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ColumnRole {
    /// The column name.
    pub question: String,
    /// Its role.
    pub role: Role,
    /// Why, in plain words.
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
    survey
        .columns
        .iter()
        .map(|c| {
            let (role, reason) = match c.kind {
                ColumnKind::Id => (Role::LeftOut, "an identifier, never an answer".to_string()),
                ColumnKind::Text => (Role::LeftOut, "free text, not clustered".to_string()),
                _ if about_activity(&c.name) => {
                    let activities: Vec<&str> = recognition
                        .sources
                        .iter()
                        .filter(|s| s.question == c.name)
                        .map(|s| s.activity.short_name())
                        .collect();
                    let mut unique = activities.clone();
                    unique.dedup();
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
        .collect()
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
}
