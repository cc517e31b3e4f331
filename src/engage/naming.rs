//! Short plain-language segment names that say something and never repeat.
//!
//! Rules:
//! - a segment's name is built from parts, strongest first: the activities
//!   it cares about more than average ("Co-designers and co-assessors");
//!   "Less engaged" when the survey asks about activities and the segment is
//!   below average on every basis question, then the activity it is most
//!   open to; then the basis answers that most set it apart, in the
//!   question's own words ("High rate marriage", "Mostly Democrat", "Less
//!   need for public funding"); then the descriptors that do; with none of
//!   these, "Close to average on every question";
//! - a name starts with up to two activities, or else up to two parts;
//! - the caller's `names` win and are taken first; when two derived names
//!   collide, each colliding segment adds its next part that the others do
//!   not share, until the names differ; never a numeric suffix. Segments
//!   whose parts run out (identical figures, or empty) are told apart by
//!   size in words ("..., the second group").

use std::collections::{BTreeMap, BTreeSet};

use super::brief::{Brief, LeadBasis};
use super::recognise::Recognition;
use super::wording::{and_list, lower_first, ordinal, question_words, upper_first};
use crate::profile::{DISTINCT_SD, GroupProfile, QuestionProfile, SegmentFigures};
use crate::survey::ColumnKind;

/// One piece a name can be built from.
#[derive(Debug, Clone, PartialEq)]
struct Part {
    /// What it says, e.g. "co-design+", to compare parts across segments.
    key: String,
    /// Its words, e.g. "Co-designers".
    text: String,
    /// True for an activity's people ("Co-designers"), joined with "and".
    activity: bool,
}

fn about_activity(recognition: &Recognition, question: &str, option: Option<&str>) -> bool {
    recognition
        .sources
        .iter()
        .any(|s| s.question == question && (s.option.is_none() || s.option.as_deref() == option))
}

/// True when every ordered basis question is below average (and every basis
/// `multi` question is ticked less than average); false with none.
fn below_on_every_basis(segment: &GroupProfile, overall: &GroupProfile) -> bool {
    let mut any = false;
    for (q, o) in segment.questions.iter().zip(&overall.questions) {
        if !q.clustered {
            continue;
        }
        let difference = match q.kind {
            ColumnKind::Likert | ColumnKind::Numeric => q.standardised_difference,
            ColumnKind::Multi => Some(
                q.categories
                    .iter()
                    .zip(&o.categories)
                    .map(|(c, oc)| c.share.unwrap_or(0.0) - oc.share.unwrap_or(0.0))
                    .sum(),
            ),
            _ => None,
        };
        match difference {
            Some(d) if d < 0.0 => any = true,
            Some(_) => return false,
            None => {}
        }
    }
    any
}

/// "High rate marriage", "Much lower on “Am the life of the party”".
fn number_part(q: &QuestionProfile, sd: f64) -> String {
    let words = question_words(&q.question);
    let strong = sd.abs() >= 0.8;
    if words.split_whitespace().count() <= 3 {
        let level = match (sd > 0.0, strong) {
            (true, true) => "Very high",
            (true, false) => "High",
            (false, true) => "Very low",
            (false, false) => "Low",
        };
        format!("{level} {words}")
    } else {
        let level = match (sd > 0.0, strong) {
            (true, true) => "Much higher on",
            (true, false) => "Higher on",
            (false, true) => "Much lower on",
            (false, false) => "Lower on",
        };
        format!("{level} “{words}”")
    }
}

/// "Mostly Democrat", "More often Renter", "Vote: 1".
fn level_part(q: &QuestionProfile, label: &str, share: f64) -> String {
    let plain = label.chars().filter(|c| c.is_alphabetic()).count() > 3
        && !["yes", "no", "true", "false"].contains(&label.to_lowercase().as_str());
    let label = if q.kind == ColumnKind::Multi {
        lower_first(label)
    } else {
        label.to_string()
    };
    match (plain, q.kind) {
        (false, _) => format!("{}: {label}", upper_first(&question_words(&q.question))),
        (true, ColumnKind::Multi) => upper_first(&label),
        (true, _) if share >= 0.5 => format!("Mostly {label}"),
        (true, _) => format!("More often {label}"),
    }
}

/// The parts of the questions that set a segment apart: basis (or
/// descriptor) questions not about an activity, strongest first.
fn answer_parts(
    segment: &GroupProfile,
    overall: &GroupProfile,
    recognition: &Recognition,
    basis: bool,
) -> Vec<Part> {
    let mut scored: Vec<(f64, Part)> = Vec::new();
    for (q, o) in segment.questions.iter().zip(&overall.questions) {
        if q.clustered != basis || q.n == 0 {
            continue;
        }
        if let Some(sd) = q.standardised_difference
            && q.mean.is_some()
            && sd.abs() >= DISTINCT_SD
            && !about_activity(recognition, &q.question, None)
        {
            let key = format!("{}{}", q.question, if sd > 0.0 { "+" } else { "-" });
            let text = number_part(q, sd);
            scored.push((
                sd.abs(),
                Part {
                    key,
                    text,
                    activity: false,
                },
            ));
        }
        for (c, oc) in q.categories.iter().zip(&o.categories) {
            let (Some(sd), Some(share), Some(overall_share)) =
                (c.standardised_difference, c.share, oc.share)
            else {
                continue;
            };
            if sd < DISTINCT_SD
                || share - overall_share < 0.05
                || about_activity(recognition, &q.question, Some(&c.label))
            {
                continue;
            }
            let key = format!("{}={}", q.question, c.label);
            let text = level_part(q, &c.label, share);
            scored.push((
                sd,
                Part {
                    key,
                    text,
                    activity: false,
                },
            ));
        }
    }
    crate::order::sort_by(&mut scored, |a, b| b.0.total_cmp(&a.0));
    scored.into_iter().map(|(_, p)| p).collect()
}

/// Every part a segment's name can use, strongest first.
fn parts(
    segment: &SegmentFigures,
    brief: &Brief,
    overall: &GroupProfile,
    recognition: &Recognition,
) -> Vec<Part> {
    if segment.figures.size == 0 {
        return vec![Part {
            key: "empty".into(),
            text: "Empty segment".into(),
            activity: false,
        }];
    }
    let mut out: Vec<Part> = brief
        .activities
        .iter()
        .map(|a| Part {
            key: format!("{}+", a.activity.short_name()),
            text: a.activity.people().to_string(),
            activity: true,
        })
        .collect();
    let lead = &brief.lead;
    if out.is_empty() && lead.basis == LeadBasis::MostOpen {
        if below_on_every_basis(&segment.figures, overall) {
            out.push(Part {
                key: "less".into(),
                text: "Less engaged".into(),
                activity: false,
            });
        }
        out.push(Part {
            key: format!("open {}", lead.activity.short_name()),
            text: format!("most open to {}", lead.activity.short_name()),
            activity: false,
        });
    }
    let answers = answer_parts(&segment.figures, overall, recognition, true);
    // "Most open to ..." alone says little: the answers come before it.
    if out.len() == 1 && !out[0].activity && out[0].key != "less" {
        let open = out.remove(0);
        out.extend(answers);
        out.push(open);
    } else {
        out.extend(answers);
    }
    out.extend(answer_parts(&segment.figures, overall, recognition, false));
    if out.is_empty() {
        out.push(Part {
            key: "average".into(),
            text: "Close to average on every question".into(),
            activity: false,
        });
    }
    out
}

/// The name from some parts: activities joined with "and", the rest with ", ".
fn compose(parts: &[&Part]) -> String {
    let people: Vec<String> = parts
        .iter()
        .filter(|p| p.activity)
        .enumerate()
        .map(|(i, p)| {
            if i == 0 {
                p.text.clone()
            } else {
                lower_first(&p.text)
            }
        })
        .collect();
    let mut pieces: Vec<String> = Vec::new();
    if !people.is_empty() {
        pieces.push(and_list(&people));
    }
    pieces.extend(parts.iter().filter(|p| !p.activity).map(|p| p.text.clone()));
    let name = pieces.join(", ");
    upper_first(&name)
}

/// The initial choice of parts: up to two activities, or else up to two parts.
fn initial(parts: &[Part]) -> Vec<usize> {
    let activities = parts.iter().take_while(|p| p.activity).count();
    let n = if activities > 0 {
        activities.min(2)
    } else {
        parts.len().min(2)
    };
    (0..n).collect()
}

/// One unique name per segment, in segment order: the caller's from `names`
/// (trimmed) when given, otherwise from the segment's brief (`briefs[i]` is
/// the brief of `segments[i]`) and answers.
pub fn name_segments(
    segments: &[SegmentFigures],
    briefs: &[Brief],
    overall: &GroupProfile,
    recognition: &Recognition,
    names: &BTreeMap<u32, String>,
) -> Vec<String> {
    let mut out = vec![String::new(); segments.len()];
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut derived: Vec<usize> = Vec::new();
    for (i, segment) in segments.iter().enumerate() {
        match names.get(&segment.id) {
            Some(name) if !taken.contains(name.trim()) => {
                out[i] = name.trim().to_string();
                taken.insert(out[i].clone());
            }
            _ => derived.push(i),
        }
    }
    let all_parts: Vec<Vec<Part>> = derived
        .iter()
        .map(|&i| parts(&segments[i], &briefs[i], overall, recognition))
        .collect();
    let mut chosen: Vec<Vec<usize>> = all_parts.iter().map(|p| initial(p)).collect();
    let name_of = |j: usize, chosen: &[Vec<usize>]| {
        compose(
            &chosen[j]
                .iter()
                .map(|&k| &all_parts[j][k])
                .collect::<Vec<_>>(),
        )
    };
    loop {
        let current: Vec<String> = (0..derived.len()).map(|j| name_of(j, &chosen)).collect();
        let clash = |j: usize| {
            taken.contains(&current[j])
                || current
                    .iter()
                    .enumerate()
                    .any(|(other, name)| other != j && *name == current[j])
        };
        let clashing: Vec<usize> = (0..derived.len()).filter(|&j| clash(j)).collect();
        let mut grew = false;
        for &j in &clashing {
            let others: Vec<&Vec<Part>> = clashing
                .iter()
                .filter(|&&o| o != j && current[o] == current[j])
                .map(|&o| &all_parts[o])
                .collect();
            let unused = |k: &usize| !chosen[j].contains(k);
            let shared = |p: &Part| !others.is_empty() && others.iter().all(|o| o.contains(p));
            let next = (0..all_parts[j].len())
                .filter(unused)
                .find(|&k| !shared(&all_parts[j][k]))
                .or_else(|| (0..all_parts[j].len()).find(unused));
            if let Some(k) = next {
                chosen[j].push(k);
                grew = true;
            }
        }
        if !grew {
            break;
        }
    }
    // Parts ran out: tell the rest apart by size, in words.
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for name in &taken {
        seen.insert(name.clone(), 1);
    }
    let order = crate::order::sorted_indices(derived.len(), &|a, b| {
        segments[derived[b]]
            .figures
            .size
            .cmp(&segments[derived[a]].figures.size)
            .then(a.cmp(&b))
    });
    for j in order {
        let base = name_of(j, &chosen);
        let count = seen.entry(base.clone()).or_insert(0);
        *count += 1;
        out[derived[j]] = if *count == 1 {
            base
        } else {
            format!("{base}, the {} group", ordinal(*count))
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engage::{Engagement, fixture_engagement};
    use crate::profile::Profiles;
    use crate::profile::testing::fixture;
    use crate::survey::{Survey, Values};

    fn run(
        survey: &Survey,
        clustered: &[&str],
        names: BTreeMap<u32, String>,
    ) -> (Profiles, Engagement) {
        fixture_engagement(survey, 1, clustered, names)
    }

    fn names((_, e): &(Profiles, Engagement)) -> Vec<&str> {
        e.names.iter().map(String::as_str).collect()
    }

    fn no_digits(names: &[String]) {
        assert!(
            names.iter().all(|n| !n.chars().any(|c| c.is_ascii_digit())),
            "{names:?}"
        );
    }

    #[test]
    fn names_from_top_activities() {
        let p = run(&fixture(), &[], BTreeMap::new());
        assert_eq!(
            names(&p),
            ["Co-designers and community doers", "Co-funders"]
        );
    }

    #[test]
    fn same_activities_are_told_apart_by_their_next_part() {
        let (p, e) = run(
            &fixture(),
            &["Interest in co-design", "Preferred channel"],
            BTreeMap::new(),
        );
        let mut briefs = e.briefs.clone();
        let first = briefs[0].activities[0].clone();
        for b in &mut briefs {
            b.activities = vec![first.clone()];
        }
        let got = name_segments(
            &p.segments,
            &briefs,
            &p.overall,
            &e.activities,
            &BTreeMap::new(),
        );
        assert_eq!(
            got,
            [
                "Co-designers, Mostly Community event",
                "Co-designers, Mostly Online"
            ]
        );
        no_digits(&got);
    }

    #[test]
    fn caller_names_win_and_a_clash_is_resolved_without_a_suffix() {
        let given = BTreeMap::from([(1, "Co-designers and community doers".to_string())]);
        let (_, e) = run(&fixture(), &["Preferred channel"], given);
        assert_eq!(e.names[1], "Co-designers and community doers");
        assert_eq!(
            e.names[0],
            "Co-designers and community doers, Mostly Community event"
        );
    }

    #[test]
    fn less_engaged_only_below_average_on_every_basis_question() {
        let mut survey = fixture();
        if let Some(c) = survey.columns.iter_mut().find(|c| c.name == "Ways to help") {
            c.values = Values::Sets(vec![
                Some(vec![0, 1]),
                Some(vec![0, 1]),
                Some(vec![1]),
                None,
                Some(vec![]),
                Some(vec![]),
                Some(vec![0]),
            ]);
        }
        let p = run(
            &survey,
            &["Interest in co-design", "Ways to help"],
            BTreeMap::new(),
        );
        assert_eq!(
            names(&p),
            [
                "Co-funders and co-designers",
                "Less engaged, most open to co-performing"
            ]
        );
        // Unordered basis questions (the channel) have no "below average".
        let p = run(
            &survey,
            &["Interest in co-design", "Ways to help", "Preferred channel"],
            BTreeMap::new(),
        );
        assert_eq!(p.1.names[1], "Less engaged, most open to co-performing");
    }

    #[test]
    fn without_activities_names_come_from_the_answers() {
        let mut survey = fixture();
        survey
            .columns
            .retain(|c| c.name != "Interest in co-design" && c.name != "Ways to help");
        let p = run(
            &survey,
            &["Preferred channel", "Household size"],
            BTreeMap::new(),
        );
        assert_eq!(names(&p), ["Mostly Community event", "Mostly Online"]);
    }

    #[test]
    fn identical_segments_are_told_apart_by_size_in_words() {
        let (p, e) = run(&fixture(), &[], BTreeMap::new());
        let mut segments = vec![p.segments[1].clone(); 3];
        for (i, s) in segments.iter_mut().enumerate() {
            s.id = i as u32;
        }
        let briefs = vec![e.briefs[1].clone(); 3];
        let got = name_segments(
            &segments,
            &briefs,
            &p.overall,
            &e.activities,
            &BTreeMap::new(),
        );
        let unique: BTreeSet<&String> = got.iter().collect();
        assert_eq!(unique.len(), 3, "{got:?}");
        assert_eq!(got[1], format!("{}, the second group", got[0]));
        no_digits(&got);
    }
}
