//! The portable model: what is needed to put new respondents into saved
//! segments, and the matching that keeps segment ids stable across reruns.

mod error;
mod matching;
mod portable;

pub use error::ModelError;
pub use matching::match_segments;
pub use portable::{Assignment, MODEL_VERSION, Model, assign};
