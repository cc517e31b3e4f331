//! Feature builders for the questions answered by choosing: one 0/1
//! indicator per categorical level or multi-select option.

use super::encoding::Feature;
use super::stats::is_constant;
use crate::survey::{Column, ColumnKind};

/// The level or option names a column offers (none where the import
/// recorded none).
pub(super) fn column_options(column: &Column) -> Vec<String> {
    let named = match column.kind {
        ColumnKind::Categorical => column.levels.clone(),
        ColumnKind::Multi => column.options.clone(),
        _ => return Vec::new(),
    };
    named.unwrap_or_default()
}

/// One 0/1 feature per name in `options`: 1 where the answer holds the
/// level or option of that name (`names` gives the answers' indices their
/// names), NaN for a missing answer. An index without a name, or a name not
/// in `options`, counts as none of them.
pub(super) fn indicators<'a>(
    names: &[String],
    options: &[String],
    answers: impl ExactSizeIterator<Item = Option<&'a [u32]>>,
) -> Vec<Vec<f64>> {
    let map: Vec<Option<usize>> = names
        .iter()
        .map(|name| options.iter().position(|o| o == name))
        .collect();
    let mut out = vec![vec![0.0; answers.len()]; options.len()];
    for (i, answer) in answers.enumerate() {
        match answer {
            None => out.iter_mut().for_each(|f| f[i] = f64::NAN),
            Some(chosen) => {
                for c in chosen {
                    if let Some(Some(j)) = map.get(*c as usize) {
                        out[*j][i] = 1.0;
                    }
                }
            }
        }
    }
    out
}

/// The indicator features of a categorical or multi question from the raw
/// indicators of its `options`: the options whose indicator varies, and one
/// feature each, scaled so the question's largest squared distance is 1
/// (categorical × 1/√2, multi × 1/√m for m kept options). `None` when no
/// indicator varies.
pub(super) fn indicator_features(
    name: &str,
    kind: ColumnKind,
    options: &[String],
    raw: &[Vec<f64>],
) -> Option<(Vec<String>, Vec<Feature>)> {
    let kept: Vec<String> = options
        .iter()
        .zip(raw)
        .filter(|(_, values)| !is_constant(values))
        .map(|(option, _)| option.clone())
        .collect();
    if kept.is_empty() {
        return None;
    }
    let block = if kind == ColumnKind::Categorical {
        1.0 / 2f64.sqrt()
    } else {
        1.0 / (kept.len() as f64).sqrt()
    };
    let features = kept
        .iter()
        .map(|option| Feature {
            column: name.to_string(),
            option: Some(option.clone()),
            offset: 0.0,
            scale: block,
            centred: false,
        })
        .collect();
    Some((kept, features))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indicators_match_names_and_ignore_unknown_indices() {
        let names = ["a".to_string(), "b".to_string(), "c".to_string()];
        let options = ["c".to_string(), "a".to_string()];
        let answers: Vec<Option<Vec<u32>>> = vec![Some(vec![0, 2]), Some(vec![1, 9]), None];
        let out = indicators(&names, &options, answers.iter().map(|a| a.as_deref()));
        assert_eq!(out[0][..2], [1.0, 0.0]);
        assert_eq!(out[1][..2], [1.0, 0.0]);
        assert!(out[0][2].is_nan() && out[1][2].is_nan());
    }
}
