//! The activity vocabulary against phrasings as real surveys word them: each
//! of the seven activities several ways (the four the issue quotes among
//! them), grid questions with their stem, and near misses that must match
//! nothing (or not the tempting activity).

use citizen_segments::engage::{Activity, recognise_activity, split_grid};

use Activity::*;

/// (phrasing, the activity it is about or `None`).
const PHRASINGS: &[(&str, Option<Activity>)] = &[
    // The four phrasings of issue 11.
    (
        "Helping to decide spending priorities (participatory budgeting)",
        Some(CoPrioritisation),
    ),
    (
        "Helping to run services or community buildings",
        Some(CoManagement),
    ),
    (
        "Volunteering to deliver services (e.g. befriending, litter picks)",
        Some(CoPerforming),
    ),
    ("Helping to check and review services", Some(CoAssessment)),
    // Co-planning.
    ("Having a say in plans for your area", Some(CoPlanning)),
    ("Community planning events", Some(CoPlanning)),
    ("Taking part in a citizens' assembly", Some(CoPlanning)),
    ("Helping to shape local policies", Some(CoPlanning)),
    ("Helping to write the neighbourhood plan", Some(CoPlanning)),
    ("co_planning", Some(CoPlanning)),
    (
        "Influencing decisions about the future of the town centre",
        Some(CoPlanning),
    ),
    // Co-prioritisation.
    (
        "Deciding how money is spent in your neighbourhood",
        Some(CoPrioritisation),
    ),
    (
        "Voting on which local projects get funding",
        Some(CoPrioritisation),
    ),
    (
        "Setting priorities for council services",
        Some(CoPrioritisation),
    ),
    (
        "Managing a personal budget for your care",
        Some(CoPrioritisation),
    ),
    ("Co-prioritisation of services", Some(CoPrioritisation)),
    (
        "Choosing which projects the ward budget supports",
        Some(CoPrioritisation),
    ),
    // Co-financing.
    ("Contributing money to a local project", Some(CoFinancing)),
    ("Fundraising for your local park", Some(CoFinancing)),
    (
        "Paying towards the cost of services you use",
        Some(CoFinancing),
    ),
    (
        "Paying a little more council tax to protect services",
        Some(CoFinancing),
    ),
    (
        "Donating to a community crowdfunding campaign",
        Some(CoFinancing),
    ),
    (
        "Agreeing to tax increases for better services",
        Some(CoFinancing),
    ),
    ("co-funding", Some(CoFinancing)),
    // Co-design.
    ("Helping to design or test new services", Some(CoDesign)),
    ("Joining a user panel", Some(CoDesign)),
    (
        "Taking part in workshops to improve services",
        Some(CoDesign),
    ),
    ("Testing a new website before it goes live", Some(CoDesign)),
    ("Service design labs", Some(CoDesign)),
    ("Being consulted on changes to services", Some(CoDesign)),
    ("Customer journey mapping sessions", Some(CoDesign)),
    // Co-management.
    ("Running a community centre", Some(CoManagement)),
    (
        "Managing a local library with other residents",
        Some(CoManagement),
    ),
    ("Becoming a school governor", Some(CoManagement)),
    (
        "Serving as a trustee of a local charity",
        Some(CoManagement),
    ),
    (
        "Taking over a community building (asset transfer)",
        Some(CoManagement),
    ),
    (
        "Sitting on the management committee of the leisure centre",
        Some(CoManagement),
    ),
    // Co-performing.
    ("Volunteering at your local library", Some(CoPerforming)),
    ("Helping out at community events", Some(CoPerforming)),
    ("Befriending older people", Some(CoPerforming)),
    ("Joining a peer support group", Some(CoPerforming)),
    ("Neighbourhood Watch", Some(CoPerforming)),
    ("Litter picks in your street", Some(CoPerforming)),
    ("Helping to deliver meals on wheels", Some(CoPerforming)),
    (
        "Looking after a neighbour who needs help",
        Some(CoPerforming),
    ),
    // Co-assessment.
    (
        "Checking the quality of services as a mystery shopper",
        Some(CoAssessment),
    ),
    ("Becoming a tenant inspector", Some(CoAssessment)),
    ("Rating services online", Some(CoAssessment)),
    (
        "Monitoring how well contractors perform",
        Some(CoAssessment),
    ),
    ("Evaluating a new service after a year", Some(CoAssessment)),
    (
        "Reviewing services with other residents",
        Some(CoAssessment),
    ),
    (
        "Giving feedback on services you have used",
        Some(CoAssessment),
    ),
    ("Inspecting housing repairs", Some(CoAssessment)),
    // Grid questions, as a tool writes their columns.
    (
        "How interested would you be in each of the following? [Helping to decide spending priorities (participatory budgeting)]",
        Some(CoPrioritisation),
    ),
    (
        "How interested would you be in helping the council plan and deliver services? - Helping to check and review services",
        Some(CoAssessment),
    ),
    (
        "Which of these would you like to get involved in?: Helping to run services or community buildings",
        Some(CoManagement),
    ),
    // Near misses: look like an activity, are not about one.
    ("Age band", None),
    ("Preferred channel", None),
    ("Syntax explanation", None),
    ("How would you rate your local park?", None),
    (
        "How satisfied are you with the way the council runs things?",
        None,
    ),
    (
        "Have you applied for planning permission in the last year?",
        None,
    ),
    ("Council tax band", None),
    ("Less need for public funding", None),
    ("Better, more realistic services", None),
    ("Reassurance that services will last", None),
    ("Social capital and cohesion", None),
    ("More satisfied residents", None),
    ("How many hours a week do you spend online?", None),
    ("Do you plan to move house in the next year?", None),
    ("Crime rate in your area", None),
    ("The council should cut taxes", None),
    ("How well managed is your local park?", None),
    ("I would like to have a blood test at my GP", None),
    ("How much do you trust the council?", None),
    ("Quality of life in your area", None),
    ("Have you ever run out of money before payday?", None),
    ("Which designated parking zone do you live in?", None),
    ("Number of managers in your household", None),
    ("rate_marriage", None),
    ("How would you rate your health?", None),
];

#[test]
fn real_world_phrasings_are_recognised() {
    assert!(PHRASINGS.len() >= 60, "{} phrasings", PHRASINGS.len());
    for activity in Activity::ALL {
        let n = PHRASINGS
            .iter()
            .filter(|(_, a)| *a == Some(activity))
            .count();
        assert!(n >= 5, "{activity:?}: {n} phrasings");
    }
    assert!(PHRASINGS.iter().filter(|(_, a)| a.is_none()).count() >= 15);
    let wrong: Vec<String> = PHRASINGS
        .iter()
        .filter_map(|&(text, expected)| {
            let got = recognise_activity(text);
            (got != expected).then(|| format!("{text:?}: got {got:?}, want {expected:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn grid_headers_split_into_stem_and_row() {
    assert_eq!(split_grid("Jog [Spring]"), Some(("Jog", "Spring")));
    assert_eq!(split_grid("Q1 - Helping out"), Some(("Q1", "Helping out")));
    assert_eq!(
        split_grid("Interest: co-design"),
        Some(("Interest", "co-design"))
    );
    assert_eq!(split_grid("Age band"), None);
}
