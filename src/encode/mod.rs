//! Encoding: the chosen survey questions become a numeric feature matrix,
//! with the mapping back to each question's own units kept.

mod encoding;

pub use encoding::{EncodeSpec, EncodedColumn, Encoding, Feature, fit_encoding};
