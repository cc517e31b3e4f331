//! The steps after the per-kind features: centring Likert answers within
//! respondent, standardising every feature, and the per-question weights.

use super::encoding::Encoding;
use super::error::EncodeError;
use super::fit::left_out;
use super::stats::{CONSTANT_EPS, is_constant, weighted_stats};
use crate::survey::{ColumnKind, Survey, Warning};

/// Centre every Likert feature within respondent, then leave out (with a
/// warning) the features that centring made constant, centring again over
/// the rest until none is.
pub(super) fn centre_likert(
    encoding: &mut Encoding,
    survey: &Survey,
    warnings: &mut Vec<Warning>,
) -> Result<(), EncodeError> {
    for f in &mut encoding.features {
        if let Some(c) = encoding.columns.iter().find(|c| c.name == f.column) {
            if c.kind == ColumnKind::Likert {
                f.offset = 0.0;
                f.centred = true;
            }
        }
    }
    // Centring can make a Likert item constant (a lone item, or items that
    // always move together): drop those and centre again over the rest.
    while !encoding.features.is_empty() {
        let base = encoding.apply(survey)?;
        let constant: Vec<usize> = (0..encoding.features.len())
            .filter(|&j| encoding.features[j].centred && is_constant(&base.column(j).to_vec()))
            .collect();
        if constant.is_empty() {
            break;
        }
        for j in constant.iter().rev() {
            let name = encoding.features[*j].column.clone();
            warnings.push(left_out(
                &name,
                "after centring within respondent its answers do not vary",
            ));
        }
        encoding.remove_features(&constant);
    }
    Ok(())
}

/// Z-score every feature with respondent weights (folded into its offset and
/// scale); a feature without spread among weighted respondents is left out
/// with a warning.
pub(super) fn standardise(
    encoding: &mut Encoding,
    survey: &Survey,
    respondent_weights: &[f64],
    warnings: &mut Vec<Warning>,
) -> Result<(), EncodeError> {
    if encoding.features.is_empty() {
        return Ok(());
    }
    let base = encoding.apply(survey)?;
    let mut constant = Vec::new();
    for (j, f) in encoding.features.iter_mut().enumerate() {
        let values = base.column(j);
        let pairs = values
            .iter()
            .copied()
            .zip(respondent_weights.iter().copied());
        match weighted_stats(pairs) {
            Some((mean, sd)) if sd > CONSTANT_EPS => {
                f.offset += mean / f.scale;
                f.scale /= sd;
            }
            _ => constant.push(j),
        }
    }
    for j in &constant {
        let name = encoding.features[*j].column.clone();
        warnings.push(left_out(
            &name,
            "a feature has no spread among weighted respondents",
        ));
    }
    encoding.remove_features(&constant);
    Ok(())
}

/// Multiply each question's features by √weight, so the weight multiplies
/// the question's share of the squared distance.
pub(super) fn apply_weights(encoding: &mut Encoding) {
    for c in &encoding.columns {
        let root = c.weight.sqrt();
        for f in encoding
            .features
            .get_mut(c.features())
            .into_iter()
            .flatten()
        {
            f.scale *= root;
        }
    }
}

impl Encoding {
    /// Remove features by index and drop questions left without features.
    fn remove_features(&mut self, indices: &[usize]) {
        let mut keep = vec![true; self.features.len()];
        for &j in indices {
            keep[j] = false;
        }
        let mut features = Vec::new();
        let mut columns = Vec::new();
        for c in &self.columns {
            let mut column = c.clone();
            column.first_feature = features.len() as u32;
            let mut options = Vec::new();
            let range = c.features();
            for (feature, _) in self.features[range.clone()]
                .iter()
                .zip(&keep[range])
                .filter(|(_, k)| **k)
            {
                if let Some(o) = &feature.option {
                    options.push(o.clone());
                }
                features.push(feature.clone());
            }
            column.feature_count = features.len() as u32 - column.first_feature;
            column.options = options;
            if column.feature_count > 0 {
                columns.push(column);
            }
        }
        self.features = features;
        self.columns = columns;
    }
}
