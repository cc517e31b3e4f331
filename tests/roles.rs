//! Roles on the sample survey (issue 11): by default it is clustered on its
//! basis questions only (no descriptor), its descriptors are profiled and
//! say how to reach each segment, and the planted segments of
//! `scripts/make-sample.mjs` (recorded in `tests/fixtures/sample-planted.txt`)
//! are still recovered. The caller's `basis` and `descriptors` change what is
//! clustered and profiled.

use citizen_segments::engage::Role;
use citizen_segments::quality::adjusted_rand;
use citizen_segments::survey::{ImportOptions, Survey, parse_survey};
use citizen_segments::{SegmentOptions, Segmentation, segment};

const SAMPLE: &[u8] = include_bytes!("../www/public/sample-survey.csv");
const PLANTED: &str = include_str!("fixtures/sample-planted.txt");
const DESCRIPTORS: [&str; 3] = ["age_band", "area", "preferred_channel"];

fn sample() -> Survey {
    parse_survey(SAMPLE, &ImportOptions::default()).unwrap()
}

fn run(options: &str) -> Segmentation {
    let options: SegmentOptions = serde_json::from_str(options).unwrap();
    segment(&sample(), &options).unwrap()
}

fn with_role(result: &Segmentation, role: Role) -> Vec<&str> {
    result
        .roles
        .iter()
        .filter(|r| r.role == role)
        .map(|r| r.question.as_str())
        .collect()
}

#[test]
fn the_sample_is_clustered_on_its_basis_only_and_recovers_the_planted_segments() {
    let result = run(r#"{"stability": false}"#);
    let clustered: Vec<&str> = result
        .encoding
        .columns
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(clustered, with_role(&result, Role::Basis));
    for d in DESCRIPTORS {
        assert!(!clustered.contains(&d), "{d} was clustered: {clustered:?}");
    }
    assert_eq!(with_role(&result, Role::Descriptor), DESCRIPTORS);
    assert_eq!(
        with_role(&result, Role::LeftOut),
        ["respondent_id", "comments"]
    );
    // Descriptors are profiled (not clustered); left-out columns are not.
    let profiled: Vec<(&str, bool)> = result
        .profiles
        .overall
        .questions
        .iter()
        .map(|q| (q.question.as_str(), q.clustered))
        .collect();
    for d in DESCRIPTORS {
        assert!(profiled.contains(&(d, false)), "{d}: {profiled:?}");
    }
    assert!(profiled.iter().all(|(q, _)| *q != "comments"));

    let planted: Vec<usize> = PLANTED
        .trim()
        .split(',')
        .map(|x| x.parse().unwrap())
        .collect();
    let found: Vec<usize> = result.assignments.iter().map(|&a| a as usize).collect();
    assert!(result.assignments.iter().all(|&a| a >= 0));
    let ari = adjusted_rand(&planted, &found);
    eprintln!("k = {}, adjusted Rand {ari:.3}", result.k);
    assert_eq!(result.k, 4);
    assert!(ari >= 0.8, "adjusted Rand {ari:.3}");
    // Every brief names an activity and a way to reach the segment through
    // the descriptors, which are profiled though not clustered.
    for (b, s) in result.briefs.iter().zip(&result.segments) {
        assert!(
            b.headline.contains(b.lead.activity.short_name()),
            "{}",
            b.headline
        );
        assert!(b.reach.starts_with("Reach them through"), "{}", b.reach);
        assert!(
            b.descriptors
                .iter()
                .any(|d| d.question == "preferred_channel"),
            "{}: {:?}",
            s.name,
            b.descriptors
        );
    }
}

#[test]
fn the_callers_roles_decide_what_is_clustered_and_profiled() {
    let result = run(r#"{"k": 2, "stability": false, "restarts": 1,
            "basis": ["co_design", "co_assessment", "age_band"], "descriptors": ["area"]}"#);
    let clustered: Vec<&str> = result
        .encoding
        .columns
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(clustered, ["co_design", "co_assessment", "age_band"]);
    let profiled: Vec<&str> = result
        .profiles
        .overall
        .questions
        .iter()
        .map(|q| q.question.as_str())
        .collect();
    assert_eq!(profiled, ["co_design", "co_assessment", "age_band", "area"]);
    let channel = result
        .roles
        .iter()
        .find(|r| r.question == "preferred_channel");
    let channel = channel.unwrap();
    assert_eq!(channel.role, Role::LeftOut);
    assert_eq!(channel.reason, "in neither basis nor descriptors");
    for b in &result.briefs {
        assert!(
            b.descriptors
                .iter()
                .all(|d| d.question != "preferred_channel"),
            "{:?}",
            b.descriptors
        );
    }
}
