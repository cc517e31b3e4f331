//! The error of the encoding layer.

use thiserror::Error;

/// Why an encoding could not be fitted, checked or applied.
///
/// The messages are the ones the pipeline has always shown; a field named in
/// [`EncodeError::InvalidEncoding`] is spelt as in the model's JSON
/// (`encoding.columns[2].firstFeature`).
#[derive(Debug, Clone, PartialEq, Error)]
pub enum EncodeError {
    /// Question names in `columns` that the survey does not have.
    #[error("unknown column(s) in columns: {}", names.join(", "))]
    UnknownColumns {
        /// The names not found.
        names: Vec<String>,
    },
    /// A question that cannot be clustered (text or id) was chosen.
    #[error("column {column} holds {kind} answers, which cannot be clustered")]
    NotClusterable {
        /// The column.
        column: String,
        /// Its kind.
        kind: String,
    },
    /// Nothing left to cluster after constant and empty questions were left out.
    #[error("none of the chosen questions has answers that vary, so there is nothing to cluster")]
    NoFeatures,
    /// A survey to encode lacks questions of the encoding.
    #[error("the survey lacks the model's column(s): {}", names.join(", "))]
    MissingModelColumns {
        /// The missing names.
        names: Vec<String>,
    },
    /// A survey to encode has a question of the encoding with another kind.
    #[error("column {column} is {found} in this survey but {expected} in the model")]
    ColumnKindMismatch {
        /// The column.
        column: String,
        /// The kind in the encoding.
        expected: String,
        /// The kind in the survey.
        found: String,
    },
    /// A survey column whose answers are not one per respondent.
    #[error("the model is inconsistent: column {column} does not have one answer per respondent")]
    AnswerCount {
        /// The column.
        column: String,
    },
    /// An encoding (as read from a saved model) whose numbers disagree with
    /// each other.
    #[error("the model is inconsistent: {field} {problem}")]
    InvalidEncoding {
        /// The field, as spelt in the model's JSON.
        field: String,
        /// What is wrong with it.
        problem: String,
    },
}

impl EncodeError {
    /// An [`EncodeError::InvalidEncoding`] for `field`.
    pub(super) fn invalid(field: impl Into<String>, problem: impl Into<String>) -> EncodeError {
        EncodeError::InvalidEncoding {
            field: field.into(),
            problem: problem.into(),
        }
    }
}
