//! What [`engage`](super::engage) refuses.

use thiserror::Error;

/// An engagement option that does not fit the survey or the profiles.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EngageError {
    /// `activities` names a question the survey does not have.
    #[error("option activities names {column:?}, which is not a question in the survey")]
    UnknownColumn {
        /// The name given.
        column: String,
    },
    /// `names` renames a segment that does not exist.
    #[error("names renames segment {segment}, but there are only {k} segments")]
    UnknownSegment {
        /// The id given.
        segment: u32,
        /// Number of segments.
        k: usize,
    },
    /// `names` gives a blank name.
    #[error("names gives segment {segment} a blank name")]
    BlankName {
        /// The segment.
        segment: u32,
    },
}
