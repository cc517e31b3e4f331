//! The error of the pipeline: a rejected option, or a lower layer's error
//! wrapped as it is.

use thiserror::Error;

use crate::cluster::ClusterError;
use crate::encode::EncodeError;
use crate::engage::EngageError;
use crate::profile::ProfileError;

/// Why a segmentation could not be made.
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
    /// Question names that the survey does not have.
    #[error("unknown column(s) in {option}: {}", names.join(", "))]
    UnknownColumns {
        /// The option that named them (`columns`, `basis`, `descriptors`, `weights`, `weightColumn`, `activities`).
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
    /// `columns` and `basis` both given, naming different questions.
    #[error(
        "columns and basis both give the questions to cluster, but differ (columns: {}; basis: {}): give one of them",
        columns.join(", "),
        basis.join(", ")
    )]
    ConflictingBasis {
        /// The `columns` given.
        columns: Vec<String>,
        /// The `basis` given.
        basis: Vec<String>,
    },
    /// A column named in both `basis` (or `columns`) and `descriptors`.
    #[error(
        "column {column} is in both basis and descriptors: a column is clustered or profiled, not both"
    )]
    BasisAndDescriptor {
        /// The column.
        column: String,
    },
    /// A column that cannot be profiled (text, id or metadata) was named a descriptor.
    #[error("column {column} holds {kind} answers, which cannot be profiled as a descriptor")]
    NotProfilable {
        /// The column.
        column: String,
        /// Its kind.
        kind: String,
    },
    /// A per-question weight that is negative, not finite or above 1e6.
    #[error("the weight of column {column} must be a number from 0 to 1000000, got {weight}")]
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
    /// `stabilityRuns` is 0 while `stability` is on.
    #[error("stabilityRuns must be at least 1 when stability is on")]
    ZeroStabilityRuns,
    /// `silhouetteSample` below 2.
    #[error("silhouetteSample must be at least 2, got {0}")]
    InvalidSilhouetteSample(u32),
    /// `minGroupSize` is 0.
    #[error("minGroupSize must be at least 1")]
    MinGroupSizeZero,
    /// A key of `names` that is not a segment id.
    #[error("names must be keyed by segment id (0, 1, ...), got {0:?}")]
    InvalidNameKey(String),
    /// `names` gives a blank name.
    #[error("names gives segment {segment} a blank name")]
    BlankName {
        /// The segment.
        segment: u32,
    },
    /// `names` renames a segment id at or above the largest k that can be chosen.
    #[error("names renames segment {segment}, but at most {k} segments can be found (ids 0 to {})", k - 1)]
    NameAboveK {
        /// The id given.
        segment: u32,
        /// The fixed k, or `kMax` when k is `"auto"`.
        k: u32,
    },
    /// A rename would give two segments the same name.
    #[error("names gives segments {first} and {second} the same name {name:?}")]
    DuplicateName {
        /// The shared name.
        name: String,
        /// The lower of the two segment ids.
        first: u32,
        /// The higher one.
        second: u32,
    },
    /// `names` renames a segment that the chosen k does not have.
    #[error("names renames segment {segment}, but there are only {k} segments")]
    UnknownSegment {
        /// The id given.
        segment: u32,
        /// Number of segments.
        k: u32,
    },
    /// `stabilityRuns` above its documented limit.
    #[error("stabilityRuns must be at most {max}, got {runs}")]
    TooManyStabilityRuns {
        /// The runs asked for.
        runs: u32,
        /// The limit.
        max: u32,
    },
    /// A `SegmentRun` used out of turn, or given job results that are not
    /// those of its jobs.
    #[error("{0}")]
    Jobs(String),
    /// A `previous` model that cannot be used (made by another version).
    #[error(transparent)]
    Model(#[from] crate::model::ModelError),
    /// The chosen questions could not be encoded.
    #[error(transparent)]
    Encode(#[from] EncodeError),
    /// k-means refused the data (too few respondents or answer patterns for k, ...).
    #[error(transparent)]
    Cluster(#[from] ClusterError),
    /// Profiling the segments failed.
    #[error(transparent)]
    Profile(#[from] ProfileError),
    /// Briefing or naming the segments failed.
    #[error(transparent)]
    Engage(#[from] EngageError),
}
