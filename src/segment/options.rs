//! Segmentation options as the caller writes them, their defaults (written
//! here only), and the checked parameters they become.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::cluster::{DEFAULT_START_BUDGET, START_PASSES};
use crate::engage::{Activity, ColumnRole};
use crate::model::Model;
use crate::profile::DEFAULT_MIN_GROUP_SIZE;

/// How many segments to find.
// Deserialize: by hand, below.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum KChoice {
    /// Exactly this many segments (1..=50).
    Fixed(u32),
    /// Scan `kMin..=kMax` and keep the k with the highest silhouette
    /// (ties go to the smaller k). Written `"auto"` in JSON.
    Auto(AutoK),
}

/// The literal `"auto"`.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AutoK {
    /// Choose k from the data.
    Auto,
}

/// Reads `k` as `#[serde(untagged)]` would (each variant tried in turn on
/// the value read whole, and the same message when none fits), through
/// `serde_json::Value`, whose reader the crate has anyway, instead of serde's
/// generic buffer, which is a few kilobytes of .wasm of its own.
impl<'de> Deserialize<'de> for KChoice {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(d)?;
        if let Ok(k) = u32::deserialize(&value) {
            return Ok(KChoice::Fixed(k));
        }
        if let Ok(auto) = AutoK::deserialize(&value) {
            return Ok(KChoice::Auto(auto));
        }
        Err(serde::de::Error::custom(
            "data did not match any variant of untagged enum KChoice",
        ))
    }
}

impl Default for KChoice {
    fn default() -> Self {
        KChoice::Auto(AutoK::Auto)
    }
}

/// What the caller may set. Every field is optional in JSON (camelCase);
/// the defaults below are the only place defaults are written.
///
/// | field | default | meaning |
/// | --- | --- | --- |
/// | `k` | `"auto"` | a number of segments, or `"auto"` |
/// | `kMin`, `kMax` | 2, 8 | the range scanned when `k` is `"auto"` |
/// | `basis` | the default roles' basis (see below) | the questions to cluster |
/// | `columns` | the same as `basis` | the older name of `basis`; if both are given they must name the same questions |
/// | `descriptors` | the columns of the survey's answers not in `basis` | questions profiled (and used in the briefs) but not clustered; when given, the answers in neither list are left out |
/// | `standardize` | false | z-score every encoded feature (replaces the per-kind scaling) |
/// | `seed` | 42 | the one seed every random choice flows from |
/// | `restarts` | adapts to the data (2 to 200, see below) | k-means runs from different k-means++ starts per k; the lowest inertia wins. Given (1..=100), exactly that many at every k |
/// | `maxIterations` | 300 | cap on Lloyd iterations per run (1..=10000) |
/// | `tolerance` | 1e-4 | relative: a run stops when the summed squared centroid movement is at most `tolerance` × the mean weighted variance of the encoded features |
/// | `weights` | {} (each 1) | per-question weights (0..=1e6); a question's features are multiplied by sqrt(weight), so the weight multiplies its share of squared distance |
/// | `weightColumn` | none | a numeric column of respondent weights (finite, >= 0) |
/// | `centreRespondents` | false | subtract each respondent's mean position from their Likert answers |
/// | `stability` | true | re-run with other seeds and on half samples |
/// | `stabilityRuns` | 5 | how many seed runs and half-sample pairs (1..=20; each fit of a run, half samples included, makes as many starts as the segmentation's own fit at the chosen k) |
/// | `silhouetteSample` | 3000 | silhouette is exact up to this many respondents, above it computed on a seeded sample of this size stratified by segment |
/// | `activities` | {} | `{ column: activity }` mapping questions to co-production activities; wins over recognition from names |
/// | `minGroupSize` | 10 | disclosure threshold: smaller segments are flagged and exported cells from fewer respondents suppressed |
/// | `names` | {} | `{ segmentId: name }` to rename segments |
/// | `previous` | none | a saved model (of a version this one reads): segments matching its centroids keep its ids and names |
///
/// Default restarts: at each k, ⌊5·10^6 / (n·p·k)⌋ k-means++ starts, at
/// least 2 and at most 200, where n is the number of respondents clustered
/// and p the number of encoded features: a work budget of 10^8
/// multiply-adds per k at an estimated 20 passes of n·p·k per start (counted,
/// never timed, so the same survey gets the same starts on every machine).
/// 1,000 respondents × 10 features get 200 starts at k = 2 and 83 at k = 6;
/// from about 100,000 × 12 on, every k gets 2. With these defaults the
/// inertia is within 0.5% of the best known at every k from 2 to 6 on twelve
/// real data sets (`tests/reference`). Each stability fit makes as many
/// starts as the segmentation's own fit at the chosen k, half samples too,
/// so the re-runs differ from it by seed or sample only, never by search
/// effort. The result's `starts` says how many ran at the chosen k, and
/// `startsRule` how the number was set.
///
/// Default roles: questions about co-production activities and the other
/// rating-scale and multi-select questions of a survey that asks about
/// activities are the basis; demographics, geography, channels and other
/// categories are descriptors; ids, free text and survey-tool metadata are
/// left out (and so is the `weightColumn`). A survey asking about no
/// activity is clustered on its attitude (rating-scale) questions, or failing
/// those its numeric ones. The result's `roles` says which column had which
/// role, and why.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(hashmap_as_object))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct SegmentOptions {
    /// Number of segments or `"auto"`. Default `"auto"`.
    pub k: KChoice,
    /// Smallest k scanned by `"auto"`. Default 2.
    pub k_min: u32,
    /// Largest k scanned by `"auto"` (lowered to the number of distinct answer
    /// patterns if that is smaller). Default 8.
    pub k_max: u32,
    /// Questions to cluster, by name: the older name of `basis`, still
    /// accepted. Giving both with different questions is an error.
    pub columns: Option<Vec<String>>,
    /// Questions to cluster (the basis), by name. Default: the questions
    /// about what people want, think and value (activities, attitudes,
    /// benefits), never ids, free text, metadata or the weight column.
    pub basis: Option<Vec<String>>,
    /// Questions that describe the segments (who they are, how to reach
    /// them) without being clustered, by name. Default: every other answer
    /// column. When given, answers in neither list are left out.
    pub descriptors: Option<Vec<String>>,
    /// Z-score every encoded feature. Default false.
    pub standardize: bool,
    /// Seed of every random choice. Default 42.
    pub seed: u32,
    /// k-means++ starts per k (1..=100). Default: set from the size of the
    /// data (2 to 200, see the table above): many for a small survey, few
    /// for a large one.
    pub restarts: Option<u32>,
    /// Lloyd iteration cap per restart (1..=10000). Default 300.
    pub max_iterations: u32,
    /// Relative convergence tolerance (see the table above). Default 1e-4.
    pub tolerance: f64,
    /// Per-question weights (0 to 1e6; 0 leaves the question out). Default 1 each.
    pub weights: BTreeMap<String, f64>,
    /// Numeric column of respondent weights. Default none (each respondent 1).
    pub weight_column: Option<String>,
    /// Within-respondent centring of Likert items. Default false.
    pub centre_respondents: bool,
    /// Measure stability across seeds and half samples. Default true.
    pub stability: bool,
    /// Seed runs and half-sample pairs for stability (1..=20). Default 5.
    pub stability_runs: u32,
    /// Silhouette sample size (respondents). Default 3000.
    pub silhouette_sample: u32,
    /// Questions mapped to co-production activities explicitly; wins over
    /// recognition from the questions' names. Default none.
    pub activities: BTreeMap<String, Activity>,
    /// Disclosure threshold in respondents. Default 10.
    pub min_group_size: u32,
    /// Names for segments, keyed by segment id written as text (JSON and JS
    /// object keys are text: `{ "0": "Digital co-designers" }`), overriding
    /// the generated ones. Default none.
    pub names: BTreeMap<String, String>,
    /// A previous model: the new segments are matched to its segments
    /// (optimal assignment on centroid distance) so that ids and names carry
    /// over between reruns. Default none.
    pub previous: Option<Model>,
}

impl Default for SegmentOptions {
    fn default() -> Self {
        SegmentOptions {
            k: KChoice::default(),
            k_min: 2,
            k_max: 8,
            columns: None,
            basis: None,
            descriptors: None,
            standardize: false,
            seed: 42,
            restarts: None,
            max_iterations: 300,
            tolerance: 1e-4,
            weights: BTreeMap::new(),
            weight_column: None,
            centre_respondents: false,
            stability: true,
            stability_runs: 5,
            silhouette_sample: 3000,
            activities: BTreeMap::new(),
            min_group_size: DEFAULT_MIN_GROUP_SIZE,
            names: BTreeMap::new(),
            previous: None,
        }
    }
}

/// How the number of starts per k was set, in words (the result's
/// `startsRule`): `restarts` given, or the default rule.
pub fn starts_rule(restarts: Option<u32>) -> String {
    match restarts {
        Some(r) => format!("restarts given: {r} k-means++ starts at every k"),
        None => {
            let b = DEFAULT_START_BUDGET;
            format!(
                "adapted to the data: at each k, the starts that fit in {:e} multiply-adds at \
                 {START_PASSES} passes of n·p·k per start (n respondents clustered, p encoded \
                 features), at least {} and at most {}; counted, never timed",
                b.work, b.min, b.max
            )
        }
    }
}

/// The largest per-question weight allowed.
pub const MAX_QUESTION_WEIGHT: f64 = 1e6;

/// The most stability seed runs (and half-sample pairs) allowed.
pub const MAX_STABILITY_RUNS: u32 = 20;

/// The k (or range of k) to try, after checking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KPlan {
    /// Exactly this k.
    Fixed(u32),
    /// Scan this inclusive range.
    Scan {
        /// Smallest k.
        min: u32,
        /// Largest k.
        max: u32,
    },
}

/// Options after [`check_options`](super::check_options): every value usable as is.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentParams {
    /// The k to use or scan.
    pub k: KPlan,
    /// Names of the basis questions (clustered), in survey order.
    pub columns: Vec<String>,
    /// Columns neither clustered nor profiled, in survey order.
    pub left_out: Vec<String>,
    /// Every column's role and its reason, in survey order.
    pub roles: Vec<ColumnRole>,
    /// Z-score every feature.
    pub standardize: bool,
    /// Seed.
    pub seed: u32,
    /// Restarts per k: exactly this many (>= 1), or `None` for the number
    /// [`DEFAULT_START_BUDGET`] gives the data.
    pub restarts: Option<u32>,
    /// Iteration cap (>= 1).
    pub max_iterations: u32,
    /// Relative tolerance (> 0).
    pub tolerance: f64,
    /// Per-question weights, only for chosen questions (default 1).
    pub weights: BTreeMap<String, f64>,
    /// Name of the respondent weight column.
    pub weight_column: Option<String>,
    /// Respondent weights in input order (all 1 without a weight column).
    pub respondent_weights: Vec<f64>,
    /// Centre Likert answers within respondent.
    pub centre_respondents: bool,
    /// Stability runs (0 = stability off).
    pub stability_runs: u32,
    /// Silhouette sample size (>= 2).
    pub silhouette_sample: u32,
    /// Questions mapped to activities explicitly (every key a column).
    pub activities: BTreeMap<String, Activity>,
    /// Disclosure threshold in respondents (>= 1).
    pub min_group_size: u32,
    /// The caller's segment names by id, trimmed and not blank. Ids are
    /// below the largest k that can be chosen; the check against the chosen
    /// k waits for k.
    pub names: BTreeMap<u32, String>,
}
