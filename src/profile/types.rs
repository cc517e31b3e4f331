//! What [`profile`](super::profile) returns. Everything serialises to
//! camelCase JSON; lists are in a fixed order (segments by id, questions in
//! file order, options/levels in their survey order).

use serde::Serialize;

use crate::survey::ColumnKind;

/// The profiles of every segment, and of all (assigned) respondents: figures
/// only (the engagement layer words them into briefs and names).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Profiles {
    /// Respondents in the survey.
    pub respondents: usize,
    /// Respondents assigned to a segment (the base of every figure).
    pub assigned: usize,
    /// Respondents not assigned (segment -1), excluded from every figure.
    pub unassigned: usize,
    /// The disclosure threshold used (respondents).
    pub min_group_size: u32,
    /// All assigned respondents.
    pub overall: GroupProfile,
    /// One per segment id `0..k`, in id order (empty ids included, size 0).
    pub segments: Vec<SegmentFigures>,
}

/// The figures of a group of respondents (a segment, or everyone).
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupProfile {
    /// Respondents in the group.
    pub size: usize,
    /// Sum of their weights.
    pub weighted_size: f64,
    /// `weightedSize` as a share (0–1) of all assigned respondents' weight.
    pub share: f64,
    /// One per profiled question (not `id` or `text`), in file order.
    pub questions: Vec<QuestionProfile>,
}

/// One segment's figures and what sets it apart.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SegmentFigures {
    /// The segment id (0-based, as in the assignments).
    pub id: u32,
    /// True when `size` is below `minGroupSize`: read with care, and exports
    /// suppress its figures.
    pub below_min_size: bool,
    /// The figures.
    #[serde(flatten)]
    pub figures: GroupProfile,
    /// What sets the segment apart from all respondents.
    pub distinctive: Distinctive,
}

/// The figures of one question within a group. Missing answers are excluded.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionProfile {
    /// The column name.
    pub question: String,
    /// The column kind.
    pub kind: ColumnKind,
    /// True when the question was clustered; false for a descriptor.
    pub clustered: bool,
    /// Respondents in the group who answered (the disclosure base).
    pub n: usize,
    /// Their total weight.
    pub weighted_n: f64,
    /// Likert/numeric: the weighted mean in the question's own units (a Likert
    /// mean is a scale position). `null` when nobody answered.
    pub mean: Option<f64>,
    /// Likert/numeric: the weighted population standard deviation within the group.
    pub sd: Option<f64>,
    /// Likert with labels: the scale label nearest the mean.
    pub label: Option<String>,
    /// Likert: weighted share (0–1) answering one of the two highest scale points.
    pub top_two_share: Option<f64>,
    /// Likert/numeric: mean ÷ overall mean × 100; `null` when the overall mean
    /// is 0 (or either mean is missing).
    pub index: Option<f64>,
    /// Likert/numeric: (mean − overall mean) ÷ overall population sd; 0 when
    /// that sd is 0.
    pub standardised_difference: Option<f64>,
    /// Multi options or categorical levels, in survey order; empty otherwise.
    pub categories: Vec<CategoryProfile>,
}

/// One option (multi) or level (categorical) within a group.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CategoryProfile {
    /// The option or level.
    pub label: String,
    /// Respondents in the group who chose it.
    pub count: usize,
    /// Weighted share (0–1) of those who answered the question; `null` when
    /// nobody did.
    pub share: Option<f64>,
    /// share ÷ overall share × 100; `null` when the overall share is 0.
    pub index: Option<f64>,
    /// (share − p) ÷ √(p(1 − p)) with p the overall share: the standardised
    /// difference of the 0/1 "chose it" answer; 0 when p is 0 or 1.
    pub standardised_difference: Option<f64>,
}

/// What sets a segment apart. Likert/numeric questions are ranked by
/// standardised difference (listed when at least 0.2 away from 0); options
/// and levels by share difference in proportion points (listed when at least
/// 0.05 away). At most five per list, largest first, ties in survey order.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Distinctive {
    /// Likert/numeric questions answered higher than average.
    pub questions_above: Vec<Distinction>,
    /// Likert/numeric questions answered lower than average.
    pub questions_below: Vec<Distinction>,
    /// Options/levels chosen more than average.
    pub categories_above: Vec<Distinction>,
    /// Options/levels chosen less than average.
    pub categories_below: Vec<Distinction>,
}

/// One question or option/level that sets a segment apart.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Distinction {
    /// The column name.
    pub question: String,
    /// The option or level, for categories.
    pub category: Option<String>,
    /// The segment's mean (questions) or share (categories).
    pub segment: f64,
    /// All respondents' mean or share.
    pub overall: f64,
    /// Standardised difference (questions) or share difference (categories).
    pub difference: f64,
    /// Respondents in the segment who answered.
    pub n: usize,
}
