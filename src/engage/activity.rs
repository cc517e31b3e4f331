//! The seven co-production activities citizens can take part in, with their
//! family and the engagement approaches the typology pairs with each one
//! (see `DOMAIN.md`).

use serde::{Deserialize, Serialize};

/// One of the seven co-production activities a survey asks about.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Activity {
    /// Co-planning of policy.
    CoPlanning,
    /// Co-prioritisation of services.
    CoPrioritisation,
    /// Co-financing of services.
    CoFinancing,
    /// Co-design of services.
    CoDesign,
    /// Co-management of services.
    CoManagement,
    /// Co-performing (co-delivery) of services.
    CoPerforming,
    /// Co-monitoring and co-evaluation of services.
    CoAssessment,
}

/// The family an [`Activity`] belongs to.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Family {
    /// Co-planning, co-prioritisation and co-financing.
    CoCommissioning,
    /// Co-design.
    CoDesign,
    /// Co-management and co-performing.
    CoDelivery,
    /// Co-monitoring and co-evaluation.
    CoAssessment,
}

impl Family {
    /// The readable name, e.g. `"co-commissioning"`.
    pub fn name(self) -> &'static str {
        match self {
            Family::CoCommissioning => "co-commissioning",
            Family::CoDesign => "co-design",
            Family::CoDelivery => "co-delivery",
            Family::CoAssessment => "co-assessment",
        }
    }
}

impl Activity {
    /// All seven, in the typology's order.
    pub const ALL: [Activity; 7] = [
        Activity::CoPlanning,
        Activity::CoPrioritisation,
        Activity::CoFinancing,
        Activity::CoDesign,
        Activity::CoManagement,
        Activity::CoPerforming,
        Activity::CoAssessment,
    ];

    /// The family the activity belongs to.
    pub fn family(self) -> Family {
        match self {
            Activity::CoPlanning | Activity::CoPrioritisation | Activity::CoFinancing => {
                Family::CoCommissioning
            }
            Activity::CoDesign => Family::CoDesign,
            Activity::CoManagement | Activity::CoPerforming => Family::CoDelivery,
            Activity::CoAssessment => Family::CoAssessment,
        }
    }

    /// The typology's readable name, e.g. `"co-design of services"`.
    pub fn name(self) -> &'static str {
        match self {
            Activity::CoPlanning => "co-planning of policy",
            Activity::CoPrioritisation => "co-prioritisation of services",
            Activity::CoFinancing => "co-financing of services",
            Activity::CoDesign => "co-design of services",
            Activity::CoManagement => "co-management of services",
            Activity::CoPerforming => "co-performing of services",
            Activity::CoAssessment => "co-monitoring and co-evaluation",
        }
    }

    /// The short name used in sentences, e.g. `"co-design"`.
    pub fn short_name(self) -> &'static str {
        match self {
            Activity::CoPlanning => "co-planning",
            Activity::CoPrioritisation => "co-prioritisation",
            Activity::CoFinancing => "co-financing",
            Activity::CoDesign => "co-design",
            Activity::CoManagement => "co-management",
            Activity::CoPerforming => "co-performing",
            Activity::CoAssessment => "co-assessment",
        }
    }

    /// What to call the people keen on this activity, plural and capitalised
    /// (segment names are built from these).
    pub fn people(self) -> &'static str {
        match self {
            Activity::CoPlanning => "Co-planners",
            Activity::CoPrioritisation => "Co-prioritisers",
            Activity::CoFinancing => "Co-funders",
            Activity::CoDesign => "Co-designers",
            Activity::CoManagement => "Co-managers",
            Activity::CoPerforming => "Community doers",
            Activity::CoAssessment => "Co-assessors",
        }
    }

    /// The approach that asks least of people new to the activity: the one to
    /// offer a segment that is not (yet) keen on any activity. One of
    /// [`Activity::approaches`].
    pub fn lowest_barrier(self) -> &'static str {
        match self {
            Activity::CoPlanning => "Open Space events",
            Activity::CoPrioritisation => "participatory budgeting",
            Activity::CoFinancing => "fundraising",
            Activity::CoDesign => "user consultation",
            Activity::CoManagement => "school governors",
            Activity::CoPerforming => "Neighbourhood Watch",
            Activity::CoAssessment => "online user ratings",
        }
    }

    /// The engagement approaches the typology pairs with the activity.
    pub fn approaches(self) -> &'static [&'static str] {
        match self {
            Activity::CoPlanning => &[
                "deliberative participation",
                "Planning for Real",
                "Open Space events",
            ],
            Activity::CoPrioritisation => &["individual budgets", "participatory budgeting"],
            Activity::CoFinancing => &["fundraising", "charges", "agreeing to tax increases"],
            Activity::CoDesign => &[
                "user consultation",
                "service design labs",
                "customer journey mapping",
            ],
            Activity::CoManagement => &[
                "leisure centre trusts",
                "community management of public assets",
                "school governors",
            ],
            Activity::CoPerforming => &[
                "peer support groups (expert patients)",
                "family partnerships",
                "meals-on-wheels",
                "Neighbourhood Watch",
            ],
            Activity::CoAssessment => &[
                "tenant inspectors",
                "online user ratings",
                "participatory village appraisals",
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_follow_the_typology() {
        let families: Vec<&str> = Activity::ALL.iter().map(|a| a.family().name()).collect();
        assert_eq!(
            families,
            [
                "co-commissioning",
                "co-commissioning",
                "co-commissioning",
                "co-design",
                "co-delivery",
                "co-delivery",
                "co-assessment"
            ]
        );
        assert!(Activity::ALL.iter().all(|a| !a.approaches().is_empty()));
        assert!(
            Activity::ALL
                .iter()
                .all(|a| a.approaches().contains(&a.lowest_barrier()))
        );
    }

    #[test]
    fn serialises_in_camel_case() {
        assert_eq!(
            serde_json::to_string(&Activity::CoDesign).unwrap(),
            "\"coDesign\""
        );
        let a: Activity = serde_json::from_str("\"coAssessment\"").unwrap();
        assert_eq!(a, Activity::CoAssessment);
    }
}
