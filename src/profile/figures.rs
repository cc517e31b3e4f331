//! The figures: per segment and overall, per question, from the survey and
//! the segment assignments alone.

use std::cmp::Ordering;

use super::errors::ProfileError;
use super::options::{Checked, DISTINCT_SD, DISTINCT_SHARE, DISTINCT_TOP, ProfileOptions};
use super::types::{
    CategoryProfile, Distinction, Distinctive, GroupProfile, Profiles, QuestionProfile,
    SegmentFigures,
};
use crate::survey::{Column, ColumnKind, Numbers, Scale, Survey, Values};

/// Below this a standard deviation counts as 0.
const SD_EPSILON: f64 = 1e-12;

/// Profiles every segment of `survey`. `assignments[i]` is respondent i's
/// segment (`0..k`) or -1 (unassigned: counted in `unassigned`, excluded from
/// every figure); `weights` are respondent weights (`None`: all 1). The
/// overall figures cover the assigned respondents. Missing answers are
/// excluded question by question.
pub fn profile(
    survey: &Survey,
    assignments: &[i32],
    weights: Option<&[f64]>,
    options: &ProfileOptions,
) -> Result<Profiles, ProfileError> {
    let checked = options.check(survey, assignments, weights)?;
    let k = checked.k;
    // figures[g][q]: group g (segments 0..k, then overall at k), question q.
    let mut figures: Vec<Vec<QuestionProfile>> = vec![Vec::new(); k + 1];
    for column in &survey.columns {
        if let Some(per_group) = question_figures(column, &checked) {
            for (g, q) in per_group.into_iter().enumerate() {
                figures[g].push(q);
            }
        }
    }
    let mut sizes = vec![(0usize, 0.0f64); k + 1];
    for (group, w) in checked.groups.iter().zip(&checked.weights) {
        if let Some(g) = *group {
            for i in [g, k] {
                sizes[i].0 += 1;
                sizes[i].1 += w;
            }
        }
    }
    let total = sizes[k].1;
    let mut groups: Vec<GroupProfile> = figures
        .into_iter()
        .zip(&sizes)
        .map(|(questions, &(size, weighted_size))| GroupProfile {
            size,
            weighted_size,
            share: weighted_size / total,
            questions,
        })
        .collect();
    let overall = groups.pop().unwrap_or_else(|| GroupProfile {
        size: 0,
        weighted_size: 0.0,
        share: 0.0,
        questions: Vec::new(),
    });
    let min = options.min_group_size as usize;
    let segments: Vec<SegmentFigures> = groups
        .into_iter()
        .enumerate()
        .map(|(id, figures)| SegmentFigures {
            id: id as u32,
            below_min_size: figures.size < min,
            distinctive: distinctive(&figures, &overall),
            figures,
        })
        .collect();
    Ok(Profiles {
        respondents: survey.respondents,
        assigned: overall.size,
        unassigned: survey.respondents - overall.size,
        min_group_size: options.min_group_size,
        overall,
        segments,
    })
}

/// The figures of one column for each segment then overall, or `None` for
/// columns that are not profiled (`id`, `text`).
fn question_figures(column: &Column, checked: &Checked) -> Option<Vec<QuestionProfile>> {
    if matches!(
        column.kind,
        ColumnKind::Id | ColumnKind::Text | ColumnKind::Metadata
    ) {
        return None;
    }
    let base = QuestionProfile {
        question: column.name.clone(),
        kind: column.kind,
        clustered: checked.clustered.contains(&column.name),
        n: 0,
        weighted_n: 0.0,
        mean: None,
        sd: None,
        label: None,
        top_two_share: None,
        index: None,
        standardised_difference: None,
        categories: Vec::new(),
    };
    match &column.values {
        Values::Numbers(v) => Some(number_figures(v, column.scale.as_ref(), base, checked)),
        Values::Levels(v) => {
            let answers = v.iter().map(|a| a.as_ref().map(std::slice::from_ref));
            Some(category_figures(
                answers,
                column.levels.as_deref(),
                base,
                checked,
            ))
        }
        Values::Sets(v) => {
            let answers = v.iter().map(|a| a.as_deref());
            Some(category_figures(
                answers,
                column.options.as_deref(),
                base,
                checked,
            ))
        }
        Values::Text(_) => None,
    }
}

/// `numerator / denominator`, or `None` when the denominator is 0.
fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    (denominator != 0.0).then(|| numerator / denominator)
}

fn number_figures(
    values: &Numbers,
    scale: Option<&Scale>,
    base: QuestionProfile,
    checked: &Checked,
) -> Vec<QuestionProfile> {
    let groups = checked.k + 1;
    let top_two = |x: f64| scale.map(|s| x >= s.max - 1.0 - 1e-9);
    let answers = || {
        values
            .iter()
            .zip(&checked.groups)
            .zip(&checked.weights)
            .filter_map(|((v, g), &w)| match (v, g) {
                (Some(x), Some(g)) if x.is_finite() => Some((*g, x, w)),
                _ => None,
            })
    };
    let (mut n, mut wn, mut sum, mut top) = (
        vec![0usize; groups],
        vec![0.0; groups],
        vec![0.0; groups],
        vec![0.0; groups],
    );
    for (g, x, w) in answers() {
        for i in [g, checked.k] {
            n[i] += 1;
            wn[i] += w;
            sum[i] += w * x;
            if top_two(x) == Some(true) {
                top[i] += w;
            }
        }
    }
    let means: Vec<Option<f64>> = (0..groups).map(|i| ratio(sum[i], wn[i])).collect();
    let mut squares = vec![0.0; groups];
    for (g, x, w) in answers() {
        for i in [g, checked.k] {
            if let Some(m) = means[i] {
                squares[i] += w * (x - m) * (x - m);
            }
        }
    }
    let sds: Vec<Option<f64>> = (0..groups)
        .map(|i| ratio(squares[i], wn[i]).map(f64::sqrt))
        .collect();
    let (overall_mean, overall_sd) = (means[checked.k], sds[checked.k]);
    (0..groups)
        .map(|i| {
            let mean = means[i];
            let compare = mean.zip(overall_mean);
            QuestionProfile {
                n: n[i],
                weighted_n: wn[i],
                mean,
                sd: sds[i],
                label: mean.and_then(|m| scale?.nearest_label(m).map(String::from)),
                top_two_share: scale.and_then(|_| ratio(top[i], wn[i])),
                index: compare.and_then(|(m, o)| ratio(m, o).map(|r| r * 100.0)),
                standardised_difference: compare.map(|(m, o)| match overall_sd {
                    Some(sd) if sd > SD_EPSILON * o.abs().max(1.0) => (m - o) / sd,
                    _ => 0.0,
                }),
                ..base.clone()
            }
        })
        .collect()
}

fn category_figures<'a>(
    answers: impl Iterator<Item = Option<&'a [u32]>>,
    labels: Option<&[String]>,
    base: QuestionProfile,
    checked: &Checked,
) -> Vec<QuestionProfile> {
    let groups = checked.k + 1;
    let labels = labels.unwrap_or(&[]);
    let (mut n, mut wn) = (vec![0usize; groups], vec![0.0; groups]);
    let mut count = vec![vec![0usize; labels.len()]; groups];
    let mut chosen = vec![vec![0.0; labels.len()]; groups];
    for ((answer, g), &w) in answers.zip(&checked.groups).zip(&checked.weights) {
        let (Some(answer), Some(g)) = (answer, *g) else {
            continue;
        };
        for i in [g, checked.k] {
            n[i] += 1;
            wn[i] += w;
            for &option in answer {
                if let Some(c) = count[i].get_mut(option as usize) {
                    *c += 1;
                    chosen[i][option as usize] += w;
                }
            }
        }
    }
    let overall: Vec<Option<f64>> = chosen[checked.k]
        .iter()
        .map(|&c| ratio(c, wn[checked.k]))
        .collect();
    (0..groups)
        .map(|i| QuestionProfile {
            n: n[i],
            weighted_n: wn[i],
            categories: labels
                .iter()
                .enumerate()
                .map(|(j, label)| {
                    let share = ratio(chosen[i][j], wn[i]);
                    let compare = share.zip(overall[j]);
                    CategoryProfile {
                        label: label.clone(),
                        count: count[i][j],
                        share,
                        index: compare.and_then(|(s, p)| ratio(s, p).map(|r| r * 100.0)),
                        standardised_difference: compare.map(|(s, p)| {
                            let var = p * (1.0 - p);
                            if var > SD_EPSILON {
                                (s - p) / var.sqrt()
                            } else {
                                0.0
                            }
                        }),
                    }
                })
                .collect(),
            ..base.clone()
        })
        .collect()
}

/// Largest first; NaN-free inputs, ties keep survey order (stable sort).
fn by_size_desc(a: &Distinction, b: &Distinction) -> Ordering {
    b.difference
        .abs()
        .partial_cmp(&a.difference.abs())
        .unwrap_or(Ordering::Equal)
}

fn distinctive(segment: &GroupProfile, overall: &GroupProfile) -> Distinctive {
    let mut questions = Vec::new();
    let mut categories = Vec::new();
    for (q, o) in segment.questions.iter().zip(&overall.questions) {
        if let (Some(m), Some(om), Some(d)) = (q.mean, o.mean, q.standardised_difference) {
            if d.abs() >= DISTINCT_SD {
                questions.push(Distinction {
                    question: q.question.clone(),
                    category: None,
                    segment: m,
                    overall: om,
                    difference: d,
                    n: q.n,
                });
            }
        }
        for (c, oc) in q.categories.iter().zip(&o.categories) {
            if let (Some(s), Some(os)) = (c.share, oc.share) {
                if (s - os).abs() >= DISTINCT_SHARE - 1e-12 {
                    categories.push(Distinction {
                        question: q.question.clone(),
                        category: Some(c.label.clone()),
                        segment: s,
                        overall: os,
                        difference: s - os,
                        n: q.n,
                    });
                }
            }
        }
    }
    let split = |mut list: Vec<Distinction>| {
        crate::order::sort_by(&mut list, by_size_desc);
        let (above, below): (Vec<_>, Vec<_>) = list.into_iter().partition(|d| d.difference > 0.0);
        let top = |v: Vec<Distinction>| v.into_iter().take(DISTINCT_TOP).collect::<Vec<_>>();
        (top(above), top(below))
    };
    let (questions_above, questions_below) = split(questions);
    let (categories_above, categories_below) = split(categories);
    Distinctive {
        questions_above,
        questions_below,
        categories_above,
        categories_below,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::testing::{ASSIGNMENTS, close, fixture};
    use crate::survey::Values;

    fn run(survey: &Survey, assignments: &[i32], weights: Option<&[f64]>) -> Profiles {
        let options = ProfileOptions {
            min_group_size: 2,
            ..ProfileOptions::default()
        };
        profile(survey, assignments, weights, &options).expect("valid fixture")
    }

    fn question<'a>(group: &'a GroupProfile, name: &str) -> &'a QuestionProfile {
        group
            .questions
            .iter()
            .find(|q| q.question == name)
            .expect("question")
    }

    #[test]
    fn sizes_shares_and_unassigned() {
        let p = run(&fixture(), &ASSIGNMENTS, None);
        assert_eq!((p.respondents, p.assigned, p.unassigned), (7, 6, 1));
        assert_eq!(p.overall.size, 6);
        assert_eq!(p.segments.len(), 2);
        assert_eq!(p.segments[0].figures.size, 3);
        close(Some(p.segments[1].figures.share), 0.5);
        assert!(!p.segments[0].below_min_size);
        // id and text columns are not profiled.
        let names: Vec<&str> = p
            .overall
            .questions
            .iter()
            .map(|q| q.question.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "Interest in co-design",
                "Preferred channel",
                "Ways to help",
                "Household size",
                "Zeros"
            ]
        );
    }

    #[test]
    fn likert_figures_match_hand_computation() {
        let p = run(&fixture(), &ASSIGNMENTS, None);
        // Overall (assigned, answered): 5 4 4 1 1 → mean 3, population sd √2.8.
        let o = question(&p.overall, "Interest in co-design");
        assert_eq!(o.n, 5);
        close(o.mean, 3.0);
        close(o.sd, 2.8f64.sqrt());
        assert_eq!(o.label.as_deref(), Some("Neither"));
        close(o.top_two_share, 0.6);
        close(o.index, 100.0);
        close(o.standardised_difference, 0.0);
        // Segment 0: 5 4 4 → 13/3.
        let s0 = question(&p.segments[0].figures, "Interest in co-design");
        assert_eq!(s0.n, 3);
        close(s0.mean, 13.0 / 3.0);
        assert_eq!(s0.label.as_deref(), Some("Fairly interested"));
        close(s0.top_two_share, 1.0);
        close(s0.index, 13.0 / 3.0 / 3.0 * 100.0);
        close(
            s0.standardised_difference,
            (13.0 / 3.0 - 3.0) / 2.8f64.sqrt(),
        );
        // Segment 1: 1 1 and a missing answer.
        let s1 = question(&p.segments[1].figures, "Interest in co-design");
        assert_eq!(s1.n, 2);
        close(s1.mean, 1.0);
        assert_eq!(s1.label.as_deref(), Some("Not at all interested"));
        close(s1.top_two_share, 0.0);
        close(s1.index, 100.0 / 3.0);
        close(s1.standardised_difference, -2.0 / 2.8f64.sqrt());
    }

    #[test]
    fn numeric_edges_constant_and_zero_mean() {
        let p = run(&fixture(), &ASSIGNMENTS, None);
        let h = question(&p.segments[0].figures, "Household size");
        close(h.mean, 2.0);
        close(h.index, 100.0);
        close(h.standardised_difference, 0.0); // overall sd is 0
        assert_eq!((h.label.as_deref(), h.top_two_share), (None, None));
        let z = question(&p.segments[1].figures, "Zeros");
        close(z.mean, 0.0);
        assert_eq!(z.index, None); // overall mean is 0
        close(z.standardised_difference, 0.0);
    }

    #[test]
    fn option_and_level_shares_and_index() {
        let p = run(&fixture(), &ASSIGNMENTS, None);
        let o = question(&p.overall, "Preferred channel");
        assert_eq!(o.n, 5);
        close(o.categories[0].share, 0.6);
        close(o.categories[1].share, 0.4);
        let s0 = question(&p.segments[0].figures, "Preferred channel");
        assert_eq!(
            (s0.categories[1].label.as_str(), s0.categories[1].count),
            ("Community event", 2)
        );
        close(s0.categories[1].share, 2.0 / 3.0);
        close(s0.categories[1].index, 2.0 / 3.0 / 0.4 * 100.0);
        close(
            s0.categories[1].standardised_difference,
            (2.0 / 3.0 - 0.4) / 0.24f64.sqrt(),
        );
        close(s0.categories[0].index, 1.0 / 3.0 / 0.6 * 100.0);
        let s1 = question(&p.segments[1].figures, "Preferred channel");
        assert_eq!(s1.n, 2);
        close(s1.categories[0].share, 1.0);
        close(s1.categories[1].index, 0.0);
        // Multi: none ticked counts as answered; missing does not.
        let w = question(&p.overall, "Ways to help");
        assert_eq!(w.n, 5);
        close(w.categories[0].share, 0.4);
        close(w.categories[1].share, 0.4);
        let w1 = question(&p.segments[1].figures, "Ways to help");
        assert_eq!(w1.n, 2);
        close(w1.categories[0].share, 0.0);
        close(w1.categories[1].share, 0.5);
        close(w1.categories[1].index, 125.0);
    }

    #[test]
    fn weight_two_is_a_duplicated_row() {
        let survey = fixture();
        let mut weights = vec![1.0; 7];
        weights[0] = 2.0;
        let weighted = run(&survey, &ASSIGNMENTS, Some(&weights));
        // Duplicate row 0 (in segment 0) at the end.
        let mut doubled = survey.clone();
        doubled.respondents += 1;
        for c in &mut doubled.columns {
            match &mut c.values {
                Values::Numbers(v) => *v = v.iter().chain([v.get(0)]).collect(),
                Values::Levels(v) => v.push(v[0]),
                Values::Sets(v) => v.push(v[0].clone()),
                Values::Text(v) => v.push(v[0].clone()),
            }
        }
        let mut assignments = ASSIGNMENTS.to_vec();
        assignments.push(0);
        let plain = run(&doubled, &assignments, None);
        let groups = |p: &Profiles| {
            let mut g = vec![p.overall.clone()];
            g.extend(p.segments.iter().map(|s| s.figures.clone()));
            g
        };
        for (a, b) in groups(&weighted).iter().zip(&groups(&plain)) {
            close(Some(a.weighted_size), b.weighted_size);
            close(Some(a.share), b.share);
            for (qa, qb) in a.questions.iter().zip(&b.questions) {
                close(Some(qa.weighted_n), qb.weighted_n);
                for (x, y) in [
                    (qa.mean, qb.mean),
                    (qa.sd, qb.sd),
                    (qa.top_two_share, qb.top_two_share),
                    (qa.index, qb.index),
                    (qa.standardised_difference, qb.standardised_difference),
                ] {
                    assert_eq!(x.is_some(), y.is_some());
                    if let Some(y) = y {
                        close(x, y);
                    }
                }
                assert_eq!(qa.label, qb.label);
                for (ca, cb) in qa.categories.iter().zip(&qb.categories) {
                    close(ca.share, cb.share.unwrap_or(f64::NAN));
                    close(ca.index, cb.index.unwrap_or(f64::NAN));
                }
            }
        }
        // n counts respondents, not weight.
        assert_eq!(weighted.segments[0].figures.size, 3);
        close(Some(weighted.segments[0].figures.weighted_size), 4.0);
    }

    #[test]
    fn unassigned_answers_change_nothing() {
        let survey = fixture();
        let mut other = survey.clone();
        for c in &mut other.columns {
            if let Values::Numbers(v) = &mut c.values {
                *v = (v.iter().take(6))
                    .chain([Some(1000.0)])
                    .chain(v.iter().skip(7))
                    .collect();
            }
        }
        let a = serde_json::to_value(run(&survey, &ASSIGNMENTS, None)).ok();
        let b = serde_json::to_value(run(&other, &ASSIGNMENTS, None)).ok();
        assert_eq!(a, b);
    }

    #[test]
    fn distinctive_ranks_and_splits() {
        let p = run(&fixture(), &ASSIGNMENTS, None);
        let d = &p.segments[0].distinctive;
        let names = |v: &[Distinction]| {
            v.iter()
                .map(|d| format!("{}/{}", d.question, d.category.as_deref().unwrap_or("")))
                .collect::<Vec<_>>()
        };
        assert_eq!(names(&d.questions_above), ["Interest in co-design/"]);
        assert!(d.questions_below.is_empty());
        // Both differ by 2/3 − 0.4; the tie keeps survey order.
        assert_eq!(
            names(&d.categories_above),
            [
                "Preferred channel/Community event",
                "Ways to help/Volunteering"
            ]
        );
        assert_eq!(
            names(&d.categories_below),
            ["Preferred channel/Online", "Ways to help/Fundraising"]
        );
        close(Some(d.categories_below[1].difference), 1.0 / 3.0 - 0.4);
    }

    #[test]
    fn empty_segment_ids_are_kept() {
        let p = run(&fixture(), &[0, 0, 0, 2, 2, 2, -1], None);
        assert_eq!(p.segments.len(), 3);
        assert_eq!(p.segments[1].figures.size, 0);
        assert!(p.segments[1].below_min_size);
        assert_eq!(
            question(&p.segments[1].figures, "Interest in co-design").mean,
            None
        );
    }

    #[test]
    fn serialises_camel_case() {
        let p = run(&fixture(), &ASSIGNMENTS, None);
        let json = serde_json::to_value(&p).unwrap_or_default();
        let s0 = &json["segments"][0];
        assert_eq!(s0["belowMinSize"], false);
        assert_eq!(s0["weightedSize"], 3.0);
        assert!(s0["questions"][0]["topTwoShare"].is_number());
        assert_eq!(json["minGroupSize"], 2);
    }
}
