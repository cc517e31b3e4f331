//! Engagement: which questions are about which co-production activity, the
//! "rifle" brief per segment, and segment names.

mod activity;
mod recognise;

pub use activity::{Activity, Family};
pub use recognise::{ActivitySource, Recognition, recognise, recognise_activity};
