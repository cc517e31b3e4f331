//! What a segmentation returns: the segments, assignments and figures, and
//! the portable model.

use serde::Serialize;

use super::options::SegmentOptions;
use crate::encode::Encoding;
use crate::engage::{Brief, ColumnRole, Recognition};
use crate::model::Model;
use crate::profile::Profiles;
use crate::project::Projection;
use crate::quality::{KScan, Quality, Stability};
use crate::survey::Warning;

/// One segment's size and stability.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SegmentSummary {
    /// Segment id (0-based; segments are numbered by weighted size, largest
    /// first, unless a `previous` model's ids carried over).
    pub id: u32,
    /// A short plain-language name from the segment's distinctive
    /// activities (or the caller's, or the previous model's). The one place a
    /// segment's name is kept: the profiles and briefs show this one.
    pub name: String,
    /// The id this segment had in the `previous` model, when it matched one.
    pub previous_id: Option<u32>,
    /// Respondents in the segment.
    pub size: u32,
    /// Sum of their respondent weights.
    pub weighted_size: f64,
    /// Weighted share of the assigned respondents (0..1).
    pub share: f64,
    /// Mean best-match Jaccard over the stability seed runs (`null` when
    /// stability is off).
    pub stability: Option<f64>,
}

/// The result of `segment`. Serialises to camelCase JSON in the shape of
/// [`SegmentationData`](super::SegmentationData): each segment's profile
/// carries its brief, and both show the segment's name from `segments`.
#[derive(Debug, Clone, PartialEq)]
pub struct Segmentation {
    /// Number of segments.
    pub k: u32,
    /// Segment of each respondent in input order; -1 for a respondent who
    /// answered none of the chosen questions.
    pub assignments: Vec<i32>,
    /// Each respondent's (partial) Euclidean distance to its segment's
    /// centroid in encoded units; NaN (JSON `null`) for -1.
    pub distances: Vec<f64>,
    /// k rows of encoded feature values (see `features` to map them back).
    pub centroids: Vec<Vec<f64>>,
    /// Every column's role in this run (basis: clustered; descriptor:
    /// profiled, not clustered; left out: neither) and the reason for it, in
    /// the survey's column order.
    pub roles: Vec<ColumnRole>,
    /// The encoding: questions used and the features with their mapping back.
    pub encoding: Encoding,
    /// Weighted sum of squared partial distances of respondents to their centroid.
    pub inertia: f64,
    /// Lloyd iterations of the kept restart.
    pub iterations: u32,
    /// Whether the kept restart stopped before `maxIterations`.
    pub converged: bool,
    /// The seed used.
    pub seed: u32,
    /// Restarts asked for (per k); `None` when they adapt to the data.
    pub restarts: Option<u32>,
    /// k-means++ starts that ran for the kept fit (at the chosen k); each
    /// stability fit made as many.
    pub starts: u32,
    /// How the number of starts per k was set, in words.
    pub starts_rule: String,
    /// Quality measures at the chosen k.
    pub quality: Quality,
    /// Name, size, share and stability per segment.
    pub segments: Vec<SegmentSummary>,
    /// The scan over k (present when k was `"auto"`).
    pub k_scan: Option<KScan>,
    /// Stability across seeds and halves (present when `stability` is on).
    pub stability: Option<Stability>,
    /// 2-D PCA picture.
    pub projection: Projection,
    /// What the analyst should know (questions left out, unassigned respondents, ...).
    pub warnings: Vec<Warning>,
    /// Respondents with segment -1.
    pub unassigned: u32,
    /// The respondent weight column, if any.
    pub weight_column: Option<String>,
    /// Hash of the survey's input bytes.
    pub input_hash: String,
    /// Per segment and overall figures.
    pub profiles: Profiles,
    /// How to approach each segment, in id order.
    pub briefs: Vec<Brief>,
    /// Which questions and options are about which activity.
    pub activities: Recognition,
    /// Respondent identifiers in input order (not in the JSON: the survey has them).
    pub ids: Vec<String>,
    /// The options the segmentation was made with, as given (after their check).
    pub options: SegmentOptions,
}

/// Where a running segmentation is, for progress bars.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    /// What is being done, in words a user understands.
    pub stage: &'static str,
    /// How far the whole run is, 0..=1.
    pub fraction: f64,
}

impl Segmentation {
    /// The portable model of this segmentation (see `assign`).
    pub fn model(&self) -> Model {
        Model {
            version: env!("CARGO_PKG_VERSION").to_string(),
            seed: self.seed,
            k: self.k,
            input_hash: self.input_hash.clone(),
            encoding: self.encoding.clone(),
            weight_column: self.weight_column.clone(),
            centroids: self.centroids.clone(),
            segment_ids: self.segments.iter().map(|s| s.id).collect(),
            names: self.names(),
        }
    }
}
