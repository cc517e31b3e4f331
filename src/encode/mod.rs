//! Encoding: the chosen survey questions become a numeric feature matrix,
//! with the mapping back to each question's own units kept.
//!
//! Per-kind feature builders (`scales`, `indicators`), the steps after them
//! (`adjust`: centring, standardising, weights), fitting (`fit`), checking a
//! saved encoding (`check`) and applying one to a survey (`apply`). Needs only
//! `survey`.

mod adjust;
mod apply;
mod check;
mod encoding;
mod error;
mod fit;
#[cfg(test)]
mod fixtures;
mod indicators;
mod scales;
mod stats;

pub use encoding::{EncodeSpec, EncodedColumn, Encoding, Feature};
pub use error::EncodeError;
pub use fit::fit_encoding;
