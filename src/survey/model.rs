//! The typed survey: what `parse_survey` returns and every later step reads.

use serde::{Deserialize, Serialize};

use super::numbers::Numbers;

/// What a column holds, inferred by the import and overridable by the caller.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ColumnKind {
    /// The unique respondent identifier. Never clustered.
    Id,
    /// An ordered rating scale (numeric 1–5, 0–10, or labelled).
    Likert,
    /// Check-all-that-apply: a set of options per respondent.
    Multi,
    /// One of a small set of unordered levels.
    Categorical,
    /// A free number (age in years, household size, ...).
    Numeric,
    /// Free text. Never clustered.
    Text,
    /// About the response rather than an answer (a timestamp, an IP address,
    /// a collector id, a progress or status flag, ...): kept as text, never
    /// clustered unless the caller names it with another kind. The column's
    /// `reason` says why.
    Metadata,
}

/// The possible range of a Likert question, recorded even where no respondent
/// used its ends.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Scale {
    /// The lowest possible value (labelled scales start at 1).
    pub min: f64,
    /// The highest possible value.
    pub max: f64,
    /// Labels in order, lowest first; empty for a purely numeric scale.
    pub labels: Vec<String>,
}

impl Scale {
    /// The label nearest to `value`, if the scale is labelled.
    pub fn nearest_label(&self, value: f64) -> Option<&str> {
        if self.labels.is_empty() || !value.is_finite() {
            return None;
        }
        let step = if self.labels.len() > 1 {
            (self.max - self.min) / (self.labels.len() - 1) as f64
        } else {
            1.0
        };
        let i = ((value - self.min) / step)
            .round()
            .clamp(0.0, (self.labels.len() - 1) as f64);
        self.labels.get(i as usize).map(String::as_str)
    }
}

/// The answers of one column, one entry per respondent in input order.
/// `None` is a missing answer (blank, `NA`, `Don't know`, a missing code ...).
#[derive(Debug, Clone, PartialEq)]
pub enum Values {
    /// `likert` (the position on the scale, labelled scales as `min + index`)
    /// and `numeric` columns, one byte a respondent for up to 255 distinct
    /// answers (see [`Numbers`]).
    Numbers(Numbers),
    /// `categorical` columns: an index into [`Column::levels`].
    Levels(Vec<Option<u32>>),
    /// `multi` columns: sorted indices into [`Column::options`]. An answered
    /// question with nothing ticked is `Some(vec![])`.
    Sets(Vec<Option<Vec<u32>>>),
    /// `id` and `text` columns, trimmed.
    Text(Vec<Option<String>>),
}

impl Values {
    /// Number of respondents.
    pub fn len(&self) -> usize {
        match self {
            Values::Numbers(v) => v.len(),
            Values::Levels(v) => v.len(),
            Values::Sets(v) => v.len(),
            Values::Text(v) => v.len(),
        }
    }

    /// True when there are no respondents.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many respondents did not answer.
    pub fn missing(&self) -> usize {
        if let Values::Numbers(v) = self {
            return v.missing();
        }
        (0..self.len()).filter(|&r| self.is_missing(r)).count()
    }

    /// True when respondent `row` (0-based) did not answer.
    pub fn is_missing(&self, row: usize) -> bool {
        match self {
            Values::Numbers(v) => v.get(row).is_none(),
            Values::Levels(v) => v[row].is_none(),
            Values::Sets(v) => v[row].is_none(),
            Values::Text(v) => v[row].is_none(),
        }
    }
}

/// One question (or, for a `multi` question spread over 0/1 columns, the
/// group of columns sharing a prefix).
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Column {
    /// The header as written in the file (for a grouped `multi`, the shared prefix).
    pub name: String,
    /// What the column holds.
    pub kind: ColumnKind,
    /// How many respondents did not answer.
    pub missing: usize,
    /// `likert` only: the possible range and labels.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub scale: Option<Scale>,
    /// `multi` only: the options, in first-seen order.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub options: Option<Vec<String>>,
    /// `categorical` only: the levels, in first-seen order.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub levels: Option<Vec<String>>,
    /// The source headers this question came from (more than one for a
    /// grouped `multi`).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub headers: Vec<String>,
    /// The survey tool's short code for the column (`Q1_1`, `Q1[SQ001]`)
    /// when the file has a header row of codes under or over the readable
    /// names; for a grouped `multi`, the question's code.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub code: Option<String>,
    /// `metadata` only: why the column was recognised as metadata, e.g.
    /// `named like an IP address` or `every answer is a date or time`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub reason: Option<String>,
    /// A free-text column tied to a question (its "Other (please specify)"
    /// text): the question's name.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub other_of: Option<String>,
    /// The answers. Not serialised: bulk data crosses to JS as typed arrays.
    #[serde(skip)]
    pub values: Values,
}

impl Column {
    /// A question read from the one header `name`, with no scale, options or
    /// levels yet; `missing` is counted from the answers, so it cannot
    /// disagree with them.
    pub fn new(name: &str, kind: ColumnKind, values: Values) -> Column {
        Column {
            name: name.to_string(),
            kind,
            missing: values.missing(),
            scale: None,
            options: None,
            levels: None,
            headers: vec![name.to_string()],
            code: None,
            reason: None,
            other_of: None,
            values,
        }
    }
}

impl Default for Values {
    fn default() -> Self {
        Values::Text(Vec::new())
    }
}

/// Something the import noticed that the analyst should know, without it
/// being an error.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    /// A stable machine-readable code.
    pub code: WarningCode,
    /// The column concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub column: Option<String>,
    /// The row concerned (1-based as a spreadsheet shows it, the header being row 1).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub row: Option<usize>,
    /// A readable sentence.
    pub message: String,
}

/// The kinds of warning.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum WarningCode {
    /// The bytes were not UTF-8 and were decoded as Windows-1252.
    DecodedWindows1252,
    /// Every answer in the column is the same.
    ConstantColumn,
    /// Almost every answer in the column is missing.
    MostlyMissing,
    /// A Likert value lies outside the column's scale.
    OutOfScale,
    /// Blank or delimiter-only lines at the end were ignored.
    TrailingBlankLines,
    /// A column was left out of the clustering.
    ColumnLeftOut,
    /// Some respondents answered none of the clustered questions.
    NoAnswers,
    /// Survey previews or test responses were left out.
    PreviewsLeftOut,
    /// Some responses are incomplete (not finished, not submitted, partial);
    /// they are kept.
    IncompleteResponses,
    /// The number of segments chosen is the largest (or the smallest above
    /// 2) of the range scanned: a wider range may find a better one.
    KAtEdge,
    /// Anything else worth knowing.
    Other,
}

/// A parsed survey: respondents in input order, one [`Column`] per question.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Survey {
    /// Number of respondents (data rows).
    pub respondents: usize,
    /// The questions, in file order.
    pub columns: Vec<Column>,
    /// What the import noticed.
    pub warnings: Vec<Warning>,
    /// The respondent identifiers: the id column's values, or `"2"`, `"3"`, ...
    /// (the spreadsheet row) when there is none.
    pub ids: Vec<String>,
    /// Name of the id column, if any.
    pub id_column: Option<String>,
    /// The delimiter that was used.
    pub delimiter: u8,
    /// A hash (FNV-1a 64, hex) of the input bytes, recorded in every model.
    pub input_hash: String,
}

impl Survey {
    /// The column named `name`.
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }
}
