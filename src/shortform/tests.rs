//! The short form end to end on tiny fixtures.

use std::collections::BTreeMap;

use super::*;
use crate::testing::{categorical, likert, multi, survey, text};

const HOSTILE: &str = "<img src=x onerror=alert(1)>";

/// 24 respondents in 2 segments: `area` tells the segment (N, S → 0; E → 1),
/// `interest` is noise, `comments` is free text.
fn fixture(area_name: &str) -> (crate::survey::Survey, Vec<i32>) {
    let n = 24;
    let assignments: Vec<i32> = (0..n).map(|i| i32::from(i % 3 == 2)).collect();
    let areas: Vec<Option<u32>> = (0..n).map(|i| Some((i % 3) as u32)).collect();
    let interest: Vec<Option<f64>> = (0..n).map(|i| Some(((i * 7) % 5 + 1) as f64)).collect();
    let ticks: Vec<Option<Vec<u32>>> = (0..n)
        .map(|i| {
            if i % 4 == 0 {
                None
            } else {
                Some(vec![(i % 2) as u32])
            }
        })
        .collect();
    let comments: Vec<Option<&str>> = (0..n).map(|_| Some("hello")).collect();
    let s = survey(vec![
        likert("interest", &interest, 1.0, 5.0),
        categorical(area_name, &["N", "S", HOSTILE], &areas),
        multi("benefits", &["Cohesion", "Outcomes"], &ticks),
        text("comments", &comments),
    ]);
    (s, assignments)
}

fn segments() -> Vec<FormSegment> {
    vec![
        FormSegment {
            id: 0,
            name: "Planners".into(),
            headline: "Keen on co-planning.".into(),
            activities: vec![Offer {
                activity: "co-planning of policy".into(),
                approaches: vec!["Open Space events".into()],
            }],
        },
        FormSegment {
            id: 1,
            name: HOSTILE.into(),
            headline: HOSTILE.into(),
            activities: Vec::new(),
        },
    ]
}

fn options(json: &str) -> ShortFormOptions {
    serde_json::from_str(json).unwrap()
}

fn answers(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn the_telling_question_is_chosen_and_scored() {
    let (s, a) = fixture("area");
    let form = short_form_for(&s, &a, segments(), 11, &options(r#"{"folds": 3}"#)).unwrap();
    let columns: Vec<&str> = form.questions.iter().map(|q| q.column.as_str()).collect();
    assert_eq!(columns, ["area"]);
    assert_eq!(form.questions[0].options, ["N", "S", HOSTILE]);
    assert!(form.chosen);
    assert_eq!(form.seed, 11);
    assert_eq!(form.accuracy.folds, 3);
    assert_eq!(form.accuracy.respondents, 24);
    assert_eq!(form.accuracy.overall, 1.0);
    let recall: Vec<(u32, u32, Option<f64>)> = form
        .accuracy
        .segments
        .iter()
        .map(|r| (r.segment, r.respondents, r.recall))
        .collect();
    assert_eq!(recall, [(0, 16, Some(1.0)), (1, 8, Some(1.0))]);
    assert_eq!(form.rules.len(), 3);
    assert_eq!(form.rules[0].conditions, ["area is \"N\" or \"S\""]);
    let get = |pairs: &[(&str, &str)]| assign_short_form(&form, &answers(pairs)).unwrap();
    assert_eq!(get(&[("area", "s")]).segment, 0);
    let hostile = get(&[("area", HOSTILE)]);
    assert_eq!((hostile.segment, hostile.name.as_str()), (1, HOSTILE));
    // Nobody skipped `area` in training: the majority.
    assert_eq!(get(&[("area", "")]).segment, 0);
    assert_eq!(get(&[]).segment, 0);
}

#[test]
fn caller_questions_are_scored_in_their_order() {
    let (s, a) = fixture("area");
    let form = short_form_for(
        &s,
        &a,
        segments(),
        11,
        &options(r#"{"questions": ["benefits", "interest"], "folds": 4}"#),
    )
    .unwrap();
    assert!(!form.chosen);
    let columns: Vec<&str> = form.questions.iter().map(|q| q.column.as_str()).collect();
    assert_eq!(columns, ["benefits", "interest"]);
    assert!(form.accuracy.overall < 1.0);
    assert_eq!(form.questions[1].values, [1.0, 2.0, 3.0, 4.0, 5.0]);
    // Every answer combination reaches a segment.
    for b in ["", "Cohesion", "Outcomes;Cohesion"] {
        for i in ["", "1", "5"] {
            let r =
                assign_short_form(&form, &answers(&[("benefits", b), ("interest", i)])).unwrap();
            assert!(r.segment < 2);
        }
    }
    // A grouped multi-select can also be answered by its tick columns.
    let by_ticks = assign_short_form(&form, &answers(&[("benefits: Outcomes", "1")])).unwrap();
    let by_list = assign_short_form(&form, &answers(&[("benefits", "Outcomes")])).unwrap();
    assert_eq!(by_ticks, by_list);
}

#[test]
fn deterministic_for_a_seed_and_plain_data() {
    let (s, a) = fixture("area");
    let o = options(r#"{"maxQuestions": 2, "folds": 3}"#);
    let one = short_form_for(&s, &a, segments(), 5, &o).unwrap();
    let two = short_form_for(&s, &a, segments(), 5, &o).unwrap();
    assert_eq!(one, two);
    let json = serde_json::to_string(&one).unwrap();
    assert!(json.contains("\"accuracy\":{\"folds\":3,\"respondents\":24,"));
    assert!(json.contains("\"questions\":[{\"column\":\"area\""));
    let back: ShortForm = serde_json::from_str(&json).unwrap();
    assert_eq!(back, one);
}

#[test]
fn bad_answers_and_forms_are_errors() {
    let (s, a) = fixture("area");
    let form = short_form_for(&s, &a, segments(), 1, &options(r#"{"folds": 3}"#)).unwrap();
    let err = |pairs: &[(&str, &str)]| assign_short_form(&form, &answers(pairs)).unwrap_err();
    assert!(matches!(
        err(&[("area", "West")]),
        ShortFormError::UnknownAnswer { .. }
    ));
    assert_eq!(
        err(&[("aera", "N")]).to_string(),
        "the short form does not ask \"aera\" (its questions are \"area\")"
    );
    let mut broken = form.clone();
    broken.tree = vec![TreeNode::Split {
        test: Test::Ticked {
            question: 3,
            option: 0,
        },
        yes: 0,
        no: 0,
        missing: 0,
    }];
    assert!(matches!(
        assign_short_form(&broken, &BTreeMap::new()),
        Err(ShortFormError::InvalidShortForm(_))
    ));
    broken.tree = vec![TreeNode::Leaf {
        segment: 9,
        respondents: 0,
    }];
    assert!(matches!(
        assign_short_form(&broken, &BTreeMap::new()),
        Err(ShortFormError::InvalidShortForm(_))
    ));
    assert_eq!(
        short_form_for(&s, &a[1..], segments(), 1, &ShortFormOptions::default()),
        Err(ShortFormError::Mismatch {
            assignments: 23,
            respondents: 24
        })
    );
    let none = vec![-1; 24];
    assert_eq!(
        short_form_for(&s, &none, segments(), 1, &ShortFormOptions::default()),
        Err(ShortFormError::TooFewRespondents {
            folds: 5,
            respondents: 0
        })
    );
}

#[test]
fn the_page_escapes_user_text_and_allows_nothing_from_elsewhere() {
    let (s, a) = fixture(HOSTILE);
    let form = short_form_for(&s, &a, segments(), 1, &options(r#"{"folds": 3}"#)).unwrap();
    assert_eq!(form.questions[0].column, HOSTILE);
    let html = &form.html;
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("<legend>&lt;img src=x onerror=alert(1)&gt;</legend>"));
    assert!(html.contains("\\u003cimg src=x onerror=alert(1)\\u003e"));
    assert_eq!(html.matches("<script").count(), 2);
    assert!(!html.contains("http:") && !html.contains("https:") && !html.contains("src=\""));
    let csp_start = html.find("Content-Security-Policy\" content=\"").unwrap();
    let csp = &html[csp_start..html[csp_start..].find("\">").unwrap() + csp_start];
    assert!(csp.contains("default-src 'none'; script-src 'sha256-"));
    assert!(!csp.contains("unsafe"));
    // The hashes are those of the inline script and style as written.
    let inline = |open: &str, close: &str| {
        let start = html.rfind(open).unwrap() + open.len();
        &html[start..start + html[start..].find(close).unwrap()]
    };
    assert!(csp.contains(&hash::csp_hash(inline("<script>", "</script>"))));
    assert!(csp.contains(&hash::csp_hash(inline("<style>", "</style>"))));
}

#[test]
fn the_page_is_rendered_again_from_an_edited_form() {
    let (s, a) = fixture("area");
    let mut form = short_form_for(&s, &a, segments(), 1, &options(r#"{"folds": 3}"#)).unwrap();
    assert_eq!(short_form_html(&form), form.html);
    form.questions[0].text = "Where do you live?".into();
    let html = short_form_html(&form);
    assert!(html.contains("<legend>Where do you live?</legend>"));
    assert!(html.contains("This form of 1 question puts 10 in 10 people"));
}
