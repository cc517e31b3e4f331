//! Segment profiles: per segment and overall, the figures of every question,
//! and what sets each segment apart. Figures only: briefs and names are the
//! engagement layer's, from these figures.

mod errors;
mod figures;
mod options;
mod types;

#[cfg(test)]
pub(crate) mod testing;

pub use errors::ProfileError;
pub use figures::profile;
pub use options::{
    DEFAULT_MIN_GROUP_SIZE, DISTINCT_SD, DISTINCT_SHARE, DISTINCT_TOP, MAX_SEGMENTS, ProfileOptions,
};
pub use types::{
    CategoryProfile, Distinction, Distinctive, GroupProfile, Profiles, QuestionProfile,
    SegmentFigures,
};
