//! What the caller can ask of a short form, its defaults, its errors, and the
//! one function that checks the options against the survey.
//!
//! # Defaults
//!
//! | field          | default | meaning |
//! | ---            | ---     | --- |
//! | `maxQuestions` | 5 (1..=[`MAX_QUESTIONS`]) | most questions chosen |
//! | `questions`    | chosen  | the caller's questions, scored instead of chosen |
//! | `folds`        | 5 (2..=20) | k of the k-fold cross-validation |
//! | `seed`         | the segmentation's | shuffles the folds |

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::survey::{ColumnKind, Survey};

/// Default `maxQuestions`.
pub const DEFAULT_MAX_QUESTIONS: u32 = 5;
/// Largest `maxQuestions` (and number of caller-given questions).
pub const MAX_QUESTIONS: u32 = 20;
/// Default `folds`.
pub const DEFAULT_FOLDS: u32 = 5;
/// Most folds.
pub const MAX_FOLDS: u32 = 20;

/// How to make a short form. Every field is optional.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ShortFormOptions {
    /// Most questions to choose. Default 5, at most 20.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub max_questions: Option<u32>,
    /// The questions to ask (column names, in asking order): scored, not
    /// chosen. At most `maxQuestions`. Default: chosen.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub questions: Option<Vec<String>>,
    /// k of the k-fold cross-validation. Default 5, 2..=20.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub folds: Option<u32>,
    /// Seed of the fold shuffle. Default: the segmentation's seed.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub seed: Option<u32>,
}

/// Why a short form could not be made or used.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ShortFormError {
    /// `maxQuestions` outside 1..=20.
    #[error("maxQuestions must be between 1 and {MAX_QUESTIONS}, got {0}")]
    InvalidMaxQuestions(u32),
    /// `folds` outside 2..=20.
    #[error("folds must be between 2 and {MAX_FOLDS}, got {0}")]
    InvalidFolds(u32),
    /// More caller-given questions than `maxQuestions`.
    #[error("{given} questions were given but maxQuestions is {max}")]
    TooManyQuestions {
        /// Questions given.
        given: usize,
        /// The limit.
        max: u32,
    },
    /// An empty `questions` list.
    #[error("questions must name at least one question")]
    NoQuestions,
    /// A question the survey does not have.
    #[error("the survey has no question {0:?}")]
    UnknownQuestion(String),
    /// An id or free-text column given as a question.
    #[error("{column:?} is {kind} and cannot be asked in a short form")]
    NotAQuestion {
        /// The column.
        column: String,
        /// What it is ("the respondent id", "free text").
        kind: &'static str,
    },
    /// A question given twice.
    #[error("question {0:?} is given twice")]
    DuplicateQuestion(String),
    /// The survey has no question a short form can ask.
    #[error("the survey has no scale, number, categorical or multi-select question to ask")]
    NoCandidates,
    /// The segmentation does not belong to the survey.
    #[error(
        "the segmentation has {assignments} assignments but the survey has {respondents} respondents"
    )]
    Mismatch {
        /// Assignments in the segmentation.
        assignments: usize,
        /// Respondents in the survey.
        respondents: usize,
    },
    /// Too few segmented respondents to cross-validate.
    #[error(
        "{folds}-fold cross-validation needs at least {folds} respondents in segments, but there are {respondents}"
    )]
    TooFewRespondents {
        /// The folds asked for.
        folds: u32,
        /// Respondents in a segment.
        respondents: usize,
    },
    /// An answer that is none of the question's options.
    #[error("{column:?}: {answer:?} is not one of the answers ({expected})")]
    UnknownAnswer {
        /// The question.
        column: String,
        /// The answer given.
        answer: String,
        /// What was expected.
        expected: String,
    },
    /// An answer for a column the short form does not ask.
    #[error("the short form does not ask {0:?} (its questions are {1})")]
    NotAsked(String, String),
    /// A short form that is inconsistent (edited by hand, or truncated).
    #[error("invalid short form: {0}")]
    InvalidShortForm(String),
}

/// Checked options: the questions to ask (column indices), or the
/// candidates to choose from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Params {
    pub max_questions: usize,
    /// Caller-given questions, in their order.
    pub given: Option<Vec<usize>>,
    /// Every column a short form may ask, in survey order.
    pub candidates: Vec<usize>,
    pub folds: usize,
    pub seed: u32,
}

/// Whether a column can be asked, and if not what it is.
fn askable(kind: ColumnKind) -> Result<(), &'static str> {
    match kind {
        ColumnKind::Id => Err("the respondent id"),
        ColumnKind::Text => Err("free text"),
        ColumnKind::Metadata => Err("metadata about the response"),
        _ => Ok(()),
    }
}

/// Checks `options` against `survey`; `default_seed` is the segmentation's.
pub(crate) fn check(
    options: &ShortFormOptions,
    survey: &Survey,
    default_seed: u32,
) -> Result<Params, ShortFormError> {
    let max = options.max_questions.unwrap_or(DEFAULT_MAX_QUESTIONS);
    if !(1..=MAX_QUESTIONS).contains(&max) {
        return Err(ShortFormError::InvalidMaxQuestions(max));
    }
    let folds = options.folds.unwrap_or(DEFAULT_FOLDS);
    if !(2..=MAX_FOLDS).contains(&folds) {
        return Err(ShortFormError::InvalidFolds(folds));
    }
    let candidates: Vec<usize> = (0..survey.columns.len())
        .filter(|&j| {
            survey.id_column.as_deref() != Some(survey.columns[j].name.as_str())
                && askable(survey.columns[j].kind).is_ok()
        })
        .collect();
    let given = match &options.questions {
        None => None,
        Some(names) => Some(given_questions(names, survey, max)?),
    };
    if candidates.is_empty() {
        return Err(ShortFormError::NoCandidates);
    }
    Ok(Params {
        max_questions: max as usize,
        given,
        candidates,
        folds: folds as usize,
        seed: options.seed.unwrap_or(default_seed),
    })
}

fn given_questions(
    names: &[String],
    survey: &Survey,
    max: u32,
) -> Result<Vec<usize>, ShortFormError> {
    if names.is_empty() {
        return Err(ShortFormError::NoQuestions);
    }
    if names.len() > max as usize {
        return Err(ShortFormError::TooManyQuestions {
            given: names.len(),
            max,
        });
    }
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        let j = survey
            .columns
            .iter()
            .position(|c| c.name == *name)
            .ok_or_else(|| ShortFormError::UnknownQuestion(name.clone()))?;
        let kind = if survey.id_column.as_deref() == Some(name.as_str()) {
            Err("the respondent id")
        } else {
            askable(survey.columns[j].kind)
        };
        if let Err(kind) = kind {
            return Err(ShortFormError::NotAQuestion {
                column: name.clone(),
                kind,
            });
        }
        if out.contains(&j) {
            return Err(ShortFormError::DuplicateQuestion(name.clone()));
        }
        out.push(j);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{categorical, likert, survey, text};

    fn fixture() -> Survey {
        survey(vec![
            likert("q", &[Some(1.0), Some(2.0)], 1.0, 5.0),
            categorical("area", &["N", "S"], &[Some(0), Some(1)]),
            text("comments", &[Some("a"), None]),
        ])
    }

    fn check_json(json: &str) -> Result<Params, ShortFormError> {
        check(&serde_json::from_str(json).unwrap(), &fixture(), 7)
    }

    #[test]
    fn defaults() {
        let p = check_json("{}").unwrap();
        assert_eq!(
            p,
            Params {
                max_questions: 5,
                given: None,
                candidates: vec![0, 1],
                folds: 5,
                seed: 7
            }
        );
    }

    #[test]
    fn each_rejection() {
        use ShortFormError::*;
        assert_eq!(
            check_json(r#"{"maxQuestions": 0}"#),
            Err(InvalidMaxQuestions(0))
        );
        assert_eq!(
            check_json(r#"{"maxQuestions": 21}"#),
            Err(InvalidMaxQuestions(21))
        );
        assert_eq!(check_json(r#"{"folds": 1}"#), Err(InvalidFolds(1)));
        assert_eq!(check_json(r#"{"questions": []}"#), Err(NoQuestions));
        assert_eq!(
            check_json(r#"{"questions": ["q", "area"], "maxQuestions": 1}"#),
            Err(TooManyQuestions { given: 2, max: 1 })
        );
        assert_eq!(
            check_json(r#"{"questions": ["nope"]}"#),
            Err(UnknownQuestion("nope".into()))
        );
        assert_eq!(
            check_json(r#"{"questions": ["comments"]}"#),
            Err(NotAQuestion {
                column: "comments".into(),
                kind: "free text"
            })
        );
        assert_eq!(
            check_json(r#"{"questions": ["q", "q"]}"#),
            Err(DuplicateQuestion("q".into()))
        );
        assert!(serde_json::from_str::<ShortFormOptions>(r#"{"maxQuestion": 3}"#).is_err());
        let only_text = survey(vec![text("comments", &[Some("a")])]);
        assert_eq!(
            check(&ShortFormOptions::default(), &only_text, 1),
            Err(NoCandidates)
        );
    }

    #[test]
    fn given_questions_keep_their_order() {
        let p = check_json(r#"{"questions": ["area", "q"], "folds": 4, "seed": 3}"#).unwrap();
        assert_eq!(p.given, Some(vec![1, 0]));
        assert_eq!((p.folds, p.seed), (4, 3));
    }
}
