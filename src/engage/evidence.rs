//! How interested a segment is in each activity, from the figures of the
//! questions and options about it, and the factual line that says so.

use super::brief::{BriefActivity, Measure};
use super::recognise::ActivitySource;
use crate::profile::{GroupProfile, QuestionProfile};
use crate::survey::{Scale, Survey};

/// A share as a whole percentage, e.g. `0.684` → `"68 %"`.
pub fn percent(share: f64) -> String {
    format!("{:.0} %", share * 100.0)
}

/// "fairly or very interested" from labels "Fairly interested", "Very
/// interested"; "agree or strongly agree" when they share no leading words.
pub(crate) fn top_two_phrase(scale: &Scale) -> Option<String> {
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

pub(crate) fn find<'a>(group: &'a GroupProfile, question: &str) -> Option<&'a QuestionProfile> {
    group.questions.iter().find(|q| q.question == question)
}

/// The interest of one segment in one source, above average or not (`None`
/// when nobody in the segment answered it).
pub(crate) fn evidence(
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
    if q.n == 0 {
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
