//! The "rifle" brief per segment: the activity to offer first and how, the
//! activities its members care about more than average, and how to reach
//! them. Wording states interest only: never promises or savings.
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
//! - the lead is the first activity above average with all its approaches;
//!   with none, the activity the segment is relatively most open to (largest
//!   standardised difference) with its lowest-barrier approach; when the
//!   survey asks about no activity, co-design through user consultation;
//! - a segment is too small to act on below `minGroupSize` respondents, too
//!   unstable below a stability of [`UNSTABLE_BELOW`] (see
//!   [`with_stability`]);
//! - how to reach it: see [`super::reach`].

use serde::Serialize;

use super::activity::{Activity, Family};
use super::evidence::{evidence, percent};
use super::reach::{descriptors, reach_sentence};
use super::recognise::Recognition;
use super::wording::{and_list, upper_first};
use crate::profile::GroupProfile;
use crate::survey::Survey;

/// A segment cares about an activity "more than average" when the
/// standardised difference of its interest is at least this.
pub const ABOVE_AVERAGE_SD: f64 = 0.2;

/// Below this stability (mean best-match Jaccard over re-runs) a segment is
/// too unstable to act on (the page calls it "weak").
pub const UNSTABLE_BELOW: f64 = 0.6;

/// How to approach one segment (its name is kept with the segment).
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Brief {
    /// The segment id.
    pub segment: u32,
    /// True when the segment is smaller than `minGroupSize`.
    pub below_min_size: bool,
    /// The first line: the caution (if any), the size, the activity to offer
    /// and how, and how to reach the segment.
    pub headline: String,
    /// The activity to offer first, always present.
    pub lead: Lead,
    /// The activities the segment cares about more than average, ranked.
    pub activities: Vec<BriefActivity>,
    /// Channels and descriptors (who they are, where they live) that
    /// over-index in the segment, channels first.
    pub descriptors: Vec<BriefDescriptor>,
    /// How to reach the segment, in one sentence.
    pub reach: String,
    /// Says plainly when the segment is too small or too unstable to act on.
    pub caution: Option<String>,
}

/// Why a brief's lead is the activity to offer.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum LeadBasis {
    /// The segment cares about it more than average (the first of `activities`).
    AboveAverage,
    /// No activity interests the segment more than average; this is the one
    /// it is relatively most open to.
    MostOpen,
    /// The survey asks about no activity: a low-barrier start that asks them.
    NotAsked,
}

/// The activity to offer a segment first, and how.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Lead {
    /// The activity.
    pub activity: Activity,
    /// Its readable name, e.g. "co-design of services".
    pub activity_name: String,
    /// Why it is the one.
    pub basis: LeadBasis,
    /// The approaches to use: every one the typology pairs with it when the
    /// segment is keen, otherwise the lowest-barrier one.
    pub approaches: Vec<String>,
    /// One plain sentence, e.g. "Offer co-design: user consultation, ...".
    pub sentence: String,
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

/// A channel, level, option or number that sets a segment apart.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BriefDescriptor {
    /// The question.
    pub question: String,
    /// The level or option; `null` for a Likert or numeric question.
    pub level: Option<String>,
    /// True when the question asks how people like to be reached.
    pub channel: bool,
    /// What `segment` and `overall` measure: `share` (0–1 of those who
    /// answered) or `mean`.
    pub measure: Measure,
    /// The segment's figure.
    pub segment: f64,
    /// All respondents' figure.
    pub overall: f64,
    /// segment ÷ overall × 100; `null` when overall is 0.
    pub index: Option<f64>,
    /// Respondents in the segment who chose it (a level) or answered (a number).
    pub count: usize,
    /// Respondents in the segment who answered the question.
    pub n: usize,
    /// e.g. "Preferred channel: Community event, 45 % against 20 % of all respondents".
    pub description: String,
}

fn or_list(items: &[String]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => items.join(""),
    }
}

/// The activity to offer first: see the module's rules.
fn lead(ranked: &[BriefActivity]) -> Lead {
    let (activity, basis) = match ranked.first() {
        Some(a) if a.standardised_difference >= ABOVE_AVERAGE_SD => {
            (a.activity, LeadBasis::AboveAverage)
        }
        Some(a) => (a.activity, LeadBasis::MostOpen),
        None => (Activity::CoDesign, LeadBasis::NotAsked),
    };
    let approaches: Vec<String> = match basis {
        LeadBasis::AboveAverage => activity
            .approaches()
            .iter()
            .map(|a| a.to_string())
            .collect(),
        _ => vec![activity.lowest_barrier().to_string()],
    };
    let short = activity.short_name();
    let sentence = match basis {
        LeadBasis::AboveAverage => format!("Offer {short}: {}", or_list(&approaches)),
        LeadBasis::MostOpen => format!(
            "No activity interests them more than average; they are relatively most open to {short}: start with {}",
            activity.lowest_barrier()
        ),
        LeadBasis::NotAsked => format!(
            "The survey asks about no co-production activity: start with {short} through {}, asking them which activities matter to them",
            activity.lowest_barrier()
        ),
    };
    Lead {
        activity,
        activity_name: activity.name().to_string(),
        basis,
        approaches,
        sentence,
    }
}

/// Every activity with evidence, the best source per activity, ranked.
fn ranked_activities(
    survey: &Survey,
    recognition: &Recognition,
    overall: &GroupProfile,
    segment: &GroupProfile,
) -> Vec<BriefActivity> {
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
    crate::order::sort_by(&mut best, |a, b| {
        b.standardised_difference
            .total_cmp(&a.standardised_difference)
            .then(a.activity.cmp(&b.activity))
    });
    best
}

/// "Too small to act on: ..." when the segment is below `min_group_size`.
fn small_caution(size: usize, min_group_size: u32) -> Option<String> {
    (size < min_group_size as usize).then(|| {
        format!(
            "Too small to act on: {size} respondents, fewer than {min_group_size}, so its figures are suppressed in exports."
        )
    })
}

/// The brief of segment `id`. Stability is added by [`with_stability`] once
/// it is measured.
pub fn brief(
    survey: &Survey,
    recognition: &Recognition,
    overall: &GroupProfile,
    id: u32,
    segment: &GroupProfile,
    min_group_size: u32,
) -> Brief {
    let ranked = ranked_activities(survey, recognition, overall, segment);
    let lead = lead(&ranked);
    let activities: Vec<BriefActivity> = ranked
        .into_iter()
        .filter(|a| a.standardised_difference >= ABOVE_AVERAGE_SD)
        .collect();
    let descriptors = descriptors(recognition, segment, overall, min_group_size);
    let reach = reach_sentence(&descriptors, segment);
    let interest = if activities.is_empty() {
        String::new()
    } else {
        let names: Vec<String> = activities
            .iter()
            .map(|b| b.activity.short_name().to_string())
            .collect();
        format!(
            "; more interested than all respondents in {}",
            and_list(&names)
        )
    };
    let caution = small_caution(segment.size, min_group_size);
    let headline = format!(
        "{}{} respondents ({} of all){interest}. {}. {reach}",
        caution
            .as_ref()
            .map(|c| format!("{c} "))
            .unwrap_or_default(),
        segment.size,
        percent(segment.share),
        upper_first(&lead.sentence),
    );
    Brief {
        segment: id,
        below_min_size: segment.size < min_group_size as usize,
        headline,
        lead,
        activities,
        descriptors,
        reach,
        caution,
    }
}

/// Adds the caution for a segment whose stability is below
/// [`UNSTABLE_BELOW`], in front of the headline.
pub fn with_stability(brief: &mut Brief, stability: Option<f64>) {
    let Some(s) = stability.filter(|s| *s < UNSTABLE_BELOW) else {
        return;
    };
    let text = format!(
        "Too unstable to act on: stability {s:.2}, below {UNSTABLE_BELOW:.2}, so re-runs often split or merge it."
    );
    brief.headline = format!("{text} {}", brief.headline);
    brief.caution = Some(match brief.caution.take() {
        Some(small) => format!("{small} {text}"),
        None => text,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engage::{Engagement, fixture_engagement};
    use crate::profile::testing::fixture;
    use crate::survey::Survey;

    fn briefs(survey: &Survey, min_group_size: u32) -> Vec<Brief> {
        fixture_engagement(survey, min_group_size, &[], Default::default())
            .1
            .briefs
    }

    fn run(min_group_size: u32) -> Engagement {
        fixture_engagement(&fixture(), min_group_size, &[], Default::default()).1
    }

    #[test]
    fn activities_ranked_with_approaches_and_factual_lines() {
        let p = run(1);
        let b = &p.briefs[0];
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
            "3 respondents (50 % of all); more interested than all respondents in co-design and co-performing. \
             Offer co-design: user consultation, service design labs or customer journey mapping. \
             Reach them through Community event (Preferred channel: 67 % against 40 %)."
        );
        assert_eq!(b.lead.basis, LeadBasis::AboveAverage);
        assert_eq!(b.lead.approaches.len(), 3);
        assert!(b.caution.is_none());
        assert_eq!(p.names[0], "Co-designers and community doers");
        let b1 = &p.briefs[1];
        assert_eq!(b1.activities.len(), 1);
        assert_eq!(
            b1.activities[0].comparison,
            "50 % chose “Fundraising” (co-financing), against 40 % of all respondents"
        );
    }

    #[test]
    fn descriptors_need_index_and_enough_respondents() {
        let p = run(1);
        let d: Vec<&str> = p.briefs[0]
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
            p.briefs[1].descriptors[0].description,
            "Preferred channel: Online, 100 % against 60 % of all respondents"
        );
        // With a threshold of 3, two respondents choosing a level are not enough.
        assert!(run(3).briefs[0].descriptors.is_empty());
        assert!(!run(3).briefs[0].below_min_size);
        assert!(run(4).briefs[0].below_min_size);
    }

    #[test]
    fn wording_states_interest_only() {
        let e = run(1);
        let json = serde_json::to_string(&(&e.briefs, &e.names))
            .unwrap_or_default()
            .to_lowercase();
        for word in ["save", "saving", "will ", "promise", "guarantee", "cheaper"] {
            assert!(!json.contains(word), "{word}");
        }
    }

    #[test]
    fn low_interest_gets_the_most_open_activity_and_lowest_barrier() {
        let mut survey = fixture();
        // Segment 1 ticks fundraising less than average once volunteering is
        // also fundraising for everyone else.
        if let Some(c) = survey.columns.iter_mut().find(|c| c.name == "Ways to help") {
            c.values = crate::survey::Values::Sets(vec![
                Some(vec![0, 1]),
                Some(vec![0, 1]),
                Some(vec![1]),
                None,
                Some(vec![]),
                Some(vec![]),
                Some(vec![0]),
            ]);
        }
        let b = &briefs(&survey, 1)[1];
        assert!(b.activities.is_empty());
        assert_eq!(b.lead.basis, LeadBasis::MostOpen);
        assert_eq!(b.lead.approaches, ["Neighbourhood Watch"]);
        assert!(
            b.headline
                .contains("relatively most open to co-performing: start with Neighbourhood Watch"),
            "{}",
            b.headline
        );
    }

    #[test]
    fn no_activity_question_still_names_a_start_and_a_way_in() {
        let mut survey = fixture();
        survey
            .columns
            .retain(|c| c.name != "Interest in co-design" && c.name != "Ways to help");
        let b = &briefs(&survey, 1)[0];
        assert_eq!(b.lead.basis, LeadBasis::NotAsked);
        assert_eq!(b.lead.activity, Activity::CoDesign);
        assert_eq!(b.lead.approaches, ["user consultation"]);
        assert!(
            b.reach.starts_with("Reach them through Community event"),
            "{}",
            b.reach
        );
    }

    #[test]
    fn too_small_or_unstable_is_said_plainly() {
        let mut b = run(4).briefs[0].clone();
        assert!(
            b.headline
                .starts_with("Too small to act on: 3 respondents, fewer than 4"),
            "{}",
            b.headline
        );
        with_stability(&mut b, Some(0.9));
        assert!(!b.headline.contains("unstable"));
        with_stability(&mut b, Some(0.41));
        assert!(
            b.headline
                .starts_with("Too unstable to act on: stability 0.41, below 0.60"),
            "{}",
            b.headline
        );
        assert!(b.caution.as_deref().unwrap_or("").contains("Too small"));
    }

    #[test]
    fn top_two_phrases() {
        use crate::engage::evidence::top_two_phrase;
        use crate::survey::Scale;
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
