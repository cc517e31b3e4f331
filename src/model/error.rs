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
    // The encoding reports through the pipeline's error until it has its own.
    Encode(#[from] crate::segment::SegmentError),
}
