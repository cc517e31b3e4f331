//! citizen-segments: find segments of citizens in survey responses.
//!
//! The data's path: [`survey`] (the typed answers) → [`encode`] (a feature
//! matrix, mapping kept) → [`cluster`] (weighted k-means with missing
//! answers) → [`quality`] (silhouette, Calinski–Harabasz, Davies–Bouldin, k
//! scan, stability) and [`project`] (2-D PCA) → [`segment`] (the pipeline)
//! → [`model`] (a portable model and [`assign`]).
//!
//! ```
//! use citizen_segments::testing::{likert, survey};
//! use citizen_segments::{KChoice, SegmentOptions, assign, segment};
//!
//! let planning = [Some(1.0), Some(2.0), Some(1.0), Some(5.0), Some(4.0), Some(5.0)];
//! let peer = [Some(5.0), Some(5.0), Some(4.0), Some(1.0), Some(2.0), Some(1.0)];
//! let s = survey(vec![
//!     likert("planning", &planning, 1.0, 5.0),
//!     likert("peer_support", &peer, 1.0, 5.0),
//! ]);
//! let options = SegmentOptions { k: KChoice::Fixed(2), ..Default::default() };
//! let result = segment(&s, &options)?;
//! assert_eq!(result.assignments[0], result.assignments[1]);
//! assert_ne!(result.assignments[0], result.assignments[3]);
//!
//! // The model is plain JSON and puts new respondents in the same segments.
//! let json = serde_json::to_string(&result.model())?;
//! let model: citizen_segments::Model = serde_json::from_str(&json)?;
//! assert_eq!(assign(&model, &s)?.assignments, result.assignments);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! In JavaScript the same options are written in camelCase, e.g.
//! `{ k: "auto", kMax: 6, weightColumn: "weight" }`.
#![warn(missing_docs)]

pub mod cluster;
pub mod encode;
pub mod engage;
pub mod export;
pub mod model;
pub mod profile;
pub mod project;
pub mod quality;
pub mod segment;
pub mod survey;
pub mod testing;

pub use model::{Assignment, Model, ModelError, assign};
pub use segment::{KChoice, SegmentError, SegmentOptions, SegmentSummary, Segmentation, segment};

#[cfg(target_arch = "wasm32")]
pub mod wasm;
