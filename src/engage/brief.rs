//! The "rifle" brief per segment: the activities its members care about more
//! than average, the approaches that fit them, and the descriptors (channel,
//! age band, ...) that characterise the segment. Wording states interest
//! only: never promises or savings.
//!
//! Rules:
//! - an activity's interest in a segment comes from each question or option
//!   about it: a Likert question's mean (its top-two-box share is what the
//!   sentence quotes), a `multi` option's share, a numeric question's mean;
//! - it counts as "more than average" when the standardised difference is at
//!   least [`ABOVE_AVERAGE_SD`]; with several questions about one activity the
//!   one with the largest standardised difference speaks for it;
//! - activities are ranked by standardised difference, largest first (ties in
//!   the typology's order); `index` is the quoted share (or mean) ÷ the overall
//!   one × 100;
//! - descriptors are categorical levels and `multi` options not about an
//!   activity, with index ≥ [`DESCRIPTOR_MIN_INDEX`] and chosen by at least
//!   `minGroupSize` respondents of the segment, ranked by index, at most
//!   [`DESCRIPTOR_TOP`].

use serde::Serialize;

use super::activity::{Activity, Family};
use super::recognise::{ActivitySource, Recognition};
use crate::profile::{
    ABOVE_AVERAGE_SD, DESCRIPTOR_MIN_INDEX, DESCRIPTOR_TOP, GroupProfile, QuestionProfile,
};
use crate::survey::{ColumnKind, Scale, Survey};

/// How to approach one segment.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Brief {
    /// The segment id.
    pub segment: u32,
    /// The segment's name.
    pub name: String,
    /// True when the segment is smaller than `minGroupSize`.
    pub below_min_size: bool,
    /// One factual sentence summing up the brief.
    pub headline: String,
    /// The activities the segment cares about more than average, ranked.
    pub activities: Vec<BriefActivity>,
    /// Levels and options that characterise the segment (channel, age band, ...).
    pub descriptors: Vec<BriefDescriptor>,
}

/// What a brief's figure measures.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Measure {
    /// Share (0–1) answering one of a Likert scale's two highest points.
    TopTwoShare,
    /// Share (0–1) ticking a `multi` option.
    Share,
    /// Mean of a numeric question, in its units.
    Mean,
}

/// An activity a segment cares about more than average.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BriefActivity {
    /// The activity.
    pub activity: Activity,
    /// Its family.
    pub family: Family,
    /// Its readable name, e.g. "co-design of services".
    pub activity_name: String,
    /// The typology's approaches that fit it.
    pub approaches: Vec<String>,
    /// The question the figures come from.
    pub question: String,
    /// The `multi` option, when the figures come from one.
    pub option: Option<String>,
    /// What `segment` and `overall` measure.
    pub measure: Measure,
    /// The segment's figure.
    pub segment: f64,
    /// All respondents' figure.
    pub overall: f64,
    /// segment ÷ overall × 100; `null` when overall is 0.
    pub index: Option<f64>,
    /// Standardised difference used for ranking (of the mean for Likert and
    /// numeric questions, of the 0/1 answer for options).
    pub standardised_difference: f64,
    /// Respondents in the segment who answered.
    pub n: usize,
    /// One factual line comparing the segment with everyone, e.g. "68 % fairly
    /// or very interested in co-design, against 21 % of all respondents".
    pub comparison: String,
}

/// A level or option that characterises a segment.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BriefDescriptor {
    /// The question.
    pub question: String,
    /// The level or option.
    pub level: String,
    /// Share (0–1) of the segment's respondents who answered the question.
    pub share: f64,
    /// Share (0–1) of all respondents.
    pub overall_share: f64,
    /// share ÷ overall share × 100.
    pub index: f64,
    /// Respondents in the segment who chose it.
    pub count: usize,
    /// Respondents in the segment who answered the question.
    pub n: usize,
    /// e.g. "Preferred channel: Community event, 45 % against 20 % of all respondents".
    pub description: String,
}

/// A share as a whole percentage, e.g. `0.684` → `"68 %"`.
pub fn percent(share: f64) -> String {
    format!("{:.0} %", share * 100.0)
}

/// "fairly or very interested" from labels "Fairly interested", "Very
/// interested"; "agree or strongly agree" when they share no leading words.
fn top_two_phrase(scale: &Scale) -> Option<String> {
    let n = scale.labels.len();
    if n < 2 {
        return None;
    }
    let lower = scale.labels[n - 2].to_lowercase();
    let upper = scale.labels[n - 1].to_lowercase();
    let (a, b): (Vec<&str>, Vec<&str>) = (
        lower.split_whitespace().collect(),
        upper.split_whitespace().collect(),
    );
    let common = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    if common > 0 && common < a.len() && common < b.len() {
        Some(format!(
            "{} or {} {}",
            a[..a.len() - common].join(" "),
            b[..b.len() - common].join(" "),
            a[a.len() - common..].join(" ")
        ))
    } else {
        Some(format!("{} or {}", a.join(" "), b.join(" ")))
    }
}

fn comparison(
    survey: &Survey,
    source: &ActivitySource,
    measure: Measure,
    segment: f64,
    overall: f64,
) -> String {
    let short = source.activity.short_name();
    let question = &source.question;
    match measure {
        Measure::TopTwoShare => {
            let scale = survey.column(question).and_then(|c| c.scale.as_ref());
            let answering = match scale.and_then(top_two_phrase) {
                Some(p) if p.ends_with("interested") => format!("{p} in {short}"),
                Some(p) => format!("answering {p} to “{question}” ({short})"),
                None => {
                    let (lo, hi) = scale.map_or((0.0, 0.0), |s| (s.min, s.max));
                    format!(
                        "answering {} or {} on the {lo}–{hi} scale of “{question}” ({short})",
                        hi - 1.0,
                        hi
                    )
                }
            };
            format!(
                "{} {answering}, against {} of all respondents",
                percent(segment),
                percent(overall)
            )
        }
        Measure::Share => format!(
            "{} chose “{}” ({short}), against {} of all respondents",
            percent(segment),
            source.option.as_deref().unwrap_or_default(),
            percent(overall)
        ),
        Measure::Mean => format!(
            "mean {segment:.1} on “{question}” ({short}), against {overall:.1} for all respondents"
        ),
    }
}

fn find<'a>(group: &'a GroupProfile, question: &str) -> Option<&'a QuestionProfile> {
    group.questions.iter().find(|q| q.question == question)
}

/// The interest of one segment in one source, if it is above average.
fn evidence(
    survey: &Survey,
    source: &ActivitySource,
    segment: &GroupProfile,
    overall: &GroupProfile,
) -> Option<BriefActivity> {
    let (q, o) = (
        find(segment, &source.question)?,
        find(overall, &source.question)?,
    );
    let (measure, seg, all, sd) = match &source.option {
        Some(option) => {
            let j = q.categories.iter().position(|c| &c.label == option)?;
            let (c, oc) = (&q.categories[j], o.categories.get(j)?);
            (
                Measure::Share,
                c.share?,
                oc.share?,
                c.standardised_difference?,
            )
        }
        None => match (q.top_two_share, o.top_two_share) {
            (Some(s), Some(a)) => (Measure::TopTwoShare, s, a, q.standardised_difference?),
            _ => (Measure::Mean, q.mean?, o.mean?, q.standardised_difference?),
        },
    };
    if q.n == 0 || sd < ABOVE_AVERAGE_SD {
        return None;
    }
    let activity = source.activity;
    Some(BriefActivity {
        activity,
        family: activity.family(),
        activity_name: activity.name().to_string(),
        approaches: activity
            .approaches()
            .iter()
            .map(|a| a.to_string())
            .collect(),
        question: source.question.clone(),
        option: source.option.clone(),
        measure,
        segment: seg,
        overall: all,
        index: (all != 0.0).then(|| seg / all * 100.0),
        standardised_difference: sd,
        n: q.n,
        comparison: comparison(survey, source, measure, seg, all),
    })
}

fn descriptors(
    recognition: &Recognition,
    segment: &GroupProfile,
    overall: &GroupProfile,
    min_group_size: u32,
) -> Vec<BriefDescriptor> {
    let about_activity = |question: &str, option: &str| {
        recognition
            .sources
            .iter()
            .any(|s| s.question == question && s.option.as_deref().is_none_or(|o| o == option))
    };
    let mut out = Vec::new();
    for (q, o) in segment.questions.iter().zip(&overall.questions) {
        if !matches!(q.kind, ColumnKind::Categorical | ColumnKind::Multi) {
            continue;
        }
        for (c, oc) in q.categories.iter().zip(&o.categories) {
            let (Some(share), Some(overall_share), Some(index)) = (c.share, oc.share, c.index)
            else {
                continue;
            };
            if index < DESCRIPTOR_MIN_INDEX
                || c.count < min_group_size as usize
                || about_activity(&q.question, &c.label)
            {
                continue;
            }
            out.push(BriefDescriptor {
                question: q.question.clone(),
                level: c.label.clone(),
                share,
                overall_share,
                index,
                count: c.count,
                n: q.n,
                description: format!(
                    "{}: {}, {} against {} of all respondents",
                    q.question,
                    c.label,
                    percent(share),
                    percent(overall_share)
                ),
            });
        }
    }
    out.sort_by(|a, b| b.index.total_cmp(&a.index));
    out.truncate(DESCRIPTOR_TOP);
    out
}

/// The brief of segment `id`. Its `name` is filled in by the caller once all
/// segments are named.
pub fn brief(
    survey: &Survey,
    recognition: &Recognition,
    overall: &GroupProfile,
    id: u32,
    segment: &GroupProfile,
    min_group_size: u32,
) -> Brief {
    let mut best: Vec<BriefActivity> = Vec::new();
    for source in &recognition.sources {
        let Some(e) = evidence(survey, source, segment, overall) else {
            continue;
        };
        match best.iter_mut().find(|b| b.activity == e.activity) {
            Some(b) if b.standardised_difference < e.standardised_difference => *b = e,
            Some(_) => {}
            None => best.push(e),
        }
    }
    best.sort_by(|a, b| {
        b.standardised_difference
            .total_cmp(&a.standardised_difference)
            .then(a.activity.cmp(&b.activity))
    });
    let headline = if best.is_empty() {
        format!(
            "{} respondents ({} of all); no activity stands out as more interesting to them than to all respondents.",
            segment.size,
            percent(segment.share)
        )
    } else {
        let names: Vec<&str> = best.iter().map(|b| b.activity.short_name()).collect();
        let list = match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => names.join(""),
        };
        format!(
            "{} respondents ({} of all); more interested than all respondents in {list}.",
            segment.size,
            percent(segment.share)
        )
    };
    Brief {
        segment: id,
        name: String::new(),
        below_min_size: segment.size < min_group_size as usize,
        headline,
        activities: best,
        descriptors: descriptors(recognition, segment, overall, min_group_size),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::testing::{ASSIGNMENTS, fixture};
    use crate::profile::{ProfileOptions, Profiles, profile};

    fn run(min_group_size: u32) -> Profiles {
        let options = ProfileOptions {
            min_group_size,
            ..ProfileOptions::default()
        };
        profile(&fixture(), &ASSIGNMENTS, None, &options).expect("valid fixture")
    }

    #[test]
    fn activities_ranked_with_approaches_and_factual_lines() {
        let p = run(1);
        let b = &p.segments[0].brief;
        let got: Vec<(Activity, &str)> = b
            .activities
            .iter()
            .map(|a| (a.activity, a.comparison.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    Activity::CoDesign,
                    "100 % fairly or very interested in co-design, against 60 % of all respondents"
                ),
                (
                    Activity::CoPerforming,
                    "67 % chose “Volunteering” (co-performing), against 40 % of all respondents"
                ),
            ]
        );
        let design = &b.activities[0];
        assert_eq!(design.family, Family::CoDesign);
        assert_eq!(design.measure, Measure::TopTwoShare);
        assert_eq!(design.approaches[1], "service design labs");
        assert!((design.index.unwrap_or(0.0) - 100.0 / 0.6).abs() < 1e-9);
        assert_eq!(
            b.headline,
            "3 respondents (50 % of all); more interested than all respondents in co-design and co-performing."
        );
        assert_eq!(b.name, "Co-designers and community doers");
        let b1 = &p.segments[1].brief;
        assert_eq!(b1.activities.len(), 1);
        assert_eq!(
            b1.activities[0].comparison,
            "50 % chose “Fundraising” (co-financing), against 40 % of all respondents"
        );
    }

    #[test]
    fn descriptors_need_index_and_enough_respondents() {
        let p = run(1);
        let d: Vec<&str> = p.segments[0]
            .brief
            .descriptors
            .iter()
            .map(|d| d.description.as_str())
            .collect();
        // The ways-to-help options are about activities, so they are not descriptors.
        assert_eq!(
            d,
            ["Preferred channel: Community event, 67 % against 40 % of all respondents"]
        );
        assert_eq!(
            p.segments[1].brief.descriptors[0].description,
            "Preferred channel: Online, 100 % against 60 % of all respondents"
        );
        // With a threshold of 3, two respondents choosing a level are not enough.
        assert!(run(3).segments[0].brief.descriptors.is_empty());
        assert!(!run(3).segments[0].brief.below_min_size);
        assert!(run(4).segments[0].brief.below_min_size);
    }

    #[test]
    fn wording_states_interest_only() {
        let json = serde_json::to_string(&run(1))
            .unwrap_or_default()
            .to_lowercase();
        for word in ["save", "saving", "will ", "promise", "guarantee", "cheaper"] {
            assert!(!json.contains(word), "{word}");
        }
    }

    #[test]
    fn top_two_phrases() {
        let scale = |a: &str, b: &str| Scale {
            min: 1.0,
            max: 5.0,
            labels: vec!["x".into(), a.into(), b.into()],
        };
        let phrase = |a, b| top_two_phrase(&scale(a, b));
        assert_eq!(
            phrase("Fairly interested", "Very interested").as_deref(),
            Some("fairly or very interested")
        );
        assert_eq!(
            phrase("Agree", "Strongly agree").as_deref(),
            Some("agree or strongly agree")
        );
        assert_eq!(
            phrase("Likely", "Certain").as_deref(),
            Some("likely or certain")
        );
    }
}
