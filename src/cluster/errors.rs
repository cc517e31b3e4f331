//! Why k-means on a matrix could not run.

use thiserror::Error;

/// A rejected k-means call. Every message names the setting or row concerned.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ClusterError {
    /// `k` outside 1..=50.
    #[error("k must be between 1 and {max}, got {k}")]
    InvalidK {
        /// The k asked for.
        k: u32,
        /// The largest k allowed.
        max: u32,
    },
    /// An empty range of k to scan.
    #[error("no k to scan between kMin = {k_min} and kMax = {k_max}")]
    EmptyKRange {
        /// The smallest k asked for.
        k_min: u32,
        /// The largest k asked for.
        k_max: u32,
    },
    /// More clusters asked for than there are rows to put in them.
    #[error(
        "k = {k} segments need at least {k} respondents with answers, but there are {respondents}"
    )]
    TooFewRespondents {
        /// The k asked for.
        k: u32,
        /// Rows that can be clustered.
        respondents: u32,
    },
    /// More clusters asked for than there are different rows.
    #[error("k = {k} is more than the {distinct} distinct answer patterns in the chosen questions")]
    KAboveDistinct {
        /// The k asked for.
        k: u32,
        /// Distinct rows.
        distinct: u32,
    },
    /// `tolerance` negative or not finite.
    #[error("tolerance must be a finite number >= 0, got {0}")]
    InvalidTolerance(f64),
    /// `maxIterations` is 0.
    #[error("maxIterations must be at least 1")]
    ZeroMaxIterations,
    /// `restarts` or `maxIterations` above its documented limit.
    #[error("{option} must be at most {max}, got {value}")]
    AboveLimit {
        /// The option, as JS writes it.
        option: &'static str,
        /// The value given.
        value: u32,
        /// The limit.
        max: u32,
    },
    /// `restarts` is 0.
    #[error("restarts must be at least 1")]
    ZeroRestarts,
    /// linfa's k-means++ start failed, or the rows or weights are unusable
    /// (only seen with non-finite input, which the encoding prevents).
    #[error("k-means initialisation failed: {0}")]
    Clustering(String),
    /// A matrix given to `kmeans` is malformed.
    #[error("invalid matrix: {0}")]
    InvalidMatrix(String),
}
