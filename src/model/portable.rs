//! A segmentation saved as plain JSON, and assignment of new respondents.

use ndarray::Array2;
use serde::{Deserialize, Serialize};

use super::error::ModelError;
use crate::cluster::nearest;
use crate::encode::Encoding;
use crate::survey::Survey;

/// A saved segmentation: the encoding and the centroids, nothing about any
/// respondent. Serialises to plain JSON (camelCase).
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Model {
    /// Version of citizen-segments that made it.
    pub version: String,
    /// The seed of the segmentation.
    pub seed: u32,
    /// Number of segments.
    pub k: u32,
    /// Hash of the survey the model was fitted on.
    pub input_hash: String,
    /// How answers become features (questions, kinds, scales, levels and
    /// options, weights, offsets and scales).
    pub encoding: Encoding,
    /// The respondent weight column used when fitting, if any.
    pub weight_column: Option<String>,
    /// k rows of feature values, in segment order.
    pub centroids: Vec<Vec<f64>>,
    /// The id of each centroid's segment.
    pub segment_ids: Vec<u32>,
    /// The name of each centroid's segment (empty in models saved without names).
    #[serde(default)]
    pub names: Vec<String>,
}

/// The version of citizen-segments writing models now.
pub const MODEL_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The part of a version that must match for a model to be read: the major
/// number, or `0.minor` while the major number is 0 (semver's rule for what
/// may change), e.g. `"0.1"` for `"0.1.3"`. `None` when it is not a version.
fn compatible_part(version: &str) -> Option<String> {
    let mut parts = version.trim().splitn(3, '.');
    let major: u64 = parts.next()?.parse().ok()?;
    let minor: u64 = parts.next()?.parse().ok()?;
    // The patch (with any pre-release tag) must be there but can be anything.
    parts
        .next()
        .filter(|p| p.starts_with(|c: char| c.is_ascii_digit()))?;
    Some(if major == 0 {
        format!("0.{minor}")
    } else {
        major.to_string()
    })
}

impl Model {
    /// Refuse a model written by a version whose models this version does
    /// not read (another major version, or another `0.minor`), saying which
    /// version it is.
    pub fn check_version(&self) -> Result<(), ModelError> {
        let ours = compatible_part(MODEL_VERSION);
        if ours.is_some() && compatible_part(&self.version) == ours {
            return Ok(());
        }
        Err(ModelError::Version {
            found: self.version.clone(),
            current: MODEL_VERSION,
            reads: format!("{}.x", ours.unwrap_or_default()),
        })
    }
}

/// Where new respondents go. Serialises to camelCase JSON and reads back
/// (a distance of `null` is read as NaN), so a saved assignment can be
/// exported later.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Assignment {
    /// Respondent identifiers in input order (the survey's id column, or its
    /// spreadsheet row numbers).
    pub ids: Vec<String>,
    /// Segment id per respondent in input order; -1 when the respondent
    /// answered none of the model's questions.
    pub assignments: Vec<i32>,
    /// Partial Euclidean distance to the segment's centroid in encoded units
    /// (NaN, JSON `null`, for -1).
    #[serde(deserialize_with = "nan_for_null")]
    pub distances: Vec<f64>,
    /// The model's segment names, indexed by segment id: `names[2]` names
    /// segment 2. Empty strings when the model was saved without names.
    pub names: Vec<String>,
}

/// Reads numbers where JSON's `null` stands for NaN.
fn nan_for_null<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<f64>, D::Error> {
    let values: Vec<Option<f64>> = Deserialize::deserialize(d)?;
    Ok(values.into_iter().map(|v| v.unwrap_or(f64::NAN)).collect())
}

/// Put the respondents of `survey` into the segments of `model`, encoding
/// their answers exactly as the model's survey was encoded. Missing answers
/// are allowed (partial distance); answers at levels or options the model
/// does not know count as none of the known ones.
///
/// Fails when the model was made by a version this one does not read (see
/// [`Model::check_version`]), the survey lacks questions of the model
/// (naming them all), has one with another kind, or the model is
/// inconsistent.
pub fn assign(model: &Model, survey: &Survey) -> Result<Assignment, ModelError> {
    model.check_version()?;
    let p = model.encoding.features.len();
    let k = model.centroids.len();
    if k == 0 || k != model.segment_ids.len() || k != model.k as usize {
        return Err(ModelError::Invalid(format!(
            "k = {} but {} centroids and {} segment ids",
            model.k,
            k,
            model.segment_ids.len()
        )));
    }
    if model
        .centroids
        .iter()
        .any(|c| c.len() != p || c.iter().any(|x| !x.is_finite()))
    {
        return Err(ModelError::Invalid(format!(
            "every centroid must have {p} finite values"
        )));
    }
    let names = names_by_id(model)?;
    let centroids = Array2::from_shape_vec((k, p), model.centroids.concat())
        .map_err(|e| ModelError::Invalid(e.to_string()))?;
    let data = model.encoding.apply(survey)?;
    let mut assignments = Vec::with_capacity(survey.respondents);
    let mut distances = Vec::with_capacity(survey.respondents);
    for row in data.rows() {
        match nearest(row, centroids.view()) {
            Some((j, d)) => {
                assignments.push(model.segment_ids[j] as i32);
                distances.push(d.sqrt());
            }
            None => {
                assignments.push(-1);
                distances.push(f64::NAN);
            }
        }
    }
    Ok(Assignment {
        ids: survey.ids.clone(),
        assignments,
        distances,
        names,
    })
}

/// The model's names indexed by segment id; its ids must be `0..k` in any
/// order.
fn names_by_id(model: &Model) -> Result<Vec<String>, ModelError> {
    let k = model.segment_ids.len();
    let mut names: Vec<Option<String>> = vec![None; k];
    for (j, &id) in model.segment_ids.iter().enumerate() {
        let slot = names
            .get_mut(id as usize)
            .filter(|slot| slot.is_none())
            .ok_or_else(|| {
                ModelError::Invalid(format!(
                    "segment ids must be 0 to {} with none repeated, got {:?}",
                    k - 1,
                    model.segment_ids
                ))
            })?;
        *slot = Some(model.names.get(j).cloned().unwrap_or_default());
    }
    Ok(names.into_iter().flatten().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::encode::{EncodeSpec, fit_encoding};
    use crate::testing::{likert, survey};

    /// A model of two segments at either end of two questions, made without
    /// the pipeline (which sits above this layer).
    fn model() -> (Model, Survey) {
        let s = survey(vec![
            likert("a", &[Some(1.0), Some(2.0), Some(5.0), Some(4.0)], 1.0, 5.0),
            likert("b", &[Some(5.0), Some(4.0), Some(1.0), Some(2.0)], 1.0, 5.0),
        ]);
        let columns = ["a".to_string(), "b".to_string()];
        let spec = EncodeSpec {
            columns: &columns,
            weights: &Default::default(),
            standardize: false,
            centre_respondents: false,
            respondent_weights: &[1.0; 4],
        };
        let (encoding, _) = fit_encoding(&s, &spec).unwrap();
        let width = encoding.features.len();
        let model = Model {
            version: MODEL_VERSION.to_string(),
            seed: 42,
            k: 2,
            input_hash: s.input_hash.clone(),
            encoding,
            weight_column: None,
            centroids: vec![vec![0.0; width], vec![1.0; width]],
            segment_ids: vec![0, 1],
            names: vec!["Low".into(), "High".into()],
        };
        (model, s)
    }

    #[test]
    fn compatible_part_is_the_major_or_zero_minor() {
        assert_eq!(compatible_part("0.1.0").as_deref(), Some("0.1"));
        assert_eq!(compatible_part("0.1.7-beta.2").as_deref(), Some("0.1"));
        assert_eq!(compatible_part("2.3.4").as_deref(), Some("2"));
        for not_a_version in ["", "0.1", "x.1.0", "0.1.x", "1..0"] {
            assert_eq!(compatible_part(not_a_version), None, "{not_a_version:?}");
        }
    }

    #[test]
    fn a_model_of_this_version_or_a_patch_of_it_is_read() {
        let (mut m, s) = model();
        assert_eq!(m.version, MODEL_VERSION);
        assert!(assign(&m, &s).is_ok());
        let ours = compatible_part(MODEL_VERSION).unwrap();
        m.version = format!("{ours}.999");
        assert!(assign(&m, &s).is_ok());
    }

    #[test]
    fn a_model_of_another_version_is_refused_naming_it() {
        let (mut m, s) = model();
        for other in ["9.0.0", "0.999.0", "", "latest"] {
            m.version = other.to_string();
            let e = assign(&m, &s).unwrap_err();
            assert!(
                matches!(&e, ModelError::Version { found, .. } if found == other),
                "{e:?}"
            );
            let text = e.to_string();
            assert!(
                text.contains(&format!("citizen-segments {other:?}")),
                "{text}"
            );
            assert!(text.contains(MODEL_VERSION), "{text}");
        }
    }
}
