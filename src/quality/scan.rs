//! Choosing k: cluster at every k of a range and compare.

use ndarray::ArrayView2;
use serde::{Deserialize, Serialize};

use super::measures::{calinski_harabasz, davies_bouldin, silhouette, stratified_sample};
use crate::cluster::{
    ClusterError, Clustering, KMeansSettings, Prepared, check_fit, kmeans_prepared, restart_seed,
};

/// How `"auto"` picks k.
pub const K_RULE: &str = "highest mean silhouette (partial distances; above silhouetteSample \
respondents on a seeded sample stratified by segment); ties (within 1e-9) go to the smaller k; \
if no k has a silhouette, the smallest k. When the chosen k is the largest scanned, or the \
smallest scanned above 2, the scan says so (edge): a wider range may find a better k";

/// Which end of the scanned range the chosen k sits on, when it does.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KEdge {
    /// The smallest k scanned, above 2: try a lower `kMin`.
    Lower,
    /// The largest k scanned: try a higher `kMax`.
    Upper,
}

/// Quality of the clustering at one k. Silhouette, Calinski–Harabasz and
/// Davies–Bouldin are computed on the encoded answers with partial
/// distances (missing answers left out) and respondent weights; null where
/// undefined.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Quality {
    /// Number of segments.
    pub k: u32,
    /// Weighted sum of squared partial distances to the centroids.
    pub inertia: f64,
    /// Mean silhouette (-1..1, higher is better).
    pub silhouette: Option<f64>,
    /// Calinski–Harabasz index (higher is better).
    pub calinski_harabasz: Option<f64>,
    /// Davies–Bouldin index (lower is better).
    pub davies_bouldin: Option<f64>,
}

/// The scan behind `k: "auto"`.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KScan {
    /// One entry per k tried, ascending.
    pub entries: Vec<Quality>,
    /// The k chosen.
    pub chosen: u32,
    /// The rule that chose it, in words.
    pub rule: String,
    /// Respondents the silhouette was computed on.
    pub silhouette_sample: u32,
    /// Set when the chosen k is at the edge of the range scanned (the
    /// largest k, or the smallest when it is above 2): the best k may lie
    /// outside it. `null` otherwise, and when only one k was scanned.
    pub edge: Option<KEdge>,
}

impl KScan {
    /// What to tell the analyst when [`KScan::edge`] is set.
    pub fn edge_warning(&self) -> Option<String> {
        let (first, last) = (self.entries.first()?.k, self.entries.last()?.k);
        let (end, option) = match self.edge? {
            KEdge::Upper => ("largest", "a higher kMax"),
            KEdge::Lower => ("smallest", "a lower kMin"),
        };
        Some(format!(
            "The best number of segments found, {}, is the {end} tried ({first} to {last}); \
             {option} may find a better one.",
            self.chosen
        ))
    }
}

/// Where `chosen` sits in `k_min..=k_max` (see [`KScan::edge`]).
pub fn edge_of(chosen: u32, k_min: u32, k_max: u32) -> Option<KEdge> {
    if k_min >= k_max {
        None
    } else if chosen == k_max {
        Some(KEdge::Upper)
    } else if chosen == k_min && k_min > 2 {
        Some(KEdge::Lower)
    } else {
        None
    }
}

/// Quality of `clustering` (rows of `data`, NaN = missing), silhouette on at most
/// `sample` rows (a sample stratified by cluster, seeded by `seed` and k).
/// Returns the quality and the number of rows the silhouette used.
pub fn evaluate(
    data: ArrayView2<'_, f64>,
    weights: &[f64],
    clustering: &Clustering,
    sample: usize,
    seed: u32,
) -> (Quality, u32) {
    let k = clustering.centroids.nrows();
    let labels = &clustering.labels;
    let rows = stratified_sample(
        labels,
        k,
        sample,
        restart_seed(seed, 0x5111_0000 + k as u32),
    );
    let used = rows.len() as u32;
    let quality = Quality {
        k: k as u32,
        inertia: clustering.inertia,
        silhouette: silhouette(data, labels, weights, k, Some(&rows)),
        calinski_harabasz: calinski_harabasz(data, labels, weights, k),
        davies_bouldin: davies_bouldin(data, labels, weights, k),
    };
    (quality, used)
}

/// Cluster at every k in `k_min..=k_max` and choose by [`K_RULE`].
/// Returns the scan and the clustering at the chosen k. `progress` hears the
/// share of the scan done (0..=1) after each k. `prep` is `data` and
/// `weights` prepared once for every fit; `settings(k)` is the fit at k
/// (its restarts may differ by k).
#[allow(clippy::too_many_arguments)] // the pipeline's already-checked pieces, passed as they are
pub fn scan_k(
    data: ArrayView2<'_, f64>,
    prep: &Prepared,
    weights: &[f64],
    k_min: u32,
    k_max: u32,
    settings: &dyn Fn(usize) -> KMeansSettings,
    sample: usize,
    progress: &mut dyn FnMut(f64),
) -> Result<(KScan, Clustering), ClusterError> {
    let mut entries = Vec::new();
    let mut best: Option<(Option<f64>, Clustering)> = None;
    let mut used = 0;
    for k in k_min..=k_max {
        check_fit(data, weights, k as usize)?;
        let at_k = settings(k as usize);
        let clustering = kmeans_prepared(prep, &at_k)?;
        let (quality, n) = evaluate(data, weights, &clustering, sample, at_k.seed);
        used = used.max(n);
        let better = match (&best, quality.silhouette) {
            (None, _) => true,
            (Some((None, _)), Some(_)) => true,
            (Some((Some(b), _)), Some(s)) => s > b + 1e-9,
            _ => false,
        };
        if better {
            best = Some((quality.silhouette, clustering));
        }
        entries.push(quality);
        progress(f64::from(k - k_min + 1) / f64::from(k_max - k_min + 1));
    }
    let (_, clustering) = best.ok_or(ClusterError::EmptyKRange { k_min, k_max })?;
    let chosen = clustering.centroids.nrows() as u32;
    let scan = KScan {
        entries,
        chosen,
        rule: K_RULE.to_string(),
        silhouette_sample: used,
        edge: edge_of(chosen, k_min, k_max),
    };
    Ok((scan, clustering))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array2;

    #[test]
    fn edges_of_the_range() {
        assert_eq!(edge_of(8, 2, 8), Some(KEdge::Upper));
        assert_eq!(edge_of(2, 2, 8), None, "k = 2 cannot go lower");
        assert_eq!(edge_of(3, 3, 8), Some(KEdge::Lower));
        assert_eq!(edge_of(5, 2, 8), None);
        assert_eq!(edge_of(4, 4, 4), None, "one k: nothing to widen from");
        let scan = KScan {
            entries: [6, 7, 8]
                .map(|k| Quality {
                    k,
                    inertia: 1.0,
                    silhouette: None,
                    calinski_harabasz: None,
                    davies_bouldin: None,
                })
                .to_vec(),
            chosen: 8,
            rule: K_RULE.to_string(),
            silhouette_sample: 10,
            edge: edge_of(8, 6, 8),
        };
        let warning = scan.edge_warning().unwrap();
        assert!(
            warning.contains("8, is the largest tried (6 to 8)") && warning.contains("kMax"),
            "{warning}"
        );
    }

    #[test]
    fn scan_finds_three_blobs() {
        let centres = [(0.0, 0.0), (5.0, 5.0), (10.0, 0.0)];
        let mut rows = Vec::new();
        for (i, (x, y)) in centres.iter().enumerate() {
            for j in 0..6 {
                let d = (j as f64 - 2.5) * 0.1 + i as f64 * 0.01;
                rows.extend([x + d, y - d * 0.5]);
            }
        }
        let data = Array2::from_shape_vec((18, 2), rows).unwrap();
        let settings = |k| KMeansSettings {
            k,
            seed: 1,
            restarts: 3,
            max_iterations: 100,
            tolerance: 1e-8,
        };
        let mut heard = Vec::new();
        let (scan, clustering) = scan_k(
            data.view(),
            &Prepared::new(data.view(), &[1.0; 18]),
            &[1.0; 18],
            2,
            5,
            &settings,
            3000,
            &mut |p| heard.push(p),
        )
        .unwrap();
        assert_eq!(
            heard,
            [0.25, 0.5, 0.75, 1.0],
            "one report per k, ending at 1"
        );
        assert_eq!(scan.chosen, 3);
        assert_eq!(clustering.centroids.nrows(), 3);
        assert_eq!(scan.entries.len(), 4);
        assert_eq!(scan.silhouette_sample, 18);
        assert_eq!(scan.edge, None);
        assert_eq!(scan.edge_warning(), None);
        // Inertia falls as k grows.
        assert!(
            scan.entries
                .windows(2)
                .all(|w| w[1].inertia <= w[0].inertia + 1e-12)
        );
    }
}
