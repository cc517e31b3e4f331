//! The short form: the few questions whose answers best tell a new
//! respondent's segment, chosen by a shallow decision tree on the answers as
//! asked, with its cross-validated accuracy, readable rules and a
//! self-contained offline HTML form.
//!
//! One file each: `options` (what the caller may ask, checked once, and the
//! errors), `answers` (the questions as asked and raw answers read back),
//! `tree` (the CART-style learner), `select` (cross-validation and forward
//! selection), `rules` (the tree in words), `form` (the [`ShortForm`],
//! [`short_form`] and [`assign_short_form`]), `html` and `hash` (the page and
//! its Content-Security-Policy hashes).
//!
//! ```
//! use std::collections::BTreeMap;
//! use citizen_segments::shortform::{ShortFormOptions, assign_short_form, short_form};
//! use citizen_segments::survey::{ImportOptions, parse_survey};
//! use citizen_segments::{KChoice, SegmentOptions, segment};
//!
//! let csv = "id,planning,peer\n\
//!            r1,1,5\nr2,2,5\nr3,1,4\nr4,5,1\nr5,4,2\nr6,5,1\n";
//! let s = parse_survey(csv.as_bytes(), &ImportOptions::default())?;
//! let seg = segment(&s, &SegmentOptions { k: KChoice::Fixed(2), ..Default::default() })?;
//! let options = ShortFormOptions { max_questions: Some(1), folds: Some(3), ..Default::default() };
//! let form = short_form(&s, &seg, &options)?;
//! assert_eq!(form.questions.len(), 1);
//! let answers = BTreeMap::from([(form.questions[0].column.clone(), "1".to_string())]);
//! let planner_like = assign_short_form(&form, &answers)?;
//! assert!(form.html.contains("default-src 'none'"));
//! # let _ = planner_like;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod answers;
mod form;
mod hash;
mod html;
mod options;
mod rules;
mod select;
mod tagged;
mod tree;

#[cfg(test)]
mod tests;

pub use answers::Question;
pub use form::{
    Accuracy, FormSegment, Offer, SegmentRecall, ShortForm, ShortFormAssignment, assign_short_form,
    form_segments, short_form, short_form_for, short_form_html,
};
pub use options::{
    DEFAULT_FOLDS, DEFAULT_MAX_QUESTIONS, MAX_FOLDS, MAX_QUESTIONS, ShortFormError,
    ShortFormOptions,
};
pub use rules::Rule;
pub use tree::{Answer, Test, TreeNode};
