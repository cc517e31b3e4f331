//! citizen-segments: find segments of citizens in survey responses.
#![warn(missing_docs)]

pub mod engage;
pub mod export;
pub mod profile;
pub mod survey;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
