//! citizen-segments: find segments of citizens in survey responses.
#![warn(missing_docs)]

pub mod cluster;
pub mod encode;
pub mod quality;
pub mod survey;

#[cfg(target_arch = "wasm32")]
mod wasm;
