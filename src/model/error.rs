//! Why respondents could not be put into a saved model's segments.

use thiserror::Error;

/// A rejected `assign`.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ModelError {
    /// A model made by a version whose models this one does not read.
    #[error(
        "the model was made by citizen-segments {found:?}, but this is {current}, which reads models of {reads}: segment the survey again to make a new model"
    )]
    Version {
        /// The model's `version`.
        found: String,
        /// This library's version.
        current: &'static str,
        /// The versions whose models it reads, e.g. `0.1.x`.
        reads: String,
    },
    /// The model's centroids, ids or names do not match each other or its encoding.
    #[error("the model is inconsistent: {0}")]
    Invalid(String),
    /// The survey could not be encoded as the model's survey was.
    #[error(transparent)]
    Encode(#[from] crate::encode::EncodeError),
}
