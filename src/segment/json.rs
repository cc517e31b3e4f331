//! The JSON (and TypeScript) shape of a [`Segmentation`]: each segment's
//! profile carries its brief, and the profiles and briefs show the segment's
//! name from its one home, `Segmentation::segments`. Borrowed views, made at
//! serialisation time, so nothing is copied or stored twice.

use serde::{Serialize, Serializer};

use super::result::{SegmentSummary, Segmentation};
use crate::encode::Encoding;
use crate::engage::{Brief, ColumnRole, Recognition};
use crate::profile::{GroupProfile, SegmentFigures};
use crate::project::Projection;
use crate::quality::{KScan, Quality, Stability};
use crate::survey::Warning;

/// The result of `segment`, as plain data. The encoding's fields (`columns`,
/// `features`, `standardize`, `centreRespondents`) appear at the top level.
// In TypeScript the views keep their `...Data` names, so `SegmentationData`
// is distinct from the `Segmentation` class whose `toJSON()` returns it.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SegmentationData<'a> {
    /// Number of segments.
    pub k: u32,
    /// Segment of each respondent in input order; -1 for a respondent who
    /// answered none of the chosen questions.
    pub assignments: &'a [i32],
    /// Each respondent's (partial) Euclidean distance to its segment's
    /// centroid in encoded units; NaN (JSON `null`) for -1.
    pub distances: &'a [f64],
    /// k rows of encoded feature values (see `features` to map them back).
    pub centroids: &'a [Vec<f64>],
    /// Every column's role in this run (basis: clustered; descriptor:
    /// profiled, not clustered; left out: neither) and the reason for it, in
    /// the survey's column order.
    pub roles: &'a [ColumnRole],
    /// The encoding: questions used and the features with their mapping back.
    #[serde(flatten)]
    pub encoding: &'a Encoding,
    /// Weighted sum of squared partial distances of respondents to their centroid.
    pub inertia: f64,
    /// Lloyd iterations of the kept restart.
    pub iterations: u32,
    /// Whether the kept restart stopped before `maxIterations`.
    pub converged: bool,
    /// The seed used.
    pub seed: u32,
    /// Restarts asked for (per k); null when they adapt to the size of the data.
    pub restarts: Option<u32>,
    /// k-means++ starts that ran at the chosen k (the kept fit, and each
    /// stability fit); by default many for a small survey and few for a
    /// large one (see startsRule).
    pub starts: u32,
    /// How the number of starts per k was set, in words.
    pub starts_rule: &'a str,
    /// Quality measures at the chosen k.
    pub quality: &'a Quality,
    /// Name, size, share and stability per segment.
    pub segments: &'a [SegmentSummary],
    /// The scan over k (present when k was `"auto"`).
    pub k_scan: Option<&'a KScan>,
    /// Stability across seeds and halves (present when `stability` is on).
    pub stability: Option<&'a Stability>,
    /// 2-D PCA picture.
    pub projection: &'a Projection,
    /// What the analyst should know (questions left out, unassigned respondents, ...).
    pub warnings: &'a [Warning],
    /// Respondents with segment -1.
    pub unassigned: u32,
    /// The respondent weight column, if any.
    pub weight_column: Option<&'a str>,
    /// Hash of the survey's input bytes.
    pub input_hash: &'a str,
    /// Per segment and overall figures, with engagement briefs.
    pub profiles: ProfilesData<'a>,
}

/// The profiles of every segment, and of all (assigned) respondents.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfilesData<'a> {
    /// Respondents in the survey.
    pub respondents: usize,
    /// Respondents assigned to a segment (the base of every figure).
    pub assigned: usize,
    /// Respondents not assigned (segment -1), excluded from every figure.
    pub unassigned: usize,
    /// The disclosure threshold used (respondents).
    pub min_group_size: u32,
    /// All assigned respondents.
    pub overall: &'a GroupProfile,
    /// One per segment id `0..k`, in id order (empty ids included, size 0).
    pub segments: Vec<SegmentProfileData<'a>>,
    /// Which questions and options are about which activity.
    pub activities: &'a Recognition,
}

/// One segment: its figures, what sets it apart, its name and its
/// engagement brief.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SegmentProfileData<'a> {
    /// A short plain-language name, unique within the result.
    pub name: &'a str,
    /// The figures and what sets the segment apart.
    #[serde(flatten)]
    pub figures: &'a SegmentFigures,
    /// How to approach the segment.
    pub brief: BriefData<'a>,
}

/// How to approach one segment, with its name.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BriefData<'a> {
    /// The segment's name.
    pub name: &'a str,
    /// The brief.
    #[serde(flatten)]
    pub brief: &'a Brief,
}

impl Segmentation {
    /// This result in its JSON shape, borrowing from it.
    pub fn data(&self) -> SegmentationData<'_> {
        let p = &self.profiles;
        let segments = p
            .segments
            .iter()
            .zip(&self.briefs)
            .map(|(figures, brief)| {
                let name = self
                    .segments
                    .iter()
                    .find(|s| s.id == figures.id)
                    .map_or("", |s| s.name.as_str());
                SegmentProfileData {
                    name,
                    figures,
                    brief: BriefData { name, brief },
                }
            })
            .collect();
        SegmentationData {
            k: self.k,
            assignments: &self.assignments,
            distances: &self.distances,
            centroids: &self.centroids,
            roles: &self.roles,
            encoding: &self.encoding,
            inertia: self.inertia,
            iterations: self.iterations,
            converged: self.converged,
            seed: self.seed,
            restarts: self.restarts,
            starts: self.starts,
            starts_rule: &self.starts_rule,
            quality: &self.quality,
            segments: &self.segments,
            k_scan: self.k_scan.as_ref(),
            stability: self.stability.as_ref(),
            projection: &self.projection,
            warnings: &self.warnings,
            unassigned: self.unassigned,
            weight_column: self.weight_column.as_deref(),
            input_hash: &self.input_hash,
            profiles: ProfilesData {
                respondents: p.respondents,
                assigned: p.assigned,
                unassigned: p.unassigned,
                min_group_size: p.min_group_size,
                overall: &p.overall,
                segments,
                activities: &self.activities,
            },
        }
    }
}

impl Serialize for Segmentation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.data().serialize(serializer)
    }
}

/// The TypeScript type of a serialised [`Segmentation`] is its data's.
#[cfg(target_arch = "wasm32")]
impl tsify::Tsify for Segmentation {
    type JsType = <SegmentationData<'static> as tsify::Tsify>::JsType;
    const DECL: &'static str = <SegmentationData<'static> as tsify::Tsify>::DECL;
}

#[cfg(test)]
mod tests {
    use crate::segment::{KChoice, SegmentOptions, segment};
    use crate::testing::{likert, survey};

    #[test]
    fn each_profile_carries_its_figures_name_and_brief() {
        let answers = [1.0, 1.0, 2.0, 5.0, 5.0, 4.0].map(Some);
        let s = survey(vec![likert("q", &answers, 1.0, 5.0)]);
        let options = SegmentOptions {
            k: KChoice::Fixed(2),
            stability: false,
            min_group_size: 1,
            ..SegmentOptions::default()
        };
        let result = segment(&s, &options).expect("a valid survey");
        let json = serde_json::to_value(&result).unwrap_or_default();
        let profiles = &json["profiles"];
        assert_eq!(profiles["respondents"], 6);
        assert_eq!(profiles["minGroupSize"], 1);
        assert!(profiles["activities"]["sources"].is_array());
        for (id, p) in profiles["segments"]
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
        {
            let summary = &json["segments"][id];
            assert_eq!(p["id"], id);
            assert_eq!(p["size"], summary["size"]);
            assert!(p["questions"][0]["mean"].is_number());
            assert!(p["distinctive"]["questionsAbove"].is_array());
            assert_eq!(p["name"], summary["name"]);
            assert_eq!(p["brief"]["name"], summary["name"]);
            assert_eq!(p["brief"]["segment"], id);
            assert!(p["brief"]["headline"].is_string());
        }
        assert_eq!(profiles["segments"].as_array().map(Vec::len), Some(2));
        // The encoding's fields sit at the top level; the Rust-only fields do not.
        assert!(json["features"].is_array());
        assert!(json.get("ids").is_none() && json.get("options").is_none());
        assert!(json.get("briefs").is_none());
    }
}
