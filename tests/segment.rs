//! The segmentation engine from the outside: `segment`, the model and `assign`.

use citizen_segments::cluster::{ClusterError, partial_sq_distance};
use citizen_segments::export::{assignment_csv, run_assignments_csv};
use citizen_segments::survey::{Survey, WarningCode};
use citizen_segments::testing::{categorical, likert, multi, numeric, survey};
use citizen_segments::{KChoice, SegmentError, SegmentOptions, assign, segment};
use ndarray::Array1;

/// Three well-separated groups of 4 respondents on three Likert items and a
/// categorical question; respondent 12 answers nothing.
fn three_groups() -> Survey {
    let groups = [[1.0, 1.0, 5.0], [5.0, 5.0, 1.0], [3.0, 1.0, 1.0]];
    let mut cols: [Vec<Option<f64>>; 3] = Default::default();
    let mut area = Vec::new();
    for (g, centre) in groups.iter().enumerate() {
        for r in 0..4 {
            for (q, c) in centre.iter().enumerate() {
                let jitter = if (r + q) % 3 == 0 && *c < 5.0 {
                    1.0
                } else {
                    0.0
                };
                cols[q].push(Some(c + jitter));
            }
            area.push(Some(g as u32));
        }
    }
    for c in &mut cols {
        c.push(None);
    }
    area.push(None);
    survey(vec![
        likert("planning", &cols[0], 1.0, 5.0),
        likert("budgeting", &cols[1], 1.0, 5.0),
        likert("peer_support", &cols[2], 1.0, 5.0),
        categorical("area", &["north", "south", "east"], &area),
    ])
}

/// Every column's name, to cluster on all of them.
fn every_question(s: &Survey) -> Vec<String> {
    s.columns.iter().map(|c| c.name.clone()).collect()
}

fn fixed(k: u32) -> SegmentOptions {
    SegmentOptions {
        k: KChoice::Fixed(k),
        stability_runs: 2,
        restarts: Some(3),
        ..Default::default()
    }
}

#[test]
fn finds_the_three_groups_and_reports_true_facts() {
    let s = three_groups();
    let seg = segment(&s, &fixed(3)).unwrap();
    let a = &seg.assignments;
    for g in 0..3 {
        assert!((0..4).all(|r| a[g * 4 + r] == a[g * 4]), "{a:?}");
    }
    assert_ne!(a[0], a[4]);
    assert_ne!(a[4], a[8]);
    assert_eq!(a[12], -1);
    assert_eq!(seg.unassigned, 1);
    assert!(
        seg.warnings
            .iter()
            .any(|w| w.code == WarningCode::NoAnswers)
    );
    assert_eq!(seg.segments.iter().map(|s| s.size).sum::<u32>(), 12);
    assert!((seg.segments.iter().map(|s| s.share).sum::<f64>() - 1.0).abs() < 1e-12);
    assert!(seg.converged);

    // Centroids are exact means of their members, every respondent is
    // nearest their own centroid, and inertia is the sum of squared distances.
    let data = seg.encoding.apply(&s).unwrap();
    let p = seg.encoding.features.len();
    let mut inertia = 0.0;
    for (j, c) in seg.centroids.iter().enumerate() {
        let members: Vec<usize> = (0..12).filter(|&i| a[i] == j as i32).collect();
        for f in 0..p {
            let mean = members.iter().map(|&i| data[[i, f]]).sum::<f64>() / members.len() as f64;
            assert!((mean - c[f]).abs() < 1e-12);
        }
    }
    for i in 0..12 {
        let d: Vec<f64> = seg
            .centroids
            .iter()
            .map(|c| partial_sq_distance(data.row(i), Array1::from(c.clone()).view()).unwrap())
            .collect();
        let own = d[a[i] as usize];
        assert!(d.iter().all(|&x| own <= x));
        inertia += own;
    }
    assert!((inertia - seg.inertia).abs() < 1e-9);
    let st = seg.stability.as_ref().unwrap();
    assert_eq!(st.ari_seeds, vec![1.0, 1.0]);
    assert_eq!(seg.segments[0].stability, Some(1.0));
    assert_eq!(seg.projection.points.len(), 13);
    assert_eq!(seg.projection.centroids.len(), 3);
}

#[test]
fn auto_chooses_three() {
    let seg = segment(
        &three_groups(),
        &SegmentOptions {
            k_max: 5,
            restarts: Some(3),
            stability: false,
            ..Default::default()
        },
    )
    .unwrap();
    let scan = seg.k_scan.as_ref().unwrap();
    assert_eq!(scan.chosen, 3);
    assert_eq!(seg.k, 3);
    assert_eq!(
        scan.entries.iter().map(|e| e.k).collect::<Vec<_>>(),
        vec![2, 3, 4, 5]
    );
    assert!(seg.stability.is_none());
}

#[test]
fn deterministic_for_a_seed() {
    let s = three_groups();
    let a = serde_json::to_string(&segment(&s, &SegmentOptions::default()).unwrap()).unwrap();
    let b = serde_json::to_string(&segment(&s, &SegmentOptions::default()).unwrap()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn respondent_weight_two_equals_the_row_written_twice() {
    let rows = [
        [1.0, 1.0],
        [1.0, 2.0],
        [2.0, 1.0],
        [5.0, 5.0],
        [4.0, 5.0],
        [5.0, 4.0],
    ];
    let col = |rows: &[[f64; 2]], j: usize| -> Vec<Option<f64>> {
        rows.iter().map(|r| Some(r[j])).collect()
    };
    let mut twice = rows.to_vec();
    twice.insert(1, rows[0]);
    let dup = survey(vec![
        likert("a", &col(&twice, 0), 1.0, 5.0),
        likert("b", &col(&twice, 1), 1.0, 5.0),
    ]);
    let weighted = survey(vec![
        likert("a", &col(&rows, 0), 1.0, 5.0),
        likert("b", &col(&rows, 1), 1.0, 5.0),
        numeric(
            "w",
            &[
                Some(2.0),
                Some(1.0),
                Some(1.0),
                Some(1.0),
                Some(1.0),
                Some(1.0),
            ],
        ),
    ]);
    let x = segment(&dup, &fixed(2)).unwrap();
    let y = segment(
        &weighted,
        &SegmentOptions {
            weight_column: Some("w".into()),
            ..fixed(2)
        },
    )
    .unwrap();
    assert!((x.inertia - y.inertia).abs() < 1e-12);
    for (cx, cy) in x.centroids.iter().zip(&y.centroids) {
        for (p, q) in cx.iter().zip(cy) {
            assert!((p - q).abs() < 1e-12);
        }
    }
    let mut expect = y.assignments.clone();
    expect.insert(1, y.assignments[0]);
    assert_eq!(x.assignments, expect);
    assert_eq!(y.segments[0].weighted_size, 4.0);
    assert_eq!(x.quality, y.quality);
}

#[test]
fn k_above_distinct_answer_patterns_is_rejected() {
    let s = survey(vec![likert(
        "q",
        &[Some(1.0), Some(1.0), Some(5.0), Some(5.0)],
        1.0,
        5.0,
    )]);
    let e = segment(&s, &fixed(3)).unwrap_err();
    assert_eq!(
        e,
        SegmentError::Cluster(ClusterError::KAboveDistinct { k: 3, distinct: 2 })
    );
    let e = segment(
        &s,
        &SegmentOptions {
            k_min: 3,
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(
        e,
        SegmentError::Cluster(ClusterError::KAboveDistinct { k: 3, distinct: 2 })
    );
    // "auto" lowers kMax to what the data allows, and says so.
    let seg = segment(&s, &SegmentOptions::default()).unwrap();
    assert_eq!(seg.k, 2);
    assert!(
        seg.warnings
            .iter()
            .any(|w| w.message.contains("kMax was lowered"))
    );
}

#[test]
fn fewer_respondents_than_k_is_rejected() {
    let s = survey(vec![likert("q", &[Some(1.0), Some(3.0), None], 1.0, 5.0)]);
    let e = segment(&s, &fixed(3)).unwrap_err();
    assert_eq!(
        e,
        SegmentError::Cluster(ClusterError::TooFewRespondents {
            k: 3,
            respondents: 2
        })
    );
}

#[test]
fn model_round_trip_assigns_identically() {
    let s = three_groups();
    // The categorical area is a descriptor by default: cluster on it too.
    let options = SegmentOptions {
        basis: Some(every_question(&s)),
        ..fixed(3)
    };
    let seg = segment(&s, &options).unwrap();
    let model = seg.model();
    assert_eq!(model.version, env!("CARGO_PKG_VERSION"));
    let json = serde_json::to_string(&model).unwrap();
    let back: citizen_segments::Model = serde_json::from_str(&json).unwrap();
    assert_eq!(back, model);
    let a = assign(&model, &s).unwrap();
    let b = assign(&back, &s).unwrap();
    assert_eq!(a.assignments, b.assignments);
    let bits = |d: &[f64]| d.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(&a.distances), bits(&b.distances));
    assert_eq!(a.assignments, seg.assignments);
    assert!(a.distances[12].is_nan());

    // New respondents with missing answers; a survey lacking columns.
    let new = survey(vec![
        likert("planning", &[Some(5.0), None], 1.0, 5.0),
        likert("budgeting", &[Some(5.0), Some(1.0)], 1.0, 5.0),
        likert("peer_support", &[None, Some(5.0)], 1.0, 5.0),
        categorical("area", &["south", "north"], &[Some(0), Some(1)]),
    ]);
    let n = assign(&back, &new).unwrap();
    assert_eq!(n.assignments, vec![seg.assignments[4], seg.assignments[0]]);
    let lacking = survey(vec![likert("planning", &[Some(1.0)], 1.0, 5.0)]);
    let e = assign(&back, &lacking).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the survey lacks the model's column(s): budgeting, peer_support, area"
    );
}

#[test]
fn an_assignment_exports_the_same_csv_as_the_segmentation_after_a_rename() {
    let s = three_groups();
    let mut seg = segment(&s, &fixed(3)).unwrap();
    seg.rename(&[("2".to_string(), " Planners ".to_string())].into())
        .unwrap();
    let assigned = assign(&seg.model(), &s).unwrap();
    assert_eq!(assigned.ids, s.ids);
    assert_eq!(assigned.names[2], "Planners");
    let csv = run_assignments_csv(&seg);
    assert_eq!(assignment_csv(&assigned), csv);
    assert!(csv.contains(",2,Planners,"));
    // Respondent 12 answered nothing: empty segment cells, never -1.
    let row = csv.split("\r\n").nth(13).unwrap();
    assert_eq!(row, format!("{},,,", s.ids[12]));
    // An assignment read back from JSON (NaN distances as null) gives the same CSV.
    let json = serde_json::to_string(&assigned).unwrap();
    let back: citizen_segments::Assignment = serde_json::from_str(&json).unwrap();
    assert_eq!(assignment_csv(&back), csv);
}

#[test]
fn a_model_whose_segment_ids_are_not_0_to_k_is_refused() {
    let s = three_groups();
    let mut model = segment(&s, &fixed(3)).unwrap().model();
    model.segment_ids = vec![0, 2, 2];
    let e = assign(&model, &s).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the model is inconsistent: segment ids must be 0 to 2 with none repeated, got [0, 2, 2]"
    );
}

#[test]
fn json_shape_is_camel_case() {
    let s = survey(vec![
        likert(
            "q1",
            &[Some(1.0), Some(2.0), Some(5.0), Some(4.0)],
            1.0,
            5.0,
        ),
        multi(
            "m",
            &["a", "b"],
            &[
                Some(vec![0]),
                Some(vec![0]),
                Some(vec![1]),
                Some(vec![0, 1]),
            ],
        ),
    ]);
    let seg = segment(
        &s,
        &SegmentOptions {
            k_max: 3,
            stability_runs: 1,
            basis: Some(every_question(&s)),
            ..Default::default()
        },
    )
    .unwrap();
    let v = serde_json::to_value(&seg).unwrap();
    for key in [
        "k",
        "assignments",
        "centroids",
        "columns",
        "features",
        "standardize",
        "centreRespondents",
        "inertia",
        "iterations",
        "converged",
        "seed",
        "restarts",
        "quality",
        "segments",
        "kScan",
        "stability",
        "projection",
        "warnings",
        "unassigned",
        "weightColumn",
        "inputHash",
        "roles",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert!(v["kScan"]["silhouetteSample"].is_u64());
    assert!(v["stability"]["ariSeeds"].is_array());
    assert!(v["segments"][0]["weightedSize"].is_number());
    assert!(v["features"][1]["option"].is_string());
    assert_eq!(v["roles"][1]["role"], "basis");
    assert_eq!(v["roles"][1]["reason"], "chosen as basis");
    let m = serde_json::to_value(seg.model()).unwrap();
    for key in [
        "version",
        "seed",
        "k",
        "inputHash",
        "encoding",
        "centroids",
        "segmentIds",
    ] {
        assert!(m.get(key).is_some(), "missing {key}");
    }
}

#[test]
fn options_reach_the_encoding_and_quality() {
    let s = three_groups();
    let seg = segment(
        &s,
        &SegmentOptions {
            standardize: true,
            centre_respondents: true,
            weights: [("area".to_string(), 0.0)].into(),
            basis: Some(every_question(&s)),
            silhouette_sample: 6,
            k_max: 4,
            stability: false,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(seg.encoding.standardize && seg.encoding.centre_respondents);
    assert!(seg.encoding.features.iter().all(|f| f.centred));
    assert!(seg.encoding.columns.iter().all(|c| c.name != "area"));
    assert!(
        seg.warnings
            .iter()
            .any(|w| w.column.as_deref() == Some("area"))
    );
    assert_eq!(seg.k_scan.as_ref().unwrap().silhouette_sample, 6);
    assert!(seg.quality.silhouette.is_some());
}

#[test]
fn zero_weight_respondents_are_assigned_but_do_not_pull_centroids() {
    let a = [Some(1.0), Some(1.0), Some(5.0), Some(5.0), Some(3.0)];
    let with = survey(vec![
        likert("q", &a, 1.0, 5.0),
        numeric(
            "w",
            &[Some(1.0), Some(1.0), Some(1.0), Some(1.0), Some(0.0)],
        ),
    ]);
    let seg = segment(
        &with,
        &SegmentOptions {
            weight_column: Some("w".into()),
            ..fixed(2)
        },
    )
    .unwrap();
    let mut c: Vec<f64> = seg.centroids.iter().map(|c| c[0]).collect();
    c.sort_by(f64::total_cmp);
    assert_eq!(c, vec![0.0, 1.0]);
    // 3 on 1..5 is 0.5, a tie: the lowest segment index wins.
    assert_eq!(seg.assignments[4], 0);
    assert_eq!(
        seg.segments.iter().map(|s| s.weighted_size).sum::<f64>(),
        4.0
    );
}

#[test]
fn unknown_columns_are_named() {
    let e = segment(
        &three_groups(),
        &SegmentOptions {
            columns: Some(vec!["planning".into(), "cycling".into()]),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "unknown column(s) in columns: cycling");
}

#[test]
fn a_previous_model_carries_ids_and_names_over() {
    let s = three_groups();
    let first = segment(&s, &fixed(3)).unwrap();
    let mut model = first.model();
    model.names = vec!["Planners".into(), "Doers".into(), "Quiet".into()];
    // A rerun with another seed may number the segments differently; with the
    // previous model every segment keeps its id and name.
    let rerun = segment(
        &s,
        &SegmentOptions {
            seed: 7,
            previous: Some(model.clone()),
            ..fixed(3)
        },
    )
    .unwrap();
    assert_eq!(rerun.assignments, first.assignments);
    let names: Vec<&str> = rerun.segments.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, ["Planners", "Doers", "Quiet"]);
    let previous: Vec<Option<u32>> = rerun.segments.iter().map(|x| x.previous_id).collect();
    assert_eq!(previous, [Some(0), Some(1), Some(2)]);

    // Reversed centroids in the previous model reverse the ids of the rerun.
    let mut reversed = model;
    reversed.centroids.reverse();
    reversed.names.reverse();
    let flipped = segment(
        &s,
        &SegmentOptions {
            previous: Some(reversed),
            ..fixed(3)
        },
    )
    .unwrap();
    for (a, b) in first.assignments.iter().zip(&flipped.assignments) {
        assert_eq!(*b, if *a < 0 { -1 } else { 2 - a });
    }
    assert_eq!(flipped.segments[2].name, "Planners");

    // Fewer segments than before: matched ones keep what they can, the ids
    // stay 0..k.
    let two = segment(
        &s,
        &SegmentOptions {
            previous: Some(first.model()),
            ..fixed(2)
        },
    )
    .unwrap();
    let mut ids: Vec<u32> = two.segments.iter().map(|x| x.id).collect();
    ids.sort();
    assert_eq!(ids, [0, 1]);
}

#[test]
fn profiles_and_distances_come_with_every_result() {
    let s = three_groups();
    let r = segment(&s, &fixed(3)).unwrap();
    assert_eq!(r.profiles.segments.len(), 3);
    assert_eq!(r.profiles.unassigned, 1);
    let data = r.data();
    for (seg, prof) in r.segments.iter().zip(&data.profiles.segments) {
        assert_eq!(seg.name, prof.name);
        assert_eq!(seg.name, prof.brief.name);
        assert_eq!(seg.size as usize, prof.figures.figures.size);
    }
    // The distance is the partial Euclidean distance to the own centroid.
    for (i, (&a, &d)) in r.assignments.iter().zip(&r.distances).enumerate() {
        if a < 0 {
            assert!(d.is_nan(), "respondent {i} has no segment, so no distance");
        } else {
            assert!(d.is_finite() && d >= 0.0);
        }
    }
}

#[test]
fn names_are_keyed_by_segment_id_and_typos_in_options_are_rejected() {
    let s = three_groups();
    let options: SegmentOptions =
        serde_json::from_str(r#"{"k": 3, "names": {"1": "Doers"}}"#).unwrap();
    let r = segment(&s, &options).unwrap();
    assert_eq!(r.segments[1].name, "Doers");
    assert_eq!(r.data().profiles.segments[1].name, "Doers");
    let bad: SegmentOptions = serde_json::from_str(r#"{"k": 3, "names": {"first": "x"}}"#).unwrap();
    let err = segment(&s, &bad).unwrap_err();
    assert!(
        matches!(err, SegmentError::InvalidNameKey(ref k) if k == "first"),
        "{err}"
    );
    let typo = serde_json::from_str::<SegmentOptions>(r#"{"k": 3, "maxIteration": 5}"#);
    assert!(typo.unwrap_err().to_string().contains("maxIteration"));
}

/// 30,000 respondents on six Likert items: a k scan with stability runs on
/// them takes seconds, so an option refused after it would show.
fn large() -> Survey {
    let n = 30_000;
    let columns = (0..6)
        .map(|q| {
            let values: Vec<Option<f64>> = (0..n)
                .map(|i| Some(((i * (q + 3) + i / 7) % 5 + 1) as f64))
                .collect();
            likert(&format!("q{q}"), &values, 1.0, 5.0)
        })
        .collect();
    survey(columns)
}

#[test]
fn names_min_group_size_activities_and_roles_are_refused_before_any_k_means() {
    use citizen_segments::engage::Activity;
    use citizen_segments::segment::segment_with_progress;
    let s = large();
    let cases = [
        (
            SegmentOptions {
                names: [("seven".to_string(), "Doers".to_string())].into(),
                ..Default::default()
            },
            "names must be keyed by segment id (0, 1, ...), got \"seven\"",
        ),
        (
            SegmentOptions {
                names: [("9".to_string(), "Doers".to_string())].into(),
                ..Default::default()
            },
            "names renames segment 9, but at most 8 segments can be found (ids 0 to 7)",
        ),
        (
            SegmentOptions {
                min_group_size: 0,
                ..Default::default()
            },
            "minGroupSize must be at least 1",
        ),
        (
            SegmentOptions {
                activities: [("q9".to_string(), Activity::CoDesign)].into(),
                ..Default::default()
            },
            "unknown column(s) in activities: q9",
        ),
        (
            SegmentOptions {
                basis: Some(vec!["q1".into(), "ward".into()]),
                ..Default::default()
            },
            "unknown column(s) in basis: ward",
        ),
        (
            SegmentOptions {
                descriptors: Some(vec!["age".into()]),
                ..Default::default()
            },
            "unknown column(s) in descriptors: age",
        ),
        (
            SegmentOptions {
                columns: Some(vec!["q1".into()]),
                basis: Some(vec!["q2".into()]),
                ..Default::default()
            },
            "columns and basis both give the questions to cluster, but differ (columns: q1; basis: q2): give one of them",
        ),
        (
            SegmentOptions {
                basis: Some(vec!["q1".into()]),
                descriptors: Some(vec!["q1".into()]),
                ..Default::default()
            },
            "column q1 is in both basis and descriptors: a column is clustered or profiled, not both",
        ),
    ];
    for (options, message) in cases {
        let mut stages = Vec::new();
        let started = std::time::Instant::now();
        let e = segment_with_progress(&s, &options, &mut |p| stages.push(p.stage)).unwrap_err();
        assert_eq!(e.to_string(), message);
        // Not even the encoding started, let alone a fit.
        assert!(stages.is_empty(), "{stages:?}");
        assert!(
            started.elapsed().as_millis() < 1000,
            "{:?}",
            started.elapsed()
        );
    }
}

#[test]
fn a_name_for_an_id_the_chosen_k_lacks_is_refused_after_k_is_chosen() {
    let options = SegmentOptions {
        k_max: 5,
        restarts: Some(2),
        stability: false,
        names: [("4".to_string(), "Doers".to_string())].into(),
        ..Default::default()
    };
    let e = segment(&three_groups(), &options).unwrap_err();
    assert_eq!(
        e.to_string(),
        "names renames segment 4, but there are only 3 segments"
    );
}
