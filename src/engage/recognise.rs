//! Which questions are about which activity, recognised from column names and
//! multi-choice option labels, with the caller's explicit mapping winning.
//!
//! Rules (case- and punctuation-insensitive: text is lower-cased and every run
//! of non-alphanumeric characters becomes one space, so `co_design`,
//! `Co-design` and `CO DESIGN` read alike):
//! 1. an explicit "co-" form wins (`co design`, `codesign`, `co monitoring`, ...);
//! 2. otherwise the first activity, in the order co-assessment, co-prioritisation,
//!    co-financing, co-performing, co-management, co-design, co-planning, with a
//!    keyword at the start of a word (`evaluat` matches "evaluation", `tax`
//!    does not match "syntax").
//!
//! Likert columns are recognised by their name (and source headers); `multi`
//! columns option by option. Numeric and categorical columns are only mapped
//! explicitly. An explicit mapping names a column and applies to the whole
//! column (every option of a `multi`).

use std::collections::BTreeMap;

use serde::Serialize;

use super::activity::Activity;
use crate::survey::{ColumnKind, Survey};

/// Explicit "co-" forms, checked first.
const CO_FORMS: &[(&str, Activity)] = &[
    ("co plan", Activity::CoPlanning),
    ("coplan", Activity::CoPlanning),
    ("co priorit", Activity::CoPrioritisation),
    ("copriorit", Activity::CoPrioritisation),
    ("co financ", Activity::CoFinancing),
    ("cofinanc", Activity::CoFinancing),
    ("co fund", Activity::CoFinancing),
    ("cofund", Activity::CoFinancing),
    ("co design", Activity::CoDesign),
    ("codesign", Activity::CoDesign),
    ("co manag", Activity::CoManagement),
    ("comanag", Activity::CoManagement),
    ("co perform", Activity::CoPerforming),
    ("coperform", Activity::CoPerforming),
    ("co deliver", Activity::CoPerforming),
    ("codeliver", Activity::CoPerforming),
    ("co assess", Activity::CoAssessment),
    ("coassess", Activity::CoAssessment),
    ("co monitor", Activity::CoAssessment),
    ("comonitor", Activity::CoAssessment),
    ("co evaluat", Activity::CoAssessment),
    ("coevaluat", Activity::CoAssessment),
];

/// Keywords, each matched at the start of a word, checked in this order.
const KEYWORDS: &[(&str, Activity)] = &[
    ("tenant inspector", Activity::CoAssessment),
    ("evaluat", Activity::CoAssessment),
    ("monitor", Activity::CoAssessment),
    ("assess", Activity::CoAssessment),
    ("inspect", Activity::CoAssessment),
    ("rating", Activity::CoAssessment),
    ("rate ", Activity::CoAssessment),
    ("apprais", Activity::CoAssessment),
    ("participatory budget", Activity::CoPrioritisation),
    ("individual budget", Activity::CoPrioritisation),
    ("personal budget", Activity::CoPrioritisation),
    ("priorit", Activity::CoPrioritisation),
    ("budget", Activity::CoPrioritisation),
    ("fundrais", Activity::CoFinancing),
    ("crowdfund", Activity::CoFinancing),
    ("financ", Activity::CoFinancing),
    ("fund", Activity::CoFinancing),
    ("donat", Activity::CoFinancing),
    ("tax", Activity::CoFinancing),
    ("charge", Activity::CoFinancing),
    ("volunteer", Activity::CoPerforming),
    ("peer support", Activity::CoPerforming),
    ("neighbourhood watch", Activity::CoPerforming),
    ("neighborhood watch", Activity::CoPerforming),
    ("meals on wheels", Activity::CoPerforming),
    ("family partnership", Activity::CoPerforming),
    ("expert patient", Activity::CoPerforming),
    ("befriend", Activity::CoPerforming),
    ("mentor", Activity::CoPerforming),
    ("deliver", Activity::CoPerforming),
    ("school governor", Activity::CoManagement),
    ("governor", Activity::CoManagement),
    ("community management", Activity::CoManagement),
    ("leisure centre trust", Activity::CoManagement),
    ("manag", Activity::CoManagement),
    ("run ", Activity::CoManagement),
    ("running", Activity::CoManagement),
    ("design", Activity::CoDesign),
    ("consultation", Activity::CoDesign),
    ("journey mapping", Activity::CoDesign),
    ("planning", Activity::CoPlanning),
    ("plan", Activity::CoPlanning),
    ("policy", Activity::CoPlanning),
    ("policies", Activity::CoPlanning),
    ("deliberat", Activity::CoPlanning),
    ("open space", Activity::CoPlanning),
    ("citizens assembl", Activity::CoPlanning),
    ("citizens jur", Activity::CoPlanning),
];

/// Lower-cases and turns every run of non-alphanumerics into one space, with a
/// space at each end so keywords can be matched at word starts.
fn normalise(text: &str) -> String {
    let mut out = String::from(" ");
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// The activity a piece of text (a header or an option label) is about, if any.
pub fn recognise_activity(text: &str) -> Option<Activity> {
    let text = normalise(text);
    let at_word_start = |kw: &str| text.contains(&format!(" {kw}"));
    CO_FORMS
        .iter()
        .chain(KEYWORDS)
        .find(|(kw, _)| at_word_start(kw))
        .map(|&(_, activity)| activity)
}

/// A question (or one option of a `multi` question) about an activity.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivitySource {
    /// The column name.
    pub question: String,
    /// For a `multi` question, the option; `None` for the whole column.
    pub option: Option<String>,
    /// The activity.
    pub activity: Activity,
    /// True when it came from the caller's `activities` option.
    pub explicit: bool,
}

/// What [`recognise`] found.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Recognition {
    /// The questions and options about an activity, in column then option order.
    pub sources: Vec<ActivitySource>,
    /// Clustered or Likert questions about no recognised activity, in column order.
    pub unrecognised: Vec<String>,
}

/// Maps the survey's questions to activities. `explicit` (column name →
/// activity) wins over recognition; `clustered` names the clustered questions.
/// Explicit names that are not columns are ignored here (the profile options
/// check rejects them).
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
                    std::iter::once(&column.name)
                        .chain(&column.headers)
                        .find_map(|t| recognise_activity(t))
                        .map(|a| (a, false))
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
                    Values::Numbers(vec![]),
                ),
                column("q2", ColumnKind::Likert, None, Values::Numbers(vec![])),
                column("q3", ColumnKind::Likert, None, Values::Numbers(vec![])),
                column(
                    "ways",
                    ColumnKind::Multi,
                    Some(vec!["Volunteering", "Something else"]),
                    Values::Sets(vec![]),
                ),
                column("age", ColumnKind::Numeric, None, Values::Numbers(vec![])),
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
}
