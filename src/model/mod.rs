//! The portable model: what is needed to put new respondents into saved segments.

mod portable;

pub use portable::{Assignment, MODEL_VERSION, Model, assign};
