//! Engagement: which questions are about which co-production activity (from
//! the vocabulary tables), the "rifle" brief per segment, and segment names,
//! all as functions over the profile figures.

mod activity;
mod brief;
mod evidence;
mod naming;
mod phrases;
mod reach;
mod recognise;
mod vocabulary;
mod wording;

pub use activity::{Activity, Family};
pub use brief::{
    Brief, BriefActivity, BriefDescriptor, Lead, LeadBasis, Measure, UNSTABLE_BELOW, brief,
    with_stability,
};
pub use evidence::percent;
pub use naming::name_segments;
pub use reach::{descriptors, is_channel_question, is_descriptor_question, reach_sentence};
pub use recognise::{
    ActivitySource, Recognition, Unmatched, recognise, recognise_activity, split_grid,
    unmatched_activity_like,
};
pub use vocabulary::{Entry, GAP, VOCABULARIES, Vocabulary};
