//! Engagement: which questions are about which co-production activity, the
//! "rifle" brief per segment, and segment names.

mod activity;
mod brief;
mod naming;
mod recognise;

pub use activity::{Activity, Family};
pub use brief::{Brief, BriefActivity, BriefDescriptor, Measure, brief, percent};
pub use naming::name_segments;
pub use recognise::{ActivitySource, Recognition, recognise, recognise_activity};
