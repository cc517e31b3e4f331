//! How to reach a segment: the channels and descriptors (who they are, where
//! they live) that over-index in it, and one sentence that says so.
//!
//! Rules:
//! - descriptors are the questions not about an activity that are not basis
//!   questions (a categorical question counts even when clustered: it says
//!   who people are);
//! - a level or option over-indexes when its index is at least
//!   [`DESCRIPTOR_MIN_INDEX`] and at least `minGroupSize` respondents of the
//!   segment chose it; a Likert or numeric descriptor when its standardised
//!   difference is at least [`DISTINCT_SD`] away from 0 and at least
//!   `minGroupSize` answered;
//! - a question is a channel question when its wording matches a
//!   vocabulary's `channel` phrases; channels come first, then levels by
//!   index, then numbers by distance from average; at most
//!   [`DESCRIPTOR_TOP`];
//! - with no channel over-indexing, the channel most of the segment chose
//!   is named; with nothing at all, the sentence says so and falls back to
//!   the survey's own invitation.

use super::brief::{BriefDescriptor, Measure};
use super::evidence::percent;
use super::phrases::mentions;
use super::recognise::Recognition;
use super::vocabulary::VOCABULARIES;
use super::wording::{and_list, question_words};
use crate::profile::{DISTINCT_SD, GroupProfile, QuestionProfile};
use crate::survey::ColumnKind;

/// A descriptor level characterises a segment when its index is at least this...
pub const DESCRIPTOR_MIN_INDEX: f64 = 120.0;
/// ...and at most this many descriptors are listed per segment.
pub const DESCRIPTOR_TOP: usize = 5;

/// True when a question asks how people like to be reached.
pub fn is_channel_question(question: &str) -> bool {
    VOCABULARIES.iter().any(|v| mentions(question, v.channel))
}

/// True when a question says who people are or where they live.
pub fn is_descriptor_question(question: &str) -> bool {
    VOCABULARIES
        .iter()
        .any(|v| mentions(question, v.descriptor))
}

fn about_activity(recognition: &Recognition, question: &str, option: Option<&str>) -> bool {
    recognition
        .sources
        .iter()
        .any(|s| s.question == question && (s.option.is_none() || s.option.as_deref() == option))
}

fn is_descriptor(q: &QuestionProfile) -> bool {
    !q.clustered || q.kind == ColumnKind::Categorical
}

fn level_descriptor(
    q: &QuestionProfile,
    o: &QuestionProfile,
    recognition: &Recognition,
    min: usize,
) -> Vec<BriefDescriptor> {
    let channel = is_channel_question(&q.question);
    q.categories
        .iter()
        .zip(&o.categories)
        .filter_map(|(c, oc)| {
            let (share, overall, index) = (c.share?, oc.share?, c.index?);
            if index < DESCRIPTOR_MIN_INDEX
                || c.count < min
                || about_activity(recognition, &q.question, Some(&c.label))
            {
                return None;
            }
            Some(BriefDescriptor {
                question: q.question.clone(),
                level: Some(c.label.clone()),
                channel,
                measure: Measure::Share,
                segment: share,
                overall,
                index: Some(index),
                count: c.count,
                n: q.n,
                description: format!(
                    "{}: {}, {} against {} of all respondents",
                    q.question,
                    c.label,
                    percent(share),
                    percent(overall)
                ),
            })
        })
        .collect()
}

fn number_descriptor(
    q: &QuestionProfile,
    o: &QuestionProfile,
    min: usize,
) -> Option<BriefDescriptor> {
    let (mean, overall, sd) = (q.mean?, o.mean?, q.standardised_difference?);
    if sd.abs() < DISTINCT_SD || q.n < min {
        return None;
    }
    Some(BriefDescriptor {
        question: q.question.clone(),
        level: None,
        channel: is_channel_question(&q.question),
        measure: Measure::Mean,
        segment: mean,
        overall,
        index: q.index,
        count: q.n,
        n: q.n,
        description: format!(
            "{}: {} than average, mean {mean:.1} against {overall:.1} for all respondents",
            q.question,
            if sd > 0.0 { "higher" } else { "lower" }
        ),
    })
}

/// The channels and descriptors that over-index in `segment`, channels first.
pub fn descriptors(
    recognition: &Recognition,
    segment: &GroupProfile,
    overall: &GroupProfile,
    min_group_size: u32,
) -> Vec<BriefDescriptor> {
    let min = min_group_size as usize;
    let mut levels = Vec::new();
    let mut numbers = Vec::new();
    for (q, o) in segment.questions.iter().zip(&overall.questions) {
        if !is_descriptor(q) {
            continue;
        }
        match q.kind {
            ColumnKind::Categorical | ColumnKind::Multi => {
                levels.extend(level_descriptor(q, o, recognition, min))
            }
            ColumnKind::Likert | ColumnKind::Numeric
                if !about_activity(recognition, &q.question, None) =>
            {
                numbers.extend(number_descriptor(q, o, min))
            }
            _ => {}
        }
    }
    crate::order::sort_by(&mut levels, |a, b| {
        b.channel
            .cmp(&a.channel)
            .then(b.index.unwrap_or(0.0).total_cmp(&a.index.unwrap_or(0.0)))
    });
    let distance = |d: &BriefDescriptor| (d.segment - d.overall).abs() / d.overall.abs().max(1e-9);
    crate::order::sort_by(&mut numbers, |a, b| {
        b.channel
            .cmp(&a.channel)
            .then(distance(b).total_cmp(&distance(a)))
    });
    let (channel_numbers, other_numbers): (Vec<_>, Vec<_>) =
        numbers.into_iter().partition(|d| d.channel);
    let (channel_levels, other_levels): (Vec<_>, Vec<_>) =
        levels.into_iter().partition(|d| d.channel);
    let mut out: Vec<BriefDescriptor> = channel_levels
        .into_iter()
        .chain(channel_numbers)
        .chain(other_levels)
        .chain(other_numbers)
        .collect();
    out.truncate(DESCRIPTOR_TOP);
    out
}

/// The channel most of the segment chose, when no channel over-indexes:
/// (question, level, share).
fn most_chosen_channel(segment: &GroupProfile) -> Option<(&str, &str, f64)> {
    segment
        .questions
        .iter()
        .filter(|q| {
            matches!(q.kind, ColumnKind::Categorical | ColumnKind::Multi)
                && is_channel_question(&q.question)
        })
        .flat_map(|q| {
            q.categories
                .iter()
                .filter_map(move |c| Some((q.question.as_str(), c.label.as_str(), c.share?)))
        })
        .max_by(|a, b| a.2.total_cmp(&b.2))
        .filter(|(_, _, share)| *share > 0.0)
}

fn phrase(d: &BriefDescriptor) -> String {
    match &d.level {
        Some(level) => format!(
            "{level} ({}: {} against {})",
            question_words(&d.question),
            percent(d.segment),
            percent(d.overall)
        ),
        None => format!(
            "{} {} (mean {:.1} against {:.1})",
            if d.segment > d.overall {
                "higher"
            } else {
                "lower"
            },
            question_words(&d.question),
            d.segment,
            d.overall
        ),
    }
}

/// One sentence on how to reach the segment, from its `descriptors`.
pub fn reach_sentence(descriptors: &[BriefDescriptor], segment: &GroupProfile) -> String {
    let channels: Vec<String> = descriptors
        .iter()
        .filter(|d| d.channel)
        .map(phrase)
        .collect();
    let others: Vec<String> = descriptors
        .iter()
        .filter(|d| !d.channel)
        .take(3)
        .map(phrase)
        .collect();
    let mut out = if !channels.is_empty() {
        format!("Reach them through {}", and_list(&channels))
    } else if let Some((question, level, share)) = most_chosen_channel(segment) {
        format!(
            "Reach them through {level}, the channel most of them chose ({}: {})",
            question_words(question),
            percent(share)
        )
    } else if others.is_empty() {
        return "No channel or descriptor sets them apart: reach them through the survey's own invitation, re-contacting respondents who agreed to be contacted.".into();
    } else {
        "No channel question sets them apart: reach them by who they are".into()
    };
    if !others.is_empty() {
        out.push_str(&format!("; over-represented: {}", and_list(&others)));
    }
    out.push('.');
    out
}
