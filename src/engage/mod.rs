//! Engagement: which questions are about which co-production activity (from
//! the vocabulary tables), the "rifle" brief per segment, and segment names,
//! all as functions over the profile figures. [`engage`] does all three.

mod activity;
mod brief;
mod engagement;
mod error;
mod evidence;
mod naming;
mod phrases;
mod reach;
mod recognise;
mod roles;
mod vocabulary;
mod wording;

pub use activity::{Activity, Family};
pub use brief::{
    ABOVE_AVERAGE_SD, Brief, BriefActivity, BriefDescriptor, Lead, LeadBasis, Measure,
    UNSTABLE_BELOW, brief, with_stability,
};
#[cfg(test)]
pub(crate) use engagement::fixture_engagement;
pub use engagement::{EngageOptions, Engagement, engage};
pub use error::EngageError;
pub use evidence::percent;
pub use naming::name_segments;
pub use reach::{
    DESCRIPTOR_MIN_INDEX, DESCRIPTOR_TOP, descriptors, is_channel_question, is_descriptor_question,
    reach_sentence,
};
pub use recognise::{
    ActivitySource, Recognition, Unmatched, recognise, recognise_activity, split_grid,
    unmatched_activity_like,
};
pub use roles::{ColumnRole, Role, default_roles};
pub use vocabulary::{Entry, GAP, VOCABULARIES, Vocabulary};
