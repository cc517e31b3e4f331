//! Why a profile could not be computed.

use thiserror::Error;

/// A rejected [`profile`](super::profile) call. Every variant is reachable from
/// input and none panics.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ProfileError {
    /// `assignments` does not have one entry per respondent.
    #[error("{assignments} segment assignments for {respondents} respondents")]
    AssignmentCount {
        /// Entries given.
        assignments: usize,
        /// Respondents in the survey.
        respondents: usize,
    },
    /// A segment id below -1.
    #[error(
        "respondent {row} has segment {segment}; segments are 0 or above, or -1 for unassigned"
    )]
    InvalidSegment {
        /// 0-based respondent.
        row: usize,
        /// The id given.
        segment: i32,
    },
    /// A segment id at or above the number of segments given.
    #[error("respondent {row} has segment {segment}, but there are only {k} segments")]
    SegmentAboveK {
        /// 0-based respondent.
        row: usize,
        /// The id given.
        segment: i32,
        /// The number of segments given.
        k: usize,
    },
    /// More segments than [`MAX_SEGMENTS`](super::MAX_SEGMENTS).
    #[error("{k} segments; at most {max} are supported")]
    TooManySegments {
        /// Highest segment id + 1.
        k: usize,
        /// The limit.
        max: usize,
    },
    /// Every respondent is unassigned (-1).
    #[error("no respondent is assigned to a segment")]
    NoAssignedRespondents,
    /// `weights` does not have one entry per respondent.
    #[error("{weights} weights for {respondents} respondents")]
    WeightCount {
        /// Entries given.
        weights: usize,
        /// Respondents in the survey.
        respondents: usize,
    },
    /// A negative, infinite or NaN weight.
    #[error("respondent {row} has weight {weight}; weights are finite and 0 or above")]
    InvalidWeight {
        /// 0-based respondent.
        row: usize,
        /// The weight given.
        weight: f64,
    },
    /// The assigned respondents' weights add up to 0.
    #[error("the assigned respondents' weights add up to 0")]
    ZeroTotalWeight,
    /// An option names a question the survey does not have.
    #[error("option {option} names {column:?}, which is not a question in the survey")]
    UnknownColumn {
        /// The option (`clustered`).
        option: &'static str,
        /// The name given.
        column: String,
    },
    /// `minGroupSize` is 0.
    #[error("minGroupSize must be at least 1")]
    MinGroupSizeZero,
    /// A column does not hold one answer per respondent, or an answer points
    /// outside its levels or options.
    #[error("question {column:?} has an answer that does not fit the survey (row {row})")]
    InvalidAnswer {
        /// The column.
        column: String,
        /// 0-based respondent (the column length when the length is wrong).
        row: usize,
    },
}
