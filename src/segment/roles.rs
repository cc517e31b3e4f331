//! Which columns a run clusters (the basis), profiles only (the descriptors)
//! and leaves out: the defaults of [`default_roles`], with the caller's
//! `basis` (or `columns`) and `descriptors` applied over them, each column
//! with the reason for its role.

use std::collections::BTreeSet;

use super::check::{kind_name, unknown_columns};
use super::error::SegmentError;
use super::options::SegmentOptions;
use crate::engage::{ColumnRole, Role, default_roles, recognise};
use crate::survey::{Column, ColumnKind, Survey};

/// The roles of a run's columns.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Roles {
    /// The basis, in survey order.
    pub basis: Vec<String>,
    /// Columns neither clustered nor profiled, in survey order.
    pub left_out: Vec<String>,
    /// Every column's role and reason, in survey order.
    pub roles: Vec<ColumnRole>,
}

/// What the caller chose: the basis (from `basis` or `columns`) and the
/// descriptors, each when given.
struct Chosen<'a> {
    basis: Option<BTreeSet<&'a str>>,
    descriptors: Option<BTreeSet<&'a str>>,
    weight_column: Option<&'a str>,
}

/// The roles of every column of `survey` under `options`. Unknown names,
/// a basis given twice in two ways, a column in both roles, and columns
/// that cannot be clustered or profiled are refused, naming the column.
pub(super) fn decide_roles(
    options: &SegmentOptions,
    survey: &Survey,
) -> Result<Roles, SegmentError> {
    let chosen = chosen(options, survey)?;
    let recognition = recognise(survey, &options.activities, &[]);
    let roles = default_roles(survey, &recognition)
        .into_iter()
        .zip(&survey.columns)
        .map(|(default, column)| role_of(default, column, &chosen))
        .collect::<Result<Vec<_>, _>>()?;
    let named = |role: Role| {
        roles
            .iter()
            .filter(|r| r.role == role)
            .map(|r| r.question.clone())
            .collect()
    };
    Ok(Roles {
        basis: named(Role::Basis),
        left_out: named(Role::LeftOut),
        roles,
    })
}

/// The caller's choices, checked against each other and the survey.
fn chosen<'a>(options: &'a SegmentOptions, survey: &Survey) -> Result<Chosen<'a>, SegmentError> {
    // Inserted one by one: collecting into a set would bring in another copy
    // of the standard library's sort.
    let set = |names: &'a Option<Vec<String>>| {
        names.as_ref().map(|n| {
            let mut set = BTreeSet::new();
            set.extend(n.iter().map(String::as_str));
            set
        })
    };
    if let Some(columns) = &options.columns {
        unknown_columns("columns", columns, survey)?;
    }
    if let Some(basis) = &options.basis {
        unknown_columns("basis", basis, survey)?;
    }
    if let Some(descriptors) = &options.descriptors {
        unknown_columns("descriptors", descriptors, survey)?;
    }
    let basis = match (set(&options.columns), set(&options.basis)) {
        (Some(columns), Some(basis)) if columns != basis => {
            return Err(SegmentError::ConflictingBasis {
                columns: columns.iter().map(|c| c.to_string()).collect(),
                basis: basis.iter().map(|c| c.to_string()).collect(),
            });
        }
        (columns, basis) => basis.or(columns),
    };
    let descriptors = set(&options.descriptors);
    if let (Some(b), Some(d)) = (&basis, &descriptors)
        && let Some(both) = b.intersection(d).next()
    {
        return Err(SegmentError::BasisAndDescriptor {
            column: both.to_string(),
        });
    }
    Ok(Chosen {
        basis,
        descriptors,
        weight_column: options.weight_column.as_deref(),
    })
}

/// One column's role: the caller's choice, else the default.
fn role_of(
    default: ColumnRole,
    column: &Column,
    chosen: &Chosen,
) -> Result<ColumnRole, SegmentError> {
    let name = column.name.as_str();
    let not_answers = matches!(
        column.kind,
        ColumnKind::Id | ColumnKind::Text | ColumnKind::Metadata
    );
    let set = |role: Role, reason: &str| {
        let reason = if role == default.role {
            default.reason.clone()
        } else {
            reason.to_string()
        };
        Ok(ColumnRole {
            question: default.question.clone(),
            role,
            reason,
        })
    };
    let in_basis = chosen.basis.as_ref().map(|b| b.contains(name));
    let in_descriptors = chosen.descriptors.as_ref().map(|d| d.contains(name));
    if in_basis == Some(true) {
        if not_answers {
            return Err(SegmentError::NotClusterable {
                column: column.name.clone(),
                kind: kind_name(column.kind),
            });
        }
        return set(Role::Basis, "chosen as basis");
    }
    if in_descriptors == Some(true) {
        if not_answers {
            return Err(SegmentError::NotProfilable {
                column: column.name.clone(),
                kind: kind_name(column.kind),
            });
        }
        return set(Role::Descriptor, "chosen as a descriptor");
    }
    if Some(name) == chosen.weight_column {
        return set(Role::LeftOut, "holds the respondent weights");
    }
    match (default.role, in_basis, in_descriptors) {
        (Role::LeftOut, _, _) => Ok(default),
        (_, Some(false), Some(false)) => set(Role::LeftOut, "in neither basis nor descriptors"),
        (Role::Basis, Some(false), None) => set(
            Role::Descriptor,
            "not in basis, so profiled as a descriptor",
        ),
        (Role::Descriptor, _, Some(false)) => set(Role::LeftOut, "not in descriptors"),
        _ => Ok(default),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::{ImportOptions, parse_survey};

    fn sample() -> Survey {
        let csv = include_bytes!("../../www/public/sample-survey.csv");
        parse_survey(csv, &ImportOptions::default()).expect("the sample parses")
    }

    fn names(list: &[&str]) -> Option<Vec<String>> {
        Some(list.iter().map(|s| s.to_string()).collect())
    }

    fn of(roles: &Roles, role: Role) -> Vec<&str> {
        roles
            .roles
            .iter()
            .filter(|r| r.role == role)
            .map(|r| r.question.as_str())
            .collect()
    }

    #[test]
    fn by_default_the_sample_clusters_on_its_basis_and_profiles_its_descriptors() {
        let roles = decide_roles(&SegmentOptions::default(), &sample()).unwrap();
        assert_eq!(roles.basis.len(), 8);
        assert!(
            roles
                .basis
                .iter()
                .all(|b| b.starts_with("co_") || b == "benefits")
        );
        assert_eq!(
            of(&roles, Role::Descriptor),
            ["age_band", "area", "preferred_channel"]
        );
        assert_eq!(roles.left_out, ["respondent_id", "comments"]);
        let reason = |q: &str| {
            let r = roles.roles.iter().find(|r| r.question == q).unwrap();
            r.reason.clone()
        };
        assert_eq!(reason("co_design"), "asks about co-design");
        assert_eq!(reason("preferred_channel"), "how people like to be reached");
    }

    #[test]
    fn a_basis_alone_makes_the_other_answers_descriptors() {
        let options = SegmentOptions {
            basis: names(&["co_design", "age_band"]),
            ..Default::default()
        };
        let roles = decide_roles(&options, &sample()).unwrap();
        assert_eq!(roles.basis, ["co_design", "age_band"]);
        let planning = &roles.roles[1];
        assert_eq!(
            (planning.role, planning.reason.as_str()),
            (
                Role::Descriptor,
                "not in basis, so profiled as a descriptor"
            )
        );
        assert_eq!(roles.roles[9].reason, "chosen as basis");
        assert_eq!(roles.left_out, ["respondent_id", "comments"]);
    }

    #[test]
    fn descriptors_alone_leave_the_other_descriptors_out() {
        let options = SegmentOptions {
            descriptors: names(&["area", "co_financing"]),
            ..Default::default()
        };
        let roles = decide_roles(&options, &sample()).unwrap();
        assert_eq!(roles.basis.len(), 7);
        assert!(!roles.basis.contains(&"co_financing".to_string()));
        assert_eq!(of(&roles, Role::Descriptor), ["co_financing", "area"]);
        assert_eq!(
            roles.left_out,
            ["respondent_id", "age_band", "preferred_channel", "comments"]
        );
    }

    #[test]
    fn basis_and_descriptors_together_leave_out_everything_else() {
        let options = SegmentOptions {
            basis: names(&["co_design"]),
            descriptors: names(&["area"]),
            ..Default::default()
        };
        let roles = decide_roles(&options, &sample()).unwrap();
        assert_eq!(roles.basis, ["co_design"]);
        assert_eq!(of(&roles, Role::Descriptor), ["area"]);
        assert_eq!(roles.left_out.len(), 11);
        assert_eq!(roles.roles[1].reason, "in neither basis nor descriptors");
    }

    #[test]
    fn columns_is_the_basis_and_must_agree_with_basis() {
        let same = SegmentOptions {
            columns: names(&["co_design", "co_planning"]),
            basis: names(&["co_planning", "co_design"]),
            ..Default::default()
        };
        assert_eq!(
            decide_roles(&same, &sample()).unwrap().basis,
            ["co_planning", "co_design"]
        );
        let differ = SegmentOptions {
            columns: names(&["co_design"]),
            basis: names(&["co_planning"]),
            ..Default::default()
        };
        let e = decide_roles(&differ, &sample()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "columns and basis both give the questions to cluster, but differ \
             (columns: co_design; basis: co_planning): give one of them"
        );
    }

    #[test]
    fn unknown_names_and_impossible_roles_are_refused_naming_the_column() {
        let refuse = |options: SegmentOptions| decide_roles(&options, &sample()).unwrap_err();
        let e = refuse(SegmentOptions {
            basis: names(&["co_design", "nope"]),
            ..Default::default()
        });
        assert_eq!(e.to_string(), "unknown column(s) in basis: nope");
        let e = refuse(SegmentOptions {
            descriptors: names(&["ward"]),
            ..Default::default()
        });
        assert_eq!(e.to_string(), "unknown column(s) in descriptors: ward");
        let e = refuse(SegmentOptions {
            basis: names(&["co_design", "area"]),
            descriptors: names(&["area"]),
            ..Default::default()
        });
        assert_eq!(
            e.to_string(),
            "column area is in both basis and descriptors: a column is clustered or profiled, not both"
        );
        let e = refuse(SegmentOptions {
            descriptors: names(&["comments"]),
            ..Default::default()
        });
        assert_eq!(
            e.to_string(),
            "column comments holds text answers, which cannot be profiled as a descriptor"
        );
        let e = refuse(SegmentOptions {
            basis: names(&["respondent_id"]),
            ..Default::default()
        });
        assert!(
            e.to_string().contains("column respondent_id holds id"),
            "{e}"
        );
    }
}
