//! Why respondents could not be put into a saved model's segments.

use thiserror::Error;

/// A rejected `assign`.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ModelError {
    /// The model's centroids, ids or names do not match each other or its encoding.
    #[error("the model is inconsistent: {0}")]
    Invalid(String),
    /// The survey could not be encoded as the model's survey was.
    #[error(transparent)]
    Encode(#[from] crate::encode::EncodeError),
}
