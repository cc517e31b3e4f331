//! The one error type of the segmentation engine.

use thiserror::Error;

/// Why a segmentation (or an assignment to a saved model) could not be made.
///
/// Every message names the option, column or row concerned so the analyst can
/// fix the input. Rows are 1-based as a spreadsheet shows them (the header is
/// row 1, so the first respondent is row 2).
#[derive(Debug, Clone, PartialEq, Error)]
pub enum SegmentError {
    /// `k` outside 1..=50.
    #[error("k must be between 1 and {max}, got {k}")]
    InvalidK {
        /// The k asked for.
        k: u32,
        /// The largest k allowed.
        max: u32,
    },
    /// `kMin`/`kMax` do not describe a usable range.
    #[error(
        "kMin and kMax must satisfy 2 <= kMin <= kMax <= {max}, got kMin = {k_min}, kMax = {k_max}"
    )]
    InvalidKRange {
        /// The kMin asked for.
        k_min: u32,
        /// The kMax asked for.
        k_max: u32,
        /// The largest k allowed.
        max: u32,
    },
    /// More segments asked for than there are respondents to put in them.
    #[error(
        "k = {k} segments need at least {k} respondents with answers, but there are {respondents}"
    )]
    TooFewRespondents {
        /// The k asked for.
        k: u32,
        /// Respondents who can be clustered.
        respondents: u32,
    },
    /// More segments asked for than there are different answer patterns.
    #[error("k = {k} is more than the {distinct} distinct answer patterns in the chosen questions")]
    KAboveDistinct {
        /// The k asked for.
        k: u32,
        /// Distinct encoded answer patterns.
        distinct: u32,
    },
    /// Question names that the survey does not have.
    #[error("unknown column(s) in {option}: {}", names.join(", "))]
    UnknownColumns {
        /// The option that named them (`columns`, `weights`, `weightColumn`).
        option: &'static str,
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
    /// A per-question weight that is negative or not finite.
    #[error("the weight of column {column} must be a finite number >= 0, got {weight}")]
    InvalidQuestionWeight {
        /// The column.
        column: String,
        /// The weight given.
        weight: f64,
    },
    /// The respondent weight column is not numeric.
    #[error("weight column {column} must be numeric")]
    WeightColumnNotNumeric {
        /// The column.
        column: String,
    },
    /// A respondent weight that is missing, negative or not finite.
    #[error(
        "respondent weight in column {column} on row {row} must be a finite number >= 0, got {value}"
    )]
    InvalidRespondentWeight {
        /// The weight column.
        column: String,
        /// The spreadsheet row (first respondent = row 2).
        row: usize,
        /// The value found, as text (`missing` when blank).
        value: String,
    },
    /// `tolerance` not a positive finite number.
    #[error("tolerance must be a finite number > 0, got {0}")]
    InvalidTolerance(f64),
    /// `maxIterations` is 0.
    #[error("maxIterations must be at least 1")]
    ZeroMaxIterations,
    /// `restarts` is 0.
    #[error("restarts must be at least 1")]
    ZeroRestarts,
    /// `restarts`, `maxIterations` or `stabilityRuns` above its documented limit.
    #[error("{option} must be at most {max}, got {value}")]
    AboveLimit {
        /// The option, as JS writes it.
        option: &'static str,
        /// The value given.
        value: u32,
        /// The limit.
        max: u32,
    },
    /// `stabilityRuns` is 0 while `stability` is on.
    #[error("stabilityRuns must be at least 1 when stability is on")]
    ZeroStabilityRuns,
    /// `silhouetteSample` below 2.
    #[error("silhouetteSample must be at least 2, got {0}")]
    InvalidSilhouetteSample(u32),
    /// Nothing left to cluster after constant and empty questions were left out.
    #[error("none of the chosen questions has answers that vary, so there is nothing to cluster")]
    NoFeatures,
    /// A survey given to `assign` lacks questions the model was built on.
    #[error("the survey lacks the model's column(s): {}", names.join(", "))]
    MissingModelColumns {
        /// The missing names.
        names: Vec<String>,
    },
    /// A survey given to `assign` has a model column of another kind.
    #[error("column {column} is {found} in this survey but {expected} in the model")]
    ColumnKindMismatch {
        /// The column.
        column: String,
        /// The kind in the model.
        expected: String,
        /// The kind in the survey.
        found: String,
    },
    /// A model made by a version whose models this one does not read.
    #[error(
        "the model was made by citizen-segments {found:?}, but this is {current}, which reads models of {reads}: segment the survey again to make a new model"
    )]
    ModelVersion {
        /// The model's `version`.
        found: String,
        /// This library's version.
        current: &'static str,
        /// The versions whose models it reads, e.g. `0.1.x`.
        reads: String,
    },
    /// The model's centroids do not match its encoding.
    #[error("the model is inconsistent: {0}")]
    InvalidModel(String),
    /// linfa's k-means failed (only seen with non-finite input, which the
    /// encoding prevents).
    #[error("k-means initialisation failed: {0}")]
    Clustering(String),
    /// A key of `names` that is not a segment id.
    #[error("names must be keyed by segment id (0, 1, ...), got {0:?}")]
    InvalidNameKey(String),
    /// A matrix given to `kmeans` is malformed.
    #[error("invalid matrix: {0}")]
    InvalidMatrix(String),
    /// Profiling the segments failed (options such as `names` or `activities`).
    #[error(transparent)]
    Profile(#[from] crate::profile::ProfileError),
}
