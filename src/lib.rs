//! citizen-segments: find segments of citizens in survey responses.
#![warn(missing_docs)]

pub mod cluster;
pub mod encode;
pub mod model;
pub mod project;
pub mod quality;
pub mod segment;
pub mod survey;
pub mod testing;

pub use cluster::{KChoice, SegmentError, SegmentOptions};
pub use model::{Assignment, Model, assign};
pub use segment::{SegmentSummary, Segmentation, segment};

#[cfg(target_arch = "wasm32")]
mod wasm;
