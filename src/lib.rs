//! citizen-segments: find segments of citizens in survey responses.
//!
//! # Layers
//!
//! Each module is a layer on the data's path and uses only the layers before
//! it, never one after:
//!
//! | layer | does | uses |
//! | --- | --- | --- |
//! | [`survey`] | reads a CSV export and infers what each column holds | nothing |
//! | [`encode`] | turns chosen questions into a feature matrix, mapping kept | `survey` |
//! | [`cluster`] | weighted k-means on plain matrices, missing values allowed | nothing |
//! | [`quality`], [`model`] | quality measures, k scan, stability; the portable model, `assign` and stable ids | `cluster`, `encode` |
//! | [`profile`] | figures per segment and overall, and nothing else | `survey` |
//! | [`engage`] | activity recognition, briefs and names from the profiles | `profile`, `survey` |
//! | [`segment`](mod@segment) | the pipeline: options, their one check, its error, the stages (profile, then engage), the result | all of the above |
//! | [`export`] | assignments CSV, profile CSV, reports | `segment` |
//! | [`shortform`] | a few questions that tell the segment, as an offline form | `segment`, `survey` |
//! | `wasm.rs` | the JavaScript binding, and the only place that knows JS | everything |
//!
//! No two layers lean on each other, their tests included (the fixture
//! builders of `testing` exist only for tests, behind a feature). A segment's
//! name is kept once, in `Segmentation::segments`; the profiles and briefs
//! of the JSON show it from there.
//!
//! So a new import format belongs in `survey`, a new distance in `cluster`, a
//! new option in `segment` (with its check), a new file format in `export`.
//!
//! # Example
//!
//! ```
//! use citizen_segments::survey::{ImportOptions, parse_survey};
//! use citizen_segments::{KChoice, SegmentOptions, assign, segment};
//!
//! let csv = "id,planning,peer_support\n\
//!            r1,1,5\nr2,2,5\nr3,1,4\nr4,5,1\nr5,4,2\nr6,5,1\n";
//! let survey = parse_survey(csv.as_bytes(), &ImportOptions::default())?;
//! let options = SegmentOptions { k: KChoice::Fixed(2), ..Default::default() };
//! let result = segment(&survey, &options)?;
//! assert_eq!(result.assignments[0], result.assignments[1]);
//! assert_ne!(result.assignments[0], result.assignments[3]);
//!
//! // The model is plain JSON and puts new respondents in the same segments.
//! let json = serde_json::to_string(&result.model())?;
//! let model: citizen_segments::Model = serde_json::from_str(&json)?;
//! assert_eq!(assign(&model, &survey)?.assignments, result.assignments);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! In JavaScript the same options are written in camelCase, e.g.
//! `{ k: "auto", kMax: 6, weightColumn: "weight" }`.
//!
//! # Roles
//!
//! Segments are built on the **basis** questions only (what people want,
//! think and value); **descriptors** (who they are, where they live, how to
//! reach them) are profiled and used in the briefs, not clustered; ids, free
//! text and metadata are left out. `engage::default_roles` gives each
//! column's default role with its reason, the options `basis` and
//! `descriptors` change them, and `Segmentation::roles` reports the roles a
//! run used (`segment::column_roles` gives them before a run).
#![warn(missing_docs)]

pub mod cluster;
pub mod encode;
pub mod engage;
pub mod export;
pub mod model;
mod order;
pub mod profile;
pub mod project;
pub mod quality;
pub mod segment;
pub mod shortform;
pub mod survey;
#[cfg(any(test, feature = "testing"))]
#[doc(hidden)]
pub mod testing;

pub use model::{Assignment, Model, ModelError, assign};
pub use segment::{KChoice, SegmentError, SegmentOptions, SegmentSummary, Segmentation, segment};

#[cfg(target_arch = "wasm32")]
pub mod wasm;
