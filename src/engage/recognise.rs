//! Which questions are about which activity, recognised from the words of
//! the question with the tables of [`super::vocabulary`], the caller's
//! explicit mapping winning.
//!
//! Rules:
//! 1. a text's activity is the one whose phrase with the most words matches
//!    (masks applied; see the vocabulary's syntax), ties to the earliest
//!    match, then to the table's order;
//! 2. a grid question's column (`Question [Row]`, `Question - Row`,
//!    `Question: Row`) is recognised from its row text first, then from the
//!    whole header, then from its source headers the same way: the row says
//!    what the column is about, the stem is often shared by every row;
//! 3. Likert columns are recognised whole, `multi` columns option by option
//!    (the option's text, then the question's); numeric and categorical
//!    columns are only mapped explicitly. An explicit mapping names a column
//!    and applies to the whole column (every option of a `multi`).

use std::collections::BTreeMap;

use serde::Serialize;

use super::activity::Activity;
use super::phrases::{Match, find_all, mentions, unmasked, words};
use super::vocabulary::VOCABULARIES;
pub use crate::survey::split_grid;
use crate::survey::{Column, ColumnKind, Survey};

/// The best activity match in one text: (activity, words, start).
fn best_match(text: &str) -> Option<(Activity, usize, usize)> {
    let words = words(text);
    let mut best: Option<(Activity, usize, usize)> = None;
    for vocabulary in VOCABULARIES {
        let global = find_all(&words, vocabulary.not_any);
        for entry in vocabulary.activities {
            let mut masks: Vec<Match> = find_all(&words, entry.not);
            masks.extend_from_slice(&global);
            for m in unmasked(&words, entry.phrases, &masks) {
                let better = best.is_none_or(|(_, weight, start)| {
                    m.weight > weight || (m.weight == weight && m.start < start)
                });
                if better {
                    best = Some((entry.activity, m.weight, m.start));
                }
            }
        }
    }
    best
}

/// The activity a piece of text (a header, a row or an option label) is
/// about, if any: a grid header's row first, then the whole text.
pub fn recognise_activity(text: &str) -> Option<Activity> {
    split_grid(text)
        .and_then(|(_, row)| best_match(row))
        .or_else(|| best_match(text))
        .map(|(activity, _, _)| activity)
}

/// The activity of a column read as a whole (Likert): its name, then its
/// source headers.
fn recognise_column(column: &Column) -> Option<Activity> {
    std::iter::once(&column.name)
        .chain(&column.headers)
        .find_map(|h| recognise_activity(h))
}

/// A question (or one option of a `multi` question) about an activity.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivitySource {
    /// The column name.
    pub question: String,
    /// For a `multi` question, the option; null for the whole column.
    pub option: Option<String>,
    /// The activity.
    pub activity: Activity,
    /// True when it came from the caller's `activities` option.
    pub explicit: bool,
}

/// Which questions and options were recognised as about which activity.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Recognition {
    /// The questions and options about an activity, in column then option order.
    pub sources: Vec<ActivitySource>,
    /// Clustered or Likert questions about no recognised activity, in column order.
    pub unrecognised: Vec<String>,
    /// Questions and options worded like activity questions that match no
    /// activity.
    pub unmatched: Vec<Unmatched>,
}

/// A question, or one option of a `multi` question, that reads as about
/// getting involved but matches no activity.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Unmatched {
    /// The column name.
    pub question: String,
    /// For a `multi` question, the option; `null` for the whole column.
    pub option: Option<String>,
}

/// True when a column's wording (its headers or its scale's labels) is about
/// getting involved.
fn about_involvement(column: &Column) -> bool {
    let labels = column.scale.iter().flat_map(|s| &s.labels);
    std::iter::once(&column.name)
        .chain(&column.headers)
        .chain(labels)
        .any(|text| VOCABULARIES.iter().any(|v| mentions(text, v.involvement)))
}

/// True when an option is no answer ("None of these", "Other").
fn non_answer(option: &str) -> bool {
    let words = words(option);
    VOCABULARIES
        .iter()
        .any(|v| find_all(&words, v.non_answers).iter().any(|m| m.start == 0))
}

/// The Likert and `multi` questions (and options) worded like activity
/// questions ("how interested would you be", an interest or willingness
/// scale) that `recognition` did not map to an activity, in column then
/// option order: the review step lists them so the analyst can map them
/// with `activities`.
pub fn unmatched_activity_like(survey: &Survey, recognition: &Recognition) -> Vec<Unmatched> {
    let mapped = |question: &str, option: Option<&str>| {
        recognition.sources.iter().any(|s| {
            s.question == question && (s.option.is_none() || s.option.as_deref() == option)
        })
    };
    let mut out = Vec::new();
    for column in &survey.columns {
        if !matches!(column.kind, ColumnKind::Likert | ColumnKind::Multi)
            || !about_involvement(column)
        {
            continue;
        }
        match &column.options {
            Some(options) if column.kind == ColumnKind::Multi => {
                for option in options {
                    if !non_answer(option) && !mapped(&column.name, Some(option)) {
                        out.push(Unmatched {
                            question: column.name.clone(),
                            option: Some(option.clone()),
                        });
                    }
                }
            }
            _ if !mapped(&column.name, None) => out.push(Unmatched {
                question: column.name.clone(),
                option: None,
            }),
            _ => {}
        }
    }
    out
}

/// Maps the survey's questions to activities. `explicit` (column name →
/// activity) wins over recognition; `clustered` names the clustered questions.
/// Explicit names that are not columns are ignored here (the check of
/// [`engage`](super::engage) rejects them).
pub fn recognise(
    survey: &Survey,
    explicit: &BTreeMap<String, Activity>,
    clustered: &[String],
) -> Recognition {
    let mut out = Recognition::default();
    for column in &survey.columns {
        let before = out.sources.len();
        let source = |option: Option<&String>, activity, explicit| ActivitySource {
            question: column.name.clone(),
            option: option.cloned(),
            activity,
            explicit,
        };
        let given = explicit.get(&column.name).copied();
        match column.kind {
            ColumnKind::Likert | ColumnKind::Numeric => {
                let found = given.map(|a| (a, true)).or_else(|| {
                    if column.kind != ColumnKind::Likert {
                        return None;
                    }
                    recognise_column(column).map(|a| (a, false))
                });
                if let Some((activity, is_explicit)) = found {
                    out.sources.push(source(None, activity, is_explicit));
                }
            }
            ColumnKind::Multi => {
                for option in column.options.iter().flatten() {
                    let found = match given {
                        Some(a) => Some((a, true)),
                        None => recognise_activity(option).map(|a| (a, false)),
                    };
                    if let Some((activity, is_explicit)) = found {
                        out.sources
                            .push(source(Some(option), activity, is_explicit));
                    }
                }
            }
            ColumnKind::Categorical => {
                if let Some(activity) = given {
                    out.sources.push(source(None, activity, true));
                }
            }
            ColumnKind::Id | ColumnKind::Text | ColumnKind::Metadata => {}
        }
        let asked = column.kind == ColumnKind::Likert || clustered.contains(&column.name);
        if asked && out.sources.len() == before {
            out.unrecognised.push(column.name.clone());
        }
    }
    out.unmatched = unmatched_activity_like(survey, &out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::{Column, Values};

    #[test]
    fn headers_map_to_activities() {
        use Activity::*;
        let table: &[(&str, Option<Activity>)] = &[
            ("co_design", Some(CoDesign)),
            ("Co-design of services", Some(CoDesign)),
            ("CODESIGN", Some(CoDesign)),
            ("Design of services", Some(CoDesign)),
            ("Participatory budgeting", Some(CoPrioritisation)),
            ("Setting priorities for services", Some(CoPrioritisation)),
            ("Tenant inspectors", Some(CoAssessment)),
            ("evaluation", Some(CoAssessment)),
            ("Monitoring service quality", Some(CoAssessment)),
            ("co-monitoring and co-evaluation", Some(CoAssessment)),
            ("Volunteer", Some(CoPerforming)),
            ("Peer support groups", Some(CoPerforming)),
            ("Neighbourhood Watch", Some(CoPerforming)),
            ("Fundraising", Some(CoFinancing)),
            ("Paying more council tax", Some(CoFinancing)),
            ("School governors", Some(CoManagement)),
            ("Community management of assets", Some(CoManagement)),
            ("Planning", Some(CoPlanning)),
            ("Local policy", Some(CoPlanning)),
            ("co.planning", Some(CoPlanning)),
            (
                "Interest: co-performing (help deliver services)",
                Some(CoPerforming),
            ),
            ("Age band", None),
            ("Preferred channel", None),
            ("Syntax explanation", None),
        ];
        for &(header, expected) in table {
            assert_eq!(recognise_activity(header), expected, "{header}");
        }
    }

    fn column(name: &str, kind: ColumnKind, options: Option<Vec<&str>>, values: Values) -> Column {
        Column {
            name: name.into(),
            kind,
            missing: 0,
            scale: None,
            options: options.map(|o| o.into_iter().map(String::from).collect()),
            levels: None,
            headers: vec![],
            code: None,
            reason: None,
            other_of: None,
            values,
        }
    }

    #[test]
    fn explicit_mapping_wins_and_unrecognised_are_reported() {
        let survey = Survey {
            respondents: 0,
            columns: vec![
                column(
                    "q1 design",
                    ColumnKind::Likert,
                    None,
                    Values::Numbers(vec![].into()),
                ),
                column(
                    "q2",
                    ColumnKind::Likert,
                    None,
                    Values::Numbers(vec![].into()),
                ),
                column(
                    "q3",
                    ColumnKind::Likert,
                    None,
                    Values::Numbers(vec![].into()),
                ),
                column(
                    "ways",
                    ColumnKind::Multi,
                    Some(vec!["Volunteering", "Something else"]),
                    Values::Sets(vec![]),
                ),
                column(
                    "age",
                    ColumnKind::Numeric,
                    None,
                    Values::Numbers(vec![].into()),
                ),
            ],
            ..Survey::default()
        };
        let explicit = BTreeMap::from([("q1 design".to_string(), Activity::CoFinancing)]);
        let r = recognise(&survey, &explicit, &["age".to_string(), "q2".to_string()]);
        let got: Vec<(&str, Option<&str>, Activity, bool)> = r
            .sources
            .iter()
            .map(|s| {
                (
                    s.question.as_str(),
                    s.option.as_deref(),
                    s.activity,
                    s.explicit,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("q1 design", None, Activity::CoFinancing, true),
                ("ways", Some("Volunteering"), Activity::CoPerforming, false),
            ]
        );
        assert_eq!(r.unrecognised, ["q2", "q3", "age"]);
    }

    #[test]
    fn activity_like_questions_that_match_nothing_are_listed() {
        let mut interest = column(
            "Interest in coffee mornings",
            ColumnKind::Likert,
            None,
            Values::Numbers(vec![].into()),
        );
        interest.headers = vec!["Q4_2".into()];
        let mut trust = column(
            "Trust the council",
            ColumnKind::Likert,
            None,
            Values::Numbers(vec![].into()),
        );
        trust.scale = Some(crate::survey::Scale {
            min: 1.0,
            max: 2.0,
            labels: vec!["Disagree".into(), "Agree".into()],
        });
        let mut rated = column(
            "Q7",
            ColumnKind::Likert,
            None,
            Values::Numbers(vec![].into()),
        );
        rated.scale = Some(crate::survey::Scale {
            min: 1.0,
            max: 2.0,
            labels: vec!["Not willing".into(), "Very willing".into()],
        });
        let survey = Survey {
            respondents: 0,
            columns: vec![
                interest,
                trust,
                rated,
                column(
                    "co_design",
                    ColumnKind::Likert,
                    None,
                    Values::Numbers(vec![].into()),
                ),
                column(
                    "Which would you be willing to help with?",
                    ColumnKind::Multi,
                    Some(vec![
                        "Volunteering",
                        "Coffee mornings",
                        "None of these",
                        "Other (please specify)",
                    ]),
                    Values::Sets(vec![]),
                ),
            ],
            ..Survey::default()
        };
        let r = recognise(&survey, &BTreeMap::new(), &[]);
        assert_eq!(r.unmatched, unmatched_activity_like(&survey, &r));
        let unmatched = r.unmatched;
        let got: Vec<(&str, Option<&str>)> = unmatched
            .iter()
            .map(|u| (u.question.as_str(), u.option.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("Interest in coffee mornings", None),
                ("Q7", None),
                (
                    "Which would you be willing to help with?",
                    Some("Coffee mornings")
                ),
            ]
        );
    }
}
