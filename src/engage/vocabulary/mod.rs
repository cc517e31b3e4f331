//! The words people use, as data: one [`Vocabulary`] per language, each a
//! table of phrases per activity (and per kind of descriptor question).
//! Another language is another table in [`VOCABULARIES`]; no code changes.
//!
//! Phrase syntax (matched against text lower-cased, with every run of
//! characters that are not letters or digits read as one word break, so
//! `Co-design`, `co_design` and `CO DESIGN` read alike):
//! - words separated by spaces must follow each other;
//! - a word ending in `*` matches any word starting with the rest
//!   (`volunteer*` matches "volunteering"); any other word matches only itself;
//! - `..` lets up to [`GAP`] other words stand between its neighbours
//!   (`money .. spent` matches "money should be spent").
//!
//! An entry's `not` phrases mask its phrases where they overlap ("planning
//! permission" is not co-planning); [`Vocabulary::not_any`] masks every entry.
//! A phrase counts as many words as it has (not `..`); a masking phrase only
//! masks phrases with at most as many words as itself.

mod en;

use super::activity::Activity;

/// Most other words a `..` in a phrase lets through.
pub const GAP: usize = 3;

/// The phrases of one activity.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// The activity the phrases are about.
    pub activity: Activity,
    /// Phrases that say a question is about the activity.
    pub phrases: &'static [&'static str],
    /// Phrases that look like the activity but are not about it.
    pub not: &'static [&'static str],
}

/// The words of one language.
#[derive(Debug, Clone, Copy)]
pub struct Vocabulary {
    /// BCP 47 language tag, e.g. `"en"`.
    pub language: &'static str,
    /// One entry per activity (an activity may have several).
    pub activities: &'static [Entry],
    /// Phrases that mask every activity's phrases ("how would you rate" asks
    /// for a rating; it is not about rating services as an activity).
    pub not_any: &'static [&'static str],
    /// Phrases that make a question about getting involved ("how interested
    /// would you be", "willing to"): such a question matching no activity is
    /// reported as activity-like but not matched.
    pub involvement: &'static [&'static str],
    /// Phrases that, at the start of a `multi` option, make it no answer
    /// ("None of these", "Other (please specify)"): never reported unmatched.
    pub non_answers: &'static [&'static str],
    /// Phrases of questions about how to reach people (preferred channel,
    /// where they hear news).
    pub channel: &'static [&'static str],
    /// Phrases of questions about who people are and where they live (age,
    /// gender, area, tenure, ...).
    pub descriptor: &'static [&'static str],
}

/// Every language's table; text is matched against all of them.
pub const VOCABULARIES: &[&Vocabulary] = &[&en::ENGLISH];
