//! How answers become features.
//!
//! Rules (every encoded value is `(raw - offset) * scale`, see [`Feature`]):
//! - **Likert**: `(x - scale.min) / (scale.max - scale.min)`, the position on
//!   the *possible* range (0 = lowest answer, 1 = highest), not the observed one.
//!   A column without a recorded scale uses its observed range.
//! - **Numeric**: z-score with the respondent-weighted mean and population
//!   standard deviation.
//! - **Categorical and multi**: one 0/1 indicator per level or option, scaled
//!   so the question's largest possible squared distance between two
//!   respondents is 1, the same as a Likert item answered at opposite ends:
//!   categorical indicators × 1/√2 (two different answers differ in two
//!   indicators), multi indicators × 1/√m for m options (ticking all versus
//!   none differs in m indicators).
//! - **Text and id** questions are never used.
//! - `centreRespondents`: each respondent's mean position over the Likert
//!   features is subtracted from their Likert features (in 0–1 units), so
//!   segments differ by *relative* interest rather than by a tendency to agree.
//! - `standardize`: every feature (after the steps above) is z-scored with
//!   respondent weights; this replaces the per-kind scaling.
//! - Per-question weight w: the question's features are multiplied by √w, so
//!   w multiplies the question's share of the squared distance.
//! - A question whose answers do not vary (or are all missing) is left out with
//!   a warning, as is any single indicator that never varies; a question with
//!   weight 0 is left out too. Nothing is ever divided by zero.
//!
//! Missing answers are `NaN` in the encoded matrix; clustering uses partial
//! distances over the answered features.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::survey::{ColumnKind, Scale};

/// One column of the feature matrix and how to map it back to its question.
///
/// Encoded value = `(raw - offset) * scale`, where `raw` is the answer in the
/// question's own units: the Likert or numeric value, or 1/0 for an
/// indicator (level chosen / option ticked). For a `centred` Likert feature,
/// `raw` is the answer's distance from the respondent's own mean position, in
/// points of this item's scale (`(x - min) - mean01 × (max - min)`).
/// So a centroid value `c` means `raw = offset + c / scale`.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Feature {
    /// The question's name.
    pub column: String,
    /// The level or option for an indicator feature.
    pub option: Option<String>,
    /// Subtracted from the raw answer.
    pub offset: f64,
    /// Multiplies the shifted answer (never 0).
    pub scale: f64,
    /// True for a Likert feature centred within respondent.
    pub centred: bool,
}

/// A question used by the encoding, with what is needed to encode it again.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EncodedColumn {
    /// The question's name.
    pub name: String,
    /// Its kind (Likert, multi, categorical or numeric).
    pub kind: ColumnKind,
    /// Likert: the range used.
    pub scale: Option<Scale>,
    /// Categorical levels or multi options that have a feature, in feature order.
    pub options: Vec<String>,
    /// The per-question weight applied (√weight multiplies its features).
    pub weight: f64,
    /// Index of its first feature.
    pub first_feature: u32,
    /// How many features it has.
    pub feature_count: u32,
}

impl EncodedColumn {
    /// Indices of its features.
    /// (Saturating, so an unchecked encoding cannot overflow; see
    /// [`Encoding::check`].)
    pub fn features(&self) -> std::ops::Range<usize> {
        let first = self.first_feature as usize;
        first..first.saturating_add(self.feature_count as usize)
    }
}

/// The whole encoding: enough to encode another survey the same way.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Encoding {
    /// The questions used, in survey order.
    pub columns: Vec<EncodedColumn>,
    /// The features, question by question.
    pub features: Vec<Feature>,
    /// Whether features were z-scored.
    pub standardize: bool,
    /// Whether Likert features were centred within respondent.
    pub centre_respondents: bool,
}

/// What the encoding is fitted from.
#[derive(Debug, Clone)]
pub struct EncodeSpec<'a> {
    /// The chosen questions, in survey order.
    pub columns: &'a [String],
    /// Per-question weights (missing = 1).
    pub weights: &'a BTreeMap<String, f64>,
    /// Z-score every feature.
    pub standardize: bool,
    /// Centre Likert answers within respondent.
    pub centre_respondents: bool,
    /// Respondent weights, one per respondent.
    pub respondent_weights: &'a [f64],
}

/// The kind's name as messages show it (`likert`, `multi`, ...).
pub(super) fn kind_name(kind: ColumnKind) -> String {
    format!("{kind:?}").to_lowercase()
}
