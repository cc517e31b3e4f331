//! How good and how stable a segmentation is: internal validity measures,
//! agreement between partitions, the scan over k and stability re-runs.

mod ari;
mod measures;
mod scan;
mod stability;
mod work;

pub use ari::{adjusted_rand, best_jaccard};
pub use measures::{calinski_harabasz, davies_bouldin, silhouette, stratified_sample};
pub use scan::{
    K_RULE, KEdge, KScan, Quality, choose_k, edge_of, evaluate, quality_jobs, scan_jobs, scan_k,
    scan_starts,
};
pub use stability::{Stability, stability, stability_from, stability_jobs};
pub use work::{
    FitData, Half, Job, JobResult, QualityJob, QualityResult, Rows, Start, StartsJob, StartsResult,
    best_start, clustering_of, fit_jobs, half_rows, nearest_all, run_job,
};
