//! The portable model: what is needed to put new respondents into saved segments.

mod portable;

pub use portable::{Assignment, Model, assign};
